/* hulpvraag.h — one hulpvraag: read it whole, change its status, edit it.
 *
 * Every write is one short transaction with an optimistic version check
 * (UPDATE … WHERE id = $1 AND version = $2): no row lock and no open
 * transaction while a person types.  A status change writes, in one
 * transaction, the hulpvraag, a statushistorie row, an outbox row (the mail
 * to the aanvrager, unless they opted out or have no address), an audit row;
 * the NOTIFY follows from the trigger of migration 004.  The database
 * refuses a transition the acting account's role may not make (trigger of
 * migration 003), whatever the program asks.
 *
 * Implemented in db/hulpvraag.c (the hulpvraag slice); the bulk action of
 * the werkvoorraad calls hulpvraag_set_status once per marked row.
 */
#ifndef BALIE_DB_HULPVRAAG_H
#define BALIE_DB_HULPVRAAG_H

#include "core/err.h"
#include "db/conn.h"

enum hv_result {
	HV_OK = 0,
	HV_CONFLICT,        /* someone else changed it in between (version differs) */
	HV_NOT_ALLOWED,     /* the flow does not let this role make this transition */
	HV_REASON_REQUIRED, /* the flow requires a reden and none was given */
	HV_NOT_FOUND,       /* gone, or not visible to the acting account */
	HV_UNKNOWN,         /* connection lost during COMMIT: outcome unknown until checked */
	HV_ERROR            /* anything else; e says what */
};

/* Moves hulpvraag id (as read with `version`) to status `to` with `reden`
 * (may be "" when the flow does not require one), acting as db_account(db).
 * datadir: where forms/<profiel>/ with the mail templates lives.  On HV_OK
 * *new_version (may be NULL) gets the new version.  e always gets a Dutch
 * sentence for the person (also on HV_OK: what happened, e.g. "Status
 * gewijzigd; mail aan de aanvrager klaargezet"). */
enum hv_result hulpvraag_set_status(struct db *db, long id, int version, const char *to, const char *reden,
				    const char *datadir, int *new_version, struct err *e);

#endif
