#!/bin/sh
# 55_agenda_beheer_cli_test.sh — the agenda's configuration by the
# administrator against the demo database: `balie admin commissie` adds,
# changes (a number not given stays), lists and removes a commissie (one
# with meetings is refused: they keep their history); `balie admin regio`
# shows and sets the schoolvakantie regio; `balie admin verlengdeadline`
# sets the yearly deadline for TLV-verlengingen and says the old one; bad
# input gets a Dutch message and changes nothing; every change is in the
# audit log.  Counted from what this test itself did; the demo's values are
# put back.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
eval "$("$B" demo --env)"
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
AUDIT0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.audit_log")

cli_run "$B" admin commissie list PO3008
cli_expect "list: de commissies van de demo" 0 "Commissie van Toelaatbaarheid"
cli_run "$B" admin commissie set PO3008 PCL/ZAT "Permanente commissie leerlingenzorg" --deadline 3 --toegang 7
cli_expect "set: een nieuwe commissie" 0 "PO3008 PCL/ZAT: Permanente commissie leerlingenzorg, deadline 3 werkdagen, toegang 7 dagen (nieuw)"
cli_run "$B" admin commissie set PO3008 PCL/ZAT "PCL/ZAT"
cli_expect "set zonder getallen: naam gewijzigd, getallen blijven" 0 "PO3008 PCL/ZAT: PCL/ZAT, deadline 3 werkdagen, toegang 7 dagen (gewijzigd)"
check "in de database" [ "$(demo_psql "SELECT naam || '/' || deadline_werkdagen || '/' || toegang_dagen FROM balie.commissie
	WHERE organisatie_id = $ORG AND code = 'PCL/ZAT'")" = "PCL/ZAT/3/7" ]
cli_run "$B" admin commissie set PO3008 "CT<script>" "x"
cli_expect "een code met vreemde tekens: geweigerd" 2 "Code \"CT<script>\": 1 tot 40 letters"
cli_run "$B" admin commissie set PO3008 AB "x" --deadline 61
cli_expect "--deadline 61: geweigerd" 2 "--deadline moet tussen 0 en 60 liggen"
cli_run "$B" admin commissie set PO9999 AB "x"
cli_expect "onbekende organisatie: geweigerd" 2 "organisatie PO9999 bestaat niet"
check "niets bewaard van de weigeringen" [ "$(demo_psql "SELECT count(*) FROM balie.commissie WHERE code IN ('AB', 'CT<script>')")" = 0 ]
cli_run "$B" admin commissie remove PO3008 CT
cli_expect "remove van een commissie met vergaderingen: geweigerd" 2 "die blijven bewaard"
cli_run "$B" admin commissie remove PO3008 PCL/ZAT
cli_expect "remove" 0 "PO3008 PCL/ZAT: verwijderd"
cli_run "$B" admin commissie remove PO3008 PCL/ZAT
cli_expect "nog eens remove: status 1" 1 "geen commissie PCL/ZAT bij PO3008"

REGIO=$(demo_psql "SELECT coalesce(regio, 'geen') FROM balie.organisatie WHERE id = $ORG")
cli_run "$B" admin regio PO3008
cli_expect "regio tonen ($REGIO)" 0 "PO3008: regio $REGIO"
cli_run "$B" admin regio PO3008 noord
cli_expect "regio zetten" 0 "PO3008: regio noord (reeksen slaan de schoolvakanties van die regio over)"
check "in de database" [ "$(demo_psql "SELECT regio FROM balie.organisatie WHERE id = $ORG")" = noord ]
cli_run "$B" admin regio PO3008 west
cli_expect "een regio die niet bestaat: geweigerd" 2 "regio \"west\" bestaat niet"
cli_run "$B" admin regio PO3008 "$REGIO"
cli_expect "terug naar $REGIO" 0 "PO3008: regio $REGIO"

JAAR=$(demo_psql "SELECT extract(year FROM current_date - interval '7 months')::int")
SJ="$JAAR-$((JAAR + 1))"
OUD=$(demo_psql "SELECT coalesce(to_char(datum, 'DD-MM-YYYY'), '') FROM balie.verlenging_deadline
	WHERE organisatie_id = $ORG AND schooljaar = $JAAR")
cli_run "$B" admin verlengdeadline set PO3008 "$SJ" "15-03-$((JAAR + 1))"
cli_expect "verlengdeadline set: zegt de oude" 0 "PO3008 $SJ: verlengingen uiterlijk 15-03-$((JAAR + 1)) (${OUD:+was $OUD}"
cli_run "$B" admin verlengdeadline list PO3008
cli_expect "list" 0 "PO3008  $SJ  15-03-$((JAAR + 1))"
cli_run "$B" admin verlengdeadline set PO3008 "$SJ" "01-09-$((JAAR + 1))"
cli_expect "een datum buiten het schooljaar: geweigerd" 2 "ligt niet in schooljaar $SJ"
cli_run "$B" admin verlengdeadline set PO3008 "$SJ" "31-02-$((JAAR + 1))"
cli_expect "31-02: geweigerd" 2 "bestaat niet"
check "de geweigerde datums veranderden niets" [ "$(demo_psql "SELECT to_char(datum, 'DD-MM-YYYY') FROM balie.verlenging_deadline
	WHERE organisatie_id = $ORG AND schooljaar = $JAAR")" = "15-03-$((JAAR + 1))" ]
if [ -n "$OUD" ]; then
	cli_run "$B" admin verlengdeadline set PO3008 "$SJ" "$OUD"
	cli_expect "terug naar $OUD" 0 "was 15-03-$((JAAR + 1))"
else
	cli_run "$B" admin verlengdeadline remove PO3008 "$SJ"
	cli_expect "weer weg" 0 "verwijderd"
fi
check "elke wijziging staat in de audit" [ "$(demo_psql "SELECT count(*) >= 7 FROM balie.audit_log WHERE id > $AUDIT0
	AND object IN ('commissie', 'organisatie', 'verlenging_deadline') AND actie LIKE 'config-%'")" = t ]
tap_done
