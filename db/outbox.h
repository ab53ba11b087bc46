/* outbox.h — the outbox as `balie mail` sees it: claiming due mails,
 * marking them sent or failed, the admin's overview, and the wake-up
 * channel.
 *
 * The connection logs in as the role balie_mail (migration 007), which sees
 * the outbox rows of every organisatie and nothing else.
 *
 * Delivery contract.  outbox_claim takes one due row (not sent, not given
 * up, volgende_poging reached, no unexpired claim) with FOR UPDATE SKIP
 * LOCKED in a short transaction, writes the worker's token and a lease
 * (claim_tot = now() + lease) and counts the attempt (pogingen + 1), then
 * commits.  While the lease runs no other worker can claim the row.  The
 * worker must finish sendmail (killing it if need be) well inside the lease
 * and then call outbox_mark_sent or outbox_mark_failed, which clear the
 * claim.  So in normal operation each mail is handed to sendmail once per
 * attempt and never again after it succeeded, however many workers run.
 * A worker that dies between claim and mark leaves an expired lease; the
 * row is then claimed again (at-least-once after a crash) and laatste_fout
 * says the previous attempt was interrupted.
 */
#ifndef BALIE_DB_OUTBOX_H
#define BALIE_DB_OUTBOX_H

#include "core/err.h"
#include "db/conn.h"

#define OUTBOX_CHANNEL "balie_outbox"

/* Default lease of a claim, and how long sendmail may take (well inside). */
#define OUTBOX_LEASE_SECONDS 600
#define OUTBOX_SEND_TIMEOUT_SECONDS 300

struct outbox_mail {
	long id;
	char organisatie[16]; /* code, e.g. "PO3008" */
	int pogingen;	      /* attempts so far, this one included */
	char *aan, *onderwerp, *tekst;
};

/* Frees the strings of m and clears it (safe on a cleared struct). */
void outbox_mail_release(struct outbox_mail *m);

/* Claims the next due mail for token (a worker's unique id) for
 * lease_seconds.  First gives up rows whose claim expired after their last
 * allowed attempt (max_pogingen).  Returns 1 with *m filled (release with
 * outbox_mail_release), 0 when nothing is due, -1 with e.  *m is
 * overwritten: release a previous claim first. */
int outbox_claim(struct db *db, const char *token, int lease_seconds, int max_pogingen, struct outbox_mail *m,
		 struct err *e);

/* A fresh reply token for mail id when it is about a hulpvraag
 * (antwoord_token_maak, migration 026: stored hashed, valid 90 days) into
 * token (33 bytes); "" when it is about none.  0 / -1 with e. */
int outbox_antwoord_token(struct db *db, long id, char token[33], struct err *e);

/* Marks mail id sent.  Returns 0 when this worker still held the claim, 1
 * when its claim had been taken over (lease expired: the mail may go out
 * twice; the row is marked sent all the same), -1 with e. */
int outbox_mark_sent(struct db *db, long id, const char *token, struct err *e);

/* Records a failed attempt: laatste_fout = fout, claim cleared; the next
 * attempt after retry_seconds, or, when retry_seconds < 0, given up
 * (opgegeven_op).  Returns 0, 1 when the claim was no longer this
 * worker's (nothing changed), -1 with e. */
int outbox_mark_failed(struct db *db, long id, const char *token, const char *fout, long retry_seconds,
		       struct err *e);

/* Seconds until the next row becomes due (0 = due now; also an expired
 * claim), or -1 when nothing waits.  0 / -1 with e. */
int outbox_next_due(struct db *db, long *seconds, struct err *e);

/* Makes a given-up mail due again with a fresh count of attempts.
 * Returns 0, 1 when id is not a given-up mail, -1 with e. */
int outbox_retry(struct db *db, long id, struct err *e);

/* The admin's overview (`balie mail --status`): never aan, onderwerp or
 * tekst. */
struct outbox_status_row {
	long id;
	char organisatie[16];
	char toestand[16]; /* "wacht", "bezig", "opgegeven" */
	int pogingen;
	char volgende_poging[24]; /* "dd-mm-jjjj hh:mm", "" when given up */
	char laatste_fout[256];
};

struct outbox_counts {
	long wacht, bezig, opgegeven, verzonden_24u;
};

/* Fills counts and up to max rows (given up first, then by next attempt).
 * *rows is malloc'd (free()), *n its length.  0 / -1 with e. */
int outbox_status(struct db *db, int max, struct outbox_counts *counts, struct outbox_status_row **rows,
		  int *n, struct err *e);

/* LISTEN balie_outbox on this connection (again after a reconnect). */
int outbox_listen(struct db *db, struct err *e);

/* The socket to poll() for notifications, -1 when not connected. */
int outbox_socket(struct db *db);

/* Consumes what arrived (never blocks): the number of balie_outbox
 * notifications, or -1 when the connection is lost. */
int outbox_drain(struct db *db, struct err *e);

#endif
