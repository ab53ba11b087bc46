/* demoforms.c — filled aanvraag-tlv forms for the demo; see demoforms.h. */
#include "db/demoforms.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datum.h"
#include "core/form.h"

/* Sets the value of key (must exist in the definition). */
static void put(const struct form_def *d, const char **values, const char *key, const char *v)
{
	int k = form_field_index(d, key);
	if (k >= 0)
		values[k] = v;
}

/* One form for hulpvraag row i of r; 0 / -1. */
static int fill_one(struct db *db, const struct form_def *d, const char *def_id, const char *school, PGresult *r,
		    int i, struct err *e)
{
	const char *values[FORM_MAX_FIELDS] = { 0 };
	long nummer = atol(PQgetvalue(r, i, 1));
	struct datum dt, start, end;
	char s_start[DATUM_BUFLEN], s_end[DATUM_BUFLEN];
	struct err pe;

	if (datum_parse_iso(PQgetvalue(r, i, 3), &dt, &pe) < 0)
		return err_set(e, "demo: datum van hulpvraag %ld onleesbaar", nummer);
	/* start on the 1st of the second month after the aanvraag, two school years */
	start = datum_make(dt.m >= 11 ? dt.y + 1 : dt.y, (dt.m + 1) % 12 + 1, 1);
	end = datum_add_days(datum_make(start.y + 2, start.m, 1), -1);
	datum_format_iso(start, s_start);
	datum_format_iso(end, s_end);
	static const char *const soort[] = { "SBO", "SO categorie laag", "SO categorie midden", "SO categorie hoog" };
	put(d, values, "verlenging", "nee");
	put(d, values, "soort_tlv", soort[nummer % 4]);
	put(d, values, "emb", nummer % 4 == 3 ? "ja" : "nee");
	put(d, values, "startdatum", s_start);
	put(d, values, "einddatum", s_end);
	put(d, values, "betrokkenheid_school", "ja");
	put(d, values, "ondersteuning", "Zie het OPP, hoofdstuk ondersteuningsbehoeften.\n"
					"De leerling heeft een kleine groep en veel structuur nodig.");
	put(d, values, "zorg_jeugdzorg", nummer % 2 ? "Ambulante begeleiding via het wijkteam." : NULL);
	put(d, values, "akkoord_ouders", nummer % 5 == 0 ? "nee" : "ja");
	put(d, values, "zienswijze_ouders",
	    nummer % 5 == 0 ? "Ouders willen eerst een gesprek met de toekomstige school." : NULL);
	put(d, values, "akkoord_organisatie", "ja");
	put(d, values, "bestuur_bevoegde", school[0] ? school : NULL);
	/* by position, not nummer: a small demo has a few too */
	put(d, values, "akkoord_bestuur", i % 4 == 1 ? NULL : "ja");

	const char *pf[5] = { PQgetvalue(r, i, 0), PQgetvalue(r, i, 2), def_id,
			      form_complete(d, values) ? "t" : "f", school[0] ? school : NULL };
	PGresult *f = db_exec(db, e, NULL,
			      "INSERT INTO formulier (hulpvraag_id, organisatie_id, definitie_id, compleet, aangemaakt_door, "
			      "gewijzigd_door, aangemaakt_op, gewijzigd_op) "
			      "SELECT h.id, h.organisatie_id, $3, $4, $5, $5, h.datum + time '10:00', h.datum + time '14:30' + interval '1 day' "
			      "  FROM hulpvraag h WHERE h.id = $1 AND h.organisatie_id = $2 RETURNING id",
			      5, pf);
	if (!f)
		return -1;
	char fid[24];
	snprintf(fid, sizeof fid, "%s", PQgetvalue(f, 0, 0));
	PQclear(f);
	for (size_t k = 0; k < d->nfields; k++) {
		if (!values[k])
			continue;
		const char *pv[4] = { fid, PQgetvalue(r, i, 2), d->fields[k].key, values[k] };
		PGresult *w = db_exec(db, e, NULL,
				      "INSERT INTO formulier_waarde (formulier_id, organisatie_id, veld, waarde) "
				      "VALUES ($1, $2, $3, $4)",
				      4, pv);
		if (!w)
			return -1;
		PQclear(w);
	}
	return 0;
}

int demoforms_load(struct db *db, long *filled, struct err *e)
{
	struct form_def *d = NULL;
	char def_id[24], school[24] = "";
	PGresult *r;
	int rc = -1;

	if (filled)
		*filled = 0;
	r = db_exec(db, e, NULL,
		    "SELECT d.id, d.bron, coalesce((SELECT a.id::text FROM account a WHERE a.username = 'school'), '') "
		    "  FROM formulier_definitie d JOIN organisatie o ON o.id = d.organisatie_id "
		    " WHERE o.code = 'PO3008' AND d.code = 'aanvraag-tlv' AND d.actief",
		    0, NULL);
	if (!r)
		return -1;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return 0; /* no such form published: nothing to fill */
	}
	snprintf(def_id, sizeof def_id, "%s", PQgetvalue(r, 0, 0));
	snprintf(school, sizeof school, "%s", PQgetvalue(r, 0, 2));
	if (form_parse(PQgetvalue(r, 0, 1), strlen(PQgetvalue(r, 0, 1)), "aanvraag-tlv.form", &d, NULL, NULL, e) < 0) {
		PQclear(r);
		return -1;
	}
	PQclear(r);
	r = db_exec(db, e, NULL,
		    "SELECT h.id, h.nummer, h.organisatie_id, h.datum FROM hulpvraag h "
		    "  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id JOIN organisatie o ON o.id = h.organisatie_id "
		    " WHERE o.code = 'PO3008' AND t.naam = 'Aanvraag TLV' AND h.status = 'TLV>aanvraag' ORDER BY h.nummer",
		    0, NULL);
	if (!r)
		goto out;
	for (int i = 0; i < PQntuples(r); i++)
		if (fill_one(db, d, def_id, school, r, i, e) < 0) {
			PQclear(r);
			goto out;
		}
	if (filled)
		*filled = PQntuples(r);
	PQclear(r);
	rc = 0;
out:
	form_free(&d);
	return rc;
}
