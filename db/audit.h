/* audit.h — the audit log: who did what, insert-only for the application.
 * Details carry ids and codes only, never a pupil's name. */
#ifndef BALIE_DB_AUDIT_H
#define BALIE_DB_AUDIT_H

#include "core/err.h"
#include "db/conn.h"

/* Writes one audit row in its own statement (autocommit or inside the
 * caller's transaction).  account_id / organisatie_id / object_id 0 = none. */
int audit_write(struct db *db, long account_id, long organisatie_id, const char *actie,
		const char *object, long object_id, const char *detail, struct err *e);

#endif
