/* compleet.c — evaluating an aanvraagtype's completeness checklist. */
#include "core/compleet.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/titel.h"

const char *const compleet_kind_names[COMPLEET_KIND_COUNT] = {
	[COMPLEET_BIJLAGE] = "bijlage",
	[COMPLEET_FORMULIER] = "formulier",
	[COMPLEET_VELD] = "veld",
	[COMPLEET_BASISGEGEVEN] = "basisgegeven",
	[COMPLEET_SCHOOLGEGEVENS] = "schoolgegevens",
	[COMPLEET_ACTUEEL] = "actueel",
	[COMPLEET_MAX_BIJLAGEN] = "max_bijlagen",
	[COMPLEET_BESTANDSNAMEN] = "bestandsnamen",
	[COMPLEET_TITEL] = "titel_zonder_naam",
};

const char *const compleet_categorieen[] = {
	"OPP", "onderzoeksverslag", "toetsgegevens", "plan", "ondertekening", "zienswijze", "beschikking",
	"overig", NULL
};

const char *const compleet_basisgegevens[] = { "geboortedatum", "woonadres", "geslacht", NULL };

int compleet_kind_from_name(const char *name)
{
	for (int k = 0; name && k < COMPLEET_KIND_COUNT; k++)
		if (strcmp(compleet_kind_names[k], name) == 0)
			return k;
	return -1;
}

static int in_list(const char *const *list, const char *s)
{
	for (size_t i = 0; s && list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

int compleet_is_categorie(const char *c)
{
	return in_list(compleet_categorieen, c);
}

void compleet_rules_release(struct compleet_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nitems; i++) {
		struct compleet_item *it = &r->items[i];
		for (size_t k = 0; k < it->nalt; k++) {
			free(it->alt[k].arg);
			free(it->alt[k].veld);
			free(it->alt[k].waarde);
		}
		free(it->alt);
		for (size_t k = 0; k < it->nalleen_in; k++)
			free(it->alleen_in[k]);
		free(it->alleen_in);
		free(it->omschrijving);
		free(it->melding);
	}
	free(r->items);
	r->items = NULL;
	r->nitems = 0;
}

/* Form codes as migration 009 allows them; field keys likewise. */
static int valid_code(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static int valid_key(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

int compleet_cond_check(const struct compleet_cond *c, struct err *e)
{
	switch (c->kind) {
	case COMPLEET_BIJLAGE:
	case COMPLEET_ACTUEEL:
		if (!compleet_is_categorie(c->arg))
			return err_set(e, "onbekende bijlagecategorie '%s' (bekend: OPP, onderzoeksverslag, "
					  "toetsgegevens, plan, ondertekening, zienswijze, beschikking, overig)",
				       c->arg ? c->arg : "");
		if (c->kind == COMPLEET_ACTUEEL && (c->getal < 1 || c->getal > 240))
			return err_set(e, "'maanden' moet tussen 1 en 240 liggen, niet %d", c->getal);
		return 0;
	case COMPLEET_FORMULIER:
	case COMPLEET_VELD:
		if (!valid_code(c->arg))
			return err_set(e, "'%s' is geen formuliercode (kleine letters, cijfers en '-', "
					  "zoals de bestandsnaam zonder .form)", c->arg ? c->arg : "");
		if (c->kind == COMPLEET_VELD && !valid_key(c->veld))
			return err_set(e, "'%s' is geen veldnaam (kleine letters, cijfers en '_')",
				       c->veld ? c->veld : "");
		if (c->waarde && (!c->waarde[0] || strlen(c->waarde) > 200))
			return err_set(e, "'waarde' moet een tekst van 1 tot 200 bytes zijn");
		if (c->waarde && c->eerste)
			return err_set(e, "'waarde' en 'eerste_van_de_maand' gaan niet samen");
		return 0;
	case COMPLEET_BASISGEGEVEN:
		if (!in_list(compleet_basisgegevens, c->arg))
			return err_set(e, "onbekend basisgegeven '%s' (bekend: geboortedatum, woonadres, geslacht)",
				       c->arg ? c->arg : "");
		return 0;
	case COMPLEET_MAX_BIJLAGEN:
		if (c->getal < 1 || c->getal > 100)
			return err_set(e, "'max_bijlagen' moet tussen 1 en 100 liggen, niet %d", c->getal);
		return 0;
	case COMPLEET_SCHOOLGEGEVENS:
	case COMPLEET_BESTANDSNAMEN:
	case COMPLEET_TITEL:
		return 0;
	default:
		return err_set(e, "onbekende soort regel");
	}
}

/* ---------------------------------------------------------------- dates -- */

struct datum compleet_add_months(struct datum d, int months)
{
	long m = (long)d.y * 12 + (d.m - 1) + months;
	struct datum r;

	r.y = (int)(m / 12);
	r.m = (int)(m % 12) + 1;
	int dim = datum_days_in_month(r.y, r.m);
	r.d = d.d > dim ? dim : d.d;
	return r;
}

/* ------------------------------------------------------ meaningless names -- */

/* Words that say nothing about a document: what scanners, cameras, phones
 * and word processors name files by default. */
static const char *const generic_words[] = {
	"scan", "scans", "scanned", "scanner", "document", "documenten", "doc", "docx", "img", "image",
	"dsc", "dscn", "dcim", "pic", "picture", "foto", "photo", "afbeelding", "bestand", "file",
	"nieuw", "new", "untitled", "naamloos", "kopie", "copy", "of", "van", "bijlage", "pdf", "wa",
	"screenshot", "schermafbeelding", "tmp", "temp", "page", "pagina", "adobe", "cam", "camscanner",
	"whatsapp", "download", "downloads", "mail", "attachment", "x", NULL
};

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int compleet_naam_zegt_niets(const char *naam)
{
	char base[256], word[64];
	size_t n;
	const char *dot;

	if (!naam || !naam[0])
		return 1;
	dot = strrchr(naam, '.');
	n = dot && dot > naam ? (size_t)(dot - naam) : strlen(naam);
	if (n >= sizeof base)
		return 0; /* a long name says something */
	memcpy(base, naam, n);
	base[n] = '\0';
	/* Split into runs of letters (non-ASCII bytes count as letters): every
	 * run must be a generic word for the name to say nothing. */
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)base[i];
		int letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
		if (!letter) {
			i++;
			continue;
		}
		size_t w = 0;
		int too_long = 0;
		while (i < n) {
			ch = (unsigned char)base[i];
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80))
				break;
			if (w + 1 < sizeof word)
				word[w++] = (char)lower_ascii(ch);
			else
				too_long = 1;
			i++;
		}
		word[w] = '\0';
		if (too_long || !in_list(generic_words, word))
			return 0;
	}
	return 1;
}

/* ----------------------------------------------------------- evaluation -- */

static const struct compleet_formulier *next_form(const struct compleet_feiten *f, const char *code,
						  size_t *pos)
{
	for (; *pos < f->nformulieren; (*pos)++)
		if (f->formulieren[*pos].code && strcmp(f->formulieren[*pos].code, code) == 0)
			return &f->formulieren[(*pos)++];
	return NULL;
}

static const char *value_of(const struct compleet_formulier *fm, const char *veld)
{
	for (size_t i = 0; i < fm->nwaarden; i++)
		if (fm->waarden[i].veld && strcmp(fm->waarden[i].veld, veld) == 0)
			return fm->waarden[i].waarde;
	return NULL;
}

static int veld_ok(const struct compleet_cond *c, const char *v)
{
	if (!v || !v[0])
		return 0;
	if (c->waarde)
		return strcmp(v, c->waarde) == 0;
	if (c->eerste) {
		struct datum d;
		struct err e;
		return datum_parse_iso(v, &d, &e) == 0 && d.d == 1;
	}
	return 1;
}

/* Appends to a fixed buffer, cutting with "…" on a UTF-8 boundary. */
__attribute__((format(printf, 2, 3)))
static void add(char buf[COMPLEET_TEXT_MAX], const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used >= COMPLEET_TEXT_MAX - 1)
		return;
	va_start(ap, fmt);
	int w = vsnprintf(buf + used, COMPLEET_TEXT_MAX - used, fmt, ap);
	va_end(ap);
	if (w >= 0 && (size_t)w >= COMPLEET_TEXT_MAX - used) {
		size_t cut = COMPLEET_TEXT_MAX - 4;
		while (cut > 0 && ((unsigned char)buf[cut] & 0xc0) == 0x80)
			cut--;
		memcpy(buf + cut, "\xe2\x80\xa6", 4); /* … */
	}
}

/* One condition; detail (may stay "") explains a failure with names or
 * counts the aanvrager can act on. */
static int cond_holds(const struct compleet_cond *c, const struct compleet_feiten *f,
		      char detail[COMPLEET_TEXT_MAX])
{
	size_t pos = 0, count = 0;
	const struct compleet_formulier *fm;
	char dbuf[DATUM_BUFLEN];

	switch (c->kind) {
	case COMPLEET_BIJLAGE:
		for (size_t i = 0; i < f->nbijlagen; i++)
			if (!f->bijlagen[i].verwijderd && f->bijlagen[i].categorie &&
			    strcmp(f->bijlagen[i].categorie, c->arg) == 0)
				return 1;
		return 0;
	case COMPLEET_FORMULIER:
		while ((fm = next_form(f, c->arg, &pos)))
			if (fm->compleet)
				return 1;
		return 0;
	case COMPLEET_VELD:
		while ((fm = next_form(f, c->arg, &pos)))
			if (veld_ok(c, value_of(fm, c->veld)))
				return 1;
		return 0;
	case COMPLEET_BASISGEGEVEN:
		if (strcmp(c->arg, "geboortedatum") == 0)
			return f->geboortedatum;
		if (strcmp(c->arg, "woonadres") == 0)
			return f->woonadres;
		if (strcmp(c->arg, "geslacht") == 0)
			return f->geslacht;
		return 0;
	case COMPLEET_SCHOOLGEGEVENS:
		return f->schoolgegevens;
	case COMPLEET_ACTUEEL: {
		int ok = 1;
		for (size_t i = 0; i < f->nbijlagen; i++) {
			const struct compleet_bijlage *b = &f->bijlagen[i];
			if (b->verwijderd || !b->categorie || strcmp(b->categorie, c->arg) != 0)
				continue;
			/* exactly `getal` months old is still fresh */
			if (datum_cmp(compleet_add_months(b->op, c->getal), f->vandaag) < 0) {
				add(detail, "%s%s van %s", ok ? "" : ", ", b->naam ? b->naam : "?",
				    datum_format(b->op, dbuf));
				ok = 0;
			}
		}
		return ok;
	}
	case COMPLEET_MAX_BIJLAGEN:
		for (size_t i = 0; i < f->nbijlagen; i++)
			count += !f->bijlagen[i].verwijderd;
		if (count <= (size_t)c->getal)
			return 1;
		add(detail, "nu %zu bijlagen, hoogstens %d", count, c->getal);
		return 0;
	case COMPLEET_BESTANDSNAMEN: {
		int ok = 1;
		for (size_t i = 0; i < f->nbijlagen; i++) {
			const struct compleet_bijlage *b = &f->bijlagen[i];
			if (b->verwijderd || !compleet_naam_zegt_niets(b->naam))
				continue;
			add(detail, "%s%s", ok ? "" : ", ", b->naam ? b->naam : "");
			ok = 0;
		}
		return ok;
	}
	case COMPLEET_TITEL:
		return !titel_bevat_naam(f->titel, &f->leerling);
	default:
		return 0;
	}
}

int compleet_evaluate(const struct compleet_rules *r, const struct compleet_feiten *f,
		      struct compleet_uitslag *out, struct err *e)
{
	out->punten = NULL;
	out->n = out->nok = 0;
	if (!r || r->nitems == 0)
		return 0;
	out->punten = calloc(r->nitems, sizeof *out->punten);
	if (!out->punten)
		return err_set(e, "onvoldoende geheugen");
	for (size_t i = 0; i < r->nitems; i++) {
		const struct compleet_item *it = &r->items[i];
		struct compleet_punt *p = &out->punten[out->n];
		char detail[COMPLEET_TEXT_MAX];
		int ok = 0, applies = it->nalleen_in == 0;

		for (size_t k = 0; k < it->nalleen_in && f->status; k++)
			applies |= strcmp(it->alleen_in[k], f->status) == 0;
		if (!applies)
			continue;
		out->n++;
		detail[0] = '\0';
		for (size_t k = 0; k < it->nalt && !ok; k++)
			ok = cond_holds(&it->alt[k], f, detail);
		add(p->omschrijving, "%s", it->omschrijving);
		add(p->melding, "%s", it->melding);
		if (!ok && detail[0])
			add(p->melding, " (%s)", detail);
		p->ok = ok;
		out->nok += (size_t)ok;
	}
	return 0;
}

void compleet_uitslag_release(struct compleet_uitslag *u)
{
	if (!u)
		return;
	free(u->punten);
	u->punten = NULL;
	u->n = u->nok = 0;
}

size_t compleet_aanvulling_tekst(const struct compleet_uitslag *u, char *buf, size_t len)
{
	size_t used = 0;
	int w;

#define PUT(...)                                                                 \
	do {                                                                     \
		w = snprintf(len > used ? buf + used : NULL, len > used ? len - used : 0, __VA_ARGS__); \
		if (w > 0)                                                       \
			used += (size_t)w;                                       \
	} while (0)
	if (len > 0)
		buf[0] = '\0';
	PUT("Uw aanvraag is nog niet compleet. Wilt u het volgende aanvullen?");
	for (size_t i = 0; i < u->n; i++)
		if (!u->punten[i].ok)
			PUT("\n- %s", u->punten[i].melding);
#undef PUT
	return used;
}

size_t compleet_check_refs(const struct compleet_rules *r, const char *file, compleet_lookup_fn lookup,
			   void *lctx, void (*report)(const struct err *e, void *ctx), void *rctx)
{
	size_t bad = 0;
	struct err e;

	for (size_t i = 0; r && i < r->nitems; i++)
		for (size_t k = 0; k < r->items[i].nalt; k++) {
			const struct compleet_cond *c = &r->items[i].alt[k];
			if (c->kind != COMPLEET_FORMULIER && c->kind != COMPLEET_VELD)
				continue;
			if (!lookup(c->arg, NULL, lctx))
				err_set_at(&e, file, c->line, "formulier '%s' bestaat niet in dit profiel", c->arg);
			else if (c->kind == COMPLEET_VELD && !lookup(c->arg, c->veld, lctx))
				err_set_at(&e, file, c->line, "formulier '%s' heeft geen veld '%s'", c->arg, c->veld);
			else
				continue;
			bad++;
			if (report)
				report(&e, rctx);
		}
	return bad;
}
