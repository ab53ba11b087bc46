/* row.c — see row.h. */
#include "db/row.h"

#include "db/conn.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *db_num(char *buf, size_t len, long v)
{
	snprintf(buf, len, "%ld", v);
	return buf;
}

int db_run(struct db *db, const char *sql, int n, const char *const *p, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, n, p);

	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

int db_run_long(struct db *db, const char *sql, int n, const char *const *p, long *out, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, n, p);

	if (!r)
		return -1;
	if (PQntuples(r) != 1 || PQgetisnull(r, 0, 0)) {
		PQclear(r);
		return err_set(e, "geen rij voor %.60s", sql);
	}
	*out = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

void db_copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src ? src : "");
}

int db_columns(const struct pg_result *r, const char *const *names, int n, struct err *e)
{
	if (PQnfields(r) != n)
		return err_set(e, "onverwacht antwoord van de database: %d kolommen, verwacht %d", PQnfields(r), n);
	for (int i = 0; i < n; i++)
		if (strcmp(PQfname(r, i), names[i]) != 0)
			return err_set(e, "onverwacht antwoord van de database: kolom %d heet %s, verwacht %s", i + 1,
				       PQfname(r, i), names[i]);
	return 0;
}

int db_rows(struct pg_result *r, size_t size, void **out, int *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	if (PQntuples(r) > 0 && !(*out = calloc((size_t)PQntuples(r), size))) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	*n = PQntuples(r);
	return 0;
}

int db_organisatie_id(struct db *db, const char *code, char *buf, size_t len, struct err *e)
{
	const char *p[1] = { code };
	PGresult *r = db_exec(db, e, NULL, "SELECT id FROM organisatie WHERE code = upper($1)", 1, p);
	int ok;

	if (!r)
		return -1;
	ok = PQntuples(r) == 1;
	if (ok)
		db_copy(buf, len, PQgetvalue(r, 0, 0));
	PQclear(r);
	return ok ? 0 : err_set(e, "organisatie %s bestaat niet", code);
}

char *db_bytea_hex(const void *data, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	const unsigned char *d = data;
	char *s = malloc(2 * len + 3);

	if (!s)
		return NULL;
	s[0] = '\\';
	s[1] = 'x';
	for (size_t i = 0; i < len; i++) {
		s[2 + 2 * i] = hx[d[i] >> 4];
		s[3 + 2 * i] = hx[d[i] & 15];
	}
	s[2 + 2 * len] = '\0';
	return s;
}
