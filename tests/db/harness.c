/* harness.c — throwaway databases for the database tests; see harness.h. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/totpzegel.h"
#include "db/auth.h"
#include "db/migrate.h"

const char *harness_cluster(void)
{
	const char *c = getenv("BALIE_TEST_CLUSTER");
	if (!c || !*c)
		fail_msg("BALIE_TEST_CLUSTER is niet gezet: draai via tests/run-db.sh");
	return c;
}

const char *harness_conninfo(char *buf, size_t len, const char *dbname, const char *user)
{
	snprintf(buf, len, "host='%s' dbname='%s' user='%s'", harness_cluster(), dbname, user);
	return buf;
}

static struct db *connect_or_fail(const char *dbname, const char *user)
{
	char ci[512];
	struct err e;
	struct db *db = NULL;
	err_clear(&e);
	if (db_connect(&db, harness_conninfo(ci, sizeof ci, dbname, user), &e) < 0)
		fail_msg("verbinden met %s als %s: %s", dbname, user, e.msg);
	return db;
}

static void session_maker_reset(void);

struct db *harness_fresh_db(const char *name)
{
	char sql[256];
	session_maker_reset();
	struct db *admin = connect_or_fail("postgres", "postgres");
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
	harness_exec(admin, sql);
	snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", name);
	harness_exec(admin, sql);
	db_free(&admin);
	return connect_or_fail(name, "postgres");
}

struct db *harness_migrated_db(const char *name)
{
	struct err e;
	struct db *db = harness_fresh_db(name);
	err_clear(&e);
	if (migrate_up(db, NULL, &e) < 0)
		fail_msg("migreren: %s", e.msg);
	return db;
}

struct db *harness_app_db(const char *name)
{
	return connect_or_fail(name, "balie_app");
}

struct db *harness_auth_db(const char *name)
{
	return connect_or_fail(name, "balie_auth");
}

/* One superuser connection per database, to open test sessions with
 * (dropped when a test recreates its database). */
static struct db *maker_su;
static char maker_db[128];

static void session_maker_reset(void)
{
	db_free(&maker_su);
	maker_db[0] = '\0';
}

static struct db *session_maker(const char *dbname)
{
	struct db **su_ = &maker_su, *su;
	char *for_db = maker_db;

	if (*su_ && (!db_ok(*su_) || strcmp(for_db, dbname)))
		db_free(su_);
	su = *su_;
	if (!su) {
		su = *su_ = connect_or_fail(dbname, "postgres");
		snprintf(for_db, sizeof maker_db, "%s", dbname);
	}
	return su;
}

int harness_token(struct db *any, long account_id, char *out, size_t len)
{
	char sql[160];
	struct err e;
	struct db *su = session_maker(PQdb(db_pg(any)));

	err_clear(&e);
	snprintf(sql, sizeof sql, "SELECT balie.sessie_openen(%ld, NULL, 'test', 'test')", account_id);
	PGresult *r = db_exec(su, &e, NULL, sql, 0, NULL);
	if (!r) { /* the database was recreated under the cached connection */
		session_maker_reset();
		su = session_maker(PQdb(db_pg(any)));
		r = db_exec(su, &e, NULL, sql, 0, NULL);
	}
	if (!r)
		fail_msg("sessie openen: %s", e.msg);
	int ok = PQntuples(r) == 1 && !PQgetisnull(r, 0, 0);
	snprintf(out, len, "%s", ok ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return ok ? 0 : -1;
}

void db_set_account(struct db *db, long account_id)
{
	char token[96];

	if (account_id <= 0 || harness_token(db, account_id, token, sizeof token) < 0) {
		/* no account, or a blocked one: no session, as in the program */
		db_set_session(db, NULL, 0);
		return;
	}
	db_set_session(db, token, account_id);
}

int harness_try(struct db *db, const char *sql, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

void harness_exec(struct db *db, const char *sql)
{
	struct err e;
	err_clear(&e);
	if (harness_try(db, sql, &e) < 0)
		fail_msg("SQL mislukt: %s\n  %s", e.msg, sql);
}

long harness_long(struct db *db, const char *sql)
{
	struct err e;
	err_clear(&e);
	if (db_begin(db, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	PGresult *r = db_exec(db, &e, NULL, sql, 0, NULL);
	if (!r) {
		db_rollback(db);
		fail_msg("SQL mislukt: %s\n  %s", e.msg, sql);
	}
	long v = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? atol(PQgetvalue(r, 0, 0)) : -1;
	PQclear(r);
	db_rollback(db);
	return v;
}

long harness_account(struct db *db, const char *username)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT id FROM balie.account WHERE username = '%s'", username);
	return harness_long(db, sql);
}

const unsigned char *harness_totp_key(void)
{
	static unsigned char key[TOTPZEGEL_KEY_LEN];

	for (size_t i = 0; i < sizeof key; i++)
		key[i] = (unsigned char)(0x5a ^ (i * 7));
	return key;
}

void harness_totp(struct db *su, const char *username, const char *base32)
{
	char sealed[TOTPZEGEL_LEN] = "", sql[512];
	struct err e;

	auth_set_totp_key(harness_totp_key());
	if (base32 && *base32 &&
	    totpzegel_seal(harness_totp_key(), harness_account(su, username), base32, sealed, sizeof sealed, &e) < 0) {
		fprintf(stderr, "harness_totp: %s\n", e.msg);
		exit(2);
	}
	snprintf(sql, sizeof sql, "SELECT account_totp('%s', '%s')", username, sealed);
	harness_exec(su, sql);
}

void harness_fixture(struct db *db, const char *hash)
{
	char sql[4096];
	harness_exec(db,
		     "INSERT INTO organisatie (code, naam, profiel) VALUES ('PO1111', 'SWV Alfa', 'test'), "
		     "('PO2222', 'SWV Beta', 'test')");
	snprintf(sql, sizeof sql,
		 "INSERT INTO account (username, naam, wachtwoord_hash) VALUES "
		 "('sec_a', 'Secretariaat Alfa', '%s'), ('coord_a', 'Coördinator Alfa', '%s'), "
		 "('sec_b', 'Secretariaat Beta', '%s'), ('school_a', 'IB Alfa', '%s'), "
		 "('extern_a', 'Extern Alfa', '%s'), ('geen', 'Zonder rol', '%s')",
		 hash, hash, hash, hash, hash, hash);
	harness_exec(db, sql);
	harness_exec(db,
		     "INSERT INTO account_rol SELECT a.id, o.id, r FROM (VALUES "
		     "('sec_a','PO1111','secretariaat'), ('coord_a','PO1111','coordinator'), "
		     "('sec_b','PO2222','secretariaat'), ('school_a','PO1111','aanvrager'), "
		     "('extern_a','PO1111','extern')) v(u, c, r) "
		     "JOIN account a ON a.username = v.u JOIN organisatie o ON o.code = v.c");
	harness_exec(db,
		     "INSERT INTO flow_version (organisatie_id, versie, geladen_door, bron_sha256) "
		     "SELECT id, 1, 'test', 'x' FROM organisatie");
	harness_exec(db,
		     "INSERT INTO aanvraagtype (organisatie_id, flow_version_id, code, naam, categorie, eerste_status) "
		     "SELECT organisatie_id, id, 'Test', 'Test', 'Aanmelding', 'Nieuw' FROM flow_version");
	harness_exec(db,
		     "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
		     "SELECT a.id, s.naam, s.cat, s.eind, s.verb, s.vol FROM aanvraagtype a, (VALUES "
		     "('Voorlopige aanmelding', 'Aanmelding', false, true, 0), ('Nieuw', 'Aanmelding', false, false, 1), "
		     "('In behandeling', 'Behandeling', false, false, 2), ('Afgerond', 'Afgerond', true, false, 3)) "
		     "s(naam, cat, eind, verb, vol)");
	harness_exec(db,
		     "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
		     "SELECT a.id, t.van, t.naar, t.rol FROM aanvraagtype a, (VALUES "
		     "('Voorlopige aanmelding', 'Nieuw', 'aanvrager'), ('Nieuw', 'In behandeling', 'coordinator'), "
		     "('Nieuw', 'In behandeling', 'secretariaat'), ('In behandeling', 'Afgerond', 'coordinator')) "
		     "t(van, naar, rol)");
	harness_exec(db,
		     "INSERT INTO dossier (organisatie_id, niveau, roepnaam, achternaam, sorteernaam) "
		     "SELECT o.id, 'leerling', d.r, d.a, lower(d.a || ' ' || d.r) FROM organisatie o, (VALUES "
		     "('Anna', 'Jansen', 'PO1111', 1), ('Bram', 'de Vries', 'PO1111', 2), ('Cem', 'Yılmaz', 'PO1111', 3), "
		     "('Dirk', 'Bakker', 'PO2222', 4), ('Eva', 'Smit', 'PO2222', 5)) d(r, a, c, n) WHERE o.code = d.c "
		     "ORDER BY d.n");
	harness_exec(db,
		     "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
		     "                       status_categorie, aanvrager_id) "
		     "SELECT d.organisatie_id, d.id, a.id, 'Ondersteuningsvraag', DATE '2026-10-01', "
		     "       CASE d.roepnaam WHEN 'Anna' THEN 'Voorlopige aanmelding' ELSE 'Nieuw' END, '', "
		     "       CASE WHEN d.roepnaam IN ('Anna', 'Bram') THEN (SELECT id FROM account WHERE username = 'school_a') END "
		     "  FROM dossier d JOIN aanvraagtype a ON a.organisatie_id = d.organisatie_id ORDER BY d.id");
	harness_exec(db,
		     "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, tot) "
		     "SELECT h.id, a.id, 'extra_toegang', DATE '2099-01-01' FROM hulpvraag h "
		     "  JOIN dossier d ON d.id = h.dossier_id, account a WHERE d.roepnaam = 'Cem' AND a.username = 'extern_a'");
}

void harness_fin_adm(struct db *db, const char *hash)
{
	char sql[600];

	snprintf(sql, sizeof sql,
		 "INSERT INTO account (username, naam, wachtwoord_hash) VALUES ('fin_a', 'Financieel Alfa', '%s'), "
		 "('adm_a', 'Beheer Alfa', '%s')", hash, hash);
	harness_exec(db, sql);
	harness_exec(db, "INSERT INTO account_rol SELECT a.id, o.id, v.r FROM (VALUES ('fin_a', 'financieel'), "
			 "('adm_a', 'admin')) v(u, r) JOIN account a ON a.username = v.u "
			 "JOIN organisatie o ON o.code = 'PO1111'");
}

void harness_flow_aanvulling(struct db *db)
{
	harness_exec(db, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, volgorde) "
			 "SELECT a.id, s.naam, 'Aanmelding', s.vol FROM aanvraagtype a, "
			 "(VALUES ('Aanvulling nodig', 5), ('Aangevuld', 6)) s(naam, vol)");
	harness_exec(db, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			 "SELECT a.id, t.van, t.naar, t.rol FROM aanvraagtype a, (VALUES "
			 "('Nieuw', 'Aanvulling nodig', 'secretariaat'), "
			 "('Aanvulling nodig', 'Aangevuld', 'automatisch')) t(van, naar, rol)");
}

int harness_try_as(struct db *su, const char *dbname, const char *username, const char *sql, char *why,
		   size_t whylen)
{
	struct db *app = harness_app_db(dbname);
	struct err e;
	PGresult *r;
	int done = 0;

	err_clear(&e);
	db_set_account(app, harness_account(su, username));
	if (db_begin(app, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	r = db_exec(app, &e, NULL, sql, 0, NULL);
	snprintf(why, whylen, "%s", r ? "" : e.msg);
	if (r) {
		done = PQntuples(r) > 0 || atol(PQcmdTuples(r)) > 0;
		PQclear(r);
	}
	db_rollback(app);
	db_free(&app);
	return done;
}
