#!/bin/sh
# 90_blocked_test.sh — five wrong passwords block an account: the sixth try,
# even with the right password, says the account is blocked.  Uses an
# account of its own (balie admin user add), so other tests are not affected.
. "$(dirname "$0")/lib.sh"

user=blokkeertest
pass=Zonnebloem-Kade-4821
added=$(cd "$TUI_ROOT" && eval "$("$TUI_BALIE" demo --env)" &&
	printf '%s\n' "$pass" | "$TUI_BALIE" admin user add "$user" --naam "Bram Blokker" \
		--organisatie PO3008 --rol secretariaat 2>&1)
account_exists() {
	[ "$(demo_psql "SELECT count(*) FROM balie.account WHERE username = '$user'")" = 1 ]
}
if account_exists; then
	tap_ok "testaccount aangemaakt"
else
	tap_fail "testaccount aangemaakt" "$added"
fi

tui_demo blocked 100 30
tui_login "$user" fout-1
check "fout wachtwoord 1 geweigerd" wait_for "onjuist" 20
for i in 2 3 4 5; do
	tui_type "fout-$i"
	tui_keys Enter
	wait_gone "Bezig met aanmelden" 10
	wait_for "onjuist" 10 || wait_for "geblokkeerd" 1
done
tui_type "$pass"
tui_keys Enter
check "na 5 fouten: account geblokkeerd, ook met het goede wachtwoord" wait_for "geblokkeerd" 10
check "geblokkeerd: geen overzicht" screen_lacks "Hulpvragen per statuscategorie"
tui_keys F10
rc=$(wait_exit 10)
check "F10 sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
