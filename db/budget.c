/* budget.c — the budgets; see budget.h. */
#include "db/budget.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

int db_budget_set(struct db *db, const char *code, int schooljaar, const char *soort, int64_t cents, int64_t *was,
		  struct err *e)
{
	char jaar[16], bedrag[32];
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	snprintf(bedrag, sizeof bedrag, "%lld", (long long)cents);
	const char *p[4] = { code, jaar, soort, bedrag };
	/* one statement: the old amount (the statement's snapshot, from before
	 * the write) and the upsert, which locks the row; an unknown
	 * organisatie inserts nothing */
	PGresult *r = db_exec(db, e, NULL,
			      "WITH o AS (SELECT id FROM organisatie WHERE code = upper($1)), "
			      "oud AS (SELECT b.bedrag_cent FROM budget b, o WHERE b.organisatie_id = o.id "
			      "          AND b.schooljaar = $2::int AND b.soort = $3), "
			      "nieuw AS (INSERT INTO budget (organisatie_id, schooljaar, soort, bedrag_cent) "
			      "          SELECT id, $2::int, $3, $4::bigint FROM o "
			      "          ON CONFLICT (organisatie_id, schooljaar, soort) DO UPDATE "
			      "          SET bedrag_cent = EXCLUDED.bedrag_cent, gewijzigd_op = now(), "
			      "              gewijzigd_door = session_user RETURNING 1) "
			      "SELECT (SELECT count(*) FROM nieuw), coalesce((SELECT bedrag_cent FROM oud), 0)",
			      4, p);
	*was = 0;
	if (!r)
		return -1;
	int found = atoi(PQgetvalue(r, 0, 0)) == 1;
	*was = atoll(PQgetvalue(r, 0, 1));
	PQclear(r);
	return found ? 0 : err_set(e, "organisatie %s bestaat niet", code);
}

int db_budget_list(struct db *db, const char *code, struct db_budget **out, int *n, struct err *e)
{
	const char *p[1] = { code };
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT o.code, b.schooljaar, b.soort, b.bedrag_cent, "
			      "       coalesce((SELECT sum(a.bedrag_cent) FROM aanpak a WHERE a.organisatie_id = b.organisatie_id "
			      "          AND lower(a.type) = lower(b.soort) AND a.startdatum IS NOT NULL "
			      "          AND extract(year FROM a.startdatum - interval '7 months')::integer = b.schooljaar), 0) "
			      "  FROM budget b JOIN organisatie o ON o.id = b.organisatie_id "
			      " WHERE $1::text IS NULL OR o.code = upper($1) ORDER BY o.code, b.schooljaar, b.soort",
			      1, p);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	int rows = PQntuples(r);
	struct db_budget *v = calloc(rows ? (size_t)rows : 1, sizeof *v);
	if (!v) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++) {
		DB_COPY(v[i].organisatie, r, i, 0);
		v[i].schooljaar = atoi(PQgetvalue(r, i, 1));
		DB_COPY(v[i].soort, r, i, 2);
		v[i].cents = atoll(PQgetvalue(r, i, 3));
		v[i].vastgelegd = atoll(PQgetvalue(r, i, 4));
	}
	PQclear(r);
	*out = v;
	*n = rows;
	return 0;
}

int db_budget_prognose(struct db *db, const char *code, int schooljaar, const char *soort, int64_t *budget,
		       struct db_prognose out[12], struct err *e)
{
	char jaar[16];
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	const char *p[3] = { code, jaar, soort };
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT to_char(g.maand, 'MM-YYYY'), g.vastgelegd_cent, g.verwacht_cent, "
			      "       coalesce((SELECT b.bedrag_cent FROM budget b WHERE b.organisatie_id = o.id "
			      "                   AND b.schooljaar = $2::int AND lower(b.soort) = lower($3)), 0) "
			      "  FROM organisatie o, budget_prognose(o.id, $2::int, $3) g WHERE o.code = upper($1) ORDER BY g.maand",
			      3, p);
	*budget = 0;
	memset(out, 0, 12 * sizeof *out);
	if (!r)
		return -1;
	if (PQntuples(r) != 12) {
		PQclear(r);
		return err_set(e, "organisatie %s bestaat niet", code);
	}
	for (int i = 0; i < 12; i++) {
		DB_COPY(out[i].maand, r, i, 0);
		out[i].vastgelegd = atoll(PQgetvalue(r, i, 1));
		out[i].verwacht = atoll(PQgetvalue(r, i, 2));
	}
	*budget = atoll(PQgetvalue(r, 0, 3));
	PQclear(r);
	return 0;
}

int db_budget_prognose_alle(struct db *db, long org, int schooljaar, struct db_prognose_budget **out, int *n,
			    struct err *e)
{
	char so[24], jaar[16];
	enum db_failure kind;
	snprintf(jaar, sizeof jaar, "%d", schooljaar);
	const char *p[2] = { db_num(so, sizeof so, org), jaar };
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT soort, budget_cent, to_char(maand, 'MM-YYYY'), vastgelegd_cent, verwacht_cent "
					 "  FROM budget_prognose_alle($1, $2::int)",
					 2, p);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	int rows = PQntuples(r), nb = 0;
	struct db_prognose_budget *v = calloc((size_t)rows / 12 + 1, sizeof *v);
	if (!v) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	/* twelve rows per budget, in month order (the function's ORDER BY) */
	for (int i = 0; i + 11 < rows; i += 12, nb++) {
		DB_COPY(v[nb].soort, r, i, 0);
		v[nb].budget = atoll(PQgetvalue(r, i, 1));
		for (int m = 0; m < 12; m++) {
			DB_COPY(v[nb].maand[m].maand, r, i + m, 2);
			v[nb].maand[m].vastgelegd = atoll(PQgetvalue(r, i + m, 3));
			v[nb].maand[m].verwacht = atoll(PQgetvalue(r, i + m, 4));
		}
	}
	PQclear(r);
	*out = v;
	*n = nb;
	return 0;
}
