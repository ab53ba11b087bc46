/* utf8_test.c — the strict UTF-8 decoder/encoder shared by core parsers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/utf8.h"

static size_t dec(const char *s, uint32_t *cp)
{
	return utf8_decode((const unsigned char *)s, strlen(s), cp);
}

static void valid_sequences(void **state)
{
	uint32_t cp;
	assert_int_equal(dec("q", &cp), 1);
	assert_int_equal(cp, 'q');
	assert_int_equal(dec("ë", &cp), 2);
	assert_int_equal(cp, 0xeb);
	assert_int_equal(dec("€", &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(dec("😀", &cp), 4);
	assert_int_equal(cp, 0x1f600);
}

static void invalid_sequences(void **state)
{
	assert_int_equal(dec("\xc0\xaf", NULL), 0);         /* overlong '/' */
	assert_int_equal(dec("\xe0\x80\xaf", NULL), 0);     /* overlong */
	assert_int_equal(dec("\xed\xa0\x80", NULL), 0);     /* surrogate U+D800 */
	assert_int_equal(dec("\xf4\x90\x80\x80", NULL), 0); /* above U+10FFFF */
	assert_int_equal(dec("\xc3", NULL), 0);             /* truncated */
	assert_int_equal(dec("\xc3(", NULL), 0);            /* bad continuation */
	assert_int_equal(dec("\x80", NULL), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"", 0, NULL), 0);
}

static void encode_round_trip(void **state)
{
	const uint32_t cps[] = {'a', 0xe9, 0x7ff, 0x800, 0x20ac, 0xffff, 0x10000, 0x10ffff};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[5];
		uint32_t back;
		size_t n = utf8_encode(cps[i], buf);
		assert_true(n >= 1);
		assert_int_equal(utf8_decode((const unsigned char *)buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	char buf[5];
	assert_int_equal(utf8_encode(0xd800, buf), 0);
	assert_int_equal(utf8_encode(0x110000, buf), 0);
}

static void length_in_code_points(void **state)
{
	assert_int_equal(utf8_length("Zoë Noël"), 8);
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("ab\xff"), (size_t)-1);
}

/* Decomposed input (e + U+0301, u + U+0308) becomes precomposed; text that
 * is NFC already stays byte for byte; invalid UTF-8 and a result that does
 * not fit are refused with "" in out. */
static void nfc_composes_typed_text(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(utf8_nfc("Rene\xcc\x81" "e", out, sizeof out), 0);
	assert_string_equal(out, "Ren\xc3\xa9" "e");
	assert_int_equal(utf8_nfc("Mu\xcc\x88ller", out, sizeof out), 0);
	assert_string_equal(out, "M\xc3\xbcller");
	assert_int_equal(utf8_nfc("\xc5\x9e" "ahin", out, sizeof out), 0); /* Şahin, NFC already */
	assert_string_equal(out, "\xc5\x9e" "ahin");
	assert_int_equal(utf8_nfc("", out, sizeof out), 0);
	assert_string_equal(out, "");
	assert_int_equal(utf8_nfc("abc\xff", out, sizeof out), -1);
	assert_string_equal(out, "");
	assert_int_equal(utf8_nfc("Mu\xcc\x88ller", out, 4), -1);
	assert_string_equal(out, "");
}

static void unsafe_code_points(void **state)
{
	(void)state;
	assert_false(utf8_cp_unsafe('a'));
	assert_false(utf8_cp_unsafe('\t'));
	assert_false(utf8_cp_unsafe('\n'));
	assert_false(utf8_cp_unsafe(0xe9));
	assert_true(utf8_cp_unsafe(0x1b));
	assert_true(utf8_cp_unsafe('\r'));
	assert_true(utf8_cp_unsafe(0x7f));
	assert_true(utf8_cp_unsafe(0x9b)); /* C1 CSI */
	assert_true(utf8_cp_unsafe(0x202e));
	assert_true(utf8_cp_unsafe(0x2066));
	assert_true(utf8_cp_unsafe(0x200f));
	assert_true(utf8_cp_unsafe(0x061c));
	assert_false(utf8_cp_unsafe(0x200d)); /* ZWJ: emoji and Indic text need it */
	assert_false(utf8_has_unsafe("Zieli\xc5\x84ska", 0));
	assert_true(utf8_has_unsafe("abc\xe2\x80\xae" "fdp.exe", 0));
	assert_true(utf8_has_unsafe("regel\nregel", 0));
	assert_false(utf8_has_unsafe("regel\nregel", 1));
	assert_true(utf8_has_unsafe("abc\xff", 1));
}

/* Fed in pieces of every size, the stream filter gives the same result:
 * sequences split across writes are kept, never replaced. */
static void terminal_safe_stream(void **state)
{
	const char *in = "J\xc3\xa9r\xc3\xb4me \x1b]0;owned\x07 \xe2\x80\xae" "fdp.exe \xc2\x9b" "2J \xff|\n";
	const char *want = "J\xc3\xa9r\xc3\xb4me \xef\xbf\xbd]0;owned\xef\xbf\xbd \xef\xbf\xbd"
			   "fdp.exe \xef\xbf\xbd" "2J \xef\xbf\xbd|\n";
	size_t n = strlen(in);

	(void)state;
	for (size_t piece = 1; piece <= n; piece++) {
		char out[512];
		unsigned char pending[4];
		size_t np = 0, o = 0;

		for (size_t at = 0; at < n; at += piece)
			o += utf8_terminal_safe(in + at, at + piece <= n ? piece : n - at, pending, &np, out + o);
		out[o] = '\0';
		assert_int_equal(np, 0);
		assert_string_equal(out, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_sequences),
		cmocka_unit_test(invalid_sequences),
		cmocka_unit_test(encode_round_trip),
		cmocka_unit_test(length_in_code_points),
		cmocka_unit_test(nfc_composes_typed_text),
		cmocka_unit_test(unsafe_code_points),
		cmocka_unit_test(terminal_safe_stream),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
