/* totpzegel.c — TOTP secrets sealed at rest; see totpzegel.h. */
#include "core/totpzegel.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bestand.h"

#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES
#define MAX_B32 64

/* The associated data: binds a sealing to its account. */
static size_t ad_of(long account_id, char *ad, size_t len)
{
	int n = snprintf(ad, len, "balie-totp:%ld", account_id);
	return n < 0 ? 0 : (size_t)n;
}

int totpzegel_key_read(const char *path, unsigned char key[TOTPZEGEL_KEY_LEN], struct err *e)
{
	struct stat st;
	size_t len = 0, hexlen;
	char *text;
	int rc = -1;

	if (!path || !*path)
		return err_set(e, "totp_sleutel is niet ingesteld in balie.conf");
	if (sodium_init() < 0)
		return err_set(e, "libsodium start niet");
	text = bestand_lees(path, 1024, &len, e);
	if (!text)
		return -1;
	if (stat(path, &st) < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		err_set(e, "%s: de TOTP-sleutel is leesbaar voor anderen (chmod 0400)", path);
		goto out;
	}
	hexlen = len;
	while (hexlen && (text[hexlen - 1] == '\n' || text[hexlen - 1] == '\r'))
		hexlen--;
	size_t got = 0;
	if (hexlen != 2 * TOTPZEGEL_KEY_LEN ||
	    sodium_hex2bin(key, TOTPZEGEL_KEY_LEN, text, hexlen, NULL, &got, NULL) != 0 || got != TOTPZEGEL_KEY_LEN) {
		err_set(e, "%s: geen TOTP-sleutel (verwacht: 64 hexadecimale cijfers)", path);
		sodium_memzero(key, TOTPZEGEL_KEY_LEN);
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(text, len);
	free(text);
	return rc;
}

int totpzegel_key_new(const char *path, struct err *e)
{
	unsigned char key[TOTPZEGEL_KEY_LEN];
	char hex[2 * TOTPZEGEL_KEY_LEN + 2];
	int fd, rc = 0;

	if (sodium_init() < 0)
		return err_set(e, "libsodium start niet");
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
	if (fd < 0)
		return err_set(e, "%s: %s", path, strerror(errno));
	randombytes_buf(key, sizeof key);
	sodium_bin2hex(hex, sizeof hex - 1, key, sizeof key);
	strcat(hex, "\n");
	if (write(fd, hex, strlen(hex)) != (ssize_t)strlen(hex))
		rc = err_set(e, "%s: %s", path, strerror(errno));
	if (close(fd) < 0 && rc == 0)
		rc = err_set(e, "%s: %s", path, strerror(errno));
	sodium_memzero(key, sizeof key);
	sodium_memzero(hex, sizeof hex);
	if (rc < 0)
		unlink(path);
	return rc;
}

int totpzegel_seal(const unsigned char key[TOTPZEGEL_KEY_LEN], long account_id, const char *base32, char *out,
		   size_t outlen, struct err *e)
{
	unsigned char buf[NONCE_LEN + MAX_B32 + TAG_LEN];
	unsigned long long clen = 0;
	char ad[48];
	size_t adlen = ad_of(account_id, ad, sizeof ad);
	size_t mlen = base32 ? strlen(base32) : 0;

	if (sodium_init() < 0)
		return err_set(e, "libsodium start niet");
	if (mlen == 0 || mlen > MAX_B32)
		return err_set(e, "TOTP-geheim heeft een onmogelijke lengte");
	size_t need = strlen(TOTPZEGEL_PREFIX) +
		      sodium_base64_encoded_len(NONCE_LEN + mlen + TAG_LEN, sodium_base64_VARIANT_ORIGINAL);
	if (outlen < need)
		return err_set(e, "TOTP-geheim: te weinig ruimte");
	randombytes_buf(buf, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(buf + NONCE_LEN, &clen, (const unsigned char *)base32, mlen,
						   (const unsigned char *)ad, adlen, NULL, buf, key);
	strcpy(out, TOTPZEGEL_PREFIX);
	sodium_bin2base64(out + strlen(TOTPZEGEL_PREFIX), outlen - strlen(TOTPZEGEL_PREFIX), buf,
			  NONCE_LEN + (size_t)clen, sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(buf, sizeof buf);
	return 0;
}

int totpzegel_open(const unsigned char key[TOTPZEGEL_KEY_LEN], long account_id, const char *sealed, char *base32,
		   size_t len, struct err *e)
{
	unsigned char buf[NONCE_LEN + MAX_B32 + TAG_LEN];
	unsigned char plain[MAX_B32];
	unsigned long long mlen = 0;
	size_t blen = 0;
	char ad[48];
	size_t adlen = ad_of(account_id, ad, sizeof ad);

	if (sodium_init() < 0)
		return err_set(e, "libsodium start niet");
	if (!totpzegel_is_sealed(sealed))
		return err_set(e, "TOTP-geheim is niet verzegeld");
	const char *b64 = sealed + strlen(TOTPZEGEL_PREFIX);
	if (sodium_base642bin(buf, sizeof buf, b64, strlen(b64), NULL, &blen, NULL, sodium_base64_VARIANT_ORIGINAL) !=
		    0 ||
	    blen < NONCE_LEN + TAG_LEN + 1 ||
	    crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &mlen, NULL, buf + NONCE_LEN, blen - NONCE_LEN,
						       (const unsigned char *)ad, adlen, buf, key) != 0 ||
	    mlen + 1 > len) {
		sodium_memzero(buf, sizeof buf);
		return err_set(e, "TOTP-geheim is niet te openen (andere sleutel of ander account?)");
	}
	memcpy(base32, plain, (size_t)mlen);
	base32[mlen] = '\0';
	sodium_memzero(plain, sizeof plain);
	sodium_memzero(buf, sizeof buf);
	return 0;
}

int totpzegel_is_sealed(const char *stored)
{
	return stored && !strncmp(stored, TOTPZEGEL_PREFIX, strlen(TOTPZEGEL_PREFIX));
}
