/* pane_verwerken.c — the financial queue; see pane_verwerken.h.
 *
 * Layout: a heading with the count and the totals, column heads, the rows
 * (nummer, ontvangen, wat te doen, bedrag, status) in the list window of
 * core/lijst.  Totals are sums of integer cents: the rows held and the
 * marked ones (a mark keeps its amount, so the total of the marks stays
 * right when the list is reloaded).  Database work happens in the job. */
#include "tui/pane_verwerken.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "db/verwerken.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/lijstpane.h"
#include "tui/terug.h"

#define W_NR 7
#define W_DATUM 10
#define W_BEDRAG 13

enum { DT_VERWERKEN = 1, DT_TERUG };

struct verwerken {
	struct pane base;
	struct lijst list; /* struct verwerken_rij */
	int loaded;
	char body_msg[600];
	/* bulk "financieel verwerkt": what the check said, done on Uitvoeren */
	struct verwerken_controle *ctl;
	int nctl;
	struct terug_info terug; /* the undo asked about */
};

/* A mark: the id and the amount the person saw. */
struct mark {
	long id;
	int64_t bedrag;
};

static struct verwerken *V(struct pane *p)
{
	return (struct verwerken *)p;
}

static long row_id(const void *row)
{
	return ((const struct verwerken_rij *)row)->id;
}

static void mark_of(const void *row, void *mark)
{
	const struct verwerken_rij *r = row;
	struct mark *m = mark;
	m->id = r->id;
	m->bedrag = r->bedrag;
}

static void tv_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct verwerken *v = V(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[700], tot[VALIDATE_MONEY_LEN], mtot[VALIDATE_MONEY_LEN], bedrag[VALIDATE_MONEY_LEN];
	int64_t sum = 0, msum = 0;
	int y = 0;

	for (int i = 0; i < v->list.n; i++)
		sum += ((const struct verwerken_rij *)lijst_row(&v->list, i))->bedrag;
	for (int i = 0; i < v->list.nmarks; i++)
		msum += ((const struct mark *)lijst_mark_at(&v->list, i))->bedrag;
	if (v->list.nmarks)
		snprintf(buf, sizeof buf, "Te verwerken: %d · totaal %s · %d gemarkeerd: %s", v->list.n,
			 validate_money_format(sum, tot, sizeof tot), v->list.nmarks,
			 validate_money_format(msum, mtot, sizeof mtot));
	else
		snprintf(buf, sizeof buf, "Te verwerken: %d, oudste eerst · totaal %s", v->list.n,
			 validate_money_format(sum, tot, sizeof tot));
	screen_put(w, y++, 1, cols - 2, v->loaded ? buf : "Te verwerken", s->attr[ST_HEAD]);
	int x = 2, wreden = 34, wstat = cols - x - (W_NR + W_DATUM + wreden + W_BEDRAG + 4) - 1;
	if (wstat < 8)
		wstat = 8;
	int xd = x + W_NR + 1, xr = xd + W_DATUM + 1, xb = xr + wreden + 1, xs = xb + W_BEDRAG + 1;
	screen_put(w, y, x, W_NR, "Nummer", s->attr[ST_HEAD]);
	screen_put(w, y, xd, W_DATUM, "Ontvangen", s->attr[ST_HEAD]);
	screen_put(w, y, xr, wreden, "Wat te doen", s->attr[ST_HEAD]);
	screen_put_right(w, y, xb, W_BEDRAG, "Bedrag", s->attr[ST_HEAD]);
	screen_put(w, y, xs, wstat, "Status", s->attr[ST_HEAD]);
	if ((y = lijstpane_body(w, s, &v->list, y + 1, v->loaded, v->body_msg, "Niets te verwerken.")) < 0)
		return;
	for (int i = v->list.top; i < v->list.n && y < rows; i++, y++) {
		const struct verwerken_rij *r = lijst_row(&v->list, i);
		attr_t at = lijstpane_row(w, s, &v->list, i, y, r->id, r->nummer, x, W_NR);
		screen_put(w, y, xd, W_DATUM, r->datum, at);
		screen_put(w, y, xr, wreden, r->reden, at);
		screen_put_right(w, y, xb, W_BEDRAG, r->bedrag ? validate_money_format(r->bedrag, bedrag, sizeof bedrag) : "",
				 at);
		screen_put(w, y, xs, wstat, r->status, at);
	}
}

static int job_load(struct pane *p, struct app *a)
{
	struct verwerken *v = V(p);
	struct verwerken_rij *rows = NULL;
	int n = 0;
	struct err e;
	long keep = lijst_current_id(&v->list);

	app_message_clear(a);
	if (db_te_verwerken(a->db, a->session.organisatie_id, &rows, &n, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "Niet geladen: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	lijstpane_set(&v->list, rows, n, keep, &v->loaded, v->body_msg);
	if (n == VERWERKEN_MAX)
		app_message(a, 0, "De eerste %d rijen; verwerk die eerst", VERWERKEN_MAX);
	return R_PAINT | R_BARS;
}

static int tv_open(struct pane *p, struct app *a, enum action_id id)
{
	(void)id;
	return lijstpane_open(p, a, &V(p)->list, job_load);
}

static int tv_mark(struct pane *p, struct app *a, enum action_id id)
{
	(void)a;
	return lijstpane_mark(&V(p)->list, id);
}

/* The marked rows, else the current one. */
static long *chosen(struct verwerken *v, int *n)
{
	int k = v->list.nmarks ? v->list.nmarks : 1;
	long *ids = calloc((size_t)k, sizeof *ids);

	*n = 0;
	if (!ids)
		return NULL;
	if (v->list.nmarks)
		for (int i = 0; i < v->list.nmarks; i++)
			ids[(*n)++] = ((const struct mark *)lijst_mark_at(&v->list, i))->id;
	else
		ids[(*n)++] = lijst_current_id(&v->list);
	return ids;
}

/* Bulk "financieel verwerkt", step 1: which rows pass the guards, to what
 * status, how many mails; the confirmation says so and lists the others
 * with why.  Nothing is written yet. */
static int job_controle(struct pane *p, struct app *a)
{
	struct verwerken *v = V(p);
	struct err e;
	int n = 0, ok = 0, mails = 0, skipped = 0;
	long *ids = chosen(v, &n);
	char prompt[1600], naar[204] = "", buf[600];
	size_t used;

	free(v->ctl);
	v->ctl = NULL;
	v->nctl = 0;
	if (!ids)
		return R_NONE;
	if (db_verwerken_controle(a->db, ids, n, &v->ctl, &v->nctl, &e) < 0) {
		free(ids);
		app_message(a, 1, "Niet gecontroleerd: %s", e.msg);
		return R_BARS;
	}
	free(ids);
	for (int i = 0; i < v->nctl; i++) {
		if (v->ctl[i].waarom[0]) {
			skipped++;
			continue;
		}
		ok++;
		mails += v->ctl[i].mail;
		if (!naar[0])
			snprintf(naar, sizeof naar, "%s", v->ctl[i].naar);
		else if (strcmp(naar, v->ctl[i].naar) != 0)
			snprintf(naar, sizeof naar, "%s", "de status financieel verwerkt van elk");
	}
	if (ok == 0) {
		const struct verwerken_controle *c = v->nctl ? &v->ctl[0] : NULL;
		app_message(a, 1, "Geen van de %d kan financieel verwerkt worden%s%ld: %s", n, c ? "; " : "",
			    c ? c->nummer : 0L, c ? c->waarom : "");
		return R_BARS;
	}
	used = (size_t)snprintf(prompt, sizeof prompt, "Naar \"%s\": %d %s; %d %s aan de aanvrager.", naar, ok,
				ok == 1 ? "hulpvraag" : "hulpvragen", mails, mails == 1 ? "mail" : "mails");
	if (skipped && used < sizeof prompt) {
		used += (size_t)snprintf(prompt + used, sizeof prompt - used, "  %d overgeslagen (blijven gemarkeerd):",
					 skipped);
		for (int i = 0; i < v->nctl && used < sizeof prompt; i++)
			if (v->ctl[i].waarom[0]) {
				snprintf(buf, sizeof buf, " %ld: %s;", v->ctl[i].nummer, v->ctl[i].waarom);
				used += (size_t)snprintf(prompt + used, sizeof prompt - used, "%s", buf);
			}
	}
	app_message_clear(a);
	dialog_open_confirm(&p->dlg, DT_VERWERKEN, "Financieel verwerken", prompt, "Uitvoeren");
	return R_PAINT | R_BARS;
}

/* Step 2: each row that passed, as its own status change (the same
 * function as one by one, whose guard checks again); a row done is
 * unmarked, a refused one stays marked with the first reason shown. */
static int job_bulk(struct pane *p, struct app *a)
{
	struct verwerken *v = V(p);
	struct lijstpane_wissel *w = calloc(v->nctl ? (size_t)v->nctl : 1, sizeof *w);
	struct lijstpane_uitslag u;
	int n = 0;

	if (!w)
		return R_NONE;
	for (int i = 0; i < v->nctl; i++)
		if (!v->ctl[i].waarom[0])
			w[n++] = (struct lijstpane_wissel){ v->ctl[i].id, v->ctl[i].nummer, v->ctl[i].versie, v->ctl[i].naar };
	lijstpane_wissel(a, &v->list, w, n, &u);
	free(w);
	job_load(p, a); /* clears the message line: the outcome comes after */
	if (u.failed)
		app_message(a, 1, "%d financieel verwerkt, %d mislukt (%ld: %s)", u.done, u.failed, u.first, u.why);
	else
		app_message(a, 0, "%d financieel verwerkt; terugdraaien kan 10 minuten met z", u.done);
	return R_PAINT | R_BARS;
}

static int tv_verwerken(struct pane *p, struct app *a, enum action_id id)
{
	(void)id;
	return app_start(a, p, job_controle, "Bezig met controleren…");
}

static int job_terug_vraag(struct pane *p, struct app *a)
{
	return terug_vraag(a, p, DT_TERUG, lijst_current_id(&V(p)->list), &V(p)->terug);
}

static int job_terug(struct pane *p, struct app *a)
{
	struct outcome o;

	db_status_terugdraaien(a->db, lijst_current_id(&V(p)->list), V(p)->terug.versie, "", &o);
	if (o.kind != OUTCOME_SAVED) {
		app_message(a, 1, "Niet teruggedraaid: %s", o.err.msg);
		return R_BARS;
	}
	job_load(p, a);
	app_message(a, 0, "%s", o.err.msg);
	return R_PAINT | R_BARS;
}

static int tv_terug(struct pane *p, struct app *a, enum action_id id)
{
	(void)id;
	return app_start(a, p, job_terug_vraag, "Bezig met ophalen van de laatste statuswijziging…");
}

static int tv_dialog_ok(struct pane *p, struct app *a)
{
	switch (p->dlg.tag) {
	case DT_VERWERKEN:
		dialog_close(&p->dlg);
		return app_start(a, p, job_bulk, "Bezig met financieel verwerken…");
	case DT_TERUG:
		dialog_close(&p->dlg);
		return app_start(a, p, job_terug, "Bezig met terugdraaien…");
	}
	return R_PAINT;
}

static int tv_ready(const struct pane *p)
{
	return ((const struct verwerken *)p)->list.n > 0;
}

static const struct pane_action tv_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_TC_OPEN, tv_open, PA_READY },
	{ ACT_Q_MARK, tv_mark, PA_READY },
	{ ACT_Q_MARK_ALL, tv_mark, PA_READY },
	{ ACT_TV_VERWERKEN, tv_verwerken, PA_READY },
	{ ACT_HV_TERUG, tv_terug, PA_READY },
};

static void tv_free(struct pane *p)
{
	lijst_release(&V(p)->list);
	free(V(p)->ctl);
	free(p);
}

static const struct pane_ops tv_ops = {
	.name = "verwerken",
	.title = "Te verwerken",
	.ctx = CTX_VERWERKEN,
	.draw = tv_draw,
	.actions = tv_actions,
	.nactions = sizeof tv_actions / sizeof tv_actions[0],
	.list = offsetof(struct verwerken, list),
	.ready = tv_ready,
	.dialog_ok = tv_dialog_ok,
	.load = job_load,
	.free = tv_free,
};

struct pane *pane_verwerken_new(struct app *a)
{
	struct verwerken *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &tv_ops;
	lijst_init(&v->list, sizeof(struct verwerken_rij), row_id, 0, sizeof(struct mark), mark_of);
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
