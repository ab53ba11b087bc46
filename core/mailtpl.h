/* mailtpl.h — mail templates of an organisation profile: load, check, render.
 *
 * The mail the aanvrager gets at every status change (seed 004 §7.2: the
 * new status, the reden and any action required) is Dutch text that the SWV
 * words itself, so it lives in data files, never in the binary:
 *
 *     forms/<profiel>/mail/status-<aanvraagtype>.mail   (optional override)
 *     forms/<profiel>/mail/status.mail
 *     forms/generiek/mail/status.mail                   (last resort)
 *
 * File format (UTF-8, LF line ends; balie-forms(5)):
 *
 *     # comment (header block only)
 *     Onderwerp: Hulpvraag {hulpvraagnummer}: {status}
 *     Actie: aanvulling nodig = Vul de ontbrekende documenten aan.
 *     Actie: afgewezen = Neem contact op met {contact} als u vragen heeft.
 *
 *     Beste aanvrager,
 *     De status van hulpvraag {hulpvraagnummer} is nu: {status}.
 *     ?Reden: {reden}
 *     ?Wat wij van u vragen: {actie}
 *
 * The header block ends at the first empty line; the rest is the body.
 * Header keys: `Onderwerp` (exactly once) and `Actie` (any number, "pattern
 * = text": the first Actie whose pattern occurs in the new status name,
 * case-insensitively, gives {actie}).  A body line that starts with `?` is
 * left out when any placeholder on it is empty; `??` starts a line with a
 * literal `?`.  `{{` and `}}` are literal braces.
 *
 * Placeholders: {status} {reden} {actie} {hulpvraagnummer} {school}
 * {contact} {organisatie} {aanvraagtype} {aanvrager} (the aanvrager's name,
 * for "Beste {aanvrager},"; "aanvrager" when no name is known).  An unknown placeholder is an
 * error at load time.  The subject may use only {hulpvraagnummer},
 * {status}, {aanvraagtype} and {organisatie}: it is the part of a mail that
 * mail servers log and phones show on a lock screen, so it must never carry
 * anything about the pupil.  Header values may not contain CR or LF (header
 * injection); a rendered subject with CR/LF is refused too.
 *
 * Errors are Dutch, with file and line (err_set_at).  Nothing here talks to
 * a database; loading reads one file.
 */
#ifndef BALIE_MAILTPL_H
#define BALIE_MAILTPL_H

#include <stddef.h>

#include "core/err.h"

/* Largest template file accepted, in bytes, and longest line. */
#define MAILTPL_MAX_FILE (64u * 1024u)
#define MAILTPL_MAX_LINE 1000u

enum mailtpl_var {
	MAILTPL_STATUS,
	MAILTPL_REDEN,
	MAILTPL_ACTIE,
	MAILTPL_NUMMER,       /* {hulpvraagnummer} */
	MAILTPL_SCHOOL,
	MAILTPL_CONTACT,
	MAILTPL_ORGANISATIE,
	MAILTPL_AANVRAAGTYPE,
	MAILTPL_AANVRAGER,    /* {aanvrager}: the name of the aanvrager (body only) */
	MAILTPL_VAR_COUNT
};

/* The placeholder name of v ("hulpvraagnummer"), without braces. */
const char *mailtpl_var_name(enum mailtpl_var v);

/* The values to fill in; NULL counts as "".  When v[MAILTPL_ACTIE] is NULL
 * the template's own Actie lines decide it from v[MAILTPL_STATUS]. */
struct mailtpl_vars {
	const char *v[MAILTPL_VAR_COUNT];
};

struct mailtpl; /* opaque; read-only once loaded */

/* Parses a template from memory; `file` names it in messages.  NUL bytes,
 * invalid UTF-8, CR in the header, lines over MAILTPL_MAX_LINE and files
 * over MAILTPL_MAX_FILE are refused.  On success *out owns a new template
 * (free with mailtpl_free); on error *out is NULL. 0 / -1. */
int mailtpl_parse(const char *data, size_t len, const char *file, struct mailtpl **out, struct err *e);

/* Same, reading the file at path. */
int mailtpl_load(const char *path, struct mailtpl **out, struct err *e);

/* Frees *t and sets it to NULL (safe on NULL). */
void mailtpl_free(struct mailtpl **t);

/* The Actie text for a status ("" when no pattern matches); borrowed. */
const char *mailtpl_actie(const struct mailtpl *t, const char *status);

/* Renders subject and body.  *subject and *body are malloc'ed and owned
 * by the caller (free()); both NULL on error.  Errors: a rendered subject
 * that holds CR/LF or is empty, out of memory. 0 / -1. */
int mailtpl_render(const struct mailtpl *t, const struct mailtpl_vars *vars, char **subject, char **body,
		   struct err *e);

/* The template file for a status mail: the first that exists of
 * <datadir>/forms/<profiel>/mail/status-<slug>.mail (slug of aanvraagtype:
 * "Aanvraag TLV" → "aanvraag-tlv"; aanvraagtype may be NULL),
 * <datadir>/forms/<profiel>/mail/status.mail and
 * <datadir>/forms/generiek/mail/status.mail.  profiel must be a plain
 * folder name ([a-z0-9_-]).  Writes the path into buf. 0 / -1 (none found,
 * bad profiel, buf too small). */
int mailtpl_find(const char *datadir, const char *profiel, const char *aanvraagtype, char *buf, size_t len,
		 struct err *e);

/* "Aanvraag TLV" → "aanvraag-tlv": folded to ASCII, lower case, every run of
 * other characters one '-', none at the ends.  snprintf-like; returns the
 * length needed. */
size_t mailtpl_slug(char *buf, size_t len, const char *name);

#endif
