/* beheer.h — the configuration the administrator keeps with `balie admin
 * user edit|rol`, `school`, `bestuur`, `scholenkring` and `overdracht`
 * (issue 13 §6; migration 025_beheer.sql).  Every change goes through one
 * of the database's audited beheer_* functions, which only the
 * administrator's database role may call; a refusal comes back as the
 * function's Dutch message. */
#ifndef BALIE_DB_BEHEER_H
#define BALIE_DB_BEHEER_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "db/conn.h"

/* The audited beheer_* calls of the admin verbs; their SQL and number of
 * parameters live in db/beheer.c (the parameters in the order of each
 * function of 025_beheer.sql). */
enum beheer_actie {
	BA_ACCOUNT_BEWERKEN, /* username, naam, email, who */
	BA_ROL_ERBIJ,        /* username, organisatie, rol, who */
	BA_ROL_ERAF,
	BA_SCHOOL_NIEUW,     /* 11 */
	BA_SCHOOL_BEWERKEN,  /* 10 */
	BA_SCHOOL_SLUITEN,
	BA_MEDEWERKER,
	BA_SCHOOL_BRIN,
	BA_SCHOOL_SAMENVOEGEN,
	BA_BESTUUR_NIEUW,
	BA_BESTUUR_BEWERKEN,
	BA_BESTUUR_OPHEFFEN,
	BA_KRING_NIEUW,      /* gemeenten as typed: "Asten; Someren" */
	BA_KRING_BEWERKEN,
	BA_KRING_COORDINATOR,
	BA_KRING_OPHEFFEN,
	BA_OVERDRACHT
};

/* Runs one beheer_* call (p its text parameters, NULL = SQL NULL) in its
 * own transaction and copies its one-text answer into out.  0 / -1 with e
 * (the database's Dutch refusal as it is). */
int beheer_actie(struct db *db, enum beheer_actie a, const char *const *p, char *out, size_t len, struct err *e);

/* The same for a statement of one's own (tests). */
int beheer_doe(struct db *db, const char *sql, int n, const char *const *p, char *out, size_t len, struct err *e);

/* The import of DUO's school locations: one transaction, each row behind
 * a savepoint so a refused row costs only itself.  beheer_import_rij
 * fills out with beheer_school_import's answer (nieuw, bijgewerkt, gelijk,
 * buiten); -1 with e for a refused row, after which the import goes on.
 * beheer_import_begin refuses an organisatie that does not exist. */
int beheer_import_begin(struct db *db, const char *org, struct err *e);
int beheer_import_rij(struct db *db, const char *const p[9], char *out, size_t len, struct err *e);
int beheer_import_klaar(struct db *db, struct err *e);

/* Lists for people (dates as DD-MM-YYYY, moments in Dutch local time):
 * the schools of an organisatie (gesloten too with alle), one school with
 * its history and staff, the besturen, the scholenkringen with their
 * coördinator.  0 / -1. */
int beheer_scholen(struct db *db, const char *org, int alle, FILE *out, struct err *e);
int beheer_school_toon(struct db *db, const char *org, const char *ref, FILE *out, struct err *e);
int beheer_besturen(struct db *db, const char *org, FILE *out, struct err *e);
int beheer_kringen(struct db *db, const char *org, FILE *out, struct err *e);

#endif
