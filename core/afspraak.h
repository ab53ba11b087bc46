/* afspraak.h — the coördinator's own appointment (issue 11 §2; 004 §2.4–2.5
 * telefonisch consult, §4.2 categorie 2 en 3 bespreking): when it is, typed
 * on one line, and the mails to the aanvrager.
 *
 * An appointment is stored as a meeting of one case of an afspraak
 * commissie (migration 029); this module only reads what a person typed and
 * writes the mails.  The subjects name the hulpvraag by its nummer only: a
 * pupil's name never goes in a subject.  Pure: no I/O, no clock (the caller
 * passes today).
 */
#ifndef BALIE_CORE_AFSPRAAK_H
#define BALIE_CORE_AFSPRAAK_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"

struct afspraak_tijd {
	struct datum datum;
	int van, tot; /* minutes after midnight */
};

/* Room for "dd-mm-jjjj uu:mm-uu:mm" and the NUL. */
#define AFSPRAAK_TIJD_BUFLEN 24

/* Reads "dd-mm-jjjj uu:mm-uu:mm" (also with spaces around the dash, an en
 * dash, or "tot") into t.  Refused with a Dutch reason in e: a date that
 * does not exist or lies before vandaag, a time that does not exist, an end
 * not after the start.  0 / -1 (t untouched). */
int afspraak_tijd_parse(const char *s, struct datum vandaag, struct afspraak_tijd *t, struct err *e);

/* t as "dd-mm-jjjj uu:mm-uu:mm" into buf (AFSPRAAK_TIJD_BUFLEN); returns buf. */
const char *afspraak_tijd_format(const struct afspraak_tijd *t, char *buf);

/* A proposal: the first weekday after vandaag, 10:00–10:30. */
struct afspraak_tijd afspraak_voorstel(struct datum vandaag);

/* The mails to the aanvrager (allocated, caller frees both; 0 / -1 when out
 * of memory).  Planned (verplaatst: the new time of one made before): date,
 * time and waar (a place or telephone number; "" : the coördinator calls).
 * Cancelled: the appointment lapses, a new one follows. */
int afspraak_mail_gepland(long nummer, const struct afspraak_tijd *t, const char *waar, int verplaatst,
			  char **subject, char **body);
int afspraak_mail_vervalt(long nummer, const struct afspraak_tijd *t, char **subject, char **body);

#endif
