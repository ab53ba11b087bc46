/* agenda_papier.h — the papers of a meeting written for its members: the
 * agenda before the meeting, the besluitenlijst after it, each as PDF
 * (groff, as the beschikking letter) and as plain text, into the person's
 * export folder (bijlagen_home: the uitwisselmap over SSH).  Never over an
 * existing file; an audit row says who printed which meeting (ids only). */
#ifndef BALIE_TUI_AGENDA_PAPIER_H
#define BALIE_TUI_AGENDA_PAPIER_H

#include <stddef.h>

#include "core/agenda_stuk.h"
#include "core/err.h"
#include "db/agenda.h"

struct app;

/* Writes the paper (soort) of meeting m as "<naam>.pdf" and "<naam>.txt"
 * in dir; the PDF's path into path.  0 / -1 with e (Dutch; nothing left
 * half written). */
int agenda_papier_maak(struct app *a, const struct agenda_vergadering_rij *m, enum agenda_stuk_soort soort,
		       const char *dir, char *path, size_t len, struct err *e);

#endif
