#!/bin/sh
# 23_thuis_plannen_test.sh — the home screen's work of the day, the part of
# issue 13 §2 that 42 does not cover, at 80x24: the secretariaat's "Te
# plannen" is the agenda's te-plannen set (every commissie) and `a` opens
# the agenda; the coördinator's "Mijn werkvoorraad" says what was newly
# assigned to them since they last looked, and after m (looked) no longer.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# the agenda's te-plannen set as db_agenda_te_plannen selects it
SET=$(demo_psql "SELECT count(*) FROM balie.flow_agenda f JOIN balie.hulpvraag h
	ON h.aanvraagtype_id = f.aanvraagtype_id AND (h.status = ANY (f.van) OR h.status = f.naar)
	WHERE h.organisatie_id = $ORG
	  AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)")
check "demodata: hulpvragen te plannen ($SET)" [ "${SET:-0}" -gt 0 ]

# the figure after "label" on the screen, digits only (Dutch grouping dropped)
figure() {
	tui_screen | grep -F "$1" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .
}
# "N nieuw" on the Mijn werkvoorraad line (0 when it says none)
nieuw() {
	n=$(tui_screen | grep -F "Mijn werkvoorraad" | head -1 | sed -n 's/.*[(,] *\([0-9.]*\) nieuw).*/\1/p' | tr -d .)
	echo "${n:-0}"
}

# ---- secretariaat ------------------------------------------------------------
tui_demo plan 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
check "Te doen: Te plannen met de toets a" wait_for "a  Te plannen (agenda)" 10
check "Te plannen is de te-plannen-set van de agenda ($SET)" [ "$(figure "Te plannen (agenda)")" = "$SET" ]
check "op 80 kolommen staan n, t en ? in de sneltoetsenbalk" screen_has_all "n Nieuw" "t Te controleren" "? Help"
tui_keys a
check "a opent de agenda" wait_for "Agenda van de commissies" 10
tui_keys F10
wait_exit 10 >/dev/null

# ---- coördinator -------------------------------------------------------------
tui_demo coord 80 24
tui_login coordinator demo
check "overzicht na aanmelden (coördinator)" wait_for "Totaal" 20
wait_for "Mijn werkvoorraad" 10
VOOR=$(nieuw)
# two open hulpvragen of someone else (or of nobody) become this coördinator's,
# assigned by someone else (here balie itself)
TWEE=$(demo_psql "WITH k AS (SELECT h.id FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	WHERE h.organisatie_id = $ORG AND NOT s.eindstatus AND NOT h.voorlopig
	  AND h.coordinator_id IS DISTINCT FROM (SELECT id FROM balie.account WHERE username = 'coordinator')
	ORDER BY h.id DESC LIMIT 2)
	UPDATE balie.hulpvraag h SET coordinator_id = (SELECT id FROM balie.account WHERE username = 'coordinator')
	  FROM k WHERE h.id = k.id RETURNING h.nummer" | wc -l)
check "twee hulpvragen aan de coördinator toegewezen" [ "$TWEE" = 2 ]
tui_keys r
check "Mijn werkvoorraad noemt wat nieuw is: $VOOR + 2" wait_for "$((VOOR + 2)) nieuw)" 10
tui_keys m
check "m opent Mijn werkvoorraad" wait_for "Mijn werkvoorraad —" 10
# q until the home screen shows (from the list q goes to the tree first)
for _ in 1 2 3; do
	wait_for "Hulpvragen per statuscategorie" 1 && break
	tui_keys q
done
check "q: terug op het overzicht" wait_for "Hulpvragen per statuscategorie" 10
check "gezien: niets meer nieuw" wait_gone " nieuw)" 10
check "… de regel staat er nog" screen_has "Mijn werkvoorraad"
tui_keys F10
wait_exit 10 >/dev/null
tap_done
