/* agenda_stuk.c — the agenda and besluitenlijst of a meeting; see
 * agenda_stuk.h. */
#include "core/agenda_stuk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/brief.h"
#include "core/utf8.h"

/* s on one line without control characters or reordering marks (U+FFFD
 * instead): what a person typed never steers a terminal or a line.
 * malloc'ed; NULL when out of memory. */
static char *een_regel(const char *s)
{
	size_t n = s ? strlen(s) : 0, np = 0;
	char *flat = malloc(n + 1), *out = malloc(3 * n + 16);
	unsigned char pending[4];

	if (!flat || !out) {
		free(flat);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		flat[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
	flat[n] = '\0';
	out[utf8_terminal_safe(flat, n, pending, &np, out)] = '\0';
	free(flat);
	return out;
}

/* een_regel, then escaped for groff. */
static char *troff_tekst(const char *s)
{
	char *r = een_regel(s), *e = r ? brief_escape(r) : NULL;

	free(r);
	return e;
}

static const char *titel(enum agenda_stuk_soort soort)
{
	return soort == AGENDA_STUK_AGENDA ? "Agenda" : "Besluitenlijst";
}

/* Does case z belong on the paper?  The agenda: the open cases; the
 * besluitenlijst: every case (decided ones with their outcome, the others
 * with why they left). */
static int hoort_erbij(const struct agenda_stuk_zaak *z, enum agenda_stuk_soort soort)
{
	return soort == AGENDA_STUK_BESLUITEN || z->open;
}

/* "toegekend — toelichting", "aangehouden", "— van de agenda gehaald: …" */
static void besluit(const struct agenda_stuk_zaak *z, const char *notitie, FILE *f)
{
	if (z->open)
		fputs("nog geen besluit", f);
	else if (z->uitkomst && *z->uitkomst)
		fprintf(f, "%s%s%s", z->uitkomst, *notitie ? " — " : "", notitie);
	else
		fprintf(f, "niet besproken%s%s", *notitie ? ": " : "", notitie);
}

/* The head: commissie, date, time, place; members by role. f gets text
 * fields already made safe by conv (een_regel or troff_tekst). */
struct kop {
	char *org, *com, *plaats, **leden_naam, **leden_rol;
};

static void kop_free(struct kop *k, size_t n)
{
	free(k->org);
	free(k->com);
	free(k->plaats);
	for (size_t i = 0; i < n && k->leden_naam; i++)
		free(k->leden_naam[i]);
	for (size_t i = 0; i < n && k->leden_rol; i++)
		free(k->leden_rol[i]);
	free(k->leden_naam);
	free(k->leden_rol);
}

static int kop_make(const struct agenda_stuk *s, char *(*conv)(const char *), struct kop *k)
{
	char plaats[1100];

	memset(k, 0, sizeof *k);
	snprintf(plaats, sizeof plaats, "%s%s", s->link && *s->link ? "online: " : "",
		 s->link && *s->link ? s->link : s->locatie && *s->locatie ? s->locatie : "volgt");
	k->org = conv(s->organisatie ? s->organisatie : "");
	k->com = conv(s->commissie);
	k->plaats = conv(plaats);
	k->leden_naam = calloc(s->nleden + 1, sizeof *k->leden_naam);
	k->leden_rol = calloc(s->nleden + 1, sizeof *k->leden_rol);
	if (!k->org || !k->com || !k->plaats || !k->leden_naam || !k->leden_rol)
		return -1;
	for (size_t i = 0; i < s->nleden; i++)
		if (!(k->leden_naam[i] = conv(s->leden[i].naam)) || !(k->leden_rol[i] = conv(s->leden[i].rol)))
			return -1;
	return 0;
}

static int finish(FILE *f, char **buf, int rc)
{
	if (fclose(f) != 0 || rc < 0) {
		free(*buf);
		*buf = NULL;
		return -1;
	}
	return 0;
}

/* A memory stream into *out (len its length) and the head made safe by
 * conv; NULL (nothing left allocated) when out of memory. */
static FILE *begin(const struct agenda_stuk *s, char *(*conv)(const char *), struct kop *k, char **out,
		   size_t *len)
{
	FILE *f;

	*out = NULL;
	if (!(f = open_memstream(out, len)))
		return NULL;
	if (kop_make(s, conv, k) < 0) {
		kop_free(k, s->nleden);
		finish(f, out, -1);
		return NULL;
	}
	return f;
}

int agenda_stuk_tekst(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char **out)
{
	char ds[DATUM_BUFLEN], a[6], b[6];
	size_t len = 0;
	struct kop k;
	int rc = 0, n = 0;
	FILE *f = begin(s, een_regel, &k, out, &len);

	if (!f)
		return -1;
	fprintf(f, "%s %s\n%s\n\n", titel(soort), k.com, k.org);
	fprintf(f, "Datum:   %s %s\nTijd:    %s tot %s\nPlaats:  %s\n", datum_weekday_name(datum_weekday(s->datum)),
		datum_format(s->datum, ds), agenda_tijd_format(s->start, a), agenda_tijd_format(s->eind, b), k.plaats);
	if (s->geannuleerd)
		fputs("\nDEZE VERGADERING IS GEANNULEERD.\n", f);
	fputs("\nLeden\n", f);
	for (size_t i = 0; i < s->nleden; i++)
		fprintf(f, "  %-14s %s\n", k.leden_rol[i], k.leden_naam[i]);
	if (s->nleden == 0)
		fputs("  (geen leden vastgelegd)\n", f);
	fprintf(f, "\n%s\n", soort == AGENDA_STUK_AGENDA ? "Zaken (leerling als initialen)" : "Besluiten");
	for (size_t i = 0; i < s->nzaken && rc == 0; i++) {
		const struct agenda_stuk_zaak *z = &s->zaken[i];
		char *ini = een_regel(z->initialen), *typ = een_regel(z->aanvraagtype), *not = een_regel(z->notitie);

		if (!ini || !typ || !not) {
			rc = -1;
		} else if (hoort_erbij(z, soort)) {
			n++;
			if (soort == AGENDA_STUK_AGENDA) {
				fprintf(f, "  %2d. %s–%s  hulpvraag %ld  %s  %s\n", n, agenda_tijd_format(z->van, a),
					agenda_tijd_format(z->tot, b), z->nummer, ini, typ);
			} else {
				fprintf(f, "  hulpvraag %ld  %s  %s\n      besluit: ", z->nummer, ini, typ);
				besluit(z, not, f);
				fputc('\n', f);
			}
		}
		free(ini);
		free(typ);
		free(not);
	}
	if (n == 0)
		fputs("  (geen zaken)\n", f);
	kop_free(&k, s->nleden);
	return finish(f, out, rc);
}

int agenda_stuk_troff(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char **out)
{
	char ds[DATUM_BUFLEN], a[6], b[6];
	size_t len = 0;
	struct kop k;
	int rc = 0, n = 0;
	FILE *f = begin(s, troff_tekst, &k, out, &len);

	if (!f)
		return -1;
	/* -ms: no running head; the title large and bold */
	fprintf(f, ".ds CH\n.nr PS 11\n.nr VS 14\n.LP\n\\s+4\\fB%s %s\\fP\\s0\n.br\n%s\n.LP\n", titel(soort), k.com,
		k.org);
	fprintf(f, "Datum: %s %s\n.br\nTijd: %s tot %s\n.br\nPlaats: %s\n",
		datum_weekday_name(datum_weekday(s->datum)), datum_format(s->datum, ds), agenda_tijd_format(s->start, a),
		agenda_tijd_format(s->eind, b), k.plaats);
	if (s->geannuleerd)
		fputs(".LP\n\\fBDeze vergadering is geannuleerd.\\fP\n", f);
	fputs(".SH\nLeden\n.LP\n", f);
	if (s->nleden) {
		fputs(".TS\nl l.\n", f);
		for (size_t i = 0; i < s->nleden; i++)
			fprintf(f, "%s\t%s\n", k.leden_rol[i], k.leden_naam[i]);
		fputs(".TE\n", f);
	} else {
		fputs("(geen leden vastgelegd)\n", f);
	}
	fprintf(f, ".SH\n%s\n.LP\n", soort == AGENDA_STUK_AGENDA ? "Zaken (leerling als initialen)" : "Besluiten");
	for (size_t i = 0; i < s->nzaken; i++)
		n += hoort_erbij(&s->zaken[i], soort);
	if (n == 0) {
		fputs("(geen zaken)\n", f);
		kop_free(&k, s->nleden);
		return finish(f, out, 0);
	}
	n = 0;
	fputs(soort == AGENDA_STUK_AGENDA ? ".TS\nr l l l l.\n" : ".TS\nl l l lw(22m).\n", f);
	for (size_t i = 0; i < s->nzaken && rc == 0; i++) {
		const struct agenda_stuk_zaak *z = &s->zaken[i];
		char *ini = troff_tekst(z->initialen), *typ = troff_tekst(z->aanvraagtype), *not = een_regel(z->notitie);

		if (!ini || !typ || !not) {
			rc = -1;
		} else if (hoort_erbij(z, soort)) {
			n++;
			if (soort == AGENDA_STUK_AGENDA) {
				fprintf(f, "%d.\t%s–%s\t%ld\t%s\t%s\n", n, agenda_tijd_format(z->van, a),
					agenda_tijd_format(z->tot, b), z->nummer, ini, typ);
			} else {
				char *buf = NULL, *esc;
				size_t bl = 0;
				FILE *g = open_memstream(&buf, &bl);

				if (g) {
					besluit(z, not, g);
					fclose(g);
				}
				if (!buf || !(esc = brief_escape(buf))) {
					rc = -1;
				} else {
					/* the decision as a text block: it may be long */
					fprintf(f, "%ld\t%s\t%s\tT{\n%s\nT}\n", z->nummer, ini, typ, esc);
					free(esc);
				}
				free(buf);
			}
		}
		free(ini);
		free(typ);
		free(not);
	}
	fputs(".TE\n", f);
	kop_free(&k, s->nleden);
	return finish(f, out, rc);
}

void agenda_stuk_naam(const struct agenda_stuk *s, enum agenda_stuk_soort soort, char *buf, size_t len)
{
	char ds[DATUM_BUFLEN];

	snprintf(buf, len, "%s %s %s", titel(soort), s->commissie, datum_format(s->datum, ds));
	for (char *p = buf; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20)
			*p = '-';
}
