#!/bin/sh
# run-check.sh — runs every test layer of `make check` and prints one summary
# line per layer, then the grand total alone on the last line:
#     N passed, N failed
# Each layer script writes TAP ("ok …" / "not ok …") on stdout; anything else
# is kept in build/test-logs/<layer>.log and the failures are shown here.
# Exit status: 0 when nothing failed.
set -u
cd "$(dirname "$0")/.." || exit 2
mkdir -p build/test-logs
total_pass=0
total_fail=0
for layer in unit fuzz docs db tui; do
	log=build/test-logs/$layer.log
	start=$(date +%s)
	sh "tests/run-$layer.sh" >"$log" 2>&1
	rc=$?
	pass=$(grep -c '^ok ' "$log")
	fail=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		# the layer itself broke (harness error, crash outside a test)
		echo "not ok - $layer: laag afgebroken met status $rc" >>"$log"
		fail=1
	fi
	secs=$(( $(date +%s) - start ))
	if [ "$fail" -gt 0 ]; then
		echo "---- $layer: mislukte tests (volledig log: $log) ----"
		grep -n -A12 '^not ok ' "$log" | head -150
		tail -20 "$log"
	fi
	echo "$layer: $pass passed, $fail failed (${secs}s)"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
