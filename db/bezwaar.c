/* bezwaar.c — a bezwaar against an issued TLV; see bezwaar.h. */
#include "db/bezwaar.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"
#include "db/row.h"

int db_bezwaren(struct db *db, long hv, struct bezwaar *out, int *n, int *vervangen, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, hv) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT z.id, z.version, to_char(z.ontvangen, 'DD-MM-YYYY'), "
					 "       to_char(z.afgegeven_op, 'DD-MM-YYYY'), coalesce(to_char(z.besloten_op, 'DD-MM-YYYY'), ''), "
					 "       z.te_laat, coalesce(z.uitkomst, ''), "
					 "       (SELECT count(*) FROM tlv_beschikking_versie v WHERE v.hulpvraag_id = $1) "
					 "  FROM (SELECT 1) d LEFT JOIN bezwaar z ON z.hulpvraag_id = $1 ORDER BY z.id",
					 1, p);
	*n = 0;
	*vervangen = 0;
	if (!r)
		return -1;
	for (int i = 0; i < PQntuples(r); i++) {
		*vervangen = atoi(PQgetvalue(r, i, 7));
		if (PQgetisnull(r, i, 0) || *n >= BEZWAAR_MAX)
			continue;
		struct bezwaar *z = &out[(*n)++];
		z->id = atol(PQgetvalue(r, i, 0));
		z->version = atoi(PQgetvalue(r, i, 1));
		DB_COPY(z->ontvangen, r, i, 2);
		DB_COPY(z->afgegeven, r, i, 3);
		DB_COPY(z->besloten, r, i, 4);
		z->te_laat = PQgetvalue(r, i, 5)[0] == 't';
		DB_COPY(z->uitkomst, r, i, 6);
	}
	PQclear(r);
	return 0;
}

enum outcome_kind db_bezwaar_registreren(struct db *db, long hv, const char *ontvangen, const char *key,
					 struct outcome *o)
{
	char sid[24], iso[DATUM_BUFLEN];
	struct datum d;
	enum db_failure kind = DB_OK;

	outcome_clear(o);
	if (datum_parse(ontvangen, &d, &o->err) < 0)
		return outcome_set(o, OUTCOME_REFUSED, "Datum van ontvangst: %s", o->err.msg);
	const char *p[3] = { db_num(sid, sizeof sid, hv), datum_format_iso(d, iso), key };
	PGresult *r = db_exec_as_account(db, &o->err, &kind,
					 "SELECT bezwaar_id, te_laat, to_char(afgegeven_op, 'DD-MM-YYYY') "
					 "  FROM bezwaar_registreren($1, $2::date, $3)",
					 3, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	o->id = atol(PQgetvalue(r, 0, 0));
	if (PQgetvalue(r, 0, 1)[0] == 't')
		outcome_set(o, OUTCOME_SAVED, "Bezwaar geregistreerd, te laat: meer dan 6 weken na de afgifte op %s",
			    PQgetvalue(r, 0, 2));
	else
		outcome_set(o, OUTCOME_SAVED, "Bezwaar geregistreerd, binnen 6 weken na de afgifte op %s", PQgetvalue(r, 0, 2));
	PQclear(r);
	return o->kind;
}

enum outcome_kind db_bezwaar_beslissen(struct db *db, long id, int version, const char *uitkomst, struct outcome *o)
{
	char sid[24], sver[24];
	const char *p[3] = { db_num(sid, sizeof sid, id), db_num(sver, sizeof sver, version), uitkomst };
	enum db_failure kind = DB_OK;

	outcome_clear(o);
	PGresult *r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM bezwaar_beslissen($1, $2, $3, '')", 3, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (!strcmp(PQgetvalue(r, 0, 0), "ok")) {
		o->id = id;
		o->version = atoi(PQgetvalue(r, 0, 1));
		if (strcmp(uitkomst, "ongegrond"))
			outcome_set(o, OUTCOME_SAVED, "Bezwaar %s: de beschikking heeft een nieuwe versie; de vorige is bewaard "
				    "als vervangen", uitkomst);
		else
			outcome_set(o, OUTCOME_SAVED, "Bezwaar ongegrond: de beschikking blijft");
	} else if (!strcmp(PQgetvalue(r, 0, 0), "conflict")) {
		outcome_set(o, OUTCOME_CONFLICT, "het bezwaar is intussen door een ander gewijzigd");
	} else {
		outcome_set(o, OUTCOME_GONE, "dit bezwaar bestaat niet (meer) of je hebt er geen toegang toe");
	}
	PQclear(r);
	return o->kind;
}
