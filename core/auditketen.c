/* auditketen.c — see auditketen.h. */
#include "core/auditketen.h"

#include <sodium.h>
#include <string.h>

int auditketen_link(const char *prev, const char *kanon, size_t len, char out[AUDITKETEN_HEX])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];

	if (sodium_init() < 0)
		return -1;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)prev, strlen(prev));
	crypto_hash_sha256_update(&st, (const unsigned char *)"|", 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)kanon, len);
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, AUDITKETEN_HEX, h, sizeof h);
	return 0;
}
