/* agenda.c — the commission agenda's rules; see agenda.h. */
#include "core/agenda.h"

#include <dirent.h>
#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REEKS_MAX_DAGEN (2 * 366) /* a series longer than two years is a typo */

unsigned agenda_regio_parse(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "noord"))
		return AGENDA_NOORD;
	if (!strcmp(s, "midden"))
		return AGENDA_MIDDEN;
	if (!strcmp(s, "zuid"))
		return AGENDA_ZUID;
	if (!strcmp(s, "alle"))
		return AGENDA_ALLE;
	return 0;
}

void agenda_vakanties_init(struct agenda_vakanties *vs)
{
	vs->v = NULL;
	vs->n = vs->alloc = 0;
}

void agenda_vakanties_release(struct agenda_vakanties *vs)
{
	free(vs->v);
	agenda_vakanties_init(vs);
}

static int vakantie_push(struct agenda_vakanties *vs, const struct agenda_vakantie *v)
{
	if (vs->n == vs->alloc) {
		size_t na = vs->alloc ? vs->alloc * 2 : 16;
		struct agenda_vakantie *p = realloc(vs->v, na * sizeof *p);

		if (!p)
			return -1;
		vs->v = p;
		vs->alloc = na;
	}
	vs->v[vs->n++] = *v;
	return 0;
}

/* A string member of group g, or NULL (with e set at its line). */
static const char *member_string(config_setting_t *g, const char *name, const char *path, struct err *e)
{
	config_setting_t *s = config_setting_get_member(g, name);

	if (!s) {
		err_set_at(e, path, config_setting_source_line(g), "%s ontbreekt", name);
		return NULL;
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		err_set_at(e, path, config_setting_source_line(s), "%s moet tekst tussen aanhalingstekens zijn",
			   name);
		return NULL;
	}
	return config_setting_get_string(s);
}

static int member_datum(config_setting_t *g, const char *name, const char *path, struct datum *d,
			struct err *e)
{
	const char *s = member_string(g, name, path, e);
	struct err sub;

	if (!s)
		return -1;
	if (datum_parse(s, d, &sub) < 0)
		return err_set_at(e, path, config_setting_source_line(config_setting_get_member(g, name)),
				  "%s: %s", name, sub.msg);
	return 0;
}

static int load_vakantie(struct agenda_vakanties *vs, config_setting_t *g, int jaar, const char *path,
			 struct err *e)
{
	static const char *const known[] = { "naam", "regio", "van", "tot" };
	struct agenda_vakantie v;
	config_setting_t *s;
	const char *naam, *regio;
	int line = config_setting_source_line(g);

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return err_set_at(e, path, line, "verwacht { naam; regio; van; tot; }");
	for (int i = 0; (s = config_setting_get_elem(g, (unsigned)i)) != NULL; i++) {
		size_t j;

		for (j = 0; j < sizeof known / sizeof *known; j++)
			if (!strcmp(config_setting_name(s), known[j]))
				break;
		if (j == sizeof known / sizeof *known)
			return err_set_at(e, path, config_setting_source_line(s),
					  "onbekende instelling '%s' (verwacht naam, regio, van, tot)",
					  config_setting_name(s));
	}
	memset(&v, 0, sizeof v);
	if (!(naam = member_string(g, "naam", path, e)) || !(regio = member_string(g, "regio", path, e)))
		return -1;
	if (!naam[0] || strlen(naam) >= sizeof v.naam)
		return err_set_at(e, path, line, "naam moet 1 tot %zu bytes zijn", sizeof v.naam - 1);
	snprintf(v.naam, sizeof v.naam, "%s", naam);
	v.regio = agenda_regio_parse(regio);
	if (!v.regio)
		return err_set_at(e, path, line, "regio '%s' bestaat niet (noord, midden, zuid of alle)", regio);
	if (member_datum(g, "van", path, &v.van, e) < 0 || member_datum(g, "tot", path, &v.tot, e) < 0)
		return -1;
	if (datum_cmp(v.tot, v.van) < 0)
		return err_set_at(e, path, line, "tot ligt vóór van");
	/* van decides the school year: the zomervakantie runs on into August */
	if (datum_schooljaar(v.van) != jaar)
		return err_set_at(e, path, line, "%s valt niet in schooljaar %d-%d", v.naam, jaar, jaar + 1);
	if (vakantie_push(vs, &v) < 0)
		return err_set(e, "onvoldoende geheugen");
	return 0;
}

int agenda_vakanties_load(struct agenda_vakanties *vs, const char *path, struct err *e)
{
	config_t cfg;
	config_setting_t *root, *s, *list;
	const char *sj = NULL;
	size_t before = vs->n;
	int jaar = 0, jaar2 = 0, rc = -1;
	FILE *fp = fopen(path, "r");

	if (!fp)
		return err_set(e, "%s: %s", path, errno == ENOENT ? "bestand bestaat niet" : strerror(errno));
	config_init(&cfg);
	if (config_read(&cfg, fp) != CONFIG_TRUE) {
		err_set_at(e, path, config_error_line(&cfg), "%s",
			   config_error_text(&cfg) ? config_error_text(&cfg) : "fout bij lezen");
		goto out;
	}
	root = config_root_setting(&cfg);
	for (int i = 0; (s = config_setting_get_elem(root, (unsigned)i)) != NULL; i++)
		if (strcmp(config_setting_name(s), "schooljaar") && strcmp(config_setting_name(s), "vakanties")) {
			err_set_at(e, path, config_setting_source_line(s),
				   "onbekende instelling '%s' (verwacht schooljaar en vakanties)",
				   config_setting_name(s));
			goto out;
		}
	if (!config_lookup_string(&cfg, "schooljaar", &sj) || sscanf(sj, "%4d-%4d", &jaar, &jaar2) != 2 ||
	    jaar2 != jaar + 1) {
		err_set_at(e, path, 1, "schooljaar = \"JJJJ-JJJJ\" ontbreekt of klopt niet");
		goto out;
	}
	list = config_setting_get_member(root, "vakanties");
	if (!list || config_setting_type(list) != CONFIG_TYPE_LIST) {
		err_set_at(e, path, list ? config_setting_source_line(list) : 1,
			   "vakanties = ( … ); ontbreekt");
		goto out;
	}
	for (int i = 0; (s = config_setting_get_elem(list, (unsigned)i)) != NULL; i++)
		if (load_vakantie(vs, s, jaar, path, e) < 0) {
			vs->n = before;
			goto out;
		}
	rc = 0;
out:
	config_destroy(&cfg);
	fclose(fp);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int agenda_vakanties_load_dir(struct agenda_vakanties *vs, const char *dir, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	if (!d)
		return err_set(e, "%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char **p;

		if (len < 6 || strcmp(de->d_name + len - 5, ".conf") || de->d_name[0] == '.')
			continue;
		p = realloc(names, (n + 1) * sizeof *names);
		if (!p || !(p[n] = strdup(de->d_name))) {
			names = p ? p : names;
			rc = err_set(e, "onvoldoende geheugen");
			break;
		}
		names = p;
		n++;
	}
	closedir(d);
	if (rc == 0)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		char path[4096];

		if (rc == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			rc = agenda_vakanties_load(vs, path, e);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

const struct agenda_vakantie *agenda_vakantie_op(const struct agenda_vakanties *vs, unsigned regio,
						 struct datum d)
{
	if (!vs)
		return NULL;
	for (size_t i = 0; i < vs->n; i++)
		if ((vs->v[i].regio & regio) && datum_cmp(d, vs->v[i].van) >= 0 &&
		    datum_cmp(d, vs->v[i].tot) <= 0)
			return &vs->v[i];
	return NULL;
}

int agenda_tijd_parse(const char *s, int *minuten, struct err *e)
{
	int h = 0, m = 0, i = 0;

	if (!s)
		return err_set(e, "Tijd moet uu:mm zijn");
	/* one or two digits, ':', exactly two digits, nothing else */
	for (; s[i] >= '0' && s[i] <= '9' && i < 2; i++)
		h = h * 10 + (s[i] - '0');
	if (i == 0 || s[i] != ':' || !(s[i + 1] >= '0' && s[i + 1] <= '9') ||
	    !(s[i + 2] >= '0' && s[i + 2] <= '9') || s[i + 3] != '\0')
		return err_set(e, "Tijd moet uu:mm zijn");
	m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	if (h > 23 || m > 59)
		return err_set(e, "%s bestaat niet", s);
	*minuten = h * 60 + m;
	return 0;
}

const char *agenda_tijd_format(int minuten, char *buf)
{
	unsigned m = minuten < 0 ? 0u : (unsigned)minuten % (24 * 60);

	snprintf(buf, 6, "%02u:%02u", m / 60, m % 60);
	return buf;
}

/* The nde weekday wd of month y-m (nde -1: the last); valid=0 when there
 * is no fifth one. */
static struct datum nde_weekdag(int y, int m, int nde, int wd)
{
	if (nde > 0) {
		struct datum d = datum_make(y, m, 1);
		int shift = (wd - datum_weekday(d) + 7) % 7 + 7 * (nde - 1);

		return datum_add_days(d, shift);
	}
	struct datum d = datum_make(y, m, datum_days_in_month(y, m));

	return datum_add_days(d, -((datum_weekday(d) - wd + 7) % 7));
}

static int reeks_check(const struct agenda_reeks *r, struct err *e)
{
	if (!datum_valid(r->van))
		return err_set(e, "Een reeks heeft een begindatum nodig");
	if (!datum_valid(r->tot))
		return err_set(e, "Een reeks heeft een einddatum nodig");
	if (datum_cmp(r->tot, r->van) < 0)
		return err_set(e, "De einddatum ligt vóór de begindatum");
	if (datum_diff(r->van, r->tot) > REEKS_MAX_DAGEN)
		return err_set(e, "Een reeks loopt hoogstens twee jaar");
	if (r->soort == AGENDA_WEKELIJKS && (r->interval < 1 || r->interval > 8))
		return err_set(e, "Om de hoeveel weken: 1 tot en met 8");
	if (r->soort == AGENDA_MAANDELIJKS &&
	    (!((r->nde >= 1 && r->nde <= 4) || r->nde == -1) || r->weekdag < DATUM_MAANDAG ||
	     r->weekdag > DATUM_VRIJDAG))
		return err_set(e, "Kies de eerste tot en met vierde of de laatste maandag tot en met vrijdag");
	return 0;
}

/* Appends to a growing array of elem bytes; -1 when out of memory. */
static int grow_push(void **arr, size_t *n, size_t *alloc, size_t elem, const void *x)
{
	if (*n == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 32;
		void *p = realloc(*arr, na * elem);

		if (!p)
			return -1;
		*arr = p;
		*alloc = na;
	}
	memcpy((char *)*arr + *n * elem, x, elem);
	(*n)++;
	return 0;
}

int agenda_reeks_data(const struct agenda_reeks *r, const struct werkdag_kalender *k,
		      const struct agenda_vakanties *vs, struct datum **out, size_t *n,
		      struct agenda_overgeslagen **skip, size_t *nskip, struct err *e)
{
	void *dates = NULL, *skips = NULL;
	size_t nd = 0, ad = 0, ns = 0, as = 0;
	struct datum d;
	int y, m;

	*out = NULL;
	*n = 0;
	if (skip) {
		*skip = NULL;
		*nskip = 0;
	}
	if (reeks_check(r, e) < 0)
		return -1;
	d = r->van;
	y = r->van.y;
	m = r->van.m;
	for (;;) {
		struct agenda_overgeslagen o;
		const struct agenda_vakantie *v;
		char naam[WERKDAG_NAAM_MAX];

		if (r->soort == AGENDA_MAANDELIJKS) {
			d = nde_weekdag(y, m, r->nde, r->weekdag);
			if (++m > 12) {
				m = 1;
				y++;
			}
			if (datum_cmp(d, r->van) < 0)
				continue;
		}
		if (datum_cmp(d, r->tot) > 0)
			break;
		memset(&o, 0, sizeof o);
		o.datum = d;
		if (werkdag_feestdag(k, d, naam))
			snprintf(o.reden, sizeof o.reden, "%s", naam);
		else if (!werkdag_is_werkdag(k, d))
			snprintf(o.reden, sizeof o.reden, "weekend");
		else if ((v = agenda_vakantie_op(vs, r->regio, d)) != NULL)
			snprintf(o.reden, sizeof o.reden, "%s", v->naam);
		if (o.reden[0]) {
			if (skip && grow_push(&skips, &ns, &as, sizeof o, &o) < 0)
				goto oom;
		} else if (grow_push(&dates, &nd, &ad, sizeof d, &d) < 0) {
			goto oom;
		}
		if (r->soort == AGENDA_WEKELIJKS)
			d = datum_add_days(d, 7L * r->interval);
	}
	*out = dates;
	*n = nd;
	if (skip) {
		*skip = skips;
		*nskip = ns;
	}
	return 0;
oom:
	free(dates);
	free(skips);
	return err_set(e, "onvoldoende geheugen");
}

int agenda_capaciteit_zaken(const struct agenda_capaciteit *c, int start, int eind)
{
	if (c->zaken > 0)
		return c->zaken;
	if (c->minuten_per_zaak > 0 && eind > start)
		return (eind - start) / c->minuten_per_zaak;
	return 0;
}

void agenda_slot(const struct agenda_capaciteit *c, int start, int eind, int volgorde, int *van, int *tot)
{
	int per = c->minuten_per_zaak;

	if (per <= 0) {
		int zaken = c->zaken > 0 ? c->zaken : 1;

		per = (eind - start) / zaken;
	}
	*van = start + volgorde * per;
	*tot = *van + per;
}

struct datum agenda_deadline(const struct werkdag_kalender *k, struct datum vergadering, int werkdagen)
{
	return werkdag_add(k, vergadering, -(long)werkdagen);
}

/* A whole number 0..max from a field; "" is 0. */
static int parse_aantal(const char *s, int max, int *out)
{
	long v = 0;

	if (!s || !*s) {
		*out = 0;
		return 0;
	}
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
		if (v > max)
			return -1;
	}
	*out = (int)v;
	return 0;
}

static int veld_err(enum agenda_veld *veld, enum agenda_veld v, struct err *e, const struct err *sub)
{
	*veld = v;
	return err_set(e, "%s", sub->msg);
}

int agenda_invoer_check(const struct agenda_invoer *in, const struct werkdag_kalender *k, int werkdagen,
			struct agenda_vergadering *v, enum agenda_veld *veld, struct err *e)
{
	struct err sub;

	*veld = AV_GEEN;
	memset(v, 0, sizeof *v);
	if (!in->datum || !in->datum[0]) {
		*veld = AV_DATUM;
		return err_set(e, "Datum ontbreekt");
	}
	if (datum_parse(in->datum, &v->datum, &sub) < 0)
		return veld_err(veld, AV_DATUM, e, &sub);
	if (!in->start || !in->start[0]) {
		*veld = AV_START;
		return err_set(e, "Begintijd ontbreekt");
	}
	if (agenda_tijd_parse(in->start, &v->start, &sub) < 0)
		return veld_err(veld, AV_START, e, &sub);
	if (!in->eind || !in->eind[0]) {
		*veld = AV_EIND;
		return err_set(e, "Eindtijd ontbreekt");
	}
	if (agenda_tijd_parse(in->eind, &v->eind, &sub) < 0)
		return veld_err(veld, AV_EIND, e, &sub);
	if (v->eind <= v->start) {
		*veld = AV_EIND;
		return err_set(e, "De eindtijd moet na de begintijd liggen");
	}
	if (parse_aantal(in->zaken, 99, &v->cap.zaken) < 0) {
		*veld = AV_ZAKEN;
		return err_set(e, "Aantal zaken: een getal van 1 tot en met 99");
	}
	if (parse_aantal(in->minuten, 480, &v->cap.minuten_per_zaak) < 0) {
		*veld = AV_MINUTEN;
		return err_set(e, "Minuten per zaak: een getal van 1 tot en met 480");
	}
	if (v->cap.zaken == 0 && v->cap.minuten_per_zaak == 0) {
		*veld = AV_ZAKEN;
		return err_set(e, "De capaciteit moet minstens 1 zaak zijn (aantal zaken of minuten per zaak)");
	}
	if (agenda_capaciteit_zaken(&v->cap, v->start, v->eind) < 1) {
		*veld = AV_MINUTEN;
		return err_set(e, "Er past geen enkele zaak van %d minuten in de vergadering",
			       v->cap.minuten_per_zaak);
	}
	if (!in->deadline || !in->deadline[0]) {
		v->deadline = agenda_deadline(k, v->datum, werkdagen);
	} else {
		if (datum_parse(in->deadline, &v->deadline, &sub) < 0)
			return veld_err(veld, AV_DEADLINE, e, &sub);
		if (datum_cmp(v->deadline, v->datum) >= 0) {
			*veld = AV_DEADLINE;
			return err_set(e, "De aanleverdeadline moet vóór de vergadering liggen");
		}
	}
	return 0;
}

enum agenda_weigering agenda_plan_check(const struct agenda_plek *p, struct datum today, int override)
{
	if (p->geannuleerd)
		return AGENDA_GEANNULEERD;
	if (datum_cmp(p->datum, today) < 0)
		return AGENDA_VERLEDEN;
	if (p->gepland >= p->capaciteit)
		return AGENDA_VOL;
	if (!override && datum_cmp(today, p->deadline) > 0)
		return AGENDA_DEADLINE;
	return AGENDA_OK;
}

const char *agenda_weigering_tekst(enum agenda_weigering w, const struct agenda_plek *p, char *buf, size_t len)
{
	char d[DATUM_BUFLEN];

	switch (w) {
	case AGENDA_OK:
		snprintf(buf, len, "Er is plaats");
		break;
	case AGENDA_GEANNULEERD:
		snprintf(buf, len, "De vergadering van %s is geannuleerd", datum_format(p->datum, d));
		break;
	case AGENDA_VERLEDEN:
		snprintf(buf, len, "De vergadering van %s is al geweest", datum_format(p->datum, d));
		break;
	case AGENDA_VOL:
		snprintf(buf, len, "De vergadering is vol (%d van %d zaken)", p->gepland, p->capaciteit);
		break;
	case AGENDA_DEADLINE:
		snprintf(buf, len, "De aanleverdeadline (%s) is verstreken; plannen kan met een reden",
			 datum_format(p->deadline, d));
		break;
	}
	return buf;
}

int agenda_voorstel(const struct agenda_plek *p, size_t n, struct datum today)
{
	for (size_t i = 0; i < n; i++)
		if (agenda_plan_check(&p[i], today, 0) == AGENDA_OK)
			return (int)i;
	return -1;
}

struct datum agenda_verlenging_vanaf(struct datum ontvangen, struct datum deadline,
				     const struct agenda_vakanties *vs, unsigned regio)
{
	struct datum geen = { 0, 0, 0 };
	int sj;

	if (!datum_valid(deadline) || !datum_valid(ontvangen) || datum_cmp(ontvangen, deadline) <= 0)
		return geen;
	sj = datum_schooljaar(deadline);
	if (datum_schooljaar(ontvangen) != sj)
		return geen; /* received in a later school year: that year's deadline counts */
	for (size_t i = 0; vs && i < vs->n; i++) {
		const struct agenda_vakantie *v = &vs->v[i];

		if ((v->regio & regio) && !strcmp(v->naam, "zomervakantie") && datum_schooljaar(v->van) == sj)
			return datum_add_days(v->tot, 1);
	}
	return datum_make(sj + 1, 9, 1);
}

size_t agenda_plan_alles(const struct agenda_plek *p, size_t n, size_t ncases, const struct datum *vanaf,
			 struct datum today, int *out)
{
	size_t placed = 0;
	int *extra = calloc(n + 1, sizeof *extra); /* proposed per meeting so far */

	for (size_t i = 0; i < ncases; i++) {
		out[i] = -1;
		for (size_t m = 0; extra && m < n; m++) {
			struct agenda_plek q = p[m];

			if (vanaf && datum_valid(vanaf[i]) && datum_cmp(q.datum, vanaf[i]) < 0)
				continue;
			q.gepland += extra[m];
			if (agenda_plan_check(&q, today, 0) != AGENDA_OK)
				continue;
			out[i] = (int)m;
			extra[m]++;
			placed++;
			break;
		}
	}
	free(extra);
	return placed;
}

/* printf into a fresh string; NULL when out of memory. */
static char *fmt_alloc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *fmt_alloc(const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

static int mail_pair(char *subject, char *body, char **s_out, char **b_out)
{
	if (!subject || !body) {
		free(subject);
		free(body);
		return -1;
	}
	*s_out = subject;
	*b_out = body;
	return 0;
}

int agenda_mail_gepland(long nummer, const char *commissie, struct datum d, int van, int tot, const char *locatie,
			const char *link, char **subject, char **body)
{
	char ds[DATUM_BUFLEN], a[6], b[6];
	const char *waar = link && *link ? link : locatie && *locatie ? locatie : "volgt";

	datum_format(d, ds);
	return mail_pair(fmt_alloc("Hulpvraag %ld: bespreking in de %s op %s", nummer, commissie, ds),
			 fmt_alloc("Beste aanvrager,\n\n"
				   "Hulpvraag %ld staat op de agenda van de %s.\n\n"
				   "Datum:   %s %s\n"
				   "Tijd:    %s tot %s\n"
				   "Plaats:  %s%s\n\n"
				   "U hoeft hiervoor niets te doen. Na de bespreking hoort u het besluit.\n\n"
				   "Met vriendelijke groet,\nhet secretariaat\n",
				   nummer, commissie, datum_weekday_name(datum_weekday(d)), ds,
				   agenda_tijd_format(van, a), agenda_tijd_format(tot, b), waar,
				   link && *link ? " (online)" : ""),
			 subject, body);
}

int agenda_mail_vervalt(long nummer, const char *commissie, struct datum d, char **subject, char **body)
{
	char ds[DATUM_BUFLEN];

	datum_format(d, ds);
	return mail_pair(fmt_alloc("Hulpvraag %ld: bespreking van %s vervalt", nummer, ds),
			 fmt_alloc("Beste aanvrager,\n\n"
				   "De vergadering van de %s op %s gaat niet door. De bespreking van "
				   "hulpvraag %ld vervalt.\n\n"
				   "De hulpvraag wordt opnieuw ingepland; u hoort de nieuwe datum zodra die bekend is.\n\n"
				   "Met vriendelijke groet,\nhet secretariaat\n",
				   commissie, ds, nummer),
			 subject, body);
}

int agenda_mail_uitkomst(long nummer, const char *commissie, struct datum d, const char *uitkomst,
			 const char *notitie, char **subject, char **body)
{
	char ds[DATUM_BUFLEN];
	int aangehouden = uitkomst && !strcmp(uitkomst, "aangehouden");

	datum_format(d, ds);
	return mail_pair(fmt_alloc("Hulpvraag %ld: besluit van de %s van %s", nummer, commissie, ds),
			 fmt_alloc("Beste aanvrager,\n\n"
				   "De %s heeft hulpvraag %ld op %s besproken.\n\n"
				   "Uitkomst: %s\n%s%s%s\n"
				   "%s"
				   "Met vriendelijke groet,\nhet secretariaat\n",
				   commissie, nummer, ds, uitkomst ? uitkomst : "",
				   notitie && *notitie ? "Toelichting: " : "", notitie ? notitie : "",
				   notitie && *notitie ? "\n" : "",
				   aangehouden ? "De hulpvraag komt op een volgende vergadering terug.\n\n" : ""),
			 subject, body);
}
