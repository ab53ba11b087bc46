/* naam_test.c — unit tests of core/naam: display forms, sorting with
 * tussenvoegsels and diacritics, splitting a typed surname. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/naam.h"

static void format_sorted_with_tussenvoegsel(void **state)
{
	struct naam n = { "Jan", "van der", "Berg" };
	char buf[64];

	assert_int_equal(naam_format_sorted(buf, sizeof buf, &n), strlen("Berg, Jan van der"));
	assert_string_equal(buf, "Berg, Jan van der");
}

static void format_full(void **state)
{
	struct naam n = { "Jan", "van der", "Berg" }, m = { "Hasna", NULL, "El-Makrini" };
	char buf[64];

	naam_format_full(buf, sizeof buf, &n);
	assert_string_equal(buf, "Jan van der Berg");
	naam_format_full(buf, sizeof buf, &m);
	assert_string_equal(buf, "Hasna El-Makrini");
	naam_format_sorted(buf, sizeof buf, &m);
	assert_string_equal(buf, "El-Makrini, Hasna");
}

static void format_with_missing_parts(void **state)
{
	struct naam a = { NULL, NULL, "Berg" }, b = { "", "van der", "Berg" },
		    c = { "Jan", "", "" };
	char buf[64];

	naam_format_sorted(buf, sizeof buf, &a);
	assert_string_equal(buf, "Berg");
	naam_format_sorted(buf, sizeof buf, &b);
	assert_string_equal(buf, "Berg, van der");
	naam_format_sorted(buf, sizeof buf, &c);
	assert_string_equal(buf, "Jan");
}

static void format_truncates_on_character_boundary(void **state)
{
	struct naam n = { "Şükrü", NULL, "Öztürk" };
	char buf[4];
	size_t need = naam_format_sorted(buf, sizeof buf, &n);

	assert_int_equal(need, strlen("Öztürk, Şükrü"));
	/* "Öz" is 3 bytes; the next char ('t') fits, so "Özt" would be 4 bytes
	 * + NUL = 5: only "Öz" fits in 4. */
	assert_string_equal(buf, "\xc3\x96z");
	{
		char b2[3];
		naam_format_sorted(b2, sizeof b2, &n); /* "Ö" + NUL */
		assert_string_equal(b2, "\xc3\x96");
	}
	{
		char b3[2];
		naam_format_sorted(b3, sizeof b3, &n); /* half an Ö is dropped */
		assert_string_equal(b3, "");
	}
}

static void fold_diacritics(void **state)
{
	char buf[64];

	naam_fold(buf, sizeof buf, "Ösün");
	assert_string_equal(buf, "osun");
	naam_fold(buf, sizeof buf, "Çelik");
	assert_string_equal(buf, "celik");
	naam_fold(buf, sizeof buf, "Straße Ĳsselstein Œuvre Łukasz Dvořák Ærø");
	assert_string_equal(buf, "strasse ijsselstein oeuvre lukasz dvorak aero");
	naam_fold(buf, sizeof buf, "Ἀθῆναι");
	assert_string_equal(buf, "Ἀθῆναι"); /* outside the fold: unchanged */
	naam_fold(buf, sizeof buf, "a\xff" "b");
	assert_string_equal(buf, "a\xff" "b"); /* invalid UTF-8 copied */
}

static int by_key(const void *a, const void *b)
{
	return naam_cmp(a, b);
}

static void van_der_berg_sorts_under_b(void **state)
{
	struct naam list[] = {
		{ "Jan", "van der", "Berg" },
		{ "Anna", NULL, "Zwart" },
		{ "Piet", NULL, "Aalders" },
		{ "Els", NULL, "Bakker" },
		{ "Kees", "de", "Vries" },
		{ "Jan", NULL, "Bergen" },
		{ "Jan", NULL, "Vos" },
	};
	const char *want[] = { "Aalders", "Bakker", "Berg", "Bergen", "Vos", "Vries", "Zwart" };
	size_t i;

	qsort(list, sizeof list / sizeof *list, sizeof *list, by_key);
	for (i = 0; i < sizeof want / sizeof *want; i++)
		assert_string_equal(list[i].achternaam, want[i]);
}

static void sort_by_roepnaam_then_tussenvoegsel(void **state)
{
	struct naam a = { "Anna", "van", "Dijk" }, b = { "Bram", NULL, "Dijk" },
		    c = { "Anna", NULL, "Dijk" };

	assert_true(naam_cmp(&a, &b) < 0);
	assert_true(naam_cmp(&c, &a) < 0); /* no tussenvoegsel first */
	assert_true(naam_cmp(&a, &a) == 0);
}

static void diacritics_sort_with_base_letter(void **state)
{
	struct naam list[] = {
		{ "Mehmet", NULL, "Ösün" },
		{ "Ayşe", NULL, "Çelik" },
		{ "Piet", NULL, "Dekker" },
		{ "Lisa", NULL, "Oosterhout" },
		{ "Tom", NULL, "Cornelissen" },
		{ "Ilse", NULL, "Pauw" },
		{ "Rik", NULL, "Bos" },
	};
	const char *want[] = { "Bos", "Çelik", "Cornelissen", "Dekker", "Oosterhout",
			       "Ösün", "Pauw" };
	size_t i;

	qsort(list, sizeof list / sizeof *list, sizeof *list, by_key);
	for (i = 0; i < sizeof want / sizeof *want; i++)
		assert_string_equal(list[i].achternaam, want[i]);
}

static void case_insensitive_sort(void **state)
{
	struct naam a = { "jan", NULL, "de boer" }, b = { "Jan", NULL, "De Boer" };

	assert_int_equal(naam_cmp(&a, &b), 0);
}

static void split(const char *in, const char *t, const char *a)
{
	char tb[32], ab[64];
	struct err e;

	assert_int_equal(naam_split(in, tb, sizeof tb, ab, sizeof ab, &e), 0);
	assert_string_equal(tb, t);
	assert_string_equal(ab, a);
}

static void split_dutch_particles(void **state)
{
	split("van der Berg", "van der", "Berg");
	split("de Vries", "de", "Vries");
	split("Van Den Heuvel", "van den", "Heuvel");
	split("  ten   Brink ", "ten", "Brink");
	split("in 't Veld", "in 't", "Veld");
	split("in ’t Veld", "in 't", "Veld");
	split("op de Beek", "op de", "Beek");
	split("uit den Bogaard", "uit den", "Bogaard");
	split("'t Hart", "'t", "Hart");
	split("van Boven", "van", "Boven");
	split("ter Horst", "ter", "Horst");
}

static void split_keeps_foreign_particles(void **state)
{
	split("El-Makrini", "", "El-Makrini");
	split("Fortes Monteiro", "", "Fortes Monteiro");
	split("De la Cruz", "", "De la Cruz");
	split("da Silva", "", "da Silva");
	split("Vandenberg", "", "Vandenberg");
	split("Devries", "", "Devries");
}

static void split_particle_alone_is_surname(void **state)
{
	split("van", "", "van");
	split("Ten", "", "Ten");
}

static void split_refuses_empty(void **state)
{
	char tb[32], ab[64];
	struct err e;

	assert_int_equal(naam_split("   ", tb, sizeof tb, ab, sizeof ab, &e), -1);
	assert_string_equal(e.msg, "Achternaam is leeg");
	assert_int_equal(naam_split("van der Berg", tb, sizeof tb, ab, 4, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_sorted_with_tussenvoegsel),
		cmocka_unit_test(format_full),
		cmocka_unit_test(format_with_missing_parts),
		cmocka_unit_test(format_truncates_on_character_boundary),
		cmocka_unit_test(fold_diacritics),
		cmocka_unit_test(van_der_berg_sorts_under_b),
		cmocka_unit_test(sort_by_roepnaam_then_tussenvoegsel),
		cmocka_unit_test(diacritics_sort_with_base_letter),
		cmocka_unit_test(case_insensitive_sort),
		cmocka_unit_test(split_dutch_particles),
		cmocka_unit_test(split_keeps_foreign_particles),
		cmocka_unit_test(split_particle_alone_is_surname),
		cmocka_unit_test(split_refuses_empty),
	};

	return cmocka_run_group_tests_name("naam", tests, NULL, NULL);
}
