#!/bin/sh
# run-docs.sh — the man pages; TAP out.
#   ok - man X          every file in man/ formats without a single warning
#                       (man --warnings, 80 columns, UTF-8)
#   ok - man: opdrachten  every verb of tui/cmd/table.c ("admin user", …) is
#                       documented as "balie VERB" in balie.1 or balie-admin.8
# Exit status 0 when everything passed, 1 otherwise.
set -u
cd "$(dirname "$0")/.." || exit 2

if ! command -v man >/dev/null 2>&1; then
	echo "not ok - man: man(1) ontbreekt (pakket man-db; make deps)"
	exit 1
fi

export MANWIDTH=80 LC_ALL=C.UTF-8 GROFF_NO_SGR=1
unset MAN_KEEP_FORMATTING MANPAGER PAGER MANOPT MANROFFOPT 2>/dev/null
status=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

n=0
for f in man/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=${f#man/}
	man --warnings -l "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/out" ]; then
		echo "ok - man $name"
	else
		echo "not ok - man $name"
		[ $rc -eq 0 ] || echo "# man stopte met status $rc"
		[ -s "$tmp/out" ] || echo "# geen uitvoer"
		sed 's/^/# /' "$tmp/err"
		status=1
	fi
done
if [ $n -eq 0 ]; then
	echo "not ok - man: geen bestanden in man/"
	status=1
fi

# The verbs: the quoted first field of each row of cmd_table[].
verbs=$(sed -n 's/^[[:space:]]*{[[:space:]]*"\([^"]*\)".*/\1/p' tui/cmd/table.c)
if [ -z "$verbs" ]; then
	echo "not ok - man: opdrachten (geen opdrachten gevonden in tui/cmd/table.c)"
	exit 1
fi
# Rendered text of both pages on one line: no overstrike, no escapes,
# runs of white space made one space, so "balie admin\n       user" matches.
bs=$(printf '\b')
esc=$(printf '\033')
for page in man/balie.1 man/balie-admin.8; do
	[ -f "$page" ] && man -l "$page" 2>/dev/null
done | sed -e "s/.$bs//g" -e "s/$esc\[[0-9;]*m//g" | tr -s ' \t\n' '   ' >"$tmp/text"
missing=
for v in $(printf '%s\n' "$verbs" | tr ' ' '+'); do
	v=$(printf '%s' "$v" | tr '+' ' ')
	grep -qF "balie $v" "$tmp/text" || missing="$missing '$v'"
done
if [ -z "$missing" ]; then
	echo "ok - man: opdrachten uit tui/cmd/table.c staan in balie.1 of balie-admin.8"
else
	echo "not ok - man: opdrachten uit tui/cmd/table.c staan in balie.1 of balie-admin.8"
	echo "# niet beschreven als \"balie OPDRACHT\":$missing"
	status=1
fi
exit $status
