/* cluster.c — create, start, stop and remove a private PostgreSQL cluster. */
#include "db/cluster.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/spawn.h"

#define SERVER_USER "postgres"

/* Where initdb and pg_ctl live: $BALIE_PG_BINDIR, else the newest
 * /usr/lib/postgresql/<n>/bin. */
static int pg_bindir(char *buf, size_t len, struct err *e)
{
	const char *env = getenv("BALIE_PG_BINDIR");
	if (env && *env) {
		snprintf(buf, len, "%s", env);
		return 0;
	}
	glob_t g;
	int best = -1;
	if (glob("/usr/lib/postgresql/*/bin/initdb", 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			int v = atoi(g.gl_pathv[i] + strlen("/usr/lib/postgresql/"));
			if (v > best) {
				best = v;
				snprintf(buf, len, "/usr/lib/postgresql/%d/bin", v);
			}
		}
		globfree(&g);
	}
	if (best < 0)
		return err_set(e, "PostgreSQL-server niet gevonden (/usr/lib/postgresql/*/bin/initdb): "
				  "installeer het pakket postgresql (make deps)");
	return 0;
}

/* The uid/gid the server runs as: ourselves, or `postgres` when root. */
static int server_ids(uid_t *uid, gid_t *gid, struct err *e)
{
	if (geteuid() != 0) {
		*uid = geteuid();
		*gid = getegid();
		return 0;
	}
	struct passwd *pw = getpwnam(SERVER_USER);
	if (!pw)
		return err_set(e, "als root draait de database als gebruiker '%s', maar die bestaat niet "
				  "(installeer het pakket postgresql)", SERVER_USER);
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	return 0;
}

/* Runs argv (no shell) as the server user, stdout/stderr appended to log (or
 * /dev/null).  Returns the exit status, or -1 when it could not run.
 *
 * Through core/spawn: a process group of its own (a Ctrl-C aimed at balie
 * does not kill the shared server half-way through a start), no time limit
 * (pg_ctl has its own -t), and the base environment only — no PG…
 * variables: initdb and pg_ctl get everything they need as arguments, and a
 * PGPORT or PGDATA of the caller's would move the socket or the data.  The
 * one addition is libfaketime's: a demo or test cluster started under a
 * moved clock (tests/faketime-check.sh) must share that clock, or the
 * server's now() and current_date would disagree with the program's. */
static const char *const server_env[] = { "PATH", "HOME", "LANG", "LC_*", "TZ", "TMPDIR", "LD_PRELOAD",
					  "FAKETIME", "FAKETIME_DISABLE_SHM", NULL };

static int run_as_server(char *const argv[], const char *log)
{
	struct spawn_opts o = { .out = SPAWN_IO_NULL, .err = SPAWN_IO_STDOUT, .env = server_env };
	struct spawn_result r;
	int fd = -1;

	if (server_ids(&o.uid, &o.gid, NULL) < 0)
		return -1;
	if (geteuid() == 0)
		o.flags |= SPAWN_SET_IDS;
	if (log) {
		/* opened here, by us, as before: the log is ours, not the server user's */
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		o.out = fd >= 0 ? SPAWN_IO_FD : SPAWN_IO_INHERIT;
		o.err = fd >= 0 ? SPAWN_IO_STDOUT : SPAWN_IO_INHERIT;
		o.out_fd = fd;
	}
	spawn_run(argv, &o, &r);
	if (fd >= 0)
		close(fd);
	spawn_result_release(&r);
	return r.end == SPAWN_EXITED ? r.status : -1;
}

/* spawn_call job: can this process (the server user) use the folder arg? */
static int access_job(void *arg, void *out, size_t outlen)
{
	return access(arg, R_OK | W_OK | X_OK) == 0 ? 0 : 1;
}

static int mkdir_p(const char *path, mode_t last_mode)
{
	char tmp[PATH_MAX];
	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(tmp, last_mode) < 0 && errno != EEXIST)
		return -1;
	return 0;
}

int cluster_prepare_dir(const char *dir, struct err *e)
{
	uid_t uid;
	gid_t gid;
	if (server_ids(&uid, &gid, e) < 0)
		return -1;
	if (strlen(dir) > 90)
		return err_set(e, "clustermap '%s' is te lang voor een unix-socket (max. 90 tekens)", dir);
	if (mkdir_p(dir, 0700) < 0)
		return err_set(e, "kan map '%s' niet maken: %s", dir, strerror(errno));
	struct stat st;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return err_set(e, "'%s' is geen map", dir);
	if (st.st_uid != uid && geteuid() == 0 && chown(dir, uid, gid) < 0)
		return err_set(e, "kan map '%s' niet aan %s geven: %s", dir, SERVER_USER, strerror(errno));
	/* 0711: other Unix users may reach the server's socket in it (as in
	 * /run/postgresql), so a test can run the auth helper and the session
	 * process as users of their own (balie-admin(8)); every file inside
	 * stays private, and pg_hba.conf decides who may be which role. */
	if (chmod(dir, 0711) < 0)
		return err_set(e, "kan rechten van '%s' niet zetten: %s", dir, strerror(errno));
	if (geteuid() == 0) {
		/* The server user must be able to reach the folder. */
		struct spawn_opts o = { .flags = SPAWN_SET_IDS, .uid = uid, .gid = gid };
		struct spawn_result r;
		int denied = 1;
		if (spawn_call(access_job, (void *)dir, NULL, 0, &o, &denied, &r) < 0 || denied)
			return err_set(e, "gebruiker %s kan map '%s' niet bereiken (staat hij onder /root?): "
					  "kies een map buiten /root, bijvoorbeeld met BALIE_DEMO_DIR",
				       SERVER_USER, dir);
	}
	return 0;
}

/* Writes text to path, replacing what is there (the file keeps its owner). */
static int write_over(const char *path, const char *text, struct err *e)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
	size_t len = strlen(text);

	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", path, strerror(errno));
	if (write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return err_set(e, "kan '%s' niet schrijven: %s", path, strerror(errno));
	}
	return close(fd) < 0 ? err_set(e, "kan '%s' niet schrijven: %s", path, strerror(errno)) : 0;
}

/* Who may be which role, as deployed (balie-admin(8)): the superuser and
 * the auth helper's role balie_auth only for the Unix user that made the
 * cluster (root in the tests), the server's own user and, for balie_auth,
 * the Unix user balie-auth; every other role by the local socket as
 * before.  So a session process running as another Unix user can reach
 * balie_app but can neither read password hashes nor be the superuser.
 * Replication (a standby for reports, tmux 68) as the superuser only. */
static int limit_roles(const char *data, struct err *e)
{
	char hba[PATH_MAX + 16], ident[PATH_MAX + 16], text[1024];
	const struct passwd *pw = getpwuid(geteuid());
	const char *me = pw ? pw->pw_name : "root";

	snprintf(hba, sizeof hba, "%s/pg_hba.conf", data);
	snprintf(ident, sizeof ident, "%s/pg_ident.conf", data);
	snprintf(text, sizeof text,
		 "# balie (db/cluster.c): the superuser and balie_auth only for the Unix users in\n"
		 "# pg_ident.conf; the other roles by the local socket; no TCP.\n"
		 "local all postgres   peer map=balie\n"
		 "local all balie_auth peer map=balie\n"
		 "local all all        trust\n"
		 "local replication postgres peer map=balie\n");
	if (write_over(hba, text, e) < 0)
		return -1;
	snprintf(text, sizeof text,
		 "# MAPNAME SYSTEM-USERNAME PG-USERNAME\n"
		 "balie %s postgres\n"
		 "balie %s balie_auth\n"
		 "balie " SERVER_USER " postgres\n"
		 "balie balie-auth balie_auth\n",
		 me, me);
	return write_over(ident, text, e);
}

int cluster_create(const char *dir, unsigned flags, struct err *e)
{
	char bindir[PATH_MAX], initdb[PATH_MAX + 16], data[PATH_MAX], log[PATH_MAX];
	struct stat st;

	if (pg_bindir(bindir, sizeof bindir, e) < 0 || cluster_prepare_dir(dir, e) < 0)
		return -1;
	snprintf(data, sizeof data, "%s/data", dir);
	if (stat(data, &st) == 0)
		return err_set(e, "in '%s' staat al een cluster", dir);
	snprintf(initdb, sizeof initdb, "%s/initdb", bindir);
	snprintf(log, sizeof log, "%s/initdb.log", dir);
	char *argv[] = {initdb, "-D", data, "-U", "postgres", "--auth-local=trust",
			"--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8", NULL, NULL};
	if (flags & CLUSTER_FAST)
		argv[10] = "--no-sync";
	int rc = run_as_server(argv, log);
	if (rc != 0)
		return err_set(e, "initdb mislukte (status %d); zie %s", rc, log);
	return limit_roles(data, e);
}

int cluster_running(const char *dir)
{
	char bindir[PATH_MAX], pg_ctl[PATH_MAX + 16], data[PATH_MAX];
	if (pg_bindir(bindir, sizeof bindir, NULL) < 0)
		return 0;
	snprintf(pg_ctl, sizeof pg_ctl, "%s/pg_ctl", bindir);
	snprintf(data, sizeof data, "%s/data", dir);
	char *argv[] = {pg_ctl, "status", "-D", data, NULL};
	return run_as_server(argv, NULL) == 0;
}

/* Bytes under the data folder, for sizing shared_buffers (nftw has no
 * argument pointer: a file-scope sum, used by one call at a time). */
static long long data_bytes;

static int add_size(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)path;
	(void)f;
	if (type == FTW_F)
		data_bytes += (long long)st->st_blocks * 512;
	return 0;
}

/* shared_buffers sized for the data: a quarter of what is on disk, so the
 * hot part of a big demo (hulpvraag and its queue indexes, ~1 GB at a
 * million) stays in PostgreSQL's own cache, between the default 128 MB and
 * 1 GB (five people share one machine).  Measured in issue 15. */
static long shared_buffers_mb(const char *data)
{
	long mb;

	data_bytes = 0;
	nftw(data, add_size, 16, FTW_PHYS);
	mb = (long)(data_bytes / 4 / (1024 * 1024));
	return mb < 128 ? 128 : mb > 1024 ? 1024 : mb;
}

int cluster_start(const char *dir, unsigned flags, struct err *e)
{
	char bindir[PATH_MAX], pg_ctl[PATH_MAX + 16], data[PATH_MAX], log[PATH_MAX], opts[PATH_MAX + 256];

	if (pg_bindir(bindir, sizeof bindir, e) < 0)
		return -1;
	if (cluster_running(dir))
		return 0;
	snprintf(pg_ctl, sizeof pg_ctl, "%s/pg_ctl", bindir);
	snprintf(data, sizeof data, "%s/data", dir);
	snprintf(log, sizeof log, "%s/postgres.log", dir);
	/* Only the socket in DIR: no TCP at all.  fsync off for throwaway
	 * test clusters (nothing to keep after a crash).  max_connections:
	 * `make bench` runs 128 writers beside 100 idle listeners and the
	 * sessions of the test (issue 15). */
	snprintf(opts, sizeof opts,
		 "-c listen_addresses='' -c unix_socket_directories='%s' -c max_connections=300 "
		 "-c shared_buffers=%ldMB%s",
		 dir, shared_buffers_mb(data),
		 (flags & CLUSTER_FAST) ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
	char *argv[] = {pg_ctl, "start", "-w", "-t", "60", "-D", data, "-l", log, "-o", opts, NULL};
	int rc = run_as_server(argv, NULL);
	if (rc != 0)
		return err_set(e, "PostgreSQL starten mislukte (status %d); zie %s", rc, log);
	return 0;
}

int cluster_stop(const char *dir, struct err *e)
{
	char bindir[PATH_MAX], pg_ctl[PATH_MAX + 16], data[PATH_MAX];
	if (pg_bindir(bindir, sizeof bindir, e) < 0)
		return -1;
	if (!cluster_running(dir))
		return 0;
	snprintf(pg_ctl, sizeof pg_ctl, "%s/pg_ctl", bindir);
	snprintf(data, sizeof data, "%s/data", dir);
	char *argv[] = {pg_ctl, "stop", "-w", "-m", "fast", "-D", data, NULL};
	if (run_as_server(argv, NULL) != 0)
		return err_set(e, "PostgreSQL stoppen mislukte in '%s'", dir);
	return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

int cluster_remove(const char *dir, struct err *e)
{
	struct stat st;
	if (stat(dir, &st) < 0)
		return 0;
	if (cluster_stop(dir, e) < 0)
		return -1;
	if (nftw(dir, rm_entry, 32, FTW_DEPTH | FTW_PHYS) < 0)
		return err_set(e, "kan '%s' niet verwijderen: %s", dir, strerror(errno));
	return 0;
}

const char *cluster_conninfo(char *buf, size_t len, const char *dir, const char *dbname,
			     const char *user)
{
	snprintf(buf, len, "host='%s' dbname='%s' user='%s' application_name=balie", dir, dbname, user);
	return buf;
}
