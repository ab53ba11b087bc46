/* zoek.h — `/` search as you type, n / N to the next and previous hit,
 * the hits highlighted: the one search of the list panes (help, te
 * controleren, the file picker) and of the hulpvraag's tabs.
 *
 * A pane holds a struct zoek and hands it its keys and its three actions
 * (zoeken, volgende-treffer, vorige-treffer).  What is searched is text:
 * for a list the pane says what a row holds (zoek_tekst_fn), for a screen
 * drawn into a pad (the hulpvraag tabs) the pad's own lines are read back,
 * so every tab is searchable without knowing how it draws.  Matching folds
 * case and diacritics (core/naam: "Zoë" finds "zoe").
 *
 * While typing, the pane's context should be CTX_DIALOG (zoek_typing), so
 * every key is typed; Enter keeps the search, Esc drops it and puts the
 * cursor back where it was.  With a search held, the first Esc wipes it.
 */
#ifndef BALIE_TUI_ZOEK_H
#define BALIE_TUI_ZOEK_H

#include <stddef.h>

#include "core/lijst.h"
#include "tui/field.h"

struct app;

struct zoek {
	struct field field; /* what is being typed */
	int typing;         /* the search line takes the keys */
	int from;           /* the cursor (row or line) when `/` was pressed */
	char text[FIELD_MAX * 4 + 1];   /* the query as typed (UTF-8) */
	char folded[FIELD_MAX * 8 + 1]; /* … folded (naam_fold); "" = no search */
};

/* What a row of a list says, for matching: UTF-8 into buf (len bytes). */
typedef void (*zoek_tekst_fn)(const void *row, const void *arg, char *buf, size_t len);

void zoek_init(struct zoek *z);
void zoek_release(struct zoek *z);

/* Is the person typing a search; is a search held (typed or kept)? */
int zoek_typing(const struct zoek *z);
int zoek_held(const struct zoek *z);
/* Does text hold the search (folded)?  0 without a search. */
int zoek_in(const struct zoek *z, const char *text);

/* The last row of a pane: "Zoeken: ▏" while typing (the input cursor is
 * placed), "zoek: … · n volgende, N vorige, Esc wist" while held.  Returns
 * 1 when it drew (the pane then has one row less). */
int zoek_draw(struct zoek *z, struct app *a, WINDOW *w, int y, int x, int width);

/* ---- a list held in core/lijst ---- */

/* The search keys of a list: a key while typing (R_NONE otherwise, and
 * Esc with a search held wipes it).  Reactions as tui/app.h. */
int zoek_list_key(struct zoek *z, struct app *a, struct lijst *l, int key, zoek_tekst_fn tekst, const void *arg,
		  const char *waar);
/* zoeken / volgende-treffer / vorige-treffer on a list (a pane_action). */
int zoek_list_action(struct zoek *z, struct app *a, struct lijst *l, int id, zoek_tekst_fn tekst, const void *arg,
		     const char *waar);
/* Is row a hit (for drawing it highlighted)? */
int zoek_list_hit(const struct zoek *z, const void *row, zoek_tekst_fn tekst, const void *arg);

/* ---- a pad of lines (a hulpvraag tab) ---- */

/* The text of line y of pad (UTF-8, trailing blanks dropped). */
void zoek_pad_line(WINDOW *pad, int y, char *buf, size_t len);
/* The next line of pad[0..nlines) from `from` in direction dir (+1/-1)
 * that holds the search, going round once; says "bovenaan hervat" /
 * "onderaan hervat" or "Niet gevonden in <waar>: …" in the message line.
 * Returns the line or -1. */
int zoek_pad_next(const struct zoek *z, struct app *a, WINDOW *pad, int nlines, int from, int dir, const char *waar);
/* Highlights the lines of pad that hold the search (underlined and bold;
 * the line `cur` in reverse video, so the hit n went to stands out also
 * without colour).  Returns how many lines hold it. */
int zoek_pad_mark(const struct zoek *z, WINDOW *pad, int nlines, int cur);

/* The keys while typing for a pane that is not a list: R_NONE when not
 * typing (Esc with a search held wipes it and returns R_PAINT | R_BARS).
 * *changed is set when the text changed (search again from z->from) and
 * *cancelled when Esc dropped the search (go back to z->from). */
int zoek_key(struct zoek *z, int key, int *changed, int *cancelled);
/* `/` pressed: start typing; from is where to come back to. */
void zoek_start(struct zoek *z, int from);

#endif
