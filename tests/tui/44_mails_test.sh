#!/bin/sh
# 44_mails_test.sh — mails that are right and visible (issue 13 §5), at
# 80x24: a status change puts a mail in the outbox that addresses the
# aanvrager by name and names no other product; the mails of a hulpvraag
# show at the top of its tab Statushistorie (when, waiting/sent, to whom,
# subject), from the outbox under RLS: the aanvragende school sees none.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# an open PO3008 hulpvraag of the demo school that the coördinator can move on
row=$(demo_psql "SELECT h.nummer || '|' || h.id || '|' || h.aanvrager_naam || '|' || h.aanvrager_email
	FROM balie.hulpvraag h JOIN balie.account a ON a.id = h.aanvrager_id AND a.username = 'school'
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status AND NOT s.eindstatus
	WHERE h.organisatie_id = $ORG AND NOT h.geen_mail AND NOT h.voorlopig AND h.aanvrager_email IS NOT NULL
	  AND h.aanvrager_naam <> ''
	  AND EXISTS (SELECT 1 FROM balie.flow_transitie ft WHERE ft.aanvraagtype_id = h.aanvraagtype_id
	              AND ft.van = h.status AND ft.rol = 'coordinator')
	ORDER BY h.nummer DESC LIMIT 1")
IFS='|' read -r NUMMER HV NAAM EMAIL <<EOS
$row
EOS
check "demodata: een hulpvraag van de school met een overgang voor de coördinator ($NUMMER, $NAAM)" [ -n "$NUMMER" ]
mark=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")

tui_demo mails 80 24
tui_login coordinator demo
check "overzicht" wait_for "Totaal" 20
tui_type ":$NUMMER"
tui_keys Enter
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys s
check "statusmenu" wait_for "Status wijzigen" 10
tui_keys Enter
check "reden-dialoog" wait_for "Status → " 5
tui_type "controle van de mail"
tui_keys C-d
check "status gewijzigd, mail klaargezet" wait_for "mail aan de aanvrager klaargezet" 10

n=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE id > $mark AND hulpvraag_id = $HV")
check "database: één mail in de outbox ($n)" [ "$n" = 1 ]
tekst=$(demo_psql "SELECT tekst FROM balie.outbox WHERE id > $mark AND hulpvraag_id = $HV")
check "de mail spreekt de aanvrager bij naam aan (Beste $NAAM,)" sh -c 'printf "%s\n" "$1" | grep -qF "Beste $2,"' _ "$tekst" "$NAAM"
check "de mail noemt geen ander product" sh -c '! printf "%s\n" "$1" | grep -qi kindkans' _ "$tekst"

tui_keys Tab
check "tabblad Statushistorie: de mails bovenaan" wait_for "Mails (" 5
check "de mail: wacht, aan de aanvrager, met het onderwerp" \
	screen_has_all "wacht  aan $EMAIL" "Hulpvraag $NUMMER ("
demo_psql "UPDATE balie.outbox SET verzonden_op = now() WHERE id > $mark AND hulpvraag_id = $HV"
tui_keys r
check "na het versturen: verzonden" wait_for "verzonden  aan $EMAIL" 10
tui_keys F10
wait_exit 10 >/dev/null

# the school sees its hulpvraag, not the outbox
tui_demo school 80 24
tui_login school demo
check "school: overzicht" wait_for "Welkom" 20
tui_type ":$NUMMER"
tui_keys Enter
check "school: hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys Tab
check "school: tabblad Statushistorie" wait_for "controle van de mail" 10
check "school: geen mails te zien (outbox alleen voor het samenwerkingsverband)" screen_lacks "Mails ("
tui_keys F10
wait_exit 10 >/dev/null
tap_done
