/* audit.h — the audit log: who did what, insert-only for the application.
 * Details carry ids and codes only, never a pupil's name. */
#ifndef BALIE_DB_AUDIT_H
#define BALIE_DB_AUDIT_H

#include <stdio.h>

#include "core/err.h"
#include "db/conn.h"

/* Writes one audit row in its own statement (autocommit or inside the
 * caller's transaction).  account_id / organisatie_id / object_id 0 = none. */
int audit_write(struct db *db, long account_id, long organisatie_id, const char *actie,
		const char *object, long object_id, const char *detail, struct err *e);

/* Seals the unsealed rows onto the hash chain (audit_verzegel() in the
 * database; 019_audit.sql).  *n: how many.  0 / -1. */
int audit_verzegel(struct db *db, int *n, struct err *e);

/* What `balie admin audit verify` found. */
struct audit_controle {
	long long gecontroleerd;  /* sealed rows whose link was recomputed */
	long long onverzegeld;    /* rows not sealed yet */
	long long breuk_nr;       /* first broken link's verzegel_nr, 0: none */
	long long breuk_id;       /* its audit row id (0 when the row is missing) */
	char reden[200];          /* why it is broken, in Dutch */
	char laatste_hash[65];    /* the newest link: keep it outside the database */
	long long laatste_nr;
};

/* Recomputes every link of the chain here (core/auditketen), in
 * verzegel_nr order, and stops at the first that is wrong: a row changed
 * after sealing (hash differs), a verzegel_nr missing (row removed) or a
 * chain that does not start at 1.  Needs a role that may read audit_log
 * (the administrator's).  0 (look at c->breuk_nr) / -1. */
int audit_verify(struct db *db, struct audit_controle *c, struct err *e);

/* Writes the rows of moments van…tot (ISO dates, both included, Dutch
 * local time) as CSV with a header line to out, for the SWV's periodic log
 * review: moment, account, naam, rol, organisatie, sessie, host, actie,
 * object, object_id, detail, verzegel_nr, hash.  *n: rows.  0 / -1. */
int audit_export_csv(struct db *db, const char *van, const char *tot, FILE *out, long long *n, struct err *e);

/* "Wie zag dit kind": every audit row about the dossier of hulpvraag
 * nummer in organisatie org (the dossier, its hulpvragen, bijlagen and
 * formulieren), oldest first, as "moment  account (naam)  rol  actie
 * object id" lines on out.  No pupil data is printed.  *n: rows; -1 with
 * e when the hulpvraag does not exist. */
int audit_kind(struct db *db, const char *org, long nummer, FILE *out, long long *n, struct err *e);

#endif
