/* demo.c — `balie demo`: a private PostgreSQL cluster full of realistic data,
 * then the TUI.  First run creates, migrates and fills it; later runs reuse
 * it; a run interrupted half-way (no "klaar" marker) is redone from scratch.
 * Two `balie demo` at once share the cluster (a lock serialises set-up).
 *
 * Location: $BALIE_DEMO_DIR, else $XDG_STATE_HOME/balie/demo (default
 * ~/.local/state/balie/demo).  As root the server runs as `postgres`, which
 * cannot enter /root (mode 700), so root's demo lives in /var/lib/balie/demo.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/totpzegel.h"
#include "db/cluster.h"
#include "db/demodb.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"
#include "tui/paths.h"
#include "tui/tui.h"

#define READY_MARK "demo-klaar"

static void demo_dir(char *buf, size_t len)
{
	const char *env = getenv("BALIE_DEMO_DIR");
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (env && *env)
		snprintf(buf, len, "%s", env);
	else if (geteuid() == 0)
		snprintf(buf, len, "/var/lib/balie/demo");
	else if (state && *state)
		snprintf(buf, len, "%s/balie/demo", state);
	else
		snprintf(buf, len, "%s/.local/state/balie/demo", home ? home : "/tmp");
}

static void progress(const char *stage, long done, long total, void *arg)
{
	/* Not a terminal (CI, a log): one line per finished stage. */
	if (!isatty(2)) {
		if (done >= total)
			fprintf(stderr, "  %-28s %ld\n", stage, total);
		return;
	}
	if (total > 0)
		fprintf(stderr, "\r  %-28s %ld/%ld   ", stage, done, total);
	else
		fprintf(stderr, "\r  %-28s                ", stage);
	if (total > 0 && done >= total)
		fprintf(stderr, "\n");
}

/* The demo's TOTP key, DIR/totp.key (made on first use, mode 0400): the
 * demo's auth helper seals and opens TOTP secrets with it, as deployed. */
static const char *demo_key_path(const char *dir, char *buf, size_t len)
{
	snprintf(buf, len, "%s/totp.key", dir);
	return buf;
}

static int demo_key(const char *dir, unsigned char key[TOTPZEGEL_KEY_LEN], struct err *e)
{
	char path[PATH_MAX + 16];

	demo_key_path(dir, path, sizeof path);
	if (access(path, F_OK) < 0 && totpzegel_key_new(path, e) < 0)
		return -1;
	return totpzegel_key_read(path, key, e);
}

/* Creates the demo database from nothing.  Everything up to the marker can
 * be interrupted: the next run starts over. */
static int build(const char *dir, long scale, struct err *e)
{
	char forms[PATH_MAX];
	unsigned char key[TOTPZEGEL_KEY_LEN];

	if (demo_key(dir, key, e) < 0)
		return -1;
	fprintf(stderr, "Demodatabase opbouwen in %s …\n", dir);
	struct demodb_opts o = {
		.cluster_dir = dir,
		.forms_dir = paths_data(forms, sizeof forms, "forms"),
		.hulpvragen = scale,
		.totp_key = key,
		.progress = progress,
		.progress_arg = NULL,
	};
	int rc = demodb_build(&o, e);
	explicit_bzero(key, sizeof key);
	return rc;
}

/* The demo account totp's secret in base32 ("" when unavailable). */
static void demo_totp_secret(const char *dir, char *secret, size_t len)
{
	unsigned char key[TOTPZEGEL_KEY_LEN];
	struct err e;

	secret[0] = '\0';
	if (demo_key(dir, key, &e) == 0)
		demodb_totp_secret(dir, key, secret, len);
	explicit_bzero(key, sizeof key);
}

static void print_accounts(const char *dir)
{
	char secret[64];
	demo_totp_secret(dir, secret, sizeof secret);
	printf("Demo-accounts (wachtwoord: demo): secretariaat, financieel, coordinator, admin;\n"
	       "  PO2507: stromenland, stromenland-secr; aanvragende school: school;\n"
	       "  financieel contact per schoolbestuur: bestuur1, bestuur2, … (PO2507: stromenland-bestuur1, …);\n"
	       "  PO2811 (Team Schoolondersteuning): goeree (secretariaat), regie en regie2 (regierolhouder).\n");
	if (secret[0])
		printf("  totp (wachtwoord demo + code): oathtool --totp -b %s\n", secret);
}

static int usage(void)
{
	fprintf(stderr, "gebruik: balie demo [--reset | --env | --prepare | --stop | --mail | --totp] [--scale AANTAL]\n");
	return 2;
}

/* The sendmail stand-in that writes each message into a folder: installed
 * in the data folder by `make install`, in tests/ in a source checkout. */
static const char *capture_script(char *buf, size_t len)
{
	if (access(paths_data(buf, len, "capture-sendmail"), X_OK) == 0)
		return buf;
	return paths_data(buf, len, "tests/capture-sendmail");
}

/* `balie demo --mail`: delivers the demo outbox once, as `balie mail
 * --once` would, into DIR/mail/ (one .eml file per mail) instead of real
 * mail: role balie_mail (migration 007, trust auth in the private cluster),
 * mail_command the capture script, a fixed demo sender. */
static int demo_mail(const char *dir)
{
	char ci[PATH_MAX + 128], script[PATH_MAX], cmd[PATH_MAX + 16], out[PATH_MAX + 8];
	long sent = 0;

	snprintf(out, sizeof out, "%s/mail", dir);
	if (mkdir(out, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "balie: kan %s niet maken: %s\n", out, strerror(errno));
		return 2;
	}
	capture_script(script, sizeof script);
	if (access(script, X_OK) < 0) {
		fprintf(stderr, "balie: %s ontbreekt; installeer balie opnieuw (make install)\n", script);
		return 2;
	}
	if (strchr(script, ' ') || strchr(script, '\t')) {
		/* mail_command is split on spaces (no shell, no quoting) */
		fprintf(stderr, "balie: het pad %s bevat een spatie; dat kan mail_command niet aan\n", script);
		return 2;
	}
	snprintf(cmd, sizeof cmd, "%s -t -i", script);
	if (setenv("BALIE_MAIL_CAPTURE", out, 1) < 0)
		return 2;
	int rc = cmd_mail_once(cluster_conninfo(ci, sizeof ci, dir, DEMODB_NAME, "balie_mail"), cmd,
			       "secretariaat@swv-demo.example", &sent);
	if (rc == 0 || sent > 0)
		printf("Demo-mail: %ld bericht%s afgeleverd in %s/\n", sent, sent == 1 ? "" : "en", out);
	return rc;
}

/* The demo's daemons, each as it runs beside a real database: one per demo
 * folder (flock on DIR/NAME.lock, held by the child for its life), ended by
 * `balie demo --stop` (DIR/NAME.pid); log in DIR/NAME.log.
 *   notify — the notifier (`balie notify --daemon`, tui/cmd/notify.c):
 *            without it no session sees another's change; it ends a
 *            minute after the cluster is gone;
 *   authd  — the auth helper (`balie authd`, tui/cmd/authd.c) on
 *            DIR/auth.sock, as balie_auth: the demo's sessions log in
 *            through it, as deployed (balie-admin(8)). */
static int run_notify(const char *dir)
{
	char ci[PATH_MAX + 128];

	return cmd_notify_daemon(cluster_conninfo(ci, sizeof ci, dir, DEMODB_NAME, "balie_app"), 60);
}

static int run_authd(const char *dir)
{
	char ci[PATH_MAX + 128], sock[PATH_MAX + 32], data[PATH_MAX + 32], key[PATH_MAX + 16];
	struct wachtwoord_params params;

	snprintf(sock, sizeof sock, "%s/auth.sock", dir);
	snprintf(data, sizeof data, "%s/data", dir);
	config_hash_params(main_config(), &params);
	return cmd_authd_serve(sock, cluster_conninfo(ci, sizeof ci, dir, DEMODB_NAME, "balie_auth"), &params,
			       demo_key_path(dir, key, sizeof key), data);
}

static void demo_daemon(const char *dir, const char *name, int (*run)(const char *dir))
{
	char lock[PATH_MAX + 32], log[PATH_MAX + 32], pidf[PATH_MAX + 32];
	int fd;

	snprintf(lock, sizeof lock, "%s/%s.lock", dir, name);
	snprintf(log, sizeof log, "%s/%s.log", dir, name);
	snprintf(pidf, sizeof pidf, "%s/%s.pid", dir, name);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (fd >= 0)
			close(fd); /* one runs already */
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int out = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
		FILE *pf = fopen(pidf, "w");

		setsid();
		if (pf) {
			fprintf(pf, "%ld\n", (long)getpid());
			fclose(pf);
		}
		if (in >= 0)
			dup2(in, 0);
		if (out >= 0) {
			dup2(out, 1);
			dup2(out, 2);
		}
		_exit(run(dir));
	}
	close(fd); /* the child holds the lock */
}

/* `balie demo --stop`: the daemons first, so they do not log a minute of
 * failed connects. */
static void demo_daemon_stop(const char *dir, const char *name)
{
	char pidf[PATH_MAX + 32], lock[PATH_MAX + 32];
	long pid = 0;
	FILE *pf;

	snprintf(pidf, sizeof pidf, "%s/%s.pid", dir, name);
	snprintf(lock, sizeof lock, "%s/%s.lock", dir, name);
	pf = fopen(pidf, "r");
	if (!pf)
		return;
	if (fscanf(pf, "%ld", &pid) != 1)
		pid = 0;
	fclose(pf);
	/* only while the lock is held: the pid is then still our daemon's */
	int fd = open(lock, O_RDWR | O_CLOEXEC);
	if (pid > 0 && fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0)
		kill((pid_t)pid, SIGTERM);
	if (fd >= 0)
		close(fd);
	unlink(pidf);
}

int cmd_demo(int argc, char **argv)
{
	char dir[PATH_MAX], lock[PATH_MAX + 32], mark[PATH_MAX + 32], ci[PATH_MAX + 128];
	int reset = 0, env = 0, prepare = 0, stop = 0, mail = 0, totp = 0;
	long scale = 5000;
	struct err e;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--reset"))
			reset = 1;
		else if (!strcmp(argv[i], "--env"))
			env = 1;
		else if (!strcmp(argv[i], "--prepare"))
			prepare = 1;
		else if (!strcmp(argv[i], "--stop"))
			stop = 1;
		else if (!strcmp(argv[i], "--mail"))
			mail = 1;
		else if (!strcmp(argv[i], "--totp"))
			totp = 1;
		else if (!strcmp(argv[i], "--scale") && i + 1 < argc) {
			char *end;
			scale = strtol(argv[++i], &end, 10);
			if (*end || scale < 100 || scale > 10000000) {
				fprintf(stderr, "balie: --scale verwacht een aantal hulpvragen tussen 100 en 10000000\n");
				return 2;
			}
		} else
			return usage();
	}
	err_clear(&e);
	demo_dir(dir, sizeof dir);
	if (env) {
		printf("export PGHOST='%s'\nexport PGPORT=5432\nexport PGDATABASE=%s\nexport PGUSER=postgres\n", dir,
		       DEMODB_NAME);
		return 0;
	}
	if (totp) {
		/* the demo account totp's secret, for oathtool (tests, README) */
		char secret[64];

		demo_totp_secret(dir, secret, sizeof secret);
		if (!secret[0]) {
			fprintf(stderr, "balie: geen demo (of geen account totp) in %s\n", dir);
			return 1;
		}
		printf("%s\n", secret);
		return 0;
	}
	if (stop) {
		demo_daemon_stop(dir, "notify");
		demo_daemon_stop(dir, "authd");
		return cluster_stop(dir, &e) < 0 ? cmd_fail(&e) : 0;
	}
	if (reset && cluster_remove(dir, &e) < 0)
		return cmd_fail(&e);
	if (cluster_prepare_dir(dir, &e) < 0)
		return cmd_fail(&e);

	/* One set-up at a time; a second `balie demo` waits, then reuses. */
	snprintf(lock, sizeof lock, "%s/demo.lock", dir);
	int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lfd < 0 || flock(lfd, LOCK_EX) < 0) {
		err_set(&e, "kan %s niet vergrendelen: %s", lock, strerror(errno));
		return cmd_fail(&e);
	}
	snprintf(mark, sizeof mark, "%s/" READY_MARK, dir);
	char data[PATH_MAX + 8];
	struct stat st;
	snprintf(data, sizeof data, "%s/data", dir);
	int rc = 0;
	if (stat(data, &st) != 0)
		rc = cluster_create(dir, 0, &e);
	if (rc == 0)
		rc = cluster_start(dir, 0, &e);
	if (rc == 0 && stat(mark, &st) == 0) {
		/* Data kept from an earlier run: bring its schema and flows up
		 * to this binary (a newer balie on an older demo). */
		char forms[PATH_MAX];
		int applied = 0;
		struct demodb_opts o = {.cluster_dir = dir, .forms_dir = paths_data(forms, sizeof forms, "forms")};
		rc = demodb_upgrade(&o, &applied, &e);
		if (rc == 0 && applied > 0)
			fprintf(stderr, "Demodatabase bijgewerkt: %d migratie(s) toegepast.\n", applied);
	} else if (rc == 0) {
		rc = build(dir, scale, &e);
		/* shared_buffers is sized for the data when the server starts
		 * (db/cluster.c): a big demo gets its size once it is filled */
		if (rc == 0 && scale >= 200000 && (rc = cluster_stop(dir, &e)) == 0)
			rc = cluster_start(dir, 0, &e);
		if (rc == 0) {
			int mfd = open(mark, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
			if (mfd < 0 || fsync(mfd) < 0)
				rc = err_set(&e, "kan %s niet schrijven: %s", mark, strerror(errno));
			if (mfd >= 0)
				close(mfd);
		}
	}
	flock(lfd, LOCK_UN);
	close(lfd);
	if (rc < 0)
		return cmd_fail(&e);
	demo_daemon(dir, "notify", run_notify);
	demo_daemon(dir, "authd", run_authd);
	if (mail)
		return demo_mail(dir);
	print_accounts(dir);
	if (prepare)
		return 0;

	char sock[PATH_MAX + 32];
	snprintf(sock, sizeof sock, "%s/auth.sock", dir);
	/* the helper may still be binding its socket */
	for (int i = 0; i < 50 && access(sock, F_OK) < 0; i++)
		usleep(100000);
	struct tui_options o = {
		.conninfo = cluster_conninfo(ci, sizeof ci, dir, DEMODB_NAME, "balie_app"),
		.auth_socket = sock,
		.org_code = main_config()->organisatie,
		.idle_lock_minutes = main_config()->idle_lock_minutes,
		.verloopt_maanden = main_config()->verloopt_maanden,
		.banner = "Demo: wachtwoord 'demo' voor secretariaat, financieel, coordinator, admin",
		.keys = main_keys(),
		.startup_notice = main_keys_notice(),
		.report = { main_config()->report_conninfo, main_config()->report_fallback,
			    main_config()->report_max_lag_s },
	};
	config_hash_params(main_config(), &o.hash_params);
	return tui_run(&o);
}
