/* pane_verwerken.h — "Te verwerken", the financial queue of the financieel
 * medewerker (issue 10 §4): TLV aanvragen to check, afgegeven TLVs without a
 * complete beschikking, arrangements to process (number missing, or ready
 * for "financieel verwerkt"), oldest first, each with its amount, and the
 * running total of the rows shown and of the marked rows.  A list on
 * core/lijst; Enter opens the hulpvraag, Space marks, r reloads. */
#ifndef BALIE_TUI_PANE_VERWERKEN_H
#define BALIE_TUI_PANE_VERWERKEN_H

struct app;
struct pane;

struct pane *pane_verwerken_new(struct app *a);

#endif
