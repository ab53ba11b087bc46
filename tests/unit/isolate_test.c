/* isolate_test.c — core/isolate: the child's answer comes back, its memory
 * does not stay in this process, a child that dies is an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/isolate.h"
#include "core/wachtwoord.h"

static int square_job(void *arg, void *out, size_t outlen)
{
	int x = *(int *)arg;

	snprintf(out, outlen, "kwadraat %d", x * x);
	return x * x;
}

static void answer_and_output_come_back(void **state)
{
	char out[32];
	int x = 12;

	(void)state;
	assert_int_equal(isolate_run(square_job, &x, out, sizeof out), 144);
	assert_string_equal(out, "kwadraat 144");
}

/* VmHWM of this process in KiB (peak resident set size). */
static long hwm_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;

	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld", &v) == 1)
			break;
	if (f)
		fclose(f);
	return v;
}

#define BIG (64L * 1024 * 1024)

static int touch_big_job(void *arg, void *out, size_t outlen)
{
	char *m = malloc(BIG);

	(void)arg;
	(void)out;
	(void)outlen;
	if (!m)
		return -2;
	memset(m, 0x5a, BIG); /* resident, not just reserved */
	int r = m[BIG - 1] == 0x5a;
	free(m);
	return r;
}

static void childs_memory_never_counts_here(void **state)
{
	long before = hwm_kib();

	(void)state;
	assert_true(before > 0);
	assert_int_equal(isolate_run(touch_big_job, NULL, NULL, 0), 1);
	/* 64 MiB touched in the child; this process's peak barely moves */
	assert_true(hwm_kib() - before < 8 * 1024);
}

static void argon2id_hash_and_verify_keep_our_peak_low(void **state)
{
	char hash[WACHTWOORD_HASH_LEN];
	struct err e;
	long before;

	(void)state;
	before = hwm_kib();
	assert_int_equal(wachtwoord_hash("correct paard batterij nietje", NULL, hash, &e), 0);
	assert_int_equal(wachtwoord_verify(hash, "correct paard batterij nietje"), 1);
	assert_int_equal(wachtwoord_verify(hash, "fout paard batterij nietje"), 0);
	assert_true(hwm_kib() - before < 8 * 1024);
}

static int die_job(void *arg, void *out, size_t outlen)
{
	(void)arg;
	(void)out;
	(void)outlen;
	raise(SIGKILL);
	return 7;
}

static void a_child_that_dies_is_an_error(void **state)
{
	char out[8] = "xxxxxxx";

	(void)state;
	assert_int_equal(isolate_run(die_job, NULL, out, sizeof out), -1);
	assert_int_equal(out[0], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answer_and_output_come_back),
		/* first: a test before it must not have raised the peak already */
		cmocka_unit_test(argon2id_hash_and_verify_keep_our_peak_low),
		cmocka_unit_test(childs_memory_never_counts_here),
		cmocka_unit_test(a_child_that_dies_is_an_error),
	};
	return cmocka_run_group_tests_name("isolate", tests, NULL, NULL);
}
