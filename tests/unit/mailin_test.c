/* mailin_test.c — unit tests of core/mailin: an incoming mail read with
 * GMime from the committed corpus shapes (tests/fuzz/mailin_corpus), the
 * reply token, safe names and texts, and the reasons that send a message
 * to the post list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "core/mailin.h"

#define TOK "0123456789abcdef0123456789abcdef"

/* Parses corpus file naam into *m; the bytes in *raw (free()). */
static void lees(const char *naam, struct mailin *m)
{
	char pad[512];
	const char *src = getenv("BALIE_SRCDIR");
	struct err e;
	FILE *f;
	long n;
	char *buf;

	snprintf(pad, sizeof pad, "%s/tests/fuzz/mailin_corpus/%s", src ? src : ".", naam);
	f = fopen(pad, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	assert_int_equal(mailin_parse(buf, (size_t)n, NULL, m, &e), 0);
	free(buf);
}

static void token_uit_adres(void **state)
{
	char t[MAILIN_TOKEN_LEN + 1];

	assert_true(mailin_token_uit_adres("Balie <secretariaat+" TOK "@swv.nl>", t));
	assert_string_equal(t, TOK);
	assert_true(mailin_token_uit_adres("a+b@c.nl, x+0123456789ABCDEF0123456789ABCDEF@swv.nl", t));
	assert_string_equal(t, TOK); /* upper case folded */
	assert_false(mailin_token_uit_adres("x+0123abc@swv.nl", t));
	assert_false(mailin_token_uit_adres("x+" TOK "0@swv.nl", t)); /* 33 digits: not a token */
	assert_false(mailin_token_uit_adres("info@swv.nl", t));
	assert_false(mailin_token_uit_adres(NULL, t));
}

static void naam_schoon(void **state)
{
	char out[256];

	mailin_naam_schoon("../../etc/passwd", "x", out, sizeof out);
	assert_string_equal(out, "passwd");
	mailin_naam_schoon("C:\\Users\\ib\\OPP.pdf", "x", out, sizeof out);
	assert_string_equal(out, "OPP.pdf");
	mailin_naam_schoon("\x1b[31mOPP\n\r\a rood\xc2\x9b.pdf", "x", out, sizeof out);
	assert_string_equal(out, "[31mOPP rood.pdf");
	mailin_naam_schoon("bel\xff\xfe.pdf", "x", out, sizeof out);
	assert_string_equal(out, "bel.pdf");
	mailin_naam_schoon("...", "bijlage-3", out, sizeof out);
	assert_string_equal(out, "bijlage-3");
	mailin_naam_schoon(NULL, "bijlage-1", out, sizeof out);
	assert_string_equal(out, "bijlage-1");
	mailin_naam_schoon("Zielińska OPP.pdf", "x", out, sizeof out);
	assert_string_equal(out, "Zielińska OPP.pdf");
	/* long: cut at BIJLAGE_NAAM_MAX bytes, never inside a character */
	char lang[600];
	for (int i = 0; i < 299; i++)
		memcpy(lang + 2 * i, "é", 2);
	lang[598] = '\0';
	mailin_naam_schoon(lang, "x", out, sizeof out);
	assert_true(strlen(out) <= BIJLAGE_NAAM_MAX);
	struct err e;
	assert_int_equal(bijlage_check_naam(out, &e), 0);
}

static void multipart_base64(void **state)
{
	struct mailin m;
	char buf[256];

	lees("multipart-mixed-base64.eml", &m);
	assert_string_equal(m.afzender, "ib@kameleon.example");
	assert_string_equal(m.token, TOK);
	assert_string_equal(m.onderwerp, "Re: Aanvulling nodig");
	assert_string_equal(m.tekst, "Hierbij het ondertekende OPP."); /* the line end before a boundary is the boundary's */
	assert_int_equal(m.nbijlagen, 1);
	assert_string_equal(m.bijlagen[0].naam, "OPP ondertekend.pdf");
	assert_int_equal(memcmp(m.bijlagen[0].data, "%PDF-1.4", 8), 0); /* decoded */
	assert_null(mailin_reden(&m, buf, sizeof buf));
	assert_false(m.automatisch);
	mailin_release(&m);
}

static void quoted_printable_latin1(void **state)
{
	struct mailin m;

	lees("quoted-printable-latin1-crlf.eml", &m);
	assert_string_equal(m.afzender, "j.muller@school.example");
	assert_string_equal(m.token, TOK);
	assert_string_equal(m.onderwerp, "Re: Zienswijze geëvalueerd");
	assert_non_null(strstr(m.tekst, "De zienswijze is geëvalueerd en ondertekend."));
	assert_null(strchr(m.tekst, '\r'));
	assert_int_equal(m.nbijlagen, 0);
	mailin_release(&m);
}

static void nested_message(void **state)
{
	struct mailin m;

	lees("nested-rfc822.eml", &m);
	assert_string_equal(m.tekst, "Zie het doorgestuurde bericht.");
	assert_int_equal(m.nbijlagen, 1); /* the forwarded message whole, as .eml */
	assert_string_equal(m.bijlagen[0].naam, "doorgestuurd-bericht-1.eml");
	assert_non_null(memmem(m.bijlagen[0].data, m.bijlagen[0].len, "Subject: Onderzoeksverslag", 26));
	mailin_release(&m);
}

static void namen_en_stuurtekens(void **state)
{
	struct mailin m;
	struct err e;

	lees("filename-path.eml", &m);
	assert_int_equal(m.nbijlagen, 3);
	assert_string_equal(m.bijlagen[0].naam, "passwd");
	assert_string_equal(m.bijlagen[1].naam, "OPP.pdf");
	assert_string_equal(m.bijlagen[2].naam, "bijlage-3");
	mailin_release(&m);

	lees("filename-control.eml", &m);
	assert_null(strchr(m.onderwerp, '\r'));
	assert_null(strchr(m.onderwerp, '\x1b'));
	assert_null(strchr(m.tekst, '\x1b'));
	assert_null(strchr(m.tekst, '\a'));
	assert_int_equal(m.nbijlagen, 2);
	for (int i = 0; i < m.nbijlagen; i++)
		assert_int_equal(bijlage_check_naam(m.bijlagen[i].naam, &e), 0);
	mailin_release(&m);

	lees("rfc2231-utf8-name.eml", &m);
	assert_int_equal(m.nbijlagen, 1);
	assert_string_equal(m.bijlagen[0].naam, "Zielińska  OPP.pdf");
	mailin_release(&m);
}

static void redenen(void **state)
{
	struct mailin m;
	char buf[256];

	lees("no-token.eml", &m);
	assert_non_null(strstr(mailin_reden(&m, buf, sizeof buf), "geen antwoordcode"));
	mailin_release(&m);

	lees("bounce.eml", &m);
	assert_true(m.automatisch); /* never answered: no mail loop */
	mailin_release(&m);

	lees("alternative-html.eml", &m);
	assert_string_equal(m.tekst, "platte tekst");
	assert_int_equal(m.nbijlagen, 0);
	mailin_release(&m);

	/* a mail bomb: counted, the first MAILIN_MAX_BIJLAGEN kept, reason given */
	size_t cap = 200000, n = 0;
	char *b = malloc(cap);
	assert_non_null(b);
	n += (size_t)snprintf(b + n, cap - n,
			      "From: a@b.nl\nTo: x+" TOK "@swv.nl\nSubject: bom\nMIME-Version: 1.0\n"
			      "Content-Type: multipart/mixed; boundary=\"M\"\n\n");
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(b + n, cap - n,
				      "--M\nContent-Type: application/pdf\nContent-Disposition: attachment; "
				      "filename=\"d%d.pdf\"\n\nx\n", i);
	n += (size_t)snprintf(b + n, cap - n, "--M--\n");
	struct err e;
	assert_int_equal(mailin_parse(b, n, NULL, &m, &e), 0);
	assert_int_equal(m.totaal_bijlagen, 1000);
	assert_int_equal(m.nbijlagen, MAILIN_MAX_BIJLAGEN);
	assert_non_null(strstr(mailin_reden(&m, buf, sizeof buf), "1000 bijlagen"));
	mailin_release(&m);
	free(b);

	/* the envelope recipient comes first */
	const char *kaal = "From: a@b.nl\nTo: info@swv.nl\nSubject: x\n\ny\n";
	assert_int_equal(mailin_parse(kaal, strlen(kaal), "post+" TOK "@swv.nl", &m, &e), 0);
	assert_string_equal(m.token, TOK);
	mailin_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token_uit_adres),
		cmocka_unit_test(naam_schoon),
		cmocka_unit_test(multipart_base64),
		cmocka_unit_test(quoted_printable_latin1),
		cmocka_unit_test(nested_message),
		cmocka_unit_test(namen_en_stuurtekens),
		cmocka_unit_test(redenen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
