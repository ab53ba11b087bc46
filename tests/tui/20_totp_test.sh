#!/bin/sh
# 20_totp_test.sh — an account with TOTP: after the password the code field
# appears; a wrong code is refused, the code from oathtool lets you in.
. "$(dirname "$0")/lib.sh"

# the database holds it sealed (032); the demo opens it with its key
stored=$(demo_psql "SELECT totp_secret FROM balie.account WHERE username = 'totp'")
check "in de database verzegeld" [ "${stored#z1:}" != "$stored" ]
secret=$(cd "$TUI_ROOT" && "$TUI_BALIE" demo --totp)
check "demo-account totp heeft een geheim (balie demo --totp)" [ -n "$secret" ]
niet_leesbaar() { ! printf '%s' "$stored" | grep -qF "$secret"; }
check "het geheim staat niet in de database" niet_leesbaar

tui_demo totp 100 30
tui_login totp demo
check "na het wachtwoord volgt het codeveld" wait_for "Code uit je authenticator-app" 20
check "het wachtwoord is niet meer te zien" screen_lacks "demo  "
code=$(oathtool --totp -b "$secret")
wrong=000000
[ "$code" = "$wrong" ] && wrong=111111
tui_type "$wrong"
tui_keys Enter
check "een foute code wordt geweigerd" wait_for "onjuist" 10
check "na een foute code blijft het codeveld" screen_has "Code uit je authenticator-app"
tui_type "$(oathtool --totp -b "$secret")"
tui_keys Enter
check "de code uit oathtool geeft het overzicht" wait_for "Hulpvragen per statuscategorie" 20
check "ingelogd als totp" screen_has "(totp)"
tui_keys q
wait_for "balie afsluiten?" 5  # q on the home screen asks first (issue 13)
tui_keys Enter
rc=$(wait_exit 10)
check "q sluit af met status 0 (was: ${rc:-nog bezig})" [ "$rc" = 0 ]

tap_done
