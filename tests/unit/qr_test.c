/* qr_test.c — core/qr: a TOTP URI fits 80x24, the finder patterns are
 * where the standard puts them, and an impossible text is a Dutch error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/qr.h"

#define URI "otpauth://totp/secretariaat?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" \
	    "&issuer=SWV%20Helmond-Peelland%20PO"

/* Display width of a line: every cell is one character. */
static int cells(const char *l)
{
	int n = 0;

	for (; *l; l++)
		n += ((unsigned char)*l & 0xc0) != 0x80;
	return n;
}

static void totp_uri_fits_a_terminal(void **state)
{
	struct qr_text q;
	struct err e;

	(void)state;
	assert_int_equal(qr_text_make(URI, &q, &e), 0);
	/* version 5 (37 modules) and the quiet zone: 39 x 20, under the 21
	 * lines an 80x24 screen has between its bars */
	assert_true(q.width <= 39);
	assert_true(q.lines <= 20);
	for (int i = 0; i < q.lines; i++)
		assert_int_equal(cells(q.line[i]), q.width);
	/* the quiet zone is light: the first line has no dark cell, and the
	 * top-left finder pattern's dark ring (modules 1..7) makes the second
	 * line start "█ █▀▀▀█ █" (light, ring, light, core, light, ring) */
	assert_null(strchr(q.line[0], ' '));
	assert_memory_equal(q.line[1], "\xe2\x96\x88 \xe2\x96\x88\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80\xe2\x96\x88 \xe2\x96\x88", 23);
	qr_text_free(&q);
}

static void too_long_refused(void **state)
{
	struct qr_text q;
	struct err e;
	char *big = malloc(8000);

	(void)state;
	memset(big, 'a', 7999);
	big[7999] = '\0';
	assert_int_equal(qr_text_make(big, &q, &e), -1);
	assert_string_equal(e.msg, "te lang voor een QR-code");
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(totp_uri_fits_a_terminal),
		cmocka_unit_test(too_long_refused),
	};
	return cmocka_run_group_tests_name("qr", tests, NULL, NULL);
}
