/* agendabeheer.h — the agenda's configuration, kept by the administrator
 * with `balie admin commissie|regio|verlengdeadline` (migration 016's
 * tables): the commissies of an organisatie, its schoolvakantie regio, and
 * the yearly deadline for TLV-verlengingen per school year.  Needs the
 * database role that may write configuration; every change leaves an
 * audit row (the tables' config_audit trigger, migrations 013 and 016). */
#ifndef BALIE_DB_AGENDABEHEER_H
#define BALIE_DB_AGENDABEHEER_H

#include "core/datum.h"
#include "core/err.h"
#include "db/conn.h"

struct db_commissie {
	char organisatie[16];
	char code[48];
	char naam[128];
	int deadline_werkdagen; /* aanleverdeadline: werkdagen before the meeting */
	int toegang_dagen;      /* external members see the cases until N days after */
	int vergaderingen;      /* meetings it has */
};

/* The commissies of organisatie code (NULL: all).  *out malloc'ed.  0 / -1. */
int db_commissie_list(struct db *db, const char *org, struct db_commissie **out, int *n, struct err *e);

/* Adds commissie c (by c->organisatie and c->code) or changes its name and
 * numbers (a number -1: 5 werkdagen / 14 dagen for a new one, unchanged
 * for an existing one; c gets the numbers stored); *nieuw 1 when it was
 * added.  0 / -1 with e (Dutch). */
int db_commissie_set(struct db *db, struct db_commissie *c, int *nieuw, struct err *e);

/* Removes a commissie without meetings; *found 0 when there was none.
 * One with meetings is refused (they keep their history).  0 / -1. */
int db_commissie_remove(struct db *db, const char *org, const char *code, int *found, struct err *e);

/* The regio of organisatie org into buf ("" when none).  0 / -1. */
int db_regio_get(struct db *db, const char *org, char *buf, size_t len, struct err *e);

/* Sets it ("noord", "midden", "zuid"; NULL: none).  0 / -1. */
int db_regio_set(struct db *db, const char *org, const char *regio, struct err *e);

struct db_verlengdeadline {
	char organisatie[16];
	int schooljaar;         /* 2026: 2026-2027 */
	struct datum datum;
};

/* The verlengingen deadlines of organisatie org (NULL: all), by school
 * year.  *out malloc'ed.  0 / -1. */
int db_verlengdeadline_list(struct db *db, const char *org, struct db_verlengdeadline **out, int *n,
			    struct err *e);

/* Sets the deadline of org in schooljaar to d (inside that school year);
 * *was gets the previous one ({0}: none).  0 / -1. */
int db_verlengdeadline_set(struct db *db, const char *org, int schooljaar, struct datum d, struct datum *was,
			   struct err *e);

/* Removes it; *found 0 when there was none.  0 / -1. */
int db_verlengdeadline_remove(struct db *db, const char *org, int schooljaar, int *found, struct err *e);

#endif
