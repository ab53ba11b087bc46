/* totpzegel.h — TOTP secrets sealed at rest (issue 12 §2).
 *
 * A TOTP secret is as good as a password's second half: whoever reads it
 * makes codes.  The database therefore never holds one in the clear: the
 * account row keeps "z1:" followed by base64 (original alphabet) of a
 * 24-byte nonce and the XChaCha20-Poly1305 (libsodium AEAD) sealing of the
 * base32 secret, with the account's id as associated data so that a sealed
 * secret copied onto another account does not open.  The key is 32 random
 * bytes kept in a file (balie.conf totp_sleutel, 64 hex digits) that only
 * the auth helper's Unix user (and root, for `balie admin`) can read; the
 * session process never has it.
 *
 * Pure computation and one file read; nothing here talks to the database.
 */
#ifndef BALIE_TOTPZEGEL_H
#define BALIE_TOTPZEGEL_H

#include <stddef.h>

#include "core/err.h"

#define TOTPZEGEL_KEY_LEN 32
#define TOTPZEGEL_PREFIX "z1:"
/* room for a sealed secret of up to 64 base32 characters */
#define TOTPZEGEL_LEN 192

/* Reads the key file: 64 hex digits (a trailing newline allowed), a regular
 * file that group and others cannot read or write.  0, or -1 with e naming
 * the file and what is wrong ("… is leesbaar voor anderen (chmod 0400)"). */
int totpzegel_key_read(const char *path, unsigned char key[TOTPZEGEL_KEY_LEN], struct err *e);

/* Writes a new random key to path (created, never overwritten; mode 0400).
 * 0 / -1 with e. */
int totpzegel_key_new(const char *path, struct err *e);

/* Seals base32 for account_id into out (outlen >= TOTPZEGEL_LEN). 0 / -1. */
int totpzegel_seal(const unsigned char key[TOTPZEGEL_KEY_LEN], long account_id, const char *base32, char *out,
		   size_t outlen, struct err *e);

/* Opens a sealed secret of account_id into base32 (len bytes). -1 with
 * "TOTP-geheim is niet te openen" when the key, the account or the bytes
 * are not the ones it was sealed with. */
int totpzegel_open(const unsigned char key[TOTPZEGEL_KEY_LEN], long account_id, const char *sealed, char *base32,
		   size_t len, struct err *e);

/* 1 when stored is a sealed secret ("z1:…"), 0 when it is not (a secret
 * still in the clear, from before sealing). */
int totpzegel_is_sealed(const char *stored);

#endif
