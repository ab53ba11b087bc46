/* agenda.c — the commission agenda in the database; see agenda.h. */
#include "db/agenda.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

/* Initials of a dossier: "J.d.V." for a leerling, the first letters of
 * the groepsnaam's words for a group ("8D Kameleon" → "8.K."), never more. */
#define INITIALEN(d) \
	"CASE WHEN " d ".niveau = 'leerling' THEN " \
	"  upper(left(" d ".roepnaam, 1)) || '.' || " \
	"  coalesce((SELECT string_agg(left(w, 1), '.') FROM regexp_split_to_table(" \
	"             regexp_replace(" d ".tussenvoegsel, '[^[:alpha:][:space:]]', '', 'g'), '\\s+') w " \
	"             WHERE w <> '') || '.', '') || upper(left(" d ".achternaam, 1)) || '.' " \
	" ELSE coalesce((SELECT string_agg(upper(left(w, 1)), '.') FROM regexp_split_to_table(" \
	d ".groepsnaam, '\\s+') w WHERE w <> '') || '.', '') END"

/* One read, acting as the session's account. */
static PGresult *read_as(struct db *db, struct err *e, const char *sql, int n, const char *const *p)
{
	enum db_failure kind;

	return db_exec_as_account(db, e, &kind, sql, n, p);
}

/* db_rows (db/row.h) under the name this file reads it by. */
static int rows_of(PGresult *r, size_t size, void **out, int *n, struct err *e)
{
	return db_rows(r, size, out, n, e);
}

static int parse_iso(const char *s, struct datum *d)
{
	struct err e;

	return datum_parse_iso(s, d, &e);
}

static int parse_tijd(const char *s)
{
	int h = 0, m = 0;

	sscanf(s, "%d:%d", &h, &m);
	return h * 60 + m;
}

int db_agenda_commissies(struct db *db, long org, struct agenda_commissie *out, int max, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };
	PGresult *r = read_as(db, e,
			      "SELECT c.code, c.deadline_werkdagen, coalesce(o.regio, ''), c.afspraak FROM commissie c "
			      "  JOIN organisatie o ON o.id = c.organisatie_id WHERE c.organisatie_id = $1 ORDER BY c.code",
			      1, p);

	*n = 0;
	if (!r)
		return -1;
	for (int i = 0; i < PQntuples(r) && *n < max; i++) {
		struct agenda_commissie *c = &out[(*n)++];

		DB_COPY(c->code, r, i, 0);
		c->deadline_werkdagen = atoi(PQgetvalue(r, i, 1));
		c->regio = agenda_regio_parse(PQgetvalue(r, i, 2));
		c->afspraak = PQgetvalue(r, i, 3)[0] == 't';
	}
	PQclear(r);
	return 0;
}

#define VERGADERING_COLS \
	"SELECT v.id, v.version, c.code, v.datum, v.deadline, to_char(v.begintijd, 'HH24:MI'), " \
	"       to_char(v.eindtijd, 'HH24:MI'), v.locatie, coalesce(v.link, ''), v.status = 'geannuleerd', " \
	"       (SELECT count(*) FROM agendapunt a WHERE a.vergadering_id = v.id AND a.open), " \
	"       vergadering_capaciteit(v), v.minuten_per_zaak, v.capaciteit_zaken " \
	"  FROM vergadering v JOIN commissie c ON c.id = v.commissie_id "

static void vergadering_row(PGresult *r, int i, struct agenda_vergadering_rij *v)
{
	memset(v, 0, sizeof *v);
	v->id = atol(PQgetvalue(r, i, 0));
	v->version = atoi(PQgetvalue(r, i, 1));
	DB_COPY(v->commissie, r, i, 2);
	parse_iso(PQgetvalue(r, i, 3), &v->datum);
	parse_iso(PQgetvalue(r, i, 4), &v->deadline);
	v->start = parse_tijd(PQgetvalue(r, i, 5));
	v->eind = parse_tijd(PQgetvalue(r, i, 6));
	DB_COPY(v->locatie, r, i, 7);
	DB_COPY(v->link, r, i, 8);
	v->geannuleerd = PQgetvalue(r, i, 9)[0] == 't';
	v->gepland = atoi(PQgetvalue(r, i, 10));
	v->capaciteit = atoi(PQgetvalue(r, i, 11));
	v->minuten_per_zaak = atoi(PQgetvalue(r, i, 12));
	v->zaken = atoi(PQgetvalue(r, i, 13));
}

int db_agenda_vergaderingen(struct db *db, long org, struct datum van, struct datum tot, const char *commissie,
			    const char *lid, struct agenda_vergadering_rij **out, int *n, struct err *e)
{
	char a[DATUM_BUFLEN], b[DATUM_BUFLEN], so[24];
	const char *p[5] = { datum_format_iso(van, a), datum_format_iso(tot, b), commissie, db_num(so, sizeof so, org),
			     lid };
	PGresult *r = read_as(db, e,
					 VERGADERING_COLS
					 " WHERE v.organisatie_id = $4 AND v.datum BETWEEN $1::date AND $2::date"
					 "   AND ($3::text IS NULL OR c.code = $3)"
					 "   AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM vergadering_lid l JOIN account u"
					 "        ON u.id = l.account_id WHERE l.vergadering_id = v.id AND u.username = $5))"
					 " ORDER BY v.datum, v.begintijd, v.id LIMIT 1000",
					 5, p);

	if (rows_of(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < PQntuples(r); i++)
		vergadering_row(r, i, &(*out)[i]);
	PQclear(r);
	return 0;
}

int db_agenda_vergadering(struct db *db, long id, struct agenda_vergadering_rij *out, struct err *e)
{
	char s[24];
	const char *p[1] = { db_num(s, sizeof s, id) };
	PGresult *r = read_as(db, e, VERGADERING_COLS " WHERE v.id = $1", 1, p);

	memset(out, 0, sizeof *out);
	if (!r)
		return -1;
	if (PQntuples(r) == 1)
		vergadering_row(r, 0, out);
	PQclear(r);
	return 0;
}

int db_agenda_punten(struct db *db, long v, struct agenda_punt_rij **out, int *n, struct err *e)
{
	char s[24];
	const char *p[1] = { db_num(s, sizeof s, v) };
	PGresult *r = read_as(
		db, e,
		"SELECT a.id, a.version, h.id, h.version, h.nummer, a.volgorde, a.open, " INITIALEN("d") ", "
		"       h.status, t.naam, coalesce(a.uitkomst, ''), a.notitie "
		"  FROM agendapunt a JOIN hulpvraag h ON h.id = a.hulpvraag_id "
		"  JOIN dossier d ON d.id = h.dossier_id JOIN aanvraagtype t ON t.id = h.aanvraagtype_id "
		" WHERE a.vergadering_id = $1 ORDER BY a.open DESC, a.volgorde, a.id",
		1, p);

	if (rows_of(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < PQntuples(r); i++) {
		struct agenda_punt_rij *x = &(*out)[i];

		x->id = atol(PQgetvalue(r, i, 0));
		x->version = atoi(PQgetvalue(r, i, 1));
		x->hulpvraag_id = atol(PQgetvalue(r, i, 2));
		x->hulpvraag_version = atoi(PQgetvalue(r, i, 3));
		x->nummer = atol(PQgetvalue(r, i, 4));
		x->volgorde = atoi(PQgetvalue(r, i, 5));
		x->open = PQgetvalue(r, i, 6)[0] == 't';
		DB_COPY(x->initialen, r, i, 7);
		DB_COPY(x->status, r, i, 8);
		DB_COPY(x->aanvraagtype, r, i, 9);
		DB_COPY(x->uitkomst, r, i, 10);
		DB_COPY(x->notitie, r, i, 11);
	}
	PQclear(r);
	return 0;
}

/* The rows of a members read: account id, username, naam, rol, extern. */
static int lid_rows(PGresult *r, struct agenda_lid_rij **out, int *n, struct err *e)
{
	if (rows_of(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < PQntuples(r); i++) {
		struct agenda_lid_rij *x = &(*out)[i];

		x->account_id = atol(PQgetvalue(r, i, 0));
		DB_COPY(x->username, r, i, 1);
		DB_COPY(x->naam, r, i, 2);
		DB_COPY(x->rol, r, i, 3);
		x->extern_lid = PQgetvalue(r, i, 4)[0] == 't';
	}
	PQclear(r);
	return 0;
}

int db_agenda_leden(struct db *db, long v, struct agenda_lid_rij **out, int *n, struct err *e)
{
	char s[24];
	const char *p[1] = { db_num(s, sizeof s, v) };
	PGresult *r = read_as(
		db, e,
		"SELECT l.account_id, u.username, u.naam, l.rol, "
		"       NOT EXISTS (SELECT 1 FROM account_rol x WHERE x.account_id = l.account_id "
		"                     AND x.organisatie_id = l.organisatie_id "
		"                     AND x.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin')) "
		"  FROM vergadering_lid l JOIN account u ON u.id = l.account_id "
		" WHERE l.vergadering_id = $1 "
		" ORDER BY array_position(ARRAY['voorzitter', 'secretaris', 'deskundige', 'orthopedagoog', 'lid'], l.rol), "
		"          u.naam, u.id",
		1, p);

	return lid_rows(r, out, n, e);
}

int db_agenda_kandidaten(struct db *db, long org, long v, struct agenda_lid_rij **out, int *n, struct err *e)
{
	char so[24], sv[24];
	const char *p[2] = { db_num(so, sizeof so, org), db_num(sv, sizeof sv, v) };
	PGresult *r = read_as(
		db, e,
		"SELECT u.id, u.username, u.naam, string_agg(DISTINCT x.rol, ', '), "
		"       bool_and(x.rol = 'extern') "
		"  FROM account u JOIN account_rol x ON x.account_id = u.id "
		" WHERE x.organisatie_id = $1 AND NOT u.blocked "
		"   AND x.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin', 'extern') "
		"   AND NOT EXISTS (SELECT 1 FROM vergadering_lid l WHERE l.vergadering_id = $2 AND l.account_id = u.id) "
		" GROUP BY u.id, u.username, u.naam ORDER BY u.naam, u.id LIMIT 500",
		2, p);

	return lid_rows(r, out, n, e);
}

enum outcome_kind db_agenda_lid_zetten(struct db *db, long v, long account, const char *rol, struct outcome *o)
{
	char sv[24], sa[24];
	const char *p[3] = { db_num(sv, sizeof sv, v), db_num(sa, sizeof sa, account), rol };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM vergadering_lid_zetten($1, $2, $3)", 3, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "lid: onverwacht antwoord van de database");
	}
	o->id = v;
	DB_COPY(o->nu, r, 0, 1); /* the warning: sits in another meeting at the same time */
	if (!strcmp(PQgetvalue(r, 0, 0), "ok"))
		outcome_set(o, OUTCOME_SAVED, "Lid vastgelegd als %s", rol);
	else
		outcome_set(o, OUTCOME_SAVED, "Was al %s van deze vergadering", rol);
	PQclear(r);
	return o->kind;
}

enum outcome_kind db_agenda_lid_weg(struct db *db, long v, long account, struct outcome *o)
{
	char sv[24], sa[24];
	const char *p[2] = { db_num(sv, sizeof sv, v), db_num(sa, sizeof sa, account) };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT vergadering_lid_weg($1, $2)", 2, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), "ok"))
		outcome_set(o, OUTCOME_SAVED, "Lid van de vergadering gehaald; de toegang via deze vergadering is weg");
	else
		outcome_set(o, OUTCOME_GONE, "dit lid stond al niet (meer) op de vergadering");
	PQclear(r);
	return o->kind;
}

int db_agenda_te_plannen(struct db *db, const char *commissie, struct agenda_teplannen_rij **out, int *n,
			 struct err *e)
{
	const char *p[1] = { commissie };
	PGresult *r = read_as(
		db, e,
		"SELECT h.id, h.version, h.nummer, h.datum, " INITIALEN("d") ", h.status, t.naam, "
		"       t.naam ILIKE 'verlenging%' OR EXISTS (SELECT 1 FROM formulier f JOIN formulier_waarde w "
		"         ON w.formulier_id = f.id WHERE f.hulpvraag_id = h.id AND f.verwijderd_op IS NULL "
		"         AND w.veld = 'verlenging' AND w.waarde = 'ja'), "
		"       coalesce((SELECT x.datum::text FROM verlenging_deadline x WHERE x.organisatie_id = h.organisatie_id "
		"         AND x.schooljaar = extract(year FROM h.datum - interval '7 months')::int), ''), "
		"       coalesce(h.coordinator_id, 0) "
		"  FROM flow_agenda f JOIN aanvraagtype t ON t.id = f.aanvraagtype_id "
		"  JOIN hulpvraag h ON h.aanvraagtype_id = f.aanvraagtype_id "
		"   AND (h.status = ANY (f.van) OR h.status = f.naar) "
		"  JOIN dossier d ON d.id = h.dossier_id "
		" WHERE f.commissie = $1 AND h.organisatie_id IN (SELECT internal_orgs()) "
		"   AND NOT EXISTS (SELECT 1 FROM agendapunt a WHERE a.hulpvraag_id = h.id AND a.open) "
		" ORDER BY h.datum, h.id LIMIT 500",
		1, p);

	if (rows_of(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < PQntuples(r); i++) {
		struct agenda_teplannen_rij *x = &(*out)[i];

		x->hulpvraag_id = atol(PQgetvalue(r, i, 0));
		x->version = atoi(PQgetvalue(r, i, 1));
		x->nummer = atol(PQgetvalue(r, i, 2));
		parse_iso(PQgetvalue(r, i, 3), &x->datum);
		DB_COPY(x->initialen, r, i, 4);
		DB_COPY(x->status, r, i, 5);
		DB_COPY(x->aanvraagtype, r, i, 6);
		x->verlenging = PQgetvalue(r, i, 7)[0] == 't';
		if (PQgetvalue(r, i, 8)[0])
			parse_iso(PQgetvalue(r, i, 8), &x->deadline);
		x->coordinator_id = atol(PQgetvalue(r, i, 9));
	}
	PQclear(r);
	return 0;
}

int db_agenda_verslagen_te_laat(struct db *db, long org, struct agenda_verslag_rij **out, int *n, struct err *e)
{
	char so[24];
	const char *p[1] = { db_num(so, sizeof so, org) };
	PGresult *r = read_as(
		db, e,
		"SELECT h.id, h.nummer, " INITIALEN("d") ", v.datum, coalesce(c.naam, '') "
		"  FROM agendapunt a JOIN vergadering v ON v.id = a.vergadering_id "
		"  JOIN commissie k ON k.id = v.commissie_id AND k.code = 'Kans!overleg' "
		"  JOIN hulpvraag h ON h.id = a.hulpvraag_id JOIN dossier d ON d.id = h.dossier_id "
		"  LEFT JOIN account c ON c.id = h.coordinator_id "
		" WHERE a.organisatie_id = $1 AND NOT a.open AND a.uitkomst IN ('toegekend', 'afgewezen') "
		"   AND v.datum + 7 < current_date "
		"   AND NOT EXISTS (SELECT 1 FROM formulier f JOIN formulier_definitie fd ON fd.id = f.definitie_id "
		"                    WHERE f.hulpvraag_id = h.id AND f.verwijderd_op IS NULL AND f.compleet "
		"                      AND fd.code = 'gespreksverslag-kans-overleg') "
		" ORDER BY v.datum, h.id LIMIT 500",
		1, p);

	if (rows_of(r, sizeof **out, (void **)out, n, e) < 0)
		return -1;
	for (int i = 0; i < *n; i++) {
		struct agenda_verslag_rij *x = &(*out)[i];

		x->hulpvraag_id = atol(PQgetvalue(r, i, 0));
		x->nummer = atol(PQgetvalue(r, i, 1));
		DB_COPY(x->initialen, r, i, 2);
		parse_iso(PQgetvalue(r, i, 3), &x->datum);
		DB_COPY(x->coordinator, r, i, 4);
	}
	PQclear(r);
	return 0;
}

int db_agenda_bespreekdatum(struct db *db, long h, char *buf, size_t len, struct err *e)
{
	char s[24];
	const char *p[1] = { db_num(s, sizeof s, h) };
	PGresult *r = read_as(db, e,
					 "SELECT CASE WHEN c.afspraak THEN 'afspraak ' ELSE 'bespreking ' END || "
					 "       c.code || ' ' || to_char(v.datum, 'DD-MM-YYYY') || ' ' || "
					 "       to_char(v.begintijd, 'HH24:MI') "
					 "  FROM agendapunt a JOIN vergadering v ON v.id = a.vergadering_id "
					 "  JOIN commissie c ON c.id = v.commissie_id WHERE a.hulpvraag_id = $1 AND a.open",
					 1, p);

	if (!r)
		return -1;
	db_copy(buf, len, PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return 0;
}

/* The answer of agendapunt_plannen / agendapunt_verplaatsen (id, versie,
 * status, herhaald, mail) as an outcome; r NULL: the failure kind f. */
static enum outcome_kind plan_result(struct db *db, PGresult *r, enum db_failure f, const char *key, struct outcome *o)
{
	if (!r) {
		/* its own transaction: a lost connection leaves it unknown; the key tells */
		if (key)
			db_copy(o->probe_key, sizeof o->probe_key, key);
		return outcome_failed(db, f, 1, o);
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "plannen: onverwacht antwoord van de database");
	}
	o->id = atol(PQgetvalue(r, 0, 0));
	o->version = atoi(PQgetvalue(r, 0, 1));
	DB_COPY(o->nu, r, 0, 2);
	o->repeated = PQgetvalue(r, 0, 3)[0] == 't';
	o->mail = PQgetvalue(r, 0, 4)[0] == 't';
	PQclear(r);
	if (o->repeated)
		return outcome_set(o, OUTCOME_SAVED, "Was al gepland; status %s", o->nu);
	return outcome_set(o, OUTCOME_SAVED, "Gepland; status nu %s; %s", o->nu,
			   o->mail ? "mail aan de aanvrager klaargezet" : "geen mail (geen adres of de aanvrager wil er geen)");
}

enum outcome_kind db_agenda_plannen(struct db *db, long h, int version, long v, const char *override,
				    const char *subject, const char *body, const char *key, struct outcome *o)
{
	char sh[24], sv[24], sver[24];
	const char *p[7] = { db_num(sh, sizeof sh, h), db_num(sver, sizeof sver, version), db_num(sv, sizeof sv, v),
			     override && *override ? override : NULL, subject, subject ? body : NULL, key };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM agendapunt_plannen($1, $2, $3, $4, $5, $6, $7)",
			       7, p);
	return plan_result(db, r, kind, key, o);
}

enum outcome_kind db_agenda_verplaatsen(struct db *db, long pt, int version, long v, const char *override,
					const char *subject, const char *body, const char *key, struct outcome *o)
{
	char sp[24], sv[24], sver[24];
	const char *p[7] = { db_num(sp, sizeof sp, pt), db_num(sver, sizeof sver, version), db_num(sv, sizeof sv, v),
			     override && *override ? override : NULL, subject, subject ? body : NULL, key };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind,
			       "SELECT * FROM agendapunt_verplaatsen($1, $2, $3, $4, $5, $6, $7)", 7, p);
	if (plan_result(db, r, kind, key, o) == OUTCOME_SAVED && !o->repeated)
		outcome_set(o, OUTCOME_SAVED, "Verplaatst; %s", o->mail ? "mail met de nieuwe datum klaargezet" : "geen mail");
	return o->kind;
}

/* A ('ok' | 'conflict' | 'weg', versie) answer of the functions that change
 * one agendapunt, as an outcome with the sentence for ok. */
static enum outcome_kind punt_result(struct db *db, PGresult *r, enum db_failure f, long id, const char *ok,
				     struct outcome *o)
{
	const char *u;

	if (!r)
		return outcome_failed(db, f, 1, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "onverwacht antwoord van de database");
	}
	u = PQgetvalue(r, 0, 0);
	o->id = id;
	o->version = atoi(PQgetvalue(r, 0, 1));
	if (!strcmp(u, "ok"))
		outcome_set(o, OUTCOME_SAVED, "%s", ok);
	else if (!strcmp(u, "conflict"))
		outcome_set(o, OUTCOME_CONFLICT, "dit agendapunt is intussen gewijzigd; laad opnieuw (r)");
	else
		outcome_set(o, OUTCOME_GONE, "dit agendapunt bestaat niet (meer) of je hebt er geen toegang toe");
	PQclear(r);
	return o->kind;
}

enum outcome_kind db_agenda_ontplannen(struct db *db, long pt, int version, const char *reden, struct outcome *o)
{
	char sp[24], sver[24];
	const char *p[3] = { db_num(sp, sizeof sp, pt), db_num(sver, sizeof sver, version), reden ? reden : "" };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM agendapunt_ontplannen($1, $2, $3)", 3, p);
	return punt_result(db, r, kind, pt, "Van de agenda gehaald; de hulpvraag staat weer bij te plannen", o);
}

enum outcome_kind db_agenda_volgorde(struct db *db, long pt, int version, int richting, struct outcome *o)
{
	char sp[24], sver[24], sr[8];
	const char *p[3] = { db_num(sp, sizeof sp, pt), db_num(sver, sizeof sver, version), db_num(sr, sizeof sr, richting) };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM agendapunt_volgorde($1, $2, $3)", 3, p);
	return punt_result(db, r, kind, pt, "Volgorde gewijzigd", o);
}

enum outcome_kind db_agenda_uitkomst(struct db *db, long p_id, int version, const char *uitkomst,
				     const char *notitie, const char *subject, const char *body, struct outcome *o)
{
	char sp[24], sver[24];
	const char *p[6] = { db_num(sp, sizeof sp, p_id), db_num(sver, sizeof sver, version), uitkomst,
			     notitie ? notitie : "", subject, subject ? body : NULL };
	enum db_failure kind = DB_OK;
	PGresult *r;
	const char *u;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM agendapunt_uitkomst($1, $2, $3, $4, $5, $6)", 6,
			       p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "uitkomst: onverwacht antwoord van de database");
	}
	u = PQgetvalue(r, 0, 0);
	o->id = p_id;
	if (!strcmp(u, "ok")) {
		o->version = atoi(PQgetvalue(r, 0, 1));
		DB_COPY(o->nu, r, 0, 2);
		outcome_set(o, OUTCOME_SAVED, "Uitkomst %s vastgelegd; status nu %s", uitkomst, o->nu);
	} else if (!strcmp(u, "conflict")) {
		snprintf(o->door, sizeof o->door, "een ander");
		DB_COPY(o->nu, r, 0, 2);
		outcome_set(o, OUTCOME_CONFLICT, "intussen door een ander vastgelegd: %s",
			    o->nu[0] ? o->nu : "gewijzigd");
	} else {
		outcome_set(o, OUTCOME_GONE, "dit agendapunt bestaat niet (meer) of je hebt er geen toegang toe");
	}
	PQclear(r);
	return o->kind;
}

enum outcome_kind db_agenda_vergadering_maken(struct db *db, long org, const char *commissie,
					      const struct agenda_vergadering *v, const char *locatie,
					      const char *link, const char *key, struct outcome *o)
{
	char so[24], d[DATUM_BUFLEN], dl[DATUM_BUFLEN], b[6], ei[6], z[12], m[12];
	const char *p[11] = { db_num(so, sizeof so, org), commissie, datum_format_iso(v->datum, d),
			      agenda_tijd_format(v->start, b), agenda_tijd_format(v->eind, ei),
			      locatie ? locatie : "", link && *link ? link : NULL, db_num(z, sizeof z, v->cap.zaken),
			      db_num(m, sizeof m, v->cap.minuten_per_zaak), datum_format_iso(v->deadline, dl), key };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	/* one statement: a repeat of the same key returns the first row */
	r = db_exec_as_account(
		db, &o->err, &kind,
		"WITH eerder AS (SELECT id, version FROM vergadering WHERE idempotentie = $11), "
		"nieuw AS (INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, locatie, "
		"          link, capaciteit_zaken, minuten_per_zaak, deadline, idempotentie) "
		"   SELECT $1, c.id, $3::date, $4::time, $5::time, $6, $7, $8::int, $9::int, $10::date, $11 "
		"     FROM commissie c WHERE c.organisatie_id = $1 AND c.code = $2 AND NOT EXISTS (SELECT 1 FROM eerder) "
		"   RETURNING id, version) "
		"SELECT id, version, true FROM eerder UNION ALL SELECT id, version, false FROM nieuw",
		11, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_REFUSED, "Commissie %s bestaat niet in deze organisatie", commissie);
	}
	o->id = atol(PQgetvalue(r, 0, 0));
	o->version = atoi(PQgetvalue(r, 0, 1));
	o->repeated = PQgetvalue(r, 0, 2)[0] == 't';
	PQclear(r);
	return outcome_set(o, OUTCOME_SAVED, "Vergadering bewaard");
}

enum outcome_kind db_agenda_vergadering_wijzigen(struct db *db, long id, int version, const struct agenda_vergadering *v,
						 const char *locatie, const char *link, struct outcome *o)
{
	char si[24], sver[24], d[DATUM_BUFLEN], dl[DATUM_BUFLEN], b[6], ei[6], z[12], m[12];
	const char *p[10] = { db_num(si, sizeof si, id), db_num(sver, sizeof sver, version), datum_format_iso(v->datum, d),
			      agenda_tijd_format(v->start, b), agenda_tijd_format(v->eind, ei), locatie ? locatie : "",
			      link && *link ? link : NULL, db_num(z, sizeof z, v->cap.zaken),
			      db_num(m, sizeof m, v->cap.minuten_per_zaak), datum_format_iso(v->deadline, dl) };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	/* one statement: the version check and, when it fails, who was first */
	r = db_exec_as_account(
		db, &o->err, &kind,
		"WITH w AS (UPDATE vergadering SET datum = $3::date, begintijd = $4::time, eindtijd = $5::time, "
		"  locatie = $6, link = $7, capaciteit_zaken = $8::int, minuten_per_zaak = $9::int, deadline = $10::date, "
		"  version = version + 1 WHERE id = $1 AND version = $2 RETURNING version) "
		"SELECT 'ok', w.version, '', '' FROM w "
		"UNION ALL SELECT 'conflict', v.version, coalesce(a.naam, ''), " DB_MOMENT("v.updated_at") " "
		"  FROM vergadering v LEFT JOIN account a ON a.id = v.gewijzigd_door "
		" WHERE v.id = $1 AND NOT EXISTS (SELECT 1 FROM w)",
		10, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_GONE, "deze vergadering bestaat niet (meer) of je hebt er geen toegang toe");
	}
	o->id = id;
	o->version = atoi(PQgetvalue(r, 0, 1));
	if (!strcmp(PQgetvalue(r, 0, 0), "ok")) {
		outcome_set(o, OUTCOME_SAVED, "Vergadering bewaard");
	} else if (o->version == version) {
		/* visible and unchanged, yet not updated: the write policy said no */
		outcome_set(o, OUTCOME_REFUSED, "Dat mag jouw rol niet: deze vergadering wijzigen");
	} else {
		DB_COPY(o->door, r, 0, 2);
		DB_COPY(o->op, r, 0, 3);
		snprintf(o->nu, sizeof o->nu, "versie %d", o->version);
		outcome_set(o, OUTCOME_CONFLICT, "intussen gewijzigd door %s (%s); je invoer staat er nog — r: opnieuw laden",
			    o->door[0] ? o->door : "een ander", o->op);
	}
	PQclear(r);
	return o->kind;
}

/* A growing PostgreSQL array literal ("{…}"). */
struct arr {
	char *buf;
	size_t len, cap;
};

static int arr_room(struct arr *a, size_t need)
{
	if (a->len + need + 1 > a->cap) {
		size_t ncap = (a->cap + need + 1) * 2;
		char *nb = realloc(a->buf, ncap);

		if (!nb)
			return -1;
		a->buf = nb;
		a->cap = ncap;
	}
	return 0;
}

/* Appends s as one element: NULL, or quoted with " and \\ escaped
 * (PostgreSQL's array input), so any text survives. */
static int arr_add(struct arr *a, const char *s)
{
	if (arr_room(a, (s ? 2 * strlen(s) + 2 : 4) + 1) < 0)
		return -1;
	if (a->len > 1)
		a->buf[a->len++] = ',';
	if (!s) {
		memcpy(a->buf + a->len, "NULL", 4);
		a->len += 4;
	} else {
		a->buf[a->len++] = '"';
		for (; *s; s++) {
			if (*s == '"' || *s == '\\')
				a->buf[a->len++] = '\\';
			a->buf[a->len++] = *s;
		}
		a->buf[a->len++] = '"';
	}
	a->buf[a->len] = '\0';
	return 0;
}

/* The four array literals of vergadering_annulering_zaken() for z[0..n). */
static int annulering_arrays(const struct agenda_annulering_zaak *z, int n, struct arr arr[4])
{
	for (int k = 0; k < 4; k++)
		if (arr_room(&arr[k], 1) < 0)
			return -1;
		else
			arr[k].buf[arr[k].len++] = '{';
	for (int i = 0; i < n; i++) {
		char sh[24], sv[24];

		snprintf(sh, sizeof sh, "%ld", z[i].hulpvraag_id);
		snprintf(sv, sizeof sv, "%ld", z[i].naar);
		if (arr_add(&arr[0], sh) < 0 || arr_add(&arr[1], z[i].naar > 0 ? sv : NULL) < 0 ||
		    arr_add(&arr[2], z[i].subject) < 0 || arr_add(&arr[3], z[i].subject ? z[i].body : NULL) < 0)
			return -1;
	}
	for (int k = 0; k < 4; k++) {
		if (arr_room(&arr[k], 1) < 0)
			return -1;
		arr[k].buf[arr[k].len++] = '}';
		arr[k].buf[arr[k].len] = '\0';
	}
	return 0;
}

enum outcome_kind db_agenda_annuleren(struct db *db, long id, int version, const char *reden,
				      const struct agenda_annulering_zaak *z, int n, struct outcome *o)
{
	const char *extra[1] = { reden };
	struct arr arr[4];
	char sid[24];
	const char *p[5];
	enum db_failure kind = DB_OK;
	PGresult *r = NULL;

	outcome_clear(o);
	memset(arr, 0, sizeof arr);
	if (annulering_arrays(z, n, arr) < 0) {
		outcome_set(o, OUTCOME_ERROR, "geen geheugen");
		goto out;
	}
	if (db_begin(db, &o->err) < 0) {
		outcome_failed(db, DB_CONNECTION_LOST, 0, o);
		goto out;
	}
	if (db_versioned_update(db, OT_VERGADERING, id, version, "status = 'geannuleerd', annuleer_reden = $3", NULL,
				1, extra, o) != OUTCOME_SAVED)
		goto out;
	/* its cases in the same transaction: a refusal there undoes the cancellation */
	p[0] = db_num(sid, sizeof sid, id);
	for (int k = 0; k < 4; k++)
		p[k + 1] = arr[k].buf;
	r = db_exec(db, &o->err, &kind, "SELECT * FROM vergadering_annulering_zaken($1, $2::bigint[], $3::bigint[], "
		    "$4::text[], $5::text[])", 5, p);
	if (!r) {
		outcome_failed(db, kind, 0, o);
		goto out;
	}
	o->id = id;
	o->nummer = PQntuples(r) == 1 ? atol(PQgetvalue(r, 0, 0)) : 0; /* how many moved */
	o->mail = PQntuples(r) == 1 ? atoi(PQgetvalue(r, 0, 1)) : 0;  /* how many mails */
	PQclear(r);
	if (outcome_commit(db, "de annulering", o) == OUTCOME_SAVED)
		outcome_set(o, OUTCOME_SAVED, "Vergadering geannuleerd");
out:
	for (int k = 0; k < 4; k++)
		free(arr[k].buf);
	return o->kind;
}
