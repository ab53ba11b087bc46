/* pane_bijlagen.h — the bijlagen of one hulpvraag: the interactive list
 * (pane_bijlagen.c), the file picker that adds one (pane_bestand.c) and
 * the read-only viewer (pane_viewer.c).
 *
 * The hulpvraag pane opens the list with `b` (its Bijlagen tab says so).
 * In the list: Enter reads a bijlage in the viewer, `a` adds a file from
 * the server (picker, then the category), `e` exports to a path on the
 * server (never over an existing file), `D` removes (soft, after a
 * confirmation that defaults to Annuleren).  Every read and export is
 * audited by db/bijlage.
 */
#ifndef BALIE_TUI_PANE_BIJLAGEN_H
#define BALIE_TUI_PANE_BIJLAGEN_H

#include <stddef.h>

#include "core/err.h"
#include "tui/action.h"

struct app;
struct pane;

/* The list of hulpvraag id (nummer for the title); loads itself in its
 * first work().  Push with app_push.  NULL when out of memory. */
struct pane *pane_bijlagen_new(struct app *a, long hulpvraag_id, long nummer);

/* The file picker, starting in the user's home directory: maps first,
 * then files with their sizes; Enter opens a map or chooses a file,
 * Backspace goes up, Esc cancels.  On a choice it pops itself and calls
 * chosen(owner, a, path); owner is the pane under it (it outlives the
 * picker on the stack). */
struct pane *pane_bestand_new(struct app *a, struct pane *owner,
			      void (*chosen)(struct pane *owner, struct app *a, const char *path));

/* The viewer of bijlage id: fetches it (audited), extracts the text,
 * scrolls, searches with / and n/N. */
struct pane *pane_viewer_new(struct app *a, long bijlage_id);

/* The user's home directory on the server ($HOME, else the password
 * entry, else "/"): where the picker starts and exports go by default. */
const char *bijlagen_home(void);

/* Writes data[0..len) to a new file path (mode 0600), never over an
 * existing file nor through a symlink.  0 / -1 with e (Dutch). */
int bijlagen_schrijf(const char *path, const unsigned char *data, size_t len, struct err *e);
/* The exchange folder as a canonical path (realpath of the folder balie
 * ssh-toegang gave, BALIE_UITWISSELMAP), "" when balie runs without one. */
const char *bijlagen_uitwisselmap(void);

/* Where path really is (symlinks followed; for a path that does not exist
 * yet: its map, resolved, and its name) into real; 1 when that is inside
 * the exchange folder or there is none, 0 when it is outside or cannot be
 * resolved.  Over SSH nothing leaves the folder: not a symlink out, not
 * "..", not a typed /etc/passwd. */
int bijlagen_binnen(const char *path, char *real, size_t len);

#endif
