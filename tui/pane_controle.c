/* pane_controle.c — the "te controleren" list; see pane_controle.h.
 *
 * Layout: a heading with the count, column heads, one page of rows (as many
 * as fit above the detail area: only those are evaluated, db/compleet.h),
 * and below them what the selected hulpvraag still misses.  Pages follow
 * each other by keyset (datum, id); the keys of earlier pages are kept so
 * PgUp at the top goes back one page.  Database work happens in work().
 */
#include "tui/pane_controle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/statuswissel.h"
#include "db/compleet.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/compleet_view.h"
#include "tui/dialog.h"
#include "tui/outcome.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"

#define PAGE_MAX 60   /* rows of one page, at most (a very tall terminal) */
#define DETAIL_ROWS 6 /* what the selected hulpvraag misses */
#define HEAD_ROWS 3   /* heading, column heads, rule */
#define KEYS_MAX 512  /* earlier pages remembered for PgUp */

enum job { JOB_NONE, JOB_LOAD, JOB_SAVE, JOB_SETTLE };
enum { DT_REDEN = 1 };

struct pagekey {
	char datum[11]; /* "" = the very first page */
	long id;
};

struct controle {
	struct pane base;
	struct compleet_hv rows[PAGE_MAX];
	int n, sel, more;
	int page_rows;              /* rows per page, from the last paint */
	struct pagekey keys[KEYS_MAX]; /* keys[page] = where page starts */
	int page;
	long count;
	enum { KEEP_SAME, KEEP_FIRST, KEEP_LAST } keep; /* the cursor after the next load */
	int loaded;
	enum job job;
	struct dialog dlg;
	long save_id;               /* the hulpvraag the reden dialog is for */
	char body_msg[600];
	struct outcome pending;     /* "aanvulling vragen" whose COMMIT was cut off */
};

static struct controle *C(struct pane *p)
{
	return (struct controle *)p;
}

static enum action_ctx tc_context(const struct pane *p)
{
	return dialog_active(&((const struct controle *)p)->dlg) ? CTX_DIALOG : CTX_CONTROLE;
}

static int rows_for(int body_rows)
{
	int r = body_rows - HEAD_ROWS - DETAIL_ROWS - 1;

	if (r < 3)
		r = 3;
	return r > PAGE_MAX ? PAGE_MAX : r;
}

/* ---- drawing ---------------------------------------------------------- */

#define W_NR 7
#define W_DATUM 11
#define W_COMPL 7

static void tc_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct controle *v = C(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[700], cnt[32];
	int y = 0;

	v->page_rows = rows_for(rows);
	snprintf(buf, sizeof buf, "Te controleren: %ld hulpvra%s, oudste eerst", v->count,
		 v->count == 1 ? "ag" : "gen");
	int hw = screen_put(w, y, 1, cols - 2, v->loaded ? buf : "Te controleren", s->attr[ST_HEAD]);
	if (v->page > 0 || v->more) {
		snprintf(buf, sizeof buf, "blad %d%s", v->page + 1, v->more ? " · PgDn: verder" : "");
		int bw = screen_width(buf);
		if (hw + bw + 3 < cols)
			screen_put_right(w, y, cols - bw - 1, bw, buf, s->attr[ST_DIM]);
	}
	y++;
	int x = 1, wtype = 26, wstat = cols - 1 - (W_NR + W_DATUM + W_COMPL + 3) - wtype - 1;
	if (wstat < 12)
		wstat = 12;
	screen_put(w, y, x, W_NR, "Nummer", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + 1, W_DATUM, "Ontvangen", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + 2, W_COMPL, "Compl.", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3, wtype, "Aanvraagtype", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3 + wtype + 1, wstat, "Status", s->attr[ST_HEAD]);
	y++;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);

	if (!v->loaded || v->n == 0) {
		const char *m = v->body_msg[0] ? v->body_msg
			      : !v->loaded  ? "Bezig met laden…"
					    : "Niets te controleren: geen hulpvragen in een intakestatus.";
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		dialog_draw(&v->dlg, a, w);
		return;
	}
	for (int i = 0; i < v->n; i++, y++) {
		const struct compleet_hv *h = &v->rows[i];
		attr_t at = s->attr[i == v->sel ? ST_SEL : ST_NORMAL];
		int complete = h->uitslag.n > 0 && h->uitslag.nok == h->uitslag.n;

		/* the whole row in the cursor's attribute (reverse video without colour) */
		screen_put_pad(w, y, 0, cols, "", at);
		snprintf(buf, sizeof buf, "%ld", h->nummer);
		screen_put_right(w, y, x, W_NR, buf, at);
		screen_put(w, y, x + W_NR + 1, W_DATUM, h->datum, at);
		/* ✓ or ✗ in front of the count: never colour alone */
		snprintf(buf, sizeof buf, "%s %s", complete ? "✓" : "✗", compleet_view_count(h, cnt, sizeof cnt));
		screen_put(w, y, x + W_NR + W_DATUM + 2, W_COMPL, buf, at);
		screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3, wtype, h->aanvraagtype, at);
		screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3 + wtype + 1, wstat, h->status, at);
	}
	/* the selected one: title and what is missing */
	const struct compleet_hv *h = &v->rows[v->sel];
	y = HEAD_ROWS + v->page_rows;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	snprintf(buf, sizeof buf, "%ld · %s", h->nummer, h->titel);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	int left = rows - y;
	size_t missing = h->uitslag.n - h->uitslag.nok, shown = 0;
	for (size_t i = 0; i < h->uitslag.n && left > 0; i++) {
		const struct compleet_punt *pt = &h->uitslag.punten[i];
		if (pt->ok)
			continue;
		if (left == 1 && shown + 1 < missing) {
			snprintf(buf, sizeof buf, "… en nog %zu (Enter: de hele checklist)", missing - shown);
			screen_put(w, y, 3, cols - 4, buf, s->attr[ST_DIM]);
			break;
		}
		screen_put(w, y, 1, 2, "✗", s->attr[ST_ERROR]);
		screen_put(w, y, 3, cols - 4, pt->omschrijving, s->attr[ST_NORMAL]);
		y++;
		left--;
		shown++;
	}
	if (h->uitslag.n > 0 && h->uitslag.nok == h->uitslag.n && left > 0)
		screen_put(w, y, 1, cols - 2, "✓ Compleet volgens de checklist.", s->attr[ST_OK]);
	dialog_draw(&v->dlg, a, w);
}

/* ---- actions ---------------------------------------------------------- */

static int load(struct controle *v, struct app *a, const char *what)
{
	v->job = JOB_LOAD;
	app_message(a, 0, "%s", what);
	return R_PAINT | R_BARS | R_WORK;
}

static int tc_key(struct pane *p, struct app *a, int key)
{
	struct controle *v = C(p);

	if (dialog_active(&v->dlg) && dialog_key(&v->dlg, key))
		return R_PAINT;
	return R_NONE;
}

static int open_aanvulling(struct controle *v, struct app *a)
{
	const struct compleet_hv *h = &v->rows[v->sel];
	char title[300], prompt[700];

	if (!h->aanvulling[0]) {
		app_message(a, 1, "Het aanvraagtype van hulpvraag %ld heeft geen status voor aanvulling", h->nummer);
		return R_BARS;
	}
	char *reden = compleet_view_reden(h);
	snprintf(title, sizeof title, "Aanvulling vragen · hulpvraag %ld", h->nummer);
	snprintf(prompt, sizeof prompt,
		 "Van \"%s\" naar \"%s\".  Reden (verplicht; de aanvrager krijgt die in de mail):", h->status,
		 h->aanvulling);
	dialog_open_text(&v->dlg, DT_REDEN, title, prompt, reden ? reden : "");
	free(reden);
	v->save_id = h->id;
	return R_PAINT | R_BARS;
}

static int tc_action(struct pane *p, struct app *a, enum action_id id)
{
	struct controle *v = C(p);

	if (dialog_active(&v->dlg)) {
		switch (dialog_action(&v->dlg, id)) {
		case DIALOG_OK: {
			char *text = dialog_text(&v->dlg);
			int empty = !text || statuswissel_reden_leeg(text);
			free(text);
			if (empty) {
				dialog_note(&v->dlg, "Een reden is verplicht: schrijf wat de aanvrager moet aanvullen.");
				return R_PAINT;
			}
			v->job = JOB_SAVE;
			app_message(a, 0, "Bezig met bewaren…");
			return R_PAINT | R_BARS | R_WORK;
		}
		case DIALOG_CANCEL:
			return R_PAINT | R_BARS;
		case DIALOG_CONTINUE:
			return R_PAINT;
		case DIALOG_NOT_MINE:
			break;
		}
		return R_NONE;
	}
	switch (id) {
	case ACT_CLOSE:
		app_pop(a);
		return R_PAINT | R_BARS;
	case ACT_RELOAD:
		return load(v, a, "Bezig met laden…");
	case ACT_UP:
		if (v->sel > 0) {
			v->sel--;
			return R_PAINT;
		}
		if (v->page > 0) {
			v->page--;
			v->keep = KEEP_LAST;
			return load(v, a, "Bezig met laden…");
		}
		return R_PAINT;
	case ACT_DOWN:
		if (v->sel + 1 < v->n) {
			v->sel++;
			return R_PAINT;
		}
		/* past the last row is the next page */
		__attribute__((fallthrough));
	case ACT_PAGE_DOWN:
		if (v->more && v->n > 0 && v->page + 1 < KEYS_MAX) {
			const struct compleet_hv *last = &v->rows[v->n - 1];
			v->page++;
			memcpy(v->keys[v->page].datum, last->datum_iso, sizeof v->keys[v->page].datum);
			v->keys[v->page].id = last->id;
			v->keep = KEEP_FIRST;
			return load(v, a, "Bezig met laden van de volgende hulpvragen…");
		}
		v->sel = v->n > 0 ? v->n - 1 : 0;
		return R_PAINT;
	case ACT_PAGE_UP:
		if (v->sel > 0 || v->page == 0) {
			v->sel = 0;
			return R_PAINT;
		}
		v->page--;
		v->keep = KEEP_FIRST;
		return load(v, a, "Bezig met laden…");
	case ACT_TOP:
		v->sel = 0;
		if (v->page == 0)
			return R_PAINT;
		v->page = 0;
		v->keep = KEEP_FIRST;
		return load(v, a, "Bezig met laden…");
	case ACT_TC_OPEN:
		if (v->n == 0)
			return R_NONE;
		app_push(a, pane_hulpvraag_new_compleet(a, v->rows[v->sel].id));
		return R_PAINT | R_BARS;
	case ACT_HV_AANVULLING:
		if (v->n == 0)
			return R_NONE;
		return open_aanvulling(v, a);
	default:
		return R_NONE;
	}
}

/* ---- work ------------------------------------------------------------- */

static void release_rows(struct controle *v)
{
	for (int i = 0; i < v->n; i++)
		compleet_hv_release(&v->rows[i]);
	v->n = 0;
}

static int do_load(struct controle *v, struct app *a, struct err *e)
{
	long keep = v->n > 0 ? v->rows[v->sel].id : 0;
	int n = 0, more = 0, limit = v->page_rows > 0 ? v->page_rows : rows_for(a->scr.rows - 4);
	const struct pagekey *k = &v->keys[v->page];

	release_rows(v);
	if (compleet_te_controleren_count(a->db, a->session.organisatie_id, &v->count, e) < 0 ||
	    compleet_te_controleren(a->db, a->session.organisatie_id, k->datum[0] ? k->datum : NULL, k->id, limit,
				    v->rows, &n, &more, e) < 0)
		return -1;
	v->n = n;
	v->more = more;
	v->loaded = 1;
	if (v->keep == KEEP_FIRST) {
		v->sel = 0;
	} else if (v->keep == KEEP_LAST) {
		v->sel = n > 0 ? n - 1 : 0;
	} else {
		/* the same hulpvraag (by id, not by row number), else the same row */
		if (v->sel >= n)
			v->sel = n > 0 ? n - 1 : 0;
		for (int i = 0; i < n; i++)
			if (v->rows[i].id == keep)
				v->sel = i;
	}
	v->keep = KEEP_SAME;
	/* an empty page after the first (its rows were all handled): start over */
	if (n == 0 && v->page > 0) {
		v->page = 0;
		return do_load(v, a, e);
	}
	return 0;
}

/* What became of "aanvulling vragen" (tui/outcome says it); the reden
 * dialog stays open with the text unless it was saved or the hulpvraag is
 * gone.  UNKNOWN: found out now, or after the reconnect. */
static void save_done(struct controle *v, struct app *a, struct outcome *o)
{
	char note[700];

	if (!outcome_settle(a, o, "de statuswijziging")) {
		v->pending = *o;
		if (dialog_active(&v->dlg))
			dialog_note(&v->dlg, "%s", outcome_note(o, note, sizeof note));
		return;
	}
	outcome_clear(&v->pending);
	if (o->kind == OUTCOME_SAVED || o->kind == OUTCOME_GONE)
		dialog_close(&v->dlg);
	else /* keep the text; the reload below gives the new version for F2 */
		dialog_note(&v->dlg, "%s", outcome_note(o, note, sizeof note));
}

static int tc_work(struct pane *p, struct app *a)
{
	struct controle *v = C(p);
	enum job job = v->job;
	struct err e;

	v->job = JOB_NONE;
	err_clear(&e);
	if (app_connect(a, &e) < 0) {
		if (dialog_active(&v->dlg))
			dialog_note(&v->dlg, "Geen verbinding: %s", e.msg);
		app_message(a, 1, "Geen verbinding met de database: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	if (job == JOB_SAVE) {
		const struct compleet_hv *h = NULL;
		struct outcome o;
		for (int i = 0; i < v->n; i++)
			if (v->rows[i].id == v->save_id)
				h = &v->rows[i];
		char *reden = dialog_text(&v->dlg);
		outcome_clear(&o);
		if (!h)
			outcome_set(&o, OUTCOME_GONE, "de hulpvraag staat niet meer op de lijst (al afgehandeld?)");
		else if (!reden)
			outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
		else
			hulpvraag_set_status(a->db, h->id, h->version, h->aanvulling, reden, paths_datadir(), NULL, &o);
		free(reden);
		save_done(v, a, &o);
	} else if (job == JOB_SETTLE) {
		struct outcome o = v->pending;
		save_done(v, a, &o);
	}
	err_clear(&e);
	if (do_load(v, a, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — r: opnieuw", e.msg);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->body_msg[0] = '\0';
	if (job == JOB_LOAD)
		app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* A hulpvraag of this organisatie changed (a status moved into or out of
 * the list, a bijlage or form arrived): reload once in work(). */
static int tc_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	struct controle *v = C(p);

	if (ev->organisatie_id != a->session.organisatie_id || v->job != JOB_NONE || dialog_active(&v->dlg))
		return R_NONE;
	v->job = JOB_LOAD;
	return R_WORK;
}

static int tc_reconnected(struct pane *p, struct app *a)
{
	struct controle *v = C(p);

	if (v->job != JOB_NONE)
		return R_NONE;
	if (v->pending.kind == OUTCOME_UNKNOWN) {
		v->job = JOB_SETTLE;
		return R_WORK;
	}
	if (dialog_active(&v->dlg))
		return R_NONE;
	v->job = JOB_LOAD;
	return R_WORK;
}

static void tc_free(struct pane *p)
{
	struct controle *v = C(p);

	dialog_close(&v->dlg);
	release_rows(v);
	free(v);
}

static const struct pane_ops tc_ops = {
	.name = "controle",
	.title = "Te controleren",
	.context = tc_context,
	.draw = tc_draw,
	.key = tc_key,
	.action = tc_action,
	.work = tc_work,
	.free = tc_free,
	.changed = tc_changed,
	.reconnected = tc_reconnected,
};

struct pane *pane_controle_new(struct app *a)
{
	struct controle *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &tc_ops;
	v->job = JOB_LOAD;
	a->work_pending = 1; /* load after the first paint (page size known then) */
	return &v->base;
}
