/* terug.h — the screens' side of undoing a status change (db/terug.h): one
 * question any pane that shows a hulpvraag asks the same way. */
#ifndef BALIE_TUI_TERUG_H
#define BALIE_TUI_TERUG_H

#include "tui/app.h"

#include "db/terug.h"

/* Run as a job: reads the last status change of hulpvraag id into *t and
 * opens the confirmation (dialog tag) on owner, or says in the message line
 * why it cannot be undone.  Returns the R_ flags to repaint. */
int terug_vraag(struct app *a, struct pane *owner, int tag, long id, struct terug_info *t);

#endif
