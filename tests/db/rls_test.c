/* rls_test.c — row-level security: who sees which hulpvragen and dossiers,
 * nothing without an acting account, insert-only audit and statushistorie,
 * and status transitions refused by the database itself. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <string.h>

#define DBNAME "t_rls"

static int setup(void **state)
{
	struct db *su = harness_migrated_db(DBNAME);
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	*state = su;
	return 0;
}

static int teardown(void **state)
{
	struct db *su = *state;
	db_free(&su);
	return 0;
}

/* Count of a careless query (no WHERE) as the app acting for username
 * (NULL = no acting account). */
static long app_count(struct db *su, const char *username, const char *sql)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, username ? harness_account(su, username) : 0);
	long n = harness_long(app, sql);
	db_free(&app);
	return n;
}

static void nothing_without_acting_account(void **state)
{
	struct db *su = *state;
	const char *tables[] = {"hulpvraag", "dossier", "statushistorie", "bijlage", "outbox", "adres",
				"relatie", "schoolgegevens", "notitie", "hulpvraag_telling", NULL};
	for (const char **t = tables; *t; t++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", *t);
		assert_int_equal(app_count(su, NULL, sql), 0);
	}
	/* As superuser the rows are there. */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag"), 5);
}

static void internal_sees_own_organisatie_only(void **state)
{
	struct db *su = *state;
	/* 3 in A, but the Voorlopige aanmelding is not for the SWV. */
	assert_int_equal(app_count(su, "sec_a", "SELECT count(*) FROM hulpvraag"), 2);
	assert_int_equal(app_count(su, "coord_a", "SELECT count(*) FROM hulpvraag"), 2);
	assert_int_equal(app_count(su, "sec_b", "SELECT count(*) FROM hulpvraag"), 2);
	assert_int_equal(app_count(su, "sec_a", "SELECT count(*) FROM hulpvraag h JOIN organisatie o "
						"ON o.id = h.organisatie_id WHERE o.code = 'PO2222'"), 0);
	/* Dossiers: Anna has only a Voorlopige aanmelding. */
	assert_int_equal(app_count(su, "sec_a", "SELECT count(*) FROM dossier"), 2);
	assert_int_equal(app_count(su, "sec_a", "SELECT count(*) FROM dossier WHERE roepnaam = 'Anna'"), 0);
	assert_int_equal(app_count(su, "sec_b", "SELECT count(*) FROM dossier"), 2);
}

static void voorlopige_aanmelding_visible_to_its_school(void **state)
{
	struct db *su = *state;
	assert_int_equal(app_count(su, "school_a", "SELECT count(*) FROM hulpvraag"), 2);
	assert_int_equal(app_count(su, "school_a", "SELECT count(*) FROM hulpvraag WHERE voorlopig"), 1);
	assert_int_equal(app_count(su, "school_a", "SELECT count(*) FROM dossier"), 2);
}

static void external_sees_linked_only_until_end_date(void **state)
{
	struct db *su = *state;
	assert_int_equal(app_count(su, "extern_a", "SELECT count(*) FROM hulpvraag"), 1);
	assert_int_equal(app_count(su, "extern_a", "SELECT count(*) FROM dossier"), 1);
	assert_int_equal(app_count(su, "geen", "SELECT count(*) FROM hulpvraag"), 0);
	harness_exec(su, "UPDATE hulpvraag_toegang SET tot = current_date - 1");
	assert_int_equal(app_count(su, "extern_a", "SELECT count(*) FROM hulpvraag"), 0);
	assert_int_equal(app_count(su, "extern_a", "SELECT count(*) FROM dossier"), 0);
	harness_exec(su, "UPDATE hulpvraag_toegang SET tot = DATE '2099-01-01'");
}

static void report_role_is_under_rls_and_read_only(void **state)
{
	char ci[512];
	struct err e;
	struct db *rep = NULL;
	assert_int_equal(db_connect(&rep, harness_conninfo(ci, sizeof ci, DBNAME, "balie_report"), &e), 0);
	assert_int_equal(harness_long(rep, "SELECT count(*) FROM hulpvraag"), 0);
	enum db_failure kind;
	PGresult *r = db_exec(rep, &e, &kind, "DELETE FROM hulpvraag", 0, NULL);
	assert_null(r);
	assert_int_equal(kind, DB_PRIVILEGE);
	db_free(&rep);
}

/* Runs sql as the app acting for username inside a transaction; returns the
 * failure kind (DB_OK when it worked, then commits). */
static enum db_failure app_try(struct db *su, const char *username, const char *sql, struct err *e)
{
	struct db *app = harness_app_db(DBNAME);
	enum db_failure kind = DB_OK;
	db_set_account(app, harness_account(su, username));
	assert_int_equal(db_begin(app, e), 0);
	PGresult *r = db_exec(app, e, &kind, sql, 0, NULL);
	if (r) {
		PQclear(r);
		assert_int_equal(db_commit(app, e), 0);
	} else {
		db_rollback(app);
	}
	db_free(&app);
	return kind;
}

static void audit_and_history_are_insert_only(void **state)
{
	struct db *su = *state;
	struct err e;
	assert_int_equal(app_try(su, "sec_a", "INSERT INTO audit_log (actie, detail) VALUES ('test', '')", &e), DB_OK);
	assert_int_equal(app_try(su, "sec_a", "UPDATE audit_log SET actie = 'weg'", &e), DB_PRIVILEGE);
	assert_int_equal(app_try(su, "sec_a", "DELETE FROM audit_log", &e), DB_PRIVILEGE);
	assert_int_equal(app_try(su, "sec_a", "UPDATE statushistorie SET reden = 'x'", &e), DB_PRIVILEGE);
	assert_int_equal(app_try(su, "sec_a", "DELETE FROM statushistorie", &e), DB_PRIVILEGE);
	assert_int_equal(app_try(su, "sec_a", "SELECT * FROM audit_log", &e), DB_PRIVILEGE);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'test'"), 1);
}

static void transitions_checked_by_the_database(void **state)
{
	struct db *su = *state;
	struct err e;
	const char *upd = "UPDATE hulpvraag SET status = '%s', version = version + 1 "
			  "WHERE dossier_id = (SELECT id FROM dossier WHERE roepnaam = 'Bram')";
	char sql[256];
	/* Nieuw → Afgerond is no transition at all. */
	snprintf(sql, sizeof sql, upd, "Afgerond");
	assert_int_equal(app_try(su, "coord_a", sql, &e), DB_RAISED);
	assert_non_null(strstr(e.msg, "niet toegestaan"));
	/* An external account may not; the coördinator may. */
	snprintf(sql, sizeof sql, upd, "In behandeling");
	assert_int_equal(app_try(su, "extern_a", sql, &e), DB_OK); /* extern cannot see Bram: 0 rows */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag WHERE status = 'In behandeling'"), 0);
	assert_int_equal(app_try(su, "coord_a", sql, &e), DB_OK);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag WHERE status = 'In behandeling'"), 1);
	/* The maintained counts followed. */
	assert_int_equal(harness_long(su, "SELECT aantal FROM hulpvraag_telling t JOIN organisatie o "
					  "ON o.id = t.organisatie_id WHERE o.code = 'PO1111' AND status = 'In behandeling'"),
			 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM (SELECT organisatie_id, status, count(*) c "
					  "FROM hulpvraag GROUP BY 1, 2) h FULL JOIN hulpvraag_telling t USING "
					  "(organisatie_id, status) WHERE coalesce(h.c, 0) <> coalesce(t.aantal, 0)"),
			 0);
	/* Another organisatie's secretariaat cannot touch it. */
	snprintf(sql, sizeof sql, upd, "Afgerond");
	assert_int_equal(app_try(su, "sec_b", sql, &e), DB_OK); /* invisible: 0 rows */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag WHERE status = 'Afgerond'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_without_acting_account),
		cmocka_unit_test(internal_sees_own_organisatie_only),
		cmocka_unit_test(voorlopige_aanmelding_visible_to_its_school),
		cmocka_unit_test(external_sees_linked_only_until_end_date),
		cmocka_unit_test(report_role_is_under_rls_and_read_only),
		cmocka_unit_test(audit_and_history_are_insert_only),
		cmocka_unit_test(transitions_checked_by_the_database),
	};
	return cmocka_run_group_tests_name("rls", tests, setup, teardown);
}
