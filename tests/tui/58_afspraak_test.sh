#!/bin/sh
# 58_afspraak_test.sh — the coördinator's own appointment at 80x24 (issue 11
# §2; 004 §2.5 telefonisch consult): the coördinator opens a hulpvraag of hers
# in "Ondersteuningsaanvraag>plannen", A asks date and time (a wrong date is
# refused in Dutch and stays), then place or telephone number; the status
# moves to "telefonisch consult", the aanvrager's mail with date and time is in
# the outbox (no pupil name in its subject), and "Mijn week" (W in the agenda)
# shows the appointment; c in the agenda lists what is ready for one.
# Counted from the database; the appointment goes again at the end (later
# tests count meetings).
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

H=$(afspraak_hulpvraag "Ondersteuningsaanvraag>plannen")
check "er is een hulpvraag die klaar is voor een telefonisch consult" [ -n "$H" ]
NUMMER=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $H")
NAAM=$(demo_psql "SELECT d.achternaam FROM balie.hulpvraag h JOIN balie.dossier d ON d.id = h.dossier_id WHERE h.id = $H")
DATUM=$(demo_psql "SELECT to_char(current_date + 2, 'DD-MM-YYYY')")
MAILS=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H")

tui_demo afspraak 80 24
tui_login coordinator demo
wait_for "Welkom" 20
tui_open_hulpvraag "$NUMMER"
check "de hulpvraag staat op plannen" wait_for "Status: Ondersteuningsaanvraag>plannen" 10
tui_keys A
check "A: datum en tijd gevraagd, met een voorstel" wait_for "Afspraak met de coördinator" 10
tui_keys C-u
tui_type "31-02-2027 10:00-10:30"
tui_keys Enter
check "31-02 geweigerd in het Nederlands" wait_for "31-02-2027 bestaat niet" 5
check "wat getypt is blijft staan" screen_has "31-02-2027 10:00-10:30"
tui_keys C-u
tui_type "$DATUM 07:05-07:35"
tui_keys Enter
check "dan: plaats of telefoonnummer" wait_for "Plaats of telefoonnummer" 5
tui_keys C-u
tui_type "telefonisch 0492-123456"
tui_keys Enter
check "gepland; de status is mee" wait_for "Status: Ondersteuningsaanvraag>telefonisch consult" 10
check "de melding zegt het" screen_has "Afspraak gepland"
check "de kop toont de afspraak" wait_for "afspraak CPO $DATUM 07:05" 5
check "in de database: telefonisch consult" \
	[ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $H")" = "Ondersteuningsaanvraag>telefonisch consult" ]
check "één mail erbij aan de aanvrager" \
	[ "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H")" = "$((MAILS + 1))" ]
check "de mail noemt datum en tijd" [ "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H
	AND onderwerp = 'Hulpvraag $NUMMER: afspraak met de coördinator op $DATUM om 07:05'
	AND tekst LIKE '%07:05 tot 07:35%' AND tekst LIKE '%0492-123456%'")" = 1 ]
check "geen naam van de leerling in het onderwerp" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE hulpvraag_id = $H AND position(lower('$NAAM') IN lower(onderwerp)) > 0")" = 0 ]
# Mijn week
tui_keys Escape
wait_for "Welkom" 10
tui_keys a
check "a: de agenda" wait_for "Agenda van de commissies" 10
tui_keys W
check "W: mijn week" wait_for "Mijn week" 10
check "met de afspraak (CPO, 07:05–07:35)" wait_for "07:05–07:35 CPO" 5
# c: te plannen for her appointments, reachable from the agenda too
N=$(demo_psql "SELECT count(*) FROM balie.flow_agenda f JOIN balie.hulpvraag h ON h.aanvraagtype_id = f.aanvraagtype_id
	AND (h.status = ANY (f.van) OR h.status = f.naar) WHERE f.commissie = 'CPO'
	AND h.coordinator_id = (SELECT id FROM balie.account WHERE username = 'coordinator')
	AND NOT EXISTS (SELECT 1 FROM balie.agendapunt p WHERE p.hulpvraag_id = h.id AND p.open)")
if [ "$N" = 1 ]; then W="1 hulpvraag"; else W="$N hulpvragen"; fi
tui_keys c
check "c: te plannen voor haar eigen afspraken" wait_for "Jouw afspraken · Enter: de hulpvraag" 10
check "alleen de hare: $W" wait_for "Te plannen voor de CPO · $W, oudste eerst" 10
# the appointment goes again; the hulpvraag stays "telefonisch consult"
# (ready for a new appointment)
demo_psql "DELETE FROM balie.agendapunt WHERE hulpvraag_id = $H AND vergadering_id IN (SELECT v.id FROM balie.vergadering v
	JOIN balie.commissie c ON c.id = v.commissie_id WHERE c.afspraak)" >/dev/null
demo_psql "DELETE FROM balie.vergadering v USING balie.commissie c WHERE c.id = v.commissie_id AND c.afspraak
	AND NOT EXISTS (SELECT 1 FROM balie.agendapunt p WHERE p.vergadering_id = v.id)" >/dev/null
tap_done
