#!/bin/sh
# 24_filtertotaal_test.sh — saved filters show their counts and a filtered
# list shows its total (issue 13 §2), at 80x24.  The figure is checked
# against one counted another way: the home screen's "Nieuw zonder reactie"
# (a maintained table, 018) equals the default filter "Nieuw, > 5
# werkdagen" (telaat:ja, counted over hulpvraag by queue_count), in the
# tree, on the filtered list and on a filter saved just now.
. "$(dirname "$0")/lib.sh"

# the figure at the end of the line that holds TEXT, as shown ("1.234")
shown() {
	tui_screen | grep -F -- "$1" | head -1 | sed 's/.* \([0-9][0-9.]*\)$/\1/'
}
# the same in the tree (left of the │)
tree_figure() {
	tui_screen | grep -F -- "$1" | head -1 | sed 's/│.*//; s/ *$//; s/.* \([0-9][0-9.]*\)$/\1/'
}

tui_demo filt 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
wait_for "Nieuw zonder reactie" 10
Z=$(shown "Nieuw zonder reactie")
check "het overzicht telt nieuw zonder reactie ($Z)" [ -n "$Z" ]

tui_keys w
check "w opent de werkvoorraad" wait_for "Alle" 10
wait_gone "Bezig met laden" 10
tui_keys Tab End
check "de bewaarde filters staan onderaan de boom" wait_for "» Nieuw, > 5" 10
check "het bewaarde filter Nieuw, > 5 werkdagen telt $Z" [ "$(tree_figure "» Nieuw, > 5")" = "$Z" ]

tui_keys Tab
tui_keys '\'
check "\\ opent het filter" wait_for "!woord sluit uit" 5
tui_keys C-u
tui_type "telaat:ja"
tui_keys Enter
check "de gefilterde lijst noemt haar totaal ($Z)" wait_for "Filter: telaat:ja — $Z hulpvragen — Esc wist" 10

tui_keys B
check "B: het filter bewaren vraagt een naam" wait_for "Filter bewaren" 5
tui_type "Telaat24"
tui_keys Enter
check "het bewaarde filter staat in de boom" wait_for "» Telaat24" 10
check "… met zijn aantal ($Z)" [ "$(tree_figure "» Telaat24")" = "$Z" ]
tui_keys Escape
check "Esc: geen filter meer, dus geen filtertotaal" wait_gone "Filter: telaat:ja" 10
tui_keys F10
wait_exit 10 >/dev/null
tap_done
