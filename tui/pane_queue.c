/* pane_queue.c — the werkvoorraad; see pane_queue.h.
 *
 * Left the status tree (db/queue.h: queue_tree), right a window of at most
 * WINDOW_MAX loaded rows of the chosen node, fetched a page at a time with
 * keyset pagination (queue_fetch): PgDn past the last loaded row fetches
 * the page after it, PgUp before the first the page before it, End the last
 * page.  The window drops rows on the far side so memory stays bounded.
 *
 * The cursor is a hulpvraag id, not a row number: a live reload (another
 * session committed a change → changed() → work()) refetches the window from
 * its first row's sort key and puts the cursor back on the same id at the
 * same screen line.  Marks are ids with the version the person saw; they
 * survive reloads, other nodes and filters until used or wiped.
 *
 * Handlers only change state and return reactions; all database work runs
 * in queue_work() after a paint.  No SQL here and no business rule: the
 * filter language is core/filter, counts, defaults and bulk rules are db/.
 */
#include "tui/pane_queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/filter.h"
#include "core/lijst.h"
#include "core/kort.h"
#include "core/naam.h"
#include "core/recht.h"
#include "core/werkdag.h"
#include "db/hulpvraag.h"
#include "db/queue.h"
#include "tui/dialog.h"
#include "tui/field.h"
#include "tui/outcome.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"

#define PAGE_ROWS 50     /* rows per fetch */
#define WINDOW_MAX 400   /* rows kept loaded */

enum work_flags {
	W_TREE = 1 << 0,
	W_ROWS = 1 << 1,
	W_CHOICES = 1 << 2,
	W_BULK = 1 << 3,
	W_SAVE = 1 << 4,
	W_DELETE = 1 << 5,
};

enum load { L_FIRST, L_NEXT, L_PREV, L_LAST, L_REFRESH };

/* What the dialog in front is for. */
enum dlg_tag {
	DT_FILTER = 1,
	DT_SAVE_NAME,
	DT_DELETE_CONFIRM,
	DT_BULK_MENU,
	DT_PICK,
	DT_REASON,
	DT_CONFIRM,
	DT_DETAILS,
	DT_SORT_PICK,
};

enum bulk_op { B_COORD, B_LABEL_ADD, B_LABEL_DEL, B_STATUS };
#define B_COUNT (B_STATUS + 1)

static const char *const bulk_names[] = {
	[B_COORD] = "Coördinator wijzigen",
	[B_LABEL_ADD] = "Label toevoegen",
	[B_LABEL_DEL] = "Label verwijderen",
	[B_STATUS] = "Status wijzigen",
};

/* A bulk change is a loop over the single action: the same rule decides. */
static const enum recht_actie bulk_recht[B_COUNT] = {
	[B_COORD] = RECHT_COORDINATOR_WIJZIGEN,
	[B_LABEL_ADD] = RECHT_LABEL_KOPPELEN,
	[B_LABEL_DEL] = RECHT_LABEL_KOPPELEN,
	[B_STATUS] = RECHT_STATUS_WIJZIGEN,
};

struct col {
	const char *head;
	enum queue_sort sort;
	struct lijst_kolom k; /* min, flex, prio: a higher prio is dropped first when narrow */
};

static const struct col cols[] = {
	/* the status is what people scan for: it goes after Nummer, Leerling
	 * and Datum (issue 13 §3), and its width follows what it holds (layout) */
	{ "Nummer", QS_NUMMER, { 6, 0, 0 } },
	{ "Datum", QS_DATUM, { 10, 0, 1 } },
	{ "Leerling", QS_LEERLING, { 14, 3, 0 } },
	{ "Wd", QS_WERKDAGEN, { 3, 0, 3 } },
	{ "School", QS_SCHOOL, { 10, 2, 4 } },
	{ "Type", QS_TYPE, { 10, 2, 5 } },
	{ "Status", QS_STATUS, { 12, 3, 2 } },
	{ "Coördinator", QS_COORDINATOR, { 10, 1, 6 } },
	{ "Labels", QS_LABELS, { 8, 1, 7 } },
};
#define NCOLS (int)(sizeof cols / sizeof cols[0])

struct qpane {
	struct pane base;
	char start_cat[64];

	/* the tree */
	struct queue_node *nodes;
	int nnodes, tsel, ttop;
	int open;                /* node whose rows are shown (-1 none) */
	int focus_tree;

	/* what is shown */
	struct queue_query q;
	char filter_text[512];
	long total;              /* the filtered list's total (queue_count; -1: not counted) */
	int64_t saved_counted_ms; /* when the saved filters were last counted */

	/* the window of loaded rows (struct queue_row), the cursor and the
	 * marks (struct queue_item: the version the person saw) */
	struct lijst list;
	int loaded;              /* a load succeeded */
	int want_delta;          /* cursor move to make after a page load */

	/* search in the loaded rows */
	int searching;
	struct field sfield;
	char search[FILTER_VALUE_MAX];
	int search_from;

	/* pending work */
	unsigned work;
	enum load load;
	int stale;               /* a change arrived: reload tree and rows */
	int stale_rows;          /* … to a hulpvraag in the window: the rows for sure */
	char save_name[128];
	long delete_id;

	/* bulk */
	enum bulk_op bulk;
	struct queue_item *items; /* what the bulk action applies to */
	int nitems;
	struct queue_choice *choices;
	int nchoices;
	struct queue_choice chosen;
	char *reden;
	struct queue_result *results;
	int nresults;
	int summary;             /* the message says "Enter voor details" */
};

static struct qpane *Q(struct pane *p)
{
	return (struct qpane *)p;
}

/* ---- helpers ------------------------------------------------------------ */

static void fmt_count(char *buf, size_t len, long v)
{
	char raw[32];
	int n, o = 0;

	n = snprintf(raw, sizeof raw, "%ld", v < 0 ? 0 : v);
	for (int i = 0; i < n && (size_t)o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = '.';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

static long row_id(const void *r)
{
	return ((const struct queue_row *)r)->id;
}

static void row_mark(const void *r, void *mark)
{
	const struct queue_row *row = r;
	struct queue_item *m = mark;

	m->version = row->version;
	m->nummer = row->nummer;
}

static const struct queue_row *current(const struct qpane *v)
{
	return lijst_current(&v->list);
}

/* The sort column in the header: ▲/▼, or ^/v without UTF-8. */
static const char *arrow(int desc)
{
	return MB_CUR_MAX > 1 ? (desc ? "▼" : "▲") : (desc ? "v" : "^");
}

/* A tree of one node (an aanvragende school sees "Alle" only) is not
 * drawn: the list gets the whole width and the keys skip the tree. */
static int tree_hidden(const struct qpane *v)
{
	return v->nnodes <= 1;
}

static const char *node_title(const struct qpane *v)
{
	return v->open >= 0 && v->open < v->nnodes ? v->nodes[v->open].label : "Werkvoorraad";
}

/* ---- positioning ---------------------------------------------------------- */

static int request(struct qpane *v, unsigned w, enum load l)
{
	v->work |= w;
	if (w & W_ROWS)
		v->load = l;
	return R_WORK | R_PAINT | R_BARS;
}

/* Moves the cursor by delta rows; loads a page when it runs off the
 * window and more rows exist there. */
static int move_cursor(struct qpane *v, int delta)
{
	struct lijst *l = &v->list;

	if (l->n == 0)
		return R_NONE;
	if ((delta > 0 && l->cur + delta >= l->n && l->more_after) || (delta < 0 && l->cur + delta < 0 && l->more_before)) {
		v->want_delta = delta;
		return request(v, W_ROWS, delta > 0 ? L_NEXT : L_PREV);
	}
	lijst_move(l, delta);
	return R_PAINT | R_BARS;
}

/* ---- opening a node --------------------------------------------------------- */

static int open_node(struct qpane *v, struct app *a, int i)
{
	const struct queue_node *n;
	struct err e;

	if (i < 0 || i >= v->nnodes)
		return R_NONE;
	n = &v->nodes[i];
	v->open = i;
	v->tsel = i;
	v->q.kind = n->kind == QN_SAVED ? QN_ALL : n->kind;
	snprintf(v->q.categorie, sizeof v->q.categorie, "%s", n->categorie);
	snprintf(v->q.status, sizeof v->q.status, "%s", n->status);
	if (n->kind == QN_SAVED) {
		err_clear(&e);
		if (filter_parse(n->filter, &v->q.filter, &e) < 0) {
			app_message(a, 1, "Bewaard filter klopt niet: %s", e.msg);
			memset(&v->q.filter, 0, sizeof v->q.filter);
			v->filter_text[0] = '\0';
		} else {
			snprintf(v->filter_text, sizeof v->filter_text, "%s", n->filter);
		}
		if (queue_sort_parse(n->sort, &v->q.sort, &v->q.desc) < 0) {
			v->q.sort = QS_DATUM;
			v->q.desc = 0;
		}
	}
	v->focus_tree = 0;
	v->list.cur = v->list.top = 0;
	app_progress(a, "Bezig met laden…");
	return request(v, W_ROWS, L_FIRST);
}

/* After the tree was (re)loaded: keep the open node and the tree cursor on
 * the same node by what it is, not by its place. */
static int same_node(const struct queue_node *x, const struct queue_node *y)
{
	return x->kind == y->kind && !strcmp(x->categorie, y->categorie) && !strcmp(x->status, y->status) &&
	       !strcmp(x->label, y->label);
}

static int find_node(const struct qpane *v, const struct queue_node *old)
{
	for (int i = 0; i < v->nnodes; i++)
		if (same_node(&v->nodes[i], old))
			return i;
	return -1;
}

/* ---- drawing ---------------------------------------------------------------- */

static int tree_width(int cols)
{
	int tw = cols / 4;

	return tw < 20 ? 20 : tw > 32 ? 32 : tw;
}

static void draw_tree(struct qpane *v, struct app *a, WINDOW *w, int tw, int rows)
{
	const struct screen *s = &a->scr;
	char num[32], label[280];

	if (v->tsel >= v->nnodes)
		v->tsel = v->nnodes - 1;
	if (v->tsel < 0)
		v->tsel = 0;
	if (v->tsel < v->ttop)
		v->ttop = v->tsel;
	if (v->tsel >= v->ttop + rows)
		v->ttop = v->tsel - rows + 1;
	if (!v->nnodes) {
		screen_put(w, 0, 1, tw - 2, "Bezig met laden…", s->attr[ST_DIM]);
		return;
	}
	for (int y = 0, i = v->ttop; y < rows && i < v->nnodes; y++, i++) {
		const struct queue_node *n = &v->nodes[i];
		attr_t at = s->attr[ST_NORMAL];
		int cw = 0;

		if (i == v->tsel && v->focus_tree)
			at = s->attr[ST_SEL];
		else if (i == v->open)
			at = s->attr[ST_HEAD];
		screen_put_pad(w, y, 0, tw, "", at);
		if (i == v->open)
			screen_put(w, y, 0, 1, v->focus_tree ? "›" : "▸", at);
		if (n->count >= 0) {
			fmt_count(num, sizeof num, n->count > QUEUE_COUNT_CAP ? QUEUE_COUNT_CAP : n->count);
			if (n->count > QUEUE_COUNT_CAP)
				strcat(num, "+");
			cw = screen_width(num);
			screen_put_right(w, y, tw - cw - 1, cw, num, at);
		}
		/* siblings that share a long beginning ("categorie 2 en 3 …")
		 * show the part that tells them apart (core/kort) */
		const char *peers[256];
		char kort[256];
		int np = 0, lw = tw - 2 - (cw ? cw + 1 : 0);
		int pre = (n->depth ? 2 : 0) + (n->kind == QN_SAVED ? 2 : 0);

		for (int j = 0; j < v->nnodes && np < 256; j++)
			if (v->nodes[j].kind == n->kind && !strcmp(v->nodes[j].categorie, n->categorie))
				peers[np++] = v->nodes[j].label;
		kort_onderscheid(n->label, peers, np, lw - pre, kort, sizeof kort);
		snprintf(label, sizeof label, "%s%s%s", n->depth ? "  " : "", n->kind == QN_SAVED ? "» " : "", kort);
		screen_put(w, y, 1, lw, label, at);
	}
}

/* The status as the list shows it: inside a category branch of the tree
 * without the category prefix ("TLV>afgegeven, school bekend" under TLV
 * reads "afgegeven, school bekend"). */
static const char *status_shown(const struct qpane *v, const struct queue_row *r)
{
	size_t n = strlen(v->q.categorie);

	if (v->q.kind == QN_CATEGORY && n > 0 && !strncmp(r->status, v->q.categorie, n) && r->status[n] == '>')
		return r->status + n + 1;
	return r->status;
}

/* What column i (of cols[]) shows for row r, into buf. */
static const char *col_text(const struct qpane *v, const struct queue_row *r, int i, char *buf, size_t len)
{
	switch (cols[i].sort) {
	case QS_NUMMER:
		snprintf(buf, len, "%ld", r->nummer);
		return buf;
	case QS_DATUM:
		return r->datum;
	case QS_LEERLING:
		return r->leerling;
	case QS_WERKDAGEN:
		snprintf(buf, len, "%ld", r->werkdagen);
		return buf;
	case QS_SCHOOL:
		return r->school;
	case QS_TYPE:
		return r->aanvraagtype;
	case QS_STATUS:
		return status_shown(v, r);
	case QS_COORDINATOR:
		return r->coordinator;
	default:
		return r->labels;
	}
}

/* Which columns fit in width, and how wide each is. */
/* Column widths for width: the status column is left out within one
 * status; narrow terminals drop the columns of highest prio first. */
static void layout(const struct qpane *v, int width, int *cw)
{
	struct lijst_kolom k[NCOLS];
	int show[NCOLS];

	for (int i = 0; i < NCOLS; i++) {
		k[i] = cols[i].k;
		show[i] = !(cols[i].sort == QS_STATUS && v->q.kind == QN_STATUS);
		if (cols[i].sort == QS_STATUS) {
			/* as wide as the longest status shown (prefix dropped in a
			 * category), up to 30% of the list (so at 100 columns the
			 * school still fits beside it) */
			int want = 0;

			for (int r = 0; r < v->list.n; r++) {
				int sw = screen_width(status_shown(v, lijst_row(&v->list, r)));
				want = sw > want ? sw : want;
			}
			if (want > width * 3 / 10)
				want = width * 3 / 10;
			if (want > k[i].min)
				k[i].min = want;
		}
		/* the sorted column is never dropped, and never cut where the
		 * window has the room: as wide as its widest value shown, up
		 * to 30% of the list (as the status) */
		if (cols[i].sort == v->q.sort) {
			int want = 0;
			char t[200];

			k[i].prio = 0;
			for (int r = 0; r < v->list.n; r++) {
				int tw = screen_width(col_text(v, lijst_row(&v->list, r), i, t, sizeof t));
				want = tw > want ? tw : want;
			}
			if (want > width * 3 / 10)
				want = width * 3 / 10;
			if (want > k[i].min)
				k[i].min = want;
		}
	}
	lijst_layout(k, NCOLS, show, width, 1, 2, 2, cw);
}

static int row_matches(const void *row, const void *arg)
{
	const struct queue_row *r = row;
	const char *folded = arg;
	char hay[1024], f[1200], num[24];

	if (!*folded)
		return 0;
	snprintf(num, sizeof num, "%ld", r->nummer);
	snprintf(hay, sizeof hay, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", num, r->leerling, r->school, r->brin,
		 r->aanvraagtype, r->coordinator, r->labels, r->status);
	naam_fold(f, sizeof f, hay);
	return strstr(f, folded) != NULL;
}

static void cell(WINDOW *w, int y, int *x, int width, const char *text, attr_t at, int right)
{
	if (width <= 0)
		return;
	if (right)
		screen_put_right(w, y, *x, width, text, at);
	else
		screen_put(w, y, *x, width, text, at);
	*x += width + 1;
}

static void draw_list(struct qpane *v, struct app *a, WINDOW *w, int x0, int width, int rows)
{
	const struct screen *s = &a->scr;
	int cw[NCOLS], x;
	char buf[640], num[32];
	char folded[FILTER_VALUE_MAX * 2];

	/* line 0: the node, or the filter that narrows it */
	if (v->filter_text[0]) {
		/* the filtered list's total, counted up to QUEUE_COUNT_CAP */
		if (v->total > QUEUE_COUNT_CAP) {
			fmt_count(num, sizeof num, QUEUE_COUNT_CAP);
			snprintf(buf, sizeof buf, "Filter: %s — meer dan %s hulpvragen — Esc wist", v->filter_text, num);
		} else if (v->total >= 0) {
			fmt_count(num, sizeof num, v->total);
			snprintf(buf, sizeof buf, "Filter: %s — %s %s — Esc wist", v->filter_text, num,
				 v->total == 1 ? "hulpvraag" : "hulpvragen");
		} else {
			snprintf(buf, sizeof buf, "Filter: %s — Esc wist", v->filter_text);
		}
		screen_put_pad(w, 0, x0, width, buf, s->attr[ST_HEAD]);
	} else {
		long cnt = v->open >= 0 && v->open < v->nnodes ? v->nodes[v->open].count : -1;

		/* the school's own list, without a tree: "Mijn aanvragen"; the
		 * regierolhouder's: "Mijn hulpvragen" (003 §4 stap 1) */
		const char *title = !tree_hidden(v) || a->session.internal ? node_title(v)
				    : a->session.roles & FLOW_ROLE_BIT(FLOW_ROLE_REGIEROLHOUDER) ? "Mijn hulpvragen"
				    : "Mijn aanvragen";

		if (cnt >= 0) {
			fmt_count(num, sizeof num, cnt);
			snprintf(buf, sizeof buf, "%s — %s %s", title, num, cnt == 1 ? "hulpvraag" : "hulpvragen");
		} else {
			snprintf(buf, sizeof buf, "%s", title);
		}
		screen_put(w, 0, x0, width, buf, s->attr[ST_HEAD]);
	}
	/* line 1: the header, the sort column with its arrow */
	layout(v, width, cw);
	x = x0 + 2;
	for (int i = 0; i < NCOLS; i++) {
		if (!cw[i])
			continue;
		if (cols[i].sort == v->q.sort)
			snprintf(buf, sizeof buf, "%s%s", cols[i].head, arrow(v->q.desc));
		else
			snprintf(buf, sizeof buf, "%s", cols[i].head);
		cell(w, 1, &x, cw[i], buf, s->attr[ST_HEAD] | A_UNDERLINE, i == 3);
	}
	lijst_set_view(&v->list, rows - 3);
	if (!v->loaded) {
		screen_put(w, 3, x0 + 2, width - 2, "Bezig met laden…", s->attr[ST_DIM]);
	} else if (v->list.n == 0) {
		screen_put(w, 3, x0 + 2, width - 2,
			   v->filter_text[0] ? "Geen hulpvragen die aan het filter voldoen." : "Geen hulpvragen.",
			   s->attr[ST_DIM]);
	}
	naam_fold(folded, sizeof folded, v->search);
	/* the statuses and types of the loaded rows: peers for core/kort, so a
	 * cut column still tells "…school bekend" from "…school onbekend" */
	const char *st_peers[WINDOW_MAX], *ty_peers[WINDOW_MAX];
	int npeers = 0;
	char st_kort[FLOW_NAME_BUF + 8], ty_kort[FLOW_NAME_BUF + 8];

	for (int i = 0; i < v->list.n && npeers < WINDOW_MAX; i++, npeers++) {
		st_peers[npeers] = status_shown(v, lijst_row(&v->list, i));
		ty_peers[npeers] = ((const struct queue_row *)lijst_row(&v->list, i))->aanvraagtype;
	}
	for (int y = 0, i = v->list.top; y < v->list.view && i < v->list.n; y++, i++) {
		const struct queue_row *r = lijst_row(&v->list, i);
		int sel = i == v->list.cur && !v->focus_tree;
		attr_t at = s->attr[sel ? ST_SEL : ST_NORMAL];
		int marked = lijst_marked(&v->list, r->id);

		if (!sel && v->search[0] && row_matches(r, folded))
			at |= A_BOLD | A_UNDERLINE; /* a hit of the search */
		screen_put_pad(w, 2 + y, x0, width, "", at);
		/* marked: '*'; late: '!' — letters, never colour alone */
		snprintf(buf, sizeof buf, "%s%s", marked ? "*" : " ", r->telaat ? "!" : " ");
		screen_put(w, 2 + y, x0, 2, buf, at | (r->telaat && !sel ? s->attr[ST_ERROR] : 0));
		x = x0 + 2;
		snprintf(num, sizeof num, "%ld", r->nummer);
		cell(w, 2 + y, &x, cw[0], num, at, 1);
		cell(w, 2 + y, &x, cw[1], r->datum, at, 0);
		cell(w, 2 + y, &x, cw[2], r->leerling, at, 0);
		snprintf(num, sizeof num, "%ld", r->werkdagen);
		cell(w, 2 + y, &x, cw[3], num, at, 1);
		cell(w, 2 + y, &x, cw[4], r->school, at, 0);
		cell(w, 2 + y, &x, cw[5], kort_onderscheid(r->aanvraagtype, ty_peers, npeers, cw[5], ty_kort, sizeof ty_kort),
		     at, 0);
		cell(w, 2 + y, &x, cw[6],
		     kort_onderscheid(status_shown(v, r), st_peers, npeers, cw[6], st_kort, sizeof st_kort), at, 0);
		cell(w, 2 + y, &x, cw[7], r->coordinator, at, 0);
		cell(w, 2 + y, &x, cw[8], r->labels, at, 0);
	}
	/* the last line: marks, position, sort; the search prompt */
	if (v->searching) {
		screen_put(w, rows - 1, x0, 7, "Zoeken:", s->attr[ST_HEAD]);
		int cx = field_draw(&v->sfield, w, rows - 1, x0 + 8, width - 8, s->attr[ST_FIELD]);

		app_cursor(a, rows - 1, cx);
	} else {
		int o = 0;

		if (v->list.nmarks)
			o += snprintf(buf + o, sizeof buf - (size_t)o, "%d gemarkeerd · ", v->list.nmarks);
		if (v->list.n)
			o += snprintf(buf + o, sizeof buf - (size_t)o, "rij %d%s · ", v->list.cur + 1,
				      v->list.more_before ? " (verder in de lijst)" : "");
		snprintf(buf + o, sizeof buf - (size_t)o, "sortering: %s %s%s%s", queue_sort_name(v->q.sort),
			 arrow(v->q.desc), v->search[0] ? " · zoek: " : "", v->search);
		screen_put(w, rows - 1, x0, width, buf, s->attr[ST_DIM]);
	}
}

static void queue_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct qpane *v = Q(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w), tw = tree_width(cols);

	if (tree_hidden(v) && v->loaded) {
		v->focus_tree = 0;
		draw_list(v, a, w, 0, cols, rows);
		return;
	}
	draw_tree(v, a, w, tw, rows);
	for (int y = 0; y < rows; y++)
		screen_put(w, y, tw, 1, MB_CUR_MAX > 1 ? "│" : "|", s->attr[ST_DIM]);
	draw_list(v, a, w, tw + 1, cols - tw - 1, rows);
}

/* ---- dialogs ------------------------------------------------------------------ */

static int open_choices(struct qpane *v)
{
	struct dialog_item *items;
	int n = v->nchoices + (v->bulk == B_COORD);
	char prompt[256];

	items = calloc(n ? (size_t)n : 1, sizeof *items);
	if (!items)
		return -1;
	for (int i = 0, o = 0; i < n; i++) {
		if (v->bulk == B_COORD && i == 0) {
			snprintf(items[o].label, sizeof items[o].label, "(geen coördinator)");
			items[o++].id = 0;
			continue;
		}
		const struct queue_choice *c = &v->choices[i - (v->bulk == B_COORD)];

		snprintf(items[o].label, sizeof items[o].label, "%s", c->naam);
		items[o].id = c->id;
		items[o++].ref = i - (v->bulk == B_COORD);
	}
	snprintf(prompt, sizeof prompt, "%s voor %d %s; typ om te zoeken:", bulk_names[v->bulk], v->nitems,
		 v->nitems == 1 ? "hulpvraag" : "hulpvragen");
	dialog_open_pick(&v->base.dlg, DT_PICK, bulk_names[v->bulk], prompt, items, n);
	free(items);
	return 0;
}

static void open_confirm(struct qpane *v)
{
	char prompt[600];
	const char *what = v->bulk == B_COORD   ? "De coördinator"
			   : v->bulk == B_STATUS ? "De status"
						 : "Het label";

	if (v->bulk == B_LABEL_ADD || v->bulk == B_LABEL_DEL)
		snprintf(prompt, sizeof prompt, "Label '%s' %s bij %d %s?", v->chosen.naam,
			 v->bulk == B_LABEL_ADD ? "toevoegen" : "verwijderen", v->nitems,
			 v->nitems == 1 ? "hulpvraag" : "hulpvragen");
	else
		snprintf(prompt, sizeof prompt, "%s van %d %s wordt '%s'. Elke hulpvraag wordt apart bewaard; "
						"wat iemand anders intussen wijzigde, blijft staan.",
			 what, v->nitems, v->nitems == 1 ? "hulpvraag" : "hulpvragen", v->chosen.naam);
	dialog_open_confirm(&v->base.dlg, DT_CONFIRM, bulk_names[v->bulk], prompt, "Uitvoeren");
}

static void open_details(struct qpane *v)
{
	struct dialog_item *items;
	int n = 0;

	items = calloc(v->nresults ? (size_t)v->nresults : 1, sizeof *items);
	if (!items)
		return;
	for (int i = 0; i < v->nresults; i++) {
		if (v->results[i].o.kind == OUTCOME_SAVED)
			continue;
		snprintf(items[n].label, sizeof items[n].label, "%ld", v->results[i].nummer);
		snprintf(items[n].extra, sizeof items[n].extra, "%.250s", v->results[i].o.err.msg);
		items[n++].id = v->results[i].id;
	}
	dialog_open_pick(&v->base.dlg, DT_DETAILS, "Niet bijgewerkt",
			 "Deze hulpvragen zijn niet gewijzigd; de markering staat er nog op. Esc sluit.", items, n);
	free(items);
}

/* What the bulk action works on: the marked rows, else the current one. */
static int take_items(struct qpane *v)
{
	free(v->items);
	v->items = NULL;
	v->nitems = 0;
	if (v->list.nmarks) {
		v->items = malloc((size_t)v->list.nmarks * sizeof *v->items);
		if (!v->items)
			return -1;
		memcpy(v->items, v->list.marks, (size_t)v->list.nmarks * sizeof *v->items);
		v->nitems = v->list.nmarks;
		return 0;
	}
	if (!current(v))
		return -1;
	v->items = malloc(sizeof *v->items);
	if (!v->items)
		return -1;
	v->items[0].id = current(v)->id;
	row_mark(current(v), &v->items[0]);
	v->nitems = 1;
	return 0;
}

static int queue_dialog_ok(struct pane *p, struct app *a)
{
	struct qpane *v = Q(p);
	const struct dialog_item *it;
	char *text;
	struct err e;
	struct filter f;

	switch (v->base.dlg.tag) {
	case DT_FILTER:
		text = dialog_text(&v->base.dlg);
		if (!text)
			return R_PAINT;
		err_clear(&e);
		if (filter_parse(text, &f, &e) < 0) {
			dialog_note(&v->base.dlg, "%s", e.msg);
			free(text);
			return R_PAINT;
		}
		v->q.filter = f;
		filter_format(&f, v->filter_text, sizeof v->filter_text);
		free(text);
		dialog_close(&v->base.dlg);
		v->list.cur = v->list.top = 0;
		return request(v, W_ROWS, L_FIRST);
	case DT_SAVE_NAME:
		text = dialog_text(&v->base.dlg);
		if (!text)
			return R_PAINT;
		if (!*text) {
			dialog_note(&v->base.dlg, "Geef het filter een naam");
			free(text);
			return R_PAINT;
		}
		snprintf(v->save_name, sizeof v->save_name, "%s", text);
		free(text);
		dialog_close(&v->base.dlg);
		return request(v, W_SAVE, v->load);
	case DT_DELETE_CONFIRM:
		dialog_close(&v->base.dlg);
		return request(v, W_DELETE, v->load);
	case DT_BULK_MENU:
		it = dialog_selected(&v->base.dlg);
		if (!it)
			return R_PAINT;
		v->bulk = (enum bulk_op)it->id;
		dialog_close(&v->base.dlg);
		return request(v, W_CHOICES, v->load);
	case DT_PICK:
		it = dialog_selected(&v->base.dlg);
		if (!it)
			return R_PAINT;
		v->chosen.id = it->id;
		snprintf(v->chosen.naam, sizeof v->chosen.naam, "%.120s", it->label);
		if (v->bulk == B_STATUS) {
			dialog_open_text(&v->base.dlg, DT_REASON, "Reden",
					 "Reden van de statuswijziging (gaat mee in de mail aan de aanvrager; "
					 "leeg mag als de flow geen reden vraagt). F2 of Ctrl-D gaat verder.",
					 "");
			return R_PAINT | R_BARS;
		}
		open_confirm(v);
		return R_PAINT | R_BARS;
	case DT_REASON:
		free(v->reden);
		v->reden = dialog_text(&v->base.dlg);
		open_confirm(v);
		return R_PAINT | R_BARS;
	case DT_CONFIRM:
		dialog_close(&v->base.dlg);
		app_message(a, 0, "Bezig met %d %s…", v->nitems, v->nitems == 1 ? "hulpvraag" : "hulpvragen");
		return request(v, W_BULK, v->load);
	case DT_DETAILS:
		dialog_close(&v->base.dlg);
		return R_PAINT | R_BARS;
	case DT_SORT_PICK:
		it = dialog_selected(&v->base.dlg);
		if (it) {
			/* the same column again turns the order round (as htop) */
			v->q.desc = (enum queue_sort)it->id == v->q.sort ? !v->q.desc : 0;
			v->q.sort = (enum queue_sort)it->id;
		}
		dialog_close(&v->base.dlg);
		v->list.cur = v->list.top = 0;
		return request(v, W_ROWS, L_FIRST);
	default:
		dialog_close(&v->base.dlg);
		return R_PAINT | R_BARS;
	}
}

/* ---- keys and actions ----------------------------------------------------------- */

static void search_update(struct qpane *v, struct app *a, int dir, int from)
{
	char folded[FILTER_VALUE_MAX * 2];

	naam_fold(folded, sizeof folded, v->search);
	if (!folded[0] || v->list.n == 0)
		return;
	app_list_search(a, &v->list, from, dir, row_matches, folded, "de geladen rijen", v->search);
}

static int queue_key(struct pane *p, struct app *a, int key)
{
	struct qpane *v = Q(p);

	if (v->searching) {
		if (key == TK_ENTER) {
			v->searching = 0;
			return R_PAINT | R_BARS;
		}
		if (key == TK_ESC) {
			v->searching = 0;
			v->search[0] = '\0';
			v->list.cur = v->search_from;
			lijst_clamp(&v->list);
			return R_PAINT | R_BARS;
		}
		if (field_key(&v->sfield, key)) {
			field_utf8(&v->sfield, v->search, sizeof v->search);
			v->list.cur = v->search_from;
			search_update(v, a, 1, v->search_from);
		}
		return R_PAINT | R_BARS; /* everything is typed while searching */
	}
	return R_NONE;
}

static enum action_ctx queue_context(const struct pane *p)
{
	const struct qpane *v = (const struct qpane *)p;

	return v->searching ? CTX_DIALOG : CTX_QUEUE;
}

static int tree_action(struct qpane *v, struct app *a, enum action_id id)
{
	switch (id) {
	case ACT_UP:
		v->tsel = v->tsel > 0 ? v->tsel - 1 : 0;
		return R_PAINT;
	case ACT_DOWN:
		v->tsel = v->tsel + 1 < v->nnodes ? v->tsel + 1 : v->tsel;
		return R_PAINT;
	case ACT_PAGE_UP:
		v->tsel = v->tsel > 10 ? v->tsel - 10 : 0;
		return R_PAINT;
	case ACT_PAGE_DOWN:
		v->tsel = v->tsel + 10 < v->nnodes ? v->tsel + 10 : v->nnodes - 1;
		return R_PAINT;
	case ACT_TOP:
		v->tsel = 0;
		return R_PAINT;
	case ACT_BOTTOM:
		v->tsel = v->nnodes - 1;
		return R_PAINT;
	case ACT_Q_OPEN:
		return open_node(v, a, v->tsel) | R_BARS;
	case ACT_Q_BACK:
		app_pop(a); /* the tree is the outer level: back to the overzicht */
		return R_PAINT | R_BARS;
	default:
		return R_NONE;
	}
}

/* Before the table: the summary of a bulk change (Enter shows its
 * details), and the status tree when it has the focus. */
static int queue_action(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	if (v->summary) {
		v->summary = 0;
		if (id == ACT_Q_OPEN) {
			open_details(v);
			return R_PAINT | R_BARS;
		}
	}
	return v->focus_tree ? tree_action(v, a, id) : R_NONE;
}

static int q_focus(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	if (tree_hidden(v))
		return R_NONE;
	v->focus_tree = !v->focus_tree;
	if (v->focus_tree && v->open >= 0)
		v->tsel = v->open;
	return R_PAINT | R_BARS;
}

static int q_reload(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	app_progress(a, "Bezig met laden…");
	return request(v, W_TREE | W_ROWS, v->loaded ? L_REFRESH : L_FIRST);
}

static int q_filter(struct pane *p, struct app *a, enum action_id id)
{
	dialog_open_line(&p->dlg, DT_FILTER, "Filter",
			 "Woorden (naam, nummer, school, BRIN) moeten allemaal passen; veld:waarde voor een kolom "
			 "(school, label, coördinator, type, status, nummer, werkdagen:>10, telaat:ja); "
			 "!woord sluit uit. Leeg = geen filter.",
			 Q(p)->filter_text, 0);
	return R_PAINT | R_BARS;
}

static int q_filter_save(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	dialog_open_line(&p->dlg, DT_SAVE_NAME, "Filter bewaren",
			 "Naam in de statusboom (filter en sortering worden bewaard):",
			 v->open >= 0 && v->open < v->nnodes && v->nodes[v->open].kind == QN_SAVED ? v->nodes[v->open].label
												: "",
			 0);
	return R_PAINT | R_BARS;
}

static int q_filter_delete(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);
	const struct queue_node *n = v->focus_tree ? &v->nodes[v->tsel] : v->open >= 0 ? &v->nodes[v->open] : NULL;
	char prompt[300];

	if (!n || v->nnodes == 0 || n->kind != QN_SAVED || n->filter_id <= 0) {
		app_message(a, 1, "Kies eerst een bewaard filter van jezelf in de statusboom");
		return R_BARS;
	}
	v->delete_id = n->filter_id;
	snprintf(prompt, sizeof prompt, "Bewaard filter '%s' verwijderen?", n->label);
	dialog_open_confirm(&p->dlg, DT_DELETE_CONFIRM, "Filter verwijderen", prompt, "Verwijderen");
	return R_PAINT | R_BARS;
}

/* The cursor in the list; Home/End fetch the first or last page when the
 * window does not hold it. */
static int q_move(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	switch (id) {
	case ACT_UP:
		return move_cursor(v, -1);
	case ACT_DOWN:
		return move_cursor(v, 1);
	case ACT_PAGE_UP:
		return move_cursor(v, -v->list.view);
	case ACT_PAGE_DOWN:
		return move_cursor(v, v->list.view);
	case ACT_TOP:
		if (lijst_nav(&v->list, LIJST_TOP) < 0)
			return request(v, W_ROWS, L_FIRST);
		return R_PAINT | R_BARS;
	default: /* ACT_BOTTOM */
		if (lijst_nav(&v->list, LIJST_BOTTOM) > 0)
			return request(v, W_ROWS, L_LAST);
		return R_PAINT | R_BARS;
	}
}

static int q_open(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	if (!current(v))
		return R_NONE;
	app_push(a, pane_hulpvraag_new(a, current(v)->id));
	return R_PAINT | R_BARS | R_WORK;
}

/* Esc: the filter goes first, then the search, then to the tree. */
static int q_back(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	if (v->filter_text[0]) {
		memset(&v->q.filter, 0, sizeof v->q.filter);
		v->filter_text[0] = '\0';
		v->list.cur = v->list.top = 0;
		/* a saved filter wiped shows Alle (its query already is): the
		 * header no longer names a filter that no longer applies */
		if (v->open >= 0 && v->open < v->nnodes && v->nodes[v->open].kind == QN_SAVED)
			for (int i = 0; i < v->nnodes; i++)
				if (v->nodes[i].kind == QN_ALL) {
					v->open = v->tsel = i;
					break;
				}
		return request(v, W_ROWS, L_FIRST);
	}
	if (v->search[0]) {
		v->search[0] = '\0';
		return R_PAINT | R_BARS;
	}
	if (tree_hidden(v)) {
		app_pop(a); /* no tree to go to: back to the overzicht */
		return R_PAINT | R_BARS;
	}
	v->focus_tree = 1;
	v->tsel = v->open >= 0 ? v->open : 0;
	return R_PAINT | R_BARS;
}

static int q_search(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);

	v->searching = 1;
	v->search_from = v->list.cur;
	field_set(&v->sfield, "");
	v->search[0] = '\0';
	return R_PAINT | R_BARS;
}

static int q_hit(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);
	int dir = id == ACT_Q_HIT_NEXT ? 1 : -1;

	if (!v->search[0]) {
		app_message(a, 1, "Zoek eerst met /");
		return R_BARS;
	}
	search_update(v, a, dir, v->list.cur + dir);
	return R_PAINT | R_BARS;
}

/* s: the next column (not status within one status); S: reversed. */
static int q_sort(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);
	int at = 0;

	if (id == ACT_Q_SORT_REVERSE) {
		v->q.desc = !v->q.desc;
	} else {
		for (int i = 0; i < NCOLS; i++)
			if (cols[i].sort == v->q.sort)
				at = i;
		do
			at = (at + 1) % NCOLS;
		while (cols[at].sort == QS_STATUS && v->q.kind == QN_STATUS);
		v->q.sort = cols[at].sort;
		v->q.desc = 0;
	}
	v->list.cur = v->list.top = 0;
	return request(v, W_ROWS, L_FIRST);
}

/* Pick the sort column directly (htop's F6): a list of the columns, the
 * current one marked with its arrow. */
static int q_sort_pick(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);
	struct dialog_item items[NCOLS];
	int n = 0, cur = 0;

	for (int i = 0; i < NCOLS; i++) {
		if (cols[i].sort == QS_STATUS && v->q.kind == QN_STATUS)
			continue;
		memset(&items[n], 0, sizeof items[n]);
		snprintf(items[n].label, sizeof items[n].label, "%s", cols[i].head);
		if (cols[i].sort == v->q.sort) {
			snprintf(items[n].extra, sizeof items[n].extra, "nu %s (nog eens: omkeren)", arrow(v->q.desc));
			cur = n;
		}
		items[n++].id = cols[i].sort;
	}
	dialog_open_pick(&p->dlg, DT_SORT_PICK, "Sorteren op", "Kies de kolom (Enter):", items, n);
	p->dlg.sel = cur;
	return R_PAINT | R_BARS;
}

/* Space marks (or unmarks) and steps on, so a run of Spaces marks a run. */
static int q_mark(struct pane *p, struct app *a, enum action_id id)
{
	struct lijst *l = &Q(p)->list;

	if (l->n == 0)
		return R_NONE;
	if (lijst_toggle(l) < 0)
		app_message(a, 1, "Onvoldoende geheugen voor meer markeringen");
	lijst_move(l, 1);
	return R_PAINT | R_BARS;
}

/* a: marks every loaded row, or unmarks them when all were marked. */
static int q_mark_all(struct pane *p, struct app *a, enum action_id id)
{
	if (lijst_mark_all(&Q(p)->list) < 0)
		app_message(a, 1, "Onvoldoende geheugen voor meer markeringen");
	return R_PAINT | R_BARS;
}

static int q_unmark(struct pane *p, struct app *a, enum action_id id)
{
	lijst_unmark_all(&Q(p)->list);
	return R_PAINT | R_BARS;
}

/* The bulk menu offers only what the role may do one by one (core/recht). */
static int q_bulk(struct pane *p, struct app *a, enum action_id id)
{
	struct qpane *v = Q(p);
	struct dialog_item items[B_COUNT];
	char prompt[160];
	int n = 0;

	if (take_items(v) < 0) {
		app_message(a, 1, "Geen hulpvraag gekozen");
		return R_BARS;
	}
	memset(items, 0, sizeof items);
	for (int i = 0; i < B_COUNT; i++) {
		if (!recht_mag(a->session.roles, bulk_recht[i]))
			continue;
		snprintf(items[n].label, sizeof items[n].label, "%s", bulk_names[i]);
		items[n++].id = i;
	}
	snprintf(prompt, sizeof prompt, "Wat wijzig je bij %d %s%s?", v->nitems, v->nitems == 1 ? "hulpvraag" : "hulpvragen",
		 v->list.nmarks ? " (gemarkeerd)" : "");
	dialog_open_pick(&p->dlg, DT_BULK_MENU, "Bulkactie", prompt, items, n);
	return R_PAINT | R_BARS;
}

static const struct pane_action queue_actions[] = {
	{ ACT_Q_FOCUS, q_focus, 0 },
	{ ACT_RELOAD, q_reload, 0 },
	{ ACT_Q_FILTER, q_filter, 0 },
	{ ACT_Q_FILTER_SAVE, q_filter_save, 0 },
	{ ACT_Q_FILTER_DELETE, q_filter_delete, 0 },
	{ ACT_Q_OPEN, q_open, 0 },
	{ ACT_Q_BACK, q_back, 0 },
	{ ACT_Q_SEARCH, q_search, 0 },
	{ ACT_Q_HIT_NEXT, q_hit, 0 },
	{ ACT_Q_HIT_PREV, q_hit, 0 },
	{ ACT_Q_SORT, q_sort, 0 },
	{ ACT_Q_SORT_PICK, q_sort_pick, 0 },
	{ ACT_Q_SORT_REVERSE, q_sort, 0 },
	{ ACT_Q_MARK, q_mark, 0 },
	{ ACT_Q_MARK_ALL, q_mark_all, 0 },
	{ ACT_Q_UNMARK, q_unmark, 0 },
	{ ACT_Q_BULK, q_bulk, 0 },
};

/* ---- work --------------------------------------------------------------------- */

static void fill_query(struct qpane *v, struct app *a)
{
	v->q.organisatie_id = a->session.organisatie_id;
	v->q.account_id = a->session.account_id;
	v->q.today = datum_today(time(NULL));
	v->q.kalender = &a->kal;
}

/* The saved filters' counts in the tree (issue 13 §2), each a bounded
 * count (queue_count).  A live update reloads the tree on every change in
 * the organisatie; the filters are counted again at most every
 * SAVED_RECOUNT_MS (till then the last counts stay; a new one at once), so 20 open
 * werkvoorraden do not each scan per change.  A count that fails leaves
 * the node without one. */
#define SAVED_RECOUNT_MS 30000
static void count_saved(struct qpane *v, struct app *a, struct queue_node *nodes, int n)
{
	int64_t now = app_now_ms();
	int fresh = v->saved_counted_ms && now - v->saved_counted_ms < SAVED_RECOUNT_MS;
	struct queue_query q;
	struct err e;

	fill_query(v, a);
	q = v->q;
	q.kind = QN_ALL; /* a saved filter applies to Alle (open_node) */
	for (int i = 0; i < n; i++) {
		if (nodes[i].kind != QN_SAVED)
			continue;
		nodes[i].count = -1;
		for (int j = 0; fresh && j < v->nnodes; j++)
			if (v->nodes[j].kind == QN_SAVED && !strcmp(v->nodes[j].label, nodes[i].label) &&
			    !strcmp(v->nodes[j].filter, nodes[i].filter))
				nodes[i].count = v->nodes[j].count;
		err_clear(&e);
		/* a filter saved just now has no count yet: counted at once */
		if ((fresh && nodes[i].count >= 0) || filter_parse(nodes[i].filter, &q.filter, &e) < 0)
			continue;
		if (queue_count(a->db, &q, QUEUE_COUNT_CAP, &nodes[i].count, &e) < 0)
			nodes[i].count = -1;
	}
	if (!fresh)
		v->saved_counted_ms = now;
}

static int load_tree(struct qpane *v, struct app *a, struct err *e)
{
	struct queue_node *nodes = NULL, old_open, old_sel;
	int n = 0, had = v->nnodes > 0;

	if (had) {
		old_open = v->nodes[v->open >= 0 ? v->open : 0];
		old_sel = v->nodes[v->tsel];
	}
	if (queue_tree(a->db, a->session.organisatie_id, a->session.roles, &nodes, &n, e) < 0)
		return -1;
	count_saved(v, a, nodes, n);
	free(v->nodes);
	v->nodes = nodes;
	v->nnodes = n;
	if (had) {
		int o = find_node(v, &old_open), s = find_node(v, &old_sel);

		v->open = v->open >= 0 ? o : -1;
		v->tsel = s >= 0 ? s : o >= 0 ? o : 0;
	}
	return 0;
}

/* Fetches rows for v->load and merges them into the window. */
/* Fetches what v->load asks and merges it into the window (core/lijst):
 * the first or last page, the page after or before, or the same window
 * again with the cursor on the same hulpvraag at the same screen line. */
static int load_rows(struct qpane *v, struct app *a, struct err *e)
{
	struct lijst *l = &v->list;
	const struct queue_row *first = lijst_row(l, 0), *last = lijst_row(l, l->n - 1);
	struct queue_row *got = NULL;
	int n = 0, more = 0, limit = l->n > PAGE_ROWS ? l->n : PAGE_ROWS;

	fill_query(v, a);
	switch (v->load) {
	case L_FIRST:
	case L_LAST:
		if (queue_fetch(a->db, &v->q, v->load == L_FIRST ? QUEUE_FIRST : QUEUE_LAST, NULL, PAGE_ROWS, &got, &n,
				&more, e) < 0)
			return -1;
		lijst_set(l, got, n, v->load == L_LAST && more, v->load == L_FIRST && more, 0);
		if (v->load == L_LAST)
			lijst_nav(l, LIJST_BOTTOM);
		break;
	case L_NEXT:
	case L_PREV:
		if (!first)
			return 0;
		if (queue_fetch(a->db, &v->q, v->load == L_NEXT ? QUEUE_AFTER : QUEUE_BEFORE, v->load == L_NEXT ? last : first,
				PAGE_ROWS, &got, &n, &more, e) < 0)
			return -1;
		if ((v->load == L_NEXT ? lijst_append(l, got, n, more) : lijst_prepend(l, got, n, more)) < 0)
			return err_set(e, "geen geheugen");
		lijst_move(l, v->want_delta);
		break;
	case L_REFRESH:
		if (queue_fetch(a->db, &v->q, l->more_before && first ? QUEUE_FROM : QUEUE_FIRST, first, limit, &got, &n,
				&more, e) < 0)
			return -1;
		lijst_set(l, got, n, l->more_before, more, lijst_current_id(l));
		break;
	}
	/* a filtered list shows its total: counted with the first page and
	 * with every reload in place (not for the pages after) */
	if (v->load == L_FIRST || v->load == L_LAST || v->load == L_REFRESH) {
		if (!v->filter_text[0] || queue_count(a->db, &v->q, QUEUE_COUNT_CAP, &v->total, e) < 0)
			v->total = -1;
		err_clear(e);
	}
	v->want_delta = 0;
	/* what is on screen is what the person saw: marks take its version */
	lijst_marks_refresh(l);
	v->loaded = 1;
	return 0;
}

static int load_choices(struct qpane *v, struct app *a, struct err *e)
{
	free(v->choices);
	v->choices = NULL;
	v->nchoices = 0;
	switch (v->bulk) {
	case B_COORD:
		return queue_coordinators(a->db, a->session.organisatie_id, &v->choices, &v->nchoices, e);
	case B_LABEL_ADD:
	case B_LABEL_DEL:
		return queue_labels(a->db, a->session.organisatie_id, &v->choices, &v->nchoices, e);
	case B_STATUS:
		return queue_status_targets(a->db, a->session.organisatie_id, v->items, v->nitems, &v->choices,
					    &v->nchoices, e);
	}
	return 0;
}

static int run_bulk(struct qpane *v, struct app *a, struct err *e)
{
	static const enum queue_bulk_op ops[] = {
		[B_COORD] = QUEUE_BULK_COORDINATOR,
		[B_LABEL_ADD] = QUEUE_BULK_LABEL_ADD,
		[B_LABEL_DEL] = QUEUE_BULK_LABEL_REMOVE,
		[B_STATUS] = QUEUE_BULK_STATUS,
	};
	struct queue_bulk_args arg = { v->chosen.id, v->chosen.naam, v->reden ? v->reden : "", paths_datadir() };
	int count[OUTCOME_KINDS] = { 0 };
	int ok, failed;
	char line[300];

	free(v->results);
	v->results = calloc((size_t)v->nitems, sizeof *v->results);
	v->nresults = 0;
	if (!v->results)
		return err_set(e, "geen geheugen");
	/* one transaction per hulpvraag, by the hulpvraag module's own functions */
	ok = queue_bulk(a->db, a->session.organisatie_id, ops[v->bulk], &arg, v->items, v->nitems, v->results, e);
	if (ok < 0)
		return -1;
	v->nresults = v->nitems;
	/* a row whose COMMIT was cut off: find out now, never guess */
	for (int i = 0; i < v->nresults; i++) {
		struct err re;
		if (v->results[i].o.kind == OUTCOME_UNKNOWN && app_connect(a, &re) == 0 &&
		    outcome_resolve(a->db, &v->results[i].o, &re) == 0 && v->results[i].o.kind == OUTCOME_SAVED)
			ok++;
	}
	failed = v->nitems - ok;
	/* what worked is no longer marked; what failed stays marked */
	for (int i = 0; i < v->nresults; i++) {
		if (v->results[i].o.kind == OUTCOME_SAVED)
			lijst_unmark(&v->list, v->results[i].id);
		count[v->results[i].o.kind]++;
	}
	outcome_tally(count, line, sizeof line);
	if (failed)
		app_message(a, 1, "%d bijgewerkt, %d mislukt (%s) — Enter voor details", ok, failed, line);
	else
		app_message(a, 0, "%d bijgewerkt", ok);
	v->summary = failed > 0; /* Enter now shows what failed and why */
	return 0;
}

/* The writes asked for (save or delete a filter, a bulk change); each
 * makes the tree (and a bulk change the rows) stale in *w.  0 / -1. */
static int run_writes(struct qpane *v, struct app *a, unsigned *w, struct err *e)
{
	if (*w & W_SAVE) {
		char sort[32];

		snprintf(sort, sizeof sort, "%s%s", v->q.desc ? "-" : "", queue_sort_name(v->q.sort));
		if (queue_filter_save(a->db, a->session.organisatie_id, v->save_name, v->filter_text, sort, NULL, e) < 0)
			return -1;
		*w |= W_TREE;
		app_message(a, 0, "Filter bewaard in de statusboom");
	}
	if (*w & W_DELETE) {
		if (queue_filter_delete(a->db, v->delete_id, e) < 0)
			return -1;
		*w |= W_TREE;
		app_message(a, 0, "Bewaard filter verwijderd");
	}
	if (*w & W_BULK) {
		if (run_bulk(v, a, e) < 0)
			return -1;
		*w |= W_TREE | W_ROWS;
		v->load = L_REFRESH;
	}
	return 0;
}

/* After the tree loaded: the first time the start node opens (the home
 * screen's category, else "Mijn queue", else "Alle"); a filter just saved
 * or deleted moves the tree cursor. */
static void tree_loaded(struct qpane *v, struct app *a, int first, unsigned *w)
{
	if (first) {
		int pick = -1;

		for (int i = 0; i < v->nnodes && pick < 0; i++)
			if (v->start_cat[0] ? v->nodes[i].kind == QN_CATEGORY && !strcmp(v->nodes[i].categorie, v->start_cat)
					    : v->nodes[i].kind == QN_MINE)
				pick = i;
		for (int i = 0; i < v->nnodes && pick < 0; i++)
			if (v->nodes[i].kind == QN_ALL)
				pick = i;
		open_node(v, a, pick);
		*w |= W_ROWS;
		v->load = L_FIRST;
	}
	for (int i = 0; (*w & W_SAVE) && i < v->nnodes; i++)
		if (v->nodes[i].kind == QN_SAVED && !strcmp(v->nodes[i].label, v->save_name))
			v->open = v->tsel = i;
	for (int i = 0; (*w & W_DELETE) && v->open < 0 && i < v->nnodes; i++)
		if (v->nodes[i].kind == QN_ALL)
			v->open = v->tsel = i;
}

/* The choices of a bulk change arrived: the pick list, or why there is none. */
static void choices_loaded(struct qpane *v, struct app *a)
{
	if (v->nchoices == 0 && v->bulk != B_COORD)
		app_message(a, 1, v->bulk == B_STATUS ? "Geen status waar alle %d hulpvragen met jouw rol naartoe mogen"
						     : "Nog geen labels in deze organisatie (%d hulpvragen)",
			    v->nitems);
	else if (open_choices(v) < 0)
		app_message(a, 1, "Onvoldoende geheugen");
}

/* After a change elsewhere in the organisatie, and the tree (counts, read
 * once) reloaded: can the rows shown differ?  Yes when a changed hulpvraag
 * is in the window, when the open node's count moved (one came in or went
 * out), when the node has no count to go by (a saved filter, a filter
 * typed on top), or when the sort key is one a change can alter (werkdagen
 * in status, status, names: a row from outside may move into the window).
 * Otherwise the change was to hulpvragen outside what is shown, and 20 open
 * werkvoorraden do not each page their rows again (issue 15: the refresh
 * storm). */
static int rows_concerned(const struct qpane *v, long count_before)
{
	if (v->stale_rows || v->filter_text[0] || count_before < 0 || v->open < 0 || v->open >= v->nnodes ||
	    (v->q.sort != QS_DATUM && v->q.sort != QS_NUMMER))
		return 1;
	return v->nodes[v->open].count != count_before;
}

/* The werkvoorraad keeps a set of pending work (v->work, W_*) rather than
 * one job: a change event, a reload and a bulk change arriving in one loop
 * turn give one round trip for the tree and one for the rows. */
static int queue_work(struct pane *p, struct app *a)
{
	struct qpane *v = Q(p);
	struct err e;
	unsigned w = v->work;
	int first = v->nnodes == 0, maybe_rows = 0;
	long count_before = -1;

	err_clear(&e);
	v->work = 0;
	if (v->stale) {
		/* the counts first; the rows only when the change can show in
		 * them (see rows_concerned) */
		v->stale = 0;
		w |= W_TREE;
		maybe_rows = v->loaded && !(w & W_ROWS);
		if (maybe_rows && v->open >= 0 && v->open < v->nnodes)
			count_before = v->nodes[v->open].count;
	}
	if (app_connect(a, &e) < 0) {
		app_message(a, 1, "%s — r probeert het opnieuw", e.msg);
		return R_PAINT | R_BARS;
	}
	if (run_writes(v, a, &w, &e) < 0)
		goto fail;
	if (w & W_TREE) {
		if (load_tree(v, a, &e) < 0)
			goto fail;
		tree_loaded(v, a, first, &w);
	}
	if (maybe_rows && rows_concerned(v, count_before)) {
		w |= W_ROWS;
		v->load = L_REFRESH;
	}
	v->stale_rows = 0;
	if ((w & W_ROWS) && load_rows(v, a, &e) < 0)
		goto fail;
	if (w & W_CHOICES) {
		if (load_choices(v, a, &e) < 0)
			goto fail;
		choices_loaded(v, a);
	}
	v->work &= ~w; /* what open_node() asked for during this work is done */
	app_werkvoorraad_seen(a); /* fresh rows on screen: nothing unread */
	if (!(w & (W_BULK | W_SAVE | W_DELETE)) && a->msg_progress)
		app_message_clear(a);
	return R_PAINT | R_BARS;
fail:
	v->work &= ~w;
	app_message(a, 1, "%s — r probeert het opnieuw", e.msg[0] ? e.msg : "Laden mislukt");
	return R_PAINT | R_BARS;
}

/* Another session committed a change to a hulpvraag: when it is of this
 * organisatie, tree counts and the window are reloaded in work() — once,
 * however many events arrive in one turn. */
static int queue_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	struct qpane *v = Q(p);

	if (ev->organisatie_id != a->session.organisatie_id)
		return R_NONE;
	v->stale = 1;
	if (lijst_find(&v->list, ev->id) >= 0)
		v->stale_rows = 1;
	return R_WORK;
}

/* The connection is back: reload tree and rows (marks and filter stay). */
static int queue_reconnected(struct pane *p, struct app *a)
{
	Q(p)->stale = 1;
	Q(p)->stale_rows = 1;
	return R_WORK;
}

static void queue_free(struct pane *p)
{
	struct qpane *v = Q(p);

	free(v->nodes);
	lijst_release(&v->list);
	free(v->items);
	free(v->choices);
	free(v->reden);
	free(v->results);
	free(v);
}

static const struct pane_ops queue_ops = {
	.name = "queue",
	.title = "Werkvoorraad",
	.context = queue_context,
	.draw = queue_draw,
	.key = queue_key,
	.action = queue_action,
	.actions = queue_actions,
	.nactions = sizeof queue_actions / sizeof queue_actions[0],
	.cursor = q_move,
	.dialog_ok = queue_dialog_ok,
	.work = queue_work,
	.free = queue_free,
	.changed = queue_changed,
	.reconnected = queue_reconnected,
};

struct pane *pane_queue_new(struct app *a, const char *categorie)
{
	struct qpane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &queue_ops;
	lijst_init(&v->list, sizeof(struct queue_row), row_id, WINDOW_MAX, sizeof(struct queue_item), row_mark);
	v->open = -1;
	v->total = -1;
	v->q.sort = QS_DATUM;
	snprintf(v->start_cat, sizeof v->start_cat, "%s", categorie ? categorie : "");
	field_init(&v->sfield, FILTER_VALUE_MAX - 1, 0);
	v->work = W_TREE;
	a->work_pending = 1;
	return &v->base;
}
