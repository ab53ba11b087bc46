#!/bin/sh
# 52_agenda_annuleren_test.sh — cancelling a meeting with its cases "terug
# naar te plannen" at 80x24: the secretariaat picks the first coming meeting
# with open cases in the agenda pane, X, a reason, the second choice; the
# meeting is cancelled, none of its cases is on an open meeting any more,
# each aanvrager who wants mail gets "bespreking … vervalt" (no pupil name in
# the subject), the message line counts them, and the cases are te plannen
# again.  The database does cancellation and mails in one transaction
# (tests/db/agenda_test.c); counted from what this test itself did.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# its own cases on the last coming CT without any (the other agenda tests
# plan on the first ones and 96 cancels the very first): two hulpvragen
# ready for the CT put on it as planning does (the CT keeps their status);
# no status is changed here (82 counts the demo's TLV aanvragen)
KV=$(demo_psql "SELECT v.id FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	WHERE v.organisatie_id = $ORG AND c.code = 'CT' AND v.datum > current_date AND v.datum <= current_date + 300
	AND v.status = 'gepland' AND balie.vergadering_capaciteit(v) >= 2
	AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open)
	ORDER BY v.datum DESC, v.id DESC LIMIT 1")
check "een latere CT zonder zaken" [ -n "$KV" ]
demo_psql "INSERT INTO balie.agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde)
	SELECT x.organisatie_id, $KV, x.id, row_number() OVER (ORDER BY x.id) - 1
	  FROM (SELECT h.id, h.organisatie_id FROM balie.hulpvraag h JOIN balie.flow_agenda f
	           ON f.aanvraagtype_id = h.aanvraagtype_id AND f.commissie = 'CT' AND h.status = ANY (f.van)
	         WHERE h.organisatie_id = $ORG
	           AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)
	         ORDER BY h.id DESC LIMIT 2) x" >/dev/null
KCODE=$(demo_psql "SELECT c.code FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id WHERE v.id = $KV")
KDATUM=$(demo_psql "SELECT to_char(datum, 'DD-MM-YYYY') FROM balie.vergadering WHERE id = $KV")
ZAKEN=$(demo_psql "SELECT string_agg(hulpvraag_id::text, ',') FROM balie.agendapunt WHERE vergadering_id = $KV AND open")
N=$(echo "$ZAKEN" | tr ',' '\n' | wc -l | tr -d ' ')
# every aanvrager but one wants mail
demo_psql "UPDATE balie.hulpvraag SET aanvrager_email = 'ib@school.example', geen_mail = false WHERE id IN ($ZAKEN)" \
	>/dev/null
demo_psql "UPDATE balie.hulpvraag SET geen_mail = true WHERE id = (SELECT min(id) FROM balie.hulpvraag
	WHERE id IN ($ZAKEN))" >/dev/null
MAIL0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")

tui_demo annuleren 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_down "$(agenda_pos "$KCODE" "AND id = $KV")"
tui_keys X
check "X vraagt eerst: de $KCODE van $KDATUM met $N zaken" wait_for "$KDATUM annuleren? Ze heeft $N zaken" 5
tui_keys Right Enter
wait_for "Reden (verplicht" 5
tui_type "commissie niet voltallig"
tui_keys Enter
check "balie vraagt wat er met de zaken gebeurt" wait_for "Wat gebeurt er met haar zaken" 5
check "en zegt dat de scholen het horen" screen_has "de scholen horen dat de"
tui_keys Down Enter
check "gemeld: alle $N weer te plannen, $((N - 1)) mails" \
	wait_for "Vergadering geannuleerd; 0 van $N zaken verplaatst, $N te plannen; $((N - 1)) mail" 15
check "de vergadering is geannuleerd, met reden" [ "$(demo_psql "SELECT status || '/' || annuleer_reden
	FROM balie.vergadering WHERE id = $KV")" = "geannuleerd/commissie niet voltallig" ]
check "geen van haar zaken staat nog op een open vergadering" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt
	WHERE hulpvraag_id IN ($ZAKEN) AND open")" = 0 ]
check "elke aanvrager die mail wil hoort dat de bespreking vervalt" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE id > $MAIL0 AND hulpvraag_id IN ($ZAKEN) AND onderwerp LIKE '%bespreking van $KDATUM vervalt'
	  AND tekst LIKE '%gaat niet door%'")" = "$((N - 1))" ]
check "geen andere mails" [ "$(demo_psql "SELECT count(*) FROM balie.outbox WHERE id > $MAIL0")" = "$((N - 1))" ]
check "geen leerlingnaam in het onderwerp" [ "$(demo_psql "SELECT count(*) FROM balie.outbox o
	JOIN balie.hulpvraag h ON h.id = o.hulpvraag_id JOIN balie.dossier d ON d.id = h.dossier_id
	WHERE o.id > $MAIL0 AND (o.onderwerp ILIKE '%' || d.achternaam || '%' OR o.onderwerp ILIKE '%' || d.roepnaam || '%')")" = 0 ]
# its cases show why they left
tui_keys Enter
check "Enter: haar zaken, elk met 'vergadering geannuleerd'" wait_for "— vergadering geannul" 10
tui_keys Escape
wait_for "Agenda van de commissies" 10
tui_keys t
check "t: ze staan weer bij te plannen voor de $KCODE" wait_for "Te plannen voor de $KCODE" 10
tap_done
