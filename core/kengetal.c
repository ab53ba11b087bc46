/* kengetal.c — sums, durations and bars of the kengetallen; see kengetal.h. */
#include "core/kengetal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kengetal_som(int64_t *som, int64_t bedrag)
{
	if (*som < 0 || bedrag < 0 || bedrag > INT64_MAX - *som)
		return -1;
	*som += bedrag;
	return 0;
}

static int same_key(const struct kengetal_totaal *t, const struct kengetal_rij *r, enum kengetal_niveau niveau)
{
	switch (niveau) {
	case KENGETAL_PER_SOORT:
		return t->soort == r->soort && !strcmp(t->categorie, r->categorie);
	case KENGETAL_PER_BESTUUR:
		return !strcmp(t->bestuur, r->bestuur);
	case KENGETAL_PER_SCHOOL:
		return !strcmp(t->brin, r->brin) && !strcmp(t->bestuur, r->bestuur);
	}
	return 0;
}

static int cmp_soort(const void *a, const void *b)
{
	const struct kengetal_totaal *x = a, *y = b;
	if (x->soort != y->soort)
		return x->soort == KENGETAL_TLV ? -1 : 1;
	return strcmp(x->categorie, y->categorie);
}

int kengetal_totalen(const struct kengetal_rij *rows, size_t n, enum kengetal_niveau niveau,
		     struct kengetal_totaal **out, size_t *nout, struct err *e)
{
	struct kengetal_totaal *t = NULL;
	size_t nt = 0;

	*out = NULL;
	*nout = 0;
	if (n && !(t = calloc(n, sizeof *t)))
		return err_set(e, "onvoldoende geheugen");
	for (size_t i = 0; i < n; i++) {
		const struct kengetal_rij *r = &rows[i];
		size_t k = 0;
		/* the newest key first: the database groups rows of one key together */
		for (k = nt; k > 0 && !same_key(&t[k - 1], r, niveau); k--)
			;
		struct kengetal_totaal *x;
		if (k == 0) {
			x = &t[nt++];
			if (niveau != KENGETAL_PER_SOORT)
				memcpy(x->bestuur, r->bestuur, sizeof x->bestuur);
			if (niveau == KENGETAL_PER_SCHOOL) {
				memcpy(x->school, r->school, sizeof x->school);
				memcpy(x->brin, r->brin, sizeof x->brin);
			}
			if (niveau == KENGETAL_PER_SOORT) {
				x->soort = r->soort;
				memcpy(x->categorie, r->categorie, sizeof x->categorie);
			}
		} else {
			x = &t[k - 1];
		}
		if (r->aantal < 0 || r->bedrag < 0) {
			free(t);
			return err_set(e, "negatief aantal of bedrag bij %s", r->brin);
		}
		if (r->soort == KENGETAL_TLV)
			x->tlv += r->aantal;
		else
			x->arrangement += r->aantal;
		if (kengetal_som(&x->bedrag, r->bedrag) < 0) {
			free(t);
			return err_set(e, "het totaalbedrag is te groot om te tellen");
		}
	}
	/* per soort: TLVs first, then arrangements, each by name, so the
	 * order does not depend on which school came first */
	if (niveau == KENGETAL_PER_SOORT && nt > 1)
		qsort(t, nt, sizeof *t, cmp_soort);
	*out = t;
	*nout = nt;
	return 0;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

void kengetal_duur(long *dagen, size_t n, struct kengetal_duur *d)
{
	memset(d, 0, sizeof *d);
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		if (dagen[i] < 0)
			dagen[i] = 0;
	qsort(dagen, n, sizeof *dagen, cmp_long);
	d->n = (long)n;
	d->min = dagen[0];
	d->max = dagen[n - 1];
	if (n % 2)
		d->mediaan = dagen[n / 2];
	else /* half up: (a + b + 1) / 2 without overflow for day counts */
		d->mediaan = dagen[n / 2 - 1] + (dagen[n / 2] - dagen[n / 2 - 1] + 1) / 2;
	/* nearest rank: ceil(0.9 n), 1-based */
	size_t rank = (9 * n + 9) / 10;
	d->p90 = dagen[rank - 1];
}

int kengetal_balk(int64_t waarde, int64_t max, int breedte, int utf8, char *buf, size_t len)
{
	/* U+258F … U+2588: one to eight eighths of a cell */
	static const char *const eighth[8] = { "\u258f", "\u258e", "\u258d", "\u258c",
					       "\u258b", "\u258a", "\u2589", "\u2588" };
	size_t o = 0;
	int cells = 0;

	if (len)
		buf[0] = '\0';
	if (waarde <= 0 || max <= 0 || breedte <= 0 || !len)
		return 0;
	if (waarde > max)
		waarde = max;
	/* eighths of a cell, rounded to the nearest; in 128 bits so cents
	 * times a wide bar cannot overflow */
	unsigned __int128 num = (unsigned __int128)waarde * (unsigned)breedte * (utf8 ? 8u : 1u);
	int64_t units = (int64_t)((num + (unsigned __int128)max / 2) / (unsigned __int128)max);
	if (units < 1)
		units = 1;
	if (utf8) {
		int full = (int)(units / 8), rest = (int)(units % 8);
		for (int i = 0; i < full && o + 4 < len; i++, cells++)
			o += (size_t)snprintf(buf + o, len - o, "%s", eighth[7]);
		if (rest && o + 4 < len) {
			o += (size_t)snprintf(buf + o, len - o, "%s", eighth[rest - 1]);
			cells++;
		}
	} else {
		for (int i = 0; i < units && o + 1 < len; i++, cells++)
			buf[o++] = '#';
		buf[o] = '\0';
	}
	return cells;
}
