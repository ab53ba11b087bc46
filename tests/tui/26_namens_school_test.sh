#!/bin/sh
# 26_namens_school_test.sh — issue 13 §5 at 80x24: when SWV staff add a
# document on the school's behalf, balie asks whether to move the status
# ("documenten aangevuld"); Nee leaves the status and sends no mail, Ja
# moves it with the mail.  The aanvrager's own bijlage moves the status
# without a question, as the seeds say.
. "$(dirname "$0")/lib.sh"
T=$TUI_SCRATCH
ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
AUTO="EXISTS (SELECT 1 FROM balie.flow_transitie t WHERE t.aanvraagtype_id = h.aanvraagtype_id
	AND t.van = h.status AND t.rol = 'automatisch')"

# the last hulpvraag whose status the flow moves by itself when a bijlage
# comes in, not the school's own (87 takes the first TLV one)
ROW=$(demo_psql "SELECT h.nummer || '|' || h.status || '|' || t.naar FROM balie.hulpvraag h
	JOIN balie.flow_transitie t ON t.aanvraagtype_id = h.aanvraagtype_id AND t.van = h.status
	 AND t.rol = 'automatisch'
	LEFT JOIN balie.account a ON a.id = h.aanvrager_id
	WHERE h.organisatie_id = $ORG AND NOT h.voorlopig AND a.username IS DISTINCT FROM 'school'
	ORDER BY h.nummer DESC LIMIT 1")
IFS='|' read -r NR VAN NAAR <<EOS
$ROW
EOS
check "demodata: een hulpvraag die bij een bijlage vanzelf verder gaat ($NR: $VAN → $NAAR)" [ -n "$NR" ]
status_of() {
	demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $1"
}
mails_of() {
	demo_psql "SELECT count(*) FROM balie.outbox o JOIN balie.hulpvraag h ON h.id = o.hulpvraag_id
		WHERE h.organisatie_id = $ORG AND h.nummer = $1"
}

mkdir -p "$T/home/stukken"
printf 'Aanvullend verslag van de school.\n' >"$T/home/stukken/aanvulling-1.txt"
printf 'Nog een verslag van de school.\n' >"$T/home/stukken/aanvulling-2.txt"

# add stukken/NAME as categorie overig from the bijlagen list (picker: the
# map first, then the file)
add_file() {
	tui_keys a
	wait_for "Bestand kiezen" 5 || return 1
	tui_keys Down Enter
	wait_for "$1" 5 || return 1
	tui_keys /
	tui_type "$1"
	tui_keys Enter Enter
	wait_for "Categorie van $1" 5 || return 1
	tui_type "overig"
	tui_keys Enter
}

# ---- SWV staff: asked ----------------------------------------------------------
tui_start namens 80 24 "HOME=$T/home $TUI_BALIE demo"
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_open_hulpvraag "$NR"
check "hulpvraag $NR in $VAN" wait_for "Status: $VAN" 10
tui_keys b
check "b opent de bijlagen" wait_for "Bijlagen van hulpvraag $NR" 10
M0=$(mails_of "$NR")
add_file aanvulling-1.txt
check "namens de school: balie vraagt of de status mee gaat" wait_for "Documenten aangevuld?" 10
check "… Ja noemt de nieuwe status, Nee de huidige" \
	screen_has_all "Ja: \"$NAAR\"" "Nee: de status blijft \"$VAN\""
tui_keys Down Enter
check "Nee: de bijlage is toegevoegd" wait_for "Bijlage toegevoegd" 10
check "… de status bleef" [ "$(status_of "$NR")" = "$VAN" ]
check "… en er ging geen mail uit" [ "$(mails_of "$NR")" = "$M0" ]
add_file aanvulling-2.txt
check "tweede document: weer de vraag" wait_for "Documenten aangevuld?" 10
tui_keys Enter
check "Ja: status automatisch verder" wait_for "status automatisch →" 10
check "… in de database" [ "$(status_of "$NR")" = "$NAAR" ]
check "… met één mail aan de aanvrager" [ "$(mails_of "$NR")" = "$((M0 + 1))" ]
tui_keys F10
wait_exit 10 >/dev/null

# ---- the aanvrager: no question ------------------------------------------------
SNR=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h
	JOIN balie.flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	JOIN balie.account a ON a.id = h.aanvrager_id AND a.username = 'school'
	WHERE NOT s.eindstatus AND NOT h.voorlopig AND $AUTO ORDER BY h.nummer DESC LIMIT 1")
if [ -z "$SNR" ]; then
	tap_ok "# SKIP de school heeft vandaag geen hulpvraag die op haar aanvulling wacht"
else
	VOOR=$(status_of "$SNR")
	tui_start school 80 24 "HOME=$T/home $TUI_BALIE demo"
	tui_login school demo
	check "school: overzicht" wait_for "Hulpvragen per statuscategorie" 20
	tui_open_hulpvraag "$SNR"
	check "de school opent haar hulpvraag $SNR ($VOOR)" wait_for "Status: $VOOR" 10
	tui_keys b
	check "b opent de bijlagen" wait_for "Bijlagen van hulpvraag $SNR" 10
	add_file aanvulling-1.txt
	check "de aanvrager: zonder vraag automatisch verder" wait_for "status automatisch →" 10
	check "… geen vraag gesteld" screen_lacks "Documenten aangevuld?"
	check "… de status is niet meer $VOOR" [ "$(status_of "$SNR")" != "$VOOR" ]
	tui_keys F10
	wait_exit 10 >/dev/null
fi
tap_done
