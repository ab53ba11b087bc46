/* qr.h — a QR code as lines of text for a terminal (Debian's libqrencode
 * makes the code; this draws it).
 *
 * Two modules per character cell, one above the other, with the half
 * blocks ▀ ▄ █: a version-5 code (the otpauth:// URI of a TOTP secret with
 * a long issuer) is 39 cells wide and 20 lines high with its quiet zone,
 * which fits between the bars of an 80x24 terminal.  Light modules are drawn as blocks, dark
 * ones as the terminal's background, so on a dark terminal the code looks
 * as on paper (as `qrencode -t ansiutf8` does); authenticator apps read
 * either.  Pure: no curses.
 */
#ifndef BALIE_QR_H
#define BALIE_QR_H

#include <stddef.h>

#include "core/err.h"

#define QR_QUIET 1 /* modules of light border; 4 by the standard, 1 on a screen */

struct qr_text {
	int width;    /* cells per line */
	int lines;    /* number of lines */
	char **line;  /* lines UTF-8, NUL-terminated */
};

/* Encodes text (byte mode, error correction level L) and draws it.  0, or
 * -1 with e set ("te lang voor een QR-code", no memory). */
int qr_text_make(const char *text, struct qr_text *out, struct err *e);

void qr_text_free(struct qr_text *q);

#endif
