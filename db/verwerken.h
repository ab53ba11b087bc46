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

/* Bulk "financieel verwerkt": what would happen to each of ids[0..n-1] (the
 * ones the acting account sees, by nummer), 021 verwerken_controle. */
struct verwerken_controle {
	long id;
	long nummer;
	int versie;
	char naar[204]; /* the "financieel verwerkt" status, "" when none */
	int mail;       /* the status mail goes to the aanvrager */
	char waarom[400]; /* what stops it, "" when nothing */
};

/* *out malloc'ed (free()), *nout rows.  0 / -1 with e. */
int db_verwerken_controle(struct db *db, const long *ids, int n, struct verwerken_controle **out, int *nout,
			  struct err *e);

#endif
