/* account.c — account administration; see account.h. */
#include "db/account.h"

#include "core/totpzegel.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "db/audit.h"
#include "db/row.h"

/* Runs a one-row function call and returns its bigint, 0 when no row
 * matched (unknown username), -1 on error. */
static long one_id(struct db *db, const char *sql, int n, const char *const *p, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, n, p);
	if (!r)
		return -1;
	long id = PQntuples(r) && !PQgetisnull(r, 0, 0) ? atol(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	return id;
}

/* Runs one account change plus its audit row in one transaction. */
static int change(struct db *db, const char *username, const char *sql, int n, const char *const *p,
		  const char *actie, const char *who, struct err *e)
{
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	long id = one_id(db, sql, n, p, e);
	if (id == 0)
		err_set(e, "account '%s' bestaat niet", username);
	if (id <= 0 || audit_write(db, 0, 0, actie, "account", id, who, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int account_create(struct db *db, const struct account_new *a, const char *who, struct err *e)
{
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	const char *op[1] = {a->organisatie};
	long org = one_id(db, "SELECT id FROM organisatie WHERE code = upper($1)", 1, op, e);
	if (org == 0)
		err_set(e, "organisatie '%s' bestaat niet", a->organisatie);
	if (org <= 0)
		goto fail;
	/* the secret is set after the row exists: it is sealed for its id */
	const char *p[5] = {a->username, a->naam, a->email, a->hash, ""};
	const char *pd[3] = {a->username, a->naam, a->hash};
	enum db_failure kind;
	PGresult *r = a->dienst ? db_exec(db, e, &kind, "SELECT account_dienst_add($1, $2, $3)", 3, pd)
				: db_exec(db, e, &kind, "SELECT account_add($1, $2, $3, $4, $5)", 5, p);
	if (!r) {
		if (kind == DB_UNIQUE_VIOLATION)
			err_set(e, "gebruikersnaam '%s' is al in gebruik", a->username);
		else if (kind == DB_CHECK_VIOLATION)
			err_set(e, "ongeldige gegevens: gebruikersnaam alleen a-z, 0-9, punt, streepje of liggend streepje (2–64 tekens), "
				   "e-mail als naam@domein.nl");
		goto fail;
	}
	char id[24], orgs[24];
	snprintf(id, sizeof id, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	snprintf(orgs, sizeof orgs, "%ld", org);
	const char *rp[3] = {id, orgs, a->rol};
	r = db_exec(db, e, &kind, "INSERT INTO account_rol (account_id, organisatie_id, rol) VALUES ($1, $2, $3)", 3, rp);
	if (!r) {
		if (kind == DB_CHECK_VIOLATION)
			err_set(e, "onbekende rol '%s' (secretariaat, financieel, coordinator, admin, aanvrager, ouder, extern)",
				a->rol);
		goto fail;
	}
	PQclear(r);
	if (a->totp_secret && *a->totp_secret) {
		char sealed[TOTPZEGEL_LEN];

		if (!a->totp_key || totpzegel_seal(a->totp_key, atol(id), a->totp_secret, sealed, sizeof sealed, e) < 0) {
			if (!a->totp_key)
				err_set(e, "de TOTP-sleutel is niet geladen (totp_sleutel in balie.conf)");
			goto fail;
		}
		const char *tp[2] = {a->username, sealed};
		r = db_exec(db, e, NULL, "SELECT account_totp($1, $2)", 2, tp);
		explicit_bzero(sealed, sizeof sealed);
		if (!r)
			goto fail;
		PQclear(r);
	}
	if (audit_write(db, 0, org, a->dienst ? "user-add-dienst" : "user-add", "account", atol(id), who, e) < 0)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

int account_exists(struct db *db, const char *username, struct err *e)
{
	const char *p[1] = {username};
	return one_id(db, "SELECT id FROM account WHERE username = $1", 1, p, e) > 0 ? 1 : 0;
}

int account_set_password(struct db *db, const char *username, const char *hash, const char *who,
			 struct err *e)
{
	const char *p[2] = {username, hash};
	int rc = change(db, username, "SELECT account_passwd($1, $2)", 2, p, "user-passwd", who, e);

	if (rc < 0 && strstr(e->msg, "dienstaccount"))
		err_set(e, "'%s' is een dienstaccount: dat heeft geen wachtwoord (het meldt zich aan als zijn "
			   "Unix-gebruiker; balie-admin(8))", username);
	return rc;
}

int account_set_blocked(struct db *db, const char *username, int blocked, const char *who, struct err *e)
{
	const char *p[2] = {username, blocked ? "t" : "f"};
	return change(db, username, "SELECT account_block($1, $2)", 2, p, blocked ? "user-block" : "user-unblock",
		      who, e);
}

int account_set_totp(struct db *db, const char *username, const char *secret, const unsigned char *key,
		     const char *who, struct err *e)
{
	char sealed[TOTPZEGEL_LEN] = "";

	if (secret && *secret) {
		const char *ip[1] = {username};
		long id = one_id(db, "SELECT id FROM account WHERE username = $1", 1, ip, e);

		if (id == 0)
			return err_set(e, "account '%s' bestaat niet", username);
		if (id < 0)
			return -1;
		if (!key)
			return err_set(e, "de TOTP-sleutel is niet geladen (totp_sleutel in balie.conf)");
		if (totpzegel_seal(key, id, secret, sealed, sizeof sealed, e) < 0)
			return -1;
	}
	const char *p[2] = {username, sealed};
	int rc = change(db, username, "SELECT account_totp($1, $2)", 2, p, "user-totp-reset", who, e);
	explicit_bzero(sealed, sizeof sealed);
	return rc;
}

int account_list(struct db *db, const char *organisatie, FILE *out, struct err *e)
{
	const char *p[1] = {organisatie && *organisatie ? organisatie : NULL};
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT a.username, a.naam, "
			      "       coalesce(string_agg(o.code || ':' || r.rol, ', ' ORDER BY o.code, r.rol), '-'), "
			      "       CASE WHEN a.blocked THEN 'geblokkeerd' WHEN a.dienst THEN 'dienst' ELSE 'actief' END, "
			      "       coalesce(nullif(" DB_MOMENT("a.last_login") ", ''), 'nooit') "
			      "  FROM account a LEFT JOIN account_rol r ON r.account_id = a.id "
			      "  LEFT JOIN organisatie o ON o.id = r.organisatie_id "
			      " WHERE $1::text IS NULL OR o.code = upper($1) "
			      " GROUP BY a.id ORDER BY a.username",
			      1, p);
	if (!r)
		return -1;
	fprintf(out, "%-20s %-28s %-12s %-17s %s\n", "GEBRUIKER", "NAAM", "STATUS", "LAATSTE LOGIN", "ROLLEN");
	for (int i = 0; i < PQntuples(r); i++)
		fprintf(out, "%-20s %-28s %-12s %-17s %s\n", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
			PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 2));
	PQclear(r);
	return 0;
}

int account_unblock_unknown(struct db *db, const char *username, const char *who, int *cleared, struct err *e)
{
	const char *p[1] = { username };

	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	long n = one_id(db, "SELECT login_onbekend_wissen($1)", 1, p, e);
	/* the audit row names no username: it may be a person's typo of their
	 * password in the name field */
	if (n < 0 || audit_write(db, 0, 0, "user-unblock-onbekend", "login_onbekend", 0, who, e) < 0) {
		db_rollback(db);
		return -1;
	}
	*cleared = n > 0;
	return db_commit(db, e);
}

/* One text of a one-row query into buf; 0 rows: -1 with missing. */
static int one_text(struct db *db, const char *sql, const char *param, char *buf, size_t len, const char *missing,
		    struct err *e)
{
	const char *p[1] = {param};
	PGresult *r = db_exec(db, e, NULL, sql, 1, p);
	if (!r)
		return -1;
	int ok = PQntuples(r) > 0;
	if (ok)
		db_copy(buf, len, PQgetvalue(r, 0, 0));
	PQclear(r);
	return ok ? 0 : err_set(e, missing, param);
}

int account_org_naam(struct db *db, const char *code, char *buf, size_t len, struct err *e)
{
	return one_text(db, "SELECT naam FROM organisatie WHERE code = upper($1)", code, buf, len,
			"organisatie '%s' bestaat niet", e);
}

int account_eigen_org_naam(struct db *db, const char *username, char *buf, size_t len, struct err *e)
{
	/* an account without a role still gets a secret: issuer balie */
	return one_text(db,
			"SELECT coalesce((SELECT o.naam FROM account_rol r JOIN organisatie o ON o.id = r.organisatie_id "
			"                  WHERE r.account_id = a.id ORDER BY o.code LIMIT 1), 'balie') "
			"  FROM account a WHERE a.username = $1",
			username, buf, len, "account '%s' bestaat niet", e);
}
