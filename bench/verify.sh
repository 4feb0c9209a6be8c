#!/usr/bin/env bash
# `migc verify migrations-example`, whole process, cold (no initdb cache: initdb runs) and warm
# (cached cluster), runs interleaved; then the median of each phase of the warm runs.
#   bench/verify.sh [RUNS] [MIGC]   default 11 runs, ./build/migc
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
migc=${2:-./build/migc}
[ -x "$migc" ] || { echo "bench: $migc is not built" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs verify with XDG_CACHE_HOME=$1 and prints its wall time in µs; --timings go to $2.
run() {
  local t0 t1
  t0=$(date +%s%N)
  XDG_CACHE_HOME="$1" "$migc" verify migrations-example --timings >/dev/null 2>"$2"
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
  # The teardown, and on a cold run the filling of the cache, finish in the background.
  while compgen -G "$1/migc/*.tmp-*" >/dev/null || ! compgen -G "$1/migc/pg*" >/dev/null; do sleep 0.05; done
  sleep 0.3
}

mkdir -p "$work/warm"
run "$work/warm" /dev/null >/dev/null  # fills the warm cache
cold="" warm=""
for ((r = 0; r < runs; r++)); do
  rm -rf "$work/cold" && mkdir -p "$work/cold"
  cold+="$(run "$work/cold" /dev/null) "
  warm+="$(run "$work/warm" "$work/timings.$r") "
done

printf 'cold (initdb, then verify)  %7.1f ms\n' "$(awk "BEGIN {print $(median <<<"$cold")/1000}")"
printf 'warm (cached cluster)       %7.1f ms\n' "$(awk "BEGIN {print $(median <<<"$warm")/1000}")"
echo
echo "warm phases (median start and duration, ms):"
cat "$work"/timings.* | awk '/ ms  / {
    name = $0; sub(/^ *[0-9.]+ ms +[0-9.]+ ms  /, "", name); sub(/ \(.*$/, "", name)
    start[name] = start[name] " " $1; dur[name] = dur[name] " " $3
    if (!(name in seen)) { seen[name] = 1; order[++n] = name }
  }
  function med(s,   a, k, i, j, t) {
    k = split(s, a, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((k + 1) / 2)]
  }
  END { for (i = 1; i <= n; i++) printf "  %8.1f  %8.1f  %s\n", med(start[order[i]]), med(dur[order[i]]), order[i] }'
