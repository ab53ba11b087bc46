/* sessie.h — the administrator's view of login sessions (027_sessie.sql):
 * `balie admin sessions list|end`.  Runs on the administrator's own
 * connection (balie-admin(8)), like db/account.h. */
#ifndef BALIE_DB_SESSIE_H
#define BALIE_DB_SESSIE_H

#include <stdio.h>

#include "core/err.h"
#include "db/conn.h"

/* Open sessions (account, soort, host, started, last activity, expiry; times
 * in Europe/Amsterdam), of one account or all.  0 / -1. */
int sessie_list(struct db *db, const char *username, FILE *out, struct err *e);

/* Ends every open session of username at once (the database refuses their
 * tokens from the next statement; running screens hear it on balie_sessie
 * and go back to the login).  *n = how many.  Audited ("sessies-beeindigd",
 * who = the operator).  0 / -1 (unknown account). */
int sessie_end_account(struct db *db, const char *username, const char *who, int *n, struct err *e);

#endif
