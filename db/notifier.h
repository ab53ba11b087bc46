/* notifier.h — the one background step that takes work off the writers'
 * commit (issue 15, migration 014): it folds the counts' deltas into their
 * base (telling_vouwen) and sends the changes committed since the last step
 * as one notification on balie_changes (wijzigingen_melden), plus one on
 * balie_outbox when mail was queued.  Run by `balie notify --daemon`
 * (tui/cmd/notify.c), which `balie demo` starts for its cluster.
 *
 * Several notifiers against one database are harmless: each step takes an
 * advisory lock and a second one at the same moment does nothing.
 */
#ifndef BALIE_DB_NOTIFIER_H
#define BALIE_DB_NOTIFIER_H

#include "core/err.h"
#include "db/conn.h"

/* At most one notification per this many ms while changes stream (a
 * session then refreshes at most once a second); when quiet the notifier
 * looks every NOTIFIER_TICK_MS, so a lone change is seen within ~0.1 s. */
#define NOTIFIER_INTERVAL_MS 1000
#define NOTIFIER_TICK_MS 100

/* One step, its own transaction: *sent gets the lines announced, *folded
 * the deltas folded (either may be NULL).  0, or -1 with e (a lost
 * connection among them: db_ok() then says so). */
int notifier_step(struct db *db, long *sent, long *folded, struct err *e);

/* How long to wait before the next step after one that sent `sent` lines. */
int notifier_wait_ms(long sent);

#endif
