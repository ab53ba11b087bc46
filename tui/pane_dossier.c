/* pane_dossier.c — the dossier pane and the lines the hulpvraag's tab
 * Dossier shows; see pane_dossier.h.
 *
 * The screen is a list of lines built from the loaded dossier (regels):
 * section headings and one line per field, address, relatie, school period
 * and hulpvraag.  The cursor moves over the lines that can be acted on.
 * Changes go through dialogs owned by this pane: one for a field, a short
 * series of questions (a "wizard": its answers kept in vals[], Esc goes one
 * question back) for an address, a relatie or a school period.  The checks
 * are core's (through db/dossier's *_check functions, so the person sees
 * the error beside the field before anything is sent); the database
 * decides the rest.
 */
#include "tui/pane_dossier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"
#include "core/naam.h"
#include "core/recht.h"
#include "core/validate.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"
#include "tui/pane_hulpvraag.h"

/* ---- the lines ---------------------------------------------------------- */

enum regel_soort { RG_KOP, RG_VELD, RG_ADRES, RG_RELATIE, RG_SCHOOL, RG_HV, RG_LEEG };

struct regel {
	enum regel_soort soort;
	int idx;        /* field (enum dossier_veld), or row in the dossier's array */
	int kop;        /* RG_KOP: which section (enum regel_soort of its lines) */
};

static const char *const veld_label[DV_COUNT] = {
	[DV_ROEPNAAM] = "Roepnaam",       [DV_ACHTERNAAM] = "Achternaam", [DV_GESLACHT] = "Geslacht",
	[DV_GEBOORTEDATUM] = "Geboortedatum", [DV_EMAIL] = "E-mail",      [DV_TELEFOON] = "Telefoon",
	[DV_GROEPSNAAM] = "Groepsnaam",
};

/* The fields of each niveau, in the order shown. */
static int velden(const struct dossier *d, enum dossier_veld *out)
{
	int n = 0;

	if (!strcmp(d->niveau, "groep")) {
		out[n++] = DV_GROEPSNAAM;
		return n;
	}
	if (strcmp(d->niveau, "leerling"))
		return 0;
	for (int v = DV_ROEPNAAM; v <= DV_TELEFOON; v++)
		out[n++] = (enum dossier_veld)v;
	return n;
}

/* The lines of d (malloc'ed, *n of them); NULL when out of memory. */
static struct regel *regels(const struct dossier *d, int *n)
{
	enum dossier_veld v[DV_COUNT];
	int nv = velden(d, v);
	int max = 16 + nv + d->nadressen + d->nrelaties + d->nscholen + d->nhulpvragen;
	struct regel *r = calloc((size_t)max, sizeof *r);
	int k = 0;

	*n = 0;
	if (!r)
		return NULL;
#define ADD(s, i, kp) (r[k].soort = (s), r[k].idx = (i), r[k].kop = (kp), k++)
	ADD(RG_KOP, 0, RG_VELD);
	for (int i = 0; i < nv; i++)
		ADD(RG_VELD, v[i], 0);
	/* a group or a school has its school in the heading and no address,
	 * parents or school history of its own (001 §3, 000 schoolbudget) */
	if (!strcmp(d->niveau, "leerling")) {
		ADD(RG_KOP, 0, RG_ADRES);
		for (int i = 0; i < d->nadressen; i++)
			ADD(RG_ADRES, i, 0);
		if (!d->nadressen)
			ADD(RG_LEEG, 0, RG_ADRES);
		ADD(RG_KOP, 0, RG_RELATIE);
		for (int i = 0; i < d->nrelaties; i++)
			ADD(RG_RELATIE, i, 0);
		if (!d->nrelaties)
			ADD(RG_LEEG, 0, RG_RELATIE);
		ADD(RG_KOP, 0, RG_SCHOOL);
		for (int i = 0; i < d->nscholen; i++)
			ADD(RG_SCHOOL, i, 0);
		if (!d->nscholen)
			ADD(RG_LEEG, 0, RG_SCHOOL);
	}
	ADD(RG_KOP, 0, RG_HV);
	for (int i = 0; i < d->nhulpvragen; i++)
		ADD(RG_HV, i, 0);
#undef ADD
	*n = k;
	return r;
}

int dossier_view_lines(const struct dossier *d)
{
	int n = 0;
	free(regels(d, &n));
	return n;
}

static const char *kop_tekst(int kop, int edit)
{
	switch (kop) {
	case RG_VELD:
		return edit ? "Basisgegevens  (Enter: wijzigen)" : "Basisgegevens";
	case RG_ADRES:
		return edit ? "Adressen  (a: nieuw adres — het oude blijft in de geschiedenis)" : "Adressen";
	case RG_RELATIE:
		return edit ? "Ouders, verzorgers, voogd  (o: toevoegen)" : "Ouders, verzorgers, voogd";
	case RG_SCHOOL:
		return edit ? "Schoolgegevens  (s: nieuwe school of periode)" : "Schoolgegevens";
	default:
		return "Hulpvragen van dit dossier";
	}
}

static const char *veld_waarde(const struct dossier *d, int v, char *buf, size_t len)
{
	switch (v) {
	case DV_ROEPNAAM:
		return d->roepnaam;
	case DV_ACHTERNAAM:
		snprintf(buf, len, "%s%s%s", d->tussenvoegsel, d->tussenvoegsel[0] ? " " : "", d->achternaam);
		return buf;
	case DV_GESLACHT:
		return !strcmp(d->geslacht, "m") ? "m (jongen)" : !strcmp(d->geslacht, "v") ? "v (meisje)"
			: !strcmp(d->geslacht, "x") ? "x (anders / onbekend)" : "";
	case DV_GEBOORTEDATUM:
		return d->geboortedatum;
	case DV_EMAIL:
		return d->email;
	case DV_TELEFOON:
		return d->telefoon;
	case DV_GROEPSNAAM:
		return d->groepsnaam;
	}
	return "";
}

/* One line of text for r (without its label column for fields). */
static void regel_tekst(const struct dossier *d, const struct regel *r, int edit, char *buf, size_t len,
			attr_t *attr, const struct screen *s)
{
	char tmp[300];

	*attr = s->attr[ST_NORMAL];
	switch (r->soort) {
	case RG_KOP:
		snprintf(buf, len, "%s", kop_tekst(r->kop, edit));
		*attr = s->attr[ST_HEAD];
		break;
	case RG_VELD: {
		const char *w = veld_waarde(d, r->idx, tmp, sizeof tmp);
		snprintf(buf, len, "  %-15s %s", veld_label[r->idx], w[0] ? w : "—");
		break;
	}
	case RG_ADRES: {
		const struct dossier_adres *a = &d->adressen[r->idx];
		snprintf(buf, len, "  %-10s %s %s, %s %s · vanaf %s%s%s%s%s", a->soort, a->straat, a->huisnummer,
			 a->postcode, a->plaats, a->vanaf, a->tot[0] ? " t/m " : "", a->tot,
			 a->opmerking[0] ? " · " : "", a->opmerking);
		if (!a->actueel)
			*attr = s->attr[ST_DIM];
		break;
	}
	case RG_RELATIE: {
		const struct dossier_relatie *x = &d->relaties[r->idx];
		snprintf(buf, len, "  %-10s %s%s%s%s%s%s", x->soort, x->naam, x->gezag ? " (gezag)" : " (geen gezag)",
			 x->email[0] ? " · " : "", x->email, x->telefoon[0] ? " · " : "", x->telefoon);
		break;
	}
	case RG_SCHOOL: {
		const struct dossier_school *g = &d->scholen[r->idx];
		snprintf(buf, len, "  %s (%s)%s%s · %s – %s%s%s%s%s", g->school, g->brin, g->leerjaar[0] ? " · " : "",
			 g->leerjaar, g->vanaf, g->tot[0] ? g->tot : "nu", g->contactpersoon[0] ? " · " : "",
			 g->contactpersoon, g->telefoon[0] ? " · " : "", g->telefoon);
		if (g->tot[0])
			*attr = s->attr[ST_DIM];
		break;
	}
	case RG_HV: {
		const struct dossier_hulpvraag *h = &d->hulpvragen[r->idx];
		snprintf(buf, len, "  %-6ld %s  %s · %s", h->nummer, h->datum, h->titel, h->status);
		break;
	}
	case RG_LEEG:
		snprintf(buf, len, "  %s", r->kop == RG_ADRES ? "(nog geen adres)" : r->kop == RG_RELATIE
							? "(nog niemand)" : "(nog geen school)");
		*attr = s->attr[ST_DIM];
		break;
	}
}

int dossier_view_draw(WINDOW *w, const struct screen *s, const struct dossier *d, int y, int top, int rows,
		      int width, int sel, int edit)
{
	int n = 0, drawn = 0;
	struct regel *r = regels(d, &n);
	char buf[1200];
	attr_t at;

	for (int i = top; r && i < n && drawn < rows; i++, drawn++) {
		regel_tekst(d, &r[i], edit, buf, sizeof buf, &at, s);
		if (i == sel)
			at = s->attr[ST_SEL];
		screen_put_pad(w, y + drawn, 1, width - 2, buf, at);
	}
	free(r);
	return drawn;
}

/* ---- the pane ----------------------------------------------------------- */

enum wiz { W_NONE, W_ADRES, W_RELATIE, W_SCHOOL };

enum tag { DT_VELD = 1, DT_GESLACHT, DT_WIZ, DT_RELATIE_WEG };

#define WIZ_MAX 8

struct stap {
	const char *label;  /* in the summary and the dialog title */
	const char *prompt;
	const char *keuzes; /* a fixed pick list "a|b|c" (NULL: a line) */
	int school;         /* the school pick list from the database */
	int (*check)(const char *typed, struct err *e); /* NULL: anything, also "" */
};

struct dospane {
	struct pane base;
	long id;
	struct dossier *d;
	char body_msg[600];
	int sel, top, view;
	int may;                 /* the session may keep the dossier up */
	/* the open edit */
	int veld;                /* DT_VELD: which field */
	enum wiz wiz;
	int stap;
	char vals[WIZ_MAX][256];
	long school_id;
	long edit_id;            /* 0: a new row */
	int edit_version;
	char key[OUTCOME_KEY_LEN];
	struct hv_item *scholen; /* the school pick list, read once */
	int nscholen;
	int opened;              /* a hulpvraag was opened from here: the owner reloads */
};

static struct dospane *D(struct pane *p)
{
	return (struct dospane *)p;
}

/* ---- checks of the questions (core's, via db/dossier) ---- */

static int chk_verplicht(const char *t, struct err *e)
{
	while (*t == ' ')
		t++;
	return *t ? 0 : err_set(e, "Vul dit in");
}

static int chk_huisnummer(const char *t, struct err *e)
{
	char out[VALIDATE_HUISNUMMER_LEN];
	return validate_huisnummer(t, out, e);
}

static int chk_postcode(const char *t, struct err *e)
{
	char out[VALIDATE_POSTCODE_LEN];
	return validate_postcode(t, out, e);
}

static int chk_datum(const char *t, struct err *e)
{
	struct datum d;
	return datum_parse_los(t, &d, e);
}

static int chk_datum_leeg(const char *t, struct err *e)
{
	while (*t == ' ')
		t++;
	return *t ? chk_datum(t, e) : 0;
}

static int chk_email(const char *t, struct err *e)
{
	while (*t == ' ')
		t++;
	return *t ? validate_email(t, e) : 0;
}

static int chk_telefoon(const char *t, struct err *e)
{
	while (*t == ' ')
		t++;
	return *t ? validate_phone(t, NULL, e) : 0;
}

static const struct stap adres_stappen[] = {
	{ "Soort", "Welk adres is dit?", "woonadres|postadres|beide", 0, NULL },
	{ "Straat", "Straat:", NULL, 0, chk_verplicht },
	{ "Huisnummer", "Huisnummer met toevoeging (12, 12a, 12-2):", NULL, 0, chk_huisnummer },
	{ "Postcode", "Postcode (1234 AB):", NULL, 0, chk_postcode },
	{ "Plaats", "Plaats:", NULL, 0, chk_verplicht },
	{ "Vanaf", "Woont of ontvangt post hier vanaf (d-m-jjjj):", NULL, 0, chk_datum },
	{ "Opmerking", "Opmerking, bijvoorbeeld wiens adres het is (mag leeg):", NULL, 0, NULL },
};

static const struct stap relatie_stappen[] = {
	{ "Soort", "Wie is het?", "ouder|verzorger|voogd", 0, NULL },
	{ "Naam", "Naam:", NULL, 0, chk_verplicht },
	{ "Gezag", "Heeft gezag (zodat het SWV inzage kan verlenen)?", "ja|nee", 0, NULL },
	{ "E-mail", "E-mailadres (mag leeg):", NULL, 0, chk_email },
	{ "Telefoon", "Telefoon (mag leeg):", NULL, 0, chk_telefoon },
};

static const struct stap school_stappen[] = {
	{ "School", "School (typ om te zoeken op naam, BRIN of plaats):", NULL, 1, NULL },
	{ "Vanaf", "Op deze school vanaf (d-m-jjjj):", NULL, 0, chk_datum },
	{ "Tot en met", "Tot en met (d-m-jjjj; leeg = nog op deze school):", NULL, 0, chk_datum_leeg },
	{ "Leerjaar", "Leerjaar of groep (\"groep 7\", \"klas 2\"):", NULL, 0, NULL },
	{ "Contactpersoon", "Contactpersoon van de school:", NULL, 0, NULL },
	{ "E-mail", "E-mail van de contactpersoon (mag leeg):", NULL, 0, chk_email },
	{ "Telefoon", "Telefoonnummer van de school (mag leeg):", NULL, 0, chk_telefoon },
};

static const struct {
	const struct stap *stappen;
	int n;
	const char *titel;
} wizards[] = {
	[W_ADRES] = { adres_stappen, sizeof adres_stappen / sizeof adres_stappen[0], "Nieuw adres" },
	[W_RELATIE] = { relatie_stappen, sizeof relatie_stappen / sizeof relatie_stappen[0], "Ouder, verzorger of voogd" },
	[W_SCHOOL] = { school_stappen, sizeof school_stappen / sizeof school_stappen[0], "Schoolgegevens" },
};

/* ---- drawing ---- */

static void ds_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct dospane *v = D(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[1200], naam[400];

	if (!v->d) {
		screen_put(w, rows / 2 - 1, 2, cols - 4, v->body_msg[0] ? v->body_msg : "Bezig met laden…",
			   s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	if (!strcmp(v->d->niveau, "leerling")) {
		struct naam n = { v->d->roepnaam, v->d->tussenvoegsel, v->d->achternaam };
		naam_format_sorted(naam, sizeof naam, &n);
	} else {
		snprintf(naam, sizeof naam, "%s (%s)", v->d->groepsnaam[0] ? v->d->groepsnaam : v->d->school, v->d->niveau);
	}
	snprintf(buf, sizeof buf, "Dossier %s%s%s", naam, v->d->gewijzigd[0] ? " · gewijzigd " : "", v->d->gewijzigd);
	screen_put(w, 0, 1, cols - 2, buf, s->attr[ST_HEAD]);
	screen_rule(w, 1, 0, cols, s->attr[ST_NORMAL]);
	v->view = rows - 2;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + v->view)
		v->top = v->sel - v->view + 1;
	dossier_view_draw(w, s, v->d, 2, v->top, v->view, cols, v->sel, v->may);
}

/* ---- moving ---- */

static int selectable(const struct regel *r)
{
	return r->soort != RG_LEEG;
}

static int ds_cursor(struct pane *p, struct app *a, enum action_id id)
{
	struct dospane *v = D(p);
	int n = 0;
	struct regel *r;

	if (!v->d)
		return R_NONE;
	r = regels(v->d, &n);
	if (!r)
		return R_NONE;
	int step = id == ACT_UP || id == ACT_PAGE_UP || id == ACT_TOP ? -1 : 1;
	int count = id == ACT_PAGE_UP || id == ACT_PAGE_DOWN ? (v->view > 2 ? v->view - 1 : 1)
		: id == ACT_TOP || id == ACT_BOTTOM ? n : 1;
	int at = v->sel;
	for (int moved = 0; moved < count;) {
		int nx = at + step;
		while (nx >= 0 && nx < n && !selectable(&r[nx]))
			nx += step;
		if (nx < 0 || nx >= n)
			break;
		at = nx;
		moved++;
	}
	v->sel = at;
	free(r);
	return R_PAINT;
}

/* ---- opening the questions ---- */

static void open_veld(struct dospane *v, int veld, const char *keep)
{
	char title[120], prompt[300], cur[300];

	v->veld = veld;
	v->wiz = W_NONE;
	if (veld == DV_GESLACHT) {
		static const char *const g[] = { "m (jongen)", "v (meisje)", "x (anders / onbekend)", "(leeg)" };
		struct dialog_item it[4];
		memset(it, 0, sizeof it);
		for (int i = 0; i < 4; i++) {
			snprintf(it[i].label, sizeof it[i].label, "%s", g[i]);
			it[i].id = i;
		}
		dialog_open_pick(&v->base.dlg, DT_GESLACHT, "Geslacht", "Geslacht van de leerling:", it, 4);
		return;
	}
	snprintf(title, sizeof title, "%s wijzigen", veld_label[veld]);
	snprintf(prompt, sizeof prompt, "%s%s:", veld_label[veld],
		 veld == DV_ACHTERNAAM ? " met tussenvoegsel (\"van der Berg\"; El-Makrini blijft zo)"
		 : veld == DV_GEBOORTEDATUM ? " (d-m-jjjj)" : veld == DV_EMAIL || veld == DV_TELEFOON ? " (mag leeg)"
		 : veld == DV_GROEPSNAAM ? " (groep en school: \"8D Kameleon\")" : "");
	dialog_open_line(&v->base.dlg, DT_VELD, title, prompt, keep ? keep : veld_waarde(v->d, veld, cur, sizeof cur), 0);
}

static int job_scholen(struct pane *p, struct app *a);

/* The dialog of the wizard's current question, with what was typed before. */
static int open_stap(struct dospane *v, struct app *a)
{
	const struct stap *st = &wizards[v->wiz].stappen[v->stap];
	char title[200], prompt[600], sofar[400] = "";

	/* the answers so far stay in sight while the next question is asked */
	for (int i = 0; i < v->stap; i++) {
		size_t l = strlen(sofar);
		snprintf(sofar + l, sizeof sofar - l, "%s%s", l ? " · " : "", v->vals[i][0] ? v->vals[i] : "—");
	}
	snprintf(prompt, sizeof prompt, "%s%s%s", sofar, sofar[0] ? ".  " : "", st->prompt);

	snprintf(title, sizeof title, "%s — %s (%d/%d)", wizards[v->wiz].titel, st->label, v->stap + 1,
		 wizards[v->wiz].n);
	if (st->school) {
		if (!v->scholen) {
			v->base.job = job_scholen;
			return R_PAINT | R_BARS | R_WORK;
		}
		dialog_open_pick_items(&v->base.dlg, DT_WIZ, title, prompt, v->scholen, v->nscholen, NULL, 0);
		for (int i = 0; i < v->base.dlg.nshown; i++)
			if (v->base.dlg.items[v->base.dlg.shown[i]].id == v->school_id)
				v->base.dlg.sel = i;
		return R_PAINT | R_BARS;
	}
	if (st->keuzes) {
		struct dialog_item it[8];
		const char *s = st->keuzes;
		int n = 0, sel = 0;
		memset(it, 0, sizeof it);
		while (*s && n < 8) {
			size_t l = strcspn(s, "|");
			snprintf(it[n].label, sizeof it[n].label, "%.*s", (int)l, s);
			if (!strcmp(it[n].label, v->vals[v->stap]))
				sel = n;
			n++;
			s += l + (s[l] == '|');
		}
		dialog_open_pick(&v->base.dlg, DT_WIZ, title, prompt, it, n);
		v->base.dlg.sel = sel;
		return R_PAINT | R_BARS;
	}
	(void)a;
	dialog_open_line(&v->base.dlg, DT_WIZ, title, prompt, v->vals[v->stap], 0);
	return R_PAINT | R_BARS;
}

/* A new series of questions (nothing opened yet: the caller fills in what
 * it knows, then open_stap). */
static void wiz_begin(struct dospane *v, enum wiz w, long id, int version)
{
	memset(v->vals, 0, sizeof v->vals);
	v->wiz = w;
	v->stap = 0;
	v->edit_id = id;
	v->edit_version = version;
	v->school_id = 0;
	outcome_key_new(v->key); /* made when the form opens: sent twice, made once */
}

static int may(struct dospane *v, struct app *a)
{
	if (v->may)
		return 1;
	app_message(a, 1, "Dat mag jouw rol niet: het dossier bijhouden");
	return 0;
}

/* A new address; from (may be NULL) prefills all but the date. */
static int adres_nieuw(struct dospane *v, struct app *a, const struct dossier_adres *from)
{
	char vandaag[DATUM_BUFLEN];

	if (!may(v, a))
		return R_BARS;
	wiz_begin(v, W_ADRES, 0, 0);
	snprintf(v->vals[0], sizeof v->vals[0], "%s", from ? from->soort : "woonadres");
	if (from) {
		snprintf(v->vals[1], sizeof v->vals[1], "%s", from->straat);
		snprintf(v->vals[2], sizeof v->vals[2], "%s", from->huisnummer);
		snprintf(v->vals[3], sizeof v->vals[3], "%s", from->postcode);
		snprintf(v->vals[4], sizeof v->vals[4], "%s", from->plaats);
		app_message(a, 0, "Een adres wordt niet overschreven: dit wordt een nieuw adres met een eigen datum vanaf");
	}
	snprintf(v->vals[5], sizeof v->vals[5], "%s", datum_format(datum_today(time(NULL)), vandaag));
	return open_stap(v, a) | R_BARS;
}

/* A new relatie, or the one given changed. */
static int relatie_open(struct dospane *v, struct app *a, const struct dossier_relatie *re)
{
	if (!may(v, a))
		return R_BARS;
	wiz_begin(v, W_RELATIE, re ? re->id : 0, re ? re->version : 0);
	snprintf(v->vals[0], sizeof v->vals[0], "%s", re ? re->soort : "ouder");
	snprintf(v->vals[2], sizeof v->vals[2], "%s", !re || re->gezag ? "ja" : "nee");
	if (re) {
		snprintf(v->vals[1], sizeof v->vals[1], "%s", re->naam);
		snprintf(v->vals[3], sizeof v->vals[3], "%s", re->email);
		snprintf(v->vals[4], sizeof v->vals[4], "%s", re->telefoon);
	}
	return open_stap(v, a);
}

/* A new school period, or the one given changed (its school stays: a
 * new school is a new period, so the questions start at vanaf). */
static int school_open(struct dospane *v, struct app *a, const struct dossier_school *g)
{
	if (!may(v, a))
		return R_BARS;
	wiz_begin(v, W_SCHOOL, g ? g->id : 0, g ? g->version : 0);
	if (g) {
		v->school_id = g->school_id;
		snprintf(v->vals[0], sizeof v->vals[0], "%s", g->school);
		snprintf(v->vals[1], sizeof v->vals[1], "%s", g->vanaf);
		snprintf(v->vals[2], sizeof v->vals[2], "%s", g->tot);
		snprintf(v->vals[3], sizeof v->vals[3], "%s", g->leerjaar);
		snprintf(v->vals[4], sizeof v->vals[4], "%s", g->contactpersoon);
		snprintf(v->vals[5], sizeof v->vals[5], "%s", g->email);
		snprintf(v->vals[6], sizeof v->vals[6], "%s", g->telefoon);
		v->stap = 1;
	}
	return open_stap(v, a);
}

/* Addresses, parents and school history are a leerling's: 1 when the
 * dossier is one, else says so. */
static int van_leerling(struct dospane *v, struct app *a)
{
	if (!strcmp(v->d->niveau, "leerling"))
		return 1;
	app_message(a, 1, "Een dossier van een %s heeft geen adressen, ouders of schoolgegevens; de school staat "
		    "bovenaan", v->d->niveau);
	return 0;
}

static int ds_adres(struct pane *p, struct app *a, enum action_id id)
{
	return van_leerling(D(p), a) ? adres_nieuw(D(p), a, NULL) : R_BARS;
}

static int ds_relatie(struct pane *p, struct app *a, enum action_id id)
{
	return van_leerling(D(p), a) ? relatie_open(D(p), a, NULL) : R_BARS;
}

static int ds_school(struct pane *p, struct app *a, enum action_id id)
{
	return van_leerling(D(p), a) ? school_open(D(p), a, NULL) : R_BARS;
}

static int reload(struct dospane *v, struct app *a);

/* D on an ouder, verzorger or voogd: out of the dossier, after a question
 * that defaults to Annuleren and names who. */
static int ds_relatie_weg(struct pane *p, struct app *a, enum action_id id)
{
	struct dospane *v = D(p);
	int n = 0;
	struct regel *r = regels(v->d, &n), x;
	char prompt[400];

	if (!r || v->sel >= n) {
		free(r);
		return R_NONE;
	}
	x = r[v->sel];
	free(r);
	if (x.soort != RG_RELATIE) {
		app_message(a, 1, "Zet de cursor op een ouder, verzorger of voogd om die uit het dossier te halen");
		return R_BARS;
	}
	if (!may(v, a))
		return R_BARS;
	const struct dossier_relatie *re = &v->d->relaties[x.idx];
	v->edit_id = re->id;
	v->edit_version = re->version;
	snprintf(prompt, sizeof prompt, "%s %s uit het dossier halen?  Het blijft in de geschiedenis (auditlog) "
		 "bewaard wie er stond en wie het weghaalde.", re->soort, re->naam);
	dialog_open_confirm(&p->dlg, DT_RELATIE_WEG, "Relatie verwijderen", prompt, "1 relatie verwijderen");
	return R_PAINT | R_BARS;
}

static int job_relatie_weg(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	struct outcome o;

	dossier_relatie_remove(a->db, v->edit_id, v->edit_version, &o);
	reload(v, a);
	outcome_show(a, &o, "het verwijderen");
	return R_PAINT | R_BARS;
}

/* Enter: change the line under the cursor (or open its hulpvraag). */
static int ds_edit(struct pane *p, struct app *a, enum action_id id)
{
	struct dospane *v = D(p);
	int n = 0;
	struct regel *r = regels(v->d, &n), x;

	if (!r || v->sel >= n) {
		free(r);
		return R_NONE;
	}
	x = r[v->sel];
	free(r);
	if (x.soort == RG_HV) {
		v->opened = 1;
		app_push(a, pane_hulpvraag_new(a, v->d->hulpvragen[x.idx].id));
		return R_PAINT | R_BARS;
	}
	switch (x.soort) {
	case RG_VELD:
		if (!may(v, a))
			return R_BARS;
		open_veld(v, x.idx, NULL);
		return R_PAINT | R_BARS;
	case RG_ADRES: /* a move: a new address, prefilled with this one */
		return adres_nieuw(v, a, &v->d->adressen[x.idx]);
	case RG_RELATIE:
		return relatie_open(v, a, &v->d->relaties[x.idx]);
	case RG_SCHOOL:
		return school_open(v, a, &v->d->scholen[x.idx]);
	case RG_KOP:
		return x.kop == RG_ADRES ? adres_nieuw(v, a, NULL) : x.kop == RG_RELATIE ? relatie_open(v, a, NULL)
			: x.kop == RG_SCHOOL ? school_open(v, a, NULL) : R_NONE;
	default:
		return R_NONE;
	}
}

/* ---- saving ---- */

static int job_load(struct pane *p, struct app *a);
static int job_veld(struct pane *p, struct app *a);
static int job_wiz(struct pane *p, struct app *a);

static int reload(struct dospane *v, struct app *a)
{
	struct dossier *d = NULL;
	struct err e;

	if (dossier_load(a->db, v->id, &d, &e) < 0) {
		if (!v->d)
			snprintf(v->body_msg, sizeof v->body_msg, "%s — Esc: terug", e.msg);
		app_message(a, 1, "%s", e.msg);
		return -1;
	}
	dossier_free(&v->d);
	v->d = d;
	v->may = recht_mag(a->session.roles, RECHT_DOSSIER_BEWERKEN);
	int n = dossier_view_lines(d);
	if (v->sel >= n)
		v->sel = n - 1;
	if (v->sel < 0)
		v->sel = 0;
	return 0;
}

static int job_load(struct pane *p, struct app *a)
{
	if (reload(D(p), a) == 0)
		app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* What became of a save: the dialog closes on SAVED; anything else keeps it
 * open with what was typed and says why (a conflict reloads first, so F2
 * tries again against what is there now). */
static int after_save(struct dospane *v, struct app *a, struct outcome *o, const char *wat)
{
	char note[700];

	if (o->kind == OUTCOME_SAVED) {
		dialog_close(&v->base.dlg);
		v->wiz = W_NONE;
		reload(v, a);
		outcome_show(a, o, wat);
		return R_PAINT | R_BARS;
	}
	if (o->kind == OUTCOME_CONFLICT) {
		reload(v, a);
		if (v->wiz == W_RELATIE || v->wiz == W_SCHOOL)
			for (int i = 0; v->d && i < (v->wiz == W_RELATIE ? v->d->nrelaties : v->d->nscholen); i++) {
				long id = v->wiz == W_RELATIE ? v->d->relaties[i].id : v->d->scholen[i].id;
				if (id == v->edit_id)
					v->edit_version = v->wiz == W_RELATIE ? v->d->relaties[i].version
									      : v->d->scholen[i].version;
			}
	}
	if (o->kind == OUTCOME_UNKNOWN)
		snprintf(note, sizeof note, "%s — F2 nog eens is veilig: het wordt niet dubbel bewaard", o->err.msg);
	else
		outcome_note(o, note, sizeof note);
	dialog_note(&v->base.dlg, "%s", note);
	outcome_show(a, o, wat);
	return R_PAINT | R_BARS;
}

static int job_veld(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	struct outcome o;
	char *text = NULL;
	const char *waarde;

	if (p->dlg.kind == DIALOG_PICK) {
		const struct dialog_item *it = dialog_selected(&p->dlg);
		static const char *const g[] = { "m", "v", "x", "" };
		waarde = it && it->id >= 0 && it->id < 4 ? g[it->id] : "";
	} else {
		text = dialog_text(&p->dlg);
		waarde = text ? text : "";
	}
	dossier_set_veld(a->db, v->id, v->d->version, (enum dossier_veld)v->veld, waarde, &o);
	free(text);
	return after_save(v, a, &o, "het dossier");
}

static int job_wiz(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	struct outcome o;

	outcome_clear(&o);
	switch (v->wiz) {
	case W_ADRES: {
		struct dossier_adres_nieuw n = { v->vals[0], v->vals[1], v->vals[2], v->vals[3], v->vals[4], v->vals[5],
						 v->vals[6] };
		dossier_adres_add(a->db, v->id, &n, v->key, &o);
		return after_save(v, a, &o, "het adres");
	}
	case W_RELATIE: {
		struct dossier_relatie_invoer r = { v->vals[0], v->vals[1], v->vals[3], v->vals[4], !strcmp(v->vals[2], "ja") };
		dossier_relatie_save(a->db, v->id, v->edit_id, v->edit_version, &r, v->key, &o);
		return after_save(v, a, &o, "de relatie");
	}
	case W_SCHOOL: {
		struct dossier_school_invoer s = { v->school_id, v->vals[1], v->vals[2], v->vals[3], v->vals[4], v->vals[5],
						   v->vals[6] };
		dossier_school_save(a->db, v->id, v->edit_id, v->edit_version, &s, v->key, &o);
		return after_save(v, a, &o, "de schoolgegevens");
	}
	case W_NONE:
		break;
	}
	return R_PAINT;
}

static int job_scholen(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	struct err e;

	if (intake_scholen(a->db, v->d->organisatie_id, &v->scholen, &v->nscholen, &e) < 0) {
		v->scholen = NULL;
		v->wiz = W_NONE;
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	app_message_clear(a);
	return open_stap(v, a);
}

static int ds_dialog_ok(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	struct err e;
	char norm[300];

	switch (p->dlg.tag) {
	case DT_RELATIE_WEG:
		dialog_close(&p->dlg);
		return app_start(a, p, job_relatie_weg, "Bezig met verwijderen…");
	case DT_GESLACHT:
		return app_start(a, p, job_veld, "Bezig met bewaren…");
	case DT_VELD: {
		char *text = dialog_text(&p->dlg);
		int bad = !text || dossier_veld_check((enum dossier_veld)v->veld, text, norm, sizeof norm, &e) < 0;
		if (bad)
			dialog_note(&p->dlg, "%s", text ? e.msg : "geen geheugen");
		free(text);
		return bad ? R_PAINT : app_start(a, p, job_veld, "Bezig met bewaren…");
	}
	case DT_WIZ: {
		const struct stap *st = &wizards[v->wiz].stappen[v->stap];
		if (p->dlg.kind == DIALOG_PICK) {
			const struct dialog_item *it = dialog_selected(&p->dlg);
			if (!it) {
				dialog_note(&p->dlg, "Kies een van de mogelijkheden");
				return R_PAINT;
			}
			snprintf(v->vals[v->stap], sizeof v->vals[v->stap], "%s", it->label);
			if (st->school)
				v->school_id = it->id;
		} else {
			char *text = dialog_text(&p->dlg);
			if (!text)
				return R_PAINT;
			if (st->check && st->check(text, &e) < 0) {
				dialog_note(&p->dlg, "%s", e.msg);
				free(text);
				return R_PAINT;
			}
			snprintf(v->vals[v->stap], sizeof v->vals[v->stap], "%s", text);
			free(text);
		}
		if (v->stap + 1 < wizards[v->wiz].n) {
			v->stap++;
			return open_stap(v, a);
		}
		return app_start(a, p, job_wiz, "Bezig met bewaren…");
	}
	}
	return R_PAINT;
}

/* Esc in a question: one question back, with what was typed there. */
static int ds_dialog_cancel(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);
	int eerste = v->edit_id && v->wiz == W_SCHOOL ? 1 : 0;

	if (v->wiz != W_NONE && v->stap > eerste) {
		v->stap--;
		return open_stap(v, a);
	}
	v->wiz = W_NONE;
	return R_PAINT | R_BARS;
}

static int ds_reload(struct pane *p, struct app *a, enum action_id id)
{
	return app_start(a, p, job_load, "Bezig met laden…");
}

static int ds_ready(const struct pane *p)
{
	return ((const struct dospane *)p)->d != NULL;
}

static const struct pane_action ds_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_RELOAD, ds_reload, 0 },
	{ ACT_DS_EDIT, ds_edit, PA_READY },
	{ ACT_DS_ADRES, ds_adres, PA_READY },
	{ ACT_DS_RELATIE, ds_relatie, PA_READY },
	{ ACT_DS_SCHOOL, ds_school, PA_READY },
	{ ACT_DS_RELATIE_WEG, ds_relatie_weg, PA_READY },
};

/* Back from a hulpvraag opened here: its dossier may have changed. */
static int ds_work(struct pane *p, struct app *a)
{
	struct dospane *v = D(p);

	if (!v->opened)
		return R_NONE;
	v->opened = 0;
	p->job = job_load;
	return R_WORK;
}

static void ds_free(struct pane *p)
{
	struct dospane *v = D(p);

	dossier_free(&v->d);
	free(v->scholen);
	free(v);
}

static const struct pane_ops ds_ops = {
	.name = "dossier",
	.title = "Dossier",
	.ctx = CTX_DOSSIER,
	.draw = ds_draw,
	.actions = ds_actions,
	.nactions = sizeof ds_actions / sizeof ds_actions[0],
	.cursor = ds_cursor,
	.ready = ds_ready,
	.dialog_ok = ds_dialog_ok,
	.dialog_cancel = ds_dialog_cancel,
	.load = job_load,
	.work = ds_work,
	.free = ds_free,
};

struct pane *pane_dossier_new(struct app *a, long dossier_id)
{
	struct dospane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &ds_ops;
	v->id = dossier_id;
	v->sel = 1; /* the first field, under the heading */
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
