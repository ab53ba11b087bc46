/* titel.h — the title of a hulpvraag and the pupil's name.
 *
 * Seed 000: a title may be chosen freely "mits duidelijk is waar het over
 * gaat en er geen leerlingnaam in voorkomt".  Titles are shown in queues,
 * on agendas and to external participants, and mail subjects travel through
 * mail servers: neither may carry the name of the child.  The comparison is
 * on whole words, ignoring case and diacritics (naam_fold): "Ösün" is found
 * in "gesprek osun", "Jan" is not found in "januari".
 */
#ifndef BALIE_TITEL_H
#define BALIE_TITEL_H

#include <stddef.h>

#include "core/err.h"
#include "core/naam.h"

/* Longest title, in bytes. */
#define TITEL_MAX 200

/* 1 when text holds the roepnaam or the achternaam (at least two letters)
 * or a word of either of at least three letters ("Fortes Monteiro" →
 * "Monteiro"; "El-Makrini" → "Makrini", not "El") as a whole word; else 0.
 * n may have absent parts. */
int titel_bevat_naam(const char *text, const struct naam *n);

/* A title for a new or edited hulpvraag: not empty, at most TITEL_MAX
 * bytes, no control characters, no part of the pupil's name (n may be
 * NULL for a dossier without a person: groep, school).  0 / -1 with a
 * Dutch message in e. */
int titel_check(const char *titel, const struct naam *n, struct err *e);

#endif
