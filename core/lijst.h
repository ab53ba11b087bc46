/* lijst.h — one list on screen, without curses: the rows held (a keyset
 * window of a longer list in the database), the cursor and the first row
 * shown, marks by id, search in the rows held, and the column layout that
 * drops low-priority columns on a narrow terminal.  The werkvoorraad, the
 * "te controleren" list, the bijlagen and the file picker keep their rows
 * in one; tui/ draws them.
 *
 * Invariants (after every call): 0 <= cur < n (cur = 0 when n = 0),
 * top <= cur < top + view, top >= 0, view >= 1.  rows is owned (malloc'ed,
 * n rows of size bytes each); a row's id (the id callback) is stable across
 * reloads, so the cursor and the marks follow the row, not the line.
 *
 * Paging: the caller fetches a page after the last row (more_after) or
 * before the first (more_before) and hands it to lijst_append /
 * lijst_prepend, which merge it and, beyond max rows, drop as many from
 * the other end (that end then has more again).  lijst_move says how far
 * the cursor could not go, so the caller knows when to fetch.
 *
 * Marks are by id and outlive the rows held: each is mark_size bytes that
 * start with the row's long id, filled by mark_of (a bulk action needs the
 * version the person saw, not only the id).  Pure: no I/O.
 */
#ifndef BALIE_LIJST_H
#define BALIE_LIJST_H

#include <stddef.h>

struct lijst {
	void *rows;
	size_t size; /* bytes per row */
	int n;
	int cur, top, view;
	int more_before, more_after;
	int max; /* rows held at most (0: no limit) */
	long (*id)(const void *row);

	void *marks; /* nmarks × mark_size */
	size_t mark_size;
	int nmarks, capmarks;
	void (*mark_of)(const void *row, void *mark);
};

/* An empty list of rows of size bytes.  mark_of NULL: a mark is the id
 * alone (mark_size sizeof(long)). */
void lijst_init(struct lijst *l, size_t size, long (*id)(const void *row), int max, size_t mark_size,
		void (*mark_of)(const void *row, void *mark));
/* Frees the rows and the marks; l is empty (and initialised) after. */
void lijst_release(struct lijst *l);

/* Row i (NULL out of range); the cursor's row (NULL when empty); its id (0). */
void *lijst_row(const struct lijst *l, int i);
void *lijst_current(const struct lijst *l);
long lijst_current_id(const struct lijst *l);
/* The index of the row with id, or -1. */
int lijst_find(const struct lijst *l, long id);

/* Restores the invariants (after view or n changed). */
void lijst_clamp(struct lijst *l);
/* Sets the rows that fit on screen. */
void lijst_set_view(struct lijst *l, int view);

/* Moves the cursor by delta rows, stopping at the ends; returns what was
 * left over (> 0 past the last row, < 0 before the first, 0 when it all
 * moved): with more_after / more_before the caller fetches a page. */
int lijst_move(struct lijst *l, int delta);

enum lijst_nav { LIJST_UP, LIJST_DOWN, LIJST_PAGE_UP, LIJST_PAGE_DOWN, LIJST_TOP, LIJST_BOTTOM };
/* The cursor keys: lijst_move by a row or a page, or to the first or last
 * row held.  Returns as lijst_move (TOP/BOTTOM: -1/1 when the window does
 * not start/end the list, else 0). */
int lijst_nav(struct lijst *l, enum lijst_nav how);

/* Replaces the rows by rows[0..n-1] (ownership taken, also on failure).
 * keep_id: the cursor goes to that row when it is there (0: the first
 * row), at the same screen line when it can. */
void lijst_set(struct lijst *l, void *rows, int n, int more_before, int more_after, long keep_id);
/* Merges a page after the last row / before the first (ownership of rows
 * taken, also on failure); the cursor stays on its row.  0, or -1 when out
 * of memory (the list is as before). */
int lijst_append(struct lijst *l, void *rows, int n, int more_after);
int lijst_prepend(struct lijst *l, void *rows, int n, int more_before);

/* Marks: is id marked; mark or unmark row i; the cursor's row toggled;
 * every row held marked, or — when all were — unmarked; none.  The mark of
 * a row held is refreshed by lijst_marks_refresh (after a reload: the
 * version the person now sees).  Functions that add return 0 / -1 (out of
 * memory). */
int lijst_marked(const struct lijst *l, long id);
int lijst_mark(struct lijst *l, int i, int on);
void lijst_unmark(struct lijst *l, long id); /* also when not held */
int lijst_toggle(struct lijst *l);
int lijst_mark_all(struct lijst *l);
void lijst_unmark_all(struct lijst *l);
void lijst_marks_refresh(struct lijst *l);
/* Mark i (mark_size bytes, starting with the id). */
const void *lijst_mark_at(const struct lijst *l, int i);

/* The next row from `from` in direction dir (+1/-1) for which match() is
 * true, going round once: its index (*wrapped 1 when it went round), or -1. */
int lijst_search(const struct lijst *l, int from, int dir, int (*match)(const void *row, const void *arg),
		 const void *arg, int *wrapped);

/* Column layout: min width, share of what is left (flex) and priority
 * (0: always shown; a higher one is dropped first when the width does not
 * hold them all).  shown[i] 0 leaves column i out beforehand (may be NULL).
 * gap columns between columns, reserved columns kept free (a mark column).
 * w[i] gets the width of column i, 0 when dropped; what integer division
 * leaves over goes to column rest. */
struct lijst_kolom {
	int min, flex, prio;
};
void lijst_layout(const struct lijst_kolom *k, int n, const int *shown, int width, int gap, int reserved, int rest,
		  int *w);

#endif
