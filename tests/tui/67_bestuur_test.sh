#!/bin/sh
# 67_bestuur_test.sh — the schoolbestuur's financial contact (role bestuur,
# 004 §3.5 "tabblad kengetallen"): bestuur1 logs in, sees no hulpvragen,
# opens the kengetallen with k and finds only its own bestuur; e writes the
# school year as CSV into its exchange folder with exactly the numbered
# arrangements and afgegeven TLVs of its schools (raw queries on the
# tables), logged in the audit log as bestuur1; a second export to the same
# name is refused, the first file stays.
. "$(dirname "$0")/lib.sh"

org="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
bestuur=$(demo_psql "SELECT sb.naam FROM balie.account_bestuur ab JOIN balie.account a ON a.id = ab.account_id
                     JOIN balie.schoolbestuur sb ON sb.id = ab.schoolbestuur_id WHERE a.username = 'bestuur1'")
ander=$(demo_psql "SELECT sb.naam FROM balie.account_bestuur ab JOIN balie.account a ON a.id = ab.account_id
                   JOIN balie.schoolbestuur sb ON sb.id = ab.schoolbestuur_id WHERE a.username = 'bestuur2'")
JAAR=$(demo_psql "SELECT extract(year FROM (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '7 months')::int")
SJ="$JAAR-$((JAAR + 1))"
VAN="make_date($JAAR, 8, 1)"
TOT="make_date($JAAR + 1, 8, 1)"
SCHOLEN="(SELECT s.id FROM balie.school s JOIN balie.schoolbestuur sb ON sb.id = s.schoolbestuur_id
          WHERE sb.naam = \$\$$bestuur\$\$)"
arr=$(demo_psql "SELECT count(*) || ' ' || coalesce(sum(a.bedrag_cent), 0) FROM balie.aanpak a
                 JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
                 WHERE a.organisatie_id = $org AND a.nummer IS NOT NULL AND NOT h.voorlopig
                   AND h.school_id IN $SCHOLEN AND a.startdatum >= $VAN AND a.startdatum < $TOT")
tlv=$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
                 WHERE b.organisatie_id = $org AND h.school_id IN $SCHOLEN AND NOT h.voorlopig
                   AND b.startdatum >= $VAN AND b.startdatum < $TOT
                   AND EXISTS (SELECT 1 FROM balie.statushistorie sh JOIN balie.beschikking_status s
                                ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar AND s.soort = 'tlv'
                               WHERE sh.hulpvraag_id = h.id)")
a0=$(demo_psql "SELECT count(*) FROM balie.audit_log l JOIN balie.account a ON a.id = l.account_id
                WHERE a.username = 'bestuur1' AND l.actie = 'export-kengetallen'")

UIT=$TUI_SCRATCH/uit
mkdir -p "$UIT"
tui_start b1 80 24 "BALIE_UITWISSELMAP='$UIT' $TUI_BALIE demo"
tui_login bestuur1 demo
check "bestuur1: overzicht zonder hulpvragen" wait_for "Geen hulpvragen" 20
check "de toetsenbalk biedt k Kengetallen" screen_has "k Kengetallen"
tui_keys k
check "k opent de kengetallen van $SJ" wait_for "Kengetallen schooljaar $SJ" 10
check "het eigen bestuur staat erin" wait_for "$(printf '%s' "$bestuur" | cut -c1-24)" 10
tui_keys End
check "een ander bestuur niet ($(printf '%s' "$ander" | cut -c1-24))" \
	screen_lacks "$(printf '%s' "$ander" | cut -c1-24)"
tui_keys e
check "e vraagt het bestand, in de uitwisselmap" wait_for "kengetallen-$SJ.csv" 5
tui_keys Enter
check "geëxporteerd, met het pad" wait_for "Geëxporteerd" 10
f=$UIT/kengetallen-$SJ.csv
check "het bestand staat in de uitwisselmap" test -s "$f"
besturen=$(tail -n +2 "$f" | cut -d';' -f2 | sort -u)
check "alleen het eigen bestuur in het bestand" [ "$besturen" = "$bestuur" ]
sums=$(tail -n +2 "$f" | tr -d '\r' | awk -F';' '
	$5 == "TLV" { t += $7 } $5 == "Arrangement" { a += $7; split($8, e, ","); c += e[1] * 100 + e[2] }
	END { printf "%d %d %d", t, a, c }')
check "TLV's, arrangementen en bedrag zoals de tabellen ($tlv $arr / $sums)" [ "$sums" = "$tlv $arr" ]
check "auditregel van bestuur1 erbij" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l JOIN balie.account a
	ON a.id = l.account_id WHERE a.username = 'bestuur1' AND l.actie = 'export-kengetallen'")" = $((a0 + 1)) ]
size=$(wc -c <"$f")
tui_keys e
wait_for "kengetallen-$SJ.csv" 5
tui_keys Enter
check "nog eens naar hetzelfde bestand: geweigerd" wait_for "bestaat al;" 10
check "het eerste bestand is onveranderd" [ "$(wc -c <"$f")" = "$size" ]
tui_keys Escape

tap_done
