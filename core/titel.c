/* titel.c — titles without the pupil's name; see titel.h. */
#include "core/titel.h"

#include <string.h>

/* A byte that belongs to a word: ASCII letters and digits (after folding
 * there are no upper-case letters) and every byte of a non-ASCII character. */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* 1 when folded word w occurs in folded hay with word boundaries around it. */
static int has_word(const char *hay, const char *w, size_t wl)
{
	size_t hl = strlen(hay);

	if (wl == 0 || wl > hl)
		return 0;
	for (size_t i = 0; i + wl <= hl; i++) {
		if (memcmp(hay + i, w, wl) != 0)
			continue;
		if (i > 0 && word_byte((unsigned char)hay[i - 1]))
			continue;
		if (i + wl < hl && word_byte((unsigned char)hay[i + wl]))
			continue;
		return 1;
	}
	return 0;
}

/* Letters in a folded part (bytes of word characters). */
static size_t letters(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += word_byte((unsigned char)s[i]) != 0;
	return k;
}

/* Checks the whole folded part and, when it has several words, each word. */
static int part_in(const char *hay, const char *part)
{
	char f[256];
	size_t n;

	if (!part || !*part)
		return 0;
	n = naam_fold(f, sizeof f, part);
	if (n >= sizeof f)
		n = strlen(f);
	/* trim */
	size_t a = 0, b = n;
	while (a < b && !word_byte((unsigned char)f[a]))
		a++;
	while (b > a && !word_byte((unsigned char)f[b - 1]))
		b--;
	if (b - a >= 2 && has_word(hay, f + a, b - a))
		return 1;
	/* each word of a multi-word or hyphenated name */
	for (size_t i = a; i < b;) {
		size_t j = i;

		while (j < b && word_byte((unsigned char)f[j]))
			j++;
		if (j > i && letters(f + i, j - i) >= 3 && (i != a || j != b) && has_word(hay, f + i, j - i))
			return 1;
		while (j < b && !word_byte((unsigned char)f[j]))
			j++;
		i = j;
	}
	return 0;
}

int titel_bevat_naam(const char *text, const struct naam *n)
{
	char hay[1024];

	if (!text || !n)
		return 0;
	naam_fold(hay, sizeof hay, text);
	return part_in(hay, n->roepnaam) || part_in(hay, n->achternaam);
}

int titel_check(const char *titel, const struct naam *n, struct err *e)
{
	const unsigned char *s = (const unsigned char *)(titel ? titel : "");
	int any = 0;

	for (; *s; s++) {
		if (*s < 0x20 || *s == 0x7f)
			return err_set(e, "De titel mag geen tab of regelovergang bevatten");
		if (*s != ' ')
			any = 1;
	}
	if (!any)
		return err_set(e, "Geef de hulpvraag een titel");
	if (strlen(titel) > TITEL_MAX)
		return err_set(e, "De titel is te lang (hoogstens %d tekens)", TITEL_MAX);
	if (titel_bevat_naam(titel, n))
		return err_set(e, "De titel bevat de naam van de leerling; kies een titel zonder naam");
	return 0;
}
