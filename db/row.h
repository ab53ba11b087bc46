/* row.h — small helpers the db/ modules share for building parameters and
 * reading result rows (not for tui/: only db/ sees libpq). */
#ifndef BALIE_DB_ROW_H
#define BALIE_DB_ROW_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"

struct pg_result; /* PGresult */

/* The time zone of every date that matters as an SQL literal:
 * "(now() AT TIME ZONE " DB_TZ ")::date". */
#define DB_TZ "'" DATUM_TZ "'"

/* A date-time column as Dutch local time for people: "23-11-2026 13:38"
 * ('' for NULL).  An SQL fragment: MOMENT("h.updated_at"). */
#define DB_MOMENT(col) "coalesce(to_char((" col ") AT TIME ZONE " DB_TZ ", 'DD-MM-YYYY HH24:MI'), '')"

/* v as a text parameter in buf; returns buf. */
const char *db_num(char *buf, size_t len, long v);

/* src (NULL: "") into dst of len bytes, cut when longer. */
void db_copy(char *dst, size_t len, const char *src);

/* A column of row into a char array. */
#define DB_COPY(dst, r, row, col) db_copy((dst), sizeof(dst), PQgetvalue((r), (row), (col)))

/* "\x" + hex of data: bytea in text form for a parameter.  malloc'd
 * (free()), NULL when out of memory. */
char *db_bytea_hex(const void *data, size_t len);

/* A result's columns are exactly names[0..n-1], in this order: 0, or -1
 * with e naming the first that differs (a function or view changed without
 * the code that reads it by a named index, see status_read). */
int db_columns(const struct pg_result *r, const char *const *names, int n, struct err *e);

/* Room for the rows of read r: calloc'ed into *out (size bytes each; NULL
 * when none), *n of them.  r NULL: the read failed (e is set already): -1.
 * Out of memory: -1 with e, r cleared. */
int db_rows(struct pg_result *r, size_t size, void **out, int *n, struct err *e);

struct db;

/* One statement whose result is not needed (loads, set-up): 0, or -1 with
 * e.  db_run_long: the first column of its one row into *out (-1 with e
 * when it returns no row or NULL). */
int db_run(struct db *db, const char *sql, int n, const char *const *p, struct err *e);
int db_run_long(struct db *db, const char *sql, int n, const char *const *p, long *out, struct err *e);

/* The id of organisatie code (any case) as text in buf, for the
 * administrator's verbs; -1 with "organisatie … bestaat niet". */
int db_organisatie_id(struct db *db, const char *code, char *buf, size_t len, struct err *e);

#endif
