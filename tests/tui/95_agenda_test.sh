#!/bin/sh
# 95_agenda_test.sh — the commission agenda at 80x24: the secretariaat opens
# the agenda from the home screen (a), goes to the next CT meeting, opens
# "te plannen" (t), and plans the three oldest complete TLV aanvragen on the
# proposed meeting; the outbox then holds a mail per hulpvraag (whose
# aanvrager wants mail) with the meeting's date and time, and no pupil name
# in its subject.  Then on the next Kans!overleg it records "toegekend" for
# the first case (status Kans!overleg>arrangement) and "aangehouden" with a
# reason for the second (back to Kans!overleg>plannen, te plannen again).
# Everything is counted from what this test itself did.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
KLAAR="'TLV>aanvraag', 'TLV>documenten aangevuld'"
READY="SELECT h.id FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE h.organisatie_id = $ORG AND t.naam = 'Aanvraag TLV' AND h.status IN ($KLAAR)
	   AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)"
# enough ready ones at any demo size: the school completes some (its own
# transitions, as the flow allows it), then three are made the oldest, two
# of them wanting mail
agenda_tlv_klaar
demo_psql "UPDATE balie.hulpvraag SET datum = DATE '2019-01-01' + (id % 3)::int, geen_mail = false,
	aanvrager_email = 'ib@school.example' WHERE id IN ($READY ORDER BY h.id LIMIT 3)" >/dev/null
demo_psql "UPDATE balie.hulpvraag SET geen_mail = true WHERE id IN ($READY ORDER BY h.id LIMIT 1)" >/dev/null
IDS=$(demo_psql "SELECT string_agg(id::text, ',') FROM ($READY ORDER BY h.datum, h.id LIMIT 3) x")
MAIL0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")
PUNT0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.agendapunt")
check "drie TLV-aanvragen klaar om te plannen" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag
	WHERE id IN ($IDS) AND datum < DATE '2020-01-01'")" = 3 ]


tui_demo agenda 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
check "a opent de agenda" wait_for "Agenda van de commissies" 10
tui_down "$(agenda_pos CT "AND id NOT IN (SELECT id FROM balie.vergadering WHERE status = 'geannuleerd')")"
tui_keys t
check "t: te plannen voor de CT, met de voorgestelde vergadering" wait_for "Te plannen voor de CT" 10
check "het voorstel noemt datum en plaatsen" wait_for "Plannen op " 5
for n in 1 2 3; do
	tui_keys Enter
	wait_for "Plannen · hulpvraag" 5 || break
	tui_keys Right Enter
	wait_sql "SELECT count(*) FROM balie.agendapunt WHERE id > $PUNT0" "$n" || break
	wait_gone "Plannen · hulpvraag" 5
done
check "de meldregel zegt wat er gebeurde" wait_for "Gepland; status nu TLV>" 5
check "drie hulpvragen gepland" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE id > $PUNT0
	AND hulpvraag_id IN ($IDS)")" = 3 ]
V=$(demo_psql "SELECT max(vergadering_id) FROM balie.agendapunt WHERE id > $PUNT0")
DATUM=$(demo_psql "SELECT to_char(datum, 'DD-MM-YYYY') FROM balie.vergadering WHERE id = $V")
check "op één vergadering, de eerste CT met plaats en open deadline" [ "$(demo_psql "SELECT count(DISTINCT vergadering_id)
	FROM balie.agendapunt WHERE id > $PUNT0")" = 1 ]
check "twee mails (de derde aanvrager wil geen mail)" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE id > $MAIL0 AND hulpvraag_id IN ($IDS)")" = 2 ]
check "de mail noemt datum en tijd van de bespreking" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE id > $MAIL0 AND onderwerp LIKE '%$DATUM%' AND tekst LIKE '%$DATUM%'
	  AND tekst ~ 'Tijd: +[0-9]{2}:[0-9]{2} tot [0-9]{2}:[0-9]{2}' AND tekst LIKE '%Plaats:%'")" = 2 ]
check "geen leerlingnaam in het onderwerp" [ "$(demo_psql "SELECT count(*) FROM balie.outbox o
	JOIN balie.hulpvraag h ON h.id = o.hulpvraag_id JOIN balie.dossier d ON d.id = h.dossier_id
	WHERE o.id > $MAIL0 AND (o.onderwerp ILIKE '%' || d.achternaam || '%' OR o.onderwerp ILIKE '%' || d.roepnaam || '%')")" = 0 ]

# the hulpvraag's header shows the bespreekdatum
NR=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $(echo "$IDS" | cut -d, -f1)")
tui_keys Escape
wait_for "Agenda van de commissies" 10
tui_keys Escape
wait_for "Welkom" 10
tui_open_hulpvraag "$NR"
check "de hulpvraag toont haar bespreekdatum" wait_for "bespreking CT $DATUM" 10
tui_keys Escape
wait_for "Welkom" 10
tui_keys a

# ---- outcomes on the next Kans!overleg --------------------------------------
wait_for "Agenda van de commissies" 10
tui_keys Home
# a meeting with two open cases: earlier tests (51, 80) may have moved one
# of its hulpvragen on outside the agenda, and that point lapsed (023)
KV=$(demo_psql "SELECT v.id FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	 WHERE v.organisatie_id = $ORG AND c.code = 'Kans!overleg' AND v.datum >= current_date
	   AND v.status = 'gepland'
	   AND (SELECT count(*) FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open) >= 2
	 ORDER BY v.datum LIMIT 1")
check "een Kans!overleg met twee open zaken" [ -n "$KV" ]
FIRSTPOS=$(demo_psql "SELECT count(*) FROM balie.vergadering v WHERE v.organisatie_id = $ORG
	 AND v.datum >= current_date - 42 AND v.datum < current_date")
tui_down "$(( $(agenda_pos 'Kans!overleg' "AND id = $KV") + FIRSTPOS ))"
tui_keys Enter
check "Enter: de zaken van het Kans!overleg, leerling als initialen" wait_for "Kans!overleg · " 10
H1=$(demo_psql "SELECT hulpvraag_id FROM balie.agendapunt WHERE vergadering_id = $KV AND open ORDER BY volgorde LIMIT 1")
H2=$(demo_psql "SELECT hulpvraag_id FROM balie.agendapunt WHERE vergadering_id = $KV AND open ORDER BY volgorde OFFSET 1 LIMIT 1")
ACH=$(demo_psql "SELECT d.achternaam FROM balie.hulpvraag h JOIN balie.dossier d ON d.id = h.dossier_id WHERE h.id = $H1")
check "geen volledige naam in het overzicht" screen_lacks "$ACH"
# the besluitenlijst: every open case in order, one after the other
N3=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $KV AND open")
tui_keys B
check "B: de besluitenlijst begint bij de eerste zaak" wait_for "Besluitenlijst · hulpvraag" 5
tui_keys Enter
wait_for "Toelichting" 5
tui_type "arrangement categorie 2"
tui_keys F2
check "toegekend vastgelegd, en meteen de volgende zaak" wait_for "Besluitenlijst · hulpvraag $(demo_psql "SELECT nummer
	FROM balie.hulpvraag WHERE id = $H2")" 10
check "status Kans!overleg>arrangement" [ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $H1")" = "Kans!overleg>arrangement" ]
tui_type "aange"
tui_keys Enter
wait_for "verplicht: waarom aangehouden" 5
tui_keys F2
check "aanhouden zonder reden: gezegd, niets bewaard" wait_for "Zeg bij aanhouden waarom" 5
tui_type "verslag psycholoog ontbreekt"
tui_keys F2
wait_sql "SELECT count(*) FROM balie.agendapunt WHERE hulpvraag_id = $H2 AND uitkomst = 'aangehouden'" 1
check "aangehouden vastgelegd" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE hulpvraag_id = $H2
	AND uitkomst = 'aangehouden' AND notitie = 'verslag psycholoog ontbreekt'")" = 1 ]
if [ "$N3" -gt 2 ]; then
	wait_for "Besluitenlijst · hulpvraag" 10
	tui_keys Escape
	check "Esc stopt de lijst en zegt hoeveel" wait_for "Besluitenlijst gestopt: 2 uitkomsten vastgelegd" 5
else
	check "de lijst is klaar" wait_for "Besluitenlijst klaar: 2 uitkomsten vastgelegd" 10
fi
check "terug naar Kans!overleg>plannen" [ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $H2")" = "Kans!overleg>plannen" ]
tui_keys t
check "en weer te plannen" wait_for "Te plannen voor de Kans!overleg" 10
check "met de reden in de statushistorie" [ "$(demo_psql "SELECT count(*) FROM balie.statushistorie
	WHERE hulpvraag_id = $H2 AND reden LIKE '%verslag psycholoog ontbreekt%'")" = 1 ]
tap_done
