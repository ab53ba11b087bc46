/* validate_test.c — unit tests of core/validate: BRIN, postcode, e-mail,
 * phone, money, whole numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/validate.h"

static void brin_school_and_vestiging(void **state)
{
	char out[VALIDATE_BRIN_LEN];
	struct err e;

	assert_int_equal(validate_brin("14SS", out, &e), 0);
	assert_string_equal(out, "14SS");
	assert_int_equal(validate_brin("14SS01", out, &e), 0);
	assert_string_equal(out, "14SS01");
}

static void brin_lower_case_normalised(void **state)
{
	char out[VALIDATE_BRIN_LEN];
	struct err e;

	assert_int_equal(validate_brin(" 30rz02 ", out, &e), 0);
	assert_string_equal(out, "30RZ02");
}

static void brin_14S_invalid(void **state)
{
	const char *bad[] = { "14S", "", "1SSS", "14S1", "14SS1", "14SS012", "AB14", "14 SS" };
	char out[VALIDATE_BRIN_LEN] = "keep";
	struct err e;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(validate_brin(bad[i], out, &e), -1);
	assert_string_equal(out, "keep");
	assert_non_null(strstr(e.msg, "BRIN moet 2 cijfers en 2 letters zijn"));
}

static void postcode_normalised(void **state)
{
	char out[VALIDATE_POSTCODE_LEN];
	struct err e;

	assert_int_equal(validate_postcode("1234AB", out, &e), 0);
	assert_string_equal(out, "1234 AB");
	assert_int_equal(validate_postcode("5701 ab", out, &e), 0);
	assert_string_equal(out, "5701 AB");
	assert_int_equal(validate_postcode(" 3011 AA ", out, &e), 0);
	assert_string_equal(out, "3011 AA");
}

static void postcode_1234_A_invalid(void **state)
{
	char out[VALIDATE_POSTCODE_LEN];
	struct err e;

	assert_int_equal(validate_postcode("1234 A", out, &e), -1);
	assert_string_equal(e.msg, "Postcode moet 4 cijfers en 2 letters zijn (bijv. 1234 AB)");
	assert_int_equal(validate_postcode("1234  AB", out, &e), -1);
	assert_int_equal(validate_postcode("123 AB", out, &e), -1);
	assert_int_equal(validate_postcode("", out, &e), -1);
}

static void postcode_leading_zero_and_ss_refused(void **state)
{
	char out[VALIDATE_POSTCODE_LEN];
	struct err e;

	assert_int_equal(validate_postcode("0123 AB", out, &e), -1);
	assert_string_equal(e.msg, "Postcode begint nooit met 0");
	assert_int_equal(validate_postcode("1234 ss", out, &e), -1);
	assert_string_equal(e.msg, "Postcode met de letters SS bestaat niet");
	assert_int_equal(validate_postcode("1234SA", out, &e), -1);
	assert_int_equal(validate_postcode("1234 SD", out, &e), -1);
	assert_int_equal(validate_postcode("1234 SB", out, &e), 0);
}

static void email_valid(void **state)
{
	struct err e;

	assert_int_equal(validate_email("jan@school.nl", &e), 0);
	assert_int_equal(validate_email(" j.de.vries+swv@mail.school-a.nl ", &e), 0);
	assert_int_equal(validate_email("coördinator@zaanse-schoolgroep.nl", &e), -1);
	assert_int_equal(validate_email("info@coördinatie.nl", &e), 0);
}

static void email_without_domain(void **state)
{
	struct err e;

	assert_int_equal(validate_email("jan@", &e), -1);
	assert_string_equal(e.msg, "E-mailadres mist het domein na de @ (bijv. naam@school.nl)");
	assert_int_equal(validate_email("jan@school", &e), -1);
	assert_string_equal(e.msg, "E-mailadres mist de punt in het domein (bijv. naam@school.nl)");
}

static void email_other_mistakes(void **state)
{
	struct err e;

	assert_int_equal(validate_email("jan school.nl", &e), -1);
	assert_string_equal(e.msg, "E-mailadres mag geen spaties bevatten");
	assert_int_equal(validate_email("jan.school.nl", &e), -1);
	assert_int_equal(validate_email("@school.nl", &e), -1);
	assert_int_equal(validate_email("jan@@school.nl", &e), -1);
	assert_int_equal(validate_email("jan..x@school.nl", &e), -1);
	assert_int_equal(validate_email("jan@school..nl", &e), -1);
	assert_int_equal(validate_email("jan@school.n", &e), -1);
	assert_int_equal(validate_email("jan@-school.nl", &e), -1);
	assert_int_equal(validate_email("", &e), -1);
}

static void phone_dutch_numbers(void **state)
{
	char out[VALIDATE_PHONE_LEN];
	struct err e;

	assert_int_equal(validate_phone("06-12345678", out, &e), 0);
	assert_string_equal(out, "0612345678");
	assert_int_equal(validate_phone("010 123 45 67", out, &e), 0);
	assert_string_equal(out, "0101234567");
	assert_int_equal(validate_phone("+31 6 12345678", out, &e), 0);
	assert_string_equal(out, "0612345678");
	assert_int_equal(validate_phone("+31 (0)492 123456", out, &e), 0);
	assert_string_equal(out, "0492123456");
	assert_int_equal(validate_phone("0031612345678", out, &e), 0);
	assert_string_equal(out, "0612345678");
	assert_int_equal(validate_phone("0800-1234", out, &e), 0);
	assert_string_equal(out, "08001234");
}

static void phone_refused(void **state)
{
	char out[VALIDATE_PHONE_LEN];
	struct err e;

	assert_int_equal(validate_phone("06-1234567", out, &e), -1);
	assert_int_equal(validate_phone("061234567890", out, &e), -1);
	assert_int_equal(validate_phone("+32 2 123 45 67", out, &e), -1);
	assert_string_equal(e.msg, "Alleen Nederlandse telefoonnummers (+31) kunnen");
	assert_int_equal(validate_phone("06-1234567a", out, &e), -1);
	assert_int_equal(validate_phone("6123456789", out, &e), -1);
	assert_int_equal(validate_phone("", out, &e), -1);
}

static void money_dutch_forms(void **state)
{
	int64_t c;
	struct err e;

	assert_int_equal(validate_money("8.500,00", &c, &e), 0);
	assert_int_equal(c, 850000);
	assert_int_equal(validate_money("8500", &c, &e), 0);
	assert_int_equal(c, 850000);
	assert_int_equal(validate_money("8500,5", &c, &e), 0);
	assert_int_equal(c, 850050);
	assert_int_equal(validate_money("\xe2\x82\xac 8.500,00", &c, &e), 0);
	assert_int_equal(c, 850000);
	assert_int_equal(validate_money("\xe2\x82\xac""19.000", &c, &e), 0);
	assert_int_equal(c, 1900000);
	assert_int_equal(validate_money("8.500,-", &c, &e), 0);
	assert_int_equal(c, 850000);
	assert_int_equal(validate_money("0,07", &c, &e), 0);
	assert_int_equal(c, 7);
	assert_int_equal(validate_money("1.234.567,89", &c, &e), 0);
	assert_int_equal(c, 123456789);
}

static void money_letter_o_refused(void **state)
{
	int64_t c = 42;
	struct err e;

	assert_int_equal(validate_money("8.500,0O", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag moet een getal in euro zijn (bijv. 8.500,00)");
	assert_int_equal(c, 42);
}

static void money_negative_refused(void **state)
{
	int64_t c;
	struct err e;

	assert_int_equal(validate_money("-5", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag mag niet negatief zijn");
	assert_int_equal(validate_money("\xe2\x82\xac -8.500,00", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag mag niet negatief zijn");
}

static void money_shape_mistakes(void **state)
{
	int64_t c;
	struct err e;

	assert_int_equal(validate_money("8.50", &c, &e), -1);
	assert_non_null(strstr(e.msg, "duizendtallen"));
	assert_int_equal(validate_money("85.00.000", &c, &e), -1);
	assert_int_equal(validate_money("8500.000,00", &c, &e), -1);
	assert_int_equal(validate_money("8,505", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag heeft hoogstens 2 cijfers achter de komma");
	assert_int_equal(validate_money("8500,", &c, &e), -1);
	assert_int_equal(validate_money(",50", &c, &e), -1);
	assert_int_equal(validate_money("", &c, &e), -1);
	assert_int_equal(validate_money("\xe2\x82\xac", &c, &e), -1);
}

static void money_overflow_guarded(void **state)
{
	int64_t c;
	struct err e;

	assert_int_equal(validate_money("92233720368547758,07", &c, &e), 0);
	assert_true(c == INT64_MAX);
	assert_int_equal(validate_money("92233720368547758,08", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag is te groot");
	assert_int_equal(validate_money("999999999999999999999999", &c, &e), -1);
	assert_string_equal(e.msg, "Bedrag is te groot");
}

static void money_format(void **state)
{
	char buf[VALIDATE_MONEY_LEN];

	assert_string_equal(validate_money_format(850000, buf, sizeof buf), "\xe2\x82\xac 8.500,00");
	assert_string_equal(validate_money_format(1900000, buf, sizeof buf), "\xe2\x82\xac 19.000,00");
	assert_string_equal(validate_money_format(5, buf, sizeof buf), "\xe2\x82\xac 0,05");
	assert_string_equal(validate_money_format(123456789, buf, sizeof buf),
			    "\xe2\x82\xac 1.234.567,89");
	assert_string_equal(validate_money_format(-1250, buf, sizeof buf), "\xe2\x82\xac -12,50");
	assert_string_equal(validate_money_format(INT64_MIN, buf, sizeof buf),
			    "\xe2\x82\xac -92.233.720.368.547.758,08");
}

static void whole_numbers(void **state)
{
	long long v;
	struct err e;

	assert_int_equal(validate_int(" 42 ", 0, 100, &v, NULL, &e), 0);
	assert_int_equal(v, 42);
	assert_int_equal(validate_int("-3", -10, 10, &v, NULL, &e), 0);
	assert_int_equal(v, -3);
	assert_int_equal(validate_int("12a", 0, 100, &v, "Aantal", &e), -1);
	assert_string_equal(e.msg, "Aantal moet een heel getal zijn");
	assert_int_equal(validate_int("101", 0, 100, &v, "Aantal", &e), -1);
	assert_string_equal(e.msg, "Aantal moet tussen 0 en 100 liggen");
	assert_int_equal(validate_int("99999999999999999999999", 0, 100, &v, NULL, &e), -1);
	assert_int_equal(validate_int("-", 0, 100, &v, NULL, &e), -1);
	assert_int_equal(validate_int("", 0, 100, &v, NULL, &e), -1);
	assert_string_equal(e.msg, "Getal is leeg");
}

/* issue 14 §5: "1234ab" accepted and normalised, "12345" refused */
static void postcode_issue14(void **state)
{
	char out[VALIDATE_POSTCODE_LEN];
	struct err e;

	assert_int_equal(validate_postcode("1234ab", out, &e), 0);
	assert_string_equal(out, "1234 AB");
	assert_int_equal(validate_postcode("12345", out, &e), -1);
	assert_true(strlen(e.msg) > 0);
}

static void huisnummer_met_toevoeging(void **state)
{
	char out[VALIDATE_HUISNUMMER_LEN];
	struct err e;

	assert_int_equal(validate_huisnummer("12", out, &e), 0);
	assert_string_equal(out, "12");
	assert_int_equal(validate_huisnummer(" 12a ", out, &e), 0);
	assert_string_equal(out, "12A");
	assert_int_equal(validate_huisnummer("12 A", out, &e), 0);
	assert_string_equal(out, "12A");
	assert_int_equal(validate_huisnummer("12-2", out, &e), 0);
	assert_string_equal(out, "12-2");
	assert_int_equal(validate_huisnummer("12 bis", out, &e), 0);
	assert_string_equal(out, "12-bis");
	assert_int_equal(validate_huisnummer("99999-HS", out, &e), 0);
	assert_string_equal(out, "99999-hs");
}

static void huisnummer_fouten(void **state)
{
	char out[VALIDATE_HUISNUMMER_LEN] = "x";
	struct err e;

	assert_int_equal(validate_huisnummer("", out, &e), -1);
	assert_string_equal(e.msg, "Vul het huisnummer in");
	assert_int_equal(validate_huisnummer("a12", out, &e), -1);
	assert_int_equal(validate_huisnummer("012", out, &e), -1);
	assert_string_equal(e.msg, "Een huisnummer begint niet met 0");
	assert_int_equal(validate_huisnummer("123456", out, &e), -1);
	assert_int_equal(validate_huisnummer("12-", out, &e), -1);
	assert_int_equal(validate_huisnummer("12 abcdefg", out, &e), -1);
	assert_int_equal(validate_huisnummer("12 a/b", out, &e), -1);
	assert_string_equal(out, "x"); /* nothing written on failure */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(brin_school_and_vestiging),
		cmocka_unit_test(brin_lower_case_normalised),
		cmocka_unit_test(brin_14S_invalid),
		cmocka_unit_test(postcode_normalised),
		cmocka_unit_test(postcode_1234_A_invalid),
		cmocka_unit_test(postcode_leading_zero_and_ss_refused),
		cmocka_unit_test(email_valid),
		cmocka_unit_test(email_without_domain),
		cmocka_unit_test(email_other_mistakes),
		cmocka_unit_test(phone_dutch_numbers),
		cmocka_unit_test(phone_refused),
		cmocka_unit_test(money_dutch_forms),
		cmocka_unit_test(money_letter_o_refused),
		cmocka_unit_test(money_negative_refused),
		cmocka_unit_test(money_shape_mistakes),
		cmocka_unit_test(money_overflow_guarded),
		cmocka_unit_test(money_format),
		cmocka_unit_test(whole_numbers),
		cmocka_unit_test(postcode_issue14),
		cmocka_unit_test(huisnummer_met_toevoeging),
		cmocka_unit_test(huisnummer_fouten),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
