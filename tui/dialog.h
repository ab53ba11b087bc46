/* dialog.h — modal dialogs drawn over a pane: one line of input, a
 * multi-line text (reden, omschrijving, notitie), a pick list with a filter,
 * and a confirmation that defaults to Annuleren.
 *
 * A dialog is a value inside the pane that owns it (no pane of its own, so
 * the pane stays visible under it).  While dialog_active(), the pane reports
 * CTX_DIALOG, gives raw keys to dialog_key() first and actions to
 * dialog_action(), and draws the dialog last with dialog_draw().  The dialog
 * never talks to the database and decides nothing: the owner reads the
 * result (dialog_text, dialog_selected) when dialog_action() returns
 * DIALOG_OK, and may keep the dialog open with a note (dialog_note) when the
 * input is refused, so what was typed stays.
 *
 * The multi-line text wraps at word boundaries and shows ▲ / ▼ in its
 * right column when there is more above or below.
 *
 * Keys: typed text edits; Enter confirms (in the multi-line text it starts a
 * new line: F2 or Ctrl-D confirm there, and Esc 2 works as F2); Esc cancels;
 * ↑/↓/PgUp/PgDn move in a pick list while typing filters it; in a
 * confirmation ←/→/Tab choose between Annuleren and the action.
 */
#ifndef BALIE_TUI_DIALOG_H
#define BALIE_TUI_DIALOG_H

#include <stddef.h>
#include <wchar.h>

#include "tui/action.h"
#include "tui/field.h"
#include "tui/screen.h"

struct app;

enum dialog_kind { DIALOG_NONE, DIALOG_LINE, DIALOG_TEXT, DIALOG_PICK, DIALOG_CONFIRM, DIALOG_SAVE };

/* The answers of the question asked when changed work is left (DIALOG_SAVE,
 * and a changed DIALOG_TEXT on Esc), in the order shown; Bewaren is the
 * default so that Enter never drops what was typed. */
enum dialog_save_choice { DIALOG_BEWAREN, DIALOG_NIET_BEWAREN, DIALOG_ANNULEREN, DIALOG_NCHOICES };

enum dialog_result {
	DIALOG_NOT_MINE = -1, /* not a dialog action: let the chain go on */
	DIALOG_CONTINUE = 0,  /* still open */
	DIALOG_OK,            /* confirmed: read the result, then close or keep it open */
	DIALOG_CANCEL         /* Esc: closed */
};

#define DIALOG_TEXT_MAX 20000 /* characters in a multi-line text */

struct dialog_item {
	char label[256];
	char extra[256]; /* second column, dimmed */
	long id;
	long ref;
	int flag;
};

struct dialog {
	enum dialog_kind kind;
	int tag;             /* the owner's purpose, returned untouched */
	char title[160];
	char prompt[600];    /* text above the input, wrapped */
	char note[600];      /* a refusal or conflict, shown in the dialog */
	char ok_label[40];   /* confirmation: the action's label ("Verwijderen") */
	int ok_focus;        /* confirmation: 1 when the action (not Annuleren) is chosen */
	struct field line;   /* DIALOG_LINE input, DIALOG_PICK filter */
	/* DIALOG_TEXT */
	wchar_t *text;
	int len, cap, cur, top;
	/* DIALOG_PICK */
	struct dialog_item *items;
	int nitems;
	int *shown;          /* indices of items that pass the filter */
	int nshown, sel, ptop;
	/* DIALOG_TEXT: the text differs from what it was opened with; asking:
	 * Esc was pressed on a changed text and the save question shows.
	 * choice: the focused answer of that question or of DIALOG_SAVE. */
	int changed;
	int asking;
	enum dialog_save_choice choice;
};

/* Opening replaces whatever was open (its memory is released). */
void dialog_open_line(struct dialog *d, int tag, const char *title, const char *prompt, const char *initial,
		      unsigned field_flags);
void dialog_open_text(struct dialog *d, int tag, const char *title, const char *prompt, const char *initial);
/* items are copied. */
void dialog_open_pick(struct dialog *d, int tag, const char *title, const char *prompt,
		      const struct dialog_item *items, int n);
/* A pick list of rows from the database (struct hv_item, db/hulpvraag.h:
 * naam, extra, id, ref, flag), headed by one special entry first (NULL:
 * none) with id first_id ("(geen coördinator)", "(nieuw label…)").
 * 0, or -1 when out of memory (nothing opened). */
struct hv_item;
int dialog_open_pick_items(struct dialog *d, int tag, const char *title, const char *prompt,
			   const struct hv_item *it, int n, const char *first, long first_id);
void dialog_open_confirm(struct dialog *d, int tag, const char *title, const char *prompt, const char *ok_label);

/* "Bewaren / Niet bewaren / Annuleren" for leaving changed work (a form):
 * Enter confirms the focused answer (Bewaren first), Esc is Annuleren and
 * closes the question.  On DIALOG_OK the owner reads dialog_choice().
 * A changed DIALOG_TEXT asks the same by itself on Esc: Bewaren confirms
 * the text (DIALOG_OK), Niet bewaren cancels (DIALOG_CANCEL), Annuleren
 * goes back to the text. */
void dialog_open_save(struct dialog *d, int tag, const char *title, const char *prompt);
enum dialog_save_choice dialog_choice(const struct dialog *d);

/* Closes and releases (safe when closed). */
void dialog_close(struct dialog *d);
int dialog_active(const struct dialog *d);

/* Sets the note line (printf style); "" clears it. */
void dialog_note(struct dialog *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A raw key: 1 when the dialog used it. */
int dialog_key(struct dialog *d, int key);
/* An action of CTX_DIALOG (ACT_DLG_OK, ACT_DLG_CANCEL). */
enum dialog_result dialog_action(struct dialog *d, enum action_id id);

/* Draws the dialog over w and places the cursor. */
void dialog_draw(struct dialog *d, struct app *a, WINDOW *w);

/* The typed text (line or multi-line) as UTF-8: malloc'ed, caller frees;
 * NULL when out of memory. */
char *dialog_text(const struct dialog *d);
/* The chosen item of a pick list, NULL when the filter left none. */
const struct dialog_item *dialog_selected(const struct dialog *d);

#endif
