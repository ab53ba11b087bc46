/* terug.c — undoing a status change; see terug.h. */
#include "db/terug.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

int db_terug_info(struct db *db, long id, struct terug_info *t, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind, "SELECT van, naar, door, op, mag, waarom, versie FROM status_terug_info($1)",
					 1, p);

	memset(t, 0, sizeof *t);
	if (!r)
		return -1;
	if (PQntuples(r) == 1) {
		t->er_is = 1;
		DB_COPY(t->van, r, 0, 0);
		DB_COPY(t->naar, r, 0, 1);
		DB_COPY(t->door, r, 0, 2);
		DB_COPY(t->op, r, 0, 3);
		t->mag = PQgetvalue(r, 0, 4)[0] == 't';
		DB_COPY(t->waarom, r, 0, 5);
		t->versie = atoi(PQgetvalue(r, 0, 6));
	}
	PQclear(r);
	return 0;
}

enum outcome_kind db_status_terugdraaien(struct db *db, long id, int version, const char *reden, struct outcome *o)
{
	char sid[24], sver[24];
	const char *p[3] = { db_num(sid, sizeof sid, id), db_num(sver, sizeof sver, version), reden ? reden : "" };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM status_terugdraaien($1, $2, $3)", 3, p);
	if (!r) {
		o->probe = PROBE_HULPVRAAG;
		o->probe_id = id;
		o->probe_version = version;
		return outcome_failed(db, kind, 1, o);
	}
	if (PQntuples(r) != 1) {
		outcome_set(o, OUTCOME_ERROR, "terugdraaien: onverwacht antwoord van de database");
	} else if (!strcmp(PQgetvalue(r, 0, 0), "ok")) {
		o->id = id;
		o->version = atoi(PQgetvalue(r, 0, 1));
		DB_COPY(o->nu, r, 0, 4);
		outcome_set(o, OUTCOME_SAVED, "Statuswijziging teruggedraaid: status weer %s", o->nu);
	} else if (!strcmp(PQgetvalue(r, 0, 0), "conflict")) {
		db_copy(o->door, sizeof o->door, *PQgetvalue(r, 0, 2) ? PQgetvalue(r, 0, 2) : "een ander");
		DB_COPY(o->op, r, 0, 3);
		snprintf(o->nu, sizeof o->nu, "status %s", PQgetvalue(r, 0, 4));
		outcome_set(o, OUTCOME_CONFLICT, "intussen gewijzigd door %s (%s); status nu: %s", o->door, o->op,
			    PQgetvalue(r, 0, 4));
	} else {
		outcome_set(o, OUTCOME_GONE, "deze hulpvraag bestaat niet (meer) of je hebt er geen toegang toe");
	}
	PQclear(r);
	return o->kind;
}
