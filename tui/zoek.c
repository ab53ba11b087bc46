/* zoek.c — `/` search with highlighted hits for lists and pads; see zoek.h. */
#include "tui/zoek.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/naam.h"
#include "tui/action.h"
#include "tui/app.h"

void zoek_init(struct zoek *z)
{
	memset(z, 0, sizeof *z);
	field_init(&z->field, FIELD_MAX, 0);
}

void zoek_release(struct zoek *z)
{
	field_clear(&z->field);
	z->text[0] = z->folded[0] = '\0';
	z->typing = 0;
}

int zoek_typing(const struct zoek *z)
{
	return z->typing;
}

int zoek_held(const struct zoek *z)
{
	return z->typing || z->folded[0];
}

int zoek_in(const struct zoek *z, const char *text)
{
	/* a line of a tab at 300 columns folds to at most twice its bytes */
	char fh[4096];

	if (!z->folded[0])
		return 0;
	naam_fold(fh, sizeof fh, text);
	return strstr(fh, z->folded) != NULL;
}

static void drop(struct zoek *z)
{
	z->text[0] = z->folded[0] = '\0';
}

void zoek_start(struct zoek *z, int from)
{
	z->typing = 1;
	z->from = from;
	field_clear(&z->field);
	field_init(&z->field, FIELD_MAX, 0);
	drop(z);
}

int zoek_key(struct zoek *z, int key, int *changed, int *cancelled)
{
	*changed = *cancelled = 0;
	if (!z->typing) {
		if (key == TK_ESC && z->folded[0]) {
			drop(z); /* Esc first wipes a search, then goes back */
			return R_PAINT | R_BARS;
		}
		return R_NONE;
	}
	if (key == TK_ENTER || key == TK_ESC) {
		z->typing = 0;
		if (key == TK_ESC) {
			drop(z);
			*cancelled = 1;
		}
		return R_PAINT | R_BARS;
	}
	if (field_key(&z->field, key)) {
		field_utf8(&z->field, z->text, sizeof z->text);
		naam_fold(z->folded, sizeof z->folded, z->text);
		*changed = 1;
	}
	return R_PAINT | R_BARS; /* everything is typed while searching */
}

int zoek_draw(struct zoek *z, struct app *a, WINDOW *w, int y, int x, int width)
{
	const struct screen *s = &a->scr;

	if (z->typing) {
		screen_put(w, y, x, 8, "Zoeken:", s->attr[ST_HEAD]);
		app_cursor(a, y, field_draw(&z->field, w, y, x + 8, width - 8, s->attr[ST_FIELD]));
		return 1;
	}
	if (!z->folded[0])
		return 0;
	char line[sizeof z->text + 64];

	snprintf(line, sizeof line, "zoek: %s · n volgende, N vorige, Esc wist", z->text);
	screen_put(w, y, x, width, line, s->attr[ST_DIM]);
	return 1;
}

/* ---- lists ---- */

struct list_arg {
	const struct zoek *z;
	zoek_tekst_fn tekst;
	const void *arg;
};

static int list_match(const void *row, const void *arg)
{
	const struct list_arg *la = arg;

	return zoek_list_hit(la->z, row, la->tekst, la->arg);
}

int zoek_list_hit(const struct zoek *z, const void *row, zoek_tekst_fn tekst, const void *arg)
{
	char buf[2048];

	if (!z->folded[0])
		return 0;
	tekst(row, arg, buf, sizeof buf);
	return zoek_in(z, buf);
}

static void list_go(struct zoek *z, struct app *a, struct lijst *l, int from, int dir, zoek_tekst_fn tekst,
		    const void *arg, const char *waar)
{
	struct list_arg la = { z, tekst, arg };

	if (!z->folded[0] || l->n == 0)
		return;
	app_list_search(a, l, from, dir, list_match, &la, waar, z->text);
}

int zoek_list_key(struct zoek *z, struct app *a, struct lijst *l, int key, zoek_tekst_fn tekst, const void *arg,
		  const char *waar)
{
	int changed, cancelled, r = zoek_key(z, key, &changed, &cancelled);

	if (cancelled || changed) {
		l->cur = z->from;
		lijst_clamp(l);
	}
	if (changed)
		list_go(z, a, l, z->from, 1, tekst, arg, waar);
	return r;
}

int zoek_list_action(struct zoek *z, struct app *a, struct lijst *l, int id, zoek_tekst_fn tekst, const void *arg,
		     const char *waar)
{
	if (id == ACT_Q_SEARCH) {
		zoek_start(z, l->cur);
		return R_PAINT | R_BARS;
	}
	if (!z->folded[0]) {
		app_message(a, 1, "Geen zoekopdracht: zoek eerst met /");
		return R_BARS;
	}
	int dir = id == ACT_Q_HIT_NEXT ? 1 : -1;

	list_go(z, a, l, l->cur + dir, dir, tekst, arg, waar);
	return R_PAINT | R_BARS;
}

/* ---- pads ---- */

void zoek_pad_line(WINDOW *pad, int y, char *buf, size_t len)
{
	wchar_t wl[1024];
	int cols = getmaxx(pad);
	size_t o = 0;

	buf[0] = '\0';
	if (cols > 1023)
		cols = 1023;
	if (mvwinnwstr(pad, y, 0, wl, cols) == ERR)
		return;
	wl[cols] = L'\0';
	for (int i = 0; wl[i] && o + MB_CUR_MAX + 1 < len; i++) {
		int n = wctomb(buf + o, wl[i]);
		if (n > 0)
			o += (size_t)n;
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
}

static int pad_hit(const struct zoek *z, WINDOW *pad, int y)
{
	char line[4096];

	zoek_pad_line(pad, y, line, sizeof line);
	return zoek_in(z, line);
}

int zoek_pad_next(const struct zoek *z, struct app *a, WINDOW *pad, int nlines, int from, int dir, const char *waar)
{
	if (!z->folded[0] || nlines <= 0)
		return -1;
	for (int k = 0; k < nlines; k++) {
		int y = ((from + dir * k) % nlines + nlines) % nlines;

		if (pad_hit(z, pad, y)) {
			if (dir > 0 ? y < from : y > from)
				app_message(a, 0, dir > 0 ? "bovenaan hervat" : "onderaan hervat");
			return y;
		}
	}
	app_message(a, 1, "Niet gevonden in %s: %s", waar, z->text);
	return -1;
}

int zoek_pad_mark(const struct zoek *z, WINDOW *pad, int nlines, int cur)
{
	int hits = 0;

	for (int y = 0; y < nlines && z->folded[0]; y++) {
		if (!pad_hit(z, pad, y))
			continue;
		hits++;
		/* the colour of the line's first cell stays: the mark is an attribute */
		attr_t at;
		short pair;
		cchar_t c;
		wchar_t wc[CCHARW_MAX + 1];

		if (mvwin_wch(pad, y, 0, &c) == ERR || getcchar(&c, wc, &at, &pair, NULL) == ERR)
			pair = 0;
		mvwchgat(pad, y, 0, -1, y == cur ? A_REVERSE : (A_BOLD | A_UNDERLINE), pair, NULL);
	}
	return hits;
}
