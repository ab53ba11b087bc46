/* migrate.h — schema migrations, carried inside the binary.
 *
 * db/migrations/NNN_name.sql are embedded at build time (db/embed.sh).  Each
 * is applied in its own transaction, in order, under an advisory lock (two
 * `balie admin migrate` at once: the second waits, then finds nothing to
 * do), and recorded in balie.schema_version.  Applying twice is a no-op.  A
 * database whose version is newer than the newest embedded migration is
 * refused with a clear message.
 */
#ifndef BALIE_DB_MIGRATE_H
#define BALIE_DB_MIGRATE_H

#include "core/err.h"
#include "db/conn.h"

struct migration {
	int version;
	const char *name;
	const char *sql;
};

/* Terminated by {0, NULL, NULL}; sorted by version. */
extern const struct migration migrations[];

/* The newest version this binary knows. */
int migrate_latest(void);

/* The version of the database (0 = empty), or -1 with e set. */
int migrate_current(struct db *db, struct err *e);

/* Applies what is missing.  *applied (may be NULL) gets the count.  Needs a
 * connection allowed to create roles and to SET ROLE balie_owner (the
 * cluster's superuser, or the DBA's migration role). */
int migrate_up(struct db *db, int *applied, struct err *e);

/* 0 when the database has exactly this binary's version, else -1 with a
 * Dutch message saying what to do. */
int migrate_require_current(struct db *db, struct err *e);

#endif
