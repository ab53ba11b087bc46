/* totp.h — time-based one-time passwords (RFC 6238) for the second login
 * step, compatible with Google Authenticator and `oathtool --totp -b`:
 * HMAC-SHA1, 6 digits, 30-second steps counted from the Unix epoch, and one
 * step of clock drift accepted either side.
 *
 * A code is never accepted twice: totp_check returns the time step it
 * matched, the caller stores it with the account and passes it back as
 * last_step next time; a code whose step is not after last_step is refused.
 * Computation only (liboath, libsodium's random bytes); nothing reads the
 * clock: the caller passes `now`.  Secrets are raw bytes here; the base32
 * form is what people and authenticator apps see.
 */
#ifndef BALIE_TOTP_H
#define BALIE_TOTP_H

#include <stddef.h>
#include <time.h>

#include "core/err.h"

#define TOTP_SECRET_LEN 20  /* bytes of a new secret (160 bits, RFC 4226) */
#define TOTP_BASE32_LEN 33  /* base32 of TOTP_SECRET_LEN bytes + NUL */
#define TOTP_DIGITS 6
#define TOTP_STEP 30        /* seconds */
#define TOTP_WINDOW 1       /* steps accepted before and after now */
#define TOTP_NO_STEP (-1LL) /* last_step when no code was ever accepted */

/* Initialises liboath (and libsodium); every function below does so
 * itself, this one fails early with a message. 0 / -1. */
int totp_init(struct err *e);

/* Fills secret with TOTP_SECRET_LEN random bytes. 0 / -1. */
int totp_secret_new(unsigned char *secret, struct err *e);

/* Base32 (RFC 4648, upper case, no '=' padding) of len bytes into out
 * (outlen bytes; TOTP_BASE32_LEN for a new secret). 0 / -1. */
int totp_base32_encode(const unsigned char *secret, size_t len, char *out,
		       size_t outlen, struct err *e);

/* Decodes base32 as typed (spaces ignored, lower case and missing padding
 * accepted) into secret (cap bytes); *len gets the length. 0 / -1. */
int totp_base32_decode(const char *b32, unsigned char *secret, size_t cap,
		       size_t *len, struct err *e);

/* The time step of moment now: floor(now / TOTP_STEP). */
long long totp_step(time_t now);

/* The code for moment now into out (TOTP_DIGITS + 1 bytes). 0 / -1. */
int totp_code(const unsigned char *secret, size_t len, time_t now, char *out,
	      struct err *e);

/* Checks a typed code (spaces allowed: "287 082") against the steps
 * now-1, now and now+1.  Accepts (0, *matched_step set) when it matches a
 * step after last_step (TOTP_NO_STEP: none yet).  Refuses (-1) with
 * "Code moet 6 cijfers zijn", "Code klopt niet (staat de klok van uw
 * telefoon goed?)" or "Deze code is al gebruikt; wacht op de volgende".
 * The comparison does not leak through timing. */
int totp_check(const unsigned char *secret, size_t len, const char *code,
	       time_t now, long long last_step, long long *matched_step,
	       struct err *e);

/* The otpauth:// URI an authenticator app reads from a QR code:
 * otpauth://totp/ACCOUNT?secret=B32&issuer=ISSUER (SHA1, 6 digits and 30 s
 * are the format's defaults), with issuer and account percent-encoded.  Errors: buf too small. 0 / -1. */
int totp_uri(char *buf, size_t len, const char *issuer, const char *account,
	     const char *base32, struct err *e);

#endif
