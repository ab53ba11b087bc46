/* cmdline.h — the `:` command line, as in neomutt and k9s: on every screen
 * that does not take typed text, `:` opens a line in the message bar where
 * a verb is typed (`:88` opens hulpvraag 88, `:w` the werkvoorraad, `:t`
 * te controleren, `:filter …`, `:help`), Tab completes the verb, Enter runs
 * it, Esc closes the line.
 *
 * The verbs are rows of a table (cmdline_verbs), each naming the action of
 * the rulebook it stands for, so a verb a role may not use says so exactly
 * as its key would.  The line lives in struct app (one per session); the
 * loop gives it every key while it is open and paints it in the message
 * bar with the cursor.
 */
#ifndef BALIE_TUI_CMDLINE_H
#define BALIE_TUI_CMDLINE_H

#include <stddef.h>

#include "tui/field.h"

struct app;

struct cmdline {
	int active;
	struct field line;
	int cx; /* screen column of the cursor in the message bar (last paint) */
};

struct cmdline_verb {
	const char *name;  /* "werkvoorraad" */
	const char *alias; /* "w" (NULL: none) */
	const char *args;  /* what follows, for the help ("TEKST"), or "" */
	const char *help;  /* one Dutch line */
	/* Runs the verb with its argument (never NULL; "" when none); returns
	 * reactions (enum reaction). */
	int (*run)(struct app *a, const char *arg);
};

extern const struct cmdline_verb cmdline_verbs[];
extern const size_t cmdline_nverbs;

int cmdline_active(const struct cmdline *c);
/* Opens an empty line (the `opdrachtregel` action); returns reactions. */
int cmdline_open(struct app *a);
/* One key while the line is open; returns reactions. */
int cmdline_key(struct app *a, int key);
/* Draws the line in w (the message bar) and records the cursor column. */
void cmdline_draw(struct app *a, WINDOW *w);

/* Runs line as if typed after `:` (a shortcut of another pane: the home
 * screen's "zonder reactie" is "filter telaat:ja"); returns reactions. */
int cmdline_run(struct app *a, const char *line);

/* Completes the verb in text (len bytes, changed in place): one match
 * becomes "verb "; several become their common prefix and the names go to
 * list (len2 bytes, "a, b").  Returns the number of matches. */
int cmdline_complete(char *text, size_t len, char *list, size_t len2);

#endif
