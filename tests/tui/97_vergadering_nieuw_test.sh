#!/bin/sh
# 97_vergadering_nieuw_test.sh — a new meeting at 80x24 (n in the agenda):
# bad input gets a Dutch error beside its field and loses nothing — 31-02,
# 25:00, an end before the start, a capacity of 0, a deadline on the
# meeting's day, a series without an end — then one meeting is saved with
# the commissie's deadline, and a series (every two weeks) is saved with
# the feestdagen and schoolvakanties of the regio left out.  Dates are
# relative to today.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# a Tuesday about six weeks ahead
DISO=$(demo_psql "SELECT current_date + 40 + (9 - extract(isodow FROM current_date + 40)::int) % 7")
D=$(demo_psql "SELECT to_char(DATE '$DISO', 'DD-MM-YYYY')")
JAAR=$(demo_psql "SELECT extract(year FROM DATE '$DISO')::int")
V0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.vergadering")

# replaces the text of the focused field and saves
fix() {
	tui_keys C-u
	tui_type "$1"
	tui_keys F2
}

tui_demo nieuw 80 24
tui_login secretariaat demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_keys n
check "n: het formulier" wait_for "Nieuwe vergadering" 10
wait_for "Commissies:" 5
tui_type CT
tui_keys Tab
tui_type "31-02-$JAAR"
tui_keys Tab
tui_type "13:00"
tui_keys Tab
tui_type "12:00"
tui_keys F2
check "31-02: bestaat niet, bij het veld" wait_for "31-02-$JAAR bestaat niet" 5
fix "$D"
check "eindtijd vóór begintijd: gezegd" wait_for "De eindtijd moet na de begintijd liggen" 5
fix "25:00"
check "25:00: bestaat niet" wait_for "25:00 bestaat niet" 5
fix "16:00"
check "zonder capaciteit: gezegd" wait_for "De capaciteit moet minstens 1 zaak zijn" 5
fix "0"
check "capaciteit 0: gezegd" wait_for "De capaciteit moet minstens 1 zaak zijn" 5
check "wat getypt was staat er nog" screen_has_all "$D" "13:00" "16:00" "CT"
tui_keys C-u
tui_type 6
tui_keys Tab Tab
tui_type "$D"
tui_keys F2
check "deadline op de dag zelf: gezegd" wait_for "De aanleverdeadline moet vóór de vergadering liggen" 5
tui_keys C-u Tab Tab
tui_type 2
tui_keys F2
check "een reeks zonder einde: gezegd" wait_for "Een reeks heeft een einddatum nodig" 5
check "niets bewaard tot nu toe" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering WHERE id > $V0")" = 0 ]
tui_keys Down C-u Up
tui_keys F2
check "één vergadering bewaard" wait_for "1 vergadering bewaard" 10
check "in de database, met de deadline van de CT ervoor" [ "$(demo_psql "SELECT count(*) FROM balie.vergadering v
	JOIN balie.commissie c ON c.id = v.commissie_id WHERE v.id > $V0 AND c.code = 'CT' AND v.datum = DATE '$DISO'
	AND v.deadline < v.datum AND v.capaciteit_zaken = 6 AND v.begintijd = '13:00' AND v.eindtijd = '16:00'")" = 1 ]

# ---- a series: every two weeks for half a year --------------------------------
V1=$(demo_psql "SELECT max(id) FROM balie.vergadering")
TOT=$(demo_psql "SELECT to_char(DATE '$DISO' + 182, 'DD-MM-YYYY')")
wait_for "Agenda van de commissies" 10
tui_keys n
wait_for "Commissies:" 5
tui_type "Kans!overleg"
tui_keys Tab
tui_type "$D"
tui_keys Tab
tui_type "09:00"
tui_keys Tab
tui_type "12:00"
tui_keys Tab Tab Tab Tab
tui_type 45
tui_keys Tab Tab
tui_type "$TOT"
tui_keys F2
check "de reeks is bewaard" wait_for "vergaderingen bewaard" 10
N=$(demo_psql "SELECT count(*) FROM balie.vergadering WHERE id > $V1")
check "om de week, tot de einddatum ($N van 14 data)" [ "$N" -ge 6 ] && [ "$N" -le 14 ]
check "alle op een werkdag, om de veertien dagen na de eerste" [ "$(demo_psql "SELECT count(*)
	FROM balie.vergadering WHERE id > $V1 AND (extract(isodow FROM datum) > 5
	OR (datum - DATE '$DISO') % 14 <> 0)")" = 0 ]

# ---- gespreksverslagen te laat (004 §3.4) -------------------------------------
# a Kans!overleg ten days ago with one decided case and no gespreksverslag
demo_psql "WITH v AS (INSERT INTO balie.vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd,
	  capaciteit_zaken, deadline)
	SELECT o.id, c.id, (now() AT TIME ZONE 'Europe/Amsterdam')::date - 10, '09:00', '12:00', 4,
	       (now() AT TIME ZONE 'Europe/Amsterdam')::date - 17
	  FROM balie.organisatie o JOIN balie.commissie c ON c.organisatie_id = o.id AND c.code = 'Kans!overleg'
	 WHERE o.code = 'PO3008' RETURNING id, organisatie_id)
	INSERT INTO balie.agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde, open, uitkomst)
	SELECT v.organisatie_id, v.id, (SELECT h.id FROM balie.hulpvraag h JOIN balie.aanvraagtype t
	         ON t.id = h.aanvraagtype_id WHERE t.naam = 'Aanvraag Kans!overleg' AND h.organisatie_id = v.organisatie_id
	         AND NOT EXISTS (SELECT 1 FROM balie.agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)
	       ORDER BY h.id LIMIT 1), 0, false, 'toegekend' FROM v" >/dev/null
TELAAT=$(demo_psql "SELECT count(*) FROM balie.agendapunt a JOIN balie.vergadering v ON v.id = a.vergadering_id
	JOIN balie.commissie k ON k.id = v.commissie_id AND k.code = 'Kans!overleg'
	WHERE a.organisatie_id = $ORG AND NOT a.open AND a.uitkomst IN ('toegekend', 'afgewezen')
	  AND v.datum + 7 < (now() AT TIME ZONE 'Europe/Amsterdam')::date
	  AND NOT EXISTS (SELECT 1 FROM balie.formulier f JOIN balie.formulier_definitie fd ON fd.id = f.definitie_id
	                   WHERE f.hulpvraag_id = a.hulpvraag_id AND f.verwijderd_op IS NULL AND f.compleet
	                     AND fd.code = 'gespreksverslag-kans-overleg')")
wait_for "Agenda van de commissies" 10
tui_keys V
check "er is er minstens één te laat" [ "$TELAAT" -ge 1 ]
check "V: de gespreksverslagen die te laat zijn ($TELAAT)" wait_for "Gespreksverslag Kans!overleg te laat · $TELAAT" 10

# ---- two people save the same meeting --------------------------------------------
# the first coming CT that is not cancelled, reached the same way in both sessions
NAAR=$(agenda_pos CT "AND id IN (SELECT id FROM balie.vergadering WHERE status = 'gepland')")
tui_keys Escape
wait_for "Agenda van de commissies" 10
tui_keys Escape
wait_for "Welkom" 10
tui_keys a
wait_for "Agenda van de commissies" 10
tui_down "$NAAR"
tui_keys e
check "e: de vergadering in het formulier" wait_for "Vergadering wijzigen" 10
tui_demo beheer 80 24
tui_login admin demo
wait_for "Welkom" 20
tui_keys a
wait_for "Agenda van de commissies" 10
tui_down "$NAAR"
tui_keys e
wait_for "Vergadering wijzigen" 10
tui_keys Tab Tab Tab C-u
tui_type "Zaal 2"
tui_keys F2
check "de beheerder bewaart eerst" wait_for "Vergadering bewaard" 10
tui_use nieuw
tui_keys Tab C-u
tui_type "15:30"
tui_keys F2
check "de tweede hoort door wie en wanneer" wait_for "intussen gewijzigd door Mark Hendriks" 10
check "en haar invoer staat er nog" screen_has "15:30"
tap_done
