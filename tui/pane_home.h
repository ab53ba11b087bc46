/* pane_home.h — the home screen after login: who is logged in, in which
 * organisatie, and how many hulpvragen there are per status category. */
#ifndef BALIE_TUI_PANE_HOME_H
#define BALIE_TUI_PANE_HOME_H

#include "tui/app.h"

/* A new pane (push it with app_push/app_reset, which take ownership);
 * NULL when out of memory. */
struct pane *pane_home_new(struct app *a);

#endif
