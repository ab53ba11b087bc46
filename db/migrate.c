/* migrate.c — apply the embedded migrations; see migrate.h. */
#include "db/migrate.h"
#include "db/recht.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

/* Arbitrary but fixed: the advisory lock that serialises migrations. */
#define MIGRATE_LOCK "4242001"

int migrate_latest(void)
{
	int v = 0;
	for (const struct migration *m = migrations; m->name; m++)
		if (m->version > v)
			v = m->version;
	return v;
}

static int current_in_tx(struct db *db, struct err *e)
{
	/* Two statements: the second cannot even be planned on an empty
	 * database. */
	PGresult *r = db_exec(db, e, NULL, "SELECT to_regclass('balie.schema_version') IS NOT NULL", 0, NULL);
	if (!r)
		return -1;
	int exists = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!exists)
		return 0;
	r = db_exec(db, e, NULL, "SELECT coalesce(max(version), 0) FROM balie.schema_version", 0, NULL);
	if (!r)
		return -1;
	int v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

/* 1 when version is in schema_version, 0 when not, -1 on error. */
static int recorded(struct db *db, int version, struct err *e)
{
	char v[16];
	snprintf(v, sizeof v, "%d", version);
	const char *p[1] = {v};
	PGresult *r = db_exec(db, e, NULL, "SELECT count(*) FROM balie.schema_version WHERE version = $1", 1, p);
	if (!r)
		return -1;
	int n = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return n > 0;
}

/* Embedded migrations the database has not recorded (0 = up to date). */
static int missing(struct db *db, struct err *e)
{
	int n = 0;
	for (const struct migration *m = migrations; m->name; m++) {
		int done = recorded(db, m->version, e);
		if (done < 0)
			return -1;
		n += !done;
	}
	return n;
}

int migrate_current(struct db *db, struct err *e)
{
	return current_in_tx(db, e);
}

static int too_new(int have, struct err *e)
{
	return err_set(e, "de database heeft schemaversie %d, maar deze balie kent alleen tot versie %d: "
			  "installeer een nieuwere balie", have, migrate_latest());
}

int migrate_up(struct db *db, int *applied, struct err *e)
{
	int count = 0;
	for (const struct migration *m = migrations; m->name; m++) {
		if (db_exec_script(db, "BEGIN", e) < 0)
			return -1;
		/* Transaction-scoped: released by COMMIT/ROLLBACK, and a second
		 * migrator waits here, then sees the new version. */
		if (db_exec_script(db, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")", e) < 0)
			goto fail;
		int have = current_in_tx(db, e);
		if (have < 0)
			goto fail;
		if (have > migrate_latest()) {
			too_new(have, e);
			goto fail;
		}
		/* Applied already?  Asked per version, not "<= newest": a
		 * migration that arrives after a later-numbered one (merged
		 * branches) must still run. */
		int done = have > 0 ? recorded(db, m->version, e) : 0;
		if (done < 0)
			goto fail;
		if (done) {
			db_rollback(db);
			continue;
		}
		if (m->version > 1 && db_exec_script(db, "SET LOCAL ROLE balie_owner", e) < 0)
			goto fail;
		if (db_exec_script(db, m->sql, e) < 0) {
			char msg[sizeof e->msg];
			snprintf(msg, sizeof msg, "%s", e->msg);
			err_set(e, "migratie %s mislukte: %s", m->name, msg);
			goto fail;
		}
		char v[16];
		snprintf(v, sizeof v, "%d", m->version);
		const char *p[2] = {v, m->name};
		PGresult *r = db_exec(db, e, NULL,
				      "INSERT INTO balie.schema_version (version, name) VALUES ($1, $2)", 2, p);
		if (!r)
			goto fail;
		PQclear(r);
		if (db_commit(db, e) < 0)
			return -1;
		count++;
	}
	if (applied)
		*applied = count;
	/* the rulebook of this binary, every time: a changed core/recht.c
	 * reaches the database with the next migrate, not only with a new
	 * migration */
	return recht_publiceer(db, NULL, e);
fail:
	db_rollback(db);
	return -1;
}

int migrate_require_current(struct db *db, struct err *e)
{
	int have = migrate_current(db, e);
	if (have < 0)
		return -1;
	if (have > migrate_latest())
		return too_new(have, e);
	int gaps = have > 0 ? missing(db, e) : 1;
	if (gaps < 0)
		return -1;
	if (have < migrate_latest() || gaps > 0)
		return err_set(e, "de database heeft schemaversie %d, deze balie verwacht %d: "
				  "laat de beheerder 'balie admin migrate' draaien", have, migrate_latest());
	/* who may do what: the database must enforce this binary's table */
	int same = recht_gelijk(db, e);
	if (same < 0)
		return -1;
	if (!same)
		return err_set(e, "de rechten in de database horen bij een andere versie van balie: "
				  "laat de beheerder 'balie admin migrate' draaien");
	return 0;
}
