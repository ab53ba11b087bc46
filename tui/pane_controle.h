/* pane_controle.h — "Te controleren": the hulpvragen of the organisatie in
 * an intake status (the flow's `controleren = true`), oldest first, each
 * with its completeness (n of m), so the secretariaat works the oldest
 * first.  Enter opens the hulpvraag on its Compleetheid tab; `a` asks the
 * aanvrager for what is missing (the flow's aanvulling status, reden
 * prefilled from the missing items, editable).  Opened from the home
 * screen (`t`).
 */
#ifndef BALIE_TUI_PANE_CONTROLE_H
#define BALIE_TUI_PANE_CONTROLE_H

struct app;
struct pane;

/* A new list pane; it loads its first page in its first work() (push it
 * with app_push and return R_PAINT | R_BARS).  NULL when out of memory. */
struct pane *pane_controle_new(struct app *a);

#endif
