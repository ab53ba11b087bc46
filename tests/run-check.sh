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
failed_names=""
for layer in unit fuzz docs db tui; do
	log=build/test-logs/$layer.log
	start=$(date +%s)
	sh "tests/run-$layer.sh" >"$log" 2>&1
	rc=$?
	# a skipped test (cmocka writes "not ok N # SKIP", tmux tests "ok … # SKIP")
	# is not a failure: it is counted with the passed ones and named
	skipped=$(grep -c '^\(not \)\?ok .*# SKIP' "$log")
	pass=$(( $(grep -c '^ok ' "$log") + $(grep -c '^not ok .*# SKIP' "$log") ))
	fail=$(grep '^not ok ' "$log" | grep -vc '# SKIP')
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		# the layer itself broke (harness error, crash outside a test)
		echo "not ok - $layer: laag afgebroken met status $rc" >>"$log"
		fail=1
	fi
	secs=$(( $(date +%s) - start ))
	if [ "$fail" -gt 0 ]; then
		echo "---- $layer: mislukte tests (volledig log: $log) ----"
		grep -n -A12 '^not ok ' "$log" | grep -v '# SKIP' | head -150
		tail -20 "$log"
	fi
	if [ "$skipped" -gt 0 ]; then
		echo "$layer: $pass passed, $fail failed (${secs}s; $skipped overgeslagen:)"
		grep '^\(not \)\?ok .*# SKIP' "$log" | sed 's/^/    /'
	else
		echo "$layer: $pass passed, $fail failed (${secs}s)"
	fi
	if [ "$fail" -gt 0 ]; then
		# each with the script it came from (the "# tests/…" line before it)
		failed_names="$failed_names$(awk -v layer="$layer" '
			/^# tests\// { script = $2 " " }
			/^not ok / && !/# SKIP/ { print "    " layer ": " script $0 }' "$log" | head -40)
"
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done
# CI shows only the tail of this output: name the failures once more here,
# just above the total, so that a failure far up in a long log is still seen
if [ -n "$failed_names" ]; then
	echo "mislukt:"
	printf '%s' "$failed_names"
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
