/* home.h — the figures of the home screen. */
#ifndef BALIE_DB_HOME_H
#define BALIE_DB_HOME_H

#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"

struct home_count {
	char categorie[FLOW_NAME_BUF]; /* status category ("TLV", "Aanmelding", …) */
	long aantal;        /* hulpvragen visible to the acting account */
};

/* Counts per status category of the session's organisatie, visible to the
 * acting account (row-level security applies), sorted by category.
 * *out is malloc'ed (caller frees), *n its length. */
int home_counts(struct db *db, long organisatie_id, struct home_count **out, int *n,
		struct err *e);

#endif
