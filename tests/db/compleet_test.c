/* compleet_test.c — db/compleet against a throwaway database: the facts of a
 * hulpvraag (dossier, woonadres, schoolgegevens, bijlagen and formulieren
 * inserted by SQL, removed ones left out) give the expected checklist; row-
 * level security hides another organisation's hulpvraag; the "te
 * controleren" list is oldest first and keyset-paginated; "aanvulling
 * vragen" through the ordinary status change takes the hulpvraag off the
 * list; publishing a profile stores its rules and status markers. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "db/compleet.h"
#include "db/flowstore.h"
#include "db/hulpvraag.h"

#define DBNAME "t_compleet"
#define SHA "'0000000000000000000000000000000000000000000000000000000000000000'"

struct world {
	struct db *su;
	struct db *sec; /* balie_app acting as sec_a */
	long bram, cem, anna;
};

static void bijlage(struct db *su, long hv, const char *cat, const char *naam, const char *op, int removed)
{
	char sql[800];

	/* the bytes first: bijlage refers to them (content-addressed, 010) */
	snprintf(sql, sizeof sql,
		 "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) SELECT organisatie_id, " SHA
		 ", '\\x00'::bytea FROM hulpvraag WHERE id = %ld ON CONFLICT DO NOTHING",
		 hv);
	harness_exec(su, sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie, "
		 "geupload_op, verwijderd_op) SELECT id, organisatie_id, '%s', 100, " SHA ", 'application/pdf', '%s', "
		 "%s, %s FROM hulpvraag WHERE id = %ld",
		 naam, cat, op, removed ? "now()" : "NULL", hv);
	harness_exec(su, sql);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	char sql[1200];

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	w->anna = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Anna'");
	/* intake status, aanvulling status and the transition between them */
	harness_exec(w->su, "UPDATE flow_status SET controleren = true WHERE naam = 'Nieuw'");
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, volgorde, aanvulling) "
			    "SELECT id, 'Aanvulling nodig', 'Aanmelding', 5, true FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol, reden_verplicht) "
			    "SELECT id, 'Nieuw', 'Aanvulling nodig', 'secretariaat', true FROM aanvraagtype");
	/* Bram's is the oldest */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET datum = DATE '2026-09-15' WHERE id = %ld", w->bram);
	harness_exec(w->su, sql);

	/* the checklist of PO1111's Test type */
	harness_exec(w->su,
		     "INSERT INTO compleet_regel (aanvraagtype_id, nr, omschrijving, melding) "
		     "SELECT a.id, r.nr, r.o, r.m FROM aanvraagtype a JOIN organisatie o ON o.id = a.organisatie_id, (VALUES "
		     "(1, 'OPP', 'Voeg het OPP toe.'), (2, 'Akkoord ouders', 'Zienswijze ouders ontbreekt.'),"
		     "(3, 'Akkoord bestuur', 'Akkoord bestuur moet ja zijn.'), (4, 'Geboortedatum', 'Vul de geboortedatum in.'),"
		     "(5, 'Schoolgegevens', 'Vul de schoolgegevens in.'), (6, 'Hoogstens 8', 'Te veel bijlagen.'),"
		     "(7, 'Namen', 'Geef de bijlagen een naam.'), (8, 'Titel', 'Haal de naam uit de titel.'),"
		     "(9, 'Actueel', 'Verslag te oud.'), (10, 'Woonadres', 'Vul het woonadres in.')) r(nr, o, m) "
		     "WHERE o.code = 'PO1111'");
	harness_exec(w->su,
		     "INSERT INTO compleet_voorwaarde (aanvraagtype_id, nr, alt, soort, arg, veld, waarde, getal) "
		     "SELECT a.id, v.nr, v.alt, v.soort, v.arg, v.veld, v.waarde, v.getal "
		     "  FROM aanvraagtype a JOIN organisatie o ON o.id = a.organisatie_id, (VALUES "
		     "(1, 1, 'bijlage', 'OPP', NULL, NULL, 0),"
		     "(2, 1, 'veld', 'aanvraag-tlv', 'akkoord_ouders', 'ja', 0), (2, 2, 'formulier', 'zienswijze-ouders', NULL, NULL, 0),"
		     "(2, 3, 'bijlage', 'zienswijze', NULL, NULL, 0),"
		     "(3, 1, 'veld', 'aanvraag-tlv', 'akkoord_bestuur', 'ja', 0), (4, 1, 'basisgegeven', 'geboortedatum', NULL, NULL, 0),"
		     "(5, 1, 'schoolgegevens', NULL, NULL, NULL, 0), (6, 1, 'max_bijlagen', NULL, NULL, NULL, 8),"
		     "(7, 1, 'bestandsnamen', NULL, NULL, NULL, 0), (8, 1, 'titel_zonder_naam', NULL, NULL, NULL, 0),"
		     "(9, 1, 'actueel', 'onderzoeksverslag', NULL, NULL, 24), (10, 1, 'basisgegeven', 'woonadres', NULL, NULL, 0)"
		     ") v(nr, alt, soort, arg, veld, waarde, getal) WHERE o.code = 'PO1111'");

	/* Bram: an OPP, a removed zienswijze, a scan with a meaningless name, an
	 * old onderzoeksverslag; a compleet Aanvraag TLV with akkoord ouders = ja
	 * and akkoord bestuur = nee, a removed zienswijze form; a geboortedatum,
	 * an old woonadres; no schoolgegevens. */
	bijlage(w->su, w->bram, "OPP", "OPP 2026.pdf", "now()", 0);
	bijlage(w->su, w->bram, "zienswijze", "Zienswijze.pdf", "now()", 1);
	bijlage(w->su, w->bram, "overig", "scan20230106.pdf", "now()", 0);
	bijlage(w->su, w->bram, "onderzoeksverslag", "IQ-onderzoek.pdf", "now() - interval '3 years'", 0);
	harness_exec(w->su, "INSERT INTO formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, "
			    "geladen_door) SELECT id, c, n, 1, '', " SHA ", 'test' FROM organisatie, (VALUES "
			    "('aanvraag-tlv', 'Aanvraag TLV'), ('zienswijze-ouders', 'Zienswijze ouders')) f(c, n) "
			    "WHERE code = 'PO1111'");
	snprintf(sql, sizeof sql,
		 "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id, compleet, verwijderd_op) "
		 "SELECT h.id, h.organisatie_id, d.id, true, CASE d.code WHEN 'zienswijze-ouders' THEN now() END "
		 "  FROM hulpvraag h JOIN formulier_definitie d ON d.organisatie_id = h.organisatie_id WHERE h.id = %ld",
		 w->bram);
	harness_exec(w->su, sql);
	harness_exec(w->su, "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
			    "SELECT f.id, f.organisatie_id, v.k, v.w FROM formulier f JOIN formulier_definitie d "
			    "  ON d.id = f.definitie_id, (VALUES ('akkoord_ouders', 'ja'), ('akkoord_bestuur', 'nee'), "
			    "  ('startdatum', '2027-01-01')) v(k, w) WHERE d.code = 'aanvraag-tlv'");
	harness_exec(w->su, "UPDATE dossier SET geboortedatum = DATE '2016-05-04' WHERE roepnaam = 'Bram'");
	harness_exec(w->su, "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, "
			    "vanaf, tot) SELECT id, organisatie_id, 'woonadres', 'Kerkstraat', '1', '5701 AA', 'Helmond', "
			    "DATE '2016-05-04', DATE '2020-01-01' FROM dossier WHERE roepnaam = 'Bram'");

	w->sec = harness_app_db(DBNAME);
	db_set_account(w->sec, harness_account(w->su, "sec_a"));
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_free(&w->sec);
	db_free(&w->su);
	free(w);
	return 0;
}

static int ok_of(const struct compleet_hv *h, const char *omschrijving)
{
	for (size_t i = 0; i < h->uitslag.n; i++)
		if (strcmp(h->uitslag.punten[i].omschrijving, omschrijving) == 0)
			return h->uitslag.punten[i].ok;
	fail_msg("geen punt '%s'", omschrijving);
	return -1;
}

/* The database's own evaluation (compleet_fouten of 021, which guards
 * "afgegeven") names exactly the items core says are not met. */
static void sql_agrees_with_core(struct world *w, const struct compleet_hv *h)
{
	char want[4096] = "", sql[300];
	struct err e;
	enum db_failure kind;

	for (size_t i = 0; i < h->uitslag.n; i++)
		if (!h->uitslag.punten[i].ok)
			snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? "|" : "",
				 h->uitslag.punten[i].omschrijving);
	snprintf(sql, sizeof sql, "SELECT array_to_string(compleet_fouten(%ld, '%s'), '|')", h->id, h->status);
	assert_int_equal(db_begin(w->sec, &e), 0);
	PGresult *r = db_exec(w->sec, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	assert_string_equal(PQgetvalue(r, 0, 0), want);
	PQclear(r);
	db_rollback(w->sec);
}

static void facts_give_the_checklist(void **state)
{
	struct world *w = *state;
	struct compleet_hv h[2];
	struct err e;
	long ids[2] = { w->bram, w->cem };
	char sql[300];

	assert_int_equal(compleet_evaluate_ids(w->sec, ids, 2, h, &e), 0);
	assert_int_equal(h[0].id, w->bram);
	assert_string_equal(h[0].status, "Nieuw");
	assert_string_equal(h[0].datum, "15-09-2026");
	assert_true(h[0].controleren);
	assert_string_equal(h[0].aanvulling, "Aanvulling nodig");
	assert_int_equal(h[0].uitslag.n, 10);
	assert_true(ok_of(&h[0], "OPP"));
	assert_true(ok_of(&h[0], "Akkoord ouders"));    /* akkoord_ouders = ja */
	assert_false(ok_of(&h[0], "Akkoord bestuur"));  /* nee */
	assert_true(ok_of(&h[0], "Geboortedatum"));
	assert_false(ok_of(&h[0], "Schoolgegevens"));
	assert_true(ok_of(&h[0], "Hoogstens 8"));       /* 3: the removed one does not count */
	assert_false(ok_of(&h[0], "Namen"));            /* scan20230106.pdf */
	assert_true(ok_of(&h[0], "Titel"));
	assert_false(ok_of(&h[0], "Actueel"));          /* three years old */
	assert_false(ok_of(&h[0], "Woonadres"));        /* ended in 2020 */
	assert_int_equal(h[0].uitslag.nok, 5);
	/* Cem: nothing at all, but a title without his name */
	assert_int_equal(h[1].id, w->cem);
	assert_int_equal(h[1].uitslag.nok, 4); /* hoogstens 8, namen, titel, actueel hold vacuously */
	sql_agrees_with_core(w, &h[0]);
	sql_agrees_with_core(w, &h[1]);
	compleet_hv_release(&h[0]);
	compleet_hv_release(&h[1]);

	/* akkoord ouders through the zienswijze form once it is no longer removed;
	 * the name in the title is caught; schoolgegevens and a current woonadres count */
	harness_exec(w->su, "UPDATE formulier f SET verwijderd_op = NULL FROM formulier_definitie d "
			    "WHERE d.id = f.definitie_id AND d.code = 'zienswijze-ouders'");
	harness_exec(w->su, "UPDATE formulier_waarde SET waarde = 'nee' WHERE veld = 'akkoord_ouders'");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET titel = 'Aanvraag voor Bram' WHERE id = %ld", w->bram);
	harness_exec(w->su, sql);
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) "
			    "SELECT id, 'Stichting Alfa' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) "
			    "SELECT organisatie_id, id, '14SS', 'De Regenboog' FROM schoolbestuur");
	harness_exec(w->su, "INSERT INTO schoolgegevens (dossier_id, organisatie_id, school_id, vanaf) "
			    "SELECT d.id, d.organisatie_id, s.id, DATE '2022-08-01' FROM dossier d JOIN school s "
			    "  ON s.organisatie_id = d.organisatie_id WHERE d.roepnaam = 'Bram'");
	harness_exec(w->su, "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, "
			    "vanaf) SELECT id, organisatie_id, 'beide', 'Markt', '2', '5701 AB', 'Helmond', DATE '2020-01-01' "
			    "FROM dossier WHERE roepnaam = 'Bram'");
	assert_int_equal(compleet_evaluate_ids(w->sec, ids, 1, h, &e), 0);
	assert_true(ok_of(&h[0], "Akkoord ouders"));
	assert_false(ok_of(&h[0], "Titel"));
	assert_true(ok_of(&h[0], "Woonadres"));
	assert_true(ok_of(&h[0], "Schoolgegevens"));
	sql_agrees_with_core(w, &h[0]);
	compleet_hv_release(&h[0]);
	/* a name with a diacritic, in capitals, in the title; a word of a
	 * double surname; a longer word that only starts with the name is none */
	const char *titels[] = { "Aanvraag voor BRAM", "Brammetje en de klas", "Voor Ozdemir-jansen", NULL };
	harness_exec(w->su, "UPDATE dossier SET achternaam = 'Özdemir-Jansen' WHERE roepnaam = 'Bram'");
	for (int i = 0; titels[i]; i++) {
		snprintf(sql, sizeof sql, "UPDATE hulpvraag SET titel = '%s' WHERE id = %ld", titels[i], w->bram);
		harness_exec(w->su, sql);
		assert_int_equal(compleet_evaluate_ids(w->sec, ids, 1, h, &e), 0);
		assert_int_equal(ok_of(&h[0], "Titel"), i == 1);
		sql_agrees_with_core(w, &h[0]);
		compleet_hv_release(&h[0]);
	}
	/* an old upload exactly 24 months ago is still fresh; a day more is not */
	harness_exec(w->su, "UPDATE bijlage SET geupload_op = (((now() AT TIME ZONE 'Europe/Amsterdam')::date "
			    " - interval '24 months')::date + time '12:00') AT TIME ZONE 'Europe/Amsterdam' "
			    "WHERE categorie = 'onderzoeksverslag'");
	assert_int_equal(compleet_evaluate_ids(w->sec, ids, 1, h, &e), 0);
	assert_true(ok_of(&h[0], "Actueel"));
	sql_agrees_with_core(w, &h[0]);
	compleet_hv_release(&h[0]);
	harness_exec(w->su, "UPDATE bijlage SET geupload_op = geupload_op - interval '1 day' "
			    "WHERE categorie = 'onderzoeksverslag'");
	assert_int_equal(compleet_evaluate_ids(w->sec, ids, 1, h, &e), 0);
	assert_false(ok_of(&h[0], "Actueel"));
	sql_agrees_with_core(w, &h[0]);
	compleet_hv_release(&h[0]);
	harness_exec(w->su, "UPDATE dossier SET achternaam = 'de Vries' WHERE roepnaam = 'Bram'");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET titel = 'Aanvraag' WHERE id = %ld", w->bram);
	harness_exec(w->su, sql);
}

static void rls_hides_other_organisations(void **state)
{
	struct world *w = *state;
	struct compleet_hv h[1];
	struct err e;
	struct db *b = harness_app_db(DBNAME);

	db_set_account(b, harness_account(w->su, "sec_b"));
	assert_int_equal(compleet_evaluate_ids(b, &w->bram, 1, h, &e), 0);
	assert_int_equal(h[0].id, 0);
	assert_int_equal(h[0].uitslag.n, 0);
	db_free(&b);
}

static void te_controleren_oldest_first(void **state)
{
	struct world *w = *state;
	struct compleet_hv h[3];
	struct err e;
	int n = 0, more = 0;
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	long count = 0;

	assert_int_equal(compleet_te_controleren_count(w->sec, org, &count, &e), 0);
	assert_int_equal(count, 2); /* Bram and Cem; Anna is a voorlopige aanmelding */
	assert_int_equal(compleet_te_controleren(w->sec, org, NULL, 0, 1, h, &n, &more, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(more, 1);
	assert_int_equal(h[0].id, w->bram);
	assert_int_equal(h[0].uitslag.n, 10); /* evaluated */
	char key[11];
	snprintf(key, sizeof key, "%s", h[0].datum_iso);
	long after = h[0].id;
	compleet_hv_release(&h[0]);
	assert_int_equal(compleet_te_controleren(w->sec, org, key, after, 1, h, &n, &more, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(more, 0);
	assert_int_equal(h[0].id, w->cem);
	compleet_hv_release(&h[0]);
	/* the whole list for balie check --all */
	long *ids = NULL;
	size_t nids = 0;
	assert_int_equal(compleet_te_controleren_ids(w->sec, org, &ids, &nids, &e), 0);
	assert_int_equal(nids, 2);
	assert_int_equal(ids[0], w->bram);
	assert_int_equal(ids[1], w->cem);
	free(ids);
}

static void aanvulling_vragen_leaves_the_list(void **state)
{
	struct world *w = *state;
	struct compleet_hv h[2];
	struct err e;
	struct outcome o;
	char reden[2048];
	const char *src = getenv("BALIE_SRCDIR");
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	int n = 0, more = 0, nv = 0;
	char sql[300];

	assert_int_equal(compleet_te_controleren(w->sec, org, NULL, 0, 2, h, &n, &more, &e), 0);
	assert_int_equal(n, 2);
	compleet_aanvulling_tekst(&h[0].uitslag, reden, sizeof reden);
	assert_non_null(strstr(reden, "- Akkoord bestuur moet ja zijn."));
	assert_non_null(strstr(reden, "- Geef de bijlagen een naam. (scan20230106.pdf)"));
	assert_null(strstr(reden, "Voeg het OPP toe.")); /* that one is there */
	assert_int_equal(hulpvraag_set_status(w->sec, h[0].id, h[0].version, h[0].aanvulling, reden,
					      src ? src : ".", &nv, &o),
			 OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld "
				  "AND naar = 'Aanvulling nodig' AND reden LIKE '%%Akkoord bestuur moet ja zijn.%%'",
		 h[0].id);
	assert_int_equal(harness_long(w->su, sql), 1);
	compleet_hv_release(&h[0]);
	compleet_hv_release(&h[1]);
	assert_int_equal(compleet_te_controleren(w->sec, org, NULL, 0, 2, h, &n, &more, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].id, w->cem);
	compleet_hv_release(&h[0]);
	/* no aanvulling offered outside a controleren status */
	assert_int_equal(compleet_evaluate_ids(w->sec, &w->bram, 1, h, &e), 0);
	assert_false(h[0].controleren);
	assert_string_equal(h[0].aanvulling, "");
	compleet_hv_release(&h[0]);
}

static void publish_stores_rules(void **state)
{
	struct world *w = *state;
	char dir[1024];
	const char *src = getenv("BALIE_SRCDIR");
	struct flow_profile *p = NULL;
	struct err e;
	int versie = 0, nieuw = 0;
	size_t items = 0, conds = 0;

	snprintf(dir, sizeof dir, "%s/forms/po3008", src ? src : ".");
	assert_int_equal(flow_profile_load(dir, &p, NULL, NULL, NULL, &e), 0);
	for (size_t i = 0; i < p->ntypes; i++) {
		items += p->types[i]->compleet.nitems;
		for (size_t k = 0; k < p->types[i]->compleet.nitems; k++)
			conds += p->types[i]->compleet.items[k].nalt;
	}
	assert_int_equal(flowstore_publish(w->su, p, "PO3008", "test", &versie, &nieuw, &e), 0);
	assert_int_equal(nieuw, 1);
	const char *q = "SELECT count(*) FROM compleet_regel r JOIN aanvraagtype a ON a.id = r.aanvraagtype_id "
			"JOIN organisatie o ON o.id = a.organisatie_id WHERE o.code = 'PO3008'";
	assert_int_equal(harness_long(w->su, q), (long)items);
	q = "SELECT count(*) FROM compleet_voorwaarde v JOIN aanvraagtype a ON a.id = v.aanvraagtype_id "
	    "JOIN organisatie o ON o.id = a.organisatie_id WHERE o.code = 'PO3008'";
	assert_int_equal(harness_long(w->su, q), (long)conds);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM flow_status s JOIN aanvraagtype a ON a.id = "
					     "s.aanvraagtype_id WHERE a.naam = 'Aanvraag TLV' AND s.aanvulling "
					     "AND s.naam = 'TLV>aanvraag aanvulling nodig'"),
			 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM compleet_voorwaarde v JOIN aanvraagtype a ON a.id = "
					     "v.aanvraagtype_id WHERE a.naam = 'Aanvraag TLV' AND v.soort = 'veld' "
					     "AND v.veld = 'startdatum' AND v.eerste"),
			 1);
	/* unchanged: not published again; a changed rule: a new version */
	assert_int_equal(flowstore_publish(w->su, p, "PO3008", "test", &versie, &nieuw, &e), 0);
	assert_int_equal(nieuw, 0);
	free(p->types[0]->compleet.items[0].melding);
	p->types[0]->compleet.items[0].melding = strdup("Andere melding.");
	assert_int_equal(flowstore_publish(w->su, p, "PO3008", "test", &versie, &nieuw, &e), 0);
	assert_int_equal(nieuw, 1);
	flow_profile_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(facts_give_the_checklist, setup, teardown),
		cmocka_unit_test_setup_teardown(rls_hides_other_organisations, setup, teardown),
		cmocka_unit_test_setup_teardown(te_controleren_oldest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(aanvulling_vragen_leaves_the_list, setup, teardown),
		cmocka_unit_test_setup_teardown(publish_stores_rules, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
