#!/bin/sh
# 06_invoer_test.sh — input that cannot hurt (issue 12 §6): a FIFO named as
# balie.conf, keys file or bijlage is refused at once instead of hanging
# balie for ever; an oversize balie.conf is refused before parsing;
# sslpassword counts as a password; a hulpvraagnummer of 20 digits is an
# error; control characters and bidi overrides in data reach neither the
# screen nor a terminal through the CLI (but a file gets the bytes as they
# are); a name with ESC is refused before the password prompt; balie runs
# without core dumps and cannot be attached to.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
DEMO_ENV=$("$B" demo --env)
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

# run CMD…: stdout+stderr in $T/out, status in $rc; 10 s at most (a hang is
# exactly what is tested: timeout's 124 fails every expect)
run() {
	timeout 10 "$@" >"$T/out" 2>&1 </dev/null
	rc=$?
}
# rundemo CMD…: the same against the demo database
rundemo() {
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER; run "$@"; echo $rc >"$T/rc")
	rc=$(cat "$T/rc")
}
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && grep -qF -- "$3" "$T/out"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(head -c 400 "$T/out")"
	fi
}
indemo() { (eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER; "$@"); }

# ---- files that are not files ------------------------------------------------
mkfifo "$T/fifo.conf"
run "$B" --config "$T/fifo.conf" --dump-config
expect "FIFO als balie.conf: direct geweigerd" 2 "geen gewoon bestand"
head -c 2000000 /dev/zero | tr '\0' '#' >"$T/groot.conf"
run "$B" --config "$T/groot.conf" --dump-config
expect "balie.conf van 2 MB: geweigerd voor het inlezen" 2 "te groot (1,9 MB; hoogstens 1,0 MB)"
printf 'conninfo = "host=/nergens dbname=x sslpassword=sleutelgeheim";\n' >"$T/ssl.conf"
chmod 644 "$T/ssl.conf"
run "$B" --config "$T/ssl.conf" --dump-config
expect "sslpassword telt als wachtwoord: leesbaar voor anderen geweigerd" 2 "leesbaar voor anderen"
chmod 600 "$T/ssl.conf"
run "$B" --config "$T/ssl.conf" --dump-config
if [ "$rc" -eq 0 ] && grep -qF "niet getoond" "$T/out" && ! grep -qF sleutelgeheim "$T/out"; then
	tap_ok "sslpassword niet getoond door --dump-config"
else
	tap_fail "sslpassword niet getoond door --dump-config" "$(cat "$T/out")"
fi
mkdir -p "$T/xdg/balie"
mkfifo "$T/xdg/balie/keys"
: >"$T/empty.conf"
XDG_CONFIG_HOME="$T/xdg" run "$B" --config "$T/empty.conf" --dump-keys
expect "FIFO als eigen toetsenbestand: gemeld (status 1), geen hang" 1 "geen gewoon bestand"

NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	ORDER BY h.nummer LIMIT 1")
check "demodata heeft een hulpvraag ($NUMMER)" [ -n "$NUMMER" ]
mkfifo "$T/scan.pdf"
n0=$(demo_psql "SELECT count(*) FROM balie.bijlage")
BALIE_CONFIG="$T/empty.conf" rundemo "$B" bijlage add "$NUMMER" "$T/scan.pdf" --categorie OPP --als secretariaat
expect "FIFO als bijlage: direct geweigerd" 1 "geen gewoon bestand"
check "niets geschreven" [ "$(demo_psql "SELECT count(*) FROM balie.bijlage")" = "$n0" ]

BALIE_CONFIG="$T/empty.conf" rundemo "$B" check 99999999999999999999 --als secretariaat
expect "20 cijfers als nummer: fout, geen INT64_MAX" 2 "Hulpvraagnummer moet tussen 1 en 999999999999 liggen"

# ---- control characters in data ----------------------------------------------
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')  # U+202E RIGHT-TO-LEFT OVERRIDE
FFFD=$(printf '\357\277\275')
oud=$(demo_psql "SELECT titel FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER")
demo_psql "UPDATE balie.hulpvraag SET titel = E'Leesproblemen \\033]0;gekaapt\\007 ' || U&'\\202E' || 'fdp.exe'
	WHERE organisatie_id = $ORG AND nummer = $NUMMER" >/dev/null

# On a terminal (script(1) gives the verb a pty) the CLI replaces them …
BALIE_CONFIG="$T/empty.conf" indemo script -qec "$B check $NUMMER --als secretariaat" /dev/null >"$T/tty" 2>&1
if grep -qF "Leesproblemen" "$T/tty" && ! grep -qF "$ESC]0;" "$T/tty" && ! grep -qF "$RLO" "$T/tty" \
   && grep -qF "${FFFD}fdp.exe" "$T/tty"; then
	tap_ok "balie check op een terminal: ESC en U+202E als U+FFFD"
else
	tap_fail "balie check op een terminal" "$(od -c "$T/tty" | head -20)"
fi
# … into a file the bytes stay as they are (an export is data, not display)
BALIE_CONFIG="$T/empty.conf" indemo "$B" check "$NUMMER" --als secretariaat >"$T/file" 2>&1
check "balie check naar een bestand: de bytes ongewijzigd" grep -qF "${RLO}fdp.exe" "$T/file"

# … and the screen shows U+FFFD too
tui_demo scr 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
check "titel zichtbaar met U+FFFD op de plaats van de stuurtekens" wait_for "${FFFD}fdp.exe" 5
check "geen U+202E of ESC op het scherm" sh -c "! tmux -u -S '$TUI_SOCK' capture-pane -p -t scr | grep -qF -e '$RLO' -e '$ESC'"
# typed (or pasted) U+202E never enters a text: the note dialog drops it
tui_keys m
check "notitiedialoog open" wait_for "otitie" 5
tui_type "abc${RLO}def"
check "U+202E getypt in een notitie: niet opgenomen (abcdef)" wait_for "abcdef" 5
tui_keys C-u Escape
demo_psql "UPDATE balie.hulpvraag SET titel = \$t\$$oud\$t\$ WHERE organisatie_id = $ORG AND nummer = $NUMMER" >/dev/null

# ---- the process ------------------------------------------------------------
# the balie under a tmux pane: the pane runs sh -c "…; echo $? >rc"
balie_pid() { pgrep -P "$(tmux_ list-panes -t "$1" -F '#{pane_pid}')" | head -1; }
bpid=$(balie_pid scr)
check "balie draait ($bpid)" [ -n "$bpid" ]
core=$(prlimit --pid "$bpid" --core --output SOFT,HARD --noheadings 2>/dev/null)
check "geen core dumps (RLIMIT_CORE: $core)" [ "$(echo $core)" = "0 0" ]
# A non-dumpable process's /proc/PID/* belong to root whoever runs it, so the
# same Unix user can neither ptrace it nor read its memory or environment.
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
	np=$(mktemp /tmp/balie-np.XXXXXX) && chmod 644 "$np"
	tui_start np 80 24 "setpriv --reuid=postgres --regid=postgres --clear-groups env HOME=/tmp $B --config $np"
	wait_for "Gebruikersnaam" 10
	npid=$(balie_pid np)
	uid=$(awk '/^Uid:/ {print $2}' "/proc/$npid/status" 2>/dev/null)
	owner=$(stat -c %u "/proc/$npid/mem" 2>/dev/null)
	check "als postgres (uid $uid): /proc/$npid/mem is van root ($owner)" [ -n "$uid" -a "$uid" != 0 -a "$owner" = 0 ]
	check "dezelfde gebruiker leest de omgeving van balie niet" \
		sh -c "! setpriv --reuid=postgres --regid=postgres --clear-groups cat /proc/$npid/environ >/dev/null 2>&1"
	tui_keys C-c
	rm -f "$np"
	tui_use scr
else
	tap_ok "# SKIP niet als root of geen gebruiker postgres: eigenaar van /proc/PID niet getest"
fi

# ---- names ------------------------------------------------------------------
rundemo "$B" admin user add esc-test --naam "Jan${ESC}[2J" --organisatie PO3008 --rol secretariaat
expect "naam met ESC: geweigerd voor de wachtwoordvraag" 2 "stuurteken"
check "geen wachtwoordvraag gesteld" sh -c "! grep -qF 'Wachtwoord' '$T/out'"

tui_keys q
tap_done
