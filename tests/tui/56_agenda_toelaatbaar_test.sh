#!/bin/sh
# 56_agenda_toelaatbaar_test.sh — the CT finds a pupil toelaatbaar at
# 80x24: the secretariaat records "toegekend" for a case of a CT (u, the
# first choice, F2) and balie opens that hulpvraag on its tab TLV, where the
# database has set up the TLV beschikking with the meeting's deskundige as
# adviser on the meeting's date (the financieel medewerker completes it).
# Counted from what this test itself did.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# a CT (not the first coming meeting: 96 cancels that one) with an open case
# of a TLV aanvraag without a beschikking; the external deskundige sits in it
# as orthopedagoog when no adviser does (54 may have taken her off)
CT=$(demo_psql "SELECT v.id FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	WHERE v.organisatie_id = $ORG AND c.code = 'CT' AND v.status = 'gepland' AND v.datum >= current_date - 42
	  AND EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open
	              AND NOT EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.hulpvraag_id = a.hulpvraag_id))
	  AND v.id <> (SELECT x.id FROM balie.vergadering x WHERE x.organisatie_id = $ORG AND x.datum >= current_date
	               ORDER BY x.datum, x.begintijd, x.id LIMIT 1)
	ORDER BY v.datum LIMIT 1")
check "een CT met een open TLV-zaak zonder beschikking" [ -n "$CT" ]
demo_psql "INSERT INTO balie.vergadering_lid (vergadering_id, organisatie_id, account_id, rol)
	SELECT v.id, v.organisatie_id, a.id, 'orthopedagoog' FROM balie.vergadering v, balie.account a
	 WHERE v.id = $CT AND a.username = 'deskundige' AND NOT EXISTS (SELECT 1 FROM balie.vergadering_lid l
	       WHERE l.vergadering_id = v.id AND l.rol IN ('deskundige', 'orthopedagoog'))
	ON CONFLICT DO NOTHING" >/dev/null
# its last open case is the one the outcome is recorded for (98 reorders
# the first ones of a CT)
H=$(demo_psql "SELECT a.hulpvraag_id FROM balie.agendapunt a WHERE a.vergadering_id = $CT AND a.open
	ORDER BY a.volgorde DESC LIMIT 1")
LAATSTE=$(( $(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $CT AND open") - 1 ))
demo_psql "DELETE FROM balie.tlv_beschikking WHERE hulpvraag_id = $H" >/dev/null
NR=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $H")
DATUM=$(demo_psql "SELECT to_char(datum, 'DD-MM-YYYY') FROM balie.vergadering WHERE id = $CT")
ADVISEUR=$(demo_psql "SELECT a.naam FROM balie.vergadering_lid l JOIN balie.account a ON a.id = l.account_id
	WHERE l.vergadering_id = $CT AND l.rol IN ('deskundige', 'orthopedagoog')
	ORDER BY l.rol <> 'orthopedagoog', a.naam, a.id LIMIT 1")
ROWS="SELECT v.id, row_number() OVER (ORDER BY v.datum, v.begintijd, v.id) - 1 AS n FROM balie.vergadering v
	WHERE v.organisatie_id = $ORG AND v.datum >= current_date - 42 AND v.datum <= current_date + 366"

tui_demo toelaatbaar 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_keys Home
tui_down "$(demo_psql "SELECT n FROM ($ROWS) x WHERE id = $CT")"
tui_keys Enter
check "Enter: de zaken van de CT van $DATUM" wait_for "Enter: hulpvraag · u: uitkomst" 10
tui_down "$LAATSTE"
tui_keys u
check "u: wat besloot de commissie (hulpvraag $NR)" wait_for "Uitkomst · hulpvraag $NR" 5
tui_keys Enter
wait_for "Toelichting" 5
tui_type "toelaatbaar, categorie laag"
tui_keys F2
check "de hulpvraag opent op haar tab TLV" wait_for "TLV-beschikking — bewaard" 15
check "met de melding" screen_has "Toelaatbaar: TLV-beschikking klaargezet (advies CT $DATUM)"
check "de adviseur van de CT staat er" screen_has "$ADVISEUR"
check "in de database: de beschikking met de vergaderdatum als adviesdatum" [ "$(demo_psql "SELECT count(*)
	FROM balie.tlv_beschikking b, balie.vergadering v WHERE b.hulpvraag_id = $H AND v.id = $CT
	  AND b.a1_naam = '$ADVISEUR' AND b.a1_datum = v.datum AND b.nummer IS NULL")" = 1 ]
check "het agendapunt: toegekend" [ "$(demo_psql "SELECT uitkomst FROM balie.agendapunt WHERE vergadering_id = $CT
	AND hulpvraag_id = $H")" = toegekend ]
check "in de audit, met ids" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie = 'tlv-klaargezet'
	AND object_id = $H")" = 1 ]
tap_done
