/* audit.c — writing audit rows; see audit.h. */
#include "db/audit.h"

#include <libpq-fe.h>
#include <stdio.h>

static const char *id_or_null(char *buf, size_t len, long id)
{
	if (id <= 0)
		return NULL;
	snprintf(buf, len, "%ld", id);
	return buf;
}

int audit_write(struct db *db, long account_id, long organisatie_id, const char *actie,
		const char *object, long object_id, const char *detail, struct err *e)
{
	char a[24], o[24], x[24];
	const char *p[6] = {id_or_null(a, sizeof a, account_id), id_or_null(o, sizeof o, organisatie_id),
			    actie, object, id_or_null(x, sizeof x, object_id), detail ? detail : ""};
	PGresult *r = db_exec(db, e, NULL,
			      "INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail) "
			      "VALUES ($1, $2, $3, $4, $5, $6)",
			      6, p);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}
