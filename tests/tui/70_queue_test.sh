#!/bin/sh
# 70_queue_test.sh — the werkvoorraad: a coördinator opens "Mijn werkvoorraad"
# from the overzicht, filters, sorts, pages down, marks two rows; a second
# balie shows a changed count without a key press when the database changes
# (NOTIFY from the trigger of migration 004), keeping its cursor row.  At
# 80x24 low-priority columns drop out, and PgDn/End/Home fetch and merge
# keyset pages (core/lijst).
. "$(dirname "$0")/lib.sh"

dutch_number() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
}

mine_count() {
	demo_psql "SELECT coalesce(sum(aantal), 0) FROM balie.hulpvraag_telling_coord
		    WHERE coordinator_id = (SELECT id FROM balie.account WHERE username = 'coordinator')"
}

tui_demo q1 100 30
tui_login coordinator demo
check "overzicht na aanmelden" wait_for "Hulpvragen per statuscategorie" 20
wait_for "Totaal" 10
tui_keys w
n=$(mine_count)
check "w opent Mijn werkvoorraad met het aantal uit de database ($n)" \
	wait_for "Mijn werkvoorraad — $(dutch_number "$n") hulpvragen" 10
check "kolomkoppen met sorteerpijl op datum" screen_has_all "Nummer" "Leerling" "Datum▲" "School"
check "statusboom met Alle en categorieën" screen_has_all "Alle" "Arrangement" "Kans!overleg"
tui_keys '\'
check "filterdialoog opent" wait_for "!woord sluit uit" 5
tui_type "coördinator:ik"
tui_keys Enter
# the count of the filtered list ("— 108 hulpvragen —", 024) is drawn when
# it has been read, so either form may be on screen
check "filter blijft zichtbaar met Esc wist" wait_for "Esc wist" 10
check "  … het filter staat in de kop" screen_has "Filter: coördinator:ik —"
tui_keys s
check "s sorteert op leerling" wait_for "Leerling▲" 10
tui_keys S
check "S keert de sortering om" wait_for "Leerling▼" 10
tui_keys NPage
check "PgDn gaat een scherm verder" wait_for "rij 24 " 10
tui_keys Space Space
check "Spatie markeert: 2 gemarkeerd" wait_for "2 gemarkeerd" 5
tui_keys Escape
check "Esc wist het filter" wait_gone "Filter: coördinator:ik" 10
check "markeringen blijven na het wissen van het filter" screen_has "2 gemarkeerd"
tui_keys '/'
tui_type "zzzzqqq"
check "/ zoekt in de geladen rijen" wait_for "Niet gevonden in de geladen rijen" 5
tui_keys Escape

# a second balie, on the same werkvoorraad
tui_demo q2 100 30
tui_login coordinator demo
wait_for "Hulpvragen per statuscategorie" 20
wait_for "Totaal" 10
tui_keys w
wait_for "Mijn werkvoorraad — $(dutch_number "$n") hulpvragen" 10
tui_keys Down Down
wait_for "rij 3 " 5
# another user gives this coördinator one more open hulpvraag
id=$(demo_psql "SELECT h.id FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	JOIN balie.organisatie o ON o.id = h.organisatie_id
	WHERE o.code = 'PO3008' AND NOT s.eindstatus AND NOT h.voorlopig
	  AND h.coordinator_id <> (SELECT id FROM balie.account WHERE username = 'coordinator')
	  AND h.datum > (SELECT max(datum) FROM balie.hulpvraag) - 30
	ORDER BY h.id DESC LIMIT 1")
demo_psql "UPDATE balie.hulpvraag SET coordinator_id = (SELECT id FROM balie.account WHERE username = 'coordinator'),
	version = version + 1 WHERE id = $id"
n2=$((n + 1))
check "tweede balie ziet het nieuwe aantal zonder toets ($n2)" \
	wait_for "Mijn werkvoorraad — $(dutch_number "$n2") hulpvragen" 5
check "de cursor blijft op dezelfde regel" screen_has "rij 3 "
tui_use q1
check "eerste balie ziet het ook" wait_for "$(dutch_number "$n2")" 5
tui_keys Escape Escape
check "Esc gaat terug naar het overzicht (sluit niet af)" wait_for "Hulpvragen per statuscategorie" 5
tui_keys q
wait_for "balie afsluiten?" 5  # q on the home screen asks first (issue 13)
tui_keys Enter
rc=$(wait_exit 10)
check "q sluit af (status ${rc:-nog bezig})" [ "$rc" = 0 ]

# 80x24 is enough
tui_demo q3 80 24
tui_login secretariaat demo
wait_for "Totaal" 20
tui_keys w
check "80x24: secretariaat opent Alle" wait_for "Alle — " 10
check "80x24: nummer, datum, leerling passen" screen_has_all "Nummer" "Datum▲" "Leerling"
# Enter on a row (the list has the focus) opens that hulpvraag; Esc comes back
first=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id
	WHERE o.code = 'PO3008' AND NOT h.voorlopig ORDER BY h.datum, h.id LIMIT 1")
tui_keys Enter
check "Enter op een regel opent hulpvraag $first" wait_for "Hulpvraag $first " 10
check "met statushistorie en bijlagen als tabbladen (korte namen op 80 kolommen)" screen_has_all "Historie (" "Bijlagen ("
tui_keys Escape
check "Esc: terug in de werkvoorraad" wait_for "Alle — " 5
# narrow: the columns of lowest priority are left out, not squeezed
check "80x24: de kolom Labels valt weg" screen_lacks "Labels"
# keyset pages: PgDn past the 50 rows fetched merges the next page
tui_keys NPage NPage NPage
check "PgDn voorbij de eerste 50 rijen haalt de volgende bladzijde erbij" wait_for "rij 52 " 10
tui_keys End
check "End haalt de laatste bladzijde (eerdere rijen: verder in de lijst)" wait_for "(verder in de lijst)" 10
tui_keys Home
check "Home: weer de eerste rij" wait_for "rij 1 · " 10
check "… zonder eerdere rijen" screen_lacks "(verder in de lijst)"
tui_keys q

tap_done
