/* duo_test.c — unit tests of core/duo: DUO's file of school locations read
 * by column name (wherever the columns stand), CSV quoting, Latin-1 lines,
 * and one Dutch message per bad row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/duo.h"

static const char KOP[] = "PROVINCIE;BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;STRAATNAAM;"
			  "HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE\r\n";

/* Reads KOP and one row into s; returns duo_rij's result. */
static int lees(const char *rij, struct duo_school *s, struct err *e)
{
	static char kop[512], regel[DUO_MAX_REGEL];
	static char *veld[DUO_MAX_VELDEN];
	struct duo_kop k;

	assert_int_equal(duo_regel(KOP, kop, sizeof kop, e), 0);
	assert_int_equal(duo_kop_lees(kop, &k, e), 0);
	assert_int_equal(duo_regel(rij, regel, sizeof regel, e), 0);
	int n = duo_velden(regel, k.sep, veld, DUO_MAX_VELDEN, e);
	assert_true(n > 0);
	return duo_rij(veld, n, &k, s, e);
}

static void kolommen_op_naam(void **state)
{
	struct duo_school s;
	struct err e;

	(void)state;
	assert_int_equal(lees("Noord-Brabant;41484;91HX;91HX01;Basisschool De Vlinder;Laan;1;5701 AB;HELMOND;0794;"
			      "Helmond;Rooms-Katholiek\r\n",
			      &s, &e),
			 0);
	assert_string_equal(s.brin, "91HX");
	assert_string_equal(s.vest, "01");
	assert_string_equal(s.naam, "Basisschool De Vlinder");
	assert_string_equal(s.bg, "41484");
	assert_string_equal(s.plaats, "HELMOND");
	assert_string_equal(s.gemeente, "Helmond");
}

static void kop_in_andere_volgorde_en_komma(void **state)
{
	char kop[] = "\xef\xbb\xbf\"GEMEENTENAAM\",\"PLAATSNAAM\",\"VESTIGINGSNAAM\",\"VESTIGINGSNUMMER\",\"BRIN NUMMER\","
		     "\"BEVOEGD GEZAG NUMMER\"";
	char regel[] = "Deurne,DEURNE,\"IKC \"\"t Span\"\", locatie Zuid\",92KL00,92KL,59999";
	char schoon[256], *veld[DUO_MAX_VELDEN];
	struct duo_kop k;
	struct duo_school s;
	struct err e;

	(void)state;
	assert_int_equal(duo_regel(kop, schoon, sizeof schoon, &e), 0);
	assert_int_equal(duo_kop_lees(schoon, &k, &e), 0);
	assert_int_equal(k.sep, ',');
	assert_int_equal(k.gemeente, 0);
	int n = duo_velden(regel, k.sep, veld, DUO_MAX_VELDEN, &e);
	assert_int_equal(n, 6);
	assert_int_equal(duo_rij(veld, n, &k, &s, &e), 0);
	assert_string_equal(s.naam, "IKC \"t Span\", locatie Zuid");
	assert_string_equal(s.vest, "00");
}

static void latin1_wordt_utf8(void **state)
{
	struct duo_school s;
	struct err e;

	(void)state;
	assert_int_equal(lees("Noord-Brabant;47896;95RS;95RS00;Basisschool De Ki\xebm;Laan;7;5721 AA;ASTEN;0743;Asten;"
			      "Openbaar\n",
			      &s, &e),
			 0);
	assert_string_equal(s.naam, "Basisschool De Ki\xc3\xabm");
}

static void foute_rijen(void **state)
{
	struct duo_school s;
	struct err e;

	(void)state;
	assert_int_equal(lees("NB;41484;9XHX;9XHX00;School;L;1;5701 AA;HELMOND;0794;Helmond;X", &s, &e), -1);
	assert_non_null(strstr(e.msg, "BRIN NUMMER '9XHX'"));
	assert_int_equal(lees("NB;41484;91HX;92KL00;School;L;1;5701 AA;HELMOND;0794;Helmond;X", &s, &e), -1);
	assert_non_null(strstr(e.msg, "VESTIGINGSNUMMER '92KL00'"));
	assert_int_equal(lees("NB;41484;91HX;91HX00;;L;1;5701 AA;HELMOND;0794;Helmond;X", &s, &e), -1);
	assert_non_null(strstr(e.msg, "VESTIGINGSNAAM"));
	assert_int_equal(lees("NB;4148;91HX;91HX00;School;L;1;5701 AA;HELMOND;0794;Helmond;X", &s, &e), -1);
	assert_non_null(strstr(e.msg, "5 cijfers"));
	assert_int_equal(lees("NB;41484;91HX", &s, &e), -1);
	assert_non_null(strstr(e.msg, "3 kolommen"));
	assert_int_equal(lees("NB;41484;91HX;91HX00;School \x1b[2J;L;1;5701 AA;HELMOND;0794;Helmond;X", &s, &e), -1);
	assert_non_null(strstr(e.msg, "stuurteken"));
}

static void geen_duo_bestand(void **state)
{
	char kop[] = "naam;adres;plaats";
	char open[] = "a;\"b;c";
	char *veld[DUO_MAX_VELDEN];
	struct duo_kop k;
	struct err e;

	(void)state;
	assert_int_equal(duo_kop_lees(kop, &k, &e), -1);
	assert_non_null(strstr(e.msg, "BRIN NUMMER, VESTIGINGSNUMMER"));
	assert_int_equal(duo_velden(open, ';', veld, DUO_MAX_VELDEN, &e), -1);
	assert_non_null(strstr(e.msg, "niet gesloten"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kolommen_op_naam),
		cmocka_unit_test(kop_in_andere_volgorde_en_komma),
		cmocka_unit_test(latin1_wordt_utf8),
		cmocka_unit_test(foute_rijen),
		cmocka_unit_test(geen_duo_bestand),
	};
	return cmocka_run_group_tests_name("duo", tests, NULL, NULL);
}
