/* bench.c — timings of the foundation against a filled demo database:
 * the home-screen counts (maintained telling vs. a COUNT over the big table)
 * a full password login (argon2id), and the werkvoorraad (db/queue.h): the
 * status tree, page 1 against a page 1000 PgDn deep (keyset), End, sorting
 * by leerling, text / label / school filters.  Prints TSV rows
 *     metric <TAB> value <TAB> unit
 * Usage: bench CONNINFO_APP  (the demo database as balie_app) */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/auth.h"
#include "db/conn.h"
#include "db/home.h"
#include "db/queue.h"

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

/* Median of n timings of fn. */
#define MEDIAN(n, body)                                                                                           \
	({                                                                                                        \
		double t_[n];                                                                                     \
		for (int i_ = 0; i_ < (n); i_++) {                                                                \
			double s_ = now_ms();                                                                     \
			body;                                                                                     \
			t_[i_] = now_ms() - s_;                                                                   \
		}                                                                                                 \
		qsort(t_, (n), sizeof(double), cmp_double);                                                        \
		t_[(n) / 2];                                                                                      \
	})

/* Page 1, then PgDn `pages` times (keyset: each page after the last row of
 * the one before); prints page 1, the median of the last 100 PgDn and the
 * rows reached. */
static int pages(struct db *db, const char *name, const struct queue_query *q, int npages)
{
	struct queue_row *rows = NULL, last;
	int n = 0, more = 0, depth = 0;
	struct err e;
	double t[1000], first;

	double s0 = now_ms();
	if (queue_fetch(db, q, QUEUE_FIRST, NULL, 50, &rows, &n, &more, &e) < 0) {
		fprintf(stderr, "bench: %s: %s\n", name, e.msg);
		return -1;
	}
	first = now_ms() - s0;
	depth = n;
	int k = 0;
	for (int i = 0; i < npages && more && n > 0; i++) {
		last = rows[n - 1];
		free(rows);
		double s1 = now_ms();
		if (queue_fetch(db, q, QUEUE_AFTER, &last, 50, &rows, &n, &more, &e) < 0) {
			fprintf(stderr, "bench: %s: %s\n", name, e.msg);
			return -1;
		}
		t[k++ % 1000] = now_ms() - s1;
		depth += n;
	}
	free(rows);
	printf("queue_%s_page1\t%.2f\tms\n", name, first);
	if (k > 0) {
		int m = k < 100 ? k : 100;
		double tail[100];
		for (int i = 0; i < m; i++)
			tail[i] = t[(k - 1 - i) % 1000];
		qsort(tail, (size_t)m, sizeof(double), cmp_double);
		printf("queue_%s_pgdn%d_median_last100\t%.2f\tms\n", name, k, tail[m / 2]);
		printf("queue_%s_depth_reached\t%d\trijen\n", name, depth);
	}
	return 0;
}

static int bench_queue(struct db *db, const struct session *s)
{
	struct werkdag_kalender k;
	struct err e;
	struct queue_query q;
	struct queue_node *nodes = NULL;
	int nn = 0;
	time_t now = time(NULL);
	struct tm tm;

	werkdag_kalender_init(&k);
	if (werkdag_kalender_load(&k, "forms/feestdagen.conf", &e) < 0)
		fprintf(stderr, "bench: feestdagen: %s (alleen de wettelijke dagen)\n", e.msg);
	db_set_account(db, s->account_id);
	double tree = MEDIAN(21, {
		free(nodes);
		if (queue_tree(db, s->organisatie_id, s->rollen, &nodes, &nn, &e) < 0) {
			fprintf(stderr, "bench: tree: %s\n", e.msg);
			return -1;
		}
	});
	printf("queue_tree_counts_median\t%.2f\tms\n", tree);
	free(nodes);

	memset(&q, 0, sizeof q);
	localtime_r(&now, &tm);
	q.today = datum_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	q.kalender = &k;
	q.organisatie_id = s->organisatie_id;
	q.account_id = s->account_id;
	q.sort = QS_DATUM;

	q.kind = QN_ALL;
	if (pages(db, "alle_datum", &q, 1000) < 0)
		return -1;
	q.kind = QN_CATEGORY;
	snprintf(q.categorie, sizeof q.categorie, "Ondersteuningsaanvraag");
	if (pages(db, "categorie_datum", &q, 1000) < 0)
		return -1;
	q.kind = QN_STATUS;
	snprintf(q.status, sizeof q.status, "Ondersteuningsaanvraag>aanvulling nodig");
	if (pages(db, "status_datum", &q, 300) < 0)
		return -1;
	q.sort = QS_WERKDAGEN;
	if (pages(db, "status_werkdagen", &q, 300) < 0)
		return -1;
	q.sort = QS_NUMMER;
	q.desc = 1;
	if (pages(db, "status_nummer_af", &q, 300) < 0)
		return -1;
	q.desc = 0;
	q.kind = QN_MINE;
	q.sort = QS_DATUM;
	if (pages(db, "mijn_datum", &q, 1000) < 0)
		return -1;
	q.kind = QN_ALL;
	q.sort = QS_LEERLING;
	if (pages(db, "alle_leerling", &q, 1000) < 0)
		return -1;
	q.kind = QN_STATUS;
	if (pages(db, "status_leerling", &q, 300) < 0)
		return -1;

	/* End: the last page straight away (keyset from the other side). */
	struct queue_row *rows = NULL;
	int n = 0;
	q.kind = QN_ALL;
	q.sort = QS_DATUM;
	double end = MEDIAN(5, {
		free(rows);
		if (queue_fetch(db, &q, QUEUE_LAST, NULL, 50, &rows, &n, NULL, &e) < 0) {
			fprintf(stderr, "bench: end: %s\n", e.msg);
			return -1;
		}
	});
	free(rows);
	printf("queue_alle_end_median\t%.2f\tms\n", end);

	static const struct {
		const char *name, *filter;
	} filters[] = {
		{ "filter_tekst_naam", "jansen" },
		{ "filter_tekst_twee_woorden", "jansen 14" },
		{ "filter_school", "school:14" },
		{ "filter_label", "label:urgent" },
		{ "filter_telaat", "telaat:ja" },
		{ "filter_werkdagen", "status:aanvulling werkdagen:>10" },
	};
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		if (filter_parse(filters[i].filter, &q.filter, &e) < 0) {
			fprintf(stderr, "bench: filter: %s\n", e.msg);
			return -1;
		}
		if (pages(db, filters[i].name, &q, 20) < 0)
			return -1;
	}
	werkdag_kalender_release(&k);
	return 0;
}

int main(int argc, char **argv)
{
	struct db *db = NULL;
	struct err e;
	struct session s;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 2) {
		fprintf(stderr, "gebruik: bench CONNINFO\n");
		return 2;
	}
	if (db_connect(&db, argv[1], &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 2;
	}
	double login = MEDIAN(5, {
		if (auth_password(db, "coordinator", "demo", "", &s, &e) != AUTH_OK) {
			fprintf(stderr, "bench: login: %s\n", e.msg);
			return 2;
		}
	});
	printf("login_password_argon2id_median\t%.1f\tms\n", login);

	struct home_count *c = NULL;
	int n = 0;
	long total = 0;
	double home = MEDIAN(101, {
		free(c);
		if (home_counts(db, s.organisatie_id, &c, &n, &e) < 0) {
			fprintf(stderr, "bench: home: %s\n", e.msg);
			return 2;
		}
	});
	for (int i = 0; i < n; i++)
		total += c[i].aantal;
	free(c);
	printf("home_counts_median\t%.3f\tms\n", home);
	printf("home_counts_total_rows\t%ld\thulpvragen\n", total);

	/* What the maintained counts save: the same figures by COUNT(*). */
	char org[24];
	snprintf(org, sizeof org, "%ld", s.organisatie_id);
	const char *p[1] = {org};
	double naive = MEDIAN(5, {
		db_begin(db, &e);
		PGresult *r = db_exec(db, &e, NULL,
				      "SELECT status_categorie, count(*) FROM hulpvraag WHERE organisatie_id = $1 GROUP BY 1",
				      1, p);
		if (r)
			PQclear(r);
		db_rollback(db);
	});
	printf("home_counts_by_count_star_median\t%.1f\tms\n", naive);
	if (bench_queue(db, &s) < 0)
		return 2;
	db_free(&db);
	return 0;
}
