/* wachtwoord_test.c — unit tests of core/wachtwoord: policy and argon2id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/wachtwoord.h"

/* Cheap parameters so the tests stay fast under the sanitizers. */
static const struct wachtwoord_params cheap = { 1, 8192 };

static char list_path[64];

static int setup_list(void **state)
{
	int fd;
	FILE *fp;

	snprintf(list_path, sizeof list_path, "/tmp/wachtwoord_test_XXXXXX");
	fd = mkstemp(list_path);
	if (fd < 0)
		return -1;
	fp = fdopen(fd, "w");
	fputs("#!comment: test list, in the format of john's password.lst\n"
	      "#!comment:\n"
	      "123456\n"
	      "password\n"
	      "correcthorsebatterystaple\r\n"
	      "welkom123456\n", fp);
	fclose(fp);
	return 0;
}

static int teardown_list(void **state)
{
	unlink(list_path);
	return 0;
}

static void too_short_refused(void **state)
{
	struct err e;

	assert_int_equal(wachtwoord_policy("kort1234567", "jan", list_path, &e), -1);
	assert_string_equal(e.msg, "Wachtwoord moet minstens 12 tekens lang zijn (nu 11)");
	assert_int_equal(wachtwoord_policy("", "jan", list_path, &e), -1);
}

static void length_counts_characters_not_bytes(void **state)
{
	struct err e;

	/* 11 characters, 16 bytes: still too short. */
	assert_int_equal(wachtwoord_length("ééééééaaaaa"), 11);
	assert_int_equal(wachtwoord_policy("ééééééaaaaa", "jan", list_path, &e), -1);
	/* 12 characters. */
	assert_int_equal(wachtwoord_policy("ééééééaaaaaa", "jan", list_path, &e), 0);
	assert_int_equal(wachtwoord_length("a\xc3"), (size_t)-1);
	assert_int_equal(wachtwoord_policy("aaaaaaaaaaaa\xff", "jan", list_path, &e), -1);
}

/* balie-admin(8): "ë" counts as one character however the terminal sends
 * it, and the password is the same one both ways. */
static void length_after_nfc(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;
	/* 11 characters, each e + U+0308 (22 code points before NFC) */
	const char *decomposed = "e\xcc\x88" "e\xcc\x88" "e\xcc\x88" "e\xcc\x88" "e\xcc\x88" "aaaaaa";

	assert_int_equal(wachtwoord_length(decomposed), 11);
	assert_int_equal(wachtwoord_policy(decomposed, "jan", list_path, &e), -1);
	assert_string_equal(e.msg, "Wachtwoord moet minstens 12 tekens lang zijn (nu 11)");
	assert_int_equal(wachtwoord_hash(decomposed, &cheap, hash, &e), 0);
	assert_true(wachtwoord_verify(hash, "\xc3\xab\xc3\xab\xc3\xab\xc3\xab\xc3\xab" "aaaaaa"));
}

static void control_characters_refused(void **state)
{
	struct err e;

	assert_int_equal(wachtwoord_policy("een lang wachtwoord\x1b[2J", "jan", list_path, &e), -1);
	assert_non_null(strstr(e.msg, "stuurteken"));
	assert_int_equal(wachtwoord_policy("een lang\nwachtwoord", "jan", list_path, &e), -1);
	assert_int_equal(wachtwoord_policy("een lang \xe2\x80\xae" "wachtwoord", "jan", list_path, &e), -1);
	assert_int_equal(wachtwoord_policy("een lang\twachtwoord!", "jan", list_path, &e), 0);
}

static void no_composition_rules(void **state)
{
	struct err e;

	assert_int_equal(wachtwoord_policy("alleen kleine letters", "jan", list_path, &e), 0);
}

static void common_password_refused(void **state)
{
	struct err e;
	int common;

	assert_int_equal(wachtwoord_policy("CorrectHorseBatteryStaple", "jan", list_path, &e), -1);
	assert_string_equal(e.msg, "Dit wachtwoord wordt veel gebruikt; kies een ander");
	assert_int_equal(wachtwoord_policy("welkom123456", "jan", list_path, &e), -1);
	assert_int_equal(wachtwoord_is_common("#!comment:", list_path, &common, &e), 0);
	assert_int_equal(common, 0);
	assert_int_equal(wachtwoord_is_common("correcthorsebatterystaplex", list_path, &common, &e), 0);
	assert_int_equal(common, 0);
}

/* At 12+ characters people stretch a common word; the shape gives it away. */
static void guessable_shapes_refused(void **state)
{
	struct err e;
	const char *bad[] = {"password1234", "Welkom2026!!", "monkeymonkey", "aaaaaaaaaaaa",
			     "123456789012", "abcdefghijkl", "987654321098", "abcabcabcabc",
			     "wachtwoord12", "!!balie2026!!", NULL};
	for (const char **p = bad; *p; p++) {
		if (wachtwoord_policy(*p, "jan", list_path, &e) != -1)
			fail_msg("'%s' zou geweigerd moeten worden", *p);
		assert_non_null(strstr(e.msg, "veel gebruikt"));
	}
	/* A passphrase that merely contains a listed word is fine. */
	assert_int_equal(wachtwoord_policy("monkey op de fiets", "jan", list_path, &e), 0);
	assert_int_equal(wachtwoord_policy("paarse olifant 7", "jan", list_path, &e), 0);
}

static void missing_list_is_an_error(void **state)
{
	struct err e;

	assert_int_equal(wachtwoord_policy("lang genoeg wachtwoord", "jan",
					   "/nonexistent/password.lst", &e), -1);
	assert_non_null(strstr(e.msg, "niet te lezen"));
}

static void debian_list_when_installed(void **state)
{
	struct err e;
	int common;

	if (access(WACHTWOORD_LIST_DEFAULT, R_OK) != 0)
		skip();
	assert_int_equal(wachtwoord_is_common("PASSWORD", NULL, &common, &e), 0);
	assert_int_equal(common, 1);
	assert_int_equal(wachtwoord_is_common("zeer ongebruikelijke zin 42", NULL, &common, &e), 0);
	assert_int_equal(common, 0);
}

static void username_refused(void **state)
{
	struct err e;

	assert_int_equal(wachtwoord_policy("j.devries.swv", "J.deVries.SWV", list_path, &e), -1);
	assert_string_equal(e.msg, "Wachtwoord mag niet gelijk zijn aan de gebruikersnaam");
}

static void hash_and_verify(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;

	assert_int_equal(wachtwoord_hash("een lang wachtwoord", &cheap, hash, &e), 0);
	assert_memory_equal(hash, "$argon2id$", 10);
	assert_true(wachtwoord_verify(hash, "een lang wachtwoord"));
	assert_false(wachtwoord_verify(hash, "een lang wachtwoorD"));
	assert_false(wachtwoord_verify("geen hash", "een lang wachtwoord"));
}

static void default_params_hash(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;

	assert_int_equal(wachtwoord_init(&e), 0);
	assert_int_equal(wachtwoord_hash("een lang wachtwoord", NULL, hash, &e), 0);
	assert_true(wachtwoord_verify(hash, "een lang wachtwoord"));
	assert_false(wachtwoord_needs_rehash(hash, NULL));
}

static void rehash_needed_when_params_change(void **state)
{
	struct wachtwoord_params more = { 2, 16384 };
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;

	assert_int_equal(wachtwoord_hash("een lang wachtwoord", &cheap, hash, &e), 0);
	assert_false(wachtwoord_needs_rehash(hash, &cheap));
	assert_true(wachtwoord_needs_rehash(hash, &more));
	assert_true(wachtwoord_needs_rehash(hash, NULL));
	assert_true(wachtwoord_needs_rehash("$2y$10$bcrypt", &cheap));
}

static void bad_params_refused(void **state)
{
	struct wachtwoord_params bad = { 0, 8192 };
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;

	assert_int_equal(wachtwoord_hash("een lang wachtwoord", &bad, hash, &e), -1);
	assert_non_null(strstr(e.msg, "opslimit"));
}

static void dummy_verify_runs(void **state)
{
	/* No observable result; it must simply do the work without failing. */
	wachtwoord_verify_dummy("wat dan ook", NULL);
	wachtwoord_verify_dummy("wat dan ook", &cheap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(too_short_refused),
		cmocka_unit_test(length_counts_characters_not_bytes),
		cmocka_unit_test(length_after_nfc),
		cmocka_unit_test(control_characters_refused),
		cmocka_unit_test(no_composition_rules),
		cmocka_unit_test(guessable_shapes_refused),
		cmocka_unit_test(common_password_refused),
		cmocka_unit_test(missing_list_is_an_error),
		cmocka_unit_test(debian_list_when_installed),
		cmocka_unit_test(username_refused),
		cmocka_unit_test(hash_and_verify),
		cmocka_unit_test(default_params_hash),
		cmocka_unit_test(rehash_needed_when_params_change),
		cmocka_unit_test(bad_params_refused),
		cmocka_unit_test(dummy_verify_runs),
	};

	return cmocka_run_group_tests_name("wachtwoord", tests, setup_list, teardown_list);
}
