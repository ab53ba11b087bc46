/* drukte_test.c — many users at once (issue 15, migration 014): a status
 * change holds no counter row (another one, the opposite way between the
 * same two statuses, finishes while the first is still open); two
 * connections moving hulpvragen in opposite directions, statement by
 * statement interleaved, finish without deadlock or lock wait; the counts
 * equal COUNT(*) before and after the fold, which empties the deltas; a
 * business write that waits on another's row lock gives up after
 * lock_timeout with "bezig bij een ander"; a deadlock or serialization
 * failure is sent once more, invisibly, and only once; the new tables
 * refuse every direct write of balie_app, whatever the role. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/notifier.h"
#include "db/outcome.h"

#define DBNAME "t_drukte"
#define PER_SIDE 12

struct world {
	struct db *su;
	struct db *a, *b; /* balie_app, both acting as coord_a */
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	/* both ways between Nieuw and In behandeling, so two people can move
	 * hulpvragen in opposite directions */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT id, 'In behandeling', 'Nieuw', 'coordinator' FROM aanvraagtype");
	/* PER_SIDE more in each of the two statuses, in PO1111 */
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			    "                       status_categorie) "
			    "SELECT h.organisatie_id, h.dossier_id, h.aanvraagtype_id, 'Drukte', h.datum, s.st, '' "
			    "  FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id, "
			    "       (VALUES ('Nieuw'), ('In behandeling')) s(st), generate_series(1, 12) g "
			    " WHERE d.roepnaam = 'Cem'");
	w->a = harness_app_db(DBNAME);
	w->b = harness_app_db(DBNAME);
	db_set_account(w->a, harness_account(w->su, "coord_a"));
	db_set_account(w->b, harness_account(w->su, "coord_a"));
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_free(&w->a);
	db_free(&w->b);
	db_free(&w->su);
	free(w);
	return 0;
}

/* Rows where the maintained count differs from COUNT(*) (both ways). */
static long count_mismatches(struct world *w)
{
	return harness_long(w->su,
			    "SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, "
			    "count(*) c FROM hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN hulpvraag_telling t "
			    "USING (organisatie_id, status_categorie, status, voorlopig) "
			    "WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0)");
}

static const char move_sql[] =
	"SELECT uitkomst FROM status_wijzigen($1, (SELECT version FROM hulpvraag WHERE id = $1), $2, '', "
	"NULL, NULL, NULL)";

/* Sends the move of hulpvraag id to naar on db (inside its transaction). */
static void send_move(struct db *db, long id, const char *naar)
{
	char ids[24];
	const char *p[2] = { ids, naar };

	snprintf(ids, sizeof ids, "%ld", id);
	assert_int_equal(PQsendQueryParams(db_pg(db), move_sql, 2, NULL, p, NULL, NULL, 0), 1);
}

/* The result of the statement sent on db, waiting at most ms: 1 'ok', 0
 * not back in time, -1 failed (sqlstate copied). */
static int wait_move(struct db *db, int ms, char *sqlstate)
{
	PGconn *pg = db_pg(db);
	struct pollfd p = { .fd = PQsocket(pg), .events = POLLIN };
	int rc = -1;

	sqlstate[0] = '\0';
	for (int waited = 0; PQisBusy(pg); waited += 20) {
		if (waited >= ms)
			return 0;
		poll(&p, 1, 20);
		assert_int_equal(PQconsumeInput(pg), 1);
	}
	PGresult *r;
	while ((r = PQgetResult(pg)) != NULL) {
		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			rc = !strcmp(PQgetvalue(r, 0, 0), "ok") ? 1 : -1;
		else if (PQresultErrorField(r, PG_DIAG_SQLSTATE))
			snprintf(sqlstate, 6, "%s", PQresultErrorField(r, PG_DIAG_SQLSTATE));
		PQclear(r);
	}
	return rc;
}

static long nth(struct world *w, const char *status, int n)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT id FROM hulpvraag WHERE titel = 'Drukte' AND status = '%s' "
				  "ORDER BY id OFFSET %d LIMIT 1", status, n);
	return harness_long(w->su, sql);
}

/* The old trigger updated the two counter rows in place: B's move waited
 * for A's commit (and the two could deadlock).  Now B is done at once. */
static void status_change_holds_no_counter_row(void **state)
{
	struct world *w = *state;
	struct err e;
	char st[6];
	long x = nth(w, "Nieuw", 0), y = nth(w, "In behandeling", 0);

	err_clear(&e);
	assert_int_equal(db_begin(w->a, &e), 0);
	send_move(w->a, x, "In behandeling");
	assert_int_equal(wait_move(w->a, 3000, st), 1);
	assert_int_equal(db_begin(w->b, &e), 0);
	send_move(w->b, y, "Nieuw");
	/* well under lock_timeout: no wait at all */
	assert_int_equal(wait_move(w->b, 1000, st), 1);
	assert_int_equal(db_commit(w->b, &e), 0);
	assert_int_equal(db_commit(w->a, &e), 0);
	assert_int_equal(count_mismatches(w), 0);
}

/* A and B each move PER_SIDE hulpvragen, in opposite directions, one
 * statement each in turn inside two open transactions; then the other way
 * back.  No statement waits, none fails, the counts stay exact; the fold
 * leaves them exact and the deltas empty. */
static void opposite_moves_interleaved(void **state)
{
	struct world *w = *state;
	const char *st_a[2] = { "Nieuw", "In behandeling" };
	long ida[PER_SIDE / 2], idb[PER_SIDE / 2];
	struct err e;
	char st[6];

	err_clear(&e);
	/* A takes half of those in Nieuw, B half of those in In behandeling */
	for (int i = 0; i < PER_SIDE / 2; i++) {
		ida[i] = nth(w, "Nieuw", i);
		idb[i] = nth(w, "In behandeling", i);
	}
	for (int round = 0; round < 4; round++) {
		const char *to_a = st_a[(round + 1) % 2], *to_b = st_a[round % 2];

		assert_int_equal(db_begin(w->a, &e), 0);
		assert_int_equal(db_begin(w->b, &e), 0);
		for (int i = 0; i < PER_SIDE / 2; i++) {
			send_move(w->a, ida[i], to_a);
			send_move(w->b, idb[i], to_b);
			if (wait_move(w->a, 1500, st) != 1 || wait_move(w->b, 1500, st) != 1)
				fail_msg("ronde %d, zet %d wachtte of mislukte (%s)", round, i, st);
		}
		/* commit in the order that hurt most before: the later first */
		assert_int_equal(db_commit(w->b, &e), 0);
		assert_int_equal(db_commit(w->a, &e), 0);
		assert_int_equal(count_mismatches(w), 0);
	}
	assert_true(harness_long(w->su, "SELECT count(*) FROM hulpvraag_telling_delta") >= 4 * PER_SIDE * 2);
	long folded = -1;
	assert_int_equal(notifier_step(w->su, NULL, &folded, &e), 0);
	assert_true(folded >= 4 * PER_SIDE * 2);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM hulpvraag_telling_delta"), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM hulpvraag_telling_coord_delta"), 0);
	assert_int_equal(count_mismatches(w), 0);
	/* a net decrease of a key the base has, and a key it has not: one
	 * more move, then the fold (a negative sum must update, not insert) */
	assert_int_equal(db_begin(w->a, &e), 0);
	send_move(w->a, ida[0], "Afgerond");
	assert_int_equal(wait_move(w->a, 3000, st), -1); /* Nieuw → Afgerond: no such transition */
	db_rollback(w->a);
	assert_int_equal(db_begin(w->a, &e), 0);
	send_move(w->a, nth(w, "In behandeling", 0), "Afgerond");
	assert_int_equal(wait_move(w->a, 3000, st), 1);
	assert_int_equal(db_commit(w->a, &e), 0);
	assert_int_equal(notifier_step(w->su, NULL, &folded, &e), 0);
	assert_int_equal(folded, 2);
	assert_int_equal(count_mismatches(w), 0);
	/* and the base alone is exact now */
	assert_int_equal(harness_long(w->su,
				      "SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, "
				      "count(*) c FROM hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN hulpvraag_telling_basis t "
				      "USING (organisatie_id, status_categorie, status, voorlopig) "
				      "WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0)"),
			 0);
}

/* The same hulpvraag: B waits for A's row lock, gives up after
 * lock_timeout (DB_LOCK_TIMEOUT_S) with the Dutch sentence, and nothing of
 * B is written. */
static void lock_wait_ends_with_lock_timeout(void **state)
{
	struct world *w = *state;
	struct err e;
	enum db_failure kind;
	char st[6], ids[24];
	long x = nth(w, "Nieuw", 0);
	const char *p[2] = { ids, "In behandeling" };

	/* Under libfaketime (tests/faketime-check.sh) PostgreSQL's timers do
	 * not fire: lock_timeout and statement_timeout were measured to never
	 * end a wait there, and B would wait for ever.  Nothing here depends
	 * on the date, so every ordinary make check runs it. */
	if (getenv("FAKETIME"))
		skip();
	snprintf(ids, sizeof ids, "%ld", x);
	err_clear(&e);
	assert_int_equal(db_begin(w->a, &e), 0);
	send_move(w->a, x, "In behandeling");
	assert_int_equal(wait_move(w->a, 3000, st), 1);
	PGresult *r = db_exec_as_account(w->b, &e, &kind, move_sql, 2, p);
	assert_null(r);
	assert_int_equal(kind, DB_LOCK_TIMEOUT);
	assert_string_equal(e.msg, "bezig bij een ander, probeer het zo opnieuw");
	db_rollback(w->a);
	/* the outcome type tells the person; nothing was written */
	struct outcome o;
	outcome_clear(&o);
	o.err = e;
	assert_int_equal(outcome_failed(w->b, kind, 1, &o), OUTCOME_ERROR);
	assert_string_equal(o.err.msg, "bezig bij een ander, probeer het zo opnieuw");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld", x);
	assert_int_equal(harness_long(w->su, sql), 0);
}

/* A statement that fails with 40001 the first time (a sequence counts the
 * attempts: it is not rolled back) succeeds through db_exec_as_account; one
 * that always fails is tried twice, then reported as DB_SERIALIZATION. */
static void serialization_failure_retried_once(void **state)
{
	struct world *w = *state;
	struct err e;
	enum db_failure kind;

	harness_exec(w->su, "CREATE SEQUENCE poging");
	harness_exec(w->su, "GRANT USAGE ON SEQUENCE poging TO balie_app");
	harness_exec(w->su, "CREATE FUNCTION wankel(p_keer int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
			    "IF nextval('poging') <= p_keer THEN RAISE EXCEPTION 'botsing' USING ERRCODE = '40001'; END IF; "
			    "RETURN 'gelukt'; END $$");
	harness_exec(w->su, "GRANT EXECUTE ON FUNCTION wankel(int) TO balie_app");
	err_clear(&e);
	PGresult *r = db_exec_as_account(w->a, &e, &kind, "SELECT wankel(1)", 0, NULL);
	assert_non_null(r);
	assert_string_equal(PQgetvalue(r, 0, 0), "gelukt");
	PQclear(r);
	assert_int_equal(harness_long(w->su, "SELECT last_value FROM poging"), 2); /* failed once, then ran */
	harness_exec(w->su, "SELECT setval('poging', 1, false)");
	r = db_exec_as_account(w->a, &e, &kind, "SELECT wankel(1000)", 0, NULL);
	assert_null(r);
	assert_int_equal(kind, DB_SERIALIZATION);
	assert_int_equal(harness_long(w->su, "SELECT last_value FROM poging"), 2); /* twice, no more */
}

/* Only the owner's functions touch the deltas and the change log: every
 * direct write of balie_app is refused, whatever the acting role; the
 * change log is not even readable; the two steps are callable. */
static void new_tables_refuse_direct_sql(void **state)
{
	struct world *w = *state;
	static const char *const users[] = { "sec_a", "coord_a", "sec_b", "school_a", "extern_a", "geen", NULL };
	static const char *const refused[] = {
		"INSERT INTO hulpvraag_telling_delta VALUES (1, 'Aanmelding', 'Nieuw', false, 1)",
		"UPDATE hulpvraag_telling_delta SET aantal = 1",
		"DELETE FROM hulpvraag_telling_delta",
		"INSERT INTO hulpvraag_telling_coord_delta VALUES (1, 1, 'Aanmelding', 'Nieuw', 1)",
		"DELETE FROM hulpvraag_telling_coord_delta",
		"UPDATE hulpvraag_telling_basis SET aantal = aantal + 1",
		"INSERT INTO hulpvraag_telling VALUES (1, 'Aanmelding', 'Nieuw', false, 1)",
		"SELECT * FROM wijziging",
		"INSERT INTO wijziging (hulpvraag_id, organisatie_id) VALUES (1, 1)",
		"DELETE FROM wijziging",
		NULL,
	};
	struct db *app = harness_app_db(DBNAME);
	struct err e;

	for (int u = 0; users[u]; u++) {
		db_set_account(app, harness_account(w->su, users[u]));
		for (int i = 0; refused[i]; i++) {
			err_clear(&e);
			if (harness_try(app, refused[i], &e) == 0)
				fail_msg("%s mocht: %s", users[u], refused[i]);
		}
		err_clear(&e);
		assert_int_equal(harness_try(app, "SELECT telling_vouwen(), wijzigingen_melden()", &e), 0);
	}
	db_free(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(status_change_holds_no_counter_row, setup, teardown),
		cmocka_unit_test_setup_teardown(opposite_moves_interleaved, setup, teardown),
		cmocka_unit_test_setup_teardown(lock_wait_ends_with_lock_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(serialization_failure_retried_once, setup, teardown),
		cmocka_unit_test_setup_teardown(new_tables_refuse_direct_sql, setup, teardown),
	};

	return cmocka_run_group_tests_name("drukte", tests, NULL, NULL);
}
