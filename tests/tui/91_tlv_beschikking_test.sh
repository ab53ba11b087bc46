#!/bin/sh
# 91_tlv_beschikking_test.sh — the financieel medewerker at 80x24: opens a TLV
# aanvraag whose dossier is being checked, tries "afgegeven" without a
# beschikking and is refused by the database, goes to the tab TLV, types a
# startdatum that does not exist and one that is not the 1st (the error
# under the field, the text kept), fixes it, fills the two advices, saves
# (F2), and sets "TLV>afgegeven, school onbekend"; the database holds what
# was typed.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# a PO3008 TLV aanvraag in "TLV>documenten aangevuld" (the financieel
# medewerker may issue it) of a pupil without a TLV beschikking (no overlap),
# whose aanvrager has an e-mail address (and is made to want status mails)
# and whose dossier is complete (021: the database refuses afgegeven
# otherwise; how many happen to be complete depends on the date the demo is
# made for, so the test completes the one it picks), not of an EMB pupil (it
# types SO categorie laag, which 031 refuses an EMB pupil already in the
# draft: seen at 2027-07-31 23:30)
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	AND h.status IN ('TLV>aanvraag', 'TLV>documenten aangevuld') AND h.aanvrager_email IS NOT NULL
	AND $tlv_bijna_compleet
	AND NOT EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.dossier_id = h.dossier_id)
	AND NOT EXISTS (SELECT 1 FROM balie.formulier f JOIN balie.formulier_waarde w ON w.formulier_id = f.id
	                 WHERE f.hulpvraag_id = h.id AND w.veld = 'emb' AND w.waarde = 'ja')
	ORDER BY cardinality(balie.compleet_fouten(h.id, h.status)), h.nummer LIMIT 1")
check "demodata heeft een TLV-aanvraag om af te geven zonder beschikking ($NUMMER)" [ -n "$NUMMER" ]
FOUTEN=$(tlv_compleet_maken "$(demo_psql "SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER")")
check "het dossier is compleet${FOUTEN:+ (nog: $FOUTEN)}" [ -z "$FOUTEN" ]
demo_psql "UPDATE balie.hulpvraag SET geen_mail = false WHERE organisatie_id = $ORG AND nummer = $NUMMER"
tlv_sql() {
	demo_psql "SELECT $1 FROM balie.tlv_beschikking b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
		 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER"
}
# a number nobody has: the suggestion would collide with earlier runs of
# this script against the same demo only if they saved it, so take the
# suggestion and check it is free
# advices are dated in the past, whatever today is
ADVIES1=$(demo_psql "SELECT to_char(current_date - 14, 'DD-MM-YYYY')")
ADVIES2=$(demo_psql "SELECT to_char(current_date - 7, 'DD-MM-YYYY')")
VRIJ=$(demo_psql "SELECT balie.tlv_volgend_nummer(id) FROM balie.organisatie WHERE code = 'PO3008'")

tui_demo tlv 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
check "acht tabbladen passen op 80 kolommen, TLV en Dossier voor Compleet" screen_has "Form. TLV Dossier Compleet"

# afgeven zonder beschikking: de database weigert
tui_keys s
wait_for "Status wijzigen" 5
tui_type "school onbekend"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "afgeven zonder beschikking geweigerd, met de reden" wait_for "nog geen TLV-beschikking" 10
tui_keys Escape
wait_gone "Status →" 5

# the tab TLV: v opens it on the first field, with the free number offered
tui_keys v
check "v opent het tabblad TLV met het vrije nummer voorgesteld ($VRIJ)" wait_for "eerstvolgende vrije is $VRIJ" 5
check "nummer in het invulveld" screen_has "$VRIJ"
tui_keys Enter
check "nummer in het concept, nog niet bewaard" wait_for "* niet bewaard" 5
tui_keys Down v
wait_for "Kies" 5
tui_type "laag"
tui_keys Enter
check "soort gekozen uit de lijst van het profiel" wait_for "TLV SO categorie laag" 5
tui_keys Down v
wait_for "de 1e van de maand" 5
tui_type "31-02-2026"
tui_keys Enter
check "31-02-2026: de fout onder het veld" wait_for "✗ 31-02-2026 bestaat niet" 5
check "de getypte tekst blijft staan" screen_has "Startdatum             31-02-2026"
tui_keys w
check "bewaren met een fout: geweigerd, zegt welk veld" wait_for "Niet bewaard — Startdatum: 31-02-2026 bestaat niet" 5
tui_keys v C-u
tui_type "15-08-2026"
tui_keys Enter
check "15-08-2026: niet de 1e van de maand" wait_for "Startdatum moet de 1e van de maand zijn" 5
tui_keys v C-u
tui_type "01-08-2026"
tui_keys Enter
check "01-08-2026: fout weg" wait_gone "de 1e van de maand zijn" 5
tui_keys Down v
tui_type "31-07-2028"
tui_keys Enter
tui_keys Down Down v
wait_for "F2 bewaart de tekst" 5
tui_type "Beide deskundigen adviseren SO categorie laag."
tui_keys F2
# advies 1
tui_keys Down v
tui_type "drs. M. Bakker"
tui_keys Enter Down v
wait_for "discipline van de deskundige" 5
tui_type "ortho"
tui_keys Enter Down v
tui_type "Expertisecentrum Peelland"
tui_keys Enter Down v
tui_type "$ADVIES1"
tui_keys Enter Down v
wait_for "Kies" 5
tui_type "laag"
tui_keys Enter Down v
wait_for "F2 bewaart de tekst" 5
tui_type "Toelaatbaar tot het SO."
tui_keys F2
# advies 2: first the same person — refused beside the name
tui_keys Down v
tui_type "drs. m. bakker"
tui_keys Enter
check "twee keer dezelfde deskundige: fout onder de naam" wait_for "twee verschillende deskundigen" 5
tui_keys v C-u
tui_type "A. Yilmaz"
tui_keys Enter Down v
wait_for "discipline van de deskundige" 5
tui_type "psychiater"
tui_keys Enter Down v
tui_type "GGZ Oost-Brabant"
tui_keys Enter Down v
tui_type "$ADVIES2"
tui_keys Enter Down v
wait_for "Kies" 5
tui_type "laag"
tui_keys Enter Down v
wait_for "F2 bewaart de tekst" 5
tui_type "Eens met het eerste advies."
tui_keys F2
check "volledig: klaar om af te geven" wait_for "volledig, klaar om af te geven" 5
tui_keys F2
check "F2: bewaard" wait_for "TLV-beschikking bewaard" 10
check "in de database: nummer, soort, periode, beide adviezen" \
	[ "$(tlv_sql "b.nummer || '|' || b.soort || '|' || b.startdatum || '|' || b.einddatum || '|' || b.a1_discipline
		|| '|' || b.a2_discipline || '|' || b.a2_advies")" = \
	  "$VRIJ|TLV SO categorie laag|2026-08-01|2028-07-31|orthopedagoog|kinderpsychiater|TLV SO categorie laag" ]

# now afgeven goes through
tui_keys s
wait_for "Status wijzigen" 5
tui_type "school onbekend"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "status TLV>afgegeven, school onbekend" wait_for "Status: TLV>afgegeven, school onbekend" 10
check "in de database afgegeven" \
	[ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER")" = \
	  "TLV>afgegeven, school onbekend" ]
# 004 §4.1: the standard remark for "school onbekend" in the mail to the aanvrager
check "mail aan de aanvrager met de standaardopmerking van 004 §4.1" [ "$(demo_psql "SELECT count(*) FROM balie.outbox o
	JOIN balie.hulpvraag h ON h.id = o.hulpvraag_id WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER
	  AND regexp_replace(o.tekst, '\\s+', ' ', 'g') LIKE '%De beschikking TLV (PDF-format) moet aan de toekomstige school verstrekt worden%'
	  AND regexp_replace(o.tekst, '\\s+', ' ', 'g') LIKE '%De ouders/verzorgers krijgen geen melding%'")" = 1 ]
tap_done
