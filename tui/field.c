/* field.c — one-line text input; see field.h. */
#include "tui/field.h"


#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/utf8.h"

#include "tui/action.h"

void field_init(struct field *f, int max, unsigned flags)
{
	explicit_bzero(f, sizeof *f);
	f->max = max > 0 && max <= FIELD_MAX ? max : FIELD_MAX;
	f->flags = flags;
}

void field_clear(struct field *f)
{
	explicit_bzero(f->buf, sizeof f->buf);
	f->len = f->cur = f->off = 0;
}

static int chw(const struct field *f, wchar_t c)
{
	int w;

	if (f->flags & FIELD_MASKED)
		return 1;
	w = wcwidth(c);
	return w < 0 ? 1 : w;
}

static void insert(struct field *f, wchar_t c)
{
	if (f->len >= f->max)
		return;
	memmove(f->buf + f->cur + 1, f->buf + f->cur, (size_t)(f->len - f->cur) * sizeof(wchar_t));
	f->buf[f->cur++] = c;
	f->len++;
}

static void cut(struct field *f, int from, int to)
{
	if (from >= to)
		return;
	memmove(f->buf + from, f->buf + to, (size_t)(f->len - to) * sizeof(wchar_t));
	f->len -= to - from;
	explicit_bzero(f->buf + f->len, (size_t)(FIELD_MAX + 1 - f->len) * sizeof(wchar_t));
	if (f->cur > to)
		f->cur -= to - from;
	else if (f->cur > from)
		f->cur = from;
}

int field_is_text_key(int key)
{
	return key < TK_FN && key >= ' ' && key != 127 && iswprint((wint_t)key) && !utf8_cp_unsafe((uint32_t)key);
}

int field_key(struct field *f, int key)
{
	switch (key) {
	case TK(KEY_LEFT):
		if (f->cur > 0)
			f->cur--;
		return 1;
	case TK(KEY_RIGHT):
		if (f->cur < f->len)
			f->cur++;
		return 1;
	case TK(KEY_HOME):
	case TK_CTRL('a'):
		f->cur = 0;
		return 1;
	case TK(KEY_END):
	case TK_CTRL('e'):
		f->cur = f->len;
		return 1;
	case TK_BACKSPACE:
		cut(f, f->cur - 1 < 0 ? 0 : f->cur - 1, f->cur);
		return 1;
	case TK(KEY_DC):
		cut(f, f->cur, f->cur < f->len ? f->cur + 1 : f->cur);
		return 1;
	case TK_CTRL('u'):
		cut(f, 0, f->cur);
		return 1;
	case TK_CTRL('k'):
		cut(f, f->cur, f->len);
		return 1;
	}
	if (!field_is_text_key(key))
		return 0;
	if ((f->flags & FIELD_DIGITS) && !(key >= '0' && key <= '9'))
		return 1; /* eaten: a letter in a code field is a typo, not a command */
	insert(f, (wchar_t)key);
	return 1;
}

int field_draw(struct field *f, WINDOW *w, int y, int x, int width, attr_t a)
{
	int used = 0, cx = x;

	if (width < 1)
		return x;
	/* scroll so that the cursor (and one free cell after it) is visible */
	if (f->cur < f->off)
		f->off = f->cur;
	for (;;) {
		int cols = 0;

		for (int i = f->off; i < f->cur; i++)
			cols += chw(f, f->buf[i]);
		if (cols < width || f->off >= f->cur)
			break;
		f->off++;
	}
	wattrset(w, a);
	mvwhline(w, y, x, ' ', width);
	for (int i = f->off; i <= f->len; i++) {
		if (i == f->cur)
			cx = x + used;
		if (i == f->len)
			break;
		int cwid = chw(f, f->buf[i]);

		if (used + cwid > width)
			break;
		if (f->flags & FIELD_MASKED)
			mvwaddnwstr(w, y, x + used, L"•", 1);
		else {
			wchar_t c = iswprint((wint_t)f->buf[i]) && !utf8_cp_unsafe((uint32_t)f->buf[i]) ? f->buf[i] : L'?';

			mvwaddnwstr(w, y, x + used, &c, 1);
		}
		used += cwid;
	}
	wattrset(w, A_NORMAL);
	return cx < x + width ? cx : x + width - 1;
}

/* out (len bytes) in NFC; unchanged when that does not fit. */
static int nfc_in_place(char *out, size_t len)
{
	char *tmp = malloc(len);

	if (tmp && utf8_nfc(out, tmp, len) == 0)
		memcpy(out, tmp, strlen(tmp) + 1);
	free(tmp);
	return 0;
}

int field_utf8(const struct field *f, char *out, size_t len)
{
	mbstate_t st;
	size_t o = 0;

	memset(&st, 0, sizeof st);
	for (int i = 0; i < f->len; i++) {
		char mb[MB_LEN_MAX];
		size_t r = wcrtomb(mb, f->buf[i], &st);

		if (r == (size_t)-1)
			continue;
		if (o + r + 1 > len) {
			explicit_bzero(mb, sizeof mb);
			explicit_bzero(out, len);
			return -1;
		}
		memcpy(out + o, mb, r);
		explicit_bzero(mb, sizeof mb);
		o += r;
	}
	if (len > 0)
		out[o] = '\0';
	/* typed text in NFC (core/utf8.h), passwords as typed: their hashes
	 * were made from what `balie admin user` read, byte for byte */
	if (!(f->flags & FIELD_MASKED) && o > 0)
		return nfc_in_place(out, len);
	return 0;
}

void field_set(struct field *f, const char *utf8)
{
	mbstate_t st;
	size_t n = strlen(utf8);

	field_clear(f);
	memset(&st, 0, sizeof st);
	while (n > 0 && f->len < f->max) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, utf8, n, &st);

		if (r == 0 || r == (size_t)-1 || r == (size_t)-2)
			break;
		f->buf[f->len++] = wc;
		utf8 += r;
		n -= r;
	}
	f->cur = f->len;
}
