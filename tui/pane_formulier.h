/* pane_formulier.h — the forms of a hulpvraag: the "Formulieren" tab of the
 * hulpvraag pane (a list: name, who, when, complete or not) and the form
 * pane that fills one in.
 *
 * The tab is a value (struct formtab) inside the hulpvraag pane, which
 * forwards drawing, the tab's actions and the list load to it; everything
 * else is in tui/pane_formulier.c.  The form pane is rendered from the
 * definition of the version the form was filled against: field-by-field
 * navigation, required fields marked with *, the help text of the current
 * field, a Dutch error next to a field as you leave it, pick lists for
 * ja/nee, choices and accounts, a text editor for long texts; F2 saves
 * (incomplete = a draft) and tells what is still missing.  No transaction
 * is open while a person types: every save is one short transaction with
 * the version check (db/formulier.h).
 */
#ifndef BALIE_TUI_PANE_FORMULIER_H
#define BALIE_TUI_PANE_FORMULIER_H

#include <curses.h>

#include "db/formulier.h"
#include "tui/action.h"

struct app;
struct pane;

struct formtab {
	struct formulier_item *items; /* the forms of the hulpvraag */
	int n;
	int sel;
	int loaded;
	int stale;        /* a form was added or saved: reload the list */
	char err[600];    /* why the list is not there */
};

/* Reads the list of hulpvraag_id (from the owning pane's work()). */
void formtab_load(struct formtab *t, struct app *a, long hulpvraag_id);

/* Draws the list into pad p from row 0 in width columns; returns the rows
 * used. */
int formtab_draw(struct formtab *t, struct app *a, WINDOW *p, int width);

/* An action while the tab is shown (Up/Down choose, Enter opens, the add
 * key adds).  owner is the hulpvraag pane: it is told to reload the list
 * (work_waiting) when a form was added or saved.  R_NONE when not the
 * tab's. */
int formtab_action(struct formtab *t, struct app *a, struct pane *owner, enum action_id id, long hulpvraag_id,
		   long organisatie_id);

/* The selected row, to keep it visible when scrolling (-1 none). */
int formtab_row(const struct formtab *t);

/* Frees the list. */
void formtab_release(struct formtab *t);

#endif
