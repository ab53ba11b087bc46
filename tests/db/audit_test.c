/* audit_test.c — the audit trail that proves (019_audit.sql, issue 12 §5):
 * insert-only for every role (the owner too), the role filled by the
 * database, sealing onto a hash chain by balie_mail and not by balie_app,
 * and `audit_verify` (which recomputes each link in C) naming the first
 * row a superuser changed or removed behind the triggers' back. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/audit.h"

#define DBNAME "t_audit"

static struct db *su;

static int setup(void **state)
{
	(void)state;
	su = harness_migrated_db(DBNAME);
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_free(&su);
	return 0;
}

static struct db *connect_as(const char *user)
{
	char ci[512];
	struct db *db = NULL;
	struct err e;

	if (db_connect(&db, harness_conninfo(ci, sizeof ci, DBNAME, user), &e) < 0)
		fail_msg("verbinden als %s: %s", user, e.msg);
	return db;
}

/* balie_app adds rows (for the acting account) and can do nothing else. */
static void app_only_adds(void **state)
{
	struct db *app = harness_app_db(DBNAME);
	long sec_a = harness_account(su, "sec_a");
	long before = harness_long(su, "SELECT count(*) FROM audit_log");
	struct err e;
	char sql[512];

	(void)state;
	db_set_account(app, sec_a);
	/* a client that claims a role, a seal and a hash gets none of them */
	snprintf(sql, sizeof sql,
		 "INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, rol, verzegel_nr, hash) "
		 "SELECT %ld, id, 'test-actie', 'hulpvraag', 1, 'admin', 1, repeat('a', 64) FROM organisatie "
		 "WHERE code = 'PO1111'", sec_a);
	/* without the session's token the row names nobody (027_sessie) */
	assert_int_equal(harness_try(app, sql, &e), 0);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'test-actie' "
					  "AND account_id IS NULL AND rol IS NULL"), 1);
	enum db_failure kind;
	PGresult *ins = db_exec_as_account(app, &e, &kind, sql, 0, NULL);
	assert_non_null(ins);
	PQclear(ins);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log"), before + 2);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'test-actie' "
					  "AND rol = 'secretariaat' AND verzegel_nr IS NULL AND hash IS NULL "
					  "AND sessie IS NOT NULL AND host IS NOT NULL"), 1);
	assert_int_equal(harness_try(app, "SELECT count(*) FROM audit_log", &e), -1);
	assert_int_equal(harness_try(app, "UPDATE audit_log SET detail = 'x'", &e), -1);
	assert_int_equal(harness_try(app, "DELETE FROM audit_log", &e), -1);
	assert_int_equal(harness_try(app, "SELECT audit_verzegel()", &e), -1);
	db_free(&app);

	struct db *report = connect_as("balie_report");
	assert_int_equal(harness_try(report, "SELECT count(*) FROM audit_log", &e), -1);
	assert_int_equal(harness_try(report, "INSERT INTO audit_log (actie) VALUES ('x')", &e), -1);
	db_free(&report);
}

/* The owner's triggers refuse change and removal too. */
static void owner_cannot_change(void **state)
{
	struct err e;

	(void)state;
	harness_exec(su, "INSERT INTO audit_log (actie, detail) VALUES ('eigenaar-test', 'origineel')");
	harness_exec(su, "SET ROLE balie_owner");
	assert_int_equal(harness_try(su, "UPDATE audit_log SET detail = 'vervalst' WHERE actie = 'eigenaar-test'", &e),
			 -1);
	assert_non_null(strstr(e.msg, "auditlog kan niet worden gewijzigd"));
	harness_exec(su, "RESET ROLE");
	assert_int_equal(harness_try(su, "DELETE FROM audit_log WHERE actie = 'eigenaar-test'", &e), -1);
	assert_int_equal(harness_try(su, "TRUNCATE audit_log", &e), -1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE detail = 'origineel'"), 1);
}

/* balie_mail seals; verify finds the chain whole, then the first row a
 * superuser changed with the triggers off, then a removed row. */
static void chain_finds_tampering(void **state)
{
	struct db *mail = connect_as("balie_mail");
	struct audit_controle c;
	struct err e;
	int n = 0;
	long total, victim, victim_nr, gone_nr;

	(void)state;
	for (int i = 0; i < 20; i++)
		harness_exec(su, "INSERT INTO audit_log (actie, object, object_id, detail) "
				 "VALUES ('keten-test', 'hulpvraag', 1, 'rij met | en \"')");
	assert_int_equal(audit_verzegel(mail, &n, &e), 0);
	total = harness_long(su, "SELECT count(*) FROM audit_log");
	assert_int_equal(n, total);
	assert_int_equal(audit_verzegel(mail, &n, &e), 0);
	assert_int_equal(n, 0); /* nothing left */
	db_free(&mail);

	assert_int_equal(audit_verify(su, &c, &e), 0);
	assert_int_equal(c.breuk_nr, 0);
	assert_int_equal(c.gecontroleerd, total);
	assert_int_equal(c.onverzegeld, 0);
	assert_int_equal(strlen(c.laatste_hash), 64);

	/* a superuser switches the triggers off and rewrites one row */
	victim = harness_long(su, "SELECT id FROM audit_log WHERE actie = 'keten-test' ORDER BY id OFFSET 5 LIMIT 1");
	victim_nr = harness_long(su, "SELECT verzegel_nr FROM audit_log WHERE actie = 'keten-test' "
				     "ORDER BY id OFFSET 5 LIMIT 1");
	char sql[256];
	harness_exec(su, "SET session_replication_role = replica");
	snprintf(sql, sizeof sql, "UPDATE audit_log SET detail = 'vervalst' WHERE id = %ld", victim);
	harness_exec(su, sql);
	assert_int_equal(audit_verify(su, &c, &e), 0);
	assert_int_equal(c.breuk_nr, victim_nr);
	assert_int_equal(c.breuk_id, victim);
	assert_non_null(strstr(c.reden, "na het verzegelen gewijzigd"));

	/* put it back: whole again; then remove another row */
	snprintf(sql, sizeof sql, "UPDATE audit_log SET detail = 'rij met | en \"' WHERE id = %ld", victim);
	harness_exec(su, sql);
	assert_int_equal(audit_verify(su, &c, &e), 0);
	assert_int_equal(c.breuk_nr, 0);
	gone_nr = victim_nr + 3;
	snprintf(sql, sizeof sql, "DELETE FROM audit_log WHERE verzegel_nr = %ld", gone_nr);
	harness_exec(su, sql);
	harness_exec(su, "SET session_replication_role = DEFAULT");
	assert_int_equal(audit_verify(su, &c, &e), 0);
	assert_int_equal(c.breuk_nr, gone_nr);
	assert_non_null(strstr(c.reden, "ontbreekt"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(app_only_adds),
		cmocka_unit_test(owner_cannot_change),
		cmocka_unit_test(chain_finds_tampering),
	};
	return cmocka_run_group_tests_name("audit", tests, setup, teardown);
}
