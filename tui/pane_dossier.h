/* pane_dossier.h — one dossier on screen and kept up: basisgegevens,
 * adressen (history), relaties, schoolgegevens (history) and the
 * hulpvragen of the dossier (issue 14 §1).
 *
 * The hulpvraag pane shows the same lines on its tab Dossier
 * (dossier_view_draw); Enter or d there opens this pane.  Here ↑/↓ choose a
 * line and Enter changes it: a field of the basisgegevens in a one-line
 * dialog, a relatie or a school period in a few questions, an address by
 * adding the new one (an address is never overwritten), a hulpvraag opens.
 * a, o and s add an address, a relatie and a school period.  Esc in a
 * question goes one question back and keeps what was typed; every save is
 * one short transaction with the version check (db/dossier.h), so two
 * people editing the same dossier get a conflict, not a lost change.
 * Only the roles the rulebook gives dossier-bewerken get the editing keys.
 */
#ifndef BALIE_TUI_PANE_DOSSIER_H
#define BALIE_TUI_PANE_DOSSIER_H

#include <curses.h>

#include "db/dossier.h"
#include "tui/screen.h"

struct app;
struct pane;

/* A new pane for dossier id; it loads itself after the first paint. */
struct pane *pane_dossier_new(struct app *a, long dossier_id);

/* Draws the lines of d into w from row y, skipping the first `top` lines,
 * at most `rows` lines, width columns; the line `sel` (-1: none) in reverse
 * video.  edit: the editing hints are shown.  Returns the lines drawn. */
int dossier_view_draw(WINDOW *w, const struct screen *s, const struct dossier *d, int y, int top, int rows,
		      int width, int sel, int edit);

/* How many lines dossier_view_draw has for d. */
int dossier_view_lines(const struct dossier *d);

#endif
