/* bench.c — timings of the foundation against a filled demo database:
 * the home-screen counts (maintained telling vs. a COUNT over the big table)
 * and a full password login (argon2id).  Prints TSV rows
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

int main(int argc, char **argv)
{
	struct db *db = NULL;
	struct err e;
	struct session s;
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
	db_free(&db);
	return 0;
}
