/* notify.c — LISTEN/NOTIFY for live updates; see notify.h. */
#include "db/notify.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>

int notify_listen(struct db *db, struct err *e)
{
	return db_exec_script(db, "LISTEN " NOTIFY_CHANNEL "; LISTEN " NOTIFY_SESSIE_CHANNEL, e);
}

int notify_socket(struct db *db)
{
	return db && db_ok(db) ? PQsocket(db_pg(db)) : -1;
}

int notify_parse(const char *payload, struct notify_event *ev)
{
	memset(ev, 0, sizeof *ev);
	int n = payload ? sscanf(payload, "%31s %ld %ld %d", ev->table, &ev->id, &ev->organisatie_id, &ev->pid) : 0;
	if (n < 3)
		return -1;
	return ev->id > 0 && ev->organisatie_id > 0 ? 0 : -1;
}

/* One notification of the notifier carries many lines (migration 014's
 * wijzigingen_melden); each is an event.  The sender is the notifier, so
 * "own" is the pid in the line: the backend whose transaction made it. */
static int drain_lines(const char *extra, int self, void (*fn)(const struct notify_event *ev, void *arg),
		       void *arg)
{
	int n = 0;

	for (const char *line = extra; line && *line;) {
		const char *nl = strchr(line, '\n');
		char one[128];
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		struct notify_event ev;

		if (len < sizeof one) {
			memcpy(one, line, len);
			one[len] = '\0';
			if (notify_parse(one, &ev) == 0) {
				ev.own = ev.pid == self;
				fn(&ev, arg);
				n++;
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	return n;
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
		if (!strcmp(nf->relname, NOTIFY_CHANNEL)) {
			n += drain_lines(nf->extra, self, fn, arg);
		} else if (!strcmp(nf->relname, NOTIFY_SESSIE_CHANNEL)) {
			/* some session ended: whether it is ours, the
			 * database says (auth_session_reason) */
			struct notify_event ev;

			memset(&ev, 0, sizeof ev);
			snprintf(ev.table, sizeof ev.table, "sessie");
			fn(&ev, arg);
			n++;
		}
		PQfreemem(nf);
	}
	return n;
}
