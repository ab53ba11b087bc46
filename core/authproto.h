/* authproto.h — the lines the session process and the auth helper
 * (`balie authd`) exchange over its Unix socket.
 *
 * Privilege separation as OpenSSH separates its monitor: the helper alone
 * holds the credential of the database role balie_auth, checks password and
 * TOTP, and hands out a session token; the session process only ever holds
 * that token.  One request or reply is one line: fields separated by TAB,
 * ended by LF, at most AUTHPROTO_MAX_LINE bytes.  A field can hold neither
 * TAB, CR, LF nor NUL: a password with such a character is refused before
 * it reaches the socket (balie refuses control characters in passwords
 * anyway).
 *
 * Requests (session process → helper):
 *   PASSWORD user password org        first step of a login
 *   CODE code                         second step, same connection
 *   UNLOCK token password code        the idle lock (code "" = none yet)
 *   REAUTH token password actie       the password again (TOTP set-up)
 *   TOTPSET token base32 code         one's own new TOTP secret, proven
 *                                     by a code of it: sealed and stored
 *   CLI user org                      a command-line verb's session (the
 *                                     helper checks the caller's Unix user)
 * Replies (helper → session process):
 *   OK token account_id organisatie_id username naam org_code org_naam
 *      rollen internal               (PASSWORD/CODE/CLI; UNLOCK/REAUTH/
 *                                     TOTPSET: OK)
 *   TOTP                              the code comes next
 *   FAIL result message               result: failed|blocked|no_org|error
 */
#ifndef BALIE_CORE_AUTHPROTO_H
#define BALIE_CORE_AUTHPROTO_H

#include <stddef.h>

#define AUTHPROTO_MAX_LINE 4096
#define AUTHPROTO_MAX_FIELDS 12

/* Writes fields[0..n) as one line (with its LF) into out.  Returns the
 * length, or -1 when a field holds TAB/CR/LF or the line does not fit. */
int authproto_encode(char *out, size_t len, int n, const char *const *fields);

/* Splits line (without or with its trailing LF) in place into at most max
 * fields.  Returns the number of fields, or -1 for an empty line, a line
 * with CR or NUL inside, or more than max fields. */
int authproto_decode(char *line, size_t len, char **fields, int max);

#endif
