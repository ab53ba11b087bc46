/* outcome.c — one vocabulary for what became of a business write; see
 * outcome.h. */
#include "db/outcome.h"

#include <libpq-fe.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

void outcome_clear(struct outcome *o)
{
	memset(o, 0, sizeof *o);
	o->kind = OUTCOME_SAVED;
}

enum outcome_kind outcome_set(struct outcome *o, enum outcome_kind kind, const char *fmt, ...)
{
	va_list ap;

	o->kind = kind;
	va_start(ap, fmt);
	vsnprintf(o->err.msg, sizeof o->err.msg, fmt, ap);
	va_end(ap);
	o->err.file[0] = '\0';
	o->err.line = 0;
	return kind;
}

enum outcome_kind outcome_failed(struct db *db, enum db_failure f, int at_commit, struct outcome *o)
{
	if (db_ok(db))
		db_rollback(db);
	switch (f) {
	case DB_RAISED:
	case DB_PRIVILEGE:
		o->kind = OUTCOME_REFUSED; /* o->err holds the database's own sentence */
		return o->kind;
	case DB_CONNECTION_LOST:
		if (at_commit)
			return outcome_set(o, OUTCOME_UNKNOWN,
					   "verbinding verbroken tijdens het bewaren: nog onbekend of de wijziging is bewaard");
		return outcome_set(o, OUTCOME_ERROR,
				   "verbinding met de database verbroken; er is niets gewijzigd — probeer het opnieuw");
	default:
		o->kind = OUTCOME_ERROR;
		if (!o->err.msg[0])
			outcome_set(o, OUTCOME_ERROR, "onbekende fout");
		return o->kind;
	}
}

enum outcome_kind outcome_commit(struct db *db, const char *wat, struct outcome *o)
{
	if (db_commit(db, &o->err) == 0) {
		o->kind = OUTCOME_SAVED;
		return o->kind;
	}
	if (!db_ok(db))
		return outcome_set(o, OUTCOME_UNKNOWN, "verbinding verbroken tijdens het bewaren: nog onbekend of %s is bewaard",
				   wat);
	db_rollback(db);
	o->kind = OUTCOME_ERROR;
	return o->kind;
}

/* Per table: its name, and the follow-up read after a version check that
 * matched nothing: who changed it last, when, what it is now, its version
 * ($1 = id). */
static const struct {
	const char *table;
	const char *why_sql;
	const char *what; /* "deze hulpvraag" */
} tables[] = {
	[OT_HULPVRAAG] = { "hulpvraag",
			   "SELECT coalesce(a.naam, ''), " DB_MOMENT("h.updated_at") ", 'status ' || h.status, h.version "
			   "  FROM hulpvraag h LEFT JOIN account a ON a.id = h.gewijzigd_door WHERE h.id = $1",
			   "deze hulpvraag" },
	[OT_NOTITIE] = { "notitie",
			 "SELECT '(jijzelf, in een andere sessie)', '', 'versie ' || n.version, n.version FROM notitie n "
			 "WHERE n.id = $1",
			 "deze notitie" },
	[OT_FORMULIER] = { "formulier",
			   "SELECT coalesce(a.naam, ''), " DB_MOMENT("f.gewijzigd_op") ", "
			   "       CASE WHEN f.compleet THEN 'compleet' ELSE 'concept' END, f.version "
			   "  FROM formulier f LEFT JOIN account a ON a.id = f.gewijzigd_door "
			   " WHERE f.id = $1 AND f.verwijderd_op IS NULL",
			   "dit formulier" },
	[OT_BIJLAGE] = { "bijlage",
			 "SELECT coalesce(a.naam, ''), " DB_MOMENT("b.verwijderd_op") ", "
			 "       CASE WHEN b.verwijderd_op IS NULL THEN 'aanwezig' ELSE 'verwijderd' END, b.version "
			 "  FROM bijlage b LEFT JOIN account a ON a.id = b.verwijderd_door WHERE b.id = $1",
			 "deze bijlage" },
	[OT_TLV] = { "tlv_beschikking",
		     "SELECT coalesce(a.naam, ''), " DB_MOMENT("b.updated_at") ", 'nummer ' || coalesce(b.nummer, '(geen)'), "
		     "       b.version FROM tlv_beschikking b LEFT JOIN account a ON a.id = b.gewijzigd_door WHERE b.id = $1",
		     "deze TLV-beschikking" },
	[OT_AANPAK] = { "aanpak",
			"SELECT coalesce(a.naam, ''), " DB_MOMENT("x.updated_at") ", 'nummer ' || coalesce(x.nummer, '(geen)'), "
			"       x.version FROM aanpak x LEFT JOIN account a ON a.id = x.gewijzigd_door WHERE x.id = $1",
			"deze aanpak" },
	[OT_VERGADERING] = { "vergadering",
			     "SELECT coalesce(a.naam, ''), " DB_MOMENT("v.updated_at") ", v.status, v.version "
			     "  FROM vergadering v LEFT JOIN account a ON a.id = v.gewijzigd_door WHERE v.id = $1",
			     "deze vergadering" },
#define DOSSIER_WHY(t, x, nu) \
	"SELECT coalesce(a.naam, ''), coalesce(" DB_MOMENT(x ".gewijzigd_op") ", ''), " nu ", " x ".version " \
	"  FROM " t " " x " LEFT JOIN account a ON a.id = " x ".gewijzigd_door WHERE " x ".id = $1"
	[OT_DOSSIER] = { "dossier", DOSSIER_WHY("dossier", "d", "'versie ' || d.version"), "dit dossier" },
	[OT_ADRES] = { "adres", DOSSIER_WHY("adres", "d", "'versie ' || d.version"), "dit adres" },
	[OT_RELATIE] = { "relatie", DOSSIER_WHY("relatie", "d", "'versie ' || d.version"), "deze relatie" },
	[OT_SCHOOLGEGEVENS] = { "schoolgegevens", DOSSIER_WHY("schoolgegevens", "d", "'versie ' || d.version"),
				"deze schoolgegevens" },
#undef DOSSIER_WHY
	[OT_MAIL_IN] = { "mail_in",
			 "SELECT coalesce(a.naam, ''), " DB_MOMENT("m.afgehandeld_op") ", "
			 "       CASE WHEN m.afgehandeld_op IS NULL THEN 'open' ELSE 'afgehandeld' END, m.version "
			 "  FROM mail_in m LEFT JOIN account a ON a.id = m.afgehandeld_door WHERE m.id = $1",
			 "dit bericht" },
};

/* Zero rows matched id at version: CONFLICT with who/when/what now, or
 * GONE.  Rolls back. */
static enum outcome_kind why_not(struct db *db, enum outcome_table t, long id, int version, struct outcome *o)
{
	char sid[24];
	const char *p[1] = { db_num(sid, sizeof sid, id) };
	struct err ee;
	PGresult *r = db_exec(db, &ee, NULL, tables[t].why_sql, 1, p);

	if (!r) {
		outcome_set(o, OUTCOME_CONFLICT, "intussen door iemand anders gewijzigd");
	} else if (PQntuples(r) == 0) {
		outcome_set(o, OUTCOME_GONE, "%s bestaat niet (meer) of je hebt er geen toegang toe", tables[t].what);
	} else if (atoi(PQgetvalue(r, 0, 3)) == version) {
		/* visible and unchanged, yet the UPDATE matched nothing: a write
		 * policy of the rulebook (migration 013) kept the row out */
		outcome_set(o, OUTCOME_REFUSED, "Dat mag jouw rol niet: %s wijzigen", tables[t].what);
	} else {
		DB_COPY(o->door, r, 0, 0);
		DB_COPY(o->op, r, 0, 1);
		DB_COPY(o->nu, r, 0, 2);
		if (!o->door[0])
			snprintf(o->door, sizeof o->door, "een ander");
		if (o->op[0])
			outcome_set(o, OUTCOME_CONFLICT, "intussen gewijzigd door %s (%s); nu: %s", o->door, o->op, o->nu);
		else
			outcome_set(o, OUTCOME_CONFLICT, "intussen gewijzigd door %s; nu: %s", o->door, o->nu);
	}
	if (r)
		PQclear(r);
	db_rollback(db);
	return o->kind;
}

enum outcome_kind db_versioned_update(struct db *db, enum outcome_table t, long id, int version, const char *set,
				      const char *where, int nextra, const char *const *extra, struct outcome *o)
{
	char sql[768], sid[24], sver[24];
	const char *p[6] = { db_num(sid, sizeof sid, id), db_num(sver, sizeof sver, version) };
	enum db_failure kind = DB_OK;
	PGresult *r;

	for (int i = 0; i < nextra && i < 4; i++)
		p[2 + i] = extra[i];
	snprintf(sql, sizeof sql,
		 "UPDATE %s SET %s%sversion = version + 1 WHERE id = $1 AND version = $2%s%s RETURNING version",
		 tables[t].table, set ? set : "", set && *set ? ", " : "", where && *where ? " AND " : "",
		 where ? where : "");
	r = db_exec(db, &o->err, &kind, sql, 2 + (nextra < 4 ? nextra : 4), p);
	if (!r)
		return outcome_failed(db, kind, 0, o);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return why_not(db, t, id, version, o);
	}
	o->id = id;
	o->version = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	o->kind = OUTCOME_SAVED;
	return o->kind;
}

void outcome_key_new(char key[OUTCOME_KEY_LEN])
{
	unsigned char raw[16];

	if (sodium_init() < 0)
		abort(); /* no randomness: never hand out a guessable key */
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(key, OUTCOME_KEY_LEN, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

/* Each probe: $1 id, $2 version, $3 key; one row (or none) of verdict
 * ('t' in, 'f' not, 'x' cannot tell), id, version, nummer, door, op, nu. */
static const char *const probes[] = {
	[PROBE_HULPVRAAG] =
		"SELECT CASE WHEN h.version = $2::int THEN 'f' "
		"            WHEN h.version = $2::int + 1 AND h.gewijzigd_door = acting_account() THEN 't' ELSE 'x' END, "
		"       h.id, h.version, h.nummer, coalesce(a.naam, ''), " DB_MOMENT("h.updated_at") ", 'status ' || h.status "
		"  FROM hulpvraag h LEFT JOIN account a ON a.id = h.gewijzigd_door "
		" WHERE h.id = $1::bigint AND $3::text IS NULL",
	[PROBE_NOTITIE] =
		"SELECT CASE WHEN $2::int < 0 THEN 'f' WHEN $2::int = 0 THEN 't' WHEN n.version = $2::int THEN 'f' "
		"            WHEN n.version = $2::int + 1 THEN 't' ELSE 'x' END, "
		"       n.id, n.version, 0, '', '', '' FROM notitie n "
		" WHERE (n.id = $1::bigint OR n.idempotentie = $3) AND n.account_id = acting_account()",
	[PROBE_FORMULIER] =
		"SELECT CASE WHEN f.version = $2::int THEN 'f' "
		"            WHEN f.version = $2::int + 1 AND f.gewijzigd_door = acting_account() THEN 't' ELSE 'x' END, "
		"       f.id, f.version, 0, coalesce(a.naam, ''), " DB_MOMENT("f.gewijzigd_op") ", '' "
		"  FROM formulier f LEFT JOIN account a ON a.id = f.gewijzigd_door "
		" WHERE f.id = $1::bigint AND $3::text IS NULL",
	[PROBE_BIJLAGE_WEG] =
		"SELECT CASE WHEN b.verwijderd_op IS NULL THEN 'f' "
		"            WHEN b.verwijderd_door = acting_account() THEN 't' ELSE 'x' END, "
		"       b.id, b.version, 0, coalesce(a.naam, ''), " DB_MOMENT("b.verwijderd_op") ", '' "
		"  FROM bijlage b LEFT JOIN account a ON a.id = b.verwijderd_door "
		" WHERE b.id = $1::bigint AND $2::int IS NOT NULL AND $3::text IS NULL",
	[PROBE_KEY_HULPVRAAG] =
		"SELECT 't', h.id, h.version, h.nummer, '', '', h.status FROM hulpvraag h "
		" WHERE h.idempotentie = $3 AND $1::bigint IS NOT NULL AND $2::int IS NOT NULL",
	[PROBE_KEY_BIJLAGE] =
		"SELECT 't', b.id, b.version, 0, '', '', '' FROM bijlage b "
		" WHERE b.idempotentie = $3 AND $1::bigint IS NOT NULL AND $2::int IS NOT NULL",
	[PROBE_KEY_FORMULIER] =
		"SELECT 't', f.id, f.version, 0, '', '', '' FROM formulier f "
		" WHERE f.idempotentie = $3 AND $1::bigint IS NOT NULL AND $2::int IS NOT NULL",
	[PROBE_KEY_TLV] =
		"SELECT 't', b.id, b.version, 0, '', '', '' FROM tlv_beschikking b "
		" WHERE b.idempotentie = $3 AND $1::bigint IS NOT NULL AND $2::int IS NOT NULL",
	[PROBE_TLV] =
		"SELECT CASE WHEN b.version = $2::int THEN 'f' "
		"            WHEN b.version = $2::int + 1 AND b.gewijzigd_door = acting_account() THEN 't' ELSE 'x' END, "
		"       b.id, b.version, 0, coalesce(a.naam, ''), " DB_MOMENT("b.updated_at") ", '' "
		"  FROM tlv_beschikking b LEFT JOIN account a ON a.id = b.gewijzigd_door "
		" WHERE b.id = $1::bigint AND $3::text IS NULL",
	[PROBE_KEY_AANPAK] =
		"SELECT 't', x.id, x.version, 0, '', '', '' FROM aanpak x "
		" WHERE x.idempotentie = $3 AND $1::bigint IS NOT NULL AND $2::int IS NOT NULL",
	[PROBE_AANPAK] =
		"SELECT CASE WHEN x.version = $2::int THEN 'f' "
		"            WHEN x.version = $2::int + 1 AND x.gewijzigd_door = acting_account() THEN 't' ELSE 'x' END, "
		"       x.id, x.version, 0, coalesce(a.naam, ''), " DB_MOMENT("x.updated_at") ", '' "
		"  FROM aanpak x LEFT JOIN account a ON a.id = x.gewijzigd_door "
		" WHERE x.id = $1::bigint AND $3::text IS NULL",
};

/* Runs probe with id, version and key inside the open transaction: 0 with
 * *verdict ('t', 'f', 'x'; 0 when there is no row) and o's id, version,
 * nummer, door, op, nu filled from the row; -1 with e. */
static int probe_run(struct db *db, enum outcome_probe probe, long id, int version, const char *key,
		     struct outcome *o, char *verdict, struct err *e)
{
	char sid[24], sver[24];
	const char *p[3] = { db_num(sid, sizeof sid, id), db_num(sver, sizeof sver, version), key };
	PGresult *r = db_exec(db, e, NULL, probes[probe], 3, p);

	*verdict = 0;
	if (!r)
		return -1;
	if (PQntuples(r) == 1) {
		*verdict = PQgetvalue(r, 0, 0)[0];
		o->id = atol(PQgetvalue(r, 0, 1));
		o->version = atoi(PQgetvalue(r, 0, 2));
		o->nummer = atol(PQgetvalue(r, 0, 3));
		DB_COPY(o->door, r, 0, 4);
		DB_COPY(o->op, r, 0, 5);
		DB_COPY(o->nu, r, 0, 6);
	}
	PQclear(r);
	return 0;
}

enum outcome_kind db_created_before(struct db *db, enum outcome_probe probe, const char *key, struct outcome *o)
{
	char verdict;

	if (probe_run(db, probe, 0, 0, key, o, &verdict, &o->err) < 0)
		return outcome_failed(db, DB_OTHER, 0, o);
	if (!verdict) {
		o->kind = OUTCOME_GONE;
		return o->kind;
	}
	o->repeated = 1;
	return outcome_set(o, OUTCOME_SAVED, "was al bewaard (dezelfde opdracht kwam eerder al aan)");
}

int outcome_resolve(struct db *db, struct outcome *o, struct err *e)
{
	char verdict;
	/* PROBE_TLV and PROBE_AANPAK are versioned writes, appended after the keyed creates */
	int keyed = (o->probe >= PROBE_KEY_HULPVRAAG && o->probe != PROBE_TLV && o->probe != PROBE_AANPAK) ||
		    (o->probe == PROBE_NOTITIE && o->probe_key[0]);

	if (o->kind != OUTCOME_UNKNOWN)
		return 0;
	if (o->probe == PROBE_NONE || o->probe >= (int)(sizeof probes / sizeof probes[0]))
		return err_set(e, "niet na te gaan of het is bewaard: kijk het zelf na");
	if (db_begin(db, e) < 0)
		return -1;
	int rc = probe_run(db, o->probe, o->probe_id, o->probe_version, keyed ? o->probe_key : NULL, o, &verdict, e);
	db_rollback(db);
	if (rc < 0)
		return -1;
	if (!verdict) {
		/* no row: a create that did not get in, a removed notitie that
		 * is gone indeed, or a row that is no longer visible */
		verdict = keyed ? 'f' : o->probe == PROBE_NOTITIE && o->probe_version < 0 ? 't' : 'g';
	}
	switch (verdict) {
	case 't':
		o->repeated = 1;
		outcome_set(o, OUTCOME_SAVED, "De verbinding viel weg tijdens het bewaren, maar het is opgeslagen");
		break;
	case 'f':
		outcome_set(o, OUTCOME_ERROR,
			    "De verbinding viel weg tijdens het bewaren; het is NIET opgeslagen — probeer het opnieuw");
		break;
	case 'g':
		outcome_set(o, OUTCOME_GONE, "De verbinding viel weg tijdens het bewaren; het is er niet (meer) — "
					     "niet opgeslagen");
		break;
	default:
		outcome_set(o, OUTCOME_CONFLICT,
			    "De verbinding viel weg tijdens het bewaren en intussen heeft %s het gewijzigd (%s): "
			    "kijk na of jouw wijziging erin staat",
			    o->door[0] ? o->door : "een ander", o->op);
	}
	o->probe = PROBE_NONE;
	o->resolved = 1;
	return 0;
}
