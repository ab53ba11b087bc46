/* werkdag_test.c — unit tests of core/werkdag: feestdagen of the Algemene
 * termijnenwet, decree days from forms/feestdagen.conf, werkdag arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/werkdag.h"

static struct datum D(int d, int m, int y)
{
	return datum_make(y, m, d);
}

static const char *fmt(struct datum d)
{
	static char buf[4][DATUM_BUFLEN];
	static int i;

	i = (i + 1) % 4;
	return datum_format(d, buf[i]);
}

/* Loads the repository's forms/feestdagen.conf (BALIE_SRCDIR or cwd). */
static int setup_kalender(void **state)
{
	static struct werkdag_kalender k;
	char path[1024];
	const char *src = getenv("BALIE_SRCDIR");
	struct err e;

	snprintf(path, sizeof path, "%s/forms/feestdagen.conf", src ? src : ".");
	werkdag_kalender_init(&k);
	if (werkdag_kalender_load(&k, path, &e) < 0) {
		char msg[1024];
		fprintf(stderr, "%s\n", err_format(&e, msg, sizeof msg));
		return -1;
	}
	*state = &k;
	return 0;
}

static int teardown_kalender(void **state)
{
	werkdag_kalender_release(*state);
	return 0;
}

/* Writes text to a fresh temporary file; its name goes into path. */
static void temp_file(char *path, size_t len, const char *text)
{
	int fd;
	FILE *fp;

	snprintf(path, len, "/tmp/werkdag_test_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void pasen_several_years(void **state)
{
	assert_string_equal(fmt(werkdag_pasen(2024)), "31-03-2024");
	assert_string_equal(fmt(werkdag_pasen(2025)), "20-04-2025");
	assert_string_equal(fmt(werkdag_pasen(2026)), "05-04-2026");
	assert_string_equal(fmt(werkdag_pasen(2027)), "28-03-2027");
	assert_string_equal(fmt(werkdag_pasen(2028)), "16-04-2028");
	assert_string_equal(fmt(werkdag_pasen(2029)), "01-04-2029");
	assert_string_equal(fmt(werkdag_pasen(2000)), "23-04-2000");
	assert_string_equal(fmt(werkdag_pasen(2019)), "21-04-2019");
	assert_string_equal(fmt(werkdag_pasen(2038)), "25-04-2038"); /* latest */
	assert_string_equal(fmt(werkdag_pasen(1818)), "22-03-1818"); /* earliest */
	assert_string_equal(fmt(werkdag_pasen(2285)), "22-03-2285");
	assert_string_equal(fmt(werkdag_pasen(1943)), "25-04-1943");
}

static void moveable_feasts_2026(void **state)
{
	char naam[WERKDAG_NAAM_MAX];

	assert_true(werkdag_feestdag(NULL, D(3, 4, 2026), naam));
	assert_string_equal(naam, "Goede Vrijdag");
	assert_true(werkdag_feestdag(NULL, D(6, 4, 2026), naam));
	assert_string_equal(naam, "Tweede Paasdag");
	assert_true(werkdag_feestdag(NULL, D(14, 5, 2026), naam));
	assert_string_equal(naam, "Hemelvaartsdag");
	assert_true(werkdag_feestdag(NULL, D(25, 5, 2026), naam));
	assert_string_equal(naam, "Tweede Pinksterdag");
	assert_false(werkdag_feestdag(NULL, D(7, 4, 2026), naam));
	assert_string_equal(naam, "");
}

static void koningsdag_2025_on_26_april(void **state)
{
	char naam[WERKDAG_NAAM_MAX];

	assert_int_equal(datum_weekday(D(27, 4, 2025)), DATUM_ZONDAG);
	assert_true(werkdag_feestdag(NULL, D(26, 4, 2025), naam));
	assert_string_equal(naam, "Koningsdag");
	assert_false(werkdag_feestdag(NULL, D(27, 4, 2025), NULL));
	assert_true(werkdag_feestdag(NULL, D(27, 4, 2026), naam));
	assert_false(werkdag_is_werkdag(NULL, D(27, 4, 2026)));
}

static void bevrijdingsdag_every_year(void **state)
{
	int y;

	for (y = 2024; y <= 2030; y++)
		assert_true(werkdag_feestdag(NULL, D(5, 5, y), NULL));
	assert_false(werkdag_is_werkdag(NULL, D(5, 5, 2026))); /* a Tuesday */
}

static void weekend_is_no_werkdag(void **state)
{
	assert_false(werkdag_is_werkdag(NULL, D(7, 3, 2026)));
	assert_false(werkdag_is_werkdag(NULL, D(8, 3, 2026)));
	assert_true(werkdag_is_werkdag(NULL, D(9, 3, 2026)));
}

static void decree_days_loaded_from_file(void **state)
{
	struct werkdag_kalender *k = *state;
	char naam[WERKDAG_NAAM_MAX];
	size_t i;

	assert_true(werkdag_is_werkdag(NULL, D(2, 1, 2026)));
	assert_false(werkdag_is_werkdag(k, D(2, 1, 2026)));
	assert_true(werkdag_feestdag(k, D(15, 5, 2026), naam));
	assert_string_equal(naam, "vrijdag na Hemelvaartsdag (gelijkgesteld)");
	assert_false(werkdag_is_werkdag(k, D(7, 5, 2027)));
	assert_false(werkdag_is_werkdag(k, D(28, 4, 2028)));
	assert_false(werkdag_is_werkdag(k, D(26, 5, 2028)));
	/* Every decree day in the file is a Friday, as their names say. */
	assert_true(k->n >= 5);
	for (i = 0; i < k->n; i++)
		assert_int_equal(datum_weekday(k->extra[i].datum), DATUM_VRIJDAG);
}

static void werkdagen_across_christmas(void **state)
{
	struct werkdag_kalender *k = *state;

	/* Fri 19-12-2025 .. Fri 02-01-2026: 22, 23, 24, 29, 30, 31 december;
	 * not the Kerstdagen, Nieuwjaarsdag, nor 2 januari (decree). */
	assert_int_equal(werkdag_between(k, D(19, 12, 2025), D(2, 1, 2026)), 6);
	assert_int_equal(werkdag_between(NULL, D(19, 12, 2025), D(2, 1, 2026)), 7);
	assert_string_equal(fmt(werkdag_add(k, D(24, 12, 2025), 1)), "29-12-2025");
	assert_string_equal(fmt(werkdag_add(k, D(31, 12, 2025), 1)), "05-01-2026");
}

static void werkdagen_across_decree_day(void **state)
{
	struct werkdag_kalender *k = *state;

	/* Wed 13-05-2026 .. Mon 18-05-2026: Hemelvaartsdag, then the Friday
	 * after it (decree), then the weekend: only the Monday counts. */
	assert_int_equal(werkdag_between(k, D(13, 5, 2026), D(18, 5, 2026)), 1);
	assert_int_equal(werkdag_between(NULL, D(13, 5, 2026), D(18, 5, 2026)), 2);
}

static void between_semantics(void **state)
{
	/* Monday to next Monday: the 5 werkdagen after the start. */
	assert_int_equal(werkdag_between(NULL, D(9, 3, 2026), D(16, 3, 2026)), 5);
	assert_int_equal(werkdag_between(NULL, D(9, 3, 2026), D(9, 3, 2026)), 0);
	assert_int_equal(werkdag_between(NULL, D(16, 3, 2026), D(9, 3, 2026)), -5);
	/* Saturday to Sunday: none. */
	assert_int_equal(werkdag_between(NULL, D(7, 3, 2026), D(8, 3, 2026)), 0);
}

static void add_werkdagen(void **state)
{
	struct werkdag_kalender *k = *state;
	struct datum d;
	long n;

	assert_string_equal(fmt(werkdag_add(k, D(11, 5, 2026), 5)), "20-05-2026");
	assert_string_equal(fmt(werkdag_add(k, D(20, 5, 2026), -5)), "11-05-2026");
	assert_string_equal(fmt(werkdag_add(k, D(9, 5, 2026), 0)), "09-05-2026");
	assert_string_equal(fmt(werkdag_add(k, D(9, 5, 2026), 1)), "11-05-2026");
	for (n = 0; n < 30; n++) {
		d = werkdag_add(k, D(20, 12, 2025), n);
		assert_int_equal(werkdag_between(k, D(20, 12, 2025), d), n);
	}
}

static void overdue_after_five_werkdagen(void **state)
{
	struct werkdag_kalender *k = *state;

	/* Received Mon 09-03-2026: due Mon 16-03, marked from Tue 17-03. */
	assert_false(werkdag_overdue(k, D(9, 3, 2026), D(9, 3, 2026), 5));
	assert_false(werkdag_overdue(k, D(9, 3, 2026), D(16, 3, 2026), 5));
	assert_true(werkdag_overdue(k, D(9, 3, 2026), D(17, 3, 2026), 5));
}

/* issue 13: a closed hulpvraag (eindstatus) or one with a first reaction is
 * never late; an open one without reaction is late as werkdag_overdue. */
static void reactie_te_laat_not_when_closed(void **state)
{
	struct werkdag_kalender *k = *state;

	assert_true(werkdag_reactie_te_laat(k, D(9, 3, 2026), D(17, 3, 2026), 0, 0));
	assert_false(werkdag_reactie_te_laat(k, D(9, 3, 2026), D(17, 3, 2026), 0, 1));
	assert_false(werkdag_reactie_te_laat(k, D(9, 3, 2026), D(17, 3, 2026), 1, 0));
	assert_false(werkdag_reactie_te_laat(k, D(9, 3, 2026), D(16, 3, 2026), 0, 0));
}

/* The cut-off is the latest overdue day of receipt: every day on or
 * before it is overdue, the day after is not (also across holidays). */
static void overdue_cutoff_agrees_with_overdue(void **state)
{
	struct werkdag_kalender *k = *state;
	struct datum today[] = { D(17, 3, 2026), D(6, 5, 2026), D(28, 4, 2026), D(4, 1, 2027), D(14, 3, 2026) };

	for (size_t i = 0; i < sizeof today / sizeof today[0]; i++) {
		struct datum c = werkdag_overdue_cutoff(k, today[i], 5);
		long cd = datum_to_days(c);

		assert_true(werkdag_overdue(k, c, today[i], 5));
		assert_true(werkdag_overdue(k, datum_from_days(cd - 3), today[i], 5));
		assert_false(werkdag_overdue(k, datum_from_days(cd + 1), today[i], 5));
	}
	assert_string_equal(fmt(werkdag_overdue_cutoff(k, D(17, 3, 2026), 5)), "09-03-2026");
}

static void overdue_with_holidays(void **state)
{
	struct werkdag_kalender *k = *state;

	/* Received Fri 24-04-2026.  Koningsdag (Mon 27-04) does not count;
	 * 28, 29, 30 april, 1 and 4 mei do: due Mon 04-05.  Tue 05-05 is
	 * Bevrijdingsdag, so the mark appears on Wed 06-05. */
	assert_string_equal(fmt(werkdag_add(k, D(24, 4, 2026), 5)), "04-05-2026");
	assert_false(werkdag_overdue(k, D(24, 4, 2026), D(4, 5, 2026), 5));
	assert_false(werkdag_overdue(k, D(24, 4, 2026), D(5, 5, 2026), 5));
	assert_true(werkdag_overdue(k, D(24, 4, 2026), D(6, 5, 2026), 5));
	/* Received Wed 13-05-2026: Hemelvaartsdag and the decree Friday do
	 * not count; 18..22 mei do: due Fri 22-05.  Mon 25-05 is Tweede
	 * Pinksterdag, so the mark appears on Tue 26-05. */
	assert_false(werkdag_overdue(k, D(13, 5, 2026), D(22, 5, 2026), 5));
	assert_false(werkdag_overdue(k, D(13, 5, 2026), D(25, 5, 2026), 5));
	assert_true(werkdag_overdue(k, D(13, 5, 2026), D(26, 5, 2026), 5));
	assert_true(werkdag_overdue(NULL, D(13, 5, 2026), D(22, 5, 2026), 5));
}

static void overdue_received_on_saturday(void **state)
{
	/* Sat 07-03-2026: Mon..Fri count, due Fri 13-03, marked Mon 16-03. */
	assert_false(werkdag_overdue(NULL, D(7, 3, 2026), D(13, 3, 2026), 5));
	assert_false(werkdag_overdue(NULL, D(7, 3, 2026), D(15, 3, 2026), 5));
	assert_true(werkdag_overdue(NULL, D(7, 3, 2026), D(16, 3, 2026), 5));
}

static void list_2026_without_weekends(void **state)
{
	static const char *want[][2] = {
		{ "01-01-2026", "Nieuwjaarsdag" },
		{ "02-01-2026", "vrijdag na Nieuwjaarsdag (gelijkgesteld)" },
		{ "03-04-2026", "Goede Vrijdag" },
		{ "06-04-2026", "Tweede Paasdag" },
		{ "27-04-2026", "Koningsdag" },
		{ "05-05-2026", "Bevrijdingsdag" },
		{ "14-05-2026", "Hemelvaartsdag" },
		{ "15-05-2026", "vrijdag na Hemelvaartsdag (gelijkgesteld)" },
		{ "25-05-2026", "Tweede Pinksterdag" },
		{ "25-12-2026", "Eerste Kerstdag" }, /* 26-12-2026 is a Saturday */
	};
	struct werkdag_kalender *k = *state;
	struct werkdag_dag *days;
	size_t n, i;
	struct err e;

	assert_int_equal(werkdag_list(k, 2026, 0, &days, &n, &e), 0);
	assert_int_equal(n, sizeof want / sizeof *want);
	for (i = 0; i < n; i++) {
		assert_string_equal(fmt(days[i].datum), want[i][0]);
		assert_string_equal(days[i].naam, want[i][1]);
	}
	free(days);
}

static void list_with_weekend_flag(void **state)
{
	struct werkdag_dag *days;
	size_t n, i;
	struct err e;
	int seen = 0;

	assert_int_equal(werkdag_list(NULL, 2025, WERKDAG_OOK_WEEKEND, &days, &n, &e), 0);
	assert_int_equal(n, 9);
	for (i = 0; i < n; i++) {
		if (datum_cmp(days[i].datum, D(26, 4, 2025)) == 0)
			seen = 1;
		if (i)
			assert_true(datum_cmp(days[i - 1].datum, days[i].datum) < 0);
	}
	assert_true(seen);
	free(days);
	assert_int_equal(werkdag_list(NULL, 2025, 0, &days, &n, &e), 0);
	assert_int_equal(n, 8); /* Koningsdag 2025 is a Saturday */
	free(days);
}

/* Years past the shipped decree days (feestdagen.conf ends in 2028) still
 * get every day of the wet itself. */
static void list_2027_to_2029_from_the_wet(void **state)
{
	static const char *const want[][8] = {
		{ "01-01-2027", "26-03-2027", "29-03-2027", "27-04-2027", "05-05-2027", "06-05-2027",
		  "17-05-2027", "" }, /* Kerstdagen 2027 fall on the weekend */
		{ "14-04-2028", "17-04-2028", "27-04-2028", "05-05-2028", "25-05-2028", "05-06-2028",
		  "25-12-2028", "26-12-2028" }, /* Nieuwjaarsdag 2028 is a Saturday */
		{ "01-01-2029", "30-03-2029", "02-04-2029", "27-04-2029", "10-05-2029", "21-05-2029",
		  "25-12-2029", "26-12-2029" }, /* 5 mei 2029 is a Saturday */
	};
	struct werkdag_dag *days;
	size_t n, i, j;
	struct err e;

	for (i = 0; i < 3; i++) {
		assert_int_equal(werkdag_list(NULL, 2027 + (int)i, 0, &days, &n, &e), 0);
		for (j = 0; j < 8 && want[i][j][0]; j++) {
			assert_true(j < n);
			assert_string_equal(fmt(days[j].datum), want[i][j]);
		}
		assert_int_equal(n, j);
		free(days);
	}
	/* werkdagen across the 2029 Easter weekend: Thursday 29-03 to Tuesday 03-04 */
	assert_int_equal(werkdag_between(NULL, D(29, 3, 2029), D(3, 4, 2029)), 1);
}

static void list_merges_hemelvaart_on_5_mei(void **state)
{
	struct werkdag_dag *days;
	size_t n, i;
	struct err e;
	int seen = 0;

	assert_int_equal(werkdag_list(NULL, 2016, 0, &days, &n, &e), 0);
	for (i = 0; i < n; i++) {
		if (datum_cmp(days[i].datum, D(5, 5, 2016)) == 0) {
			assert_string_equal(days[i].naam, "Bevrijdingsdag en Hemelvaartsdag");
			seen = 1;
		}
	}
	assert_true(seen);
	free(days);
}

static void list_refuses_bad_year(void **state)
{
	struct werkdag_dag *days;
	size_t n;
	struct err e;

	assert_int_equal(werkdag_list(NULL, 1200, 0, &days, &n, &e), -1);
	assert_string_equal(e.msg, "Jaar moet tussen 1583 en 9999 liggen");
	assert_null(days);
}

static void load_syntax_error_has_line(void **state)
{
	struct werkdag_kalender k;
	char path[64], msg[1024], want[128];
	struct err e;

	temp_file(path, sizeof path,
		  "gelijkgesteld = (\n"
		  "  { datum = \"02-01-2026\"; naam = \"x\"; }\n"
		  "  { datum = \"15-05-2026\"; naam = \"y\"; }\n"
		  ");\n");
	werkdag_kalender_init(&k);
	assert_int_equal(werkdag_kalender_load(&k, path, &e), -1);
	assert_int_equal(e.line, 3);
	snprintf(want, sizeof want, "%s:3: ", path);
	err_format(&e, msg, sizeof msg);
	assert_memory_equal(msg, want, strlen(want));
	assert_non_null(strstr(e.msg, "syntaxfout"));
	assert_int_equal(k.n, 0);
	werkdag_kalender_release(&k);
	unlink(path);
}

static void load_bad_date_has_line(void **state)
{
	struct werkdag_kalender k;
	char path[64], msg[1024], want[256];
	struct err e;

	temp_file(path, sizeof path,
		  "gelijkgesteld = (\n"
		  "  { datum = \"02-01-2026\"; naam = \"x\"; },\n"
		  "  { naam = \"y\";\n"
		  "    datum = \"31-02-2026\"; }\n"
		  ");\n");
	werkdag_kalender_init(&k);
	assert_int_equal(werkdag_kalender_load(&k, path, &e), -1);
	snprintf(want, sizeof want, "%s:4: 31-02-2026 bestaat niet", path);
	assert_string_equal(err_format(&e, msg, sizeof msg), want);
	assert_int_equal(k.n, 0); /* nothing half-loaded */
	werkdag_kalender_release(&k);
	unlink(path);
}

static void load_refuses_duplicates_and_unknown_keys(void **state)
{
	struct werkdag_kalender k;
	char path[64];
	struct err e;

	temp_file(path, sizeof path,
		  "gelijkgesteld = (\n"
		  "  { datum = \"02-01-2026\"; naam = \"x\"; },\n"
		  "  { datum = \"02-01-2026\"; naam = \"y\"; }\n"
		  ");\n");
	werkdag_kalender_init(&k);
	assert_int_equal(werkdag_kalender_load(&k, path, &e), -1);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg, "02-01-2026 staat er al in (x)");
	unlink(path);

	temp_file(path, sizeof path,
		  "gelijkgesteld = (\n"
		  "  { datum = \"02-01-2026\"; nam = \"x\"; }\n"
		  ");\n");
	assert_int_equal(werkdag_kalender_load(&k, path, &e), -1);
	assert_int_equal(e.line, 2);
	assert_string_equal(e.msg, "onbekende instelling 'nam' (verwacht datum en naam)");
	unlink(path);

	temp_file(path, sizeof path, "gelijkgesteld = ( { datum = \"02-01-2026\"; } );\n");
	assert_int_equal(werkdag_kalender_load(&k, path, &e), -1);
	assert_string_equal(e.msg, "naam ontbreekt");
	unlink(path);
	werkdag_kalender_release(&k);
}

static void load_missing_file(void **state)
{
	struct werkdag_kalender k;
	struct err e;

	werkdag_kalender_init(&k);
	assert_int_equal(werkdag_kalender_load(&k, "/nonexistent/feestdagen.conf", &e), -1);
	char buf[600];
	assert_string_equal(err_format(&e, buf, sizeof buf), "/nonexistent/feestdagen.conf: bestand bestaat niet");
	werkdag_kalender_release(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pasen_several_years),
		cmocka_unit_test(list_2027_to_2029_from_the_wet),
		cmocka_unit_test(moveable_feasts_2026),
		cmocka_unit_test(koningsdag_2025_on_26_april),
		cmocka_unit_test(bevrijdingsdag_every_year),
		cmocka_unit_test(weekend_is_no_werkdag),
		cmocka_unit_test_setup_teardown(decree_days_loaded_from_file, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(werkdagen_across_christmas, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(werkdagen_across_decree_day, setup_kalender, teardown_kalender),
		cmocka_unit_test(between_semantics),
		cmocka_unit_test_setup_teardown(add_werkdagen, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(overdue_after_five_werkdagen, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(overdue_with_holidays, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(reactie_te_laat_not_when_closed, setup_kalender, teardown_kalender),
		cmocka_unit_test_setup_teardown(overdue_cutoff_agrees_with_overdue, setup_kalender, teardown_kalender),
		cmocka_unit_test(overdue_received_on_saturday),
		cmocka_unit_test_setup_teardown(list_2026_without_weekends, setup_kalender, teardown_kalender),
		cmocka_unit_test(list_with_weekend_flag),
		cmocka_unit_test(list_merges_hemelvaart_on_5_mei),
		cmocka_unit_test(list_refuses_bad_year),
		cmocka_unit_test(load_syntax_error_has_line),
		cmocka_unit_test(load_bad_date_has_line),
		cmocka_unit_test(load_refuses_duplicates_and_unknown_keys),
		cmocka_unit_test(load_missing_file),
	};

	return cmocka_run_group_tests_name("werkdag", tests, NULL, NULL);
}
