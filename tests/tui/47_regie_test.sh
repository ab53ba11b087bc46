#!/bin/sh
# 47_regie_test.sh — PO2811's regierolhouder sees only what she is involved
# in (issue 13 §7, seed 003 §4 stap 1; migration 030_regie.sql), at 80x24:
# the demo's regie logs in; her home counts her open hulpvragen, not the
# organisatie's; w shows "Mijn hulpvragen", exactly the hulpvragen linked to
# her (read from the database as superuser, so the test holds whatever ran
# before); `:NN` of a PO2811 hulpvraag that is not hers, and of a number
# only another organisatie has, says it is not there; hers opens, with her
# name as regierolhouder, and choosing a regierolhouder is not hers to do.
. "$(dirname "$0")/lib.sh"

REGIE="SELECT h.nummer FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id AND o.code = 'PO2811'
	JOIN balie.hulpvraag_toegang t ON t.hulpvraag_id = h.id JOIN balie.account a ON a.id = t.account_id AND a.username = 'regie'
	WHERE t.tot IS NULL OR t.tot >= current_date"
HAAR=$(demo_psql "SELECT string_agg(DISTINCT nummer::text, ' ') FROM ($REGIE) x")
AANTAL=$(demo_psql "SELECT count(DISTINCT nummer) FROM ($REGIE) x")
OPEN=$(demo_psql "SELECT count(DISTINCT h.nummer) FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	WHERE NOT s.eindstatus AND h.organisatie_id = (SELECT id FROM balie.organisatie WHERE code = 'PO2811')
	  AND h.nummer IN ($REGIE)")
ANDER=$(demo_psql "SELECT min(h.nummer) FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id
	WHERE o.code = 'PO2811' AND NOT h.voorlopig AND h.nummer NOT IN ($REGIE)")
ELDERS=$(demo_psql "SELECT min(h.nummer) FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id
	WHERE o.code = 'PO3008' AND h.nummer > (SELECT max(nummer) FROM balie.hulpvraag x JOIN balie.organisatie p
	  ON p.id = x.organisatie_id AND p.code = 'PO2811')")
EERSTE=${HAAR%% *}
check "demodata: regie is betrokken bij $AANTAL hulpvragen ($HAAR), $OPEN open; $ANDER is van een ander" \
	test "${AANTAL:-0}" -ge 2 -a -n "$ANDER" -a -n "$ELDERS"

figure() {
	tui_screen | grep -F "$1" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .
}

tui_demo regie 80 24
tui_login regie demo
check "regie: overzicht" wait_for "Hulpvragen per statuscategorie" 20
wait_for "Totaal" 10
check "rol regierolhouder, organisatie PO2811" screen_has_all "regierolhouder" "PO2811"
check "Te doen: Mijn hulpvragen met de toets w" screen_has "w  Mijn hulpvragen (open)"
check "Mijn hulpvragen ($(figure "Mijn hulpvragen (open)")) = database ($OPEN)" \
	[ "$(figure "Mijn hulpvragen (open)")" = "$OPEN" ]
check "het totaal per categorie ($(figure "Totaal")) = haar hulpvragen ($AANTAL)" [ "$(figure "Totaal")" = "$AANTAL" ]
check "niets van de back office op het overzicht" screen_lacks "Te controleren"

tui_keys w
check "w opent Mijn hulpvragen" wait_for "Mijn hulpvragen" 10
wait_gone "Bezig met laden" 10
# the rows: a number at the start of a line under the header
rows=$(tui_screen | sed -n '3,20p' | awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9][0-9]-/ { print $1 }' | sort -n | tr '\n' ' ')
want=$(printf '%s\n' $HAAR | sort -n | tr '\n' ' ')
check "precies haar hulpvragen in de lijst ($rows= $want)" [ "$rows" = "$want" ]
check "zonder de statusboom" screen_lacks "▸Alle"
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10

tui_keys :
tui_type "$ANDER"
tui_keys Enter
check ":$ANDER (PO2811, niet de hare) opent niet" wait_for "Geen hulpvraag met nummer $ANDER" 10
check "… en toont niets van die hulpvraag" screen_lacks "Status:"
tui_keys Escape
wait_gone "Geen hulpvraag met nummer" 5
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10
tui_keys :
tui_type "$ELDERS"
tui_keys Enter
check ":$ELDERS (bestaat alleen in een andere organisatie) opent niet" wait_for "Geen hulpvraag met nummer $ELDERS" 10
tui_keys Escape
wait_gone "Geen hulpvraag met nummer" 5
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10

tui_keys :
tui_type "$EERSTE"
tui_keys Enter
check ":$EERSTE (de hare) opent" wait_for "Hulpvraag $EERSTE ·" 10
check "met haar naam als regierolhouder" wait_for "Regierolhouder   Marieke Tanis" 10
check "status wijzigen mag zij" screen_has "s Status"
tui_keys R
check "een regierolhouder kiezen mag zij niet" wait_for "mag jouw rol niet" 5
tui_keys F10
wait_exit 10 >/dev/null
tap_done
