/* tarief.c — the tariff table; see tarief.h. */
#include "db/tarief.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"


int db_tarief_set(struct db *db, const char *code, int schooljaar, const char *categorie, int64_t cents,
		  int64_t *was, struct err *e)
{
	char org[24], jaar[16], bedrag[32];
	PGresult *r;

	*was = 0;
	if (db_organisatie_id(db, code, org, sizeof org, e) < 0)
		return -1;
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	snprintf(bedrag, sizeof bedrag, "%lld", (long long)cents);
	const char *p[4] = { org, jaar, categorie, bedrag };
	/* the old amount, locked, then the new: one transaction (a CTE
	 * would not see the row its own upsert changed) */
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT bedrag_cent FROM tarief WHERE organisatie_id = $1 AND schooljaar = $2::int AND categorie = $3 "
		    "FOR UPDATE",
		    3, p);
	if (!r)
		goto fail;
	*was = PQntuples(r) ? atoll(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	r = db_exec(db, e, NULL,
		    "INSERT INTO tarief (organisatie_id, schooljaar, categorie, bedrag_cent) VALUES ($1, $2::int, $3, $4) "
		    "ON CONFLICT (organisatie_id, schooljaar, categorie) DO UPDATE "
		    "   SET bedrag_cent = EXCLUDED.bedrag_cent, gewijzigd_op = now(), gewijzigd_door = session_user",
		    4, p);
	if (!r)
		goto fail;
	PQclear(r);
	return db_commit(db, e);
fail:
	db_rollback(db);
	*was = 0;
	return -1;
}

int db_tarief_remove(struct db *db, const char *code, int schooljaar, const char *categorie, int *found,
		     struct err *e)
{
	char org[24], jaar[16];
	PGresult *r;

	*found = 0;
	if (db_organisatie_id(db, code, org, sizeof org, e) < 0)
		return -1;
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	const char *p[3] = { org, jaar, categorie };
	r = db_exec(db, e, NULL, "DELETE FROM tarief WHERE organisatie_id = $1 AND schooljaar = $2::int AND categorie = $3",
		    3, p);
	if (!r)
		return -1;
	*found = atoi(PQcmdTuples(r)) > 0;
	PQclear(r);
	return 0;
}

int db_tarief_list(struct db *db, const char *code, struct db_tarief **out, int *n, struct err *e)
{
	const char *p[1] = { code };
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT o.code, t.schooljaar, t.categorie, t.bedrag_cent, "
			      "       " DB_MOMENT("t.gewijzigd_op") " || ' door ' || t.gewijzigd_door "
			      "  FROM tarief t JOIN organisatie o ON o.id = t.organisatie_id "
			      " WHERE $1::text IS NULL OR o.code = upper($1) "
			      " ORDER BY o.code, t.schooljaar, t.categorie",
			      1, p);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	int rows = PQntuples(r);
	struct db_tarief *t = calloc(rows ? (size_t)rows : 1, sizeof *t);
	if (!t) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++) {
		DB_COPY(t[i].organisatie, r, i, 0);
		t[i].schooljaar = atoi(PQgetvalue(r, i, 1));
		DB_COPY(t[i].categorie, r, i, 2);
		t[i].cents = atoll(PQgetvalue(r, i, 3));
		DB_COPY(t[i].gewijzigd, r, i, 4);
	}
	PQclear(r);
	*out = t;
	*n = rows;
	return 0;
}
