/* formstore.c — publish .form definitions as formulier_definitie versions. */
#include "db/formstore.h"

#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PGresult *q(struct db *db, struct err *e, const char *sql, int n, const char *const *p)
{
	return db_exec(db, e, NULL, sql, n, p);
}

int formstore_publish(struct db *db, const char *org_code, const struct form_def *d, const char *source,
		      size_t len, const char *who, int *versie, int *nieuw, struct err *e)
{
	unsigned char sum[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1], org[24], vers[16];
	char *text;
	PGresult *r;

	*versie = 0;
	*nieuw = 0;
	if (!d->code[0])
		return err_set(e, "formulier zonder code (bestandsnaam)");
	crypto_hash_sha256(sum, (const unsigned char *)source, len);
	sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
	if (!(text = strndup(source, len)))
		return err_set(e, "onvoldoende geheugen");
	if (db_exec_script(db, "BEGIN", e) < 0) {
		free(text);
		return -1;
	}
	const char *po[1] = { org_code };
	r = q(db, e, "SELECT id FROM organisatie WHERE code = upper($1)", 1, po);
	if (!r)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "organisatie %s bestaat niet", org_code);
		goto fail;
	}
	snprintf(org, sizeof org, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	/* the newest version of this code; the lock serialises two loads */
	const char *pc[2] = { org, d->code };
	r = q(db, e,
	      "SELECT versie, bron_sha256 FROM formulier_definitie WHERE organisatie_id = $1 AND code = $2 "
	      "ORDER BY versie DESC LIMIT 1 FOR UPDATE",
	      2, pc);
	if (!r)
		goto fail;
	int latest = PQntuples(r) ? atoi(PQgetvalue(r, 0, 0)) : 0;
	int same = PQntuples(r) && !strcmp(PQgetvalue(r, 0, 1), hex);
	PQclear(r);
	if (same) {
		db_rollback(db);
		free(text);
		*versie = latest;
		return 0;
	}
	snprintf(vers, sizeof vers, "%d", latest + 1);
	/* the fields only the back office writes (intern = true; migration 031
	 * enforces them): keys are [a-z0-9_], safe in an array literal */
	char intern[FORM_MAX_FIELDS * 66 + 3] = "{";
	for (size_t i = 0; i < d->nfields; i++)
		if (d->fields[i].intern)
			snprintf(intern + strlen(intern), sizeof intern - strlen(intern), "%s%s", intern[1] ? "," : "",
				 d->fields[i].key);
	strcat(intern, "}");
	const char *pi[8] = { org, d->code, d->name, vers, text, hex, who, intern };
	r = q(db, e, "UPDATE formulier_definitie SET actief = false WHERE organisatie_id = $1 AND code = $2 AND actief",
	      2, pc);
	if (!r)
		goto fail;
	PQclear(r);
	r = q(db, e,
	      "INSERT INTO formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, geladen_door, "
	      "intern_velden) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])",
	      8, pi);
	if (!r)
		goto fail;
	PQclear(r);
	free(text);
	if (db_commit(db, e) < 0)
		return -1;
	*versie = latest + 1;
	*nieuw = 1;
	return 0;
fail:
	free(text);
	db_rollback(db);
	return -1;
}

struct dir_report {
	void (*fn)(const char *line, void *ctx);
	void *ctx;
};

static void report_err(const struct err *e, void *ctx)
{
	const struct dir_report *r = ctx;
	char buf[1024];

	if (r->fn)
		r->fn(err_format(e, buf, sizeof buf), r->ctx);
}

int formstore_publish_dir(struct db *db, const char *org_code, const char *dir, const char *who,
			  void (*report)(const char *line, void *ctx), void *ctx, size_t *errors, struct err *e)
{
	struct dir_report rep = { report, ctx };
	char **paths = NULL, line[512];
	size_t n = 0;
	int rc = 0;

	*errors = 0;
	if (form_list_dir(dir, &paths, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct form_def *d = NULL;
		char *src = NULL;
		size_t len = 0;
		int versie, nieuw;
		struct err fe;

		if (form_load_source(paths[i], &d, &src, &len, report_err, &rep, &fe) < 0) {
			(*errors)++;
			continue;
		}
		if (formstore_publish(db, org_code, d, src, len, who, &versie, &nieuw, e) < 0) {
			rc = -1;
		} else if (report) {
			if (nieuw)
				snprintf(line, sizeof line, "%s: formulier gepubliceerd als versie %d", d->code, versie);
			else
				snprintf(line, sizeof line, "%s: formulier ongewijzigd, versie %d blijft actief", d->code,
					 versie);
			report(line, ctx);
		}
		free(src);
		form_free(&d);
	}
	form_list_free(&paths, n);
	return rc;
}
