/* looptijd.h — the lists by end date (issue 10 §4, migration 021):
 * "Verloopt binnenkort" (issued TLVs and aanpakken ending within N months)
 * and "Te evalueren" (aanpakken ending within two months, not yet in the
 * evaluation status, 004 §3.6), of the hulpvragen the acting account sees,
 * soonest first. */
#ifndef BALIE_DB_LOOPTIJD_H
#define BALIE_DB_LOOPTIJD_H

#include "core/err.h"
#include "db/conn.h"

#define LOOPTIJD_MAX 2000 /* rows read at most */

enum looptijd_lijst { LT_VERLOOPT, LT_EVALUEREN };

struct looptijd_rij {
	long id; /* hulpvraag */
	long nummer;
	int versie;         /* LT_EVALUEREN: the version, for the status change */
	char soort[8];      /* "TLV" | "Aanpak" */
	char wat[204];      /* the TLV's soort, the aanpak's type and categorie */
	char einde[11];     /* dd-mm-jjjj */
	char status[204];
	char naar[204];     /* LT_EVALUEREN: the evaluation status to set */
};

/* The rows of list l for organisatie org; maanden for LT_VERLOOPT.  *out
 * malloc'ed (free()), *n rows.  0 / -1 with e. */
int db_looptijd(struct db *db, enum looptijd_lijst l, long org, int maanden, struct looptijd_rij **out, int *n,
		struct err *e);

#endif
