#!/bin/sh
# 21_totp_instellen_test.sh — setting up tweestapsverificatie yourself at
# 80x24 (issue 12 §3): T on the home screen asks the password first (a
# wrong one counts as a failed login), then shows a QR code drawn in the
# terminal — read back by zbarimg as the otpauth URI of the secret shown
# beside it, with the organisation as issuer — and the secret grouped; a
# wrong code stores nothing, the right one turns it on (audited), and the
# next login asks for the code.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
T=$TUI_SCRATCH
DEMO_ENV=$("$TUI_BALIE" demo --env)
USER_=tweestap$$
PW="een goed lang wachtwoord $$"
: >"$T/empty.conf"

printf '%s\n' "$PW" | (eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER BALIE_CONFIG="$T/empty.conf"
	"$TUI_BALIE" admin user add "$USER_" --naam "Tweestap Test" --organisatie PO3008 --rol secretariaat) >"$T/add" 2>&1
check "account $USER_ aangemaakt" grep -qF "aangemaakt" "$T/add"
failed() { demo_psql "SELECT failed_attempts FROM balie.account WHERE username = '$USER_'"; }
secret_db() { demo_psql "SELECT coalesce(totp_secret, '') FROM balie.account WHERE username = '$USER_'"; }

tui_demo ts 80 24
tui_login "$USER_" "$PW"
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_keys T
check "T vraagt eerst het wachtwoord" wait_for "Tweestapsverificatie instellen" 5
tui_type "verkeerd wachtwoord"
tui_keys Enter
check "fout wachtwoord: melding" wait_for "Wachtwoord onjuist" 10
check "fout wachtwoord telt als mislukte aanmelding ($(failed))" [ "$(failed)" = 1 ]
tui_type "$PW"
tui_keys Enter
check "QR-code en geheim getoond op 80x24" wait_for "Scan de QR-code" 10
check "uitgever is de organisatie" screen_has "SWV Helmond-Peelland PO"

# the secret as the person reads it: groups of four beside the code
secret=$(tui_screen | grep -A2 "Geheim" | sed -n '2,3p' | grep -oE '([A-Z2-7]{4} ?)+$' | tr -d ' \n')
check "geheim van 32 tekens in groepjes ($secret)" [ ${#secret} = 32 ]

# the QR code as a camera sees it: lines 2-21 of the screen, two modules per
# cell (▀ light above, ▄ light below, █ both, space both dark), to a PBM
tui_screen | sed -n '2,21p' | python3 -c '
import sys
rows = []
for line in sys.stdin.read().split("\n")[:20]:
    cells = line[:39].ljust(39)
    top = ["0" if c in "\u2580\u2588" else "1" for c in cells]
    bot = ["0" if c in "\u2584\u2588" else "1" for c in cells]
    rows += [top, bot]
s, pad = 6, 4
w = (len(rows[0]) + 2 * pad) * s
out = ["P1", "%d %d" % (w, (len(rows) + 2 * pad) * s)]
blank = " ".join(["0"] * w)
out += [blank] * (pad * s)
for r in rows:
    line = " ".join(["0"] * (pad * s) + [b for b in r for _ in range(s)] + ["0"] * (pad * s))
    out += [line] * s
out += [blank] * (pad * s)
print("\n".join(out))' >"$T/qr.pbm"
uri=$(zbarimg -q --raw "$T/qr.pbm" 2>/dev/null)
check "zbarimg leest de QR-code: otpauth-URI van dit geheim ($uri)" \
	[ "$uri" = "otpauth://totp/$USER_?secret=$secret&issuer=SWV%20Helmond-Peelland%20PO" ]

code=$(oathtool --totp -b "$secret")
wrong=000000
[ "$code" = "$wrong" ] && wrong=111111
tui_type "$wrong"
tui_keys Enter
check "foute code: melding" wait_for "Die code klopt niet" 10
check "foute code: niets opgeslagen" [ -z "$(secret_db)" ]
tui_type "$(oathtool --totp -b "$secret")"
tui_keys Enter
check "goede code: tweestapsverificatie aan" wait_for "Tweestapsverificatie staat aan" 10
# sealed (032): the database holds "z1:…", never the secret itself
stored=$(secret_db)
verzegeld() { [ "${stored#z1:}" != "$stored" ] && ! printf '%s' "$stored" | grep -qF "$secret"; }
check "geheim verzegeld opgeslagen, niet leesbaar in de database" verzegeld
check "auditrij totp-ingesteld" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log a JOIN balie.account c ON c.id = a.account_id
	WHERE c.username = '$USER_' AND a.actie = 'totp-ingesteld' AND a.detail NOT LIKE '%$secret%'")" = 1 ]
tui_keys q
wait_for "balie afsluiten?" 3 && tui_keys Enter
wait_exit 10 >/dev/null

tui_demo ts2 80 24
tui_login "$USER_" "$PW"
check "volgende aanmelding vraagt de code" wait_for "Code uit je authenticator-app" 20
tap_done
