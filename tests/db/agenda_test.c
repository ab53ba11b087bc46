/* agenda_test.c — the commission agenda in the database (migration 016):
 * the rulebook's agenda actions tried by direct SQL as balie_app for every
 * role; planning refused when full, past, cancelled, after the deadline
 * (unless with a reason) and twice; two people planning the last place at
 * once; planning and its status change in one transaction; idempotency; the
 * outcome's transition ("aangehouden" back to te plannen); and an external
 * member's access through hulpvraag_toegang kind 'vergadering' ending after
 * its term. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recht.h"
#include "core/statuswissel.h"

#define DBNAME "t_agenda"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su;
	long org_a, hv_bram, hv_cem, v_open, v_twee;
};

/* Every role of the fixture, by an account that has it. */
static const char *const accounts[][2] = {
	{ "sec_a", "secretariaat" }, { "fin_a", "financieel" }, { "coord_a", "coordinator" },
	{ "adm_a", "admin" },        { "school_a", "aanvrager" }, { "extern_a", "extern" },
};

static long su_long(struct world *w, const char *fmt, long a, long b)
{
	char sql[1024];

	snprintf(sql, sizeof sql, fmt, a, b);
	return harness_long(w->su, sql);
}

/* A meeting of CT in A on current_date + dag with deadline current_date +
 * dl and room for zaken cases; its id. */
static long meeting(struct world *w, int dag, int dl, int zaken)
{
	char sql[1024];

	snprintf(sql, sizeof sql,
		 "INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, capaciteit_zaken, "
		 "deadline) SELECT c.organisatie_id, c.id, current_date + %d, '13:00', '16:00', %d, current_date + %d "
		 "FROM commissie c WHERE c.code = 'CT' AND c.organisatie_id = %ld",
		 dag, zaken, dl, w->org_a);
	harness_exec(w->su, sql); /* harness_long rolls back */
	return harness_long(w->su, "SELECT max(id) FROM vergadering");
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES "
			    "('fin_a', 'Financieel Alfa', '" HASH "'), ('adm_a', 'Beheer Alfa', '" HASH "')");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, v.r FROM (VALUES ('fin_a', 'financieel'), "
			    "('adm_a', 'admin')) v(u, r) JOIN account a ON a.username = v.u "
			    "JOIN organisatie o ON o.code = 'PO1111'");
	w->org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	/* the flow: Nieuw is ready for the CT, planning makes In behandeling,
	 * toegekend Afgerond, aangehouden back to Nieuw (secretariaat may) */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT a.id, t.van, t.naar, 'secretariaat' FROM aanvraagtype a, (VALUES "
			    "('In behandeling', 'Afgerond'), ('In behandeling', 'Nieuw')) t(van, naar)");
	harness_exec(w->su, "INSERT INTO commissie (organisatie_id, code, naam, toegang_dagen) "
			    "SELECT id, 'CT', 'Commissie van Toelaatbaarheid', 7 FROM organisatie");
	harness_exec(w->su, "INSERT INTO flow_agenda (aanvraagtype_id, commissie, van, naar, toegekend, aangehouden) "
			    "SELECT id, 'CT', '{Nieuw}', 'In behandeling', 'Afgerond', 'Nieuw' FROM aanvraagtype");
	w->hv_bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					 "WHERE d.roepnaam = 'Bram'");
	w->hv_cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					"WHERE d.roepnaam = 'Cem'");
	w->v_open = meeting(w, 10, 3, 1);
	w->v_twee = meeting(w, 24, 17, 6);
	/* members: the secretariaat and the external deskundige */
	harness_exec(w->su, "INSERT INTO vergadering_lid (vergadering_id, organisatie_id, account_id, rol) "
			    "SELECT v.id, v.organisatie_id, a.id, CASE a.username WHEN 'sec_a' THEN 'secretaris' "
			    "       ELSE 'deskundige' END FROM vergadering v, account a "
			    "WHERE a.username IN ('sec_a', 'extern_a')");
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

/* Runs the statements sql[0..n) as balie_app for username in one
 * transaction; commit or roll back.  The first column of the first row of
 * the last into out ("" when none); 0, or -1 with why (of the first that
 * failed; nothing is kept). */
static int as_tx(struct world *w, const char *username, const char *const *sql, int n, int commit, char *out,
		 size_t len, char *why, size_t whylen)
{
	struct db *app = harness_app_db(DBNAME);
	struct err e;
	PGresult *r = NULL;

	err_clear(&e);
	out[0] = why[0] = '\0';
	db_set_account(app, harness_account(w->su, username));
	if (db_begin(app, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	for (int i = 0; i < n; i++) {
		if (r)
			PQclear(r);
		if (!(r = db_exec(app, &e, NULL, sql[i], 0, NULL)))
			break;
	}
	if (r) {
		if (PQntuples(r) > 0)
			snprintf(out, len, "%s", PQgetvalue(r, 0, 0));
		else if (PQcmdTuples(r)[0] && atol(PQcmdTuples(r)) > 0)
			snprintf(out, len, "%s", PQcmdTuples(r));
		PQclear(r);
		if (commit && db_commit(app, &e) < 0)
			fail_msg("COMMIT: %s", e.msg);
	} else {
		snprintf(why, whylen, "%s", e.msg);
	}
	if (!commit || !r)
		db_rollback(app);
	db_free(&app);
	return r ? 0 : -1;
}

/* as_tx with one statement. */
static int as(struct world *w, const char *username, const char *sql, int commit, char *out, size_t len,
	      char *why, size_t whylen)
{
	return as_tx(w, username, &sql, 1, commit, out, len, why, whylen);
}

static void plan_sql(char *sql, size_t len, long h, int version, long v, const char *override, const char *key)
{
	snprintf(sql, len, "SELECT id FROM agendapunt_plannen(%ld, %d, %ld, %s, 'Bespreking 08-09', 'tekst', %s)", h,
		 version, v, override, key);
}

static int hv_version(struct world *w, long h)
{
	return (int)su_long(w, "SELECT version FROM hulpvraag WHERE id = %ld%.0ld", h, 0);
}

/* Undoes the planning of the tests before (as the owner, past the flow's
 * trigger): no agendapunten, every hulpvraag of A in Nieuw again. */
static void back_to_nieuw(struct world *w)
{
	harness_exec(w->su, "SET session_replication_role = replica");
	harness_exec(w->su, "DELETE FROM agendapunt");
	harness_exec(w->su, "UPDATE hulpvraag SET status = 'Nieuw' WHERE status = 'In behandeling'");
	harness_exec(w->su, "SET session_replication_role = DEFAULT");
}

/* Every role × the four agenda actions, by direct SQL, as recht_mag says. */
static void walk_the_agenda_actions(void **state)
{
	struct world *w = *state;
	long punt;
	char sql[1024], out[256], why[512];
	int tried = 0, failures = 0;

	/* an open agendapunt to record an outcome on: Cem planned by the secretariaat */
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), w->v_twee, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	punt = harness_long(w->su, "SELECT id FROM agendapunt");
	for (size_t i = 0; i < sizeof accounts / sizeof *accounts; i++) {
		unsigned roles = statuswissel_rollen(accounts[i][1]);

		for (int a = RECHT_AGENDA_ZIEN; a <= RECHT_UITKOMST_VASTLEGGEN; a++) {
			int want = recht_mag(roles, (enum recht_actie)a), got;

			switch (a) {
			case RECHT_AGENDA_ZIEN: /* the meetings the account is member of, or the back office's */
				snprintf(sql, sizeof sql, "SELECT count(*) FROM vergadering WHERE id = %ld", w->v_twee);
				break;
			case RECHT_VERGADERING_BEHEREN:
				snprintf(sql, sizeof sql,
					 "INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, "
					 "capaciteit_zaken, deadline) SELECT organisatie_id, id, current_date + 30, '09:00', "
					 "'10:00', 2, current_date + 20 FROM commissie WHERE organisatie_id = %ld",
					 w->org_a);
				break;
			case RECHT_PLANNEN:
				plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), w->v_twee, "NULL", "NULL");
				break;
			default:
				snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, 1, 'toegekend', '', "
							  "NULL, NULL)", punt);
				break;
			}
			got = as(w, accounts[i][0], sql, 0, out, sizeof out, why, sizeof why) == 0 && out[0] &&
			      strcmp(out, "0") && strcmp(out, "weg");
			tried++;
			if (got != want) {
				print_message("# %s %s: verwacht %s, database %s (%s%s)\n", accounts[i][0], recht_tabel[a].naam,
					      want ? "toegestaan" : "geweigerd", got ? "toegestaan" : "geweigerd", out, why);
				failures++;
			}
		}
	}
	assert_int_equal(tried, 24);
	assert_int_equal(failures, 0);
	back_to_nieuw(w);
}

/* Planning moves the status, mails, gives the external member access until
 * N days after the meeting; the next case finds the meeting full; the same
 * hulpvraag cannot go on a second open meeting; the key makes a repeat
 * harmless. */
static void plan_full_double_and_repeat(void **state)
{
	struct world *w = *state;
	char sql[1024], out[256], why[512];
	long mails = harness_long(w->su, "SELECT count(*) FROM outbox");

	assert_int_equal(as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out,
			    why, sizeof why), 0);
	assert_string_equal(out, "1"); /* Cem only (extra toegang of the fixture) */
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), w->v_open, "NULL",
		 "'0123456789abcdef0123456789abcdef'");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(su_long(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'In behandeling'%.0ld",
				    w->hv_bram, 0) ? "ja" : "nee", "ja");
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox") - mails,
			 harness_long(w->su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					     "WHERE d.roepnaam = 'Bram' AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail"));
	/* the external member now sees Bram, until datum + toegang_dagen */
	assert_int_equal(as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out,
			    why, sizeof why), 0);
	assert_string_equal(out, "2");
	assert_int_equal(su_long(w, "SELECT (t.tot - v.datum) FROM hulpvraag_toegang t, vergadering v "
				    "WHERE t.hulpvraag_id = %ld AND t.soort = 'vergadering' AND v.id = %ld",
				 w->hv_bram, w->v_open), 7);
	/* the same key again: the first row, nothing new */
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM agendapunt"), 1);
	/* full */
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), w->v_open, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_string_equal(why, "De vergadering is vol (1 van 1 zaken)");
	/* Bram on a second open meeting */
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), w->v_twee, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "staat niet klaar") ? why : strstr(why, "al op de agenda"));
}

/* After the term the member's link no longer shows the hulpvraag: the
 * link's last day still does, the day after not. */
static void member_access_ends_after_the_term(void **state)
{
	struct world *w = *state;
	char out[64], why[512];

	harness_exec(w->su, "UPDATE hulpvraag_toegang SET tot = current_date WHERE soort = 'vergadering'");
	as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out, why, sizeof why);
	assert_string_equal(out, "2");
	harness_exec(w->su, "UPDATE hulpvraag_toegang SET tot = current_date - 1 WHERE soort = 'vergadering'");
	as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out, why, sizeof why);
	assert_string_equal(out, "1");
	/* and it sees only the meetings it sits in, not other organisaties' */
	as(w, "extern_a", "SELECT count(*) FROM vergadering", 0, out, sizeof out, why, sizeof why);
	assert_string_equal(out, "2");
	as(w, "sec_b", "SELECT count(*) FROM vergadering", 0, out, sizeof out, why, sizeof why);
	assert_string_equal(out, "0");
}

/* Refusals: a meeting in the past, a cancelled one, a deadline passed
 * (allowed with a reason, which is kept); and one transaction: a stale
 * version makes the status change fail and nothing is planned. */
static void refusals_and_one_transaction(void **state)
{
	struct world *w = *state;
	char sql[1024], out[256], why[512];
	long verleden = meeting(w, -1, -5, 3), laat = meeting(w, 3, -1, 3), weg = meeting(w, 5, 1, 3);
	long before = harness_long(w->su, "SELECT count(*) FROM agendapunt");

	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), verleden, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "is al geweest"));
	harness_exec(w->su, "UPDATE vergadering SET status = 'geannuleerd' WHERE datum = current_date + 5");
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), weg, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "geannuleerd"));
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), laat, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "aanleverdeadline"));
	/* a stale version: the status change fails, so no agendapunt either */
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem) - 1 + 7, laat, "'spoed: thuiszitter'", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM agendapunt"), before);
	assert_int_equal(su_long(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Nieuw'%.0ld", w->hv_cem, 0), 1);
	/* with a reason after the deadline: planned, the reason kept */
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), laat, "'spoed: thuiszitter'", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM agendapunt WHERE override_reden = 'spoed: thuiszitter'"),
			 1);
}

/* Two secretariaat users plan the last place at once: the second waits for
 * the first's lock and is then told the meeting is full. */
static void last_place_planned_twice_at_once(void **state)
{
	struct world *w = *state;
	struct db *one = harness_app_db(DBNAME), *two = harness_app_db(DBNAME);
	long v = meeting(w, 12, 4, 1), sec = harness_account(w->su, "sec_a");
	char sql1[1024], sql2[1024];
	struct err e;
	PGresult *r;

	back_to_nieuw(w);
	/* a second ready hulpvraag: Bram's dossier gets another request in Nieuw */
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			    "status_categorie) SELECT organisatie_id, dossier_id, aanvraagtype_id, 'Tweede', datum, 'Nieuw', '' "
			    "FROM hulpvraag WHERE id = (SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
			    "WHERE d.roepnaam = 'Bram')");
	plan_sql(sql1, sizeof sql1, w->hv_cem, hv_version(w, w->hv_cem), v, "NULL", "NULL");
	long anna = harness_long(w->su, "SELECT id FROM hulpvraag WHERE titel = 'Tweede'");
	plan_sql(sql2, sizeof sql2, anna, hv_version(w, anna), v, "NULL", "NULL");
	db_set_account(one, sec);
	db_set_account(two, sec);
	err_clear(&e);
	assert_int_equal(db_begin(one, &e), 0);
	assert_int_equal(db_begin(two, &e), 0);
	r = db_exec(one, &e, NULL, sql1, 0, NULL);
	assert_non_null(r);
	PQclear(r);
	/* the second is sent while the first holds the meeting's lock */
	assert_int_equal(PQsendQuery(db_pg(two), sql2), 1);
	assert_int_equal(db_commit(one, &e), 0);
	r = PQgetResult(db_pg(two));
	assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "De vergadering is vol (1 van 1 zaken)");
	PQclear(r);
	while ((r = PQgetResult(db_pg(two))))
		PQclear(r);
	db_rollback(two);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE vergadering_id = %ld%.0ld", v, 0), 1);
	db_free(&one);
	db_free(&two);
}

/* The outcome makes the flow's transition; "aangehouden" needs a reason and
 * puts the hulpvraag back where it is ready to plan. */
static void outcome_moves_along_the_flow(void **state)
{
	struct world *w = *state;
	char sql[512], out[256], why[512];
	long p = su_long(w, "SELECT id FROM agendapunt WHERE hulpvraag_id = %ld AND open%.0ld", w->hv_bram, 0);

	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, 1, 'aangehouden', '', NULL, NULL)", p);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "waarom"));
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, 1, 'aangehouden', "
				  "'verslag psycholoog ontbreekt', NULL, NULL)", p);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Nieuw'%.0ld",
				 w->hv_bram, 0), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND NOT open%.0ld", p, 0), 1);
	/* a second outcome on the same version: conflict, not a second change */
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "conflict");
}

/* Within a meeting: the order swaps with the neighbour; moving to a full
 * meeting changes nothing (one transaction); taking a case off makes it
 * te plannen again. */
static void reorder_move_and_unplan(void **state)
{
	struct world *w = *state;
	long v = meeting(w, 15, 6, 3), vol = meeting(w, 16, 7, 1);
	char sql[1024], out[256], why[512];
	long pb, pt;

	back_to_nieuw(w);
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), v, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	pb = atol(out);
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), v, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	pt = atol(out);
	/* the capacity cannot drop below the two cases on it */
	snprintf(sql, sizeof sql, "UPDATE vergadering SET capaciteit_zaken = 1 WHERE id = %ld RETURNING id", v);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_string_equal(why, "Er staan al 2 zaken op deze vergadering: de capaciteit kan niet lager");
	snprintf(sql, sizeof sql, "UPDATE vergadering SET capaciteit_zaken = 2 WHERE id = %ld RETURNING id", v);
	assert_int_equal(as(w, "sec_a", sql, 0, out, sizeof out, why, sizeof why), 0);
	/* Cem one place earlier: now first */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_volgorde(%ld, 1, -1)", pt);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT volgorde FROM agendapunt WHERE id = %ld%.0ld", pt, 0), 0);
	assert_int_equal(su_long(w, "SELECT volgorde FROM agendapunt WHERE id = %ld%.0ld", pb, 0), 1);
	/* the financieel medewerker may not */
	assert_int_equal(as(w, "fin_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	/* fill the one place of `vol`, then moving Bram there is refused and he stays */
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			    "status_categorie) SELECT organisatie_id, dossier_id, aanvraagtype_id, 'Derde', datum, 'Nieuw', '' "
			    "FROM hulpvraag WHERE titel = 'Tweede'");
	long derde = harness_long(w->su, "SELECT id FROM hulpvraag WHERE titel = 'Derde'");
	plan_sql(sql, sizeof sql, derde, hv_version(w, derde), vol, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	snprintf(sql, sizeof sql, "SELECT id FROM agendapunt_verplaatsen(%ld, %ld, %ld, NULL, 's', 't', NULL)", pb,
		 su_long(w, "SELECT version FROM agendapunt WHERE id = %ld%.0ld", pb, 0), vol);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_string_equal(why, "De vergadering is vol (1 van 1 zaken)");
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND open AND vergadering_id = %ld",
				 pb, v), 1);
	/* to a meeting with room: the old point closed, a new one open */
	long ruim = meeting(w, 17, 8, 4);
	snprintf(sql, sizeof sql, "SELECT id FROM agendapunt_verplaatsen(%ld, %ld, %ld, NULL, 's', 't', NULL)", pb,
		 su_long(w, "SELECT version FROM agendapunt WHERE id = %ld%.0ld", pb, 0), ruim);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld AND open AND "
				    "vergadering_id = %ld", w->hv_bram, ruim), 1);
	/* off the agenda: te plannen again (no open point, status still In behandeling) */
	long pn = su_long(w, "SELECT id FROM agendapunt WHERE hulpvraag_id = %ld AND open%.0ld", w->hv_bram, 0);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_ontplannen(%ld, 1, 'school trekt in')", pn);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld AND open%.0ld",
				 w->hv_bram, 0), 0);
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), ruim, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
}

/* A status change outside the agenda (here the secretariaat closes the
 * hulpvraag, as from the hulpvraag pane) that leaves the planned status
 * makes the open agendapunt lapse in the same transaction, with the reason
 * and an audit row; its outcome is then refused and it is on no open
 * meeting.  Planning itself and an outcome's own transition do not. */
static void status_change_outside_the_agenda_lapses_the_point(void **state)
{
	struct world *w = *state;
	char sql[1024], out[256], why[512];
	long m = meeting(w, 60, 50, 3), p;

	back_to_nieuw(w);
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), m, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	p = atol(out);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND open AND vervallen IS NULL%.0ld",
				 p, 0), 1);
	/* a stale version: nothing changes, the point stays open */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, %d, 'Afgerond', 'klaar', NULL, NULL, NULL)",
		 w->hv_bram, hv_version(w, w->hv_bram) - 1);
	as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND open%.0ld", p, 0), 1);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, %d, 'Afgerond', 'klaar', NULL, NULL, NULL)",
		 w->hv_bram, hv_version(w, w->hv_bram));
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND NOT open AND uitkomst IS NULL "
				    "AND vervallen = 'status gewijzigd naar Afgerond' AND notitie LIKE 'vervallen:%%'%.0ld",
				 p, 0), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM audit_log WHERE actie = 'vervallen' AND object_id = %ld "
				    "AND detail NOT LIKE '%%Bram%%'%.0ld", p, 0), 1);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, %d, 'toegekend', '', NULL, NULL)", p,
		 (int)su_long(w, "SELECT version FROM agendapunt WHERE id = %ld%.0ld", p, 0));
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "van de agenda gehaald"));
	/* an outcome's own transition (aangehouden: back to Nieuw) is no lapse */
	harness_exec(w->su, "SET session_replication_role = replica");
	harness_exec(w->su, "UPDATE hulpvraag SET status = 'Nieuw' WHERE status = 'Afgerond'");
	harness_exec(w->su, "SET session_replication_role = DEFAULT");
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), m, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	p = atol(out);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, 1, 'aangehouden', 'verslag ontbreekt', "
				  "NULL, NULL)", p);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE id = %ld AND uitkomst = 'aangehouden' "
				    "AND vervallen IS NULL%.0ld", p, 0), 1);
	back_to_nieuw(w);
}

/* Cancelling a meeting and what becomes of its cases is one transaction:
 * every role tries vergadering_annulering_zaken() as the rulebook says; a
 * case that finds the other meeting full undoes the whole cancellation;
 * otherwise one case moves on (mail with the new date) and the other is
 * te plannen again with the mail that the bespreking lapses. */
static void cancel_with_its_cases_in_one_transaction(void **state)
{
	struct world *w = *state;
	long m1 = meeting(w, 70, 60, 2), m2 = meeting(w, 84, 74, 1), mails;
	char sql[1024], annul[256], zaken[1024], out[256], why[512];
	const char *tx[2] = { annul, zaken };
	int failures = 0;

	back_to_nieuw(w);
	harness_exec(w->su, "UPDATE hulpvraag SET aanvrager_email = 'ib@school.example', geen_mail = false "
			    "WHERE status = 'Nieuw'");
	snprintf(sql, sizeof sql, "SELECT vergadering_annulering_zaken(%ld, '{}', '{}', '{}', '{}')", m1);
	for (size_t i = 0; i < sizeof accounts / sizeof *accounts; i++) {
		int want = recht_mag(statuswissel_rollen(accounts[i][1]), RECHT_VERGADERING_BEHEREN);

		/* allowed: refused only because the meeting is not cancelled */
		as(w, accounts[i][0], sql, 0, out, sizeof out, why, sizeof why);
		if ((strstr(why, "niet geannuleerd") != NULL) != want) {
			print_message("# %s: verwacht %s (%s)\n", accounts[i][0], want ? "toegestaan" : "geweigerd", why);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), m1, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	plan_sql(sql, sizeof sql, w->hv_cem, hv_version(w, w->hv_cem), m1, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	mails = harness_long(w->su, "SELECT count(*) FROM outbox");
	snprintf(annul, sizeof annul, "UPDATE vergadering SET status = 'geannuleerd', annuleer_reden = 'ziekte' "
				      "WHERE id = %ld", m1);
	/* both to m2, which has room for one: refused, and nothing changed */
	snprintf(zaken, sizeof zaken, "SELECT verplaatst FROM vergadering_annulering_zaken(%ld, '{%ld,%ld}', '{%ld,%ld}', "
				      "'{\"Hulpvraag: nieuwe datum\",\"x\"}', '{\"tekst \\\" met quote\",y}')",
		 m1, w->hv_bram, w->hv_cem, m2, m2);
	assert_int_equal(as_tx(w, "sec_a", tx, 2, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "vol"));
	assert_int_equal(su_long(w, "SELECT count(*) FROM vergadering WHERE id = %ld AND status = 'gepland'%.0ld", m1, 0),
			 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE vergadering_id = %ld AND open%.0ld", m1, 0), 2);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox"), mails);
	/* Bram on to m2, Cem back to te plannen */
	snprintf(zaken, sizeof zaken, "SELECT verplaatst FROM vergadering_annulering_zaken(%ld, '{%ld,%ld}', '{%ld,NULL}', "
				      "'{\"Hulpvraag: nieuwe datum\",\"Hulpvraag: bespreking vervalt\"}', "
				      "'{\"tekst \\\" met quote\",\"vervalt\"}')",
		 m1, w->hv_bram, w->hv_cem, m2);
	assert_int_equal(as_tx(w, "sec_a", tx, 2, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "1");
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld AND open "
				    "AND vergadering_id = %ld", w->hv_bram, m2), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM agendapunt WHERE hulpvraag_id = %ld AND open%.0ld", w->hv_cem,
				 0), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE onderwerp = 'Hulpvraag: bespreking vervalt' "
					     "AND tekst = 'vervalt'"), 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE tekst = 'tekst \" met quote'"), 1);
	/* a second run for the same cases: refused (already moved) */
	assert_int_equal(as(w, "sec_a", zaken, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "al verplaatst"));
	back_to_nieuw(w);
}

/* Members: every role tries to put a member on a meeting as the rulebook
 * says; an account outside the back office and not an external of the
 * organisatie is refused; a member already sitting in another meeting at
 * the same time is added with a warning; taking a member off ends its
 * access through the meeting at once (RLS: it no longer sees the case). */
static void members_with_a_warning_and_access_that_ends(void **state)
{
	struct world *w = *state;
	long m3 = meeting(w, 10, 3, 2), ext = harness_account(w->su, "extern_a");
	char sql[1024], out[256], why[512];
	int failures = 0;

	back_to_nieuw(w);
	harness_exec(w->su, "DELETE FROM hulpvraag_toegang WHERE soort = 'vergadering'");
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM vergadering_lid_zetten(%ld, %ld, 'lid')", m3,
		 harness_account(w->su, "coord_a"));
	for (size_t i = 0; i < sizeof accounts / sizeof *accounts; i++) {
		int want = recht_mag(statuswissel_rollen(accounts[i][1]), RECHT_VERGADERING_BEHEREN);
		int got = as(w, accounts[i][0], sql, 0, out, sizeof out, why, sizeof why) == 0 && !strcmp(out, "ok");

		if (got != want) {
			print_message("# %s: verwacht %s (%s%s)\n", accounts[i][0], want ? "toegestaan" : "geweigerd", out, why);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
	/* the school is no member */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM vergadering_lid_zetten(%ld, %ld, 'lid')", m3,
		 harness_account(w->su, "school_a"));
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "hoort niet"));
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM vergadering_lid_zetten(%ld, %ld, 'baas')", m3, ext);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_non_null(strstr(why, "voorzitter, secretaris"));
	/* the external deskundige sits in the CT of that day already (v_open) */
	snprintf(sql, sizeof sql, "SELECT coalesce(waarschuwing, '-') FROM vergadering_lid_zetten(%ld, %ld, 'deskundige')",
		 m3, ext);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "Zit tegelijk ook in: CT 13:00–16:00");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "-"); /* the same again: already a member, nothing new */
	assert_int_equal(su_long(w, "SELECT count(*) FROM audit_log WHERE actie = 'lid-zetten' AND object_id = %ld%.0ld",
				 m3, 0), 1);
	/* Bram planned on m3: the member sees him; off the meeting: no more */
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), m3, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_int_equal(as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out,
			    why, sizeof why), 0);
	assert_string_equal(out, "2");
	snprintf(sql, sizeof sql, "SELECT vergadering_lid_weg(%ld, %ld)", m3, ext);
	assert_int_equal(as(w, "coord_a", sql, 1, out, sizeof out, why, sizeof why), -1);
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "ok");
	assert_int_equal(as(w, "extern_a", "SELECT count(*) FROM hulpvraag WHERE nummer IS NOT NULL", 0, out, sizeof out,
			    why, sizeof why), 0);
	assert_string_equal(out, "1"); /* Cem only (extra toegang of the fixture) */
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	assert_string_equal(out, "weg");
	back_to_nieuw(w);
}

/* The CT's "toegekend" on a TLV aanvraag sets up its TLV beschikking with
 * the meeting's deskundige as adviser on the meeting's date (audited); a
 * second toegekend leaves an existing beschikking alone. */
static void toelaatbaar_sets_up_the_tlv_beschikking(void **state)
{
	struct world *w = *state;
	char sql[1024], out[256], why[512];
	long p;

	back_to_nieuw(w);
	/* the flow of Test is a TLV flow when one of its statuses is a tlv
	 * beschikking's; one Bram does not reach here, so the outcome's own
	 * move to Afgerond does not ask for a complete beschikking */
	harness_exec(w->su, "INSERT INTO beschikking_status (organisatie_id, status, soort) "
			    "SELECT id, 'Voorlopige aanmelding', 'tlv' FROM organisatie WHERE code = 'PO1111'");
	plan_sql(sql, sizeof sql, w->hv_bram, hv_version(w, w->hv_bram), w->v_twee, "NULL", "NULL");
	assert_int_equal(as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why), 0);
	p = atol(out);
	assert_int_equal(su_long(w, "SELECT count(*) FROM tlv_beschikking WHERE hulpvraag_id = %ld%.0ld", w->hv_bram, 0), 0);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM agendapunt_uitkomst(%ld, 1, 'toegekend', '', NULL, NULL)", p);
	if (as(w, "sec_a", sql, 1, out, sizeof out, why, sizeof why) < 0)
		fail_msg("toegekend: %s", why);
	assert_string_equal(out, "ok");
	assert_int_equal(su_long(w, "SELECT count(*) FROM tlv_beschikking b, vergadering v, account a "
				    "WHERE b.hulpvraag_id = %ld AND v.id = %ld AND a.username = 'extern_a' "
				    "AND b.a1_naam = a.naam AND b.a1_discipline = '' AND b.a1_datum = v.datum "
				    "AND b.a2_naam = '' AND b.a2_datum IS NULL AND b.nummer IS NULL",
				 w->hv_bram, w->v_twee), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM audit_log WHERE actie = 'tlv-klaargezet' AND object_id = %ld%.0ld",
				 w->hv_bram, 0), 1);
	harness_exec(w->su, "DELETE FROM tlv_beschikking");
	harness_exec(w->su, "DELETE FROM beschikking_status WHERE status = 'Voorlopige aanmelding'");
	harness_exec(w->su, "SET session_replication_role = replica");
	harness_exec(w->su, "UPDATE hulpvraag SET status = 'Nieuw' WHERE status = 'Afgerond'");
	harness_exec(w->su, "SET session_replication_role = DEFAULT");
	back_to_nieuw(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_the_agenda_actions),
		cmocka_unit_test(plan_full_double_and_repeat),
		cmocka_unit_test(member_access_ends_after_the_term),
		cmocka_unit_test(refusals_and_one_transaction),
		cmocka_unit_test(outcome_moves_along_the_flow),
		cmocka_unit_test(last_place_planned_twice_at_once),
		cmocka_unit_test(reorder_move_and_unplan),
		cmocka_unit_test(status_change_outside_the_agenda_lapses_the_point),
		cmocka_unit_test(cancel_with_its_cases_in_one_transaction),
		cmocka_unit_test(members_with_a_warning_and_access_that_ends),
		cmocka_unit_test(toelaatbaar_sets_up_the_tlv_beschikking),
	};

	return cmocka_run_group_tests_name("agenda", tests, setup, teardown);
}
