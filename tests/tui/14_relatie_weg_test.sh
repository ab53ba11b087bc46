#!/bin/sh
# 14_relatie_weg_test.sh — taking an ouder out of a dossier (issue 14 §3):
# D elsewhere says where to put the cursor; D on the ouder asks, naming
# who, with Annuleren as the default (Enter keeps the ouder); Afgehandeld
# — "1 relatie verwijderen" — takes it out: the dossier no longer lists it,
# the database keeps the row with who and when, the audit log says so.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
OUDER="Ouder Weg$$"
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.dossier d ON d.id = h.dossier_id
	 WHERE h.organisatie_id = $ORG AND d.niveau = 'leerling' AND h.status LIKE 'Ondersteuningsaanvraag>%'
	 ORDER BY h.nummer DESC LIMIT 1")
check "demo: een hulpvraag van een leerling ($NUMMER)" [ -n "$NUMMER" ]
DOSSIER="(SELECT dossier_id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"
demo_psql "INSERT INTO balie.relatie (dossier_id, organisatie_id, soort, naam, gezag)
	SELECT $DOSSIER, $ORG, 'verzorger', '$OUDER', true" >/dev/null

tui_start rel 80 24 "HOME=$T $TUI_BALIE demo"
tui_login secretariaat demo
wait_for "Totaal" 20
tui_keys :
tui_type "dossier $NUMMER"
tui_keys Enter
wait_for "d of Enter: het dossier openen" 10
tui_keys d
check "het dossier toont de verzorger" wait_for "$OUDER" 10
tui_keys D
check "D op een andere regel zegt waar de cursor moet staan" wait_for "Zet de cursor op een ouder"
found=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
	tui_keys Down D
	sleep 0.15
	if screen_has "$OUDER uit het dossier halen?"; then found=1; break; fi
	if screen_has "uit het dossier halen?"; then # another ouder: not this one
		tui_keys Escape
		wait_gone "uit het dossier halen?" 5
	fi
done
check "D op de verzorger vraagt het eerst, met de naam" [ -n "$found" ]
check "de vraag noemt wie" screen_has "verzorger $OUDER uit het dossier halen?"
tui_keys Enter
check "Enter is Annuleren: de verzorger blijft" wait_gone "uit het dossier halen?" 5
check "nog in het dossier" screen_has "$OUDER"
tui_keys D
wait_for "uit het dossier halen?" 5
tui_keys Right Enter
check "verwijderd, met een melding" wait_for "Relatie uit het dossier gehaald" 10
check "het dossier toont de verzorger niet meer" wait_gone "$OUDER" 5
check "de database bewaart de rij met wie en wanneer" [ "$(demo_psql "SELECT count(*) FROM balie.relatie r
	JOIN balie.account a ON a.id = r.verwijderd_door WHERE r.naam = '$OUDER' AND r.verwijderd_op IS NOT NULL
	  AND a.username = 'secretariaat'")" = 1 ]
check "het auditlog zegt het, zonder naam" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l JOIN balie.relatie r
	ON r.id = l.object_id AND l.object = 'relatie' WHERE r.naam = '$OUDER' AND l.detail = 'verwijderd'")" = 1 ]
tap_done
