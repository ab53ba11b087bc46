/* authc.c — the auth helper's client and reply format; see authc.h. */
#include "tui/authc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/authproto.h"
#include "core/statuswissel.h"

/* An argon2id verification and the padding of a failure (db/auth.c) take
 * well under a second; a helper that says nothing for this long is stuck. */
#define AUTHC_TIMEOUT_MS 30000

int authc_open(struct authc *c, const char *path, struct err *e)
{
	struct sockaddr_un sa;

	c->fd = -1;
	c->open = 0;
	if (!path || strlen(path) >= sizeof sa.sun_path)
		return err_set(e, "socket van de aanmeldhelper ontbreekt of is te lang");
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0 || connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		int err = errno;

		if (c->fd >= 0)
			close(c->fd);
		c->fd = -1;
		return err_set(e, "de aanmeldhelper is niet bereikbaar (%s); probeer het later opnieuw", strerror(err));
	}
	c->open = 1;
	return 0;
}

void authc_close(struct authc *c)
{
	if (c->open && c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->open = 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* One line (up to LF) into buf; its length, -1 on EOF/timeout/too long. */
static int read_line(int fd, char *buf, size_t len)
{
	size_t at = 0;

	while (at + 1 < len) {
		struct pollfd p = { fd, POLLIN, 0 };
		int r = poll(&p, 1, AUTHC_TIMEOUT_MS);
		ssize_t n;

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		n = read(fd, buf + at, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		if (buf[at++] == '\n')
			return (int)at;
	}
	return -1;
}

static enum auth_result result_of(const char *word)
{
	if (!strcmp(word, "failed"))
		return AUTH_FAILED;
	if (!strcmp(word, "blocked"))
		return AUTH_BLOCKED;
	if (!strcmp(word, "no_org"))
		return AUTH_NO_ORG;
	return AUTH_ERROR;
}

enum auth_result authc_call(struct authc *c, int n, const char *const *fields, struct session *s,
			    struct err *e)
{
	char line[AUTHPROTO_MAX_LINE], *f[AUTHPROTO_MAX_FIELDS];
	int len, nf;

	len = authproto_encode(line, sizeof line, n, fields);
	if (len < 0) {
		err_set(e, "wachtwoord of code bevat een teken dat niet kan");
		return AUTH_FAILED;
	}
	if (!c->open || write_all(c->fd, line, (size_t)len) < 0) {
		explicit_bzero(line, sizeof line);
		err_set(e, "de aanmeldhelper is niet bereikbaar; probeer het later opnieuw");
		return AUTH_ERROR;
	}
	explicit_bzero(line, sizeof line);
	len = read_line(c->fd, line, sizeof line);
	nf = len > 0 ? authproto_decode(line, (size_t)len, f, AUTHPROTO_MAX_FIELDS) : -1;
	if (nf < 1) {
		err_set(e, "de aanmeldhelper antwoordt niet; probeer het later opnieuw");
		return AUTH_ERROR;
	}
	if (!strcmp(f[0], "TOTP"))
		return AUTH_NEED_TOTP;
	if (!strcmp(f[0], "FAIL") && nf == 3) {
		enum auth_result r = result_of(f[1]);

		if (r == AUTH_ERROR)
			err_set(e, "%s", f[2]);
		return r;
	}
	if (!strcmp(f[0], "OK") && nf == 1 && !s)
		return AUTH_OK;
	if (!strcmp(f[0], "OK") && nf == 10 && s) {
		memset(s, 0, sizeof *s);
		snprintf(s->token, sizeof s->token, "%s", f[1]);
		s->account_id = atol(f[2]);
		s->organisatie_id = atol(f[3]);
		snprintf(s->username, sizeof s->username, "%s", f[4]);
		snprintf(s->naam, sizeof s->naam, "%s", f[5]);
		snprintf(s->organisatie_code, sizeof s->organisatie_code, "%s", f[6]);
		snprintf(s->organisatie_naam, sizeof s->organisatie_naam, "%s", f[7]);
		snprintf(s->rollen, sizeof s->rollen, "%s", f[8]);
		s->roles = statuswissel_rollen(s->rollen);
		s->internal = f[9][0] == '1';
		explicit_bzero(line, sizeof line);
		return s->account_id > 0 && s->token[0] ? AUTH_OK : AUTH_ERROR;
	}
	err_set(e, "de aanmeldhelper antwoordt onverwacht");
	return AUTH_ERROR;
}

enum auth_result authc_once(const char *path, int n, const char *const *fields, struct session *s,
			    struct err *e)
{
	struct authc c = AUTHC_CLOSED;
	enum auth_result r;

	if (authc_open(&c, path, e) < 0)
		return AUTH_ERROR;
	r = authc_call(&c, n, fields, s, e);
	authc_close(&c);
	return r;
}

int authc_reply(char *out, size_t len, enum auth_result r, const struct session *s, const char *message)
{
	char acc[24], org[24];

	switch (r) {
	case AUTH_OK:
		if (!s) {
			const char *f[1] = { "OK" };
			return authproto_encode(out, len, 1, f);
		}
		snprintf(acc, sizeof acc, "%ld", s->account_id);
		snprintf(org, sizeof org, "%ld", s->organisatie_id);
		{
			const char *f[10] = { "OK", s->token, acc, org, s->username, s->naam, s->organisatie_code,
					      s->organisatie_naam, s->rollen, s->internal ? "1" : "0" };
			return authproto_encode(out, len, 10, f);
		}
	case AUTH_NEED_TOTP: {
		const char *f[1] = { "TOTP" };
		return authproto_encode(out, len, 1, f);
	}
	default: {
		const char *word = r == AUTH_FAILED ? "failed" : r == AUTH_BLOCKED ? "blocked"
							      : r == AUTH_NO_ORG  ? "no_org" : "error";
		const char *f[3] = { "FAIL", word, message && *message ? message : auth_message(r) };
		return authproto_encode(out, len, 3, f);
	}
	}
}
