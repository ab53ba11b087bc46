/* notify_test.c — what LISTEN balie_changes hears: after status, coördinator,
 * omschrijving (with a pupil's name in it), label and direct changes, and
 * one step of the notifier (wijzigingen_melden, migration 014), every line
 * of every payload is exactly "hulpvraag <digits> <digits> <digits>" and
 * holds no roepnaam or achternaam of any pupil; the writers' own commits
 * send nothing; notify_drain hands every line on (none dropped as
 * malformed) and marks the changer's own events. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/hulpvraag.h"
#include "db/notifier.h"
#include "db/notify.h"

#define DBNAME "t_notify"
#define MAX_SEEN 64
/* sent last: notifications come in commit order, so once it is in, all are */
#define SENTINEL "hulpvraag 999999 999999"
#define SENTINEL_ID 999999

struct world {
	struct db *su;
	struct db *app;    /* balie_app acting as coord_a: makes the changes */
	struct db *raw;    /* listens; payloads read with PQnotifies */
	struct db *other;  /* listens; read with notify_drain */
	long bram, cem, coord;
	const char *datadir;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *src = getenv("BALIE_SRCDIR");
	struct err e;

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "UPDATE hulpvraag SET aanvrager_email = 'ib@school.example.nl', aanvrager_naam = 'IB Alfa'");
	harness_exec(w->su, "SELECT wijzigingen_melden()"); /* the fixture's own changes, before anyone listens */
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	w->coord = harness_account(w->su, "coord_a");
	w->app = harness_app_db(DBNAME);
	db_set_account(w->app, w->coord);
	w->raw = harness_app_db(DBNAME);
	w->other = harness_app_db(DBNAME);
	err_clear(&e);
	assert_int_equal(notify_listen(w->raw, &e), 0);
	assert_int_equal(notify_listen(w->other, &e), 0);
	assert_int_equal(notify_listen(w->app, &e), 0);
	w->datadir = src ? src : ".";
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_free(&w->app);
	db_free(&w->raw);
	db_free(&w->other);
	db_free(&w->su);
	free(w);
	return 0;
}

/* Lines "hulpvraag <digits> <digits> <digits>" (the sentinel has two
 * numbers) and nothing else; the number of lines, 0 when one is wrong. */
static int payload_ok(const char *p)
{
	static const char head[] = "hulpvraag ";
	int lines = 0;

	for (;;) {
		size_t i = sizeof head - 1;
		int fields = 0;

		if (strncmp(p, head, i))
			return 0;
		for (;;) {
			size_t start = i;

			while (p[i] >= '0' && p[i] <= '9')
				i++;
			if (i == start)
				return 0;
			fields++;
			if (p[i] != ' ')
				break;
			i++;
		}
		if (fields < 2 || fields > 3)
			return 0;
		lines++;
		if (p[i] == '\0')
			return lines;
		if (p[i] != '\n')
			return 0;
		p += i + 1;
	}
}

/* Waits (up to 5 s) until the socket of db has input. */
static void wait_input(struct db *db)
{
	struct pollfd p = { .fd = PQsocket(db_pg(db)), .events = POLLIN };

	poll(&p, 1, 5000);
}

/* Every payload the raw listener got, up to the sentinel (or 5 s). */
static int collect_raw(struct world *w, char seen[][128])
{
	int n = 0, done = 0;

	for (int round = 0; round < 50 && !done; round++) {
		PGnotify *nf;

		if (round)
			wait_input(w->raw);
		assert_true(PQconsumeInput(db_pg(w->raw)));
		while ((nf = PQnotifies(db_pg(w->raw))) != NULL) {
			assert_string_equal(nf->relname, NOTIFY_CHANNEL);
			done |= !strcmp(nf->extra, SENTINEL);
			if (n < MAX_SEEN)
				snprintf(seen[n++], 128, "%s", nf->extra);
			PQfreemem(nf);
		}
	}
	return n;
}

struct drained {
	int n, own, done;
	long ids[MAX_SEEN];
};

static void on_event(const struct notify_event *ev, void *arg)
{
	struct drained *d = arg;

	assert_string_equal(ev->table, "hulpvraag");
	d->done |= ev->id == SENTINEL_ID;
	if (d->n < MAX_SEEN)
		d->ids[d->n] = ev->id;
	d->n++;
	d->own += ev->own;
}

static void drain_all(struct db *db, struct drained *d)
{
	struct err e;

	err_clear(&e);
	for (int round = 0; round < 50 && !d->done; round++) {
		if (round)
			wait_input(db);
		assert_true(notify_drain(db, on_event, d, &e) >= 0);
	}
}

static void payloads_are_ids_only(void **state)
{
	struct world *w = *state;
	char seen[MAX_SEEN][128];
	struct drained other = { 0 }, own = { 0 };
	struct err e;
	struct outcome o;
	int v = 1, n, changes = 0;

	err_clear(&e);
	/* status with a reden that names the pupil */
	assert_int_equal(hulpvraag_set_status(w->app, w->bram, v, "In behandeling",
					      "Bram de Vries: gesprek met moeder", w->datadir, &v, &o),
			 OUTCOME_SAVED);
	changes++;
	assert_int_equal(hulpvraag_set_coordinator(w->app, w->bram, v, w->coord, &v, &o), OUTCOME_SAVED);
	changes++;
	assert_int_equal(hulpvraag_set_omschrijving(w->app, w->bram, v,
						    "Bram de Vries (groep 5) en zijn broer Cem Yılmaz", &v, &o),
			 OUTCOME_SAVED);
	changes++;
	assert_int_equal(hulpvraag_label_add(w->app, w->bram, v, "Vries-overleg", &v, &o), OUTCOME_SAVED);
	changes++;
	v = 1;
	assert_int_equal(hulpvraag_set_omschrijving(w->app, w->cem, v, "Cem Yılmaz, zie ook Bram", &v, &o), OUTCOME_SAVED);
	changes++;
	/* a change outside the application (an admin with psql) */
	harness_exec(w->su, "UPDATE hulpvraag SET titel = titel || ' (Yılmaz)' WHERE id IN "
			    "(SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = 'Cem')");
	changes++;
	/* the writers sent nothing: only the notifier does */
	assert_true(PQconsumeInput(db_pg(w->raw)));
	assert_null(PQnotifies(db_pg(w->raw)));
	long sent = -1;
	assert_int_equal(notifier_step(w->su, &sent, NULL, &e), 0);
	assert_int_equal(sent, 3);
	assert_int_equal(notifier_step(w->su, &sent, NULL, &e), 0);
	assert_int_equal(sent, 0); /* taken out: sent once */
	harness_exec(w->su, "NOTIFY " NOTIFY_CHANNEL ", '" SENTINEL "'");

	n = collect_raw(w, seen);
	assert_string_equal(seen[n - 1], SENTINEL);
	/* one line per hulpvraag and changer: Bram (app), Cem (app), Cem (psql) */
	assert_int_equal(n, 2);
	assert_int_equal(payload_ok(seen[0]), 3);
	assert_true(changes == 6);

	/* every pupil of the fixture, both organisaties */
	PGresult *r = PQexec(db_pg(w->su), "SELECT roepnaam, achternaam FROM balie.dossier "
					   "WHERE roepnaam IS NOT NULL OR achternaam IS NOT NULL");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	assert_true(PQntuples(r) >= 2);
	for (int i = 0; i < n; i++) {
		if (!payload_ok(seen[i]))
			fail_msg("payload \"%s\" is not lines \"hulpvraag <id> <organisatie_id> <pid>\"", seen[i]);
		for (int row = 0; row < PQntuples(r); row++)
			for (int col = 0; col < 2; col++) {
				const char *name = PQgetvalue(r, row, col);

				if (*name && strstr(seen[i], name))
					fail_msg("payload \"%s\" holds the name \"%s\"", seen[i], name);
			}
	}
	PQclear(r);

	/* notify_drain hands on every payload, with the right ids */
	drain_all(w->other, &other);
	assert_int_equal(other.n, 4);
	assert_int_equal(other.own, 0);
	for (int i = 0; i < other.n - 1 && i < MAX_SEEN; i++)
		assert_true(other.ids[i] == w->bram || other.ids[i] == w->cem);

	/* the changer hears its own transactions as own (not "unread"); the
	 * psql change and the sentinel are someone else's */
	drain_all(w->app, &own);
	assert_int_equal(own.n, 4);
	assert_int_equal(own.own, 2);
	assert_int_equal(own.n - own.own, 2);
}

static void parse_refuses_other_shapes(void **state)
{
	struct notify_event ev;

	(void)state;
	assert_int_equal(notify_parse("hulpvraag 12 3", &ev), 0);
	assert_int_equal(ev.id, 12);
	assert_int_equal(ev.organisatie_id, 3);
	assert_int_equal(notify_parse("hulpvraag 0 3", &ev), -1);
	assert_int_equal(notify_parse("hulpvraag Bram 3", &ev), -1);
	assert_int_equal(notify_parse("", &ev), -1);
	assert_int_equal(notify_parse(NULL, &ev), -1);
	assert_int_equal(notify_parse("hulpvraag 12 3 4567", &ev), 0);
	assert_int_equal(ev.pid, 4567);
	assert_true(payload_ok("hulpvraag 12 3"));
	assert_int_equal(payload_ok("hulpvraag 12 3 77\nhulpvraag 13 3 78"), 2);
	assert_false(payload_ok("hulpvraag 12 3 Bram"));
	assert_false(payload_ok("hulpvraag 12 3 77\nBram"));
	assert_false(payload_ok("hulpvraag 12"));
	assert_false(payload_ok("hulpvraag  12 3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(payloads_are_ids_only, setup, teardown),
		cmocka_unit_test(parse_refuses_other_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
