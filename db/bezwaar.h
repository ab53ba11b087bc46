/* bezwaar.h — a bezwaar against an issued TLV (migration 021): registered
 * with the date it was received (late after 6 weeks), decided gegrond /
 * ongegrond / deels gegrond; gegrond makes a new version of the
 * beschikking.  Writes go through the database's functions only. */
#ifndef BALIE_DB_BEZWAAR_H
#define BALIE_DB_BEZWAAR_H

#include "db/conn.h"
#include "db/outcome.h"

#define BEZWAAR_MAX 8

struct bezwaar {
	long id;
	int version;
	char ontvangen[11], afgegeven[11], besloten[11]; /* dd-mm-jjjj; besloten "" while open */
	int te_laat;
	char uitkomst[16]; /* "" while open */
};

/* The bezwaren of hulpvraag hv (newest last) and how many earlier versions
 * of its beschikking were replaced.  0 / -1 with e. */
int db_bezwaren(struct db *db, long hv, struct bezwaar *out, int *n, int *vervangen, struct err *e);

/* Registers one received on ontvangen (dd-mm-jjjj) with idempotency key.
 * SAVED (o->err: what was registered, late or not), REFUSED, ERROR … */
enum outcome_kind db_bezwaar_registreren(struct db *db, long hv, const char *ontvangen, const char *key,
					 struct outcome *o);

/* The outcome of bezwaar id seen at version. */
enum outcome_kind db_bezwaar_beslissen(struct db *db, long id, int version, const char *uitkomst, struct outcome *o);

#endif
