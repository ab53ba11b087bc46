#!/bin/sh
# 50_offline_test.sh — no database: the login screen says why (in Dutch),
# R tries again, q quits with status 0; nothing crashes.
. "$(dirname "$0")/lib.sh"

conf=$TUI_SCRATCH/offline.conf
echo "conninfo = \"host=$TUI_SCRATCH/geen-server port=5 connect_timeout=2\";" >"$conf"

tui_start offline 80 24 BALIE_CONFIG="$conf" "$TUI_BALIE"
check "zonder database: 'Geen verbinding met de database'" wait_for "Geen verbinding met de database" 20
check "de knoppen R en q worden genoemd" screen_has_all "R Opnieuw proberen" "q Afsluiten"
tui_keys R
check "R probeert het opnieuw" wait_for "Geen verbinding met de database" 20
resize 70 20
check "ook offline: Venster te klein" wait_for "Venster te klein" 5
resize 80 24
check "ook offline: terug naar de melding" wait_for "Geen verbinding met de database" 5
tui_keys q
rc=$(wait_exit 10)
check "q sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
