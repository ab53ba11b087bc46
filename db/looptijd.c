/* looptijd.c — the lists by end date; see looptijd.h. */
#include "db/looptijd.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/row.h"

/* Both lists answer in the same columns. */
static const char *const sql[] = {
	[LT_VERLOOPT] = "SELECT hulpvraag_id, nummer, 0, soort, wat, to_char(einddatum, 'DD-MM-YYYY'), status, '' "
			"  FROM verloopt_binnenkort($1, $2) LIMIT $3",
	[LT_EVALUEREN] = "SELECT hulpvraag_id, nummer, versie, 'Aanpak', wat, to_char(einddatum, 'DD-MM-YYYY'), status, "
			 "       naar FROM te_evalueren($1) WHERE $2::integer IS NOT NULL LIMIT $3",
};

int db_looptijd(struct db *db, enum looptijd_lijst l, long org, int maanden, struct looptijd_rij **out, int *n,
		struct err *e)
{
	char so[24], sm[24], sx[24];
	const char *p[3] = { db_num(so, sizeof so, org), db_num(sm, sizeof sm, maanden),
			     db_num(sx, sizeof sx, LOOPTIJD_MAX) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind, sql[l], 3, p);

	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	int rows = PQntuples(r);
	struct looptijd_rij *v = calloc(rows ? (size_t)rows : 1, sizeof *v);
	if (!v) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++) {
		v[i].id = atol(PQgetvalue(r, i, 0));
		v[i].nummer = atol(PQgetvalue(r, i, 1));
		v[i].versie = atoi(PQgetvalue(r, i, 2));
		DB_COPY(v[i].soort, r, i, 3);
		DB_COPY(v[i].wat, r, i, 4);
		DB_COPY(v[i].einde, r, i, 5);
		DB_COPY(v[i].status, r, i, 6);
		DB_COPY(v[i].naar, r, i, 7);
	}
	PQclear(r);
	*out = v;
	*n = rows;
	return 0;
}
