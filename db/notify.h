/* notify.h — live updates: LISTEN on the channel balie_changes and the
 * events that arrive on it.
 *
 * The database records every committed change to a hulpvraag (triggers of
 * migrations 004/009/010, since 014 into the table wijziging), and the one
 * notifier (`balie notify --daemon`, tui/cmd/notify.c) sends them at most
 * once a second as one notification of lines "hulpvraag <id>
 * <organisatie_id> <pid>": ids only, no personal data; pid is the backend
 * that made the change.  Writers never NOTIFY themselves (NOTIFY serialises
 * commits).  A pane that shows hulpvragen reloads what it
 * shows when an event for its organisatie arrives.  After a reconnect,
 * call notify_listen() again (LISTEN belongs to the session).
 */
#ifndef BALIE_DB_NOTIFY_H
#define BALIE_DB_NOTIFY_H

#include "core/err.h"
#include "db/conn.h"

#define NOTIFY_CHANNEL "balie_changes"
/* Sessions ended (a block, a new password, `balie admin sessions end`):
 * the payload carries session ids only (027_sessie.sql).  notify_drain
 * hands it on as one event with table "sessie". */
#define NOTIFY_SESSIE_CHANNEL "balie_sessie"

struct notify_event {
	char table[32]; /* "hulpvraag" */
	long id;
	long organisatie_id;
	int pid;        /* the backend whose transaction made the change (0: unknown) */
	int own;        /* made by this connection's own transaction */
};

/* LISTEN balie_changes and balie_sessie on this connection. */
int notify_listen(struct db *db, struct err *e);

/* The socket to poll() for input (-1 when not connected). */
int notify_socket(struct db *db);

/* Reads what arrived on the socket (never blocks) and calls fn once per
 * event.  Returns the number of events, or -1 when the connection is lost
 * (e says so). */
int notify_drain(struct db *db, void (*fn)(const struct notify_event *ev, void *arg), void *arg,
		 struct err *e);

/* Parses one line "hulpvraag <id> <org> [<pid>]"; 0 / -1 (malformed lines
 * are ignored by drain). */
int notify_parse(const char *payload, struct notify_event *ev);

#endif
