#!/bin/sh
# run-unit.sh — cmocka unit tests of core/, built with ASan+UBSan; TAP out.
set -u
cd "$(dirname "$0")/.." || exit 2
export CMOCKA_MESSAGE_OUTPUT=TAP
export BALIE_SRCDIR="$PWD"
status=0
for t in build/asan/tests/unit/*_test; do
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
