/* form.h — formulier definitions (forms/<profiel>/<code>.form) and their values.
 *
 * A .form file (libconfig syntax, balie-forms(5)) describes one form: its
 * name and a list of fields, each with a key, a label, a type, an optional
 * help text (the "?" of the seeds), whether it is required ("gele velden"),
 * conditions (shown / required only when another field has a value) and
 * field rules (date on the 1st of a month, end after start, at most one year
 * after start).  An account field may carry the action `informeer`: the
 * chosen account gets a mail when the form is saved.
 *
 * Values.  Every field has at most one value, a canonical text (what
 * formulier_waarde stores, migration 009):
 *   tekst, email, telefoon, postcode, brin  as typed after normalisation
 *   datum      ISO "jjjj-mm-dd"
 *   janee      "ja" | "nee"
 *   keuze      the choice's text; meerkeuze: the chosen texts joined by
 *              "\n", in the order of the definition
 *   bedrag     whole cents ("850000" for € 8.500,00)
 *   getal      decimal integer
 *   account    the account id
 * A value set is an array of nfields `const char *`, NULL = no value.
 *
 * Invariants of a loaded struct form_def (the parser refuses anything else):
 * keys match ^[a-z0-9_]{1,64}$ and are unique; a condition or rule names
 * another field defined EARLIER in the form (so conditions cannot form a
 * cycle); a keuze/meerkeuze field has 1..100 unique choices; `is` of a
 * condition is a value the named field can hold.  Loaded definitions are
 * read-only; free with form_free().
 *
 * Nothing here talks to a database or a screen; reading a file is the only
 * I/O.  Errors: "file:line: message" in Dutch for definitions; plain Dutch
 * sentences for typed values (shown next to the field).
 */
#ifndef BALIE_FORM_H
#define BALIE_FORM_H

#include <stddef.h>

#include "core/err.h"

/* The .form format version this code reads (`versie = 1;`). */
#define FORM_VERSION 1
/* Largest .form file accepted, in bytes. */
#define FORM_MAX_FILE (512u * 1024u)
/* Longest canonical value (migration 009 checks the same). */
#define FORM_MAX_VALUE 20000
/* Most fields in one form, choices in one field. */
#define FORM_MAX_FIELDS 200
#define FORM_MAX_CHOICES 100

enum form_type {
	FORM_TEKST,
	FORM_DATUM,
	FORM_JANEE,
	FORM_KEUZE,
	FORM_MEERKEUZE,
	FORM_BEDRAG,
	FORM_GETAL,
	FORM_EMAIL,
	FORM_TELEFOON,
	FORM_POSTCODE,
	FORM_BRIN,
	FORM_ACCOUNT,
	FORM_TYPE_COUNT
};

/* "tekst", "datum", … as written in .form files; NULL when out of range. */
const char *form_type_name(enum form_type t);

/* A condition on another field: it has a value (is == NULL), or exactly
 * the value `is` (canonical: "ja", a choice text; for meerkeuze: one of the
 * chosen texts).  field < 0: no condition. */
struct form_cond {
	int field;
	char *is;
};

struct form_field {
	char *key;       /* "startdatum" */
	char *label;     /* "Startdatum TLV" */
	char *help;      /* "" when none */
	enum form_type type;
	int required;    /* `verplicht = true` */
	int multiline;   /* tekst: `meerregelig = true` */
	long maxlen;     /* tekst: most characters (default 200, multi-line 4000) */
	long long min, max; /* getal: range (default 0 .. 999999999) */
	char **choices;  /* keuze, meerkeuze */
	size_t nchoices;
	unsigned roles;  /* account: FLOW_ROLE_BIT set of acceptable roles */
	int notify;      /* account: `informeer = true` */
	struct form_cond visible_if;  /* `zichtbaar_als` */
	struct form_cond required_if; /* `verplicht_als` */
	int first_of_month;  /* datum: `eerste_van_de_maand = true` */
	int after;           /* datum: `na = "veld"`: index, -1 none */
	int within_year;     /* datum: `binnen_jaar_na = "veld"`: index, -1 none */
	int intern;          /* `intern = true`: written by the SWV's back office only ("in te vullen door
			      * PPO", seed 000); the database refuses anyone else (migration 031) */
	int vestiging;       /* brin: `vestiging = true`: the 6-position BRIN of a vestiging ("14SS01") */
	struct form_cond requires; /* janee: `vereist = { veld; is; melding; }`: "ja" only when that earlier
				    * field holds is (an EMB pupil: Type TLV "SO categorie hoog", 004 §4.4) */
	char *requires_msg;  /* its `melding`, "" when none */
	int line;
};

struct form_def {
	char *file;        /* as given to the parser (messages) */
	char *code;        /* file name without .form ("aanvraag-tlv"); "" when parsed from memory without a name */
	char *name;        /* `naam`: "Aanvraag TLV / verlenging TLV" */
	char *description; /* `omschrijving`, "" when none */
	struct form_field *fields;
	size_t nfields;
};

/* Called once per error found while checking a definition. */
typedef void (*form_report_fn)(const struct err *e, void *ctx);

/* Parses a definition from memory.  file names it in messages and gives the
 * code (its base name without .form; may be NULL: code ""). On success *out
 * owns a new definition; on failure *out is NULL, every error went to report
 * (may be NULL) and the first is in e.  0 / -1. */
int form_parse(const char *data, size_t len, const char *file, struct form_def **out,
	       form_report_fn report, void *rctx, struct err *e);

/* Same, reading the file at path (at most FORM_MAX_FILE bytes). */
int form_load(const char *path, struct form_def **out, form_report_fn report, void *rctx, struct err *e);

/* form_load that also hands back the file's text (*source, NUL-terminated,
 * *len bytes; free()) when it parsed: what `balie admin forms load` stores. */
int form_load_source(const char *path, struct form_def **out, char **source, size_t *len,
		     form_report_fn report, void *rctx, struct err *e);

/* The *.form files in dir (not below it, no hidden files), sorted by name,
 * as "dir/name.form" paths: *paths (free with form_list_free), *n.  0 / -1
 * when dir cannot be read. */
int form_list_dir(const char *dir, char ***paths, size_t *n, struct err *e);
void form_list_free(char ***paths, size_t n);

/* Frees *d and sets it to NULL (safe on NULL). */
void form_free(struct form_def **d);

/* Index of the field with this key, -1 when none. */
int form_field_index(const struct form_def *d, const char *key);

/* Checks what a person typed in field i and normalises it.  On success
 * *canon is a new canonical value (free()), or NULL when the text is empty
 * (no value).  Rules that involve one field only are checked here (the 1st of
 * the month); rules between fields are checked by form_check_field.  On
 * error e holds a Dutch sentence without the label ("31-02-2026 bestaat
 * niet").  0 / -1. */
int form_validate(const struct form_def *d, size_t i, const char *typed, char **canon, struct err *e);

/* Writes the canonical value of field i the way a person reads and types it
 * ("2026-08-01" → "01-08-2026", "850000" → "€ 8.500,00"; meerkeuze stays
 * one choice per line) into buf (snprintf-like, cut on a character
 * boundary); returns buf.  A value that is not canonical for the field is
 * shown as stored. */
const char *form_format(const struct form_def *d, size_t i, const char *canon, char *buf, size_t len);

/* 1 when field i is shown given the values (its zichtbaar_als holds, and
 * the field it depends on is shown itself). */
int form_visible(const struct form_def *d, const char *const *values, size_t i);

/* 1 when field i must have a value: it is shown and `verplicht`, or its
 * verplicht_als holds. */
int form_required(const struct form_def *d, const char *const *values, size_t i);

/* 1-field check of a stored value: canon is the canonical value for field
 * i's type (what form_validate makes of some typed text).  A database layer
 * calls this on every value before it stores it.  0 / -1 with e. */
int form_check_value(const struct form_def *d, size_t i, const char *canon, struct err *e);

/* Checks the stored value of field i against its type and the rules between
 * fields ("Einddatum moet na Startdatum liggen").  A field without a value
 * passes (whether it is required is form_required's business).  0 / -1
 * with a Dutch sentence in e (without the label). */
int form_check_field(const struct form_def *d, const char *const *values, size_t i, struct err *e);

/* What is still missing or wrong in a (draft) form, in field order: for each
 * shown field that is required without a value ("ontbreekt") or whose value
 * fails form_check_field.  Fills up to max entries of out (may be NULL with
 * max 0) and returns the total count (0 = complete). */
struct form_problem {
	size_t field;
	char msg[256]; /* "Akkoord bestuur ontbreekt", "Einddatum: moet na Startdatum liggen" */
};
size_t form_problems(const struct form_def *d, const char *const *values, struct form_problem *out, size_t max);

/* 1 when form_problems finds nothing. */
int form_complete(const struct form_def *d, const char *const *values);

#endif
