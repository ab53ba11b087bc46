/* mails.c — the mails of one hulpvraag; see mails.h. */
#include "db/mails.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mails_van_hulpvraag(struct db *db, long hulpvraag_id, struct hv_mail **out, int *n, struct err *e)
{
	char id[24], lim[16];
	struct hv_mail *m;

	*out = NULL;
	*n = 0;
	snprintf(id, sizeof id, "%ld", hulpvraag_id);
	snprintf(lim, sizeof lim, "%d", MAILS_MAX);
	const char *p[2] = {id, lim};
	enum db_failure kind;

	/* one statement with the acting account: RLS decides what is seen */
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT to_char(op, 'DD-MM-YYYY HH24:MI'), aan, onderwerp, toestand, pogingen, fout, tekst "
					 "  FROM (SELECT aangemaakt_op AS op, id, aan, onderwerp, "
					 "               CASE WHEN verzonden_op IS NOT NULL THEN 1 "
					 "                    WHEN opgegeven_op IS NOT NULL THEN 2 ELSE 0 END AS toestand, "
					 "               pogingen, coalesce(laatste_fout, '') AS fout, '' AS tekst "
					 "          FROM outbox WHERE hulpvraag_id = $1 "
					 "        UNION ALL "
					 "        SELECT ontvangen_op, id, afzender, onderwerp, 3, 0, '', regexp_replace(left(tekst, 390), '\\s+', ' ', 'g') "
					 "          FROM mail_in WHERE hulpvraag_id = $1 AND reden IS NULL) x "
					 " ORDER BY op DESC, id DESC LIMIT $2",
					 2, p);
	if (!r)
		return -1;
	int rows = PQntuples(r);
	m = calloc(rows ? (size_t)rows : 1, sizeof *m);
	if (!m) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < rows; i++) {
		snprintf(m[i].op, sizeof m[i].op, "%s", PQgetvalue(r, i, 0));
		snprintf(m[i].aan, sizeof m[i].aan, "%s", PQgetvalue(r, i, 1));
		snprintf(m[i].onderwerp, sizeof m[i].onderwerp, "%s", PQgetvalue(r, i, 2));
		m[i].toestand = (enum mail_toestand)atoi(PQgetvalue(r, i, 3));
		m[i].pogingen = atoi(PQgetvalue(r, i, 4));
		snprintf(m[i].fout, sizeof m[i].fout, "%s", PQgetvalue(r, i, 5));
		snprintf(m[i].tekst, sizeof m[i].tekst, "%s", PQgetvalue(r, i, 6));
	}
	PQclear(r);
	*out = m;
	*n = rows;
	return 0;
}

const char *mail_toestand_naam(enum mail_toestand t)
{
	switch (t) {
	case MAIL_VERZONDEN:
		return "verzonden";
	case MAIL_MISLUKT:
		return "mislukt";
	case MAIL_ONTVANGEN:
		return "ontvangen";
	case MAIL_WACHT:
		break;
	}
	return "wacht";
}
