/* pane_lock.h — the idle lock: hides the data and asks the password of the
 * logged-in account again. */
#ifndef BALIE_TUI_PANE_LOCK_H
#define BALIE_TUI_PANE_LOCK_H

#include "tui/app.h"

/* A new pane (push it with app_push/app_reset, which take ownership);
 * NULL when out of memory. */
struct pane *pane_lock_new(struct app *a);

#endif
