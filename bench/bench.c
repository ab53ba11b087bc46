/* bench.c — issue 4 §7: what the real code costs at scale, each figure
 * beside the raw floor measured in the same run.
 *
 *   bench run CONNINFO DATADIR OUT.tsv   the measurements; table on stdout
 *   bench listen-tui CONNINFO DATADIR    (child) a real session that redraws
 *                                        its queue on NOTIFY
 *   bench listen-raw CONNINFO            (child) bare LISTEN
 *   bench rss CONNINFO DATADIR           (child) peak RSS of a session
 *
 * "Real" is balie's own code: a struct app with its panes painted by
 * tui.c's paint() (bench hooks) into an off-screen ncurses screen of 200x60
 * whose output goes to a memfd (bench_tui.c), db/queue.c, db/hulpvraag.c,
 * db/notify.c.  "Raw" is the floor: the same SQL through bare libpq
 * (PQexecParams on a connection whose acting account is set once for the
 * session, so one round trip and no BEGIN/ROLLBACK), prepared once like
 * balie's own.  The statements are db/queue.c's own texts
 * (queue_page_stmt, queue_tree_sql), so the floor never drifts from them.
 *
 * Timings are measured, never asserted: PASS/FAIL only says how a figure
 * compares with the targets of issue 4 §7.
 */
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench_tui.h"
#include "bench/many.h"
#include "db/hulpvraag.h"
#include "db/notifier.h"
#include "db/notify.h"
#include "db/queue.h"
#include "tui/pane_hulpvraag.h"
#include "tui/pane_queue.h"
#include "core/datum.h"
#include "db/home.h"
#include "db/verwerken.h"
#include "tui/pane_kengetal.h"
#include "tui/pane_verwerken.h"

#define ROWS 60
#define COLS 200
#define USER "secretariaat"
#define PASSWORD "demo"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench: %s: %s\n", what, msg);
	exit(2);
}

/* ---- samples ----------------------------------------------------------- */

struct samples {
	double *v;
	int n, cap;
};

static void add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
		if (!s->v)
			die("samples", "geen geheugen");
	}
	s->v[s->n++] = x;
}

static double median(struct samples *s)
{
	if (!s->n)
		return NAN;
	qsort(s->v, (size_t)s->n, sizeof *s->v, cmp_double);
	return s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
}

/* Nearest rank: the smallest value with at least 99 % of the samples at or
 * below it (n = 200: the third largest). */
static double p99(struct samples *s)
{
	int k;

	if (!s->n)
		return NAN;
	qsort(s->v, (size_t)s->n, sizeof *s->v, cmp_double);
	k = (int)ceil(0.99 * s->n) - 1;
	return s->v[k < 0 ? 0 : k];
}

static double maxof(struct samples *s)
{
	double m = -INFINITY;

	for (int i = 0; i < s->n; i++)
		m = s->v[i] > m ? s->v[i] : m;
	return s->n ? m : NAN;
}

/* ---- results ----------------------------------------------------------- */

struct result {
	char name[48];
	double med, p99, raw_med, raw_p99, value;
	char unit[16];
	int n, raw_n;
	char target[64]; /* "" = no target */
	int pass;        /* -1 no target */
};

static struct result results[64];
static int nresults;

static struct result *result(const char *name, struct samples *real, struct samples *raw)
{
	struct result *r = &results[nresults++];

	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	r->med = real ? median(real) : NAN;
	r->p99 = real ? p99(real) : NAN;
	r->raw_med = raw ? median(raw) : NAN;
	r->raw_p99 = raw ? p99(raw) : NAN;
	r->n = real ? real->n : 0;
	r->raw_n = raw ? raw->n : 0;
	r->value = NAN;
	r->pass = -1;
	return r;
}

/* p99 <= ratio x raw p99 and <= ms */
static void target_time(struct result *r, double ratio, double ms)
{
	if (ratio > 0) {
		snprintf(r->target, sizeof r->target, "p99 <= %.1fx raw, <= %.0f ms", ratio, ms);
		r->pass = r->p99 <= ratio * r->raw_p99 && r->p99 <= ms;
	} else {
		snprintf(r->target, sizeof r->target, "p99 <= %.0f ms", ms);
		r->pass = r->p99 <= ms;
	}
}

static void target_value(struct result *r, double max, const char *what)
{
	snprintf(r->target, sizeof r->target, "<= %g %s", max, what);
	r->pass = r->value <= max;
}

static void fmt(char *buf, size_t len, double v, const char *f)
{
	if (isnan(v))
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, f, v);
}

static void write_tsv(const char *path)
{
	FILE *f = fopen(path, "w");
	char a[5][32];

	if (!f)
		die(path, strerror(errno));
	fprintf(f, "name\tmedian_ms\tp99_ms\traw_median_ms\traw_p99_ms\tvalue\tunit\n");
	for (int i = 0; i < nresults; i++) {
		const struct result *r = &results[i];

		fmt(a[0], 32, r->med, "%.3f");
		fmt(a[1], 32, r->p99, "%.3f");
		fmt(a[2], 32, r->raw_med, "%.3f");
		fmt(a[3], 32, r->raw_p99, "%.3f");
		fmt(a[4], 32, r->value, "%.10g");
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->name, a[0], a[1], a[2], a[3], a[4], r->unit);
	}
	fclose(f);
}

static void print_table(void)
{
	char a[8][32];

	printf("\n%-28s %9s %9s %9s %9s %7s %7s %10s %-10s %-30s %s\n", "meting", "median", "p99", "raw med",
	       "raw p99", "x med", "x p99", "waarde", "eenheid", "doel", "");
	for (int i = 0; i < nresults; i++) {
		const struct result *r = &results[i];

		fmt(a[0], 32, r->med, "%.3f");
		fmt(a[1], 32, r->p99, "%.3f");
		fmt(a[2], 32, r->raw_med, "%.3f");
		fmt(a[3], 32, r->raw_p99, "%.3f");
		fmt(a[4], 32, r->med / r->raw_med, "%.2f");
		fmt(a[5], 32, r->p99 / r->raw_p99, "%.2f");
		fmt(a[6], 32, r->value, "%.10g");
		printf("%-28s %9s %9s %9s %9s %7s %7s %10s %-10s %-30s %s\n", r->name, a[0], a[1], a[2], a[3], a[4],
		       a[5], a[6], r->unit, r->target, r->pass < 0 ? "" : r->pass ? "PASS" : "FAIL");
	}
	printf("(tijden in ms; n echt/raw: ");
	for (int i = 0, first = 1; i < nresults; i++)
		if (results[i].n) {
			printf("%s%s %d/%d", first ? "" : ", ", results[i].name, results[i].n, results[i].raw_n);
			first = 0;
		}
	printf(")\n");
}

/* ---- raw libpq ----------------------------------------------------------- */

static PGconn *raw_connect(const char *conninfo, const char *token)
{
	PGconn *c = PQconnectdb(conninfo);
	char sql[300];
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK)
		die("raw connect", PQerrorMessage(c));
	/* the session's token for the whole connection: RLS as in balie,
	 * without a transaction around every statement */
	snprintf(sql, sizeof sql,
		 "SELECT set_config('search_path', 'balie, pg_catalog', false), "
		 "set_config('balie.token', '%s', false)",
		 token);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		die("raw set_config", PQerrorMessage(c));
	PQclear(r);
	return c;
}

static PGresult *raw_exec(PGconn *c, const char *sql, int np, const char *const *p)
{
	PGresult *r = PQexecParams(c, sql, np, NULL, p, NULL, NULL, 0);

	if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK)
		die("raw", PQerrorMessage(c));
	return r;
}

/* Bare, prepared once by name: the best libpq can do for a statement run
 * again and again (balie's db_exec_as_account prepares too). */
static PGresult *raw_prepared(PGconn *c, const char *name, const char *sql, int np, const char *const *p)
{
	PGresult *r = PQdescribePrepared(c, name);

	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		PQclear(r);
		r = PQprepare(c, name, sql, np, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			die("raw prepare", PQerrorMessage(c));
	}
	PQclear(r);
	r = PQexecPrepared(c, name, np, p, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK)
		die("raw", PQerrorMessage(c));
	return r;
}

/* The page statement db/queue.c runs (queue_page_stmt) for Alle or one
 * category, sorted by datum ascending, first page or after a row. */
static PGresult *raw_page(PGconn *c, long org, const char *cat, const struct queue_row *after)
{
	struct queue_query q = { .organisatie_id = org, .kind = cat ? QN_CATEGORY : QN_ALL, .sort = QS_DATUM };
	struct queue_stmt st;
	struct err e;
	char name[32];
	PGresult *r;

	if (cat)
		snprintf(q.categorie, sizeof q.categorie, "%s", cat);
	if (queue_page_stmt(&q, after ? QUEUE_AFTER : QUEUE_FIRST, after, 50, &st, &e) < 0)
		die("page", e.msg);
	snprintf(name, sizeof name, "page_%d%d", cat != NULL, after != NULL);
	r = raw_prepared(c, name, st.sql, st.np, st.params);
	queue_page_stmt_free(&st);
	return r;
}

/* ---- children ------------------------------------------------------------ */

struct child {
	pid_t pid;
	int to, from; /* its stdin, its stdout */
};

static void spawn(struct child *c, char *const argv[])
{
	int in[2], out[2];

	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0)
		die("pipe", strerror(errno));
	fflush(NULL);
	c->pid = fork();
	if (c->pid < 0)
		die("fork", strerror(errno));
	if (c->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	c->to = in[1];
	c->from = out[0];
}

/* Reads exactly len bytes within timeout_ms; 0 / -1. */
static int read_timed(int fd, void *buf, size_t len, int timeout_ms)
{
	size_t got = 0;
	double until = now_ms() + timeout_ms;

	while (got < len) {
		struct pollfd p = { fd, POLLIN, 0 };
		int left = (int)(until - now_ms());
		ssize_t n;

		if (left <= 0 || poll(&p, 1, left) <= 0)
			return -1;
		n = read(fd, (char *)buf + got, len - got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

static void reap(struct child *c)
{
	int st;

	close(c->to);
	close(c->from);
	if (waitpid(c->pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fprintf(stderr, "bench: kind %d eindigde niet netjes\n", (int)c->pid);
}

/* A real session with the werkvoorraad open; on every NOTIFY it does what
 * tui.c's loop does (drain → changed → work → paint) and reports the
 * monotonic time after the paint and the bytes it wrote. */
static int child_listen_tui(const char *conninfo, const char *datadir)
{
	struct bench_tui t;
	struct err e;

	err_clear(&e);
	if (bench_tui_open(&t, conninfo, datadir, ROWS, COLS, &e) < 0 || bench_tui_login(&t, USER, PASSWORD, &e) < 0)
		die("listen-tui", e.msg);
	bench_tui_push(&t, pane_queue_new(&t.a, NULL));
	bench_tui_bytes(&t);
	if (write(1, "R", 1) != 1)
		return 1;
	for (;;) {
		struct pollfd p[2] = { { 0, POLLIN, 0 }, { notify_socket(t.a.db), POLLIN, 0 } };
		double rep[2];

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents)
			break;
		if (!p[1].revents)
			continue;
		tui_bench_live(&t.a);
		bench_tui_run(&t);
		rep[1] = (double)bench_tui_bytes(&t);
		rep[0] = now_ms();
		if (rep[1] > 0 && write(1, rep, sizeof rep) != sizeof rep)
			break;
	}
	bench_tui_close(&t);
	return 0;
}

static int child_listen_raw(const char *conninfo)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK)
		die("listen-raw", PQerrorMessage(c));
	r = PQexec(c, "LISTEN balie_bench");
	PQclear(r);
	if (write(1, "R", 1) != 1)
		return 1;
	for (;;) {
		struct pollfd p[2] = { { 0, POLLIN, 0 }, { PQsocket(c), POLLIN, 0 } };
		PGnotify *n;

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents)
			break;
		if (!PQconsumeInput(c))
			break;
		while ((n = PQnotifies(c)) != NULL) {
			double rep[2] = { now_ms(), 0 };

			PQfreemem(n);
			if (write(1, rep, sizeof rep) != sizeof rep)
				goto out;
		}
	}
out:
	PQfinish(c);
	return 0;
}

static long status_kib(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	size_t n = strlen(field);

	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, field, n) && line[n] == ':')
			v = atol(line + n + 1);
	if (f)
		fclose(f);
	return v;
}

/* A fresh process: connect, log in (argon2id), open the werkvoorraad, page
 * through it, move the cursor, open a hulpvraag and go back.  Prints
 * "base_kib login_hwm_kib session_hwm_kib maxrss_kib": VmRSS after
 * newterm + connect, VmHWM after the login, VmHWM of what came after the
 * login (the high-water mark reset through /proc/self/clear_refs) and
 * ru_maxrss of the whole process. */
static int child_rss(const char *conninfo, const char *datadir)
{
	struct bench_tui t;
	struct err e;
	struct rusage ru;
	long base, login_hwm, session_hwm;
	FILE *cr;

	err_clear(&e);
	if (bench_tui_open(&t, conninfo, datadir, ROWS, COLS, &e) < 0 || app_connect(&t.a, &e) < 0)
		die("rss", e.msg);
	base = status_kib("VmRSS");
	if (bench_tui_login(&t, USER, PASSWORD, &e) < 0)
		die("rss", e.msg);
	login_hwm = status_kib("VmHWM");
	cr = fopen("/proc/self/clear_refs", "w");
	if (!cr || fputs("5", cr) < 0 || fclose(cr) != 0)
		die("rss", "clear_refs");
	bench_tui_push(&t, pane_queue_new(&t.a, NULL));
	for (int i = 0; i < 40; i++)
		bench_tui_action(&t, ACT_PAGE_DOWN);
	for (int i = 0; i < 20; i++)
		bench_tui_action(&t, ACT_DOWN);
	bench_tui_action(&t, ACT_Q_OPEN);
	app_pop(&t.a);
	bench_tui_run(&t);
	bench_tui_action(&t, ACT_REDRAW);
	session_hwm = status_kib("VmHWM");
	getrusage(RUSAGE_SELF, &ru);
	printf("%ld %ld %ld %ld\n", base, login_hwm, session_hwm, ru.ru_maxrss);
	bench_tui_close(&t);
	return 0;
}

/* ---- the measurements ------------------------------------------------------ */

struct ctx {
	const char *conninfo, *datadir;
	struct bench_tui t;
	PGconn *raw;
	PGconn *raw_writer; /* the raw status writes: as balie_owner (see bench_status) */
	char org[24];
	char cat[FLOW_NAME_BUF];/* the first status category of the tree */
	int cat_node;      /* its place in the tree */
	int all_node;
};

static void open_session(struct ctx *c)
{
	struct err e;
	struct queue_node *nodes = NULL;
	int n = 0;

	err_clear(&e);
	if (bench_tui_open(&c->t, c->conninfo, c->datadir, ROWS, COLS, &e) < 0 ||
	    bench_tui_login(&c->t, USER, PASSWORD, &e) < 0)
		die("sessie", e.msg);
	snprintf(c->org, sizeof c->org, "%ld", c->t.a.session.organisatie_id);
	c->raw = raw_connect(c->conninfo, c->t.a.session.token);
	c->raw_writer = raw_connect(getenv("BENCH_OWNER_CONNINFO") ? getenv("BENCH_OWNER_CONNINFO") : c->conninfo,
				    c->t.a.session.token);
	/* where Alle and the first category are in the tree the pane shows */
	if (queue_tree(c->t.a.db, c->t.a.session.organisatie_id, c->t.a.session.roles, &nodes, &n, &e) < 0)
		die("tree", e.msg);
	c->all_node = c->cat_node = -1;
	for (int i = 0; i < n; i++) {
		if (nodes[i].kind == QN_ALL && c->all_node < 0)
			c->all_node = i;
		if (nodes[i].kind == QN_CATEGORY && c->cat_node < 0) {
			c->cat_node = i;
			snprintf(c->cat, sizeof c->cat, "%s", nodes[i].categorie);
		}
	}
	free(nodes);
	if (c->all_node < 0 || c->cat_node < 0)
		die("tree", "geen Alle of geen categorie in de statusboom");
}

/* The tree cursor onto node i (focus on the tree first). */
static void tree_goto(struct ctx *c, int from, int to)
{
	bench_tui_action(&c->t, ACT_Q_FOCUS);
	for (; from < to; from++)
		bench_tui_action(&c->t, ACT_DOWN);
	for (; from > to; from--)
		bench_tui_action(&c->t, ACT_UP);
}

/* Opening a queue: Enter on a node of the status tree → queue_fetch of page
 * one → paint of the whole screen; alternately Alle and the first category.
 * Raw: the page query of that node through bare libpq. */
static void bench_queue_open(struct ctx *c, int reps)
{
	struct samples real = { 0 }, raw = { 0 };
	int at;

	bench_tui_push(&c->t, pane_queue_new(&c->t.a, NULL)); /* opens Alle (no coördinator) */
	at = c->all_node;
	for (int i = 0; i < reps + 10; i++) {
		int to = i % 2 ? c->all_node : c->cat_node;
		double s;

		tree_goto(c, at, to);
		at = to;
		s = now_ms();
		bench_tui_action(&c->t, ACT_Q_OPEN);
		if (i >= 10)
			add(&real, now_ms() - s);
	}
	for (int i = 0; i < reps + 10; i++) {
		double s = now_ms();
		PGresult *r = raw_page(c->raw, c->t.a.session.organisatie_id, i % 2 ? NULL : c->cat, NULL);

		PQclear(r);
		if (i >= 10)
			add(&raw, now_ms() - s);
	}
	target_time(result("queue_open", &real, &raw), 2, 5);
	free(real.v);
	free(raw.v);
	/* leave Alle open for what follows */
	tree_goto(c, at, c->all_node);
	bench_tui_action(&c->t, ACT_Q_OPEN);
}

/* The werkvoorraad pane from the home screen: queue_tree + page one + the
 * paint.  Raw: the tree's statements and the page query, bare. */
static void bench_queue_pane(struct ctx *c, int reps)
{
	struct samples real = { 0 }, raw = { 0 };
	const char *p[2] = { c->org, "f" }; /* USER is no coördinator */

	/* the queue pane of bench_queue_open goes; the home pane stays */
	app_pop(&c->t.a);
	bench_tui_run(&c->t);
	for (int i = 0; i < reps + 5; i++) {
		double s = now_ms();

		bench_tui_push(&c->t, pane_queue_new(&c->t.a, NULL));
		if (i >= 5)
			add(&real, now_ms() - s);
		app_pop(&c->t.a);
		bench_tui_run(&c->t);
	}
	for (int i = 0; i < reps + 5; i++) {
		double s = now_ms();

		PQclear(raw_prepared(c->raw, "tree", queue_tree_sql(), 2, p));
		PQclear(raw_page(c->raw, c->t.a.session.organisatie_id, NULL, NULL));
		if (i >= 5)
			add(&raw, now_ms() - s);
	}
	target_time(result("queue_open_pane", &real, &raw), 2, 5);
	free(real.v);
	free(raw.v);
	bench_tui_push(&c->t, pane_queue_new(&c->t.a, NULL));
}

/* PgDn deep in Alle: `warm` PgDn first (each a page further), then `reps`
 * timed, each key → queue_fetch of the next page → paint.  Raw: the bare
 * keyset query walked as deep, then timed as often. */
static void bench_pgdn(struct ctx *c, int warm, int reps)
{
	struct samples real = { 0 }, raw = { 0 };
	struct queue_row last = { 0 };
	long rows = 0;

	bench_tui_action(&c->t, ACT_TOP);
	for (int i = 0; i < warm + reps; i++) {
		double s = now_ms();

		bench_tui_action(&c->t, ACT_PAGE_DOWN);
		if (i >= warm)
			add(&real, now_ms() - s);
	}
	for (int i = 0; i < warm + reps + 1; i++) {
		double s = now_ms();
		PGresult *r = raw_page(c->raw, c->t.a.session.organisatie_id, NULL, i ? &last : NULL);
		int n = PQntuples(r) > 50 ? 50 : PQntuples(r);

		if (i > warm)
			add(&raw, now_ms() - s);
		if (n > 0) {
			snprintf(last.key, sizeof last.key, "%s", PQgetvalue(r, n - 1, 19));
			last.id = atol(PQgetvalue(r, n - 1, 0));
		}
		rows += n;
		PQclear(r);
	}
	target_time(result("queue_pgdn_deep", &real, &raw), 2, 5);
	struct result *d = result("queue_pgdn_depth", NULL, NULL);
	d->value = (double)rows;
	snprintf(d->unit, sizeof d->unit, "rijen");
	free(real.v);
	free(raw.v);
}

/* Bytes to the terminal: one cursor move (two rows change, and the row
 * number at the bottom), a full redraw (Ctrl-L: clearok + every window). */
static void bench_bytes(struct ctx *c, int reps)
{
	struct samples t_move = { 0 }, b_move = { 0 }, t_full = { 0 }, b_full = { 0 };
	struct result *r;

	bench_tui_action(&c->t, ACT_TOP);
	bench_tui_bytes(&c->t);
	for (int i = 0; i < reps; i++) {
		/* down 40 rows and back up: never past the rows loaded */
		enum action_id id = (i / 40) % 2 ? ACT_UP : ACT_DOWN;
		double s = now_ms();

		bench_tui_action(&c->t, id);
		add(&t_move, now_ms() - s);
		add(&b_move, (double)bench_tui_bytes(&c->t));
	}
	for (int i = 0; i < reps; i++) {
		double s = now_ms();

		bench_tui_action(&c->t, ACT_REDRAW);
		add(&t_full, now_ms() - s);
		add(&b_full, (double)bench_tui_bytes(&c->t));
	}
	r = result("cursor_move", &t_move, NULL);
	r->value = maxof(&b_move);
	snprintf(r->unit, sizeof r->unit, "bytes");
	target_value(r, 450, "bytes (max)");
	r = result("cursor_move_bytes_median", NULL, NULL);
	r->value = median(&b_move);
	snprintf(r->unit, sizeof r->unit, "bytes");
	r = result("full_redraw", &t_full, NULL);
	r->value = maxof(&b_full);
	snprintf(r->unit, sizeof r->unit, "bytes");
	free(t_move.v);
	free(b_move.v);
	free(t_full.v);
	free(b_full.v);
}

/* Opening a hulpvraag: Enter on a row → hulpvraag_load → paint; Esc back
 * (not timed); the next row each time. */
static void bench_hulpvraag_open(struct ctx *c, int reps)
{
	struct samples real = { 0 };

	bench_tui_action(&c->t, ACT_TOP);
	for (int i = 0; i < reps + 5; i++) {
		double s = now_ms();

		bench_tui_action(&c->t, ACT_Q_OPEN);
		if (i >= 5)
			add(&real, now_ms() - s);
		app_pop(&c->t.a);
		bench_tui_run(&c->t);
		bench_tui_action(&c->t, (i / 40) % 2 ? ACT_UP : ACT_DOWN);
	}
	result("hulpvraag_open", &real, NULL);
	free(real.v);
}

/* Every backend reports its table statistics when idle, at most once a
 * second (PostgreSQL 15): make both connections of this process report
 * what they did so far, then wait for the listeners of earlier steps. */
static void flush_stats(struct ctx *c)
{
	struct err e;
	PGresult *r;

	usleep(200 * 1000);
	PQclear(raw_exec(c->raw, "SELECT pg_stat_force_next_flush()", 0, NULL));
	r = db_exec(c->t.a.db, &e, NULL, "SELECT pg_stat_force_next_flush()", 0, NULL);
	if (r)
		PQclear(r);
	/* the flush happens when each backend goes idle, after this statement */
	usleep(200 * 1000);
	PQclear(raw_exec(c->raw, "SELECT 1", 0, NULL));
	usleep(100 * 1000);
}

/* Counts of the status tree: queue_tree (the real one) timed, and how many
 * rows of hulpvraag it read (pg_stat_user_tables before and after): 0 means
 * the counts come from the maintained tables, never a COUNT. */
static void bench_tree(struct ctx *c, int reps)
{
	struct samples real = { 0 };
	struct queue_node *nodes = NULL;
	int n = 0;
	struct err e;
	double before, after;
	const char *sql = "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables "
			  "WHERE relname = 'hulpvraag' AND schemaname = 'balie'";
	PGresult *r;

	err_clear(&e);
	flush_stats(c);
	r = raw_exec(c->raw, sql, 0, NULL);
	before = atof(PQgetvalue(r, 0, 0));
	PQclear(r);
	for (int i = 0; i < reps; i++) {
		double s = now_ms();

		if (queue_tree(c->t.a.db, c->t.a.session.organisatie_id, c->t.a.session.roles, &nodes, &n, &e) < 0)
			die("tree", e.msg);
		add(&real, now_ms() - s);
		free(nodes);
	}
	flush_stats(c);
	r = raw_exec(c->raw, sql, 0, NULL);
	after = atof(PQgetvalue(r, 0, 0));
	PQclear(r);
	struct result *t = result("tree_counts", &real, NULL);
	t->value = (after - before) / reps;
	snprintf(t->unit, sizeof t->unit, "rijen/boom");
	target_value(t, 0, "hulpvraag rows read");
	free(real.v);
}

/* hulpvragen the session may move from one status to another without a
 * reden: the first transition of its roles with enough of them. */
struct moves {
	char naar[256];
	long *id;
	int *version;
	int n, used;
};

static void find_moves(struct ctx *c, struct moves *m, int need)
{
	PGresult *t, *r;
	const char *p[1] = { c->org };

	memset(m, 0, sizeof *m);
	t = raw_exec(c->raw,
		     "SELECT tr.aanvraagtype_id::text, tr.van, tr.naar FROM flow_transitie tr "
		     "  JOIN aanvraagtype a ON a.id = tr.aanvraagtype_id AND a.organisatie_id = $1 "
		     " WHERE NOT tr.reden_verplicht AND tr.rol IN (SELECT rol FROM account_rol "
		     "        WHERE account_id = acting_account() AND organisatie_id = $1) "
		     " ORDER BY tr.aanvraagtype_id, tr.van, tr.naar",
		     1, p);
	for (int i = 0; i < PQntuples(t) && !m->n; i++) {
		const char *q[3] = { c->org, PQgetvalue(t, i, 0), PQgetvalue(t, i, 1) };
		char lim[16];
		const char *q4[4] = { q[0], q[1], q[2], lim };

		snprintf(lim, sizeof lim, "%d", need);
		r = raw_exec(c->raw,
			     "SELECT id, version FROM hulpvraag WHERE organisatie_id = $1 AND aanvraagtype_id = $2 "
			     "AND status = $3 AND NOT voorlopig LIMIT $4::int",
			     4, q4);
		if (PQntuples(r) == need) {
			m->id = calloc((size_t)need, sizeof *m->id);
			m->version = calloc((size_t)need, sizeof *m->version);
			for (int k = 0; k < need; k++) {
				m->id[k] = atol(PQgetvalue(r, k, 0));
				m->version[k] = atoi(PQgetvalue(r, k, 1));
			}
			m->n = need;
			snprintf(m->naar, sizeof m->naar, "%s", PQgetvalue(t, i, 2));
		}
		PQclear(r);
	}
	PQclear(t);
	if (!m->n)
		die("statuswissel", "geen overgang met genoeg hulpvragen voor " USER);
}

static double hook_at;
static void hook_time(int step, void *arg)
{
	(void)step;
	(void)arg;
	hook_at = now_ms(); /* the last call comes before the round trip that commits */
}

static void ignore_event(const struct notify_event *ev, void *arg)
{
	(void)ev;
	(void)arg;
}

static void drain_own(struct ctx *c)
{
	struct err e;

	notify_drain(c->t.a.db, ignore_event, NULL, &e);
}

/* Round trips of one call: libpq's trace, counted as the turns from
 * messages sent by the client (F) to messages from the server (B). */
static int round_trips(const char *trace)
{
	int n = 0;
	char last = 0;

	for (const char *l = trace; l && *l;) {
		const char *nl = strchr(l, '\n');
		char dir = *l;

		if (dir == 'B' && last == 'F')
			n++;
		if (dir == 'F' || dir == 'B')
			last = dir;
		l = nl ? nl + 1 : NULL;
	}
	return n;
}

static void one_change(struct ctx *c, struct moves *m)
{
	struct outcome o;
	int k = m->used++;

	if (hulpvraag_set_status(c->t.a.db, m->id[k], m->version[k], m->naar, "", c->datadir, NULL, &o) != OUTCOME_SAVED)
		die("hulpvraag_set_status", o.err.msg);
}

/* A status change: hulpvraag_set_status (the real one) on hulpvragen that
 * may make the move, each once.  Raw: one simple-query string — BEGIN, the
 * acting account, the UPDATE of hulpvraag (its triggers write the counts
 * and send the NOTIFY, as in the real change), statushistorie, outbox,
 * audit_log, COMMIT — in one round trip, on other hulpvragen.  Since
 * migration 013 the application role may not write statushistorie and
 * outbox rows itself (status_wijzigen does, as balie_owner), so the raw
 * writes run as balie_owner too (BENCH_OWNER_CONNINFO, set by run.sh): the
 * same rows, without balie's visibility and rulebook checks. */
static void bench_status(struct ctx *c, int reps)
{
	struct samples real = { 0 }, raw = { 0 };
	struct moves m, mr;
	char *trace = NULL;
	size_t tlen = 0;
	FILE *tf;
	PGconn *pg = db_pg(c->t.a.db);
	struct result *res;

	find_moves(c, &m, reps + 11);
	find_moves(c, &mr, reps + 10);
	drain_own(c);
	/* round trips of one change */
	tf = open_memstream(&trace, &tlen);
	PQtrace(pg, tf);
	PQsetTraceFlags(pg, PQTRACE_SUPPRESS_TIMESTAMPS);
	one_change(c, &m);
	PQuntrace(pg);
	fclose(tf);
	for (int i = 0; i < reps + 10; i++) {
		double s = now_ms();

		one_change(c, &m);
		if (i >= 10)
			add(&real, now_ms() - s);
		if (i % 20 == 0)
			drain_own(c);
	}
	drain_own(c);
	for (int i = 0; i < reps + 10; i++) {
		char sql[4096];
		char *naar = PQescapeLiteral(c->raw, mr.naar, strlen(mr.naar));
		double s;
		PGresult *r;

		snprintf(sql, sizeof sql,
			 "BEGIN;%s"
			 "SELECT set_config('balie.token', '%s', true);"
			 "UPDATE hulpvraag SET status = %s, version = version + 1, "
			 "  eerste_reactie = coalesce(eerste_reactie, now()) WHERE id = %ld AND version = %d;"
			 "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden) "
			 "  SELECT %ld, %s, 'x', %s, acting_account(), '';"
			 "INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) VALUES "
			 "  (%s, %ld, 'ouder@example.org', 'Hulpvraag bijgewerkt: nieuwe status', "
			 "   repeat('Beste ouder, de status van de hulpvraag is gewijzigd. ', 12));"
			 "INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail) "
			 "  VALUES (acting_account(), %s, 'status', 'hulpvraag', %ld, 'versie');"
			 "COMMIT",
			 getenv("BENCH_OWNER_CONNINFO") ? " SET LOCAL ROLE balie_owner;" : "",
			 c->t.a.session.token, naar, mr.id[mr.used], mr.version[mr.used], mr.id[mr.used], c->org,
			 naar, c->org, mr.id[mr.used], c->org, mr.id[mr.used]);
		PQfreemem(naar);
		mr.used++;
		s = now_ms();
		r = PQexec(c->raw_writer, sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			die("raw statuswissel", PQerrorMessage(c->raw_writer));
		PQclear(r);
		if (i >= 10)
			add(&raw, now_ms() - s);
	}
	target_time(result("status_change", &real, &raw), 1.5, 5);
	res = result("status_change_round_trips", NULL, NULL);
	res->value = round_trips(trace);
	snprintf(res->unit, sizeof res->unit, "round trips");
	target_value(res, 2, "per change");
	free(trace);
	free(real.v);
	free(raw.v);
	free(m.id);
	free(m.version);
	free(mr.id);
	free(mr.version);
}

/* A change reaching another process's screen: this session commits a
 * status change (hulpvraag_set_status); a second process, a real session
 * with the werkvoorraad open, drains the NOTIFY, reloads and paints.
 * Measured from just before the committing round trip (the test hook of
 * db/hulpvraag.h) to after the other process's doupdate().  Raw: NOTIFY on
 * a bare connection → a bare LISTENing process has it.  Since issue 15 the
 * change reaches the other session through the notifier (`balie notify`,
 * started by `balie demo`), which looks every NOTIFIER_TICK_MS and sends at
 * most once per NOTIFIER_INTERVAL_MS: the changes are spaced further apart
 * than that, so each is a lone change (the figure a person sees), and there
 * are at most 40 of them. */
static void bench_live(struct ctx *c, int reps)
{
	struct samples real = { 0 }, raw = { 0 }, bytes = { 0 };
	struct moves m;
	struct child ch;
	char ready;
	char *argv_tui[] = { "bench", "listen-tui", (char *)c->conninfo, (char *)c->datadir, NULL };
	char *argv_raw[] = { "bench", "listen-raw", (char *)c->conninfo, NULL };
	struct result *r;

	reps = reps > 40 ? 40 : reps;
	find_moves(c, &m, reps + 5);
	spawn(&ch, argv_tui);
	if (read_timed(ch.from, &ready, 1, 30000) < 0)
		die("live", "de luisterende sessie start niet");
	hulpvraag_set_test_hook(hook_time, NULL);
	for (int i = 0; i < reps + 5; i++) {
		double rep[2];

		one_change(c, &m);
		if (read_timed(ch.from, rep, sizeof rep, 5000) < 0)
			die("live", "de andere sessie tekende niet opnieuw binnen 5 s");
		if (i >= 5) {
			add(&real, rep[0] - hook_at);
			add(&bytes, rep[1]);
		}
		drain_own(c);
		usleep((NOTIFIER_INTERVAL_MS + 100) * 1000);
	}
	hulpvraag_set_test_hook(NULL, NULL);
	reap(&ch);

	spawn(&ch, argv_raw);
	if (read_timed(ch.from, &ready, 1, 30000) < 0)
		die("live", "de kale LISTEN start niet");
	for (int i = 0; i < reps + 5; i++) {
		double rep[2], s = now_ms();
		PGresult *res = PQexec(c->raw, "NOTIFY balie_bench, 'x'");

		PQclear(res);
		if (read_timed(ch.from, rep, sizeof rep, 5000) < 0)
			die("live", "kale NOTIFY kwam niet aan");
		if (i >= 5)
			add(&raw, rep[0] - s);
		usleep(2000);
	}
	reap(&ch);
	r = result("live_update", &real, &raw);
	target_time(r, 0, 20);
	r->value = median(&bytes);
	snprintf(r->unit, sizeof r->unit, "bytes");
	free(real.v);
	free(raw.v);
	free(bytes.v);
	free(m.id);
	free(m.version);
}

static void bench_rss(struct ctx *c)
{
	struct child ch;
	char line[256] = "";
	long base = 0, login = 0, session = 0, maxrss = 0;
	char *argv[] = { "bench", "rss", (char *)c->conninfo, (char *)c->datadir, NULL };
	struct result *r;
	ssize_t n;
	size_t got = 0;

	spawn(&ch, argv);
	while (got + 1 < sizeof line && (n = read(ch.from, line + got, sizeof line - 1 - got)) > 0)
		got += (size_t)n;
	line[got] = '\0';
	reap(&ch);
	if (sscanf(line, "%ld %ld %ld %ld", &base, &login, &session, &maxrss) != 4)
		die("rss", "geen meting van het kind");
	r = result("rss_session_peak", NULL, NULL);
	r->value = session / 1024.0;
	snprintf(r->unit, sizeof r->unit, "MiB");
	target_value(r, 12, "MiB");
	/* ru_maxrss is of no use here: clear_refs reset it with VmHWM */
	(void)maxrss;
	r = result("rss_peak_incl_login", NULL, NULL);
	r->value = (login > session ? login : session) / 1024.0;
	snprintf(r->unit, sizeof r->unit, "MiB");
	r = result("rss_base_connected", NULL, NULL);
	r->value = base / 1024.0;
	snprintf(r->unit, sizeof r->unit, "MiB");
}

static void extra(const char *name, const char *env, const char *unit)
{
	const char *v = getenv(env);
	struct result *r;

	if (!v || !*v)
		return;
	r = result(name, NULL, NULL);
	r->value = atof(v);
	snprintf(r->unit, sizeof r->unit, "%s", unit);
}

/* Issue 10: the financieel medewerker's lists, in a session of its own
 * (account financieel).  "Te verwerken": the pane pushed from home →
 * te_verwerken() → paint of the whole screen, beside the same function
 * through bare libpq.  Kengetallen of the current school year: the pane
 * (kengetallen() and doorlooptijden() under row-level security, the sums,
 * median and p90 of core/kengetal, the paint) beside the two raw queries.
 * Then kengetallen() without its RLS-aware helpers: the same counts as the
 * plain aggregate the owner role would run, the floor of the query. */
static void bench_financieel(struct ctx *c, int reps)
{
	struct bench_tui f;
	struct samples real = { 0 }, raw = { 0 }, kreal = { 0 }, kraw = { 0 }, kfloor = { 0 };
	struct err e;
	char org[24], jaar[8], max[16];
	int kreps = reps / 10 < 5 ? 5 : reps / 10;

	err_clear(&e);
	if (bench_tui_open(&f, c->conninfo, c->datadir, ROWS, COLS, &e) < 0 ||
	    bench_tui_login(&f, "financieel", PASSWORD, &e) < 0)
		die("sessie financieel", e.msg);
	PGconn *raw_fin = raw_connect(c->conninfo, f.a.session.token);
	snprintf(org, sizeof org, "%ld", f.a.session.organisatie_id);
	snprintf(jaar, sizeof jaar, "%d", datum_schooljaar(datum_today(time(NULL))));
	snprintf(max, sizeof max, "%d", VERWERKEN_MAX);
	const char *pv[2] = { org, max }, *pk[2] = { org, jaar };

	for (int i = 0; i < reps + 5; i++) {
		double s = now_ms();
		bench_tui_push(&f, pane_verwerken_new(&f.a));
		if (i >= 5)
			add(&real, now_ms() - s);
		app_pop(&f.a);
		bench_tui_run(&f);
	}
	for (int i = 0; i < reps + 5; i++) {
		double s = now_ms();
		PGresult *r = raw_exec(raw_fin, "SELECT hulpvraag_id, nummer, to_char(datum, 'DD-MM-YYYY'), status, reden, "
						"coalesce(bedrag_cent, 0) FROM te_verwerken($1, $2)", 2, pv);
		PQclear(r);
		if (i >= 5)
			add(&raw, now_ms() - s);
	}
	target_time(result("te_verwerken_open", &real, &raw), 2, 300);
	/* The home screen's "Te verwerken": home_werk() (all the counts of the
	 * day; this one the number of the list's rows since 028, kept beside
	 * them) beside that one count read through bare libpq. */
	{
		struct samples hreal = { 0 }, hraw = { 0 };
		struct home_werk hw;

		for (int i = 0; i < reps + 5; i++) {
			double s = now_ms();
			if (home_werk(f.a.db, f.a.session.organisatie_id, f.a.session.account_id, "2000-01-01", &hw, &e) < 0)
				die("home_werk", e.msg);
			if (i >= 5)
				add(&hreal, now_ms() - s);
		}
		for (int i = 0; i < reps + 5; i++) {
			double s = now_ms();
			PQclear(raw_exec(raw_fin, "SELECT coalesce(sum(aantal), 0) FROM verwerken_telling "
						  "WHERE organisatie_id = $1", 1, pv));
			if (i >= 5)
				add(&hraw, now_ms() - s);
		}
		struct result *r = result("te_verwerken_home", &hreal, &hraw);
		r->value = (double)hw.te_verwerken;
		snprintf(r->unit, sizeof r->unit, "rijen");
		free(hreal.v);
		free(hraw.v);
	}

	for (int i = 0; i < kreps + 2; i++) {
		double s = now_ms();
		bench_tui_push(&f, pane_kengetal_new(&f.a));
		if (i >= 2)
			add(&kreal, now_ms() - s);
		app_pop(&f.a);
		bench_tui_run(&f);
	}
	for (int i = 0; i < kreps + 2; i++) {
		double s = now_ms();
		PQclear(raw_exec(raw_fin, "SELECT * FROM kengetallen($1, $2)", 2, pk));
		PQclear(raw_exec(raw_fin, "SELECT * FROM doorlooptijden($1, $2)", 2, pk));
		if (i >= 2)
			add(&kraw, now_ms() - s);
	}
	target_time(result("kengetallen_open", &kreal, &kraw), 2, 2000);
	/* the floor: the plain aggregate of the same rows as the owner (no
	 * row-level security, no SECURITY DEFINER helper per row) */
	PGconn *own = raw_connect(getenv("BENCH_OWNER_CONNINFO") ? getenv("BENCH_OWNER_CONNINFO") : c->conninfo,
				  f.a.session.token);
	for (int i = 0; i < kreps + 2; i++) {
		double s = now_ms();
		PQclear(raw_exec(own, "SELECT h.school_id, a.type, a.categorie, count(*), sum(a.bedrag_cent) "
				      "  FROM aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id "
				      " WHERE a.organisatie_id = $1 AND a.startdatum >= make_date($2, 8, 1) "
				      "   AND a.startdatum < make_date($2 + 1, 8, 1) GROUP BY 1, 2, 3",
				 2, pk));
		if (i >= 2)
			add(&kfloor, now_ms() - s);
	}
	result("kengetallen_floor", &kfloor, NULL);
	/* Before 028: the queue computed on every open, the definition over
	 * every hulpvraag (verwerken_definitie, as the owner: no row-level
	 * security, so a little under what te_verwerken() cost then) — what the
	 * maintained table saves each time the list opens. */
	if (getenv("BENCH_OWNER_CONNINFO")) {
		struct samples dreal = { 0 };
		long rows = 0;

		for (int i = 0; i < 3; i++) {
			double s = now_ms();
			PGresult *r = raw_exec(own, "SELECT count(*) FROM verwerken_definitie($1)", 1, pv);
			add(&dreal, now_ms() - s);
			rows = atol(PQgetvalue(r, 0, 0));
			PQclear(r);
		}
		struct result *r = result("te_verwerken_definitie", &dreal, &real);
		r->value = (double)rows;
		snprintf(r->unit, sizeof r->unit, "rijen");
		free(dreal.v);
	}
	PQfinish(own);
	PQfinish(raw_fin);
	bench_tui_close(&f);
	free(real.v);
	free(raw.v);
	free(kreal.v);
	free(kraw.v);
	free(kfloor.v);
}

static int run(const char *conninfo, const char *datadir, const char *out)
{
	struct ctx c;
	int reps = getenv("BENCH_REPS") ? atoi(getenv("BENCH_REPS")) : 200;

	memset(&c, 0, sizeof c);
	c.conninfo = conninfo;
	c.datadir = datadir;
	extra("scale", "BENCH_SCALE", "hulpvragen");
	extra("demo_load", "BENCH_LOAD_S", "s");
	extra("database_size", "BENCH_DB_MIB", "MiB");
	open_session(&c);
	/* BENCH_ONLY=financieel: only the financieel medewerker's part (a
	 * quicker run while working on it) */
	if (getenv("BENCH_ONLY") && !strcmp(getenv("BENCH_ONLY"), "financieel")) {
		bench_financieel(&c, reps);
		goto done;
	}
	fprintf(stderr, "bench: wachtrij openen…\n");
	bench_queue_open(&c, reps);
	bench_queue_pane(&c, reps / 2);
	fprintf(stderr, "bench: PgDn…\n");
	bench_pgdn(&c, 1000, reps);
	fprintf(stderr, "bench: bytes, hulpvraag, boom…\n");
	bench_bytes(&c, reps);
	bench_hulpvraag_open(&c, reps);
	bench_tree(&c, reps);
	fprintf(stderr, "bench: statuswissel, live…\n");
	bench_status(&c, reps);
	bench_live(&c, reps);
	fprintf(stderr, "bench: te verwerken, kengetallen (financieel)…\n");
	bench_financieel(&c, reps);
	fprintf(stderr, "bench: geheugen…\n");
	bench_rss(&c);
done:
	PQfinish(c.raw);
	bench_tui_close(&c.t);
	write_tsv(out);
	print_table();
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stderr, NULL, _IONBF, 0);
	signal(SIGPIPE, SIG_IGN);
	if (argc == 5 && !strcmp(argv[1], "run"))
		return run(argv[2], argv[3], argv[4]);
	if (argc == 4 && !strcmp(argv[1], "listen-tui"))
		return child_listen_tui(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "listen-raw"))
		return child_listen_raw(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "rss"))
		return child_rss(argv[2], argv[3]);
	if (argc == 5 && !strcmp(argv[1], "scripts"))
		return many_scripts(argv[2], atol(argv[3]), atol(argv[4]));
	if (argc == 4 && !strcmp(argv[1], "listen-many"))
		return many_listen(argv[2], atoi(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "listen-count"))
		return many_listen_count(argv[2], argv[3], USER, PASSWORD);
	fprintf(stderr, "gebruik: bench run CONNINFO DATADIR UIT.tsv\n");
	return 2;
}
