/* export.c — `balie export agenda [--commissie CODE] [--lid GEBRUIKER] --van DD-MM-JJJJ
 * --tot DD-MM-JJJJ --ics [--als GEBRUIKER] [--organisatie CODE]`: the
 * meetings as iCalendar on stdout (tui/ics), for a calendar program.  The
 * file carries no pupil data. */
#include "tui/cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"
#include "db/agenda.h"
#include "db/auth.h"
#include "db/migrate.h"
#include "tui/cmd/common.h"
#include "tui/ics.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie export agenda [--commissie CODE] [--lid GEBRUIKER] --van DD-MM-JJJJ\n"
			"                          --tot DD-MM-JJJJ --ics [--als GEBRUIKER] [--organisatie CODE]\n");
	return 2;
}

int cmd_export(int argc, char **argv)
{
	const char *als = NULL, *org = NULL, *com = NULL, *van_s = NULL, *tot_s = NULL, *lid = NULL;
	int ics = 0, rc = 2, n = 0;
	struct datum van, tot;
	struct session s;
	struct err e;
	struct agenda_vergadering_rij *rows = NULL;
	char *out = NULL;
	struct db *db;

	/* argv[0] is "agenda" (cmd_find matched "export agenda") */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ics"))
			ics = 1;
		else if (i + 1 < argc && !strcmp(argv[i], "--commissie"))
			com = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--van"))
			van_s = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--tot"))
			tot_s = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--lid"))
			lid = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--als"))
			als = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--organisatie"))
			org = argv[++i];
		else
			return usage();
	}
	if (!ics || !van_s || !tot_s)
		return usage();
	err_clear(&e);
	if (datum_parse(van_s, &van, &e) < 0 || datum_parse(tot_s, &tot, &e) < 0) {
		fprintf(stderr, "balie: %s\n", e.msg);
		return 2;
	}
	if (datum_cmp(tot, van) < 0 || datum_diff(van, tot) > 3 * 366) {
		fprintf(stderr, "balie: --tot moet na --van liggen, hoogstens drie jaar later\n");
		return 2;
	}
	if (!(db = cmd_connect()))
		return 2;
	if (migrate_require_current(db, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	if (cmd_acting_session(db, als, org, &s) < 0)
		goto out;
	if (db_agenda_vergaderingen(db, s.organisatie_id, van, tot, com, lid, &rows, &n, &e) < 0 ||
	    ics_agenda(rows, n, s.organisatie_code, &out, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	fputs(out, stdout);
	rc = fflush(stdout) == 0 ? 0 : 2;
	fprintf(stderr, "balie: %d vergadering%s%s%s\n", n, n == 1 ? "" : "en", com ? " van de " : "", com ? com : "");
out:
	free(out);
	free(rows);
	db_free(&db);
	return rc;
}
