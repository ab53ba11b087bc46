/* demoforms.h — filled forms for the demo database.
 *
 * Every po3008 hulpvraag of aanvraagtype "Aanvraag TLV" in status
 * "TLV>aanvraag" gets a filled aanvraag-tlv form (the published active
 * version), deterministic: most are complete; in nummer order the 2nd, 6th,
 * 10th, … (every fourth, so a small demo has one too) lacks "Akkoord
 * bestuur", and those with nummer % 5 == 0 have Akkoord ouders = nee with a
 * zienswijze.  Runs inside the demo build's
 * transaction, after the forms are published and demodata is loaded. */
#ifndef BALIE_DB_DEMOFORMS_H
#define BALIE_DB_DEMOFORMS_H

#include "core/err.h"
#include "db/conn.h"

/* *filled (may be NULL) gets the number of forms added. 0 / -1. */
int demoforms_load(struct db *db, long *filled, struct err *e);

#endif
