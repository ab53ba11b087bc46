/* admin_tarief.c — `balie admin tarief`: the tariff table of the
 * arrangementen (per organisatie, school year and categorie; 004 §4.2),
 * maintained by the administrator with the database role that may write
 * configuration (every change is audited by the database).
 *
 *   balie admin tarief list [ORGANISATIE]
 *   balie admin tarief set ORGANISATIE SCHOOLJAAR CATEGORIE BEDRAG
 *   balie admin tarief remove ORGANISATIE SCHOOLJAAR CATEGORIE
 *
 * SCHOOLJAAR is "2024-2025" (1 August – 31 July); BEDRAG as people write
 * it ("8.500", "8500,00", "€ 8.500,00"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"
#include "core/validate.h"
#include "db/tarief.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie admin tarief list [ORGANISATIE]\n"
			"       balie admin tarief set ORGANISATIE SCHOOLJAAR CATEGORIE BEDRAG\n"
			"       balie admin tarief remove ORGANISATIE SCHOOLJAAR CATEGORIE\n"
			"  SCHOOLJAAR: 2024-2025; BEDRAG: 8.500 of \"€ 8.500,00\"\n");
	return 2;
}

static int list(struct db *db, const char *code)
{
	struct db_tarief *t = NULL;
	int n = 0;
	struct err e;
	char jaar[12], bedrag[VALIDATE_MONEY_LEN];

	if (db_tarief_list(db, code, &t, &n, &e) < 0)
		return cmd_fail(&e);
	if (n == 0)
		printf("Geen tarieven%s%s (balie admin tarief set …)\n", code ? " voor " : "", code ? code : "");
	for (int i = 0; i < n; i++)
		printf("%-7s %s  %-20s %14s   (%s)\n", t[i].organisatie, beschikking_schooljaar_naam(t[i].schooljaar, jaar),
		       t[i].categorie, validate_money_format(t[i].cents, bedrag, sizeof bedrag), t[i].gewijzigd);
	free(t);
	return 0;
}

/* Checks SCHOOLJAAR and CATEGORIE (argv[3], argv[4]). */
static int args(char **argv, int *jaar, struct err *e)
{
	if (beschikking_schooljaar_parse(argv[3], jaar, e) < 0)
		return -1;
	if (!argv[4][0] || strlen(argv[4]) > 100 || strspn(argv[4], " ") == strlen(argv[4]))
		return err_set(e, "Categorie moet 1 tot 100 tekens zijn, bijvoorbeeld Midden");
	return 0;
}

int cmd_admin_tarief(int argc, char **argv)
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
	} else if (!strcmp(argv[1], "set")) {
		if (argc != 6)
			return usage();
		/* what was typed is checked before anything is connected */
		if (args(argv, &jaar, &e) < 0 || beschikking_bedrag(argv[5], &cents, &e) < 0)
			return cmd_fail(&e);
	} else if (!strcmp(argv[1], "remove")) {
		if (argc != 5)
			return usage();
		if (args(argv, &jaar, &e) < 0)
			return cmd_fail(&e);
	} else {
		return usage();
	}
	if (!(db = cmd_connect()))
		return 2;
	if (!strcmp(argv[1], "list")) {
		rc = list(db, argc == 3 ? argv[2] : NULL);
	} else if (!strcmp(argv[1], "set")) {
		rc = db_tarief_set(db, argv[2], jaar, argv[4], cents, &was, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0)
			printf("%s %s %s: %s (%s%s)\n", argv[2], beschikking_schooljaar_naam(jaar, naam), argv[4],
			       validate_money_format(cents, bedrag, sizeof bedrag), was ? "was " : "nieuw",
			       was ? validate_money_format(was, oud, sizeof oud) : "");
	} else {
		int found = 0;
		rc = db_tarief_remove(db, argv[2], jaar, argv[4], &found, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0 && !found) {
			fprintf(stderr, "balie: geen tarief %s voor %s in %s\n", argv[4], argv[2],
				beschikking_schooljaar_naam(jaar, naam));
			rc = 1;
		} else if (rc == 0) {
			printf("%s %s %s: verwijderd\n", argv[2], beschikking_schooljaar_naam(jaar, naam), argv[4]);
		}
	}
	db_free(&db);
	return rc;
}
