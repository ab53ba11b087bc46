/* tarief.h — the tariff table (migration 015): the amount of an arrangement
 * per organisatie, school year and categorie, maintained by the
 * administrator with `balie admin tarief`.  Money is integer cents. */
#ifndef BALIE_DB_TARIEF_H
#define BALIE_DB_TARIEF_H

#include <stdint.h>

#include "core/err.h"
#include "db/conn.h"

struct db_tarief {
	char organisatie[16]; /* "PO3008" */
	int schooljaar;       /* 2024: 2024-2025 */
	char categorie[104];
	int64_t cents;
	char gewijzigd[80];   /* "07-12-2026 14:02 door postgres" */
};

/* Sets the tariff of organisatie code in schooljaar for categorie (a new
 * row, or a changed amount).  *was gets the previous amount (0: none).
 * Needs a role that may write configuration.  0 / -1 with e (Dutch). */
int db_tarief_set(struct db *db, const char *code, int schooljaar, const char *categorie, int64_t cents,
		  int64_t *was, struct err *e);

/* Removes one tariff; *found 0 when there was none.  0 / -1. */
int db_tarief_remove(struct db *db, const char *code, int schooljaar, const char *categorie, int *found,
		     struct err *e);

/* The tariffs of organisatie code (NULL: all), by organisatie, school year,
 * categorie.  *out malloc'ed (free()), *n rows.  0 / -1. */
int db_tarief_list(struct db *db, const char *code, struct db_tarief **out, int *n, struct err *e);

#endif
