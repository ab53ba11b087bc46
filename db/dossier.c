/* dossier.c — reading and keeping up one dossier; see dossier.h. */
#include "db/dossier.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"
#include "core/dossier.h"
#include "core/naam.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/row.h"

void dossier_free(struct dossier **dp)
{
	if (!dp || !*dp)
		return;
	free((*dp)->adressen);
	free((*dp)->relaties);
	free((*dp)->scholen);
	free((*dp)->hulpvragen);
	free(*dp);
	*dp = NULL;
}

#define DATE(col) "coalesce(to_char(" col ", 'DD-MM-YYYY'), '')"

static const char basis_sql[] =
	"SELECT d.id, d.organisatie_id, d.version, d.niveau, coalesce(d.roepnaam, ''), coalesce(d.tussenvoegsel, ''), "
	"       coalesce(d.achternaam, ''), coalesce(d.geslacht, ''), " DATE("d.geboortedatum") ", "
	"       coalesce(d.email, ''), coalesce(d.telefoon, ''), coalesce(d.groepsnaam, ''), coalesce(s.naam, ''), "
	"       CASE WHEN d.gewijzigd_op IS NULL THEN '' ELSE " DB_MOMENT("d.gewijzigd_op") " || coalesce(' door ' || a.naam, '') END "
	"  FROM dossier d LEFT JOIN school s ON s.id = d.school_id LEFT JOIN account a ON a.id = d.gewijzigd_door "
	" WHERE d.id = $1";

static const char adres_sql[] =
	"SELECT id, version, soort, straat, huisnummer, postcode, plaats, " DATE("vanaf") ", " DATE("tot") ", "
	"       coalesce(opmerking, ''), (tot IS NULL OR tot >= (now() AT TIME ZONE " DB_TZ ")::date) "
	"  FROM adres WHERE dossier_id = $1 ORDER BY vanaf DESC, id DESC LIMIT 200";

static const char relatie_sql[] =
	"SELECT id, version, soort, naam, coalesce(email, ''), coalesce(telefoon, ''), gezag "
	"  FROM relatie WHERE dossier_id = $1 AND verwijderd_op IS NULL ORDER BY id LIMIT 100";

static const char school_sql[] =
	"SELECT g.id, g.version, g.school_id, s.naam, s.brin, " DATE("g.vanaf") ", " DATE("g.tot") ", "
	"       coalesce(g.leerjaar, ''), coalesce(g.aanvrager, ''), coalesce(g.contactpersoon, ''), "
	"       coalesce(g.email, ''), coalesce(g.telefoon, '') "
	"  FROM schoolgegevens g JOIN school s ON s.id = g.school_id "
	" WHERE g.dossier_id = $1 ORDER BY g.vanaf DESC, g.id DESC LIMIT 200";

static const char hv_sql[] =
	"SELECT id, nummer, " DATE("datum") ", titel, status FROM hulpvraag "
	" WHERE dossier_id = $1 ORDER BY datum DESC, id DESC LIMIT 200";

/* n rows of size bytes, zeroed (one spare so 0 rows is not NULL). */
static void *rows(int n, size_t size)
{
	return calloc((size_t)n + 1, size);
}

int dossier_load(struct db *db, long id, struct dossier **out, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	PGresult *r[5] = { 0 };
	const char *sql[5] = { basis_sql, adres_sql, relatie_sql, school_sql, hv_sql };
	struct dossier *d = NULL;
	int rc = -1;

	*out = NULL;
	if (db_begin(db, e) < 0)
		return -1;
	for (int i = 0; i < 5; i++)
		if (!(r[i] = db_exec(db, e, NULL, sql[i], 1, p)))
			goto done;
	db_rollback(db);
	if (PQntuples(r[0]) != 1) {
		err_set(e, "Dit dossier bestaat niet (meer) of je hebt er geen toegang toe");
		goto done;
	}
	d = calloc(1, sizeof *d);
	if (!d || !(d->adressen = rows(PQntuples(r[1]), sizeof *d->adressen)) ||
	    !(d->relaties = rows(PQntuples(r[2]), sizeof *d->relaties)) ||
	    !(d->scholen = rows(PQntuples(r[3]), sizeof *d->scholen)) ||
	    !(d->hulpvragen = rows(PQntuples(r[4]), sizeof *d->hulpvragen))) {
		err_set(e, "geen geheugen");
		goto done;
	}
	d->id = atol(PQgetvalue(r[0], 0, 0));
	d->organisatie_id = atol(PQgetvalue(r[0], 0, 1));
	d->version = atoi(PQgetvalue(r[0], 0, 2));
	DB_COPY(d->niveau, r[0], 0, 3);
	DB_COPY(d->roepnaam, r[0], 0, 4);
	DB_COPY(d->tussenvoegsel, r[0], 0, 5);
	DB_COPY(d->achternaam, r[0], 0, 6);
	DB_COPY(d->geslacht, r[0], 0, 7);
	DB_COPY(d->geboortedatum, r[0], 0, 8);
	DB_COPY(d->email, r[0], 0, 9);
	DB_COPY(d->telefoon, r[0], 0, 10);
	DB_COPY(d->groepsnaam, r[0], 0, 11);
	DB_COPY(d->school, r[0], 0, 12);
	DB_COPY(d->gewijzigd, r[0], 0, 13);
	for (int i = 0; i < (d->nadressen = PQntuples(r[1])); i++) {
		struct dossier_adres *a = &d->adressen[i];
		a->id = atol(PQgetvalue(r[1], i, 0));
		a->version = atoi(PQgetvalue(r[1], i, 1));
		DB_COPY(a->soort, r[1], i, 2);
		DB_COPY(a->straat, r[1], i, 3);
		DB_COPY(a->huisnummer, r[1], i, 4);
		DB_COPY(a->postcode, r[1], i, 5);
		DB_COPY(a->plaats, r[1], i, 6);
		DB_COPY(a->vanaf, r[1], i, 7);
		DB_COPY(a->tot, r[1], i, 8);
		DB_COPY(a->opmerking, r[1], i, 9);
		a->actueel = PQgetvalue(r[1], i, 10)[0] == 't';
	}
	for (int i = 0; i < (d->nrelaties = PQntuples(r[2])); i++) {
		struct dossier_relatie *x = &d->relaties[i];
		x->id = atol(PQgetvalue(r[2], i, 0));
		x->version = atoi(PQgetvalue(r[2], i, 1));
		DB_COPY(x->soort, r[2], i, 2);
		DB_COPY(x->naam, r[2], i, 3);
		DB_COPY(x->email, r[2], i, 4);
		DB_COPY(x->telefoon, r[2], i, 5);
		x->gezag = PQgetvalue(r[2], i, 6)[0] == 't';
	}
	for (int i = 0; i < (d->nscholen = PQntuples(r[3])); i++) {
		struct dossier_school *s = &d->scholen[i];
		s->id = atol(PQgetvalue(r[3], i, 0));
		s->version = atoi(PQgetvalue(r[3], i, 1));
		s->school_id = atol(PQgetvalue(r[3], i, 2));
		DB_COPY(s->school, r[3], i, 3);
		DB_COPY(s->brin, r[3], i, 4);
		DB_COPY(s->vanaf, r[3], i, 5);
		DB_COPY(s->tot, r[3], i, 6);
		DB_COPY(s->leerjaar, r[3], i, 7);
		DB_COPY(s->aanvrager, r[3], i, 8);
		DB_COPY(s->contactpersoon, r[3], i, 9);
		DB_COPY(s->email, r[3], i, 10);
		DB_COPY(s->telefoon, r[3], i, 11);
	}
	for (int i = 0; i < (d->nhulpvragen = PQntuples(r[4])); i++) {
		struct dossier_hulpvraag *h = &d->hulpvragen[i];
		h->id = atol(PQgetvalue(r[4], i, 0));
		h->nummer = atol(PQgetvalue(r[4], i, 1));
		DB_COPY(h->datum, r[4], i, 2);
		DB_COPY(h->titel, r[4], i, 3);
		DB_COPY(h->status, r[4], i, 4);
	}
	*out = d;
	d = NULL;
	rc = 0;
done:
	if (rc < 0 && db_ok(db))
		db_rollback(db);
	for (int i = 0; i < 5; i++)
		if (r[i])
			PQclear(r[i]);
	dossier_free(&d);
	return rc;
}

int dossier_of_hulpvraag(struct db *db, long hulpvraag_id, long *dossier_id, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, hulpvraag_id) };
	PGresult *r;

	*dossier_id = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL, "SELECT dossier_id FROM hulpvraag WHERE id = $1", 1, p);
	db_rollback(db);
	if (!r)
		return -1;
	if (PQntuples(r) == 1)
		*dossier_id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* ---------------------------------------------------------------- checks */

/* Trimmed copy; 1 when empty. */
static int trimmed(char *dst, size_t len, const char *s)
{
	size_t n;

	while (s && (*s == ' ' || *s == '\t'))
		s++;
	snprintf(dst, len, "%s", s ? s : "");
	n = strlen(dst);
	while (n > 0 && (dst[n - 1] == ' ' || dst[n - 1] == '\t' || dst[n - 1] == '\n'))
		dst[--n] = '\0';
	for (char *c = dst; *c; c++)
		if ((unsigned char)*c < 0x20)
			*c = ' '; /* one line of text: no control characters */
	return n == 0;
}

/* A date as typed into ISO for the database ("" stays ""). */
static int typed_date(const char *typed, char *iso, int required, struct err *e)
{
	struct datum d;
	char t[64];

	iso[0] = '\0';
	if (trimmed(t, sizeof t, typed))
		return required ? err_set(e, "Vul de datum in (d-m-jjjj)") : 0;
	if (datum_parse_los(t, &d, e) < 0)
		return -1;
	datum_format_iso(d, iso);
	return 0;
}

int dossier_veld_check(enum dossier_veld veld, const char *typed, char *norm, size_t len, struct err *e)
{
	char t[256], tv[64], an[128];
	struct datum d;

	int leeg = trimmed(t, sizeof t, typed);
	switch (veld) {
	case DV_ROEPNAAM:
		if (leeg)
			return err_set(e, "Vul de roepnaam in");
		break;
	case DV_ACHTERNAAM:
		if (leeg)
			return err_set(e, "Vul de achternaam in");
		if (naam_split(t, tv, sizeof tv, an, sizeof an, e) < 0)
			return -1;
		break;
	case DV_GESLACHT:
		if (!leeg && strcmp(t, "m") && strcmp(t, "v") && strcmp(t, "x"))
			return err_set(e, "Geslacht is m, v of x (of leeg)");
		break;
	case DV_GEBOORTEDATUM:
		if (leeg)
			return err_set(e, "Vul de geboortedatum in (d-m-jjjj)");
		if (datum_parse_los(t, &d, e) < 0 || dossier_geboortedatum_check(d, datum_today(time(NULL)), e) < 0)
			return -1;
		datum_format_iso(d, t);
		break;
	case DV_EMAIL:
		if (!leeg && validate_email(t, e) < 0)
			return -1;
		break;
	case DV_TELEFOON:
		if (!leeg && validate_phone(t, NULL, e) < 0)
			return -1;
		break;
	case DV_GROEPSNAAM:
		if (dossier_groepsnaam_check(t, e) < 0)
			return -1;
		break;
	case DV_COUNT:
		return err_set(e, "onbekend veld");
	}
	snprintf(norm, len, "%s", t);
	return 0;
}

/* ---------------------------------------------------------------- writes */

static const char *const veld_naam[DV_COUNT] = {
	[DV_ROEPNAAM] = "roepnaam",   [DV_ACHTERNAAM] = "achternaam", [DV_GESLACHT] = "geslacht",
	[DV_GEBOORTEDATUM] = "geboortedatum", [DV_EMAIL] = "e-mail", [DV_TELEFOON] = "telefoon",
	[DV_GROEPSNAAM] = "groepsnaam",
};

/* Commits a dossier write with its audit row (the field names, never a
 * value: a pupil's name stays out of the log). */
static enum outcome_kind audited(struct db *db, long org, const char *actie, const char *object, long id,
				 const char *detail, const char *ok, struct outcome *o)
{
	if (audit_write(db, db_account(db), org, actie, object, id, detail, &o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (outcome_commit(db, "de wijziging van het dossier", o) != OUTCOME_SAVED)
		return o->kind;
	return outcome_set(o, OUTCOME_SAVED, "%s", ok);
}

/* The organisatie of dossier id as the acting account sees it (0: not). */
static long dossier_org(struct db *db, long id, struct outcome *o)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind = DB_OK;
	PGresult *r = db_exec(db, &o->err, &kind, "SELECT organisatie_id FROM dossier WHERE id = $1", 1, p);
	long org = 0;

	if (!r) {
		outcome_failed(db, kind, 0, o);
		return -1;
	}
	if (PQntuples(r) == 1)
		org = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (!org) {
		db_rollback(db);
		outcome_set(o, OUTCOME_GONE, "Dit dossier bestaat niet (meer) of je hebt er geen toegang toe");
	}
	return org;
}

enum outcome_kind dossier_set_veld(struct db *db, long id, int version, enum dossier_veld veld, const char *typed,
				   struct outcome *o)
{
	char norm[256], tv[64], an[128], key[512];
	const char *x[3] = { NULL, NULL, NULL };
	const char *set = NULL;
	int nx = 1;
	long org;

	outcome_clear(o);
	if ((unsigned)veld >= DV_COUNT || dossier_veld_check(veld, typed, norm, sizeof norm, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	x[0] = norm[0] ? norm : NULL;
	switch (veld) {
	case DV_ROEPNAAM:
		set = "roepnaam = $3, sorteernaam = $4";
		break;
	case DV_ACHTERNAAM:
		naam_split(norm, tv, sizeof tv, an, sizeof an, &o->err);
		x[0] = tv[0] ? tv : NULL;
		x[1] = an;
		set = "tussenvoegsel = $3, achternaam = $4, sorteernaam = $5";
		nx = 3;
		break;
	case DV_GESLACHT:
		set = "geslacht = $3";
		break;
	case DV_GEBOORTEDATUM:
		set = "geboortedatum = $3::date";
		break;
	case DV_EMAIL:
		set = "email = $3";
		break;
	case DV_TELEFOON:
		set = "telefoon = $3";
		break;
	case DV_GROEPSNAAM:
		set = "groepsnaam = $3";
		break;
	case DV_COUNT:
		break;
	}
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if ((org = dossier_org(db, id, o)) <= 0)
		return o->kind;
	if (veld == DV_ROEPNAAM || veld == DV_ACHTERNAAM) {
		/* the sort key follows the name (migration 008 carries it to the hulpvragen) */
		char sid[24], roep[128] = "", t2[64] = "", a2[128] = "";
		const char *p[1] = { db_num(sid, sizeof sid, id) };
		PGresult *r = db_exec(db, &o->err, NULL,
				      "SELECT coalesce(roepnaam, ''), coalesce(tussenvoegsel, ''), coalesce(achternaam, '') "
				      "FROM dossier WHERE id = $1", 1, p);
		if (!r)
			return outcome_failed(db, DB_OTHER, 0, o);
		DB_COPY(roep, r, 0, 0);
		DB_COPY(t2, r, 0, 1);
		DB_COPY(a2, r, 0, 2);
		PQclear(r);
		struct naam n = { veld == DV_ROEPNAAM ? norm : roep, veld == DV_ACHTERNAAM ? tv : t2,
				  veld == DV_ACHTERNAAM ? an : a2 };
		naam_sortkey(key, sizeof key, &n);
		x[veld == DV_ROEPNAAM ? 1 : 2] = key;
		nx = veld == DV_ROEPNAAM ? 2 : 3;
	}
	if (db_versioned_update(db, OT_DOSSIER, id, version, set, NULL, nx, x, o) != OUTCOME_SAVED)
		return o->kind;
	int nv = o->version;
	char ok[200];
	snprintf(ok, sizeof ok, "%c%s bewaard", veld_naam[veld][0] - 'a' + 'A', veld_naam[veld] + 1);
	audited(db, org, "dossier-bewerken", "dossier", id, veld_naam[veld], ok, o);
	o->version = nv;
	return o->kind;
}

int dossier_adres_check(const struct dossier_adres_nieuw *a, struct dossier_adres *n, struct err *e)
{
	char iso[DATUM_BUFLEN];

	memset(n, 0, sizeof *n);
	if (trimmed(n->soort, sizeof n->soort, a->soort) ||
	    (strcmp(n->soort, "woonadres") && strcmp(n->soort, "postadres") && strcmp(n->soort, "beide")))
		return err_set(e, "Soort adres is woonadres, postadres of beide");
	if (trimmed(n->straat, sizeof n->straat, a->straat))
		return err_set(e, "Vul de straat in");
	if (validate_huisnummer(a->huisnummer, n->huisnummer, e) < 0 || validate_postcode(a->postcode, n->postcode, e) < 0)
		return -1;
	if (trimmed(n->plaats, sizeof n->plaats, a->plaats))
		return err_set(e, "Vul de plaats in");
	if (typed_date(a->vanaf, iso, 1, e) < 0)
		return -1;
	snprintf(n->vanaf, sizeof n->vanaf, "%s", iso);
	trimmed(n->opmerking, sizeof n->opmerking, a->opmerking);
	return 0;
}

/* The row an earlier send with key made (0: none, -1: failed, rolled
 * back).  Asked before the insert: the rules of migration 017 (an address
 * starting on the day of the open one) would refuse a repeat otherwise. */
static long made_before(struct db *db, const char *table, const char *key, struct outcome *o)
{
	char sql[200];
	const char *k[1] = { key };
	enum db_failure kind = DB_OK;
	PGresult *r;
	long id = 0;

	if (!key)
		return 0;
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE idempotentie = $1", table);
	if (!(r = db_exec(db, &o->err, &kind, sql, 1, k))) {
		outcome_failed(db, kind, 0, o);
		return -1;
	}
	if (PQntuples(r) == 1)
		id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return id;
}

/* INSERT … ON CONFLICT (idempotentie) DO NOTHING RETURNING id, after
 * asking whether the key was used before (*repeated: that row).  Inside
 * the caller's transaction; -1 when it failed (rolled back, o says why). */
static long insert_once(struct db *db, const char *table, const char *sql, int n, const char *const *p,
			const char *key, int *repeated, struct outcome *o)
{
	enum db_failure kind = DB_OK;
	PGresult *r;
	long id = made_before(db, table, key, o);

	*repeated = id > 0;
	if (id)
		return id;
	if (!(r = db_exec(db, &o->err, &kind, sql, n, p))) {
		outcome_failed(db, kind, 0, o);
		return -1;
	}
	if (PQntuples(r) == 1)
		id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (!id && (id = made_before(db, table, key, o)) != 0) { /* the same key at the same moment */
		*repeated = id > 0;
		return id;
	}
	if (!id) {
		db_rollback(db);
		outcome_set(o, OUTCOME_REFUSED, "Niet bewaard: de school hoort niet bij deze organisatie, of jouw rol mag "
						"het dossier niet bijhouden");
		return -1;
	}
	return id;
}

enum outcome_kind dossier_adres_add(struct db *db, long dossier_id, const struct dossier_adres_nieuw *a,
				    const char *key, struct outcome *o)
{
	struct dossier_adres n;
	char sd[24], so[24];
	long org, id;
	int repeated;

	outcome_clear(o);
	if (dossier_adres_check(a, &n, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if ((org = dossier_org(db, dossier_id, o)) <= 0)
		return o->kind;
	const char *p[10] = { db_num(sd, sizeof sd, dossier_id), db_num(so, sizeof so, org), n.soort, n.straat,
			      n.huisnummer, n.postcode, n.plaats, n.vanaf, n.opmerking[0] ? n.opmerking : NULL,
			      key && *key ? key : NULL };
	id = insert_once(db, "adres",
			 "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, "
			 "                   vanaf, opmerking, idempotentie) "
			 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10) "
			 "ON CONFLICT (idempotentie) DO NOTHING RETURNING id",
			 10, p, p[9], &repeated, o);
	if (id < 0)
		return o->kind;
	if (repeated) {
		db_rollback(db);
		o->id = id;
		o->repeated = 1;
		return outcome_set(o, OUTCOME_SAVED, "Adres was al bewaard");
	}
	audited(db, org, "dossier-bewerken", "adres", id, n.soort, "Adres bewaard (een vorig adres van deze soort blijft in de geschiedenis)", o);
	o->id = id;
	return o->kind;
}

static int relatie_check(const struct dossier_relatie_invoer *r, char *soort, char *naam, char *email, char *tel,
			 struct err *e)
{
	if (trimmed(soort, 16, r->soort) || (strcmp(soort, "ouder") && strcmp(soort, "verzorger") && strcmp(soort, "voogd")))
		return err_set(e, "Soort relatie is ouder, verzorger of voogd");
	if (trimmed(naam, 128, r->naam))
		return err_set(e, "Vul de naam in");
	if (!trimmed(email, 256, r->email) && validate_email(email, e) < 0)
		return -1;
	if (!trimmed(tel, 32, r->telefoon) && validate_phone(tel, NULL, e) < 0)
		return -1;
	return 0;
}

enum outcome_kind dossier_relatie_save(struct db *db, long dossier_id, long id, int version,
				       const struct dossier_relatie_invoer *in, const char *key, struct outcome *o)
{
	char soort[16], naam[128], email[256], tel[32], sd[24], so[24];
	long org;
	int repeated;

	outcome_clear(o);
	if (relatie_check(in, soort, naam, email, tel, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if ((org = dossier_org(db, dossier_id, o)) <= 0)
		return o->kind;
	const char *gezag = in->gezag ? "true" : "false";
	if (id) {
		const char *x[4] = { soort, naam, email[0] ? email : NULL, tel[0] ? tel : NULL };
		char set[200];
		snprintf(set, sizeof set, "soort = $3, naam = $4, email = $5, telefoon = $6, gezag = %s", gezag);
		if (db_versioned_update(db, OT_RELATIE, id, version, set, NULL, 4, x, o) != OUTCOME_SAVED)
			return o->kind;
		int nv = o->version;
		audited(db, org, "dossier-bewerken", "relatie", id, soort, "Relatie bewaard", o);
		o->version = nv;
		o->id = id;
		return o->kind;
	}
	const char *p[8] = { db_num(sd, sizeof sd, dossier_id), db_num(so, sizeof so, org), soort, naam,
			     email[0] ? email : NULL, tel[0] ? tel : NULL, gezag, key && *key ? key : NULL };
	id = insert_once(db, "relatie",
			 "INSERT INTO relatie (dossier_id, organisatie_id, soort, naam, email, telefoon, gezag, idempotentie) "
			 "VALUES ($1, $2, $3, $4, $5, $6, $7::boolean, $8) ON CONFLICT (idempotentie) DO NOTHING RETURNING id",
			 8, p, p[7], &repeated, o);
	if (id < 0)
		return o->kind;
	if (repeated) {
		db_rollback(db);
		o->id = id;
		o->repeated = 1;
		return outcome_set(o, OUTCOME_SAVED, "Relatie was al bewaard");
	}
	audited(db, org, "dossier-bewerken", "relatie", id, soort, "Relatie toegevoegd", o);
	o->id = id;
	return o->kind;
}

enum outcome_kind dossier_relatie_remove(struct db *db, long id, int version, struct outcome *o)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind = DB_OK;
	PGresult *r;
	long org;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (db_versioned_update(db, OT_RELATIE, id, version, "verwijderd_op = now(), verwijderd_door = acting_account()",
				"verwijderd_op IS NULL", 0, NULL, o) != OUTCOME_SAVED)
		return o->kind;
	r = db_exec(db, &o->err, &kind, "SELECT organisatie_id FROM relatie WHERE id = $1", 1, p);
	if (!r)
		return outcome_failed(db, kind, 0, o);
	org = PQntuples(r) == 1 ? atol(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	int nv = o->version;
	audited(db, org, "dossier-bewerken", "relatie", id, "verwijderd", "Relatie uit het dossier gehaald", o);
	o->version = nv;
	o->id = id;
	return o->kind;
}

enum outcome_kind dossier_school_save(struct db *db, long dossier_id, long id, int version,
				      const struct dossier_school_invoer *in, const char *key, struct outcome *o)
{
	char vanaf[DATUM_BUFLEN], tot[DATUM_BUFLEN], lj[16], cp[128], email[256], tel[32], sd[24], so[24], ss[24];
	struct datum v, t;
	long org;
	int repeated;

	outcome_clear(o);
	if (!id && in->school_id <= 0)
		return outcome_set(o, OUTCOME_REFUSED, "Kies de school");
	if (typed_date(in->vanaf, vanaf, 1, &o->err) < 0 || typed_date(in->tot, tot, 0, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	datum_parse_iso(vanaf, &v, &o->err);
	t.y = 0;
	if (tot[0])
		datum_parse_iso(tot, &t, &o->err);
	struct dossier_periode per = { v, t };
	if (dossier_periode_check(per, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	trimmed(lj, sizeof lj, in->leerjaar);
	trimmed(cp, sizeof cp, in->contactpersoon);
	if (!trimmed(email, sizeof email, in->email) && validate_email(email, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (!trimmed(tel, sizeof tel, in->telefoon) && validate_phone(tel, NULL, &o->err) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if ((org = dossier_org(db, dossier_id, o)) <= 0)
		return o->kind;
	if (id) {
		const char *x[4] = { vanaf, tot[0] ? tot : NULL, lj[0] ? lj : NULL, cp[0] ? cp : NULL };
		if (db_versioned_update(db, OT_SCHOOLGEGEVENS, id, version,
					"vanaf = $3::date, tot = $4::date, leerjaar = $5, contactpersoon = $6", NULL, 4, x,
					o) != OUTCOME_SAVED)
			return o->kind;
		int nv = o->version;
		const char *y[3] = { email[0] ? email : NULL, tel[0] ? tel : NULL, db_num(ss, sizeof ss, id) };
		enum db_failure kind = DB_OK;
		PGresult *r = db_exec(db, &o->err, &kind, "UPDATE schoolgegevens SET email = $1, telefoon = $2 WHERE id = $3",
				      3, y);
		if (!r)
			return outcome_failed(db, kind, 0, o);
		PQclear(r);
		audited(db, org, "dossier-bewerken", "schoolgegevens", id, "", "Schoolgegevens bewaard", o);
		o->version = nv;
		o->id = id;
		return o->kind;
	}
	const char *p[10] = { db_num(sd, sizeof sd, dossier_id), db_num(so, sizeof so, org),
			      db_num(ss, sizeof ss, in->school_id), vanaf, tot[0] ? tot : NULL, lj[0] ? lj : NULL,
			      cp[0] ? cp : NULL, email[0] ? email : NULL, tel[0] ? tel : NULL, key && *key ? key : NULL };
	id = insert_once(db, "schoolgegevens",
			 "INSERT INTO schoolgegevens (dossier_id, organisatie_id, school_id, vanaf, tot, leerjaar, "
			 "                            contactpersoon, email, telefoon, idempotentie) "
			 "SELECT $1, $2, s.id, $4::date, $5::date, $6, $7, $8, $9, $10 FROM school s "
			 " WHERE s.id = $3 AND s.organisatie_id = $2 "
			 "ON CONFLICT (idempotentie) DO NOTHING RETURNING id",
			 10, p, p[9], &repeated, o);
	if (id < 0)
		return o->kind;
	if (repeated) {
		db_rollback(db);
		o->id = id;
		o->repeated = 1;
		return outcome_set(o, OUTCOME_SAVED, "Schoolgegevens waren al bewaard");
	}
	audited(db, org, "dossier-bewerken", "schoolgegevens", id, "", "Schoolgegevens bewaard", o);
	o->id = id;
	return o->kind;
}

int dossier_kandidaten(struct db *db, long org, const char *prefix, const char *geboortedatum_iso,
		       struct dossier_kandidaat **out, int *n, struct err *e)
{
	char so[24];
	const char *p[3] = { db_num(so, sizeof so, org), prefix && *prefix ? prefix : NULL,
			     geboortedatum_iso && *geboortedatum_iso ? geboortedatum_iso : NULL };
	PGresult *r;

	*out = NULL;
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT id, coalesce(roepnaam, ''), coalesce(tussenvoegsel, ''), coalesce(achternaam, ''), "
		    "       " DATE("geboortedatum") ", coalesce(to_char(geboortedatum, 'YYYY-MM-DD'), '') "
		    "  FROM dossier WHERE organisatie_id = $1 AND niveau = 'leerling' "
		    "   AND (geboortedatum = $3::date OR starts_with(sorteernaam, $2)) "
		    " ORDER BY sorteernaam, id LIMIT 300",
		    3, p);
	db_rollback(db);
	if (!r)
		return -1;
	int k = PQntuples(r);
	if (!(*out = rows(k, sizeof **out))) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < k; i++) {
		struct dossier_kandidaat *c = &(*out)[i];
		c->id = atol(PQgetvalue(r, i, 0));
		DB_COPY(c->roepnaam, r, i, 1);
		DB_COPY(c->tussenvoegsel, r, i, 2);
		DB_COPY(c->achternaam, r, i, 3);
		DB_COPY(c->geboortedatum, r, i, 4);
		DB_COPY(c->geboortedatum_iso, r, i, 5);
	}
	*n = k;
	PQclear(r);
	return 0;
}

int dossier_intake_vragen(struct db *db, long aanvraagtype_id, long dossier_id, unsigned *vragen, struct err *e)
{
	char st[24], sd[24];
	const char *p[2] = { db_num(st, sizeof st, aanvraagtype_id), db_num(sd, sizeof sd, dossier_id) };
	PGresult *r;

	*vragen = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT EXISTS (SELECT 1 FROM compleet_voorwaarde WHERE aanvraagtype_id = $1 "
		    "                AND soort = 'basisgegeven' AND arg = 'geslacht'), "
		    "       EXISTS (SELECT 1 FROM compleet_voorwaarde WHERE aanvraagtype_id = $1 "
		    "                AND soort = 'basisgegeven' AND arg = 'woonadres'), "
		    "       EXISTS (SELECT 1 FROM compleet_voorwaarde WHERE aanvraagtype_id = $1 AND soort = 'schoolgegevens'), "
		    "       EXISTS (SELECT 1 FROM dossier WHERE id = $2 AND geslacht IS NOT NULL), "
		    "       EXISTS (SELECT 1 FROM adres WHERE dossier_id = $2 AND soort IN ('woonadres', 'beide') "
		    "                AND (tot IS NULL OR tot >= (now() AT TIME ZONE " DB_TZ ")::date))",
		    2, p);
	db_rollback(db);
	if (!r)
		return -1;
#define T(c) (PQgetvalue(r, 0, (c))[0] == 't')
	if (T(0) && !T(3))
		*vragen |= DOSSIER_VRAAG_GESLACHT;
	if (T(1) && !T(4))
		*vragen |= DOSSIER_VRAAG_WOONADRES;
	if (!dossier_id) {
		*vragen |= DOSSIER_VRAAG_OUDER;
		if (T(2))
			*vragen |= DOSSIER_VRAAG_LEERJAAR;
	}
#undef T
	PQclear(r);
	return 0;
}

int dossier_intake_teksten(struct db *db, long aanvraagtype_id, char **toelichting, char **standaardtekst,
			   struct err *e)
{
	char st[24];
	const char *p[1] = { db_num(st, sizeof st, aanvraagtype_id) };
	PGresult *r;

	*toelichting = *standaardtekst = NULL;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT coalesce(toelichting, ''), coalesce(standaardtekst, '') FROM aanvraagtype WHERE id = $1", 1, p);
	db_rollback(db);
	if (!r)
		return -1;
	int ok = PQntuples(r) == 1;
	*toelichting = strdup(ok ? PQgetvalue(r, 0, 0) : "");
	*standaardtekst = strdup(ok ? PQgetvalue(r, 0, 1) : "");
	PQclear(r);
	if (!*toelichting || !*standaardtekst) {
		free(*toelichting);
		free(*standaardtekst);
		*toelichting = *standaardtekst = NULL;
		return err_set(e, "geen geheugen");
	}
	return 0;
}

int dossier_intake_standaardtype(struct db *db, long org, long *id, char *naam, size_t len, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };
	PGresult *r;

	*id = 0;
	naam[0] = '\0';
	if (db_begin(db, e) < 0)
		return -1;
	r = db_exec(db, e, NULL,
		    "SELECT t.id, t.naam FROM aanvraagtype t WHERE t.standaard AND t.flow_version_id = "
		    "  (SELECT fv.id FROM flow_version fv WHERE fv.organisatie_id = $1 ORDER BY fv.versie DESC LIMIT 1) "
		    "LIMIT 1",
		    1, p);
	db_rollback(db);
	if (!r)
		return -1;
	if (PQntuples(r) == 1) {
		*id = atol(PQgetvalue(r, 0, 0));
		db_copy(naam, len, PQgetvalue(r, 0, 1));
	}
	PQclear(r);
	return 0;
}
