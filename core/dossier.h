/* dossier.h — the rules of a dossier that need no database: is a typed
 * birth date plausible, is a groepsnaam acceptable, do two school periods
 * overlap, and does an existing dossier match the pupil being entered.
 *
 * The match rule is what keeps intake from making a second dossier for a
 * child who already has one (issue 14 §2): the same surname (tussenvoegsel
 * and achternaam together, accents, case, spaces and hyphens ignored, so
 * "Zielinska" finds "Zielińska" and "vanderBerg" finds "van der Berg"), the
 * same birth date and — when both are known — the same roepnaam is an
 * exact match; a near match is a likely typo of one of them.  Pure: no I/O,
 * nothing allocates.
 */
#ifndef BALIE_DOSSIER_H
#define BALIE_DOSSIER_H

#include "core/datum.h"
#include "core/err.h"
#include "core/naam.h"

/* The oldest a pupil can plausibly be (aanname: passend onderwijs ends at
 * 18, an entree or VSO pupil may be older; 30 leaves room and still
 * catches a mistyped century: "03-02-1916"). */
#define DOSSIER_MAX_LEEFTIJD 30

/* A birth date typed for a pupil: not after today, not more than
 * DOSSIER_MAX_LEEFTIJD years ago.  Dutch message in e. 0 / -1. */
int dossier_geboortedatum_check(struct datum gd, struct datum vandaag, struct err *e);

/* A groepsnaam (dossier niveau groep): class and school, "8D Kameleon"; it
 * never starts with "groep" (001 §3 stap 2), is not empty and has at most
 * 60 characters. 0 / -1. */
int dossier_groepsnaam_check(const char *g, struct err *e);

/* A period of a history (schoolgegevens, adres): vanaf, and tot or an open
 * end (tot.y == 0). */
struct dossier_periode {
	struct datum vanaf;
	struct datum tot; /* y == 0: still running */
};

/* 1 when the two periods share at least one day. */
int dossier_periode_overlapt(struct dossier_periode a, struct dossier_periode b);

/* A period as typed: tot not before vanaf. 0 / -1. */
int dossier_periode_check(struct dossier_periode p, struct err *e);

enum dossier_match {
	DOSSIER_MATCH_GEEN = 0,
	DOSSIER_MATCH_BIJNA, /* near: one typo in the surname, or the birth date
			      * differs in one part (day, month or year) or has
			      * day and month swapped */
	DOSSIER_MATCH_EXACT,
};

/* What is compared: naam.roepnaam may be NULL or "" (not asked yet: then
 * only surname and birth date count); geboortedatum.y == 0: unknown (then
 * nothing is an exact match). */
struct dossier_persoon {
	struct naam naam;
	struct datum geboortedatum;
};

/* How well candidate k matches the pupil typed at intake (gezocht). */
enum dossier_match dossier_match(const struct dossier_persoon *gezocht, const struct dossier_persoon *k);

/* The surname folded for comparison (tussenvoegsel and achternaam, no
 * accents, lower case, without spaces, hyphens, apostrophes and dots) into
 * buf; returns the length needed (snprintf style).  Also the key the
 * database searches by. */
size_t dossier_achternaam_key(char *buf, size_t len, const char *tussenvoegsel, const char *achternaam);

#endif
