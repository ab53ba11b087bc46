/* common.c — helpers shared by the verbs; see common.h. */
#include "tui/cmd/common.h"

#include <stdio.h>

int cmd_fail(const struct err *e)
{
	char buf[1024];
	fprintf(stderr, "balie: %s\n", err_format(e, buf, sizeof buf));
	return 2;
}

struct db *cmd_connect(void)
{
	struct db *db = NULL;
	struct err e;
	err_clear(&e);
	if (db_connect(&db, main_config()->conninfo, &e) < 0) {
		cmd_fail(&e);
		return NULL;
	}
	return db;
}
