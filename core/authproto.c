/* authproto.c — see authproto.h. */
#include "core/authproto.h"

#include <string.h>

int authproto_encode(char *out, size_t len, int n, const char *const *fields)
{
	size_t at = 0;

	if (n < 1 || n > AUTHPROTO_MAX_FIELDS || len == 0)
		return -1;
	for (int i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";
		size_t fl = strlen(f);

		if (strpbrk(f, "\t\r\n"))
			return -1;
		if (at + fl + 2 > len || at + fl + 1 > AUTHPROTO_MAX_LINE)
			return -1;
		memcpy(out + at, f, fl);
		at += fl;
		out[at++] = i + 1 < n ? '\t' : '\n';
	}
	out[at] = '\0';
	return (int)at;
}

int authproto_decode(char *line, size_t len, char **fields, int max)
{
	int n = 0;

	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len == 0 || len >= AUTHPROTO_MAX_LINE || memchr(line, '\0', len) || memchr(line, '\r', len) ||
	    memchr(line, '\n', len))
		return -1;
	line[len] = '\0';
	for (char *p = line;; n++) {
		char *tab = strchr(p, '\t');

		if (n >= max)
			return -1;
		fields[n] = p;
		if (!tab)
			return n + 1;
		*tab = '\0';
		p = tab + 1;
	}
}
