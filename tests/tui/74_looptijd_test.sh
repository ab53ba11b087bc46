#!/bin/sh
# 74_looptijd_test.sh — issue 10 §4 at 80x24: the secretariaat opens "Te
# evalueren" with e on the home screen (arrangements ending within two
# months, not yet on evalueren, soonest first), marks two and sets them to
# "Arrangement>evalueren" after a question naming the count and the status;
# they leave the list and the database has them there.  Then :verloopt on
# the command line opens "Verloopt binnenkort" with a TLV that ends next
# month.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
EERSTE=$(demo_psql "SELECT nummer FROM balie.te_evalueren($ORG) LIMIT 1")
TWEEDE=$(demo_psql "SELECT nummer FROM balie.te_evalueren($ORG) OFFSET 1 LIMIT 1")
check "demodata: arrangementen om te evalueren ($EERSTE, $TWEEDE)" [ -n "$EERSTE" ] && [ -n "$TWEEDE" ]
# an issued TLV that ends next month (its start moved back to keep two years)
TLV=$(demo_psql "SELECT h.nummer FROM balie.tlv_beschikking b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.status LIKE 'TLV>afgegeven%' AND cardinality(balie.tlv_fouten(b)) = 0
	ORDER BY h.nummer DESC LIMIT 1")
demo_psql "UPDATE balie.tlv_beschikking b SET startdatum = (date_trunc('month', current_date) - interval '22 months')::date,
	einddatum = current_date
	FROM balie.hulpvraag h WHERE h.id = b.hulpvraag_id AND h.organisatie_id = $ORG AND h.nummer = $TLV"
EINDE=$(demo_psql "SELECT to_char(b.einddatum, 'DD-MM-YYYY') FROM balie.tlv_beschikking b JOIN balie.hulpvraag h
	ON h.id = b.hulpvraag_id WHERE h.organisatie_id = $ORG AND h.nummer = $TLV")

tui_demo looptijd 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_keys e
check "e opent Te evalueren" wait_for "Te evalueren (einde binnen 2 maanden)" 10
check "de eerste twee bovenaan" screen_has_all " $EERSTE " " $TWEEDE "
tui_keys Space Down Space
check "twee gemarkeerd" wait_for "2 gemarkeerd" 5
tui_keys e
check "de vraag noemt aantal en status" wait_for "2 hulpvragen naar \"Arrangement>evalueren\"" 5
tui_keys Right
wait_for "Enter: Uitvoeren" 5
tui_keys Enter
check "2 op evalueren gezet" wait_for "2 op evalueren gezet" 15
check "in de database op evalueren" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag WHERE organisatie_id = $ORG
	AND nummer IN ($EERSTE, $TWEEDE) AND status = 'Arrangement>evalueren'")" = 2 ]
check "van de lijst af" screen_lacks " $EERSTE "
tui_keys Escape
wait_for "Totaal" 10

tui_keys :
tui_type "verloopt"
tui_keys Enter
check ":verloopt opent Verloopt binnenkort" wait_for "Verloopt binnen 3 maanden" 10
check "de TLV $TLV die op $EINDE afloopt staat erin" screen_has_all " $TLV " "$EINDE" "TLV"
tap_done
