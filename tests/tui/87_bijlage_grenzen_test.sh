#!/bin/sh
# 87_bijlage_grenzen_test.sh — a converter stopped by a limit: the viewer
# says why in Dutch instead of hanging.  A fake pdftotext first in PATH
# (PATH is one of the few variables a converter keeps) asks for 1 GiB at
# once, over the 512 MiB the viewer allows; at 80x24 the viewer shows the
# whole reason, wrapped, and q still closes it.  (The wall clock and the CPU
# limit are in tests/unit/bijlage_tekst_test.c, with seconds instead of 20.)
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG
	  AND EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.verwijderd_op IS NULL)
	  AND NOT EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.verwijderd_op IS NULL
	                                                AND b.mime <> 'application/pdf')
	ORDER BY h.nummer LIMIT 1")
check "demodata heeft een hulpvraag met alleen PDF-bijlagen ($NUMMER)" [ -n "$NUMMER" ]

mkdir -p "$T/bin"
cat >"$T/bin/pdftotext" <<'FAKE'
#!/bin/sh
exec dd if=/dev/zero of=/dev/null bs=1G count=1
FAKE
chmod 755 "$T/bin/pdftotext"

tui_start grens 80 24 "PATH='$T/bin:$PATH' $TUI_BALIE demo"
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NUMMER"
check "hulpvraag $NUMMER open" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys b
check "b opent de bijlagen" wait_for "Bijlagen van hulpvraag $NUMMER" 10
tui_keys Home Enter
check "de viewer zegt waarom de PDF niet omgezet is" wait_for "Het document kon niet worden omgezet" 15
check "de hele reden, afgebroken over regels" screen_has_all "512" "MiB" "geheugen" "gestopt" "exporteer"
tui_keys q
check "q sluit de viewer" wait_for "Bijlagen van hulpvraag $NUMMER" 5
tap_done
