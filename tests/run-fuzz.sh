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

# core/mailin: the big shapes are made here, never committed — a 50 MB
# message (one attachment of 37 MB, base64) and a mail bomb of 1,000
# attachments; the target's checks hold for them too
r=build/asan/tests/fuzz/mailin_fuzz_replay
if [ -x "$r" ]; then
	tmp=$(mktemp -d) || exit 2
	tok=0123456789abcdef0123456789abcdef
	{
		printf 'From: ib@kameleon.example\nTo: secretariaat+%s@swv.example\nSubject: groot\n' "$tok"
		printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\n'
		printf 'Content-Type: application/pdf\nContent-Disposition: attachment; filename="scan.pdf"\n'
		printf 'Content-Transfer-Encoding: base64\n\n'
		head -c 37000000 /dev/zero | base64 -w 76
		printf -- '--B--\n'
	} >"$tmp/groot-50mb.eml"
	awk -v tok="$tok" 'BEGIN {
		printf "From: ib@kameleon.example\nTo: secretariaat+%s@swv.example\nSubject: bom\n", tok
		printf "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"M\"\n\n"
		for (i = 0; i < 1000; i++)
			printf "--M\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"d%d.pdf\"\n" \
			       "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n", i
		printf "--M--\n"
	}' >"$tmp/bom-1000.eml"
	for f in "$tmp"/*.eml; do
		if "$r" "$f" >/dev/null 2>build/test-logs/fuzz-last.err; then
			echo "ok - mailin_fuzz $(basename "$f") (gemaakt, $(wc -c <"$f") bytes)"
		else
			echo "not ok - mailin_fuzz $(basename "$f")"
			cat build/test-logs/fuzz-last.err
			status=1
		fi
	done
	rm -rf "$tmp"
fi
exit $status
