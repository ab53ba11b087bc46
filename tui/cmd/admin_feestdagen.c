/* admin_feestdagen.c — `balie admin feestdagen JAAR`: the non-werkdagen of
 * a year other than Saturdays and Sundays (the feestdagen of the Algemene
 * termijnenwet plus the decree days of forms/feestdagen.conf), one per line
 * as "dd-mm-jjjj naam", sorted.  An admin runs it after adding a new
 * Besluit gelijkstelling to the data file. */
#include <stdio.h>
#include <stdlib.h>

#include "core/datum.h"
#include "core/validate.h"
#include "core/werkdag.h"
#include "tui/cmd/cmd.h"
#include "tui/paths.h"

static int fail(const struct err *e)
{
	char msg[1024];

	if (e->file[0])
		fprintf(stderr, "%s\n", err_format(e, msg, sizeof msg));
	else
		fprintf(stderr, "balie: %s\n", e->msg);
	return 2;
}

int cmd_admin_feestdagen(int argc, char **argv)
{
	struct werkdag_kalender k;
	struct werkdag_dag *days = NULL;
	char path[4096], buf[DATUM_BUFLEN];
	long long year;
	size_t n, i;
	struct err e;
	int rc;

	err_clear(&e);
	if (argc != 2) {
		fprintf(stderr, "gebruik: balie admin feestdagen JAAR\n");
		return 2;
	}
	if (validate_int(argv[1], 1583, 9999, &year, "Jaar", &e) < 0)
		return fail(&e);
	werkdag_kalender_init(&k);
	paths_data(path, sizeof path, "forms/feestdagen.conf");
	if (werkdag_kalender_load(&k, path, &e) < 0 ||
	    werkdag_list(&k, (int)year, 0, &days, &n, &e) < 0) {
		rc = fail(&e);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%s %s\n", datum_format(days[i].datum, buf), days[i].naam);
	rc = fflush(stdout) == 0 ? 0 : 2;
out:
	free(days);
	werkdag_kalender_release(&k);
	return rc;
}
