/* pane_looptijd.h — the lists by end date (issue 10 §4): "Verloopt
 * binnenkort" (issued TLVs and aanpakken ending within verloopt_maanden
 * months of balie.conf) and "Te evalueren" (arrangements ending within two
 * months, not yet in the evaluation status; e sets the marked ones there,
 * 004 §3.6).  A list on core/lijst, soonest first; Enter opens the
 * hulpvraag, Space marks. */
#ifndef BALIE_TUI_PANE_LOOPTIJD_H
#define BALIE_TUI_PANE_LOOPTIJD_H

#include "db/looptijd.h"

struct app;
struct pane;

struct pane *pane_looptijd_new(struct app *a, enum looptijd_lijst l);

#endif
