/* pane_agenda.h — the commission agenda: the meetings of the school year
 * (CT, AC, Kans!overleg, …), one meeting's cases in order with their time
 * slots (pupils as initials), the hulpvragen ready to plan on its commissie
 * with the proposed meeting, planning (status and mail in one transaction,
 * db/agenda), recording outcomes and cancelling a meeting. */
#ifndef BALIE_TUI_PANE_AGENDA_H
#define BALIE_TUI_PANE_AGENDA_H

struct app;
struct pane;

/* A new agenda pane (NULL when out of memory); loads after the first paint. */
struct pane *pane_agenda_new(struct app *a);

#endif
