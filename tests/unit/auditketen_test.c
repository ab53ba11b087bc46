/* auditketen_test.c — core/auditketen: the link rule, against values
 * computed independently (sha256sum of the same bytes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/auditketen.h"

static void first_link(void **state)
{
	char out[AUDITKETEN_HEX];
	const char *kanon = "[1, 1, \"2026-12-07T17:00:00.000000Z\", 5, 1, \"secretariaat\", \"ab\", \"lokaal\", "
			    "\"login\", \"account\", 5, \"\"]";

	(void)state;
	assert_int_equal(auditketen_link(AUDITKETEN_BEGIN, kanon, strlen(kanon), out), 0);
	/* printf '%s|%s' 000…0 "$kanon" | sha256sum */
	assert_string_equal(out, "8582d8f139c20d580d060d107e6fdcf88f72c99be143972e807f6269a8ad36a6");
}

/* A changed byte anywhere changes the link; so does the previous link. */
static void every_byte_counts(void **state)
{
	char a[AUDITKETEN_HEX], b[AUDITKETEN_HEX], c[AUDITKETEN_HEX];

	(void)state;
	auditketen_link(AUDITKETEN_BEGIN, "[1]", 3, a);
	auditketen_link(AUDITKETEN_BEGIN, "[2]", 3, b);
	auditketen_link(a, "[1]", 3, c);
	assert_string_not_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_link),
		cmocka_unit_test(every_byte_counts),
	};
	return cmocka_run_group_tests_name("auditketen", tests, NULL, NULL);
}
