/* kengetal_export.c — the kengetallen as CSV or XLSX; see kengetal_export.h. */
#include "tui/kengetal_export.h"

#include <stdlib.h>

#include "core/beschikking.h"
#include "core/kengetal.h"
#include "db/audit.h"
#include "db/kengetal.h"
#include "tui/export_blad.h"

static const char *const kg_kop[] = { "Schooljaar", "Schoolbestuur", "School", "BRIN", "Soort",
				      "Soort/categorie", "Aantal", "Bedrag" };
static const int kg_breedte[] = { 11, 40, 40, 8, 12, 28, 8, 16 };
static const char *const dl_kop[] = { "Schooljaar", "Aanvraagtype", "Aantal", "Mediaan (dagen)", "P90 (dagen)",
				      "Kortste", "Langste" };
static const int dl_breedte[] = { 11, 40, 8, 16, 12, 8, 8 };

int kengetal_export(struct db *db, struct db *lees, const struct session *s, int jaar, int xlsx, FILE *out,
		    size_t *nrows, struct err *e)
{
	struct kengetal_rij *rows = NULL;
	struct kengetal_doorloop *dl = NULL;
	struct cel *kc = NULL, *dc = NULL;
	size_t n = 0, ndl = 0;
	char jaarnaam[12], detail[120];
	int rc = -1;

	*nrows = 0;
	beschikking_schooljaar_naam(jaar, jaarnaam);
	if (!lees)
		lees = db;
	if (db_kengetallen(lees, s->organisatie_id, jaar, &rows, &n, e) < 0 ||
	    (xlsx && db_doorlooptijden(lees, s->organisatie_id, jaar, &dl, &ndl, e) < 0))
		goto out;
	kc = calloc(n ? n * 8 : 1, sizeof *kc);
	dc = calloc(ndl ? ndl * 7 : 1, sizeof *dc);
	if (!kc || !dc) {
		err_set(e, "onvoldoende geheugen");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct cel *c = &kc[i * 8];
		c[0] = (struct cel){ CEL_TEKST, jaarnaam, 0 };
		c[1] = (struct cel){ CEL_TEKST, rows[i].bestuur, 0 };
		c[2] = (struct cel){ CEL_TEKST, rows[i].school, 0 };
		c[3] = (struct cel){ CEL_TEKST, rows[i].brin, 0 };
		c[4] = (struct cel){ CEL_TEKST, rows[i].soort == KENGETAL_TLV ? "TLV" : "Arrangement", 0 };
		c[5] = (struct cel){ CEL_TEKST, rows[i].categorie, 0 };
		c[6] = (struct cel){ CEL_GETAL, NULL, rows[i].aantal };
		c[7] = (struct cel){ CEL_BEDRAG, NULL, rows[i].bedrag };
	}
	for (size_t i = 0; i < ndl; i++) {
		struct cel *c = &dc[i * 7];
		c[0] = (struct cel){ CEL_TEKST, jaarnaam, 0 };
		c[1] = (struct cel){ CEL_TEKST, dl[i].aanvraagtype, 0 };
		c[2] = (struct cel){ CEL_GETAL, NULL, dl[i].duur.n };
		c[3] = (struct cel){ CEL_GETAL, NULL, dl[i].duur.mediaan };
		c[4] = (struct cel){ CEL_GETAL, NULL, dl[i].duur.p90 };
		c[5] = (struct cel){ CEL_GETAL, NULL, dl[i].duur.min };
		c[6] = (struct cel){ CEL_GETAL, NULL, dl[i].duur.max };
	}
	const struct blad bladen[2] = {
		{ "Kengetallen", 8, kg_kop, kc, (int)n, kg_breedte },
		{ "Doorlooptijden", 7, dl_kop, dc, (int)ndl, dl_breedte },
	};
	/* the audit row first: an export that is written is an export that is logged */
	snprintf(detail, sizeof detail, "schooljaar %s, %s, %zu rijen", jaarnaam, xlsx ? "xlsx" : "csv", n);
	if (audit_write(db, s->account_id, s->organisatie_id, "export-kengetallen", "kengetallen", 0, detail, e) < 0 ||
	    (xlsx ? export_xlsx(bladen, 2, out, e) : export_csv(&bladen[0], out, e)) < 0)
		goto out;
	*nrows = n;
	rc = 0;
out:
	free(kc);
	free(dc);
	free(rows);
	free(dl);
	return rc;
}
