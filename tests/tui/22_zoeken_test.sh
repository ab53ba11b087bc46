#!/bin/sh
# 22_zoeken_test.sh — `/` search with the hits highlighted (issue 13 §1) in
# te controleren, on every tab of a hulpvraag and in the file picker, at
# 80x24: typing moves the cursor (or the tab's text) to the first hit, the
# other hits are underlined and the current one is in reverse video, n / N
# go on ("bovenaan hervat" on wrap), a miss says so, Esc first wipes the
# search.  One helper (tui/zoek.c) serves all three.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH

# the screen with its attributes (hits are underlined: SGR 4; the current
# hit in reverse video: SGR 7)
screen_e() {
	tmux -u -S "$TUI_SOCK" capture-pane -p -e -t zoek
}
# a line of the screen that holds TEXT ($2) is drawn with the SGR ($1)
line_attr() {
	screen_e | grep -F -- "$2" | grep -q -- "$1"
}
underlined() { screen_e | grep -q '\[[0-9;]*4m'; }

mkdir -p "$T/home/stukken"
: >"$T/home/stukken/aanmelding-anna.pdf"
: >"$T/home/stukken/groeidocument-bram.pdf"
: >"$T/home/stukken/onderzoek-wonderboom.pdf"
: >"$T/home/stukken/zienswijze-ouders.pdf"

tui_start zoek 80 24 "HOME=$T/home $TUI_BALIE demo"
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20

# ---- te controleren ----
tui_keys t
check "t opent te controleren" wait_for "oudste eerst" 10
wait_gone "Bezig met laden" 10
# a nummer of a row further down that no other row on the page shows
NR=
for nr in $(tui_screen | sed -n '5,14p' | awk '{print $1}' | sort -rn); do
	[ "${#nr}" -ge 2 ] || continue
	if [ "$(tui_screen | sed -n '5,14p' | grep -c -- "$nr")" = 1 ]; then
		NR=$nr
		break
	fi
done
check "te controleren toont een rij met een eigen nummer ($NR)" [ -n "$NR" ]
check "de sneltoetsenbalk noemt / Zoeken" screen_has "/ Zoeken"
tui_keys /
check "/ opent de zoekregel" wait_for "Zoeken:" 5
tui_type "$NR"
check "typen zet de cursor op de treffer: $NR onder de lijst" wait_for " $NR · " 5
check "de treffer staat in omgekeerde video" line_attr '\[[0-9;]*7m' "$NR "
tui_keys Enter
check "Enter houdt de zoekopdracht vast" wait_for "zoek: $NR · n volgende" 5
tui_keys n
check "n: de enige treffer, bovenaan hervat" wait_for "bovenaan hervat" 5
tui_keys Escape
check "Esc wist eerst de zoekopdracht" wait_gone "zoek: $NR" 5
check "… en laat te controleren open" screen_has "Te controleren:"
tui_keys /
wait_for "Zoeken:" 5
tui_type "-20"
check "een woord dat elke rij heeft: de andere rijen onderstreept" wait_for "Zoeken: -20" 5
check "onderstreepte treffers op het scherm" underlined
tui_keys Escape
wait_gone "Zoeken:" 5
tui_keys /
wait_for "Zoeken:" 5
tui_type "qqxzq"
check "geen treffer: dat staat er" wait_for "Niet gevonden in deze bladzijde: qqxzq" 5
tui_keys Escape
wait_gone "Zoeken:" 5

# ---- the tabs of a hulpvraag ----
tui_keys Home Enter
check "Enter opent de hulpvraag op Compleetheid" wait_for "[Compleet]" 10
tui_keys /
check "/ op een tabblad opent de zoekregel" wait_for "Zoeken:" 5
tui_type "aanvulling vragen"
tui_keys Enter
wait_for "zoek: aanvulling vragen" 5
check "Compleetheid: de treffer in omgekeerde video" line_attr '\[[0-9;]*7m' "Compleet:"
tui_keys Tab
check "Tab: tabblad Hulpvraag" wait_for "[Hulpvraag]" 5
tui_keys Escape
check "Esc wist de zoekopdracht op de hulpvraag" wait_gone "zoek: aanvulling vragen" 5
check "… en de hulpvraag blijft open" screen_has "[Hulpvraag]"
tui_keys /
wait_for "Zoeken:" 5
tui_type "laatst gewijzigd"
check "Hulpvraag: de regel Laatst gewijzigd in omgekeerde video" wait_for "Zoeken: laatst gewijzigd" 5
check "… gemarkeerd" line_attr '\[[0-9;]*7m' "Laatst gewijzigd"
tui_keys Enter Tab
check "Tab: tabblad Historie" wait_for "[Historie" 5
tui_keys n
check "n op een ander tabblad zoekt daar verder (niet gevonden)" wait_for "Niet gevonden in dit tabblad: laatst gewijzigd" 5
tui_keys Escape
wait_gone "zoek: laatst" 5

# ---- the file picker ----
tui_keys b
check "b opent de bijlagen" wait_for "Bijlagen van hulpvraag" 10
tui_keys a
check "a opent de bestandskiezer" wait_for "$T/home" 5
tui_keys Down Enter
check "de map stukken" wait_for "zienswijze-ouders.pdf" 5
tui_keys /
wait_for "Zoeken:" 5
tui_type "wonderboom"
check "bestandskiezer: de treffer in omgekeerde video" line_attr '\[[0-9;]*7m' "onderzoek-wonderboom.pdf"
tui_keys Enter
tui_keys /
wait_for "Zoeken:" 5
tui_type ".pdf"
check "bestandskiezer: de andere treffers onderstreept" line_attr '\[[0-9;]*4m' "zienswijze-ouders.pdf"
tui_keys Enter Home N
check "N vanaf de eerste rij: onderaan hervat" wait_for "onderaan hervat" 5
tui_keys Escape
check "Esc wist eerst de zoekopdracht in de bestandskiezer" wait_gone "zoek: .pdf" 5
check "… de bestandskiezer blijft open" screen_has "zienswijze-ouders.pdf"
tui_keys Escape
check "de tweede Esc sluit de bestandskiezer" wait_for "Geen bestand gekozen" 5
tui_keys F10
wait_exit 10 >/dev/null
tap_done
