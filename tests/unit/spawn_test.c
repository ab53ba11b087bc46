/* spawn_test.c — core/spawn: exit codes, stdin and captured output, the
 * wall-clock timeout (the whole process group), the output cap, the
 * environment allowlist, the address-space and CPU limits, exec failure,
 * run-as another uid, and the function-in-child entry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/spawn.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })

static void exit_codes_and_output(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .out = SPAWN_IO_CAPTURE };
	char why[128];

	(void)state;
	assert_int_equal(spawn_run(ARGV("true"), NULL, &r), 0);
	assert_int_equal(r.end, SPAWN_EXITED);
	assert_int_equal(r.status, 0);
	spawn_result_release(&r);

	assert_int_equal(spawn_run(ARGV("sh", "-c", "echo hallo; exit 3"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_EXITED);
	assert_int_equal(r.status, 3);
	assert_string_equal(r.out, "hallo\n");
	assert_string_equal(spawn_reason(&o, &r, why, sizeof why), "stopte met status 3");
	spawn_result_release(&r);

	/* stderr apart: its last bytes; or with stdout (2>&1) */
	o.err = SPAWN_IO_CAPTURE;
	assert_int_equal(spawn_run(ARGV("sh", "-c", "echo uit; echo fout >&2"), &o, &r), 0);
	assert_string_equal(r.out, "uit\n");
	assert_string_equal(r.err_tail, "fout\n");
	spawn_result_release(&r);
	o.err = SPAWN_IO_STDOUT;
	assert_int_equal(spawn_run(ARGV("sh", "-c", "echo uit; echo fout >&2"), &o, &r), 0);
	assert_string_equal(r.out, "uit\nfout\n");
	spawn_result_release(&r);

	/* killed by a signal we did not send */
	assert_int_equal(spawn_run(ARGV("sh", "-c", "kill -USR1 $$"), NULL, &r), -1);
	assert_int_equal(r.end, SPAWN_SIGNALED);
	assert_int_equal(r.signal, SIGUSR1);
	spawn_result_release(&r);
}

static void stdin_data_reaches_the_child(void **state)
{
	struct spawn_result r;
	size_t big = 1024 * 1024;
	char *data = malloc(big);

	(void)state;
	assert_non_null(data);
	memset(data, 'x', big);
	struct spawn_opts o = { .out = SPAWN_IO_CAPTURE, .in = data, .in_len = big };
	/* more than a pipe holds, so feeding and reading must interleave */
	assert_int_equal(spawn_run(ARGV("cat"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_TOO_BIG);
	assert_int_equal(r.out_len, 65536); /* the default cap */
	spawn_result_release(&r);
	o.out_cap = 2 * big;
	assert_int_equal(spawn_run(ARGV("cat"), &o, &r), 0);
	assert_int_equal(r.out_len, big);
	assert_int_equal(r.truncated, 0);
	assert_memory_equal(r.out, data, big);
	spawn_result_release(&r);
	/* a child that reads nothing: no SIGPIPE for us, its own status counts */
	assert_int_equal(spawn_run(ARGV("sh", "-c", "exit 0"), &o, &r), 0);
	spawn_result_release(&r);
	free(data);
}

/* 1 when pid is gone (or a zombie waiting for init). */
static int gone(pid_t pid)
{
	char path[64], buf[512];
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return 1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'Z';
}

static void timeout_stops_the_whole_group_quickly(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .timeout_ms = 300, .out = SPAWN_IO_CAPTURE };
	char why[128];
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(ARGV("sleep", "100"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_TIMED_OUT);
	assert_true(now_s() - t0 < 2.0);
	assert_string_equal(spawn_reason(&o, &r, why, sizeof why), "duurde te lang (meer dan 1 s) en is gestopt");
	spawn_result_release(&r);

	/* deaf to SIGTERM, with a grandchild: SIGKILL reaches both */
	t0 = now_s();
	assert_int_equal(spawn_run(ARGV("sh", "-c", "trap '' TERM; sleep 100 & echo $!; wait"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_TIMED_OUT);
	assert_true(now_s() - t0 < 3.0);
	pid_t grandchild = (pid_t)atoi(r.out);
	assert_true(grandchild > 0);
	int dead = 0;
	for (int i = 0; i < 100 && !dead; i++) {
		dead = gone(grandchild);
		if (!dead)
			usleep(20000);
	}
	assert_true(dead);
	spawn_result_release(&r);
}

static void exit_is_not_held_up_by_a_background_child(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .timeout_ms = 10000, .out = SPAWN_IO_CAPTURE };
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(ARGV("sh", "-c", "sleep 3 & echo hier"), &o, &r), 0);
	assert_string_equal(r.out, "hier\n");
	assert_true(now_s() - t0 < 2.0);
	spawn_result_release(&r);
}

static void output_cap_stops_or_drains(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .timeout_ms = 10000, .out = SPAWN_IO_CAPTURE, .out_cap = 1000 };
	char why[128];
	double t0 = now_s();

	(void)state;
	/* yes never ends by itself: only the cap stops it */
	assert_int_equal(spawn_run(ARGV("yes"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_TOO_BIG);
	assert_int_equal(r.truncated, 1);
	assert_int_equal(r.out_len, 1000);
	assert_int_equal(strlen(r.out), 1000);
	assert_true(now_s() - t0 < 3.0);
	assert_non_null(strstr(spawn_reason(&o, &r, why, sizeof why), "te groot"));
	spawn_result_release(&r);

	/* exactly the cap is not too big */
	assert_int_equal(spawn_run(ARGV("head", "-c", "1000", "/dev/zero"), &o, &r), 0);
	assert_int_equal(r.truncated, 0);
	assert_int_equal(r.out_len, 1000);
	spawn_result_release(&r);

	/* drained: the rest is read and thrown away, the child runs to its end */
	o.out_cap = 10;
	o.flags = SPAWN_CAP_DRAIN;
	assert_int_equal(spawn_run(ARGV("sh", "-c", "head -c 300000 /dev/zero; exit 4"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_EXITED);
	assert_int_equal(r.status, 4);
	assert_int_equal(r.truncated, 1);
	assert_int_equal(r.out_len, 10);
	spawn_result_release(&r);
}

static void only_allowed_variables_pass(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .out = SPAWN_IO_CAPTURE };
	const char *const with_pg[] = { "PATH", "P*", "PGHOST", NULL };

	(void)state;
	setenv("PGPASSWORD", "geheim", 1);
	setenv("PGHOST", "/tmp/ergens", 1);
	setenv("BALIE_TEST_ANDERS", "x", 1);
	setenv("LC_TIME", "nl_NL.UTF-8", 1);
	assert_int_equal(spawn_run(ARGV("env"), &o, &r), 0);
	assert_null(strstr(r.out, "PGPASSWORD"));
	assert_null(strstr(r.out, "geheim"));
	assert_null(strstr(r.out, "PGHOST"));
	assert_null(strstr(r.out, "BALIE_TEST_ANDERS"));
	assert_non_null(strstr(r.out, "PATH="));
	assert_non_null(strstr(r.out, "LC_TIME=nl_NL.UTF-8")); /* LC_* */
	spawn_result_release(&r);

	/* a prefix never lets PG… through; the exact name does */
	o.env = with_pg;
	assert_int_equal(spawn_run(ARGV("env"), &o, &r), 0);
	assert_null(strstr(r.out, "PGPASSWORD"));
	assert_non_null(strstr(r.out, "PGHOST=/tmp/ergens"));
	assert_null(strstr(r.out, "LC_TIME"));
	spawn_result_release(&r);
	unsetenv("PGPASSWORD");
	unsetenv("PGHOST");
	unsetenv("BALIE_TEST_ANDERS");
	unsetenv("LC_TIME");
}

static void address_space_limit_stops_a_big_allocation(void **state)
{
	struct spawn_result r;
	/* dd allocates its block (256 MiB) before reading a byte */
	char **dd = ARGV("dd", "if=/dev/zero", "of=/dev/null", "bs=256M", "count=1");
	struct spawn_opts o = { .timeout_ms = 20000, .err = SPAWN_IO_CAPTURE };
	char why[128];

	(void)state;
	/* without a limit it works: the test can tell the difference */
	assert_int_equal(spawn_run(dd, &o, &r), 0);
	spawn_result_release(&r);
	o.mem_bytes = 64LL * 1024 * 1024;
	assert_int_equal(spawn_run(dd, &o, &r), -1);
	assert_int_equal(r.end, SPAWN_MEM_LIMIT);
	assert_string_equal(spawn_reason(&o, &r, why, sizeof why), "had meer dan 64 MiB geheugen nodig en is gestopt");
	spawn_result_release(&r);
}

static void cpu_limit_stops_a_busy_loop(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .timeout_ms = 20000, .cpu_s = 1 };
	char why[128];
	double t0 = now_s();

	(void)state;
	assert_int_equal(spawn_run(ARGV("sh", "-c", "while :; do :; done"), &o, &r), -1);
	assert_int_equal(r.end, SPAWN_CPU_LIMIT);
	assert_true(r.cpu_s >= 0.5); /* rusage is counted in ticks, the limit is not */
	assert_true(now_s() - t0 < 10.0); /* the CPU limit, not the wall clock */
	assert_string_equal(spawn_reason(&o, &r, why, sizeof why),
			    "kostte te veel rekentijd (meer dan 1 s) en is gestopt");
	spawn_result_release(&r);
}

static void exec_failure_is_reported(void **state)
{
	struct spawn_result r;
	char why[128];

	(void)state;
	assert_int_equal(spawn_run(ARGV("/geen/programma"), NULL, &r), -1);
	assert_int_equal(r.end, SPAWN_NOT_STARTED);
	assert_int_equal(r.errnum, ENOENT);
	assert_string_equal(spawn_reason(NULL, &r, why, sizeof why), "kon niet starten: No such file or directory");
	spawn_result_release(&r);
	assert_int_equal(spawn_run(ARGV("balie-bestaat-niet-xyz"), NULL, &r), -1);
	assert_int_equal(r.end, SPAWN_NOT_STARTED);
	assert_int_equal(r.errnum, ENOENT);
	spawn_result_release(&r);
}

static void runs_as_another_user_when_root(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .out = SPAWN_IO_CAPTURE, .flags = SPAWN_SET_IDS, .uid = 65534, .gid = 65534 };

	(void)state;
	if (geteuid() != 0)
		skip();
	assert_int_equal(spawn_run(ARGV("id", "-u"), &o, &r), 0);
	assert_string_equal(r.out, "65534\n");
	spawn_result_release(&r);
}

/* ---------------------------------------------------------------- spawn_call */

static int square_job(void *arg, void *out, size_t outlen)
{
	int x = *(int *)arg;

	snprintf(out, outlen, "kwadraat %d", x * x);
	return x * x;
}

/* Allocates and touches *arg bytes: 1 when that worked, 0 when malloc said no. */
static int alloc_job(void *arg, void *out, size_t outlen)
{
	size_t n = *(size_t *)arg;
	char *m = malloc(n);

	(void)out;
	(void)outlen;
	if (!m)
		return 0;
	memset(m, 1, n);
	int ok = m[n - 1] == 1;
	free(m);
	return ok;
}

static int spin_job(void *arg, void *out, size_t outlen)
{
	volatile unsigned long i = 0;

	(void)arg;
	(void)out;
	(void)outlen;
	for (;;)
		i++;
	return 0;
}

static void call_answers_and_limits(void **state)
{
	struct spawn_result r;
	char out[32];
	int x = 12, ret = 0;

	(void)state;
	assert_int_equal(spawn_call(square_job, &x, out, sizeof out, NULL, &ret, &r), 0);
	assert_int_equal(ret, 144);
	assert_string_equal(out, "kwadraat 144");

	/* the wall clock */
	struct spawn_opts o = { .timeout_ms = 300 };
	double t0 = now_s();
	assert_int_equal(spawn_call(spin_job, NULL, out, sizeof out, &o, &ret, &r), -1);
	assert_int_equal(r.end, SPAWN_TIMED_OUT);
	assert_true(now_s() - t0 < 3.0);
	assert_int_equal(out[0], 0);
}

static void call_memory_limit_is_on_top_of_the_copy(void **state)
{
	struct spawn_result r;
	size_t small = 8u << 20, big = 256u << 20;
	struct spawn_opts o = { .mem_bytes = 64LL << 20, .err = SPAWN_IO_CAPTURE, .timeout_ms = 20000 };
	int ret = -1;

	(void)state;
	/* without a limit the big one works */
	assert_int_equal(spawn_call(alloc_job, &big, NULL, 0, NULL, &ret, &r), 0);
	assert_int_equal(ret, 1);
	/* under 64 MiB more than the child starts with: small yes (even under
	 * ASan, whose shadow memory is already mapped), big no */
	assert_int_equal(spawn_call(alloc_job, &small, NULL, 0, &o, &ret, &r), 0);
	assert_int_equal(ret, 1);
	ret = -1;
	int rc = spawn_call(alloc_job, &big, NULL, 0, &o, &ret, &r);
	if (rc == 0)
		assert_int_equal(ret, 0); /* malloc returned NULL */
	else
		assert_int_equal(r.end, SPAWN_MEM_LIMIT); /* ASan: "out-of-memory" on stderr, exit 1 */
}

/* Open file descriptors of this process. */
static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	assert_non_null(d);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static void no_descriptor_is_left_open(void **state)
{
	struct spawn_result r;
	struct spawn_opts o = { .timeout_ms = 200, .out = SPAWN_IO_CAPTURE, .err = SPAWN_IO_CAPTURE,
				.out_cap = 10, .in = "abc", .in_len = 3 };
	char out[8];
	int x = 3, ret, before = open_fds();

	(void)state;
	spawn_run(ARGV("cat"), &o, &r); /* timed out */
	spawn_result_release(&r);
	spawn_run(ARGV("yes"), &o, &r); /* too big */
	spawn_result_release(&r);
	spawn_run(ARGV("/geen/programma"), &o, &r); /* not started */
	spawn_result_release(&r);
	spawn_call(square_job, &x, out, sizeof out, &o, &ret, &r);
	assert_int_equal(open_fds(), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_codes_and_output),
		cmocka_unit_test(stdin_data_reaches_the_child),
		cmocka_unit_test(timeout_stops_the_whole_group_quickly),
		cmocka_unit_test(exit_is_not_held_up_by_a_background_child),
		cmocka_unit_test(output_cap_stops_or_drains),
		cmocka_unit_test(only_allowed_variables_pass),
		cmocka_unit_test(address_space_limit_stops_a_big_allocation),
		cmocka_unit_test(cpu_limit_stops_a_busy_loop),
		cmocka_unit_test(exec_failure_is_reported),
		cmocka_unit_test(runs_as_another_user_when_root),
		cmocka_unit_test(call_answers_and_limits),
		cmocka_unit_test(call_memory_limit_is_on_top_of_the_copy),
		cmocka_unit_test(no_descriptor_is_left_open),
	};
	return cmocka_run_group_tests_name("spawn", tests, NULL, NULL);
}
