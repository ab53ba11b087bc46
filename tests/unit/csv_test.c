/* csv_test.c — unit tests of core/csv: quoting, formulas kept as text,
 * the line end, a buffer too small, amounts for Dutch Excel. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/csv.h"

static void plain_and_last(void **state)
{
	char b[64];

	assert_int_equal(csv_veld("14SS", ';', 0, b, sizeof b), 5);
	assert_string_equal(b, "14SS;");
	csv_veld("Midden", ';', 1, b, sizeof b);
	assert_string_equal(b, "Midden\r\n");
	csv_veld(NULL, ';', 0, b, sizeof b);
	assert_string_equal(b, ";");
	/* a comma is no separator here: no quotes */
	csv_veld("Berg, van den", ';', 0, b, sizeof b);
	assert_string_equal(b, "Berg, van den;");
}

static void quoted(void **state)
{
	char b[64];

	csv_veld("a;b", ';', 0, b, sizeof b);
	assert_string_equal(b, "\"a;b\";");
	csv_veld("zei \"ja\"", ';', 0, b, sizeof b);
	assert_string_equal(b, "\"zei \"\"ja\"\"\";");
	csv_veld("twee\nregels", ';', 1, b, sizeof b);
	assert_string_equal(b, "\"twee\nregels\"\r\n");
}

static void formula_stays_text(void **state)
{
	char b[64];

	csv_veld("=HYPERLINK(\"x\")", ';', 0, b, sizeof b);
	assert_string_equal(b, "\"'=HYPERLINK(\"\"x\"\")\";");
	csv_veld("+31", ';', 0, b, sizeof b);
	assert_string_equal(b, "'+31;");
	csv_veld("@SUM", ';', 0, b, sizeof b);
	assert_string_equal(b, "'@SUM;");
	csv_veld("-1", ';', 0, b, sizeof b);
	assert_string_equal(b, "'-1;");
}

static void too_small_says_how_much(void **state)
{
	char b[4];

	assert_int_equal(csv_veld("abcdef", ';', 0, b, sizeof b), 7);
	assert_int_equal(strlen(b), 3);
}

static void bedrag(void **state)
{
	char b[32];

	assert_string_equal(csv_bedrag(850000, b, sizeof b), "8500,00");
	assert_string_equal(csv_bedrag(5, b, sizeof b), "0,05");
	assert_string_equal(csv_bedrag(0, b, sizeof b), "0,00");
	assert_string_equal(csv_bedrag(-150, b, sizeof b), "-1,50");
	assert_string_equal(csv_bedrag(INT64_MIN, b, sizeof b), "-92233720368547758,08");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_and_last),
		cmocka_unit_test(quoted),
		cmocka_unit_test(formula_stays_text),
		cmocka_unit_test(too_small_says_how_much),
		cmocka_unit_test(bedrag),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
