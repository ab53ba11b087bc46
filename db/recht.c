/* recht.c — publishing the rulebook; see recht.h. */
#include "db/recht.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recht.h"

/* core's table as one text, "actie rol\n" sorted as the database sorts
 * (ORDER BY actie, rol COLLATE "C"), for comparing with the stored rows. */
static char *core_text(void)
{
	size_t cap = 64, len = 0;
	char *buf = malloc(cap);
	const char *lines[RECHT_COUNT * FLOW_ROLE_COUNT];
	char *store[RECHT_COUNT * FLOW_ROLE_COUNT];
	size_t n = 0;

	if (!buf)
		return NULL;
	for (int a = 0; a < RECHT_COUNT; a++)
		for (int r = 0; r < FLOW_ROLE_COUNT; r++)
			if (recht_tabel[a].rollen & FLOW_ROLE_BIT(r)) {
				size_t k = strlen(recht_tabel[a].naam) + strlen(flow_roles[r].name) + 3;
				store[n] = malloc(k);
				if (!store[n])
					goto oom;
				snprintf(store[n], k, "%s %s\n", recht_tabel[a].naam, flow_roles[r].name);
				lines[n] = store[n];
				n++;
			}
	/* insertion sort: a few dozen lines */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(lines[j - 1], lines[j]) > 0; j--) {
			const char *t = lines[j - 1];
			lines[j - 1] = lines[j];
			lines[j] = t;
		}
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(lines[i]);
		if (len + k + 1 > cap) {
			char *nb;
			while (len + k + 1 > cap)
				cap *= 2;
			nb = realloc(buf, cap);
			if (!nb)
				goto oom;
			buf = nb;
		}
		memcpy(buf + len, lines[i], k + 1);
		len += k;
	}
	for (size_t i = 0; i < n; i++)
		free(store[i]);
	return buf;
oom:
	for (size_t i = 0; i < n; i++)
		free(store[i]);
	free(buf);
	return NULL;
}

int recht_gelijk(struct db *db, struct err *e)
{
	char *want = core_text();
	PGresult *r;
	int same;

	if (!want)
		return err_set(e, "geen geheugen voor het rechtenoverzicht");
	r = db_exec(db, e, NULL,
		    "SELECT coalesce(string_agg(actie || ' ' || rol || E'\\n', '' "
		    "                           ORDER BY actie || ' ' || rol || E'\\n' COLLATE \"C\"), '') "
		    "  FROM balie.recht",
		    0, NULL);
	if (!r) {
		free(want);
		return -1;
	}
	same = !strcmp(PQgetvalue(r, 0, 0), want);
	PQclear(r);
	free(want);
	return same;
}

int recht_publiceer(struct db *db, int *changed, struct err *e)
{
	int same;

	if (changed)
		*changed = 0;
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	/* a second migrator waits here, then finds the rows equal */
	if (db_exec_script(db, "SET LOCAL ROLE balie_owner; LOCK TABLE balie.recht IN EXCLUSIVE MODE", e) < 0)
		goto fail;
	same = recht_gelijk(db, e);
	if (same < 0)
		goto fail;
	if (!same) {
		if (db_exec_script(db, "DELETE FROM balie.recht", e) < 0)
			goto fail;
		for (int a = 0; a < RECHT_COUNT; a++)
			for (int ro = 0; ro < FLOW_ROLE_COUNT; ro++) {
				const char *p[2] = { recht_tabel[a].naam, flow_roles[ro].name };
				PGresult *r;
				if (!(recht_tabel[a].rollen & FLOW_ROLE_BIT(ro)))
					continue;
				r = db_exec(db, e, NULL, "INSERT INTO balie.recht (actie, rol) VALUES ($1, $2)", 2, p);
				if (!r)
					goto fail;
				PQclear(r);
			}
		if (changed)
			*changed = 1;
	}
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}
