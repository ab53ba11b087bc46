/* outcome.h — the one place where what became of a business write (a
 * struct outcome of db/outcome.h) becomes what the person sees: the text of
 * the message line and whether it is an error.  Panes decide on o->kind,
 * never on the wording.
 *
 * UNKNOWN (the connection broke during COMMIT) is never shown as success:
 * outcome_settle reconnects when it can and asks the database (the row's
 * version, or the create's idempotency key) what happened, then says
 * "bewaard" or "niet bewaard"; while the connection is still away the
 * outcome stays UNKNOWN and the pane calls outcome_settle again from its
 * reconnected() hook. */
#ifndef BALIE_TUI_OUTCOME_H
#define BALIE_TUI_OUTCOME_H

#include <stddef.h>

#include "db/outcome.h"

struct app;

/* The message-line text for o about wat (lower case, with article: "de
 * statuswijziging", "het formulier") into buf; returns 1 when it is an
 * error (anything but SAVED). */
int outcome_line(const struct outcome *o, const char *wat, char *buf, size_t len);

/* What failed in a bulk action, per kind: count[kind] rows each; "1
 * geweigerd, 2 intussen gewijzigd" into buf (SAVED is left out). */
void outcome_tally(const int count[OUTCOME_KINDS], char *buf, size_t len);

/* The note for the open dialog whose save gave o (what was typed stays in
 * the dialog): why it was not saved and what F2 does now.  Returns buf. */
const char *outcome_note(const struct outcome *o, char *buf, size_t len);

/* Shows outcome_line on the message line; returns its error flag. */
int outcome_show(struct app *a, const struct outcome *o, const char *wat);

/* o is UNKNOWN: reconnect when needed and find out (outcome_resolve), then
 * show the answer.  1 when o is settled (no longer UNKNOWN), 0 when it
 * could not be told yet (no connection: shown as unknown; try again when
 * the connection is back).  Anything but UNKNOWN: shown, 1. */
int outcome_settle(struct app *a, struct outcome *o, const char *wat);

#endif
