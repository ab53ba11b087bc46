#!/bin/sh
# 46_school_test.sh — the school's own view (issue 13 §4), at 80x24: the
# aanvragende school's home screen says how many of its hulpvragen are open
# and how many wait for its aanvulling; w opens "Mijn aanvragen" — its own
# hulpvragen with the full status, without the one-node tree of the back
# office — and Esc goes straight back; nothing of the back office (te
# controleren, bulk, coördinator, labels) is offered.
. "$(dirname "$0")/lib.sh"

counts=$(demo_psql "SELECT count(*) || '|' || count(*) FILTER (WHERE s.aanvulling) FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	JOIN balie.account a ON a.id = h.aanvrager_id AND a.username = 'school' WHERE NOT s.eindstatus")
IFS='|' read -r OPEN AANV <<EOS
$counts
EOS
check "demodata: de school heeft open hulpvragen ($OPEN, aanvulling $AANV)" [ "${OPEN:-0}" -gt 0 ]
figure() {
	tui_screen | grep -F "$1" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .
}

tui_demo school 80 24
tui_login school demo
check "school: overzicht" wait_for "Hulpvragen per statuscategorie" 20
wait_for "Totaal" 10
check "Te doen: Mijn aanvragen met de toets w" screen_has "w  Mijn aanvragen (open)"
check "Mijn aanvragen ($(figure "Mijn aanvragen (open)")) = database ($OPEN)" [ "$(figure "Mijn aanvragen (open)")" = "$OPEN" ]
check "aanvulling gevraagd ($(figure "Aanvulling gevraagd")) = database ($AANV)" [ "$(figure "Aanvulling gevraagd")" = "$AANV" ]
check "niets van de back office op het overzicht" screen_lacks "Te controleren"
tui_keys w
check "w opent Mijn aanvragen" wait_for "Mijn aanvragen" 10
wait_gone "Bezig met laden" 10
check "zonder de statusboom van één knoop" screen_lacks "▸Alle"
check "met de statuskolom" sh -c "tmux -u -S '$TUI_SOCK' capture-pane -p -t school | sed -n 3p | grep -q Status"
check "geen bulk in de toetsenbalk" screen_lacks "Bulk"
tui_keys Tab
check "Tab gaat niet naar een onzichtbare boom" screen_lacks "▸Alle"
tui_keys Escape
check "Esc: meteen terug naar het overzicht" wait_for "Hulpvragen per statuscategorie" 10
tui_keys w
wait_for "Mijn aanvragen" 10
wait_gone "Bezig met laden" 10
tui_keys Enter
check "Enter opent de hulpvraag" wait_for "Hulpvraag " 10
check "de hulpvraag: geen coördinator kiezen, geen labels" screen_lacks "c Coördinator"
check "… en geen Label+" screen_lacks "Label+"
tui_keys F10
wait_exit 10 >/dev/null
tap_done
