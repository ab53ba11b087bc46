/* filter.h — the filter language of the werkvoorraad, parsed into a struct.
 *
 * What a person types after `\` ("Filter: school:14SS — Esc wist"):
 *
 *   jansen 14SS            free words: each must match the leerling's name,
 *                          the hulpvraagnummer, the school's name or BRIN
 *   veld:waarde            a column: school, label, coördinator (also
 *                          coordinator, coord), type (aanvraagtype), status,
 *                          nummer, werkdagen, telaat
 *   !woord, !veld:waarde   excludes what matches
 *   school:"De Kameleon"   double quotes keep spaces inside a value
 *
 * Words are ANDed.  Values match case-insensitively as a part of the field
 * ("label:urg" finds "urgent").  Special values: coördinator:ik (the person
 * logged in) and coördinator:geen (no coördinator); werkdagen:>10,
 * werkdagen:<3 or werkdagen:4 (werkdagen in the current status); telaat:ja
 * (a new hulpvraag without reaction for more than 5 werkdagen) or telaat:nee.
 *
 * Pure: no I/O, no allocation.  A struct filter is a value.
 */
#ifndef BALIE_FILTER_H
#define BALIE_FILTER_H

#include <stddef.h>

#include "core/err.h"

#define FILTER_MAX_TERMS 16
#define FILTER_VALUE_MAX 128

enum filter_field {
	FILTER_TEXT,        /* a free word */
	FILTER_SCHOOL,
	FILTER_LABEL,
	FILTER_COORDINATOR,
	FILTER_TYPE,
	FILTER_STATUS,
	FILTER_NUMMER,
	FILTER_WERKDAGEN,
	FILTER_TELAAT,
};

enum filter_cmp {
	FILTER_CMP_MATCH, /* text: contains the value */
	FILTER_CMP_GT,    /* werkdagen:>N */
	FILTER_CMP_LT,    /* werkdagen:<N */
	FILTER_CMP_EQ,    /* werkdagen:N, nummer:N */
};

/* Special values of coördinator: */
enum filter_who {
	FILTER_WHO_NAME = 0, /* value is part of a name */
	FILTER_WHO_ME,       /* coördinator:ik */
	FILTER_WHO_NONE,     /* coördinator:geen */
};

struct filter_term {
	enum filter_field field;
	enum filter_cmp cmp;
	int negate;                   /* "!" before the term */
	long number;                  /* werkdagen, nummer; telaat: 1 ja, 0 nee */
	enum filter_who who;          /* coördinator only */
	char value[FILTER_VALUE_MAX]; /* UTF-8, as typed (without quotes) */
};

struct filter {
	struct filter_term term[FILTER_MAX_TERMS];
	int n;
};

/* Parses text (UTF-8) into f.  Empty text gives an empty filter.  Errors
 * (Dutch, in e; f is then empty): an unknown field ("Onbekend veld 'x' —
 * kies uit school, label, …"), a field without value, a bad number, an
 * unclosed quote, more than FILTER_MAX_TERMS terms.  0 / -1. */
int filter_parse(const char *text, struct filter *f, struct err *e);

/* Writes the filter back in its canonical spelling (what filter_parse
 * reads), snprintf style: returns the length the full text needs. */
size_t filter_format(const struct filter *f, char *buf, size_t len);

/* The Dutch name of a field as written in the filter ("school"). */
const char *filter_field_name(enum filter_field f);

#endif
