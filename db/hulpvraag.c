/* hulpvraag.c — one hulpvraag: read it whole, change its status, edit it,
 * and the intake of a new one; see hulpvraag.h.
 *
 * Every function is one short transaction (db_begin sets the acting
 * account, so row-level security applies to every statement) and every
 * write to hulpvraag says WHERE id = $1 AND version = $2.  Decisions are
 * core's: which transitions a role may make (core/statuswissel), whether a
 * title holds the pupil's name (core/titel), the mail text
 * (core/mailtpl); the database trigger checks the transition once more.
 */
#include "db/hulpvraag.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"
#include "core/dossier.h"
#include "core/flow.h"
#include "core/mailtpl.h"
#include "core/naam.h"
#include "core/statuswissel.h"
#include "core/titel.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/outcome.h"
#include "db/row.h"

#define MOMENT(col) DB_MOMENT(col)

static void (*test_hook)(int step, void *arg);
static void *test_hook_arg;

void hulpvraag_set_test_hook(void (*fn)(int step, void *arg), void *arg)
{
	test_hook = fn;
	test_hook_arg = arg;
}

static void hook(int step)
{
	if (test_hook)
		test_hook(step, test_hook_arg);
}

/* ------------------------------------------------------------- helpers -- */

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

static PGresult *q(struct db *db, struct err *e, enum db_failure *kind, const char *sql, int n,
		   const char *const *p)
{
	return db_exec(db, e, kind, sql, n, p);
}

/* Runs a statement whose result is not needed. */
static int run(struct db *db, struct err *e, enum db_failure *kind, const char *sql, int n, const char *const *p)
{
	PGresult *r = q(db, e, kind, sql, n, p);

	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

/* ---------------------------------------------------------------- reading */

void hulpvraag_free(struct hulpvraag **hp)
{
	struct hulpvraag *h;

	if (!hp || !*hp)
		return;
	h = *hp;
	free(h->omschrijving);
	free(h->notitie);
	free(h->labels);
	free(h->bijlagen);
	for (int i = 0; i < h->nhistorie; i++)
		free(h->historie[i].reden);
	free(h->historie);
	free(h);
	*hp = NULL;
}

static const char load_sql[] =
	"SELECT h.id, h.version, h.organisatie_id, o.naam, o.profiel, h.nummer, h.titel, h.omschrijving, "
	"       to_char(h.datum, 'DD-MM-YYYY'), h.status, h.status_categorie, "
	"       to_char(h.status_sinds AT TIME ZONE " DB_TZ ", 'DD-MM-YYYY'), "
	"       to_char(h.status_sinds AT TIME ZONE " DB_TZ ", 'YYYY-MM-DD'), "
	"       coalesce(fs.eindstatus, false), h.aanvraagtype_id, t.naam, "
	"       coalesce(h.coordinator_id, 0), coalesce(c.naam, ''), coalesce(c.email, ''), "
	"       coalesce(h.aanvrager_naam, ''), coalesce(h.aanvrager_email, ''), h.geen_mail, "
	"       " MOMENT("h.eerste_reactie") ", coalesce(g.naam, ''), " MOMENT("h.updated_at") ", "
	"       d.id, d.niveau, coalesce(d.roepnaam, ''), coalesce(d.tussenvoegsel, ''), "
	"       coalesce(d.achternaam, ''), coalesce(d.groepsnaam, ''), "
	"       coalesce(to_char(d.geboortedatum, 'DD-MM-YYYY'), ''), "
	"       coalesce(to_char(d.geboortedatum, 'YYYY-MM-DD'), ''), "
	"       coalesce(s.id, 0), coalesce(s.naam, ''), coalesce(s.brin || coalesce(s.vestiging, ''), ''), "
	"       coalesce(sg.contactpersoon, ''), coalesce(sg.email, ''), coalesce(sg.telefoon, '') "
	"  FROM hulpvraag h "
	"  JOIN organisatie o ON o.id = h.organisatie_id "
	"  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id "
	"  LEFT JOIN flow_status fs ON fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status "
	"  LEFT JOIN account c ON c.id = h.coordinator_id "
	"  LEFT JOIN account g ON g.id = h.gewijzigd_door "
	"  JOIN dossier d ON d.id = h.dossier_id "
	"  LEFT JOIN LATERAL (SELECT x.school_id, x.contactpersoon, x.email, x.telefoon FROM schoolgegevens x "
	"                      WHERE x.dossier_id = d.id ORDER BY x.vanaf DESC, x.id DESC LIMIT 1) sg ON true "
	"  LEFT JOIN school s ON s.id = coalesce(h.school_id, sg.school_id, d.school_id) "
	" WHERE h.id = $1";

static void fill(struct hulpvraag *h, PGresult *r)
{
	int c = 0;

	h->id = atol(PQgetvalue(r, 0, c++));
	h->version = atoi(PQgetvalue(r, 0, c++));
	h->organisatie_id = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->organisatie, r, 0, c++);
	DB_COPY(h->profiel, r, 0, c++);
	h->nummer = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->titel, r, 0, c++);
	h->omschrijving = dup(PQgetvalue(r, 0, c++));
	DB_COPY(h->datum, r, 0, c++);
	DB_COPY(h->status, r, 0, c++);
	DB_COPY(h->status_categorie, r, 0, c++);
	DB_COPY(h->status_sinds, r, 0, c++);
	DB_COPY(h->status_sinds_iso, r, 0, c++);
	h->eindstatus = PQgetvalue(r, 0, c++)[0] == 't';
	h->aanvraagtype_id = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->aanvraagtype, r, 0, c++);
	h->coordinator_id = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->coordinator, r, 0, c++);
	DB_COPY(h->coordinator_email, r, 0, c++);
	DB_COPY(h->aanvrager_naam, r, 0, c++);
	DB_COPY(h->aanvrager_email, r, 0, c++);
	h->geen_mail = PQgetvalue(r, 0, c++)[0] == 't';
	DB_COPY(h->eerste_reactie, r, 0, c++);
	DB_COPY(h->gewijzigd_door, r, 0, c++);
	DB_COPY(h->gewijzigd_op, r, 0, c++);
	h->dossier_id = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->niveau, r, 0, c++);
	DB_COPY(h->roepnaam, r, 0, c++);
	DB_COPY(h->tussenvoegsel, r, 0, c++);
	DB_COPY(h->achternaam, r, 0, c++);
	DB_COPY(h->groepsnaam, r, 0, c++);
	DB_COPY(h->geboortedatum, r, 0, c++);
	DB_COPY(h->geboortedatum_iso, r, 0, c++);
	h->school_id = atol(PQgetvalue(r, 0, c++));
	DB_COPY(h->school, r, 0, c++);
	DB_COPY(h->brin, r, 0, c++);
	DB_COPY(h->contactpersoon, r, 0, c++);
	DB_COPY(h->contact_email, r, 0, c++);
	DB_COPY(h->contact_telefoon, r, 0, c++);
}

/* The lists of one hulpvraag, all with $1 = its id: read in the same round
 * trip as the hulpvraag itself (hulpvraag_load). */
enum { L_HV, L_LABELS, L_BIJLAGEN, L_HISTORIE, L_NOTITIE, L_COUNT };

static const char *const load_lists_sql[L_COUNT] = {
	[L_HV] = load_sql,
	[L_LABELS] = "SELECT l.id, l.naam FROM hulpvraag_label hl JOIN label l ON l.id = hl.label_id "
		     " WHERE hl.hulpvraag_id = $1 ORDER BY l.naam",
	[L_BIJLAGEN] = "SELECT b.naam, b.grootte, b.categorie, " MOMENT("b.geupload_op") ", coalesce(a.naam, ''), b.id "
		       "  FROM bijlage b LEFT JOIN account a ON a.id = b.geupload_door "
		       " WHERE b.hulpvraag_id = $1 AND b.verwijderd_op IS NULL ORDER BY b.geupload_op DESC, b.id DESC",
	[L_HISTORIE] = "SELECT coalesce(s.van, ''), s.naar, coalesce(a.naam, 'automatisch'), " MOMENT("s.op") ", s.reden "
		       "  FROM statushistorie s LEFT JOIN account a ON a.id = s.door "
		       " WHERE s.hulpvraag_id = $1 ORDER BY s.op DESC, s.id DESC",
	[L_NOTITIE] = "SELECT id, version, tekst FROM notitie WHERE hulpvraag_id = $1 AND account_id = acting_account()",
};

/* Room for the rows of r (+1, zeroed) in *arr; 0 / -1. */
static int rows_alloc(PGresult *r, void **arr, size_t elem, int *n, struct err *e)
{
	*n = PQntuples(r);
	*arr = calloc((size_t)*n + 1, elem);
	return *arr ? 0 : err_set(e, "geen geheugen");
}

static int fill_lists(struct hulpvraag *h, PGresult **res, struct err *e)
{
	void *arr;
	PGresult *r;
	int n;

	r = res[L_LABELS];
	if (rows_alloc(r, &arr, sizeof *h->labels, &n, e) < 0)
		return -1;
	h->labels = arr;
	for (int i = 0; i < n; i++) {
		h->labels[i].id = atol(PQgetvalue(r, i, 0));
		DB_COPY(h->labels[i].naam, r, i, 1);
	}
	h->nlabels = n;

	r = res[L_BIJLAGEN];
	if (rows_alloc(r, &arr, sizeof *h->bijlagen, &n, e) < 0)
		return -1;
	h->bijlagen = arr;
	for (int i = 0; i < n; i++) {
		struct hv_bijlage *b = &h->bijlagen[i];
		DB_COPY(b->naam, r, i, 0);
		b->grootte = atol(PQgetvalue(r, i, 1));
		DB_COPY(b->categorie, r, i, 2);
		DB_COPY(b->op, r, i, 3);
		DB_COPY(b->door, r, i, 4);
		b->id = atol(PQgetvalue(r, i, 5));
	}
	h->nbijlagen = n;

	r = res[L_HISTORIE];
	if (rows_alloc(r, &arr, sizeof *h->historie, &n, e) < 0)
		return -1;
	h->historie = arr;
	for (int i = 0; i < n; i++) {
		struct hv_historie *x = &h->historie[i];
		DB_COPY(x->van, r, i, 0);
		DB_COPY(x->naar, r, i, 1);
		DB_COPY(x->door, r, i, 2);
		DB_COPY(x->op, r, i, 3);
		x->reden = dup(PQgetvalue(r, i, 4));
		h->nhistorie = i + 1;
		if (!x->reden)
			return err_set(e, "geen geheugen");
	}

	r = res[L_NOTITIE];
	if (PQntuples(r) == 1) {
		h->notitie_id = atol(PQgetvalue(r, 0, 0));
		h->notitie_version = atoi(PQgetvalue(r, 0, 1));
		h->notitie = dup(PQgetvalue(r, 0, 2));
	} else {
		h->notitie = dup("");
	}
	return h->notitie ? 0 : err_set(e, "geen geheugen");
}

/* One round trip: the hulpvraag and its lists in one transaction (the
 * statements are prepared once per connection, see db/conn.h). */
enum hv_result hulpvraag_load(struct db *db, long id, struct hulpvraag **out, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	struct db_call calls[L_COUNT];
	PGresult *res[L_COUNT];
	struct hulpvraag *h = NULL;
	enum db_failure kind = DB_OK;
	enum hv_result rc = HV_OK;

	*out = NULL;
	for (int i = 0; i < L_COUNT; i++)
		calls[i] = (struct db_call){ load_lists_sql[i], 1, p };
	if (db_exec_batch_as_account(db, e, &kind, calls, L_COUNT, res) < 0)
		return HV_ERROR;
	if (PQntuples(res[L_HV]) != 1) {
		err_set(e, "hulpvraag niet gevonden, of je hebt er geen toegang toe");
		rc = HV_NOT_FOUND;
	} else if (!(h = calloc(1, sizeof *h))) {
		err_set(e, "geen geheugen");
		rc = HV_ERROR;
	} else {
		fill(h, res[L_HV]);
		if (!h->omschrijving) {
			err_set(e, "geen geheugen");
			rc = HV_ERROR;
		} else if (fill_lists(h, res, e) < 0) {
			rc = HV_ERROR;
		}
		if (rc != HV_OK)
			hulpvraag_free(&h);
	}
	for (int i = 0; i < L_COUNT; i++)
		PQclear(res[i]);
	*out = h;
	return rc;
}

int hulpvraag_by_nummer(struct db *db, long org, long nummer, long *id, struct err *e)
{
	char so[24], sn[24];
	const char *p[2] = { db_num(so, sizeof so, org), db_num(sn, sizeof sn, nummer) };
	PGresult *r;

	*id = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = q(db, e, NULL, "SELECT id FROM hulpvraag WHERE organisatie_id = $1 AND nummer = $2", 2, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	if (PQntuples(r) == 1)
		*id = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	db_rollback(db);
	return 0;
}

/* snprintf-append */
static void app(char *buf, size_t len, size_t *o, const char *fmt, const char *a, const char *b)
{
	if (*o >= len)
		return;
	int n = snprintf(buf + *o, len - *o, fmt, a, b);
	if (n > 0)
		*o += (size_t)n;
}

void hulpvraag_diff(const struct hulpvraag *old, const struct hulpvraag *cur, char *buf, size_t len)
{
	size_t o = 0;
	int any = 0;

	if (!len)
		return;
	buf[0] = '\0';
	app(buf, len, &o, "Intussen gewijzigd door %s (%s)", cur->gewijzigd_door[0] ? cur->gewijzigd_door : "een ander",
	    cur->gewijzigd_op);
	if (strcmp(old->status, cur->status)) {
		app(buf, len, &o, ": status %s → %s", old->status, cur->status);
		any = 1;
	}
	if (old->coordinator_id != cur->coordinator_id) {
		app(buf, len, &o, any ? "; coördinator %s → %s" : ": coördinator %s → %s",
		    old->coordinator[0] ? old->coordinator : "geen", cur->coordinator[0] ? cur->coordinator : "geen");
		any = 1;
	}
	if (strcmp(old->omschrijving ? old->omschrijving : "", cur->omschrijving ? cur->omschrijving : "")) {
		app(buf, len, &o, "%s%s", any ? "; " : ": ", "omschrijving");
		any = 1;
	}
	if (strcmp(old->titel, cur->titel)) {
		app(buf, len, &o, "%s%s", any ? "; " : ": ", "titel");
		any = 1;
	}
	int labels = old->nlabels != cur->nlabels;
	for (int i = 0; !labels && i < old->nlabels; i++)
		labels = old->labels[i].id != cur->labels[i].id;
	if (labels) {
		app(buf, len, &o, "%s%s", any ? "; " : ": ", "labels");
		any = 1;
	}
	(void)any;
}

/* ------------------------------------------------------------ status menu */

/* The flow_transitie rows from status `van` of aanvraagtype at, and the
 * acting account's role bits in org.  rows point into *res (PQclear it). */
static int transitions(struct db *db, long at, const char *van, long org, PGresult **res,
		       struct statuswissel_rij **rows, size_t *n, unsigned *roles, struct err *e)
{
	char sat[24], sorg[24];
	const char *p[2] = { db_num(sat, sizeof sat, at), van };
	const char *po[1] = { db_num(sorg, sizeof sorg, org) };
	PGresult *r;

	*res = NULL;
	*rows = NULL;
	*n = 0;
	r = q(db, e, NULL,
	      "SELECT coalesce(string_agg(rol, ','), '') FROM account_rol "
	      " WHERE account_id = acting_account() AND organisatie_id = $1",
	      1, po);
	if (!r)
		return -1;
	*roles = statuswissel_rollen(PQgetvalue(r, 0, 0));
	PQclear(r);
	r = q(db, e, NULL,
	      "SELECT t.naar, t.rol, t.reden_verplicht FROM flow_transitie t "
	      "  JOIN flow_status s ON s.aanvraagtype_id = t.aanvraagtype_id AND s.naam = t.naar "
	      " WHERE t.aanvraagtype_id = $1 AND t.van = $2 ORDER BY s.volgorde, t.rol",
	      2, p);
	if (!r)
		return -1;
	*n = (size_t)PQntuples(r);
	*rows = calloc(*n + 1, sizeof **rows);
	if (!*rows) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (size_t i = 0; i < *n; i++) {
		(*rows)[i].naar = PQgetvalue(r, (int)i, 0);
		(*rows)[i].rol = PQgetvalue(r, (int)i, 1);
		(*rows)[i].reden_verplicht = PQgetvalue(r, (int)i, 2)[0] == 't';
	}
	*res = r;
	return 0;
}

int hulpvraag_keuzes(struct db *db, const struct hulpvraag *h, struct hv_keuze **out, int *n, struct err *e)
{
	PGresult *res;
	struct statuswissel_rij *rows;
	struct statuswissel_keuze *k;
	size_t nrows, nk;
	unsigned roles;

	*out = NULL;
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	if (transitions(db, h->aanvraagtype_id, h->status, h->organisatie_id, &res, &rows, &nrows, &roles, e) < 0) {
		db_rollback(db);
		return -1;
	}
	db_rollback(db);
	k = calloc(nrows + 1, sizeof *k);
	*out = calloc(nrows + 1, sizeof **out);
	if (!k || !*out) {
		free(k);
		free(*out);
		*out = NULL;
		free(rows);
		PQclear(res);
		return err_set(e, "geen geheugen");
	}
	nk = statuswissel_keuzes(rows, nrows, roles, k, nrows + 1);
	for (size_t i = 0; i < nk && i <= nrows; i++) {
		db_copy((*out)[i].naar, sizeof (*out)[i].naar, k[i].naar);
		(*out)[i].reden = k[i].reden;
	}
	*n = (int)nk;
	free(k);
	free(rows);
	PQclear(res);
	return 0;
}

/* ------------------------------------------------------------ status change */

/* What the status mail and core's check need: one read. */
struct mailctx {
	int version;
	long org, at, nummer;
	int geen_mail;
	char status[FLOW_NAME_BUF];
	char email[256], organisatie[128], profiel[64], aanvraagtype[FLOW_NAME_BUF], school[204], contact[400];
	char roepnaam[128], tussenvoegsel[64], achternaam[128];
	char aanvrager[256]; /* the aanvrager's name (018: status_lezen) */
};

/* The hulpvraag with, in the same read, the acting account's roles in its
 * organisatie and the flow's transitions from its status: one row per
 * transition (naar, rol, reden_verplicht NULL when there is none); see
 * status_lezen in migration 008 (a function so its plan is made once per
 * session). */
static const char mail_sql[] = "SELECT * FROM status_lezen($1)";
static const char write_sql[] = "SELECT * FROM status_wijzigen($1, $2, $3, $4, $5, $6, $7)";

const char *hulpvraag_status_sql(int write)
{
	return write ? write_sql : mail_sql;
}

/* Its columns, as RETURNS TABLE names them; status_read checks the names
 * and the count (db_columns), so a changed function is an error, not a
 * value read from the wrong column. */
enum sl_col {
	SL_VERSION, SL_ORGANISATIE_ID, SL_AANVRAAGTYPE_ID, SL_NUMMER, SL_GEEN_MAIL, SL_STATUS, SL_AANVRAGER_EMAIL,
	SL_ORGANISATIE, SL_PROFIEL, SL_AANVRAAGTYPE, SL_SCHOOL, SL_CONTACT, SL_ROEPNAAM, SL_TUSSENVOEGSEL,
	SL_ACHTERNAAM, SL_ROLLEN, SL_NAAR, SL_ROL, SL_REDEN_VERPLICHT, SL_GEWIJZIGD_DOOR, SL_GEWIJZIGD_OP, SL_AANVRAGER_NAAM,
	SL_COUNT
};
static const char *const sl_names[SL_COUNT] = {
	[SL_VERSION] = "version",
	[SL_ORGANISATIE_ID] = "organisatie_id",
	[SL_AANVRAAGTYPE_ID] = "aanvraagtype_id",
	[SL_NUMMER] = "nummer",
	[SL_GEEN_MAIL] = "geen_mail",
	[SL_STATUS] = "status",
	[SL_AANVRAGER_EMAIL] = "aanvrager_email",
	[SL_ORGANISATIE] = "organisatie",
	[SL_PROFIEL] = "profiel",
	[SL_AANVRAAGTYPE] = "aanvraagtype",
	[SL_SCHOOL] = "school",
	[SL_CONTACT] = "contact",
	[SL_ROEPNAAM] = "roepnaam",
	[SL_TUSSENVOEGSEL] = "tussenvoegsel",
	[SL_ACHTERNAAM] = "achternaam",
	[SL_ROLLEN] = "rollen",
	[SL_NAAR] = "naar",
	[SL_ROL] = "rol",
	[SL_REDEN_VERPLICHT] = "reden_verplicht",
	[SL_GEWIJZIGD_DOOR] = "gewijzigd_door",
	[SL_GEWIJZIGD_OP] = "gewijzigd_op",
	[SL_AANVRAGER_NAAM] = "aanvrager_naam",
};

/* Renders the status mail: 0 with *subject and *body set (or both NULL when no
 * mail goes out: *why says why), -1 with e. */
static int status_mail(const struct mailctx *m, const char *to, const char *reden, const char *datadir,
		       char **subject, char **body, const char **why, struct err *e)
{
	char path[1024], nr[24];
	struct mailtpl *t = NULL;
	struct mailtpl_vars v;
	struct naam n = { m->roepnaam, m->tussenvoegsel, m->achternaam };
	struct err ve;

	*subject = *body = NULL;
	*why = NULL;
	if (m->geen_mail) {
		*why = "de aanvrager wil geen statusmails";
		return 0;
	}
	if (!m->email[0] || validate_email(m->email, &ve) < 0) {
		*why = "geen (geldig) e-mailadres van de aanvrager bekend";
		return 0;
	}
	if (mailtpl_find(datadir ? datadir : ".", m->profiel, m->aanvraagtype, path, sizeof path, e) < 0 ||
	    mailtpl_load(path, &t, e) < 0) {
		char msg[600];
		err_format(e, msg, sizeof msg);
		return err_set(e, "mailsjabloon: %s", msg);
	}
	memset(&v, 0, sizeof v);
	snprintf(nr, sizeof nr, "%ld", m->nummer);
	v.v[MAILTPL_STATUS] = to;
	v.v[MAILTPL_REDEN] = reden;
	v.v[MAILTPL_NUMMER] = nr;
	v.v[MAILTPL_SCHOOL] = m->school;
	v.v[MAILTPL_CONTACT] = m->contact;
	v.v[MAILTPL_ORGANISATIE] = m->organisatie;
	v.v[MAILTPL_AANVRAAGTYPE] = m->aanvraagtype;
	/* "Beste {aanvrager}," — the person, or the role when no name is known */
	v.v[MAILTPL_AANVRAGER] = m->aanvrager[0] ? m->aanvrager : "aanvrager";
	if (mailtpl_render(t, &v, subject, body, e) < 0) {
		mailtpl_free(&t);
		return -1;
	}
	mailtpl_free(&t);
	/* the subject is logged by every mail server on the way */
	if (titel_bevat_naam(*subject, &n)) {
		free(*subject);
		free(*body);
		*subject = *body = NULL;
		return err_set(e, "het onderwerp van de statusmail zou de naam van de leerling bevatten; "
				  "pas het sjabloon %s aan", path);
	}
	return 0;
}

typedef PGresult *(*exec_fn)(struct db *db, struct err *e, enum db_failure *kind, const char *sql, int n,
			     const char *const *p);

/* Reads status_lezen($id) with ex: *m filled, *rows (malloc'ed, pointing
 * into *res: PQclear it after) the flow's transitions from the current
 * status, *roles the acting account's role bits.  SAVED (read), GONE or
 * ERROR in o. */
static enum outcome_kind status_read(struct db *db, exec_fn ex, long id, PGresult **res, struct mailctx *m,
				     struct statuswissel_rij **rows, size_t *nrows, unsigned *roles, struct outcome *o)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind = DB_OK;
	PGresult *r;
	int ntup;

	*res = NULL;
	*rows = NULL;
	*nrows = 0;
	r = ex(db, &o->err, &kind, mail_sql, 1, p);
	if (!r)
		return outcome_failed(db, kind, 0, o); /* a read: nothing was written */
	if (db_columns(r, sl_names, SL_COUNT, &o->err) < 0) {
		PQclear(r);
		o->kind = OUTCOME_ERROR;
		return o->kind;
	}
	ntup = PQntuples(r);
	if (ntup < 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_GONE, "hulpvraag niet gevonden, of je hebt er geen toegang toe");
	}
	memset(m, 0, sizeof *m);
	m->version = atoi(PQgetvalue(r, 0, SL_VERSION));
	m->org = atol(PQgetvalue(r, 0, SL_ORGANISATIE_ID));
	m->at = atol(PQgetvalue(r, 0, SL_AANVRAAGTYPE_ID));
	m->nummer = atol(PQgetvalue(r, 0, SL_NUMMER));
	m->geen_mail = PQgetvalue(r, 0, SL_GEEN_MAIL)[0] == 't';
	DB_COPY(m->status, r, 0, SL_STATUS);
	DB_COPY(m->email, r, 0, SL_AANVRAGER_EMAIL);
	DB_COPY(m->organisatie, r, 0, SL_ORGANISATIE);
	DB_COPY(m->profiel, r, 0, SL_PROFIEL);
	DB_COPY(m->aanvraagtype, r, 0, SL_AANVRAAGTYPE);
	DB_COPY(m->school, r, 0, SL_SCHOOL);
	DB_COPY(m->contact, r, 0, SL_CONTACT);
	DB_COPY(m->roepnaam, r, 0, SL_ROEPNAAM);
	DB_COPY(m->aanvrager, r, 0, SL_AANVRAGER_NAAM);
	DB_COPY(m->tussenvoegsel, r, 0, SL_TUSSENVOEGSEL);
	DB_COPY(m->achternaam, r, 0, SL_ACHTERNAAM);
	*roles = statuswissel_rollen(PQgetvalue(r, 0, SL_ROLLEN));
	*rows = calloc((size_t)ntup + 1, sizeof **rows);
	if (!*rows) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "geen geheugen");
	}
	for (int i = 0; i < ntup; i++) {
		if (PQgetisnull(r, i, SL_NAAR))
			continue; /* no transitions from this status */
		(*rows)[*nrows].naar = PQgetvalue(r, i, SL_NAAR);
		(*rows)[*nrows].rol = PQgetvalue(r, i, SL_ROL);
		(*rows)[*nrows].reden_verplicht = PQgetvalue(r, i, SL_REDEN_VERPLICHT)[0] == 't';
		(*nrows)++;
	}
	*res = r;
	o->kind = OUTCOME_SAVED;
	return o->kind;
}

/* CONFLICT with who changed it (door), when (op) and the status now. */
static enum outcome_kind status_conflict(struct outcome *o, const char *door, const char *op, const char *status)
{
	db_copy(o->door, sizeof o->door, *door ? door : "een ander");
	db_copy(o->op, sizeof o->op, op);
	snprintf(o->nu, sizeof o->nu, "status %s", status);
	return outcome_set(o, OUTCOME_CONFLICT, "intussen gewijzigd door %s (%s); status nu: %s", o->door, o->op,
			   status);
}

/* The write of a status change (status_wijzigen, migration 008/010) with
 * ex, and what its answer means.  subject NULL: no mail (why says why).
 * own_tx: ex is its own transaction (a lost connection leaves it unknown). */
static enum outcome_kind status_write(struct db *db, exec_fn ex, int own_tx, long id, int version, const char *to,
				      const char *reden, const struct mailctx *m, const char *subject,
				      const char *body, const char *why, struct outcome *o)
{
	char sid[24], sver[24];
	const char *wp[7] = { db_num(sid, sizeof sid, id), db_num(sver, sizeof sver, version), to, reden,
			      subject ? m->email : NULL, subject, body };
	enum db_failure kind = DB_OK;
	PGresult *r = ex(db, &o->err, &kind, write_sql, 7, wp);

	if (!r) {
		if (!own_tx && kind != DB_CONNECTION_LOST) {
			o->kind = kind == DB_RAISED || kind == DB_PRIVILEGE ? OUTCOME_REFUSED : OUTCOME_ERROR;
			return o->kind; /* the caller's transaction: the caller rolls back */
		}
		o->probe = PROBE_HULPVRAAG;
		o->probe_id = id;
		o->probe_version = version;
		return outcome_failed(db, kind, own_tx, o);
	}
	if (PQntuples(r) != 1) {
		outcome_set(o, OUTCOME_ERROR, "statuswijziging: onverwacht antwoord van de database");
	} else if (!strcmp(PQgetvalue(r, 0, 0), "ok")) {
		o->id = id;
		o->version = atoi(PQgetvalue(r, 0, 1));
		o->nummer = m->nummer;
		db_copy(o->nu, sizeof o->nu, to);
		o->mail = subject != NULL;
		if (subject)
			outcome_set(o, OUTCOME_SAVED, "Status gewijzigd; mail aan de aanvrager klaargezet");
		else
			outcome_set(o, OUTCOME_SAVED, "Status gewijzigd; geen mail: %s", why ? why : "");
	} else if (!strcmp(PQgetvalue(r, 0, 0), "conflict")) {
		status_conflict(o, PQgetvalue(r, 0, 2), PQgetvalue(r, 0, 3), PQgetvalue(r, 0, 4));
	} else {
		outcome_set(o, OUTCOME_GONE, "deze hulpvraag bestaat niet (meer) of je hebt er geen toegang toe");
	}
	PQclear(r);
	return o->kind;
}

/* Two round trips: (1) one read — the hulpvraag, the mail's data, the
 * account's roles and the flow's transitions — after which core decides and
 * the mail is rendered; (2) one statement, its own transaction:
 * status_wijzigen (migration 008) writes hulpvraag, statushistorie, outbox
 * and audit, all or nothing, with the version check.  A connection lost
 * during (2) leaves the outcome unknown: OUTCOME_UNKNOWN. */
enum outcome_kind hulpvraag_set_status(struct db *db, long id, int version, const char *to, const char *reden,
				       const char *datadir, int *new_version, struct outcome *o)
{
	struct mailctx m;
	PGresult *r = NULL;
	struct statuswissel_rij *rows = NULL;
	size_t nrows = 0;
	unsigned roles = 0;
	char *subject = NULL, *body = NULL;
	const char *why = NULL;

	outcome_clear(o);
	if (new_version)
		*new_version = 0;
	if (!reden)
		reden = "";
	hook(1);
	if (status_read(db, db_exec_as_account, id, &r, &m, &rows, &nrows, &roles, o) != OUTCOME_SAVED)
		return o->kind;
	if (m.version != version) {
		status_conflict(o, PQgetvalue(r, 0, 19), PQgetvalue(r, 0, 20), m.status);
		goto out;
	}

	/* core decides first; the trigger checks the same rows again */
	switch (statuswissel_beslis(rows, nrows, roles, m.status, to, reden, &o->err)) {
	case SW_NIET_TOEGESTAAN:
	case SW_REDEN_NODIG:
		o->kind = OUTCOME_REFUSED;
		goto out;
	case SW_OK:
		break;
	}
	free(rows);
	rows = NULL;
	PQclear(r);
	r = NULL;

	/* the mail is rendered before anything is written: a broken template
	 * stops the change instead of silently dropping the mail */
	if (status_mail(&m, to, reden, datadir, &subject, &body, &why, &o->err) < 0) {
		o->kind = OUTCOME_ERROR;
		goto out;
	}

	hook(2);
	status_write(db, db_exec_as_account, 1, id, version, to, reden, &m, subject, body, why, o);
	if (o->kind == OUTCOME_SAVED && new_version)
		*new_version = o->version;

out:
	free(rows);
	if (r)
		PQclear(r);
	free(subject);
	free(body);
	return o->kind;
}

enum outcome_kind hulpvraag_status_automatisch(struct db *db, long id, const char *reden, const char *datadir,
					       char *naar, size_t naarlen, struct outcome *o)
{
	struct mailctx m;
	PGresult *r = NULL;
	struct statuswissel_rij *rows = NULL;
	size_t nrows = 0;
	unsigned roles = 0;
	char *subject = NULL, *body = NULL;
	const char *why = NULL, *to;
	char target[204];

	if (naarlen)
		naar[0] = '\0';
	if (status_read(db, db_exec, id, &r, &m, &rows, &nrows, &roles, o) != OUTCOME_SAVED)
		return o->kind;
	to = statuswissel_automatisch(rows, nrows);
	if (!to) {
		o->kind = OUTCOME_SAVED; /* no rule from this status: nothing to do */
		goto out;
	}
	db_copy(target, sizeof target, to);
	free(rows);
	rows = NULL;
	PQclear(r);
	r = NULL;
	if (status_mail(&m, target, reden ? reden : "", datadir, &subject, &body, &why, &o->err) < 0) {
		o->kind = OUTCOME_ERROR;
		goto out;
	}
	/* the transition trigger (003) lets the role automatisch through only
	 * while this is on; off again before the caller's next statement */
	if (run(db, &o->err, NULL, "SELECT set_config('balie.automatisch', 'on', true)", 0, NULL) < 0) {
		o->kind = OUTCOME_ERROR;
		goto out;
	}
	status_write(db, db_exec, 0, id, m.version, target, reden ? reden : "", &m, subject, body, why, o);
	if (o->kind == OUTCOME_SAVED &&
	    run(db, &o->err, NULL, "SELECT set_config('balie.automatisch', 'off', true)", 0, NULL) < 0)
		o->kind = OUTCOME_ERROR;
	if (o->kind == OUTCOME_SAVED) {
		db_copy(naar, naarlen, target);
	}
out:
	free(rows);
	if (r)
		PQclear(r);
	free(subject);
	free(body);
	return o->kind;
}

int hulpvraag_automatisch_naar(struct db *db, long id, char *naar, size_t naarlen, char *nu, size_t nulen,
			       struct err *e)
{
	struct mailctx m;
	PGresult *r = NULL;
	struct statuswissel_rij *rows = NULL;
	size_t nrows = 0;
	unsigned roles = 0;
	struct outcome o;
	const char *to;

	outcome_clear(&o);
	naar[0] = nu[0] = '\0';
	if (db_begin(db, e) < 0)
		return -1;
	if (status_read(db, db_exec, id, &r, &m, &rows, &nrows, &roles, &o) != OUTCOME_SAVED) {
		if (db_ok(db))
			db_rollback(db);
		*e = o.err;
		return -1;
	}
	to = statuswissel_automatisch(rows, nrows);
	db_copy(naar, naarlen, to ? to : "");
	db_copy(nu, nulen, m.status);
	free(rows);
	if (r)
		PQclear(r);
	db_rollback(db); /* read only */
	return 0;
}

/* ---------------------------------------------------------------- editing */

/* The version check on hulpvraag id inside the caller's transaction (see
 * db_versioned_update); the probe for an UNKNOWN commit is set. */
static enum outcome_kind bump(struct db *db, long id, int version, const char *set, int nextra,
			      const char *const *extra, struct outcome *o)
{
	o->probe = PROBE_HULPVRAAG;
	o->probe_id = id;
	o->probe_version = version;
	return db_versioned_update(db, OT_HULPVRAAG, id, version, set, NULL, nextra, extra, o);
}

/* The audit row and the COMMIT of an edit of hulpvraag id.  ok: the
 * sentence for the person when it is saved. */
static enum outcome_kind audited_commit(struct db *db, long id, const char *actie, int *new_version,
					const char *ok, struct outcome *o)
{
	char sid[24], detail[32];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	enum db_failure kind = DB_OK;
	PGresult *r = q(db, &o->err, &kind, "SELECT organisatie_id, nummer FROM hulpvraag WHERE id = $1", 1, p);
	long org = 0;

	if (!r)
		return outcome_failed(db, kind, 0, o);
	if (PQntuples(r) == 1) {
		org = atol(PQgetvalue(r, 0, 0));
		o->nummer = atol(PQgetvalue(r, 0, 1));
	}
	PQclear(r);
	snprintf(detail, sizeof detail, "versie %d", o->version);
	if (audit_write(db, db_account(db), org, actie, "hulpvraag", id, detail, &o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (outcome_commit(db, "de wijziging", o) == OUTCOME_SAVED) {
		if (new_version)
			*new_version = o->version;
		outcome_set(o, OUTCOME_SAVED, "%s", ok);
	}
	return o->kind;
}

enum outcome_kind hulpvraag_set_coordinator(struct db *db, long id, int version, long coordinator_id,
					    int *new_version, struct outcome *o)
{
	char sid[24], sc[24];
	enum db_failure kind = DB_OK;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (coordinator_id > 0) {
		const char *p[2] = { db_num(sid, sizeof sid, id), db_num(sc, sizeof sc, coordinator_id) };
		PGresult *r = q(db, &o->err, &kind,
				"SELECT 1 FROM hulpvraag h JOIN account_rol r ON r.organisatie_id = h.organisatie_id "
				" WHERE h.id = $1 AND r.account_id = $2 AND r.rol = 'coordinator'",
				2, p);
		if (!r)
			return outcome_failed(db, kind, 0, o);
		int ok = PQntuples(r) > 0;
		PQclear(r);
		if (!ok) {
			db_rollback(db);
			return outcome_set(o, OUTCOME_REFUSED, "dit account is geen coördinator van deze organisatie");
		}
	}
	const char *x[1] = { coordinator_id > 0 ? db_num(sc, sizeof sc, coordinator_id) : NULL };
	if (bump(db, id, version, "coordinator_id = $3::bigint", 1, x, o) != OUTCOME_SAVED)
		return o->kind;
	return audited_commit(db, id, "coordinator", new_version, "Coördinator bewaard", o);
}

enum outcome_kind hulpvraag_set_omschrijving(struct db *db, long id, int version, const char *text,
					     int *new_version, struct outcome *o)
{
	const char *x[1] = { text ? text : "" };

	outcome_clear(o);
	if (strlen(x[0]) > 20000)
		return outcome_set(o, OUTCOME_REFUSED, "de omschrijving is te lang (hoogstens 20.000 tekens)");
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (bump(db, id, version, "omschrijving = $3", 1, x, o) != OUTCOME_SAVED)
		return o->kind;
	return audited_commit(db, id, "omschrijving", new_version, "Omschrijving bewaard", o);
}

enum outcome_kind hulpvraag_label_add(struct db *db, long id, int version, const char *naam, int *new_version,
				      struct outcome *o)
{
	char clean[256], sid[24], ok[300];
	const char *s = naam ? naam : "";
	size_t n, chars = 0;

	outcome_clear(o);
	while (*s == ' ')
		s++;
	snprintf(clean, sizeof clean, "%s", s);
	n = strlen(clean);
	while (n > 0 && clean[n - 1] == ' ')
		clean[--n] = '\0';
	for (size_t i = 0; i < n; i++) {
		chars += ((unsigned char)clean[i] & 0xc0) != 0x80;
		if ((unsigned char)clean[i] < 0x20)
			return outcome_set(o, OUTCOME_REFUSED, "een label is één regel tekst");
	}
	if (chars == 0 || chars > 40)
		return outcome_set(o, OUTCOME_REFUSED, "een label heeft 1 tot 40 tekens");
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (bump(db, id, version, "", 0, NULL, o) != OUTCOME_SAVED)
		return o->kind;
	const char *p[2] = { db_num(sid, sizeof sid, id), clean };
	enum db_failure kind = DB_OK;
	if (run(db, &o->err, &kind,
		"INSERT INTO label (organisatie_id, naam) SELECT h.organisatie_id, $2 FROM hulpvraag h WHERE h.id = $1 "
		"ON CONFLICT (organisatie_id, naam) DO NOTHING",
		2, p) < 0 ||
	    run(db, &o->err, &kind,
		"INSERT INTO hulpvraag_label (hulpvraag_id, label_id, organisatie_id) "
		"SELECT h.id, l.id, h.organisatie_id FROM hulpvraag h JOIN label l "
		"    ON l.organisatie_id = h.organisatie_id AND l.naam = $2 "
		" WHERE h.id = $1 ON CONFLICT DO NOTHING",
		2, p) < 0)
		return outcome_failed(db, kind, 0, o);
	snprintf(ok, sizeof ok, "Label \"%s\" toegevoegd", clean);
	return audited_commit(db, id, "label", new_version, ok, o);
}

enum outcome_kind hulpvraag_label_remove(struct db *db, long id, int version, long label_id, int *new_version,
					 struct outcome *o)
{
	char sid[24], sl[24];
	const char *p[2] = { db_num(sid, sizeof sid, id), db_num(sl, sizeof sl, label_id) };
	enum db_failure kind = DB_OK;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (bump(db, id, version, "", 0, NULL, o) != OUTCOME_SAVED)
		return o->kind;
	if (run(db, &o->err, &kind, "DELETE FROM hulpvraag_label WHERE hulpvraag_id = $1 AND label_id = $2", 2, p) < 0)
		return outcome_failed(db, kind, 0, o);
	return audited_commit(db, id, "label", new_version, "Label verwijderd", o);
}

enum outcome_kind hulpvraag_notitie_save(struct db *db, long id, long notitie_id, int notitie_version,
					 const char *text, const char *key, long *new_id, int *new_version,
					 struct outcome *o)
{
	char sid[24], sn[24], sv[24];
	enum db_failure kind = DB_OK;
	PGresult *r;
	int empty = statuswissel_reden_leeg(text);

	outcome_clear(o);
	*new_id = notitie_id;
	*new_version = notitie_version;
	if (text && strlen(text) > 20000)
		return outcome_set(o, OUTCOME_REFUSED, "de notitie is te lang (hoogstens 20.000 tekens)");
	if (notitie_id == 0 && empty)
		return outcome_set(o, OUTCOME_SAVED, "Notitie is leeg; niets bewaard");
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	o->probe = PROBE_NOTITIE;
	o->probe_id = notitie_id;
	o->probe_version = empty ? -notitie_version : notitie_version;
	if (notitie_id == 0) {
		/* a create: the key makes a second send find the first row */
		const char *p[3] = { db_num(sid, sizeof sid, id), text, key && *key ? key : NULL };
		if (key)
			db_copy(o->probe_key, sizeof o->probe_key, key);
		r = q(db, &o->err, &kind,
		      "INSERT INTO notitie (hulpvraag_id, organisatie_id, account_id, tekst, idempotentie) "
		      "SELECT h.id, h.organisatie_id, acting_account(), $2, $3 FROM hulpvraag h WHERE h.id = $1 "
		      "ON CONFLICT (hulpvraag_id, account_id) DO NOTHING RETURNING id, version",
		      3, p);
		if (r && PQntuples(r) == 0 && p[2]) {
			PQclear(r);
			r = q(db, &o->err, &kind,
			      "SELECT id, version FROM notitie WHERE hulpvraag_id = $1 AND account_id = acting_account() "
			      "   AND idempotentie = $3 AND $2::text IS NOT NULL",
			      3, p);
			o->repeated = r && PQntuples(r) == 1;
		}
		if (!r)
			return outcome_failed(db, kind, 0, o);
	} else if (empty) {
		const char *p[2] = { db_num(sn, sizeof sn, notitie_id), db_num(sv, sizeof sv, notitie_version) };
		r = q(db, &o->err, &kind, "DELETE FROM notitie WHERE id = $1 AND version = $2 RETURNING 0, 0", 2, p);
		if (!r)
			return outcome_failed(db, kind, 0, o);
	} else {
		/* an edit: the versioned write (a note is only its writer's) */
		const char *x[1] = { text };
		r = NULL;
		if (db_versioned_update(db, OT_NOTITIE, notitie_id, notitie_version, "tekst = $3",
					"account_id = acting_account()", 1, x, o) != OUTCOME_SAVED)
			return o->kind;
	}
	long nid = notitie_id;
	int nver = o->version;
	if (r) {
		if (PQntuples(r) != 1) {
			PQclear(r);
			db_rollback(db);
			snprintf(o->door, sizeof o->door, "jijzelf, in een andere sessie");
			return outcome_set(o, OUTCOME_CONFLICT,
					   "je notitie is intussen (in een andere sessie) gewijzigd; je tekst staat er nog — "
					   "laad opnieuw (r) en bewaar nog eens");
		}
		nid = atol(PQgetvalue(r, 0, 0));
		nver = atoi(PQgetvalue(r, 0, 1));
		PQclear(r);
	}
	if (outcome_commit(db, "de notitie", o) == OUTCOME_SAVED) {
		*new_id = empty ? 0 : nid;
		*new_version = empty ? 0 : nver;
		o->id = *new_id;
		o->version = *new_version;
		outcome_set(o, OUTCOME_SAVED, empty ? "Notitie verwijderd" : "Notitie bewaard");
	}
	return o->kind;
}

/* ---------------------------------------------------------------- pickers */

/* Runs a picker query: columns id, naam, extra, ref, flag. */
static int items(struct db *db, const char *sql, int np, const char *const *p, struct hv_item **out, int *n,
		 struct err *e)
{
	PGresult *r;

	*out = NULL;
	*n = 0;
	if (db_begin(db, e) < 0)
		return -1;
	r = q(db, e, NULL, sql, np, p);
	db_rollback(db);
	if (!r)
		return -1;
	int k = PQntuples(r);
	*out = calloc((size_t)k + 1, sizeof **out);
	if (!*out) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < k; i++) {
		struct hv_item *it = &(*out)[i];
		it->id = atol(PQgetvalue(r, i, 0));
		DB_COPY(it->naam, r, i, 1);
		DB_COPY(it->extra, r, i, 2);
		it->ref = atol(PQgetvalue(r, i, 3));
		it->flag = PQgetvalue(r, i, 4)[0] == 't';
	}
	*n = k;
	PQclear(r);
	return 0;
}

int hulpvraag_coordinators(struct db *db, long org, struct hv_item **out, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };

	return items(db,
		     "SELECT a.id, a.naam, coalesce(a.email, ''), 0, false FROM account a "
		     "  JOIN account_rol r ON r.account_id = a.id "
		     " WHERE r.organisatie_id = $1 AND r.rol = 'coordinator' AND NOT a.blocked ORDER BY a.naam, a.id",
		     1, p, out, n, e);
}

int hulpvraag_labels(struct db *db, long org, struct hv_item **out, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };

	return items(db, "SELECT id, naam, '', 0, false FROM label WHERE organisatie_id = $1 ORDER BY naam", 1, p,
		     out, n, e);
}

#define NEWEST_FLOW \
	"(SELECT fv.id FROM flow_version fv WHERE fv.organisatie_id = $1 ORDER BY fv.versie DESC LIMIT 1)"

int intake_titels(struct db *db, long org, struct hv_item **out, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };

	return items(db,
		     "SELECT row_number() OVER (ORDER BY tt.titel), tt.titel, t.naam, t.id, t.coordinator_scholenkring "
		     "  FROM aanvraagtype_titel tt JOIN aanvraagtype t ON t.id = tt.aanvraagtype_id "
		     " WHERE t.flow_version_id = " NEWEST_FLOW " ORDER BY tt.titel",
		     1, p, out, n, e);
}

int intake_scholen(struct db *db, long org, struct hv_item **out, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };

	return items(db,
		     "SELECT s.id, s.naam, s.brin || coalesce(s.vestiging, '') || '  ' || coalesce(s.plaats, '') "
		     /* a closed school stays (a pupil's past school) but says so and
		      * comes last; a former BRIN (025_beheer) is searchable */
		     "       || CASE WHEN s.gesloten_op <= current_date THEN '  gesloten' ELSE '' END "
		     "       || coalesce('  was ' || (SELECT string_agg(DISTINCT h.oud, ' ') FROM school_historie h "
		     "                                WHERE h.school_id = s.id AND h.wat = 'brin'), ''), "
		     "       coalesce(k.coordinator_id, 0), false "
		     "  FROM school s LEFT JOIN scholenkring k ON k.id = s.scholenkring_id "
		     " WHERE s.organisatie_id = $1 "
		     " ORDER BY coalesce(s.gesloten_op <= current_date, false), s.naam, s.brin",
		     1, p, out, n, e);
}

int intake_dossiers(struct db *db, long org, const char *achternaam, const char *geboortedatum_iso,
		    struct hv_item **out, int *n, struct err *e)
{
	char so[24], fold[256];
	PGresult *r;

	*out = NULL;
	*n = 0;
	naam_fold(fold, sizeof fold, achternaam ? achternaam : "");
	const char *p[3] = { db_num(so, sizeof so, org), fold,
			     geboortedatum_iso && *geboortedatum_iso ? geboortedatum_iso : NULL };
	if (db_begin(db, e) < 0)
		return -1;
	r = q(db, e, NULL,
	      "SELECT d.id, d.roepnaam, coalesce(d.tussenvoegsel, ''), d.achternaam, "
	      "       coalesce(to_char(d.geboortedatum, 'DD-MM-YYYY'), '') FROM dossier d "
	      " WHERE d.organisatie_id = $1 AND d.niveau = 'leerling' AND starts_with(d.sorteernaam, $2) "
	      "   AND ($3::date IS NULL OR d.geboortedatum = $3::date) "
	      " ORDER BY d.sorteernaam, d.id LIMIT 50",
	      3, p);
	db_rollback(db);
	if (!r)
		return -1;
	int k = PQntuples(r);
	*out = calloc((size_t)k + 1, sizeof **out);
	if (!*out) {
		PQclear(r);
		return err_set(e, "geen geheugen");
	}
	for (int i = 0; i < k; i++) {
		struct naam nm = { PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), PQgetvalue(r, i, 3) };
		(*out)[i].id = atol(PQgetvalue(r, i, 0));
		naam_format_sorted((*out)[i].naam, sizeof (*out)[i].naam, &nm);
		DB_COPY((*out)[i].extra, r, i, 4);
	}
	*n = k;
	PQclear(r);
	return 0;
}

/* The hulpvraag an earlier send with this key made (db_created_before). */
static enum outcome_kind earlier(struct db *db, const char *key, struct outcome *o)
{
	char status[204];

	if (db_created_before(db, PROBE_KEY_HULPVRAAG, key, o) != OUTCOME_SAVED)
		return o->kind;
	db_copy(status, sizeof status, o->nu);
	return outcome_set(o, OUTCOME_SAVED, "Hulpvraag %ld was al aangemaakt (status %s)", o->nummer, status);
}

enum outcome_kind intake_create(struct db *db, const struct hv_nieuw *n, long *id, long *nummer, struct outcome *o)
{
	char so[24], sd[24], ss[24], sc[24], sat[24], iso[DATUM_BUFLEN], sortkey[512];
	char roep[128], tussen[64], achter[128];
	struct naam nm = { roep, tussen, achter };
	struct datum gd;
	long dossier = n->dossier_id, coord = n->coordinator_id, at;
	int by_kring;
	char eerste[204];
	PGresult *r;
	enum db_failure kind = DB_OK;
	struct err *e = &o->err;
	const char *key = n->idempotentie && *n->idempotentie ? n->idempotentie : NULL;

	outcome_clear(o);

	*id = 0;
	*nummer = 0;
	roep[0] = tussen[0] = achter[0] = iso[0] = '\0';
	if (n->school_id <= 0)
		return outcome_set(o, OUTCOME_REFUSED, "Kies de school van de leerling");
	if (n->aanvrager_email && *n->aanvrager_email && validate_email(n->aanvrager_email, e) < 0)
		return (o->kind = OUTCOME_REFUSED);
	const char *niveau = n->niveau && *n->niveau ? n->niveau : "leerling";
	if (strcmp(niveau, "leerling") && strcmp(niveau, "groep") && strcmp(niveau, "school"))
		return outcome_set(o, OUTCOME_REFUSED, "Een dossier is van een leerling, een groep of een school");
	int leerling = !strcmp(niveau, "leerling");
	if (dossier == 0 && !strcmp(niveau, "groep") && dossier_groepsnaam_check(n->groepsnaam ? n->groepsnaam : "", e) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (dossier == 0 && leerling) {
		if (!n->roepnaam || statuswissel_reden_leeg(n->roepnaam))
			return outcome_set(o, OUTCOME_REFUSED, "Vul de roepnaam in");
		db_copy(roep, sizeof roep, n->roepnaam);
		if (naam_split(n->achternaam_getypt ? n->achternaam_getypt : "", tussen, sizeof tussen, achter,
			       sizeof achter, e) < 0)
			return outcome_set(o, OUTCOME_REFUSED, "Vul de achternaam in");
		if (datum_parse(n->geboortedatum ? n->geboortedatum : "", &gd, e) < 0)
			return (o->kind = OUTCOME_REFUSED);
		datum_format_iso(gd, iso);
	}
	/* the dossier data asked at intake (issue 14), checked as core says */
	char hnr[VALIDATE_HUISNUMMER_LEN] = "", pc[VALIDATE_POSTCODE_LEN] = "";
	int adres = leerling && n->straat && !statuswissel_reden_leeg(n->straat);
	int ouder = leerling && n->ouder_naam && !statuswissel_reden_leeg(n->ouder_naam);
	const char *geslacht = leerling && n->geslacht && *n->geslacht ? n->geslacht : NULL;
	if (geslacht && strcmp(geslacht, "m") && strcmp(geslacht, "v") && strcmp(geslacht, "x"))
		return outcome_set(o, OUTCOME_REFUSED, "Geslacht is m, v of x");
	if (adres && (validate_huisnummer(n->huisnummer, hnr, e) < 0 || validate_postcode(n->postcode, pc, e) < 0))
		return (o->kind = OUTCOME_REFUSED);
	if (adres && (!n->plaats || statuswissel_reden_leeg(n->plaats)))
		return outcome_set(o, OUTCOME_REFUSED, "Vul de plaats van het woonadres in");
	if (ouder && n->ouder_email && *n->ouder_email && validate_email(n->ouder_email, e) < 0)
		return (o->kind = OUTCOME_REFUSED);
	if (db_begin(db, e) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	/* sent before (F2 again after the connection broke): the first one */
	if (key) {
		if (earlier(db, key, o) == OUTCOME_SAVED) {
			db_rollback(db);
			*id = o->id;
			*nummer = o->nummer;
			return o->kind;
		}
		if (o->kind != OUTCOME_GONE)
			return o->kind;
		o->kind = OUTCOME_SAVED;
	}
	db_num(so, sizeof so, n->organisatie_id);
	if (dossier != 0) {
		const char *p[2] = { db_num(sd, sizeof sd, dossier), so };
		r = q(db, e, &kind,
		      "SELECT coalesce(roepnaam, ''), coalesce(tussenvoegsel, ''), coalesce(achternaam, '') "
		      "  FROM dossier WHERE id = $1 AND organisatie_id = $2",
		      2, p);
		if (!r)
			goto fail;
		if (PQntuples(r) != 1) {
			PQclear(r);
			outcome_set(o, OUTCOME_GONE, "dossier niet gevonden");
			goto fail;
		}
		DB_COPY(roep, r, 0, 0);
		DB_COPY(tussen, r, 0, 1);
		DB_COPY(achter, r, 0, 2);
		PQclear(r);
	}
	/* the title decides aanvraagtype, first status and how the
	 * coördinator is found (004 §2.5, 001 A&K) */
	{
		const char *p[2] = { so, n->titel ? n->titel : "" };
		r = q(db, e, &kind,
		      /* entered by the SWV itself (intake is a back-office
		       * action): not the aanvrager's draft status but where the
		       * aanvrager's "gereed" would take it — a status the
		       * secretariaat's "te controleren" shows (issue 14 §2;
		       * a hand-entered TLV no longer waits in "TLV>voorlopige
		       * aanvraag", which nobody's list shows) */
		      "SELECT t.id, coalesce((SELECT ft.naar FROM flow_transitie ft JOIN flow_status fs "
		      "         ON fs.aanvraagtype_id = ft.aanvraagtype_id AND fs.naam = ft.naar "
		      "        WHERE ft.aanvraagtype_id = t.id AND ft.van = t.eerste_status AND ft.rol = 'aanvrager' "
		      "          AND fs.controleren AND NOT fs.eindstatus AND NOT fs.verborgen "
		      "          AND NOT EXISTS (SELECT 1 FROM flow_status f0 WHERE f0.aanvraagtype_id = t.id "
		      "                           AND f0.naam = t.eerste_status AND f0.controleren) "
		      "        ORDER BY fs.volgorde LIMIT 1), t.eerste_status), "
		      "       t.coordinator_scholenkring AND tt.titel IS NOT NULL "
		      /* a title that is no fixed title goes to the profile's
		       * `standaard = true` type, if it has one ("Een andere titel
		       * mag ook", 000), and never gets a coördinator by itself */
		      "  FROM aanvraagtype t LEFT JOIN aanvraagtype_titel tt ON tt.aanvraagtype_id = t.id AND tt.titel = $2 "
		      " WHERE t.flow_version_id = " NEWEST_FLOW " AND (tt.titel IS NOT NULL OR t.standaard) "
		      " ORDER BY tt.titel IS NULL LIMIT 1",
		      2, p);
		if (!r)
			goto fail;
		if (PQntuples(r) != 1) {
			PQclear(r);
			outcome_set(o, OUTCOME_REFUSED, "\"%s\" is geen vaste titel van deze organisatie",
				    n->titel ? n->titel : "");
			goto fail;
		}
		at = atol(PQgetvalue(r, 0, 0));
		DB_COPY(eerste, r, 0, 1);
		by_kring = PQgetvalue(r, 0, 2)[0] == 't';
		PQclear(r);
	}
	if (titel_check(n->titel, &nm, e) < 0) {
		o->kind = OUTCOME_REFUSED;
		goto fail;
	}
	{
		const char *p[2] = { db_num(ss, sizeof ss, n->school_id), so };
		r = q(db, e, &kind,
		      "SELECT coalesce(k.coordinator_id, 0) FROM school s "
		      "  LEFT JOIN scholenkring k ON k.id = s.scholenkring_id WHERE s.id = $1 AND s.organisatie_id = $2",
		      2, p);
		if (!r)
			goto fail;
		if (PQntuples(r) != 1) {
			PQclear(r);
			outcome_set(o, OUTCOME_REFUSED, "school niet gevonden in deze organisatie");
			goto fail;
		}
		if (by_kring)
			coord = atol(PQgetvalue(r, 0, 0));
		PQclear(r);
	}
	int dossier_nieuw = dossier == 0;
	if (dossier_nieuw) {
		if (!leerling) {
			/* the group's or school's dossier: one per group name and
			 * school (names folded), one per school — never a second */
			const char *p[5] = { so, niveau, ss, strcmp(niveau, "groep") ? NULL : n->groepsnaam, key };
			r = q(db, e, &kind,
			      "WITH bestaand AS (SELECT d.id FROM dossier d WHERE d.organisatie_id = $1 AND d.niveau = $2 "
			      "                     AND d.school_id = $3::bigint "
			      "                     AND ($2 = 'school' OR lower(btrim(d.groepsnaam)) = lower(btrim($4))) "
			      "                   ORDER BY d.id LIMIT 1), "
			      "     nieuw AS (INSERT INTO dossier (organisatie_id, niveau, groepsnaam, school_id, sorteernaam, "
			      "                                   idempotentie) "
			      "               SELECT $1, $2, btrim($4), $3::bigint, "
			      "                      lower(coalesce(btrim($4), (SELECT s.naam FROM school s WHERE s.id = $3::bigint))), $5 "
			      "                WHERE NOT EXISTS (SELECT 1 FROM bestaand) RETURNING id) "
			      "SELECT id FROM bestaand UNION ALL SELECT id FROM nieuw",
			      5, p);
		} else {
			naam_sortkey(sortkey, sizeof sortkey, &nm);
			const char *p[8] = { so, roep, tussen[0] ? tussen : NULL, achter, iso, sortkey, key, geslacht };
			r = q(db, e, &kind,
			      "INSERT INTO dossier (organisatie_id, niveau, roepnaam, tussenvoegsel, achternaam, geboortedatum, "
			      "                     sorteernaam, idempotentie, geslacht) "
			      "VALUES ($1, 'leerling', $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			      8, p);
		}
		if (!r)
			goto fail;
		dossier = atol(PQgetvalue(r, 0, 0));
		PQclear(r);
		db_num(sd, sizeof sd, dossier);
	}
	if (dossier_nieuw && leerling) {
		const char *sp[6] = { sd, so, ss, n->aanvrager_naam && *n->aanvrager_naam ? n->aanvrager_naam : NULL,
				      n->aanvrager_email && *n->aanvrager_email ? n->aanvrager_email : NULL,
				      n->leerjaar && *n->leerjaar ? n->leerjaar : NULL };
		if (run(db, e, &kind,
			"INSERT INTO schoolgegevens (dossier_id, organisatie_id, school_id, vanaf, aanvrager, "
			"                            contactpersoon, email, leerjaar) "
			"VALUES ($1, $2, $3, current_date, $4, $4, $5, $6)",
			6, sp) < 0)
			goto fail;
		if (ouder) {
			const char *op[4] = { sd, so, n->ouder_naam,
					      n->ouder_email && *n->ouder_email ? n->ouder_email : NULL };
			if (run(db, e, &kind,
				"INSERT INTO relatie (dossier_id, organisatie_id, soort, naam, email, gezag) "
				"VALUES ($1, $2, 'ouder', $3, $4, true)",
				4, op) < 0)
				goto fail;
		}
	} else if (geslacht) {
		const char *gp[2] = { sd, geslacht };
		if (run(db, e, &kind, "UPDATE dossier SET geslacht = $2 WHERE id = $1 AND geslacht IS NULL", 2, gp) < 0)
			goto fail;
	}
	if (adres) {
		const char *ap[6] = { sd, so, n->straat, hnr, pc, n->plaats };
		if (run(db, e, &kind,
			"INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf) "
			"VALUES ($1, $2, 'woonadres', btrim($3), $4, $5, btrim($6), (now() AT TIME ZONE " DB_TZ ")::date)",
			6, ap) < 0)
			goto fail;
	}
	{
		const char *p[11] = { so,
				      db_num(sd, sizeof sd, dossier),
				      db_num(sat, sizeof sat, at),
				      n->titel,
				      n->omschrijving ? n->omschrijving : "",
				      eerste,
				      coord > 0 ? db_num(sc, sizeof sc, coord) : NULL,
				      ss,
				      n->aanvrager_naam && *n->aanvrager_naam ? n->aanvrager_naam : NULL,
				      n->aanvrager_email && *n->aanvrager_email ? n->aanvrager_email : NULL,
				      key };
		r = q(db, e, &kind,
		      "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, omschrijving, datum, "
		      "                       status, status_categorie, coordinator_id, school_id, aanvrager_naam, "
		      "                       aanvrager_email, idempotentie) "
		      "VALUES ($1, $2, $3, $4, $5, current_date, $6, '', $7, $8, $9, $10, $11) RETURNING id, nummer",
		      11, p);
		if (!r)
			goto fail;
		*id = atol(PQgetvalue(r, 0, 0));
		*nummer = atol(PQgetvalue(r, 0, 1));
		PQclear(r);
	}
	{
		char sid[24];
		const char *p[3] = { db_num(sid, sizeof sid, *id), so, eerste };
		if (run(db, e, &kind,
			"INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden) "
			"VALUES ($1, $2, NULL, $3, acting_account(), 'Ingevoerd bij de intake')",
			3, p) < 0)
			goto fail;
	}
	if (audit_write(db, db_account(db), n->organisatie_id, "hulpvraag-nieuw", "hulpvraag", *id, "", e) < 0)
		goto fail;
	o->probe = PROBE_KEY_HULPVRAAG;
	if (key)
		db_copy(o->probe_key, sizeof o->probe_key, key);
	if (outcome_commit(db, "de hulpvraag", o) == OUTCOME_SAVED) {
		o->id = *id;
		o->nummer = *nummer;
		o->version = 1;
		return outcome_set(o, OUTCOME_SAVED, "Hulpvraag %ld aangemaakt (status %s)", *nummer, eerste);
	}
	if (!key && o->kind == OUTCOME_UNKNOWN)
		o->probe = PROBE_NONE;
	*id = 0;
	*nummer = 0;
	return o->kind;
fail:
	if (o->kind == OUTCOME_SAVED)
		o->kind = OUTCOME_ERROR;
	if (kind != DB_OK)
		outcome_failed(db, kind, 0, o);
	else
		db_rollback(db);
	*id = 0;
	*nummer = 0;
	/* the same key sent twice at once: the other one made it */
	if (kind == DB_UNIQUE_VIOLATION && key && db_begin(db, e) == 0) {
		if (earlier(db, key, o) == OUTCOME_SAVED) {
			*id = o->id;
			*nummer = o->nummer;
		}
		if (db_ok(db))
			db_rollback(db);
	}
	return o->kind;
}

int hv_items(struct db *db, const char *sql, int np, const char *const *p, struct hv_item **out, int *n,
	     struct err *e)
{
	return items(db, sql, np, p, out, n, e);
}
