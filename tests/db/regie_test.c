/* regie_test.c — the regierolhouder (seed 003, migration 030_regie.sql).
 *
 * In organisatie A regie_a is regierolhouder of Bram (chosen by the back
 * office through regierol_zetten) and member of a vergadering that has
 * Fien (hulpvraag_toegang kind vergadering); Anna (voorlopig) and Cem are
 * not hers.  regie_b is regierolhouder in organisatie B and linked to
 * nothing.  Every table that holds a hulpvraag_id or dossier_id (found in
 * the catalog, so a table added later is checked too) gets rows for every
 * hulpvraag, and is read as both, by direct SQL as balie_app:
 *   - regie_a sees rows of Bram and Fien only, and something of both;
 *   - regie_b sees nothing at all;
 *   - every UPDATE and DELETE, and the INSERTs a careless program would
 *     send, are refused; only status_wijzigen and bijlage_toevoegen work,
 *     and only on her hulpvragen;
 *   - choosing a regierolhouder: the back office only, a regierolhouder of
 *     the same organisatie only, one per hulpvraag, audited, a mail without
 *     the pupil's name.
 */
#include "tests/db/harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/migrate.h"

#define DBNAME "t_regie"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su;
	long org_a, org_b, hv_anna, hv_bram, hv_cem, hv_fien, hv_dirk;
	long d_bram, d_fien;
};

static long su_long(struct world *w, const char *fmt, long arg)
{
	char sql[1024];
	snprintf(sql, sizeof sql, fmt, arg);
	return harness_long(w->su, sql);
}

/* Runs sql as balie_app acting for username, in a transaction rolled back
 * (commit: committed instead).  Returns the rows returned or touched, or
 * -1 when the database refused (why gets the message). */
static long as(struct world *w, const char *username, const char *sql, int commit, char *why, size_t whylen)
{
	struct db *app = harness_app_db(DBNAME);
	struct err e;
	PGresult *r;
	long n = -1;

	err_clear(&e);
	db_set_account(app, harness_account(w->su, username));
	if (db_begin(app, &e) < 0)
		fail_msg("BEGIN: %s", e.msg);
	r = db_exec(app, &e, NULL, sql, 0, NULL);
	if (why)
		snprintf(why, whylen, "%s", r ? "" : e.msg);
	if (r) {
		const char *ct = PQcmdTuples(r);
		n = PQntuples(r) > 0 ? PQntuples(r) : ct && *ct ? atol(ct) : 0;
		/* a count(*): its value */
		if (PQntuples(r) == 1 && PQnfields(r) == 1 && !strcmp(PQfname(r, 0), "count"))
			n = atol(PQgetvalue(r, 0, 0));
		PQclear(r);
	}
	if (commit && r) {
		if (db_commit(app, &e) < 0)
			fail_msg("COMMIT: %s", e.msg);
	} else {
		db_rollback(app);
	}
	db_free(&app);
	return n;
}

static long as_count(struct world *w, const char *username, const char *sql)
{
	char why[512];
	long n = as(w, username, sql, 0, why, sizeof why);
	/* a table the application role may not read at all: nothing seen */
	if (n < 0 && strstr(why, "permission denied"))
		return 0;
	if (n < 0)
		fail_msg("%s: %s: %s", username, sql, why);
	return n;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	harness_fin_adm(w->su, HASH);
	harness_exec(w->su, "INSERT INTO account (username, naam, email, wachtwoord_hash) VALUES "
			    "('regie_a', 'Regie Alfa', 'regie.a@example.nl', '" HASH "'), "
			    "('regie2_a', 'Regie Twee', NULL, '" HASH "'), "
			    "('regie_b', 'Regie Beta', 'regie.b@example.nl', '" HASH "')");
	harness_exec(w->su, "INSERT INTO account_rol SELECT a.id, o.id, 'regierolhouder' FROM (VALUES "
			    "('regie_a', 'PO1111'), ('regie2_a', 'PO1111'), ('regie_b', 'PO2222')) v(u, c) "
			    "JOIN account a ON a.username = v.u JOIN organisatie o ON o.code = v.c");
	/* the regierolhouder moves the flow on (003 §4 stap 4) */
	harness_exec(w->su, "INSERT INTO flow_transitie (aanvraagtype_id, van, naar, rol) "
			    "SELECT id, 'Nieuw', 'In behandeling', 'regierolhouder' FROM aanvraagtype");
	w->org_a = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO1111'");
	w->org_b = harness_long(w->su, "SELECT id FROM organisatie WHERE code = 'PO2222'");
	/* Fien: one more hulpvraag of A, hers through a vergadering */
	harness_exec(w->su, "INSERT INTO dossier (organisatie_id, niveau, roepnaam, achternaam, sorteernaam) "
			    "SELECT id, 'leerling', 'Fien', 'Visser', 'visser fien' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			    "status_categorie) SELECT d.organisatie_id, d.id, a.id, 'Ondersteuningsvraag', DATE '2026-10-01', "
			    "'Nieuw', '' FROM dossier d JOIN aanvraagtype a ON a.organisatie_id = d.organisatie_id "
			    "WHERE d.roepnaam = 'Fien'");
#define HV(naam) harness_long(w->su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id " \
				     "WHERE d.roepnaam = '" naam "'")
	w->hv_anna = HV("Anna");
	w->hv_bram = HV("Bram");
	w->hv_cem = HV("Cem");
	w->hv_fien = HV("Fien");
	w->hv_dirk = HV("Dirk");
#undef HV
	w->d_bram = su_long(w, "SELECT dossier_id FROM hulpvraag WHERE id = %ld", w->hv_bram);
	w->d_fien = su_long(w, "SELECT dossier_id FROM hulpvraag WHERE id = %ld", w->hv_fien);
	harness_exec(w->su, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, tot) "
			    "SELECT h.id, a.id, 'vergadering', DATE '2099-01-01' FROM hulpvraag h "
			    "  JOIN dossier d ON d.id = h.dossier_id, account a "
			    " WHERE d.roepnaam = 'Fien' AND a.username = 'regie_a'");

	/* rows in every table that hangs from a hulpvraag or dossier, for
	 * every hulpvraag (as the owner: what the program would have made) */
	harness_exec(w->su, "INSERT INTO schoolbestuur (organisatie_id, naam) SELECT id, 'Bestuur' FROM organisatie");
	harness_exec(w->su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) "
			    "SELECT b.organisatie_id, b.id, CASE o.code WHEN 'PO1111' THEN '11AA' ELSE '22BB' END, 'School' "
			    "  FROM schoolbestuur b JOIN organisatie o ON o.id = b.organisatie_id");
	harness_exec(w->su, "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf) "
			    "SELECT id, organisatie_id, 'woonadres', 'Straat', '1', '1234 AB', 'Plaats', DATE '2020-01-01' FROM dossier");
	harness_exec(w->su, "INSERT INTO relatie (dossier_id, organisatie_id, soort, naam) "
			    "SELECT id, organisatie_id, 'ouder', 'Ouder' FROM dossier");
	harness_exec(w->su, "INSERT INTO schoolgegevens (dossier_id, organisatie_id, school_id, vanaf) "
			    "SELECT d.id, d.organisatie_id, s.id, DATE '2020-08-01' FROM dossier d "
			    "  JOIN school s ON s.organisatie_id = d.organisatie_id");
	harness_exec(w->su, "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar) "
			    "SELECT id, organisatie_id, NULL, status FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) "
			    "SELECT id, encode(sha256('\\x41'::bytea), 'hex'), '\\x41'::bytea FROM organisatie");
	harness_exec(w->su, "INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie) "
			    "SELECT id, organisatie_id, 'a.txt', 1, encode(sha256('\\x41'::bytea), 'hex'), "
			    "'text/plain', 'overig' FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO formulier_definitie (organisatie_id, code, naam, versie, bron, bron_sha256, "
			    "geladen_door) SELECT id, 'test', 'Test', 1, 'formulier {}', repeat('a', 64), 'test' FROM organisatie");
	harness_exec(w->su, "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) "
			    "SELECT h.id, h.organisatie_id, f.id FROM hulpvraag h "
			    "JOIN formulier_definitie f ON f.organisatie_id = h.organisatie_id");
	harness_exec(w->su, "INSERT INTO label (organisatie_id, naam) SELECT id, 'spoed' FROM organisatie");
	harness_exec(w->su, "INSERT INTO hulpvraag_label (hulpvraag_id, label_id, organisatie_id) "
			    "SELECT h.id, l.id, h.organisatie_id FROM hulpvraag h JOIN label l ON l.organisatie_id = h.organisatie_id");
	harness_exec(w->su, "INSERT INTO notitie (hulpvraag_id, organisatie_id, account_id, tekst) "
			    "SELECT h.id, h.organisatie_id, a.id, 'notitie van het secretariaat' FROM hulpvraag h, account a "
			    " WHERE a.username = 'sec_a'");
	harness_exec(w->su, "INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) "
			    "SELECT organisatie_id, id, 'school@example.nl', 'Status', 'x' FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO aanpak (hulpvraag_id, organisatie_id, type) "
			    "SELECT id, organisatie_id, 'arrangement' FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO toewijzing (hulpvraag_id, organisatie_id, coordinator_id) "
			    "SELECT h.id, h.organisatie_id, a.id FROM hulpvraag h, account a WHERE a.username = 'coord_a'");
	harness_exec(w->su, "INSERT INTO antwoord_token (hulpvraag_id, organisatie_id, sha256, verloopt_op) "
			    "SELECT id, organisatie_id, encode(sha256(id::text::bytea), 'hex'), now() + interval '1 day' "
			    "  FROM hulpvraag");
	harness_exec(w->su, "INSERT INTO tlv_beschikking (hulpvraag_id, dossier_id, organisatie_id) "
			    "SELECT id, dossier_id, organisatie_id FROM hulpvraag");

	/* Bram's regierolhouder, chosen by the secretariaat (committed) */
	char sql[200], why[512];
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_a'))",
		 w->hv_bram);
	if (as(w, "sec_a", sql, 1, why, sizeof why) != 1)
		fail_msg("regierol_zetten als sec_a: %s", why);
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

/* The tables with a hulpvraag_id or dossier_id column, and the column, as
 * "table column" lines (malloc'ed). */
static PGresult *linked_tables(struct world *w)
{
	PGconn *c = db_pg(w->su);
	PGresult *r = PQexec(c, "SELECT c.table_name, c.column_name FROM information_schema.columns c "
				"  JOIN information_schema.tables t ON t.table_schema = c.table_schema "
				"   AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
				" WHERE c.table_schema = 'balie' AND c.column_name IN ('hulpvraag_id', 'dossier_id') "
				"UNION ALL SELECT 'hulpvraag', 'id' UNION ALL SELECT 'dossier', 'id' ORDER BY 1, 2");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	assert_true(PQntuples(r) >= 20);
	return r;
}

/* regie_a reads only rows of her hulpvragen (Bram, Fien), and of each
 * table that the read rule lets involved externals see, some. */
static void reads_only_involved(void **state)
{
	struct world *w = *state;
	PGresult *t = linked_tables(w);
	char sql[600];
	int seen_tables = 0;

	for (int i = 0; i < PQntuples(t); i++) {
		const char *tab = PQgetvalue(t, i, 0), *col = PQgetvalue(t, i, 1);
		int dossier = !strcmp(col, "dossier_id") || !strcmp(tab, "dossier");
		long a = dossier ? w->d_bram : w->hv_bram, b = dossier ? w->d_fien : w->hv_fien;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM balie.%s", tab);
		long alle = harness_long(w->su, sql);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM balie.%s WHERE %s IS NOT NULL AND %s NOT IN (%ld, %ld)", tab,
			 col, col, a, b);
		long vreemd = as_count(w, "regie_a", sql);
		if (vreemd != 0)
			print_message("# %s.%s: regie_a ziet %ld rijen van hulpvragen die niet de hare zijn\n", tab, col,
				      vreemd);
		assert_int_equal(vreemd, 0);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM balie.%s", tab);
		long b_ziet = as_count(w, "regie_b", sql);
		if (b_ziet != 0)
			print_message("# %s: regie_b (andere organisatie, nergens betrokken) ziet %ld rijen\n", tab, b_ziet);
		assert_int_equal(b_ziet, 0);
		seen_tables += alle > 0 && as_count(w, "regie_a", sql) > 0;
	}
	PQclear(t);
	/* the hulpvragen and what an involved external reads of them */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id IN (%ld, %ld)", w->hv_bram, w->hv_fien);
	assert_int_equal(as_count(w, "regie_a", sql), 2);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM hulpvraag"), 2);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM dossier"), 2);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM bijlage_inhoud"), 1);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM formulier_waarde"), 0);
	/* not the SWV's internal things: labels, the outbox, others' notes */
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM label"), 0);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM outbox"), 0);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM notitie"), 0);
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM hulpvraag_telling"), 0);
	/* her own links, not those of others */
	assert_int_equal(as_count(w, "regie_a", "SELECT count(*) FROM hulpvraag_toegang"), 2);
	print_message("# %d tabellen met rijen die regie_a ziet\n", seen_tables);
	assert_true(seen_tables >= 8);
	/* the definer functions answer the same */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM regierol_van(%ld)", w->hv_bram);
	assert_int_equal(as_count(w, "regie_a", sql), 1);
	assert_int_equal(as_count(w, "sec_a", sql), 1);
	assert_int_equal(as_count(w, "sec_b", sql), 0);
	assert_int_equal(as_count(w, "regie2_a", sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM regierolhouders(%ld)", w->hv_bram);
	assert_int_equal(as_count(w, "sec_a", sql), 2);
	assert_int_equal(as_count(w, "regie_a", sql), 0);
	assert_int_equal(as_count(w, "school_a", sql), 0);
}

/* Every UPDATE and DELETE of those tables, and the INSERTs a program would
 * send, touch nothing as regie_a: on her own hulpvraag Bram. */
static void every_direct_write_refused(void **state)
{
	struct world *w = *state;
	PGresult *t = linked_tables(w);
	char sql[800], why[512];
	int tried = 0;

	for (int i = 0; i < PQntuples(t); i++) {
		const char *tab = PQgetvalue(t, i, 0), *col = PQgetvalue(t, i, 1);
		long id = !strcmp(col, "dossier_id") || !strcmp(tab, "dossier") ? w->d_bram : w->hv_bram;
		snprintf(sql, sizeof sql, "UPDATE balie.%s SET %s = %s WHERE %s = %ld", tab, col, col, col, id);
		long n = as(w, "regie_a", sql, 0, why, sizeof why);
		if (n > 0)
			print_message("# toegestaan: %s\n", sql);
		assert_true(n <= 0);
		snprintf(sql, sizeof sql, "DELETE FROM balie.%s WHERE %s = %ld", tab, col, id);
		n = as(w, "regie_a", sql, 0, why, sizeof why);
		if (n > 0)
			print_message("# toegestaan: %s\n", sql);
		assert_true(n <= 0);
		tried += 2;
	}
	PQclear(t);

	const char *const inserts[] = {
		"INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, status_categorie) "
		"SELECT organisatie_id, dossier_id, aanvraagtype_id, 'Nieuw', current_date, 'Nieuw', '' FROM hulpvraag "
		"WHERE id = %ld",
		"INSERT INTO dossier (organisatie_id, niveau, roepnaam, achternaam, sorteernaam) "
		"SELECT organisatie_id, 'leerling', 'X', 'Y', 'y x' FROM hulpvraag WHERE id = %ld",
		"INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door) "
		"SELECT id, organisatie_id, NULL, status, acting_account() FROM hulpvraag WHERE id = %ld",
		"INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort) "
		"SELECT h.id, acting_account(), 'extra_toegang' FROM hulpvraag h WHERE h.id <> %ld",
		"INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie) "
		"SELECT id, organisatie_id, 'b.txt', 1, repeat('b', 64), 'text/plain', 'overig' FROM hulpvraag WHERE id = %ld",
		"INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id) SELECT h.id, h.organisatie_id, f.id "
		"FROM hulpvraag h JOIN formulier_definitie f ON f.organisatie_id = h.organisatie_id WHERE h.id = %ld",
		"INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
		"SELECT id, organisatie_id, 'x', 'y' FROM formulier WHERE hulpvraag_id = %ld",
		"INSERT INTO notitie (hulpvraag_id, organisatie_id, account_id, tekst) "
		"SELECT id, organisatie_id, acting_account(), 'mijn notitie' FROM hulpvraag WHERE id = %ld",
		"INSERT INTO hulpvraag_label (hulpvraag_id, label_id, organisatie_id) "
		"SELECT h.id, l.id, h.organisatie_id FROM hulpvraag h, label l WHERE h.id = %ld",
		"INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst) "
		"SELECT organisatie_id, id, 'x@example.nl', 's', 't' FROM hulpvraag WHERE id = %ld",
		"INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf) "
		"SELECT dossier_id, organisatie_id, 'postadres', 'S', '2', '1234 AB', 'P', current_date FROM hulpvraag "
		"WHERE id = %ld",
		"INSERT INTO aanpak (hulpvraag_id, organisatie_id, type) SELECT id, organisatie_id, 'x' FROM hulpvraag "
		"WHERE id = %ld",
		"UPDATE hulpvraag SET status = 'In behandeling' WHERE id = %ld",
		"UPDATE formulier_waarde SET waarde = 'z' WHERE formulier_id IN (SELECT id FROM formulier WHERE "
		"hulpvraag_id = %ld)",
		"INSERT INTO label (organisatie_id, naam) SELECT organisatie_id, 'nieuw' FROM hulpvraag WHERE id = %ld",
		"INSERT INTO account_rol (account_id, organisatie_id, rol) SELECT acting_account(), organisatie_id, "
		"'coordinator' FROM hulpvraag WHERE id = %ld",
	};
	for (size_t i = 0; i < sizeof inserts / sizeof inserts[0]; i++) {
		snprintf(sql, sizeof sql, inserts[i], w->hv_bram);
		long n = as(w, "regie_a", sql, 0, why, sizeof why);
		if (n > 0)
			print_message("# toegestaan: %s\n", sql);
		assert_true(n <= 0);
		tried++;
	}
	print_message("# %d schrijfopdrachten als regierolhouder geprobeerd, alle geweigerd\n", tried);
}

/* Her writes go through balie's functions, on her hulpvragen only. */
static void writes_through_the_functions(void **state)
{
	struct world *w = *state;
	char sql[400], why[512];

	/* the flow's transition for regierolhouder, on Bram: ok; on Cem: gone */
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, (SELECT version FROM hulpvraag WHERE id = %ld), "
				  "'In behandeling', 'opgepakt', NULL, NULL, NULL) WHERE uitkomst = 'ok'", w->hv_bram,
		 w->hv_bram);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT uitkomst FROM status_wijzigen(%ld, 1, 'In behandeling', '', NULL, NULL, NULL) "
				  "WHERE uitkomst = 'ok'", w->hv_cem);
	long n = as(w, "regie_a", sql, 0, why, sizeof why);
	if (n > 0)
		print_message("# %s: %ld\n", sql, n);
	assert_true(n <= 0);
	/* a bijlage (003 §5): on Bram yes, on Cem and Dirk no */
	snprintf(sql, sizeof sql, "SELECT * FROM bijlage_toevoegen(%ld, 'verslag.txt', 'text/plain', 'overig', '\\x42', NULL)",
		 w->hv_bram);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT * FROM bijlage_toevoegen(%ld, 'verslag.txt', 'text/plain', 'overig', '\\x42', NULL)",
		 w->hv_cem);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), -1);
	snprintf(sql, sizeof sql, "SELECT * FROM bijlage_toevoegen(%ld, 'verslag.txt', 'text/plain', 'overig', '\\x42', NULL)",
		 w->hv_dirk);
	assert_int_equal(as(w, "regie_b", sql, 0, why, sizeof why), -1);
	/* choosing a regierolhouder is not hers */
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, acting_account())", w->hv_bram);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), -1);
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, acting_account())", w->hv_fien);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), -1);
}

/* Who may choose, whom, and what it leaves behind. */
static void choosing_the_regierolhouder(void **state)
{
	struct world *w = *state;
	char sql[400], why[512];
	static const struct {
		const char *user;
		int may;
	} roles[] = {
		{ "sec_a", 1 }, { "coord_a", 1 }, { "adm_a", 1 }, { "fin_a", 0 },
		{ "school_a", 0 }, { "extern_a", 0 }, { "regie2_a", 0 }, { "sec_b", 0 },
	};

	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = "
					  "'regie2_a'))", w->hv_bram);
		long n = as(w, roles[i].user, sql, 0, why, sizeof why);
		if ((n == 1) != roles[i].may)
			print_message("# %s: %s (%s)\n", roles[i].user, n == 1 ? "toegestaan" : "geweigerd", why);
		assert_int_equal(n == 1, roles[i].may);
	}
	/* only a regierolhouder of the same organisatie */
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_b'))",
		 w->hv_cem);
	assert_int_equal(as(w, "sec_a", sql, 0, why, sizeof why), -1);
	assert_non_null(strstr(why, "geen regierolhouder"));
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'coord_a'))",
		 w->hv_cem);
	assert_int_equal(as(w, "sec_a", sql, 0, why, sizeof why), -1);
	/* not on a voorlopige aanmelding, not in another organisatie */
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_a'))",
		 w->hv_anna);
	assert_int_equal(as(w, "adm_a", sql, 0, why, sizeof why), -1);
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_b'))",
		 w->hv_dirk);
	assert_int_equal(as(w, "sec_a", sql, 0, why, sizeof why), -1);

	/* Cem to regie_a, then to regie2_a: one regierolhouder, regie_a loses it */
	long audit0 = harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie LIKE 'regierol%'");
	long mail0 = harness_long(w->su, "SELECT count(*) FROM outbox WHERE aan = 'regie.a@example.nl'");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie_a", sql), 0);
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_a'))",
		 w->hv_cem);
	assert_int_equal(as(w, "sec_a", sql, 1, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie_a", sql), 1);
	/* the same again: nothing new, no second mail */
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie_a'))",
		 w->hv_cem);
	assert_int_equal(as(w, "sec_a", sql, 1, why, sizeof why), 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE aan = 'regie.a@example.nl'"), mail0 + 1);
	/* the mail names the number, never the pupil */
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE aan = 'regie.a@example.nl' "
					     "AND (onderwerp || tekst) ~* '(cem|yılmaz|yilmaz)'"), 0);
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, (SELECT id FROM account WHERE username = 'regie2_a'))",
		 w->hv_cem);
	assert_int_equal(as(w, "coord_a", sql, 1, why, sizeof why), 1);
	assert_int_equal(su_long(w, "SELECT count(*) FROM hulpvraag_toegang WHERE hulpvraag_id = %ld AND soort = 'regierol'",
				 w->hv_cem), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie_a", sql), 0);
	assert_int_equal(as_count(w, "regie2_a", sql), 1);
	/* and off again */
	snprintf(sql, sizeof sql, "SELECT * FROM regierol_zetten(%ld, NULL)", w->hv_cem);
	assert_int_equal(as(w, "sec_a", sql, 1, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie2_a", sql), 0);
	/* every change in the audit log, ids only */
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie LIKE 'regierol%'"), audit0 + 3);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM audit_log WHERE actie LIKE 'regierol%' "
					     "AND detail !~ '^account [0-9-]+( \\(was [0-9]+\\))?$'"), 0);
}

/* 003 §3: "Bij BEHANDELAAR voeg je regierolhouder toe": the aanpak's
 * behandelaar may be a regierolhouder (kind aanpak, until its end). */
static void behandelaar_of_an_aanpak(void **state)
{
	struct world *w = *state;
	char sql[400], why[512];

	harness_exec(w->su, "UPDATE aanpak SET startdatum = DATE '2026-09-01', einddatum = DATE '2099-01-01'");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie2_a", sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM aanpak_behandelaars(%ld) b JOIN account a ON a.id = b.account_id "
				  "WHERE a.username = 'regie2_a'", w->hv_cem);
	assert_int_equal(as_count(w, "coord_a", sql), 1);
	snprintf(sql, sizeof sql, "SELECT * FROM aanpak_behandelaar(%ld, (SELECT id FROM account WHERE username = "
				  "'regie2_a'), true)", w->hv_cem);
	assert_int_equal(as(w, "regie_a", sql, 0, why, sizeof why), -1);
	assert_int_equal(as(w, "coord_a", sql, 1, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie2_a", sql), 1);
	/* not the school, not a back-office account */
	snprintf(sql, sizeof sql, "SELECT * FROM aanpak_behandelaar(%ld, (SELECT id FROM account WHERE username = "
				  "'school_a'), true)", w->hv_cem);
	assert_int_equal(as(w, "coord_a", sql, 0, why, sizeof why), -1);
	snprintf(sql, sizeof sql, "SELECT * FROM aanpak_behandelaar(%ld, (SELECT id FROM account WHERE username = "
				  "'regie2_a'), false)", w->hv_cem);
	assert_int_equal(as(w, "coord_a", sql, 1, why, sizeof why), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE id = %ld", w->hv_cem);
	assert_int_equal(as_count(w, "regie2_a", sql), 0);
}

/* Migration 030 on a database that has PO2811 data from before it: the
 * coördinator of a hulpvraag of a po2811 organisatie becomes its
 * regierolhouder (and keeps the coordinator role); another profile is left
 * alone. */
static void migration_of_existing_data(void **state)
{
	(void)state;
	struct db *su = harness_fresh_db("t_regie_mig");
	struct err e;
	char sql[200];

	err_clear(&e);
	for (const struct migration *m = migrations; m->name && m->version < 30; m++) {
		harness_exec(su, "BEGIN");
		if (m->version > 1)
			harness_exec(su, "SET LOCAL ROLE balie_owner");
		if (db_exec_script(su, m->sql, &e) < 0)
			fail_msg("%s: %s", m->name, e.msg);
		snprintf(sql, sizeof sql, "INSERT INTO balie.schema_version (version, name) VALUES (%d, 'x')", m->version);
		harness_exec(su, sql);
		harness_exec(su, "COMMIT");
	}
	harness_fixture(su, HASH);
	harness_exec(su, "UPDATE organisatie SET profiel = 'po2811' WHERE code = 'PO1111'");
	harness_exec(su, "UPDATE hulpvraag h SET coordinator_id = (SELECT id FROM account WHERE username = 'coord_a') "
			 "FROM dossier d WHERE d.id = h.dossier_id AND d.roepnaam IN ('Bram', 'Cem')");
	harness_exec(su, "UPDATE hulpvraag h SET coordinator_id = (SELECT id FROM account WHERE username = 'sec_b') "
			 "FROM dossier d WHERE d.id = h.dossier_id AND d.roepnaam = 'Dirk'");
	if (migrate_up(su, NULL, &e) < 0)
		fail_msg("migreren: %s", e.msg);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account_rol r JOIN account a ON a.id = r.account_id "
					  "WHERE a.username = 'coord_a' AND r.rol IN ('coordinator', 'regierolhouder')"), 2);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag_toegang t JOIN account a ON a.id = t.account_id "
					  "JOIN hulpvraag h ON h.id = t.hulpvraag_id JOIN dossier d ON d.id = h.dossier_id "
					  "WHERE a.username = 'coord_a' AND t.soort = 'regierol' AND d.roepnaam IN ('Bram', 'Cem')"), 2);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM account_rol WHERE rol = 'regierolhouder'"), 1);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag_toegang WHERE soort = 'regierol'"), 2);
	db_free(&su);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_only_involved),
		cmocka_unit_test(every_direct_write_refused),
		cmocka_unit_test(writes_through_the_functions),
		cmocka_unit_test(choosing_the_regierolhouder),
		cmocka_unit_test(behandelaar_of_an_aanpak),
		cmocka_unit_test(migration_of_existing_data),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
