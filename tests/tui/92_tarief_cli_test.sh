#!/bin/sh
# 92_tarief_cli_test.sh — `balie admin tarief` against the demo database:
# the demo's tariffs (004 §4.2: 2024-2025 Midden € 8.500, Hoog € 19.000),
# every accepted way of writing an amount, a changed amount says what it
# was, bad input (-1, € 1e9, an impossible school year, an unknown
# organisatie) gets a Dutch message and changes nothing, and the database
# looks a tariff up by the school year of a date (1 August boundary).
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
eval "$("$B" demo --env)"

run() {
	"$@" >"$T/out" 2>&1 </dev/null
	rc=$?
}
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && grep -qF -- "$3" "$T/out"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$T/out")"
	fi
}
bedrag() { # SCHOOLJAAR CATEGORIE → cents
	demo_psql "SELECT bedrag_cent FROM balie.tarief t JOIN balie.organisatie o ON o.id = t.organisatie_id
		 WHERE o.code = 'PO3008' AND t.schooljaar = $1 AND t.categorie = '$2'"
}

run "$B" admin tarief list PO3008
expect "demo: tarief 2024-2025 Midden € 8.500,00" 0 "2024-2025  Midden                 € 8.500,00"
expect "demo: tarief 2024-2025 Hoog € 19.000,00" 0 "€ 19.000,00"

# a school year far from the demo's, so the test owns its rows
for vorm in "8.500" "8500,00" "€ 8.500,00" "8.500,-"; do
	run "$B" admin tarief set PO3008 2090-2091 Test "$vorm"
	check "bedrag '$vorm' → 850000 cent" [ "$rc" = 0 -a "$(bedrag 2090 Test)" = 850000 ]
done
run "$B" admin tarief set PO3008 2090-2091 Test "9.000,50"
expect "gewijzigd bedrag zegt wat het was" 0 "PO3008 2090-2091 Test: € 9.000,50 (was € 8.500,00)"

for slecht in "-1|Bedrag mag niet negatief zijn" "€ 1e9|Bedrag moet" "€ 2.000.000|te hoog" "0|meer dan € 0,00"; do
	vorm=${slecht%%|*}
	msg=${slecht#*|}
	run "$B" admin tarief set PO3008 2090-2091 Test "$vorm"
	expect "bedrag '$vorm' geweigerd: $msg" 2 "$msg"
done
run "$B" admin tarief set PO3008 2090-2092 Test 1
expect "onmogelijk schooljaar geweigerd" 2 "Schooljaar 2090-2092 bestaat niet"
run "$B" admin tarief set PO3008 90-91 Test 1
expect "schooljaar in de verkeerde vorm geweigerd" 2 "Schooljaar moet jjjj-jjjj zijn"
run "$B" admin tarief set PO9999 2090-2091 Test 1
expect "onbekende organisatie geweigerd" 2 "organisatie PO9999 bestaat niet"
check "na alle weigeringen staat het bedrag nog op 900050" [ "$(bedrag 2090 Test)" = 900050 ]

# the database's lookup: 31 July belongs to the school year before
run "$B" admin tarief set PO3008 2091-2092 Test "10.000"
check "31-07-2091 → schooljaar 2090-2091" [ "$(demo_psql "SELECT balie.tarief_bedrag(o.id, 'test', DATE '2091-07-31')
	FROM balie.organisatie o WHERE o.code = 'PO3008'")" = 900050 ]
check "01-08-2091 → schooljaar 2091-2092" [ "$(demo_psql "SELECT balie.tarief_bedrag(o.id, 'Test', DATE '2091-08-01')
	FROM balie.organisatie o WHERE o.code = 'PO3008'")" = 1000000 ]
check "elke wijziging staat in de audit" [ "$(demo_psql "SELECT count(*) >= 6 FROM balie.audit_log WHERE object = 'tarief'")" = t ]
run "$B" admin tarief remove PO3008 2090-2091 Test
expect "verwijderen" 0 "verwijderd"
run "$B" admin tarief remove PO3008 2091-2092 Test
run "$B" admin tarief remove PO3008 2091-2092 Test
expect "niet bestaand tarief verwijderen: status 1" 1 "geen tarief Test"
tap_done
