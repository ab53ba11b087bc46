/* auth.c — login: password (argon2id), TOTP, failure counting; see auth.h. */
#include "db/auth.h"

#include "core/statuswissel.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/totp.h"
#include "core/totpzegel.h"
#include "core/wachtwoord.h"
#include "db/audit.h"

struct account_row {
	long id;
	char hash[WACHTWOORD_HASH_LEN + 32];
	char totp_secret[TOTPZEGEL_LEN]; /* sealed (core/totpzegel.h) */
	long long totp_last_step;
	int blocked;
};

/* The key TOTP secrets are sealed with (auth_set_totp_key); only the
 * auth helper's process and `balie admin` ever load it. */
static unsigned char totp_key[TOTPZEGEL_KEY_LEN];
static int totp_key_set;

void auth_set_totp_key(const unsigned char *key)
{
	if (key) {
		memcpy(totp_key, key, sizeof totp_key);
		totp_key_set = 1;
	} else {
		explicit_bzero(totp_key, sizeof totp_key);
		totp_key_set = 0;
	}
}

/* The base32 secret of a stored one: opened when sealed, as stored when
 * still in the clear (from before 032, until the helper seals it).
 * 0, or -1 with e (no key, or it does not open). */
static int secret_of(const struct account_row *a, char *b32, size_t len, struct err *e)
{
	if (!totpzegel_is_sealed(a->totp_secret)) {
		if (strlen(a->totp_secret) >= len)
			return err_set(e, "TOTP-geheim te lang");
		memcpy(b32, a->totp_secret, strlen(a->totp_secret) + 1);
		return 0;
	}
	if (!totp_key_set)
		return err_set(e, "de TOTP-sleutel is niet geladen (totp_sleutel in balie.conf)");
	return totpzegel_open(totp_key, a->id, a->totp_secret, b32, len, e);
}

/* 1 found, 0 unknown username, -1 database error. */
static int lookup(struct db *db, const char *username, struct account_row *a, struct err *e)
{
	const char *p[1] = {username};
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT id, wachtwoord_hash, coalesce(totp_secret, ''), "
			      "coalesce(totp_last_step, -1), blocked FROM auth_lookup($1)",
			      1, p);
	if (!r)
		return -1;
	int found = PQntuples(r) == 1;
	if (found) {
		a->id = atol(PQgetvalue(r, 0, 0));
		snprintf(a->hash, sizeof a->hash, "%s", PQgetvalue(r, 0, 1));
		snprintf(a->totp_secret, sizeof a->totp_secret, "%s", PQgetvalue(r, 0, 2));
		a->totp_last_step = atoll(PQgetvalue(r, 0, 3));
		a->blocked = PQgetvalue(r, 0, 4)[0] == 't';
	}
	PQclear(r);
	return found;
}

/* Counts one failure; returns AUTH_BLOCKED when this one blocked it. */
static enum auth_result count_failure(struct db *db, long id, const char *what, struct err *e)
{
	char sid[24];
	snprintf(sid, sizeof sid, "%ld", id);
	const char *p[1] = {sid};
	PGresult *r = db_exec(db, e, NULL, "SELECT failed, blocked FROM auth_fail($1)", 1, p);
	if (!r)
		return AUTH_ERROR;
	int blocked = PQntuples(r) == 1 && PQgetvalue(r, 0, 1)[0] == 't';
	PQclear(r);
	audit_write(db, id, 0, blocked ? "login-geblokkeerd" : "login-mislukt", "account", id, what, e);
	return blocked ? AUTH_BLOCKED : AUTH_FAILED;
}

/* Loads naam and the organisatie (org_code, or the first) into s. */
static enum auth_result open_session(struct db *db, long id, const char *org_code, struct session *s,
				     struct err *e)
{
	char sid[24];
	snprintf(sid, sizeof sid, "%ld", id);
	const char *p[2] = {sid, org_code && *org_code ? org_code : NULL};
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT a.username, a.naam, o.id, o.code, o.naam, "
			      "       string_agg(r.rol, ', ' ORDER BY r.rol), "
			      "       bool_or(r.rol IN ('secretariaat','financieel','coordinator','admin')) "
			      "  FROM account a JOIN account_rol r ON r.account_id = a.id "
			      "  JOIN organisatie o ON o.id = r.organisatie_id "
			      " WHERE a.id = $1 AND ($2::text IS NULL OR o.code = upper($2)) "
			      " GROUP BY a.username, a.naam, o.id, o.code, o.naam ORDER BY o.code LIMIT 1",
			      2, p);
	if (!r)
		return AUTH_ERROR;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return AUTH_NO_ORG;
	}
	memset(s, 0, sizeof *s);
	s->account_id = id;
	snprintf(s->username, sizeof s->username, "%s", PQgetvalue(r, 0, 0));
	snprintf(s->naam, sizeof s->naam, "%s", PQgetvalue(r, 0, 1));
	s->organisatie_id = atol(PQgetvalue(r, 0, 2));
	snprintf(s->organisatie_code, sizeof s->organisatie_code, "%s", PQgetvalue(r, 0, 3));
	snprintf(s->organisatie_naam, sizeof s->organisatie_naam, "%s", PQgetvalue(r, 0, 4));
	snprintf(s->rollen, sizeof s->rollen, "%s", PQgetvalue(r, 0, 5));
	s->roles = statuswissel_rollen(s->rollen);
	s->internal = PQgetvalue(r, 0, 6)[0] == 't';
	PQclear(r);
	return AUTH_OK;
}

/* A new session for s (after every check passed): its token into
 * s->token.  The database refuses a blocked account (NULL). */
static enum auth_result new_token(struct db *db, struct session *s, const char *soort, struct err *e)
{
	char sid[24], org[24];
	snprintf(sid, sizeof sid, "%ld", s->account_id);
	snprintf(org, sizeof org, "%ld", s->organisatie_id);
	const char *p[4] = {sid, org, soort, db_client_host()};
	PGresult *r = db_exec(db, e, NULL, "SELECT sessie_openen($1, $2, $3, $4)", 4, p);
	if (!r)
		return AUTH_ERROR;
	int ok = PQntuples(r) == 1 && !PQgetisnull(r, 0, 0);
	if (ok)
		snprintf(s->token, sizeof s->token, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return ok ? AUTH_OK : AUTH_BLOCKED;
}

/* A new hash of password when a's hash was made with other parameters than
 * params; NULL when it is current (or hashing failed: keep the old one). */
static const char *rehash(const struct account_row *a, const char *password, const struct wachtwoord_params *params,
			  char out[WACHTWOORD_HASH_LEN])
{
	if (!password || !wachtwoord_needs_rehash(a->hash, params))
		return NULL;
	return wachtwoord_hash(password, params, out, NULL) == 0 ? out : NULL;
}

/* The password was right: reset the failure counter, store a new hash when
 * the parameters changed.  0 / -1. */
static int mark_ok(struct db *db, const struct account_row *a, const char *password,
		   const struct wachtwoord_params *params, struct err *e)
{
	char newhash[WACHTWOORD_HASH_LEN], sid[24];
	snprintf(sid, sizeof sid, "%ld", a->id);
	const char *p[2] = {sid, rehash(a, password, params, newhash)};
	PGresult *r = db_exec(db, e, NULL, "SELECT auth_ok($1, $2)", 2, p);
	if (!r)
		return -1;
	PQclear(r);
	return 0;
}

/* A wrong password for a: counted, also on a blocked account (the audit
 * then shows guessing that goes on after the block). */
static enum auth_result wrong_password(struct db *db, const struct account_row *a, const char *what, struct err *e)
{
	enum auth_result res = count_failure(db, a->id, what, e);
	return a->blocked && res == AUTH_FAILED ? AUTH_BLOCKED : res;
}

/* Both factors passed: reset the counter, rehash when the parameters
 * changed, open the session. */
static enum auth_result succeed(struct db *db, const struct account_row *a, const char *password,
				const struct wachtwoord_params *params, const char *org_code, struct session *s,
				struct err *e)
{
	if (mark_ok(db, a, password, params, e) < 0)
		return AUTH_ERROR;
	enum auth_result res = open_session(db, a->id, org_code, s, e);
	if (res == AUTH_OK)
		res = new_token(db, s, "tui", e);
	if (res == AUTH_OK)
		audit_write(db, a->id, s->organisatie_id, "login", "account", a->id, "", e);
	return res;
}

enum auth_result auth_session_for(struct db *db, const char *username, const char *org_code, struct session *s,
				  struct err *e)
{
	struct account_row a;
	int found = lookup(db, username, &a, e);

	if (found < 0)
		return AUTH_ERROR;
	if (!found)
		return AUTH_FAILED;
	if (a.blocked)
		return AUTH_BLOCKED;
	enum auth_result r = open_session(db, a.id, org_code, s, e);
	if (r == AUTH_OK)
		r = new_token(db, s, "cli", e);
	if (r != AUTH_OK)
		return r;
	if (audit_write(db, s->account_id, s->organisatie_id, "cli-sessie", "account", s->account_id, "", e) < 0)
		return AUTH_ERROR;
	return AUTH_OK;
}

enum auth_result auth_password(struct db *db, const char *username, const char *password,
			       const char *org_code, struct session *s, struct err *e)
{
	return auth_password_p(db, NULL, username, password, org_code, s, e);
}

/* A failed login must take the same time whether the name exists, whether
 * its hash was made with an older (cheaper or dearer) argon2 cost, and
 * whether it is blocked: else the clock tells real names from made-up ones
 * (measured: accounts with an old-cost hash answered ~60 ms faster).  Every
 * failure therefore ends at the same moment after it began: at least
 * AUTH_FAIL_MIN_MS, and at least twice the time one verification takes at
 * the configured cost (measured once per process), so that any hash within
 * a factor two of today's cost is covered.  A success is not padded: it
 * tells nothing to someone who does not know the password. */
#define AUTH_FAIL_MIN_MS 500

static long long ns_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)(t.tv_sec - t0->tv_sec) * 1000000000LL + (t.tv_nsec - t0->tv_nsec);
}

static void pad_failure(const struct timespec *t0, const struct wachtwoord_params *params)
{
	/* measured for the cost in use (balie.conf fixes it per process; a
	 * caller with other params measures again) */
	static long long verify_ns;
	static struct wachtwoord_params measured;
	struct wachtwoord_params cur;
	long long target, left;

	if (params)
		cur = *params;
	else
		wachtwoord_params_default(&cur);
	if (verify_ns == 0 || cur.opslimit != measured.opslimit || cur.memlimit != measured.memlimit) {
		struct timespec m;

		measured = cur;
		clock_gettime(CLOCK_MONOTONIC, &m);
		wachtwoord_verify_dummy("meting", params);
		verify_ns = ns_since(&m);
	}
	target = 2 * verify_ns > AUTH_FAIL_MIN_MS * 1000000LL ? 2 * verify_ns : AUTH_FAIL_MIN_MS * 1000000LL;
	left = target - ns_since(t0);
	if (left > 0) {
		struct timespec d = { (time_t)(left / 1000000000LL), (long)(left % 1000000000LL) };

		while (nanosleep(&d, &d) < 0 && errno == EINTR)
			;
	}
}

static enum auth_result password_attempt(struct db *db, const struct wachtwoord_params *params,
					 const char *username, const char *password, const char *org_code,
					 struct session *s, struct err *e);

enum auth_result auth_password_p(struct db *db, const struct wachtwoord_params *params, const char *username,
				 const char *password, const char *org_code, struct session *s, struct err *e)
{
	struct timespec t0;
	enum auth_result res;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	res = password_attempt(db, params, username, password, org_code, s, e);
	if (res == AUTH_FAILED || res == AUTH_BLOCKED)
		pad_failure(&t0, params);
	return res;
}

static enum auth_result password_attempt(struct db *db, const struct wachtwoord_params *params,
					 const char *username, const char *password, const char *org_code,
					 struct session *s, struct err *e)
{
	struct account_row a;
	memset(&a, 0, sizeof a);
	s->pending_totp = 0;
	int found = lookup(db, username ? username : "", &a, e);
	if (found < 0)
		return AUTH_ERROR;
	if (!found) {
		/* Same work and the same answers as a real account: nothing tells
		 * whether the name exists, not even "geblokkeerd" after five. */
		wachtwoord_verify_dummy(password ? password : "", params);
		const char *p[1] = {username ? username : ""};
		PGresult *r = db_exec(db, e, NULL, "SELECT auth_fail_onbekend($1)", 1, p);
		if (!r)
			return AUTH_ERROR;
		int n = atoi(PQgetvalue(r, 0, 0));
		PQclear(r);
		return n >= AUTH_MAX_FAILURES ? AUTH_BLOCKED : AUTH_FAILED;
	}
	int ok = wachtwoord_verify(a.hash, password ? password : "");
	if (!ok) {
		/* a hash of another cost took another time than the unknown
		 * name's dummy at today's cost: do that same work too, so the
		 * padding (pad_failure) only hides the small rest, also when the
		 * machine is busy and every verification slows down alike */
		if (wachtwoord_needs_rehash(a.hash, params))
			wachtwoord_verify_dummy(password ? password : "", params);
		return wrong_password(db, &a, "wachtwoord", e);
	}
	if (a.blocked)
		return AUTH_BLOCKED;
	if (a.totp_secret[0]) {
		/* The password is known only now: rehash here, not after the code. */
		char newhash[WACHTWOORD_HASH_LEN], sid[24];
		const char *nh = rehash(&a, password, params, newhash);
		if (nh) {
			snprintf(sid, sizeof sid, "%ld", a.id);
			const char *p[2] = {sid, nh};
			PGresult *r = db_exec(db, e, NULL, "SELECT auth_rehash($1, $2)", 2, p);
			if (!r)
				return AUTH_ERROR;
			PQclear(r);
		}
		s->pending_totp = a.id;
		return AUTH_NEED_TOTP;
	}
	return succeed(db, &a, password, params, org_code, s, e);
}

/* A code of a's TOTP secret, fresh (its time step not used before, which
 * the database decides atomically).  AUTH_OK, or a counted failure named
 * what ("totp", "ontgrendelen-totp"). */
static enum auth_result check_code(struct db *db, const struct account_row *a, const char *code, const char *what,
				   struct err *e)
{
	unsigned char secret[64];
	char b32[80];
	size_t len = 0;
	long long step = 0;
	struct err te;

	if (secret_of(a, b32, sizeof b32, e) < 0)
		return AUTH_ERROR; /* a set-up fault, not the person's: not counted */
	int bad = totp_base32_decode(b32, secret, sizeof secret, &len, &te) < 0;
	explicit_bzero(b32, sizeof b32);
	if (bad ||
	    totp_check(secret, len, code ? code : "", time(NULL), a->totp_last_step, &step, &te) < 0) {
		explicit_bzero(secret, sizeof secret);
		return count_failure(db, a->id, what, e);
	}
	explicit_bzero(secret, sizeof secret);
	char sid[24], sstep[24];
	snprintf(sid, sizeof sid, "%ld", a->id);
	snprintf(sstep, sizeof sstep, "%lld", step);
	const char *p[2] = {sid, sstep};
	PGresult *r = db_exec(db, e, NULL, "SELECT auth_totp_use($1, $2)", 2, p);
	if (!r)
		return AUTH_ERROR;
	int fresh = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	return fresh ? AUTH_OK : count_failure(db, a->id, "totp-hergebruikt", e);
}

enum auth_result auth_totp(struct db *db, const char *username, const char *code,
			   const char *org_code, struct session *s, struct err *e)
{
	struct account_row a;

	memset(&a, 0, sizeof a);
	int found = lookup(db, username ? username : "", &a, e);
	if (found < 0)
		return AUTH_ERROR;
	if (!found || !s->pending_totp || s->pending_totp != a.id || !a.totp_secret[0])
		return AUTH_FAILED;
	if (a.blocked)
		return AUTH_BLOCKED;
	enum auth_result cr = check_code(db, &a, code, "totp", e);
	if (cr != AUTH_OK)
		return cr;
	s->pending_totp = 0;
	return succeed(db, &a, NULL, NULL, org_code, s, e);
}

enum auth_result auth_reauth(struct db *db, const struct wachtwoord_params *params, const struct session *s,
			     const char *password, const char *actie, struct err *e)
{
	struct account_row a;
	memset(&a, 0, sizeof a);
	int found = lookup(db, s->username, &a, e);
	if (found < 0)
		return AUTH_ERROR;
	if (!found || a.id != s->account_id)
		return AUTH_FAILED;
	if (!wachtwoord_verify(a.hash, password ? password : ""))
		return wrong_password(db, &a, actie, e);
	if (a.blocked)
		return AUTH_BLOCKED;
	if (mark_ok(db, &a, password, params, e) < 0)
		return AUTH_ERROR;
	audit_write(db, a.id, s->organisatie_id, actie, "account", a.id, "", e);
	return AUTH_OK;
}

enum auth_result auth_unlock(struct db *db, const struct wachtwoord_params *params, const struct session *s,
			     const char *password, const char *code, struct err *e)
{
	struct account_row a;

	memset(&a, 0, sizeof a);
	int found = lookup(db, s->username, &a, e);
	if (found < 0)
		return AUTH_ERROR;
	if (!found || a.id != s->account_id)
		return AUTH_FAILED;
	if (!a.totp_secret[0])
		return auth_reauth(db, params, s, password, "ontgrendeld", e);
	/* an account with tweestapsverificatie unlocks with both factors, as
	 * it logs in: the password alone only says the code comes next */
	if (!wachtwoord_verify(a.hash, password ? password : ""))
		return wrong_password(db, &a, "ontgrendelen", e);
	if (a.blocked)
		return AUTH_BLOCKED;
	if (!code || !*code)
		return AUTH_NEED_TOTP;
	enum auth_result cr = check_code(db, &a, code, "ontgrendelen-totp", e);
	if (cr != AUTH_OK)
		return cr;
	if (mark_ok(db, &a, password, params, e) < 0)
		return AUTH_ERROR;
	audit_write(db, a.id, s->organisatie_id, "ontgrendeld", "account", a.id, "met code", e);
	return AUTH_OK;
}

enum auth_result auth_totp_set(struct db *db, const char *token, const char *base32, const char *code,
			       struct err *e)
{
	unsigned char secret[64];
	char sealed[TOTPZEGEL_LEN], st[24];
	size_t len = 0;
	long long step = 0;
	struct session s;
	PGresult *r;
	int ok;

	if (!totp_key_set)
		return err_set(e, "de TOTP-sleutel is niet geladen (totp_sleutel in balie.conf)"), AUTH_ERROR;
	if (auth_session_of_token(db, token, &s, e) < 0)
		return AUTH_FAILED;
	/* the person proves they scanned this secret: a code of it */
	if (totp_base32_decode(base32, secret, sizeof secret, &len, e) < 0 ||
	    totp_check(secret, len, code ? code : "", time(NULL), TOTP_NO_STEP, &step, e) < 0) {
		explicit_bzero(secret, sizeof secret);
		return AUTH_FAILED;
	}
	explicit_bzero(secret, sizeof secret);
	if (totpzegel_seal(totp_key, s.account_id, base32, sealed, sizeof sealed, e) < 0)
		return AUTH_ERROR;
	snprintf(st, sizeof st, "%lld", step);
	const char *p[3] = { token, sealed, st };
	r = db_exec(db, e, NULL, "SELECT auth_totp_instellen($1, $2, $3)", 3, p);
	explicit_bzero(sealed, sizeof sealed);
	if (!r)
		return AUTH_ERROR;
	ok = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!ok)
		return err_set(e, "kon tweestapsverificatie niet instellen (account geblokkeerd?)"), AUTH_BLOCKED;
	return AUTH_OK;
}

int auth_totp_seal_all(struct db *db, long *sealed_n, struct err *e)
{
	PGresult *r;
	int rc = 0;

	*sealed_n = 0;
	r = db_exec(db, e, NULL, "SELECT id, totp_secret FROM auth_totp_onverzegeld()", 0, NULL);
	if (!r)
		return -1;
	if (PQntuples(r) > 0 && !totp_key_set) {
		PQclear(r);
		return err_set(e, "er staan TOTP-geheimen onverzegeld in de database, maar de TOTP-sleutel is niet "
				  "geladen (totp_sleutel in balie.conf)");
	}
	for (int i = 0; i < PQntuples(r) && rc == 0; i++) {
		char sealed[TOTPZEGEL_LEN];
		const char *id = PQgetvalue(r, i, 0), *old = PQgetvalue(r, i, 1);

		if (totpzegel_seal(totp_key, atol(id), old, sealed, sizeof sealed, e) < 0) {
			rc = -1;
			break;
		}
		const char *p[3] = { id, old, sealed };
		PGresult *u = db_exec(db, e, NULL, "SELECT auth_totp_verzegel($1, $2, $3)", 3, p);
		explicit_bzero(sealed, sizeof sealed);
		if (!u) {
			rc = -1;
			break;
		}
		*sealed_n += PQgetvalue(u, 0, 0)[0] == 't';
		PQclear(u);
	}
	for (int i = 0; i < PQntuples(r); i++)
		explicit_bzero(PQgetvalue(r, i, 1), strlen(PQgetvalue(r, i, 1)));
	PQclear(r);
	return rc;
}

int auth_session_of_token(struct db *db, const char *token, struct session *s, struct err *e)
{
	const char *p[1] = { token };
	PGresult *r = db_exec(db, e, NULL, "SELECT account_id, coalesce(organisatie_id, 0), username "
					   "FROM sessie_van_token($1)", 1, p);
	int ok;

	if (!r)
		return -1;
	ok = PQntuples(r) == 1;
	memset(s, 0, sizeof *s);
	if (ok) {
		s->account_id = atol(PQgetvalue(r, 0, 0));
		s->organisatie_id = atol(PQgetvalue(r, 0, 1));
		snprintf(s->username, sizeof s->username, "%s", PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	return ok ? 0 : err_set(e, "sessie niet (meer) geldig");
}

int auth_session_info(struct db *app, struct session *s, struct err *e)
{
	enum db_failure kind;
	PGresult *r = db_exec_as_account(app, e, &kind,
		"SELECT a.id, a.username, a.naam, o.id, o.code, o.naam, "
		"       string_agg(r.rol, ', ' ORDER BY r.rol), "
		"       bool_or(r.rol IN ('secretariaat','financieel','coordinator','admin')) "
		"  FROM sessie_info() si JOIN account a ON a.id = si.account_id "
		"  JOIN account_rol r ON r.account_id = a.id "
		"  JOIN organisatie o ON o.id = r.organisatie_id "
		" WHERE si.organisatie_id IS NULL OR o.id = si.organisatie_id "
		" GROUP BY a.id, a.username, a.naam, o.id, o.code, o.naam ORDER BY o.code LIMIT 1",
		0, NULL);
	int ok;

	if (!r)
		return -1;
	ok = PQntuples(r) == 1;
	if (ok) {
		char tok[sizeof s->token];

		snprintf(tok, sizeof tok, "%s", db_session_token(app));
		memset(s, 0, sizeof *s);
		snprintf(s->token, sizeof s->token, "%s", tok);
		explicit_bzero(tok, sizeof tok);
		s->account_id = atol(PQgetvalue(r, 0, 0));
		snprintf(s->username, sizeof s->username, "%s", PQgetvalue(r, 0, 1));
		snprintf(s->naam, sizeof s->naam, "%s", PQgetvalue(r, 0, 2));
		s->organisatie_id = atol(PQgetvalue(r, 0, 3));
		snprintf(s->organisatie_code, sizeof s->organisatie_code, "%s", PQgetvalue(r, 0, 4));
		snprintf(s->organisatie_naam, sizeof s->organisatie_naam, "%s", PQgetvalue(r, 0, 5));
		snprintf(s->rollen, sizeof s->rollen, "%s", PQgetvalue(r, 0, 6));
		s->roles = statuswissel_rollen(s->rollen);
		s->internal = PQgetvalue(r, 0, 7)[0] == 't';
	}
	PQclear(r);
	return ok ? 0 : err_set(e, "geen geldige sessie");
}

void auth_session_end(struct db *app)
{
	struct err e;
	enum db_failure kind;

	if (!app || !db_session_token(app)[0])
		return;
	PGresult *r = db_exec_as_account(app, &e, &kind, "SELECT sessie_afmelden()", 0, NULL);
	if (r)
		PQclear(r);
	db_set_session(app, NULL, 0);
}

void auth_session_active(struct db *app)
{
	struct err e;
	enum db_failure kind;
	PGresult *r = db_exec_as_account(app, &e, &kind, "SELECT sessie_activiteit()", 0, NULL);

	if (r)
		PQclear(r);
}

int auth_session_reason(struct db *app, char *out, size_t len, struct err *e)
{
	enum db_failure kind;
	PGresult *r = db_exec_as_account(app, e, &kind, "SELECT coalesce(sessie_reden(), '')", 0, NULL);

	if (!r)
		return -1;
	snprintf(out, len, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

const char *auth_message(enum auth_result r)
{
	switch (r) {
	case AUTH_OK:
		return "Ingelogd.";
	case AUTH_NEED_TOTP:
		return "Voer de code uit je authenticator-app in.";
	case AUTH_FAILED:
		return "Gebruikersnaam, wachtwoord of code onjuist.";
	case AUTH_BLOCKED:
		return "Dit account is geblokkeerd na te veel mislukte pogingen. "
		       "Vraag de beheerder van je samenwerkingsverband om het te deblokkeren.";
	case AUTH_NO_ORG:
		return "Dit account heeft geen rol in deze organisatie.";
	case AUTH_ERROR:
		return "De database is niet bereikbaar; probeer het later opnieuw.";
	}
	return "";
}
