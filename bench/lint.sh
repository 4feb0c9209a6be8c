#!/usr/bin/env bash
# migc lint against squawk 2.66.0 (npm squawk-cli) on the same corpus files, whole processes,
# medians of interleaved runs; then the pre-commit latency of `migc lint FILE` on the last file
# of synthetic 1,000- and 10,000-migration directories (at most 5 runs). Figures go to the
# "migc lint" section of docs/PERFORMANCE.md. Needs ../shared/corpus beside the checkout, node
# and npm.
#   bench/lint.sh [RUNS]   default 11 runs per figure
# squawk is installed once into $MIGC_BENCH_TOOLS (default ~/.cache/migc-bench), never the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "bench: $corpus is absent" >&2; exit 2; }
migc=${MIGC:-./build/migc}
[ -x "$migc" ] || { echo "bench: $migc is not built (bash scripts/setup.sh)" >&2; exit 2; }
tools=${MIGC_BENCH_TOOLS:-$HOME/.cache/migc-bench}
squawk=$tools/squawk/node_modules/.bin/squawk
if [ ! -x "$squawk" ]; then
  mkdir -p "$tools"
  npm install --no-audit --no-fund --prefix "$tools/squawk" squawk-cli@2.66.0 >/dev/null
fi

# The npm package's command is a node script that starts squawk's native binary; both are timed.
squawk_bin=$(find "$tools/squawk/node_modules/@squawk-cli" -path '*/bin/squawk' -type f | head -1)
[ -x "$squawk_bin" ] || { echo "bench: squawk's native binary is missing under $tools/squawk" >&2; exit 2; }

now_us() { echo $(( $(date +%s%N) / 1000 )); }
median_ms() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'; }

echo "== migc lint vs $("$squawk" --version), whole process (median of $runs interleaved runs, ms)"
echo "| corpus | files | statements | migc lint | squawk (npm command) | speed-up | squawk binary alone | speed-up |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
# name|migrations directory|migc flags|find expression for the files squawk gets (the up parts)
cases=(
  "fider|$corpus/fider/migrations||-name *.sql ! -name *.down.sql"
  "documenso|$corpus/documenso/packages/prisma/migrations||-name migration.sql"
  "crates-io|$corpus/crates-io/migrations||-name up.sql"
  "kratos|$corpus/kratos/persistence/sql/migrations/sql||-name *.up.sql"
  "hatchet|$corpus/hatchet/cmd/hatchet-migrate/migrate/migrations||-name *.sql"
)
for c in "${cases[@]}"; do
  IFS='|' read -r name dir args find_expr <<<"$c"
  # shellcheck disable=SC2086
  mapfile -t files < <(find "$dir" -type f $find_expr | sort)
  statements=$(cat "${files[@]}" | grep -c ';' || true)
  m="" s="" n=""
  for ((r = 0; r < runs; r++)); do
    t0=$(now_us)
    # shellcheck disable=SC2086
    "$migc" lint --dir "$dir" $args --format json >/dev/null 2>&1 || true
    t1=$(now_us)
    "$squawk" --reporter json "${files[@]}" >/dev/null 2>&1 || true
    t2=$(now_us)
    "$squawk_bin" --reporter json "${files[@]}" >/dev/null 2>&1 || true
    t3=$(now_us)
    m+="$((t1 - t0)) " s+="$((t2 - t1)) " n+="$((t3 - t2)) "
  done
  mm=$(echo "$m" | median_ms) sm=$(echo "$s" | median_ms) nm=$(echo "$n" | median_ms)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f×", b / a}'; }
  echo "| $name | ${#files[@]} | ~$statements | $mm | $sm | $(ratio "$mm" "$sm") | $nm | $(ratio "$mm" "$nm") |"
done

echo
echo "== pre-commit latency: migc lint FILE on the last migration of a synthetic directory (median of $(( runs < 5 ? runs : 5 )) runs, ms)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache  # the parse cache of these throwaway directories
# A directory of N migrations: tables each created, altered, indexed concurrently and filled over
# four migrations.
synthetic() {
  python3 - "$1" "$2" <<'EOF'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(root)
for i in range(1, n + 1):
    t, k = f"t{(i - 1) // 4}", (i - 1) % 4
    sql = [
        f"CREATE TABLE {t} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n"
        f"CREATE INDEX {t}_name ON {t} (name);\n",
        f"ALTER TABLE {t} ADD COLUMN note text;\nCOMMENT ON COLUMN {t}.note IS 'free text';\n",
        f"SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY {t}_created ON {t} (created_at);\n",
        f"INSERT INTO {t} (id, name) VALUES (1, 'a'), (2, 'b');\nUPDATE {t} SET note = name WHERE id = 1;\n",
    ][k]
    with open(f"{root}/{i:05d}_m.sql", "w") as f:
        f.write(sql)
EOF
}
echo "| migrations | migc lint FILE (parse cache warm) | migc lint FILE --no-cache | migc lint, all migrations | squawk FILE |"
echo "|---:|---:|---:|---:|---:|"
pre_runs=$(( runs < 5 ? runs : 5 ))
for n in 1000 10000; do
  dir=$work/db$n
  synthetic "$dir" "$n"
  last=$dir/$(printf '%05d' "$n")_m.sql
  "$migc" lint --dir "$dir" "$last" >/dev/null 2>&1 || true  # fills the parse cache
  one="" cold="" all="" sq=""
  for ((r = 0; r < pre_runs; r++)); do
    t0=$(now_us)
    "$migc" lint --dir "$dir" "$last" >/dev/null 2>&1 || true
    t1=$(now_us)
    "$migc" lint --dir "$dir" "$last" --no-cache >/dev/null 2>&1 || true
    t2=$(now_us)
    "$migc" lint --dir "$dir" >/dev/null 2>&1 || true
    t3=$(now_us)
    "$squawk" "$last" >/dev/null 2>&1 || true
    t4=$(now_us)
    one+="$((t1 - t0)) " cold+="$((t2 - t1)) " all+="$((t3 - t2)) " sq+="$((t4 - t3)) "
  done
  echo "| $n | $(echo "$one" | median_ms) | $(echo "$cold" | median_ms) | $(echo "$all" | median_ms) | $(echo "$sq" | median_ms) |"
done
