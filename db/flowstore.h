/* flowstore.h — publishing a profile's flows (core/flow.h) into the
 * database as a new flow_version: aanvraagtype, aanvraagtype_titel,
 * flow_status and flow_transitie rows (the rows the database's status
 * trigger checks every transition against). */
#ifndef BALIE_DB_FLOWSTORE_H
#define BALIE_DB_FLOWSTORE_H

#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"

/* Publishes p for organisatie org_code (NULL = p->code; lets an SWV start
 * from the generiek profile) in one transaction.  When the
 * organisatie does not exist yet and p->name is set, it is created (profiel
 * = basename of p->dir).  An unchanged profile (same content hash as the
 * newest version) is not published again: *versie then gets the existing
 * version and *nieuw 0.  who is recorded as geladen_door. */
int flowstore_publish(struct db *db, const struct flow_profile *p, const char *org_code, const char *who,
		      int *versie,
		      int *nieuw, struct err *e);

#endif
