/* brief_bijlage.h — makes a beschikking letter and stores it: the
 * profile's template (forms/<profiel>/<sjabloon>) filled with the common
 * fields of hulpvraag h (organisatie, datum, leerling, geboortedatum,
 * school, brin) and the caller's own, made into PDF (core/brief) and added
 * as a bijlage of categorie "beschikking" named "Beschikking <soort>
 * <nummer>.pdf" (never the pupil's name).  The database marks earlier
 * letters of the hulpvraag as replaced.  Says the outcome in the message
 * line; returns reactions. */
#ifndef BALIE_TUI_BRIEF_BIJLAGE_H
#define BALIE_TUI_BRIEF_BIJLAGE_H

#include <stddef.h>

#include "core/brief.h"

struct app;
struct hulpvraag;

int brief_bijlage_maak(struct app *a, const struct hulpvraag *h, const char *sjabloon, const char *soort,
		       const char *nummer, const struct brief_veld *eigen, size_t neigen);

#endif
