/* report.h — the report connection (issue 10 §5, DESIGN.md "streaming
 * replicas for reports and exports"): when balie.conf names report_conninfo,
 * the kengetallen and the exports read from that streaming replica, so a
 * hosting party can move the heavy reads off the primary.  What a person
 * does (the audit row of an export) still goes to the primary.
 *
 * A replica that cannot be reached, is no standby, or lags more than
 * max_lag_s behind the primary is refused with a Dutch message — or, with
 * fallback, the primary is used and *note says why. */
#ifndef BALIE_DB_REPORT_H
#define BALIE_DB_REPORT_H

#include <stddef.h>

#include "core/err.h"
#include "db/conn.h"

struct report_opties {
	const char *conninfo; /* "" or NULL: no report connection */
	int fallback;         /* 1: use the primary when the replica fails */
	int max_lag_s;        /* refuse (or fall back) beyond this lag; 0: no check */
};

/* Opens the connection to read from for account (its acting account set).
 * 0 with *out a new connection to the replica (db_free it), or *out NULL:
 * read from primary (no replica configured, or fallback — then note says
 * why, in Dutch).  -1 with e when the replica fails and there is no
 * fallback.  note may be NULL. */
int db_report_open(const struct report_opties *o, struct db *primary, long account, struct db **out, char *note,
		   size_t notelen, struct err *e);

#endif
