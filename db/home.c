/* home.c — counts for the home screen; see home.h. */
#include "db/home.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

int home_counts(struct db *db, long organisatie_id, struct home_count **out, int *n, struct err *e)
{
	char org[24];
	snprintf(org, sizeof org, "%ld", organisatie_id);
	const char *p[1] = {org};
	*out = NULL;
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	/* Back office: the maintained counts (cheap at any size).  Others: only
	 * what row-level security lets them see, counted directly. */
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT status_categorie, sum(aantal)::bigint FROM hulpvraag_telling "
			      " WHERE organisatie_id = $1 AND NOT voorlopig AND aantal > 0 "
			      "   AND $1 IN (SELECT internal_orgs()) "
			      " GROUP BY 1 "
			      "UNION ALL "
			      "SELECT status_categorie, count(*) FROM hulpvraag "
			      " WHERE organisatie_id = $1 AND $1 NOT IN (SELECT internal_orgs()) "
			      " GROUP BY 1 ORDER BY 1",
			      1, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	int rows = PQntuples(r);
	struct home_count *c = calloc(rows ? (size_t)rows : 1, sizeof *c);
	if (!c) {
		PQclear(r);
		db_rollback(db);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < rows; i++) {
		snprintf(c[i].categorie, sizeof c[i].categorie, "%s", PQgetvalue(r, i, 0));
		c[i].aantal = atol(PQgetvalue(r, i, 1));
	}
	PQclear(r);
	db_rollback(db); /* read-only: nothing to commit */
	*out = c;
	*n = rows;
	return 0;
}
