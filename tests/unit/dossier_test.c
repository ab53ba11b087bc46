/* dossier_test.c — unit tests of core/dossier: birth dates, groepsnaam,
 * periods of a history, and the match rule that keeps intake from making a
 * second dossier (issue 14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/dossier.h"

static const struct datum vandaag = { 2026, 12, 7 };

static void geboortedatum_plausibel(void **state)
{
	struct err e;

	assert_int_equal(dossier_geboortedatum_check(datum_make(2016, 2, 3), vandaag, &e), 0);
	assert_int_equal(dossier_geboortedatum_check(vandaag, vandaag, &e), 0);
	assert_int_equal(dossier_geboortedatum_check(datum_make(1996, 12, 7), vandaag, &e), 0);
}

static void geboortedatum_toekomst_of_te_oud(void **state)
{
	struct err e;

	assert_int_equal(dossier_geboortedatum_check(datum_make(2026, 12, 8), vandaag, &e), -1);
	assert_string_equal(e.msg, "Geboortedatum 08-12-2026 ligt in de toekomst");
	assert_int_equal(dossier_geboortedatum_check(datum_make(1916, 2, 3), vandaag, &e), -1);
	assert_string_equal(e.msg, "Geboortedatum 03-02-1916: de leerling zou 110 jaar zijn — controleer het jaar");
	assert_int_equal(dossier_geboortedatum_check(datum_make(1995, 12, 7), vandaag, &e), -1);
	assert_int_equal(dossier_geboortedatum_check(datum_make(2026, 2, 30), vandaag, &e), -1);
}

static void groepsnaam(void **state)
{
	struct err e;

	assert_int_equal(dossier_groepsnaam_check("8D Kameleon", &e), 0);
	assert_int_equal(dossier_groepsnaam_check("groep 8D Kameleon", &e), -1);
	assert_true(strstr(e.msg, "begint niet met \"groep\"") != NULL);
	assert_int_equal(dossier_groepsnaam_check(" Groep8", &e), -1);
	assert_int_equal(dossier_groepsnaam_check("  ", &e), -1);
	assert_int_equal(dossier_groepsnaam_check(NULL, &e), -1);
}

static struct dossier_periode per(int y1, int m1, int d1, int y2, int m2, int d2)
{
	struct dossier_periode p = { datum_make(y1, m1, d1), datum_make(y2, m2, d2) };
	return p;
}

static void perioden_overlap(void **state)
{
	struct err e;
	/* 2020-08-01 .. 2024-07-31, then open from 2024-08-01 */
	struct dossier_periode a = per(2020, 8, 1, 2024, 7, 31), b = per(2024, 8, 1, 0, 0, 0);

	assert_false(dossier_periode_overlapt(a, b));
	assert_false(dossier_periode_overlapt(b, a));
	assert_true(dossier_periode_overlapt(a, per(2024, 7, 31, 0, 0, 0))); /* shares one day */
	assert_true(dossier_periode_overlapt(b, per(2030, 1, 1, 2030, 2, 1)));  /* open end */
	assert_true(dossier_periode_overlapt(per(2019, 1, 1, 0, 0, 0), b));     /* both open */
	assert_false(dossier_periode_overlapt(per(2018, 1, 1, 2019, 12, 31), a));
	assert_int_equal(dossier_periode_check(a, &e), 0);
	assert_int_equal(dossier_periode_check(b, &e), 0);
	assert_int_equal(dossier_periode_check(per(2024, 8, 1, 2024, 7, 31), &e), -1);
	assert_string_equal(e.msg, "De einddatum 31-07-2024 ligt voor de begindatum 01-08-2024");
}

static struct dossier_persoon p(const char *roep, const char *tv, const char *an, int y, int m, int d)
{
	struct dossier_persoon x = { { roep, tv, an }, { y, m, d } };
	return x;
}

static void match_exact_accents_ignored(void **state)
{
	struct dossier_persoon k = p("Zofia", NULL, "Zielińska", 2016, 2, 3);
	struct dossier_persoon g = p(NULL, NULL, "Zielinska", 2016, 2, 3);

	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_EXACT);
	g = p("zofia", NULL, "ZIELINSKA", 2016, 2, 3);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_EXACT);
}

static void match_exact_tussenvoegsel_as_typed(void **state)
{
	struct dossier_persoon k = p("Jan", "van der", "Berg", 2015, 5, 1);
	struct dossier_persoon g = p(NULL, NULL, "Van der Berg", 2015, 5, 1);

	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_EXACT);
	g = p(NULL, "", "vanderberg", 2015, 5, 1);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_EXACT);
	k = p("Hasna", NULL, "El-Makrini", 2014, 1, 9);
	g = p(NULL, NULL, "El Makrini", 2014, 1, 9);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_EXACT);
}

static void match_near(void **state)
{
	struct dossier_persoon k = p("Daan", NULL, "Jansen", 2016, 2, 3);
	struct dossier_persoon g;

	g = p(NULL, NULL, "Janssen", 2016, 2, 3); /* one letter more */
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_BIJNA);
	g = p(NULL, NULL, "Jansen", 2016, 3, 2); /* day and month swapped */
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_BIJNA);
	g = p(NULL, NULL, "Jansen", 2015, 2, 3); /* another year */
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_BIJNA);
	g = p("Dana", NULL, "Jansen", 2016, 2, 3); /* same family, other child? shown, not chosen */
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_BIJNA);
	g = p(NULL, NULL, "Jansen", 2016, 0, 0); /* no birth date yet */
	g.geboortedatum.y = 0;
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_BIJNA);
}

static void match_none(void **state)
{
	struct dossier_persoon k = p("Bram", NULL, "Bos", 2016, 2, 3);
	struct dossier_persoon g;

	g = p(NULL, NULL, "Vos", 2016, 2, 3); /* short names: one letter is another family */
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_GEEN);
	g = p(NULL, NULL, "Bos", 2012, 9, 9);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_GEEN);
	g = p(NULL, NULL, "Pietersen", 2016, 2, 3);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_GEEN);
	g = p(NULL, NULL, "", 2016, 2, 3);
	assert_int_equal(dossier_match(&g, &k), DOSSIER_MATCH_GEEN);
}

static void achternaam_key(void **state)
{
	char buf[64];

	assert_int_equal(dossier_achternaam_key(buf, sizeof buf, "van 't", "Hof-Dijkstra"), strlen("vanthofdijkstra"));
	assert_string_equal(buf, "vanthofdijkstra");
	dossier_achternaam_key(buf, 5, NULL, "Zielińska");
	assert_string_equal(buf, "ziel");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(geboortedatum_plausibel),
		cmocka_unit_test(geboortedatum_toekomst_of_te_oud),
		cmocka_unit_test(groepsnaam),
		cmocka_unit_test(perioden_overlap),
		cmocka_unit_test(match_exact_accents_ignored),
		cmocka_unit_test(match_exact_tussenvoegsel_as_typed),
		cmocka_unit_test(match_near),
		cmocka_unit_test(match_none),
		cmocka_unit_test(achternaam_key),
	};

	return cmocka_run_group_tests_name("dossier", tests, NULL, NULL);
}
