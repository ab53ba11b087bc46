/* werkdag2_test.c — the home screen's maintained counts of 024 (issue 13
 * §2): "Te plannen" follows the agenda's te-plannen set through status
 * changes and agendapunten (deltas, the fold and the recount agree with
 * the set itself); "nieuw toegewezen" counts the assignments by someone
 * else since the coördinator last looked.  Every role tries the new tables
 * and the function by direct SQL as balie_app. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/home.h"
#include "db/hulpvraag.h"
#include "db/outcome.h"
#include "harness.h"

#define DBNAME "t_werkdag2"

static struct db *su;

static const char *const roles[] = { "sec_a", "coord_a", "sec_b", "school_a", "extern_a", "geen" };
#define NROLES (sizeof roles / sizeof roles[0])

/* The agenda's te-plannen set of organisatie A, counted the way
 * db_agenda_te_plannen selects it (the reference). */
#define SET_A                                                                                            \
	"SELECT count(*) FROM flow_agenda f JOIN hulpvraag h ON h.aanvraagtype_id = f.aanvraagtype_id "  \
	"   AND (h.status = ANY (f.van) OR h.status = f.naar) "                                           \
	" WHERE h.organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111') "                    \
	"   AND NOT EXISTS (SELECT 1 FROM agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)"
#define COUNT_A                                                                                          \
	"SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_plannen "                                 \
	" WHERE organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111')"

static int setup(void **state)
{
	(void)state;
	su = harness_migrated_db(DBNAME);
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	/* Nieuw is ready for the CT of A; planning moves it to In behandeling */
	harness_exec(su, "INSERT INTO flow_agenda (aanvraagtype_id, commissie, van, naar) "
			 "SELECT a.id, 'CT', ARRAY['Nieuw'], 'In behandeling' FROM aanvraagtype a "
			 " JOIN organisatie o ON o.id = a.organisatie_id WHERE o.code = 'PO1111'");
	harness_exec(su, "INSERT INTO commissie (organisatie_id, code, naam) "
			 "SELECT id, 'CT', 'Commissie van toelaatbaarheid' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(su, "INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, "
			 "                         capaciteit_zaken, deadline) "
			 "SELECT c.organisatie_id, c.id, DATE '2030-01-15', '13:00', '16:00', 6, DATE '2030-01-01' "
			 "  FROM commissie c");
	/* the status moves of these tests, as balie's automatic rules (the
	 * fixture's flow has only the roles' moves) */
	harness_exec(su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			 "SELECT a.id, t.van, t.naar, 'automatisch' FROM aanvraagtype a, (VALUES "
			 "('Nieuw', 'Afgerond'), ('Afgerond', 'Nieuw'), ('Nieuw', 'In behandeling'), "
			 "('In behandeling', 'Nieuw'), ('In behandeling', 'Afgerond')) t(van, naar)");
	harness_exec(su, "SELECT set_config('balie.automatisch', 'on', false)");
	harness_exec(su, "SELECT telling_plannen_herbereken()");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_free(&su);
	return 0;
}

static long hv(const char *roepnaam)
{
	char sql[256];

	snprintf(sql, sizeof sql,
		 "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = '%s'", roepnaam);
	return harness_long(su, sql);
}

/* The maintained count equals the set, before and after the fold, and a
 * recount from scratch gives the same. */
static void assert_count_is_set(long expect)
{
	assert_int_equal(harness_long(su, SET_A), expect);
	assert_int_equal(harness_long(su, COUNT_A), expect);
	harness_exec(su, "SELECT telling_vouwen()");
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag_telling_plannen_delta"), 0);
	assert_int_equal(harness_long(su, COUNT_A), expect);
	harness_exec(su, "SELECT telling_plannen_herbereken()");
	assert_int_equal(harness_long(su, COUNT_A), expect);
}

/* Te plannen follows status changes and agendapunten, in either order. */
static void te_plannen_follows_the_set(void **state)
{
	char sql[512];
	long bram = hv("Bram"), cem = hv("Cem");

	(void)state;
	/* Bram and Cem are Nieuw in A (Anna is a voorlopige aanmelding) */
	assert_count_is_set(2);
	/* a status away from Nieuw and back */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Afgerond' WHERE id = %ld", bram);
	harness_exec(su, sql);
	assert_count_is_set(1);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Nieuw' WHERE id = %ld", bram);
	harness_exec(su, sql);
	assert_count_is_set(2);
	/* planned: the agendapunt first, then the status (as plannen does) */
	snprintf(sql, sizeof sql,
		 "INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde) "
		 "SELECT v.organisatie_id, v.id, %ld, 1 FROM vergadering v", cem);
	harness_exec(su, sql);
	assert_count_is_set(1);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'In behandeling' WHERE id = %ld", cem);
	harness_exec(su, sql);
	assert_count_is_set(1);
	/* taken off the meeting: in the set again (its status is the flow's naar) */
	snprintf(sql, sizeof sql, "UPDATE agendapunt SET open = false WHERE hulpvraag_id = %ld", cem);
	harness_exec(su, sql);
	assert_count_is_set(2);
	/* the other order: status first, then the agendapunt, in one statement
	 * (both triggers then see the end state) */
	snprintf(sql, sizeof sql,
		 "WITH u AS (UPDATE hulpvraag SET status = 'In behandeling' WHERE id = %ld RETURNING id) "
		 "INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde) "
		 "SELECT v.organisatie_id, v.id, u.id, 2 FROM vergadering v, u",
		 bram);
	harness_exec(su, sql);
	assert_count_is_set(1);
	/* a new hulpvraag in Nieuw joins it */
	harness_exec(su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			 "                       status_categorie) "
			 "SELECT h.organisatie_id, h.dossier_id, h.aanvraagtype_id, 'Tweede', DATE '2026-10-02', 'Nieuw', '' "
			 "  FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = 'Anna'");
	assert_count_is_set(2);
}

/* Every role by direct SQL as balie_app: the back office of A reads A's
 * count, nobody else reads a row, and nobody writes one. */
static void te_plannen_per_role(void **state)
{
	struct db *app = harness_app_db(DBNAME);
	struct err e;

	(void)state;
	for (size_t i = 0; i < NROLES; i++) {
		long expect = !strcmp(roles[i], "sec_a") || !strcmp(roles[i], "coord_a")
				      ? harness_long(su, COUNT_A)
				      : 0;

		db_set_account(app, harness_account(su, roles[i]));
		assert_int_equal(harness_long(app, "SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_plannen"),
				 expect);
		assert_int_equal(harness_try(app, "INSERT INTO hulpvraag_telling_plannen_delta "
						  "SELECT id, 'CT', 1 FROM organisatie", &e), -1);
		assert_int_equal(harness_try(app, "UPDATE hulpvraag_telling_plannen_basis SET aantal = 99", &e), -1);
		assert_int_equal(harness_try(app, "DELETE FROM hulpvraag_telling_plannen_basis", &e), -1);
		assert_int_equal(harness_try(app, "SELECT telling_plannen_herbereken()", &e), -1);
	}
	db_free(&app);
}

/* Assigned by someone else (here: balie itself) counts as nieuw until the
 * coördinator looks; their own choice never does; each role reads only its
 * own assignments and moments and writes neither. */
static void nieuw_toegewezen(void **state)
{
	struct db *app = harness_app_db(DBNAME);
	long coord = harness_account(su, "coord_a");
	long org = harness_long(su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	struct home_werk w;
	struct err e;
	char sql[512];
	enum db_failure kind;
	const char *p[1];
	char orgs[24];

	(void)state;
	snprintf(orgs, sizeof orgs, "%ld", org);
	p[0] = orgs;
	harness_exec(su, "UPDATE agendapunt SET open = false");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = %ld WHERE id = %ld", coord, hv("Bram"));
	harness_exec(su, sql);
	db_set_account(app, coord);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 1);
	assert_int_equal(w.te_plannen, harness_long(su, COUNT_A));

	/* looked: nothing new; then one more by someone else */
	assert_int_equal(home_werkvoorraad_bekeken(app, org, &e), 0);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 0);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = %ld WHERE id = %ld", coord, hv("Cem"));
	harness_exec(su, sql);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 1);
	/* closed: no longer news */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Afgerond' WHERE id = %ld", hv("Cem"));
	harness_exec(su, sql);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 0);

	for (size_t i = 0; i < NROLES; i++) {
		long acc = harness_account(su, roles[i]);
		int own = !strcmp(roles[i], "coord_a");
		PGresult *r;

		db_set_account(app, acc);
		assert_int_equal(harness_long(app, "SELECT count(*) FROM toewijzing"), own ? 2 : 0);
		assert_int_equal(harness_try(app, "INSERT INTO toewijzing (organisatie_id, hulpvraag_id, coordinator_id) "
						  "SELECT organisatie_id, id, coordinator_id FROM hulpvraag "
						  " WHERE coordinator_id IS NOT NULL", &e), -1);
		assert_int_equal(harness_try(app, "UPDATE toewijzing SET op = now() + interval '1 day'", &e), -1);
		assert_int_equal(harness_try(app, "DELETE FROM toewijzing", &e), -1);
		assert_int_equal(harness_try(app, "UPDATE werkvoorraad_gezien SET op = '-infinity'", &e), -1);
		assert_int_equal(harness_try(app, "DELETE FROM werkvoorraad_gezien", &e), -1);
		assert_int_equal(harness_try(app, "INSERT INTO werkvoorraad_gezien (account_id, organisatie_id) "
						  "SELECT id, 1 FROM account", &e), -1);
		/* looking at one's werkvoorraad in A: who has one there */
		r = db_exec_as_account(app, &e, &kind, "SELECT werkvoorraad_bekeken($1)", 1, p);
		int may = !strcmp(roles[i], "sec_a") || own || !strcmp(roles[i], "school_a") ||
			  !strcmp(roles[i], "extern_a");
		if (r)
			PQclear(r);
		assert_int_equal(r != NULL, may);
		assert_int_equal(harness_long(app, "SELECT count(*) FROM werkvoorraad_gezien"), may ? 1 : 0);
	}
	/* each one's own moment only */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM werkvoorraad_gezien"), 4);
	/* through the application's own path: the secretariaat's choice is
	 * news for the coördinator, the coördinator's own choice is not */
	long bram = hv("Bram"), dirk = hv("Cem");
	struct outcome o;
	int nv;

	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = NULL, status = 'Nieuw' WHERE id IN (%ld, %ld)",
		 bram, dirk);
	harness_exec(su, sql);
	db_set_account(app, coord);
	assert_int_equal(home_werkvoorraad_bekeken(app, org, &e), 0);
	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", bram);
	assert_int_equal(hulpvraag_set_coordinator(app, bram, (int)harness_long(su, sql), coord, &nv, &o),
			 OUTCOME_SAVED);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 0);
	db_set_account(app, harness_account(su, "sec_a"));
	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", dirk);
	assert_int_equal(hulpvraag_set_coordinator(app, dirk, (int)harness_long(su, sql), coord, &nv, &o),
			 OUTCOME_SAVED);
	db_set_account(app, coord);
	assert_int_equal(home_werk(app, org, coord, "2026-01-01", &w, &e), 0);
	assert_int_equal(w.mijn_nieuw, 1);
	db_free(&app);
}

/* 004 §2.7/§3.7 and §3.6: the coördinator gets a mail of an assignment by
 * someone else and of "Arrangement>geëvalueerd door school", without the
 * pupil's name; none without an e-mail address. */
static void coordinator_mails(void **state)
{
	long coord = harness_account(su, "coord_a");
	char sql[600];
	long bram = hv("Bram");

	(void)state;
	harness_exec(su, "UPDATE account SET email = NULL WHERE username = 'coord_a'");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = NULL WHERE id = %ld", bram);
	harness_exec(su, sql);
	harness_exec(su, "DELETE FROM outbox");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = %ld WHERE id = %ld", coord, bram);
	harness_exec(su, sql);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM outbox"), 0); /* no address: no mail */
	harness_exec(su, "UPDATE account SET email = 'coord@alfa.example' WHERE username = 'coord_a'");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = NULL WHERE id = %ld", bram);
	harness_exec(su, sql);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET coordinator_id = %ld WHERE id = %ld", coord, bram);
	harness_exec(su, sql);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM outbox WHERE aan = 'coord@alfa.example' "
					  "AND onderwerp LIKE 'Hulpvraag % is aan je toegewezen'"), 1);
	/* the geëvalueerd status (added to the fixture's flow for this test) */
	harness_exec(su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			 "SELECT id, 'Arrangement>geëvalueerd door school', 'Arrangement', false, false, 5 FROM aanvraagtype");
	harness_exec(su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			 "SELECT id, s.van, 'Arrangement>geëvalueerd door school', 'automatisch' FROM aanvraagtype, "
			 "(VALUES ('Nieuw'), ('In behandeling')) s(van)");
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'Arrangement>geëvalueerd door school' WHERE id = %ld",
		 bram);
	harness_exec(su, sql);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM outbox WHERE aan = 'coord@alfa.example' "
					  "AND onderwerp LIKE '%arrangement geëvalueerd door school'"), 1);
	/* never the pupil's name */
	assert_int_equal(harness_long(su, "SELECT count(*) FROM outbox o JOIN hulpvraag h ON h.id = o.hulpvraag_id "
					  "JOIN dossier d ON d.id = h.dossier_id "
					  "WHERE o.onderwerp || o.tekst ILIKE '%' || d.roepnaam || '%' "
					  "   OR o.onderwerp || o.tekst ILIKE '%' || d.achternaam || '%'"), 0);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM outbox"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(te_plannen_follows_the_set),
		cmocka_unit_test(te_plannen_per_role),
		cmocka_unit_test(nieuw_toegewezen),
		cmocka_unit_test(coordinator_mails),
	};
	return cmocka_run_group_tests_name("werkdag2", tests, setup, teardown);
}
