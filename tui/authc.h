/* authc.h — talking to the auth helper (`balie authd`, tui/cmd/authd.c)
 * over its Unix socket; the line format is core/authproto.h.
 *
 * The session process never holds the credential of balie_auth: it sends
 * what the person typed and gets a session token back (or "the code comes
 * next", or why not).  A login with tweestapsverificatie keeps one
 * connection open between PASSWORD and CODE: the helper, not the session
 * process, remembers that the password was right.
 */
#ifndef BALIE_TUI_AUTHC_H
#define BALIE_TUI_AUTHC_H

#include "core/err.h"
#include "db/auth.h"

struct authc {
	int fd;
	int open; /* 0: closed (a zeroed struct is closed) */
};

#define AUTHC_CLOSED { -1, 0 }

/* Connects to the helper's socket.  0 / -1 with e (Dutch). */
int authc_open(struct authc *c, const char *path, struct err *e);
void authc_close(struct authc *c);

/* Sends one request (fields[0] the verb) and reads the reply.  An OK with
 * session fields fills s (s may be NULL for UNLOCK/REAUTH).  AUTH_ERROR
 * with e when the helper cannot be reached or answers nonsense. */
enum auth_result authc_call(struct authc *c, int n, const char *const *fields, struct session *s,
			    struct err *e);

/* One request on a connection of its own. */
enum auth_result authc_once(const char *path, int n, const char *const *fields, struct session *s,
			    struct err *e);

/* The helper's side: the reply line for a result (OK with s's fields when
 * s is given).  Returns its length, -1 when it does not fit. */
int authc_reply(char *out, size_t len, enum auth_result r, const struct session *s, const char *message);

#endif
