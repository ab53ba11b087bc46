/* formstore.h — publishing .form definitions (core/form.h) into
 * formulier_definitie (migration 009).
 *
 * Each publish of a form whose text changed adds a new version with the
 * source text kept (filled forms render from the version they were filled
 * against) and makes it the only `actief` one of its code.  An unchanged
 * file (same SHA-256 of its text as the newest version) is not published
 * again. */
#ifndef BALIE_DB_FORMSTORE_H
#define BALIE_DB_FORMSTORE_H

#include <stddef.h>

#include "core/err.h"
#include "core/form.h"
#include "db/conn.h"

/* Publishes definition d, parsed from source (len bytes: exactly the text
 * that is stored), for organisatie org_code (must exist) in one
 * transaction.  *versie gets the newest version of d->code afterwards and
 * *nieuw 1 when this call added it.  who is recorded as geladen_door.
 * 0 / -1 with a Dutch e. */
int formstore_publish(struct db *db, const char *org_code, const struct form_def *d, const char *source,
		      size_t len, const char *who, int *versie, int *nieuw, struct err *e);

/* Reads, checks and publishes every *.form file in dir (sorted by name) for
 * org_code.  report (may be NULL) gets each line of progress or error for
 * people ("aanvraag-tlv: gepubliceerd als versie 2"); *errors counts files
 * that did not pass.  0 when every file was checked (even with errors),
 * -1 with e when the database failed. */
int formstore_publish_dir(struct db *db, const char *org_code, const char *dir, const char *who,
			  void (*report)(const char *line, void *ctx), void *ctx, size_t *errors, struct err *e);

#endif
