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
DEMO_ENV=$("$B" demo --env)

out_has() { grep -qF -- "$1" "$T/out"; }
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && out_has "$3"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$T/out")"
	fi
}
admin() { # balie admin … against the demo db, stdin from $T/in
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	 "$B" admin "$@" <"$T/in" >"$T/out" 2>&1; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
}
u=ib$$

echo "kort" >"$T/in"
admin user add $u --naam "Ineke Bos" --organisatie PO9999 --rol coördinator
expect "onbekende organisatie vóór het wachtwoord geweigerd" 2 "organisatie 'PO9999' bestaat niet"
check "  … en het wachtwoord is niet gelezen" sh -c "! grep -q 'minstens 12' '$T/out'"
admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol directeur
expect "onbekende rol vóór het wachtwoord geweigerd" 2 "onbekende rol 'directeur'"
admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol secretariaat --email geen-adres
expect "ongeldig e-mailadres vóór het wachtwoord geweigerd" 2 "mailadres"
admin user add coordinator --naam "Dubbel" --organisatie PO3008 --rol secretariaat
expect "bestaande gebruikersnaam vóór het wachtwoord geweigerd" 2 "'coordinator' is al in gebruik"
check "geen van de weigeringen maakte een account" [ "$(demo_psql "SELECT count(*) FROM balie.account WHERE username = '$u'")" = 0 ]

echo "lange zin als wachtwoord" >"$T/in"
admin user add $u --naam "Ineke Bos" --organisatie PO3008 --rol coördinator --totp
expect "--rol coördinator (met trema) aanvaard" 0 "Account $u aangemaakt (coordinator in PO3008)"
check "  … de rol is coordinator" [ "$(demo_psql "SELECT r.rol FROM balie.account_rol r JOIN balie.account a ON a.id = r.account_id WHERE a.username = '$u'")" = coordinator ]
issuer=$(demo_psql "SELECT replace(naam, ' ', '%20') FROM balie.organisatie WHERE code = 'PO3008'")
expect "TOTP-uitgever is de naam van de organisatie" 0 "issuer=$issuer"
: >"$T/in"
admin user totp-reset $u
expect "totp-reset: uitgever ook de naam van de organisatie" 0 "issuer=$issuer"

# a login at 10:00 UTC on 1 July is 12:00 in Amsterdam (summer time), one in
# January at 10:00 UTC is 11:00
demo_psql "UPDATE balie.account SET last_login = '2026-07-01 10:00+00' WHERE username = '$u'"
admin user list --organisatie PO3008
if [ "$rc" -eq 0 ] && grep -q "^$u .*01-07-2026 12:00" "$T/out"; then
	tap_ok "user list: laatste login in Nederlandse zomertijd"
else
	tap_fail "user list zomertijd" "$(cat "$T/out")"
fi
demo_psql "UPDATE balie.account SET last_login = '2027-01-15 10:00+00' WHERE username = '$u'"
admin user list --organisatie PO3008
if [ "$rc" -eq 0 ] && grep -q "^$u .*15-01-2027 11:00" "$T/out"; then
	tap_ok "user list: laatste login in Nederlandse wintertijd"
else
	tap_fail "user list wintertijd" "$(cat "$T/out")"
fi
tap_done
