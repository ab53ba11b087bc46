#!/bin/sh
# faketime-check.sh — runs the whole `make check` suite (tests/run-check.sh:
# unit, fuzz, docs, db and tui, throwaway clusters included) with the clock
# moved to other dates by libfaketime (Debian package `faketime`), and prints
# the totals per date.  Build first without faketime:
#     make -j2 all test-bins && tests/faketime-check.sh
# Dates are wall-clock times in Europe/Amsterdam (the zone balie's dates are
# computed in).  Default: three dates chosen to set off time bombs —
#     2027-02-28 08:00   (end of February, no leap day)
#     2027-07-31 23:30   (half an hour before the new school year starts on
#                         1 August: 21:30 UTC; the summer holiday, when the
#                         demo has few fresh aanvragen)
#     2028-12-31 12:00   (leap year, last day of the year)
# Other dates as arguments: tests/faketime-check.sh '2029-04-02 09:00'
# Each run's output is kept in build/test-logs/faketime-<date>.log.
# Exit status: 0 when no run had a failure.
set -u
cd "$(dirname "$0")/.." || exit 2
lib=${FAKETIME_LIB:-/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1}
if [ ! -r "$lib" ]; then
	echo "libfaketime ontbreekt ($lib): make deps"
	exit 2
fi
[ $# -gt 0 ] || set -- '2027-02-28 08:00' '2027-07-31 23:30' '2028-12-31 12:00'
mkdir -p build/test-logs
summary=$(mktemp) || exit 2
trap 'rm -f "$summary"' EXIT
status=0
for when in "$@"; do
	target=$(TZ=Europe/Amsterdam date -d "$when" +%s) || exit 2
	offset=$((target - $(date +%s)))
	log=build/test-logs/faketime-$(printf '%s' "$when" | tr ' :' '_-').log
	echo "== $when Europe/Amsterdam (FAKETIME=+${offset}s)"
	# An offset (not an absolute time): every process, the PostgreSQL server
	# and its backends included, sees the same moving clock.  No shared
	# memory: the server and man run as other users.
	LD_PRELOAD=$lib FAKETIME="+${offset}s" FAKETIME_DISABLE_SHM=1 \
		MAN_DISABLE_SECCOMP=1 ASAN_OPTIONS=verify_asan_link_order=0 \
		tests/run-check.sh >"$log" 2>&1 || status=1
	grep -E '^(---- |([0-9]+:)?not ok |[a-z]+: [0-9]+ passed)' "$log" | sed 's/^/   /'
	printf '%s: %s\n' "$when" "$(tail -1 "$log")" >>"$summary"
done
echo "== totalen"
cat "$summary"
exit $status
