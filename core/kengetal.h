/* kengetal.h — the statistics of the kengetallen pane and export (issue 10
 * §5): numbers and amounts of TLVs and arrangements per schoolbestuur,
 * school and soort/categorie in one school year, the doorlooptijd
 * (aanvraag → afgegeven) as median and p90, and the bars that draw them in
 * a terminal.
 *
 * The database hands the detail rows (one per school × kind × soort, see
 * db/kengetal); everything computed from them is here, so it is tested
 * without a database.  Money is integer cents; a sum that would not fit
 * in int64 is an error, never a wrapped number.  Pure: no I/O.
 */
#ifndef BALIE_KENGETAL_H
#define BALIE_KENGETAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define KENGETAL_NAAM 204

enum kengetal_soort {
	KENGETAL_TLV,         /* an afgegeven TLV beschikking */
	KENGETAL_ARRANGEMENT, /* an aanpak with its amount */
};

/* One detail row: what one school got in one kind and soort/categorie. */
struct kengetal_rij {
	char bestuur[KENGETAL_NAAM];
	char school[KENGETAL_NAAM]; /* the school's naam */
	char brin[8];               /* "14SS01": BRIN + vestiging */
	enum kengetal_soort soort;
	char categorie[KENGETAL_NAAM]; /* "TLV SO categorie laag", "Midden" */
	long aantal;
	int64_t bedrag; /* cents (0 for a TLV) */
};

/* What rows are summed by. */
enum kengetal_niveau {
	KENGETAL_PER_SOORT,   /* kind + categorie, over every school */
	KENGETAL_PER_BESTUUR, /* per schoolbestuur */
	KENGETAL_PER_SCHOOL,  /* per school (brin), with its bestuur */
};

/* A sum: the key fields of the level (others empty), the number of TLVs
 * and of arrangements and the arrangements' amount. */
struct kengetal_totaal {
	char bestuur[KENGETAL_NAAM];
	char school[KENGETAL_NAAM];
	char brin[8];
	enum kengetal_soort soort;     /* KENGETAL_PER_SOORT only */
	char categorie[KENGETAL_NAAM]; /* KENGETAL_PER_SOORT only */
	long tlv, arrangement;
	int64_t bedrag;
};

/* Adds bedrag to *som: 0, or -1 (and *som unchanged) when the result
 * would leave int64 or either is negative — no real amount does. */
int kengetal_som(int64_t *som, int64_t bedrag);

/* Sums rows[0..n-1] by niveau into *out (malloc'ed, caller free()s; NULL
 * when *nout is 0): per bestuur and school in the order each key first
 * appears (the database sorts the detail rows), per soort the TLVs first
 * and then the arrangements, each by categorie (strcmp).  0, or -1 with e (out of memory, a sum too big). */
int kengetal_totalen(const struct kengetal_rij *rows, size_t n, enum kengetal_niveau niveau,
		     struct kengetal_totaal **out, size_t *nout, struct err *e);

/* The doorlooptijd of one aanvraagtype: n hulpvragen, median and p90 in
 * days.  The median of an even count is the mean of the middle two,
 * rounded half up; p90 is the nearest-rank value (the smallest value at or
 * below which at least 90% lie), so it is always a real case's duration. */
struct kengetal_duur {
	long n;
	long mediaan, p90, min, max;
};

/* Computes d from dagen[0..n-1] (sorted in place; n may be 0: all zero).
 * A negative day count (a received date after the decision: a typing
 * error in the data) counts as 0. */
void kengetal_duur(long *dagen, size_t n, struct kengetal_duur *d);

/* The bar of waarde on a scale where max fills breedte cells, in Unicode
 * eighth blocks (utf8) or '#' (ASCII, whole cells), NUL-terminated in buf.
 * A value above 0 always shows at least the thinnest block, so "a few" is
 * never drawn as "none"; max <= 0 or waarde <= 0 draws nothing.  Returns
 * the cells drawn. */
int kengetal_balk(int64_t waarde, int64_t max, int breedte, int utf8, char *buf, size_t len);

#endif
