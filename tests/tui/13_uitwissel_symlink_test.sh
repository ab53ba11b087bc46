#!/bin/sh
# 13_uitwissel_symlink_test.sh — the file picker stays in the exchange folder
# (issue 14 §3): with balie ssh-toegang's BALIE_UITWISSELMAP set, the picker
# starts in the folder and offers no way up from it; a symlink to a file or
# a map outside (/etc/passwd, /etc) is not offered, a symlink inside is; an
# export typed as ../ or through a symlink out is refused beside the field,
# and one inside lands in the folder.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
U=$T/uitwissel
mkdir -p "$U/verslagen" "$T/buiten"
make_pdf "$U/OPP binnen.pdf" "OPP binnen"
make_pdf "$T/buiten/geheim.pdf" "buiten"
ln -s /etc/passwd "$U/wachtwoorden.pdf"
ln -s "$T/buiten" "$U/naar-buiten"
ln -s "$U/OPP binnen.pdf" "$U/verslagen/link-binnen.pdf"
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG
	AND h.status = 'Ondersteuningsaanvraag>in behandeling' ORDER BY h.nummer LIMIT 1")
check "demodata heeft een hulpvraag in behandeling ($NUMMER)" [ -n "$NUMMER" ]

tui_start uitwissel 80 24 "env BALIE_UITWISSELMAP='$U' $TUI_BALIE demo"
tui_login secretariaat demo
wait_for "Te doen" 20
tui_open_hulpvraag "$NUMMER"
wait_for "Hulpvraag $NUMMER" 10
tui_keys b
wait_for "Bijlagen" 10
tui_keys a
check "de kiezer begint in de uitwisselmap" wait_for "$U"
check "bestand en map in de uitwisselmap staan er" screen_has_all "OPP binnen.pdf" "verslagen/"
check "geen weg omhoog uit de uitwisselmap" screen_lacks "../"
check "een symlink naar /etc/passwd staat er niet" screen_lacks "wachtwoorden"
check "een symlink naar een map buiten staat er niet" screen_lacks "naar-buiten"
tui_keys BSpace
sleep 0.3
check "Backspace blijft in de uitwisselmap" screen_has "OPP binnen.pdf"
tui_keys Enter
check "een map binnen kan open, met een symlink binnen" wait_for "link-binnen.pdf"
tui_keys BSpace
wait_for "OPP binnen.pdf"
tui_keys Down
tui_keys Enter
check "een bestand binnen kiezen: de categorie" wait_for "Categorie van OPP binnen.pdf"
tui_keys Enter
check "toegevoegd" wait_for "Bijlage toegevoegd" 10

# an export outside the folder is refused; inside it lands
demo_psql "SELECT 1" >/dev/null
n=$(demo_psql "SELECT count(*) FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.verwijderd_op IS NULL")
if [ "$n" -gt 0 ]; then
	tui_keys e
	wait_for "Naar welk bestand" 5
	tui_keys C-u
	tui_type "../ontsnapt.pdf"
	tui_keys Enter
	check "export naar ../ geweigerd naast het veld" wait_for "Alleen in je uitwisselmap"
	check "er is niets buiten geschreven" [ ! -e "$T/ontsnapt.pdf" ]
	tui_keys C-u
	tui_type "naar-buiten/ontsnapt.pdf"
	tui_keys Enter
	check "export door een symlink naar buiten geweigerd" wait_for "Alleen in je uitwisselmap"
	check "ook daar niets geschreven" [ ! -e "$T/buiten/ontsnapt.pdf" ]
	tui_keys C-u
	tui_type "export-binnen.pdf"
	tui_keys Enter
	# the typed name is on screen before the export is done: wait for its message
	check "export binnen de uitwisselmap lukt" wait_for "Geëxporteerd; ophalen"
	check "en het bestand staat er" [ -f "$U/export-binnen.pdf" ]
else
	tap_ok "geen bijlage om te exporteren (overgeslagen)"
fi
tap_done
