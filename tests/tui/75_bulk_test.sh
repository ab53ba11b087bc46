#!/bin/sh
# 75_bulk_test.sh — a bulk status change on marked rows (issue 4 §1): the
# financieel medewerker marks three TLV aanvragen, moves them to "aanvulling
# nodig" with one reden; someone else changed one of them in between, so
# that one is refused (its version moved) and stays marked, the summary
# says 2 and 1 and Enter shows why.  The two that moved have a
# statushistorie row and a mail in the outbox each.
. "$(dirname "$0")/lib.sh"

ids=$(demo_psql "SELECT string_agg(id::text, ' ') FROM (SELECT h.id FROM balie.hulpvraag h
	JOIN balie.organisatie o ON o.id = h.organisatie_id
	WHERE o.code = 'PO3008' AND h.status = 'TLV>aanvraag' AND NOT h.voorlopig
	  AND NOT h.geen_mail AND h.aanvrager_email IS NOT NULL
	ORDER BY h.id LIMIT 3) x")
set -- $ids
check "drie TLV-aanvragen met een aanvrager die mail wil in de demo ($ids)" [ $# -eq 3 ]
demo_psql "INSERT INTO balie.label (organisatie_id, naam)
	SELECT id, 'bulktest' FROM balie.organisatie WHERE code = 'PO3008'" >/dev/null
demo_psql "INSERT INTO balie.hulpvraag_label (hulpvraag_id, label_id, organisatie_id)
	SELECT h.id, l.id, h.organisatie_id FROM balie.hulpvraag h, balie.label l
	WHERE l.naam = 'bulktest' AND h.id IN ($1, $2, $3)" >/dev/null
# Count only what the bulk change adds: rows above these marks (the demo
# history of the three depends on the day the demo data was generated).
hist_mark=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.statushistorie")
mail_mark=$(demo_psql "SELECT coalesce(max(id), 0) FROM balie.outbox")

tui_demo b1 100 30
tui_login financieel demo
wait_for "Totaal" 20
tui_keys w
wait_for "Alle — " 10
tui_keys '\'
wait_for "!woord sluit uit" 5
tui_type "label:bulktest"
tui_keys Enter
nr1=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $1")
nr2=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $2")
nr3=$(demo_psql "SELECT nummer FROM balie.hulpvraag WHERE id = $3")
check "filter op het label toont de drie" wait_for "Filter: label:bulktest" 10
check "met hun nummers ($nr1, $nr2, $nr3)" screen_has_all " $nr1 " " $nr2 " " $nr3 "
tui_keys a
check "a markeert alle drie" wait_for "3 gemarkeerd" 5
tui_keys b
check "b opent het bulkmenu" wait_for "Status wijzigen" 5
tui_type "Status"
tui_keys Enter
check "alleen statussen die voor alle drie mogen" wait_for "aanvulling nodig" 10
tui_type "aanvulling"
tui_keys Enter
check "de reden wordt gevraagd" wait_for "Reden van de statuswijziging" 5
tui_type "Het OPP ontbreekt nog."
tui_keys F2
check "bevestigen met het aantal" wait_for "De status van 3 hulpvragen wordt" 5
check "Annuleren heeft eerst de focus, en de hint zegt dat" screen_has "Enter: annuleren"
tui_keys Right
check "→ naar Uitvoeren" wait_for "Enter: Uitvoeren" 5
# someone else edits the third one while the dialog is open
demo_psql "UPDATE balie.hulpvraag SET omschrijving = omschrijving || ' (bijgewerkt)', version = version + 1
	WHERE id = $3" >/dev/null
tui_keys Enter
check "samenvatting: 2 bijgewerkt, 1 mislukt" wait_for "2 bijgewerkt, 1 mislukt" 15
check "de mislukte blijft gemarkeerd" wait_for "1 gemarkeerd" 5
tui_keys Enter
check "Enter toont welke en waarom (hulpvraag $nr3)" wait_for "Niet bijgewerkt" 5
check "met de reden van de weigering" screen_has_all "> $nr3" "intussen gewijzigd door"
tui_keys Escape
moved=$(demo_psql "SELECT count(*) FROM balie.hulpvraag WHERE id IN ($1, $2, $3)
	AND status = 'TLV>aanvraag aanvulling nodig'")
check "in de database: twee verplaatst ($moved)" [ "$moved" = 2 ]
kept=$(demo_psql "SELECT status FROM balie.hulpvraag WHERE id = $3")
check "de gewijzigde bleef staan ($kept)" [ "$kept" = "TLV>aanvraag" ]
after=$(demo_psql "SELECT count(*) FROM balie.statushistorie WHERE id > $hist_mark AND hulpvraag_id IN ($1, $2, $3)
	AND naar = 'TLV>aanvraag aanvulling nodig' AND reden = 'Het OPP ontbreekt nog.'")
check "statushistorie met de reden voor beide ($after)" [ "$after" = 2 ]
mails=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE id > $mail_mark AND hulpvraag_id IN ($1, $2)")
others=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE id > $mail_mark AND hulpvraag_id NOT IN ($1, $2)")
check "een mail per verplaatste hulpvraag ($mails), geen andere ($others)" [ "$mails $others" = "2 0" ]
tui_keys q
tap_done
