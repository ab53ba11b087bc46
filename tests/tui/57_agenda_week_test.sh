#!/bin/sh
# 57_agenda_week_test.sh — "mijn week" at 80x24: the coördinator opens the
# agenda and W shows only the meetings she sits in, today and the six days
# after (a Kans!overleg she chairs tomorrow is one of them, a CT without her
# that day is not); W again shows all.  Counted from the database.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
ME="(SELECT id FROM balie.account WHERE username = 'coordinator')"
# tomorrow: a Kans!overleg she chairs and a CT at another hour without her
demo_psql "INSERT INTO balie.vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, capaciteit_zaken,
	deadline, locatie) SELECT o.id, c.id, current_date + 1, t.b, t.e, 4, current_date - 1, t.plaats
	FROM balie.organisatie o JOIN balie.commissie c ON c.organisatie_id = o.id
	JOIN (VALUES ('Kans!overleg', TIME '08:15', TIME '09:00', 'week-test mijn'),
	             ('CT', TIME '17:00', TIME '18:00', 'week-test niet')) t(code, b, e, plaats) ON t.code = c.code
	WHERE o.code = 'PO3008'" >/dev/null
demo_psql "INSERT INTO balie.vergadering_lid (vergadering_id, organisatie_id, account_id, rol)
	SELECT v.id, v.organisatie_id, $ME, 'voorzitter' FROM balie.vergadering v WHERE v.locatie = 'week-test mijn'" >/dev/null
N=$(demo_psql "SELECT count(*) FROM balie.vergadering v WHERE v.organisatie_id = $ORG
	AND v.datum BETWEEN current_date AND current_date + 6
	AND EXISTS (SELECT 1 FROM balie.vergadering_lid l WHERE l.vergadering_id = v.id AND l.account_id = $ME)")
check "ze zit deze week in minstens één vergadering" [ "$N" -ge 1 ]

tui_demo week 80 24
tui_login coordinator demo
wait_for "Welkom" 20
tui_keys a
check "a: de agenda van de commissies" wait_for "Agenda van de commissies" 10
tui_keys W
if [ "$N" = 1 ]; then W="1 vergadering waarin ik zit"; else W="$N vergaderingen waarin ik zit"; fi
check "W: mijn week, $W" wait_for "Mijn week · $W (W: alle)" 10
check "met het Kans!overleg van morgen" screen_has "week-test mijn"
check "zonder de CT waarin ze niet zit" screen_lacks "week-test niet"
tui_keys W
check "W nog eens: weer alle" wait_for "Agenda van de commissies" 10
# the two meetings of this test go again (the later tests count meetings)
demo_psql "DELETE FROM balie.vergadering WHERE locatie LIKE 'week-test %'" >/dev/null
tap_done
