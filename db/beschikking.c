/* beschikking.c — the TLV beschikking in the database; see beschikking.h. */
#include "db/beschikking.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/audit.h"
#include "db/row.h"

#define DMY(col) "coalesce(to_char(" col ", 'DD-MM-YYYY'), '')"

/* The columns of a beschikking in the order of struct tlv_invoer's text
 * fields; dates as dd-mm-jjjj (core parses what people type the same way). */
#define TLV_COLS                                                                                                   \
	"coalesce(b.nummer, ''), coalesce(b.soort, ''), " DMY("b.startdatum") ", " DMY("b.einddatum") ", "        \
	"coalesce(b.ontvangende_school, ''), coalesce(b.motivering, ''), "                                       \
	"coalesce(b.a1_naam, ''), coalesce(b.a1_discipline, ''), coalesce(b.a1_organisatie, ''), " DMY("b.a1_datum") \
	", coalesce(b.a1_advies, ''), coalesce(b.a1_tekst, ''), "                                                  \
	"coalesce(b.a2_naam, ''), coalesce(b.a2_discipline, ''), coalesce(b.a2_organisatie, ''), " DMY("b.a2_datum") \
	", coalesce(b.a2_advies, ''), coalesce(b.a2_tekst, ''), coalesce(b.vorige_nummer, ''), " DMY("b.vorige_einddatum")

static const char read_sql[] =
	"SELECT coalesce(b.id, 0), coalesce(b.version, 0), h.organisatie_id, " TLV_COLS ", "
	"       coalesce((SELECT bool_or(w.waarde = 'ja') FROM formulier f JOIN formulier_waarde w "
	"                   ON w.formulier_id = f.id AND w.veld = 'emb' "
	"                  WHERE f.hulpvraag_id = h.id AND f.verwijderd_op IS NULL), false), "
	"       coalesce(s.naam, ''), coalesce(c.naam, ''), coalesce(h.aanvrager_naam, ''), "
	"       coalesce(tlv_volgend_nummer(h.organisatie_id), ''), "
	"       EXISTS (SELECT 1 FROM beschikking_status x WHERE x.organisatie_id = h.organisatie_id "
	"                  AND x.status = h.status AND x.soort = 'tlv'), "
	"       EXISTS (SELECT 1 FROM flow_status fs JOIN beschikking_status x ON x.organisatie_id = h.organisatie_id "
	"                  AND x.status = fs.naam AND x.soort = 'tlv' WHERE fs.aanvraagtype_id = h.aanvraagtype_id), "
	"       CASE WHEN b.id IS NULL THEN '' ELSE concat_ws(', ', g.naam, " DB_MOMENT("b.updated_at") ") END, "
	"       CASE WHEN EXISTS (SELECT 1 FROM beschikking_status x WHERE x.organisatie_id = h.organisatie_id "
	"                           AND x.status = h.status AND x.soort = 'tlv') THEN '' "
	"            ELSE array_to_string(compleet_fouten(h.id, h.status), '; ') END "
	"  FROM hulpvraag h "
	"  LEFT JOIN tlv_beschikking b ON b.hulpvraag_id = h.id "
	"  LEFT JOIN school s ON s.id = h.school_id "
	"  LEFT JOIN account c ON c.id = h.coordinator_id "
	"  LEFT JOIN account g ON g.id = b.gewijzigd_door "
	" WHERE h.id = $1";

static const char soorten_sql[] =
	"SELECT s.naam, s.emb FROM beschikking_soort s JOIN hulpvraag h ON h.organisatie_id = s.organisatie_id "
	" WHERE h.id = $1 ORDER BY s.volgorde";

/* The text fields of in, in TLV_COLS order. */
static void fields(struct tlv_invoer *in, char **f, size_t *len)
{
	char *p[] = { in->nummer, in->soort, in->start, in->eind, in->ontvangende_school, in->motivering };
	size_t l[] = { sizeof in->nummer, sizeof in->soort, sizeof in->start, sizeof in->eind,
		       sizeof in->ontvangende_school, sizeof in->motivering };
	int k = 0;
	for (int i = 0; i < 6; i++, k++) {
		f[k] = p[i];
		len[k] = l[i];
	}
	for (int a = 0; a < 2; a++) {
		struct tlv_advies *v = &in->advies[a];
		char *q[] = { v->naam, v->discipline, v->organisatie, v->datum, v->advies, v->tekst };
		size_t m[] = { sizeof v->naam, sizeof v->discipline, sizeof v->organisatie, sizeof v->datum,
			       sizeof v->advies, sizeof v->tekst };
		for (int i = 0; i < 6; i++, k++) {
			f[k] = q[i];
			len[k] = m[i];
		}
	}
	f[k] = in->vorige_nummer;
	len[k++] = sizeof in->vorige_nummer;
	f[k] = in->vorige_eind;
	len[k] = sizeof in->vorige_eind;
}

int db_tlv_read(struct db *db, long hulpvraag_id, struct tlv_beschikking *b, struct beschikking_conf *conf,
		struct err *e)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, hulpvraag_id) };
	struct db_call calls[2] = { { read_sql, 1, p }, { soorten_sql, 1, p } };
	PGresult *res[2] = { NULL, NULL };
	char *f[TLV_VELDEN];
	size_t len[TLV_VELDEN];
	int c = 0, rc = -1;

	memset(b, 0, sizeof *b);
	memset(conf, 0, sizeof *conf);
	b->hulpvraag_id = hulpvraag_id;
	enum db_failure kind;
	if (db_exec_batch_as_account(db, e, &kind, calls, 2, res) < 0)
		return -1;
	if (PQntuples(res[0]) != 1) {
		err_set(e, "hulpvraag niet gevonden, of je hebt er geen toegang toe");
		goto out;
	}
	b->id = atol(PQgetvalue(res[0], 0, c++));
	b->version = atoi(PQgetvalue(res[0], 0, c++));
	b->organisatie_id = atol(PQgetvalue(res[0], 0, c++));
	fields(&b->in, f, len);
	for (int i = 0; i < TLV_VELDEN; i++)
		db_copy(f[i], len[i], PQgetvalue(res[0], 0, c++));
	b->emb = PQgetvalue(res[0], 0, c++)[0] == 't';
	DB_COPY(b->aanvragende_school, res[0], 0, c++);
	for (int i = 0; i < 2; i++) {
		const char *n = PQgetvalue(res[0], 0, c++);
		if (*n)
			db_copy(b->betrokken[b->nbetrokken++], BESCHIKKING_KORT, n);
	}
	DB_COPY(b->volgend_nummer, res[0], 0, c++);
	b->afgegeven = PQgetvalue(res[0], 0, c++)[0] == 't';
	b->tlv = PQgetvalue(res[0], 0, c++)[0] == 't';
	DB_COPY(b->gewijzigd, res[0], 0, c++);
	DB_COPY(b->dossier_fouten, res[0], 0, c++);
	for (int i = 0; i < PQntuples(res[1]) && conf->nsoorten < BESCHIKKING_MAX_SOORTEN; i++) {
		db_copy(conf->soorten[conf->nsoorten++], BESCHIKKING_KORT, PQgetvalue(res[1], i, 0));
		if (PQgetvalue(res[1], i, 1)[0] == 't')
			db_copy(conf->emb_soort, sizeof conf->emb_soort, PQgetvalue(res[1], i, 0));
	}
	rc = 0;
out:
	PQclear(res[0]);
	PQclear(res[1]);
	return rc;
}

const char *db_beschikking_iso(const char *dmy, char *buf)
{
	struct datum d;
	if (!dmy || !*dmy || datum_parse(dmy, &d, NULL) < 0)
		return NULL;
	return datum_format_iso(d, buf);
}

static const char *nul(const char *s)
{
	return s && *s ? s : NULL;
}

enum outcome_kind db_tlv_save(struct db *db, long hulpvraag_id, long id, int version, const struct tlv_invoer *in,
			      const char *key, struct outcome *o)
{
	char sid[24], sh[24], sver[24], d[5][DATUM_BUFLEN];
	const struct tlv_advies *a1 = &in->advies[0], *a2 = &in->advies[1];
	/* $1 id or hulpvraag, $2 version or key, $3.. the fields */
	const char *p[22] = {
		id ? db_num(sid, sizeof sid, id) : db_num(sh, sizeof sh, hulpvraag_id),
		id ? db_num(sver, sizeof sver, version) : nul(key),
		nul(in->nummer), nul(in->soort), db_beschikking_iso(in->start, d[0]), db_beschikking_iso(in->eind, d[1]),
		in->ontvangende_school, in->motivering,
		a1->naam, a1->discipline, a1->organisatie, db_beschikking_iso(a1->datum, d[2]), a1->advies, a1->tekst,
		a2->naam, a2->discipline, a2->organisatie, db_beschikking_iso(a2->datum, d[3]), a2->advies, a2->tekst,
		nul(in->vorige_nummer), db_beschikking_iso(in->vorige_eind, d[4]),
	};
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	if (db_begin(db, &o->err) < 0)
		return outcome_failed(db, DB_CONNECTION_LOST, 0, o);
	if (!id) {
		if (db_beschikking_sleutel(db, PROBE_KEY_TLV, key, o) != OUTCOME_GONE)
			return o->kind;
		r = db_exec(db, &o->err, &kind,
			    "INSERT INTO tlv_beschikking (hulpvraag_id, idempotentie, nummer, soort, startdatum, einddatum, "
			    " ontvangende_school, motivering, a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, "
			    " a1_tekst, a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst, vorige_nummer, "
			    " vorige_einddatum) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
			    " $21, $22) RETURNING id, version, organisatie_id",
			    22, p);
	} else {
		o->probe = PROBE_TLV;
		o->probe_id = id;
		o->probe_version = version;
		r = db_exec(db, &o->err, &kind,
			    "UPDATE tlv_beschikking SET nummer = $3, soort = $4, startdatum = $5, einddatum = $6, "
			    " ontvangende_school = $7, motivering = $8, a1_naam = $9, a1_discipline = $10, "
			    " a1_organisatie = $11, a1_datum = $12, a1_advies = $13, a1_tekst = $14, a2_naam = $15, "
			    " a2_discipline = $16, a2_organisatie = $17, a2_datum = $18, a2_advies = $19, a2_tekst = $20, "
			    " vorige_nummer = $21, vorige_einddatum = $22, version = version + 1 "
			    "WHERE id = $1 AND version = $2 RETURNING id, version, organisatie_id",
			    22, p);
		if (r && PQntuples(r) == 0) {
			/* the version check said no: the shared follow-up tells
			 * CONFLICT (who, when) from GONE and REFUSED */
			PQclear(r);
			return db_versioned_update(db, OT_TLV, id, version, NULL, NULL, 0, NULL, o);
		}
	}
	if (!r)
		return db_beschikking_mislukt(db, kind, in->nummer, "een beschikking", o);
	long bid = atol(PQgetvalue(r, 0, 0)), org = atol(PQgetvalue(r, 0, 2));
	int nver = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	char detail[64];
	snprintf(detail, sizeof detail, "hulpvraag %ld versie %d", hulpvraag_id, nver);
	if (audit_write(db, db_account(db), org, id ? "tlv-bewerken" : "tlv-invoeren", "tlv_beschikking", bid, detail,
			&o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	o->id = bid;
	o->version = nver;
	if (outcome_commit(db, "de beschikking", o) == OUTCOME_SAVED) {
		o->id = bid;
		o->version = nver;
		outcome_set(o, OUTCOME_SAVED, "TLV-beschikking bewaard");
	}
	return o->kind;
}

/* Runs sql for every name in list (n of them, BESCHIKKING_KORT each) with
 * $1 the organisatie code, $2 the name, $3 its place (1, 2, …) and $4 't'
 * when it is flag — the first np of these.  0 / -1. */
static int publish_list(struct db *db, const char *org_code, const char *sql, int np,
			const char (*list)[BESCHIKKING_KORT], size_t n, const char *flag, struct err *e)
{
	char vol[24];
	for (size_t i = 0; i < n; i++) {
		snprintf(vol, sizeof vol, "%zu", i + 1);
		const char *p[4] = { org_code, list[i], vol, flag && !strcmp(list[i], flag) ? "t" : "f" };
		PGresult *r = db_exec(db, e, NULL, sql, np, p);
		if (!r)
			return -1;
		PQclear(r);
	}
	return 0;
}

#define ORG "(SELECT id FROM organisatie WHERE code = upper($1))"

int db_beschikking_publish(struct db *db, const char *org_code, const struct beschikking_conf *c, struct err *e)
{
	static const char *const clear[] = { "DELETE FROM beschikking_soort WHERE organisatie_id = " ORG,
					     "DELETE FROM beschikking_status WHERE organisatie_id = " ORG,
					     "DELETE FROM beschikking_blokkade WHERE organisatie_id = " ORG,
					     "DELETE FROM aanpak_type WHERE organisatie_id = " ORG };
	const char *po[1] = { org_code };

	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof clear / sizeof *clear; i++) {
		PGresult *r = db_exec(db, e, NULL, clear[i], 1, po);
		if (!r)
			goto fail;
		PQclear(r);
	}
	if (publish_list(db, org_code,
			 "INSERT INTO beschikking_soort (organisatie_id, naam, volgorde, emb) "
			 "SELECT " ORG ", $2, $3::int, $4::boolean",
			 4, c->soorten, c->nsoorten, c->emb_soort, e) < 0 ||
	    publish_list(db, org_code,
			 "INSERT INTO beschikking_status (organisatie_id, status, soort) SELECT " ORG ", $2, 'tlv'", 2,
			 c->afgegeven, c->nafgegeven, NULL, e) < 0 ||
	    publish_list(db, org_code,
			 "INSERT INTO beschikking_status (organisatie_id, status, soort) SELECT " ORG ", $2, 'arrangement'", 2,
			 c->verwerkt, c->nverwerkt, NULL, e) < 0 ||
	    publish_list(db, org_code,
			 "INSERT INTO beschikking_blokkade (organisatie_id, status) SELECT " ORG ", $2", 2,
			 c->geblokkeerd, c->ngeblokkeerd, NULL, e) < 0 ||
	    publish_list(db, org_code,
			 "INSERT INTO aanpak_type (organisatie_id, naam, volgorde) SELECT " ORG ", $2, $3::int", 3,
			 c->aanpak_types, c->ntypes, NULL, e) < 0)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

enum outcome_kind db_beschikking_sleutel(struct db *db, enum outcome_probe probe, const char *key, struct outcome *o)
{
	o->probe = probe;
	if (!key || !*key)
		return OUTCOME_GONE;
	db_copy(o->probe_key, sizeof o->probe_key, key);
	if (db_created_before(db, probe, key, o) != OUTCOME_GONE)
		return o->kind; /* an earlier send got in, or a failure (rolled back) */
	outcome_clear(o);
	o->probe = probe;
	db_copy(o->probe_key, sizeof o->probe_key, key);
	return OUTCOME_GONE;
}

enum outcome_kind db_beschikking_mislukt(struct db *db, enum db_failure kind, const char *nummer, const char *wat,
					  struct outcome *o)
{
	if (kind == DB_UNIQUE_VIOLATION && strstr(o->err.msg, "nummer")) {
		db_rollback(db);
		return outcome_set(o, OUTCOME_REFUSED, "Beschikkingsnummer %s is al gebruikt: kies een ander nummer",
				   nummer);
	}
	if (kind == DB_UNIQUE_VIOLATION && strstr(o->err.msg, "hulpvraag_id")) {
		db_rollback(db);
		return outcome_set(o, OUTCOME_CONFLICT,
				   "Iemand anders heeft intussen %s voor deze hulpvraag gemaakt; laad opnieuw (r)", wat);
	}
	if (kind == DB_CHECK_VIOLATION)
		kind = DB_RAISED; /* a rule of the table: refused, with the database's words */
	return outcome_failed(db, kind, 0, o);
}
