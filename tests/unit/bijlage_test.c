/* bijlage_test.c — unit tests of core/bijlage (categories, the 10 MB limit
 * with the seed's advice, names, SHA-256, type from the content, which
 * extractor) and of statuswissel_automatisch (the flow's automatic rule). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "core/statuswissel.h"

static void categories(void **state)
{
	(void)state;
	assert_string_equal(bijlage_categorie("OPP"), "OPP");
	assert_string_equal(bijlage_categorie("opp"), "OPP");
	assert_string_equal(bijlage_categorie("Onderzoeksverslag"), "onderzoeksverslag");
	assert_string_equal(bijlage_categorie("beschikking"), "beschikking");
	assert_null(bijlage_categorie("rapport"));
	assert_null(bijlage_categorie(""));
	assert_null(bijlage_categorie(NULL));
	int n = 0;
	while (bijlage_categorieen[n])
		n++;
	assert_int_equal(n, 8);
}

static void size_limit_with_the_seeds_advice(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(bijlage_check_grootte(0, &e), 0);
	assert_int_equal(bijlage_check_grootte(10L * 1024 * 1024, &e), 0);
	assert_int_equal(bijlage_check_grootte(10L * 1024 * 1024 + 1, &e), -1);
	assert_non_null(strstr(e.msg, "10 MB"));
	assert_non_null(strstr(e.msg, "300 dpi"));
	assert_non_null(strstr(e.msg, "lagere resolutie"));
	assert_int_equal(bijlage_check_grootte(23L * 1024 * 1024, &e), -1);
	assert_non_null(strstr(e.msg, "23,0 MB")); /* Dutch decimal comma */
}

static void names(void **state)
{
	struct err e;
	char longname[300];

	(void)state;
	assert_int_equal(bijlage_check_naam("OPP definitief.pdf", &e), 0);
	assert_int_equal(bijlage_check_naam("Zienswijze ouders – coördinator.docx", &e), 0);
	assert_int_equal(bijlage_check_naam("", &e), -1);
	assert_int_equal(bijlage_check_naam(NULL, &e), -1);
	assert_int_equal(bijlage_check_naam("map/OPP.pdf", &e), -1);
	assert_int_equal(bijlage_check_naam("map\\OPP.pdf", &e), -1);
	assert_int_equal(bijlage_check_naam("OPP\n.pdf", &e), -1);
	assert_int_equal(bijlage_check_naam("OPP\xff.pdf", &e), -1); /* not UTF-8 */
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_int_equal(bijlage_check_naam(longname, &e), -1);
	assert_string_equal(bijlage_basename("/home/jan/scan.pdf"), "scan.pdf");
	assert_string_equal(bijlage_basename("scan.pdf"), "scan.pdf");
}

static void sha256_known_vectors(void **state)
{
	char h[65];

	(void)state;
	bijlage_sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	bijlage_sha256_hex("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void type_from_the_content(void **state)
{
	static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
					     0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
	char mime[128];
	struct err e;

	(void)state;
	assert_int_equal(bijlage_mime(pdf, sizeof pdf - 1, mime, sizeof mime, &e), 0);
	assert_string_equal(mime, "application/pdf");
	assert_int_equal(bijlage_mime("Gewone tekst, geen PDF.\n", 24, mime, sizeof mime, &e), 0);
	assert_string_equal(mime, "text/plain");
	assert_int_equal(bijlage_mime(png, sizeof png, mime, sizeof mime, &e), 0);
	assert_string_equal(mime, "image/png");
	assert_string_equal(bijlage_soort_naam(mime), "afbeelding");
}

static void extractor_per_type(void **state)
{
	(void)state;
	assert_int_equal(bijlage_soort("application/pdf"), BS_PDF);
	assert_int_equal(bijlage_soort("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			 BS_DOCX);
	assert_int_equal(bijlage_soort("application/msword"), BS_DOC);
	assert_int_equal(bijlage_soort("text/plain"), BS_TEKST);
	assert_int_equal(bijlage_soort("text/csv"), BS_TEKST);
	assert_int_equal(bijlage_soort("image/jpeg"), BS_ONBEKEND);
	assert_int_equal(bijlage_soort("application/zip"), BS_ONBEKEND);
	assert_int_equal(bijlage_soort(NULL), BS_ONBEKEND);
	assert_string_equal(bijlage_soort_naam("application/pdf"), "PDF");
	assert_string_equal(bijlage_soort_naam("application/msword"), "Word (oud)");
	assert_string_equal(bijlage_soort_naam("application/zip"), "application/zip");
}

static void sizes_for_people(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(bijlage_grootte_tekst(b, sizeof b, 512), "512 B");
	assert_string_equal(bijlage_grootte_tekst(b, sizeof b, 14 * 1024), "14 kB");
	assert_string_equal(bijlage_grootte_tekst(b, sizeof b, 2411725), "2,3 MB");
}

static void automatic_rule_of_the_flow(void **state)
{
	struct statuswissel_rij rows[] = {
		{ "TLV>documenten aangevuld", "secretariaat", 0 },
		{ "TLV>afgewezen", "financieel", 1 },
		{ "TLV>documenten aangevuld", "automatisch", 0 },
	};

	(void)state;
	assert_string_equal(statuswissel_automatisch(rows, 3), "TLV>documenten aangevuld");
	assert_null(statuswissel_automatisch(rows, 2)); /* people's rows only */
	assert_null(statuswissel_automatisch(rows, 0));
	/* and a person never gets the automatic row in the menu */
	struct statuswissel_keuze k[4];
	assert_int_equal(statuswissel_keuzes(&rows[2], 1, ~0u, k, 4), 0);
}

/* issue 14 §3: the category a name suggests */
static void categorie_uit_naam(void **state)
{
	assert_string_equal(bijlage_categorie_voorstel("OPP ondertekend.pdf"), "OPP");
	assert_string_equal(bijlage_categorie_voorstel("OPPondertekening.pdf"), "OPP");
	assert_string_equal(bijlage_categorie_voorstel("Onderzoeksverslag psycholoog.pdf"), "onderzoeksverslag");
	assert_string_equal(bijlage_categorie_voorstel("Toetsoverzicht LVS.txt"), "toetsgegevens");
	assert_string_equal(bijlage_categorie_voorstel("zienswijze-ouders.docx"), "zienswijze");
	assert_string_equal(bijlage_categorie_voorstel("handtekening ouders.jpg"), "ondertekening");
	assert_string_equal(bijlage_categorie_voorstel("scan20230106.pdf"), "overig");
	assert_string_equal(bijlage_categorie_voorstel("shopping.pdf"), "overig"); /* opp inside a word: no */
	assert_string_equal(bijlage_categorie_voorstel(""), "overig");
	assert_string_equal(bijlage_categorie_voorstel(NULL), "overig");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(categories),
		cmocka_unit_test(size_limit_with_the_seeds_advice),
		cmocka_unit_test(names),
		cmocka_unit_test(sha256_known_vectors),
		cmocka_unit_test(type_from_the_content),
		cmocka_unit_test(extractor_per_type),
		cmocka_unit_test(sizes_for_people),
		cmocka_unit_test(automatic_rule_of_the_flow),
		cmocka_unit_test(categorie_uit_naam),
	};
	return cmocka_run_group_tests_name("bijlage", tests, NULL, NULL);
}
