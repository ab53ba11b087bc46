/* utf8.c — strict UTF-8 decoding and encoding; see utf8.h. */
#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t v;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		v = s[0];
		len = 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		v = s[0] & 0x1f;
		len = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		v = s[0] & 0x0f;
		len = 3;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		v = s[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10ffff)) || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	if (cp)
		*cp = v;
	return len;
}

size_t utf8_encode(uint32_t cp, char out[5])
{
	size_t n = 0;
	if (cp < 0x80) {
		out[n++] = (char)cp;
	} else if (cp < 0x800) {
		out[n++] = (char)(0xc0 | (cp >> 6));
		out[n++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000 && !(cp >= 0xd800 && cp <= 0xdfff)) {
		out[n++] = (char)(0xe0 | (cp >> 12));
		out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[n++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp >= 0x10000 && cp <= 0x10ffff) {
		out[n++] = (char)(0xf0 | (cp >> 18));
		out[n++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[n++] = (char)(0x80 | (cp & 0x3f));
	}
	out[n] = '\0';
	return n;
}

size_t utf8_length(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), count = 0;
	while (left > 0) {
		size_t k = utf8_decode(p, left, NULL);
		if (k == 0)
			return (size_t)-1;
		p += k;
		left -= k;
		count++;
	}
	return count;
}

int utf8_nfc(const char *s, char *out, size_t len)
{
	size_t n = strlen(s), got = len > 0 ? len - 1 : 0;
	uint8_t *r;

	if (len == 0)
		return -1;
	out[0] = '\0';
	/* ASCII is NFC already: most of what is typed never touches
	 * libunistring's tables (their pages would count in the session's
	 * memory) */
	size_t i = 0;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n) {
		if (n + 1 > len)
			return -1;
		memcpy(out, s, n + 1);
		return 0;
	}
	if (utf8_length(s) == (size_t)-1)
		return -1;
	/* into out when it fits (got is its room), else a malloc'ed result */
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, (uint8_t *)out, &got);
	if (!r)
		return -1;
	if (r != (uint8_t *)out) {
		free(r);
		out[0] = '\0';
		return -1;
	}
	out[got] = '\0';
	return 0;
}

int utf8_cp_unsafe(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return 0;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 1;
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int utf8_has_unsafe(const char *s, int allow_newline)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s);

	while (left > 0) {
		uint32_t cp;
		size_t k = utf8_decode(p, left, &cp);

		if (k == 0)
			return 1;
		if (utf8_cp_unsafe(cp) || (cp == '\n' && !allow_newline))
			return 1;
		p += k;
		left -= k;
	}
	return 0;
}

size_t utf8_terminal_safe(const char *in, size_t n, unsigned char pending[4], size_t *npending, char *out)
{
	unsigned char buf[4 + 4096];
	size_t o = 0;

	while (n > 0 || *npending > 0) {
		/* the pending bytes of a split sequence first, then the input */
		size_t take = n < sizeof buf - *npending ? n : sizeof buf - *npending;
		size_t have = *npending + take, i = 0;

		memcpy(buf, pending, *npending);
		memcpy(buf + *npending, in, take);
		in += take;
		n -= take;
		*npending = 0;
		while (i < have) {
			uint32_t cp;
			size_t k = utf8_decode(buf + i, have - i, &cp);

			if (k == 0) {
				/* a sequence cut by the end of what is here: wait for
				 * the rest (the next chunk, or the next write) */
				size_t need = buf[i] >= 0xF0 ? 4 : buf[i] >= 0xE0 ? 3 : buf[i] >= 0xC2 ? 2 : 1;

				if (need > 1 && buf[i] < 0xF5 && have - i < need) {
					*npending = have - i;
					memcpy(pending, buf + i, *npending);
					break;
				}
				memcpy(out + o, "\xEF\xBF\xBD", 3);
				o += 3;
				i++;
				continue;
			}
			if (utf8_cp_unsafe(cp)) {
				memcpy(out + o, "\xEF\xBF\xBD", 3);
				o += 3;
			} else {
				memcpy(out + o, buf + i, k);
				o += k;
			}
			i += k;
		}
		if (n == 0)
			break;
	}
	return o;
}

