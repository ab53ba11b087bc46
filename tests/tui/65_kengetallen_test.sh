#!/bin/sh
# 65_kengetallen_test.sh — the kengetallen pane (issue 10 §5): the
# financieel medewerker opens it from the overzicht with k; the figures of
# the current school year agree with raw queries on the demo's tables (not
# with the function the pane uses), bars are drawn, a changed amount shows
# after r, the doorlooptijd of "Aanvraag TLV" has the median and p90 the
# database computes with percentile_cont/percentile_disc, ←/→ change the
# school year, and the secretariaat may not open it (the rulebook).
. "$(dirname "$0")/lib.sh"

dutch_number() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
}
# cents → "€ 1.234,56"
euro() {
	printf '€ %s,%02d' "$(dutch_number $(($1 / 100)))" $(($1 % 100))
}
# a line of the screen matches the extended regular expression $1
screen_re() {
	tui_screen | grep -Eq -- "$1"
}

JAAR=$(demo_psql "SELECT extract(year FROM (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '7 months')::int")
VAN="make_date($JAAR, 8, 1)"
TOT="make_date($JAAR + 1, 8, 1)"
AFGEGEVEN="EXISTS (SELECT 1 FROM balie.statushistorie sh JOIN balie.beschikking_status s
                    ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar AND s.soort = 'tlv'
                   WHERE sh.hulpvraag_id = b.hulpvraag_id)"
org="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
sbo=$(demo_psql "SELECT count(*) FROM balie.tlv_beschikking b WHERE b.organisatie_id = $org
                 AND b.soort = 'TLV SBO' AND b.startdatum >= $VAN AND b.startdatum < $TOT AND $AFGEGEVEN")

tui_demo k1 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Hulpvragen per statuscategorie" 20
tui_keys k
check "k opent de kengetallen van schooljaar $JAAR-$((JAAR + 1))" \
	wait_for "Kengetallen schooljaar $JAAR-$((JAAR + 1))" 10
check "per soort/categorie geladen" wait_for "Per soort/categorie" 10
check "TLV SBO: $sbo afgegeven TLV's, zoals de tabellen zeggen" screen_re "^ TLV SBO +$sbo +"
check "staafjes in blokken" screen_has "█"

# our own change: one more euro on one arrangement Hoog of this year
id=$(demo_psql "SELECT id FROM balie.aanpak WHERE organisatie_id = $org AND type = 'arrangement'
                AND categorie = 'Hoog' AND startdatum >= $VAN AND startdatum < $TOT AND bedrag_cent IS NOT NULL
                ORDER BY id LIMIT 1")
hoog() {
	demo_psql "SELECT sum(bedrag_cent) FROM balie.aanpak WHERE organisatie_id = $org AND type = 'arrangement'
	           AND categorie = 'Hoog' AND startdatum >= $VAN AND startdatum < $TOT"
}
voor=$(hoog)
check "arrangement Hoog: $(euro "$voor")" screen_re "^ arrangement Hoog +[0-9]+ +$(euro "$voor") "
demo_psql "UPDATE balie.aanpak SET bedrag_cent = bedrag_cent + 100, bedrag_reden = 'test 65: een euro meer'
           WHERE id = $id"
na=$(hoog)
tui_keys r
check "na r: arrangement Hoog een euro meer, $(euro "$na")" wait_for "$(euro "$na")" 10
check "een euro meer dan ervoor" test "$na" -eq $((voor + 100))

# doorlooptijd of Aanvraag TLV, by the database's own percentiles
dl=$(demo_psql "WITH d AS (
	SELECT (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date - h.datum AS dagen
	  FROM balie.statushistorie sh
	  JOIN balie.beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
	  JOIN balie.hulpvraag h ON h.id = sh.hulpvraag_id
	  JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE sh.organisatie_id = $org AND t.naam = 'Aanvraag TLV'
	 GROUP BY h.id, h.datum
	HAVING (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date >= $VAN
	   AND (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date < $TOT)
	SELECT count(*) || ' ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(dagen, 0)))::int
	       || ' ' || percentile_disc(0.9) WITHIN GROUP (ORDER BY greatest(dagen, 0)) FROM d")
set -- $dl
tui_keys End
check "End: de doorlooptijden onderaan" wait_for "Doorlooptijd in dagen" 5
if [ "$1" -gt 0 ]; then
	check "Aanvraag TLV: $1 hulpvragen, mediaan $2, p90 $3 dagen" screen_re "^ Aanvraag TLV +$1 +$2 +$3( |$)"
else
	tap_ok "Aanvraag TLV: geen in dit schooljaar (demo op deze datum)"
fi
tui_keys Left
check "← toont het schooljaar ervoor" wait_for "Kengetallen schooljaar $((JAAR - 1))-$JAAR" 10
tui_keys Right Right
check "→→ toont het schooljaar erna" wait_for "Kengetallen schooljaar $((JAAR + 1))-$((JAAR + 2))" 10
tui_keys Escape
check "Esc: terug naar het overzicht" wait_for "Hulpvragen per statuscategorie" 10

# the secretariaat may not (core/recht.c "kengetallen")
tui_demo k2 80 24
tui_login secretariaat demo
wait_for "Hulpvragen per statuscategorie" 20
tui_keys k
check "secretariaat: k zegt dat de rol het niet mag" wait_for "Dat mag jouw rol niet: kengetallen" 5
check "secretariaat: geen kengetallen" screen_lacks "Kengetallen schooljaar"

tap_done
