#!/bin/sh
# 34_beheer_overdracht_test.sh — the staff handover of 000's FAQ ("Wat te
# doen bij een personeelwissel?") in one audited step: `balie admin
# overdracht` with --proef counts and changes nothing; then every open
# hulpvraag the demo's IB'er (account school) asked at her school gets the
# new IB'er as aanvrager (account, name, e-mail: where the status mails go),
# closed ones stay; who works there from when is recorded; the new IB'er
# logs in at 80x24 and finds them under "Mijn aanvragen (open)".  At the end
# the hulpvragen go back the same way, so later tests see the demo as it was.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH

open_van() { # open hulpvragen whose aanvrager is account $1
	demo_psql "SELECT count(*) FROM balie.hulpvraag h JOIN balie.flow_status f ON f.aanvraagtype_id = h.aanvraagtype_id
		AND f.naam = h.status JOIN balie.account a ON a.id = h.aanvrager_id WHERE a.username = '$1' AND NOT f.eindstatus"
}
dicht_van() {
	demo_psql "SELECT count(*) FROM balie.hulpvraag h JOIN balie.flow_status f ON f.aanvraagtype_id = h.aanvraagtype_id
		AND f.naam = h.status JOIN balie.account a ON a.id = h.aanvrager_id WHERE a.username = '$1' AND f.eindstatus"
}

S=$(demo_psql "SELECT s.brin || coalesce(s.vestiging, '') FROM balie.account_school x JOIN balie.school s ON s.id = x.school_id
	JOIN balie.account a ON a.id = x.account_id WHERE a.username = 'school' LIMIT 1")
OPEN=$(open_van school)
DICHT=$(dicht_van school)
check "demodata: de IB'er (school) op $S heeft open hulpvragen ($OPEN) en afgeronde ($DICHT)" [ "${OPEN:-0}" -gt 0 ]
ib=ib$$
echo "lange zin als wachtwoord" >"$T/in"
cli_admin user add $ib --naam "Nieuwe IB'er" --email nieuw.ib@school.example --organisatie PO3008 --rol aanvrager
cli_expect "nieuwe IB'er aangemaakt" 0 "Account $ib aangemaakt (aanvrager in PO3008)"
: >"$T/in"
cli_admin school medewerker PO3008 $S school --vanaf 1-8-2020
cli_expect "de IB'er werkt op de school vanaf 2020" 0 "school werkt vanaf 01-08-2020 op school $S."

cli_admin overdracht PO3008 $S --van school --naar secretariaat --per 1-2-2027
cli_expect "naar een account zonder rol aanvrager: geweigerd" 2 "secretariaat heeft geen rol aanvrager in PO3008"
cli_admin overdracht PO3008 12 --van school --naar $ib
cli_expect "ongeldige BRIN vóór de verbinding" 2 "BRIN moet"
cli_admin overdracht PO3008 $S --van school --naar $ib --per 1-2-2027 --proef
cli_expect "proef: zegt hoeveel" 0 "Proef: $OPEN open hulpvragen van school op school $S zouden naar $ib gaan; er is niets gewijzigd."
check "  … en wijzigt niets" [ "$(open_van school)/$(open_van $ib)" = "$OPEN/0" ]

cli_admin overdracht PO3008 $S --van school --naar $ib --per 1-2-2027
cli_expect "overdracht" 0 "Overdracht per 01-02-2027: $ib werkt op school $S in plaats van school; $OPEN open hulpvragen overgezet."
check "open hulpvragen bij de nieuwe IB'er ($OPEN)" [ "$(open_van $ib)" = "$OPEN" -a "$(open_van school)" = 0 ]
check "afgeronde blijven bij wie ze aanvroeg ($DICHT)" [ "$(dicht_van school)" = "$DICHT" -a "$(dicht_van $ib)" = 0 ]
check "statusmails gaan naar het nieuwe adres" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag h JOIN balie.account a ON a.id = h.aanvrager_id
	WHERE a.username = '$ib' AND h.aanvrager_email = 'nieuw.ib@school.example' AND h.aanvrager_naam = 'Nieuwe IB''er'")" = "$OPEN" ]
cli_admin school show PO3008 $S
if grep -q "^01-08-2020 *31-01-2027 *school " "$T/out" && grep -q "^01-02-2027 *nu *$ib " "$T/out"; then
	tap_ok "wie werkt er vanaf wanneer"
else
	tap_fail "medewerkers" "$(cat "$T/out")"
fi
check "één auditregel per hulpvraag, zonder namen" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log
	WHERE actie = 'overdracht-hulpvraag' AND detail LIKE '% → ' || (SELECT id FROM balie.account WHERE username = '$ib')
	AND detail NOT LIKE '%IB''er%'")" = "$OPEN" ]

# the new IB'er sees them in balie, at 80x24
tui_demo ib 80 24
tui_login $ib "lange zin als wachtwoord"
wait_for "Totaal" 20
figure=$(tui_screen | grep -F "Mijn aanvragen (open)" | head -1 | sed 's/.* \([0-9.][0-9.]*\)$/\1/' | tr -d .)
check "Mijn aanvragen (open) van de nieuwe IB'er: $figure = $OPEN" [ "$figure" = "$OPEN" ]
tmux_ kill-session -t ib
TUI_CUR=

# and back, so the demo is as it was for the tests after this one
cli_admin overdracht PO3008 $S --van $ib --naar school --per 2-2-2027
cli_expect "terug naar de IB'er van de demo" 0 "$OPEN open hulpvragen overgezet"
check "  … alles terug" [ "$(open_van school)/$(open_van $ib)" = "$OPEN/0" ]
tap_done
