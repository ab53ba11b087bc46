#!/bin/sh
# run-fuzz.sh — replays each fuzz target's committed corpus (tests/fuzz/<name>/)
# through the target with sanitizers on: one TAP line per corpus file.
set -u
cd "$(dirname "$0")/.." || exit 2
status=0
for r in build/asan/tests/fuzz/*_replay; do
	[ -x "$r" ] || continue
	name=$(basename "$r" _replay)
	corpus=tests/fuzz/${name%_fuzz}_corpus
	for f in "$corpus"/*; do
		[ -f "$f" ] || continue
		if "$r" "$f" >/dev/null 2>build/test-logs/fuzz-last.err; then
			echo "ok - $name $(basename "$f")"
		else
			echo "not ok - $name $(basename "$f")"
			cat build/test-logs/fuzz-last.err
			status=1
		fi
	done
done
exit $status
