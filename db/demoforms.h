/* demoforms.h — filled forms for the demo database.
 *
 * Every po3008 hulpvraag of aanvraagtype "Aanvraag TLV" in status
 * "TLV>aanvraag" gets a filled aanvraag-tlv form (the published active
 * version), deterministic by hulpvraagnummer: most are complete; every
 * fourth (nummer % 4 == 1) lacks "Akkoord bestuur", and every fifth has
 * Akkoord ouders = nee with a zienswijze.  Runs inside the demo build's
 * transaction, after the forms are published and demodata is loaded. */
#ifndef BALIE_DB_DEMOFORMS_H
#define BALIE_DB_DEMOFORMS_H

#include "core/err.h"
#include "db/conn.h"

/* *filled (may be NULL) gets the number of forms added. 0 / -1. */
int demoforms_load(struct db *db, long *filled, struct err *e);

#endif
