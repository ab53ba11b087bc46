/* pane_looptijd.c — the lists by end date; see pane_looptijd.h.
 *
 * Layout: a heading with the count, column heads, the rows (nummer, einde,
 * soort, wat, status).  Database work happens in jobs; a mark keeps what
 * the status change needs (version and target), so marks survive a
 * reload. */
#include "tui/pane_looptijd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/lijstpane.h"
#include "tui/tui.h"

#define W_NR 7
#define W_EINDE 10
#define W_SOORT 6
#define W_WAT 26
#define DT_EVALUEREN 1

struct looptijd {
	struct pane base;
	enum looptijd_lijst l;
	struct lijst list; /* struct looptijd_rij */
	int loaded;
	char body_msg[600];
};

struct mark {
	long id, nummer;
	int versie;
	char naar[204];
};

static struct looptijd *L(struct pane *p)
{
	return (struct looptijd *)p;
}

static long row_id(const void *row)
{
	return ((const struct looptijd_rij *)row)->id;
}

static void mark_of(const void *row, void *mark)
{
	const struct looptijd_rij *r = row;
	struct mark *m = mark;
	m->id = r->id;
	m->nummer = r->nummer;
	m->versie = r->versie;
	snprintf(m->naar, sizeof m->naar, "%s", r->naar);
}

static int maanden(const struct app *a)
{
	return a->opt && a->opt->verloopt_maanden > 0 ? a->opt->verloopt_maanden : 3;
}

static void lt_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct looptijd *v = L(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w), y = 0;
	char buf[700];

	if (v->l == LT_VERLOOPT)
		snprintf(buf, sizeof buf, "Verloopt binnen %d maanden: %d, eerst aflopend eerst", maanden(a), v->list.n);
	else
		snprintf(buf, sizeof buf, "Te evalueren (einde binnen 2 maanden): %d%s", v->list.n, "");
	if (v->list.nmarks)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " · %d gemarkeerd", v->list.nmarks);
	screen_put(w, y++, 1, cols - 2, v->loaded ? buf : v->l == LT_VERLOOPT ? "Verloopt binnenkort" : "Te evalueren",
		   s->attr[ST_HEAD]);
	int x = 2, xe = x + W_NR + 1, xs = xe + W_EINDE + 1, xw = xs + W_SOORT + 1, xst = xw + W_WAT + 1;
	int wst = cols - xst > 8 ? cols - xst : 8;
	screen_put(w, y, x, W_NR, "Nummer", s->attr[ST_HEAD]);
	screen_put(w, y, xe, W_EINDE, "Einde", s->attr[ST_HEAD]);
	screen_put(w, y, xs, W_SOORT, "Soort", s->attr[ST_HEAD]);
	screen_put(w, y, xw, W_WAT, "Wat", s->attr[ST_HEAD]);
	screen_put(w, y, xst, wst, "Status", s->attr[ST_HEAD]);
	if ((y = lijstpane_body(w, s, &v->list, y + 1, v->loaded, v->body_msg, "Niets in deze lijst.")) < 0)
		return;
	for (int i = v->list.top; i < v->list.n && y < rows; i++, y++) {
		const struct looptijd_rij *r = lijst_row(&v->list, i);
		attr_t at = lijstpane_row(w, s, &v->list, i, y, r->id, r->nummer, x, W_NR);
		screen_put(w, y, xe, W_EINDE, r->einde, at);
		screen_put(w, y, xs, W_SOORT, r->soort, at);
		screen_put(w, y, xw, W_WAT, r->wat, at);
		screen_put(w, y, xst, wst, r->status, at);
	}
}

static int job_load(struct pane *p, struct app *a)
{
	struct looptijd *v = L(p);
	struct looptijd_rij *rows = NULL;
	int n = 0;
	struct err e;
	long keep = lijst_current_id(&v->list);

	if (db_looptijd(a->db, v->l, a->session.organisatie_id, maanden(a), &rows, &n, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "Niet geladen: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	lijstpane_set(&v->list, rows, n, keep, &v->loaded, v->body_msg);
	if (n == LOOPTIJD_MAX)
		app_message(a, 0, "De eerste %d rijen", LOOPTIJD_MAX);
	return R_PAINT | R_BARS;
}

static int lt_open(struct pane *p, struct app *a, enum action_id id)
{
	(void)id;
	return lijstpane_open(p, a, &L(p)->list, job_load);
}

static int lt_mark(struct pane *p, struct app *a, enum action_id id)
{
	(void)a;
	return lijstpane_mark(&L(p)->list, id);
}

/* e: the marked rows (else the chosen one) to their evaluation status,
 * after a question that names it and the count. */
static int lt_evalueren(struct pane *p, struct app *a, enum action_id id)
{
	struct looptijd *v = L(p);
	char prompt[600];
	(void)id;

	if (v->l != LT_EVALUEREN) {
		app_message(a, 1, "Op evalueren zetten kan in de lijst Te evalueren (e op het overzicht)");
		return R_BARS;
	}
	if (!v->list.nmarks)
		lijst_toggle(&v->list); /* the chosen row, marked so it shows what is meant */
	const struct mark *m = lijst_mark_at(&v->list, 0);
	snprintf(prompt, sizeof prompt, "%d %s naar \"%s\"?  De aanvrager krijgt de statusmail zoals bij s.",
		 v->list.nmarks, v->list.nmarks == 1 ? "hulpvraag" : "hulpvragen", m ? m->naar : "");
	dialog_open_confirm(&p->dlg, DT_EVALUEREN, "Op evalueren zetten", prompt, "Uitvoeren");
	return R_PAINT | R_BARS;
}

/* One status change per marked row (the same function as s, with its
 * version check and guards); done rows are unmarked, refused ones stay. */
static int job_evalueren(struct pane *p, struct app *a)
{
	struct looptijd *v = L(p);
	int n = v->list.nmarks;
	struct mark *m = calloc(n ? (size_t)n : 1, sizeof *m);
	struct lijstpane_wissel *w = calloc(n ? (size_t)n : 1, sizeof *w);
	struct lijstpane_uitslag u;

	if (!m || !w) {
		free(m);
		free(w);
		return R_NONE;
	}
	/* copies: the loop unmarks as it goes */
	for (int i = 0; i < n; i++) {
		m[i] = *(const struct mark *)lijst_mark_at(&v->list, i);
		w[i] = (struct lijstpane_wissel){ m[i].id, m[i].nummer, m[i].versie, m[i].naar };
	}
	lijstpane_wissel(a, &v->list, w, n, &u);
	free(w);
	free(m);
	job_load(p, a); /* clears the message line: the outcome comes after */
	if (u.failed)
		app_message(a, 1, "%d op evalueren gezet, %d mislukt (%ld: %s)", u.done, u.failed, u.first, u.why);
	else
		app_message(a, 0, "%d op evalueren gezet", u.done);
	return R_PAINT | R_BARS;
}

static int lt_dialog_ok(struct pane *p, struct app *a)
{
	if (p->dlg.tag != DT_EVALUEREN)
		return R_PAINT;
	dialog_close(&p->dlg);
	return app_start(a, p, job_evalueren, "Bezig met op evalueren zetten…");
}

static int lt_ready(const struct pane *p)
{
	return ((const struct looptijd *)p)->list.n > 0;
}

static const struct pane_action lt_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_TC_OPEN, lt_open, PA_READY },
	{ ACT_Q_MARK, lt_mark, PA_READY },
	{ ACT_Q_MARK_ALL, lt_mark, PA_READY },
	{ ACT_LT_OP_EVALUEREN, lt_evalueren, PA_READY },
};

static void lt_free(struct pane *p)
{
	lijst_release(&L(p)->list);
	free(p);
}

static const struct pane_ops lt_ops = {
	.name = "looptijd",
	.title = "Looptijd",
	.ctx = CTX_LOOPTIJD,
	.draw = lt_draw,
	.actions = lt_actions,
	.nactions = sizeof lt_actions / sizeof lt_actions[0],
	.list = offsetof(struct looptijd, list),
	.ready = lt_ready,
	.dialog_ok = lt_dialog_ok,
	.load = job_load,
	.free = lt_free,
};

struct pane *pane_looptijd_new(struct app *a, enum looptijd_lijst l)
{
	struct looptijd *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &lt_ops;
	v->l = l;
	lijst_init(&v->list, sizeof(struct looptijd_rij), row_id, 0, sizeof(struct mark), mark_of);
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
