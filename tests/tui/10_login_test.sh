#!/bin/sh
# 10_login_test.sh — coordinator logs in with username + password and sees
# the home screen: who, which organisatie, the hulpvragen per status category
# (compared with psql), the status and key bars; r reloads, ? shows the help,
# q quits with exit status 0.  A PO2507 account sees PO2507's figures.
. "$(dirname "$0")/lib.sh"

# "1234" → "1.234", as the home screen writes counts
dutch_number() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
}

# counts_match ORG: every status category of ORG, with its count, is a line
# of the home screen's table, and so is the total.
counts_match() {
	_exp=$(demo_psql "SELECT h.status_categorie || '|' || count(*)
		  FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id
		 WHERE o.code = '$1' AND NOT h.voorlopig
		 GROUP BY h.status_categorie ORDER BY 1") || return 1
	[ -n "$_exp" ] || { echo "# geen hulpvragen voor $1 in de demodata"; return 1; }
	_scr=$(tui_screen)
	_total=0
	_bad=0
	_nl='
'
	_old_ifs=$IFS
	IFS=$_nl
	for _row in $_exp; do
		_cat=${_row%|*}
		_num=${_row##*|}
		_total=$((_total + _num))
		if ! printf '%s\n' "$_scr" | awk -v cat="$_cat" -v num="$(dutch_number "$_num")" '
			{ sub(/ +$/, "") }
			index($0, "  " cat " ") == 1 && $NF == num { found = 1 }
			END { exit !found }'; then
			echo "# categorie '$_cat' met $_num ontbreekt op het scherm"
			_bad=1
		fi
	done
	IFS=$_old_ifs
	if ! printf '%s\n' "$_scr" | grep -qE "^  Totaal +$(dutch_number "$_total") *\$"; then
		echo "# totaal $_total ontbreekt op het scherm"
		_bad=1
	fi
	[ "$_bad" -eq 0 ]
}

status_bar_ok() {
	tui_screen | grep -F "(coordinator)" | grep -F "PO3008" | grep -qF "verbonden"
}

tui_demo login 100 30
check "aanmeldscherm verschijnt" wait_for "Gebruikersnaam" 30
check "aanmeldscherm vraagt organisatie en wachtwoord" screen_has_all "Organisatie" "Wachtwoord"
check "geen codeveld voor een account zonder TOTP" screen_lacks "Code uit je authenticator-app"
tui_keys Escape 1
check "Esc 1 werkt als F1: help van het aanmeldscherm" wait_for "Help — Aanmelden" 5
tui_keys Escape
check "Esc sluit de help weer" wait_for "Gebruikersnaam" 5
tui_type coordinator
tui_keys Tab
tui_type geheim
check "wachtwoord verschijnt gemaskeerd" wait_for "••••••" 5
check "het getypte wachtwoord staat niet op het scherm" screen_lacks "geheim"
tui_keys C-u
tui_type demo
tui_keys Enter
check "overzicht na aanmelden als coordinator" wait_for "Hulpvragen per statuscategorie" 20
check "aantallen ingeladen" wait_for "Totaal" 10
check "naam, rol en organisatie op het overzicht" screen_has_all "Welkom, " "Rol " "PO3008  "
check "aantallen per statuscategorie gelijk aan de database (PO3008)" counts_match PO3008
check "statusbalk: gebruiker, organisatie, verbonden" status_bar_ok
check "toetsenbalk uit de actietabel" screen_has "n Nieuw  t Te controleren  ? Help  w Werkvoorraad  o Hulpvraag  q Afsluiten"
tui_keys r
check "r vernieuwt de aantallen" wait_for "Totaal" 10
check "na vernieuwen nog steeds gelijk aan de database" counts_match PO3008
tui_keys '?'
check "? toont de help van het overzicht" wait_for "Help — Overzicht" 5
check "help noemt de acties met hun toetsen" screen_has_all "Vernieuwen" "r, F5" "Afsluiten"
tui_keys Escape
check "Esc sluit de help" wait_for "Hulpvragen per statuscategorie" 5
tui_keys C-c
check "Ctrl-C breekt niets af maar zegt hoe je afsluit" wait_for "Afsluiten doe je met q" 5
check "na Ctrl-C nog steeds het overzicht" screen_has "Hulpvragen per statuscategorie"
tui_keys q
wait_for "balie afsluiten?" 5  # q on the home screen asks first (issue 13)
tui_keys Enter
rc=$(wait_exit 10)
check "q sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tui_demo po2507 100 30
tui_login stromenland demo
check "PO2507-account komt in PO2507" wait_for "Hulpvragen per statuscategorie" 20
wait_for "Totaal" 10
check "organisatie PO2507 op het overzicht" screen_has "PO2507"
check "aantallen gelijk aan de database (PO2507)" counts_match PO2507
tui_keys F10
rc=$(wait_exit 10)
check "F10 sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
