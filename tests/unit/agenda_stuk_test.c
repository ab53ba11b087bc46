/* agenda_stuk_test.c — the agenda and besluitenlijst of a meeting as text
 * and as groff: the open cases in order with their slots, the decisions
 * with their notes, pupils only as initials, typed text without control
 * characters and never a groff request; groff makes a PDF of it and
 * pdftotext reads the cases back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/agenda_stuk.h"
#include "core/brief.h"

static const struct agenda_stuk_lid leden[] = {
	{ "Ingrid Coolen", "secretaris" },
	{ "Dr. P. \\fBDeskundig\\fP", "deskundige" },
};

static const struct agenda_stuk_zaak zaken[] = {
	{ 757, "J.d.V.", "Aanvraag TLV", 1, 780, 810, "", "" },
	{ 758, "A.B.", "Verlenging TLV", 0, 0, 0, "toegekend", "categorie 2\n.so /etc/passwd" },
	{ 759, "C.D.", "Aanvraag TLV", 0, 0, 0, "", "vervallen: status nu TLV>afgegeven" },
	{ 760, "E.\x1b[2JF.", "Aanvraag TLV", 1, 810, 840, "", "" },
};

static const struct agenda_stuk stuk = {
	"SWV Helmond", "CT", { 2027, 1, 19 }, 780, 960, "Kantoor SWV\r\nHelmond", "", 0,
	leden, 2, zaken, 4,
};

static void agenda_text_has_the_open_cases_in_order(void **state)
{
	char *t;

	(void)state;
	assert_int_equal(agenda_stuk_tekst(&stuk, AGENDA_STUK_AGENDA, &t), 0);
	assert_non_null(strstr(t, "Agenda CT\nSWV Helmond"));
	assert_non_null(strstr(t, "dinsdag 19-01-2027"));
	assert_non_null(strstr(t, "13:00 tot 16:00"));
	assert_non_null(strstr(t, "Plaats:  Kantoor SWV  Helmond"));
	assert_non_null(strstr(t, "secretaris     Ingrid Coolen"));
	assert_non_null(strstr(t, " 1. 13:00–13:30  hulpvraag 757  J.d.V.  Aanvraag TLV"));
	assert_non_null(strstr(t, " 2. 13:30–14:00  hulpvraag 760"));
	assert_null(strstr(t, "758")); /* decided: not on the agenda */
	assert_null(strchr(t, '\x1b'));
	assert_null(strchr(t, '\r'));
	free(t);
}

static void besluitenlijst_has_every_decision(void **state)
{
	char *t;

	(void)state;
	assert_int_equal(agenda_stuk_tekst(&stuk, AGENDA_STUK_BESLUITEN, &t), 0);
	assert_non_null(strstr(t, "Besluitenlijst CT"));
	assert_non_null(strstr(t, "hulpvraag 758  A.B.  Verlenging TLV\n      besluit: toegekend — categorie 2 .so /etc/passwd"));
	assert_non_null(strstr(t, "besluit: niet besproken: vervallen: status nu TLV>afgegeven"));
	assert_non_null(strstr(t, "hulpvraag 757  J.d.V.  Aanvraag TLV\n      besluit: nog geen besluit"));
	free(t);
}

static void groff_gets_text_never_a_request(void **state)
{
	char *src, *p;

	(void)state;
	assert_int_equal(agenda_stuk_troff(&stuk, AGENDA_STUK_BESLUITEN, &src), 0);
	/* no line of typed text starts a request: the note's ".so" is inside a line */
	for (p = src; (p = strstr(p, "\n.so")) != NULL; p++)
		fail_msg("a .so request reached groff");
	assert_non_null(strstr(src, "\\efBDeskundig\\efP"));
	assert_null(strchr(src, '\x1b'));
	free(src);
}

static void groff_makes_a_pdf_that_reads_back(void **state)
{
	char *src, path[] = "/tmp/agenda_stuk_XXXXXX", cmd[256], line[512];
	unsigned char *pdf;
	size_t len;
	struct err e;
	int fd, found = 0;
	FILE *f;

	(void)state;
	assert_int_equal(agenda_stuk_troff(&stuk, AGENDA_STUK_AGENDA, &src), 0);
	assert_int_equal(brief_pdf(src, &pdf, &len, &e), 0);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, pdf, len), (ssize_t)len);
	close(fd);
	snprintf(cmd, sizeof cmd, "pdftotext -layout %s - 2>/dev/null", path);
	if ((f = popen(cmd, "r")) != NULL) {
		while (fgets(line, sizeof line, f))
			found += strstr(line, "757") && strstr(line, "J.d.V.") && strstr(line, "13:00");
		pclose(f);
	}
	unlink(path);
	assert_int_equal(found, 1);
	free(pdf);
	free(src);
}

static void the_name_of_the_file_has_no_pupil(void **state)
{
	char buf[64];

	(void)state;
	agenda_stuk_naam(&stuk, AGENDA_STUK_BESLUITEN, buf, sizeof buf);
	assert_string_equal(buf, "Besluitenlijst CT 19-01-2027");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agenda_text_has_the_open_cases_in_order),
		cmocka_unit_test(besluitenlijst_has_every_decision),
		cmocka_unit_test(groff_gets_text_never_a_request),
		cmocka_unit_test(groff_makes_a_pdf_that_reads_back),
		cmocka_unit_test(the_name_of_the_file_has_no_pupil),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
