/* export_kengetal.c — `balie export kengetallen --jaar 2025-2026 [--csv |
 * --xlsx]` and `balie export tlv --van DD-MM-JJJJ --tot DD-MM-JJJJ [--csv |
 * --xlsx]`: the kengetallen of a school year (detail rows per bestuur,
 * school and soort; the XLSX adds the doorlooptijden) and the afgegeven
 * TLVs of a period with what a DUO registration needs, on standard output.
 * Both read as the acting account (row-level security decides what is
 * counted) and write an audit row — with the year or period and the number
 * of rows, never content. */
#include "tui/cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking.h"
#include "core/recht.h"
#include "db/audit.h"
#include "db/auth.h"
#include "db/kengetal.h"
#include "db/migrate.h"
#include "db/report.h"
#include "tui/cmd/common.h"
#include "tui/export_blad.h"
#include "tui/kengetal_export.h"

/* What both verbs share: the options they read. */
struct opties {
	const char *als, *org, *jaar, *van, *tot;
	int xlsx;
};

static int parse(int argc, char **argv, struct opties *o)
{
	int csv = 0;
	memset(o, 0, sizeof *o);
	/* argv[0] is the verb's last word (cmd_find matched "export …") */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--csv"))
			csv = 1;
		else if (!strcmp(argv[i], "--xlsx"))
			o->xlsx = 1;
		else if (i + 1 < argc && !strcmp(argv[i], "--jaar"))
			o->jaar = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--van"))
			o->van = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--tot"))
			o->tot = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--als"))
			o->als = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--organisatie"))
			o->org = argv[++i];
		else
			return -1;
	}
	return csv && o->xlsx ? -1 : 0;
}

/* Connects, checks the schema and the rulebook: the db or NULL (printed). */
static struct db *open_as(const struct opties *o, struct session *s)
{
	struct db *db = cmd_connect();
	struct err e;

	err_clear(&e);
	if (!db)
		return NULL;
	if (migrate_require_current(db, &e) < 0) {
		cmd_fail(&e);
		db_free(&db);
		return NULL;
	}
	if (cmd_acting_session(db, o->als, o->org, s) < 0) {
		db_free(&db);
		return NULL;
	}
	if (!recht_mag(s->roles, RECHT_KENGETALLEN)) {
		fprintf(stderr, "balie: dat mag de rol van %s niet: %s\n", s->username,
			recht_tabel[RECHT_KENGETALLEN].label);
		db_free(&db);
		return NULL;
	}
	return db;
}

/* The replica to read from (balie.conf report_conninfo), or NULL for the
 * primary; -1 (printed) when it fails without report_fallback. */
static int open_report(struct db *db, const struct session *s, struct db **lees)
{
	const struct config *c = main_config();
	const struct report_opties o = { c->report_conninfo, c->report_fallback, c->report_max_lag_s };
	char note[700];
	struct err e;

	err_clear(&e);
	if (db_report_open(&o, db, s->account_id, lees, note, sizeof note, &e) < 0) {
		cmd_fail(&e);
		return -1;
	}
	if (note[0])
		fprintf(stderr, "balie: %s\n", note);
	else if (*lees)
		fprintf(stderr, "balie: gelezen uit de rapportagedatabase (report_conninfo)\n");
	return 0;
}

static int kengetal_usage(void)
{
	fprintf(stderr, "gebruik: balie export kengetallen --jaar JJJJ-JJJJ [--csv | --xlsx] [--als GEBRUIKER]\n"
			"                              [--organisatie CODE]\n");
	return 2;
}

int cmd_export_kengetallen(int argc, char **argv)
{
	struct opties o;
	struct session s;
	struct err e;
	size_t n = 0;
	char jaarnaam[12];
	int jaar, rc = 2;
	struct db *db;

	err_clear(&e);
	if (parse(argc, argv, &o) < 0 || !o.jaar || o.van || o.tot)
		return kengetal_usage();
	if (beschikking_schooljaar_parse(o.jaar, &jaar, &e) < 0) {
		fprintf(stderr, "balie: --jaar: %s\n", e.msg);
		return 2;
	}
	if (!(db = open_as(&o, &s)))
		return 2;
	struct db *lees = NULL;
	if (open_report(db, &s, &lees) < 0) {
		db_free(&db);
		return 2;
	}
	if (kengetal_export(db, lees, &s, jaar, o.xlsx, stdout, &n, &e) < 0) {
		cmd_fail(&e);
	} else {
		fprintf(stderr, "balie: kengetallen %s: %zu rij%s\n", beschikking_schooljaar_naam(jaar, jaarnaam), n,
			n == 1 ? "" : "en");
		rc = 0;
	}
	db_free(&lees);
	db_free(&db);
	return rc;
}

static int tlv_usage(void)
{
	fprintf(stderr, "gebruik: balie export tlv --van DD-MM-JJJJ --tot DD-MM-JJJJ [--csv | --xlsx] [--als GEBRUIKER]\n"
			"                       [--organisatie CODE]\n");
	return 2;
}

static const char *const tlv_kop[] = { "Beschikkingsnummer", "Achternaam", "Tussenvoegsel", "Voornamen",
				       "Geboortedatum", "BRIN", "Vestiging", "Soort", "Startdatum", "Einddatum",
				       "Hulpvraag" };
static const int tlv_breedte[] = { 20, 28, 14, 28, 14, 8, 10, 26, 12, 12, 10 };

int cmd_export_tlv(int argc, char **argv)
{
	struct opties o;
	struct session s;
	struct err e;
	struct datum van, tot;
	struct kengetal_tlv *t = NULL;
	struct cel *c = NULL;
	struct db *lees = NULL;
	size_t n = 0;
	char detail[120];
	int rc = 2;
	struct db *db;

	err_clear(&e);
	if (parse(argc, argv, &o) < 0 || !o.van || !o.tot || o.jaar)
		return tlv_usage();
	if (datum_parse(o.van, &van, &e) < 0 || datum_parse(o.tot, &tot, &e) < 0) {
		fprintf(stderr, "balie: %s\n", e.msg);
		return 2;
	}
	if (datum_cmp(tot, van) < 0) {
		fprintf(stderr, "balie: --tot moet op of na --van liggen\n");
		return 2;
	}
	if (!(db = open_as(&o, &s)))
		return 2;
	if (open_report(db, &s, &lees) < 0)
		goto out;
	if (db_tlv_export(lees ? lees : db, s.organisatie_id, van, tot, &t, &n, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	if (!(c = calloc(n ? n * 11 : 1, sizeof *c))) {
		fprintf(stderr, "balie: onvoldoende geheugen\n");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct cel *r = &c[i * 11];
		const char *txt[10] = { t[i].nummer, t[i].achternaam, t[i].tussenvoegsel, t[i].voornamen,
					t[i].geboortedatum, t[i].brin, t[i].vestiging, t[i].soort, t[i].start,
					t[i].eind };
		for (int k = 0; k < 10; k++)
			r[k] = (struct cel){ CEL_TEKST, txt[k], 0 };
		r[10] = (struct cel){ CEL_GETAL, NULL, t[i].hulpvraag };
	}
	const struct blad blad = { "TLV's", 11, tlv_kop, c, (int)n, tlv_breedte };
	/* pupil data leaves balie: logged first, with the period and the count only */
	snprintf(detail, sizeof detail, "periode %s t/m %s, %s, %zu rijen", o.van, o.tot, o.xlsx ? "xlsx" : "csv", n);
	if (audit_write(db, s.account_id, s.organisatie_id, "export-tlv", "tlv_beschikking", 0, detail, &e) < 0 ||
	    (o.xlsx ? export_xlsx(&blad, 1, stdout, &e) : export_csv(&blad, stdout, &e)) < 0) {
		cmd_fail(&e);
		goto out;
	}
	fprintf(stderr, "balie: %zu afgegeven TLV%s\n", n, n == 1 ? "" : "'s");
	rc = 0;
out:
	free(c);
	free(t);
	db_free(&lees);
	db_free(&db);
	return rc;
}
