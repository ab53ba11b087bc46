/* formulier.c — forms attached to a hulpvraag; see formulier.h. */
#include "db/formulier.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/flow.h"
#include "core/form.h"
#include "core/mailtpl.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/outcome.h"
#include "db/row.h"

#define NOT_VISIBLE "dit formulier bestaat niet (meer) of je hebt er geen toegang toe"
#define MOMENT(col) DB_MOMENT(col)

static enum hv_result fail(struct db *db, enum hv_result res)
{
	db_rollback(db);
	return res;
}

/* Runs sql, which must give exactly one row (*out; caller PQclear()s).
 * No row: missing goes into e, HV_NOT_FOUND.  Either failure rolls back. */
static enum hv_result one_row(struct db *db, struct err *e, const char *sql, int n, const char *const *p,
			      const char *missing, PGresult **out)
{
	PGresult *r = db_exec(db, e, NULL, sql, n, p);

	*out = NULL;
	if (!r)
		return fail(db, HV_ERROR);
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, "%s", missing);
		return fail(db, HV_NOT_FOUND);
	}
	*out = r;
	return HV_OK;
}

/* --------------------------------------------------------------- listing */

static int list(struct db *db, const char *sql, long param, struct formulier_item **out, int *n, struct err *e)
{
	char sp[24];
	const char *p[1] = { db_num(sp, sizeof sp, param) };
	enum db_failure kind;
	PGresult *r;

	*out = NULL;
	*n = 0;
	if (!(r = db_exec_as_account(db, e, &kind, sql, 1, p)))
		return -1;
	int k = PQntuples(r);
	if (!(*out = calloc((size_t)k + 1, sizeof **out))) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (int i = 0; i < k; i++) {
		struct formulier_item *it = &(*out)[i];
		it->id = atol(PQgetvalue(r, i, 0));
		DB_COPY(it->naam, r, i, 1);
		DB_COPY(it->code, r, i, 2);
		it->versie = atoi(PQgetvalue(r, i, 3));
		DB_COPY(it->door, r, i, 4);
		DB_COPY(it->op, r, i, 5);
		it->compleet = PQgetvalue(r, i, 6)[0] == 't';
	}
	*n = k;
	PQclear(r);
	return 0;
}

int formulier_list(struct db *db, long hulpvraag_id, struct formulier_item **out, int *n, struct err *e)
{
	return list(db,
		    "SELECT f.id, d.naam, d.code, d.versie, coalesce(a.naam, ''), " MOMENT("f.gewijzigd_op") ", f.compleet "
		    "  FROM formulier f JOIN formulier_definitie d ON d.id = f.definitie_id "
		    "  LEFT JOIN account a ON a.id = f.gewijzigd_door "
		    " WHERE f.hulpvraag_id = $1 AND f.verwijderd_op IS NULL ORDER BY f.aangemaakt_op, f.id",
		    hulpvraag_id, out, n, e);
}

int formulier_available(struct db *db, long org, struct formulier_item **out, int *n, struct err *e)
{
	return list(db,
		    "SELECT d.id, d.naam, d.code, d.versie, '', '', false FROM formulier_definitie d "
		    " WHERE d.organisatie_id = $1 AND d.actief ORDER BY d.naam, d.id",
		    org, out, n, e);
}

/* A FLOW_ROLE_BIT set as a text[] literal for SQL: "{coordinator,extern}"
 * (role names are plain words). */
static const char *role_array(unsigned roles, char *set, size_t len)
{
	size_t used = (size_t)snprintf(set, len, "{");

	for (int r = 0; r < FLOW_ROLE_COUNT && used < len; r++)
		if (roles & FLOW_ROLE_BIT(r))
			used += (size_t)snprintf(set + used, len - used, "%s%s", used > 1 ? "," : "", flow_roles[r].name);
	if (used < len)
		snprintf(set + used, len - used, "}");
	return set;
}

int formulier_accounts(struct db *db, long org, unsigned roles, struct hv_item **out, int *n, struct err *e)
{
	char so[24], set[256];
	const char *p[2] = { db_num(so, sizeof so, org), role_array(roles, set, sizeof set) };
	return hv_items(db,
			"SELECT DISTINCT a.id, a.naam, coalesce(a.email, ''), 0, false FROM account a "
			"  JOIN account_rol r ON r.account_id = a.id "
			" WHERE r.organisatie_id = $1 AND r.rol = ANY($2::text[]) AND NOT a.blocked ORDER BY 2, 1",
			2, p, out, n, e);
}

/* ------------------------------------------------------------------ adding */


enum outcome_kind formulier_add(struct db *db, long hulpvraag_id, long definitie_id, const char *key, long *id,
				struct outcome *o)
{
	char sh[24], sd[24], sa[24];
	const char *p[4] = { db_num(sh, sizeof sh, hulpvraag_id), db_num(sd, sizeof sd, definitie_id),
			     db_num(sa, sizeof sa, db_account(db)), key && *key ? key : NULL };
	PGresult *r;

	outcome_clear(o);
	*id = 0;
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (p[3]) {
		/* sent before (F2 again after the connection broke): that one */
		if (db_created_before(db, PROBE_KEY_FORMULIER, p[3], o) != OUTCOME_GONE) {
			if (db_ok(db))
				db_rollback(db);
			*id = o->id;
			if (o->kind == OUTCOME_SAVED)
				outcome_set(o, OUTCOME_SAVED, "Formulier was al toegevoegd");
			return o->kind;
		}
		o->kind = OUTCOME_SAVED;
	}
	switch (one_row(db, &o->err,
			"INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id, aangemaakt_door, gewijzigd_door, "
			"                       idempotentie) "
			"SELECT h.id, h.organisatie_id, d.id, $3, $3, $4 FROM hulpvraag h "
			"  JOIN formulier_definitie d ON d.organisatie_id = h.organisatie_id AND d.actief "
			" WHERE h.id = $1 AND d.id = $2 RETURNING id, organisatie_id",
			4, p, "dit formulier kan niet (meer) aan deze hulpvraag worden toegevoegd", &r)) {
	case HV_OK:
		break;
	case HV_NOT_FOUND:
		return (o->kind = OUTCOME_GONE);
	default:
		return (o->kind = OUTCOME_ERROR);
	}
	*id = atol(PQgetvalue(r, 0, 0));
	long org = atol(PQgetvalue(r, 0, 1));
	PQclear(r);
	if (audit_write(db, db_account(db), org, "formulier-nieuw", "formulier", *id, sh, &o->err) < 0) {
		*id = 0;
		return outcome_failed(db, DB_OTHER, 0, o);
	}
	o->probe = p[3] ? PROBE_KEY_FORMULIER : PROBE_NONE;
	if (p[3])
		db_copy(o->probe_key, sizeof o->probe_key, p[3]);
	if (outcome_commit(db, "het formulier", o) != OUTCOME_SAVED) {
		*id = 0;
		return o->kind;
	}
	o->id = *id;
	o->version = 1;
	return outcome_set(o, OUTCOME_SAVED, "Formulier toegevoegd");
}

/* ----------------------------------------------------------------- reading */

void formulier_free(struct formulier **fp)
{
	struct formulier *f;

	if (!fp || !*fp)
		return;
	f = *fp;
	for (size_t i = 0; f->def && i < f->def->nfields; i++) {
		if (f->values && f->values[i]) {
			/* pupil data: wiped, not only freed */
			explicit_bzero(f->values[i], strlen(f->values[i]));
			free(f->values[i]);
		}
		if (f->names)
			free(f->names[i]);
	}
	free(f->values);
	free(f->names);
	form_free(&f->def);
	free(f);
	*fp = NULL;
}

/* Parses a stored definition source. */
static int parse_stored(const char *code, int versie, const char *bron, struct form_def **out, struct err *e)
{
	char file[128];
	struct err pe;

	snprintf(file, sizeof file, "%.64s.form", code);
	if (form_parse(bron, strlen(bron), file, out, NULL, NULL, &pe) < 0) {
		char buf[700];
		return err_set(e, "opgeslagen formulierdefinitie %s versie %d is ongeldig: %s", code, versie,
			       err_format(&pe, buf, sizeof buf));
	}
	return 0;
}

enum hv_result formulier_load(struct db *db, long id, struct formulier **out, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	struct formulier *f;
	PGresult *r;

	*out = NULL;
	if (db_begin(db, e) < 0)
		return HV_ERROR;
	enum hv_result res = one_row(db, e,
		    "SELECT f.hulpvraag_id, f.organisatie_id, f.version, h.nummer, d.naam, d.versie, "
		    "       (SELECT max(n.versie) FROM formulier_definitie n "
		    "         WHERE n.organisatie_id = d.organisatie_id AND n.code = d.code), "
		    "       f.compleet, coalesce(a.naam, ''), " MOMENT("f.gewijzigd_op") ", d.code, d.bron "
		    "  FROM formulier f JOIN formulier_definitie d ON d.id = f.definitie_id "
		    "  JOIN hulpvraag h ON h.id = f.hulpvraag_id LEFT JOIN account a ON a.id = f.gewijzigd_door "
		    " WHERE f.id = $1 AND f.verwijderd_op IS NULL",
		    1, p, NOT_VISIBLE, &r);
	if (res != HV_OK)
		return res;
	if (!(f = calloc(1, sizeof *f))) {
		PQclear(r);
		err_set(e, "onvoldoende geheugen");
		return fail(db, HV_ERROR);
	}
	f->id = id;
	f->hulpvraag_id = atol(PQgetvalue(r, 0, 0));
	f->organisatie_id = atol(PQgetvalue(r, 0, 1));
	f->version = atoi(PQgetvalue(r, 0, 2));
	f->nummer = atol(PQgetvalue(r, 0, 3));
	DB_COPY(f->naam, r, 0, 4);
	f->definitie_versie = atoi(PQgetvalue(r, 0, 5));
	f->nieuwste_versie = atoi(PQgetvalue(r, 0, 6));
	f->compleet = PQgetvalue(r, 0, 7)[0] == 't';
	DB_COPY(f->gewijzigd_door, r, 0, 8);
	DB_COPY(f->gewijzigd_op, r, 0, 9);
	int bad = parse_stored(PQgetvalue(r, 0, 10), f->definitie_versie, PQgetvalue(r, 0, 11), &f->def, e);
	PQclear(r);
	if (bad || !(f->values = calloc(f->def->nfields + 1, sizeof *f->values)) ||
	    !(f->names = calloc(f->def->nfields + 1, sizeof *f->names))) {
		if (!bad)
			err_set(e, "onvoldoende geheugen");
		formulier_free(&f);
		return fail(db, HV_ERROR);
	}
	r = db_exec(db, e, NULL,
		    "SELECT w.veld, w.waarde, a.naam FROM formulier_waarde w "
		    "  LEFT JOIN account a ON a.id = CASE WHEN w.waarde ~ '^[0-9]{1,18}$' THEN w.waarde::bigint END "
		    " WHERE w.formulier_id = $1",
		    1, p);
	if (!r) {
		formulier_free(&f);
		return fail(db, HV_ERROR);
	}
	for (int i = 0; i < PQntuples(r); i++) {
		int k = form_field_index(f->def, PQgetvalue(r, i, 0));
		if (k < 0)
			continue; /* not a field of this version: kept in the database, not shown */
		f->values[k] = strdup(PQgetvalue(r, i, 1));
		if (f->def->fields[k].type == FORM_ACCOUNT)
			f->names[k] = strdup(PQgetvalue(r, i, 2));
	}
	PQclear(r);
	if (audit_write(db, db_account(db), f->organisatie_id, "formulier-bekeken", "formulier", id, "", e) < 0) {
		formulier_free(&f);
		return fail(db, HV_ERROR);
	}
	if (db_commit(db, e) < 0) { /* a read with its audit row */
		if (db_ok(db))
			db_rollback(db);
		formulier_free(&f);
		return HV_ERROR;
	}
	*out = f;
	return HV_OK;
}

/* ------------------------------------------------------------------ saving */

/* What the save needs about the form, read with the row locked. */
struct savectx {
	int version;
	long hulpvraag_id, org, nummer;
	char organisatie[128], profiel[64], aanvraagtype[204], school[204], status[204], naam[204];
	struct form_def *def;
	char **old; /* previous values, def->nfields */
};

static void savectx_release(struct savectx *s)
{
	for (size_t i = 0; s->def && s->old && i < s->def->nfields; i++)
		free(s->old[i]);
	free(s->old);
	form_free(&s->def);
}

/* The mail template for an `informeer` field: the profile's own, else the
 * generiek one.  profiel is a plain folder name. */
static int find_template(const char *datadir, const char *profiel, char *path, size_t len, struct err *e)
{
	struct stat sb;

	for (const char *c = profiel; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
			return err_set(e, "ongeldige profielnaam");
	snprintf(path, len, "%s/forms/%s/mail/formulier.mail", datadir, profiel);
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		return 0;
	snprintf(path, len, "%s/forms/generiek/mail/formulier.mail", datadir);
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		return 0;
	return err_set(e, "geen mailsjabloon formulier.mail gevonden onder %s/forms", datadir);
}

/* Puts the mail to the account in field k in the outbox (nothing when the
 * account has no address: *skipped is counted). */
static int notify(struct db *db, const struct savectx *s, size_t k, const char *account,
		  const char *datadir, int *skipped, struct err *e)
{
	const struct form_field *f = &s->def->fields[k];
	char path[1024], nr[24], so[24], sh[24], reden[512];
	struct mailtpl *t = NULL;
	struct mailtpl_vars v;
	char *subject = NULL, *body = NULL;
	struct err ve;
	const char *pa[1] = { account };
	PGresult *r = db_exec(db, e, NULL, "SELECT naam, coalesce(email, '') FROM account WHERE id = $1::bigint", 1, pa);

	if (!r)
		return -1;
	if (PQntuples(r) != 1 || validate_email(PQgetvalue(r, 0, 1), &ve) < 0) {
		PQclear(r);
		(*skipped)++;
		return 0;
	}
	char aan[256];
	DB_COPY(aan, r, 0, 1);
	PQclear(r);
	if (find_template(datadir ? datadir : ".", s->profiel, path, sizeof path, e) < 0 || mailtpl_load(path, &t, e) < 0)
		return -1;
	memset(&v, 0, sizeof v);
	snprintf(reden, sizeof reden, "formulier \"%s\", veld \"%s\"", s->naam, f->label);
	v.v[MAILTPL_STATUS] = s->status;
	v.v[MAILTPL_REDEN] = reden;
	v.v[MAILTPL_NUMMER] = db_num(nr, sizeof nr, s->nummer);
	v.v[MAILTPL_SCHOOL] = s->school;
	v.v[MAILTPL_ORGANISATIE] = s->organisatie;
	v.v[MAILTPL_AANVRAAGTYPE] = s->aanvraagtype;
	int rc = mailtpl_render(t, &v, &subject, &body, e);
	mailtpl_free(&t);
	if (rc < 0)
		return -1;
	/* the subject may only hold {hulpvraagnummer}, {status}, {aanvraagtype}
	 * and {organisatie} (core/mailtpl refuses the rest): no pupil name */
	const char *po[5] = { db_num(so, sizeof so, s->org), db_num(sh, sizeof sh, s->hulpvraag_id), aan, subject, body };
	r = db_exec(db, e, NULL,
		    "INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) VALUES ($1, $2, $3, $4, $5)",
		    5, po);
	free(subject);
	free(body);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

/* Reads the form for a save (row locked) into s.  SAVED (read), or a
 * failure in o (transaction rolled back).  The version is checked by the
 * UPDATE (db_versioned_update). */
static enum outcome_kind read_for_save(struct db *db, long id, struct savectx *s, struct outcome *o)
{
	struct err *e = &o->err;
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	PGresult *r;
	enum hv_result res = one_row(db, e,
			      "SELECT f.version, f.hulpvraag_id, f.organisatie_id, h.nummer, o.naam, o.profiel, "
			      "       coalesce(t.naam, ''), coalesce(sc.naam, ''), h.status, d.naam, d.code, d.versie, d.bron "
			      "  FROM formulier f JOIN formulier_definitie d ON d.id = f.definitie_id "
			      "  JOIN hulpvraag h ON h.id = f.hulpvraag_id JOIN organisatie o ON o.id = f.organisatie_id "
			      "  LEFT JOIN aanvraagtype t ON t.id = h.aanvraagtype_id LEFT JOIN school sc ON sc.id = h.school_id "
			      " WHERE f.id = $1 AND f.verwijderd_op IS NULL FOR UPDATE OF f",
			      1, p, NOT_VISIBLE, &r);

	if (res != HV_OK)
		return (o->kind = res == HV_NOT_FOUND ? OUTCOME_GONE : OUTCOME_ERROR);
	s->version = atoi(PQgetvalue(r, 0, 0));
	s->hulpvraag_id = atol(PQgetvalue(r, 0, 1));
	s->org = atol(PQgetvalue(r, 0, 2));
	s->nummer = atol(PQgetvalue(r, 0, 3));
	DB_COPY(s->organisatie, r, 0, 4);
	DB_COPY(s->profiel, r, 0, 5);
	DB_COPY(s->aanvraagtype, r, 0, 6);
	DB_COPY(s->school, r, 0, 7);
	DB_COPY(s->status, r, 0, 8);
	DB_COPY(s->naam, r, 0, 9);
	int bad = parse_stored(PQgetvalue(r, 0, 10), atoi(PQgetvalue(r, 0, 11)), PQgetvalue(r, 0, 12), &s->def, e);
	PQclear(r);
	if (bad)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (!(s->old = calloc(s->def->nfields + 1, sizeof *s->old))) {
		outcome_set(o, OUTCOME_ERROR, "onvoldoende geheugen");
		return outcome_failed(db, DB_OTHER, 0, o);
	}
	r = db_exec(db, e, NULL, "SELECT veld, waarde FROM formulier_waarde WHERE formulier_id = $1", 1, p);
	if (!r)
		return outcome_failed(db, DB_OTHER, 0, o);
	for (int i = 0; i < PQntuples(r); i++) {
		int k = form_field_index(s->def, PQgetvalue(r, i, 0));
		if (k >= 0)
			s->old[k] = strdup(PQgetvalue(r, i, 1));
	}
	PQclear(r);
	return (o->kind = OUTCOME_SAVED);
}

/* Every value canonical for its field; an account has one of the field's
 * roles in the organisatie. */
static enum outcome_kind check_values(struct db *db, const struct savectx *s, const char *const *values,
				      struct outcome *o)
{
	struct err *e = &o->err;
	char so[24];

	for (size_t i = 0; i < s->def->nfields; i++) {
		const struct form_field *f = &s->def->fields[i];
		struct err ve;
		if (!values[i])
			continue;
		if (form_check_value(s->def, i, values[i], &ve) < 0) {
			outcome_set(o, OUTCOME_REFUSED, "%s: %s", f->label, ve.msg);
			return outcome_failed(db, DB_OTHER, 0, o);
		}
		if (f->type != FORM_ACCOUNT)
			continue;
		char set[256];
		const char *p[3] = { values[i], db_num(so, sizeof so, s->org), role_array(f->roles, set, sizeof set) };
		PGresult *r = db_exec(db, e, NULL,
				      "SELECT 1 FROM account_rol WHERE account_id = $1::bigint AND organisatie_id = $2 "
				      "AND rol = ANY($3::text[])",
				      3, p);
		if (!r)
			return outcome_failed(db, DB_OTHER, 0, o);
		int ok = PQntuples(r) > 0;
		PQclear(r);
		if (!ok) {
			outcome_set(o, OUTCOME_REFUSED, "%s: dit account heeft niet de juiste rol", f->label);
			return outcome_failed(db, DB_OTHER, 0, o);
		}
	}
	return (o->kind = OUTCOME_SAVED);
}

enum outcome_kind formulier_save(struct db *db, long id, int version, const char *const *values,
				 const char *datadir, int *new_version, int *compleet, struct outcome *o)
{
	struct savectx s;
	char sid[24], sa[24], detail[64];
	struct err *e = &o->err;
	int skipped = 0, mails = 0;
	PGresult *r;

	outcome_clear(o);
	memset(&s, 0, sizeof s);
	if (db_begin(db, e) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (read_for_save(db, id, &s, o) != OUTCOME_SAVED || check_values(db, &s, values, o) != OUTCOME_SAVED) {
		savectx_release(&s);
		return o->kind;
	}
	int done = form_complete(s.def, values);
	size_t open = form_problems(s.def, values, NULL, 0);
	const char *pu[2] = { done ? "t" : "f", db_num(sa, sizeof sa, db_account(db)) };
	if (db_versioned_update(db, OT_FORMULIER, id, version, "compleet = $3::boolean, gewijzigd_door = $4::bigint, "
				"gewijzigd_op = now()", "verwijderd_op IS NULL", 2, pu, o) != OUTCOME_SAVED) {
		savectx_release(&s);
		return o->kind;
	}
	int nv = o->version;
	db_num(sid, sizeof sid, id);
	/* values of fields the definition no longer has go; of the others only
	 * what changed is written, so a school's save leaves the fields only
	 * the back office writes (intern, migration 031) untouched */
	char keys[FORM_MAX_FIELDS * 66 + 3] = "{";
	for (size_t i = 0; i < s.def->nfields; i++)
		snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%s", i ? "," : "", s.def->fields[i].key);
	strcat(keys, "}");
	const char *pk[2] = { sid, keys };
	r = db_exec(db, e, NULL, "DELETE FROM formulier_waarde WHERE formulier_id = $1 AND veld <> ALL ($2::text[])", 2,
		    pk);
	if (!r)
		goto failed;
	PQclear(r);
	for (size_t i = 0; i < s.def->nfields; i++) {
		char so[24];
		if ((!values[i] && !s.old[i]) || (values[i] && s.old[i] && !strcmp(values[i], s.old[i])))
			continue;
		const char *pi[4] = { sid, s.def->fields[i].key, values[i], db_num(so, sizeof so, s.org) };
		if (!(r = values[i] ? db_exec(db, e, NULL,
					      "INSERT INTO formulier_waarde (formulier_id, veld, waarde, organisatie_id) "
					      "VALUES ($1, $2, $3, $4) ON CONFLICT (formulier_id, veld) "
					      "DO UPDATE SET waarde = EXCLUDED.waarde",
					      4, pi)
				    : db_exec(db, e, NULL, "DELETE FROM formulier_waarde WHERE formulier_id = $1 AND veld = $2",
					      2, pi)))
			goto failed;
		PQclear(r);
		if (!values[i])
			continue;
		/* informeer: a mail when the account is new or changed */
		if (s.def->fields[i].notify && (!s.old[i] || strcmp(s.old[i], values[i]))) {
			if (notify(db, &s, i, values[i], datadir, &skipped, e) < 0)
				goto failed;
			mails++;
		}
	}
	snprintf(detail, sizeof detail, "versie %d, %s", nv, done ? "compleet" : "concept");
	if (audit_write(db, db_account(db), s.org, "formulier-opgeslagen", "formulier", id, detail, e) < 0)
		goto failed;
	savectx_release(&s);
	o->probe = PROBE_FORMULIER;
	o->probe_id = id;
	o->probe_version = version;
	if (outcome_commit(db, "het formulier", o) != OUTCOME_SAVED)
		return o->kind;
	o->id = id;
	o->version = nv;
	if (new_version)
		*new_version = nv;
	if (compleet)
		*compleet = done;
	char extra[128] = "";
	if (mails - skipped > 0)
		snprintf(extra, sizeof extra, "; mail klaargezet voor %d %s", mails - skipped,
			 mails - skipped == 1 ? "persoon" : "personen");
	if (skipped)
		snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "; %d zonder e-mailadres (geen mail)",
			 skipped);
	if (done)
		return outcome_set(o, OUTCOME_SAVED, "Formulier bewaard: compleet%s", extra);
	return outcome_set(o, OUTCOME_SAVED, "Concept bewaard; nog %zu %s open%s", open, open == 1 ? "punt" : "punten",
			   extra);
failed:
	savectx_release(&s);
	return outcome_failed(db, DB_OTHER, 0, o);
}
