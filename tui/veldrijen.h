/* veldrijen.h — a form as rows of fields inside a tab: label left, value
 * right, the Dutch error under a field that has one, an optional heading
 * above a field; each field edited in the owning pane's dialog (a line, a
 * pick list, or the text editor).  The TLV tab and the Aanpak tab describe
 * their fields with a table of struct veld and keep their own draft and
 * rules; this module only draws and edits.
 */
#ifndef BALIE_TUI_VELDRIJEN_H
#define BALIE_TUI_VELDRIJEN_H

#include <curses.h>
#include <stddef.h>

#include "tui/action.h"
#include "tui/dialog.h"
#include "tui/screen.h"

enum veld_soort { VELD_REGEL, VELD_TEKST, VELD_KEUZE };

struct veld {
	const char *label;          /* "Startdatum" */
	enum veld_soort soort;
	char *waarde;               /* the draft's slot (UTF-8) … */
	size_t len;                 /* … and its size */
	const char *const *keuzes;  /* VELD_KEUZE: the choices, NULL-terminated */
	const char *prompt;         /* above the input in the dialog */
	const char *fout;           /* the error under the field ("" or NULL: none) */
	const char *kop;            /* a heading above the field (NULL: none) */
	const char *voorstel;       /* shown when empty and offered in the dialog (NULL: none) */
};

#define VELDRIJEN_LABEL_W 22

/* Draws fields v[0..n-1] into pad p from row y; cur is highlighted and
 * *cur_row gets its first row; with bewerkbaar the keys below them.
 * Returns the rows used. */
int veldrijen_draw(WINDOW *p, const struct screen *s, int y, int width, const struct veld *v, int n, int cur,
		   int *cur_row, int bewerkbaar);
/* An upper bound of the rows veldrijen_draw uses for n fields. */
long veldrijen_rows(int n);

/* Opens the dialog that edits v (tag returned untouched); titel heads it. */
void veldrijen_open(struct dialog *d, int tag, const char *titel, const struct veld *v);

/* The dialog was confirmed: puts its value in v's slot (surrounding spaces
 * dropped).  0, or -1 with a note in the dialog (nothing chosen, too long). */
int veldrijen_neem(struct dialog *d, const struct veld *v);

/* What an action means on a tab of n field rows: the cursor keys move *cur
 * (VR_VERPLAATST), Enter and tlv-veld-bewerken edit the chosen field,
 * tlv-bewaren saves; anything else is not the rows' (VR_NIETS). */
enum veldrijen_doel { VR_NIETS, VR_VERPLAATST, VR_BEWERKEN, VR_BEWAREN };
enum veldrijen_doel veldrijen_actie(enum action_id id, int *cur, int n);

#endif
