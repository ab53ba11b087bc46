/* spawn.c — start a program or a function in a child with limits; see spawn.h. */
#include "core/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

extern char **environ;

const char *const spawn_env_base[] = { "PATH", "HOME", "LANG", "LC_*", "TZ", "TMPDIR", NULL };

#define OUT_CAP_DEFAULT (64 * 1024)

/* ---------------------------------------------------------------- small helpers */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 1 when the variable entry ("NAME=value") may pass allow.  PG… variables
 * (PGPASSWORD, PGHOST, …) pass only by their exact name, never by a prefix. */
static int env_allowed(const char *entry, const char *const *allow)
{
	size_t n = strcspn(entry, "=");

	for (; *allow; allow++) {
		size_t al = strlen(*allow);
		if (al > 0 && (*allow)[al - 1] == '*') {
			if (n >= al - 1 && !strncmp(entry, *allow, al - 1) && strncmp(entry, "PG", 2) != 0)
				return 1;
		} else if (al == n && !strncmp(entry, *allow, n)) {
			return 1;
		}
	}
	return 0;
}

/* The child's environment: this one's entries that pass allow (pointers into
 * environ; only the array is malloc'ed).  NULL when out of memory. */
static char **env_build(const char *const *allow)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	env = calloc(n + 1, sizeof *env);
	if (!env)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (env_allowed(environ[i], allow ? allow : spawn_env_base))
			env[k++] = environ[i];
	return env;
}

/* Async-signal-safe: the child between fork and exec may not allocate. */
static void write_errno(int fd, int err)
{
	ssize_t ignored = write(fd, &err, sizeof err);
	(void)ignored;
}

/* VmSize of this process in bytes, read without stdio (async-signal-safe);
 * 0 when unknown. */
static unsigned long long vm_size(void)
{
	char buf[4096], *p;
	ssize_t n;
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strstr(buf, "VmSize:");
	if (!p)
		return 0;
	p += 7;
	while (*p == ' ' || *p == '\t')
		p++;
	unsigned long long kib = 0;
	while (*p >= '0' && *p <= '9')
		kib = kib * 10 + (unsigned long long)(*p++ - '0');
	return kib * 1024;
}

static int set_limit(int res, unsigned long long soft, unsigned long long hard)
{
	struct rlimit rl = { soft, hard };

	return setrlimit(res, &rl);
}

/* The common part of both children: a process group of its own, limits,
 * ids, death with the parent.  as_base is added to the address-space limit
 * (spawn_call: the copy of the parent it starts as).  0 / errno. */
static int child_setup(const struct spawn_opts *o, pid_t parent, unsigned long long as_base)
{
	setpgid(0, 0);
	/* No core files: a child's memory holds pupil data. */
	if (set_limit(RLIMIT_CORE, 0, 0) < 0)
		return errno;
	if (o->mem_bytes > 0 && set_limit(RLIMIT_AS, as_base + (unsigned long long)o->mem_bytes,
					  as_base + (unsigned long long)o->mem_bytes) < 0)
		return errno;
	/* SIGXCPU at the soft limit, SIGKILL a second later if it is caught. */
	if (o->cpu_s > 0 && set_limit(RLIMIT_CPU, (unsigned long long)o->cpu_s, (unsigned long long)o->cpu_s + 1) < 0)
		return errno;
	if (o->fsize_bytes > 0 &&
	    set_limit(RLIMIT_FSIZE, (unsigned long long)o->fsize_bytes, (unsigned long long)o->fsize_bytes) < 0)
		return errno;
	if (o->nofile > 0 && set_limit(RLIMIT_NOFILE, (unsigned long long)o->nofile, (unsigned long long)o->nofile) < 0)
		return errno;
	if (o->flags & SPAWN_SET_IDS) {
		gid_t g = o->gid;
		if (setgroups(1, &g) < 0 || setgid(o->gid) < 0 || setuid(o->uid) < 0)
			return errno;
	}
	/* After setuid: a change of credentials clears the death signal. */
	if (o->flags & SPAWN_DIE_WITH_PARENT) {
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
			return errno;
		if (getppid() != parent)
			_exit(127); /* the parent died before prctl */
	}
	return 0;
}

/* ---------------------------------------------------------------- the parent's side */

struct chan {
	int fd;         /* parent's end, non-blocking; -1 when closed */
	char *buf;      /* capture (out) or tail (err) */
	size_t len, size, cap;
	int tail;       /* keep the last bytes instead of the first */
	int drain;      /* past cap: read and discard */
	int over;       /* more came than cap */
};

struct run {
	pid_t pid;
	int pidfd;
	struct chan out, err;
	int in_fd;
	const unsigned char *in;
	size_t in_len, in_off;
	int stopped; /* SPAWN_TIMED_OUT / SPAWN_TOO_BIG when we stopped it, else 0 */
};

static void chan_close(struct chan *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/* Reads what is there.  -1 when the cap was passed and the child must stop. */
static int chan_read(struct chan *c)
{
	for (;;) {
		char tmp[16384], *dst = tmp;
		size_t room = sizeof tmp;

		if (!c->tail && !c->over && c->len < c->cap) {
			/* capture straight into the buffer, growing it up to the cap */
			if (c->len == c->size) {
				size_t ns = c->size ? c->size * 2 : 65536;
				if (ns > c->cap)
					ns = c->cap;
				char *nb = realloc(c->buf, ns + 1);
				if (!nb)
					return -1;
				c->buf = nb;
				c->size = ns;
			}
			dst = c->buf + c->len;
			room = c->size - c->len;
		}
		ssize_t k = read(c->fd, dst, room);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN)
			return 0;
		if (k <= 0) {
			chan_close(c);
			return 0;
		}
		if (dst != tmp) {
			c->len += (size_t)k;
			continue;
		}
		if (c->tail) {
			/* keep the last c->cap bytes */
			size_t n = (size_t)k;
			if (n >= c->cap) {
				memcpy(c->buf, tmp + n - c->cap, c->cap);
				c->len = c->cap;
			} else {
				if (c->len + n > c->cap) {
					size_t drop = c->len + n - c->cap;
					memmove(c->buf, c->buf + drop, c->len - drop);
					c->len -= drop;
				}
				memcpy(c->buf + c->len, tmp, n);
				c->len += n;
			}
			continue;
		}
		c->over = 1;
		if (!c->drain)
			return -1;
	}
}

/* 1 when the child has exited (not reaped yet). */
static int has_exited(pid_t pid)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
		return errno != EINTR;
	return si.si_pid == pid;
}

/* Waits up to ms for the child to exit (without reaping it). */
static void wait_exit(struct run *w, int ms)
{
	long long end = now_ms() + ms;

	while (!has_exited(w->pid)) {
		long long left = end - now_ms();
		if (left <= 0)
			return;
		if (w->pidfd >= 0) {
			struct pollfd p = { w->pidfd, POLLIN, 0 };
			poll(&p, 1, (int)left);
		} else {
			poll(NULL, 0, left < 20 ? (int)left : 20);
		}
	}
}

/* Stops the child's whole process group: SIGTERM, then SIGKILL. */
static void stop_group(struct run *w, int why)
{
	w->stopped = why;
	if (kill(-w->pid, SIGTERM) < 0)
		kill(w->pid, SIGTERM);
	wait_exit(w, SPAWN_GRACE_MS);
	/* The leader is not reaped yet, so the group id is still ours. */
	if (kill(-w->pid, SIGKILL) < 0)
		kill(w->pid, SIGKILL);
}

static void write_stdin(struct run *w)
{
	while (w->in_fd >= 0 && w->in_off < w->in_len) {
		ssize_t k = write(w->in_fd, w->in + w->in_off, w->in_len - w->in_off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN)
			return;
		if (k <= 0)
			break; /* EPIPE: it stopped reading; its status says why */
		w->in_off += (size_t)k;
	}
	if (w->in_fd >= 0)
		close(w->in_fd);
	w->in_fd = -1;
}

/* Feeds stdin, collects output until the child exits (then drains the
 * pipes) or a limit stops it; reaps it into *st and *ru. */
static void wait_child(struct run *w, int timeout_ms, int *st, struct rusage *ru)
{
	long long deadline = timeout_ms > 0 ? now_ms() + timeout_ms : 0;

	for (;;) {
		if (has_exited(w->pid)) {
			if (w->out.fd >= 0 && chan_read(&w->out) < 0)
				w->stopped = SPAWN_TOO_BIG;
			if (w->err.fd >= 0)
				chan_read(&w->err);
			break;
		}
		long long left = deadline ? deadline - now_ms() : -1;
		if (deadline && left <= 0) {
			stop_group(w, SPAWN_TIMED_OUT);
			break;
		}
		struct pollfd p[4];
		int n = 0, wait_ms = left < 0 ? -1 : left > 60000 ? 60000 : (int)left; /* look at the clock again */
		if (w->pidfd >= 0)
			p[n++] = (struct pollfd){ w->pidfd, POLLIN, 0 };
		else if (wait_ms < 0 || wait_ms > 20)
			wait_ms = 20; /* no pidfd: look again soon */
		if (w->out.fd >= 0)
			p[n++] = (struct pollfd){ w->out.fd, POLLIN, 0 };
		if (w->err.fd >= 0)
			p[n++] = (struct pollfd){ w->err.fd, POLLIN, 0 };
		if (w->in_fd >= 0)
			p[n++] = (struct pollfd){ w->in_fd, POLLOUT, 0 };
		if (poll(p, (nfds_t)n, wait_ms) <= 0)
			continue;
		for (int i = 0; i < n; i++) {
			if (!p[i].revents)
				continue;
			if (p[i].fd == w->in_fd)
				write_stdin(w);
			else if (p[i].fd == w->err.fd)
				chan_read(&w->err);
			else if (p[i].fd == w->out.fd && chan_read(&w->out) < 0)
				w->stopped = SPAWN_TOO_BIG;
		}
		if (w->stopped) {
			stop_group(w, w->stopped);
			break;
		}
	}
	while (wait4(w->pid, st, 0, ru) < 0 && errno == EINTR)
		;
}

/* Does text say the program ran out of memory? */
static int says_out_of_memory(const char *text)
{
	static const char *const phrases[] = { "out of memory", "memory exhausted", "cannot allocate memory",
					       "out-of-memory", "memoryerror", "bad_alloc", "not enough memory",
					       "failed to allocate", NULL };

	for (const char *const *ph = phrases; *ph; ph++)
		if (text && strcasestr(text, *ph))
			return 1;
	return 0;
}

/* Fills r from how the child ended. */
static void judge(const struct spawn_opts *o, const struct run *w, int st, const struct rusage *ru,
		  struct spawn_result *r)
{
	r->cpu_s = (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
		   (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
	r->truncated = w->out.over;
	if (WIFEXITED(st)) {
		r->end = SPAWN_EXITED;
		r->status = WEXITSTATUS(st);
	} else if (WIFSIGNALED(st)) {
		r->end = SPAWN_SIGNALED;
		r->signal = WTERMSIG(st);
	}
	if (w->stopped) {
		r->end = (enum spawn_end)w->stopped;
		return;
	}
	if (r->end == SPAWN_EXITED && r->status == 0)
		return;
	if (o->cpu_s > 0 && r->end == SPAWN_SIGNALED &&
	    (r->signal == SIGXCPU || (r->signal == SIGKILL && r->cpu_s + 0.5 >= (double)o->cpu_s)))
		r->end = SPAWN_CPU_LIMIT;
	else if (o->mem_bytes > 0 && (says_out_of_memory(r->err_tail) || says_out_of_memory(r->out)))
		r->end = SPAWN_MEM_LIMIT;
}

static void result_init(struct spawn_result *r)
{
	memset(r, 0, sizeof *r);
	r->end = SPAWN_NOT_STARTED;
}

static int not_started(struct spawn_result *r, int err)
{
	r->end = SPAWN_NOT_STARTED;
	r->errnum = err;
	return -1;
}

static void close_pair(int p[2])
{
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
	p[0] = p[1] = -1;
}

static int pidfd_of(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	(void)pid;
	return -1;
#endif
}

/* The pipes of one child: stdin, stdout, stderr, exec status. */
struct pipes {
	int in[2], out[2], err[2], status[2];
};

static int pipes_open(struct pipes *pp, const struct spawn_opts *o, int want_status)
{
	memset(pp, -1, sizeof *pp);
	if ((o->in && pipe2(pp->in, O_CLOEXEC) < 0) || (o->out == SPAWN_IO_CAPTURE && pipe2(pp->out, O_CLOEXEC) < 0) ||
	    (o->err == SPAWN_IO_CAPTURE && pipe2(pp->err, O_CLOEXEC) < 0) ||
	    (want_status && pipe2(pp->status, O_CLOEXEC) < 0))
		return -1;
	return 0;
}

static void pipes_close(struct pipes *pp)
{
	close_pair(pp->in);
	close_pair(pp->out);
	close_pair(pp->err);
	close_pair(pp->status);
}

/* The parent's ends become the run's channels; the child's ends close. */
static void run_init(struct run *w, pid_t pid, struct pipes *pp, const struct spawn_opts *o, size_t out_cap)
{
	memset(w, 0, sizeof *w);
	w->pid = pid;
	w->pidfd = pidfd_of(pid);
	w->in_fd = pp->in[1];
	w->in = o->in;
	w->in_len = o->in_len;
	w->out.fd = pp->out[0];
	w->out.cap = out_cap;
	w->out.drain = (o->flags & SPAWN_CAP_DRAIN) != 0;
	w->err.fd = pp->err[0];
	w->err.tail = 1;
	pp->in[1] = pp->out[0] = pp->err[0] = -1;
	pipes_close(pp);
	if (w->in_fd >= 0) {
		fcntl(w->in_fd, F_SETFL, O_NONBLOCK);
		if (w->in_len == 0) {
			close(w->in_fd);
			w->in_fd = -1;
		}
	}
	if (w->out.fd >= 0)
		fcntl(w->out.fd, F_SETFL, O_NONBLOCK);
	if (w->err.fd >= 0)
		fcntl(w->err.fd, F_SETFL, O_NONBLOCK);
}

/* Runs w to its end and fills r; releases w. */
static void run_finish(struct run *w, const struct spawn_opts *o, struct spawn_result *r, char *err_tail)
{
	int st = 0;
	struct rusage ru;
	sigset_t pipe_set, old, pending;
	int had_pipe;

	memset(&ru, 0, sizeof ru);
	w->err.buf = err_tail;
	w->err.cap = sizeof r->err_tail - 1;
	/* A child that stops reading its stdin must not kill us with SIGPIPE. */
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigpending(&pending);
	had_pipe = sigismember(&pending, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	wait_child(w, o->timeout_ms, &st, &ru);
	sigpending(&pending);
	if (!had_pipe && sigismember(&pending, SIGPIPE)) {
		struct timespec zero = { 0, 0 };
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);

	err_tail[w->err.len] = '\0';
	if (w->out.buf)
		w->out.buf[w->out.len] = '\0';
	r->out = w->out.buf;
	r->out_len = w->out.len;
	judge(o, w, st, &ru, r);
	if (w->in_fd >= 0)
		close(w->in_fd);
	chan_close(&w->out);
	chan_close(&w->err);
	if (w->pidfd >= 0)
		close(w->pidfd);
}

/* ---------------------------------------------------------------- spawn_run */

static void exec_child(char *const argv[], const struct spawn_opts *o, struct pipes *pp, char **env, pid_t parent)
{
	int fd[3] = { -1, -1, -1 }, nul = open("/dev/null", O_RDWR | O_CLOEXEC);
	int err;

	/* Where 0, 1 and 2 come from, first moved above 2 so no dup2 below
	 * overwrites a source still needed. */
	fd[0] = pp->in[0] >= 0 ? pp->in[0] : o->in_fd > 0 ? o->in_fd : nul;
	fd[1] = o->out == SPAWN_IO_CAPTURE ? pp->out[1] : o->out == SPAWN_IO_FD ? o->out_fd
							 : o->out == SPAWN_IO_INHERIT ? 1 : nul;
	fd[2] = o->err == SPAWN_IO_CAPTURE ? pp->err[1] : o->err == SPAWN_IO_FD ? o->err_fd
							 : o->err == SPAWN_IO_INHERIT ? 2
							 : o->err == SPAWN_IO_STDOUT ? -2 : nul;
	for (int i = 0; i < 3; i++)
		if (fd[i] >= 0 && fd[i] < 3)
			fd[i] = fcntl(fd[i], F_DUPFD_CLOEXEC, 3);
	if (fd[0] < 0 || fd[1] < 0 || fd[2] == -1 || dup2(fd[0], 0) < 0 || dup2(fd[1], 1) < 0 ||
	    dup2(fd[2] == -2 ? 1 : fd[2], 2) < 0) {
		write_errno(pp->status[1], errno);
		_exit(127);
	}
	/* Ignored signals stay ignored across exec, and the mask stays: reset. */
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	err = child_setup(o, parent, 0);
	if (err) {
		write_errno(pp->status[1], err);
		_exit(127);
	}
#ifdef SYS_close_range
	/* Nothing of balie's (database socket, terminal, files) reaches the program. */
	syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
#endif
	execvpe(argv[0], argv, env);
	write_errno(pp->status[1], errno);
	_exit(127);
}

int spawn_run(char *const argv[], const struct spawn_opts *opts, struct spawn_result *r)
{
	static const struct spawn_opts none;
	const struct spawn_opts *o = opts ? opts : &none;
	struct pipes pp;
	struct run w;
	char **env;
	pid_t pid, parent = getpid();
	int exec_err = 0;

	result_init(r);
	if (!argv || !argv[0])
		return not_started(r, EINVAL);
	env = env_build(o->env);
	if (!env)
		return not_started(r, ENOMEM);
	if (pipes_open(&pp, o, 1) < 0) {
		int err = errno;
		pipes_close(&pp);
		free(env);
		return not_started(r, err);
	}
	pid = fork();
	if (pid < 0) {
		int err = errno;
		pipes_close(&pp);
		free(env);
		return not_started(r, err);
	}
	if (pid == 0)
		exec_child(argv, o, &pp, env, parent);
	setpgid(pid, pid); /* as the child does: no stop can come before its group exists */
	free(env);
	/* The status pipe closes on exec; an errno on it means no exec. */
	close(pp.status[1]);
	pp.status[1] = -1;
	while (read(pp.status[0], &exec_err, sizeof exec_err) < 0 && errno == EINTR)
		;
	run_init(&w, pid, &pp, o, o->out_cap ? o->out_cap : OUT_CAP_DEFAULT);
	run_finish(&w, o, r, r->err_tail);
	if (exec_err) {
		spawn_result_release(r);
		return not_started(r, exec_err);
	}
	if (o->out == SPAWN_IO_CAPTURE && !r->out) {
		r->out = calloc(1, 1);
		if (!r->out)
			return not_started(r, ENOMEM);
	}
	return r->end == SPAWN_EXITED && r->status == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- spawn_call */

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int spawn_call(spawn_fn fn, void *arg, void *out, size_t outlen, const struct spawn_opts *opts, int *ret,
	       struct spawn_result *r)
{
	static const struct spawn_opts none;
	struct spawn_opts o = opts ? *opts : none;
	struct pipes pp;
	struct run w;
	pid_t pid, parent = getpid();

	result_init(r);
	*ret = -1;
	/* The answer comes back on the "stdout" channel; stdin is not used. */
	o.in = NULL;
	o.out = SPAWN_IO_CAPTURE;
	o.out_cap = sizeof(int) + outlen;
	o.flags |= SPAWN_CAP_DRAIN;
	if (pipes_open(&pp, &o, 0) < 0) {
		int err = errno;
		pipes_close(&pp);
		return not_started(r, err);
	}
	pid = fork();
	if (pid < 0) {
		int err = errno;
		pipes_close(&pp);
		return not_started(r, err);
	}
	if (pid == 0) {
		/* The child starts as a copy of this process: the memory limit is
		 * on top of what that copy already maps (ASan's shadow, libraries). */
		if ((pp.err[1] >= 0 && dup2(pp.err[1], 2) < 0) ||
		    child_setup(&o, parent, o.mem_bytes > 0 ? vm_size() : 0) != 0)
			_exit(126);
		int rv = fn(arg, out, outlen);
		_exit(write_all(pp.out[1], &rv, sizeof rv) == 0 && write_all(pp.out[1], out, outlen) == 0 ? 0 : 1);
	}
	setpgid(pid, pid);
	run_init(&w, pid, &pp, &o, o.out_cap);
	run_finish(&w, &o, r, r->err_tail);
	if (r->end == SPAWN_EXITED && r->status == 0 && r->out_len == sizeof(int) + outlen) {
		memcpy(ret, r->out, sizeof(int));
		if (outlen)
			memcpy(out, r->out + sizeof(int), outlen);
		spawn_result_release(r);
		return 0;
	}
	if (outlen)
		memset(out, 0, outlen);
	spawn_result_release(r);
	if (r->end == SPAWN_EXITED && r->status == 0)
		r->status = -1; /* exited without its whole answer */
	return -1;
}

void spawn_result_release(struct spawn_result *r)
{
	free(r->out);
	r->out = NULL;
	r->out_len = 0;
}

const char *spawn_reason(const struct spawn_opts *o, const struct spawn_result *r, char *buf, size_t len)
{
	switch (r->end) {
	case SPAWN_EXITED:
		if (r->status == 0)
			snprintf(buf, len, "%s", "");
		else
			snprintf(buf, len, "stopte met status %d", r->status);
		break;
	case SPAWN_SIGNALED:
		snprintf(buf, len, "is afgebroken door signaal %d", r->signal);
		break;
	case SPAWN_TIMED_OUT:
		snprintf(buf, len, "duurde te lang (meer dan %d s) en is gestopt", o ? (o->timeout_ms + 999) / 1000 : 0);
		break;
	case SPAWN_CPU_LIMIT:
		snprintf(buf, len, "kostte te veel rekentijd (meer dan %ld s) en is gestopt", o ? o->cpu_s : 0);
		break;
	case SPAWN_MEM_LIMIT:
		snprintf(buf, len, "had meer dan %lld MiB geheugen nodig en is gestopt",
			 o ? o->mem_bytes / (1024 * 1024) : 0);
		break;
	case SPAWN_TOO_BIG:
		snprintf(buf, len, "gaf te veel uitvoer (meer dan %zu bytes, te groot) en is gestopt",
			 o && o->out_cap ? o->out_cap : (size_t)OUT_CAP_DEFAULT);
		break;
	case SPAWN_NOT_STARTED:
		snprintf(buf, len, "kon niet starten: %s", strerror(r->errnum));
		break;
	}
	return buf;
}
