/* cfgcheck.h — reading libconfig data files (*.flow, *.form) safely.
 *
 * libconfig 1.5 leaks memory on some syntax errors (an unterminated string,
 * a string followed by a syntax error) and would open any path an
 * @include names.  So the raw text is checked here first — size, NUL bytes,
 * UTF-8, @include, closed strings and comments, and the grammar itself with
 * a small recursive-descent parser that is a little stricter than
 * libconfig's — and libconfig only ever sees text it accepts.  Messages are
 * Dutch and name the line; they go to the caller's report function, which
 * adds the file name.
 */
#ifndef BALIE_CFGCHECK_H
#define BALIE_CFGCHECK_H

#include <libconfig.h>
#include <stddef.h>

#include "core/err.h"

/* Called once per problem found: line in the text (1-based), Dutch message. */
typedef void (*cfgcheck_bad_fn)(void *ctx, int line, const char *msg);

struct cfgcheck {
	const char *kind;    /* "een flow-bestand": for "@include is niet toegestaan in …" */
	size_t max;          /* largest file accepted, in bytes */
	cfgcheck_bad_fn bad; /* may be NULL */
	void *ctx;
};

/* Checks data (len bytes, not NUL-terminated) before libconfig sees it.
 * 0 when it may be parsed, -1 after reporting the first problem. */
int cfgcheck_prescan(const struct cfgcheck *c, const char *data, size_t len);

/* Parses prescanned data into cfg (config_init'ed by the caller); reports
 * a syntax error libconfig still finds.  0 / -1. */
int cfgcheck_parse(const struct cfgcheck *c, config_t *cfg, const char *data, size_t len);

/* Reads a whole regular file of at most c->max bytes into a new buffer
 * (caller frees; one extra byte allocated).  0 / -1 (reported). */
int cfgcheck_read_file(const struct cfgcheck *c, const char *path, char **out, size_t *outlen);

#endif
