/* admin_sessies.c — `balie admin sessions list [ACCOUNT] | end ACCOUNT`:
 * who is logged in, and ending every session of an account at once (a
 * lost laptop, someone who left).  Blocking an account or a new password
 * or TOTP secret ends them too (027_sessie.sql). */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/sessie.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie admin sessions list [GEBRUIKER] | end GEBRUIKER\n");
	return 2;
}

int cmd_admin_sessions(int argc, char **argv)
{
	struct err e;
	char who[96];
	const char *sudo = getenv("SUDO_USER");
	const struct passwd *pw = getpwuid(getuid());
	int rc = -1, n = 0;

	/* argv[0] is "sessions" */
	argc--;
	argv++;
	if (argc < 1 || (strcmp(argv[0], "list") && strcmp(argv[0], "end")) || (!strcmp(argv[0], "end") && argc != 2))
		return usage();
	snprintf(who, sizeof who, "door %s%s", sudo && *sudo ? sudo : pw ? pw->pw_name : "?",
		 sudo && *sudo ? " (via sudo)" : "");
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	err_clear(&e);
	if (!strcmp(argv[0], "list")) {
		rc = sessie_list(db, argc > 1 ? argv[1] : NULL, stdout, &e);
	} else if ((rc = sessie_end_account(db, argv[1], who, &n, &e)) == 0) {
		printf(n == 1 ? "%d sessie van %s beëindigd.\n" : "%d sessies van %s beëindigd.\n", n, argv[1]);
	}
	db_free(&db);
	return rc < 0 ? cmd_fail(&e) : 0;
}
