/* migrate_test.c — migrations from empty, idempotence, too-new refusal,
 * two migrators at once, and the role setup. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/migrate.h"

/* How many migrations the binary carries (versions may have gaps). */
static int embedded(void)
{
	int n = 0;
	for (const struct migration *m = migrations; m->name; m++)
		n++;
	return n;
}

static void migrate_from_empty(void **state)
{
	struct err e;
	int applied = -1;
	struct db *db = harness_fresh_db("t_migrate_empty");
	assert_int_equal(migrate_current(db, &e), 0);
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, embedded());
	assert_int_equal(migrate_current(db, &e), migrate_latest());
	assert_int_equal(migrate_require_current(db, &e), 0);
	db_free(&db);
}

static void second_migrate_is_noop(void **state)
{
	struct err e;
	int applied = -1;
	struct db *db = harness_migrated_db("t_migrate_twice");
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, 0);
	assert_int_equal(harness_long(db, "SELECT count(*) FROM balie.schema_version"), embedded());
	db_free(&db);
}

static void newer_database_is_refused(void **state)
{
	struct err e;
	char sql[128];
	struct db *db = harness_migrated_db("t_migrate_newer");
	snprintf(sql, sizeof sql, "INSERT INTO balie.schema_version VALUES (%d, '999_toekomst')",
		 migrate_latest() + 1);
	harness_exec(db, sql);
	err_clear(&e);
	assert_int_equal(migrate_up(db, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "nieuwere balie"));
	assert_int_equal(migrate_require_current(db, &e), -1);
	db_free(&db);
}

/* Migrations are checked per version, not "<= newest": one that is not
 * recorded while a later-numbered one is (merged work) is run, and until
 * then the program refuses to start.  Here 002 is unrecorded on purpose:
 * re-running it fails loudly in its own transaction and records nothing. */
static void unrecorded_migration_is_attempted(void **state)
{
	struct err e;
	int applied = -1;
	struct db *db = harness_migrated_db("t_migrate_gap");
	harness_exec(db, "DELETE FROM balie.schema_version WHERE version = 2");
	assert_int_equal(migrate_require_current(db, &e), -1);
	assert_non_null(strstr(e.msg, "balie admin migrate"));
	assert_int_equal(migrate_up(db, &applied, &e), -1);
	assert_non_null(strstr(e.msg, "002_schema"));
	assert_int_equal(harness_long(db, "SELECT count(*) FROM balie.schema_version WHERE version = 2"), 0);
	db_free(&db);
}

/* Two processes migrate the same empty database at once: both succeed,
 * every migration is applied exactly once. */
static void two_migrators_at_once(void **state)
{
	struct db *db = harness_fresh_db("t_migrate_race");
	db_free(&db);
	pid_t kids[2];
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			char ci[512];
			struct err e;
			struct db *c = NULL;
			if (db_connect(&c, harness_conninfo(ci, sizeof ci, "t_migrate_race", "postgres"), &e) < 0)
				_exit(3);
			int rc = migrate_up(c, NULL, &e);
			if (rc < 0)
				fprintf(stderr, "# migrator %d: %s\n", i, e.msg);
			db_free(&c);
			_exit(rc < 0 ? 1 : 0);
		}
	}
	for (int i = 0; i < 2; i++) {
		int st;
		waitpid(kids[i], &st, 0);
		assert_true(WIFEXITED(st));
		assert_int_equal(WEXITSTATUS(st), 0);
	}
	db = harness_fresh_db("t_migrate_race_check");
	db_free(&db);
	char ci[512];
	struct err e;
	assert_int_equal(db_connect(&db, harness_conninfo(ci, sizeof ci, "t_migrate_race", "postgres"), &e), 0);
	assert_int_equal(harness_long(db, "SELECT count(*) FROM balie.schema_version"), embedded());
	db_free(&db);
}

/* No login role is superuser or bypasses RLS; the app owns nothing. */
static void roles_are_safe(void **state)
{
	struct db *db = harness_migrated_db("t_migrate_roles");
	assert_int_equal(harness_long(db, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'balie%' "
					  "AND (rolsuper OR rolbypassrls)"), 0);
	assert_int_equal(harness_long(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'balie_owner' "
					  "AND rolcanlogin"), 0);
	assert_int_equal(harness_long(db, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
					  "WHERE r.rolname IN ('balie_app', 'balie_report')"), 0);
	/* Every pupil/hulpvraag table has RLS enabled and forced. */
	assert_int_equal(harness_long(db, "SELECT count(*) FROM pg_class WHERE relnamespace = 'balie'::regnamespace "
					  "AND relname IN ('dossier','adres','relatie','schoolgegevens','hulpvraag',"
					  "'statushistorie','hulpvraag_label','bijlage','bijlage_inhoud','notitie','outbox') "
					  "AND relrowsecurity AND relforcerowsecurity"), 11);
	db_free(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrate_from_empty),
		cmocka_unit_test(second_migrate_is_noop),
		cmocka_unit_test(newer_database_is_refused),
		cmocka_unit_test(unrecorded_migration_is_attempted),
		cmocka_unit_test(two_migrators_at_once),
		cmocka_unit_test(roles_are_safe),
	};
	return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
