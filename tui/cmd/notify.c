/* notify.c — `balie notify --daemon | --once`: the one notifier of a
 * database (db/notifier.h).  Writers no longer NOTIFY in their own commit
 * (it serialises every commit, issue 15); this process sends what they
 * committed, batched, at most once a second, and folds the counts.  Without
 * it sessions see no live updates and the count deltas grow, so it runs
 * beside the database like `balie mail --daemon` (balie-admin(8)); `balie
 * demo` starts one for its own cluster (cmd_notify_daemon). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "db/notifier.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static struct db *connect_to(const char *conninfo)
{
	struct db *db = NULL;
	struct err e;

	if (!conninfo)
		return cmd_connect();
	err_clear(&e);
	if (db_connect(&db, conninfo, &e) < 0) {
		cmd_fail(&e);
		return NULL;
	}
	return db;
}

int cmd_notify_daemon(const char *conninfo, int give_up_s)
{
	struct sigaction sa;
	struct db *db = NULL;
	struct err e;
	long sent = 0, total = 0;
	int down_ms = 0, backoff = 1000;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	printf("balie notify: gestart (meldt wijzigingen hoogstens eens per %d ms)\n", NOTIFIER_INTERVAL_MS);
	fflush(stdout);
	while (!stopping) {
		int wait;

		err_clear(&e);
		if (!db_ok(db)) {
			db_free(&db);
			db = connect_to(conninfo);
		}
		if (db && notifier_step(db, &sent, NULL, &e) == 0) {
			down_ms = 0;
			backoff = 1000;
			total += sent;
			wait = notifier_wait_ms(sent);
		} else {
			if (db)
				cmd_fail(&e);
			/* the demo's cluster was stopped for good: do not linger
			 * (a step that failed on a live connection is not that) */
			if (db_ok(db))
				down_ms = 0;
			else if (give_up_s > 0 && (down_ms += backoff) > give_up_s * 1000)
				break;
			db_free(&db);
			wait = backoff;
			backoff = backoff < 30000 ? backoff * 2 : 30000;
			if (give_up_s > 0 && backoff > 2000)
				backoff = 2000; /* the demo's cluster restarts in seconds */
		}
		if (poll(NULL, 0, wait) < 0 && errno != EINTR)
			break;
	}
	db_free(&db);
	printf("balie notify: gestopt (%ld wijzigingen gemeld)\n", total);
	fflush(stdout);
	return 0;
}

int cmd_notify(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "--daemon") && strcmp(argv[1], "--once"))) {
		fprintf(stderr, "gebruik: balie notify --daemon | --once\n");
		return 2;
	}
	if (!strcmp(argv[1], "--daemon"))
		return cmd_notify_daemon(NULL, 0);
	struct db *db = cmd_connect();
	struct err e;
	long sent = 0, folded = 0;

	if (!db)
		return 2;
	err_clear(&e);
	int rc = notifier_step(db, &sent, &folded, &e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(&e);
	printf("balie notify: %ld wijzigingen gemeld, %ld teldelta's verwerkt\n", sent, folded);
	return 0;
}
