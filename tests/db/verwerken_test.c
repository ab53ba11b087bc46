/* verwerken_test.c — the financial queue "Te verwerken" as a maintained
 * table (migration 028): after a random mix of actions (status changes in
 * every direction, TLV beschikkingen made, broken and repaired, aanpakken
 * made, numbered and removed, voorlopig toggled, a school renamed, the flow
 * configuration changed), some by the financieel medewerker through
 * balie_app and some by direct SQL, the maintained rows (kept per
 * hulpvraag by verwerken_redenen) equal 015's set-based text over every
 * hulpvraag (verwerken_definitie), and so does a whole recompute; the list and the
 * home count are those rows; every role reads only what it may and none
 * can write the table. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"
#include "db/beschikking.h"

#define DBNAME "t_verwerken"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su, *fin, *sec, *secb; /* secb: secretariaat of B */
	long a, b; /* organisaties */
};

static unsigned long rnd_state = 20261207UL;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rnd_state >> 33) % n);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct beschikking_conf c;
	struct err e;

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_fin_adm(w->su, HASH);
	w->a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	w->b = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO2222'");
	/* a TLV flow: Nieuw → Controleren (controleren) → TLV afgegeven, and an
	 * arrangement part: Nieuw → Toegewezen → Verwerkt (financieel) */
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde, "
			    "controleren) SELECT id, v.naam, v.cat, v.eind, false, v.volg, v.ctl FROM aanvraagtype, (VALUES "
			    "('Controleren', 'Nieuw', false, 4, true), ('TLV afgegeven', 'Afgerond', true, 5, false), "
			    "('Toegewezen', 'Lopend', false, 6, false), ('Verwerkt', 'Afgerond', true, 7, false)) "
			    "v(naam, cat, eind, volg, ctl)");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, v.van, v.naar, v.rol "
			    "FROM aanvraagtype, (VALUES ('Nieuw', 'Controleren', 'secretariaat'), "
			    "('Controleren', 'TLV afgegeven', 'financieel'), ('Nieuw', 'Toegewezen', 'coordinator'), "
			    "('Toegewezen', 'Verwerkt', 'financieel')) v(van, naar, rol)");
	/* the secretariaat may move anything anywhere here: the mix reaches
	 * every status (the guard on "TLV afgegeven" still holds) */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT a.aanvraagtype_id, a.naam, b.naam, 'secretariaat' FROM flow_status a "
			    "  JOIN flow_status b ON b.aanvraagtype_id = a.aanvraagtype_id AND b.naam <> a.naam "
			    "ON CONFLICT DO NOTHING");
	memset(&c, 0, sizeof c);
	c.nsoorten = 2;
	strcpy(c.soorten[0], "TLV SBO");
	strcpy(c.soorten[1], "TLV SO categorie hoog");
	strcpy(c.emb_soort, "TLV SO categorie hoog");
	c.nafgegeven = 1;
	strcpy(c.afgegeven[0], "TLV afgegeven");
	c.nverwerkt = 1;
	strcpy(c.verwerkt[0], "Verwerkt");
	c.ntypes = 1;
	strcpy(c.aanpak_types[0], "arrangement");
	assert_int_equal(db_beschikking_publish(w->su, "PO1111", &c, &e), 0);
	assert_int_equal(db_beschikking_publish(w->su, "PO2222", &c, &e), 0);
	/* a school, and 24 more hulpvragen on 6 pupils per organisatie (the
	 * overlap rule looks at the other TLVs of the same pupil) */
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) SELECT id, 'Bestuur' FROM organisatie");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) "
			    "SELECT organisatie_id, id, '12AB', 'De Regenboog' FROM schoolbestuur");
	harness_exec(w->su, "INSERT INTO dossier (organisatie_id, niveau, roepnaam, achternaam, sorteernaam) "
			    "SELECT o.id, 'leerling', 'Kind' || g, 'Test', 'test kind' || g FROM organisatie o, "
			    "generate_series(1, 6) g");
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie, school_id) "
			    "SELECT d.organisatie_id, 100 + row_number() OVER (PARTITION BY d.organisatie_id ORDER BY d.id, g), "
			    "       d.id, t.id, 'Aanvraag', date '2026-01-01' + g * 7, 'Nieuw', '', "
			    "       (SELECT s.id FROM school s WHERE s.organisatie_id = d.organisatie_id) "
			    "  FROM dossier d JOIN aanvraagtype t ON t.organisatie_id = d.organisatie_id, "
			    "       generate_series(1, 4) g WHERE d.roepnaam LIKE 'Kind%'");
	w->fin = harness_app_db(DBNAME);
	db_set_account(w->fin, harness_account(w->su, "fin_a"));
	w->sec = harness_app_db(DBNAME);
	db_set_account(w->sec, harness_account(w->su, "sec_a"));
	w->secb = harness_app_db(DBNAME);
	db_set_account(w->secb, harness_account(w->su, "sec_b"));
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->fin);
	db_free(&w->sec);
	db_free(&w->secb);
	db_free(&w->su);
	free(w);
	return 0;
}

/* Rows of doorlooptijd that differ from statushistorie counted again. */
static long doorloop_verschil(struct world *w)
{
	return harness_long(w->su,
			    "SELECT count(*) FROM ("
			    " (SELECT hulpvraag_id, organisatie_id, op, tlv FROM doorlooptijd "
			    "  EXCEPT ALL SELECT sh.hulpvraag_id, min(sh.organisatie_id), min(sh.op), bool_or(s.soort = 'tlv') "
			    "    FROM statushistorie sh JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id "
			    "     AND s.status = sh.naar GROUP BY 1) "
			    " UNION ALL "
			    " (SELECT sh.hulpvraag_id, min(sh.organisatie_id), min(sh.op), bool_or(s.soort = 'tlv') "
			    "    FROM statushistorie sh JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id "
			    "     AND s.status = sh.naar GROUP BY 1 "
			    "  EXCEPT ALL SELECT hulpvraag_id, organisatie_id, op, tlv FROM doorlooptijd)) x");
}

/* Organisaties whose maintained count differs from the rows. */
static long telling_verschil(struct world *w)
{
	return harness_long(w->su, "SELECT count(*) FROM (SELECT organisatie_id, count(*) c FROM verwerken_rij GROUP BY 1) a "
				   "FULL JOIN verwerken_telling t USING (organisatie_id) "
				   "WHERE coalesce(a.c, 0) <> coalesce(t.aantal, 0)");
}

/* Rows that differ between the maintained table and the definition. */
static long verschil(struct world *w)
{
	return harness_long(w->su,
			    "SELECT count(*) FROM ("
			    " (SELECT hulpvraag_id, organisatie_id, datum, reden FROM verwerken_rij "
			    "  EXCEPT ALL SELECT d.hulpvraag_id, o.id, d.datum, d.reden "
			    "    FROM organisatie o, verwerken_definitie(o.id) d) "
			    " UNION ALL "
			    " (SELECT d.hulpvraag_id, o.id, d.datum, d.reden "
			    "    FROM organisatie o, verwerken_definitie(o.id) d "
			    "  EXCEPT ALL SELECT hulpvraag_id, organisatie_id, datum, reden FROM verwerken_rij)) x");
}

static long random_hv(struct world *w)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM hulpvraag ORDER BY id OFFSET %u LIMIT 1",
		 rnd((unsigned)harness_long(w->su, "SELECT count(*) FROM hulpvraag")));
	return harness_long(w->su, sql);
}

/* A TLV beschikking, complete or not, starting in one of a few months (so
 * two TLVs of one pupil sometimes overlap). */
static void beschikking_sql(char *sql, size_t len, long hv, int compleet)
{
	static const char *start[] = { "2026-02-01", "2026-08-01", "2027-08-01", "2029-02-01" };
	const char *van = start[rnd(4)];

	snprintf(sql, len,
		 "INSERT INTO tlv_beschikking (hulpvraag_id, organisatie_id, dossier_id, nummer, soort, startdatum, "
		 " einddatum, motivering, a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, a1_tekst, "
		 " a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst) "
		 "SELECT h.id, h.organisatie_id, h.dossier_id, %s, 'TLV SBO', date '%s', date '%s' + 700, "
		 " 'Gelijke adviezen.', 'drs. M. Bakker', 'orthopedagoog', 'Expertisecentrum', date '2026-01-10', "
		 " 'TLV SBO', 'Toelaatbaar.', 'A. Yilmaz', 'kinderpsychiater', 'GGZ', date '2026-01-12', 'TLV SBO', "
		 " 'Eens.' FROM hulpvraag h WHERE h.id = %ld ON CONFLICT DO NOTHING",
		 compleet ? "'T-' || h.id" : "NULL", van, van, hv);
}

/* sql in a transaction of its own, as db's acting account; 0 / -1. */
static int try_as(struct db *db, const char *sql, struct err *e)
{
	if (db_begin(db, e) < 0)
		return -1;
	if (harness_try(db, sql, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

/* One random action; errors (a guard that refuses, a policy) are part of
 * the mix and leave everything as it was. */
static void actie(struct world *w)
{
	static const char *statussen[] = { "Nieuw", "Controleren", "TLV afgegeven", "Toegewezen", "Verwerkt",
					   "In behandeling", "Afgerond" };
	char sql[1600], q[100];
	struct err e;
	long hv = random_hv(w);
	struct db *wie = rnd(3) == 0 ? w->fin : w->su;

	switch (rnd(12)) {
	case 0:
	case 1:
	case 2: /* a status change (the TLV guard may refuse it) */
		snprintf(sql, sizeof sql, "SELECT status_wijzigen(id, version, '%s', 'test', NULL, NULL, NULL) "
			 "FROM hulpvraag WHERE id = %ld", statussen[rnd(7)], hv);
		snprintf(q, sizeof q, "SELECT organisatie_id FROM hulpvraag WHERE id = %ld", hv);
		wie = harness_long(w->su, q) == w->a ? w->sec : w->secb;
		break;
	case 3: /* a TLV beschikking, complete or without number */
		beschikking_sql(sql, sizeof sql, hv, rnd(3) != 0);
		break;
	case 4: /* broken or repaired (refused while afgegeven and broken) */
		snprintf(sql, sizeof sql, "UPDATE tlv_beschikking SET nummer = %s WHERE hulpvraag_id = %ld",
			 rnd(2) ? "NULL" : "'N-' || hulpvraag_id", hv);
		break;
	case 5: /* another start: overlaps come and go */
		snprintf(sql, sizeof sql, "UPDATE tlv_beschikking SET startdatum = date '2026-02-01' + interval '%u months' "
			 "WHERE hulpvraag_id = %ld", rnd(30), hv);
		break;
	case 6: /* an aanpak, with or without number */
		snprintf(sql, sizeof sql, "INSERT INTO aanpak (hulpvraag_id, organisatie_id, type, nummer) "
			 "SELECT id, organisatie_id, 'arrangement', %s FROM hulpvraag WHERE id = %ld ON CONFLICT DO NOTHING",
			 rnd(2) ? "NULL" : "'A-' || id", hv);
		wie = w->su;
		break;
	case 7:
		if (rnd(2)) {
			snprintf(sql, sizeof sql, "UPDATE aanpak SET nummer = %s WHERE hulpvraag_id = %ld",
				 rnd(2) ? "NULL" : "'B-' || hulpvraag_id", hv);
		} else {
			snprintf(sql, sizeof sql, "DELETE FROM aanpak WHERE hulpvraag_id = %ld", hv);
			wie = w->su;
		}
		break;
	case 8:
		snprintf(sql, sizeof sql, "UPDATE hulpvraag SET voorlopig = NOT voorlopig WHERE id = %ld", hv);
		wie = w->su;
		break;
	case 9: /* the school's name: "an expert of the applying school" */
		snprintf(sql, sizeof sql, "UPDATE school SET naam = '%s' WHERE id = (SELECT school_id FROM hulpvraag "
			 "WHERE id = %ld)", rnd(2) ? "Expertisecentrum" : "De Regenboog", hv);
		wie = w->su;
		break;
	case 10: /* configuration: "Afgerond" counts as afgegeven or not */
		if (rnd(2))
			snprintf(sql, sizeof sql, "INSERT INTO beschikking_status (organisatie_id, status, soort) "
				 "SELECT organisatie_id, 'Afgerond', 'tlv' FROM hulpvraag WHERE id = %ld ON CONFLICT DO NOTHING",
				 hv);
		else
			snprintf(sql, sizeof sql, "DELETE FROM beschikking_status WHERE status = 'Afgerond' "
				 "AND organisatie_id = (SELECT organisatie_id FROM hulpvraag WHERE id = %ld)", hv);
		wie = w->su;
		break;
	default: /* configuration: which status is a controleren status */
		snprintf(sql, sizeof sql, "UPDATE flow_status SET controleren = NOT controleren WHERE naam = '%s' "
			 "AND aanvraagtype_id = (SELECT aanvraagtype_id FROM hulpvraag WHERE id = %ld)",
			 rnd(2) ? "Controleren" : "In behandeling", hv);
		wie = w->su;
		break;
	}
	if (try_as(wie, sql, &e) < 0 && getenv("VERWERKEN_DEBUG"))
		fprintf(stderr, "# %s: %s\n", sql, e.msg);
}

static void blijft_gelijk(void **state)
{
	struct world *w = *state;
	char sql[200];

	assert_int_equal(verschil(w), 0);
	/* a start: ten TLVs issued the proper way (a complete beschikking, then
	 * the status), which the mix can then break from outside (the school's
	 * name, an overlapping TLV of the same pupil) */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT id, 'Nieuw', 'TLV afgegeven', 'secretariaat' FROM aanvraagtype ON CONFLICT DO NOTHING");
	for (int i = 0; i < 10; i++) {
		char ins[1600], zet[300];
		struct err e;
		long hv = harness_long(w->su, "SELECT min(id) FROM hulpvraag WHERE titel = 'Aanvraag' AND status = 'Nieuw' "
					       "AND organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111')");
		beschikking_sql(ins, sizeof ins, hv, 1);
		harness_exec(w->su, ins);
		snprintf(zet, sizeof zet, "SELECT status_wijzigen(id, version, 'TLV afgegeven', 'test', NULL, NULL, NULL) "
			 "FROM hulpvraag WHERE id = %ld", hv);
		try_as(w->sec, zet, &e); /* an overlap refuses some */
		snprintf(zet, sizeof zet, "UPDATE hulpvraag SET titel = 'Gestart' WHERE id = %ld", hv);
		harness_exec(w->su, zet);
	}
	assert_true(harness_long(w->su, "SELECT count(*) FROM hulpvraag WHERE status = 'TLV afgegeven'") > 0);
	long gezien = 0; /* the kinds of row the mix reached, one bit each */
	for (int i = 1; i <= 600; i++) {
		actie(w);
		if (i % 25 == 0) {
			assert_int_equal(verschil(w), 0);
			assert_int_equal(doorloop_verschil(w), 0);
			assert_int_equal(telling_verschil(w), 0);
			if (i % 100 == 0) { /* the notifier's fold, now and then */
				harness_exec(w->su, "SELECT telling_vouwen()");
				assert_int_equal(telling_verschil(w), 0);
			}
			gezien |= harness_long(w->su, "SELECT coalesce(bit_or(CASE reden "
						      "WHEN 'TLV-aanvraag controleren' THEN 1 "
						      "WHEN 'TLV afgegeven, geen beschikking' THEN 2 "
						      "WHEN 'TLV afgegeven, beschikking onvolledig' THEN 4 "
						      "WHEN 'Arrangement zonder aanpak' THEN 8 "
						      "WHEN 'Arrangement: nummer invullen' THEN 16 "
						      "WHEN 'Arrangement financieel verwerken' THEN 32 END), 0) FROM verwerken_rij");
		}
	}
	if (getenv("VERWERKEN_DEBUG")) {
		fprintf(stderr, "# redenen %ld %ld %ld %ld %ld, statussen %ld, beschikkingen %ld, aanpakken %ld\n",
			harness_long(w->su, "SELECT count(*) FROM verwerken_rij WHERE reden LIKE 'TLV-aanvraag%'"),
			harness_long(w->su, "SELECT count(*) FROM verwerken_rij WHERE reden LIKE 'TLV afgegeven, geen%'"),
			harness_long(w->su, "SELECT count(*) FROM verwerken_rij WHERE reden LIKE 'TLV afgegeven, besch%'"),
			harness_long(w->su, "SELECT count(*) FROM verwerken_rij WHERE reden LIKE 'Arrangement zonder%'"),
			harness_long(w->su, "SELECT count(*) FROM verwerken_rij WHERE reden LIKE 'Arrangement%nummer%'"),
			harness_long(w->su, "SELECT count(*) FROM hulpvraag WHERE status IN ('Controleren', 'Toegewezen')"),
			harness_long(w->su, "SELECT count(*) FROM tlv_beschikking"),
			harness_long(w->su, "SELECT count(*) FROM aanpak"));
	}
	/* the mix reached every kind of row */
	assert_int_equal(gezien, 63);
	/* the whole recompute (after a bulk load, a configuration change)
	 * arrives at the same rows */
	harness_exec(w->su, "SELECT verwerken_herbereken()");
	assert_int_equal(verschil(w), 0);
	assert_int_equal(telling_verschil(w), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM verwerken_telling_delta"), 0);
	assert_true(harness_long(w->su, "SELECT count(*) FROM doorlooptijd WHERE tlv") > 0);
	harness_exec(w->su, "SELECT doorlooptijd_herbereken()");
	assert_int_equal(doorloop_verschil(w), 0);
	/* the list and the home count are those rows (the financieel medewerker
	 * of A, under row-level security) */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_rij WHERE organisatie_id = %ld", w->a);
	long rows = harness_long(w->su, sql);
	assert_true(rows > 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM te_verwerken(%ld, 100000)", w->a);
	assert_int_equal(harness_long(w->fin, sql), rows);
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(aantal), 0) FROM te_verwerken_telling(%ld)", w->a);
	assert_int_equal(harness_long(w->fin, sql), rows);
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(aantal), 0) FROM verwerken_telling WHERE organisatie_id = %ld", w->a);
	assert_int_equal(harness_long(w->fin, sql), rows);
	/* oldest first */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT datum, lag(datum) OVER () AS vorige "
		 "FROM te_verwerken(%ld, 100000)) x WHERE vorige > datum", w->a);
	assert_int_equal(harness_long(w->fin, sql), 0);
}

/* Every role by direct SQL as balie_app: reads only its own organisatie's
 * rows when it works there, nothing otherwise, and writes nothing. */
static void elke_rol(void **state)
{
	struct world *w = *state;
	static const char *rollen[] = { "sec_a", "coord_a", "fin_a", "adm_a", "sec_b", "school_a", "extern_a", "geen" };
	char sql[300];
	struct err e;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_rij WHERE organisatie_id = %ld", w->a);
	long in_a = harness_long(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_rij WHERE organisatie_id = %ld", w->b);
	long in_b = harness_long(w->su, sql);
	assert_true(in_a > 0 && in_b > 0);
	for (size_t i = 0; i < sizeof rollen / sizeof rollen[0]; i++) {
		struct db *app = harness_app_db(DBNAME);
		long want = strcmp(rollen[i], "sec_b") == 0 ? in_b : strstr(rollen[i], "_a") && strcmp(rollen[i], "school_a") &&
							   strcmp(rollen[i], "extern_a") ? in_a : 0;
		db_set_account(app, harness_account(w->su, rollen[i]));
		assert_int_equal(harness_long(app, "SELECT count(*) FROM verwerken_rij"), want);
		snprintf(sql, sizeof sql, "INSERT INTO verwerken_rij SELECT id, organisatie_id, datum, 'x' FROM hulpvraag "
			 "WHERE organisatie_id = %ld LIMIT 1", w->a);
		assert_int_equal(try_as(app, sql, &e), -1);
		assert_int_equal(try_as(app, "UPDATE verwerken_rij SET reden = 'x'", &e), -1);
		assert_int_equal(try_as(app, "DELETE FROM verwerken_rij", &e), -1);
		assert_int_equal(try_as(app, "SELECT verwerken_herbereken()", &e), -1);
		assert_int_equal(try_as(app, "SELECT verwerken_bijwerken(ARRAY[1::bigint])", &e), -1);
		assert_int_equal(try_as(app, "DELETE FROM doorlooptijd", &e), -1);
		assert_int_equal(try_as(app, "INSERT INTO verwerken_telling_delta VALUES (1, 5)", &e), -1);
		assert_int_equal(try_as(app, "UPDATE verwerken_telling_basis SET aantal = 0", &e), -1);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_telling WHERE organisatie_id = %ld", w->a);
		assert_int_equal(harness_long(app, sql), want && strcmp(rollen[i], "sec_b") ? 1 : 0);
		assert_int_equal(try_as(app, "SELECT doorlooptijd_herbereken()", &e), -1);
		/* doorlooptijd as statushistorie: the rows of the hulpvragen one
		 * sees; the back office's shortcut of the kengetallen gives
		 * nothing to anyone else */
		assert_int_equal(harness_long(app, "SELECT count(*) FROM doorlooptijd d WHERE NOT EXISTS "
						   "(SELECT 1 FROM hulpvraag h WHERE h.id = d.hulpvraag_id)"), 0);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM kengetallen_intern(%ld, 2025) "
			 "WHERE %ld NOT IN (SELECT internal_orgs())", w->a, w->a);
		assert_int_equal(harness_long(app, sql), 0);
		db_free(&app);
	}
	assert_int_equal(verschil(w), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blijft_gelijk),
		cmocka_unit_test(elke_rol),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
