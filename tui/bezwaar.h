/* bezwaar.h — the bezwaren on the tab TLV (db/bezwaar.h): their lines
 * under the beschikking's heading, and B: register one (the date it was
 * received, today offered) or, while one is open, record its outcome. */
#ifndef BALIE_TUI_BEZWAAR_H
#define BALIE_TUI_BEZWAAR_H

#include <curses.h>

#include "db/bezwaar.h"

struct app;
struct pane;

struct bezwaren {
	struct bezwaar z[BEZWAAR_MAX];
	int n, vervangen;
	char key[OUTCOME_KEY_LEN]; /* of the next registration */
};

/* The owner's dialog tags (beyond the owner's and the tabs'). */
enum { BEZWAAR_DT_DATUM = 120, BEZWAAR_DT_UITKOMST };

void bezwaren_load(struct bezwaren *b, struct app *a, long hv);
/* Its lines from row y; returns the rows used (at most BEZWAAR_MAX + 1). */
int bezwaren_draw(const struct bezwaren *b, struct app *a, WINDOW *p, int y, int width);
/* B: opens the owner's dialog for what comes next.  Returns reactions. */
int bezwaren_vraag(struct bezwaren *b, struct app *a, struct pane *owner);
/* A job of the owner after its dialog BEZWAAR_DT_* was confirmed: writes,
 * says how it went, closes the dialog unless it was refused. */
int bezwaren_bewaar(struct bezwaren *b, struct app *a, struct pane *owner, long hv);

#endif
