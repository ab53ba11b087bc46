/* dossier_test.c — keeping a dossier up (issue 14 §1, migration 017):
 * address history (a new address closes the old one; an address is never
 * overwritten), school periods that may not overlap, the version check when
 * two people edit the same dossier, the idempotency key of a new address,
 * and every role trying each dossier write as balie_app. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/dossier.h"
#include "db/hulpvraag.h"
#include "db/outcome.h"

#define DBNAME "t_dossier"

struct world {
	struct db *su;
	long bram, cem, school1, school2;
};

static struct db *app_as(struct world *w, const char *user)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(w->su, user));
	return app;
}

static long count(struct world *w, const char *fmt, long id)
{
	char sql[600];

	snprintf(sql, sizeof sql, fmt, id);
	return harness_long(w->su, sql);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, hash);
	harness_fin_adm(w->su, hash);
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) "
			    "SELECT id, 'Stichting Alfa' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) "
			    "SELECT b.organisatie_id, b.id, v.brin, v.naam FROM schoolbestuur b, "
			    "(VALUES ('14SS', 'De Regenboog'), ('15TT', 'De Kameleon')) v(brin, naam)");
	w->school1 = harness_long(w->su, "SELECT id FROM school WHERE brin = '14SS'");
	w->school2 = harness_long(w->su, "SELECT id FROM school WHERE brin = '15TT'");
	w->bram = harness_long(w->su, "SELECT id FROM dossier WHERE roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT id FROM dossier WHERE roepnaam = 'Cem'");
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

static void adres_history(void **state)
{
	struct world *w = *state;
	struct db *app = app_as(w, "sec_a");
	struct dossier_adres_nieuw a = { "woonadres", "Kerkstraat", "12a", "5701ab", "Helmond", "1-8-2020", "" };
	struct outcome o;
	char key1[OUTCOME_KEY_LEN], key2[OUTCOME_KEY_LEN];
	struct err e;

	outcome_key_new(key1);
	outcome_key_new(key2);
	assert_int_equal(dossier_adres_add(app, w->bram, &a, key1, &o), OUTCOME_SAVED);
	long first = o.id;
	/* normalised as core says */
	assert_int_equal(count(w, "SELECT count(*) FROM adres WHERE id = %ld AND postcode = '5701 AB' "
				  "AND huisnummer = '12A' AND vanaf = DATE '2020-08-01' AND tot IS NULL", first), 1);
	/* the same key again: the first row, not a second */
	assert_int_equal(dossier_adres_add(app, w->bram, &a, key1, &o), OUTCOME_SAVED);
	assert_int_equal(o.id, first);
	assert_true(o.repeated);
	assert_int_equal(count(w, "SELECT count(*) FROM adres WHERE dossier_id = %ld", w->bram), 1);
	/* moving house: a new row, the old one closed the day before */
	struct dossier_adres_nieuw b = { "woonadres", "Markt", "3", "5701 AC", "Helmond", "15-3-2024", "bij moeder" };
	assert_int_equal(dossier_adres_add(app, w->bram, &b, key2, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM adres WHERE id = %ld AND tot = DATE '2024-03-14' "
				  "AND straat = 'Kerkstraat'", first), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM adres WHERE dossier_id = %ld AND tot IS NULL "
				  "AND straat = 'Markt' AND opmerking = 'bij moeder'", w->bram), 1);
	/* never an overwrite, not even by direct SQL as the application */
	err_clear(&e);
	char sql[300];
	snprintf(sql, sizeof sql, "UPDATE adres SET straat = 'Anders' WHERE id = %ld", first);
	assert_int_equal(db_begin(app, &e), 0);
	assert_int_equal(harness_try(app, sql, &e), -1);
	assert_non_null(strstr(e.msg, "niet overschreven"));
	db_rollback(app);
	/* an address that starts before the open one (without an end) is refused */
	char key3[OUTCOME_KEY_LEN];
	outcome_key_new(key3);
	struct dossier_adres_nieuw c = { "woonadres", "Oud", "1", "5701 AD", "Helmond", "1-1-2024", "" };
	assert_int_equal(dossier_adres_add(app, w->bram, &c, key3, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "Er is al een adres vanaf 15-03-2024"));
	/* bad input: a clear Dutch error, nothing written */
	struct dossier_adres_nieuw d = { "woonadres", "Markt", "3", "12345", "Helmond", "1-1-2025", "" };
	assert_int_equal(dossier_adres_add(app, w->bram, &d, key3, &o), OUTCOME_REFUSED);
	assert_true(strlen(o.err.msg) > 0);
	assert_int_equal(count(w, "SELECT count(*) FROM adres WHERE dossier_id = %ld", w->bram), 2);
	/* audit: no street, no name */
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'adres' AND object_id = %ld "
				  "AND detail = 'woonadres'", first), 1);
	db_free(&app);
}

static void school_periods_do_not_overlap(void **state)
{
	struct world *w = *state;
	struct db *app = app_as(w, "coord_a");
	struct dossier_school_invoer s1 = { w->school1, "1-8-2019", "", "groep 3", "juf Ans", "", "0492-123456" };
	struct dossier_school_invoer s2 = { w->school2, "1-8-2023", "", "groep 7", "", "ib@kameleon.example", "" };
	struct dossier_school_invoer s3 = { w->school1, "1-1-2022", "31-12-2022", "", "", "", "" };
	struct outcome o;
	char k1[OUTCOME_KEY_LEN], k2[OUTCOME_KEY_LEN], k3[OUTCOME_KEY_LEN];

	outcome_key_new(k1);
	outcome_key_new(k2);
	outcome_key_new(k3);
	assert_int_equal(dossier_school_save(app, w->cem, 0, 0, &s1, k1, &o), OUTCOME_SAVED);
	long first = o.id;
	/* a new school: the open period closes the day before */
	assert_int_equal(dossier_school_save(app, w->cem, 0, 0, &s2, k2, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM schoolgegevens WHERE id = %ld AND tot = DATE '2023-07-31'", first),
			 1);
	/* a period inside an earlier one: refused, with which one it overlaps */
	assert_int_equal(dossier_school_save(app, w->cem, 0, 0, &s3, k3, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "De periode overlapt met De Regenboog, 01-08-2019 – 31-07-2023"));
	/* an end before the start: core says so before the database */
	struct dossier_school_invoer s4 = { w->school1, "1-8-2015", "1-8-2014", "", "", "", "" };
	assert_int_equal(dossier_school_save(app, w->cem, 0, 0, &s4, k3, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "ligt voor de begindatum"));
	assert_int_equal(count(w, "SELECT count(*) FROM schoolgegevens WHERE dossier_id = %ld", w->cem), 2);
	db_free(&app);
}

static void two_people_edit_the_same_dossier(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a"), *coord = app_as(w, "coord_a");
	struct outcome o;
	int v = (int)count(w, "SELECT version FROM dossier WHERE id = %ld", w->bram);

	assert_int_equal(dossier_set_veld(sec, w->bram, v, DV_TELEFOON, "06-12345678", &o), OUTCOME_SAVED);
	assert_int_equal(o.version, v + 1);
	/* the coordinator still had the old version on screen */
	assert_int_equal(dossier_set_veld(coord, w->bram, v, DV_EMAIL, "bram@example.nl", &o), OUTCOME_CONFLICT);
	assert_string_equal(o.door, "Secretariaat Alfa");
	assert_int_equal(count(w, "SELECT count(*) FROM dossier WHERE id = %ld AND email IS NULL", w->bram), 1);
	/* with the new version it goes in */
	assert_int_equal(dossier_set_veld(coord, w->bram, v + 1, DV_EMAIL, "bram@example.nl", &o), OUTCOME_SAVED);
	/* the surname as typed: particles into tussenvoegsel, the sort key follows */
	assert_int_equal(dossier_set_veld(coord, w->bram, v + 2, DV_ACHTERNAAM, "van der Vries", &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM dossier WHERE id = %ld AND tussenvoegsel = 'van der' "
				  "AND achternaam = 'Vries' AND sorteernaam LIKE 'vries%%'", w->bram), 1);
	/* a birth date in the future: refused with a Dutch reason, nothing written */
	assert_int_equal(dossier_set_veld(coord, w->bram, v + 3, DV_GEBOORTEDATUM, "1-1-2999", &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "ligt in de toekomst"));
	assert_int_equal(dossier_set_veld(coord, w->bram, v + 3, DV_GEBOORTEDATUM, "3-2-2016", &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM dossier WHERE id = %ld AND geboortedatum = DATE '2016-02-03'",
			       w->bram), 1);
	/* the conflict names who changed it: gewijzigd_door followed the acting account */
	assert_int_equal(count(w, "SELECT gewijzigd_door FROM dossier WHERE id = %ld", w->bram),
			 harness_account(w->su, "coord_a"));
	db_free(&sec);
	db_free(&coord);
}

/* Each role tries each write by direct SQL as balie_app; only the roles the
 * rulebook gives dossier-bewerken (or intake, for a new row) get through. */
static void every_role_every_write(void **state)
{
	struct world *w = *state;
	static const struct {
		const char *user;
		int mag;
	} roles[] = {
		{ "sec_a", 1 }, { "coord_a", 1 }, { "adm_a", 1 }, { "fin_a", 0 }, { "school_a", 0 }, { "extern_a", 0 },
		{ "sec_b", 0 }, { "geen", 0 },
	};
	char sql[4][400];
	int tried = 0;

	snprintf(sql[0], sizeof sql[0], "UPDATE dossier SET telefoon = '0499123456' WHERE id = %ld RETURNING id", w->bram);
	snprintf(sql[1], sizeof sql[1],
		 "INSERT INTO relatie (dossier_id, organisatie_id, soort, naam) SELECT id, organisatie_id, 'ouder', 'X' "
		 "FROM dossier WHERE id = %ld RETURNING id", w->bram);
	snprintf(sql[2], sizeof sql[2],
		 "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf) "
		 "SELECT id, organisatie_id, 'postadres', 'Postbus', '1', '5701 AA', 'Helmond', DATE '2030-01-01' "
		 "FROM dossier WHERE id = %ld RETURNING id", w->bram);
	snprintf(sql[3], sizeof sql[3], "UPDATE relatie SET gezag = false WHERE dossier_id = %ld RETURNING id", w->bram);
	harness_exec(w->su, "INSERT INTO relatie (dossier_id, organisatie_id, soort, naam) "
			    "SELECT id, organisatie_id, 'voogd', 'Y' FROM dossier WHERE roepnaam = 'Bram'");
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		for (int k = 0; k < 4; k++) {
			struct db *app = app_as(w, roles[i].user);
			struct err e;
			PGresult *r;
			int done = 0;

			err_clear(&e);
			assert_int_equal(db_begin(app, &e), 0);
			r = db_exec(app, &e, NULL, sql[k], 0, NULL);
			if (r) {
				done = PQntuples(r) > 0;
				PQclear(r);
			}
			db_rollback(app);
			db_free(&app);
			if (done != roles[i].mag)
				fail_msg("%s, statement %d: %s (verwacht %s) %s", roles[i].user, k, done ? "toegestaan" : "geweigerd",
					 roles[i].mag ? "toegestaan" : "geweigerd", e.msg);
			tried++;
		}
	}
	print_message("# %d combinaties van rol en dossierschrijfactie geprobeerd\n", tried);
}

/* Intake asks what the type's checklist needs and writes it in its own
 * transaction; an SWV-entered request starts where the aanvrager's
 * "gereed" would take it, a status "te controleren" shows. */
static void intake_fills_what_the_checklist_needs(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	long type = harness_long(w->su, "SELECT a.id FROM aanvraagtype a JOIN organisatie o ON o.id = a.organisatie_id "
					"WHERE o.code = 'PO1111'");
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	unsigned vragen = 0;
	struct hv_nieuw n;
	struct outcome o;
	struct err e;
	long id = 0, nummer = 0;
	char sql[1600];

	static const char *const setup_sql[] = {
		"INSERT INTO compleet_regel (aanvraagtype_id, nr, omschrijving, melding) VALUES "
		"(%1$ld, 1, 'Woonadres', 'Vul het woonadres in'), (%1$ld, 2, 'Geslacht', 'Vul het geslacht in'), "
		"(%1$ld, 3, 'Schoolgegevens', 'Vul de schoolgegevens in')",
		"INSERT INTO compleet_voorwaarde (aanvraagtype_id, nr, alt, soort, arg) VALUES "
		"(%1$ld, 1, 1, 'basisgegeven', 'woonadres'), (%1$ld, 2, 1, 'basisgegeven', 'geslacht'), "
		"(%1$ld, 3, 1, 'schoolgegevens', NULL)",
		"INSERT INTO aanvraagtype_titel VALUES (%1$ld, 'Ambulante begeleiding')",
		"UPDATE aanvraagtype SET eerste_status = 'Voorlopige aanmelding' WHERE id = %1$ld",
		"UPDATE flow_status SET controleren = true WHERE aanvraagtype_id = %1$ld AND naam = 'Nieuw'",
	};
	for (size_t i = 0; i < sizeof setup_sql / sizeof setup_sql[0]; i++) {
		snprintf(sql, sizeof sql, setup_sql[i], type);
		harness_exec(w->su, sql);
	}
	err_clear(&e);
	assert_int_equal(dossier_intake_vragen(sec, type, 0, &vragen, &e), 0);
	assert_int_equal(vragen, DOSSIER_VRAAG_GESLACHT | DOSSIER_VRAAG_WOONADRES | DOSSIER_VRAAG_OUDER |
					 DOSSIER_VRAAG_LEERJAAR);

	memset(&n, 0, sizeof n);
	n.organisatie_id = org;
	n.roepnaam = "Lotte";
	n.achternaam_getypt = "ter Horst";
	n.geboortedatum = "03-02-2016";
	n.titel = "Ambulante begeleiding";
	n.omschrijving = "";
	n.school_id = w->school1;
	n.aanvrager_naam = "J. de Wit";
	n.geslacht = "v";
	n.straat = "Kerkstraat";
	n.huisnummer = "x12"; /* refused: nothing written */
	n.postcode = "5701ab";
	n.plaats = "Helmond";
	n.ouder_naam = "P. ter Horst";
	n.ouder_email = "p.terhorst@example.nl";
	n.leerjaar = "groep 5";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM dossier WHERE achternaam = 'Horst'"), 0);
	n.huisnummer = "12 a";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
		 "  JOIN adres a ON a.dossier_id = d.id AND a.soort = 'woonadres' AND a.postcode = '5701 AB' AND a.huisnummer = '12A' "
		 "  JOIN relatie r ON r.dossier_id = d.id AND r.soort = 'ouder' AND r.gezag "
		 "  JOIN schoolgegevens g ON g.dossier_id = d.id AND g.leerjaar = 'groep 5' "
		 " WHERE h.id = %ld AND d.geslacht = 'v' AND d.tussenvoegsel = 'ter' AND h.status = 'Nieuw'",
		 id);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* the existing dossier now lacks nothing: intake asks nothing */
	long dos = count(w, "SELECT dossier_id FROM hulpvraag WHERE id = %ld", id);
	assert_int_equal(dossier_intake_vragen(sec, type, dos, &vragen, &e), 0);
	assert_int_equal(vragen, 0);
	db_free(&sec);
}

/* "Een andere titel mag ook" (000): a title that is no fixed title goes to
 * the profile's standaard type, without a coördinator by scholenkring; a
 * title with the pupil's name is still refused. */
static void free_title_goes_to_the_standaard_type(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	long type = harness_long(w->su, "SELECT id FROM aanvraagtype WHERE organisatie_id = "
					"(SELECT id FROM organisatie WHERE code = 'PO1111')");
	long id = 0, nummer = 0, std = 0;
	char naam[200], sql[400];
	struct hv_nieuw n;
	struct outcome o;
	struct err e;

	err_clear(&e);
	assert_int_equal(dossier_intake_standaardtype(sec, org, &std, naam, sizeof naam, &e), 0);
	assert_int_equal(std, 0); /* none yet: intake offers no free title */
	memset(&n, 0, sizeof n);
	n.organisatie_id = org;
	n.dossier_id = w->cem;
	n.titel = "Gesprek over lezen";
	n.omschrijving = "";
	n.school_id = w->school1;
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	snprintf(sql, sizeof sql, "UPDATE aanvraagtype SET standaard = true, coordinator_scholenkring = true WHERE id = %ld",
		 type);
	harness_exec(w->su, sql);
	assert_int_equal(dossier_intake_standaardtype(sec, org, &std, naam, sizeof naam, &e), 0);
	assert_int_equal(std, type);
	assert_string_equal(naam, "Test");
	n.titel = "Gesprek met Cem";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	n.titel = "Gesprek over lezen";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND titel = 'Gesprek over lezen' "
				  "AND coordinator_id IS NULL", id), 1);
	db_free(&sec);
}

/* Issue 14 §1: a hulpvraag about a group or a school gets the dossier of
 * niveau groep (groepsnaam = class and school, never "groep …") or school,
 * found again the next time (names folded), never a second one; the
 * leerling's questions do not apply. */
static void intake_groep_en_school(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a");
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	long id = 0, nummer = 0, id2 = 0, nummer2 = 0;
	struct hv_nieuw n;
	struct outcome o;
	char sql[400];

	harness_exec(w->su, "INSERT INTO aanvraagtype_titel SELECT id, 'Groepsarrangement' FROM aanvraagtype "
			    "ON CONFLICT DO NOTHING");
	memset(&n, 0, sizeof n);
	n.organisatie_id = org;
	n.titel = "Groepsarrangement";
	n.omschrijving = "Onrust in de klas";
	n.school_id = w->school2;
	n.niveau = "groep";
	n.groepsnaam = "groep 8D";
	n.straat = "Kerkstraat"; /* a leerling's question: ignored for a group */
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "groep"));
	n.groepsnaam = "";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM dossier WHERE niveau = 'groep'"), 0);
	n.groepsnaam = "8D Kameleon";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id WHERE h.id = %ld "
		 "AND d.niveau = 'groep' AND d.groepsnaam = '8D Kameleon' AND d.school_id = %ld AND d.roepnaam IS NULL",
		 id, w->school2);
	assert_int_equal(harness_long(w->su, sql), 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM adres a JOIN dossier d ON d.id = a.dossier_id "
					     "WHERE d.niveau = 'groep'"), 0);
	/* the same group again (other case, spaces): the same dossier */
	n.groepsnaam = " 8d kameleon ";
	assert_int_equal(intake_create(sec, &n, &id2, &nummer2, &o), OUTCOME_SAVED);
	assert_int_not_equal(id2, id);
	assert_int_equal(harness_long(w->su, "SELECT count(DISTINCT dossier_id) FROM hulpvraag h JOIN dossier d "
					     "ON d.id = h.dossier_id WHERE d.niveau = 'groep'"), 1);
	/* the same name at another school is another group */
	n.school_id = w->school1;
	assert_int_equal(intake_create(sec, &n, &id2, &nummer2, &o), OUTCOME_SAVED);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM dossier WHERE niveau = 'groep'"), 2);
	/* a school's dossier (schoolbudget): one per school */
	n.niveau = "school";
	n.groepsnaam = NULL;
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_SAVED);
	assert_int_equal(intake_create(sec, &n, &id2, &nummer2, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossier WHERE niveau = 'school' AND school_id = %ld", w->school1);
	assert_int_equal(harness_long(w->su, sql), 1);
	n.niveau = "klas";
	assert_int_equal(intake_create(sec, &n, &id, &nummer, &o), OUTCOME_REFUSED);
	/* a role without intake: refused by the database as well */
	struct db *fin = app_as(w, "fin_a");
	n.niveau = "school";
	assert_int_not_equal(intake_create(fin, &n, &id, &nummer, &o), OUTCOME_SAVED);
	db_free(&fin);
	db_free(&sec);
}

/* Issue 14 §3: an ouder taken out of a dossier is marked (who, when), never
 * deleted, with the version check; the dossier no longer lists it; it is
 * never changed again; a role without dossier-bewerken cannot, also not by
 * direct SQL as balie_app. */
static void relatie_verwijderen(void **state)
{
	struct world *w = *state;
	struct db *sec = app_as(w, "sec_a"), *coord = app_as(w, "coord_a"), *fin = app_as(w, "fin_a");
	struct dossier_relatie_invoer r = { "ouder", "P. Weg", "p.weg@example.nl", "", 1 };
	struct dossier *d = NULL;
	struct outcome o;
	struct err e;
	char sql[300], key[OUTCOME_KEY_LEN];
	long id;

	outcome_key_new(key);
	assert_int_equal(dossier_relatie_save(sec, w->cem, 0, 0, &r, key, &o), OUTCOME_SAVED);
	id = o.id;
	/* not the financieel medewerker (rulebook), not by direct SQL either */
	assert_int_not_equal(dossier_relatie_remove(fin, id, 1, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "UPDATE relatie SET verwijderd_op = now(), verwijderd_door = acting_account() "
				  "WHERE id = %ld RETURNING id", id);
	enum db_failure f;
	PGresult *res = db_exec_as_account(fin, &e, &f, sql, 0, NULL);
	assert_true(!res || PQntuples(res) == 0);
	if (res)
		PQclear(res);
	/* someone else changed it first: the version says so */
	assert_int_equal(dossier_relatie_save(coord, w->cem, id, 1, &r, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(dossier_relatie_remove(sec, id, 1, &o), OUTCOME_CONFLICT);
	assert_int_equal(dossier_relatie_remove(sec, id, 2, &o), OUTCOME_SAVED);
	assert_int_equal(count(w, "SELECT count(*) FROM relatie WHERE id = %ld AND verwijderd_op IS NOT NULL", id), 1);
	assert_int_equal(count(w, "SELECT verwijderd_door FROM relatie WHERE id = %ld", id), harness_account(w->su, "sec_a"));
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE object = 'relatie' AND object_id = %ld "
				  "AND detail = 'verwijderd'", id), 1);
	assert_int_equal(dossier_load(sec, w->cem, &d, &e), 0);
	for (int i = 0; i < d->nrelaties; i++)
		assert_int_not_equal(d->relaties[i].id, id);
	dossier_free(&d);
	/* gone is gone: no second removal, no change afterwards */
	assert_int_not_equal(dossier_relatie_remove(sec, id, 3, &o), OUTCOME_SAVED);
	assert_int_not_equal(dossier_relatie_save(sec, w->cem, id, 3, &r, NULL, &o), OUTCOME_SAVED);
	db_free(&sec);
	db_free(&coord);
	db_free(&fin);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adres_history),
		cmocka_unit_test(school_periods_do_not_overlap),
		cmocka_unit_test(two_people_edit_the_same_dossier),
		cmocka_unit_test(every_role_every_write),
		cmocka_unit_test(intake_fills_what_the_checklist_needs),
		cmocka_unit_test(free_title_goes_to_the_standaard_type),
		cmocka_unit_test(intake_groep_en_school),
		cmocka_unit_test(relatie_verwijderen),
	};

	return cmocka_run_group_tests_name("dossier", tests, setup, teardown);
}
