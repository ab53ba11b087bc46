/* verwerken.c — the financial queue; see verwerken.h. */
#include "db/verwerken.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/row.h"

int db_te_verwerken(struct db *db, long org, struct verwerken_rij **out, int *n, struct err *e)
{
	char so[24], sm[24];
	const char *p[2] = { db_num(so, sizeof so, org), db_num(sm, sizeof sm, VERWERKEN_MAX) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT hulpvraag_id, nummer, to_char(datum, 'DD-MM-YYYY'), status, reden, "
					 "       coalesce(bedrag_cent, 0) FROM te_verwerken($1, $2)",
					 2, p);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	int rows = PQntuples(r);
	struct verwerken_rij *v = calloc(rows ? (size_t)rows : 1, sizeof *v);
	if (!v) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++) {
		v[i].id = atol(PQgetvalue(r, i, 0));
		v[i].nummer = atol(PQgetvalue(r, i, 1));
		DB_COPY(v[i].datum, r, i, 2);
		DB_COPY(v[i].status, r, i, 3);
		DB_COPY(v[i].reden, r, i, 4);
		v[i].bedrag = atoll(PQgetvalue(r, i, 5));
	}
	PQclear(r);
	*out = v;
	*n = rows;
	return 0;
}
