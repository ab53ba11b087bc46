/* titel_test.c — unit tests of core/titel (no pupil name in a title, seed
 * 000) and core/statuswissel (which status changes a role may make). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/flow.h"
#include "core/statuswissel.h"
#include "core/titel.h"

static void name_in_title_found(void **state)
{
	struct naam jan = { "Jan", "van der", "Berg" };
	struct naam os = { "Ösün", NULL, "Yılmaz" };
	struct naam fm = { "Pedro", NULL, "Fortes Monteiro" };
	struct naam em = { "Hasna", NULL, "El-Makrini" };

	assert_true(titel_bevat_naam("Ambulante begeleiding Jan", &jan));
	assert_true(titel_bevat_naam("TLV voor BERG", &jan));
	assert_true(titel_bevat_naam("gesprek osun", &os));      /* diacritics folded */
	assert_true(titel_bevat_naam("onderzoek Monteiro", &fm)); /* one word of a two-word surname */
	assert_true(titel_bevat_naam("Thuiszitter Fortes Monteiro", &fm));
	assert_true(titel_bevat_naam("Aanvraag makrini", &em));   /* part of a hyphenated name */
	assert_true(titel_bevat_naam("Aanvraag El-Makrini", &em));
}

static void words_are_whole(void **state)
{
	struct naam jan = { "Jan", "van der", "Berg" };
	struct naam em = { "Hasna", NULL, "El-Makrini" };
	struct naam kans = { "Bo", NULL, "Kans" };

	assert_false(titel_bevat_naam("Gesprek januari", &jan));
	assert_false(titel_bevat_naam("Bergen op Zoom", &jan));
	assert_false(titel_bevat_naam("Aanvraag TLV", &jan));
	assert_false(titel_bevat_naam("El Salvador", &em)); /* "El" alone is too short to be the name */
	assert_true(titel_bevat_naam("KANS", &kans));         /* a surname that is a word is still refused */
	assert_false(titel_bevat_naam("Aanvraag TLV", NULL));
	assert_false(titel_bevat_naam(NULL, &jan));
}

static void titel_check_rules(void **state)
{
	struct naam jan = { "Jan", "van der", "Berg" };
	struct err e;

	assert_int_equal(titel_check("Aanvraag TLV", &jan, &e), 0);
	assert_int_equal(titel_check("Aanvraag TLV", NULL, &e), 0);
	assert_int_equal(titel_check("TLV Jan", &jan, &e), -1);
	assert_non_null(strstr(e.msg, "naam van de leerling"));
	assert_int_equal(titel_check("   ", &jan, &e), -1);
	assert_int_equal(titel_check("", &jan, &e), -1);
	assert_int_equal(titel_check(NULL, &jan, &e), -1);
	assert_int_equal(titel_check("twee\nregels", &jan, &e), -1);
	char lang[TITEL_MAX + 10];
	memset(lang, 'a', sizeof lang - 1);
	lang[sizeof lang - 1] = '\0';
	assert_int_equal(titel_check(lang, &jan, &e), -1);
}

static const struct statuswissel_rij rows[] = {
	{ "TLV>aanvraag aanvulling nodig", "financieel", 1 },
	{ "TLV>afgegeven", "financieel", 0 },
	{ "TLV>afgewezen", "coordinator", 1 },
	{ "TLV>afgewezen", "financieel", 0 },
	{ "TLV>documenten aangevuld", "automatisch", 0 },
	{ "TLV>ingetrokken", "aanvrager", 0 },
};
#define NROWS (sizeof rows / sizeof rows[0])

static void keuzes_per_role(void **state)
{
	struct statuswissel_keuze k[8];
	size_t n;

	n = statuswissel_keuzes(rows, NROWS, FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR), k, 8);
	assert_int_equal(n, 1);
	assert_string_equal(k[0].naar, "TLV>afgewezen");
	assert_true(k[0].reden);

	n = statuswissel_keuzes(rows, NROWS, FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL) | FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR),
				k, 8);
	assert_int_equal(n, 3); /* afgewezen once, its reden required by one of the roles */
	assert_string_equal(k[2].naar, "TLV>afgewezen");
	assert_true(k[2].reden);

	/* the role automatisch never counts for a person */
	n = statuswissel_keuzes(rows, NROWS, FLOW_ROLE_BIT(FLOW_ROLE_AUTOMATISCH), k, 8);
	assert_int_equal(n, 0);
	n = statuswissel_keuzes(rows, NROWS, FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT), k, 8);
	assert_int_equal(n, 0);
	/* snprintf-like count */
	n = statuswissel_keuzes(rows, NROWS, ~0u, k, 1);
	assert_int_equal(n, 4);
}

static void beslis(void **state)
{
	unsigned coord = FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR);
	unsigned fin = FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL);
	struct err e;

	assert_int_equal(statuswissel_beslis(rows, NROWS, coord, "TLV>aanvraag", "TLV>afgewezen", "geen OPP", &e), SW_OK);
	assert_int_equal(statuswissel_beslis(rows, NROWS, coord, "TLV>aanvraag", "TLV>afgewezen", "  \n", &e),
			 SW_REDEN_NODIG);
	assert_non_null(strstr(e.msg, "reden"));
	assert_int_equal(statuswissel_beslis(rows, NROWS, coord, "TLV>aanvraag", "TLV>afgegeven", "", &e),
			 SW_NIET_TOEGESTAAN);
	assert_int_equal(statuswissel_beslis(rows, NROWS, fin, "TLV>aanvraag", "TLV>afgegeven", NULL, &e), SW_OK);
	assert_int_equal(statuswissel_beslis(rows, NROWS, ~0u, "TLV>aanvraag", "TLV>documenten aangevuld", "", &e),
			 SW_NIET_TOEGESTAAN);
	assert_int_equal(statuswissel_beslis(rows, NROWS, fin, "TLV>afgegeven", "TLV>afgegeven", "", &e),
			 SW_NIET_TOEGESTAAN);
	assert_int_equal(statuswissel_beslis(NULL, 0, ~0u, "a", "b", "", &e), SW_NIET_TOEGESTAAN);
}

static void rollen_parsed(void **state)
{
	assert_int_equal(statuswissel_rollen("secretariaat, admin"),
			 FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN));
	assert_int_equal(statuswissel_rollen("coordinator,onbekend"), FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR));
	assert_int_equal(statuswissel_rollen(""), 0);
	assert_int_equal(statuswissel_rollen(NULL), 0);
	assert_true(statuswissel_reden_leeg(" \t\r\n"));
	assert_false(statuswissel_reden_leeg(" x "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_in_title_found),
		cmocka_unit_test(words_are_whole),
		cmocka_unit_test(titel_check_rules),
		cmocka_unit_test(keuzes_per_role),
		cmocka_unit_test(beslis),
		cmocka_unit_test(rollen_parsed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
