/* kort.c — shortening that keeps texts told apart; see kort.h. */
#include "core/kort.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Bytes and columns of the character at s (at least one byte). */
static size_t char_at(const char *s, int *cols)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*cols = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*cols = w < 0 ? 1 : w;
	return n;
}

int kort_breedte(const char *s)
{
	int total = 0, c;

	while (*s) {
		s += char_at(s, &c);
		total += c;
	}
	return total;
}

/* Bytes that s and t share from the start, on character boundaries. */
static size_t shared(const char *s, const char *t)
{
	size_t i = 0;

	while (s[i] && s[i] == t[i]) {
		int c;
		size_t n = char_at(s + i, &c);

		if (strncmp(s + i, t + i, n))
			break;
		i += n;
	}
	return i;
}

/* Columns of the first n bytes of s. */
static int cols_of(const char *s, size_t n)
{
	int total = 0, c;
	size_t i = 0;

	while (i < n && s[i]) {
		i += char_at(s + i, &c);
		total += c;
	}
	return total;
}

char *kort_onderscheid(const char *s, const char *const *peers, int npeers, int width, char *out, size_t len)
{
	size_t p = 0, slen = strlen(s);

	snprintf(out, len, "%s", s);
	if (width < 4 || kort_breedte(s) <= width)
		return out;
	for (int i = 0; i < npeers; i++) {
		size_t q;

		if (!peers[i] || !strcmp(peers[i], s))
			continue;
		q = shared(s, peers[i]);
		if (q > p)
			p = q;
	}
	/* cut at the end, width - 1 columns and "…" remain: enough when they
	 * already hold the first character that differs */
	if (p == 0 || cols_of(s, p) < width - 1)
		return out;
	/* the peer is s's beginning: s is told apart by its last word */
	if (p >= slen)
		p = slen > 0 ? slen - 1 : 0;
	size_t start = p;
	while (s[start] == ' ' && s[start + 1])
		start++; /* they part at a space: the next word tells them apart */
	while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '>' && s[start - 1] != '/')
		start--;
	const char *tail = s + start;
	int tw = kort_breedte(tail);
	if (tw + 2 <= width) {
		/* a head as wide as is left: "afge…onbekend" */
		int room = width - 1 - tw, c, used = 0;
		size_t hb = 0;

		while (s[hb] && hb < start) {
			size_t n = char_at(s + hb, &c);
			if (used + c > room)
				break;
			used += c;
			hb += n;
		}
		snprintf(out, len, "%.*s…%s", (int)hb, s, tail);
	} else {
		snprintf(out, len, "…%s", tail);
	}
	return out;
}
