/* conn.c — the libpq connection wrapper; see conn.h. */
#include "db/conn.h"

#include <ctype.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/datum.h"

/* Statements run through db_exec_as_account are prepared once per
 * connection, keyed by their text: planning a query under row-level
 * security costs more than running it (~1–2 ms for a queue page at a
 * million rows), and the werkvoorraad repeats a handful of texts.  The
 * cache is bounded; beyond it statements simply run unprepared.  A new
 * connection (reconnect) starts with an empty cache. */
#define DB_STMT_CACHE 48

struct db_stmt {
	uint64_t hash;
	char *sql;
	int ready; /* the PREPARE succeeded */
	int sent;  /* a PREPARE is in the batch being sent */
};

struct db {
	PGconn *pg;
	long account_id;
	char token[96];
	struct db_stmt stmt[DB_STMT_CACHE];
	int nstmt;
	int poll; /* PostgresPollingStatusType while db_connect_start's connect runs */
};

/* FNV-1a: only to find a cache slot quickly; the text is compared too. */
static uint64_t sql_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The cache slot of sql, adding it when there is room; -1 when full. */
static int stmt_slot(struct db *db, const char *sql)
{
	uint64_t h = sql_hash(sql);

	for (int i = 0; i < db->nstmt; i++)
		if (db->stmt[i].hash == h && !strcmp(db->stmt[i].sql, sql))
			return i;
	if (db->nstmt == DB_STMT_CACHE)
		return -1;
	char *copy = strdup(sql);
	if (!copy)
		return -1;
	db->stmt[db->nstmt] = (struct db_stmt){ h, copy, 0, 0 };
	return db->nstmt++;
}

PGconn *db_pg(struct db *db)
{
	return db->pg;
}

int db_ok(struct db *db)
{
	return db && db->pg && PQstatus(db->pg) == CONNECTION_OK;
}

void db_set_session(struct db *db, const char *token, long account_id)
{
	if (token && token != db->token)
		snprintf(db->token, sizeof db->token, "%s", token);
	else if (!token)
		explicit_bzero(db->token, sizeof db->token);
	db->account_id = db->token[0] ? account_id : 0;
}

const char *db_session_token(const struct db *db)
{
	return db->token;
}

long db_account(const struct db *db)
{
	return db->account_id;
}

/* Keep the server's own words for the log-free Dutch message, but trim the
 * trailing newline libpq adds. */
static void copy_trimmed(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src ? src : "");
	size_t n = strlen(dst);
	while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == ' '))
		dst[--n] = '\0';
}

enum db_failure db_fail(struct db *db, const PGresult *res, struct err *e)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char msg[400];
	enum db_failure kind = DB_OTHER;

	if (!db->pg || PQstatus(db->pg) != CONNECTION_OK || (state && strncmp(state, "08", 2) == 0) ||
	    (!state && (!res || PQresultStatus(res) == PGRES_FATAL_ERROR))) {
		err_set(e, "verbinding met de database verbroken");
		return DB_CONNECTION_LOST;
	}
	copy_trimmed(msg, sizeof msg, res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL);
	if (!state)
		kind = DB_OTHER;
	else if (!strcmp(state, "23505"))
		kind = DB_UNIQUE_VIOLATION;
	else if (!strncmp(state, "23", 2) || !strncmp(state, "22", 2))
		kind = DB_CHECK_VIOLATION;
	else if (!strcmp(state, "40001") || !strcmp(state, "40P01"))
		kind = DB_SERIALIZATION;
	else if (!strcmp(state, "42501"))
		kind = DB_PRIVILEGE;
	else if (!strcmp(state, "P0001"))
		kind = DB_RAISED;
	else if (!strcmp(state, "55P03"))
		kind = DB_LOCK_TIMEOUT;

	switch (kind) {
	case DB_UNIQUE_VIOLATION:
		err_set(e, "bestaat al (%s)", msg);
		break;
	case DB_CHECK_VIOLATION:
		err_set(e, "de database weigert deze gegevens (%s)", msg);
		break;
	case DB_SERIALIZATION:
		err_set(e, "tegelijk gewijzigd door een ander; probeer het opnieuw");
		break;
	case DB_PRIVILEGE:
		err_set(e, "geen toestemming (%s)", msg);
		break;
	case DB_RAISED:
		err_set(e, "%s", msg);
		break;
	case DB_LOCK_TIMEOUT:
		err_set(e, "bezig bij een ander, probeer het zo opnieuw");
		break;
	default:
		err_set(e, "databasefout %s: %s", state ? state : "?", msg);
	}
	return kind;
}

static void ignore_notice(void *arg, const char *message)
{
}

/* libpq's first line names host and reason; enough to act on. */
static int connect_failed(struct db **db, struct err *e)
{
	char msg[300];

	copy_trimmed(msg, sizeof msg, (*db)->pg ? PQerrorMessage((*db)->pg) : "geen geheugen");
	char *nl = strchr(msg, '\n');
	if (nl)
		*nl = '\0';
	err_set(e, "kan geen verbinding maken met de database: %s "
		   "(controleer conninfo in balie.conf of PGHOST/PGDATABASE)", msg);
	db_free(db);
	return -1;
}

/* One random id per balie process: every connection it makes (a
 * reconnect too) writes the same sessie into the audit log. */
static const char *process_session_id(void)
{
	static char id[33];

	if (!id[0]) {
		unsigned char raw[16];

		if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
			memset(raw, 0, sizeof raw);
		for (size_t i = 0; i < sizeof raw; i++)
			snprintf(id + 2 * i, 3, "%02x", raw[i]);
	}
	return id;
}

/* Where the person sits: the SSH client's address (SSH_CONNECTION's first
 * field, set by sshd for the ForceCommand), else "lokaal".  Only an
 * address: nothing else from the environment reaches the log. */
const char *db_client_host(void)
{
	static char host[64];
	const char *c = getenv("SSH_CONNECTION");
	size_t n = 0;

	if (c)
		while (n < sizeof host - 1 && c[n] && (isxdigit((unsigned char)c[n]) || c[n] == '.' || c[n] == ':')) {
			host[n] = c[n];
			n++;
		}
	host[n] = '\0';
	if (!host[0])
		snprintf(host, sizeof host, "lokaal");
	return host;
}

/* What every new connection gets once it is up. */
static int connect_setup(struct db **db, struct err *e)
{
	PQsetClientEncoding((*db)->pg, "UTF8");
	/* Server NOTICEs ("… does not exist, skipping") are not for the
	 * person at the keyboard, and must never reach the screen under curses. */
	PQsetNoticeProcessor((*db)->pg, ignore_notice, NULL);
	/* current_date and now()::date are Dutch dates whatever the server's
	 * TimeZone: the same "today" as the terminal's datum_today(). */
	/* balie.sessie and balie.host go into every audit row this
	 * connection writes (019_audit.sql): who, from where, in which run.
	 * jit off: every query of balie is a few index lookups; the home
	 * counts cost above jit_above_cost and spent 24–30 ms of ~90 compiling
	 * (issue 15), and each backend that JITs carries libLLVM (+7.6 MiB). */
	const char *p[2] = { process_session_id(), db_client_host() };
	PGresult *r = PQexecParams((*db)->pg, "SELECT set_config('search_path', 'balie, pg_catalog', false), "
					      "set_config('TimeZone', '" DATUM_TZ "', false), set_config('jit', 'off', false), "
					      "set_config('balie.sessie', $1, false), set_config('balie.host', $2, false)",
				   2, NULL, p, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		db_fail(*db, r, e);
	PQclear(r);
	if (!ok)
		db_free(db);
	return ok ? 0 : -1;
}

/* A server that does not answer (a host gone from the network) must not
 * hold the terminal for the minutes of a TCP timeout: 10 s unless
 * PGCONNECT_TIMEOUT or conninfo says otherwise (conninfo's own keywords
 * come after and win; key=value and postgresql:// URIs both expand). */
static const char *const connect_keys[] = { "connect_timeout", "dbname", NULL };

int db_connect(struct db **out, const char *conninfo, struct err *e)
{
	const char *env = getenv("PGCONNECT_TIMEOUT");
	const char *vals[] = { env && *env ? NULL : "10", conninfo ? conninfo : "", NULL };
	struct db *db = calloc(1, sizeof *db);

	*out = NULL;
	if (!db)
		return err_set(e, "geen geheugen");
	db->pg = PQconnectdbParams(connect_keys, vals, 1);
	if (!db->pg || PQstatus(db->pg) != CONNECTION_OK)
		return connect_failed(&db, e);
	if (connect_setup(&db, e) < 0)
		return -1;
	*out = db;
	return 0;
}

int db_connect_start(struct db **out, const char *conninfo, struct err *e)
{
	const char *vals[] = { NULL, conninfo ? conninfo : "", NULL };
	struct db *db = calloc(1, sizeof *db);

	*out = NULL;
	if (!db)
		return err_set(e, "geen geheugen");
	/* connect_timeout means nothing to PQconnectPoll: the caller keeps
	 * the deadline */
	db->pg = PQconnectStartParams(connect_keys, vals, 1);
	if (!db->pg || PQstatus(db->pg) == CONNECTION_BAD)
		return connect_failed(&db, e);
	db->poll = PGRES_POLLING_WRITING; /* what PQconnectStart leaves us waiting for */
	*out = db;
	return 0;
}

int db_connect_wait(const struct db *db, int *fd, short *events)
{
	*fd = PQsocket(db->pg);
	*events = db->poll == PGRES_POLLING_READING ? POLLIN : POLLOUT;
	return *fd;
}

int db_connect_continue(struct db **db, struct err *e)
{
	PostgresPollingStatusType st = PQconnectPoll((*db)->pg);

	switch (st) {
	case PGRES_POLLING_OK:
		return connect_setup(db, e) < 0 ? -1 : 1;
	case PGRES_POLLING_READING:
	case PGRES_POLLING_WRITING:
		(*db)->poll = st;
		return 0;
	default:
		return connect_failed(db, e);
	}
}

void db_free(struct db **db)
{
	if (!db || !*db)
		return;
	if ((*db)->pg)
		PQfinish((*db)->pg);
	explicit_bzero((*db)->token, sizeof (*db)->token);
	for (int i = 0; i < (*db)->nstmt; i++)
		free((*db)->stmt[i].sql);
	free(*db);
	*db = NULL;
}

PGresult *db_exec(struct db *db, struct err *e, enum db_failure *kind, const char *sql,
		  int nparams, const char *const *params)
{
	PGresult *r = PQexecParams(db->pg, sql, nparams, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(r);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		if (kind)
			*kind = DB_OK;
		return r;
	}
	enum db_failure k = db_fail(db, r, e);
	if (kind)
		*kind = k;
	PQclear(r);
	return NULL;
}

int db_exec_script(struct db *db, const char *sql, struct err *e)
{
	PGresult *r = PQexec(db->pg, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		db_fail(db, r, e);
	PQclear(r);
	return ok ? 0 : -1;
}

/* What starts every transaction with an acting account (a business read or
 * write): the account for row-level security, and lock_timeout, so a write
 * that queues behind another's lock gives up after DB_LOCK_TIMEOUT instead
 * of freezing the screen for as long as the queue lasts (24–65 s were seen
 * under load, issue 15); the person gets DB_LOCK_TIMEOUT's sentence and
 * keeps what they typed.  Both end with the transaction. */
#define ACCOUNT_SQL "SELECT set_config('balie.token', $1, true), set_config('lock_timeout', '" DB_LOCK_TIMEOUT_S "', true)"

const char *db_account_sql(void)
{
	return ACCOUNT_SQL;
}

int db_begin(struct db *db, struct err *e)
{
	const char *p[1] = {db->token};
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL, ACCOUNT_SQL, 1, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	PGresult *r = PQexec(db->pg, "COMMIT");
	ExecStatusType st = PQresultStatus(r);
	int ok = st == PGRES_COMMAND_OK;
	if (ok && strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
		/* COMMIT of an aborted transaction reports ROLLBACK. */
		err_set(e, "de wijziging is niet bewaard (transactie afgebroken)");
		ok = 0;
	} else if (!ok) {
		if (db_fail(db, r, e) == DB_CONNECTION_LOST)
			err_set(e, "verbinding verbroken tijdens het bewaren: onbekend of de wijziging is bewaard");
	}
	PQclear(r);
	return ok ? 0 : -1;
}

void db_rollback(struct db *db)
{
	if (db_ok(db))
		PQclear(PQexec(db->pg, "ROLLBACK"));
}

int db_conninfo_check(const char *conninfo, int *has_password, struct err *e)
{
	*has_password = 0;
	if (!conninfo || !*conninfo)
		return 0;
	char *errmsg = NULL;
	PQconninfoOption *opts = PQconninfoParse(conninfo, &errmsg);
	if (!opts) {
		char msg[300];
		copy_trimmed(msg, sizeof msg, errmsg ? errmsg : "onleesbaar");
		PQfreemem(errmsg);
		return err_set(e, "conninfo klopt niet: %s", msg);
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		/* sslpassword unlocks the client key: as secret as a password */
		if ((!strcmp(o->keyword, "password") || !strcmp(o->keyword, "sslpassword")) && o->val && *o->val)
			*has_password = 1;
	PQconninfoFree(opts);
	return 0;
}

/* One round trip for one statement with the acting account set: in pipeline
 * mode set_config('balie.account', …, true) and sql are sent together and
 * end with a single Sync, so they run in one implicit transaction (the
 * setting ends with it; nothing stays open).  Returns sql's result, or NULL
 * with e and *kind (DB_CONNECTION_LOST when the connection went away). */
/* What was sent into the pipeline, in order: each message gives one result
 * followed by NULL. */
struct sent_msg {
	int call;    /* index into calls, -1 for the set_config */
	int prepare; /* the PREPARE of calls[call] */
	int slot;    /* its cache slot */
};

#define DB_BATCH_MAX 16

static int batch_once(struct db *db, struct err *e, enum db_failure *kind, const struct db_call *calls, int ncalls,
		      PGresult **res)
{
	PGconn *pg = db_pg(db);
	char name[24];
	const char *ap[1] = { db->token };
	struct sent_msg msg[1 + 2 * DB_BATCH_MAX];
	PGresult *r, *bad = NULL;
	int nmsg = 0, sent, got = 0;

	for (int i = 0; i < ncalls; i++)
		res[i] = NULL;
	*kind = DB_OK;
	if (ncalls < 1 || ncalls > DB_BATCH_MAX)
		return err_set(e, "interne fout: %d opdrachten in één keer", ncalls);
	if (!db_ok(db) || PQenterPipelineMode(pg) != 1) {
		*kind = db_fail(db, NULL, e);
		return -1;
	}
	sent = PQsendQueryParams(pg, ACCOUNT_SQL, 1, NULL, ap, NULL, NULL, 0);
	msg[nmsg++] = (struct sent_msg){ -1, 0, -1 };
	for (int i = 0; sent && i < ncalls; i++) {
		int slot = stmt_slot(db, calls[i].sql);

		snprintf(name, sizeof name, "balie_%d", slot);
		if (slot >= 0 && !db->stmt[slot].ready && !db->stmt[slot].sent) {
			sent = PQsendPrepare(pg, name, calls[i].sql, calls[i].n, NULL);
			db->stmt[slot].sent = 1; /* the same text twice in one batch: prepare once */
			msg[nmsg++] = (struct sent_msg){ i, 1, slot };
		}
		sent = sent && (slot >= 0 ? PQsendQueryPrepared(pg, name, calls[i].n, calls[i].p, NULL, NULL, 0)
					  : PQsendQueryParams(pg, calls[i].sql, calls[i].n, NULL, calls[i].p, NULL,
							      NULL, 0));
		msg[nmsg++] = (struct sent_msg){ i, 0, slot };
	}
	sent = sent && PQpipelineSync(pg);
	/* each message's result, then NULL; then the Sync */
	for (int m = 0; sent && m < nmsg; m++) {
		while ((r = PQgetResult(pg)) != NULL) {
			ExecStatusType st = PQresultStatus(r);
			int ok = st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;

			if (msg[m].prepare && st == PGRES_COMMAND_OK)
				db->stmt[msg[m].slot].ready = 1; /* even when running it fails below */
			if (ok && msg[m].call >= 0 && !msg[m].prepare && !res[msg[m].call]) {
				res[msg[m].call] = r;
				got++;
				continue;
			}
			if (!ok && !bad)
				bad = r;
			else
				PQclear(r);
		}
		if (PQstatus(pg) != CONNECTION_OK)
			break;
	}
	for (int m = 0; m < nmsg; m++)
		if (msg[m].prepare)
			db->stmt[msg[m].slot].sent = 0;
	if (sent && PQstatus(pg) == CONNECTION_OK) {
		r = PQgetResult(pg);
		if (r && PQresultStatus(r) != PGRES_PIPELINE_SYNC && !bad)
			bad = r; /* the implicit COMMIT failed */
		else if (r)
			PQclear(r);
	}
	if (PQexitPipelineMode(pg) != 1 && PQstatus(pg) == CONNECTION_OK) {
		/* results left over: not expected; drain so the next call works */
		while ((r = PQgetResult(pg)) != NULL)
			PQclear(r);
		PQexitPipelineMode(pg);
	}
	if (!sent || bad || got != ncalls || PQstatus(pg) != CONNECTION_OK) {
		const char *st = bad ? PQresultErrorField(bad, PG_DIAG_SQLSTATE) : NULL;
		/* a backend terminated at the implicit COMMIT (57P01 …) reports
		 * FATAL before libpq has seen the socket close */
		if (st && (!strncmp(st, "57P", 3) || !strncmp(st, "08", 2))) {
			err_set(e, "verbinding met de database verbroken");
			*kind = DB_CONNECTION_LOST;
		} else {
			*kind = db_fail(db, bad && PQresultStatus(bad) != PGRES_PIPELINE_ABORTED ? bad : NULL, e);
		}
		if (bad)
			PQclear(bad);
		for (int i = 0; i < ncalls; i++) {
			PQclear(res[i]);
			res[i] = NULL;
		}
		return -1;
	}
	return 0;
}

/* The batch is one implicit transaction that rolled back whole on a
 * deadlock or serialization failure, so sending it once more is safe; the
 * second time the other party has committed or gone (issue 15: the person
 * never sees a deadlock).  Once only: a second failure is real contention
 * and is reported. */
int db_exec_batch_as_account(struct db *db, struct err *e, enum db_failure *kind, const struct db_call *calls,
			     int ncalls, PGresult **res)
{
	int rc = batch_once(db, e, kind, calls, ncalls, res);

	if (rc < 0 && *kind == DB_SERIALIZATION) {
		err_clear(e);
		rc = batch_once(db, e, kind, calls, ncalls, res);
	}
	return rc;
}

PGresult *db_exec_as_account(struct db *db, struct err *e, enum db_failure *kind, const char *sql, int n,
			     const char *const *p)
{
	struct db_call call = { sql, n, p };
	PGresult *res;

	return db_exec_batch_as_account(db, e, kind, &call, 1, &res) < 0 ? NULL : res;
}

