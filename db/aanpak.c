/* aanpak.c — the aanpak in the database; see aanpak.h. */
#include "db/aanpak.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/validate.h"
#include "db/audit.h"
#include "db/beschikking.h"
#include "db/row.h"

#define DMY(col) "coalesce(to_char(" col ", 'DD-MM-YYYY'), '')"
#define FORMVELD(veld)                                                                                             \
	"coalesce((SELECT w.waarde FROM formulier f JOIN formulier_waarde w ON w.formulier_id = f.id "              \
	"           AND w.veld = '" veld "' WHERE f.hulpvraag_id = h.id AND f.verwijderd_op IS NULL "              \
	"           ORDER BY f.id DESC LIMIT 1), '')"

static const char read_sql[] =
	"SELECT coalesce(x.id, 0), coalesce(x.version, 0), coalesce(x.type, ''), coalesce(x.categorie, ''), "
	"       " DMY("x.startdatum") ", " DMY("x.einddatum") ", coalesce(x.bedrag_cent, 0), "
	"       coalesce(x.bedrag_reden, ''), coalesce(x.nummer, ''), coalesce(x.omschrijving, ''), "
	"       EXISTS (SELECT 1 FROM flow_status fs JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id "
	"                  AND s.status = fs.naam AND s.soort = 'arrangement' WHERE fs.aanvraagtype_id = h.aanvraagtype_id), "
	"       EXISTS (SELECT 1 FROM beschikking_status s WHERE s.organisatie_id = h.organisatie_id "
	"                  AND s.status = h.status AND s.soort = 'arrangement'), "
	"       CASE WHEN x.id IS NULL THEN '' ELSE concat_ws(', ', g.naam, " DB_MOMENT("x.updated_at") ") END, "
	"       beschikking_geblokkeerd(h.id), "
	/* a schoolbudget's request (PO2806 forms, seed 000): the newest form's
	 * bedrag incl. btw, besluit PPO and toegekend bedrag */
	"       " FORMVELD("bedrag") ", " FORMVELD("besluit_ppo") ", " FORMVELD("toegekend_bedrag") " "
	"  FROM hulpvraag h LEFT JOIN aanpak x ON x.hulpvraag_id = h.id LEFT JOIN account g ON g.id = x.gewijzigd_door "
	" WHERE h.id = $1";
static const char types_sql[] =
	"SELECT t.naam FROM aanpak_type t JOIN hulpvraag h ON h.organisatie_id = t.organisatie_id WHERE h.id = $1 "
	" ORDER BY t.volgorde";
static const char budget_sql[] =
	"SELECT b.schooljaar, b.soort, b.budget_cent, b.vastgelegd_cent FROM hulpvraag h "
	"  LEFT JOIN aanpak x ON x.hulpvraag_id = h.id, budget_standen(h.organisatie_id, x.id) b "
	" WHERE h.id = $1 LIMIT 64";
static const char tarief_sql[] =
	"SELECT t.categorie, t.schooljaar, t.bedrag_cent FROM tarief t JOIN hulpvraag h "
	"    ON h.organisatie_id = t.organisatie_id WHERE h.id = $1 ORDER BY t.schooljaar DESC, t.categorie LIMIT 64";

int db_aanpak_read(struct db *db, long hulpvraag_id, struct aanpak *a, struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, hulpvraag_id) };
	struct db_call calls[4] = { { read_sql, 1, p }, { types_sql, 1, p }, { tarief_sql, 1, p }, { budget_sql, 1, p } };
	PGresult *res[4] = { NULL, NULL, NULL, NULL };
	enum db_failure kind;
	int c = 0, rc = -1;

	memset(a, 0, sizeof *a);
	a->hulpvraag_id = hulpvraag_id;
	if (db_exec_batch_as_account(db, e, &kind, calls, 4, res) < 0)
		return -1;
	if (PQntuples(res[0]) != 1) {
		err_set(e, "hulpvraag niet gevonden, of je hebt er geen toegang toe");
		goto out;
	}
	a->id = atol(PQgetvalue(res[0], 0, c++));
	a->version = atoi(PQgetvalue(res[0], 0, c++));
	DB_COPY(a->in.type, res[0], 0, c++);
	DB_COPY(a->in.categorie, res[0], 0, c++);
	DB_COPY(a->in.start, res[0], 0, c++);
	DB_COPY(a->in.eind, res[0], 0, c++);
	long long cents = atoll(PQgetvalue(res[0], 0, c++));
	if (cents > 0)
		validate_money_format(cents, a->in.bedrag, sizeof a->in.bedrag);
	DB_COPY(a->in.reden, res[0], 0, c++);
	DB_COPY(a->in.nummer, res[0], 0, c++);
	DB_COPY(a->in.omschrijving, res[0], 0, c++);
	a->arrangement = PQgetvalue(res[0], 0, c++)[0] == 't';
	a->verwerkt = PQgetvalue(res[0], 0, c++)[0] == 't';
	DB_COPY(a->gewijzigd, res[0], 0, c++);
	DB_COPY(a->geblokkeerd, res[0], 0, c++);
	a->aangevraagd = atoll(PQgetvalue(res[0], 0, c++));
	DB_COPY(a->besluit, res[0], 0, c++);
	a->toegekend = atoll(PQgetvalue(res[0], 0, c++));
	for (int i = 0; i < PQntuples(res[1]) && a->ntypes < BESCHIKKING_MAX_SOORTEN; i++)
		db_copy(a->types[a->ntypes++], BESCHIKKING_KORT, PQgetvalue(res[1], i, 0));
	for (int i = 0; i < PQntuples(res[2]) && a->ntarieven < AANPAK_MAX_TARIEVEN; i++) {
		struct beschikking_tarief *t = &a->tarieven[a->ntarieven];
		db_copy(a->tcat[a->ntarieven], sizeof a->tcat[0], PQgetvalue(res[2], i, 0));
		t->categorie = a->tcat[a->ntarieven];
		t->schooljaar = atoi(PQgetvalue(res[2], i, 1));
		t->cents = atoll(PQgetvalue(res[2], i, 2));
		a->ntarieven++;
		/* the categories of the tariffs, each once, for the pick list; a
		 * tariff named after a type is that type's fixed amount (031) */
		int seen = 0;
		for (int k = 0; k < a->ntypes; k++)
			seen |= !strcasecmp(a->types[k], t->categorie);
		for (int k = 0; k < a->ncategorieen; k++)
			seen |= !strcmp(a->categorieen[k], t->categorie);
		if (!seen && a->ncategorieen < BESCHIKKING_MAX_SOORTEN - 1)
			db_copy(a->categorieen[a->ncategorieen++], BESCHIKKING_KORT, t->categorie);
	}
	/* 004 §4.2: an old LDOS arrangement without a beschikking in balie */
	db_copy(a->categorieen[a->ncategorieen++], BESCHIKKING_KORT, "conversie");
	for (int i = 0; i < PQntuples(res[3]) && a->nbudgetten < AANPAK_MAX_TARIEVEN; i++) {
		struct aanpak_budget *b = &a->budgetten[a->nbudgetten++];
		b->schooljaar = atoi(PQgetvalue(res[3], i, 0));
		DB_COPY(b->soort, res[3], i, 1);
		b->budget = atoll(PQgetvalue(res[3], i, 2));
		b->vastgelegd = atoll(PQgetvalue(res[3], i, 3));
	}
	rc = 0;
out:
	for (int i = 0; i < 4; i++)
		PQclear(res[i]);
	return rc;
}

const struct aanpak_budget *aanpak_budget_van(const struct aanpak *a, const struct aanpak_invoer *in)
{
	struct datum d;

	if (!in->type[0] || datum_parse(in->start, &d, NULL) < 0)
		return NULL;
	for (int i = 0; i < a->nbudgetten; i++)
		if (a->budgetten[i].schooljaar == datum_schooljaar(d) && !strcasecmp(a->budgetten[i].soort, in->type))
			return &a->budgetten[i];
	return NULL;
}

enum outcome_kind db_aanpak_save(struct db *db, long hulpvraag_id, long id, int version, const struct aanpak_invoer *in,
				 const char *key, struct outcome *o)
{
	char sid[24], sver[24], scent[32], d[2][DATUM_BUFLEN];
	int64_t cents = 0;
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	if (in->bedrag[0] && beschikking_bedrag(in->bedrag, &cents, &o->err) < 0)
		return outcome_set(o, OUTCOME_REFUSED, "%s", o->err.msg);
	snprintf(scent, sizeof scent, "%lld", (long long)cents);
	const char *p[11] = {
		id ? db_num(sid, sizeof sid, id) : db_num(sid, sizeof sid, hulpvraag_id),
		id ? db_num(sver, sizeof sver, version) : (key && *key ? key : NULL),
		in->type, in->categorie, db_beschikking_iso(in->start, d[0]), db_beschikking_iso(in->eind, d[1]), cents ? scent : NULL,
		in->reden, in->nummer[0] ? in->nummer : NULL, in->omschrijving, in->budget_akkoord ? "true" : "false",
	};
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (!id) {
		if (db_beschikking_sleutel(db, PROBE_KEY_AANPAK, key, o) != OUTCOME_GONE)
			return o->kind;
		r = db_exec(db, &o->err, &kind,
			    "INSERT INTO aanpak (hulpvraag_id, idempotentie, type, categorie, startdatum, einddatum, bedrag_cent, "
			    " bedrag_reden, nummer, omschrijving, budget_akkoord) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
			    " $10, $11) RETURNING id, version, organisatie_id, coalesce(tarief_cent, 0)",
			    11, p);
	} else {
		o->probe = PROBE_AANPAK;
		o->probe_id = id;
		o->probe_version = version;
		r = db_exec(db, &o->err, &kind,
			    "UPDATE aanpak SET type = $3, categorie = $4, startdatum = $5, einddatum = $6, bedrag_cent = $7, "
			    " bedrag_reden = $8, nummer = $9, omschrijving = $10, budget_akkoord = $11, version = version + 1 "
			    "WHERE id = $1 AND version = $2 RETURNING id, version, organisatie_id, coalesce(tarief_cent, 0)",
			    11, p);
		if (r && PQntuples(r) == 0) {
			PQclear(r);
			return db_versioned_update(db, OT_AANPAK, id, version, NULL, NULL, 0, NULL, o);
		}
	}
	if (!r) {
		if (kind == DB_CHECK_VIOLATION && strstr(o->err.msg, "aanpak_bedrag_reden")) {
			db_rollback(db);
			return outcome_set(o, OUTCOME_REFUSED,
					   "Het bedrag wijkt af van het tarief: geef een reden (het tarief is intussen "
					   "gewijzigd of geldt voor dit schooljaar)");
		}
		return db_beschikking_mislukt(db, kind, in->nummer, "een aanpak", o);
	}
	long aid = atol(PQgetvalue(r, 0, 0)), org = atol(PQgetvalue(r, 0, 2));
	int nver = atoi(PQgetvalue(r, 0, 1));
	long long tarief = atoll(PQgetvalue(r, 0, 3));
	PQclear(r);
	/* the audit row keeps every amount and the tariff it was set against
	 * (money, never pupil data) */
	char detail[160];
	snprintf(detail, sizeof detail, "hulpvraag %ld versie %d bedrag %lld tarief %lld%s", hulpvraag_id, nver,
		 (long long)cents, tarief, cents && tarief && cents != tarief ? " afwijkend (reden bij de aanpak)" : "");
	if (audit_write(db, db_account(db), org, id ? "aanpak-bewerken" : "aanpak-invoeren", "aanpak", aid, detail,
			&o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (outcome_commit(db, "de aanpak", o) == OUTCOME_SAVED) {
		o->id = aid;
		o->version = nver;
		outcome_set(o, OUTCOME_SAVED, "Aanpak bewaard");
	}
	return o->kind;
}

int db_aanpak_behandelaars(struct db *db, long hulpvraag_id, int tlv, struct aanpak_behandelaar *out, int *n,
			   struct err *e)
{
	char sid[24];
	const char *p[2] = { db_num(sid, sizeof sid, hulpvraag_id), tlv ? "tlv" : "aanpak" };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(db, e, &kind,
					 "SELECT account_id, naam, is_behandelaar, coalesce(to_char(tot, 'DD-MM-YYYY'), '') "
					 "  FROM behandelaars($1, $2)",
					 2, p);
	*n = 0;
	if (!r)
		return -1;
	for (int i = 0; i < PQntuples(r) && *n < AANPAK_MAX_BEHANDELAARS; i++) {
		struct aanpak_behandelaar *b = &out[(*n)++];
		b->account_id = atol(PQgetvalue(r, i, 0));
		DB_COPY(b->naam, r, i, 1);
		b->is = PQgetvalue(r, i, 2)[0] == 't';
		DB_COPY(b->tot, r, i, 3);
	}
	PQclear(r);
	return 0;
}

enum outcome_kind db_aanpak_behandelaar(struct db *db, long hulpvraag_id, int tlv, long account_id, int aan,
					struct outcome *o)
{
	char sid[24], sacc[24];
	const char *p[3] = { db_num(sid, sizeof sid, hulpvraag_id), db_num(sacc, sizeof sacc, account_id),
			     aan ? "true" : "false" };
	enum db_failure kind = DB_OK;

	outcome_clear(o);
	PGresult *r = db_exec_as_account(db, &o->err, &kind,
					 tlv ? "SELECT naam, coalesce(to_char(tot, 'DD-MM-YYYY'), ''), mail FROM tlv_behandelaar($1, $2, $3)"
					     : "SELECT naam, coalesce(to_char(tot, 'DD-MM-YYYY'), ''), mail FROM aanpak_behandelaar($1, $2, $3)",
					 3, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (!aan)
		outcome_set(o, OUTCOME_SAVED, "%s is geen behandelaar meer", PQgetvalue(r, 0, 0));
	else
		outcome_set(o, OUTCOME_SAVED, "%s is behandelaar, met toegang tot en met %s; %s", PQgetvalue(r, 0, 0),
			    PQgetvalue(r, 0, 1),
			    PQgetvalue(r, 0, 2)[0] == 't' ? "mail klaargezet" : "geen mail: geen e-mailadres bekend");
	PQclear(r);
	return o->kind;
}
