/* csv.h — one field of a CSV line for a Dutch spreadsheet program (UX.md:
 * UTF-8 with BOM, ';' between fields).  A field is quoted when it holds
 * the separator, a quote or a line break (RFC 4180, quotes doubled); a
 * field a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe, so a name typed as
 * "=HYPERLINK(…)" stays text.  Amounts as "8500,00": a number for Dutch
 * Excel, never a thousands dot it would misread.  Pure: no I/O. */
#ifndef BALIE_CSV_H
#define BALIE_CSV_H

#include <stddef.h>
#include <stdint.h>

#define CSV_BOM "\xef\xbb\xbf"

/* Writes s as one field followed by sep (or "\r\n" when last) into out
 * (len bytes, NUL-terminated).  Returns the length it needs without the
 * NUL; when that is >= len the field is cut (the caller's buffer was too
 * small: a larger one gives the whole field). */
size_t csv_veld(const char *s, char sep, int last, char *out, size_t len);

/* cents as "8500,00" (no thousands separator; "-" for a negative). */
const char *csv_bedrag(int64_t cents, char *buf, size_t len);

#endif
