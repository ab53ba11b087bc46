/* hulpvraag_test.c — db/hulpvraag against a throwaway database: a status
 * change writes all its effects or none (the backend is killed before each
 * round trip and after each write inside the write statement), takes at
 * most two round trips (counted with PQtrace), two clients from the same
 * version → exactly one wins, forbidden transitions are refused by core and by the database itself,
 * a required reden, no mail when the aanvrager opted out, no pupil name in
 * a subject, the version check on every edit, and the intake — made once
 * even when the connection breaks during its COMMIT and F2 is pressed again
 * (the idempotency key of db/outcome.h). */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "db/flowstore.h"
#include "db/hulpvraag.h"
#include "db/outcome.h"

#define DBNAME "t_hulpvraag"

struct world {
	struct db *su;
	struct db *app;  /* balie_app acting as coord_a */
	long bram;       /* hulpvraag of Bram de Vries (Nieuw, PO1111) */
	long cem;        /* hulpvraag of Cem Yılmaz (Nieuw, PO1111) */
	long coord, sec;
	const char *datadir;
};

static struct db *app_as(struct world *w, const char *user)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(w->su, user));
	return app;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *src = getenv("BALIE_SRCDIR");

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "UPDATE hulpvraag SET aanvrager_email = 'ib@school.example.nl', aanvrager_naam = 'IB Alfa'");
	/* a school in a scholenkring whose coördinator is coord_a */
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) "
			    "SELECT id, 'Stichting Alfa' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO scholenkring (organisatie_id, naam, coordinator_id) "
			    "SELECT o.id, 'Kring 1', a.id FROM organisatie o, account a "
			    " WHERE o.code = 'PO1111' AND a.username = 'coord_a'");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, scholenkring_id, brin, naam) "
			    "SELECT b.organisatie_id, b.id, k.id, '14SS', 'De Regenboog' FROM schoolbestuur b "
			    "  JOIN scholenkring k ON k.organisatie_id = b.organisatie_id");
	harness_exec(w->su, "UPDATE hulpvraag h SET school_id = s.id FROM school s WHERE s.organisatie_id = h.organisatie_id");
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	w->coord = harness_account(w->su, "coord_a");
	w->sec = harness_account(w->su, "sec_a");
	w->app = app_as(w, "coord_a");
	w->datadir = src ? src : ".";
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	hulpvraag_set_test_hook(NULL, NULL);
	db_free(&w->app);
	db_free(&w->su);
	free(w);
	return 0;
}

static long count(struct world *w, const char *fmt, long id)
{
	char sql[600];

	snprintf(sql, sizeof sql, fmt, id);
	return harness_long(w->su, sql);
}

#define HISTORIE "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld AND van IS NOT NULL"
#define OUTBOX "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld"
#define AUDIT "SELECT count(*) FROM audit_log WHERE object = 'hulpvraag' AND object_id = %ld AND actie = 'status'"
#define VERSION "SELECT version FROM hulpvraag WHERE id = %ld"
#define BEHANDELING "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'In behandeling'"

static void status_change_writes_everything(void **state)
{
	struct world *w = *state;
	struct err e;
	struct outcome o;
	int nv = 0;
	char sql[300];

	err_clear(&e);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "Opgepakt door de coördinator",
					      w->datadir, &nv, &o),
			 OUTCOME_SAVED);
	assert_int_equal(nv, 2);
	assert_non_null(strstr(o.err.msg, "mail aan de aanvrager klaargezet"));
	assert_int_equal(count(w, BEHANDELING, w->bram), 1);
	assert_int_equal(count(w, VERSION, w->bram), 2);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND eerste_reactie IS NOT NULL", w->bram), 1);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld AND van = 'Nieuw' "
		 "AND naar = 'In behandeling' AND door = %ld AND reden = 'Opgepakt door de coördinator'",
		 w->bram, w->coord);
	assert_int_equal(harness_long(w->su, sql), 1);
	assert_int_equal(count(w, OUTBOX, w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld AND aan = 'ib@school.example.nl' "
				  "AND tekst LIKE '%%Opgepakt door de coördinator%%' AND onderwerp LIKE '%%In behandeling%%'",
			       w->bram),
			 1);
	/* the subject carries no pupil name */
	assert_int_equal(count(w, "SELECT count(*) FROM outbox WHERE hulpvraag_id = %ld AND (onderwerp ILIKE '%%Bram%%' "
				  "OR onderwerp ILIKE '%%Vries%%')",
			       w->bram),
			 0);
	assert_int_equal(count(w, AUDIT, w->bram), 1);
	/* audit: ids only */
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object_id = %ld AND detail ILIKE '%%Bram%%'",
			       w->bram),
			 0);
	/* gewijzigd_door follows the acting account (migration 006) */
	snprintf(sql, sizeof sql, "SELECT gewijzigd_door FROM hulpvraag WHERE id = %ld", w->bram);
	assert_int_equal(harness_long(w->su, sql), w->coord);
}

static void no_mail_when_opted_out_or_no_address(void **state)
{
	struct world *w = *state;
	struct outcome o;
	char sql[200];

	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET geen_mail = true WHERE id = %ld", w->bram);
	harness_exec(w->su, sql);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "", w->datadir, NULL, &o), OUTCOME_SAVED);
	assert_non_null(strstr(o.err.msg, "geen mail"));
	assert_int_equal(count(w, OUTBOX, w->bram), 0);
	assert_int_equal(count(w, HISTORIE, w->bram), 1);

	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET aanvrager_email = NULL WHERE id = %ld", w->cem);
	harness_exec(w->su, sql);
	assert_int_equal(hulpvraag_set_status(w->app, w->cem, 1, "In behandeling", "", w->datadir, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, OUTBOX, w->cem), 0);
}

static void reason_required(void **state)
{
	struct world *w = *state;
	struct err e;
	struct outcome o;
	int nv;

	harness_exec(w->su, "UPDATE flow_transitie SET reden_verplicht = true WHERE naar = 'Afgerond'");
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "", w->datadir, &nv, &o), OUTCOME_SAVED);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, nv, "Afgerond", " \n ", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Afgerond'", w->bram), 0);
	assert_int_equal(count(w, HISTORIE, w->bram), 1);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, nv, "Afgerond", "Klaar", w->datadir, NULL, &o), OUTCOME_SAVED);
	/* the menu says so too */
	struct hulpvraag *h = NULL;
	struct hv_keuze *k = NULL;
	int n = 0;
	harness_exec(w->su, "UPDATE flow_transitie SET reden_verplicht = true WHERE naar = 'In behandeling' "
			    "AND rol = 'coordinator'");
	assert_int_equal(hulpvraag_load(w->app, w->cem, &h, &e), HV_OK);
	assert_int_equal(hulpvraag_keuzes(w->app, h, &k, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(k[0].naar, "In behandeling");
	assert_true(k[0].reden);
	free(k);
	hulpvraag_free(&h);
}

static void forbidden_transition_refused_by_core(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	struct err e;
	struct outcome o;
	int nv;

	assert_int_equal(hulpvraag_set_status(sec, w->bram, 1, "In behandeling", "", w->datadir, &nv, &o), OUTCOME_SAVED);
	/* only the coördinator may close it */
	assert_int_equal(hulpvraag_set_status(sec, w->bram, nv, "Afgerond", "weg ermee", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_int_equal(hulpvraag_set_status(sec, w->bram, nv, "Bestaat niet", "", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_int_equal(count(w, BEHANDELING, w->bram), 1);
	/* the menu of the secretariaat offers nothing from In behandeling */
	struct hulpvraag *h = NULL;
	struct hv_keuze *k = NULL;
	int n = -1;
	assert_int_equal(hulpvraag_load(sec, w->bram, &h, &e), HV_OK);
	assert_int_equal(hulpvraag_keuzes(sec, h, &k, &n, &e), 0);
	assert_int_equal(n, 0);
	free(k);
	hulpvraag_free(&h);
	db_free(&sec);
}

/* The program skips every check: the trigger still says no. */
static void forbidden_transition_refused_by_database(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	char sql[300];
	struct err e;
	enum db_failure kind = DB_OK;

	assert_int_equal(db_begin(sec, &e), 0);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Afgerond', version = version + 1 WHERE id = %ld",
		 w->bram);
	assert_null(db_exec(sec, &e, &kind, sql, 0, NULL));
	assert_int_equal(kind, DB_RAISED);
	db_rollback(sec);
	db_free(&sec);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Nieuw'", w->bram), 1);
}

/* The flow changes between core's check and the UPDATE: the trigger's
 * P0001 becomes OUTCOME_REFUSED and nothing is written. */
static void drop_transition(int step, void *arg)
{
	struct world *w = arg;

	if (step == 2)
		harness_exec(w->su, "DELETE FROM flow_transitie WHERE van = 'Nieuw' AND naar = 'In behandeling'");
}

static void trigger_refusal_maps_to_not_allowed(void **state)
{
	struct world *w = *state;
	struct outcome o;

	hulpvraag_set_test_hook(drop_transition, w);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	hulpvraag_set_test_hook(NULL, NULL);
	assert_non_null(strstr(o.err.msg, "niet toegestaan"));
	assert_int_equal(count(w, BEHANDELING, w->bram), 0);
	assert_int_equal(count(w, HISTORIE, w->bram), 0);
	assert_int_equal(count(w, OUTBOX, w->bram), 0);
}

/* Client B changes the hulpvraag after A read version 1 and before A's
 * UPDATE: exactly one wins, A gets OUTCOME_CONFLICT saying who changed it. */
struct race {
	struct world *w;
	struct db *b;
	enum outcome_kind b_result;
};

static void other_client_first(int step, void *arg)
{
	struct race *r = arg;
	struct outcome o;

	if (step != 2 || r->b_result != OUTCOME_ERROR)
		return;
	hulpvraag_set_test_hook(NULL, NULL); /* B runs without the hook */
	r->b_result = hulpvraag_set_status(r->b, r->w->bram, 1, "In behandeling", "B was eerst", r->w->datadir, NULL, &o);
	hulpvraag_set_test_hook(other_client_first, r);
}

static void same_version_exactly_one_wins(void **state)
{
	struct world *w = *state;
	struct race r = { w, app_as(w, "sec_a"), OUTCOME_ERROR };
	struct outcome o;

	hulpvraag_set_test_hook(other_client_first, &r);
	enum outcome_kind a = hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "A", w->datadir, NULL, &o);
	hulpvraag_set_test_hook(NULL, NULL);
	assert_int_equal(r.b_result, OUTCOME_SAVED);
	assert_int_equal(a, OUTCOME_CONFLICT);
	assert_string_equal(o.door, "Secretariaat Alfa");
	assert_non_null(strstr(o.err.msg, "Secretariaat Alfa"));
	assert_int_equal(count(w, VERSION, w->bram), 2);
	assert_int_equal(count(w, HISTORIE, w->bram), 1);
	assert_int_equal(count(w, OUTBOX, w->bram), 1);
	assert_int_equal(count(w, AUDIT, w->bram), 1);
	/* and plainly: the loser's version is stale */
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "Afgerond", "x", w->datadir, NULL, &o), OUTCOME_CONFLICT);
	db_free(&r.b);
}

/* Kills the app's backend from the superuser connection before step k
 * (1 the read, 2 the write). */
struct crash {
	struct world *w;
	int at;
	int pid;
};

static void kill_backend(int step, void *arg)
{
	struct crash *c = arg;
	char sql[128];

	if (step != c->at)
		return;
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%d, 5000)", c->pid);
	harness_exec(c->w->su, sql);
}

/* Nothing of the change is there, and after a reconnect outcome_resolve
 * says so when the outcome was unknown. */
static void assert_nothing_written(struct world *w, struct outcome *o)
{
	struct err e;

	assert_int_equal(count(w, BEHANDELING, w->bram), 0);
	assert_int_equal(count(w, VERSION, w->bram), 1);
	assert_int_equal(count(w, HISTORIE, w->bram), 0);
	assert_int_equal(count(w, OUTBOX, w->bram), 0);
	assert_int_equal(count(w, AUDIT, w->bram), 0);
	db_free(&w->app);
	w->app = app_as(w, "coord_a");
	if (o->kind == OUTCOME_UNKNOWN) {
		assert_int_equal(o->probe, PROBE_HULPVRAAG);
		assert_int_equal(outcome_resolve(w->app, o, &e), 0);
		assert_int_equal(o->kind, OUTCOME_ERROR);
		assert_true(o->resolved);
		assert_non_null(strstr(o->err.msg, "NIET opgeslagen"));
	}
}

static void crash_leaves_all_or_nothing(void **state)
{
	struct world *w = *state;
	struct err e;
	struct outcome o;
	/* the writes inside the one write statement, in the order
	 * status_wijzigen makes them: the backend kills itself right after
	 * each (an AFTER trigger), before the implicit COMMIT */
	static const char *const inside[][2] = {
		{ "hulpvraag", "UPDATE" },
		{ "statushistorie", "INSERT" },
		{ "outbox", "INSERT" },
		{ "audit_log", "INSERT" },
	};

	/* between the round trips: before the read nothing was sent (error);
	 * before the write the statement goes to a dead backend (unknown) */
	for (int k = 1; k <= 2; k++) {
		struct crash c = { w, k, PQbackendPID(db_pg(w->app)) };
		enum outcome_kind r;

		hulpvraag_set_test_hook(kill_backend, &c);
		r = hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "crash", w->datadir, NULL, &o);
		hulpvraag_set_test_hook(NULL, NULL);
		assert_int_equal(r, k == 1 ? OUTCOME_ERROR : OUTCOME_UNKNOWN);
		assert_nothing_written(w, &o);
	}
	harness_exec(w->su, "CREATE FUNCTION balie.test_kill_self() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
			    "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(10); RETURN NULL; END $$");
	for (size_t k = 0; k < sizeof inside / sizeof inside[0]; k++) {
		char sql[300];
		enum outcome_kind r;

		snprintf(sql, sizeof sql, "CREATE TRIGGER test_kill_self AFTER %s ON balie.%s "
					  "FOR EACH ROW EXECUTE FUNCTION balie.test_kill_self()",
			 inside[k][1], inside[k][0]);
		harness_exec(w->su, sql);
		r = hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "crash", w->datadir, NULL, &o);
		snprintf(sql, sizeof sql, "DROP TRIGGER test_kill_self ON balie.%s", inside[k][0]);
		harness_exec(w->su, sql);
		assert_int_equal(r, OUTCOME_UNKNOWN);
		assert_nothing_written(w, &o);
	}
	/* and at the implicit COMMIT itself, after the statement's result was
	 * sent (a deferred trigger): still unknown, still nothing */
	{
		enum outcome_kind r;

		harness_exec(w->su, "CREATE CONSTRAINT TRIGGER test_kill_self AFTER INSERT ON balie.audit_log "
				    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION balie.test_kill_self()");
		r = hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "crash", w->datadir, NULL, &o);
		harness_exec(w->su, "DROP TRIGGER test_kill_self ON balie.audit_log");
		assert_int_equal(r, OUTCOME_UNKNOWN);
		assert_nothing_written(w, &o);
	}
	/* without a crash: everything */
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "nu wel", w->datadir, NULL, &o),
			 OUTCOME_SAVED);
	assert_int_equal(count(w, BEHANDELING, w->bram), 1);
	assert_int_equal(count(w, HISTORIE, w->bram), 1);
	assert_int_equal(count(w, OUTBOX, w->bram), 1);
	assert_int_equal(count(w, AUDIT, w->bram), 1);
	/* had that one been cut off, the probe would say it got in */
	o.kind = OUTCOME_UNKNOWN;
	o.probe = PROBE_HULPVRAAG;
	o.probe_id = w->bram;
	o.probe_version = 1;
	assert_int_equal(outcome_resolve(w->app, &o, &e), 0);
	assert_int_equal(o.kind, OUTCOME_SAVED);
	assert_int_equal(o.version, 2);
}

/* Round trips are counted, not timed: every frontend message libpq sends
 * is traced; a round trip is a wait for ReadyForQuery, i.e. one Sync (the
 * extended protocol, pipelined statements included) or one simple Query. */
static void count_trips(FILE *f, int *trips, int *statements)
{
	char line[4096];

	*trips = *statements = 0;
	rewind(f);
	while (fgets(line, sizeof line, f)) {
		char *t = strstr(line, "\tF\t");
		if (!t)
			continue;
		t = strchr(t + 3, '\t'); /* skip the length */
		if (!t)
			continue;
		t++;
		if (!strncmp(t, "Sync", 4) || !strncmp(t, "Query", 5))
			(*trips)++;
		if (!strncmp(t, "Execute", 7) || !strncmp(t, "Query", 5))
			(*statements)++;
	}
}

static void status_change_takes_two_round_trips(void **state)
{
	struct world *w = *state;
	struct outcome o;
	char *buf = NULL;
	size_t len = 0;
	int trips, statements, nv = 0;
	FILE *f;

	/* with a mail, and (second change) without one: the same count */
	for (int i = 0; i < 2; i++) {
		buf = NULL;
		len = 0;
		f = open_memstream(&buf, &len);
		assert_non_null(f);
		PQtrace(db_pg(w->app), f);
		assert_int_equal(hulpvraag_set_status(w->app, w->bram, i ? nv : 1, i ? "Afgerond" : "In behandeling",
						      "reden", w->datadir, &nv, &o),
				 OUTCOME_SAVED);
		PQuntrace(db_pg(w->app));
		fflush(f);
		count_trips(f, &trips, &statements);
		fclose(f);
		free(buf);
		assert_true(trips >= 1);
		assert_true(trips <= 2);
		/* each trip: set_config of the acting account + one statement */
		assert_true(statements <= 4);
		if (i == 0)
			harness_exec(w->su, "UPDATE hulpvraag SET geen_mail = true");
	}
	assert_int_equal(count(w, HISTORIE, w->bram), 2);
	assert_int_equal(count(w, OUTBOX, w->bram), 1);
	assert_int_equal(count(w, AUDIT, w->bram), 2);
}

/* A pupil whose surname is a word of the status: the subject would carry
 * it, so the change is refused rather than mailed. */
static void subject_with_pupil_name_refused(void **state)
{
	struct world *w = *state;
	char sql[200];
	struct outcome o;

	snprintf(sql, sizeof sql,
		 "UPDATE dossier SET achternaam = 'Behandeling' WHERE id = (SELECT dossier_id FROM hulpvraag WHERE id = %ld)",
		 w->bram);
	harness_exec(w->su, sql);
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "", w->datadir, NULL, &o), OUTCOME_ERROR);
	assert_non_null(strstr(o.err.msg, "naam van de leerling"));
	assert_int_equal(count(w, BEHANDELING, w->bram), 0);
	assert_int_equal(count(w, OUTBOX, w->bram), 0);
}

static void load_reads_everything(void **state)
{
	struct world *w = *state;
	struct hulpvraag *h = NULL;
	struct err e;
	struct outcome o;
	long id = 0, nummer;

	assert_int_equal(hulpvraag_set_status(w->app, w->bram, 1, "In behandeling", "reden één", w->datadir, NULL, &o),
			 OUTCOME_SAVED);
	assert_int_equal(hulpvraag_load(w->app, w->bram, &h, &e), HV_OK);
	assert_int_equal(h->version, 2);
	assert_string_equal(h->status, "In behandeling");
	assert_string_equal(h->roepnaam, "Bram");
	assert_string_equal(h->school, "De Regenboog");
	assert_string_equal(h->brin, "14SS");
	assert_string_equal(h->aanvraagtype, "Test");
	assert_string_equal(h->gewijzigd_door, "Coördinator Alfa");
	assert_int_equal(h->nhistorie, 1);
	assert_string_equal(h->historie[0].van, "Nieuw");
	assert_string_equal(h->historie[0].reden, "reden één");
	assert_string_equal(h->notitie, "");
	nummer = h->nummer;
	hulpvraag_free(&h);
	assert_null(h);
	assert_int_equal(hulpvraag_by_nummer(w->app, h ? 0 : harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'"),
					     nummer, &id, &e),
			 0);
	assert_int_equal(id, w->bram);
	/* another organisatie's hulpvraag is not there for coord_a */
	long other = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
					 "WHERE o.code = 'PO2222' LIMIT 1");
	assert_int_equal(hulpvraag_load(w->app, other, &h, &e), HV_NOT_FOUND);
}

static void edits_check_the_version(void **state)
{
	struct world *w = *state;
	struct hulpvraag *old = NULL, *cur = NULL;
	struct db *sec = app_as(w, "sec_a");
	struct err e;
	struct outcome o;
	int nv = 0;
	char diff[600];

	assert_int_equal(hulpvraag_load(w->app, w->bram, &old, &e), HV_OK);
	/* sec_a changes the omschrijving first */
	assert_int_equal(hulpvraag_set_omschrijving(sec, w->bram, 1, "Regel één\nRegel twee", &nv, &o), OUTCOME_SAVED);
	assert_int_equal(nv, 2);
	/* coord_a's save from version 1 loses and learns who */
	assert_int_equal(hulpvraag_set_omschrijving(w->app, w->bram, 1, "mijn tekst", &nv, &o), OUTCOME_CONFLICT);
	assert_non_null(strstr(o.err.msg, "Secretariaat Alfa"));
	assert_int_equal(hulpvraag_load(w->app, w->bram, &cur, &e), HV_OK);
	hulpvraag_diff(old, cur, diff, sizeof diff);
	assert_non_null(strstr(diff, "Intussen gewijzigd door Secretariaat Alfa"));
	assert_non_null(strstr(diff, "omschrijving"));
	assert_string_equal(cur->omschrijving, "Regel één\nRegel twee");

	/* coördinator: only accounts with that role */
	assert_int_equal(hulpvraag_set_coordinator(w->app, w->bram, 2, w->sec, &nv, &o), OUTCOME_REFUSED);
	assert_int_equal(hulpvraag_set_coordinator(w->app, w->bram, 2, w->coord, &nv, &o), OUTCOME_SAVED);
	assert_int_equal(nv, 3);
	/* labels bump the version */
	assert_int_equal(hulpvraag_label_add(w->app, w->bram, 3, "  urgent ", &nv, &o), OUTCOME_SAVED);
	assert_int_equal(nv, 4);
	assert_int_equal(hulpvraag_label_add(w->app, w->bram, 3, "te laat", &nv, &o), OUTCOME_CONFLICT);
	assert_int_equal(hulpvraag_label_add(w->app, w->bram, 4, "", &nv, &o), OUTCOME_REFUSED);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_label hl JOIN label l ON l.id = hl.label_id "
				  "WHERE hl.hulpvraag_id = %ld AND l.naam = 'urgent'",
			       w->bram),
			 1);
	long label = harness_long(w->su, "SELECT id FROM label WHERE naam = 'urgent'");
	assert_int_equal(hulpvraag_label_remove(w->app, w->bram, 4, label, &nv, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag_label WHERE hulpvraag_id = %ld", w->bram), 0);
	hulpvraag_free(&old);
	hulpvraag_free(&cur);

	/* pickers */
	struct hv_item *it = NULL;
	int n = 0;
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	assert_int_equal(hulpvraag_coordinators(w->app, org, &it, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].naam, "Coördinator Alfa");
	free(it);
	db_free(&sec);
}

static void notes_are_private_and_versioned(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	struct hulpvraag *h = NULL;
	struct err e;
	struct outcome o;
	long nid = 0, nid2 = 0;
	int nv = 0, nv2 = 0;

	assert_int_equal(hulpvraag_notitie_save(w->app, w->bram, 0, 0, "Bellen op maandag", NULL, &nid, &nv, &o), OUTCOME_SAVED);
	assert_true(nid > 0);
	assert_int_equal(nv, 1);
	/* a second session that still thinks there is no note */
	assert_int_equal(hulpvraag_notitie_save(w->app, w->bram, 0, 0, "anders", NULL, &nid2, &nv2, &o), OUTCOME_CONFLICT);
	assert_int_equal(hulpvraag_notitie_save(w->app, w->bram, nid, 1, "Bellen op dinsdag", NULL, &nid, &nv, &o), OUTCOME_SAVED);
	assert_int_equal(nv, 2);
	assert_int_equal(hulpvraag_notitie_save(w->app, w->bram, nid, 1, "oud", NULL, &nid2, &nv2, &o), OUTCOME_CONFLICT);
	/* sec_a does not see coord_a's note */
	assert_int_equal(hulpvraag_load(sec, w->bram, &h, &e), HV_OK);
	assert_string_equal(h->notitie, "");
	assert_int_equal(h->notitie_id, 0);
	hulpvraag_free(&h);
	assert_int_equal(hulpvraag_load(w->app, w->bram, &h, &e), HV_OK);
	assert_string_equal(h->notitie, "Bellen op dinsdag");
	hulpvraag_free(&h);
	/* empty removes */
	assert_int_equal(hulpvraag_notitie_save(w->app, w->bram, nid, 2, "  ", NULL, &nid, &nv, &o), OUTCOME_SAVED);
	assert_int_equal(nid, 0);
	assert_int_equal(count(w, "SELECT count(*) FROM notitie WHERE hulpvraag_id = %ld", w->bram), 0);
	db_free(&sec);
	/* notes do not touch the hulpvraag's version */
	assert_int_equal(count(w, VERSION, w->bram), 1);
}

static void intake_creates_dossier_and_hulpvraag(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	struct hv_nieuw n;
	struct err e;
	struct outcome o;
	long id = 0, nummer = 0;
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	long school = harness_long(w->su, "SELECT id FROM school");
	char sql[400];

	harness_exec(w->su, "INSERT INTO aanvraagtype_titel SELECT id, 'Ambulante begeleiding' FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO aanvraagtype_titel SELECT id, 'Gesprek De Vries' FROM aanvraagtype");
	harness_exec(w->su, "UPDATE aanvraagtype SET coordinator_scholenkring = true");

	memset(&n, 0, sizeof n);
	n.organisatie_id = org;
	n.roepnaam = "Jan";
	n.achternaam_getypt = "van der Berg";
	n.geboortedatum = "12-03-2016";
	n.titel = "Ambulante begeleiding";
	n.omschrijving = "Telefonisch aangemeld";
	n.school_id = school;
	n.aanvrager_naam = "J. de Wit";
	n.aanvrager_email = "j.dewit@school.example.nl";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	assert_true(id > 0);
	assert_true(nummer > 0);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id WHERE h.id = %ld "
		 "AND h.status = 'Nieuw' AND h.coordinator_id = %ld AND d.tussenvoegsel = 'van der' AND d.achternaam = 'Berg' "
		 "AND d.geboortedatum = DATE '2016-03-12'",
		 id, w->coord);
	assert_int_equal(harness_long(w->su, sql), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld AND van IS NULL "
				  "AND naar = 'Nieuw'",
			       id),
			 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object_id = %ld AND actie = 'hulpvraag-nieuw'", id),
			 1);

	/* the dossier is found again by surname and geboortedatum */
	struct hv_item *it = NULL;
	int k = 0;
	assert_int_equal(intake_dossiers(sec, org, "Berg", "2016-03-12", &it, &k, &e), 0);
	assert_int_equal(k, 1);
	assert_string_equal(it[0].naam, "Berg, Jan van der");
	free(it);
	assert_int_equal(intake_titels(sec, org, &it, &k, &e), 0);
	assert_int_equal(k, 2);
	assert_true(it[0].flag);
	free(it);

	/* a fixed title holding the pupil's name is refused */
	n.dossier_id = harness_long(w->su, "SELECT id FROM dossier WHERE roepnaam = 'Bram'");
	n.titel = "Gesprek De Vries";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	if (!strstr(o.err.msg, "naam van de leerling"))
		fail_msg("melding: %s", o.err.msg);
	/* an unknown title, a bad birth date, a bad address */
	n.dossier_id = 0;
	n.titel = "Zelfverzonnen";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	n.titel = "Ambulante begeleiding";
	n.geboortedatum = "31-02-2016";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	n.geboortedatum = "12-03-2016";
	n.aanvrager_email = "geen adres";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	db_free(&sec);
}

/* The connection breaks during COMMIT of an intake (a deferred trigger
 * makes the backend kill itself at COMMIT, after every statement of the
 * intake succeeded): UNKNOWN, never "aangemaakt".  After a reconnect the
 * idempotency key tells it did not get in; F2 again with the same key makes
 * it; F2 once more (as when the answer to that COMMIT was lost) returns the
 * first one.  In the end: exactly one dossier and one hulpvraag. */
static void intake_cut_off_at_commit_is_made_once(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	struct hv_nieuw n;
	struct outcome o, again;
	struct err e;
	char key[OUTCOME_KEY_LEN], sql[400];
	long id = 0, nummer = 0, id2 = 0, nummer2 = 0;

	harness_exec(w->su, "INSERT INTO aanvraagtype_titel SELECT id, 'Ambulante begeleiding' FROM aanvraagtype");
	memset(&n, 0, sizeof n);
	n.organisatie_id = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	n.roepnaam = "Ida";
	n.achternaam_getypt = "Eenmaal";
	n.geboortedatum = "01-02-2017";
	n.titel = "Ambulante begeleiding";
	n.omschrijving = "Gebeld, de verbinding viel weg";
	n.school_id = harness_long(w->su, "SELECT id FROM school");
	n.aanvrager_naam = "IB Alfa";
	n.aanvrager_email = "";
	outcome_key_new(key);
	n.idempotentie = key;
	assert_int_equal(strlen(key), 32);

	harness_exec(w->su, "CREATE FUNCTION balie.test_kill_self() RETURNS trigger LANGUAGE plpgsql AS $$ "
			    "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(10); RETURN NULL; END $$");
	harness_exec(w->su, "CREATE CONSTRAINT TRIGGER test_kill_self AFTER INSERT ON balie.hulpvraag "
			    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION balie.test_kill_self()");
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_UNKNOWN);
	assert_int_equal(id, 0);
	assert_int_equal(o.probe, PROBE_KEY_HULPVRAAG);
	assert_string_equal(o.probe_key, key);
	harness_exec(w->su, "DROP TRIGGER test_kill_self ON balie.hulpvraag");

	/* reconnect and find out: it did not get in */
	db_free(&sec);
	sec = app_as(w, "sec_a");
	assert_int_equal(outcome_resolve(sec, &o, &e), 0);
	assert_int_equal(o.kind, OUTCOME_ERROR);
	assert_true(o.resolved);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE idempotentie = '%s'", key);
	assert_int_equal(harness_long(w->su, sql), 0);

	/* F2 again, the same key: made */
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	assert_true(id > 0);
	assert_false(o.repeated);
	/* and again (the answer to that COMMIT lost): the first one, no second */
	assert_int_equal(intake_create(sec, &n, &id2, &nummer2, &again), OUTCOME_SAVED);
	assert_true(again.repeated);
	assert_int_equal(id2, id);
	assert_int_equal(nummer2, nummer);
	/* an UNKNOWN of that key resolves to saved, with the row */
	outcome_clear(&again);
	again.kind = OUTCOME_UNKNOWN;
	again.probe = PROBE_KEY_HULPVRAAG;
	snprintf(again.probe_key, sizeof again.probe_key, "%s", key);
	assert_int_equal(outcome_resolve(sec, &again, &e), 0);
	assert_int_equal(again.kind, OUTCOME_SAVED);
	assert_int_equal(again.id, id);
	assert_int_equal(again.nummer, nummer);

	/* exactly one dossier and one hulpvraag */
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM dossier WHERE roepnaam = 'Ida' AND achternaam = 'Eenmaal'"),
			 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					     " WHERE d.roepnaam = 'Ida' AND d.achternaam = 'Eenmaal'"),
			 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossier WHERE idempotentie = '%s'", key);
	assert_int_equal(harness_long(w->su, sql), 1);
	db_free(&sec);
}

/* flowstore stores the coördinator rule of the real po3008 flow. */
static void real_flow_coordinator_rule(void **state)
{
	struct world *w = *state;
	struct flow_profile *p = NULL;
	struct err e;
	char dir[512];
	int versie = 0, nieuw = 0;

	snprintf(dir, sizeof dir, "%s/forms/po3008", w->datadir);
	assert_int_equal(flow_profile_load(dir, &p, NULL, NULL, NULL, &e), 0);
	if (flowstore_publish(w->su, p, NULL, "test", &versie, &nieuw, &e) < 0)
		fail_msg("publiceren: %s", e.msg);
	flow_profile_free(&p);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM aanvraagtype WHERE naam = 'Aanvraag TLV' "
					     "AND coordinator_scholenkring"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(status_change_writes_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(no_mail_when_opted_out_or_no_address, setup, teardown),
		cmocka_unit_test_setup_teardown(reason_required, setup, teardown),
		cmocka_unit_test_setup_teardown(forbidden_transition_refused_by_core, setup, teardown),
		cmocka_unit_test_setup_teardown(forbidden_transition_refused_by_database, setup, teardown),
		cmocka_unit_test_setup_teardown(trigger_refusal_maps_to_not_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(same_version_exactly_one_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(crash_leaves_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(status_change_takes_two_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(subject_with_pupil_name_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(load_reads_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(edits_check_the_version, setup, teardown),
		cmocka_unit_test_setup_teardown(notes_are_private_and_versioned, setup, teardown),
		cmocka_unit_test_setup_teardown(intake_creates_dossier_and_hulpvraag, setup, teardown),
		cmocka_unit_test_setup_teardown(intake_cut_off_at_commit_is_made_once, setup, teardown),
		cmocka_unit_test_setup_teardown(real_flow_coordinator_rule, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
