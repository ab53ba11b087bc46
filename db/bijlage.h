/* bijlage.h — the bijlagen of a hulpvraag: list, add, read, remove.
 *
 * A bijlage is never overwritten: adding always makes a new row, the bytes
 * go into bijlage_inhoud once per organisatie and SHA-256 (migration 010),
 * and removing only marks the row (verwijderd_op / verwijderd_door).
 * Row-level security follows the hulpvraag (003): what the acting account
 * cannot see, it cannot list, read, add to or remove.  Every add, remove,
 * view and export writes an audit row in the same transaction (details hold
 * ids and codes, never a name).
 *
 * Adding runs in ONE transaction with the flow's automatic rule for a new
 * bijlage: when the hulpvraag is in a status with such a rule ("TLV>aanvraag
 * aanvulling nodig" → "TLV>documenten aangevuld"), it moves with
 * statushistorie, the mail to the aanvrager and NOTIFY, through the same
 * code as any status change (hulpvraag_status_automatisch).
 */
#ifndef BALIE_DB_BIJLAGE_H
#define BALIE_DB_BIJLAGE_H

#include <stddef.h>

#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"
#include "db/outcome.h"

struct bijlage {
	long id;
	int version;
	long hulpvraag_id;
	long organisatie_id;
	char naam[256];
	long grootte;       /* bytes */
	char categorie[24];
	char mime[128];     /* detected from the content */
	char sha256[65];
	char op[20];        /* "dd-mm-jjjj hh:mm" (Europe/Amsterdam) */
	char door[128];     /* uploader's naam, "" when unknown */
};

/* The bijlagen of hulpvraag id that are not removed, newest first.  *out
 * is malloc'ed (free()), *n its length.  0 / -1 with e. */
int bijlage_list(struct db *db, long hulpvraag_id, struct bijlage **out, int *n, struct err *e);

struct bijlage_nieuw {
	long hulpvraag_id;
	const char *naam;      /* as stored: no directory (see bijlage_check_naam) */
	const char *categorie; /* one of bijlage_categorieen (case does not matter) */
	const void *data;
	size_t len;
	const char *idempotentie; /* outcome_key_new when the picker opened (NULL: none) */
	/* 1: SWV staff added it on the school's behalf and chose to leave the
	 * status (no automatic change, no mail); 0: the flow's automatic rule
	 * applies, as when the aanvrager adds it (000, 004) */
	int status_laten;
};

/* What an add did. */
struct bijlage_toegevoegd {
	long id;
	char mime[128];
	char sha256[65];
	char status[FLOW_NAME_BUF];   /* the new status when the flow moved it, else "" */
};

/* Adds n as the acting account (see above).  datadir: where
 * forms/<profiel>/ with the mail templates lives.  SAVED with *out filled
 * and o->err a Dutch sentence of what happened ("Bijlage toegevoegd; status
 * → …"); with n->idempotentie a bijlage an earlier send with that key added
 * is returned instead (SAVED, o->repeated).  REFUSED (too big — the seed's
 * advice —, unknown category, bad name, refused automatic transition),
 * GONE (hulpvraag not visible), UNKNOWN (COMMIT cut off: probe by key),
 * ERROR; nothing written unless SAVED. */
enum outcome_kind bijlage_add(struct db *db, const struct bijlage_nieuw *n, const char *datadir,
			      struct bijlage_toegevoegd *out, struct outcome *o);

/* bijlage_add inside the caller's open transaction (several bijlagen and
 * what goes with them in one business action: a mail with attachments,
 * db/mailin).  The same checks and the same automatic status change;
 * n->idempotentie is stored but not probed (the caller's action has its
 * own key).  SAVED with *out, or another kind with o->err; on anything but
 * SAVED the caller rolls back. */
enum outcome_kind bijlage_add_in_tx(struct db *db, const struct bijlage_nieuw *n, const char *datadir,
				    struct bijlage_toegevoegd *out, struct outcome *o);

/* Reads the file at path (refused before reading when over the limit) and
 * adds it under its base name with idempotency key key (may be NULL).
 * bijlage_add_file_laten: the same with status_laten (see above). */
enum outcome_kind bijlage_add_file_laten(struct db *db, long hulpvraag_id, const char *path, const char *categorie,
					 const char *key, int status_laten, const char *datadir,
					 struct bijlage_toegevoegd *out, struct outcome *o);
enum outcome_kind bijlage_add_file(struct db *db, long hulpvraag_id, const char *path, const char *categorie,
				   const char *key, const char *datadir, struct bijlage_toegevoegd *out,
				   struct outcome *o);

enum bijlage_doel { BIJLAGE_BEKIJKEN, BIJLAGE_EXPORTEREN };

/* The bytes of bijlage id (not removed) with its metadata in *meta, read
 * in one transaction with the audit row of doel.  *data is malloc'ed
 * (free()), *len its length.  0 / -1 with e. */
int bijlage_fetch(struct db *db, long id, enum bijlage_doel doel, struct bijlage *meta, unsigned char **data,
		  size_t *len, struct err *e);

/* Marks bijlage id (as read with version) removed by the acting account,
 * with an audit row (a versioned write: SAVED, CONFLICT, GONE, UNKNOWN …). */
enum outcome_kind bijlage_remove(struct db *db, long id, int version, struct outcome *o);

#endif
