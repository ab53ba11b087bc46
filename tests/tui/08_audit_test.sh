#!/bin/sh
# 08_audit_test.sh — the audit trail that proves (issue 12 §5), end to end:
# opening a hulpvraag in the TUI leaves a "hulpvraag-bekeken" row with the
# account's role (from the database), a session id and the host;
# `balie admin audit kind` shows who saw the child; `verify` finds the chain
# whole, then names the row a superuser changed behind the triggers' back;
# `export` gives CSV for a period and refuses 31-02-2026 clearly.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
DEMO_ENV=$("$B" demo --env)
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
: >"$T/empty.conf"

# admin ARG…: balie admin audit as the administrator (the demo's superuser)
admin() {
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER BALIE_CONFIG="$T/empty.conf"
	 timeout 60 "$B" admin audit "$@" >"$T/out" 2>"$T/err" </dev/null; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
}
has() { grep -qF -- "$1" "$T/out"; }

NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND NOT h.voorlopig
	ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een hulpvraag ($NUMMER)" [ -n "$NUMMER" ]
mark=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.audit_log")

tui_demo aud 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
row=$(demo_psql "SELECT a.rol || '|' || (a.sessie ~ '^[0-9a-f]{32}\$') || '|' || a.host || '|' || a.detail
	FROM balie.audit_log a JOIN balie.hulpvraag h ON h.id = a.object_id
	WHERE a.id > $mark AND a.actie = 'hulpvraag-bekeken' AND a.object = 'hulpvraag'
	  AND h.organisatie_id = $ORG AND h.nummer = $NUMMER")
check "auditrij hulpvraag-bekeken: rol, sessie, host, dossier ($row)" \
	sh -c "echo '$row' | grep -Eq '^secretariaat\|true\|lokaal\|dossier [0-9]+\$'"
tui_keys Escape
tui_keys q

admin kind "$NUMMER" --organisatie PO3008
check "audit kind: status 0" [ "$rc" = 0 ]
check "audit kind: het openen door het secretariaat staat erin" sh -c "grep -F 'hulpvraag-bekeken' '$T/out' | grep -qF secretariaat"
admin kind 999999 --organisatie PO3008
check "audit kind: onbekende hulpvraag (status $rc)" sh -c "[ $rc = 2 ] && grep -qF 'geen hulpvraag met nummer 999999' '$T/err'"

admin verify
check "verify: keten in orde (status $rc)" sh -c "[ $rc = 0 ] && grep -qF 'Auditlog in orde' '$T/out'"
check "verify: de laatste schakel getoond" has "Laatste schakel: "
victim=$(demo_psql "SELECT max(id) FROM balie.audit_log WHERE verzegel_nr IS NOT NULL AND id > $mark")
oud=$(demo_psql "SELECT detail FROM balie.audit_log WHERE id = $victim")
demo_psql "SET session_replication_role = replica; UPDATE balie.audit_log SET detail = 'vervalst' WHERE id = $victim" >/dev/null
admin verify
check "verify na een UPDATE als superuser: status 1, rij $victim genoemd" \
	sh -c "[ $rc = 1 ] && grep -qF 'hash van auditrij $victim' '$T/out'"
demo_psql "SET session_replication_role = replica; UPDATE balie.audit_log SET detail = '$oud' WHERE id = $victim" >/dev/null
admin verify
check "verify na herstel weer in orde (status $rc)" [ "$rc" = 0 ]

today=$(TZ=Europe/Amsterdam date +%d-%m-%Y)
admin export --van "$today" --tot "$today"
check "export: CSV met kopregel" sh -c "[ $rc = 0 ] && head -1 '$T/out' | grep -qF 'moment,account,naam,rol,organisatie'"
check "export: het openen van vandaag staat erin" sh -c "grep -F hulpvraag-bekeken '$T/out' | grep -qF ',secretariaat,'"
admin export --van 31-02-2026 --tot 01-03-2026
check "export 31-02-2026: duidelijke fout (status $rc)" sh -c "[ $rc = 2 ] && grep -qF -- '--van: 31-02-2026' '$T/err'"
tap_done
