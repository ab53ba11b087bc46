/* mails.h — the mails balie sent (or is sending) about one hulpvraag, as the
 * hulpvraag screen shows them (issue 13 §5): when, to whom, the subject and
 * whether it went out, waits or failed — read from the outbox under the
 * acting account's row-level security (the back office of the organisatie
 * sees them; an aanvrager does not).  Never the text of a mail balie sent.
 * Beside them the replies `balie mail-in` filed on it (migration 026): when,
 * from whom, the subject and the start of the text — the note a reply is.
 */
#ifndef BALIE_DB_MAILS_H
#define BALIE_DB_MAILS_H

#include "core/err.h"
#include "db/conn.h"

#define MAILS_MAX 50 /* the newest; older ones are in `balie mail --status` */

enum mail_toestand {
	MAIL_WACHT,     /* not sent yet (maybe an attempt failed: fout) */
	MAIL_VERZONDEN, /* handed to sendmail */
	MAIL_MISLUKT,   /* given up after the last attempt */
	MAIL_ONTVANGEN, /* a reply filed by balie mail-in: aan is the sender, tekst its text */
};

struct hv_mail {
	char op[20];         /* "dd-mm-jjjj hh:mm", local time */
	char aan[256];
	char onderwerp[400];
	enum mail_toestand toestand;
	int pogingen;
	char fout[256];      /* the last failure, "" when none */
	char tekst[400];     /* MAIL_ONTVANGEN: the start of the text (the note); else "" */
};

/* The newest MAILS_MAX mails of hulpvraag_id, newest first.  *out is
 * malloc'ed (caller frees), *n its length.  0 / -1 with e. */
int mails_van_hulpvraag(struct db *db, long hulpvraag_id, struct hv_mail **out, int *n, struct err *e);

/* "verzonden", "wacht", "mislukt". */
const char *mail_toestand_naam(enum mail_toestand t);

#endif
