/* csv.c — CSV fields for Dutch spreadsheets; see csv.h. */
#include "core/csv.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* one byte into out when there is room; the count goes on regardless */
static void put(char *out, size_t len, size_t *n, char c)
{
	if (*n + 1 < len)
		out[*n] = c;
	(*n)++;
}

size_t csv_veld(const char *s, char sep, int last, char *out, size_t len)
{
	size_t n = 0;
	char special[5] = { sep, '"', '\r', '\n', '\0' };

	if (!s)
		s = "";
	int quote = strpbrk(s, special) != NULL;
	if (quote)
		put(out, len, &n, '"');
	if (strchr("=+-@\t\r", s[0]) && s[0])
		put(out, len, &n, '\'');
	for (; *s; s++) {
		if (*s == '"')
			put(out, len, &n, '"');
		put(out, len, &n, *s);
	}
	if (quote)
		put(out, len, &n, '"');
	if (last) {
		put(out, len, &n, '\r');
		put(out, len, &n, '\n');
	} else {
		put(out, len, &n, sep);
	}
	if (len)
		out[n < len ? n : len - 1] = '\0';
	return n;
}

const char *csv_bedrag(int64_t cents, char *buf, size_t len)
{
	uint64_t a = cents < 0 ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	snprintf(buf, len, "%s%" PRIu64 ",%02" PRIu64, cents < 0 ? "-" : "", a / 100, a % 100);
	return buf;
}
