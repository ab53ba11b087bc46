#!/bin/sh
# 93_aanpak_test.sh — the financieel medewerker at 80x24 processes an
# arrangement: opens an "Arrangement>toegewezen" hulpvraag whose aanpak the
# coördinator drew up (amount from the tariff, no number yet), is refused
# "financieel verwerkt" by the database (no number), changes the amount and
# is asked for a reason beside the field, gives it, types the number, saves
# (F2) and sets "Arrangement>financieel verwerkt"; the database holds the
# amount in cents, the reason and the tariff it differs from.  Before, the
# list "Te verwerken" (v on the home screen) shows it with its amount, a
# running total, and the total of the marked rows; after, it is gone.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.aanpak a ON a.hulpvraag_id = h.id
	WHERE h.organisatie_id = $ORG AND h.status = 'Arrangement>toegewezen' AND a.nummer IS NULL
	  AND a.tarief_cent IS NOT NULL ORDER BY h.nummer LIMIT 1")
check "demodata heeft een toegewezen arrangement met tarief en zonder nummer ($NUMMER)" [ -n "$NUMMER" ]
ap_sql() {
	demo_psql "SELECT $1 FROM balie.aanpak a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
		 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER"
}
TARIEF=$(ap_sql "a.tarief_cent")
HOGER=$((TARIEF + 50000))
# a number nobody has yet, whatever ran before
ARRNR="ARR-T93-$NUMMER"

tui_demo aanpak 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
in_queue() {
	demo_psql "SELECT count(*) FROM balie.te_verwerken($ORG, 1000000) t JOIN balie.hulpvraag h ON h.id = t.hulpvraag_id
		 WHERE h.nummer = $NUMMER AND t.reden = '$1'"
}
tui_keys v
check "Te verwerken: kop met totaal" wait_for "oudste eerst · totaal €" 10
check "arrangementen zonder nummer staan erin, met bedrag" screen_has "Arrangement: nummer invullen"
check "hulpvraag $NUMMER staat erin als nummer invullen" [ "$(in_queue 'Arrangement: nummer invullen')" = 1 ]
tui_keys Space
check "Spatie markeert: totaal van de gemarkeerde" wait_for "1 gemarkeerd: €" 5
tui_keys Escape
wait_for "Totaal" 10
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10

tui_keys s
wait_for "Status wijzigen" 5
tui_type "verwerkt"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "verwerken zonder nummer geweigerd door de database" wait_for "beschikkingsnummer ontbreekt" 10
tui_keys Escape
wait_gone "Status →" 5

tui_keys v
check "v opent het tabblad Aanpak" wait_for "Aanpak: Type" 5
tui_keys Escape
wait_gone "Aanpak: Type" 5
tarief_shown() { screen_has "Tarief Midden, schooljaar" || screen_has "Tarief Hoog, schooljaar"; }
check "tarief van het schooljaar van de start" tarief_shown
check "het bedrag staat er al (uit het tarief)" screen_has "Bedrag                 € "
for i in 1 2 3 4; do tui_keys Down; done
tui_keys v
wait_for "Bedrag in euro" 5
tui_keys C-u
tui_type "$(echo "$HOGER" | sed 's/..$/,&/')"
tui_keys Enter
check "ander bedrag: reden gevraagd onder het veld" wait_for "wijkt af van het tarief" 5
tui_keys w
check "bewaren zonder reden geweigerd" wait_for "Niet bewaard — Reden bedrag" 5
tui_keys Down v
wait_for "Waarom wijkt het bedrag af" 5
tui_type "Extra begeleiding bij de overstap, besproken met het bestuur."
tui_keys F2
tui_keys Down v
wait_for "Beschikkingsnummer (de financieel" 5
tui_type "$ARRNR"
tui_keys Enter
check "nummer, periode en bedrag: verwerken kan" wait_for "financieel verwerken kan (s)" 5
tui_keys F2
check "F2: aanpak bewaard" wait_for "Aanpak bewaard" 10
check "in de database: bedrag in centen, reden, tarief, nummer" \
	[ "$(ap_sql "a.bedrag_cent || '|' || a.tarief_cent || '|' || a.nummer || '|' || (a.bedrag_reden <> '')")" = \
	  "$HOGER|$TARIEF|$ARRNR|true" ]
# the arrangement letter: p makes the PDF from brief-arrangement.ms
tui_keys p
check "p: brief van het arrangement als bijlage" wait_for "Beschikking arrangement $ARRNR.pdf" 20
brief_text() {
	demo_psql "SELECT encode(i.inhoud, 'base64') FROM balie.bijlage x JOIN balie.hulpvraag h ON h.id = x.hulpvraag_id
		 JOIN balie.bijlage_inhoud i ON i.organisatie_id = x.organisatie_id AND i.sha256 = x.sha256
		 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND x.categorie = 'beschikking'
		 ORDER BY x.id DESC LIMIT 1" | base64 -d >"$TUI_SCRATCH/brief.pdf" &&
		pdftotext -layout "$TUI_SCRATCH/brief.pdf" "$TUI_SCRATCH/brief.txt" &&
		grep -qF "Beschikking arrangement $ARRNR" "$TUI_SCRATCH/brief.txt" &&
		grep -qF "$(ap_sql "to_char(a.startdatum, 'DD-MM-YYYY') || ' tot en met ' || to_char(a.einddatum, 'DD-MM-YYYY')")" "$TUI_SCRATCH/brief.txt" &&
		grep -qF "€ " "$TUI_SCRATCH/brief.txt"
}
check "de brief (pdftotext): nummer, periode, bedrag" brief_text
tui_keys s
wait_for "Status wijzigen" 5
tui_type "verwerkt"
tui_keys Enter
wait_for "Reden" 5
tui_keys F2
check "status Arrangement>financieel verwerkt" wait_for "Status: Arrangement>financieel verwerkt" 10
check "verwerkt: niet meer in Te verwerken" [ "$(demo_psql "SELECT count(*) FROM balie.te_verwerken($ORG, 1000000) t
	JOIN balie.hulpvraag h ON h.id = t.hulpvraag_id WHERE h.nummer = $NUMMER")" = 0 ]
tap_done
