/* mailtpl_test.c — unit tests of core/mailtpl: the template format, the
 * checks at load time (unknown placeholders, pupil data in the subject,
 * header injection) and rendering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mailtpl.h"

static struct mailtpl *parse_ok(const char *text)
{
	struct mailtpl *t = NULL;
	struct err e;

	err_clear(&e);
	if (mailtpl_parse(text, strlen(text), "t.mail", &t, &e) < 0)
		fail_msg("onverwachte fout: %s:%d: %s", e.file, e.line, e.msg);
	return t;
}

static void parse_fails(const char *text, int line, const char *part)
{
	struct mailtpl *t = NULL;
	struct err e;

	err_clear(&e);
	assert_int_equal(mailtpl_parse(text, strlen(text), "t.mail", &t, &e), -1);
	assert_null(t);
	assert_string_equal(e.file, "t.mail");
	assert_int_equal(e.line, line);
	if (!strstr(e.msg, part))
		fail_msg("'%s' ontbreekt in '%s'", part, e.msg);
}

static const char basic[] =
	"# commentaar\n"
	"Onderwerp: Hulpvraag {hulpvraagnummer}: {status}\n"
	"Actie: aanvulling nodig = Vul de gegevens aan voor {school}.\n"
	"Actie: afgewezen = Bel {contact}.\n"
	"\n"
	"Beste aanvrager,\n"
	"Status: {status} ({aanvraagtype})\n"
	"?Reden: {reden}\n"
	"?Actie: {actie}\n"
	"??Vragen? Mail {contact}; {{accolades}}.\n"
	"{organisatie}\n"
	"\n\n";

static void render_all_placeholders(void **state)
{
	struct mailtpl *t = parse_ok(basic);
	struct mailtpl_vars v = { { 0 } };
	char *s, *b;
	struct err e;

	v.v[MAILTPL_STATUS] = "TLV>aanvraag aanvulling nodig";
	v.v[MAILTPL_REDEN] = "OPP ontbreekt";
	v.v[MAILTPL_NUMMER] = "123";
	v.v[MAILTPL_SCHOOL] = "De Regenboog";
	v.v[MAILTPL_CONTACT] = "Annemiek";
	v.v[MAILTPL_ORGANISATIE] = "SWV Helmond-Peelland PO";
	v.v[MAILTPL_AANVRAAGTYPE] = "Aanvraag TLV";
	assert_int_equal(mailtpl_render(t, &v, &s, &b, &e), 0);
	assert_string_equal(s, "Hulpvraag 123: TLV>aanvraag aanvulling nodig");
	assert_string_equal(b, "Beste aanvrager,\n"
			       "Status: TLV>aanvraag aanvulling nodig (Aanvraag TLV)\n"
			       "Reden: OPP ontbreekt\n"
			       "Actie: Vul de gegevens aan voor De Regenboog.\n"
			       "?Vragen? Mail Annemiek; {accolades}.\n"
			       "SWV Helmond-Peelland PO\n");
	free(s);
	free(b);
	mailtpl_free(&t);
	assert_null(t);
}

static void conditional_lines_drop_when_empty(void **state)
{
	struct mailtpl *t = parse_ok(basic);
	struct mailtpl_vars v = { { 0 } };
	char *s, *b;
	struct err e;

	v.v[MAILTPL_STATUS] = "TLV>aanvraag";
	v.v[MAILTPL_NUMMER] = "7";
	assert_int_equal(mailtpl_render(t, &v, &s, &b, &e), 0);
	assert_null(strstr(b, "Reden:"));
	assert_null(strstr(b, "Actie:"));
	free(s);
	free(b);
	mailtpl_free(&t);
}

static void actie_by_status_and_override(void **state)
{
	struct mailtpl *t = parse_ok(basic);
	struct mailtpl_vars v = { { 0 } };
	char *s, *b;
	struct err e;

	assert_string_equal(mailtpl_actie(t, "TLV>AFGEWEZEN"), "Bel {contact}.");
	assert_string_equal(mailtpl_actie(t, "TLV>aanvraag"), "");
	v.v[MAILTPL_STATUS] = "TLV>afgewezen";
	v.v[MAILTPL_ACTIE] = "Zelf gegeven";
	v.v[MAILTPL_NUMMER] = "7";
	assert_int_equal(mailtpl_render(t, &v, &s, &b, &e), 0);
	assert_non_null(strstr(b, "Actie: Zelf gegeven\n"));
	free(s);
	free(b);
	mailtpl_free(&t);
}

static void unknown_placeholder_refused(void **state)
{
	parse_fails("Onderwerp: x\n\nHallo {naam}\n", 3, "onbekende plaatsaanduiding {naam}");
	parse_fails("Onderwerp: {leerling}\n\ntekst\n", 1, "onbekende plaatsaanduiding");
	parse_fails("Onderwerp: x\nActie: a = {onbekend}\n\ntekst\n", 2, "onbekende");
}

static void subject_may_not_carry_pupil_data(void **state)
{
	parse_fails("Onderwerp: {hulpvraagnummer} {reden}\n\ntekst\n", 1, "{reden} mag niet in het onderwerp");
	parse_fails("Onderwerp: {school}\n\ntekst\n", 1, "mag niet in het onderwerp");
	parse_fails("Onderwerp: {contact}\n\ntekst\n", 1, "mag niet in het onderwerp");
	parse_fails("Onderwerp: {aanvrager}\n\ntekst\n", 1, "{aanvrager} mag niet in het onderwerp");
	parse_fails("Onderwerp: x\nActie: a = {actie}\n\ntekst\n", 2, "{actie} mag niet");
}

static void header_injection_refused(void **state)
{
	parse_fails("Onderwerp: x\rBcc: a@b.nl\n\ntekst\n", 1, "CR");
	parse_fails("Onderwerp: x\r\n\r\ntekst\n", 1, "CR");

	/* a value with a line break cannot sneak into the subject either */
	struct mailtpl *t = parse_ok("Onderwerp: Status {status}\n\ntekst\n");
	struct mailtpl_vars v = { { 0 } };
	char *s = (char *)1, *b = (char *)1;
	struct err e;
	v.v[MAILTPL_STATUS] = "x\nBcc: kwaad@example.org";
	assert_int_equal(mailtpl_render(t, &v, &s, &b, &e), -1);
	assert_null(s);
	assert_null(b);
	assert_non_null(strstr(e.msg, "regelovergang"));
	mailtpl_free(&t);
}

static void structure_errors(void **state)
{
	parse_fails("\ntekst\n", 2, "'Onderwerp: …' ontbreekt");
	parse_fails("Onderwerp: x\n", 1, "tekst van de mail ontbreekt");
	parse_fails("Onderwerp: x\nOnderwerp: y\n\nt\n", 2, "twee keer");
	parse_fails("Onderwerp:\n\nt\n", 1, "leeg");
	parse_fails("Van: x\n\nt\n", 1, "onbekende kop");
	parse_fails("zomaar tekst\n\nt\n", 1, "zonder ':'");
	parse_fails("Onderwerp: x\nActie: geen gelijkteken\n\nt\n", 2, "statusdeel = tekst");
	parse_fails("Onderwerp: x\n\nlos } haakje\n", 3, "losse '}'");
	parse_fails("Onderwerp: x\n\nopen { haakje\n", 3, "'{' zonder '}'");
	parse_fails("Onderwerp: x\n\nbad \xff byte\n", 3, "UTF-8");
	{
		char nul[] = "Onderwerp: x\n\na\0b\n";
		struct mailtpl *t = NULL;
		struct err e;
		assert_int_equal(mailtpl_parse(nul, sizeof nul - 1, "t.mail", &t, &e), -1);
		assert_int_equal(e.line, 3);
	}
	{
		char *big = malloc(MAILTPL_MAX_LINE + 40);
		strcpy(big, "Onderwerp: x\n\n");
		memset(big + strlen(big), 'a', MAILTPL_MAX_LINE + 5);
		big[14 + MAILTPL_MAX_LINE + 5] = '\0';
		parse_fails(big, 3, "langer dan");
		free(big);
	}
}

static void crlf_body_accepted(void **state)
{
	struct mailtpl *t = parse_ok("Onderwerp: x\n\nregel een\r\nregel twee\r\n");
	char *s, *b;
	struct err e;

	assert_int_equal(mailtpl_render(t, NULL, &s, &b, &e), 0);
	assert_string_equal(b, "regel een\nregel twee\n");
	free(s);
	free(b);
	mailtpl_free(&t);
}

static void slug_and_find(void **state)
{
	char buf[128], dir[] = "/tmp/balie-mailtpl-XXXXXX", path[512];
	struct err e;
	FILE *f;

	assert_int_equal(mailtpl_slug(buf, sizeof buf, "Aanvraag TLV"), strlen("aanvraag-tlv"));
	assert_string_equal(buf, "aanvraag-tlv");
	mailtpl_slug(buf, sizeof buf, "  Kans!overleg — thuiszitters ");
	assert_string_equal(buf, "kans-overleg-thuiszitters");
	mailtpl_slug(buf, sizeof buf, "Geëvalueerd");
	assert_string_equal(buf, "geevalueerd");

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "mkdir -p %s/forms/p1/mail %s/forms/generiek/mail", dir, dir);
	assert_int_equal(system(path), 0);
	/* nothing there yet */
	assert_int_equal(mailtpl_find(dir, "p1", "Aanvraag TLV", path, sizeof path, &e), -1);
	snprintf(path, sizeof path, "%s/forms/generiek/mail/status.mail", dir);
	f = fopen(path, "w");
	fputs("Onderwerp: x\n\nt\n", f);
	fclose(f);
	assert_int_equal(mailtpl_find(dir, "p1", "Aanvraag TLV", path, sizeof path, &e), 0);
	assert_non_null(strstr(path, "/generiek/mail/status.mail"));
	snprintf(path, sizeof path, "%s/forms/p1/mail/status.mail", dir);
	fclose(fopen(path, "w"));
	assert_int_equal(mailtpl_find(dir, "p1", "Aanvraag TLV", path, sizeof path, &e), 0);
	assert_non_null(strstr(path, "/p1/mail/status.mail"));
	snprintf(path, sizeof path, "%s/forms/p1/mail/status-aanvraag-tlv.mail", dir);
	fclose(fopen(path, "w"));
	assert_int_equal(mailtpl_find(dir, "p1", "Aanvraag TLV", path, sizeof path, &e), 0);
	assert_non_null(strstr(path, "status-aanvraag-tlv.mail"));
	/* a profiel that walks out of forms/ is refused */
	assert_int_equal(mailtpl_find(dir, "../etc", NULL, path, sizeof path, &e), -1);
	assert_int_equal(mailtpl_find(dir, "", NULL, path, sizeof path, &e), -1);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	assert_int_equal(system(path), 0);
}

/* Every template shipped in forms/ loads. */
static void shipped_templates_load(void **state)
{
	static const char *const profielen[] = { "po3008", "po2507", "po2806", "po2811", "generiek" };
	const char *src = getenv("BALIE_SRCDIR");
	char path[512];

	for (size_t i = 0; i < sizeof profielen / sizeof profielen[0]; i++) {
		struct mailtpl *t = NULL;
		struct err e;

		snprintf(path, sizeof path, "%s/forms/%s/mail/status.mail", src ? src : ".", profielen[i]);
		if (mailtpl_load(path, &t, &e) < 0)
			fail_msg("%s: %s:%d: %s", path, e.file, e.line, e.msg);
		mailtpl_free(&t);
	}
}

/* issue 13 §5: the body addresses the aanvrager by name; every shipped
 * status template does ("Beste {aanvrager},"). */
static void aanvrager_by_name(void **state)
{
	static const char *const profielen[] = { "po3008", "po2507", "po2806", "po2811", "generiek" };
	const char *src = getenv("BALIE_SRCDIR");
	struct mailtpl *t = parse_ok("Onderwerp: Hulpvraag {hulpvraagnummer}\n\nBeste {aanvrager},\n");
	struct mailtpl_vars v;
	char *subject = NULL, *body = NULL, path[512];
	struct err e;

	memset(&v, 0, sizeof v);
	v.v[MAILTPL_NUMMER] = "88";
	v.v[MAILTPL_AANVRAGER] = "Femke Bekkers";
	assert_int_equal(mailtpl_render(t, &v, &subject, &body, &e), 0);
	assert_non_null(strstr(body, "Beste Femke Bekkers,"));
	free(subject);
	free(body);
	mailtpl_free(&t);
	for (size_t i = 0; i < sizeof profielen / sizeof profielen[0]; i++) {
		FILE *f;
		char line[1100];
		int found = 0;

		snprintf(path, sizeof path, "%s/forms/%s/mail/status.mail", src ? src : ".", profielen[i]);
		f = fopen(path, "r");
		assert_non_null(f);
		while (fgets(line, sizeof line, f))
			found |= strstr(line, "Beste {aanvrager},") != NULL;
		fclose(f);
		if (!found)
			fail_msg("%s spreekt de aanvrager niet bij naam aan (Beste {aanvrager},)", path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(render_all_placeholders),
		cmocka_unit_test(conditional_lines_drop_when_empty),
		cmocka_unit_test(actie_by_status_and_override),
		cmocka_unit_test(unknown_placeholder_refused),
		cmocka_unit_test(subject_may_not_carry_pupil_data),
		cmocka_unit_test(header_injection_refused),
		cmocka_unit_test(structure_errors),
		cmocka_unit_test(crlf_body_accepted),
		cmocka_unit_test(slug_and_find),
		cmocka_unit_test(shipped_templates_load),
		cmocka_unit_test(aanvrager_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
