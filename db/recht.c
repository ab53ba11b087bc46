/* recht.c — publishing the rulebook; see recht.h. */
#include "db/recht.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recht.h"

/* core's table as one text, a line "actie rol" per right (malloc'ed; NULL
 * when out of memory).  The order does not matter: recht_gelijk compares
 * sets in SQL. */
static char *core_text(void)
{
	size_t len = 1;
	char *buf, *p;

	for (int a = 0; a < RECHT_COUNT; a++)
		for (int r = 0; r < FLOW_ROLE_COUNT; r++)
			if (recht_tabel[a].rollen & FLOW_ROLE_BIT(r))
				len += strlen(recht_tabel[a].naam) + strlen(flow_roles[r].name) + 2;
	p = buf = malloc(len);
	if (!buf)
		return NULL;
	*p = '\0';
	for (int a = 0; a < RECHT_COUNT; a++)
		for (int r = 0; r < FLOW_ROLE_COUNT; r++)
			if (recht_tabel[a].rollen & FLOW_ROLE_BIT(r))
				p += sprintf(p, "%s %s\n", recht_tabel[a].naam, flow_roles[r].name);
	return buf;
}

int recht_gelijk(struct db *db, struct err *e)
{
	char *want = core_text();
	const char *p[1] = { want };
	PGresult *r;
	int same;

	if (!want)
		return err_set(e, "geen geheugen voor het rechtenoverzicht");
	r = db_exec(db, e, NULL,
		    "SELECT coalesce((SELECT array_agg(x ORDER BY x) FROM unnest(string_to_array($1, E'\\n')) x "
		    "                  WHERE x <> ''), '{}') "
		    "     = coalesce((SELECT array_agg(actie || ' ' || rol ORDER BY actie || ' ' || rol) "
		    "                   FROM balie.recht), '{}')",
		    1, p);
	free(want);
	if (!r)
		return -1;
	same = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
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
