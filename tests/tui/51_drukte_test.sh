#!/bin/sh
# 51_drukte_test.sh — a status change that waits on another's lock (issue
# 15): while psql holds the hulpvraag's row (SELECT … FOR UPDATE in an open
# transaction), the coördinator's F2 gives up after lock_timeout (3 s) with
# "bezig bij een ander, probeer het zo opnieuw" beside the reden, which stays
# as typed; once the other transaction is over, F2 saves it.  And the counts
# the overzicht shows come from the maintained tree (deltas folded by the
# demo's notifier) and equal COUNT(*).
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# a hulpvraag the coördinator may move on, away from those of 80 and 85
pick=$(demo_psql "SELECT h.nummer || '|' || (SELECT t.naar FROM balie.flow_transitie t
	    JOIN balie.flow_status s ON s.aanvraagtype_id = t.aanvraagtype_id AND s.naam = t.naar
	   WHERE t.aanvraagtype_id = h.aanvraagtype_id AND t.van = h.status AND t.rol = 'coordinator'
	   ORDER BY s.volgorde, t.rol LIMIT 1)
	  FROM balie.hulpvraag h
	 WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	   AND EXISTS (SELECT 1 FROM balie.flow_transitie t WHERE t.aanvraagtype_id = h.aanvraagtype_id
	                  AND t.van = h.status AND t.rol = 'coordinator')
	 ORDER BY h.nummer LIMIT 1 OFFSET 7")
NUMMER=${pick%%|*}
NAAR=${pick#*|}
check "demodata heeft een hulpvraag die de coördinator kan doorzetten ($pick)" [ -n "$NUMMER" -a -n "$NAAR" ]
REDEN="Overleg met de IB'er ($$)"

tui_demo drukte 80 24
tui_login coordinator demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys s
check "statusmenu toont $NAAR" wait_for "$NAAR" 10
tui_keys Enter
check "reden-dialoog" wait_for "F2/Ctrl-D: bewaren" 5
tui_type "$REDEN"

# someone else holds the row for 8 s.  Not under libfaketime
# (tests/faketime-check.sh): it keeps PostgreSQL's timers from firing, so
# lock_timeout never ends the wait there; nothing here depends on the date.
if [ -n "${FAKETIME:-}" ]; then
	tap_ok "F2 geeft het na lock_timeout op # SKIP libfaketime laat de timers van PostgreSQL niet afgaan"
else
	demo_psql "BEGIN; SELECT 1 FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER FOR UPDATE;
		SELECT pg_sleep(8); COMMIT" >/dev/null 2>&1 &
	held=$!
	locked() {
		[ "$(demo_psql "SELECT count(*) FROM pg_stat_activity WHERE datname = 'balie_demo'
			AND query LIKE '%pg_sleep(8)%' AND state = 'active' AND pid <> pg_backend_pid()")" = 1 ]
	}
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do locked && break; sleep 0.1; done
	check "een ander houdt de rij vast" locked
	start=$(date +%s)
	tui_keys F2
	check "F2 geeft het na lock_timeout op: bezig bij een ander" wait_for "bezig bij een ander, probeer het zo opnieuw" 8
	waited=$(( $(date +%s) - start ))
	check "… na hoogstens een paar seconden (${waited}s)" [ "$waited" -le 5 ]
	check "… en de reden staat er nog" screen_has "$REDEN"
	wait "$held"
fi
tui_keys F2
check "daarna bewaart F2 wel" wait_for "Status gewijzigd" 15
hist=$(demo_psql "SELECT count(*) FROM balie.statushistorie s JOIN balie.hulpvraag h ON h.id = s.hulpvraag_id
	 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND s.reden = 'Overleg met de IB''er ($$)'")
check "database: één statushistorie met de reden ($hist)" [ "$hist" = 1 ]

# the tree's counts (base + deltas) against COUNT(*), after the change
off=$(demo_psql "SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, count(*) c
	FROM balie.hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN balie.hulpvraag_telling t
	USING (organisatie_id, status_categorie, status, voorlopig) WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0)")
check "tellingen gelijk aan COUNT(*) ($off afwijkend)" [ "$off" = 0 ]
folded() { [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag_telling_delta")" = 0 ]; }
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do folded && break; sleep 0.1; done
check "de melder van balie demo heeft de delta's gevouwen" folded
tui_keys Escape
wait_for "Totaal" 5
tui_keys q
wait_for "balie afsluiten?" 5 && tui_keys Enter
rc=$(wait_exit 10)
check "q en Enter sluiten af (status ${rc:-nog bezig})" [ "$rc" = 0 ]
tap_done
