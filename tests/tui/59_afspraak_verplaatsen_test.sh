#!/bin/sh
# 59_afspraak_verplaatsen_test.sh — the financieel medewerker plans a
# "categorie 2 en 3" aanvraag in bij its coördinator (004 §4.2) at 80x24:
# A at a time the coördinator already has an appointment warns (and plans);
# the status is "…bespreken coördinator passend onderwijs SWV".  A again
# moves it (a mail with the new time) and cancels it (a reason is required;
# a mail that it lapses).  Counted from the database; the appointments of
# this test go again at the end.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ME="(SELECT id FROM balie.account WHERE username = 'coordinator')"
BESPREKEN="Arrangement>categorie 2 en 3 bespreken coördinator passend onderwijs SWV"
H=$(afspraak_hulpvraag "Aanvraag aanvullende bekostiging")
check "er is een aanvraag aanvullende bekostiging" [ -n "$H" ]
NUMMER=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $H")
DAG3=$(demo_psql "SELECT to_char(current_date + 3, 'DD-MM-YYYY')")
DAG4=$(demo_psql "SELECT to_char(current_date + 4, 'DD-MM-YYYY')")
MAILS=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H")
# the coördinator already has an appointment on day 3 from 06:00 to 07:00
demo_psql "INSERT INTO balie.vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, capaciteit_zaken,
	deadline, locatie) SELECT c.organisatie_id, c.id, current_date + 3, '06:00', '07:00', 1, current_date + 2,
	'afspraak-test bezet' FROM balie.commissie c JOIN balie.organisatie o ON o.id = c.organisatie_id
	WHERE o.code = 'PO3008' AND c.afspraak" >/dev/null
demo_psql "INSERT INTO balie.vergadering_lid (vergadering_id, organisatie_id, account_id, rol)
	SELECT v.id, v.organisatie_id, $ME, 'voorzitter' FROM balie.vergadering v WHERE v.locatie = 'afspraak-test bezet'" \
	>/dev/null

tui_demo afspraak2 80 24
tui_login financieel demo
wait_for "Welkom" 20
tui_open_hulpvraag "$NUMMER"
check "de aanvraag staat op aanvraag aanvullende bekostiging" wait_for "Status: Aanvraag aanvullende bekostiging" 10
tui_keys A
check "A: datum en tijd gevraagd" wait_for "Afspraak met de coördinator" 10
tui_keys C-u
tui_type "$DAG3 06:30-07:15"
tui_keys Enter
wait_for "Plaats of telefoonnummer" 5
tui_keys C-u
tui_type "Kantoor SWV"
tui_keys Enter
check "dubbel geboekt: een waarschuwing" wait_for "Let op: de coördinator heeft dan al CPO 06:00–07:00" 10
check "en de status is mee" wait_for "Status: Arrangement>categorie 2 en 3 bespreken" 10
check "in de database: bespreken" [ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $H")" = "$BESPREKEN" ]
V=$(demo_psql "SELECT a.vergadering_id FROM balie.agendapunt a WHERE a.hulpvraag_id = $H AND a.open")
check "de afspraak is van de coördinator van de hulpvraag" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering_lid
	WHERE vergadering_id = ${V:-0} AND account_id = $ME")" = 1 ]
# verplaatsen (at an hour without demo meetings: a warning would come first)
tui_keys A
check "A nog eens: verplaatsen of annuleren" wait_for "Verplaatsen" 10
tui_keys Enter
check "de huidige tijd staat klaar" wait_for "$DAG3 06:30-07:15" 5
tui_keys C-u
tui_type "$DAG4 05:00-05:30"
tui_keys Enter
wait_for "Plaats of telefoonnummer" 5
tui_keys Enter
check "verplaatst" wait_for "Afspraak verplaatst" 10
check "in de database: de nieuwe tijd" [ "$(demo_psql "SELECT to_char(datum, 'DD-MM-YYYY') || ' ' || to_char(begintijd, 'HH24:MI')
	FROM balie.vergadering WHERE id = ${V:-0}")" = "$DAG4 05:00" ]
check "mail met de nieuwe tijd" [ "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H
	AND onderwerp = 'Hulpvraag $NUMMER: afspraak met de coördinator verplaatst naar $DAG4 om 05:00'")" = 1 ]
# annuleren: zonder reden geweigerd
tui_keys A
wait_for "Verplaatsen" 10
tui_keys Down Enter
check "annuleren vraagt een reden" wait_for "Waarom gaat de afspraak niet door" 5
tui_keys Enter
check "een lege reden wordt geweigerd" wait_for "Een reden is verplicht." 5
tui_type "coördinator ziek"
tui_keys Enter
check "geannuleerd" wait_for "Afspraak geannuleerd" 10
check "in de database: geannuleerd, de zaak los" [ "$(demo_psql "SELECT v.status || ' ' || (SELECT count(*) FROM balie.agendapunt a
	WHERE a.vergadering_id = v.id AND a.open) FROM balie.vergadering v WHERE v.id = ${V:-0}")" = "geannuleerd 0" ]
check "drie mails: gepland, verplaatst, gaat niet door" \
	[ "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $H")" = "$((MAILS + 3))" ]
# the appointments of this test go again
demo_psql "DELETE FROM balie.agendapunt WHERE vergadering_id = ${V:-0}" >/dev/null
demo_psql "DELETE FROM balie.vergadering WHERE id = ${V:-0} OR locatie = 'afspraak-test bezet'" >/dev/null
tap_done
