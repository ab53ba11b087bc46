/* kengetal_test.c — unit tests of core/kengetal: sums in cents, totals per
 * soort / bestuur / school, median and p90 of the doorlooptijd, bars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kengetal.h"

static void som_in_cents_and_overflow_refused(void **state)
{
	int64_t s = 850000;

	assert_int_equal(kengetal_som(&s, 1900000), 0);
	assert_int_equal(s, 2750000);
	assert_int_equal(kengetal_som(&s, INT64_MAX - 2750000), 0);
	assert_true(s == INT64_MAX);
	assert_int_equal(kengetal_som(&s, 1), -1);
	assert_true(s == INT64_MAX); /* unchanged, never wrapped */
	s = 5;
	assert_int_equal(kengetal_som(&s, -1), -1);
	assert_int_equal(s, 5);
}

static struct kengetal_rij rij(const char *bestuur, const char *brin, enum kengetal_soort soort, const char *cat,
			       long aantal, int64_t bedrag)
{
	struct kengetal_rij r;
	memset(&r, 0, sizeof r);
	strcpy(r.bestuur, bestuur);
	strcpy(r.brin, brin);
	snprintf(r.school, sizeof r.school, "School %s", brin);
	r.soort = soort;
	strcpy(r.categorie, cat);
	r.aantal = aantal;
	r.bedrag = bedrag;
	return r;
}

static void totalen_per_level(void **state)
{
	struct kengetal_rij r[] = {
		rij("Bestuur A", "14SS", KENGETAL_TLV, "TLV SBO", 2, 0),
		rij("Bestuur A", "14SS", KENGETAL_ARRANGEMENT, "Midden", 1, 850000),
		rij("Bestuur A", "15TT01", KENGETAL_ARRANGEMENT, "Midden", 2, 1700000),
		rij("Bestuur B", "16UU", KENGETAL_ARRANGEMENT, "Hoog", 1, 1900000),
		rij("Bestuur B", "16UU", KENGETAL_TLV, "TLV SBO", 1, 0),
	};
	struct kengetal_totaal *t;
	size_t n;
	struct err e;

	assert_int_equal(kengetal_totalen(r, 5, KENGETAL_PER_BESTUUR, &t, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].bestuur, "Bestuur A");
	assert_int_equal(t[0].tlv, 2);
	assert_int_equal(t[0].arrangement, 3);
	assert_true(t[0].bedrag == 2550000);
	assert_int_equal(t[1].tlv, 1);
	assert_true(t[1].bedrag == 1900000);
	free(t);

	assert_int_equal(kengetal_totalen(r, 5, KENGETAL_PER_SCHOOL, &t, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(t[1].brin, "15TT01");
	assert_string_equal(t[1].bestuur, "Bestuur A");
	assert_int_equal(t[1].arrangement, 2);
	free(t);

	/* per soort: TLV SBO of both besturen together; TLVs first, then
	 * the arrangements by name */
	assert_int_equal(kengetal_totalen(r, 5, KENGETAL_PER_SOORT, &t, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(t[0].categorie, "TLV SBO");
	assert_int_equal(t[0].tlv, 3);
	assert_string_equal(t[1].categorie, "Hoog");
	assert_true(t[1].bedrag == 1900000);
	assert_string_equal(t[2].categorie, "Midden");
	assert_int_equal(t[2].arrangement, 3);
	assert_true(t[2].bedrag == 2550000);
	assert_string_equal(t[0].bestuur, "");
	free(t);

	assert_int_equal(kengetal_totalen(r, 0, KENGETAL_PER_SOORT, &t, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_null(t);
}

static void totalen_too_big_or_negative(void **state)
{
	struct kengetal_rij r[] = {
		rij("A", "14SS", KENGETAL_ARRANGEMENT, "Hoog", 1, INT64_MAX),
		rij("A", "14SS", KENGETAL_ARRANGEMENT, "Hoog", 1, 1),
	};
	struct kengetal_totaal *t;
	size_t n;
	struct err e;

	assert_int_equal(kengetal_totalen(r, 2, KENGETAL_PER_BESTUUR, &t, &n, &e), -1);
	assert_non_null(strstr(e.msg, "te groot"));
	assert_null(t);
	r[1].bedrag = -5;
	assert_int_equal(kengetal_totalen(r, 2, KENGETAL_PER_SCHOOL, &t, &n, &e), -1);
	assert_non_null(strstr(e.msg, "negatief"));
}

static void duur_median_and_p90(void **state)
{
	struct kengetal_duur d;
	long odd[] = { 30, 10, 20 };
	long even[] = { 10, 40, 11, 20 };
	long ten[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 100 };
	long eleven[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	long one[] = { 42 };

	kengetal_duur(odd, 3, &d);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.mediaan, 20);
	assert_int_equal(d.p90, 30); /* ceil(2.7) = 3rd */
	assert_int_equal(d.min, 10);
	assert_int_equal(d.max, 30);

	kengetal_duur(even, 4, &d); /* 10 11 20 40: (11 + 20) / 2 = 15.5 → 16 */
	assert_int_equal(d.mediaan, 16);
	assert_int_equal(d.p90, 40);

	kengetal_duur(ten, 10, &d); /* rank 9 of 10: the outlier stays out */
	assert_int_equal(d.mediaan, 6);
	assert_int_equal(d.p90, 9);

	kengetal_duur(eleven, 11, &d); /* ceil(9.9) = 10th */
	assert_int_equal(d.mediaan, 6);
	assert_int_equal(d.p90, 10);

	kengetal_duur(one, 1, &d);
	assert_int_equal(d.mediaan, 42);
	assert_int_equal(d.p90, 42);

	kengetal_duur(NULL, 0, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.p90, 0);
}

static void duur_negative_days_count_as_zero(void **state)
{
	struct kengetal_duur d;
	long v[] = { -3, 5, 7 };

	kengetal_duur(v, 3, &d);
	assert_int_equal(d.min, 0);
	assert_int_equal(d.mediaan, 5);
}

static void balk_scaling(void **state)
{
	char b[128];

	/* the maximum fills the width */
	assert_int_equal(kengetal_balk(10, 10, 4, 0, b, sizeof b), 4);
	assert_string_equal(b, "####");
	/* half */
	assert_int_equal(kengetal_balk(5, 10, 4, 0, b, sizeof b), 2);
	/* a tiny value still shows */
	assert_int_equal(kengetal_balk(1, 1000000, 4, 0, b, sizeof b), 1);
	assert_string_equal(b, "#");
	/* zero and no scale draw nothing */
	assert_int_equal(kengetal_balk(0, 10, 4, 0, b, sizeof b), 0);
	assert_string_equal(b, "");
	assert_int_equal(kengetal_balk(3, 0, 4, 1, b, sizeof b), 0);
	/* above the maximum is cut at the width */
	assert_int_equal(kengetal_balk(20, 10, 3, 0, b, sizeof b), 3);
}

static void balk_eighths(void **state)
{
	char b[128];

	/* 3/8 of one cell: ▍ (U+258D) */
	assert_int_equal(kengetal_balk(3, 8, 1, 1, b, sizeof b), 1);
	assert_string_equal(b, "\u258d");
	/* 1.5 cells of 2: █▌ */
	assert_int_equal(kengetal_balk(3, 4, 2, 1, b, sizeof b), 2);
	assert_string_equal(b, "\u2588\u258c");
	/* millions of euros in cents on a wide bar: no overflow */
	assert_int_equal(kengetal_balk(INT64_MAX / 2, INT64_MAX, 60, 1, b, sizeof b), 30);
	/* the buffer bounds the bar */
	char s[9];
	kengetal_balk(10, 10, 10, 1, s, sizeof s);
	assert_true(strlen(s) <= 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(som_in_cents_and_overflow_refused),
		cmocka_unit_test(totalen_per_level),
		cmocka_unit_test(totalen_too_big_or_negative),
		cmocka_unit_test(duur_median_and_p90),
		cmocka_unit_test(duur_negative_days_count_as_zero),
		cmocka_unit_test(balk_scaling),
		cmocka_unit_test(balk_eighths),
	};

	return cmocka_run_group_tests_name("kengetal", tests, NULL, NULL);
}
