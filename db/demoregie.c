/* demoregie.c — the demo's PO2811 with regierolhouders; see demoregie.h. */
#include "db/demoregie.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/row.h"

/* Aanname: fictitious names, addresses and mail domains (.example). */
static const struct {
	const char *username, *naam, *email, *rol;
} accounts[] = {
	{ "goeree", "Wilma Grinwis", "secretariaat@swvgo.example", "secretariaat" },
	{ "regie", "Marieke Tanis", "m.tanis@cjg-go.example", "regierolhouder" },
	{ "regie2", "Jeroen Breen", "j.breen@smw-go.example", "regierolhouder" },
};

static const struct {
	const char *brin, *naam, *plaats, *ib, *ib_email;
} scholen[] = {
	{ "71GO", "Basisschool De Bron", "Middelharnis", "Anja Tollenaar", "a.tollenaar@spo-go.example" },
	{ "72GO", "OBS Het Kompas", "Ouddorp", "Petra Grootenboer", "p.grootenboer@spo-go.example" },
	{ "73GO", "CBS De Wegwijzer", "Sommelsdijk", "Henk Mijnders", "h.mijnders@spo-go.example" },
};

/* Eight pupils, each with one hulpvraag; regie: index into accounts (-1
 * none); days: received this many days before today. */
static const struct {
	const char *roep, *tv, *achter, *gesl, *leerjaar;
	int jaren, school;
	const char *status;
	int regie, days;
	const char *straat, *postcode;
} leerlingen[] = {
	{ "Sem", "", "Bakelaar", "m", "5", 9, 0, "Aanmelding", 1, 3, "Zandpad 4", "3241 AB" },
	{ "Lotte", "van", "Dam", "v", "6", 10, 1, "Geagendeerd", 1, 20, "Dorpsweg 17", "3253 CD" },
	{ "Daan", "", "Tanis", "m", "3", 7, 2, "Tussentijdse evaluatie", 1, 45, "Molenweg 2", "3245 EG" },
	{ "Fenna", "", "Kievit", "v", "7", 11, 0, "Geagendeerd", 2, 30, "Kerkstraat 9", "3241 HJ" },
	{ "Milan", "de", "Wit", "m", "4", 8, 1, "Retour naar schakelteam", 2, 60, "Oosteinde 31", "3253 KL" },
	{ "Yara", "", "Mosselman", "v", "2", 6, 2, "Aanmelding", -1, 2, "Voorstraat 12", "3245 MN" },
	{ "Luuk", "van der", "Valk", "m", "8", 12, 0, "Aanmelding", -1, 8, "Ring 5", "3241 PR" },
	{ "Noor", "", "Breen", "v", "6", 10, 1, "Afgerond", 1, 120, "Havenweg 3", "3253 ST" },
};

#define N(a) (sizeof a / sizeof a[0])

int demoregie_load(struct db *db, const char *password_hash, struct datum today, struct err *e)
{
	char iso[16], org[24], bestuur[24], kring[24];
	long org_id, bestuur_id, kring_id, acc[N(accounts)], school[N(scholen)];

	datum_format_iso(today, iso);
	if (db_run_long(db, "SELECT id FROM organisatie WHERE code = 'PO2811'", 0, NULL, &org_id, e) < 0)
		return -1;
	db_num(org, sizeof org, org_id);
	for (size_t i = 0; i < N(accounts); i++) {
		const char *p[4] = { accounts[i].username, accounts[i].naam, accounts[i].email, password_hash };
		char id[24];
		if (db_run_long(db, "INSERT INTO account (username, naam, email, wachtwoord_hash) VALUES ($1, $2, $3, $4) "
				 "RETURNING id", 4, p, &acc[i], e) < 0)
			return -1;
		const char *pr[3] = { db_num(id, sizeof id, acc[i]), org, accounts[i].rol };
		if (db_run(db, "INSERT INTO account_rol (account_id, organisatie_id, rol) VALUES ($1, $2, $3)", 3, pr, e) < 0)
			return -1;
	}
	const char *po[1] = { org };
	if (db_run_long(db, "INSERT INTO schoolbestuur (organisatie_id, naam, bevoegd_gezag, email_financieel) "
			 "VALUES ($1, 'Stichting Primair Onderwijs Goeree-Overflakkee', '41999', 'financien@spo-go.example') "
			 "RETURNING id", 1, po, &bestuur_id, e) < 0 ||
	    db_run_long(db, "INSERT INTO scholenkring (organisatie_id, naam, gemeenten) "
			 "VALUES ($1, 'Goeree-Overflakkee', '{Goeree-Overflakkee}') RETURNING id", 1, po, &kring_id, e) < 0)
		return -1;
	db_num(bestuur, sizeof bestuur, bestuur_id);
	db_num(kring, sizeof kring, kring_id);
	for (size_t i = 0; i < N(scholen); i++) {
		const char *p[6] = { org, bestuur, kring, scholen[i].brin, scholen[i].naam, scholen[i].plaats };
		if (db_run_long(db, "INSERT INTO school (organisatie_id, schoolbestuur_id, scholenkring_id, brin, naam, soort, "
				 "                    plaats, gemeente) "
				 "VALUES ($1, $2, $3, $4, $5, 'bao', $6, 'Goeree-Overflakkee') RETURNING id",
			     6, p, &school[i], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < N(leerlingen); i++) {
		char sid[24], did[24], hid[24], days[16], jaren[16], sorteer[160];
		long dossier, hv;
		int s = leerlingen[i].school;
		/* the sort key of core/naam: "achternaam roepnaam tussenvoegsel", lower case */
		snprintf(sorteer, sizeof sorteer, "%s %s%s%s", leerlingen[i].achter, leerlingen[i].roep,
			 leerlingen[i].tv[0] ? " " : "", leerlingen[i].tv);
		for (char *c = sorteer; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		db_num(days, sizeof days, leerlingen[i].days);
		db_num(jaren, sizeof jaren, leerlingen[i].jaren);
		const char *pd[9] = { org, leerlingen[i].roep, leerlingen[i].tv[0] ? leerlingen[i].tv : NULL,
				      leerlingen[i].achter, leerlingen[i].gesl, iso, jaren, sorteer, days };
		if (db_run_long(db, "INSERT INTO dossier (organisatie_id, niveau, roepnaam, tussenvoegsel, achternaam, geslacht, "
				 "                     geboortedatum, sorteernaam) "
				 "VALUES ($1, 'leerling', $2, $3, $4, $5, "
				 "        $6::date - make_interval(years => $7::int) - ($9::int * 3) * interval '1 day', $8) "
				 "RETURNING id", 9, pd, &dossier, e) < 0)
			return -1;
		db_num(did, sizeof did, dossier);
		db_num(sid, sizeof sid, school[s]);
		/* "Zandpad 4": street and house number */
		char straat[64], huisnr[16];
		const char *sp = strrchr(leerlingen[i].straat, ' ');
		snprintf(straat, sizeof straat, "%.*s", (int)(sp - leerlingen[i].straat), leerlingen[i].straat);
		snprintf(huisnr, sizeof huisnr, "%s", sp + 1);
		const char *pa[6] = { did, org, straat, huisnr, leerlingen[i].postcode, scholen[s].plaats };
		if (db_run(db, "INSERT INTO adres (dossier_id, organisatie_id, soort, straat, huisnummer, postcode, plaats, vanaf) "
			    "VALUES ($1, $2, 'woonadres', $3, $4, $5, $6, DATE '2020-08-01')", 6, pa, e) < 0)
			return -1;
		/* at the school since the 15th of August of this school year (or the
		 * last one, in its first month) */
		const char *pg[7] = { did, org, sid, leerlingen[i].leerjaar, scholen[s].ib, scholen[s].ib_email, iso };
		if (db_run(db, "INSERT INTO schoolgegevens (dossier_id, organisatie_id, school_id, vanaf, leerjaar, aanvrager, "
			    "                            contactpersoon, email) "
			    "VALUES ($1, $2, $3, make_date(extract(year FROM $7::date - interval '8 months 15 days')::int, 8, 15), "
			    "        $4, $5, $5, $6)", 7, pg, e) < 0)
			return -1;
		const char *ph[8] = { org, did, leerlingen[i].status, iso, days, scholen[s].ib, scholen[s].ib_email, sid };
		if (db_run_long(db, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, omschrijving, datum, "
				 "                       status, status_categorie, aanvrager_naam, aanvrager_email, school_id, "
				 "                       status_sinds, eerste_reactie) "
				 "SELECT $1::bigint, $2::bigint, t.id, 'Team Schoolondersteuning', "
				 "       'Vraag van de IB''er na bespreking met de schakelfunctionaris.', "
				 "       $4::date - $5::int, $3, '', $6, $7, $8::bigint, "
				 "       $4::date - $5::int / 2, CASE WHEN $3 <> 'Aanmelding' THEN ($4::date - $5::int + 1) + time '09:30' END "
				 "  FROM aanvraagtype t "
				 " WHERE t.organisatie_id = $1 AND t.naam = 'Team Schoolondersteuning' "
				 "   AND t.flow_version_id = (SELECT max(id) FROM flow_version WHERE organisatie_id = $1) "
				 "RETURNING id", 8, ph, &hv, e) < 0)
			return -1;
		db_num(hid, sizeof hid, hv);
		const char *pst[3] = { hid, org, leerlingen[i].status };
		if (db_run(db, "INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, op, reden) "
			    "SELECT $1::bigint, $2::bigint, NULL, 'Aanmelding', NULL::bigint, h.datum, '' FROM hulpvraag h WHERE h.id = $1 "
			    "UNION ALL "
			    "SELECT $1::bigint, $2::bigint, 'Aanmelding', $3, NULL::bigint, h.status_sinds, '' FROM hulpvraag h "
			    " WHERE h.id = $1 AND $3 <> 'Aanmelding'", 3, pst, e) < 0)
			return -1;
		if (leerlingen[i].regie >= 0) {
			char aid[24];
			const char *pt[3] = { hid, db_num(aid, sizeof aid, acc[leerlingen[i].regie]), org };
			if (db_run(db, "INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, organisatie_id) "
				    "VALUES ($1, $2, 'regierol', $3)", 3, pt, e) < 0)
				return -1;
		}
	}
	return 0;
}
