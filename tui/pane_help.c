/* pane_help.c — the help screen; see pane_help.h.
 *
 * Every line comes from the action table: the keys that really work in the
 * context under the help (shadowed keys and typed characters left out), the
 * label and the help text.  Actions without a key are listed too; what the
 * session's roles may not do (core/recht) is left out.  Enter
 * closes the help and runs the chosen action.  `/` searches as you type
 * (key, label and help text; hits underlined), n / N go to the next and
 * previous hit.
 */
#include "tui/pane_help.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/zoek.h"

struct help {
	struct pane base;
	enum action_ctx ctx;          /* the context the help is about */
	struct lijst list;            /* const struct action * (rows of action_table), the cursor */
	const struct keybind *keys;   /* for matching key names */
	struct zoek zoek;             /* `/` (tui/zoek.h) */
};

static struct help *P(struct pane *p)
{
	return (struct help *)p;
}

/* A row is a pointer into action_table: its address is its id. */
static long row_id(const void *row)
{
	return (long)(intptr_t) * (const struct action *const *)row;
}

static const struct action *row(const struct help *h, int i)
{
	const struct action *const *r = lijst_row(&h->list, i);

	return r ? *r : NULL;
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

/* What a row says for the search: its keys, label and help text. */
static void row_tekst(const void *r, const void *arg, char *buf, size_t len)
{
	const struct help *h = arg;
	const struct action *act = *(const struct action *const *)r;
	char keys[128];

	keys_text(h->keys, act, h->ctx, keys, sizeof keys);
	snprintf(buf, len, "%s\t%s\t%s", keys, act->label, act->help);
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
	/* the last row: the search being typed, or the one that holds */
	zoek_draw(&h->zoek, a, w, rows - 1, 2, cols - 4);
	rows--;
	lijst_set_view(&h->list, rows - y);
	for (int i = h->list.top; i < h->list.n && y < rows; i++, y++) {
		const struct action *act = row(h, i);
		attr_t at = s->attr[i == h->list.cur ? ST_SEL : ST_NORMAL];

		if (i != h->list.cur && zoek_list_hit(&h->zoek, lijst_row(&h->list, i), row_tekst, h))
			at |= A_BOLD | A_UNDERLINE; /* a hit */
		keys_text(a->opt->keys, act, h->ctx, buf, sizeof buf);
		if (i == h->list.cur)
			screen_put_pad(w, y, 1, cols - 2, "", at);
		screen_put(w, y, 2, kc - 1, buf, at);
		screen_put(w, y, 2 + kc, lc - 1, act->label, at);
		screen_put(w, y, 2 + kc + lc, cols - 4 - kc - lc, act->help, at);
	}
}

/* Enter: close the help and run the chosen action on the pane under it. */
static int help_run(struct pane *p, struct app *a, enum action_id id)
{
	const struct action *act = row(P(p), P(p)->list.cur);

	app_pop(a);
	if (act)
		a->queued = act->id;
	return R_PAINT | R_BARS;
}

static int help_none(struct pane *p, struct app *a, enum action_id id)
{
	return R_DONE; /* no help on help */
}

static int help_search(struct pane *p, struct app *a, enum action_id id)
{
	struct help *h = P(p);

	return zoek_list_action(&h->zoek, a, &h->list, id, row_tekst, h, "de help");
}

/* While searching every key is typed; Enter keeps the search, Esc drops it
 * (and with a search held, the first Esc wipes it before the help closes). */
static int help_key(struct pane *p, struct app *a, int key)
{
	struct help *h = P(p);

	return zoek_list_key(&h->zoek, a, &h->list, key, row_tekst, h, "de help");
}

static enum action_ctx help_context(const struct pane *p)
{
	return zoek_typing(&((const struct help *)p)->zoek) ? CTX_DIALOG : CTX_HELP;
}

static const struct pane_action help_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_RUN, help_run, 0 },
	{ ACT_HELP, help_none, 0 },
	{ ACT_Q_SEARCH, help_search, 0 },
	{ ACT_Q_HIT_NEXT, help_search, 0 },
	{ ACT_Q_HIT_PREV, help_search, 0 },
};

static void help_free(struct pane *p)
{
	struct help *h = P(p);

	lijst_release(&h->list);
	zoek_release(&h->zoek);
	free(h);
}

static const struct pane_ops help_ops = {
	.name = "help",
	.title = "Help",
	.ctx = CTX_HELP,
	.context = help_context,
	.key = help_key,
	.draw = help_draw,
	.actions = help_actions,
	.nactions = sizeof help_actions / sizeof help_actions[0],
	.list = offsetof(struct help, list),
	.free = help_free,
};

struct pane *pane_help_new(struct app *a, enum action_ctx ctx)
{
	struct help *h = calloc(1, sizeof *h);
	const struct action **rows = calloc(action_count + 1, sizeof *rows);
	int n = 0;

	if (!h || !rows) {
		free(h);
		free(rows);
		return NULL;
	}
	h->base.ops = &help_ops;
	h->ctx = ctx;
	h->keys = a->opt->keys;
	/* the context's own actions first, then the global ones; a global
	 * action the context redefines (same id) is listed once */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < action_count; i++) {
			const struct action *act = &action_table[i];
			int dup = 0;

			if (act->ctx != (pass ? CTX_GLOBAL : ctx) || !action_allowed(act, a->session.roles))
				continue;
			for (int j = 0; j < n; j++)
				dup |= rows[j]->id == act->id;
			if (!dup)
				rows[n++] = act;
		}
	lijst_init(&h->list, sizeof *rows, row_id, 0, 0, NULL);
	zoek_init(&h->zoek);
	lijst_set(&h->list, rows, n, 0, 0, 0);
	return &h->base;
}
