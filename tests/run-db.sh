#!/bin/sh
# run-db.sh — database tests: one throwaway PostgreSQL cluster for the whole
# run (via balie's own cluster helper), removed on exit even when a test
# fails or the run is interrupted.  TAP out.
set -u
cd "$(dirname "$0")/.." || exit 2
dir=$(mktemp -d /tmp/balie-dbtest.XXXXXX) || exit 2
cleanup() { ./balie admin cluster remove "$dir" >/dev/null 2>&1 || rm -rf "$dir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
rmdir "$dir"
./balie admin cluster create "$dir" --snel || exit 2
./balie admin cluster start "$dir" --snel || exit 2
export BALIE_TEST_CLUSTER="$dir"
export BALIE_SRCDIR="$PWD"
export BALIE_BIN="$PWD/balie"
export CMOCKA_MESSAGE_OUTPUT=TAP
status=0
for t in build/asan/tests/db/${DB_ONLY:-}*_test; do
	[ -x "$t" ] || continue
	echo "# $t"
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok '; then
		echo "not ok - $t stopte met status $rc"
	fi
	[ $rc -eq 0 ] || status=1
done
exit $status
