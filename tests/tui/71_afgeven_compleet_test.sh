#!/bin/sh
# 71_afgeven_compleet_test.sh — issue 10 part A §1 at 80x24: a TLV aanvraag
# with a complete, valid beschikking but a dossier that fails its checklist
# (the compleet rules of its flow): the tab TLV says the dossier is not
# complete and names what is missing, and "TLV>afgegeven, school onbekend"
# is refused by the database with the same reason; the status stays.  A
# verlenging that points at a TLV of another pupil is refused on save.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# an incomplete PO3008 TLV aanvraag the financieel medewerker may issue, of a
# pupil without any TLV beschikking (no overlap)
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	AND h.status IN ('TLV>aanvraag', 'TLV>documenten aangevuld')
	AND cardinality(balie.compleet_fouten(h.id, h.status)) > 0
	AND NOT EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.dossier_id = h.dossier_id)
	ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een onvolledige TLV-aanvraag zonder beschikking ($NUMMER)" [ -n "$NUMMER" ]
HV="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"
EERSTE=$(demo_psql "SELECT (balie.compleet_fouten(id, status))[1] FROM balie.hulpvraag WHERE id = $HV")
STATUS=$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $HV")
# a complete, valid beschikking (as the financieel medewerker would type it),
# with a number nobody has; dates relative to today
demo_psql "INSERT INTO balie.tlv_beschikking (hulpvraag_id, nummer, soort, startdatum, einddatum, motivering,
	a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, a1_tekst,
	a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst)
	SELECT $HV, 'T71-' || $NUMMER, 'TLV SO categorie laag', date_trunc('month', current_date + 40)::date,
	       (date_trunc('month', current_date + 40) + interval '2 years - 1 day')::date, 'Gelijke adviezen.',
	       'drs. M. Bakker', 'orthopedagoog', 'Expertisecentrum Peelland', current_date - 14,
	       'TLV SO categorie laag', 'Toelaatbaar.',
	       'A. Yilmaz', 'kinderpsychiater', 'GGZ Oost-Brabant', current_date - 7, 'TLV SO categorie laag', 'Eens.'"

tui_demo afgeven 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys s
wait_for "Status wijzigen" 5
tui_type "school onbekend"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "afgeven geweigerd door de database: dossier niet compleet" wait_for "Afgeven kan niet: het dossier is niet compleet" 10
tui_keys Escape
wait_gone "Status →" 5
# v opens the tab on its first field; Esc leaves the field, the tab stays
tui_keys v
wait_for "Enter: verder" 5
tui_keys Escape
check "tab TLV: beschikking volledig, dossier niet compleet" wait_for "het dossier is niet compleet" 5
check "het eerste ontbrekende punt staat erbij ($EERSTE)" screen_has "$(printf '%s' "$EERSTE" | cut -c1-20)"
check "geen 'klaar om af te geven'" screen_lacks "Volledig: de status kan naar afgegeven"

# the verlenging field (after the two advices): a TLV of another pupil
ANDER=$(demo_psql "SELECT b.nummer FROM balie.tlv_beschikking b WHERE b.organisatie_id = $ORG AND b.nummer IS NOT NULL
	AND b.dossier_id <> (SELECT dossier_id FROM balie.hulpvraag WHERE id = $HV) ORDER BY b.id LIMIT 1")
tui_down 18
tui_keys v
check "het veld Verlenging van TLV" wait_for "het nummer van de vorige TLV" 5
tui_type "$ANDER"
tui_keys Enter
tui_keys w
check "verlenging naar een TLV van een andere leerling geweigerd ($ANDER)" wait_for "TLV $ANDER is van een andere leerling" 10
check "niets gekoppeld" [ "$(demo_psql "SELECT coalesce(vorige_nummer, '-') FROM balie.tlv_beschikking WHERE hulpvraag_id = $HV")" = - ]
check "nummer onaangeroerd" [ "$(demo_psql "SELECT nummer FROM balie.tlv_beschikking WHERE hulpvraag_id = $HV")" = "T71-$NUMMER" ]
check "status ongewijzigd in de database" \
	[ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $HV")" = "$STATUS" ]
tap_done
