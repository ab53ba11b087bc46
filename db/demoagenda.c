/* demoagenda.c — demo meetings and agendapunten; see demoagenda.h. */
#include "db/demoagenda.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "db/row.h"

/* One series of one commissie. */
struct demo_reeks {
	const char *org, *commissie, *naam;
	struct agenda_reeks r; /* van/tot filled from the school year */
	const char *begin, *eind, *locatie, *link;
	int zaken, minuten, deadline_werkdagen;
};

static const struct demo_reeks reeksen[] = {
	{ "PO3008", "CT", "Commissie van Toelaatbaarheid",
	  { .soort = AGENDA_WEKELIJKS, .interval = 2, .regio = AGENDA_ZUID },
	  "13:00", "16:00", "Kantoor SWV, Helmond", NULL, 6, 0, 10 },
	{ "PO3008", "AC", "Arrangementencommissie",
	  { .soort = AGENDA_MAANDELIJKS, .nde = -1, .weekdag = DATUM_WOENSDAG, .regio = AGENDA_ZUID },
	  "14:00", "16:00", "online", "https://vergader.swv-demo.example/ac", 5, 0, 5 },
	{ "PO3008", "Kans!overleg", "Kans!overleg",
	  { .soort = AGENDA_MAANDELIJKS, .nde = 1, .weekdag = DATUM_DONDERDAG, .regio = AGENDA_ZUID },
	  "09:00", "12:00", "Kantoor SWV, Helmond", NULL, 0, 45, 5 },
	{ "PO2507", "CT", "Commissie van Toelaatbaarheid",
	  { .soort = AGENDA_WEKELIJKS, .interval = 2, .regio = AGENDA_MIDDEN },
	  "15:00", "17:00", "Stromenland, Tiel", NULL, 5, 0, 5 },
};

/* The first weekday wd on or after d. */
static struct datum first_on(struct datum d, int wd)
{
	return datum_add_days(d, (wd - datum_weekday(d) + 7) % 7);
}

static int load_reeks(struct db *db, const struct demo_reeks *s, const struct werkdag_kalender *k,
		      const struct agenda_vakanties *vs, struct datum start, struct err *e)
{
	struct agenda_reeks r = s->r;
	struct datum *d = NULL;
	size_t n = 0;
	char zaken[12], minuten[12], wd[12];
	const char *cp[4] = { s->org, s->commissie, s->naam, db_num(wd, sizeof wd, s->deadline_werkdagen) };

	if (db_run(db,
		"INSERT INTO commissie (organisatie_id, code, naam, deadline_werkdagen) "
		"SELECT id, $2, $3, $4::int FROM organisatie WHERE code = $1 "
		"ON CONFLICT (organisatie_id, code) DO UPDATE SET naam = EXCLUDED.naam, "
		"  deadline_werkdagen = EXCLUDED.deadline_werkdagen",
		4, cp, e) < 0)
		return -1;
	r.van = r.soort == AGENDA_WEKELIJKS ? first_on(start, DATUM_DINSDAG) : start;
	/* this school year and the next: on 31 July the coming meetings are
	 * the next year's */
	r.tot = datum_make(start.y + 2, 7, 31);
	if (agenda_reeks_data(&r, k, vs, &d, &n, NULL, NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char dd[DATUM_BUFLEN], dl[DATUM_BUFLEN];
		const char *p[10] = { s->org, s->commissie, datum_format_iso(d[i], dd),
				      s->begin, s->eind, s->locatie, s->link,
				      db_num(zaken, sizeof zaken, s->zaken), db_num(minuten, sizeof minuten, s->minuten),
				      datum_format_iso(agenda_deadline(k, d[i], s->deadline_werkdagen), dl) };

		if (db_run(db,
			"INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, locatie, link, "
			"  capaciteit_zaken, minuten_per_zaak, deadline) "
			"SELECT o.id, c.id, $3::date, $4::time, $5::time, $6, $7, $8::int, $9::int, $10::date "
			"  FROM organisatie o JOIN commissie c ON c.organisatie_id = o.id AND c.code = $2 WHERE o.code = $1",
			10, p, e) < 0) {
			free(d);
			return -1;
		}
	}
	free(d);
	return 0;
}

/* The members, one cancelled meeting, the planned and the decided cases. */
static const char *const demo_sql[] = {
	/* Helmond lies in regio zuid, Tiel (Stromenland) in midden */
	"UPDATE organisatie SET regio = CASE code WHEN 'PO3008' THEN 'zuid' WHEN 'PO2507' THEN 'midden' END "
	" WHERE code IN ('PO3008', 'PO2507') AND $1::date IS NOT NULL",
	/* the verlengingen deadline: 1 April of this school year and the last */
	"INSERT INTO verlenging_deadline (organisatie_id, schooljaar, datum) "
	"SELECT o.id, j.y, make_date(j.y + 1, 4, 1) FROM organisatie o, "
	"  (SELECT extract(year FROM $1::date - interval '7 months')::int - k AS y FROM generate_series(0, 1) k) j "
	" WHERE o.code IN ('PO3008', 'PO2507') ON CONFLICT DO NOTHING",
	/* the external deskundige (orthopedagoog), password demo like every demo account */
	"INSERT INTO account (username, naam, email, wachtwoord_hash) "
	"SELECT 'deskundige', 'Mieke Jansen (orthopedagoog)', 'm.jansen@orthopedagogiek.example', wachtwoord_hash "
	"  FROM account WHERE username = 'secretariaat' ON CONFLICT (username) DO NOTHING",
	"INSERT INTO account_rol (account_id, organisatie_id, rol) "
	"SELECT a.id, o.id, 'extern' FROM account a, organisatie o WHERE a.username = 'deskundige' AND o.code = 'PO3008' "
	"ON CONFLICT DO NOTHING",
	"INSERT INTO vergadering_lid (vergadering_id, organisatie_id, account_id, rol) "
	"SELECT v.id, v.organisatie_id, a.id, m.rol "
	"  FROM vergadering v JOIN commissie c ON c.id = v.commissie_id JOIN organisatie o ON o.id = v.organisatie_id "
	"  JOIN (VALUES ('PO3008', 'CT', 'coordinator', 'voorzitter'), ('PO3008', 'CT', 'secretariaat', 'secretaris'), "
	"               ('PO3008', 'CT', 'deskundige', 'deskundige'), ('PO3008', 'AC', 's.verbeek', 'voorzitter'), "
	"               ('PO3008', 'AC', 'secretariaat', 'secretaris'), ('PO3008', 'AC', 'financieel', 'lid'), "
	"               ('PO3008', 'Kans!overleg', 'coordinator', 'voorzitter'), "
	"               ('PO3008', 'Kans!overleg', 'secretariaat', 'secretaris'), "
	"               ('PO2507', 'CT', 'stromenland', 'voorzitter'), ('PO2507', 'CT', 'stromenland-secr', 'secretaris')) "
	"       m(org, com, username, rol) ON m.org = o.code AND m.com = c.code "
	"  JOIN account a ON a.username = m.username",
	/* the second coming CT of PO3008 is cancelled (before anything is planned on it) */
	"UPDATE vergadering SET status = 'geannuleerd', annuleer_reden = 'voorzitter verhinderd' "
	" WHERE id = (SELECT v.id FROM vergadering v JOIN commissie c ON c.id = v.commissie_id "
	"              JOIN organisatie o ON o.id = v.organisatie_id "
	"             WHERE o.code = 'PO3008' AND c.code = 'CT' AND v.datum > $1::date "
	"             ORDER BY v.datum OFFSET 1 LIMIT 1)",
	/* coming meetings: the cases whose status says planned, three a meeting;
	 * PO3008's TLV (no status of its own when planned) two on each of the
	 * first two coming CT meetings, so most TLV>aanvraag stay to plan */
	"WITH klaar AS ( "
	"  SELECT h.id AS h, h.organisatie_id AS org, c.id AS com, "
	"         row_number() OVER (PARTITION BY c.id ORDER BY h.datum, h.id) - 1 AS rn, "
	"         CASE WHEN f.naar IS NULL THEN 2 ELSE 3 END AS per "
	"    FROM flow_agenda f JOIN aanvraagtype t ON t.id = f.aanvraagtype_id "
	"    JOIN commissie c ON c.organisatie_id = t.organisatie_id AND c.code = f.commissie "
	"    JOIN hulpvraag h ON h.aanvraagtype_id = t.id "
	"     AND h.status = coalesce(f.naar, f.van[1])), "
	"verg AS ( "
	"  SELECT v.id AS v, v.organisatie_id AS org, v.commissie_id AS com, "
	"         row_number() OVER (PARTITION BY v.commissie_id ORDER BY v.datum, v.id) - 1 AS mn "
	"    FROM vergadering v WHERE v.datum >= $1::date AND v.status = 'gepland') "
	"INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde, gepland_door) "
	"SELECT k.org, m.v, k.h, k.rn % k.per, (SELECT id FROM account WHERE username = 'secretariaat') "
	"  FROM klaar k JOIN verg m ON m.com = k.com AND m.mn = k.rn / k.per "
	" WHERE k.per = 3 OR m.mn < 2",
	/* past meetings: the Kans!overleg cases that became an arrangement were decided there */
	"WITH klaar AS ( "
	"  SELECT h.id AS h, h.organisatie_id AS org, c.id AS com, "
	"         row_number() OVER (PARTITION BY c.id ORDER BY h.datum DESC, h.id) - 1 AS rn "
	"    FROM flow_agenda f JOIN aanvraagtype t ON t.id = f.aanvraagtype_id "
	"    JOIN commissie c ON c.organisatie_id = t.organisatie_id AND c.code = f.commissie "
	"    JOIN hulpvraag h ON h.aanvraagtype_id = t.id AND h.status = f.toegekend), "
	"verg AS ( "
	"  SELECT v.id AS v, v.commissie_id AS com, v.datum, "
	"         row_number() OVER (PARTITION BY v.commissie_id ORDER BY v.datum DESC, v.id) - 1 AS mn "
	"    FROM vergadering v WHERE v.datum < $1::date AND v.status = 'gepland') "
	"INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde, open, uitkomst, "
	"                        gepland_door, besloten_door, besloten_op, notitie) "
	"SELECT k.org, m.v, k.h, k.rn % 3, false, 'toegekend', a.id, a.id, m.datum + time '16:00', "
	"       'besproken; arrangement volgt' "
	"  FROM klaar k JOIN verg m ON m.com = k.com AND m.mn = k.rn / 3 "
	"  CROSS JOIN (SELECT id FROM account WHERE username = 'secretariaat') a",
	/* the external members see the open cases of their meetings */
	"SELECT vergadering_toegang(a.vergadering_id, a.hulpvraag_id) FROM agendapunt a WHERE a.open AND $1::date IS NOT NULL",
	NULL
};

int demoagenda_load(struct db *db, const char *forms_dir, struct datum today, struct err *e)
{
	struct werkdag_kalender k;
	struct agenda_vakanties vs;
	char path[4096], td[DATUM_BUFLEN];
	struct datum start = datum_schooljaar_start(today);
	const char *p[1] = { datum_format_iso(today, td) };
	int rc = -1;

	werkdag_kalender_init(&k);
	agenda_vakanties_init(&vs);
	snprintf(path, sizeof path, "%s/feestdagen.conf", forms_dir);
	if (werkdag_kalender_load(&k, path, e) < 0)
		goto out;
	snprintf(path, sizeof path, "%s/schoolvakanties", forms_dir);
	if (agenda_vakanties_load_dir(&vs, path, e) < 0)
		goto out;
	for (size_t i = 0; i < sizeof reeksen / sizeof *reeksen; i++)
		if (load_reeks(db, &reeksen[i], &k, &vs, start, e) < 0)
			goto out;
	for (int i = 0; demo_sql[i]; i++) {
		int np = strstr(demo_sql[i], "$1") ? 1 : 0;

		if (db_run(db, demo_sql[i], np, p, e) < 0)
			goto out;
	}
	rc = 0;
out:
	werkdag_kalender_release(&k);
	agenda_vakanties_release(&vs);
	return rc;
}
