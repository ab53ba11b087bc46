/* export_blad.h — a table the exports write as CSV or XLSX: named sheets
 * of a header row and rows of cells (text, a whole number or an amount in
 * cents).  CSV (UX.md: UTF-8 with BOM, ';', core/csv) takes the first
 * sheet; XLSX (Debian's libxlsxwriter) every sheet, numbers as numbers and
 * amounts with a euro format, so a spreadsheet can sum them.  Used by
 * `balie export kengetallen` and `balie export tlv`. */
#ifndef BALIE_CMD_EXPORT_BLAD_H
#define BALIE_CMD_EXPORT_BLAD_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"

enum cel_soort { CEL_TEKST, CEL_GETAL, CEL_BEDRAG };

struct cel {
	enum cel_soort soort;
	const char *tekst; /* CEL_TEKST (not owned) */
	int64_t getal;     /* CEL_GETAL, or cents for CEL_BEDRAG */
};

struct blad {
	const char *naam;           /* the sheet's name (XLSX) */
	int ncol;
	const char *const *kop;     /* ncol header texts */
	const struct cel *cellen;   /* nrij × ncol, row by row */
	int nrij;
	const int *breedte;         /* ncol column widths in characters (XLSX) */
};

/* The first sheet as CSV on out.  0 / -1 with e (a write error). */
int export_csv(const struct blad *b, FILE *out, struct err *e);
/* Every sheet as one XLSX workbook on out (through a private temporary
 * file: libxlsxwriter writes files).  0 / -1 with e. */
int export_xlsx(const struct blad *b, int nblad, FILE *out, struct err *e);

#endif
