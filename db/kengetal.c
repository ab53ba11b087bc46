/* kengetal.c — the kengetallen reads; see kengetal.h. */
#include "db/kengetal.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

static PGresult *jaar_query(struct db *db, long org, int jaar, const char *sql, struct err *e)
{
	char so[24], sj[24];
	const char *p[2] = { db_num(so, sizeof so, org), db_num(sj, sizeof sj, jaar) };
	enum db_failure kind;
	return db_exec_as_account(db, e, &kind, sql, 2, p);
}

int db_kengetallen(struct db *db, long org, int jaar, struct kengetal_rij **out, size_t *n, struct err *e)
{
	PGresult *r = jaar_query(db, org, jaar,
				 "SELECT bestuur, school, brin, soort, categorie, aantal, bedrag_cent "
				 "  FROM kengetallen($1, $2)",
				 e);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	size_t rows = (size_t)PQntuples(r);
	struct kengetal_rij *k = calloc(rows ? rows : 1, sizeof *k);
	if (!k) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (size_t i = 0; i < rows; i++) {
		int row = (int)i;
		DB_COPY(k[i].bestuur, r, row, 0);
		DB_COPY(k[i].school, r, row, 1);
		DB_COPY(k[i].brin, r, row, 2);
		k[i].soort = strcmp(PQgetvalue(r, row, 3), "tlv") ? KENGETAL_ARRANGEMENT : KENGETAL_TLV;
		DB_COPY(k[i].categorie, r, row, 4);
		k[i].aantal = atol(PQgetvalue(r, row, 5));
		k[i].bedrag = atoll(PQgetvalue(r, row, 6));
	}
	PQclear(r);
	*out = k;
	*n = rows;
	return 0;
}

int db_doorlooptijden(struct db *db, long org, int jaar, struct kengetal_doorloop **out, size_t *n,
		      struct err *e)
{
	PGresult *r = jaar_query(db, org, jaar, "SELECT aanvraagtype, dagen FROM doorlooptijden($1, $2)", e);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	size_t rows = (size_t)PQntuples(r), ng = 0;
	long *dagen = calloc(rows ? rows : 1, sizeof *dagen);
	struct kengetal_doorloop *g = calloc(rows ? rows : 1, sizeof *g);
	if (!dagen || !g) {
		free(dagen);
		free(g);
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	/* rows come sorted by type: each run of one type is one group */
	for (size_t i = 0; i < rows;) {
		size_t j = i;
		const char *type = PQgetvalue(r, (int)i, 0);
		while (j < rows && !strcmp(PQgetvalue(r, (int)j, 0), type)) {
			dagen[j - i] = atol(PQgetvalue(r, (int)j, 1));
			j++;
		}
		db_copy(g[ng].aanvraagtype, sizeof g[ng].aanvraagtype, type);
		kengetal_duur(dagen, j - i, &g[ng].duur);
		ng++;
		i = j;
	}
	free(dagen);
	PQclear(r);
	*out = g;
	*n = ng;
	return 0;
}

int db_tlv_export(struct db *db, long org, struct datum van, struct datum tot, struct kengetal_tlv **out,
		  size_t *n, struct err *e)
{
	char so[24], sv[DATUM_BUFLEN], st[DATUM_BUFLEN];
	const char *p[3] = { db_num(so, sizeof so, org), datum_format_iso(van, sv), datum_format_iso(tot, st) };
	enum db_failure kind;
	PGresult *r = db_exec_as_account(
		db, e, &kind,
		"SELECT nummer, achternaam, tussenvoegsel, voornamen, coalesce(to_char(geboortedatum, 'DD-MM-YYYY'), ''), "
		"       brin, vestiging, soort, to_char(startdatum, 'DD-MM-YYYY'), to_char(einddatum, 'DD-MM-YYYY'), "
		"       hulpvraag FROM tlv_export($1, $2, $3)",
		3, p);
	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	size_t rows = (size_t)PQntuples(r);
	struct kengetal_tlv *t = calloc(rows ? rows : 1, sizeof *t);
	if (!t) {
		PQclear(r);
		return err_set(e, "onvoldoende geheugen");
	}
	for (size_t i = 0; i < rows; i++) {
		int row = (int)i;
		DB_COPY(t[i].nummer, r, row, 0);
		DB_COPY(t[i].achternaam, r, row, 1);
		DB_COPY(t[i].tussenvoegsel, r, row, 2);
		DB_COPY(t[i].voornamen, r, row, 3);
		DB_COPY(t[i].geboortedatum, r, row, 4);
		DB_COPY(t[i].brin, r, row, 5);
		DB_COPY(t[i].vestiging, r, row, 6);
		DB_COPY(t[i].soort, r, row, 7);
		DB_COPY(t[i].start, r, row, 8);
		DB_COPY(t[i].eind, r, row, 9);
		t[i].hulpvraag = atol(PQgetvalue(r, row, 10));
	}
	PQclear(r);
	*out = t;
	*n = rows;
	return 0;
}
