/* demodb.c — build the demo database; see demodb.h. */
#include "db/demodb.h"

#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/datum.h"
#include "core/flow.h"
#include "core/totp.h"
#include "core/totpzegel.h"
#include "core/wachtwoord.h"
#include "core/beschikking.h"
#include "db/beschikking.h"
#include "db/cluster.h"
#include "db/conn.h"
#include "db/demobeschikking.h"
#include "db/demobijlagen.h"
#include "db/demodata.h"
#include "db/demoforms.h"
#include "db/demoagenda.h"
#include "db/demoregie.h"
#include "db/flowstore.h"
#include "db/formstore.h"
#include "db/migrate.h"

static const char *demo_profiles[] = {"po3008", "po2507", "po2811", NULL};

static int publish_profiles(struct db *db, const struct demodb_opts *o, struct err *e)
{
	for (const char **p = demo_profiles; *p; p++) {
		char dir[PATH_MAX];
		struct flow_profile *prof = NULL;
		int versie, nieuw;
		snprintf(dir, sizeof dir, "%s/%s", o->forms_dir, *p);
		if (flow_profile_load(dir, &prof, NULL, NULL, NULL, e) < 0)
			return -1;
		size_t form_errors = 0;
		int rc = flowstore_publish(db, prof, NULL, "balie demo", &versie, &nieuw, e);
		if (rc == 0)
			rc = formstore_publish_dir(db, prof->code, dir, "balie demo", NULL, NULL, &form_errors, e);
		struct beschikking_conf bc;
		if (rc == 0 && (rc = beschikking_conf_load(dir, &bc, e)) == 0)
			rc = db_beschikking_publish(db, prof->code, &bc, e);
		flow_profile_free(&prof);
		if (rc < 0)
			return -1;
		if (form_errors)
			return err_set(e, "%s: %zu formulier(en) met fouten (balie admin forms check)", dir, form_errors);
		if (o->progress)
			o->progress(*p, 1, 1, o->progress_arg);
	}
	return 0;
}

int demodb_build(const struct demodb_opts *o, struct err *e)
{
	char ci[PATH_MAX + 128], hash[WACHTWOORD_HASH_LEN], b32[TOTP_BASE32_LEN], today[16];
	unsigned char secret[TOTP_SECRET_LEN];
	struct db *db = NULL;
	int rc = -1;
	time_t now = time(NULL);

	if (db_connect(&db, cluster_conninfo(ci, sizeof ci, o->cluster_dir, "postgres", "postgres"), e) < 0)
		return -1;
	if (db_exec_script(db, "DROP DATABASE IF EXISTS " DEMODB_NAME " WITH (FORCE)", e) < 0 ||
	    db_exec_script(db, "CREATE DATABASE " DEMODB_NAME, e) < 0)
		goto out;
	db_free(&db);
	if (db_connect(&db, cluster_conninfo(ci, sizeof ci, o->cluster_dir, DEMODB_NAME, "postgres"), e) < 0)
		return -1;
	if (migrate_up(db, NULL, e) < 0)
		goto out;
	if (o->progress)
		o->progress("schema", 1, 1, o->progress_arg);
	if (publish_profiles(db, o, e) < 0)
		goto out;

	/* Demo-only exception to the password policy: every account has
	 * password "demo" (README says so). */
	if (wachtwoord_hash("demo", NULL, hash, e) < 0 || totp_secret_new(secret, e) < 0 ||
	    totp_base32_encode(secret, sizeof secret, b32, sizeof b32, e) < 0)
		goto out;
	datum_format_iso(datum_today(now), today);
	struct demodata_opts d = {
		.seed = DEMODATA_SEED,
		.hulpvragen = o->hulpvragen,
		.today = today,
		.password_hash = hash,
		.totp_secret = b32,
		.totp_key = o->totp_key,
		.progress = o->progress,
		.progress_arg = o->progress_arg,
	};
	if (db_exec_script(db, "BEGIN", e) < 0)
		goto out;
	if (demodata_load(db, &d, e) < 0 || demobijlagen_load(db, e) < 0 || demoforms_load(db, NULL, e) < 0 ||
	    demobeschikking_load(db, NULL, e) < 0 ||
	    demoagenda_load(db, o->forms_dir, datum_today(now), e) < 0 ||
	    demoregie_load(db, hash, datum_today(now), e) < 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, e) < 0)
		goto out;
	db_exec_script(db, "VACUUM ANALYZE", e);
	rc = 0;
out:
	db_free(&db);
	return rc;
}

int demodb_upgrade(const struct demodb_opts *o, int *applied, struct err *e)
{
	char ci[PATH_MAX + 128];
	struct db *db = NULL;
	if (db_connect(&db, cluster_conninfo(ci, sizeof ci, o->cluster_dir, DEMODB_NAME, "postgres"), e) < 0)
		return -1;
	int rc = migrate_up(db, applied, e) < 0 || publish_profiles(db, o, e) < 0 ? -1 : 0;
	db_free(&db);
	return rc;
}

void demodb_totp_secret(const char *cluster_dir, const unsigned char *key, char *buf, size_t len)
{
	char ci[PATH_MAX + 128];
	struct db *db = NULL;
	struct err e;
	buf[0] = '\0';
	if (db_connect(&db, cluster_conninfo(ci, sizeof ci, cluster_dir, DEMODB_NAME, "postgres"), &e) < 0)
		return;
	PGresult *r = db_exec(db, &e, NULL, "SELECT id, totp_secret FROM account WHERE username = 'totp'", 0, NULL);
	if (r && PQntuples(r) == 1) {
		const char *stored = PQgetvalue(r, 0, 1);

		/* sealed since 032; an older demo's is sealed by its helper */
		if (!totpzegel_is_sealed(stored))
			snprintf(buf, len, "%s", stored);
		else if (totpzegel_open(key, atol(PQgetvalue(r, 0, 0)), stored, buf, len, &e) < 0)
			buf[0] = '\0';
	}
	if (r)
		PQclear(r);
	db_free(&db);
}
