/* harness.h — database tests against a throwaway cluster.
 *
 * tests/run-db.sh creates one private cluster per test run (balie admin
 * cluster create/start, removed on exit even when a test fails) and exports
 * BALIE_TEST_CLUSTER=<dir>.  Each test makes its own fresh database in it,
 * so tests do not see each other's rows.
 */
#ifndef BALIE_TEST_HARNESS_H
#define BALIE_TEST_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/conn.h"

/* The cluster folder (aborts the test when unset). */
const char *harness_cluster(void);

/* conninfo for dbname as user on the test cluster. */
const char *harness_conninfo(char *buf, size_t len, const char *dbname, const char *user);

/* Drops and creates database name; returns a superuser connection to it. */
struct db *harness_fresh_db(const char *name);

/* harness_fresh_db + all migrations applied. */
struct db *harness_migrated_db(const char *name);

/* A connection to name as the application role balie_app. */
struct db *harness_app_db(const char *name);

/* A connection to name as the auth role balie_auth (db/auth.h runs there). */
struct db *harness_auth_db(const char *name);

/* Acting as an account in tests: opens a real session for it (soort
 * 'test', through a superuser connection, as the auth role does after a
 * login) and sets its token on db — so RLS is tested exactly as the
 * program meets it.  0, or a blocked account: no session. */
void db_set_account(struct db *db, long account_id);

/* The token of a new test session for account_id into out; -1 when the
 * database refuses one (blocked account). */
int harness_token(struct db *any, long account_id, char *out, size_t len);

/* Runs sql (no parameters) and returns the first column of the first row as
 * a long; fails the test on error.  Runs inside its own transaction with
 * the db's acting account (so RLS applies for balie_app). */
long harness_long(struct db *db, const char *sql);

/* Runs a statement, failing the test on error. */
void harness_exec(struct db *db, const char *sql);

/* Runs a statement and returns 0/-1, filling e. */
int harness_try(struct db *db, const char *sql, struct err *e);

/* sql (no parameters) as balie_app on database dbname, acting as username
 * (looked up through the superuser db su), in a transaction that is rolled
 * back: 1 when it answered a row or changed one, 0 when it did nothing or
 * was refused (why gets the database's message then, "" otherwise). */
int harness_try_as(struct db *su, const char *dbname, const char *username, const char *sql, char *why,
		   size_t whylen);

#endif

/* A small fixed world for RLS and login tests (superuser db, migrated):
 * organisaties A = PO1111 and B = PO2222, one aanvraagtype "Test" per
 * organisatie with statuses Nieuw → In behandeling → Afgerond and a hidden
 * "Voorlopige aanmelding" → Nieuw; accounts (password hash given):
 *   sec_a (secretariaat A), coord_a (coordinator A), sec_b (secretariaat B),
 *   school_a (aanvrager, A), extern_a (extern, A), geen (no roles)
 * In A: 3 hulpvragen (one Voorlopige aanmelding, made by school_a; one made
 * by school_a in Nieuw; one not linked) ; extern_a has toegang to hulpvraag
 * 3 only; in B: 2 hulpvragen.  Returns nothing; fails the test on error. */
void harness_fixture(struct db *db, const char *password_hash);

/* Two more back-office accounts of organisatie PO1111 in the fixture:
 * fin_a (financieel) and adm_a (admin), for tests that try every role. */
void harness_fin_adm(struct db *db, const char *password_hash);

/* The fixture's flow "Test" gets "Aanvulling nodig" (secretariaat from
 * Nieuw) and "Aangevuld" (automatisch on a new bijlage), as
 * forms/po3008/aanvraag-tlv.flow has. */
void harness_flow_aanvulling(struct db *db);

/* Account id by username (superuser db). */
long harness_account(struct db *db, const char *username);

/* Gives account username the TOTP secret base32 ("" = none), sealed with
 * the tests' fixed key as the auth helper stores it (032), and loads that
 * key into db/auth (auth_set_totp_key) so logins in this process open it. */
void harness_totp(struct db *su, const char *username, const char *base32);

/* The tests' fixed TOTP key (core/totpzegel.h). */
const unsigned char *harness_totp_key(void);
