/* demoagenda.h — two school years (this one and the next) of commission
 * meetings for the demo: CT,
 * AC and Kans!overleg of PO3008 and the CT of PO2507 as series (core/agenda:
 * feestdagen and the regio's schoolvakanties skipped), members with an
 * external deskundige (account `deskundige`, password demo), one cancelled
 * meeting, and planned and decided cases whose statuses agree with the
 * flows' agenda rules.  Runs inside the demo build's transaction as the
 * database owner, after demodata and the forms. */
#ifndef BALIE_DB_DEMOAGENDA_H
#define BALIE_DB_DEMOAGENDA_H

#include "core/datum.h"
#include "core/err.h"
#include "db/conn.h"

/* forms_dir: the folder with feestdagen.conf and schoolvakanties/. 0 / -1. */
int demoagenda_load(struct db *db, const char *forms_dir, struct datum today, struct err *e);

#endif
