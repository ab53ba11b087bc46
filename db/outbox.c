/* outbox.c — claiming and marking outbox rows for `balie mail`; see
 * outbox.h for the delivery contract. */
#include "db/outbox.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void outbox_mail_release(struct outbox_mail *m)
{
	if (!m)
		return;
	free(m->aan);
	free(m->onderwerp);
	free(m->tekst);
	memset(m, 0, sizeof *m);
}

/* Rows whose claim expired after their last allowed attempt: the worker
 * died while sending (perhaps because of this very mail), so stop. */
static const char sql_give_up_abandoned[] =
    "UPDATE outbox SET opgegeven_op = now(), claim_door = NULL, claim_tot = NULL, "
    "       laatste_fout = 'opgegeven: de laatste poging werd onderbroken (balie mail gestopt tijdens "
    "het verzenden)' "
    " WHERE verzonden_op IS NULL AND opgegeven_op IS NULL AND claim_tot < now() AND pogingen >= $1";

/* One due row, locked without waiting for rows another worker is claiming
 * right now.  An expired claim counts as due; the re-check of the WHERE
 * clause under the row lock (READ COMMITTED) keeps a row that another
 * worker claimed a moment ago out. */
static const char sql_claim[] =
    "UPDATE outbox o SET claim_door = $1, claim_tot = now() + make_interval(secs => $2::int), "
    "       pogingen = o.pogingen + 1, "
    "       laatste_fout = CASE WHEN o.claim_tot IS NOT NULL "
    "                      THEN 'vorige poging onderbroken (balie mail gestopt tijdens het verzenden)' "
    "                      ELSE o.laatste_fout END "
    "  FROM organisatie g "
    " WHERE o.id = (SELECT id FROM outbox "
    "                WHERE verzonden_op IS NULL AND opgegeven_op IS NULL AND volgende_poging <= now() "
    "                  AND (claim_tot IS NULL OR claim_tot < now()) "
    "                ORDER BY volgende_poging, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
    "   AND g.id = o.organisatie_id "
    "RETURNING o.id, g.code, o.pogingen, o.aan, o.onderwerp, o.tekst";

static char *dup_value(PGresult *r, int col)
{
	return strdup(PQgetisnull(r, 0, col) ? "" : PQgetvalue(r, 0, col));
}

int outbox_claim(struct db *db, const char *token, int lease_seconds, int max_pogingen, struct outbox_mail *m,
		 struct err *e)
{
	char lease[16], max[16];
	const char *p1[1] = {max};
	const char *p2[2] = {token, lease};
	PGresult *r = NULL;

	memset(m, 0, sizeof *m);
	snprintf(lease, sizeof lease, "%d", lease_seconds);
	snprintf(max, sizeof max, "%d", max_pogingen);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, sql_give_up_abandoned, 1, p1);
	if (!r)
		goto fail;
	PQclear(r);
	r = db_exec(db, e, NULL, sql_claim, 2, p2);
	if (!r)
		goto fail;
	int found = PQntuples(r) == 1;
	if (found) {
		m->id = atol(PQgetvalue(r, 0, 0));
		snprintf(m->organisatie, sizeof m->organisatie, "%s", PQgetvalue(r, 0, 1));
		m->pogingen = atoi(PQgetvalue(r, 0, 2));
		m->aan = dup_value(r, 3);
		m->onderwerp = dup_value(r, 4);
		m->tekst = dup_value(r, 5);
		if (!m->aan || !m->onderwerp || !m->tekst) {
			err_set(e, "geen geheugen");
			outbox_mail_release(m);
			PQclear(r);
			goto fail;
		}
	}
	PQclear(r);
	if (db_commit(db, e) < 0) {
		outbox_mail_release(m);
		return -1;
	}
	return found;
fail:
	db_rollback(db);
	return -1;
}

/* Runs a one-row statement in its own transaction after locking the row
 * and reading its claim; *held says whether token still held it. */
static int mark(struct db *db, long id, const char *token, const char *sql, int nparams,
		const char *const *params, int *held, struct err *e)
{
	char ids[32];
	const char *p[1] = {ids};
	snprintf(ids, sizeof ids, "%ld", id);
	if (db_begin(db, e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL, "SELECT claim_door FROM outbox WHERE id = $1 FOR UPDATE", 1, p);
	if (!r)
		goto fail;
	*held = PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) && !strcmp(PQgetvalue(r, 0, 0), token);
	PQclear(r);
	r = db_exec(db, e, NULL, sql, nparams, params);
	if (!r)
		goto fail;
	PQclear(r);
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

int outbox_mark_sent(struct db *db, long id, const char *token, struct err *e)
{
	char ids[32];
	const char *p[1] = {ids};
	int held = 0;
	snprintf(ids, sizeof ids, "%ld", id);
	/* Marked sent even when the claim was lost: the mail did go out, and
	 * marking it keeps a later worker from sending it again. */
	if (mark(db, id, token,
		 "UPDATE outbox SET verzonden_op = now(), claim_door = NULL, claim_tot = NULL "
		 " WHERE id = $1 AND verzonden_op IS NULL",
		 1, p, &held, e) < 0)
		return -1;
	return held ? 0 : 1;
}

int outbox_mark_failed(struct db *db, long id, const char *token, const char *fout, long retry_seconds,
		       struct err *e)
{
	char ids[32], secs[32];
	const char *p[4] = {ids, token, fout, secs};
	int held = 0;
	snprintf(ids, sizeof ids, "%ld", id);
	snprintf(secs, sizeof secs, "%ld", retry_seconds);
	if (mark(db, id, token,
		 "UPDATE outbox SET laatste_fout = $3, claim_door = NULL, claim_tot = NULL, "
		 "       volgende_poging = CASE WHEN $4::bigint >= 0 "
		 "                         THEN now() + make_interval(secs => $4::bigint) ELSE "
		 "volgende_poging END, "
		 "       opgegeven_op = CASE WHEN $4::bigint < 0 THEN now() END "
		 " WHERE id = $1 AND claim_door = $2 AND verzonden_op IS NULL",
		 4, p, &held, e) < 0)
		return -1;
	return held ? 0 : 1;
}

int outbox_next_due(struct db *db, long *seconds, struct err *e)
{
	*seconds = -1;
	PGresult *r = db_exec(
	    db, e, NULL,
	    "SELECT ceil(extract(epoch FROM "
	    "       min(greatest(volgende_poging, coalesce(claim_tot, volgende_poging))) - now()))::bigint "
	    "  FROM outbox WHERE verzonden_op IS NULL AND opgegeven_op IS NULL",
	    0, NULL);
	if (!r)
		return -1;
	if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0)) {
		long s = atol(PQgetvalue(r, 0, 0));
		*seconds = s < 0 ? 0 : s;
	}
	PQclear(r);
	return 0;
}

int outbox_retry(struct db *db, long id, struct err *e)
{
	char ids[32];
	const char *p[1] = {ids};
	snprintf(ids, sizeof ids, "%ld", id);
	PGresult *r = db_exec(db, e, NULL,
			      "UPDATE outbox SET opgegeven_op = NULL, pogingen = 0, volgende_poging = now(), "
			      "       claim_door = NULL, claim_tot = NULL "
			      " WHERE id = $1 AND verzonden_op IS NULL AND opgegeven_op IS NOT NULL",
			      1, p);
	if (!r)
		return -1;
	int n = atoi(PQcmdTuples(r));
	PQclear(r);
	return n == 1 ? 0 : 1;
}

int outbox_status(struct db *db, int max, struct outbox_counts *c, struct outbox_status_row **rows, int *n,
		  struct err *e)
{
	char maxs[16];
	const char *p[1] = {maxs};
	snprintf(maxs, sizeof maxs, "%d", max);
	memset(c, 0, sizeof *c);
	*rows = NULL;
	*n = 0;
	PGresult *r =
	    db_exec(db, e, NULL,
		    "SELECT count(*) FILTER (WHERE verzonden_op IS NULL AND opgegeven_op IS NULL "
		    "                          AND (claim_tot IS NULL OR claim_tot < now())), "
		    "       count(*) FILTER (WHERE verzonden_op IS NULL AND claim_tot >= now()), "
		    "       count(*) FILTER (WHERE verzonden_op IS NULL AND opgegeven_op IS NOT NULL), "
		    "       count(*) FILTER (WHERE verzonden_op > now() - interval '24 hours') "
		    "  FROM outbox WHERE verzonden_op IS NULL OR verzonden_op > now() - interval '24 hours'",
		    0, NULL);
	if (!r)
		return -1;
	c->wacht = atol(PQgetvalue(r, 0, 0));
	c->bezig = atol(PQgetvalue(r, 0, 1));
	c->opgegeven = atol(PQgetvalue(r, 0, 2));
	c->verzonden_24u = atol(PQgetvalue(r, 0, 3));
	PQclear(r);

	r = db_exec(db, e, NULL,
		    "SELECT o.id, g.code, "
		    "       CASE WHEN o.opgegeven_op IS NOT NULL THEN 'opgegeven' "
		    "            WHEN o.claim_tot >= now() THEN 'bezig' ELSE 'wacht' END, "
		    "       o.pogingen, "
		    "       CASE WHEN o.opgegeven_op IS NULL "
		    "            THEN to_char(o.volgende_poging, 'DD-MM-YYYY HH24:MI') ELSE '' END, "
		    "       coalesce(o.laatste_fout, '') "
		    "  FROM outbox o JOIN organisatie g ON g.id = o.organisatie_id "
		    " WHERE o.verzonden_op IS NULL "
		    " ORDER BY o.opgegeven_op IS NULL, o.volgende_poging, o.id LIMIT $1",
		    1, p);
	if (!r)
		return -1;
	int k = PQntuples(r);
	if (k > 0) {
		*rows = calloc((size_t)k, sizeof **rows);
		if (!*rows) {
			PQclear(r);
			return err_set(e, "geen geheugen");
		}
	}
	for (int i = 0; i < k; i++) {
		struct outbox_status_row *s = &(*rows)[i];
		s->id = atol(PQgetvalue(r, i, 0));
		snprintf(s->organisatie, sizeof s->organisatie, "%s", PQgetvalue(r, i, 1));
		snprintf(s->toestand, sizeof s->toestand, "%s", PQgetvalue(r, i, 2));
		s->pogingen = atoi(PQgetvalue(r, i, 3));
		snprintf(s->volgende_poging, sizeof s->volgende_poging, "%s", PQgetvalue(r, i, 4));
		snprintf(s->laatste_fout, sizeof s->laatste_fout, "%s", PQgetvalue(r, i, 5));
	}
	*n = k;
	PQclear(r);
	return 0;
}

int outbox_listen(struct db *db, struct err *e)
{
	return db_exec_script(db, "LISTEN " OUTBOX_CHANNEL, e);
}

int outbox_socket(struct db *db)
{
	return db && db_ok(db) ? PQsocket(db_pg(db)) : -1;
}

int outbox_drain(struct db *db, struct err *e)
{
	PGconn *pg = db_pg(db);
	int n = 0;
	if (!PQconsumeInput(pg) || PQstatus(pg) != CONNECTION_OK) {
		err_set(e, "verbinding met de database verbroken");
		return -1;
	}
	PGnotify *nf;
	while ((nf = PQnotifies(pg)) != NULL) {
		if (!strcmp(nf->relname, OUTBOX_CHANNEL))
			n++;
		PQfreemem(nf);
	}
	return n;
}

int outbox_antwoord_token(struct db *db, long id, char token[33], struct err *e)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *r;

	token[0] = '\0';
	snprintf(sid, sizeof sid, "%ld", id);
	r = db_exec(db, e, NULL, "SELECT coalesce(balie.antwoord_token_maak($1), '')", 1, p);
	if (!r)
		return -1;
	snprintf(token, 33, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}
