/* beheer_test.c — the administrator's configuration (025_beheer.sql,
 * issue 13 §6): balie_app, acting as every role there is, can neither call
 * a beheer_* function nor write schools, their history, staff or roles by
 * direct SQL; the administrator's role (here the superuser, as `balie
 * admin` runs with the owner's rights) can, and every change leaves an
 * audit row with ids only.  A new BRIN keeps the school's row (a hulpvraag
 * keeps pointing at it; the former BRIN still finds it), a merger moves
 * only the open hulpvragen, and the staff handover moves the aanvrager of
 * the open hulpvragen of that school, with a dry run that counts and
 * changes nothing. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/beheer.h"
#include "db/hulpvraag.h"

#define DBNAME "t_beheer"

static struct db *su;

static int setup(void **state)
{
	(void)state;
	su = harness_migrated_db(DBNAME);
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(su, "SELECT beheer_bestuur_nieuw('PO1111', 'Stichting Alfa', '12345', NULL, 'door test')");
	harness_exec(su, "SELECT beheer_kring_nieuw('PO1111', 'Kring Noord', '{Helmond}', 'door test')");
	harness_exec(su, "SELECT beheer_school_nieuw('PO1111', '11AA', NULL, 'School Een', '12345', NULL, 'bao', "
			 "'Helmond', 'Helmond', DATE '2026-08-01', 'door test')");
	harness_exec(su, "SELECT beheer_school_nieuw('PO1111', '22BB', NULL, 'School Twee', 'Stichting Alfa', "
			 "'Kring Noord', 'bao', 'Helmond', 'Helmond', DATE '2026-08-01', 'door test')");
	/* the fixture's hulpvragen of school_a (one open, one hidden) at School Een */
	harness_exec(su, "UPDATE hulpvraag SET school_id = (SELECT id FROM school WHERE brin = '11AA') "
			 "WHERE organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111')");
	harness_exec(su, "INSERT INTO account (username, naam, email, wachtwoord_hash) VALUES "
			 "('ib_nieuw', 'IB Nieuw', 'ib.nieuw@school.nl', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA')");
	return 0;
}

/* A change as `balie admin` makes it: db/beheer's own transaction, no
 * acting account (the administrator is no balie account).  Its answer as a
 * number (beheer_overdracht's count). */
static long als_beheerder(const char *sql)
{
	char uit[512];
	struct err e;
	err_clear(&e);
	if (beheer_doe(su, sql, 0, NULL, uit, sizeof uit, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
	return atol(uit);
}

/* How many hulpvragen of school brin are open (0) or closed (1). */
static long bij_school(const char *brin, int afgerond)
{
	char sql[400];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM hulpvraag h JOIN flow_status f ON f.aanvraagtype_id = h.aanvraagtype_id "
		 "AND f.naam = h.status WHERE h.school_id = (SELECT id FROM school WHERE brin = '%s') AND f.eindstatus = %s",
		 brin, afgerond ? "true" : "false");
	return harness_long(su, sql);
}

static int teardown(void **state)
{
	(void)state;
	db_free(&su);
	return 0;
}

/* Every write an administrator does, tried by balie_app as each account. */
static void app_cannot_write(void **state)
{
	static const char *const accounts[] = {"sec_a", "coord_a", "sec_b", "school_a", "extern_a", "geen"};
	static const char *const writes[] = {
		"SELECT beheer_school_nieuw('PO1111', '33CC', NULL, 'X', '12345', NULL, 'bao', 'H', 'Helmond', "
		"current_date, 'x')",
		"SELECT beheer_school_brin('PO1111', '11AA', '44DD', NULL, current_date, 'x')",
		"SELECT beheer_school_sluiten('PO1111', '11AA', current_date, 'x')",
		"SELECT beheer_school_samenvoegen('PO1111', '11AA', '22BB', current_date, 'x')",
		"SELECT beheer_overdracht('PO1111', '11AA', 'school_a', 'ib_nieuw', current_date, false, 'x')",
		"SELECT beheer_overdracht('PO1111', '11AA', 'school_a', 'ib_nieuw', current_date, true, 'x')",
		"SELECT beheer_rol_erbij('geen', 'PO1111', 'admin', 'x')",
		"SELECT beheer_account_bewerken('sec_a', 'Ander', NULL, 'x')",
		"SELECT beheer_kring_coordinator('PO1111', 'Kring Noord', 'coord_a', 'x')",
		"SELECT beheer_school_import('PO1111', '55EE', NULL, 'X', '12345', 'H', 'Helmond', 'bao', 'x')",
		"SELECT beheer_audit(NULL, 'x', 'x', 1, 'x')",
		"UPDATE school SET naam = 'Gekaapt'",
		"UPDATE school SET gesloten_op = current_date",
		"INSERT INTO school_historie (organisatie_id, school_id, per, wat) "
		"SELECT organisatie_id, id, current_date, 'naam' FROM school",
		"INSERT INTO school_medewerker (organisatie_id, school_id, account_id, vanaf) "
		"SELECT s.organisatie_id, s.id, a.id, current_date FROM school s, account a",
		"UPDATE school_medewerker SET tot = current_date",
		"DELETE FROM school_historie",
		"INSERT INTO account_rol SELECT a.id, o.id, 'admin' FROM account a, organisatie o",
		"UPDATE scholenkring SET coordinator_id = NULL",
		"UPDATE schoolbestuur SET gesloten_op = current_date",
	};
	struct db *app = harness_app_db(DBNAME);
	struct err e;
	long schools = harness_long(su, "SELECT count(*) FROM school");
	long historie = harness_long(su, "SELECT count(*) FROM school_historie");
	long rollen = harness_long(su, "SELECT count(*) FROM account_rol");

	(void)state;
	for (size_t a = 0; a < sizeof accounts / sizeof *accounts; a++) {
		db_set_account(app, harness_account(su, accounts[a]));
		for (size_t w = 0; w < sizeof writes / sizeof *writes; w++) {
			int rc = harness_try(app, writes[w], &e);
			if (rc != -1)
				fail_msg("%s mocht: %s", accounts[a], writes[w]);
		}
		/* reading the history is allowed (the screens may show it) */
		assert_int_equal(harness_try(app, "SELECT count(*) FROM school_historie", &e), 0);
	}
	db_free(&app);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school"), schools);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school_historie"), historie);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account_rol"), rollen);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school WHERE naam = 'Gekaapt' OR gesloten_op IS NOT NULL"),
			 0);
}

/* A new BRIN: the same row, the hulpvragen still at it, the old BRIN
 * still finds it; audited without names. */
static void nieuwe_brin(void **state)
{
	struct err e;
	long id = harness_long(su, "SELECT id FROM school WHERE brin = '11AA'");
	long audit = harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'school-brin'");

	(void)state;
	harness_exec(su, "SELECT beheer_school_brin('PO1111', '11AA', '33CC', '01', DATE '2027-08-01', 'door test')");
	assert_int_equal(harness_long(su, "SELECT id FROM school WHERE brin = '33CC' AND vestiging = '01'"), id);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE school_id = %ld", id);
	assert_true(harness_long(su, sql) > 0);
	assert_int_equal(harness_long(su, "SELECT (beheer_school(beheer_org('PO1111'), '11AA')).id"), id);
	assert_int_equal(harness_long(su, "SELECT (beheer_school(beheer_org('PO1111'), '33CC01')).id"), id);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'school-brin' "
					  "AND detail LIKE 'door test%' AND detail NOT LIKE '%School Een%'"),
			 audit + 1);
	/* a BRIN another school has: refused with a Dutch hint */
	assert_int_equal(harness_try(su, "SELECT beheer_school_brin('PO1111', '33CC01', '22BB', NULL, current_date, 'x')",
				     &e),
			 -1);
	assert_non_null(strstr(e.msg, "voeg de scholen samen"));
}

/* The handover: a dry run counts and changes nothing; the real one moves
 * the open hulpvragen of that school (not the closed ones), records who
 * works there from when and refuses an account that is no aanvrager. */
static void overdracht(void **state)
{
	struct err e;

	(void)state;
	long open = harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN flow_status f ON f.aanvraagtype_id = "
				     "h.aanvraagtype_id AND f.naam = h.status JOIN account a ON a.id = h.aanvrager_id "
				     "WHERE a.username = 'school_a' AND NOT f.eindstatus");
	assert_true(open > 0);
	assert_int_equal(harness_try(su, "SELECT beheer_overdracht('PO1111', '33CC01', 'school_a', 'ib_nieuw', "
					 "DATE '2027-01-01', true, 'door test')",
				     &e),
			 -1);
	assert_non_null(strstr(e.msg, "geen rol aanvrager"));
	harness_exec(su, "SELECT beheer_rol_erbij('ib_nieuw', 'PO1111', 'aanvrager', 'door test')");
	harness_exec(su, "SELECT beheer_medewerker('PO1111', '33CC01', 'school_a', NULL, DATE '2020-08-01', 'door test')");
	assert_int_equal(harness_long(su, "SELECT beheer_overdracht('PO1111', '33CC01', 'school_a', 'ib_nieuw', "
					  "DATE '2027-01-01', true, 'door test')"),
			 open);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN account a ON a.id = h.aanvrager_id "
					  "WHERE a.username = 'ib_nieuw'"),
			 0);
	assert_int_equal(als_beheerder("SELECT beheer_overdracht('PO1111', '33CC01', 'school_a', 'ib_nieuw', "
				       "DATE '2027-01-01', false, 'door test')"),
			 open);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN account a ON a.id = h.aanvrager_id "
					  "WHERE a.username = 'ib_nieuw' AND h.aanvrager_email = 'ib.nieuw@school.nl' "
					  "AND h.aanvrager_naam = 'IB Nieuw'"),
			 open);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school_medewerker m JOIN account a ON a.id = m.account_id "
					  "WHERE a.username = 'school_a' AND m.tot = DATE '2026-12-31'"),
			 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school_medewerker m JOIN account a ON a.id = m.account_id "
					  "WHERE a.username = 'ib_nieuw' AND m.vanaf = DATE '2027-01-01' AND m.tot IS NULL"),
			 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie = 'overdracht-hulpvraag'"), open);
	/* the new IB'er sees them under row-level security now */
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(su, "ib_nieuw"));
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), open);
	db_free(&app);
}

/* A merger moves the open hulpvragen and closes the school; closing
 * twice is refused. */
static void samenvoegen(void **state)
{
	struct err e;

	(void)state;
	long open = bij_school("33CC", 0), dicht = bij_school("33CC", 1);
	als_beheerder("SELECT beheer_school_samenvoegen('PO1111', '33CC01', '22BB', DATE '2027-08-01', 'door test')");
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag WHERE school_id = "
					  "(SELECT id FROM school WHERE brin = '22BB')"),
			 open);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag WHERE school_id = "
					  "(SELECT id FROM school WHERE brin = '33CC')"),
			 dicht);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM school WHERE brin = '33CC' AND gesloten_op = "
					  "DATE '2027-08-01' AND opgegaan_in = (SELECT id FROM school WHERE brin = '22BB')"),
			 1);
	assert_int_equal(harness_try(su, "SELECT beheer_school_sluiten('PO1111', '33CC01', current_date, 'x')", &e), -1);
	assert_non_null(strstr(e.msg, "al gesloten"));
	/* the intake's school list: a school closed today last and marked, a
	 * former BRIN there to search on (whatever today is: School Een
	 * closes per 1-8-2027, and a closed one sorts by name after the open) */
	harness_exec(su, "SELECT beheer_school_nieuw('PO1111', '44DD', NULL, 'School Vier', '12345', 'Kring Noord', 'bao', "
			 "'Helmond', 'Helmond', current_date, 'door test')");
	als_beheerder("SELECT beheer_school_sluiten('PO1111', '44DD', current_date, 'door test')");
	struct hv_item *it = NULL;
	int n = 0;
	assert_int_equal(intake_scholen(su, harness_long(su, "SELECT id FROM organisatie WHERE code = 'PO1111'"), &it, &n,
					&e),
			 0);
	assert_int_equal(n, 3);
	assert_string_equal(it[2].naam, "School Vier");
	assert_string_equal(it[2].extra, "44DD  Helmond  gesloten");
	for (int i = 0; i < n; i++)
		if (!strcmp(it[i].naam, "School Een"))
			assert_true(!strncmp(it[i].extra, "33CC01  Helmond  ", 17) && strstr(it[i].extra, "was 11AA"));
	free(it);
}

/* Roles: the last role is not taken, nor the coördinator's role of a
 * scholenkring; both leave the data as they were. */
static void rollen(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(harness_try(su, "SELECT beheer_rol_eraf('sec_b', 'PO2222', NULL, 'x')", &e), -1);
	assert_non_null(strstr(e.msg, "geen enkele rol meer"));
	harness_exec(su, "SELECT beheer_kring_coordinator('PO1111', 'Kring Noord', 'coord_a', 'door test')");
	harness_exec(su, "SELECT beheer_rol_erbij('coord_a', 'PO2222', 'coordinator', 'door test')");
	assert_int_equal(harness_try(su, "SELECT beheer_rol_eraf('coord_a', 'PO1111', 'coordinator', 'x')", &e), -1);
	assert_non_null(strstr(e.msg, "coördinator van scholenkring Kring Noord"));
	harness_exec(su, "SELECT beheer_rol_eraf('coord_a', 'PO2222', NULL, 'door test')");
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account_rol r JOIN account a ON a.id = r.account_id "
					  "WHERE a.username = 'coord_a'"),
			 1);
	assert_int_equal(harness_try(su, "SELECT beheer_kring_coordinator('PO1111', 'Kring Noord', 'sec_a', 'x')", &e),
			 -1);
	assert_non_null(strstr(e.msg, "geen rol coördinator"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(app_cannot_write),
		cmocka_unit_test(nieuwe_brin),
		cmocka_unit_test(overdracht),
		cmocka_unit_test(samenvoegen),
		cmocka_unit_test(rollen),
	};
	return cmocka_run_group_tests_name("beheer", tests, setup, teardown);
}
