/* pane_kengetal.c — the kengetallen; see pane_kengetal.h.
 *
 * The body is one scrolling list of lines (core/lijst): a heading per
 * section, then a line per soort, bestuur (with its schools under it) and
 * aanvraagtype.  Each line carries up to three figures and a bar value
 * with the maximum of its section, so every bar of a section is on one
 * scale.  The lines are built once per load; drawing only lays them out
 * for the width at hand.
 *
 * p turns the same pane into the forecast of the budgets (issue 10 §5,
 * migration 031): per budget of the school year a line per month with
 * what is vastgelegd and verwacht up to that month, together, and a bar on
 * the scale of the budget (or of the forecast when that is higher); a month
 * over the budget says so in words, not in colour only. */
#include "tui/pane_kengetal.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/beschikking.h"
#include "core/datum.h"
#include "core/flow.h"
#include "core/kengetal.h"
#include "core/validate.h"
#include "db/budget.h"
#include "db/kengetal.h"
#include "db/report.h"
#include "tui/app.h"
#include "tui/kengetal_export.h"
#include "tui/pane_bijlagen.h"

enum { DT_EXPORT = 1 };

#define W_NUM 6
#define W_BEDRAG 15

enum regel_soort { R_KOP, R_REGEL, R_SUB, R_LEEG };

struct regel {
	long id; /* line number + 1: stable while the year stays */
	enum regel_soort soort;
	char naam[KENGETAL_NAAM + 12];
	char c1[VALIDATE_MONEY_LEN], c2[VALIDATE_MONEY_LEN], c3[VALIDATE_MONEY_LEN];
	int64_t balk, max;
};

struct kengetal {
	struct pane base;
	struct lijst list; /* struct regel */
	int jaar;          /* the school year shown: starts 1 August jaar */
	int prognose;      /* 1: the budgets' forecast instead of the kengetallen */
	int loaded;
	int utf8;
	char body_msg[600];
	char path[4096]; /* the export's file */
	struct db *lees; /* the report replica (NULL: the session's connection) */
};

static struct kengetal *K(struct pane *p)
{
	return (struct kengetal *)p;
}

static long regel_id(const void *row)
{
	return ((const struct regel *)row)->id;
}

/* A growing array of lines. */
struct regels {
	struct regel *r;
	int n, cap;
};

static struct regel *regel_add(struct regels *g, enum regel_soort soort, const char *naam)
{
	if (g->n == g->cap) {
		int cap = g->cap ? 2 * g->cap : 64;
		struct regel *r = realloc(g->r, (size_t)cap * sizeof *r);
		if (!r)
			return NULL;
		g->r = r;
		g->cap = cap;
	}
	struct regel *x = &g->r[g->n];
	memset(x, 0, sizeof *x);
	x->id = ++g->n;
	x->soort = soort;
	snprintf(x->naam, sizeof x->naam, "%s", naam);
	return x;
}

/* A section heading with its column heads, after an empty line (leeg);
 * NULL when out of memory. */
static struct regel *kop(struct regels *g, int leeg, const char *naam, const char *c1, const char *c2,
			 const char *c3)
{
	struct regel *x;
	if ((leeg && !regel_add(g, R_LEEG, "")) || !(x = regel_add(g, R_KOP, naam)))
		return NULL;
	snprintf(x->c1, sizeof x->c1, "%s", c1);
	snprintf(x->c2, sizeof x->c2, "%s", c2);
	snprintf(x->c3, sizeof x->c3, "%s", c3);
	return x;
}

static void num(char *buf, size_t len, long v)
{
	snprintf(buf, len, "%ld", v);
}

/* The lines of one load; -1 when out of memory. */
static int build(struct regels *g, const struct kengetal_rij *rows, size_t n, const struct kengetal_doorloop *dl,
		 size_t ndl, struct err *e)
{
	struct kengetal_totaal *soort = NULL, *best = NULL, *school = NULL;
	size_t ns = 0, nb = 0, nsc = 0;
	struct regel *x;
	int rc = -1;

	if (kengetal_totalen(rows, n, KENGETAL_PER_SOORT, &soort, &ns, e) < 0 ||
	    kengetal_totalen(rows, n, KENGETAL_PER_BESTUUR, &best, &nb, e) < 0 ||
	    kengetal_totalen(rows, n, KENGETAL_PER_SCHOOL, &school, &nsc, e) < 0)
		goto out;

	/* per soort: TLVs on the scale of the largest count, arrangements on
	 * that of the largest amount */
	long tmax = 0;
	int64_t amax = 0;
	for (size_t i = 0; i < ns; i++) {
		if (soort[i].tlv > tmax)
			tmax = soort[i].tlv;
		if (soort[i].bedrag > amax)
			amax = soort[i].bedrag;
	}
	if (!kop(g, 0, "Per soort/categorie", "TLV", "Arr.", "Bedrag"))
		goto oom;
	if (!ns && !(x = regel_add(g, R_SUB, "geen TLV's of arrangementen in dit schooljaar")))
		goto oom;
	for (size_t i = 0; i < ns; i++) {
		int tlv = soort[i].soort == KENGETAL_TLV;
		if (!(x = regel_add(g, R_REGEL, soort[i].categorie[0] ? soort[i].categorie : "(geen soort)")))
			goto oom;
		if (tlv) {
			num(x->c1, sizeof x->c1, soort[i].tlv);
			x->balk = soort[i].tlv;
			x->max = tmax;
		} else {
			num(x->c2, sizeof x->c2, soort[i].arrangement);
			validate_money_format(soort[i].bedrag, x->c3, sizeof x->c3);
			x->balk = soort[i].bedrag;
			x->max = amax;
		}
	}

	/* per bestuur, its schools under it: bars by amount */
	int64_t bmax = 0, smax = 0;
	for (size_t i = 0; i < nb; i++)
		if (best[i].bedrag > bmax)
			bmax = best[i].bedrag;
	for (size_t i = 0; i < nsc; i++)
		if (school[i].bedrag > smax)
			smax = school[i].bedrag;
	if (!kop(g, 1, "Per schoolbestuur en school", "TLV", "Arr.", "Bedrag"))
		goto oom;
	for (size_t i = 0; i < nb; i++) {
		if (!(x = regel_add(g, R_REGEL, best[i].bestuur)))
			goto oom;
		num(x->c1, sizeof x->c1, best[i].tlv);
		num(x->c2, sizeof x->c2, best[i].arrangement);
		validate_money_format(best[i].bedrag, x->c3, sizeof x->c3);
		x->balk = best[i].bedrag;
		x->max = bmax;
		for (size_t j = 0; j < nsc; j++) {
			if (strcmp(school[j].bestuur, best[i].bestuur))
				continue;
			char naam[KENGETAL_NAAM + 12];
			snprintf(naam, sizeof naam, "%-6s %s", school[j].brin, school[j].school);
			if (!(x = regel_add(g, R_SUB, naam)))
				goto oom;
			num(x->c1, sizeof x->c1, school[j].tlv);
			num(x->c2, sizeof x->c2, school[j].arrangement);
			validate_money_format(school[j].bedrag, x->c3, sizeof x->c3);
			x->balk = school[j].bedrag;
			x->max = smax;
		}
	}

	/* doorlooptijd: the bar is the median on the scale of the largest p90 */
	long pmax = 0;
	for (size_t i = 0; i < ndl; i++)
		if (dl[i].duur.p90 > pmax)
			pmax = dl[i].duur.p90;
	if (!kop(g, 1, "Doorlooptijd in dagen", "Aantal", "Med.", "P90"))
		goto oom;
	if (!(x = regel_add(g, R_SUB, ndl ? "ontvangen → afgegeven of verwerkt; balk: mediaan"
					   : "geen beschikkingen afgegeven in dit schooljaar")))
		goto oom;
	for (size_t i = 0; i < ndl; i++) {
		if (!(x = regel_add(g, R_REGEL, dl[i].aanvraagtype)))
			goto oom;
		num(x->c1, sizeof x->c1, dl[i].duur.n);
		num(x->c2, sizeof x->c2, dl[i].duur.mediaan);
		num(x->c3, sizeof x->c3, dl[i].duur.p90);
		x->balk = dl[i].duur.mediaan;
		x->max = pmax;
	}
	rc = 0;
	goto out;
oom:
	err_set(e, "onvoldoende geheugen");
out:
	free(soort);
	free(best);
	free(school);
	return rc;
}

/* The forecast's lines: per budget a heading with its amount, a line per
 * month (cumulative vastgelegd, verwacht, together; the bar on the scale of
 * the budget or the highest total) and what is left at the end.  -1 when
 * out of memory. */
static int build_prognose(struct regels *g, const struct db_prognose_budget *b, int n, struct err *e)
{
	static const char *const maanden[] = { "jan", "feb", "mrt", "apr", "mei", "jun",
						"jul", "aug", "sep", "okt", "nov", "dec" };
	struct regel *x;
	char naam[KENGETAL_NAAM + 12], bedrag[VALIDATE_MONEY_LEN];

	if (!n && !regel_add(g, R_SUB, "geen budgetten voor dit schooljaar (balie admin budget set)"))
		goto oom;
	for (int i = 0; i < n; i++) {
		const struct db_prognose *last = &b[i].maand[11];
		int64_t max = b[i].budget;
		if (last->vastgelegd + last->verwacht > max)
			max = last->vastgelegd + last->verwacht;
		if (!(x = kop(g, i > 0, b[i].soort, "Vastgelegd", "Verwacht", "Samen")))
			goto oom;
		snprintf(naam, sizeof naam, "budget %s; per maand tot en met die maand",
			 validate_money_format(b[i].budget, bedrag, sizeof bedrag));
		if (!regel_add(g, R_SUB, naam))
			goto oom;
		for (int m = 0; m < 12; m++) {
			const struct db_prognose *r = &b[i].maand[m];
			int mm = atoi(r->maand);
			int64_t samen = r->vastgelegd + r->verwacht;
			snprintf(naam, sizeof naam, "%s %s%s", mm >= 1 && mm <= 12 ? maanden[mm - 1] : "?",
				 strchr(r->maand, '-') ? strchr(r->maand, '-') + 1 : r->maand,
				 samen > b[i].budget ? " boven" : "");
			if (!(x = regel_add(g, R_REGEL, naam)))
				goto oom;
			validate_money_format(r->vastgelegd, x->c1, sizeof x->c1);
			validate_money_format(r->verwacht, x->c2, sizeof x->c2);
			validate_money_format(samen, x->c3, sizeof x->c3);
			x->balk = samen;
			x->max = max;
		}
		int64_t over = b[i].budget - last->vastgelegd - last->verwacht;
		snprintf(naam, sizeof naam, "%s op 31 juli: %s", over < 0 ? "tekort" : "over",
			 validate_money_format(over < 0 ? -over : over, bedrag, sizeof bedrag));
		if (!regel_add(g, R_SUB, naam))
			goto oom;
	}
	return 0;
oom:
	return err_set(e, "onvoldoende geheugen");
}

static void kg_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct kengetal *k = K(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w), y = 0;
	char jaar[12], buf[300], balk[256];

	beschikking_schooljaar_naam(k->jaar, jaar);
	if (k->prognose)
		snprintf(buf, sizeof buf, "Prognose budgetten %s: vastgelegd + verwacht  ←/→ ander jaar", jaar);
	else
		snprintf(buf, sizeof buf, "Kengetallen schooljaar %s (01-08-%d t/m 31-07-%d)  ←/→ ander jaar", jaar,
			 k->jaar, k->jaar + 1);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	if (k->lees) /* where the figures come from: the report replica */
		screen_put(w, y - 1, cols - 29, 28, " uit de rapportagedatabase ", s->attr[ST_DIM]);
	lijst_set_view(&k->list, rows - y > 1 ? rows - y : 1);
	if (!k->loaded || k->list.n == 0) {
		const char *m = k->body_msg[0] ? k->body_msg : "Bezig met laden…";
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[k->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	/* name | c1 | c2 | c3 | bar: the bar gets a fifth of the width */
	int wbalk = cols / (k->prognose ? 8 : 5) > 8 ? cols / (k->prognose ? 8 : 5) : 8;
	int wnum = k->prognose ? W_BEDRAG - 1 : W_NUM; /* the forecast: three amounts */
	int wnaam = cols - 2 - (wnum + 1) * 2 - (W_BEDRAG + 1) - (wbalk + 1);
	int x1 = 2 + wnaam + 1, x2 = x1 + wnum + 1, x3 = x2 + wnum + 1, xb = x3 + W_BEDRAG + 1;
	for (int i = k->list.top; i < k->list.n && y < rows; i++, y++) {
		const struct regel *r = lijst_row(&k->list, i);
		attr_t at = s->attr[i == k->list.cur ? ST_SEL : r->soort == R_KOP ? ST_HEAD : ST_NORMAL];
		screen_put_pad(w, y, 0, cols, "", at);
		if (r->soort == R_LEEG)
			continue;
		int ind = r->soort == R_SUB ? 2 : 0;
		if (r->soort == R_SUB && !r->c1[0] && !r->c2[0] && !r->c3[0]) { /* a note: the whole width */
			screen_put(w, y, 1 + ind, cols - 2 - ind, r->naam, at);
			continue;
		}
		screen_put(w, y, 1 + ind, wnaam + 1 - ind, r->naam, at);
		screen_put_right(w, y, x1, wnum, r->c1, at);
		screen_put_right(w, y, x2, wnum, r->c2, at);
		screen_put_right(w, y, x3, W_BEDRAG, r->c3, at);
		if (r->soort != R_KOP && kengetal_balk(r->balk, r->max, wbalk, k->utf8, balk, sizeof balk) > 0)
			screen_put(w, y, xb, wbalk, balk, at);
	}
}

static int job_load(struct pane *p, struct app *a)
{
	struct kengetal *k = K(p);
	struct kengetal_rij *rows = NULL;
	struct kengetal_doorloop *dl = NULL;
	struct regels g = { 0 };
	size_t n = 0, ndl = 0;
	struct err e;

	err_clear(&e);
	/* the report replica, once per pane (balie.conf report_conninfo);
	 * a failed read drops it so the next load tries again */
	char note[700] = "";
	if (!k->lees && a->opt->report.conninfo && *a->opt->report.conninfo &&
	    db_report_open(&a->opt->report, a->db, a->session.account_id, &k->lees, note, sizeof note, &e) < 0) {
		snprintf(k->body_msg, sizeof k->body_msg, "Niet geladen: %s", e.msg);
		k->loaded = 1;
		lijst_set(&k->list, NULL, 0, 0, 0, 0);
		app_progress_done(a);
		return R_PAINT | R_BARS;
	}
	if (k->prognose) {
		/* the budgets are the SWV's own: read on the session's connection,
		 * as the acting account (031 budget_prognose_alle) */
		struct db_prognose_budget *b = NULL;
		int nb = 0;
		if (!(a->session.roles & (FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN)))) {
			/* the bestuur's contact may see kengetallen, not the SWV's budgets */
			snprintf(k->body_msg, sizeof k->body_msg,
				 "De prognose is alleen voor het samenwerkingsverband (p: de kengetallen)");
		} else if (db_budget_prognose_alle(a->db, a->session.organisatie_id, k->jaar, &b, &nb, &e) < 0 ||
		    build_prognose(&g, b, nb, &e) < 0) {
			snprintf(k->body_msg, sizeof k->body_msg, "Niet geladen: %s", e.msg);
		} else {
			k->body_msg[0] = '\0';
		}
		if (k->body_msg[0]) {
			free(g.r);
			g.r = NULL;
			g.n = 0;
		}
		free(b);
		lijst_set(&k->list, g.r, g.n, 0, 0, lijst_current_id(&k->list));
		k->loaded = 1;
		app_progress_done(a);
		return R_PAINT | R_BARS;
	}
	struct db *lees = k->lees ? k->lees : a->db;
	if (db_kengetallen(lees, a->session.organisatie_id, k->jaar, &rows, &n, &e) < 0 ||
	    db_doorlooptijden(lees, a->session.organisatie_id, k->jaar, &dl, &ndl, &e) < 0 ||
	    build(&g, rows, n, dl, ndl, &e) < 0) {
		snprintf(k->body_msg, sizeof k->body_msg, "Niet geladen: %s", e.msg);
		db_free(&k->lees);
		free(g.r);
		k->loaded = 1;
		lijst_set(&k->list, NULL, 0, 0, 0, 0);
		app_progress_done(a);
		free(rows);
		free(dl);
		return R_PAINT | R_BARS;
	}
	free(rows);
	free(dl);
	k->body_msg[0] = '\0';
	lijst_set(&k->list, g.r, g.n, 0, 0, lijst_current_id(&k->list));
	k->loaded = 1;
	app_progress_done(a);
	if (note[0])
		app_message(a, 1, "%s", note);
	return R_PAINT | R_BARS;
}

static int kg_jaar(struct pane *p, struct app *a, enum action_id id)
{
	struct kengetal *k = K(p);
	int jaar = k->jaar + (id == ACT_KG_VORIG_JAAR ? -1 : 1);

	/* the years balie can hold beschikkingen for; beyond that nothing */
	if (jaar < 2000 || jaar > 9000)
		return R_DONE;
	k->jaar = jaar;
	k->loaded = 0;
	lijst_set(&k->list, NULL, 0, 0, 0, 0);
	return app_start(a, p, job_load, "Bezig met laden…");
}

/* p: the forecast of the budgets, or back to the kengetallen. */
static int kg_prognose(struct pane *p, struct app *a, enum action_id id)
{
	struct kengetal *k = K(p);

	(void)id;
	k->prognose = !k->prognose;
	k->loaded = 0;
	lijst_set(&k->list, NULL, 0, 0, 0, 0);
	return app_start(a, p, job_load, "Bezig met laden…");
}

/* The file the export goes to, by default in the exchange folder (what
 * sftp can fetch over the same SSH login, issue 14 §3). */
static int kg_export(struct pane *p, struct app *a, enum action_id id)
{
	struct kengetal *k = K(p);
	char jaar[12], buf[600];

	(void)id;
	if (k->prognose) {
		app_message(a, 1, "Exporteren kan vanuit de kengetallen (p: terug naar de kengetallen)");
		return R_BARS;
	}
	snprintf(buf, sizeof buf, "%s/kengetallen-%s.csv", bijlagen_home(), beschikking_schooljaar_naam(k->jaar, jaar));
	dialog_open_line(&p->dlg, DT_EXPORT, "Kengetallen exporteren",
			 "Naar welk bestand op de server?  .xlsx geeft een Excel-werkmap; een bestaand bestand wordt "
			 "nooit overschreven.",
			 buf, 0);
	return R_PAINT | R_BARS;
}

static int job_export(struct pane *p, struct app *a)
{
	struct kengetal *k = K(p);
	size_t len = strlen(k->path), n = 0;
	int xlsx = len > 5 && !strcmp(k->path + len - 5, ".xlsx");
	struct err e;
	FILE *f;

	err_clear(&e);
	/* never over an existing file, never through a link */
	int fd = open(k->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		err_set(&e, errno == EEXIST ? "%s bestaat al; balie overschrijft nooit een bestand" : "kan %s niet schrijven: %s",
			k->path, strerror(errno));
		goto fail;
	}
	if (!(f = fdopen(fd, "wb"))) {
		err_set(&e, "kan %s niet schrijven: %s", k->path, strerror(errno));
		close(fd);
		goto gone;
	}
	if (kengetal_export(a->db, k->lees, &a->session, k->jaar, xlsx, f, &n, &e) < 0) {
		fclose(f);
		goto gone;
	}
	if (fclose(f) != 0) {
		err_set(&e, "schrijven naar %s mislukt: %s", k->path, strerror(errno));
		goto gone;
	}
	dialog_close(&p->dlg);
	app_message(a, 0, "Geëxporteerd (%zu rijen): %s", n, k->path);
	return R_PAINT | R_BARS;
gone:
	unlink(k->path); /* no half file left behind */
fail:
	dialog_note(&p->dlg, "%s", e.msg);
	app_message(a, 1, "Niet geëxporteerd: %s", e.msg);
	return R_PAINT | R_BARS;
}

static int kg_dialog_ok(struct pane *p, struct app *a)
{
	struct kengetal *k = K(p);
	char *text = dialog_text(&p->dlg);

	if (p->dlg.tag != DT_EXPORT) {
		free(text);
		return R_PAINT;
	}
	if (!text || !*text) {
		free(text);
		dialog_note(&p->dlg, "Geef een bestandsnaam.");
		return R_PAINT;
	}
	snprintf(k->path, sizeof k->path, "%s", text);
	free(text);
	return app_start(a, p, job_export, "Bezig met exporteren…");
}

static const struct pane_action kg_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_KG_VORIG_JAAR, kg_jaar, 0 },
	{ ACT_KG_VOLGEND_JAAR, kg_jaar, 0 },
	{ ACT_KG_EXPORT, kg_export, 0 },
	{ ACT_KG_PROGNOSE, kg_prognose, 0 },
};

static void kg_free(struct pane *p)
{
	db_free(&K(p)->lees);
	lijst_release(&K(p)->list);
	free(p);
}

static const struct pane_ops kg_ops = {
	.name = "kengetallen",
	.title = "Kengetallen",
	.ctx = CTX_KENGETALLEN,
	.draw = kg_draw,
	.actions = kg_actions,
	.nactions = sizeof kg_actions / sizeof kg_actions[0],
	.list = offsetof(struct kengetal, list),
	.load = job_load,
	.dialog_ok = kg_dialog_ok,
	.free = kg_free,
};

struct pane *pane_kengetal_new(struct app *a, int prognose)
{
	struct kengetal *k = calloc(1, sizeof *k);

	if (!k)
		return NULL;
	k->prognose = prognose;
	k->base.ops = &kg_ops;
	lijst_init(&k->list, sizeof(struct regel), regel_id, 0, 0, NULL);
	k->jaar = datum_schooljaar(datum_today(time(NULL)));
	k->utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	k->base.job = job_load;
	a->work_pending = 1;
	return &k->base;
}
