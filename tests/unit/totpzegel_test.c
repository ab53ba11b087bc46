/* totpzegel_test.c — core/totpzegel: a sealed TOTP secret opens with its key
 * and account only, holds no trace of the secret, and the key file is
 * refused when others can read it or it is not 64 hex digits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/totpzegel.h"

#define SECRET "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/totpzegel_test_XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void new_key(const char *name, unsigned char key[TOTPZEGEL_KEY_LEN])
{
	char path[128];
	struct err e;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(totpzegel_key_new(path, &e), 0);
	assert_int_equal(totpzegel_key_read(path, key, &e), 0);
}

static void round_trip(void **state)
{
	unsigned char key[TOTPZEGEL_KEY_LEN];
	char sealed[TOTPZEGEL_LEN], again[TOTPZEGEL_LEN], back[80];
	struct err e;

	(void)state;
	new_key("k", key);
	assert_int_equal(totpzegel_seal(key, 42, SECRET, sealed, sizeof sealed, &e), 0);
	assert_true(totpzegel_is_sealed(sealed));
	assert_null(strstr(sealed, "JBSWY"));
	assert_int_equal(totpzegel_open(key, 42, sealed, back, sizeof back, &e), 0);
	assert_string_equal(back, SECRET);
	/* a fresh nonce each time: the same secret never seals the same */
	assert_int_equal(totpzegel_seal(key, 42, SECRET, again, sizeof again, &e), 0);
	assert_string_not_equal(sealed, again);
	assert_false(totpzegel_is_sealed(SECRET));
}

static void only_its_key_and_account(void **state)
{
	unsigned char key[TOTPZEGEL_KEY_LEN], other[TOTPZEGEL_KEY_LEN];
	char sealed[TOTPZEGEL_LEN], back[80];
	struct err e;

	(void)state;
	new_key("a", key);
	new_key("b", other);
	assert_int_equal(totpzegel_seal(key, 7, SECRET, sealed, sizeof sealed, &e), 0);
	/* copied onto another account: does not open */
	assert_int_equal(totpzegel_open(key, 8, sealed, back, sizeof back, &e), -1);
	assert_non_null(strstr(e.msg, "niet te openen"));
	assert_int_equal(totpzegel_open(other, 7, sealed, back, sizeof back, &e), -1);
	/* one changed character */
	sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
	assert_int_equal(totpzegel_open(key, 7, sealed, back, sizeof back, &e), -1);
	assert_int_equal(totpzegel_open(key, 7, "z1:", back, sizeof back, &e), -1);
	assert_int_equal(totpzegel_open(key, 7, "z1:!!!", back, sizeof back, &e), -1);
	assert_int_equal(totpzegel_open(key, 7, SECRET, back, sizeof back, &e), -1);
	assert_int_equal(totpzegel_seal(key, 7, "", sealed, sizeof sealed, &e), -1);
}

static void key_file_refused(void **state)
{
	unsigned char key[TOTPZEGEL_KEY_LEN];
	char path[128];
	struct err e;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/open", dir);
	assert_int_equal(totpzegel_key_new(path, &e), 0);
	/* never overwritten */
	assert_int_equal(totpzegel_key_new(path, &e), -1);
	chmod(path, 0644);
	assert_int_equal(totpzegel_key_read(path, key, &e), -1);
	assert_non_null(strstr(e.msg, "leesbaar voor anderen"));
	snprintf(path, sizeof path, "%s/kort", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("abcdef\n", f);
	fclose(f);
	chmod(path, 0600);
	assert_int_equal(totpzegel_key_read(path, key, &e), -1);
	assert_non_null(strstr(e.msg, "64 hexadecimale cijfers"));
	assert_int_equal(totpzegel_key_read("", key, &e), -1);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(totpzegel_key_read(path, key, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(only_its_key_and_account),
		cmocka_unit_test(key_file_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
