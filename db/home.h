/* home.h — the figures of the home screen. */
#ifndef BALIE_DB_HOME_H
#define BALIE_DB_HOME_H

#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"

struct home_count {
	char categorie[FLOW_NAME_BUF]; /* status category ("TLV", "Aanmelding", …) */
	long aantal;        /* hulpvragen visible to the acting account */
};

/* Counts per status category of the session's organisatie, visible to the
 * acting account (row-level security applies), sorted by category.
 * *out is malloc'ed (caller frees), *n its length. */
int home_counts(struct db *db, long organisatie_id, struct home_count **out, int *n,
		struct err *e);

/* The work of the day on the home screen (issue 13 §2), all from tables
 * that triggers keep (hulpvraag_telling, hulpvraag_telling_coord,
 * hulpvraag_telling_reactie), never a count over hulpvraag.  Closed
 * hulpvragen (eindstatus) are never counted as open or late. */
struct home_werk {
	long zonder_reactie; /* no first reaction, received on or before the cut-off */
	long te_controleren; /* in a status with `controleren = true` */
	long mijn_open;      /* open hulpvragen of this coördinator */
	long mijn_te_laat;   /* … of which without a reaction past the cut-off */
	long te_verwerken;   /* rows of the financial queue (te_verwerken(), 028) */
	long mijn_aanvragen; /* the aanvrager's own open hulpvragen (the school's view) */
	long aanvulling;     /* … of which the SWV asked for more (an aanvulling status) */
	long te_plannen;     /* the agenda's te-plannen set, every commissie (hulpvraag_telling_plannen) */
	long mijn_nieuw;     /* open hulpvragen assigned to this coördinator by someone else
			      * since they last opened Mijn werkvoorraad (home_werkvoorraad_bekeken) */
	long post;           /* open messages of the post list (balie mail-in; 0 without the right) */
	long betrokken;      /* open hulpvragen the account is linked to (hulpvraag_toegang: regierol,
			      * aanpak, vergadering, …) — the regierolhouder's own list (003 §4) */
};

/* cutoff: the latest overdue day of receipt as "YYYY-MM-DD"
 * (werkdag_overdue_cutoff with the 5-werkdagen norm). */
int home_werk(struct db *db, long organisatie_id, long account_id, const char *cutoff, struct home_werk *w,
	      struct err *e);

/* The acting account opened its own werkvoorraad in organisatie_id now:
 * "nieuw" on the home screen counts from this moment.  One short
 * transaction; 0 / -1 with e. */
int home_werkvoorraad_bekeken(struct db *db, long organisatie_id, struct err *e);

#endif
