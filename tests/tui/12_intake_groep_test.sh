#!/bin/sh
# 12_intake_groep_test.sh — a hulpvraag about a group (issue 14 §1): N on the
# home screen asks groep or school first, refuses a group name that starts
# with "groep" (001 §3 stap 2) with the reason beside the field and keeps
# what was typed, then asks no leerling questions; the hulpvraag opens on a
# dossier of niveau groep, which the Dossier tab shows; a second intake for
# the same group (typed in other case) finds that dossier again; :nieuw
# school makes the school's dossier.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
GROEP="7B Test$$"

# intake GROEPSNAAM: from the home screen through the group's intake, up to
# the confirmation (the first title, the school Kameleon)
intake() {
	tui_keys N
	wait_for "groep of school" 5 || return 1
	tui_keys Enter
	wait_for "Naam van de groep" 5 || return 1
	tui_type "$1"
	tui_keys Enter
	wait_for "Kies de vaste titel" 10 || return 1
	tui_keys Enter
	wait_for "typ om te zoeken op naam" 10 || return 1
	tui_type "Kameleon"
	tui_keys Enter
	wait_for "Naam van de aanvrager" 10 || return 1
	tui_type "M. de Wit"
	tui_keys Enter
	wait_for "E-mailadres van de aanvrager" 5 || return 1
	tui_keys Enter
	wait_for "omschrijving" 5 || return 1
	tui_keys F2
	wait_for "Nieuwe hulpvraag aanmaken" 5
}

tui_demo groep 80 24
tui_login secretariaat demo
wait_for "Te doen" 20
tui_keys N
check "N vraagt eerst: groep of school" wait_for "Over wie gaat de hulpvraag?"
check "groep is de eerste keuze" screen_has "> Groep (een klas op een school"
tui_keys Enter
wait_for "Naam van de groep"
tui_type "groep 7"
tui_keys Enter
check "\"groep 7\" geweigerd met de reden naast het veld" wait_for "begint niet met \"groep\""
check "wat getypt was blijft staan" screen_has "groep 7"
tui_keys C-x
check "Ctrl-X verlaat de intake" wait_for "niets aangemaakt"
d0=$(demo_psql "SELECT count(*) FROM balie.dossier WHERE organisatie_id = $ORG AND niveau = 'groep'")
check "bevestiging na geen leerlingvragen" intake "$GROEP"
check "de bevestiging noemt de groep en de school" screen_has_all "voor $GROEP (groep" "Kameleon"
screen_lacks "Geboortedatum" || tap_fail "geen geboortedatum voor een groep"
tui_keys Enter
check "de hulpvraag opent met de groep in de kop" wait_for "$GROEP (groep)" 10
check "een dossier van niveau groep" [ "$(demo_psql "SELECT count(*) FROM balie.dossier WHERE organisatie_id = $ORG
	AND niveau = 'groep' AND groepsnaam = '$GROEP'")" = 1 ]
for _ in 1 2 3 4 5 6 7 8; do
	screen_has "[Dossier]" && break
	tui_keys Tab
	sleep 0.2
done
check "het tabblad Dossier toont de groepsnaam" wait_for "Groepsnaam      $GROEP"
check "geen adressen of ouders bij een groep" screen_lacks "Adressen"
tui_keys d
wait_for "Dossier $GROEP" 10
tui_keys a
check "a zegt dat een groep geen adres heeft" wait_for "geen adressen, ouders of schoolgegevens"
tui_keys Escape
wait_for "[Dossier]" 10
tui_keys Escape
check "terug: de intake zegt welke hulpvraag hij maakte" wait_for "is aangemaakt"
tui_keys Escape
wait_for "Te doen" 10
LOWER=$(printf '%s' "$GROEP" | tr 'A-Z' 'a-z')
check "tweede intake voor dezelfde groep (kleine letters)" intake "$LOWER"
tui_keys Enter
wait_for "(groep)" 10
tui_keys Escape
wait_for "is aangemaakt" 10
check "dezelfde groep: geen tweede dossier" [ "$(demo_psql "SELECT count(*) FROM balie.dossier WHERE organisatie_id = $ORG
	AND niveau = 'groep'")" = "$((d0 + 1))" ]
check "twee hulpvragen op dat dossier" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag h JOIN balie.dossier d
	ON d.id = h.dossier_id WHERE d.organisatie_id = $ORG AND d.groepsnaam = '$GROEP'")" = 2 ]
tui_keys Escape
wait_for "Te doen" 10
tui_keys :
tui_type "nieuw school"
tui_keys Enter
check ":nieuw school kiest school voor" wait_for "> School (schoolbudget)"
tap_done
