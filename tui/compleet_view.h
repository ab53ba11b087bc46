/* compleet_view.h — drawing a completeness checklist (db/compleet.h), shared
 * by the hulpvraag's Compleetheid tab and the "te controleren" list, and
 * the reden "aanvulling vragen" starts with.  ✓ / ✗ carry the meaning;
 * colour (ST_OK / ST_ERROR, bold without colour) only adds to it. */
#ifndef BALIE_TUI_COMPLEET_VIEW_H
#define BALIE_TUI_COMPLEET_VIEW_H

#include <curses.h>

#include "db/compleet.h"
#include "tui/screen.h"

/* The checklist of h into w from row y, columns x .. x+width-1: a summary
 * line ("Compleet: 9 van 12"), then per item ✓ or ✗ with its omschrijving
 * and, when not met, the melding for the aanvrager below it.  Draws at
 * most maxrows rows; returns the rows used. */
int compleet_view_draw(WINDOW *w, const struct screen *s, int y, int x, int width, int maxrows,
		       const struct compleet_hv *h);

/* "9/12", or "—" when the aanvraagtype has no checklist; into buf. */
const char *compleet_view_count(const struct compleet_hv *h, char *buf, size_t len);

/* The reden "aanvulling vragen" proposes (malloc'ed; free()); NULL when out
 * of memory. */
char *compleet_view_reden(const struct compleet_hv *h);

#endif
