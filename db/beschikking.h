/* beschikking.h — the TLV beschikking of a hulpvraag in the database
 * (migration 015): read it with what its rules need, save it with the
 * version check (a create with an idempotency key), publish a profile's
 * soorten and "afgegeven" statuses.
 *
 * The rules are core/beschikking's; the database repeats the ones that
 * protect a decision (tlv_fouten, the guard on the status change), so this
 * module only carries the data and turns refusals into outcomes.
 */
#ifndef BALIE_DB_BESCHIKKING_H
#define BALIE_DB_BESCHIKKING_H

#include "core/beschikking.h"
#include "db/conn.h"
#include "db/outcome.h"

#define TLV_MAX_BETROKKEN 3

/* A TLV beschikking as stored (or the empty one when there is none yet),
 * with what its rules need from around it. */
struct tlv_beschikking {
	long id;       /* 0: none yet (in is empty, volgend_nummer suggested) */
	int version;
	long hulpvraag_id;
	long organisatie_id;
	struct tlv_invoer in;              /* dates as dd-mm-jjjj */
	int emb;                           /* the Aanvraag TLV form says EMB */
	char aanvragende_school[BESCHIKKING_KORT];
	char betrokken[TLV_MAX_BETROKKEN][BESCHIKKING_KORT]; /* coördinator, aanvrager */
	int nbetrokken;
	char volgend_nummer[48];           /* the next free number to suggest */
	int afgegeven;                     /* the hulpvraag is in an "afgegeven" status */
	int tlv;                           /* its aanvraagtype can be afgegeven: a TLV aanvraag */
	char gewijzigd[160];               /* "Financieel Demo, 07-12-2026 14:02" or "" */
	char dossier_fouten[600];          /* not afgegeven yet: the checklist items not met ("; "), as the
	                                    * database's guard sees them (021 compleet_fouten); "" when none */
};

/* Reads the beschikking of hulpvraag_id (as the acting account: what it
 * may see) and the organisatie's soorten into conf.  0 (b->id 0 when there
 * is none, or it is not visible yet), -1 with e. */
int db_tlv_read(struct db *db, long hulpvraag_id, struct tlv_beschikking *b, struct beschikking_conf *conf,
		struct err *e);

/* Saves in on hulpvraag_id: a create when id is 0 (key: the idempotency key
 * made when the form opened), else the versioned update of id at version.
 * One transaction with its audit row.  SAVED (o->id, o->version), CONFLICT,
 * REFUSED (a duplicate number: "Beschikkingsnummer … is al gebruikt"; the
 * database's rules), GONE, UNKNOWN or ERROR. */
enum outcome_kind db_tlv_save(struct db *db, long hulpvraag_id, long id, int version, const struct tlv_invoer *in,
			      const char *key, struct outcome *o);

/* Publishes c for organisatie org_code (soorten and afgegeven statuses),
 * replacing what was there.  Run by `balie admin forms load` and the demo
 * with a role that may write configuration.  0 / -1. */
int db_beschikking_publish(struct db *db, const char *org_code, const struct beschikking_conf *c, struct err *e);

/* dd-mm-jjjj → jjjj-mm-dd in buf (DATUM_BUFLEN) for a date parameter; NULL
 * when empty or not a date (core's check came first: what is left is
 * "empty"). */
const char *db_beschikking_iso(const char *dmy, char *buf);

/* Shared by the saves of beschikking rows (db/aanpak.c too), inside the
 * open transaction.  A create with key: did an earlier send get in?
 * OUTCOME_GONE to go ahead (o->probe and probe_key set), else o's kind
 * (SAVED repeated, or a failure, rolled back). */
enum outcome_kind db_beschikking_sleutel(struct db *db, enum outcome_probe probe, const char *key, struct outcome *o);
/* A failed INSERT/UPDATE (kind, the database's words in o->err): a used
 * number REFUSED in Dutch naming nummer, a second row for the hulpvraag a
 * CONFLICT (wat: "een beschikking"), a table rule REFUSED; rolled back. */
enum outcome_kind db_beschikking_mislukt(struct db *db, enum db_failure kind, const char *nummer, const char *wat,
					  struct outcome *o);

#endif
