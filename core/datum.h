/* datum.h — calendar dates without time zones: dd-mm-jjjj for people,
 * jjjj-mm-dd (ISO 8601) for the database, and day arithmetic.
 *
 * A struct datum is a value; a *valid* one names a real day of the
 * proleptic Gregorian calendar in the years 1..9999.  Functions that take a
 * datum expect a valid one (datum_valid() says); those that return one return
 * a valid one as long as the result stays within 1..9999.  Nothing here
 * allocates and nothing reads the clock: the caller passes "today".
 */
#ifndef BALIE_DATUM_H
#define BALIE_DATUM_H

#include <time.h>

#include "core/err.h"

/* The time zone in which every date that matters is computed — today, the
 * school year, werkdagen, "te laat" — in the terminal and in the database
 * alike: db/conn makes it every connection's TimeZone (so current_date
 * agrees with datum_today), and the db modules' SQL spells it through DB_TZ
 * (db/row.h).  Migrations 008 and 010 still write the literal; new SQL
 * should not. */
#define DATUM_TZ "Europe/Amsterdam"

struct datum {
	int y; /* 1..9999 */
	int m; /* 1..12 */
	int d; /* 1..days in month */
};

/* Room for "dd-mm-jjjj" / "jjjj-mm-dd" and the NUL. */
#define DATUM_BUFLEN 11

/* Day of the week, ISO numbering. */
enum datum_weekday {
	DATUM_MAANDAG = 1, DATUM_DINSDAG, DATUM_WOENSDAG, DATUM_DONDERDAG,
	DATUM_VRIJDAG, DATUM_ZATERDAG, DATUM_ZONDAG
};

/* 1 when y is a Gregorian leap year. */
int datum_is_leap(int y);

/* Days in month m of year y (0 when m is out of range). */
int datum_days_in_month(int y, int m);

/* 1 when y-m-d is a real day in the years 1..9999. */
int datum_valid(struct datum d);

/* A datum from its parts; no check (see datum_valid). */
struct datum datum_make(int y, int m, int d);

/* Parses "dd-mm-jjjj" strictly: exactly two digits, '-', two digits, '-',
 * four digits, nothing before or after.  Errors (Dutch, in e):
 * "Datum moet dd-mm-jjjj zijn" for the wrong shape, "31-02-2026 bestaat
 * niet" for a day that does not exist.  0 / -1. */
int datum_parse(const char *s, struct datum *out, struct err *e);

/* Parses a date as people type it: day and month of one or two digits,
 * the year of four, separated by '-', '/' or '.' ("3-2-2016", "03/02/2016",
 * "3.2.2016"), white space around ignored.  Same errors as datum_parse
 * ("Datum moet d-m-jjjj of dd-mm-jjjj zijn" for the wrong shape). 0 / -1. */
int datum_parse_los(const char *s, struct datum *out, struct err *e);

/* Parses ISO "jjjj-mm-dd" (as PostgreSQL prints a date) strictly. 0 / -1. */
int datum_parse_iso(const char *s, struct datum *out, struct err *e);

/* Writes "dd-mm-jjjj" into buf (at least DATUM_BUFLEN bytes); returns buf. */
const char *datum_format(struct datum d, char *buf);

/* Writes "jjjj-mm-dd" into buf (at least DATUM_BUFLEN bytes); returns buf. */
const char *datum_format_iso(struct datum d, char *buf);

/* Days since 1970-01-01 (negative before), and back. */
long datum_to_days(struct datum d);
struct datum datum_from_days(long days);

/* <0, 0, >0 as a is before, on, after b. */
int datum_cmp(struct datum a, struct datum b);

/* ISO day of the week (DATUM_MAANDAG .. DATUM_ZONDAG). */
int datum_weekday(struct datum d);

/* "maandag" .. "zondag" for 1..7, "" otherwise. */
const char *datum_weekday_name(int weekday);

/* d plus n days (n may be negative). */
struct datum datum_add_days(struct datum d, long n);

/* Days from a to b: b - a (negative when b is before a). */
long datum_diff(struct datum a, struct datum b);

/* Age in whole years on day `on` of someone born on `birth`; -1 when on is
 * before birth.  Someone born on 29 February becomes a year older on
 * 1 March in years without 29 February. */
int datum_age(struct datum birth, struct datum on);

/* The date in Europe/Amsterdam (DATUM_TZ) at moment t: CET (UTC+1), and
 * CEST (UTC+2) from the last Sunday of March 01:00 UTC until the last Sunday
 * of October 01:00 UTC (the EU rule since 1996).  Reads no clock and no TZ
 * setting: the caller passes time(NULL).  So 31 July 23:30 UTC is already
 * 1 August. */
struct datum datum_today(time_t t);

/* The school year d falls in, by the year it starts: a school year runs from
 * 1 August to 31 July, so 31-07-2027 → 2026 and 01-08-2027 → 2027. */
int datum_schooljaar(struct datum d);

/* The first day of the school year d falls in (1 August). */
struct datum datum_schooljaar_start(struct datum d);

#endif
