/* pane_hulpvraag.c — one hulpvraag on screen; see pane_hulpvraag.h.
 *
 * Layout (80x24 is enough): two header rows (nummer, aanvraagtype, status
 * and werkdagen in status; the dossier: name, geboortedatum, age, school,
 * BRIN), a row of tabs (Hulpvraag, Statushistorie, Bijlagen, Mijn
 * notities), then the tab's content, scrolled with ↑/↓/PgUp/PgDn.  The
 * content is drawn into a pad and the visible part copied into the body.
 *
 * Every change goes through a dialog (tui/dialog.h) that stays open while
 * the save runs: when someone else changed the hulpvraag in between, the
 * dialog shows what changed and keeps the typed text, so F2 tries again
 * with the new version.  Database work happens only in work(); decisions
 * (which transitions, reden required, title rules, werkdagen) are core's
 * and db's.
 */
#include "tui/pane_hulpvraag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/bijlage.h"
#include "core/datum.h"
#include "core/naam.h"
#include "core/recht.h"
#include "core/statuswissel.h"
#include "core/validate.h"
#include "core/werkdag.h"
#include "db/audit.h"
#include "db/agenda.h"
#include "db/compleet.h"
#include "db/hulpvraag.h"
#include "db/mails.h"
#include "db/regie.h"
#include "tui/app.h"
#include "tui/zoek.h"
#include "tui/compleet_view.h"
#include "tui/dialog.h"
#include "tui/outcome.h"
#include "tui/pane_bijlagen.h"
#include "tui/pane_dossier.h"
#include "tui/pane_formulier.h"
#include "tui/paths.h"
#include "tui/aanpak_tab.h"
#include "tui/afspraak.h"
#include "tui/tlv_tab.h"
#include "tui/terug.h"

/* The tabs, in the order shown; the table (tabs[], below the drawing
 * functions) holds the rest of each: a new tab is a name here and a row
 * there. */
/* Dossier before Compleetheid, so the Compleetheid tab stays last
 * (Shift-Tab from the first tab reaches it) */
enum tab { TAB_HV, TAB_HIST, TAB_BIJL, TAB_NOTE, TAB_FORM, TAB_TLV, TAB_DOSS, TAB_COMPL, TAB_COUNT };

enum tag {
	DT_NUMMER = 1,
	DT_STATUS_PICK,
	DT_REDEN,
	DT_COORD,
	DT_LABEL_PICK,
	DT_LABEL_NEW,
	DT_LABEL_DEL,
	DT_LABEL_DEL_CONFIRM,
	DT_OMSCHR,
	DT_NOTE,
	DT_TERUG,
	DT_REGIE,
};

#define NEW_LABEL_ID -1

struct hvpane {
	struct pane base;
	long id;                /* 0 while asking the nummer */
	struct hulpvraag *h;    /* NULL until loaded */
	struct compleet_hv compl; /* the checklist, evaluated with every load */
	int tab;
	int scroll[TAB_COUNT];
	int view_rows, content_rows;
	char body_msg[600];     /* why nothing is shown */
	char naar[FLOW_NAME_BUF];         /* status chosen in the menu */
	int naar_reden;
	long pick_id;           /* coordinator / label chosen */
	char pick_naam[256];
	/* a save whose COMMIT was cut off (kind UNKNOWN until found out) */
	struct outcome pending;
	const char *pending_wat;
	char note_key[OUTCOME_KEY_LEN]; /* idempotency key of a new notitie */
	int loaded_once;
	struct formtab forms;   /* the Formulieren tab (pane_formulier.c) */
	struct tlvtab tlv;      /* the beschikking tab of a TLV aanvraag (tlv_tab.c) */
	struct aanpaktab aanpak; /* … of any other hulpvraag: its aanpak (aanpak_tab.c) */
	struct afspraken afspraak; /* A: the coördinator's own appointment (tui/afspraak.c) */
	char bespreek[96];      /* its open meeting: "bespreking CT 19-01-2027 13:00" (db/agenda), "" when none */
	struct dossier *dos;    /* the Dossier tab: read when the tab is first shown */
	/* the mails sent about it, at the top of the tab Statushistorie
	 * (issue 13 §5; the outbox under RLS: none for an aanvrager) */
	struct hv_mail *mails;
	int nmails;
	/* `/` in the shown tab's text (tui/zoek.h): the pad's lines are read
	 * back, so every tab is searchable however it draws itself */
	struct zoek zoek;
	int zoek_line;          /* the hit n went to (-1: none yet on this tab) */
	int pad_cols;           /* the width of the last paint */
	char regie[204];        /* its regierolhouder (003; db/regie), "" when none */
};

static struct hvpane *P(struct pane *p)
{
	return (struct hvpane *)p;
}

/* ---- drawing ---------------------------------------------------------- */

#define HEADER_ROWS 5 /* nummer+titel, status, dossier, tabs, rule */

/* One tab of the hulpvraag: a row of tabs[]. */
struct hv_tab {
	const char *name; /* "Statushistorie" */
	const char *kort; /* when the full names do not fit (80 columns): "Historie" */
	/* Optional: the count after the name, "Bijlagen (3)". */
	int (*count)(const struct hvpane *v);
	/* Draws the tab into pad p from row 0, width columns; returns the rows used. */
	int (*draw)(struct hvpane *v, struct app *a, WINDOW *p, int width);
	/* An upper bound of the rows draw() uses (sizes the pad). */
	long (*rows)(const struct hvpane *v, int width);
	/* Optional: actions while the tab is shown (R_NONE: not the tab's),
	 * and an action that first moves to the tab (ACT_NONE: none). */
	int (*action)(struct hvpane *v, struct app *a, enum action_id id);
	enum action_id opens;
	/* Optional: the name when it depends on the hulpvraag (both lengths). */
	const char *(*naam)(const struct hvpane *v);
};

static const struct hv_tab tabs[TAB_COUNT];

static void header(struct hvpane *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	const struct hulpvraag *h = v->h;
	int cols = getmaxx(w);
	char left[600], right[400], naam[400], buf[300];
	struct datum sinds, gd, vandaag = datum_today(time(NULL));
	struct err e;

	snprintf(left, sizeof left, "Hulpvraag %ld · %s", h->nummer, h->titel);
	/* the bespreekdatum on the right of the title row (the title gives way) */
	snprintf(right, sizeof right, "%s", v->bespreek);
	int bw = screen_width(right);
	screen_put(w, 0, 1, cols - 2 - (bw ? bw + 2 : 0), left, s->attr[ST_HEAD]);
	if (bw)
		screen_put_right(w, 0, cols - bw - 1, bw, right, s->attr[ST_HEAD]);

	right[0] = '\0';
	if (datum_parse_iso(h->status_sinds_iso, &sinds, &e) == 0) {
		long wd = werkdag_between(&a->kal, sinds, vandaag);
		snprintf(right, sizeof right, "%ld werkdag%s in deze status", wd, wd == 1 ? "" : "en");
	}
	int rw = screen_width(right);
	snprintf(left, sizeof left, "Status: %s%s", h->status, h->eindstatus ? " (eindstatus)" : "");
	screen_put(w, 1, 1, cols - rw - 4, left, s->attr[ST_NORMAL]);
	screen_put_right(w, 1, cols - rw - 1, rw, right, s->attr[ST_DIM]);

	if (!strcmp(h->niveau, "leerling")) {
		struct naam n = { h->roepnaam, h->tussenvoegsel, h->achternaam };
		naam_format_sorted(naam, sizeof naam, &n);
	} else {
		snprintf(naam, sizeof naam, "%s (%s)", h->groepsnaam[0] ? h->groepsnaam : "dossier", h->niveau);
	}
	snprintf(left, sizeof left, "%s", naam);
	if (h->geboortedatum[0] && datum_parse_iso(h->geboortedatum_iso, &gd, &e) == 0) {
		int age = datum_age(gd, vandaag);
		snprintf(buf, sizeof buf, " · %s (%d jaar)", h->geboortedatum, age);
		strncat(left, buf, sizeof left - strlen(left) - 1);
	}
	if (h->school[0]) {
		snprintf(buf, sizeof buf, " · %s (%s)", h->school, h->brin);
		strncat(left, buf, sizeof left - strlen(left) - 1);
	}
	screen_put(w, 2, 1, cols - 2, left, s->attr[ST_NORMAL]);

	/* tabs: the current one in brackets (and reverse video); the full
	 * names when the row has room, else the short ones, else the short
	 * ones without the gap between them (each label has its own spaces),
	 * else with one space between names */
	char lab[TAB_COUNT][64];
	int gap = 1;
	for (int names = 0, need = 0; names < 4; names++, need = 0) {
		gap = names < 2;
		for (int t = 0; t < TAB_COUNT; t++) {
			int n = tabs[t].count ? tabs[t].count(v) : -1;
			int cur = t == v->tab;
			const char *name = tabs[t].naam ? tabs[t].naam(v) : names ? tabs[t].kort : tabs[t].name;
			/* the last step: one space between names, not two */
			const char *end = cur ? "]" : names < 3 || (t + 1 < TAB_COUNT && t + 1 == v->tab) ? " " : "";

			if (n >= 0)
				snprintf(lab[t], sizeof lab[t], "%s%s (%d)%s", cur ? "[" : " ", name, n, end);
			else
				snprintf(lab[t], sizeof lab[t], "%s%s%s", cur ? "[" : " ", name, end);
			need += screen_width(lab[t]) + gap;
		}
		if (need < cols - 1)
			break;
	}
	/* still too wide: a window of the tabs that holds the current one,
	 * with ‹ and › where tabs are left out */
	int wid[TAB_COUNT], total = 0, first = 0;
	for (int t = 0; t < TAB_COUNT; t++)
		total += (wid[t] = screen_width(lab[t])) + gap;
	if (total >= cols - 1)
		for (;;) {
			int need = (first > 0 ? 2 : 0) + 2;
			for (int t = first; t <= v->tab; t++)
				need += wid[t] + gap;
			if (need < cols - 1 || first >= v->tab)
				break;
			first++;
		}
	int x = 1;
	if (first > 0)
		x += screen_put(w, 3, x, 2, "‹ ", s->attr[ST_DIM]);
	for (int t = first; t < TAB_COUNT; t++) {
		if (total >= cols - 1 && x + wid[t] > cols - 3) {
			screen_put(w, 3, cols - 2, 1, "›", s->attr[ST_DIM]);
			break;
		}
		x += screen_put(w, 3, x, cols - x, lab[t], s->attr[t == v->tab ? ST_SEL : ST_DIM]);
		x += gap;
	}
	screen_rule(w, 4, 0, cols, s->attr[ST_NORMAL]);
}

/* Wrapped text into pad p from row y; returns the rows used.  Long
 * paragraphs go in pieces (screen_wrap takes 1024 characters at a time). */
static int pad_wrap(WINDOW *p, int y, int x, int width, const char *text, attr_t a)
{
	int rows = 0, maxy = getmaxy(p);
	const char *s = text;

	if (!*s)
		return 0;
	while (*s && y + rows < maxy) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		size_t take = len;
		char chunk[1000];

		if (take > 900) {
			take = 900;
			while (take > 600 && s[take] != ' ')
				take--;
			while (take > 0 && ((unsigned char)s[take] & 0xc0) == 0x80)
				take--;
		}
		memcpy(chunk, s, take);
		chunk[take] = '\0';
		if (take == 0)
			rows++; /* empty line */
		else
			rows += screen_wrap(p, y + rows, x, width, maxy - y - rows, chunk, a);
		s += take;
		if (take == len && nl)
			s++;
		else if (take < len)
			while (*s == ' ')
				s++;
	}
	return rows;
}

static int field_row(WINDOW *p, const struct screen *s, int y, int width, const char *label, const char *value,
		     attr_t va)
{
	screen_put(p, y, 1, 16, label, s->attr[ST_DIM]);
	return pad_wrap(p, y, 18, width - 19, value[0] ? value : "—", va);
}

/* An upper bound of the rows text takes when wrapped at width columns:
 * every line break, and a row per third of the width (word wrapping never
 * leaves more than that unused on a row of ordinary words). */
static long text_rows(const char *t, int width)
{
	long rows = 1, chars = 0, third = width > 9 ? width / 3 : 3;

	for (; *t; t++) {
		rows += *t == '\n';
		chars += ((unsigned char)*t & 0xC0) != 0x80;
	}
	return rows + chars / third;
}

static int draw_hv(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	const struct hulpvraag *h = v->h;
	char buf[1200];
	int y = 0;
	struct datum ontvangen;
	struct err e;

	y += field_row(p, s, y, width, "Titel", h->titel, s->attr[ST_NORMAL]);
	y += field_row(p, s, y, width, "Aanvraagtype", h->aanvraagtype, s->attr[ST_NORMAL]);
	y += field_row(p, s, y, width, "Datum", h->datum, s->attr[ST_NORMAL]);
	snprintf(buf, sizeof buf, "%s (sinds %s%s)", h->status, h->status_sinds, h->eindstatus ? ", eindstatus" : "");
	y += field_row(p, s, y, width, "Status", buf, s->attr[ST_HEAD]);
	if (h->eerste_reactie[0]) {
		y += field_row(p, s, y, width, "Eerste reactie", h->eerste_reactie, s->attr[ST_NORMAL]);
	} else if (datum_parse(h->datum, &ontvangen, &e) == 0) {
		struct datum vandaag = datum_today(time(NULL));
		long wd = werkdag_between(&a->kal, ontvangen, vandaag);
		int late = werkdag_reactie_te_laat(&a->kal, ontvangen, vandaag, 0, h->eindstatus);
		snprintf(buf, sizeof buf, "nog geen — %ld werkdag%s na ontvangst%s", wd, wd == 1 ? "" : "en",
			 h->eindstatus ? " (afgesloten)"
			 : late	       ? " (norm 5 werkdagen: te laat!)"
				       : " (norm: 5 werkdagen)");
		y += field_row(p, s, y, width, "Eerste reactie", buf, s->attr[late ? ST_ERROR : ST_NORMAL]);
	}
	snprintf(buf, sizeof buf, "%s%s%s%s", h->coordinator[0] ? h->coordinator : "nog niet gekozen",
		 h->coordinator_email[0] ? " <" : "", h->coordinator_email, h->coordinator_email[0] ? ">" : "");
	y += field_row(p, s, y, width, "Coördinator", buf, s->attr[ST_NORMAL]);
	if (v->regie[0])
		y += field_row(p, s, y, width, "Regierolhouder", v->regie, s->attr[ST_NORMAL]);
	snprintf(buf, sizeof buf, "%s%s%s%s%s", h->aanvrager_naam[0] ? h->aanvrager_naam : "onbekend",
		 h->aanvrager_email[0] ? " <" : "", h->aanvrager_email, h->aanvrager_email[0] ? ">" : "",
		 h->geen_mail ? " — wil geen statusmails" : "");
	y += field_row(p, s, y, width, "Aanvrager", buf, s->attr[ST_NORMAL]);
	snprintf(buf, sizeof buf, "%s%s%s%s%s", h->contactpersoon, h->contact_email[0] ? " · " : "", h->contact_email,
		 h->contact_telefoon[0] ? " · " : "", h->contact_telefoon);
	y += field_row(p, s, y, width, "Contact school", buf, s->attr[ST_NORMAL]);
	/* the SWV's labels are internal: a school never sees them */
	if (recht_mag(a->session.roles, RECHT_LABELS_ZIEN)) {
		buf[0] = '\0';
		for (int i = 0; i < h->nlabels; i++) {
			if (i)
				strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
			strncat(buf, h->labels[i].naam, sizeof buf - strlen(buf) - 1);
		}
		y += field_row(p, s, y, width, "Labels", buf, s->attr[ST_NORMAL]);
	}
	snprintf(buf, sizeof buf, "%s%s%s (versie %d)", h->gewijzigd_op, h->gewijzigd_door[0] ? " door " : "",
		 h->gewijzigd_door, h->version);
	y += field_row(p, s, y, width, "Laatst gewijzigd", buf, s->attr[ST_DIM]);
	y++;
	screen_put(p, y++, 1, width - 2, "Omschrijving", s->attr[ST_HEAD]);
	if (h->omschrijving[0])
		y += pad_wrap(p, y, 3, width - 4, h->omschrijving, s->attr[ST_NORMAL]);
	else
		screen_put(p, y++, 3, width - 4,
			   recht_mag(a->session.roles, RECHT_OMSCHRIJVING_BEWERKEN) ? "(geen omschrijving — e om te bewerken)"
										   : "(geen omschrijving)",
			   s->attr[ST_DIM]);
	return y;
}

static long rows_hv(const struct hvpane *v, int width)
{
	return 17 + text_rows(v->h->omschrijving, width - 4);
}

static int count_hist(const struct hvpane *v)
{
	return v->h->nhistorie;
}

/* The mails of the hulpvraag: when, state, to whom, then the subject. */
static int draw_mails(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	char buf[1200];
	int y = 0;

	if (v->nmails == 0)
		return 0;
	snprintf(buf, sizeof buf, "Mails (%d)", v->nmails);
	screen_put(p, y++, 1, width - 2, buf, s->attr[ST_HEAD]);
	for (int i = 0; i < v->nmails; i++) {
		const struct hv_mail *m = &v->mails[i];

		if (m->toestand == MAIL_ONTVANGEN)
			snprintf(buf, sizeof buf, "%s  ontvangen van %s (balie mail-in)", m->op, m->aan);
		else if (m->toestand == MAIL_WACHT && m->fout[0])
			snprintf(buf, sizeof buf, "%s  wacht (poging %d mislukt: %s)  aan %s", m->op, m->pogingen, m->fout,
				 m->aan);
		else
			snprintf(buf, sizeof buf, "%s  %s  aan %s", m->op, mail_toestand_naam(m->toestand), m->aan);
		screen_put(p, y++, 3, width - 4, buf, s->attr[m->toestand == MAIL_MISLUKT ? ST_ERROR : ST_NORMAL]);
		screen_put(p, y++, 5, width - 6, m->onderwerp, s->attr[ST_DIM]);
		if (m->tekst[0]) /* the reply's text: the note, its first line */
			screen_put(p, y++, 5, width - 6, m->tekst, s->attr[ST_NORMAL]);
	}
	return y + 1;
}

static int draw_hist(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	const struct hulpvraag *h = v->h;
	char buf[1200];
	int y = draw_mails(v, a, p, width);

	if (h->nhistorie == 0)
		screen_put(p, y++, 1, width - 2, "Nog geen statuswijzigingen.", s->attr[ST_DIM]);
	for (int i = 0; i < h->nhistorie; i++) {
		const struct hv_historie *x = &h->historie[i];

		snprintf(buf, sizeof buf, "%s  %s → %s", x->op, x->van[0] ? x->van : "(nieuw)", x->naar);
		y += pad_wrap(p, y, 1, width - 2, buf, s->attr[ST_HEAD]);
		snprintf(buf, sizeof buf, "door %s", x->door);
		screen_put(p, y++, 3, width - 4, buf, s->attr[ST_DIM]);
		if (x->reden[0]) {
			screen_put(p, y, 3, 7, "Reden:", s->attr[ST_DIM]);
			y += pad_wrap(p, y, 10, width - 11, x->reden, s->attr[ST_NORMAL]);
		}
		y++;
	}
	return y;
}

static long rows_hist(const struct hvpane *v, int width)
{
	long rows = v->nmails ? 2 + 2L * v->nmails : 0;
	for (int i = 0; i < v->nmails; i++)
		rows += v->mails[i].tekst[0] != '\0'; /* a reply's note line */

	for (int i = 0; i < v->h->nhistorie; i++)
		rows += 3 + text_rows(v->h->historie[i].van, width / 2) + text_rows(v->h->historie[i].naar, width / 2) +
			text_rows(v->h->historie[i].reden, width - 11);
	return rows;
}

static int count_bijl(const struct hvpane *v)
{
	return v->h->nbijlagen;
}

static int draw_bijl(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	const struct hulpvraag *h = v->h;
	int y = 0;

	screen_put(p, y++, 1, width - 2, "b: bijlagen beheren (toevoegen, lezen, exporteren, verwijderen)",
		   s->attr[ST_DIM]);
	if (h->nbijlagen == 0) {
		screen_put(p, y++, 1, width - 2, "Geen bijlagen.", s->attr[ST_DIM]);
		return y;
	}
	screen_put(p, y, 1, width - 46, "Naam", s->attr[ST_HEAD]);
	screen_put_right(p, y, width - 45, 9, "Grootte", s->attr[ST_HEAD]);
	screen_put(p, y, width - 34, 16, "Datum", s->attr[ST_HEAD]);
	screen_put(p, y, width - 17, 16, "Door", s->attr[ST_HEAD]);
	y++;
	for (int i = 0; i < h->nbijlagen; i++) {
		const struct hv_bijlage *b = &h->bijlagen[i];
		char size[32];

		bijlage_grootte_tekst(size, sizeof size, b->grootte);
		screen_put(p, y, 1, width - 47, b->naam, s->attr[ST_NORMAL]);
		screen_put_right(p, y, width - 45, 9, size, s->attr[ST_NORMAL]);
		screen_put(p, y, width - 34, 16, b->op, s->attr[ST_NORMAL]);
		screen_put(p, y, width - 17, 16, b->door[0] ? b->door : "—", s->attr[ST_NORMAL]);
		y++;
	}
	return y;
}

static long rows_bijl(const struct hvpane *v, int width)
{
	(void)width;
	return v->h->nbijlagen + 2;
}

static int draw_note(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	int y = 0;

	screen_put(p, y++, 1, width - 2, "Alleen jij ziet deze notitie.  m: bewerken", s->attr[ST_DIM]);
	y++;
	if (v->h->notitie[0])
		y += pad_wrap(p, y, 1, width - 2, v->h->notitie, s->attr[ST_NORMAL]);
	else
		screen_put(p, y++, 1, width - 2, "(nog geen notitie)", s->attr[ST_DIM]);
	return y;
}

static long rows_note(const struct hvpane *v, int width)
{
	return 2 + text_rows(v->h->notitie, width - 2);
}

static int draw_form(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	return formtab_draw(&v->forms, a, p, width);
}

static long rows_form(const struct hvpane *v, int width)
{
	(void)width;
	return v->forms.n + 4;
}

static int action_form(struct hvpane *v, struct app *a, enum action_id id)
{
	return formtab_action(&v->forms, a, &v->base, id, v->id, v->h->organisatie_id);
}

static int draw_compl(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	return compleet_view_draw(p, &a->scr, 0, 1, width - 2, getmaxy(p), &v->compl);
}

static long rows_compl(const struct hvpane *v, int width)
{
	long rows = 0;

	for (size_t i = 0; i < v->compl.uitslag.n; i++)
		rows += text_rows(v->compl.uitslag.punten[i].omschrijving, width - 4) +
			text_rows(v->compl.uitslag.punten[i].melding, width - 6);
	return rows;
}

/* The beschikking tab: the TLV beschikking of a TLV aanvraag, else the
 * aanpak with its arrangement beschikking; named after what it holds. */
static int is_tlv(const struct hvpane *v)
{
	return v->tlv.loaded && v->tlv.b.tlv;
}

static const char *naam_tlv(const struct hvpane *v)
{
	return is_tlv(v) ? "TLV" : "Aanpak";
}

static int draw_tlv(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	return is_tlv(v) ? tlvtab_draw(&v->tlv, a, p, width) : aanpaktab_draw(&v->aanpak, a, p, width);
}

static long rows_tlv(const struct hvpane *v, int width)
{
	return is_tlv(v) ? tlvtab_rows(&v->tlv, width) : aanpaktab_rows(&v->aanpak, width);
}

static int job_tlv_save(struct pane *p, struct app *a);
static int job_tlv_brief(struct pane *p, struct app *a);

static int action_tlv(struct hvpane *v, struct app *a, enum action_id id)
{
	int save = 0, r = is_tlv(v) ? tlvtab_action(&v->tlv, a, &v->base, id, &save)
				    : aanpaktab_action(&v->aanpak, a, &v->base, id, &save);

	if (save == 2)
		return app_start(a, &v->base, job_tlv_brief, "Bezig met de brief (PDF)…");
	return save ? app_start(a, &v->base, job_tlv_save, "Bezig met bewaren…") : r;
}

static int draw_doss(struct hvpane *v, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;

	screen_put(p, 0, 1, width - 2, "d of Enter: het dossier openen en bijhouden", s->attr[ST_DIM]);
	if (!v->dos) {
		screen_put(p, 2, 1, width - 2, "Bezig met laden…", s->attr[ST_DIM]);
		return 3;
	}
	return 2 + dossier_view_draw(p, s, v->dos, 2, 0, getmaxy(p) - 2, width, -1, 0);
}

static long rows_doss(const struct hvpane *v, int width)
{
	(void)width;
	return 4 + (v->dos ? dossier_view_lines(v->dos) : 0);
}

static int job_load(struct pane *p, struct app *a);

/* d (or Enter on the tab): the dossier pane; back here the hulpvraag and
 * its checklist are read again (a new address may complete it). */
static int action_doss(struct hvpane *v, struct app *a, enum action_id id)
{
	if (id != ACT_HV_DOSSIER && id != ACT_HV_FORM_OPEN)
		return R_NONE;
	v->base.job = job_load;
	v->base.work_waiting = 1;
	app_push(a, pane_dossier_new(a, v->h->dossier_id));
	return R_PAINT | R_BARS;
}

static const struct hv_tab tabs[TAB_COUNT] = {
	[TAB_HV] = { "Hulpvraag", "Hulpvraag", NULL, draw_hv, rows_hv, NULL, ACT_NONE },
	[TAB_HIST] = { "Statushistorie", "Historie", count_hist, draw_hist, rows_hist, NULL, ACT_NONE },
	[TAB_BIJL] = { "Bijlagen", "Bijlagen", count_bijl, draw_bijl, rows_bijl, NULL, ACT_NONE },
	[TAB_NOTE] = { "Mijn notities", "Notities", NULL, draw_note, rows_note, NULL, ACT_NONE },
	[TAB_FORM] = { "Formulieren", "Form.", NULL, draw_form, rows_form, action_form, ACT_HV_FORM_ADD },
	[TAB_COMPL] = { "Compleetheid", "Compleet", NULL, draw_compl, rows_compl, NULL, ACT_NONE },
	[TAB_TLV] = { "TLV", "TLV", NULL, draw_tlv, rows_tlv, action_tlv, ACT_HV_TLV_VELD, naam_tlv },
	[TAB_DOSS] = { "Dossier", "Dossier", NULL, draw_doss, rows_doss, action_doss, ACT_HV_DOSSIER },
};

/* Rows of the pad for the current tab only: a cchar_t is 28 bytes, so a
 * pad sized for every tab at 200 columns was a megabyte on each paint
 * (issue 4 §7: a session stays under 12 MiB). */
static int pad_rows(const struct hvpane *v, int width)
{
	long rows = 4 + tabs[v->tab].rows(v, width);

	return rows > 3000 ? 3000 : (int)rows;
}

static void hv_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct hvpane *v = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);

	if (!v->h) {
		screen_put(w, rows / 2 - 1, 2, cols - 4,
			   v->body_msg[0] ? v->body_msg : (v->id ? "Bezig met laden…" : ""),
			   s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	header(v, a, w);
	if (zoek_draw(&v->zoek, a, w, rows - 1, 1, cols - 2))
		rows--; /* the last row is the search's */
	v->view_rows = rows - HEADER_ROWS;
	v->pad_cols = cols;
	WINDOW *pad = newpad(pad_rows(v, cols), cols);
	if (pad) {
		int total = tabs[v->tab].draw(v, a, pad, cols);
		int *top = &v->scroll[v->tab];

		zoek_pad_mark(&v->zoek, pad, total, v->zoek_line);

		v->content_rows = total;
		int fr = is_tlv(v) ? tlvtab_row(&v->tlv) : v->aanpak.row;
		if (v->tab == TAB_TLV && fr >= 0) { /* keep the chosen field in view */
			int r = fr, view = v->view_rows - (total > v->view_rows);
			if (r < *top)
				*top = r;
			else if (r >= *top + view)
				*top = r - view + 1;
		}
		if (total > v->view_rows)
			v->view_rows--; /* the last row says "↓ meer" */
		if (*top > total - v->view_rows)
			*top = total - v->view_rows > 0 ? total - v->view_rows : 0;
		if (*top < 0)
			*top = 0;
		int last = total - *top < v->view_rows ? total - *top : v->view_rows;
		if (last > 0)
			copywin(pad, w, *top, 0, HEADER_ROWS, 0, HEADER_ROWS + last - 1, cols - 1, FALSE);
		if (*top > 0)
			screen_put(w, HEADER_ROWS - 1, cols - 12, 11, " ↑ meer ", s->attr[ST_DIM]);
		if (*top + v->view_rows < total)
			screen_put_right(w, rows - 1, 0, cols - 1, "↓ meer (PgDn)", s->attr[ST_DIM]);
		delwin(pad);
	}
}

/* ---- actions ---------------------------------------------------------- */

static int job_load(struct pane *p, struct app *a);
static int job_nummer(struct pane *p, struct app *a);
static int job_keuzes(struct pane *p, struct app *a);
static int job_status(struct pane *p, struct app *a);
static int job_check(struct pane *p, struct app *a);
static int job_coords(struct pane *p, struct app *a);
static int job_coord_save(struct pane *p, struct app *a);
static int job_labels(struct pane *p, struct app *a);
static int job_label_add(struct pane *p, struct app *a);
static int job_label_del(struct pane *p, struct app *a);
static int job_omschr(struct pane *p, struct app *a);
static int job_note(struct pane *p, struct app *a);
static int job_terug_vraag(struct pane *p, struct app *a);
static int job_bezwaar(struct pane *p, struct app *a);
static int job_behandelaar(struct pane *p, struct app *a);
static int job_terug(struct pane *p, struct app *a);
static int job_afspraak_vraag(struct pane *p, struct app *a);
static int job_afspraak(struct pane *p, struct app *a);
static int job_regie(struct pane *p, struct app *a);
static int job_regie_save(struct pane *p, struct app *a);

static int start(struct hvpane *v, struct app *a, pane_job_fn job, const char *what)
{
	return app_start(a, &v->base, job, what);
}

static void open_reden(struct hvpane *v, const char *keep)
{
	char title[300], prompt[700];

	snprintf(title, sizeof title, "Status → %s", v->naar);
	snprintf(prompt, sizeof prompt, "Van \"%s\" naar \"%s\".  Reden (%s; de aanvrager krijgt die in de mail):",
		 v->h->status, v->naar, v->naar_reden ? "verplicht" : "mag leeg blijven");
	dialog_open_text(&v->base.dlg, DT_REDEN, title, prompt, keep);
}

/* The dialog was confirmed: act on what it holds. */
static int hv_dialog_ok(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	const struct dialog_item *it;
	struct err e;
	char *text;

	switch (v->base.dlg.tag) {
	case DT_NUMMER: {
		long long n;
		text = dialog_text(&v->base.dlg);
		if (!text)
			return R_PAINT;
		if (validate_int(text, 1, 999999999999LL, &n, "Nummer", &e) < 0) {
			dialog_note(&v->base.dlg, "%s", e.msg);
			free(text);
			return R_PAINT;
		}
		free(text);
		v->pick_id = (long)n;
		return start(v, a, job_nummer, "Bezig met zoeken…");
	}
	case DT_STATUS_PICK:
		it = dialog_selected(&v->base.dlg);
		snprintf(v->naar, sizeof v->naar, "%.*s", FLOW_MAX_NAME, it->label);
		v->naar_reden = it->flag;
		open_reden(v, "");
		return R_PAINT | R_BARS;
	case DT_REDEN:
		text = dialog_text(&v->base.dlg);
		if (text && v->naar_reden && statuswissel_reden_leeg(text)) {
			dialog_note(&v->base.dlg, "Voor deze status is een reden verplicht.");
			free(text);
			return R_PAINT;
		}
		free(text);
		if (v->pending.kind == OUTCOME_UNKNOWN) /* the last try may have got in: ask first */
			return start(v, a, job_check, "Bezig met nagaan of de statuswijziging is bewaard…");
		return start(v, a, job_status, "Bezig met bewaren…");
	case DT_COORD:
		it = dialog_selected(&v->base.dlg);
		v->pick_id = it->id;
		return start(v, a, job_coord_save, "Bezig met bewaren…");
	case DT_REGIE:
		it = dialog_selected(&v->base.dlg);
		v->pick_id = it->id;
		return start(v, a, job_regie_save, "Bezig met bewaren…");
	case DT_LABEL_PICK:
		it = dialog_selected(&v->base.dlg);
		if (it->id == NEW_LABEL_ID) {
			text = dialog_text(&v->base.dlg); /* the filter is a good start for the name */
			dialog_open_line(&v->base.dlg, DT_LABEL_NEW, "Nieuw label", "Naam van het label (hoogstens 40 tekens):",
					 text ? text : "", 0);
			free(text);
			return R_PAINT | R_BARS;
		}
		snprintf(v->pick_naam, sizeof v->pick_naam, "%s", it->label);
		return start(v, a, job_label_add, "Bezig met bewaren…");
	case DT_LABEL_NEW:
		text = dialog_text(&v->base.dlg);
		snprintf(v->pick_naam, sizeof v->pick_naam, "%s", text ? text : "");
		free(text);
		return start(v, a, job_label_add, "Bezig met bewaren…");
	case DT_LABEL_DEL: {
		char prompt[400];
		it = dialog_selected(&v->base.dlg);
		v->pick_id = it->id;
		snprintf(v->pick_naam, sizeof v->pick_naam, "%s", it->label);
		snprintf(prompt, sizeof prompt, "Label \"%s\" van hulpvraag %ld afhalen?", it->label, v->h->nummer);
		dialog_open_confirm(&v->base.dlg, DT_LABEL_DEL_CONFIRM, "Label verwijderen", prompt, "Label afhalen");
		return R_PAINT | R_BARS;
	}
	case DT_LABEL_DEL_CONFIRM:
		return start(v, a, job_label_del, "Bezig met bewaren…");
	case DT_OMSCHR:
		return start(v, a, job_omschr, "Bezig met bewaren…");
	case DT_NOTE:
		return start(v, a, job_note, "Bezig met bewaren…");
	case DT_TERUG:
		return start(v, a, job_terug, "Bezig met terugdraaien…");
	case TLVTAB_DT_VELD:
		return tlvtab_dialog_ok(&v->tlv, a, &v->base);
	case BEHANDELAAR_DT:
		return start(v, a, job_behandelaar, "Bezig met bewaren…");
	case BEZWAAR_DT_DATUM:
	case BEZWAAR_DT_UITKOMST:
		return start(v, a, job_bezwaar, "Bezig met bewaren…");
	case AANPAKTAB_DT_BUDGET:
		v->aanpak.draft.budget_akkoord = 1;
		dialog_close(&v->base.dlg);
		return start(v, a, job_tlv_save, "Bezig met bewaren…");
	case AANPAKTAB_DT_VELD:
		return aanpaktab_dialog_ok(&v->aanpak, a, &v->base);
	case AFSPRAAK_DT_KEUZE:
	case AFSPRAAK_DT_WANNEER:
	case AFSPRAAK_DT_WAAR:
	case AFSPRAAK_DT_REDEN: {
		int bewaren, r = afspraken_dialog_ok(&v->afspraak, a, &v->base, v->h, &bewaren);
		return bewaren ? start(v, a, job_afspraak, "Bezig met bewaren…") : r;
	}
	}
	return R_PAINT;
}

/* Esc on the nummer asked for from the home screen: back home. */
static int hv_dialog_cancel(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);

	if (!v->h && !v->id)
		app_pop(a);
	return R_PAINT | R_BARS;
}

static int hv_move(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);
	int *top = &v->scroll[v->tab];
	int max = v->content_rows - v->view_rows;
	int page = v->view_rows - 1;

	if (!v->h)
		return R_NONE;
	*top += id == ACT_UP ? -1 : id == ACT_DOWN ? 1 : id == ACT_PAGE_UP ? -page : id == ACT_PAGE_DOWN ? page
		: id == ACT_TOP ? -1000000 : 1000000;
	if (*top > max)
		*top = max;
	if (*top < 0)
		*top = 0;
	return R_PAINT;
}

static int hv_reload(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, P(p)->pending.kind == OUTCOME_UNKNOWN ? job_check : job_load, "Bezig met laden…");
}

static int hv_tab(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);

	v->tab = (v->tab + (id == ACT_HV_TAB_NEXT ? 1 : TAB_COUNT - 1)) % TAB_COUNT;
	v->zoek_line = -1; /* n searches the new tab from its top */
	if (v->tab == TAB_DOSS && !v->dos)
		return start(v, a, job_load, "Bezig met laden…");
	return R_PAINT;
}

static int hv_status(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_keuzes, "Bezig met ophalen van de mogelijke statussen…");
}

static int hv_terug(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_terug_vraag, "Bezig met ophalen van de laatste statuswijziging…");
}

static int hv_coordinator(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_coords, "Bezig met ophalen van de coördinatoren…");
}

static int hv_regie(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_regie, "Bezig met ophalen van de regierolhouders…");
}

static int hv_label_add(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_labels, "Bezig met ophalen van de labels…");
}

static int hv_label_remove(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);
	struct dialog_item *items;

	if (v->h->nlabels == 0) {
		app_message(a, 0, "Deze hulpvraag heeft geen labels");
		return R_BARS;
	}
	items = calloc((size_t)v->h->nlabels, sizeof *items);
	if (!items)
		return R_NONE;
	for (int i = 0; i < v->h->nlabels; i++) {
		items[i].id = v->h->labels[i].id;
		snprintf(items[i].label, sizeof items[i].label, "%s", v->h->labels[i].naam);
	}
	dialog_open_pick(&p->dlg, DT_LABEL_DEL, "Label verwijderen", "Welk label haal je van deze hulpvraag af?", items,
			 v->h->nlabels);
	free(items);
	return R_PAINT | R_BARS;
}

static int hv_omschrijving(struct pane *p, struct app *a, enum action_id id)
{
	dialog_open_text(&p->dlg, DT_OMSCHR, "Omschrijving bewerken",
			 "De omschrijving van de hulpvraag (zichtbaar voor iedereen die de hulpvraag ziet):",
			 P(p)->h->omschrijving);
	return R_PAINT | R_BARS;
}

static int hv_notitie(struct pane *p, struct app *a, enum action_id id)
{
	if (!P(p)->h->notitie_id)
		outcome_key_new(P(p)->note_key); /* a new note: sent twice, made once */
	dialog_open_text(&p->dlg, DT_NOTE, "Mijn notitie",
			 "Je eigen notitie bij deze hulpvraag; niemand anders ziet die.  Leeg = verwijderen.",
			 P(p)->h->notitie);
	return R_PAINT | R_BARS;
}

static int hv_bijlagen(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);

	/* back from the list: reload (a bijlage may have moved the status) */
	v->tab = TAB_BIJL;
	p->job = job_load;
	p->work_waiting = 1;
	app_push(a, pane_bijlagen_new(a, v->id, v->h->nummer));
	return R_PAINT | R_BARS;
}

/* The flow's aanvulling status, with the missing items as reden. */
static int hv_aanvulling(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);
	char *reden;

	if (!v->compl.aanvulling[0]) {
		app_message(a, 1, "Aanvulling vragen kan niet vanuit \"%s\" (geen status om te controleren)",
			    v->h->status);
		return R_BARS;
	}
	if (v->compl.uitslag.nok == v->compl.uitslag.n)
		app_message(a, 0, "Let op: volgens de checklist is de aanvraag compleet");
	snprintf(v->naar, sizeof v->naar, "%s", v->compl.aanvulling);
	v->naar_reden = 1;
	reden = compleet_view_reden(&v->compl);
	open_reden(v, reden ? reden : "");
	free(reden);
	v->tab = TAB_COMPL;
	return R_PAINT | R_BARS;
}

/* A: the coördinator's appointment (its open one is read first). */
static int hv_afspraak(struct pane *p, struct app *a, enum action_id id)
{
	return start(P(p), a, job_afspraak_vraag, "Bezig met lezen…");
}

static int hv_ready(const struct pane *p)
{
	return ((const struct hvpane *)p)->h != NULL;
}

/* Before the table: the shown tab's own actions (an action that opens a
 * tab moves there first). */
static int hv_tab_action(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);

	if (!v->h)
		return R_NONE;
	for (int t = 0; t < TAB_COUNT; t++)
		if (tabs[t].opens != ACT_NONE && tabs[t].opens == id)
			v->tab = t;
	if ((id == ACT_HV_BEZWAAR && is_tlv(v)) || id == ACT_HV_BEHANDELAAR)
		v->tab = TAB_TLV; /* the TLV's or the aanpak's: show it there (one tab, two names) */
	return tabs[v->tab].action ? tabs[v->tab].action(v, a, id) : R_NONE;
}

/* The shown tab drawn into a pad of the last paint's width, for the
 * search to read (nothing reaches the screen); NULL when out of memory. */
static WINDOW *tab_pad(struct hvpane *v, struct app *a, int *total)
{
	int cols = v->pad_cols > 0 ? v->pad_cols : a->scr.cols;
	WINDOW *pad = newpad(pad_rows(v, cols), cols);

	if (pad)
		*total = tabs[v->tab].draw(v, a, pad, cols);
	return pad;
}

/* The next hit from line `from` in direction dir becomes the current one,
 * scrolled into view a third from the top. */
static void zoek_go(struct hvpane *v, struct app *a, int from, int dir)
{
	int total = 0;
	WINDOW *pad = tab_pad(v, a, &total);

	if (!pad)
		return;
	int y = zoek_pad_next(&v->zoek, a, pad, total, from, dir, "dit tabblad");
	delwin(pad);
	if (y < 0)
		return;
	v->zoek_line = y;
	if (y < v->scroll[v->tab] || y >= v->scroll[v->tab] + v->view_rows - 1)
		v->scroll[v->tab] = y > v->view_rows / 3 ? y - v->view_rows / 3 : 0;
}

static int hv_search(struct pane *p, struct app *a, enum action_id id)
{
	struct hvpane *v = P(p);

	if (id == ACT_Q_SEARCH) {
		zoek_start(&v->zoek, v->scroll[v->tab]);
		v->zoek_line = -1;
		return R_PAINT | R_BARS;
	}
	if (!zoek_held(&v->zoek)) {
		app_message(a, 1, "Geen zoekopdracht: zoek eerst met /");
		return R_BARS;
	}
	int dir = id == ACT_Q_HIT_NEXT ? 1 : -1;
	int from = v->zoek_line >= 0 ? v->zoek_line + dir : v->scroll[v->tab];

	zoek_go(v, a, from, dir);
	return R_PAINT | R_BARS;
}

/* While typing a search every key is the search's. */
static int hv_key(struct pane *p, struct app *a, int key)
{
	struct hvpane *v = P(p);
	int changed, cancelled, r = zoek_key(&v->zoek, key, &changed, &cancelled);

	if (cancelled || changed) {
		v->scroll[v->tab] = v->zoek.from;
		v->zoek_line = -1;
	}
	if (changed && zoek_held(&v->zoek) && v->zoek.folded[0])
		zoek_go(v, a, v->zoek.from, 1);
	if (r != R_NONE && !zoek_held(&v->zoek))
		v->zoek_line = -1;
	return r;
}

static enum action_ctx hv_context(const struct pane *p)
{
	return zoek_typing(&((const struct hvpane *)p)->zoek) ? CTX_DIALOG : CTX_HULPVRAAG;
}

static const struct pane_action hv_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_Q_SEARCH, hv_search, PA_READY },
	{ ACT_Q_HIT_NEXT, hv_search, PA_READY },
	{ ACT_Q_HIT_PREV, hv_search, PA_READY },
	{ ACT_RELOAD, hv_reload, 0 },
	{ ACT_HV_TAB_NEXT, hv_tab, PA_READY },
	{ ACT_HV_TAB_PREV, hv_tab, PA_READY },
	{ ACT_HV_STATUS, hv_status, PA_READY },
	{ ACT_HV_TERUG, hv_terug, PA_READY },
	{ ACT_HV_COORDINATOR, hv_coordinator, PA_READY },
	{ ACT_HV_REGIEROL, hv_regie, PA_READY },
	{ ACT_HV_LABEL_ADD, hv_label_add, PA_READY },
	{ ACT_HV_LABEL_REMOVE, hv_label_remove, PA_READY },
	{ ACT_HV_OMSCHRIJVING, hv_omschrijving, PA_READY },
	{ ACT_HV_NOTITIE, hv_notitie, PA_READY },
	{ ACT_HV_BIJLAGEN, hv_bijlagen, PA_READY },
	{ ACT_HV_AANVULLING, hv_aanvulling, PA_READY },
	{ ACT_HV_AFSPRAAK, hv_afspraak, PA_READY },
};

/* ---- work ------------------------------------------------------------- */

/* Replaces the loaded hulpvraag by a fresh read; on conflict the caller
 * gets the old one back in *old (or NULL). */
static enum hv_result reload(struct hvpane *v, struct app *a, struct hulpvraag **old, struct err *e)
{
	struct hulpvraag *h = NULL;
	enum hv_result r = hulpvraag_load(a->db, v->id, &h, e);

	if (old)
		*old = NULL;
	if (r != HV_OK)
		return r;
	formtab_load(&v->forms, a, v->id);
	tlvtab_load(&v->tlv, a, v->id);
	if (!is_tlv(v))
		aanpaktab_load(&v->aanpak, a, v->id);
	{
		struct err re;

		/* a failure leaves the name out: the hulpvraag still shows */
		if (regie_van(a->db, v->id, v->regie, sizeof v->regie, &re) < 0)
			v->regie[0] = '\0';
	}
	if (v->tab == TAB_DOSS || v->dos) {
		struct dossier *d = NULL;
		struct err de;
		if (dossier_load(a->db, h->dossier_id, &d, &de) == 0) {
			dossier_free(&v->dos);
			v->dos = d;
		}
	}
	{
		struct hv_mail *mails = NULL;
		struct err me;
		int nm = 0;

		/* a failure leaves the old list: the hulpvraag still shows */
		if (mails_van_hulpvraag(a->db, v->id, &mails, &nm, &me) == 0) {
			free(v->mails);
			v->mails = mails;
			v->nmails = nm;
		}
	}
	if (old)
		*old = v->h;
	else
		hulpvraag_free(&v->h);
	v->h = h;
	/* the checklist goes with the hulpvraag: a failure to evaluate it
	 * leaves the tab empty and says why, the hulpvraag still shows */
	struct err ce;
	compleet_hv_release(&v->compl);
	if (compleet_evaluate_ids(a->db, &v->id, 1, &v->compl, &ce) != 0)
		app_message(a, 1, "Compleetheid niet bepaald: %s", ce.msg);
	return HV_OK;
}

/* After a save lost the race: reload, tell what changed, keep the dialog. */
static int show_conflict(struct hvpane *v, struct app *a, const struct outcome *o, const char *wat)
{
	struct hulpvraag *old = NULL;
	char diff[600], note[700];
	struct err le;

	if (reload(v, a, &old, &le) == HV_OK && old) {
		hulpvraag_diff(old, v->h, diff, sizeof diff);
		hulpvraag_free(&old);
		dialog_note(&v->base.dlg, "%s. Je tekst staat er nog: F2 probeert het opnieuw, Esc annuleert.", diff);
	} else {
		dialog_note(&v->base.dlg, "%s", outcome_note(o, note, sizeof note));
	}
	outcome_show(a, o, wat);
	return R_PAINT | R_BARS;
}

/* After a save whose COMMIT was cut off (v->pending): did it get in?  Yes:
 * the dialog closes and the pane reloads.  No: the dialog (if still open)
 * stays with the text, and F2 tries again from the same version, so a
 * change by someone else in between still shows as a conflict.  No
 * connection yet: asked again when it is back (hv_reconnected). */
static int check_unknown(struct hvpane *v, struct app *a)
{
	struct outcome o;
	struct err le;
	char note[700];

	if (!outcome_settle(a, &v->pending, v->pending_wat)) {
		if (dialog_active(&v->base.dlg))
			dialog_note(&v->base.dlg, "%s", outcome_note(&v->pending, note, sizeof note));
		return R_PAINT | R_BARS;
	}
	o = v->pending;
	outcome_clear(&v->pending);
	if (o.kind == OUTCOME_SAVED || !dialog_active(&v->base.dlg)) {
		dialog_close(&v->base.dlg);
		reload(v, a, NULL, &le);
		outcome_show(a, &o, v->pending_wat);
		return R_PAINT | R_BARS;
	}
	if (o.kind == OUTCOME_CONFLICT)
		return show_conflict(v, a, &o, v->pending_wat);
	dialog_note(&v->base.dlg, "%s", outcome_note(&o, note, sizeof note));
	return R_PAINT | R_BARS;
}

/* Common ending of a save: reload on success, anything else keeps the
 * dialog with what was typed; what the person reads is tui/outcome's. */
static int after_save(struct hvpane *v, struct app *a, const struct outcome *o, const char *wat)
{
	struct err le;
	char note[700];

	switch (o->kind) {
	case OUTCOME_SAVED:
		dialog_close(&v->base.dlg);
		outcome_show(a, o, wat);
		if (reload(v, a, NULL, &le) != HV_OK)
			app_message(a, 1, "%s; opnieuw laden mislukt: %s", o->err.msg, le.msg);
		return R_PAINT | R_BARS;
	case OUTCOME_CONFLICT:
		return show_conflict(v, a, o, wat);
	case OUTCOME_UNKNOWN:
		/* never show success, and keep what was typed: find out (now,
		 * or after the reconnect) */
		v->pending = *o;
		v->pending_wat = wat;
		return check_unknown(v, a);
	default:
		dialog_note(&v->base.dlg, "%s", outcome_note(o, note, sizeof note));
		outcome_show(a, o, wat);
		return R_PAINT | R_BARS;
	}
}

/* Opens a pick list of it[0..n-1] (freed here) headed by one special entry
 * (first, with id first_id: "geen coördinator", "nieuw label"; NULL:
 * none).  0 / -1. */
static int open_pick(struct hvpane *v, struct app *a, struct hv_item *it, int n, int tag, const char *title,
		     const char *prompt, const char *first, long first_id)
{
	int r = dialog_open_pick_items(&v->base.dlg, tag, title, prompt, it, n, first, first_id);

	free(it);
	app_message_clear(a);
	return r;
}

/* open_pick with the entry of id current chosen (the coördinator or
 * regierolhouder the hulpvraag has now).  Reaction flags. */
static int open_pick_at(struct hvpane *v, struct app *a, struct hv_item *it, int n, int tag, const char *title,
			const char *prompt, const char *first, long current)
{
	struct pane *p = &v->base;

	if (open_pick(v, a, it, n, tag, title, prompt, first, 0) < 0)
		return R_NONE;
	for (int i = 0; i < p->dlg.nshown; i++)
		if (p->dlg.items[p->dlg.shown[i]].id == current)
			p->dlg.sel = i;
	return R_PAINT | R_BARS;
}

static int job_load(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct err e;

	enum hv_result got = reload(v, a, NULL, &e);
	char detail[48];

	/* Who saw this child (issue 12 §5): opening a hulpvraag shows the
	 * pupil's dossier, so the first load leaves an audit row.  Without
	 * that row the data is not shown. */
	if (got == HV_OK && !v->loaded_once) {
		snprintf(detail, sizeof detail, "dossier %ld", v->h->dossier_id);
		if (audit_write(a->db, a->session.account_id, v->h->organisatie_id, "hulpvraag-bekeken", "hulpvraag",
				v->id, detail, &e) < 0)
			got = HV_ERROR;
	}
	if (got != HV_OK) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — Esc: terug, r: opnieuw", e.msg);
		app_message(a, 1, "%s", e.msg);
	} else {
		v->body_msg[0] = '\0';
		/* the bespreekdatum (001 stap 12: the status tells when it is
		 * discussed); without it the header just does not say */
		if (db_agenda_bespreekdatum(a->db, v->id, v->bespreek, sizeof v->bespreek, &e) < 0)
			v->bespreek[0] = '\0';
		/* the first load keeps what the opener said ("Hulpvraag 12
		 * aangemaakt"); a reload clears "Bezig met laden…", never the
		 * outcome of what the person just did (a live update reloads
		 * right after their own change) */
		if (v->loaded_once)
			app_progress_done(a);
		v->loaded_once = 1;
	}
	return R_PAINT | R_BARS;
}

static int job_nummer(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct err e;
	long id = 0;

	if (hulpvraag_by_nummer(a->db, a->session.organisatie_id, v->pick_id, &id, &e) < 0) {
		dialog_note(&p->dlg, "%s", e.msg);
		app_message_clear(a);
		return R_PAINT | R_BARS;
	}
	if (!id) {
		dialog_note(&p->dlg, "Geen hulpvraag met nummer %ld (of je hebt er geen toegang toe)", v->pick_id);
		app_message_clear(a);
		return R_PAINT | R_BARS;
	}
	v->id = id;
	dialog_close(&p->dlg);
	app_message_clear(a); /* "Bezig met zoeken…" */
	return job_load(p, a);
}

static int job_keuzes(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct hv_keuze *k = NULL;
	struct dialog_item *items;
	char prompt[300];
	struct err e;
	int n = 0;

	if (hulpvraag_keuzes(a->db, v->h, &k, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	if (n == 0) {
		free(k);
		app_message(a, 1, "Vanuit \"%s\" kan jouw rol de status niet wijzigen", v->h->status);
		return R_BARS;
	}
	items = calloc((size_t)n, sizeof *items);
	if (items) {
		for (int i = 0; i < n; i++) {
			snprintf(items[i].label, sizeof items[i].label, "%s", k[i].naar);
			snprintf(items[i].extra, sizeof items[i].extra, "%s", k[i].reden ? "reden verplicht" : "");
			items[i].flag = k[i].reden;
		}
		snprintf(prompt, sizeof prompt, "Huidige status: %s.  Nieuwe status:", v->h->status);
		dialog_open_pick(&p->dlg, DT_STATUS_PICK, "Status wijzigen", prompt, items, n);
		free(items);
	}
	free(k);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int job_status(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	char *reden = dialog_text(&p->dlg);
	struct outcome o;

	hulpvraag_set_status(a->db, v->id, v->h->version, v->naar, reden ? reden : "", paths_datadir(), NULL, &o);
	free(reden);
	return after_save(v, a, &o, "de statuswijziging");
}

static int job_behandelaar(struct pane *p, struct app *a)
{
	/* the TLV's behandelaar or the aanpak's (tui/behandelaar.h) */
	return behandelaars_bewaar(is_tlv(P(p)) ? &P(p)->tlv.beh : &P(p)->aanpak.beh, a, p, P(p)->id);
}

static int job_bezwaar(struct pane *p, struct app *a)
{
	return bezwaren_bewaar(&P(p)->tlv.bz, a, p, P(p)->id);
}

static int job_afspraak_vraag(struct pane *p, struct app *a)
{
	return afspraken_vraag(&P(p)->afspraak, a, p, P(p)->h);
}

static int job_afspraak(struct pane *p, struct app *a)
{
	struct outcome o;

	struct err e;
	int r;

	afspraken_bewaar(&P(p)->afspraak, a, P(p)->h, &o);
	r = after_save(P(p), a, &o, "de afspraak");
	/* the header's bespreekdatum is the appointment now (or none) */
	if (o.kind == OUTCOME_SAVED && db_agenda_bespreekdatum(a->db, P(p)->id, P(p)->bespreek, sizeof P(p)->bespreek, &e) < 0)
		P(p)->bespreek[0] = '\0';
	return r;
}

static int job_terug_vraag(struct pane *p, struct app *a)
{
	struct terug_info t;

	return terug_vraag(a, p, DT_TERUG, P(p)->id, &t);
}

static int job_terug(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct outcome o;

	db_status_terugdraaien(a->db, v->id, v->h->version, "", &o);
	return after_save(v, a, &o, "het terugdraaien");
}

static int job_check(struct pane *p, struct app *a)
{
	return check_unknown(P(p), a);
}

static int job_coords(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct hv_item *it = NULL;
	struct err e;
	int n = 0;

	if (hulpvraag_coordinators(a->db, v->h->organisatie_id, &it, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	return open_pick_at(v, a, it, n, DT_COORD, "Coördinator kiezen", "Wie is de coördinator van deze hulpvraag?",
			    "(geen coördinator)", v->h->coordinator_id);
}

static int job_coord_save(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct outcome o;

	hulpvraag_set_coordinator(a->db, v->id, v->h->version, v->pick_id, NULL, &o);
	return after_save(v, a, &o, "de coördinator");
}

static int job_regie(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct hv_item *it = NULL;
	struct err e;
	int n = 0;

	if (regie_kandidaten(a->db, v->id, &it, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	if (n == 0) {
		free(it);
		app_message(a, 1, "Deze organisatie heeft geen regierolhouders "
				  "(balie admin user add … --rol regierolhouder, balie-admin(8))");
		return R_BARS;
	}
	long huidig = 0;
	for (int i = 0; i < n; i++)
		if (it[i].flag)
			huidig = it[i].id;
	return open_pick_at(v, a, it, n, DT_REGIE, "Regierolhouder kiezen",
			    "Wie is de regierolhouder? Die ziet alleen de hulpvragen waarbij zij betrokken is.",
			    "(geen regierolhouder)", huidig);
}

static int job_regie_save(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct outcome o;

	regie_zetten(a->db, v->id, v->h->version, v->pick_id, &o);
	return after_save(v, a, &o, "de regierolhouder");
}

static int job_labels(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct hv_item *it = NULL;
	struct err e;
	int n = 0;

	if (hulpvraag_labels(a->db, v->h->organisatie_id, &it, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	/* a new label only for who may make one (core/recht) */
	int nieuw = recht_mag(a->session.roles, RECHT_LABEL_AANMAKEN);
	if (open_pick(v, a, it, n, DT_LABEL_PICK, "Label toevoegen",
		      nieuw ? "Kies een label, of maak een nieuw:" : "Kies een label:", nieuw ? "(nieuw label…)" : NULL,
		      NEW_LABEL_ID) < 0)
		return R_NONE;
	return R_PAINT | R_BARS;
}

static int job_label_add(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct outcome o;

	hulpvraag_label_add(a->db, v->id, v->h->version, v->pick_naam, NULL, &o);
	return after_save(v, a, &o, "het label");
}

static int job_label_del(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	struct outcome o;

	hulpvraag_label_remove(a->db, v->id, v->h->version, v->pick_id, NULL, &o);
	return after_save(v, a, &o, "het label");
}

static int job_omschr(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	char *text = dialog_text(&p->dlg);
	struct outcome o;

	outcome_clear(&o);
	if (!text)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		hulpvraag_set_omschrijving(a->db, v->id, v->h->version, text, NULL, &o);
	free(text);
	return after_save(v, a, &o, "de omschrijving");
}

/* The letter; then the hulpvraag again (a new bijlage, perhaps a status). */
static int job_tlv_brief(struct pane *p, struct app *a)
{
	struct err e;
	int r = is_tlv(P(p)) ? tlvtab_brief(&P(p)->tlv, a, P(p)->h) : aanpaktab_brief(&P(p)->aanpak, a, P(p)->h);
	reload(P(p), a, NULL, &e);
	return r;
}

/* The TLV tab's save: core checked the draft; the database checks again. */
static int job_tlv_save(struct pane *p, struct app *a)
{
	return is_tlv(P(p)) ? tlvtab_save(&P(p)->tlv, a, P(p)->id) : aanpaktab_save(&P(p)->aanpak, a, p, P(p)->id);
}

static int job_note(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);
	char *text = dialog_text(&p->dlg);
	struct outcome o;
	long nid = 0;
	int nv = 0;

	outcome_clear(&o);
	if (!text)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		hulpvraag_notitie_save(a->db, v->id, v->h->notitie_id, v->h->notitie_version, text, v->note_key, &nid,
				       &nv, &o);
	free(text);
	if (o.kind == OUTCOME_CONFLICT) { /* the note is the account's own: no diff to show */
		char note[700];
		dialog_note(&p->dlg, "%s", outcome_note(&o, note, sizeof note));
		outcome_show(a, &o, "de notitie");
		return R_PAINT | R_BARS;
	}
	return after_save(v, a, &o, "de notitie");
}

/* No job: back from a form that was added or saved, reload. */
static int hv_work(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);

	(void)a;
	if (!v->forms.stale || !v->h)
		return R_NONE;
	p->job = job_load;
	return R_WORK;
}

/* The connection is back.  An open dialog stays as it is, with what was
 * typed: the save (F2) checks the version as always, so a change made by
 * someone else meanwhile is shown, not overwritten (app_pane_reload).
 * First, though, find out whether a status change whose COMMIT was cut off
 * got in. */
static int hv_reconnected(struct pane *p, struct app *a)
{
	struct hvpane *v = P(p);

	if (!p->job && v->pending.kind == OUTCOME_UNKNOWN) {
		p->job = job_check;
		return R_WORK;
	}
	if (!v->id && !dialog_active(&p->dlg))
		return R_NONE;
	return app_pane_reload(p, a);
}

static void hv_free(struct pane *p)
{
	struct hvpane *v = P(p);

	hulpvraag_free(&v->h);
	compleet_hv_release(&v->compl);
	formtab_release(&v->forms);
	dossier_free(&v->dos);
	free(v->mails);
	zoek_release(&v->zoek);
	free(v);
}

static const struct pane_ops hv_ops = {
	.name = "hulpvraag",
	.title = "Hulpvraag",
	.ctx = CTX_HULPVRAAG,
	.context = hv_context,
	.key = hv_key,
	.draw = hv_draw,
	.action = hv_tab_action,
	.actions = hv_actions,
	.nactions = sizeof hv_actions / sizeof hv_actions[0],
	.cursor = hv_move,
	.ready = hv_ready,
	.dialog_ok = hv_dialog_ok,
	.dialog_cancel = hv_dialog_cancel,
	.load = job_load,
	.work = hv_work,
	.free = hv_free,
	.reconnected = hv_reconnected,
};

static struct hvpane *hv_alloc(void)
{
	struct hvpane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &hv_ops;
	zoek_init(&v->zoek);
	v->zoek_line = -1;
	return v;
}

struct pane *pane_hulpvraag_new(struct app *a, long hulpvraag_id)
{
	struct hvpane *v = hv_alloc();

	if (!v)
		return NULL;
	v->id = hulpvraag_id;
	v->base.job = job_load;
	a->work_pending = 1; /* load after the first paint */
	return &v->base;
}

struct pane *pane_hulpvraag_new_compleet(struct app *a, long hulpvraag_id)
{
	struct pane *p = pane_hulpvraag_new(a, hulpvraag_id);

	if (p)
		P(p)->tab = TAB_COMPL;
	return p;
}

struct pane *pane_hulpvraag_new_tlv(struct app *a, long hulpvraag_id)
{
	struct pane *p = pane_hulpvraag_new(a, hulpvraag_id);

	if (p)
		P(p)->tab = TAB_TLV;
	return p;
}

struct pane *pane_hulpvraag_open_nummer(struct app *a)
{
	struct hvpane *v = hv_alloc();

	if (!v)
		return NULL;
	dialog_open_line(&v->base.dlg, DT_NUMMER, "Hulpvraag openen", "Nummer van de hulpvraag:", "", FIELD_DIGITS);
	return &v->base;
}

struct pane *pane_hulpvraag_open_dossier_n(struct app *a, long nummer)
{
	struct pane *p = pane_hulpvraag_open_nummer_n(a, nummer);

	if (p)
		P(p)->tab = TAB_DOSS;
	return p;
}

struct pane *pane_hulpvraag_open_nummer_n(struct app *a, long nummer)
{
	struct pane *p = pane_hulpvraag_open_nummer(a);
	char buf[32];

	if (!p)
		return NULL;
	snprintf(buf, sizeof buf, "%ld", nummer);
	field_set(&p->dlg.line, buf);
	P(p)->pick_id = nummer;
	p->job = job_nummer;
	a->work_pending = 1;
	return p;
}
