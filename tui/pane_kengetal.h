/* pane_kengetal.h — "Kengetallen" (issue 10 §5): of one school year the
 * TLVs and arrangements per soort/categorie, per schoolbestuur and per
 * school (number, amount, a bar), and the doorlooptijd aanvraag →
 * afgegeven per aanvraagtype (median, p90).  Opened from the home screen
 * (k) by the roles of the rulebook's "kengetallen"; ←/→ change the school
 * year, the arrows scroll.  Sums and statistics are core/kengetal's.
 * p (or P on the home screen) shows the forecast of the school year's
 * budgets instead: per month vastgelegd + verwacht against the budget. */
#ifndef BALIE_TUI_PANE_KENGETAL_H
#define BALIE_TUI_PANE_KENGETAL_H

struct app;
struct pane;

/* prognose 1: opens on the forecast of the budgets. */
struct pane *pane_kengetal_new(struct app *a, int prognose);

#endif
