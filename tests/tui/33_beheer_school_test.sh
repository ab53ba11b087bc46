#!/bin/sh
# 33_beheer_school_test.sh — `balie admin school | bestuur | scholenkring`
# (issue 13 §6; 000 FAQ "Mijn school verhuist / fuseert / … krijgt een
# nieuwe BRIN"; 004 §7.1) against the demo, in the demo's PO2507 so the
# schools of PO3008 the other tests use stay as they are: what is typed is
# refused before connecting, a school gets a new BRIN and stays the same
# school (the old BRIN still finds it), merges, closes, keeps its history;
# DUO's file of school locations (tests/data, DUO's own column names) is
# read, bad rows as file:line, and a second run updates without duplicates.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH

screen_re() { tui_screen | grep -qE -- "$1"; }
vrije_brin() { # a BRIN no school of the demo has: NN + the letters given
	n=$(( $$ % 90 + 10 ))
	while [ "$(demo_psql "SELECT count(*) FROM balie.school WHERE brin = '$n$1'")" != 0 ]; do n=$(( n % 89 + 10 )); done
	echo "$n$1"
}
bg=$(printf '7%04d' $(( $$ % 10000 )))
bg2=$(printf '8%04d' $(( $$ % 10000 )))
kring="Peel $$"
A=$(vrije_brin TA)
N=$(vrije_brin TN)
M=$(vrije_brin TM)

# ---- refused before any connection (an unreachable database proves it)
nodb() { PGHOST=/nergens "$B" admin "$@" </dev/null >"$T/out" 2>&1; rc=$?; }
nodb school add PO2507 1234 --naam X --bestuur $bg
cli_expect "BRIN in de verkeerde vorm, vóór de verbinding" 2 "BRIN moet 2 cijfers en 2 letters zijn"
nodb school close PO2507 $A --per 31-02-2027
cli_expect "onmogelijke datum" 2 "31-02-2027 bestaat niet"
nodb bestuur add PO2507 --naam "Stichting X" --bg 123
cli_expect "bevoegd-gezagnummer van 3 cijfers" 2 "5 cijfers"
nodb school add PO2507 $A --naam X --bestuur $bg --soort basis
cli_expect "onbekende soort" 2 "onbekende soort 'basis'"

# ---- besturen and scholenkringen
cli_admin bestuur add PO2507 --naam "Stichting Test $$" --bg $bg --email fin@test.example
cli_expect "bestuur toegevoegd" 0 "Schoolbestuur $bg toegevoegd aan PO2507."
cli_admin bestuur add PO2507 --naam "Stichting Test $$" --bg $bg
cli_expect "hetzelfde bestuur nogmaals geweigerd" 2 "er is al een schoolbestuur"
cli_admin bestuur add PO2507 --naam "Stichting Twee $$" --bg $bg2
dorp="Testdorp $$"
cli_admin scholenkring add PO2507 "$kring" --gemeenten "Helmond; Deurne; Someren; Asten; $dorp"
cli_expect "scholenkring toegevoegd" 0 "Scholenkring $kring toegevoegd aan PO2507."
cli_admin scholenkring coordinator PO2507 "$kring" stromenland-secr
cli_expect "coördinator zonder die rol geweigerd" 2 "geen rol coördinator in PO2507"
cli_admin scholenkring coordinator PO2507 "$kring" stromenland
cli_expect "coördinator aangewezen (004 §7.1)" 0 "Coördinator van scholenkring $kring: stromenland."
cli_admin scholenkring list PO2507
if grep -q "^$kring .*stromenland .*Helmond; Deurne; Someren; Asten; $dorp" "$T/out"; then
	tap_ok "scholenkring list: coördinator en gemeenten"
else
	tap_fail "scholenkring list" "$(cat "$T/out")"
fi

# ---- a school's life: add, rename, new BRIN, merge, close
cli_admin school add PO2507 $A --naam "Basisschool Test A" --bestuur $bg --plaats Helmond --gemeente "$dorp" --per 1-8-2026
cli_expect "school toegevoegd (scholenkring uit de gemeente)" 0 "School $A toegevoegd aan PO2507."
check "  … in scholenkring $kring" [ "$(demo_psql "SELECT k.naam FROM balie.school s JOIN balie.scholenkring k ON k.id = s.scholenkring_id WHERE s.brin = '$A'")" = "$kring" ]
cli_admin school add PO2507 $A --naam "Dubbel" --bestuur $bg
cli_expect "dezelfde BRIN nogmaals geweigerd" 2 "er is al een school met BRIN $A"
cli_admin school add PO2507 $M --naam "Basisschool Test M" --bestuur "Stichting Test $$" --scholenkring "$kring"
cli_expect "tweede school, bestuur op naam" 0 "School $M toegevoegd"
id=$(demo_psql "SELECT id FROM balie.school WHERE brin = '$A'")
cli_admin school edit PO2507 $A --naam "IKC Test A" --bestuur $bg2 --per 1-1-2027
cli_expect "naam en bestuur gewijzigd" 0 "School $A: naam, bestuur gewijzigd per 01-01-2027."
cli_admin school brin PO2507 $A ${N}01 --per 1-8-2027
cli_expect "nieuwe BRIN" 0 "School $A heet voortaan ${N}01 (per 01-08-2027); $A blijft vindbaar."
check "  … dezelfde school (id $id)" [ "$(demo_psql "SELECT id FROM balie.school WHERE brin = '$N' AND vestiging = '01'")" = "$id" ]
cli_admin school show PO2507 $A
if [ "$rc" = 0 ] && grep -q "^School *${N}01 *IKC Test A" "$T/out" && grep -q "01-08-2027 brin *$A → ${N}01" "$T/out" \
   && grep -q "01-01-2027 naam *Basisschool Test A → IKC Test A" "$T/out" && grep -q "01-01-2027 bestuur *$bg → $bg2" "$T/out"; then
	tap_ok "show met de oude BRIN vindt de school, met haar geschiedenis"
else
	tap_fail "show oude BRIN" "$(cat "$T/out")"
fi
cli_admin school brin PO2507 ${N}01 $M
cli_expect "BRIN van een andere school: fusie voorgesteld" 2 "voeg de scholen samen"
# the merge lies ahead whatever today is (faketime-check): then the intake
# below still lists the school as open, with its former BRIN
FUSIEJAAR=$(( $(date +%Y) + 2 ))
cli_admin school merge PO2507 ${N}01 $M --per 1-8-$FUSIEJAAR
cli_expect "fusie" 0 "School ${N}01 is per 01-08-$FUSIEJAAR opgegaan in $M"
cli_admin school show PO2507 ${N}01
cli_expect "  … show: gesloten, opgegaan in" 0 "per 01-08-$FUSIEJAAR, opgegaan in $M"
cli_admin school close PO2507 ${N}01
cli_expect "een gesloten school nogmaals sluiten geweigerd" 2 "is al gesloten"
cli_admin school list PO2507
check "list zonder gesloten school" sh -c "grep -q '^$M ' '$T/out' && ! grep -q '^${N}01 ' '$T/out'"
cli_admin school list PO2507 --alle
check "list --alle met gesloten school" grep -q "^${N}01 *IKC Test A *gesloten 01-08-$FUSIEJAAR" "$T/out"
C=$(vrije_brin TC)
cli_admin school add PO2507 $C --naam "Basisschool Test C" --bestuur $bg --scholenkring "$kring" --plaats Helmond
cli_admin school close PO2507 $C
cli_expect "school vandaag gesloten" 0 "School $C gesloten per"

# in balie, at 80x24: the intake's school list finds a school by its former
# BRIN and marks a closed school
tui_demo intake 80 24
tui_login stromenland-secr demo
wait_for "Totaal" 20
tui_keys n
wait_for "Achternaam van de leerling" 5
tui_type "Testkind"
tui_keys Enter
wait_for "Geboortedatum (d-m-jjjj" 5
tui_type "1-2-2017"
tui_keys Enter
wait_for "nieuw dossier" 10
tui_keys Enter
wait_for "Roepnaam" 5
tui_type "Tim"
tui_keys Enter
wait_for "Kies de vaste titel" 10
tui_keys Enter
check "intake: schoolkeuze" wait_for "School van de leerling" 10
tui_type "$A"
wait_for "was $A" 5
check "de vroegere BRIN $A vindt IKC Test A" screen_re "IKC Test A +${N}01 .*was $A"
tui_keys C-u
tui_type "$C"
wait_for "Basisschool Test C" 5
check "een gesloten school staat erbij als gesloten" screen_re "Basisschool Test C +$C +Helmond +gesloten"
tui_keys C-x
tmux_ kill-session -t intake
TUI_CUR=

cli_admin school edit PO2507 $M --bestuur $bg2
cli_admin bestuur close PO2507 $bg2
cli_expect "bestuur met open school niet opgeheven" 2 "heeft nog open scholen"
cli_admin bestuur close PO2507 $bg2 --naar $bg --per 1-1-2029
cli_expect "bestuur opgeheven, scholen naar het andere" 0 "Schoolbestuur $bg2 opgeheven per 01-01-2029; 1 school(en) naar $bg"
check "  … school $M weer bij $bg" [ "$(demo_psql "SELECT b.bevoegd_gezag FROM balie.school s JOIN balie.schoolbestuur b ON b.id = s.schoolbestuur_id WHERE s.brin = '$M'")" = $bg ]
cli_admin scholenkring add PO2507 "Leeg $$"
cli_admin scholenkring close PO2507 "Leeg $$" --per 1-8-2027
cli_expect "lege scholenkring opgeheven" 0 "Scholenkring Leeg $$ opgeheven per 01-08-2027."
n=$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie IN ('school-add', 'school-edit', 'school-brin', 'school-merge',
	'bestuur-add', 'bestuur-close', 'scholenkring-add', 'scholenkring-coordinator', 'scholenkring-close')
	AND detail LIKE 'door %' AND detail NOT LIKE '%Test%'")
check "elke wijziging in de audit, zonder namen ($n)" [ "$n" -ge 11 ]

# ---- DUO's file of school locations
F=tests/data/duo-alle-vestigingen-bo.csv
BRINS="'91HX','92KL','93MN','94PQ','95RS'"
voor=$(demo_psql "SELECT count(*) FROM balie.school s JOIN balie.organisatie o ON o.id = s.organisatie_id WHERE o.code = 'PO2507' AND s.brin IN ($BRINS)")
cli_admin school import PO2507 $F
[ "$voor" = 0 ] && cli_expect "import: 5 nieuw, 1 buiten het gebied, 4 fout (status 1)" 1 \
	"$F: 5 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 buiten de scholenkringen van PO2507, 4 fout."
cli_expect "foute BRIN als bestand:regel" 1 "$F:6: BRIN NUMMER '9XHX' moet 2 cijfers en 2 letters zijn"
cli_expect "lege naam als bestand:regel" 1 "$F:7: VESTIGINGSNAAM leeg"
cli_expect "te kort bevoegd-gezagnummer als bestand:regel" 1 "$F:8: BEVOEGD GEZAG NUMMER '4148' moet 5 cijfers zijn"
cli_expect "te korte regel als bestand:regel" 1 "$F:9: 3 kolommen"
cli_admin school show PO2507 95RS00
cli_expect "Latin-1-regel als UTF-8 ingelezen" 0 "Basisschool De Kiëm"
cli_admin school show PO2507 94PQ
cli_expect "naam met ; tussen aanhalingstekens" 0 "Sint-Jozefschool; locatie Zuid"
cli_admin school show PO2507 92KL
cli_expect "onbekend bevoegd gezag als bestuur toegevoegd (aanname)" 0 "59999 Bevoegd gezag 59999"
cli_admin school import PO2507 $F
cli_expect "tweede keer: niets nieuw" 1 "$F: 0 nieuw, 0 bijgewerkt, 5 ongewijzigd"
sed 's/Basisschool De Vlinder;/Basisschool De Vlinder (nieuw gebouw);/' $F >"$T/duo.csv"
cli_admin school import PO2507 "$T/duo.csv"
cli_expect "gewijzigde naam: bijgewerkt" 1 "0 nieuw, 1 bijgewerkt, 4 ongewijzigd"
check "nooit dubbel: 5 scholen met deze BRIN's" [ "$(demo_psql "SELECT count(*) FROM balie.school s JOIN balie.organisatie o ON o.id = s.organisatie_id WHERE o.code = 'PO2507' AND s.brin IN ($BRINS)")" = 5 ]
cli_admin school show PO2507 91HX
cli_expect "twee vestigingen: vraagt het vestigingsnummer" 2 "BRIN 91HX heeft 2 vestigingen"
cli_admin school show PO2507 91HX00
cli_expect "  … de naamswijziging in de geschiedenis" 0 "naam         Basisschool De Vlinder → Basisschool De Vlinder (nieuw gebouw)"
printf 'naam;plaats\nx;y\n' >"$T/geen.csv"
cli_admin school import PO2507 "$T/geen.csv"
cli_expect "geen DUO-bestand" 2 "$T/geen.csv:1: geen DUO-bestand van schoolvestigingen: kolom BRIN NUMMER"
cli_admin school import PO9999 $F
cli_expect "onbekende organisatie" 2 "organisatie PO9999 bestaat niet"
tap_done
