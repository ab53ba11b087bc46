/* ssh_toegang.c — `balie ssh-toegang`: the ForceCommand of the SSH set-up
 * (balie-admin(8), issue 14 §3).
 *
 * sshd runs this for every session of a balie user; SSH_ORIGINAL_COMMAND
 * says what the client asked for:
 *   - nothing (an interactive login): balie itself, with the person's
 *     exchange folder (uitwisselmap) in BALIE_UITWISSELMAP, where the file
 *     picker starts and exports go;
 *   - the sftp subsystem: OpenSSH's sftp-server, confined to that folder —
 *     in a user and mount namespace of its own whose root holds only /usr
 *     (read-only, for the program and its libraries) and the folder as
 *     /uitwissel, so "../" and a symlink that points out of the folder lead
 *     nowhere; creating symlinks and hard links is refused (-P);
 *   - anything else (scp, a shell command, rsync): refused, exit 1.
 * The folder is <uitwisselmap>/<account>: the balie account given with
 * --account (the service-account variant: one Unix account for the staff,
 * one authorized_keys line per person with command="balie ssh-toegang
 * --account NAAM"), else the Unix user name.  It is made (mode 0700) when
 * missing.  Port forwarding and the like are sshd's to switch off.
 */
#include "tui/cmd/cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/config.h"

#define SFTP_SERVER "/usr/lib/openssh/sftp-server"

/* A balie account or Unix user name fit for a folder name. */
static int naam_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 64 || s[0] == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
		      *s == '_' || *s == '.'))
			return 0;
	return 1;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int write_new(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* The files sftp-server needs to start, where the loader looks for them;
 * those that do not exist on this machine are skipped. */
static const char *const exposed[] = {
	SFTP_SERVER,
	"/lib64/ld-linux-x86-64.so.2",
	"/lib/x86_64-linux-gnu/libc.so.6",
	"/lib/ld-linux-aarch64.so.1",
	"/lib/aarch64-linux-gnu/libc.so.6",
};

/* mkdir -p of path's parent directories under /tmp. */
static int parents(const char *path)
{
	char buf[PATH_MAX];

	snprintf(buf, sizeof buf, "/tmp%s", path);
	for (char *p = buf + 5; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/* path (resolved) bound read-only at /tmp<path>; 0 also when it does not
 * exist here (another architecture). */
static int bind_file(const char *path)
{
	char real[PATH_MAX], at[PATH_MAX];
	int fd;

	if (!realpath(path, real))
		return errno == ENOENT ? 0 : -1;
	snprintf(at, sizeof at, "/tmp%s", path);
	if (parents(path) < 0 || (fd = open(at, O_CREAT | O_WRONLY | O_CLOEXEC, 0555)) < 0)
		return -1;
	close(fd);
	if (mount(real, at, NULL, MS_BIND, NULL) < 0 ||
	    mount(NULL, at, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
		return -1;
	return 0;
}

/* Into a namespace whose root is a small tmpfs with /usr (read-only) and
 * the folder map as /uitwissel, then exec sftp-server there.  The folder
 * is opened inside the new mount namespace (a bind mount takes its source
 * from the caller's own namespace) and before /tmp is covered. */
static int sftp_confined(const char *map_path)
{
	int dirfd = -1;
	char map[64], src[64];
	const char *stap = "user namespace";
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) {
		fprintf(stderr, "balie: sftp kan niet afgeschermd worden (user namespaces uit? %s)\n", strerror(errno));
		return 2;
	}
	snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)uid, (unsigned long)uid);
	if (write_file("/proc/self/setgroups", "deny") < 0 || write_file("/proc/self/uid_map", map) < 0)
		goto fail;
	snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)gid, (unsigned long)gid);
	if (write_file("/proc/self/gid_map", map) < 0)
		goto fail;
	/* nothing done here reaches the real mount table */
	stap = "mounts";
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		goto fail;
	stap = "uitwisselmap openen";
	if ((dirfd = open(map_path, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		goto fail;
	if (mount("balie-sftp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") < 0)
		goto fail;
	if (mkdir("/tmp/uitwissel", 0700) < 0)
		goto fail;
	/* only the program, its loader and libc (ldd sftp-server), each a
	 * read-only bind of one file: outside /uitwissel there is nothing to
	 * read but these public system files */
	stap = "sftp-server";
	for (size_t i = 0; i < sizeof exposed / sizeof exposed[0]; i++)
		if (bind_file(exposed[i]) < 0)
			goto fail;
	/* sftp-server opens /dev/null for stdio it was not given */
	stap = "/dev/null";
	int nfd;
	if (mkdir("/tmp/dev", 0755) < 0 || (nfd = open("/tmp/dev/null", O_CREAT | O_WRONLY | O_CLOEXEC, 0666)) < 0)
		goto fail;
	close(nfd);
	if (mount("/dev/null", "/tmp/dev/null", NULL, MS_BIND, NULL) < 0)
		goto fail;
	/* sftp-server asks who it runs as: a passwd of one line, nobody else's */
	stap = "/etc/passwd";
	char line[256];
	const struct passwd *pw = getpwuid(uid);
	if (mkdir("/tmp/etc", 0755) < 0)
		goto fail;
	snprintf(line, sizeof line, "%s:x:%lu:%lu::/uitwissel:/usr/sbin/nologin\n", pw ? pw->pw_name : "balie",
		 (unsigned long)uid, (unsigned long)gid);
	if (write_new("/tmp/etc/passwd", line) < 0)
		goto fail;
	snprintf(line, sizeof line, "balie:x:%lu:\n", (unsigned long)gid);
	if (write_new("/tmp/etc/group", line) < 0)
		goto fail;
	stap = "uitwisselmap";
	snprintf(src, sizeof src, "/proc/self/fd/%d", dirfd);
	if (mount(src, "/tmp/uitwissel", NULL, MS_BIND, NULL) < 0 ||
	    mount(NULL, "/tmp/uitwissel", NULL, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
		goto fail;
	close(dirfd);
	if (chroot("/tmp") < 0 || chdir("/uitwissel") < 0)
		goto fail;
	char *const argv[] = { "sftp-server", "-d", "/uitwissel", "-P", "symlink,hardlink", NULL };
	execv(SFTP_SERVER, argv);
fail:
	fprintf(stderr, "balie: sftp kan niet afgeschermd worden (%s): %s\n", stap, strerror(errno));
	return 2;
}

int cmd_ssh_toegang(int argc, char **argv)
{
	const char *account = NULL, *cmd = getenv("SSH_ORIGINAL_COMMAND");
	const struct passwd *pw = getpwuid(getuid());
	char map[PATH_MAX];
	struct config conf;
	struct err e;
	int dirfd;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--account") && i + 1 < argc)
			account = argv[++i];
		else {
			fprintf(stderr, "gebruik: balie ssh-toegang [--account NAAM]\n");
			return 2;
		}
	}
	if (!account)
		account = pw ? pw->pw_name : NULL;
	if (!naam_ok(account)) {
		fprintf(stderr, "balie: ongeldige accountnaam voor de uitwisselmap\n");
		return 2;
	}
	if (config_load(&conf, NULL, &e) < 0) {
		fprintf(stderr, "balie: %s\n", e.msg);
		return 2;
	}
	/* scp, shells, rsync, …: only balie and the exchange folder */
	int sftp = cmd && (!strcmp(cmd, "internal-sftp") ||
			   (strlen(cmd) >= 11 && !strcmp(cmd + strlen(cmd) - 11, "sftp-server")));
	if (cmd && *cmd && !sftp) {
		fprintf(stderr, "balie: hier kan alleen balie zelf of sftp naar je uitwisselmap; "
				"scp en opdrachten staan uit\n");
		return 1;
	}
	if (!conf.uitwisselmap[0]) {
		if (sftp) {
			fprintf(stderr, "balie: er is geen uitwisselmap ingesteld (uitwisselmap in balie.conf)\n");
			return 1;
		}
		execl("/proc/self/exe", "balie", (char *)NULL);
		fprintf(stderr, "balie: %s\n", strerror(errno));
		return 2;
	}
	snprintf(map, sizeof map, "%s/%s", conf.uitwisselmap, account);
	if (mkdir(map, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "balie: uitwisselmap %s: %s\n", map, strerror(errno));
		return 2;
	}
	if ((dirfd = open(map, O_PATH | O_DIRECTORY | O_NOFOLLOW)) < 0) {
		fprintf(stderr, "balie: uitwisselmap %s: %s\n", map, strerror(errno));
		return 2;
	}
	close(dirfd);
	if (sftp)
		return sftp_confined(map);
	setenv("BALIE_UITWISSELMAP", map, 1);
	execl("/proc/self/exe", "balie", (char *)NULL);
	fprintf(stderr, "balie: %s\n", strerror(errno));
	return 2;
}
