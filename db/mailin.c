/* mailin.c — an incoming mail received into balie, and the post list; see
 * mailin.h. */
#include "db/mailin.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "db/audit.h"
#include "db/bijlage.h"
#include "db/row.h"

/* Was this message received before?  1 with u filled from that row, 0
 * not, -1 with o set (rolled back). */
static int eerder(struct db *db, const char *org, const char *key, struct mailin_uitkomst *u, struct outcome *o)
{
	const char *p[2] = { org, key };
	enum db_failure f;
	PGresult *r = db_exec(db, &o->err, &f,
			      "SELECT m.id, coalesce(m.hulpvraag_id, 0), coalesce(h.nummer, 0), m.bijlagen, coalesce(m.reden, ''), "
			      "       m.antwoord_outbox IS NOT NULL "
			      "  FROM mail_in m LEFT JOIN hulpvraag h ON h.id = m.hulpvraag_id "
			      " WHERE m.organisatie_id = $1 AND m.idempotentie = $2",
			      2, p);
	if (!r) {
		outcome_failed(db, f, 0, o);
		return -1;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	u->id = atol(PQgetvalue(r, 0, 0));
	u->nummer = atol(PQgetvalue(r, 0, 2));
	u->bijlagen = atoi(PQgetvalue(r, 0, 3));
	DB_COPY(u->reden, r, 0, 4);
	u->hulpvraag_id = u->reden[0] ? 0 : atol(PQgetvalue(r, 0, 1));
	u->antwoord = PQgetvalue(r, 0, 5)[0] == 't';
	PQclear(r);
	return 1;
}

/* The database's verdict on the token: 0 with *hv and reden ("" = file it),
 * -1 with o set (rolled back). */
static int token_zoek(struct db *db, const struct mailin *m, long org, long *hv, char *reden, size_t len,
		      struct outcome *o)
{
	const char *p[2] = { m->token, m->afzender };
	enum db_failure f;
	PGresult *r = db_exec(db, &o->err, &f,
			      "SELECT hulpvraag_id, organisatie_id, coalesce(reden, '') FROM antwoord_token_zoek($1, $2)", 2, p);

	if (!r) {
		outcome_failed(db, f, 0, o);
		return -1;
	}
	*hv = 0;
	if (PQntuples(r) == 0 || atol(PQgetvalue(r, 0, 1)) != org) {
		/* unknown, or another organisatie's: the same answer */
		snprintf(reden, len, "onbekende antwoordcode");
	} else {
		*hv = atol(PQgetvalue(r, 0, 0));
		db_copy(reden, len, PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	return 0;
}

/* The bijlagen, the note and the audit row, inside the transaction.
 * SAVED, or REFUSED / another kind with o->err (the caller rolls back). */
static enum outcome_kind archiveer(struct db *db, long org, long hv, const struct mailin *m, size_t len,
				   const char *key, const char *datadir, struct mailin_uitkomst *u, struct outcome *o)
{
	char sorg[24], shv[24], slen[24], sn[24], detail[64];
	enum db_failure f;
	PGresult *r;

	for (int i = 0; i < m->nbijlagen; i++) {
		struct bijlage_toegevoegd t;
		/* the category the name suggests ("OPP ondertekend.pdf" → OPP) */
		struct bijlage_nieuw n = { hv, m->bijlagen[i].naam, bijlage_categorie_voorstel(m->bijlagen[i].naam),
					   m->bijlagen[i].data, m->bijlagen[i].len, NULL, 0 };
		if (bijlage_add_in_tx(db, &n, datadir, &t, o) != OUTCOME_SAVED)
			return o->kind;
		if (t.status[0])
			db_copy(u->status, sizeof u->status, t.status);
	}
	u->bijlagen = m->nbijlagen;
	{
		const char *p[9] = { db_num(sorg, sizeof sorg, org), db_num(shv, sizeof shv, hv), m->afzender, m->onderwerp,
				     m->tekst, db_num(slen, sizeof slen, (long)len), db_num(sn, sizeof sn, m->nbijlagen),
				     key, NULL };
		r = db_exec(db, &o->err, &f,
			    "INSERT INTO mail_in (organisatie_id, hulpvraag_id, afzender, onderwerp, tekst, grootte, bijlagen, "
			    "                     idempotentie, ontvangen_door) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, acting_account()) "
			    "RETURNING id, (SELECT nummer FROM hulpvraag WHERE id = $2)",
			    8, p);
	}
	if (!r)
		return o->kind = f == DB_RAISED || f == DB_PRIVILEGE || f == DB_CHECK_VIOLATION ? OUTCOME_REFUSED
											       : OUTCOME_ERROR;
	u->id = atol(PQgetvalue(r, 0, 0));
	u->nummer = atol(PQgetvalue(r, 0, 1));
	u->hulpvraag_id = hv;
	PQclear(r);
	snprintf(detail, sizeof detail, "mail_in %ld, bijlagen %d", u->id, u->bijlagen);
	if (audit_write(db, db_account(db), org, "mail-in-gearchiveerd", "hulpvraag", hv, detail, &o->err) < 0)
		return o->kind = OUTCOME_ERROR;
	return o->kind = OUTCOME_SAVED;
}

/* The post row and the answer, inside the transaction.  0 / -1 with o. */
static int post(struct db *db, long org, long hv, const struct mailin *m, const void *raw, size_t len,
		const char *key, struct mailin_uitkomst *u, struct outcome *o)
{
	char sorg[24], shv[24], slen[24], sn[24], sid[24], detail[64];
	enum db_failure f;
	PGresult *r;
	char *hex = db_bytea_hex(raw, len);

	if (!hex) {
		outcome_set(o, OUTCOME_ERROR, "geen geheugen voor het bericht");
		return -1;
	}
	{
		const char *p[10] = { db_num(sorg, sizeof sorg, org), hv ? db_num(shv, sizeof shv, hv) : NULL,
				      m->afzender, m->onderwerp, m->tekst, u->reden, hex,
				      db_num(slen, sizeof slen, (long)len), db_num(sn, sizeof sn, m->totaal_bijlagen), key };
		r = db_exec(db, &o->err, &f,
			    "INSERT INTO mail_in (organisatie_id, hulpvraag_id, afzender, onderwerp, tekst, reden, bericht, "
			    "                     grootte, bijlagen, idempotentie, ontvangen_door) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7::bytea, $8, $9, $10, acting_account()) RETURNING id",
			    10, p);
	}
	free(hex);
	if (!r) {
		outcome_failed(db, f, 0, o);
		return -1;
	}
	u->id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (!m->automatisch) {
		const char *p[1] = { db_num(sid, sizeof sid, u->id) };
		r = db_exec(db, &o->err, &f, "SELECT post_antwoord($1) IS NOT NULL", 1, p);
		if (!r) {
			outcome_failed(db, f, 0, o);
			return -1;
		}
		u->antwoord = PQgetvalue(r, 0, 0)[0] == 't';
		PQclear(r);
	}
	snprintf(detail, sizeof detail, "mail_in %ld", u->id);
	if (audit_write(db, db_account(db), org, "mail-in-post", "mail_in", u->id, detail, &o->err) < 0) {
		outcome_failed(db, DB_OTHER, 0, o);
		return -1;
	}
	return 0;
}

enum outcome_kind mailin_ontvang(struct db *db, long org, const struct mailin *m, const void *raw, size_t len,
				 const char *datadir, struct mailin_uitkomst *u, struct outcome *o)
{
	char key[65], sorg[24], buf[512];
	const char *reden;
	long hv = 0;

	outcome_clear(o);
	memset(u, 0, sizeof *u);
	bijlage_sha256_hex(raw, len, key);
	db_num(sorg, sizeof sorg, org);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	switch (eerder(db, sorg, key, u, o)) {
	case -1:
		return o->kind;
	case 1:
		db_rollback(db);
		o->repeated = 1;
		o->id = u->id;
		return outcome_set(o, OUTCOME_SAVED, "bericht was al ontvangen");
	}
	reden = mailin_reden(m, buf, sizeof buf);
	if (reden) {
		db_copy(u->reden, sizeof u->reden, reden);
	} else {
		if (token_zoek(db, m, org, &hv, u->reden, sizeof u->reden, o) < 0)
			return o->kind;
		if (!u->reden[0]) {
			/* a bijlage refused on the way sends the whole message to
			 * the post list instead, in a fresh transaction (not a
			 * savepoint: the automatic status change checks that the
			 * bijlage is of the top transaction) */
			if (archiveer(db, org, hv, m, len, key, datadir, u, o) == OUTCOME_SAVED)
				goto commit;
			enum outcome_kind k = o->kind;
			int ok = db_ok(db);
			if (ok)
				db_rollback(db);
			if (k != OUTCOME_REFUSED || !ok)
				return o->kind = ok ? k : OUTCOME_ERROR;
			snprintf(u->reden, sizeof u->reden, "niet toe te voegen: %.400s", o->err.msg);
			memset(u->status, 0, sizeof u->status);
			u->bijlagen = 0;
			outcome_clear(o);
			if (db_begin(db, &o->err) < 0)
				return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
		}
	}
	if (post(db, org, hv, m, raw, len, key, u, o) < 0)
		return o->kind;
commit:
	if (outcome_commit(db, "het bericht", o) != OUTCOME_SAVED)
		return o->kind;
	o->id = u->id;
	if (u->reden[0])
		return outcome_set(o, OUTCOME_SAVED, "in de post: %s", u->reden);
	return outcome_set(o, OUTCOME_SAVED, "toegevoegd aan hulpvraag %ld: %d bijlage(n)%s%s", u->nummer, u->bijlagen,
			   u->status[0] ? "; status automatisch → " : "", u->status);
}

enum outcome_kind post_toevoegen(struct db *db, long id, int version, long nummer, const char *datadir,
				 struct mailin_uitkomst *u, struct outcome *o)
{
	char sid[24], snr[24], sorg[24], key[65], buf[512], mark[96];
	const char *reden;
	unsigned char *raw = NULL;
	size_t len = 0;
	struct mailin m;
	enum db_failure f;
	PGresult *r;
	long org, hv;

	outcome_clear(o);
	memset(u, 0, sizeof *u);
	memset(&m, 0, sizeof m);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	{
		const char *p[1] = { db_num(sid, sizeof sid, id) };
		r = db_exec(db, &o->err, &f,
			    "SELECT bericht, organisatie_id, idempotentie FROM mail_in "
			    " WHERE id = $1 AND reden IS NOT NULL AND afgehandeld_op IS NULL",
			    1, p);
	}
	if (!r)
		return outcome_failed(db, f, 0, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(db);
		return outcome_set(o, OUTCOME_GONE, "bericht niet (meer) in de post");
	}
	raw = PQunescapeBytea((const unsigned char *)PQgetvalue(r, 0, 0), &len);
	org = atol(PQgetvalue(r, 0, 1));
	/* a key of its own: the post row keeps the message's */
	snprintf(mark, sizeof mark, "%s:%ld", PQgetvalue(r, 0, 2), nummer);
	PQclear(r);
	bijlage_sha256_hex(mark, strlen(mark), key);
	if (!raw || mailin_parse(raw, len, NULL, &m, &o->err) < 0) {
		if (raw)
			PQfreemem(raw);
		db_rollback(db);
		return o->kind = OUTCOME_REFUSED;
	}
	/* what balie never files stays in the post: the person saves the
	 * documents another way (sftp, the file picker) */
	reden = mailin_reden_inhoud(&m, buf, sizeof buf); /* no token needed: a person chose */
	if (reden) {
		outcome_set(o, OUTCOME_REFUSED, "niet toe te voegen: %s", reden);
		goto klaar;
	}
	{
		const char *p[2] = { db_num(sorg, sizeof sorg, org), db_num(snr, sizeof snr, nummer) };
		r = db_exec(db, &o->err, &f, "SELECT id FROM hulpvraag WHERE organisatie_id = $1 AND nummer = $2", 2, p);
	}
	if (!r) {
		outcome_failed(db, f, 0, o);
		goto uit;
	}
	hv = PQntuples(r) == 1 ? atol(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	if (!hv) {
		outcome_set(o, OUTCOME_GONE, "geen hulpvraag %ld (of je ziet hem niet)", nummer);
		goto klaar;
	}
	if (archiveer(db, org, hv, &m, len, key, datadir, u, o) != OUTCOME_SAVED)
		goto klaar;
	if (db_versioned_update(db, OT_MAIL_IN, id, version, "afgehandeld_op = now(), afgehandeld_door = acting_account()",
				"afgehandeld_op IS NULL", 0, NULL, o) != OUTCOME_SAVED)
		goto uit; /* rolled back */
	if (audit_write(db, db_account(db), org, "post-toegevoegd", "mail_in", id, "", &o->err) < 0) {
		outcome_failed(db, DB_OTHER, 0, o);
		goto uit;
	}
	if (outcome_commit(db, "het toevoegen", o) == OUTCOME_SAVED)
		outcome_set(o, OUTCOME_SAVED, "Toegevoegd aan hulpvraag %ld: %d bijlage(n)%s%s", nummer, u->bijlagen,
			    u->status[0] ? "; status automatisch → " : "", u->status);
	goto uit;
klaar:
	if (db_ok(db))
		db_rollback(db);
uit:
	mailin_release(&m);
	PQfreemem(raw);
	return o->kind;
}

int post_lijst(struct db *db, long org, long na, int max, struct post_rij **out, int *n, int *meer, struct err *e)
{
	char sorg[24], sna[24], smax[24];
	const char *p[3] = { db_num(sorg, sizeof sorg, org), db_num(sna, sizeof sna, na), db_num(smax, sizeof smax, max + 1) };
	PGresult *r;
	int k;

	*out = NULL;
	*n = 0;
	*meer = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT m.id, m.version, " DB_MOMENT("m.ontvangen_op") ", m.afzender, left(m.onderwerp, 250), "
		    "       m.reden, coalesce(h.nummer, 0), m.grootte, m.bijlagen, m.antwoord_outbox IS NOT NULL, "
		    "       coalesce(m.hulpvraag_id, 0) "
		    "  FROM mail_in m LEFT JOIN hulpvraag h ON h.id = m.hulpvraag_id "
		    " WHERE m.organisatie_id = $1 AND m.reden IS NOT NULL AND m.afgehandeld_op IS NULL "
		    "   AND ($2 = 0 OR (m.ontvangen_op, m.id) > (SELECT x.ontvangen_op, x.id FROM mail_in x WHERE x.id = $2)) "
		    " ORDER BY m.ontvangen_op, m.id LIMIT $3",
		    3, p);
	db_rollback(db); /* read-only */
	if (!r)
		return -1;
	k = PQntuples(r);
	if (k > max) {
		*meer = 1;
		k = max;
	}
	*out = calloc((size_t)k + 1, sizeof **out);
	if (!*out) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < k; i++) {
		struct post_rij *x = &(*out)[i];
		x->id = atol(PQgetvalue(r, i, 0));
		x->version = atoi(PQgetvalue(r, i, 1));
		DB_COPY(x->ontvangen, r, i, 2);
		DB_COPY(x->afzender, r, i, 3);
		DB_COPY(x->onderwerp, r, i, 4);
		DB_COPY(x->reden, r, i, 5);
		x->hulpvraag_nummer = atol(PQgetvalue(r, i, 6));
		x->grootte = atol(PQgetvalue(r, i, 7));
		x->bijlagen = atoi(PQgetvalue(r, i, 8));
		x->antwoord = PQgetvalue(r, i, 9)[0] == 't';
		x->hulpvraag_id = atol(PQgetvalue(r, i, 10));
	}
	*n = k;
	PQclear(r);
	return 0;
}

int post_opschonen(struct db *db, int dagen, long *n, struct err *e)
{
	char sd[24];
	const char *p[1] = { db_num(sd, sizeof sd, dagen) };
	PGresult *r = db_exec(db, e, NULL, "SELECT balie.post_opschonen($1)", 1, p);

	if (!r)
		return -1;
	*n = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int post_tekst(struct db *db, long id, char **tekst, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	PGresult *r;
	long org;

	*tekst = NULL;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, "SELECT tekst, organisatie_id FROM mail_in WHERE id = $1 AND reden IS NOT NULL", 1, p);
	if (!r)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "bericht niet gevonden (of je mag de post niet zien)");
		goto fail;
	}
	*tekst = strdup(PQgetvalue(r, 0, 0));
	org = atol(PQgetvalue(r, 0, 1));
	PQclear(r);
	if (!*tekst) {
		err_set(e, "geen geheugen");
		goto fail;
	}
	if (audit_write(db, db_account(db), org, "post-bekeken", "mail_in", id, "", e) < 0 || db_commit(db, e) < 0) {
		free(*tekst);
		*tekst = NULL;
		goto fail;
	}
	return 0;
fail:
	if (db_ok(db))
		db_rollback(db);
	return -1;
}

enum outcome_kind post_afhandelen(struct db *db, long id, int version, struct outcome *o)
{
	char sid[24];
	PGresult *r;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (db_versioned_update(db, OT_MAIL_IN, id, version, "afgehandeld_op = now(), afgehandeld_door = acting_account()",
				"afgehandeld_op IS NULL", 0, NULL, o) != OUTCOME_SAVED)
		return o->kind;
	{
		const char *p[1] = { db_num(sid, sizeof sid, id) };
		r = db_exec(db, &o->err, NULL, "SELECT organisatie_id FROM mail_in WHERE id = $1", 1, p);
	}
	if (!r)
		return outcome_failed(db, DB_OTHER, 0, o);
	long org = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (audit_write(db, db_account(db), org, "post-afgehandeld", "mail_in", id, "", &o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (outcome_commit(db, "de afhandeling", o) != OUTCOME_SAVED)
		return o->kind;
	o->id = id;
	return outcome_set(o, OUTCOME_SAVED, "Bericht afgehandeld");
}
