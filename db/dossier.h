/* dossier.h — one dossier from the database: basisgegevens, adressen (a
 * history), relaties, schoolgegevens (a history) and its hulpvragen; and
 * the edits that keep it up (issue 14 §1).
 *
 * Reading is one short transaction.  Every edit is one transaction with the
 * version check (db_versioned_update) or, for a new row, an idempotency key
 * (sent twice, made once), an audit row without any name in it, and a
 * struct outcome.  What was typed is checked by core (naam_split,
 * datum_parse_los, dossier_geboortedatum_check, validate_*) before the
 * database is asked; the database enforces the rest (migration 017: who
 * may, address history, no overlapping school periods).
 */
#ifndef BALIE_DB_DOSSIER_H
#define BALIE_DB_DOSSIER_H

#include "db/conn.h"
#include "db/outcome.h"

struct dossier_adres {
	long id;
	int version;
	char soort[16];     /* woonadres, postadres, beide */
	char straat[128], huisnummer[16], postcode[8], plaats[128];
	char vanaf[11], tot[11]; /* dd-mm-jjjj; tot "" = open */
	char opmerking[256];
	int actueel;        /* tot open or not past */
};

struct dossier_relatie {
	long id;
	int version;
	char soort[16];     /* ouder, verzorger, voogd */
	char naam[128], email[256], telefoon[32];
	int gezag;
};

struct dossier_school {
	long id;
	int version;
	long school_id;
	char school[128], brin[8];
	char vanaf[11], tot[11];
	char leerjaar[16], aanvrager[128], contactpersoon[128], email[256], telefoon[32];
};

struct dossier_hulpvraag {
	long id, nummer;
	char datum[11], titel[256], status[204];
};

struct dossier {
	long id, organisatie_id;
	int version;
	char niveau[12];
	char roepnaam[128], tussenvoegsel[64], achternaam[128];
	char geslacht[4];          /* m, v, x or "" */
	char geboortedatum[11];    /* dd-mm-jjjj or "" */
	char email[256], telefoon[32];
	char groepsnaam[128], school[128];
	char gewijzigd[200];       /* "07-12-2026 17:40 door Sanne de Wit" */
	struct dossier_adres *adressen;   /* newest vanaf first */
	int nadressen;
	struct dossier_relatie *relaties;
	int nrelaties;
	struct dossier_school *scholen;   /* newest vanaf first */
	int nscholen;
	struct dossier_hulpvraag *hulpvragen; /* newest first */
	int nhulpvragen;
};

/* Reads dossier id (as the acting account sees it).  *out is malloc'ed:
 * free with dossier_free.  0, or -1 with e (GONE: "bestaat niet"). */
int dossier_load(struct db *db, long id, struct dossier **out, struct err *e);
void dossier_free(struct dossier **d);

/* The basisgegevens one at a time. */
enum dossier_veld {
	DV_ROEPNAAM,
	DV_ACHTERNAAM,    /* as typed, with tussenvoegsel: "van der Berg" */
	DV_GESLACHT,      /* "m", "v", "x" or "" */
	DV_GEBOORTEDATUM, /* d-m-jjjj */
	DV_EMAIL,         /* optional */
	DV_TELEFOON,      /* optional */
	DV_GROEPSNAAM,    /* niveau groep */
	DV_COUNT
};

/* Checks what was typed for veld (core's rules) without the database: 0,
 * or -1 with a Dutch message in e.  norm (len bytes) gets the value to
 * store ("1234 AB", "12A", "0612345678"). */
int dossier_veld_check(enum dossier_veld veld, const char *typed, char *norm, size_t len, struct err *e);

/* Sets one field of the basisgegevens at version. */
enum outcome_kind dossier_set_veld(struct db *db, long id, int version, enum dossier_veld veld, const char *typed,
				   struct outcome *o);

/* A new address (all text as typed; opmerking may be ""): it closes the
 * open one of its kind (migration 017).  key: the idempotency key. */
struct dossier_adres_nieuw {
	const char *soort, *straat, *huisnummer, *postcode, *plaats, *vanaf, *opmerking;
};
int dossier_adres_check(const struct dossier_adres_nieuw *a, struct dossier_adres *norm, struct err *e);
enum outcome_kind dossier_adres_add(struct db *db, long dossier_id, const struct dossier_adres_nieuw *a,
				    const char *key, struct outcome *o);

/* A relatie: new (id 0, with key) or changed at version. */
struct dossier_relatie_invoer {
	const char *soort, *naam, *email, *telefoon;
	int gezag;
};
enum outcome_kind dossier_relatie_save(struct db *db, long dossier_id, long id, int version,
				       const struct dossier_relatie_invoer *r, const char *key, struct outcome *o);

/* Takes relatie id (as read at version) out of its dossier: marked with
 * who and when, never deleted (migration 026); audited.  A versioned write
 * (SAVED, CONFLICT, GONE, REFUSED …). */
enum outcome_kind dossier_relatie_remove(struct db *db, long id, int version, struct outcome *o);

/* A school period: new (id 0, with key; an open period that began before
 * it is closed the day before) or changed at version (school stays). */
struct dossier_school_invoer {
	long school_id;
	const char *vanaf, *tot, *leerjaar, *contactpersoon, *email, *telefoon;
};
enum outcome_kind dossier_school_save(struct db *db, long dossier_id, long id, int version,
				      const struct dossier_school_invoer *s, const char *key, struct outcome *o);

/* A leerling dossier that may be the pupil typed at intake. */
struct dossier_kandidaat {
	long id;
	char roepnaam[128], tussenvoegsel[64], achternaam[128];
	char geboortedatum[11];     /* dd-mm-jjjj or "" */
	char geboortedatum_iso[11]; /* jjjj-mm-dd or "" */
};

/* The leerling dossiers of org born on geboortedatum_iso (may be NULL/"")
 * or whose sort key starts with prefix (the folded achternaam's first
 * letters, may be ""): the candidates core's dossier_match sorts into
 * exact, near and none.  At most 300; *out malloc'ed (free()). 0 / -1. */
int dossier_kandidaten(struct db *db, long org, const char *prefix, const char *geboortedatum_iso,
		       struct dossier_kandidaat **out, int *n, struct err *e);

/* What intake asks for the completeness rules of an aanvraagtype (its
 * checklist in compleet_voorwaarde: basisgegeven geslacht / woonadres,
 * schoolgegevens) and, aanname, a parent for a new dossier.  For an
 * existing dossier (dossier_id > 0) only what it lacks: geslacht, a
 * current woonadres. */
enum dossier_vraag {
	DOSSIER_VRAAG_GESLACHT = 1 << 0,
	DOSSIER_VRAAG_WOONADRES = 1 << 1,
	DOSSIER_VRAAG_OUDER = 1 << 2,
	DOSSIER_VRAAG_LEERJAAR = 1 << 3,
};
int dossier_intake_vragen(struct db *db, long aanvraagtype_id, long dossier_id, unsigned *vragen, struct err *e);

/* The `standaard = true` aanvraagtype of org's newest flow, which takes a
 * title that is no fixed title: *id 0 when the profile has none. 0 / -1. */
int dossier_intake_standaardtype(struct db *db, long org, long *id, char *naam, size_t len, struct err *e);

/* The aanvraagtype's Toelichting and Standaardtekst (.flow, 004 §2.4 …):
 * malloc'ed, "" when the flow has none; the caller frees both. 0 / -1. */
int dossier_intake_teksten(struct db *db, long aanvraagtype_id, char **toelichting, char **standaardtekst,
			   struct err *e);

/* The dossier of hulpvraag id (0 when not visible). 0 / -1. */
int dossier_of_hulpvraag(struct db *db, long hulpvraag_id, long *dossier_id, struct err *e);

#endif
