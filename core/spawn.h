/* spawn.h — the one place balie starts other processes.
 *
 * Two entries share one child set-up and one wait loop:
 *   spawn_run()   runs a program: argv through execvp, never a shell;
 *   spawn_call()  runs a function in a forked child (argon2id, libmagic:
 *                 their memory is gone when the child exits, see isolate.h).
 *
 * Every child gets a process group of its own, so a stop reaches what it
 * started too: past the wall-clock timeout (or the output cap) the group
 * gets SIGTERM, SPAWN_GRACE_MS later SIGKILL.  Before exec the child gets
 * only the environment variables named in the allowlist (anything starting
 * with PG only when named exactly), the limits asked for (address space,
 * CPU seconds, file size, open files), default signal dispositions and, when
 * asked, another uid/gid.  The result says how it ended; spawn_reason()
 * says it in Dutch.
 *
 * A child's output is read while it runs (so a full pipe never blocks it)
 * until it exits; what it wrote before exiting is then drained.  A
 * background process it leaves behind holding the pipe is not waited for.
 *
 * Not thread-safe: SIGPIPE is blocked in the calling thread while a child's
 * stdin is written (a child that stops reading must not kill balie).
 */
#ifndef BALIE_SPAWN_H
#define BALIE_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

#define SPAWN_GRACE_MS 500 /* from SIGTERM to SIGKILL when we stop a child */

/* The variables every child may keep when the caller names none. */
extern const char *const spawn_env_base[]; /* PATH, HOME, LANG, LC_*, TZ, TMPDIR */

enum spawn_io {
	SPAWN_IO_NULL = 0, /* /dev/null */
	SPAWN_IO_CAPTURE,  /* stdout: into result.out; stderr: its last bytes into result.err_tail */
	SPAWN_IO_FD,       /* the caller's fd (out_fd / err_fd) */
	SPAWN_IO_STDOUT,   /* stderr only: wherever stdout goes (2>&1) */
	SPAWN_IO_INHERIT,  /* left as this process has it */
};

enum spawn_flags {
	SPAWN_DIE_WITH_PARENT = 1 << 0, /* the child gets SIGKILL when balie dies */
	SPAWN_CAP_DRAIN = 1 << 1,       /* past out_cap: keep reading, discard (default: stop it) */
	SPAWN_SET_IDS = 1 << 2,         /* run as uid/gid (needs root) */
};

/* What to run with.  Zero means "no limit" / "not set" throughout, so a
 * designated initializer names only what it wants. */
struct spawn_opts {
	const char *const *env; /* allowlist of names, NULL-terminated; a name ending in '*' is a prefix
				 * ("LC_*"); NULL: spawn_env_base.  spawn_call keeps the environment. */
	int timeout_ms;         /* wall clock */
	long cpu_s;             /* RLIMIT_CPU (soft; hard one second later) */
	long long mem_bytes;    /* RLIMIT_AS (spawn_call: on top of what the child starts with) */
	long long fsize_bytes;  /* RLIMIT_FSIZE */
	long nofile;            /* RLIMIT_NOFILE */
	enum spawn_io out, err; /* stdout, stderr */
	int out_fd, err_fd;     /* with SPAWN_IO_FD */
	size_t out_cap;         /* SPAWN_IO_CAPTURE: bytes kept at most (0: 64 KiB) */
	const void *in;         /* stdin: these bytes, */
	size_t in_len;
	int in_fd;              /* or this fd when in is NULL and in_fd > 0, else /dev/null */
	uid_t uid;              /* with SPAWN_SET_IDS */
	gid_t gid;
	unsigned flags;         /* enum spawn_flags */
};

enum spawn_end {
	SPAWN_EXITED,      /* exited by itself: status */
	SPAWN_SIGNALED,    /* killed by a signal we did not send: signal */
	SPAWN_TIMED_OUT,   /* the wall clock ran out; we stopped it */
	SPAWN_CPU_LIMIT,   /* used up its CPU seconds (the kernel stopped it) */
	SPAWN_MEM_LIMIT,   /* failed for want of memory under mem_bytes (see below) */
	SPAWN_TOO_BIG,     /* wrote more than out_cap; we stopped it ("te groot") */
	SPAWN_NOT_STARTED, /* could not start: errnum (fork, pipe, exec, setuid) */
};

/* How it ended.  SPAWN_MEM_LIMIT is a judgement: the child had a memory
 * limit, did not succeed, and its captured stderr (or output) says it ran
 * out of memory ("out of memory", "memory exhausted", "MemoryError", …).
 * Owns out: spawn_result_release(). */
struct spawn_result {
	enum spawn_end end;
	int status;         /* exit status (SPAWN_EXITED, also SPAWN_MEM_LIMIT by exit) */
	int signal;         /* terminating signal, 0 if none */
	int errnum;         /* SPAWN_NOT_STARTED: why */
	int truncated;      /* out holds only the first out_cap bytes */
	char *out;          /* SPAWN_IO_CAPTURE stdout: malloc'ed, NUL-terminated ("" when none) */
	size_t out_len;
	char err_tail[512]; /* SPAWN_IO_CAPTURE stderr: its last bytes, NUL-terminated */
	double cpu_s;       /* user + system time of the child */
};

/* Runs argv[0] (looked up in PATH) with argv.  Returns 0 when it ran and
 * exited with status 0 (r->end == SPAWN_EXITED, and for SPAWN_TOO_BIG with
 * SPAWN_CAP_DRAIN the same), -1 otherwise; r always says how it ended.
 * opts may be NULL (no limits, stdin/stdout/stderr on /dev/null). */
int spawn_run(char *const argv[], const struct spawn_opts *opts, struct spawn_result *r);

/* The function of spawn_call: fills out (outlen bytes), returns an int. */
typedef int (*spawn_fn)(void *arg, void *out, size_t outlen);

/* Runs fn(arg, out, outlen) in a forked child with opts's limits, uid and
 * timeout (env, stdin and out are not used; stdout and stderr are left as
 * they are unless opts->err asks SPAWN_IO_CAPTURE) and returns 0 with
 * *ret = what fn returned and out copied back.  -1 when the child did not
 * answer (r says why; out is zeroed).  The child only computes and
 * _exit()s: no stdio flush, no atexit handlers, so forking a process with a
 * database connection and a terminal is safe. */
int spawn_call(spawn_fn fn, void *arg, void *out, size_t outlen, const struct spawn_opts *opts, int *ret,
	       struct spawn_result *r);

/* Frees r->out (safe twice). */
void spawn_result_release(struct spawn_result *r);

/* Why it did not succeed, in Dutch and lower case, for a message that
 * names the program itself ("duurde te lang (meer dan 20 s) en is
 * gestopt", "stopte met status 3"); "" when it succeeded. */
const char *spawn_reason(const struct spawn_opts *opts, const struct spawn_result *r, char *buf, size_t len);

#endif
