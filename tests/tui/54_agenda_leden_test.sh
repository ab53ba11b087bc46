#!/bin/sh
# 54_agenda_leden_test.sh — the members of a meeting at 80x24: L shows them
# with their roles (the external deskundige marked), + puts an account on
# with a role (a pick list filtered by typing, then the role); the external
# deskundige put on a meeting at the same time as a CT she sits in gets a
# warning that names it, and is added all the same; - takes a member off,
# and her access to that CT's cases (hulpvraag_toegang kind vergadering)
# ends at once.  Audited; counted from what this test itself did.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
DESK="(SELECT id FROM balie.account WHERE username = 'deskundige')"
# a coming CT with cases that the external deskundige sits in (not the first
# coming meeting: 96 cancels that one)
CT=$(demo_psql "SELECT v.id FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	WHERE v.organisatie_id = $ORG AND c.code = 'CT' AND v.status = 'gepland' AND v.datum > current_date
	  AND EXISTS (SELECT 1 FROM balie.vergadering_lid l WHERE l.vergadering_id = v.id AND l.account_id = $DESK)
	  AND EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open)
	  AND v.id <> (SELECT x.id FROM balie.vergadering x WHERE x.organisatie_id = $ORG AND x.datum >= current_date
	               ORDER BY x.datum, x.begintijd, x.id LIMIT 1)
	ORDER BY v.datum LIMIT 1")
check "een komende CT met zaken en de externe deskundige" [ -n "$CT" ]
# an AC at the same time that day, without members
demo_psql "INSERT INTO balie.vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, capaciteit_zaken,
	deadline, locatie) SELECT v.organisatie_id, c.id, v.datum, v.begintijd, v.eindtijd, 3, v.deadline, 'zaal 2'
	FROM balie.vergadering v, balie.commissie c WHERE v.id = $CT AND c.organisatie_id = v.organisatie_id
	AND c.code = 'AC'" >/dev/null
AC=$(demo_psql "SELECT max(id) FROM balie.vergadering WHERE locatie = 'zaal 2'")
CTTIJD=$(demo_psql "SELECT to_char(begintijd, 'HH24:MI') || '–' || to_char(eindtijd, 'HH24:MI') FROM balie.vergadering WHERE id = $CT")
AUDIT0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.audit_log")
TOEGANG="SELECT count(*) FROM balie.hulpvraag_toegang t WHERE t.account_id = $DESK AND t.soort = 'vergadering'
	AND t.hulpvraag_id IN (SELECT a.hulpvraag_id FROM balie.agendapunt a WHERE a.vergadering_id = $CT AND a.open)"
check "de deskundige heeft toegang tot de zaken van de CT" [ "$(demo_psql "$TOEGANG")" -gt 0 ]

tui_demo leden 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_down "$(agenda_pos AC "AND id = $AC")"
tui_keys L
check "L: de leden van de AC (nog geen)" wait_for "Nog geen leden" 10
tui_keys +
check "+: wie komt erbij, ook een externe deskundige" wait_for "Wie komt erbij?" 10
tui_type "Mieke"
wait_for "1 van 1" 5
tui_keys Enter
check "dan de rol" wait_for "Welke rol heeft Mieke Jansen" 5
tui_keys Down Down Enter
check "een waarschuwing: ze zit tegelijk in de CT" wait_for "Let op: Zit tegelijk ook in: CT $CTTIJD; toch vastgelegd" 10
check "en toch vastgelegd, als deskundige" [ "$(demo_psql "SELECT rol FROM balie.vergadering_lid
	WHERE vergadering_id = $AC AND account_id = $DESK")" = deskundige ]
check "in de lijst, als extern gemarkeerd" screen_has_all "deskundige" "Mieke Jansen" "extern"

# off the CT: her access to its cases ends at once
tui_keys Escape
wait_for "Agenda van de commissies" 10
tui_keys Home
tui_down "$(( $(agenda_pos CT "AND id = $CT") + $(demo_psql "SELECT count(*) FROM balie.vergadering
	WHERE organisatie_id = $ORG AND datum >= current_date - 42 AND datum < current_date") ))"
tui_keys L
check "L op de CT: haar leden" wait_for "Mieke Jansen" 10
POS=$(demo_psql "SELECT n FROM (SELECT l.account_id, row_number() OVER (ORDER BY array_position(ARRAY['voorzitter',
	'secretaris', 'deskundige', 'orthopedagoog', 'lid'], l.rol), u.naam, u.id) - 1 AS n FROM balie.vergadering_lid l
	JOIN balie.account u ON u.id = l.account_id WHERE l.vergadering_id = $CT) x WHERE account_id = $DESK")
tui_down "$POS"
tui_keys -
check "-: vraagt eerst, en zegt dat haar toegang stopt" wait_for "toegang tot haar zaken via deze vergadering stopt" 5
tui_keys Right Enter
check "gemeld" wait_for "Lid van de vergadering gehaald" 10
check "geen lid meer van de CT" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering_lid
	WHERE vergadering_id = $CT AND account_id = $DESK")" = 0 ]
check "haar toegang tot de zaken van de CT is weg" [ "$(demo_psql "$TOEGANG")" = 0 ]
check "twee auditregels (erbij, eraf), met ids" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE id > $AUDIT0
	AND ((actie = 'lid-zetten' AND object_id = $AC) OR (actie = 'lid-weg' AND object_id = $CT))")" = 2 ]
tap_done
