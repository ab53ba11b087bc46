/* tlv_tab.c — the TLV tab of the hulpvraag pane; see tlv_tab.h. */
#include "tui/tlv_tab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/recht.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/brief_bijlage.h"
#include "tui/outcome.h"
#include "tui/veldrijen.h"

/* Runs core's rules over the draft: as a draft, and for "afgegeven". */
static void check(struct tlvtab *t)
{
	const char *betrokken[TLV_MAX_BETROKKEN];
	for (int i = 0; i < t->b.nbetrokken; i++)
		betrokken[i] = t->b.betrokken[i];
	struct tlv_context c = { &t->conf, t->b.emb, t->b.aanvragende_school, betrokken, (size_t)t->b.nbetrokken,
				 datum_today(time(NULL)) };
	tlv_check(&t->draft, &c, 0, &t->fouten);
	tlv_check(&t->draft, &c, 1, &t->afgeven);
}

void tlvtab_load(struct tlvtab *t, struct app *a, long hulpvraag_id)
{
	struct tlv_beschikking b;
	struct beschikking_conf conf;
	struct err e;

	if (db_tlv_read(a->db, hulpvraag_id, &b, &conf, &e) < 0) {
		snprintf(t->err, sizeof t->err, "TLV-beschikking niet geladen: %s", e.msg);
		return;
	}
	t->b = b;
	t->conf = conf;
	t->err[0] = '\0';
	bezwaren_load(&t->bz, a, hulpvraag_id);
	behandelaars_load(&t->beh, a, hulpvraag_id, 1);
	if (!t->dirty) {
		t->draft = b.in;
		if (!b.id)
			outcome_key_new(t->key); /* a new beschikking: sent twice, made once */
	}
	t->loaded = 1;
	check(t);
}

static const char *const advies_labels[] = { "Naam", "Discipline", "Organisatie", "Datum", "Advies", "Tekst" };

/* The fields of the draft as rows (struct veld points into t->draft). */
static void velden(struct tlvtab *t, struct veld *v)
{
	static const char *const kop[2] = { "Deskundigenadvies 1 (orthopedagoog of psycholoog)",
					    "Deskundigenadvies 2 (andere deskundige, afhankelijk van de leerling)" };
	size_t k = 0;

	for (size_t i = 0; i < t->conf.nsoorten; i++)
		t->soorten[k++] = t->conf.soorten[i];
	t->soorten[k] = NULL;
	for (size_t i = 0; i <= k; i++)
		t->adviezen[i] = t->soorten[i];
	t->adviezen[k] = BESCHIKKING_NIET_TOELAATBAAR;
	t->adviezen[k + 1] = NULL;
	snprintf(t->prompt, sizeof t->prompt, "Beschikkingsnummer (uniek; het eerstvolgende vrije is %s):",
		 t->b.volgend_nummer);
	memset(v, 0, sizeof *v * TLV_VELDEN);
	struct tlv_invoer *in = &t->draft;
	struct { char *w; size_t len; } slots[TLV_ADVIES1] = {
		{ in->nummer, sizeof in->nummer }, { in->soort, sizeof in->soort }, { in->start, sizeof in->start },
		{ in->eind, sizeof in->eind }, { in->ontvangende_school, sizeof in->ontvangende_school },
		{ in->motivering, sizeof in->motivering },
	};
	for (int i = 0; i < TLV_ADVIES1; i++) {
		tlv_veld_label(i, t->labels[i], sizeof t->labels[i]);
		v[i] = (struct veld){ .label = t->labels[i], .soort = VELD_REGEL, .waarde = slots[i].w, .len = slots[i].len };
	}
	v[TLV_NUMMER].prompt = t->prompt;
	v[TLV_NUMMER].voorstel = t->b.volgend_nummer;
	v[TLV_SOORT].soort = VELD_KEUZE;
	v[TLV_SOORT].keuzes = t->soorten;
	v[TLV_START].prompt = "Startdatum (dd-mm-jjjj, de 1e van de maand):";
	v[TLV_EIND].prompt = "Einddatum (dd-mm-jjjj, na de startdatum):";
	v[TLV_MOTIVERING].soort = VELD_TEKST;
	for (int n = 0; n < 2; n++) {
		struct tlv_advies *a = &in->advies[n];
		struct veld *x = &v[n ? TLV_ADVIES2 : TLV_ADVIES1];
		x[ADV_NAAM] = (struct veld){ .label = advies_labels[0], .soort = VELD_REGEL, .waarde = a->naam,
					     .len = sizeof a->naam };
		x[ADV_NAAM].kop = kop[n];
		x[ADV_DISCIPLINE] = (struct veld){ .label = advies_labels[1], .soort = VELD_KEUZE, .waarde = a->discipline,
						   .len = sizeof a->discipline,
						   .keuzes = n ? tlv_disciplines_tweede : tlv_disciplines_eerste,
						   .prompt = "De discipline van de deskundige:" };
		x[ADV_ORGANISATIE] = (struct veld){ .label = advies_labels[2], .soort = VELD_REGEL, .waarde = a->organisatie,
						    .len = sizeof a->organisatie };
		x[ADV_DATUM] = (struct veld){ .label = advies_labels[3], .soort = VELD_REGEL, .waarde = a->datum,
					      .len = sizeof a->datum, .prompt = "Datum van het advies (dd-mm-jjjj):" };
		x[ADV_ADVIES] = (struct veld){ .label = advies_labels[4], .soort = VELD_KEUZE, .waarde = a->advies,
					       .len = sizeof a->advies, .keuzes = t->adviezen };
		x[ADV_TEKST] = (struct veld){ .label = advies_labels[5], .soort = VELD_TEKST, .waarde = a->tekst,
					      .len = sizeof a->tekst };
	}
	v[TLV_VORIGE_NUMMER] = (struct veld){ .label = "Verlenging van TLV", .soort = VELD_REGEL, .waarde = in->vorige_nummer,
					     .len = sizeof in->vorige_nummer,
					     .prompt = "Een verlenging: het nummer van de vorige TLV (leeg: geen verlenging):" };
	v[TLV_VORIGE_NUMMER].kop = "Verlenging (alleen bij een verlenging)";
	v[TLV_VORIGE_EIND] = (struct veld){ .label = "Einddatum vorige TLV", .soort = VELD_REGEL, .waarde = in->vorige_eind,
					   .len = sizeof in->vorige_eind,
					   .prompt = "Einddatum van de vorige TLV (dd-mm-jjjj; leeg: balie neemt die over als "
						     "de TLV in balie staat):" };
	for (int i = 0; i < TLV_VELDEN; i++)
		v[i].fout = t->fouten.veld[i];
}

int tlvtab_draw(struct tlvtab *t, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	char buf[700];
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
	if (!t->b.tlv) {
		screen_put(p, y++, 1, width - 2, "Deze hulpvraag is geen TLV-aanvraag: er hoort geen TLV-beschikking bij.",
			   s->attr[ST_DIM]);
		return y;
	}
	if (t->b.id)
		snprintf(buf, sizeof buf, "TLV-beschikking%s — bewaard: %s (versie %d)%s",
			 t->b.afgegeven ? " (afgegeven)" : "", t->b.gewijzigd, t->b.version,
			 t->dirty ? " · * niet bewaard" : "");
	else if (t->b.id == 0 && !recht_mag(a->session.roles, RECHT_BESCHIKKING_BEWERKEN))
		snprintf(buf, sizeof buf, "Nog geen TLV-beschikking.");
	else
		snprintf(buf, sizeof buf, "Nog geen TLV-beschikking%s", t->dirty ? " · * niet bewaard" : "");
	screen_put(p, y++, 1, width - 2, buf, s->attr[ST_HEAD]);
	y += bezwaren_draw(&t->bz, a, p, y, width);
	y += behandelaars_draw(&t->beh, a, p, y, width);
	if (t->b.emb)
		screen_put(p, y++, 1, width - 2, "EMB-leerling (formulier Aanvraag TLV): alleen TLV SO categorie hoog",
			   s->attr[ST_DIM]);
	/* what "afgegeven" still needs, on top: the reason to open this tab */
	if (t->afgeven.n == 0 && t->b.afgegeven) {
		screen_put(p, y++, 1, width - 2, "✓ Afgegeven en geldig; een wijziging moet geldig blijven", s->attr[ST_OK]);
	} else if (t->afgeven.n == 0 && t->b.dossier_fouten[0]) {
		/* the beschikking is ready but the database also wants the dossier complete */
		snprintf(buf, sizeof buf, "Beschikking volledig, maar afgeven kan nog niet: het dossier is niet compleet (%s)",
			 t->b.dossier_fouten);
		y += screen_wrap(p, y, 1, width - 2, 3, buf, s->attr[ST_DIM]);
	} else if (t->afgeven.n == 0) {
		screen_put(p, y++, 1, width - 2, "✓ Volledig: de status kan naar afgegeven (s)", s->attr[ST_OK]);
	} else {
		if (t->afgeven.algemeen[0])
			snprintf(buf, sizeof buf, "Afgeven kan nog niet: %s", t->afgeven.algemeen);
		else
			snprintf(buf, sizeof buf, "Afgeven kan nog niet: %d %s ontbreekt of klopt niet", t->afgeven.n,
				 t->afgeven.n == 1 ? "punt" : "punten");
		y += screen_wrap(p, y, 1, width - 2, 3, buf, s->attr[t->afgeven.ongelijk ? ST_ERROR : ST_DIM]);
	}
	struct veld v[TLV_VELDEN];
	velden(t, v);
	y += veldrijen_draw(p, s, y, width, v, TLV_VELDEN, t->cur, &t->row, recht_mag(a->session.roles, RECHT_BESCHIKKING_BEWERKEN));
	return y;
}

long tlvtab_rows(const struct tlvtab *t, int width)
{
	(void)t;
	(void)width;
	return 14 + BEZWAAR_MAX + 1 + veldrijen_rows(TLV_VELDEN);
}

int tlvtab_row(const struct tlvtab *t)
{
	return t->row;
}

static int may(struct app *a)
{
	if (recht_mag(a->session.roles, RECHT_BESCHIKKING_BEWERKEN))
		return 1;
	app_message(a, 1, "Een TLV-beschikking bewerken mag jouw rol niet");
	return 0;
}

static void open_field(struct tlvtab *t, struct pane *owner)
{
	struct veld v[TLV_VELDEN];
	char label[64], title[120];

	velden(t, v);
	t->editing = t->cur;
	snprintf(title, sizeof title, "TLV-beschikking: %s", tlv_veld_label(t->cur, label, sizeof label));
	veldrijen_open(&owner->dlg, TLVTAB_DT_VELD, title, &v[t->cur]);
}

int tlvtab_action(struct tlvtab *t, struct app *a, struct pane *owner, enum action_id id, int *save)
{
	char msg[700];

	*save = 0;
	if (!t->loaded || !t->b.tlv)
		return R_NONE;
	if (id == ACT_HV_BEZWAAR) {
		if (!t->b.afgegeven && !t->bz.n) {
			app_message(a, 1, "Bezwaar kan alleen tegen een afgegeven TLV");
			return R_BARS;
		}
		return bezwaren_vraag(&t->bz, a, owner);
	}
	if (id == ACT_HV_BEHANDELAAR)
		return may(a) ? behandelaars_kies(&t->beh, a, owner, t->b.id && t->b.in.eind[0]) : R_BARS;
	if (id == ACT_HV_BRIEF) {
		if (!may(a))
			return R_BARS;
		if (!t->b.id || t->dirty || t->afgeven.n) {
			app_message(a, 1, "Eerst een volledige beschikking bewaren (F2); dan maakt p de brief");
			return R_BARS;
		}
		*save = 2;
		return R_NONE;
	}
	switch (veldrijen_actie(id, &t->cur, TLV_VELDEN)) {
	case VR_VERPLAATST:
		return R_PAINT;
	case VR_BEWERKEN:
		if (!may(a))
			return R_BARS;
		open_field(t, owner);
		return R_PAINT | R_BARS;
	case VR_BEWAREN:
		if (!may(a))
			return R_BARS;
		check(t);
		if (t->fouten.n) {
			app_message(a, 1, "Niet bewaard — %s", tlv_fouten_eerste(&t->fouten, msg, sizeof msg));
			return R_PAINT | R_BARS;
		}
		*save = 1;
		return R_NONE;
	default:
		return R_NONE;
	}
}

int tlvtab_dialog_ok(struct tlvtab *t, struct app *a, struct pane *owner)
{
	struct veld v[TLV_VELDEN];
	char label[64];

	velden(t, v);
	if (veldrijen_neem(&owner->dlg, &v[t->editing]) < 0)
		return R_PAINT;
	dialog_close(&owner->dlg);
	t->dirty = 1;
	check(t);
	/* the error stays under the field; the message line says it too */
	if (t->fouten.veld[t->editing][0])
		app_message(a, 1, "%s: %.400s", tlv_veld_label(t->editing, label, sizeof label),
			    t->fouten.veld[t->editing]);
	else
		app_message(a, 0, "In het concept%s; F2 of w bewaart",
			    t->afgeven.n == 0 ? " — volledig, klaar om af te geven" : "");
	return R_PAINT | R_BARS;
}

int tlvtab_save(struct tlvtab *t, struct app *a, long hulpvraag_id)
{
	struct outcome o;

	db_tlv_save(a->db, hulpvraag_id, t->b.id, t->b.version, &t->draft, t->b.id ? NULL : t->key, &o);
	outcome_show(a, &o, "de TLV-beschikking");
	if (o.kind == OUTCOME_SAVED) {
		t->dirty = 0;
		tlvtab_load(t, a, hulpvraag_id);
	}
	return R_PAINT | R_BARS;
}

int tlvtab_brief(struct tlvtab *t, struct app *a, const struct hulpvraag *h)
{
	const struct tlv_invoer *in = &t->b.in; /* the saved one, never the draft */
	const struct brief_veld v[] = {
		{ "nummer", in->nummer }, { "soort", in->soort }, { "startdatum", in->start }, { "einddatum", in->eind },
		{ "ontvangende_school", in->ontvangende_school }, { "motivering", in->motivering },
		{ "a1_naam", in->advies[0].naam }, { "a1_discipline", in->advies[0].discipline },
		{ "a1_organisatie", in->advies[0].organisatie }, { "a1_datum", in->advies[0].datum },
		{ "a1_advies", in->advies[0].advies }, { "a1_tekst", in->advies[0].tekst },
		{ "a2_naam", in->advies[1].naam }, { "a2_discipline", in->advies[1].discipline },
		{ "a2_organisatie", in->advies[1].organisatie }, { "a2_datum", in->advies[1].datum },
		{ "a2_advies", in->advies[1].advies }, { "a2_tekst", in->advies[1].tekst },
	};
	return brief_bijlage_maak(a, h, "brief-tlv.ms", "TLV", in->nummer, v, sizeof v / sizeof *v);
}
