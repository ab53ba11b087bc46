/* err.h — the one error carrier of balie.
 *
 * Every fallible function returns 0 on success or -1 on failure and, on
 * failure, fills a caller-owned struct err with a message meant for a person
 * (Dutch for anything a user may see) and, when the error comes from a data
 * file, the file name and line.  Callers print it with err_format().
 */
#ifndef BALIE_ERR_H
#define BALIE_ERR_H

#include <stddef.h>

struct err {
	char msg[512];  /* human message, no trailing newline */
	char file[256]; /* data file the error is in, "" if none */
	int line;       /* line in file, 0 if unknown */
};

/* Clears e (safe on NULL). */
void err_clear(struct err *e);

/* Sets the message (printf style) and clears file/line.  Returns -1 so
 * callers can write `return err_set(e, "...")`.  e may be NULL. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Same, with the data file and line the error is in. */
int err_set_at(struct err *e, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Writes "file:line: msg" (or just "msg") into buf; returns buf. */
const char *err_format(const struct err *e, char *buf, size_t len);

#endif
