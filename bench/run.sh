#!/bin/sh
# run.sh — `make bench` (issue 4 §7): builds a throwaway demo database of
# SCALE hulpvragen (default 1000000) in a private cluster, runs bench/bench
# against it (the real code beside the raw floor, see bench/bench.c), prints
# the table and writes every figure to bench/results.tsv with the columns
# name, median_ms, p99_ms, raw_median_ms, raw_p99_ms, value, unit (one run
# per file: compare runs through the file's git history).  The cluster is
# removed afterwards.  Not part of `make check`: timings are measured, never
# asserted.  BENCH_REPS (default 200) sets the repetitions per figure.
# BENCH_DIR=DIR keeps the demo database in DIR and reuses it when it is
# there already (for working on the code between runs; the load time is
# then not measured).  Then bench/many.sh: many users at once with pgbench
# (issue 15), appended to the same file.
set -eu
cd "$(dirname "$0")/.."
scale=${SCALE:-1000000}
make -s balie build/bench/bench build/bench/login_timing
if [ -n "${BENCH_DIR:-}" ]; then
	dir=$BENCH_DIR
else
	dir=$(mktemp -d /tmp/balie-bench.XXXXXX)
	rmdir "$dir"
	trap './balie admin cluster remove "$dir" >/dev/null 2>&1 || true' EXIT
fi

if [ -n "${BENCH_DIR:-}" ] && [ -d "$dir/data" ]; then
	echo "bench: bestaande demo-database in $dir (laadtijd niet gemeten)"
	BALIE_DEMO_DIR="$dir" ./balie demo --prepare >/dev/null
	load=""
else
	echo "bench: demo-database met $scale hulpvragen in $dir …"
	start=$(date +%s.%N)
	BALIE_DEMO_DIR="$dir" ./balie demo --prepare --scale "$scale" >/dev/null
	load=$(echo "$(date +%s.%N) - $start" | bc)
fi
size=$(BALIE_DEMO_DIR="$dir" sh -c 'eval "$(./balie demo --env)"; psql -Atc "SELECT pg_database_size(current_database()) / 1048576"')

echo "bench: $(date +%Y-%m-%d) commit $(git rev-parse --short HEAD 2>/dev/null || echo onbekend)$(git diff --quiet HEAD 2>/dev/null || echo ' (+ wijzigingen)'), $(nproc) cores, laden ${load} s, ${size} MiB"
# the raw status writes run as the cluster's superuser with SET ROLE
# balie_owner (bench/bench.c bench_status)
owner=$(BALIE_DEMO_DIR="$dir" sh -c 'eval "$(./balie demo --env)"; echo "$PGUSER"')
BENCH_OWNER_CONNINFO="host='$dir' dbname=balie_demo user=$owner" \
BENCH_AUTH_CONNINFO="host='$dir' dbname=balie_demo user=balie_auth" \
BENCH_SCALE=$scale BENCH_LOAD_S=$load BENCH_DB_MIB=$size \
	build/bench/bench run "host='$dir' dbname=balie_demo user=balie_app" . bench/results.tsv
# many users at once (issue 15): pgbench on balie's own statements
sh bench/many.sh "$dir" bench/results.tsv
echo "bench: mislukte aanmeldingen, bestaand tegen onbekend (${LOGIN_PAIRS:-100} paren per kostenniveau)…"
build/bench/login_timing "host='$dir' dbname=balie_demo user=balie_auth" "host='$dir' dbname=balie_demo user=$owner" \
	bench/results.tsv
echo "bench: cijfers in bench/results.tsv"
