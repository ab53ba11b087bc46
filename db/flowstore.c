/* flowstore.c — write a loaded flow profile as a new flow_version. */
#include "db/flowstore.h"

#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A content hash over everything that is stored, so reloading an unchanged
 * folder is a no-op. */
static void profile_hash(const struct flow_profile *p, const char *code, char hex[65])
{
	crypto_hash_sha256_state h;
	unsigned char out[crypto_hash_sha256_BYTES];
	char buf[64];

	crypto_hash_sha256_init(&h);
#define ADD(s) crypto_hash_sha256_update(&h, (const unsigned char *)(s), strlen(s) + 1)
	ADD(code);
	ADD(p->name);
	for (size_t i = 0; i < p->ntypes; i++) {
		const struct flow_type *t = p->types[i];
		ADD(t->name);
		ADD(t->category);
		snprintf(buf, sizeof buf, "%d/%d/%d", t->first, (int)t->coordinator, t->is_default);
		ADD(buf);
		for (size_t j = 0; j < t->ntitles; j++)
			ADD(t->titles[j]);
		for (size_t j = 0; j < t->nstatuses; j++) {
			ADD(t->statuses[j].name);
			snprintf(buf, sizeof buf, "%d/%d/%d/%d", t->statuses[j].final, t->statuses[j].hidden,
				 t->statuses[j].controleren, t->statuses[j].aanvulling);
			ADD(buf);
		}
		for (size_t j = 0; j < t->ntransitions; j++) {
			const struct flow_transition *x = &t->transitions[j];
			snprintf(buf, sizeof buf, "%d>%d:%u:%d", x->from, x->to, x->roles, x->reason);
			ADD(buf);
		}
		for (size_t j = 0; j < t->non_bijlage; j++) {
			snprintf(buf, sizeof buf, "b%d>%d", t->on_bijlage[j].from, t->on_bijlage[j].to);
			ADD(buf);
		}
		for (size_t j = 0; j < t->compleet.nitems; j++) {
			const struct compleet_item *it = &t->compleet.items[j];
			ADD(it->omschrijving);
			ADD(it->melding);
			for (size_t k = 0; k < it->nalleen_in; k++)
				ADD(it->alleen_in[k]);
			for (size_t k = 0; k < it->nalt; k++) {
				const struct compleet_cond *c = &it->alt[k];
				snprintf(buf, sizeof buf, "c%d/%d/%d/%d", (int)c->kind, c->eerste, c->getal, c->line);
				ADD(buf);
				ADD(c->arg ? c->arg : "");
				ADD(c->veld ? c->veld : "");
				ADD(c->waarde ? c->waarde : "\x01");
			}
		}
		for (size_t j = 0; j < t->nagenda; j++) {
			const struct flow_agenda *a = &t->agenda[j];
			ADD(a->commissie);
			for (size_t k = 0; k < a->nklaar; k++) {
				snprintf(buf, sizeof buf, "k%d", a->klaar[k]);
				ADD(buf);
			}
			snprintf(buf, sizeof buf, "a%d/%d/%d/%d", a->gepland, a->uitkomst[0], a->uitkomst[1],
				 a->uitkomst[2]);
			ADD(buf);
		}
	}
#undef ADD
	crypto_hash_sha256_final(&h, out);
	sodium_bin2hex(hex, 65, out, sizeof out);
}

/* The status category: the part before '>' in "TLV>aanvraag" (seed 004
 * style), else the aanvraagtype's category. */
static void status_category(const struct flow_type *t, const char *status, char *buf, size_t len)
{
	const char *gt = strchr(status, '>');
	if (gt && gt > status)
		snprintf(buf, len, "%.*s", (int)(gt - status), status);
	else
		snprintf(buf, len, "%s", t->category);
}

static PGresult *q(struct db *db, struct err *e, const char *sql, int n, const char *const *p)
{
	return db_exec(db, e, NULL, sql, n, p);
}

/* Runs sql and drops the result; 0 / -1. */
static int run(struct db *db, struct err *e, const char *sql, int n, const char *const *p)
{
	PGresult *r = q(db, e, sql, n, p);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

/* The checklist (migration 011): one compleet_regel per item, one
 * compleet_voorwaarde per alternative. */
static int store_compleet(struct db *db, const char *at, const struct flow_type *t, struct err *e)
{
	for (size_t i = 0; i < t->compleet.nitems; i++) {
		const struct compleet_item *it = &t->compleet.items[i];
		char nr[24], arr[4096];
		size_t used = 0;

		/* alleen_in as a text[] literal: {"a","b"} with \ and " escaped */
		arr[used++] = '{';
		for (size_t k = 0; k < it->nalleen_in; k++) {
			if (k && used < sizeof arr)
				arr[used++] = ',';
			if (used < sizeof arr)
				arr[used++] = '"';
			for (const char *c = it->alleen_in[k]; *c && used + 2 < sizeof arr; c++) {
				if (*c == '"' || *c == '\\')
					arr[used++] = '\\';
				arr[used++] = *c;
			}
			if (used < sizeof arr)
				arr[used++] = '"';
		}
		if (used + 2 > sizeof arr)
			return err_set(e, "%s: 'alleen_in' is te lang", t->file);
		arr[used++] = '}';
		arr[used] = '\0';
		snprintf(nr, sizeof nr, "%zu", i + 1);
		const char *rp[5] = {at, nr, it->omschrijving, it->melding, arr};
		if (run(db, e,
			"INSERT INTO compleet_regel (aanvraagtype_id, nr, omschrijving, melding, alleen_in) "
			"VALUES ($1, $2, $3, $4, $5)",
			5, rp) < 0)
			return -1;
		for (size_t k = 0; k < it->nalt; k++) {
			const struct compleet_cond *c = &it->alt[k];
			char alt[24], getal[16], regel[16];
			snprintf(alt, sizeof alt, "%zu", k + 1);
			snprintf(getal, sizeof getal, "%d", c->getal);
			snprintf(regel, sizeof regel, "%d", c->line);
			const char *cp[10] = {at, nr, alt, compleet_kind_names[c->kind], c->arg, c->veld, c->waarde,
					      c->eerste ? "t" : "f", getal, regel};
			if (run(db, e,
				"INSERT INTO compleet_voorwaarde (aanvraagtype_id, nr, alt, soort, arg, veld, waarde, "
				"eerste, getal, regel) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
				10, cp) < 0)
				return -1;
		}
	}
	return 0;
}

/* The flow's agenda rules (migration 016's flow_agenda), and a commissie
 * row for each commissie they name that the organisatie does not have yet
 * (code as its name until the admin names it; the defaults of the table
 * for deadline and access).  A rule with `afspraak = true` marks its
 * commissie as the coördinator's own appointments (migration 029). */
static int store_agenda(struct db *db, const char *org, const char *at, const struct flow_type *t, struct err *e)
{
	for (size_t i = 0; i < t->nagenda; i++) {
		const struct flow_agenda *a = &t->agenda[i];
		char van[4096] = "";
		size_t used = 0;
		const char *naar[FLOW_UITKOMSTEN + 1];
		const char *cp[3] = { org, a->commissie, a->afspraak ? "t" : "f" };

		for (size_t k = 0; k < a->nklaar; k++) {
			int w = snprintf(van + used, sizeof van - used, "%s%s", k ? "\x1f" : "",
					 t->statuses[a->klaar[k]].name);
			if (w < 0 || (size_t)w >= sizeof van - used)
				return err_set(e, "agenda %s: te veel statussen in klaar", a->commissie);
			used += (size_t)w;
		}
		naar[0] = a->gepland >= 0 ? t->statuses[a->gepland].name : NULL;
		for (int u = 0; u < FLOW_UITKOMSTEN; u++)
			naar[u + 1] = a->uitkomst[u] >= 0 ? t->statuses[a->uitkomst[u]].name : NULL;
		const char *ap[7] = { at, a->commissie, van, naar[0], naar[1], naar[2], naar[3] };
		if (run(db, e,
			"INSERT INTO commissie (organisatie_id, code, naam, afspraak) VALUES ($1, $2, $2, $3) "
			"ON CONFLICT (organisatie_id, code) DO UPDATE SET afspraak = true "
			"WHERE $3 AND NOT commissie.afspraak",
			3, cp) < 0 ||
		    run(db, e,
			"INSERT INTO flow_agenda (aanvraagtype_id, commissie, van, naar, toegekend, afgewezen, aangehouden) "
			"VALUES ($1, $2, string_to_array($3, E'\\x1f'), $4, $5, $6, $7)",
			7, ap) < 0)
			return -1;
	}
	return 0;
}

static int store_type(struct db *db, const char *org, const char *fv, const struct flow_type *t, struct err *e)
{
	const char *p[10];
	char cat[FLOW_MAX_NAME + 1], vol[24], reason[2];

	p[0] = org;
	p[1] = fv;
	p[2] = t->name;
	p[3] = t->name;
	p[4] = t->category;
	p[5] = t->statuses[t->first].name;
	p[6] = t->coordinator == FLOW_COORD_SCHOLENKRING ? "t" : "f"; /* migration 006 */
	p[7] = t->toelichting;    /* migration 017 */
	p[8] = t->standaardtekst;
	p[9] = t->is_default ? "t" : "f";
	PGresult *r = q(db, e,
			"INSERT INTO aanvraagtype (organisatie_id, flow_version_id, code, naam, categorie, eerste_status, "
			"coordinator_scholenkring, toelichting, standaardtekst, standaard) "
			"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
			10, p);
	if (!r)
		return -1;
	char at[24];
	snprintf(at, sizeof at, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);

	for (size_t i = 0; i < t->ntitles; i++) {
		const char *tp[2] = {at, t->titles[i]};
		if (run(db, e, "INSERT INTO aanvraagtype_titel (aanvraagtype_id, titel) VALUES ($1, $2)", 2, tp) < 0)
			return -1;
	}
	for (size_t i = 0; i < t->nstatuses; i++) {
		const struct flow_status *s = &t->statuses[i];
		status_category(t, s->name, cat, sizeof cat);
		snprintf(vol, sizeof vol, "%zu", i);
		const char *sp[8] = {at, s->name, cat, s->final ? "t" : "f", s->hidden ? "t" : "f", vol,
				     s->controleren ? "t" : "f", s->aanvulling ? "t" : "f"};
		if (run(db, e,
			"INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde, "
			"controleren, aanvulling) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
			8, sp) < 0)
			return -1;
	}
	/* One row per (from, to, role): the database trigger checks a status
	 * change against exactly these rows. */
	for (size_t i = 0; i < t->ntransitions; i++) {
		const struct flow_transition *x = &t->transitions[i];
		for (int role = 0; role < FLOW_ROLE_COUNT; role++) {
			if (!(x->roles & FLOW_ROLE_BIT(role)))
				continue;
			snprintf(reason, sizeof reason, "%c", x->reason ? 't' : 'f');
			const char *xp[5] = {at, t->statuses[x->from].name, t->statuses[x->to].name,
					     flow_roles[role].name, reason};
			if (run(db, e,
				"INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol, reden_verplicht) "
				"VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
				5, xp) < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < t->non_bijlage; i++) {
		const struct flow_rule *b = &t->on_bijlage[i];
		const char *bp[4] = {at, t->statuses[b->from].name, t->statuses[b->to].name, "automatisch"};
		if (run(db, e,
			"INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol, reden_verplicht) "
			"VALUES ($1, $2, $3, $4, false) ON CONFLICT DO NOTHING",
			4, bp) < 0)
			return -1;
	}
	if (store_agenda(db, org, at, t, e) < 0)
		return -1;
	return store_compleet(db, at, t, e);
}

int flowstore_publish(struct db *db, const struct flow_profile *p, const char *org_code, const char *who,
		      int *versie, int *nieuw, struct err *e)
{
	const char *code = org_code && *org_code ? org_code : p->code;
	char hash[65], org[24], fv[24], vers[16];
	const char *prm[4];

	*nieuw = 0;
	*versie = 0;
	profile_hash(p, code, hash);
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;

	prm[0] = code;
	PGresult *r = q(db, e, "SELECT id FROM organisatie WHERE code = upper($1) FOR UPDATE", 1, prm);
	if (!r)
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		if (!p->name || !p->name[0]) {
			err_set(e, "organisatie %s bestaat niet (en %s/profiel.conf geeft geen naam om haar aan te maken)",
				code, p->dir);
			goto fail;
		}
		const char *base = strrchr(p->dir, '/');
		base = base && base[1] ? base + 1 : p->dir;
		const char *ip[3] = {code, p->name, base};
		enum db_failure kind;
		r = db_exec(db, e, &kind, "INSERT INTO organisatie (code, naam, profiel) VALUES (upper($1), $2, $3) RETURNING id",
			    3, ip);
		if (!r) {
			if (kind == DB_CHECK_VIOLATION)
				err_set(e, "'%s' is geen organisatiecode (PO of VO en 4 cijfers, bijv. PO3008): "
					   "geef er een met --organisatie", code);
			goto fail;
		}
	}
	snprintf(org, sizeof org, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);

	prm[0] = org;
	r = q(db, e,
	      "SELECT versie, bron_sha256 FROM flow_version WHERE organisatie_id = $1 ORDER BY versie DESC LIMIT 1",
	      1, prm);
	if (!r)
		goto fail;
	int latest = PQntuples(r) ? atoi(PQgetvalue(r, 0, 0)) : 0;
	int same = PQntuples(r) && !strcmp(PQgetvalue(r, 0, 1), hash);
	PQclear(r);
	if (same) {
		db_rollback(db);
		*versie = latest;
		return 0;
	}
	snprintf(vers, sizeof vers, "%d", latest + 1);
	const char *vp[4] = {org, vers, who, hash};
	r = q(db, e,
	      "INSERT INTO flow_version (organisatie_id, versie, geladen_door, bron_sha256) "
	      "VALUES ($1, $2, $3, $4) RETURNING id",
	      4, vp);
	if (!r)
		goto fail;
	snprintf(fv, sizeof fv, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	for (size_t i = 0; i < p->ntypes; i++)
		if (store_type(db, org, fv, p->types[i], e) < 0)
			goto fail;
	if (db_commit(db, e) < 0)
		return -1;
	*versie = latest + 1;
	*nieuw = 1;
	return 0;
fail:
	db_rollback(db);
	return -1;
}
