/* afspraak.c — the coördinator's own appointment; see afspraak.h. */
#include "core/afspraak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"

/* The next word of *p (spaces, "-" and an en dash separate words; "tot" is
 * skipped) into w; 0 when none is left. */
static int woord(const char **p, char *w, size_t len)
{
	for (;;) {
		const char *s = *p;
		size_t n = 0;

		while (*s == ' ' || *s == '\t' || *s == '-' || !strncmp(s, "\xe2\x80\x93", 3))
			s += *s == '\xe2' ? 3 : 1;
		while (*s && *s != ' ' && *s != '\t' && *s != '-' && strncmp(s, "\xe2\x80\x93", 3)) {
			if (n + 1 < len)
				w[n++] = *s;
			s++;
		}
		w[n] = '\0';
		*p = s;
		if (!n)
			return 0;
		if (strcmp(w, "tot"))
			return 1;
	}
}

int afspraak_tijd_parse(const char *s, struct datum vandaag, struct afspraak_tijd *t, struct err *e)
{
	const char *fmt = "Schrijf datum en tijd als dd-mm-jjjj uu:mm-uu:mm, bijvoorbeeld 14-12-2026 10:00-10:30";
	char d[32], a[16], b[16], rest[8];
	const char *p = s ? s : "";
	struct afspraak_tijd x;
	struct err sub;
	size_t i = 0;

	/* the date is the first word, up to the first space */
	while (*p == ' ')
		p++;
	while (p[i] && p[i] != ' ' && p[i] != '\t' && i + 1 < sizeof d) {
		d[i] = p[i];
		i++;
	}
	d[i] = '\0';
	p += i;
	if (!i)
		return err_set(e, "%s", fmt);
	if (!woord(&p, a, sizeof a) || !woord(&p, b, sizeof b) || woord(&p, rest, sizeof rest))
		return err_set(e, "%s", fmt);
	if (datum_parse_los(d, &x.datum, &sub) < 0)
		return err_set(e, "Datum: %s", sub.msg);
	if (agenda_tijd_parse(a, &x.van, &sub) < 0)
		return err_set(e, "Begintijd: %s", sub.msg);
	if (agenda_tijd_parse(b, &x.tot, &sub) < 0)
		return err_set(e, "Eindtijd: %s", sub.msg);
	if (x.tot <= x.van)
		return err_set(e, "De eindtijd (%s) ligt niet na de begintijd (%s)", b, a);
	if (datum_cmp(x.datum, vandaag) < 0) {
		char ds[DATUM_BUFLEN];
		return err_set(e, "De datum %s is al geweest", datum_format(x.datum, ds));
	}
	*t = x;
	return 0;
}

const char *afspraak_tijd_format(const struct afspraak_tijd *t, char *buf)
{
	char ds[DATUM_BUFLEN], a[6], b[6];

	snprintf(buf, AFSPRAAK_TIJD_BUFLEN, "%s %s-%s", datum_format(t->datum, ds), agenda_tijd_format(t->van, a),
		 agenda_tijd_format(t->tot, b));
	return buf;
}

struct afspraak_tijd afspraak_voorstel(struct datum vandaag)
{
	struct afspraak_tijd t = { datum_add_days(vandaag, 1), 10 * 60, 10 * 60 + 30 };

	while (datum_weekday(t.datum) >= DATUM_ZATERDAG)
		t.datum = datum_add_days(t.datum, 1);
	return t;
}

/* Both or neither: on failure both are freed. */
static int beide(char *subject, char *body, char **s_out, char **b_out)
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

int afspraak_mail_gepland(long nummer, const struct afspraak_tijd *t, const char *waar, int verplaatst,
			  char **subject, char **body)
{
	char ds[DATUM_BUFLEN], a[6], b[6], *s = NULL, *m = NULL;

	datum_format(t->datum, ds);
	agenda_tijd_format(t->van, a);
	agenda_tijd_format(t->tot, b);
	if (asprintf(&s, "Hulpvraag %ld: afspraak met de coördinator %s %s om %s", nummer,
		     verplaatst ? "verplaatst naar" : "op", ds, a) < 0)
		s = NULL;
	if (asprintf(&m,
		     "Beste aanvrager,\n\n"
		     "%s met de coördinator passend onderwijs over hulpvraag %ld:\n\n"
		     "Datum:   %s %s\n"
		     "Tijd:    %s tot %s\n"
		     "Waar:    %s\n\n"
		     "Kunt u niet op dit tijdstip? Neem dan contact op met de coördinator.\n\n"
		     "Met vriendelijke groet,\nde coördinator passend onderwijs\n",
		     verplaatst ? "De afspraak is verplaatst. De nieuwe afspraak" : "Er is een afspraak gemaakt",
		     nummer, datum_weekday_name(datum_weekday(t->datum)), ds, a, b,
		     waar && *waar ? waar : "de coördinator belt u") < 0)
		m = NULL;
	return beide(s, m, subject, body);
}

int afspraak_mail_vervalt(long nummer, const struct afspraak_tijd *t, char **subject, char **body)
{
	char ds[DATUM_BUFLEN], a[6], *s = NULL, *m = NULL;

	datum_format(t->datum, ds);
	agenda_tijd_format(t->van, a);
	if (asprintf(&s, "Hulpvraag %ld: afspraak van %s gaat niet door", nummer, ds) < 0)
		s = NULL;
	if (asprintf(&m,
		     "Beste aanvrager,\n\n"
		     "De afspraak met de coördinator passend onderwijs over hulpvraag %ld op %s om %s gaat niet "
		     "door.\n\n"
		     "U hoort zo snel mogelijk wanneer de nieuwe afspraak is.\n\n"
		     "Met vriendelijke groet,\nde coördinator passend onderwijs\n",
		     nummer, ds, a) < 0)
		m = NULL;
	return beide(s, m, subject, body);
}
