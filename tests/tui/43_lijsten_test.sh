#!/bin/sh
# 43_lijsten_test.sh — lists you can read (issue 13 §3): at 80x24 the
# werkvoorraad shows the status column (priority over school, type,
# coördinator, labels), inside a category branch without the category
# prefix, as wide as it needs up to 30% of the list (at 140 columns a
# long status whole); the sort column is picked directly from a list (>, as
# htop's F6) and the sorted column is never dropped.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# the home screen lists the categories in name order; TLV's place in it
POS=$(demo_psql "SELECT n FROM (SELECT status_categorie, row_number() OVER (ORDER BY status_categorie) AS n
	FROM (SELECT DISTINCT status_categorie FROM balie.hulpvraag_telling
	      WHERE organisatie_id = $ORG AND NOT voorlopig AND aantal > 0) c) x WHERE status_categorie = 'TLV'")
check "demodata: de categorie TLV staat op het overzicht (plaats $POS)" [ -n "$POS" ]

tui_demo lijst 80 24
tui_login coordinator demo
check "overzicht na aanmelden" wait_for "Totaal" 20
i=1
while [ "$i" -lt "$POS" ]; do tui_keys Down; i=$((i + 1)); done
tui_keys Enter
check "Enter op de categorie TLV opent de werkvoorraad daarop" wait_for "TLV — " 10
wait_gone "Bezig met laden" 10
check "80 kolommen: de statuskolom staat in de kop" sh -c "tmux -u -S '$TUI_SOCK' capture-pane -p -t lijst | sed -n 3p | grep -q 'Status'"
check "binnen de categorie TLV zonder het voorvoegsel TLV>" screen_lacks "TLV>"

# a long status: whole at 140 columns, at 80 at least 17 of its characters
tui_keys '\'
wait_for "!woord sluit uit" 5
tui_type "status:onbekend"
tui_keys Enter
check "gefilterd op status:onbekend" wait_for "Filter: status:onbekend" 10
check "80 kolommen: de status is leesbaar (afgegeven, s…)" wait_for "afgegeven, s" 10
resize 140 45
check "140 kolommen: de hele status" wait_for "afgegeven, school onbekend" 10
resize 80 24
wait_for "Filter: status:onbekend" 10

# pick the sort column directly; the sorted column is never dropped
tui_keys '>'
check "> toont de kolommen om op te sorteren" wait_for "Sorteren op" 5
tui_type "School"
tui_keys Enter
check "gesorteerd op School: die kolom blijft staan op 80 kolommen" wait_for "School▲" 10
tui_keys '>'
wait_for "Sorteren op" 5
tui_type "School"
tui_keys Enter
check "dezelfde kolom nog eens: omgekeerd" wait_for "School▼" 10
tui_keys '>'
wait_for "Sorteren op" 5
tui_type "Status"
tui_keys Enter
check "gesorteerd op Status" wait_for "Status▲" 10
check "School valt weer weg op 80 kolommen" screen_lacks "School"

# a saved filter, then Esc: the header no longer names it (issue 13 §2)
tui_keys B
check "B: het filter bewaren vraagt een naam" wait_for "Filter bewaren" 5
tui_type "Onbekend43"
tui_keys Enter
check "het bewaarde filter staat in de boom" wait_for "» Onbekend43" 10
tui_keys Escape
wait_gone "Filter: status:onbekend" 10
check "na Esc noemt de kop het bewaarde filter niet meer: Alle" \
	sh -c "tmux -u -S '$TUI_SOCK' capture-pane -p -t lijst | sed -n 2p | grep -q '│Alle'"
tui_keys F10
wait_exit 10 >/dev/null
tap_done
