/* mail.h — the pure parts of `balie mail`: building an RFC 5322 message
 * from an outbox row, header checks, RFC 2047 encoded-words, the retry
 * schedule and splitting mail_command into an argument vector.
 *
 * No I/O: running the sendmail(8) program is tui/cmd/mail.c's job, claiming
 * and marking rows db/outbox.c's.  Messages use "\n" line ends, as the
 * sendmail(8) interface expects on standard input.
 */
#ifndef BALIE_CORE_MAIL_H
#define BALIE_CORE_MAIL_H

#include <stddef.h>
#include <time.h>

#include "core/err.h"

/* Attempts after which a mail is given up (permanently failed). */
#define MAIL_MAX_POGINGEN 6

/* Seconds to wait before the next attempt after `pogingen` attempts have
 * failed (1 → 60, 2 → 300, 3 → 1800, 4 → 7200, 5 → 43200); -1 when
 * pogingen >= MAIL_MAX_POGINGEN: give up. */
long mail_backoff(int pogingen);

/* 0 when value may stand in a header: no CR, LF or other control character
 * but TAB.  Otherwise -1 and e names the header ("kopregel Subject bevat een
 * regeleinde: geweigerd"). */
int mail_header_check(const char *name, const char *value, struct err *e);

/* The value of an unstructured header (Subject) for a header line that
 * starts with "name: ": printable ASCII as is; anything else as RFC 2047
 * encoded-words (=?UTF-8?B?…?=), never splitting a UTF-8 character, folded
 * ("\n ") so no line exceeds 76 characters.  malloc'd; caller frees.  NULL
 * when out of memory. */
char *mail_encode_header(const char *name, const char *value);

/* A sender as written in mail_from: "adres@domein.nl" or
 * "Naam <adres@domein.nl>".  Fills addr (at least 256 bytes) and, when
 * display is not NULL, *display with the malloc'd display part of the From
 * header ("" when none; encoded or quoted as needed).  0 / -1 with e. */
int mail_parse_from(const char *from, char *addr, size_t addrlen, char **display, struct err *e);

/* A recipient: one plain ASCII address (validate_email, no display name,
 * no list).  0 / -1 with e. */
int mail_check_to(const char *to, struct err *e);

/* "Thu, 01 Jan 1970 01:00:00 +0100" in local time (English names whatever
 * the locale, RFC 5322 §3.3).  Returns buf. */
const char *mail_date(time_t t, char *buf, size_t len);

/* "<outbox-ID.CODE@DOMAIN>": stable per outbox row, so a resent mail (after
 * a worker crash) has the same Message-ID.  CODE keeps only letters, digits
 * and '-'; domain "" gives "balie.invalid".  Returns buf. */
const char *mail_message_id(long outbox_id, const char *organisatie, const char *domain, char *buf,
			    size_t len);

/* Quoted-printable (RFC 2045 §6.7) of a UTF-8 text: lines at most 76
 * characters, CRLF and CR become "\n", the result ends in "\n".  malloc'd;
 * caller frees.  NULL when out of memory. */
char *mail_qp_encode(const char *text);

struct mail {
	long outbox_id;
	const char *organisatie; /* code, e.g. "PO3008" (Message-ID) */
	const char *from;	 /* mail_from */
	const char *to;		 /* outbox.aan */
	const char *subject;	 /* outbox.onderwerp */
	const char *body;	 /* outbox.tekst (UTF-8) */
	time_t date;
	/* the hulpvraag's reply token (32 hex digits; NULL or "": none): a
	 * Reply-To: local+TOKEN@domain of the From address, so an answer
	 * reaches `balie mail-in` with it (plus-addressing) */
	const char *antwoord_token;
};

/* The whole message: From, To, Reply-To (with antwoord_token), Subject, Date, Message-ID, MIME-Version,
 * Content-Type text/plain; charset=UTF-8, Content-Transfer-Encoding
 * quoted-printable, Auto-Submitted, a blank line and the body.  *out is
 * malloc'd (caller frees).  -1 with e when a header value is refused (CR or
 * LF, a bad address): such a mail can never be sent, so the caller gives it
 * up at once. */
int mail_build(const struct mail *m, char **out, struct err *e);

/* Splits mail_command on spaces and tabs into a NULL-terminated vector (no
 * shell, no quoting).  *argv is malloc'd; free with mail_argv_free.
 * -1 with e when the command is empty. */
int mail_split_argv(const char *cmd, char ***argv, struct err *e);
void mail_argv_free(char ***argv);

#endif
