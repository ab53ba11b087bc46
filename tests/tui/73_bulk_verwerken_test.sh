#!/bin/sh
# 73_bulk_verwerken_test.sh — issue 10 §4 at 80x24: in "Te verwerken" the
# financieel medewerker marks an arrangement that is ready and one without a
# beschikkingsnummer and presses f: the confirmation names the target status,
# the number of rows and of mails, and the skipped one with why; Uitvoeren
# processes only the ready one (the other stays, still marked); z on the
# skipped row says why it cannot be undone.  Then the budget (issue 10 §5):
# the administrator sets the budget of that arrangement's school year with
# `balie admin budget set` to € 1,00 above what it holds; the tab Aanpak
# shows budget, committed, this one and what remains; a higher amount is
# refused by the database until the explicit "Toch bewaren", which is logged.
# Last, h chooses the external deskundige as behandelaar: access to the
# hulpvraag until the aanpak ends and a mail without the pupil's name.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
# the newest of each kind (test 93 takes the oldest without a number)
KLAAR=$(demo_psql "SELECT h.nummer FROM balie.te_verwerken($ORG, 1000000) t JOIN balie.hulpvraag h ON h.id = t.hulpvraag_id
	WHERE t.reden = 'Arrangement financieel verwerken' ORDER BY h.nummer DESC LIMIT 1")
ZONDER=$(demo_psql "SELECT h.nummer FROM balie.te_verwerken($ORG, 1000000) t JOIN balie.hulpvraag h ON h.id = t.hulpvraag_id
	WHERE t.reden = 'Arrangement: nummer invullen' ORDER BY h.nummer DESC LIMIT 1")
check "demodata: een arrangement klaar ($KLAAR) en een zonder nummer ($ZONDER)" [ -n "$KLAAR" ] && [ -n "$ZONDER" ]
# put them first in the list (oldest first): received long ago
demo_psql "UPDATE balie.hulpvraag SET datum = current_date - 4000 WHERE organisatie_id = $ORG AND nummer = $KLAAR;
	UPDATE balie.hulpvraag SET datum = current_date - 3999 WHERE organisatie_id = $ORG AND nummer = $ZONDER"
MAILS=$(demo_psql "SELECT count(*) FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $KLAAR
	AND aanvrager_email IS NOT NULL AND NOT geen_mail")
[ "$MAILS" = 1 ] && MAILTEKST="1 mail aan" || MAILTEKST="0 mails aan"

tui_demo verwerken 80 24
tui_login financieel demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_keys v
check "Te verwerken geopend" wait_for "oudste eerst · totaal €" 10
check "beide bovenaan" screen_has_all " $KLAAR " " $ZONDER "
tui_keys Space Down Space
check "twee gemarkeerd" wait_for "2 gemarkeerd" 5
tui_keys f
check "bevestiging noemt de doelstatus" wait_for "Naar \"Arrangement>financieel verwerkt\"" 10
check "… het aantal rijen en mails ($MAILTEKST)" screen_has_all "1 hulpvraag;" "$MAILTEKST"
check "… en de overgeslagen met de reden" screen_has_all "1 overgeslagen" "$ZONDER:" "beschikkingsnummer ontbreekt"
tui_keys Right
wait_for "Enter: Uitvoeren" 5
tui_keys Enter
check "1 financieel verwerkt" wait_for "1 financieel verwerkt" 15
check "in de database: verwerkt" [ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG
	AND nummer = $KLAAR")" = "Arrangement>financieel verwerkt" ]
check "de andere niet" [ "$(demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG
	AND nummer = $ZONDER")" = "Arrangement>toegewezen" ]
check "de verwerkte is van de lijst, de overgeslagen blijft gemarkeerd" wait_for "1 gemarkeerd" 5
check "…bovenaan" screen_lacks " $KLAAR "
# z on the skipped row: its last change was not this person's
tui_keys z
check "z: terugdraaien kan niet, met de reden" wait_for "Terugdraaien kan niet" 10

# the budget: € 1,00 room
AP="FROM balie.aanpak a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id WHERE h.organisatie_id = $ORG AND h.nummer = $ZONDER"
JAAR=$(demo_psql "SELECT extract(year FROM a.startdatum - interval '7 months')::integer $AP")
NU=$(demo_psql "SELECT a.bedrag_cent $AP")
RUIMTE=$(demo_psql "SELECT r.vastgelegd_cent + a.bedrag_cent + 100
	FROM balie.aanpak a JOIN balie.hulpvraag h ON h.id = a.hulpvraag_id,
	     balie.budget_reken(a.organisatie_id, a.type, a.startdatum, a.id) r
	WHERE h.organisatie_id = $ORG AND h.nummer = $ZONDER")
check "balie admin budget set" sh -c "cd '$TUI_ROOT' && eval \"\$('$TUI_BALIE' demo --env)\" &&
	'$TUI_BALIE' admin budget set PO3008 $JAAR-$((JAAR + 1)) arrangement $(echo "$RUIMTE" | sed 's/..$/,&/') |
	grep -q 'PO3008 $JAAR-$((JAAR + 1)) arrangement'"
tui_keys Escape
wait_for "Totaal" 10
tui_open_hulpvraag "$ZONDER"
check "hulpvraag $ZONDER geopend" wait_for "Hulpvraag $ZONDER ·" 10
tui_keys v
wait_for "Aanpak: Type" 5
tui_keys Escape
check "tab Aanpak: budget, vastgelegd, deze, over € 1,00" wait_for "Budget arrangement $JAAR-$((JAAR + 1))" 5
check "… met wat overblijft" screen_has_all "vastgelegd €" "deze €" "over € 1,00"
for i in 1 2 3 4; do tui_keys Down; done
tui_keys v
wait_for "Bedrag in euro" 5
tui_keys C-u
tui_type "$(echo "$((NU + 50000))" | sed 's/..$/,&/')"
tui_keys Enter
check "het budget zegt nu: te veel" wait_for "te veel € 499,00" 5
tui_keys Down v
wait_for "Waarom wijkt het bedrag af" 5
tui_type "Extra uren ambulante begeleiding."
tui_keys F2
tui_keys F2
check "F2: de database weigert, balie vraagt het expliciet" wait_for "Budget overschreden" 10
check "… met Toch bewaren" screen_has "Toch bewaren"
check "nog niets bewaard" [ "$(demo_psql "SELECT a.bedrag_cent $AP")" = "$NU" ]
tui_keys Right
wait_for "Enter: Toch bewaren" 5
tui_keys Enter
check "na Toch bewaren: bewaard" wait_for "Aanpak bewaard" 10
check "in de database het nieuwe bedrag" [ "$(demo_psql "SELECT a.bedrag_cent $AP")" = "$((NU + 50000))" ]
check "de bevestiging staat in het auditlog" [ "$(demo_psql "SELECT count(*) FROM balie.audit_log l
	WHERE l.actie = 'budget-akkoord' AND l.object_id = (SELECT a.id $AP)")" = 1 ]

# behandelaar
HVID="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $ZONDER)"
tui_keys h
check "h: kies de behandelaar" wait_for "Wie behandelt?" 5
tui_keys Enter
check "behandelaar gekozen, met toegang tot het einde van de aanpak" wait_for "is behandelaar, met toegang tot en met" 10
check "het tabblad noemt de behandelaar" screen_has "Behandelaar: "
check "in de database: toegang tot de einddatum van de aanpak" [ "$(demo_psql "SELECT count(*) FROM balie.hulpvraag_toegang t
	JOIN balie.aanpak a ON a.hulpvraag_id = t.hulpvraag_id WHERE t.hulpvraag_id = $HVID AND t.soort = 'aanpak'
	AND t.tot = a.einddatum")" = 1 ]
check "de mail noemt de leerling niet" [ "$(demo_psql "SELECT count(*) FROM balie.outbox o JOIN balie.hulpvraag h ON h.id = o.hulpvraag_id
	JOIN balie.dossier d ON d.id = h.dossier_id JOIN balie.hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.soort = 'aanpak'
	JOIN balie.account a ON a.id = t.account_id
	WHERE o.hulpvraag_id = $HVID AND o.onderwerp = 'Behandelaar van hulpvraag $ZONDER'
	AND position(d.achternaam IN replace(o.tekst, a.naam, '')) = 0
	AND position(d.roepnaam IN replace(o.tekst, a.naam, '')) = 0")" = \
	"$(demo_psql "SELECT count(*) FROM balie.account a JOIN balie.hulpvraag_toegang t ON t.account_id = a.id
	WHERE t.hulpvraag_id = $HVID AND t.soort = 'aanpak' AND a.email IS NOT NULL")" ]
tap_done
