#!/bin/sh
# 40_lock_test.sh — the lock: L locks the screen, no data stays visible, a
# wrong password is refused, the right one brings the home screen back.
# (The idle lock uses the same pane after idle_lock_minutes.)
. "$(dirname "$0")/lib.sh"

tui_demo lock 100 30
tui_login secretariaat demo
check "overzicht als secretariaat" wait_for "Totaal" 20
tui_keys L
check "L vergrendelt het scherm" wait_for "Scherm vergrendeld" 5
check "vergrendeld: geen aantallen te zien" screen_lacks "Totaal"
check "vergrendeld: statusbalk zegt het" screen_has "vergrendeld"
tui_type verkeerd
tui_keys Enter
check "fout wachtwoord wordt geweigerd" wait_for "onjuist" 10
check "nog steeds vergrendeld" screen_has "Scherm vergrendeld"
tui_type demo
tui_keys Enter
check "goed wachtwoord ontgrendelt" wait_for "Totaal" 10
check "weer het overzicht" screen_has "Hulpvragen per statuscategorie"
# the help runs the chosen line: ↓ to Vergrendelen, Enter
tui_keys '?'
wait_for "Help — Overzicht" 5
tui_keys Down Enter
check "Enter in de help voert de gekozen actie uit (vergrendelen)" wait_for "Scherm vergrendeld" 5
tui_type demo
tui_keys Enter
check "en ontgrendelt weer" wait_for "Totaal" 10
tui_keys q
wait_for "balie afsluiten?" 5  # q on the home screen asks first (issue 13)
tui_keys Enter
rc=$(wait_exit 10)
check "q sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
