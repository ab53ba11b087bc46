/* bijlage_test.c — db/bijlage against a throwaway database: the 10 MB
 * limit (10 MB + 1 byte refused, nothing written), the SHA-256 stored and
 * right, the type from the content (a PDF named .txt is a PDF), the flow's
 * automatic "aangevuld" in the same transaction (statushistorie, outbox),
 * no change where the flow has no rule, soft removal (row kept, marked,
 * audited), content stored once, views audited, and row-level security (an
 * other organisatie sees nothing and cannot add). */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "db/bijlage.h"
#include "db/hulpvraag.h"

#define DBNAME "t_bijlage"

static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

struct world {
	struct db *su;
	struct db *sec;  /* balie_app as sec_a (PO1111) */
	struct db *secb; /* balie_app as sec_b (PO2222) */
	long bram, cem, sec_id;
	const char *datadir;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *src = getenv("BALIE_SRCDIR");

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "UPDATE hulpvraag SET aanvrager_email = 'ib@school.example.nl', aanvrager_naam = 'IB Alfa'");
	/* the flow of Test gets "aanvulling nodig" with an automatic rule for a
	 * new bijlage, as forms/po3008/aanvraag-tlv.flow has */
	harness_flow_aanvulling(w->su);
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	w->sec_id = harness_account(w->su, "sec_a");
	w->sec = harness_app_db(DBNAME);
	db_set_account(w->sec, w->sec_id);
	w->secb = harness_app_db(DBNAME);
	db_set_account(w->secb, harness_account(w->su, "sec_b"));
	w->datadir = src ? src : ".";
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_free(&w->sec);
	db_free(&w->secb);
	db_free(&w->su);
	free(w);
	return 0;
}

static long count(struct world *w, const char *fmt, long id)
{
	char sql[800];

	snprintf(sql, sizeof sql, fmt, id);
	return harness_long(w->su, sql);
}

/* sql as the db's acting account (row-level security applies), rolled
 * back: 0 / -1 with e. */
static int try_as(struct db *db, const char *sql, struct err *e)
{
	PGresult *r;

	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, sql, 0, NULL);
	db_rollback(db);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

static int add(struct world *w, struct db *db, long hv, const char *naam, const char *cat, const void *data,
	       size_t len, struct bijlage_toegevoegd *out, struct err *e)
{
	struct bijlage_nieuw n = { hv, naam, cat, data, len, NULL, 0 };
	struct outcome o;

	err_clear(e);
	bijlage_add(db, &n, w->datadir, out, &o);
	*e = o.err;
	return o.kind == OUTCOME_SAVED ? 0 : -1;
}

/* bijlage_remove, its outcome's kind; the sentence in e. */
static enum outcome_kind rm(struct db *db, long id, int version, struct err *e)
{
	struct outcome o;

	bijlage_remove(db, id, version, &o);
	*e = o.err;
	return o.kind;
}

static void too_big_is_refused_and_nothing_written(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct err e;
	size_t len = (size_t)BIJLAGE_MAX + 1;
	unsigned char *big = calloc(len, 1);

	assert_non_null(big);
	memcpy(big, pdf, sizeof pdf - 1);
	assert_int_equal(add(w, w->sec, w->bram, "scan.pdf", "OPP", big, len, &out, &e), -1);
	assert_non_null(strstr(e.msg, "10 MB"));
	assert_non_null(strstr(e.msg, "300 dpi"));
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM bijlage"), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM bijlage_inhoud"), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie = 'bijlage-add'"), 0);
	/* exactly 10 MB is allowed */
	assert_int_equal(add(w, w->sec, w->cem, "groot.pdf", "overig", big, len - 1, &out, &e), 0);
	assert_int_equal(count(w, "SELECT grootte FROM bijlage WHERE id = %ld", out.id), BIJLAGE_MAX);
	free(big);
}

static void sha256_stored_and_type_from_content(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct err e;
	char sha[65], sql[300];

	assert_int_equal(add(w, w->sec, w->cem, "notities.txt", "onderzoeksverslag", pdf, sizeof pdf - 1, &out, &e), 0);
	assert_string_equal(out.mime, "application/pdf");
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE id = %ld AND mime = 'application/pdf' "
				  "AND naam = 'notities.txt'", out.id), 1);
	/* the stored hash is the hash of the stored bytes (PostgreSQL's own
	 * sha256 as the second opinion) and of what was sent */
	bijlage_sha256_hex(pdf, sizeof pdf - 1, sha);
	assert_string_equal(out.sha256, sha);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM bijlage b JOIN bijlage_inhoud i USING (organisatie_id, sha256) "
		 " WHERE b.id = %ld AND b.sha256 = '%s' AND encode(sha256(i.inhoud), 'hex') = b.sha256 "
		 "   AND b.grootte = octet_length(i.inhoud) AND b.geupload_door = %ld",
		 out.id, sha, w->sec_id);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* plain text stays text */
	assert_int_equal(add(w, w->sec, w->cem, "verslag.pdf", "overig", "Gewoon tekst.\n", 14, &out, &e), 0);
	assert_string_equal(out.mime, "text/plain");
	assert_int_equal(bijlage_soort(out.mime), BS_TEKST);
}

static void same_content_stored_once(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd a, b;
	struct err e;
	static const char txt[] = "Ontwikkelingsperspectief, versie 1\n";

	assert_int_equal(add(w, w->sec, w->cem, "OPP.txt", "OPP", txt, sizeof txt - 1, &a, &e), 0);
	assert_int_equal(add(w, w->sec, w->cem, "OPP kopie.txt", "OPP", txt, sizeof txt - 1, &b, &e), 0);
	assert_true(a.id != b.id); /* never overwritten: a new row */
	assert_string_equal(a.sha256, b.sha256);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM bijlage_inhoud WHERE sha256 = '%s'", a.sha256);
	assert_int_equal(harness_long(w->su, sql), 1);
}

/* The same add sent twice with one idempotency key (F2 again after a COMMIT
 * that was cut off): one bijlage, the second send returns the first. */
static void same_key_adds_once(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd a, b;
	struct outcome o;
	char key[OUTCOME_KEY_LEN], sql[200];
	static const char txt[] = "Plan van aanpak\n";

	outcome_key_new(key);
	struct bijlage_nieuw n = { w->cem, "plan.txt", "plan", txt, sizeof txt - 1, key, 0 };
	assert_int_equal(bijlage_add(w->sec, &n, w->datadir, &a, &o), OUTCOME_SAVED);
	assert_false(o.repeated);
	assert_int_equal(bijlage_add(w->sec, &n, w->datadir, &b, &o), OUTCOME_SAVED);
	assert_true(o.repeated);
	assert_int_equal(b.id, a.id);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM bijlage WHERE idempotentie = '%s'", key);
	assert_int_equal(harness_long(w->su, sql), 1);
}

static void automatic_aangevuld_in_one_transaction(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct err e;
	int nv = 0;
	long outbox, hist;
	struct outcome o;

	err_clear(&e);
	assert_int_equal(hulpvraag_set_status(w->sec, w->bram, 1, "Aanvulling nodig", "OPP ontbreekt", w->datadir,
					      &nv, &o),
			 OUTCOME_SAVED);
	outbox = count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->bram);
	hist = count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld", w->bram);
	assert_int_equal(add(w, w->sec, w->bram, "OPP-Bram.pdf", "opp", pdf, sizeof pdf - 1, &out, &e), 0);
	assert_string_equal(out.status, "Aangevuld");
	assert_non_null(strstr(e.msg, "Aangevuld"));
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Aangevuld' "
				  "AND version = 3", w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld", w->bram), hist + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld "
				  "AND van = 'Aanvulling nodig' AND naar = 'Aangevuld' AND door IS NULL "
				  "AND reden LIKE '%%nieuwe bijlage%%'", w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->bram), outbox + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld AND onderwerp LIKE '%%Aangevuld%%' "
				  "AND onderwerp NOT ILIKE '%%Bram%%'", w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'hulpvraag' AND object_id = %ld "
				  "AND actie = 'status' AND detail LIKE '%%automatisch%%'", w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'bijlage' AND object_id = %ld "
				  "AND actie = 'bijlage-add'", out.id), 1);
	/* the category is stored as the flow and checklists spell it */
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE id = %ld AND categorie = 'OPP'", out.id), 1);
	/* a second bijlage: "Aangevuld" has no rule, nothing moves */
	assert_int_equal(add(w, w->sec, w->bram, "toets.txt", "toetsgegevens", "DLE 30\n", 7, &out, &e), 0);
	assert_string_equal(out.status, "");
	assert_int_equal(count(w, "SELECT version FROM hulpvraag WHERE id = %ld", w->bram), 3);
}

static void no_transition_without_a_rule(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct err e;
	long hist = count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld", w->cem);
	long outbox = count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->cem);
	long version = count(w, "SELECT version FROM hulpvraag WHERE id = %ld", w->cem);

	assert_int_equal(add(w, w->sec, w->cem, "plan.txt", "plan", "Plan van aanpak\n", 16, &out, &e), 0);
	assert_string_equal(out.status, "");
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Nieuw'", w->cem), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld", w->cem), hist);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld", w->cem), outbox);
	assert_int_equal(count(w, "SELECT version FROM hulpvraag WHERE id = %ld", w->cem), version);
}

static void bad_input_refused(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct err e;
	long before = harness_long(w->su, "SELECT count(*) FROM bijlage");

	assert_int_equal(add(w, w->sec, w->cem, "x.txt", "rapport", "x", 1, &out, &e), -1);
	assert_non_null(strstr(e.msg, "onbekende categorie"));
	assert_int_equal(add(w, w->sec, w->cem, "../x.txt", "overig", "x", 1, &out, &e), -1);
	assert_int_equal(add(w, w->sec, 999999, "x.txt", "overig", "x", 1, &out, &e), -1);
	assert_non_null(strstr(e.msg, "niet gevonden"));
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM bijlage"), before);
}

static void view_is_audited(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct bijlage meta;
	unsigned char *data = NULL;
	size_t len = 0;
	struct err e;

	assert_int_equal(add(w, w->sec, w->cem, "zienswijze.pdf", "zienswijze", pdf, sizeof pdf - 1, &out, &e), 0);
	assert_int_equal(bijlage_fetch(w->sec, out.id, BIJLAGE_BEKIJKEN, &meta, &data, &len, &e), 0);
	assert_int_equal(len, sizeof pdf - 1);
	assert_memory_equal(data, pdf, len);
	assert_string_equal(meta.naam, "zienswijze.pdf");
	free(data);
	assert_int_equal(bijlage_fetch(w->sec, out.id, BIJLAGE_EXPORTEREN, &meta, &data, &len, &e), 0);
	free(data);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'bijlage' AND object_id = %ld "
				  "AND actie = 'bijlage-view'", out.id), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'bijlage' AND object_id = %ld "
				  "AND actie = 'bijlage-export'", out.id), 1);
}

static void removal_is_soft_and_audited(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct bijlage *list = NULL, meta;
	unsigned char *data = NULL;
	size_t len;
	int n = 0, before;
	struct err e;

	assert_int_equal(add(w, w->sec, w->cem, "scan20230106.pdf", "overig", pdf, sizeof pdf - 1, &out, &e), 0);
	assert_int_equal(bijlage_list(w->sec, w->cem, &list, &n, &e), 0);
	before = n;
	free(list);
	assert_int_equal(rm(w->sec, out.id, 1, &e), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE id = %ld AND verwijderd_op IS NOT NULL "
				  "AND verwijderd_door IS NOT NULL AND version = 2", out.id), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'bijlage' AND object_id = %ld "
				  "AND actie = 'bijlage-remove'", out.id), 1);
	/* kept, bytes too, but no longer listed or readable */
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage b JOIN bijlage_inhoud i USING (organisatie_id, sha256) "
				  "WHERE b.id = %ld", out.id), 1);
	assert_int_equal(bijlage_list(w->sec, w->cem, &list, &n, &e), 0);
	assert_int_equal(n, before - 1);
	free(list);
	assert_int_equal(bijlage_fetch(w->sec, out.id, BIJLAGE_BEKIJKEN, &meta, &data, &len, &e), -1);
	/* a second removal (an old version) changes nothing */
	assert_int_equal(rm(w->sec, out.id, 1, &e), OUTCOME_CONFLICT);
	assert_int_equal(count(w, "SELECT version FROM bijlage WHERE id = %ld", out.id), 2);
}

static void other_organisatie_sees_nothing(void **state)
{
	struct world *w = *state;
	struct bijlage_toegevoegd out;
	struct bijlage *list = NULL, meta;
	unsigned char *data = NULL;
	size_t len;
	int n = -1;
	struct err e;

	assert_int_equal(add(w, w->sec, w->cem, "beschikking.pdf", "beschikking", pdf, sizeof pdf - 1, &out, &e), 0);
	long id = out.id;
	assert_int_equal(bijlage_list(w->secb, w->cem, &list, &n, &e), 0);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(bijlage_fetch(w->secb, id, BIJLAGE_BEKIJKEN, &meta, &data, &len, &e), -1);
	assert_null(data);
	assert_int_equal(harness_long(w->secb, "SELECT count(*) FROM bijlage"), 0);
	assert_int_equal(harness_long(w->secb, "SELECT count(*) FROM bijlage_inhoud"), 0);
	assert_true(harness_long(w->sec, "SELECT count(*) FROM bijlage_inhoud") > 0);
	/* nor add to it, nor remove it */
	long before = harness_long(w->su, "SELECT count(*) FROM bijlage");
	assert_int_equal(add(w, w->secb, w->cem, "x.txt", "overig", "x", 1, &out, &e), -1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM bijlage"), before);
	assert_int_equal(rm(w->secb, id, 1, &e), OUTCOME_GONE);
	/* nor put bytes into any store directly: content arrives only through
	 * bijlage_toevoegen, which hashes the bytes itself (migration 013) —
	 * not into another organisatie's store, and not into its own either */
	assert_int_equal(try_as(w->secb, "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) "
					      "SELECT id, repeat('a', 64), '\\x00' FROM organisatie WHERE code = 'PO1111'",
				     &e),
			 -1);
	assert_non_null(strstr(e.msg, "permission denied"));
	assert_int_equal(try_as(w->secb, "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) "
					      "SELECT id, repeat('a', 64), '\\x00' FROM organisatie WHERE code = 'PO2222'",
				     &e),
			 -1);
	assert_non_null(strstr(e.msg, "permission denied"));
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE id = %ld AND verwijderd_op IS NULL", id), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(too_big_is_refused_and_nothing_written),
		cmocka_unit_test(sha256_stored_and_type_from_content),
		cmocka_unit_test(same_content_stored_once),
		cmocka_unit_test(same_key_adds_once),
		cmocka_unit_test(automatic_aangevuld_in_one_transaction),
		cmocka_unit_test(no_transition_without_a_rule),
		cmocka_unit_test(bad_input_refused),
		cmocka_unit_test(view_is_audited),
		cmocka_unit_test(removal_is_soft_and_audited),
		cmocka_unit_test(other_organisatie_sees_nothing),
	};
	return cmocka_run_group_tests_name("bijlage", tests, setup, teardown);
}
