/* authd.c — `balie authd --socket PAD`: the auth helper.
 *
 * Privilege separation as OpenSSH's monitor does it: this process alone
 * reads the credential of the database role balie_auth (auth_conninfo in
 * its own balie.conf), checks password and TOTP with db/auth.h and hands
 * the session process a session token (027_sessie.sql).  The session
 * process, which draws pupil data and parses files, never holds that
 * credential, so a bug there cannot read password hashes or TOTP secrets
 * or act as another account.  Run it as its own Unix user; the socket's
 * mode and group say who may ask (balie-admin(8)).
 *
 * One child per connection (fork), with its own database connection and a
 * time limit: argon2id is slow on purpose, and one person's login must not
 * wait for another's.  Requests: core/authproto.h.  A CLI session is given
 * only to the caller's own Unix user name (SO_PEERCRED), or to any account
 * when the caller is root (root can read every credential on the host
 * anyway). */
#include <errno.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/authproto.h"
#include "core/totpzegel.h"
#include "db/auth.h"
#include "tui/authc.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"
#include "tui/config.h"

/* One conversation at most this long (a person types the code in time). */
#define AUTHD_CONVERSATION_S 300

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int send_reply(int fd, enum auth_result r, const struct session *s, const char *message)
{
	char line[AUTHPROTO_MAX_LINE], msg[300];
	int len;

	snprintf(msg, sizeof msg, "%s", message ? message : "");
	for (char *p = msg; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	len = authc_reply(line, sizeof line, r, s, msg);
	if (len < 0)
		len = authc_reply(line, sizeof line, AUTH_ERROR, NULL, "antwoord te lang");
	ssize_t n = send(fd, line, (size_t)len, MSG_NOSIGNAL);
	explicit_bzero(line, sizeof line);
	return n == len ? 0 : -1;
}

/* The Unix user name of the peer, "" when unknown; *uid its uid. */
static void peer_user(int fd, char *name, size_t len, uid_t *uid)
{
	struct ucred cr;
	socklen_t cl = sizeof cr;
	const struct passwd *pw;

	name[0] = '\0';
	*uid = (uid_t)-1;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &cl) < 0)
		return;
	*uid = cr.uid;
	pw = getpwuid(cr.uid);
	if (pw)
		snprintf(name, len, "%s", pw->pw_name);
}

static void conversation(int fd, const char *conninfo, const struct wachtwoord_params *params)
{
	char line[AUTHPROTO_MAX_LINE], *f[AUTHPROTO_MAX_FIELDS];
	char pending_user[64] = "", pending_org[32] = "";
	struct session s, pending;
	struct db *db = NULL;
	struct err e;

	memset(&pending, 0, sizeof pending);
	alarm(AUTHD_CONVERSATION_S);
	err_clear(&e);
	if (db_connect(&db, conninfo, &e) < 0) {
		send_reply(fd, AUTH_ERROR, NULL, "De database is niet bereikbaar; probeer het later opnieuw.");
		return;
	}
	for (;;) {
		size_t at = 0;
		ssize_t n;
		int nf;

		while (at + 1 < sizeof line && (n = read(fd, line + at, 1)) == 1 && line[at] != '\n')
			at++;
		if (at + 1 >= sizeof line || at == 0 || line[at] != '\n')
			break; /* closed, or nonsense */
		nf = authproto_decode(line, at + 1, f, AUTHPROTO_MAX_FIELDS);
		if (nf < 1)
			break;
		err_clear(&e);
		memset(&s, 0, sizeof s);
		enum auth_result r = AUTH_FAILED;
		if (!strcmp(f[0], "PASSWORD") && nf == 4) {
			r = auth_password_p(db, params, f[1], f[2], f[3], &s, &e);
			if (r == AUTH_NEED_TOTP) {
				pending = s;
				snprintf(pending_user, sizeof pending_user, "%s", f[1]);
				snprintf(pending_org, sizeof pending_org, "%s", f[3]);
			}
			send_reply(fd, r, r == AUTH_OK ? &s : NULL, e.msg);
		} else if (!strcmp(f[0], "CODE") && nf == 2 && pending.pending_totp) {
			r = auth_totp(db, pending_user, f[1], pending_org, &pending, &e);
			send_reply(fd, r, r == AUTH_OK ? &pending : NULL, e.msg);
			if (r != AUTH_FAILED) /* a wrong code may be typed again */
				memset(&pending, 0, sizeof pending);
		} else if (!strcmp(f[0], "UNLOCK") && nf == 4) {
			if (auth_session_of_token(db, f[1], &s, &e) == 0)
				r = auth_unlock(db, params, &s, f[2], f[3], &e);
			send_reply(fd, r, NULL, e.msg);
		} else if (!strcmp(f[0], "REAUTH") && nf == 4) {
			if (auth_session_of_token(db, f[1], &s, &e) == 0)
				r = auth_reauth(db, params, &s, f[2], f[3], &e);
			send_reply(fd, r, NULL, e.msg);
		} else if (!strcmp(f[0], "TOTPSET") && nf == 4) {
			r = auth_totp_set(db, f[1], f[2], f[3], &e);
			send_reply(fd, r, NULL, e.msg);
		} else if (!strcmp(f[0], "CLI") && nf == 3) {
			char who[64];
			uid_t uid;

			peer_user(fd, who, sizeof who, &uid);
			if (uid == 0 || (who[0] && !strcmp(who, f[1])))
				r = auth_session_for(db, f[1], f[2], &s, &e);
			else
				r = AUTH_ERROR, err_set(&e, "alleen als jezelf (%s): --als vraagt de sessie van die persoon", who);
			send_reply(fd, r, r == AUTH_OK ? &s : NULL, e.msg);
		} else {
			send_reply(fd, AUTH_ERROR, NULL, "onbekend verzoek");
		}
		explicit_bzero(line, sizeof line);
		explicit_bzero(&s, sizeof s);
	}
	explicit_bzero(line, sizeof line);
	explicit_bzero(&pending, sizeof pending);
	db_free(&db);
}

/* A socket at path for whoever the mode lets in (umask of the caller). */
static int listen_at(const char *path)
{
	struct sockaddr_un sa;
	struct stat st;
	int fd;

	if (strlen(path) >= sizeof sa.sun_path) {
		fprintf(stderr, "balie authd: socketpad te lang: %s\n", path);
		return -1;
	}
	/* a stale socket of an earlier run goes; anything else stays */
	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(path);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path));
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* owner and group may ask: the group is the session processes' (the
	 * service account of balie-admin(8)); nobody else */
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || chmod(path, 0660) < 0 || listen(fd, 64) < 0) {
		fprintf(stderr, "balie authd: kan niet luisteren op %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* Loads the TOTP key and seals what is still in the clear; 0 / -1 (said). */
static int totp_ready(const char *conninfo, const char *key_path)
{
	unsigned char key[TOTPZEGEL_KEY_LEN];
	struct db *db = NULL;
	struct err e;
	long n = 0;

	err_clear(&e);
	if (totpzegel_key_read(key_path, key, &e) < 0) {
		fprintf(stderr, "balie authd: %s\n", e.msg);
		return -1;
	}
	auth_set_totp_key(key);
	explicit_bzero(key, sizeof key);
	if (db_connect(&db, conninfo, &e) < 0 || auth_totp_seal_all(db, &n, &e) < 0) {
		fprintf(stderr, "balie authd: TOTP-geheimen verzegelen: %s\n", e.msg);
		db_free(&db);
		return -1;
	}
	db_free(&db);
	if (n > 0)
		printf("balie authd: %ld TOTP-geheim(en) verzegeld\n", n);
	return 0;
}

int cmd_authd_serve(const char *path, const char *conninfo, const struct wachtwoord_params *params,
		    const char *key_path, const char *watch)
{
	int gone_s = 0;
	struct sigaction sa;

	if (totp_ready(conninfo, key_path) < 0)
		return 2;
	int lfd = listen_at(path);
	if (lfd < 0)
		return 2;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = SA_NOCLDWAIT; /* children reap themselves */
	sigaction(SIGCHLD, &sa, NULL);
	printf("balie authd: luistert op %s\n", path);
	fflush(stdout);
	while (!stopping) {
		struct pollfd p = { lfd, POLLIN, 0 };

		if (poll(&p, 1, 1000) <= 0) {
			/* a demo's helper ends a minute after its cluster */
			if (watch && access(watch, F_OK) < 0 && ++gone_s >= 60)
				break;
			continue;
		}
		int cfd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (cfd < 0)
			continue;
		pid_t pid = fork();
		if (pid == 0) {
			close(lfd);
			signal(SIGTERM, SIG_DFL);
			conversation(cfd, conninfo, params);
			close(cfd);
			_exit(0);
		}
		close(cfd);
	}
	close(lfd);
	unlink(path);
	printf("balie authd: gestopt\n");
	return 0;
}

int cmd_authd(int argc, char **argv)
{
	const char *path = NULL;
	struct wachtwoord_params params;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--socket") && i + 1 < argc)
			path = argv[++i];
		else if (!strcmp(argv[i], "--maak-sleutel") && i + 1 < argc && argc == 3) {
			struct err e;

			if (totpzegel_key_new(argv[i + 1], &e) < 0)
				return cmd_fail(&e);
			printf("TOTP-sleutel gemaakt: %s (modus 0400; zet totp_sleutel in balie.conf)\n", argv[i + 1]);
			return 0;
		} else {
			fprintf(stderr, "gebruik: balie authd [--socket PAD]\n"
					"         balie authd --maak-sleutel PAD\n");
			return 2;
		}
	}
	if (!path)
		path = main_config()->auth_socket;
	if (!path || !*path) {
		fprintf(stderr, "balie authd: geen socket: geef --socket PAD of zet auth_socket in balie.conf\n");
		return 2;
	}
	config_hash_params(main_config(), &params);
	return cmd_authd_serve(path, main_config()->auth_conninfo[0] ? main_config()->auth_conninfo
								 : main_config()->conninfo,
			       &params, main_config()->totp_sleutel, NULL);
}
