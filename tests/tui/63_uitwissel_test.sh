#!/bin/sh
# 63_uitwissel_test.sh — issue 14 §3 without sshd: `balie ssh-toegang` as
# sshd would run it (SSH_ORIGINAL_COMMAND set, sftp -D speaking the sftp
# protocol over its stdin/stdout).  sftp puts a PDF into the person's
# uitwisselmap; balie (with BALIE_UITWISSELMAP, as the wrapper starts it)
# opens the file picker there, adds it as a bijlage, exports another into
# the same folder and says the sftp command; sftp gets it back.  scp, a
# shell command, "../", a symlink out of the folder and making symlinks are
# refused.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
BALIE_ABS="$TUI_ROOT/${TUI_BALIE#./}"

mkdir -p "$T/root" "$T/pc"
printf 'uitwisselmap = "%s/root";\n' "$T" >"$T/balie.conf"
# what sshd would run for the sftp subsystem of account secretariaat
cat >"$T/sftp-server" <<EOF
#!/bin/sh
SSH_ORIGINAL_COMMAND=/usr/lib/openssh/sftp-server BALIE_CONFIG=$T/balie.conf exec "$BALIE_ABS" ssh-toegang --account secretariaat
EOF
chmod +x "$T/sftp-server"
make_pdf "$T/pc/OPP-uitwissel.pdf" "Ontwikkelingsperspectief, via sftp aangeleverd."
sftp_batch() { # BATCH-TEXT: sftp from the person's PC folder
	printf '%s\n' "$1" >"$T/batch"
	(cd "$T/pc" && sftp -q -b "$T/batch" -D "$T/sftp-server" 2>&1)
}

out=$(sftp_batch "put OPP-uitwissel.pdf")
check "sftp put: het bestand staat in de uitwisselmap" cmp -s "$T/pc/OPP-uitwissel.pdf" "$T/root/secretariaat/OPP-uitwissel.pdf"
mode=$(stat -c %a "$T/root/secretariaat")
check "de uitwisselmap is alleen van de gebruiker ($mode)" [ "$mode" = 700 ]

# what is outside the folder stays out of reach
ln -s /etc/hostname "$T/root/secretariaat/naar-buiten"
out=$(sftp_batch "get ../../../etc/hostname x1")
check "../ uit de map: niet gevonden" [ ! -e "$T/pc/x1" ]
out=$(sftp_batch "get naar-buiten x2")
check "een symlink naar buiten: niet te lezen" [ ! -e "$T/pc/x2" ]
out=$(sftp_batch "symlink OPP-uitwissel.pdf link")
check "zelf een symlink maken: geweigerd" [ ! -e "$T/root/secretariaat/link" ] && [ ! -L "$T/root/secretariaat/link" ]
out=$(SSH_ORIGINAL_COMMAND="scp -t ." BALIE_CONFIG=$T/balie.conf "$BALIE_ABS" ssh-toegang --account secretariaat 2>&1)
rc=$?
check "scp geweigerd (status $rc)" [ "$rc" = 1 ]
check "met uitleg" sh -c "printf '%s' \"\$1\" | grep -q 'scp en opdrachten staan uit'" _ "$out"
out=$(SSH_ORIGINAL_COMMAND="cat /etc/passwd" BALIE_CONFIG=$T/balie.conf "$BALIE_ABS" ssh-toegang --account secretariaat 2>&1)
rc=$?
check "een opdracht geweigerd (status $rc)" [ "$rc" = 1 ]
out=$(SSH_ORIGINAL_COMMAND=/usr/lib/openssh/sftp-server BALIE_CONFIG=$T/balie.conf "$BALIE_ABS" ssh-toegang --account ../root 2>&1)
rc=$?
check "een accountnaam met ../ geweigerd (status $rc)" [ "$rc" = 2 ]

rm -f "$T/root/secretariaat/naar-buiten"

# balie as the wrapper starts it: picker and export in the uitwisselmap
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE h.organisatie_id = $ORG AND t.naam <> 'Aanvraag TLV'
	   AND EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.verwijderd_op IS NULL)
	 ORDER BY h.nummer DESC LIMIT 1")
check "demo: een hulpvraag met bijlagen ($NUMMER)" [ -n "$NUMMER" ]
tui_start uw 80 24 "BALIE_UITWISSELMAP=$T/root/secretariaat SSH_CONNECTION='10.0.0.9 50000 10.0.0.1 22' USER=sanne $TUI_BALIE demo"
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
wait_for "Hulpvraag $NUMMER ·" 10
tui_keys b
wait_for "Bijlagen van hulpvraag $NUMMER" 10
tui_keys a
check "de bestandskiezer begint in de uitwisselmap" wait_for "OPP-uitwissel.pdf" 5
check "met het pad van de uitwisselmap" screen_has "$T/root/secretariaat"
tui_keys End
tui_keys Enter
check "categorie kiezen" wait_for "Categorie van OPP-uitwissel.pdf" 5
tui_type "OPP"
tui_keys Enter
check "toegevoegd als bijlage" wait_for "OPP-uitwissel.pdf" 10
n=$(demo_psql "SELECT count(*) FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.naam = 'OPP-uitwissel.pdf' AND b.verwijderd_op IS NULL")
check "in de database ($n)" [ "$n" = 1 ]
tui_keys End e
check "exporteren: standaard naar de uitwisselmap" wait_for "/root/secretariaat/" 5
tui_keys Enter
check "geëxporteerd, met het sftp-commando" wait_for "ophalen: sftp sanne@10.0.0.1, dan get" 10
EXPORT=$(ls "$T/root/secretariaat" | grep -v '^OPP-uitwissel.pdf$')
check "de export staat in de uitwisselmap ($EXPORT)" [ -n "$EXPORT" ]
tui_keys q
out=$(sftp_batch "get \"$EXPORT\" terug.bin")
check "sftp get haalt de export op" cmp -s "$T/pc/terug.bin" "$T/root/secretariaat/$EXPORT"
tap_done
