#!/bin/sh
# 66_export_kengetallen_test.sh — `balie export kengetallen` (CSV and XLSX)
# and `balie export tlv` against the demo database: the CSV for Dutch Excel
# (BOM, ';', amounts as 8500,00) with the counts and amounts that raw
# queries on the tables give; the XLSX opened with python3 (zipfile and
# the sheet XML, shared strings resolved) with the same sum and a sheet of
# doorlooptijden; a school name written as a formula stays text; the TLV
# export has every afgegeven TLV of the period with BRIN and birth date;
# each export writes one audit row without content; the secretariaat and a
# bad school year are refused in Dutch.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
eval "$("$B" demo --env)"

run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# last school year: complete in the demo, whatever today is
JAAR=$(($(demo_psql "SELECT extract(year FROM (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '7 months')::int") - 1))
SJ="$JAAR-$((JAAR + 1))"
VAN="make_date($JAAR, 8, 1)"
TOT="make_date($JAAR + 1, 8, 1)"
org="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
AFGEGEVEN="EXISTS (SELECT 1 FROM balie.statushistorie sh JOIN balie.beschikking_status s
                    ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar AND s.soort = 'tlv'
                   WHERE sh.hulpvraag_id = b.hulpvraag_id)"
tlv_n=$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking b WHERE b.organisatie_id = $org
                   AND b.startdatum >= $VAN AND b.startdatum < $TOT AND $AFGEGEVEN")
arr_n=$(demo_psql "SELECT count(*) FROM balie.aanpak WHERE organisatie_id = $org
                   AND startdatum >= $VAN AND startdatum < $TOT")
arr_cent=$(demo_psql "SELECT coalesce(sum(bedrag_cent), 0) FROM balie.aanpak WHERE organisatie_id = $org
                      AND startdatum >= $VAN AND startdatum < $TOT")
audits() {
	demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie = '$1'"
}
a0=$(audits export-kengetallen)

run "$B" export kengetallen --jaar "$SJ" --als financieel
check "CSV: status 0" [ "$rc" = 0 ]
check "CSV: begint met BOM en de kop met ;" sh -c "head -c 40 '$T/out' | grep -q \"$(printf '\357\273\277')Schooljaar;Schoolbestuur;School;BRIN\""
# awk on the fields: column 5 kind, 7 aantal, 8 bedrag "8500,00"
sums=$(tail -n +2 "$T/out" | tr -d '\r' | awk -F';' '
	$5 == "TLV" { t += $7 } $5 == "Arrangement" { a += $7; split($8, e, ","); c += e[1] * 100 + e[2] }
	END { printf "%d %d %d", t, a, c }')
check "CSV: $tlv_n TLV's, $arr_n arrangementen, $arr_cent cent (de tabellen: $sums)" \
	[ "$sums" = "$tlv_n $arr_n $arr_cent" ]
check "audit: één rij export-kengetallen erbij" [ "$(audits export-kengetallen)" = $((a0 + 1)) ]
check "audit: het detail noemt jaar, vorm en aantal, geen inhoud" \
	[ "$(demo_psql "SELECT detail FROM balie.audit_log WHERE actie = 'export-kengetallen' ORDER BY id DESC LIMIT 1" |
	    sed 's/[0-9]* rijen/N rijen/')" = "schooljaar $SJ, csv, N rijen" ]

run "$B" export kengetallen --jaar "$SJ" --xlsx --als financieel
check "XLSX: status 0" [ "$rc" = 0 ]
cat >"$T/xlsx.py" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ns = re.findall(r'<si><t[^>]*>(.*?)</t></si>', z.read('xl/sharedStrings.xml').decode())
names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
rows = re.findall(r'<row [^>]*>(.*?)</row>', z.read('xl/worksheets/sheet1.xml').decode())
def cells(row):
    out = {}
    for ref, attrs, v in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)><v>([^<]*)</v></c>', row):
        out[ref] = ns[int(v)] if 't="s"' in attrs else float(v)
    return out
head = cells(rows[0])
t = a = 0; c = 0.0
for r in rows[1:]:
    x = cells(r)
    if x['E'] == 'TLV': t += x['G']
    else: a += x['G']; c += x['H']
dl = len(re.findall(r'<row ', z.read('xl/worksheets/sheet2.xml').decode())) - 1
print(','.join(names), head['A'], head['H'], int(t), int(a), round(c * 100), 'dl' if dl > 0 else 'geen-dl')
PY
got=$(python3 "$T/xlsx.py" "$T/out" 2>&1)
check "XLSX: bladen, kop en sommen als getallen ($got)" \
	[ "$got" = "Kengetallen,Doorlooptijden Schooljaar Bedrag $tlv_n $arr_n $arr_cent dl" ]
check "audit: nog een rij, met xlsx" [ "$(audits export-kengetallen)" = $((a0 + 2)) ]

# a school whose name would be a formula stays text in the CSV
sid=$(demo_psql "SELECT s.id FROM balie.school s JOIN balie.aanpak a ON a.organisatie_id = s.organisatie_id
                 JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id AND h.school_id = s.id
                 WHERE s.organisatie_id = $org AND a.startdatum >= $VAN AND a.startdatum < $TOT LIMIT 1")
oud=$(demo_psql "SELECT naam FROM balie.school WHERE id = $sid")
demo_psql "UPDATE balie.school SET naam = '=SOM(1;1)' WHERE id = $sid"
run "$B" export kengetallen --jaar "$SJ" --als financieel
demo_psql "UPDATE balie.school SET naam = \$\$$oud\$\$ WHERE id = $sid"
check "CSV: een naam als formule blijft tekst (\"'=SOM(1;1)\")" grep -qF "\"'=SOM(1;1)\";" "$T/out"

# the TLVs of a period for DUO
t0=$(audits export-tlv)
want=$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking b WHERE b.organisatie_id = $org
                  AND b.startdatum <= make_date($JAAR + 1, 7, 31) AND b.einddatum >= make_date($JAAR, 8, 1) AND $AFGEGEVEN")
run "$B" export tlv --van "01-08-$JAAR" --tot "31-07-$((JAAR + 1))" --als financieel
check "TLV: status 0" [ "$rc" = 0 ]
check "TLV: kop met wat DUO nodig heeft" grep -q "Beschikkingsnummer;Achternaam;Tussenvoegsel;Voornamen;Geboortedatum;BRIN;Vestiging;Soort;Startdatum;Einddatum" "$T/out"
check "TLV: $want afgegeven TLV's in de periode" [ "$(($(wc -l <"$T/out") - 1))" = "$want" ]
row=$(demo_psql "SELECT b.nummer || ';' || d.achternaam || ';' || coalesce(d.tussenvoegsel, '') || ';'
                  || coalesce(nullif(d.voornamen, ''), d.roepnaam) || ';' || to_char(d.geboortedatum, 'DD-MM-YYYY')
                  || ';' || sc.brin || ';' || coalesce(sc.vestiging, '') || ';' || b.soort || ';'
                  || to_char(b.startdatum, 'DD-MM-YYYY') || ';' || to_char(b.einddatum, 'DD-MM-YYYY')
                  FROM balie.tlv_beschikking b JOIN balie.dossier d ON d.id = b.dossier_id
                  JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id JOIN balie.school sc ON sc.id = h.school_id
                  WHERE b.organisatie_id = $org AND b.startdatum <= make_date($JAAR + 1, 7, 31)
                    AND b.einddatum >= make_date($JAAR, 8, 1) AND $AFGEGEVEN ORDER BY b.id LIMIT 1")
check "TLV: een rij zoals de tabellen haar geven" grep -qF -- "$row" "$T/out"
check "audit: één rij export-tlv, zonder leerlinggegevens" [ "$(audits export-tlv)" = $((t0 + 1)) -a \
	"$(demo_psql "SELECT detail FROM balie.audit_log WHERE actie = 'export-tlv' ORDER BY id DESC LIMIT 1" |
	   sed 's/[0-9]* rijen/N rijen/')" = "periode 01-08-$JAAR t/m 31-07-$((JAAR + 1)), csv, N rijen" ]

# refused
a1=$(audits export-kengetallen)
run "$B" export kengetallen --jaar "$SJ" --als secretariaat
check "secretariaat: geweigerd (status 2) met de regel uit het regelboek" \
	sh -c "[ $rc = 2 ] && grep -q 'dat mag de rol van secretariaat niet: kengetallen' '$T/err' && [ ! -s '$T/out' ]"
run "$B" export kengetallen --jaar "$JAAR-$((JAAR + 2))" --als financieel
check "schooljaar $JAAR-$((JAAR + 2)): een Nederlandse fout" sh -c "[ $rc = 2 ] && grep -q 'bestaat niet' '$T/err'"
run "$B" export tlv --van "31-02-$((JAAR + 1))" --tot "31-07-$((JAAR + 1))" --als financieel
check "31-02-$((JAAR + 1)): een Nederlandse fout" sh -c "[ $rc = 2 ] && grep -q '31-02-$((JAAR + 1))' '$T/err'"
check "geweigerd schrijft geen audit" [ "$(audits export-kengetallen)" = "$a1" ]

tap_done
