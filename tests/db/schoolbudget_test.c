/* schoolbudget_test.c — migration 031 tried as every role by direct SQL as
 * balie_app: the fields "in te vullen door PPO" (intern) written only by the
 * back office, also when a school saves its form through balie; "Niet
 * ontvankelijk financieën" blocking the aanpak with its reason; the fixed
 * amount of "budget inclusief onderwijs"; EMB refused for a draft TLV; the
 * behandelaar of a TLV (access until its einddatum, a mail without the
 * pupil's name); the forecast only for the back office with the right. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "db/aanpak.h"
#include "db/beschikking.h"
#include "db/formstore.h"
#include "db/formulier.h"
#include "db/hulpvraag.h"

#define DBNAME "t_schoolbudget"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

static const char *const rollen[] = { "sec_a", "coord_a", "fin_a", "adm_a", "school_a", "extern_a", "geen", "sec_b" };
#define NROLLEN (sizeof rollen / sizeof *rollen)
/* back office of PO1111: the first four */
#define INTERN(i) ((i) < 4)

struct world {
	struct db *su;
	struct db *app[NROLLEN];
	long bram, cem, form;
};

static const char form_src[] =
	"versie = 1;\nnaam = \"Aanvraag schoolbudget wijk\";\nvelden = (\n"
	"  { sleutel = \"bedrag\"; label = \"Bedrag\"; type = \"bedrag\"; },\n"
	"  { sleutel = \"penvoerder_brin\"; label = \"BRIN penvoerder\"; type = \"brin\"; vestiging = true; },\n"
	"  { sleutel = \"besluit_ppo\"; label = \"Besluit PPO\"; type = \"keuze\"; keuzes = [ \"Toegekend\", \"Afgewezen\" ];"
	" intern = true; },\n"
	"  { sleutel = \"toegekend_bedrag\"; label = \"Toegekend bedrag\"; type = \"bedrag\"; intern = true; }\n);\n";

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct beschikking_conf c;
	struct form_def *d = NULL;
	struct err e;
	char sql[512];
	int versie, nieuw;

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_fin_adm(w->su, HASH);
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	/* the form, published as `balie admin forms load` does */
	assert_int_equal(form_parse(form_src, strlen(form_src), "aanvraag-schoolbudget-wijk.form", &d, NULL, NULL, &e), 0);
	assert_int_equal(formstore_publish(w->su, "PO1111", d, form_src, strlen(form_src), "test", &versie, &nieuw, &e),
			 0);
	form_free(&d);
	snprintf(sql, sizeof sql,
		 "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) SELECT h.id, h.organisatie_id, d.id "
		 "FROM hulpvraag h, formulier_definitie d WHERE h.id = %ld AND d.code = 'aanvraag-schoolbudget-wijk'",
		 w->bram);
	harness_exec(w->su, sql);
	w->form = harness_long(w->su, "SELECT max(id) FROM formulier");
	/* the profile's lists: a blocking status, an EMB soort */
	memset(&c, 0, sizeof c);
	c.nsoorten = 2;
	strcpy(c.soorten[0], "TLV SO categorie laag");
	strcpy(c.soorten[1], "TLV SO categorie hoog");
	strcpy(c.emb_soort, "TLV SO categorie hoog");
	c.ntypes = 2;
	strcpy(c.aanpak_types[0], "schoolbudget");
	strcpy(c.aanpak_types[1], "budget inclusief onderwijs");
	c.ngeblokkeerd = 1;
	strcpy(c.geblokkeerd[0], "Niet ontvankelijk financieën");
	assert_int_equal(db_beschikking_publish(w->su, "PO1111", &c, &e), 0);
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'Niet ontvankelijk financieën', 'Afgerond', true, false, 6 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, 'Nieuw', "
			    "'Niet ontvankelijk financieën', 'financieel' FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO tarief (organisatie_id, schooljaar, categorie, bedrag_cent) "
			    "SELECT id, 2026, 'budget inclusief onderwijs', 2500000 FROM organisatie WHERE code = 'PO1111'");
	for (size_t i = 0; i < NROLLEN; i++) {
		w->app[i] = harness_app_db(DBNAME);
		db_set_account(w->app[i], harness_account(w->su, rollen[i]));
	}
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	for (size_t i = 0; i < NROLLEN; i++)
		db_free(&w->app[i]);
	db_free(&w->su);
	free(w);
	return 0;
}

/* sql as rollen[i] in one transaction with its acting account, as balie
 * runs its statements: 0, or -1 when the database refused it. */
static int try_sql(struct world *w, size_t i, const char *sql)
{
	struct err e;
	err_clear(&e);
	if (db_begin(w->app[i], &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	int rc = harness_try(w->app[i], sql, &e);
	if (rc == 0 && db_commit(w->app[i], &e) < 0)
		rc = -1;
	else if (rc < 0)
		db_rollback(w->app[i]);
	if (getenv("SB_DEBUG"))
		fprintf(stderr, "%s: %d %s\n", rollen[i], rc, rc ? e.msg : "");
	return rc;
}

static int try_as(struct world *w, size_t i, const char *fmt, long a, long b)
{
	char sql[700];
	snprintf(sql, sizeof sql, fmt, a, b);
	return try_sql(w, i, sql);
}

static long count(struct world *w, const char *fmt, long a)
{
	char sql[500];
	snprintf(sql, sizeof sql, fmt, a);
	return harness_long(w->su, sql);
}

/* besluit_ppo and toegekend_bedrag: only the back office writes them, by
 * any statement; the school writes its own fields. */
static void intern_fields_only_back_office(void **state)
{
	struct world *w = *state;
	static const char ins[] = "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
				  "SELECT id, organisatie_id, 'besluit_ppo', 'Toegekend' FROM formulier WHERE id = %ld%.0ld";

	for (size_t i = 0; i < NROLLEN; i++) {
		harness_exec(w->su, "DELETE FROM formulier_waarde");
		int rc = try_as(w, i, ins, w->form, 0);
		long n = count(w, "SELECT count(*) FROM formulier_waarde WHERE formulier_id = %ld AND veld = 'besluit_ppo'",
			       w->form);
		if (INTERN(i)) {
			assert_int_equal(rc, 0);
			assert_int_equal(n, 1);
		} else {
			assert_int_equal(n, 0); /* refused by the trigger, or RLS shows no form */
		}
	}
	/* the school: its own field yes, the SWV's no (insert, update, delete) */
	size_t school = 4;
	assert_int_equal(try_as(w, school,
				"INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
				"SELECT id, organisatie_id, 'bedrag', '100000' FROM formulier WHERE id = %ld%.0ld",
				w->form, 0),
			 0);
	assert_int_equal(try_as(w, school, ins, w->form, 0), -1);
	harness_exec(w->su, "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
			    "SELECT id, organisatie_id, 'toegekend_bedrag', '90000' FROM formulier");
	assert_int_equal(try_as(w, school,
				"UPDATE formulier_waarde SET waarde = '100000' WHERE formulier_id = %ld "
				"AND veld = 'toegekend_bedrag'%.0ld",
				w->form, 0),
			 -1);
	assert_int_equal(try_as(w, school,
				"UPDATE formulier_waarde SET veld = 'toegekend_bedrag' WHERE formulier_id = %ld "
				"AND veld = 'bedrag'%.0ld",
				w->form, 0),
			 -1);
	assert_int_equal(try_as(w, school,
				"DELETE FROM formulier_waarde WHERE formulier_id = %ld AND veld = 'toegekend_bedrag'%.0ld",
				w->form, 0),
			 -1);
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_waarde WHERE formulier_id = %ld "
				  "AND veld = 'toegekend_bedrag' AND waarde = '90000'",
			       w->form),
			 1);
}

/* The school saves its form through balie: the SWV's answer stays; when
 * the school changes the SWV's answer, the save is refused in Dutch. */
static void school_save_keeps_intern(void **state)
{
	struct world *w = *state;
	struct outcome o;
	int v = (int)count(w, "SELECT version FROM formulier WHERE id = %ld", w->form);

	harness_exec(w->su, "DELETE FROM formulier_waarde");
	harness_exec(w->su, "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
			    "SELECT id, organisatie_id, 'besluit_ppo', 'Afgewezen' FROM formulier");
	const char *values[4] = { "250000", "14SS01", "Afgewezen", NULL };
	assert_int_equal(formulier_save(w->app[4], w->form, v, values, ".", NULL, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM formulier_waarde WHERE formulier_id = %ld "
				  "AND ((veld = 'besluit_ppo' AND waarde = 'Afgewezen') OR (veld = 'bedrag' AND waarde = '250000'))",
			       w->form),
			 2);
	const char *changed[4] = { "250000", "14SS01", "Toegekend", NULL };
	assert_int_not_equal(formulier_save(w->app[4], w->form, o.version, changed, ".", NULL, NULL, &o), OUTCOME_SAVED);
	assert_non_null(strstr(o.err.msg, "medewerkers van het samenwerkingsverband"));
	/* the financieel medewerker may */
	v = (int)count(w, "SELECT version FROM formulier WHERE id = %ld", w->form);
	const char *granted[4] = { "250000", "14SS01", "Toegekend", "200000" };
	assert_int_equal(formulier_save(w->app[2], w->form, v, granted, ".", NULL, NULL, &o), OUTCOME_SAVED);
	/* the Aanpak tab reads the request and the decision */
	struct aanpak a;
	struct err e;
	assert_int_equal(db_aanpak_read(w->app[2], w->bram, &a, &e), 0);
	assert_true(a.aangevraagd == 250000 && a.toegekend == 200000);
	assert_string_equal(a.besluit, "Toegekend");
}

/* "Niet ontvankelijk financieën": the aanpak cannot be written, and the
 * message carries the reason; the tab reads it. */
static void niet_ontvankelijk_blocks_aanpak(void **state)
{
	struct world *w = *state;
	struct aanpak_invoer in;
	struct aanpak a;
	struct outcome o;
	struct err e;

	memset(&in, 0, sizeof in);
	strcpy(in.type, "schoolbudget");
	strcpy(in.start, "01-09-2026");
	strcpy(in.eind, "31-07-2027");
	strcpy(in.bedrag, "5.000");
	assert_int_equal(db_aanpak_save(w->app[2], w->cem, 0, 0, &in, NULL, &o), OUTCOME_SAVED);
	/* the status change as balie makes it, with its reason */
	assert_int_equal(hulpvraag_set_status(w->app[2], w->cem, (int)count(w, "SELECT version FROM hulpvraag WHERE id = %ld",
									    w->cem),
					      "Niet ontvankelijk financieën", "niet conform de mandaatregeling", ".", NULL, &o),
			 OUTCOME_SAVED);
	assert_int_equal(db_aanpak_read(w->app[2], w->cem, &a, &e), 0);
	assert_string_equal(a.geblokkeerd, "Niet ontvankelijk financieën: niet conform de mandaatregeling");
	strcpy(in.nummer, "SB-2026-1");
	assert_int_equal(db_aanpak_save(w->app[2], w->cem, a.id, a.version, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "Geen beschikking: Niet ontvankelijk financieën: niet conform de mandaatregeling"));
	for (size_t i = 0; i < NROLLEN; i++)
		assert_int_equal(try_as(w, i, "UPDATE aanpak SET nummer = 'X%ld' WHERE hulpvraag_id = %ld", (long)i, w->cem),
				 i >= 1 && i <= 3 ? -1 : 0); /* who may not edit an aanpak changes no row */
	assert_int_equal(count(w, "SELECT count(*) FROM aanpak WHERE hulpvraag_id = %ld AND nummer IS NULL", w->cem), 1);
}

/* "Budget inclusief onderwijs" has its amount: filled when empty, another
 * refused (by the database as well as by core). */
static void fixed_amount(void **state)
{
	struct world *w = *state;
	struct aanpak_invoer in;
	struct aanpak_fouten f;
	struct outcome o;

	memset(&in, 0, sizeof in);
	strcpy(in.type, "budget inclusief onderwijs");
	strcpy(in.start, "01-09-2026");
	strcpy(in.eind, "31-07-2027");
	strcpy(in.bedrag, "€ 30.000,00");
	strcpy(in.reden, "meer nodig");
	aanpak_check(&in, 2500000, 0, NULL, &f);
	assert_int_equal(aanpak_vast_check(&in, 2500000, &f), 1);
	assert_string_equal(f.veld[AP_BEDRAG], "Budget inclusief onderwijs heeft een vast bedrag: € 25.000,00");
	assert_int_equal(db_aanpak_save(w->app[2], w->bram, 0, 0, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "vast bedrag: € 25.000,00 in schooljaar 2026-2027"));
	in.bedrag[0] = '\0';
	in.reden[0] = '\0';
	assert_int_equal(db_aanpak_save(w->app[2], w->bram, 0, 0, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT bedrag_cent FROM aanpak WHERE hulpvraag_id = %ld", w->bram), 2500000);
}

/* An EMB pupil's TLV is SO hoog, also as a draft typed by direct SQL. */
static void emb_draft_refused(void **state)
{
	struct world *w = *state;
	char sql[600];

	snprintf(sql, sizeof sql,
		 "WITH f AS (INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) SELECT h.id, "
		 "h.organisatie_id, d.id FROM hulpvraag h, formulier_definitie d WHERE h.id = %ld "
		 "RETURNING id, organisatie_id) INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
		 "SELECT id, organisatie_id, 'emb', 'ja' FROM f",
		 w->cem);
	harness_exec(w->su, sql);
	for (size_t i = 0; i < NROLLEN; i++)
		assert_int_equal(try_as(w, i,
					"INSERT INTO tlv_beschikking (hulpvraag_id, organisatie_id, dossier_id, soort) "
					"SELECT id, organisatie_id, dossier_id, 'TLV SO categorie laag' FROM hulpvraag "
					"WHERE id = %ld%.0ld",
					w->cem, 0),
				 i < 4 || i == 5 ? -1 : 0); /* who sees Cem: refused; the others insert no row */
	assert_int_equal(count(w, "SELECT count(*) FROM tlv_beschikking WHERE hulpvraag_id = %ld", w->cem), 0);
	assert_int_equal(try_as(w, 2,
				"INSERT INTO tlv_beschikking (hulpvraag_id, organisatie_id, dossier_id, soort) "
				"SELECT id, organisatie_id, dossier_id, 'TLV SO categorie hoog' FROM hulpvraag WHERE id = %ld%.0ld",
				w->cem, 0),
			 0);
}

/* The behandelaar of a TLV: only who may edit the beschikking chooses; a
 * school account gets access until the einddatum (and along with a changed
 * one), a mail without the pupil's name. */
static void tlv_behandelaar(void **state)
{
	struct world *w = *state;
	struct aanpak_behandelaar b[AANPAK_MAX_BEHANDELAARS];
	struct outcome o;
	struct err e;
	char sql[600];
	int n;
	long school = harness_account(w->su, "school_a");

	assert_int_equal(db_aanpak_behandelaar(w->app[2], w->bram, 1, school, 1, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "Eerst een TLV-beschikking met een einddatum bewaren"));
	snprintf(sql, sizeof sql,
		 "INSERT INTO tlv_beschikking (hulpvraag_id, organisatie_id, dossier_id, startdatum, einddatum) "
		 "SELECT id, organisatie_id, dossier_id, DATE '2026-09-01', DATE '2028-07-31' FROM hulpvraag WHERE id = %ld",
		 w->bram);
	harness_exec(w->su, sql);
	for (size_t i = 0; i < NROLLEN; i++) {
		if (i == 2 || i == 3)
			continue;
		assert_int_not_equal(db_aanpak_behandelaar(w->app[i], w->bram, 1, school, 1, &o), OUTCOME_SAVED);
		assert_int_equal(try_as(w, i, "SELECT count(*) FROM tlv_behandelaar(%ld, %ld, true)", w->bram, school), -1);
	}
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_toegang WHERE hulpvraag_id = %ld AND soort = 'tlv'",
			       w->bram),
			 0);
	/* a back-office account is no behandelaar */
	assert_int_equal(db_aanpak_behandelaar(w->app[2], w->bram, 1, harness_account(w->su, "sec_a"), 1, &o),
			 OUTCOME_REFUSED);
	harness_exec(w->su, "UPDATE account SET email = 'ib@school.example' WHERE username = 'school_a'");
	assert_int_equal(db_aanpak_behandelaar(w->app[2], w->bram, 1, school, 1, &o), OUTCOME_SAVED);
	assert_string_equal(o.err.msg, "IB Alfa is behandelaar, met toegang tot en met 31-07-2028; mail klaargezet");
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_toegang WHERE hulpvraag_id = %ld AND soort = 'tlv' "
				  "AND tot = DATE '2028-07-31'",
			       w->bram),
			 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld AND aan = 'ib@school.example' "
				  "AND strpos(onderwerp || tekst, 'Bram') = 0 AND strpos(onderwerp || tekst, 'Vries') = 0",
			       w->bram),
			 1);
	assert_int_equal(db_aanpak_behandelaars(w->app[2], w->bram, 1, b, &n, &e), 0);
	int found = 0;
	for (int i = 0; i < n; i++)
		found |= b[i].account_id == school && b[i].is;
	assert_true(found);
	harness_exec(w->su, "UPDATE tlv_beschikking SET einddatum = DATE '2027-07-31'");
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_toegang WHERE hulpvraag_id = %ld AND soort = 'tlv' "
				  "AND tot = DATE '2027-07-31'",
			       w->bram),
			 1);
	assert_int_equal(db_aanpak_behandelaar(w->app[3], w->bram, 1, school, 0, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_toegang WHERE hulpvraag_id = %ld AND soort = 'tlv'",
			       w->bram),
			 0);
}

/* The forecast: 12 months per budget for financieel and admin; nothing for
 * the others (the budgets are the SWV's own). */
static void forecast_rights(void **state)
{
	struct world *w = *state;

	harness_exec(w->su, "INSERT INTO budget (organisatie_id, schooljaar, soort, bedrag_cent) "
			    "SELECT id, 2026, 'schoolbudget', 10000000 FROM organisatie WHERE code = 'PO1111'");
	for (size_t i = 0; i < NROLLEN; i++) {
		char sql[200];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM budget_prognose_alle((SELECT id FROM organisatie WHERE code = 'PO1111'), 2026)");
		assert_int_equal(harness_long(w->app[i], sql), i == 2 || i == 3 ? 12 : 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(intern_fields_only_back_office, setup, teardown),
		cmocka_unit_test_setup_teardown(school_save_keeps_intern, setup, teardown),
		cmocka_unit_test_setup_teardown(niet_ontvankelijk_blocks_aanpak, setup, teardown),
		cmocka_unit_test_setup_teardown(fixed_amount, setup, teardown),
		cmocka_unit_test_setup_teardown(emb_draft_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(tlv_behandelaar, setup, teardown),
		cmocka_unit_test_setup_teardown(forecast_rights, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
