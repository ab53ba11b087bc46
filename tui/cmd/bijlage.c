/* bijlage.c — `balie bijlage add NUMMER BESTAND --categorie C [--als
 * GEBRUIKER] [--organisatie CODE]`: adds a file that was copied to the
 * server (scp) as a bijlage of hulpvraag NUMMER, acting for GEBRUIKER (by
 * default the Unix user; see cmd_acting_session).  Same rules as in the
 * program: 10 MB at most, type from the content, the flow's automatic
 * status change, audited.  Exit 0 added, 1 refused (too big, unknown
 * category, unreadable file, unknown nummer), 2 usage or database error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "core/validate.h"
#include "db/auth.h"
#include "db/bijlage.h"
#include "db/hulpvraag.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"
#include "tui/paths.h"

static int usage(void)
{
	fprintf(stderr, "gebruik: balie bijlage add NUMMER BESTAND --categorie CATEGORIE [--als GEBRUIKER] "
			"[--organisatie CODE]\n"
			"categorieën: OPP, onderzoeksverslag, toetsgegevens, plan, ondertekening, zienswijze, "
			"beschikking, overig\n");
	return 2;
}

static int add(int argc, char **argv)
{
	const char *nummer = NULL, *file = NULL, *cat = NULL, *als = NULL, *org = NULL;
	struct bijlage_toegevoegd out;
	struct session s;
	struct err e;
	struct outcome o;
	struct db *db;
	long long nr;
	long id = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--categorie") && i + 1 < argc)
			cat = argv[++i];
		else if (!strcmp(argv[i], "--als") && i + 1 < argc)
			als = argv[++i];
		else if (!strcmp(argv[i], "--organisatie") && i + 1 < argc)
			org = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return usage();
		else if (!nummer)
			nummer = argv[i];
		else if (!file)
			file = argv[i];
		else
			return usage();
	}
	if (!nummer || !file || !cat)
		return usage();
	err_clear(&e);
	if (validate_int(nummer, 1, 999999999999LL, &nr, "Nummer", &e) < 0) {
		fprintf(stderr, "balie: %s\n", e.msg);
		return 1;
	}
	if (!bijlage_categorie(cat)) {
		fprintf(stderr, "balie: onbekende categorie \"%s\"; kies uit: OPP, onderzoeksverslag, toetsgegevens, "
				"plan, ondertekening, zienswijze, beschikking, overig\n",
			cat);
		return 1;
	}
	db = cmd_connect();
	if (!db)
		return 2;
	if (cmd_acting_session(db, als, org, &s) < 0) {
		db_free(&db);
		return 2;
	}
	if (hulpvraag_by_nummer(db, s.organisatie_id, (long)nr, &id, &e) < 0) {
		rc = cmd_fail(&e);
		goto out;
	}
	if (!id) {
		fprintf(stderr, "balie: geen hulpvraag met nummer %lld in %s (of %s heeft er geen toegang toe)\n", nr,
			s.organisatie_code, s.username);
		rc = 1;
		goto out;
	}
	if (bijlage_add_file(db, id, file, cat, NULL, paths_datadir(), &out, &o) != OUTCOME_SAVED) {
		/* a refusal (of the file, by a rule, a hulpvraag gone) is the
		 * answer "no"; a broken connection, an unknown outcome or a
		 * broken database is an error */
		fprintf(stderr, "balie: %s\n", o.err.msg);
		rc = o.kind == OUTCOME_REFUSED || o.kind == OUTCOME_GONE || o.kind == OUTCOME_CONFLICT ? 1 : 2;
		goto out;
	}
	printf("Bijlage %s (%s, %s) toegevoegd aan hulpvraag %lld\n", bijlage_basename(file), bijlage_categorie(cat),
	       bijlage_soort_naam(out.mime), nr);
	if (out.status[0])
		printf("%s\n", o.err.msg);
	rc = fflush(stdout) == 0 ? 0 : 2;
out:
	db_free(&db);
	return rc;
}

int cmd_bijlage(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return add(argc - 1, argv + 1);
	return usage();
}
