/* aanpak_tab.h — the "Aanpak" content of the hulpvraag's beschikking tab
 * (a hulpvraag that is not a TLV aanvraag): type, categorie, period,
 * amount (filled from the tariff of the start's school year; another
 * amount needs a reason; a type with a tariff of its own, "budget inclusief
 * onderwijs", has that fixed amount), beschikkingsnummer and omschrijving, as field
 * rows (tui/veldrijen.h) edited in the owner's dialog and saved with F2/w.
 * core/beschikking checks the draft after every field; the database fills
 * the tariff itself and guards "financieel verwerkt".  In a blocking
 * status ("Niet ontvankelijk financieën") the tab shows why and edits
 * nothing. */
#ifndef BALIE_TUI_AANPAK_TAB_H
#define BALIE_TUI_AANPAK_TAB_H

#include <curses.h>

#include "db/aanpak.h"
#include "tui/action.h"
#include "tui/behandelaar.h"
#include "tui/veldrijen.h"

struct app;
struct pane;

struct aanpaktab {
	struct aanpak a;                /* as last read */
	struct aanpak_invoer draft;
	struct aanpak_fouten fouten, verwerken;
	int64_t tarief;                 /* of the draft's categorie and start; -1 none */
	int loaded, dirty, cur, editing, row;
	char key[OUTCOME_KEY_LEN];
	char err[600];
	/* what the field rows point at */
	const char *types[BESCHIKKING_MAX_SOORTEN + 1];
	const char *categorieen[BESCHIKKING_MAX_SOORTEN + 1];
	char voorstel[48];
	struct behandelaars beh;        /* who can be, and who is */
	int vast;                       /* tarief is the type's fixed amount (031) */
};

/* AANPAKTAB_DT_BUDGET: the question after the database refused an amount
 * over the budget; its owner sets draft.budget_akkoord and saves again. */
enum { AANPAKTAB_DT_VELD = 101, AANPAKTAB_DT_BUDGET };

void aanpaktab_load(struct aanpaktab *t, struct app *a, long hulpvraag_id);
int aanpaktab_draw(struct aanpaktab *t, struct app *a, WINDOW *p, int width);
long aanpaktab_rows(const struct aanpaktab *t, int width);
int aanpaktab_action(struct aanpaktab *t, struct app *a, struct pane *owner, enum action_id id, int *save);
int aanpaktab_dialog_ok(struct aanpaktab *t, struct app *a, struct pane *owner);
int aanpaktab_save(struct aanpaktab *t, struct app *a, struct pane *owner, long hulpvraag_id);
/* The arrangement letter (a job of the owner; *save 2 from the action):
 * brief-arrangement.ms with the saved aanpak (see tui/brief_bijlage.h).
 * Only for a saved aanpak with number, period and amount. */
struct hulpvraag;
int aanpaktab_brief(struct aanpaktab *t, struct app *a, const struct hulpvraag *h);

#endif
