/* bestand_test.c — core/bestand: what is not a regular file is refused at
 * once (a FIFO used to hang balie for ever), and so is a file over the limit. */
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

#include "core/bestand.h"

static char dir[64];
static char path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/bestand_test_XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *name, const char *text)
{
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void regular_file_read(void **state)
{
	struct err e;
	size_t len = 0;
	char *text;

	(void)state;
	write_file("balie.conf", "organisatie = \"PO3008\";\n");
	text = bestand_lees(path, BESTAND_MAX_CONFIG, &len, &e);
	assert_non_null(text);
	assert_int_equal(len, 24);
	assert_string_equal(text, "organisatie = \"PO3008\";\n");
	free(text);
}

/* Without O_NONBLOCK this test would never end: nobody writes the FIFO. */
static void fifo_refused_without_waiting(void **state)
{
	struct err e;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	f = bestand_open(path, BESTAND_MAX_CONFIG, &e);
	assert_null(f);
	assert_non_null(strstr(e.msg, "geen gewoon bestand"));
	assert_null(bestand_lees(path, BESTAND_MAX_CONFIG, NULL, &e));
	assert_int_equal(bestand_open_fd(dir, BESTAND_MAX_CONFIG, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "geen gewoon bestand"));
	assert_int_equal(bestand_open_fd("/dev/zero", BESTAND_MAX_CONFIG, NULL, &e), -1);
}

static void too_large_refused(void **state)
{
	struct err e;
	FILE *f;

	(void)state;
	write_file("groot", "0123456789");
	assert_null(bestand_lees(path, 9, NULL, &e));
	assert_non_null(strstr(e.msg, "te groot"));
	f = bestand_open(path, 10, &e);
	assert_non_null(f);
	fclose(f);
}

static void missing_file_named(void **state)
{
	struct err e;

	(void)state;
	assert_null(bestand_open("/nonexistent/balie.conf", BESTAND_MAX_CONFIG, &e));
	char buf[600];
	assert_string_equal(err_format(&e, buf, sizeof buf), "/nonexistent/balie.conf: bestand bestaat niet");
}

/* the exchange folder's fence: inside, the folder itself, never a sibling
 * whose name starts the same */
static void binnen_de_uitwisselmap(void **state)
{
	assert_true(bestand_binnen("/srv/uit/ann", "/srv/uit/ann"));
	assert_true(bestand_binnen("/srv/uit/ann", "/srv/uit/ann/OPP.pdf"));
	assert_true(bestand_binnen("/srv/uit/ann/", "/srv/uit/ann/map/x.pdf"));
	assert_false(bestand_binnen("/srv/uit/ann", "/srv/uit/ann2/x.pdf"));
	assert_false(bestand_binnen("/srv/uit/ann", "/srv/uit"));
	assert_false(bestand_binnen("/srv/uit/ann", "/etc/passwd"));
	assert_false(bestand_binnen("", "/etc/passwd"));
	assert_false(bestand_binnen("relatief", "relatief/x"));
	assert_true(bestand_binnen("/", "/etc/passwd"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(regular_file_read),
		cmocka_unit_test(fifo_refused_without_waiting),
		cmocka_unit_test(too_large_refused),
		cmocka_unit_test(missing_file_named),
		cmocka_unit_test(binnen_de_uitwisselmap),
	};
	return cmocka_run_group_tests_name("bestand", tests, setup, teardown);
}
