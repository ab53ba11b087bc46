/* authproto_test.c — unit tests of core/authproto: the auth helper's
 * lines round-trip, and what cannot be a field is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/authproto.h"

static void round_trip(void **state)
{
	const char *in[4] = { "PASSWORD", "secretariaat", "geheim wachtwoord €", "" };
	char line[AUTHPROTO_MAX_LINE], *f[AUTHPROTO_MAX_FIELDS];
	int n = authproto_encode(line, sizeof line, 4, in);

	(void)state;
	assert_int_equal(n, (int)strlen(line));
	assert_string_equal(line, "PASSWORD\tsecretariaat\tgeheim wachtwoord €\t\n");
	assert_int_equal(authproto_decode(line, (size_t)n, f, AUTHPROTO_MAX_FIELDS), 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(f[i], in[i]);
}

static void separators_in_a_field_refused(void **state)
{
	char line[AUTHPROTO_MAX_LINE];
	const char *tab[2] = { "PASSWORD", "a\tb" }, *nl[2] = { "CODE", "1\n2" }, *cr[2] = { "CODE", "1\r" };

	(void)state;
	assert_int_equal(authproto_encode(line, sizeof line, 2, tab), -1);
	assert_int_equal(authproto_encode(line, sizeof line, 2, nl), -1);
	assert_int_equal(authproto_encode(line, sizeof line, 2, cr), -1);
}

static void too_long_or_too_many_refused(void **state)
{
	static char big[AUTHPROTO_MAX_LINE + 10], line[AUTHPROTO_MAX_LINE * 2];
	const char *f[2] = { "PASSWORD", big };
	char *out[3], many[] = "a\tb\tc\td";

	(void)state;
	memset(big, 'x', sizeof big - 1);
	assert_int_equal(authproto_encode(line, sizeof line, 2, f), -1);
	assert_int_equal(authproto_decode(many, strlen(many), out, 3), -1);
	char empty[] = "\n", withnul[] = "CODE\0x\n", withcr[] = "CODE\r\n";
	assert_int_equal(authproto_decode(empty, 1, out, 3), -1);
	assert_int_equal(authproto_decode(withnul, 7, out, 3), -1);
	assert_int_equal(authproto_decode(withcr, 6, out, 3), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(separators_in_a_field_refused),
		cmocka_unit_test(too_long_or_too_many_refused),
	};
	return cmocka_run_group_tests_name("authproto", tests, NULL, NULL);
}
