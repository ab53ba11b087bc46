/* sessie_test.c — who acts is proven by a session token (027_sessie.sql,
 * issue 12 §1–§3), tried by direct SQL as the roles an attacker with the
 * application's credential has: naming an account (set_config, SET,
 * PGOPTIONS) gives no rows; a forged, ended, expired or blocked token gives
 * none; the password and TOTP functions are the auth role's only; no table
 * or function hands balie_app or balie_report a hash or a secret; a block
 * ends the account's sessions at once and says so on balie_sessie; an audit
 * row carries the token's account whatever the client claims. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/wachtwoord.h"
#include "db/auth.h"

#define DBNAME "t_sessie"
#define GOOD "paarse olifant op de fiets"
#define SECRET "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"

static int setup(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;
	assert_int_equal(wachtwoord_hash(GOOD, NULL, hash, &e), 0);
	struct db *su = harness_migrated_db(DBNAME);
	harness_fixture(su, hash);
	/* a secret to look for */
	harness_totp(su, "coord_a", SECRET);
	*state = su;
	return 0;
}

static int teardown(void **state)
{
	struct db *su = *state;
	db_free(&su);
	return 0;
}

/* Rows of hulpvraag visible to a statement run as-is (no db_begin: the
 * attacker's own session settings stay in force). */
static long raw_count(struct db *db, const char *sql)
{
	struct err e;
	PGresult *r = db_exec(db, &e, NULL, sql, 0, NULL);
	if (!r)
		return -1;
	long n = PQntuples(r) ? atol(PQgetvalue(r, 0, 0)) : -1;
	PQclear(r);
	return n;
}

static void naming_an_account_shows_nothing(void **state)
{
	struct db *su = *state;
	char sql[200];
	long sec = harness_account(su, "sec_a");
	const char *roles[] = { "balie_app", "balie_report" };

	assert_true(harness_long(su, "SELECT count(*) FROM hulpvraag") > 0);
	for (size_t i = 0; i < 2; i++) {
		char ci[512];
		struct db *db = NULL;
		struct err e;

		err_clear(&e);
		assert_int_equal(db_connect(&db, harness_conninfo(ci, sizeof ci, DBNAME, roles[i]), &e), 0);
		snprintf(sql, sizeof sql, "SELECT set_config('balie.account', '%ld', false)", sec);
		harness_exec(db, sql);
		assert_int_equal(raw_count(db, "SELECT count(*) FROM hulpvraag"), 0);
		snprintf(sql, sizeof sql, "SET balie.account = '%ld'", sec);
		harness_exec(db, sql);
		assert_int_equal(raw_count(db, "SELECT count(*) FROM hulpvraag"), 0);
		assert_int_equal(raw_count(db, "SELECT count(*) FROM dossier"), 0);
		/* a made-up token of the right shape */
		harness_exec(db, "SET balie.token = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'");
		assert_int_equal(raw_count(db, "SELECT count(*) FROM hulpvraag"), 0);
		assert_int_equal(raw_count(db, "SELECT count(*) FROM (SELECT acting_account() a) x WHERE a IS NOT NULL"), 0);
		db_free(&db);

		/* PGOPTIONS / options= at connect time */
		snprintf(ci, sizeof ci, "host='%s' dbname='%s' user='%s' options='-c balie.account=%ld'",
			 harness_cluster(), DBNAME, roles[i], sec);
		assert_int_equal(db_connect(&db, ci, &e), 0);
		assert_int_equal(raw_count(db, "SELECT count(*) FROM hulpvraag"), 0);
		db_free(&db);
	}
	/* with the session of sec_a's real token: rows */
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, sec);
	assert_true(harness_long(app, "SELECT count(*) FROM hulpvraag") > 0);
	db_free(&app);
}

/* Ended, expired, blocked: the token stops at once. */
static void ended_expired_blocked_tokens_stop(void **state)
{
	struct db *su = *state;
	char tok[96], sql[300];
	long sec = harness_account(su, "sec_b");
	struct db *app = harness_app_db(DBNAME);
	struct db *listener = harness_app_db(DBNAME);
	struct err e;

	err_clear(&e);
	assert_int_equal(harness_token(su, sec, tok, sizeof tok), 0);
	db_set_session(app, tok, sec);
	assert_true(harness_long(app, "SELECT count(*) FROM hulpvraag") > 0);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM sessie_info()"), 1);

	/* expired (12 hours): no rows, and the reason */
	snprintf(sql, sizeof sql, "UPDATE sessie SET verloopt = now() - interval '1 second' "
		 "WHERE token_sha256 = sha256(convert_to('%s', 'UTF8'))", tok);
	harness_exec(su, sql);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), 0);
	char why[120];
	assert_int_equal(auth_session_reason(app, why, sizeof why, &e), 0);
	assert_string_equal(why, "sessie verlopen (maximaal 12 uur)");

	/* blocked: every open session of the account ends, listeners hear the id */
	assert_int_equal(harness_token(su, sec, tok, sizeof tok), 0);
	db_set_session(app, tok, sec);
	assert_true(harness_long(app, "SELECT count(*) FROM hulpvraag") > 0);
	harness_exec(listener, "LISTEN balie_sessie");
	harness_exec(su, "SELECT account_block('sec_b', true)");
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), 0);
	assert_int_equal(auth_session_reason(app, why, sizeof why, &e), 0);
	assert_string_equal(why, "account geblokkeerd");
	PGnotify *n = NULL;
	for (int i = 0; i < 200 && !n; i++) { /* it comes after su's commit: up to 2 s */
		PQconsumeInput(db_pg(listener));
		n = PQnotifies(db_pg(listener));
		if (!n)
			usleep(10000);
	}
	assert_non_null(n);
	assert_string_equal(n->relname, "balie_sessie");
	/* the payload: the ended sessions' ids (the expired one was still open) */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessie WHERE id::text = ANY (string_to_array('%s', ',')) "
		 "AND reden = 'account geblokkeerd' AND account_id = %ld", n->extra, sec);
	PQfreemem(n);
	assert_int_equal(harness_long(su, sql), 2);
	/* unblocking does not bring the ended session back */
	harness_exec(su, "SELECT account_block('sec_b', false)");
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), 0);
	/* a blocked account gets no new session */
	harness_exec(su, "SELECT account_block('sec_b', true)");
	assert_int_equal(harness_token(su, sec, tok, sizeof tok), -1);
	harness_exec(su, "SELECT account_block('sec_b', false)");

	/* a new password ends the sessions too; logging out ends one's own */
	assert_int_equal(harness_token(su, sec, tok, sizeof tok), 0);
	db_set_session(app, tok, sec);
	char nieuw[WACHTWOORD_HASH_LEN];
	assert_int_equal(wachtwoord_hash("een heel ander wachtwoord", NULL, nieuw, &e), 0);
	snprintf(sql, sizeof sql, "SELECT account_passwd('sec_b', '%s')", nieuw);
	harness_exec(su, sql);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), 0);
	assert_int_equal(harness_token(su, sec, tok, sizeof tok), 0);
	db_set_session(app, tok, sec);
	auth_session_end(app);
	db_set_session(app, tok, sec);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), 0);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM sessie WHERE reden = 'afgemeld'"), 1);
	db_free(&listener);
	db_free(&app);
}

/* Only the auth role reads hashes and secrets and opens sessions. */
static void auth_functions_are_the_auth_roles(void **state)
{
	struct db *su = *state;
	const char *calls[] = {
		"SELECT * FROM auth_lookup('coord_a')",
		"SELECT auth_ok(1, NULL)",
		"SELECT auth_rehash(1, 'x')",
		"SELECT * FROM auth_fail(1)",
		"SELECT auth_fail_onbekend('x')",
		"SELECT auth_totp_use(1, 99999999)",
		"SELECT sessie_openen(1, NULL, 'tui', '')",
		"SELECT sessies_beeindigen(1, 'x')",
		"SELECT wachtwoord_hash FROM account",
		"SELECT totp_secret FROM account",
		"SELECT token_sha256 FROM sessie",
		"UPDATE sessie SET beeindigd = NULL",
	};
	const char *roles[] = { "balie_app", "balie_report" };

	(void)su;
	for (size_t r = 0; r < 2; r++) {
		char ci[512];
		struct db *db = NULL;
		struct err e;

		err_clear(&e);
		assert_int_equal(db_connect(&db, harness_conninfo(ci, sizeof ci, DBNAME, roles[r]), &e), 0);
		for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
			err_clear(&e);
			if (harness_try(db, calls[i], &e) == 0)
				fail_msg("%s mocht: %s", roles[r], calls[i]);
		}
		db_free(&db);
	}
	/* the auth role may */
	struct db *auth = harness_auth_db(DBNAME);
	assert_int_equal(harness_long(auth, "SELECT count(*) FROM auth_lookup('coord_a')"), 1);
	db_free(&auth);
}

/* Every table balie_app or balie_report can read, and every function
 * without arguments they may call, as the admin of organisatie A: no
 * argon2 hash and no TOTP secret anywhere. */
static void no_hash_or_secret_readable(void **state)
{
	struct db *su = *state;
	const char *roles[] = { "balie_app", "balie_report" };
	long admin = harness_account(su, "sec_a");
	int looked = 0;

	harness_exec(su, "INSERT INTO account_rol (account_id, organisatie_id, rol) "
			 "SELECT id, (SELECT id FROM organisatie WHERE code = 'PO1111'), 'admin' FROM account "
			 "WHERE username = 'sec_a' ON CONFLICT DO NOTHING");
	for (size_t r = 0; r < 2; r++) {
		char ci[512], q[1200];
		struct db *db = NULL;
		struct err e;
		PGresult *objs;

		err_clear(&e);
		assert_int_equal(db_connect(&db, harness_conninfo(ci, sizeof ci, DBNAME, roles[r]), &e), 0);
		db_set_account(db, admin);
		/* what may this role read?  (the catalog is public) */
		snprintf(q, sizeof q,
			 "SELECT format('SELECT t::text FROM balie.%%I t', c.relname) FROM pg_class c "
			 "  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'balie' "
			 " WHERE c.relkind IN ('r', 'v', 'm') AND has_table_privilege('%s', c.oid, 'SELECT') "
			 "UNION ALL "
			 "SELECT format('SELECT (t)::text FROM balie.%%I() t', p.proname) FROM pg_proc p "
			 "  JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'balie' "
			 " WHERE p.pronargs = 0 AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype "
			 "   AND has_function_privilege('%s', p.oid, 'EXECUTE') "
			 "   AND p.proname NOT IN ('sessie_afmelden', 'telling_vouwen', 'audit_verzegel')",
			 roles[r], roles[r]);
		objs = PQexec(db_pg(su), q);
		assert_int_equal(PQresultStatus(objs), PGRES_TUPLES_OK);
		for (int i = 0; i < PQntuples(objs); i++) {
			char sql[1200];
			snprintf(sql, sizeof sql,
				 "SELECT count(*) FROM (%s) x(v) WHERE v LIKE '%%$argon2id$%%' OR v LIKE '%%%s%%' "
				 "OR v LIKE '%%z1:%%'",
				 PQgetvalue(objs, i, 0), SECRET);
			long hits = harness_long(db, sql);
			if (hits != 0)
				fail_msg("%s leest een hash of geheim via %s (%ld)", roles[r], PQgetvalue(objs, i, 0), hits);
			looked++;
		}
		PQclear(objs);
		db_free(&db);
	}
	print_message("# %d tabellen en functies doorzocht\n", looked);
	assert_true(looked > 40);
}

/* The session process cannot write an audit row in another's name. */
static void audit_rows_carry_the_tokens_account(void **state)
{
	struct db *su = *state;
	struct db *app = harness_app_db(DBNAME);
	long sec = harness_account(su, "sec_a"), other = harness_account(su, "coord_a");
	char sql[300];

	db_set_account(app, sec);
	snprintf(sql, sizeof sql, "INSERT INTO audit_log (account_id, actie, object, object_id, detail) "
		 "VALUES (%ld, 'test-vals', 'account', %ld, '')", other, other);
	struct err e;
	enum db_failure kind;
	PGresult *r = db_exec_as_account(app, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	PQclear(r);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE actie = 'test-vals' AND account_id = %ld", sec);
	assert_int_equal(harness_long(su, sql), 1);
	db_free(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(naming_an_account_shows_nothing),
		cmocka_unit_test(ended_expired_blocked_tokens_stop),
		cmocka_unit_test(auth_functions_are_the_auth_roles),
		cmocka_unit_test(no_hash_or_secret_readable),
		cmocka_unit_test(audit_rows_carry_the_tokens_account),
	};
	return cmocka_run_group_tests_name("sessie", tests, setup, teardown);
}
