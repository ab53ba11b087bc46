#!/bin/sh
# 87_bijlage_test.sh — bijlagen at 80x24: the secretariaat opens a TLV
# aanvraag in "TLV>aanvraag aanvulling nodig", opens its bijlagen (b), adds
# an OPP with the file picker (maps first, Enter descends, a file over 10 MB
# is refused with the seed's advice, then the category), sees the status
# move to "TLV>documenten aangevuld", reads the OPP in the viewer and finds
# a word with / (n wraps: "bovenaan hervat"), exports it (a second export
# to the same path is refused: never overwritten) and removes a bijlage
# (confirmation defaults to Annuleren; soft: the row stays).  View, export
# and removal are in the audit log.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG
	  AND h.status = 'TLV>aanvraag aanvulling nodig' ORDER BY h.nummer LIMIT 1")
check "demodata heeft een TLV-aanvraag met aanvulling nodig ($NUMMER)" [ -n "$NUMMER" ]

# The server-side home of the person: a map with an OPP (a real one-page
# PDF, offsets computed) and a scan that is too big.
mkdir -p "$T/home/documenten" "$T/home/export"
make_pdf "$T/home/documenten/OPP-definitief.pdf" "Ontwikkelingsperspectief: de Wonderboom-aanpak werkt goed."
truncate -s 11M "$T/home/documenten/scan-groot.pdf"
printf '%%PDF-1.4\n' | dd of="$T/home/documenten/scan-groot.pdf" conv=notrunc 2>/dev/null

tui_start bijl 80 24 "HOME=$T/home $TUI_BALIE demo"
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER in aanvulling nodig" wait_for "Status: TLV>aanvraag aanvulling nodig" 10
tui_keys Tab Tab
check "tabblad Bijlagen wijst naar b" wait_for "b: bijlagen beheren" 5
tui_keys b
check "b opent de bijlagenlijst (naam, categorie, type, grootte, datum)" wait_for "Bijlagen van hulpvraag $NUMMER" 10
wait_for "onderzoeksverslag" 5 # the rows may be drawn after the title
check "kolommen op 80x24" screen_has_all "Naam" "Categorie" "Type" "Grootte" "Datum" "onderzoeksverslag"
n_voor=$(demo_psql "SELECT count(*) FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.verwijderd_op IS NULL")

tui_keys a
check "a opent de bestandskiezer in de thuismap" wait_for "$T/home" 5
check "mappen eerst" screen_has_all "documenten/" "map"
tui_keys Down Enter
check "Enter opent de map: bestanden met grootte" wait_for "OPP-definitief.pdf" 5
check "te groot bestand gemarkeerd" screen_has_all "scan-groot.pdf" "11,0 MB" "te groot"
tui_keys End Enter
check "te groot: geweigerd met het advies (300 dpi)" wait_for "max. 300 dpi" 5
tui_keys BSpace
check "Backspace: map omhoog" wait_for "documenten/" 5
tui_keys Enter
wait_for "OPP-definitief.pdf" 5
tui_keys Home Down Enter
check "na het bestand: de categorie" wait_for "Categorie van OPP-definitief.pdf" 5
tui_type "OPP"
tui_keys Enter
# namens de school: balie vraagt eerst of de status mee gaat (issue 13 §5; Ja staat voorop)
check "namens de school: de vraag of de status mee gaat" wait_for "Documenten aangevuld?" 10
tui_keys Enter
check "toegevoegd; status automatisch naar documenten aangevuld" \
	wait_for "status automatisch → TLV>documenten aangevuld" 10
check "de nieuwe bijlage bovenaan, als PDF" screen_has_all "OPP-definitief.pdf" "PDF"
tui_keys Escape
check "terug op de hulpvraag: nieuwe status" wait_for "Status: TLV>documenten aangevuld" 10
tui_keys BTab
check "statushistorie: automatisch" wait_for "door automatisch" 5

tui_keys b
wait_for "Bijlagen van hulpvraag $NUMMER" 10
tui_keys Home Enter
check "Enter opent de viewer: naam, type, grootte" wait_for "Type PDF · 633 B · OPP" 10
check "de tekst van de PDF" wait_for "Wonderboom-aanpak werkt goed" 10
tui_keys /
check "/ vraagt een zoekwoord" wait_for "Zoek naar" 5
tui_type "wonderboom"
tui_keys Enter
check "gevonden (hoofdletters tellen niet)" wait_for 'Gevonden: "wonderboom"' 5
tui_keys n
check "n: bovenaan hervat" wait_for "Bovenaan hervat" 5
tui_keys q
check "q sluit de viewer" wait_for "Bijlagen van hulpvraag $NUMMER" 5

tui_keys e
check "e: exporteren naar een pad op de server" wait_for "Naar welk bestand op de server" 5
tui_keys C-u
tui_type "$T/home/export/OPP.pdf"
tui_keys Enter
check "geëxporteerd, pad gemeld" wait_for "Geëxporteerd naar $T/home/export/OPP.pdf" 10
check "geëxporteerd bestand is gelijk aan het origineel" cmp -s "$T/home/export/OPP.pdf" "$T/home/documenten/OPP-definitief.pdf"
tui_keys e
wait_for "Naar welk bestand op de server" 5
tui_keys C-u
tui_type "$T/home/export/OPP.pdf"
tui_keys Enter
check "nogmaals: bestaat al, nooit overschreven" wait_for "overschrijft nooit" 5
tui_keys Escape

tui_keys D
check "D vraagt eerst, met naam en hulpvraag" wait_for "van hulpvraag $NUMMER verwijderen?" 5
tui_keys Enter
check "Enter = Annuleren: niets verwijderd" wait_gone "verwijderen?" 5
check "nog even veel bijlagen" [ "$(demo_psql "SELECT count(*) FROM balie.bijlage b
	JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.verwijderd_op IS NULL")" = $((n_voor + 1)) ]
tui_keys D
wait_for "verwijderen?" 5
tui_keys Tab Enter
check "verwijderd (blijft bewaard)" wait_for "Bijlage verwijderd" 10
check "rij bewaard en gemarkeerd" [ "$(demo_psql "SELECT count(*) FILTER (WHERE b.verwijderd_op IS NULL)
	|| '|' || count(*) FILTER (WHERE b.verwijderd_op IS NOT NULL AND b.verwijderd_door IS NOT NULL)
	FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER")" = "$n_voor|1" ]
check "bekijken, exporteren en verwijderen in het auditlog" [ "$(demo_psql "SELECT count(DISTINCT l.actie)
	FROM balie.audit_log l JOIN balie.bijlage b ON b.id = l.object_id AND l.object = 'bijlage'
	JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER
	  AND l.actie IN ('bijlage-add', 'bijlage-view', 'bijlage-export', 'bijlage-remove')")" = 4 ]
tui_keys Escape
check "Esc terug naar de hulpvraag" wait_for "Hulpvraag $NUMMER ·" 5
tap_done
