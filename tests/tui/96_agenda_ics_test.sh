#!/bin/sh
# 96_agenda_ics_test.sh — the agenda as iCalendar: `balie export agenda
# --commissie CT --van … --tot … --ics` gives one event per CT meeting of
# the organisatie, read back with python3-icalendar (Debian): start times
# in Europe/Amsterdam as in the database, summary "CT, N zaken", no pupil
# name anywhere in the file.  Then the secretariaat cancels the first coming
# meeting in the agenda pane at 80x24 (X, a reason) and the next export has
# the same UID with STATUS:CANCELLED and a higher SEQUENCE; bad dates are
# refused with a Dutch error.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
PY=/usr/bin/python3
DEMO_ENV=$("$TUI_BALIE" demo --env)
export_ics() { # FILE
	(eval "$DEMO_ENV" && "$TUI_BALIE" export agenda --commissie CT --van "$VAN" --tot "$TOT" --ics \
		--als secretariaat) >"$1" 2>"$TUI_SCRATCH/err" </dev/null
}
VAN=$(demo_psql "SELECT to_char(current_date - 60, 'DD-MM-YYYY')")
TOT=$(demo_psql "SELECT to_char(current_date + 300, 'DD-MM-YYYY')")
N=$(demo_psql "SELECT count(*) FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	WHERE v.organisatie_id = $ORG AND c.code = 'CT' AND v.datum BETWEEN current_date - 60 AND current_date + 300")
check "export slaagt" export_ics "$TUI_SCRATCH/een.ics"
check "python3-icalendar leest het: één event per CT-vergadering ($N)" \
	[ "$($PY -c "import sys, icalendar; c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read());
print(len(c.walk('VEVENT')))" "$TUI_SCRATCH/een.ics")" = "$N" ]
# the first event's start as UTC, against the database's time in Europe/Amsterdam
FIRST=$(demo_psql "SELECT v.id FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id
	WHERE v.organisatie_id = $ORG AND c.code = 'CT' AND v.datum BETWEEN current_date - 60 AND current_date + 300
	ORDER BY v.datum, v.begintijd, v.id LIMIT 1")
WANT=$(demo_psql "SELECT to_char((v.datum + v.begintijd) AT TIME ZONE 'Europe/Amsterdam' AT TIME ZONE 'UTC',
	'YYYY-MM-DD HH24:MI') FROM balie.vergadering v WHERE v.id = $FIRST")
GOT=$($PY -c "import sys, icalendar, datetime
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
e = [e for e in c.walk('VEVENT') if str(e['UID']).startswith('vergadering-%s@' % sys.argv[2])][0]
print(e['DTSTART'].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M'), e['DTSTART'].params['TZID'])" \
	"$TUI_SCRATCH/een.ics" "$FIRST")
check "tijden in Europe/Amsterdam ($GOT)" [ "$GOT" = "$WANT Europe/Amsterdam" ]
ZAKEN=$(demo_psql "SELECT count(*) FROM balie.agendapunt WHERE vergadering_id = $FIRST AND open")
check "samenvatting zonder leerlinggegevens: \"CT, $ZAKEN zaken\"" grep -q "SUMMARY:CT\\\\, $ZAKEN zak" "$TUI_SCRATCH/een.ics"
# every surname of a pupil on any agenda, as fixed strings against the file
demo_psql "SELECT DISTINCT d.achternaam FROM balie.agendapunt a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id
	JOIN balie.dossier d ON d.id = h.dossier_id WHERE d.achternaam <> ''" >"$TUI_SCRATCH/namen"
check "de lijst met achternamen is niet leeg" [ -s "$TUI_SCRATCH/namen" ]
NAMEN=$(grep -c -F -i -f "$TUI_SCRATCH/namen" "$TUI_SCRATCH/een.ics")
check "geen achternaam van een leerling in het bestand" [ "$NAMEN" = 0 ]

# a member's feed: only the meetings the external deskundige sits in
(eval "$DEMO_ENV" && "$TUI_BALIE" export agenda --lid deskundige --van "$VAN" --tot "$TOT" --ics --als secretariaat) \
	>"$TUI_SCRATCH/lid.ics" 2>/dev/null </dev/null
NL=$(demo_psql "SELECT count(*) FROM balie.vergadering v JOIN balie.vergadering_lid l ON l.vergadering_id = v.id
	JOIN balie.account u ON u.id = l.account_id
	WHERE u.username = 'deskundige' AND v.datum BETWEEN current_date - 60 AND current_date + 300")
check "--lid deskundige: haar vergaderingen ($NL), niet meer" [ "$($PY -c "import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()); print(len(c.walk('VEVENT')))" "$TUI_SCRATCH/lid.ics")" = "$NL" ]
check "… en dat zijn er minder dan alle" [ "$NL" -gt 0 ] && [ "$(grep -c BEGIN:VEVENT "$TUI_SCRATCH/lid.ics")" -lt \
	"$(demo_psql "SELECT count(*) FROM balie.vergadering WHERE organisatie_id = $ORG
	AND datum BETWEEN current_date - 60 AND current_date + 300")" ]

# ---- cancel the first coming meeting in the pane ----------------------------
KOMEND=$(demo_psql "SELECT v.id FROM balie.vergadering v WHERE v.organisatie_id = $ORG AND v.datum >= current_date
	ORDER BY v.datum, v.begintijd, v.id LIMIT 1")
KCODE=$(demo_psql "SELECT c.code FROM balie.vergadering v JOIN balie.commissie c ON c.id = v.commissie_id WHERE v.id = $KOMEND")
SEQ0=$(demo_psql "SELECT version FROM balie.vergadering WHERE id = $KOMEND")
ZAKEN0=$(demo_psql "SELECT coalesce(string_agg(hulpvraag_id::text, ','), '0') FROM balie.agendapunt
	WHERE vergadering_id = $KOMEND AND open")
tui_demo ics 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_keys X
check "X vraagt eerst, met de vergadering erbij" wait_for "De $KCODE van " 5
tui_keys Right Enter
wait_for "Reden (verplicht" 5
tui_keys Enter
check "zonder reden: gezegd" wait_for "Een reden is verplicht" 5
tui_type "voorzitter ziek"
tui_keys Enter
if [ "$ZAKEN0" != 0 ]; then
	check "met zaken: balie vraagt wat ermee gebeurt" wait_for "Wat gebeurt er met haar zaken" 5
	tui_keys Enter
	check "doorgeschoven naar een volgende vergadering, gemeld" wait_for "zaken verplaatst, " 15
	check "elke zaak staat op een andere, latere vergadering van de commissie" [ "$(demo_psql "SELECT count(*)
		FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
		WHERE a.hulpvraag_id IN ($ZAKEN0) AND a.open AND v.id <> $KOMEND AND v.status = 'gepland'
		  AND v.commissie_id = (SELECT commissie_id FROM balie.vergadering WHERE id = $KOMEND)
		  AND v.datum >= (SELECT datum FROM balie.vergadering WHERE id = $KOMEND)")" = \
		"$(echo "$ZAKEN0" | tr ',' '\n' | wc -l | tr -d ' ')" ]
fi
check "geannuleerd gemeld" wait_for "Vergadering geannuleerd" 10
check "en in de lijst gemarkeerd" wait_for "✗ geannuleerd" 5
check "in de database geannuleerd, met reden" [ "$(demo_psql "SELECT status || '/' || annuleer_reden FROM balie.vergadering
	WHERE id = $KOMEND")" = "geannuleerd/voorzitter ziek" ]
check "op de geannuleerde vergadering staat niets meer open" [ "$(demo_psql "SELECT count(*) FROM balie.agendapunt
	WHERE vergadering_id = $KOMEND AND open")" = 0 ]
# the month grid of the selected (cancelled) meeting: its day with ✗ and the commissie
tui_keys m
check "m: de maand als rooster" wait_for "Agenda · " 5
check "met de weekdagen, de geannuleerde als ✗$KCODE" screen_has_all "ma " "zo" "✗$(printf '%s' "$KCODE" | cut -c1-9)"
tui_keys m
wait_for "Agenda van de commissies" 5
if [ "$KCODE" = CT ]; then
	export_ics "$TUI_SCRATCH/twee.ics"
	check "dezelfde UID, nu STATUS:CANCELLED met een hogere SEQUENCE" [ "$($PY -c "import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
e = [e for e in c.walk('VEVENT') if str(e['UID']) == 'vergadering-%s@po3008.balie' % sys.argv[2]][0]
print(e['STATUS'], int(e['SEQUENCE']) > int(sys.argv[3]))" "$TUI_SCRATCH/twee.ics" "$KOMEND" "$SEQ0")" = "CANCELLED True" ]
else
	check "de eerste komende vergadering is geen CT: exporteer haar commissie" true
fi
VAN=31-02-2026
if export_ics "$TUI_SCRATCH/drie.ics"; then
	tap_fail "31-02-2026: geweigerd met een Nederlandse melding"
else
	tap_ok "31-02-2026: geweigerd met een Nederlandse melding"
fi
check "… die zegt wat er mis is" grep -q "31-02-2026 bestaat niet" "$TUI_SCRATCH/err"
tap_done
