/* queue.c — the werkvoorraad queries; see queue.h.
 *
 * A page query is built from pieces (node, filter, keyset, sort) with every
 * value as a $n parameter — the SQL text only ever contains fixed fragments
 * chosen from tables in this file.  Pieces:
 *
 *   SELECT r.* FROM (SELECT array_agg(id), array_agg(key) FROM (
 *     SELECT h.id, <sort expression> FROM hulpvraag h [one join for the sort]
 *      WHERE h.organisatie_id = $1 AND NOT h.voorlopig <node> <filter> <keyset>
 *      ORDER BY <sort expression> [DESC], h.id [DESC] LIMIT n)) a,
 *     queue_rijen(ids, keys) r
 *
 * The ids come from the index alone; names, schools and labels are joined
 * for those n rows only (queue_rijen, migration 008).  The statement and
 * the set_config of the acting account go in one round trip (pipeline).
 *
 * The keyset condition for a column of hulpvraag itself is a row comparison
 * ((h.datum, h.id) > ($k, $id)), which an index on (…, datum, id) answers
 * directly; for a column of a joined table (leerling, school, …) it is
 * "expr >= $k AND (expr > $k OR h.id > $id)", whose first half still lets
 * an index on that column start at the right place.
 */
#include "db/queue.h"

#include "core/flow.h"

#include <libpq-fe.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/naam.h"
#include "core/recht.h"
#include "core/statuswissel.h"
#include "db/hulpvraag.h"
#include "db/row.h"

/* ---- a tiny SQL builder: fixed text + parameters ------------------------ */

#define SQLB_MAX_PARAMS 64

struct sqlb {
	char sql[8192];
	size_t len;
	int overflow;
	int np;
	char pbuf[SQLB_MAX_PARAMS][FILTER_VALUE_MAX * 2 + 8];
	const char *params[SQLB_MAX_PARAMS];
};

static void sqlb_add(struct sqlb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sqlb_add(struct sqlb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->sql + b->len, sizeof b->sql - b->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof b->sql - b->len)
		b->overflow = 1;
	else
		b->len += (size_t)n;
}

/* Adds a parameter; returns its number ($n), 0 when full. */
static int sqlb_param(struct sqlb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sqlb_param(struct sqlb *b, const char *fmt, ...)
{
	va_list ap;

	if (b->np == SQLB_MAX_PARAMS) {
		b->overflow = 1;
		return 0;
	}
	va_start(ap, fmt);
	vsnprintf(b->pbuf[b->np], sizeof b->pbuf[b->np], fmt, ap);
	va_end(ap);
	b->params[b->np] = b->pbuf[b->np];
	return ++b->np;
}

/* "%" + s with LIKE's wildcards escaped + "%" (or only a trailing % when
 * prefix). */
static int sqlb_like(struct sqlb *b, const char *s, int prefix)
{
	char esc[FILTER_VALUE_MAX * 2 + 4];
	size_t o = 0;

	if (!prefix)
		esc[o++] = '%';
	for (; *s && o + 4 < sizeof esc; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			esc[o++] = '\\';
		esc[o++] = *s;
	}
	esc[o++] = '%';
	esc[o] = '\0';
	return sqlb_param(b, "%s", esc);
}

/* ---- small helpers ------------------------------------------------------ */

static const char *val(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
}

/* The latest date d with werkdag_between(d, today) > limit: a status since
 * (or a hulpvraag received on) d or earlier has waited more than limit
 * werkdagen. */
static struct datum cutoff(const struct queue_query *q, long limit)
{
	return werkdag_overdue_cutoff(q->kalender, q->today, limit);
}

static int date_param(struct sqlb *b, struct datum d)
{
	char iso[DATUM_BUFLEN];

	return sqlb_param(b, "%s", datum_format_iso(d, iso));
}

/* ---- sorting ------------------------------------------------------------- */

static const struct {
	const char *name;
	const char *expr;  /* SQL over the aliases of the page query */
	const char *type;  /* cast of the key parameter */
	int own;           /* a column of hulpvraag itself: row comparison works */
} sorts[QS_COUNT] = {
	[QS_NUMMER] = { "nummer", "h.nummer", "bigint", 1 },
	[QS_DATUM] = { "datum", "h.datum", "date", 1 },
	/* the dossier's sorteernaam, kept on hulpvraag (migration 008) */
	[QS_LEERLING] = { "leerling", "h.sorteernaam", "text", 1 },
	[QS_SCHOOL] = { "school", "coalesce(s.naam, '')", "text", 0 },
	[QS_TYPE] = { "type", "t.naam", "text", 0 },
	[QS_COORDINATOR] = { "coordinator", "coalesce(c.naam, '')", "text", 0 },
	[QS_LABELS] = { "labels",
			"coalesce((SELECT string_agg(l.naam, ', ' ORDER BY l.naam) FROM hulpvraag_label hl "
			"JOIN label l ON l.id = hl.label_id WHERE hl.hulpvraag_id = h.id), '')",
			"text", 0 },
	/* werkdagen in status: more werkdagen = an earlier status_sinds, so
	 * the direction flips (see page_order) */
	[QS_WERKDAGEN] = { "werkdagen", "h.status_sinds", "timestamptz", 1 },
	[QS_STATUS] = { "status", "h.status", "text", 1 },
};

int queue_sort_parse(const char *s, enum queue_sort *sort, int *desc)
{
	int d = 0;

	if (!s)
		return -1;
	if (*s == '-') {
		d = 1;
		s++;
	}
	for (int i = 0; i < QS_COUNT; i++)
		if (!strcmp(sorts[i].name, s)) {
			*sort = (enum queue_sort)i;
			*desc = d;
			return 0;
		}
	return -1;
}

const char *queue_sort_name(enum queue_sort s)
{
	return s < QS_COUNT ? sorts[s].name : "";
}

/* ---- one round trip ------------------------------------------------------ */

/* ---- the page query ----------------------------------------------------- */

static void add_node(struct sqlb *b, const struct queue_query *q)
{
	switch (q->kind) {
	case QN_MINE:
		sqlb_add(b, " AND h.coordinator_id = $%d AND NOT EXISTS (SELECT 1 FROM flow_status fs "
			    "WHERE fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status AND fs.eindstatus)",
			 sqlb_param(b, "%ld", q->account_id));
		break;
	case QN_CATEGORY:
		sqlb_add(b, " AND h.status_categorie = $%d", sqlb_param(b, "%s", q->categorie));
		break;
	case QN_STATUS:
		sqlb_add(b, " AND h.status_categorie = $%d", sqlb_param(b, "%s", q->categorie));
		sqlb_add(b, " AND h.status = $%d", sqlb_param(b, "%s", q->status));
		break;
	default:
		break;
	}
}

/* Each term is a condition on hulpvraag's own columns (a join table's
 * match is turned into a set of ids first), so a filtered queue scans its
 * index without evaluating the dossier policy on every row it passes. */
static void add_term(struct sqlb *b, const struct queue_query *q, const struct filter_term *t)
{
	char fold[FILTER_VALUE_MAX * 2];
	int p, p2;

	/* NULL (no school, no coördinator) never matches, also not negated */
	sqlb_add(b, " AND %scoalesce((", t->negate ? "NOT " : "");
	switch (t->field) {
	case FILTER_TEXT: {
		long num;
		char *end;

		naam_fold(fold, sizeof fold, t->value);
		p = sqlb_like(b, fold, 0);
		p2 = sqlb_like(b, t->value, 0);
		sqlb_add(b, "h.dossier_id IN (SELECT queue_dossier_match($1, $%d, lower($%d)))", p, p2);
		sqlb_add(b, " OR h.school_id IN (SELECT id FROM school WHERE organisatie_id = $1 AND "
			    "(lower(naam) LIKE lower($%d) OR lower(brin || coalesce(vestiging, '')) LIKE lower($%d)))",
			 p2, sqlb_like(b, t->value, 1));
		num = strtol(t->value, &end, 10);
		if (*t->value && !*end && num > 0)
			sqlb_add(b, " OR h.nummer = $%d", sqlb_param(b, "%ld", num));
		break;
	}
	case FILTER_SCHOOL:
		p = sqlb_like(b, t->value, 0);
		sqlb_add(b, "h.school_id IN (SELECT id FROM school WHERE organisatie_id = $1 AND "
			    "(lower(naam) LIKE lower($%d) OR lower(brin || coalesce(vestiging, '')) LIKE lower($%d)))",
			 p, sqlb_like(b, t->value, 1));
		break;
	case FILTER_LABEL:
		sqlb_add(b, "h.id IN (SELECT queue_label_match($1, lower($%d)))", sqlb_like(b, t->value, 0));
		break;
	case FILTER_COORDINATOR:
		if (t->who == FILTER_WHO_ME)
			sqlb_add(b, "h.coordinator_id IS NOT DISTINCT FROM $%d::bigint",
				 sqlb_param(b, "%ld", q->account_id));
		else if (t->who == FILTER_WHO_NONE)
			sqlb_add(b, "h.coordinator_id IS NULL");
		else
			sqlb_add(b, "h.coordinator_id IN (SELECT id FROM account WHERE lower(naam) LIKE lower($%d))",
				 sqlb_like(b, t->value, 0));
		break;
	case FILTER_TYPE:
		p = sqlb_like(b, t->value, 0);
		sqlb_add(b, "h.aanvraagtype_id IN (SELECT id FROM aanvraagtype WHERE organisatie_id = $1 AND "
			    "(lower(naam) LIKE lower($%d) OR lower(code) LIKE lower($%d)))",
			 p, p);
		break;
	case FILTER_STATUS:
		sqlb_add(b, "lower(h.status) LIKE lower($%d)", sqlb_like(b, t->value, 0));
		break;
	case FILTER_NUMMER:
		sqlb_add(b, "h.nummer = $%d", sqlb_param(b, "%ld", t->number));
		break;
	case FILTER_WERKDAGEN:
		/* werkdagen in status > N  ⇔  status since a date <= cutoff(N) */
		if (t->cmp == FILTER_CMP_GT) {
			sqlb_add(b, "h.status_sinds < $%d::date + 1", date_param(b, cutoff(q, t->number)));
		} else if (t->cmp == FILTER_CMP_LT) {
			if (t->number <= 0)
				sqlb_add(b, "false");
			else
				sqlb_add(b, "h.status_sinds >= $%d::date + 1", date_param(b, cutoff(q, t->number - 1)));
		} else {
			sqlb_add(b, "h.status_sinds >= $%d::date + 1", date_param(b, cutoff(q, t->number)));
			if (t->number > 0)
				sqlb_add(b, " AND h.status_sinds < $%d::date + 1",
					 date_param(b, cutoff(q, t->number - 1)));
		}
		break;
	case FILTER_TELAAT:
		/* as werkdag_reactie_te_laat: a closed hulpvraag is never late */
		sqlb_add(b, "%s(h.eerste_reactie IS NULL AND h.datum <= $%d::date AND NOT EXISTS (SELECT 1 "
			    "FROM flow_status fs WHERE fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status "
			    "AND fs.eindstatus))", t->number ? "" : "NOT ",
			 date_param(b, cutoff(q, WERKDAG_REACTIE_NORM)));
		break;
	}
	sqlb_add(b, "), false)");
}

/* The joins a sort expression needs in the page query (which otherwise reads
 * hulpvraag alone). */
static const char *sort_joins(enum queue_sort s)
{
	switch (s) {
	case QS_SCHOOL:
		return " LEFT JOIN school s ON s.id = h.school_id";
	case QS_TYPE:
		return " JOIN aanvraagtype t ON t.id = h.aanvraagtype_id";
	case QS_COORDINATOR:
		return " LEFT JOIN account c ON c.id = h.coordinator_id";
	default:
		return "";
	}
}

/* Two steps in one statement: the ids (and sort keys) of the page come from
 * hulpvraag alone, under the caller's row-level security, through the index
 * of the node and sort; only those ≤ limit+1 rows are then joined to names,
 * schools and labels by queue_rijen (migration 008), in page order. */
static int build_page(struct sqlb *b, const struct queue_query *q, enum queue_dir dir,
		      const struct queue_row *from, int limit)
{
	const char *expr = sorts[q->sort].expr;
	/* ascending in the database? werkdagen flips: most werkdagen = oldest */
	int asc = !q->desc;
	int back = dir == QUEUE_BEFORE || dir == QUEUE_LAST;
	const char *ad;

	if (q->sort == QS_WERKDAGEN)
		asc = !asc;
	if (back)
		asc = !asc; /* read backwards, reversed in C */
	ad = asc ? "ASC" : "DESC";
	sqlb_add(b, "SELECT r.* FROM (SELECT array_agg(k.id ORDER BY k.sk %s, k.id %s) AS ids, "
		    "array_agg(k.sk::text ORDER BY k.sk %s, k.id %s) AS keys FROM ("
		    "SELECT h.id, %s AS sk FROM hulpvraag h%s WHERE h.organisatie_id = $%d AND NOT h.voorlopig",
		 ad, ad, ad, ad, expr, sort_joins(q->sort), sqlb_param(b, "%ld", q->organisatie_id));
	add_node(b, q);
	for (int i = 0; i < q->filter.n; i++)
		add_term(b, q, &q->filter.term[i]);
	if (from && (dir == QUEUE_AFTER || dir == QUEUE_FROM || dir == QUEUE_BEFORE)) {
		int k = sqlb_param(b, "%s", from->key);
		int id = sqlb_param(b, "%ld", from->id);
		const char *op = asc ? (dir == QUEUE_FROM ? ">=" : ">") : (dir == QUEUE_FROM ? "<=" : "<");
		const char *strict = asc ? ">" : "<";

		if (sorts[q->sort].own)
			sqlb_add(b, " AND (%s, h.id) %s ($%d::%s, $%d::bigint)", expr, op, k,
				 sorts[q->sort].type, id);
		else
			sqlb_add(b, " AND %s %s= $%d::%s AND (%s %s $%d::%s OR h.id %s $%d::bigint)", expr, strict, k,
				 sorts[q->sort].type, expr, strict, k, sorts[q->sort].type,
				 dir == QUEUE_FROM ? (asc ? ">=" : "<=") : strict, id);
	}
	sqlb_add(b, " ORDER BY %s %s, h.id %s LIMIT %d) k) a CROSS JOIN LATERAL queue_rijen(a.ids, a.keys) r",
		 expr, ad, ad, limit + 1);
	return b->overflow ? -1 : 0;
}

/* Werkdagen in (d, today], for 50 rows a page.  werkdag_between walks day
 * by day (~0.2 µs a day): a page of statuses a year old cost ~4 ms in C
 * alone.  So the counts per day back from today are kept, built once per
 * (kalender, today) and extended back when an older date comes along; each
 * row is then one lookup.  Dates after today go to werkdag_between. */
static struct {
	const struct werkdag_kalender *k;
	long today;
	long *cum;  /* cum[i]: werkdagen in (today - i, today] */
	long n;     /* entries in cum */
} wd;

static long werkdagen_tot(const struct werkdag_kalender *k, struct datum d, struct datum today)
{
	long z = datum_to_days(d), t = datum_to_days(today), need = t - z;

	if (need < 0 || need > 40000)
		return werkdag_between(k, d, today);
	if (wd.k != k || wd.today != t) {
		free(wd.cum);
		wd.cum = NULL;
		wd.n = 0;
		wd.k = k;
		wd.today = t;
	}
	if (need >= wd.n) {
		long n = need + 366;
		long *c = realloc(wd.cum, (size_t)n * sizeof *c);
		if (!c)
			return werkdag_between(k, d, today);
		if (wd.n == 0)
			c[wd.n++] = 0;
		for (long i = wd.n; i < n; i++)
			c[i] = c[i - 1] + (werkdag_is_werkdag(k, datum_from_days(t - i + 1)) ? 1 : 0);
		wd.cum = c;
		wd.n = n;
	}
	return wd.cum[need];
}

static void fill_row(const struct queue_query *q, PGresult *r, int i, struct queue_row *row)
{
	struct datum since, recv;
	struct err e;

	memset(row, 0, sizeof *row);
	row->id = atol(val(r, i, 0));
	row->version = atoi(val(r, i, 1));
	row->nummer = atol(val(r, i, 2));
	db_copy(row->datum, sizeof row->datum, val(r, i, 3));
	if (!strcmp(val(r, i, 4), "leerling")) {
		struct naam n = { val(r, i, 5), val(r, i, 6), val(r, i, 7) };

		naam_format_sorted(row->leerling, sizeof row->leerling, &n);
	} else if (!strcmp(val(r, i, 4), "groep")) {
		db_copy(row->leerling, sizeof row->leerling, val(r, i, 8));
	} else {
		db_copy(row->leerling, sizeof row->leerling, val(r, i, 9));
	}
	db_copy(row->school, sizeof row->school, val(r, i, 10));
	db_copy(row->brin, sizeof row->brin, val(r, i, 11));
	db_copy(row->aanvraagtype, sizeof row->aanvraagtype, val(r, i, 12));
	db_copy(row->status, sizeof row->status, val(r, i, 13));
	db_copy(row->coordinator, sizeof row->coordinator, val(r, i, 14));
	db_copy(row->labels, sizeof row->labels, val(r, i, 15));
	if (datum_parse_iso(val(r, i, 16), &since, &e) == 0)
		row->werkdagen = werkdagen_tot(q->kalender, since, q->today);
	/* geen_reactie is false for a closed hulpvraag (018_werkdag.sql) */
	if (datum_parse_iso(val(r, i, 18), &recv, &e) == 0)
		row->telaat = werkdag_reactie_te_laat(q->kalender, recv, q->today, val(r, i, 17)[0] != 't', 0);
	db_copy(row->key, sizeof row->key, val(r, i, 19));
}

int queue_page_stmt(const struct queue_query *q, enum queue_dir dir, const struct queue_row *from, int limit,
		    struct queue_stmt *st, struct err *e)
{
	struct sqlb *b = calloc(1, sizeof *b);

	memset(st, 0, sizeof *st);
	if (!b)
		return err_set(e, "geen geheugen");
	if (limit < 1)
		limit = 1;
	if (q->sort >= QS_COUNT || build_page(b, q, dir, from, limit) < 0) {
		free(b);
		return err_set(e, "filter te ingewikkeld: gebruik minder woorden");
	}
	st->sql = b->sql;
	st->np = b->np;
	st->params = b->params;
	st->priv = b;
	return 0;
}

void queue_page_stmt_free(struct queue_stmt *st)
{
	free(st->priv);
	memset(st, 0, sizeof *st);
}

int queue_fetch(struct db *db, const struct queue_query *q, enum queue_dir dir,
		const struct queue_row *from, int limit, struct queue_row **out, int *n, int *more,
		struct err *e)
{
	struct queue_stmt st;
	struct queue_row *rows = NULL;
	enum db_failure kind;
	PGresult *r = NULL;
	int got, take, back = dir == QUEUE_BEFORE || dir == QUEUE_LAST;

	*out = NULL;
	*n = 0;
	if (more)
		*more = 0;
	if (limit < 1)
		limit = 1;
	if (queue_page_stmt(q, dir, from, limit, &st, e) < 0)
		return -1;
	r = db_exec_as_account(db, e, &kind, st.sql, st.np, st.params);
	queue_page_stmt_free(&st);
	if (!r)
		return -1;
	got = PQntuples(r);
	take = got > limit ? limit : got;
	rows = calloc(take ? (size_t)take : 1, sizeof *rows);
	if (!rows) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < take; i++)
		fill_row(q, r, i, &rows[back ? take - 1 - i : i]);
	PQclear(r);
	*out = rows;
	*n = take;
	if (more)
		*more = got > limit;
	return 0;
}

int queue_count(struct db *db, const struct queue_query *q, long cap, long *n, struct err *e)
{
	struct sqlb *b = calloc(1, sizeof *b);
	enum db_failure kind;
	PGresult *r;

	*n = 0;
	if (!b)
		return err_set(e, "geen geheugen");
	sqlb_add(b, "SELECT count(*) FROM (SELECT 1 FROM hulpvraag h WHERE h.organisatie_id = $%d AND NOT h.voorlopig",
		 sqlb_param(b, "%ld", q->organisatie_id));
	add_node(b, q);
	for (int i = 0; i < q->filter.n; i++)
		add_term(b, q, &q->filter.term[i]);
	sqlb_add(b, " LIMIT %ld) c", cap + 1);
	if (b->overflow) {
		free(b);
		return err_set(e, "filter te ingewikkeld: gebruik minder woorden");
	}
	r = db_exec_as_account(db, e, &kind, b->sql, b->np, b->params);
	free(b);
	if (!r)
		return -1;
	*n = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* ---- the tree ------------------------------------------------------------ */

/* Defaults per role: shown under "Bewaarde filters" until the person saves
 * their own with the same name. */
static const struct {
	enum flow_role rol;
	const char *naam;
	const char *filter;
	const char *sort;
} defaults[] = {
	{ FLOW_ROLE_COORDINATOR, "Mijn TLV's", "coördinator:ik type:TLV", "datum" },
	{ FLOW_ROLE_COORDINATOR, "Mijn aanvulling nodig > 10 werkdagen", "coördinator:ik status:aanvulling werkdagen:>10",
	  "werkdagen" },
	{ FLOW_ROLE_SECRETARIAAT, "Nieuw, > 5 werkdagen zonder reactie", "telaat:ja", "datum" },
	{ FLOW_ROLE_SECRETARIAAT, "Aanvulling nodig > 10 werkdagen", "status:aanvulling werkdagen:>10", "-werkdagen" },
	{ FLOW_ROLE_SECRETARIAAT, "Zonder coördinator", "coördinator:geen", "datum" },
	{ FLOW_ROLE_FINANCIEEL, "TLV afgegeven", "type:TLV status:afgegeven", "-datum" },
	{ FLOW_ROLE_FINANCIEEL, "Arrangement toegewezen", "status:toegewezen", "datum" },
	{ FLOW_ROLE_ADMIN, "Zonder coördinator", "coördinator:geen", "datum" },
};

static int grow(struct queue_node **v, int *n, int *cap)
{
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 32;
		struct queue_node *nv = realloc(*v, (size_t)nc * sizeof *nv);

		if (!nv)
			return -1;
		*v = nv;
		*cap = nc;
	}
	memset(&(*v)[*n], 0, sizeof **v);
	(*n)++;
	return 0;
}

/* The whole tree in one statement, so one round trip (db_exec_as_account):
 * part 1 the count of Mijn werkvoorraad (only when $2, the coördinator
 * role), part 2 the statuses in flow order within their category, part 3
 * the account's saved filters by name. */
static const char tree_sql[] =
	"SELECT * FROM ("
	"SELECT 1 AS part, NULL::text AS a, NULL::text AS b, coalesce(sum(aantal), 0)::bigint AS n, "
	"       NULL::text AS f, NULL::text AS s, 0 AS volg "
	"  FROM hulpvraag_telling_coord "
	" WHERE organisatie_id = $1 AND coordinator_id = acting_account() HAVING $2::boolean "
	"UNION ALL "
	"SELECT 2, t.status_categorie, t.status, sum(t.aantal)::bigint, NULL, NULL, "
	"       (SELECT min(fs.volgorde) FROM flow_status fs JOIN aanvraagtype a ON a.id = fs.aanvraagtype_id "
	"         WHERE a.organisatie_id = t.organisatie_id AND fs.naam = t.status) "
	"  FROM hulpvraag_telling t "
	" WHERE t.organisatie_id = $1 AND NOT t.voorlopig AND t.aantal > 0 "
	" GROUP BY t.organisatie_id, t.status_categorie, t.status "
	"UNION ALL "
	"SELECT 3, id::text, naam, NULL, filter, sortering, 0 FROM queue_filter WHERE organisatie_id = $1 "
	") u ORDER BY part, CASE WHEN part = 2 THEN a END, volg, b, CASE WHEN part = 3 THEN a::bigint END";

const char *queue_tree_sql(void)
{
	return tree_sql;
}

int queue_tree(struct db *db, long org, unsigned roles, struct queue_node **out, int *n,
	       struct err *e)
{
	char o[24];
	int coord = (roles & FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR)) != 0;
	const char *p[2] = { o, coord ? "t" : "f" };
	struct queue_node *v = NULL;
	int nv = 0, cap = 0, all_at, rows, i = 0;
	long total = 0;
	enum db_failure kind;
	PGresult *r;

	*out = NULL;
	*n = 0;
	snprintf(o, sizeof o, "%ld", org);
	r = db_exec_as_account(db, e, &kind, tree_sql, 2, p);
	if (!r)
		return -1;
	rows = PQntuples(r);
	if (i < rows && PQgetvalue(r, i, 0)[0] == '1') {
		if (grow(&v, &nv, &cap) < 0)
			goto fail;
		v[nv - 1].kind = QN_MINE;
		db_copy(v[nv - 1].label, sizeof v[nv - 1].label, "Mijn werkvoorraad");
		v[nv - 1].count = atol(PQgetvalue(r, i, 3));
		i++;
	}
	if (grow(&v, &nv, &cap) < 0)
		goto fail;
	all_at = nv - 1;
	v[all_at].kind = QN_ALL;
	db_copy(v[all_at].label, sizeof v[all_at].label, "Alle");
	v[all_at].count = -1;

	for (int cat = -1; i < rows && PQgetvalue(r, i, 0)[0] == '2'; i++) {
		const char *c = PQgetvalue(r, i, 1), *st = PQgetvalue(r, i, 2), *gt = strchr(st, '>');
		long cnt = atol(PQgetvalue(r, i, 3));

		if (cat < 0 || strcmp(v[cat].categorie, c) != 0) {
			if (grow(&v, &nv, &cap) < 0)
				goto fail;
			cat = nv - 1;
			v[cat].kind = QN_CATEGORY;
			db_copy(v[cat].categorie, sizeof v[cat].categorie, c);
			db_copy(v[cat].label, sizeof v[cat].label, c);
		}
		v[cat].count += cnt;
		total += cnt;
		if (grow(&v, &nv, &cap) < 0)
			goto fail;
		v[nv - 1].kind = QN_STATUS;
		v[nv - 1].depth = 1;
		db_copy(v[nv - 1].categorie, sizeof v[nv - 1].categorie, c);
		db_copy(v[nv - 1].status, sizeof v[nv - 1].status, st);
		/* "TLV>aanvraag" under TLV shows as "aanvraag" */
		db_copy(v[nv - 1].label, sizeof v[nv - 1].label,
		     gt && (size_t)(gt - st) == strlen(c) && !strncmp(st, c, strlen(c)) ? gt + 1 : st);
		v[nv - 1].count = cnt;
		v[all_at].count = total; /* stays "not counted" without statuses */
	}

	/* The role's defaults not overridden by name, then the saved filters. */
	int saved = i;
	for (size_t d = 0; d < sizeof defaults / sizeof defaults[0]; d++) {
		int dup = 0;

		if (!(roles & FLOW_ROLE_BIT(defaults[d].rol)))
			continue;
		for (int k = saved; k < rows; k++)
			dup |= !strcmp(PQgetvalue(r, k, 2), defaults[d].naam);
		for (int k = 0; k < nv; k++)
			dup |= v[k].kind == QN_SAVED && !strcmp(v[k].label, defaults[d].naam);
		if (dup)
			continue;
		if (grow(&v, &nv, &cap) < 0)
			goto fail;
		v[nv - 1].kind = QN_SAVED;
		v[nv - 1].count = -1;
		db_copy(v[nv - 1].label, sizeof v[nv - 1].label, defaults[d].naam);
		db_copy(v[nv - 1].filter, sizeof v[nv - 1].filter, defaults[d].filter);
		db_copy(v[nv - 1].sort, sizeof v[nv - 1].sort, defaults[d].sort);
	}
	for (; i < rows; i++) {
		if (grow(&v, &nv, &cap) < 0)
			goto fail;
		v[nv - 1].kind = QN_SAVED;
		v[nv - 1].count = -1;
		v[nv - 1].filter_id = atol(PQgetvalue(r, i, 1));
		db_copy(v[nv - 1].label, sizeof v[nv - 1].label, PQgetvalue(r, i, 2));
		db_copy(v[nv - 1].filter, sizeof v[nv - 1].filter, PQgetvalue(r, i, 4));
		db_copy(v[nv - 1].sort, sizeof v[nv - 1].sort, PQgetvalue(r, i, 5));
	}
	PQclear(r);
	*out = v;
	*n = nv;
	return 0;
fail:
	PQclear(r);
	free(v);
	return err_set(e, "geen geheugen");
}

/* ---- saved filters ------------------------------------------------------- */

int queue_filter_save(struct db *db, long org, const char *naam, const char *filter, const char *sort,
		      long *id, struct err *e)
{
	char o[24];
	const char *p[4] = { o, naam, filter, sort && *sort ? sort : "datum" };
	enum db_failure kind;
	PGresult *r;

	snprintf(o, sizeof o, "%ld", org);
	if (!naam || !*naam)
		return err_set(e, "Geef het filter een naam");
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, &kind,
		    "INSERT INTO queue_filter (account_id, organisatie_id, naam, filter, sortering) "
		    "VALUES (acting_account(), $1, $2, $3, $4) "
		    "ON CONFLICT (account_id, organisatie_id, naam) DO UPDATE "
		    "SET filter = excluded.filter, sortering = excluded.sortering, version = queue_filter.version + 1 "
		    "RETURNING id",
		    4, p);
	if (!r) {
		db_rollback(db);
		if (kind == DB_CHECK_VIOLATION)
			return err_set(e, "Naam of filter te lang (naam hoogstens 60 tekens)");
		return -1;
	}
	if (id)
		*id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return db_commit(db, e);
}

int queue_filter_delete(struct db *db, long id, struct err *e)
{
	char i[24];
	const char *p[1] = { i };
	PGresult *r;

	snprintf(i, sizeof i, "%ld", id);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, "DELETE FROM queue_filter WHERE id = $1", 1, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return db_commit(db, e);
}

/* ---- choices ------------------------------------------------------------- */

static int choices(struct db *db, const char *sql, int np, const char *const *p, struct queue_choice **out,
		   int *n, struct err *e)
{
	PGresult *r;
	struct queue_choice *c;

	*out = NULL;
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, sql, np, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	c = calloc(PQntuples(r) ? (size_t)PQntuples(r) : 1, sizeof *c);
	if (!c) {
		PQclear(r);
		db_rollback(db);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < PQntuples(r); i++) {
		c[i].id = atol(PQgetvalue(r, i, 0));
		db_copy(c[i].naam, sizeof c[i].naam, PQgetvalue(r, i, 1));
	}
	*n = PQntuples(r);
	*out = c;
	PQclear(r);
	db_rollback(db);
	return 0;
}

int queue_coordinators(struct db *db, long org, struct queue_choice **out, int *n, struct err *e)
{
	char o[24];
	const char *p[1] = { o };

	snprintf(o, sizeof o, "%ld", org);
	return choices(db,
		       "SELECT a.id, a.naam FROM account a JOIN account_rol r ON r.account_id = a.id "
		       " WHERE r.organisatie_id = $1 AND r.rol = 'coordinator' AND NOT a.blocked ORDER BY a.naam, a.id",
		       1, p, out, n, e);
}

int queue_labels(struct db *db, long org, struct queue_choice **out, int *n, struct err *e)
{
	char o[24];
	const char *p[1] = { o };

	snprintf(o, sizeof o, "%ld", org);
	return choices(db, "SELECT id, naam FROM label WHERE organisatie_id = $1 ORDER BY naam, id", 1, p, out, n, e);
}

/* "{1,2,3}" for an array parameter. */
static char *id_array(const struct queue_item *items, int n)
{
	size_t cap = (size_t)n * 22 + 3, o = 0;
	char *s = malloc(cap);

	if (!s)
		return NULL;
	s[o++] = '{';
	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(s + o, cap - o, "%s%ld", i ? "," : "", items[i].id);
	s[o++] = '}';
	s[o] = '\0';
	return s;
}

int queue_status_targets(struct db *db, long org, const struct queue_item *items, int n,
			 struct queue_choice **out, int *nout, struct err *e)
{
	char o[24], cnt[24];
	char *ids = id_array(items, n);
	const char *p[3] = { o, ids, cnt };
	int rc;

	if (!ids)
		return err_set(e, "geen geheugen");
	snprintf(o, sizeof o, "%ld", org);
	snprintf(cnt, sizeof cnt, "%d", n);
	/* 0 as id: a status has no id; the intersection over all items */
	rc = choices(db,
		     "SELECT 0, tr.naar FROM hulpvraag h "
		     "  JOIN flow_transitie tr ON tr.aanvraagtype_id = h.aanvraagtype_id AND tr.van = h.status "
		     " WHERE h.organisatie_id = $1 AND h.id = ANY ($2::bigint[]) "
		     "   AND tr.rol IN (SELECT rol FROM account_rol WHERE account_id = acting_account() "
		     "                    AND organisatie_id = $1) "
		     " GROUP BY tr.naar HAVING count(DISTINCT h.id) = $3::int ORDER BY tr.naar",
		     3, p, out, nout, e);
	free(ids);
	return rc;
}

/* ---- bulk ---------------------------------------------------------------- */

/* The acting account's role bits in org (core/statuswissel). 0 / -1. */
static int acting_roles(struct db *db, long org, unsigned *roles, struct err *e)
{
	char o[24];
	const char *p[1] = { o };
	PGresult *r;

	snprintf(o, sizeof o, "%ld", org);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT coalesce(string_agg(rol, ','), '') FROM account_rol "
		    " WHERE account_id = acting_account() AND organisatie_id = $1",
		    1, p);
	db_rollback(db);
	if (!r)
		return -1;
	*roles = statuswissel_rollen(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

static const enum recht_actie bulk_recht[] = {
	[QUEUE_BULK_COORDINATOR] = RECHT_COORDINATOR_WIJZIGEN,
	[QUEUE_BULK_LABEL_ADD] = RECHT_LABEL_KOPPELEN,
	[QUEUE_BULK_LABEL_REMOVE] = RECHT_LABEL_KOPPELEN,
	[QUEUE_BULK_STATUS] = RECHT_STATUS_WIJZIGEN,
};

/* One item: the single-hulpvraag function itself. */
static void bulk_one(struct db *db, enum queue_bulk_op op, const struct queue_bulk_args *arg,
		     const struct queue_item *it, struct outcome *o)
{
	switch (op) {
	case QUEUE_BULK_COORDINATOR:
		hulpvraag_set_coordinator(db, it->id, it->version, arg->id, NULL, o);
		break;
	case QUEUE_BULK_LABEL_ADD:
		hulpvraag_label_add(db, it->id, it->version, arg->naam, NULL, o);
		break;
	case QUEUE_BULK_LABEL_REMOVE:
		hulpvraag_label_remove(db, it->id, it->version, arg->id, NULL, o);
		break;
	case QUEUE_BULK_STATUS:
		hulpvraag_set_status(db, it->id, it->version, arg->naam, arg->reden ? arg->reden : "", arg->datadir, NULL,
				     o);
		break;
	}
}

int queue_bulk(struct db *db, long org, enum queue_bulk_op op, const struct queue_bulk_args *arg,
	       const struct queue_item *items, int n, struct queue_result *res, struct err *e)
{
	unsigned roles = 0;
	int saved = 0, refused;

	if (n < 1)
		return err_set(e, "geen hulpvragen gekozen");
	if ((op == QUEUE_BULK_LABEL_ADD && (!arg->naam || !*arg->naam)) ||
	    (op == QUEUE_BULK_LABEL_REMOVE && arg->id <= 0))
		return err_set(e, "geen label gekozen");
	if (acting_roles(db, org, &roles, e) < 0)
		return -1;
	/* the rulebook: bulk itself, and the action it repeats */
	refused = !recht_mag(roles, RECHT_BULK) || !recht_mag(roles, bulk_recht[op]);
	for (int i = 0; i < n; i++) {
		struct queue_result *r = &res[i];

		memset(r, 0, sizeof *r);
		r->id = items[i].id;
		r->nummer = items[i].nummer;
		outcome_clear(&r->o);
		if (refused)
			outcome_set(&r->o, OUTCOME_REFUSED, "jouw rol mag %s niet in bulk",
				    recht_tabel[bulk_recht[op]].label);
		else if (i > 0 && !db_ok(db))
			/* the connection is gone: the rest cannot be tried */
			outcome_set(&r->o, OUTCOME_ERROR, "niet geprobeerd: verbinding verbroken");
		else
			bulk_one(db, op, arg, &items[i], &r->o);
		if (r->o.kind == OUTCOME_SAVED) {
			saved++;
			if (r->o.nummer)
				r->nummer = r->o.nummer;
		}
	}
	return saved;
}
