/* beschikking_test.c — unit tests of core/beschikking: money, periods,
 * tariffs by school year, the TLV rules (EMB, two advices, independence,
 * equal advices) and overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"

static struct beschikking_conf conf;

static int setup_conf(void **state)
{
	char dir[4096];
	const char *src = getenv("BALIE_SRCDIR");
	struct err e;
	(void)state;
	snprintf(dir, sizeof dir, "%s/forms/po3008", src ? src : ".");
	if (beschikking_conf_load(dir, &conf, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	return 0;
}

static void bedrag_every_accepted_form(void **state)
{
	const char *ok[] = { "8.500", "8500,00", "€ 8.500,00", "8500", "8.500,-", " € 8.500,00 " };
	int64_t c;
	struct err e;
	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		c = 0;
		assert_int_equal(beschikking_bedrag(ok[i], &c, &e), 0);
		assert_true(c == 850000);
	}
	assert_int_equal(beschikking_bedrag("19.000,50", &c, &e), 0);
	assert_true(c == 1900050);
}

static void bedrag_refused(void **state)
{
	const char *bad[] = { "-1", "€ 1e9", "", "0", "0,00", "8,500,00", "8.50", "€ 1.000.000,01", "999999999999" };
	int64_t c = 42;
	struct err e;
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(beschikking_bedrag(bad[i], &c, &e), -1);
		assert_true(e.msg[0] != '\0');
	}
	assert_true(c == 42); /* nothing written on failure */
	beschikking_bedrag("-1", &c, &e);
	assert_string_equal(e.msg, "Bedrag mag niet negatief zijn");
	beschikking_bedrag("€ 2.000.000", &c, &e);
	assert_non_null(strstr(e.msg, "€ 1.000.000,00"));
	assert_int_equal(beschikking_bedrag("€ 1.000.000,00", &c, &e), 0);
}

static void periode_first_of_month_and_after(void **state)
{
	struct datum s, t;
	int veld;
	struct err e;
	(void)state;
	assert_int_equal(beschikking_periode("01-08-2026", "31-07-2028", 1, 0, &s, &t, &veld, &e), 0);
	assert_int_equal(s.d, 1);
	assert_int_equal(beschikking_periode("02-08-2026", "31-07-2028", 1, 0, &s, &t, &veld, &e), -1);
	assert_int_equal(veld, 0);
	assert_non_null(strstr(e.msg, "1e van de maand"));
	assert_int_equal(beschikking_periode("31-02-2026", "31-07-2028", 1, 0, &s, &t, &veld, &e), -1);
	assert_int_equal(veld, 0);
	assert_string_equal(e.msg, "31-02-2026 bestaat niet");
	assert_int_equal(beschikking_periode("01-08-2026", "01-08-2026", 1, 0, &s, &t, &veld, &e), -1);
	assert_int_equal(veld, 1);
	assert_string_equal(e.msg, "Einddatum moet na de startdatum liggen");
	assert_int_equal(beschikking_periode("01-08-2026", "", 1, 0, &s, &t, &veld, &e), -1);
	assert_int_equal(veld, 1);
}

static void periode_arrangement_at_most_a_year(void **state)
{
	int veld;
	struct err e;
	(void)state;
	assert_int_equal(beschikking_periode("01-08-2025", "31-07-2026", 0, 1, NULL, NULL, &veld, &e), 0);
	assert_int_equal(beschikking_periode("01-08-2025", "01-08-2026", 0, 1, NULL, NULL, &veld, &e), -1);
	assert_non_null(strstr(e.msg, "31-07-2026"));
	/* a start on 29 February: a year later is 28 February at the latest */
	assert_int_equal(beschikking_periode("29-02-2028", "27-02-2029", 0, 1, NULL, NULL, &veld, &e), 0);
	assert_int_equal(beschikking_periode("29-02-2028", "28-02-2029", 0, 1, NULL, NULL, &veld, &e), -1);
	/* middle of a month is fine for an arrangement */
	assert_int_equal(beschikking_periode("15-09-2025", "14-09-2026", 0, 1, NULL, NULL, &veld, &e), 0);
}

static void tarief_by_school_year_boundary(void **state)
{
	const struct beschikking_tarief t[] = {
		{ 2024, "Midden", 850000 }, { 2024, "Hoog", 1900000 }, { 2025, "Midden", 875000 },
	};
	int64_t c = 0;
	struct err e;
	(void)state;
	assert_int_equal(beschikking_tarief_zoek(t, 3, "Midden", datum_make(2025, 7, 31), &c, &e), 0);
	assert_true(c == 850000);
	assert_int_equal(beschikking_tarief_zoek(t, 3, "midden", datum_make(2025, 8, 1), &c, &e), 0);
	assert_true(c == 875000);
	assert_int_equal(beschikking_tarief_zoek(t, 3, "Hoog", datum_make(2024, 8, 1), &c, &e), 0);
	assert_true(c == 1900000);
	assert_int_equal(beschikking_tarief_zoek(t, 3, "Hoog", datum_make(2025, 8, 1), &c, &e), -1);
	assert_string_equal(e.msg, "Geen tarief voor Hoog in schooljaar 2025-2026 (balie admin tarief)");
}

static void schooljaar_names(void **state)
{
	int j;
	char buf[12];
	struct err e;
	(void)state;
	assert_int_equal(beschikking_schooljaar_parse("2025-2026", &j, &e), 0);
	assert_int_equal(j, 2025);
	assert_string_equal(beschikking_schooljaar_naam(j, buf), "2025-2026");
	assert_int_equal(beschikking_schooljaar_parse("2025-2027", &j, &e), -1);
	assert_int_equal(beschikking_schooljaar_parse("2025/2026", &j, &e), -1);
	assert_int_equal(beschikking_schooljaar_parse("25-26", &j, &e), -1);
}

static void conf_lists_from_profile(void **state)
{
	(void)state;
	assert_int_equal(conf.nsoorten, 4);
	assert_string_equal(conf.soorten[0], "TLV SBO");
	assert_string_equal(conf.emb_soort, "TLV SO categorie hoog");
	assert_int_equal(conf.nafgegeven, 2);
}

/* A complete TLV that may be issued. */
static void fill(struct tlv_invoer *in)
{
	memset(in, 0, sizeof *in);
	strcpy(in->nummer, "2026-014");
	strcpy(in->soort, "TLV SO categorie laag");
	strcpy(in->start, "01-08-2026");
	strcpy(in->eind, "31-07-2028");
	strcpy(in->motivering, "Beide deskundigen adviseren SO.");
	strcpy(in->advies[0].naam, "drs. M. Bakker");
	strcpy(in->advies[0].discipline, "orthopedagoog");
	strcpy(in->advies[0].organisatie, "Expertisecentrum Peelland");
	strcpy(in->advies[0].datum, "01-06-2026");
	strcpy(in->advies[0].advies, "TLV SO categorie laag");
	strcpy(in->advies[0].tekst, "Toelaatbaar tot het SO.");
	strcpy(in->advies[1].naam, "A. Yilmaz");
	strcpy(in->advies[1].discipline, "kinderpsychiater");
	strcpy(in->advies[1].organisatie, "GGZ Oost-Brabant");
	strcpy(in->advies[1].datum, "03-06-2026");
	strcpy(in->advies[1].advies, "TLV SO categorie laag");
	strcpy(in->advies[1].tekst, "Eens met het eerste advies.");
}

static const char *betrokken[] = { "J. de Vries", "Coördinator Kring 1" };

static struct tlv_context ctx(int emb)
{
	struct tlv_context c = { &conf, emb, "De Regenboog", betrokken, 2, { 2026, 7, 1 } };
	return c;
}

static void tlv_complete_may_be_issued(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	(void)state;
	fill(&in);
	assert_int_equal(tlv_check(&in, &c, 1, &f), 0);
	assert_int_equal(f.ongelijk, 0);
}

static void tlv_draft_may_be_empty_but_not_wrong(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	char buf[300];
	(void)state;
	memset(&in, 0, sizeof in);
	assert_int_equal(tlv_check(&in, &c, 0, &f), 0);
	assert_true(tlv_check(&in, &c, 1, &f) >= 10);
	strcpy(in.start, "31-02-2026");
	assert_int_equal(tlv_check(&in, &c, 0, &f), 1);
	assert_string_equal(f.veld[TLV_START], "31-02-2026 bestaat niet");
	assert_string_equal(tlv_fouten_eerste(&f, buf, sizeof buf), "Startdatum: 31-02-2026 bestaat niet");
	strcpy(in.start, "15-08-2026");
	assert_int_equal(tlv_check(&in, &c, 0, &f), 1);
	assert_non_null(strstr(f.veld[TLV_START], "1e van de maand"));
}

static void tlv_emb_only_so_hoog(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(1);
	(void)state;
	fill(&in);
	assert_true(tlv_check(&in, &c, 1, &f) >= 1);
	assert_string_equal(f.veld[TLV_SOORT], "Een EMB-leerling krijgt alleen TLV SO categorie hoog");
	strcpy(in.soort, "TLV SO categorie hoog");
	strcpy(in.advies[0].advies, "TLV SO categorie hoog");
	strcpy(in.advies[1].advies, "TLV SO categorie hoog");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 0);
}

static void tlv_advice_disciplines(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	(void)state;
	fill(&in);
	strcpy(in.advies[0].discipline, "arts"); /* the first is orthopedagoog or psycholoog */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_true(f.veld[TLV_ADVIES1 + ADV_DISCIPLINE][0] != '\0');
	fill(&in);
	strcpy(in.advies[0].discipline, "Psycholoog");
	strcpy(in.advies[1].discipline, "maatschappelijk werker");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 0);
	strcpy(in.advies[1].discipline, "leerkracht");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_true(f.veld[TLV_ADVIES2 + ADV_DISCIPLINE][0] != '\0');
}

static void tlv_two_different_independent_people(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	(void)state;
	fill(&in);
	strcpy(in.advies[1].naam, "drs.  m. bakker"); /* the same person, typed differently */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_non_null(strstr(f.veld[TLV_ADVIES2 + ADV_NAAM], "verschillende"));
	fill(&in);
	strcpy(in.advies[0].organisatie, "de regenboog"); /* the applying school */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_non_null(strstr(f.veld[TLV_ADVIES1 + ADV_ORGANISATIE], "aanvragende school"));
	fill(&in);
	strcpy(in.ontvangende_school, "SO De Zonnebloem");
	strcpy(in.advies[1].organisatie, "SO De Zonnebloem");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_non_null(strstr(f.veld[TLV_ADVIES2 + ADV_ORGANISATIE], "ontvangende school"));
	fill(&in);
	strcpy(in.advies[1].naam, "J. de Vries"); /* already involved */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_non_null(strstr(f.veld[TLV_ADVIES2 + ADV_NAAM], "betrokken"));
}

static void tlv_unequal_advices_block(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	(void)state;
	fill(&in);
	strcpy(in.advies[1].advies, "TLV SBO");
	assert_int_equal(tlv_check(&in, &c, 0, &f), 0); /* a draft may hold it */
	assert_int_equal(f.ongelijk, 1);
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_non_null(strstr(f.algemeen, "multidisciplinair"));
	fill(&in);
	strcpy(in.advies[0].advies, BESCHIKKING_NIET_TOELAATBAAR);
	strcpy(in.advies[1].advies, "niet toelaatbaar");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	fill(&in);
	strcpy(in.soort, "TLV SBO"); /* equal advices, but another soort */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	fill(&in);
	strcpy(in.advies[0].datum, "02-07-2026"); /* after today */
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	fill(&in);
	in.motivering[0] = '\0';
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_true(f.veld[TLV_MOTIVERING][0] != '\0');
}

static void tlv_number_shape(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	(void)state;
	fill(&in);
	strcpy(in.nummer, "2026;DROP");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	strcpy(in.nummer, "TLV/2026-014");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 0);
}

/* A verlenging: the earlier TLV's number shaped like a number, its
 * einddatum a real date, and a date only with a number. */
static void tlv_verlenging_fields(void **state)
{
	struct tlv_invoer in;
	struct tlv_fouten f;
	struct tlv_context c = ctx(0);
	char label[64];
	(void)state;
	fill(&in);
	strcpy(in.vorige_nummer, "2024-017");
	strcpy(in.vorige_eind, "31-07-2026");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 0);
	strcpy(in.vorige_eind, "31-02-2026");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_true(f.veld[TLV_VORIGE_EIND][0] != '\0');
	strcpy(in.vorige_eind, "31-07-2026");
	strcpy(in.vorige_nummer, "; DROP");
	assert_int_equal(tlv_check(&in, &c, 1, &f), 1);
	assert_true(f.veld[TLV_VORIGE_NUMMER][0] != '\0');
	in.vorige_nummer[0] = '\0';
	assert_int_equal(tlv_check(&in, &c, 0, &f), 1);
	assert_non_null(strstr(f.veld[TLV_VORIGE_NUMMER], "ontbreekt"));
	assert_string_equal(tlv_veld_label(TLV_VORIGE_NUMMER, label, sizeof label), "Verlenging van TLV");
	assert_string_equal(tlv_veld_label(TLV_ADVIES2 + ADV_TEKST, label, sizeof label), "Advies 2: tekst");
}

static void overlap_same_kind_only(void **state)
{
	const struct tlv_periode others[] = {
		{ "2024-001", "TLV SBO", { 2024, 8, 1 }, { 2026, 7, 31 } },
		{ "2025-007", "TLV SO categorie midden", { 2025, 8, 1 }, { 2027, 7, 31 } },
	};
	struct err e;
	(void)state;
	assert_int_equal(tlv_overlap("TLV SO categorie laag", datum_make(2027, 7, 1), datum_make(2029, 7, 31), others,
				     2, &e),
			 1);
	assert_string_equal(e.msg, "Overlapt met TLV 2025-007 (01-08-2025 t/m 31-07-2027) van dezelfde leerling");
	assert_int_equal(tlv_overlap("TLV SO categorie laag", datum_make(2027, 8, 1), datum_make(2029, 7, 31), others,
				     2, &e),
			 -1);
	assert_int_equal(tlv_overlap("TLV SBO", datum_make(2026, 7, 1), datum_make(2027, 7, 31), others, 2, &e), 0);
	/* VSO is not SO */
	char g[32];
	assert_string_equal(tlv_soort_groep("VSO categorie hoog", g, sizeof g), "VSO");
	assert_string_equal(tlv_soort_groep("TLV Leerrecht", g, sizeof g), "Leerrecht");
}

static void aanpak_fill(struct aanpak_invoer *in)
{
	memset(in, 0, sizeof *in);
	strcpy(in->type, "arrangement");
	strcpy(in->categorie, "Midden");
	strcpy(in->start, "01-08-2025");
	strcpy(in->eind, "31-07-2026");
	strcpy(in->bedrag, "€ 8.500,00");
	strcpy(in->nummer, "ARR-2025-001");
}

static void aanpak_tariff_amount_may_be_processed(void **state)
{
	struct aanpak_invoer in;
	struct aanpak_fouten f;
	int64_t c;
	(void)state;
	aanpak_fill(&in);
	assert_int_equal(aanpak_check(&in, 850000, 1, &c, &f), 0);
	assert_true(c == 850000);
	strcpy(in.bedrag, "8500"); /* every way of writing it */
	assert_int_equal(aanpak_check(&in, 850000, 1, &c, &f), 0);
	assert_true(c == 850000);
}

static void aanpak_other_amount_needs_a_reason(void **state)
{
	struct aanpak_invoer in;
	struct aanpak_fouten f;
	(void)state;
	aanpak_fill(&in);
	strcpy(in.bedrag, "9.000");
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 1);
	assert_string_equal(f.veld[AP_REDEN], "Het bedrag wijkt af van het tarief (€ 8.500,00): geef een reden");
	strcpy(in.reden, "Extra begeleiding bij de overstap, besproken met het bestuur.");
	assert_int_equal(aanpak_check(&in, 850000, 1, NULL, &f), 0);
	/* no tariff known: any amount, no reason needed */
	in.reden[0] = '\0';
	assert_int_equal(aanpak_check(&in, -1, 1, NULL, &f), 0);
}

static void aanpak_at_most_a_year_and_complete_for_verwerkt(void **state)
{
	struct aanpak_invoer in;
	struct aanpak_fouten f;
	(void)state;
	aanpak_fill(&in);
	strcpy(in.eind, "01-08-2026");
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 1);
	assert_non_null(strstr(f.veld[AP_EIND], "ten hoogste een jaar"));
	aanpak_fill(&in);
	in.nummer[0] = '\0';
	in.bedrag[0] = '\0';
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 0); /* a draft may lack them */
	assert_int_equal(aanpak_check(&in, 850000, 1, NULL, &f), 2);
	assert_true(f.veld[AP_NUMMER][0] && f.veld[AP_BEDRAG][0]);
	aanpak_fill(&in);
	strcpy(in.bedrag, "-1");
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 1);
	assert_string_equal(f.veld[AP_BEDRAG], "Bedrag mag niet negatief zijn");
	strcpy(in.bedrag, "€ 1e9");
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 1);
	aanpak_fill(&in);
	strcpy(in.start, "31-02-2026");
	assert_int_equal(aanpak_check(&in, 850000, 0, NULL, &f), 1);
	assert_string_equal(f.veld[AP_START], "31-02-2026 bestaat niet");
}

/* A type with a fixed amount (budget inclusief onderwijs): that amount or
 * nothing; no reason makes another one right. */
static void aanpak_fixed_amount(void **state)
{
	struct aanpak_invoer in;
	struct aanpak_fouten f;
	(void)state;
	memset(&in, 0, sizeof in);
	strcpy(in.type, "budget inclusief onderwijs");
	strcpy(in.start, "01-09-2026");
	strcpy(in.eind, "31-07-2027");
	strcpy(in.bedrag, "25000,00");
	aanpak_check(&in, 2500000, 0, NULL, &f);
	assert_int_equal(aanpak_vast_check(&in, 2500000, &f), 0);
	assert_int_equal(f.n, 0);
	strcpy(in.bedrag, "€ 26.000");
	strcpy(in.reden, "");
	aanpak_check(&in, 2500000, 0, NULL, &f);
	assert_string_not_equal(f.veld[AP_REDEN], "");
	aanpak_vast_check(&in, 2500000, &f);
	assert_string_equal(f.veld[AP_REDEN], "");
	assert_string_equal(f.veld[AP_BEDRAG], "Budget inclusief onderwijs heeft een vast bedrag: € 25.000,00");
	assert_int_equal(f.n, 1);
	in.bedrag[0] = '\0'; /* empty: the tab fills it */
	aanpak_check(&in, 2500000, 0, NULL, &f);
	assert_int_equal(aanpak_vast_check(&in, 2500000, &f), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bedrag_every_accepted_form),
		cmocka_unit_test(bedrag_refused),
		cmocka_unit_test(periode_first_of_month_and_after),
		cmocka_unit_test(periode_arrangement_at_most_a_year),
		cmocka_unit_test(tarief_by_school_year_boundary),
		cmocka_unit_test(schooljaar_names),
		cmocka_unit_test(conf_lists_from_profile),
		cmocka_unit_test(tlv_complete_may_be_issued),
		cmocka_unit_test(tlv_draft_may_be_empty_but_not_wrong),
		cmocka_unit_test(tlv_emb_only_so_hoog),
		cmocka_unit_test(aanpak_fixed_amount),
		cmocka_unit_test(tlv_advice_disciplines),
		cmocka_unit_test(tlv_two_different_independent_people),
		cmocka_unit_test(tlv_unequal_advices_block),
		cmocka_unit_test(tlv_number_shape),
		cmocka_unit_test(tlv_verlenging_fields),
		cmocka_unit_test(overlap_same_kind_only),
		cmocka_unit_test(aanpak_tariff_amount_may_be_processed),
		cmocka_unit_test(aanpak_other_amount_needs_a_reason),
		cmocka_unit_test(aanpak_at_most_a_year_and_complete_for_verwerkt),
	};
	return cmocka_run_group_tests(tests, setup_conf, NULL);
}
