#!/bin/sh
# 72_terugdraaien_test.sh — issue 10 §4 at 80x24: the financieel medewerker
# archives an issued TLV by mistake, presses z on the hulpvraag, sees what
# will be undone (from, to, who, when), confirms, and the status is back —
# an issued TLV goes back into "afgegeven" without the dossier check of a
# first issue; the history keeps both rows; a second z is refused (an undo
# is not undone); in the database an audit row and the undo's history row.
# Then a bezwaar against that TLV (B on the hulpvraag): the date received,
# today offered, registered (late or not, after the date of issue); B again
# records "gegrond": the beschikking gets a new version, the old one kept.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# an issued PO3008 TLV whose beschikking is valid
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.tlv_beschikking b ON b.hulpvraag_id = h.id
	WHERE h.organisatie_id = $ORG AND h.status = 'TLV>afgegeven, school onbekend'
	  AND cardinality(balie.tlv_fouten(b)) = 0 ORDER BY h.nummer LIMIT 1")
check "demodata heeft een afgegeven TLV met geldige beschikking ($NUMMER)" [ -n "$NUMMER" ]
HV="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"

tui_demo terug 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10

# the mistake: in archief
tui_keys s
wait_for "Status wijzigen" 5
tui_type "archief"
tui_keys Enter
wait_for "Reden" 5
tui_type "Verhuisd naar het buitenland."
tui_keys F2
check "per vergissing gearchiveerd" wait_for "Status: TLV>in archief" 10

# z: what will be undone, then undo it
tui_keys z
check "z vraagt eerst: van, naar, wie" wait_for "Statuswijziging terugdraaien" 5
check "de vraag noemt beide statussen" screen_has_all "TLV>in archief" "terugdraaien?"
tui_keys Right
wait_for "Enter: Terugdraaien" 5
tui_keys Enter
check "teruggedraaid: weer afgegeven" wait_for "Status: TLV>afgegeven, school onbekend" 10
check "de melding zegt het" screen_has "teruggedraaid"
check "in de database afgegeven" \
	[ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $HV")" = "TLV>afgegeven, school onbekend" ]
check "eigen historieregel die naar de vergissing wijst" [ "$(demo_psql "SELECT count(*) FROM balie.statushistorie
	WHERE hulpvraag_id = $HV AND terug_van IS NOT NULL AND van = 'TLV>in archief' AND reden LIKE 'Teruggedraaid%'")" = 1 ]
check "auditregel status-terug" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log
	WHERE actie = 'status-terug' AND object_id = $HV")" = 1 ]

# a second z: an undo is not undone
tui_keys z
check "tweede z geweigerd met de reden" wait_for "zelf een terugdraaiing" 10
check "status ongewijzigd" \
	[ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $HV")" = "TLV>afgegeven, school onbekend" ]

# bezwaar: B shows the tab TLV and asks the date received
AFGIFTE=$(demo_psql "SELECT min((x.op AT TIME ZONE 'Europe/Amsterdam')::date) > current_date - 42 FROM balie.statushistorie x
	WHERE x.hulpvraag_id = $HV AND x.naar LIKE 'TLV>afgegeven%'")
[ "$AFGIFTE" = t ] && OPTIJD="binnen 6 weken" || OPTIJD="te laat"
VERSIE=$(demo_psql "SELECT version FROM balie.tlv_beschikking WHERE hulpvraag_id = $HV")
tui_keys B
check "B: datum van ontvangst gevraagd" wait_for "Bezwaar registreren" 5
tui_keys Enter
check "bezwaar geregistreerd ($OPTIJD)" wait_for "Bezwaar geregistreerd, $OPTIJD" 10
check "het tabblad TLV toont het open bezwaar" screen_has "open (B: uitkomst)"
tui_keys B
check "B: de uitkomst gevraagd" wait_for "Uitkomst van het bezwaar" 5
tui_keys Enter
check "gegrond: nieuwe versie, de vorige bewaard" wait_for "nieuwe versie" 10
check "in de database: de oude versie bewaard als vervangen" [ "$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking_versie
	WHERE hulpvraag_id = $HV AND versie = $VERSIE AND bezwaar_id IS NOT NULL")" = 1 ]
check "het tabblad noemt de uitkomst en de vervangen versie" screen_has_all ": gegrond (" "1 eerdere versie na bezwaar vervangen"
check "de beschikking een versie verder" [ "$(demo_psql "SELECT version FROM balie.tlv_beschikking WHERE hulpvraag_id = $HV")" = \
	"$((VERSIE + 1))" ]
tap_done
