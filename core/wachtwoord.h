/* wachtwoord.h — password policy and argon2id password hashes (libsodium).
 *
 * Policy (NIST SP 800-63B style): at least WACHTWOORD_MIN_LEN characters
 * (Unicode code points of valid UTF-8), no composition rules, not a commonly
 * used password (case-insensitive match against a word list, by default
 * Debian john-data's /usr/share/john/password.lst), not the username.
 *
 * Hashes are libsodium's crypto_pwhash_str strings ("$argon2id$v=19$m=…"),
 * which carry their own salt and parameters; store them as text.  Every
 * function initialises libsodium itself (sodium_init is idempotent);
 * wachtwoord_init exists to fail early with a message.
 */
#ifndef BALIE_WACHTWOORD_H
#define BALIE_WACHTWOORD_H

#include <stddef.h>

#include "core/err.h"

#define WACHTWOORD_MIN_LEN 12      /* characters */
#define WACHTWOORD_MAX_BYTES 1024  /* longer input is refused, not cut */
#define WACHTWOORD_HASH_LEN 128    /* == crypto_pwhash_STRBYTES, with NUL */
#define WACHTWOORD_LIST_DEFAULT "/usr/share/john/password.lst"

/* argon2id cost.  Raising either makes existing hashes "need rehash". */
struct wachtwoord_params {
	unsigned long long opslimit; /* passes; libsodium's OPSLIMIT_* */
	size_t memlimit;             /* bytes; libsodium's MEMLIMIT_* */
};

/* Initialises libsodium. 0 / -1. */
int wachtwoord_init(struct err *e);

/* crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE. */
void wachtwoord_params_default(struct wachtwoord_params *p);

/* Checks p against libsodium's bounds for argon2id. 0 / -1. */
int wachtwoord_params_check(const struct wachtwoord_params *p, struct err *e);

/* Number of code points in s, or (size_t)-1 when s is not valid UTF-8. */
size_t wachtwoord_length(const char *s);

/* Sets *common to 1 when pw appears (ASCII case-insensitively) as a line of
 * the word list at list_path (NULL: WACHTWOORD_LIST_DEFAULT); lines starting
 * with "#!comment:" are skipped.  Errors: the list cannot be read (the
 * caller should then refuse, not skip the check). 0 / -1. */
int wachtwoord_is_common(const char *pw, const char *list_path, int *common,
			 struct err *e);

/* Applies the policy to a new password for `username` (may be NULL).
 * 0 when acceptable; -1 with the Dutch reason in e ("Wachtwoord moet minstens
 * 12 tekens lang zijn", "Dit wachtwoord wordt veel gebruikt; kies een
 * ander", "Wachtwoord mag niet gelijk zijn aan de gebruikersnaam", …). */
int wachtwoord_policy(const char *pw, const char *username,
		      const char *list_path, struct err *e);

/* Hashes pw with argon2id and a fresh random salt into out
 * (WACHTWOORD_HASH_LEN bytes).  p NULL means the defaults. 0 / -1. */
int wachtwoord_hash(const char *pw, const struct wachtwoord_params *p,
		    char *out, struct err *e);

/* 1 when pw matches hash, 0 otherwise (also for a malformed hash). */
int wachtwoord_verify(const char *hash, const char *pw);

/* 1 when hash was made with other parameters than p (NULL: defaults) or is
 * not an argon2id hash at all, so it should be replaced on the next
 * successful login; 0 when it is current. */
int wachtwoord_needs_rehash(const char *hash, const struct wachtwoord_params *p);

/* For a login with an unknown username: does the work of a verification
 * with parameters p (NULL: defaults) and throws the answer away, so that
 * "no such user" takes as long as "wrong password" and does not reveal
 * which accounts exist. */
void wachtwoord_verify_dummy(const char *pw, const struct wachtwoord_params *p);

#endif
