/* totp_test.c — unit tests of core/totp against the RFC 6238 vectors,
 * replay refusal and the ±1 step window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/totp.h"

/* RFC 6238 appendix B, SHA1 key. */
static const unsigned char rfc_key[] = "12345678901234567890";
#define RFC_LEN 20

static void rfc6238_vectors_last_six_digits(void **state)
{
	/* The RFC lists 8 digits; a 6-digit code is the last six. */
	static const struct { time_t t; const char *code; } v[] = {
		{ 59, "287082" },          /* 94287082 */
		{ 1111111109, "081804" },  /* 07081804 */
		{ 1111111111, "050471" },  /* 14050471 */
		{ 1234567890, "005924" },  /* 89005924 */
		{ 2000000000, "279037" },  /* 69279037 */
		{ 20000000000, "353130" }, /* 65353130 */
	};
	char out[TOTP_DIGITS + 1];
	struct err e;
	size_t i;

	assert_int_equal(totp_init(&e), 0);
	for (i = 0; i < sizeof v / sizeof *v; i++) {
		assert_int_equal(totp_code(rfc_key, RFC_LEN, v[i].t, out, &e), 0);
		assert_string_equal(out, v[i].code);
	}
}

static void check_accepts_and_returns_step(void **state)
{
	long long step = 0;
	struct err e;

	assert_int_equal(totp_check(rfc_key, RFC_LEN, "287082", 59, TOTP_NO_STEP, &step, &e), 0);
	assert_int_equal(step, 1);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "050 471", 1111111111, TOTP_NO_STEP,
				    &step, &e), 0);
	assert_int_equal(step, 1111111111 / 30);
}

static void replay_refused(void **state)
{
	long long step = 0, again = 0;
	struct err e;

	assert_int_equal(totp_check(rfc_key, RFC_LEN, "081804", 1111111109, TOTP_NO_STEP,
				    &step, &e), 0);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "081804", 1111111109, step, &again, &e), -1);
	assert_string_equal(e.msg, "Deze code is al gebruikt; wacht op de volgende");
	/* Still refused ten seconds later within the same step or the next. */
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "081804", 1111111109 + 30, step,
				    &again, &e), -1);
}

static void code_of_older_step_refused_after_newer(void **state)
{
	char prev[TOTP_DIGITS + 1];
	long long step;
	struct err e;
	time_t now = 1111111111;

	assert_int_equal(totp_code(rfc_key, RFC_LEN, now - 30, prev, &e), 0);
	/* The newer code was accepted: the previous step's code is too old now. */
	step = now / 30;
	assert_int_equal(totp_check(rfc_key, RFC_LEN, prev, now, step, &step, &e), -1);
	assert_string_equal(e.msg, "Deze code is al gebruikt; wacht op de volgende");
}

static void window_one_step_either_side(void **state)
{
	char code[TOTP_DIGITS + 1];
	long long step;
	struct err e;
	time_t now = 1234567890; /* step 41152263 */

	assert_int_equal(totp_code(rfc_key, RFC_LEN, now - 30, code, &e), 0);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, code, now, TOTP_NO_STEP, &step, &e), 0);
	assert_int_equal(step, now / 30 - 1);
	assert_int_equal(totp_code(rfc_key, RFC_LEN, now + 30, code, &e), 0);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, code, now, TOTP_NO_STEP, &step, &e), 0);
	assert_int_equal(step, now / 30 + 1);
}

static void outside_window_refused(void **state)
{
	char code[TOTP_DIGITS + 1];
	long long step;
	struct err e;
	time_t now = 1234567890;

	assert_int_equal(totp_code(rfc_key, RFC_LEN, now - 60, code, &e), 0);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, code, now, TOTP_NO_STEP, &step, &e), -1);
	assert_string_equal(e.msg, "Code klopt niet (staat de klok van uw telefoon goed?)");
	assert_int_equal(totp_code(rfc_key, RFC_LEN, now + 60, code, &e), 0);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, code, now, TOTP_NO_STEP, &step, &e), -1);
}

static void malformed_code_refused(void **state)
{
	long long step;
	struct err e;

	assert_int_equal(totp_check(rfc_key, RFC_LEN, "28708", 59, TOTP_NO_STEP, &step, &e), -1);
	assert_string_equal(e.msg, "Code moet 6 cijfers zijn");
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "2870821", 59, TOTP_NO_STEP, &step, &e), -1);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "28708a", 59, TOTP_NO_STEP, &step, &e), -1);
	assert_int_equal(totp_check(rfc_key, RFC_LEN, "", 59, TOTP_NO_STEP, &step, &e), -1);
}

static void base32_round_trip(void **state)
{
	unsigned char back[64];
	char b32[TOTP_BASE32_LEN];
	size_t n;
	struct err e;

	assert_int_equal(totp_base32_encode(rfc_key, RFC_LEN, b32, sizeof b32, &e), 0);
	assert_string_equal(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_int_equal(totp_base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", back,
					    sizeof back, &n, &e), 0);
	assert_int_equal(n, RFC_LEN);
	assert_memory_equal(back, rfc_key, RFC_LEN);
	assert_int_equal(totp_base32_decode("!!!!", back, sizeof back, &n, &e), -1);
}

static void new_secret_is_random(void **state)
{
	unsigned char a[TOTP_SECRET_LEN], b[TOTP_SECRET_LEN];
	char b32[TOTP_BASE32_LEN];
	struct err e;

	assert_int_equal(totp_secret_new(a, &e), 0);
	assert_int_equal(totp_secret_new(b, &e), 0);
	assert_memory_not_equal(a, b, TOTP_SECRET_LEN);
	assert_int_equal(totp_base32_encode(a, sizeof a, b32, sizeof b32, &e), 0);
	assert_int_equal(strlen(b32), 32);
}

static void otpauth_uri(void **state)
{
	char uri[256], small[20];
	struct err e;

	assert_int_equal(totp_uri(uri, sizeof uri, "balie PO3008", "j.de vries",
				  "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", &e), 0);
	assert_string_equal(uri, "otpauth://totp/j.de%20vries?"
			    "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=balie%20PO3008");
	assert_int_equal(totp_uri(small, sizeof small, "balie", "jan", "ABC", &e), -1);
	assert_string_equal(small, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc6238_vectors_last_six_digits),
		cmocka_unit_test(check_accepts_and_returns_step),
		cmocka_unit_test(replay_refused),
		cmocka_unit_test(code_of_older_step_refused_after_newer),
		cmocka_unit_test(window_one_step_either_side),
		cmocka_unit_test(outside_window_refused),
		cmocka_unit_test(malformed_code_refused),
		cmocka_unit_test(base32_round_trip),
		cmocka_unit_test(new_secret_is_random),
		cmocka_unit_test(otpauth_uri),
	};

	return cmocka_run_group_tests_name("totp", tests, NULL, NULL);
}
