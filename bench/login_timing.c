/* login_timing.c — `make bench`, issue 12 §4: can the clock of a failed
 * login tell a real username from a made-up one?
 *
 *   login_timing APP-CONNINFO OWNER-CONNINFO RESULTS.tsv
 *
 * Makes an account whose hash has an older, cheaper argon2id cost (as
 * after an administrator raised the cost in balie.conf and before its owner
 * logged in again), then times PAIRS (default 100) pairs of failed logins
 * through db/auth.c — that account with a wrong password against a name
 * that does not exist, in random order within each pair — at the default
 * cost and at a raised cost.  Per cost it appends a row to RESULTS.tsv:
 * median and p99 of the real account (median_ms, p99_ms), of the unknown
 * name (raw_median_ms, raw_p99_ms), and the paired t statistic of the
 * differences (value, unit "t"; |t| < 2: no significant difference).
 * Measured, never asserted in `make check`.  The account is removed after. */
#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/wachtwoord.h"
#include "db/auth.h"
#include "db/conn.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double quantile(const double *v, int n, double q)
{
	double *s = malloc((size_t)n * sizeof *s);
	double r;

	memcpy(s, v, (size_t)n * sizeof *s);
	qsort(s, (size_t)n, sizeof *s, cmp_double);
	r = s[(int)(q * (n - 1) + 0.5)];
	free(s);
	return r;
}

static void must(PGconn *c, const char *sql, int np, const char *const *p)
{
	PGresult *r = PQexecParams(c, sql, np, NULL, p, NULL, NULL, 0);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "login_timing: %s: %s", sql, PQerrorMessage(c));
		exit(2);
	}
	PQclear(r);
}

/* PAIRS pairs at cost cur; one results row named name. */
static void measure(struct db *app, const struct wachtwoord_params *cur, int pairs, const char *name, FILE *out)
{
	double *real = calloc((size_t)pairs, sizeof *real), *unknown = calloc((size_t)pairs, sizeof *unknown);
	double sum = 0, sumsq = 0, mean, sd, t;
	struct session s;
	struct err e;

	for (int i = 0; i < pairs; i++) {
		for (int k = 0; k < 2; k++) {
			/* random order within the pair: drift (cache, load) hits both */
			int first_real = rand() & 1, do_real = k == 0 ? first_real : !first_real;
			double t0 = now_ms();

			auth_password_p(app, cur, do_real ? "bench.oudehash" : "bench.bestaatniet",
					"een fout wachtwoord van lengte", "", &s, &e);
			(do_real ? real : unknown)[i] = now_ms() - t0;
		}
		double d = real[i] - unknown[i];
		sum += d;
		sumsq += d * d;
	}
	mean = sum / pairs;
	sd = sqrt((sumsq - pairs * mean * mean) / (pairs - 1));
	t = sd > 0 ? mean / (sd / sqrt((double)pairs)) : 0;
	fprintf(out, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\tt\n", name, quantile(real, pairs, 0.5), quantile(real, pairs, 0.99),
		quantile(unknown, pairs, 0.5), quantile(unknown, pairs, 0.99), t);
	printf("%-24s bestaand (oude hash) median %7.1f ms, onbekend %7.1f ms, verschil gemiddeld %+6.2f ms, "
	       "gepaarde t = %+.2f (%s)\n",
	       name, quantile(real, pairs, 0.5), quantile(unknown, pairs, 0.5), mean, t,
	       fabs(t) < 2 ? "geen significant verschil" : "VERSCHIL");
	free(real);
	free(unknown);
}

int main(int argc, char **argv)
{
	struct wachtwoord_params old = { 1, 32u << 20 }, def, raised = { 4, 256u << 20 };
	char hash[WACHTWOORD_HASH_LEN];
	int pairs = getenv("LOGIN_PAIRS") ? atoi(getenv("LOGIN_PAIRS")) : 100;
	struct db *app;
	struct err e;
	FILE *out;
	PGconn *own;

	if (argc != 4) {
		fprintf(stderr, "gebruik: login_timing APP-CONNINFO OWNER-CONNINFO RESULTS.tsv\n");
		return 2;
	}
	srand(12);
	wachtwoord_params_default(&def);
	if (wachtwoord_hash("het goede wachtwoord van de bench", &old, hash, &e) < 0) {
		fprintf(stderr, "login_timing: %s\n", e.msg);
		return 2;
	}
	own = PQconnectdb(argv[2]);
	if (PQstatus(own) != CONNECTION_OK) {
		fprintf(stderr, "login_timing: %s", PQerrorMessage(own));
		return 2;
	}
	const char *p[1] = { hash };
	must(own, "SET search_path = balie", 0, NULL);
	must(own, "DELETE FROM login_onbekend", 0, NULL);
	must(own, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES ('bench.oudehash', 'Bench', $1)", 1, p);
	must(own, "INSERT INTO account_rol SELECT a.id, o.id, 'secretariaat' FROM account a, organisatie o "
		  "WHERE a.username = 'bench.oudehash' AND o.code = (SELECT min(code) FROM organisatie)", 0, NULL);
	if (db_connect(&app, argv[1], &e) < 0) {
		fprintf(stderr, "login_timing: %s\n", e.msg);
		return 2;
	}
	out = fopen(argv[3], "a");
	if (!out) {
		perror(argv[3]);
		return 2;
	}
	measure(app, &def, pairs, "login_fail_default_cost", out);
	measure(app, &raised, pairs, "login_fail_raised_cost", out);
	fclose(out);
	db_free(&app);
	must(own, "DELETE FROM account_rol WHERE account_id = (SELECT id FROM account WHERE username = 'bench.oudehash')",
	     0, NULL);
	must(own, "SET session_replication_role = replica", 0, NULL); /* the audit rows keep the account id */
	must(own, "DELETE FROM account WHERE username = 'bench.oudehash'", 0, NULL);
	PQfinish(own);
	return 0;
}
