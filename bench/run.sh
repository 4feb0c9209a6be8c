#!/usr/bin/env bash
# Benchmarks (figures go to docs/PERFORMANCE.md). Needs ../shared/corpus beside the checkout.
#   bench/run.sh [RUNS]   default 11 runs per figure; medians, runs interleaved
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "bench: $corpus is absent" >&2; exit 2; }
scripts/setup.sh >/dev/null
cmake --build build --target parser_perftest references_perftest compile_perftest >/dev/null

echo "== parse throughput (libpg_query ways of producing a tree)"
./build/parser_perftest --runs "$runs" "$corpus"/{harness,hatchet,kratos,documenso,fider,crates-io,supabase-postgres,synapse}

echo
echo "== analyzer: collect_reads() throughput over every corpus statement"
./build/references_perftest --runs "$runs" "$corpus"/{harness,hatchet,kratos,documenso,fider,crates-io}

echo
echo "== analyzer share of compiling the largest corpus (emitters left out: an upper bound)"
./build/compile_perftest --runs "$runs" --placeholder ohdsiSchema=webapi \
  "$corpus/ohdsi-webapi/src/main/resources/db/migration/postgresql"
./build/compile_perftest --runs "$runs" "$corpus/hatchet/cmd/hatchet-migrate/migrate/migrations"

echo
echo "== migc build wall time, whole process (median of $runs interleaved runs)"
cases=(
  "ohdsi-webapi|$corpus/ohdsi-webapi/src/main/resources/db/migration/postgresql|--placeholder ohdsiSchema=webapi"
  "kratos|$corpus/kratos/persistence/sql/migrations/sql|"
  "hatchet|$corpus/hatchet/cmd/hatchet-migrate/migrate/migrations|"
  "harness|$corpus/harness/app/store/database/migrate/postgres|--no-rollback"
  "documenso|$corpus/documenso/packages/prisma/migrations|"
  "crates-io|$corpus/crates-io/migrations|--no-rollback"
)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A samples
for ((r = 0; r < runs; r++)); do
  for c in "${cases[@]}"; do
    IFS='|' read -r name dir args <<<"$c"
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    ./build/migc build "$dir" -o "$out/$name" $args >/dev/null 2>&1
    t1=$(date +%s%N)
    samples[$name]+="$(( (t1 - t0) / 1000 )) "
  done
done
for c in "${cases[@]}"; do
  IFS='|' read -r name dir args <<<"$c"
  stmts=$(grep -c '"column":' "$out/$name/plan.json")
  median=$(tr ' ' '\n' <<<"${samples[$name]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-13s %6d statements  %7.1f ms\n' "$name" "$stmts" "$(awk "BEGIN {print $median/1000}")"
done
