/* admin_cluster.c — `balie admin cluster create|start|stop|remove|env DIR`:
 * the private PostgreSQL cluster helper on the command line (used by the
 * database tests and handy for a second throwaway database). */
#include <stdio.h>
#include <string.h>

#include "db/cluster.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

int cmd_admin_cluster(int argc, char **argv)
{
	struct err e;
	int rc = 0;

	if (argc != 3 && !(argc == 4 && !strcmp(argv[3], "--snel"))) {
		fprintf(stderr, "gebruik: balie admin cluster create|start|stop|remove|env MAP [--snel]\n");
		return 2;
	}
	const char *what = argv[1], *dir = argv[2];
	unsigned flags = argc == 4 ? CLUSTER_FAST : 0;
	err_clear(&e);
	if (!strcmp(what, "create"))
		rc = cluster_create(dir, flags, &e);
	else if (!strcmp(what, "start"))
		rc = cluster_start(dir, flags, &e);
	else if (!strcmp(what, "stop"))
		rc = cluster_stop(dir, &e);
	else if (!strcmp(what, "remove"))
		rc = cluster_remove(dir, &e);
	else if (!strcmp(what, "env")) {
		printf("export PGHOST='%s'\nexport PGPORT=5432\nexport PGUSER=postgres\n", dir);
		return 0;
	} else {
		fprintf(stderr, "balie: onbekend: admin cluster %s\n", what);
		return 2;
	}
	return rc < 0 ? cmd_fail(&e) : 0;
}
