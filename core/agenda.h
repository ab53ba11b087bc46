/* agenda.h — the commission agenda's rules, without I/O beyond reading a
 * data file: school holidays per regio, meeting series that skip them and
 * the werkdagen of the Algemene termijnenwet, times of day, capacity in
 * cases or in minutes per case, the aanleverdeadline in werkdagen, the
 * check of a meeting as typed, and whether (and where) a hulpvraag can be
 * planned.
 *
 * The CT, AC and Kans!overleg meet on fixed dates (seed 001 §2, §5 stap
 * 12–14; 004 §3.1 "vaste ingeplande momenten"); a series like "elke
 * tweede dinsdag, 13:00–16:00" or "de eerste donderdag van de maand"
 * gives the dates, and a date on a feestdag or in the schoolvakantie of
 * the organisatie's regio is skipped (and said so, so the secretariaat
 * can move it by hand).
 *
 * Schoolvakanties come from one libconfig file per school year
 * (forms/schoolvakanties/JJJJ-JJJJ.conf), which the admin extends:
 *
 *   schooljaar = "2025-2026";
 *   vakanties = (
 *     { naam = "herfstvakantie"; regio = "zuid"; van = "11-10-2025"; tot = "19-10-2025"; }
 *   );
 *
 * regio is noord, midden, zuid or alle; van and tot are included.
 */
#ifndef BALIE_AGENDA_H
#define BALIE_AGENDA_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"
#include "core/werkdag.h"

enum agenda_regio { AGENDA_NOORD = 1 << 0, AGENDA_MIDDEN = 1 << 1, AGENDA_ZUID = 1 << 2 };
#define AGENDA_ALLE (AGENDA_NOORD | AGENDA_MIDDEN | AGENDA_ZUID)

/* "noord" → AGENDA_NOORD, …, "alle" → AGENDA_ALLE; 0 when unknown. */
unsigned agenda_regio_parse(const char *s);

struct agenda_vakantie {
	char naam[64];
	unsigned regio; /* enum agenda_regio bits */
	struct datum van, tot; /* both included */
};

/* The holidays of any number of school years; owns its array. */
struct agenda_vakanties {
	struct agenda_vakantie *v;
	size_t n, alloc;
};

void agenda_vakanties_init(struct agenda_vakanties *vs);
void agenda_vakanties_release(struct agenda_vakanties *vs);

/* Adds the holidays of one file (format above).  The file's schooljaar
 * must agree with its dates (1 August .. 31 July).  Errors carry file and
 * line; on error vs keeps what it had. 0 / -1. */
int agenda_vakanties_load(struct agenda_vakanties *vs, const char *path, struct err *e);

/* Loads every *.conf in dir (sorted by name). 0 / -1 (first error). */
int agenda_vakanties_load_dir(struct agenda_vakanties *vs, const char *dir, struct err *e);

/* The holiday of regio that d falls in, or NULL. */
const struct agenda_vakantie *agenda_vakantie_op(const struct agenda_vakanties *vs, unsigned regio,
						 struct datum d);

/* A time of day in minutes after midnight.  "13:00", "9:30" → 780, 570;
 * errors (Dutch): "Tijd moet uu:mm zijn", "25:00 bestaat niet".  0 / -1. */
int agenda_tijd_parse(const char *s, int *minuten, struct err *e);
/* "13:00" into buf (at least 6 bytes); returns buf. */
const char *agenda_tijd_format(int minuten, char *buf);

/* A series of meetings. */
enum agenda_reeks_soort {
	AGENDA_WEKELIJKS,  /* every `interval` weeks on the weekday of `van` */
	AGENDA_MAANDELIJKS /* the `nde` weekday `weekdag` of each month (-1: the last) */
};

struct agenda_reeks {
	enum agenda_reeks_soort soort;
	int interval;        /* WEKELIJKS: 1 = elke week, 2 = om de week */
	int nde, weekdag;    /* MAANDELIJKS: 1..4 or -1; DATUM_MAANDAG..DATUM_VRIJDAG */
	struct datum van;    /* first possible date (WEKELIJKS: the first meeting) */
	struct datum tot;    /* last possible date: a series always ends */
	unsigned regio;      /* whose schoolvakanties are skipped (0: none) */
};

/* Why a date of a series is left out. */
struct agenda_overgeslagen {
	struct datum datum;
	char reden[WERKDAG_NAAM_MAX + 16]; /* "Koningsdag", "herfstvakantie (zuid)" */
};

/* The dates of r from van to tot, skipping days that are no werkdag (k)
 * and days in a schoolvakantie of r.regio (vs; may be NULL).  *out and
 * *skip are allocated (free()), *n / *nskip their lengths (skip may be
 * NULL when not wanted).  Errors (Dutch): no end ("Een reeks heeft een
 * einddatum nodig"), end before start, interval outside 1..8, nde/weekdag
 * out of range, more than 2 years. 0 / -1. */
int agenda_reeks_data(const struct agenda_reeks *r, const struct werkdag_kalender *k,
		      const struct agenda_vakanties *vs, struct datum **out, size_t *n,
		      struct agenda_overgeslagen **skip, size_t *nskip, struct err *e);

/* Capacity: a number of cases, or minutes per case within the meeting's
 * time (zaken 0).  How many cases fit: zaken, or (eind - start) / minuten. */
struct agenda_capaciteit {
	int zaken;
	int minuten_per_zaak;
};
int agenda_capaciteit_zaken(const struct agenda_capaciteit *c, int start, int eind);

/* The time slot of case `volgorde` (0-based) in the meeting: start plus
 * volgorde × minuten_per_zaak, or the meeting's time divided evenly over
 * `zaken`.  *van / *tot in minutes. */
void agenda_slot(const struct agenda_capaciteit *c, int start, int eind, int volgorde, int *van, int *tot);

/* The aanleverdeadline: `werkdagen` werkdagen before the meeting. */
struct datum agenda_deadline(const struct werkdag_kalender *k, struct datum vergadering, int werkdagen);

/* A meeting as a person typed it.  Each text is what is in the field. */
struct agenda_invoer {
	const char *datum, *start, *eind, *zaken, *minuten, *deadline;
};
enum agenda_veld { AV_GEEN = 0, AV_DATUM, AV_START, AV_EIND, AV_ZAKEN, AV_MINUTEN, AV_DEADLINE };

/* The meeting that results. */
struct agenda_vergadering {
	struct datum datum, deadline;
	int start, eind; /* minutes */
	struct agenda_capaciteit cap;
};

/* Checks the fields and fills v.  deadline "" → `werkdagen` werkdagen
 * before (k).  On error *veld names the field the message belongs beside,
 * and e says what is wrong in Dutch (nothing is changed in the fields).
 * 0 / -1. */
int agenda_invoer_check(const struct agenda_invoer *in, const struct werkdag_kalender *k, int werkdagen,
			struct agenda_vergadering *v, enum agenda_veld *veld, struct err *e);

/* What the planning of one hulpvraag on one meeting may meet. */
enum agenda_weigering {
	AGENDA_OK = 0,
	AGENDA_GEANNULEERD, /* the meeting is cancelled */
	AGENDA_VERLEDEN,    /* the meeting is before today */
	AGENDA_VOL,         /* no room left */
	AGENDA_DEADLINE,    /* today is after the aanleverdeadline (override with a reason) */
};

/* A meeting as the planner sees it. */
struct agenda_plek {
	long id;
	struct datum datum, deadline;
	int gepland, capaciteit; /* cases on it, cases that fit */
	int geannuleerd;
};

/* Why p refuses another case today (AGENDA_OK: it takes one).  With
 * override the deadline alone does not refuse. */
enum agenda_weigering agenda_plan_check(const struct agenda_plek *p, struct datum today, int override);

/* The Dutch reason for w ("De vergadering is vol (6 van 6 zaken)"). */
const char *agenda_weigering_tekst(enum agenda_weigering w, const struct agenda_plek *p, char *buf, size_t len);

/* The proposal: the first of p[0..n-1] (in date order) that takes a case
 * today without override; -1 when none does. */
int agenda_voorstel(const struct agenda_plek *p, size_t n, struct datum today);

/* The yearly deadline for TLV-verlengingen (001 stap 13: "Aanvragen die na
 * de deadline binnenkomen worden pas weer na de zomervakantie besproken"):
 * for a verlenging received on `ontvangen`, after `deadline` in the same
 * school year, the first day after the zomervakantie of regio (from vs; the
 * 1st of September when vs does not know it) — the earliest meeting it
 * may go on.  On time, or no deadline (deadline invalid, e.g. {0}): an
 * invalid datum {0, 0, 0}, "no limit". */
struct datum agenda_verlenging_vanaf(struct datum ontvangen, struct datum deadline,
				     const struct agenda_vakanties *vs, unsigned regio);

/* "Plan alles": a filling of the meetings p[0..n-1] (date order) with
 * ncases cases, oldest first: out[i] gets the index into p of case i's
 * meeting, or -1 when no meeting takes it.  Each meeting takes cases while
 * it has room (gepland plus what is proposed) and its deadline has not
 * passed today; cancelled and past ones take none; case i goes on no
 * meeting before vanaf[i] when that is a valid datum (vanaf may be NULL).
 * Returns how many were placed.  The person reviews the proposal before it
 * is applied. */
size_t agenda_plan_alles(const struct agenda_plek *p, size_t n, size_t ncases, const struct datum *vanaf,
			 struct datum today, int *out);

/* The mails to the aanvrager (allocated, caller frees both; 0 / -1 when
 * out of memory).  The subject names the hulpvraag by its nummer only: a
 * pupil's name never goes in a subject (children's data).  Planned: when
 * and where it is discussed (001 stap 12: "wanneer de hulpvraag wordt
 * besproken"), van/tot the case's slot in minutes.  Outcome: uitkomst
 * ("toegekend", "afgewezen", "aangehouden") and the note. */
int agenda_mail_gepland(long nummer, const char *commissie, struct datum d, int van, int tot, const char *locatie,
			const char *link, char **subject, char **body);
/* The mail when a meeting on date d is cancelled and hulpvraag nummer
 * goes back to te plannen: its bespreking lapses, a new date follows. */
int agenda_mail_vervalt(long nummer, const char *commissie, struct datum d, char **subject, char **body);
int agenda_mail_uitkomst(long nummer, const char *commissie, struct datum d, const char *uitkomst,
			 const char *notitie, char **subject, char **body);

#endif
