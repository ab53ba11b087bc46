/* lijst_test.c — the list window: cursor and scrolling, keyset pages
 * merged at either end, marks by id that outlive the rows, search that
 * goes round, and the column layout that drops low-priority columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/lijst.h"

struct rij {
	long id;
	int version;
	char naam[16];
};

struct merk {
	long id;
	int version;
};

static long rij_id(const void *r)
{
	return ((const struct rij *)r)->id;
}

static void rij_merk(const void *r, void *m)
{
	((struct merk *)m)->version = ((const struct rij *)r)->version;
}

/* Rows with ids from..from+n-1 (malloc'ed, as a page from the database). */
static struct rij *page(long from, int n)
{
	struct rij *r = calloc((size_t)n + 1, sizeof *r);

	for (int i = 0; i < n; i++) {
		r[i].id = from + i;
		r[i].version = 1;
		snprintf(r[i].naam, sizeof r[i].naam, "rij %ld", from + i);
	}
	return r;
}

static void new_list(struct lijst *l, int max)
{
	lijst_init(l, sizeof(struct rij), rij_id, max, sizeof(struct merk), rij_merk);
}

static void invariants(const struct lijst *l)
{
	assert_true(l->view >= 1);
	assert_true(l->top >= 0);
	if (l->n > 0) {
		assert_true(l->cur >= 0 && l->cur < l->n);
		assert_true(l->top <= l->cur && l->cur < l->top + l->view);
	} else {
		assert_int_equal(l->cur, 0);
	}
}

static void cursor_and_scrolling(void **state)
{
	struct lijst l;

	(void)state;
	new_list(&l, 0);
	assert_null(lijst_current(&l));
	assert_int_equal(lijst_move(&l, 1), 1); /* empty: all of it left over */
	invariants(&l);
	lijst_set(&l, page(1, 20), 20, 0, 1, 0);
	lijst_set_view(&l, 5);
	assert_int_equal(lijst_current_id(&l), 1);
	assert_int_equal(lijst_nav(&l, LIJST_DOWN), 0);
	assert_int_equal(lijst_current_id(&l), 2);
	/* a page keeps the cursor's line: the view moves with it */
	assert_int_equal(lijst_nav(&l, LIJST_PAGE_DOWN), 0);
	assert_int_equal(l.cur, 6);
	assert_int_equal(l.top, 5);
	invariants(&l);
	/* past the end: what is left over tells the caller to fetch */
	assert_int_equal(lijst_move(&l, 20), 7);
	assert_int_equal(l.cur, 19);
	invariants(&l);
	assert_int_equal(lijst_nav(&l, LIJST_BOTTOM), 1); /* more_after */
	assert_int_equal(lijst_nav(&l, LIJST_TOP), 0);
	assert_int_equal(l.cur, 0);
	assert_int_equal(lijst_move(&l, -3), -3);
	/* a smaller screen keeps the cursor visible */
	lijst_move(&l, 12);
	lijst_set_view(&l, 3);
	invariants(&l);
	lijst_release(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.rows);
}

static void pages_merge_at_both_ends(void **state)
{
	struct lijst l;

	(void)state;
	new_list(&l, 30);
	lijst_set(&l, page(100, 20), 20, 1, 1, 0);
	lijst_set_view(&l, 10);
	lijst_move(&l, 15);
	assert_int_equal(lijst_current_id(&l), 115);
	/* the next page: beyond 30 rows the first ones go, the cursor stays */
	assert_int_equal(lijst_append(&l, page(120, 20), 20, 1), 0);
	assert_int_equal(l.n, 30);
	assert_int_equal(lijst_current_id(&l), 115);
	assert_int_equal(((struct rij *)lijst_row(&l, 0))->id, 110);
	assert_int_equal(((struct rij *)lijst_row(&l, 29))->id, 139);
	assert_true(l.more_before);
	invariants(&l);
	/* the page before: the last ones go, the cursor stays */
	assert_int_equal(lijst_prepend(&l, page(100, 10), 10, 0), 0);
	assert_int_equal(l.n, 30);
	assert_int_equal(lijst_current_id(&l), 115);
	assert_int_equal(((struct rij *)lijst_row(&l, 0))->id, 100);
	assert_int_equal(((struct rij *)lijst_row(&l, 29))->id, 129);
	assert_false(l.more_before);
	assert_true(l.more_after);
	invariants(&l);
	/* an empty last page says there is no more */
	lijst_nav(&l, LIJST_BOTTOM);
	assert_int_equal(lijst_append(&l, NULL, 0, 0), 0);
	assert_false(l.more_after);
	lijst_release(&l);
}

static void reload_keeps_the_row_and_its_line(void **state)
{
	struct lijst l;
	struct rij *fresh;

	(void)state;
	new_list(&l, 0);
	lijst_set(&l, page(1, 10), 10, 0, 0, 0);
	lijst_set_view(&l, 4);
	lijst_move(&l, 5); /* id 6 on the last line */
	int line = l.cur - l.top;
	/* a row above went away: id 6 is one row up, on the same line */
	fresh = page(2, 9);
	lijst_set(&l, fresh, 9, 0, 0, 6);
	assert_int_equal(lijst_current_id(&l), 6);
	assert_int_equal(l.cur - l.top, line);
	/* the row itself went away: the cursor stays in range */
	lijst_set(&l, page(1, 3), 3, 0, 0, 6);
	invariants(&l);
	/* keep_id 0: from the top */
	lijst_set(&l, page(1, 10), 10, 0, 0, 0);
	assert_int_equal(l.cur, 0);
	lijst_release(&l);
}

static void marks_by_id_outlive_the_rows(void **state)
{
	struct lijst l;
	struct rij *again;

	(void)state;
	new_list(&l, 0);
	lijst_set(&l, page(1, 5), 5, 0, 0, 0);
	assert_int_equal(lijst_toggle(&l), 0);
	assert_true(lijst_marked(&l, 1));
	assert_int_equal(lijst_mark(&l, 3, 1), 0);
	assert_int_equal(lijst_mark(&l, 3, 1), 0); /* twice is once */
	assert_int_equal(l.nmarks, 2);
	/* other rows arrive: the marks stay, with the version they had */
	lijst_set(&l, page(50, 5), 5, 0, 0, 0);
	assert_true(lijst_marked(&l, 4));
	lijst_unmark(&l, 1); /* by id, not held: a bulk change that worked */
	assert_false(lijst_marked(&l, 1));
	lijst_unmark(&l, 99);
	assert_int_equal(l.nmarks, 1);
	again = page(1, 1);
	lijst_set(&l, again, 1, 0, 0, 0);
	lijst_mark(&l, 0, 1);
	assert_int_equal(((const struct merk *)lijst_mark_at(&l, 1))->version, 1);
	/* back, with a newer version: a refresh takes what is on screen */
	again = page(1, 5);
	again[3].version = 7;
	lijst_set(&l, again, 5, 0, 0, 0);
	lijst_marks_refresh(&l);
	for (int i = 0; i < l.nmarks; i++) {
		const struct merk *m = lijst_mark_at(&l, i);
		assert_int_equal(m->version, m->id == 4 ? 7 : 1);
	}
	/* all, then all again: unmarked */
	assert_int_equal(lijst_mark_all(&l), 0);
	assert_int_equal(l.nmarks, 5);
	assert_int_equal(lijst_mark_all(&l), 0);
	assert_int_equal(l.nmarks, 0);
	lijst_toggle(&l);
	lijst_toggle(&l);
	assert_int_equal(l.nmarks, 0);
	lijst_mark(&l, 0, 1);
	lijst_unmark_all(&l);
	assert_false(lijst_marked(&l, 1));
	assert_null(lijst_mark_at(&l, 0));
	lijst_release(&l);
}

static int naam_is(const void *row, const void *arg)
{
	return strstr(((const struct rij *)row)->naam, arg) != NULL;
}

static void search_goes_round(void **state)
{
	struct lijst l;
	int wrapped;

	(void)state;
	new_list(&l, 0);
	assert_int_equal(lijst_search(&l, 0, 1, naam_is, "rij", &wrapped), -1);
	lijst_set(&l, page(1, 12), 12, 0, 0, 0);
	assert_int_equal(lijst_search(&l, 0, 1, naam_is, "rij 1", &wrapped), 0);
	assert_false(wrapped);
	assert_int_equal(lijst_search(&l, 1, 1, naam_is, "rij 1", &wrapped), 9); /* rij 10 */
	assert_int_equal(lijst_search(&l, 12, 1, naam_is, "rij 1", &wrapped), 0);
	assert_true(wrapped); /* from past the last row is round to the top */
	assert_int_equal(lijst_search(&l, 10, 1, naam_is, "rij 2", &wrapped), 1);
	assert_true(wrapped);
	assert_int_equal(lijst_search(&l, 11, -1, naam_is, "rij 1", &wrapped), 11);
	assert_false(wrapped); /* backwards, not past the top… */
	assert_int_equal(lijst_search(&l, 3, -1, naam_is, "rij 12", &wrapped), 11);
	assert_true(wrapped); /* …and past it */
	assert_int_equal(lijst_search(&l, 0, 1, naam_is, "geen", &wrapped), -1);
	lijst_release(&l);
}

static void narrow_screens_drop_low_priority_columns(void **state)
{
	static const struct lijst_kolom k[] = {
		{ 6, 0, 0 }, /* nummer: always */
		{ 14, 4, 0 }, /* leerling: always, takes the rest */
		{ 10, 3, 3 },
		{ 8, 1, 4 },
		{ 8, 1, 7 }, /* dropped first */
	};
	int w[5], sum;

	(void)state;
	/* room for everything: each gets its minimum and a share */
	lijst_layout(k, 5, NULL, 100, 1, 2, 1, w);
	sum = 2;
	for (int i = 0; i < 5; i++) {
		assert_true(w[i] >= k[i].min);
		sum += w[i] + 1;
	}
	assert_int_equal(sum, 100); /* the leerling took what was left over */
	/* 45 columns: 2+7+15+11+9 = 44 fits once the last is gone */
	lijst_layout(k, 5, NULL, 45, 1, 2, 1, w);
	assert_int_equal(w[4], 0);
	assert_true(w[3] > 0 && w[2] > 0);
	/* 30: only the columns that always show */
	lijst_layout(k, 5, NULL, 30, 1, 2, 1, w);
	assert_int_equal(w[2] + w[3] + w[4], 0);
	assert_true(w[0] >= 6 && w[1] >= 14);
	/* a column left out beforehand stays out */
	int shown[5] = { 1, 1, 0, 1, 1 };
	lijst_layout(k, 5, shown, 200, 1, 2, 1, w);
	assert_int_equal(w[2], 0);
	assert_true(w[4] > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cursor_and_scrolling),
		cmocka_unit_test(pages_merge_at_both_ends),
		cmocka_unit_test(reload_keeps_the_row_and_its_line),
		cmocka_unit_test(marks_by_id_outlive_the_rows),
		cmocka_unit_test(search_goes_round),
		cmocka_unit_test(narrow_screens_drop_low_priority_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
