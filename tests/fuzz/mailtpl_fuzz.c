/* mailtpl_fuzz.c — libFuzzer target for the mail template parser
 * (core/mailtpl.c): any bytes give either a template or one Dutch
 * file:line error, never a crash, leak or hang; a template that loads always
 * renders, and its subject never holds CR or LF, whatever the values. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mailtpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mailtpl *t = NULL;
	struct err e;
	int rc;

	err_clear(&e);
	rc = mailtpl_parse((const char *)data, size, "fuzz.mail", &t, &e);
	if ((rc == 0) != (t != NULL))
		__builtin_trap();
	if (rc < 0) {
		if (!e.msg[0] || strcmp(e.file, "fuzz.mail") != 0 || e.line <= 0)
			__builtin_trap();
		return 0;
	}
	/* render twice: once with plain values, once with hostile ones */
	for (int pass = 0; pass < 2; pass++) {
		struct mailtpl_vars v;
		char *s = NULL, *b = NULL;

		memset(&v, 0, sizeof v);
		for (int i = 0; i < MAILTPL_VAR_COUNT; i++)
			v.v[i] = pass ? "x\r\nBcc: a@b.nl {status} }{" : "waarde";
		if (pass)
			v.v[MAILTPL_STATUS] = "TLV>aanvraag";
		rc = mailtpl_render(t, &v, &s, &b, &e);
		if (rc == 0 && (!s || !b || strpbrk(s, "\r\n")))
			__builtin_trap();
		if (rc < 0 && (s || b))
			__builtin_trap();
		free(s);
		free(b);
	}
	(void)mailtpl_actie(t, "TLV>aanvraag aanvulling nodig");
	mailtpl_free(&t);
	return 0;
}
