/* ics.h — the agenda as iCalendar (RFC 5545) through Debian's libical: one
 * VEVENT per meeting with a stable UID ("vergadering-ID@ORG.balie"), so a
 * calendar that imports the file again updates instead of duplicating;
 * times in Europe/Amsterdam (with its VTIMEZONE); a cancelled meeting is
 * STATUS:CANCELLED under the same UID with a higher SEQUENCE (its version).
 * No pupil data: the summary says only "CT, 6 zaken". */
#ifndef BALIE_TUI_ICS_H
#define BALIE_TUI_ICS_H

#include "core/err.h"
#include "db/agenda.h"

/* The calendar of v[0..n-1] of organisatie org_code into *out (malloc'ed,
 * caller frees).  0 / -1 with e. */
int ics_agenda(const struct agenda_vergadering_rij *v, int n, const char *org_code, char **out, struct err *e);

#endif
