/* qr.c — see qr.h. */
#include "core/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

/* Is module (x, y) dark?  Outside the symbol (the quiet zone) it is light. */
static int dark(const QRcode *c, int x, int y)
{
	x -= QR_QUIET;
	y -= QR_QUIET;
	if (x < 0 || y < 0 || x >= c->width || y >= c->width)
		return 0;
	return c->data[y * c->width + x] & 1;
}

int qr_text_make(const char *text, struct qr_text *out, struct err *e)
{
	QRcode *c = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_L);
	int size, y;

	memset(out, 0, sizeof *out);
	if (!c)
		return err_set(e, "te lang voor een QR-code");
	size = c->width + 2 * QR_QUIET;
	out->width = size;
	out->lines = (size + 1) / 2;
	out->line = calloc((size_t)out->lines, sizeof *out->line);
	if (!out->line) {
		QRcode_free(c);
		return err_set(e, "geen geheugen voor de QR-code");
	}
	for (y = 0; y < out->lines; y++) {
		/* at most 3 bytes per cell */
		char *l = malloc((size_t)size * 3 + 1), *p = l;

		if (!l) {
			QRcode_free(c);
			qr_text_free(out);
			return err_set(e, "geen geheugen voor de QR-code");
		}
		out->line[y] = l;
		for (int x = 0; x < size; x++) {
			/* light = block: top and bottom module of this cell */
			int top = !dark(c, x, 2 * y), bottom = 2 * y + 1 < size && !dark(c, x, 2 * y + 1);
			const char *cell = top && bottom ? "\xe2\x96\x88" /* █ */
					   : top	 ? "\xe2\x96\x80" /* ▀ */
					   : bottom	 ? "\xe2\x96\x84" /* ▄ */
							 : " ";

			memcpy(p, cell, strlen(cell));
			p += strlen(cell);
		}
		*p = '\0';
	}
	QRcode_free(c);
	return 0;
}

void qr_text_free(struct qr_text *q)
{
	for (int i = 0; q->line && i < q->lines; i++)
		free(q->line[i]);
	free(q->line);
	memset(q, 0, sizeof *q);
}
