#!/bin/sh
# 41_toetsen_test.sh — keys that never lose work (issue 13 §1), at 80x24:
# the key bar shows the most useful keys first; q goes back one level and
# quits only from the home screen after a question; the `:` command line
# opens a hulpvraag, the werkvoorraad and te controleren, with Tab
# completion; Esc+digit is the F-key on every screen (werkvoorraad, dialog,
# form); a changed note or form asks "Bewaren / Niet bewaren / Annuleren"
# with Bewaren the default, and F10 does not quit over unsaved work.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# a PO3008 hulpvraag with one form, aanvraag-tlv, not a verlenging
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.formulier f
	JOIN balie.formulier_definitie d ON d.id = f.definitie_id AND d.code = 'aanvraag-tlv'
	JOIN balie.hulpvraag h ON h.id = f.hulpvraag_id AND h.organisatie_id = $ORG AND NOT h.voorlopig
	JOIN balie.formulier_waarde w ON w.formulier_id = f.id AND w.veld = 'verlenging' AND w.waarde = 'nee'
	WHERE (SELECT count(*) FROM balie.formulier g WHERE g.hulpvraag_id = h.id) = 1
	ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een hulpvraag met één aanvraag-tlv-formulier ($NUMMER)" [ -n "$NUMMER" ]
verlenging() {
	demo_psql "SELECT w.waarde FROM balie.formulier_waarde w JOIN balie.formulier f ON f.id = w.formulier_id
		JOIN balie.hulpvraag h ON h.id = f.hulpvraag_id WHERE h.organisatie_id = $ORG
		 AND h.nummer = $NUMMER AND w.veld = 'verlenging'"
}
# The save runs after the key; "bewaard" is on the screen before it too
# (laatst bewaard …): poll the database for up to 5 s.
verlenging_is() {
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		[ "$(verlenging)" = "$1" ] && return 0
		sleep 0.2
	done
	return 1
}
notitie() {
	demo_psql "SELECT coalesce(max(n.tekst), '') FROM balie.notitie n JOIN balie.hulpvraag h ON h.id = n.hulpvraag_id
		JOIN balie.account a ON a.id = n.account_id
		WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND a.username = 'coordinator'"
}

tui_demo keys 80 24
tui_login coordinator demo
check "overzicht na aanmelden" wait_for "Totaal" 20
check "sleutelbalk op het overzicht (80 kolommen): n, t en ? staan erin" \
	screen_has_all "n Nieuw " "t Te controleren" "? Help" "q Afsluiten"

# q on the home screen asks; Esc keeps balie open
tui_keys q
check "q op het overzicht vraagt eerst" wait_for "balie afsluiten?" 5
tui_keys Escape
check "Esc: de vraag gaat weg, balie blijft open" wait_gone "balie afsluiten?" 5

# the command line: Tab completes the verb, Enter runs it, q goes back
tui_keys :
tui_type "te"
tui_keys Tab
check "Tab vult de opdracht aan (:te → :te-controleren)" wait_for ":te-controleren" 5
tui_keys Enter
check ":te-controleren opent Te controleren" wait_for "oudste eerst" 10
tui_keys q
check "q in Te controleren gaat terug naar het overzicht (sluit niet af)" wait_for "Totaal" 10
tui_keys : x y z Enter
check "een onbekende opdracht zegt dat" wait_for "Onbekende opdracht ':xyz'" 5

# :w opens the werkvoorraad; Esc 1 there is F1 (help), not "terug"
tui_type ":w"
tui_keys Enter
check ":w opent de werkvoorraad" wait_for "balie — Werkvoorraad" 10
wait_gone "Bezig met laden" 10
tui_keys Escape 1
check "Esc 1 in de werkvoorraad is F1: de help" wait_for "balie — Help" 5
tui_keys q
check "q sluit de help: terug in de werkvoorraad" wait_for "balie — Werkvoorraad" 5
tui_keys o
check "o werkt ook in de werkvoorraad: vraagt het nummer" wait_for "Nummer van de hulpvraag" 5
tui_keys Escape
check "Esc: terug in de werkvoorraad" wait_gone "Nummer van de hulpvraag" 5
check "… de werkvoorraad staat er nog" screen_has "balie — Werkvoorraad"

# / in the help searches; Enter on the hit runs it
tui_keys F1
wait_for "balie — Help" 5
tui_keys /
check "/ in de help: zoeken terwijl je typt" wait_for "Zoeken:" 5
tui_type "omkeren"
tui_keys Enter
check "de zoekopdracht blijft staan" wait_for "zoek: omkeren" 5
tui_keys Enter
check "Enter voert de gevonden actie uit (sortering omkeren)" wait_for "Datum▼" 10
# q as Esc: from the list to the status tree, then to the home screen
tui_keys q
check "q in de werkvoorraad gaat één stap terug (niet afsluiten)" wait_for "balie — Werkvoorraad" 5
tui_keys q
check "nog een q: terug op het overzicht" wait_for "Totaal" 10

# :NUMMER opens the hulpvraag; its key bar shows a, b, l, f, ?
tui_type ":$NUMMER"
tui_keys Enter
check ":$NUMMER opent hulpvraag $NUMMER" wait_for "Hulpvraag $NUMMER ·" 10
check "sleutelbalk van een hulpvraag (80 kolommen): a, b, l, f en ?" \
	screen_has_all "a Aanvulling" "b Bijlagen" "l Label+" "f Formulier+" "? Help"

# a note: Esc on changed text asks (Bewaren first); Esc 2 there is F2
tui_keys m
check "m opent de notitie" wait_for "F2/Ctrl-D: bewaren" 5
tui_type "bellen met ouders"
tui_keys Escape
check "Esc op een gewijzigde notitie vraagt: Bewaren / Niet bewaren / Annuleren" \
	wait_for "[ Niet bewaren ]" 5
tui_keys Escape
check "Esc (Annuleren) terug naar de tekst, niets kwijt" wait_for "17 tekens" 5
tui_keys Escape 2
check "Esc 2 in de notitie is F2: bewaard" wait_for "Notitie bewaard" 10
check "database: de notitie staat er" [ "$(notitie)" = "bellen met ouders" ]

# a form: change a field, Esc asks, Enter = Bewaren saves and goes back
for i in 1 2 3 4; do tui_keys Tab; done
check "tabblad Formulieren" wait_for "Aanvraag TLV" 5
tui_keys Enter
check "formulier geopend" wait_for "Betreft het een verlenging" 10
tui_keys j
check "gewijzigd: de titel zegt niet bewaard" wait_for "niet bewaard" 5
tui_keys F10
check "F10 sluit niet af over niet-bewaard werk" wait_for "Niet afgesloten" 5
tui_keys Escape
check "Esc op een gewijzigd formulier vraagt eerst" wait_for "Formulier verlaten" 5
check "de vraag noemt de drie keuzes" screen_has_all "[ Bewaren ]" "[ Niet bewaren ]" "[ Annuleren ]"
tui_keys Enter
check "Enter (Bewaren is de standaard) bewaart en gaat terug naar de hulpvraag" wait_for "Hulpvraag $NUMMER ·" 10
check "database: verlenging = ja bewaard" verlenging_is ja

# the form's F2 and F4 also as Ctrl keys; Esc 2 in a form is F2
tui_keys Enter
check "formulier opnieuw geopend" wait_for "Betreft het een verlenging" 10
tui_keys n
tui_keys Escape 2
check "Esc 2 in het formulier is F2 (Bewaren)" wait_for "bewaard" 10
check "database: verlenging = nee" verlenging_is nee
tui_keys j C-d
wait_for "bewaard" 10
check "Ctrl-D bewaart het formulier" verlenging_is ja
tui_keys n C-d
wait_gone "niet bewaard" 10
check "database: weer nee" verlenging_is nee
tui_keys Escape
check "onveranderd formulier: Esc gaat meteen terug" wait_for "Hulpvraag $NUMMER ·" 10

# back to home with q, q; then q and Enter quits
tui_keys q
check "q in de hulpvraag: terug naar het overzicht" wait_for "Totaal" 10
tui_keys q
wait_for "balie afsluiten?" 5
tui_keys Enter
rc=$(wait_exit 10)
check "q en Enter op het overzicht sluiten af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]
tap_done
