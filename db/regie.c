/* regie.c — the regierolhouder of a hulpvraag; see regie.h. */
#include "db/regie.h"

#include <libpq-fe.h>
#include <stdio.h>

#include "db/row.h"

enum outcome_kind regie_zetten(struct db *db, long id, int version, long account, struct outcome *o)
{
	char sid[24], sa[24];
	enum db_failure kind = DB_OK;
	const char *p[2] = { db_num(sid, sizeof sid, id), account > 0 ? db_num(sa, sizeof sa, account) : NULL };
	PGresult *r;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	/* the version the person saw: a concurrent choice is a conflict */
	o->probe = PROBE_HULPVRAAG;
	o->probe_id = id;
	o->probe_version = version;
	if (db_versioned_update(db, OT_HULPVRAAG, id, version, "updated_at = now()", NULL, 0, NULL, o) !=
	    OUTCOME_SAVED)
		return o->kind;
	r = db_exec(db, &o->err, &kind, "SELECT naam, mail FROM regierol_zetten($1, $2::bigint)", 2, p);
	if (!r)
		return outcome_failed(db, kind, 0, o);
	int mail = PQntuples(r) == 1 && PQgetvalue(r, 0, 1)[0] == 't';
	PQclear(r);
	if (outcome_commit(db, "de regierolhouder", o) == OUTCOME_SAVED) {
		o->mail = mail;
		o->id = id;
		outcome_set(o, OUTCOME_SAVED, "%s", account > 0 ? (mail ? "Regierolhouder bewaard; die krijgt een mail"
								       : "Regierolhouder bewaard")
								  : "Regierolhouder verwijderd");
	}
	return o->kind;
}

int regie_van(struct db *db, long id, char *naam, size_t len, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind, "SELECT naam FROM regierol_van($1)", 1, p);

	naam[0] = '\0';
	if (!r)
		return -1;
	if (PQntuples(r) > 0)
		snprintf(naam, len, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int regie_kandidaten(struct db *db, long id, struct hv_item **out, int *n, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };

	return hv_items(db, "SELECT account_id, naam, email, 0, is_huidig FROM regierolhouders($1)", 1, p, out, n, e);
}
