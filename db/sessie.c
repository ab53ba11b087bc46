/* sessie.c — `balie admin sessions`; see sessie.h. */
#include "db/sessie.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "db/audit.h"

int sessie_list(struct db *db, const char *username, FILE *out, struct err *e)
{
	const char *p[1] = {username && *username ? username : NULL};
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT a.username, s.soort, s.host, to_char(s.gestart, 'DD-MM-YYYY HH24:MI'), "
			      "       to_char(s.laatste_activiteit, 'DD-MM-YYYY HH24:MI'), "
			      "       to_char(s.verloopt, 'DD-MM-YYYY HH24:MI') "
			      "  FROM balie.sessie s JOIN balie.account a ON a.id = s.account_id "
			      " WHERE s.beeindigd IS NULL AND s.verloopt > now() "
			      "   AND ($1::text IS NULL OR a.username = $1) "
			      " ORDER BY s.gestart, s.id",
			      1, p);
	if (!r)
		return -1;
	fprintf(out, "%-20s %-5s %-16s %-17s %-17s %s\n", "GEBRUIKER", "SOORT", "HOST", "BEGONNEN",
		"LAATSTE TOETS", "VERLOOPT");
	for (int i = 0; i < PQntuples(r); i++)
		fprintf(out, "%-20s %-5s %-16s %-17s %-17s %s\n", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
			PQgetvalue(r, i, 2), PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 5));
	PQclear(r);
	return 0;
}

int sessie_end_account(struct db *db, const char *username, const char *who, int *n, struct err *e)
{
	const char *p[2] = {username, "door de beheerder"};
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT a.id, balie.sessies_beeindigen(a.id, $2) FROM balie.account a WHERE a.username = $1",
			      2, p);
	if (!r)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "account '%s' bestaat niet", username);
		goto fail;
	}
	long id = atol(PQgetvalue(r, 0, 0));
	*n = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	if (audit_write(db, 0, 0, "sessies-beeindigd", "account", id, who, e) < 0)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}
