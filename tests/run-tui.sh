#!/bin/sh
# run-tui.sh — the terminal layer of `make check`: the real ./balie driven in
# tmux (tests/tui/*_test.sh, harness in tests/tui/lib.sh) against a
# throwaway demo cluster; TAP on stdout.  Plan line at the end.
#
# The cluster lives in a fresh BALIE_DEMO_DIR under /tmp (as root the server
# runs as `postgres`, which cannot enter /root) and is stopped and removed
# on every exit, failures included.  Scripts run in name order; the numeric
# prefixes keep the destructive ones (blocking an account) last.
set -u
cd "$(dirname "$0")/.." || exit 2

# TUI_BALIE: the binary under test (default ./balie; e.g. an ASan build)
TUI_BALIE=${TUI_BALIE:-./balie}
export TUI_BALIE
if [ ! -x "$TUI_BALIE" ]; then
	echo "not ok 1 - $TUI_BALIE ontbreekt (eerst make)"
	exit 1
fi
for tool in tmux psql oathtool; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "not ok 1 - $tool ontbreekt (make deps)"
		exit 1
	fi
done

BALIE_DEMO_DIR=$(mktemp -d /tmp/balie-tui.XXXXXX) || exit 2
TUI_RUN_TMP=$(mktemp -d) || exit 2
export BALIE_DEMO_DIR
# A test must not pick up the machine's /etc/balie/balie.conf.  The
# administrator's verbs seal new TOTP secrets with the demo's key, as they
# would with the auth helper's on a server (balie-admin(8)).
BALIE_CONFIG=$TUI_RUN_TMP/balie.conf
export BALIE_CONFIG
printf 'totp_sleutel = "%s/totp.key";\n' "$BALIE_DEMO_DIR" >"$BALIE_CONFIG"
# The tests' own psql sessions see the same "today" as balie (Europe/
# Amsterdam, db/conn.c): between 23:00 and 01:00 UTC current_date differs
# otherwise (tmux 74 failed at 23:10 UTC on 07-12-2026).
PGTZ=Europe/Amsterdam
export PGTZ
TUI_TAP_COUNTER=$TUI_RUN_TMP/tap-count
export TUI_TAP_COUNTER
echo 0 >"$TUI_TAP_COUNTER"

cleanup() {
	"$TUI_BALIE" demo --stop >/dev/null 2>&1
	rm -rf "$BALIE_DEMO_DIR" "$TUI_RUN_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

start=$(date +%s)
if ! "$TUI_BALIE" demo --prepare --scale "${BALIE_TUI_SCALE:-1000}" >"$TUI_RUN_TMP/prepare.log" 2>&1 </dev/null; then
	echo "not ok 1 - balie demo --prepare mislukt"
	sed 's/^/# /' "$TUI_RUN_TMP/prepare.log"
	exit 1
fi
echo "# demo-cluster klaar in $(( $(date +%s) - start ))s: $BALIE_DEMO_DIR"

status=0
for t in tests/tui/${TUI_ONLY:-}*_test.sh; do
	[ -f "$t" ] || continue
	echo "# $t"
	sh "$t" </dev/null || status=1
done
echo "1..$(cat "$TUI_TAP_COUNTER")"
exit $status
