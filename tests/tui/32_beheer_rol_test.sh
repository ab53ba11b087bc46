#!/bin/sh
# 32_beheer_rol_test.sh — `balie admin user edit` and `user rol add|remove`
# (issue 13 §6): a name and e-mail address changed without a password
# prompt and audited without the values; one username with roles in two
# organisaties (003: PO2811 and VO2805; here PO3008 and PO2507 of the
# demo) logs in to either with its role there; the last role and the role
# of a scholenkring's coördinator are not taken.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH

u=twee$$
echo "lange zin als wachtwoord" >"$T/in"
cli_admin user add $u --naam "Tessa Twee" --organisatie PO3008 --rol secretariaat
cli_expect "account aangemaakt" 0 "Account $u aangemaakt"
: >"$T/in"

cli_admin user edit $u --naam "Tessa van Twee" --email t.twee@swv.example
cli_expect "edit: naam en e-mail" 0 "Account $u: naam en e-mail gewijzigd."
check "  … in de database" [ "$(demo_psql "SELECT naam || '|' || email FROM balie.account WHERE username = '$u'")" = "Tessa van Twee|t.twee@swv.example" ]
cli_admin user edit $u --email geen-adres
cli_expect "edit: ongeldig e-mailadres geweigerd" 2 "mailadres"
cli_admin user edit $u --email -
cli_expect "edit: e-mailadres weg met -" 0 "e-mail gewijzigd"
check "  … e-mail is leeg" [ -z "$(demo_psql "SELECT email FROM balie.account WHERE username = '$u'")" ]
cli_admin user edit onbekend$$ --naam X
cli_expect "edit: onbekend account" 2 "account 'onbekend$$' bestaat niet"
check "user-edit in de audit zonder de naam" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l JOIN balie.account a ON a.id = l.object_id
	WHERE l.actie = 'user-edit' AND a.username = '$u' AND l.detail LIKE 'door %' AND l.detail NOT LIKE '%Twee%'")" = 2 ]

cli_admin user rol add $u --organisatie PO2507 --rol coördinator
cli_expect "rol erbij in een tweede organisatie" 0 "$u heeft nu de rol coordinator in PO2507."
cli_admin user rol add $u --organisatie PO2507 --rol coordinator
cli_expect "dezelfde rol nogmaals geweigerd" 2 "heeft de rol coordinator in PO2507 al"
cli_admin user rol add $u --organisatie PO2507 --rol directeur
cli_expect "onbekende rol geweigerd" 2 "onbekende rol 'directeur'"
cli_admin user list
if grep -q "^$u .*PO2507:coordinator, PO3008:secretariaat" "$T/out"; then
	tap_ok "list: één account met rollen in twee organisaties"
else
	tap_fail "list twee organisaties" "$(cat "$T/out")"
fi

# one account, one password: the organisatie is the one balie runs for
# (balie.conf or --organisatie), with the role it has there
for o in PO3008:secretariaat PO2507:coordinator; do
	tui_start "rol${o%%:*}" 80 24 "$B" --organisatie "${o%%:*}" demo
	tui_login "$u" "lange zin als wachtwoord"
	if wait_for "Organisatie   ${o%%:*}" 15 && screen_has "Rol           ${o#*:}"; then
		tap_ok "aanmelden in ${o%%:*} als ${o#*:} met dezelfde gebruikersnaam"
	else
		tap_fail "aanmelden in ${o%%:*}"
	fi
	tmux_ kill-session -t "rol${o%%:*}"
done
TUI_CUR=

cli_admin user rol remove $u --organisatie PO3008
cli_expect "alle rollen in PO3008 weg" 0 "$u heeft geen rol meer in PO3008."
cli_admin user rol remove $u --organisatie PO2507 --rol coordinator
cli_expect "de laatste rol wordt niet afgenomen" 2 "geen enkele rol meer"
# the coördinator of a scholenkring keeps that role until another is named
kring=$(demo_psql "SELECT k.naam || '|' || a.username FROM balie.scholenkring k JOIN balie.account a ON a.id = k.coordinator_id
	JOIN balie.organisatie o ON o.id = k.organisatie_id WHERE o.code = 'PO2507' ORDER BY k.id LIMIT 1")
cli_admin scholenkring coordinator PO2507 "${kring%%|*}" $u
cli_expect "coördinator van een scholenkring aangewezen" 0 "Coördinator van scholenkring ${kring%%|*}: $u."
cli_admin user rol add $u --organisatie PO2507 --rol secretariaat
cli_admin user rol remove $u --organisatie PO2507 --rol coordinator
cli_expect "rol coördinator van een scholenkring niet afgenomen" 2 "$u is coördinator van scholenkring ${kring%%|*}"
cli_admin scholenkring coordinator PO2507 "${kring%%|*}" "${kring#*|}"
cli_expect "oorspronkelijke coördinator terug" 0 "${kring#*|}."
cli_admin user rol remove $u --organisatie PO2507 --rol coordinator
cli_expect "daarna wel" 0 "$u heeft de rol coordinator in PO2507 niet meer."
check "rolwijzigingen in de audit" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l JOIN balie.account a ON a.id = l.object_id
	WHERE l.actie IN ('user-rol-add', 'user-rol-remove') AND a.username = '$u'")" = 4 ]
tap_done
