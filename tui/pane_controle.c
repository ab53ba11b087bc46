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

#include "core/kort.h"
#include "core/statuswissel.h"
#include "db/compleet.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/compleet_view.h"
#include "tui/dialog.h"
#include "tui/outcome.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"
#include "tui/zoek.h"

#define PAGE_MAX 60   /* rows of one page, at most (a very tall terminal) */
#define DETAIL_ROWS 6 /* what the selected hulpvraag misses */
#define HEAD_ROWS 3   /* heading, column heads, rule */
#define KEYS_MAX 512  /* earlier pages remembered for PgUp */

enum { DT_REDEN = 1 };

struct pagekey {
	char datum[11]; /* "" = the very first page */
	long id;
};

struct controle {
	struct pane base;
	struct lijst list;          /* one page of struct compleet_hv, the cursor */
	int page_rows;              /* rows per page, from the last paint */
	struct pagekey keys[KEYS_MAX]; /* keys[page] = where page starts */
	int page;
	long count;
	enum { KEEP_SAME, KEEP_FIRST, KEEP_LAST } keep; /* the cursor after the next load */
	int loaded;
	long save_id;               /* the hulpvraag the reden dialog is for */
	char body_msg[600];
	struct outcome pending;     /* "aanvulling vragen" whose COMMIT was cut off */
	struct zoek zoek;           /* `/` in the rows of this page (tui/zoek.h) */
};

static struct controle *C(struct pane *p)
{
	return (struct controle *)p;
}

static int rows_for(int body_rows)
{
	int r = body_rows - HEAD_ROWS - DETAIL_ROWS - 1;

	if (r < 3)
		r = 3;
	return r > PAGE_MAX ? PAGE_MAX : r;
}

/* ---- drawing ---------------------------------------------------------- */

/* What a row says for `/`: what its columns show, and its title. */
static void row_tekst(const void *row, const void *arg, char *buf, size_t len)
{
	const struct compleet_hv *h = row;

	(void)arg;
	snprintf(buf, len, "%ld\t%s\t%s\t%s\t%s", h->nummer, h->datum, h->aanvraagtype, h->status, h->titel);
}

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
	if (v->page > 0 || v->list.more_after) {
		snprintf(buf, sizeof buf, "blad %d%s", v->page + 1, v->list.more_after ? " · PgDn: verder" : "");
		int bw = screen_width(buf);
		if (hw + bw + 3 < cols)
			screen_put_right(w, y, cols - bw - 1, bw, buf, s->attr[ST_DIM]);
	}
	y++;
	/* type and status share what the fixed columns leave: at 80 columns
	 * the type 26, wider windows give both more (columns grow with the
	 * window, issue 13 §3) */
	int avail = cols - 1 - (W_NR + W_DATUM + W_COMPL + 3) - 1;
	int x = 1, wtype = avail > 60 ? avail * 45 / 100 : 26, wstat = avail - wtype;
	if (wstat < 12)
		wstat = 12;
	screen_put(w, y, x, W_NR, "Nummer", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + 1, W_DATUM, "Ontvangen", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + 2, W_COMPL, "Compl.", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3, wtype, "Aanvraagtype", s->attr[ST_HEAD]);
	screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3 + wtype + 1, wstat, "Status", s->attr[ST_HEAD]);
	y++;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);

	if (!v->loaded || v->list.n == 0) {
		const char *m = v->body_msg[0] ? v->body_msg
			      : !v->loaded  ? "Bezig met laden…"
					    : "Niets te controleren: geen hulpvragen in een intakestatus.";
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	/* types and statuses that share a long beginning show where they part
	 * (core/kort); the peers are the rows of this page */
	const char *ty_peers[PAGE_MAX], *st_peers[PAGE_MAX];
	char ty_kort[FLOW_NAME_BUF + 8], st_kort[FLOW_NAME_BUF + 8];

	for (int i = 0; i < v->list.n && i < PAGE_MAX; i++) {
		ty_peers[i] = ((const struct compleet_hv *)lijst_row(&v->list, i))->aanvraagtype;
		st_peers[i] = ((const struct compleet_hv *)lijst_row(&v->list, i))->status;
	}
	int np = v->list.n < PAGE_MAX ? v->list.n : PAGE_MAX;
	for (int i = 0; i < v->list.n; i++, y++) {
		const struct compleet_hv *h = lijst_row(&v->list, i);
		attr_t at = s->attr[i == v->list.cur ? ST_SEL : ST_NORMAL];

		if (i != v->list.cur && zoek_list_hit(&v->zoek, h, row_tekst, NULL))
			at |= A_BOLD | A_UNDERLINE; /* a hit of the search */
		int complete = h->uitslag.n > 0 && h->uitslag.nok == h->uitslag.n;

		/* the whole row in the cursor's attribute (reverse video without colour) */
		screen_put_pad(w, y, 0, cols, "", at);
		snprintf(buf, sizeof buf, "%ld", h->nummer);
		screen_put_right(w, y, x, W_NR, buf, at);
		screen_put(w, y, x + W_NR + 1, W_DATUM, h->datum, at);
		/* ✓ or ✗ in front of the count: never colour alone */
		snprintf(buf, sizeof buf, "%s %s", complete ? "✓" : "✗", compleet_view_count(h, cnt, sizeof cnt));
		screen_put(w, y, x + W_NR + W_DATUM + 2, W_COMPL, buf, at);
		screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3, wtype,
			   kort_onderscheid(h->aanvraagtype, ty_peers, np, wtype, ty_kort, sizeof ty_kort), at);
		screen_put(w, y, x + W_NR + W_DATUM + W_COMPL + 3 + wtype + 1, wstat,
			   kort_onderscheid(h->status, st_peers, np, wstat, st_kort, sizeof st_kort), at);
	}
	/* the selected one: title and what is missing */
	const struct compleet_hv *h = lijst_current(&v->list);
	y = HEAD_ROWS + v->page_rows;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	snprintf(buf, sizeof buf, "%ld · %s", h->nummer, h->titel);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	int left = rows - y;
	if (zoek_draw(&v->zoek, a, w, rows - 1, 1, cols - 2))
		left--; /* the last row is the search's */
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
}

/* ---- actions ---------------------------------------------------------- */

static int job_load(struct pane *p, struct app *a);
static int job_save(struct pane *p, struct app *a);

static int load(struct controle *v, struct app *a, const char *what)
{
	return app_start(a, &v->base, job_load, what);
}

static int open_aanvulling(struct controle *v, struct app *a)
{
	const struct compleet_hv *h = lijst_current(&v->list);
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
	dialog_open_text(&v->base.dlg, DT_REDEN, title, prompt, reden ? reden : "");
	free(reden);
	v->save_id = h->id;
	return R_PAINT | R_BARS;
}

static int tc_dialog_ok(struct pane *p, struct app *a)
{
	char *text = dialog_text(&p->dlg);
	int empty = !text || statuswissel_reden_leeg(text);

	free(text);
	if (empty) {
		dialog_note(&p->dlg, "Een reden is verplicht: schrijf wat de aanvrager moet aanvullen.");
		return R_PAINT;
	}
	return app_start(a, p, job_save, "Bezig met bewaren…");
}

/* The next page starts after the last row (keyset); R_NONE at the end. */
static int next_page(struct controle *v, struct app *a)
{
	const struct compleet_hv *last;

	if (!v->list.more_after || v->list.n == 0 || v->page + 1 >= KEYS_MAX)
		return R_NONE;
	last = lijst_row(&v->list, v->list.n - 1);
	v->page++;
	memcpy(v->keys[v->page].datum, last->datum_iso, sizeof v->keys[v->page].datum);
	v->keys[v->page].id = last->id;
	v->keep = KEEP_FIRST;
	return load(v, a, "Bezig met laden van de volgende hulpvragen…");
}

/* Moves within the page; past its ends the neighbouring page is loaded. */
static int tc_move(struct pane *p, struct app *a, enum action_id id)
{
	struct controle *v = C(p);
	int r;

	switch (id) {
	case ACT_UP:
		if (lijst_move(&v->list, -1) == 0)
			return R_PAINT;
		if (v->page == 0)
			return R_PAINT;
		v->page--;
		v->keep = KEEP_LAST;
		return load(v, a, "Bezig met laden…");
	case ACT_DOWN:
		if (lijst_move(&v->list, 1) == 0)
			return R_PAINT;
		/* past the last row is the next page */
		__attribute__((fallthrough));
	case ACT_PAGE_DOWN:
		if ((r = next_page(v, a)) != R_NONE)
			return r;
		lijst_nav(&v->list, LIJST_BOTTOM);
		return R_PAINT;
	case ACT_PAGE_UP:
		if (v->list.cur > 0 || v->page == 0) {
			lijst_nav(&v->list, LIJST_TOP);
			return R_PAINT;
		}
		v->page--;
		v->keep = KEEP_FIRST;
		return load(v, a, "Bezig met laden…");
	default: /* ACT_TOP */
		lijst_nav(&v->list, LIJST_TOP);
		if (v->page == 0)
			return R_PAINT;
		v->page = 0;
		v->keep = KEEP_FIRST;
		return load(v, a, "Bezig met laden…");
	}
}

static int tc_open(struct pane *p, struct app *a, enum action_id id)
{
	struct controle *v = C(p);

	app_push(a, pane_hulpvraag_new_compleet(a, lijst_current_id(&v->list)));
	return R_PAINT | R_BARS;
}

static int tc_aanvulling(struct pane *p, struct app *a, enum action_id id)
{
	return open_aanvulling(C(p), a);
}

static int tc_ready(const struct pane *p)
{
	return ((const struct controle *)p)->list.n > 0;
}

static int tc_search(struct pane *p, struct app *a, enum action_id id)
{
	struct controle *v = C(p);

	return zoek_list_action(&v->zoek, a, &v->list, id, row_tekst, NULL, "deze bladzijde");
}

static int tc_key(struct pane *p, struct app *a, int key)
{
	struct controle *v = C(p);

	return zoek_list_key(&v->zoek, a, &v->list, key, row_tekst, NULL, "deze bladzijde");
}

static enum action_ctx tc_context(const struct pane *p)
{
	return zoek_typing(&((const struct controle *)p)->zoek) ? CTX_DIALOG : CTX_CONTROLE;
}

static const struct pane_action tc_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_Q_SEARCH, tc_search, PA_READY },
	{ ACT_Q_HIT_NEXT, tc_search, PA_READY },
	{ ACT_Q_HIT_PREV, tc_search, PA_READY },
	{ ACT_TC_OPEN, tc_open, PA_READY },
	{ ACT_HV_AANVULLING, tc_aanvulling, PA_READY },
};

/* ---- work ------------------------------------------------------------- */

static void release_rows(struct controle *v)
{
	for (int i = 0; i < v->list.n; i++)
		compleet_hv_release(lijst_row(&v->list, i));
	v->list.n = 0;
}

static int do_load(struct controle *v, struct app *a, struct err *e)
{
	long keep = lijst_current_id(&v->list);
	int n = 0, more = 0, limit = v->page_rows > 0 ? v->page_rows : rows_for(a->scr.rows - 4);
	const struct pagekey *k = &v->keys[v->page];
	struct compleet_hv *rows = calloc(PAGE_MAX, sizeof *rows);

	release_rows(v);
	if (!rows)
		return err_set(e, "geen geheugen");
	if (compleet_te_controleren_count(a->db, a->session.organisatie_id, &v->count, e) < 0 ||
	    compleet_te_controleren(a->db, a->session.organisatie_id, k->datum[0] ? k->datum : NULL, k->id, limit,
				    rows, &n, &more, e) < 0) {
		free(rows);
		return -1;
	}
	/* the same hulpvraag (by id, not by row number), else the same row */
	lijst_set(&v->list, rows, n, v->page > 0, more, v->keep == KEEP_SAME ? keep : 0);
	if (v->keep == KEEP_LAST)
		lijst_nav(&v->list, LIJST_BOTTOM);
	v->loaded = 1;
	v->keep = KEEP_SAME;
	/* an empty page after the first (its rows were all handled): start over */
	if (n == 0 && v->page > 0) {
		v->page = 0;
		return do_load(v, a, e);
	}
	return 0;
}

/* Reloads the page; clear: the message line too (not after a save). */
static int reload(struct controle *v, struct app *a, int clear)
{
	struct err e;

	err_clear(&e);
	if (do_load(v, a, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — r: opnieuw", e.msg);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->body_msg[0] = '\0';
	if (clear)
		app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int job_load(struct pane *p, struct app *a)
{
	return reload(C(p), a, 1);
}

/* What became of "aanvulling vragen" (tui/outcome says it); the reden
 * dialog stays open with the text unless it was saved or the hulpvraag is
 * gone.  UNKNOWN: found out now, or after the reconnect.  Then the page is
 * read again (the new version for F2). */
static int save_done(struct controle *v, struct app *a, struct outcome *o)
{
	char note[700];

	if (!outcome_settle(a, o, "de statuswijziging")) {
		v->pending = *o;
		if (dialog_active(&v->base.dlg))
			dialog_note(&v->base.dlg, "%s", outcome_note(o, note, sizeof note));
		return reload(v, a, 0);
	}
	outcome_clear(&v->pending);
	if (o->kind == OUTCOME_SAVED || o->kind == OUTCOME_GONE)
		dialog_close(&v->base.dlg);
	else /* keep the text */
		dialog_note(&v->base.dlg, "%s", outcome_note(o, note, sizeof note));
	return reload(v, a, 0);
}

static int job_save(struct pane *p, struct app *a)
{
	struct controle *v = C(p);
	int at = lijst_find(&v->list, v->save_id);
	const struct compleet_hv *h = at >= 0 ? lijst_row(&v->list, at) : NULL;
	char *reden = dialog_text(&p->dlg);
	struct outcome o;

	outcome_clear(&o);
	if (!h)
		outcome_set(&o, OUTCOME_GONE, "de hulpvraag staat niet meer op de lijst (al afgehandeld?)");
	else if (!reden)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		hulpvraag_set_status(a->db, h->id, h->version, h->aanvulling, reden, paths_datadir(), NULL, &o);
	free(reden);
	return save_done(v, a, &o);
}

static int job_settle(struct pane *p, struct app *a)
{
	struct outcome o = C(p)->pending;

	return save_done(C(p), a, &o);
}

/* Back after a lost connection: a status change whose COMMIT was cut off
 * is found out first; otherwise the shared behaviour (reload). */
static int tc_reconnected(struct pane *p, struct app *a)
{
	if (!p->job && C(p)->pending.kind == OUTCOME_UNKNOWN) {
		p->job = job_settle;
		return R_WORK;
	}
	return app_pane_reload(p, a);
}

/* A hulpvraag of this organisatie changed (a status moved into or out of
 * the list, a bijlage or form arrived): reload once in work(). */
static int tc_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	if (ev->organisatie_id != a->session.organisatie_id || p->job || dialog_active(&p->dlg))
		return R_NONE;
	p->job = job_load;
	return R_WORK;
}

static void tc_free(struct pane *p)
{
	struct controle *v = C(p);

	release_rows(v);
	lijst_release(&v->list);
	zoek_release(&v->zoek);
	free(v);
}

static const struct pane_ops tc_ops = {
	.name = "controle",
	.title = "Te controleren",
	.ctx = CTX_CONTROLE,
	.context = tc_context,
	.key = tc_key,
	.draw = tc_draw,
	.actions = tc_actions,
	.nactions = sizeof tc_actions / sizeof tc_actions[0],
	.cursor = tc_move,
	.ready = tc_ready,
	.dialog_ok = tc_dialog_ok,
	.load = job_load,
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
	lijst_init(&v->list, sizeof(struct compleet_hv), NULL, 0, 0, NULL);
	zoek_init(&v->zoek);
	v->base.job = job_load;
	a->work_pending = 1; /* load after the first paint (page size known then) */
	return &v->base;
}
