/* afspraak_test.c — core/afspraak: the appointment's date and time as typed
 * (31-02, 25:00, an end before the start, the past, other spellings), the
 * proposal (a weekday), and the mails (nummer, date and time; no name). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/afspraak.h"

static const struct datum vandaag = { 2026, 12, 8 };

static void parse_ok(const char *s, int d, int van, int tot)
{
	struct afspraak_tijd t;
	struct err e;

	assert_int_equal(afspraak_tijd_parse(s, vandaag, &t, &e), 0);
	assert_int_equal(t.datum.d, d);
	assert_int_equal(t.van, van);
	assert_int_equal(t.tot, tot);
}

static void parse_err(const char *s, const char *msg)
{
	struct afspraak_tijd t = { { 1, 1, 1 }, 1, 2 };
	struct err e;

	assert_int_equal(afspraak_tijd_parse(s, vandaag, &t, &e), -1);
	assert_non_null(strstr(e.msg, msg));
	assert_int_equal(t.van, 1); /* untouched */
}

static void test_parse(void **state)
{
	char buf[AFSPRAAK_TIJD_BUFLEN];
	struct afspraak_tijd t;
	struct err e;

	(void)state;
	parse_ok("14-12-2026 10:00-10:30", 14, 600, 630);
	parse_ok("  14-12-2026  9:30 - 10:15 ", 14, 570, 615);
	parse_ok("14-12-2026 9:30 tot 10:15", 14, 570, 615);
	parse_ok("8-12-2026 13:00\xe2\x80\x93" "13:45", 8, 780, 825); /* today, en dash */
	parse_err("31-02-2027 10:00-10:30", "31-02-2027 bestaat niet");
	parse_err("14-12-2026 25:00-26:00", "Begintijd: 25:00 bestaat niet");
	parse_err("14-12-2026 10:00-10", "Eindtijd: Tijd moet uu:mm zijn");
	parse_err("14-12-2026 10:30-10:00", "eindtijd (10:00) ligt niet na de begintijd (10:30)");
	parse_err("14-12-2026 10:00-10:00", "ligt niet na");
	parse_err("07-12-2026 10:00-10:30", "07-12-2026 is al geweest");
	parse_err("14-12-2026 10:00", "dd-mm-jjjj uu:mm-uu:mm");
	parse_err("14-12-2026 10:00-10:30 11:00", "dd-mm-jjjj uu:mm-uu:mm");
	parse_err("", "dd-mm-jjjj uu:mm-uu:mm");
	parse_err(NULL, "dd-mm-jjjj uu:mm-uu:mm");
	/* what format writes, parse reads */
	assert_int_equal(afspraak_tijd_parse("09-12-2026 08:05-08:35", vandaag, &t, &e), 0);
	assert_string_equal(afspraak_tijd_format(&t, buf), "09-12-2026 08:05-08:35");
}

static void test_voorstel(void **state)
{
	struct datum vrijdag = { 2026, 12, 11 };
	struct afspraak_tijd t;

	(void)state;
	t = afspraak_voorstel(vandaag); /* a Tuesday: Wednesday */
	assert_int_equal(t.datum.d, 9);
	assert_int_equal(t.van, 600);
	assert_int_equal(t.tot, 630);
	t = afspraak_voorstel(vrijdag); /* the weekend skipped: Monday */
	assert_int_equal(t.datum.d, 14);
}

static void test_mails(void **state)
{
	struct afspraak_tijd t = { { 2026, 12, 14 }, 600, 630 };
	char *s = NULL, *b = NULL;

	(void)state;
	assert_int_equal(afspraak_mail_gepland(1678, &t, "telefonisch 0492-123456", 0, &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 1678: afspraak met de coördinator op 14-12-2026 om 10:00");
	assert_non_null(strstr(b, "maandag 14-12-2026"));
	assert_non_null(strstr(b, "10:00 tot 10:30"));
	assert_non_null(strstr(b, "telefonisch 0492-123456"));
	free(s);
	free(b);
	assert_int_equal(afspraak_mail_gepland(1678, &t, "", 1, &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 1678: afspraak met de coördinator verplaatst naar 14-12-2026 om 10:00");
	assert_non_null(strstr(b, "de coördinator belt u"));
	free(s);
	free(b);
	assert_int_equal(afspraak_mail_vervalt(1678, &t, &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 1678: afspraak van 14-12-2026 gaat niet door");
	assert_non_null(strstr(b, "gaat niet door"));
	free(s);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_voorstel),
		cmocka_unit_test(test_mails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
