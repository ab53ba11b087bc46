#!/bin/sh
# 07_bijlage_cli_test.sh — `balie bijlage add` against the demo database:
# a file copied in with scp is added to a hulpvraag in "TLV>aanvraag
# aanvulling nodig", which moves to "TLV>documenten aangevuld" with a
# statushistorie row (automatisch) and a mail; unknown nummer, unreadable
# file, a file over 10 MB (with the seed's advice) and an unknown category
# get a clear Dutch message and exit 1; bad usage and an unknown acting
# user exit 2.  Nothing is written for a refused file.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
DEMO_ENV=$("$B" demo --env)
export BALIE_CONFIG="$T/empty.conf"
: >"$BALIE_CONFIG"
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

# add ARG…: balie bijlage add against the demo db; output in $T/out, status in $rc
add() {
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	 "$B" bijlage add "$@" >"$T/out" 2>&1 </dev/null; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
}
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && grep -qF -- "$3" "$T/out"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$T/out")"
	fi
}
bijlagen() { demo_psql "SELECT count(*) FROM balie.bijlage"; }

NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG
	  AND h.status = 'TLV>aanvraag aanvulling nodig' AND NOT h.geen_mail AND h.aanvrager_email IS NOT NULL
	ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een TLV-aanvraag met aanvulling nodig ($NUMMER)" [ -n "$NUMMER" ]

printf 'Ontwikkelingsperspectief\nOnderwijsbehoeften: rust en structuur.\n' >"$T/OPP ondertekend.txt"
truncate -s 10485761 "$T/scan20230106.pdf"
printf '%%PDF-1.4\n' | dd of="$T/scan20230106.pdf" conv=notrunc 2>/dev/null
n0=$(bijlagen)

add 999999 "$T/OPP ondertekend.txt" --categorie OPP --als secretariaat
expect "onbekend nummer: Nederlandse melding, status 1" 1 "geen hulpvraag met nummer 999999"
add "$NUMMER" "$T/bestaat-niet.pdf" --categorie OPP --als secretariaat
expect "onleesbaar bestand: melding, status 1" 1 "kan $T/bestaat-niet.pdf niet lezen: bestand bestaat niet"
add "$NUMMER" "$T/scan20230106.pdf" --categorie OPP --als secretariaat
expect "10 MB + 1 byte geweigerd met het advies van het SWV" 1 "lagere resolutie van max. 300 dpi"
add "$NUMMER" "$T/OPP ondertekend.txt" --categorie rapport --als secretariaat
expect "onbekende categorie: de lijst van categorieën, status 1" 1 "kies uit: OPP, onderzoeksverslag"
add "$NUMMER" "$T/OPP ondertekend.txt" --als secretariaat
expect "zonder --categorie: gebruik, status 2" 2 "gebruik: balie bijlage add"
add "$NUMMER" "$T/OPP ondertekend.txt" --categorie OPP --als niemand-$$
expect "onbekende gebruiker: status 2" 2 "onbekende gebruiker"
check "niets geschreven voor een geweigerd bestand" [ "$(bijlagen)" = "$n0" ]

# Marks taken before the action: the test counts only the rows its own action
# adds (id above the mark), never what the generated history happens to hold.
hist0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.statushistorie")
mail0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")
add "$NUMMER" "$T/OPP ondertekend.txt" --categorie opp --als secretariaat --organisatie PO3008
expect "bijlage toegevoegd, status 0" 0 "Bijlage OPP ondertekend.txt (OPP, tekst) toegevoegd aan hulpvraag $NUMMER"
expect "de flow zet de status automatisch door" 0 "status automatisch → TLV>documenten aangevuld"
check "de bijlage staat in de database: naam, categorie, type, grootte, SHA-256, uploader" [ "$(demo_psql "
	SELECT count(*) FROM balie.bijlage b JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	  JOIN balie.bijlage_inhoud i ON i.organisatie_id = b.organisatie_id AND i.sha256 = b.sha256
	  JOIN balie.account a ON a.id = b.geupload_door
	 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND b.naam = 'OPP ondertekend.txt'
	   AND b.categorie = 'OPP' AND b.mime = 'text/plain' AND b.grootte = octet_length(i.inhoud)
	   AND encode(sha256(i.inhoud), 'hex') = b.sha256 AND a.username = 'secretariaat'")" = 1 ]
check "status, statushistorie (automatisch) en mail" [ "$(demo_psql "
	SELECT (h.status = 'TLV>documenten aangevuld')::int
	     + (SELECT count(*) FROM balie.statushistorie s WHERE s.hulpvraag_id = h.id AND s.id > $hist0)
	     + (SELECT count(*) FROM balie.statushistorie s WHERE s.hulpvraag_id = h.id AND s.id > $hist0
	          AND s.door IS NULL AND s.naar = 'TLV>documenten aangevuld' AND s.reden LIKE '%nieuwe bijlage%')
	     + (SELECT count(*) FROM balie.outbox o WHERE o.hulpvraag_id = h.id AND o.id > $mail0)
	  FROM balie.hulpvraag h WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER")" = 4 ]
check "toevoegen staat in het auditlog" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l
	JOIN balie.bijlage b ON b.id = l.object_id AND l.object = 'bijlage'
	JOIN balie.hulpvraag h ON h.id = b.hulpvraag_id
	WHERE l.actie = 'bijlage-add' AND h.nummer = $NUMMER AND h.organisatie_id = $ORG")" = 1 ]

add "$NUMMER" "$T/OPP ondertekend.txt" --categorie OPP --als secretariaat
expect "nogmaals: een nieuwe bijlage, geen nieuwe statuswijziging" 0 "toegevoegd aan hulpvraag $NUMMER"
if grep -qF "status automatisch" "$T/out"; then
	tap_fail "tweede bijlage verandert de status niet" "$(cat "$T/out")"
else
	tap_ok "tweede bijlage verandert de status niet"
fi
tap_done
