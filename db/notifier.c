/* notifier.c — the background step of migration 014; see notifier.h. */
#include "db/notifier.h"

#include <libpq-fe.h>
#include <stdlib.h>

/* One statement, its own transaction; its number into *out (may be NULL). */
static int one(struct db *db, const char *sql, long *out, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, 0, NULL);

	if (!r)
		return -1;
	if (out)
		*out = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int notifier_step(struct db *db, long *sent, long *folded, struct err *e)
{
	struct err fe;

	err_clear(&fe);
	if (sent)
		*sent = 0;
	if (folded)
		*folded = 0;
	/* fold first, so a session woken by the notification reads counts
	 * with few deltas left; apart, so a fold that fails does not hold
	 * back the announcements (nor they the fold) */
	int f = one(db, "SELECT telling_vouwen()", folded, &fe);
	if (one(db, "SELECT wijzigingen_melden()", sent, e) < 0)
		return -1;
	if (f < 0) {
		*e = fe;
		return -1;
	}
	return 0;
}

int notifier_wait_ms(long sent)
{
	return sent > 0 ? NOTIFIER_INTERVAL_MS : NOTIFIER_TICK_MS;
}
