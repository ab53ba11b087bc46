/* demoregie.h — the demo's PO2811 (SWV Goeree-Overflakkee PO, seed 003):
 * Team Schoolondersteuning with regierolhouders (migration 030_regie.sql).
 *
 * A small organisatie beside the big two: one schoolbestuur, three schools,
 * eight pupils with a Team Schoolondersteuning hulpvraag each (every status
 * of the flow), and the accounts
 *   goeree  secretariaat (chooses the regierolhouder: R on a hulpvraag),
 *   regie   regierolhouder of hulpvragen 1, 2, 3 (open) and 8 (Afgerond),
 *   regie2  regierolhouder of hulpvragen 4 and 5;
 * 6 and 7 have none yet.  Password demo, as every demo account.  Runs
 * inside the demo build's transaction as the database owner, after the
 * profiles are published. */
#ifndef BALIE_DB_DEMOREGIE_H
#define BALIE_DB_DEMOREGIE_H

#include "core/datum.h"
#include "core/err.h"
#include "db/conn.h"

/* password_hash: the argon2id string of "demo".  0 / -1. */
int demoregie_load(struct db *db, const char *password_hash, struct datum today, struct err *e);

#endif
