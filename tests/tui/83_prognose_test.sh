#!/bin/sh
# 83_prognose_test.sh — the forecast of the budgets as a screen (issue 10
# §5, migration 031) at 80x24: the financieel medewerker opens it from the
# overzicht with P; per budget of this school year its amount (as the budget
# table holds it) and twelve months August to July, the last one's total
# and what is left on 31 July as the 021 forecast computes them; a budget
# made smaller than what it holds shows "boven" and "tekort" in words; p
# turns the pane into the kengetallen and back; the secretariaat may not.
. "$(dirname "$0")/lib.sh"

dutch_number() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
}
euro() { # cents → "€ 1.234,56"
	printf '€ %s,%02d' "$(dutch_number $(($1 / 100)))" $(($1 % 100))
}
screen_re() {
	tui_screen | grep -Eq -- "$1"
}

JAAR=$(demo_psql "SELECT extract(year FROM (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '7 months')::int")
org="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# the first budget of the year (the screen shows them by soort)
SOORT=$(demo_psql "SELECT soort FROM balie.budget WHERE organisatie_id = $org AND schooljaar = $JAAR ORDER BY soort LIMIT 1")
if [ -z "$SOORT" ]; then
	# the demo is made relative to today: early in a school year it may have
	# no budget yet; then the test makes its own (and takes it away)
	SOORT=arrangement
	demo_psql "INSERT INTO balie.budget (organisatie_id, schooljaar, soort, bedrag_cent)
		SELECT id, $JAAR, '$SOORT', 100000000 FROM balie.organisatie WHERE code = 'PO3008'"
	trap 'demo_psql "DELETE FROM balie.budget WHERE organisatie_id = $org AND schooljaar = $JAAR AND soort = '"'"'$SOORT'"'"'"; tui_cleanup' EXIT
fi
check "er is een budget voor $JAAR-$((JAAR + 1)) ($SOORT)" [ -n "$SOORT" ]
BUDGET=$(demo_psql "SELECT bedrag_cent FROM balie.budget WHERE organisatie_id = $org AND schooljaar = $JAAR AND soort = '$SOORT'")
JULI=$(demo_psql "SELECT vastgelegd_cent + verwacht_cent FROM balie.budget_prognose($org, $JAAR, '$SOORT')
                  WHERE maand = make_date($JAAR + 1, 7, 1)")

tui_demo p1 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Hulpvragen per statuscategorie" 20
tui_keys P
check "P opent de prognose van $JAAR-$((JAAR + 1))" wait_for "Prognose budgetten $JAAR-$((JAAR + 1))" 10
check "het budget $SOORT: $(euro "$BUDGET")" wait_for "budget $(euro "$BUDGET")" 10
check "kolommen vastgelegd, verwacht, samen" screen_has_all "Vastgelegd" "Verwacht" "Samen"
check "augustus $JAAR als eerste maand" screen_re "^ aug $JAAR "
check "juli $((JAAR + 1)): samen $(euro "$JULI")" screen_re "^ jul $((JAAR + 1)) .* $(euro "$JULI")( |$)"
OVER=$((BUDGET - JULI))
if [ "$OVER" -ge 0 ]; then
	check "over op 31 juli: $(euro "$OVER")" screen_has "over op 31 juli: $(euro "$OVER")"
else
	check "tekort op 31 juli: $(euro $((-OVER)))" screen_has "tekort op 31 juli: $(euro $((-OVER)))"
fi
check "staafjes" screen_has "█"

# a budget smaller than what it holds: said in words (not colour only)
demo_psql "UPDATE balie.budget SET bedrag_cent = 100 WHERE organisatie_id = $org AND schooljaar = $JAAR AND soort = '$SOORT'"
tui_keys r
check "budget € 1,00: de maanden erboven zeggen 'boven'" wait_for "budget € 1,00" 10
check "juli $((JAAR + 1)) boven het budget" screen_re "^ jul $((JAAR + 1)) boven "
check "tekort op 31 juli: $(euro $((JULI - 100)))" screen_has "tekort op 31 juli: $(euro $((JULI - 100)))"
demo_psql "UPDATE balie.budget SET bedrag_cent = $BUDGET WHERE organisatie_id = $org AND schooljaar = $JAAR AND soort = '$SOORT'"

tui_keys p
check "p: terug naar de kengetallen" wait_for "Kengetallen schooljaar $JAAR-$((JAAR + 1))" 10
tui_keys p
check "p: weer de prognose" wait_for "Prognose budgetten $JAAR-$((JAAR + 1))" 10
tui_keys Left
check "←: het schooljaar ervoor" wait_for "Prognose budgetten $((JAAR - 1))-$JAAR" 10
tui_keys Escape
check "Esc: terug naar het overzicht" wait_for "Hulpvragen per statuscategorie" 10

# the secretariaat may not (core/recht.c "kengetallen")
tui_demo p2 80 24
tui_login secretariaat demo
wait_for "Hulpvragen per statuscategorie" 20
tui_keys P
check "secretariaat: P zegt dat de rol het niet mag" wait_for "Dat mag jouw rol niet" 5
check "secretariaat: geen prognose" screen_lacks "Prognose budgetten"

# the bestuur's financial contact sees kengetallen, not the SWV's budgets
tui_demo p3 80 24
tui_login bestuur1 demo
wait_for "Hulpvragen" 20
tui_keys P
check "bestuur: de prognose is van het samenwerkingsverband" wait_for "alleen voor het samenwerkingsverband" 10
check "bestuur: geen bedragen van budgetten" screen_lacks "budget €"

tap_done
