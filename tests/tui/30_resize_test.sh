#!/bin/sh
# 30_resize_test.sh — the terminal changes size while balie runs: 100x30 →
# 80x24 (still the whole home screen) → 60x15 and 20x5 ("Venster te klein")
# → 1x1 (no crash) → back to 100x30 with the home screen intact.  Runs
# without colour (NO_COLOR) to cover monochrome terminals too.
. "$(dirname "$0")/lib.sh"

home_intact() {
	screen_has_all "Welkom, " "Hulpvragen per statuscategorie" "Totaal" "q Afsluiten" "verbonden"
}

tui_start resize 100 30 NO_COLOR=1 "$TUI_BALIE" demo
tui_login coordinator demo
check "overzicht op 100x30" wait_for "Totaal" 20
total=$(tui_screen | grep -E '^  Totaal ')
resize 80 24
wait_for "Totaal" 5
check "80x24: overzicht compleet" home_intact
check "80x24: geen 'Venster te klein'" screen_lacks "Venster te klein"
resize 60 15
check "60x15: Venster te klein" wait_for "Venster te klein (minimaal 80×24)" 5
check "60x15: geen gegevens meer te zien" screen_lacks "Totaal"
resize 20 5
check "20x5: melding ingekort, geen crash" wait_for "Venster te klein" 5
resize 1 1
resize 1 1
resize 20 5
check "1x1 overleefd" wait_for "Venster te klein" 5
tui_keys r
resize 100 30
check "terug naar 100x30: overzicht weer compleet" wait_for "Hulpvragen per statuscategorie" 5
wait_for "Totaal" 5
check "100x30: overzicht compleet" home_intact
check "100x30: hetzelfde totaal als voor het verkleinen" screen_has "$total"
resize 80 24
resize 120 40
resize 81 25
check "snel achter elkaar vergroten en verkleinen" wait_for "Totaal" 5
tui_keys q
wait_for "balie afsluiten?" 5  # q on the home screen asks first (issue 13)
tui_keys Enter
rc=$(wait_exit 10)
check "q sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
