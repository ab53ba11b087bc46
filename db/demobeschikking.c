/* demobeschikking.c — TLV beschikkingen for the demo; see demobeschikking.h. */
#include "db/demobeschikking.h"

#include <libpq-fe.h>
#include <stdlib.h>

/* One statement: the choice of rows and every value is SQL over the demo's
 * own rows, so the result follows the hulpvragen whatever their number. */
static const char fill_sql[] =
	"WITH kandidaat AS ("
	"  SELECT DISTINCT ON (h.dossier_id) h.id, h.organisatie_id, h.dossier_id, h.nummer, h.datum "
	"    FROM hulpvraag h JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id AND s.status = h.status "
	"   ORDER BY h.dossier_id, h.nummer), "
	"genummerd AS ("
	"  SELECT k.*, row_number() OVER (PARTITION BY k.organisatie_id ORDER BY k.nummer) AS n, "
	"         row_number() OVER (PARTITION BY k.organisatie_id, extract(year FROM k.datum) ORDER BY k.nummer) AS jn, "
	"         (date_trunc('month', k.datum + 40) + interval '1 month')::date AS start "
	"    FROM kandidaat k), "
	"soort AS ("
	"  SELECT organisatie_id, array_agg(naam ORDER BY volgorde) AS namen FROM beschikking_soort GROUP BY organisatie_id) "
	"INSERT INTO tlv_beschikking (hulpvraag_id, organisatie_id, dossier_id, nummer, soort, startdatum, einddatum, "
	"  ontvangende_school, motivering, a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, a1_tekst, "
	"  a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst) "
	"SELECT g.id, g.organisatie_id, g.dossier_id, "
	"       to_char(g.datum, 'YYYY') || '-' || lpad(g.jn::text, greatest(3, length(g.jn::text)), '0'), "
	"       s.namen[1 + (g.n % cardinality(s.namen))], g.start, (g.start + interval '2 years' - interval '1 day')::date, "
	"       (ARRAY['', 'SO De Bolster', 'SBO De Toermalijn', ''])[1 + g.n % 4], "
	"       'Beide deskundigen adviseren gelijk; de ondersteuningsbehoefte past bij deze soort.', "
	"       (ARRAY['drs. M. Bakker', 'L. van den Heuvel', 'dr. S. Aydın', 'J. Verhoeven'])[1 + g.n % 4], "
	"       (ARRAY['orthopedagoog', 'psycholoog'])[1 + g.n % 2], "
	"       (ARRAY['Expertisecentrum Peelland', 'Praktijk De Brug', 'Kentalis Eindhoven'])[1 + g.n % 3], "
	"       least(g.datum + 7, current_date), s.namen[1 + (g.n % cardinality(s.namen))], "
	"       'Op grond van het OPP en het onderzoeksverslag toelaatbaar.', "
	"       (ARRAY['A. Yilmaz', 'P. Janssen', 'drs. E. de Wit'])[1 + g.n % 3], "
	"       (ARRAY['kinderpsychiater', 'jeugdpsycholoog', 'maatschappelijk werker', 'arts'])[1 + g.n % 4], "
	"       (ARRAY['GGZ Oost-Brabant', 'Jeugdarts GGD', 'Wijkteam Helmond'])[1 + g.n % 3], "
	"       least(g.datum + 9, current_date), s.namen[1 + (g.n % cardinality(s.namen))], "
	"       'Eens met het eerste advies.' "
	"  FROM genummerd g JOIN soort s ON s.organisatie_id = g.organisatie_id "
	" WHERE g.n % 5 <> 0";

/* The tariffs of PO3008: 2024-2025 as 004 §4.2 gives them; 2025-2026 is an
 * aanname for the demo (the seed names no later amounts), and so is every
 * later school year up to the one the demo's newest aanpak starts in, at
 * 2025-2026's amounts: the demo is made relative to today, so its aanpakken
 * have a tariff whatever the date (tests/faketime-check.sh). */
static const char tarief_sql[] =
	"INSERT INTO tarief (organisatie_id, schooljaar, categorie, bedrag_cent) "
	"SELECT o.id, t.jaar, t.cat, t.cent FROM organisatie o, (VALUES (2024, 'Midden', 850000), (2024, 'Hoog', 1900000), "
	"       (2025, 'Midden', 875000), (2025, 'Hoog', 1957000)) t(jaar, cat, cent) WHERE o.code = 'PO3008' "
	"UNION ALL "
	"SELECT o.id, j.jaar, t.cat, t.cent FROM organisatie o, "
	"       generate_series(2026, extract(year FROM current_date + 120 - interval '7 months')::integer) j(jaar), "
	"       (VALUES ('Midden', 875000), ('Hoog', 1957000)) t(cat, cent) WHERE o.code = 'PO3008'";

/* An aanpak for every hulpvraag of an arrangement flow (one with a
 * "financieel verwerkt" status) that reached the arrangement phase
 * (status "Arrangement>…"): categorie Midden or Hoog, one school year from
 * the 1st of the second month after the hulpvraag, the tariff of that
 * school year (€ 8.500 where the demo has none, without a tariff to differ
 * from).  "Arrangement>toegewezen" ones have no number yet: the financieel
 * medewerker types it (004 §4.2). */
static const char aanpak_sql[] =
	"WITH k AS ("
	"  SELECT h.id, h.organisatie_id, h.status, h.datum, "
	"         row_number() OVER (PARTITION BY h.organisatie_id ORDER BY h.nummer) AS n, "
	"         (date_trunc('month', h.datum + 40) + interval '1 month')::date AS start "
	"    FROM hulpvraag h "
	"   WHERE h.status LIKE 'Arrangement>%' AND EXISTS (SELECT 1 FROM flow_status fs JOIN beschikking_status s "
	"          ON s.organisatie_id = h.organisatie_id AND s.status = fs.naam AND s.soort = 'arrangement' "
	"         WHERE fs.aanvraagtype_id = h.aanvraagtype_id)) "
	"INSERT INTO aanpak (hulpvraag_id, organisatie_id, type, categorie, startdatum, einddatum, bedrag_cent, nummer, "
	"  omschrijving) "
	"SELECT k.id, k.organisatie_id, 'arrangement', c.cat, k.start, (k.start + interval '1 year' - interval '1 day')::date, "
	"       coalesce(tarief_bedrag(k.organisatie_id, c.cat, k.start), 850000), "
	"       CASE WHEN k.status <> 'Arrangement>toegewezen' THEN 'ARR-' || to_char(k.start, 'YYYY') || '-' || "
	"            lpad(k.n::text, greatest(4, length(k.n::text)), '0') END, "
	"       'Extra ondersteuning in de groep volgens het OPP.' "
	"  FROM k, LATERAL (SELECT (ARRAY['Midden', 'Hoog'])[1 + k.n % 2] AS cat) c";

/* A budget per organisatie, school year and type of the demo's aanpakken
 * (aanname: the seeds name no amounts): what they hold plus a tenth,
 * rounded up to € 100.000, so the demo is within budget and a raise of one
 * amount still fits — at most the € 1.000.000.000 a budget can hold (021),
 * which `balie demo --scale 1000000` exceeds: there the demo is over
 * budget in its busiest school years. */
static const char budget_sql[] =
	"INSERT INTO budget (organisatie_id, schooljaar, soort, bedrag_cent) "
	"SELECT organisatie_id, extract(year FROM startdatum - interval '7 months')::integer, type, "
	"       least(ceil(sum(bedrag_cent) * 1.1 / 10000000) * 10000000, 100000000000) "
	"  FROM aanpak WHERE bedrag_cent IS NOT NULL AND startdatum IS NOT NULL AND type <> '' GROUP BY 1, 2, 3";

int demobeschikking_load(struct db *db, long *made, struct err *e)
{
	PGresult *r = db_exec(db, e, NULL, tarief_sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	r = db_exec(db, e, NULL, aanpak_sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	r = db_exec(db, e, NULL, budget_sql, 0, NULL);
	if (!r)
		return -1;
	PQclear(r);
	r = db_exec(db, e, NULL, fill_sql, 0, NULL);
	if (!r)
		return -1;
	if (made)
		*made = atol(PQcmdTuples(r));
	PQclear(r);
	return 0;
}
