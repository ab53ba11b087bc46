/* conn.h — one database connection of balie over libpq.
 *
 * A struct db wraps a PGconn plus what balie needs around it: the acting
 * account (set at the start of every transaction with set_config(…, true) so
 * row-level security can key on it), SQLSTATE classification and Dutch error
 * messages.  Only db/ sees libpq; callers use the db_* API.
 */
#ifndef BALIE_DB_CONN_H
#define BALIE_DB_CONN_H

#include "core/err.h"

struct db;
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

/* What went wrong, told apart by SQLSTATE (never by message text). */
enum db_failure {
	DB_OK = 0,
	DB_CONNECTION_LOST,   /* 08xxx, or PQstatus bad */
	DB_UNIQUE_VIOLATION,  /* 23505 */
	DB_CHECK_VIOLATION,   /* 23514, 23503, 23502, 22xxx: data refused */
	DB_SERIALIZATION,     /* 40001, 40P01: retry the transaction */
	DB_PRIVILEGE,         /* 42501, or an RLS refusal */
	DB_RAISED,            /* P0001: a rule in the database said no (message is Dutch) */
	DB_OTHER,
	DB_LOCK_TIMEOUT       /* 55P03: waited DB_LOCK_TIMEOUT_S for another's lock; nothing written */
};

/* How long a business transaction (db_begin, db_exec_as_account) waits for
 * a row another session holds before it gives up with DB_LOCK_TIMEOUT. */
#define DB_LOCK_TIMEOUT_S "3s"

/* Connects with a libpq conninfo string ("" = PG* environment /
 * pg_service.conf); connect_timeout is 10 s unless conninfo or
 * PGCONNECT_TIMEOUT says otherwise.  Sets search_path to the balie schema.  On failure *out
 * is NULL and e says, in Dutch, what to check.  Free with db_free(). */
int db_connect(struct db **out, const char *conninfo, struct err *e);
void db_free(struct db **db);

/* The same connect without blocking, for the event loop (a reconnect must
 * not freeze the screen while a server does not answer):
 *   db_connect_start   begins; *out is a connection in progress
 *   db_connect_wait    the socket and poll() events to wait for (fd >= 0)
 *   db_connect_continue when poll() said ready: 1 connected (set up as by
 *                      db_connect), 0 wait again, -1 failed (e set, *db
 *                      freed).
 * No timeout here: the caller gives up (db_free) when it has waited long
 * enough.  connect_timeout in conninfo has no effect on this path. */
int db_connect_start(struct db **out, const char *conninfo, struct err *e);
int db_connect_wait(const struct db *db, int *fd, short *events);
int db_connect_continue(struct db **db, struct err *e);

/* The session every following transaction acts in: the token the auth
 * role handed out at login (db/auth.h, 027_sessie.sql) and, for the
 * program's own use, the account it belongs to.  The database resolves the
 * token itself (acting_account()); an account id alone proves nothing.
 * token NULL or "" = none: RLS then shows no pupil data. */
void db_set_session(struct db *db, const char *token, long account_id);
/* The statement that starts every such transaction ($1 the token), for
 * `make bench` to send the very same text. */
const char *db_account_sql(void);
/* The account of the session set (0 = none) — what the program believes;
 * the database checks the token. */
long db_account(const struct db *db);
/* The session token set ("" = none), e.g. to end it at logout. */
const char *db_session_token(const struct db *db);
/* Where the person sits: the SSH client's address, else "lokaal". */
const char *db_client_host(void);

/* Transactions.  db_begin issues BEGIN and sets the acting account (and
 * lock_timeout, DB_LOCK_TIMEOUT_S) for this transaction.  db_commit returns -1 when COMMIT failed or its outcome is
 * unknown (connection lost): e says which. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* Runs one parameterised statement (text params, NULL = SQL NULL).  Returns
 * the result for tuples/command-ok (caller PQclear()s it) or NULL with e set
 * and the failure kind in *kind (kind may be NULL). */
PGresult *db_exec(struct db *db, struct err *e, enum db_failure *kind,
		  const char *sql, int nparams, const char *const *params);

/* One statement in ONE round trip with the acting account set: in pipeline
 * mode set_config('balie.account', …, true) and sql go out together with a
 * single Sync, so they run as one implicit transaction (nothing stays
 * open).  A deadlock or serialization failure (DB_SERIALIZATION) is sent
 * once more before it is reported: the whole batch had rolled back.
 * Returns sql's result (caller PQclear()s it), or NULL with e and
 * *kind; DB_CONNECTION_LOST also when the backend died at the implicit
 * COMMIT (then the outcome is unknown to the caller). */
PGresult *db_exec_as_account(struct db *db, struct err *e, enum db_failure *kind, const char *sql, int n,
			     const char *const *p);

/* Several statements in ONE round trip, as db_exec_as_account does for
 * one: the acting account set, then each call, one implicit transaction
 * (all or nothing), at most 16.  res[i] gets the result of
 * calls[i] (caller PQclear()s each).  0, or -1 with e and *kind and every
 * res[i] NULL. */
struct db_call {
	const char *sql;
	int n;
	const char *const *p;
};
int db_exec_batch_as_account(struct db *db, struct err *e, enum db_failure *kind, const struct db_call *calls,
			     int ncalls, PGresult **res);

/* Runs a script of several statements (migrations, data loads).  0 / -1. */
int db_exec_script(struct db *db, const char *sql, struct err *e);

/* The underlying connection, for db/ modules only. */
PGconn *db_pg(struct db *db);

/* Fills e from a failed result / connection; returns the kind. */
enum db_failure db_fail(struct db *db, const PGresult *res, struct err *e);

/* Parses conninfo (key=value or postgresql:// URI) as libpq would: 0 when
 * it is well-formed (*has_password then says whether it carries a
 * password), -1 with libpq's reason in e when not. */
int db_conninfo_check(const char *conninfo, int *has_password, struct err *e);

/* True when the connection is up. */
int db_ok(struct db *db);

#endif
