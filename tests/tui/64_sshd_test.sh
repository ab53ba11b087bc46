#!/bin/sh
# 64_sshd_test.sh — issue 14 §3 end to end against a real OpenSSH server
# started here on 127.0.0.1 with its own config, host key and user key, for
# the user running the test, with `balie ssh-toegang` as its ForceCommand
# (as balie-admin(8) says): sftp puts a PDF into the uitwisselmap, balie over
# ssh adds it as a bijlage and exports another there, sftp gets it back;
# legacy scp, a command and "../" are refused.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
BALIE_ABS="$TUI_ROOT/${TUI_BALIE#./}"
ME=$(id -un)

if [ ! -x /usr/sbin/sshd ]; then
	tap_fail "sshd ontbreekt (make deps installeert openssh-server)"
	tap_done
fi
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd # sshd's privilege separation directory
mkdir -p "$T/root" "$T/pc"
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" -C balie-test-host
ssh-keygen -q -t ed25519 -N '' -f "$T/userkey" -C balie-test-user
cp "$T/userkey.pub" "$T/authorized_keys"
cat >"$T/balie.conf" <<EOF
conninfo = "host=$BALIE_DEMO_DIR dbname=balie_demo user=balie_app";
auth_socket = "$BALIE_DEMO_DIR/auth.sock";
uitwisselmap = "$T/root";
EOF
PORT=$((22000 + $$ % 9000))
cat >"$T/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/hostkey
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
AllowUsers $ME
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
ForceCommand $BALIE_ABS ssh-toegang
Subsystem sftp /usr/lib/openssh/sftp-server
SetEnv BALIE_CONFIG=$T/balie.conf LANG=C.UTF-8
AllowTcpForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitUserRC no
PermitTTY yes
LogLevel ERROR
EOF
# in a tmux session of its own, so the harness stops it with the rest
tui_start sshd 80 24 "/usr/sbin/sshd -D -e -f $T/sshd_config 2>$T/sshd.log"
SSH_OPTS="-i $T/userkey -o IdentitiesOnly=yes -o UserKnownHostsFile=$T/known_hosts -o StrictHostKeyChecking=accept-new -o BatchMode=yes -o LogLevel=ERROR"
up=0
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	ssh-keyscan -p "$PORT" 127.0.0.1 >/dev/null 2>&1 && { up=1; break; }
	sleep 0.2
done
check "sshd draait op 127.0.0.1:$PORT" [ "$up" = 1 ]

make_pdf "$T/pc/OPP-via-ssh.pdf" "Ontwikkelingsperspectief, via sftp over ssh."
sftp_batch() {
	printf '%s\n' "$1" >"$T/batch"
	(cd "$T/pc" && sftp -q $SSH_OPTS -P "$PORT" -b "$T/batch" "$ME@127.0.0.1" 2>&1)
}
out=$(sftp_batch "put OPP-via-ssh.pdf")
check "sftp put over ssh: in de uitwisselmap" cmp -s "$T/pc/OPP-via-ssh.pdf" "$T/root/$ME/OPP-via-ssh.pdf"
out=$(sftp_batch "get ../../../etc/hostname x1")
check "sftp ../ buiten de map: niet gevonden" [ ! -e "$T/pc/x1" ]
out=$(ssh $SSH_OPTS -p "$PORT" "$ME@127.0.0.1" cat /etc/hostname 2>&1)
rc=$?
check "een opdracht over ssh geweigerd (status $rc)" [ "$rc" = 1 ]
check "met uitleg" sh -c "printf '%s' \"\$1\" | grep -q 'scp en opdrachten staan uit'" _ "$out"
out=$(cd "$T/pc" && scp -O -q $SSH_OPTS -P "$PORT" OPP-via-ssh.pdf "$ME@127.0.0.1:x.pdf" 2>&1)
rc=$?
check "scp (het oude protocol) geweigerd (status $rc)" [ "$rc" != 0 ] && [ ! -e "$T/root/$ME/x.pdf" ]

# balie over ssh: the picker starts in the uitwisselmap, an export goes there
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE h.organisatie_id = $ORG AND t.naam <> 'Aanvraag TLV'
	   AND EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.verwijderd_op IS NULL)
	 ORDER BY h.nummer DESC OFFSET 1 LIMIT 1")
tui_start ssh 80 24 "ssh -t $SSH_OPTS -p $PORT $ME@127.0.0.1"
tui_login secretariaat demo
check "balie over ssh: overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
wait_for "Hulpvraag $NUMMER ·" 10
tui_keys b
wait_for "Bijlagen van hulpvraag $NUMMER" 10
tui_keys a
check "bestandskiezer in de uitwisselmap" wait_for "OPP-via-ssh.pdf" 10
tui_keys End Enter
wait_for "Categorie van OPP-via-ssh.pdf" 5
tui_type "OPP"
tui_keys Enter
# staff adding on the school's behalf to a hulpvraag that waits for an
# aanvulling are asked whether the status moves (issue 13 §5): yes
if wait_for "Documenten aangevuld?" 3; then
	tui_keys Enter
fi
wait_for "Bijlage toegevoegd" 10
n=$(demo_psql "SELECT count(*) FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.naam = 'OPP-via-ssh.pdf' AND b.verwijderd_op IS NULL")
check "als bijlage in de database ($n)" [ "$n" = 1 ]
tui_keys End e
wait_for "/root/$ME/" 5
tui_keys Enter
check "geëxporteerd, met het sftp-commando voor 127.0.0.1" wait_for "ophalen: sftp $ME@127.0.0.1, dan get" 10
tui_keys q
EXPORT=$(ls "$T/root/$ME" | grep -v '^OPP-via-ssh.pdf$' | head -1)
out=$(sftp_batch "get \"$EXPORT\" terug.bin")
check "sftp get over ssh haalt de export op ($EXPORT)" cmp -s "$T/pc/terug.bin" "$T/root/$ME/$EXPORT"
tap_done
