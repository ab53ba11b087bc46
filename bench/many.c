/* many.c — the many-users part of `make bench`; see many.h and many.sh.
 *
 * The pgbench scripts are made here, not written by hand, so they send the
 * texts balie sends: the statement that starts every business transaction
 * (db_account_sql: the acting account and lock_timeout), the status read
 * and write of db/hulpvraag.c (hulpvraag_status_sql) and the werkvoorraad
 * page of db/queue.c (queue_page_stmt).  Their $n become pgbench variables
 * or fixed values; each round trip is a pipeline ending in one Sync, as
 * db_exec_as_account sends it.  The floor ("kaal") does the same writes on
 * copies of the tables without triggers (no counts, no change log), without
 * row-level security and without the rulebook: bench/many.sh makes them.
 */
#include "bench/many.h"

#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench_tui.h"
#include "db/conn.h"
#include "db/hulpvraag.h"
#include "db/notify.h"
#include "db/queue.h"
#include "tui/pane_queue.h"
#include "tui/tui.h"

/* The two statuses of the hot pair (the issue's opposite moves), and the
 * third of the spread-out moves: TLV beschikkingen, moved by financieel. */
#define HOLD "'TLV>beschikking on hold'"
#define BEKEND "'TLV>afgegeven, school bekend'"
#define ONBEKEND "'TLV>afgegeven, school onbekend'"

/* sql with each $k (1..n) replaced by val[k-1]; malloc'ed. */
static char *subst(const char *sql, int n, const char *const *val)
{
	size_t cap = strlen(sql) + 1;
	char *out, *o;

	for (int k = 0; k < n; k++)
		cap += 8 * strlen(val[k]); /* generous: a $k may occur more than once */
	out = o = malloc(cap);
	if (!out)
		return NULL;
	for (const char *s = sql; *s;) {
		if (*s == '$' && s[1] >= '1' && s[1] <= '9') {
			char *end;
			long k = strtol(s + 1, &end, 10);

			if (k >= 1 && k <= n) {
				o += sprintf(o, "%s", val[k - 1]);
				s = end;
				continue;
			}
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static FILE *open_script(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s.sql", dir, name);
	f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
	return f;
}

/* Which hulpvraag: a random row of bench.zet_<set> (many.sh fills it). */
static void pick(FILE *f, const char *set)
{
	fprintf(f, "\\set r random(1, :n_%s)\n", set);
	fprintf(f, "SELECT id AS hid FROM bench.zet_%s WHERE n = :r \\gset\n", set);
}

/* The real status change: status_lezen, then status_wijzigen, each its own
 * round trip after the acting account, as hulpvraag_set_status sends them. */
static int status_real(const char *dir, const char *set, const char *naar)
{
	const char *acc[1] = { ":tok" };
	const char *rd[1] = { ":hid" };
	const char *wr[7] = { ":hid", "(SELECT version FROM hulpvraag WHERE id = :hid)", naar, "'bench'", "NULL",
			      "NULL", "NULL" };
	char name[64];
	char *a = subst(db_account_sql(), 1, acc), *r = subst(hulpvraag_status_sql(0), 1, rd),
	     *w = subst(hulpvraag_status_sql(1), 7, wr);
	FILE *f;

	snprintf(name, sizeof name, "status_%s", set);
	f = open_script(dir, name);
	if (!f || !a || !r || !w)
		return -1;
	pick(f, set);
	fprintf(f, "\\startpipeline\n%s;\n%s;\n\\endpipeline\n", a, r);
	fprintf(f, "\\startpipeline\n%s;\n%s;\n\\endpipeline\n", a, w);
	free(a);
	free(r);
	free(w);
	return fclose(f);
}

/* The floor: the same read (as the owner: no row-level security), the same
 * three writes on bench's bare copies, one pipeline. */
static int status_floor(const char *dir, const char *set, const char *naar)
{
	const char *rd[1] = { ":hid" };
	char name[64], *r = subst(hulpvraag_status_sql(0), 1, rd);
	FILE *f;

	snprintf(name, sizeof name, "status_%s_kaal", set);
	f = open_script(dir, name);
	if (!f || !r)
		return -1;
	pick(f, set);
	fprintf(f, "%s;\n", r);
	free(r);
	fprintf(f, "\\startpipeline\n"
		   "UPDATE bench.hv SET status = %s, version = version + 1, updated_at = now() WHERE id = :hid;\n"
		   "INSERT INTO bench.sh (hulpvraag_id, organisatie_id, van, naar, door, reden) "
		   "VALUES (:hid, :org, 'x', 'y', :acc, 'bench');\n"
		   "INSERT INTO bench.audit (account_id, organisatie_id, actie, object, object_id, detail) "
		   "VALUES (:acc, :org, 'status', 'hulpvraag', :hid, 'versie');\n"
		   "\\endpipeline\n",
		naar);
	return fclose(f);
}

/* v as an SQL literal ('' doubled; standard_conforming_strings), or NULL. */
static char *literal(const char *v)
{
	char *out, *o;

	if (!v)
		return strdup("NULL");
	out = o = malloc(2 * strlen(v) + 3);
	if (!out)
		return NULL;
	*o++ = '\'';
	for (; *v; v++) {
		if (*v == '\'')
			*o++ = '\'';
		*o++ = *v;
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

/* The werkvoorraad's first page of Alle by datum (db/queue.c), as balie
 * sends it and, for the floor, the same text without row-level security
 * (run as the owner, many.sh). */
static int queue_page(const char *dir, long org)
{
	struct queue_query q = { .organisatie_id = org, .kind = QN_ALL, .sort = QS_DATUM };
	struct queue_stmt st;
	struct err e;
	const char *acc[1] = { ":tok" };
	char *vals[16], *page, *a = subst(db_account_sql(), 1, acc);
	FILE *f, *g;

	err_clear(&e);
	if (queue_page_stmt(&q, QUEUE_FIRST, NULL, 50, &st, &e) < 0 || st.np > 16) {
		fprintf(stderr, "bench: page: %s\n", e.msg);
		return -1;
	}
	for (int i = 0; i < st.np; i++)
		vals[i] = literal(st.params[i]);
	page = subst(st.sql, st.np, (const char *const *)vals);
	f = open_script(dir, "queue");
	g = open_script(dir, "queue_kaal");
	if (!f || !g || !page || !a)
		return -1;
	fprintf(f, "\\startpipeline\n%s;\n%s;\n\\endpipeline\n", a, page);
	fprintf(g, "\\startpipeline\nSELECT set_config('balie.token', :tok, true);\n%s;\n\\endpipeline\n", page);
	for (int i = 0; i < st.np; i++)
		free(vals[i]);
	queue_page_stmt_free(&st);
	free(page);
	free(a);
	fclose(g);
	return fclose(f);
}

int many_scripts(const char *dir, long org, long account)
{
	(void)account;
	/* spread: three statuses, two pairs, 20,000 hulpvragen; hot: the
	 * one pair, every move the opposite of half the others */
	static const char spread[] = "(SELECT CASE WHEN h.status = " HOLD " THEN CASE WHEN :r::int % 2 = 0 THEN " BEKEND
				     " ELSE " ONBEKEND " END ELSE " HOLD " END FROM hulpvraag h WHERE h.id = :hid)";
	static const char hot[] = "(SELECT CASE WHEN h.status = " HOLD " THEN " BEKEND " ELSE " HOLD
				  " END FROM hulpvraag h WHERE h.id = :hid)";
	static const char spread_kaal[] = "CASE WHEN status = " HOLD " THEN CASE WHEN :r::int % 2 = 0 THEN " BEKEND
					  " ELSE " ONBEKEND " END ELSE " HOLD " END";
	static const char hot_kaal[] = "CASE WHEN status = " HOLD " THEN " BEKEND " ELSE " HOLD " END";

	if (status_real(dir, "spread", spread) < 0 || status_real(dir, "hot", hot) < 0 ||
	    status_floor(dir, "spread", spread_kaal) < 0 || status_floor(dir, "hot", hot_kaal) < 0 ||
	    queue_page(dir, org) < 0)
		return 2;
	return 0;
}

int many_listen(const char *conninfo, int n)
{
	PGconn **c = calloc((size_t)n, sizeof *c);
	char buf[16];

	for (int i = 0; i < n; i++) {
		c[i] = PQconnectdb(conninfo);
		if (PQstatus(c[i]) != CONNECTION_OK) {
			fprintf(stderr, "bench: listen-many: %s", PQerrorMessage(c[i]));
			return 2;
		}
		PQclear(PQexec(c[i], "LISTEN " NOTIFY_CHANNEL));
	}
	if (write(1, "R", 1) != 1)
		return 2;
	/* idle: the notifications pile up in the socket, as at a session
	 * whose person is at lunch */
	while (read(0, buf, sizeof buf) > 0)
		;
	for (int i = 0; i < n; i++)
		PQfinish(c[i]);
	free(c);
	return 0;
}

static double mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int many_listen_count(const char *conninfo, const char *datadir, const char *user, const char *password)
{
	struct bench_tui t;
	struct err e;
	double at[4096];
	int n = 0, most = 0;

	err_clear(&e);
	if (bench_tui_open(&t, conninfo, datadir, 60, 200, &e) < 0 || bench_tui_login(&t, user, password, &e) < 0) {
		fprintf(stderr, "bench: listen-count: %s\n", e.msg);
		return 2;
	}
	bench_tui_push(&t, pane_queue_new(&t.a, NULL));
	if (write(1, "R", 1) != 1)
		return 2;
	for (;;) {
		struct pollfd p[2] = { { 0, POLLIN, 0 }, { notify_socket(t.a.db), POLLIN, 0 } };

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents)
			break;
		if (!p[1].revents)
			continue;
		tui_bench_live(&t.a);
		/* a refresh: the werkvoorraad asked for work (reads the database) */
		if (t.a.work_pending && n < (int)(sizeof at / sizeof at[0]))
			at[n++] = mono_ms();
		bench_tui_run(&t);
	}
	for (int i = 0; i < n; i++) {
		int in = 0;

		for (int j = i; j < n && at[j] - at[i] < 1000; j++)
			in++;
		most = in > most ? in : most;
	}
	printf("%d %d\n", n, most);
	bench_tui_close(&t);
	return 0;
}
