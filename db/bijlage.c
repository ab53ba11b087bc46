/* bijlage.c — the bijlagen of a hulpvraag; see bijlage.h.
 *
 * Bytes travel as bytea in text form ("\x…" hex): a 10 MB file is a 20 MB
 * parameter, well within what libpq and PostgreSQL take, and keeps every
 * statement on the one parameterised path of db_exec. */
#include "db/bijlage.h"

#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bestand.h"
#include "core/bijlage.h"
#include "db/audit.h"
#include "db/outcome.h"
#include "db/hulpvraag.h"
#include "db/row.h"

#define MOMENT(col) DB_MOMENT(col)

#define COLS                                                                                              \
	"b.id, b.version, b.hulpvraag_id, b.organisatie_id, b.naam, b.grootte, b.categorie, b.mime, b.sha256, " \
	MOMENT("b.geupload_op") ", coalesce(a.naam, '')"
#define FROM " FROM bijlage b LEFT JOIN account a ON a.id = b.geupload_door "

static void fill(struct bijlage *b, PGresult *r, int i)
{
	b->id = atol(PQgetvalue(r, i, 0));
	b->version = atoi(PQgetvalue(r, i, 1));
	b->hulpvraag_id = atol(PQgetvalue(r, i, 2));
	b->organisatie_id = atol(PQgetvalue(r, i, 3));
	snprintf(b->naam, sizeof b->naam, "%s", PQgetvalue(r, i, 4));
	b->grootte = atol(PQgetvalue(r, i, 5));
	snprintf(b->categorie, sizeof b->categorie, "%s", PQgetvalue(r, i, 6));
	snprintf(b->mime, sizeof b->mime, "%s", PQgetvalue(r, i, 7));
	snprintf(b->sha256, sizeof b->sha256, "%s", PQgetvalue(r, i, 8));
	snprintf(b->op, sizeof b->op, "%s", PQgetvalue(r, i, 9));
	snprintf(b->door, sizeof b->door, "%s", PQgetvalue(r, i, 10));
}

int bijlage_list(struct db *db, long hulpvraag_id, struct bijlage **out, int *n, struct err *e)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *r;

	*out = NULL;
	*n = 0;
	snprintf(sid, sizeof sid, "%ld", hulpvraag_id);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT " COLS FROM " WHERE b.hulpvraag_id = $1 AND b.verwijderd_op IS NULL "
		    " ORDER BY b.geupload_op DESC, b.id DESC",
		    1, p);
	db_rollback(db); /* read-only */
	if (!r)
		return -1;
	*out = calloc((size_t)PQntuples(r) + 1, sizeof **out);
	if (!*out) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < PQntuples(r); i++)
		fill(&(*out)[i], r, i);
	*n = PQntuples(r);
	PQclear(r);
	return 0;
}

/* The statements of an add, inside the open transaction.  0, or -1 with
 * o->kind and o->err (the caller rolls back). */
static int add_in_tx(struct db *db, const struct bijlage_nieuw *n, const char *cat, const char *datadir,
		     struct bijlage_toegevoegd *out, struct outcome *o)
{
	struct err *e = &o->err;
	enum db_failure kind = DB_OK;
	char shv[24], reden[200];
	const char *p[6];
	PGresult *r;
	char *hex;

	snprintf(shv, sizeof shv, "%ld", n->hulpvraag_id);
	/* bijlage_toevoegen (migration 013) locks the hulpvraag (two adds at
	 * once take turns, so only one makes the automatic status change),
	 * checks visibility and the rulebook, computes the hash from the bytes
	 * itself, and writes the content, the row (with the create's key) and
	 * the audit row */
	hex = db_bytea_hex(n->data, n->len);
	if (!hex) {
		outcome_set(o, OUTCOME_ERROR, "geen geheugen voor de bijlage");
		return -1;
	}
	p[0] = shv;
	p[1] = n->naam;
	p[2] = out->mime;
	p[3] = cat;
	p[4] = hex;
	p[5] = n->idempotentie && *n->idempotentie ? n->idempotentie : NULL;
	r = db_exec(db, e, &kind, "SELECT id, sha256 FROM bijlage_toevoegen($1, $2, $3, $4, $5::bytea, $6)", 6, p);
	free(hex);
	if (!r)
		goto failed;
	out->id = atol(PQgetvalue(r, 0, 0));
	DB_COPY(out->sha256, r, 0, 1); /* the database's hash: the one stored */
	PQclear(r);

	if (n->status_laten)
		return 0; /* staff chose to leave the status as it is */
	snprintf(reden, sizeof reden, "Er is een nieuwe bijlage toegevoegd (categorie %s).", cat);
	switch (hulpvraag_status_automatisch(db, n->hulpvraag_id, reden, datadir, out->status, sizeof out->status, o)) {
	case OUTCOME_SAVED:
		return 0;
	case OUTCOME_REFUSED: {
		char why[512];
		snprintf(why, sizeof why, "%s", e->msg);
		outcome_set(o, OUTCOME_REFUSED, "de automatische statuswijziging werd geweigerd: %s", why);
		return -1;
	}
	default:
		return -1;
	}
failed:
	o->kind = kind == DB_RAISED || kind == DB_PRIVILEGE ? OUTCOME_REFUSED : OUTCOME_ERROR;
	o->kind = kind == DB_UNIQUE_VIOLATION ? OUTCOME_CONFLICT : o->kind; /* the same key at once */
	return -1;
}


enum outcome_kind bijlage_add(struct db *db, const struct bijlage_nieuw *n, const char *datadir,
			      struct bijlage_toegevoegd *out, struct outcome *o)
{
	const char *cat = bijlage_categorie(n->categorie);
	const char *key = n->idempotentie && *n->idempotentie ? n->idempotentie : NULL;
	int mail;

	outcome_clear(o);
	memset(out, 0, sizeof *out);
	if (!cat)
		return outcome_set(o, OUTCOME_REFUSED,
				   "onbekende categorie \"%s\"; kies uit: OPP, onderzoeksverslag, toetsgegevens, plan, "
				   "ondertekening, zienswijze, beschikking, overig",
				   n->categorie ? n->categorie : "");
	if (bijlage_check_grootte((long)n->len, &o->err) < 0 || bijlage_check_naam(n->naam, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (bijlage_mime(n->data, n->len, out->mime, sizeof out->mime, &o->err) < 0)
		return (o->kind = OUTCOME_ERROR);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (key) {
		/* sent before (F2 again after the connection broke): that one */
		if (db_created_before(db, PROBE_KEY_BIJLAGE, key, o) != OUTCOME_GONE) {
			if (db_ok(db))
				db_rollback(db);
			out->id = o->id;
			if (o->kind == OUTCOME_SAVED)
				outcome_set(o, OUTCOME_SAVED, "Bijlage was al toegevoegd");
			return o->kind;
		}
		o->kind = OUTCOME_SAVED;
	}
	if (add_in_tx(db, n, cat, datadir, out, o) < 0) {
		db_rollback(db);
		out->id = 0;
		out->status[0] = '\0';
		if (o->kind == OUTCOME_SAVED)
			o->kind = OUTCOME_ERROR;
		return o->kind;
	}
	mail = o->mail; /* of the automatic status change */
	o->probe = key ? PROBE_KEY_BIJLAGE : PROBE_NONE;
	if (key)
		db_copy(o->probe_key, sizeof o->probe_key, key);
	if (outcome_commit(db, "de bijlage", o) != OUTCOME_SAVED)
		return o->kind;
	o->id = out->id;
	o->version = 1;
	if (out->status[0])
		return outcome_set(o, OUTCOME_SAVED, "Bijlage toegevoegd; status automatisch → %s%s", out->status,
				   mail ? "; mail klaargezet" : "; geen mail");
	return outcome_set(o, OUTCOME_SAVED, "Bijlage toegevoegd");
}

enum outcome_kind bijlage_add_in_tx(struct db *db, const struct bijlage_nieuw *n, const char *datadir,
				    struct bijlage_toegevoegd *out, struct outcome *o)
{
	const char *cat = bijlage_categorie(n->categorie);

	outcome_clear(o);
	memset(out, 0, sizeof *out);
	if (!cat)
		return outcome_set(o, OUTCOME_REFUSED, "onbekende categorie \"%s\"", n->categorie ? n->categorie : "");
	if (bijlage_check_grootte((long)n->len, &o->err) < 0 || bijlage_check_naam(n->naam, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (bijlage_mime(n->data, n->len, out->mime, sizeof out->mime, &o->err) < 0)
		return (o->kind = OUTCOME_ERROR);
	if (add_in_tx(db, n, cat, datadir, out, o) < 0) {
		if (o->kind == OUTCOME_SAVED)
			o->kind = OUTCOME_ERROR;
		return o->kind;
	}
	return OUTCOME_SAVED;
}

enum outcome_kind bijlage_add_file(struct db *db, long hulpvraag_id, const char *path, const char *categorie,
				   const char *key, const char *datadir, struct bijlage_toegevoegd *out, struct outcome *o)
{
	return bijlage_add_file_laten(db, hulpvraag_id, path, categorie, key, 0, datadir, out, o);
}

enum outcome_kind bijlage_add_file_laten(struct db *db, long hulpvraag_id, const char *path, const char *categorie,
					 const char *key, int status_laten, const char *datadir,
					 struct bijlage_toegevoegd *out, struct outcome *o)
{
	struct bijlage_nieuw n = { hulpvraag_id, bijlage_basename(path), categorie, NULL, 0, key, status_laten };
	long size;
	unsigned char *buf;
	size_t got = 0;
	int fd;
	enum outcome_kind rc;
	struct err *e = &o->err;

	outcome_clear(o);
	o->kind = OUTCOME_REFUSED; /* until the file is read: what was asked cannot be done */

	memset(out, 0, sizeof *out);
	/* a FIFO named as bijlage hung balie: bestand_open_fd never blocks and
	 * refuses what is not a regular file; the size rule is the bijlage's */
	struct err why;
	fd = bestand_open_fd(path, LONG_MAX, &size, &why);
	if (fd < 0)
		return outcome_set(o, OUTCOME_REFUSED, "kan %s niet lezen: %.400s", path, why.msg);
	/* refused before reading a byte */
	if (bijlage_check_grootte(size, e) < 0) {
		close(fd);
		return o->kind;
	}
	buf = (unsigned char *)bestand_lees_fd(fd, size, path, &got, &why);
	if (!buf)
		return outcome_set(o, OUTCOME_REFUSED, "kan %s niet lezen: %.400s", path, why.msg);
	n.data = buf;
	n.len = got;
	rc = bijlage_add(db, &n, datadir, out, o);
	free(buf);
	return rc;
}

int bijlage_fetch(struct db *db, long id, enum bijlage_doel doel, struct bijlage *meta, unsigned char **data,
		  size_t *len, struct err *e)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *r;
	unsigned char *raw;
	size_t n;

	*data = NULL;
	*len = 0;
	snprintf(sid, sizeof sid, "%ld", id);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT " COLS ", i.inhoud" FROM
		    " JOIN bijlage_inhoud i ON i.organisatie_id = b.organisatie_id AND i.sha256 = b.sha256 "
		    " WHERE b.id = $1 AND b.verwijderd_op IS NULL",
		    1, p);
	if (!r)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "bijlage niet gevonden (verwijderd, of je hebt er geen toegang toe)");
		goto fail;
	}
	fill(meta, r, 0);
	raw = PQunescapeBytea((const unsigned char *)PQgetvalue(r, 0, 11), &n);
	PQclear(r);
	if (!raw) {
		err_set(e, "geen geheugen voor de bijlage");
		goto fail;
	}
	*data = malloc(n + 1);
	if (!*data) {
		PQfreemem(raw);
		err_set(e, "geen geheugen voor de bijlage");
		goto fail;
	}
	memcpy(*data, raw, n);
	(*data)[n] = '\0';
	*len = n;
	PQfreemem(raw);
	{
		char detail[64];
		snprintf(detail, sizeof detail, "hulpvraag %ld", meta->hulpvraag_id);
		if (audit_write(db, db_account(db), meta->organisatie_id,
				doel == BIJLAGE_EXPORTEREN ? "bijlage-export" : "bijlage-view", "bijlage", id, detail,
				e) < 0 ||
		    db_commit(db, e) < 0)
			goto fail_data;
	}
	return 0;
fail_data:
	free(*data);
	*data = NULL;
	*len = 0;
fail:
	db_rollback(db);
	return -1;
}

enum outcome_kind bijlage_remove(struct db *db, long id, int version, struct outcome *o)
{
	char detail[64];
	enum db_failure kind = DB_OK;
	PGresult *r;
	long org, hv;
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (db_versioned_update(db, OT_BIJLAGE, id, version,
				"verwijderd_op = now(), verwijderd_door = nullif(acting_account(), 0)",
				"verwijderd_op IS NULL", 0, NULL, o) != OUTCOME_SAVED)
		return o->kind;
	r = db_exec(db, &o->err, &kind, "SELECT organisatie_id, hulpvraag_id FROM bijlage WHERE id = $1", 1, p);
	if (!r)
		return outcome_failed(db, kind, 0, o);
	org = atol(PQgetvalue(r, 0, 0));
	hv = atol(PQgetvalue(r, 0, 1));
	PQclear(r);
	snprintf(detail, sizeof detail, "hulpvraag %ld", hv);
	if (audit_write(db, db_account(db), org, "bijlage-remove", "bijlage", id, detail, &o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	o->probe = PROBE_BIJLAGE_WEG;
	o->probe_id = id;
	o->probe_version = version;
	if (outcome_commit(db, "het verwijderen", o) == OUTCOME_SAVED)
		outcome_set(o, OUTCOME_SAVED, "Bijlage verwijderd (blijft bewaard, gemarkeerd als verwijderd)");
	return o->kind;
}
