/* lijst.c — one list on screen without curses; see lijst.h. */
#include "core/lijst.h"

#include <stdlib.h>
#include <string.h>

static long id_only(const void *row);

void lijst_init(struct lijst *l, size_t size, long (*id)(const void *row), int max, size_t mark_size,
		void (*mark_of)(const void *row, void *mark))
{
	memset(l, 0, sizeof *l);
	l->size = size;
	l->id = id ? id : id_only;
	l->max = max;
	l->view = 1;
	l->mark_size = mark_of ? mark_size : sizeof(long);
	l->mark_of = mark_of;
}

/* Without an id callback a row starts with its long id. */
static long id_only(const void *row)
{
	long id;

	memcpy(&id, row, sizeof id);
	return id;
}

void lijst_release(struct lijst *l)
{
	size_t size = l->size, mark_size = l->mark_size;
	long (*id)(const void *) = l->id;
	void (*mark_of)(const void *, void *) = l->mark_of;
	int max = l->max;

	free(l->rows);
	free(l->marks);
	lijst_init(l, size, id, max, mark_size, mark_of);
}

void *lijst_row(const struct lijst *l, int i)
{
	return i >= 0 && i < l->n ? (char *)l->rows + (size_t)i * l->size : NULL;
}

void *lijst_current(const struct lijst *l)
{
	return lijst_row(l, l->cur);
}

long lijst_current_id(const struct lijst *l)
{
	const void *r = lijst_current(l);

	return r ? l->id(r) : 0;
}

int lijst_find(const struct lijst *l, long id)
{
	for (int i = 0; i < l->n; i++)
		if (l->id(lijst_row(l, i)) == id)
			return i;
	return -1;
}

void lijst_clamp(struct lijst *l)
{
	if (l->view < 1)
		l->view = 1;
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->cur >= l->top + l->view)
		l->top = l->cur - l->view + 1;
	if (l->top < 0)
		l->top = 0;
}

void lijst_set_view(struct lijst *l, int view)
{
	l->view = view;
	lijst_clamp(l);
}

int lijst_move(struct lijst *l, int delta)
{
	int to = l->cur + delta, left = 0;

	if (l->n == 0)
		return delta;
	if (to >= l->n) {
		left = to - (l->n - 1);
		to = l->n - 1;
	}
	if (to < 0) {
		left = to;
		to = 0;
	}
	/* a page moves the view with the cursor: the cursor keeps its line */
	if (delta > 1 || delta < -1)
		l->top += to - l->cur;
	l->cur = to;
	lijst_clamp(l);
	return left;
}

int lijst_nav(struct lijst *l, enum lijst_nav how)
{
	switch (how) {
	case LIJST_UP:
		return lijst_move(l, -1);
	case LIJST_DOWN:
		return lijst_move(l, 1);
	case LIJST_PAGE_UP:
		return lijst_move(l, -l->view);
	case LIJST_PAGE_DOWN:
		return lijst_move(l, l->view);
	case LIJST_TOP:
		l->cur = l->top = 0;
		lijst_clamp(l);
		return l->more_before ? -1 : 0;
	case LIJST_BOTTOM:
		l->cur = l->n - 1;
		l->top = l->n - l->view;
		lijst_clamp(l);
		return l->more_after ? 1 : 0;
	}
	return 0;
}

void lijst_set(struct lijst *l, void *rows, int n, int more_before, int more_after, long keep_id)
{
	int off = l->cur - l->top, at = -1;

	free(l->rows);
	l->rows = rows;
	l->n = rows ? n : 0;
	l->more_before = more_before;
	l->more_after = more_after;
	if (keep_id)
		at = lijst_find(l, keep_id);
	if (at >= 0) {
		l->cur = at;
		l->top = at - off;
	} else if (!keep_id) {
		l->cur = l->top = 0;
	}
	lijst_clamp(l);
}

/* Makes room for n more rows; 0 / -1. */
static int grow(struct lijst *l, int n)
{
	void *r = realloc(l->rows, (size_t)(l->n + n) * l->size + 1);

	if (!r)
		return -1;
	l->rows = r;
	return 0;
}

int lijst_append(struct lijst *l, void *rows, int n, int more_after)
{
	if (n > 0 && grow(l, n) < 0) {
		free(rows);
		return -1;
	}
	if (n > 0)
		memcpy((char *)l->rows + (size_t)l->n * l->size, rows, (size_t)n * l->size);
	free(rows);
	l->n += n > 0 ? n : 0;
	l->more_after = more_after;
	if (l->max > 0 && l->n > l->max) {
		int drop = l->n - l->max;

		memmove(l->rows, (char *)l->rows + (size_t)drop * l->size, (size_t)l->max * l->size);
		l->n = l->max;
		l->cur -= drop;
		l->top -= drop;
		l->more_before = 1;
	}
	lijst_clamp(l);
	return 0;
}

int lijst_prepend(struct lijst *l, void *rows, int n, int more_before)
{
	if (n > 0 && grow(l, n) < 0) {
		free(rows);
		return -1;
	}
	if (n > 0) {
		memmove((char *)l->rows + (size_t)n * l->size, l->rows, (size_t)l->n * l->size);
		memcpy(l->rows, rows, (size_t)n * l->size);
		l->n += n;
		l->cur += n;
		l->top += n;
	}
	free(rows);
	l->more_before = more_before;
	if (l->max > 0 && l->n > l->max) {
		l->n = l->max;
		l->more_after = 1;
	}
	lijst_clamp(l);
	return 0;
}

/* ---- marks ------------------------------------------------------------- */

static void *mark_slot(const struct lijst *l, int i)
{
	return (char *)l->marks + (size_t)i * l->mark_size;
}

const void *lijst_mark_at(const struct lijst *l, int i)
{
	return i >= 0 && i < l->nmarks ? mark_slot(l, i) : NULL;
}

static int mark_index(const struct lijst *l, long id)
{
	for (int i = 0; i < l->nmarks; i++) {
		long m;

		memcpy(&m, mark_slot(l, i), sizeof m);
		if (m == id)
			return i;
	}
	return -1;
}

int lijst_marked(const struct lijst *l, long id)
{
	return mark_index(l, id) >= 0;
}

static void fill_mark(const struct lijst *l, const void *row, void *mark)
{
	long id = l->id(row);

	if (l->mark_of)
		l->mark_of(row, mark);
	memcpy(mark, &id, sizeof id); /* the invariant, whatever mark_of did */
}

void lijst_unmark(struct lijst *l, long id)
{
	int m = mark_index(l, id);

	if (m < 0)
		return;
	l->nmarks--;
	if (m != l->nmarks)
		memcpy(mark_slot(l, m), mark_slot(l, l->nmarks), l->mark_size);
}

int lijst_mark(struct lijst *l, int i, int on)
{
	const void *row = lijst_row(l, i);
	int m;

	if (!row)
		return 0;
	if (!on) {
		lijst_unmark(l, l->id(row));
		return 0;
	}
	m = mark_index(l, l->id(row));
	if (m >= 0)
		return 0;
	if (l->nmarks == l->capmarks) {
		int nc = l->capmarks ? l->capmarks * 2 : 64;
		void *nm = realloc(l->marks, (size_t)nc * l->mark_size);

		if (!nm)
			return -1;
		l->marks = nm;
		l->capmarks = nc;
	}
	fill_mark(l, row, mark_slot(l, l->nmarks));
	l->nmarks++;
	return 0;
}

int lijst_toggle(struct lijst *l)
{
	const void *row = lijst_current(l);

	return row ? lijst_mark(l, l->cur, !lijst_marked(l, l->id(row))) : 0;
}

int lijst_mark_all(struct lijst *l)
{
	int all = 1;

	for (int i = 0; i < l->n && all; i++)
		all = lijst_marked(l, l->id(lijst_row(l, i)));
	for (int i = 0; i < l->n; i++)
		if (lijst_mark(l, i, !all) < 0)
			return -1;
	return 0;
}

void lijst_unmark_all(struct lijst *l)
{
	l->nmarks = 0;
}

void lijst_marks_refresh(struct lijst *l)
{
	for (int i = 0; i < l->n; i++) {
		const void *row = lijst_row(l, i);
		int m = mark_index(l, l->id(row));

		if (m >= 0)
			fill_mark(l, row, mark_slot(l, m));
	}
}

/* ---- search and layout ------------------------------------------------- */

int lijst_search(const struct lijst *l, int from, int dir, int (*match)(const void *row, const void *arg),
		 const void *arg, int *wrapped)
{
	*wrapped = 0;
	if (l->n == 0)
		return -1;
	dir = dir < 0 ? -1 : 1;
	for (int k = 0; k < l->n; k++) {
		int i = ((from + dir * k) % l->n + l->n) % l->n;

		if (match(lijst_row(l, i), arg)) {
			*wrapped = (dir > 0 && i < from) || (dir < 0 && i > from);
			return i;
		}
	}
	return -1;
}

void lijst_layout(const struct lijst_kolom *k, int n, const int *shown, int width, int gap, int reserved, int rest,
		  int *w)
{
	int used = reserved, flex = 0, extra, sum = reserved;

	for (int i = 0; i < n; i++) {
		w[i] = !shown || shown[i];
		if (w[i])
			used += k[i].min + gap;
	}
	/* drop the highest priority first until the rest fits */
	while (used > width) {
		int drop = -1;

		for (int i = 0; i < n; i++)
			if (w[i] && k[i].prio > 0 && (drop < 0 || k[i].prio > k[drop].prio))
				drop = i;
		if (drop < 0)
			break;
		w[drop] = 0;
		used -= k[drop].min + gap;
	}
	extra = width - used;
	for (int i = 0; i < n; i++)
		if (w[i])
			flex += k[i].flex;
	for (int i = 0; i < n; i++) {
		if (!w[i])
			continue;
		w[i] = k[i].min + (flex > 0 && extra > 0 ? extra * k[i].flex / flex : 0);
		sum += w[i] + gap;
	}
	if (flex > 0 && extra > 0 && rest >= 0 && rest < n && w[rest])
		w[rest] += width - sum;
}
