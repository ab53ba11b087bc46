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

/* Runs one beheer_* call (sql, n text parameters, NULL = SQL NULL) in its
 * own transaction and copies its one-text answer into out.  0 / -1 with e
 * (the database's Dutch refusal as it is). */
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
