/* bijlage.c — the bijlagen of a hulpvraag; see bijlage.h.
 *
 * Bytes travel as bytea in text form ("\x…" hex): a 10 MB file is a 20 MB
 * parameter, well within what libpq and PostgreSQL take, and keeps every
 * statement on the one parameterised path of db_exec. */
#include "db/bijlage.h"

#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bijlage.h"
#include "db/audit.h"
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

/* "\x" + hex of data: bytea in text form.  malloc'ed, NULL when out of
 * memory. */
static char *bytea_hex(const unsigned char *data, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	char *s = malloc(2 * len + 3);

	if (!s)
		return NULL;
	s[0] = '\\';
	s[1] = 'x';
	for (size_t i = 0; i < len; i++) {
		s[2 + 2 * i] = hx[data[i] >> 4];
		s[3 + 2 * i] = hx[data[i] & 15];
	}
	s[2 + 2 * len] = '\0';
	return s;
}

/* The statements of an add, inside the open transaction. */
static int add_in_tx(struct db *db, const struct bijlage_nieuw *n, const char *cat, const char *datadir,
		     struct bijlage_toegevoegd *out, struct err *e)
{
	char shv[24], reden[200];
	const char *p[5];
	PGresult *r;
	char *hex;

	snprintf(shv, sizeof shv, "%ld", n->hulpvraag_id);
	/* bijlage_toevoegen (migration 012) locks the hulpvraag (two adds at
	 * once take turns, so only one makes the automatic status change),
	 * checks visibility and the rulebook, computes the hash from the bytes
	 * itself, and writes the content, the row and the audit row */
	hex = bytea_hex(n->data, n->len);
	if (!hex)
		return err_set(e, "geen geheugen voor de bijlage");
	p[0] = shv;
	p[1] = n->naam;
	p[2] = out->mime;
	p[3] = cat;
	p[4] = hex;
	r = db_exec(db, e, NULL, "SELECT bijlage_toevoegen($1, $2, $3, $4, $5::bytea)", 5, p);
	free(hex);
	if (!r)
		return -1;
	out->id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);

	snprintf(reden, sizeof reden, "Er is een nieuwe bijlage toegevoegd (categorie %s).", cat);
	switch (hulpvraag_status_automatisch(db, n->hulpvraag_id, reden, datadir, out->status, sizeof out->status, e)) {
	case HV_OK:
		return 0;
	case HV_NOT_ALLOWED: {
		char why[512];
		snprintf(why, sizeof why, "%s", e->msg);
		return err_set(e, "de automatische statuswijziging werd geweigerd: %s", why);
	}
	default:
		return -1;
	}
}

int bijlage_add(struct db *db, const struct bijlage_nieuw *n, const char *datadir, struct bijlage_toegevoegd *out,
		struct err *e)
{
	const char *cat = bijlage_categorie(n->categorie);
	char mailmsg[512];

	memset(out, 0, sizeof *out);
	if (!cat)
		return err_set(e, "onbekende categorie \"%s\"; kies uit: OPP, onderzoeksverslag, toetsgegevens, plan, "
				  "ondertekening, zienswijze, beschikking, overig",
			       n->categorie ? n->categorie : "");
	if (bijlage_check_grootte((long)n->len, e) < 0 || bijlage_check_naam(n->naam, e) < 0)
		return -1;
	bijlage_sha256_hex(n->data, n->len, out->sha256);
	if (bijlage_mime(n->data, n->len, out->mime, sizeof out->mime, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	if (add_in_tx(db, n, cat, datadir, out, e) < 0) {
		db_rollback(db);
		out->id = 0;
		out->status[0] = '\0';
		return -1;
	}
	snprintf(mailmsg, sizeof mailmsg, "%s", e->msg); /* the status change's own sentence */
	if (db_commit(db, e) < 0) {
		if (!db_ok(db))
			return err_set(e, "verbinding verbroken tijdens het bewaren: nog onbekend of de bijlage is "
					  "toegevoegd — kijk in de lijst voordat je het opnieuw probeert");
		db_rollback(db);
		return -1;
	}
	if (out->status[0])
		err_set(e, "Bijlage toegevoegd; status automatisch → %s%s", out->status,
			strstr(mailmsg, "klaargezet") ? "; mail klaargezet" : "; geen mail"); else {
		err_set(e, "Bijlage toegevoegd");
	}
	return 0;
}

int bijlage_add_file(struct db *db, long hulpvraag_id, const char *path, const char *categorie,
		     const char *datadir, struct bijlage_toegevoegd *out, struct err *e)
{
	struct bijlage_nieuw n = { hulpvraag_id, bijlage_basename(path), categorie, NULL, 0 };
	struct stat st;
	unsigned char *buf;
	size_t got = 0;
	int fd, rc;

	memset(out, 0, sizeof *out);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return err_set(e, "kan %s niet lezen: %s", path,
			       errno == ENOENT ? "bestand bestaat niet"
			       : errno == EACCES ? "geen leesrechten"
						 : strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, "%s is geen gewoon bestand", path);
	}
	/* refused before reading a byte */
	if (bijlage_check_grootte((long)st.st_size, e) < 0) {
		close(fd);
		return -1;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return err_set(e, "geen geheugen voor %s", path);
	}
	while (got < (size_t)st.st_size) {
		ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(buf);
		return err_set(e, "kan %s niet helemaal lezen", path);
	}
	n.data = buf;
	n.len = got;
	rc = bijlage_add(db, &n, datadir, out, e);
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

int bijlage_remove(struct db *db, long id, int version, struct err *e)
{
	char sid[24], sver[24], detail[64];
	const char *p[2] = { sid, sver };
	PGresult *r;
	long org, hv;

	snprintf(sid, sizeof sid, "%ld", id);
	snprintf(sver, sizeof sver, "%d", version);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "UPDATE bijlage SET verwijderd_op = now(), verwijderd_door = nullif(acting_account(), 0), "
		    "       version = version + 1 "
		    " WHERE id = $1 AND version = $2 AND verwijderd_op IS NULL RETURNING organisatie_id, hulpvraag_id",
		    2, p);
	if (!r)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "bijlage intussen gewijzigd of verwijderd door iemand anders; laad de lijst opnieuw");
		goto fail;
	}
	org = atol(PQgetvalue(r, 0, 0));
	hv = atol(PQgetvalue(r, 0, 1));
	PQclear(r);
	snprintf(detail, sizeof detail, "hulpvraag %ld", hv);
	if (audit_write(db, db_account(db), org, "bijlage-remove", "bijlage", id, detail, e) < 0 ||
	    db_commit(db, e) < 0)
		goto fail;
	err_set(e, "Bijlage verwijderd (blijft bewaard, gemarkeerd als verwijderd)");
	return 0;
fail:
	db_rollback(db);
	return -1;
}
