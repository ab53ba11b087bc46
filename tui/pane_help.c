/* pane_help.c — the help screen; see pane_help.h.
 *
 * Every line comes from the action table: the keys that really work in the
 * context under the help (shadowed keys and typed characters left out), the
 * label and the help text.  Actions without a key are listed too; what the
 * session's roles may not do (core/recht) is left out.  Enter
 * closes the help and runs the chosen action.
 */
#include "tui/pane_help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct help {
	struct pane base;
	enum action_ctx ctx;          /* the context the help is about */
	const struct action **rows;   /* not owned: rows of action_table */
	int n;
	int sel, top, page;
};

static struct help *P(struct pane *p)
{
	return (struct help *)p;
}

static enum action_ctx help_context(const struct pane *p)
{
	(void)p;
	return CTX_HELP;
}

static void keys_text(const struct keybind *kb, const struct action *act, enum action_ctx ctx, char *buf, size_t len)
{
	int keys[ACTION_MAX_KEYS];
	int n = action_keys(kb, act, ctx, keys, ACTION_MAX_KEYS);
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && o + 1 < len; i++) {
		char name[32];

		o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? ", " : "",
				      action_key_name(keys[i], name, sizeof name));
	}
	if (n == 0)
		snprintf(buf, len, "—");
}

static void help_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct help *h = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[128];
	int y = 1, kc = 16, lc = 18;

	snprintf(buf, sizeof buf, "Help — %s", action_ctx_name(h->ctx));
	screen_put(w, y, 2, cols - 4, buf, s->attr[ST_HEAD]);
	y += 2;
	screen_put(w, y, 2, kc, "Toets", s->attr[ST_HEAD]);
	screen_put(w, y, 2 + kc, lc, "Actie", s->attr[ST_HEAD]);
	screen_put(w, y, 2 + kc + lc, cols - 4 - kc - lc, "Omschrijving", s->attr[ST_HEAD]);
	y++;
	screen_rule(w, y++, 2, cols - 4, s->attr[ST_NORMAL]);
	h->page = rows - y;
	if (h->page < 1)
		h->page = 1;
	if (h->sel < h->top)
		h->top = h->sel;
	if (h->sel >= h->top + h->page)
		h->top = h->sel - h->page + 1;
	for (int i = h->top; i < h->n && y < rows; i++, y++) {
		attr_t at = s->attr[i == h->sel ? ST_SEL : ST_NORMAL];

		keys_text(a->opt->keys, h->rows[i], h->ctx, buf, sizeof buf);
		if (i == h->sel)
			screen_put_pad(w, y, 1, cols - 2, "", at);
		screen_put(w, y, 2, kc - 1, buf, at);
		screen_put(w, y, 2 + kc, lc - 1, h->rows[i]->label, at);
		screen_put(w, y, 2 + kc + lc, cols - 4 - kc - lc, h->rows[i]->help, at);
	}
}

static int help_action(struct pane *p, struct app *a, enum action_id id)
{
	struct help *h = P(p);

	switch (id) {
	case ACT_CLOSE:
		app_pop(a);
		return R_PAINT | R_BARS;
	case ACT_RUN:
		app_pop(a);
		if (h->n > 0)
			a->queued = h->rows[h->sel]->id;
		return R_PAINT | R_BARS;
	case ACT_UP:
		h->sel -= h->sel > 0;
		return R_PAINT;
	case ACT_DOWN:
		h->sel += h->sel + 1 < h->n;
		return R_PAINT;
	case ACT_PAGE_UP:
		h->sel = h->sel > h->page ? h->sel - h->page : 0;
		return R_PAINT;
	case ACT_PAGE_DOWN:
		h->sel = h->sel + h->page < h->n ? h->sel + h->page : h->n - 1;
		return R_PAINT;
	case ACT_TOP:
		h->sel = 0;
		return R_PAINT;
	case ACT_BOTTOM:
		h->sel = h->n > 0 ? h->n - 1 : 0;
		return R_PAINT;
	case ACT_HELP:
		return R_DONE; /* no help on help */
	default:
		return R_NONE;
	}
}

static void help_free(struct pane *p)
{
	struct help *h = P(p);

	free(h->rows);
	free(h);
}

static const struct pane_ops help_ops = {
	.name = "help",
	.title = "Help",
	.context = help_context,
	.draw = help_draw,
	.action = help_action,
	.free = help_free,
};

struct pane *pane_help_new(struct app *a, enum action_ctx ctx)
{
	struct help *h = calloc(1, sizeof *h);

	if (!h)
		return NULL;
	h->base.ops = &help_ops;
	h->ctx = ctx;
	h->rows = calloc(action_count, sizeof *h->rows);
	if (!h->rows) {
		free(h);
		return NULL;
	}
	/* the context's own actions first, then the global ones; a global
	 * action the context redefines (same id) is listed once */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < action_count; i++) {
			const struct action *act = &action_table[i];
			int dup = 0;

			if (act->ctx != (pass ? CTX_GLOBAL : ctx) || !action_allowed(act, a->session.roles))
				continue;
			for (int j = 0; j < h->n; j++)
				dup |= h->rows[j]->id == act->id;
			if (!dup)
				h->rows[h->n++] = act;
		}
	return &h->base;
}
