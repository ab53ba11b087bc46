/* brief_test.c — unit tests of core/brief: what a person typed reaches
 * groff as text (a line starting with "." or "'", a backslash, control
 * characters), placeholders are checked, and groff makes a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/brief.h"

static void escape_requests_and_backslashes(void **state)
{
	char *s;
	(void)state;
	s = brief_escape(".bp\n'sp 3\nC:\\map \\fBvet\x01\tx");
	assert_string_equal(s, "\\&.bp\n\\&'sp 3\n\\&C:\\emap \\efBvet x");
	free(s);
	s = brief_escape(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void render_fills_and_refuses_unknown(void **state)
{
	const struct brief_veld v[] = { { "nummer", "2026-001" }, { "tekst", ".TL\nregel" } };
	char *out;
	struct err e;
	(void)state;
	assert_int_equal(brief_render(".LP\nNummer {{nummer}}\n.LP\n{{tekst}}\n", v, 2, &out, &e), 0);
	assert_string_equal(out, ".LP\nNummer \\&2026-001\n.LP\n\\&.TL\n\\&regel\n");
	free(out);
	assert_int_equal(brief_render("a\n{{naam}}\n", v, 2, &out, &e), -1);
	assert_string_equal(e.msg, "regel 2: onbekend veld {{naam}}");
	assert_int_equal(brief_render("{{nummer\n}}", v, 2, &out, &e), -1);
}

static void groff_makes_a_pdf(void **state)
{
	unsigned char *pdf;
	size_t len;
	struct err e;
	char *src;
	const struct brief_veld v[] = { { "t", ".bp" } };
	(void)state;
	assert_int_equal(brief_render(".LP\n{{t}}\n", v, 1, &src, &e), 0);
	assert_int_equal(brief_pdf(src, &pdf, &len, &e), 0);
	assert_true(len > 100);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
	free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_requests_and_backslashes),
		cmocka_unit_test(render_fills_and_refuses_unknown),
		cmocka_unit_test(groff_makes_a_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
