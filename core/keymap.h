/* keymap.h — key bindings as data: the .keys files in keymaps/ and the user's
 * ~/.config/balie/keys.
 *
 * The format is one statement per line, as in tmux and neomutt, so every
 * error names its file:line and a user file can change a single binding:
 *
 *     # comment
 *     bind   CONTEXT  KEY  ACTION      # KEY runs ACTION in CONTEXT
 *     unbind CONTEXT  KEY              # KEY does nothing in CONTEXT
 *
 * CONTEXT and ACTION are the names of the action table (tui/action.c):
 * contexts such as "overal", "werkvoorraad", "hulpvraag"; actions such as
 * "status-wijzigen".  KEY is one character ("q", "/", "é"), or a name:
 * Enter Esc Tab Shift-Tab Space Backspace Delete Insert Home End PgUp PgDn
 * Up Down Left Right F1…F12, or Ctrl-A…Ctrl-Z.  Ctrl-S and Ctrl-Q (flow
 * control), Ctrl-Z and Ctrl-C are refused: terminals and shells take them.
 *
 * This module only parses and checks; it knows no curses codes (the tui
 * maps struct keymap_key to them) and no action table (the caller passes
 * the known names).  Pure: reads the file it is given, nothing else.
 */
#ifndef BALIE_KEYMAP_H
#define BALIE_KEYMAP_H

#include <stddef.h>

#include "core/err.h"

enum keymap_kind {
	KEYMAP_CHAR,  /* code = Unicode code point of a typed character */
	KEYMAP_NAMED, /* code = enum keymap_named */
	KEYMAP_CTRL,  /* code = 'a'…'z' */
	KEYMAP_FN     /* code = 1…12 */
};

enum keymap_named {
	KEYMAP_ENTER, KEYMAP_ESC, KEYMAP_TAB, KEYMAP_BTAB, KEYMAP_SPACE, KEYMAP_BACKSPACE,
	KEYMAP_DELETE, KEYMAP_INSERT, KEYMAP_HOME, KEYMAP_END, KEYMAP_PGUP, KEYMAP_PGDN,
	KEYMAP_UP, KEYMAP_DOWN, KEYMAP_LEFT, KEYMAP_RIGHT,
	KEYMAP_NAMED_COUNT
};

struct keymap_key {
	enum keymap_kind kind;
	int code;
};

#define KEYMAP_NAME_MAX 48

struct keymap_binding {
	char ctx[KEYMAP_NAME_MAX];
	char action[KEYMAP_NAME_MAX]; /* "" for unbind */
	struct keymap_key key;
	char file[256];
	int line;
};

/* An ordered list of bindings; later statements win over earlier ones for
 * the same (context, key).  Owns its array: keymap_release(). */
struct keymap {
	struct keymap_binding *b;
	size_t n, cap;
};

/* Names a caller accepts: contexts, and actions per context.  known_action
 * returns 1 when action exists in ctx (global actions count in every
 * context). */
struct keymap_names {
	const char *const *contexts; /* NULL-terminated */
	int (*known_action)(const char *ctx, const char *action, void *arg);
	void *arg;
};

typedef void (*keymap_report_fn)(const struct err *e, void *arg);

void keymap_init(struct keymap *km);
void keymap_release(struct keymap *km);

/* Parses one key name ("Ctrl-L", "F5", "q").  0 / -1 with a Dutch reason. */
int keymap_key_parse(const char *spec, struct keymap_key *k, struct err *e);

/* The canonical name of k ("Ctrl-L", "PgDn", "q"); returns buf. */
const char *keymap_key_name(const struct keymap_key *k, char *buf, size_t len);

int keymap_key_equal(const struct keymap_key *a, const struct keymap_key *b);

/* Parses text (named `file` in messages) and appends its statements to km.
 * Checks every line against names (may be NULL: syntax only).  Every error
 * goes to report (may be NULL) as "file:line: message"; the first also to
 * e.  Lines with errors are skipped, the rest is kept (a bad user file
 * loses only its bad lines).  Returns the number of errors (0 = clean). */
int keymap_parse(struct keymap *km, const char *text, size_t len, const char *file,
		 const struct keymap_names *names, keymap_report_fn report, void *arg, struct err *e);

/* Same, reading path; a file that cannot be read is one error. */
int keymap_load(struct keymap *km, const char *path, const struct keymap_names *names,
		keymap_report_fn report, void *arg, struct err *e);

/* The action bound to key in ctx after all statements (last wins), or NULL
 * (unbound or unbound again). */
const char *keymap_lookup(const struct keymap *km, const char *ctx, const struct keymap_key *key);

/* Conflicts inside one file: the same key bound twice in one context by
 * different lines of the same file (a user override of another file is
 * not a conflict).  Reports each as file:line; returns their number. */
int keymap_conflicts(const struct keymap *km, keymap_report_fn report, void *arg);

#endif
