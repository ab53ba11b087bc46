/* terug_test.c — undoing a status change (migration 021, issue 10 §4): by
 * direct SQL as balie_app for every role; only the person who made it,
 * within 10 minutes, else an administrator; its own history row and audit
 * row; an undo is not undone; the version check; the flow trigger still
 * refuses the same move made any other way, and no forged history row
 * opens it. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/hulpvraag.h"
#include "db/terug.h"

#define DBNAME "t_terug"
#define HASH "'$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA'"

struct world {
	struct db *su;
	long bram;
};

static struct db *as(struct world *w, const char *user)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(w->su, user));
	return app;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES ('adm_a', 'Beheer Alfa', " HASH ")");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, 'admin' FROM account a, organisatie o "
			    "WHERE a.username = 'adm_a' AND o.code = 'PO1111'");
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
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

static int version(struct world *w)
{
	char sql[100];
	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", w->bram);
	return (int)harness_long(w->su, sql);
}

static void status_is(struct world *w, const char *want)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = '%s'", w->bram, want);
	assert_int_equal(harness_long(w->su, sql), 1);
}

/* Runs sql in a transaction as db, rolled back; the first column of the
 * first row into out (or "" when none); -1 with e when refused. */
static int try_sql(struct db *db, const char *sql, char *out, size_t len, struct err *e)
{
	enum db_failure kind;
	int rc = -1;

	out[0] = '\0';
	if (db_begin(db, e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, &kind, sql, 0, NULL);
	if (r) {
		if (PQntuples(r) > 0)
			snprintf(out, len, "%s", PQgetvalue(r, 0, 0));
		PQclear(r);
		rc = 0;
	}
	db_rollback(db);
	return rc;
}

static void undo_by_every_role(void **state)
{
	struct world *w = *state;
	struct db *sec = as(w, "sec_a");
	struct outcome o;
	struct err e;
	char sql[400], out[200];
	const char *src = getenv("BALIE_SRCDIR");
	struct terug_info t;

	assert_int_equal(hulpvraag_set_status(sec, w->bram, version(w), "In behandeling", "", src ? src : ".", NULL, &o),
			 OUTCOME_SAVED);
	/* the same move back along the flow is not allowed, by any route */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Nieuw' WHERE id = %ld RETURNING id", w->bram);
	assert_int_equal(try_sql(sec, sql, out, sizeof out, &e), -1);
	assert_non_null(strstr(e.msg, "niet toegestaan"));
	/* a forged undo row: the column is not the application's */
	snprintf(sql, sizeof sql, "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, terug_van) "
				  "SELECT id, organisatie_id, NULL, 'Nieuw', acting_account(), (SELECT max(id) FROM "
				  "statushistorie) FROM hulpvraag WHERE id = %ld", w->bram);
	assert_int_equal(try_sql(sec, sql, out, sizeof out, &e), -1);

	/* every other role, by direct SQL: refused or not even seen */
	struct {
		const char *user, *want; /* want: part of the refusal, or "weg" */
	} roles[] = {
		{ "coord_a", "alleen wie de wijziging deed" },
		{ "school_a", "terugdraaien mag jouw rol niet" },
		{ "extern_a", "weg" },
		{ "geen", "weg" },
		{ "sec_b", "weg" },
	};
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		struct db *x = as(w, roles[i].user);
		snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_terugdraaien(%ld, %d, '')", w->bram, version(w));
		int rc = try_sql(x, sql, out, sizeof out, &e);
		if (strcmp(roles[i].want, "weg") == 0) {
			if (rc == 0)
				assert_string_equal(out, "weg");
		} else if (rc == 0 || !strstr(e.msg, roles[i].want)) {
			fail_msg("%s: %s / %s", roles[i].user, out, rc ? e.msg : "");
		}
		db_free(&x);
		status_is(w, "In behandeling");
	}

	/* what the screen asks first */
	assert_int_equal(db_terug_info(sec, w->bram, &t, &e), 0);
	assert_true(t.er_is && t.mag);
	assert_string_equal(t.van, "Nieuw");
	assert_string_equal(t.naar, "In behandeling");
	/* an old version is a conflict */
	assert_int_equal(db_status_terugdraaien(sec, w->bram, version(w) - 1, "", &o), OUTCOME_CONFLICT);
	/* the person who made it, at once: back, with its own history row and audit */
	assert_int_equal(db_status_terugdraaien(sec, w->bram, version(w), "vergist", &o), OUTCOME_SAVED);
	assert_string_equal(o.nu, "Nieuw");
	status_is(w, "Nieuw");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld AND van = 'In behandeling' "
				  "AND naar = 'Nieuw' AND terug_van IS NOT NULL AND reden LIKE 'Teruggedraaid%%vergist'", w->bram);
	assert_int_equal(harness_long(w->su, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE actie = 'status-terug' AND object_id = %ld", w->bram);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* an undo is not undone */
	assert_int_equal(db_status_terugdraaien(sec, w->bram, version(w), "", &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "zelf een terugdraaiing"));

	/* after 10 minutes: not the person, only an administrator */
	assert_int_equal(hulpvraag_set_status(sec, w->bram, version(w), "In behandeling", "", src ? src : ".", NULL, &o),
			 OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "UPDATE statushistorie SET op = now() - interval '11 minutes' WHERE id = "
				  "(SELECT max(id) FROM statushistorie WHERE hulpvraag_id = %ld)", w->bram);
	harness_exec(w->su, sql);
	assert_int_equal(db_status_terugdraaien(sec, w->bram, version(w), "", &o), OUTCOME_REFUSED);
	if (!strstr(o.err.msg, "ouder dan 10 minuten"))
		fail_msg("%s", o.err.msg);
	struct db *adm = as(w, "adm_a");
	assert_int_equal(db_status_terugdraaien(adm, w->bram, version(w), "", &o), OUTCOME_SAVED);
	status_is(w, "Nieuw");
	db_free(&adm);
	db_free(&sec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(undo_by_every_role),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
