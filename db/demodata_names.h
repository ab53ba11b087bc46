/* demodata_names.h — the word lists behind the demo data: names of several
 * origins, places of the two demo regions, schools, besturen, streets and
 * texts.  Data only; db/demodata.c picks from them with its own PRNG.
 *
 * Every list is NULL-terminated (structs end with an all-NULL entry), so
 * adding a name never needs a count changed elsewhere.
 */
#ifndef BALIE_DB_DEMODATA_NAMES_H
#define BALIE_DB_DEMODATA_NAMES_H

/* A surname with its Dutch tussenvoegsel ("" for none).  vrouw is the
 * female form where the language has one (Polish -ski/-ska), else NULL. */
struct demodata_achternaam {
	const char *tussenvoegsel;
	const char *man;
	const char *vrouw;
};

/* Names of one origin.  met_tv_promille of the pupils of this origin get a
 * surname from met_tv (Dutch names with a tussenvoegsel), the rest from
 * achternamen.  Foreign particles stay in the surname ("El-Makrini"). */
struct demodata_herkomst {
	int gewicht;                 /* relative share of pupils */
	const char *const *jongens;
	const char *const *meisjes;
	const struct demodata_achternaam *achternamen;
	const struct demodata_achternaam *met_tv;
	int met_tv_promille;
	const char *const *ouders_m; /* first names of the parents' generation */
	const char *const *ouders_v;
};

/* A place (woonplaats / vestigingsplaats) of a demo region. */
struct demodata_plaats {
	const char *naam;
	const char *gemeente;
	int pc_van, pc_tot;          /* the four-digit postcode range */
	int gewicht;                 /* roughly the population, for picking */
	const char *netnummer;       /* "0492" */
};

/* A scholenkring: its name and municipalities (seed 004 §7.1). */
struct demodata_kring {
	const char *naam;
	const char *gemeenten[6];    /* NULL-terminated */
};

/* A schoolbestuur with the mail domain its schools use.  soort: 'b'
 * basisonderwijs, 'o' openbaar basisonderwijs, 's' speciaal (basis)onderwijs,
 * 'v' voorschoolse opvang (VVE locations are registered like schools). */
struct demodata_bestuur {
	const char *naam;
	const char *domein;
	char soort;
};

extern const struct demodata_herkomst demodata_herkomsten[];

extern const struct demodata_plaats demodata_plaatsen_po3008[];
extern const struct demodata_plaats demodata_plaatsen_po2507[];
extern const struct demodata_kring demodata_kringen_po3008[];
extern const struct demodata_kring demodata_kringen_po2507[];
extern const struct demodata_bestuur demodata_besturen_po3008[];
extern const struct demodata_bestuur demodata_besturen_po2507[];

extern const char *const demodata_straten[];
extern const char *const demodata_schoolnamen[];   /* "De Regenboog" */
extern const char *const demodata_sbo_namen[];     /* "De Korenaar" */
extern const char *const demodata_so_namen[];
extern const char *const demodata_vve_namen[];
extern const char *const demodata_locaties[];      /* "Noord": second locations (vestiging 01) */
extern const char *const demodata_groepsdieren[];  /* "Kameleon": group names */
extern const char *const demodata_omschrijvingen[];/* hulpvraag texts, never a name */

/* Entries before the NULL terminator. */
int demodata_count(const char *const *list);

#endif
