/* report.c — the report connection; see report.h. */
#include "db/report.h"

#include "db/auth.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why the replica is not usable: 0 usable, -1 with why. */
static int check_replica(const struct report_opties *o, struct db *primary, struct db *r, char *why, size_t len)
{
	struct err e;
	PGresult *p, *q;
	int rc = -1;

	err_clear(&e);
	/* the primary's WAL position; the standby replays up to its own */
	if (!(p = db_exec(primary, &e, NULL, "SELECT pg_current_wal_lsn()::text", 0, NULL))) {
		snprintf(why, len, "de hoofddatabase gaf geen WAL-positie: %s", e.msg);
		return -1;
	}
	const char *lsn[1] = { PQgetvalue(p, 0, 0) };
	q = db_exec(r, &e, NULL,
		    "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false), "
		    /* behind: since the last replayed commit, or — none replayed
		     * since it started — since the standby started */
		    "       extract(epoch FROM now() - coalesce(pg_last_xact_replay_timestamp(), "
		    "                                           pg_postmaster_start_time()))::bigint",
		    1, lsn);
	if (!q) {
		snprintf(why, len, "de rapportagedatabase antwoordt niet: %s", e.msg);
		goto out;
	}
	if (strcmp(PQgetvalue(q, 0, 0), "t")) {
		snprintf(why, len, "report_conninfo wijst niet naar een replica (standby)");
	} else if (o->max_lag_s > 0 && strcmp(PQgetvalue(q, 0, 1), "t") &&
		   atol(PQgetvalue(q, 0, 2)) > o->max_lag_s) {
		long s = atol(PQgetvalue(q, 0, 2));
		snprintf(why, len, "de rapportagedatabase loopt %ld min %ld s achter (meer dan report_max_lag_s = %d s)",
			 s / 60, s % 60, o->max_lag_s);
	} else {
		rc = 0;
	}
	PQclear(q);
out:
	PQclear(p);
	return rc;
}

int db_report_open(const struct report_opties *o, struct db *primary, long account, struct db **out, char *note,
		   size_t notelen, struct err *e)
{
	char why[600];
	struct db *r = NULL;
	struct err ce;

	*out = NULL;
	if (note && notelen)
		note[0] = '\0';
	if (!o->conninfo || !*o->conninfo)
		return 0;
	err_clear(&ce);
	if (db_connect(&r, o->conninfo, &ce) < 0)
		snprintf(why, sizeof why, "de rapportagedatabase (report_conninfo) is niet bereikbaar: %s", ce.msg);
	else if (check_replica(o, primary, r, why, sizeof why) == 0) {
		/* the session's token: the replica holds the sessie rows too, but
		 * a session opened after its last replay it does not know yet */
		struct session s;

		db_set_session(r, db_session_token(primary), account);
		if (auth_session_info(r, &s, &ce) == 0) {
			explicit_bzero(&s, sizeof s);
			*out = r;
			return 0;
		}
		snprintf(why, sizeof why, "de rapportagedatabase kent deze sessie nog niet (loopt achter)");
	}
	db_free(&r);
	if (!o->fallback)
		return err_set(e, "%s; probeer het later of zet report_fallback = 1 in balie.conf", why);
	if (note && notelen)
		snprintf(note, notelen, "%s; gelezen uit de hoofddatabase (report_fallback)", why);
	return 0;
}
