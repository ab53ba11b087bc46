/* export_blad.c — CSV and XLSX of a table; see export_blad.h. */
#include "tui/export_blad.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/csv.h"

static int put_veld(FILE *out, const char *s, int last)
{
	char buf[1024];
	size_t n = csv_veld(s, ';', last, buf, sizeof buf);
	if (n < sizeof buf)
		return fputs(buf, out) < 0 ? -1 : 0;
	/* a long text: a buffer of its own size */
	char *big = malloc(n + 1);
	if (!big)
		return -1;
	csv_veld(s, ';', last, big, n + 1);
	int rc = fputs(big, out) < 0 ? -1 : 0;
	free(big);
	return rc;
}

int export_csv(const struct blad *b, FILE *out, struct err *e)
{
	char num[32];
	int rc = fputs(CSV_BOM, out) < 0 ? -1 : 0;

	for (int c = 0; c < b->ncol && !rc; c++)
		rc = put_veld(out, b->kop[c], c == b->ncol - 1);
	for (int r = 0; r < b->nrij && !rc; r++)
		for (int c = 0; c < b->ncol && !rc; c++) {
			const struct cel *x = &b->cellen[r * b->ncol + c];
			const char *s = x->tekst;
			if (x->soort == CEL_GETAL) {
				snprintf(num, sizeof num, "%lld", (long long)x->getal);
				s = num;
			} else if (x->soort == CEL_BEDRAG) {
				s = csv_bedrag(x->getal, num, sizeof num);
			}
			rc = put_veld(out, s, c == b->ncol - 1);
		}
	if (rc || fflush(out) != 0)
		return err_set(e, "schrijven mislukt: %s", strerror(errno));
	return 0;
}

static int write_sheet(lxw_workbook *wb, const struct blad *b, lxw_format *kop, lxw_format *euro)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, b->naam);
	if (!ws)
		return -1;
	for (int c = 0; c < b->ncol; c++) {
		if (b->breedte)
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, b->breedte[c], NULL);
		if (worksheet_write_string(ws, 0, (lxw_col_t)c, b->kop[c], kop) != LXW_NO_ERROR)
			return -1;
	}
	for (int r = 0; r < b->nrij; r++)
		for (int c = 0; c < b->ncol; c++) {
			const struct cel *x = &b->cellen[r * b->ncol + c];
			lxw_error err;
			lxw_row_t row = (lxw_row_t)(r + 1);
			if (x->soort == CEL_GETAL)
				err = worksheet_write_number(ws, row, (lxw_col_t)c, (double)x->getal, NULL);
			else if (x->soort == CEL_BEDRAG)
				/* euros with two decimals: exact for any amount below 2^53 cents */
				err = worksheet_write_number(ws, row, (lxw_col_t)c, (double)x->getal / 100.0, euro);
			else
				err = worksheet_write_string(ws, row, (lxw_col_t)c, x->tekst ? x->tekst : "", NULL);
			if (err != LXW_NO_ERROR)
				return -1;
		}
	worksheet_freeze_panes(ws, 1, 0);
	return 0;
}

int export_xlsx(const struct blad *b, int nblad, FILE *out, struct err *e)
{
	char dir[] = "/tmp/balie-xlsx-XXXXXX", path[64], buf[65536];
	int rc = -1;

	if (!mkdtemp(dir))
		return err_set(e, "geen tijdelijke map: %s", strerror(errno));
	snprintf(path, sizeof path, "%s/export.xlsx", dir);
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		err_set(e, "XLSX-bestand niet aangemaakt");
		goto out;
	}
	lxw_format *kop = workbook_add_format(wb), *euro = workbook_add_format(wb);
	format_set_bold(kop);
	format_set_num_format(euro, "\"€\" #,##0.00");
	for (int i = 0; i < nblad; i++)
		if (write_sheet(wb, &b[i], kop, euro) < 0) {
			workbook_close(wb);
			err_set(e, "XLSX-blad %s niet geschreven", b[i].naam);
			goto out;
		}
	lxw_error x = workbook_close(wb);
	if (x != LXW_NO_ERROR) {
		err_set(e, "XLSX niet geschreven: %s", lxw_strerror(x));
		goto out;
	}
	FILE *in = fopen(path, "rb");
	if (!in) {
		err_set(e, "XLSX niet te lezen: %s", strerror(errno));
		goto out;
	}
	size_t n;
	rc = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n) {
			rc = err_set(e, "schrijven mislukt: %s", strerror(errno));
			break;
		}
	fclose(in);
	if (!rc && fflush(out) != 0)
		rc = err_set(e, "schrijven mislukt: %s", strerror(errno));
out:
	unlink(path);
	rmdir(dir);
	return rc;
}
