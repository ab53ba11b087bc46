/* agenda_test.c — unit tests of core/agenda: series with feestdagen and
 * schoolvakanties, times, capacity, deadlines, the check of a typed meeting
 * and the planning decision. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/agenda.h"

static struct werkdag_kalender kal;
static struct agenda_vakanties vak;

static int setup(void **state)
{
	char path[4096];
	const char *src = getenv("BALIE_SRCDIR");
	struct err e;

	werkdag_kalender_init(&kal);
	agenda_vakanties_init(&vak);
	snprintf(path, sizeof path, "%s/forms/feestdagen.conf", src ? src : ".");
	if (werkdag_kalender_load(&kal, path, &e) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/forms/schoolvakanties", src ? src : ".");
	return agenda_vakanties_load_dir(&vak, path, &e);
}

static int teardown(void **state)
{
	werkdag_kalender_release(&kal);
	agenda_vakanties_release(&vak);
	return 0;
}

static int has_date(const struct datum *d, size_t n, struct datum x)
{
	for (size_t i = 0; i < n; i++)
		if (datum_cmp(d[i], x) == 0)
			return 1;
	return 0;
}

static void shipped_files_load_both_school_years(void **state)
{
	/* 11 rows per school year */
	assert_int_equal(vak.n, 22);
	assert_non_null(agenda_vakantie_op(&vak, AGENDA_ZUID, datum_make(2025, 10, 14)));
	assert_null(agenda_vakantie_op(&vak, AGENDA_NOORD, datum_make(2025, 10, 14)));
	assert_string_equal(agenda_vakantie_op(&vak, AGENDA_MIDDEN, datum_make(2027, 1, 2))->naam,
			    "kerstvakantie");
}

static void every_second_tuesday_skips_holidays_of_the_regio(void **state)
{
	struct agenda_reeks r = { .soort = AGENDA_WEKELIJKS, .interval = 2,
				  .van = { 2025, 9, 2 }, .tot = { 2026, 7, 31 }, .regio = AGENDA_ZUID };
	struct datum *d;
	struct agenda_overgeslagen *s;
	size_t n, ns;
	struct err e;

	assert_int_equal(agenda_reeks_data(&r, &kal, &vak, &d, &n, &s, &ns, &e), 0);
	/* 02-09-2025 + 14 days … 48 weeks: 24 Tuesdays in the range */
	assert_int_equal(n + ns, 24);
	assert_true(has_date(d, n, datum_make(2025, 9, 2)));
	/* 14-10-2025 is in the zuid herfstvakantie (11..19 oktober) */
	assert_false(has_date(d, n, datum_make(2025, 10, 14)));
	/* 30-12-2025 kerstvakantie, 12-05… every date kept is a werkdag, not in a vakantie */
	for (size_t i = 0; i < n; i++) {
		assert_true(werkdag_is_werkdag(&kal, d[i]));
		assert_null(agenda_vakantie_op(&vak, AGENDA_ZUID, d[i]));
		assert_int_equal(datum_weekday(d[i]), DATUM_DINSDAG);
	}
	assert_true(ns >= 3);
	assert_int_equal(datum_cmp(s[0].datum, datum_make(2025, 10, 14)), 0);
	assert_string_equal(s[0].reden, "herfstvakantie");
	free(d);
	free(s);

	/* the same series in regio noord keeps 14 oktober */
	r.regio = AGENDA_NOORD;
	assert_int_equal(agenda_reeks_data(&r, &kal, &vak, &d, &n, NULL, NULL, &e), 0);
	assert_true(has_date(d, n, datum_make(2025, 10, 14)));
	free(d);
}

static void first_thursday_of_the_month_skips_feestdagen(void **state)
{
	/* 06-05-2027, the first Thursday of May, is Hemelvaartsdag (Easter
	 * 28-03-2027 + 39 days) */
	struct agenda_reeks r = { .soort = AGENDA_MAANDELIJKS, .nde = 1, .weekdag = DATUM_DONDERDAG,
				  .van = { 2027, 3, 1 }, .tot = { 2027, 6, 30 } };
	struct datum *d;
	struct agenda_overgeslagen *s;
	size_t n, ns;
	struct err e;

	assert_int_equal(agenda_reeks_data(&r, &kal, NULL, &d, &n, &s, &ns, &e), 0);
	assert_int_equal(n, 3);
	assert_true(has_date(d, n, datum_make(2027, 3, 4)));
	assert_true(has_date(d, n, datum_make(2027, 4, 1)));
	assert_true(has_date(d, n, datum_make(2027, 6, 3)));
	assert_int_equal(ns, 1);
	assert_int_equal(datum_cmp(s[0].datum, datum_make(2027, 5, 6)), 0);
	assert_non_null(strstr(s[0].reden, "Hemelvaartsdag"));
	free(d);
	free(s);

	/* the last Friday of the month; 26-03-2027 is Goede Vrijdag */
	r.nde = -1;
	r.weekdag = DATUM_VRIJDAG;
	assert_int_equal(agenda_reeks_data(&r, &kal, NULL, &d, &n, NULL, NULL, &e), 0);
	assert_false(has_date(d, n, datum_make(2027, 3, 26)));
	assert_true(has_date(d, n, datum_make(2027, 4, 30)));
	assert_true(has_date(d, n, datum_make(2027, 6, 25)));
	assert_int_equal(n, 3);
	free(d);
}

static void series_without_end_is_refused(void **state)
{
	struct agenda_reeks r = { .soort = AGENDA_WEKELIJKS, .interval = 1, .van = { 2026, 9, 1 } };
	struct datum *d;
	size_t n;
	struct err e;

	assert_int_equal(agenda_reeks_data(&r, &kal, &vak, &d, &n, NULL, NULL, &e), -1);
	assert_string_equal(e.msg, "Een reeks heeft een einddatum nodig");
	r.tot = datum_make(2026, 8, 1);
	assert_int_equal(agenda_reeks_data(&r, &kal, &vak, &d, &n, NULL, NULL, &e), -1);
	assert_string_equal(e.msg, "De einddatum ligt vóór de begindatum");
	r.tot = datum_make(2026, 12, 1);
	r.interval = 0;
	assert_int_equal(agenda_reeks_data(&r, &kal, &vak, &d, &n, NULL, NULL, &e), -1);
}

static void times_parse_strictly(void **state)
{
	int m;
	struct err e;
	char buf[6];

	assert_int_equal(agenda_tijd_parse("13:00", &m, &e), 0);
	assert_int_equal(m, 780);
	assert_int_equal(agenda_tijd_parse("9:30", &m, &e), 0);
	assert_string_equal(agenda_tijd_format(m, buf), "09:30");
	assert_int_equal(agenda_tijd_parse("25:00", &m, &e), -1);
	assert_string_equal(e.msg, "25:00 bestaat niet");
	assert_int_equal(agenda_tijd_parse("13:60", &m, &e), -1);
	assert_int_equal(agenda_tijd_parse("13u", &m, &e), -1);
	assert_string_equal(e.msg, "Tijd moet uu:mm zijn");
	assert_int_equal(agenda_tijd_parse("13:00 ", &m, &e), -1);
}

static void capacity_in_cases_and_in_minutes(void **state)
{
	struct agenda_capaciteit c = { .zaken = 6 };
	int van, tot;

	assert_int_equal(agenda_capaciteit_zaken(&c, 780, 960), 6);
	agenda_slot(&c, 780, 960, 1, &van, &tot);
	assert_int_equal(van, 810);
	assert_int_equal(tot, 840);
	c.zaken = 0;
	c.minuten_per_zaak = 45;
	/* 13:00–16:00 is 180 minutes: 4 cases of 45 */
	assert_int_equal(agenda_capaciteit_zaken(&c, 780, 960), 4);
	agenda_slot(&c, 780, 960, 3, &van, &tot);
	assert_int_equal(van, 915);
	assert_int_equal(tot, 960);
	c.minuten_per_zaak = 0;
	assert_int_equal(agenda_capaciteit_zaken(&c, 780, 960), 0);
}

static void deadline_in_werkdagen_before(void **state)
{
	/* Tuesday 28-04-2026; 3 werkdagen before: Koningsdag 27-04 is none,
	 * so 24-04 (Fri), 23-04, 22-04 → Wednesday 22-04-2026 */
	struct datum d = agenda_deadline(&kal, datum_make(2026, 4, 28), 3);

	assert_int_equal(datum_cmp(d, datum_make(2026, 4, 22)), 0);
	d = agenda_deadline(&kal, datum_make(2026, 4, 28), 0);
	assert_int_equal(datum_cmp(d, datum_make(2026, 4, 28)), 0);
}

static void typed_meeting_errors_name_the_field(void **state)
{
	struct agenda_invoer in = { "08-09-2026", "13:00", "16:00", "6", "", "" };
	struct agenda_vergadering v;
	enum agenda_veld veld;
	struct err e;

	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), 0);
	assert_int_equal(datum_cmp(v.deadline, datum_make(2026, 9, 1)), 0);
	assert_int_equal(v.cap.zaken, 6);

	in.datum = "31-02-2026";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_DATUM);
	assert_string_equal(e.msg, "31-02-2026 bestaat niet");
	in.datum = "08-09-2026";

	in.start = "25:00";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_START);
	in.start = "13:00";

	in.eind = "";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_EIND);
	assert_string_equal(e.msg, "Eindtijd ontbreekt");
	in.eind = "12:00";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_string_equal(e.msg, "De eindtijd moet na de begintijd liggen");
	in.eind = "16:00";

	in.zaken = "0";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_ZAKEN);
	in.zaken = "";
	in.minuten = "200";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_MINUTEN);
	in.minuten = "30";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), 0);
	assert_int_equal(agenda_capaciteit_zaken(&v.cap, v.start, v.eind), 6);

	in.deadline = "08-09-2026";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), -1);
	assert_int_equal(veld, AV_DEADLINE);
	assert_string_equal(e.msg, "De aanleverdeadline moet vóór de vergadering liggen");
	in.deadline = "01-09-2026";
	assert_int_equal(agenda_invoer_check(&in, &kal, 5, &v, &veld, &e), 0);
}

static void planning_refuses_full_past_cancelled_and_late(void **state)
{
	struct agenda_plek p = { .id = 1, .datum = { 2026, 9, 8 }, .deadline = { 2026, 9, 1 },
				 .gepland = 5, .capaciteit = 6 };
	struct datum today = datum_make(2026, 8, 31);
	char buf[160];

	assert_int_equal(agenda_plan_check(&p, today, 0), AGENDA_OK);
	/* the deadline day itself still counts */
	assert_int_equal(agenda_plan_check(&p, datum_make(2026, 9, 1), 0), AGENDA_OK);
	assert_int_equal(agenda_plan_check(&p, datum_make(2026, 9, 2), 0), AGENDA_DEADLINE);
	assert_int_equal(agenda_plan_check(&p, datum_make(2026, 9, 2), 1), AGENDA_OK);
	assert_int_equal(agenda_plan_check(&p, datum_make(2026, 9, 9), 1), AGENDA_VERLEDEN);
	p.gepland = 6;
	assert_int_equal(agenda_plan_check(&p, today, 1), AGENDA_VOL);
	assert_string_equal(agenda_weigering_tekst(AGENDA_VOL, &p, buf, sizeof buf),
			    "De vergadering is vol (6 van 6 zaken)");
	p.geannuleerd = 1;
	assert_int_equal(agenda_plan_check(&p, today, 1), AGENDA_GEANNULEERD);
}

static void proposal_is_first_with_room_and_open_deadline(void **state)
{
	struct agenda_plek p[] = {
		{ .id = 1, .datum = { 2026, 9, 1 }, .deadline = { 2026, 8, 25 }, .gepland = 0, .capaciteit = 6 },
		{ .id = 2, .datum = { 2026, 9, 8 }, .deadline = { 2026, 9, 1 }, .gepland = 6, .capaciteit = 6 },
		{ .id = 3, .datum = { 2026, 9, 15 }, .deadline = { 2026, 9, 8 }, .gepland = 1, .capaciteit = 6,
		  .geannuleerd = 1 },
		{ .id = 4, .datum = { 2026, 9, 22 }, .deadline = { 2026, 9, 15 }, .gepland = 2, .capaciteit = 6 },
	};

	/* 26-08: 1's deadline passed, 2 full, 3 cancelled → 4 */
	assert_int_equal(agenda_voorstel(p, 4, datum_make(2026, 8, 26)), 3);
	assert_int_equal(agenda_voorstel(p, 4, datum_make(2026, 8, 25)), 0);
	assert_int_equal(agenda_voorstel(p, 4, datum_make(2026, 9, 16)), -1);
}

static void plan_alles_fills_oldest_first(void **state)
{
	struct agenda_plek p[] = {
		{ .id = 1, .datum = { 2026, 9, 1 }, .deadline = { 2026, 8, 25 }, .gepland = 0, .capaciteit = 6 },
		{ .id = 2, .datum = { 2026, 9, 8 }, .deadline = { 2026, 9, 1 }, .gepland = 4, .capaciteit = 6 },
		{ .id = 3, .datum = { 2026, 9, 15 }, .deadline = { 2026, 9, 8 }, .gepland = 0, .capaciteit = 6,
		  .geannuleerd = 1 },
		{ .id = 4, .datum = { 2026, 9, 22 }, .deadline = { 2026, 9, 15 }, .gepland = 5, .capaciteit = 6 },
	};
	int out[5];

	/* 26-08: 1's deadline passed; 2 has 2 places, 3 is cancelled, 4 has 1 */
	assert_int_equal(agenda_plan_alles(p, 4, 5, NULL, datum_make(2026, 8, 26), out), 3);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 3);
	assert_int_equal(out[3], -1);
	assert_int_equal(out[4], -1);
	/* the input is not changed: the proposal is only a proposal */
	assert_int_equal(p[1].gepland, 4);
	assert_int_equal(agenda_plan_alles(p, 4, 0, NULL, datum_make(2026, 8, 26), out), 0);
	/* a case that may not go before 20-09 takes meeting 4; the next
	 * oldest still gets the room left on 2 */
	struct datum vanaf[3] = { { 2026, 9, 20 }, { 0, 0, 0 }, { 0, 0, 0 } };
	assert_int_equal(agenda_plan_alles(p, 4, 3, vanaf, datum_make(2026, 8, 26), out), 3);
	assert_int_equal(out[0], 3);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 1);
}

/* 001 stap 13 across the summer: late verlengingen wait for the end of the
 * zomervakantie of the regio; on time, or next school year, no limit. */
static void verlenging_after_the_deadline_waits_for_the_summer(void **state)
{
	struct datum deadline = datum_make(2026, 4, 1), d;

	d = agenda_verlenging_vanaf(datum_make(2026, 3, 31), deadline, &vak, AGENDA_ZUID);
	assert_false(datum_valid(d));
	d = agenda_verlenging_vanaf(datum_make(2026, 4, 1), deadline, &vak, AGENDA_ZUID);
	assert_false(datum_valid(d));
	/* zuid: zomervakantie 11-07 … 23-08-2026 */
	d = agenda_verlenging_vanaf(datum_make(2026, 4, 2), deadline, &vak, AGENDA_ZUID);
	assert_int_equal(datum_cmp(d, datum_make(2026, 8, 24)), 0);
	/* midden: 18-07 … 30-08-2026 */
	d = agenda_verlenging_vanaf(datum_make(2026, 6, 30), deadline, &vak, AGENDA_MIDDEN);
	assert_int_equal(datum_cmp(d, datum_make(2026, 8, 31)), 0);
	/* after 31 July it is the next school year: its own deadline */
	d = agenda_verlenging_vanaf(datum_make(2026, 8, 3), deadline, &vak, AGENDA_ZUID);
	assert_false(datum_valid(d));
	/* a school year without a holiday file: 1 September */
	d = agenda_verlenging_vanaf(datum_make(2029, 5, 2), datum_make(2029, 4, 1), &vak, AGENDA_ZUID);
	assert_int_equal(datum_cmp(d, datum_make(2029, 9, 1)), 0);
	/* no deadline set: no limit */
	d = agenda_verlenging_vanaf(datum_make(2026, 5, 2), (struct datum){ 0, 0, 0 }, &vak, AGENDA_ZUID);
	assert_false(datum_valid(d));
}

static void bad_holiday_file_says_where(void **state)
{
	char path[] = "/tmp/balie-agenda-test-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	struct agenda_vakanties vs;
	struct err e;

	fputs("schooljaar = \"2025-2026\";\nvakanties = (\n"
	      "  { naam = \"herfst\"; regio = \"oost\"; van = \"18-10-2025\"; tot = \"26-10-2025\"; }\n);\n",
	      fp);
	fclose(fp);
	agenda_vakanties_init(&vs);
	assert_int_equal(agenda_vakanties_load(&vs, path, &e), -1);
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg, "oost"));
	assert_int_equal(vs.n, 0);
	fp = fopen(path, "w");
	fputs("schooljaar = \"2025-2026\";\nvakanties = (\n"
	      "  { naam = \"herfst\"; regio = \"zuid\"; van = \"18-10-2026\"; tot = \"26-10-2026\"; }\n);\n",
	      fp);
	fclose(fp);
	assert_int_equal(agenda_vakanties_load(&vs, path, &e), -1);
	assert_non_null(strstr(e.msg, "schooljaar 2025-2026"));
	agenda_vakanties_release(&vs);
	unlink(path);
}

static void mails_name_date_time_and_place(void **state)
{
	char *s, *b;

	assert_int_equal(agenda_mail_gepland(757, "CT", datum_make(2027, 1, 19), 810, 840, "Kantoor SWV, Helmond", "",
					     &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 757: bespreking in de CT op 19-01-2027");
	assert_non_null(strstr(b, "dinsdag 19-01-2027"));
	assert_non_null(strstr(b, "13:30 tot 14:00"));
	assert_non_null(strstr(b, "Kantoor SWV, Helmond"));
	free(s);
	free(b);
	assert_int_equal(agenda_mail_gepland(12, "AC", datum_make(2027, 1, 27), 840, 870, "",
					     "https://vergader.example/ac", &s, &b), 0);
	assert_non_null(strstr(b, "https://vergader.example/ac (online)"));
	free(s);
	free(b);
	assert_int_equal(agenda_mail_uitkomst(12, "Kans!overleg", datum_make(2027, 1, 7), "aangehouden",
					      "verslag ontbreekt", &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 12: besluit van de Kans!overleg van 07-01-2027");
	assert_non_null(strstr(b, "Toelichting: verslag ontbreekt"));
	assert_non_null(strstr(b, "volgende vergadering"));
	free(s);
	free(b);
	assert_int_equal(agenda_mail_vervalt(12, "CT", datum_make(2027, 1, 19), &s, &b), 0);
	assert_string_equal(s, "Hulpvraag 12: bespreking van 19-01-2027 vervalt");
	assert_non_null(strstr(b, "De vergadering van de CT op 19-01-2027 gaat niet door"));
	assert_non_null(strstr(b, "nieuwe datum"));
	free(s);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_files_load_both_school_years),
		cmocka_unit_test(every_second_tuesday_skips_holidays_of_the_regio),
		cmocka_unit_test(first_thursday_of_the_month_skips_feestdagen),
		cmocka_unit_test(series_without_end_is_refused),
		cmocka_unit_test(times_parse_strictly),
		cmocka_unit_test(capacity_in_cases_and_in_minutes),
		cmocka_unit_test(deadline_in_werkdagen_before),
		cmocka_unit_test(typed_meeting_errors_name_the_field),
		cmocka_unit_test(planning_refuses_full_past_cancelled_and_late),
		cmocka_unit_test(proposal_is_first_with_room_and_open_deadline),
		cmocka_unit_test(bad_holiday_file_says_where),
		cmocka_unit_test(plan_alles_fills_oldest_first),
		cmocka_unit_test(verlenging_after_the_deadline_waits_for_the_summer),
		cmocka_unit_test(mails_name_date_time_and_place),
	};

	return cmocka_run_group_tests_name("agenda", tests, setup, teardown);
}
