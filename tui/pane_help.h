/* pane_help.h — the help screen of a context, generated from the action table. */
#ifndef BALIE_TUI_PANE_HELP_H
#define BALIE_TUI_PANE_HELP_H

#include "tui/app.h"

/* A new pane (push it with app_push/app_reset, which take ownership);
 * NULL when out of memory. */
struct pane *pane_help_new(struct app *a, enum action_ctx ctx);

#endif
