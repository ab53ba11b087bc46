/* kengetal_export.h — the kengetallen of a school year as a file: the
 * detail rows per bestuur, school and soort (and, as XLSX, a sheet of
 * doorlooptijden), read as the session's account (row-level security
 * decides what is in it) and logged in the audit log with the year, the
 * form and the number of rows — never content.  Shared by `balie export
 * kengetallen` and the kengetallen pane's export (e). */
#ifndef BALIE_TUI_KENGETAL_EXPORT_H
#define BALIE_TUI_KENGETAL_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "db/auth.h"
#include "db/conn.h"

/* Writes school year jaar (starting 1 August jaar) of s's organisatie to
 * out: CSV, or XLSX when xlsx.  Reads from lees (the report replica, its
 * acting account set; NULL: db), writes the audit row through db.  *n:
 * detail rows.  0 / -1 with e. */
int kengetal_export(struct db *db, struct db *lees, const struct session *s, int jaar, int xlsx, FILE *out,
		    size_t *n, struct err *e);

#endif
