/* recht_test.c — the rulebook (core/recht) enforced by the database.
 *
 * walk_the_whole_table: for every role of the fixture and every action the
 * database can be asked directly, the statement a careless or malicious
 * application would send is tried as balie_app with that account acting
 * (in a transaction that is rolled back); the database must accept exactly
 * what recht_mag() allows.  Then one test per hole that issue 9 §2 found
 * in the schema of migrations 001–011 (each failed there), and a comparison
 * of the SECURITY DEFINER functions with the read policy they stand in for.
 */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recht.h"
#include "core/statuswissel.h"
#include "db/recht.h"

#define DBNAME "t_recht"

struct world {
	struct db *su;
	long org_a, org_b;
	long label_a, def_a, type_a;
	long dossier_bram, dossier_dirk, hv_anna, hv_bram, hv_cem, hv_dirk;
};

static long su_long(struct world *w, const char *fmt, long arg)
{
	char sql[512];
	snprintf(sql, sizeof sql, fmt, arg);
	return harness_long(w->su, sql);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES "
			    "('fin_a', 'Financieel Alfa', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA'), "
			    "('adm_a', 'Beheer Alfa', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA')");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, v.r FROM (VALUES ('fin_a', 'financieel'), "
			    "('adm_a', 'admin')) v(u, r) JOIN account a ON a.username = v.u "
			    "JOIN organisatie o ON o.code = 'PO1111'");
	w->org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	w->org_b = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO2222'");
	w->type_a = su_long(w, "SELECT id FROM aanvraagtype WHERE organisatie_id = %ld", w->org_a);
	harness_exec(w->su, "INSERT INTO label (organisatie_id, naam) SELECT id, 'spoed' FROM organisatie");
	w->label_a = su_long(w, "SELECT id FROM label WHERE organisatie_id = %ld", w->org_a);
	harness_exec(w->su, "INSERT INTO formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, "
			    "geladen_door) SELECT id, 'test', 'Test', 1, 'formulier {}', repeat('a', 64), 'test' FROM organisatie");
	w->def_a = su_long(w, "SELECT id FROM formulier_definitie WHERE organisatie_id = %ld", w->org_a);
#define HV(naam) harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id " \
				     "WHERE d.roepnaam = '" naam "'")
	w->hv_anna = HV("Anna");
	w->hv_bram = HV("Bram");
	w->hv_cem = HV("Cem");
	w->hv_dirk = HV("Dirk");
#undef HV
	w->dossier_bram = su_long(w, "SELECT dossier_id FROM hulpvraag WHERE id = %ld", w->hv_bram);
	/* a regierolhouder (030_regie.sql) of Bram */
	harness_exec(w->su, "INSERT INTO account (username, naam, wachtwoord_hash) VALUES "
			    "('regie_a', 'Regie Alfa', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA')");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, 'regierolhouder' FROM account a, organisatie o "
			    "WHERE a.username = 'regie_a' AND o.code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort) SELECT h.id, a.id, 'regierol' "
			    "FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id, account a "
			    "WHERE d.roepnaam = 'Bram' AND a.username = 'regie_a'");
	w->dossier_dirk = su_long(w, "SELECT dossier_id FROM hulpvraag WHERE id = %ld", w->hv_dirk);
	/* one bijlage and one formulier on each hulpvraag of A */
	harness_exec(w->su, "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) "
			    "SELECT id, encode(sha256('\\x41'::bytea), 'hex'), '\\x41'::bytea FROM organisatie");
	harness_exec(w->su, "INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie) "
			    "SELECT id, organisatie_id, 'a.txt', 1, encode(sha256('\\x41'::bytea), 'hex'), "
			    "'text/plain', 'overig' FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) "
			    "SELECT h.id, h.organisatie_id, f.id FROM hulpvraag h "
			    "JOIN formulier_definitie f ON f.organisatie_id = h.organisatie_id");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->su);
	free(w);
	return 0;
}

/* Runs sql as balie_app acting for username in a transaction that is rolled
 * back.  Returns 1 when the database accepted it and it touched or returned
 * at least one row, 0 when it refused (error, or nothing done); *why gets
 * the error. */
static int try_as(struct world *w, const char *username, const char *sql, char *why, size_t whylen)
{
	struct db *app = harness_app_db(DBNAME);
	struct err e;
	PGresult *r;
	int done = 0;

	err_clear(&e);
	db_set_account(app, harness_account(w->su, username));
	if (db_begin(app, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	r = db_exec(app, &e, NULL, sql, 0, NULL);
	if (why)
		snprintf(why, whylen, "%s", r ? "" : e.msg);
	if (r) {
		const char *ct = PQcmdTuples(r);
		done = PQntuples(r) > 0 || (ct && atol(ct) > 0);
		/* a SELECT of a function returning a boolean or count: its value */
		if (PQntuples(r) == 1 && PQnfields(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), "f"))
			done = 0;
		PQclear(r);
	}
	db_rollback(app);
	db_free(&app);
	return done;
}

/* The statement for action a, acting on hulpvraag hv (visible to the
 * account), into sql; 0 when the database has no statement of its own for
 * this action (see the list in walk_the_whole_table). */
static int statement(struct world *w, enum recht_actie a, long hv, char *sql, size_t len)
{
	switch (a) {
	case RECHT_COORDINATOR_WIJZIGEN:
		snprintf(sql, len, "UPDATE hulpvraag SET coordinator_id = (SELECT id FROM account WHERE username = "
				   "'coord_a') WHERE id = %ld RETURNING id", hv);
		return 1;
	case RECHT_OMSCHRIJVING_BEWERKEN:
		snprintf(sql, len, "UPDATE hulpvraag SET omschrijving = 'anders' WHERE id = %ld RETURNING id", hv);
		return 1;
	case RECHT_LABELS_ZIEN:
		snprintf(sql, len, "SELECT id FROM label WHERE id = %ld", w->label_a);
		return 1;
	case RECHT_LABEL_KOPPELEN:
		snprintf(sql, len, "INSERT INTO hulpvraag_label (hulpvraag_id, label_id, organisatie_id) "
				   "VALUES (%ld, %ld, %ld)", hv, w->label_a, w->org_a);
		return 1;
	case RECHT_LABEL_AANMAKEN:
		snprintf(sql, len, "INSERT INTO label (organisatie_id, naam) VALUES (%ld, 'nieuw')", w->org_a);
		return 1;
	case RECHT_NOTITIE:
		snprintf(sql, len, "INSERT INTO notitie (hulpvraag_id, organisatie_id, account_id, tekst) "
				   "VALUES (%ld, %ld, acting_account(), 'mijn notitie')", hv, w->org_a);
		return 1;
	case RECHT_INTAKE:
		snprintf(sql, len, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, "
				   "status, status_categorie) VALUES (%ld, %ld, %ld, 'Nieuw', current_date, 'Nieuw', '')",
			 w->org_a, w->dossier_bram, w->type_a);
		return 1;
	case RECHT_BIJLAGE_TOEVOEGEN:
		snprintf(sql, len, "SELECT bijlage_toevoegen(%ld, 'b.txt', 'text/plain', 'overig', '\\x42', NULL)", hv);
		return 1;
	case RECHT_BIJLAGE_VERWIJDEREN:
		snprintf(sql, len, "UPDATE bijlage SET verwijderd_op = now() WHERE hulpvraag_id = %ld RETURNING id", hv);
		return 1;
	case RECHT_BIJLAGE_EXPORTEREN:
		snprintf(sql, len, "SELECT i.inhoud FROM bijlage_inhoud i JOIN bijlage b ON b.sha256 = i.sha256 "
				   "AND b.organisatie_id = i.organisatie_id WHERE b.hulpvraag_id = %ld", hv);
		return 1;
	case RECHT_FORMULIER_TOEVOEGEN:
		snprintf(sql, len, "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) "
				   "VALUES (%ld, %ld, %ld)", hv, w->org_a, w->def_a);
		return 1;
	case RECHT_FORMULIER_BEWERKEN:
		snprintf(sql, len, "UPDATE formulier SET version = version + 1 WHERE hulpvraag_id = %ld RETURNING id", hv);
		return 1;
	case RECHT_FORMULIER_VERWIJDEREN:
		snprintf(sql, len, "UPDATE formulier SET verwijderd_op = now() WHERE hulpvraag_id = %ld RETURNING id", hv);
		return 1;
	case RECHT_WERKVOORRAAD: /* the list: whatever the read policy lets through */
		snprintf(sql, len, "SELECT id FROM hulpvraag WHERE id = %ld", hv);
		return 1;
	case RECHT_BESCHIKKING_BEWERKEN:
		snprintf(sql, len, "INSERT INTO tlv_beschikking (hulpvraag_id, nummer) VALUES (%ld, 'T-1') RETURNING id", hv);
		return 1;
	case RECHT_AANPAK_BEWERKEN:
		snprintf(sql, len, "INSERT INTO aanpak (hulpvraag_id, type) VALUES (%ld, 'arrangement') RETURNING id", hv);
		return 1;
	case RECHT_DOSSIER_BEWERKEN:
		snprintf(sql, len, "UPDATE dossier SET telefoon = '0612345678' WHERE id = (SELECT dossier_id FROM "
				   "hulpvraag WHERE id = %ld) RETURNING id", hv);
		return 1;
	case RECHT_POST: /* a message received into the post list (tests/db/mailin_test.c walks the rest) */
		snprintf(sql, len, "INSERT INTO mail_in (organisatie_id, afzender, onderwerp, tekst, reden, bericht, grootte, "
				   "idempotentie, ontvangen_door) VALUES (%ld, 'a@b.nl', 's', 't', 'r', '\\x00', 1, "
				   "repeat('a', 64), acting_account()) RETURNING id", w->org_a);
		return 1;
	case RECHT_STATUS_WIJZIGEN:    /* every role; the flow decides: status_changes_follow_the_flow */
	case RECHT_AANVULLING_VRAGEN:  /* a status change with a reden: the flow's transitions */
	case RECHT_BULK:               /* a loop over the actions above, one row each */
	case RECHT_TE_CONTROLEREN:     /* a read of hulpvragen the account sees anyway */
	case RECHT_TE_VERWERKEN:       /* the same: te_verwerken() reads under the read policies */
	case RECHT_AGENDA_ZIEN:        /* the agenda: tests/db/agenda_test.c walks these four */
	case RECHT_VERGADERING_BEHEREN:
	case RECHT_PLANNEN:
	case RECHT_UITKOMST_VASTLEGGEN:
	case RECHT_VOORLOPIG_ZIEN:     /* the aanvrager sees its own too: voorlopig_for_applicatiebeheer */
	case RECHT_STATUS_TERUGDRAAIEN: /* needs a change of one's own first: tests/db/terug_test.c walks the roles */
	case RECHT_STATUS_TERUGDRAAIEN_ALTIJD:
	case RECHT_VERLOOPT_BINNENKORT: /* reads under the read policies: tests/db/beschikking_test.c */
	case RECHT_TE_EVALUEREN:        /* the same; setting evalueren is a status change along the flow */
	case RECHT_BEZWAAR:             /* needs an issued TLV: tests/db/beschikking_test.c walks the roles */
	case RECHT_KENGETALLEN:        /* reads under the read policies: tests/db/kengetal_test.c, every role */
	case RECHT_AFSPRAAK_PLANNEN:   /* also "own hulpvraag" for a coördinator: tests/db/afspraak_test.c */
	case RECHT_REGIEROL_TOEWIJZEN: /* needs a regierolhouder: tests/db/regie_test.c walks the roles */
	case RECHT_COUNT:
		break;
	}
	return 0;
}

static void walk_the_whole_table(void **state)
{
	struct world *w = *state;
	static const char *const accounts[][2] = {
		{ "sec_a", "secretariaat" }, { "fin_a", "financieel" }, { "coord_a", "coordinator" },
		{ "adm_a", "admin" },        { "school_a", "aanvrager" }, { "extern_a", "extern" },
		{ "regie_a", "regierolhouder" },
	};
	int tried = 0, failures = 0;

	for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++) {
		unsigned roles = statuswissel_rollen(accounts[i][1]);
		/* a hulpvraag the account sees: Bram (school_a is its aanvrager), Cem for extern_a (toegang) */
		long hv = !strcmp(accounts[i][0], "extern_a") ? w->hv_cem : w->hv_bram;
		for (int a = 0; a < RECHT_COUNT; a++) {
			char sql[1024], why[512];
			int want, got;
			if (!statement(w, (enum recht_actie)a, hv, sql, sizeof sql))
				continue;
			want = recht_mag(roles, (enum recht_actie)a);
			got = try_as(w, accounts[i][0], sql, why, sizeof why);
			tried++;
			if (want != got) {
				print_message("# %s (%s) %s: verwacht %s, database %s%s%s\n#   %s\n", accounts[i][0],
					      accounts[i][1], recht_tabel[a].naam, want ? "toegestaan" : "geweigerd",
					      got ? "toegestaan" : "geweigerd", *why ? ": " : "", why, sql);
				failures++;
			}
		}
	}
	print_message("# %d combinaties van rol en actie geprobeerd\n", tried);
	assert_int_equal(failures, 0);
	assert_true(tried >= 6 * 14);
}

/* The published rows are core's table. */
static void published_table_is_cores(void **state)
{
	struct world *w = *state;
	struct err e;
	int changed = -1;
	err_clear(&e);
	assert_int_equal(recht_gelijk(w->su, &e), 1);
	harness_exec(w->su, "DELETE FROM recht WHERE actie = 'bulk' AND rol = 'financieel'");
	assert_int_equal(recht_gelijk(w->su, &e), 0);
	assert_int_equal(recht_publiceer(w->su, &changed, &e), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(recht_gelijk(w->su, &e), 1);
	assert_int_equal(recht_publiceer(w->su, &changed, &e), 0);
	assert_int_equal(changed, 0);
	/* every publication that changed something is in the audit log */
	assert_true(harness_long(w->su, "SELECT count(*) FROM audit_log WHERE object = 'recht'") >= 2);
}

/* (a) hulpvraag_toegang had no row-level security and balie_app could
 * insert into it: any account granted itself any hulpvraag. */
static void hole_a_toegang_not_self_granted(void **state)
{
	struct world *w = *state;
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort) "
				  "VALUES (%ld, acting_account(), 'extra_toegang')", w->hv_dirk);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort) "
				  "VALUES (%ld, acting_account(), 'extra_toegang')", w->hv_bram);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	/* and nobody reads another account's links of another organisatie */
	assert_int_equal(try_as(w, "sec_b", "SELECT 1 FROM hulpvraag_toegang", NULL, 0), 0);
	assert_int_equal(try_as(w, "extern_a", "SELECT 1 FROM hulpvraag_toegang", NULL, 0), 1);
	assert_int_equal(try_as(w, "school_a", "SELECT 1 FROM hulpvraag_toegang", NULL, 0), 0);
}

/* (b) hulpvraag.dossier_id was not tied to the hulpvraag's organisatie: A's
 * staff pointed their hulpvraag at B's dossier and read that child; the
 * school inserted or moved a hulpvraag into B. */
static void hole_b_dossier_of_other_organisatie(void **state)
{
	struct world *w = *state;
	char sql[512];
	struct err e;

	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET dossier_id = %ld WHERE id = %ld RETURNING id", w->dossier_dirk,
		 w->hv_bram);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET organisatie_id = %ld WHERE id = %ld RETURNING id", w->org_b,
		 w->hv_bram);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, "
				  "status, status_categorie, aanvrager_id) SELECT %ld, %ld, a.id, 'x', current_date, "
				  "'Nieuw', '', acting_account() FROM aanvraagtype a WHERE a.organisatie_id = %ld",
		 w->org_b, w->dossier_dirk, w->org_b);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0);
	/* not even the owner can make such a row: the foreign key */
	err_clear(&e);
	snprintf(sql, sizeof sql, "UPDATE balie.hulpvraag SET dossier_id = %ld WHERE id = %ld", w->dossier_dirk,
		 w->hv_bram);
	assert_int_equal(harness_try(w->su, sql, &e), -1);
	assert_non_null(strstr(e.msg, "hulpvraag_dossier_org"));
}

/* (c) bijlage.organisatie_id was not bound to its hulpvraag, and content was
 * reachable by (organisatie, sha256), with a foreign-key oracle. */
static void hole_c_bijlage_content(void **state)
{
	struct world *w = *state;
	char sql[512];
	struct err e;

	err_clear(&e);
	snprintf(sql, sizeof sql, "INSERT INTO balie.bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, "
				  "mime, categorie) SELECT %ld, %ld, 'x', 1, sha256, 'text/plain', 'overig' "
				  "FROM balie.bijlage_inhoud WHERE organisatie_id = %ld",
		 w->hv_bram, w->org_b, w->org_b);
	assert_int_equal(harness_try(w->su, sql, &e), -1);
	/* the application inserts no bijlage row itself: no hash to guess */
	snprintf(sql, sizeof sql, "INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, "
				  "categorie) VALUES (%ld, %ld, 'x', 1, encode(sha256('\\x41'::bytea), 'hex'), "
				  "'text/plain', 'overig')", w->hv_bram, w->org_a);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	/* B's staff see no content of A */
	assert_int_equal(try_as(w, "sec_b", "SELECT 1 FROM bijlage_inhoud i JOIN organisatie o ON o.id = "
					    "i.organisatie_id WHERE o.code = 'PO1111'", NULL, 0), 0);
	/* bijlage_toevoegen refuses a hulpvraag the account cannot see */
	snprintf(sql, sizeof sql, "SELECT bijlage_toevoegen(%ld, 'b.txt', 'text/plain', 'overig', '\\x42', NULL)", w->hv_dirk);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "SELECT bijlage_toevoegen(%ld, 'b.txt', 'text/plain', 'overig', '\\x42', NULL)", w->hv_anna);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
}

/* (d) configuration, role assignments and mail delivery were writable by
 * the application role. */
static void hole_d_configuration(void **state)
{
	struct world *w = *state;
	static const char *const sqls[] = {
		"INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) SELECT id, 'Nieuw', 'Afgerond', "
		"'aanvrager' FROM aanvraagtype",
		"UPDATE organisatie SET naam = 'x' RETURNING id",
		"UPDATE school SET naam = 'x' RETURNING id",
		"UPDATE scholenkring SET naam = 'x' RETURNING id",
		"UPDATE formulier_definitie SET actief = false RETURNING id",
		"INSERT INTO account_rol (account_id, organisatie_id, rol) SELECT acting_account(), id, 'admin' "
		"FROM organisatie",
		"UPDATE outbox SET aan = 'aanvaller@example.org' RETURNING id",
		"INSERT INTO recht (actie, rol) VALUES ('bulk', 'aanvrager')",
		"SELECT account_add('nieuw', 'Nieuw', '', 'x', '')",
		"SELECT account_passwd('sec_a', 'x')",
		"INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door) SELECT id, organisatie_id, "
		"'Nieuw', 'Afgerond', NULL FROM hulpvraag",
		"INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) SELECT id, 'x@example.org', 'x', 'x' "
		"FROM organisatie",
	};
	harness_exec(w->su, "INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) "
			    "SELECT organisatie_id, id, 'ib@example.org', 'Status', 'x' FROM hulpvraag");
	for (size_t i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
		char why[512];
		if (try_as(w, "adm_a", sqls[i], why, sizeof why) != 0 || try_as(w, "school_a", sqls[i], why, sizeof why) != 0)
			fail_msg("toegestaan: %s", sqls[i]);
	}
	/* the owner's writes are audited */
	{
		long before = harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie = 'config-update'");
		harness_exec(w->su, "UPDATE scholenkring SET naam = naam");
		assert_int_equal(harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie = 'config-update'"),
				 before + 1);
	}
}

/* (e) queue_dossier_match ignored the voorlopige aanmelding (a name-prefix
 * oracle), dossier_alleen_voorlopig answered for any organisatie's dossier,
 * and hulpvraag_telling showed the SWV counts of voorlopige aanmeldingen. */
static void hole_e_voorlopige_aanmelding(void **state)
{
	struct world *w = *state;
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT * FROM queue_dossier_match(%ld, 'jansen%%', 'jansen%%')", w->org_a);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "SELECT * FROM queue_dossier_match(%ld, 'de vries%%', 'de vries%%')", w->org_a);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 1); /* positive control */
	snprintf(sql, sizeof sql, "SELECT dossier_alleen_voorlopig(%ld)",
		 harness_long(w->su, "SELECT d.id FROM dossier d WHERE d.roepnaam = 'Anna'"));
	assert_int_equal(try_as(w, "sec_b", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 1); /* its own organisatie: the answer */
	assert_int_equal(try_as(w, "sec_a", "SELECT 1 FROM hulpvraag_telling WHERE voorlopig", NULL, 0), 0);
	/* nor a new hulpvraag on that dossier, whose sorteernaam the database
	 * would copy (and so tell the name) */
	snprintf(sql, sizeof sql, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, "
				  "status, status_categorie) VALUES (%ld, %ld, %ld, 'x', current_date, 'Nieuw', '') "
				  "RETURNING sorteernaam", w->org_a,
		 harness_long(w->su, "SELECT d.id FROM dossier d WHERE d.roepnaam = 'Anna'"), w->type_a);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "sec_a", "SELECT 1 FROM hulpvraag_telling WHERE NOT voorlopig", NULL, 0), 1);
}

/* issue 13 §7 (000): a voorlopige aanmelding is hidden from the SWV "met
 * uitzondering van de kindkans-applicatiebeheerders" — they read it, they
 * do not edit it; everyone else of the back office still does not see it. */
static void voorlopig_for_applicatiebeheer(void **state)
{
	struct world *w = *state;
	char sql[512];

	snprintf(sql, sizeof sql, "SELECT 1 FROM hulpvraag WHERE id = %ld", w->hv_anna);
	assert_int_equal(try_as(w, "adm_a", sql, NULL, 0), 1);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "coord_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "fin_a", sql, NULL, 0), 0);
	assert_int_equal(try_as(w, "sec_b", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "SELECT 1 FROM dossier d JOIN hulpvraag h ON h.dossier_id = d.id WHERE h.id = %ld",
		 w->hv_anna);
	assert_int_equal(try_as(w, "adm_a", sql, NULL, 0), 1); /* its dossier follows */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET titel = 'x' WHERE id = %ld", w->hv_anna);
	assert_int_equal(try_as(w, "adm_a", sql, NULL, 0), 0); /* reading, not editing */
}

/* The SECURITY DEFINER functions that stand in for the read policy of
 * hulpvraag see exactly what the policy lets each account see. */
static void definer_functions_match_the_policy(void **state)
{
	struct world *w = *state;
	static const char *const users[] = { "sec_a", "fin_a", "coord_a", "adm_a", "school_a", "extern_a", "sec_b",
					     "geen" };
	char all[256];
	snprintf(all, sizeof all, "ARRAY(SELECT generate_series(%ld, %ld))", w->hv_anna, w->hv_anna + 4);
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		struct db *app = harness_app_db(DBNAME);
		char sql[512];
		long policy, fn, rijen;
		db_set_account(app, harness_account(w->su, users[i]));
		policy = harness_long(app, "SELECT count(*) FROM hulpvraag");
		snprintf(sql, sizeof sql, "SELECT count(*) FROM queue_rijen(%s, array_fill(''::text, ARRAY[5]))", all);
		rijen = harness_long(app, sql);
		db_free(&app);
		/* the function itself, evaluated as the owner over every row */
		char tok[96];
		assert_int_equal(harness_token(w->su, harness_account(w->su, users[i]), tok, sizeof tok), 0);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FILTER (WHERE hulpvraag_zichtbaar(id, organisatie_id, voorlopig, aanvrager_id)) "
			 "  FROM (SELECT set_config('balie.token', '%s', true)) s, balie.hulpvraag", tok);
		fn = harness_long(w->su, sql);
		print_message("# %s: beleid %ld, hulpvraag_zichtbaar %ld, queue_rijen %ld\n", users[i], policy, fn, rijen);
		assert_int_equal(policy, fn);
		assert_int_equal(policy, rijen);
	}
}

/* status_wijzigen (SECURITY DEFINER) lets the aanvrager make its flow's
 * change without UPDATE rights, refuses what the flow refuses and what the
 * account cannot see, and never makes an automatic change on request. */
static void status_changes_follow_the_flow(void **state)
{
	struct world *w = *state;
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, 1, 'Nieuw', '', 'x@example.org', NULL, NULL) "
				  "WHERE uitkomst = 'ok'", w->hv_anna);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 1);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0); /* cannot see it */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, 1, 'In behandeling', '', NULL, NULL, NULL) "
				  "WHERE uitkomst = 'ok'", w->hv_bram);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0); /* not its transition */
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 1);
	assert_int_equal(try_as(w, "sec_b", sql, NULL, 0), 0);
	/* an automatic change only right after a new bijlage in the same transaction */
	snprintf(sql, sizeof sql, "SELECT set_config('balie.automatisch', 'on', true), "
				  "(SELECT uitkomst FROM status_wijzigen(%ld, 1, 'In behandeling', '', NULL, NULL, NULL))",
		 w->hv_bram);
	assert_int_equal(try_as(w, "school_a", sql, NULL, 0), 0);
	snprintf(sql, sizeof sql, "WITH a AS (SELECT set_config('balie.automatisch', 'on', true)) "
				  "UPDATE hulpvraag SET status = 'In behandeling' FROM a WHERE id = %ld RETURNING id",
		 w->hv_bram);
	assert_int_equal(try_as(w, "sec_a", sql, NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_the_whole_table),
		cmocka_unit_test(published_table_is_cores),
		cmocka_unit_test(hole_a_toegang_not_self_granted),
		cmocka_unit_test(hole_b_dossier_of_other_organisatie),
		cmocka_unit_test(hole_c_bijlage_content),
		cmocka_unit_test(hole_d_configuration),
		cmocka_unit_test(hole_e_voorlopige_aanmelding),
		cmocka_unit_test(voorlopig_for_applicatiebeheer),
		cmocka_unit_test(definer_functions_match_the_policy),
		cmocka_unit_test(status_changes_follow_the_flow),
	};
	return cmocka_run_group_tests_name("recht", tests, setup, teardown);
}
