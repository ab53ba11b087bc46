/* naam.c — Dutch names: display forms, sort key, tussenvoegsel split;
 * see naam.h. */
#include "core/naam.h"
#include "core/utf8.h"

#include <stdint.h>
#include <string.h>

/* An snprintf-like sink: counts what the text needs, writes what fits. */
struct sink {
	char *buf;
	size_t len;
	size_t need;
};

static void sink_put(struct sink *s, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++, s->need++)
		if (s->len && s->need < s->len - 1)
			s->buf[s->need] = p[i];
}

static void sink_str(struct sink *s, const char *p)
{
	sink_put(s, p, strlen(p));
}

/* NUL-terminates; when cut short, drops a trailing partial UTF-8 char. */
static size_t sink_end(struct sink *s)
{
	size_t end;

	if (!s->len)
		return s->need;
	if (s->need < s->len) {
		s->buf[s->need] = '\0';
		return s->need;
	}
	end = s->len - 1;
	if (end > 0) {
		size_t i = end, back = 0;

		/* Walk back over continuation bytes to the lead byte. */
		while (i > 0 && back < 4 && ((unsigned char)s->buf[i - 1] & 0xC0) == 0x80) {
			i--;
			back++;
		}
		if (i > 0 && (unsigned char)s->buf[i - 1] >= 0xC0) {
			unsigned char lead = (unsigned char)s->buf[i - 1];
			size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

			if (back + 1 < want)
				end = i - 1;
		}
	}
	s->buf[end] = '\0';
	return s->need;
}

static int present(const char *p)
{
	return p && p[0];
}

size_t naam_format_sorted(char *buf, size_t len, const struct naam *n)
{
	struct sink s = { buf, len, 0 };
	int rest = present(n->roepnaam) || present(n->tussenvoegsel);

	if (present(n->achternaam)) {
		sink_str(&s, n->achternaam);
		if (rest)
			sink_str(&s, ", ");
	}
	if (present(n->roepnaam)) {
		sink_str(&s, n->roepnaam);
		if (present(n->tussenvoegsel))
			sink_str(&s, " ");
	}
	if (present(n->tussenvoegsel))
		sink_str(&s, n->tussenvoegsel);
	return sink_end(&s);
}

size_t naam_format_full(char *buf, size_t len, const struct naam *n)
{
	struct sink s = { buf, len, 0 };
	const char *parts[3] = { n->roepnaam, n->tussenvoegsel, n->achternaam };
	int i, any = 0;

	for (i = 0; i < 3; i++) {
		if (!present(parts[i]))
			continue;
		if (any)
			sink_str(&s, " ");
		sink_str(&s, parts[i]);
		any = 1;
	}
	return sink_end(&s);
}

/* Base letters of U+00C0..U+00FF; '?' marks a special (two letters, or a
 * sign that is not a letter). */
static const char latin1[65] =
	"aaaaaa?ceeeeiiiidnooooo?ouuuuy??"  /* U+00C0..U+00DF */
	"aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"; /* U+00E0..U+00FF */

/* Base letters of U+0100..U+017F; '?' marks Ĳ ĳ Œ œ. */
static const char latin_ext_a[129] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	"??" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "??" "rrrrrr"
	"ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

/* The fold of code point cp, or NULL when it folds to itself. */
static const char *fold_cp(unsigned cp, char one[2])
{
	char c = '?';

	if (cp >= 0xC0 && cp <= 0xFF) {
		c = latin1[cp - 0xC0];
		if (c == '?') {
			switch (cp) {
			case 0xC6: case 0xE6: return "ae";
			case 0xDE: case 0xFE: return "th";
			case 0xDF: return "ss";
			default: return NULL; /* × ÷ */
			}
		}
	} else if (cp >= 0x100 && cp <= 0x17F) {
		c = latin_ext_a[cp - 0x100];
		if (c == '?')
			return cp <= 0x133 ? "ij" : "oe";
	} else {
		return NULL;
	}
	one[0] = c;
	one[1] = '\0';
	return one;
}

/* Decodes one UTF-8 sequence at p (n bytes left): its code point and
 * length, or length 1 and cp 0xFFFFFFFF for a byte that is not valid UTF-8. */
static size_t utf8_next(const unsigned char *p, size_t n, unsigned *cp)
{
	uint32_t v;
	size_t len = utf8_decode(p, n, &v);
	if (len == 0) {
		*cp = 0xFFFFFFFFu;
		return 1;
	}
	*cp = v;
	return len;
}

static void fold_into(struct sink *s, const char *str)
{
	const unsigned char *p = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)p);

	while (n > 0) {
		unsigned cp;
		size_t k = utf8_next(p, n, &cp);
		char one[2];
		const char *f;

		if (cp < 0x80) {
			char c = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
			sink_put(s, &c, 1);
		} else if ((f = fold_cp(cp, one)) != NULL) {
			sink_str(s, f);
		} else {
			sink_put(s, (const char *)p, k);
		}
		p += k;
		n -= k;
	}
}

size_t naam_fold(char *buf, size_t len, const char *str)
{
	struct sink s = { buf, len, 0 };

	fold_into(&s, str);
	return sink_end(&s);
}

size_t naam_sortkey(char *buf, size_t len, const struct naam *n)
{
	struct sink s = { buf, len, 0 };

	fold_into(&s, n->achternaam);
	sink_put(&s, "\x01", 1);
	fold_into(&s, n->roepnaam);
	sink_put(&s, "\x01", 1);
	fold_into(&s, n->tussenvoegsel);
	return sink_end(&s);
}

int naam_cmp(const struct naam *a, const struct naam *b)
{
	char ka[512], kb[512];

	naam_sortkey(ka, sizeof ka, a);
	naam_sortkey(kb, sizeof kb, b);
	return strcmp(ka, kb);
}

/* Dutch tussenvoegsels (the common ones of the GBA voorvoegseltabel, Dutch
 * only: foreign particles stay in the surname). */
static const char *const particles[] = {
	"van", "van de", "van der", "van den", "van het", "van 't", "van ter",
	"van ten", "van te",
	"de", "der", "den", "het", "'t", "ter", "ten", "te",
	"in 't", "in het", "in de", "in den", "in der",
	"op de", "op den", "op der", "op het", "op 't", "op ten", "op te",
	"uit de", "uit den", "uit het", "uit 't", "uit te",
	"aan de", "aan den", "aan der", "aan het", "aan 't",
	"bij de", "bij den", "bij het", "bij 't",
	"onder de", "onder den", "onder het", "onder 't",
	"over de", "over den", "over het", "over 't",
	"voor de", "voor den", "voor het", "voor 't", "voor in 't",
	"achter de", "achter den", "achter het",
	NULL
};

/* Words that, right after a would-be Dutch particle, show the name is of
 * another language ("De la Cruz", "de los Santos"): keep it whole. */
static const char *const foreign_next[] = {
	"la", "le", "les", "los", "las", "del", "della", "da", "das", "do",
	"dos", "di", "du", "des", "y", NULL
};

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 when s starts with word w (case-insensitively) followed by ' ' or end. */
static int starts_word(const char *s, const char *w)
{
	size_t i;

	for (i = 0; w[i]; i++)
		if (ascii_lower((unsigned char)s[i]) != w[i])
			return 0;
	return s[i] == ' ' || s[i] == '\0';
}

int naam_split(const char *surname, char *tussen, size_t tlen, char *achter,
	       size_t alen, struct err *e)
{
	char norm[512];
	const char *p = surname ? surname : "", *best = NULL, *rest;
	size_t j = 0, i, blen = 0;

	/* Trim and collapse white space; the typographic apostrophe of
	 * "’t" becomes the plain one. */
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (j > 0 && norm[j - 1] != ' ')
				norm[j++] = ' ';
			p++;
		} else if (strncmp(p, "\xe2\x80\x99", 3) == 0) {
			norm[j++] = '\'';
			p += 3;
		} else {
			norm[j++] = *p++;
		}
		if (j >= sizeof norm - 1)
			return err_set(e, "Achternaam is te lang");
	}
	if (j > 0 && norm[j - 1] == ' ')
		j--;
	norm[j] = '\0';
	if (j == 0)
		return err_set(e, "Achternaam is leeg");
	for (i = 0; particles[i]; i++) {
		size_t n = strlen(particles[i]);

		if (n > blen && starts_word(norm, particles[i]) && norm[n] == ' ') {
			best = particles[i];
			blen = n;
		}
	}
	rest = norm;
	if (best) {
		rest = norm + blen + 1;
		for (i = 0; foreign_next[i]; i++) {
			if (starts_word(rest, foreign_next[i])) {
				best = NULL;
				rest = norm;
				break;
			}
		}
	}
	if ((best && strlen(best) >= tlen) || (!best && tlen == 0) || strlen(rest) >= alen)
		return err_set(e, "Naam past niet (te lang)");
	memcpy(tussen, best ? best : "", best ? strlen(best) + 1 : 1);
	memcpy(achter, rest, strlen(rest) + 1);
	return 0;
}
