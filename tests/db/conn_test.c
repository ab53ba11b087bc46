/* conn_test.c — db/conn: statements run per account are prepared once per
 * connection (the cache of db_exec_as_account).  The same text gives the
 * right rows for other parameters and another acting account; a statement
 * whose PREPARE succeeded but whose run failed is not prepared again (that
 * would fail with "already exists" for good); more distinct texts than the
 * cache holds still run; a new connection starts with an empty cache. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"

#define DBNAME "t_conn"

static long one(struct db *db, const char *sql, int n, const char *const *p)
{
	struct err e;
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, &e, &kind, sql, n, p);

	if (!r) {
		print_error("%s: %s\n", sql, e.msg);
		fail();
	}
	long v = PQntuples(r) ? atol(PQgetvalue(r, 0, 0)) : -1;
	PQclear(r);
	return v;
}

static long prepared_here(struct db *db)
{
	return harness_long(db, "SELECT count(*) FROM pg_prepared_statements");
}

static void same_text_other_parameters_and_account(void **state)
{
	struct db *su = harness_migrated_db(DBNAME);
	struct db *app = harness_app_db(DBNAME);
	const char *sql = "SELECT count(*) FROM hulpvraag WHERE organisatie_id = $1::bigint";
	char a[24], b[24];

	(void)state;
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	snprintf(a, sizeof a, "%ld", harness_long(su, "SELECT id FROM organisatie WHERE code = 'PO1111'"));
	snprintf(b, sizeof b, "%ld", harness_long(su, "SELECT id FROM organisatie WHERE code = 'PO2222'"));
	const char *pa[1] = { a }, *pb[1] = { b };

	db_set_account(app, harness_account(su, "sec_a"));
	assert_int_equal(one(app, sql, 1, pa), 2); /* the Voorlopige aanmelding is hidden */
	assert_int_equal(one(app, sql, 1, pb), 0); /* RLS: not sec_a's */
	db_set_account(app, harness_account(su, "sec_b"));
	assert_int_equal(one(app, sql, 1, pb), 2); /* same prepared text, other account */
	assert_int_equal(one(app, sql, 1, pa), 0);
	/* prepared once, not per call */
	assert_int_equal(prepared_here(app), 1);
	db_free(&app);
	db_free(&su);
}

static void failed_run_after_prepare_is_not_prepared_again(void **state)
{
	struct db *su = harness_migrated_db(DBNAME);
	struct db *app = harness_app_db(DBNAME);
	const char *sql = "SELECT 100 / $1::int";
	const char *zero[1] = { "0" }, *four[1] = { "4" };
	struct err e;
	enum db_failure kind;
	PGresult *r;

	(void)state;
	r = db_exec_as_account(app, &e, &kind, sql, 1, zero);
	assert_null(r); /* division by zero: the PREPARE went through, the run did not */
	assert_int_equal(one(app, sql, 1, four), 25);
	assert_int_equal(one(app, sql, 1, four), 25);
	db_free(&app);
	db_free(&su);
}

static void more_texts_than_the_cache_holds(void **state)
{
	struct db *su = harness_migrated_db(DBNAME);
	struct db *app = harness_app_db(DBNAME);
	char sql[64];

	(void)state;
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 100; i++) {
			snprintf(sql, sizeof sql, "SELECT %d + $1::int", i);
			const char *p[1] = { "1" };
			assert_int_equal(one(app, sql, 1, p), i + 1);
		}
	long n = prepared_here(app);
	assert_true(n > 0 && n < 100); /* bounded: the rest ran unprepared */
	db_free(&app);
	/* a new connection: nothing prepared, and statements prepare again */
	app = harness_app_db(DBNAME);
	assert_int_equal(prepared_here(app), 0);
	const char *p[1] = { "1" };
	assert_int_equal(one(app, "SELECT 1 + $1::int", 1, p), 2);
	assert_int_equal(prepared_here(app), 1);
	db_free(&app);
	db_free(&su);
}

static long yyyymmdd(struct datum d)
{
	return d.y * 10000L + d.m * 100L + d.d;
}

/* Every connection computes dates in Europe/Amsterdam, whatever the
 * server's TimeZone (here UTC, asked for in the conninfo): current_date is
 * the terminal's datum_today(), and 31 July 23:30 UTC is already 1 August
 * (a new school year). */
static void today_agrees_with_the_terminal(void **state)
{
	struct db *su = harness_migrated_db(DBNAME), *app = NULL;
	char ci[600];
	struct err e;

	(void)state;
	harness_conninfo(ci, sizeof ci - 40, DBNAME, "balie_app");
	strcat(ci, " options='-c TimeZone=UTC'");
	if (db_connect(&app, ci, &e) < 0)
		fail_msg("verbinden: %s", e.msg);
	assert_int_equal(harness_long(app, "SELECT (current_setting('TimeZone') = '" DATUM_TZ "')::int"), 1);
	long before = yyyymmdd(datum_today(time(NULL)));
	long db_today = harness_long(app, "SELECT to_char(current_date, 'YYYYMMDD')::bigint");
	long after = yyyymmdd(datum_today(time(NULL)));
	assert_true(db_today == before || db_today == after);
	assert_int_equal(harness_long(app, "SELECT to_char((TIMESTAMPTZ '2027-07-31 23:30+00')::date, 'YYYYMMDD')::bigint"),
			 yyyymmdd(datum_today((time_t)1817076600)));
	assert_int_equal(yyyymmdd(datum_today((time_t)1817076600)), 20270801);
	db_free(&app);
	db_free(&su);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_text_other_parameters_and_account),
		cmocka_unit_test(failed_run_after_prepare_is_not_prepared_again),
		cmocka_unit_test(more_texts_than_the_cache_holds),
		cmocka_unit_test(today_agrees_with_the_terminal),
	};
	return cmocka_run_group_tests_name("conn", tests, NULL, NULL);
}
