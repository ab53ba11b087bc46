/* verwerken.h — the financial queue "Te verwerken" (migration 015,
 * te_verwerken()): what the financieel medewerker has to do, of the
 * hulpvragen the acting account sees, oldest first, with amounts. */
#ifndef BALIE_DB_VERWERKEN_H
#define BALIE_DB_VERWERKEN_H

#include <stdint.h>

#include "core/err.h"
#include "db/conn.h"

#define VERWERKEN_MAX 2000 /* rows read at most */

struct verwerken_rij {
	long id;        /* hulpvraag */
	long nummer;
	char datum[11]; /* dd-mm-jjjj */
	char status[204];
	char reden[64];
	int64_t bedrag; /* cents, 0 when none */
};

/* The rows of organisatie org.  *out malloc'ed (free()), *n rows. 0 / -1. */
int db_te_verwerken(struct db *db, long org, struct verwerken_rij **out, int *n, struct err *e);

#endif
