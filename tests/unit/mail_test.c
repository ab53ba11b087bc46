/* mail_test.c — unit tests of core/mail: retry schedule, header checks,
 * RFC 2047 encoded-words, quoted-printable, Date and Message-ID, the whole
 * message, and splitting mail_command. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mail.h"

/* Decodes base64 (test helper, no error handling beyond what is needed). */
static size_t unbase64(const char *s, size_t n, char *out)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < n && s[i] != '='; i++) {
		const char *p = strchr(a, s[i]);
		assert_non_null(p);
		v = (v << 6) | (unsigned)(p - a);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((v >> bits) & 0xff);
		}
	}
	out[o] = '\0';
	return o;
}

/* Decodes a header value made of =?UTF-8?B?…?= words separated by "\n ". */
static void decode_words(const char *v, char *out)
{
	out[0] = '\0';
	while (*v) {
		assert_true(strncmp(v, "=?UTF-8?B?", 10) == 0);
		v += 10;
		const char *end = strstr(v, "?=");
		assert_non_null(end);
		char part[256];
		unbase64(v, (size_t)(end - v), part);
		strcat(out, part);
		v = end + 2;
		if (*v) {
			assert_true(strncmp(v, "\n ", 2) == 0);
			v += 2;
		}
	}
}

static void backoff_schedule(void **state)
{
	assert_int_equal(mail_backoff(1), 60);
	assert_int_equal(mail_backoff(2), 300);
	assert_int_equal(mail_backoff(3), 1800);
	assert_int_equal(mail_backoff(4), 7200);
	assert_int_equal(mail_backoff(5), 43200);
	assert_int_equal(mail_backoff(MAIL_MAX_POGINGEN), -1);
	assert_int_equal(mail_backoff(MAIL_MAX_POGINGEN + 3), -1);
	assert_int_equal(mail_backoff(0), 0);
}

static void header_with_line_break_refused(void **state)
{
	struct err e;
	assert_int_equal(mail_header_check("Subject", "Besluit", &e), 0);
	assert_int_equal(mail_header_check("Subject", "Besluit\tTLV", &e), 0);
	assert_int_equal(mail_header_check("Subject", "Besluit\r\nBcc: x@y.nl", &e), -1);
	assert_non_null(strstr(e.msg, "Subject"));
	assert_non_null(strstr(e.msg, "regeleinde"));
	assert_int_equal(mail_header_check("Subject", "a\nb", &e), -1);
	assert_int_equal(mail_header_check("Subject", "a\rb", &e), -1);
	assert_int_equal(mail_header_check("Subject", "a\x1b[2Jb", &e), -1);
}

static void recipient_checks(void **state)
{
	struct err e;
	assert_int_equal(mail_check_to("ib@school.nl", &e), 0);
	assert_int_equal(mail_check_to("ib@school.nl\nBcc: x@y.nl", &e), -1);
	assert_int_equal(mail_check_to("a,b@school.nl", &e), -1);
	assert_non_null(strstr(e.msg, "geweigerd"));
	assert_int_equal(mail_check_to(" ib@school.nl", &e), -1);
	assert_int_equal(mail_check_to("ib@schöol.nl", &e), -1);
	assert_int_equal(mail_check_to("geen-adres", &e), -1);
}

static void ascii_subject_unchanged(void **state)
{
	char *s = mail_encode_header("Subject", "Besluit over aanvraag 2026-0042");
	assert_string_equal(s, "Besluit over aanvraag 2026-0042");
	free(s);
	/* Something that looks like an encoded-word is encoded itself. */
	s = mail_encode_header("Subject", "=?UTF-8?B?eA==?=");
	assert_true(strncmp(s, "=?UTF-8?B?", 10) == 0);
	char back[64];
	decode_words(s, back);
	assert_string_equal(back, "=?UTF-8?B?eA==?=");
	free(s);
}

static void non_ascii_subject_encoded(void **state)
{
	char *s = mail_encode_header("Subject", "Besluit over aanvraag geëvalueerd");
	assert_string_equal(s, "=?UTF-8?B?QmVzbHVpdCBvdmVyIGFhbnZyYWFnIGdlw6t2YWx1ZWVyZA==?=");
	free(s);
}

static void long_subject_folded_on_character_boundaries(void **state)
{
	const char *subj = "Coördinatie: geëvalueerde aanvraag — ‘Kans!overleg’ — beschikking "
			   "toelaatbaarheidsverklaring (TLV) ëëëëëëëëëëëëëëëëëëëëëëëëëëëë";
	char *s = mail_encode_header("Subject", subj);
	/* Every line within 76 characters, counting "Subject: " on the first. */
	size_t col = strlen("Subject: ");
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			assert_true(col <= 76);
			col = 0;
		} else {
			col++;
		}
	}
	assert_true(col <= 76);
	assert_non_null(strstr(s, "\n =?UTF-8?B?"));
	/* Each word decodes to whole characters: no word starts with a
	 * continuation byte. */
	char back[512];
	decode_words(s, back);
	assert_string_equal(back, subj);
	const char *w = s;
	while ((w = strstr(w, "=?UTF-8?B?")) != NULL) {
		w += 10;
		char part[128];
		unbase64(w, strcspn(w, "?"), part);
		assert_true(((unsigned char)part[0] & 0xc0) != 0x80);
	}
	free(s);
}

static void quoted_printable_body(void **state)
{
	char *q = mail_qp_encode("Beste ouder,\r\n\r\nHet besluit is geëvalueerd. 1+1=2 \nFrom here");
	assert_string_equal(q, "Beste ouder,\n\nHet besluit is ge=C3=ABvalueerd. 1+1=3D2=20\n=46rom here\n");
	free(q);
	/* Long lines get soft breaks within 76 characters. */
	char longline[300];
	memset(longline, 'x', 250);
	longline[250] = '\0';
	q = mail_qp_encode(longline);
	size_t col = 0, total = 0;
	for (const char *p = q; *p; p++) {
		if (*p == '\n') {
			assert_true(col <= 76);
			col = 0;
		} else {
			col++;
			total += *p == 'x';
		}
	}
	assert_int_equal(total, 250);
	assert_non_null(strstr(q, "=\n"));
	free(q);
	q = mail_qp_encode("");
	assert_string_equal(q, "\n");
	free(q);
}

static void date_is_rfc5322_in_english(void **state)
{
	char buf[64];
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	/* 2026-02-13 09:30:05 UTC = 10:30:05 CET (Friday). */
	assert_string_equal(mail_date(1770975005, buf, sizeof buf), "Fri, 13 Feb 2026 10:30:05 +0100");
	/* Summer time. */
	assert_string_equal(mail_date(1783935005, buf, sizeof buf), "Mon, 13 Jul 2026 11:30:05 +0200");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(mail_date(0, buf, sizeof buf), "Thu, 01 Jan 1970 00:00:00 +0000");
}

static void message_id_from_outbox_id(void **state)
{
	char buf[128];
	assert_string_equal(mail_message_id(42, "PO3008", "swv.nl", buf, sizeof buf),
			    "<outbox-42.PO3008@swv.nl>");
	assert_string_equal(mail_message_id(7, "PO 30>08", "", buf, sizeof buf),
			    "<outbox-7.PO3008@balie.invalid>");
}

static void from_forms(void **state)
{
	char addr[256];
	char *d = NULL;
	struct err e;
	assert_int_equal(mail_parse_from("noreply@swv.nl", addr, sizeof addr, &d, &e), 0);
	assert_string_equal(addr, "noreply@swv.nl");
	assert_string_equal(d, "");
	free(d);
	assert_int_equal(mail_parse_from("SWV Helmond <noreply@swv.nl>", addr, sizeof addr, &d, &e), 0);
	assert_string_equal(d, "SWV Helmond");
	free(d);
	assert_int_equal(mail_parse_from("SWV Helmond–Peelland <noreply@swv.nl>", addr, sizeof addr, &d, &e),
			 0);
	assert_string_equal(d, "=?UTF-8?B?U1dWIEhlbG1vbmTigJNQZWVsbGFuZA==?=");
	free(d);
	assert_int_equal(mail_parse_from("SWV Helmond, PO <noreply@swv.nl>", addr, sizeof addr, &d, &e), 0);
	assert_string_equal(d, "\"SWV Helmond, PO\"");
	free(d);
	assert_int_equal(mail_parse_from("", addr, sizeof addr, &d, &e), -1);
	assert_non_null(strstr(e.msg, "mail_from"));
	assert_int_equal(mail_parse_from("SWV <noreply@swv.nl", addr, sizeof addr, &d, &e), -1);
	assert_int_equal(mail_parse_from("SWV <noreply@swv.nl>\nBcc: x@y.nl", addr, sizeof addr, &d, &e), -1);
}

static void whole_message(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	struct mail m = {
	    .outbox_id = 42,
	    .organisatie = "PO3008",
	    .from = "SWV Helmond <noreply@swv.nl>",
	    .to = "ib@school.nl",
	    .subject = "Aanvraag geëvalueerd",
	    .body = "Beste collega,\n\nDe aanvraag is geëvalueerd.\n",
	    .date = 0,
	};
	char *msg = NULL;
	struct err e;
	assert_int_equal(mail_build(&m, &msg, &e), 0);
	assert_string_equal(msg, "From: SWV Helmond <noreply@swv.nl>\n"
				 "To: ib@school.nl\n"
				 "Subject: =?UTF-8?B?QWFudnJhYWcgZ2XDq3ZhbHVlZXJk?=\n"
				 "Date: Thu, 01 Jan 1970 00:00:00 +0000\n"
				 "Message-ID: <outbox-42.PO3008@swv.nl>\n"
				 "MIME-Version: 1.0\n"
				 "Content-Type: text/plain; charset=UTF-8\n"
				 "Content-Transfer-Encoding: quoted-printable\n"
				 "Auto-Submitted: auto-generated\n"
				 "\n"
				 "Beste collega,\n\nDe aanvraag is ge=C3=ABvalueerd.\n");
	free(msg);
}

static void message_with_reply_token(void **state)
{
	struct mail m = {
	    .outbox_id = 7,
	    .organisatie = "PO3008",
	    .from = "SWV <secretariaat@swv.nl>",
	    .to = "ib@school.nl",
	    .subject = "Aanvulling nodig",
	    .body = "x",
	    .date = 0,
	    .antwoord_token = "0123456789abcdef0123456789abcdef",
	};
	char *msg = NULL;
	struct err e;
	assert_int_equal(mail_build(&m, &msg, &e), 0);
	assert_non_null(strstr(msg, "\nReply-To: secretariaat+0123456789abcdef0123456789abcdef@swv.nl\n"));
	free(msg);
	/* a token that is no token never reaches a header */
	m.antwoord_token = "0123\nBcc: a@b.nl";
	assert_int_equal(mail_build(&m, &msg, &e), -1);
	m.antwoord_token = "";
	assert_int_equal(mail_build(&m, &msg, &e), 0);
	assert_null(strstr(msg, "Reply-To"));
	free(msg);
}

static void message_with_injection_refused(void **state)
{
	struct mail m = {
	    .outbox_id = 1,
	    .organisatie = "PO3008",
	    .from = "noreply@swv.nl",
	    .to = "ib@school.nl",
	    .subject = "Besluit\nBcc: iedereen@example.org",
	    .body = "x",
	    .date = 0,
	};
	char *msg = (char *)1;
	struct err e;
	assert_int_equal(mail_build(&m, &msg, &e), -1);
	assert_null(msg);
	assert_non_null(strstr(e.msg, "regeleinde"));
	m.subject = "Besluit";
	m.to = "ib@school.nl\r\nBcc: iedereen@example.org";
	assert_int_equal(mail_build(&m, &msg, &e), -1);
	assert_non_null(strstr(e.msg, "To"));
}

static void split_command(void **state)
{
	char **v = NULL;
	struct err e;
	assert_int_equal(mail_split_argv("/usr/sbin/sendmail  -t\t-i ", &v, &e), 0);
	assert_string_equal(v[0], "/usr/sbin/sendmail");
	assert_string_equal(v[1], "-t");
	assert_string_equal(v[2], "-i");
	assert_null(v[3]);
	mail_argv_free(&v);
	assert_null(v);
	assert_int_equal(mail_split_argv("a b c d e f g h i j", &v, &e), 0);
	assert_string_equal(v[9], "j");
	assert_null(v[10]);
	mail_argv_free(&v);
	/* No shell: a ; is just a character of an argument. */
	assert_int_equal(mail_split_argv("msmtp -t;rm", &v, &e), 0);
	assert_string_equal(v[1], "-t;rm");
	mail_argv_free(&v);
	assert_int_equal(mail_split_argv("   ", &v, &e), -1);
	assert_null(v);
	assert_non_null(strstr(e.msg, "mail_command"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(backoff_schedule),
	    cmocka_unit_test(header_with_line_break_refused),
	    cmocka_unit_test(recipient_checks),
	    cmocka_unit_test(ascii_subject_unchanged),
	    cmocka_unit_test(non_ascii_subject_encoded),
	    cmocka_unit_test(long_subject_folded_on_character_boundaries),
	    cmocka_unit_test(quoted_printable_body),
	    cmocka_unit_test(date_is_rfc5322_in_english),
	    cmocka_unit_test(message_id_from_outbox_id),
	    cmocka_unit_test(from_forms),
	    cmocka_unit_test(whole_message),
	    cmocka_unit_test(message_with_injection_refused),
	    cmocka_unit_test(message_with_reply_token),
	    cmocka_unit_test(split_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
