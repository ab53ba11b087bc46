/* admin_audit.c — `balie admin audit verify | export | kind`: the audit log
 * for the SWV's privacy officer and log review (issue 12 §5; Normenkader
 * IBP SM.04).  Run with the administrator's database role (beheer.conf, as
 * `admin migrate`): balie_app may only add rows, not read them.
 *
 *   verify                     seal what is unsealed, recompute the whole
 *                              chain here, name the first broken link
 *   export --van D --tot D     CSV of a period on standard output
 *   kind NUMMER [--organisatie CODE]
 *                              who saw or changed this child's data */
#include "tui/cmd/cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/datum.h"
#include "core/validate.h"
#include "db/audit.h"
#include "tui/cmd/common.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie admin audit verify\n"
			"       balie admin audit export --van DD-MM-JJJJ --tot DD-MM-JJJJ > audit.csv\n"
			"       balie admin audit kind NUMMER [--organisatie CODE]\n");
	return 2;
}

static const char *opt(int argc, char **argv, const char *name)
{
	for (int i = 2; i + 1 < argc; i++)
		if (!strcmp(argv[i], name))
			return argv[i + 1];
	return NULL;
}

/* Every read of the audit log is itself an audit row (without the rows'
 * content): actie, the hulpvraag nummer where there is one, and a detail. */
__attribute__((format(printf, 4, 5))) static int logged(struct db *db, const char *actie, long long nummer,
							const char *fmt, ...)
{
	char detail[200];
	struct err e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	err_clear(&e);
	if (audit_write(db, 0, 0, actie, nummer ? "hulpvraag-nummer" : "audit_log", (long)nummer, detail, &e) < 0)
		return cmd_fail(&e);
	return 0;
}

static int verify(struct db *db)
{
	struct audit_controle c;
	struct err e;
	int sealed = 0, n;

	err_clear(&e);
	/* seal first, so verify covers everything up to now */
	do {
		if (audit_verzegel(db, &n, &e) < 0)
			return cmd_fail(&e);
		sealed += n;
	} while (n > 0);
	if (audit_verify(db, &c, &e) < 0)
		return cmd_fail(&e);
	if (c.breuk_nr) {
		printf("Auditlog NIET in orde: %s.\n", c.reden);
		printf("%lld rijen in orde tot en met verzegeling %lld.\n", c.gecontroleerd, c.breuk_nr - 1);
		return 1;
	}
	printf("Auditlog in orde: %lld rijen, keten ongebroken (%d nu verzegeld, %lld nog niet).\n", c.gecontroleerd,
	       sealed, c.onverzegeld);
	printf("Laatste schakel: %lld %s\n", c.laatste_nr, c.laatste_hash);
	printf("Bewaar die regel buiten de database: zo valt ook het weghalen van de nieuwste rijen op.\n");
	return 0;
}

static int export(struct db *db, int argc, char **argv)
{
	const char *van = opt(argc, argv, "--van"), *tot = opt(argc, argv, "--tot");
	struct datum dv, dt;
	char iv[DATUM_BUFLEN], it[DATUM_BUFLEN];
	long long n;
	struct err e;

	err_clear(&e);
	if (!van || !tot)
		return usage();
	if (datum_parse(van, &dv, &e) < 0) {
		fprintf(stderr, "balie: --van: %s\n", e.msg);
		return 2;
	}
	if (datum_parse(tot, &dt, &e) < 0) {
		fprintf(stderr, "balie: --tot: %s\n", e.msg);
		return 2;
	}
	if (datum_cmp(dv, dt) > 0) {
		fprintf(stderr, "balie: --van (%s) ligt na --tot (%s)\n", van, tot);
		return 2;
	}
	if (audit_export_csv(db, datum_format_iso(dv, iv), datum_format_iso(dt, it), stdout, &n, &e) < 0)
		return cmd_fail(&e);
	if (fflush(stdout) != 0)
		return 2;
	fprintf(stderr, "%lld auditrijen van %s tot en met %s.\n", n, van, tot);
	return logged(db, "audit-export", 0, "van %s tot %s, %lld rijen", iv, it, n);
}

static int kind(struct db *db, int argc, char **argv)
{
	const char *org = opt(argc, argv, "--organisatie");
	long long nummer, n;
	struct err e;

	err_clear(&e);
	if (argc < 3 || argv[2][0] == '-')
		return usage();
	if (validate_int(argv[2], 1, 999999999999LL, &nummer, "Hulpvraagnummer", &e) < 0)
		return cmd_fail(&e);
	if (!org)
		org = main_config()->organisatie;
	if (!org || !*org) {
		fprintf(stderr, "balie: geef --organisatie CODE (of organisatie in balie.conf)\n");
		return 2;
	}
	printf("Wie zag of wijzigde de gegevens van het kind van hulpvraag %lld (%s), oudste eerst:\n", nummer, org);
	if (audit_kind(db, org, (long)nummer, stdout, &n, &e) < 0)
		return cmd_fail(&e);
	printf("%lld auditrijen.\n", n);
	/* who looked at who looked: the privacy officer's query is a read of
	 * this child's history too */
	return logged(db, "audit-kind", nummer, "organisatie %s, %lld rijen", org, n);
}

int cmd_admin_audit(int argc, char **argv)
{
	struct db *db;
	int rc;

	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "verify") && strcmp(argv[1], "export") && strcmp(argv[1], "kind"))
		return usage();
	db = cmd_connect();
	if (!db)
		return 2;
	if (!strcmp(argv[1], "verify"))
		rc = argc == 2 ? verify(db) : usage();
	else if (!strcmp(argv[1], "export"))
		rc = export(db, argc, argv);
	else
		rc = kind(db, argc, argv);
	db_free(&db);
	return rc;
}
