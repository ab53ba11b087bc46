/* admin_migrate.c — `balie admin migrate`: bring the schema up to date. */
#include <stdio.h>

#include "db/migrate.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

int cmd_admin_migrate(int argc, char **argv)
{
	struct err e;
	int applied = 0;

	if (argc != 1) {
		fprintf(stderr, "gebruik: balie admin migrate\n");
		return 2;
	}
	err_clear(&e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	int rc = migrate_up(db, &applied, &e);
	if (rc < 0) {
		db_free(&db);
		return cmd_fail(&e);
	}
	if (applied == 0)
		printf("Schema is al bij (versie %d); niets te doen.\n", migrate_latest());
	else
		printf("%d migratie(s) toegepast; schemaversie is nu %d.\n", applied, migrate_latest());
	db_free(&db);
	return 0;
}
