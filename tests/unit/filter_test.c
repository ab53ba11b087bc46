/* filter_test.c — unit tests of core/filter: the werkvoorraad filter
 * language (free words, veld:waarde, ! excludes, quotes, errors) and its
 * canonical spelling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/filter.h"

static void empty_text_is_empty_filter(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("", &f, &e), 0);
	assert_int_equal(f.n, 0);
	assert_int_equal(filter_parse("   ", &f, &e), 0);
	assert_int_equal(f.n, 0);
	assert_int_equal(filter_parse(NULL, &f, &e), 0);
	assert_int_equal(f.n, 0);
}

static void words_and_fields(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("jansen school:14SS !label:urgent", &f, &e), 0);
	assert_int_equal(f.n, 3);
	assert_int_equal(f.term[0].field, FILTER_TEXT);
	assert_string_equal(f.term[0].value, "jansen");
	assert_int_equal(f.term[0].negate, 0);
	assert_int_equal(f.term[1].field, FILTER_SCHOOL);
	assert_string_equal(f.term[1].value, "14SS");
	assert_int_equal(f.term[2].field, FILTER_LABEL);
	assert_int_equal(f.term[2].negate, 1);
	assert_string_equal(f.term[2].value, "urgent");
}

static void field_names_and_aliases(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("coördinator:ik COORD:geen coordinator:Rooij type:TLV aanvraagtype:arr", &f, &e), 0);
	assert_int_equal(f.n, 5);
	assert_int_equal(f.term[0].field, FILTER_COORDINATOR);
	assert_int_equal(f.term[0].who, FILTER_WHO_ME);
	assert_int_equal(f.term[1].who, FILTER_WHO_NONE);
	assert_int_equal(f.term[2].who, FILTER_WHO_NAME);
	assert_string_equal(f.term[2].value, "Rooij");
	assert_int_equal(f.term[3].field, FILTER_TYPE);
	assert_int_equal(f.term[4].field, FILTER_TYPE);
}

static void quotes_keep_spaces(void **state)
{
	struct filter f;
	struct err e;
	char buf[256];

	assert_int_equal(filter_parse("school:\"De Kameleon\" \"van der\"", &f, &e), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.term[0].value, "De Kameleon");
	assert_int_equal(f.term[1].field, FILTER_TEXT);
	assert_string_equal(f.term[1].value, "van der");
	filter_format(&f, buf, sizeof buf);
	assert_string_equal(buf, "school:\"De Kameleon\" \"van der\"");
	/* a colon inside quotes is no field */
	assert_int_equal(filter_parse("\"14:00\"", &f, &e), 0);
	assert_int_equal(f.term[0].field, FILTER_TEXT);
	assert_string_equal(f.term[0].value, "14:00");
}

static void numbers_and_comparisons(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("werkdagen:>10 werkdagen:<3 werkdagen:4 nummer:123 telaat:ja telaat:NEE", &f, &e), 0);
	assert_int_equal(f.n, 6);
	assert_int_equal(f.term[0].cmp, FILTER_CMP_GT);
	assert_int_equal(f.term[0].number, 10);
	assert_int_equal(f.term[1].cmp, FILTER_CMP_LT);
	assert_int_equal(f.term[1].number, 3);
	assert_int_equal(f.term[2].cmp, FILTER_CMP_EQ);
	assert_int_equal(f.term[2].number, 4);
	assert_int_equal(f.term[3].field, FILTER_NUMMER);
	assert_int_equal(f.term[3].number, 123);
	assert_int_equal(f.term[4].number, 1);
	assert_int_equal(f.term[5].number, 0);
}

static void errors_are_dutch_and_leave_filter_empty(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("jansen kleur:rood", &f, &e), -1);
	assert_non_null(strstr(e.msg, "Onbekend veld 'kleur'"));
	assert_int_equal(f.n, 0);
	assert_int_equal(filter_parse("school:", &f, &e), -1);
	assert_non_null(strstr(e.msg, "school:"));
	assert_int_equal(filter_parse("werkdagen:>tien", &f, &e), -1);
	assert_int_equal(filter_parse("nummer:12a", &f, &e), -1);
	assert_int_equal(filter_parse("telaat:misschien", &f, &e), -1);
	assert_int_equal(filter_parse("school:\"De Kameleon", &f, &e), -1);
	assert_non_null(strstr(e.msg, "Aanhalingsteken"));
	assert_int_equal(filter_parse("!", &f, &e), -1);
	assert_int_equal(filter_parse("a b c d e f g h i j k l m n o p q", &f, &e), -1);
	assert_non_null(strstr(e.msg, "Te veel"));
	assert_int_equal(f.n, 0);
}

static void utf8_values(void **state)
{
	struct filter f;
	struct err e;

	assert_int_equal(filter_parse("Ösün label:geëvalueerd", &f, &e), 0);
	assert_string_equal(f.term[0].value, "Ösün");
	assert_string_equal(f.term[1].value, "geëvalueerd");
}

static void format_round_trip_and_truncation(void **state)
{
	struct filter f, g;
	struct err e;
	char buf[256], small[12];

	assert_int_equal(filter_parse("  !jansen   coord:ik werkdagen:>10 ", &f, &e), 0);
	size_t n = filter_format(&f, buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "!jansen coördinator:ik werkdagen:>10");
	assert_int_equal(filter_parse(buf, &g, &e), 0);
	assert_int_equal(g.n, f.n);
	/* a small buffer never holds half a term */
	size_t need = filter_format(&f, small, sizeof small);
	assert_int_equal(need, strlen(buf));
	assert_string_equal(small, "!jansen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_text_is_empty_filter),
		cmocka_unit_test(words_and_fields),
		cmocka_unit_test(field_names_and_aliases),
		cmocka_unit_test(quotes_keep_spaces),
		cmocka_unit_test(numbers_and_comparisons),
		cmocka_unit_test(errors_are_dutch_and_leave_filter_empty),
		cmocka_unit_test(utf8_values),
		cmocka_unit_test(format_round_trip_and_truncation),
	};
	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
