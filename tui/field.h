/* field.h — a one-line text input field (wide characters).
 *
 * Holds up to FIELD_MAX characters as wchar_t; draws itself in a given
 * number of columns, scrolling horizontally so the cursor stays visible.
 * A masked field (passwords) shows one '•' per character and is wiped with
 * explicit_bzero() whenever it is cleared; call field_clear() before the
 * memory is released.
 *
 * Keys: typed characters insert, ←/→, Home/End (Ctrl-A/Ctrl-E), Backspace,
 * Delete, Ctrl-U (wipe to the start), Ctrl-K (wipe to the end).
 */
#ifndef BALIE_TUI_FIELD_H
#define BALIE_TUI_FIELD_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

#define FIELD_MAX 128

enum field_flags {
	FIELD_MASKED = 1 << 0, /* show '•' instead of the characters */
	FIELD_DIGITS = 1 << 1, /* only 0-9 can be typed */
};

struct field {
	wchar_t buf[FIELD_MAX + 1];
	int len;   /* characters in buf */
	int cur;   /* cursor position, 0..len */
	int off;   /* first character shown */
	int max;   /* at most this many characters (<= FIELD_MAX) */
	unsigned flags;
};

/* Does key type a character into a text?  Printable, and not one of the
 * control or bidi characters (core/utf8's utf8_cp_unsafe) that would reach
 * the terminal raw when the text is drawn: refused at input, so no name,
 * note or file name holds one.  Every text input (fields, the editor, the
 * "type to search" of lists) asks this one function. */
int field_is_text_key(int key);

void field_init(struct field *f, int max, unsigned flags);
/* Empties the field and wipes its memory. */
void field_clear(struct field *f);
/* Handles one tkey; returns 1 when the field used it. */
int field_key(struct field *f, int key);
/* Draws in width columns at y,x with attribute a; returns the screen
 * column of the cursor. */
int field_draw(struct field *f, WINDOW *w, int y, int x, int width, attr_t a);
/* The text as UTF-8 into out (len bytes, NUL-terminated); -1 when it does
 * not fit.  The caller wipes out when it holds a secret. */
int field_utf8(const struct field *f, char *out, size_t len);
/* Replaces the text (UTF-8). */
void field_set(struct field *f, const char *utf8);

#endif
