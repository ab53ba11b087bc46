/* demodata.c — deterministic demo data generator; see demodata.h.
 *
 * Everything random comes from splitmix64 streams keyed on (seed, stream,
 * index): a pupil or hulpvraag can be regenerated from its index alone, so
 * the bulk tables are written with one COPY each (libpq allows one COPY at a
 * time per connection) by replaying the same generator per table instead of
 * holding a million rows in memory.
 */
#include "db/demodata.h"

#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"
#include "core/naam.h"
#include "core/totpzegel.h"
#include "db/demodata_names.h"

#define MAX_KRING 8
#define MAX_BESTUUR 16
#define MAX_LABEL 8
#define MAX_STEPS 6   /* of a free walk of a recent hulpvraag */
#define MAX_OLD 12    /* of a free walk that goes on to an eindstatus */
#define MAX_HIST 32   /* statushistorie rows of one hulpvraag, steered walks included */
#define COPY_FLUSH (1u << 20)
#define PROGRESS_EVERY 16384

/* Random streams; the organisatie index is added so both organisaties draw
 * independently. */
enum stream {
	S_SCHOLEN = 0x100, S_PUPIL = 0x200, S_GROEP = 0x300, S_PLAN = 0x400,
	S_ATTR = 0x500, S_WALK = 0x600, S_LABEL = 0x700
};

/* ---------------------------------------------------------------- PRNG */

struct rng {
	uint64_t s;
};

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static uint64_t rng_next(struct rng *r)
{
	return mix64(r->s += 0x9E3779B97F4A7C15ULL);
}

static struct rng rng_for(uint64_t seed, uint64_t stream, uint64_t index)
{
	struct rng r = { mix64(seed ^ mix64(stream * 0x100000001B3ULL + index + 1)) };
	return r;
}

/* 0..n-1; the modulo bias is far below anything a demo can show. */
static long rnd(struct rng *r, long n)
{
	return n <= 1 ? 0 : (long)(rng_next(r) % (uint64_t)n);
}

static int chance(struct rng *r, int promille)
{
	return rnd(r, 1000) < promille;
}

static const char *pick(struct rng *r, const char *const *list)
{
	return list[rnd(r, demodata_count(list))];
}

/* ---------------------------------------------------------------- dates */

#define DAY 86400L

static long days_of(int y, int m, int d)
{
	struct datum x = datum_make(y, m, d);
	if (!datum_valid(x)) /* 29 February in a common year */
		x = datum_make(y, 3, 1);
	return datum_to_days(x);
}

static long add_years(long days, int n)
{
	struct datum d = datum_from_days(days);
	return days_of(d.y + n, d.m, d.d);
}

static int weekday(long days)
{
	return datum_weekday(datum_from_days(days));
}

/* The Monday after a weekend day, the day itself otherwise. */
static long werkdag_vanaf(long days)
{
	int wd = weekday(days);
	return wd == DATUM_ZATERDAG ? days + 2 : wd == DATUM_ZONDAG ? days + 1 : days;
}

/* "groep 1".."groep 8" on a day: age on 1 October of that school year
 * minus three, as Dutch schools count. */
static int groep_op(long birth, long day)
{
	struct datum d = datum_from_days(day);
	int g = datum_age(datum_from_days(birth), datum_make(datum_schooljaar(d), 10, 1)) - 3;
	return g < 1 ? 1 : g > 8 ? 8 : g;
}

/* ---------------------------------------------------------------- COPY */

struct copy {
	PGconn *pg;
	char *buf;
	size_t len, cap;
	int col;
	int oom;
};

static void cp_put(struct copy *c, const char *s, size_t n)
{
	if (c->len + n + 1 > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 2 * COPY_FLUSH;
		while (cap < c->len + n + 1)
			cap *= 2;
		char *b = realloc(c->buf, cap);
		if (!b) {
			c->oom = 1;
			return;
		}
		c->buf = b;
		c->cap = cap;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void cp_sep(struct copy *c)
{
	if (c->col++)
		cp_put(c, "\t", 1);
}

/* COPY text format: backslash, tab, newline and carriage return escaped. */
static void cp_text(struct copy *c, const char *s)
{
	cp_sep(c);
	if (!s) {
		cp_put(c, "\\N", 2);
		return;
	}
	const char *run = s;
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;
		if (esc) {
			cp_put(c, run, (size_t)(s - run));
			cp_put(c, esc, 2);
			run = s + 1;
		}
	}
	cp_put(c, run, (size_t)(s - run));
}

static void cp_long(struct copy *c, long v)
{
	char b[24];
	cp_sep(c);
	cp_put(c, b, (size_t)snprintf(b, sizeof b, "%ld", v));
}

/* An account or other id; 0 means NULL. */
static void cp_id(struct copy *c, long v)
{
	if (v)
		cp_long(c, v);
	else
		cp_text(c, NULL);
}

static void cp_bool(struct copy *c, int v)
{
	cp_sep(c);
	cp_put(c, v ? "t" : "f", 1);
}

static void put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

static void fmt_date(char *p, long days)
{
	struct datum d = datum_from_days(days);
	put2(p, d.y / 100);
	put2(p + 2, d.y % 100);
	p[4] = '-';
	put2(p + 5, d.m);
	p[7] = '-';
	put2(p + 8, d.d);
}

static void cp_date(struct copy *c, long days)
{
	char b[10];
	cp_sep(c);
	fmt_date(b, days);
	cp_put(c, b, sizeof b);
}

/* Seconds since 1970-01-01 00:00 local (Dutch) time; the load runs with
 * TimeZone Europe/Amsterdam so PostgreSQL reads them as such.  0 = NULL. */
static void cp_ts(struct copy *c, int64_t t)
{
	char b[19];
	if (!t) {
		cp_text(c, NULL);
		return;
	}
	long sod = (long)(t % DAY);
	cp_sep(c);
	fmt_date(b, (long)(t / DAY));
	b[10] = ' ';
	put2(b + 11, (int)(sod / 3600));
	b[13] = ':';
	put2(b + 14, (int)(sod / 60 % 60));
	b[16] = ':';
	put2(b + 17, (int)(sod % 60));
	cp_put(c, b, sizeof b);
}

/* ---------------------------------------------------------------- model */

struct trans {
	int naar;
	const char *rol;
	int reden_verplicht;
};

struct status {
	const char *naam, *categorie;
	int eind, verborgen;
	int t0, nt; /* outgoing transitions in the type's trans array */
};

struct atype {
	long id;
	const char *code, *naam;
	int eerste;
	int nst, ntr, ntitel;
	struct status *st;
	struct trans *tr;
	const char **titel;
	signed char *hop; /* nst*nst: next status on a shortest path i→j, -1 none */
	int groep;        /* meant for groep/school dossiers */
	int gewicht;
};

struct school {
	long id;
	int kring, bestuur, plaats;
	char soort[4];
	char brin[5], vest[3];
	char naam[128];
	char ib_naam[96], ib_email[128], telefoon[16];
	int gewicht;
	long aanvrager_id; /* the `school` account for its school, else 0 */
};

/* What the hulpvraag plan needs of a pupil. */
struct pupil {
	int32_t school;
	int32_t vanaf;
};

struct hv {
	int32_t dossier; /* index in the organisatie's dossiers */
	int16_t type;
	int16_t forced;  /* status the walk must reach (coverage), -1 none */
	int32_t datum;
	uint32_t ord;
};

struct org {
	int idx;
	const char *code;
	long id;
	const struct demodata_plaats *plaatsen;
	const struct demodata_kring *kringen;
	const struct demodata_bestuur *besturen;
	const char *domein;
	int nplaats, plaats_totaal;
	int nkring;
	long kring_id[MAX_KRING], kring_coord[MAX_KRING];
	int nbestuur;
	long bestuur_id[MAX_BESTUUR];
	struct school *school;
	int nschool;
	long acc_secr, acc_secr2, acc_fin, acc_admin, acc_school;
	struct atype *types;
	int ntypes, ngroeptypes;
	long nlabel;
	long label_id[MAX_LABEL];
	const char *label_naam[MAX_LABEL];
	/* dossiers: pupils, then groep dossiers, then school dossiers */
	long npupil, ngroep, nschooldos;
	long dossier_base;
	struct pupil *pupil;
	int32_t *grp_school;
	char **grp_key;  /* sorteernaam of each groep / school dossier (copy_dossiers) */
	long nhv, hv_base, nummer_base;
	struct hv *hv;
};

struct gen {
	struct db *db;
	PGconn *pg;
	const struct demodata_opts *o;
	uint64_t seed;
	long today, window;
	int64_t cap;  /* no moment after this: today 07:30 */
	struct copy cp;
	struct org org[2];
	char tz[64];  /* the caller's TimeZone */
	char **pool;  /* strings copied out of query results */
	size_t npool, cappool;
	struct err *e;
};

static const char *pool_dup(struct gen *g, const char *s)
{
	if (g->npool == g->cappool) {
		size_t cap = g->cappool ? g->cappool * 2 : 256;
		char **p = realloc(g->pool, cap * sizeof *p);
		if (!p)
			return NULL;
		g->pool = p;
		g->cappool = cap;
	}
	char *d = strdup(s);
	if (d)
		g->pool[g->npool++] = d;
	return d;
}

static void progress(struct gen *g, const char *stage, long done, long total)
{
	if (g->o->progress)
		g->o->progress(stage, done, total, g->o->progress_arg);
}

/* ---------------------------------------------------------------- SQL helpers */

static PGresult *q(struct gen *g, const char *sql, int n, const char *const *p)
{
	PGresult *r = db_exec(g->db, g->e, NULL, sql, n, p);
	if (!r) {
		char m[sizeof g->e->msg];
		snprintf(m, sizeof m, "%s", g->e->msg);
		err_set(g->e, "demodata: %s", m);
	}
	return r;
}

static int exec(struct gen *g, const char *sql)
{
	PGresult *r = q(g, sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

/* Runs sql and returns the first column of the first row in *out. */
static int q_long(struct gen *g, const char *sql, int n, const char *const *p, long *out)
{
	PGresult *r = q(g, sql, n, p);
	if (!r)
		return -1;
	if (PQntuples(r) < 1 || PQgetisnull(r, 0, 0)) {
		PQclear(r);
		return err_set(g->e, "demodata: onverwacht leeg resultaat");
	}
	*out = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

static int copy_begin(struct gen *g, const char *sql)
{
	PGresult *r = PQexec(g->pg, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		char m[sizeof g->e->msg];
		db_fail(g->db, r, g->e);
		snprintf(m, sizeof m, "%s", g->e->msg);
		err_set(g->e, "demodata: COPY starten: %s", m);
		PQclear(r);
		return -1;
	}
	PQclear(r);
	g->cp.pg = g->pg;
	g->cp.len = 0;
	g->cp.col = 0;
	g->cp.oom = 0;
	return 0;
}

static int cp_flush(struct gen *g)
{
	if (g->cp.oom)
		return err_set(g->e, "geen geheugen");
	if (g->cp.len && PQputCopyData(g->pg, g->cp.buf, (int)g->cp.len) != 1)
		return err_set(g->e, "verbinding met de database verbroken");
	g->cp.len = 0;
	return 0;
}

static int cp_row(struct gen *g)
{
	cp_put(&g->cp, "\n", 1);
	g->cp.col = 0;
	return g->cp.len >= COPY_FLUSH ? cp_flush(g) : 0;
}

/* Ends the COPY (failed: the rows were not all sent); what: the Dutch name
 * of the table for the message.  Only the server's primary message is kept
 * (db_fail), never the row data of its DETAIL, so no pupil name reaches e. */
static int copy_end(struct gen *g, const char *what, int failed)
{
	int rc = failed < 0 ? -1 : cp_flush(g);
	char m[sizeof g->e->msg] = "";
	if (rc < 0)
		snprintf(m, sizeof m, "%s", g->e->msg);
	if (PQputCopyEnd(g->pg, rc < 0 ? "demodata afgebroken" : NULL) != 1 && rc == 0) {
		rc = -1;
		snprintf(m, sizeof m, "verbinding met de database verbroken");
	}
	PGresult *r;
	while ((r = PQgetResult(g->pg))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0) {
			db_fail(g->db, r, g->e);
			snprintf(m, sizeof m, "%s", g->e->msg);
			rc = -1;
		}
		PQclear(r);
	}
	if (rc < 0)
		err_set(g->e, "demodata: %s laden: %s", what, m);
	return rc;
}

/* ---------------------------------------------------------------- flows */

static int status_index(const struct atype *t, const char *naam)
{
	for (int i = 0; i < t->nst; i++)
		if (!strcmp(t->st[i].naam, naam))
			return i;
	return -1;
}

static int contains(const char *hay, const char *needle)
{
	return hay && strcasestr(hay, needle) != NULL;
}

/* Rough share of each kind of request, so TLV's and ondersteuningsaanvragen
 * dominate the queues as they do in practice. */
static int type_gewicht(const struct atype *t)
{
	const char *n = t->naam;
	if (contains(n, "ondersteuning"))
		return 6;
	if (contains(n, "tlv") || contains(n, "toelaatbaar"))
		return 5;
	if (contains(n, "kans") || contains(n, "arrangement") || contains(n, "A&K"))
		return 4;
	if (contains(n, "thuiszit"))
		return 2;
	if (contains(n, "residentie") || contains(n, "mkd"))
		return 1;
	return 3;
}

/* Breadth-first shortest paths so a walk can be steered to any status. */
static int compute_hops(struct atype *t)
{
	int n = t->nst;
	t->hop = malloc((size_t)n * (size_t)n);
	int *queue = malloc((size_t)n * sizeof *queue);
	int *first = malloc((size_t)n * sizeof *first);
	if (!t->hop || !queue || !first) {
		free(queue);
		free(first);
		return -1;
	}
	memset(t->hop, -1, (size_t)n * (size_t)n);
	for (int s = 0; s < n; s++) {
		/* first[v]: the first step on the path s→v */
		for (int v = 0; v < n; v++)
			first[v] = -2;
		int qh = 0, qt = 0;
		first[s] = -1;
		queue[qt++] = s;
		while (qh < qt) {
			int u = queue[qh++];
			for (int k = 0; k < t->st[u].nt; k++) {
				int v = t->tr[t->st[u].t0 + k].naar;
				if (first[v] != -2)
					continue;
				first[v] = u == s ? v : first[u];
				queue[qt++] = v;
			}
		}
		for (int v = 0; v < n; v++)
			if (v != s && first[v] >= 0)
				t->hop[s * n + v] = (signed char)first[v];
	}
	free(queue);
	free(first);
	return 0;
}

static int load_flows(struct gen *g, struct org *o)
{
	char id[24];
	snprintf(id, sizeof id, "%ld", o->id);
	const char *p[1] = { id };
	/* The newest published flow version; ordered by code, not id, so the
	 * same flow files give the same data in any database. */
	static const char *types_sql =
		"SELECT a.id, a.code, a.naam, a.eerste_status FROM aanvraagtype a "
		" WHERE a.flow_version_id = (SELECT id FROM flow_version WHERE organisatie_id = $1 "
		"                             ORDER BY versie DESC LIMIT 1) ORDER BY a.code";
	PGresult *r = q(g, types_sql, 1, p);
	if (!r)
		return -1;
	o->ntypes = PQntuples(r);
	if (o->ntypes == 0 || o->ntypes > 1000) {
		PQclear(r);
		return err_set(g->e, "demodata: organisatie %s heeft geen geladen flow (aanvraagtypes); "
			       "laad eerst de flows", o->code);
	}
	o->types = calloc((size_t)o->ntypes, sizeof *o->types);
	if (!o->types) {
		o->ntypes = 0;
		PQclear(r);
		return err_set(g->e, "geen geheugen");
	}
	const char **eerste = calloc((size_t)o->ntypes, sizeof *eerste);
	if (!eerste) {
		PQclear(r);
		return err_set(g->e, "geen geheugen");
	}
	for (int i = 0; i < o->ntypes; i++) {
		o->types[i].id = atol(PQgetvalue(r, i, 0));
		o->types[i].code = pool_dup(g, PQgetvalue(r, i, 1));
		o->types[i].naam = pool_dup(g, PQgetvalue(r, i, 2));
		eerste[i] = pool_dup(g, PQgetvalue(r, i, 3));
	}
	PQclear(r);

	int rc = 0;
	for (int i = 0; i < o->ntypes && rc == 0; i++) {
		struct atype *t = &o->types[i];
		char tid[24];
		snprintf(tid, sizeof tid, "%ld", t->id);
		const char *tp[1] = { tid };
		PGresult *s = q(g, "SELECT naam, categorie, eindstatus, verborgen FROM flow_status "
				   " WHERE aanvraagtype_id = $1 ORDER BY volgorde, naam", 1, tp);
		PGresult *tr = s ? q(g, "SELECT van, naar, rol, reden_verplicht FROM flow_transitie "
					"WHERE aanvraagtype_id = $1 ORDER BY van, naar, rol", 1, tp) : NULL;
		PGresult *ti = tr ? q(g, "SELECT titel FROM aanvraagtype_titel WHERE aanvraagtype_id = $1 "
					 "ORDER BY titel", 1, tp) : NULL;
		if (!ti) {
			PQclear(s);
			PQclear(tr);
			rc = -1;
			break;
		}
		t->nst = PQntuples(s);
		t->ntr = PQntuples(tr);
		t->ntitel = PQntuples(ti);
		t->st = calloc((size_t)t->nst + 1, sizeof *t->st);
		t->tr = calloc((size_t)t->ntr + 1, sizeof *t->tr);
		t->titel = calloc((size_t)t->ntitel + 1, sizeof *t->titel);
		if (t->nst > 120) {
			rc = err_set(g->e, "demodata: aanvraagtype %s heeft te veel statussen", t->code);
		} else if (!t->st || !t->tr || !t->titel) {
			rc = err_set(g->e, "geen geheugen");
		} else {
			for (int k = 0; k < t->nst; k++) {
				t->st[k].naam = pool_dup(g, PQgetvalue(s, k, 0));
				t->st[k].categorie = pool_dup(g, PQgetvalue(s, k, 1));
				t->st[k].eind = PQgetvalue(s, k, 2)[0] == 't';
				t->st[k].verborgen = PQgetvalue(s, k, 3)[0] == 't';
			}
			/* Transitions come sorted by van, so each status's outgoing
			 * ones are one run of the array. */
			for (int k = 0; k < t->ntr; k++) {
				int van = status_index(t, PQgetvalue(tr, k, 0));
				int naar = status_index(t, PQgetvalue(tr, k, 1));
				t->tr[k].naar = naar;
				t->tr[k].rol = pool_dup(g, PQgetvalue(tr, k, 2));
				t->tr[k].reden_verplicht = PQgetvalue(tr, k, 3)[0] == 't';
				if (van < 0 || naar < 0) {
					rc = err_set(g->e, "demodata: overgang in aanvraagtype %s naar onbekende status",
						     t->code);
					break;
				}
				if (t->st[van].nt == 0)
					t->st[van].t0 = k;
				t->st[van].nt++;
			}
			for (int k = 0; k < t->ntitel; k++)
				t->titel[k] = pool_dup(g, PQgetvalue(ti, k, 0));
			if (t->ntitel == 0) { /* no fixed titles: the type's name is one */
				t->titel[0] = t->naam;
				t->ntitel = 1;
			}
			t->eerste = status_index(t, eerste[i]);
			if (rc == 0 && t->eerste < 0)
				rc = err_set(g->e, "demodata: eerste status van aanvraagtype %s bestaat niet", t->code);
			if (rc == 0 && compute_hops(t) < 0)
				rc = err_set(g->e, "geen geheugen");
			t->groep = contains(t->naam, "groep") || contains(t->code, "groep") ||
				   contains(t->naam, "budget school") || contains(t->naam, "wijk");
			o->ngroeptypes += t->groep;
			t->gewicht = type_gewicht(t);
		}
		PQclear(s);
		PQclear(tr);
		PQclear(ti);
	}
	free(eerste);
	return rc;
}

/* ---------------------------------------------------------------- people */

static void ascii_slug(char *out, size_t len, const char *s)
{
	char f[256];
	size_t j = 0;
	naam_fold(f, sizeof f, s);
	for (size_t i = 0; f[i] && j + 1 < len; i++)
		if ((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9'))
			out[j++] = f[i];
	if (len)
		out[j] = '\0';
}

/* An adult name "Roepnaam [tussenvoegsel ]Achternaam" of one origin. */
static const struct demodata_herkomst *pick_herkomst(struct rng *r)
{
	int tot = 0;
	for (const struct demodata_herkomst *h = demodata_herkomsten; h->jongens; h++)
		tot += h->gewicht;
	long x = rnd(r, tot);
	const struct demodata_herkomst *h = demodata_herkomsten;
	for (; h[1].jongens && x >= h->gewicht; h++)
		x -= h->gewicht;
	return h;
}

static const struct demodata_achternaam *pick_achternaam(struct rng *r, const struct demodata_herkomst *h)
{
	const struct demodata_achternaam *list = h->met_tv && chance(r, h->met_tv_promille) ? h->met_tv
											     : h->achternamen;
	int n = 0;
	while (list[n].man)
		n++;
	return &list[rnd(r, n)];
}

static const char *achternaam_vorm(const struct demodata_achternaam *a, int vrouw)
{
	return vrouw && a->vrouw ? a->vrouw : a->man;
}

static void volledige_naam(char *out, size_t len, const char *roep, const char *tv, const char *achter)
{
	struct naam n = { roep, tv, achter };
	naam_format_full(out, len, &n);
}

static void telefoon(struct rng *r, char *out, size_t len, const char *netnummer)
{
	if (!netnummer) { /* mobile */
		snprintf(out, len, "06-%08ld", 10000000 + rnd(r, 90000000));
		return;
	}
	int digits = 10 - (int)strlen(netnummer);
	long lo = digits == 7 ? 2000000 : 200000, span = digits == 7 ? 7000000 : 700000;
	snprintf(out, len, "%s-%ld", netnummer, lo + rnd(r, span));
}

static const char pc_letters[] = "ABCEGHJKLMNPRSTVWXZ"; /* F, I, O, Q, U, Y are not used */

static void postcode(struct rng *r, char *out, size_t len, const struct demodata_plaats *p)
{
	char a, b;
	do {
		a = pc_letters[rnd(r, (long)sizeof pc_letters - 1)];
		b = pc_letters[rnd(r, (long)sizeof pc_letters - 1)];
	} while (a == 'S' && (b == 'A' || b == 'D' || b == 'S'));
	snprintf(out, len, "%d %c%c", p->pc_van + (int)rnd(r, p->pc_tot - p->pc_van + 1), a, b);
}

static int pick_plaats(struct rng *r, const struct org *o)
{
	long x = rnd(r, o->plaats_totaal);
	int i = 0;
	for (; i < o->nplaats - 1 && x >= o->plaatsen[i].gewicht; i++)
		x -= o->plaatsen[i].gewicht;
	return i;
}

/* ---------------------------------------------------------------- accounts, kringen, schools */

static int add_account(struct gen *g, struct org *o, const char *username, const char *naam,
		       const char *email, const char *rol, const char *totp, long *id)
{
	char org[24];
	snprintf(org, sizeof org, "%ld", o->id);
	const char *p[4] = { username, naam, email, g->o->password_hash };
	if (q_long(g, "INSERT INTO account (username, naam, email, wachtwoord_hash) "
		      "VALUES ($1, $2, $3, $4) RETURNING id", 4, p, id) < 0)
		return -1;
	if (totp && g->o->totp_key) {
		/* stored sealed for its id, as the auth helper would (032) */
		char sealed[TOTPZEGEL_LEN], sid[24];
		struct err se;

		if (totpzegel_seal(g->o->totp_key, *id, totp, sealed, sizeof sealed, &se) < 0)
			return err_set(g->e, "demodata: %s", se.msg);
		snprintf(sid, sizeof sid, "%ld", *id);
		const char *tp[2] = { sid, sealed };
		PGresult *t = q(g, "UPDATE account SET totp_secret = $2 WHERE id = $1", 2, tp);
		if (!t)
			return -1;
		PQclear(t);
	}
	char acc[24];
	snprintf(acc, sizeof acc, "%ld", *id);
	const char *pr[3] = { acc, org, rol };
	PGresult *r = q(g, "INSERT INTO account_rol (account_id, organisatie_id, rol) VALUES ($1, $2, $3)", 3, pr);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

struct demo_account {
	const char *username, *naam, *mail, *rol;
	int kring; /* coördinator of this kring, -1 none */
};

static const struct demo_account accounts_po3008[] = {
	{"coordinator", "Annemiek van Rooij", "a.vanrooij", "coordinator", 0},
	{"s.verbeek", "Sanne Verbeek", "s.verbeek", "coordinator", 1},
	{"e.manders", "Esther Manders", "e.manders", "coordinator", 2},
	{"c.vandijk", "Carla van Dijk", "c.vandijk", "coordinator", 3},
	{"secretariaat", "Ingrid Coolen", "secretariaat", "secretariaat", -1},
	{"financieel", "Ruud Swinkels", "r.swinkels", "financieel", -1},
	{"admin", "Mark Hendriks", "m.hendriks", "admin", -1},
	{"totp", "Linda Vermeulen", "l.vermeulen", "secretariaat", -1},
	{NULL, NULL, NULL, NULL, -1}
};

static const struct demo_account accounts_po2507[] = {
	{"stromenland", "Hanneke Brouwer", "h.brouwer", "coordinator", -2}, /* -2: every kring */
	{"stromenland-secr", "Kees Timmermans", "secretariaat", "secretariaat", -1},
	{NULL, NULL, NULL, NULL, -1}
};

static int load_accounts(struct gen *g, struct org *o)
{
	const struct demo_account *list = o->idx == 0 ? accounts_po3008 : accounts_po2507;
	for (const struct demo_account *a = list; a->username; a++) {
		char email[160];
		long id;
		int is_totp = !strcmp(a->username, "totp");
		snprintf(email, sizeof email, "%s@%s", a->mail, o->domein);
		if (add_account(g, o, a->username, a->naam, email, a->rol,
				is_totp ? g->o->totp_secret : NULL, &id) < 0)
			return -1;
		if (a->kring >= 0)
			o->kring_coord[a->kring] = id;
		else if (a->kring == -2)
			for (int k = 0; k < o->nkring; k++)
				o->kring_coord[k] = id;
		if (!strcmp(a->rol, "secretariaat"))
			*(o->acc_secr ? &o->acc_secr2 : &o->acc_secr) = id;
		else if (!strcmp(a->rol, "financieel"))
			o->acc_fin = id;
		else if (!strcmp(a->rol, "admin"))
			o->acc_admin = id;
	}
	/* Organisaties without such staff let the secretariaat do it. */
	if (!o->acc_secr2)
		o->acc_secr2 = o->acc_secr;
	if (!o->acc_fin)
		o->acc_fin = o->acc_secr;
	if (!o->acc_admin)
		o->acc_admin = o->acc_secr;

	for (int k = 0; k < o->nkring; k++) {
		const struct demodata_kring *kr = &o->kringen[k];
		char arr[512] = "{", org[24], coord[24];
		for (int i = 0; kr->gemeenten[i]; i++) {
			size_t n = strlen(arr);
			snprintf(arr + n, sizeof arr - n, "%s\"%s\"", i ? "," : "", kr->gemeenten[i]);
		}
		strncat(arr, "}", sizeof arr - strlen(arr) - 1);
		snprintf(org, sizeof org, "%ld", o->id);
		snprintf(coord, sizeof coord, "%ld", o->kring_coord[k]);
		const char *p[4] = { org, kr->naam, arr, coord };
		if (q_long(g, "INSERT INTO scholenkring (organisatie_id, naam, gemeenten, coordinator_id) "
			      "VALUES ($1, $2, $3::text[], $4) RETURNING id", 4, p, &o->kring_id[k]) < 0)
			return -1;
	}
	return 0;
}

static int kring_of(const struct org *o, const char *gemeente)
{
	for (int k = 0; k < o->nkring; k++)
		for (int i = 0; o->kringen[k].gemeenten[i]; i++)
			if (!strcmp(o->kringen[k].gemeenten[i], gemeente))
				return k;
	return 0;
}

static int bestuur_of_soort(struct rng *r, const struct org *o, char soort)
{
	int idx[MAX_BESTUUR], n = 0;
	for (int b = 0; b < o->nbestuur; b++)
		if (o->besturen[b].soort == soort || (soort == 'b' && o->besturen[b].soort == 'o'))
			idx[n++] = b;
	return n ? idx[rnd(r, n)] : 0;
}

/* BRINs are unique over both organisaties (they are national codes). */
static void new_brin(struct rng *r, struct gen *g, char *out)
{
	for (;;) {
		snprintf(out, 5, "%02ld%c%c", rnd(r, 100), (char)('A' + rnd(r, 26)), (char)('A' + rnd(r, 26)));
		int dup = 0;
		for (int oi = 0; oi < 2 && !dup; oi++)
			for (int s = 0; s < g->org[oi].nschool && !dup; s++)
				dup = !strcmp(g->org[oi].school[s].brin, out);
		if (!dup)
			return;
	}
}

/* Counts of schools per organisatie: bao (main locations), extra
 * locations (vestiging 01), sbo, so, vve. */
static const int school_mix[2][5] = { { 48, 4, 4, 3, 3 }, { 14, 1, 1, 1, 1 } };

static int plan_schools(struct gen *g, struct org *o)
{
	const int *mix = school_mix[o->idx];
	int n = mix[0] + mix[1] + mix[2] + mix[3] + mix[4];
	struct rng r = rng_for(g->seed, S_SCHOLEN + (uint64_t)o->idx, 0);
	o->school = calloc((size_t)n, sizeof *o->school);
	if (!o->school)
		return err_set(g->e, "geen geheugen");

	/* Base names without replacement; "De Regenboog" stays first so the
	 * `school` account always gets the same, recognisable school. */
	int nn = demodata_count(demodata_schoolnamen);
	int order[128];
	for (int i = 0; i < nn && i < 128; i++)
		order[i] = i;
	for (int i = nn - 1; i > 1; i--) {
		int j = 1 + (int)rnd(&r, i);
		int t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	/* Main locations: first one per municipality (its biggest place), then
	 * places by size. */
	const char *gemeenten[32];
	int ng = 0;
	for (int k = 0; k < o->nkring; k++)
		for (int i = 0; o->kringen[k].gemeenten[i] && ng < 32; i++)
			gemeenten[ng++] = o->kringen[k].gemeenten[i];
	for (int i = 0; i < n; i++) {
		struct school *s = &o->school[o->nschool];
		const char *kind;
		char base[96];
		int main_of = -1;
		if (i < mix[0]) {
			kind = "bao";
		} else if (i < mix[0] + mix[1]) {
			kind = "vest";
			/* a second location of a main school that has none yet */
			for (;;) {
				main_of = 1 + (int)rnd(&r, mix[0] - 1);
				int taken = 0;
				for (int v = mix[0]; v < o->nschool; v++)
					taken |= !strcmp(o->school[v].brin, o->school[main_of].brin);
				if (!taken)
					break;
			}
		} else if (i < mix[0] + mix[1] + mix[2]) {
			kind = "sbo";
		} else if (i < mix[0] + mix[1] + mix[2] + mix[3]) {
			kind = "so";
		} else {
			kind = "vve";
		}
		if (main_of >= 0) {
			const struct school *m = &o->school[main_of];
			*s = *m;
			snprintf(s->vest, sizeof s->vest, "01");
			char hoofd[sizeof s->naam];
			snprintf(hoofd, sizeof hoofd, "%s", m->naam);
			if (snprintf(s->naam, sizeof s->naam, "%s, locatie %s", hoofd, pick(&r, demodata_locaties)) >=
			    (int)sizeof s->naam)
				snprintf(s->naam, sizeof s->naam, "%s", hoofd);
			s->gewicht = 1 + (int)rnd(&r, 2);
			o->nschool++;
			continue;
		}
		if (i < ng) {
			int best = -1;
			for (int p = 0; p < o->nplaats; p++)
				if (!strcmp(o->plaatsen[p].gemeente, gemeenten[i]) &&
				    (best < 0 || o->plaatsen[p].gewicht > o->plaatsen[best].gewicht))
					best = p;
			s->plaats = best < 0 ? 0 : best;
		} else {
			/* the place furthest below its share of the schools */
			int best = 0;
			double tekort = -1e9;
			for (int p = 0; p < o->nplaats; p++) {
				int al = 0;
				for (int k = 0; k < o->nschool; k++)
					al += o->school[k].plaats == p && !o->school[k].vest[0];
				double d = (double)o->plaatsen[p].gewicht * (o->nschool + 1) / o->plaats_totaal - al;
				if (d > tekort) {
					tekort = d;
					best = p;
				}
			}
			s->plaats = best;
		}
		s->kring = kring_of(o, o->plaatsen[s->plaats].gemeente);
		new_brin(&r, g, s->brin);
		if (!strcmp(kind, "bao")) {
			const char *prefixes[] = { "Basisschool", "Basisschool", "Basisschool", "Kindcentrum", "IKC" };
			s->bestuur = bestuur_of_soort(&r, o, 'b');
			while (i == 0 && o->besturen[s->bestuur].soort != 'b') /* "Basisschool De Regenboog" */
				s->bestuur = bestuur_of_soort(&r, o, 'b');
			snprintf(base, sizeof base, "%s", demodata_schoolnamen[order[i % nn]]);
			snprintf(s->naam, sizeof s->naam, "%s %s",
				 i == 0 ? "Basisschool" : o->besturen[s->bestuur].soort == 'o' ? "OBS"
				 : prefixes[rnd(&r, 5)], base);
			s->gewicht = 2 + (int)rnd(&r, 4);
		} else if (!strcmp(kind, "sbo") || !strcmp(kind, "so")) {
			int is_sbo = kind[1] == 'b';
			s->bestuur = bestuur_of_soort(&r, o, 's');
			int k = i - mix[0] - mix[1] - (is_sbo ? 0 : mix[2]);
			const char *const *list = is_sbo ? demodata_sbo_namen : demodata_so_namen;
			snprintf(s->naam, sizeof s->naam, "%s %s", is_sbo ? "SBO" : "SO",
				 list[k % demodata_count(list)]);
			s->gewicht = is_sbo ? 3 : 2;
		} else {
			s->bestuur = bestuur_of_soort(&r, o, 'v');
			int k = i - mix[0] - mix[1] - mix[2] - mix[3];
			snprintf(s->naam, sizeof s->naam, "%s",
				 demodata_vve_namen[k % demodata_count(demodata_vve_namen)]);
			s->gewicht = 1;
		}
		snprintf(s->soort, sizeof s->soort, "%s", kind);
		/* The intern begeleider who files the school's requests. */
		const struct demodata_herkomst *h = &demodata_herkomsten[chance(&r, 900) ? 0 : 1 + rnd(&r, 3)];
		int vrouw = chance(&r, 850);
		const struct demodata_achternaam *a = pick_achternaam(&r, h);
		const char *roep = pick(&r, vrouw ? h->ouders_v : h->ouders_m);
		char slug[64], rs[32];
		volledige_naam(s->ib_naam, sizeof s->ib_naam, roep, a->tussenvoegsel, achternaam_vorm(a, vrouw));
		ascii_slug(rs, sizeof rs, roep);
		ascii_slug(slug, sizeof slug, achternaam_vorm(a, vrouw));
		char tvs[16];
		ascii_slug(tvs, sizeof tvs, a->tussenvoegsel);
		snprintf(s->ib_email, sizeof s->ib_email, "%c.%s%s@%s", rs[0], tvs, slug, o->besturen[s->bestuur].domein);
		telefoon(&r, s->telefoon, sizeof s->telefoon, o->plaatsen[s->plaats].netnummer);
		o->nschool++;
	}
	return 0;
}

/* The financial contact of each schoolbestuur (004 §3.5, role bestuur,
 * migration 022): PO3008 bestuur1, bestuur2 …, PO2507 stromenland-bestuur1 …,
 * each linked to its own bestuur only. */
static int load_bestuur_accounts(struct gen *g, struct org *o)
{
	for (int b = 0; b < o->nbestuur; b++) {
		char user[64], naam[200], mail[128], bid[24], acc[24], org[24];
		long id;
		snprintf(user, sizeof user, "%sbestuur%d", o->idx == 0 ? "" : "stromenland-", b + 1);
		snprintf(naam, sizeof naam, "Financiële administratie %s", o->besturen[b].naam);
		snprintf(mail, sizeof mail, "financien@%s", o->besturen[b].domein);
		if (add_account(g, o, user, naam, mail, "bestuur", NULL, &id) < 0)
			return -1;
		snprintf(bid, sizeof bid, "%ld", o->bestuur_id[b]);
		snprintf(acc, sizeof acc, "%ld", id);
		snprintf(org, sizeof org, "%ld", o->id);
		const char *p[3] = { acc, org, bid };
		PGresult *r = q(g, "INSERT INTO account_bestuur (account_id, organisatie_id, schoolbestuur_id) "
				   "VALUES ($1, $2, $3)", 3, p);
		if (!r)
			return -1;
		PQclear(r);
	}
	return 0;
}

static int load_schools(struct gen *g, struct org *o)
{
	char org[24];
	snprintf(org, sizeof org, "%ld", o->id);
	struct rng r = rng_for(g->seed, S_SCHOLEN + (uint64_t)o->idx, 1);
	for (int b = 0; b < o->nbestuur; b++) {
		char bg[24];
		snprintf(bg, sizeof bg, "%05ld", 40000 + (long)o->idx * 20000 + b * 1000 + rnd(&r, 1000));
		char mail[128];
		snprintf(mail, sizeof mail, "financien@%s", o->besturen[b].domein);
		const char *p[4] = { org, o->besturen[b].naam, bg, mail };
		if (q_long(g, "INSERT INTO schoolbestuur (organisatie_id, naam, bevoegd_gezag, email_financieel) "
			      "VALUES ($1, $2, $3, $4) RETURNING id", 4, p, &o->bestuur_id[b]) < 0)
			return -1;
	}
	for (int i = 0; i < o->nschool; i++) {
		struct school *s = &o->school[i];
		char bid[24], kid[24];
		snprintf(bid, sizeof bid, "%ld", o->bestuur_id[s->bestuur]);
		snprintf(kid, sizeof kid, "%ld", o->kring_id[s->kring]);
		const char *soort = !strcmp(s->soort, "vest") ? "bao" : s->soort;
		const char *p[9] = { org, bid, kid, s->brin, s->vest[0] ? s->vest : NULL, s->naam, soort,
				     o->plaatsen[s->plaats].naam, o->plaatsen[s->plaats].gemeente };
		if (q_long(g, "INSERT INTO school (organisatie_id, schoolbestuur_id, scholenkring_id, brin, "
			      "vestiging, naam, soort, plaats, gemeente) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
			      "RETURNING id", 9, p, &s->id) < 0)
			return -1;
	}
	if (o->idx == 0) {
		/* The aanvrager account: the IB'er of the first school. */
		struct school *s = &o->school[0];
		long id;
		if (add_account(g, o, "school", s->ib_naam, s->ib_email, "aanvrager", NULL, &id) < 0)
			return -1;
		char acc[24], sid[24];
		snprintf(acc, sizeof acc, "%ld", id);
		snprintf(sid, sizeof sid, "%ld", s->id);
		const char *p[2] = { acc, sid };
		PGresult *res = q(g, "INSERT INTO account_school (account_id, school_id) VALUES ($1, $2)", 2, p);
		if (!res)
			return -1;
		PQclear(res);
		s->aanvrager_id = id;
		o->acc_school = id;
	}
	static const char *const labels[2][5] = {
		{ "spoed", "thuiszitter", "wacht op ouders", "CT december", NULL },
		{ "spoed", "wacht op school", "AC januari", NULL, NULL },
	};
	for (int l = 0; labels[o->idx][l]; l++) {
		const char *p[2] = { org, labels[o->idx][l] };
		if (q_long(g, "INSERT INTO label (organisatie_id, naam) VALUES ($1, $2) RETURNING id", 2, p,
			   &o->label_id[l]) < 0)
			return -1;
		o->label_naam[l] = labels[o->idx][l];
		o->nlabel++;
	}
	return 0;
}

/* ---------------------------------------------------------------- pupils */

struct relatie {
	const char *soort;
	char naam[128], email[128], tel[16];
	int gezag;
};

struct pupil_full {
	const char *roep, *tv, *achter;
	char voornamen[96];
	const char *geslacht;
	long birth;
	int school, prev_school;
	long vanaf, prev_vanaf;
	int plaats;
	const char *straat;
	char huisnummer[12], postcode[8];
	long adres_vanaf;
	int nrel;
	struct relatie rel[2];
};

static const char *const mail_domeinen[] = { "example.com", "example.net", "example.org", NULL };

static int pick_school(struct rng *r, const struct org *o, int age)
{
	int tot = 0;
	for (int i = 0; i < o->nschool; i++)
		tot += o->school[i].gewicht;
	for (;;) {
		long x = rnd(r, tot);
		int i = 0;
		for (; i < o->nschool - 1 && x >= o->school[i].gewicht; i++)
			x -= o->school[i].gewicht;
		const char *s = o->school[i].soort;
		int vve = !strcmp(s, "vve"), special = !strcmp(s, "sbo") || !strcmp(s, "so");
		if (age < 4 ? vve : !vve && (!special || age >= 6))
			return i;
	}
}

static int pick_regular_school(struct rng *r, const struct org *o, int not)
{
	for (;;) {
		int i = (int)rnd(r, o->nschool);
		if (i != not && (!strcmp(o->school[i].soort, "bao") || !strcmp(o->school[i].soort, "vest")))
			return i;
	}
}

static void gen_pupil(struct gen *g, const struct org *o, long i, struct pupil_full *p)
{
	struct rng r = rng_for(g->seed, S_PUPIL + (uint64_t)o->idx, (uint64_t)i);
	const struct demodata_herkomst *h = pick_herkomst(&r);
	long gx = rnd(&r, 1000);
	p->geslacht = gx < 497 ? "m" : gx < 995 ? "v" : "x";
	int vrouw = p->geslacht[0] == 'v' || (p->geslacht[0] == 'x' && chance(&r, 500));
	const char *const *voor = vrouw ? h->meisjes : h->jongens;
	p->roep = pick(&r, voor);
	const struct demodata_achternaam *a = pick_achternaam(&r, h);
	p->tv = a->tussenvoegsel[0] ? a->tussenvoegsel : NULL;
	p->achter = achternaam_vorm(a, vrouw);
	p->voornamen[0] = '\0';
	if (chance(&r, 550)) {
		const char *tweede = pick(&r, voor);
		if (strcmp(tweede, p->roep))
			snprintf(p->voornamen, sizeof p->voornamen, "%s %s", p->roep, tweede);
	}

	/* Age 3 (voorschool) to 13 on today. */
	long ax = rnd(&r, 1000);
	int age = ax < 40 ? 3 : ax < 970 ? 4 + (int)rnd(&r, 9) : 13;
	long hi = add_years(g->today, -age), lo = add_years(g->today, -age - 1) + 1;
	p->birth = lo + rnd(&r, hi - lo + 1);

	p->school = pick_school(&r, o, age);
	p->prev_school = -1;
	p->prev_vanaf = 0;
	const char *soort = o->school[p->school].soort;
	long start4 = add_years(p->birth, 4);
	if (!strcmp(soort, "vve")) {
		p->vanaf = p->birth + 913 + rnd(&r, 60); /* about two and a half */
	} else if ((!strcmp(soort, "sbo") || !strcmp(soort, "so") || chance(&r, 150)) &&
		   g->today - start4 > 400) {
		/* Came from a regular school; moved some time later, often at
		 * the start of a school year. */
		p->prev_school = pick_regular_school(&r, o, p->school);
		p->prev_vanaf = start4;
		long t = start4 + 365 + rnd(&r, g->today - start4 - 364);
		struct datum d = datum_from_days(t);
		if (chance(&r, 600)) {
			long aug = days_of(datum_schooljaar(d), 8, 20);
			if (aug > start4 + 30)
				t = aug;
		}
		p->vanaf = werkdag_vanaf(t);
	} else {
		p->vanaf = start4;
	}
	if (p->vanaf > g->today)
		p->vanaf = g->today;

	p->plaats = chance(&r, 800) ? o->school[p->school].plaats : pick_plaats(&r, o);
	p->straat = pick(&r, demodata_straten);
	long nr = 1 + rnd(&r, 160);
	if (chance(&r, 80))
		snprintf(p->huisnummer, sizeof p->huisnummer, "%ld%c", nr, (char)('a' + rnd(&r, 3)));
	else
		snprintf(p->huisnummer, sizeof p->huisnummer, "%ld", nr);
	postcode(&r, p->postcode, sizeof p->postcode, &o->plaatsen[p->plaats]);
	p->adres_vanaf = chance(&r, 300) ? p->birth + rnd(&r, g->today - p->birth + 1) : p->birth;

	/* Parents: usually two; the mother often kept her own surname. */
	long rx = rnd(&r, 1000);
	p->nrel = rx < 20 ? 1 : rx < 250 ? 1 : 2;
	for (int k = 0; k < p->nrel; k++) {
		struct relatie *rel = &p->rel[k];
		int moeder = k == 0;
		const char *roep = pick(&r, moeder ? h->ouders_v : h->ouders_m);
		const char *tv = p->tv, *achter = p->achter;
		if (moeder && chance(&r, 500)) {
			const struct demodata_achternaam *b = pick_achternaam(&r, h);
			tv = b->tussenvoegsel[0] ? b->tussenvoegsel : NULL;
			achter = achternaam_vorm(b, 1);
		} else if (a->vrouw) {
			achter = achternaam_vorm(a, moeder);
		}
		rel->soort = rx < 20 ? "voogd" : chance(&r, 60) ? "verzorger" : "ouder";
		rel->gezag = chance(&r, 960);
		volledige_naam(rel->naam, sizeof rel->naam, roep, tv, achter);
		rel->email[0] = '\0';
		if (chance(&r, 750)) {
			char rs[48], as[64], ts[16];
			ascii_slug(rs, sizeof rs, roep);
			ascii_slug(ts, sizeof ts, tv ? tv : "");
			ascii_slug(as, sizeof as, achter);
			if (snprintf(rel->email, sizeof rel->email, "%s.%s%s%ld@%s", rs, ts, as, rnd(&r, 100),
				     pick(&r, mail_domeinen)) >= (int)sizeof rel->email)
				rel->email[0] = '\0';
		}
		rel->tel[0] = '\0';
		if (chance(&r, 900))
			telefoon(&r, rel->tel, sizeof rel->tel, NULL);
	}
}

static int plan_pupils(struct gen *g, struct org *o)
{
	o->pupil = malloc((size_t)(o->npupil ? o->npupil : 1) * sizeof *o->pupil);
	o->grp_school = malloc((size_t)(o->ngroep + o->nschooldos + 1) * sizeof *o->grp_school);
	if (!o->pupil || !o->grp_school)
		return err_set(g->e, "geen geheugen");
	for (long i = 0; i < o->npupil; i++) {
		struct pupil_full p;
		gen_pupil(g, o, i, &p);
		o->pupil[i].school = p.school;
		o->pupil[i].vanaf = (int32_t)p.vanaf;
	}
	struct rng r = rng_for(g->seed, S_GROEP + (uint64_t)o->idx, 0);
	for (long i = 0; i < o->ngroep; i++)
		o->grp_school[i] = pick_school(&r, o, 8);
	for (long i = 0; i < o->nschooldos; i++)
		o->grp_school[o->ngroep + i] = pick_regular_school(&r, o, -1);
	return 0;
}

static void sortkey(char *out, size_t len, const char *roep, const char *tv, const char *achter)
{
	struct naam n = { roep, tv, achter };
	naam_sortkey(out, len, &n);
}

static int copy_dossiers(struct gen *g)
{
	long total = g->org[0].npupil + g->org[1].npupil, done = 0;
	if (copy_begin(g, "COPY dossier (id, organisatie_id, niveau, roepnaam, voornamen, tussenvoegsel, "
			  "achternaam, geslacht, geboortedatum, groepsnaam, school_id, sorteernaam, created_at) "
			  "FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long i = 0; i < o->npupil && rc == 0; i++) {
			struct pupil_full p;
			char key[256];
			gen_pupil(g, o, i, &p);
			sortkey(key, sizeof key, p.roep, p.tv, p.achter);
			cp_long(&g->cp, o->dossier_base + i);
			cp_long(&g->cp, o->id);
			cp_text(&g->cp, "leerling");
			cp_text(&g->cp, p.roep);
			cp_text(&g->cp, p.voornamen[0] ? p.voornamen : NULL);
			cp_text(&g->cp, p.tv);
			cp_text(&g->cp, p.achter);
			cp_text(&g->cp, p.geslacht);
			cp_date(&g->cp, p.birth);
			cp_text(&g->cp, NULL);
			cp_text(&g->cp, NULL);
			cp_text(&g->cp, key);
			cp_ts(&g->cp, (int64_t)(p.prev_school >= 0 ? p.prev_vanaf : p.vanaf) * DAY + 9 * 3600);
			rc = cp_row(g);
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "dossiers", done, total);
		}
		/* Groep dossiers ("8D Kameleon") and school dossiers. */
		struct rng r = rng_for(g->seed, S_GROEP + (uint64_t)oi, 1);
		for (long i = 0; i < o->ngroep + o->nschooldos && rc == 0; i++) {
			const struct school *s = &o->school[o->grp_school[i]];
			char naam[160], key[256];
			int groep = i < o->ngroep;
			if (groep)
				snprintf(naam, sizeof naam, "%ld%c %s", 3 + rnd(&r, 6), (char)('A' + rnd(&r, 4)),
					 pick(&r, demodata_groepsdieren));
			naam_fold(key, sizeof key, groep ? naam : s->naam);
			if (!o->grp_key)
				o->grp_key = calloc((size_t)(o->ngroep + o->nschooldos + 1), sizeof *o->grp_key);
			if (!o->grp_key || !(o->grp_key[i] = strdup(key))) {
				rc = err_set(g->e, "geen geheugen");
				break;
			}
			cp_long(&g->cp, o->dossier_base + o->npupil + i);
			cp_long(&g->cp, o->id);
			cp_text(&g->cp, groep ? "groep" : "school");
			for (int k = 0; k < 6; k++)
				cp_text(&g->cp, NULL);
			cp_text(&g->cp, groep ? naam : NULL);
			cp_long(&g->cp, s->id);
			cp_text(&g->cp, key);
			cp_ts(&g->cp, (int64_t)g->window * DAY + 9 * 3600);
			rc = cp_row(g);
		}
	}
	rc = copy_end(g, "dossiers", rc);
	progress(g, "dossiers", total, total);
	return rc;
}

static int copy_adressen(struct gen *g)
{
	long total = g->org[0].npupil + g->org[1].npupil, done = 0;
	if (copy_begin(g, "COPY adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, "
			  "plaats, vanaf) FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long i = 0; i < o->npupil && rc == 0; i++) {
			struct pupil_full p;
			gen_pupil(g, o, i, &p);
			cp_long(&g->cp, o->dossier_base + i);
			cp_long(&g->cp, o->id);
			cp_text(&g->cp, "beide");
			cp_text(&g->cp, p.straat);
			cp_text(&g->cp, p.huisnummer);
			cp_text(&g->cp, p.postcode);
			cp_text(&g->cp, o->plaatsen[p.plaats].naam);
			cp_date(&g->cp, p.adres_vanaf);
			rc = cp_row(g);
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "adressen", done, total);
		}
	}
	rc = copy_end(g, "adressen", rc);
	progress(g, "adressen", total, total);
	return rc;
}

static int copy_relaties(struct gen *g)
{
	long total = g->org[0].npupil + g->org[1].npupil, done = 0;
	if (copy_begin(g, "COPY relatie (dossier_id, organisatie_id, soort, naam, email, telefoon, gezag) "
			  "FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long i = 0; i < o->npupil && rc == 0; i++) {
			struct pupil_full p;
			gen_pupil(g, o, i, &p);
			for (int k = 0; k < p.nrel && rc == 0; k++) {
				cp_long(&g->cp, o->dossier_base + i);
				cp_long(&g->cp, o->id);
				cp_text(&g->cp, p.rel[k].soort);
				cp_text(&g->cp, p.rel[k].naam);
				cp_text(&g->cp, p.rel[k].email[0] ? p.rel[k].email : NULL);
				cp_text(&g->cp, p.rel[k].tel[0] ? p.rel[k].tel : NULL);
				cp_bool(&g->cp, p.rel[k].gezag);
				rc = cp_row(g);
			}
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "relaties", done, total);
		}
	}
	rc = copy_end(g, "relaties", rc);
	progress(g, "relaties", total, total);
	return rc;
}

static void schoolgegevens_row(struct gen *g, const struct org *o, long dossier, int school, long vanaf,
			       long tot, const char *leerjaar)
{
	const struct school *s = &o->school[school];
	cp_long(&g->cp, dossier);
	cp_long(&g->cp, o->id);
	cp_long(&g->cp, s->id);
	cp_date(&g->cp, vanaf);
	if (tot)
		cp_date(&g->cp, tot);
	else
		cp_text(&g->cp, NULL);
	cp_text(&g->cp, leerjaar);
	cp_text(&g->cp, s->ib_naam);
	cp_text(&g->cp, s->ib_naam);
	cp_text(&g->cp, s->ib_email);
	cp_text(&g->cp, s->telefoon);
}

static int copy_schoolgegevens(struct gen *g)
{
	long total = g->org[0].npupil + g->org[1].npupil, done = 0;
	if (copy_begin(g, "COPY schoolgegevens (dossier_id, organisatie_id, school_id, vanaf, tot, leerjaar, "
			  "aanvrager, contactpersoon, email, telefoon) FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long i = 0; i < o->npupil && rc == 0; i++) {
			struct pupil_full p;
			char lj[16];
			gen_pupil(g, o, i, &p);
			if (p.prev_school >= 0) {
				/* the groep in the last weeks there, not after the summer */
				long eind = p.vanaf - 43 > p.prev_vanaf ? p.vanaf - 43 : p.prev_vanaf;
				snprintf(lj, sizeof lj, "groep %d", groep_op(p.birth, eind));
				schoolgegevens_row(g, o, o->dossier_base + i, p.prev_school, p.prev_vanaf, p.vanaf - 1, lj);
				rc = cp_row(g);
			}
			if (!strcmp(o->school[p.school].soort, "vve"))
				snprintf(lj, sizeof lj, "voorschool");
			else
				snprintf(lj, sizeof lj, "groep %d", groep_op(p.birth, g->today));
			schoolgegevens_row(g, o, o->dossier_base + i, p.school, p.vanaf, 0, lj);
			if (rc == 0)
				rc = cp_row(g);
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "schoolgegevens", done, total);
		}
	}
	rc = copy_end(g, "schoolgegevens", rc);
	progress(g, "schoolgegevens", total, total);
	return rc;
}

/* ---------------------------------------------------------------- hulpvragen */

static const struct atype *hv_type(const struct org *o, const struct hv *h)
{
	return &o->types[h->type];
}

static int dossier_school(const struct org *o, long d)
{
	return d < o->npupil ? o->pupil[d].school : o->grp_school[d - o->npupil];
}

static int pick_type(struct rng *r, const struct org *o, int groep)
{
	int tot = 0;
	for (int i = 0; i < o->ntypes; i++)
		if (o->types[i].groep == groep)
			tot += o->types[i].gewicht;
	long x = rnd(r, tot);
	for (int i = 0; i < o->ntypes; i++) {
		if (o->types[i].groep != groep)
			continue;
		if (x < o->types[i].gewicht)
			return i;
		x -= o->types[i].gewicht;
	}
	return 0;
}

static int hv_cmp(const void *a, const void *b)
{
	const struct hv *x = a, *y = b;
	if (x->datum != y->datum)
		return x->datum < y->datum ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/* Received dates over the last two school years, mostly on werkdagen and
 * rarely in the summer holiday; never before the pupil's current school. */
static long pick_datum(struct gen *g, struct rng *r, long lo)
{
	if (lo < g->window)
		lo = g->window;
	if (lo > g->today)
		lo = g->today;
	long d = 0;
	for (int tries = 0; tries < 4; tries++) {
		d = lo + rnd(r, g->today - lo + 1);
		struct datum x = datum_from_days(d);
		int zomer = (x.m == 7 && x.d >= 15) || (x.m == 8 && x.d < 25);
		if (!zomer || !chance(r, 800))
			break;
	}
	int wd = weekday(d);
	if ((wd == DATUM_ZATERDAG || wd == DATUM_ZONDAG) && chance(r, 900)) {
		long maandag = werkdag_vanaf(d), vrijdag = d - (wd == DATUM_ZATERDAG ? 1 : 2);
		d = maandag <= g->today ? maandag : vrijdag >= lo ? vrijdag : d;
	}
	return d;
}

struct hvattr {
	int64_t created;
	const char *titel, *omschrijving;
	long coord;
	const struct school *s;
	int geen_mail;
};

struct step {
	int van, naar;
	long door;
	int64_t op;
	const char *reden;
	int reactie; /* made by the back office */
};

static void hv_attrs(struct gen *g, const struct org *o, long j, struct hvattr *a)
{
	const struct hv *h = &o->hv[j];
	const struct atype *t = hv_type(o, h);
	struct rng r = rng_for(g->seed, S_ATTR + (uint64_t)o->idx, (uint64_t)j);
	a->s = &o->school[dossier_school(o, h->dossier)];
	a->coord = o->kring_coord[a->s->kring];
	a->titel = t->titel[rnd(&r, t->ntitel)];
	a->omschrijving = pick(&r, demodata_omschrijvingen);
	a->geen_mail = chance(&r, 50);
	int64_t day = (int64_t)h->datum * DAY;
	if (h->datum >= g->today) /* filed early this morning */
		a->created = day + 6 * 3600 + rnd(&r, 3600);
	else
		a->created = day + 8 * 3600 + rnd(&r, 9 * 3600);
}

struct reden {
	const char *woord;
	const char *tekst[4];
};

/* A plausible reason per target status, matched on words in its name. */
static const struct reden redenen[] = {
	{ "aanvulling", { "OPP ontbreekt; graag toevoegen.", "Zienswijze ouders ontbreekt.",
			  "Handtekening ouders op het OPP ontbreekt.",
			  "Onderzoeksverslag is ouder dan twee jaar; graag een recent verslag." } },
	{ "incompleet", { "OPP ontbreekt; graag toevoegen.", "Formulier Aanvraag TLV is niet volledig ingevuld.",
			  "Akkoord bestuur ontbreekt.", NULL } },
	{ "aangevuld", { "School heeft nieuwe bijlagen toegevoegd.", NULL } },
	{ "afgewezen", { "Ondersteuningsbehoefte past binnen de basisondersteuning van de school.",
			 "Na bespreking in de CT niet toelaatbaar verklaard.", NULL } },
	{ "afgegeven", { "Besproken in de CT; beide deskundigen adviseren positief.", NULL } },
	{ "toege", { "Toegekend tot het einde van het schooljaar.", "Akkoord na overleg met de coördinator.", NULL } },
	{ "plan", { "Ingepland voor het eerstvolgende Kans!overleg.", "Datum wordt met ouders en school afgestemd.",
		    NULL } },
	{ "gepland", { "Ingepland voor het eerstvolgende Kans!overleg.", NULL } },
	{ "behandeling", { "Opgepakt door de coördinator.", "Coördinator neemt contact op met de IB'er.", NULL } },
	{ "evalu", { "Arrangement loopt over twee maanden af; evaluatie gevraagd.", NULL } },
	{ "hold", { "Beschikking aangehouden in afwachting van het bestuur.", NULL } },
	{ "aanhouden", { "In afwachting van aanvullend onderzoek.", NULL } },
	{ "wacht", { "In afwachting van reactie van ouders.", NULL } },
	{ "ingetrokken", { "Aanvraag ingetrokken door de school.", NULL } },
	{ "consult", { "Telefonisch consult met de IB'er ingepland.", NULL } },
	{ "afgerond", { "Traject afgerond.", "Doelen behaald; afgesloten in overleg met school.", NULL } },
	{ NULL, { NULL } }
};

static const char *pick_reden(struct rng *r, const char *naar, int verplicht)
{
	for (const struct reden *x = redenen; x->woord; x++) {
		if (!strcasestr(naar, x->woord))
			continue;
		int n = 0;
		while (n < 4 && x->tekst[n])
			n++;
		return x->tekst[rnd(r, n)];
	}
	return verplicht ? "Zie de toelichting bij de hulpvraag." : "";
}

/* The account that makes a transition for role rol; 0 = nobody (NULL:
 * automatisch, or an aanvrager without a demo account). */
static long door_for(const struct org *o, struct rng *r, const char *rol, const struct hvattr *a, int *reactie)
{
	*reactie = 1;
	if (!strcmp(rol, "secretariaat") || !strcmp(rol, "administratie"))
		return chance(r, 850) ? o->acc_secr : o->acc_secr2;
	if (!strcmp(rol, "coordinator"))
		return a->coord;
	if (!strcmp(rol, "financieel"))
		return o->acc_fin;
	if (!strcmp(rol, "admin"))
		return o->acc_admin;
	*reactie = 0;
	if (!strcmp(rol, "aanvrager"))
		return a->s->aanvrager_id;
	return 0;
}

static int trans_gewicht(const struct atype *t, const struct trans *tr)
{
	const char *n = t->st[tr->naar].naam;
	return contains(n, "afgewezen") || contains(n, "ingetrokken") || contains(n, "niet ontvankelijk") ? 1 : 4;
}

/* The hulpvraag's walk along its flow: steps[0] is the first status.
 * Returns the number of statushistorie rows.  Uses only the walk stream of
 * hulpvraag j, so every pass over the hulpvragen sees the same walk. */
static int walk(struct gen *g, const struct org *o, long j, const struct hvattr *a, int forced,
		struct step *steps)
{
	const struct hv *h = &o->hv[j];
	const struct atype *t = hv_type(o, h);
	struct rng r = rng_for(g->seed, S_WALK + (uint64_t)o->idx, (uint64_t)j);
	static const int lengte[] = { 150, 200, 220, 180, 120, 80, 50 }; /* per mille for 0..6 steps */
	long x = rnd(&r, 1000);
	int target = 0;
	while (target < MAX_STEPS && x >= lengte[target])
		x -= lengte[target++];
	/* Most requests older than four months have been dealt with. */
	if (g->today - h->datum > 120 && chance(&r, 750))
		target = MAX_OLD;
	int cur = t->eerste, n = 1;
	int64_t now = a->created;
	steps[0] = (struct step){ -1, cur, 0, now, "Hulpvraag ingediend door school.", 0 };

	for (int s = 1; n < MAX_HIST; s++) {
		const struct status *st = &t->st[cur];
		int nxt;
		if (forced >= 0) {
			if (cur == forced)
				break;
			nxt = t->hop[cur * t->nst + forced];
			if (nxt < 0)
				break;
		} else {
			if (s > target || st->eind || st->nt == 0)
				break;
			/* Rejections and withdrawals are the exception. */
			int tot = 0;
			for (int k = 0; k < st->nt; k++)
				tot += trans_gewicht(t, &t->tr[st->t0 + k]);
			long w = rnd(&r, tot);
			int k = 0;
			while (k < st->nt - 1 && w >= trans_gewicht(t, &t->tr[st->t0 + k]))
				w -= trans_gewicht(t, &t->tr[st->t0 + k++]);
			nxt = t->tr[st->t0 + k].naar;
		}
		/* Among the roles allowed this transition, pick one. */
		int cand[16], nc = 0;
		for (int k = 0; k < st->nt && nc < 16; k++)
			if (t->tr[st->t0 + k].naar == nxt)
				cand[nc++] = st->t0 + k;
		const struct trans *tr = &t->tr[cand[rnd(&r, nc)]];

		/* The next working moment: same day now and then, else some
		 * werkdagen later (waiting statuses take longer). */
		int64_t day = now / DAY, next;
		if (chance(&r, 250) && now % DAY < 14 * 3600) {
			next = now + 1800 + rnd(&r, 3 * 3600);
		} else {
			long gap = 1 + rnd(&r, 10);
			if (chance(&r, 200))
				gap += rnd(&r, 40);
			long d = werkdag_vanaf((long)day + gap);
			next = (int64_t)d * DAY + 8 * 3600 + 1800 + rnd(&r, 8 * 3600);
		}
		if (next > g->cap) {
			if (forced < 0)
				break;
			/* A walk steered for coverage squeezes into the time left. */
			int left = 0;
			for (int c = cur; c != forced && c >= 0 && left < t->nst; c = t->hop[c * t->nst + forced])
				left++;
			next = now + (g->cap - now) / (left + 1);
			if (next <= now + 60)
				break;
		}
		now = next;
		int reactie;
		long door = door_for(o, &r, tr->rol, a, &reactie);
		steps[n] = (struct step){ cur, nxt, door, now, pick_reden(&r, t->st[nxt].naam, tr->reden_verplicht),
					  reactie };
		n++;
		cur = nxt;
	}
	return n;
}

/* Plans the hulpvragen of o: type, dossier and date, numbered in date order,
 * then steers a few walks so every reachable status of every type occurs. */
static int plan_hulpvragen(struct gen *g, struct org *o)
{
	o->hv = malloc((size_t)(o->nhv ? o->nhv : 1) * sizeof *o->hv);
	if (!o->hv)
		return err_set(g->e, "geen geheugen");
	struct rng r = rng_for(g->seed, S_PLAN + (uint64_t)o->idx, 0);
	long ngrp = o->ngroep + o->nschooldos;
	for (long k = 0; k < o->nhv; k++) {
		struct hv *h = &o->hv[k];
		/* Types meant for a groep or school go on those dossiers (about
		 * 1.5%), the rest on pupils; a flow with only such types puts
		 * them on pupils anyway. */
		int alleen_groep = o->ngroeptypes == o->ntypes;
		int type = k < o->ntypes ? (int)k
			 : pick_type(&r, o, alleen_groep || (o->ngroeptypes > 0 && ngrp > 0 && chance(&r, 15)));
		int groep_dossier = o->types[type].groep && !alleen_groep && ngrp > 0;
		long d = groep_dossier ? o->npupil + rnd(&r, ngrp) : rnd(&r, o->npupil);
		long lo = d < o->npupil ? o->pupil[d].vanaf : g->window;
		h->dossier = (int32_t)d;
		h->type = (int16_t)type;
		h->forced = -1;
		h->datum = (int32_t)pick_datum(g, &r, lo);
		h->ord = (uint32_t)k;
	}
	qsort(o->hv, (size_t)o->nhv, sizeof *o->hv, hv_cmp);

	/* Which final statuses occur, and how often. */
	int16_t *final = malloc((size_t)(o->nhv ? o->nhv : 1) * sizeof *final);
	long **hits = calloc((size_t)o->ntypes, sizeof *hits);
	int rc = final && hits ? 0 : err_set(g->e, "geen geheugen");
	for (int t = 0; t < o->ntypes && rc == 0; t++)
		if (!(hits[t] = calloc((size_t)o->types[t].nst, sizeof **hits)))
			rc = err_set(g->e, "geen geheugen");
	for (long j = 0; j < o->nhv && rc == 0; j++) {
		struct hvattr a;
		struct step steps[MAX_HIST];
		hv_attrs(g, o, j, &a);
		int n = walk(g, o, j, &a, -1, steps);
		final[j] = (int16_t)steps[n - 1].naar;
		hits[o->hv[j].type][final[j]]++;
	}
	/* A missing status is given to the oldest hulpvraag of its type whose
	 * own end status is not unique (so nothing else goes missing). */
	for (int t = 0; t < o->ntypes && rc == 0; t++) {
		const struct atype *ty = &o->types[t];
		long from = 0;
		for (int s = 0; s < ty->nst; s++) {
			if (hits[t][s] || (s != ty->eerste && ty->hop[ty->eerste * ty->nst + s] < 0))
				continue;
			for (long j = from; j < o->nhv; j++) {
				struct hv *h = &o->hv[j];
				if (h->type != t || h->forced >= 0 || hits[t][final[j]] < 2)
					continue;
				hits[t][final[j]]--;
				hits[t][s]++;
				h->forced = (int16_t)s;
				from = j + 1;
				break;
			}
		}
	}
	if (hits)
		for (int t = 0; t < o->ntypes; t++)
			free(hits[t]);
	free(hits);
	free(final);
	return rc;
}

static int copy_hulpvragen(struct gen *g)
{
	long total = g->org[0].nhv + g->org[1].nhv, done = 0;
	if (copy_begin(g, "COPY hulpvraag (id, organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, "
			  "omschrijving, datum, status, status_categorie, status_sinds, voorlopig, coordinator_id, "
			  "aanvrager_id, aanvrager_naam, aanvrager_email, school_id, geen_mail, eerste_reactie, "
			  "created_at, updated_at, version, sorteernaam) FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long j = 0; j < o->nhv && rc == 0; j++) {
			const struct hv *h = &o->hv[j];
			const struct atype *t = hv_type(o, h);
			struct hvattr a;
			struct step steps[MAX_HIST];
			hv_attrs(g, o, j, &a);
			int n = walk(g, o, j, &a, h->forced, steps);
			const struct status *st = &t->st[steps[n - 1].naar];
			int64_t reactie = 0;
			for (int k = 1; k < n && !reactie; k++)
				if (steps[k].reactie)
					reactie = steps[k].op;
			cp_long(&g->cp, o->hv_base + j);
			cp_long(&g->cp, o->id);
			cp_long(&g->cp, o->nummer_base + j + 1);
			cp_long(&g->cp, o->dossier_base + h->dossier);
			cp_long(&g->cp, t->id);
			cp_text(&g->cp, a.titel);
			cp_text(&g->cp, a.omschrijving);
			cp_date(&g->cp, h->datum);
			cp_text(&g->cp, st->naam);
			cp_text(&g->cp, st->categorie);
			cp_ts(&g->cp, steps[n - 1].op);
			cp_bool(&g->cp, st->verborgen);
			cp_id(&g->cp, a.coord);
			cp_id(&g->cp, a.s->aanvrager_id);
			cp_text(&g->cp, a.s->ib_naam);
			cp_text(&g->cp, a.s->ib_email);
			cp_long(&g->cp, a.s->id);
			cp_bool(&g->cp, a.geen_mail);
			cp_ts(&g->cp, reactie);
			cp_ts(&g->cp, a.created);
			cp_ts(&g->cp, steps[n - 1].op);
			cp_long(&g->cp, n);
			/* the dossier's sorteernaam, as the trigger of migration 008 would */
			if (h->dossier < o->npupil) {
				struct pupil_full p;
				char key[256];
				gen_pupil(g, o, h->dossier, &p);
				sortkey(key, sizeof key, p.roep, p.tv, p.achter);
				cp_text(&g->cp, key);
			} else {
				cp_text(&g->cp, o->grp_key[h->dossier - o->npupil]);
			}
			rc = cp_row(g);
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "hulpvragen", done, total);
		}
	}
	rc = copy_end(g, "hulpvragen", rc);
	progress(g, "hulpvragen", total, total);
	return rc;
}

static int copy_statushistorie(struct gen *g)
{
	long total = g->org[0].nhv + g->org[1].nhv, done = 0;
	if (copy_begin(g, "COPY statushistorie (hulpvraag_id, organisatie_id, van, naar, door, op, reden) "
			  "FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long j = 0; j < o->nhv && rc == 0; j++) {
			const struct hv *h = &o->hv[j];
			const struct atype *t = hv_type(o, h);
			struct hvattr a;
			struct step steps[MAX_HIST];
			hv_attrs(g, o, j, &a);
			int n = walk(g, o, j, &a, h->forced, steps);
			for (int k = 0; k < n && rc == 0; k++) {
				cp_long(&g->cp, o->hv_base + j);
				cp_long(&g->cp, o->id);
				cp_text(&g->cp, k ? t->st[steps[k].van].naam : NULL);
				cp_text(&g->cp, t->st[steps[k].naar].naam);
				cp_id(&g->cp, steps[k].door);
				cp_ts(&g->cp, steps[k].op);
				cp_text(&g->cp, steps[k].reden);
				rc = cp_row(g);
			}
			if (++done % PROGRESS_EVERY == 0)
				progress(g, "statushistorie", done, total);
		}
	}
	rc = copy_end(g, "statushistorie", rc);
	progress(g, "statushistorie", total, total);
	return rc;
}

static int copy_labels(struct gen *g)
{
	if (copy_begin(g, "COPY hulpvraag_label (hulpvraag_id, label_id, organisatie_id) FROM STDIN") < 0)
		return -1;
	int rc = 0;
	for (int oi = 0; oi < 2 && rc == 0; oi++) {
		struct org *o = &g->org[oi];
		for (long j = 0; j < o->nhv && rc == 0 && o->nlabel; j++) {
			struct rng r = rng_for(g->seed, S_LABEL + (uint64_t)oi, (uint64_t)j);
			const struct atype *t = hv_type(o, &o->hv[j]);
			int l1 = -1, l2 = -1;
			/* Thuiszitters carry their label more often. */
			if (contains(t->naam, "thuiszit") && chance(&r, 400)) {
				for (int l = 0; l < o->nlabel; l++)
					if (!strcmp(o->label_naam[l], "thuiszitter"))
						l1 = l;
			}
			if (l1 < 0 && chance(&r, 90))
				l1 = (int)rnd(&r, o->nlabel);
			if (l1 >= 0 && chance(&r, 150))
				l2 = (int)rnd(&r, o->nlabel);
			for (int k = 0; k < 2 && rc == 0; k++) {
				int l = k ? l2 : l1;
				if (l < 0 || (k && l2 == l1))
					continue;
				cp_long(&g->cp, o->hv_base + j);
				cp_long(&g->cp, o->label_id[l]);
				cp_long(&g->cp, o->id);
				rc = cp_row(g);
			}
		}
	}
	return copy_end(g, "labels", rc);
}

/* ---------------------------------------------------------------- driver */

/* Reserves n ids of table's identity sequence; returns the first. */
static int reserve_ids(struct gen *g, const char *table, long n, long *first)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT nextval(pg_get_serial_sequence('balie.%s', 'id'))", table);
	if (q_long(g, sql, 0, NULL, first) < 0)
		return -1;
	if (n > 1) {
		snprintf(sql, sizeof sql, "SELECT setval(pg_get_serial_sequence('balie.%s', 'id'), %ld)",
			 table, *first + n - 1);
		long dummy;
		if (q_long(g, sql, 0, NULL, &dummy) < 0)
			return -1;
	}
	return 0;
}

static int find_orgs(struct gen *g)
{
	static const char *const codes[2] = { "PO3008", "PO2507" };
	for (int i = 0; i < 2; i++) {
		struct org *o = &g->org[i];
		const char *p[1] = { codes[i] };
		PGresult *r = q(g, "SELECT id FROM organisatie WHERE code = $1", 1, p);
		if (!r)
			return -1;
		if (PQntuples(r) != 1) {
			PQclear(r);
			return err_set(g->e, "demodata: organisatie %s bestaat niet; maak die eerst aan", codes[i]);
		}
		o->id = atol(PQgetvalue(r, 0, 0));
		PQclear(r);
		o->idx = i;
		o->code = codes[i];
		o->plaatsen = i == 0 ? demodata_plaatsen_po3008 : demodata_plaatsen_po2507;
		o->kringen = i == 0 ? demodata_kringen_po3008 : demodata_kringen_po2507;
		o->besturen = i == 0 ? demodata_besturen_po3008 : demodata_besturen_po2507;
		o->domein = i == 0 ? "swv-peellandpo.example" : "stromenland.example";
		while (o->plaatsen[o->nplaats].naam)
			o->plaats_totaal += o->plaatsen[o->nplaats++].gewicht;
		while (o->kringen[o->nkring].naam && o->nkring < MAX_KRING)
			o->nkring++;
		while (o->besturen[o->nbestuur].naam && o->nbestuur < MAX_BESTUUR)
			o->nbestuur++;
		char id[24];
		snprintf(id, sizeof id, "%ld", o->id);
		const char *pi[1] = { id };
		long n;
		if (q_long(g, "SELECT count(*) FROM hulpvraag WHERE organisatie_id = $1", 1, pi, &n) < 0)
			return -1;
		if (n > 0)
			return err_set(g->e, "demodata: organisatie %s heeft al hulpvragen; demodata laadt alleen "
				       "in een lege database", codes[i]);
		if (q_long(g, "SELECT coalesce(max(nummer), 0) FROM hulpvraag WHERE organisatie_id = $1", 1, pi,
			   &o->nummer_base) < 0)
			return -1;
	}
	return 0;
}

static void free_gen(struct gen *g)
{
	for (int i = 0; i < 2; i++) {
		struct org *o = &g->org[i];
		for (int t = 0; t < o->ntypes; t++) {
			free(o->types[t].st);
			free(o->types[t].tr);
			free(o->types[t].titel);
			free(o->types[t].hop);
		}
		free(o->types);
		free(o->school);
		free(o->pupil);
		free(o->grp_school);
		for (long k = 0; o->grp_key && k < o->ngroep + o->nschooldos; k++)
			free(o->grp_key[k]);
		free(o->grp_key);
		free(o->hv);
	}
	for (size_t i = 0; i < g->npool; i++)
		free(g->pool[i]);
	free(g->pool);
	free(g->cp.buf);
}

/* Every foreign key of the bulk-loaded tables, checked at once: per
 * constraint one anti-join (MATCH SIMPLE: rows with a NULL in the key
 * pass).  Found from the catalog, so a key added later is checked too. */
static int check_references(struct gen *g)
{
	return exec(g,
		"DO $$\n"
		"DECLARE c record; n bigint; cond text; nn text;\n"
		"BEGIN\n"
		"  FOR c IN SELECT con.conname, con.conrelid::regclass AS tbl, con.confrelid::regclass AS ref,\n"
		"                  con.conkey, con.confkey\n"
		"             FROM pg_constraint con\n"
		"            WHERE con.contype = 'f' AND con.conrelid = ANY (ARRAY['balie.dossier', 'balie.adres',\n"
		"                  'balie.relatie', 'balie.schoolgegevens', 'balie.hulpvraag', 'balie.statushistorie',\n"
		"                  'balie.hulpvraag_label']::regclass[])\n"
		"            ORDER BY 1 LOOP\n"
		"    SELECT string_agg(format('p.%I = c.%I', ra.attname, la.attname), ' AND '),\n"
		"           string_agg(format('c.%I IS NOT NULL', la.attname), ' AND ')\n"
		"      INTO cond, nn\n"
		"      FROM unnest(c.conkey, c.confkey) AS k(l, r)\n"
		"      JOIN pg_attribute la ON la.attrelid = c.tbl AND la.attnum = k.l\n"
		"      JOIN pg_attribute ra ON ra.attrelid = c.ref AND ra.attnum = k.r;\n"
		"    EXECUTE format('SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)',\n"
		"                   c.tbl, nn, c.ref, cond) INTO n;\n"
		"    IF n > 0 THEN\n"
		"      RAISE EXCEPTION 'demodata: % rijen schenden verwijzing %', n, c.conname;\n"
		"    END IF;\n"
		"  END LOOP;\n"
		"END $$");
}

static int run(struct gen *g)
{
	const struct demodata_opts *o = g->o;
	/* Timestamps are written as Dutch local time; the caller's setting is
	 * restored at the end. */
	PGresult *tz = q(g, "SELECT current_setting('TimeZone')", 0, NULL);
	if (!tz)
		return -1;
	snprintf(g->tz, sizeof g->tz, "%s", PQntuples(tz) ? PQgetvalue(tz, 0, 0) : "UTC");
	PQclear(tz);
	if (exec(g, "SET LOCAL TimeZone = '" DATUM_TZ "'") < 0 || find_orgs(g) < 0)
		return -1;
	progress(g, "flows", 0, 2);
	for (int i = 0; i < 2; i++)
		if (load_flows(g, &g->org[i]) < 0)
			return -1;

	long hv0 = o->hulpvragen > 0 ? o->hulpvragen : DEMODATA_HULPVRAGEN;
	g->org[0].nhv = hv0;
	g->org[1].nhv = hv0 / 15 < 200 ? 200 : hv0 / 15;
	for (int i = 0; i < 2; i++) {
		struct org *x = &g->org[i];
		x->npupil = x->nhv * 6 / 10 < 50 ? 50 : x->nhv * 6 / 10;
		x->ngroep = x->npupil / 150 < 3 ? 3 : x->npupil / 150;
		x->nschooldos = i == 0 ? 10 : 3;
	}

	progress(g, "scholen", 0, 2);
	for (int i = 0; i < 2; i++) {
		struct org *x = &g->org[i];
		if (plan_schools(g, x) < 0 || load_accounts(g, x) < 0 || load_schools(g, x) < 0 ||
		    load_bestuur_accounts(g, x) < 0)
			return -1;
		progress(g, "scholen", i + 1, 2);
	}

	for (int i = 0; i < 2; i++)
		if (plan_pupils(g, &g->org[i]) < 0)
			return -1;
	long ndos = 0;
	for (int i = 0; i < 2; i++)
		ndos += g->org[i].npupil + g->org[i].ngroep + g->org[i].nschooldos;
	long base;
	if (reserve_ids(g, "dossier", ndos, &base) < 0)
		return -1;
	g->org[0].dossier_base = base;
	g->org[1].dossier_base = base + g->org[0].npupil + g->org[0].ngroep + g->org[0].nschooldos;

	/* Bulk mode: session_replication_role = replica skips every trigger
	 * for this transaction, the row triggers of hulpvraag (status check,
	 * counts) and the per-row foreign-key checks alike; those cost about
	 * two thirds of the load.  We fill what the triggers would, check every
	 * foreign key afterwards in one set-based pass (check_references) and
	 * recount once.  No ALTER TABLE, so no exclusive lock on hulpvraag. */
	char rol[32];
	PGresult *r = q(g, "SELECT current_setting('session_replication_role')", 0, NULL);
	if (!r)
		return -1;
	snprintf(rol, sizeof rol, "%s", PQntuples(r) ? PQgetvalue(r, 0, 0) : "origin");
	PQclear(r);
	if (exec(g, "SET LOCAL session_replication_role = replica") < 0)
		return -1;
	if (copy_dossiers(g) < 0 || copy_adressen(g) < 0 || copy_relaties(g) < 0 || copy_schoolgegevens(g) < 0)
		return -1;

	progress(g, "planning", 0, 2);
	for (int i = 0; i < 2; i++) {
		if (plan_hulpvragen(g, &g->org[i]) < 0)
			return -1;
		progress(g, "planning", i + 1, 2);
	}
	if (reserve_ids(g, "hulpvraag", g->org[0].nhv + g->org[1].nhv, &base) < 0)
		return -1;
	g->org[0].hv_base = base;
	g->org[1].hv_base = base + g->org[0].nhv;

	if (copy_hulpvragen(g) < 0 || copy_statushistorie(g) < 0 || copy_labels(g) < 0)
		return -1;
	const char *p[2] = { rol, g->tz };
	if (!(r = q(g, "SELECT set_config('session_replication_role', $1, true), set_config('TimeZone', $2, true)",
		    2, p)))
		return -1;
	PQclear(r);
	progress(g, "controle", 0, 1);
	if (check_references(g) < 0)
		return -1;
	progress(g, "controle", 1, 1);
	progress(g, "tellingen", 0, 1);
	if (exec(g, "SELECT balie.telling_herbereken()") < 0)
		return -1;
	/* the home screen's "zonder reactie" counts (018_werkdag.sql) */
	if (exec(g, "SELECT balie.telling_reactie_herbereken()") < 0)
		return -1;
	/* … and its "Te plannen" (024_werkdag2.sql) */
	if (exec(g, "SELECT balie.telling_plannen_herbereken()") < 0)
		return -1;
	/* … and the financial queue "Te verwerken" (028_snelheid.sql) */
	if (exec(g, "SELECT balie.verwerken_herbereken()") < 0)
		return -1;
	/* … and the kengetallen' doorlooptijden (028 too) */
	if (exec(g, "SELECT balie.doorlooptijd_herbereken()") < 0)
		return -1;
	progress(g, "tellingen", 1, 1);
	/* Fresh statistics, so the first queue query after the load does not
	 * plan for empty tables. */
	progress(g, "statistieken", 0, 1);
	if (exec(g, "ANALYZE balie.dossier, balie.adres, balie.relatie, balie.schoolgegevens, "
		    "balie.hulpvraag, balie.statushistorie, balie.hulpvraag_label") < 0)
		return -1;
	progress(g, "statistieken", 1, 1);
	return 0;
}

int demodata_load(struct db *db, const struct demodata_opts *o, struct err *e)
{
	struct datum today;
	if (!o || !o->today || datum_parse_iso(o->today, &today, e) < 0)
		return err_set(e, "demodata: geen geldige datum van vandaag (jjjj-mm-dd)");
	if (!o->password_hash || strncmp(o->password_hash, "$argon2id$", 10) != 0)
		return err_set(e, "demodata: geen argon2id-wachtwoordhash voor de demo-accounts");
	if (o->hulpvragen > 50000000L)
		return err_set(e, "demodata: te veel hulpvragen (hoogstens 50.000.000)");
	struct gen *g = calloc(1, sizeof *g);
	if (!g)
		return err_set(e, "geen geheugen");
	g->db = db;
	g->pg = db_pg(db);
	g->o = o;
	g->e = e;
	g->seed = o->seed ? o->seed : DEMODATA_SEED;
	g->today = datum_to_days(today);
	g->window = days_of(datum_schooljaar(today) - 1, 8, 1);
	g->cap = (int64_t)g->today * DAY + 7 * 3600 + 1800;
	int rc = run(g);
	free_gen(g);
	free(g);
	return rc;
}
