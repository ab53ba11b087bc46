/* bijlage_tekst.h — the readable text of a bijlage for the viewer pane.
 *
 * PDFs go through pdftotext (poppler-utils), .docx through docx2txt, .doc
 * (Word 97–2003) through antiword; text is shown as it is.  Which tool is
 * core's decision (bijlage_soort); running it is here, through core/spawn:
 * an argument vector (no shell), only PATH, HOME, LANG, LC_*, TZ and TMPDIR
 * in its environment, and limits, because the file is untrusted (anyone
 * who can send the SWV a document can make it a bomb): a wall clock, CPU
 * seconds, address space and a cap on the output.  The bytes reach the tool
 * through a private temporary file (mode 0600, O_EXCL) that is removed
 * afterwards, whatever happens.
 */
#ifndef BALIE_TUI_BIJLAGE_TEKST_H
#define BALIE_TUI_BIJLAGE_TEKST_H

#include <stddef.h>

#include "core/err.h"

#define BIJLAGE_TEKST_MAX (8L * 1024 * 1024) /* bytes of text shown at most */

/* What one conversion may use. */
struct bijlage_grenzen {
	int timeout_ms;      /* wall clock */
	long cpu_s;          /* CPU seconds */
	long long mem_bytes; /* address space */
	size_t max;          /* bytes of text; beyond it the text is cut (afgekapt) */
};

/* The viewer's: 20 s, 10 s CPU, 512 MiB, BIJLAGE_TEKST_MAX. */
extern const struct bijlage_grenzen bijlage_tekst_grenzen;

/* The text of data (len bytes, of MIME type mime) as UTF-8 in *out
 * (malloc'ed, NUL-terminated, caller frees; NUL bytes become spaces).
 * *afgekapt is set when the text was cut at BIJLAGE_TEKST_MAX.  0 / -1
 * with a Dutch e (no tool for this type, tool missing, a limit stopped it —
 * "Het document kon niet worden omgezet: het omzetten duurde te lang (meer
 * dan 20 s) en is gestopt; …" —, failed). */
int bijlage_tekst(const unsigned char *data, size_t len, const char *mime, char **out, int *afgekapt,
		  struct err *e);

/* The same under other limits (tests: a hostile file stopped in 1 s). */
int bijlage_tekst_met(const unsigned char *data, size_t len, const char *mime, const struct bijlage_grenzen *g,
		      char **out, int *afgekapt, struct err *e);

/* Runs one converter, argv (argv[0] looked up in PATH; the file already
 * among the arguments), under g: its stdout in *out (n bytes), as above.
 * Exposed so tests can put a fake converter in its place. */
int bijlage_tekst_omzetten(char *const argv[], const struct bijlage_grenzen *g, char **out, size_t *n,
			   int *afgekapt, struct err *e);

#endif
