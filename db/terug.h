/* terug.h — undoing a status change done by mistake (issue 10 §4, migration
 * 021): the person who made it within 10 minutes, after that only an
 * administrator; the database decides (status_terug_info,
 * status_terugdraaien) and writes its own history row. */
#ifndef BALIE_DB_TERUG_H
#define BALIE_DB_TERUG_H

#include "core/flow.h"
#include "db/conn.h"
#include "db/outcome.h"

struct terug_info {
	int er_is;                  /* 0: no change to undo (or the hulpvraag is not visible) */
	char van[FLOW_NAME_BUF];    /* the status it goes back to */
	char naar[FLOW_NAME_BUF];   /* the status now */
	char door[128];             /* who made the change */
	char op[20];                /* dd-mm-jjjj hh:mm */
	int mag;                    /* the acting account may undo it now */
	char waarom[200];           /* else why not, in Dutch */
	int versie;                 /* the hulpvraag's version now (for the undo's check) */
};

/* The last status change of hulpvraag id as the acting account sees it.
 * 0 / -1 with e. */
int db_terug_info(struct db *db, long id, struct terug_info *t, struct err *e);

/* Undoes it, with the version the person saw; its own transaction.  SAVED
 * (o->version, o->nu the status now), CONFLICT, REFUSED (why), GONE,
 * UNKNOWN (connection lost at the commit), ERROR. */
enum outcome_kind db_status_terugdraaien(struct db *db, long id, int version, const char *reden, struct outcome *o);

#endif
