/* formulier_test.c — db/formstore and db/formulier against a throwaway
 * database: publishing versions (unchanged text is not published again, the
 * old version stops being actief), a form filled against v1 still renders
 * after v2 is loaded, add / list / save a draft and a complete form, the
 * values replaced in one transaction, the version check (the loser is told
 * who changed it), values that are not canonical refused, the informeer mail
 * (no pupil name in the subject), audit rows, the NOTIFY with ids only, and
 * row-level security (another organisatie sees nothing). */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "db/formstore.h"
#include "db/formulier.h"
#include "db/outcome.h"

#define DBNAME "t_formulier"

static const char *v1 =
	"versie = 1;\n"
	"naam = \"Aanvraag TLV\";\n"
	"velden = (\n"
	" { sleutel = \"soort_tlv\"; label = \"Type TLV\"; type = \"keuze\"; keuzes = [\"SBO\", \"SO\"]; verplicht = true; },\n"
	" { sleutel = \"startdatum\"; label = \"Startdatum TLV\"; type = \"datum\"; verplicht = true; eerste_van_de_maand = true; },\n"
	" { sleutel = \"akkoord_ouders\"; label = \"Akkoord ouders\"; type = \"janee\"; verplicht = true; },\n"
	" { sleutel = \"zienswijze_ouders\"; label = \"Zienswijze ouders\"; type = \"tekst\"; meerregelig = true;\n"
	"   verplicht_als = { veld = \"akkoord_ouders\"; is = \"nee\"; }; },\n"
	" { sleutel = \"scp\"; label = \"Informeer SCP\"; type = \"account\"; rol = \"coordinator\"; informeer = true; }\n"
	");\n";

/* v2 renames a choice and adds a required field */
static const char *v2 =
	"versie = 1;\n"
	"naam = \"Aanvraag TLV\";\n"
	"velden = (\n"
	" { sleutel = \"soort_tlv\"; label = \"Type TLV\"; type = \"keuze\"; keuzes = [\"SBO\", \"SO cat. laag\"]; verplicht = true; },\n"
	" { sleutel = \"akkoord_bestuur\"; label = \"Akkoord bestuur\"; type = \"janee\"; verplicht = true; }\n"
	");\n";

struct world {
	struct db *su, *app, *other;
	long bram, coord, def1;
	const char *datadir;
};

static int publish(struct world *w, const char *src, int *versie, int *nieuw)
{
	struct form_def *d = NULL;
	struct err e;
	assert_int_equal(form_parse(src, strlen(src), "tests/aanvraag-tlv.form", &d, NULL, NULL, &e), 0);
	int rc = formstore_publish(w->su, "PO1111", d, src, strlen(src), "test", versie, nieuw, &e);
	if (rc)
		fprintf(stderr, "%s\n", e.msg);
	form_free(&d);
	return rc;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *src = getenv("BALIE_SRCDIR");
	int versie, nieuw;

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "UPDATE account SET email = username || '@alfa.example.nl'");
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->coord = harness_account(w->su, "coord_a");
	w->datadir = src ? src : ".";
	assert_int_equal(publish(w, v1, &versie, &nieuw), 0);
	assert_int_equal(versie, 1);
	assert_int_equal(nieuw, 1);
	w->def1 = harness_long(w->su, "SELECT id FROM formulier_definitie WHERE code = 'aanvraag-tlv' AND versie = 1");
	w->app = harness_app_db(DBNAME);
	db_set_account(w->app, w->coord);
	w->other = harness_app_db(DBNAME);
	db_set_account(w->other, harness_account(w->su, "sec_b"));
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->app);
	db_free(&w->other);
	db_free(&w->su);
	free(w);
	return 0;
}

static long count(struct world *w, const char *fmt, long id)
{
	char sql[600];
	snprintf(sql, sizeof sql, fmt, id);
	return harness_long(w->su, sql);
}

static void test_publish_versions(void **state)
{
	struct world *w = *state;
	int versie, nieuw;

	assert_int_equal(publish(w, v1, &versie, &nieuw), 0);
	assert_int_equal(nieuw, 0);
	assert_int_equal(versie, 1);
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_definitie WHERE actief AND %ld > 0", 1), 1);
	/* the definition is visible in the add list of its organisatie only */
	struct formulier_item *items;
	int n;
	struct err e;
	long org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	assert_int_equal(formulier_available(w->app, org_a, &items, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].naam, "Aanvraag TLV");
	assert_string_equal(items[0].code, "aanvraag-tlv");
	free(items);
}

/* add → draft → conflict → complete; mail, audit, values */
static void test_fill_and_save(void **state)
{
	struct world *w = *state;
	struct formulier *f = NULL;
	struct formulier_item *items;
	int n, nv, done;
	long id;
	struct err e;
	struct outcome o;
	char scp[24];

	char key[OUTCOME_KEY_LEN];
	long again = 0;
	outcome_key_new(key);
	assert_int_equal(formulier_add(w->app, w->bram, w->def1, key, &id, &o), OUTCOME_SAVED);
	assert_true(id > 0);
	assert_false(o.repeated);
	/* the same add sent again (F2 after a cut-off COMMIT): the first form */
	assert_int_equal(formulier_add(w->app, w->bram, w->def1, key, &again, &o), OUTCOME_SAVED);
	assert_true(o.repeated);
	assert_int_equal(again, id);
	assert_int_equal(formulier_list(w->app, w->bram, &items, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, id);
	assert_false(items[0].compleet);
	assert_string_equal(items[0].door, "Coördinator Alfa");
	free(items);

	assert_int_equal(formulier_load(w->app, id, &f, &e), HV_OK);
	assert_int_equal(f->def->nfields, 5);
	assert_int_equal(f->definitie_versie, 1);
	int version = f->version;
	const char *vals[5] = { "SBO", "2026-08-01", "nee", NULL, NULL };
	/* a draft: zienswijze is required because akkoord_ouders = nee */
	assert_int_equal(formulier_save(w->app, id, version, vals, w->datadir, &nv, &done, &o), OUTCOME_SAVED);
	assert_false(done);
	assert_non_null(strstr(o.err.msg, "Concept bewaard; nog 1 punt open"));
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_waarde WHERE formulier_id = %ld", id), 3);
	assert_int_equal(count(w, "SELECT count(*) FROM formulier WHERE compleet AND id = %ld", id), 0);

	/* the other person still has the old version: refused, told who */
	vals[3] = "Niet eens";
	assert_int_equal(formulier_save(w->app, id, version, vals, w->datadir, NULL, NULL, &o), OUTCOME_CONFLICT);
	assert_non_null(strstr(o.err.msg, "gewijzigd door Coördinator Alfa"));
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_waarde WHERE formulier_id = %ld", id), 3);

	/* not canonical: refused with the label */
	vals[1] = "01-08-2026";
	assert_int_equal(formulier_save(w->app, id, nv, vals, w->datadir, NULL, NULL, &o), OUTCOME_ERROR);
	assert_non_null(strstr(o.err.msg, "Startdatum TLV"));
	vals[1] = "2026-08-01";
	/* an account without the field's role is refused */
	snprintf(scp, sizeof scp, "%ld", harness_account(w->su, "sec_a"));
	vals[4] = scp;
	assert_int_equal(formulier_save(w->app, id, nv, vals, w->datadir, NULL, NULL, &o), OUTCOME_ERROR);
	assert_non_null(strstr(o.err.msg, "rol"));

	/* complete, and SCP informed once */
	snprintf(scp, sizeof scp, "%ld", w->coord);
	vals[4] = scp;
	long outbox_before = count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->bram);
	assert_int_equal(formulier_save(w->app, id, nv, vals, w->datadir, &nv, &done, &o), OUTCOME_SAVED);
	assert_true(done);
	assert_non_null(strstr(o.err.msg, "compleet; mail klaargezet"));
	assert_int_equal(count(w, "SELECT count(*) FROM formulier WHERE compleet AND id = %ld", id), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->bram), outbox_before + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld AND aan = 'coord_a@alfa.example.nl' "
				  "AND onderwerp NOT LIKE '%%Bram%%' AND onderwerp NOT LIKE '%%Vries%%' "
				  "AND tekst LIKE '%%Informeer SCP%%'",
			 w->bram),
			 1);
	/* saving again with the same account sends no second mail */
	assert_int_equal(formulier_save(w->app, id, nv, vals, w->datadir, &nv, &done, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->bram), outbox_before + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'formulier' AND object_id = %ld "
				  "AND actie = 'formulier-opgeslagen'",
			 id),
			 3);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'formulier' AND object_id = %ld "
				  "AND actie IN ('formulier-nieuw', 'formulier-bekeken')",
			 id),
			 2);
	formulier_free(&f);

	/* read back: values and the account's name */
	if (formulier_load(w->app, id, &f, &e) != HV_OK)
		fail_msg("%s", e.msg);
	assert_string_equal(f->values[3], "Niet eens");
	assert_string_equal(f->names[4], "Coördinator Alfa");
	assert_true(f->compleet);
	formulier_free(&f);
}

/* v2 loaded: the form filled against v1 still renders with v1 */
static void test_versioning(void **state)
{
	struct world *w = *state;
	struct formulier *f = NULL;
	struct err e;
	struct outcome o;
	long id;
	int versie, nieuw, nv;

	assert_int_equal(formulier_add(w->app, w->bram, w->def1, NULL, &id, &o), OUTCOME_SAVED);
	assert_int_equal(formulier_load(w->app, id, &f, &e), HV_OK);
	const char *vals[5] = { "SO", "2026-09-01", "ja", NULL, NULL };
	assert_int_equal(formulier_save(w->app, id, f->version, vals, w->datadir, &nv, NULL, &o), OUTCOME_SAVED);
	formulier_free(&f);

	assert_int_equal(publish(w, v2, &versie, &nieuw), 0);
	assert_int_equal(versie, 2);
	assert_int_equal(nieuw, 1);
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_definitie WHERE actief AND versie = %ld", 1), 0);
	/* v1 can no longer be added */
	long other;
	assert_int_equal(formulier_add(w->app, w->bram, w->def1, NULL, &other, &o), OUTCOME_GONE);

	assert_int_equal(formulier_load(w->app, id, &f, &e), HV_OK);
	assert_int_equal(f->definitie_versie, 1);
	assert_int_equal(f->nieuwste_versie, 2);
	assert_int_equal(f->def->nfields, 5);
	assert_string_equal(f->values[0], "SO"); /* not a choice of v2, still valid for v1 */
	assert_true(form_complete(f->def, (const char *const *)f->values));
	/* and it can still be saved against v1 */
	assert_int_equal(formulier_save(w->app, id, f->version, (const char *const *)f->values, w->datadir, &nv, NULL, &o),
			 OUTCOME_SAVED);
	formulier_free(&f);
}

/* another organisatie sees nothing and cannot write */
static void test_rls(void **state)
{
	struct world *w = *state;
	struct formulier *f = NULL;
	struct formulier_item *items;
	struct err e;
	struct outcome o;
	long id, other_id;
	int n;

	assert_int_equal(formulier_add(w->app, w->bram, w->def1, NULL, &id, &o), OUTCOME_SAVED);
	assert_int_equal(formulier_list(w->other, w->bram, &items, &n, &e), 0);
	assert_int_equal(n, 0);
	free(items);
	assert_int_equal(formulier_load(w->other, id, &f, &e), HV_NOT_FOUND);
	assert_null(f);
	const char *vals[5] = { "SBO", NULL, NULL, NULL, NULL };
	assert_int_equal(formulier_save(w->other, id, 1, vals, w->datadir, NULL, NULL, &o), OUTCOME_GONE);
	assert_int_equal(formulier_add(w->other, w->bram, w->def1, NULL, &other_id, &o), OUTCOME_GONE);
	/* the definitions of A are not offered to B */
	long org_b = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO2222'");
	assert_int_equal(formulier_available(w->other, org_b, &items, &n, &e), 0);
	assert_int_equal(n, 0);
	free(items);
}

/* saving announces the hulpvraag on balie_changes, ids only */
static void test_notify(void **state)
{
	struct world *w = *state;
	struct formulier *f = NULL;
	struct err e;
	struct outcome o;
	long id;
	int nv;
	char want[64];

	assert_int_equal(formulier_add(w->app, w->bram, w->def1, NULL, &id, &o), OUTCOME_SAVED);
	assert_int_equal(formulier_load(w->app, id, &f, &e), HV_OK);
	harness_exec(w->su, "LISTEN balie_changes");
	const char *vals[5] = { "SBO", NULL, NULL, NULL, NULL };
	assert_int_equal(formulier_save(w->app, id, f->version, vals, w->datadir, &nv, NULL, &o), OUTCOME_SAVED);
	formulier_free(&f);
	harness_exec(w->su, "SELECT wijzigingen_melden()"); /* the notifier's step (migration 014) */
	snprintf(want, sizeof want, "hulpvraag %ld %ld ", w->bram,
		 harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'"));
	int seen = 0;
	for (int round = 0; round < 50 && !seen; round++) {
		struct pollfd p = { .fd = PQsocket(db_pg(w->su)), .events = POLLIN };
		PGnotify *nf;
		assert_true(PQconsumeInput(db_pg(w->su)));
		while ((nf = PQnotifies(db_pg(w->su))) != NULL) {
			seen |= !strncmp(nf->extra, want, strlen(want)) || strstr(nf->extra, want) != NULL;
			assert_null(strstr(nf->extra, "Bram"));
			PQfreemem(nf);
		}
		if (!seen)
			poll(&p, 1, 100);
	}
	assert_true(seen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_publish_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill_and_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_versioning, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_notify, setup, teardown),
	};

	return cmocka_run_group_tests_name("formulier", tests, NULL, NULL);
}
