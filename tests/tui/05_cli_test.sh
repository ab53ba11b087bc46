#!/bin/sh
# 05_cli_test.sh — the command-line side: bad input gets a clear Dutch
# message and the right exit status; admin verbs work against the demo
# database; an interrupted `balie demo` is redone; two at once share.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
DEMO_ENV=$("$B" demo --env)

# run CMD…: stdout+stderr in $T/out, status in $rc
run() {
	"$@" >"$T/out" 2>&1 </dev/null
	rc=$?
}
out_has() { grep -qF -- "$1" "$T/out"; }
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && out_has "$3"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$T/out")"
	fi
}

# ---- configuration ----------------------------------------------------------
printf 'conninfo = "host=/nergens dbname=x password=geheim";\n' >"$T/pw.conf"
chmod 644 "$T/pw.conf"
run "$B" --config "$T/pw.conf" --dump-config
expect "config met wachtwoord, leesbaar voor anderen, geweigerd" 2 "leesbaar voor anderen"
chmod 600 "$T/pw.conf"
run "$B" --config "$T/pw.conf" --dump-config
if [ "$rc" -eq 0 ] && out_has "niet getoond" && ! out_has "geheim"; then
	tap_ok "config met wachtwoord en chmod 600 geaccepteerd, wachtwoord niet getoond"
else
	tap_fail "config met wachtwoord en chmod 600" "$(cat "$T/out")"
fi
# the staff's program with a helper must not hold the auth role's credential
printf 'auth_socket = "/run/balie/auth.sock";\nauth_conninfo = "dbname=balie user=balie_auth";\n' >"$T/beide.conf"
chmod 600 "$T/beide.conf"
run "$B" --config "$T/beide.conf"
expect "auth_socket met auth_conninfo in één configuratie: geweigerd" 2 "alleen in de configuratie van de aanmeldhelper"
printf 'conninfo = "postgresql://balie_app:geheim@db/balie";\n' >"$T/uri.conf"
chmod 640 "$T/uri.conf"
run "$B" --config "$T/uri.conf" --dump-config
expect "wachtwoord in een postgresql://-URI wordt ook herkend" 2 "leesbaar voor anderen"
printf 'conninfo = "";\nidle_lock_minuten = 5;\n' >"$T/typo.conf"
run "$B" --config "$T/typo.conf" --dump-config
expect "onbekende instelling: bestand:regel" 2 "typo.conf:2: onbekende instelling 'idle_lock_minuten'"
printf 'idle_lock_minutes = "vijf";\n' >"$T/type.conf"
run "$B" --config "$T/type.conf" --dump-config
expect "verkeerd type: bestand:regel" 2 "type.conf:1: 'idle_lock_minutes' moet een geheel getal zijn"
printf 'conninfo = "host=/nergens\n' >"$T/broken.conf"
run "$B" --config "$T/broken.conf" --dump-config
expect "kapot configbestand: bestand:regel" 2 "broken.conf:"
run "$B" --config "$T/bestaat-niet.conf"
expect "ontbrekend configbestand" 2 "niet gevonden"

# ---- unreachable database / wrong conninfo ------------------------------------
printf 'conninfo = "host=/tmp/balie-bestaat-niet dbname=balie";\n' >"$T/down.conf"
run "$B" --config "$T/down.conf" admin migrate
expect "onbereikbare database: Nederlandse melding" 2 "kan geen verbinding maken met de database"
printf 'conninfo = "hots=db";\n' >"$T/wrong.conf"
run "$B" --config "$T/wrong.conf" admin migrate
expect "verkeerde conninfo: bestand:regel en libpq's reden" 2 "wrong.conf:1: conninfo klopt niet"

# ---- admin verbs against the demo database ---------------------------------------
export BALIE_CONFIG="$T/empty.conf"
# new TOTP secrets are sealed with the demo's key (balie-admin(8))
printf 'totp_sleutel = "%s/totp.key";\n' "$BALIE_DEMO_DIR" >"$BALIE_CONFIG"
(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
 run "$B" admin migrate; echo "$rc" >"$T/rc"; cp "$T/out" "$T/out.keep")
rc=$(cat "$T/rc"); cp "$T/out.keep" "$T/out"
expect "admin migrate op een bijgewerkte database doet niets" 0 "niets te doen"

u=nieuw$$
admin() { # runs balie admin … against the demo db, with stdin from $T/in
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	 "$B" admin "$@" <"$T/in" >"$T/out" 2>&1; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
}
echo "kort" >"$T/in"
admin user add $u --naam "Nieuwe Collega" --organisatie PO3008 --rol secretariaat
expect "te kort wachtwoord geweigerd" 2 "minstens 12 tekens"
echo "password1234" >"$T/in"
admin user add $u --naam "Nieuwe Collega" --organisatie PO3008 --rol secretariaat
expect "veelgebruikt wachtwoord geweigerd" 2 "veel gebruikt"
echo "lange zin als wachtwoord" >"$T/in"
admin user add $u --naam "Nieuwe Collega" --organisatie PO9999 --rol secretariaat
expect "onbekende organisatie geweigerd" 2 "organisatie 'PO9999' bestaat niet"
admin user add $u --naam "Nieuwe Collega" --organisatie PO3008 --rol directeur
expect "onbekende rol geweigerd" 2 "onbekende rol 'directeur'"
admin user add $u --naam "Nieuwe Collega" --organisatie PO3008 --rol secretariaat --totp
expect "account aangemaakt met TOTP" 0 "otpauth://totp/"
stored=$(cd "$TUI_ROOT" && (eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	psql -X -A -t -q -c "SELECT totp_secret FROM balie.account WHERE username = '$u'"))
geheim=$(sed -n 's/^TOTP-geheim voor [^:]*: //p' "$T/out")
verzegeld() { [ -n "$geheim" ] && [ "${stored#z1:}" != "$stored" ] && ! printf '%s' "$stored" | grep -qF "$geheim"; }
check "… het geheim staat verzegeld in de database" verzegeld
# without the key (not root, not the helper's user): a clear refusal, nothing changed
printf 'organisatie = "PO3008";\n' >"$T/zonder-sleutel.conf"
BALIE_CONFIG="$T/zonder-sleutel.conf" admin user totp-reset $u
expect "totp-reset zonder leesbare sleutel: geweigerd" 2 "nieuw TOTP-geheim niet opgeslagen"
admin user add $u --naam "Dubbel" --organisatie PO3008 --rol secretariaat
expect "dubbele gebruikersnaam geweigerd" 2 "al in gebruik"
: >"$T/in"
admin user block $u
expect "block" 0 "geblokkeerd"
admin user list --organisatie PO3008
if [ "$rc" -eq 0 ] && grep -q "^$u .*geblokkeerd" "$T/out" && grep -q "^coordinator " "$T/out"; then
	tap_ok "list toont accounts met status"
else
	tap_fail "list" "$(cat "$T/out")"
fi
admin user unblock $u
expect "unblock" 0 "gedeblokkeerd"
# a dienstaccount (034): no password asked, none settable, cli sessions only
: >"$T/in"
admin user add d$u --dienst --naam "Post (dienst)" --organisatie PO3008 --rol secretariaat --totp
expect "dienstaccount met --totp geweigerd" 2 "laat --totp en --email weg"
admin user add d$u --dienst --naam "Post (dienst)" --organisatie PO3008 --rol secretariaat
expect "dienstaccount aangemaakt zonder wachtwoordvraag" 0 "meldt zich aan als de Unix-gebruiker d$u"
admin user list --organisatie PO3008
expect "list toont het als dienst" 0 "dienst"
echo "lange zin als wachtwoord" >"$T/in"
admin user passwd d$u
expect "een dienstaccount krijgt geen wachtwoord" 2 "is een dienstaccount"
: >"$T/in"
(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER; run "$B" check --als d$u --all; echo "$rc" >"$T/rc")
rc=$(cat "$T/rc")
# 0 (nothing to check) or 1 (some to check): it ran in the dienst's session
expect "balie check --all als het dienstaccount" "$([ "$rc" -le 1 ] && echo "$rc" || echo 0)" "te controleren"
check "  … in een cli-sessie van het dienstaccount" [ "$(cd "$TUI_ROOT" && (eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	psql -X -A -t -q -c "SELECT count(*) FROM balie.sessie s JOIN balie.account a ON a.id = s.account_id
	 WHERE a.username = 'd$u' AND s.soort = 'cli'"))" = 1 ]
admin user totp-reset $u --uit
expect "totp-reset --uit" 0 "uitgezet"
admin user passwd bestaat-niet
expect "passwd van onbekend account" 2 "bestaat niet"
n=$(demo_psql "SELECT count(*) FROM balie.audit_log WHERE actie LIKE 'user-%' AND detail LIKE 'door %'")
check "elke accountwijziging staat in de audit-log ($n)" [ "$n" -ge 4 ]

# ---- flows and feestdagen ----------------------------------------------------------
mkdir -p "$T/prof"
printf 'organisatie = "PO1234";\nnaam = "Test";\n' >"$T/prof/profiel.conf"
printf 'versie = 1;\nnaam = "Kapot";\ncategorie = "X";\neerste_status = "Nieuw";\nstatussen = ( { naam = "Nieuw"; } );\novergangen = ( { van = ["Nieuw"]; naar = "Weg"; door = ["secretariaat"]; } );\n' >"$T/prof/kapot.flow"
run "$B" admin forms check "$T/prof"
expect "kapotte flow: bestand:regel, status 1" 1 "kapot.flow:6:"
run "$B" admin forms check forms
expect "alle profielen in forms/ zijn in orde" 0 "po3008: 15 aanvraagtypes"
# a completeness rule naming a field the form does not have: flow file:line
cp -r forms/po3008 "$T/po3008"
sed -i '0,/"akkoord_bestuur"/s//"akkoord_bestuurr"/' "$T/po3008/aanvraag-tlv.flow"
run "$B" admin forms check "$T/po3008"
# the line of the rule ({ … } may span lines up to the one with the typo)
regel=$(sed -n "s/^.*aanvraag-tlv\.flow:\([0-9]*\): formulier 'aanvraag-tlv' heeft geen veld 'akkoord_bestuurr'.*/\1/p" "$T/out")
typo=$(grep -n '"akkoord_bestuurr"' "$T/po3008/aanvraag-tlv.flow" | cut -d: -f1)
rule_reported() { [ "$rc" -eq 1 ] && [ -n "$regel" ] && [ "$regel" -le "$typo" ] && [ "$regel" -ge $((typo - 3)) ]; }
check "compleetheidsregel met een onbekend formulierveld: status 1, flow bestand:regel ($regel, typo op $typo)" \
	rule_reported
admin forms load forms/po3008
expect "forms load van een ongewijzigd profiel publiceert niets" 0 "ongewijzigd"
run "$B" admin feestdagen 2026
if [ "$rc" -eq 0 ] && out_has "27-04-2026 Koningsdag" && out_has "15-05-2026" && out_has "03-04-2026 Goede Vrijdag"; then
	tap_ok "admin feestdagen 2026"
else
	tap_fail "admin feestdagen 2026" "$(cat "$T/out")"
fi
run "$B" admin feestdagen twintig
expect "admin feestdagen met een onzinjaar" 2 "Jaar"

# ---- keymaps ---------------------------------------------------------------------
mkdir -p "$T/cfg/balie"
printf 'bind hulpvraag F7 status-wijzigen\nbind hulpvraag o opslaan\nbind overal Ctrl-S afsluiten\n' >"$T/cfg/balie/keys"
XDG_CONFIG_HOME=$T/cfg "$B" --dump-keys >"$T/keys.out" 2>"$T/keys.err"
krc=$?
if [ "$krc" -eq 1 ] && grep -qF "cfg/balie/keys:2: onbekende actie 'opslaan' in context 'hulpvraag'" "$T/keys.err" &&
   grep -qF "cfg/balie/keys:3: Ctrl-S is niet toegestaan" "$T/keys.err" &&
   grep -q "^bind hulpvraag *F7 *status-wijzigen" "$T/keys.out" && grep -q "^bind overal *q *terug-of-afsluiten" "$T/keys.out"; then
	tap_ok "eigen toetsenbestand: fouten als bestand:regel, de rest en de standaard blijven"
else
	tap_fail "eigen toetsenbestand" "status $krc; $(cat "$T/keys.err")"
fi
printf 'unbind overal q\nunbind overzicht q\nbind overal Q afsluiten\nbind overzicht F7 werkvoorraad\nbind overzicht x nergens\n' >"$T/cfg/balie/keys"
tui_start keys 100 30 "XDG_CONFIG_HOME=$T/cfg $B demo"
check "fout in het eigen toetsenbestand staat bij het starten in de berichtregel" wait_for "keys:5: onbekende actie" 20
tui_login coordinator demo
if wait_for "Welkom" 20 && wait_for "Q Afsluiten" 5; then
	tap_ok "eigen toetsen in de TUI: de onderste regel toont Q Afsluiten"
else
	tap_fail "eigen toetsen in de TUI"
fi
tui_keys F7
check "F7 opent de werkvoorraad (eigen koppeling)" wait_for "Werkvoorraad" 10
tui_keys Escape
wait_for "Welkom" 3 || { tui_keys Escape; wait_for "Welkom" 5; }
tui_keys q
if wait_gone "Welkom" 1; then tap_fail "q doet niets meer (ontkoppeld)"; else tap_ok "q doet niets meer (ontkoppeld)"; fi
tui_keys Q
rc_keys=$(wait_exit 10)
check "Q sluit af (status $rc_keys)" [ "$rc_keys" = 0 ]

# ---- locale ------------------------------------------------------------------------
run env LC_ALL=C LANG=C "$B" --help
expect "niet-UTF-8-locale: balie start toch (LC_CTYPE naar C.UTF-8)" 0 "gebruik: balie"

# ---- balie demo interrupted half-way, and two at once -------------------------------
D=$(mktemp -d /tmp/balie-demo-int.XXXXXX)
rmdir "$D"
BALIE_DEMO_DIR=$D "$B" demo --prepare --scale 300000 >"$T/int.log" 2>&1 </dev/null &
pid=$!
i=0
while [ $i -lt 300 ] && ! grep -q "po2507" "$T/int.log" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
# SIGTERM: a background job of a non-interactive shell ignores SIGINT, and
# for balie both simply end the process half-way (as Ctrl-C does).
kill -TERM $pid 2>/dev/null
wait $pid
irc=$?
if [ "$irc" -ne 0 ] && [ ! -f "$D/demo-klaar" ]; then
	tap_ok "onderbroken tijdens het vullen: geen klaar-markering (status $irc)"
else
	tap_fail "onderbroken tijdens het vullen" "status $irc; $(cat "$T/int.log")"
fi
BALIE_DEMO_DIR=$D "$B" demo --prepare --scale 500 >"$T/a.log" 2>&1 </dev/null &
pa=$!
BALIE_DEMO_DIR=$D "$B" demo --prepare --scale 500 >"$T/b.log" 2>&1 </dev/null &
pb=$!
wait $pa; ra=$?
wait $pb; rb=$?
builds=$(cat "$T/a.log" "$T/b.log" | grep -c "Demodatabase opbouwen")
n=$(BALIE_DEMO_DIR=$D sh -c 'eval "$('"$B"' demo --env)"; psql -XAtqc "SELECT count(*) FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id WHERE o.code = '"'PO3008'"'"')
if [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && [ "$builds" -eq 1 ] && [ "$n" = 500 ] && [ -f "$D/demo-klaar" ]; then
	tap_ok "na de onderbreking opnieuw opgebouwd; twee tegelijk delen één cluster"
else
	tap_fail "opnieuw opbouwen / twee tegelijk" "ra=$ra rb=$rb builds=$builds n=$n; $(cat "$T/a.log" "$T/b.log")"
fi
BALIE_DEMO_DIR=$D "$B" demo --reset --prepare --scale 100 >/dev/null 2>&1 </dev/null
n=$(BALIE_DEMO_DIR=$D sh -c 'eval "$('"$B"' demo --env)"; psql -XAtqc "SELECT count(*) FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id WHERE o.code = '"'PO3008'"'"')
check "demo --reset begint opnieuw ($n hulpvragen)" [ "$n" = 100 ]
"$B" admin cluster remove "$D" >/dev/null 2>&1
check "cluster verwijderd" [ ! -e "$D" ]

tap_done
