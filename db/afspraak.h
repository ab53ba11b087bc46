/* afspraak.h — the coördinator's own appointments in the database
 * (migration 029): the open appointment of a hulpvraag, and the writes —
 * plan one (a meeting of one case of the afspraak commissie its flow names,
 * with the hulpvraag's coördinator as member, the flow's transition and the
 * mail to the aanvrager, one transaction), move it, cancel it.
 *
 * Each write is one statement (its own transaction) of a SECURITY DEFINER
 * function that checks the rulebook's afspraak-plannen and that a
 * coördinator plans only for his own hulpvragen.  Answers are struct
 * outcome (db/outcome.h); a plan carries an idempotency key.
 */
#ifndef BALIE_DB_AFSPRAAK_H
#define BALIE_DB_AFSPRAAK_H

#include <stddef.h>

#include "core/afspraak.h"
#include "db/conn.h"
#include "db/outcome.h"

struct afspraak_rij {
	long id;                 /* the meeting; 0: none */
	int version;
	char commissie[48];
	struct afspraak_tijd t;
	char locatie[128];
	char coordinator[128];   /* the member's name */
};

/* The open appointment of hulpvraag h (an open case on a meeting of an
 * afspraak commissie) into *out; out->id 0 when it has none. 0 / -1. */
int db_afspraak_van(struct db *db, long h, struct afspraak_rij *out, struct err *e);

/* Plans an appointment for hulpvraag h (at the version the person saw) at t,
 * waar a place or telephone number ("" allowed), subject/body the mail to
 * the aanvrager (NULL: none), key the idempotency key.  SAVED: o->id the
 * meeting, o->version the hulpvraag's version, o->nu its status, o->mail;
 * warn gets the double-booking warning ("" when none). */
enum outcome_kind db_afspraak_plannen(struct db *db, long h, int version, const struct afspraak_tijd *t,
				      const char *waar, const char *subject, const char *body, const char *key,
				      struct outcome *o, char *warn, size_t warnlen);

/* Moves appointment v (the meeting, at version) to t and waar, with the
 * mail of the new time.  SAVED: o->version the meeting's; warn as above. */
enum outcome_kind db_afspraak_verplaatsen(struct db *db, long v, int version, const struct afspraak_tijd *t,
					  const char *waar, const char *subject, const char *body, struct outcome *o,
					  char *warn, size_t warnlen);

/* Cancels appointment v (at version) with a reason (required) and the mail
 * that it lapses; the hulpvraag is ready for a new appointment. */
enum outcome_kind db_afspraak_annuleren(struct db *db, long v, int version, const char *reden, const char *subject,
					const char *body, struct outcome *o);

#endif
