/* admin_budget.c — `balie admin budget`: the budgets per organisatie,
 * school year and kind (issue 10 §5; 002 "bewaakt de beschikbare
 * budgetten"), kept by the administrator with the database role that may
 * write configuration (every change is audited by the database), and the
 * forecast per month.
 *
 *   balie admin budget list [ORGANISATIE]
 *   balie admin budget set ORGANISATIE SCHOOLJAAR SOORT BEDRAG
 *   balie admin budget prognose ORGANISATIE SCHOOLJAAR SOORT
 *
 * SOORT is the aanpak's type ("arrangement", "schoolbudget" …). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"
#include "core/validate.h"
#include "db/budget.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie admin budget list [ORGANISATIE]\n"
			"       balie admin budget set ORGANISATIE SCHOOLJAAR SOORT BEDRAG\n"
			"       balie admin budget prognose ORGANISATIE SCHOOLJAAR SOORT\n"
			"  SCHOOLJAAR: 2025-2026; SOORT: het type van de aanpak (arrangement …); BEDRAG: 250.000\n");
	return 2;
}

static int list(struct db *db, const char *code)
{
	struct db_budget *b = NULL;
	int n = 0;
	struct err e;
	char jaar[12], bedrag[VALIDATE_MONEY_LEN], vast[VALIDATE_MONEY_LEN];

	if (db_budget_list(db, code, &b, &n, &e) < 0)
		return cmd_fail(&e);
	if (n == 0)
		printf("Geen budgetten%s%s (balie admin budget set …)\n", code ? " voor " : "", code ? code : "");
	for (int i = 0; i < n; i++)
		printf("%-7s %s  %-20s %18s   vastgelegd %s\n", b[i].organisatie,
		       beschikking_schooljaar_naam(b[i].schooljaar, jaar), b[i].soort,
		       validate_money_format(b[i].cents, bedrag, sizeof bedrag),
		       validate_money_format(b[i].vastgelegd, vast, sizeof vast));
	free(b);
	return 0;
}

static int prognose(struct db *db, const char *code, int jaar, const char *soort)
{
	struct db_prognose p[12];
	int64_t budget;
	struct err e;
	char a[VALIDATE_MONEY_LEN], b[VALIDATE_MONEY_LEN], c[VALIDATE_MONEY_LEN], naam[12];

	if (db_budget_prognose(db, code, jaar, soort, &budget, p, &e) < 0)
		return cmd_fail(&e);
	printf("%s %s %s: budget %s\n", code, beschikking_schooljaar_naam(jaar, naam), soort,
	       budget ? validate_money_format(budget, a, sizeof a) : "geen");
	printf("%-8s %18s %18s %18s\n", "maand", "vastgelegd", "verwacht", "samen");
	for (int i = 0; i < 12; i++) {
		int64_t samen = p[i].vastgelegd + p[i].verwacht;
		printf("%-8s %18s %18s %18s%s\n", p[i].maand, validate_money_format(p[i].vastgelegd, a, sizeof a),
		       validate_money_format(p[i].verwacht, b, sizeof b), validate_money_format(samen, c, sizeof c),
		       budget && samen > budget ? "  boven budget" : "");
	}
	return 0;
}

int cmd_admin_budget(int argc, char **argv)
{
	struct db *db;
	struct err e;
	int jaar = 0, rc;
	int64_t cents = 0, was = 0;
	char bedrag[VALIDATE_MONEY_LEN], oud[VALIDATE_MONEY_LEN], naam[12];

	err_clear(&e);
	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "list")) {
		if (argc > 3)
			return usage();
	} else if (!strcmp(argv[1], "set") || !strcmp(argv[1], "prognose")) {
		if (argc != (!strcmp(argv[1], "set") ? 6 : 5))
			return usage();
		/* what was typed is checked before anything is connected */
		if (beschikking_schooljaar_parse(argv[3], &jaar, &e) < 0)
			return cmd_fail(&e);
		if (!argv[4][0] || strlen(argv[4]) > 200 || strspn(argv[4], " ") == strlen(argv[4])) {
			err_set(&e, "Soort moet 1 tot 200 tekens zijn, bijvoorbeeld arrangement");
			return cmd_fail(&e);
		}
		if (argc == 6 && validate_money(argv[5], &cents, &e) < 0)
			return cmd_fail(&e);
		if (argc == 6 && (cents <= 0 || cents > BUDGET_MAX_CENT)) {
			err_set(&e, "Budget moet meer dan € 0,00 en ten hoogste %s zijn",
				validate_money_format(BUDGET_MAX_CENT, bedrag, sizeof bedrag));
			return cmd_fail(&e);
		}
	} else {
		return usage();
	}
	if (!(db = cmd_connect()))
		return 2;
	if (!strcmp(argv[1], "list")) {
		rc = list(db, argc == 3 ? argv[2] : NULL);
	} else if (!strcmp(argv[1], "prognose")) {
		rc = prognose(db, argv[2], jaar, argv[4]);
	} else {
		rc = db_budget_set(db, argv[2], jaar, argv[4], cents, &was, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0)
			printf("%s %s %s: %s (%s%s)\n", argv[2], beschikking_schooljaar_naam(jaar, naam), argv[4],
			       validate_money_format(cents, bedrag, sizeof bedrag), was ? "was " : "nieuw",
			       was ? validate_money_format(was, oud, sizeof oud) : "");
	}
	db_free(&db);
	return rc;
}
