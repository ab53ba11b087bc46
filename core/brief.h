/* brief.h — a beschikking letter: a groff (-ms) template from the
 * organisation's profile with {{veld}} placeholders, filled with values
 * escaped for the typesetter, made into PDF by groff (Debian's groff,
 * gropdf) through spawn.
 *
 * Everything a person typed reaches groff as text, never as a request: a
 * backslash is printed as a backslash, a line that starts with "." or "'"
 * is printed as it is, control characters are dropped.
 */
#ifndef BALIE_BRIEF_H
#define BALIE_BRIEF_H

#include <stddef.h>

#include "core/err.h"

struct brief_veld {
	const char *naam;   /* "nummer": {{nummer}} in the template */
	const char *waarde; /* as typed (UTF-8); NULL: "" */
};

/* s escaped for groff: malloc'ed (caller frees), NULL when out of memory. */
char *brief_escape(const char *s);

/* The template tpl with every {{naam}} replaced by its escaped value.  An
 * unknown or unclosed placeholder: -1 with e ("regel 12: onbekend veld
 * {{x}}").  *out malloc'ed. */
int brief_render(const char *tpl, const struct brief_veld *v, size_t n, char **out, struct err *e);

/* Reads the template file at path (at most 64 KiB).  *out malloc'ed. */
int brief_template_read(const char *path, char **out, struct err *e);

/* The PDF of troff source src (groff -k -t -ms -Tpdf, 20 s, 256 MiB, output at
 * most 8 MiB).  *pdf malloc'ed, *len its length.  0 / -1 with e (Dutch). */
int brief_pdf(const char *src, unsigned char **pdf, size_t *len, struct err *e);

#endif
