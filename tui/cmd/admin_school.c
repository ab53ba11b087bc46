/* admin_school.c — `balie admin school|bestuur|scholenkring|overdracht`:
 * the schools, besturen and scholenkringen of an organisatie as they
 * change in a real year (000 FAQ: a school moves, merges, closes, gets a
 * new BRIN or bestuur; 004 §7.1: the coördinator of each scholenkring) and
 * the staff handover of 000's FAQ.  What is typed is checked here before
 * anything is connected; the change itself is one audited beheer_*
 * function of the database (025_beheer.sql), which also gives the Dutch
 * refusal when the data say no. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"
#include "core/duo.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "db/beheer.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

/* --per / --vanaf as typed ("1-8-2027"), today when absent, as ISO for
 * the database (and as people write it into nl when not NULL). */
static int per_arg(const char *in, char iso[11], char *nl, struct err *e)
{
	struct datum d = datum_today(time(NULL));
	if (in && datum_parse_los(in, &d, e) < 0)
		return -1;
	datum_format_iso(d, iso);
	if (nl)
		datum_format(d, nl);
	return 0;
}

/* A text people see in lists: not empty, no control character. */
static int tekst_arg(const char *wat, const char *in, struct err *e)
{
	if (in && (!*in || strspn(in, " ") == strlen(in) || strlen(in) > 200 || utf8_has_unsafe(in, 0)))
		return err_set(e, "%s moet 1 tot 200 tekens zijn, zonder stuurtekens", wat);
	return 0;
}

static int soort_arg(const char *in, struct err *e)
{
	static const char *const soorten[] = {"bao", "sbo", "so", "vo", "vve"};
	if (!in)
		return 0;
	for (size_t i = 0; i < sizeof soorten / sizeof *soorten; i++)
		if (!strcmp(in, soorten[i]))
			return 0;
	return err_set(e, "onbekende soort '%s' (bao, sbo, so, vo, vve)", in);
}

static int bg_arg(const char *in, struct err *e)
{
	if (in && (strlen(in) != 5 || strspn(in, "0123456789") != 5))
		return err_set(e, "bevoegd-gezagnummer moet 5 cijfers zijn (bijv. 40382)");
	return 0;
}

/* BRIN ("12AB" or "12AB01") into brin (4) and vest (2 or ""). */
static int brin_arg(const char *in, char brin[5], char vest[3], struct err *e)
{
	char b[VALIDATE_BRIN_LEN];
	if (validate_brin(in, b, e) < 0)
		return -1;
	memcpy(brin, b, 4);
	brin[4] = '\0';
	snprintf(vest, 3, "%s", b + 4);
	return 0;
}

/* Connects, runs one beheer_* call and prints its answer. */
static int doe(enum beheer_actie actie, const char *const *p)
{
	char uit[512];
	struct err e;
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	err_clear(&e);
	int rc = beheer_actie(db, actie, p, uit, sizeof uit, &e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(&e);
	printf("%s\n", uit);
	return 0;
}

/* Connects and runs one of db/beheer's lists. */
static int lijst(int (*f)(struct db *, const char *, FILE *, struct err *), const char *org)
{
	struct err e;
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	err_clear(&e);
	int rc = f(db, org, stdout, &e);
	db_free(&db);
	return rc < 0 ? cmd_fail(&e) : 0;
}

static int scholen_lijst(struct db *db, const char *org, FILE *out, struct err *e)
{
	return beheer_scholen(db, org, 0, out, e);
}

static int scholen_alle(struct db *db, const char *org, FILE *out, struct err *e)
{
	return beheer_scholen(db, org, 1, out, e);
}

/* `school import ORG BESTAND`: DUO's file of school locations, every row
 * checked by core/duo; a bad row is reported as BESTAND:REGEL: message
 * and skipped, the others are imported in one transaction.  Exit 1 when
 * a row was refused. */
static int school_import(const char *org, const char *pad, const char *soort)
{
	char regel[DUO_MAX_REGEL * 2], rij[DUO_MAX_REGEL * 2], uit[16], who[128];
	char *veld[DUO_MAX_VELDEN];
	struct duo_kop kop;
	struct err e;
	long nr = 0, fout = 0, nieuw = 0, bij = 0, gelijk = 0, buiten = 0;

	err_clear(&e);
	cmd_operator(who, sizeof who);
	if (soort_arg(soort, &e) < 0)
		return cmd_fail(&e);
	FILE *f = fopen(pad, "r");
	if (!f) {
		fprintf(stderr, "balie: %s: kan het bestand niet openen\n", pad);
		return 2;
	}
	if (!fgets(regel, sizeof regel, f) || duo_regel(regel, rij, sizeof rij, &e) < 0 ||
	    duo_kop_lees(rij, &kop, &e) < 0) {
		if (!e.msg[0])
			err_set(&e, "leeg bestand");
		fprintf(stderr, "%s:1: %s\n", pad, e.msg);
		fclose(f);
		return 2;
	}
	nr = 1;
	struct db *db = cmd_connect();
	if (!db || beheer_import_begin(db, org, &e) < 0) {
		int rc = db ? cmd_fail(&e) : 2;
		fclose(f);
		db_free(&db);
		return rc;
	}
	while (fgets(regel, sizeof regel, f)) {
		struct duo_school s;
		nr++;
		if (regel[strspn(regel, " \t\r\n")] == '\0')
			continue;
		int n;
		if (duo_regel(regel, rij, sizeof rij, &e) < 0 || (n = duo_velden(rij, kop.sep, veld, DUO_MAX_VELDEN, &e)) < 0 ||
		    duo_rij(veld, n, &kop, &s, &e) < 0) {
			fprintf(stderr, "%s:%ld: %s\n", pad, nr, e.msg);
			fout++;
			continue;
		}
		const char *p[9] = {org, s.brin, s.vest, s.naam, s.bg, s.plaats, s.gemeente, soort, who};
		if (beheer_import_rij(db, p, uit, sizeof uit, &e) < 0) {
			fprintf(stderr, "%s:%ld: %s\n", pad, nr, e.msg);
			fout++;
			continue;
		}
		nieuw += !strcmp(uit, "nieuw");
		bij += !strcmp(uit, "bijgewerkt");
		gelijk += !strcmp(uit, "gelijk");
		buiten += !strcmp(uit, "buiten");
	}
	fclose(f);
	if (beheer_import_klaar(db, &e) < 0) {
		db_free(&db);
		return cmd_fail(&e);
	}
	db_free(&db);
	printf("%s: %ld nieuw, %ld bijgewerkt, %ld ongewijzigd, %ld buiten de scholenkringen van %s, %ld fout.\n", pad,
	       nieuw, bij, gelijk, buiten, org, fout);
	return fout ? 1 : 0;
}

static const char *const school_usage =
	"gebruik: balie admin school list ORG [--alle]\n"
	"         balie admin school show ORG BRIN\n"
	"         balie admin school add ORG BRIN --naam NAAM --bestuur BESTUUR [--scholenkring KRING] [--soort bao|sbo|so|vo|vve]\n"
	"                                    [--plaats PLAATS] [--gemeente GEMEENTE] [--per DATUM]\n"
	"         balie admin school edit ORG BRIN [--naam NAAM] [--bestuur BESTUUR] [--scholenkring KRING] [--soort S]\n"
	"                                     [--plaats PLAATS] [--gemeente GEMEENTE] [--per DATUM]\n"
	"         balie admin school brin ORG BRIN NIEUWE-BRIN [--per DATUM]\n"
	"         balie admin school close ORG BRIN [--per DATUM]\n"
	"         balie admin school merge ORG BRIN IN-BRIN [--per DATUM]\n"
	"         balie admin school medewerker ORG BRIN GEBRUIKER [--vanaf DATUM] [--functie FUNCTIE]\n"
	"         balie admin school import ORG BESTAND [--soort S]   (DUO: adressen van alle schoolvestigingen)\n"
	"  BRIN: 12AB of met vestiging 12AB01; DATUM: dd-mm-jjjj (standaard vandaag)\n";

int cmd_admin_school(int argc, char **argv)
{
	struct err e;
	char who[128], per[11], brin[5], vest[3], brin2[5], vest2[3], ref2[8];
	const char *sub = argc > 2 ? argv[1] : "", *org = argc > 2 ? argv[2] : NULL;
	const char *naam = cmd_opt(argc, argv, "--naam"), *soort = cmd_opt(argc, argv, "--soort");

	err_clear(&e);
	cmd_operator(who, sizeof who);
	if (!org) {
		fputs(school_usage, stderr);
		return 2;
	}
	if (!strcmp(sub, "list"))
		return lijst(cmd_flag(argc, argv, "--alle") ? scholen_alle : scholen_lijst, org);
	if (!strcmp(sub, "import"))
		return argc > 3 ? school_import(org, argv[3], soort) : (fputs(school_usage, stderr), 2);
	if (argc < 4 || argv[3][0] == '-') {
		fputs(school_usage, stderr);
		return 2;
	}
	const char *ref = argv[3];
	if (!strcmp(sub, "show")) {
		struct db *db = cmd_connect();
		if (!db)
			return 2;
		int rc = beheer_school_toon(db, org, ref, stdout, &e);
		db_free(&db);
		return rc < 0 ? cmd_fail(&e) : 0;
	}
	const char *per_in = cmd_opt(argc, argv, !strcmp(sub, "medewerker") ? "--vanaf" : "--per");
	if (per_arg(per_in, per, NULL, &e) < 0 || tekst_arg("Naam", naam, &e) < 0 || soort_arg(soort, &e) < 0 ||
	    tekst_arg("Plaats", cmd_opt(argc, argv, "--plaats"), &e) < 0 ||
	    tekst_arg("Gemeente", cmd_opt(argc, argv, "--gemeente"), &e) < 0 ||
	    tekst_arg("Functie", cmd_opt(argc, argv, "--functie"), &e) < 0)
		return cmd_fail(&e);
	if (!strcmp(sub, "add")) {
		if (!naam || !cmd_opt(argc, argv, "--bestuur")) {
			fputs(school_usage, stderr);
			return 2;
		}
		if (brin_arg(ref, brin, vest, &e) < 0)
			return cmd_fail(&e);
		const char *p[11] = {org, brin, *vest ? vest : NULL, naam, cmd_opt(argc, argv, "--bestuur"),
				     cmd_opt(argc, argv, "--scholenkring"), soort, cmd_opt(argc, argv, "--plaats"),
				     cmd_opt(argc, argv, "--gemeente"), per, who};
		return doe(BA_SCHOOL_NIEUW, p);
	}
	if (brin_arg(ref, brin, vest, &e) < 0)
		return cmd_fail(&e);
	if (!strcmp(sub, "edit")) {
		const char *p[10] = {org, ref, naam, cmd_opt(argc, argv, "--bestuur"), cmd_opt(argc, argv, "--scholenkring"),
				     cmd_opt(argc, argv, "--plaats"), cmd_opt(argc, argv, "--gemeente"), soort, per, who};
		return doe(BA_SCHOOL_BEWERKEN, p);
	}
	if (!strcmp(sub, "close")) {
		const char *p[4] = {org, ref, per, who};
		return doe(BA_SCHOOL_SLUITEN, p);
	}
	if (!strcmp(sub, "medewerker")) {
		if (argc < 5 || argv[4][0] == '-') {
			fputs(school_usage, stderr);
			return 2;
		}
		const char *p[6] = {org, ref, argv[4], cmd_opt(argc, argv, "--functie"), per, who};
		return doe(BA_MEDEWERKER, p);
	}
	if (argc < 5 || argv[4][0] == '-' || (strcmp(sub, "brin") && strcmp(sub, "merge"))) {
		fputs(school_usage, stderr);
		return 2;
	}
	if (brin_arg(argv[4], brin2, vest2, &e) < 0)
		return cmd_fail(&e);
	snprintf(ref2, sizeof ref2, "%s%s", brin2, vest2);
	if (!strcmp(sub, "brin")) {
		const char *p[6] = {org, ref, brin2, *vest2 ? vest2 : NULL, per, who};
		return doe(BA_SCHOOL_BRIN, p);
	}
	const char *p[5] = {org, ref, ref2, per, who};
	return doe(BA_SCHOOL_SAMENVOEGEN, p);
}

static const char *const bestuur_usage =
	"gebruik: balie admin bestuur list ORG\n"
	"         balie admin bestuur add ORG --naam NAAM --bg NUMMER [--email ADRES]\n"
	"         balie admin bestuur edit ORG BESTUUR [--naam NAAM] [--bg NUMMER] [--email ADRES|-]\n"
	"         balie admin bestuur close ORG BESTUUR [--naar BESTUUR] [--per DATUM]\n"
	"  BESTUUR: het bevoegd-gezagnummer (5 cijfers) of de naam\n";

int cmd_admin_bestuur(int argc, char **argv)
{
	struct err e;
	char who[128], per[11];
	const char *sub = argc > 2 ? argv[1] : "", *org = argc > 2 ? argv[2] : NULL;
	const char *naam = cmd_opt(argc, argv, "--naam"), *bg = cmd_opt(argc, argv, "--bg");
	const char *mail = cmd_opt(argc, argv, "--email");

	err_clear(&e);
	cmd_operator(who, sizeof who);
	if (!org) {
		fputs(bestuur_usage, stderr);
		return 2;
	}
	if (!strcmp(sub, "list"))
		return lijst(beheer_besturen, org);
	if (mail && !strcmp(mail, "-"))
		mail = "";
	if (tekst_arg("Naam", naam, &e) < 0 || bg_arg(bg, &e) < 0 || (mail && *mail && validate_email(mail, &e) < 0) ||
	    per_arg(cmd_opt(argc, argv, "--per"), per, NULL, &e) < 0)
		return cmd_fail(&e);
	if (!strcmp(sub, "add")) {
		if (!naam || !bg) {
			fputs(bestuur_usage, stderr);
			return 2;
		}
		const char *p[5] = {org, naam, bg, mail, who};
		return doe(BA_BESTUUR_NIEUW, p);
	}
	if (argc < 4 || argv[3][0] == '-' || (strcmp(sub, "edit") && strcmp(sub, "close"))) {
		fputs(bestuur_usage, stderr);
		return 2;
	}
	if (!strcmp(sub, "edit")) {
		const char *p[6] = {org, argv[3], naam, bg, mail, who};
		return doe(BA_BESTUUR_BEWERKEN, p);
	}
	const char *p[5] = {org, argv[3], cmd_opt(argc, argv, "--naar"), per, who};
	return doe(BA_BESTUUR_OPHEFFEN, p);
}

static const char *const kring_usage =
	"gebruik: balie admin scholenkring list ORG\n"
	"         balie admin scholenkring add ORG NAAM [--gemeenten \"A; B; C\"]\n"
	"         balie admin scholenkring edit ORG NAAM [--naam NIEUWE-NAAM] [--gemeenten \"A; B\"]\n"
	"         balie admin scholenkring coordinator ORG NAAM GEBRUIKER\n"
	"         balie admin scholenkring close ORG NAAM [--naar SCHOLENKRING] [--per DATUM]\n";

int cmd_admin_scholenkring(int argc, char **argv)
{
	struct err e;
	char who[128], per[11];
	const char *sub = argc > 2 ? argv[1] : "", *org = argc > 2 ? argv[2] : NULL;
	const char *naam = cmd_opt(argc, argv, "--naam"), *gem = cmd_opt(argc, argv, "--gemeenten");

	err_clear(&e);
	cmd_operator(who, sizeof who);
	if (!org) {
		fputs(kring_usage, stderr);
		return 2;
	}
	if (!strcmp(sub, "list"))
		return lijst(beheer_kringen, org);
	if (argc < 4 || argv[3][0] == '-') {
		fputs(kring_usage, stderr);
		return 2;
	}
	if (tekst_arg("Naam", argv[3], &e) < 0 || tekst_arg("Naam", naam, &e) < 0 ||
	    (gem && utf8_has_unsafe(gem, 0) && err_set(&e, "gemeenten bevatten een stuurteken") < 0) ||
	    per_arg(cmd_opt(argc, argv, "--per"), per, NULL, &e) < 0)
		return cmd_fail(&e);
	if (!strcmp(sub, "add")) {
		const char *p[4] = {org, argv[3], gem, who};
		return doe(BA_KRING_NIEUW, p);
	}
	if (!strcmp(sub, "edit")) {
		const char *p[5] = {org, argv[3], naam, gem, who};
		return doe(BA_KRING_BEWERKEN, p);
	}
	if (!strcmp(sub, "coordinator") && argc > 4) {
		const char *p[4] = {org, argv[3], argv[4], who};
		return doe(BA_KRING_COORDINATOR, p);
	}
	if (!strcmp(sub, "close")) {
		const char *p[5] = {org, argv[3], cmd_opt(argc, argv, "--naar"), per, who};
		return doe(BA_KRING_OPHEFFEN, p);
	}
	fputs(kring_usage, stderr);
	return 2;
}

/* `balie admin overdracht ORG BRIN --van G --naar G [--per D] [--proef]`. */
int cmd_admin_overdracht(int argc, char **argv)
{
	struct err e;
	char who[128], per[11], pernl[16], brin[5], vest[3], uit[32];
	const char *van = cmd_opt(argc, argv, "--van"), *naar = cmd_opt(argc, argv, "--naar");
	int proef = cmd_flag(argc, argv, "--proef");

	err_clear(&e);
	cmd_operator(who, sizeof who);
	if (argc < 3 || argv[1][0] == '-' || argv[2][0] == '-' || !van || !naar) {
		fputs("gebruik: balie admin overdracht ORG BRIN --van GEBRUIKER --naar GEBRUIKER [--per DATUM] [--proef]\n",
		      stderr);
		return 2;
	}
	if (brin_arg(argv[2], brin, vest, &e) < 0 || per_arg(cmd_opt(argc, argv, "--per"), per, pernl, &e) < 0)
		return cmd_fail(&e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	const char *p[7] = {argv[1], argv[2], van, naar, per, proef ? "t" : "f", who};
	int rc = beheer_actie(db, BA_OVERDRACHT, p, uit, sizeof uit, &e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(&e);
	int n = atoi(uit);
	if (proef)
		printf("Proef: %d open hulpvra%s van %s op school %s zou%s naar %s gaan; er is niets gewijzigd.\n", n,
		       n == 1 ? "ag" : "gen", van, argv[2], n == 1 ? "" : "den", naar);
	else
		printf("Overdracht per %s: %s werkt op school %s in plaats van %s; %d open hulpvra%s overgezet.\n",
		       pernl, naar, argv[2], van, n, n == 1 ? "ag" : "gen");
	return 0;
}
