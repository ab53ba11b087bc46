/* bestand.h — opening a file balie reads (configuration, keys, flows, mail
 * templates, feestdagen, bijlagen) without hanging on what is not a file.
 *
 * open(2) of a FIFO for reading blocks until someone writes, and a device or
 * /proc file has no useful size: balie hung for ever on a FIFO named as
 * BALIE_CONFIG, keys file or bijlage.  So every such read opens with
 * O_NONBLOCK (which never blocks on a FIFO), checks with fstat that it is a
 * regular file no larger than a limit the caller names, and only then reads,
 * blocking again as usual.  Errors are Dutch: e->file is the path and
 * e->msg the reason, so err_format() gives "PATH: geen gewoon bestand …",
 * "PATH: te groot (1,9 MB; hoogstens 1,0 MB)", "PATH: bestand bestaat niet".
 */
#ifndef BALIE_BESTAND_H
#define BALIE_BESTAND_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

/* Limits for the kinds of file balie reads (bytes). */
#define BESTAND_MAX_CONFIG (1024L * 1024)      /* balie.conf, keys, flows, templates */
#define BESTAND_MAX_LIJST (64L * 1024 * 1024)  /* word lists, feestdagen */

/* Opens path for reading as a stdio stream once it is known to be a regular
 * file of at most max bytes.  NULL with e set. */
FILE *bestand_open(const char *path, long max, struct err *e);

/* The same check for a caller that wants the descriptor: an fd (O_CLOEXEC,
 * blocking again) and, in *size, the file's size; -1 with e set. */
int bestand_open_fd(const char *path, long max, long *size, struct err *e);

/* Reads size bytes from fd (from bestand_open_fd, once the caller has
 * applied its own size rule) into a malloc'ed, NUL-terminated buffer and
 * closes fd; *len gets the length.  NULL with e set (naming path). */
char *bestand_lees_fd(int fd, long size, const char *path, size_t *len, struct err *e);

/* 1 when pad (canonical: absolute, no "." / ".." / symlinks, as realpath(3)
 * gives) is root itself or lies under it, 0 when not — "/srv/u/ann2" is
 * not under "/srv/u/ann".  The exchange folder's fence (issue 14 §3): the
 * caller resolves, this decides.  Pure. */
int bestand_binnen(const char *root, const char *pad);

/* Reads the whole file (regular, at most max bytes) into a malloc'ed,
 * NUL-terminated buffer; *len gets its length.  NULL with e set. */
char *bestand_lees(const char *path, long max, size_t *len, struct err *e);

#endif
