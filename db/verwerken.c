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

int db_verwerken_controle(struct db *db, const long *ids, int n, struct verwerken_controle **out, int *nout,
			  struct err *e)
{
	size_t len = (size_t)n * 21 + 3;
	char *arr = malloc(len);
	enum db_failure kind;
	size_t used = 0;

	*out = NULL;
	*nout = 0;
	if (!arr)
		return err_set(e, "onvoldoende geheugen");
	arr[used++] = '{';
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(arr + used, len - used, "%s%ld", i ? "," : "", ids[i]);
	snprintf(arr + used, len - used, "}");
	const char *p[1] = { arr };
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT hulpvraag_id, nummer, versie, coalesce(naar, ''), mail, waarom "
					 "  FROM verwerken_controle($1::bigint[])",
					 1, p);
	free(arr);
	if (!r)
		return -1;
	int rows = PQntuples(r);
	struct verwerken_controle *c = calloc(rows ? (size_t)rows : 1, sizeof *c);
	if (!c) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++) {
		c[i].id = atol(PQgetvalue(r, i, 0));
		c[i].nummer = atol(PQgetvalue(r, i, 1));
		c[i].versie = atoi(PQgetvalue(r, i, 2));
		DB_COPY(c[i].naar, r, i, 3);
		c[i].mail = PQgetvalue(r, i, 4)[0] == 't';
		DB_COPY(c[i].waarom, r, i, 5);
	}
	PQclear(r);
	*out = c;
	*nout = rows;
	return 0;
}
