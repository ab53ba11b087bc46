#!/bin/sh
# 84_tlv_behandelaar_emb_test.sh — the TLV tab at 80x24 (issue 10 §1,
# migration 031): the financieel medewerker makes the external deskundige
# behandelaar of an issued TLV (004 §4.6 "het veld Behandelaar van de TLV"):
# the tab names her with the TLV's einddatum, the database gives access
# until that date and queues a mail without the pupil's name, she opens the
# hulpvraag herself, and choosing her again takes it away.  Then an EMB
# pupil (field emb of the Aanvraag TLV form): choosing "TLV SO categorie
# laag" gives the Dutch error beside Soort and the save is refused; a
# behandelaar needs a saved beschikking first.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
DESK="(SELECT id FROM balie.account WHERE username = 'deskundige')"
# an issued TLV that runs a while yet, the deskundige not involved
X=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.tlv_beschikking b ON b.hulpvraag_id = h.id
	WHERE h.organisatie_id = $ORG AND h.status LIKE 'TLV>afgegeven%' AND b.einddatum >= current_date + 30
	  AND NOT EXISTS (SELECT 1 FROM balie.hulpvraag_toegang t WHERE t.hulpvraag_id = h.id AND t.account_id = $DESK)
	ORDER BY h.nummer LIMIT 1")
check "demodata heeft een afgegeven TLV ($X)" [ -n "$X" ]
XID=$(demo_psql "SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $X")
EIND=$(demo_psql "SELECT to_char(einddatum, 'DD-MM-YYYY') FROM balie.tlv_beschikking WHERE hulpvraag_id = $XID")
NAAM=$(demo_psql "SELECT d.roepnaam || '|' || d.achternaam FROM balie.hulpvraag h JOIN balie.dossier d
	ON d.id = h.dossier_id WHERE h.id = $XID")
ROEP=${NAAM%%|*}
ACHTER=${NAAM#*|}
demo_psql "UPDATE balie.account SET email = 'm.jansen@expertise.example' WHERE username = 'deskundige'"

# an EMB pupil: a TLV aanvraag without beschikking whose Aanvraag TLV form
# says emb = ja (set here, the demo's forms say nee)
Y=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.formulier f ON f.hulpvraag_id = h.id
	JOIN balie.formulier_definitie d ON d.id = f.definitie_id AND d.code = 'aanvraag-tlv'
	WHERE h.organisatie_id = $ORG AND NOT h.voorlopig AND h.status IN ('TLV>aanvraag', 'TLV>documenten aangevuld')
	  AND f.verwijderd_op IS NULL
	  AND NOT EXISTS (SELECT 1 FROM balie.tlv_beschikking b WHERE b.hulpvraag_id = h.id)
	ORDER BY h.nummer LIMIT 1")
check "demodata heeft een TLV-aanvraag met formulier zonder beschikking ($Y)" [ -n "$Y" ]
demo_psql "INSERT INTO balie.formulier_waarde (formulier_id, organisatie_id, veld, waarde)
	SELECT f.id, f.organisatie_id, 'emb', 'ja' FROM balie.formulier f JOIN balie.hulpvraag h ON h.id = f.hulpvraag_id
	 WHERE h.organisatie_id = $ORG AND h.nummer = $Y AND f.verwijderd_op IS NULL
	ON CONFLICT (formulier_id, veld) DO UPDATE SET waarde = 'ja'"

tui_demo b1 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Hulpvragen per statuscategorie" 20
tui_open_hulpvraag "$X"
check "hulpvraag $X geopend" wait_for "Hulpvraag $X ·" 10
tui_keys h
check "h: de keuzelijst voor de behandelaar van de TLV" wait_for "Behandelaar van de TLV" 5
tui_type "Mieke"
tui_keys Enter
check "tabblad TLV: de deskundige is behandelaar tot $EIND" wait_for "Behandelaar: Mieke Jansen (orthopedagoog) (t/m $EIND)" 10
check "de melding zegt tot wanneer" screen_has "is behandelaar, met toegang tot en met"
check "de database: toegang tot $EIND" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag_toegang
	WHERE hulpvraag_id = $XID AND account_id = $DESK AND soort = 'tlv' AND to_char(tot, 'DD-MM-YYYY') = '$EIND'")" = 1 ]
check "de mail noemt de leerling niet" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE hulpvraag_id = $XID AND aan = 'm.jansen@expertise.example'
	  AND strpos(onderwerp || tekst, '$ROEP') = 0 AND strpos(onderwerp || tekst, '$ACHTER') = 0")" = 1 ]

# the deskundige sees it now
tui_demo b2 80 24
tui_login deskundige demo
check "deskundige aangemeld" wait_for "Hulpvragen" 20
tui_open_hulpvraag "$X"
check "de behandelaar opent hulpvraag $X" wait_for "Hulpvraag $X ·" 10

# taken away again
tui_use b1
tui_keys h
wait_for "Behandelaar van de TLV" 5
tui_type "Mieke"
tui_keys Enter
check "nog eens kiezen haalt weg" wait_for "is geen behandelaar meer" 10
check "de toegang is weg" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag_toegang
	WHERE hulpvraag_id = $XID AND account_id = $DESK AND soort = 'tlv'")" = 0 ]
tui_keys Escape
wait_for "Hulpvragen per statuscategorie" 10

# the EMB pupil
tui_open_hulpvraag "$Y"
check "hulpvraag $Y geopend" wait_for "Hulpvraag $Y ·" 10
tui_keys h
check "h zonder bewaarde beschikking: eerst bewaren" wait_for "Eerst de TLV-beschikking met een einddatum bewaren" 5
tui_keys v
check "v opent het tabblad TLV op het nummer" wait_for "eerstvolgende vrije is" 5
tui_keys Enter
wait_for "* niet bewaard" 5
check "het tabblad noemt de EMB-leerling" screen_has "EMB-leerling (formulier Aanvraag TLV): alleen TLV SO categorie hoog"
tui_keys Down v
wait_for "Kies" 5
tui_type "laag"
tui_keys Enter
check "SO laag voor een EMB-leerling: de fout onder Soort" wait_for "✗ Een EMB-leerling krijgt alleen TLV SO categorie hoog" 5
tui_keys F2
check "bewaren geweigerd, met het veld" wait_for "Niet bewaard — Soort: Een EMB-leerling krijgt alleen TLV SO categorie hoog" 5
check "niets bewaard" [ "$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking b JOIN balie.hulpvraag h
	ON h.id = b.hulpvraag_id WHERE h.organisatie_id = $ORG AND h.nummer = $Y")" = 0 ]
tui_keys v
wait_for "Kies" 5
tui_type "hoog"
tui_keys Enter
check "SO hoog: de fout is weg" wait_gone "✗ Een EMB-leerling" 5

tap_done
