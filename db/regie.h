/* regie.h — the regierolhouder of a hulpvraag (seed 003, PO2811/VO2805;
 * migration 030_regie.sql).
 *
 * A regierolhouder is an account with the non-internal role
 * regierolhouder: the database shows it only the hulpvragen it is involved
 * in.  The back office (rulebook regierol-toewijzen) chooses at most one per
 * hulpvraag; that is a versioned edit of the hulpvraag (its version goes
 * up, so a second person choosing at the same moment gets a conflict) and
 * the database function regierol_zetten does the rest: the check of the
 * rulebook and the role, the link that makes the hulpvraag visible, the
 * audit row and the mail (no pupil name), in the same transaction.
 */
#ifndef BALIE_DB_REGIE_H
#define BALIE_DB_REGIE_H

#include <stddef.h>

#include "core/err.h"
#include "db/conn.h"
#include "db/hulpvraag.h"
#include "db/outcome.h"

/* Sets the regierolhouder of hulpvraag id (seen at version) to account
 * (0: none).  SAVED with o->version the hulpvraag's new version and
 * o->mail when a mail to the regierolhouder was queued; CONFLICT, GONE,
 * REFUSED (the rulebook, not a regierolhouder of this organisatie) or
 * UNKNOWN/ERROR as struct outcome says. */
enum outcome_kind regie_zetten(struct db *db, long id, int version, long account, struct outcome *o);

/* The name of the regierolhouder of hulpvraag id into naam ("" when none
 * or when the acting account does not see the hulpvraag).  0 / -1. */
int regie_van(struct db *db, long id, char *naam, size_t len, struct err *e);

/* The accounts that can be regierolhouder of hulpvraag id (empty for a
 * role that may not choose): naam, extra = e-mail, flag = the current one.
 * *out malloc'ed (free()). 0 / -1. */
int regie_kandidaten(struct db *db, long id, struct hv_item **out, int *n, struct err *e);

#endif
