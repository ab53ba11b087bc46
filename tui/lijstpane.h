/* lijstpane.h — what the list panes of hulpvragen ("Te verwerken",
 * "Verloopt binnenkort", "Te evalueren") share on top of core/lijst: the
 * body under their column heads, the start of a row (mark and nummer),
 * Enter opening the hulpvraag, and a status change per marked row. */
#ifndef BALIE_TUI_LIJSTPANE_H
#define BALIE_TUI_LIJSTPANE_H

#include <curses.h>

#include "core/lijst.h"
#include "tui/app.h"

/* Under the column heads at row y: the rule, the list's view, and the
 * message when there is nothing (msg: an error; else "Bezig met laden…" or
 * leeg).  Returns the first row for the rows, or -1 when there are none. */
int lijstpane_body(WINDOW *w, const struct screen *s, struct lijst *l, int y, int loaded, const char *msg,
		   const char *leeg);

/* Row i at screen row y: padded in its attribute, the mark as a symbol
 * (never colour alone) and the nummer right-aligned in columns x..x+wnr.
 * Returns the attribute for the rest of the row. */
attr_t lijstpane_row(WINDOW *w, const struct screen *s, const struct lijst *l, int i, int y, long id, long nummer,
		     int x, int wnr);

/* A load succeeded: rows (malloc'ed, now the list's) in l, the cursor on
 * keep where it still is, marks refreshed, the error msg cleared. */
void lijstpane_set(struct lijst *l, void *rows, int n, long keep, int *loaded, char *msg);

/* Space and a: mark the current row, or all (again: none). */
int lijstpane_mark(struct lijst *l, enum action_id id);

/* Enter: opens the current row's hulpvraag; back from it, reload runs. */
int lijstpane_open(struct pane *p, struct app *a, struct lijst *l, pane_job_fn reload);

/* One status change per row (the same function as s on the hulpvraag,
 * with its version check and guards, each its own transaction): a row
 * done is unmarked in l, a refused one stays marked. */
struct lijstpane_wissel {
	long id, nummer;
	int versie;
	const char *naar;
};
struct lijstpane_uitslag {
	int done, failed;
	long first;     /* the first refused row's nummer */
	char why[600];  /* and why */
};
void lijstpane_wissel(struct app *a, struct lijst *l, const struct lijstpane_wissel *w, int n,
		      struct lijstpane_uitslag *u);

#endif
