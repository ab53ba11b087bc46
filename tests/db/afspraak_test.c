/* afspraak_test.c — the coördinator's own appointments (migration 029):
 * afspraak_plannen tried by direct SQL as balie_app for every role,
 * including an external role, a coördinator who is not the hulpvraag's and
 * another organisatie's coördinator; planning makes the meeting, its member
 * and case, the flow's transition and the mail (no pupil name in the
 * subject) in one transaction, shows in the coördinator's week, and a
 * repeat with the same key is harmless; a double booking warns; moving and
 * cancelling check version, right and reason; bad times are refused; two
 * people planning the same hulpvraag at once make one appointment. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recht.h"
#include "core/statuswissel.h"
#include "db/afspraak.h"
#include "db/agenda.h"

#define DBNAME "t_afspraak"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su;
	long org_a, hv_bram, hv_cem;
};

static long su_long(struct world *w, const char *fmt, long a)
{
	char sql[1024];

	snprintf(sql, sizeof sql, fmt, a);
	return harness_long(w->su, sql);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	char sql[1024];

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_fin_adm(w->su, HASH);
	snprintf(sql, sizeof sql,
		 "INSERT INTO account (username, naam, wachtwoord_hash) VALUES ('coord_a2', 'Coördinator Twee', '%s'), "
		 "('coord_b', 'Coördinator Beta', '%s')",
		 HASH, HASH);
	harness_exec(w->su, sql);
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, 'coordinator' FROM (VALUES ('coord_a2', "
			    "'PO1111'), ('coord_b', 'PO2222')) v(u, c) JOIN account a ON a.username = v.u "
			    "JOIN organisatie o ON o.code = v.c");
	w->org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	/* the flow: Nieuw is ready for an appointment with the coördinator, which
	 * makes In behandeling (financieel may too, as 004 §4.2) */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT id, 'Nieuw', 'In behandeling', 'financieel' FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO commissie (organisatie_id, code, naam, afspraak) "
			    "SELECT id, 'CPO', 'Coördinator passend onderwijs', true FROM organisatie");
	harness_exec(w->su, "INSERT INTO flow_agenda (aanvraagtype_id, commissie, van, naar) "
			    "SELECT id, 'CPO', '{Nieuw}', 'In behandeling' FROM aanvraagtype");
	/* every hulpvraag has coord_a (A) or coord_b (B) as coördinator; the aanvrager wants mail */
	harness_exec(w->su, "UPDATE hulpvraag h SET coordinator_id = a.id, aanvrager_email = 'ib@school.nl' "
			    "FROM account a, organisatie o WHERE o.id = h.organisatie_id "
			    "AND a.username = CASE o.code WHEN 'PO1111' THEN 'coord_a' ELSE 'coord_b' END");
	w->hv_bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					 "WHERE d.roepnaam = 'Bram'");
	w->hv_cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					"WHERE d.roepnaam = 'Cem'");
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

/* An application connection acting as username (db_free it). */
static struct db *as_account(struct world *w, const char *username)
{
	struct db *app = harness_app_db(DBNAME);

	db_set_account(app, harness_account(w->su, username));
	return app;
}

static int try_as(struct world *w, const char *username, const char *sql, char *why, size_t whylen)
{
	return harness_try_as(w->su, DBNAME, username, sql, why, whylen);
}

static int hv_version(struct world *w, long h)
{
	return (int)su_long(w, "SELECT version FROM hulpvraag WHERE id = %ld", h);
}

/* Tomorrow + dag at van–tot. */
static struct afspraak_tijd tijd(int dag, int van, int tot)
{
	struct afspraak_tijd t = { datum_add_days(datum_today(time(NULL)), 1 + dag), van, tot };

	return t;
}

/* Every role by direct SQL: who may plan, move and cancel, and that nobody
 * writes an appointment past the functions. */
static void walk_every_role(void **state)
{
	struct world *w = *state;
	static const struct {
		const char *user, *rol;
		int eigen; /* the hulpvraag's own coördinator */
	} who[] = {
		{ "sec_a", "secretariaat", 0 }, { "fin_a", "financieel", 0 }, { "coord_a", "coordinator", 1 },
		{ "coord_a2", "coordinator", 0 }, { "adm_a", "admin", 0 },     { "school_a", "aanvrager", 0 },
		{ "extern_a", "extern", 0 },      { "coord_b", "coordinator", 0 }, { "sec_b", "secretariaat", 0 },
	};
	char sql[1024], why[512];
	int tried = 0, failures = 0;

	for (size_t i = 0; i < sizeof who / sizeof *who; i++) {
		unsigned roles = statuswissel_rollen(who[i].rol);
		int b = !strcmp(who[i].user, "coord_b") || !strcmp(who[i].user, "sec_b");
		/* a hulpvraag of A the account sees (extern_a: Cem, through extra toegang) */
		long h = !strcmp(who[i].user, "extern_a") ? w->hv_cem : w->hv_bram;
		int want = !b && recht_mag(roles, RECHT_AFSPRAAK_PLANNEN) &&
			   (who[i].eigen || strcmp(who[i].rol, "coordinator"));
		int got;

		snprintf(sql, sizeof sql,
			 "SELECT id FROM afspraak_plannen(%ld, %d, current_date + 3, '10:00', '10:30', 'telefonisch', "
			 "'Hulpvraag: afspraak', 'tekst', NULL)",
			 h, hv_version(w, h));
		got = try_as(w, who[i].user, sql, why, sizeof why);
		tried++;
		if (got != want) {
			print_message("# %s plannen: verwacht %s, database %s (%s)\n", who[i].user,
				      want ? "toegestaan" : "geweigerd", got ? "toegestaan" : "geweigerd", why);
			failures++;
		}
		/* past the function: no row of its own, whatever the role */
		snprintf(sql, sizeof sql, "INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde) "
					  "SELECT %ld, v.id, %ld, 0 FROM vergadering v LIMIT 1", w->org_a, h);
		if (try_as(w, who[i].user, sql, why, sizeof why))
			failures++;
		if (try_as(w, who[i].user, "UPDATE commissie SET afspraak = false RETURNING id", why, sizeof why))
			failures++;
		tried += 2;
	}
	assert_int_equal(failures, 0);
	assert_int_equal(tried, 27);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM vergadering"), 0);
}

/* Plan, see it in the week, repeat, double, warn, move and cancel. */
static void plan_move_and_cancel(void **state)
{
	struct world *w = *state;
	struct db *coord = as_account(w, "coord_a"), *sec = as_account(w, "sec_a"), *other = as_account(w, "coord_a2");
	struct afspraak_tijd t = tijd(2, 10 * 60, 10 * 60 + 30);
	struct afspraak_rij rij;
	struct agenda_vergadering_rij *week = NULL;
	struct outcome o;
	struct err e;
	char key[OUTCOME_KEY_LEN], warn[300], *subject = NULL, *body = NULL;
	long outbox0 = harness_long(w->su, "SELECT count(*) FROM outbox");
	long nummer = su_long(w, "SELECT nummer FROM hulpvraag WHERE id = %ld", w->hv_bram);
	int n = 0, version;

	assert_int_equal(afspraak_mail_gepland(nummer, &t, "telefonisch: 0492 123456", 0, &subject, &body), 0);
	outcome_key_new(key);
	assert_int_equal(db_afspraak_plannen(coord, w->hv_bram, hv_version(w, w->hv_bram), &t, "telefonisch: 0492 123456",
					     subject, body, key, &o, warn, sizeof warn),
			 OUTCOME_SAVED);
	assert_false(o.repeated);
	assert_true(o.mail);
	assert_string_equal(o.nu, "In behandeling");
	assert_string_equal(warn, "");
	/* the meeting, its member (the coördinator), its one case, the history, one mail without the name */
	assert_int_equal(su_long(w, "SELECT count(*) FROM vergadering_lid l JOIN account a ON a.id = l.account_id "
				    "WHERE l.vergadering_id = %ld AND a.username = 'coord_a' AND l.rol = 'voorzitter'",
				 o.id),
			 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE vergadering_id = %ld AND open", o.id), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM statushistorie WHERE hulpvraag_id = %ld AND naar = "
				    "'In behandeling' AND reden LIKE 'Afspraak CPO %%'",
				 w->hv_bram),
			 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox") - outbox0, 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE onderwerp ~* '(bram|vries)'"), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE onderwerp LIKE '%afspraak met de "
					     "coördinator op%' AND tekst LIKE '%10:00 tot 10:30%'"),
			 1);
	/* in the coördinator's week (W: the meetings one sits in) */
	assert_int_equal(db_agenda_vergaderingen(coord, w->org_a, datum_today(time(NULL)),
						 datum_add_days(datum_today(time(NULL)), 6), NULL, "coord_a", &week, &n, &e),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(week[0].commissie, "CPO");
	assert_int_equal(week[0].start, 600);
	free(week);
	/* the same key again: the first answer, nothing new */
	assert_int_equal(db_afspraak_plannen(coord, w->hv_bram, 1, &t, "", subject, body, key, &o, warn, sizeof warn),
			 OUTCOME_SAVED);
	assert_true(o.repeated);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM vergadering"), 1);
	/* a second appointment for the same hulpvraag is refused */
	outcome_key_new(key);
	assert_int_equal(db_afspraak_plannen(sec, w->hv_bram, hv_version(w, w->hv_bram), &t, "", NULL, NULL, key, &o,
					     warn, sizeof warn),
			 OUTCOME_REFUSED);
	/* Cem at an overlapping time: planned, with a warning naming the other */
	outcome_key_new(key);
	t.van += 15;
	t.tot += 15;
	assert_int_equal(db_afspraak_plannen(sec, w->hv_cem, hv_version(w, w->hv_cem), &t, "school", NULL, NULL, key, &o,
					     warn, sizeof warn),
			 OUTCOME_SAVED);
	assert_non_null(strstr(warn, "CPO 10:00–10:30"));
	/* the open appointment of Bram, moved by its coördinator (a stale version is refused) */
	assert_int_equal(db_afspraak_van(coord, w->hv_bram, &rij, &e), 0);
	assert_true(rij.id > 0);
	assert_string_equal(rij.coordinator, "Coördinator Alfa");
	assert_int_equal(rij.t.van, 600);
	version = rij.version;
	t = tijd(5, 14 * 60, 15 * 60);
	assert_int_equal(db_afspraak_verplaatsen(coord, rij.id, version + 1, &t, NULL, "s", "b", &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	/* another coördinator of the organisatie may not */
	assert_int_equal(db_afspraak_verplaatsen(other, rij.id, version, &t, NULL, "s", "b", &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	assert_int_equal(db_afspraak_verplaatsen(coord, rij.id, version, &t, NULL, "s", "b", &o, warn, sizeof warn),
			 OUTCOME_SAVED);
	assert_true(o.mail);
	assert_string_equal(warn, "");
	assert_int_equal(su_long(w, "SELECT to_char(begintijd, 'HH24MI')::int FROM vergadering WHERE id = %ld", rij.id),
			 1400);
	/* cancelled: a reason is required; then the case is let go and Bram is ready again */
	assert_int_equal(db_afspraak_annuleren(coord, rij.id, o.version, " ", "s", "b", &o), OUTCOME_REFUSED);
	assert_int_equal(db_afspraak_annuleren(coord, rij.id, version + 1, "ziek", "s", "b", &o), OUTCOME_SAVED);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld AND open", w->hv_bram), 0);
	assert_int_equal(db_afspraak_van(coord, w->hv_bram, &rij, &e), 0);
	assert_int_equal(rij.id, 0);
	outcome_key_new(key);
	assert_int_equal(db_afspraak_plannen(coord, w->hv_bram, hv_version(w, w->hv_bram), &t, "", NULL, NULL, key, &o,
					     warn, sizeof warn),
			 OUTCOME_SAVED);
	assert_string_equal(o.nu, "In behandeling");
	free(subject);
	free(body);
	db_free(&coord);
	db_free(&sec);
	db_free(&other);
}

/* Refused with a reason and nothing kept: the past, an end before the
 * start, a stale version, no coördinator, a status not ready. */
static void refusals_keep_nothing(void **state)
{
	struct world *w = *state;
	struct db *sec = as_account(w, "sec_a");
	struct afspraak_tijd t = tijd(1, 9 * 60, 9 * 60 + 30);
	struct outcome o;
	char key[OUTCOME_KEY_LEN], warn[300], sql[512];
	long before = harness_long(w->su, "SELECT count(*) FROM vergadering");
	long dirk = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					"WHERE d.roepnaam = 'Dirk'");
	long anna = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					"WHERE d.roepnaam = 'Anna'");

	/* a hulpvraag in Nieuw without a coördinator: Anna, made visible */
	harness_exec(w->su, "SET session_replication_role = replica");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Nieuw', voorlopig = false, coordinator_id = NULL "
				  "WHERE id = %ld", anna);
	harness_exec(w->su, sql);
	harness_exec(w->su, "SET session_replication_role = DEFAULT");
	outcome_key_new(key);
	assert_int_equal(db_afspraak_plannen(sec, anna, hv_version(w, anna), &t, "", NULL, NULL, key, &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "geen coördinator"));
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = (SELECT id FROM account WHERE username = "
				  "'coord_a') WHERE id = %ld", anna);
	harness_exec(w->su, sql);
	t.datum = datum_add_days(datum_today(time(NULL)), -1);
	assert_int_equal(db_afspraak_plannen(sec, anna, hv_version(w, anna), &t, "", NULL, NULL, key, &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "al geweest"));
	t = tijd(1, 10 * 60, 9 * 60);
	assert_int_equal(db_afspraak_plannen(sec, anna, hv_version(w, anna), &t, "", NULL, NULL, key, &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "eindtijd"));
	t = tijd(1, 9 * 60, 10 * 60);
	/* another organisatie's hulpvraag: not found */
	assert_int_equal(db_afspraak_plannen(sec, dirk, hv_version(w, dirk), &t, "", NULL, NULL, key, &o, warn, sizeof warn),
			 OUTCOME_REFUSED);
	/* Cem is In behandeling after the test before: not ready (and a stale version) */
	assert_int_equal(db_afspraak_plannen(sec, w->hv_cem, hv_version(w, w->hv_cem) - 1, &t, "", NULL, NULL, key, &o,
					     warn, sizeof warn),
			 OUTCOME_REFUSED);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM vergadering"), before);
	db_free(&sec);
}

/* The coördinator and the secretariaat plan the same hulpvraag at once: the
 * second waits for the first and is told it changed meanwhile; one
 * appointment. */
static void planned_twice_at_once(void **state)
{
	struct world *w = *state;
	struct db *one = harness_app_db(DBNAME), *two = harness_app_db(DBNAME);
	char sql[2][512];
	struct err e;
	PGresult *r;
	long h;
	int version;

	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			    "status_categorie, coordinator_id) SELECT organisatie_id, dossier_id, aanvraagtype_id, 'Tweede', "
			    "datum, 'Nieuw', '', coordinator_id FROM hulpvraag WHERE id = (SELECT h.id FROM hulpvraag h "
			    "JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = 'Bram')");
	h = harness_long(w->su, "SELECT id FROM hulpvraag WHERE titel = 'Tweede'");
	version = hv_version(w, h);
	for (int i = 0; i < 2; i++)
		snprintf(sql[i], sizeof sql[i],
			 "SELECT id FROM afspraak_plannen(%ld, %d, current_date + %d, '11:00', '11:30', '', NULL, NULL, "
			 "NULL)",
			 h, version, 4 + i);
	db_set_account(one, harness_account(w->su, "coord_a"));
	db_set_account(two, harness_account(w->su, "sec_a"));
	err_clear(&e);
	assert_int_equal(db_begin(one, &e), 0);
	assert_int_equal(db_begin(two, &e), 0);
	r = db_exec(one, &e, NULL, sql[0], 0, NULL);
	assert_non_null(r);
	PQclear(r);
	/* the second is sent while the first holds the hulpvraag's lock */
	assert_int_equal(PQsendQuery(db_pg(two), sql[1]), 1);
	assert_int_equal(db_commit(one, &e), 0);
	r = PQgetResult(db_pg(two));
	assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "De hulpvraag is intussen gewijzigd; laad opnieuw");
	PQclear(r);
	while ((r = PQgetResult(db_pg(two))))
		PQclear(r);
	db_rollback(two);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld", h), 1);
	db_free(&one);
	db_free(&two);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_every_role),
		cmocka_unit_test(plan_move_and_cancel),
		cmocka_unit_test(refusals_keep_nothing),
		cmocka_unit_test(planned_twice_at_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
