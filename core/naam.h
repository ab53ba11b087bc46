/* naam.h — Dutch personal names: display forms, a sort key and splitting a
 * typed surname into tussenvoegsel and achternaam.
 *
 * A leerling's name has three parts (seed 000 stap 3): roepnaam,
 * tussenvoegsel (the Dutch particles "van der", "de", "ten", …, lower case)
 * and achternaam.  Particles of other languages stay in the achternaam:
 * "El-Makrini", "Fortes Monteiro".  All text is UTF-8.  Nothing allocates;
 * the format functions behave like snprintf (always NUL-terminate when
 * len > 0, return the length the full text needs) but never cut a UTF-8
 * character in half.
 */
#ifndef BALIE_NAAM_H
#define BALIE_NAAM_H

#include <stddef.h>

#include "core/err.h"

/* Borrowed pointers; NULL or "" for an absent part. */
struct naam {
	const char *roepnaam;
	const char *tussenvoegsel;
	const char *achternaam;
};

/* "Berg, Jan van der": achternaam, comma, roepnaam and tussenvoegsel, for
 * lists sorted by surname.  Absent parts are left out with their separator
 * ("Berg", "Berg, van der"). */
size_t naam_format_sorted(char *buf, size_t len, const struct naam *n);

/* "Jan van der Berg": the name as spoken. */
size_t naam_format_full(char *buf, size_t len, const struct naam *n);

/* Folds s for comparison: ASCII upper case to lower case, the letters of
 * Latin-1 Supplement and Latin Extended-A to their base letters ("Ösün" →
 * "osun", "Çelik" → "celik", "ß" → "ss", "Æ" → "ae", "Ĳ" → "ij"); other
 * characters are copied unchanged.  Returns the length the folded text
 * needs (snprintf style). */
size_t naam_fold(char *buf, size_t len, const char *s);

/* A key whose byte order (strcmp) sorts names by folded achternaam, then
 * roepnaam, then tussenvoegsel: "van der Berg" sorts under B, "Ösün" with
 * O.  Parts are separated by a byte below every letter, so "Berg" sorts
 * before "Bergen".  Returns the length needed (snprintf style); a key
 * truncated by a small buffer still sorts by the part that fits. */
size_t naam_sortkey(char *buf, size_t len, const struct naam *n);

/* strcmp of the two sort keys (<0, 0, >0). */
int naam_cmp(const struct naam *a, const struct naam *b);

/* Splits a surname as typed ("van der Berg", "De Vries", "El-Makrini")
 * into a Dutch tussenvoegsel (lower case, from a fixed list: van, van der,
 * van den, van de, de, der, den, het, 't, ter, ten, te, in 't, op de, uit
 * den, …) and the rest, with spaces trimmed and collapsed.  The longest
 * particle that is followed by more name wins; with no particle
 * tussenvoegsel is "".  tussen and achter get tlen / alen bytes.  Errors:
 * empty input, a buffer too small. 0 / -1. */
int naam_split(const char *surname, char *tussen, size_t tlen, char *achter,
	       size_t alen, struct err *e);

#endif
