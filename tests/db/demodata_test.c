/* demodata_test.c — the demo data generator: sizes, flow consistency,
 * statushistorie chains, counts, names, determinism and row-level security
 * of the demo accounts, on small flows of its own for PO3008 and PO2507. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/demodata.h"

#define TODAY "2026-03-16"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"

/* ---------------------------------------------------------------- fixture flows */

/* One aanvraagtype: statuses as "naam|categorie|flags" (flags: e eind, v
 * verborgen), transitions as "van|naar|rol", titles; all NULL-terminated. */
struct flowdef {
	const char *code, *naam, *categorie, *eerste;
	const char *status[12];
	const char *trans[24];
	const char *titel[4];
};

static const struct flowdef po3008_flows[] = {
	{ "tlv", "Toelaatbaarheidsverklaring", "TLV", "TLV>aanvraag",
	  { "TLV>aanvraag|TLV|", "TLV>aanvraag aanvulling nodig|TLV|", "TLV>documenten aangevuld|TLV|",
	    "TLV>afgegeven school bekend|TLV|", "TLV>afgewezen|TLV|e", "TLV>beschikking on hold|TLV|",
	    "TLV>in archief|TLV|e", NULL },
	  { "TLV>aanvraag|TLV>aanvraag aanvulling nodig|secretariaat", "TLV>aanvraag|TLV>afgegeven school bekend|financieel",
	    "TLV>aanvraag|TLV>afgewezen|financieel", "TLV>aanvraag aanvulling nodig|TLV>documenten aangevuld|automatisch",
	    "TLV>documenten aangevuld|TLV>aanvraag aanvulling nodig|secretariaat",
	    "TLV>documenten aangevuld|TLV>afgegeven school bekend|financieel",
	    "TLV>documenten aangevuld|TLV>afgewezen|financieel",
	    "TLV>afgegeven school bekend|TLV>beschikking on hold|financieel",
	    "TLV>beschikking on hold|TLV>afgegeven school bekend|financieel",
	    "TLV>afgegeven school bekend|TLV>in archief|financieel", NULL },
	  { "TLV SBO", "TLV SO", NULL } },
	{ "kans", "Kans!overleg", "Kans!overleg", "Kans!overleg>aanvraag",
	  { "Kans!overleg>aanvraag|Kans!overleg|", "Kans!overleg>plannen|Kans!overleg|",
	    "Kans!overleg>gepland|Kans!overleg|", "Kans!overleg>arrangement|Kans!overleg|e",
	    "Kans!overleg>afgerond|Kans!overleg|e", NULL },
	  { "Kans!overleg>aanvraag|Kans!overleg>plannen|secretariaat",
	    "Kans!overleg>plannen|Kans!overleg>gepland|secretariaat",
	    "Kans!overleg>gepland|Kans!overleg>arrangement|coordinator",
	    "Kans!overleg>gepland|Kans!overleg>afgerond|coordinator", NULL },
	  { "Aanvraag Kans!overleg", NULL } },
	{ "ond", "Ondersteuningsaanvraag schoolgaand kind", "Ondersteuningsaanvraag", "Ondersteuningsaanvraag>aanvraag",
	  { "Ondersteuningsaanvraag>aanvraag|Ondersteuningsaanvraag|",
	    "Ondersteuningsaanvraag>aanvulling nodig|Ondersteuningsaanvraag|",
	    "Ondersteuningsaanvraag>documenten aangevuld|Ondersteuningsaanvraag|",
	    "Ondersteuningsaanvraag>telefonisch consult|Ondersteuningsaanvraag|",
	    "Ondersteuningsaanvraag>in behandeling|Ondersteuningsaanvraag|",
	    "Ondersteuningsaanvraag>afgerond|Ondersteuningsaanvraag|e", NULL },
	  { "Ondersteuningsaanvraag>aanvraag|Ondersteuningsaanvraag>aanvulling nodig|secretariaat",
	    "Ondersteuningsaanvraag>aanvulling nodig|Ondersteuningsaanvraag>documenten aangevuld|automatisch",
	    "Ondersteuningsaanvraag>documenten aangevuld|Ondersteuningsaanvraag>in behandeling|coordinator",
	    "Ondersteuningsaanvraag>aanvraag|Ondersteuningsaanvraag>telefonisch consult|coordinator",
	    "Ondersteuningsaanvraag>aanvraag|Ondersteuningsaanvraag>in behandeling|coordinator",
	    "Ondersteuningsaanvraag>telefonisch consult|Ondersteuningsaanvraag>in behandeling|coordinator",
	    "Ondersteuningsaanvraag>in behandeling|Ondersteuningsaanvraag>afgerond|coordinator", NULL },
	  { "Ondersteuningsaanvraag schoolgaand kind", NULL } },
	{ "groeparr", "Groepsarrangement", "Arrangement", "Aanmelding",
	  { "Aanmelding|Arrangement|", "Toegekend|Arrangement|e", "Afgewezen|Arrangement|e", NULL },
	  { "Aanmelding|Toegekend|coordinator", "Aanmelding|Afgewezen|coordinator", NULL },
	  { "Groepsarrangement", NULL } },
	{ NULL, NULL, NULL, NULL, { NULL }, { NULL }, { NULL } }
};

static const struct flowdef po2507_flows[] = {
	{ "tlv", "TLV", "TLV", "Voorlopige aanmelding",
	  { "Voorlopige aanmelding|Aanmelding|v", "Aanmelding|Aanmelding|", "in behandeling|In behandeling|",
	    "incompleet|In behandeling|", "aangevuld|In behandeling|", "afgegeven|Afgerond|e",
	    "afgewezen|Afgerond|e", "ingetrokken|Afgerond|e", NULL },
	  { "Voorlopige aanmelding|Aanmelding|aanvrager", "Aanmelding|in behandeling|secretariaat",
	    "in behandeling|incompleet|secretariaat", "incompleet|aangevuld|automatisch",
	    "aangevuld|in behandeling|secretariaat", "in behandeling|afgegeven|secretariaat",
	    "in behandeling|afgewezen|secretariaat", "Aanmelding|ingetrokken|aanvrager", NULL },
	  { "TLV SBO", "TLV SO", NULL } },
	{ "ak", "Advies en kortdurende ondersteuning", "A&K", "Aanmelding",
	  { "Aanmelding|A&K|", "in behandeling|A&K|", "afgerond|A&K|e", NULL },
	  { "Aanmelding|in behandeling|coordinator", "in behandeling|afgerond|coordinator", NULL },
	  { "Advies en kortdurende ondersteuning", NULL } },
	{ NULL, NULL, NULL, NULL, { NULL }, { NULL }, { NULL } }
};

static void split3(const char *s, char *a, char *b, char *c)
{
	const char *p = strchr(s, '|'), *q = strchr(p + 1, '|');
	snprintf(a, 128, "%.*s", (int)(p - s), s);
	snprintf(b, 128, "%.*s", (int)(q - p - 1), p + 1);
	snprintf(c, 128, "%s", q + 1);
}

/* Creates the organisatie and publishes its flow version 1. */
static void add_org(struct db *db, const char *code, const char *naam, const char *profiel,
		    const struct flowdef *flows)
{
	char sql[1024], a[128], b[128], c[128];
	snprintf(sql, sizeof sql, "INSERT INTO organisatie (code, naam, profiel) VALUES ('%s', '%s', '%s')",
		 code, naam, profiel);
	harness_exec(db, sql);
	snprintf(sql, sizeof sql, "INSERT INTO flow_version (organisatie_id, versie, geladen_door, bron_sha256) "
		 "SELECT id, 1, 'test', 'x' FROM organisatie WHERE code = '%s'", code);
	harness_exec(db, sql);
	for (const struct flowdef *f = flows; f->code; f++) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO aanvraagtype (organisatie_id, flow_version_id, code, naam, categorie, eerste_status) "
			 "SELECT o.id, v.id, '%s', '%s', '%s', '%s' FROM organisatie o JOIN flow_version v "
			 "ON v.organisatie_id = o.id WHERE o.code = '%s'", f->code, f->naam, f->categorie, f->eerste, code);
		harness_exec(db, sql);
		char type[256];
		snprintf(type, sizeof type, "(SELECT a.id FROM aanvraagtype a JOIN organisatie o ON o.id = a.organisatie_id "
			 "WHERE o.code = '%s' AND a.code = '%s')", code, f->code);
		for (int i = 0; f->status[i]; i++) {
			split3(f->status[i], a, b, c);
			snprintf(sql, sizeof sql, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, "
				 "verborgen, volgorde) VALUES (%s, '%s', '%s', %s, %s, %d)", type, a, b,
				 strchr(c, 'e') ? "true" : "false", strchr(c, 'v') ? "true" : "false", i + 1);
			harness_exec(db, sql);
		}
		for (int i = 0; f->trans[i]; i++) {
			split3(f->trans[i], a, b, c);
			snprintf(sql, sizeof sql, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol, reden_verplicht) "
				 "VALUES (%s, '%s', '%s', '%s', %s)", type, a, b, c,
				 strstr(b, "afgewezen") ? "true" : "false");
			harness_exec(db, sql);
		}
		for (int i = 0; f->titel[i]; i++) {
			snprintf(sql, sizeof sql, "INSERT INTO aanvraagtype_titel (aanvraagtype_id, titel) VALUES (%s, '%s')",
				 type, f->titel[i]);
			harness_exec(db, sql);
		}
	}
}

static void prepare(struct db *db)
{
	add_org(db, "PO3008", "SWV Helmond-Peelland PO", "po3008", po3008_flows);
	add_org(db, "PO2507", "Stromenland", "po2507", po2507_flows);
}

static int load(struct db *db, unsigned long seed, long hulpvragen, struct err *e, double *secs)
{
	struct demodata_opts o = { seed, hulpvragen, TODAY, HASH, "JBSWY3DPEHPK3PXP", harness_totp_key(), NULL, NULL };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char voor[64];
	PGresult *r = db_exec(db, e, NULL, "SELECT current_setting('session_replication_role') || ' ' || "
			      "current_setting('TimeZone')", 0, NULL);
	snprintf(voor, sizeof voor, "%s", r ? PQgetvalue(r, 0, 0) : "?");
	PQclear(r);
	err_clear(e);
	if (db_begin(db, e) < 0)
		return -1;
	if (demodata_load(db, &o, e) < 0) {
		db_rollback(db);
		return -1;
	}
	/* The bulk mode ends with the load, inside the caller's transaction. */
	char na[64];
	r = db_exec(db, e, NULL, "SELECT current_setting('session_replication_role') || ' ' || "
		    "current_setting('TimeZone')", 0, NULL);
	snprintf(na, sizeof na, "%s", r ? PQgetvalue(r, 0, 0) : "?");
	PQclear(r);
	if (strcmp(voor, na) != 0)
		fail_msg("instellingen na de load: %s (ervoor: %s)", na, voor);
	int rc = db_commit(db, e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (secs)
		*secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}

/* First column of the first row as text into buf. */
static const char *text(struct db *db, const char *sql, char *buf, size_t len)
{
	struct err e;
	PGresult *r = db_exec(db, &e, NULL, sql, 0, NULL);
	if (!r)
		fail_msg("SQL mislukt: %s\n  %s", e.msg, sql);
	snprintf(buf, len, "%s", PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return buf;
}

/* ---------------------------------------------------------------- the main load */

static struct db *main_db;

static int setup_main(void **state)
{
	struct err e;
	double secs;
	main_db = harness_migrated_db("t_demodata_main");
	prepare(main_db);
	if (load(main_db, DEMODATA_SEED, DEMODATA_HULPVRAGEN, &e, &secs) < 0)
		fail_msg("demodata_load: %s", e.msg);
	printf("# demodata_load met %ld hulpvragen: %.2f s (ASan)\n", DEMODATA_HULPVRAGEN, secs);
	return 0;
}

static int teardown_main(void **state)
{
	db_free(&main_db);
	return 0;
}

static long L(const char *sql)
{
	return harness_long(main_db, sql);
}

static void counts_in_range(void **state)
{
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
			   "WHERE o.code = 'PO3008'"), DEMODATA_HULPVRAGEN);
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
			   "WHERE o.code = 'PO2507'"), DEMODATA_HULPVRAGEN / 15);
	assert_int_equal(L("SELECT count(*) FROM dossier d JOIN organisatie o ON o.id = d.organisatie_id "
			   "WHERE o.code = 'PO3008' AND niveau = 'leerling'"), DEMODATA_HULPVRAGEN * 6 / 10);
	assert_true(L("SELECT count(*) FROM dossier WHERE niveau = 'groep'") >= 6);
	assert_true(L("SELECT count(*) FROM dossier WHERE niveau = 'school'") >= 4);
	long scholen = L("SELECT count(*) FROM school s JOIN organisatie o ON o.id = s.organisatie_id "
			 "WHERE o.code = 'PO3008'");
	assert_true(scholen >= 50 && scholen <= 70);
	assert_true(L("SELECT count(*) FROM school WHERE soort = 'so'") >= 3);
	assert_true(L("SELECT count(*) FROM school WHERE vestiging = '01'") >= 3);
	assert_true(L("SELECT count(*) FROM schoolbestuur") >= 10);
	assert_int_equal(L("SELECT count(*) FROM scholenkring k JOIN organisatie o ON o.id = k.organisatie_id "
			   "WHERE o.code = 'PO3008' AND coordinator_id IS NOT NULL"), 4);
	/* Every school sits in a kring whose gemeenten include its own. */
	assert_int_equal(L("SELECT count(*) FROM school s JOIN scholenkring k ON k.id = s.scholenkring_id "
			   "WHERE NOT s.gemeente = ANY (k.gemeenten)"), 0);
	assert_int_equal(L("SELECT count(*) FROM school WHERE scholenkring_id IS NULL"), 0);
	/* Every leerling has an address, one or two relaties, current schoolgegevens. */
	assert_int_equal(L("SELECT count(*) FROM dossier d WHERE niveau = 'leerling' AND NOT EXISTS "
			   "(SELECT 1 FROM adres a WHERE a.dossier_id = d.id)"), 0);
	assert_int_equal(L("SELECT count(*) FROM dossier d WHERE niveau = 'leerling' AND (SELECT count(*) FROM "
			   "relatie r WHERE r.dossier_id = d.id) NOT IN (1, 2)"), 0);
	assert_int_equal(L("SELECT count(*) FROM dossier d WHERE niveau = 'leerling' AND NOT EXISTS "
			   "(SELECT 1 FROM schoolgegevens s WHERE s.dossier_id = d.id AND s.tot IS NULL)"), 0);
	assert_int_equal(L("SELECT count(*) FROM schoolgegevens WHERE leerjaar !~ '^(groep [1-8]|voorschool)$'"), 0);
	/* Ages 3..13 on today. */
	assert_int_equal(L("SELECT count(*) FROM dossier WHERE niveau = 'leerling' AND "
			   "(date_part('year', age(DATE '" TODAY "', geboortedatum)) NOT BETWEEN 3 AND 13)"), 0);
	/* About 10% carry a label. */
	long gelabeld = L("SELECT count(DISTINCT hulpvraag_id) FROM hulpvraag_label");
	assert_true(gelabeld > DEMODATA_HULPVRAGEN / 20 && gelabeld < DEMODATA_HULPVRAGEN / 5);
}

static void accounts(void **state)
{
	assert_int_equal(L("SELECT count(*) FROM account WHERE username IN ('coordinator', 's.verbeek', 'e.manders', "
			   "'c.vandijk', 'secretariaat', 'financieel', 'admin', 'totp', 'school', 'stromenland', "
			   "'stromenland-secr') AND wachtwoord_hash = '" HASH "'"), 11);
	assert_int_equal(L("SELECT count(*) FROM account a JOIN account_rol r ON r.account_id = a.id "
			   "JOIN organisatie o ON o.id = r.organisatie_id WHERE (a.username, r.rol, o.code) IN "
			   "(('coordinator', 'coordinator', 'PO3008'), ('admin', 'admin', 'PO3008'), "
			   "('totp', 'secretariaat', 'PO3008'), ('school', 'aanvrager', 'PO3008'), "
			   "('financieel', 'financieel', 'PO3008'), ('stromenland', 'coordinator', 'PO2507'), "
			   "('stromenland-secr', 'secretariaat', 'PO2507'))"), 7);
	/* sealed for its account, as the auth helper stores it (032) */
	assert_int_equal(L("SELECT count(*) FROM account WHERE username = 'totp' AND totp_secret LIKE 'z1:%' "
			   "AND totp_secret NOT LIKE '%JBSWY3DP%'"), 1);
	assert_int_equal(L("SELECT count(*) FROM account WHERE totp_secret IS NOT NULL"), 1);
	/* `coordinator` runs the first kring (Geldrop-Mierlo, Heeze, Nuenen). */
	assert_int_equal(L("SELECT count(*) FROM scholenkring k JOIN account a ON a.id = k.coordinator_id "
			   "WHERE a.username = 'coordinator' AND k.naam = 'Geldrop-Mierlo, Heeze, Nuenen'"), 1);
	/* A hulpvraag's coordinator is its school's kring coordinator. */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN school s ON s.id = h.school_id "
			   "JOIN scholenkring k ON k.id = s.scholenkring_id WHERE h.coordinator_id IS DISTINCT FROM "
			   "k.coordinator_id"), 0);
	/* `school` is the aanvrager of exactly its school's hulpvragen. */
	assert_true(L("SELECT count(*) FROM hulpvraag h JOIN account a ON a.id = h.aanvrager_id "
		      "WHERE a.username = 'school'") > 0);
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN account_school x ON x.school_id = h.school_id "
			   "JOIN account a ON a.id = x.account_id AND a.username = 'school' "
			   "WHERE h.aanvrager_id IS DISTINCT FROM a.id"), 0);
	assert_int_equal(L("SELECT count(*) FROM hulpvraag WHERE aanvrager_id IS NOT NULL AND school_id NOT IN "
			   "(SELECT school_id FROM account_school)"), 0);
}

static void flows_respected(void **state)
{
	/* Status and its bookkeeping columns match the flow. */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h LEFT JOIN flow_status s ON s.aanvraagtype_id = "
			   "h.aanvraagtype_id AND s.naam = h.status WHERE s.naam IS NULL OR s.categorie <> "
			   "h.status_categorie OR s.verborgen <> h.voorlopig"), 0);
	/* Every status of every flow occurs, every aanvraagtype is used. */
	assert_int_equal(L("SELECT count(*) FROM flow_status s WHERE NOT EXISTS (SELECT 1 FROM hulpvraag h "
			   "WHERE h.aanvraagtype_id = s.aanvraagtype_id AND h.status = s.naam)"), 0);
	assert_true(L("SELECT count(*) FROM hulpvraag WHERE voorlopig") > 0);
	/* Titles are the type's fixed titles. */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h WHERE NOT EXISTS (SELECT 1 FROM aanvraagtype_titel t "
			   "WHERE t.aanvraagtype_id = h.aanvraagtype_id AND t.titel = h.titel)"), 0);
	/* Groep types went to groep/school dossiers, the others to pupils. */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
			   "JOIN aanvraagtype a ON a.id = h.aanvraagtype_id WHERE (a.code = 'groeparr') <> "
			   "(d.niveau <> 'leerling')"), 0);
	/* Numbers 1..N per organisatie, in date order. */
	assert_int_equal(L("SELECT count(*) FROM (SELECT organisatie_id, max(nummer) m, count(*) c, "
			   "count(DISTINCT nummer) d, min(nummer) lo FROM hulpvraag GROUP BY 1) x "
			   "WHERE m <> c OR d <> c OR lo <> 1"), 0);
	assert_int_equal(L("SELECT count(*) FROM (SELECT datum, lag(datum) OVER (PARTITION BY organisatie_id "
			   "ORDER BY nummer) p FROM hulpvraag) x WHERE datum < p"), 0);
}

static void history_chains(void **state)
{
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h WHERE NOT EXISTS "
			   "(SELECT 1 FROM statushistorie s WHERE s.hulpvraag_id = h.id)"), 0);
	/* First row has no van, each next row starts where the previous one
	 * ended, times strictly increase, the last row is the current status
	 * and its time status_sinds. */
	assert_int_equal(L("SELECT count(*) FROM (SELECT h.status, h.status_sinds, s.van, s.naar, s.op, "
			   " lag(s.naar) OVER w pn, lag(s.op) OVER w po, row_number() OVER w rn, "
			   " count(*) OVER (PARTITION BY s.hulpvraag_id) cnt "
			   " FROM hulpvraag h JOIN statushistorie s ON s.hulpvraag_id = h.id "
			   " WINDOW w AS (PARTITION BY s.hulpvraag_id ORDER BY s.op, s.id)) x "
			   "WHERE (rn = 1 AND van IS NOT NULL) OR (rn > 1 AND (van IS DISTINCT FROM pn OR op <= po)) "
			   "OR (rn = cnt AND (naar <> status OR op <> status_sinds))"), 0);
	/* Every step is a transition of the flow. */
	assert_int_equal(L("SELECT count(*) FROM statushistorie s JOIN hulpvraag h ON h.id = s.hulpvraag_id "
			   "WHERE s.van IS NOT NULL AND NOT EXISTS (SELECT 1 FROM flow_transitie t WHERE "
			   "t.aanvraagtype_id = h.aanvraagtype_id AND t.van = s.van AND t.naar = s.naar)"), 0);
	/* Nothing is ended and walked on, and walks of 0..6 steps average ~3 rows. */
	long rows = L("SELECT count(*) FROM statushistorie"), hv = L("SELECT count(*) FROM hulpvraag");
	assert_true(rows > 2 * hv && rows < 4 * hv);
	assert_int_equal(L("SELECT count(*) FROM statushistorie s JOIN hulpvraag h ON h.id = s.hulpvraag_id "
			   "JOIN flow_status f ON f.aanvraagtype_id = h.aanvraagtype_id AND f.naam = s.van "
			   "WHERE f.eindstatus"), 0);
	/* Dates: received within the last two school years, not before the
	 * pupil's current school, the history not before receipt nor after today. */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag WHERE datum > DATE '" TODAY "' OR datum < DATE '2024-08-01'"), 0);
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN schoolgegevens g ON g.dossier_id = h.dossier_id "
			   "AND g.tot IS NULL WHERE h.datum < g.vanaf"), 0);
	assert_int_equal(L("SELECT count(*) FROM statushistorie s JOIN hulpvraag h ON h.id = s.hulpvraag_id "
			   "WHERE (s.op AT TIME ZONE 'Europe/Amsterdam')::date < h.datum "
			   "OR s.op > TIMESTAMPTZ '" TODAY " 08:00 Europe/Amsterdam'"), 0);
	/* Staff made the steps (NULL only for automatic ones and the first). */
	assert_true(L("SELECT count(*) FROM statushistorie WHERE door IS NOT NULL") > hv / 2);
	assert_true(L("SELECT count(*) FROM statushistorie WHERE reden <> ''") > hv / 2);
}

static void counts_and_triggers(void **state)
{
	assert_int_equal(L("SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, "
			   "count(*) c FROM hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN hulpvraag_telling t "
			   "USING (organisatie_id, status_categorie, status, voorlopig) WHERE a.c IS DISTINCT FROM t.aantal"), 0);
	assert_int_equal(L("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'balie.hulpvraag'::regclass "
			   "AND NOT tgisinternal AND tgenabled <> 'O'"), 0);
	/* The next hulpvraag goes through the triggers: number N+1, counted. */
	long n = L("SELECT max(nummer) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
		   "WHERE o.code = 'PO3008'");
	harness_exec(main_db, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, "
			      "status, status_categorie) SELECT d.organisatie_id, d.id, a.id, 'TLV SO', DATE '" TODAY "', "
			      "a.eerste_status, '?' FROM dossier d JOIN aanvraagtype a ON a.organisatie_id = "
			      "d.organisatie_id AND a.code = 'tlv' JOIN organisatie o ON o.id = d.organisatie_id "
			      "WHERE o.code = 'PO3008' AND d.niveau = 'leerling' ORDER BY d.id LIMIT 1");
	assert_int_equal(L("SELECT max(nummer) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
			   "WHERE o.code = 'PO3008'"), n + 1);
	assert_int_equal(L("SELECT count(*) FROM hulpvraag WHERE status_categorie = '?'"), 0);
	assert_int_equal(L("SELECT count(*) FROM (SELECT organisatie_id, status_categorie, status, voorlopig, "
			   "count(*) c FROM hulpvraag GROUP BY 1, 2, 3, 4) a FULL JOIN hulpvraag_telling t "
			   "USING (organisatie_id, status_categorie, status, voorlopig) WHERE a.c IS DISTINCT FROM t.aantal"), 0);
}

static void names(void **state)
{
	long leerlingen = L("SELECT count(*) FROM dossier WHERE niveau = 'leerling'");
	long tv = L("SELECT count(*) FROM dossier WHERE niveau = 'leerling' AND tussenvoegsel IS NOT NULL");
	assert_true(tv * 100 > leerlingen * 15 && tv * 100 < leerlingen * 35);
	/* "van der Berg" sorts under B: the key starts with the achternaam. */
	assert_true(L("SELECT count(*) FROM dossier WHERE tussenvoegsel = 'van der'") > 0);
	assert_int_equal(L("SELECT count(*) FROM dossier WHERE tussenvoegsel IS NOT NULL "
			   "AND left(sorteernaam, length(achternaam)) <> lower(achternaam)"), 0);
	assert_int_equal(L("SELECT count(*) FROM dossier WHERE sorteernaam = ''"), 0);
	/* Other origins, particles kept in the surname, diacritics. */
	assert_true(L("SELECT count(*) FROM dossier WHERE achternaam IN ('El-Makrini', 'Fortes Monteiro', "
		      "'Yılmaz', 'Çelik', 'Kowalski', 'Kowalska')") > 0);
	assert_int_equal(L("SELECT count(*) FROM dossier WHERE achternaam IN ('El-Makrini', 'Fortes Monteiro') "
			   "AND tussenvoegsel IS NOT NULL"), 0);
	assert_true(L("SELECT count(*) FROM dossier WHERE roepnaam IN ('Zoë', 'Chloë', 'Anaïs')") > 0);
	assert_true(L("SELECT count(*) FROM dossier WHERE sorteernaam LIKE 'celik%'") > 0);
	/* Never the pupil's name in a title (the roepnaam as a word: "Teun"
	 * is inside "Ondersteuning"). */
	assert_int_equal(L("SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
			   "WHERE d.niveau = 'leerling' AND (position(lower(d.achternaam) IN lower(h.titel)) > 0 "
			   "OR lower(h.titel) ~ ('\\m' || lower(d.roepnaam) || '\\M'))"), 0);
	assert_true(L("SELECT count(*) FROM dossier WHERE groepsnaam ~ '^[3-8][A-D] [A-Z]'") > 0);
	/* Schools: BRINs and vestigingen well-formed and unique. */
	assert_int_equal(L("SELECT count(*) FROM school WHERE brin !~ '^[0-9]{2}[A-Z]{2}$'"), 0);
	assert_int_equal(L("SELECT count(*) - count(DISTINCT (brin, coalesce(vestiging, ''))) FROM school"), 0);
	assert_true(L("SELECT count(*) FROM school WHERE naam LIKE 'Basisschool %'") > 10);
	assert_true(L("SELECT count(*) FROM school WHERE naam LIKE 'SBO %'") > 0);
	assert_int_equal(L("SELECT count(*) FROM adres WHERE plaats IS NULL OR straat = ''"), 0);
}

/* Row-level security with the demo accounts, as the application role. */
static void rls_views(void **state)
{
	struct db *app = harness_app_db("t_demodata_main");
	long school = L("SELECT id FROM account WHERE username = 'school'");
	long coord = L("SELECT id FROM account WHERE username = 'coordinator'");
	long strom = L("SELECT id FROM account WHERE username = 'stromenland'");
	long eigen = L("SELECT count(*) FROM hulpvraag h JOIN account a ON a.id = h.aanvrager_id "
		       "WHERE a.username = 'school'");
	db_set_account(app, school);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"), eigen);
	db_set_account(app, coord);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM hulpvraag"),
			 L("SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
			   "WHERE o.code = 'PO3008' AND NOT voorlopig"));
	db_set_account(app, strom);
	long zichtbaar = harness_long(app, "SELECT count(*) FROM hulpvraag");
	assert_int_equal(zichtbaar, L("SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = "
				      "h.organisatie_id WHERE o.code = 'PO2507' AND NOT voorlopig"));
	assert_true(zichtbaar < DEMODATA_HULPVRAGEN / 15);
	db_free(&app);
}

/* ---------------------------------------------------------------- determinism and errors */

static void same_seed_same_data(void **state)
{
	static const char *hv_sql = "SELECT md5(string_agg(titel || status || datum || status_sinds, ',' "
				    "ORDER BY organisatie_id, nummer)) FROM hulpvraag";
	static const char *dos_sql = "SELECT md5(string_agg(sorteernaam || coalesce(geboortedatum::text, '') "
				     "|| coalesce(roepnaam, ''), ',' ORDER BY id)) FROM dossier";
	static const char *sh_sql = "SELECT md5(string_agg(naar || op || coalesce(door::text, '') || reden, ',' "
				    "ORDER BY hulpvraag_id, op)) FROM statushistorie";
	char a[3][64], b[3][64], c[64];
	struct err e;
	const char *names[3] = { "t_demodata_a", "t_demodata_b", "t_demodata_c" };
	for (int i = 0; i < 3; i++) {
		struct db *db = harness_migrated_db(names[i]);
		prepare(db);
		if (load(db, i < 2 ? 42 : 43, 1200, &e, NULL) < 0)
			fail_msg("demodata_load: %s", e.msg);
		if (i < 2) {
			char (*x)[64] = i ? b : a;
			text(db, hv_sql, x[0], 64);
			text(db, dos_sql, x[1], 64);
			text(db, sh_sql, x[2], 64);
		} else {
			text(db, hv_sql, c, sizeof c);
		}
		db_free(&db);
	}
	for (int k = 0; k < 3; k++) {
		assert_true(strlen(a[k]) == 32);
		assert_string_equal(a[k], b[k]);
	}
	assert_string_not_equal(a[0], c);
}

static void refuses_without_flows(void **state)
{
	struct err e;
	struct db *db = harness_migrated_db("t_demodata_noflow");
	assert_int_equal(load(db, 1, 300, &e, NULL), -1);
	assert_non_null(strstr(e.msg, "PO3008 bestaat niet"));
	harness_exec(db, "INSERT INTO organisatie (code, naam, profiel) VALUES ('PO3008', 'x', 'po3008'), "
			 "('PO2507', 'y', 'po2507')");
	assert_int_equal(load(db, 1, 300, &e, NULL), -1);
	assert_non_null(strstr(e.msg, "geen geladen flow"));
	/* Nothing of the failed load stayed. */
	assert_int_equal(harness_long(db, "SELECT count(*) FROM account"), 0);
	db_free(&db);
}

static void refuses_second_load(void **state)
{
	struct err e;
	struct db *db = harness_migrated_db("t_demodata_twice");
	prepare(db);
	assert_int_equal(load(db, 1, 300, &e, NULL), 0);
	assert_int_equal(load(db, 1, 300, &e, NULL), -1);
	assert_non_null(strstr(e.msg, "al hulpvragen"));
	db_free(&db);
}

int main(void)
{
	const struct CMUnitTest main_tests[] = {
		cmocka_unit_test(counts_in_range),
		cmocka_unit_test(accounts),
		cmocka_unit_test(flows_respected),
		cmocka_unit_test(history_chains),
		cmocka_unit_test(names),
		cmocka_unit_test(rls_views),
		cmocka_unit_test(counts_and_triggers),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refuses_without_flows),
		cmocka_unit_test(refuses_second_load),
	};
	return cmocka_run_group_tests_name("demodata", main_tests, setup_main, teardown_main);
}
