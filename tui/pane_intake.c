/* pane_intake.c — a new hulpvraag by hand, for the secretariaat taking a
 * call or a mail; see pane_hulpvraag.h.
 *
 * One question at a time, in a dialog over a summary of what is known so
 * far: achternaam and geboortedatum (to find the dossier), the dossier (an
 * existing one or a new leerling dossier), roepnaam for a new one, the fixed
 * title (which decides aanvraagtype, first status and — when the flow says
 * so — the coördinator by scholenkring), the school, the coördinator (only
 * when the flow does not decide it), aanvrager and e-mail, omschrijving,
 * then a confirmation.  Esc goes back one question; at the first it leaves.
 * Checks are core's (datum_parse, validate_email; naam_split and the title
 * rule run in db/hulpvraag.c intake_create, in the same transaction).
 */
#include "tui/pane_hulpvraag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"
#include "core/dossier.h"
#include "core/naam.h"
#include "core/statuswissel.h"
#include "core/titel.h"
#include "core/validate.h"
#include "db/dossier.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"

enum step {
	/* issue 14 §1: a hulpvraag about a group or a school (N on the home
	 * screen, :nieuw groep|school) asks the niveau and the group name
	 * first, and none of the leerling's questions */
	S_NIVEAU,
	S_GROEPSNAAM,
	S_ACHTERNAAM,
	S_GEBDATUM,
	S_DOSSIER,
	S_ROEPNAAM,
	S_TITEL,
	S_TITEL_VRIJ,  /* "een andere titel mag ook" (000): the profile's standaard type */
	S_SCHOOL,
	S_COORD,
	/* what the aanvraagtype's checklist needs (issue 14 §2); each may be
	 * skipped, the checklist then says it is missing */
	S_GESLACHT,
	S_STRAAT,
	S_HUISNR,
	S_POSTCODE,
	S_PLAATS,
	S_OUDER,
	S_OUDER_EMAIL,
	S_LEERJAAR,
	S_AANVRAGER,
	S_EMAIL,
	S_OMSCHR,
	S_CONFIRM,
	S_DONE,
};


struct intake {
	struct pane base;
	enum step step;
	int niveau_keuze;       /* opened for a group or school: S_NIVEAU is the first question */
	char niveau[12];        /* "leerling", "groep", "school" */
	char groepsnaam[128];
	char achternaam[256], gebdatum[16], roepnaam[256];
	long dossier_id;
	char dossier[256];
	char titel[FLOW_NAME_BUF], aanvraagtype[FLOW_NAME_BUF];
	int by_kring;
	long aanvraagtype_id;
	long standaard_id;      /* the profile's standaard type (0: none): a free title may be typed */
	char standaard_naam[FLOW_NAME_BUF];
	int vrij;               /* the title was typed, not chosen */
	unsigned vragen;        /* enum dossier_vraag: asked for this type and dossier */
	char geslacht[4], straat[128], huisnr[32], postcode[32], plaats[128], ouder[128], ouder_email[256],
		leerjaar[32];
	long school_id, school_coord;
	char school[256];
	long coord_id;
	char coord[256];
	char aanvrager[256], email[256];
	char *omschrijving;
	long new_id, new_nummer;
	struct hv_item *list; /* the pick list of the current step */
	int nlist;
	/* the dossiers that may be this pupil (S_DOSSIER), and the name of the
	 * one chosen: the omschrijving is checked against it */
	struct dossier_kandidaat *kand;
	int nkand;
	char d_roep[128], d_tussen[64], d_achter[128];
	int naam_gezien;      /* the warning about the name in the omschrijving was shown */
	char *toelichting;    /* of the chosen aanvraagtype (.flow), NULL until chosen */
	char *standaardtekst; /* prefills the omschrijving while that is still empty */
	/* made when the intake opens and sent with the create: F2 again —
	 * also after a COMMIT that was cut off — never makes a second dossier
	 * or hulpvraag */
	char key[OUTCOME_KEY_LEN];
	struct outcome pending; /* a create whose COMMIT was cut off */
};

static struct intake *I(struct pane *p)
{
	return (struct intake *)p;
}

/* ---- drawing ---------------------------------------------------------- */

/* A leerling's dossier (not a group's or a school's). */
static int leerling(const struct intake *in)
{
	return !strcmp(in->niveau, "leerling");
}


static void row(WINDOW *w, const struct screen *s, int *y, const char *label, const char *value)
{
	screen_put(w, *y, 2, 18, label, s->attr[ST_DIM]);
	screen_put(w, *y, 21, getmaxx(w) - 23, value && *value ? value : "—", s->attr[ST_NORMAL]);
	(*y)++;
}

/* What intake asked for the dossier, as one line ("v · Kerkstraat 12,
 * 5701 AB Helmond · ouder J. Jansen · groep 5"). */
static const char *extras(const struct intake *in, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%.100s%s%.20s%s%.10s%s%.100s%s%.100s%s%.30s", in->geslacht,
		 in->geslacht[0] && in->straat[0] ? " · " : "", in->straat, in->straat[0] ? " " : "", in->huisnr,
		 in->postcode[0] ? ", " : "", in->postcode, in->plaats[0] ? " " : "", in->plaats,
		 in->ouder[0] ? " · ouder " : "", in->ouder, in->leerjaar[0] ? " · " : "", in->leerjaar);
	return buf;
}

static void in_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct intake *in = I(p);
	const struct screen *s = &a->scr;
	char buf[600];
	int y = 1;

	screen_put(w, y, 2, getmaxx(w) - 4, "Nieuwe hulpvraag (intake per telefoon of mail)", s->attr[ST_HEAD]);
	y++;
	screen_put(w, y, 2, getmaxx(w) - 4, "Esc: vorige vraag (wat je typte blijft) · Ctrl-X of F9: intake verlaten",
		   s->attr[ST_DIM]);
	y++;
	snprintf(buf, sizeof buf, "%s%s%s", in->dossier, in->dossier_id ? "" : in->achternaam[0] ? " (nieuw)" : "",
		 "");
	if (!leerling(in))
		row(w, s, &y, !strcmp(in->niveau, "groep") ? "Groep" : "Schooldossier",
		    !strcmp(in->niveau, "groep") ? in->groepsnaam : in->school);
	else {
		row(w, s, &y, "Leerling", in->dossier_id || in->step > S_DOSSIER ? buf : in->achternaam);
		row(w, s, &y, "Geboortedatum", in->gebdatum);
	}
	row(w, s, &y, "Titel", in->titel);
	row(w, s, &y, "Aanvraagtype", in->aanvraagtype);
	if (in->toelichting && *in->toelichting && in->step > S_TITEL)
		row(w, s, &y, "Toelichting", in->toelichting);
	row(w, s, &y, "School", in->school);
	row(w, s, &y, "Coördinator", in->by_kring && in->step > S_SCHOOL ? "volgens scholenkring" : in->coord);
	if (in->vragen)
		row(w, s, &y, "Dossier", extras(in, buf, sizeof buf));
	row(w, s, &y, "Aanvrager", in->aanvrager);
	row(w, s, &y, "E-mail aanvrager", in->email);
	row(w, s, &y, "Omschrijving", in->omschrijving);
	if (in->step == S_DONE) {
		y++;
		snprintf(buf, sizeof buf, "Hulpvraag %ld is aangemaakt.  Esc: terug naar het overzicht.", in->new_nummer);
		screen_put(w, y, 2, getmaxx(w) - 4, buf, s->attr[ST_OK]);
	}
}

/* ---- steps ------------------------------------------------------------ */

static void open_pick(struct intake *in, const char *title, const char *prompt, int extra_first, const char *first)
{
	dialog_open_pick_items(&in->base.dlg, in->step, title, prompt, in->list, in->nlist, extra_first ? first : NULL,
			       0);
}

/* The one-line questions about the dossier: title, prompt, where the answer
 * goes, and the check (core's) when something was typed.  Empty = skip. */
static char *f_straat(struct intake *in) { return in->straat; }
static char *f_huisnr(struct intake *in) { return in->huisnr; }
static char *f_postcode(struct intake *in) { return in->postcode; }
static char *f_plaats(struct intake *in) { return in->plaats; }
static char *f_ouder(struct intake *in) { return in->ouder; }
static char *f_ouder_email(struct intake *in) { return in->ouder_email; }
static char *f_leerjaar(struct intake *in) { return in->leerjaar; }

static int c_huisnr(const char *t, struct err *e)
{
	char out[VALIDATE_HUISNUMMER_LEN];
	return validate_huisnummer(t, out, e);
}

static int c_postcode(const char *t, struct err *e)
{
	char out[VALIDATE_POSTCODE_LEN];
	return validate_postcode(t, out, e);
}

static int c_email(const char *t, struct err *e)
{
	return validate_email(t, e);
}

struct vraag {
	enum step step;
	const char *titel, *prompt;
	char *(*veld)(struct intake *in);
	size_t len;
	int verplicht; /* within the address: once a street is given */
	int (*check)(const char *t, struct err *e);
};

static const struct vraag vragen[] = {
	{ S_STRAAT, "Nieuwe hulpvraag — woonadres",
	  "Woonadres van de leerling: straat (leeg = overslaan; de controlelijst noemt het dan):", f_straat, 128, 0, NULL },
	{ S_HUISNR, "Nieuwe hulpvraag — woonadres", "Huisnummer met toevoeging (12, 12a, 12-2):", f_huisnr, 32, 1,
	  c_huisnr },
	{ S_POSTCODE, "Nieuwe hulpvraag — woonadres", "Postcode (1234 AB):", f_postcode, 32, 1, c_postcode },
	{ S_PLAATS, "Nieuwe hulpvraag — woonadres", "Plaats:", f_plaats, 128, 1, NULL },
	{ S_OUDER, "Nieuwe hulpvraag — ouder",
	  "Naam van een ouder of verzorger met gezag (leeg = overslaan):", f_ouder, 128, 0, NULL },
	{ S_OUDER_EMAIL, "Nieuwe hulpvraag — ouder", "E-mailadres van de ouder (mag leeg):", f_ouder_email, 256, 0,
	  c_email },
	{ S_LEERJAAR, "Nieuwe hulpvraag — leerjaar",
	  "Leerjaar of groep op deze school (\"groep 7\"; leeg = overslaan):", f_leerjaar, 32, 0, NULL },
};

static const struct vraag *vraag_van(enum step s)
{
	for (size_t i = 0; i < sizeof vragen / sizeof vragen[0]; i++)
		if (vragen[i].step == s)
			return &vragen[i];
	return &vragen[0];
}

/* Is step s asked in this intake? */
static int asked(const struct intake *in, enum step s)
{
	if (s >= S_ACHTERNAAM && s <= S_ROEPNAAM && !leerling(in))
		return 0;
	if (s >= S_GESLACHT && s <= S_LEERJAAR && !leerling(in))
		return 0;
	switch (s) {
	case S_NIVEAU:
		return in->niveau_keuze;
	case S_GROEPSNAAM:
		return !strcmp(in->niveau, "groep");
	case S_ROEPNAAM:
		return !in->dossier_id;
	case S_COORD:
		return !in->by_kring;
	case S_TITEL_VRIJ:
		return in->vrij;
	case S_GESLACHT:
		return (in->vragen & DOSSIER_VRAAG_GESLACHT) != 0;
	case S_STRAAT:
		return (in->vragen & DOSSIER_VRAAG_WOONADRES) != 0;
	case S_HUISNR:
	case S_POSTCODE:
	case S_PLAATS:
		return (in->vragen & DOSSIER_VRAAG_WOONADRES) && in->straat[0];
	case S_OUDER:
		return (in->vragen & DOSSIER_VRAAG_OUDER) != 0;
	case S_OUDER_EMAIL:
		return (in->vragen & DOSSIER_VRAAG_OUDER) && in->ouder[0];
	case S_LEERJAAR:
		return (in->vragen & DOSSIER_VRAAG_LEERJAAR) != 0;
	default:
		return s != S_DONE;
	}
}

/* The next asked step after s. */
static enum step after(const struct intake *in, enum step s)
{
	do
		s = (enum step)(s + 1);
	while (s < S_CONFIRM && !asked(in, s));
	return s;
}

static int job_dossiers(struct pane *p, struct app *a);
static int job_list(struct pane *p, struct app *a);
static int job_vragen(struct pane *p, struct app *a);
static int job_create(struct pane *p, struct app *a);

/* Opens the dialog of in->step; returns R_WORK when it needs data first. */
static int open_step(struct intake *in, struct app *a)
{
	char prompt[2000], ex[500];

	switch (in->step) {
	case S_NIVEAU: {
		struct dialog_item it[2];
		memset(it, 0, sizeof it);
		snprintf(it[0].label, sizeof it[0].label, "Groep (een klas op een school, groepsarrangement)");
		snprintf(it[1].label, sizeof it[1].label, "School (schoolbudget)");
		it[0].id = 1;
		it[1].id = 2;
		dialog_open_pick(&in->base.dlg, S_NIVEAU, "Nieuwe hulpvraag — groep of school",
				 "Over wie gaat de hulpvraag?  (Voor een leerling: n op het overzicht.)", it, 2);
		in->base.dlg.sel = !strcmp(in->niveau, "school");
		return R_PAINT | R_BARS;
	}
	case S_GROEPSNAAM:
		dialog_open_line(&in->base.dlg, S_GROEPSNAAM, "Nieuwe hulpvraag — groep",
				 "Naam van de groep: klas en school, zoals \"8D Kameleon\" (niet \"groep 8\"; 001 §3):",
				 in->groepsnaam, 0);
		return R_PAINT | R_BARS;
	case S_ACHTERNAAM:
		dialog_open_line(&in->base.dlg, S_ACHTERNAAM, "Nieuwe hulpvraag — leerling",
				 "Achternaam van de leerling, met tussenvoegsel (\"van der Berg\"); er wordt eerst gezocht "
				 "naar een bestaand dossier:",
				 in->achternaam, 0);
		return R_PAINT | R_BARS;
	case S_GEBDATUM:
		dialog_open_line(&in->base.dlg, S_GEBDATUM, "Nieuwe hulpvraag — geboortedatum",
				 "Geboortedatum (d-m-jjjj of dd-mm-jjjj):", in->gebdatum, 0);
		return R_PAINT | R_BARS;
	case S_DOSSIER:
		in->base.job = job_dossiers;
		return R_PAINT | R_BARS | R_WORK;
	case S_ROEPNAAM:
		dialog_open_line(&in->base.dlg, S_ROEPNAAM, "Nieuw dossier — roepnaam", "Roepnaam van de leerling:",
				 in->roepnaam, 0);
		return R_PAINT | R_BARS;
	case S_TITEL:
		in->base.job = job_list;
		return R_PAINT | R_BARS | R_WORK;
	case S_TITEL_VRIJ:
		snprintf(prompt, sizeof prompt,
			 "Een andere titel mag ook, mits duidelijk is waar het over gaat en er geen leerlingnaam in "
			 "voorkomt (000).  De hulpvraag wordt een \"%s\"; de coördinator kies je zelf.  Titel:",
			 in->standaard_naam);
		dialog_open_line(&in->base.dlg, S_TITEL_VRIJ, "Nieuwe hulpvraag — eigen titel", prompt,
				 in->vrij ? in->titel : "", 0);
		return R_PAINT | R_BARS;
	case S_SCHOOL:
		in->base.job = job_list;
		return R_PAINT | R_BARS | R_WORK;
	case S_COORD:
		in->base.job = job_list;
		return R_PAINT | R_BARS | R_WORK;
	case S_GESLACHT: {
		static const char *const g[] = { "m (jongen)", "v (meisje)", "x (anders / onbekend)", "(overslaan)" };
		struct dialog_item it[4];
		memset(it, 0, sizeof it);
		for (int i = 0; i < 4; i++) {
			snprintf(it[i].label, sizeof it[i].label, "%s", g[i]);
			it[i].id = i;
		}
		dialog_open_pick(&in->base.dlg, S_GESLACHT, "Nieuwe hulpvraag — geslacht",
				 "Geslacht van de leerling (de controlelijst van dit aanvraagtype vraagt het):", it, 4);
		return R_PAINT | R_BARS;
	}
	case S_STRAAT:
	case S_HUISNR:
	case S_POSTCODE:
	case S_PLAATS:
	case S_OUDER:
	case S_OUDER_EMAIL:
	case S_LEERJAAR: {
		const struct vraag *v = vraag_van(in->step);
		dialog_open_line(&in->base.dlg, in->step, v->titel, v->prompt, v->veld(in), 0);
		return R_PAINT | R_BARS;
	}
	case S_AANVRAGER:
		dialog_open_line(&in->base.dlg, S_AANVRAGER, "Nieuwe hulpvraag — aanvrager",
				 "Naam van de aanvrager (de IB'er of contactpersoon van de school):", in->aanvrager, 0);
		return R_PAINT | R_BARS;
	case S_EMAIL:
		dialog_open_line(&in->base.dlg, S_EMAIL, "Nieuwe hulpvraag — e-mail",
				 "E-mailadres van de aanvrager (voor de statusmails; mag leeg blijven):", in->email, 0);
		return R_PAINT | R_BARS;
	case S_OMSCHR:
		snprintf(prompt, sizeof prompt, "%s%s%sWat is de vraag?  (De naam van de leerling is overbodig in de "
			 "omschrijving, 004 §2.2.)", in->toelichting && *in->toelichting ? "Toelichting: " : "",
			 in->toelichting ? in->toelichting : "", in->toelichting && *in->toelichting ? "  " : "");
		dialog_open_text(&in->base.dlg, S_OMSCHR, "Nieuwe hulpvraag — omschrijving", prompt, in->omschrijving);
		return R_PAINT | R_BARS;
	case S_CONFIRM:
		/* the dialog covers the summary at 80x24: it carries it itself */
		snprintf(prompt, sizeof prompt,
			 "Hulpvraag \"%.80s\" (%.60s) aanmaken voor %.60s (%s, %s), %.60s.  Coördinator: %.60s.  "
			 "Aanvrager: %.60s%s%.60s%s.  %s%s%sOmschrijving: %.120s%s",
			 in->titel, in->aanvraagtype,
			 !leerling(in) ? (!strcmp(in->niveau, "groep") ? in->groepsnaam : "het schooldossier")
			 : in->dossier_id ? in->dossier : in->achternaam,
			 !leerling(in) ? (!strcmp(in->niveau, "groep") ? "groep" : "school")
			 : in->dossier_id ? "bestaand dossier" : "nieuw dossier",
			 !leerling(in) ? "bestaand of nieuw dossier" : in->gebdatum, in->school,
			 in->by_kring ? "volgens scholenkring" : in->coord[0] ? in->coord : "geen",
			 in->aanvrager[0] ? in->aanvrager : "onbekend", in->email[0] ? " <" : "", in->email,
			 in->email[0] ? ">" : "", in->vragen ? "Dossier: " : "", in->vragen ? extras(in, ex, sizeof ex) : "",
			 in->vragen ? ".  " : "", in->omschrijving && *in->omschrijving ? in->omschrijving : "—",
			 in->omschrijving && strlen(in->omschrijving) > 120 ? "…" : "");
		dialog_open_confirm(&in->base.dlg, S_CONFIRM, "Nieuwe hulpvraag aanmaken", prompt, "Aanmaken");
		in->base.dlg.ok_focus = 1; /* creating is not destructive */
		return R_PAINT | R_BARS;
	case S_DONE:
		break;
	}
	(void)a;
	return R_PAINT | R_BARS;
}

/* The first question: the niveau for a group or school, else the surname. */
static enum step first_step(const struct intake *in)
{
	return in->niveau_keuze ? S_NIVEAU : S_ACHTERNAAM;
}

static enum step prev_step(const struct intake *in)
{
	enum step s = in->step, first = first_step(in);

	if (s == first || s == S_DONE)
		return first;
	do
		s = (enum step)(s - 1);
	while (s > first && !asked(in, s));
	return s;
}

static int next(struct intake *in, struct app *a, enum step s)
{
	in->step = s;
	return open_step(in, a);
}

static int step_ok(struct intake *in, struct app *a)
{
	const struct dialog_item *it = dialog_selected(&in->base.dlg);
	char *text = in->base.dlg.kind == DIALOG_PICK || in->base.dlg.kind == DIALOG_CONFIRM ? NULL : dialog_text(&in->base.dlg);
	struct err e;
	struct datum d;
	int r = R_PAINT;

	switch (in->step) {
	case S_NIVEAU:
		if (!it)
			break;
		snprintf(in->niveau, sizeof in->niveau, "%s", it->id == 2 ? "school" : "groep");
		in->dossier_id = 0;
		in->vragen = 0;
		r = next(in, a, after(in, S_NIVEAU));
		break;
	case S_GROEPSNAAM:
		if (!text || dossier_groepsnaam_check(text, &e) < 0) {
			dialog_note(&in->base.dlg, "%s", text ? e.msg : "geen geheugen");
			break;
		}
		snprintf(in->groepsnaam, sizeof in->groepsnaam, "%s", text);
		r = next(in, a, after(in, S_GROEPSNAAM));
		break;
	case S_ACHTERNAAM:
		if (!text || statuswissel_reden_leeg(text)) {
			dialog_note(&in->base.dlg, "Vul de achternaam in");
			break;
		}
		snprintf(in->achternaam, sizeof in->achternaam, "%s", text);
		r = next(in, a, S_GEBDATUM);
		break;
	case S_GEBDATUM:
		/* "3-2-2016" as well as "03-02-2016"; not in the future, not
		 * implausibly old (core/dossier) */
		if (!text || datum_parse_los(text, &d, &e) < 0 ||
		    dossier_geboortedatum_check(d, datum_today(time(NULL)), &e) < 0) {
			dialog_note(&in->base.dlg, "%s", text ? e.msg : "geen geheugen");
			break;
		}
		datum_format(d, in->gebdatum);
		r = next(in, a, S_DOSSIER);
		break;
	case S_DOSSIER:
		if (!it)
			break;
		in->dossier_id = it->id;
		snprintf(in->dossier, sizeof in->dossier, "%s", it->id ? it->label : in->achternaam);
		in->d_roep[0] = in->d_tussen[0] = in->d_achter[0] = '\0';
		for (int i = 0; i < in->nkand; i++)
			if (in->kand[i].id == it->id) {
				snprintf(in->d_roep, sizeof in->d_roep, "%s", in->kand[i].roepnaam);
				snprintf(in->d_tussen, sizeof in->d_tussen, "%s", in->kand[i].tussenvoegsel);
				snprintf(in->d_achter, sizeof in->d_achter, "%s", in->kand[i].achternaam);
			}
		r = next(in, a, it->id ? S_TITEL : S_ROEPNAAM);
		break;
	case S_ROEPNAAM:
		if (!text || statuswissel_reden_leeg(text)) {
			dialog_note(&in->base.dlg, "Vul de roepnaam in");
			break;
		}
		snprintf(in->roepnaam, sizeof in->roepnaam, "%s", text);
		snprintf(in->dossier, sizeof in->dossier, "%.120s %.120s", in->roepnaam, in->achternaam);
		r = next(in, a, S_TITEL);
		break;
	case S_TITEL:
		if (it && it->id == -1) { /* "(een andere titel…)" */
			in->vrij = 1;
			r = next(in, a, S_TITEL_VRIJ);
			break;
		}
		in->vrij = 0;
		snprintf(in->titel, sizeof in->titel, "%.*s", FLOW_MAX_NAME, it->label);
		snprintf(in->aanvraagtype, sizeof in->aanvraagtype, "%.*s", FLOW_MAX_NAME, it->extra);
		in->by_kring = it->flag;
		in->aanvraagtype_id = it->ref;
		/* what this type's checklist needs decides the questions
		 * after the school (job_vragen), then the school is asked */
		in->base.job = job_vragen;
		r = R_PAINT | R_BARS | R_WORK;
		break;
	case S_TITEL_VRIJ: {
		/* the title rule of core/titel: no pupil's name, one line */
		char tv[64] = "", an[128] = "";
		struct err se;
		if (!in->dossier_id && naam_split(in->achternaam, tv, sizeof tv, an, sizeof an, &se) < 0)
			snprintf(an, sizeof an, "%.120s", in->achternaam);
		struct naam nm = { in->dossier_id ? in->d_roep : in->roepnaam, in->dossier_id ? in->d_tussen : tv,
				   in->dossier_id ? in->d_achter : an };
		if (!text || titel_check(text, &nm, &e) < 0) {
			dialog_note(&in->base.dlg, "%s", text ? e.msg : "geen geheugen");
			break;
		}
		snprintf(in->titel, sizeof in->titel, "%.*s", FLOW_MAX_NAME, text);
		snprintf(in->aanvraagtype, sizeof in->aanvraagtype, "%s", in->standaard_naam);
		in->by_kring = 0;
		in->aanvraagtype_id = in->standaard_id;
		in->base.job = job_vragen;
		r = R_PAINT | R_BARS | R_WORK;
		break;
	}
	case S_SCHOOL:
		in->school_id = it->id;
		in->school_coord = it->ref;
		snprintf(in->school, sizeof in->school, "%s", it->label);
		r = next(in, a, after(in, S_SCHOOL));
		break;
	case S_COORD:
		in->coord_id = it->id;
		snprintf(in->coord, sizeof in->coord, "%s", it->id ? it->label : "geen");
		r = next(in, a, after(in, S_COORD));
		break;
	case S_GESLACHT: {
		static const char *const g[] = { "m", "v", "x", "" };
		snprintf(in->geslacht, sizeof in->geslacht, "%s", it && it->id >= 0 && it->id < 4 ? g[it->id] : "");
		r = next(in, a, after(in, S_GESLACHT));
		break;
	}
	case S_STRAAT:
	case S_HUISNR:
	case S_POSTCODE:
	case S_PLAATS:
	case S_OUDER:
	case S_OUDER_EMAIL:
	case S_LEERJAAR: {
		const struct vraag *v = vraag_van(in->step);
		int leeg = !text || statuswissel_reden_leeg(text);
		if (!leeg && v->check && v->check(text, &e) < 0) {
			dialog_note(&in->base.dlg, "%s", e.msg);
			break;
		}
		if (leeg && v->verplicht) {
			dialog_note(&in->base.dlg, "Vul dit in, of ga met Esc terug en maak de straat leeg om het adres over te slaan");
			break;
		}
		snprintf(v->veld(in), v->len, "%s", leeg ? "" : text);
		r = next(in, a, after(in, in->step));
		break;
	}
	case S_AANVRAGER:
		snprintf(in->aanvrager, sizeof in->aanvrager, "%s", text ? text : "");
		r = next(in, a, S_EMAIL);
		break;
	case S_EMAIL:
		if (text && !statuswissel_reden_leeg(text) && validate_email(text, &e) < 0) {
			dialog_note(&in->base.dlg, "%s", e.msg);
			break;
		}
		snprintf(in->email, sizeof in->email, "%s", text && !statuswissel_reden_leeg(text) ? text : "");
		r = next(in, a, S_OMSCHR);
		break;
	case S_OMSCHR: {
		/* 004 §2.2 punt 7: no pupil name in what many people read; a
		 * warning, once — Enter again keeps the text as it is */
		char tv[64] = "", an[128] = "";
		struct err se;
		if (!in->dossier_id && naam_split(in->achternaam, tv, sizeof tv, an, sizeof an, &se) < 0)
			snprintf(an, sizeof an, "%.120s", in->achternaam);
		struct naam nm = { in->dossier_id ? in->d_roep : in->roepnaam, in->dossier_id ? in->d_tussen : tv,
				   in->dossier_id ? in->d_achter : an };
		if (text && !in->naam_gezien && titel_bevat_naam(text, &nm)) {
			in->naam_gezien = 1;
			dialog_note(&in->base.dlg, "Let op: de naam van de leerling staat in de omschrijving; die lezen "
						   "ook anderen.  Haal hem weg, of F2 om toch zo te bewaren.");
			break;
		}
	}
		free(in->omschrijving);
		in->omschrijving = text;
		text = NULL;
		r = next(in, a, S_CONFIRM);
		break;
	case S_CONFIRM:
		in->base.job = job_create;
		app_message(a, 0, "Bezig met aanmaken…");
		r = R_PAINT | R_BARS | R_WORK;
		break;
	case S_DONE:
		break;
	}
	free(text);
	return r | R_BARS;
}

static int in_dialog_ok(struct pane *p, struct app *a)
{
	return step_ok(I(p), a);
}

/* Esc goes one step back; on the first step it leaves the intake. */
static int in_dialog_cancel(struct pane *p, struct app *a)
{
	struct intake *in = I(p);

	if (in->step == first_step(in)) {
		app_message(a, 0, "Nieuwe hulpvraag afgebroken");
		app_pop(a);
		return R_PAINT | R_BARS;
	}
	return next(in, a, prev_step(in));
}

/* One key leaves the intake from any question (Esc goes one back). */
static int in_stop(struct pane *p, struct app *a, enum action_id id)
{
	dialog_close(&p->dlg);
	app_message(a, 0, "Nieuwe hulpvraag afgebroken; er is niets aangemaakt");
	app_pop(a);
	return R_PAINT | R_BARS;
}

static const struct pane_action in_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_INTAKE_STOP, in_stop, PA_DIALOG },
};

static int load_list(struct intake *in, struct app *a, int rc, struct err *e)
{
	if (rc < 0) {
		app_message(a, 1, "%s", e->msg);
		in->step = prev_step(in);
		return open_step(in, a);
	}
	app_message_clear(a);
	return 0;
}

/* A pick list's rows come fresh for every step. */
static void list_clear(struct intake *in)
{
	free(in->list);
	in->list = NULL;
	in->nlist = 0;
}

/* The dossiers that may be this pupil, by core's match rule: an exact one
 * (same surname with tussenvoegsel and birth date, accents ignored) first
 * and highlighted, so Enter never makes a second dossier; near ones (a
 * typo in the name or the date) beside it; the new dossier last, the
 * default only when nothing matches exactly. */
static int job_dossiers(struct pane *p, struct app *a)
{
	struct intake *in = I(p);
	char prompt[600], iso[DATUM_BUFLEN] = "", tv[64] = "", an[256] = "", key[256];
	struct dossier_persoon gezocht;
	struct dialog_item *items;
	struct datum d;
	struct err e, se;
	int n = 0, exact = 0, near = 0;

	list_clear(in);
	free(in->kand);
	in->kand = NULL;
	in->nkand = 0;
	memset(&gezocht, 0, sizeof gezocht);
	if (datum_parse(in->gebdatum, &d, &e) == 0) {
		datum_format_iso(d, iso);
		gezocht.geboortedatum = d;
	}
	if (naam_split(in->achternaam, tv, sizeof tv, an, sizeof an, &se) < 0)
		snprintf(an, sizeof an, "%.200s", in->achternaam);
	gezocht.naam.tussenvoegsel = tv;
	gezocht.naam.achternaam = an;
	/* the first three letters of the folded surname find the candidates
	 * with a typo further on; the birth date those with a typo early */
	naam_fold(key, sizeof key, an);
	key[3] = '\0';
	if (load_list(in, a, dossier_kandidaten(a->db, a->session.organisatie_id, key, iso, &in->kand, &in->nkand, &e),
		      &e))
		return R_PAINT | R_BARS;
	items = calloc((size_t)in->nkand + 1, sizeof *items);
	if (!items)
		return R_PAINT | R_BARS;
	for (int pass = DOSSIER_MATCH_EXACT; pass >= DOSSIER_MATCH_BIJNA; pass--)
		for (int i = 0; i < in->nkand; i++) {
			const struct dossier_kandidaat *k = &in->kand[i];
			struct dossier_persoon kp = { { k->roepnaam, k->tussenvoegsel, k->achternaam }, { 0, 0, 0 } };
			if (datum_parse_iso(k->geboortedatum_iso, &d, &se) == 0)
				kp.geboortedatum = d;
			if ((int)dossier_match(&gezocht, &kp) != pass)
				continue;
			naam_format_sorted(items[n].label, sizeof items[n].label, &kp.naam);
			snprintf(items[n].extra, sizeof items[n].extra, "%s  %s", k->geboortedatum[0] ? k->geboortedatum : "?",
				 pass == DOSSIER_MATCH_EXACT ? "exact" : "lijkt erop");
			items[n++].id = k->id;
			exact += pass == DOSSIER_MATCH_EXACT;
			near += pass == DOSSIER_MATCH_BIJNA;
		}
	snprintf(items[n].label, sizeof items[n].label, "(nieuw dossier: %.100s, geboren %s)", in->achternaam,
		 in->gebdatum);
	items[n++].id = 0;
	if (exact)
		snprintf(prompt, sizeof prompt,
			 "Deze leerling heeft al een dossier (bovenaan, gekozen).  Enter kiest het; een nieuw dossier "
			 "staat onderaan.");
	else if (near)
		snprintf(prompt, sizeof prompt,
			 "Geen dossier met precies deze naam en geboortedatum; %d lijk%s erop.  Kies het als het deze "
			 "leerling is, anders een nieuw dossier (gekozen):", near, near == 1 ? "t" : "en");
	else
		snprintf(prompt, sizeof prompt, "Geen bestaand dossier gevonden.  Enter maakt een nieuw dossier:");
	dialog_open_pick(&in->base.dlg, S_DOSSIER, "Nieuwe hulpvraag — dossier", prompt, items, n);
	free(items);
	/* the default: the exact match, else the new dossier */
	in->base.dlg.sel = exact ? 0 : in->base.dlg.nshown - 1;
	for (int i = 0; !exact && i < in->base.dlg.nshown; i++)
		if (in->base.dlg.items[in->base.dlg.shown[i]].id == in->dossier_id && in->dossier_id)
			in->base.dlg.sel = i; /* back here: what was chosen before */
	return R_PAINT | R_BARS;
}

/* The steps that pick from a list of the organisatie: where the rows come
 * from and what the pick list says. */
static const struct {
	enum step step;
	int (*fetch)(struct db *db, long org, struct hv_item **out, int *n, struct err *e);
	const char *title, *prompt, *first; /* first: an entry on top, id 0 (NULL: none) */
} lists[] = {
	{ S_TITEL, intake_titels, "Nieuwe hulpvraag — titel",
	  "Kies de vaste titel; die bepaalt het aanvraagtype, de eerste status en de coördinator:", NULL },
	{ S_SCHOOL, intake_scholen, "Nieuwe hulpvraag — school",
	  "School van de leerling (typ om te zoeken op naam, BRIN of plaats):", NULL },
	{ S_COORD, hulpvraag_coordinators, "Nieuwe hulpvraag — coördinator",
	  "Dit aanvraagtype wijst de coördinator niet zelf toe.  Kies de coördinator:", "(nog geen coördinator)" },
};

/* The pick list of the current step (titel, school, coördinator). */
static int job_list(struct pane *p, struct app *a)
{
	struct intake *in = I(p);
	struct err e;

	list_clear(in);
	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		if (lists[k].step != in->step)
			continue;
		if (load_list(in, a, lists[k].fetch(a->db, a->session.organisatie_id, &in->list, &in->nlist, &e), &e))
			return R_PAINT | R_BARS;
		if (in->step == S_TITEL &&
		    load_list(in, a, dossier_intake_standaardtype(a->db, a->session.organisatie_id, &in->standaard_id,
								  in->standaard_naam, sizeof in->standaard_naam, &e), &e))
			return R_PAINT | R_BARS;
		if (in->step == S_TITEL && in->standaard_id) {
			dialog_open_pick_items(&in->base.dlg, in->step, lists[k].title, lists[k].prompt, in->list,
					       in->nlist, "(een andere titel…)", -1);
			continue;
		}
		open_pick(in, lists[k].title, lists[k].prompt, lists[k].first != NULL, lists[k].first);
	}
	/* the school's scholenkring suggests the coördinator */
	for (int i = 0; in->step == S_COORD && i < p->dlg.nshown; i++)
		if (p->dlg.items[p->dlg.shown[i]].id == in->school_coord)
			p->dlg.sel = i;
	return R_PAINT | R_BARS;
}

/* The questions this aanvraagtype's checklist needs (for an existing
 * dossier: only what it lacks); then the school. */
static int job_vragen(struct pane *p, struct app *a)
{
	struct intake *in = I(p);
	struct err e;

	free(in->toelichting);
	free(in->standaardtekst);
	in->toelichting = in->standaardtekst = NULL;
	in->vragen = 0;
	if ((leerling(in) && dossier_intake_vragen(a->db, in->aanvraagtype_id, in->dossier_id, &in->vragen, &e) < 0) ||
	    dossier_intake_teksten(a->db, in->aanvraagtype_id, &in->toelichting, &in->standaardtekst, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return next(in, a, S_TITEL);
	}
	/* the type's standaardtekst starts the omschrijving (004 §2.4 …),
	 * unless something was typed there already */
	if (in->standaardtekst[0] && (!in->omschrijving || !in->omschrijving[0])) {
		free(in->omschrijving);
		in->omschrijving = strdup(in->standaardtekst);
	}
	app_message_clear(a);
	return next(in, a, S_SCHOOL);
}

/* What became of the create (tui/outcome says it): the new hulpvraag
 * opens, or the confirmation stays for F2 (safe: same key).  UNKNOWN is
 * found out now or after the reconnect. */
static int created(struct intake *in, struct app *a, struct outcome *o)
{
	char note[700];

	if (!outcome_settle(a, o, "de hulpvraag")) {
		in->pending = *o;
		dialog_note(&in->base.dlg, "%s", outcome_note(o, note, sizeof note));
		return R_PAINT | R_BARS;
	}
	outcome_clear(&in->pending);
	if (o->kind != OUTCOME_SAVED) {
		dialog_note(&in->base.dlg, "%s", outcome_note(o, note, sizeof note));
		return R_PAINT | R_BARS;
	}
	in->new_id = o->id;
	in->new_nummer = o->nummer;
	dialog_close(&in->base.dlg);
	in->step = S_DONE;
	app_push(a, pane_hulpvraag_new(a, in->new_id));
	return R_PAINT | R_BARS;
}

static int job_create(struct pane *p, struct app *a)
{
	struct intake *in = I(p);
	struct hv_nieuw n;
	struct outcome o;

	list_clear(in);
	memset(&n, 0, sizeof n);
	n.organisatie_id = a->session.organisatie_id;
	n.dossier_id = in->dossier_id;
	n.roepnaam = in->roepnaam;
	n.achternaam_getypt = in->achternaam;
	n.geboortedatum = in->gebdatum;
	n.titel = in->titel;
	n.omschrijving = in->omschrijving ? in->omschrijving : "";
	n.school_id = in->school_id;
	n.coordinator_id = in->coord_id;
	n.aanvrager_naam = in->aanvrager;
	n.aanvrager_email = in->email;
	n.idempotentie = in->key;
	n.geslacht = asked(in, S_GESLACHT) ? in->geslacht : NULL;
	n.straat = asked(in, S_STRAAT) ? in->straat : NULL;
	n.huisnummer = in->huisnr;
	n.postcode = in->postcode;
	n.plaats = in->plaats;
	n.ouder_naam = asked(in, S_OUDER) ? in->ouder : NULL;
	n.ouder_email = in->ouder_email;
	n.leerjaar = asked(in, S_LEERJAAR) ? in->leerjaar : NULL;
	n.niveau = in->niveau;
	n.groepsnaam = in->groepsnaam;
	intake_create(a->db, &n, &in->new_id, &in->new_nummer, &o);
	return created(in, a, &o);
}

static int job_settle(struct pane *p, struct app *a)
{
	struct outcome o = I(p)->pending;

	return created(I(p), a, &o);
}

/* Back after a lost connection: a create that may have got in is found out
 * first. */
static int in_reconnected(struct pane *p, struct app *a)
{
	if (p->job || I(p)->pending.kind != OUTCOME_UNKNOWN)
		return R_NONE;
	p->job = job_settle;
	return R_WORK;
}

static void in_free(struct pane *p)
{
	struct intake *in = I(p);

	free(in->omschrijving);
	free(in->list);
	free(in->kand);
	free(in->toelichting);
	free(in->standaardtekst);
	free(in);
}

static const struct pane_ops intake_ops = {
	.name = "intake",
	.title = "Nieuwe hulpvraag",
	.ctx = CTX_HULPVRAAG,
	.draw = in_draw,
	.actions = in_actions,
	.nactions = sizeof in_actions / sizeof in_actions[0],
	.dialog_ok = in_dialog_ok,
	.dialog_cancel = in_dialog_cancel,
	.free = in_free,
	.reconnected = in_reconnected,
};

struct pane *pane_intake_new(struct app *a)
{
	struct intake *in = calloc(1, sizeof *in);

	if (!in)
		return NULL;
	in->base.ops = &intake_ops;
	in->step = S_ACHTERNAAM;
	snprintf(in->niveau, sizeof in->niveau, "leerling");
	outcome_key_new(in->key);
	open_step(in, a);
	return &in->base;
}

struct pane *pane_intake_new_groep(struct app *a, const char *niveau)
{
	struct pane *p = pane_intake_new(a);
	struct intake *in = p ? I(p) : NULL;

	if (!in)
		return NULL;
	in->niveau_keuze = 1;
	snprintf(in->niveau, sizeof in->niveau, "%s", niveau && !strcmp(niveau, "school") ? "school" : "groep");
	in->step = S_NIVEAU;
	open_step(in, a);
	return p;
}
