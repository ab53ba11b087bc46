#!/bin/sh
# run.sh — `make bench`: builds a throwaway demo database of SCALE hulpvragen
# (default 1000000), times the load, runs bench/bench against it, appends the
# figures to bench/results.tsv (date, commit, scale, metric, value, unit) and
# removes the database.  Not part of `make check`: timings are measured, never
# asserted.
set -eu
cd "$(dirname "$0")/.."
scale=${SCALE:-1000000}
dir=$(mktemp -d /tmp/balie-bench.XXXXXX)
rmdir "$dir"
trap './balie admin cluster remove "$dir" >/dev/null 2>&1 || true' EXIT
make -s build/bench/bench
commit=$(git rev-parse --short HEAD 2>/dev/null || echo onbekend)
day=$(date +%Y-%m-%d)
out=bench/results.tsv
[ -f "$out" ] || printf 'datum\tcommit\tschaal\tmeting\twaarde\teenheid\n' >"$out"

start=$(date +%s.%N)
BALIE_DEMO_DIR="$dir" ./balie demo --prepare --scale "$scale" >/dev/null
load=$(echo "$(date +%s.%N) - $start" | bc)
printf '%s\t%s\t%s\t%s\t%.1f\t%s\n' "$day" "$commit" "$scale" "demo_load_total" "$load" "s" | tee -a "$out"
size=$(BALIE_DEMO_DIR="$dir" sh -c 'eval "$(./balie demo --env)"; psql -Atc "SELECT pg_database_size(current_database()) / 1048576"')
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$day" "$commit" "$scale" "database_size" "$size" "MiB" | tee -a "$out"
build/bench/bench "host='$dir' dbname=balie_demo user=balie_app" | while IFS="$(printf '\t')" read -r m v u; do
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$day" "$commit" "$scale" "$m" "$v" "$u"
done | tee -a "$out"
