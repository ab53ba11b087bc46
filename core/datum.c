/* datum.c — calendar dates and day arithmetic; see datum.h. */
#include "core/datum.h"

#include <stdio.h>
#include <string.h>

int datum_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int datum_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && datum_is_leap(y))
		return 29;
	return days[m - 1];
}

int datum_valid(struct datum d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	       d.d >= 1 && d.d <= datum_days_in_month(d.y, d.m);
}

struct datum datum_make(int y, int m, int d)
{
	struct datum r = { y, m, d };
	return r;
}

/* Reads n ASCII digits at s into *v; 0 when all n are digits. */
static int digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int datum_parse(const char *s, struct datum *out, struct err *e)
{
	struct datum d;

	if (!s || strlen(s) != 10 || s[2] != '-' || s[5] != '-' ||
	    digits(s, 2, &d.d) || digits(s + 3, 2, &d.m) || digits(s + 6, 4, &d.y))
		return err_set(e, "Datum moet dd-mm-jjjj zijn");
	if (!datum_valid(d))
		return err_set(e, "%.10s bestaat niet", s);
	*out = d;
	return 0;
}

/* A run of 1..max digits at *s; advances *s. */
static int digit_run(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (**s >= '0' && **s <= '9' && n < max + 1) {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= 1 && n <= max ? 0 : -1;
}

int datum_parse_los(const char *s, struct datum *out, struct err *e)
{
	struct datum d;
	char sep;
	const char *p = s, *start;

	if (!s)
		return err_set(e, "Datum moet d-m-jjjj of dd-mm-jjjj zijn");
	while (*p == ' ' || *p == '\t')
		p++;
	start = p;
	if (digit_run(&p, 2, &d.d) < 0 || (*p != '-' && *p != '/' && *p != '.'))
		goto shape;
	sep = *p++;
	if (digit_run(&p, 2, &d.m) < 0 || *p != sep)
		goto shape;
	p++;
	const char *y = p;
	if (digit_run(&p, 4, &d.y) < 0 || p - y != 4)
		goto shape;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		goto shape;
	if (!datum_valid(d))
		return err_set(e, "%.*s bestaat niet", (int)(p - start > 10 ? 10 : p - start), start);
	*out = d;
	return 0;
shape:
	return err_set(e, "Datum moet d-m-jjjj of dd-mm-jjjj zijn");
}

int datum_parse_iso(const char *s, struct datum *out, struct err *e)
{
	struct datum d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &d.y) || digits(s + 5, 2, &d.m) || digits(s + 8, 2, &d.d))
		return err_set(e, "Datum moet jjjj-mm-dd zijn");
	if (!datum_valid(d))
		return err_set(e, "%.10s bestaat niet", s);
	*out = d;
	return 0;
}

/* The casts keep the output within DATUM_BUFLEN even for a bad datum. */
const char *datum_format(struct datum d, char *buf)
{
	snprintf(buf, DATUM_BUFLEN, "%02u-%02u-%04u", (unsigned)d.d % 100,
		 (unsigned)d.m % 100, (unsigned)d.y % 10000);
	return buf;
}

const char *datum_format_iso(struct datum d, char *buf)
{
	snprintf(buf, DATUM_BUFLEN, "%04u-%02u-%02u", (unsigned)d.y % 10000,
		 (unsigned)d.m % 100, (unsigned)d.d % 100);
	return buf;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no tables, no floating point. */
long datum_to_days(struct datum d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct datum datum_from_days(long z)
{
	struct datum r;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int datum_cmp(struct datum a, struct datum b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int datum_weekday(struct datum d)
{
	long z = datum_to_days(d); /* 1970-01-01 was a Thursday (4) */
	long w = (z % 7 + 7) % 7;

	return (int)((w + 3) % 7) + 1;
}

const char *datum_weekday_name(int weekday)
{
	static const char *names[] = { "", "maandag", "dinsdag", "woensdag",
				       "donderdag", "vrijdag", "zaterdag", "zondag" };

	return weekday >= 1 && weekday <= 7 ? names[weekday] : "";
}

struct datum datum_add_days(struct datum d, long n)
{
	return datum_from_days(datum_to_days(d) + n);
}

long datum_diff(struct datum a, struct datum b)
{
	return datum_to_days(b) - datum_to_days(a);
}

int datum_age(struct datum birth, struct datum on)
{
	int age;

	if (datum_cmp(on, birth) < 0)
		return -1;
	age = on.y - birth.y;
	if (on.m < birth.m || (on.m == birth.m && on.d < birth.d))
		age--;
	return age;
}

/* The last Sunday of month m of year y. */
static struct datum last_sunday(int y, int m)
{
	struct datum d = datum_make(y, m, datum_days_in_month(y, m));

	return datum_add_days(d, -(datum_weekday(d) % 7));
}

/* The day (since 1970-01-01) of second s, rounding down before 1970. */
static long day_of(long long s)
{
	return (long)(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

struct datum datum_today(time_t t)
{
	long long s = (long long)t;
	int y = datum_from_days(day_of(s)).y;
	/* summer time starts and ends at 01:00 UTC */
	long long start = (long long)datum_to_days(last_sunday(y, 3)) * 86400 + 3600;
	long long end = (long long)datum_to_days(last_sunday(y, 10)) * 86400 + 3600;
	long long local = s + (s >= start && s < end ? 7200 : 3600);

	return datum_from_days(day_of(local));
}

int datum_schooljaar(struct datum d)
{
	return d.m >= 8 ? d.y : d.y - 1;
}

struct datum datum_schooljaar_start(struct datum d)
{
	return datum_make(datum_schooljaar(d), 8, 1);
}
