#!/bin/sh
# 48_regie_kiezen_test.sh — choosing the regierolhouder is a back-office
# action on the hulpvraag (issue 13 §7; R, rulebook regierol-toewijzen,
# regierol_zetten in 030_regie.sql), at 80x24: the demo's PO2811
# secretariaat (goeree) picks regie for a hulpvraag that has none; the
# hulpvraag shows her name, the database has the link, the audit row and a
# mail that does not name the pupil, and regie's "Mijn hulpvragen" now holds
# it; taking her off again makes it disappear from her list.
. "$(dirname "$0")/lib.sh"

PO2811="(SELECT id FROM balie.organisatie WHERE code = 'PO2811')"
NR=$(demo_psql "SELECT min(h.nummer) FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	WHERE h.organisatie_id = $PO2811 AND NOT h.voorlopig AND NOT s.eindstatus
	  AND NOT EXISTS (SELECT 1 FROM balie.hulpvraag_toegang t WHERE t.hulpvraag_id = h.id AND t.soort = 'regierol')")
check "demodata: PO2811-hulpvraag $NR heeft geen regierolhouder" test -n "$NR"
HV=$(demo_psql "SELECT id FROM balie.hulpvraag WHERE organisatie_id = $PO2811 AND nummer = $NR")
NAAM=$(demo_psql "SELECT d.roepnaam || '|' || d.achternaam FROM balie.hulpvraag h JOIN balie.dossier d ON d.id = h.dossier_id
	WHERE h.id = $HV")
ROEP=${NAAM%%|*}
ACHTER=${NAAM#*|}
LINK="SELECT count(*) FROM balie.hulpvraag_toegang t JOIN balie.account a ON a.id = t.account_id
	WHERE t.hulpvraag_id = $HV AND t.soort = 'regierol' AND a.username = 'regie'"
AUDIT0=$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE object_id = $HV AND actie LIKE 'regierol%'")
MAIL0=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $HV AND aan = 'm.tanis@cjg-go.example'")

in_lijst() { # NUMMER: a row of the list starts with it
	tui_screen | sed -n '3,20p' | awk -v n="$1" '$1 == n && $2 ~ /^[0-9][0-9]-/ { f = 1 } END { exit !f }'
}
lijst_open() {
	tui_keys w
	wait_for "Mijn hulpvragen" 10 && wait_gone "Bezig met laden" 10
}

tui_demo regie 80 24
tui_login regie demo
wait_for "Hulpvragen per statuscategorie" 20
lijst_open
niet_in_lijst() { ! in_lijst "$1"; }
check "regie: $NR staat niet in Mijn hulpvragen" niet_in_lijst "$NR"

tui_demo goeree 80 24
tui_login goeree demo
check "goeree (secretariaat PO2811): overzicht" wait_for "Hulpvragen per statuscategorie" 20
tui_keys :
tui_type "$NR"
tui_keys Enter
check "goeree opent $NR" wait_for "Hulpvraag $NR ·" 10
check "nog zonder regierolhouder" screen_lacks "Regierolhouder   "
tui_keys R
check "R: Regierolhouder kiezen" wait_for "Regierolhouder kiezen" 10
check "de regierolhouders van PO2811 in de lijst" screen_has_all "Marieke Tanis" "Jeroen Breen" "(geen regierolhouder)"
tui_type "Tanis"
tui_keys Enter
check "bewaard, met een mail" wait_for "Regierolhouder bewaard" 10
check "de hulpvraag toont haar" wait_for "Regierolhouder   Marieke Tanis" 10
check "in de database: de koppeling" test "$(demo_psql "$LINK")" = 1
check "in het auditlog" test "$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE object_id = $HV AND actie = 'regierol'")" -gt "$AUDIT0"
check "een mail aan de regierolhouder" \
	test "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $HV AND aan = 'm.tanis@cjg-go.example'")" = $((MAIL0 + 1))
check "… die de leerling niet noemt" test "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $HV
	AND aan = 'm.tanis@cjg-go.example' AND (position('$ROEP' IN onderwerp || tekst) > 0 OR position('$ACHTER' IN onderwerp || tekst) > 0)")" = 0

tui_use regie
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10
lijst_open
check "regie: $NR staat nu in Mijn hulpvragen" in_lijst "$NR"
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10
tui_keys :
tui_type "$NR"
tui_keys Enter
check "regie opent $NR" wait_for "Hulpvraag $NR ·" 10
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10

tui_use goeree
tui_keys R
wait_for "Regierolhouder kiezen" 10
tui_type "geen"
tui_keys Enter
check "goeree haalt de regierolhouder weg" wait_for "Regierolhouder verwijderd" 10
check "in de database: geen koppeling meer" test "$(demo_psql "$LINK")" = 0
tui_keys F10
wait_exit 10 >/dev/null

tui_use regie
lijst_open
check "regie: $NR staat niet meer in Mijn hulpvragen" niet_in_lijst "$NR"
tui_keys F10
wait_exit 10 >/dev/null
tap_done
