/* dossier.c — birth date, groepsnaam, periods and the match rule; see
 * dossier.h. */
#include "core/dossier.h"

#include <stdio.h>
#include <string.h>

int dossier_geboortedatum_check(struct datum gd, struct datum vandaag, struct err *e)
{
	char buf[DATUM_BUFLEN];

	if (!datum_valid(gd))
		return err_set(e, "Geboortedatum bestaat niet");
	if (datum_cmp(gd, vandaag) > 0)
		return err_set(e, "Geboortedatum %s ligt in de toekomst", datum_format(gd, buf));
	if (datum_age(gd, vandaag) > DOSSIER_MAX_LEEFTIJD)
		return err_set(e, "Geboortedatum %s: de leerling zou %d jaar zijn — controleer het jaar",
			       datum_format(gd, buf), datum_age(gd, vandaag));
	return 0;
}

/* Characters, not bytes (UTF-8). */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int dossier_groepsnaam_check(const char *g, struct err *e)
{
	char fold[16];

	while (g && *g == ' ')
		g++;
	if (!g || !*g)
		return err_set(e, "Vul de groepsnaam in: groep en school, bijvoorbeeld \"8D Kameleon\"");
	naam_fold(fold, sizeof fold, g);
	if (!strncmp(fold, "groep", 5))
		return err_set(e, "Een groepsnaam begint niet met \"groep\": schrijf \"8D Kameleon\", niet \"groep 8D\"");
	if (chars(g) > 60)
		return err_set(e, "Groepsnaam is te lang (hoogstens 60 tekens)");
	return 0;
}

/* An open end sorts after every real day. */
static int tot_voor(struct datum tot, struct datum d)
{
	return tot.y != 0 && datum_cmp(tot, d) < 0;
}

int dossier_periode_overlapt(struct dossier_periode a, struct dossier_periode b)
{
	return !tot_voor(a.tot, b.vanaf) && !tot_voor(b.tot, a.vanaf);
}

int dossier_periode_check(struct dossier_periode p, struct err *e)
{
	char v[DATUM_BUFLEN], t[DATUM_BUFLEN];

	if (tot_voor(p.tot, p.vanaf))
		return err_set(e, "De einddatum %s ligt voor de begindatum %s", datum_format(p.tot, t),
			       datum_format(p.vanaf, v));
	return 0;
}

size_t dossier_achternaam_key(char *buf, size_t len, const char *tussenvoegsel, const char *achternaam)
{
	char all[512], fold[512];
	size_t n = 0;

	snprintf(all, sizeof all, "%s%s", tussenvoegsel ? tussenvoegsel : "", achternaam ? achternaam : "");
	naam_fold(fold, sizeof fold, all);
	for (const char *s = fold; *s; s++) {
		if (*s == ' ' || *s == '-' || *s == '\'' || *s == '.')
			continue;
		if (len && n + 1 < len)
			buf[n] = *s;
		n++;
	}
	if (len)
		buf[n < len ? n : len - 1] = '\0';
	return n;
}

/* Edit distance of two short keys (bytes), stopping early above max. */
static int afstand(const char *a, const char *b, int max)
{
	int la = (int)strlen(a), lb = (int)strlen(b), row[65];

	if (la > 64 || lb > 64)
		return strcmp(a, b) ? max + 1 : 0;
	if (la - lb > max || lb - la > max)
		return max + 1;
	for (int j = 0; j <= lb; j++)
		row[j] = j;
	for (int i = 1; i <= la; i++) {
		int diag = row[0], best;
		row[0] = best = i;
		for (int j = 1; j <= lb; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb];
}

/* Two birth dates that differ by what a typist gets wrong: one of day,
 * month and year, or day and month swapped. */
static int datum_bijna(struct datum a, struct datum b)
{
	int same = (a.d == b.d) + (a.m == b.m) + (a.y == b.y);

	return same == 2 || (a.y == b.y && a.d == b.m && a.m == b.d);
}

enum dossier_match dossier_match(const struct dossier_persoon *g, const struct dossier_persoon *k)
{
	char ga[256], ka[256], gr[128], kr[128];
	int naam_gelijk, roep_bekend, roep_gelijk, datum_gelijk, max;

	dossier_achternaam_key(ga, sizeof ga, g->naam.tussenvoegsel, g->naam.achternaam);
	dossier_achternaam_key(ka, sizeof ka, k->naam.tussenvoegsel, k->naam.achternaam);
	if (!ga[0] || !ka[0])
		return DOSSIER_MATCH_GEEN;
	naam_gelijk = !strcmp(ga, ka);
	roep_bekend = g->naam.roepnaam && *g->naam.roepnaam && k->naam.roepnaam && *k->naam.roepnaam;
	dossier_achternaam_key(gr, sizeof gr, NULL, roep_bekend ? g->naam.roepnaam : "");
	dossier_achternaam_key(kr, sizeof kr, NULL, roep_bekend ? k->naam.roepnaam : "");
	roep_gelijk = !roep_bekend || !strcmp(gr, kr);
	if (g->geboortedatum.y == 0 || k->geboortedatum.y == 0)
		return naam_gelijk && roep_gelijk ? DOSSIER_MATCH_BIJNA : DOSSIER_MATCH_GEEN;
	datum_gelijk = !datum_cmp(g->geboortedatum, k->geboortedatum);
	if (naam_gelijk && datum_gelijk)
		return roep_gelijk ? DOSSIER_MATCH_EXACT : DOSSIER_MATCH_BIJNA;
	/* one typo in a short name is already a different name ("Bos", "Vos") */
	max = strlen(ga) < 5 ? 0 : strlen(ga) < 9 ? 1 : 2;
	if (datum_gelijk && afstand(ga, ka, max) <= max && (roep_gelijk || afstand(gr, kr, 1) <= 1))
		return DOSSIER_MATCH_BIJNA;
	if (naam_gelijk && roep_gelijk && datum_bijna(g->geboortedatum, k->geboortedatum))
		return DOSSIER_MATCH_BIJNA;
	return DOSSIER_MATCH_GEEN;
}
