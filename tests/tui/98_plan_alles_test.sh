#!/bin/sh
# 98_plan_alles_test.sh — "Plan alles" at 80x24: in te plannen for the CT
# (a, t) the secretariaat asks for a proposal (A), sees it per meeting and
# that nothing is planned before it says so, then applies it: every case
# of the proposal is planned (same checks and mails as one by one), no
# meeting goes over its capacity, none after its deadline, oldest first.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
agenda_tlv_klaar
P0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.agendapunt")
KLAAR=$(demo_psql "SELECT count(*) FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	WHERE h.organisatie_id = $ORG AND t.naam = 'Aanvraag TLV' AND h.status IN ('TLV>aanvraag', 'TLV>documenten aangevuld')
	  AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)")
check "er is iets te plannen ($KLAAR)" [ "$KLAAR" -gt 0 ]

tui_demo allesplan 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_keys t
wait_for "Te plannen voor de " 10
# te plannen of the commissie of the first coming meeting: switch to the CT
# when that is another one (Esc, down to a CT row, t)
if ! screen_has "Te plannen voor de CT"; then
	tui_keys Escape
	wait_for "Agenda van de commissies" 10
	for _ in 1 2 3 4 5 6; do
		tui_keys Down t
		wait_for "Te plannen voor de " 5
		screen_has "Te plannen voor de CT" && break
		tui_keys Escape
		wait_for "Agenda van de commissies" 5
	done
fi
check "te plannen voor de CT" wait_for "Te plannen voor de CT" 5
tui_keys A
check "A: het voorstel, per vergadering" wait_for "Voorstel voor de CT, oudste eerst" 5
check "nog niets gepland" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE id > $P0")" = 0 ]
tui_keys Right Enter
check "na akkoord: gepland, met een samenvatting" wait_for " gepland" 20
N=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE id > $P0")
check "het voorstel is uitgevoerd ($N zaken)" [ "$N" -gt 0 ]
check "geen vergadering over haar capaciteit" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering v
	WHERE (SELECT count(*) FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open) > balie.vergadering_capaciteit(v)")" = 0 ]
check "niets na een verstreken deadline of op een geannuleerde vergadering" [ "$(demo_psql "SELECT count(*)
	FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	WHERE a.id > $P0 AND (v.deadline < current_date OR v.status = 'geannuleerd')")" = 0 ]
check "oudste eerst: geen geplande hulpvraag is jonger dan een die bleef liggen op een eerdere vergadering" [ "$(demo_psql "
	SELECT count(*) FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	  JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
	  JOIN balie.agendapunt b ON b.id > $P0 JOIN balie.vergadering w ON w.id = b.vergadering_id
	  JOIN balie.hulpvraag g ON g.id = b.hulpvraag_id
	 WHERE a.id > $P0 AND v.datum < w.datum AND (h.datum, h.id) > (g.datum, g.id)")" = 0 ]
tap_done
