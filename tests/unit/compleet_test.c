/* compleet_test.c — unit tests of core/compleet (every rule kind, ok and not
 * ok, alternatives, boundaries) and of the `compleet` section of a flow file
 * (parsing, status markers, file:line errors), plus the real TLV checklist of
 * forms/po3008. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compleet.h"
#include "core/flow.h"

/* ------------------------------------------------------------ helpers -- */

struct errs {
	struct err v[32];
	size_t n;
};

static void collect(const struct err *e, void *ctx)
{
	struct errs *c = ctx;

	if (c->n < 32)
		c->v[c->n] = *e;
	c->n++;
}

#define HEAD                                                                                        \
	"versie = 1;\nnaam = \"Test\";\ncategorie = \"T\";\ntitels = [ \"Test\" ];\n" /* 1-4 */     \
	"eerste_status = \"Aanvraag\";\n"                                               /* 5 */       \
	"statussen = (\n"                                                               /* 6 */       \
	"  { naam = \"Aanvraag\"; controleren = true; },\n"                             /* 7 */       \
	"  { naam = \"Aanvulling nodig\"; aanvulling = true; },\n"                      /* 8 */       \
	"  { naam = \"Aangevuld\"; controleren = true; },\n"                            /* 9 */       \
	"  { naam = \"Klaar\"; eind = true; }\n"                                        /* 10 */      \
	");\n"                                                                          /* 11 */      \
	"overgangen = (\n"                                                              /* 12 */      \
	"  { van = [ \"Aanvraag\", \"Aangevuld\" ]; naar = \"Aanvulling nodig\"; door = \"secretariaat\"; reden = true; },\n" \
	"  { van = \"Aanvulling nodig\"; naar = \"Aangevuld\"; door = \"aanvrager\"; },\n" /* 14 */   \
	"  { van = [ \"Aanvraag\", \"Aangevuld\" ]; naar = \"Klaar\"; door = \"secretariaat\"; }\n"   \
	");\n"                                                                          /* 16 */

static struct flow_type *parse_ok(const char *text)
{
	struct errs c = { .n = 0 };
	struct flow_type *t = NULL;
	struct err e;

	if (flow_type_parse(text, strlen(text), "test.flow", &t, NULL, collect, &c, &e) != 0) {
		char buf[1024];
		fail_msg("onverwachte fout: %s", err_format(&e, buf, sizeof buf));
	}
	assert_non_null(t);
	return t;
}

static void expect_error(const char *text, const char *want, int line)
{
	struct errs c = { .n = 0 };
	struct flow_type *t = NULL;
	struct err e;

	assert_int_equal(flow_type_parse(text, strlen(text), "test.flow", &t, NULL, collect, &c, &e), -1);
	assert_null(t);
	for (size_t i = 0; i < c.n && i < 32; i++)
		if (strstr(c.v[i].msg, want) && c.v[i].line == line) {
			assert_string_equal(c.v[i].file, "test.flow");
			return;
		}
	for (size_t i = 0; i < c.n && i < 32; i++) {
		char buf[1024];
		print_error("  kreeg: %s\n", err_format(&c.v[i], buf, sizeof buf));
	}
	fail_msg("verwacht '%s' op regel %d", want, line);
}

/* A one-item checklist of condition c. */
static struct compleet_rules one(struct compleet_item *it, struct compleet_cond *c)
{
	it->omschrijving = "Regel";
	it->melding = "Melding";
	it->alt = c;
	it->nalt = 1;
	it->alleen_in = NULL;
	it->nalleen_in = 0;
	return (struct compleet_rules){ it, 1 };
}

static int holds(const struct compleet_rules *r, const struct compleet_feiten *f, char *melding, size_t len)
{
	struct compleet_uitslag u;
	struct err e;

	assert_int_equal(compleet_evaluate(r, f, &u, &e), 0);
	assert_int_equal(u.n, 1);
	int ok = u.punten[0].ok;
	assert_int_equal(u.nok, (size_t)ok);
	if (melding)
		snprintf(melding, len, "%s", u.punten[0].melding);
	compleet_uitslag_release(&u);
	return ok;
}

static struct compleet_feiten base(void)
{
	struct compleet_feiten f;

	memset(&f, 0, sizeof f);
	f.vandaag = datum_make(2026, 11, 23);
	f.titel = "Aanvraag TLV";
	f.leerling = (struct naam){ "Jan", "van der", "Berg" };
	return f;
}

/* -------------------------------------------------------- rule kinds -- */

static void test_bijlage(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_BIJLAGE, .arg = "OPP" };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();
	struct compleet_bijlage b[2] = {
		{ "onderzoeksverslag", "IQ-onderzoek.pdf", { 2026, 1, 1 }, 0 },
		{ "OPP", "OPP.pdf", { 2026, 1, 1 }, 1 },
	};

	f.bijlagen = b;
	f.nbijlagen = 2;
	assert_false(holds(&r, &f, NULL, 0)); /* the OPP is removed */
	b[1].verwijderd = 0;
	assert_true(holds(&r, &f, NULL, 0));
}

static const struct compleet_waarde tlv_waarden[] = {
	{ "soort_tlv", "SO categorie laag" }, { "startdatum", "2026-12-01" }, { "akkoord_bestuur", "nee" },
	{ "akkoord_ouders", "nee" },
};

static void test_formulier_en_veld(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_FORMULIER, .arg = "aanvraag-tlv" };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();
	struct compleet_formulier fm = { "aanvraag-tlv", 0, tlv_waarden, 4 };

	assert_false(holds(&r, &f, NULL, 0)); /* no form at all */
	f.formulieren = &fm;
	f.nformulieren = 1;
	assert_false(holds(&r, &f, NULL, 0)); /* a draft */
	fm.compleet = 1;
	assert_true(holds(&r, &f, NULL, 0));

	/* a field with any value */
	c = (struct compleet_cond){ .kind = COMPLEET_VELD, .arg = "aanvraag-tlv", .veld = "soort_tlv" };
	assert_true(holds(&r, &f, NULL, 0));
	c.veld = "einddatum";
	assert_false(holds(&r, &f, NULL, 0));
	/* a field with a required value */
	c = (struct compleet_cond){ .kind = COMPLEET_VELD, .arg = "aanvraag-tlv", .veld = "akkoord_bestuur",
				    .waarde = "ja" };
	assert_false(holds(&r, &f, NULL, 0));
	/* the field of another form does not count */
	c.arg = "zienswijze-ouders";
	assert_false(holds(&r, &f, NULL, 0));
	/* a date on the 1st of the month */
	c = (struct compleet_cond){ .kind = COMPLEET_VELD, .arg = "aanvraag-tlv", .veld = "startdatum", .eerste = 1 };
	assert_true(holds(&r, &f, NULL, 0));
	struct compleet_waarde w2 = { "startdatum", "2026-12-02" };
	struct compleet_formulier fm2 = { "aanvraag-tlv", 1, &w2, 1 };
	f.formulieren = &fm2;
	assert_false(holds(&r, &f, NULL, 0));
	w2.waarde = "01-12-2026"; /* not canonical: not a date on the 1st */
	assert_false(holds(&r, &f, NULL, 0));
}

static void test_alternatieven(void **state)
{
	(void)state;
	/* Akkoord ouders = ja, or a zienswijze form, or a zienswijze bijlage */
	struct compleet_cond alt[3] = {
		{ .kind = COMPLEET_VELD, .arg = "aanvraag-tlv", .veld = "akkoord_ouders", .waarde = "ja" },
		{ .kind = COMPLEET_FORMULIER, .arg = "zienswijze-ouders" },
		{ .kind = COMPLEET_BIJLAGE, .arg = "zienswijze" },
	};
	struct compleet_item it = { "Akkoord ouders", "Zienswijze ontbreekt", NULL, 0, alt, 3, 1 };
	struct compleet_rules r = { &it, 1 };
	struct compleet_feiten f = base();
	struct compleet_formulier fm[2] = { { "aanvraag-tlv", 1, tlv_waarden, 4 }, { "zienswijze-ouders", 1, NULL, 0 } };
	struct compleet_bijlage b = { "zienswijze", "Zienswijze ouders.pdf", { 2026, 11, 1 }, 0 };
	char m[COMPLEET_TEXT_MAX];

	f.formulieren = fm;
	f.nformulieren = 1;
	assert_false(holds(&r, &f, m, sizeof m)); /* akkoord_ouders = nee and nothing else */
	assert_string_equal(m, "Zienswijze ontbreekt");
	f.nformulieren = 2;
	assert_true(holds(&r, &f, NULL, 0)); /* the zienswijze form */
	f.nformulieren = 1;
	f.bijlagen = &b;
	f.nbijlagen = 1;
	assert_true(holds(&r, &f, NULL, 0)); /* the zienswijze bijlage */
	struct compleet_waarde ja = { "akkoord_ouders", "ja" };
	struct compleet_formulier fja = { "aanvraag-tlv", 0, &ja, 1 };
	f.nbijlagen = 0;
	f.formulieren = &fja;
	assert_true(holds(&r, &f, NULL, 0)); /* akkoord ouders = ja (in a draft: the value counts) */
}

static void test_basis_en_school(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_BASISGEGEVEN, .arg = "geboortedatum" };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();

	assert_false(holds(&r, &f, NULL, 0));
	f.geboortedatum = 1;
	assert_true(holds(&r, &f, NULL, 0));
	c.arg = "woonadres";
	assert_false(holds(&r, &f, NULL, 0));
	f.woonadres = 1;
	assert_true(holds(&r, &f, NULL, 0));
	c = (struct compleet_cond){ .kind = COMPLEET_SCHOOLGEGEVENS };
	assert_false(holds(&r, &f, NULL, 0));
	f.schoolgegevens = 1;
	assert_true(holds(&r, &f, NULL, 0));
}

static void test_actueel_grens(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_ACTUEEL, .arg = "onderzoeksverslag", .getal = 24 };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base(); /* today 23-11-2026 */
	struct compleet_bijlage b[2] = {
		{ "onderzoeksverslag", "IQ-onderzoek.pdf", { 2024, 11, 23 }, 0 }, /* exactly two years */
		{ "OPP", "OPP oud.pdf", { 2010, 1, 1 }, 0 },                       /* other category */
	};
	char m[COMPLEET_TEXT_MAX];

	f.bijlagen = b;
	f.nbijlagen = 2;
	assert_true(holds(&r, &f, NULL, 0));
	b[0].op = datum_make(2024, 11, 22); /* one day older */
	assert_false(holds(&r, &f, m, sizeof m));
	assert_string_equal(m, "Melding (IQ-onderzoek.pdf van 22-11-2024)");
	b[0].verwijderd = 1; /* a removed report does not count */
	assert_true(holds(&r, &f, NULL, 0));
	/* leap day: 29-02-2024 + 24 months is 28-02-2026 */
	struct datum d = compleet_add_months(datum_make(2024, 2, 29), 24);
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 28);
	d = compleet_add_months(datum_make(2025, 11, 30), 3);
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 28);
}

static void test_aantal(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_MAX_BIJLAGEN, .getal = 8 };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();
	struct compleet_bijlage b[10];
	char m[COMPLEET_TEXT_MAX];

	for (int i = 0; i < 10; i++)
		b[i] = (struct compleet_bijlage){ "overig", "Verslag.pdf", { 2026, 1, 1 }, 0 };
	b[9].verwijderd = 1;
	f.bijlagen = b;
	f.nbijlagen = 9; /* 9 */
	assert_false(holds(&r, &f, m, sizeof m));
	assert_string_equal(m, "Melding (nu 9 bijlagen, hoogstens 8)");
	f.nbijlagen = 8; /* 8 */
	assert_true(holds(&r, &f, NULL, 0));
	b[8] = b[9];
	f.nbijlagen = 10; /* 8 + two removed */
	assert_true(holds(&r, &f, NULL, 0));
}

static void test_bestandsnamen(void **state)
{
	(void)state;
	assert_true(compleet_naam_zegt_niets("scan20230106.pdf"));
	assert_true(compleet_naam_zegt_niets("document1.docx"));
	assert_true(compleet_naam_zegt_niets("Document (2).pdf"));
	assert_true(compleet_naam_zegt_niets("IMG-20230106-WA0003.jpg"));
	assert_true(compleet_naam_zegt_niets("DSC_0042.JPG"));
	assert_true(compleet_naam_zegt_niets("20230106.pdf"));
	assert_true(compleet_naam_zegt_niets(""));
	assert_false(compleet_naam_zegt_niets("OPPondertekening.pdf"));
	assert_false(compleet_naam_zegt_niets("scan OPP.pdf"));
	assert_false(compleet_naam_zegt_niets("IQ-onderzoek 2025.pdf"));
	assert_false(compleet_naam_zegt_niets("Groeidocument.docx"));
	assert_false(compleet_naam_zegt_niets("Zienswijze ouders.pdf"));

	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_BESTANDSNAMEN };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();
	struct compleet_bijlage b[3] = {
		{ "OPP", "scan20230106.pdf", { 2026, 1, 1 }, 0 },
		{ "OPP", "OPPondertekening.pdf", { 2026, 1, 1 }, 0 },
		{ "overig", "document1.docx", { 2026, 1, 1 }, 0 },
	};
	char m[COMPLEET_TEXT_MAX];

	f.bijlagen = b;
	f.nbijlagen = 3;
	assert_false(holds(&r, &f, m, sizeof m));
	assert_string_equal(m, "Melding (scan20230106.pdf, document1.docx)");
	b[0].verwijderd = b[2].verwijderd = 1;
	assert_true(holds(&r, &f, NULL, 0));
}

static void test_titel(void **state)
{
	(void)state;
	struct compleet_item it;
	struct compleet_cond c = { .kind = COMPLEET_TITEL };
	struct compleet_rules r = one(&it, &c);
	struct compleet_feiten f = base();

	assert_true(holds(&r, &f, NULL, 0));
	f.titel = "TLV voor Jan";
	assert_false(holds(&r, &f, NULL, 0));
	f.titel = "Gesprek januari"; /* whole words only */
	assert_true(holds(&r, &f, NULL, 0));
	f.titel = "Aanvraag Berg";
	f.leerling = (struct naam){ NULL, NULL, NULL }; /* a groep dossier has no pupil */
	assert_true(holds(&r, &f, NULL, 0));
}

static void test_alleen_in_en_tekst(void **state)
{
	(void)state;
	struct compleet_cond c1 = { .kind = COMPLEET_FORMULIER, .arg = "ak-voortgang" };
	struct compleet_cond c2 = { .kind = COMPLEET_SCHOOLGEGEVENS };
	char *st[] = { "A&K afgerond" };
	struct compleet_item it[2] = {
		{ "Schoolgegevens", "Vul de schoolgegevens in.", NULL, 0, &c2, 1, 1 },
		{ "A&K voortgang", "Vul het formulier A&K voortgang in.", st, 1, &c1, 1, 2 },
	};
	struct compleet_rules r = { it, 2 };
	struct compleet_feiten f = base();
	struct compleet_uitslag u;
	struct err e;
	char buf[512];

	f.status = "A&K aanmelding";
	assert_int_equal(compleet_evaluate(&r, &f, &u, &e), 0);
	assert_int_equal(u.n, 1); /* the voortgang item does not apply yet */
	assert_int_equal(u.nok, 0);
	compleet_aanvulling_tekst(&u, buf, sizeof buf);
	assert_string_equal(buf, "Uw aanvraag is nog niet compleet. Wilt u het volgende aanvullen?\n"
				 "- Vul de schoolgegevens in.");
	compleet_uitslag_release(&u);
	f.status = "A&K afgerond";
	f.schoolgegevens = 1;
	assert_int_equal(compleet_evaluate(&r, &f, &u, &e), 0);
	assert_int_equal(u.n, 2);
	assert_int_equal(u.nok, 1);
	assert_false(u.punten[1].ok);
	assert_string_equal(u.punten[1].omschrijving, "A&K voortgang");
	/* a short buffer is cut, the length needed is returned */
	char small[16];
	size_t need = compleet_aanvulling_tekst(&u, small, sizeof small);
	assert_true(need > sizeof small);
	assert_int_equal(strlen(small), sizeof small - 1);
	compleet_uitslag_release(&u);
}

/* --------------------------------------------------------- flow files -- */

static void test_parse_section(void **state)
{
	(void)state;
	struct flow_type *t = parse_ok(HEAD "compleet = (\n"
					    "  { omschrijving = \"OPP\"; melding = \"Voeg het OPP toe.\"; bijlage = \"OPP\"; },\n"
					    "  { omschrijving = \"Akkoord ouders\"; melding = \"Zienswijze.\";\n"
					    "    of = ( { formulier = \"aanvraag-tlv\"; veld = \"akkoord_ouders\"; waarde = \"ja\"; },\n"
					    "           { bijlage = \"zienswijze\"; } ); },\n"
					    "  { omschrijving = \"Start\"; melding = \"1e van de maand.\"; formulier = \"aanvraag-tlv\";\n"
					    "    veld = \"startdatum\"; eerste_van_de_maand = true; alleen_in = [ \"Aanvraag\" ]; },\n"
					    "  { omschrijving = \"Vers\"; melding = \"Recent.\"; actueel = \"onderzoeksverslag\"; maanden = 24; },\n"
					    "  { omschrijving = \"Max\"; melding = \"Minder.\"; max_bijlagen = 8; },\n"
					    "  { omschrijving = \"Namen\"; melding = \"Namen.\"; bestandsnamen = true; },\n"
					    "  { omschrijving = \"Titel\"; melding = \"Titel.\"; titel_zonder_naam = true; },\n"
					    "  { omschrijving = \"Geb\"; melding = \"Geb.\"; basisgegeven = \"geboortedatum\"; },\n"
					    "  { omschrijving = \"School\"; melding = \"School.\"; schoolgegevens = true; }\n"
					    ");\n");
	assert_int_equal(t->compleet.nitems, 9);
	assert_int_equal(t->compleet.items[0].alt[0].kind, COMPLEET_BIJLAGE);
	assert_int_equal(t->compleet.items[0].line, 18);
	assert_int_equal(t->compleet.items[1].nalt, 2);
	assert_int_equal(t->compleet.items[1].alt[0].kind, COMPLEET_VELD);
	assert_string_equal(t->compleet.items[1].alt[0].waarde, "ja");
	assert_int_equal(t->compleet.items[1].alt[1].kind, COMPLEET_BIJLAGE);
	assert_int_equal(t->compleet.items[2].alt[0].eerste, 1);
	assert_int_equal(t->compleet.items[2].nalleen_in, 1);
	assert_int_equal(t->compleet.items[3].alt[0].getal, 24);
	assert_int_equal(t->compleet.items[4].alt[0].kind, COMPLEET_MAX_BIJLAGEN);
	assert_int_equal(t->compleet.items[8].alt[0].kind, COMPLEET_SCHOOLGEGEVENS);
	/* markers */
	assert_true(t->statuses[0].controleren);
	assert_int_equal(t->aanvulling, 1);
	assert_string_equal(flow_aanvulling(t, "Aanvraag"), "Aanvulling nodig");
	assert_string_equal(flow_aanvulling(t, "Aangevuld"), "Aanvulling nodig");
	assert_null(flow_aanvulling(t, "Klaar"));
	assert_null(flow_aanvulling(t, "onbekend"));
	flow_type_free(&t);
}

#define C(x) HEAD "compleet = (\n" x "\n);\n" /* the item is on line 18 */

static void test_parse_errors(void **state)
{
	(void)state;
	expect_error(C("  { melding = \"m\"; bijlage = \"OPP\"; }"), "'omschrijving' ontbreekt", 18);
	expect_error(C("  { omschrijving = \"o\"; bijlage = \"OPP\"; }"), "'melding' ontbreekt", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; bijlage = \"foto\"; }"),
		     "onbekende bijlagecategorie 'foto'", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; }"), "regel zonder controle", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; bijlage = \"OPP\"; max_bijlagen = 8; }"),
		     "een regel controleert één ding", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; veld = \"x\"; bijlage = \"OPP\"; }"),
		     "'veld' hoort bij een 'formulier'", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; formulier = \"Aanvraag TLV\"; }"),
		     "geen formuliercode", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; formulier = \"a\"; veld = \"Soort TLV\"; }"),
		     "geen veldnaam", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; actueel = \"onderzoeksverslag\"; }"),
		     "'actueel' heeft 'maanden' nodig", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; max_bijlagen = 0; }"),
		     "'max_bijlagen' moet tussen 1 en 100", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; bestandsnamen = false; }"),
		     "'bestandsnamen' moet true zijn", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; basisgegeven = \"bsn\"; }"),
		     "onbekend basisgegeven 'bsn'", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; titel = true; }"),
		     "onbekende instelling 'titel'", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; of = ( { bijlage = \"OPP\"; } ); }"),
		     "ten minste twee alternatieven", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; bijlage = \"OPP\";\n"
		       "    of = ( { bijlage = \"OPP\"; }, { bijlage = \"plan\"; } ); }"),
		     "niet 'bijlage' ernaast", 18);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\";\n"
		       "    of = ( { bijlage = \"OPP\"; }, { melding = \"x\"; bijlage = \"plan\"; } ); }"),
		     "onbekende instelling 'melding' in een alternatief", 19);
	expect_error(C("  { omschrijving = \"o\"; melding = \"m\"; alleen_in = [ \"Afgerond\" ]; bijlage = \"OPP\"; }"),
		     "onbekende status 'Afgerond' in 'alleen_in'", 18);
	expect_error(HEAD "compleet = { };\n", "'compleet' moet een lijst", 17);
	/* markers */
	const char *two =
		"versie = 1;\nnaam = \"T\";\ncategorie = \"T\";\neerste_status = \"a\";\n" /* 1-4 */
		"statussen = (\n"                                                         /* 5 */
		"  { naam = \"a\"; controleren = true; },\n"                              /* 6 */
		"  { naam = \"b\"; aanvulling = true; },\n"                               /* 7 */
		"  { naam = \"c\"; aanvulling = true; },\n"                               /* 8 */
		"  { naam = \"z\"; eind = true; }\n);\n"                                  /* 9-10 */
		"overgangen = ( { van = \"a\"; naar = [ \"b\", \"c\", \"z\" ]; door = \"secretariaat\"; },\n"
		"  { van = [ \"b\", \"c\" ]; naar = \"z\"; door = \"aanvrager\"; } );\n";
	expect_error(two, "twee statussen met aanvulling = true", 8);
	const char *noway =
		"versie = 1;\nnaam = \"T\";\ncategorie = \"T\";\neerste_status = \"a\";\n"
		"statussen = (\n"
		"  { naam = \"a\"; controleren = true; },\n" /* 6 */
		"  { naam = \"b\"; aanvulling = true; },\n"
		"  { naam = \"z\"; eind = true; }\n);\n"
		"overgangen = ( { van = \"a\"; naar = \"b\"; door = \"aanvrager\"; },\n"
		"  { van = [ \"a\", \"b\" ]; naar = \"z\"; door = \"aanvrager\"; } );\n";
	expect_error(noway, "geen overgang naar 'b' (aanvulling) door een rol van het SWV", 6);
	expect_error(HEAD "x = 1;\n", "onbekende instelling 'x'", 17);
}

/* ------------------------------------------------------ the real rules -- */

static int knows(const char *code, const char *veld, void *ctx)
{
	(void)ctx;
	if (strcmp(code, "aanvraag-tlv") == 0)
		return !veld || strcmp(veld, "soort_tlv") == 0 || strcmp(veld, "startdatum") == 0 ||
		       strcmp(veld, "akkoord_organisatie") == 0 || strcmp(veld, "akkoord_bestuur") == 0 ||
		       strcmp(veld, "akkoord_ouders") == 0;
	return !veld && (strcmp(code, "zienswijze-ouders") == 0);
}

static void count_report(const struct err *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
}

static void test_po3008_tlv(void **state)
{
	(void)state;
	char path[1024];
	const char *src = getenv("BALIE_SRCDIR");
	struct flow_type *t = NULL;
	struct err e;

	snprintf(path, sizeof path, "%s/forms/po3008/aanvraag-tlv.flow", src && *src ? src : ".");
	assert_int_equal(flow_type_load(path, &t, NULL, NULL, NULL, &e), 0);
	assert_true(t->compleet.nitems >= 12);
	assert_string_equal(flow_aanvulling(t, "TLV>aanvraag"), "TLV>aanvraag aanvulling nodig");
	assert_string_equal(flow_aanvulling(t, "TLV>documenten aangevuld"), "TLV>aanvraag aanvulling nodig");
	assert_null(flow_aanvulling(t, "TLV>voorlopige aanvraag"));

	/* A complete TLV aanvraag but for Akkoord bestuur */
	struct compleet_waarde w[] = {
		{ "soort_tlv", "SO categorie hoog" }, { "startdatum", "2027-01-01" }, { "akkoord_organisatie", "ja" },
		{ "akkoord_bestuur", "nee" }, { "akkoord_ouders", "ja" },
	};
	struct compleet_formulier fm = { "aanvraag-tlv", 1, w, 5 };
	struct compleet_bijlage b[] = { { "OPP", "OPP 2026.pdf", { 2026, 9, 1 }, 0 },
					 { "onderzoeksverslag", "IQ-onderzoek.pdf", { 2025, 6, 1 }, 0 } };
	struct compleet_feiten f = base();
	f.formulieren = &fm;
	f.nformulieren = 1;
	f.bijlagen = b;
	f.nbijlagen = 2;
	f.geboortedatum = f.woonadres = f.schoolgegevens = 1;
	f.status = "TLV>aanvraag";
	struct compleet_uitslag u;
	assert_int_equal(compleet_evaluate(&t->compleet, &f, &u, &e), 0);
	assert_int_equal(u.nok, u.n - 1);
	char buf[2048];
	compleet_aanvulling_tekst(&u, buf, sizeof buf);
	assert_non_null(strstr(buf, "Akkoord bestuur"));
	compleet_uitslag_release(&u);

	/* the reference check reports forms and fields the profile lacks */
	int n = 0;
	size_t bad = compleet_check_refs(&t->compleet, t->file, knows, NULL, count_report, &n);
	assert_int_equal(bad, 1); /* onderbouwing-tlv-voorschools-kind is not known to `knows` */
	assert_int_equal(n, 1);
	flow_type_free(&t);
}

/* ------------------------------------- the seeds, where balie differed -- */
/* issue 13 §7: each fix of forms/ against the wording of the seeds. */

static struct flow_type *load_flow(const char *rel)
{
	char path[1024];
	const char *src = getenv("BALIE_SRCDIR");
	struct flow_type *t = NULL;
	struct err e;

	snprintf(path, sizeof path, "%s/forms/%s", src && *src ? src : ".", rel);
	if (flow_type_load(path, &t, NULL, NULL, NULL, &e) != 0)
		fail_msg("%s: %s", path, e.msg);
	return t;
}

/* Does any condition of the checklist have this kind and argument (veld:
 * for COMPLEET_VELD the field key)? */
static int asks(const struct flow_type *t, enum compleet_kind kind, const char *arg)
{
	for (size_t i = 0; i < t->compleet.nitems; i++)
		for (size_t j = 0; j < t->compleet.items[i].nalt; j++) {
			const struct compleet_cond *c = &t->compleet.items[i].alt[j];
			const char *what = kind == COMPLEET_VELD ? c->veld : c->arg;

			if (c->kind == kind && what && strcmp(what, arg) == 0)
				return 1;
		}
	return 0;
}

/* Every item of t's checklist holds for f. */
static void all_met(const struct flow_type *t, const struct compleet_feiten *f)
{
	struct compleet_uitslag u;
	struct err e;

	assert_int_equal(compleet_evaluate(&t->compleet, f, &u, &e), 0);
	assert_int_equal(u.nok, u.n);
	compleet_uitslag_release(&u);
}

static void test_seed_verlenging_tlv(void **state)
{
	(void)state;
	struct flow_type *t = load_flow("po3008/verlenging-tlv.flow");

	/* 004 §4.1: beschikkingsnummer and einddatum of the current TLV */
	assert_true(asks(t, COMPLEET_VELD, "einddatum_huidig"));
	assert_true(asks(t, COMPLEET_VELD, "beschikkingsnummer"));
	assert_false(asks(t, COMPLEET_VELD, "einddatum"));
	flow_type_free(&t);
}

static void test_seed_verlenging_arrangement(void **state)
{
	(void)state;
	struct flow_type *t = load_flow("po3008/verlenging-arrangement.flow");
	struct compleet_bijlage b[] = { { "OPP", "OPP 2026.pdf", { 2026, 9, 1 }, 0 } };
	struct compleet_feiten f = base();

	/* 004 §3.7: the OPP and other relevant documents, no evaluation form */
	assert_true(asks(t, COMPLEET_BIJLAGE, "OPP"));
	assert_false(asks(t, COMPLEET_FORMULIER, "evaluatie-individueel-arrangement"));
	f.bijlagen = b;
	f.nbijlagen = 1;
	f.geboortedatum = f.schoolgegevens = 1;
	f.titel = "Verlenging arrangement";
	all_met(t, &f);
	flow_type_free(&t);
}

static void test_seed_po2507_groepsarrangement(void **state)
{
	(void)state;
	struct flow_type *t = load_flow("po2507/groepsarrangement.flow");
	struct compleet_bijlage b[] = { { "plan", "Groepsplan acties en factoren.pdf", { 2026, 9, 1 }, 0 } };
	struct compleet_feiten f = base();

	/* 001 §3 stap 5: the school's own actions and the factoren, no pupil documents */
	assert_false(asks(t, COMPLEET_BIJLAGE, "OPP"));
	assert_false(asks(t, COMPLEET_BIJLAGE, "toetsgegevens"));
	assert_false(asks(t, COMPLEET_ACTUEEL, "onderzoeksverslag"));
	assert_true(asks(t, COMPLEET_BIJLAGE, "plan"));
	f.bijlagen = b;
	f.nbijlagen = 1;
	f.leerling = (struct naam){ NULL, NULL, NULL };
	f.titel = "Groepsarrangement 8D";
	all_met(t, &f);
	flow_type_free(&t);
}

/* PO2806, PO2811 and generiek have a checklist, statuses to check and
 * (where the seed has one) the aanvulling status. */
static void test_seed_checklists(void **state)
{
	(void)state;
	static const struct {
		const char *file, *check, *aanvulling;
	} want[] = {
		{ "po2806/ondersteuning.flow", "Aanmelding", "Dossier incompleet" },
		{ "po2806/schoolbudget.flow", "Aanmelding", "Dossier incompleet" },
		{ "po2811/team-schoolondersteuning.flow", "Aanmelding", NULL },
		{ "generiek/hulpvraag.flow", "Nieuw", "Dossier incompleet" },
	};

	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct flow_type *t = load_flow(want[i].file);
		int controleren = 0;

		assert_true(t->compleet.nitems >= 3);
		for (size_t s = 0; s < t->nstatuses; s++)
			if (!strcmp(t->statuses[s].name, want[i].check))
				controleren = t->statuses[s].controleren;
		assert_true(controleren);
		if (want[i].aanvulling)
			assert_string_equal(flow_aanvulling(t, want[i].check), want[i].aanvulling);
		else
			assert_null(flow_aanvulling(t, want[i].check));
		flow_type_free(&t);
	}
	/* 000: "het OPP … altijd nodig"; schoolbudget: "minimaal het OPP" or
	 * "minimaal de Onderbouwing Aanvraag Schoolbudget" */
	struct flow_type *t = load_flow("po2806/ondersteuning.flow");
	assert_true(asks(t, COMPLEET_BIJLAGE, "OPP"));
	flow_type_free(&t);
	t = load_flow("po2806/schoolbudget.flow");
	assert_true(asks(t, COMPLEET_BIJLAGE, "OPP"));
	assert_true(asks(t, COMPLEET_BIJLAGE, "plan"));
	flow_type_free(&t);
	t = load_flow("po2811/team-schoolondersteuning.flow");
	assert_true(asks(t, COMPLEET_FORMULIER, "team-schoolondersteuning"));
	flow_type_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bijlage),
		cmocka_unit_test(test_formulier_en_veld),
		cmocka_unit_test(test_alternatieven),
		cmocka_unit_test(test_basis_en_school),
		cmocka_unit_test(test_actueel_grens),
		cmocka_unit_test(test_aantal),
		cmocka_unit_test(test_bestandsnamen),
		cmocka_unit_test(test_titel),
		cmocka_unit_test(test_alleen_in_en_tekst),
		cmocka_unit_test(test_parse_section),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_po3008_tlv),
		cmocka_unit_test(test_seed_verlenging_tlv),
		cmocka_unit_test(test_seed_verlenging_arrangement),
		cmocka_unit_test(test_seed_po2507_groepsarrangement),
		cmocka_unit_test(test_seed_checklists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
