#!/bin/sh
# 45_editor_test.sh — the built-in editor (issue 13 §1), at 80x24: it wraps
# at word boundaries (no word cut in two), shows ▲ / ▼ when there is more
# above or below, and leaving it changed asks first; "Niet bewaren" then
# really keeps nothing.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	AND NOT EXISTS (SELECT 1 FROM balie.notitie n WHERE n.hulpvraag_id = h.id) ORDER BY h.nummer LIMIT 1 OFFSET 7")
check "demodata: een hulpvraag zonder notities ($NUMMER)" [ -n "$NUMMER" ]
notes() {
	demo_psql "SELECT count(*) FROM balie.notitie n JOIN balie.hulpvraag h ON h.id = n.hulpvraag_id
		WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER"
}

tui_demo editor 80 24
tui_login coordinator demo
check "overzicht" wait_for "Totaal" 20
tui_type ":$NUMMER"
tui_keys Enter
check "hulpvraag $NUMMER" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys m
check "de editor (notitie) opent" wait_for "F2/Ctrl-D: bewaren" 5
words=
i=1
while [ $i -le 30 ]; do words="$words woord$(printf %02d $i)"; i=$((i + 1)); done
tui_type "${words# }"
wait_for "woord30" 5
missing=
i=1
while [ $i -le 30 ]; do
	w=woord$(printf %02d $i)
	screen_has "$w" || missing="$missing $w"
	i=$((i + 1))
done
check "afbreken op woordgrenzen: elk woord heel op het scherm (${missing:-alles heel})" [ -z "$missing" ]
i=0
while [ $i -lt 20 ]; do tui_keys Enter; i=$((i + 1)); done
tui_type "onderaan"
check "meer regels dan past: ▲ zegt dat er meer boven staat" wait_for "▲" 5
i=0
while [ $i -lt 25 ]; do tui_keys Up; i=$((i + 1)); done
check "naar boven: ▼ zegt dat er meer onder staat" wait_for "▼" 5
tui_keys Escape
check "verlaten met wijzigingen vraagt eerst" wait_for "[ Niet bewaren ]" 5
tui_keys n Enter
check "Niet bewaren: de editor is dicht" wait_gone "F2/Ctrl-D: bewaren" 5
check "database: niets bewaard" [ "$(notes)" = 0 ]
tui_keys F10
wait_exit 10 >/dev/null
tap_done
