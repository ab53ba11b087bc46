/* compleet.h — the completeness of hulpvragen from the database: gathers the
 * facts (dossier, woonadres, schoolgegevens, bijlagen that are not removed,
 * formulieren with their values of migration 009) and the published
 * checklist of the aanvraagtype (migration 011), and lets core/compleet
 * decide.  Row-level security decides what is visible: a hulpvraag the
 * acting account may not see is simply not found.
 *
 * Everything is read in one statement (one round trip, no transaction left
 * open), for one hulpvraag or for a page of the "te controleren" list.
 * Pupil names are read for the title rule only; nothing here logs.
 */
#ifndef BALIE_DB_COMPLEET_H
#define BALIE_DB_COMPLEET_H

#include <stddef.h>

#include "core/compleet.h"
#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"

struct compleet_hv {
	long id;                 /* 0: not found / not visible */
	long nummer;
	int version;
	long aanvraagtype_id;
	char datum[11];          /* received, dd-mm-jjjj */
	char datum_iso[11];      /* same, jjjj-mm-dd (the list's keyset) */
	char titel[FLOW_NAME_BUF];
	char status[FLOW_NAME_BUF];
	char aanvraagtype[FLOW_NAME_BUF];
	int controleren;         /* the status is marked controleren */
	char aanvulling[FLOW_NAME_BUF];    /* where "aanvulling vragen" goes from here; "" when not offered */
	struct compleet_uitslag uitslag; /* owned: compleet_hv_release() */
};

/* Frees the uitslag of h (safe on a zeroed struct). */
void compleet_hv_release(struct compleet_hv *h);

/* Evaluates hulpvragen ids[0..n-1] (n <= 200) in one round trip, acting as
 * db_account(db).  out[i] belongs to ids[i]; out[i].id is 0 when that
 * hulpvraag is not visible.  Release each out[i].  0 / -1 with e. */
int compleet_evaluate_ids(struct db *db, const long *ids, size_t n, struct compleet_hv *out, struct err *e);

/* The "te controleren" list: hulpvragen of organisatie org whose status is
 * marked controleren, oldest (datum, id) first, after the key (after_datum
 * "jjjj-mm-dd", after_id) — pass NULL / 0 for the first page.  At most
 * limit (<= 200) rows go into out[] (caller's array), *n gets the count;
 * only those rows are evaluated.  *more is set to 1 when another page
 * follows.  Two round trips.  0 / -1 with e. */
int compleet_te_controleren(struct db *db, long org, const char *after_datum, long after_id, int limit,
			    struct compleet_hv *out, int *n, int *more, struct err *e);

/* How many hulpvragen of org are in a controleren status. 0 / -1. */
int compleet_te_controleren_count(struct db *db, long org, long *count, struct err *e);

/* Every hulpvraag of org in a controleren status, by (datum, id): ids into
 * *out (malloc'ed, free()), *n the count.  For `balie check --all`. */
int compleet_te_controleren_ids(struct db *db, long org, long **out, size_t *n, struct err *e);

#endif
