/* admin_agenda.c — the agenda's configuration for the administrator
 * (issue 11 §1–2), with the database role that may write configuration
 * (every change is audited by the database):
 *
 *   balie admin commissie list [ORGANISATIE]
 *   balie admin commissie set ORGANISATIE CODE NAAM [--deadline WERKDAGEN] [--toegang DAGEN]
 *   balie admin commissie remove ORGANISATIE CODE
 *   balie admin regio ORGANISATIE [noord|midden|zuid|geen]
 *   balie admin verlengdeadline list [ORGANISATIE]
 *   balie admin verlengdeadline set ORGANISATIE SCHOOLJAAR DD-MM-JJJJ
 *   balie admin verlengdeadline remove ORGANISATIE SCHOOLJAAR
 *
 * What was typed is checked (Dutch message, nothing changed) before
 * anything is connected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"
#include "core/datum.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "db/agendabeheer.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

static int usage_commissie(void)
{
	fprintf(stderr, "gebruik: balie admin commissie list [ORGANISATIE]\n"
			"       balie admin commissie set ORGANISATIE CODE NAAM [--deadline WERKDAGEN] [--toegang DAGEN]\n"
			"       balie admin commissie remove ORGANISATIE CODE\n");
	return 2;
}

/* A commissie code as the database takes it: letters, digits, "!", "/",
 * "-" and spaces, 1 to 40 ("CT", "Kans!overleg", "PCL/ZAT"). */
static int code_ok(const char *s, struct err *e)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!/ -") != n)
		return err_set(e, "Code \"%s\": 1 tot 40 letters, cijfers, !, /, - of spaties (bijvoorbeeld CT of "
				  "Kans!overleg)", s);
	return 0;
}

static int getal(const char *s, long long min, long long max, const char *wat, int *out, struct err *e)
{
	long long v;

	if (validate_int(s, min, max, &v, wat, e) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

int cmd_admin_commissie(int argc, char **argv)
{
	struct db_commissie c;
	struct db *db;
	struct err e;
	int rc = 0, nieuw = 0, found = 0;

	err_clear(&e);
	memset(&c, 0, sizeof c);
	c.deadline_werkdagen = -1; /* not given: the default, or unchanged */
	c.toegang_dagen = -1;
	if (argc < 2)
		return usage_commissie();
	if (!strcmp(argv[1], "list")) {
		if (argc > 3)
			return usage_commissie();
	} else if (!strcmp(argv[1], "set")) {
		if (argc < 5)
			return usage_commissie();
		for (int i = 5; i < argc; i++) {
			if (i + 1 < argc && !strcmp(argv[i], "--deadline"))
				rc = getal(argv[++i], 0, 60, "--deadline",
					   &c.deadline_werkdagen, &e);
			else if (i + 1 < argc && !strcmp(argv[i], "--toegang"))
				rc = getal(argv[++i], 0, 365, "--toegang", &c.toegang_dagen, &e);
			else
				return usage_commissie();
			if (rc < 0)
				return cmd_fail(&e);
		}
		if (code_ok(argv[3], &e) < 0)
			return cmd_fail(&e);
		if (!argv[4][0] || strlen(argv[4]) > 120 || utf8_has_unsafe(argv[4], 0)) {
			err_set(&e, "Naam: 1 tot 120 tekens, zonder stuurtekens");
			return cmd_fail(&e);
		}
		snprintf(c.organisatie, sizeof c.organisatie, "%s", argv[2]);
		snprintf(c.code, sizeof c.code, "%s", argv[3]);
		snprintf(c.naam, sizeof c.naam, "%s", argv[4]);
	} else if (!strcmp(argv[1], "remove")) {
		if (argc != 4)
			return usage_commissie();
	} else {
		return usage_commissie();
	}
	if (!(db = cmd_connect()))
		return 2;
	if (!strcmp(argv[1], "list")) {
		struct db_commissie *l = NULL;
		int n = 0;

		if (db_commissie_list(db, argc == 3 ? argv[2] : NULL, &l, &n, &e) < 0) {
			rc = cmd_fail(&e);
		} else {
			if (n == 0)
				printf("Geen commissies (balie admin commissie set …)\n");
			for (int i = 0; i < n; i++)
				printf("%-7s %-14s %-40s deadline %2d werkdagen, toegang %3d dagen, %d vergadering%s\n",
				       l[i].organisatie, l[i].code, l[i].naam, l[i].deadline_werkdagen, l[i].toegang_dagen,
				       l[i].vergaderingen, l[i].vergaderingen == 1 ? "" : "en");
		}
		free(l);
	} else if (!strcmp(argv[1], "set")) {
		rc = db_commissie_set(db, &c, &nieuw, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0)
			printf("%s %s: %s, deadline %d werkdagen, toegang %d dagen (%s)\n", argv[2], c.code, c.naam,
			       c.deadline_werkdagen, c.toegang_dagen, nieuw ? "nieuw" : "gewijzigd");
	} else {
		rc = db_commissie_remove(db, argv[2], argv[3], &found, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0 && !found) {
			fprintf(stderr, "balie: geen commissie %s bij %s\n", argv[3], argv[2]);
			rc = 1;
		} else if (rc == 0) {
			printf("%s %s: verwijderd\n", argv[2], argv[3]);
		}
	}
	db_free(&db);
	return rc;
}

int cmd_admin_regio(int argc, char **argv)
{
	const char *regio = NULL;
	char nu[16];
	struct db *db;
	struct err e;
	int rc;

	err_clear(&e);
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "gebruik: balie admin regio ORGANISATIE [noord|midden|zuid|geen]\n");
		return 2;
	}
	if (argc == 3) {
		if (strcmp(argv[2], "noord") && strcmp(argv[2], "midden") && strcmp(argv[2], "zuid") &&
		    strcmp(argv[2], "geen")) {
			fprintf(stderr, "balie: regio \"%s\" bestaat niet: noord, midden, zuid of geen\n", argv[2]);
			return 2;
		}
		regio = strcmp(argv[2], "geen") ? argv[2] : NULL;
	}
	if (!(db = cmd_connect()))
		return 2;
	if (argc == 3 && db_regio_set(db, argv[1], regio, &e) < 0)
		rc = cmd_fail(&e);
	else if (db_regio_get(db, argv[1], nu, sizeof nu, &e) < 0)
		rc = cmd_fail(&e);
	else
		rc = 0, printf("%s: regio %s%s\n", argv[1], nu[0] ? nu : "geen",
			       nu[0] ? " (reeksen slaan de schoolvakanties van die regio over)" : " (alleen feestdagen overgeslagen)");
	db_free(&db);
	return rc;
}

static int usage_verleng(void)
{
	fprintf(stderr, "gebruik: balie admin verlengdeadline list [ORGANISATIE]\n"
			"       balie admin verlengdeadline set ORGANISATIE SCHOOLJAAR DD-MM-JJJJ\n"
			"       balie admin verlengdeadline remove ORGANISATIE SCHOOLJAAR\n"
			"  SCHOOLJAAR: 2026-2027; de datum ligt in dat schooljaar (1 augustus - 31 juli)\n");
	return 2;
}

int cmd_admin_verlengdeadline(int argc, char **argv)
{
	struct datum d = { 0, 0, 0 }, was;
	char jaar[12], ds[DATUM_BUFLEN], ws[DATUM_BUFLEN];
	struct db *db;
	struct err e;
	int sj = 0, rc, found = 0;

	err_clear(&e);
	if (argc < 2)
		return usage_verleng();
	if (!strcmp(argv[1], "list")) {
		if (argc > 3)
			return usage_verleng();
	} else if (!strcmp(argv[1], "set")) {
		if (argc != 5)
			return usage_verleng();
		if (beschikking_schooljaar_parse(argv[3], &sj, &e) < 0 || datum_parse(argv[4], &d, &e) < 0)
			return cmd_fail(&e);
		if (datum_cmp(d, datum_make(sj, 8, 1)) < 0 || datum_cmp(d, datum_make(sj + 1, 7, 31)) > 0) {
			fprintf(stderr, "balie: %s ligt niet in schooljaar %s (01-08-%d tot en met 31-07-%d)\n", argv[4],
				argv[3], sj, sj + 1);
			return 2;
		}
	} else if (!strcmp(argv[1], "remove")) {
		if (argc != 4)
			return usage_verleng();
		if (beschikking_schooljaar_parse(argv[3], &sj, &e) < 0)
			return cmd_fail(&e);
	} else {
		return usage_verleng();
	}
	if (!(db = cmd_connect()))
		return 2;
	if (!strcmp(argv[1], "list")) {
		struct db_verlengdeadline *l = NULL;
		int n = 0;

		rc = db_verlengdeadline_list(db, argc == 3 ? argv[2] : NULL, &l, &n, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0 && n == 0)
			printf("Geen verlengingendeadlines (balie admin verlengdeadline set …)\n");
		for (int i = 0; rc == 0 && i < n; i++)
			printf("%-7s %s  %s\n", l[i].organisatie, beschikking_schooljaar_naam(l[i].schooljaar, jaar),
			       datum_format(l[i].datum, ds));
		free(l);
	} else if (!strcmp(argv[1], "set")) {
		rc = db_verlengdeadline_set(db, argv[2], sj, d, &was, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0)
			printf("%s %s: verlengingen uiterlijk %s (%s%s)\n", argv[2], beschikking_schooljaar_naam(sj, jaar),
			       datum_format(d, ds), was.y ? "was " : "nieuw", was.y ? datum_format(was, ws) : "");
	} else {
		rc = db_verlengdeadline_remove(db, argv[2], sj, &found, &e) < 0 ? cmd_fail(&e) : 0;
		if (rc == 0 && !found) {
			fprintf(stderr, "balie: geen verlengingendeadline voor %s in %s\n", argv[2],
				beschikking_schooljaar_naam(sj, jaar));
			rc = 1;
		} else if (rc == 0) {
			printf("%s %s: verwijderd\n", argv[2], beschikking_schooljaar_naam(sj, jaar));
		}
	}
	db_free(&db);
	return rc;
}
