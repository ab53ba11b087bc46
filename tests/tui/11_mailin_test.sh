#!/bin/sh
# 11_mailin_test.sh — documents by mail (issue 14 §4) against the demo
# database: a mail about a hulpvraag in "aanvulling nodig" goes out with a
# Reply-To carrying a reply token; the aanvrager's answer with a PDF whose
# name has path parts and a control character goes through `balie mail-in`
# and lands as a bijlage with a clean name, the text as a note, and the flow's
# "documenten aangevuld"; the same message again files nothing twice.  An
# answer from someone else, a mail without token and a mail bomb of 1,000
# attachments go to the post list with their reason, each sender answered
# with a subject that names nobody.  Then the secretariaat sees "Post" on the
# home screen (p), reads the other sender's message, opens the hulpvraag its
# token named (h) and marks it afgehandeld.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2
B=$TUI_BALIE
T=$TUI_SCRATCH
DEMO_ENV=$("$B" demo --env)
export BALIE_CONFIG="$T/empty.conf"
: >"$BALIE_CONFIG"
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

# mailin FILE: balie mail-in as secretariaat; output in $T/out, status in $rc
mailin() {
	(eval "$DEMO_ENV"; export PGHOST PGPORT PGDATABASE PGUSER
	 "$B" mail-in --als secretariaat <"$1" >"$T/out" 2>&1; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
}
expect() { # DESC WANT-STATUS TEXT
	if [ "$rc" -eq "$2" ] && grep -qF -- "$3" "$T/out"; then
		tap_ok "$1"
	else
		tap_fail "$1" "status $rc (verwacht $2); uitvoer: $(cat "$T/out")"
	fi
}
# reply FROM TO SUBJECT PDF NAME > file: a multipart answer with one PDF
reply() {
	printf 'From: IB <%s>\nTo: %s\nSubject: %s\nMIME-Version: 1.0\n' "$1" "$2" "$3"
	printf 'Content-Type: multipart/mixed; boundary="grens"\n\n--grens\n'
	printf 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n'
	printf 'Hierbij het ondertekende OPP, zoals gevraagd.=0AMet vriendelijke groet\n'
	printf -- '--grens\nContent-Type: application/pdf\n'
	printf 'Content-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n' "$5"
	base64 -w 76 "$4"
	printf -- '--grens--\n'
}

ROW=$(demo_psql "SELECT h.id || ' ' || h.nummer || ' ' || h.aanvrager_email FROM balie.hulpvraag h
	WHERE h.organisatie_id = $ORG AND h.status = 'TLV>aanvraag aanvulling nodig' AND h.aanvrager_email IS NOT NULL
	  AND NOT EXISTS (SELECT 1 FROM balie.bijlage b WHERE b.hulpvraag_id = h.id AND b.naam = 'OPP ondertekend.pdf')
	ORDER BY h.nummer LIMIT 1")
HV=${ROW%% *}
rest=${ROW#* }
NUMMER=${rest%% *}
AANVRAGER=${rest#* }
check "demodata heeft een TLV-aanvraag met aanvulling nodig ($NUMMER)" [ -n "$NUMMER" ]

# balie's mail about it, delivered by balie demo --mail, says Reply-To with a token
OUT=$(demo_psql "INSERT INTO balie.outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
	SELECT organisatie_id, id, aanvrager_email, 'Aanvulling nodig', 'Stuur het ondertekende OPP.'
	  FROM balie.hulpvraag WHERE id = $HV RETURNING id" | head -1)
"$B" demo --mail >/dev/null 2>&1
EML=$(ls "$BALIE_DEMO_DIR"/mail/outbox-"$OUT".*.eml 2>/dev/null | head -1)
ANTWOORD=$(sed -n 's/^Reply-To: //p' "$EML" 2>/dev/null)
check "de mail heeft een Reply-To met antwoordcode ($ANTWOORD)" \
	sh -c "printf '%s' '$ANTWOORD' | grep -Eq '^secretariaat\\+[0-9a-f]{32}@swv-demo\\.example\$'"
check "de code staat alleen gehasht in de database" [ "$(demo_psql "SELECT count(*) FROM balie.antwoord_token
	WHERE hulpvraag_id = $HV AND sha256 = encode(sha256(convert_to(substring('$ANTWOORD' from '\\+([0-9a-f]{32})@'),
	'UTF8')), 'hex')")" = 1 ]

make_pdf "$T/opp.pdf" "Ontwikkelingsperspectief ondertekend"
reply "$AANVRAGER" "$ANTWOORD" "Re: Aanvulling nodig" "$T/opp.pdf" "../../tmp/OPP ondertekend.pdf" >"$T/antwoord.eml"
# a control character in the name, as a broken mail program sends it
printf 'x' | tr x '\007' >"$T/bel"
sed -i "s|OPP ondertekend.pdf|OPP $(cat "$T/bel")ondertekend.pdf|" "$T/antwoord.eml"
hist0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.statushistorie")
mailin "$T/antwoord.eml"
expect "antwoord van de aanvrager toegevoegd, status 0" 0 "toegevoegd aan hulpvraag $NUMMER: 1 bijlage(n)"
expect "de flow zet de status automatisch door" 0 "status automatisch → TLV>documenten aangevuld"
check "bijlage met schone naam (geen map, geen stuurteken), type uit de inhoud" [ "$(demo_psql "
	SELECT count(*) FROM balie.bijlage WHERE hulpvraag_id = $HV AND naam = 'OPP ondertekend.pdf'
	   AND mime = 'application/pdf'")" = 1 ]
check "de categorie volgt de naam: OPP" [ "$(demo_psql "SELECT categorie FROM balie.bijlage
	WHERE hulpvraag_id = $HV AND naam = 'OPP ondertekend.pdf'")" = OPP ]
check "de tekst als bericht bij de hulpvraag" [ "$(demo_psql "SELECT count(*) FROM balie.mail_in
	WHERE hulpvraag_id = $HV AND reden IS NULL AND tekst LIKE 'Hierbij het ondertekende OPP%'")" = 1 ]
check "statushistorie: automatisch naar documenten aangevuld" [ "$(demo_psql "SELECT count(*)
	FROM balie.statushistorie WHERE hulpvraag_id = $HV AND id > $hist0 AND door IS NULL
	  AND naar = 'TLV>documenten aangevuld'")" = 1 ]
mailin "$T/antwoord.eml"
expect "hetzelfde bericht nog eens: al ontvangen" 0 "was al ontvangen"
check "niets dubbel" [ "$(demo_psql "SELECT count(*) FROM balie.bijlage WHERE hulpvraag_id = $HV
	AND naam = 'OPP ondertekend.pdf'")" = 1 ]

# everything else: the post list, with the reason, and a short answer
mail0=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")
reply "iemand@elders.example" "$ANTWOORD" "Re: Aanvulling nodig" "$T/opp.pdf" "OPP.pdf" >"$T/ander.eml"
mailin "$T/ander.eml"
expect "een andere afzender: in de post, met antwoord" 0 "in de post; afzender krijgt antwoord"
printf 'From: ouder@thuis.example\nTo: info@swv-demo.example\nSubject: Vraag over de aanvraag\n\nHoe staat het ervoor?\n' \
	>"$T/zonder.eml"
mailin "$T/zonder.eml"
expect "een mail zonder antwoordcode: in de post" 0 "in de post"
awk -v to="$ANTWOORD" -v from="$AANVRAGER" 'BEGIN {
	printf "From: %s\nTo: %s\nSubject: bom\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"M\"\n\n", from, to
	for (i = 0; i < 1000; i++)
		printf "--M\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"d%d.pdf\"\n\nx\n", i
	printf "--M--\n" }' >"$T/bom.eml"
mailin "$T/bom.eml"
expect "een mailbom van 1.000 bijlagen: in de post" 0 "in de post"
check "de bom voegde niets toe" [ "$(demo_psql "SELECT count(*) FROM balie.bijlage WHERE hulpvraag_id = $HV")" = \
	"$(demo_psql "SELECT count(*) FROM balie.bijlage WHERE hulpvraag_id = $HV AND naam NOT LIKE 'd%.pdf'")" ]
check "drie antwoorden, vast onderwerp, zonder hulpvraag" [ "$(demo_psql "SELECT count(*) FROM balie.outbox
	WHERE id > $mail0 AND onderwerp = 'Uw bericht is ontvangen' AND hulpvraag_id IS NULL")" = 3 ]
# a colleague of the aanvrager answers: the post, until a person files it
reply "collega@school.example" "$ANTWOORD" "Re: Aanvulling nodig (verslag)" "$T/opp.pdf" "verslag psycholoog.pdf" \
	>"$T/collega.eml"
mailin "$T/collega.eml"
expect "een collega van de aanvrager: in de post" 0 "in de post"

# the secretariaat's post list
tui_demo post 80 24
tui_login secretariaat demo
check "het overzicht toont de post met zijn toets" wait_for "p  Post (mail niet vanzelf toegevoegd)" 20
tui_keys p
check "p opent de post, oudste eerst, met de reden" wait_for "afzender is niet de aanvr"
check "afzender en onderwerp in de lijst" screen_has_all "iemand@elders" "Vraag over de aanv" "bom"
tui_keys Enter
check "Enter leest het bericht: van, reden, tekst" wait_for "Hierbij het ondertekende OPP"
check "het bericht noemt de hulpvraag van de code" screen_has "hulpvraag $NUMMER (h in de"
check "lezen staat in het auditlog" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log
	WHERE actie = 'post-bekeken'")" -ge 1 ]
tui_keys Escape
wait_gone "Afgehandeld" 5
tui_keys h
check "h opent de hulpvraag van de code" wait_for "$NUMMER"
check "met de nieuwe status" wait_for "documenten aangevuld"
tui_keys Tab
check "de historie toont het antwoord van de aanvrager als bericht" wait_for "ontvangen van $AANVRAGER"
check "met het begin van de tekst" screen_has "Hierbij het ondertekende OPP, zoals gevraagd. Met"
tui_keys Escape
check "terug in de post" wait_for "afzender is niet de aanvr"
tui_keys Enter
wait_for "Hierbij het ondertekende OPP"
tui_keys Right Enter
check "afgehandeld" wait_for "Bericht afgehandeld"
check "het bericht is uit de post" wait_gone "iemand@elders"
check "de andere blijven" screen_has_all "Vraag over de aanv" "bom" "collega@scho"
tui_keys Down
tui_keys t
check "t op de bom: vraagt de hulpvraag" wait_for "Aan welke hulpvraag (nummer)?"
tui_type "$NUMMER"
tui_keys Enter
check "een mailbom wordt ook met de hand niet toegevoegd" wait_for "niet toe te voegen: 1000 bijlagen"
tui_keys Escape
wait_gone "Aan welke hulpvraag" 5
tui_keys Down
tui_keys t
check "t op het bericht van de collega: de hulpvraag van de code staat er al" wait_for "Aan welke hulpvraag (nummer)?"
check "met het nummer" screen_has "$NUMMER"
tui_keys Enter
check "toegevoegd, met de bijlage" wait_for "Toegevoegd aan hulpvraag $NUMMER: 1 bijlage(n)" 10
check "het bericht is uit de post" wait_gone "collega@scho" 5
check "de bijlage van de collega staat bij de hulpvraag, categorie uit de naam" [ "$(demo_psql "SELECT count(*)
	FROM balie.bijlage WHERE hulpvraag_id = $HV AND naam = 'verslag psycholoog.pdf' AND categorie = 'onderzoeksverslag'")" = 1 ]
tui_keys Escape
tui_keys :
tui_type post
tui_keys Enter
check ":post opent de post ook" wait_for "Post: 2 berichten"
tap_done
