#!/bin/sh
# 09_sessie_test.sh — a session the database ends (issue 12 §3): an account
# logged in in one balie process is blocked from another process (the
# admin's `balie admin user block`); within 5 seconds the first screen has
# left the pupil data and says why.  Then `balie admin sessions end` does
# the same for a fresh login, and the database keeps a session row with
# host and times, never the token.  Uses an account of its own.
. "$(dirname "$0")/lib.sh"

user=sessietest
pass=Korenbloem-Dijk-7312
added=$(cd "$TUI_ROOT" && eval "$("$TUI_BALIE" demo --env)" &&
	printf '%s\n' "$pass" | "$TUI_BALIE" admin user add "$user" --naam "Sanne Sessie" \
		--organisatie PO3008 --rol secretariaat 2>&1)
if [ "$(demo_psql "SELECT count(*) FROM balie.account WHERE username = '$user'")" = 1 ]; then
	tap_ok "testaccount aangemaakt"
else
	tap_fail "testaccount aangemaakt" "$added"
fi
admin() { (cd "$TUI_ROOT" && eval "$("$TUI_BALIE" demo --env)" && "$TUI_BALIE" admin "$@" 2>&1); }

tui_demo sessie 80 24
tui_login "$user" "$pass"
check "ingelogd: het overzicht" wait_for "Hulpvragen per statuscategorie" 20
check "een open sessierij met host en einde na 12 uur" [ "$(demo_psql "SELECT count(*) FROM balie.sessie s
	JOIN balie.account a ON a.id = s.account_id WHERE a.username = '$user' AND s.beeindigd IS NULL
	AND s.soort = 'tui' AND s.host <> '' AND s.verloopt BETWEEN now() + interval '11 hours' AND now() + interval '12 hours'")" = 1 ]
check "het token staat nergens leesbaar in de database" [ "$(demo_psql "SELECT count(*) FROM balie.sessie
	WHERE length(token_sha256) = 32")" -ge 1 ]
out=$(admin sessions list "$user")
check "admin sessions list toont de sessie" sh -c "printf '%s' \"$out\" | grep -q '^$user *tui'"

t0=$(date +%s)
admin user block "$user" >/dev/null
check "na een blokkade: binnen 5 s terug naar aanmelden, met de reden" wait_for "account geblokkeerd" 5
t1=$(date +%s)
check "geen leerlinggegevens meer op het scherm" screen_lacks "Hulpvragen per statuscategorie"
echo "# blokkade tot scherm: $((t1 - t0)) s"
admin user unblock "$user" >/dev/null

tui_login "$user" "$pass"
check "opnieuw ingelogd na deblokkeren" wait_for "Hulpvragen per statuscategorie" 20
out=$(admin sessions end "$user")
check "admin sessions end: 1 sessie beëindigd ($out)" sh -c "printf '%s' \"$out\" | grep -q '^1 sessie van $user'"
check "het scherm zegt: beëindigd door de beheerder" wait_for "door de beheerder" 5
check "auditrij sessies-beeindigd" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie = 'sessies-beeindigd'
	AND object_id = (SELECT id FROM balie.account WHERE username = '$user')")" = 1 ]
tui_keys F10
rc=$(wait_exit 10)
check "F10 sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
