/* audit.c — writing audit rows; see audit.h. */
#include "db/audit.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/auditketen.h"
#include "db/row.h"

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
	static const char sql[] = "INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail) "
				  "VALUES ($1, $2, $3, $4, $5, $6)";
	enum db_failure kind;
	/* Outside a transaction the session's token goes with it (the
	 * database takes the account of a session process's row from the
	 * token, 027_sessie); inside one, db_begin has set it already. */
	PGresult *r = db_session_token(db)[0] && PQtransactionStatus(db_pg(db)) == PQTRANS_IDLE
			      ? db_exec_as_account(db, e, &kind, sql, 6, p)
			      : db_exec(db, e, NULL, sql, 6, p);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

int audit_verzegel(struct db *db, int *n, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, "SELECT balie.audit_verzegel()", 0, NULL);

	if (!r)
		return -1;
	if (n)
		*n = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* Batches of the chain, in verzegel_nr order (keyset: a log of millions
 * of rows is never held in memory at once). */
#define VERIFY_BATCH "5000"

int audit_verify(struct db *db, struct audit_controle *c, struct err *e)
{
	char prev[AUDITKETEN_HEX] = AUDITKETEN_BEGIN, after[24] = "0";
	long long expect = 1;
	PGresult *r;

	memset(c, 0, sizeof *c);
	for (;;) {
		const char *p[1] = { after };
		int rows;

		r = db_exec(db, e, NULL,
			    "SELECT a.verzegel_nr, a.id, balie.audit_kanon(a), a.hash FROM balie.audit_log a "
			    " WHERE a.verzegel_nr > $1 ORDER BY a.verzegel_nr LIMIT " VERIFY_BATCH,
			    1, p);
		if (!r)
			return -1;
		rows = PQntuples(r);
		for (int i = 0; i < rows; i++) {
			long long nr = atoll(PQgetvalue(r, i, 0)), id = atoll(PQgetvalue(r, i, 1));
			const char *kanon = PQgetvalue(r, i, 2), *stored = PQgetvalue(r, i, 3);
			char link[AUDITKETEN_HEX];

			if (nr != expect) {
				c->breuk_nr = expect;
				snprintf(c->reden, sizeof c->reden,
					 "verzegeling %lld ontbreekt (de volgende is %lld): een rij is verwijderd", expect, nr);
				PQclear(r);
				return 0;
			}
			if (auditketen_link(prev, kanon, (size_t)PQgetlength(r, i, 2), link) < 0) {
				PQclear(r);
				return err_set(e, "libsodium kon niet starten");
			}
			if (strcmp(link, stored) != 0) {
				c->breuk_nr = nr;
				c->breuk_id = id;
				snprintf(c->reden, sizeof c->reden,
					 "de hash van auditrij %lld (verzegeling %lld) klopt niet: de rij is na het "
					 "verzegelen gewijzigd",
					 id, nr);
				PQclear(r);
				return 0;
			}
			memcpy(prev, link, sizeof prev);
			c->gecontroleerd++;
			c->laatste_nr = nr;
			expect = nr + 1;
		}
		if (rows > 0)
			snprintf(after, sizeof after, "%lld", c->laatste_nr);
		PQclear(r);
		if (rows < atoi(VERIFY_BATCH))
			break;
	}
	memcpy(c->laatste_hash, prev, sizeof c->laatste_hash);
	r = db_exec(db, e, NULL, "SELECT count(*) FROM balie.audit_log WHERE verzegel_nr IS NULL", 0, NULL);
	if (!r)
		return -1;
	c->onverzegeld = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* One CSV field: quoted when it holds a comma, quote or line break (RFC
 * 4180); a field that a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe. */
static void csv_field(FILE *out, const char *s, int last)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		fputc('"', out);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
	fputc(last ? '\n' : ',', out);
}

#define AUDIT_ROW_COLUMNS \
	"to_char(a.op AT TIME ZONE " DB_TZ ", 'DD-MM-YYYY HH24:MI:SS'), coalesce(ac.username, ''), " \
	"coalesce(ac.naam, ''), coalesce(a.rol, ''), coalesce(o.code, ''), coalesce(a.sessie, ''), " \
	"coalesce(a.host, ''), a.actie, coalesce(a.object, ''), coalesce(a.object_id::text, ''), a.detail, " \
	"coalesce(a.verzegel_nr::text, ''), coalesce(a.hash, '') " \
	"FROM balie.audit_log a LEFT JOIN balie.account ac ON ac.id = a.account_id " \
	"LEFT JOIN balie.organisatie o ON o.id = a.organisatie_id "

int audit_export_csv(struct db *db, const char *van, const char *tot, FILE *out, long long *n, struct err *e)
{
	static const char *const head[] = { "moment", "account", "naam", "rol", "organisatie", "sessie", "host",
					    "actie", "object", "object_id", "detail", "verzegel_nr", "hash" };
	const int ncol = (int)(sizeof head / sizeof head[0]);
	char after[24] = "0";

	*n = 0;
	for (int i = 0; i < ncol; i++)
		csv_field(out, head[i], i == ncol - 1);
	for (;;) {
		const char *p[3] = { van, tot, after };
		PGresult *r = db_exec(db, e, NULL,
				      "SELECT a.id, " AUDIT_ROW_COLUMNS
				      "WHERE a.op >= ($1::date)::timestamp AT TIME ZONE " DB_TZ " "
				      "  AND a.op < ($2::date + 1)::timestamp AT TIME ZONE " DB_TZ " "
				      "  AND a.id > $3 ORDER BY a.id LIMIT 5000",
				      3, p);
		int rows;

		if (!r)
			return -1;
		rows = PQntuples(r);
		for (int i = 0; i < rows; i++) {
			for (int c = 0; c < ncol; c++)
				csv_field(out, PQgetvalue(r, i, c + 1), c == ncol - 1);
			snprintf(after, sizeof after, "%s", PQgetvalue(r, i, 0));
		}
		*n += rows;
		PQclear(r);
		if (rows < 5000)
			break;
	}
	return ferror(out) ? err_set(e, "kan de export niet schrijven") : 0;
}

int audit_kind(struct db *db, const char *org, long nummer, FILE *out, long long *n, struct err *e)
{
	char nr[24];
	const char *p[2] = { org, nr };
	PGresult *r;

	snprintf(nr, sizeof nr, "%ld", nummer);
	r = db_exec(db, e, NULL,
		    "WITH kind AS (SELECT h.dossier_id FROM balie.hulpvraag h JOIN balie.organisatie o "
		    "               ON o.id = h.organisatie_id WHERE o.code = $1 AND h.nummer = $2::bigint), "
		    "hv AS (SELECT h.id FROM balie.hulpvraag h WHERE h.dossier_id = (SELECT dossier_id FROM kind)) "
		    "SELECT a.id, " AUDIT_ROW_COLUMNS
		    "WHERE (a.object = 'dossier' AND a.object_id = (SELECT dossier_id FROM kind)) "
		    "   OR (a.object = 'hulpvraag' AND a.object_id IN (SELECT id FROM hv)) "
		    "   OR (a.object = 'bijlage' AND a.object_id IN "
		    "       (SELECT b.id FROM balie.bijlage b WHERE b.hulpvraag_id IN (SELECT id FROM hv))) "
		    "   OR (a.object = 'formulier' AND a.object_id IN "
		    "       (SELECT f.id FROM balie.formulier f WHERE f.hulpvraag_id IN (SELECT id FROM hv))) "
		    "ORDER BY a.op, a.id",
		    2, p);
	if (!r)
		return -1;
	*n = PQntuples(r);
	if (*n == 0) {
		/* no rows: is it the hulpvraag that is unknown? */
		PQclear(r);
		r = db_exec(db, e, NULL,
			    "SELECT 1 FROM balie.hulpvraag h JOIN balie.organisatie o ON o.id = h.organisatie_id "
			    " WHERE o.code = $1 AND h.nummer = $2::bigint",
			    2, p);
		if (!r)
			return -1;
		int found = PQntuples(r) > 0;
		PQclear(r);
		return found ? 0 : err_set(e, "geen hulpvraag met nummer %ld in %s", nummer, org);
	}
	for (long long i = 0; i < *n; i++)
		fprintf(out, "%s  %-14s %-24s %-14s %-22s %s %s\n", PQgetvalue(r, (int)i, 1), PQgetvalue(r, (int)i, 2),
			PQgetvalue(r, (int)i, 3), PQgetvalue(r, (int)i, 4), PQgetvalue(r, (int)i, 8),
			PQgetvalue(r, (int)i, 9), PQgetvalue(r, (int)i, 10));
	PQclear(r);
	return 0;
}
