/* flow_test.c — unit tests of core/flow: the real profiles in forms/ load
 * clean and answer the workflow questions; every kind of broken flow file
 * gives a Dutch file:line error and no crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/flow.h"

/* ------------------------------------------------------------ helpers -- */

static const char *srcdir(void)
{
	const char *d = getenv("BALIE_SRCDIR");

	return d && *d ? d : ".";
}

static struct flow_profile *load_profile(const char *name)
{
	char dir[1024];
	struct flow_profile *p = NULL;
	struct flow_stats st;
	struct err e;

	snprintf(dir, sizeof dir, "%s/forms/%s", srcdir(), name);
	if (flow_profile_load(dir, &p, &st, NULL, NULL, &e) != 0) {
		char buf[1024];
		print_error("%s\n", err_format(&e, buf, sizeof buf));
		fail_msg("profiel %s heeft %zu fouten", name, st.errors);
	}
	assert_int_equal(st.errors, 0);
	assert_non_null(p);
	return p;
}

/* Collects every reported error. */
struct errs {
	struct err v[32];
	size_t n;
};

static void collect(const struct err *e, void *ctx)
{
	struct errs *c = ctx;

	if (c->n < 32)
		c->v[c->n] = *e;
	c->n++;
}

/* Parses text and expects failure with an error whose message contains
 * `want` on line `line` (0: any line).  Returns the matching error. */
static struct err expect_error(const char *text, size_t len, const char *want, int line)
{
	struct errs c = { .n = 0 };
	struct flow_type *t = (struct flow_type *)1;
	struct err e;

	assert_int_equal(flow_type_parse(text, len, "test.flow", &t, NULL, collect, &c, &e), -1);
	assert_null(t);
	assert_true(c.n > 0);
	assert_string_equal(e.file, "test.flow");
	assert_true(e.line > 0); /* every error names a line */
	for (size_t i = 0; i < c.n && i < 32; i++)
		if (strstr(c.v[i].msg, want) && (line == 0 || c.v[i].line == line))
			return c.v[i];
	for (size_t i = 0; i < c.n && i < 32; i++) {
		char buf[1024];
		print_error("  kreeg: %s\n", err_format(&c.v[i], buf, sizeof buf));
	}
	fail_msg("verwacht '%s' op regel %d", want, line);
	return e;
}

static struct err expect_error_s(const char *text, const char *want, int line)
{
	return expect_error(text, strlen(text), want, line);
}

static struct flow_type *parse_ok(const char *text)
{
	struct errs c = { .n = 0 };
	struct flow_type *t = NULL;
	struct err e;

	if (flow_type_parse(text, strlen(text), "test.flow", &t, NULL, collect, &c, &e) != 0) {
		char buf[1024];
		fail_msg("onverwachte fout: %s", err_format(&e, buf, sizeof buf));
	}
	assert_non_null(t);
	return t;
}

/* A small valid flow; tests build broken variants from it. */
#define HEAD "versie = 1;\nnaam = \"Test\";\ncategorie = \"T\";\ntitels = [ \"Test\" ];\n"

static const char good_flow[] =
	HEAD                                                             /* 1-4 */
	"eerste_status = \"Nieuw\";\n"                                   /* 5 */
	"statussen = (\n"                                                /* 6 */
	"  { naam = \"Nieuw\"; },\n"                                     /* 7 */
	"  { naam = \"Incompleet\"; },\n"                                /* 8 */
	"  { naam = \"Aangevuld\"; },\n"                                 /* 9 */
	"  { naam = \"Klaar\"; eind = true; }\n"                         /* 10 */
	");\n"                                                           /* 11 */
	"overgangen = (\n"                                               /* 12 */
	"  { van = [ \"Nieuw\", \"Aangevuld\" ]; naar = \"Incompleet\"; door = \"secretariaat\"; reden = true; },\n"
	"  { van = [ \"Nieuw\", \"Aangevuld\" ]; naar = \"Klaar\"; door = [ \"coordinator\", \"admin\" ]; }\n"
	");\n"
	"automatisch = { bijlage_toegevoegd = ( { van = \"Incompleet\"; naar = \"Aangevuld\"; } ); };\n";

/* ------------------------------------------------------------- roles -- */

static void test_roles(void **state)
{
	(void)state;
	const char *names[] = { "secretariaat", "financieel", "coordinator", "admin",
				"aanvrager", "ouder", "extern", "automatisch", "bestuur", "regierolhouder" };
	for (int i = 0; i < FLOW_ROLE_COUNT; i++) {
		assert_int_equal(flow_role_from_name(names[i]), i);
		assert_string_equal(flow_roles[i].name, names[i]);
		assert_int_equal(flow_roles[i].backoffice, i <= FLOW_ROLE_ADMIN);
	}
	assert_int_equal(flow_role_from_name("secretaris"), -1);
	assert_int_equal(flow_role_from_name("Secretariaat"), -1);
	assert_int_equal(flow_role_from_name(""), -1);
	assert_int_equal(flow_role_from_name(NULL), -1);
	assert_string_equal(flow_roles[FLOW_ROLE_COORDINATOR].label, "coördinator");
}

/* ------------------------------------------------------ real profiles -- */

static void has_statuses(const struct flow_profile *p, const char *type, const char *const *names)
{
	const struct flow_type *t = flow_profile_type(p, type);

	if (!t)
		fail_msg("aanvraagtype '%s' ontbreekt", type);
	for (size_t i = 0; names[i]; i++)
		if (flow_status_index(t, names[i]) < 0)
			fail_msg("status '%s' ontbreekt in '%s'", names[i], type);
}

static void starts(const struct flow_profile *p, const char *title, const char *type,
		   const char *status, int scholenkring)
{
	struct flow_start s;

	if (flow_profile_start(p, title, &s) != 1)
		fail_msg("vaste titel '%s' niet gevonden", title);
	assert_string_equal(s.type->name, type);
	assert_string_equal(s.status, status);
	assert_int_equal(s.by_scholenkring, scholenkring);
}

static int allowed_has(const struct flow_type *t, const char *from, enum flow_role r, const char *to,
		       int reason)
{
	struct flow_choice c[32];
	size_t n = flow_allowed(t, from, r, c, 32);

	for (size_t i = 0; i < n && i < 32; i++)
		if (strcmp(c[i].to, to) == 0)
			return c[i].reason == reason;
	return 0;
}

static void test_po3008(void **state)
{
	(void)state;
	struct flow_profile *p = load_profile("po3008");
	const char *titles21[] = {
		"Ondersteuningsaanvraag schoolgaand kind", "Aanvraag Kans!overleg", "Aanvraag TLV",
		"Verlenging TLV", "Herbeoordeling TLV",
		"(Gedeeltelijke) thuiszitter of geen schoolinschrijving",
		"Ondersteuningsaanvraag voorschools kind", "Kans!overleg + (thuiszitters)",
		"Aanmelding residentiële leerling", "Ondersteuning op bestuursniveau: algemeen",
		"Ondersteuning op bestuursniveau Eenbes: aanvraag arrangement",
		"Ondersteuning op bestuursniveau Eenbes: aanvraag onderzoek",
		"Ondersteuningsaanvraag groep", "Aanvraag arrangement categorie midden en hoog", NULL
	};
	struct flow_start s;

	assert_string_equal(p->code, "PO3008");
	assert_string_equal(p->name, "SWV Helmond-Peelland PO");
	/* every aanvraagtype of §2.1 is a type with its own fixed title */
	for (size_t i = 0; titles21[i]; i++) {
		assert_int_equal(flow_profile_start(p, titles21[i], &s), 1);
		assert_string_equal(s.type->name, titles21[i]);
		assert_non_null(flow_profile_type(p, titles21[i]));
	}
	assert_int_equal(p->ntypes, 15); /* + Verlenging arrangement (§3.7) */

	starts(p, "Aanvraag TLV", "Aanvraag TLV", "TLV>voorlopige aanvraag", 1);
	starts(p, "  aanvraag   TLV ", "Aanvraag TLV", "TLV>voorlopige aanvraag", 1);
	starts(p, "Aanvraag Kans!overleg", "Aanvraag Kans!overleg", "Kans!overleg>aanvraag", 1);
	starts(p, "(gedeeltelijke) thuiszitter of geen schoolinschrijving",
	       "(Gedeeltelijke) thuiszitter of geen schoolinschrijving", "Thuiszitter>aanvraag", 1);
	starts(p, "Ondersteuningsaanvraag schoolgaand kind", "Ondersteuningsaanvraag schoolgaand kind",
	       "Ondersteuningsaanvraag", 1);
	starts(p, "Aanmelding residentiële leerling", "Aanmelding residentiële leerling",
	       "Ondersteuningsaanvraag>residentiële leerling", 0);
	starts(p, "Ondersteuning op bestuursniveau algemeen", "Ondersteuning op bestuursniveau: algemeen",
	       "Ondersteuningsaanvraag", 0);
	/* no standaard type in 004: an unknown title gives nothing */
	assert_int_equal(flow_profile_start(p, "Leesbehandeling", &s), 0);
	assert_null(s.type);
	assert_null(s.status);

	const char *tlv[] = { "TLV>voorlopige aanvraag", "TLV>aanvraag", "TLV>aanvraag aanvulling nodig",
			      "TLV>documenten aangevuld", "TLV>afgegeven, school onbekend",
			      "TLV>afgegeven, school bekend", "TLV>afgewezen", "TLV>beschikking on hold",
			      "TLV>in archief", NULL };
	has_statuses(p, "Aanvraag TLV", tlv);
	const char *verl[] = { "TLV verlenging>voorlopige aanvraag", "TLV verlenging>aanvraag",
			       "TLV verlenging>aanvraag aanvulling nodig",
			       "TLV verlenging>documenten aangevuld", NULL };
	has_statuses(p, "Verlenging TLV", verl);
	const char *ko[] = { "Kans!overleg>aanvraag", "Kans!overleg>aanvulling nodig",
			     "Kans!overleg>documenten aangevuld", "Kans!overleg>plannen",
			     "Kans!overleg>gepland", "Kans!overleg>arrangement", "Arrangement>toegewezen",
			     "Arrangement>evalueren", "Arrangement>geëvalueerd door school",
			     "Arrangement>financieel verwerkt", NULL };
	has_statuses(p, "Aanvraag Kans!overleg", ko);
	const char *oa[] = { "Ondersteuningsaanvraag>aanvulling nodig", "Ondersteuningsaanvraag>documenten aangevuld",
			     "Ondersteuningsaanvraag>plannen", "Ondersteuningsaanvraag>telefonisch consult",
			     "Ondersteuningsaanvraag>in behandeling", "Ondersteuningsaanvraag>Kans!overleg",
			     "Ondersteuningsaanvraag>jeugdzorg/gemeente", NULL };
	has_statuses(p, "Ondersteuningsaanvraag schoolgaand kind", oa);
	const char *res[] = { "Ondersteuningsaanvraag>residentiële leerling", "MKD>aanmelding", "MKD>volgen",
			      "MKD>passend uitstroomperspectief", "MKD>uitstroom residentiële instelling",
			      "Residentieel>aanmelding", "Residentieel>volgen",
			      "Residentieel>passend uitstroomperspectief onderwijs",
			      "Residentieel>uitstroom jeugdzorg/dagbesteding", NULL };
	has_statuses(p, "Aanmelding residentiële leerling", res);
	const char *mh[] = { "Aanvraag aanvullende bekostiging",
			     "Arrangement>categorie 2 en 3 bespreken coördinator passend onderwijs SWV",
			     "Arrangement>categorie 2 en 3 besproken", NULL };
	has_statuses(p, "Aanvraag arrangement categorie midden en hoog", mh);

	/* who may do what in a TLV */
	const struct flow_type *t = flow_profile_type(p, "Aanvraag TLV");
	assert_true(allowed_has(t, "TLV>aanvraag", FLOW_ROLE_FINANCIEEL, "TLV>aanvraag aanvulling nodig", 1));
	assert_true(allowed_has(t, "TLV>aanvraag", FLOW_ROLE_FINANCIEEL, "TLV>afgegeven, school bekend", 0));
	assert_int_equal(flow_allowed(t, "TLV>aanvraag", FLOW_ROLE_AANVRAGER, NULL, 0), 0);
	/* the secretariaat checks completeness and asks for aanvulling (and nothing else) */
	assert_int_equal(flow_allowed(t, "TLV>aanvraag", FLOW_ROLE_SECRETARIAAT, NULL, 0), 1);
	assert_true(allowed_has(t, "TLV>aanvraag", FLOW_ROLE_SECRETARIAAT, "TLV>aanvraag aanvulling nodig", 1));
	assert_true(allowed_has(t, "TLV>voorlopige aanvraag", FLOW_ROLE_AANVRAGER, "TLV>aanvraag", 0));
	int reason = -1;
	assert_int_equal(flow_may(t, "TLV>aanvraag", "TLV>afgewezen", FLOW_ROLE_COORDINATOR, &reason), 1);
	assert_int_equal(reason, 1);
	assert_int_equal(flow_may(t, "TLV>aanvraag", "TLV>afgewezen", FLOW_ROLE_OUDER, &reason), 0);
	assert_int_equal(reason, 0);
	assert_int_equal(flow_may(t, "TLV>in archief", "TLV>aanvraag", FLOW_ROLE_ADMIN, NULL), 0);
	/* bijlage toegevoegd */
	assert_string_equal(flow_on_bijlage(t, "TLV>aanvraag aanvulling nodig"), "TLV>documenten aangevuld");
	assert_null(flow_on_bijlage(t, "TLV>aanvraag"));
	assert_null(flow_on_bijlage(t, "bestaat niet"));
	assert_true(flow_may(t, "TLV>aanvraag aanvulling nodig", "TLV>documenten aangevuld",
			     FLOW_ROLE_AUTOMATISCH, NULL));
	/* Kans!overleg: the secretariaat plans, the aanvrager evaluates */
	t = flow_profile_type(p, "Aanvraag Kans!overleg");
	assert_true(allowed_has(t, "Kans!overleg>plannen", FLOW_ROLE_SECRETARIAAT, "Kans!overleg>gepland", 0));
	assert_true(allowed_has(t, "Arrangement>evalueren", FLOW_ROLE_AANVRAGER,
				"Arrangement>geëvalueerd door school", 0));
	assert_int_equal(t->statuses[flow_status_index(t, "Arrangement>financieel verwerkt")].final, 1);
	flow_profile_free(&p);
	assert_null(p);
}

static void test_po2507(void **state)
{
	(void)state;
	struct flow_profile *p = load_profile("po2507");

	assert_string_equal(p->code, "PO2507");
	starts(p, "TLV", "TLV", "TLV Aanmelding", 0);
	starts(p, "A&K", "Advies en kortdurende ondersteuning (A&K)", "A&K aanmelding", 0);
	starts(p, "ARR Langdurig ziek", "Arrangement", "ARR Aanmelding", 0);
	starts(p, "Thuiszitter", "Thuiszitter", "Thuiszitter aanmelding", 0);
	const char *tlv[] = { "TLV Aanmelding", "TLV aanvraag in behandeling", "TLV aanvraag incompleet",
			      "TLV aanvraag aangevuld", "Aanhouden", "TLV afgegeven", "TLV aanvraag afgewezen",
			      "TLV aanvraag ingetrokken", NULL };
	has_statuses(p, "TLV", tlv);
	const char *ak[] = { "A&K aanmelding", "A&K aanvraag incompleet", "A&K aanvraag aangevuld",
			     "A&K in behandeling", "A&K aanvraag afgewezen", "A&K afgerond", NULL };
	has_statuses(p, "Advies en kortdurende ondersteuning (A&K)", ak);
	const char *arr[] = { "ARR Aanmelding", "Arrangementsaanvraag in behandeling",
			      "Arrangementsaanvraag incompleet", "Arrangementsaanvraag aangevuld",
			      "Arrangement toegekend", "Arrangement afgewezen", "Arrangement afgerond", NULL };
	has_statuses(p, "Arrangement", arr);
	has_statuses(p, "Groepsarrangement", arr);
	const char *vz[] = { "Voorziening aanmelding", "Voorziening toegekend", "Voorziening afgewezen",
			     "Voorziening afgerond", NULL };
	has_statuses(p, "Voorziening", vz);
	const char *tz[] = { "Thuiszitter aanmelding", "Thuiszitter in behandeling",
			     "Thuiszitter deels naar school", "Thuiszitter volledig naar school", NULL };
	has_statuses(p, "Thuiszitter", tz);

	const struct flow_type *t = flow_profile_type(p, "TLV");
	/* "te wijzigen door": aanvragende school trekt in, administratie besluit */
	assert_true(allowed_has(t, "Aanhouden", FLOW_ROLE_AANVRAGER, "TLV aanvraag ingetrokken", 1));
	assert_true(allowed_has(t, "TLV aanvraag in behandeling", FLOW_ROLE_SECRETARIAAT, "TLV afgegeven", 0));
	assert_false(allowed_has(t, "TLV aanvraag in behandeling", FLOW_ROLE_AANVRAGER, "TLV afgegeven", 0));
	assert_string_equal(flow_on_bijlage(t, "TLV aanvraag incompleet"), "TLV aanvraag aangevuld");
	struct flow_choice c[4];
	assert_int_equal(flow_allowed(t, "TLV aanvraag incompleet", FLOW_ROLE_AUTOMATISCH, c, 4), 1);
	assert_string_equal(c[0].to, "TLV aanvraag aangevuld");
	assert_int_equal(c[0].reason, 0);
	/* A&K afgerond: "SCP of intern begeleider" */
	t = flow_profile_type(p, "Advies en kortdurende ondersteuning (A&K)");
	assert_true(flow_may(t, "A&K in behandeling", "A&K afgerond", FLOW_ROLE_COORDINATOR, NULL));
	assert_true(flow_may(t, "A&K in behandeling", "A&K afgerond", FLOW_ROLE_AANVRAGER, NULL));
	assert_false(flow_may(t, "A&K in behandeling", "A&K afgerond", FLOW_ROLE_FINANCIEEL, NULL));
	flow_profile_free(&p);
}

static void test_po2806(void **state)
{
	(void)state;
	struct flow_profile *p = load_profile("po2806");
	const char *titles[] = { "Preventie SCP/PAB", "Ambulante begeleiding", "Psychodiagnostisch onderzoek",
				 "Leesbehandeling", "Inzet ouderfunctionaris", "Advisering jonge kind",
				 "Herstart junior", "KANS", "Thuiszitter", "Vergoede dyslexiezorg",
				 "Aanvraag schoolbudget leerling", "Aanvraag schoolbudget school",
				 "Aanvraag schoolbudget wijk", "Aanvraag budget inclusief onderwijs",
				 "TLV SBO", "TLV SO", "TLV Leerrecht", "Terugplaatsing", "STAP-coach", NULL };
	struct flow_start s;
	size_t n = 0;

	assert_string_equal(p->code, "PO2806");
	for (size_t i = 0; titles[i]; i++, n++) {
		assert_int_equal(flow_profile_start(p, titles[i], &s), 1);
		assert_string_equal(s.status, "Aanmelding");
	}
	assert_int_equal(n, 19);
	/* "Een andere titel mag ook": the standaard type, never auto-assigned */
	assert_int_equal(flow_profile_start(p, "Uitwisseling toetsgegevens logopedist", &s), 0);
	assert_non_null(s.type);
	assert_string_equal(s.type->name, "Ondersteuning");
	assert_string_equal(s.status, "Aanmelding");
	assert_int_equal(s.by_scholenkring, 0);

	const struct flow_type *t = flow_profile_type(p, "Ondersteuning");
	const char *st[] = { "Voorlopige Aanmelding", "Aanmelding", "Doorzetten SCP", "Doorzetten leescoördinator",
			     "Dossier incompleet", "Dossier compleet", "Toegekend", "Wacht", "In behandeling",
			     "Afgerond", "Afgewezen", "Niet ontvankelijk", NULL };
	has_statuses(p, "Ondersteuning", st);
	assert_int_equal(t->statuses[flow_status_index(t, "Voorlopige Aanmelding")].hidden, 1);
	assert_int_equal(t->statuses[flow_status_index(t, "Aanmelding")].hidden, 0);
	assert_true(flow_may(t, "Dossier incompleet", "Aanmelding", FLOW_ROLE_AANVRAGER, NULL));
	assert_string_equal(flow_on_bijlage(t, "Dossier incompleet"), "Aanmelding");
	const char *tlv[] = { "TLV afgegeven", NULL };
	has_statuses(p, "TLV", tlv);
	assert_int_equal(flow_status_index(flow_profile_type(p, "TLV"), "Toegekend"), -1);
	const char *bud[] = { "Gearrangeerd budget", "Niet ontvankelijk financieën", NULL };
	has_statuses(p, "Schoolbudget", bud);
	const char *her[] = { "Akkoord coördinator Herstart", "Gearrangeerd Herstart", NULL };
	has_statuses(p, "Herstart junior", her);
	const char *kans[] = { "Akkoord coördinator KANS", "Gearrangeerd KANS", NULL };
	has_statuses(p, "KANS", kans);
	const char *tz[] = { "Thuiszitter", NULL };
	has_statuses(p, "Thuiszitter", tz);
	flow_profile_free(&p);
}

static void test_po2811(void **state)
{
	(void)state;
	struct flow_profile *p = load_profile("po2811");
	const char *st[] = { "Geagendeerd", "Tussentijdse evaluatie", "Retour naar schakelteam", "Afgerond", NULL };

	assert_string_equal(p->code, "PO2811");
	starts(p, "Team Schoolondersteuning", "Team Schoolondersteuning", "Aanmelding", 0);
	has_statuses(p, "Team Schoolondersteuning", st);
	const struct flow_type *t = flow_profile_type(p, "Team Schoolondersteuning");
	/* the regierolhouder sets the status; the IB/COO closes */
	assert_true(flow_may(t, "Geagendeerd", "Retour naar schakelteam", FLOW_ROLE_REGIEROLHOUDER, NULL));
	assert_true(flow_may(t, "Aanmelding", "Geagendeerd", FLOW_ROLE_REGIEROLHOUDER, NULL));
	assert_false(flow_may(t, "Retour naar schakelteam", "Afgerond", FLOW_ROLE_REGIEROLHOUDER, NULL));
	assert_true(flow_may(t, "Geagendeerd", "Retour naar schakelteam", FLOW_ROLE_COORDINATOR, NULL));
	assert_true(flow_may(t, "Retour naar schakelteam", "Afgerond", FLOW_ROLE_AANVRAGER, NULL));
	assert_false(flow_may(t, "Retour naar schakelteam", "Afgerond", FLOW_ROLE_COORDINATOR, NULL));
	assert_null(flow_on_bijlage(t, "Aanmelding"));
	flow_profile_free(&p);
}

static void test_generiek(void **state)
{
	(void)state;
	struct flow_profile *p = load_profile("generiek");
	const char *st[] = { "Nieuw", "Dossier incompleet", "Dossier compleet", "In beraad", "Gearrangeerd",
			     "In behandeling", "Afgerond", "Afgewezen", NULL };
	struct flow_start s;

	has_statuses(p, "Hulpvraag", st);
	assert_int_equal(flow_profile_start(p, "Onderzoek naar leesproblemen", &s), 0);
	assert_string_equal(s.type->name, "Hulpvraag");
	assert_string_equal(s.status, "Nieuw");
	const struct flow_type *t = s.type;
	assert_true(t->statuses[flow_status_index(t, "Afgerond")].final);
	assert_true(t->statuses[flow_status_index(t, "Afgewezen")].final);
	assert_false(t->statuses[flow_status_index(t, "In beraad")].final);
	flow_profile_free(&p);
}

/* ------------------------------------------------- inline flows: good -- */

static void test_good_flow_queries(void **state)
{
	(void)state;
	struct flow_type *t = parse_ok(good_flow);
	struct flow_choice c[1];

	assert_string_equal(t->name, "Test");
	assert_string_equal(t->category, "T");
	assert_int_equal(t->nstatuses, 4);
	assert_int_equal(t->ntransitions, 4); /* van-lists expand */
	assert_int_equal(t->statuses[0].line, 7);
	assert_int_equal(t->line_name, 2);
	/* more allowed than room: the count still says how many */
	assert_int_equal(flow_allowed(t, "Nieuw", FLOW_ROLE_COORDINATOR, c, 0), 1);
	assert_int_equal(flow_allowed(t, "Nieuw", FLOW_ROLE_SECRETARIAAT, c, 1), 1);
	assert_string_equal(c[0].to, "Incompleet");
	assert_int_equal(c[0].reason, 1);
	assert_int_equal(flow_allowed(t, "Onbekend", FLOW_ROLE_SECRETARIAAT, c, 1), 0);
	assert_int_equal(flow_allowed(t, "Nieuw", (enum flow_role)99, c, 1), 0);
	/* status names are exact in questions */
	assert_int_equal(flow_status_index(t, "nieuw"), -1);
	assert_int_equal(flow_status_index(t, "Nieuw"), 0);
	flow_type_free(&t);
	assert_null(t);
	flow_type_free(&t);
	flow_type_free(NULL);
	flow_profile_free(NULL);
}

static void test_optional_fields(void **state)
{
	(void)state;
	/* no titels, no automatisch, a single string for van/naar/door */
	struct flow_type *t = parse_ok(
		"versie = 1; naam = \"A\"; categorie = \"C\"; eerste_status = \"x\";\n"
		"statussen = ( { naam = \"x\"; }, { naam = \"y\"; eind = true; verborgen = false; betekenis = \"klaar\"; } );\n"
		"overgangen = ( { van = \"x\"; naar = \"y\"; door = \"ouder\"; } );\n");
	assert_int_equal(t->ntitles, 0);
	assert_int_equal(t->coordinator, FLOW_COORD_HANDMATIG);
	assert_string_equal(t->statuses[1].betekenis, "klaar");
	assert_true(flow_may(t, "x", "y", FLOW_ROLE_OUDER, NULL));
	flow_type_free(&t);
}

/* --------------------------------------------------- inline flows: bad -- */

/* issue 14: toelichting and standaardtekst per aanvraagtype (004 §2.4 …) */
static void test_toelichting_standaardtekst(void **state)
{
	char text[2048];
	struct flow_type *t;

	snprintf(text, sizeof text, "%stoelichting = \"Het OPP hoort erbij.\";\n"
		 "standaardtekst = \"Wat is de hulpvraag?\\n\" \"Wie is betrokken?\";\n%s",
		 HEAD, good_flow + strlen(HEAD));
	t = parse_ok(text);
	assert_string_equal(t->toelichting, "Het OPP hoort erbij.");
	assert_string_equal(t->standaardtekst, "Wat is de hulpvraag?\nWie is betrokken?");
	flow_type_free(&t);
	t = parse_ok(good_flow);
	assert_null(t->toelichting);
	assert_null(t->standaardtekst);
	flow_type_free(&t);
	snprintf(text, sizeof text, "%stoelichting = \"tab\\there\";\n%s", HEAD, good_flow + strlen(HEAD));
	expect_error_s(text, "'toelichting' bevat een stuurteken", 5);
	snprintf(text, sizeof text, "%sstandaardtekst = 3;\n%s", HEAD, good_flow + strlen(HEAD));
	expect_error_s(text, "'standaardtekst' moet een tekst zijn", 5);

	struct flow_profile *p = load_profile("po3008");
	const struct flow_type *tlv = flow_profile_type(p, "Aanvraag TLV");
	assert_non_null(tlv);
	assert_non_null(strstr(tlv->toelichting, "contact te zijn geweest met de coördinator"));
	assert_non_null(strstr(tlv->standaardtekst, "\n- Formulier aanvraag TLV;"));
	flow_profile_free(&p);
}

static void test_err_unknown_status(void **state)
{
	(void)state;
	expect_error_s(HEAD "eerste_status = \"a\";\n"                        /* 5 */
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = (\n"                                     /* 7 */
		       "  { van = \"a\"; naar = \"c\"; door = \"admin\"; },\n" /* 8 */
		       "  { van = \"a\"; naar = \"b\"; door = \"admin\"; }\n"
		       ");\n",
		       "onbekende status 'c' in overgang", 8);
	/* a case slip gets a hint */
	struct err e = expect_error_s(HEAD "eerste_status = \"a\";\n"
				      "statussen = ( { naam = \"Klaar\"; eind = true; }, { naam = \"a\"; } );\n"
				      "overgangen = ( { van = \"a\"; naar = \"klaar\"; door = \"admin\"; } );\n",
				      "onbekende status 'klaar'", 7);
	assert_non_null(strstr(e.msg, "bedoelt u 'Klaar'"));
	expect_error_s(HEAD "eerste_status = \"z\";\n"
		       "statussen = ( { naam = \"a\"; eind = true; } );\n"
		       "overgangen = ( );\n",
		       "onbekende status 'z' in 'eerste_status'", 5);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n"
		       "automatisch = { bijlage_toegevoegd = ( { van = \"a\"; naar = \"q\"; } ); };\n",
		       "onbekende status 'q' in automatische regel", 8);
}

/* The agenda rules: parsed into indices, and refused when planning or an
 * outcome is no transition the secretariaat may make, or names no status. */
static void test_agenda(void **state)
{
	char text[2048];
	struct flow_type *t;

	(void)state;
	snprintf(text, sizeof text, "%s%s", good_flow,
		 "agenda = ( { commissie = \"CT\"; klaar = \"Nieuw\"; gepland = \"Incompleet\"; "
		 "aangehouden = \"Incompleet\"; } );\n");
	t = parse_ok(text);
	assert_int_equal(t->nagenda, 1);
	assert_string_equal(t->agenda[0].commissie, "CT");
	assert_int_equal(t->agenda[0].nklaar, 1);
	assert_string_equal(t->statuses[t->agenda[0].klaar[0]].name, "Nieuw");
	assert_string_equal(t->statuses[t->agenda[0].gepland].name, "Incompleet");
	assert_int_equal(t->agenda[0].uitkomst[FLOW_TOEGEKEND], -1);
	flow_type_free(&t);
	/* Nieuw → Klaar is the coördinator's, not the secretariaat's (line 17) */
	snprintf(text, sizeof text, "%s%s", good_flow,
		 "agenda = ( { commissie = \"CT\"; klaar = \"Nieuw\"; gepland = \"Klaar\"; } );\n");
	expect_error_s(text, "geen overgang van 'Nieuw' naar 'Klaar' voor het secretariaat", 17);
	/* … but the coördinator plans her own appointments (afspraak = true) */
	snprintf(text, sizeof text, "%s%s", good_flow,
		 "agenda = ( { commissie = \"CPO\"; afspraak = true; klaar = \"Nieuw\"; gepland = \"Klaar\"; } );\n");
	t = parse_ok(text);
	assert_true(t->agenda[0].afspraak);
	flow_type_free(&t);
	snprintf(text, sizeof text, "%s%s", good_flow,
		 "agenda = ( { commissie = \"CPO\"; afspraak = 1; klaar = \"Nieuw\"; } );\n");
	expect_error_s(text, "'afspraak' moet true of false zijn", 17);
	snprintf(text, sizeof text, "%s%s", good_flow, "agenda = ( { commissie = \"CT\"; klaar = \"Niuew\"; } );\n");
	expect_error_s(text, "onbekende status 'Niuew' in agenda (klaar)", 17);
	snprintf(text, sizeof text, "%s%s", good_flow, "agenda = ( { commissie = \"CT\"; } );\n");
	expect_error_s(text, "'klaar' ontbreekt", 17);
	snprintf(text, sizeof text, "%s%s", good_flow,
		 "agenda = ( { commissie = \"CT\"; klaar = \"Nieuw\"; }, { commissie = \"CT\"; klaar = \"Nieuw\"; } );\n");
	expect_error_s(text, "commissie 'CT' staat twee keer", 17);
}

static void test_err_unknown_role(void **state)
{
	(void)state;
	struct err e = expect_error_s(HEAD "eerste_status = \"a\";\n"
				      "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
				      "overgangen = ( { van = \"a\"; naar = \"b\"; door = [ \"admin\", \"directeur\" ]; } );\n",
				      "onbekende rol 'directeur'", 7);
	assert_non_null(strstr(e.msg, "secretariaat"));
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = [ ]; } );\n",
		       "'door' ontbreekt of is leeg", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = [ \"admin\", \"admin\" ]; } );\n",
		       "rol 'admin' staat twee keer", 7);
}

static void test_err_duplicates(void **state)
{
	(void)state;
	expect_error_s("versie = 1;\nnaam = \"T\";\ncategorie = \"C\";\n"
		       "titels = [ \"Aanvraag TLV\", \"aanvraag  tlv\" ];\n"           /* 4 */
		       "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n",
		       "dubbele titel 'aanvraag  tlv'", 4);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = (\n"                                          /* 6 */
		       "  { naam = \"a\"; },\n"                                   /* 7 */
		       "  { naam = \"b\"; eind = true; },\n"                      /* 8 */
		       "  { naam = \"A\"; }\n"                                    /* 9 */
		       ");\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n",
		       "dubbele status 'A' (ook op regel 7)", 9);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = (\n"
		       "  { van = \"a\"; naar = \"b\"; door = \"admin\"; },\n"    /* 8 */
		       "  { van = \"a\"; naar = \"b\"; door = \"ouder\"; }\n"     /* 9 */
		       ");\n",
		       "dubbele overgang van 'a' naar 'b' (ook op regel 8)", 9);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = [ \"b\", \"a\" ]; door = \"admin\"; } );\n",
		       "overgang van 'a' naar zichzelf", 0);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; }, { naam = \"c\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"c\"; door = \"admin\"; }, { van = \"b\"; naar = \"c\"; door = \"admin\"; } );\n"
		       "automatisch = { bijlage_toegevoegd = (\n"                 /* 8 */
		       "  { van = \"a\"; naar = \"b\"; },\n"                      /* 9 */
		       "  { van = \"a\"; naar = \"c\"; } ); };\n",                /* 10 */
		       "twee regels 'bijlage_toegevoegd' voor status 'a'", 10);
}

static void test_err_graph(void **state)
{
	(void)state;
	/* b is never reached */
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = (\n"
		       "  { naam = \"a\"; },\n"
		       "  { naam = \"b\"; },\n"                                   /* 8 */
		       "  { naam = \"c\"; eind = true; }\n"
		       ");\n"
		       "overgangen = ( { van = \"a\"; naar = \"c\"; door = \"admin\"; },\n"
		       "               { van = \"b\"; naar = \"c\"; door = \"admin\"; } );\n",
		       "status 'b' is onbereikbaar", 8);
	/* b is reached but leads nowhere and is not final */
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = (\n"
		       "  { naam = \"a\"; },\n"
		       "  { naam = \"b\"; },\n"                                   /* 8 */
		       "  { naam = \"c\"; eind = true; }\n"
		       ");\n"
		       "overgangen = ( { van = \"a\"; naar = [ \"b\", \"c\" ]; door = \"admin\"; } );\n",
		       "status 'b' loopt dood", 8);
	/* a loop with no way out */
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; }, { naam = \"c\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = [ \"b\", \"c\" ]; door = \"admin\"; },\n"
		       "  { van = \"b\"; naar = \"d\"; door = \"admin\"; } );\n",
		       "onbekende status 'd'", 0);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; }, { naam = \"c\"; }, { naam = \"z\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = [ \"b\", \"z\" ]; door = \"admin\"; },\n"
		       "  { van = \"b\"; naar = \"c\"; door = \"admin\"; }, { van = \"c\"; naar = \"b\"; door = \"admin\"; } );\n",
		       "vanuit status 'b' is geen eindstatus te bereiken", 6);
	/* no final status at all */
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; } );\n"  /* 6 */
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; }, { van = \"b\"; naar = \"a\"; door = \"admin\"; } );\n",
		       "geen eindstatus", 6);
	/* a rule counts as an edge: "Aangevuld" is only reached through it */
	struct flow_type *t = parse_ok(good_flow);
	flow_type_free(&t);
}

static void test_err_types(void **state)
{
	(void)state;
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = \"ja\"; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n",
		       "'eind' moet true of false zijn, niet een tekst", 6);
	expect_error_s("versie = 1;\nnaam = \"T\";\ncategorie = \"C\";\ntitels = 5;\n"
		       "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; eind = true; } );\novergangen = ( );\n",
		       "'titels' moet een tekst of een rij teksten", 4);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = { a = 1; };\n"
		       "overgangen = ( );\n",
		       "'statussen' moet een lijst", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( \"a\" );\n"
		       "overgangen = ( );\n",
		       "status 1 moet een groep", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = [ 1, 2 ]; } );\n",
		       "'door' mag alleen teksten bevatten", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( [ \"a\", \"b\" ] );\n",
		       "overgang 1 moet een groep", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; reden = 1; } );\n",
		       "'reden' moet true of false zijn, niet een geheel getal", 7);
	expect_error_s("versie = \"1\";\n", "'versie' moet een geheel getal zijn", 1);
	expect_error_s("versie = 1;\nnaam = 3;\n", "'naam' moet een tekst zijn, niet een geheel getal", 2);
	expect_error_s(HEAD "coordinator = \"kring\";\n", "'coordinator' moet \"scholenkring\" of \"handmatig\"", 5);
	expect_error_s(HEAD "standaard = \"ja\";\n", "'standaard' moet true of false zijn", 5);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n"
		       "automatisch = ( 1 );\n",
		       "'automatisch' moet een groep", 8);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \" a\"; eind = true; } );\n"
		       "overgangen = ( );\n",
		       "begint of eindigt met een spatie", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"\"; eind = true; } );\n"
		       "overgangen = ( );\n",
		       "statusnaam is leeg", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\\tb\"; eind = true; } );\n"
		       "overgangen = ( );\n",
		       "bevat een stuurteken", 6);
}

static void test_err_missing(void **state)
{
	(void)state;
	expect_error_s("naam = \"x\";\n", "'versie' ontbreekt", 1);
	expect_error_s("versie = 1;\n", "'naam' ontbreekt", 1);
	expect_error_s("versie = 1;\n", "'categorie' ontbreekt", 1);
	expect_error_s("versie = 1;\n", "'statussen' ontbreekt", 1);
	expect_error_s("versie = 1;\n", "'eerste_status' ontbreekt", 1);
	expect_error_s(HEAD "eerste_status = \"a\";\nstatussen = ( { naam = \"a\"; eind = true; } );\n",
		       "'overgangen' ontbreekt", 1);
	expect_error_s(HEAD "eerste_status = \"a\";\nstatussen = ( );\novergangen = ( );\n",
		       "'statussen' is leeg", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { eind = true; } );\n"
		       "overgangen = ( );\n",
		       "'naam' ontbreekt", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { naar = \"b\"; door = \"admin\"; } );\n",
		       "'van' ontbreekt of is leeg", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; door = \"admin\"; } );\n",
		       "'naar' ontbreekt of is leeg", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; } );\n",
		       "'door' ontbreekt of is leeg", 7);
}

static void test_err_version_and_keys(void **state)
{
	(void)state;
	expect_error_s("versie = 2;\nnaam = \"x\";\ncompleetheid = { };\n",
		       "versie 2 wordt niet ondersteund (deze balie leest versie 1)", 1);
	expect_error_s(HEAD "statusen = ( );\n", "onbekende instelling 'statusen'", 5);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; einde = true; } );\n"
		       "overgangen = ( );\n",
		       "onbekende instelling 'einde' in een status", 6);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; rol = \"x\"; } );\n",
		       "onbekende instelling 'rol' in een overgang", 7);
	expect_error_s(HEAD "eerste_status = \"a\";\n"
		       "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		       "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n"
		       "automatisch = { formulier_toegevoegd = ( ); };\n",
		       "onbekende instelling 'formulier_toegevoegd'", 8);
}

static void test_err_malformed(void **state)
{
	(void)state;
	/* truncated in the middle of a group */
	size_t cut = strlen(good_flow) / 2;
	struct err e = expect_error(good_flow, cut, "syntaxfout", 0);
	assert_true(e.line >= 6);
	expect_error_s("versie = 1;\nnaam = \"open\n", "tekst zonder afsluitend aanhalingsteken", 2);
	expect_error_s("versie = 1;\n/* open\n", "commentaar /* zonder afsluitende */", 2);
	expect_error_s("versie = 1; # \"\nnaam = \"a\\\"b\"; // \"\n", "'categorie' ontbreekt", 1);
	expect_error_s("versie = 1;\n\n\nnaam = = 3;\n", "syntaxfout", 4);
	expect_error_s("\"\"", "syntaxfout: een naam (zoals naam = …;) verwacht, maar '\"\"' gevonden", 1);
	expect_error_s("versie = 1;\nversie = 1;\n", "'versie' staat twee keer", 2);
	expect_error_s("versie = 1;\nnaam = [ 1, \"a\" ];\n", "hetzelfde soort", 2);
	expect_error_s("versie = 1;\nnaam = ( 1, );\n", "syntaxfout: een waarde verwacht, maar ')' gevonden", 2);
	expect_error_s("versie = 1;\nnaam = 12abc;\n", "syntaxfout", 2);
	expect_error_s("versie = 1;\nnaam = \"a\" @;\n", "syntaxfout", 2);
	char deep[200];
	memset(deep, 0, sizeof deep);
	strcpy(deep, "a = ");
	memset(deep + 4, '(', 40);
	memset(deep + 44, ')', 40);
	strcat(deep, ";\n");
	expect_error_s(deep, "te diep genest", 1);
	/* what libconfig accepts and the check must too */
	struct flow_type *ok = parse_ok("versie = 1 naam : \"T\" \"est\", categorie = \"C\";\n"
					"/* commentaar\n over regels */ titels = [ ];\n"
					"eerste_status = \"a\"; statussen = ( { naam = \"a\"; eind = TRUE; } );\n"
					"overgangen = ( );\n");
	assert_string_equal(ok->name, "Test");
	flow_type_free(&ok);
	/* binary garbage */
	static const char bin[] = "versie = 1;\n\x00\x01\x02\xff\xfe";
	expect_error(bin, sizeof bin - 1, "NUL-byte", 2);
	expect_error_s("versie = 1;\nnaam = \"\xc3\x28\";\n", "ongeldige UTF-8", 2);
	expect_error_s("versie = 1;\nnaam = \"\xed\xa0\x80\";\n", "ongeldige UTF-8", 2); /* surrogate */
	/* @include would let a data file read any path */
	expect_error_s("versie = 1;\n  @include \"/etc/passwd\"\n", "@include is niet toegestaan", 2);
	/* a 1 MB line */
	size_t big = 1024 * 1024;
	char *buf = malloc(big + 64);
	assert_non_null(buf);
	int n = snprintf(buf, 64, "versie = 1;\nnaam = \"");
	memset(buf + n, 'x', big);
	strcpy(buf + n + big, "\";\n");
	e = expect_error(buf, strlen(buf), "te lang", 2);
	/* the same line without its closing quote */
	buf[n + big] = 0;
	expect_error(buf, strlen(buf), "tekst zonder afsluitend aanhalingsteken", 2);
	/* over the size limit */
	free(buf);
	buf = malloc(FLOW_MAX_FILE + 2);
	assert_non_null(buf);
	memset(buf, '#', FLOW_MAX_FILE + 1);
	buf[FLOW_MAX_FILE + 1] = 0;
	expect_error(buf, FLOW_MAX_FILE + 1, "bestand is te groot", 1);
	free(buf);
	/* empty input and NULL data */
	expect_error("", 0, "'versie' ontbreekt", 1);
	struct flow_type *t = NULL;
	assert_int_equal(flow_type_parse(NULL, 5, NULL, &t, NULL, NULL, NULL, NULL), -1);
	assert_null(t);
}

/* ------------------------------------------------------ profile folders -- */

static char tmpdir[256];

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup_tmp(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/balie-flow-test-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_tmp(void **state)
{
	char cmd[512];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *flow_named(char *buf, size_t len, const char *name, const char *title, int deflt)
{
	snprintf(buf, len,
		 "versie = 1;\nnaam = \"%s\";\ncategorie = \"C\";\ntitels = [ \"%s\" ];\n%s"
		 "eerste_status = \"a\";\n"
		 "statussen = ( { naam = \"a\"; }, { naam = \"b\"; eind = true; } );\n"
		 "overgangen = ( { van = \"a\"; naar = \"b\"; door = \"admin\"; } );\n",
		 name, title, deflt ? "standaard = true;\n" : "");
	return buf;
}

static void test_profile_dir(void **state)
{
	(void)state;
	char buf[1024];
	struct errs c = { .n = 0 };
	struct flow_profile *p = NULL;
	struct flow_stats st;
	struct err e;
	char sub[512];

	/* empty folder */
	assert_int_equal(flow_is_profile_dir(tmpdir), 0);
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, collect, &c, &e), -1);
	assert_null(p);
	assert_non_null(strstr(e.msg, "geen *.flow-bestanden"));

	/* a good profile with a subfolder */
	write_file("profiel.conf", "organisatie = \"PO9999\";\nnaam = \"SWV Test\";\n");
	write_file("a.flow", flow_named(buf, sizeof buf, "A", "Titel A", 1));
	snprintf(sub, sizeof sub, "%s/sub", tmpdir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file("sub/b.flow", flow_named(buf, sizeof buf, "B", "Titel B", 0));
	write_file("sub/notes.txt", "geen flow\n");
	assert_int_equal(flow_is_profile_dir(tmpdir), 1);
	c.n = 0;
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, collect, &c, &e), 0);
	assert_int_equal(c.n, 0);
	assert_int_equal(st.files, 2);
	assert_int_equal(st.types, 2);
	assert_int_equal(st.statuses, 4);
	assert_int_equal(st.transitions, 2);
	assert_string_equal(p->code, "PO9999");
	assert_string_equal(p->name, "SWV Test");
	assert_int_equal(p->ntypes, 2);
	assert_string_equal(p->types[0]->name, "A");
	assert_string_equal(p->types[1]->name, "B");
	struct flow_start s;
	assert_int_equal(flow_profile_start(p, "titel b", &s), 1);
	assert_string_equal(s.type->name, "B");
	assert_int_equal(flow_profile_start(p, "iets", &s), 0);
	assert_string_equal(s.type->name, "A");
	assert_int_equal(flow_profile_start(p, NULL, &s), 0);
	assert_null(flow_profile_type(p, "C"));
	flow_profile_free(&p);

	/* the same title in two files, the same name, two standaard types */
	write_file("c.flow", flow_named(buf, sizeof buf, "A", "TITEL A", 1));
	c.n = 0;
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, collect, &c, &e), -1);
	assert_null(p);
	assert_int_equal(st.errors, 3);
	assert_int_equal(c.n, 3);
	int seen = 0;
	for (size_t i = 0; i < c.n; i++) {
		assert_non_null(strstr(c.v[i].file, "c.flow"));
		if (strstr(c.v[i].msg, "dubbel aanvraagtype 'A'") && c.v[i].line == 2)
			seen |= 1;
		if (strstr(c.v[i].msg, "dubbele titel 'TITEL A'") && c.v[i].line == 4)
			seen |= 2;
		if (strstr(c.v[i].msg, "twee aanvraagtypes met standaard = true"))
			seen |= 4;
	}
	assert_int_equal(seen, 7);
	assert_non_null(strstr(e.file, "c.flow")); /* the first error goes to e */

	/* a broken file among good ones: its errors are counted, others still read */
	write_file("c.flow", "versie = 1;\nnaam = ");
	c.n = 0;
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, collect, &c, &e), -1);
	assert_int_equal(st.files, 3);
	assert_int_equal(st.types, 2);
	assert_true(st.errors >= 1);
	assert_non_null(strstr(e.msg, "syntaxfout"));

	/* profiel.conf with a typo */
	write_file("c.flow", flow_named(buf, sizeof buf, "C", "Titel C", 0));
	write_file("profiel.conf", "organisatie = \"PO9999\";\nnam = \"SWV Test\";\n");
	c.n = 0;
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, collect, &c, &e), -1);
	assert_int_equal(st.errors, 1);
	assert_non_null(strstr(e.file, "profiel.conf"));
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "onbekende instelling 'nam'"));
	write_file("profiel.conf", "organisatie = \"PO9999\";\n");
	assert_int_equal(flow_profile_load(tmpdir, &p, &st, NULL, NULL, &e), 0);
	assert_string_equal(p->name, "");
	flow_profile_free(&p);

	/* a file that is not there */
	struct flow_type *t = NULL;
	snprintf(buf, sizeof buf, "%s/bestaat-niet.flow", tmpdir);
	assert_int_equal(flow_type_load(buf, &t, NULL, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "bestand bestaat niet"));
	assert_int_equal(flow_type_load(tmpdir, &t, NULL, NULL, NULL, &e), -1); /* a folder */
	snprintf(buf, sizeof buf, "%s/a.flow", tmpdir);
	assert_int_equal(flow_type_load(buf, &t, NULL, NULL, NULL, &e), 0);
	assert_string_equal(t->file, buf);
	flow_type_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_po3008),
		cmocka_unit_test(test_po2507),
		cmocka_unit_test(test_po2806),
		cmocka_unit_test(test_po2811),
		cmocka_unit_test(test_generiek),
		cmocka_unit_test(test_good_flow_queries),
		cmocka_unit_test(test_optional_fields),
		cmocka_unit_test(test_toelichting_standaardtekst),
		cmocka_unit_test(test_err_unknown_status),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_err_unknown_role),
		cmocka_unit_test(test_err_duplicates),
		cmocka_unit_test(test_err_graph),
		cmocka_unit_test(test_err_types),
		cmocka_unit_test(test_err_missing),
		cmocka_unit_test(test_err_version_and_keys),
		cmocka_unit_test(test_err_malformed),
		cmocka_unit_test_setup_teardown(test_profile_dir, setup_tmp, teardown_tmp),
	};

	return cmocka_run_group_tests_name("flow", tests, NULL, NULL);
}
