#!/bin/sh
# 87_compleet_test.sh — completeness at 80x24: the secretariaat opens "te
# controleren" from the home screen (t), finds the oldest hulpvraag on top (a
# TLV aanvraag missing only "Akkoord bestuur"), opens it on the tab
# Compleetheid, asks for aanvulling (a) with the prefilled text, and sees the
# status change in the statushistorie; the mail and the statushistorie row
# carry the text.  Then `balie check` exit codes: 1 incomplete, 0 complete,
# 2 for an unknown nummer or wrong use.  The form data is made here with SQL.
. "$(dirname "$0")/lib.sh"
cd "$TUI_ROOT" || exit 2

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"

# A PO3008 Aanvraag TLV in "TLV>aanvraag" whose aanvrager wants mail; made
# the oldest on the list.  Its demo bijlagen and forms are removed (softly,
# as balie does) so the test decides exactly what it has.
NUMMER=$(demo_psql "SELECT h.nummer FROM balie.hulpvraag h JOIN balie.aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE h.organisatie_id = $ORG AND t.naam = 'Aanvraag TLV' AND h.status = 'TLV>aanvraag'
	   AND NOT h.geen_mail AND h.aanvrager_email IS NOT NULL
	 ORDER BY h.nummer DESC LIMIT 1")
check "demodata heeft een Aanvraag TLV in TLV>aanvraag ($NUMMER)" [ -n "$NUMMER" ]
HV="(SELECT id FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $NUMMER)"
PDF="'%PDF-1.4 OPP groep 6'::bytea"
SHA="encode(sha256($PDF), 'hex')"
demo_psql "
UPDATE balie.bijlage SET verwijderd_op = now() WHERE hulpvraag_id = $HV;
UPDATE balie.formulier SET verwijderd_op = now() WHERE hulpvraag_id = $HV;
INSERT INTO balie.bijlage_inhoud (organisatie_id, sha256, inhoud) VALUES ($ORG, $SHA, $PDF) ON CONFLICT DO NOTHING;
UPDATE balie.hulpvraag SET datum = DATE '2019-01-02', titel = 'Aanvraag TLV' WHERE id = $HV;
UPDATE balie.dossier SET geboortedatum = coalesce(geboortedatum, DATE '2016-03-04')
 WHERE id = (SELECT dossier_id FROM balie.hulpvraag WHERE id = $HV);
INSERT INTO balie.adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf)
SELECT dossier_id, organisatie_id, 'woonadres', 'Kerkstraat', '1', '5701 AA', 'Helmond', DATE '2016-03-04'
  FROM balie.hulpvraag WHERE id = $HV;
INSERT INTO balie.schoolgegevens (dossier_id, organisatie_id, school_id, vanaf)
SELECT h.dossier_id, h.organisatie_id, (SELECT id FROM balie.school WHERE organisatie_id = h.organisatie_id
        ORDER BY id LIMIT 1), DATE '2022-08-01' FROM balie.hulpvraag h WHERE h.id = $HV;
INSERT INTO balie.bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie)
SELECT id, organisatie_id, 'OPP groep 6.pdf', 1000, $SHA, 'application/pdf', 'OPP' FROM balie.hulpvraag WHERE id = $HV;
INSERT INTO balie.formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, geladen_door)
SELECT $ORG, 'aanvraag-tlv', 'Aanvraag TLV', 1, '', $SHA, 'test'
 WHERE NOT EXISTS (SELECT 1 FROM balie.formulier_definitie WHERE organisatie_id = $ORG AND code = 'aanvraag-tlv');
INSERT INTO balie.formulier (hulpvraag_id, organisatie_id, definitie_id, compleet)
SELECT $HV, $ORG, id, true FROM balie.formulier_definitie WHERE organisatie_id = $ORG AND code = 'aanvraag-tlv' AND actief;

INSERT INTO balie.formulier_waarde (formulier_id, organisatie_id, veld, waarde)
SELECT f.id, f.organisatie_id, v.k, v.w FROM balie.formulier f, (VALUES ('soort_tlv', 'SO categorie laag'),
       ('startdatum', '2027-02-01'), ('akkoord_organisatie', 'ja'), ('akkoord_bestuur', 'nee'),
       ('akkoord_ouders', 'ja')) v(k, w) WHERE f.hulpvraag_id = $HV AND f.verwijderd_op IS NULL;
" >/dev/null
check "testdata ingevoerd" [ "$(demo_psql "SELECT count(*) FROM balie.formulier_waarde w JOIN balie.formulier f
	ON f.id = w.formulier_id WHERE f.hulpvraag_id = $HV AND f.verwijderd_op IS NULL")" = 5 ]

# ---- balie check before: incomplete --------------------------------------
DEMO_ENV=$("$TUI_BALIE" demo --env)
bcheck() {
	(eval "$DEMO_ENV" && "$TUI_BALIE" "$@") >"$TUI_SCRATCH/out" 2>"$TUI_SCRATCH/err" </dev/null
}
# status_is WANT FILE TEXT: $rc is WANT and FILE (out|err) holds TEXT
status_is() {
	[ "$rc" -eq "$1" ] && grep -qF -- "$3" "$TUI_SCRATCH/$2"
}
bcheck check "$NUMMER" --als secretariaat
rc=$?
check "balie check $NUMMER: niet compleet, status 1 (was $rc)" [ "$rc" -eq 1 ]
check "balie check toont ✗ Akkoord bestuur en ✓ de rest" sh -c "grep -qF '✗ Akkoord bestuur = ja' '$TUI_SCRATCH/out' &&
	grep -qF '✓ Akkoord organisatie = ja' '$TUI_SCRATCH/out' && grep -qF 'Compleet: 13 van 14' '$TUI_SCRATCH/out'"
bcheck check --all --als secretariaat
rc=$?
check "balie check --all: status 1 en de telling (was $rc)" status_is 1 out "hulpvragen te controleren,"
bcheck check 99999999 --als secretariaat
rc=$?
check "balie check onbekend nummer: status 2 met melding (was $rc)" status_is 2 err "bestaat niet"
bcheck check
rc=$?
check "balie check zonder nummer of --all: status 2 (was $rc)" status_is 2 err "gebruik:"

# ---- the screen ------------------------------------------------------------
tui_demo compleet 80 24
tui_login secretariaat demo
check "overzicht na aanmelden" wait_for "Totaal" 20
tui_keys t
check "t opent Te controleren" wait_for "Te controleren:" 10
check "de oudste bovenaan: $NUMMER van 02-01-2019" wait_for "$NUMMER 02-01-2019  ✗ 13/14" 10
check "onder de lijst: wat ontbreekt" screen_has "✗ Akkoord bestuur = ja"
tui_keys Enter
check "Enter opent hulpvraag $NUMMER" wait_for "Hulpvraag $NUMMER ·" 10
check "op het tabblad Compleetheid (kort: Compleet op 80 kolommen)" wait_for "[Compleet]" 5
check "checklist met ✓ en ✗" screen_has_all "Compleet: 13 van 14" "✓ Formulier Aanvraag TLV compleet" "✗ Akkoord bestuur = ja" "Het schoolbestuur heeft nog geen akkoord"
tui_keys a
check "a: reden-dialoog naar de aanvulling-status" wait_for "Status → TLV>aanvraag aanvulling nodig" 5
check "reden vooraf ingevuld met wat ontbreekt" screen_has_all "Uw aanvraag is nog niet compleet" "- Het schoolbestuur heeft nog geen akkoord"
tui_keys Enter Enter
tui_type "Groet, het secretariaat"
tui_keys F2
check "status gewijzigd, mail klaargezet" wait_for "Status gewijzigd; mail aan de aanvrager klaargezet" 10
check "nieuwe status in de kop" screen_has "Status: TLV>aanvraag aanvulling nodig"
tui_keys Tab Tab
check "statushistorie toont de wijziging" wait_for "TLV>aanvraag → TLV>aanvraag aanvulling nodig" 5
check "statushistorie toont de reden" screen_has "Het schoolbestuur heeft nog geen akkoord"

hist=$(demo_psql "SELECT count(*) FROM balie.statushistorie WHERE hulpvraag_id = $HV AND naar = 'TLV>aanvraag aanvulling nodig'
	AND reden LIKE '%Akkoord bestuur in het formulier Aanvraag TLV moet ja zijn%' AND reden LIKE '%Groet, het secretariaat'")
check "database: statushistorie met de reden ($hist)" [ "$hist" = 1 ]
mail=$(demo_psql "SELECT count(*) FROM balie.outbox WHERE hulpvraag_id = $HV AND tekst LIKE '%Het schoolbestuur heeft nog geen akkoord%'")
check "outbox: de mail aan de aanvrager noemt wat ontbreekt ($mail)" [ "$mail" = 1 ]

tui_keys Escape
check "Esc: terug naar de lijst" wait_for "Te controleren:" 10
check "$NUMMER staat niet meer op de lijst" wait_gone "$NUMMER 02-01-2019" 10
tui_keys Escape
check "Esc: terug naar het overzicht" wait_for "Totaal" 5

# ---- balie check after the school completed it -------------------------------
demo_psql "UPDATE balie.formulier_waarde SET waarde = 'ja' WHERE veld = 'akkoord_bestuur'
	AND formulier_id IN (SELECT id FROM balie.formulier WHERE hulpvraag_id = $HV)" >/dev/null
bcheck check "$NUMMER" --als secretariaat
rc=$?
check "balie check $NUMMER na aanvulling: compleet, status 0 (was $rc)" status_is 0 out "Compleet: 14 van 14 — compleet"
check "balie check: geen titels of namen op stderr" [ ! -s "$TUI_SCRATCH/err" ]

tap_done
