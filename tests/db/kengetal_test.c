/* kengetal_test.c — migration 022 by direct SQL as balie_app, as every
 * role: the schoolbestuur's financial contact (role bestuur) reads the
 * arrangements (with a number) and the afgegeven TLV beschikkingen of its
 * own bestuur's schools only — no other bestuur's, no other organisatie's,
 * never the hulpvraag, dossier or statushistorie themselves — and writes
 * nothing; kengetallen() counts per role what that role may see; the
 * helper functions leak nothing of a hulpvraag the caller may not see. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DBNAME "t_kengetal"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su;
	long bram, cem, bram2, dirk;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) SELECT u, u, '" HASH "' FROM "
			    "unnest(ARRAY['fin_a', 'adm_a', 'bst_x', 'bst_y', 'bst_los', 'bst_b']) u");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, v.r FROM (VALUES ('fin_a', 'PO1111', 'financieel'), "
			    "('adm_a', 'PO1111', 'admin'), ('bst_x', 'PO1111', 'bestuur'), ('bst_y', 'PO1111', 'bestuur'), "
			    "('bst_los', 'PO1111', 'bestuur'), ('bst_b', 'PO2222', 'bestuur')) v(u, c, r) "
			    "JOIN account a ON a.username = v.u JOIN organisatie o ON o.code = v.c");
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) SELECT o.id, v.n FROM (VALUES "
			    "('PO1111', 'Bestuur X'), ('PO1111', 'Bestuur Y'), ('PO2222', 'Bestuur Z')) v(c, n) "
			    "JOIN organisatie o ON o.code = v.c");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) SELECT b.organisatie_id, "
			    "b.id, v.brin, v.n FROM (VALUES ('Bestuur X', '11AA', 'School X'), ('Bestuur Y', '22BB', "
			    "'School Y'), ('Bestuur Z', '33CC', 'School Z')) v(b, brin, n) JOIN schoolbestuur b ON b.naam = v.b");
	/* bst_los has the role but no bestuur: it sees nothing */
	harness_exec(w->su, "INSERT INTO account_bestuur (account_id, organisatie_id, schoolbestuur_id) "
			    "SELECT a.id, b.organisatie_id, b.id FROM (VALUES ('bst_x', 'Bestuur X'), ('bst_y', 'Bestuur Y'), "
			    "('bst_b', 'Bestuur Z')) v(u, b) JOIN account a ON a.username = v.u JOIN schoolbestuur b ON b.naam = v.b");
#define HV(naam) harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id " \
				     "WHERE d.roepnaam = '" naam "' ORDER BY h.id LIMIT 1")
	w->bram = HV("Bram");
	w->cem = HV("Cem");
	w->dirk = HV("Dirk");
#undef HV
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie) SELECT organisatie_id, 99, dossier_id, aanvraagtype_id, "
			    " 'Tweede', datum, 'Nieuw', '' FROM hulpvraag WHERE id = (SELECT h.id FROM hulpvraag h "
			    " JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = 'Bram')");
	w->bram2 = harness_long(w->su, "SELECT max(id) FROM hulpvraag");
	/* Bram and Bram's second hulpvraag at school X, Anna (voorlopig) too, Cem at Y, Dirk at Z */
	harness_exec(w->su, "UPDATE hulpvraag h SET school_id = s.id FROM dossier d, school s WHERE d.id = h.dossier_id "
			    "AND s.brin = CASE WHEN d.roepnaam IN ('Anna', 'Bram') THEN '11AA' WHEN d.roepnaam = 'Cem' "
			    "THEN '22BB' ELSE '33CC' END");
	char sql[1024];
	/* arrangements of 2026-2027: Bram (number), Bram's second (no number: a draft), Cem, Dirk */
	snprintf(sql, sizeof sql,
		 "INSERT INTO aanpak (hulpvraag_id, type, categorie, startdatum, einddatum, bedrag_cent, nummer) VALUES "
		 "(%ld, 'arrangement', 'Midden', '2026-09-01', '2027-07-31', 850000, 'A-1'), "
		 "(%ld, 'arrangement', 'Hoog', '2026-09-01', '2027-07-31', 1900000, NULL), "
		 "(%ld, 'arrangement', 'Hoog', '2026-10-01', '2027-07-31', 1900000, 'A-2'), "
		 "(%ld, 'arrangement', 'Midden', '2026-10-01', '2027-07-31', 850000, 'B-1')",
		 w->bram, w->bram2, w->cem, w->dirk);
	harness_exec(w->su, sql);
	/* a TLV afgegeven for Bram (X) and one only drafted for Cem (Y) */
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'TLV afgegeven', 'Afgerond', true, false, 4 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO beschikking_status (organisatie_id, status, soort) "
			    "SELECT id, 'TLV afgegeven', 'tlv' FROM organisatie");
	snprintf(sql, sizeof sql,
		 "INSERT INTO tlv_beschikking (hulpvraag_id, nummer, soort, startdatum, einddatum) VALUES "
		 "(%ld, 'T-1', 'TLV SBO', '2026-09-01', '2028-07-31'), (%ld, 'T-2', 'TLV SBO', '2026-09-01', '2028-07-31')",
		 w->bram, w->cem);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, op) "
		 "SELECT id, organisatie_id, 'Nieuw', 'TLV afgegeven', '2026-10-15 10:00+02' FROM hulpvraag WHERE id = %ld",
		 w->bram);
	harness_exec(w->su, sql);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->su);
	free(w);
	return 0;
}

/* sql as balie_app acting for user, in a transaction rolled back: the
 * first column of the first row ("" for none, "FOUT: …" when refused),
 * or for a statement without rows the number of rows it touched. */
static void as(struct world *w, const char *user, const char *sql, char *out, size_t len)
{
	struct db *app = harness_app_db(DBNAME);
	struct err e;
	PGresult *r;

	err_clear(&e);
	db_set_account(app, harness_account(w->su, user));
	if (db_begin(app, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	if (!(r = db_exec(app, &e, NULL, sql, 0, NULL)))
		snprintf(out, len, "FOUT: %.400s", e.msg);
	else if (PQnfields(r) == 0)
		snprintf(out, len, "%s", PQcmdTuples(r));
	else
		snprintf(out, len, "%s", PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	db_rollback(app);
	db_free(&app);
}

static const char *const accounts[] = { "sec_a", "fin_a", "coord_a", "adm_a", "school_a", "extern_a",
					"bst_x", "bst_y", "bst_los", "bst_b", "geen" };

/* What each account reads: aanpak numbers, TLV numbers, hulpvragen,
 * dossiers, statushistorie rows, and the kengetallen of 2026-2027 of
 * PO1111 as "brin soort aantal" items. */
static void reads_per_role(void **state)
{
	struct world *w = *state;
	static const char *const want[][6] = {
		/* aanpak            tlv        hv  dossier hist kengetallen(PO1111, 2026)
		 * (Anna's voorlopige aanmelding: hidden but from applicatiebeheer) */
		{ "A-1,A-2", "T-1,T-2", "3", "2", "1", "11AA arrangement 2,11AA tlv 1,22BB arrangement 1" },
		{ "A-1,A-2", "T-1,T-2", "3", "2", "1", "11AA arrangement 2,11AA tlv 1,22BB arrangement 1" },
		{ "A-1,A-2", "T-1,T-2", "3", "2", "1", "11AA arrangement 2,11AA tlv 1,22BB arrangement 1" },
		{ "A-1,A-2", "T-1,T-2", "4", "3", "1", "11AA arrangement 2,11AA tlv 1,22BB arrangement 1" },
		/* the aanvrager of Anna and Bram: Bram's aanpak; his TLV only once
		 * his current status is afgegeven (015's policy) */
		{ "A-1", "", "2", "2", "1", "11AA arrangement 1" },
		/* extern_a: toegang to Cem; Cem's TLV is a draft (not afgegeven) */
		{ "A-2", "", "1", "1", "0", "22BB arrangement 1" },
		/* the financial contact of X: X's numbered aanpak and afgegeven TLV, nothing else */
		{ "A-1", "T-1", "0", "0", "0", "11AA arrangement 1,11AA tlv 1" },
		{ "A-2", "", "0", "0", "0", "22BB arrangement 1" },
		{ "", "", "0", "0", "0", "" },
		{ "", "", "0", "0", "0", "" },
		{ "", "", "0", "0", "0", "" },
	};
	char got[6][512];
	int failures = 0;

	for (size_t i = 0; i < sizeof accounts / sizeof *accounts; i++) {
		as(w, accounts[i], "SELECT coalesce(string_agg(nummer, ',' ORDER BY nummer), '') FROM aanpak "
				   "WHERE organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111')",
		   got[0], sizeof got[0]);
		as(w, accounts[i], "SELECT coalesce(string_agg(nummer, ',' ORDER BY nummer), '') FROM tlv_beschikking",
		   got[1], sizeof got[1]);
		as(w, accounts[i], "SELECT count(*) FROM hulpvraag WHERE organisatie_id = "
				   "(SELECT id FROM organisatie WHERE code = 'PO1111')", got[2], sizeof got[2]);
		as(w, accounts[i], "SELECT count(*) FROM dossier WHERE organisatie_id = "
				   "(SELECT id FROM organisatie WHERE code = 'PO1111')", got[3], sizeof got[3]);
		as(w, accounts[i], "SELECT count(*) FROM statushistorie WHERE naar = 'TLV afgegeven'", got[4],
		   sizeof got[4]);
		as(w, accounts[i], "SELECT coalesce(string_agg(k, ',' ORDER BY k), '') FROM (SELECT brin || ' ' || soort "
				   "|| ' ' || sum(aantal) AS k FROM kengetallen((SELECT id FROM organisatie WHERE code = "
				   "'PO1111'), 2026) GROUP BY brin, soort) x",
		   got[5], sizeof got[5]);
		for (int k = 0; k < 6; k++)
			if (strcmp(got[k], want[i][k])) {
				print_message("# %s, kolom %d: verwacht \"%s\", database \"%s\"\n", accounts[i], k, want[i][k],
					      got[k]);
				failures++;
			}
	}
	assert_int_equal(failures, 0);
}

/* The bestuur contact writes nothing: not the aanpak, not the beschikking,
 * not its own link to another bestuur; every other role as before. */
static void bestuur_writes_nothing(void **state)
{
	struct world *w = *state;
	char sql[512], out[512];
	const char *const bst[] = { "bst_x", "bst_y", "bst_los", "bst_b" };

	for (size_t i = 0; i < sizeof bst / sizeof *bst; i++) {
		snprintf(sql, sizeof sql, "UPDATE aanpak SET omschrijving = 'x' WHERE hulpvraag_id = %ld", w->bram);
		as(w, bst[i], sql, out, sizeof out);
		assert_true(!strcmp(out, "0") || !strncmp(out, "FOUT", 4));
		snprintf(sql, sizeof sql, "INSERT INTO aanpak (hulpvraag_id, type) VALUES (%ld, 'arrangement')", w->cem);
		as(w, bst[i], sql, out, sizeof out);
		assert_true(!strncmp(out, "FOUT", 4));
		snprintf(sql, sizeof sql, "UPDATE tlv_beschikking SET motivering = 'x' WHERE hulpvraag_id = %ld", w->bram);
		as(w, bst[i], sql, out, sizeof out);
		assert_true(!strcmp(out, "0") || !strncmp(out, "FOUT", 4));
		as(w, bst[i], "INSERT INTO account_bestuur (account_id, organisatie_id, schoolbestuur_id) SELECT "
			      "acting_account(), organisatie_id, id FROM schoolbestuur", out, sizeof out);
		assert_true(!strncmp(out, "FOUT", 4));
		as(w, bst[i], "UPDATE account_bestuur SET schoolbestuur_id = (SELECT max(id) FROM schoolbestuur)", out,
		   sizeof out);
		assert_true(!strcmp(out, "0") || !strncmp(out, "FOUT", 4));
	}
	/* the financieel medewerker still edits the aanpak */
	snprintf(sql, sizeof sql, "UPDATE aanpak SET omschrijving = 'x' WHERE hulpvraag_id = %ld", w->bram);
	as(w, "fin_a", sql, out, sizeof out);
	assert_string_equal(out, "1");
}

/* The helpers answer only about what the caller may see. */
static void helpers_leak_nothing(void **state)
{
	struct world *w = *state;
	char sql[256], out[512];

	snprintf(sql, sizeof sql, "SELECT coalesce(kengetal_school(%ld)::text, 'geen')", w->cem);
	as(w, "bst_x", sql, out, sizeof out);
	assert_string_equal(out, "geen");
	snprintf(sql, sizeof sql, "SELECT coalesce(kengetal_school(%ld)::text, 'geen')", w->dirk);
	as(w, "sec_a", sql, out, sizeof out);
	assert_string_equal(out, "geen");
	snprintf(sql, sizeof sql, "SELECT bestuur_ziet(%ld)::text || bestuur_ziet(%ld)::text", w->bram, w->cem);
	as(w, "bst_x", sql, out, sizeof out);
	assert_string_equal(out, "truefalse");
	/* the voorlopige aanmelding at school X stays hidden from its bestuur */
	as(w, "bst_x", "SELECT bestuur_ziet((SELECT h.id FROM hulpvraag h WHERE h.voorlopig LIMIT 1))::text", out,
	   sizeof out);
	assert_string_equal(out, "false");
	/* its own link, not another's; the back office sees its organisatie's */
	as(w, "bst_x", "SELECT count(*) FROM account_bestuur", out, sizeof out);
	assert_string_equal(out, "1");
	as(w, "fin_a", "SELECT count(*) FROM account_bestuur", out, sizeof out);
	assert_string_equal(out, "2");
	as(w, "geen", "SELECT count(*) FROM account_bestuur", out, sizeof out);
	assert_string_equal(out, "0");
}

/* "financieel verwerkt" queues the mail to the bestuur's financial
 * contact: once, with number, school, period and amount, no pupil name. */
static void verwerkt_mails_the_bestuur(void **state)
{
	struct world *w = *state;
	char sql[512];
	long voor = harness_long(w->su, "SELECT count(*) FROM outbox");

	harness_exec(w->su, "UPDATE schoolbestuur SET email_financieel = 'financien@x.example.nl' WHERE naam = 'Bestuur X'");
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'Verwerkt', 'Afgerond', true, false, 5 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO beschikking_status (organisatie_id, status, soort) "
			    "SELECT id, 'Verwerkt', 'arrangement' FROM organisatie");
	for (int i = 0; i < 2; i++) { /* the second time: no second mail */
		snprintf(sql, sizeof sql, "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar) "
					  "SELECT id, organisatie_id, 'Nieuw', 'Verwerkt' FROM hulpvraag WHERE id = %ld", w->bram);
		harness_exec(w->su, sql);
	}
	/* Cem's bestuur has no address: nothing */
	snprintf(sql, sizeof sql, "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar) "
				  "SELECT id, organisatie_id, 'Nieuw', 'Verwerkt' FROM hulpvraag WHERE id = %ld", w->cem);
	harness_exec(w->su, sql);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox"), voor + 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE aan = 'financien@x.example.nl' "
					     "AND onderwerp = 'Beschikking arrangement A-1 afgegeven (School X)' "
					     "AND tekst LIKE '%periode 01-09-2026 t/m 31-07-2027, bedrag € 8.500,00%'"),
			 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE onderwerp || tekst ~* 'bram|vries'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_per_role),
		cmocka_unit_test(bestuur_writes_nothing),
		cmocka_unit_test(helpers_leak_nothing),
		cmocka_unit_test(verwerkt_mails_the_bestuur),
	};
	return cmocka_run_group_tests_name("kengetal", tests, setup, teardown);
}
