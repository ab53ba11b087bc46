/* compleet.h — is a dossier complete?  The checklist of an aanvraagtype
 * (the `compleet` section of its .flow file, balie-forms(5)) evaluated
 * against plain facts about one hulpvraag.
 *
 * A checklist is a list of items.  Each item has a short `omschrijving` for
 * the back office ("Formulier Aanvraag TLV compleet"), a `melding` written
 * for the aanvrager ("Voeg het formulier Aanvraag TLV toe …") and one or more
 * alternative conditions: the item is met when any one of them holds
 * ("Akkoord ouders = ja, of een zienswijze-formulier, of een bijlage
 * zienswijze").  Rules name forms by code and fields by key (the canonical
 * values of migration 009: ISO dates, 'ja'/'nee', choice texts).
 *
 * Nothing here reads the clock or the database: the caller passes the facts,
 * today included.  Loaded rules are owned by their struct flow_type (or by
 * whoever built them, freed with compleet_rules_release()).
 */
#ifndef BALIE_COMPLEET_H
#define BALIE_COMPLEET_H

#include <stddef.h>

#include "core/datum.h"
#include "core/err.h"
#include "core/naam.h"

enum compleet_kind {
	COMPLEET_BIJLAGE,        /* arg: a bijlage of this categorie (not removed) */
	COMPLEET_FORMULIER,      /* arg: a form with this code, compleet */
	COMPLEET_VELD,           /* arg.veld has a value (= waarde when set; on the 1st when eerste) */
	COMPLEET_BASISGEGEVEN,   /* arg: "geboortedatum" | "woonadres" | "geslacht" in the dossier */
	COMPLEET_SCHOOLGEGEVENS, /* the dossier has schoolgegevens */
	COMPLEET_ACTUEEL,        /* every bijlage of categorie arg at most getal months old */
	COMPLEET_MAX_BIJLAGEN,   /* at most getal bijlagen (not removed) */
	COMPLEET_BESTANDSNAMEN,  /* no bijlage name that says nothing ("scan20230106.pdf") */
	COMPLEET_TITEL,          /* the title holds no part of the pupil's name */
	COMPLEET_KIND_COUNT
};

/* The key each kind has in a flow file ("bijlage", "formulier", …), as
 * stored in the database (migration 011); NULL past the end. */
extern const char *const compleet_kind_names[COMPLEET_KIND_COUNT];

/* Kind by its key; -1 when unknown. */
int compleet_kind_from_name(const char *name);

/* The bijlage categories of migration 002 ("OPP", "onderzoeksverslag", …),
 * NULL-terminated; and 1 when c is one of them. */
extern const char *const compleet_categorieen[];
int compleet_is_categorie(const char *c);

/* Basisgegevens a rule can ask for; NULL-terminated. */
extern const char *const compleet_basisgegevens[];

struct compleet_cond {
	enum compleet_kind kind;
	char *arg;    /* categorie, form code or basisgegeven; NULL for kinds without */
	char *veld;   /* COMPLEET_VELD: field key */
	char *waarde; /* COMPLEET_VELD: required canonical value, NULL = any */
	int eerste;   /* COMPLEET_VELD: the value is an ISO date on the 1st of a month */
	int getal;    /* ACTUEEL: months; MAX_BIJLAGEN: the maximum */
	int line;
};

struct compleet_item {
	char *omschrijving;
	char *melding;
	char **alleen_in; /* `alleen_in`: the item counts only in these statuses (none: always) */
	size_t nalleen_in;
	struct compleet_cond *alt; /* at least one */
	size_t nalt;
	int line;
};

struct compleet_rules {
	struct compleet_item *items;
	size_t nitems;
};

/* Frees what r holds and zeroes it (safe on a zeroed struct). */
void compleet_rules_release(struct compleet_rules *r);

/* Checks one condition's parameters (used by the flow parser and by the
 * loader of published rules): the categorie exists, getal is in range, a
 * form code is kebab-case, a field key is [a-z0-9_]… .  0, or -1 with a
 * Dutch message (no file:line) in e. */
int compleet_cond_check(const struct compleet_cond *c, struct err *e);

/* ------------------------------------------------------------------ facts */

struct compleet_bijlage {
	const char *categorie;
	const char *naam;
	struct datum op; /* upload date */
	int verwijderd;  /* soft-removed: does not count */
};

struct compleet_waarde {
	const char *veld;   /* field key */
	const char *waarde; /* canonical text */
};

struct compleet_formulier {
	const char *code;
	int compleet; /* every required field valid at the last save */
	const struct compleet_waarde *waarden;
	size_t nwaarden;
};

struct compleet_feiten {
	const struct compleet_bijlage *bijlagen;
	size_t nbijlagen;
	const struct compleet_formulier *formulieren; /* removed forms left out */
	size_t nformulieren;
	int geboortedatum, woonadres, geslacht; /* 1 when present in the dossier */
	int schoolgegevens;                     /* 1 when the dossier has any */
	const char *titel;
	const char *status;   /* the hulpvraag's status (for `alleen_in`) */
	struct naam leerling; /* parts may be NULL (groep, school) */
	struct datum vandaag;
};

/* ---------------------------------------------------------------- outcome */

#define COMPLEET_TEXT_MAX 600

struct compleet_punt {
	int ok;
	char omschrijving[COMPLEET_TEXT_MAX]; /* the item's omschrijving */
	char melding[COMPLEET_TEXT_MAX];      /* for the aanvrager; with details (names, counts) when not ok */
};

struct compleet_uitslag {
	struct compleet_punt *punten; /* one per item that applies, in rule order */
	size_t n;
	size_t nok;
};

/* Evaluates r on f.  *out gets a malloc'ed list (compleet_uitslag_release).
 * 0 / -1 (out of memory) with e. */
int compleet_evaluate(const struct compleet_rules *r, const struct compleet_feiten *f,
		      struct compleet_uitslag *out, struct err *e);

void compleet_uitslag_release(struct compleet_uitslag *u);

/* The reden for "aanvulling vragen": an opening line and one "- melding"
 * line per item that is not met.  snprintf-style into buf. */
size_t compleet_aanvulling_tekst(const struct compleet_uitslag *u, char *buf, size_t len);

/* 1 when a bijlage name says nothing about its content: only generic words
 * (scan, document, img, …) and digits, e.g. "scan20230106.pdf",
 * "document1.docx", "IMG-20230106-WA0003.jpg". */
int compleet_naam_zegt_niets(const char *naam);

/* d plus `months` calendar months; a day past the end of the target month
 * becomes its last day (29-02-2024 + 24 months = 28-02-2026). */
struct datum compleet_add_months(struct datum d, int months);

/* --------------------------------------------------------- reference check */

/* Asked once per form code (veld NULL) and once per field (veld set) a rule
 * names; returns 1 when the profile's forms know it, else 0. */
typedef int (*compleet_lookup_fn)(const char *code, const char *veld, void *ctx);

/* Reports (as "file:line: message") every form code or field key in r that
 * lookup does not know.  Returns the number of unknown references. */
size_t compleet_check_refs(const struct compleet_rules *r, const char *file, compleet_lookup_fn lookup,
			   void *lctx, void (*report)(const struct err *e, void *ctx), void *rctx);

#endif
