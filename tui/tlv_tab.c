/* tlv_tab.c — the TLV tab of the hulpvraag pane; see tlv_tab.h. */
#include "tui/tlv_tab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/recht.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"

#define LABEL_W 22

/* How a field is edited. */
enum kind { K_LINE, K_TEXT, K_SOORT, K_DISCIPLINE, K_ADVIES };

static enum kind kind_of(int veld)
{
	if (veld == TLV_SOORT)
		return K_SOORT;
	if (veld == TLV_MOTIVERING)
		return K_TEXT;
	if (veld >= TLV_ADVIES1) {
		switch ((veld - TLV_ADVIES1) % 6) {
		case ADV_DISCIPLINE:
			return K_DISCIPLINE;
		case ADV_ADVIES:
			return K_ADVIES;
		case ADV_TEKST:
			return K_TEXT;
		}
	}
	return K_LINE;
}

/* The text of field veld in in, and its size. */
static char *slot(struct tlv_invoer *in, int veld, size_t *len)
{
	if (veld >= TLV_ADVIES1) {
		struct tlv_advies *a = &in->advies[(veld - TLV_ADVIES1) / 6];
		switch ((veld - TLV_ADVIES1) % 6) {
		case ADV_NAAM: *len = sizeof a->naam; return a->naam;
		case ADV_DISCIPLINE: *len = sizeof a->discipline; return a->discipline;
		case ADV_ORGANISATIE: *len = sizeof a->organisatie; return a->organisatie;
		case ADV_DATUM: *len = sizeof a->datum; return a->datum;
		case ADV_ADVIES: *len = sizeof a->advies; return a->advies;
		default: *len = sizeof a->tekst; return a->tekst;
		}
	}
	switch (veld) {
	case TLV_NUMMER: *len = sizeof in->nummer; return in->nummer;
	case TLV_SOORT: *len = sizeof in->soort; return in->soort;
	case TLV_START: *len = sizeof in->start; return in->start;
	case TLV_EIND: *len = sizeof in->eind; return in->eind;
	case TLV_ONTVANGEND: *len = sizeof in->ontvangende_school; return in->ontvangende_school;
	default: *len = sizeof in->motivering; return in->motivering;
	}
}

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
	if (!t->dirty) {
		t->draft = b.in;
		if (!b.id)
			outcome_key_new(t->key); /* a new beschikking: sent twice, made once */
	}
	t->loaded = 1;
	check(t);
}

static void put_field(struct tlvtab *t, struct app *a, WINDOW *p, int *y, int width, int veld, int *first)
{
	const struct screen *s = &a->scr;
	char label[64], shown[BESCHIKKING_TEKST + 8];
	size_t len;
	const char *v = slot(&t->draft, veld, &len);
	int cur = veld == t->cur;

	if (cur)
		*first = *y;
	tlv_veld_label(veld, label, sizeof label);
	if (veld >= TLV_ADVIES1)
		snprintf(label, sizeof label, "%s", (const char *[]){ "Naam", "Discipline", "Organisatie", "Datum",
								    "Advies", "Tekst" }[(veld - TLV_ADVIES1) % 6]);
	snprintf(shown, sizeof shown, "%s", v);
	for (char *c = shown; *c; c++)
		if (*c == '\n')
			*c = ' '; /* one row per field; the editor shows it whole */
	if (veld == TLV_NUMMER && !v[0] && t->b.volgend_nummer[0])
		snprintf(shown, sizeof shown, "— (vrij: %s)", t->b.volgend_nummer);
	screen_put_pad(p, *y, 0, width, "", s->attr[cur ? ST_SEL : ST_NORMAL]);
	screen_put(p, *y, 1, LABEL_W, label, s->attr[cur ? ST_SEL : ST_DIM]);
	screen_put(p, *y, LABEL_W + 2, width - LABEL_W - 3, shown[0] ? shown : "—",
		   s->attr[cur ? ST_SEL : ST_NORMAL]);
	(*y)++;
	if (t->fouten.veld[veld][0]) {
		char msg[480];
		snprintf(msg, sizeof msg, "✗ %s", t->fouten.veld[veld]);
		*y += screen_wrap(p, *y, LABEL_W + 2, width - LABEL_W - 3, 3, msg, s->attr[ST_ERROR]);
	}
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
	if (t->b.emb)
		screen_put(p, y++, 1, width - 2, "EMB-leerling (formulier Aanvraag TLV): alleen TLV SO categorie hoog",
			   s->attr[ST_DIM]);
	/* what "afgegeven" still needs, on top: the reason to open this tab */
	if (t->afgeven.n == 0 && t->b.afgegeven) {
		screen_put(p, y++, 1, width - 2, "✓ Afgegeven en geldig; een wijziging moet geldig blijven", s->attr[ST_OK]);
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
	for (int v = TLV_NUMMER; v < TLV_ADVIES1; v++)
		put_field(t, a, p, &y, width, v, &t->row);
	for (int n = 0; n < 2; n++) {
		y++;
		screen_put(p, y++, 1, width - 2,
			   n == 0 ? "Deskundigenadvies 1 (orthopedagoog of psycholoog)"
				  : "Deskundigenadvies 2 (andere deskundige, afhankelijk van de leerling)",
			   s->attr[ST_HEAD]);
		for (int v = 0; v < 6; v++)
			put_field(t, a, p, &y, width, (n ? TLV_ADVIES2 : TLV_ADVIES1) + v, &t->row);
	}
	y++;
	if (recht_mag(a->session.roles, RECHT_BESCHIKKING_BEWERKEN))
		screen_put(p, y++, 1, width - 2, "↑/↓ veld · Enter of v: bewerken · F2 of w: bewaren", s->attr[ST_DIM]);
	return y;
}

long tlvtab_rows(const struct tlvtab *t, int width)
{
	(void)t;
	(void)width;
	return 12 + TLV_VELDEN * 4;
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
	char label[64], title[120], prompt[300];
	size_t len;
	const char *v = slot(&t->draft, t->cur, &len);
	struct dialog_item items[BESCHIKKING_MAX_SOORTEN + 12];
	int n = 0;

	t->editing = t->cur;
	tlv_veld_label(t->cur, label, sizeof label);
	snprintf(title, sizeof title, "TLV-beschikking: %s", label);
	memset(items, 0, sizeof items);
	switch (kind_of(t->cur)) {
	case K_SOORT:
	case K_ADVIES:
		for (size_t i = 0; i < t->conf.nsoorten; i++)
			snprintf(items[n++].label, sizeof items[0].label, "%s", t->conf.soorten[i]);
		if (kind_of(t->cur) == K_ADVIES)
			snprintf(items[n++].label, sizeof items[0].label, "%s", BESCHIKKING_NIET_TOELAATBAAR);
		dialog_open_pick(&owner->dlg, TLVTAB_DT_VELD, title, "Kies (typ om te zoeken):", items, n);
		return;
	case K_DISCIPLINE: {
		const char *const *list = t->cur < TLV_ADVIES2 ? tlv_disciplines_eerste : tlv_disciplines_tweede;
		for (; *list; list++)
			snprintf(items[n++].label, sizeof items[0].label, "%s", *list);
		dialog_open_pick(&owner->dlg, TLVTAB_DT_VELD, title, "De discipline van de deskundige:", items, n);
		return;
	}
	case K_TEXT:
		dialog_open_text(&owner->dlg, TLVTAB_DT_VELD, title, "F2 bewaart de tekst in het concept, Esc annuleert:",
				 v);
		return;
	case K_LINE:
		if (t->cur == TLV_START || t->cur == TLV_EIND || (t->cur - TLV_ADVIES1) % 6 == ADV_DATUM)
			snprintf(prompt, sizeof prompt, "%s (dd-mm-jjjj%s):", label,
				 t->cur == TLV_START ? ", de 1e van de maand" : "");
		else if (t->cur == TLV_NUMMER)
			snprintf(prompt, sizeof prompt, "Beschikkingsnummer (uniek; het eerstvolgende vrije is %s):",
				 t->b.volgend_nummer);
		else
			snprintf(prompt, sizeof prompt, "%s:", label);
		dialog_open_line(&owner->dlg, TLVTAB_DT_VELD, title, prompt,
				 t->cur == TLV_NUMMER && !v[0] ? t->b.volgend_nummer : v, 0);
		return;
	}
}

int tlvtab_action(struct tlvtab *t, struct app *a, struct pane *owner, enum action_id id, int *save)
{
	*save = 0;
	if (!t->loaded || !t->b.tlv)
		return R_NONE;
	switch (id) {
	case ACT_UP:
		if (t->cur > 0)
			t->cur--;
		return R_PAINT;
	case ACT_DOWN:
		if (t->cur + 1 < TLV_VELDEN)
			t->cur++;
		return R_PAINT;
	case ACT_HV_FORM_OPEN: /* Enter on the tab */
	case ACT_HV_TLV_VELD:
		if (!may(a))
			return R_BARS;
		open_field(t, owner);
		return R_PAINT | R_BARS;
	case ACT_HV_TLV_BEWAREN: {
		char msg[700];
		if (!may(a))
			return R_BARS;
		check(t);
		if (t->fouten.n) {
			app_message(a, 1, "Niet bewaard — %s", tlv_fouten_eerste(&t->fouten, msg, sizeof msg));
			return R_PAINT | R_BARS;
		}
		*save = 1;
		return R_NONE;
	}
	default:
		return R_NONE;
	}
}

int tlvtab_dialog_ok(struct tlvtab *t, struct app *a, struct pane *owner)
{
	size_t len;
	char *dst = slot(&t->draft, t->editing, &len);
	char label[64], msg[500];

	if (kind_of(t->editing) == K_SOORT || kind_of(t->editing) == K_ADVIES || kind_of(t->editing) == K_DISCIPLINE) {
		const struct dialog_item *it = dialog_selected(&owner->dlg);
		if (!it) {
			dialog_note(&owner->dlg, "Niets gekozen: pas het zoekfilter aan");
			return R_PAINT;
		}
		snprintf(dst, len, "%s", it->label);
	} else {
		char *text = dialog_text(&owner->dlg);
		if (!text)
			return R_PAINT;
		if (strlen(text) >= len) {
			dialog_note(&owner->dlg, "Te lang: ten hoogste %zu tekens", len - 1);
			free(text);
			return R_PAINT;
		}
		/* surrounding spaces are never meant */
		char *s = text, *e = text + strlen(text);
		while (*s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			*--e = '\0';
		snprintf(dst, len, "%s", s);
		free(text);
	}
	dialog_close(&owner->dlg);
	t->dirty = 1;
	check(t);
	/* the error stays beside the field; the message line says it too */
	if (t->fouten.veld[t->editing][0])
		app_message(a, 1, "%s: %s", tlv_veld_label(t->editing, label, sizeof label),
			    (snprintf(msg, sizeof msg, "%s", t->fouten.veld[t->editing]), msg));
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
