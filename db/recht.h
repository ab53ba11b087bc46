/* recht.h — the rulebook (core/recht) in the database.
 *
 * balie.recht holds one row per (actie, rol) of core's table; balie.mag()
 * and the policies of migration 013 read it.  migrate_up() publishes it
 * after the migrations, so the database always enforces the table of the
 * binary that migrated it.
 */
#ifndef BALIE_DB_RECHT_H
#define BALIE_DB_RECHT_H

#include "core/err.h"
#include "db/conn.h"

/* Makes balie.recht equal to core's table, in its own transaction, as
 * balie_owner (the migrating connection).  *changed (may be NULL) is 1 when
 * rows were replaced.  0 / -1 with e set. */
int recht_publiceer(struct db *db, int *changed, struct err *e);

/* 1 when balie.recht equals core's table, 0 when not, -1 with e set. */
int recht_gelijk(struct db *db, struct err *e);

#endif
