/* cluster.h — a private PostgreSQL cluster in a folder of its own.
 *
 * Uses Debian's initdb and pg_ctl (found under /usr/lib/postgresql/<n>/bin,
 * or $BALIE_PG_BINDIR).  The cluster listens only on a unix socket inside the
 * folder (listen_addresses = ''), trusts local connections (the folder is
 * mode 0700, so only its owner — and root — can reach the socket) and has
 * the superuser `postgres`.  initdb refuses to run as root: when root, the
 * server runs as Debian's unprivileged `postgres` user, which then owns the
 * folder; the folder's parents must be reachable by that user (root's home
 * is mode 0700, so pick a folder outside it — see cluster_default_dir()).
 *
 * Layout:  DIR/data (PGDATA), DIR/.s.PGSQL.5432 (socket), DIR/postgres.log.
 */
#ifndef BALIE_DB_CLUSTER_H
#define BALIE_DB_CLUSTER_H

#include <stddef.h>

#include "core/err.h"

enum cluster_flags {
	CLUSTER_FAST = 1 << 0, /* fsync off: throwaway test clusters only */
};

/* Creates DIR (and parents) and runs initdb in it.  Fails if DIR/data
 * exists already. */
int cluster_create(const char *dir, unsigned flags, struct err *e);

/* Starts the server (waits until it accepts connections).  Already running
 * is fine. */
int cluster_start(const char *dir, unsigned flags, struct err *e);

/* 1 when the server of DIR runs, 0 when not. */
int cluster_running(const char *dir);

/* Stops the server (fast shutdown).  Not running is fine. */
int cluster_stop(const char *dir, struct err *e);

/* Stops the server and removes DIR entirely. */
int cluster_remove(const char *dir, struct err *e);

/* libpq conninfo for database dbname as user on the cluster of DIR. */
const char *cluster_conninfo(char *buf, size_t len, const char *dir, const char *dbname,
			     const char *user);

/* Makes DIR (mode 0700) usable by the server user: creates it with parents
 * and, when root, gives it to `postgres`.  Exposed for the demo's lock file. */
int cluster_prepare_dir(const char *dir, struct err *e);

#endif
