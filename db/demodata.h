/* demodata.h — deterministic demo data for `balie demo` and the benchmarks.
 *
 * demodata_load() fills a migrated database in which the organisaties PO3008
 * (profiel po3008) and PO2507 (profiel po2507) and their flows
 * (flow_version, aanvraagtype, aanvraagtype_titel, flow_status,
 * flow_transitie) already exist.  It adds, per organisatie: scholenkringen
 * with a coördinator each, schoolbesturen, schools, demo accounts for every
 * role, pupils (dossiers with adres, relaties and schoolgegevens), a few
 * groep and school dossiers, labels, and hulpvragen that walked their flow
 * with a statushistorie.  The same seed and options give identical rows.
 *
 * Demo accounts (all with o->password_hash):
 *   PO3008  coordinator (coördinator of the first scholenkring),
 *           s.verbeek, e.manders, c.vandijk (the other three kringen),
 *           secretariaat, financieel, admin, totp (secretariaat, with
 *           o->totp_secret), school (aanvrager, linked to one school and
 *           aanvrager of that school's hulpvragen)
 *   PO2507  stromenland (coördinator), stromenland-secr (secretariaat)
 *
 * The caller holds a superuser connection and one open transaction around
 * the call (an interrupted load leaves nothing).  Inside it the bulk COPY
 * runs with session_replication_role = replica (SET LOCAL: no trigger
 * fires, neither the status/count triggers of hulpvraag nor the per-row
 * foreign-key checks); the load fills what those triggers would
 * (status_categorie, voorlopig, nummer, the counts via
 * balie.telling_herbereken()), checks every foreign key of the loaded
 * tables afterwards in one set-based pass, and restores the setting before
 * returning.  Timestamps are written as Dutch local time (TimeZone
 * Europe/Amsterdam while loading, restored after).  The loaded tables are
 * ANALYZEd so the first queue query plans for their real size.
 */
#ifndef BALIE_DB_DEMODATA_H
#define BALIE_DB_DEMODATA_H

#include "core/err.h"
#include "db/conn.h"

#define DEMODATA_SEED 20261123UL
#define DEMODATA_HULPVRAGEN 5000L

struct demodata_opts {
	unsigned long seed;        /* DEMODATA_SEED by default */
	long hulpvragen;           /* PO3008 total (PO2507 gets /15, at least 200) */
	const char *today;         /* "YYYY-MM-DD": the generated history ends here */
	const char *password_hash; /* argon2id string for every demo account */
	const char *totp_secret;   /* base32 secret of the `totp` account */
	const unsigned char *totp_key; /* seals it (core/totpzegel.h); NULL: no secret stored */
	/* Called per stage now and then (may be NULL); stage is a Dutch word
	 * ("dossiers", "hulpvragen", …), done counts up to total. */
	void (*progress)(const char *stage, long done, long total, void *arg);
	void *progress_arg;
};

/* Loads the demo data as described above.  0 / -1 with a Dutch message in
 * e (never containing a pupil's name).  After a failure the caller's
 * transaction is unusable: roll it back. */
int demodata_load(struct db *db, const struct demodata_opts *o, struct err *e);

#endif
