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
#include "tui/pane_hulpvraag.h"

#define HEAD_ROWS 3 /* heading, column heads, rule */
#define W_NR 7
#define W_DATUM 10
#define W_BEDRAG 13

struct verwerken {
	struct pane base;
	struct lijst list; /* struct verwerken_rij */
	int loaded;
	char body_msg[600];
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
	y++;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	lijst_set_view(&v->list, rows - HEAD_ROWS > 1 ? rows - HEAD_ROWS : 1);
	if (!v->loaded || v->list.n == 0) {
		const char *m = v->body_msg[0] ? v->body_msg : !v->loaded ? "Bezig met laden…" : "Niets te verwerken.";
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	for (int i = v->list.top; i < v->list.n && y < rows; i++, y++) {
		const struct verwerken_rij *r = lijst_row(&v->list, i);
		attr_t at = s->attr[i == v->list.cur ? ST_SEL : ST_NORMAL];
		screen_put_pad(w, y, 0, cols, "", at);
		/* a mark as a symbol, never colour alone */
		screen_put(w, y, 0, 1, lijst_marked(&v->list, r->id) ? "*" : " ", at);
		snprintf(buf, sizeof buf, "%ld", r->nummer);
		screen_put_right(w, y, x, W_NR, buf, at);
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
	v->body_msg[0] = '\0';
	lijst_set(&v->list, rows, n, 0, 0, keep);
	lijst_marks_refresh(&v->list);
	v->loaded = 1;
	if (n == VERWERKEN_MAX)
		app_message(a, 0, "De eerste %d rijen; verwerk die eerst", VERWERKEN_MAX);
	return R_PAINT | R_BARS;
}

static int tv_open(struct pane *p, struct app *a, enum action_id id)
{
	struct verwerken *v = V(p);
	(void)id;
	/* back from the hulpvraag: reload (it may be processed now) */
	p->job = job_load;
	p->work_waiting = 1;
	app_push(a, pane_hulpvraag_new(a, lijst_current_id(&v->list)));
	return R_PAINT | R_BARS;
}

static int tv_mark(struct pane *p, struct app *a, enum action_id id)
{
	(void)a;
	if (id == ACT_Q_MARK_ALL)
		lijst_mark_all(&V(p)->list);
	else
		lijst_toggle(&V(p)->list);
	return R_PAINT | R_BARS;
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
};

static void tv_free(struct pane *p)
{
	lijst_release(&V(p)->list);
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
