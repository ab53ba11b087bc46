#!/bin/sh
# 42_thuis_test.sh — a home screen that says what to do (issue 13 §2), at
# 80x24: per role the counts that mean work ("Te doen"), from the tables
# the triggers keep, each opening its list with one key; a closed hulpvraag
# (eindstatus) is never late: no `!` in the werkvoorraad, no "te laat" in
# the hulpvraag, not in the count.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
CLOSED="JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status"
# a closed PO3008 hulpvraag without a first reaction, received long ago
DICHT=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h $CLOSED AND s.eindstatus
	WHERE h.organisatie_id = $ORG AND h.eerste_reactie IS NULL AND NOT h.voorlopig
	  AND h.datum < current_date - 30 ORDER BY h.nummer LIMIT 1")
check "demodata: een afgesloten hulpvraag zonder eerste reactie ($DICHT)" [ -n "$DICHT" ]
# an open one without a reaction, received long ago (late whatever the calendar)
OPEN=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h $CLOSED AND NOT s.eindstatus
	WHERE h.organisatie_id = $ORG AND h.eerste_reactie IS NULL AND NOT h.voorlopig
	  AND h.datum < current_date - 30 ORDER BY h.nummer DESC LIMIT 1")
check "demodata: een open hulpvraag zonder eerste reactie ($OPEN)" [ -n "$OPEN" ]

# q until the home screen shows (q is one step back, as Esc)
go_home() {
	for _ in 1 2 3 4 5; do
		wait_for "Hulpvragen per statuscategorie" 1 && return 0
		tui_keys q
	done
	wait_for "Hulpvragen per statuscategorie" 5
}

# the figure after "label" on the screen, digits only (Dutch grouping dropped)
figure() {
	tui_screen | grep -F "$1" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .
}

# ---- secretariaat ------------------------------------------------------------
tui_demo secr 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
check "Te doen: nieuw zonder reactie en te controleren, met hun toets" \
	screen_has_all "Te doen" "z  Nieuw zonder reactie (> 5 werkdagen)" "t  Te controleren"
z0=$(figure "Nieuw zonder reactie")
tc=$(figure "t  Te controleren")
tc_db=$(demo_psql "SELECT count(*) FROM balie.hulpvraag h $CLOSED AND s.controleren
	WHERE h.organisatie_id = $ORG AND NOT h.voorlopig")
check "te controleren ($tc) = database ($tc_db)" [ "$tc" = "$tc_db" ]

# the hulpvraag gets its first reaction: one fewer without reaction
demo_psql "UPDATE balie.hulpvraag SET eerste_reactie = now() WHERE organisatie_id = $ORG AND nummer = $OPEN"
tui_keys r
wait_for "Bezig met laden" 2
wait_gone "Bezig met laden" 10
z1=$(figure "Nieuw zonder reactie")
check "eerste reactie op hulpvraag $OPEN: zonder reactie $z0 → $z1 (één minder)" [ "$z1" = $((z0 - 1)) ]
demo_psql "UPDATE balie.hulpvraag SET eerste_reactie = NULL WHERE organisatie_id = $ORG AND nummer = $OPEN"

# z: the werkvoorraad on telaat:ja
tui_keys z
check "z opent de werkvoorraad met het filter telaat:ja" wait_for "Filter: telaat:ja" 10
go_home

# the closed one: no ! in the werkvoorraad, not late in the hulpvraag
tui_type ":filter nummer:$DICHT"
tui_keys Enter
check "werkvoorraad gefilterd op nummer $DICHT" wait_for "Filter: nummer:$DICHT" 10
wait_for " $DICHT " 10
check "afgesloten hulpvraag $DICHT zonder ! (te laat) in de werkvoorraad" \
	sh -c "! tmux -u -S '$TUI_SOCK' capture-pane -p -t secr | grep -E '^[^│]*│ *[*]?! +$DICHT '"
go_home
tui_type ":$DICHT"
tui_keys Enter
check "hulpvraag $DICHT geopend" wait_for "Hulpvraag $DICHT ·" 10
check "eerste reactie: afgesloten, niet te laat" screen_has "(afgesloten)"
check "… en nergens te laat!" screen_lacks "te laat!"
tui_keys F10
wait_exit 10 >/dev/null

# ---- coördinator ---------------------------------------------------------------
mijn_db=$(demo_psql "SELECT count(*) FROM balie.hulpvraag h $CLOSED AND NOT s.eindstatus
	JOIN balie.account a ON a.id = h.coordinator_id AND a.username = 'coordinator'
	WHERE h.organisatie_id = $ORG AND NOT h.voorlopig")
tui_demo coord 80 24
tui_login coordinator demo
check "coördinator: overzicht" wait_for "Totaal" 20
check "coördinator: Mijn werkvoorraad onder Te doen" screen_has "m  Mijn werkvoorraad"
mijn=$(figure "m  Mijn werkvoorraad")
check "Mijn werkvoorraad ($mijn) = open hulpvragen van de coördinator in de database ($mijn_db)" [ "$mijn" = "$mijn_db" ]
check "coördinator: geen 'Nieuw zonder reactie' (dat is van het secretariaat)" screen_lacks "Nieuw zonder reactie"
tui_keys m
check "m opent Mijn werkvoorraad" wait_for "Mijn werkvoorraad —" 10
tui_keys F10
wait_exit 10 >/dev/null

# ---- financieel ------------------------------------------------------------------
# the home count is the number of rows of the list itself (028: one definition)
verw_db=$(demo_psql "SELECT count(*) FROM balie.verwerken_definitie($ORG)")
tui_demo fin 80 24
tui_login financieel demo
check "financieel: overzicht" wait_for "Totaal" 20
verw=$(figure "Te verwerken")
check "financieel: Te verwerken ($verw) = database ($verw_db)" [ "$verw" = "$verw_db" ]
check "financieel: niets van het secretariaat" screen_lacks "Nieuw zonder reactie"
tui_keys F10
wait_exit 10 >/dev/null
tap_done
