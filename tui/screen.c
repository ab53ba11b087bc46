/* screen.c — windows, attributes and width-aware drawing; see screen.h. */
#include "tui/screen.h"

#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Longest text drawn in one call; longer text is cut (nothing on a screen
 * line is ever this wide). */
#define SCREEN_MAX_WCS 1024

enum { PAIR_ERROR = 1, PAIR_OK, PAIR_TITLE, PAIR_BANNER };

void screen_init(struct screen *s)
{
	const char *nc = getenv("NO_COLOR");

	/* NO_COLOR (no-color.org): present and not empty means no colour. */
	s->color = has_colors() && !(nc && *nc);
	for (int i = 0; i < ST_COUNT; i++)
		s->attr[i] = A_NORMAL;
	s->attr[ST_TITLE] = A_BOLD | A_REVERSE;
	s->attr[ST_HEAD] = A_BOLD;
	s->attr[ST_BAR] = A_REVERSE;
	s->attr[ST_BAR_KEY] = A_BOLD;
	s->attr[ST_SEL] = A_REVERSE;
	s->attr[ST_FIELD] = A_UNDERLINE;
	s->attr[ST_DIM] = A_DIM;
	s->attr[ST_ERROR] = A_BOLD;
	/* reverse video without colour: the text itself says what is wrong */
	s->attr[ST_BANNER] = A_BOLD | A_REVERSE;
	if (s->color && start_color() == OK) {
		use_default_colors();
		init_pair(PAIR_ERROR, COLOR_RED, -1);
		init_pair(PAIR_OK, COLOR_GREEN, -1);
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_BANNER, COLOR_WHITE, COLOR_RED);
		s->attr[ST_BANNER] = A_BOLD | COLOR_PAIR(PAIR_BANNER);
		s->attr[ST_TITLE] = A_BOLD | COLOR_PAIR(PAIR_TITLE);
		s->attr[ST_ERROR] = A_BOLD | COLOR_PAIR(PAIR_ERROR);
		s->attr[ST_OK] = COLOR_PAIR(PAIR_OK);
	} else {
		s->color = 0;
	}
}

static void del(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

void screen_free(struct screen *s)
{
	del(&s->title);
	del(&s->body);
	del(&s->msg);
	del(&s->status);
	del(&s->keys);
}

void screen_layout(struct screen *s)
{
	screen_free(s);
	s->rows = LINES;
	s->cols = COLS;
	s->too_small = s->rows < SCREEN_MIN_ROWS || s->cols < SCREEN_MIN_COLS;
	if (s->too_small)
		return;
	s->title = newwin(1, s->cols, 0, 0);
	s->body = newwin(s->rows - 4, s->cols, 1, 0);
	s->msg = newwin(1, s->cols, s->rows - 3, 0);
	s->status = newwin(1, s->cols, s->rows - 2, 0);
	s->keys = newwin(1, s->cols, s->rows - 1, 0);
	if (!s->title || !s->body || !s->msg || !s->status || !s->keys) {
		/* out of memory: behave as too small rather than crash */
		screen_free(s);
		s->too_small = 1;
		return;
	}
	wbkgdset(s->title, ' ' | s->attr[ST_TITLE]);
	wbkgdset(s->status, ' ' | s->attr[ST_BAR]);
}

/* UTF-8 → wide characters; invalid bytes become U+FFFD. */
static int decode(const char *s, wchar_t *out, int max)
{
	mbstate_t st;
	int n = 0;
	size_t len = strlen(s);

	memset(&st, 0, sizeof st);
	while (len > 0 && n < max) {
		wchar_t wc;
		size_t r;

		/* ASCII is most of every screen: mbrtowc goes through glibc's
		 * gconv for each byte, which was a third of a paint */
		if ((unsigned char)*s < 0x80 && *s) {
			out[n++] = (unsigned char)*s++;
			len--;
			continue;
		}
		r = mbrtowc(&wc, s, len, &st);

		if (r == 0)
			break;
		if (r == (size_t)-1 || r == (size_t)-2) {
			wc = 0xFFFD;
			r = 1;
			memset(&st, 0, sizeof st);
		}
		out[n++] = wc;
		s += r;
		len -= r;
	}
	return n;
}

/* Width of one character as drawn: control characters and the bidi
 * overrides (which wcwidth calls zero-width and would pass to the terminal,
 * turning "fdp.exe" round) are shown as U+FFFD. */
static int cw(wchar_t *c)
{
	int w;

	if (*c >= 0x20 && *c < 0x7f)
		return 1; /* printable ASCII: no wcwidth call */
	if (*c == '\t' || *c == '\n' || *c == '\r')
		*c = ' ';
	if (utf8_cp_unsafe((uint32_t)*c)) {
		*c = 0xFFFD;
		return 1;
	}
	w = wcwidth(*c);
	if (w < 0) {
		*c = 0xFFFD;
		w = 1;
	}
	return w;
}

int screen_width(const char *utf8)
{
	wchar_t buf[SCREEN_MAX_WCS];
	int n = decode(utf8 ? utf8 : "", buf, SCREEN_MAX_WCS);
	int w = 0;

	for (int i = 0; i < n; i++)
		w += cw(&buf[i]);
	return w;
}

/* Clips width to what is left of the window on row y; -1 if nothing. */
static int clip(WINDOW *w, int y, int x, int width)
{
	int my, mx;

	if (!w || y < 0 || x < 0)
		return -1;
	getmaxyx(w, my, mx);
	if (y >= my || x >= mx)
		return -1;
	if (width > mx - x)
		width = mx - x;
	return width > 0 ? width : -1;
}

static int put_wcs(WINDOW *w, int y, int x, int width, wchar_t *wcs, int n, attr_t a)
{
	int total = 0, used = 0, k = 0;

	width = clip(w, y, x, width);
	if (width < 0)
		return 0;
	for (int i = 0; i < n; i++)
		total += cw(&wcs[i]);
	if (total <= width) {
		k = n;
		used = total;
	} else {
		/* keep room for the ellipsis */
		while (k < n) {
			int cwk = cw(&wcs[k]);

			if (used + cwk > width - 1)
				break;
			used += cwk;
			k++;
		}
		/* combining marks stay with their base character */
		while (k < n && cw(&wcs[k]) == 0)
			k++;
	}
	wattrset(w, a);
	if (k > 0)
		mvwaddnwstr(w, y, x, wcs, k);
	if (k < n) {
		mvwaddnwstr(w, y, x + used, L"…", 1);
		used++;
	}
	wattrset(w, A_NORMAL);
	return used;
}

int screen_put(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a)
{
	wchar_t buf[SCREEN_MAX_WCS];
	int n = decode(utf8 ? utf8 : "", buf, SCREEN_MAX_WCS);

	return put_wcs(w, y, x, width, buf, n, a);
}

int screen_put_pad(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a)
{
	int used = screen_put(w, y, x, width, utf8, a);
	int left = clip(w, y, x + used, width - used);

	if (left > 0) {
		wattrset(w, a);
		mvwhline(w, y, x + used, ' ', left);
		wattrset(w, A_NORMAL);
	}
	return width;
}

int screen_put_right(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a)
{
	int sw = screen_width(utf8);

	if (sw < width)
		x += width - sw;
	return screen_put(w, y, x, sw < width ? sw : width, utf8, a);
}

int screen_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *utf8, attr_t a)
{
	wchar_t buf[SCREEN_MAX_WCS];
	int n = decode(utf8 ? utf8 : "", buf, SCREEN_MAX_WCS);
	int i = 0, row = 0;

	if (width <= 0)
		return 0;
	while (i < n && row < maxrows) {
		int used = 0, j = i, brk = -1;

		while (j < n && buf[j] != '\n') {
			int c = cw(&buf[j]);

			if (used + c > width)
				break;
			if (buf[j] == ' ')
				brk = j;
			used += c;
			j++;
		}
		if (j < n && buf[j] != '\n' && brk > i)
			j = brk; /* break at the last space that fits */
		if (j == i && j < n && buf[j] != '\n')
			j = i + 1; /* a character wider than width: show it cut, go on */
		if (row == maxrows - 1 && j < n)
			put_wcs(w, y + row, x, width, buf + i, n - i, a); /* last row: "…" */
		else
			put_wcs(w, y + row, x, width, buf + i, j - i, a);
		row++;
		i = j;
		if (i < n && buf[i] == '\n')
			i++;
		while (i < n && buf[i] == ' ')
			i++;
	}
	return row;
}

void screen_rule(WINDOW *w, int y, int x, int width, attr_t a)
{
	width = clip(w, y, x, width);
	if (width < 0)
		return;
	wattrset(w, a);
	mvwhline_set(w, y, x, WACS_HLINE, width);
	wattrset(w, A_NORMAL);
}

void screen_too_small(struct screen *s)
{
	char now[64];
	const char *line = "Venster te klein (minimaal 80×24)";
	int rows = LINES, cols = COLS;
	int y = rows / 2 - (rows > 2 ? 1 : 0);
	int lw = screen_width(line);

	werase(stdscr);
	snprintf(now, sizeof now, "nu %d×%d", cols, rows);
	screen_put(stdscr, y, lw < cols ? (cols - lw) / 2 : 0, cols, line, A_BOLD);
	if (rows > 2) {
		int nw = screen_width(now);

		screen_put(stdscr, y + 1, nw < cols ? (cols - nw) / 2 : 0, cols, now, A_NORMAL);
	}
	(void)s;
}
