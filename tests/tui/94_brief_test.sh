#!/bin/sh
# 94_brief_test.sh — the beschikking letter: the financieel medewerker
# writes a motivering with lines that groff would take as requests (".bp",
# "'sp") and a backslash, saves, makes the letter (p) twice; the newest PDF
# (pdftotext) carries number, soort, dates, both advices and the typed text
# literally; the earlier letter stays, marked replaced; the letter opens in
# balie's own viewer.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# an afgegeven TLV with its (demo) beschikking and no letter yet
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.tlv_beschikking b ON b.hulpvraag_id = h.id
	WHERE h.organisatie_id = $ORG AND h.status LIKE 'TLV>afgegeven%'
	  AND NOT EXISTS (SELECT 1 FROM balie.bijlage x WHERE x.hulpvraag_id = h.id AND x.categorie = 'beschikking')
	ORDER BY h.nummer LIMIT 1")
check "demodata heeft een afgegeven TLV met beschikking ($NUMMER)" [ -n "$NUMMER" ]
tlv() {
	demo_psql "SELECT $1 FROM balie.tlv_beschikking b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
		 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER"
}
BNR=$(tlv "b.nummer")
START=$(tlv "to_char(b.startdatum, 'DD-MM-YYYY')")
EIND=$(tlv "to_char(b.einddatum, 'DD-MM-YYYY')")
SOORT=$(tlv "b.soort")
A1=$(tlv "b.a1_naam")
A2=$(tlv "b.a2_naam")
letters() {
	demo_psql "SELECT count(*) || '|' || count(*) FILTER (WHERE x.vervangen_op IS NOT NULL) FROM balie.bijlage x
		 JOIN balie.hulpvraag h ON h.id = x.hulpvraag_id WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER
		  AND x.categorie = 'beschikking'"
}
# the text of the newest letter, through pdftotext
newest_text() {
	demo_psql "SELECT encode(i.inhoud, 'base64') FROM balie.bijlage x JOIN balie.hulpvraag h ON h.id = x.hulpvraag_id
		 JOIN balie.bijlage_inhoud i ON i.organisatie_id = x.organisatie_id AND i.sha256 = x.sha256
		 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND x.categorie = 'beschikking'
		 ORDER BY x.id DESC LIMIT 1" | base64 -d >"$TUI_SCRATCH/brief.pdf" &&
		pdftotext -layout "$TUI_SCRATCH/brief.pdf" "$TUI_SCRATCH/brief.txt"
}
has() { for x; do grep -qF -- "$x" "$TUI_SCRATCH/brief.txt" || return 1; done; }

tui_demo brief 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys v
wait_for "TLV-beschikking: Beschikkingsnummer" 5
tui_keys Escape
for i in 1 2 3 4 5; do tui_keys Down; done
tui_keys v
wait_for "TLV-beschikking: Motivering" 5
tui_keys C-a C-k
tui_type ".bp"
tui_keys Enter
tui_type "'sp 3"
tui_keys Enter
tui_type 'Gelijke adviezen \fBvet\fP en C:\map'
tui_keys F2
tui_keys F2
check "motivering bewaard (de afgegeven TLV blijft geldig)" wait_for "TLV-beschikking bewaard" 10
tui_keys p
check "p: brief als bijlage bewaard" wait_for "Brief bewaard als bijlage" 20
check "één brief in de database" [ "$(letters)" = "1|0" ]
tui_keys p
wait_for "Bezig met de brief" 2
check "opnieuw: nog een brief" wait_for "Brief bewaard als bijlage" 20
check "twee brieven, de eerste gemarkeerd als vervangen" [ "$(letters)" = "2|1" ]
check "de nieuwste brief is een PDF met tekst (pdftotext)" newest_text
check "brief: nummer, soort, periode" has "$BNR" "$SOORT" "$START tot en met $EIND"
check "brief: beide deskundigen" has "$A1" "$A2"
check "brief: .bp en 'sp letterlijk afgedrukt" has ".bp" "sp 3"
check "brief: backslashes letterlijk" has '\fBvet\fP' 'C:\map'
tui_keys b
check "bijlagen: de brief staat erbij" wait_for "Beschikking TLV $BNR.pdf" 10
tui_keys Enter
check "de brief in de viewer van balie" wait_for "Beschikking toelaatbaarheidsverklaring $BNR" 20
tap_done
