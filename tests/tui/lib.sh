# lib.sh — drive the real balie binary in a detached tmux and report TAP.
#
# Source it from a test script (POSIX sh):
#     . "$(dirname "$0")/lib.sh"
#
#   tui_start NAME [W H] CMD   start CMD (a shell command line, run from the
#                              repository root) in a new tmux session NAME of
#                              W x H cells (default 100 x 30); NAME becomes the
#                              current session for the functions below
#   tui_use NAME               make another started session current
#   tui_keys KEY...            tmux send-keys: Enter Tab BTab Escape F5 C-l Up …
#   tui_type TEXT              type TEXT literally (UTF-8 is fine)
#   tui_screen                 print the screen (capture-pane -p)
#   wait_for TEXT [TIMEOUT]    poll the screen every 0.1 s until TEXT (fixed
#                              string) is on it; status 0, or 1 after TIMEOUT
#                              seconds (default 10)
#   wait_gone TEXT [TIMEOUT]   same, until TEXT is no longer on the screen
#   wait_file PATH [TIMEOUT]   until PATH exists (a background helper is ready)
#   screen_has TEXT            TEXT is on the screen now (no waiting)
#   screen_has_all TEXT…       every TEXT is on the screen now
#   screen_lacks TEXT          TEXT is not on the screen now
#   resize W H                 resize the window (the program gets SIGWINCH)
#   wait_exit [TIMEOUT]        wait until the program has ended; prints its
#                              exit status ("" on timeout, status 1)
#   tap_ok DESC | tap_fail DESC [WHY]
#   check DESC CMD [ARG…]      run CMD; "ok N - DESC", or "not ok N - DESC"
#                              followed by the current screen as "# " lines
#   tap_done                   end of the script: exit status 0 when all passed
#   make_pdf FILE TEXT         a real one-page PDF with TEXT (for bijlagen)
#
# Every script gets its own tmux server on a private socket (tmux -S in the
# script's scratch folder), so the user's own tmux is never touched, and an
# EXIT trap kills that server and removes its scratch files even when the
# script fails.  The tests need no terminal: tmux runs detached, so
# `make check < /dev/null` without a tty works.
#
# Numbering: when TUI_TAP_COUNTER names a file (tests/run-tui.sh sets it),
# test numbers continue across scripts and the runner prints the plan.

# the repository root: set TUI_ROOT when the script lives elsewhere
TUI_ROOT=${TUI_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# the binary under test, relative to TUI_ROOT (e.g. an ASan build)
TUI_BALIE=${TUI_BALIE:-./balie}
TUI_SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/balie-tui-$$.XXXXXX")
# a private tmux server whose socket lives in the scratch folder, so it is
# removed with it (a -L socket would stay behind in /tmp/tmux-UID/)
TUI_SOCK=$TUI_SCRATCH/tmux.sock
TUI_CUR=
TUI_FAILED=0
TUI_N=0

# tmux and the program must agree on UTF-8, whatever the caller's locale
export LC_ALL=C.UTF-8
unset TMUX

tmux_() {
	tmux -u -S "$TUI_SOCK" -f "$TUI_SCRATCH/tmux.conf" "$@"
}

tui_cleanup() {
	tmux_ kill-server >/dev/null 2>&1
	rm -rf "$TUI_SCRATCH"
}
trap tui_cleanup EXIT
trap 'exit 130' INT TERM HUP

if infocmp tmux-256color >/dev/null 2>&1; then
	TUI_TERM=tmux-256color
else
	TUI_TERM=screen
fi
cat >"$TUI_SCRATCH/tmux.conf" <<EOF
set -g status off
set -g remain-on-exit on
set -g default-terminal $TUI_TERM
set -g history-limit 0
set -s escape-time 0
EOF

tui_start() {
	TUI_CUR=$1
	shift
	w=100
	h=30
	if [ $# -ge 3 ]; then
		w=$1
		h=$2
		shift 2
	fi
	rm -f "$TUI_SCRATCH/$TUI_CUR.rc"
	tmux_ new-session -d -s "$TUI_CUR" -x "$w" -y "$h" \
		"cd '$TUI_ROOT' && $*; echo \$? >'$TUI_SCRATCH/$TUI_CUR.rc'"
}

tui_use() {
	TUI_CUR=$1
}

tui_keys() {
	tmux_ send-keys -t "$TUI_CUR" "$@"
}

tui_type() {
	tmux_ send-keys -t "$TUI_CUR" -l -- "$1"
}

tui_screen() {
	tmux_ capture-pane -p -t "$TUI_CUR" 2>/dev/null
}

# Polls (never a fixed sleep): 10 looks a second.
wait_for() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		tui_screen | grep -qF -- "$1" && return 0
		# the program has ended: the screen will not change any more
		[ -s "$TUI_SCRATCH/$TUI_CUR.rc" ] && _n=1
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

wait_gone() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		tui_screen | grep -qF -- "$1" || return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

screen_has() {
	tui_screen | grep -qF -- "$1"
}

# A socket or file appears (a background helper is ready).
wait_file() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		[ -e "$1" ] && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

screen_has_all() {
	_s=$(tui_screen)
	for _t in "$@"; do
		printf '%s\n' "$_s" | grep -qF -- "$_t" || return 1
	done
}

screen_lacks() {
	! tui_screen | grep -qF -- "$1"
}

resize() {
	tmux_ resize-window -t "$TUI_CUR" -x "$1" -y "$2"
}

wait_exit() {
	_n=$(( ${1:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		if [ -s "$TUI_SCRATCH/$TUI_CUR.rc" ]; then
			cat "$TUI_SCRATCH/$TUI_CUR.rc"
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

tap_next() {
	if [ -n "${TUI_TAP_COUNTER:-}" ] && [ -f "$TUI_TAP_COUNTER" ]; then
		TUI_N=$(( $(cat "$TUI_TAP_COUNTER") + 1 ))
		echo "$TUI_N" >"$TUI_TAP_COUNTER"
	else
		TUI_N=$((TUI_N + 1))
	fi
}

tap_ok() {
	tap_next
	echo "ok $TUI_N - $1"
}

tap_fail() {
	tap_next
	TUI_FAILED=$((TUI_FAILED + 1))
	echo "not ok $TUI_N - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/# /'
	if [ -n "$TUI_CUR" ]; then
		echo "# scherm van '$TUI_CUR':"
		tui_screen | sed 's/^/# |/'
	fi
	return 0
}

check() {
	_desc=$1
	shift
	if "$@"; then
		tap_ok "$_desc"
	else
		tap_fail "$_desc"
	fi
}

tap_done() {
	[ -n "${TUI_TAP_COUNTER:-}" ] || echo "1..$TUI_N"
	[ "$TUI_FAILED" -eq 0 ]
}

# ---- helpers for balie itself ---------------------------------------------

# Starts `balie demo` (the cluster prepared by tests/run-tui.sh).
tui_demo() {
	tui_start "$@" "$TUI_BALIE" demo
}

# Logs in on a login screen that is showing: user, password.
tui_login() {
	wait_for "Gebruikersnaam" 20 || return 1
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Enter
}

# Opens hulpvraag NUMMER from the home screen (o, the number, Enter); the
# caller checks what it expects to see.
tui_open_hulpvraag() {
	tui_keys o
	wait_for "Nummer van de hulpvraag" 5 || return 1
	tui_type "$1"
	tui_keys Enter
}

# psql against the demo cluster as its superuser (RLS does not apply).
demo_psql() {
	(eval "$(cd "$TUI_ROOT" && "$TUI_BALIE" demo --env)" && psql -X -A -t -q -v ON_ERROR_STOP=1 -c "$1")
}

# Kills the demo's balie_app backend that is running a statement for which
# the SQL condition $1 (on pg_stat_activity.query) holds, waiting up to 4 s
# for it; prints how many were killed (1: found and killed).
kill_active() {
	killed=
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		killed=$(demo_psql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			 WHERE datname = 'balie_demo' AND usename = 'balie_app' AND state = 'active' AND ($1)")
		[ "$killed" = 1 ] && break
		sleep 0.2
	done
	echo "$killed"
}

# A real one-page PDF with TEXT on it (offsets computed), for bijlagen.
make_pdf() { # FILE TEXT
	stream="BT /F1 12 Tf 56 780 Td ($2) Tj ET"
	o1='1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj'
	o2='2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj'
	o3='3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj'
	o4="4 0 obj << /Length ${#stream} >> stream
$stream
endstream endobj"
	o5='5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj'
	{
		printf '%%PDF-1.4\n'
		off=9 offs=
		for o in "$o1" "$o2" "$o3" "$o4" "$o5"; do
			offs="$offs $off"
			printf '%s\n' "$o"
			off=$((off + ${#o} + 1))
		done
		printf 'xref\n0 6\n0000000000 65535 f \n'
		for x in $offs; do printf '%010d 00000 n \n' "$x"; done
		printf 'trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$off"
	} >"$1"
}

# The PO3008 TLV aanvragen waiting on the school are moved on, as the school
# would (its own transitions, as the flow allows; written directly, so the
# history shows no person), so the CT has cases to plan at any demo size and
# after earlier scripts planned some (agenda tests 95, 98).
agenda_tlv_klaar() {
	demo_psql "UPDATE balie.hulpvraag h SET status = CASE h.status WHEN 'TLV>voorlopige aanvraag' THEN 'TLV>aanvraag'
	       ELSE 'TLV>documenten aangevuld' END
	  FROM balie.aanvraagtype t, balie.organisatie o WHERE t.id = h.aanvraagtype_id AND o.id = h.organisatie_id
	   AND o.code = 'PO3008' AND t.naam = 'Aanvraag TLV'
	   AND h.status IN ('TLV>voorlopige aanvraag', 'TLV>aanvraag aanvulling nodig')" >/dev/null
}

# Makes the PO3008 TLV aanvraag with id $1 complete for its checklist, as a
# school would have done before the test: the research report uploaded
# yesterday, names that say what the file is, the three akkoorden on the
# form "ja", and the form itself (filled, not EMB) when it has none.  The demo's other gaps (no OPP, no woonadres) are left: pick a
# hulpvraag without them (tlv_bijna_compleet).  Prints what still fails
# (nothing when complete).  The demo data is generated relative to today,
# so how many dossiers happen to be complete differs per date; a test that
# needs one makes its own.
tlv_compleet_maken() {
	# the form Aanvraag TLV when it has none (the demo fills it only for
	# "TLV>aanvraag"): a filled, complete one of a pupil who is not EMB
	demo_psql "WITH d AS (SELECT d.id FROM balie.formulier_definitie d JOIN balie.organisatie o ON o.id = d.organisatie_id
	            WHERE o.code = 'PO3008' AND d.code = 'aanvraag-tlv' AND d.actief ORDER BY d.id DESC LIMIT 1),
	f AS (INSERT INTO balie.formulier (hulpvraag_id, organisatie_id, definitie_id, compleet)
	      SELECT h.id, h.organisatie_id, d.id, true FROM balie.hulpvraag h, d
	       WHERE h.id = $1 AND NOT EXISTS (SELECT 1 FROM balie.formulier x JOIN balie.formulier_definitie y
	                                        ON y.id = x.definitie_id
	                                       WHERE x.hulpvraag_id = h.id AND y.code = 'aanvraag-tlv'
	                                         AND x.verwijderd_op IS NULL)
	      RETURNING id, organisatie_id)
	INSERT INTO balie.formulier_waarde (formulier_id, organisatie_id, veld, waarde)
	SELECT f.id, f.organisatie_id, v.veld, v.waarde FROM f, (VALUES ('verlenging', 'nee'),
	       ('soort_tlv', 'SO categorie laag'), ('emb', 'nee'),
	       ('startdatum', to_char(date_trunc('month', current_date) + interval '1 month', 'YYYY-MM-DD')),
	       ('einddatum', to_char(date_trunc('month', current_date) + interval '25 months' - interval '1 day', 'YYYY-MM-DD')),
	       ('betrokkenheid_school', 'ja'), ('ondersteuning', 'Zie het OPP.')) v(veld, waarde)" >/dev/null
	demo_psql "UPDATE balie.bijlage SET geupload_op = now() - interval '1 day'
	            WHERE hulpvraag_id = $1 AND categorie = 'onderzoeksverslag' AND verwijderd_op IS NULL;
	UPDATE balie.bijlage SET naam = categorie || '-' || id || '.pdf'
	 WHERE hulpvraag_id = $1 AND verwijderd_op IS NULL AND balie.bestandsnaam_zegt_niets(naam);
	UPDATE balie.formulier_waarde w SET waarde = 'ja'
	  FROM balie.formulier f JOIN balie.formulier_definitie d ON d.id = f.definitie_id
	 WHERE w.formulier_id = f.id AND f.hulpvraag_id = $1 AND d.code = 'aanvraag-tlv'
	   AND w.veld IN ('akkoord_ouders', 'akkoord_bestuur', 'akkoord_organisatie');
	INSERT INTO balie.formulier_waarde (formulier_id, organisatie_id, veld, waarde)
	SELECT f.id, f.organisatie_id, v.veld, 'ja'
	  FROM balie.formulier f JOIN balie.formulier_definitie d ON d.id = f.definitie_id,
	       unnest(ARRAY['akkoord_ouders', 'akkoord_bestuur', 'akkoord_organisatie']) v(veld)
	 WHERE f.hulpvraag_id = $1 AND d.code = 'aanvraag-tlv' AND f.verwijderd_op IS NULL
	   AND NOT EXISTS (SELECT 1 FROM balie.formulier_waarde w WHERE w.formulier_id = f.id AND w.veld = v.veld);
	UPDATE balie.formulier f SET compleet = true FROM balie.formulier_definitie d
	 WHERE d.id = f.definitie_id AND f.hulpvraag_id = $1 AND d.code = 'aanvraag-tlv'" >/dev/null
	demo_psql "SELECT array_to_string(balie.compleet_fouten(id, status), '; ') FROM balie.hulpvraag WHERE id = $1"
}

# The checklist items tlv_compleet_maken cannot mend, as a SQL condition on
# hulpvraag h: an OPP, the filled form, geboortedatum, woonadres,
# schoolgegevens, a title without the pupil's name and at most 8 bijlagen.
tlv_bijna_compleet="EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.categorie = 'OPP'
	                AND b.verwijderd_op IS NULL)
	AND (NOT EXISTS (SELECT 1 FROM balie.formulier f JOIN balie.formulier_definitie d ON d.id = f.definitie_id
	                  WHERE f.hulpvraag_id = h.id AND d.code = 'aanvraag-tlv' AND f.verwijderd_op IS NULL)
	     OR EXISTS (SELECT 1 FROM balie.formulier f JOIN balie.formulier_definitie d ON d.id = f.definitie_id
	                 JOIN balie.formulier_waarde w ON w.formulier_id = f.id AND w.veld = 'startdatum'
	                WHERE f.hulpvraag_id = h.id AND d.code = 'aanvraag-tlv' AND f.verwijderd_op IS NULL
	                  AND w.waarde ~ '-01\$'))
	AND NOT EXISTS (SELECT 1 FROM unnest(balie.compleet_fouten(h.id, h.status)) f(t)
	                 WHERE t NOT IN ('Onderzoeksverslagen niet ouder dan twee jaar',
	                                 'Bijlagen hebben een naam die zegt wat ze zijn', 'Akkoord bestuur = ja',
	                                 'Akkoord ouders, of hun zienswijze', 'Akkoord organisatie = ja',
	                                 'Formulier Aanvraag TLV compleet', 'Type TLV ingevuld',
	                                 'Startdatum TLV op de 1e van de maand'))"

# The row of the first coming PO3008 meeting of commissie $1 (with the extra
# SQL condition $2 on v) among the agenda's rows from today on (by date,
# time, id); the agenda opens with its cursor on the first of those.
agenda_pos() {
	demo_psql "WITH v AS (SELECT v.id, c.code, row_number() OVER (ORDER BY v.datum, v.begintijd, v.id) - 1 AS n
	   FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id JOIN balie.organisatie o
	     ON o.id = v.organisatie_id
	  WHERE o.code = 'PO3008' AND v.datum >= current_date AND v.datum <= current_date + 366)
	 SELECT min(n) FROM v WHERE code = '$1' $2"
}

# Presses Down $1 times.
tui_down() {
	_i=0
	while [ "$_i" -lt "$1" ]; do
		tui_keys Down
		_i=$((_i + 1))
	done
}

# Polls until the demo SQL $1 gives $2 (5 s); status 1 when it never does.
wait_sql() {
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		[ "$(demo_psql "$1")" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}

# The CLI tests: cli_run runs a command (its output in $TUI_SCRATCH/out, its
# status in $rc); cli_expect DESC WANT-STATUS TEXT is one TAP line: the
# status and a line of the output as wanted.
cli_run() {
	"$@" >"$TUI_SCRATCH/out" 2>&1 </dev/null
	rc=$?
}
# ---- the admin verbs on the command line (tests 31-34) -------------------

# cli_admin ARG…: `balie admin ARG…` against the demo database, standard
# input from $TUI_SCRATCH/in (a password; empty when the file is absent),
# output in $TUI_SCRATCH/out, exit status in $rc.
cli_admin() {
	[ -f "$TUI_SCRATCH/in" ] || : >"$TUI_SCRATCH/in"
	(eval "$(cd "$TUI_ROOT" && "$TUI_BALIE" demo --env)"; export PGHOST PGPORT PGDATABASE PGUSER
	 cd "$TUI_ROOT" && "$TUI_BALIE" admin "$@" <"$TUI_SCRATCH/in" >"$TUI_SCRATCH/out" 2>&1
	 echo $? >"$TUI_SCRATCH/rc")
	rc=$(cat "$TUI_SCRATCH/rc")
}

# cli_expect DESC STATUS TEXT: the last cli_admin ended with STATUS and
# printed TEXT.
cli_expect() {
	if [ "$rc" -eq "$2" ] && grep -qF -- "$3" "$TUI_SCRATCH/out"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$TUI_SCRATCH/out")"
	fi
}

# afspraak_hulpvraag STATUS: the id of a hulpvraag in STATUS of the demo
# account coordinator, whose aanvrager wants mail, on no open meeting; when
# she has none at this date, a colleague's becomes hers ("" when there is
# none at all).  For the appointment tests (58, 59).
afspraak_hulpvraag() {
	_me="(SELECT id FROM balie.account WHERE username = 'coordinator')"
	_klaar="h.status = '$1' AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail
		AND NOT EXISTS (SELECT 1 FROM balie.agendapunt p WHERE p.hulpvraag_id = h.id AND p.open)"
	_h=$(demo_psql "SELECT h.id FROM balie.hulpvraag h WHERE h.coordinator_id = $_me AND $_klaar
		ORDER BY h.nummer LIMIT 1")
	if [ -z "$_h" ]; then
		_h=$(demo_psql "SELECT h.id FROM balie.hulpvraag h WHERE $_klaar ORDER BY h.nummer LIMIT 1")
		[ -z "$_h" ] || demo_psql "UPDATE balie.hulpvraag SET coordinator_id = $_me WHERE id = $_h" >/dev/null
	fi
	echo "$_h"
}
