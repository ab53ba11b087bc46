/* compleet.c — gather the facts of hulpvragen and evaluate their checklist. */
#include "db/compleet.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

#define MAX_IDS 200

/* One statement in one round trip as the acting account. */
static PGresult *query(struct db *db, struct err *e, const char *sql, int n, const char *const *p)
{
	enum db_failure kind;

	return db_exec_as_account(db, e, &kind, sql, n, p);
}

void compleet_hv_release(struct compleet_hv *h)
{
	if (h)
		compleet_uitslag_release(&h->uitslag);
}

/* One statement, rows of six kinds told apart by k and ordered so each
 * hulpvraag's (and each form's, each aanvraagtype's) rows are contiguous:
 *   0 hulpvraag   id | nummer version titel status roepnaam tussenvoegsel achternaam
 *                       flags aanvulling vandaag datum aanvraagtype aanvraagtype_id datum_iso
 *   1 bijlage     id | categorie naam op
 *   2 formulier   id | formulier_id code compleet
 *   3 waarde      id | formulier_id veld waarde
 *   4 regel       aanvraagtype_id | nr omschrijving melding alleen_in
 *   5 voorwaarde  aanvraagtype_id | nr alt soort arg veld waarde eerste getal regel
 * flags: geboortedatum, woonadres, geslacht, schoolgegevens, controleren as
 * five '0'/'1'.  Pupil names only for a leerling dossier. */
static const char facts_sql[] =
	"WITH h AS ("
	" SELECT h.id, h.nummer, h.version, h.titel, h.status, h.datum, h.aanvraagtype_id, t.naam AS tnaam,"
	"        d.id AS dossier_id, d.niveau, d.roepnaam, d.tussenvoegsel, d.achternaam, d.geboortedatum, d.geslacht"
	"   FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id JOIN aanvraagtype t ON t.id = h.aanvraagtype_id"
	"  WHERE h.id = ANY($1::bigint[])),"
	" f AS ("
	" SELECT f.id, f.hulpvraag_id, fd.code, f.compleet FROM formulier f"
	"   JOIN formulier_definitie fd ON fd.id = f.definitie_id"
	"  WHERE f.hulpvraag_id IN (SELECT id FROM h) AND f.verwijderd_op IS NULL),"
	" vandaag AS (SELECT (now() AT TIME ZONE " DB_TZ ")::date AS d)"
	" SELECT 0 AS k, h.id, 0::bigint AS s1, 0::bigint AS s2, h.nummer::text, h.version::text, h.titel, h.status,"
	"        CASE WHEN h.niveau = 'leerling' THEN h.roepnaam END::text,"
	"        CASE WHEN h.niveau = 'leerling' THEN h.tussenvoegsel END::text,"
	"        CASE WHEN h.niveau = 'leerling' THEN h.achternaam END::text,"
	"        concat((h.geboortedatum IS NOT NULL)::int,"
	"               (EXISTS (SELECT 1 FROM adres a WHERE a.dossier_id = h.dossier_id"
	"                   AND a.soort IN ('woonadres', 'beide') AND (a.tot IS NULL OR a.tot >= (SELECT d FROM vandaag))))::int,"
	"               (h.geslacht IS NOT NULL)::int,"
	"               (EXISTS (SELECT 1 FROM schoolgegevens sg WHERE sg.dossier_id = h.dossier_id))::int,"
	"               coalesce(s.controleren, false)::int),"
	"        (SELECT a.naam FROM flow_status a WHERE a.aanvraagtype_id = h.aanvraagtype_id AND a.aanvulling LIMIT 1),"
	"        to_char((SELECT d FROM vandaag), 'YYYY-MM-DD'), to_char(h.datum, 'DD-MM-YYYY'), h.tnaam,"
	"        h.aanvraagtype_id::text, to_char(h.datum, 'YYYY-MM-DD')"
	"   FROM h LEFT JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status"
	" UNION ALL"
	" SELECT 1, b.hulpvraag_id, b.id, 0, b.categorie, b.naam,"
	"        to_char((b.geupload_op AT TIME ZONE " DB_TZ ")::date, 'YYYY-MM-DD'), NULL, NULL, NULL, NULL, NULL, NULL,"
	"        NULL, NULL, NULL, NULL, NULL"
	"   FROM bijlage b WHERE b.hulpvraag_id IN (SELECT id FROM h) AND b.verwijderd_op IS NULL"
	" UNION ALL"
	" SELECT 2, f.hulpvraag_id, f.id, 0, f.id::text, f.code, f.compleet::text, NULL, NULL, NULL, NULL, NULL,"
	"        NULL, NULL, NULL, NULL, NULL, NULL"
	"   FROM f"
	" UNION ALL"
	" SELECT 3, f.hulpvraag_id, f.id, 0, f.id::text, w.veld, w.waarde, NULL, NULL, NULL, NULL, NULL, NULL,"
	"        NULL, NULL, NULL, NULL, NULL"
	"   FROM formulier_waarde w JOIN f ON f.id = w.formulier_id"
	" UNION ALL"
	" SELECT 4, r.aanvraagtype_id, r.nr, 0, r.nr::text, r.omschrijving, r.melding,"
	"        array_to_string(r.alleen_in, E'\\n'), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
	"   FROM compleet_regel r WHERE r.aanvraagtype_id IN (SELECT aanvraagtype_id FROM h)"
	" UNION ALL"
	" SELECT 5, v.aanvraagtype_id, v.nr, v.alt, v.nr::text, v.alt::text, v.soort, v.arg, v.veld, v.waarde,"
	"        v.eerste::text, v.getal::text, v.regel::text, NULL, NULL, NULL, NULL, NULL"
	"   FROM compleet_voorwaarde v WHERE v.aanvraagtype_id IN (SELECT aanvraagtype_id FROM h)"
	" ORDER BY 1, 2, 3, 4";

enum { C_K, C_ID, C_S1, C_S2, C_1 };

static const char *val(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, C_1 + col - 1) ? NULL : PQgetvalue(r, row, C_1 + col - 1);
}

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The checklist of one aanvraagtype, built from kinds 4 and 5. */
struct typerules {
	long type;
	struct compleet_rules rules;
};

static int add_item(struct typerules *tr, const PGresult *r, int row)
{
	struct compleet_rules *rs = &tr->rules;
	struct compleet_item *n = realloc(rs->items, (rs->nitems + 1) * sizeof *n);
	if (!n)
		return -1;
	rs->items = n;
	struct compleet_item *it = &rs->items[rs->nitems++];
	memset(it, 0, sizeof *it);
	it->line = atoi(val(r, row, 1)); /* holds nr while loading: add_cond finds the item by it */
	it->omschrijving = dup(val(r, row, 2));
	it->melding = dup(val(r, row, 3));
	const char *in = val(r, row, 4);
	if (!it->omschrijving || !it->melding)
		return -1;
	/* alleen_in: status names joined by newlines (names hold no control characters) */
	for (const char *p = in; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char **a = realloc(it->alleen_in, (it->nalleen_in + 1) * sizeof *a);
		if (!a)
			return -1;
		it->alleen_in = a;
		if (!(a[it->nalleen_in] = strndup(p, len)))
			return -1;
		it->nalleen_in++;
		p = nl ? nl + 1 : p + len;
	}
	return 0;
}

static int add_cond(struct typerules *tr, const PGresult *r, int row, struct err *e)
{
	int nr = atoi(val(r, row, 1));
	struct compleet_item *it = NULL;

	for (size_t i = 0; i < tr->rules.nitems; i++)
		if (tr->rules.items[i].line == nr)
			it = &tr->rules.items[i];
	if (!it)
		return err_set(e, "compleetheidsregel %d van aanvraagtype %ld ontbreekt", nr, tr->type);
	int kind = compleet_kind_from_name(val(r, row, 3));
	if (kind < 0)
		return err_set(e, "onbekende soort compleetheidsregel '%s'", val(r, row, 3));
	struct compleet_cond *n = realloc(it->alt, (it->nalt + 1) * sizeof *n);
	if (!n)
		return err_set(e, "onvoldoende geheugen");
	it->alt = n;
	struct compleet_cond *c = &it->alt[it->nalt++];
	memset(c, 0, sizeof *c);
	c->kind = (enum compleet_kind)kind;
	c->arg = dup(val(r, row, 4));
	c->veld = dup(val(r, row, 5));
	c->waarde = dup(val(r, row, 6));
	c->eerste = val(r, row, 7)[0] == 't';
	c->getal = atoi(val(r, row, 8));
	c->line = atoi(val(r, row, 9));
	/* published rules passed the flow loader; check again rather than trust a row */
	if (compleet_cond_check(c, e) != 0)
		return -1;
	return 0;
}

static void parse_date(const char *iso, struct datum *d)
{
	struct err e;

	if (!iso || datum_parse_iso(iso, d, &e) != 0)
		*d = datum_make(1970, 1, 1);
}

int compleet_evaluate_ids(struct db *db, const long *ids, size_t n, struct compleet_hv *out, struct err *e)
{
	char arr[MAX_IDS * 21 + 3];
	size_t used = 0;
	int rc = -1;

	if (n > MAX_IDS)
		return err_set(e, "te veel hulpvragen tegelijk (%zu, hoogstens %d)", n, MAX_IDS);
	memset(out, 0, n * sizeof *out);
	if (n == 0)
		return 0;
	arr[used++] = '{';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(arr + used, sizeof arr - used, "%s%ld", i ? "," : "", ids[i]);
	snprintf(arr + used, sizeof arr - used, "}");

	const char *p[1] = {arr};
	PGresult *r = query(db, e, facts_sql, 1, p);
	if (!r)
		return -1;

	int rows = PQntuples(r);
	/* borrowed views into r, one block per kind */
	struct compleet_bijlage *bij = calloc((size_t)rows + 1, sizeof *bij);
	struct compleet_formulier *frm = calloc((size_t)rows + 1, sizeof *frm);
	struct compleet_waarde *wrd = calloc((size_t)rows + 1, sizeof *wrd);
	long *frm_id = calloc((size_t)rows + 1, sizeof *frm_id);
	long *frm_hv = calloc((size_t)rows + 1, sizeof *frm_hv);
	struct typerules *tr = calloc((size_t)rows + 1, sizeof *tr);
	struct compleet_feiten *f = calloc(n, sizeof *f);
	size_t nbij = 0, nfrm = 0, nwrd = 0, ntr = 0;
	long *bij_hv = calloc((size_t)rows + 1, sizeof *bij_hv);

	if (!bij || !frm || !wrd || !frm_id || !frm_hv || !tr || !f || !bij_hv) {
		err_set(e, "onvoldoende geheugen");
		goto out;
	}
	for (int row = 0; row < rows; row++) {
		int k = atoi(PQgetvalue(r, row, C_K));
		long id = atol(PQgetvalue(r, row, C_ID));

		switch (k) {
		case 0:
			for (size_t i = 0; i < n; i++) {
				if (ids[i] != id)
					continue;
				struct compleet_hv *h = &out[i];
				const char *flags = val(r, row, 8);
				h->id = id;
				h->nummer = atol(val(r, row, 1));
				h->version = atoi(val(r, row, 2));
				db_copy(h->titel, sizeof h->titel, val(r, row, 3));
				db_copy(h->status, sizeof h->status, val(r, row, 4));
				f[i].titel = h->titel;
				f[i].status = h->status;
				f[i].leerling = (struct naam){ val(r, row, 5), val(r, row, 6), val(r, row, 7) };
				f[i].geboortedatum = flags[0] == '1';
				f[i].woonadres = flags[1] == '1';
				f[i].geslacht = flags[2] == '1';
				f[i].schoolgegevens = flags[3] == '1';
				h->controleren = flags[4] == '1';
				if (h->controleren)
					db_copy(h->aanvulling, sizeof h->aanvulling, val(r, row, 9));
				parse_date(val(r, row, 10), &f[i].vandaag);
				db_copy(h->datum, sizeof h->datum, val(r, row, 11));
				db_copy(h->aanvraagtype, sizeof h->aanvraagtype, val(r, row, 12));
				h->aanvraagtype_id = atol(val(r, row, 13));
				db_copy(h->datum_iso, sizeof h->datum_iso, val(r, row, 14));
			}
			break;
		case 1:
			bij_hv[nbij] = id;
			bij[nbij].categorie = val(r, row, 1);
			bij[nbij].naam = val(r, row, 2);
			parse_date(val(r, row, 3), &bij[nbij].op);
			nbij++;
			break;
		case 2:
			frm_hv[nfrm] = id;
			frm_id[nfrm] = atol(val(r, row, 1));
			frm[nfrm].code = val(r, row, 2);
			frm[nfrm].compleet = val(r, row, 3)[0] == 't';
			nfrm++;
			break;
		case 3: {
			/* rows of one form are contiguous and forms come in id order */
			long fid = atol(val(r, row, 1));
			wrd[nwrd] = (struct compleet_waarde){ val(r, row, 2), val(r, row, 3) };
			for (size_t j = 0; j < nfrm; j++)
				if (frm_id[j] == fid) {
					if (!frm[j].waarden)
						frm[j].waarden = &wrd[nwrd];
					frm[j].nwaarden++;
				}
			nwrd++;
			break;
		}
		case 4:
			if (ntr == 0 || tr[ntr - 1].type != id)
				tr[ntr++].type = id;
			if (add_item(&tr[ntr - 1], r, row) != 0) {
				err_set(e, "onvoldoende geheugen");
				goto out;
			}
			break;
		case 5:
			for (size_t j = 0; j < ntr; j++)
				if (tr[j].type == id && add_cond(&tr[j], r, row, e) != 0)
					goto out;
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct compleet_hv *h = &out[i];
		if (!h->id)
			continue;
		for (size_t j = 0; j < nbij; j++)
			if (bij_hv[j] == h->id) {
				if (!f[i].bijlagen)
					f[i].bijlagen = &bij[j];
				f[i].nbijlagen++;
			}
		for (size_t j = 0; j < nfrm; j++)
			if (frm_hv[j] == h->id) {
				if (!f[i].formulieren)
					f[i].formulieren = &frm[j];
				f[i].nformulieren++;
			}
		const struct compleet_rules *rules = NULL;
		for (size_t j = 0; j < ntr; j++)
			if (tr[j].type == h->aanvraagtype_id)
				rules = &tr[j].rules;
		if (rules && compleet_evaluate(rules, &f[i], &h->uitslag, e) != 0)
			goto out;
	}
	rc = 0;
out:
	for (size_t j = 0; tr && j < ntr; j++)
		compleet_rules_release(&tr[j].rules);
	free(tr);
	free(bij);
	free(bij_hv);
	free(frm);
	free(frm_id);
	free(frm_hv);
	free(wrd);
	free(f);
	PQclear(r);
	if (rc != 0)
		for (size_t i = 0; i < n; i++)
			compleet_hv_release(&out[i]);
	return rc;
}

/* The statuses marked controleren of org's types: the join every list
 * query below shares.  RLS on hulpvraag keeps other organisations out as
 * well; org narrows an account that works for several. */
#define TE_CONTROLEREN_FROM                                                                       \
	" FROM hulpvraag h JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id"           \
	"  AND s.naam = h.status AND s.controleren"                                               \
	" WHERE h.organisatie_id = $1"

int compleet_te_controleren(struct db *db, long org, const char *after_datum, long after_id, int limit,
			    struct compleet_hv *out, int *n, int *more, struct err *e)
{
	char o[24], a[24], l[16];
	long ids[MAX_IDS] = {0};

	*n = 0;
	*more = 0;
	if (limit < 1 || limit > MAX_IDS - 1)
		return err_set(e, "ongeldige paginagrootte %d", limit);
	snprintf(o, sizeof o, "%ld", org);
	snprintf(a, sizeof a, "%ld", after_id);
	snprintf(l, sizeof l, "%d", limit + 1); /* one more: is there a next page? */
	const char *p[4] = {o, after_datum && *after_datum ? after_datum : "-infinity", a, l};
	PGresult *r = query(db, e,
			    "SELECT h.id" TE_CONTROLEREN_FROM " AND (h.datum, h.id) > ($2::date, $3::bigint)"
			    " ORDER BY h.datum, h.id LIMIT $4",
			    4, p);
	if (!r)
		return -1;
	int rows = PQntuples(r);
	if (rows > limit) {
		*more = 1;
		rows = limit;
	}
	for (int i = 0; i < rows; i++)
		ids[i] = atol(PQgetvalue(r, i, 0));
	PQclear(r);
	if (compleet_evaluate_ids(db, ids, (size_t)rows, out, e) != 0)
		return -1;
	/* a row may have moved out of view between the two round trips: skip it */
	int k = 0;
	for (int i = 0; i < rows; i++) {
		if (!out[i].id)
			continue;
		if (k != i)
			out[k] = out[i];
		k++;
	}
	if (k < rows)
		memset(&out[k], 0, (size_t)(rows - k) * sizeof *out);
	*n = k;
	return 0;
}

int compleet_te_controleren_count(struct db *db, long org, long *count, struct err *e)
{
	char o[24];

	snprintf(o, sizeof o, "%ld", org);
	const char *p[1] = {o};
	PGresult *r = query(db, e, "SELECT count(*)" TE_CONTROLEREN_FROM, 1, p);
	if (!r)
		return -1;
	*count = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int compleet_te_controleren_ids(struct db *db, long org, long **out, size_t *n, struct err *e)
{
	char o[24];

	*out = NULL;
	*n = 0;
	snprintf(o, sizeof o, "%ld", org);
	const char *p[1] = {o};
	PGresult *r = query(db, e, "SELECT h.id" TE_CONTROLEREN_FROM " ORDER BY h.datum, h.id", 1, p);
	if (!r)
		return -1;
	int rows = PQntuples(r);
	*out = calloc((size_t)rows + 1, sizeof **out);
	if (!*out) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < rows; i++)
		(*out)[i] = atol(PQgetvalue(r, i, 0));
	*n = (size_t)rows;
	PQclear(r);
	return 0;
}
