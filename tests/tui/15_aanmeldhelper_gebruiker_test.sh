#!/bin/sh
# 15_aanmeldhelper_gebruiker_test.sh — issue 12 §1: the auth helper and the
# session process as two Unix users of their own, set up as balie-admin(8)
# says, so what is tested is what is deployed.  balie-auth runs `balie
# authd` with a config and a TOTP key only it can read; balie-svc runs the
# program of the staff, which reaches PostgreSQL only as balie_app and the
# helper only through its socket.  balie-svc cannot read the helper's
# files, cannot be balie_auth or the superuser, and sees no row without a
# session; yet through the helper a person with tweestapsverificatie logs
# in (the helper opens the sealed secret with its own copy of the key).
# Its own account: a TOTP code is accepted once, so sharing the demo's
# totp account with test 20 failed within one 30-second step.
# Needs root (it creates the users); elsewhere it skips.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
	tap_ok "# SKIP niet als root (of zonder useradd/runuser): de eigen Unix-gebruikers niet getest"
	tap_done
	exit $?
fi

for u in balie-auth balie-svc; do
	id -u "$u" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$u"
done
check "Unix-gebruikers balie-auth en balie-svc bestaan" id -u balie-svc

# "installed": the binary and its data files where both users can read them
A=$(mktemp -d /tmp/balie-gebruikers.XXXXXX)
chmod 0755 "$A"
mkdir -p "$A/bin" "$A/etc" "$A/run" "$A/svc"
cp "$TUI_ROOT/${TUI_BALIE#./}" "$A/bin/balie"
cp -r "$TUI_ROOT/forms" "$TUI_ROOT/keymaps" "$A/bin/"
chmod -R a+rX "$A/bin"
HELPER_PID=
stop_helper() {
	[ -n "$HELPER_PID" ] && kill "$HELPER_PID" 2>/dev/null
	rm -rf "$A"
	tui_cleanup
}
trap stop_helper EXIT

# the helper's own files: its credential (peer: no password needed) and key
cat >"$A/etc/auth.conf" <<EOF
auth_conninfo = "host=$BALIE_DEMO_DIR dbname=balie_demo user=balie_auth";
totp_sleutel = "$A/etc/totp.key";
EOF
cp "$BALIE_DEMO_DIR/totp.key" "$A/etc/totp.key"
chown -R balie-auth: "$A/etc"
chmod 0700 "$A/etc"
chmod 0600 "$A/etc/auth.conf"
chmod 0400 "$A/etc/totp.key"
# the socket's folder: the helper's, the session processes' group may enter;
# the helper runs with that group (systemd Group=balie-svc), so its socket
# (mode 0660) is theirs to connect to
chown balie-auth:balie-svc "$A/run"
chmod 0750 "$A/run"
cat >"$A/svc/balie.conf" <<EOF
conninfo = "host=$BALIE_DEMO_DIR dbname=balie_demo user=balie_app";
auth_socket = "$A/run/auth.sock";
EOF
chmod 0644 "$A/svc/balie.conf"

runuser -u balie-auth -g balie-svc -- env BALIE_CONFIG="$A/etc/auth.conf" "$A/bin/balie" authd --socket "$A/run/auth.sock" \
	>"$TUI_SCRATCH/authd.log" 2>&1 &
HELPER_PID=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	[ -S "$A/run/auth.sock" ] && break
	sleep 0.25
done
check "de helper luistert, als balie-auth" [ -S "$A/run/auth.sock" ]
check "  … de socket is van balie-auth" [ "$(stat -c %U "$A/run/auth.sock")" = balie-auth ]

als_svc() { runuser -u balie-svc -- "$@" 2>&1; }
# the session process's user cannot read what the helper holds
check "balie-svc kan de configuratie van de helper niet lezen" sh -c "! runuser -u balie-svc -- cat '$A/etc/auth.conf' >/dev/null 2>&1"
check "balie-svc kan de TOTP-sleutel niet lezen" sh -c "! runuser -u balie-svc -- cat '$A/etc/totp.key' >/dev/null 2>&1"
# … nor be the auth role or the superuser in the database (pg_hba: peer)
geweigerd() { # ROLE: balie-svc's connection as ROLE is refused by pg_hba
	case $(als_svc psql -X -A -t -h "$BALIE_DEMO_DIR" -d balie_demo -U "$1" -c "SELECT 1") in
	*"Peer authentication failed"*) return 0 ;;
	*) return 1 ;;
	esac
}
check "balie-svc kan niet als balie_auth verbinden" geweigerd balie_auth
check "balie-svc kan niet als superuser verbinden" geweigerd postgres
# … and as balie_app, without a session token, sees nothing
out=$(als_svc psql -X -A -t -h "$BALIE_DEMO_DIR" -d balie_demo -U balie_app \
	-c "SELECT count(*) FROM balie.hulpvraag" -c "SELECT count(*) FROM balie.dossier")
if [ "$(printf '%s' "$out" | tr '\n' ' ')" = "0 0" ]; then
	tap_ok "balie-svc als balie_app zonder sessie: geen hulpvragen en geen dossiers"
else
	tap_fail "balie-svc als balie_app zonder sessie: geen hulpvragen en geen dossiers" "$out"
fi
# a user outside the group cannot even reach the socket
check "een ander (nobody) kan de socket niet bereiken" sh -c "! runuser -u nobody -- test -e '$A/run/auth.sock'"

# a person of its own with tweestapsverificatie (not the demo's totp: a
# code is accepted once, and test 20 logs that one in within the same
# 30 seconds), its secret sealed with the demo's key by the admin verb
U15=hulp$$
echo "lange zin als wachtwoord" >"$TUI_SCRATCH/in"
cli_admin user add "$U15" --naam "Helper Test" --organisatie PO3008 --rol secretariaat --totp
cli_expect "account met tweestapsverificatie voor deze test" 0 "otpauth://totp/"
secret=$(sed -n 's/^TOTP-geheim voor [^:]*: //p' "$TUI_SCRATCH/out")

# the staff's program as balie-svc, logging in with password and code
tui_start svc 80 24 "runuser -u balie-svc -- env BALIE_CONFIG='$A/svc/balie.conf' LANG=C.UTF-8 TERM=\$TERM '$A/bin/balie'"
tui_login "$U15" "lange zin als wachtwoord"
check "na het wachtwoord (via de helper) volgt het codeveld" wait_for "Code uit je authenticator-app" 20
tui_type "$(oathtool --totp -b "$secret")"
tui_keys Enter
check "de helper opent het verzegelde geheim met zijn sleutel: ingelogd" wait_for "Hulpvragen per statuscategorie" 20
SVC_UID=$(id -u balie-svc)
check "het programma draait als balie-svc" sh -c "ps -o uid= -C balie | grep -qw $SVC_UID"
check "de sessie staat in de database, van de helper" [ "$(demo_psql "SELECT count(*) FROM balie.sessie s
	JOIN balie.account a ON a.id = s.account_id WHERE a.username = '$U15' AND s.beeindigd IS NULL")" -ge 1 ]
tui_keys q
wait_for "balie afsluiten?" 5 && tui_keys Enter
rc=$(wait_exit 10)
check "balie sluit af" [ "$rc" = 0 ]
tap_done
