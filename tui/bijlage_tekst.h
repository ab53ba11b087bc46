/* bijlage_tekst.h — the readable text of a bijlage for the viewer pane.
 *
 * PDFs go through pdftotext (poppler-utils), .docx through docx2txt, .doc
 * (Word 97–2003) through antiword; text is shown as it is.  Which tool is
 * core's decision (bijlage_soort); running it is here, because it executes
 * programs: with an argument vector (no shell), a time limit and a cap on
 * the output.  The bytes reach the tool through a private temporary file
 * (mode 0600, O_EXCL) that is removed afterwards, whatever happens.
 */
#ifndef BALIE_TUI_BIJLAGE_TEKST_H
#define BALIE_TUI_BIJLAGE_TEKST_H

#include <stddef.h>

#include "core/err.h"

#define BIJLAGE_TEKST_TIMEOUT_MS 15000
#define BIJLAGE_TEKST_MAX (8L * 1024 * 1024) /* bytes of text shown at most */

/* The text of data (len bytes, of MIME type mime) as UTF-8 in *out
 * (malloc'ed, NUL-terminated, caller frees; NUL bytes become spaces).
 * *afgekapt is set when the text was cut at BIJLAGE_TEKST_MAX.  0 / -1
 * with a Dutch e (no tool for this type, tool missing, timed out, failed). */
int bijlage_tekst(const unsigned char *data, size_t len, const char *mime, char **out, int *afgekapt,
		  struct err *e);

#endif
