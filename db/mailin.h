/* mailin.h — an incoming mail received into balie, and the post list.
 *
 * mailin_ontvang files one message (parsed by core/mailin) in ONE
 * transaction as the acting account (migration 026):
 *   - its token valid, the sender the hulpvraag's aanvrager, the hulpvraag
 *     not closed and nothing else against it (core's mailin_reden): a
 *     mail_in row with the text (the note) and every attachment as a
 *     bijlage of categorie overig through bijlage_add_in_tx, with the
 *     flow's automatic status change ("documenten aangevuld") and the
 *     audit rows;
 *   - anything else: a mail_in row with the reason and the whole message
 *     (the post list), and the sender's short answer in the outbox unless
 *     the message was itself automatic (no mail loops).
 * A bijlage refused on the way (a name the rules refuse, the automatic
 * transition refused) sends the message to the post list too: nothing is
 * lost and nothing half-filed.  The idempotency key is the message's
 * SHA-256: the same message again returns the first outcome.
 */
#ifndef BALIE_DB_MAILIN_H
#define BALIE_DB_MAILIN_H

#include <stddef.h>

#include "core/mailin.h"
#include "db/conn.h"
#include "db/outcome.h"

struct mailin_uitkomst {
	long id;                /* the mail_in row */
	long hulpvraag_id;      /* filed on (0: in the post list) */
	long nummer;            /* its nummer, for the log line */
	int bijlagen;           /* bijlagen added */
	int antwoord;           /* post: an answer to the sender was queued */
	char reden[512];        /* post: why ("" when filed) */
	char status[64];        /* filed: the new status when the flow moved it */
};

/* Receives m (raw[0..len) the message as it came) for organisatie org as
 * the acting account.  SAVED (o->repeated when the message was received
 * before) with *u filled, or ERROR / UNKNOWN with o->err (nothing written
 * unless SAVED; UNKNOWN: the MTA delivers again and the key decides). */
enum outcome_kind mailin_ontvang(struct db *db, long org, const struct mailin *m, const void *raw, size_t len,
				 const char *datadir, struct mailin_uitkomst *u, struct outcome *o);

/* One row of the post list: never the message's bytes. */
struct post_rij {
	long id;
	int version;
	char ontvangen[20];  /* "dd-mm-jjjj hh:mm" */
	char afzender[256];
	char onderwerp[256];
	char reden[512];
	long hulpvraag_id;     /* the hulpvraag the token named (0: none) */
	long hulpvraag_nummer;
	long grootte;
	int bijlagen;
	int antwoord;          /* the sender was answered */
};

/* The open post rows of organisatie org the acting account may handle,
 * oldest first, after (ontvangen_op, id) of row `na` (0: from the start),
 * at most max.  *out malloc'd (free()), *n its length, *meer 1 when more
 * follow.  0 / -1 with e. */
int post_lijst(struct db *db, long org, long na, int max, struct post_rij **out, int *n, int *meer, struct err *e);

/* The raw messages of post rows afgehandeld more than dagen days ago are
 * wiped (033_bewaartermijn.sql; the row stays as the record, each wipe
 * audited); *n gets how many.  Run by `balie mail` as balie_mail.
 * 0 / -1 with e. */
int post_opschonen(struct db *db, int dagen, long *n, struct err *e);

/* The text of post row id (malloc'd, *tekst; free()), read in one
 * transaction with its audit row ("post-bekeken"). 0 / -1 with e. */
int post_tekst(struct db *db, long id, char **tekst, struct err *e);

/* Files post row id (as read with version) on hulpvraag nummer of its
 * organisatie after all, as the acting account decided (a reply from a
 * colleague of the aanvrager, a token that expired): the message is read
 * again (core/mailin), its text becomes a note and its attachments
 * bijlagen with the flow's automatic status, and the post row is marked
 * afgehandeld — one transaction, audited ("post-toegevoegd").  REFUSED
 * when the message is one balie never files (too many attachments, one
 * over 10 MB) or a bijlage is refused; GONE when there is no such
 * hulpvraag; CONFLICT when someone handled the row first.  SAVED with *u. */
enum outcome_kind post_toevoegen(struct db *db, long id, int version, long nummer, const char *datadir,
				 struct mailin_uitkomst *u, struct outcome *o);

/* Marks post row id (as read with version) afgehandeld by the acting
 * account: a versioned write (SAVED, CONFLICT, GONE, REFUSED …). */
enum outcome_kind post_afhandelen(struct db *db, long id, int version, struct outcome *o);

#endif
