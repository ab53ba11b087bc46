/* bijlage_tekst_test.c — tui/bijlage_tekst under its limits: a converter
 * that loops, sleeps, eats memory or floods is stopped and the viewer gets a
 * Dutch reason; a real pdftotext on a crafted PDF (one content stream of
 * "q Q" drawn a thousand times: 100 kB that costs seconds of CPU) is stopped
 * by the CPU limit; an honest PDF still converts.  (A tui module without
 * curses, linked into this unit test by the Makefile.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/bijlage_tekst.h"

#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })

static const struct bijlage_grenzen snel = {
	.timeout_ms = 1000,
	.cpu_s = 1,
	.mem_bytes = 256LL * 1024 * 1024,
	.max = 1000,
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs a fake converter under snel with timeout_ms on the wall clock;
 * asserts it failed and returns the message (static). */
static const char *fails_with(char *const argv[], int timeout_ms)
{
	static struct err e;
	struct bijlage_grenzen g = snel;
	char *out = NULL;
	size_t n;
	int afgekapt;

	g.timeout_ms = timeout_ms;
	err_clear(&e);
	assert_int_equal(bijlage_tekst_omzetten(argv, &g, &out, &n, &afgekapt, &e), -1);
	assert_null(out);
	return e.msg;
}

static void a_converter_that_hangs_is_stopped(void **state)
{
	double t0 = now_s();

	(void)state;
	assert_string_equal(fails_with(ARGV("sh", "-c", "sleep 100", "pdftotext"), 1000),
			    "Het document kon niet worden omgezet: het omzetten duurde te lang (meer dan 1 s) en "
			    "is gestopt; exporteer de bijlage (e) om hem te openen");
	assert_true(now_s() - t0 < 3.0);
}

static void a_converter_that_loops_is_stopped(void **state)
{
	(void)state;
	assert_non_null(strstr(fails_with(ARGV("sh", "-c", "while :; do :; done"), 20000),
			       "het omzetten kostte te veel rekentijd (meer dan 1 s) en is gestopt"));
}

static void a_converter_that_eats_memory_is_stopped(void **state)
{
	(void)state;
	assert_non_null(strstr(fails_with(ARGV("dd", "if=/dev/zero", "of=/dev/null", "bs=1G", "count=1"), 20000),
			       "het omzetten had meer dan 256 MiB geheugen nodig en is gestopt"));
}

static void a_missing_converter_says_so(void **state)
{
	(void)state;
	assert_string_equal(fails_with(ARGV("balie-geen-omzetter", "x.pdf"), 5000),
			    "balie-geen-omzetter is niet geïnstalleerd (make deps installeert het)");
}

static void a_flood_is_cut_and_shown(void **state)
{
	struct err e;
	char *out = NULL;
	size_t n;
	int afgekapt;

	(void)state;
	err_clear(&e);
	assert_int_equal(bijlage_tekst_omzetten(ARGV("yes", "bladzijde"), &snel, &out, &n, &afgekapt, &e), 0);
	assert_int_equal(afgekapt, 1);
	assert_int_equal(n, 1000);
	assert_int_equal(strncmp(out, "bladzijde\nbladzijde\n", 20), 0);
	free(out);
}

/* A one-page PDF whose page draws content stream 5 refs times. */
static unsigned char *make_pdf(const char *content, int refs, size_t *len)
{
	size_t clen = strlen(content), cap = clen + (size_t)refs * 8 + 4096, n = 0;
	unsigned char *b = malloc(cap);
	long off[6];

	assert_non_null(b);
#define PUT(...) (n += (size_t)snprintf((char *)b + n, cap - n, __VA_ARGS__))
	PUT("%%PDF-1.4\n");
	off[1] = (long)n;
	PUT("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = (long)n;
	PUT("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = (long)n;
	PUT("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
	    "/Contents [");
	for (int i = 0; i < refs; i++)
		PUT("5 0 R ");
	PUT("] >>\nendobj\n");
	off[4] = (long)n;
	PUT("4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	off[5] = (long)n;
	PUT("5 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", clen, content);
	long xref = (long)n;
	PUT("xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		PUT("%010ld 00000 n \n", off[i]);
	PUT("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
#undef PUT
	*len = n;
	return b;
}

static void an_honest_pdf_converts_under_the_limits(void **state)
{
	struct err e;
	char *out = NULL;
	int afgekapt = 1;
	size_t len;
	unsigned char *pdf = make_pdf("BT /F1 12 Tf 72 720 Td (Verslag van de intake) Tj ET", 1, &len);

	(void)state;
	err_clear(&e);
	assert_int_equal(bijlage_tekst(pdf, len, "application/pdf", &out, &afgekapt, &e), 0);
	assert_non_null(strstr(out, "Verslag van de intake"));
	assert_int_equal(afgekapt, 0);
	free(out);
	free(pdf);
}

static void a_hostile_pdf_is_stopped_by_the_cpu_limit(void **state)
{
	struct err e;
	char *out = NULL;
	int afgekapt = 0;
	size_t len, qlen = 25000 * 4;
	char *q = malloc(qlen + 1);
	struct bijlage_grenzen g = bijlage_tekst_grenzen;

	(void)state;
	assert_non_null(q);
	for (size_t i = 0; i < qlen; i += 4)
		memcpy(q + i, "q Q ", 4);
	q[qlen] = '\0';
	/* ~100 kB, well under the 10 MB of a bijlage; without limits pdftotext
	 * chews on it for many seconds of CPU (and so this test would fail) */
	unsigned char *pdf = make_pdf(q, 1000, &len);
	free(q);
	g.cpu_s = 1;
	err_clear(&e);
	assert_int_equal(bijlage_tekst_met(pdf, len, "application/pdf", &g, &out, &afgekapt, &e), -1);
	assert_null(out);
	assert_string_equal(e.msg, "Het document kon niet worden omgezet: het omzetten kostte te veel rekentijd (meer "
				   "dan 1 s) en is gestopt; exporteer de bijlage (e) om hem te openen");
	free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_converter_that_hangs_is_stopped),
		cmocka_unit_test(a_converter_that_loops_is_stopped),
		cmocka_unit_test(a_converter_that_eats_memory_is_stopped),
		cmocka_unit_test(a_flood_is_cut_and_shown),
		cmocka_unit_test(a_missing_converter_says_so),
		cmocka_unit_test(an_honest_pdf_converts_under_the_limits),
		cmocka_unit_test(a_hostile_pdf_is_stopped_by_the_cpu_limit),
	};
	return cmocka_run_group_tests_name("bijlage_tekst", tests, NULL, NULL);
}
