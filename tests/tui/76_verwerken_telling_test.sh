#!/bin/sh
# 76_verwerken_telling_test.sh — "Te verwerken" is one definition (028): the
# financieel medewerker's home count is the number of rows the list shows,
# both equal to the definition computed over every hulpvraag; a hulpvraag
# set to "financieel verwerkt" from the list leaves both at once (the rows
# are kept by the database on the status change, not recounted).
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
definitie() {
	demo_psql "SELECT count(*) FROM balie.verwerken_definitie($ORG)"
}
# the oldest row that can go to "financieel verwerkt" now
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.te_verwerken($ORG, 1000000) t JOIN balie.hulpvraag h ON h.id = t.hulpvraag_id
	WHERE t.reden = 'Arrangement financieel verwerken' ORDER BY t.datum, t.hulpvraag_id LIMIT 1")
check "demodata heeft een arrangement klaar om te verwerken ($NUMMER)" [ -n "$NUMMER" ]
VOOR=$(definitie)

figure() {
	tui_screen | grep -F "$1" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .
}
tui_demo verwerken 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
check "thuis: Te verwerken = de definitie ($VOOR)" [ "$(figure "Te verwerken")" = "$VOOR" ]
tui_keys v
check "de lijst telt dezelfde rijen ($VOOR)" wait_for "Te verwerken: $VOOR, oudste eerst" 10
tui_keys Escape
wait_for "Totaal" 10
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys s
wait_for "Status wijzigen" 5
tui_type "verwerkt"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "status Arrangement>financieel verwerkt" wait_for "Status: Arrangement>financieel verwerkt" 10
NA=$(definitie)
check "de definitie telt er één minder ($VOOR → $NA)" [ "$NA" = "$((VOOR - 1))" ]
check "bijgehouden rijen = de definitie" [ "$(demo_psql "SELECT count(*) FROM balie.verwerken_rij WHERE organisatie_id = $ORG")" = "$NA" ]
tui_keys Escape
check "terug op het overzicht" wait_for "Totaal" 10
# the home screen reloads on return (or within a second on the change)
thuis_na() {
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		[ "$(figure "Te verwerken")" = "$NA" ] && return 0
		sleep 0.25
	done
	return 1
}
check "thuis: Te verwerken $NA" thuis_na
tui_keys v
check "de lijst: $NA rijen, zonder $NUMMER" wait_for "Te verwerken: $NA, oudste eerst" 10
tap_done
