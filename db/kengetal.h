/* kengetal.h — the kengetallen and the exports read from the database
 * (migration 022): the detail rows of one school year, the doorlooptijden
 * per aanvraagtype (median and p90 by core/kengetal) and the afgegeven
 * TLVs of a period for DUO.  Every read runs as the acting account, so
 * row-level security decides what is counted; the connection may be the
 * primary or a report replica (db/conn's report connection). */
#ifndef BALIE_DB_KENGETAL_H
#define BALIE_DB_KENGETAL_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"
#include "core/kengetal.h"
#include "db/conn.h"

/* The detail rows of organisatie org in the school year that starts on
 * 1 August jaar: per bestuur, school, kind and soort.  *out malloc'ed
 * (free()), *n rows.  0 / -1. */
int db_kengetallen(struct db *db, long org, int jaar, struct kengetal_rij **out, size_t *n, struct err *e);

/* The doorlooptijd per aanvraagtype of the hulpvragen that reached an
 * "afgegeven" status (TLV afgegeven, arrangement financieel verwerkt) in
 * that school year, alphabetical by type. */
struct kengetal_doorloop {
	char aanvraagtype[KENGETAL_NAAM];
	struct kengetal_duur duur;
};
int db_doorlooptijden(struct db *db, long org, int jaar, struct kengetal_doorloop **out, size_t *n,
		      struct err *e);

/* One afgegeven TLV for a DUO registration. */
struct kengetal_tlv {
	char nummer[44];
	char achternaam[KENGETAL_NAAM], tussenvoegsel[64], voornamen[KENGETAL_NAAM];
	char geboortedatum[11]; /* dd-mm-jjjj, "" when unknown */
	char brin[8], vestiging[4];
	char soort[KENGETAL_NAAM];
	char start[11], eind[11];
	long hulpvraag; /* nummer */
};
/* The afgegeven TLVs of org whose period overlaps van…tot, by start. */
int db_tlv_export(struct db *db, long org, struct datum van, struct datum tot, struct kengetal_tlv **out,
		  size_t *n, struct err *e);

#endif
