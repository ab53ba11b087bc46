/* brief_fuzz.c — libFuzzer target for the letter templates (core/brief.c):
 * any bytes as a template give either the letter or one Dutch error with a
 * line, never a crash, leak or hang; and any bytes as a value come out of
 * brief_escape as text groff cannot take for a request: every line starts
 * with \& and every backslash is \e or that \&. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/brief.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_escaped(const char *s)
{
	int bol = 1;
	for (const char *p = s; *p; p++) {
		if (bol && !(p[0] == '\\' && p[1] == '&'))
			__builtin_trap();
		bol = *p == '\n';
		if (*p == '\\') {
			if (p[1] != 'e' && p[1] != '&')
				__builtin_trap();
			p++;
		} else if ((unsigned char)*p < 0x20 && *p != '\n') {
			__builtin_trap(); /* control characters never reach groff */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *out = NULL, *esc;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* as a value */
	esc = brief_escape(s);
	if (!esc)
		__builtin_trap();
	check_escaped(esc);
	free(esc);
	/* as a template, with the input as every value too */
	const struct brief_veld v[] = { { "nummer", "2026-001" }, { "tekst", s }, { "leeg", NULL } };
	err_clear(&e);
	if (brief_render(s, v, 3, &out, &e) == 0) {
		if (!out)
			__builtin_trap();
		free(out);
	} else if (out || strncmp(e.msg, "regel ", 6) != 0) {
		__builtin_trap();
	}
	free(s);
	return 0;
}
