/* auth_test.c — login against the database: success, failure, lockout after
 * five, TOTP with replay refused, and failures counted atomically by two
 * processes at once. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/totp.h"
#include "core/totpzegel.h"
#include "core/wachtwoord.h"
#include "db/account.h"
#include "db/auth.h"

#define DBNAME "t_auth"
#define GOOD "paarse olifant op de fiets"

static int setup(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;
	assert_int_equal(wachtwoord_hash(GOOD, NULL, hash, &e), 0);
	struct db *su = harness_migrated_db(DBNAME);
	harness_fixture(su, hash);
	*state = su;
	return 0;
}

static int teardown(void **state)
{
	struct db *su = *state;
	db_free(&su);
	return 0;
}

static long failed_attempts(struct db *su, const char *user)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT failed_attempts FROM account WHERE username = '%s'", user);
	return harness_long(su, sql);
}

static void login_success_opens_session(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	assert_int_equal(auth_password(app, "coord_a", GOOD, "", &s, &e), AUTH_OK);
	assert_string_equal(s.organisatie_code, "PO1111");
	assert_string_equal(s.rollen, "coordinator");
	assert_true(s.internal);
	assert_string_equal(s.naam, "Coördinator Alfa");
	assert_int_equal(s.account_id, harness_account(su, "coord_a"));
	assert_true(strlen(s.token) >= 64);
	/* the token is the session: balie_app acts as coord_a by presenting it */
	struct db *sess = harness_app_db(DBNAME);
	db_set_session(sess, s.token, s.account_id);
	assert_int_equal(harness_long(sess, "SELECT acting_account()"), harness_account(su, "coord_a"));
	db_free(&sess);
	/* only its hash is stored */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM sessie WHERE soort = 'tui' AND host = 'lokaal' "
					  "AND verloopt > now() + interval '11 hours' AND beeindigd IS NULL"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'login'"), 1);
	/* An organisatie the account has no role in. */
	assert_int_equal(auth_password(app, "coord_a", GOOD, "PO2222", &s, &e), AUTH_NO_ORG);
	assert_int_equal(auth_password(app, "geen", GOOD, "", &s, &e), AUTH_NO_ORG);
	db_free(&app);
}

static void failures_look_the_same(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	assert_int_equal(auth_password(app, "sec_b", "fout wachtwoord!!", "", &s, &e), AUTH_FAILED);
	assert_int_equal(auth_password(app, "bestaat_niet", "fout wachtwoord!!", "", &s, &e), AUTH_FAILED);
	assert_int_equal(failed_attempts(su, "sec_b"), 1);
	/* A success resets the counter. */
	assert_int_equal(auth_password(app, "sec_b", GOOD, "", &s, &e), AUTH_OK);
	assert_int_equal(failed_attempts(su, "sec_b"), 0);
	db_free(&app);
}

static void five_failures_block(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	for (int i = 0; i < 4; i++)
		assert_int_equal(auth_password(app, "sec_a", "niet het wachtwoord", "", &s, &e), AUTH_FAILED);
	assert_int_equal(auth_password(app, "sec_a", "niet het wachtwoord", "", &s, &e), AUTH_BLOCKED);
	/* Now even the right password is refused. */
	assert_int_equal(auth_password(app, "sec_a", GOOD, "", &s, &e), AUTH_BLOCKED);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE username = 'sec_a' AND blocked"), 1);
	harness_exec(su, "SELECT account_block('sec_a', false)");
	assert_int_equal(auth_password(app, "sec_a", GOOD, "", &s, &e), AUTH_OK);
	db_free(&app);
}

static void totp_required_and_never_twice(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	unsigned char secret[TOTP_SECRET_LEN];
	char b32[TOTP_BASE32_LEN], code[TOTP_DIGITS + 1];

	assert_int_equal(totp_secret_new(secret, &e), 0);
	assert_int_equal(totp_base32_encode(secret, sizeof secret, b32, sizeof b32, &e), 0);
	harness_totp(su, "school_a", b32);

	struct db *app = harness_auth_db(DBNAME);
	memset(&s, 0, sizeof s);
	/* TOTP without the password step first is refused. */
	assert_int_equal(totp_code(secret, sizeof secret, time(NULL), code, &e), 0);
	assert_int_equal(auth_totp(app, "school_a", code, "", &s, &e), AUTH_FAILED);

	assert_int_equal(auth_password(app, "school_a", GOOD, "", &s, &e), AUTH_NEED_TOTP);
	assert_int_equal(auth_totp(app, "school_a", "000000", "", &s, &e) == AUTH_OK, 0);
	assert_int_equal(auth_totp(app, "school_a", code, "", &s, &e), AUTH_OK);
	assert_string_equal(s.rollen, "aanvrager");
	assert_false(s.internal);

	/* The same code again, on a fresh login: refused. */
	assert_int_equal(auth_password(app, "school_a", GOOD, "", &s, &e), AUTH_NEED_TOTP);
	assert_int_equal(auth_totp(app, "school_a", code, "", &s, &e), AUTH_FAILED);
	db_free(&app);
	harness_totp(su, "school_a", "");
	harness_exec(su, "SELECT account_block('school_a', false)");
}

/* Unlocking the idle lock: only the session's own password; a failure
 * counts, a success resets the counter (also for 2FA accounts). */
static void unlock_counts_and_resets(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	harness_exec(su, "SELECT account_block('sec_b', false)");
	assert_int_equal(auth_password(app, "sec_b", GOOD, "", &s, &e), AUTH_OK);
	assert_int_equal(auth_unlock(app, NULL, &s, "verkeerd wachtwoord", NULL, &e), AUTH_FAILED);
	assert_int_equal(auth_unlock(app, NULL, &s, "verkeerd wachtwoord", NULL, &e), AUTH_FAILED);
	assert_int_equal(failed_attempts(su, "sec_b"), 2);
	assert_int_equal(auth_unlock(app, NULL, &s, GOOD, NULL, &e), AUTH_OK);
	assert_int_equal(failed_attempts(su, "sec_b"), 0);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'ontgrendeld'"), 1);
	db_free(&app);
}

/* An account with tweestapsverificatie unlocks with password and a fresh
 * code; the password alone says the code comes next, a reused code fails. */
static void unlock_with_totp(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	unsigned char secret[TOTP_SECRET_LEN];
	char b32[TOTP_BASE32_LEN], code[TOTP_DIGITS + 1];

	assert_int_equal(totp_secret_new(secret, &e), 0);
	assert_int_equal(totp_base32_encode(secret, sizeof secret, b32, sizeof b32, &e), 0);
	harness_totp(su, "coord_a", b32);
	struct db *app = harness_auth_db(DBNAME);
	memset(&s, 0, sizeof s);
	assert_int_equal(auth_password(app, "coord_a", GOOD, "", &s, &e), AUTH_NEED_TOTP);
	/* a code of the previous step logs in; the current one is left for unlocking */
	assert_int_equal(totp_code(secret, sizeof secret, time(NULL) - 30, code, &e), 0);
	assert_int_equal(auth_totp(app, "coord_a", code, "", &s, &e), AUTH_OK);
	assert_int_equal(auth_unlock(app, NULL, &s, GOOD, NULL, &e), AUTH_NEED_TOTP);
	assert_int_equal(auth_unlock(app, NULL, &s, "verkeerd wachtwoord", NULL, &e), AUTH_FAILED);
	assert_int_equal(auth_unlock(app, NULL, &s, GOOD, "000000", &e) == AUTH_OK, 0);
	assert_int_equal(totp_code(secret, sizeof secret, time(NULL), code, &e), 0);
	assert_int_equal(auth_unlock(app, NULL, &s, GOOD, code, &e), AUTH_OK);
	assert_int_equal(failed_attempts(su, "coord_a"), 0);
	assert_int_equal(auth_unlock(app, NULL, &s, GOOD, code, &e), AUTH_FAILED); /* never twice */
	db_free(&app);
	harness_totp(su, "coord_a", "");
	harness_exec(su, "SELECT account_block('coord_a', false)");
}

/* An unknown username answers exactly like a real one, blocking included,
 * and the typed name is not stored. */
static void unknown_username_indistinguishable(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	for (int i = 0; i < 4; i++)
		assert_int_equal(auth_password(app, "niemand.hier", "mijn geheim wachtwoord", "", &s, &e), AUTH_FAILED);
	assert_int_equal(auth_password(app, "niemand.hier", "mijn geheim wachtwoord", "", &s, &e), AUTH_BLOCKED);
	assert_int_equal(auth_password(app, "niemand.hier", "mijn geheim wachtwoord", "", &s, &e), AUTH_BLOCKED);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM login_onbekend WHERE naam_sha256 = "
					  "encode(sha256('niemand.hier'::bytea), 'hex') AND mislukt = 6"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM login_onbekend WHERE naam_sha256 LIKE '%niemand%'"), 0);
	db_free(&app);
}

/* A day later an unknown name is still "geblokkeerd", as a real account
 * is (the clock is moved by ageing the rows); only the administrator's
 * unblock clears either. */
static void unknown_and_real_alike_after_a_day(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct db *app = harness_auth_db(DBNAME);
	int cleared = 0;

	for (int i = 0; i < 5; i++) {
		auth_password(app, "verzonnen.naam", "mijn geheim wachtwoord", "", &s, &e);
		auth_password(app, "coord_a", "mijn geheim wachtwoord", "", &s, &e);
	}
	assert_int_equal(auth_password(app, "verzonnen.naam", "x", "", &s, &e), AUTH_BLOCKED);
	assert_int_equal(auth_password(app, "coord_a", "x", "", &s, &e), AUTH_BLOCKED);
	harness_exec(su, "UPDATE login_onbekend SET laatste = laatste - interval '25 hours'");
	harness_exec(su, "UPDATE account SET blocked_at = blocked_at - interval '25 hours' WHERE username = 'coord_a'");
	assert_int_equal(auth_password(app, "verzonnen.naam", "x", "", &s, &e), AUTH_BLOCKED);
	assert_int_equal(auth_password(app, "coord_a", "x", "", &s, &e), AUTH_BLOCKED);
	/* balie_app cannot clear a counter; the administrator can */
	assert_int_equal(harness_try(app, "SELECT login_onbekend_wissen('verzonnen.naam')", &e), -1);
	assert_int_equal(account_unblock_unknown(su, "verzonnen.naam", "test", &cleared, &e), 0);
	assert_int_equal(cleared, 1);
	assert_int_equal(auth_password(app, "verzonnen.naam", "x", "", &s, &e), AUTH_FAILED);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'user-unblock-onbekend'"), 1);
	harness_exec(su, "UPDATE account SET blocked = false, failed_attempts = 0 WHERE username = 'coord_a'");
	db_free(&app);
}

/* One's own TOTP set-up (032): only through the auth helper's
 * auth_totp_set, which needs a code of the new secret and the person's own
 * open session; the database stores it sealed, opens for that account only,
 * ends the account's other sessions and audits it without the secret.
 * balie_app and balie_report can neither call the store function nor write
 * a secret in the clear (even the owner cannot: the constraint). */
static void totp_own_secret_sealed(void **state)
{
	struct db *su = *state;
	struct db *app = harness_app_db(DBNAME);
	struct db *adb = harness_auth_db(DBNAME);
	const char *b32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	unsigned char secret[64];
	size_t len = 0;
	char code[TOTP_DIGITS + 1], tok[128], other[128], opened[80];
	long coord = harness_account(su, "coord_a"), sec_b = harness_account(su, "sec_b");
	struct err e;

	auth_set_totp_key(harness_totp_key());
	assert_int_equal(totp_base32_decode(b32, secret, sizeof secret, &len, &e), 0);
	assert_int_equal(totp_code(secret, len, time(NULL), code, &e), 0);
	assert_int_equal(harness_token(su, coord, tok, sizeof tok), 0);
	assert_int_equal(harness_token(su, coord, other, sizeof other), 0);
	/* a wrong code, a made-up session: nothing stored */
	assert_int_equal(auth_totp_set(adb, tok, b32, "000000", &e), AUTH_FAILED);
	assert_int_equal(auth_totp_set(adb, "verzonnen", b32, code, &e), AUTH_FAILED);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE totp_secret IS NOT NULL"), 0);
	assert_int_equal(auth_totp_set(adb, tok, b32, code, &e), AUTH_OK);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE totp_secret LIKE 'z1:%' "
					  "AND totp_secret NOT LIKE '%JBSWY3DP%' AND username = 'coord_a'"), 1);
	/* it opens for coord_a, and not as another account's */
	PGresult *r = db_exec(su, &e, NULL, "SELECT totp_secret FROM balie.account WHERE username = 'coord_a'", 0, NULL);
	assert_non_null(r);
	assert_int_equal(PQntuples(r), 1);
	assert_int_equal(totpzegel_open(harness_totp_key(), coord, PQgetvalue(r, 0, 0), opened, sizeof opened, &e), 0);
	assert_string_equal(opened, b32);
	assert_int_equal(totpzegel_open(harness_totp_key(), sec_b, PQgetvalue(r, 0, 0), opened, sizeof opened, &e), -1);
	PQclear(r);
	/* this session stays, the other one ended */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM sessie WHERE account_id = (SELECT id FROM account "
					  "WHERE username = 'coord_a') AND beeindigd IS NULL"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'totp-ingesteld' "
					  "AND detail NOT LIKE '%JBSWY3DP%'"), 1);
	/* by direct SQL, as balie_app acting for coord_a and as balie_report:
	 * no store function, no clear secret, not even the sealed one */
	db_set_account(app, coord);
	assert_int_equal(harness_try(app, "SELECT balie.auth_totp_instellen('x', 'z1:AAAA', 1)", &e), -1);
	assert_int_equal(harness_try(app, "SELECT balie.auth_totp_verzegel(1, 'A', 'z1:AAAA')", &e), -1);
	assert_int_equal(harness_try(app, "SELECT * FROM balie.auth_totp_onverzegeld()", &e), -1);
	assert_int_equal(harness_try(app, "SELECT totp_eigen_instellen('JBSWY3DPEHPK3PXP', 1)", &e), -1);
	assert_int_equal(harness_try(app, "UPDATE balie.account SET totp_secret = 'JBSWY3DPEHPK3PXP'", &e), -1);
	/* the owner cannot store a clear secret either */
	assert_int_equal(harness_try(su, "UPDATE balie.account SET totp_secret = 'JBSWY3DPEHPK3PXP' "
					 "WHERE username = 'sec_b'", &e), -1);
	/* a blocked account's session is no session */
	assert_int_equal(harness_token(su, sec_b, tok, sizeof tok), 0);
	harness_exec(su, "UPDATE account SET blocked = true WHERE username = 'sec_b'");
	assert_int_equal(auth_totp_set(adb, tok, b32, code, &e), AUTH_FAILED);
	harness_exec(su, "UPDATE account SET blocked = false, totp_secret = NULL, totp_last_step = NULL "
			 "WHERE username IN ('sec_b', 'coord_a')");
	db_free(&adb);
	db_free(&app);
}

/* A secret stored in the clear before 032 still logs in, and the helper's
 * start (auth_totp_seal_all) seals it without ending a session; after
 * that it opens with the key only. */
static void clear_secret_sealed_at_helper_start(void **state)
{
	struct db *su = *state;
	struct db *adb = harness_auth_db(DBNAME);
	struct session s;
	struct err e;
	long n = -1;
	unsigned char secret[64];
	size_t len = 0;
	char code[TOTP_DIGITS + 1];

	/* as a database from before 032 holds it: the constraint is NOT VALID */
	harness_exec(su, "ALTER TABLE account DROP CONSTRAINT totp_secret_verzegeld");
	harness_exec(su, "UPDATE account SET totp_secret = 'JBSWY3DPEHPK3PXP' WHERE username = 'sec_b'");
	harness_exec(su, "ALTER TABLE account ADD CONSTRAINT totp_secret_verzegeld "
			 "CHECK (totp_secret IS NULL OR totp_secret LIKE 'z1:%') NOT VALID");
	assert_int_equal(totp_base32_decode("JBSWY3DPEHPK3PXP", secret, sizeof secret, &len, &e), 0);
	auth_set_totp_key(NULL);
	assert_int_equal(auth_totp_seal_all(adb, &n, &e), -1); /* in the clear and no key: said */
	auth_set_totp_key(harness_totp_key());
	assert_int_equal(auth_totp_seal_all(adb, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE totp_secret LIKE 'z1:%' "
					  "AND username = 'sec_b'"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'totp-verzegeld'"), 1);
	assert_int_equal(auth_totp_seal_all(adb, &n, &e), 0);
	assert_int_equal(n, 0);
	/* logs in with a code of the same secret */
	memset(&s, 0, sizeof s);
	assert_int_equal(auth_password(adb, "sec_b", GOOD, "", &s, &e), AUTH_NEED_TOTP);
	assert_int_equal(totp_code(secret, len, time(NULL), code, &e), 0);
	assert_int_equal(auth_totp(adb, "sec_b", code, "", &s, &e), AUTH_OK);
	/* without the key the sealed secret cannot be checked: an error, not a counted failure */
	auth_set_totp_key(NULL);
	assert_int_equal(auth_password(adb, "sec_b", GOOD, "", &s, &e), AUTH_NEED_TOTP);
	assert_int_equal(auth_totp(adb, "sec_b", code, "", &s, &e), AUTH_ERROR);
	assert_int_equal(failed_attempts(su, "sec_b"), 0);
	auth_set_totp_key(harness_totp_key());
	harness_exec(su, "UPDATE account SET totp_secret = NULL, totp_last_step = NULL WHERE username = 'sec_b'");
	db_free(&adb);
}

/* 034: a dienstaccount gets command-line sessions only; no password logs
 * it in (nobody knows it, and `user passwd` is refused); the database
 * refuses it a screen session even when asked directly; balie_app cannot
 * create one. */
static void dienst_cli_only(void **state)
{
	struct db *su = *state;
	struct db *adb = harness_auth_db(DBNAME), *app = harness_app_db(DBNAME);
	struct session s;
	struct err e;
	char hash[WACHTWOORD_HASH_LEN], sql[256];

	assert_int_equal(wachtwoord_hash("niemand kent dit wachtwoord 1", NULL, hash, &e), 0);
	struct account_new a = { "post-dienst", "Post (dienst)", "", hash, "", NULL, "PO1111", "secretariaat", 1 };
	assert_int_equal(account_create(su, &a, "test", &e), 0);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE username = 'post-dienst' AND dienst"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'user-add-dienst'"), 1);
	/* the command line: a session of soort cli */
	memset(&s, 0, sizeof s);
	assert_int_equal(auth_session_for(adb, "post-dienst", "", &s, &e), AUTH_OK);
	assert_true(s.internal);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM sessie x JOIN account a ON a.id = x.account_id "
					  "WHERE a.username = 'post-dienst' AND x.soort = 'cli'"), 1);
	/* the screens: not even with the right password, not by direct SQL */
	assert_int_equal(auth_password(adb, "post-dienst", "niemand kent dit wachtwoord 1", "", &s, &e), AUTH_BLOCKED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT sessie_openen(%ld, NULL, 'tui', '') t) x WHERE t IS NULL",
		 harness_account(su, "post-dienst"));
	assert_int_equal(harness_long(su, sql), 1);
	assert_int_equal(account_set_password(su, "post-dienst", hash, "test", &e), -1);
	assert_non_null(strstr(e.msg, "dienstaccount"));
	/* balie_app cannot make one */
	assert_int_equal(harness_try(app, "SELECT balie.account_dienst_add('x-dienst', 'X', '$argon2id$x')", &e), -1);
	harness_exec(su, "DELETE FROM sessie WHERE account_id = (SELECT id FROM account WHERE username = 'post-dienst')");
	db_free(&app);
	db_free(&adb);
}

/* A hash made with other argon2id parameters is replaced at login. */
static void rehash_when_parameters_change(void **state)
{
	struct db *su = *state;
	struct session s;
	struct err e;
	struct wachtwoord_params strong;
	wachtwoord_params_default(&strong);
	strong.opslimit += 1;
	struct db *app = harness_auth_db(DBNAME);
	harness_exec(su, "SELECT account_block('coord_a', false)");
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE username = 'coord_a' "
					  "AND wachtwoord_hash LIKE '%,t=2,%'"), 1);
	assert_int_equal(auth_password_p(app, &strong, "coord_a", GOOD, "", &s, &e), AUTH_OK);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE username = 'coord_a' "
					  "AND wachtwoord_hash LIKE '%,t=3,%'"), 1);
	/* Still the same password. */
	assert_int_equal(auth_password_p(app, &strong, "coord_a", GOOD, "", &s, &e), AUTH_OK);
	db_free(&app);
}

/* Two processes, five wrong passwords each, at the same time: the database
 * counts ten. */
static void concurrent_failures_all_count(void **state)
{
	struct db *su = *state;
	harness_exec(su, "SELECT account_block('extern_a', false)");
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			struct session s;
			struct err e;
			struct db *app = harness_auth_db(DBNAME);
			int bad = 0;
			for (int i = 0; i < 5; i++) {
				enum auth_result r = auth_password(app, "extern_a", "verkeerd wachtwoord", "", &s, &e);
				bad += r != AUTH_FAILED && r != AUTH_BLOCKED;
			}
			db_free(&app);
			_exit(bad);
		}
	}
	for (int k = 0; k < 2; k++) {
		int st;
		waitpid(kids[k], &st, 0);
		assert_true(WIFEXITED(st));
		assert_int_equal(WEXITSTATUS(st), 0);
	}
	assert_int_equal(failed_attempts(su, "extern_a"), 10);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account WHERE username = 'extern_a' AND blocked"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(login_success_opens_session),
		cmocka_unit_test(failures_look_the_same),
		cmocka_unit_test(five_failures_block),
		cmocka_unit_test(totp_required_and_never_twice),
		cmocka_unit_test(unlock_counts_and_resets),
		cmocka_unit_test(unlock_with_totp),
		cmocka_unit_test(unknown_username_indistinguishable),
		cmocka_unit_test(unknown_and_real_alike_after_a_day),
		cmocka_unit_test(totp_own_secret_sealed),
		cmocka_unit_test(clear_secret_sealed_at_helper_start),
		cmocka_unit_test(dienst_cli_only),
		cmocka_unit_test(rehash_when_parameters_change),
		cmocka_unit_test(concurrent_failures_all_count),
	};
	return cmocka_run_group_tests_name("auth", tests, setup, teardown);
}
