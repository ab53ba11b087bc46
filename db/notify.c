/* notify.c — LISTEN/NOTIFY for live updates; see notify.h. */
#include "db/notify.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>

int notify_listen(struct db *db, struct err *e)
{
	return db_exec_script(db, "LISTEN " NOTIFY_CHANNEL, e);
}

int notify_socket(struct db *db)
{
	return db && db_ok(db) ? PQsocket(db_pg(db)) : -1;
}

int notify_parse(const char *payload, struct notify_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (!payload || sscanf(payload, "%31s %ld %ld", ev->table, &ev->id, &ev->organisatie_id) != 3)
		return -1;
	return ev->id > 0 && ev->organisatie_id > 0 ? 0 : -1;
}

int notify_drain(struct db *db, void (*fn)(const struct notify_event *ev, void *arg), void *arg,
		 struct err *e)
{
	PGconn *pg = db_pg(db);
	int n = 0;
	if (!PQconsumeInput(pg) || PQstatus(pg) != CONNECTION_OK) {
		err_set(e, "verbinding met de database verbroken");
		return -1;
	}
	PGnotify *nf;
	int self = PQbackendPID(pg);
	while ((nf = PQnotifies(pg)) != NULL) {
		struct notify_event ev;
		if (!strcmp(nf->relname, NOTIFY_CHANNEL) && notify_parse(nf->extra, &ev) == 0) {
			ev.own = nf->be_pid == self;
			fn(&ev, arg);
			n++;
		}
		PQfreemem(nf);
	}
	return n;
}
