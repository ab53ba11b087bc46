/* aanpak_tab.c — the Aanpak content of the beschikking tab; see aanpak_tab.h. */
#include "tui/aanpak_tab.h"

#include <stdio.h>
#include <string.h>

#include "core/recht.h"
#include "core/validate.h"
#include "tui/app.h"
#include "tui/brief_bijlage.h"
#include "tui/dialog.h"
#include "tui/outcome.h"

/* The tariff of the draft in its start's school year (-1): the type's own
 * (a fixed amount, *vast 1) or else its categorie's. */
static int64_t tarief_van(const struct aanpaktab *t, int *vast)
{
	struct datum d;
	int64_t c;
	*vast = 0;
	if (datum_parse(t->draft.start, &d, NULL) < 0)
		return -1;
	if (t->draft.type[0] &&
	    beschikking_tarief_zoek(t->a.tarieven, (size_t)t->a.ntarieven, t->draft.type, d, &c, NULL) == 0) {
		*vast = 1;
		return c;
	}
	if (!t->draft.categorie[0] ||
	    beschikking_tarief_zoek(t->a.tarieven, (size_t)t->a.ntarieven, t->draft.categorie, d, &c, NULL) < 0)
		return -1;
	return c;
}

static void check(struct aanpaktab *t)
{
	t->tarief = tarief_van(t, &t->vast);
	aanpak_check(&t->draft, t->tarief, 0, NULL, &t->fouten);
	if (t->vast)
		aanpak_vast_check(&t->draft, t->tarief, &t->fouten);
	aanpak_check(&t->draft, t->tarief, 1, NULL, &t->verwerken);
	t->voorstel[0] = '\0';
	if (t->tarief > 0)
		validate_money_format(t->tarief, t->voorstel, sizeof t->voorstel);
}

void aanpaktab_load(struct aanpaktab *t, struct app *a, long hulpvraag_id)
{
	struct err e;

	if (db_aanpak_read(a->db, hulpvraag_id, &t->a, &e) < 0) {
		snprintf(t->err, sizeof t->err, "Aanpak niet geladen: %s", e.msg);
		return;
	}
	t->err[0] = '\0';
	behandelaars_load(&t->beh, a, hulpvraag_id, 0);
	if (!t->dirty) {
		t->draft = t->a.in;
		if (!t->a.id)
			outcome_key_new(t->key); /* a new aanpak: sent twice, made once */
		/* a new schoolbudget beschikking starts from what PPO granted */
		if (!t->a.id && !t->draft.bedrag[0] && t->a.toegekend > 0)
			validate_money_format(t->a.toegekend, t->draft.bedrag, sizeof t->draft.bedrag);
	}
	t->loaded = 1;
	check(t);
}

static void velden(struct aanpaktab *t, struct veld *v)
{
	struct aanpak_invoer *in = &t->draft;
	int i;

	for (i = 0; i < t->a.ntypes; i++)
		t->types[i] = t->a.types[i];
	t->types[i] = NULL;
	for (i = 0; i < t->a.ncategorieen; i++)
		t->categorieen[i] = t->a.categorieen[i];
	t->categorieen[i] = NULL;
#define V(f, s, slot) (struct veld){ .label = aanpak_veld_label(f), .soort = (s), .waarde = (slot), .len = sizeof(slot) }
	v[AP_TYPE] = V(AP_TYPE, VELD_KEUZE, in->type);
	v[AP_TYPE].keuzes = t->types;
	v[AP_CATEGORIE] = V(AP_CATEGORIE, VELD_KEUZE, in->categorie);
	v[AP_CATEGORIE].keuzes = t->categorieen;
	v[AP_START] = V(AP_START, VELD_REGEL, in->start);
	v[AP_START].prompt = "Startdatum (dd-mm-jjjj):";
	v[AP_EIND] = V(AP_EIND, VELD_REGEL, in->eind);
	v[AP_EIND].prompt = "Einddatum (dd-mm-jjjj; een arrangement duurt ten hoogste een jaar):";
	v[AP_BEDRAG] = V(AP_BEDRAG, VELD_REGEL, in->bedrag);
	v[AP_BEDRAG].prompt = "Bedrag in euro (8.500 of € 8.500,00); het tarief van het schooljaar staat klaar:";
	v[AP_BEDRAG].voorstel = t->voorstel;
	v[AP_REDEN] = V(AP_REDEN, VELD_TEKST, in->reden);
	v[AP_REDEN].prompt = "Waarom wijkt het bedrag af van het tarief? (wordt bewaard)";
	v[AP_NUMMER] = V(AP_NUMMER, VELD_REGEL, in->nummer);
	v[AP_NUMMER].prompt = "Beschikkingsnummer (de financieel medewerker vult het in; uniek):";
	v[AP_NUMMER].kop = "Beschikking";
	v[AP_OMSCHRIJVING] = V(AP_OMSCHRIJVING, VELD_TEKST, in->omschrijving);
#undef V
	for (i = 0; i < AP_VELDEN; i++)
		v[i].fout = t->fouten.veld[i];
}

int aanpaktab_draw(struct aanpaktab *t, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	char buf[700], tar[VALIDATE_MONEY_LEN];
	int y = 0;

	t->row = -1;
	if (t->err[0]) {
		screen_put(p, y++, 1, width - 2, t->err, s->attr[ST_ERROR]);
		return y;
	}
	if (!t->loaded) {
		screen_put(p, y++, 1, width - 2, "Bezig met laden…", s->attr[ST_DIM]);
		return y;
	}
	if (t->a.id)
		snprintf(buf, sizeof buf, "Aanpak%s — bewaard: %s (versie %d)%s", t->a.verwerkt ? " (financieel verwerkt)" : "",
			 t->a.gewijzigd, t->a.version, t->dirty ? " · * niet bewaard" : "");
	else
		snprintf(buf, sizeof buf, "Nog geen aanpak%s", t->dirty ? " · * niet bewaard" : "");
	screen_put(p, y++, 1, width - 2, buf, s->attr[ST_HEAD]);
	if (t->a.geblokkeerd[0]) {
		/* 000 "Niet ontvankelijk financieën": no beschikking, and why */
		snprintf(buf, sizeof buf, "Geen beschikking: %s", t->a.geblokkeerd);
		y += screen_wrap(p, y, 1, width - 2, 3, buf, s->attr[ST_ERROR]);
	}
	if (t->a.aangevraagd > 0 || t->a.besluit[0]) {
		/* the request on the form (000: "bedrag inclusief btw") and PPO's decision */
		char aa[VALIDATE_MONEY_LEN], tk[VALIDATE_MONEY_LEN];
		snprintf(buf, sizeof buf, "Formulier: aangevraagd %s incl. btw · besluit PPO: %s%s%s",
			 t->a.aangevraagd > 0 ? validate_money_format(t->a.aangevraagd, aa, sizeof aa) : "—",
			 t->a.besluit[0] ? t->a.besluit : "nog niet genomen", t->a.toegekend > 0 ? ", toegekend " : "",
			 t->a.toegekend > 0 ? validate_money_format(t->a.toegekend, tk, sizeof tk) : "");
		y += screen_wrap(p, y, 1, width - 2, 2, buf, s->attr[ST_DIM]);
	}
	struct datum d;
	char jaar[12];
	if (t->tarief > 0 && t->vast && datum_parse(t->draft.start, &d, NULL) == 0)
		snprintf(buf, sizeof buf, "Vast bedrag %s, schooljaar %s: %s", t->draft.type,
			 beschikking_schooljaar_naam(datum_schooljaar(d), jaar),
			 validate_money_format(t->tarief, tar, sizeof tar));
	else if (t->tarief > 0 && datum_parse(t->draft.start, &d, NULL) == 0)
		snprintf(buf, sizeof buf, "Tarief %s, schooljaar %s: %s", t->draft.categorie,
			 beschikking_schooljaar_naam(datum_schooljaar(d), jaar),
			 validate_money_format(t->tarief, tar, sizeof tar));
	else
		snprintf(buf, sizeof buf, "Geen tarief voor deze categorie en dit schooljaar (balie admin tarief)");
	screen_put(p, y++, 1, width - 2, buf, s->attr[ST_DIM]);
	/* the budget of its kind and school year: committed, this one, what remains (002) */
	const struct aanpak_budget *b = aanpak_budget_van(&t->a, &t->draft);
	int64_t deze = 0;
	if (b) {
		char bb[VALIDATE_MONEY_LEN], bv[VALIDATE_MONEY_LEN], bd[VALIDATE_MONEY_LEN], bo[VALIDATE_MONEY_LEN];
		if (!t->draft.bedrag[0] || beschikking_bedrag(t->draft.bedrag, &deze, NULL) < 0)
			deze = 0;
		int64_t over = b->budget - b->vastgelegd - deze;
		snprintf(buf, sizeof buf, "Budget %s %s: %s · vastgelegd %s · deze %s · %s %s", b->soort,
			 beschikking_schooljaar_naam(b->schooljaar, jaar), validate_money_format(b->budget, bb, sizeof bb),
			 validate_money_format(b->vastgelegd, bv, sizeof bv), validate_money_format(deze, bd, sizeof bd),
			 over < 0 ? "te veel" : "over", validate_money_format(over < 0 ? -over : over, bo, sizeof bo));
		y += screen_wrap(p, y, 1, width - 2, 2, buf, s->attr[over < 0 ? ST_ERROR : ST_DIM]);
	}
	/* the behandelaars (h), with access while the aanpak runs */
	y += behandelaars_draw(&t->beh, a, p, y, width);
	if (t->a.arrangement) {
		if (t->verwerken.n == 0)
			screen_put(p, y++, 1, width - 2, "✓ Nummer, periode en bedrag: financieel verwerken kan (s)",
				   s->attr[ST_OK]);
		else
			screen_put(p, y++, 1, width - 2, "Financieel verwerken kan nog niet: nummer, periode en bedrag nodig",
				   s->attr[ST_DIM]);
	}
	struct veld v[AP_VELDEN];
	velden(t, v);
	y += veldrijen_draw(p, s, y, width, v, AP_VELDEN, t->cur, &t->row, recht_mag(a->session.roles, RECHT_AANPAK_BEWERKEN));
	return y;
}

long aanpaktab_rows(const struct aanpaktab *t, int width)
{
	(void)t;
	(void)width;
	return 12 + veldrijen_rows(AP_VELDEN);
}

static int may(struct app *a, const struct aanpaktab *t)
{
	if (!recht_mag(a->session.roles, RECHT_AANPAK_BEWERKEN)) {
		app_message(a, 1, "Een aanpak bewerken mag jouw rol niet");
		return 0;
	}
	if (t->a.geblokkeerd[0]) {
		app_message(a, 1, "Geen beschikking: %.500s", t->a.geblokkeerd);
		return 0;
	}
	return 1;
}

int aanpaktab_action(struct aanpaktab *t, struct app *a, struct pane *owner, enum action_id id, int *save)
{
	struct veld v[AP_VELDEN];
	char title[120];

	*save = 0;
	if (!t->loaded)
		return R_NONE;
	if (id == ACT_HV_BEHANDELAAR)
		return may(a, t) ? behandelaars_kies(&t->beh, a, owner, t->a.id != 0) : R_BARS;
	if (id == ACT_HV_BRIEF) {
		if (!may(a, t))
			return R_BARS;
		if (!t->a.id || t->dirty || t->verwerken.n) {
			app_message(a, 1, "Eerst een aanpak met nummer, periode en bedrag bewaren (F2); dan maakt p de brief");
			return R_BARS;
		}
		*save = 2;
		return R_NONE;
	}
	switch (veldrijen_actie(id, &t->cur, AP_VELDEN)) {
	case VR_VERPLAATST:
		return R_PAINT;
	case VR_BEWERKEN:
		if (!may(a, t))
			return R_BARS;
		velden(t, v);
		t->editing = t->cur;
		snprintf(title, sizeof title, "Aanpak: %s", aanpak_veld_label(t->cur));
		veldrijen_open(&owner->dlg, AANPAKTAB_DT_VELD, title, &v[t->cur]);
		return R_PAINT | R_BARS;
	case VR_BEWAREN:
		if (!may(a, t))
			return R_BARS;
		check(t);
		for (int i = 0; i < AP_VELDEN && t->fouten.n; i++)
			if (t->fouten.veld[i][0]) {
				app_message(a, 1, "Niet bewaard — %s: %.400s", aanpak_veld_label(i), t->fouten.veld[i]);
				return R_PAINT | R_BARS;
			}
		*save = 1;
		return R_NONE;
	default:
		return R_NONE;
	}
}

int aanpaktab_dialog_ok(struct aanpaktab *t, struct app *a, struct pane *owner)
{
	struct veld v[AP_VELDEN];

	velden(t, v);
	if (veldrijen_neem(&owner->dlg, &v[t->editing]) < 0)
		return R_PAINT;
	dialog_close(&owner->dlg);
	t->dirty = 1;
	check(t);
	/* the amount comes from the tariff as soon as categorie and start say
	 * which one; a typed amount is never overwritten, but a fixed one
	 * (budget inclusief onderwijs) is always that */
	if ((!t->draft.bedrag[0] || t->vast) && t->tarief > 0 &&
	    (t->editing == AP_TYPE || t->editing == AP_CATEGORIE || t->editing == AP_START)) {
		validate_money_format(t->tarief, t->draft.bedrag, sizeof t->draft.bedrag);
		check(t);
	}
	if (t->fouten.veld[t->editing][0])
		app_message(a, 1, "%s: %.400s", aanpak_veld_label(t->editing), t->fouten.veld[t->editing]);
	else if (t->fouten.veld[AP_REDEN][0])
		app_message(a, 1, "%s", t->fouten.veld[AP_REDEN]);
	else
		app_message(a, 0, "In het concept; F2 of w bewaart");
	return R_PAINT | R_BARS;
}

int aanpaktab_save(struct aanpaktab *t, struct app *a, struct pane *owner, long hulpvraag_id)
{
	struct outcome o;
	char prompt[800];

	db_aanpak_save(a->db, hulpvraag_id, t->a.id, t->a.version, &t->draft, t->a.id ? NULL : t->key, &o);
	t->draft.budget_akkoord = 0; /* one confirmation is for one save */
	if (o.kind == OUTCOME_REFUSED && !strncmp(o.err.msg, "Budget overschreden", 19)) {
		/* 002 "bewaakt de beschikbare budgetten": only with an explicit yes,
		 * which the database logs */
		snprintf(prompt, sizeof prompt, "%s.  Toch bewaren?  (Dit wordt vastgelegd in het auditlog.)", o.err.msg);
		dialog_open_confirm(&owner->dlg, AANPAKTAB_DT_BUDGET, "Budget overschreden", prompt, "Toch bewaren");
		return R_PAINT | R_BARS;
	}
	outcome_show(a, &o, "de aanpak");
	if (o.kind == OUTCOME_SAVED) {
		t->dirty = 0;
		aanpaktab_load(t, a, hulpvraag_id);
	}
	return R_PAINT | R_BARS;
}

int aanpaktab_brief(struct aanpaktab *t, struct app *a, const struct hulpvraag *h)
{
	const struct aanpak_invoer *in = &t->a.in; /* the saved one, never the draft */
	const struct brief_veld v[] = {
		{ "nummer", in->nummer }, { "type", in->type }, { "categorie", in->categorie },
		{ "startdatum", in->start }, { "einddatum", in->eind }, { "bedrag", in->bedrag },
		{ "omschrijving", in->omschrijving },
	};
	return brief_bijlage_maak(a, h, "brief-arrangement.ms", "arrangement", in->nummer, v, sizeof v / sizeof *v);
}
