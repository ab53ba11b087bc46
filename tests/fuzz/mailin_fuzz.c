/* mailin_fuzz.c — libFuzzer target for an incoming mail (core/mailin.c,
 * GMime underneath): any bytes give a parsed message or one Dutch error,
 * never a crash, leak or hang; what a parsed message hands on is safe to
 * store and show — every kept bijlage name passes bijlage_check_naam (no
 * path separator, no control character, valid UTF-8), at most
 * MAILIN_MAX_BIJLAGEN are kept and none over 10 MB, the subject holds no
 * control character, the text none but newline and tab, and a token is
 * 32 lower-case hex digits or nothing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/bijlage.h"
#include "core/err.h"
#include "core/mailin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void geen_stuurtekens(const char *s, int newlines_ok)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(newlines_ok && (*p == '\n' || *p == '\t'))) || *p == 0x7f)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mailin m;
	struct err e;
	char buf[512];

	err_clear(&e);
	if (mailin_parse(data, size, NULL, &m, &e) < 0) {
		if (!e.msg[0])
			__builtin_trap();
		return 0;
	}
	if (m.nbijlagen > MAILIN_MAX_BIJLAGEN || m.nbijlagen > m.totaal_bijlagen)
		__builtin_trap();
	for (int i = 0; i < m.nbijlagen; i++) {
		if (bijlage_check_naam(m.bijlagen[i].naam, &e) < 0 || (long)m.bijlagen[i].len > BIJLAGE_MAX)
			__builtin_trap();
	}
	geen_stuurtekens(m.onderwerp, 0);
	geen_stuurtekens(m.tekst, 1);
	geen_stuurtekens(m.afzender, 0);
	if (m.token[0] && (strlen(m.token) != MAILIN_TOKEN_LEN || strspn(m.token, "0123456789abcdef") != MAILIN_TOKEN_LEN))
		__builtin_trap();
	(void)mailin_reden(&m, buf, sizeof buf);
	mailin_release(&m);
	return 0;
}
