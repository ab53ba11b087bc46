#!/bin/sh
# 68_replica_test.sh — the report connection (issue 10 §5): the test makes
# a real streaming standby of the demo cluster (pg_basebackup -R, its own
# folder and socket, started by `balie admin cluster start`), pauses its
# replay, changes an amount on the primary, and shows that `balie export
# kengetallen` with report_conninfo reads the standby (the old sum) while
# the audit row goes to the primary; without it the new sum.  A standby
# that lags more than report_max_lag_s, or is down, gets a Dutch message
# and exit 2 — or, with report_fallback = 1, the primary's figures and a
# note.  The kengetallen pane says where its figures come from.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
eval "$("$B" demo --env)"

PGBIN=${BALIE_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
SB=$(mktemp -d /tmp/balie-standby.XXXXXX) || exit 2
standby_weg() {
	"$B" admin cluster remove "$SB" >/dev/null 2>&1
	rm -rf "$SB"
}
trap 'standby_weg; tui_cleanup' EXIT

als_server() { # the server's user: postgres when root (cluster.h)
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
sbpsql() {
	psql -X -A -t -q -h "$SB" -p 5432 -U postgres -d balie_demo -v ON_ERROR_STOP=1 -c "$1"
}

[ "$(id -u)" = 0 ] && chown postgres "$SB"
chmod 700 "$SB"
als_server "$PGBIN/pg_basebackup" -h "$PGHOST" -p "${PGPORT:-5432}" -U postgres -D "$SB/data" -R -X stream \
	-c fast >"$T/basebackup.log" 2>&1
check "pg_basebackup van de demo-cluster" test -f "$SB/data/standby.signal"
"$B" admin cluster start "$SB" >"$T/start.log" 2>&1
check "standby gestart op een eigen socket" test -S "$SB/.s.PGSQL.5432"
check "de standby is een replica" [ "$(sbpsql "SELECT pg_is_in_recovery()")" = t ]
lsn=$(demo_psql "SELECT pg_current_wal_lsn()")
n=0
until [ "$(sbpsql "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] || [ $n -ge 300 ]; do
	sleep 0.1
	n=$((n + 1))
done
check "de standby is bij" [ "$(sbpsql "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ]

JAAR=$(($(demo_psql "SELECT extract(year FROM (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '7 months')::int") - 1))
SJ="$JAAR-$((JAAR + 1))"
org="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
som() { # the arrangements' amount in the CSV on stdin, in cents
	tail -n +2 | tr -d '\r' | awk -F';' '$5 == "Arrangement" { split($8, e, ","); c += e[1] * 100 + e[2] }
		END { printf "%d", c }'
}
conf() { # report_fallback report_max_lag_s
	printf 'report_conninfo = "host=%s port=5432 dbname=balie_demo user=balie_app";\nreport_fallback = %s;\nreport_max_lag_s = %s;\n' \
		"$SB" "$1" "$2" >"$T/report.conf"
}
export_met() { # FALLBACK LAG: the export through the report connection
	conf "$1" "$2"
	BALIE_TOKEN=$TOK BALIE_CONFIG=$T/report.conf "$B" export kengetallen --jaar "$SJ" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# The export acts in financieel's own open session (BALIE_TOKEN): the
# replica resolves its token from the sessie rows it replayed, so the
# session must be there before replay pauses (027_sessie).
TOK=$(demo_psql "SELECT balie.sessie_openen((SELECT id FROM balie.account WHERE username = 'financieel'), NULL, 'cli', 'test 68')")
sessie_op_standby() { # waits until the standby knows every session the primary has
	m=$(demo_psql "SELECT max(id) FROM balie.sessie")
	n=0
	until [ "$(sbpsql "SELECT count(*) FROM balie.sessie WHERE id = $m")" = 1 ] || [ $n -ge 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
}
sessie_op_standby
sbpsql "SELECT pg_wal_replay_pause()" >/dev/null
oud=$(demo_psql "SELECT coalesce(sum(bedrag_cent), 0) FROM balie.aanpak WHERE organisatie_id = $org
                 AND startdatum >= make_date($JAAR, 8, 1) AND startdatum < make_date($JAAR + 1, 8, 1)")
id=$(demo_psql "SELECT id FROM balie.aanpak WHERE organisatie_id = $org AND bedrag_cent IS NOT NULL
                AND startdatum >= make_date($JAAR, 8, 1) AND startdatum < make_date($JAAR + 1, 8, 1) ORDER BY id LIMIT 1")
demo_psql "UPDATE balie.aanpak SET bedrag_cent = bedrag_cent + 100, bedrag_reden = 'test 68' WHERE id = $id"
a0=$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie = 'export-kengetallen'")

export_met 0 0
check "export via de replica: status 0" [ "$rc" = 0 ]
check "stderr zegt: gelezen uit de rapportagedatabase" grep -q "gelezen uit de rapportagedatabase" "$T/err"
check "de replica (replay gepauzeerd) geeft de oude som $oud" [ "$(som <"$T/out")" = "$oud" ]
check "de auditregel staat op de hoofddatabase" \
	[ "$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie = 'export-kengetallen'")" = $((a0 + 1)) ]
: >"$T/leeg.conf"; BALIE_CONFIG=$T/leeg.conf "$B" export kengetallen --jaar "$SJ" --als financieel >"$T/prim" 2>/dev/null </dev/null
check "zonder report_conninfo: de nieuwe som $((oud + 100))" [ "$(som <"$T/prim")" = $((oud + 100)) ]

# the pane says where its figures come from (its login's session must
# reach the standby first: replay runs again for it)
sbpsql "SELECT pg_wal_replay_resume()" >/dev/null
tui_start r1 80 24 "BALIE_CONFIG='$T/report.conf' $B demo"
tui_login financieel demo
wait_for "Hulpvragen per statuscategorie" 20
sessie_op_standby
tui_keys k
check "kengetallen: 'uit de rapportagedatabase' boven de cijfers" wait_for "uit de rapportagedatabase" 10
tui_keys Escape

sbpsql "SELECT pg_wal_replay_pause()" >/dev/null
demo_psql "UPDATE balie.aanpak SET bedrag_reden = bedrag_reden WHERE id = $id" # the primary moves on
sleep 2 # the last replayed transaction is now more than a second old
export_met 0 1
check "replica loopt achter (report_max_lag_s = 1): status 2" [ "$rc" = 2 ]
check "een Nederlandse melding: loopt … achter" grep -q "de rapportagedatabase loopt .* achter" "$T/err"
export_met 1 1
check "met report_fallback = 1: toch status 0, uit de hoofddatabase" \
	sh -c "[ $rc = 0 ] && grep -q 'gelezen uit de hoofddatabase (report_fallback)' '$T/err'"
check "… met de nieuwe som" [ "$(som <"$T/out")" = $((oud + 100)) ]

"$B" admin cluster stop "$SB" >/dev/null 2>&1
export_met 0 0
check "replica uit: status 2" [ "$rc" = 2 ]
check "een Nederlandse melding: niet bereikbaar, met wat te doen" \
	grep -q "de rapportagedatabase (report_conninfo) is niet bereikbaar.*report_fallback = 1" "$T/err"
check "replica uit: geen halve export" [ ! -s "$T/out" ]
export_met 1 0
check "replica uit, report_fallback = 1: de hoofddatabase" \
	sh -c "[ $rc = 0 ] && grep -q 'niet bereikbaar.*gelezen uit de hoofddatabase' '$T/err'"

demo_psql "UPDATE balie.aanpak SET bedrag_cent = bedrag_cent - 100 WHERE id = $id"
tap_done
