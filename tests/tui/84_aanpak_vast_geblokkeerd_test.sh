#!/bin/sh
# 84_aanpak_vast_geblokkeerd_test.sh — the Aanpak tab at 80x24 with two
# rules of migration 031, tried on the PO3008 demo (the demo has no PO2806;
# the test configures what that profile has, and takes it away again):
# a type with a tariff of its own has that fixed amount (PO2806 "budget
# inclusief onderwijs"): choosing the type fills it, another amount is
# refused beside Bedrag and on save; a status listed as geblokkeerd
# (PO2806 "Niet ontvankelijk financieën") shows "Geen beschikking:" with
# the reason of the status change and edits nothing.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.aanpak a ON a.hulpvraag_id = h.id
	WHERE h.organisatie_id = $ORG AND h.status = 'Arrangement>toegewezen' AND a.nummer IS NULL
	  AND a.startdatum IS NOT NULL ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een toegewezen arrangement ($NUMMER)" [ -n "$NUMMER" ]
HV="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"
JAAR=$(demo_psql "SELECT extract(year FROM startdatum - interval '7 months')::int FROM balie.aanpak WHERE hulpvraag_id = $HV")
# the fixed amount of groepsarrangement in the aanpak's school year
demo_psql "INSERT INTO balie.tarief (organisatie_id, schooljaar, categorie, bedrag_cent)
	SELECT id, $JAAR, 'groepsarrangement', 1234500 FROM balie.organisatie WHERE code = 'PO3008'
	ON CONFLICT DO NOTHING"
opruimen() {
	demo_psql "DELETE FROM balie.tarief WHERE organisatie_id = $ORG AND categorie = 'groepsarrangement'
		AND schooljaar = $JAAR AND bedrag_cent = 1234500"
	demo_psql "DELETE FROM balie.beschikking_blokkade WHERE organisatie_id = $ORG AND status = 'Arrangement>toegewezen'"
}
# the later scripts share the demo: clean up also when this one fails
trap 'opruimen; tui_cleanup' EXIT

tui_demo vast 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys v
check "v opent het tabblad Aanpak op Type" wait_for "Aanpak: Type" 5
tui_type "groeps"
tui_keys Enter
check "type met een eigen tarief: vast bedrag genoemd" \
	wait_for "Vast bedrag groepsarrangement, schooljaar $JAAR-$((JAAR + 1)): € 12.345,00" 5
check "het bedrag is het vaste" screen_has "Bedrag                 € 12.345,00"
for i in 1 2 3 4; do tui_keys Down; done
tui_keys v
wait_for "Bedrag in euro" 5
tui_keys C-u
tui_type "13.000"
tui_keys Enter
check "een ander bedrag: de fout onder Bedrag" wait_for "✗ Groepsarrangement heeft een vast bedrag: € 12.345,00" 5
tui_keys F2
check "bewaren geweigerd, met het veld" wait_for "Niet bewaard — Bedrag: Groepsarrangement heeft een vast bedrag" 5
check "niets bewaard" [ "$(demo_psql "SELECT type FROM balie.aanpak WHERE hulpvraag_id = $HV")" = arrangement ]

# the status is blocking now (as "Niet ontvankelijk financieën" in PO2806)
REDEN=$(demo_psql "SELECT btrim(coalesce(reden, '')) FROM balie.statushistorie WHERE hulpvraag_id = $HV
	AND naar = 'Arrangement>toegewezen' ORDER BY id DESC LIMIT 1")
demo_psql "INSERT INTO balie.beschikking_blokkade (organisatie_id, status) SELECT id, 'Arrangement>toegewezen'
	FROM balie.organisatie WHERE code = 'PO3008' ON CONFLICT DO NOTHING"
tui_keys r
check "geblokkeerd: bovenaan Geen beschikking met de status" wait_for "Geen beschikking: Arrangement>toegewezen${REDEN:+: }" 10
tui_keys v
check "bewerken geweigerd met de reden" wait_for "Geen beschikking: Arrangement>toegewezen" 5
check "geen bewerkvenster" screen_lacks "Bedrag in euro"
db_weigert() {
	! demo_psql "UPDATE balie.aanpak SET omschrijving = 'test 84' WHERE hulpvraag_id = $HV" 2>"$TUI_SCRATCH/fout" &&
		grep -q "Geen beschikking: Arrangement>toegewezen" "$TUI_SCRATCH/fout"
}
check "de database weigert ook een rechtstreekse wijziging" db_weigert

tap_done
