/* pane_viewer.c — the read-only text of one bijlage; see pane_bijlagen.h.
 *
 * The bytes are fetched once (db/bijlage audits the view), the text comes
 * from tui/bijlage_tekst (pdftotext, docx2txt, antiword, or the text
 * itself).  Long lines wrap at the window's width; the wrap is redone on a
 * resize and the top line follows the same place in the text.  `/` asks a
 * word (hoofdletters tellen niet), every hit on screen is highlighted and
 * the line with the current hit is marked; n/N go to the next/previous hit
 * and say so when the search starts over at the top or bottom. */
#include "tui/pane_bijlagen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/bijlage.h"
#include "db/bijlage.h"
#include "tui/app.h"
#include "tui/bijlage_tekst.h"
#include "tui/dialog.h"

enum { DT_SEARCH = 1 };

struct line {
	size_t off, len; /* a display line: bytes of text */
};

struct vwpane {
	struct pane base;
	long id;
	struct bijlage meta;
	int loaded, need_load;
	char *text;          /* owned, NUL-terminated */
	int afgekapt;
	struct line *lines;
	int n, width;        /* wrapped for this many columns */
	int top, page, hit;  /* hit: display line of the current hit, -1 none */
	char term[256];
	char body_msg[600];
};

static struct vwpane *P(struct pane *p)
{
	return (struct vwpane *)p;
}

/* Wraps v->text into display lines of at most width columns. */
static void wrap(struct vwpane *v, int width)
{
	size_t cap = 256, top_off = v->n > 0 && v->top < v->n ? v->lines[v->top].off : 0;
	size_t hit_off = v->hit >= 0 && v->hit < v->n ? v->lines[v->hit].off : (size_t)-1;
	const char *t = v->text;
	size_t i = 0, start = 0, sp = 0, total = strlen(t);
	int cols = 0;
	mbstate_t st;

	free(v->lines);
	v->n = 0;
	v->width = width;
	v->lines = malloc(cap * sizeof *v->lines);
	if (!v->lines)
		return;
	memset(&st, 0, sizeof st);
	while (i <= total) {
		int brk = 0, skip = 0;
		size_t k = 1;
		int cw = 0;

		if (i == total || t[i] == '\n') {
			brk = 1;
			skip = 1;
		} else {
			wchar_t wc;
			k = mbrtowc(&wc, t + i, total - i, &st);
			if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
				memset(&st, 0, sizeof st);
				k = 1;
				cw = 1;
			} else {
				cw = wcwidth(wc);
				if (cw < 0)
					cw = 1;
			}
			if (cols + cw > width) {
				brk = 1;
				skip = 0;
				/* break after the last space of the line, when
				 * there is one: words stay whole */
				if (sp > start) {
					i = sp;
					skip = 1;
				}
			}
		}
		if (brk) {
			if ((size_t)v->n == cap) {
				struct line *nl = realloc(v->lines, cap * 2 * sizeof *nl);
				if (!nl)
					break;
				v->lines = nl;
				cap *= 2;
			}
			v->lines[v->n].off = start;
			v->lines[v->n].len = i - start;
			v->n++;
			if (i == total)
				break;
			i += (size_t)skip;
			start = i;
			sp = 0;
			cols = 0;
			memset(&st, 0, sizeof st);
			continue;
		}
		if (t[i] == ' ')
			sp = i;
		cols += cw;
		i += k;
	}
	/* the same place in the text stays on top */
	v->top = 0;
	for (int j = 0; j < v->n && v->lines[j].off <= top_off; j++)
		v->top = j;
	if (hit_off != (size_t)-1) {
		v->hit = 0;
		for (int j = 0; j < v->n && v->lines[j].off <= hit_off; j++)
			v->hit = j;
	}
}

/* Offset of the first hit of v->term in display line i at or after byte
 * from (relative), or -1. */
static long find_in_line(const struct vwpane *v, int i, size_t from)
{
	char buf[4096];
	size_t len = v->lines[i].len;
	const char *f;

	if (len >= sizeof buf)
		len = sizeof buf - 1;
	if (from >= len || !v->term[0])
		return -1;
	memcpy(buf, v->text + v->lines[i].off, len);
	buf[len] = '\0';
	f = strcasestr(buf + from, v->term);
	return f ? (long)(f - buf) : -1;
}

static void vw_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct vwpane *v = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[800], size[32];
	int y = 0;

	snprintf(buf, sizeof buf, "%s", v->loaded ? v->meta.naam : "Bijlage");
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	if (v->loaded) {
		snprintf(buf, sizeof buf, "Type %s · %s · %s · %s%s", bijlage_soort_naam(v->meta.mime),
			 bijlage_grootte_tekst(size, sizeof size, v->meta.grootte), v->meta.categorie, v->meta.op,
			 v->afgekapt ? " · tekst ingekort" : "");
		screen_put(w, y, 1, cols - 2, buf, s->attr[ST_DIM]);
	}
	y++;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	if (!v->text) {
		/* wrapped: a converter stopped by a limit says why in a long sentence */
		screen_wrap(w, y + 1, 2, cols - 4, rows - y - 2, v->body_msg[0] ? v->body_msg : "Bezig met laden…",
			    s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	if (v->width != cols - 3)
		wrap(v, cols - 3);
	v->page = rows - y - 1;
	if (v->page < 1)
		v->page = 1;
	if (v->top > v->n - v->page)
		v->top = v->n - v->page > 0 ? v->n - v->page : 0;
	for (int i = v->top; i < v->n && y < rows - 1; i++, y++) {
		size_t len = v->lines[i].len < sizeof buf - 1 ? v->lines[i].len : sizeof buf - 1;
		long at;
		size_t from = 0;

		memcpy(buf, v->text + v->lines[i].off, len);
		buf[len] = '\0';
		if (i == v->hit)
			screen_put(w, y, 0, 1, ">", s->attr[ST_HEAD]);
		screen_put(w, y, 2, cols - 3, buf, s->attr[ST_NORMAL]);
		/* every hit on the line in reverse video */
		while ((at = find_in_line(v, i, from)) >= 0) {
			char pre[800], hit[300];
			size_t tl = strlen(v->term);
			snprintf(pre, sizeof pre, "%.*s", (int)at, buf);
			snprintf(hit, sizeof hit, "%.*s", (int)tl, buf + at);
			int x = 2 + screen_width(pre);
			if (x < cols - 1)
				screen_put(w, y, x, cols - 1 - x, hit, s->attr[ST_SEL]);
			from = (size_t)at + (tl ? tl : 1);
		}
	}
	if (v->n == 0)
		screen_put(w, y, 2, cols - 4, "(geen tekst in deze bijlage — een scan zonder tekstlaag?)", s->attr[ST_DIM]);
	{
		int last = v->top + v->page < v->n ? v->top + v->page : v->n;
		if (v->term[0])
			snprintf(buf, sizeof buf, "regel %d–%d van %d · zoeken: \"%s\" (n/N)", v->n ? v->top + 1 : 0, last,
				 v->n, v->term);
		else
			snprintf(buf, sizeof buf, "regel %d–%d van %d · / zoeken", v->n ? v->top + 1 : 0, last, v->n);
		screen_put_right(w, rows - 1, 0, cols - 1, buf, s->attr[ST_DIM]);
	}
}

/* The next display line with a hit from line `from` in direction dir
 * (+1/-1), wrapping once; *wrapped set when it went round. */
static int search(struct vwpane *v, int from, int dir, int *wrapped)
{
	*wrapped = 0;
	for (int k = 0; k < v->n; k++) {
		int i = from + dir * k;
		if (i >= v->n || i < 0) {
			*wrapped = 1;
			i = (i + v->n * 2) % v->n;
		}
		if (find_in_line(v, i, 0) >= 0)
			return i;
	}
	return -1;
}

static int go_hit(struct vwpane *v, struct app *a, int from, int dir)
{
	int wrapped = 0, i;

	if (!v->term[0]) {
		app_message(a, 0, "Nog geen zoekwoord: / om te zoeken");
		return R_BARS;
	}
	i = search(v, from, dir, &wrapped);
	if (i < 0) {
		v->hit = -1;
		app_message(a, 1, "Niet gevonden: \"%s\"", v->term);
		return R_PAINT | R_BARS;
	}
	v->hit = i;
	if (i < v->top || i >= v->top + v->page)
		v->top = i > 2 ? i - 2 : 0;
	if (wrapped)
		app_message(a, 0, dir > 0 ? "Bovenaan hervat: \"%s\"" : "Onderaan hervat: \"%s\"", v->term);
	else
		app_message(a, 0, "Gevonden: \"%s\" (regel %d)", v->term, i + 1);
	return R_PAINT | R_BARS;
}

/* The search dialog was confirmed: go to the first hit from the top line. */
static int vw_dialog_ok(struct pane *p, struct app *a)
{
	struct vwpane *v = P(p);
	char *t = dialog_text(&p->dlg);

	dialog_close(&p->dlg);
	snprintf(v->term, sizeof v->term, "%s", t ? t : "");
	free(t);
	if (!v->term[0]) {
		v->hit = -1;
		return R_PAINT | R_BARS;
	}
	return go_hit(v, a, v->top, +1);
}

static int vw_search(struct pane *p, struct app *a, enum action_id id)
{
	struct vwpane *v = P(p);

	if (!v->text)
		return R_DONE;
	dialog_open_line(&p->dlg, DT_SEARCH, "Zoeken in de bijlage", "Zoek naar (hoofdletters tellen niet):", v->term, 0);
	return R_PAINT | R_BARS;
}

static int vw_hit(struct pane *p, struct app *a, enum action_id id)
{
	struct vwpane *v = P(p);
	int dir = id == ACT_Q_HIT_NEXT ? 1 : -1;

	return go_hit(v, a, v->hit >= 0 ? v->hit + dir : v->top, dir);
}

/* Scrolling moves the top line; drawing keeps it in range. */
static int vw_scroll(struct pane *p, struct app *a, enum action_id id)
{
	struct vwpane *v = P(p);

	switch (id) {
	case ACT_UP:
		if (v->top == 0)
			return R_DONE;
		v->top--;
		break;
	case ACT_DOWN:
		if (v->top + v->page >= v->n)
			return R_DONE;
		v->top++;
		break;
	case ACT_PAGE_UP:
		v->top = v->top > v->page ? v->top - v->page : 0;
		break;
	case ACT_PAGE_DOWN:
		v->top = v->top + v->page < v->n ? v->top + v->page : v->n - 1;
		break;
	case ACT_TOP:
		v->top = 0;
		break;
	default: /* ACT_BOTTOM */
		v->top = v->n;
		break;
	}
	return R_PAINT;
}

static const struct pane_action vw_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_Q_SEARCH, vw_search, 0 },
	{ ACT_Q_HIT_NEXT, vw_hit, 0 },
	{ ACT_Q_HIT_PREV, vw_hit, 0 },
};

static int vw_work(struct pane *p, struct app *a)
{
	struct vwpane *v = P(p);
	unsigned char *data = NULL;
	size_t len = 0;
	struct err e;

	if (!v->need_load)
		return R_NONE;
	v->need_load = 0;
	err_clear(&e);
	if (app_connect(a, &e) < 0 || bijlage_fetch(a->db, v->id, BIJLAGE_BEKIJKEN, &v->meta, &data, &len, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — Esc: terug", e.msg);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->loaded = 1;
	if (bijlage_tekst(data, len, v->meta.mime, &v->text, &v->afgekapt, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s", e.msg);
		app_message(a, 1, "%s", e.msg);
	} else {
		for (char *c = v->text; *c; c++)
			if (*c == '\t' || *c == '\r')
				*c = ' ';
		app_message_clear(a);
	}
	free(data);
	return R_PAINT | R_BARS;
}

static void vw_free(struct pane *p)
{
	struct vwpane *v = P(p);

	free(v->text);
	free(v->lines);
	free(v);
}

static const struct pane_ops vw_ops = {
	.name = "viewer",
	.title = "Bijlage lezen",
	.ctx = CTX_VIEWER,
	.draw = vw_draw,
	.actions = vw_actions,
	.nactions = sizeof vw_actions / sizeof vw_actions[0],
	.cursor = vw_scroll,
	.dialog_ok = vw_dialog_ok,
	.work = vw_work,
	.free = vw_free,
};

struct pane *pane_viewer_new(struct app *a, long bijlage_id)
{
	struct vwpane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &vw_ops;
	v->id = bijlage_id;
	v->hit = -1;
	v->need_load = 1;
	a->work_pending = 1;
	app_message(a, 0, "Bezig met openen…");
	return &v->base;
}
