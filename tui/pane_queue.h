/* pane_queue.h — the werkvoorraad: on the left the status tree of the
 * organisatie (Mijn werkvoorraad, Alle, category → status with counts, saved
 * filters), on the right the hulpvragen of the chosen node — filtered,
 * sorted, keyset-paged, with marks and bulk actions, kept live by
 * LISTEN/NOTIFY without losing the cursor or the marks.
 */
#ifndef BALIE_TUI_PANE_QUEUE_H
#define BALIE_TUI_PANE_QUEUE_H

#include "tui/app.h"

/* A new pane showing status category `categorie` (NULL or "": the default
 * node — Mijn werkvoorraad for a coördinator, else Alle).  It loads itself
 * in work(): the caller pushes it with app_push and returns R_WORK.  NULL
 * when out of memory. */
struct pane *pane_queue_new(struct app *a, const char *categorie);

#endif
