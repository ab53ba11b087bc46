#!/bin/sh
# many.sh — `make bench`, many users at once (issue 15): pgbench drives
# balie's own statements (bench/many.c writes the scripts from db/'s texts)
# against the demo database in DIR, each figure beside its bare floor in the
# same run; the rows are appended to OUT (bench/results.tsv: name,
# median_ms, p99_ms, raw_median_ms, raw_p99_ms, value, unit).  Called by
# bench/run.sh after the one-user part.
#
#   status_{spread,hot}_cN   status changes (status_lezen + status_wijzigen
#                            as balie_app with the acting account) at N
#                            clients: 20,000 TLV hulpvragen moved among three
#                            statuses, or 2,000 moved both ways between
#                            "afgegeven, school bekend" and "beschikking on
#                            hold" (the issue's opposite moves); value /s,
#                            raw_*: the same read as the owner (no
#                            row-level security), the same writes on copies
#                            without triggers (counts, change log),
#                            row-level security or rulebook
#   queue_page_cN            the werkvoorraad's first page (db/queue.c)
#   mix_90_10_c32            nine pages to one status change
#   listeners_100            status changes at 8 clients with 100 idle
#                            sessions on LISTEN, beside the same without
#   refresh_20_sessions_R    20 real sessions with the werkvoorraad open
#                            (bench listen-count) while R changes a second
#                            stream in: refreshes per session per second
#                            (at most), per change, server CPU
#   deadlocks, counts_exact  pg_stat_database's deadlocks over the part
#                            (and _voor: over the old write path); the
#                            maintained counts against COUNT(*) after every
#                            write run (0 = all equal)
#   *_voor                   the same on the write path of before migration
#                            014 (BENCH_MANY_VOOR=0 leaves it out)
# BENCH_MANY_PARTS picks parts ("status queue mix listeners stream");
# BENCH_MANY_CLIENTS the client counts of the status part ("1 8 32 128").
#
# BENCH_MANY_T (default 10) seconds per pgbench run, of which the first 2
# are warm-up (a new connection plans every statement once) and left out.  Timings are measured,
# never asserted.
set -eu
dir=$1
out=$2
T=${BENCH_MANY_T:-10}
WARM=2
db=balie_demo
owner=$(BALIE_DEMO_DIR="$dir" sh -c 'eval "$(./balie demo --env)"; echo "$PGUSER"')
tmp=$(mktemp -d /tmp/balie-many.XXXXXX)
kids=
cleanup() {
	for k in $kids; do kill "$k" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sq() { psql -X -h "$dir" -U "$owner" -d "$db" -Atqc "$1"; }

# the acting account (financieel may make the TLV moves) and the work sets:
# TLVs whose beschikking is complete (015's guard refuses "afgegeven"
# without one, and pgbench ends a client at its first error)
acc=$(sq "SELECT id FROM balie.account WHERE username = 'financieel'")
org=$(sq "SELECT organisatie_id FROM balie.account_rol WHERE account_id = $acc LIMIT 1")
# its session token (027_sessie: the database resolves it; an id proves nothing)
tok=$(sq "SELECT balie.sessie_openen($acc, $org, 'test', 'bench')")
sq "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;
CREATE TABLE bench.zet_spread AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM balie.hulpvraag
 WHERE organisatie_id = $org AND NOT voorlopig AND status IN ('TLV>beschikking on hold',
 'TLV>afgegeven, school bekend', 'TLV>afgegeven, school onbekend')
 AND EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.hulpvraag_id = hulpvraag.id
             AND cardinality(balie.tlv_fouten(b)) = 0) ORDER BY random() LIMIT 20000) x;
CREATE TABLE bench.zet_hot AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM balie.hulpvraag
 WHERE organisatie_id = $org AND NOT voorlopig AND status IN ('TLV>beschikking on hold',
 'TLV>afgegeven, school bekend')
 AND EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.hulpvraag_id = hulpvraag.id
             AND cardinality(balie.tlv_fouten(b)) = 0) ORDER BY random() LIMIT 2000) x;
ALTER TABLE bench.zet_spread ADD PRIMARY KEY (n); ALTER TABLE bench.zet_hot ADD PRIMARY KEY (n);
CREATE TABLE bench.hv (LIKE balie.hulpvraag INCLUDING DEFAULTS INCLUDING INDEXES);
INSERT INTO bench.hv SELECT * FROM balie.hulpvraag WHERE id IN (SELECT id FROM bench.zet_spread UNION SELECT id FROM bench.zet_hot);
CREATE TABLE bench.sh (LIKE balie.statushistorie INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES);
CREATE TABLE bench.audit (LIKE balie.audit_log INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES);
GRANT USAGE ON SCHEMA bench TO balie_app; GRANT SELECT ON bench.zet_spread, bench.zet_hot TO balie_app;
ANALYZE bench.zet_spread, bench.zet_hot, bench.hv"
ns=$(sq "SELECT count(*) FROM bench.zet_spread")
nh=$(sq "SELECT count(*) FROM bench.zet_hot")
build/bench/bench scripts "$tmp" "$org" "$acc"
deadlocks0=$(sq "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'")
mismatch_total=0

# Rows where the maintained counts differ from COUNT(*), both trees.
mismatches() {
	sq "SELECT (SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, count(*) c
	     FROM balie.hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN balie.hulpvraag_telling t
	     USING (organisatie_id, status_categorie, status, voorlopig) WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0))
	  + (SELECT count(*) FROM (SELECT h.organisatie_id, h.coordinator_id, h.status_categorie, h.status, count(*) c
	     FROM balie.hulpvraag h JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	     WHERE h.coordinator_id IS NOT NULL AND NOT h.voorlopig AND NOT s.eindstatus GROUP BY 1, 2, 3, 4) a
	     FULL JOIN balie.hulpvraag_telling_coord t USING (organisatie_id, coordinator_id, status_categorie, status)
	     WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0))"
}

# pg NAME USER CLIENTS [pgbench options and -f scripts]: runs pgbench;
# leaves "tps median_ms p99_ms max_ms failed" in $tmp/NAME.res.
pg() {
	name=$1 user=$2 c=$3
	shift 3
	j=1
	[ "$c" -gt 1 ] && j=2
	pgbench -n -M prepared -h "$dir" -U "$user" -c "$c" -j "$j" -T "$T" \
		-D acc="$acc" -D tok="$tok" -D org="$org" -D n_spread="$ns" -D n_hot="$nh" \
		-l --log-prefix="$tmp/log_$name" "$@" "$db" >"$tmp/$name.out" 2>"$tmp/$name.err" || {
		echo "bench: pgbench $name mislukte:" >&2
		tail -5 "$tmp/$name.err" >&2
	}
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$tmp/$name.out")
	# the first WARM s left out: a new connection plans every statement
	# once (balie's sessions live for hours); tps from the rest
	cat "$tmp"/log_"$name".* | sort -n -k5 >"$tmp/$name.log"
	t0=$(head -1 "$tmp/$name.log" | awk '{print $5}')
	awk -v t0="${t0:-0}" -v w="$WARM" '$5 >= t0 + w {print $3 / 1000}' "$tmp/$name.log" | sort -n >"$tmp/$name.lat"
	tps=$(awk -v t0="${t0:-0}" -v w="$WARM" -v T="$T" '$5 >= t0 + w {n++} END {printf "%.1f", n / (T - w)}' \
		"$tmp/$name.log")
	rm -f "$tmp"/log_"$name".*
	n=$(wc -l <"$tmp/$name.lat")
	med=$(awk -v n="$n" 'NR == int((n + 1) / 2) {print; exit}' "$tmp/$name.lat")
	p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.999) {print; exit}' "$tmp/$name.lat")
	max=$(tail -1 "$tmp/$name.lat")
	echo "${tps:-0} ${med:-0} ${p99:-0} ${max:-0} ${failed:-0}" >"$tmp/$name.res"
}

# row NAME REAL FLOOR UNIT: one line of OUT from two .res files.
row() {
	read -r t1 m1 p1 x1 f1 <"$tmp/$2.res"
	read -r t2 m2 p2 x2 f2 <"$tmp/$3.res"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$m1" "$p1" "$m2" "$p2" "$t1" \
		"/s (kaal $t2/s; $f1 mislukt; max $x1 ms)" >>"$out"
	printf '  %-28s %8s/s p50 %7s p99 %8s max %8s ms | kaal %8s/s p99 %7s ms  mislukt %s\n' \
		"$1" "$t1" "$m1" "$p1" "$x1" "$t2" "$p2" "$f1" >&2
}

check_counts() {
	m=$(mismatches)
	mismatch_total=$((mismatch_total + m))
	[ "$m" = 0 ] || echo "bench: $m tellingen wijken af van COUNT(*) na $1" >&2
}

# 20 real sessions with the werkvoorraad open while changes stream in
cpu() { # server CPU seconds so far: every process of the cluster
	pm=$(head -1 "$dir/data/postmaster.pid")
	for p in $pm $(pgrep -P "$pm"); do
		awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true
	done | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f", s / hz}'
}

# listeners SUFFIX: 100 idle listeners, the writers at 8 clients with and
# without them
listeners() {
	sfx=$1
	pg "quiet$sfx" balie_app 8 -f "$tmp/status_spread.sql"
	rm -f "$tmp/lin" "$tmp/lready"
	mkfifo "$tmp/lin"
	build/bench/bench listen-many "host='$dir' dbname=$db user=balie_app" 100 <"$tmp/lin" >"$tmp/lready" &
	kids="$kids $!"
	exec 7>"$tmp/lin"
	for _ in $(seq 1 100); do [ -s "$tmp/lready" ] && break; sleep 0.1; done
	pg "listeners$sfx" balie_app 8 -f "$tmp/status_spread.sql"
	exec 7>&-
	check_counts "listeners$sfx"
	row "listeners_100$sfx" "listeners$sfx" "quiet$sfx"
	read -r tq _ <"$tmp/quiet$sfx.res"
	read -r tl _ <"$tmp/listeners$sfx.res"
	printf 'listeners_100_cost%s\t\t\t\t\t%s\t%s\n' "$sfx" "$(echo "scale=2; $tq / ($tl + 0.0001)" | bc)" \
		"x (schrijvers zonder / met 100 luisteraars)" >>"$out"
}

# stream RATE SUFFIX: 20 werkvoorraden open while RATE changes a second
# stream in
stream() {
	rate=$1 sfx=$2
	rm -f "$tmp/cin$rate$sfx"
	mkfifo "$tmp/cin$rate$sfx"
	# read-write: opening it does not wait for a reader; the children do
	# not keep it, so closing fd 8 is their end of input
	exec 8<>"$tmp/cin$rate$sfx"
	i=0
	while [ $i -lt 20 ]; do
		build/bench/bench listen-count "host='$dir' dbname=$db user=balie_app" . <"$tmp/cin$rate$sfx" \
			>"$tmp/count$rate$sfx.$i" 8>&- &
		kids="$kids $!"
		i=$((i + 1))
	done
	sleep 8 # 20 logins (argon2id each), werkvoorraad loaded
	x0=$(sq "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$db'")
	c0=$(cpu)
	pg "stream$rate$sfx" balie_app 2 -R "$rate" -f "$tmp/status_spread.sql"
	sleep 1.5 # the last batch
	c1=$(cpu)
	x1=$(sq "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$db'")
	exec 8>&-
	wait_n=0
	while [ $wait_n -lt 50 ] && [ "$(cat "$tmp"/count$rate$sfx.* | wc -l)" -lt 20 ]; do
		sleep 0.2
		wait_n=$((wait_n + 1))
	done
	changes=$(wc -l <"$tmp/stream$rate$sfx.log")
	# each child wrote "R" when ready, then "<refreshes> <most in 1 s>"
	refreshes=$(cat "$tmp"/count$rate$sfx.* | awk '{sub(/^R/, "", $1); s += $1} END {print s + 0}')
	per_session_s=$(echo "scale=2; $refreshes / 20 / ($T + 1.5)" | bc)
	most=$(cat "$tmp"/count$rate$sfx.* | awk '$2 > m {m = $2} END {print m + 0}')
	per_change=$(echo "scale=2; $refreshes / ($changes + 0.0001)" | bc)
	# transactions of everyone (sessions, notifier, writers) per change
	tx=$(echo "scale=1; ($x1 - $x0) / ($changes + 0.0001)" | bc)
	cores=$(echo "scale=2; ($c1 - $c0) / ($T + 1.5)" | bc)
	printf 'refresh_20_sessions_%s%s\t\t\t\t\t%s\t%s\n' "$rate" "$sfx" "$most" \
		"verversingen per sessie in 1 s (max; gemiddeld $per_session_s/s); $per_change per wijziging; $tx transacties per wijziging; server $cores cores; $changes wijzigingen" >>"$out"
	echo "  refresh_20_sessions_$rate$sfx: hoogstens $most per sessie in 1 s (gemiddeld $per_session_s/s), $per_change per wijziging (20 sessies), $tx transacties per wijziging, server $cores cores" >&2
	check_counts "stream$rate$sfx"
}

echo "bench: veel gebruikers (pgbench, $T s per meting, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# BENCH_MANY_PARTS: which parts (all by default; e.g. "stream" to measure
# the refreshes again)
parts=" ${BENCH_MANY_PARTS:-status queue mix listeners stream} "
part() { case "$parts" in *" $1 "*) return 0 ;; esac; return 1; }
if part status; then
	for set in spread hot; do
		for c in ${BENCH_MANY_CLIENTS:-1 8 32 128}; do
			pg "status_${set}_c$c" balie_app "$c" -f "$tmp/status_$set.sql"
			check_counts "status_${set}_c$c"
			pg "status_${set}_c${c}_kaal" "$owner" "$c" -f "$tmp/status_${set}_kaal.sql"
			row "status_${set}_c$c" "status_${set}_c$c" "status_${set}_c${c}_kaal"
		done
	done
fi
if part queue; then
	for c in 1 8 32 128; do
		pg "queue_c$c" balie_app "$c" -f "$tmp/queue.sql"
		pg "queue_c${c}_kaal" "$owner" "$c" -f "$tmp/queue_kaal.sql"
		row "queue_page_c$c" "queue_c$c" "queue_c${c}_kaal"
	done
fi
if part mix; then
	pg mix balie_app 32 -f "$tmp/queue.sql@9" -f "$tmp/status_spread.sql@1"
	check_counts mix
	pg mix_kaal "$owner" 32 -f "$tmp/queue_kaal.sql@9" -f "$tmp/status_spread_kaal.sql@1"
	row mix_90_10_c32 mix mix_kaal
fi
part listeners && listeners ""
part stream && stream 10 "" && stream 40 ""

# Before (BENCH_MANY_VOOR=0 skips): the write path as it was before
# migration 014, on the same data in the same run — the counter rows
# updated in place by the triggers (decrement, then increment) and a NOTIFY
# per row in the writer's commit — then 014's own functions back.
deadlocks=$(( $(sq "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'") - deadlocks0 ))
printf 'deadlocks\t\t\t\t\t%s\t%s\n' "$deadlocks" "deadlocks (pg_stat_database, alle metingen hierboven)" >>"$out"
echo "  deadlocks: $deadlocks" >&2
if [ "${BENCH_MANY_VOOR:-1}" = 1 ]; then
	echo "bench: voor (de schrijfweg van vóór migratie 014, zelfde data)" >&2
	deadlocks0=$(sq "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'")
	sq "SELECT string_agg(pg_get_functiondef(('balie.' || f)::regproc), E';\n') || ';'
	      FROM unnest(ARRAY['hulpvraag_telling_bij', 'hulpvraag_telling_coord_bij', 'notify_hulpvraag']) f" \
		>"$tmp/na.sql"
	sq "SELECT telling_vouwen()" >/dev/null
	# the old bodies from their own migrations (not copies), on the tables'
	# names of today
	old() { # FILE FUNCTION: its CREATE FUNCTION … $$; as CREATE OR REPLACE
		awk -v f="CREATE FUNCTION $2()" 'index($0, f) == 1 {on = 1} on {print} on && /^\$\$;/ {exit}' \
			"db/migrations/$1" | sed -e 's/^CREATE FUNCTION/CREATE OR REPLACE FUNCTION/' \
			-e 's/\(hulpvraag_telling\(_coord\)\{0,1\}\) \(SET\|AS\)/\1_basis \3/g'
	}
	{
		echo "SET search_path = balie, pg_catalog;"
		old 003_rls.sql hulpvraag_telling_bij
		old 005_queue.sql hulpvraag_telling_coord_bij
		old 004_notify.sql notify_hulpvraag
	} >"$tmp/voor.sql"
	psql -X -h "$dir" -U "$owner" -d "$db" -q -v ON_ERROR_STOP=1 -f "$tmp/voor.sql"
	# and no lock_timeout: there was none
	for f in status_spread status_hot; do
		sed "s/, set_config('lock_timeout', '[^']*', true)//" "$tmp/$f.sql" >"$tmp/${f}_voor.sql"
	done
	cp "$tmp/status_spread.sql" "$tmp/status_spread_na.sql"
	cp "$tmp/status_spread_voor.sql" "$tmp/status_spread.sql" # what listeners and stream send
	for set in spread hot; do
		for c in 8 32 128; do
			part status || continue
			pg "status_${set}_c${c}_voor" balie_app "$c" -f "$tmp/status_${set}_voor.sql"
			check_counts "status_${set}_c${c}_voor"
			# beside the floor of this run (measured again when the
			# status part did not run)
			[ -f "$tmp/status_${set}_c${c}_kaal.res" ] ||
				pg "status_${set}_c${c}_kaal" "$owner" "$c" -f "$tmp/status_${set}_kaal.sql"
			row "status_${set}_c${c}_voor" "status_${set}_c${c}_voor" "status_${set}_c${c}_kaal"
		done
	done
	part listeners && listeners _voor
	part stream && stream 10 _voor && stream 40 _voor
	psql -X -h "$dir" -U "$owner" -d "$db" -q -v ON_ERROR_STOP=1 -f "$tmp/na.sql"
	cp "$tmp/status_spread_na.sql" "$tmp/status_spread.sql"
	deadlocks=$(( $(sq "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'") - deadlocks0 ))
	printf 'deadlocks_voor\t\t\t\t\t%s\t%s\n' "$deadlocks" "deadlocks (de schrijfweg van vóór 014)" >>"$out"
	echo "  deadlocks voor: $deadlocks" >&2
fi

printf 'counts_exact\t\t\t\t\t%s\t%s\n' "$mismatch_total" "afwijkingen tellingen tegen COUNT(*) (0 = exact)" >>"$out"
echo "  tellingen die afwijken van COUNT(*): $mismatch_total" >&2
sq "DROP SCHEMA bench CASCADE"
