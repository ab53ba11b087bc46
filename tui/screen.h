/* screen.h — the windows of the screen and width-aware drawing.
 *
 * Layout (rows): 0 title bar, 1..rows-4 the body (the pane in front),
 * rows-3 the message line, rows-2 the status bar, rows-1 the key bar.
 * Below SCREEN_MIN_COLS x SCREEN_MIN_ROWS there are no windows at all:
 * screen_too_small() says so in the middle of stdscr until the terminal
 * grows again.
 *
 * Text is UTF-8 in, wide characters out: widths come from wcwidth(), so
 * "coördinator" or a CJK name takes the columns it really takes, and text
 * that does not fit ends in "…".  Attributes never rely on colour alone:
 * without colour (NO_COLOR, monochrome) selection is reverse video and
 * errors are bold.
 */
#ifndef BALIE_TUI_SCREEN_H
#define BALIE_TUI_SCREEN_H

#include <curses.h>

#define SCREEN_MIN_COLS 80
#define SCREEN_MIN_ROWS 24

enum screen_style {
	ST_NORMAL,
	ST_TITLE,     /* title bar */
	ST_HEAD,      /* headings in the body */
	ST_BAR,       /* status bar */
	ST_BAR_KEY,   /* a key name in the key bar */
	ST_SEL,       /* selected row / focused field */
	ST_FIELD,     /* an input field without focus */
	ST_DIM,       /* hints, read-only values */
	ST_ERROR,     /* error message */
	ST_OK,        /* positive state ("verbonden") */
	ST_BANNER,    /* the connection banner over the title bar */
	ST_COUNT
};

struct screen {
	WINDOW *title, *body, *msg, *status, *keys; /* NULL when too small */
	int rows, cols;
	int too_small;
	int color;                /* colours in use (terminal has them, no NO_COLOR) */
	attr_t attr[ST_COUNT];
};

/* After initscr(): decides on colour and fills the attributes. */
void screen_init(struct screen *s);
/* (Re)builds the windows for the current LINES x COLS. */
void screen_layout(struct screen *s);
/* Deletes the windows. */
void screen_free(struct screen *s);
/* Shows the "Venster te klein" message on stdscr. */
void screen_too_small(struct screen *s);

/* Display columns of a UTF-8 string (invalid bytes count as one). */
int screen_width(const char *utf8);

/* Draws utf8 at y,x in at most width columns (clipped to the window),
 * ending in "…" when it does not fit.  Returns the columns used. */
int screen_put(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a);
/* Same, then fills the rest of width with spaces in attribute a. */
int screen_put_pad(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a);
/* Right-aligned in width columns. */
int screen_put_right(WINDOW *w, int y, int x, int width, const char *utf8, attr_t a);
/* Word-wrapped into at most maxrows rows; returns the rows used. */
int screen_wrap(WINDOW *w, int y, int x, int width, int maxrows, const char *utf8, attr_t a);
/* A horizontal rule of width columns. */
void screen_rule(WINDOW *w, int y, int x, int width, attr_t a);

#endif
