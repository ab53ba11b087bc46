#!/bin/sh
# 53_agenda_afdrukken_test.sh — a meeting's papers for its members at
# 80x24: P on a past meeting writes its besluitenlijst, P on a coming one
# its agenda, each as PDF (groff, read back with pdftotext) and plain text
# in the person's export folder ($HOME here): every case by nummer with its
# decision or its time slot, the members, no pupil's surname anywhere; an
# audit row per paper (ids only); a second P never overwrites.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
HOMEDIR="$TUI_SCRATCH/thuis"
mkdir -p "$HOMEDIR"
# the rows of the agenda after Home: from six weeks back, by date, time, id
ROWS="SELECT v.id, row_number() OVER (ORDER BY v.datum, v.begintijd, v.id) - 1 AS n FROM balie.vergadering v
	WHERE v.organisatie_id = $ORG AND v.datum >= current_date - 42 AND v.datum <= current_date + 366"
VERLEDEN=$(demo_psql "SELECT v.id FROM balie.vergadering v WHERE v.organisatie_id = $ORG
	AND v.datum < current_date AND v.datum >= current_date - 42
	AND EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.uitkomst IS NOT NULL)
	ORDER BY v.datum DESC LIMIT 1")
KOMEND=$(demo_psql "SELECT v.id FROM balie.vergadering v WHERE v.organisatie_id = $ORG AND v.datum >= current_date
	AND v.status = 'gepland' AND EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.vergadering_id = v.id AND a.open)
	ORDER BY v.datum, v.begintijd, v.id LIMIT 1")
check "een voorbije vergadering met besluiten en een komende met zaken" [ -n "$VERLEDEN" ] && [ -n "$KOMEND" ]
naam() { # ID SOORT
	demo_psql "SELECT '$2 ' || c.code || ' ' || to_char(v.datum, 'DD-MM-YYYY') FROM balie.vergadering v
		JOIN balie.commissie c ON c.id = v.commissie_id WHERE v.id = $1"
}
NV=$(naam "$VERLEDEN" Besluitenlijst)
NK=$(naam "$KOMEND" Agenda)
AUDIT0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.audit_log")

tui_start druk 80 24 env HOME="$HOMEDIR" "$TUI_BALIE" demo
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_keys Home
tui_down "$(demo_psql "SELECT n FROM ($ROWS) x WHERE id = $VERLEDEN")"
tui_keys P
check "P op een voorbije vergadering: de besluitenlijst" wait_for "Besluitenlijst: " 20
check "als PDF en tekst in de exportmap" [ -s "$HOMEDIR/$NV.pdf" ] && [ -s "$HOMEDIR/$NV.txt" ]
BESLOTEN=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $VERLEDEN AND uitkomst IS NOT NULL")
check "elke besliste zaak met haar besluit ($BESLOTEN)" [ "$(grep -c "besluit: \(toegekend\|afgewezen\|aangehouden\)" \
	"$HOMEDIR/$NV.txt")" = "$BESLOTEN" ]
EERSTE=$(demo_psql "SELECT h.nummer FROM balie.agendapunt a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
	WHERE a.vergadering_id = $VERLEDEN AND a.uitkomst IS NOT NULL ORDER BY a.volgorde LIMIT 1")
check "de PDF leest terug (pdftotext): hulpvraag $EERSTE" sh -c "pdftotext -layout '$HOMEDIR/$NV.pdf' - | grep -q '$EERSTE'"
VOORZITTER=$(demo_psql "SELECT u.naam FROM balie.vergadering_lid l JOIN balie.account u ON u.id = l.account_id
	WHERE l.vergadering_id = $VERLEDEN AND l.rol = 'voorzitter' LIMIT 1")
check "met de leden" sh -c "[ -z '$VOORZITTER' ] || grep -q 'voorzitter *$VOORZITTER' '$HOMEDIR/$NV.txt'"

tui_keys Home
tui_down "$(demo_psql "SELECT n FROM ($ROWS) x WHERE id = $KOMEND")"
tui_keys P
check "P op een komende vergadering: de agenda" wait_for "Agenda: " 20
OPEN=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $KOMEND AND open")
check "elke open zaak op volgorde met haar tijdvak ($OPEN)" [ "$(grep -c '^ *[0-9]*\. [0-9][0-9]:[0-9][0-9]–[0-9][0-9]:[0-9][0-9]  hulpvraag ' \
	"$HOMEDIR/$NK.txt")" = "$OPEN" ]
check "de PDF leest terug" sh -c "pdftotext -layout '$HOMEDIR/$NK.pdf' - | grep -q 'Zaken (leerling als initialen)'"
# no surname of a pupil of either meeting in any of the four files (one that
# is also in a member's name, the organisation's or the place is no sign)
demo_psql "SELECT DISTINCT d.achternaam FROM balie.agendapunt a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
	JOIN balie.dossier d ON d.id = h.dossier_id JOIN balie.vergadering v ON v.id = a.vergadering_id
	JOIN balie.organisatie o ON o.id = v.organisatie_id
	WHERE a.vergadering_id IN ($VERLEDEN, $KOMEND) AND d.achternaam <> ''
	  AND NOT EXISTS (SELECT 1 FROM balie.account u WHERE u.naam ILIKE '%' || d.achternaam || '%')
	  AND o.naam NOT ILIKE '%' || d.achternaam || '%' AND v.locatie NOT ILIKE '%' || d.achternaam || '%'" \
	>"$TUI_SCRATCH/namen"
check "de lijst met achternamen is niet leeg" [ -s "$TUI_SCRATCH/namen" ]
for f in "$HOMEDIR/$NV" "$HOMEDIR/$NK"; do
	pdftotext "$f.pdf" "$f.pdf.txt"
done
check "geen achternaam van een leerling in de papieren" [ "$(cat "$HOMEDIR"/*.txt | grep -c -F -i -f "$TUI_SCRATCH/namen")" = 0 ]
check "twee auditregels: wie welke vergadering afdrukte, zonder inhoud" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log
	WHERE id > $AUDIT0 AND actie = 'afdrukken' AND object = 'vergadering' AND object_id IN ($VERLEDEN, $KOMEND)
	  AND detail IN ('agenda pdf en tekst', 'besluitenlijst pdf en tekst')")" = 2 ]
tui_keys P
SUM=$(cksum "$HOMEDIR/$NK.pdf")
check "nog eens P: niet afgedrukt (het bestand bestaat al)" wait_for "Niet afgedrukt: " 20
check "balie overschrijft nooit een bestand" [ "$(cksum "$HOMEDIR/$NK.pdf")" = "$SUM" ]
tap_done
