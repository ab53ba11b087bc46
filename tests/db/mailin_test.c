/* mailin_test.c — documents by mail (issue 14 §4, migration 026): the
 * reply token made by balie_mail, a reply from the aanvrager filed on its
 * hulpvraag (note, bijlage, automatic status) once however often the MTA
 * delivers it, every other message in the post list with its reason and
 * the sender's answer without the hulpvraag, handling the post with a
 * version check, and every role trying each action on mail_in and
 * antwoord_token by direct SQL as balie_app. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mailin.h"
#include "db/hulpvraag.h"
#include "db/mailin.h"
#include "db/outbox.h"

#define DBNAME "t_mailin"

static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

struct world {
	struct db *su, *mail, *sec;
	long bram, cem, dirk;
	const char *datadir;
};

static struct db *app_as(struct world *w, const char *user)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(w->su, user));
	return app;
}

/* sql as db's acting account, committed when it succeeds: 0 / -1 with e. */
static int als(struct db *db, const char *sql, struct err *e)
{
	enum db_failure f;
	PGresult *r = db_exec_as_account(db, e, &f, sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

static long count(struct world *w, const char *fmt, long id)
{
	char sql[800];

	snprintf(sql, sizeof sql, fmt, id);
	return harness_long(w->su, sql);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";
	const char *src = getenv("BALIE_SRCDIR");
	char ci[512];
	struct err e;

	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, hash);
	harness_fin_adm(w->su, hash);
	harness_exec(w->su, "UPDATE hulpvraag SET aanvrager_email = 'ib@school.example.nl', aanvrager_naam = 'IB Alfa'");
	/* "aanvulling nodig" with the automatic rule for a new bijlage, as
	 * forms/po3008/aanvraag-tlv.flow has */
	harness_flow_aanvulling(w->su);
	w->bram = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Bram'");
	w->cem = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				     "WHERE d.roepnaam = 'Cem'");
	w->dirk = harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
				      "WHERE d.roepnaam = 'Dirk'");
	if (db_connect(&w->mail, harness_conninfo(ci, sizeof ci, DBNAME, "balie_mail"), &e) < 0)
		fail_msg("verbinden als balie_mail: %s", e.msg);
	w->sec = app_as(w, "sec_a");
	w->datadir = src ? src : ".";
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_free(&w->sec);
	db_free(&w->mail);
	db_free(&w->su);
	free(w);
	return 0;
}

/* Hulpvraag hv to "Aanvulling nodig" as the secretariaat does it. */
static void aanvulling(struct world *w, long hv)
{
	char sql[200];
	struct outcome o;
	int nv;

	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", hv);
	assert_int_equal(hulpvraag_set_status(w->sec, hv, (int)harness_long(w->su, sql), "Aanvulling nodig", "OPP ontbreekt",
					      w->datadir, &nv, &o),
			 OUTCOME_SAVED);
}

/* A reply token for a mail about hulpvraag hv, made as `balie mail` makes
 * it (balie_mail, antwoord_token_maak). */
static void token_voor(struct world *w, long hv, char tok[33])
{
	char sql[300];
	struct err e;
	long id;

	snprintf(sql, sizeof sql,
		 "INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) "
		 "SELECT organisatie_id, id, 'ib@school.example.nl', 'Aanvulling nodig', 'x' FROM hulpvraag WHERE id = %ld",
		 hv);
	harness_exec(w->su, sql);
	id = harness_long(w->su, "SELECT max(id) FROM outbox");
	assert_int_equal(outbox_antwoord_token(w->mail, id, tok, &e), 0);
	assert_int_equal(strlen(tok), 32);
}

/* A message from `van` to local+tok with n attachments of len bytes of
 * pdf (repeated); malloc'd. */
static char *bericht(const char *van, const char *tok, const char *onderwerp, int n, size_t len, size_t *out)
{
	size_t cap = 4096 + (size_t)n * (len * 4 / 3 + len / 38 + 400), k = 0;
	char *b = malloc(cap);
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	assert_non_null(b);
	k += (size_t)snprintf(b + k, cap - k,
			      "From: IB <%s>\nTo: secretariaat+%s@swv.example\nSubject: %s\nMIME-Version: 1.0\n"
			      "Content-Type: multipart/mixed; boundary=\"G\"\n\n--G\nContent-Type: text/plain; charset=utf-8\n\n"
			      "Hierbij de stukken.\n",
			      van, tok, onderwerp);
	for (int i = 0; i < n; i++) {
		k += (size_t)snprintf(b + k, cap - k,
				      "--G\nContent-Type: application/pdf\nContent-Disposition: attachment; "
				      "filename=\"../OPP %d.pdf\"\nContent-Transfer-Encoding: base64\n\n", i + 1);
		/* base64 of the pdf bytes repeated to len */
		size_t col = 0;
		for (size_t j = 0; j < len; j += 3) {
			unsigned char c[3];
			for (int t = 0; t < 3; t++)
				c[t] = (unsigned char)(j + t < len ? pdf[(j + t) % (sizeof pdf - 1)] : 0);
			b[k++] = b64[c[0] >> 2];
			b[k++] = b64[((c[0] & 3) << 4) | (c[1] >> 4)];
			b[k++] = j + 1 < len ? b64[((c[1] & 15) << 2) | (c[2] >> 6)] : '=';
			b[k++] = j + 2 < len ? b64[c[2] & 63] : '=';
			if ((col += 4) >= 76) {
				b[k++] = '\n';
				col = 0;
			}
		}
		b[k++] = '\n';
	}
	k += (size_t)snprintf(b + k, cap - k, "--G--\n");
	*out = k;
	return b;
}

/* Receives raw as db (acting account set) for organisatie PO1111. */
static enum outcome_kind ontvang(struct world *w, struct db *db, const char *raw, size_t len,
				 struct mailin_uitkomst *u, struct outcome *o)
{
	struct mailin m;
	struct err e;
	enum outcome_kind k;
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");

	assert_int_equal(mailin_parse(raw, len, NULL, &m, &e), 0);
	k = mailin_ontvang(db, org, &m, raw, len, w->datadir, u, o);
	mailin_release(&m);
	return k;
}

static void reply_filed_once(void **state)
{
	struct world *w = *state;
	struct mailin_uitkomst u;
	struct outcome o;
	char tok[33];
	size_t len;
	long voor = count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->bram);

	aanvulling(w, w->bram);
	token_voor(w, w->bram, tok);
	assert_int_equal(count(w, "SELECT count(*) FROM antwoord_token WHERE hulpvraag_id = %ld AND sha256 <> ''", w->bram),
			 1);
	char *raw = bericht("IB@School.example.nl", tok, "Re: Aanvulling nodig", 1, 200, &len);
	assert_int_equal(ontvang(w, w->sec, raw, len, &u, &o), OUTCOME_SAVED);
	assert_false(o.repeated);
	assert_int_equal(u.hulpvraag_id, w->bram);
	assert_int_equal(u.bijlagen, 1);
	assert_string_equal(u.reden, "");
	assert_string_equal(u.status, "Aangevuld");
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->bram), voor + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld AND naam = 'OPP 1.pdf' "
				  "AND mime = 'application/pdf' AND categorie = 'OPP'", w->bram), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM mail_in WHERE hulpvraag_id = %ld AND reden IS NULL "
				  "AND tekst = 'Hierbij de stukken.' AND bericht IS NULL", w->bram), 1);
	/* audited, without the subject or the text */
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE actie = 'mail-in-gearchiveerd' AND object_id = %ld "
				  "AND detail NOT LIKE '%%Aanvulling%%' AND detail NOT LIKE '%%stukken%%'", w->bram), 1);
	/* the MTA delivers the same message again: nothing twice */
	assert_int_equal(ontvang(w, w->sec, raw, len, &u, &o), OUTCOME_SAVED);
	assert_true(o.repeated);
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->bram), voor + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM mail_in WHERE hulpvraag_id = %ld", w->bram), 1);
	free(raw);
}

/* Receives a message and expects it in the post list with a reason that
 * contains want; returns the mail_in id. */
static long naar_post(struct world *w, const char *raw, size_t len, const char *want, int antwoord)
{
	struct mailin_uitkomst u;
	struct outcome o;
	long bijlagen = harness_long(w->su, "SELECT count(*) FROM bijlage");

	assert_int_equal(ontvang(w, w->sec, raw, len, &u, &o), OUTCOME_SAVED);
	if (!strstr(u.reden, want))
		fail_msg("reden \"%s\" noemt \"%s\" niet", u.reden, want);
	assert_int_equal(u.antwoord, antwoord);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM bijlage"), bijlagen); /* nothing attached */
	assert_int_equal(count(w, "SELECT count(*) FROM mail_in WHERE id = %ld AND reden IS NOT NULL "
				  "AND length(bericht) = grootte", u.id), 1); /* the whole message kept */
	if (antwoord)
		/* the answer: to the sender, about no hulpvraag, a fixed subject */
		assert_int_equal(count(w, "SELECT count(*) FROM outbox o JOIN mail_in m ON m.antwoord_outbox = o.id "
					  "WHERE m.id = %ld AND o.hulpvraag_id IS NULL AND o.aan = m.afzender "
					  "AND o.onderwerp = 'Uw bericht is ontvangen'", u.id), 1);
	return u.id;
}

static void everything_else_to_post(void **state)
{
	struct world *w = *state;
	char tok[33], sql[300];
	size_t len;
	char *raw;

	aanvulling(w, w->cem);
	raw = bericht("ib@school.example.nl", "ffffffffffffffffffffffffffffffff", "onbekend", 1, 100, &len);
	naar_post(w, raw, len, "onbekende antwoordcode", 1);
	free(raw);

	token_voor(w, w->cem, tok);
	raw = bericht("iemand@anders.example", tok, "andere afzender", 1, 100, &len);
	long id = naar_post(w, raw, len, "niet de aanvrager", 1);
	assert_int_equal(count(w, "SELECT hulpvraag_id FROM mail_in WHERE id = %ld", id), w->cem);
	free(raw);

	/* too many attachments: a mail bomb is kept whole, nothing attached */
	raw = bericht("ib@school.example.nl", tok, "bom", 1000, 10, &len);
	naar_post(w, raw, len, "1000 bijlagen", 1);
	free(raw);

	/* over 10 MB */
	raw = bericht("ib@school.example.nl", tok, "groot", 1, 11L * 1024 * 1024, &len);
	naar_post(w, raw, len, "meer dan 10 MB", 1);
	free(raw);

	/* expired */
	harness_exec(w->su, "UPDATE antwoord_token SET verloopt_op = now() - interval '1 day'");
	/* one long expired is cleared when balie mail makes the next token */
	harness_exec(w->su, "INSERT INTO antwoord_token (hulpvraag_id, organisatie_id, sha256, verloopt_op) "
			    "SELECT id, organisatie_id, repeat('0', 64), now() - interval '40 days' FROM hulpvraag LIMIT 1");
	raw = bericht("ib@school.example.nl", tok, "verlopen", 1, 100, &len);
	naar_post(w, raw, len, "verlopen op", 1);
	free(raw);

	/* a closed hulpvraag */
	token_voor(w, w->cem, tok);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM antwoord_token WHERE sha256 = repeat('0', 64)"), 0);
	snprintf(sql, sizeof sql, "UPDATE flow_status SET eindstatus = true WHERE naam = 'Aanvulling nodig' "
		 "AND aanvraagtype_id = (SELECT aanvraagtype_id FROM hulpvraag WHERE id = %ld)", w->cem);
	harness_exec(w->su, sql);
	raw = bericht("ib@school.example.nl", tok, "afgesloten", 1, 100, &len);
	naar_post(w, raw, len, "afgesloten", 1);
	free(raw);
	harness_exec(w->su, "UPDATE flow_status SET eindstatus = false WHERE naam = 'Aanvulling nodig'");

	/* another organisatie's token is unknown here */
	token_voor(w, w->dirk, tok);
	raw = bericht("ib@school.example.nl", tok, "andere organisatie", 1, 100, &len);
	naar_post(w, raw, len, "onbekende antwoordcode", 1);
	free(raw);

	/* no token; an automatic message is never answered (no mail loops) */
	const char *kaal = "From: ouder@thuis.example\nTo: info@swv.example\nSubject: vraag\n\nHoe gaat het?\n";
	naar_post(w, kaal, strlen(kaal), "geen antwoordcode", 1);
	const char *auto_ = "From: vakantie@school.example.nl\nTo: x@swv.example\nAuto-Submitted: auto-replied\n"
			    "Subject: Afwezig\n\nIk ben afwezig.\n";
	naar_post(w, auto_, strlen(auto_), "geen antwoordcode", 0);
}

static void post_handled_with_version(void **state)
{
	struct world *w = *state;
	struct post_rij *rows;
	struct outcome o;
	struct err e;
	int n, meer;
	char *tekst;
	const char *raw = "From: ouder@thuis.example\nTo: info@swv.example\nSubject: los\n\nlosse vraag\n";

	naar_post(w, raw, strlen(raw), "geen antwoordcode", 1);
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	assert_int_equal(post_lijst(w->sec, org, 0, 100, &rows, &n, &meer, &e), 0);
	assert_true(n >= 1);
	struct post_rij r = rows[n - 1]; /* oldest first: the newest is last */
	free(rows);
	assert_string_equal(r.onderwerp, "los");
	assert_int_equal(post_tekst(w->sec, r.id, &tekst, &e), 0);
	assert_string_equal(tekst, "losse vraag\n");
	free(tekst);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE actie = 'post-bekeken' AND object_id = %ld", r.id),
			 1);
	/* a coördinator may not handle the post */
	struct db *coord = app_as(w, "coord_a");
	assert_int_not_equal(post_afhandelen(coord, r.id, r.version, &o), OUTCOME_SAVED);
	db_free(&coord);
	assert_int_equal(post_afhandelen(w->sec, r.id, r.version, &o), OUTCOME_SAVED);
	/* someone else first: the version says so */
	assert_int_equal(post_afhandelen(w->sec, r.id, r.version, &o), OUTCOME_CONFLICT);
	assert_int_equal(post_lijst(w->sec, org, 0, 100, &rows, &n, &meer, &e), 0);
	for (int i = 0; i < n; i++)
		assert_int_not_equal(rows[i].id, r.id);
	free(rows);
}

/* Every role, by direct SQL as balie_app: who reads, receives, handles. */
static void every_role_direct_sql(void **state)
{
	struct world *w = *state;
	static const struct {
		const char *user;
		int post; /* may receive and handle post */
	} rollen[] = {
		{ "sec_a", 1 }, { "coord_a", 0 }, { "fin_a", 0 }, { "adm_a", 0 }, { "school_a", 0 },
		{ "extern_a", 0 }, { "geen", 0 }, { "sec_b", 0 },
	};
	const char *raw = "From: x@y.example\nTo: info@swv.example\nSubject: rollen\n\nx\n";
	char sql[900];
	struct err e;

	naar_post(w, raw, strlen(raw), "geen antwoordcode", 1);
	long post_a = harness_long(w->su, "SELECT count(*) FROM mail_in m JOIN organisatie o ON o.id = m.organisatie_id "
					  "WHERE o.code = 'PO1111' AND reden IS NOT NULL");
	long org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	long open_id = harness_long(w->su, "SELECT max(id) FROM mail_in WHERE afgehandeld_op IS NULL AND reden IS NOT NULL");
	for (size_t i = 0; i < sizeof rollen / sizeof *rollen; i++) {
		struct db *db = app_as(w, rollen[i].user);
		long acc = harness_account(w->su, rollen[i].user);
		/* read the post rows */
		long zien = harness_long(db, "SELECT count(*) FROM mail_in WHERE reden IS NOT NULL");
		if (rollen[i].post)
			assert_int_equal(zien, post_a);
		else if (zien != 0)
			fail_msg("%s ziet %ld postberichten", rollen[i].user, zien);
		/* receive: a post row of its own */
		snprintf(sql, sizeof sql,
			 "INSERT INTO mail_in (organisatie_id, afzender, onderwerp, tekst, reden, bericht, grootte, "
			 "idempotentie, ontvangen_door) VALUES (%ld, 'a@b.nl', 's', 't', 'r', '\\x00', 1, "
			 "encode(sha256('%s'::bytea), 'hex'), %ld)",
			 org_a, rollen[i].user, acc);
		if ((als(db, sql, &e) == 0) != rollen[i].post)
			fail_msg("%s: post ontvangen %s: %s", rollen[i].user, rollen[i].post ? "geweigerd" : "toegestaan", e.msg);
		/* file a note on Bram's hulpvraag without the right */
		snprintf(sql, sizeof sql,
			 "INSERT INTO mail_in (organisatie_id, hulpvraag_id, afzender, onderwerp, tekst, grootte, "
			 "idempotentie, ontvangen_door) VALUES (%ld, %ld, 'a@b.nl', 's', 't', 1, "
			 "encode(sha256('n%s'::bytea), 'hex'), %ld)",
			 org_a, w->bram, rollen[i].user, acc);
		if ((als(db, sql, &e) == 0) != rollen[i].post)
			fail_msg("%s: notitie archiveren %s", rollen[i].user, rollen[i].post ? "geweigerd" : "toegestaan");
		/* handle a post row */
		snprintf(sql, sizeof sql,
			 "UPDATE mail_in SET afgehandeld_op = now(), afgehandeld_door = %ld WHERE id = %ld "
			 "RETURNING id", acc, open_id);
		long hit = 0;
		if (als(db, sql, &e) == 0) {
			snprintf(sql, sizeof sql, "SELECT count(*) FROM mail_in WHERE id = %ld AND afgehandeld_door = %ld",
				 open_id, acc);
			hit = harness_long(w->su, sql);
		}
		assert_int_equal(hit, rollen[i].post);
		if (hit)
			harness_exec(w->su, "UPDATE mail_in SET afgehandeld_op = NULL, afgehandeld_door = NULL");
		/* nobody deletes, nobody rewrites what came in */
		snprintf(sql, sizeof sql, "DELETE FROM mail_in WHERE id = %ld", open_id);
		assert_int_equal(als(db, sql, &e), -1);
		snprintf(sql, sizeof sql, "UPDATE mail_in SET tekst = 'anders' WHERE id = %ld", open_id);
		assert_int_equal(als(db, sql, &e), -1);
		/* tokens: never read, never made by balie_app; looking one up
		 * answers only who handles the post */
		assert_int_equal(als(db, "SELECT count(*) FROM antwoord_token", &e), -1);
		assert_int_equal(als(db, "SELECT antwoord_token_maak(1)", &e), -1);
		/* an answer only for a post row received in this transaction */
		snprintf(sql, sizeof sql, "SELECT post_antwoord(%ld)", open_id);
		assert_int_equal(als(db, sql, &e), -1);
		db_free(&db);
	}
	/* an outbox row is never written by balie_app for a sender it chose */
	assert_int_equal(als(w->sec, "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
					     "SELECT id, 'a@b.nl', 's', 't' FROM organisatie WHERE code = 'PO1111'", &e),
			 -1);
	/* the token look-up answers only an account that handles the post */
	char tok[33];
	token_voor(w, w->bram, tok);
	struct db *coord = app_as(w, "coord_a");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM antwoord_token_zoek('%s', 'ib@school.example.nl')", tok);
	assert_int_equal(harness_long(coord, sql), 0);
	assert_int_equal(harness_long(w->sec, sql), 1);
	db_free(&coord);
}

/* A person files a post message after all: on the hulpvraag chosen, text
 * and attachments, the row afgehandeld, in one go; a bomb stays; an
 * unknown nummer or a row handled first says so. */
static void post_filed_by_hand(void **state)
{
	struct world *w = *state;
	struct mailin_uitkomst u;
	struct outcome o;
	size_t len;
	char *raw = bericht("collega@school.example.nl", "ffffffffffffffffffffffffffffffff", "verslag", 1, 300, &len);
	long id = naar_post(w, raw, len, "onbekende antwoordcode", 1);
	int version = (int)count(w, "SELECT version FROM mail_in WHERE id = %ld", id);
	long nummer = count(w, "SELECT nummer FROM hulpvraag WHERE id = %ld", w->cem);
	long voor = count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->cem);

	free(raw);
	assert_int_equal(post_toevoegen(w->sec, id, version, 999999, w->datadir, &u, &o), OUTCOME_GONE);
	struct db *coord = app_as(w, "coord_a"); /* no post right: the row is not even there */
	assert_int_equal(post_toevoegen(coord, id, version, nummer, w->datadir, &u, &o), OUTCOME_GONE);
	db_free(&coord);
	assert_int_equal(post_toevoegen(w->sec, id, version, nummer, w->datadir, &u, &o), OUTCOME_SAVED);
	assert_int_equal(u.bijlagen, 1);
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->cem), voor + 1);
	assert_int_equal(count(w, "SELECT count(*) FROM mail_in WHERE hulpvraag_id = %ld AND reden IS NULL "
				  "AND afzender = 'collega@school.example.nl'", w->cem), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM mail_in WHERE id = %ld AND afgehandeld_op IS NOT NULL", id), 1);
	assert_int_equal(count(w, "SELECT count(*) FROM audit_log WHERE actie = 'post-toegevoegd' AND object_id = %ld", id),
			 1);
	/* again: handled already */
	assert_int_equal(post_toevoegen(w->sec, id, version, nummer, w->datadir, &u, &o), OUTCOME_GONE);
	/* a bomb is never filed, also not by hand */
	raw = bericht("ib@school.example.nl", "ffffffffffffffffffffffffffffffff", "bom2", 30, 10, &len);
	id = naar_post(w, raw, len, "30 bijlagen", 1);
	free(raw);
	version = (int)count(w, "SELECT version FROM mail_in WHERE id = %ld", id);
	assert_int_equal(post_toevoegen(w->sec, id, version, nummer, w->datadir, &u, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "30 bijlagen"));
	assert_int_equal(count(w, "SELECT count(*) FROM bijlage WHERE hulpvraag_id = %ld", w->cem), voor + 1);
}

/* 033: a handled post row's raw message is wiped after the bewaartermijn
 * by `balie mail` (balie_mail), each wipe audited; a younger or open row
 * keeps it; balie_app cannot call it; a term under a day is refused. */
static void post_bewaartermijn(void **state)
{
	struct world *w = *state;
	long sec = harness_account(w->su, "sec_a"), n = -1;
	char sql[1024];
	struct err e;
	static const char *const handled[] = { "now() - interval '31 days'", "now() - interval '29 days'", "NULL" };

	for (int i = 0; i < 3; i++) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO mail_in (organisatie_id, afzender, onderwerp, tekst, reden, bericht, grootte, "
			 "ontvangen_door, idempotentie, ontvangen_op, afgehandeld_op, afgehandeld_door) "
			 "SELECT r.organisatie_id, 'x@y.nl', 'bewaar %d', 'tekst', 'onbekende afzender', '\\x41'::bytea, 1, "
			 "%ld, encode(sha256('bewaartermijn %d'::bytea), 'hex'), now() - interval '40 days', %s, "
			 "CASE WHEN %s IS NULL THEN NULL ELSE %ld END FROM account_rol r WHERE r.account_id = %ld LIMIT 1",
			 i, sec, i, handled[i], handled[i], sec, sec);
		harness_exec(w->su, sql);
	}
	assert_int_equal(post_opschonen(w->sec, 30, &n, &e), -1); /* balie_app: not its job */
	/* nor the report or auth role's, by direct SQL */
	static const char *const other[] = { "balie_report", "balie_auth" };
	for (int i = 0; i < 2; i++) {
		char ci[512];
		struct db *o = NULL;

		assert_int_equal(db_connect(&o, harness_conninfo(ci, sizeof ci, DBNAME, other[i]), &e), 0);
		assert_int_equal(harness_try(o, "SELECT balie.post_opschonen(1)", &e), -1);
		assert_int_equal(harness_try(o, "SELECT balie.account_dienst_add('x-dienst', 'X', '$argon2id$x')", &e), -1);
		db_free(&o);
	}
	assert_int_equal(post_opschonen(w->mail, 0, &n, &e), -1);
	assert_int_equal(post_opschonen(w->mail, 30, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM mail_in WHERE onderwerp = 'bewaar 0' AND bericht IS NULL"), 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM mail_in WHERE onderwerp IN ('bewaar 1', 'bewaar 2') "
					     "AND bericht IS NOT NULL"), 2);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM audit_log a JOIN mail_in m ON m.id = a.object_id "
					     "WHERE a.actie = 'post-bericht-gewist' AND m.onderwerp = 'bewaar 0'"), 1);
	assert_int_equal(post_opschonen(w->mail, 30, &n, &e), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reply_filed_once),
		cmocka_unit_test(everything_else_to_post),
		cmocka_unit_test(post_handled_with_version),
		cmocka_unit_test(post_filed_by_hand),
		cmocka_unit_test(every_role_direct_sql),
		cmocka_unit_test(post_bewaartermijn),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
