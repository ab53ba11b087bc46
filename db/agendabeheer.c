/* agendabeheer.c — the agenda's configuration; see agendabeheer.h. */
#include "db/agendabeheer.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"


/* One statement with the organisatie's id as $1 and p[1..n) after it; the
 * number of rows it touched into *rows (NULL: not wanted). */
static int org_exec(struct db *db, const char *org, const char *sql, const char **p, int n, int *rows,
		    struct err *e)
{
	char id[24];
	PGresult *r;

	if (db_organisatie_id(db, org, id, sizeof id, e) < 0)
		return -1;
	p[0] = id;
	if (!(r = db_exec(db, e, NULL, sql, n, p)))
		return -1;
	if (rows)
		*rows = atoi(PQcmdTuples(r));
	PQclear(r);
	return 0;
}

int db_commissie_list(struct db *db, const char *org, struct db_commissie **out, int *n, struct err *e)
{
	const char *p[1] = { org };
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT o.code, c.code, c.naam, c.deadline_werkdagen, c.toegang_dagen, "
			      "       (SELECT count(*) FROM vergadering v WHERE v.commissie_id = c.id) "
			      "  FROM commissie c JOIN organisatie o ON o.id = c.organisatie_id "
			      " WHERE $1::text IS NULL OR o.code = upper($1) ORDER BY o.code, c.code",
			      1, p);

	if (db_rows(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < *n; i++) {
		struct db_commissie *c = &(*out)[i];

		DB_COPY(c->organisatie, r, i, 0);
		DB_COPY(c->code, r, i, 1);
		DB_COPY(c->naam, r, i, 2);
		c->deadline_werkdagen = atoi(PQgetvalue(r, i, 3));
		c->toegang_dagen = atoi(PQgetvalue(r, i, 4));
		c->vergaderingen = atoi(PQgetvalue(r, i, 5));
	}
	PQclear(r);
	return 0;
}

int db_commissie_set(struct db *db, struct db_commissie *c, int *nieuw, struct err *e)
{
	char dl[16], tg[16], id[24];
	const char *p[5] = { NULL, c->code, c->naam, c->deadline_werkdagen < 0 ? NULL : dl,
			     c->toegang_dagen < 0 ? NULL : tg };
	PGresult *r;

	snprintf(dl, sizeof dl, "%d", c->deadline_werkdagen);
	snprintf(tg, sizeof tg, "%d", c->toegang_dagen);
	if (db_organisatie_id(db, c->organisatie, id, sizeof id, e) < 0)
		return -1;
	p[0] = id;
	/* a number not given: the default for a new one, kept for an existing
	 * one; xmax = 0: the row was inserted, not updated */
	r = db_exec(db, e, NULL,
		    "INSERT INTO commissie (organisatie_id, code, naam, deadline_werkdagen, toegang_dagen) "
		    "VALUES ($1, $2, $3, coalesce($4::int, 5), coalesce($5::int, 14)) "
		    "ON CONFLICT (organisatie_id, code) DO UPDATE "
		    "   SET naam = EXCLUDED.naam, "
		    "       deadline_werkdagen = coalesce($4::int, commissie.deadline_werkdagen), "
		    "       toegang_dagen = coalesce($5::int, commissie.toegang_dagen) "
		    "RETURNING xmax = 0, deadline_werkdagen, toegang_dagen",
		    5, p);
	if (!r)
		return -1;
	*nieuw = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
	if (PQntuples(r) == 1) {
		c->deadline_werkdagen = atoi(PQgetvalue(r, 0, 1));
		c->toegang_dagen = atoi(PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	return 0;
}

int db_commissie_remove(struct db *db, const char *org, const char *code, int *found, struct err *e)
{
	const char *p[2] = { NULL, code };
	char id[24];
	PGresult *r;
	int meetings;

	*found = 0;
	if (db_organisatie_id(db, org, id, sizeof id, e) < 0)
		return -1;
	p[0] = id;
	r = db_exec(db, e, NULL,
		    "SELECT count(v.id) FROM commissie c LEFT JOIN vergadering v ON v.commissie_id = c.id "
		    " WHERE c.organisatie_id = $1 AND c.code = $2 GROUP BY c.id",
		    2, p);
	if (!r)
		return -1;
	*found = PQntuples(r) == 1;
	meetings = *found ? atoi(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	if (!*found)
		return 0;
	if (meetings > 0)
		return err_set(e, "de %s heeft %d vergadering%s; die blijven bewaard, dus de commissie ook", code, meetings,
			       meetings == 1 ? "" : "en");
	return org_exec(db, org, "DELETE FROM commissie WHERE organisatie_id = $1 AND code = $2", p, 2, NULL, e);
}

int db_regio_get(struct db *db, const char *org, char *buf, size_t len, struct err *e)
{
	const char *p[1] = { org };
	PGresult *r = db_exec(db, e, NULL, "SELECT coalesce(regio, '') FROM organisatie WHERE code = upper($1)", 1, p);

	if (!r)
		return -1;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return err_set(e, "organisatie %s bestaat niet", org);
	}
	db_copy(buf, len, PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int db_regio_set(struct db *db, const char *org, const char *regio, struct err *e)
{
	const char *p[2] = { NULL, regio };

	return org_exec(db, org, "UPDATE organisatie SET regio = $2 WHERE id = $1", p, 2, NULL, e);
}

int db_verlengdeadline_list(struct db *db, const char *org, struct db_verlengdeadline **out, int *n,
			    struct err *e)
{
	const char *p[1] = { org };
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT o.code, x.schooljaar, extract(year FROM x.datum), extract(month FROM x.datum), "
			      "       extract(day FROM x.datum) "
			      "  FROM verlenging_deadline x JOIN organisatie o ON o.id = x.organisatie_id "
			      " WHERE $1::text IS NULL OR o.code = upper($1) ORDER BY o.code, x.schooljaar",
			      1, p);

	if (db_rows(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < *n; i++) {
		struct db_verlengdeadline *d = &(*out)[i];

		DB_COPY(d->organisatie, r, i, 0);
		d->schooljaar = atoi(PQgetvalue(r, i, 1));
		d->datum = (struct datum){ atoi(PQgetvalue(r, i, 2)), atoi(PQgetvalue(r, i, 3)), atoi(PQgetvalue(r, i, 4)) };
	}
	PQclear(r);
	return 0;
}

int db_verlengdeadline_set(struct db *db, const char *org, int schooljaar, struct datum d, struct datum *was,
			   struct err *e)
{
	char jaar[16], iso[DATUM_BUFLEN], id[24];
	const char *p[3] = { NULL, jaar, datum_format_iso(d, iso) };
	PGresult *r;

	memset(was, 0, sizeof *was);
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	if (db_organisatie_id(db, org, id, sizeof id, e) < 0)
		return -1;
	p[0] = id;
	/* the old date, locked, then the new: one transaction */
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT extract(year FROM datum), extract(month FROM datum), extract(day FROM datum) "
		    "  FROM verlenging_deadline WHERE organisatie_id = $1 AND schooljaar = $2::int FOR UPDATE",
		    2, p);
	if (!r)
		goto fail;
	if (PQntuples(r) == 1)
		*was = (struct datum){ atoi(PQgetvalue(r, 0, 0)), atoi(PQgetvalue(r, 0, 1)), atoi(PQgetvalue(r, 0, 2)) };
	PQclear(r);
	r = db_exec(db, e, NULL,
		    "INSERT INTO verlenging_deadline (organisatie_id, schooljaar, datum) VALUES ($1, $2::int, $3::date) "
		    "ON CONFLICT (organisatie_id, schooljaar) DO UPDATE SET datum = EXCLUDED.datum",
		    3, p);
	if (!r)
		goto fail;
	PQclear(r);
	return db_commit(db, e);
fail:
	db_rollback(db);
	memset(was, 0, sizeof *was);
	return -1;
}

int db_verlengdeadline_remove(struct db *db, const char *org, int schooljaar, int *found, struct err *e)
{
	char jaar[16];
	const char *p[2] = { NULL, jaar };

	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	*found = 0;
	return org_exec(db, org, "DELETE FROM verlenging_deadline WHERE organisatie_id = $1 AND schooljaar = $2::int", p,
			2, found, e);
}
