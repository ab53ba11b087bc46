/* form_test.c — unit tests of core/form: parsing .form definitions, every
 * field type's validation, conditional fields, field rules, what is still
 * missing, and the shipped forms of every profile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"

/* One field of every type, plus rules and conditions. */
static const char *all_types =
	"versie = 1;\n"
	"naam = \"Alles\";\n"
	"velden = (\n"
	" { sleutel = \"t\"; label = \"Tekst\"; type = \"tekst\"; max = 5; },\n"
	" { sleutel = \"m\"; label = \"Lang\"; type = \"tekst\"; meerregelig = true; },\n"
	" { sleutel = \"start\"; label = \"Startdatum\"; type = \"datum\"; eerste_van_de_maand = true; },\n"
	" { sleutel = \"eind\"; label = \"Einddatum\"; type = \"datum\"; na = \"start\"; binnen_jaar_na = \"start\"; },\n"
	" { sleutel = \"jn\"; label = \"Akkoord ouders\"; type = \"janee\"; verplicht = true; },\n"
	" { sleutel = \"zw\"; label = \"Zienswijze\"; type = \"tekst\"; meerregelig = true;\n"
	"   verplicht_als = { veld = \"jn\"; is = \"nee\"; }; },\n"
	" { sleutel = \"k\"; label = \"Keuze\"; type = \"keuze\"; keuzes = [\"Zeer tevreden\", \"Tevreden\"]; },\n"
	" { sleutel = \"mk\"; label = \"Verzuim\"; type = \"meerkeuze\"; keuzes = [\"1\", \"2\", \"4a\", \"4b\"]; },\n"
	" { sleutel = \"extra\"; label = \"Extra\"; type = \"tekst\"; verplicht = true;\n"
	"   zichtbaar_als = { veld = \"mk\"; is = \"4a\"; }; },\n"
	" { sleutel = \"b\"; label = \"Bedrag\"; type = \"bedrag\"; },\n"
	" { sleutel = \"g\"; label = \"Aantal\"; type = \"getal\"; min = 1; max = 8; },\n"
	" { sleutel = \"e\"; label = \"E-mail\"; type = \"email\"; },\n"
	" { sleutel = \"tel\"; label = \"Telefoon\"; type = \"telefoon\"; },\n"
	" { sleutel = \"pc\"; label = \"Postcode\"; type = \"postcode\"; },\n"
	" { sleutel = \"brin\"; label = \"BRIN\"; type = \"brin\"; help = \"Vier tekens\"; },\n"
	" { sleutel = \"scp\"; label = \"Informeer SCP\"; type = \"account\"; rol = \"coordinator\"; informeer = true; }\n"
	");\n";

static struct form_def *parse_ok(const char *src)
{
	struct form_def *d = NULL;
	struct err e;
	int rc = form_parse(src, strlen(src), "test.form", &d, NULL, NULL, &e);
	if (rc != 0)
		fprintf(stderr, "%s:%d: %s\n", e.file, e.line, e.msg);
	assert_int_equal(rc, 0);
	return d;
}

/* Validates typed in field key: expects canon (NULL = refused; "" = no value). */
static void expect(const struct form_def *d, const char *key, const char *typed, const char *canon,
		   const char *msg_part)
{
	char *out = (char *)"x";
	struct err e;
	int i = form_field_index(d, key);
	assert_true(i >= 0);
	int rc = form_validate(d, (size_t)i, typed, &out, &e);
	if (!canon) {
		if (rc == 0)
			fprintf(stderr, "accepted '%s' in %s as '%s'\n", typed, key, out ? out : "(null)");
		assert_int_equal(rc, -1);
		assert_null(out);
		assert_true(e.msg[0] != 0);
		if (msg_part && !strstr(e.msg, msg_part))
			fail_msg("'%s': message '%s' lacks '%s'", typed, e.msg, msg_part);
		return;
	}
	if (rc != 0)
		fail_msg("'%s' refused in %s: %s", typed, key, e.msg);
	if (!canon[0])
		assert_null(out);
	else
		assert_string_equal(out, canon);
	free(out);
}

static void test_types(void **state)
{
	struct form_def *d = parse_ok(all_types);

	assert_string_equal(d->code, "test");
	assert_int_equal(d->nfields, 16);
	expect(d, "t", "  abc ", "abc", NULL);
	expect(d, "t", "", "", NULL);
	expect(d, "t", "   ", "", NULL);
	expect(d, "t", "abcdef", NULL, "Hoogstens 5");
	expect(d, "t", "a\nb", NULL, "regel");
	expect(d, "t", "éééé", "éééé", NULL);
	expect(d, "m", "regel 1\nregel 2\n", "regel 1\nregel 2", NULL);
	expect(d, "m", "a\x01", NULL, "stuurteken");
	expect(d, "start", "01-08-2026", "2026-08-01", NULL);
	expect(d, "start", "31-02-2026", NULL, "bestaat niet");
	expect(d, "start", "2026-08-01", NULL, "dd-mm-jjjj");
	expect(d, "start", "15-08-2026", NULL, "1e van de maand");
	expect(d, "eind", "31-07-2027", "2027-07-31", NULL);
	expect(d, "jn", "Ja", "ja", NULL);
	expect(d, "jn", "n", "nee", NULL);
	expect(d, "jn", "misschien", NULL, "ja of nee");
	expect(d, "k", "tevreden", "Tevreden", NULL);
	expect(d, "k", "1", "Zeer tevreden", NULL);
	expect(d, "k", "3", NULL, "geen keuze");
	expect(d, "k", "Ontevreden", NULL, "geen keuze");
	expect(d, "mk", "4b\n1\n4b", "1\n4b", NULL);
	expect(d, "mk", "4a; 2", "2\n4a", NULL);
	expect(d, "mk", "5", NULL, "geen keuze");
	expect(d, "b", "8.500,00", "850000", NULL);
	expect(d, "b", "8500", "850000", NULL);
	expect(d, "b", "€ 12,5", "1250", NULL);
	expect(d, "b", "8.500,0O", NULL, NULL);
	expect(d, "b", "-5,00", NULL, "negatief");
	/* the schoolbudget forms' "bedrag inclusief btw" (issue 10): every way of writing it, cents */
	expect(d, "b", "8.500", "850000", NULL);
	expect(d, "b", "8500,00", "850000", NULL);
	expect(d, "b", "€ 8.500,00", "850000", NULL);
	expect(d, "b", "-1", NULL, "negatief");
	expect(d, "b", "€ 1e9", NULL, NULL);
	expect(d, "g", "8", "8", NULL);
	expect(d, "g", "9", NULL, "Aantal");
	expect(d, "g", "1,5", NULL, NULL);
	expect(d, "e", "ib@school.nl", "ib@school.nl", NULL);
	expect(d, "e", "ib@school", NULL, NULL);
	expect(d, "tel", "06-12345678", "0612345678", NULL);
	expect(d, "tel", "12345", NULL, NULL);
	expect(d, "pc", "1234ab", "1234 AB", NULL);
	expect(d, "pc", "1234 A", NULL, NULL);
	expect(d, "brin", "14ss", "14SS", NULL);
	expect(d, "brin", "14S", NULL, NULL);
	expect(d, "scp", "42", "42", NULL);
	expect(d, "scp", "0", NULL, "account");
	expect(d, "scp", "abc", NULL, "account");
	assert_true(d->fields[form_field_index(d, "scp")].notify);
	assert_string_equal(d->fields[form_field_index(d, "brin")].help, "Vier tekens");
	form_free(&d);
	assert_null(d);
}

static void test_format(void **state)
{
	struct form_def *d = parse_ok(all_types);
	char buf[64];

	assert_string_equal(form_format(d, 2, "2026-08-01", buf, sizeof buf), "01-08-2026");
	assert_string_equal(form_format(d, (size_t)form_field_index(d, "b"), "850000", buf, sizeof buf),
			    "€ 8.500,00");
	assert_string_equal(form_format(d, 0, NULL, buf, sizeof buf), "");
	assert_string_equal(form_format(d, 2, "rommel", buf, sizeof buf), "rommel");
	assert_string_equal(form_format(d, 1, "ééé", buf, 4), "é"); /* cut on a character boundary */
	form_free(&d);
}

static void test_conditions_and_missing(void **state)
{
	struct form_def *d = parse_ok(all_types);
	const char *v[16] = { 0 };
	struct form_problem p[16];
	int jn = form_field_index(d, "jn"), zw = form_field_index(d, "zw"), extra = form_field_index(d, "extra");
	int mk = form_field_index(d, "mk");

	/* empty: only the required yes/no is missing; extra is hidden */
	assert_int_equal(form_problems(d, v, p, 16), 1);
	assert_string_equal(p[0].msg, "Akkoord ouders ontbreekt");
	assert_false(form_visible(d, v, (size_t)extra));
	assert_false(form_complete(d, v));
	/* Akkoord ouders = nee → zienswijze verplicht */
	v[jn] = "nee";
	assert_true(form_required(d, v, (size_t)zw));
	assert_int_equal(form_problems(d, v, p, 16), 1);
	assert_string_equal(p[0].msg, "Zienswijze ontbreekt");
	v[zw] = "Wij zijn het er niet mee eens.";
	assert_true(form_complete(d, v));
	v[jn] = "ja";
	assert_false(form_required(d, v, (size_t)zw));
	/* multiple choice with 4a shows the required extra field */
	v[mk] = "2\n4a";
	assert_true(form_visible(d, v, (size_t)extra));
	assert_int_equal(form_problems(d, v, p, 16), 1);
	assert_string_equal(p[0].msg, "Extra ontbreekt");
	v[mk] = "4b";
	assert_true(form_complete(d, v));
	form_free(&d);
}

static void test_rules(void **state)
{
	struct form_def *d = parse_ok(all_types);
	const char *v[16] = { 0 };
	struct form_problem p[4];
	struct err e;
	int start = form_field_index(d, "start"), eind = form_field_index(d, "eind");

	v[form_field_index(d, "jn")] = "ja";
	v[start] = "2026-08-01";
	v[eind] = "2026-08-01";
	assert_int_equal(form_check_field(d, v, (size_t)eind, &e), -1);
	assert_non_null(strstr(e.msg, "na Startdatum"));
	v[eind] = "2027-08-01";
	assert_int_equal(form_check_field(d, v, (size_t)eind, &e), 0);
	v[eind] = "2027-08-02";
	assert_int_equal(form_check_field(d, v, (size_t)eind, &e), -1);
	assert_non_null(strstr(e.msg, "een jaar na Startdatum"));
	assert_int_equal(form_problems(d, v, p, 4), 1);
	assert_int_equal(p[0].field, (size_t)eind);
	/* a stored start date that is not the 1st (e.g. an older definition) is reported */
	v[eind] = NULL;
	v[start] = "2026-08-15";
	assert_int_equal(form_problems(d, v, p, 4), 1);
	assert_non_null(strstr(p[0].msg, "Startdatum: Moet de 1e"));
	/* stored values that are not canonical */
	v[start] = "2026-08-01";
	v[form_field_index(d, "b")] = "-5";
	v[form_field_index(d, "k")] = "Onbekend";
	assert_int_equal(form_problems(d, v, p, 4), 2);
	form_free(&d);
}

struct collect {
	char msgs[8][600];
	int n;
};

static void collect(const struct err *e, void *ctx)
{
	struct collect *c = ctx;
	char buf[600];
	if (c->n < 8)
		snprintf(c->msgs[c->n++], sizeof c->msgs[0], "%s", err_format(e, buf, sizeof buf));
}

/* Parsing src fails with an error on line `line` containing part. */
static void expect_error(const char *src, int line, const char *part)
{
	struct form_def *d = (struct form_def *)1;
	struct collect c = { .n = 0 };
	struct err e;

	assert_int_equal(form_parse(src, strlen(src), "x/fout.form", &d, collect, &c, &e), -1);
	assert_null(d);
	assert_true(c.n >= 1);
	assert_string_equal(e.file, "x/fout.form");
	if (e.line != line || !strstr(e.msg, part))
		fail_msg("expected line %d '%s', got %d '%s'", line, part, e.line, e.msg);
}

#define HEAD "versie = 1;\nnaam = \"F\";\n"
static void test_errors(void **state)
{
	expect_error("versie = 1;\nnaam = \"F\"\nvelden = (", 3, "syntaxfout");
	expect_error("versie = 1;\nnaam = \"open", 2, "aanhalingsteken");
	expect_error("@include \"/etc/passwd\"\n", 1, "@include is niet toegestaan in een formulierbestand");
	expect_error("versie = 2;\nnaam = \"F\";\nvelden = ({ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; });", 1,
		     "versie 2");
	expect_error(HEAD "velden = ();", 3, "1 tot 200 velden");
	expect_error(HEAD "velden = (\n{ sleutel = \"A b\"; label = \"A\"; type = \"tekst\"; });", 4, "sleutel 'A b'");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"kleur\"; });", 4, "onbekend veldtype");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; },\n"
			  "{ sleutel = \"a\"; label = \"B\"; type = \"tekst\"; });", 5, "twee keer");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"keuze\"; });", 4, "mist 'keuzes'");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"keuze\";\n keuzes = [\"x\", \"x\"]; });",
		     5, "twee keer");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"tekst\";\n"
			  " zichtbaar_als = { veld = \"b\"; }; },\n{ sleutel = \"b\"; label = \"B\"; type = \"tekst\"; });",
		     5, "niet eerder");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"janee\"; },\n"
			  "{ sleutel = \"b\"; label = \"B\"; type = \"tekst\";\n verplicht_als = { veld = \"a\"; is = \"misschien\"; }; });",
		     6, "geen mogelijke waarde");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"account\"; rol = \"directeur\"; });", 4,
		     "onbekende rol");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"account\"; });", 4, "mist 'rol'");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; kleur = 1; });", 4,
		     "onbekende instelling 'kleur'");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; na = \"a\"; });", 4,
		     "alleen bij type datum");
	expect_error(HEAD "velden = (\n{ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; verplicht = \"ja\"; });", 4,
		     "true of false");
	expect_error("versie = 1;\nvelden = ({ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; });", 1, "'naam' ontbreekt");
}

/* Every shipped .form file parses; the fixed contract of aanvraag-tlv holds. */
static void test_shipped_forms(void **state)
{
	static const char *profiles[] = { "po3008", "po2806", "po2507", "po2811" };
	const char *src = getenv("BALIE_SRCDIR");
	size_t total = 0;
	char path[4096];

	for (size_t p = 0; p < sizeof profiles / sizeof *profiles; p++) {
		snprintf(path, sizeof path, "%s/forms/%s", src ? src : ".", profiles[p]);
		DIR *dir = opendir(path);
		struct dirent *de;
		assert_non_null(dir);
		while ((de = readdir(dir))) {
			size_t n = strlen(de->d_name);
			struct form_def *d;
			struct err e;
			char file[4400];
			if (n < 6 || strcmp(de->d_name + n - 5, ".form"))
				continue;
			snprintf(file, sizeof file, "%s/%s", path, de->d_name);
			if (form_load(file, &d, NULL, NULL, &e) != 0)
				fail_msg("%s:%d: %s", e.file, e.line, e.msg);
			total++;
			form_free(&d);
		}
		closedir(dir);
	}
	assert_true(total >= 21);

	struct form_def *d;
	struct err e;
	snprintf(path, sizeof path, "%s/forms/po3008/aanvraag-tlv.form", src ? src : ".");
	assert_int_equal(form_load(path, &d, NULL, NULL, &e), 0);
	assert_string_equal(d->code, "aanvraag-tlv");
	static const struct { const char *key; enum form_type t; } contract[] = {
		{ "soort_tlv", FORM_KEUZE }, { "startdatum", FORM_DATUM }, { "einddatum", FORM_DATUM },
		{ "akkoord_organisatie", FORM_JANEE }, { "akkoord_bestuur", FORM_JANEE },
		{ "akkoord_ouders", FORM_JANEE }, { "zienswijze_ouders", FORM_TEKST },
	};
	for (size_t i = 0; i < sizeof contract / sizeof *contract; i++) {
		int k = form_field_index(d, contract[i].key);
		assert_true(k >= 0);
		assert_int_equal(d->fields[k].type, contract[i].t);
	}
	assert_true(d->fields[form_field_index(d, "startdatum")].first_of_month);
	assert_int_equal(d->fields[form_field_index(d, "einddatum")].after, form_field_index(d, "startdatum"));
	assert_int_equal(d->fields[form_field_index(d, "zienswijze_ouders")].required_if.field,
			 form_field_index(d, "akkoord_ouders"));
	int notify = 0;
	for (size_t i = 0; i < d->nfields; i++)
		notify += d->fields[i].notify;
	assert_int_equal(notify, 1);
	form_free(&d);

	snprintf(path, sizeof path, "%s/forms/po2507/arrangement-voortgang.form", src ? src : ".");
	assert_int_equal(form_load(path, &d, NULL, NULL, &e), 0);
	int k = form_field_index(d, "tevredenheid");
	assert_true(k >= 0);
	assert_int_equal(d->fields[k].nchoices, 4);
	assert_string_equal(d->fields[k].choices[0], "Zeer tevreden");
	form_free(&d);
}

/* A form filled against v1 still checks against v1 after v2 changed it:
 * values are checked against the definition they were filled with. */
static void test_versions(void **state)
{
	const char *v1 = HEAD "velden = (\n{ sleutel = \"k\"; label = \"K\"; type = \"keuze\"; keuzes = [\"oud\", \"b\"]; verplicht = true; });";
	const char *v2 = HEAD "velden = (\n{ sleutel = \"k\"; label = \"K\"; type = \"keuze\"; keuzes = [\"nieuw\", \"b\"]; verplicht = true; },\n"
			      "{ sleutel = \"x\"; label = \"X\"; type = \"tekst\"; verplicht = true; });";
	struct form_def *d1 = parse_ok(v1), *d2 = parse_ok(v2);
	const char *vals[2] = { "oud", NULL };

	assert_true(form_complete(d1, vals));
	assert_false(form_complete(d2, vals));
	form_free(&d1);
	form_free(&d2);
}

/* The *.form files of a folder, sorted; the source handed back is the file. */
static void test_list_and_source(void **state)
{
	const char *src = getenv("BALIE_SRCDIR");
	char dir[4096], **paths = NULL;
	size_t n = 0, len = 0;
	struct form_def *d = NULL;
	struct err e;
	char *text = NULL;

	snprintf(dir, sizeof dir, "%s/forms/po2507", src ? src : ".");
	assert_int_equal(form_list_dir(dir, &paths, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_non_null(strstr(paths[0], "/ak-voortgang.form"));
	assert_non_null(strstr(paths[1], "/arrangement-voortgang.form"));
	assert_int_equal(form_load_source(paths[1], &d, &text, &len, NULL, NULL, &e), 0);
	assert_int_equal(strlen(text), len);
	assert_non_null(strstr(text, "tevredenheid"));
	assert_string_equal(d->code, "arrangement-voortgang");
	assert_string_equal(d->name, "Arrangement voortgang");
	free(text);
	form_free(&d);
	form_list_free(&paths, n);
	assert_null(paths);
	assert_int_equal(form_list_dir("/nonexistent/forms", &paths, &n, &e), -1);
	assert_non_null(strstr(e.msg, "kan map"));
	/* a bad file name is an error of the file */
	const char *ok = HEAD "velden = ({ sleutel = \"a\"; label = \"A\"; type = \"tekst\"; });";
	assert_int_equal(form_parse(ok, strlen(ok), "x/Fout Naam.form", &d, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "bestandsnaam"));
}

/* issue 13 §7: what the seeds ask of the PO3008 forms. */
static void test_seed_forms(void **state)
{
	(void)state;
	const char *src = getenv("BALIE_SRCDIR");
	char path[512];
	struct form_def *d;
	struct err e;

	/* 004 §4.1 asks no Einddatum of the new TLV: not required */
	snprintf(path, sizeof path, "%s/forms/po3008/aanvraag-tlv.form", src ? src : ".");
	assert_int_equal(form_load(path, &d, NULL, NULL, &e), 0);
	assert_false(d->fields[form_field_index(d, "einddatum")].required);
	assert_true(d->fields[form_field_index(d, "startdatum")].first_of_month); /* the TLV start */
	form_free(&d);
	/* "1e van de maand" only of the TLV start: not on these two */
	static const char *const not_first[] = { "groepsarrangement", "aanvraag-bekostiging-so-midden-hoog" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/forms/po3008/%s.form", src ? src : ".", not_first[i]);
		assert_int_equal(form_load(path, &d, NULL, NULL, &e), 0);
		assert_false(d->fields[form_field_index(d, "startdatum")].first_of_month);
		form_free(&d);
	}
}

/* 031: intern (for the back office), vestiging (6-position BRIN), vereist
 * (EMB → SO categorie hoog). */
static void test_intern_vestiging_vereist(void **state)
{
	static const char src[] =
		"versie = 1;\nnaam = \"T\";\nvelden = (\n"
		"  { sleutel = \"soort\"; label = \"Type TLV\"; type = \"keuze\"; keuzes = [ \"SO laag\", \"SO hoog\" ]; },\n"
		"  { sleutel = \"emb\"; label = \"EMB\"; type = \"janee\"; vereist = { veld = \"soort\"; is = \"SO hoog\";"
		" melding = \"Een EMB-leerling krijgt alleen SO hoog\"; }; },\n"
		"  { sleutel = \"brin\"; label = \"BRIN penvoerder\"; type = \"brin\"; vestiging = true; },\n"
		"  { sleutel = \"besluit\"; label = \"Besluit\"; type = \"tekst\"; intern = true; }\n);\n";
	struct form_def *d = parse_ok(src);
	struct err e;
	(void)state;
	assert_true(d->fields[3].intern);
	assert_false(d->fields[0].intern);
	/* the penvoerende vestiging: 6 positions, 4 refused in Dutch */
	expect(d, "brin", "14ss01", "14SS01", NULL);
	expect(d, "brin", "14SS", NULL, "6-positie BRIN");
	expect(d, "brin", "14SS0", NULL, NULL);
	const char *v[4] = { "SO laag", "ja", NULL, NULL };
	assert_int_equal(form_check_field(d, v, 1, &e), -1);
	assert_string_equal(e.msg, "Een EMB-leerling krijgt alleen SO hoog");
	assert_false(form_complete(d, v));
	v[0] = "SO hoog";
	assert_int_equal(form_check_field(d, v, 1, &e), 0);
	v[0] = "SO laag";
	v[1] = "nee";
	assert_int_equal(form_check_field(d, v, 1, &e), 0);
	form_free(&d);
	/* the marks only where they belong */
	static const char bad[] = "versie = 1;\nnaam = \"T\";\nvelden = (\n"
				  "  { sleutel = \"a\"; label = \"A\"; type = \"tekst\"; vestiging = true; },\n"
				  "  { sleutel = \"b\"; label = \"B\"; type = \"tekst\"; vereist = { veld = \"a\"; is = \"x\"; }; }\n);\n";
	assert_int_equal(form_parse(bad, strlen(bad), "t.form", &d, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "'vestiging' hoort alleen bij type brin"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_conditions_and_missing),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_shipped_forms),
		cmocka_unit_test(test_seed_forms),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_list_and_source),
		cmocka_unit_test(test_intern_vestiging_vereist),
	};

	return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
