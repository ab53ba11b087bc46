/* agenda_stuk.h — the papers of one meeting for its members: the agenda
 * (the open cases in order with their time slots) before the meeting and
 * the besluitenlijst (each case's outcome and note) after it, as plain text
 * and as groff -ms source for the PDF (core/brief: the typesetter of the
 * beschikking letter).
 *
 * Pupils appear as initials with the hulpvraag's nummer only (the full
 * name belongs inside the case).  Everything typed by a person (place,
 * link, notes, names) reaches the text without control characters and the
 * typesetter only as text (brief_escape), never as a request.
 */
#ifndef BALIE_AGENDA_STUK_H
#define BALIE_AGENDA_STUK_H

#include <stddef.h>

#include "core/datum.h"

struct agenda_stuk_lid {
	const char *naam;
	const char *rol;          /* voorzitter, secretaris, deskundige, orthopedagoog, lid */
};

struct agenda_stuk_zaak {
	long nummer;
	const char *initialen;
	const char *aanvraagtype;
	int open;                 /* still on the agenda (no outcome yet) */
	int van, tot;             /* its time slot in minutes (open cases) */
	const char *uitkomst;     /* "" while open; "" and !open: taken off / lapsed */
	const char *notitie;
};

struct agenda_stuk {
	const char *organisatie;  /* the organisation's name */
	const char *commissie;
	struct datum datum;
	int start, eind;          /* minutes */
	const char *locatie, *link;
	int geannuleerd;
	const struct agenda_stuk_lid *leden;
	size_t nleden;
	const struct agenda_stuk_zaak *zaken;
	size_t nzaken;
};

enum agenda_stuk_soort { AGENDA_STUK_AGENDA, AGENDA_STUK_BESLUITEN };

/* The paper as plain UTF-8 text.  *out malloc'ed.  0 / -1 (out of memory). */
int agenda_stuk_tekst(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char **out);

/* The paper as groff -ms source (for brief_pdf).  *out malloc'ed.  0 / -1. */
int agenda_stuk_troff(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char **out);

/* A file name for the paper without pupil data: "Agenda CT 08-12-2026" /
 * "Besluitenlijst CT 08-12-2026" (no extension), '/' replaced. */
void agenda_stuk_naam(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char *buf, size_t len);

#endif
