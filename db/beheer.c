/* beheer.c — the administrator's configuration; see beheer.h. */
#include "db/beheer.h"

#include <libpq-fe.h>
#include <string.h>

#include "core/utf8.h"
#include "db/row.h"

int beheer_doe(struct db *db, const char *sql, int n, const char *const *p, char *out, size_t len, struct err *e)
{
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL, sql, n, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	db_copy(out, len, PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return db_commit(db, e);
}

/* The gemeenten as typed ("Asten; Someren") into an SQL array expression
 * of parameter n. */
#define GEMEENTEN(n) "CASE WHEN $" #n "::text IS NULL THEN NULL ELSE ARRAY(SELECT btrim(g) FROM " \
	"unnest(string_to_array($" #n ", ';')) g WHERE btrim(g) <> '') END"

static const struct {
	const char *sql;
	int n;
} acties[] = {
	[BA_ACCOUNT_BEWERKEN] = { "SELECT beheer_account_bewerken($1, $2, $3, $4)", 4 },
	[BA_ROL_ERBIJ] = { "SELECT beheer_rol_erbij($1, $2, $3, $4)", 4 },
	[BA_ROL_ERAF] = { "SELECT beheer_rol_eraf($1, $2, $3, $4)", 4 },
	[BA_SCHOOL_NIEUW] = { "SELECT beheer_school_nieuw($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11)", 11 },
	[BA_SCHOOL_BEWERKEN] = { "SELECT beheer_school_bewerken($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10)", 10 },
	[BA_SCHOOL_SLUITEN] = { "SELECT beheer_school_sluiten($1, $2, $3::date, $4)", 4 },
	[BA_MEDEWERKER] = { "SELECT beheer_medewerker($1, $2, $3, $4, $5::date, $6)", 6 },
	[BA_SCHOOL_BRIN] = { "SELECT beheer_school_brin($1, $2, $3, $4, $5::date, $6)", 6 },
	[BA_SCHOOL_SAMENVOEGEN] = { "SELECT beheer_school_samenvoegen($1, $2, $3, $4::date, $5)", 5 },
	[BA_BESTUUR_NIEUW] = { "SELECT beheer_bestuur_nieuw($1, $2, $3, $4, $5)", 5 },
	[BA_BESTUUR_BEWERKEN] = { "SELECT beheer_bestuur_bewerken($1, $2, $3, $4, $5, $6)", 6 },
	[BA_BESTUUR_OPHEFFEN] = { "SELECT beheer_bestuur_opheffen($1, $2, $3, $4::date, $5)", 5 },
	[BA_KRING_NIEUW] = { "SELECT beheer_kring_nieuw($1, $2, " GEMEENTEN(3) ", $4)", 4 },
	[BA_KRING_BEWERKEN] = { "SELECT beheer_kring_bewerken($1, $2, $3, " GEMEENTEN(4) ", $5)", 5 },
	[BA_KRING_COORDINATOR] = { "SELECT beheer_kring_coordinator($1, $2, $3, $4)", 4 },
	[BA_KRING_OPHEFFEN] = { "SELECT beheer_kring_opheffen($1, $2, $3, $4::date, $5)", 5 },
	[BA_OVERDRACHT] = { "SELECT beheer_overdracht($1, $2, $3, $4, $5::date, $6::boolean, $7)", 7 },
};

int beheer_actie(struct db *db, enum beheer_actie a, const char *const *p, char *out, size_t len, struct err *e)
{
	if ((size_t)a >= sizeof acties / sizeof acties[0] || !acties[a].sql)
		return err_set(e, "interne fout: onbekende beheeractie %d", (int)a);
	return beheer_doe(db, acties[a].sql, acties[a].n, p, out, len, e);
}

int beheer_import_begin(struct db *db, const char *org, struct err *e)
{
	const char *p[1] = {org};
	if (db_exec_script(db, "BEGIN", e) < 0)
		return -1;
	/* an unknown organisatie is one message, not one per row */
	PGresult *r = db_exec(db, e, NULL, "SELECT beheer_org($1)", 1, p);
	if (!r) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return 0;
}

int beheer_import_rij(struct db *db, const char *const p[9], char *out, size_t len, struct err *e)
{
	struct err ignore;
	if (db_exec_script(db, "SAVEPOINT rij", e) < 0)
		return -1;
	PGresult *r = db_exec(db, e, NULL, "SELECT beheer_school_import($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9, p);
	if (!r) {
		db_exec_script(db, "ROLLBACK TO SAVEPOINT rij", &ignore);
		return -1;
	}
	db_copy(out, len, PQgetvalue(r, 0, 0));
	PQclear(r);
	return db_exec_script(db, "RELEASE SAVEPOINT rij", e);
}

int beheer_import_klaar(struct db *db, struct err *e)
{
	return db_commit(db, e);
}

/* s in a column of width characters (not bytes: "Kiëm" is 4), cut at
 * width when longer, so a list fits 80 columns. */
static void put_col(FILE *out, const char *s, int width)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t left = strlen(s), k;
	int n = 0;

	while (left > 0 && n < width && (k = utf8_decode(u, left, NULL)) > 0) {
		fwrite(u, 1, k, out);
		u += k;
		left -= k;
		n++;
	}
	fprintf(out, "%*s", width - n + 1, "");
}

/* Prints every row of a query as columns of the given widths in
 * characters (the last one as it is). */
static int print_rows(struct db *db, const char *sql, int n, const char *const *p, const int *width, int ncol,
		      FILE *out, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, sql, n, p);
	if (!r)
		return -1;
	for (int i = 0; i < PQntuples(r); i++) {
		for (int c = 0; c + 1 < ncol; c++)
			put_col(out, PQgetvalue(r, i, c), width[c]);
		fprintf(out, "%s\n", PQgetvalue(r, i, ncol - 1));
	}
	PQclear(r);
	return 0;
}

int beheer_scholen(struct db *db, const char *org, int alle, FILE *out, struct err *e)
{
	static const int w[] = {6, 28, 19, 16, 0};
	const char *p[2] = {org, alle ? "t" : "f"};
	/* a closed school shows "gesloten <date>" where its plaats stood */
	fprintf(out, "%-6s %-28s %-19s %-16s %s\n", "BRIN", "NAAM", "PLAATS", "SCHOLENKRING", "BG");
	return print_rows(db,
			  "SELECT s.brin || coalesce(s.vestiging, ''), "
			  "       s.naam, "
			  "       coalesce('gesloten ' || to_char(s.gesloten_op, 'DD-MM-YYYY'), s.plaats, ''), "
			  "       coalesce(k.naam, '-'), coalesce(b.bevoegd_gezag, b.naam) "
			  "  FROM school s JOIN schoolbestuur b ON b.id = s.schoolbestuur_id "
			  "  LEFT JOIN scholenkring k ON k.id = s.scholenkring_id "
			  " WHERE s.organisatie_id = beheer_org($1) AND ($2::boolean OR s.gesloten_op IS NULL) "
			  " ORDER BY s.brin, s.vestiging NULLS FIRST",
			  2, p, w, 5, out, e);
}

int beheer_school_toon(struct db *db, const char *org, const char *ref, FILE *out, struct err *e)
{
	const char *p[2] = {org, ref};
	PGresult *r = db_exec(db, e, NULL,
			      "SELECT s.id, s.brin || coalesce(s.vestiging, ''), s.naam, s.soort, coalesce(s.plaats, ''), "
			      "       coalesce(s.gemeente, ''), coalesce(b.bevoegd_gezag || ' ', '') || b.naam, "
			      "       coalesce(k.naam, '-'), coalesce(to_char(s.gesloten_op, 'DD-MM-YYYY'), ''), "
			      "       coalesce((SELECT o.brin || coalesce(o.vestiging, '') FROM school o "
			      "                  WHERE o.id = s.opgegaan_in), '') "
			      "  FROM beheer_school(beheer_org($1), $2) s JOIN schoolbestuur b ON b.id = s.schoolbestuur_id "
			      "  LEFT JOIN scholenkring k ON k.id = s.scholenkring_id",
			      2, p);
	if (!r)
		return -1;
	char id[24];
	DB_COPY(id, r, 0, 0);
	fprintf(out, "School       %s  %s (%s)\nPlaats       %s, %s\nBestuur      %s\nScholenkring %s\n",
		PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2), PQgetvalue(r, 0, 3), PQgetvalue(r, 0, 4),
		PQgetvalue(r, 0, 5), PQgetvalue(r, 0, 6), PQgetvalue(r, 0, 7));
	if (*PQgetvalue(r, 0, 8))
		fprintf(out, "Gesloten     per %s%s%s\n", PQgetvalue(r, 0, 8), *PQgetvalue(r, 0, 9) ? ", opgegaan in " : "",
			PQgetvalue(r, 0, 9));
	PQclear(r);
	static const int wm[] = {12, 12, 20, 0};
	static const int wh[] = {10, 12, 0};
	const char *q[1] = {id};
	fprintf(out, "\nMedewerkers\n");
	if (print_rows(db,
		       "SELECT to_char(m.vanaf, 'DD-MM-YYYY'), coalesce(to_char(m.tot, 'DD-MM-YYYY'), 'nu'), "
		       "       a.username, m.functie "
		       "  FROM school_medewerker m JOIN account a ON a.id = m.account_id "
		       " WHERE m.school_id = $1 ORDER BY m.vanaf, m.id",
		       1, q, wm, 4, out, e) < 0)
		return -1;
	fprintf(out, "\nGeschiedenis\n");
	return print_rows(db,
			  "SELECT to_char(h.per, 'DD-MM-YYYY'), h.wat, "
			  "       concat_ws(' → ', h.oud, h.nieuw) || '  (' || " DB_MOMENT("h.op") " || ', ' || h.door || ')' "
			  "  FROM school_historie h WHERE h.school_id = $1 ORDER BY h.per, h.id",
			  1, q, wh, 3, out, e);
}

int beheer_besturen(struct db *db, const char *org, FILE *out, struct err *e)
{
	static const int w[] = {5, 46, 7, 0};
	const char *p[1] = {org};
	fprintf(out, "%-5s %-46s %-7s %s\n", "BG", "NAAM", "SCHOLEN", "STATUS");
	return print_rows(db,
			  "SELECT coalesce(b.bevoegd_gezag, '-'), b.naam, "
			  "       (SELECT count(*) FROM school s WHERE s.schoolbestuur_id = b.id AND s.gesloten_op IS NULL), "
			  "       coalesce('opgeheven ' || to_char(b.gesloten_op, 'DD-MM-YYYY'), 'actief') "
			  "  FROM schoolbestuur b WHERE b.organisatie_id = beheer_org($1) ORDER BY b.naam",
			  1, p, w, 4, out, e);
}

int beheer_kringen(struct db *db, const char *org, FILE *out, struct err *e)
{
	static const int w[] = {28, 16, 7, 0};
	const char *p[1] = {org};
	fprintf(out, "%-28s %-17s %-7s %s\n", "SCHOLENKRING", "COÖRDINATOR", "SCHOLEN", "GEMEENTEN");
	return print_rows(db,
			  "SELECT k.naam || CASE WHEN k.gesloten_op IS NOT NULL THEN ' (opgeheven)' ELSE '' END, "
			  "       coalesce(a.username, '-'), "
			  "       (SELECT count(*) FROM school s WHERE s.scholenkring_id = k.id AND s.gesloten_op IS NULL), "
			  "       array_to_string(k.gemeenten, '; ') "
			  "  FROM scholenkring k LEFT JOIN account a ON a.id = k.coordinator_id "
			  " WHERE k.organisatie_id = beheer_org($1) ORDER BY k.gesloten_op NULLS FIRST, k.naam",
			  1, p, w, 4, out, e);
}
