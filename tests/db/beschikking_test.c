/* beschikking_test.c — the TLV beschikking in the database (migration 015):
 * the guard on "afgegeven" (through balie and by direct SQL as balie_app),
 * the number unique per organisatie also under two concurrent financieel
 * sessions, overlap and EMB refused by the database, the version check, and
 * who may read a draft. */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/aanpak.h"
#include "db/beschikking.h"
#include "db/hulpvraag.h"

#define DBNAME "t_beschikking"

struct world {
	struct db *su, *fin;
	long bram, cem, bram2; /* bram2: a second hulpvraag on Bram's dossier */
	const char *datadir;
};

static struct db *app_as(const char *user, struct db *su)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(su, user));
	return app;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *src = getenv("BALIE_SRCDIR");
	struct beschikking_conf c;
	struct err e;

	w->datadir = src ? src : ".";
	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES "
			    "('fin_a', 'Financieel Alfa', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA'), ('fin_a2', 'Financieel Alfa Twee', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA')");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, 'financieel' FROM account a, organisatie o "
			    " WHERE a.username IN ('fin_a', 'fin_a2') AND o.code = 'PO1111'");
	/* a TLV end status in the test flow, set by the financieel medewerker */
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'TLV afgegeven', 'Afgerond', true, false, 4 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, 'Nieuw', "
			    "'TLV afgegeven', 'financieel' FROM aanvraagtype");
	harness_exec(w->su, "UPDATE hulpvraag SET school_id = NULL");
	memset(&c, 0, sizeof c);
	c.nsoorten = 3;
	strcpy(c.soorten[0], "TLV SBO");
	strcpy(c.soorten[1], "TLV SO categorie laag");
	strcpy(c.soorten[2], "TLV SO categorie hoog");
	strcpy(c.emb_soort, "TLV SO categorie hoog");
	c.nafgegeven = 1;
	strcpy(c.afgegeven[0], "TLV afgegeven");
	c.nverwerkt = 1;
	strcpy(c.verwerkt[0], "Verwerkt");
	c.ntypes = 1;
	strcpy(c.aanpak_types[0], "arrangement");
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'Verwerkt', 'Afgerond', true, false, 5 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, 'Nieuw', "
			    "'Verwerkt', 'financieel' FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO tarief (organisatie_id, schooljaar, categorie, bedrag_cent) "
			    "SELECT id, 2026, 'Midden', 850000 FROM organisatie WHERE code = 'PO1111'");
	assert_int_equal(db_beschikking_publish(w->su, "PO1111", &c, &e), 0);
#define HV(naam) harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id " \
				     "WHERE d.roepnaam = '" naam "' ORDER BY h.id LIMIT 1")
	w->bram = HV("Bram");
	w->cem = HV("Cem");
#undef HV
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie) SELECT organisatie_id, 99, dossier_id, aanvraagtype_id, "
			    " 'Tweede TLV', datum, 'Nieuw', '' FROM hulpvraag WHERE id = (SELECT h.id FROM hulpvraag h "
			    " JOIN dossier d ON d.id = h.dossier_id WHERE d.roepnaam = 'Bram')");
	w->bram2 = harness_long(w->su, "SELECT max(id) FROM hulpvraag");
	w->fin = app_as("fin_a", w->su);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->fin);
	db_free(&w->su);
	free(w);
	return 0;
}

/* A complete, valid TLV (core's rules say yes). */
static void fill(struct tlv_invoer *in, const char *nummer, const char *soort, const char *start, const char *eind)
{
	memset(in, 0, sizeof *in);
	snprintf(in->nummer, sizeof in->nummer, "%s", nummer);
	snprintf(in->soort, sizeof in->soort, "%s", soort);
	snprintf(in->start, sizeof in->start, "%s", start);
	snprintf(in->eind, sizeof in->eind, "%s", eind);
	strcpy(in->motivering, "Gelijke adviezen.");
	strcpy(in->advies[0].naam, "drs. M. Bakker");
	strcpy(in->advies[0].discipline, "orthopedagoog");
	strcpy(in->advies[0].organisatie, "Expertisecentrum");
	strcpy(in->advies[0].datum, "01-06-2026");
	snprintf(in->advies[0].advies, sizeof in->advies[0].advies, "%s", soort);
	strcpy(in->advies[0].tekst, "Toelaatbaar.");
	in->advies[1] = in->advies[0];
	strcpy(in->advies[1].naam, "A. Yilmaz");
	strcpy(in->advies[1].discipline, "kinderpsychiater");
}

static int version_of(struct world *w, long hv)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", hv);
	return (int)harness_long(w->su, sql);
}

static void afgegeven_only_with_a_valid_beschikking(void **state)
{
	struct world *w = *state;
	struct tlv_invoer in;
	struct outcome o;
	struct tlv_beschikking b;
	struct beschikking_conf conf;
	struct err e;
	enum db_failure kind;

	/* no beschikking at all */
	assert_int_equal(hulpvraag_set_status(w->fin, w->bram, version_of(w, w->bram), "TLV afgegeven", "", w->datadir,
					      NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "nog geen TLV-beschikking"));
	/* a draft without motivering and with unequal advices */
	fill(&in, "2026-001", "TLV SO categorie laag", "01-08-2026", "31-07-2028");
	in.motivering[0] = '\0';
	strcpy(in.advies[1].advies, "TLV SBO");
	assert_int_equal(db_tlv_save(w->fin, w->bram, 0, 0, &in, "0123456789abcdef0123456789abcdef", &o), OUTCOME_SAVED);
	long id = o.id;
	int ver = o.version;
	/* the same create sent again finds the first row */
	assert_int_equal(db_tlv_save(w->fin, w->bram, 0, 0, &in, "0123456789abcdef0123456789abcdef", &o), OUTCOME_SAVED);
	assert_int_equal(o.repeated, 1);
	assert_int_equal(o.id, id);
	assert_int_equal(hulpvraag_set_status(w->fin, w->bram, version_of(w, w->bram), "TLV afgegeven", "", w->datadir,
					      NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "motivering ontbreekt"));
	assert_non_null(strstr(o.err.msg, "adviezen verschillen"));
	/* by direct SQL as balie_app: the same refusal */
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT * FROM status_wijzigen(%ld, %d, 'TLV afgegeven', '', NULL, NULL, NULL)", w->bram,
		 version_of(w, w->bram));
	assert_int_equal(db_begin(w->fin, &e), 0);
	assert_null(db_exec(w->fin, &e, &kind, sql, 0, NULL));
	db_rollback(w->fin);
	if (!strstr(e.msg, "Afgeven kan niet"))
		fail_msg("%s", e.msg);
	/* corrected: an edit with the version check, then afgegeven */
	fill(&in, "2026-001", "TLV SO categorie laag", "01-08-2026", "31-07-2028");
	assert_int_equal(db_tlv_save(w->fin, w->bram, id, ver, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(o.version, ver + 1);
	/* an edit from the old version is a conflict, naming who */
	assert_int_equal(db_tlv_save(w->fin, w->bram, id, ver, &in, NULL, &o), OUTCOME_CONFLICT);
	assert_non_null(strstr(o.door, "Financieel Alfa"));
	assert_int_equal(hulpvraag_set_status(w->fin, w->bram, version_of(w, w->bram), "TLV afgegeven", "", w->datadir,
					      NULL, &o),
			 OUTCOME_SAVED);
	/* once afgegeven, an edit that breaks it is refused by the database */
	assert_int_equal(db_tlv_read(w->fin, w->bram, &b, &conf, &e), 0);
	assert_int_equal(b.afgegeven, 1);
	assert_int_equal(conf.nsoorten, 3);
	in.motivering[0] = '\0';
	assert_int_equal(db_tlv_save(w->fin, w->bram, b.id, b.version, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "moet geldig blijven"));
	/* the aanvrager (school_a made Bram's hulpvraag) now sees it */
	struct db *school = app_as("school_a", w->su);
	assert_int_equal(db_tlv_read(school, w->bram, &b, &conf, &e), 0);
	assert_true(b.id > 0);
	assert_string_equal(b.in.nummer, "2026-001");
	db_free(&school);
}

static void overlap_and_number_refused(void **state)
{
	struct world *w = *state;
	struct tlv_invoer in;
	struct outcome o;

	/* Bram's first TLV (the test above) runs 01-08-2026 .. 31-07-2028 */
	fill(&in, "2026-001", "TLV SO categorie laag", "01-08-2027", "31-07-2029");
	assert_int_equal(db_tlv_save(w->fin, w->bram2, 0, 0, &in, NULL, &o), OUTCOME_REFUSED);
	assert_string_equal(o.err.msg, "Beschikkingsnummer 2026-001 is al gebruikt: kies een ander nummer");
	strcpy(in.nummer, "2026-002");
	assert_int_equal(db_tlv_save(w->fin, w->bram2, 0, 0, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(hulpvraag_set_status(w->fin, w->bram2, version_of(w, w->bram2), "TLV afgegeven", "",
					      w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "overlapt met TLV 2026-001 (01-08-2026 t/m 31-07-2028)"));
	/* another kind (SBO) may run at the same time: not refused for overlap */
	long id = o.id;
	(void)id;
	fill(&in, "2026-002", "TLV SBO", "01-08-2027", "31-07-2029");
	struct tlv_beschikking b;
	struct beschikking_conf conf;
	struct err e;
	assert_int_equal(db_tlv_read(w->fin, w->bram2, &b, &conf, &e), 0);
	assert_int_equal(db_tlv_save(w->fin, w->bram2, b.id, b.version, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(hulpvraag_set_status(w->fin, w->bram2, version_of(w, w->bram2), "TLV afgegeven", "",
					      w->datadir, NULL, &o),
			 OUTCOME_SAVED);
}

static void emb_only_so_hoog(void **state)
{
	struct world *w = *state;
	struct tlv_invoer in;
	struct outcome o;
	char sql[512];

	/* a draft saved before the form said EMB … */
	fill(&in, "2026-010", "TLV SO categorie laag", "01-09-2026", "31-07-2028");
	assert_int_equal(db_tlv_save(w->fin, w->cem, 0, 0, &in, NULL, &o), OUTCOME_SAVED);
	long id = o.id;
	int ver = o.version;
	harness_exec(w->su, "INSERT INTO formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, "
			    "geladen_door) SELECT id, 'aanvraag-tlv', 'Aanvraag TLV', 1, '', repeat('a', 64), 't' "
			    "FROM organisatie WHERE code = 'PO1111'");
	snprintf(sql, sizeof sql,
		 "WITH f AS (INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) SELECT h.id, "
		 "h.organisatie_id, d.id FROM hulpvraag h, formulier_definitie d WHERE h.id = %ld AND "
		 "d.code = 'aanvraag-tlv' RETURNING id, organisatie_id) "
		 "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) SELECT id, organisatie_id, "
		 "'emb', 'ja' FROM f",
		 w->cem);
	harness_exec(w->su, sql);
	/* … is not issued */
	assert_int_equal(hulpvraag_set_status(w->fin, w->cem, version_of(w, w->cem), "TLV afgegeven", "", w->datadir,
					      NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "EMB-leerling krijgt alleen TLV SO categorie hoog"));
	/* 031: and now another soort than SO hoog is refused even as a draft */
	fill(&in, "2026-010", "TLV SBO", "01-09-2026", "31-07-2028");
	assert_int_equal(db_tlv_save(w->fin, w->cem, id, ver, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "Een EMB-leerling krijgt alleen TLV SO categorie hoog"));
	fill(&in, "2026-010", "TLV SO categorie hoog", "01-09-2026", "31-07-2028");
	assert_int_equal(db_tlv_save(w->fin, w->cem, id, ver, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(hulpvraag_set_status(w->fin, w->cem, version_of(w, w->cem), "TLV afgegeven", "", w->datadir,
					      NULL, &o),
			 OUTCOME_SAVED);
}

/* Two financieel medewerkers type the same number at the same moment: the
 * second waits for the first and is then refused; never two rows. */
static void number_unique_under_two_sessions(void **state)
{
	struct world *w = *state;
	struct db *one = app_as("fin_a", w->su), *two = app_as("fin_a2", w->su);
	struct err e;
	enum db_failure kind;
	char sql[256];
	PGresult *r;
	/* two fresh hulpvragen of organisatie A */
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie) SELECT organisatie_id, n, dossier_id, aanvraagtype_id, "
			    " 'Gelijktijdig', datum, 'Nieuw', '' FROM hulpvraag, (VALUES (97), (98)) v(n) "
			    " WHERE id = (SELECT min(id) FROM hulpvraag)");
	long eerste = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 97");
	long derde = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 98");
	assert_int_equal(db_begin(one, &e), 0);
	assert_int_equal(db_begin(two, &e), 0);
	snprintf(sql, sizeof sql, "INSERT INTO tlv_beschikking (hulpvraag_id, nummer) VALUES (%ld, '2026-500')", eerste);
	r = db_exec(one, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	PQclear(r);
	/* the second session's insert blocks on the first's uncommitted key */
	snprintf(sql, sizeof sql, "INSERT INTO tlv_beschikking (hulpvraag_id, nummer) VALUES (%ld, '2026-500')", derde);
	assert_int_equal(PQsendQuery(db_pg(two), sql), 1);
	assert_int_equal(db_commit(one, &e), 0);
	r = PQgetResult(db_pg(two));
	assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505");
	PQclear(r);
	while ((r = PQgetResult(db_pg(two))))
		PQclear(r);
	db_rollback(two);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM tlv_beschikking WHERE nummer = '2026-500'"), 1);
	db_free(&one);
	db_free(&two);
}

/* A draft is the SWV's: the aanvrager does not see it, nor another SWV. */
static void draft_not_visible_outside(void **state)
{
	struct world *w = *state;
	struct db *school = app_as("school_a", w->su), *b = app_as("sec_b", w->su), *sec = app_as("sec_a", w->su);
	char sql[256];
	struct err e;
	enum db_failure kind;

	/* Anna's (draft, from the test above) */
	assert_int_equal(harness_long(school, "SELECT count(*) FROM tlv_beschikking WHERE nummer = '2026-500'"), 0);
	assert_int_equal(harness_long(b, "SELECT count(*) FROM tlv_beschikking"), 0);
	assert_int_equal(harness_long(sec, "SELECT count(*) FROM tlv_beschikking WHERE nummer = '2026-500'"), 1);
	/* the secretariaat reads but may not write; nobody deletes */
	snprintf(sql, sizeof sql, "UPDATE tlv_beschikking SET motivering = 'x' WHERE nummer = '2026-500' RETURNING id");
	assert_int_equal(db_begin(sec, &e), 0);
	PGresult *r = db_exec(sec, &e, &kind, sql, 0, NULL);
	assert_true(!r || PQntuples(r) == 0);
	PQclear(r);
	db_rollback(sec);
	assert_int_equal(db_begin(w->fin, &e), 0);
	assert_null(db_exec(w->fin, &e, &kind, "DELETE FROM tlv_beschikking", 0, NULL));
	db_rollback(w->fin);
	/* tariffs are configuration: the application role cannot write them */
	assert_int_equal(db_begin(w->fin, &e), 0);
	assert_null(db_exec(w->fin, &e, &kind, "INSERT INTO tarief (organisatie_id, schooljaar, categorie, bedrag_cent) "
					       "SELECT id, 2030, 'Hoog', 1 FROM organisatie", 0, NULL));
	db_rollback(w->fin);
	db_free(&school);
	db_free(&b);
	db_free(&sec);
}

static void aanpak_verwerkt_only_with_number_period_amount(void **state)
{
	struct world *w = *state;
	struct aanpak_invoer in;
	struct outcome o;
	struct aanpak a;
	struct err e;
	enum db_failure kind;
	char sql[300];

	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie) SELECT organisatie_id, 95, dossier_id, aanvraagtype_id, "
			    " 'Arrangement', datum, 'Nieuw', '' FROM hulpvraag WHERE id = (SELECT min(id) FROM hulpvraag)");
	long hv = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 95");
	assert_int_equal(hulpvraag_set_status(w->fin, hv, version_of(w, hv), "Verwerkt", "", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "nog geen aanpak"));
	/* an amount other than the tariff without a reason: the database refuses,
	 * whatever the program checked */
	memset(&in, 0, sizeof in);
	strcpy(in.type, "arrangement");
	strcpy(in.categorie, "midden");
	strcpy(in.start, "01-09-2026");
	strcpy(in.eind, "01-09-2027"); /* one day too long */
	strcpy(in.bedrag, "9.000");
	assert_int_equal(db_aanpak_save(w->fin, hv, 0, 0, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "wijkt af van het tarief"));
	strcpy(in.reden, "Extra begeleiding");
	assert_int_equal(db_aanpak_save(w->fin, hv, 0, 0, &in, "fedcba9876543210fedcba9876543210", &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT tarief_cent FROM aanpak WHERE hulpvraag_id = %ld", hv);
	assert_int_equal(harness_long(w->su, sql), 850000);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE object = 'aanpak' AND detail LIKE '%%bedrag 900000 tarief 850000%%'");
	assert_int_equal(harness_long(w->su, sql), 1);
	/* no number, and a year and a day */
	assert_int_equal(hulpvraag_set_status(w->fin, hv, version_of(w, hv), "Verwerkt", "", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "beschikkingsnummer ontbreekt"));
	assert_non_null(strstr(o.err.msg, "ten hoogste een jaar"));
	/* the tariff cannot be faked to drop the reason */
	assert_int_equal(db_begin(w->fin, &e), 0);
	snprintf(sql, sizeof sql, "UPDATE aanpak SET tarief_cent = bedrag_cent, bedrag_reden = '' WHERE hulpvraag_id = %ld", hv);
	assert_null(db_exec(w->fin, &e, &kind, sql, 0, NULL));
	db_rollback(w->fin);
	/* number and period fixed: verwerkt */
	assert_int_equal(db_aanpak_read(w->fin, hv, &a, &e), 0);
	assert_int_equal(a.arrangement, 1);
	assert_string_equal(a.in.bedrag, "€ 9.000,00");
	strcpy(in.eind, "31-08-2027");
	strcpy(in.nummer, "ARR-1");
	assert_int_equal(db_aanpak_save(w->fin, hv, a.id, a.version, &in, NULL, &o), OUTCOME_SAVED);
	assert_int_equal(db_aanpak_save(w->fin, hv, a.id, a.version, &in, NULL, &o), OUTCOME_CONFLICT);
	assert_int_equal(hulpvraag_set_status(w->fin, hv, version_of(w, hv), "Verwerkt", "", w->datadir, NULL, &o),
			 OUTCOME_SAVED);
	/* the secretariaat may read it but not write it */
	struct db *sec = app_as("sec_a", w->su);
	assert_int_equal(db_aanpak_read(sec, hv, &a, &e), 0);
	assert_string_equal(a.in.nummer, "ARR-1");
	assert_int_equal(db_aanpak_save(sec, hv, a.id, a.version, &in, NULL, &o), OUTCOME_REFUSED);
	db_free(&sec);
}

/* "Te verwerken" reads under the read policies: another SWV gets nothing. */
static void te_verwerken_follows_rls(void **state)
{
	struct world *w = *state;
	struct db *b = app_as("sec_b", w->su);
	long a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM te_verwerken(%ld, 1000) WHERE reden = 'Arrangement zonder aanpak'", a);
	assert_true(harness_long(w->fin, sql) >= 1);
	assert_int_equal(harness_long(b, sql), 0);
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(aantal), 0) FROM te_verwerken_telling(%ld)", a);
	assert_true(harness_long(w->fin, sql) >= 1);
	assert_int_equal(harness_long(b, sql), 0);
	db_free(&b);
}

/* 021: "afgegeven" also needs a complete dossier (the checklist of 011),
 * refused by the database by direct SQL as balie_app whatever the program
 * checked; no other role gets it through either. */
static void afgegeven_needs_a_complete_dossier(void **state)
{
	struct world *w = *state;
	struct tlv_invoer in;
	struct outcome o;
	struct err e;
	enum db_failure kind;
	char sql[600];
	const char *roles[] = { "sec_a", "coord_a", "school_a", "extern_a", "geen", "sec_b", "fin_a", NULL };

	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie, aanvrager_id) SELECT organisatie_id, 94, dossier_id, aanvraagtype_id, "
			    " 'Compleet?', datum, 'Nieuw', '', aanvrager_id FROM hulpvraag WHERE id = (SELECT min(id) FROM hulpvraag)");
	long hv = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 94");
	harness_exec(w->su, "INSERT INTO compleet_regel (aanvraagtype_id, nr, omschrijving, melding) SELECT a.id, 1, "
			    "'OPP aanwezig', 'Voeg het OPP toe.' FROM aanvraagtype a JOIN organisatie o ON "
			    "o.id = a.organisatie_id WHERE o.code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO compleet_voorwaarde (aanvraagtype_id, nr, alt, soort, arg) SELECT a.id, 1, 1, "
			    "'bijlage', 'OPP' FROM aanvraagtype a JOIN organisatie o ON o.id = a.organisatie_id "
			    "WHERE o.code = 'PO1111'");
	fill(&in, "2026-700", "TLV SO categorie laag", "01-08-2030", "31-07-2031");
	assert_int_equal(db_tlv_save(w->fin, hv, 0, 0, &in, NULL, &o), OUTCOME_SAVED);
	/* every role, by direct SQL: the status function and a bare UPDATE */
	for (int i = 0; roles[i]; i++) {
		struct db *as = app_as(roles[i], w->su);
		snprintf(sql, sizeof sql,
			 "SELECT uitkomst FROM status_wijzigen(%ld, %d, 'TLV afgegeven', '', NULL, NULL, NULL)", hv,
			 version_of(w, hv));
		assert_int_equal(db_begin(as, &e), 0);
		PGresult *r = db_exec(as, &e, &kind, sql, 0, NULL);
		if (r && PQntuples(r) == 1)
			assert_string_equal(PQgetvalue(r, 0, 0), "weg"); /* does not see it */
		PQclear(r);
		db_rollback(as);
		if (strcmp(roles[i], "fin_a") == 0 && !strstr(e.msg, "het dossier is niet compleet (OPP aanwezig)"))
			fail_msg("%s: %s", roles[i], e.msg);
		snprintf(sql, sizeof sql, "UPDATE hulpvraag SET status = 'TLV afgegeven' WHERE id = %ld RETURNING id", hv);
		assert_int_equal(db_begin(as, &e), 0);
		r = db_exec(as, &e, &kind, sql, 0, NULL);
		assert_true(!r || PQntuples(r) == 0);
		PQclear(r);
		db_rollback(as);
		db_free(&as);
	}
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld AND status = 'Nieuw'", hv);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* the program is refused the same way, naming what is missing */
	assert_int_equal(hulpvraag_set_status(w->fin, hv, version_of(w, hv), "TLV afgegeven", "", w->datadir, NULL, &o),
			 OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "dossier is niet compleet (OPP aanwezig)"));
	/* the OPP added: the checklist is met and the TLV is issued */
	snprintf(sql, sizeof sql,
		 "WITH i AS (INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) SELECT organisatie_id, "
		 "repeat('b', 64), '\\x00'::bytea FROM hulpvraag WHERE id = %ld ON CONFLICT DO NOTHING RETURNING 1) "
		 "INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie) "
		 "SELECT id, organisatie_id, 'OPP.pdf', 1, repeat('b', 64), 'application/pdf', 'OPP' FROM hulpvraag "
		 "WHERE id = %ld",
		 hv, hv);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT cardinality(compleet_fouten(%ld, 'Nieuw'))", hv);
	assert_int_equal(harness_long(w->fin, sql), 0);
	assert_int_equal(hulpvraag_set_status(w->fin, hv, version_of(w, hv), "TLV afgegeven", "", w->datadir, NULL, &o),
			 OUTCOME_SAVED);
	harness_exec(w->su, "DELETE FROM compleet_regel");
}

/* 021: what bulk "financieel verwerkt" would do per row, as each role sees
 * it: the target status for the financieel medewerker, the guard's reason;
 * no target for a role without the transition; nothing of another SWV. */
static void verwerken_controle_per_role(void **state)
{
	struct world *w = *state;
	char sql[300];

	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, nummer, dossier_id, aanvraagtype_id, titel, datum, "
			    " status, status_categorie) SELECT organisatie_id, 93, dossier_id, aanvraagtype_id, "
			    " 'Arrangement twee', datum, 'Nieuw', '' FROM hulpvraag WHERE id = (SELECT min(id) FROM hulpvraag)");
	long hv = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 93");
	snprintf(sql, sizeof sql, "INSERT INTO aanpak (hulpvraag_id, type, categorie, startdatum, einddatum, bedrag_cent) "
				  "VALUES (%ld, 'arrangement', 'Midden', DATE '2026-09-01', DATE '2027-06-30', 850000)", hv);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT naar || '|' || mail || '|' || waarom FROM verwerken_controle(ARRAY[%ld])", hv);
	struct db *fin = app_as("fin_a", w->su), *sec = app_as("sec_a", w->su), *b = app_as("sec_b", w->su);
	struct err e;
	enum db_failure kind;
	assert_int_equal(db_begin(fin, &e), 0);
	PGresult *r = db_exec(fin, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	assert_string_equal(PQgetvalue(r, 0, 0), "Verwerkt|false|beschikkingsnummer ontbreekt");
	PQclear(r);
	db_rollback(fin);
	snprintf(sql, sizeof sql, "SELECT coalesce(naar, '-') || '|' || waarom FROM verwerken_controle(ARRAY[%ld])", hv);
	assert_int_equal(db_begin(sec, &e), 0);
	r = db_exec(sec, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	assert_string_equal(PQgetvalue(r, 0, 0), "-|geen overgang naar financieel verwerkt vanuit \"Nieuw\"");
	PQclear(r);
	db_rollback(sec);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_controle(ARRAY[%ld])", hv);
	assert_int_equal(harness_long(b, sql), 0);
	/* the number given: nothing stops it */
	snprintf(sql, sizeof sql, "UPDATE aanpak SET nummer = 'ARR-93' WHERE hulpvraag_id = %ld", hv);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verwerken_controle(ARRAY[%ld]) WHERE waarom = ''", hv);
	assert_int_equal(harness_long(fin, sql), 1);
	db_free(&fin);
	db_free(&sec);
	db_free(&b);
}

/* 021: "Verloopt binnenkort" and "Te evalueren" choose by end date, relative
 * to today, under the read policies (another SWV sees none). */
static void lists_by_end_date(void **state)
{
	struct world *w = *state;
	long a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	char sql[500];
	struct db *b = app_as("sec_b", w->su), *sec = app_as("sec_a", w->su);

	/* an evaluation status the test flow can reach from Nieuw */
	harness_exec(w->su, "INSERT INTO flow_status (aanvraagtype_id, naam, categorie, eindstatus, verborgen, volgorde) "
			    "SELECT id, 'Arrangement>evalueren', 'Lopend', false, false, 6 FROM aanvraagtype");
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, 'Nieuw', "
			    "'Arrangement>evalueren', 'secretariaat' FROM aanvraagtype");
	/* hulpvraag 93's aanpak (test above) ends in six weeks; Bram's TLV in a month */
	harness_exec(w->su, "UPDATE aanpak a SET startdatum = (date_trunc('month', current_date) - interval '9 months')::date, "
			    " einddatum = current_date + 42 FROM hulpvraag h WHERE h.id = a.hulpvraag_id AND h.nummer = 93");
	snprintf(sql, sizeof sql, "UPDATE tlv_beschikking SET startdatum = (date_trunc('month', current_date) - "
				  "interval '23 months')::date, einddatum = current_date + 30 WHERE hulpvraag_id = %ld", w->bram);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT string_agg(soort || ':' || nummer, ',' ORDER BY einddatum) "
				  "FROM verloopt_binnenkort(%ld, 3) WHERE nummer = 93 OR soort = 'TLV'", a);
	assert_int_equal(db_begin(sec, &(struct err){ 0 }), 0);
	PGresult *r = db_exec(sec, &(struct err){ 0 }, NULL, sql, 0, NULL);
	assert_non_null(r);
	long bram_nr = harness_long(w->su, "SELECT nummer FROM hulpvraag WHERE id = (SELECT hulpvraag_id FROM "
					   "tlv_beschikking WHERE nummer = '2026-001')");
	char want[100];
	snprintf(want, sizeof want, "TLV:%ld,Aanpak:93", bram_nr);
	assert_string_equal(PQgetvalue(r, 0, 0), want);
	PQclear(r);
	db_rollback(sec);
	/* one month ahead: only the TLV */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verloopt_binnenkort(%ld, 1) WHERE nummer = 93", a);
	assert_int_equal(harness_long(sec, sql), 0);
	/* te evalueren: 93 (ends within two months, can still go to evalueren) */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM te_evalueren(%ld) WHERE nummer = 93 "
				  "AND naar = 'Arrangement>evalueren'", a);
	assert_int_equal(harness_long(sec, sql), 1);
	assert_int_equal(harness_long(b, sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM verloopt_binnenkort(%ld, 24)", a);
	assert_int_equal(harness_long(b, sql), 0);
	/* once there, off the list */
	long hv93 = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 93");
	struct outcome o;
	assert_int_equal(hulpvraag_set_status(sec, hv93, version_of(w, hv93), "Arrangement>evalueren", "", w->datadir,
					      NULL, &o),
			 OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM te_evalueren(%ld) WHERE nummer = 93", a);
	assert_int_equal(harness_long(sec, sql), 0);
	db_free(&b);
	db_free(&sec);
}

/* 021: the budget guard by direct SQL as balie_app: over the budget only
 * with budget_akkoord in the same write, which is logged and does not
 * stay set; budgets are configuration; another SWV sees none. */
static void budget_only_with_confirmation(void **state)
{
	struct world *w = *state;
	char sql[400], out[200];
	struct err e;
	enum db_failure kind;
	const char *roles[] = { "sec_a", "coord_a", "school_a", "extern_a", "geen", "sec_b", "fin_a", NULL };

	long hv = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 93");
	long org = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	/* the aanpak of 93: Midden € 8.500 starting 9 months ago; a budget of its year with € 10 room */
	snprintf(sql, sizeof sql, "INSERT INTO budget (organisatie_id, schooljaar, soort, bedrag_cent) SELECT a.organisatie_id, "
				  "extract(year FROM a.startdatum - interval '7 months')::int, 'arrangement', "
				  "(SELECT sum(bedrag_cent) FROM aanpak x WHERE x.type = 'arrangement' AND extract(year FROM "
				  "x.startdatum - interval '7 months') = extract(year FROM a.startdatum - interval '7 months')) + 1000 "
				  "FROM aanpak a WHERE a.hulpvraag_id = %ld", hv);
	harness_exec(w->su, sql);
	for (int i = 0; roles[i]; i++) {
		struct db *x = app_as(roles[i], w->su);
		snprintf(sql, sizeof sql, "UPDATE aanpak SET bedrag_cent = bedrag_cent + 2000, bedrag_reden = 'meer' "
					  "WHERE hulpvraag_id = %ld RETURNING id", hv);
		assert_int_equal(db_begin(x, &e), 0);
		PGresult *r = db_exec(x, &e, &kind, sql, 0, NULL);
		if (r && PQntuples(r) > 0)
			fail_msg("%s: over het budget zonder bevestiging", roles[i]);
		PQclear(r);
		db_rollback(x);
		if (!strcmp(roles[i], "fin_a") && !strstr(e.msg, "Budget overschreden"))
			fail_msg("%s", e.msg);
		/* nobody writes the budget itself */
		assert_int_equal(db_begin(x, &e), 0);
		assert_null(db_exec(x, &e, &kind, "UPDATE budget SET bedrag_cent = bedrag_cent * 2 RETURNING 1", 0, NULL));
		db_rollback(x);
		db_free(&x);
	}
	/* within the budget: no question */
	snprintf(sql, sizeof sql, "UPDATE aanpak SET bedrag_cent = bedrag_cent + 500, bedrag_reden = 'iets meer' "
				  "WHERE hulpvraag_id = %ld RETURNING id", hv);
	assert_int_equal(db_begin(w->fin, &e), 0);
	PGresult *r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	/* confirmed: saved, logged, the flag not kept */
	snprintf(sql, sizeof sql, "UPDATE aanpak SET bedrag_cent = bedrag_cent + 2000, budget_akkoord = true "
				  "WHERE hulpvraag_id = %ld RETURNING budget_akkoord::text", hv);
	assert_int_equal(db_begin(w->fin, &e), 0);
	r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	snprintf(out, sizeof out, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	assert_string_equal(out, "false");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE actie = 'budget-akkoord' AND object_id = "
				  "(SELECT id FROM aanpak WHERE hulpvraag_id = %ld)", hv);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* two financieel medewerkers at the same moment, each within what is
	 * left but together over it: the second waits for the first and is
	 * then refused */
	struct db *one = app_as("fin_a", w->su), *two = app_as("fin_a2", w->su);
	long hv2 = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 95");
	snprintf(sql, sizeof sql, "UPDATE aanpak a SET type = 'arrangement', startdatum = x.startdatum, "
				  "einddatum = x.einddatum, budget_akkoord = true FROM aanpak x WHERE x.hulpvraag_id = %ld "
				  "AND a.hulpvraag_id = %ld", hv, hv2);
	harness_exec(w->su, sql);
	/* € 30 left: room for one of the two raises of € 20 */
	harness_exec(w->su, "UPDATE budget b SET bedrag_cent = 3000 + (SELECT sum(a.bedrag_cent) FROM aanpak a "
			    "WHERE a.type = 'arrangement' AND extract(year FROM a.startdatum - interval '7 months') = b.schooljaar)");
	snprintf(sql, sizeof sql, "UPDATE aanpak SET bedrag_cent = bedrag_cent + 2000, bedrag_reden = 'x' "
				  "WHERE hulpvraag_id = %ld RETURNING id", hv);
	assert_int_equal(db_begin(one, &e), 0);
	r = db_exec(one, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	PQclear(r);
	snprintf(sql, sizeof sql, "UPDATE aanpak SET bedrag_cent = bedrag_cent + 2000, bedrag_reden = 'x' "
				  "WHERE hulpvraag_id = %ld RETURNING id", hv2);
	assert_int_equal(db_begin(two, &e), 0);
	assert_int_equal(PQsendQuery(db_pg(two), sql), 1);
	/* the second waits on the budget's lock while the first is open */
	long waiting = 0;
	for (int i = 0; i < 100 && !waiting; i++) {
		waiting = harness_long(w->su, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
					      "AND wait_event = 'advisory' AND query LIKE 'UPDATE aanpak SET bedrag_cent%'");
		if (!waiting)
			usleep(50000);
	}
	assert_int_equal(waiting, 1);
	assert_int_equal(db_commit(one, &e), 0);
	r = PQgetResult(db_pg(two));
	assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
	assert_non_null(strstr(PQresultErrorMessage(r), "Budget overschreden"));
	PQclear(r);
	while ((r = PQgetResult(db_pg(two))))
		PQclear(r);
	db_rollback(two);
	db_free(&one);
	db_free(&two);
	/* what the tab reads: this SWV's budgets only */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM budget_standen(%ld, NULL)", org);
	assert_int_equal(harness_long(w->fin, sql), 1);
	struct db *b = app_as("sec_b", w->su);
	assert_int_equal(harness_long(b, sql), 0);
	db_free(&b);
}

/* 021: a bezwaar against an issued TLV, by direct SQL as balie_app for
 * every role: only the rulebook's roles register and decide it, through
 * the functions (no direct writes); late after 6 weeks; gegrond keeps the
 * old beschikking as a replaced version and raises the version. */
static void bezwaar_per_role(void **state)
{
	struct world *w = *state;
	char sql[400], out[200];
	struct err e;
	enum db_failure kind;
	struct {
		const char *user;
		int may;
	} roles[] = { { "sec_a", 1 }, { "coord_a", 0 }, { "school_a", 0 }, { "extern_a", 0 }, { "geen", 0 },
		      { "sec_b", 0 }, { "fin_a", 1 } };

	/* Bram's TLV was issued in the first test: its date of issue is today */
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		struct db *x = app_as(roles[i].user, w->su);
		snprintf(sql, sizeof sql, "SELECT te_laat::text FROM bezwaar_registreren(%ld, current_date, NULL)", w->bram);
		assert_int_equal(db_begin(x, &e), 0);
		PGresult *r = db_exec(x, &e, &kind, sql, 0, NULL);
		if ((r != NULL) != roles[i].may)
			fail_msg("%s: %s", roles[i].user, r ? "mocht" : e.msg);
		PQclear(r);
		db_rollback(x);
		snprintf(sql, sizeof sql, "INSERT INTO bezwaar (organisatie_id, hulpvraag_id, tlv_beschikking_id, afgegeven_op, "
					  "ontvangen, te_laat) SELECT organisatie_id, hulpvraag_id, id, current_date, current_date, "
					  "false FROM tlv_beschikking WHERE hulpvraag_id = %ld", w->bram);
		assert_int_equal(db_begin(x, &e), 0);
		assert_null(db_exec(x, &e, &kind, sql, 0, NULL));
		db_rollback(x);
		db_free(&x);
	}
	/* issued 50 days ago: a bezwaar received today is late */
	snprintf(sql, sizeof sql, "UPDATE statushistorie SET op = op - interval '50 days' WHERE hulpvraag_id = %ld", w->bram);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT te_laat::text || '|' || bezwaar_id FROM bezwaar_registreren(%ld, current_date, "
				  "'00112233445566778899aabbccddeeff')", w->bram);
	assert_int_equal(db_begin(w->fin, &e), 0);
	PGresult *r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	snprintf(out, sizeof out, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	assert_int_equal(strncmp(out, "true|", 5), 0);
	long id = atol(out + 5);
	/* the same key again: the same bezwaar */
	assert_int_equal(db_begin(w->fin, &e), 0);
	r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	assert_int_equal(atol(PQgetvalue(r, 0, 0) + 5), id);
	PQclear(r);
	db_rollback(w->fin);
	/* the aanvrager does not see it; the SWV does */
	struct db *school = app_as("school_a", w->su);
	assert_int_equal(harness_long(school, "SELECT count(*) FROM bezwaar"), 0);
	db_free(&school);
	/* gegrond: a new version, the old one kept */
	snprintf(sql, sizeof sql, "SELECT version FROM tlv_beschikking WHERE hulpvraag_id = %ld", w->bram);
	long was = harness_long(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM bezwaar_beslissen(%ld, 1, 'gegrond', 'Tweede advies ontbrak')", id);
	assert_int_equal(db_begin(w->fin, &e), 0);
	r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	assert_string_equal(PQgetvalue(r, 0, 0), "ok");
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	snprintf(sql, sizeof sql, "SELECT version FROM tlv_beschikking WHERE hulpvraag_id = %ld", w->bram);
	assert_int_equal(harness_long(w->su, sql), was + 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM tlv_beschikking_versie WHERE hulpvraag_id = %ld AND versie = %ld "
				  "AND bezwaar_id = %ld AND inhoud->>'nummer' = '2026-001'", w->bram, was, id);
	assert_int_equal(harness_long(w->fin, sql), 1);
	/* decided once */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM bezwaar_beslissen(%ld, 2, 'ongegrond', '')", id);
	assert_int_equal(db_begin(w->fin, &e), 0);
	assert_null(db_exec(w->fin, &e, &kind, sql, 0, NULL));
	db_rollback(w->fin);
	assert_non_null(strstr(e.msg, "al beslist"));
}

/* 021: a verlenging points at the earlier TLV: linked (einddatum filled in)
 * when it is the same pupil's, refused when another pupil's or with
 * another einddatum; a number balie does not know is kept as typed. */
static void verlenging_link(void **state)
{
	struct world *w = *state;
	struct tlv_invoer in;
	struct outcome o;
	struct tlv_beschikking b;
	struct beschikking_conf conf;
	struct err e;
	char sql[300];

	/* Bram's second hulpvraag (bram2) has TLV 2026-002; Cem's is 2026-010 */
	assert_int_equal(db_tlv_read(w->fin, w->bram2, &b, &conf, &e), 0);
	in = b.in;
	strcpy(in.vorige_nummer, "2026-010");
	assert_int_equal(db_tlv_save(w->fin, w->bram2, b.id, b.version, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "TLV 2026-010 is van een andere leerling"));
	strcpy(in.vorige_nummer, "2026-001");
	strcpy(in.vorige_eind, "01-01-2027");
	assert_int_equal(db_tlv_save(w->fin, w->bram2, b.id, b.version, &in, NULL, &o), OUTCOME_REFUSED);
	assert_non_null(strstr(o.err.msg, "TLV 2026-001 loopt tot"));
	in.vorige_eind[0] = '\0';
	assert_int_equal(db_tlv_save(w->fin, w->bram2, b.id, b.version, &in, NULL, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM tlv_beschikking v JOIN tlv_beschikking x ON x.id = v.vorige_id "
				  "WHERE v.hulpvraag_id = %ld AND x.nummer = '2026-001' AND v.vorige_einddatum = x.einddatum",
		 w->bram2);
	assert_int_equal(harness_long(w->su, sql), 1);
	assert_int_equal(db_tlv_read(w->fin, w->bram2, &b, &conf, &e), 0);
	assert_string_equal(b.in.vorige_nummer, "2026-001");
	assert_true(b.in.vorige_eind[0] != '\0');
	/* a TLV from before balie: as typed, not linked */
	in = b.in;
	strcpy(in.vorige_nummer, "OUD-1999");
	strcpy(in.vorige_eind, "31-07-2026");
	assert_int_equal(db_tlv_save(w->fin, w->bram2, b.id, b.version, &in, NULL, &o), OUTCOME_SAVED);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM tlv_beschikking WHERE hulpvraag_id = %ld AND vorige_id IS NULL "
				  "AND vorige_einddatum = DATE '2026-07-31'", w->bram2);
	assert_int_equal(harness_long(w->su, sql), 1);
}

/* 021: a behandelaar of an aanpak, by direct SQL as balie_app for every
 * role: only who may edit the aanpak chooses one; the behandelaar sees the
 * hulpvraag while the aanpak runs and gets a mail without the pupil's
 * name; taken off, the access ends. */
static void behandelaar_per_role(void **state)
{
	struct world *w = *state;
	char sql[400];
	struct err e;
	enum db_failure kind;
	struct {
		const char *user;
		int may;
	} roles[] = { { "sec_a", 0 }, { "school_a", 0 }, { "extern_a", 0 }, { "geen", 0 }, { "sec_b", 0 },
		      { "coord_a", 1 }, { "fin_a", 1 } };
	long hv = harness_long(w->su, "SELECT id FROM hulpvraag WHERE nummer = 93");
	long ext = harness_account(w->su, "extern_a");
	struct db *x;

	harness_exec(w->su, "UPDATE account SET email = 'extern@example.org' WHERE username = 'extern_a'");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE nummer = 93");
	x = app_as("extern_a", w->su);
	assert_int_equal(harness_long(x, sql), 0);
	db_free(&x);
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		x = app_as(roles[i].user, w->su);
		snprintf(sql, sizeof sql, "SELECT naam FROM aanpak_behandelaar(%ld, %ld, true)", hv, ext);
		assert_int_equal(db_begin(x, &e), 0);
		PGresult *r = db_exec(x, &e, &kind, sql, 0, NULL);
		if ((r != NULL) != roles[i].may)
			fail_msg("%s: %s", roles[i].user, r ? "mocht" : e.msg);
		PQclear(r);
		db_rollback(x);
		/* nobody writes the access directly */
		snprintf(sql, sizeof sql, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, tot) "
					  "VALUES (%ld, %ld, 'aanpak', DATE '2099-01-01')", hv, ext);
		assert_int_equal(db_begin(x, &e), 0);
		assert_null(db_exec(x, &e, &kind, sql, 0, NULL));
		db_rollback(x);
		db_free(&x);
	}
	snprintf(sql, sizeof sql, "SELECT naam FROM aanpak_behandelaar(%ld, %ld, true)", hv, ext);
	assert_int_equal(db_begin(w->fin, &e), 0);
	PGresult *r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	if (!r)
		fail_msg("%s", e.msg);
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag_toegang t JOIN aanpak a ON a.hulpvraag_id = t.hulpvraag_id "
				  "WHERE t.hulpvraag_id = %ld AND t.soort = 'aanpak' AND t.tot = a.einddatum", hv);
	assert_int_equal(harness_long(w->su, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM outbox o JOIN hulpvraag h ON h.id = o.hulpvraag_id JOIN dossier d "
				  "ON d.id = h.dossier_id WHERE o.hulpvraag_id = %ld AND o.aan = 'extern@example.org' "
				  "AND o.onderwerp = 'Behandelaar van hulpvraag 93' AND position(d.roepnaam IN o.tekst) = 0 "
				  "AND position(d.achternaam IN o.tekst) = 0", hv);
	assert_int_equal(harness_long(w->su, sql), 1);
	x = app_as("extern_a", w->su);
	assert_int_equal(harness_long(x, "SELECT count(*) FROM hulpvraag WHERE nummer = 93"), 1);
	/* the aanpak ends later: the access moves along */
	snprintf(sql, sizeof sql, "UPDATE aanpak SET einddatum = einddatum + 7 WHERE hulpvraag_id = %ld", hv);
	harness_exec(w->su, sql);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag_toegang t JOIN aanpak a ON a.hulpvraag_id = t.hulpvraag_id "
				  "WHERE t.hulpvraag_id = %ld AND t.soort = 'aanpak' AND t.tot = a.einddatum", hv);
	assert_int_equal(harness_long(w->su, sql), 1);
	/* taken off: no access */
	snprintf(sql, sizeof sql, "SELECT naam FROM aanpak_behandelaar(%ld, %ld, false)", hv, ext);
	assert_int_equal(db_begin(w->fin, &e), 0);
	r = db_exec(w->fin, &e, &kind, sql, 0, NULL);
	assert_non_null(r);
	PQclear(r);
	assert_int_equal(db_commit(w->fin, &e), 0);
	assert_int_equal(harness_long(x, "SELECT count(*) FROM hulpvraag WHERE nummer = 93"), 0);
	db_free(&x);
	/* only an external account can be one */
	snprintf(sql, sizeof sql, "SELECT naam FROM aanpak_behandelaar(%ld, %ld, true)", hv, harness_account(w->su, "sec_a"));
	assert_int_equal(db_begin(w->fin, &e), 0);
	assert_null(db_exec(w->fin, &e, &kind, sql, 0, NULL));
	db_rollback(w->fin);
	assert_non_null(strstr(e.msg, "externe deskundige"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(afgegeven_only_with_a_valid_beschikking),
		cmocka_unit_test(overlap_and_number_refused),
		cmocka_unit_test(emb_only_so_hoog),
		cmocka_unit_test(number_unique_under_two_sessions),
		cmocka_unit_test(draft_not_visible_outside),
		cmocka_unit_test(aanpak_verwerkt_only_with_number_period_amount),
		cmocka_unit_test(te_verwerken_follows_rls),
		cmocka_unit_test(afgegeven_needs_a_complete_dossier),
		cmocka_unit_test(verwerken_controle_per_role),
		cmocka_unit_test(lists_by_end_date),
		cmocka_unit_test(budget_only_with_confirmation),
		cmocka_unit_test(bezwaar_per_role),
		cmocka_unit_test(verlenging_link),
		cmocka_unit_test(behandelaar_per_role),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
