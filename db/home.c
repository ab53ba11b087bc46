/* home.c — counts for the home screen; see home.h. */
#include "db/home.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int home_werk(struct db *db, long organisatie_id, long account_id, const char *cutoff, struct home_werk *w,
	      struct err *e)
{
	char org[24], acc[24];

	memset(w, 0, sizeof *w);
	snprintf(org, sizeof org, "%ld", organisatie_id);
	snprintf(acc, sizeof acc, "%ld", account_id);
	const char *p[3] = {org, acc, cutoff};
	if (db_begin(db, e) < 0)
		return -1;
	/* "Te verwerken": the number of rows of the financial queue itself
	 * (the maintained table of 028, the same rows te_verwerken() lists),
	 * kept beside it as the counts above are. */
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT (SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_reactie "
			      "         WHERE organisatie_id = $1 AND datum <= $3::date), "
			      "       (SELECT coalesce(sum(t.aantal), 0) FROM hulpvraag_telling t "
			      "         WHERE t.organisatie_id = $1 AND NOT t.voorlopig AND t.status IN ("
			      "               SELECT s.naam FROM flow_status s JOIN aanvraagtype a ON a.id = s.aanvraagtype_id "
			      "                WHERE a.organisatie_id = $1 AND s.controleren)), "
			      "       (SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_coord "
			      "         WHERE organisatie_id = $1 AND coordinator_id = $2), "
			      "       (SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_reactie "
			      "         WHERE organisatie_id = $1 AND coordinator_id = $2 AND datum <= $3::date), "
			      "       (SELECT coalesce(sum(aantal), 0) FROM verwerken_telling WHERE organisatie_id = $1)",
			      3, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	w->zonder_reactie = atol(PQgetvalue(r, 0, 0));
	w->te_controleren = atol(PQgetvalue(r, 0, 1));
	w->mijn_open = atol(PQgetvalue(r, 0, 2));
	w->mijn_te_laat = atol(PQgetvalue(r, 0, 3));
	w->te_verwerken = atol(PQgetvalue(r, 0, 4));
	PQclear(r);
	/* The school's own hulpvragen: few rows, through the index on
	 * aanvrager_id and under its RLS (a school has no maintained counts). */
	const char *q[1] = {acc};
	r = db_exec(db, e, NULL,
		    "SELECT count(*), count(*) FILTER (WHERE s.aanvulling) FROM hulpvraag h "
		    "  JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status "
		    " WHERE h.aanvrager_id = $1 AND NOT s.eindstatus",
		    1, q);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	w->mijn_aanvragen = atol(PQgetvalue(r, 0, 0));
	w->aanvulling = atol(PQgetvalue(r, 0, 1));
	PQclear(r);
	/* Te plannen from its maintained count (024, the delta pattern of 014);
	 * nieuw toegewezen: the few assignments since the coördinator last
	 * looked, through the index on toewijzing, that still hold and are
	 * open (each hulpvraag once); the post list (026): few rows, on its
	 * partial index, and RLS shows none to a role without "post". */
	r = db_exec(db, e, NULL,
		    "SELECT (SELECT coalesce(sum(aantal), 0) FROM hulpvraag_telling_plannen WHERE organisatie_id = $1), "
		    "       (SELECT count(DISTINCT t.hulpvraag_id) FROM toewijzing t "
		    "          JOIN hulpvraag h ON h.id = t.hulpvraag_id AND h.coordinator_id = t.coordinator_id "
		    "          JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status "
		    "         WHERE t.organisatie_id = $1 AND t.coordinator_id = $2 AND NOT s.eindstatus "
		    "           AND t.op > coalesce((SELECT g.op FROM werkvoorraad_gezien g "
		    "                                 WHERE g.account_id = $2 AND g.organisatie_id = $1), '-infinity')), "
		    "       (SELECT count(*) FROM mail_in WHERE organisatie_id = $1 AND reden IS NOT NULL "
		    "           AND afgehandeld_op IS NULL)",
		    2, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	w->te_plannen = atol(PQgetvalue(r, 0, 0));
	w->mijn_nieuw = atol(PQgetvalue(r, 0, 1));
	w->post = atol(PQgetvalue(r, 0, 2));
	PQclear(r);
	/* The hulpvragen the account is involved in (the regierolhouder's
	 * list, 030_regie.sql): its own links only, few rows, through the
	 * index on hulpvraag_toegang (account_id), under RLS. */
	r = db_exec(db, e, NULL,
		    "SELECT count(DISTINCT h.id) FROM hulpvraag_toegang t "
		    "  JOIN hulpvraag h ON h.id = t.hulpvraag_id "
		    "  JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status "
		    " WHERE t.account_id = $2 AND t.organisatie_id = $1 AND (t.tot IS NULL OR t.tot >= current_date) "
		    "   AND NOT s.eindstatus",
		    2, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	w->betrokken = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	db_rollback(db); /* read-only */
	return 0;
}

int home_werkvoorraad_bekeken(struct db *db, long organisatie_id, struct err *e)
{
	char org[24];
	const char *p[1] = {org};

	snprintf(org, sizeof org, "%ld", organisatie_id);
	if (db_begin(db, e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL, "SELECT werkvoorraad_bekeken($1)", 1, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return db_commit(db, e);
}
