#!/bin/sh
# 31_beheer_user_test.sh — `balie admin user` as a rollout needs it (issue
# 13 §6): the arguments are refused before the password is read (stdin
# holds a password that is too short: its message would come first
# otherwise), "coördinator" with its diaeresis is the role coordinator,
# the TOTP issuer is the organisation's name and `user list` shows the
# last login in Dutch local time.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH

u=ib$$

echo "kort" >"$T/in"
cli_admin user add $u --naam "Ineke Bos" --organisatie PO9999 --rol coördinator
cli_expect "onbekende organisatie vóór het wachtwoord geweigerd" 2 "organisatie 'PO9999' bestaat niet"
check "  … en het wachtwoord is niet gelezen" sh -c "! grep -q 'minstens 12' '$T/out'"
cli_admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol directeur
cli_expect "onbekende rol vóór het wachtwoord geweigerd" 2 "onbekende rol 'directeur'"
cli_admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol secretariaat --email geen-adres
cli_expect "ongeldig e-mailadres vóór het wachtwoord geweigerd" 2 "mailadres"
cli_admin user add coordinator --naam "Dubbel" --organisatie PO3008 --rol secretariaat
cli_expect "bestaande gebruikersnaam vóór het wachtwoord geweigerd" 2 "'coordinator' is al in gebruik"
check "geen van de weigeringen maakte een account" [ "$(demo_psql "SELECT count(*) FROM balie.account WHERE username = '$u'")" = 0 ]

echo "lange zin als wachtwoord" >"$T/in"
cli_admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol coördinator --totp
cli_expect "--rol coördinator (met trema) aanvaard" 0 "Account $u aangemaakt (coordinator in PO3008)"
check "  … de rol is coordinator" [ "$(demo_psql "SELECT r.rol FROM balie.account_rol r JOIN balie.account a ON a.id = r.account_id WHERE a.username = '$u'")" = coordinator ]
issuer=$(demo_psql "SELECT replace(naam, ' ', '%20') FROM balie.organisatie WHERE code = 'PO3008'")
cli_expect "TOTP-uitgever is de naam van de organisatie" 0 "issuer=$issuer"
: >"$T/in"
cli_admin user totp-reset $u
cli_expect "totp-reset: uitgever ook de naam van de organisatie" 0 "issuer=$issuer"

# a login at 10:00 UTC on 1 July is 12:00 in Amsterdam (summer time), one in
# January at 10:00 UTC is 11:00
for t in "2026-07-01|01-07-2026 12:00|zomertijd" "2027-01-15|15-01-2027 11:00|wintertijd"; do
	demo_psql "UPDATE balie.account SET last_login = '${t%%|*} 10:00+00' WHERE username = '$u'"
	cli_admin user list --organisatie PO3008
	toon=${t#*|}
	if [ "$rc" -eq 0 ] && grep -q "^$u .*${toon%|*}" "$T/out"; then
		tap_ok "user list: laatste login in Nederlandse ${t##*|}"
	else
		tap_fail "user list ${t##*|}" "$(cat "$T/out")"
	fi
done
tap_done
