/* isolate.h — run a memory-hungry computation in a short-lived child.
 *
 * argon2id (core/wachtwoord) needs 64 MiB per hash or verification.  Done
 * in the session's own process that memory would stay in its peak RSS for
 * the rest of the session (issue 4 §7: a session stays under 12 MiB); done
 * in a forked child it is gone when the child exits, and the password's
 * working memory never lives in the long-running process at all.
 *
 * The child only computes and _exit()s: no stdio flush, no atexit
 * handlers, no libpq or curses calls, so forking a process that has a
 * database connection and a terminal is safe.  When fork() fails the
 * computation runs in this process instead (same answer, more memory).
 * The child is core/spawn's spawn_call(); for limits or a timeout use that.
 */
#ifndef BALIE_ISOLATE_H
#define BALIE_ISOLATE_H

#include <stddef.h>

#include "core/spawn.h"

/* The computation: fills out (outlen bytes) and returns a small int. */
typedef spawn_fn isolate_fn;

/* Runs fn(arg, out, outlen) in a child process and returns what it
 * returned, with out copied back.  -1 when the child died or its answer
 * could not be read (out is then zeroed). */
int isolate_run(isolate_fn fn, void *arg, void *out, size_t outlen);

#endif
