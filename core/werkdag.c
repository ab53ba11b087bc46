/* werkdag.c — Dutch werkdagen after the Algemene termijnenwet; see werkdag.h. */
#include "core/werkdag.h"
#include "core/bestand.h"

#include <errno.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define YEAR_MIN 1583 /* first full year of the Gregorian calendar */
#define YEAR_MAX 9999
#define FIXED_MAX 10  /* days the wet itself names in one year */

void werkdag_kalender_init(struct werkdag_kalender *k)
{
	k->extra = NULL;
	k->n = k->alloc = 0;
}

void werkdag_kalender_release(struct werkdag_kalender *k)
{
	free(k->extra);
	werkdag_kalender_init(k);
}

static int dag_cmp(const void *a, const void *b)
{
	const struct werkdag_dag *x = a, *y = b;

	return datum_cmp(x->datum, y->datum);
}

/* Index of d in the sorted array, or where it would go (*found says). */
static size_t kalender_find(const struct werkdag_kalender *k, struct datum d,
			    int *found)
{
	size_t lo = 0, hi = k ? k->n : 0;

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = datum_cmp(k->extra[mid].datum, d);

		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int werkdag_kalender_add(struct werkdag_kalender *k, struct datum d,
			 const char *naam, struct err *e)
{
	char buf[DATUM_BUFLEN];
	size_t at;
	int found;

	if (!datum_valid(d))
		return err_set(e, "ongeldige datum");
	if (!naam || !naam[0])
		return err_set(e, "naam ontbreekt voor %s", datum_format(d, buf));
	at = kalender_find(k, d, &found);
	if (found)
		return err_set(e, "%s staat er al in (%s)", datum_format(d, buf),
			       k->extra[at].naam);
	if (k->n == k->alloc) {
		size_t na = k->alloc ? k->alloc * 2 : 16;
		struct werkdag_dag *p = realloc(k->extra, na * sizeof *p);

		if (!p)
			return err_set(e, "onvoldoende geheugen");
		k->extra = p;
		k->alloc = na;
	}
	memmove(k->extra + at + 1, k->extra + at, (k->n - at) * sizeof *k->extra);
	k->extra[at].datum = d;
	snprintf(k->extra[at].naam, sizeof k->extra[at].naam, "%s", naam);
	k->n++;
	return 0;
}

/* Reads one { datum = "…"; naam = "…"; } group into k. */
static int load_entry(struct werkdag_kalender *k, config_setting_t *g,
		      const char *path, struct err *e)
{
	struct err sub;
	config_setting_t *s;
	const char *datum_s = NULL, *naam = NULL;
	struct datum d;
	int i, line = config_setting_source_line(g);

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return err_set_at(e, path, line,
				  "verwacht { datum = \"dd-mm-jjjj\"; naam = \"…\"; }");
	for (i = 0; (s = config_setting_get_elem(g, (unsigned)i)) != NULL; i++) {
		const char *name = config_setting_name(s);
		int sline = config_setting_source_line(s);

		if (strcmp(name, "datum") != 0 && strcmp(name, "naam") != 0)
			return err_set_at(e, path, sline,
					  "onbekende instelling '%s' (verwacht datum en naam)", name);
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return err_set_at(e, path, sline, "%s moet tekst tussen aanhalingstekens zijn",
					  name);
		if (strcmp(name, "datum") == 0)
			datum_s = config_setting_get_string(s);
		else
			naam = config_setting_get_string(s);
	}
	if (!datum_s)
		return err_set_at(e, path, line, "datum ontbreekt");
	if (!naam || !naam[0])
		return err_set_at(e, path, line, "naam ontbreekt");
	if (strlen(naam) >= WERKDAG_NAAM_MAX)
		return err_set_at(e, path, line, "naam is te lang (hoogstens %d bytes)",
				  WERKDAG_NAAM_MAX - 1);
	s = config_setting_get_member(g, "datum");
	if (datum_parse(datum_s, &d, &sub) < 0)
		return err_set_at(e, path, config_setting_source_line(s), "%s", sub.msg);
	if (d.y < YEAR_MIN)
		return err_set_at(e, path, config_setting_source_line(s),
				  "jaar %d valt buiten %d..%d", d.y, YEAR_MIN, YEAR_MAX);
	if (werkdag_kalender_add(k, d, naam, &sub) < 0)
		return err_set_at(e, path, config_setting_source_line(s), "%s", sub.msg);
	return 0;
}

int werkdag_kalender_load(struct werkdag_kalender *k, const char *path,
			  struct err *e)
{
	struct werkdag_kalender tmp;
	config_t cfg;
	config_setting_t *root, *list, *s;
	FILE *fp;
	int i, rc = -1;

	fp = bestand_open(path, BESTAND_MAX_CONFIG, e);
	if (!fp)
		return -1;
	config_init(&cfg);
	if (config_read(&cfg, fp) != CONFIG_TRUE) {
		const char *t = config_error_text(&cfg);

		err_set_at(e, path, config_error_line(&cfg), "%s",
			   t && strcmp(t, "syntax error") == 0 ?
			   "syntaxfout (ontbreekt er een ; , haakje of aanhalingsteken?)" :
			   t ? t : "fout bij lezen");
		goto out;
	}
	root = config_root_setting(&cfg);
	for (i = 0; (s = config_setting_get_elem(root, (unsigned)i)) != NULL; i++) {
		if (strcmp(config_setting_name(s), "gelijkgesteld") != 0) {
			err_set_at(e, path, config_setting_source_line(s),
				   "onbekende instelling '%s' (verwacht gelijkgesteld)",
				   config_setting_name(s));
			goto out;
		}
	}
	list = config_setting_get_member(root, "gelijkgesteld");
	/* Work on a copy so a bad file leaves k as it was. */
	werkdag_kalender_init(&tmp);
	if (k->n) {
		tmp.extra = malloc(k->n * sizeof *tmp.extra);
		if (!tmp.extra) {
			err_set(e, "onvoldoende geheugen");
			goto out;
		}
		memcpy(tmp.extra, k->extra, k->n * sizeof *tmp.extra);
		tmp.n = tmp.alloc = k->n;
	}
	if (list) {
		if (config_setting_type(list) != CONFIG_TYPE_LIST) {
			err_set_at(e, path, config_setting_source_line(list),
				   "gelijkgesteld moet een lijst ( … ) zijn");
			werkdag_kalender_release(&tmp);
			goto out;
		}
		for (i = 0; (s = config_setting_get_elem(list, (unsigned)i)) != NULL; i++) {
			if (load_entry(&tmp, s, path, e) < 0) {
				werkdag_kalender_release(&tmp);
				goto out;
			}
		}
	}
	werkdag_kalender_release(k);
	*k = tmp;
	rc = 0;
out:
	config_destroy(&cfg);
	fclose(fp);
	return rc;
}

struct datum werkdag_pasen(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return datum_make(y, month, day);
}

/* A day the wet names: its date and a static name. */
struct fixed {
	struct datum datum;
	const char *naam;
};

/* The days art. 3 lid 1 and 2 Atw name in year y, in no particular order. */
static size_t fixed_days(int y, struct fixed out[FIXED_MAX])
{
	struct datum pasen = werkdag_pasen(y), kd;
	size_t n = 0;

	out[n++] = (struct fixed){ datum_make(y, 1, 1), "Nieuwjaarsdag" };
	out[n++] = (struct fixed){ datum_add_days(pasen, -2), "Goede Vrijdag" };
	out[n++] = (struct fixed){ datum_add_days(pasen, 1), "Tweede Paasdag" };
	if (y >= 2014) {
		kd = datum_make(y, 4, 27);
		if (datum_weekday(kd) == DATUM_ZONDAG)
			kd.d = 26;
		out[n++] = (struct fixed){ kd, "Koningsdag" };
	} else {
		kd = datum_make(y, 4, 30);
		if (datum_weekday(kd) == DATUM_ZONDAG)
			kd.d = 29;
		out[n++] = (struct fixed){ kd, "Koninginnedag" };
	}
	out[n++] = (struct fixed){ datum_make(y, 5, 5), "Bevrijdingsdag" };
	out[n++] = (struct fixed){ datum_add_days(pasen, 39), "Hemelvaartsdag" };
	out[n++] = (struct fixed){ datum_add_days(pasen, 50), "Tweede Pinksterdag" };
	out[n++] = (struct fixed){ datum_make(y, 12, 25), "Eerste Kerstdag" };
	out[n++] = (struct fixed){ datum_make(y, 12, 26), "Tweede Kerstdag" };
	return n;
}

/* Appends " en naam" (or naam when dst is empty), cut to WERKDAG_NAAM_MAX. */
static void name_join(char *dst, const char *naam)
{
	size_t len = strlen(dst);
	const char *parts[2] = { len ? " en " : "", naam };
	int i;

	for (i = 0; i < 2; i++) {
		size_t n = strlen(parts[i]), room = WERKDAG_NAAM_MAX - 1 - len;

		if (n > room)
			n = room;
		memcpy(dst + len, parts[i], n);
		len += n;
	}
	dst[len] = '\0';
}

static int year_ok(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

int werkdag_feestdag(const struct werkdag_kalender *k, struct datum d, char *naam)
{
	struct fixed fixed[FIXED_MAX];
	char buf[WERKDAG_NAAM_MAX] = "";
	size_t i, n, at;
	int found, hit = 0;

	if (year_ok(d.y)) {
		n = fixed_days(d.y, fixed);
		for (i = 0; i < n; i++) {
			if (datum_cmp(fixed[i].datum, d) == 0) {
				name_join(buf, fixed[i].naam);
				hit = 1;
			}
		}
	}
	if (k) {
		at = kalender_find(k, d, &found);
		if (found) {
			name_join(buf, k->extra[at].naam);
			hit = 1;
		}
	}
	if (naam)
		memcpy(naam, buf, sizeof buf);
	return hit;
}

int werkdag_is_werkdag(const struct werkdag_kalender *k, struct datum d)
{
	int wd = datum_weekday(d);

	if (wd == DATUM_ZATERDAG || wd == DATUM_ZONDAG)
		return 0;
	return !werkdag_feestdag(k, d, NULL);
}

int werkdag_list(const struct werkdag_kalender *k, int y, unsigned flags,
		 struct werkdag_dag **out, size_t *n, struct err *e)
{
	struct werkdag_dag *all;
	struct fixed fixed[FIXED_MAX];
	size_t cap, cnt = 0, i, j, nf;

	*out = NULL;
	*n = 0;
	if (!year_ok(y))
		return err_set(e, "Jaar moet tussen %d en %d liggen", YEAR_MIN, YEAR_MAX);
	cap = FIXED_MAX + (k ? k->n : 0);
	all = calloc(cap, sizeof *all);
	if (!all)
		return err_set(e, "onvoldoende geheugen");
	nf = fixed_days(y, fixed);
	for (i = 0; i < nf; i++) {
		all[cnt].datum = fixed[i].datum;
		name_join(all[cnt].naam, fixed[i].naam); /* calloc: naam is "" */
		cnt++;
	}
	for (i = 0; k && i < k->n; i++)
		if (k->extra[i].datum.y == y)
			all[cnt++] = k->extra[i];
	qsort(all, cnt, sizeof *all, dag_cmp);
	/* Merge days with two names, then drop weekends unless asked. */
	for (i = 0, j = 0; i < cnt; i++) {
		int wd = datum_weekday(all[i].datum);

		if (j > 0 && datum_cmp(all[j - 1].datum, all[i].datum) == 0) {
			name_join(all[j - 1].naam, all[i].naam);
			continue;
		}
		if (!(flags & WERKDAG_OOK_WEEKEND) &&
		    (wd == DATUM_ZATERDAG || wd == DATUM_ZONDAG))
			continue;
		if (j != i)
			all[j] = all[i];
		j++;
	}
	*out = all;
	*n = j;
	return 0;
}

long werkdag_between(const struct werkdag_kalender *k, struct datum from,
		     struct datum to)
{
	long a = datum_to_days(from), b = datum_to_days(to), z, count = 0;
	int sign = 1;

	if (b < a) {
		long t = a;
		a = b;
		b = t;
		sign = -1;
	}
	for (z = a + 1; z <= b; z++)
		if (werkdag_is_werkdag(k, datum_from_days(z)))
			count++;
	return sign * count;
}

struct datum werkdag_add(const struct werkdag_kalender *k, struct datum d, long n)
{
	long z = datum_to_days(d);
	int step = n < 0 ? -1 : 1;

	while (n != 0) {
		z += step;
		if (werkdag_is_werkdag(k, datum_from_days(z)))
			n -= step;
	}
	return datum_from_days(z);
}

int werkdag_overdue(const struct werkdag_kalender *k, struct datum received,
		    struct datum today, long limit)
{
	/* More than `limit` werkdagen in (received, today] means the
	 * (limit+1)-th werkdag after received is on or before today; walking
	 * limit+1 werkdagen is cheaper than counting up to a far-off today. */
	if (limit < 0)
		return werkdag_between(k, received, today) > limit;
	return datum_cmp(werkdag_add(k, received, limit + 1), today) <= 0;
}

int werkdag_reactie_te_laat(const struct werkdag_kalender *k, struct datum received, struct datum today,
			    int heeft_reactie, int eindstatus)
{
	if (heeft_reactie || eindstatus)
		return 0;
	return werkdag_overdue(k, received, today, WERKDAG_REACTIE_NORM);
}

struct datum werkdag_overdue_cutoff(const struct werkdag_kalender *k, struct datum today, long limit)
{
	long now = datum_to_days(today);
	struct datum d = werkdag_add(k, today, limit > 0 ? -limit : 0);

	/* werkdagen after d up to today only grow as d goes back */
	for (long day = datum_to_days(d); day > now - 100000; day--) {
		d = datum_from_days(day);
		if (werkdag_between(k, d, today) > limit)
			break;
	}
	return d;
}
