/* budget.h — the budgets per organisatie, school year and kind (migration
 * 021), for `balie admin budget`: set and list as the administrator (the
 * database audits every change), and the forecast per month. */
#ifndef BALIE_DB_BUDGET_H
#define BALIE_DB_BUDGET_H

#include <stdint.h>

#include "core/err.h"
#include "db/conn.h"

#define BUDGET_MAX_CENT 100000000000LL /* € 1.000.000.000,00, as the table's check */

/* Sets the budget; *was the earlier amount (0: new).  0 / -1 with e. */
int db_budget_set(struct db *db, const char *code, int schooljaar, const char *soort, int64_t cents, int64_t *was,
		  struct err *e);

struct db_budget {
	char organisatie[16];
	int schooljaar;
	char soort[204];
	int64_t cents, vastgelegd; /* vastgelegd: what the aanpakken of that kind and year hold */
};

/* All budgets (code NULL) or those of one organisatie.  *out malloc'ed. */
int db_budget_list(struct db *db, const char *code, struct db_budget **out, int *n, struct err *e);

struct db_prognose {
	char maand[8]; /* mm-jjjj */
	int64_t vastgelegd, verwacht; /* cumulative cents */
};

/* The forecast of one budget, August to July (12 rows).  *budget 0 when
 * there is none.  0 / -1 with e. */
int db_budget_prognose(struct db *db, const char *code, int schooljaar, const char *soort, int64_t *budget,
		       struct db_prognose out[12], struct err *e);

#endif
