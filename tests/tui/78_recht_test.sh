#!/bin/sh
# 78_recht_test.sh — the screens hide what a role may not do (core/recht):
# logged in as `school` (an aanvragende school) the home screen offers its
# own werkvoorraad (no bulk in it) but no "te controleren" and no intake, the
# hulpvraag no coördinator, labels,
# aanvulling or omschrijving, and the SWV's internal labels are not shown; the
# keys themselves only say "Dat mag jouw rol niet" and change nothing.  The
# financieel medewerker gets no coördinator and no omschrijving either, and
# no coördinator in the bulk menu.  At 120x45, so the whole key bar and
# help are on screen (what is missing is hidden, not cut off).
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
SCHOOL="(SELECT id FROM balie.account WHERE username = 'school')"

# A hulpvraag of the school's own, with an internal label on it.
NUMMER=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE organisatie_id = $ORG AND aanvrager_id = $SCHOOL
	 ORDER BY nummer LIMIT 1")
check "demodata heeft een hulpvraag van de school ($NUMMER)" [ -n "$NUMMER" ]
HV="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"
demo_psql "INSERT INTO balie.label (organisatie_id, naam) SELECT $ORG, 'interntest'
	WHERE NOT EXISTS (SELECT 1 FROM balie.label WHERE organisatie_id = $ORG AND naam = 'interntest');
	INSERT INTO balie.hulpvraag_label (hulpvraag_id, label_id, organisatie_id)
	SELECT $HV, id, organisatie_id FROM balie.label WHERE organisatie_id = $ORG AND naam = 'interntest' ON CONFLICT DO NOTHING" >/dev/null
state() {
	demo_psql "SELECT version || '|' || status || '|' || coalesce(coordinator_id::text, '-')
		FROM balie.hulpvraag WHERE id = $HV"
}
before=$(state)

# ---- school -----------------------------------------------------------------
tui_demo rs 120 45
tui_login school demo
check "school: overzicht" wait_for "Totaal" 20
check "school: toetsenbalk met de eigen werkvoorraad" screen_has "w Werkvoorraad"
check "school: toetsenbalk zonder Te controleren" screen_lacks "t Te controleren"
check "school: toetsenbalk zonder Nieuwe hulpvraag" screen_lacks "n Nieuw "
tui_keys '?'
check "school: help van het overzicht" wait_for "Help — Overzicht" 5
check "school: help noemt te controleren en invoeren niet" \
	screen_lacks "gecontroleerd moeten worden"
check "… wel de werkvoorraad" screen_has "werkvoorraad"
check "… en geen te controleren" screen_lacks "gecontroleerd moeten worden"
check "… en geen nieuwe hulpvraag" screen_lacks "per telefoon of mail binnenkwam"
tui_keys Escape
wait_gone "Help — Overzicht" 5
tui_keys w
check "school: w opent de eigen werkvoorraad" wait_for "rij 1" 10
check "school: geen Bulk in de toetsenbalk" screen_lacks "b Bulk"
tui_keys b
check "school: b (bulk) zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
check "… en opent geen bulkmenu" screen_lacks "Annuleren"
tui_keys Escape # list → tree
sleep 0.5
tui_keys Escape # tree → overzicht
check "school: terug op het overzicht" wait_for "Totaal" 5
tui_keys t
check "school: t zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
tui_keys n
check "school: n zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
check "… en vraagt geen nieuwe hulpvraag" screen_lacks "School van de leerling"

tui_keys o
wait_for "Nummer van de hulpvraag" 5
tui_type "$NUMMER"
tui_keys Enter
check "school: de eigen hulpvraag $NUMMER opent" wait_for "Hulpvraag $NUMMER" 10
wait_for "Omschrijving" 10
check "school: status en notitie wel in de toetsenbalk" screen_has_all "s Status" "m Notitie"
check "school: geen coördinator in de toetsenbalk" screen_lacks "c Coördinator"
check "school: geen omschrijving in de toetsenbalk" screen_lacks "e Omschrijving"
check "school: geen labels in de toetsenbalk" screen_lacks "l Label+"
check "school: geen aanvulling in de toetsenbalk" screen_lacks "a Aanvulling"
check "school: de interne labels staan er niet" screen_lacks "interntest"
check "school: geen regel Labels" screen_lacks "Labels "
tui_keys '?'
check "school: help van de hulpvraag" wait_for "Help — Hulpvraag" 5
check "school: help zonder coördinator" screen_lacks "Kiest de coördinator"
check "… zonder label toevoegen" screen_lacks "Voegt een label toe"
check "… zonder label verwijderen" screen_lacks "Haalt een label van"
check "… zonder omschrijving" screen_lacks "Bewerkt de omschrijving"
check "… zonder aanvulling" screen_lacks "Vraagt de aanvrager om wat ontbreekt"
check "… met status wijzigen" screen_has "Wijzigt de status"
tui_keys Escape
wait_gone "Help — Hulpvraag" 5
for k in c l x a e; do
	tui_keys "$k"
	check "school: $k zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
	check "… en opent geen dialoog" screen_lacks "Annuleren"
	tui_keys Down # clears the message
	wait_gone "Dat mag jouw rol niet" 5
done
check "school: er veranderde niets aan de hulpvraag" [ "$(state)" = "$before" ]
tui_keys q

# ---- financieel -------------------------------------------------------------
tui_demo rf 120 45
tui_login financieel demo
check "financieel: overzicht met werkvoorraad" wait_for "w Werkvoorraad" 20
tui_keys o
wait_for "Nummer van de hulpvraag" 5
tui_type "$NUMMER"
tui_keys Enter
check "financieel: hulpvraag $NUMMER opent" wait_for "Hulpvraag $NUMMER" 10
wait_for "Omschrijving" 10
check "financieel: labels en aanvulling wel" screen_has_all "l Label+" "interntest"
check "financieel: geen coördinator in de toetsenbalk" screen_lacks "c Coördinator"
check "financieel: geen omschrijving in de toetsenbalk" screen_lacks "e Omschrijving"
tui_keys '?'
check "financieel: help van de hulpvraag" wait_for "Help — Hulpvraag" 5
check "financieel: help zonder coördinator en omschrijving" screen_lacks "Kiest de coördinator"
check "… zonder omschrijving" screen_lacks "Bewerkt de omschrijving"
tui_keys Escape
wait_gone "Help — Hulpvraag" 5
tui_keys c
check "financieel: c zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
tui_keys e
check "financieel: e zegt dat het niet mag" wait_for "Dat mag jouw rol niet" 5
check "… en opent geen dialoog" screen_lacks "Omschrijving bewerken"
tui_keys l
check "financieel: l kiest alleen bestaande labels" wait_for "Kies een label:" 10
check "… zonder nieuw label" screen_lacks "nieuw label"
tui_keys Escape
tui_keys Escape
check "financieel: terug op het overzicht" wait_for "w Werkvoorraad" 5
tui_keys w
wait_for "Alle — " 10
tui_keys Tab
tui_keys b
check "financieel: bulkmenu" wait_for "Wat wijzig je bij" 10
check "financieel: bulk zonder coördinator" screen_lacks "Coördinator wijzigen"
check "… met status wijzigen" screen_has "Status wijzigen"
tui_keys Escape
check "financieel: er veranderde niets aan de hulpvraag" [ "$(state)" = "$before" ]
tui_keys q
tap_done
