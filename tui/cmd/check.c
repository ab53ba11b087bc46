/* check.c — `balie check [--all | NUMMER] [--als GEBRUIKER] [--organisatie
 * CODE]`: the completeness checklist of one hulpvraag, or of every
 * hulpvraag in a "te controleren" status, on stdout (for cron reports).
 * Exit 0 when everything checked is complete, 1 when not, 2 on error.
 * stdout is a report for staff; stderr carries no titles or names. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "db/audit.h"
#include "db/auth.h"
#include "db/compleet.h"
#include "db/hulpvraag.h"
#include "db/migrate.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

#define BATCH 100

static int usage(void)
{
	fprintf(stderr, "gebruik: balie check [--all | NUMMER] [--als GEBRUIKER] [--organisatie CODE]\n");
	return 2;
}

/* Prints one hulpvraag's checklist; returns 1 when complete. */
static int print_one(const struct compleet_hv *h, int utf8)
{
	const char *yes = utf8 ? "✓" : "+", *no = utf8 ? "✗" : "-";

	printf("Hulpvraag %ld  %s  ontvangen %s\n", h->nummer, h->aanvraagtype, h->datum);
	printf("  Titel:  %s\n  Status: %s\n", h->titel, h->status);
	if (h->uitslag.n == 0) {
		printf("  Geen compleetheidsregels voor dit aanvraagtype in deze status.\n\n");
		return 1;
	}
	printf("  Compleet: %zu van %zu%s\n", h->uitslag.nok, h->uitslag.n,
	       h->uitslag.nok == h->uitslag.n ? " — compleet" : "");
	for (size_t i = 0; i < h->uitslag.n; i++) {
		const struct compleet_punt *p = &h->uitslag.punten[i];
		printf("  %s %s\n", p->ok ? yes : no, p->omschrijving);
		if (!p->ok)
			printf("      %s\n", p->melding);
	}
	printf("\n");
	return h->uitslag.nok == h->uitslag.n;
}

/* Evaluates and prints ids in batches; *incomplete counts the incomplete
 * ones.  0 / -1 with e. */
static int check_ids(struct db *db, const long *ids, size_t n, int utf8, size_t *incomplete, struct err *e)
{
	struct compleet_hv h[BATCH];

	for (size_t at = 0; at < n; at += BATCH) {
		size_t k = n - at < BATCH ? n - at : BATCH;
		if (compleet_evaluate_ids(db, ids + at, k, h, e) != 0)
			return -1;
		for (size_t i = 0; i < k; i++) {
			if (h[i].id && !print_one(&h[i], utf8))
				(*incomplete)++;
			compleet_hv_release(&h[i]);
		}
	}
	return 0;
}

int cmd_check(int argc, char **argv)
{
	const char *als = NULL, *org = NULL, *nummer = NULL;
	int all = 0, rc = 2;
	struct session s;
	struct err e;
	long *ids = NULL;
	size_t n = 0, incomplete = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--all"))
			all = 1;
		else if (!strcmp(argv[i], "--als") && i + 1 < argc)
			als = argv[++i];
		else if (!strcmp(argv[i], "--organisatie") && i + 1 < argc)
			org = argv[++i];
		else if (argv[i][0] != '-' && !nummer)
			nummer = argv[i];
		else
			return usage();
	}
	if (all == !!nummer)
		return usage();
	/* the same bounds as `balie bijlage add`: strtol turned 20 digits
	 * into LONG_MAX and asked the database for that */
	long long nr_in = 0;
	if (nummer && validate_int(nummer, 1, 999999999999LL, &nr_in, "Hulpvraagnummer", &e) < 0) {
		fprintf(stderr, "balie: '%s' is geen hulpvraagnummer: %s\n", nummer, e.msg);
		return 2;
	}
	long nr = (long)nr_in;
	int utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	err_clear(&e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	if (migrate_require_current(db, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	if (cmd_acting_session(db, als, org, &s) < 0)
		goto out;
	if (all) {
		if (compleet_te_controleren_ids(db, s.organisatie_id, &ids, &n, &e) != 0) {
			cmd_fail(&e);
			goto out;
		}
		if (n == 0)
			printf("Geen hulpvragen te controleren in %s.\n", s.organisatie_code);
	} else {
		long id = 0;
		if (hulpvraag_by_nummer(db, s.organisatie_id, nr, &id, &e) != 0) {
			cmd_fail(&e);
			goto out;
		}
		if (id == 0) {
			fprintf(stderr, "balie: hulpvraag %ld bestaat niet in %s (of %s mag hem niet zien)\n", nr,
				s.organisatie_code, s.username);
			goto out;
		}
		ids = malloc(sizeof *ids);
		if (!ids) {
			fprintf(stderr, "balie: onvoldoende geheugen\n");
			goto out;
		}
		ids[0] = id;
		n = 1;
	}
	if (check_ids(db, ids, n, utf8, &incomplete, &e) != 0) {
		cmd_fail(&e);
		goto out;
	}
	if (all && n > 0)
		printf("%zu hulpvragen te controleren, %zu niet compleet.\n", n, incomplete);
	/* the checklist shows hulpvragen: audited like a view (ids only) */
	char detail[64];
	snprintf(detail, sizeof detail, "%zu hulpvragen", n);
	if (n > 0 && audit_write(db, s.account_id, s.organisatie_id, "compleetheid-bekeken", "hulpvraag",
				 all ? 0 : ids[0], detail, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	fflush(stdout);
	rc = incomplete > 0 ? 1 : 0;
out:
	free(ids);
	db_free(&db);
	return rc;
}
