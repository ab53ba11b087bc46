/* datum_test.c — unit tests of core/datum: parsing, formatting, arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>

#include "core/datum.h"

static void parse_valid_date(void **state)
{
	struct datum d;
	struct err e;

	assert_int_equal(datum_parse("07-03-2026", &d, &e), 0);
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 7);
}

static void parse_31_februari_does_not_exist(void **state)
{
	struct datum d;
	struct err e;

	assert_int_equal(datum_parse("31-02-2026", &d, &e), -1);
	assert_string_equal(e.msg, "31-02-2026 bestaat niet");
}

static void parse_29_februari_2028_leap_year(void **state)
{
	struct datum d;
	struct err e;

	assert_int_equal(datum_parse("29-02-2028", &d, &e), 0);
	assert_int_equal(datum_parse("29-02-2026", &d, &e), -1);
	assert_string_equal(e.msg, "29-02-2026 bestaat niet");
	assert_int_equal(datum_parse("29-02-2000", &d, &e), 0);
	assert_int_equal(datum_parse("29-02-1900", &d, &e), -1);
}

static void parse_iso_shape_refused_as_dutch(void **state)
{
	struct datum d;
	struct err e;

	assert_int_equal(datum_parse("2026-02-01", &d, &e), -1);
	assert_string_equal(e.msg, "Datum moet dd-mm-jjjj zijn");
}

static void parse_refuses_sloppy_shapes(void **state)
{
	const char *bad[] = { "", "1-2-2026", "01-02-26", "01/02/2026", " 01-02-2026",
			      "01-02-2026 ", "01-02-2026x", "0a-02-2026", "01-02-+026" };
	struct datum d;
	struct err e;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(datum_parse(bad[i], &d, &e), -1);
		assert_string_equal(e.msg, "Datum moet dd-mm-jjjj zijn");
	}
	assert_int_equal(datum_parse(NULL, &d, &e), -1);
	assert_int_equal(datum_parse("00-01-2026", &d, &e), -1);
	assert_string_equal(e.msg, "00-01-2026 bestaat niet");
	assert_int_equal(datum_parse("01-13-2026", &d, &e), -1);
	assert_int_equal(datum_parse("01-01-0000", &d, &e), -1);
}

static void format_and_iso_round_trip(void **state)
{
	char buf[DATUM_BUFLEN];
	struct datum d;
	struct err e;

	assert_string_equal(datum_format(datum_make(2026, 3, 7), buf), "07-03-2026");
	assert_string_equal(datum_format_iso(datum_make(2026, 3, 7), buf), "2026-03-07");
	assert_int_equal(datum_parse_iso("2028-02-29", &d, &e), 0);
	assert_string_equal(datum_format(d, buf), "29-02-2028");
	assert_int_equal(datum_parse_iso("2026-02-30", &d, &e), -1);
	assert_string_equal(e.msg, "2026-02-30 bestaat niet");
	assert_int_equal(datum_parse_iso("01-02-2026", &d, &e), -1);
	assert_string_equal(e.msg, "Datum moet jjjj-mm-dd zijn");
}

static void days_since_epoch_round_trip(void **state)
{
	long z;

	assert_int_equal(datum_to_days(datum_make(1970, 1, 1)), 0);
	assert_int_equal(datum_to_days(datum_make(2000, 3, 1)), 11017);
	assert_int_equal(datum_to_days(datum_make(1969, 12, 31)), -1);
	for (z = -719162; z < 2932896; z += 997) {
		struct datum d = datum_from_days(z);

		assert_true(datum_valid(d));
		assert_int_equal(datum_to_days(d), z);
	}
}

static void weekday_known_days(void **state)
{
	assert_int_equal(datum_weekday(datum_make(1970, 1, 1)), DATUM_DONDERDAG);
	assert_int_equal(datum_weekday(datum_make(2026, 1, 1)), DATUM_DONDERDAG);
	assert_int_equal(datum_weekday(datum_make(2025, 4, 27)), DATUM_ZONDAG);
	assert_int_equal(datum_weekday(datum_make(2024, 2, 29)), DATUM_DONDERDAG);
	assert_int_equal(datum_weekday(datum_make(1900, 1, 1)), DATUM_MAANDAG);
	assert_string_equal(datum_weekday_name(DATUM_ZATERDAG), "zaterdag");
	assert_string_equal(datum_weekday_name(9), "");
}

static void add_days_across_month_and_year(void **state)
{
	char buf[DATUM_BUFLEN];

	assert_string_equal(datum_format(datum_add_days(datum_make(2026, 12, 31), 1), buf),
			    "01-01-2027");
	assert_string_equal(datum_format(datum_add_days(datum_make(2028, 2, 28), 1), buf),
			    "29-02-2028");
	assert_string_equal(datum_format(datum_add_days(datum_make(2026, 3, 1), -1), buf),
			    "28-02-2026");
	assert_string_equal(datum_format(datum_add_days(datum_make(2026, 1, 1), 365), buf),
			    "01-01-2027");
}

static void diff_in_days(void **state)
{
	assert_int_equal(datum_diff(datum_make(2026, 1, 1), datum_make(2027, 1, 1)), 365);
	assert_int_equal(datum_diff(datum_make(2028, 1, 1), datum_make(2029, 1, 1)), 366);
	assert_int_equal(datum_diff(datum_make(2026, 3, 10), datum_make(2026, 3, 3)), -7);
	assert_int_equal(datum_cmp(datum_make(2026, 3, 10), datum_make(2026, 3, 3)), 1);
	assert_int_equal(datum_cmp(datum_make(2026, 3, 3), datum_make(2026, 3, 3)), 0);
}

static void age_in_years(void **state)
{
	struct datum birth = datum_make(2014, 6, 15);

	assert_int_equal(datum_age(birth, datum_make(2026, 6, 14)), 11);
	assert_int_equal(datum_age(birth, datum_make(2026, 6, 15)), 12);
	assert_int_equal(datum_age(birth, datum_make(2014, 6, 15)), 0);
	assert_int_equal(datum_age(birth, datum_make(2014, 6, 14)), -1);
}

static void age_of_leap_day_child(void **state)
{
	struct datum birth = datum_make(2016, 2, 29);

	assert_int_equal(datum_age(birth, datum_make(2026, 2, 28)), 9);
	assert_int_equal(datum_age(birth, datum_make(2026, 3, 1)), 10);
	assert_int_equal(datum_age(birth, datum_make(2028, 2, 29)), 12);
}

static void assert_datum(struct datum d, int y, int m, int day)
{
	assert_int_equal(d.y, y);
	assert_int_equal(d.m, m);
	assert_int_equal(d.d, day);
}

/* 23:30 UTC on 31 July is 01:30 summer time on 1 August in Amsterdam:
 * the new school year has started there. */
static void today_in_amsterdam_around_midnight_utc(void **state)
{
	assert_datum(datum_today((time_t)1817076600), 2027, 8, 1);  /* 2027-07-31 23:30 UTC */
	assert_datum(datum_today((time_t)1817071199), 2027, 7, 31); /* 21:59:59 UTC = 23:59:59 */
	assert_datum(datum_today((time_t)1817071200), 2027, 8, 1);  /* 22:00 UTC = 00:00 */
	/* winter time: one hour ahead of UTC */
	assert_datum(datum_today((time_t)1830293999), 2027, 12, 31); /* 22:59:59 UTC */
	assert_datum(datum_today((time_t)1830294000), 2028, 1, 1);   /* 23:00 UTC */
	assert_datum(datum_today((time_t)1861873200), 2028, 12, 31); /* 11:00 UTC */
	assert_datum(datum_today((time_t)-1800), 1970, 1, 1);        /* 1969-12-31 23:30 UTC */
}

/* Summer time runs from the last Sunday of March to the last Sunday of
 * October (28 March and 31 October in 2027). */
static void today_follows_summer_time(void **state)
{
	assert_datum(datum_today((time_t)1806186600), 2027, 3, 27);  /* 27-03 22:30 UTC, CET */
	assert_datum(datum_today((time_t)1806273000), 2027, 3, 29);  /* 28-03 22:30 UTC, CEST */
	assert_datum(datum_today((time_t)1824935400), 2027, 10, 31); /* 30-10 22:30 UTC, CEST */
	assert_datum(datum_today((time_t)1825021800), 2027, 10, 31); /* 31-10 22:30 UTC, CET */
}

/* Every half hour of 2026..2030 agrees with the system's tz database. */
static void today_agrees_with_tzdata(void **state)
{
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	for (time_t t = 1767225600; t < 1924992000; t += 1800) { /* 2026-01-01 .. 2031-01-01 */
		struct tm tm;
		localtime_r(&t, &tm);
		struct datum d = datum_today(t);
		if (d.y != tm.tm_year + 1900 || d.m != tm.tm_mon + 1 || d.d != tm.tm_mday)
			fail_msg("t=%lld: %d-%d-%d, tzdata %d-%d-%d", (long long)t, d.y, d.m, d.d,
				 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	}
}

static void schooljaar_starts_on_1_august(void **state)
{
	assert_int_equal(datum_schooljaar(datum_make(2027, 7, 31)), 2026);
	assert_int_equal(datum_schooljaar(datum_make(2027, 8, 1)), 2027);
	assert_int_equal(datum_schooljaar(datum_make(2027, 12, 31)), 2027);
	assert_int_equal(datum_schooljaar(datum_make(2028, 1, 1)), 2027);
	assert_int_equal(datum_schooljaar(datum_make(2028, 2, 29)), 2027);
	assert_datum(datum_schooljaar_start(datum_make(2027, 7, 31)), 2026, 8, 1);
	assert_datum(datum_schooljaar_start(datum_make(2027, 8, 1)), 2027, 8, 1);
	/* the moment that matters: 31 July 23:30 UTC is school year 2027 */
	assert_int_equal(datum_schooljaar(datum_today((time_t)1817076600)), 2027);
}

/* issue 14: dates as people type them */
static void parse_los_short_forms(void **state)
{
	struct datum d;
	struct err e;

	assert_int_equal(datum_parse_los("3-2-2016", &d, &e), 0);
	assert_int_equal(d.d, 3);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.y, 2016);
	assert_int_equal(datum_parse_los("03-02-2016", &d, &e), 0);
	assert_int_equal(d.d, 3);
	assert_int_equal(datum_parse_los(" 3/12/2016 ", &d, &e), 0);
	assert_int_equal(d.m, 12);
	assert_int_equal(datum_parse_los("31.1.2016", &d, &e), 0);
	assert_int_equal(d.d, 31);
}

static void parse_los_refuses(void **state)
{
	struct datum d = { 1, 1, 1 };
	struct err e;

	assert_int_equal(datum_parse_los("3-2-16", &d, &e), -1);
	assert_string_equal(e.msg, "Datum moet d-m-jjjj of dd-mm-jjjj zijn");
	assert_int_equal(datum_parse_los("3-2/2016", &d, &e), -1);
	assert_int_equal(datum_parse_los("003-2-2016", &d, &e), -1);
	assert_int_equal(datum_parse_los("3-2-2016x", &d, &e), -1);
	assert_int_equal(datum_parse_los("", &d, &e), -1);
	assert_int_equal(datum_parse_los(NULL, &d, &e), -1);
	assert_int_equal(datum_parse_los("31-2-2016", &d, &e), -1);
	assert_string_equal(e.msg, "31-2-2016 bestaat niet");
	assert_int_equal(d.y, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_valid_date),
		cmocka_unit_test(parse_31_februari_does_not_exist),
		cmocka_unit_test(parse_29_februari_2028_leap_year),
		cmocka_unit_test(parse_iso_shape_refused_as_dutch),
		cmocka_unit_test(parse_refuses_sloppy_shapes),
		cmocka_unit_test(format_and_iso_round_trip),
		cmocka_unit_test(days_since_epoch_round_trip),
		cmocka_unit_test(weekday_known_days),
		cmocka_unit_test(add_days_across_month_and_year),
		cmocka_unit_test(diff_in_days),
		cmocka_unit_test(age_in_years),
		cmocka_unit_test(age_of_leap_day_child),
		cmocka_unit_test(today_in_amsterdam_around_midnight_utc),
		cmocka_unit_test(today_follows_summer_time),
		cmocka_unit_test(today_agrees_with_tzdata),
		cmocka_unit_test(schooljaar_starts_on_1_august),
		cmocka_unit_test(parse_los_short_forms),
		cmocka_unit_test(parse_los_refuses),
	};

	return cmocka_run_group_tests_name("datum", tests, NULL, NULL);
}
