/* mailin.h — one incoming mail, as `balie mail-in` needs it: the sender,
 * the reply token in a recipient's address, the subject, the text and the
 * attachments, and the reasons a message may not be filed on a hulpvraag
 * by itself.
 *
 * MIME is parsed by GMime (Debian's libgmime-3.0), never by hand: it
 * decodes base64 and quoted-printable, RFC 2047 subjects and RFC 2231 file
 * names, and survives broken boundaries.  Computation only: the message
 * comes in as bytes, nothing is read or written.
 *
 * The reply token: balie's outgoing mail says Reply-To: local+TOKEN@domain
 * (plus-addressing), TOKEN being 32 lower-case hex digits
 * (MAILIN_TOKEN_LEN).  The token is looked up (hashed) by the database.
 */
#ifndef BALIE_MAILIN_H
#define BALIE_MAILIN_H

#include <stddef.h>

#include "core/err.h"

#define MAILIN_TOKEN_LEN 32
/* aanname: more than this many attachments in one reply is not a school
 * sending documents (a TLV takes 6 to 8, 001 stap 9) but a mistake or a
 * mail bomb: the message goes to the post list whole. */
#define MAILIN_MAX_BIJLAGEN 20
/* aanname: a message bigger than this is refused before parsing (the MTA
 * bounces it to the sender, so it is not lost silently). */
#define MAILIN_MAX_BERICHT (64L * 1024 * 1024)

struct mailin_bijlage {
	char naam[256];      /* sanitised (mailin_naam_schoon) */
	unsigned char *data; /* decoded content; owned */
	size_t len;
};

struct mailin {
	char afzender[256];                 /* From's address, lower case; "" when none */
	char token[MAILIN_TOKEN_LEN + 1];   /* "" when no recipient carries one */
	char *onderwerp;                    /* decoded, control characters removed; never NULL after parse */
	char *tekst;                        /* the first text/plain part that is no attachment; never NULL */
	int automatisch;                    /* Auto-Submitted other than "no", or a bounce: never answered */
	struct mailin_bijlage *bijlagen;    /* at most MAILIN_MAX_BIJLAGEN kept */
	int nbijlagen;                      /* how many are kept */
	int totaal_bijlagen;                /* how many the message has */
	long grootste;                      /* bytes of the biggest decoded attachment */
	char grootste_naam[256];
};

/* Parses raw[0..len).  extra_ontvanger: the envelope recipient the MTA
 * gave (may be NULL); it is searched for a token before To, Cc,
 * Delivered-To and X-Original-To.  0 with *m filled (release with
 * mailin_release), -1 with e when the bytes are no message at all.  A
 * message with a damaged structure still parses as far as GMime can read
 * it. */
int mailin_parse(const void *raw, size_t len, const char *extra_ontvanger, struct mailin *m, struct err *e);
void mailin_release(struct mailin *m);

/* The token in one address ("balie+0123…@swv.nl" → "0123…"), into out
 * (MAILIN_TOKEN_LEN + 1 bytes).  1 found, 0 not. */
int mailin_token_uit_adres(const char *adres, char *out);

/* What stops the message from being filed by itself, before the database
 * is asked (no token, too many attachments, one over 10 MB), as a short
 * Dutch reason; NULL when nothing does.  Borrowed or written into buf. */
const char *mailin_reden(const struct mailin *m, char *buf, size_t len);
/* The same without the token: what stops even a person from filing it
 * (too many attachments, one over 10 MB). */
const char *mailin_reden_inhoud(const struct mailin *m, char *buf, size_t len);

/* A file name as a mail gave it, made safe to keep: only what follows the
 * last / or \, control characters (C0, DEL, C1) and invalid UTF-8 dropped,
 * leading dots and spaces dropped, at most BIJLAGE_NAAM_MAX bytes without
 * splitting a character; "" or nothing left gives fallback. */
void mailin_naam_schoon(const char *in, const char *fallback, char *out, size_t len);

/* Text from a mail made safe to store and show: invalid UTF-8 and control
 * characters but newline and tab dropped (CR dropped too).  malloc'd. */
char *mailin_tekst_schoon(const char *in);

#endif
