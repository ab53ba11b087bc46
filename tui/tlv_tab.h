/* tlv_tab.h — the "TLV" tab of the hulpvraag pane: the TLV beschikking
 * (number, soort, period, ontvangende school, motivering) and its two
 * deskundigenadviezen, shown as label/value rows with a Dutch error under
 * every field that has one.
 *
 * The tab is a value inside the hulpvraag pane (like the Formulieren tab):
 * ↑/↓ choose a field, Enter or v edits it in a dialog of the pane (a line,
 * a pick list, or the text editor), F2 or w saves.  What was typed stays in
 * a draft (also when it is wrong, or the save is refused) until it is
 * saved; core/beschikking checks it after every field, the database checks
 * again on save and when the status goes to "afgegeven".
 */
#ifndef BALIE_TUI_TLV_TAB_H
#define BALIE_TUI_TLV_TAB_H

#include <curses.h>

#include "db/beschikking.h"
#include "tui/bezwaar.h"
#include "tui/action.h"
#include "tui/behandelaar.h"

struct app;
struct pane;

struct tlvtab {
	struct tlv_beschikking b;      /* as last read */
	struct beschikking_conf conf;  /* the organisatie's soorten */
	struct tlv_invoer draft;       /* what the person is editing */
	struct tlv_fouten fouten;      /* core's check of draft (a draft: what is filled must be right) */
	struct tlv_fouten afgeven;     /* what "afgegeven" still needs */
	int loaded, dirty;
	int cur;                       /* the chosen field (enum tlv_veld) */
	int editing;                   /* the field whose dialog is open */
	int row;                       /* the chosen field's first row as last drawn (-1: none) */
	char key[OUTCOME_KEY_LEN];     /* idempotency key of the create */
	char err[600];                 /* why nothing is shown */
	/* what the field rows point at (tui/veldrijen.h) */
	const char *soorten[BESCHIKKING_MAX_SOORTEN + 1];
	const char *adviezen[BESCHIKKING_MAX_SOORTEN + 2];
	char labels[TLV_ADVIES1][64];
	char prompt[200];
	struct bezwaren bz;            /* the bezwaren against it (B) */
	struct behandelaars beh;       /* its behandelaar (h, 004 §4.6): access until the einddatum */
};

/* The dialog tags the tab uses in its owner's dialog (beyond the owner's). */
enum { TLVTAB_DT_VELD = 100 };

/* Reads the beschikking of hulpvraag_id (from the owner's work()).  A
 * draft with unsaved changes is kept. */
void tlvtab_load(struct tlvtab *t, struct app *a, long hulpvraag_id);

/* Draws into pad p from row 0 in width columns; returns the rows used.  An
 * upper bound of the rows (sizes the pad). */
int tlvtab_draw(struct tlvtab *t, struct app *a, WINDOW *p, int width);
long tlvtab_rows(const struct tlvtab *t, int width);
/* The first row of the chosen field, to keep it in view. */
int tlvtab_row(const struct tlvtab *t);

/* An action while the tab is shown: ↑/↓, edit (opens a dialog in
 * owner->dlg), save (returns R_WORK with *save set).  R_NONE when not the
 * tab's. */
int tlvtab_action(struct tlvtab *t, struct app *a, struct pane *owner, enum action_id id, int *save);
/* *save is 2 for the letter (ACT_HV_BRIEF): run tlvtab_brief as a job. */

/* owner's dialog with tag TLVTAB_DT_VELD was confirmed: takes the value
 * into the draft and checks it.  Returns reactions. */
int tlvtab_dialog_ok(struct tlvtab *t, struct app *a, struct pane *owner);

/* The save (a job of the owner): checks, writes, reloads. */
int tlvtab_save(struct tlvtab *t, struct app *a, long hulpvraag_id);

struct hulpvraag;
/* The letter (a job of the owner): the profile's template brief-tlv.ms
 * filled with the saved beschikking and h's pupil and school, made into
 * PDF and added as a bijlage of categorie "beschikking" ("Beschikking TLV
 * <nummer>.pdf"; earlier letters stay, marked replaced by the database).
 * Only for a saved, complete beschikking. */
int tlvtab_brief(struct tlvtab *t, struct app *a, const struct hulpvraag *h);

#endif
