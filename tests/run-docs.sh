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

# balie(1) WIE MAG WAT carries exactly the rulebook of the binary
# (core/recht.c, as `balie admin rechten --man` prints it), so the table
# people read is the one the screens and the database enforce.
if [ -x ./balie ]; then
	./balie admin rechten --man >"$tmp/rechten" 2>&1
	sed -n '/^\.\\" begin rechten/,/^\.\\" eind rechten/p' man/balie.1 | sed '1d;$d' >"$tmp/rechten.man"
	if [ -s "$tmp/rechten" ] && cmp -s "$tmp/rechten" "$tmp/rechten.man"; then
		echo "ok - man: balie.1 WIE MAG WAT is de tabel van core/recht.c"
	else
		echo "not ok - man: balie.1 WIE MAG WAT is de tabel van core/recht.c"
		echo "# vervang het blok tussen 'begin rechten' en 'eind rechten' door ./balie admin rechten --man:"
		diff "$tmp/rechten.man" "$tmp/rechten" | sed 's/^/# /' | head -20
		status=1
	fi
fi

# balie-keymap(5) lists every action of the action table, per context, and
# the keymap files name only real actions without conflicts.
if [ -x ./balie ]; then
	./balie --list-actions | cut -f1,2 | sort -u >"$tmp/actions"
	awk '/^\.SS / { n = split($0, w, "\\\\fB"); c = w[n]; sub(/\\fP.*/, "", c); next }
	     /^\.SH / { c = "" }
	     c != "" && /^\.B / { a = substr($0, 4); gsub(/\\-/, "-", a); print c "\t" a }' \
		man/balie-keymap.5 | sed 's/\\-/-/g' | sort -u >"$tmp/documented"
	if cmp -s "$tmp/actions" "$tmp/documented"; then
		echo "ok - man: balie-keymap(5) noemt precies de acties van de actietabel"
	else
		echo "not ok - man: balie-keymap(5) noemt precies de acties van de actietabel"
		diff "$tmp/actions" "$tmp/documented" | sed 's/^/# /'
		status=1
	fi
	for variant in default vi; do
		printf 'keymap = "%s";\n' "$variant" >"$tmp/keys.conf"
		if ./balie --config "$tmp/keys.conf" --dump-keys >"$tmp/dump" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
			echo "ok - keymaps/$variant.keys: alleen bestaande acties, geen dubbele toetsen"
		else
			echo "not ok - keymaps/$variant.keys: alleen bestaande acties, geen dubbele toetsen"
			sed 's/^/# /' "$tmp/err"
			status=1
		fi
	done
fi

# Mail templates speak of balie only (issue 13 §5): no template in forms/
# names another product — the seeds describe Kindkans, but the school gets
# its mail from balie and works in balie.  Comment lines do not count.
products='Kindkans|ParnasSys|Magister|Somtoday|ESIS|Onderwijs ?Transparant|Topdossier|Digidoor'
hits=$(find forms -name '*.mail' -exec grep -HinE "$products" {} + | grep -vE '^[^:]+:[0-9]+:[[:space:]]*#')
if [ -z "$hits" ]; then
	echo "ok - forms/*/mail: geen sjabloon noemt een ander product"
else
	echo "not ok - forms/*/mail: geen sjabloon noemt een ander product"
	printf '%s\n' "$hits" | sed 's/^/# /'
	status=1
fi
exit $status
