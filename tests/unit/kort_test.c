/* kort_test.c — shortening that keeps statuses and titles told apart. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/kort.h"

static const char *const tlv[] = { "afgegeven, school bekend", "afgegeven, school onbekend", "afgewezen" };

/* Fits, or cut at the end still tells it apart: unchanged. */
static void unchanged_when_enough(void **state)
{
	char out[200];

	(void)state;
	assert_string_equal(kort_onderscheid("afgewezen", tlv, 3, 13, out, sizeof out), "afgewezen");
	/* "afgegeven, s…" vs "afgewezen": they part at the 5th character */
	const char *two[] = { "afgegeven, school bekend", "afgewezen" };
	assert_string_equal(kort_onderscheid("afgegeven, school bekend", two, 2, 13, out, sizeof out),
			    "afgegeven, school bekend");
	/* no peers: nothing to tell apart */
	assert_string_equal(kort_onderscheid("afgegeven, school bekend", NULL, 0, 13, out, sizeof out),
			    "afgegeven, school bekend");
}

/* A shared beginning longer than the width: head…word where they part. */
static void head_and_the_word_that_differs(void **state)
{
	char a[200], b[200];

	(void)state;
	kort_onderscheid("afgegeven, school bekend", tlv, 3, 13, a, sizeof a);
	kort_onderscheid("afgegeven, school onbekend", tlv, 3, 13, b, sizeof b);
	assert_string_equal(a, "afgege…bekend");
	assert_string_equal(b, "afge…onbekend");
	assert_int_equal(kort_breedte(a), 13);
	assert_int_equal(kort_breedte(b), 13);
}

/* A tail too long for a head: "…" and the tail (the drawing cuts its end). */
static void only_the_tail_when_long(void **state)
{
	const char *arr[] = { "categorie 2 en 3 bespreken coördinator passend onderwijs SWV",
			      "categorie 2 en 3 besproken" };
	char a[200], b[200];

	(void)state;
	kort_onderscheid(arr[0], arr, 2, 13, a, sizeof a);
	kort_onderscheid(arr[1], arr, 2, 13, b, sizeof b);
	assert_string_equal(a, "…bespreken coördinator passend onderwijs SWV");
	assert_string_equal(b, "cat…besproken");
	assert_true(strcmp(a, b) != 0);
}

/* A peer that is the text's own beginning: the last word tells it apart. */
static void peer_is_a_prefix(void **state)
{
	const char *arr[] = { "Nieuw, > 5 werkdagen zonder reactie", "Nieuw, > 5 werkdagen zonder reactie (mijn)" };
	char b[200];

	(void)state;
	kort_onderscheid(arr[1], arr, 2, 14, b, sizeof b);
	assert_string_equal(b, "Nieuw, …(mijn)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unchanged_when_enough),
		cmocka_unit_test(head_and_the_word_that_differs),
		cmocka_unit_test(only_the_tail_when_long),
		cmocka_unit_test(peer_is_a_prefix),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("kort", tests, NULL, NULL);
}
