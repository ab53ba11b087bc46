/* dialog.c — modal dialogs over a pane; see dialog.h. */
#include "tui/dialog.h"


#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/naam.h"
#include "core/utf8.h"
#include "db/hulpvraag.h"
#include "tui/app.h"

static void release(struct dialog *d)
{
	if (d->text)
		memset(d->text, 0, (size_t)d->cap * sizeof *d->text);
	free(d->text);
	free(d->items);
	free(d->shown);
	field_clear(&d->line);
}

void dialog_close(struct dialog *d)
{
	release(d);
	memset(d, 0, sizeof *d);
}

int dialog_active(const struct dialog *d)
{
	return d && d->kind != DIALOG_NONE;
}

void dialog_note(struct dialog *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->note, sizeof d->note, fmt, ap);
	va_end(ap);
}

static void open_common(struct dialog *d, enum dialog_kind kind, int tag, const char *title, const char *prompt)
{
	dialog_close(d);
	d->kind = kind;
	d->tag = tag;
	snprintf(d->title, sizeof d->title, "%s", title ? title : "");
	snprintf(d->prompt, sizeof d->prompt, "%s", prompt ? prompt : "");
	field_init(&d->line, FIELD_MAX, 0);
}

void dialog_open_line(struct dialog *d, int tag, const char *title, const char *prompt, const char *initial,
		      unsigned field_flags)
{
	open_common(d, DIALOG_LINE, tag, title, prompt);
	field_init(&d->line, FIELD_MAX, field_flags);
	if (initial)
		field_set(&d->line, initial);
}

/* ---- multi-line text -------------------------------------------------- */

static int text_reserve(struct dialog *d, int need)
{
	if (need <= d->cap)
		return 0;
	int cap = d->cap ? d->cap : 256;
	while (cap < need)
		cap *= 2;
	wchar_t *n = calloc((size_t)cap, sizeof *n);
	if (!n)
		return -1;
	if (d->text) {
		memcpy(n, d->text, (size_t)d->len * sizeof *n);
		memset(d->text, 0, (size_t)d->cap * sizeof *d->text);
		free(d->text);
	}
	d->text = n;
	d->cap = cap;
	return 0;
}

static void text_insert(struct dialog *d, wchar_t c)
{
	if (d->len >= DIALOG_TEXT_MAX || text_reserve(d, d->len + 2) < 0)
		return;
	memmove(d->text + d->cur + 1, d->text + d->cur, (size_t)(d->len - d->cur) * sizeof *d->text);
	d->text[d->cur++] = c;
	d->len++;
	d->changed = 1;
}

static void text_delete(struct dialog *d, int at)
{
	if (at < 0 || at >= d->len)
		return;
	memmove(d->text + at, d->text + at + 1, (size_t)(d->len - at - 1) * sizeof *d->text);
	d->len--;
	d->changed = 1;
	if (d->cur > at)
		d->cur--;
}

void dialog_open_text(struct dialog *d, int tag, const char *title, const char *prompt, const char *initial)
{
	mbstate_t st;
	const char *s = initial ? initial : "";
	size_t left = strlen(s);

	open_common(d, DIALOG_TEXT, tag, title, prompt);
	memset(&st, 0, sizeof st);
	while (left > 0) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, left, &st);

		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			n = 1;
		}
		if (n == 0)
			break;
		if (wc != L'\r')
			text_insert(d, wc);
		s += n;
		left -= n;
	}
	d->cur = d->len;
	d->changed = 0; /* the initial text is not a change */
}

static int line_start(const struct dialog *d, int pos)
{
	while (pos > 0 && d->text[pos - 1] != L'\n')
		pos--;
	return pos;
}

static int line_end(const struct dialog *d, int pos)
{
	while (pos < d->len && d->text[pos] != L'\n')
		pos++;
	return pos;
}

static int text_key(struct dialog *d, int key)
{
	int ls, col;

	switch (key) {
	case TK_ENTER:
		text_insert(d, L'\n');
		return 1;
	case TK_TAB:
		return 1; /* no tabs in a reden */
	case TK(KEY_LEFT):
		if (d->cur > 0)
			d->cur--;
		return 1;
	case TK(KEY_RIGHT):
		if (d->cur < d->len)
			d->cur++;
		return 1;
	case TK(KEY_HOME):
	case TK_CTRL('a'):
		d->cur = line_start(d, d->cur);
		return 1;
	case TK(KEY_END):
	case TK_CTRL('e'):
		d->cur = line_end(d, d->cur);
		return 1;
	case TK(KEY_UP):
		ls = line_start(d, d->cur);
		col = d->cur - ls;
		if (ls > 0) {
			int ps = line_start(d, ls - 1);
			d->cur = ps + col < ls - 1 ? ps + col : ls - 1;
		}
		return 1;
	case TK(KEY_DOWN):
		ls = line_start(d, d->cur);
		col = d->cur - ls;
		{
			int le = line_end(d, d->cur);
			if (le < d->len) {
				int ne = line_end(d, le + 1);
				d->cur = le + 1 + col < ne ? le + 1 + col : ne;
			}
		}
		return 1;
	case TK_BACKSPACE:
		text_delete(d, d->cur - 1);
		return 1;
	case TK(KEY_DC):
		text_delete(d, d->cur);
		return 1;
	case TK_CTRL('u'):
		ls = line_start(d, d->cur);
		while (d->cur > ls)
			text_delete(d, d->cur - 1);
		return 1;
	case TK_CTRL('k'):
		while (d->cur < d->len && d->text[d->cur] != L'\n')
			text_delete(d, d->cur);
		return 1;
	}
	if (!field_is_text_key(key))
		return 0;
	text_insert(d, (wchar_t)key);
	return 1;
}

/* ---- pick list -------------------------------------------------------- */

static void pick_filter(struct dialog *d)
{
	char typed[FIELD_MAX * 4 + 1], fq[FIELD_MAX * 4 + 1], hay[1100], fh[1100];
	long keep = d->nshown > 0 && d->sel < d->nshown ? d->shown[d->sel] : -1;

	field_utf8(&d->line, typed, sizeof typed);
	naam_fold(fq, sizeof fq, typed);
	d->nshown = 0;
	for (int i = 0; i < d->nitems; i++) {
		snprintf(hay, sizeof hay, "%s %s", d->items[i].label, d->items[i].extra);
		naam_fold(fh, sizeof fh, hay);
		if (!fq[0] || strstr(fh, fq))
			d->shown[d->nshown++] = i;
	}
	d->sel = 0;
	for (int k = 0; k < d->nshown; k++)
		if (d->shown[k] == keep)
			d->sel = k;
	d->ptop = 0;
}

void dialog_open_pick(struct dialog *d, int tag, const char *title, const char *prompt,
		      const struct dialog_item *items, int n)
{
	open_common(d, DIALOG_PICK, tag, title, prompt);
	d->items = calloc((size_t)n + 1, sizeof *d->items);
	d->shown = calloc((size_t)n + 1, sizeof *d->shown);
	if (!d->items || !d->shown) {
		n = 0;
	} else if (n > 0) {
		memcpy(d->items, items, (size_t)n * sizeof *items);
	}
	d->nitems = n;
	pick_filter(d);
}

int dialog_open_pick_items(struct dialog *d, int tag, const char *title, const char *prompt,
			   const struct hv_item *it, int n, const char *first, long first_id)
{
	int k = first != NULL;
	struct dialog_item *items = calloc((size_t)n + (size_t)k + 1, sizeof *items);

	if (!items)
		return -1;
	if (first) {
		snprintf(items[0].label, sizeof items[0].label, "%s", first);
		items[0].id = first_id;
	}
	for (int i = 0; i < n; i++, k++) {
		items[k].id = it[i].id;
		items[k].ref = it[i].ref;
		items[k].flag = it[i].flag;
		snprintf(items[k].label, sizeof items[k].label, "%s", it[i].naam);
		snprintf(items[k].extra, sizeof items[k].extra, "%s", it[i].extra);
	}
	dialog_open_pick(d, tag, title, prompt, items, k);
	free(items);
	return 0;
}

const struct dialog_item *dialog_selected(const struct dialog *d)
{
	if (d->kind != DIALOG_PICK || d->nshown == 0 || d->sel >= d->nshown)
		return NULL;
	return &d->items[d->shown[d->sel]];
}

static int pick_key(struct dialog *d, int key)
{
	switch (key) {
	case TK(KEY_UP):
		if (d->sel > 0)
			d->sel--;
		return 1;
	case TK(KEY_DOWN):
		if (d->sel + 1 < d->nshown)
			d->sel++;
		return 1;
	case TK(KEY_PPAGE):
		d->sel = d->sel > 8 ? d->sel - 8 : 0;
		return 1;
	case TK(KEY_NPAGE):
		d->sel = d->sel + 8 < d->nshown ? d->sel + 8 : (d->nshown > 0 ? d->nshown - 1 : 0);
		return 1;
	}
	if (field_key(&d->line, key)) {
		pick_filter(d);
		return 1;
	}
	return 0;
}

void dialog_open_confirm(struct dialog *d, int tag, const char *title, const char *prompt, const char *ok_label)
{
	open_common(d, DIALOG_CONFIRM, tag, title, prompt);
	snprintf(d->ok_label, sizeof d->ok_label, "%s", ok_label ? ok_label : "Ja");
	d->ok_focus = 0; /* Annuleren first: never one key from harm */
}

void dialog_open_save(struct dialog *d, int tag, const char *title, const char *prompt)
{
	open_common(d, DIALOG_SAVE, tag, title, prompt);
	d->choice = DIALOG_BEWAREN;
}

enum dialog_save_choice dialog_choice(const struct dialog *d)
{
	return d->choice;
}

/* Keys of the save question: ←/→/Tab move, the first letter of an answer
 * (b, n, a) chooses it; Enter/Esc go on to the actions. */
static int save_key(struct dialog *d, int key)
{
	switch (key) {
	case TK(KEY_RIGHT):
	case TK_TAB:
		d->choice = (d->choice + 1) % DIALOG_NCHOICES;
		return 1;
	case TK(KEY_LEFT):
	case TK(KEY_BTAB):
		d->choice = (d->choice + DIALOG_NCHOICES - 1) % DIALOG_NCHOICES;
		return 1;
	case 'b':
	case 'B':
		d->choice = DIALOG_BEWAREN;
		return 1;
	case 'n':
	case 'N':
		d->choice = DIALOG_NIET_BEWAREN;
		return 1;
	case 'a':
	case 'A':
		d->choice = DIALOG_ANNULEREN;
		return 1;
	}
	return key != TK_ENTER && key != TK_ESC && key < TK_FN && key >= ' '; /* typing does nothing */
}

/* ---- dispatch --------------------------------------------------------- */

int dialog_key(struct dialog *d, int key)
{
	if (d->asking || d->kind == DIALOG_SAVE)
		return save_key(d, key);
	switch (d->kind) {
	case DIALOG_LINE:
		if (key == TK_ENTER || key == TK_ESC)
			return 0;
		return field_key(&d->line, key);
	case DIALOG_TEXT:
		if (key == TK_ESC)
			return 0;
		return text_key(d, key);
	case DIALOG_PICK:
		if (key == TK_ENTER || key == TK_ESC)
			return 0;
		return pick_key(d, key);
	case DIALOG_CONFIRM:
		if (key == TK(KEY_LEFT) || key == TK(KEY_RIGHT) || key == TK_TAB || key == TK(KEY_BTAB)) {
			d->ok_focus = !d->ok_focus;
			return 1;
		}
		return key != TK_ENTER && key != TK_ESC && key < TK_FN && key >= ' '; /* typing does nothing */
	case DIALOG_SAVE:
	case DIALOG_NONE:
		break;
	}
	return 0;
}

enum dialog_result dialog_action(struct dialog *d, enum action_id id)
{
	if (!dialog_active(d))
		return DIALOG_NOT_MINE;
	if (d->asking) {
		/* the question over a changed text (see dialog_open_save) */
		d->asking = 0;
		if (id == ACT_DLG_OK && d->choice == DIALOG_BEWAREN)
			return DIALOG_OK;
		if (id == ACT_DLG_OK && d->choice == DIALOG_NIET_BEWAREN) {
			dialog_close(d);
			return DIALOG_CANCEL;
		}
		return id == ACT_DLG_OK || id == ACT_DLG_CANCEL ? DIALOG_CONTINUE : DIALOG_NOT_MINE;
	}
	switch (id) {
	case ACT_DLG_OK:
		if (d->kind == DIALOG_SAVE && d->choice == DIALOG_ANNULEREN) {
			dialog_close(d);
			return DIALOG_CANCEL;
		}
		if (d->kind == DIALOG_CONFIRM && !d->ok_focus) {
			dialog_close(d);
			return DIALOG_CANCEL;
		}
		if (d->kind == DIALOG_PICK && !dialog_selected(d)) {
			dialog_note(d, "Niets gekozen: pas het filter aan");
			return DIALOG_CONTINUE;
		}
		return DIALOG_OK;
	case ACT_DLG_CANCEL:
		if (d->kind == DIALOG_TEXT && d->changed) {
			/* a single Esc never drops typed text: ask */
			d->asking = 1;
			d->choice = DIALOG_BEWAREN;
			return DIALOG_CONTINUE;
		}
		dialog_close(d);
		return DIALOG_CANCEL;
	default:
		return DIALOG_NOT_MINE;
	}
}

char *dialog_text(const struct dialog *d)
{
	if (d->kind == DIALOG_LINE || d->kind == DIALOG_PICK) {
		char *out = malloc(FIELD_MAX * 4 + 1);
		if (out && field_utf8(&d->line, out, FIELD_MAX * 4 + 1) < 0)
			out[0] = '\0';
		return out;
	}
	size_t cap = (size_t)d->len * MB_CUR_MAX + 1, o = 0;
	char *out = malloc(cap);
	mbstate_t st;

	if (!out)
		return NULL;
	memset(&st, 0, sizeof st);
	for (int i = 0; i < d->len; i++) {
		size_t n = wcrtomb(out + o, d->text[i], &st);
		if (n == (size_t)-1) {
			out[o] = '?';
			n = 1;
			memset(&st, 0, sizeof st);
		}
		o += n;
	}
	out[o] = '\0';
	/* typed text in NFC, as in field_utf8 */
	char *nfc = malloc(cap);
	if (nfc && utf8_nfc(out, nfc, cap) == 0) {
		free(out);
		return nfc;
	}
	free(nfc);
	return out;
}

/* ---- drawing ---------------------------------------------------------- */

static int cw(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* Word wrap: before character i (not a newline) is placed at *row, *col,
 * moves to the next row when it does not fit — a whole word goes to the
 * next row when it fits there (a longer one is cut at the edge). */
static void wrap_before(const struct dialog *d, int i, int width, int *row, int *col)
{
	wchar_t c = d->text[i];

	if (c != L' ' && *col > 0 && (i == 0 || d->text[i - 1] == L' ')) {
		int ww = 0;

		for (int k = i; k < d->len && d->text[k] != L' ' && d->text[k] != L'\n'; k++)
			ww += cw(d->text[k]);
		if (*col + ww > width && ww <= width) {
			(*row)++;
			*col = 0;
		}
	}
	if (*col + cw(c) > width && c != L' ') {
		(*row)++;
		*col = 0;
	}
}

/* Draws the text word-wrapped in width columns over rows rows, with a
 * column at the right that shows ▲ / ▼ when there is more above or below;
 * returns the cursor's (row, col) in *cy, *cx. */
static void text_draw(struct dialog *d, WINDOW *w, int y, int x, int width, int rows, attr_t a, int *cy, int *cx)
{
	int row = 0, col = 0, crow = 0, ccol = 0, total;

	width -= 1; /* the scroll column */
	/* first pass: where is the cursor, how many rows */
	for (int i = 0; i <= d->len; i++) {
		if (i < d->len && d->text[i] != L'\n')
			wrap_before(d, i, width, &row, &col);
		if (i == d->cur) {
			crow = row;
			ccol = col;
		}
		if (i == d->len)
			break;
		if (d->text[i] == L'\n') {
			row++;
			col = 0;
			continue;
		}
		col += cw(d->text[i]);
	}
	total = row + 1;
	if (crow < d->top)
		d->top = crow;
	if (crow >= d->top + rows)
		d->top = crow - rows + 1;
	for (int r = 0; r < rows; r++) {
		wattrset(w, a);
		mvwhline(w, y + r, x, ' ', width + 1);
	}
	row = 0;
	col = 0;
	for (int i = 0; i < d->len; i++) {
		wchar_t c = d->text[i];

		if (c == L'\n') {
			row++;
			col = 0;
			continue;
		}
		wrap_before(d, i, width, &row, &col);
		if (row >= d->top && row < d->top + rows && col + cw(c) <= width) {
			cchar_t cc;
			wchar_t s[2] = { c, 0 };

			setcchar(&cc, s, a, 0, NULL);
			mvwadd_wch(w, y + row - d->top, x + col, &cc);
		}
		col += cw(c);
	}
	wattrset(w, A_NORMAL);
	/* more above / below: never only a cut-off look */
	if (d->top > 0)
		mvwaddstr(w, y, x + width, MB_CUR_MAX > 1 ? "▲" : "^");
	if (total > d->top + rows)
		mvwaddstr(w, y + rows - 1, x + width, MB_CUR_MAX > 1 ? "▼" : "v");
	*cy = y + crow - d->top;
	*cx = x + (ccol < width ? ccol : width - 1);
}

/* Rows a prompt takes when wrapped. */
static int prompt_rows(const char *s, int width)
{
	int rows = 1, col = 0;

	if (!*s)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			rows++;
			col = 0;
		} else if ((((unsigned char)*p) & 0xc0) != 0x80 && ++col > width) {
			rows++;
			col = 1;
		}
	}
	return rows + 1; /* word wrap may need a little more */
}

/* The box of a dialog on the body: top row, left column, height, width,
 * and the width inside the frame. */
struct box {
	int y0, x0, h, width, inner;
};

/* Blank box, frame and title. */
static void box_frame(WINDOW *w, const struct screen *s, const struct box *b, const char *title)
{
	char buf[200];

	for (int r = 0; r < b->h; r++) {
		wattrset(w, s->attr[ST_NORMAL]);
		mvwhline(w, b->y0 + r, b->x0, ' ', b->width);
	}
	wattrset(w, s->attr[ST_NORMAL]);
	mvwhline(w, b->y0, b->x0, ACS_HLINE, b->width);
	mvwhline(w, b->y0 + b->h - 1, b->x0, ACS_HLINE, b->width);
	mvwvline(w, b->y0, b->x0, ACS_VLINE, b->h);
	mvwvline(w, b->y0, b->x0 + b->width - 1, ACS_VLINE, b->h);
	mvwaddch(w, b->y0, b->x0, ACS_ULCORNER);
	mvwaddch(w, b->y0, b->x0 + b->width - 1, ACS_URCORNER);
	mvwaddch(w, b->y0 + b->h - 1, b->x0, ACS_LLCORNER);
	mvwaddch(w, b->y0 + b->h - 1, b->x0 + b->width - 1, ACS_LRCORNER);
	wattrset(w, A_NORMAL);
	snprintf(buf, sizeof buf, " %s ", title);
	screen_put(w, b->y0, b->x0 + 2, b->width - 4, buf, s->attr[ST_HEAD]);
}

/* The hint on the last row inside the frame. */
static void box_hint(WINDOW *w, const struct screen *s, const struct box *b, const char *hint)
{
	screen_put(w, b->y0 + b->h - 2, b->x0 + 2, b->inner, hint, s->attr[ST_DIM]);
}

/* Rows left for a list or text from row y (the note keeps two). */
static int box_rows(const struct dialog *d, const struct box *b, int y)
{
	int r = b->y0 + b->h - 2 - y - (d->note[0] ? 2 : 0);

	return r < 1 ? 1 : r;
}

static void pick_draw(struct dialog *d, const struct screen *s, WINDOW *w, const struct box *b, int y, int *cy,
		      int *cx)
{
	int lrows, inner = b->inner, x = b->x0 + 2;
	char buf[200];

	screen_put(w, y, x, 8, "Filter:", s->attr[ST_NORMAL]);
	*cx = field_draw(&d->line, w, y, x + 8, inner - 8, s->attr[ST_FIELD]);
	*cy = y;
	y += 2;
	lrows = box_rows(d, b, y);
	if (d->sel < d->ptop)
		d->ptop = d->sel;
	if (d->sel >= d->ptop + lrows)
		d->ptop = d->sel - lrows + 1;
	if (d->nshown == 0)
		screen_put(w, y, x, inner, "Geen keuzes die bij het filter passen", s->attr[ST_DIM]);
	for (int r = 0; r < lrows && d->ptop + r < d->nshown; r++) {
		const struct dialog_item *it = &d->items[d->shown[d->ptop + r]];
		int selrow = d->ptop + r == d->sel;
		attr_t at = s->attr[selrow ? ST_SEL : ST_NORMAL];
		int lw = it->extra[0] ? inner * 3 / 5 : inner;
		char lab[300];

		snprintf(lab, sizeof lab, "%s%s", selrow ? "> " : "  ", it->label);
		/* a cut label ("…") keeps a column free before the extra */
		screen_put_pad(w, y + r, x, lw, "", at);
		screen_put(w, y + r, x, it->extra[0] ? lw - 1 : lw, lab, at);
		if (it->extra[0])
			screen_put_pad(w, y + r, x + lw, inner - lw, it->extra, selrow ? at : s->attr[ST_DIM]);
	}
	snprintf(buf, sizeof buf, "%d van %d   ↑/↓ kiezen, typen filtert, Enter: kies, Esc: terug", d->nshown,
		 d->nitems);
	box_hint(w, s, b, buf);
}

static void confirm_draw(const struct dialog *d, const struct screen *s, WINDOW *w, const struct box *b, int y)
{
	int bx = b->x0 + 2;
	char buf[200];

	bx += screen_put(w, y, bx, 14, "[ Annuleren ]", s->attr[d->ok_focus ? ST_NORMAL : ST_SEL]);
	bx += 2;
	snprintf(buf, sizeof buf, "[ %s ]", d->ok_label);
	screen_put(w, y, bx, b->inner - (bx - b->x0), buf, s->attr[d->ok_focus ? ST_SEL : ST_NORMAL]);
	/* Enter does what has the focus: say which */
	snprintf(buf, sizeof buf, "←/→ kiezen, Enter: %s, Esc: annuleren", d->ok_focus ? d->ok_label : "annuleren");
	box_hint(w, s, b, buf);
}

/* The three answers on row y, the focused one highlighted. */
static void save_draw(const struct dialog *d, const struct screen *s, WINDOW *w, const struct box *b, int y)
{
	static const char *const label[DIALOG_NCHOICES] = { "[ Bewaren ]", "[ Niet bewaren ]", "[ Annuleren ]" };
	int bx = b->x0 + 2;

	screen_put_pad(w, y, bx, b->inner, "", s->attr[ST_NORMAL]);
	for (int i = 0; i < DIALOG_NCHOICES; i++) {
		bx += screen_put(w, y, bx, b->inner - (bx - b->x0 - 2), label[i],
				 s->attr[(int)d->choice == i ? ST_SEL : ST_NORMAL]);
		bx += 2;
	}
	box_hint(w, s, b, "←/→ of b/n/a kiezen, Enter: uitvoeren, Esc: annuleren");
}

void dialog_draw(struct dialog *d, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	struct box b;
	int pr, y, cy = -1, cx = -1;
	char buf[200];

	if (!dialog_active(d))
		return;
	b.width = cols - 6 > 74 ? 74 : cols - 6;
	b.inner = b.width - 4;
	pr = prompt_rows(d->prompt, b.inner);
	if (pr > 6)
		pr = 6;
	if (d->kind == DIALOG_LINE || d->kind == DIALOG_CONFIRM || d->kind == DIALOG_SAVE)
		b.h = 4 + pr + 2;
	else if (d->kind == DIALOG_PICK) /* frame, prompt, filter, the list (a few rows at least), hint */
		b.h = 7 + pr + (d->nitems > 4 ? d->nitems : 4);
	else
		b.h = rows - 2;
	if (d->note[0])
		b.h += 2;
	if (b.h > rows)
		b.h = rows;
	b.y0 = (rows - b.h) / 2;
	b.x0 = (cols - b.width) / 2;
	box_frame(w, s, &b, d->title);
	y = b.y0 + 1;
	if (pr > 0)
		y += screen_wrap(w, y, b.x0 + 2, b.inner, pr, d->prompt, s->attr[ST_NORMAL]);
	y++;
	switch (d->kind) {
	case DIALOG_LINE:
		cx = field_draw(&d->line, w, y, b.x0 + 2, b.inner, s->attr[ST_SEL]);
		cy = y;
		box_hint(w, s, &b, "Enter: verder   Esc: terug");
		break;
	case DIALOG_TEXT:
		text_draw(d, w, y, b.x0 + 2, b.inner, box_rows(d, &b, y), s->attr[ST_FIELD], &cy, &cx);
		if (d->asking) {
			/* the question replaces the last text row and the hint */
			screen_put_pad(w, b.y0 + b.h - 4, b.x0 + 2, b.inner, "De tekst is gewijzigd. Bewaren?",
				       s->attr[ST_HEAD]);
			save_draw(d, s, w, &b, b.y0 + b.h - 3);
			cy = -1;
			break;
		}
		snprintf(buf, sizeof buf, "F2/Ctrl-D: bewaren  Enter: nieuwe regel  Esc: annuleren  %d tekens", d->len);
		box_hint(w, s, &b, buf);
		break;
	case DIALOG_SAVE:
		save_draw(d, s, w, &b, y);
		break;
	case DIALOG_PICK:
		pick_draw(d, s, w, &b, y, &cy, &cx);
		break;
	case DIALOG_CONFIRM:
		confirm_draw(d, s, w, &b, y);
		break;
	case DIALOG_NONE:
		break;
	}
	if (d->note[0])
		screen_wrap(w, b.y0 + b.h - 4, b.x0 + 2, b.inner, 2, d->note, s->attr[ST_ERROR]);
	if (cy >= 0)
		app_cursor(a, cy, cx);
}
