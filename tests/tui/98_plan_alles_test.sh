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

# a late verlenging (001 stap 13): this school year's deadline is yesterday
# (or 1 August), the verlenging came in after it
SJ=$(demo_psql "SELECT extract(year FROM current_date - interval '7 months')::int")
demo_psql "INSERT INTO balie.verlenging_deadline (organisatie_id, schooljaar, datum)
	SELECT id, $SJ, greatest(current_date - 1, make_date($SJ, 8, 1)) FROM balie.organisatie WHERE code = 'PO3008'
	ON CONFLICT (organisatie_id, schooljaar) DO UPDATE SET datum = EXCLUDED.datum" >/dev/null
demo_psql "UPDATE balie.hulpvraag h SET status = 'TLV verlenging>aanvraag' FROM balie.aanvraagtype t
	 WHERE t.id = h.aanvraagtype_id AND t.naam = 'Verlenging TLV' AND h.organisatie_id = $ORG
	   AND h.status = 'TLV verlenging>voorlopige aanvraag'" >/dev/null
VL=$(demo_psql "SELECT h.id FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	WHERE h.organisatie_id = $ORG AND t.naam = 'Verlenging TLV'
	  AND h.status IN ('TLV verlenging>aanvraag', 'TLV verlenging>documenten aangevuld')
	  AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open) ORDER BY h.id LIMIT 1")
check "een verlenging om te plannen" [ -n "$VL" ]
demo_psql "UPDATE balie.hulpvraag SET datum = (SELECT datum + 1 FROM balie.verlenging_deadline
	WHERE organisatie_id = $ORG AND schooljaar = $SJ) WHERE id = $VL" >/dev/null

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
tui_keys End
check "de late verlenging is gemarkeerd: na de zomer" wait_for "na zomer (vanaf " 5
tui_keys A
check "A: het voorstel, per vergadering" wait_for "Voorstel voor de CT, oudste eerst" 5
check "nog niets gepland" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE id > $P0")" = 0 ]
tui_keys Right Enter
check "na akkoord: gepland, met een samenvatting" wait_for " gepland" 20
N=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE id > $P0")
check "het voorstel is uitgevoerd ($N zaken)" [ "$N" -gt 0 ]
check "geen vergadering over haar capaciteit" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering v
	WHERE (SELECT count(*) FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open) > balie.vergadering_capaciteit(v)")" = 0 ]
check "de late verlenging staat op geen vergadering vóór de zomer" [ "$(demo_psql "SELECT count(*)
	FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	WHERE a.hulpvraag_id = $VL AND a.open AND v.datum <= make_date($SJ + 1, 7, 31)")" = 0 ]
check "niets na een verstreken deadline of op een geannuleerde vergadering" [ "$(demo_psql "SELECT count(*)
	FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	WHERE a.id > $P0 AND (v.deadline < current_date OR v.status = 'geannuleerd')")" = 0 ]
check "oudste eerst (de late verlenging daargelaten): geen jongere op een eerdere vergadering dan een oudere" [ "$(demo_psql "
	SELECT count(*) FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	  JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
	  JOIN balie.agendapunt b ON b.id > $P0 JOIN balie.vergadering w ON w.id = b.vergadering_id
	  JOIN balie.hulpvraag g ON g.id = b.hulpvraag_id
	 WHERE a.id > $P0 AND v.datum < w.datum AND (h.datum, h.id) > (g.datum, g.id)
	   AND $VL NOT IN (h.id, g.id)")" = 0 ]

# ---- within a meeting: later, move, off the agenda ----------------------------
M=$(demo_psql "SELECT a.vergadering_id FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	WHERE a.id > $P0 AND a.open GROUP BY a.vergadering_id, v.datum
	HAVING (SELECT count(*) FROM balie.agendapunt b WHERE b.vergadering_id = a.vergadering_id AND b.open) >= 2
	ORDER BY v.datum LIMIT 1")
if [ -z "$M" ]; then
	check "een vergadering met twee zaken om mee te schuiven" false
	tap_done
	exit
fi
tui_keys Escape
wait_for "Agenda van de commissies" 10
tui_keys Home
PAST=$(demo_psql "SELECT count(*) FROM balie.vergadering v WHERE v.organisatie_id = $ORG
	 AND v.datum >= current_date - 42 AND v.datum < current_date")
tui_down "$(( $(agenda_pos CT "AND id = $M") + PAST ))"
tui_keys Enter
check "de zaken van de vergadering" wait_for "CT · " 10
EERSTE=$(demo_psql "SELECT id FROM balie.agendapunt WHERE vergadering_id = $M AND open ORDER BY volgorde LIMIT 1")
# its place now and the next open one's (a decided case before it keeps its number)
V0=$(demo_psql "SELECT volgorde FROM balie.agendapunt WHERE id = $EERSTE")
V1=$(demo_psql "SELECT volgorde FROM balie.agendapunt WHERE vergadering_id = $M AND open AND volgorde > $V0
	ORDER BY volgorde LIMIT 1")
tui_keys '>'
wait_sql "SELECT volgorde FROM balie.agendapunt WHERE id = $EERSTE" "$V1"
check "> schuift de eerste zaak een plaats naar achteren" [ "$(demo_psql "SELECT volgorde FROM balie.agendapunt WHERE id = $EERSTE")" = "$V1" ]
tui_keys Home
TWEEDE=$(demo_psql "SELECT hulpvraag_id FROM balie.agendapunt WHERE vergadering_id = $M AND open ORDER BY volgorde LIMIT 1")
tui_keys v
if wait_for "Naar welke vergadering" 5; then
	tui_keys Enter
	if wait_for "De aanleverdeadline" 2; then
		tui_type "test"
		tui_keys Enter
	fi
	check "v: verplaatst, met een mail" wait_for "Verplaatst;" 10
	check "de zaak staat op een andere vergadering" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt
		WHERE hulpvraag_id = $TWEEDE AND open AND vergadering_id <> $M")" = 1 ]
else
	check "v: geen andere vergadering met plaats (dat zegt balie)" screen_has "Geen andere vergadering"
fi
tui_keys Home D
check "D vraagt een reden" wait_for "Van de agenda" 5
tui_type "school trekt de aanvraag in"
tui_keys Enter
check "van de agenda gehaald" wait_for "Van de agenda gehaald" 10
check "met de reden bij het agendapunt" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $M
	AND NOT open AND notitie = 'van de agenda gehaald: school trekt de aanvraag in'")" = 1 ]
tap_done
