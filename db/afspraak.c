/* afspraak.c — the coördinator's own appointments; see afspraak.h. */
#include "db/afspraak.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "db/row.h"

int db_afspraak_van(struct db *db, long h, struct afspraak_rij *out, struct err *e)
{
	char s[24];
	const char *p[1] = { db_num(s, sizeof s, h) };
	enum db_failure kind;
	struct err sub;
	PGresult *r = db_exec_as_account(
		db, e, &kind,
		"SELECT v.id, v.version, c.code, v.datum, to_char(v.begintijd, 'HH24:MI'), to_char(v.eindtijd, 'HH24:MI'), "
		"       v.locatie, coalesce((SELECT a.naam FROM vergadering_lid l JOIN account a ON a.id = l.account_id "
		"                             WHERE l.vergadering_id = v.id ORDER BY l.rol <> 'voorzitter' LIMIT 1), '') "
		"  FROM agendapunt p JOIN vergadering v ON v.id = p.vergadering_id "
		"  JOIN commissie c ON c.id = v.commissie_id "
		" WHERE p.hulpvraag_id = $1 AND p.open AND c.afspraak AND v.status = 'gepland'",
		1, p);

	memset(out, 0, sizeof *out);
	if (!r)
		return -1;
	if (PQntuples(r) == 1) {
		out->id = atol(PQgetvalue(r, 0, 0));
		out->version = atoi(PQgetvalue(r, 0, 1));
		DB_COPY(out->commissie, r, 0, 2);
		datum_parse_iso(PQgetvalue(r, 0, 3), &out->t.datum, &sub);
		agenda_tijd_parse(PQgetvalue(r, 0, 4), &out->t.van, &sub);
		agenda_tijd_parse(PQgetvalue(r, 0, 5), &out->t.tot, &sub);
		DB_COPY(out->locatie, r, 0, 6);
		DB_COPY(out->coordinator, r, 0, 7);
	}
	PQclear(r);
	return 0;
}

/* The parameters both plan and move start with: the row's id and version,
 * date, begin and end, waar, the mail ($1 … $8); their text lives in x. */
struct params {
	char id[24], version[24], d[DATUM_BUFLEN], b[6], e[6];
	const char *p[9];
};

static void params(struct params *x, long id, int version, const struct afspraak_tijd *t, const char *waar,
		   const char *subject, const char *body)
{
	x->p[0] = db_num(x->id, sizeof x->id, id);
	x->p[1] = db_num(x->version, sizeof x->version, version);
	x->p[2] = datum_format_iso(t->datum, x->d);
	x->p[3] = agenda_tijd_format(t->van, x->b);
	x->p[4] = agenda_tijd_format(t->tot, x->e);
	x->p[5] = waar;
	x->p[6] = subject;
	x->p[7] = subject ? body : NULL;
	x->p[8] = NULL;
}

/* The warning column (NULL: none) of row 0, column c, into warn ("" when
 * there is no row). */
static void waarschuwing(PGresult *r, int c, char *warn, size_t len)
{
	if (warn && len)
		db_copy(warn, len, PQntuples(r) == 1 && !PQgetisnull(r, 0, c) ? PQgetvalue(r, 0, c) : "");
}

enum outcome_kind db_afspraak_plannen(struct db *db, long h, int version, const struct afspraak_tijd *t,
				      const char *waar, const char *subject, const char *body, const char *key,
				      struct outcome *o, char *warn, size_t warnlen)
{
	struct params x;
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	params(&x, h, version, t, waar ? waar : "", subject, body);
	x.p[8] = key;
	r = db_exec_as_account(db, &o->err, &kind,
			       "SELECT * FROM afspraak_plannen($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9, x.p);
	if (!r) {
		/* its own transaction: a lost connection leaves it unknown; the key tells */
		if (key)
			db_copy(o->probe_key, sizeof o->probe_key, key);
		return outcome_failed(db, kind, 1, o);
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		return outcome_set(o, OUTCOME_ERROR, "afspraak: onverwacht antwoord van de database");
	}
	o->id = atol(PQgetvalue(r, 0, 0));
	o->version = atoi(PQgetvalue(r, 0, 1));
	DB_COPY(o->nu, r, 0, 2);
	o->repeated = PQgetvalue(r, 0, 3)[0] == 't';
	o->mail = PQgetvalue(r, 0, 4)[0] == 't';
	waarschuwing(r, 5, warn, warnlen);
	PQclear(r);
	if (o->repeated)
		return outcome_set(o, OUTCOME_SAVED, "Afspraak was al gepland; status %s", o->nu);
	return outcome_set(o, OUTCOME_SAVED, "Afspraak gepland; status nu %s; %s", o->nu,
			   o->mail ? "mail aan de aanvrager klaargezet"
				   : "geen mail (geen adres of de aanvrager wil er geen)");
}

enum outcome_kind db_afspraak_verplaatsen(struct db *db, long v, int version, const struct afspraak_tijd *t,
					  const char *waar, const char *subject, const char *body, struct outcome *o,
					  char *warn, size_t warnlen)
{
	struct params x;
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	params(&x, v, version, t, waar, subject, body);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT * FROM afspraak_verplaatsen($1, $2, $3, $4, $5, $6, $7, $8)",
			       8, x.p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	o->id = v;
	o->version = PQntuples(r) == 1 ? atoi(PQgetvalue(r, 0, 0)) : 0;
	o->mail = PQntuples(r) == 1 && PQgetvalue(r, 0, 1)[0] == 't';
	waarschuwing(r, 2, warn, warnlen);
	PQclear(r);
	return outcome_set(o, OUTCOME_SAVED, "Afspraak verplaatst; %s",
			   o->mail ? "mail met de nieuwe tijd klaargezet" : "geen mail");
}

enum outcome_kind db_afspraak_annuleren(struct db *db, long v, int version, const char *reden, const char *subject,
					const char *body, struct outcome *o)
{
	char sv[24], sver[24];
	const char *p[5] = { db_num(sv, sizeof sv, v), db_num(sver, sizeof sver, version), reden, subject,
			     subject ? body : NULL };
	enum db_failure kind = DB_OK;
	PGresult *r;

	outcome_clear(o);
	r = db_exec_as_account(db, &o->err, &kind, "SELECT afspraak_annuleren($1, $2, $3, $4, $5)", 5, p);
	if (!r)
		return outcome_failed(db, kind, 1, o);
	o->id = v;
	o->mail = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	return outcome_set(o, OUTCOME_SAVED, "Afspraak geannuleerd; %s",
			   o->mail ? "mail aan de aanvrager klaargezet" : "geen mail");
}
