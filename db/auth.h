/* auth.h — login against the account table.
 *
 * Passwords are argon2id strings (libsodium, core/wachtwoord.h); the account
 * row is read and updated only through SECURITY DEFINER functions in the
 * database, so the application role never sees other columns it needs not.
 * Failed attempts count atomically in the database; 5 in a row block the
 * account.  Every failure looks the same to the person at the keyboard.
 */
#ifndef BALIE_DB_AUTH_H
#define BALIE_DB_AUTH_H

#include "core/err.h"
#include "core/wachtwoord.h"
#include "db/conn.h"

enum auth_result {
	AUTH_OK,        /* logged in: session filled */
	AUTH_NEED_TOTP, /* password right, now ask for the 6-digit code */
	AUTH_FAILED,    /* wrong username, password or code (indistinguishable) */
	AUTH_BLOCKED,   /* account blocked (after 5 failures or by an admin) */
	AUTH_NO_ORG,    /* no role in any (or the requested) organisatie */
	AUTH_ERROR      /* database trouble: e says what */
};

#define AUTH_MAX_FAILURES 5

struct session {
	long account_id;
	char username[64];
	char naam[128];
	long organisatie_id;
	char organisatie_code[16];  /* "PO3008" */
	char organisatie_naam[128]; /* "SWV Helmond-Peelland PO" */
	char rollen[128];           /* "coordinator" or "secretariaat, admin": for display only */
	unsigned roles;             /* FLOW_ROLE_BIT set of rollen: what the code decides on
	                               (core/recht: recht_mag(s->roles, RECHT_…)) */
	int internal;               /* has a back-office role in this organisatie */
	long pending_totp;          /* set by auth_password on AUTH_NEED_TOTP: the
	                               account whose password was right; auth_totp
	                               only continues that login */
	char token[96];             /* the session token sessie_openen() handed out
	                               (AUTH_OK): the session process gives it to
	                               db_set_session(); never logged or shown */
};

/* Every function below runs on a connection as the auth role balie_auth
 * (balie.conf auth_conninfo): only that role can read password hashes and
 * TOTP secrets and open a session (027_sessie.sql).  On AUTH_OK s->token
 * holds the new session's token; the caller sets it on its balie_app
 * connection with db_set_session(). */


/* Step 1: username + password.  org_code may be NULL/"" (first organisatie
 * of the account, alphabetically).  On AUTH_NEED_TOTP call auth_totp()
 * with the same username.  On AUTH_OK the session is filled, with its
 * token. */
enum auth_result auth_password(struct db *db, const char *username, const char *password,
			       const char *org_code, struct session *s, struct err *e);

/* The session of a command-line verb acting for an account without a
 * password (`balie check`, `balie bijlage add`): the database credential of
 * balie.conf is the boundary there, as for `balie admin` (balie-admin(8)).
 * AUTH_FAILED for an unknown username, AUTH_BLOCKED for a blocked account,
 * AUTH_NO_ORG without a role in org_code (or any).  On AUTH_OK s is filled
 * with a session token of soort 'cli' (the caller ends it when done:
 * auth_session_end); the use is audited ("cli-sessie"). */
enum auth_result auth_session_for(struct db *db, const char *username, const char *org_code, struct session *s,
				  struct err *e);

/* auth_password with the configured argon2id cost: a hash made with other
 * parameters is replaced on a successful login.  params NULL = defaults. */
enum auth_result auth_password_p(struct db *db, const struct wachtwoord_params *params, const char *username,
				 const char *password, const char *org_code, struct session *s, struct err *e);

/* Step 2 for accounts with TOTP: the code typed by the user, for the login
 * auth_password left pending in s (username must match it). */
enum auth_result auth_totp(struct db *db, const char *username, const char *code,
			   const char *org_code, struct session *s, struct err *e);

/* The password of the logged-in account again, before something that
 * needs it (setting up tweestapsverificatie): like auth_unlock, a wrong one
 * counts as a failed login; actie names the audit row of a right one. */
enum auth_result auth_reauth(struct db *db, const struct wachtwoord_params *params, const struct session *s,
			     const char *password, const char *actie, struct err *e);

/* TOTP secrets are stored sealed (core/totpzegel.h) with a key only the
 * auth helper (and root, for `balie admin`) reads: the process that checks
 * codes loads it once with auth_set_totp_key (NULL forgets it).  A secret
 * still in the clear (from before migration 032) is used as it is. */
void auth_set_totp_key(const unsigned char *key);

/* One's own TOTP set-up, in the auth helper: the open session of token
 * proves with code that it has the new base32 secret; it is sealed for
 * the session's account and stored (that code's time step counts as used;
 * the account's other sessions end).  AUTH_OK; AUTH_FAILED for a session
 * that is not valid or a code that does not match (e says which);
 * AUTH_BLOCKED when the database refused (blocked account); AUTH_ERROR
 * (no key loaded, database trouble). */
enum auth_result auth_totp_set(struct db *db, const char *token, const char *base32, const char *code,
			       struct err *e);

/* Seals every TOTP secret still stored in the clear (the auth helper at
 * its start); *sealed_n gets how many.  0, or -1 with e (also when some
 * are in the clear and no key is loaded). */
int auth_totp_seal_all(struct db *db, long *sealed_n, struct err *e);

/* Unlocking the idle lock: the password of s's account, and for an account
 * with tweestapsverificatie also a fresh code — AUTH_NEED_TOTP when the
 * password was right and code is NULL or "" (ask it, then call again with
 * both).  Wrong ones count as failed logins. */
enum auth_result auth_unlock(struct db *db, const struct wachtwoord_params *params, const struct session *s,
			     const char *password, const char *code, struct err *e);

/* The auth helper's view of a token (unlock, the password again):
 * account, organisatie and username of its open session into s.  0, or
 * -1 when it is not valid. */
int auth_session_of_token(struct db *db, const char *token, struct session *s, struct err *e);

/* The session of the token already set on app (db_set_session), as
 * balie_app sees it: s filled as after a login.  0, or -1 ("geen geldige
 * sessie") when the database does not know the token (any more). */
int auth_session_info(struct db *app, struct session *s, struct err *e);

/* Ends the session of app's token (logging out, a verb that is done);
 * quiet when there is none.  Runs on the balie_app connection. */
void auth_session_end(struct db *app);

/* Tells the database a key was pressed in app's session (its
 * laatste_activiteit); quiet on failure. */
void auth_session_active(struct db *app);

/* Why app's session is no longer valid ("account geblokkeerd",
 * "sessie verlopen …"), or "" while it is.  0 / -1 with e. */
int auth_session_reason(struct db *app, char *out, size_t len, struct err *e);

/* The Dutch message for a result (what the user sees). */
const char *auth_message(enum auth_result r);

#endif
