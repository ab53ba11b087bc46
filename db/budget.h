/* budget.h — the budgets per organisatie, school year and kind (migration
 * 021), for `balie admin budget`: set and list as the administrator (the
 * database audits every change), and the forecast per month — also for the
 * prognose screen of the kengetallen pane (031). */
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

/* One budget with its forecast, for the screen (031 budget_prognose_alle). */
struct db_prognose_budget {
	char soort[204];
	int64_t budget;            /* cents */
	struct db_prognose maand[12];
};

/* Every budget of school year schooljaar of organisatie org with its
 * forecast, as the acting account (the back office with the right to the
 * kengetallen; others get none).  *out malloc'ed (free), *n budgets. */
int db_budget_prognose_alle(struct db *db, long org, int schooljaar, struct db_prognose_budget **out, int *n,
			    struct err *e);

#endif
