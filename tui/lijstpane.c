/* lijstpane.c — shared parts of the list panes; see lijstpane.h. */
#include "tui/lijstpane.h"

#include <stdio.h>
#include <string.h>

#include "db/hulpvraag.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"

#define HEAD_ROWS 3 /* heading, column heads, rule */

int lijstpane_body(WINDOW *w, const struct screen *s, struct lijst *l, int y, int loaded, const char *msg,
		   const char *leeg)
{
	int rows = getmaxy(w), cols = getmaxx(w);

	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	lijst_set_view(l, rows - HEAD_ROWS > 1 ? rows - HEAD_ROWS : 1);
	if (!loaded || l->n == 0) {
		const char *m = msg[0] ? msg : !loaded ? "Bezig met laden…" : leeg;
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[msg[0] ? ST_ERROR : ST_DIM]);
		return -1;
	}
	return y;
}

attr_t lijstpane_row(WINDOW *w, const struct screen *s, const struct lijst *l, int i, int y, long id, long nummer,
		     int x, int wnr)
{
	attr_t at = s->attr[i == l->cur ? ST_SEL : ST_NORMAL];
	char nr[24];

	screen_put_pad(w, y, 0, getmaxx(w), "", at);
	screen_put(w, y, 0, 1, lijst_marked(l, id) ? "*" : " ", at);
	snprintf(nr, sizeof nr, "%ld", nummer);
	screen_put_right(w, y, x, wnr, nr, at);
	return at;
}

void lijstpane_set(struct lijst *l, void *rows, int n, long keep, int *loaded, char *msg)
{
	msg[0] = '\0';
	lijst_set(l, rows, n, 0, 0, keep);
	lijst_marks_refresh(l);
	*loaded = 1;
}

int lijstpane_mark(struct lijst *l, enum action_id id)
{
	if (id == ACT_Q_MARK_ALL)
		lijst_mark_all(l);
	else
		lijst_toggle(l);
	return R_PAINT | R_BARS;
}

int lijstpane_open(struct pane *p, struct app *a, struct lijst *l, pane_job_fn reload)
{
	p->job = reload; /* back from the hulpvraag: it may have left the list */
	p->work_waiting = 1;
	app_push(a, pane_hulpvraag_new(a, lijst_current_id(l)));
	return R_PAINT | R_BARS;
}

void lijstpane_wissel(struct app *a, struct lijst *l, const struct lijstpane_wissel *w, int n,
		      struct lijstpane_uitslag *u)
{
	memset(u, 0, sizeof *u);
	for (int i = 0; i < n; i++) {
		struct outcome o;
		if (hulpvraag_set_status(a->db, w[i].id, w[i].versie, w[i].naar, "", paths_datadir(), NULL, &o) ==
		    OUTCOME_SAVED) {
			u->done++;
			lijst_unmark(l, w[i].id);
		} else if (!u->failed++) {
			u->first = w[i].nummer;
			snprintf(u->why, sizeof u->why, "%s", o.err.msg);
		}
	}
}
