/* werkdag.h — werkdagen: days that are not a Saturday, a Sunday or an
 * algemeen erkende feestdag in the sense of the Algemene termijnenwet (Atw).
 *
 * Art. 3 Atw: lid 1 names Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag,
 * both Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated
 * (Koningsdag: 27 April, 26 April when the 27th is a Sunday; before 2014
 * Koninginnedag: 30 April, 29 April when that is a Sunday) and 5 mei — every
 * year, not only in lustrum years; lid 2 makes Goede Vrijdag equal to them;
 * lid 3 lets the government make other days equal by decree (Besluit
 * gelijkstelling …, e.g. the Friday after Hemelvaartsdag).  The fixed days are
 * computed for any year 1583..9999 (Easter by the Gregorian computus); the
 * decree days come from a data file an admin can extend
 * (forms/feestdagen.conf, libconfig):
 *
 *   gelijkgesteld = (
 *     { datum = "02-01-2026"; naam = "vrijdag na Nieuwjaarsdag (gelijkgesteld)"; }
 *   );
 *
 * A struct werkdag_kalender holds the decree days; a NULL kalender means
 * "only the days of the wet itself".  Functions that take a datum expect a
 * valid one (datum_valid).
 */
#ifndef BALIE_WERKDAG_H
#define BALIE_WERKDAG_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"

#define WERKDAG_NAAM_MAX 128

/* One named day that is not a werkdag. */
struct werkdag_dag {
	struct datum datum;
	char naam[WERKDAG_NAAM_MAX]; /* Dutch; several names joined by " en " */
};

/* The decree days; owns its array. */
struct werkdag_kalender {
	struct werkdag_dag *extra; /* sorted by date, no duplicates */
	size_t n, alloc;
};

/* Empties k without freeing anything (k needs no prior state). */
void werkdag_kalender_init(struct werkdag_kalender *k);

/* Frees what k owns and leaves it empty (re-usable). */
void werkdag_kalender_release(struct werkdag_kalender *k);

/* Adds a decree day.  Errors: the day is already in k. 0 / -1. */
int werkdag_kalender_add(struct werkdag_kalender *k, struct datum d,
			 const char *naam, struct err *e);

/* Adds the decree days of a libconfig file (format above).  Errors carry
 * the file and line ("feestdagen.conf:4: …").  On error k keeps the days it
 * had before the call. 0 / -1. */
int werkdag_kalender_load(struct werkdag_kalender *k, const char *path,
			  struct err *e);

/* Easter Sunday (eerste Paasdag) of year y, 1583..9999: the anonymous
 * Gregorian algorithm (Meeus/Jones/Butcher). */
struct datum werkdag_pasen(int y);

/* 1 when d is a feestdag of the wet or a decree day of k (whatever its day
 * of the week) and, when naam is non-NULL, writes its Dutch name(s) there
 * (WERKDAG_NAAM_MAX bytes).  0 otherwise (naam gets ""). */
int werkdag_feestdag(const struct werkdag_kalender *k, struct datum d, char *naam);

/* 1 when d is a werkdag: not Saturday, not Sunday, no feestdag. */
int werkdag_is_werkdag(const struct werkdag_kalender *k, struct datum d);

enum werkdag_list_flags {
	WERKDAG_OOK_WEEKEND = 1 << 0 /* also named days on a Saturday/Sunday */
};

/* The named non-werkdagen of year y, sorted by date, one entry per date.
 * Without WERKDAG_OOK_WEEKEND only those on Monday..Friday (what
 * `balie admin feestdagen JAAR` prints).  *out is allocated and owned by the
 * caller (free()); *n is its length.  Errors: year outside 1583..9999, out
 * of memory. 0 / -1. */
int werkdag_list(const struct werkdag_kalender *k, int y, unsigned flags,
		 struct werkdag_dag **out, size_t *n, struct err *e);

/* The number of werkdagen w with from < w <= to: the werkdagen *after*
 * `from` up to and including `to`.  So a Monday to the next Monday counts 5,
 * a day to itself 0.  When to is before from, the negated count of
 * werkdagen in (to, from]. */
long werkdag_between(const struct werkdag_kalender *k, struct datum from,
		     struct datum to);

/* The n-th werkdag after d (n > 0), before d (n < 0), or d itself (n == 0,
 * even when d is no werkdag).  werkdag_between(k, d, werkdag_add(k, d, n))
 * == n for n >= 0. */
struct datum werkdag_add(const struct werkdag_kalender *k, struct datum d, long n);

/* 1 when something received on `received` and still unanswered on `today`
 * has waited more than `limit` werkdagen: werkdag_between(received, today)
 * > limit.  The day of receipt does not count; the reaction is due by the
 * end of werkdag_add(received, limit), and the mark appears on the first
 * werkdag after that (not on the weekend in between).  With limit 5 this is
 * the 5-werkdagen reaction time of a new hulpvraag (seed 004 §7.5). */
int werkdag_overdue(const struct werkdag_kalender *k, struct datum received,
		    struct datum today, long limit);

/* The first-reaction rule of a hulpvraag (seed 004 §7.5) as the werkvoorraad
 * marks it `!` "te laat": no first reaction yet, more than 5 werkdagen since
 * it was received, and still open — a hulpvraag in a final status
 * (eindstatus) is closed and never counts as late, whatever happened to its
 * first reaction. */
#define WERKDAG_REACTIE_NORM 5

/* The latest day of receipt that is overdue on today: received <= the
 * result  ⇔  werkdag_overdue(k, received, today, limit).  Lets a query
 * compare dates instead of counting werkdagen per row. */
struct datum werkdag_overdue_cutoff(const struct werkdag_kalender *k, struct datum today, long limit);
int werkdag_reactie_te_laat(const struct werkdag_kalender *k, struct datum received, struct datum today,
			    int heeft_reactie, int eindstatus);

#endif
