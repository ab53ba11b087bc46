/* pane_agenda.c — the commission agenda; see pane_agenda.h.
 *
 * One pane, three lists (each a core/lijst): the meetings from six weeks
 * back to a year ahead, the cases of one meeting, and "te plannen" for one
 * commissie.  Esc goes from a meeting's cases or te plannen back to the
 * meetings.  The target of planning is the selected meeting when it takes a
 * case, else the proposal of core/agenda (the first meeting of that
 * commissie with room whose deadline has not passed), else — when only its
 * deadline has passed — the selected meeting with a reason the person
 * gives.  Database work happens in jobs (app_start); the overview shows
 * pupils as initials only.
 */
#include "tui/pane_agenda.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/agenda.h"
#include "core/beschikking.h"
#include "core/recht.h"
#include "db/agenda.h"
#include "tui/agenda_papier.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/field.h"
#include "tui/outcome.h"
#include "tui/pane_bijlagen.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"

#define HEAD_ROWS 4 /* two heading lines, column heads, rule */

enum mode { M_VERGADERINGEN, M_ZAKEN, M_TE_PLANNEN, M_NIEUW, M_MAAND, M_VERSLAGEN, M_LEDEN };

/* The fields of a new meeting (or series), in screen order. */
enum nveld { NV_COMMISSIE, NV_DATUM, NV_START, NV_EIND, NV_PLAATS, NV_LINK, NV_ZAKEN, NV_MINUTEN, NV_DEADLINE,
	     NV_TOT, NV_WEKEN, NV_COUNT };
static const struct {
	const char *label;
	int required, max;
	unsigned flags;
} nvelden[NV_COUNT] = {
	[NV_COMMISSIE] = { "Commissie", 1, 40, 0 },
	[NV_DATUM] = { "Datum (dd-mm-jjjj)", 1, 10, 0 },
	[NV_START] = { "Begintijd (uu:mm)", 1, 5, 0 },
	[NV_EIND] = { "Eindtijd (uu:mm)", 1, 5, 0 },
	[NV_PLAATS] = { "Plaats", 0, 120, 0 },
	[NV_LINK] = { "Link (online)", 0, 120, 0 },
	[NV_ZAKEN] = { "Aantal zaken", 0, 2, FIELD_DIGITS },
	[NV_MINUTEN] = { "of minuten per zaak", 0, 3, FIELD_DIGITS },
	[NV_DEADLINE] = { "Aanleverdeadline", 0, 10, 0 },
	[NV_TOT] = { "Reeks: herhaal tot", 0, 10, 0 },
	[NV_WEKEN] = { "Reeks: om de … weken", 0, 1, FIELD_DIGITS },
};
#define MAX_COMMISSIES 32
enum { DT_PLAN = 1, DT_UITKOMST_PICK, DT_UITKOMST_NOTE, DT_ANNULEER, DT_ANNULEER_REDEN, DT_PLAN_ALLES,
       DT_ONTPLAN, DT_VERPLAATS_PICK, DT_VERPLAATS_REDEN, DT_ANNULEER_KEUZE, DT_LID_PICK, DT_LID_ROL,
       DT_LID_WEG };

/* One case of a "Plan alles" proposal. */
struct voorstel {
	long h;
	int version;
	long nummer;
	int m;                      /* index into the proposal's meetings */
	char key[OUTCOME_KEY_LEN];  /* made when the proposal is shown */
};

struct agenda {
	struct pane base;
	enum mode mode;
	struct lijst verg;   /* struct agenda_vergadering_rij */
	struct lijst zaken;  /* struct agenda_punt_rij of `cur` */
	struct lijst plan;   /* struct agenda_teplannen_rij of cur.commissie */
	struct lijst versl;  /* struct agenda_verslag_rij: gespreksverslagen te laat */
	struct agenda_vergadering_rij cur;   /* the meeting of the cases, or the planning target */
	int override;        /* planning on cur needs a reason (its deadline passed) */
	int loaded, first_load;
	char body_msg[600];
	/* what the open dialog is about */
	long dlg_id;
	int dlg_version;
	long dlg_nummer;
	char uitkomst[16];
	char key[OUTCOME_KEY_LEN]; /* the planning's idempotency key, made when its dialog opens */
	/* a new meeting (M_NIEUW): the fields, the focus, and the error and
	 * the field it belongs beside (NV_COUNT: none) */
	struct field nf[NV_COUNT];
	int nfocus, nerr_veld;
	char nerr[512];
	char nkey[OUTCOME_KEY_LEN];  /* made when the form opens; a series numbers it per meeting */
	long edit_id;                /* the form edits this meeting (0: a new one) */
	int edit_version;
	struct agenda_commissie com[MAX_COMMISSIES];
	int ncom;
	struct agenda_vakanties vak; /* forms/schoolvakanties, read when the form first opens */
	struct agenda_vergadering_rij naar; /* the meeting a case is moved to */
	int richting;       /* -1 earlier, +1 later: the case being reordered */
	char reden[512];    /* a cancellation's reason, while its cases' fate is asked */
	int doorschuiven;   /* cancel: move its cases to the next meetings with room */
	int dlg_gepland;    /* cancel: the meeting's open cases */
	int besluit;        /* a besluitenlijst runs: after each outcome the next open case is asked */
	int besloten;       /* outcomes recorded in it */
	struct agenda_vergadering_rij druk; /* the meeting whose papers are being written */
	struct lijst leden;                 /* the members of v->cur */
	int week;                           /* the meetings list shows "mijn week": own meetings, 7 days */
	int afspraak;                       /* te plannen is of an afspraak commissie: Enter opens the
					     * hulpvraag, where A plans the coördinator's appointment */
	long lid_account;                   /* the account being put on / taken off */
	char lid_rol[24];
	/* "Plan alles": the proposal under review */
	struct voorstel *vs;
	int nvs;
	struct agenda_vergadering_rij *vm;
	int nvm;
};

static struct agenda *A(struct pane *p)
{
	return (struct agenda *)p;
}

static long verg_id(const void *r)
{
	return ((const struct agenda_vergadering_rij *)r)->id;
}

static long punt_id(const void *r)
{
	return ((const struct agenda_punt_rij *)r)->id;
}

static long versl_id(const void *r)
{
	return ((const struct agenda_verslag_rij *)r)->hulpvraag_id;
}

static long lid_id(const void *r)
{
	return ((const struct agenda_lid_rij *)r)->account_id;
}

static long plan_id(const void *r)
{
	return ((const struct agenda_teplannen_rij *)r)->hulpvraag_id;
}

/* The meetings list serves the list and the month grid alike. */
static struct lijst *active(struct agenda *v)
{
	return v->mode == M_ZAKEN ? &v->zaken : v->mode == M_TE_PLANNEN ? &v->plan
	     : v->mode == M_VERSLAGEN ? &v->versl : v->mode == M_LEDEN ? &v->leden : &v->verg;
}

static struct datum today(void)
{
	return datum_today(time(NULL));
}

/* "di 08-09-2026" */
static const char *kort(struct datum d, char *buf, size_t len)
{
	char ds[DATUM_BUFLEN];

	snprintf(buf, len, "%.2s %s", datum_weekday_name(datum_weekday(d)), datum_format(d, ds));
	return buf;
}

static const char *tijden(int van, int tot, char *buf, size_t len)
{
	char a[6], b[6];

	snprintf(buf, len, "%s–%s", agenda_tijd_format(van, a), agenda_tijd_format(tot, b));
	return buf;
}

static struct agenda_plek plek_of(const struct agenda_vergadering_rij *r)
{
	struct agenda_plek p = { r->id, r->datum, r->deadline, r->gepland, r->capaciteit, r->geannuleerd };

	return p;
}

static const struct agenda_commissie *find_commissie(const struct agenda *v, const char *code);
static int refdata(struct agenda *v, struct app *a, struct err *e);
static int eigen_afspraken(const struct agenda *v, const struct app *a);

/* ---- drawing ---------------------------------------------------------- */

/* "Commissies: AC, CT, Kans!overleg" into buf; 0 when there are none. */
static int i_commissies_hint(const struct agenda *v, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "Commissies:");

	for (int i = 0; i < v->ncom && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s %s", i ? "," : "", v->com[i].code);
	return v->ncom > 0;
}

/* A column of a list: where it starts, how wide (0: to the right edge),
 * its head. */
struct kolom {
	int x, w;
	const char *naam;
};
static const struct kolom kol_verg[] = { { 1, 13, "Datum" }, { 15, 11, "Tijd" }, { 27, 13, "Commissie" },
					 { 41, 5, "Zaken" }, { 47, 10, "Deadline" }, { 58, 0, "Plaats" } };
static const struct kolom kol_zaken[] = { { 1, 2, "#" }, { 4, 11, "Tijd" }, { 16, 7, "Nummer" },
					  { 24, 9, "Leerling" }, { 34, 22, "Aanvraagtype" },
					  { 57, 0, "Status / uitkomst" } };
static const struct kolom kol_versl[] = { { 1, 7, "Nummer" }, { 9, 9, "Leerling" }, { 19, 13, "Kans!overleg" },
					  { 33, 9, "Te laat" }, { 43, 0, "Coördinator" } };
static const struct kolom kol_plan[] = { { 1, 7, "Nummer" }, { 9, 10, "Ontvangen" }, { 20, 9, "Leerling" },
					 { 30, 24, "Aanvraagtype" }, { 55, 0, "Status" } };
static const struct kolom kol_leden[] = { { 1, 14, "Rol" }, { 16, 32, "Naam" }, { 49, 16, "Gebruiker" },
					  { 66, 0, "" } };
#define NKOL(k) ((int)(sizeof k / sizeof k[0]))

/* The column heads at row y and the rule under them; returns the first
 * row of the list. */
static int kopjes(WINDOW *w, int y, const struct kolom *k, int n, const struct screen *s)
{
	for (int i = 0; i < n; i++)
		screen_put(w, y, k[i].x, k[i].w ? k[i].w : getmaxx(w) - k[i].x - 1, k[i].naam, s->attr[ST_HEAD]);
	screen_rule(w, y + 1, 0, getmaxx(w), s->attr[ST_NORMAL]);
	return y + 2;
}

/* The rows that fit below the heading; all of them from the top when they
 * fit (a reload keeps the cursor's row, not a half-empty window). */
static void fit(struct lijst *l, WINDOW *w)
{
	lijst_set_view(l, getmaxy(w) - HEAD_ROWS);
	if (l->n <= l->view)
		l->top = 0;
}

static void draw_empty(struct agenda *v, struct app *a, WINDOW *w, int y, const char *none)
{
	const char *m = v->body_msg[0] ? v->body_msg : !v->loaded ? "Bezig met laden…" : none;

	screen_put(w, y + 1, 2, getmaxx(w) - 4, m, a->scr.attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
}

static void draw_vergaderingen(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 0;
	char buf[400], d[32], t[32];
	struct datum nu = today();

	if (v->week)
		snprintf(buf, sizeof buf, "Mijn week · %d vergadering%s waarin ik zit (W: alle)", v->verg.n,
			 v->verg.n == 1 ? "" : "en");
	else
		snprintf(buf, sizeof buf, "Agenda van de commissies · %d vergaderingen", v->verg.n);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	/* only what the role may (the key bar says the same) */
	snprintf(buf, sizeof buf, "Enter: de zaken · m: maand%s%s",
		 recht_mag(a->session.roles, RECHT_PLANNEN) ? " · t: te plannen" : "",
		 recht_mag(a->session.roles, RECHT_VERGADERING_BEHEREN) ? " · n: nieuw · X: annuleren" : "");
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_DIM]);
	y = kopjes(w, y, kol_verg, NKOL(kol_verg), s);
	if (!v->loaded || v->verg.n == 0) {
		draw_empty(v, a, w, y, "Geen vergaderingen in deze periode.");
		return;
	}
	fit(&v->verg, w);
	for (int i = v->verg.top; i < v->verg.n && y < getmaxy(w); i++, y++) {
		const struct agenda_vergadering_rij *r = lijst_row(&v->verg, i);
		int past = datum_cmp(r->datum, nu) < 0;
		attr_t at = s->attr[i == v->verg.cur ? ST_SEL : r->geannuleerd || past ? ST_DIM : ST_NORMAL];

		screen_put_pad(w, y, 0, cols, "", at);
		screen_put(w, y, 1, 13, kort(r->datum, d, sizeof d), at);
		screen_put(w, y, 15, 11, tijden(r->start, r->eind, t, sizeof t), at);
		screen_put(w, y, 27, 13, r->commissie, at);
		snprintf(buf, sizeof buf, "%d/%d", r->gepland, r->capaciteit);
		screen_put_right(w, y, 41, 5, buf, at);
		const struct agenda_commissie *c = find_commissie(v, r->commissie);
		/* an appointment of the coördinator has no aanleverdeadline */
		screen_put(w, y, 47, 10, c && c->afspraak ? "—" : datum_format(r->deadline, d), at);
		/* never colour alone: the word says it */
		snprintf(buf, sizeof buf, "%s%s", r->geannuleerd ? "✗ geannuleerd · " : "",
			 r->link[0] ? "online" : r->locatie);
		screen_put(w, y, 58, cols - 59, buf, at);
	}
}

static void draw_meeting_head(struct agenda *v, struct app *a, WINDOW *w, int y)
{
	char buf[400], d[DATUM_BUFLEN], t[32], dl[DATUM_BUFLEN];
	const struct agenda_vergadering_rij *r = &v->cur;

	snprintf(buf, sizeof buf, "%s · %s %s %s · %s", r->commissie, datum_weekday_name(datum_weekday(r->datum)),
		 datum_format(r->datum, d), tijden(r->start, r->eind, t, sizeof t),
		 r->link[0] ? r->link : r->locatie[0] ? r->locatie : "plaats volgt");
	screen_put(w, y, 1, getmaxx(w) - 2, buf, a->scr.attr[ST_HEAD]);
	snprintf(buf, sizeof buf, "%s%d van %d zaken · deadline %s%s", r->geannuleerd ? "✗ GEANNULEERD · " : "",
		 r->gepland, r->capaciteit, datum_format(r->deadline, dl),
		 v->mode == M_LEDEN ? (recht_mag(a->session.roles, RECHT_VERGADERING_BEHEREN) ? " · +: lid erbij · -: eraf" : "")
		 : v->mode != M_ZAKEN ? ""
		 : recht_mag(a->session.roles, RECHT_UITKOMST_VASTLEGGEN) ? " · Enter: hulpvraag · u: uitkomst · B: lijst"
									   : " · Enter: hulpvraag");
	screen_put(w, y + 1, 1, getmaxx(w) - 2, buf, a->scr.attr[r->geannuleerd ? ST_ERROR : ST_DIM]);
}

static void draw_zaken(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 2;
	char buf[400], t[32];

	draw_meeting_head(v, a, w, 0);
	y = kopjes(w, y, kol_zaken, NKOL(kol_zaken), s);
	if (!v->loaded || v->zaken.n == 0) {
		draw_empty(v, a, w, y, "Nog geen zaken op deze vergadering (t: te plannen).");
		return;
	}
	fit(&v->zaken, w);
	for (int i = v->zaken.top; i < v->zaken.n && y < getmaxy(w); i++, y++) {
		const struct agenda_punt_rij *r = lijst_row(&v->zaken, i);
		attr_t at = s->attr[i == v->zaken.cur ? ST_SEL : r->open ? ST_NORMAL : ST_DIM];
		struct agenda_capaciteit cap = { v->cur.zaken, v->cur.minuten_per_zaak };
		int van, tot;

		screen_put_pad(w, y, 0, cols, "", at);
		if (r->open) {
			snprintf(buf, sizeof buf, "%d", r->volgorde + 1);
			screen_put_right(w, y, 1, 2, buf, at);
			agenda_slot(&cap, v->cur.start, v->cur.eind, r->volgorde, &van, &tot);
			screen_put(w, y, 4, 11, tijden(van, tot, t, sizeof t), at);
		}
		snprintf(buf, sizeof buf, "%ld", r->nummer);
		screen_put_right(w, y, 16, 7, buf, at);
		screen_put(w, y, 24, 9, r->initialen, at);
		screen_put(w, y, 34, 22, r->aanvraagtype, at);
		if (r->open)
			snprintf(buf, sizeof buf, "%s", r->status);
		else if (r->uitkomst[0])
			snprintf(buf, sizeof buf, "%s %s%s%s", !strcmp(r->uitkomst, "toegekend") ? "✓" :
				 !strcmp(r->uitkomst, "afgewezen") ? "✗" : "…", r->uitkomst,
				 r->notitie[0] ? ": " : "", r->notitie);
		else
			snprintf(buf, sizeof buf, "— %s", r->notitie[0] ? r->notitie : "van de agenda");
		screen_put(w, y, 57, cols - 58, buf, at);
	}
}

/* The members of the meeting: role, name, account; an external marked. */
static void draw_leden(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 2;

	draw_meeting_head(v, a, w, 0);
	y = kopjes(w, y, kol_leden, NKOL(kol_leden), s);
	if (!v->loaded || v->leden.n == 0) {
		draw_empty(v, a, w, y, "Nog geen leden (+: lid erbij).");
		return;
	}
	fit(&v->leden, w);
	for (int i = v->leden.top; i < v->leden.n && y < getmaxy(w); i++, y++) {
		const struct agenda_lid_rij *r = lijst_row(&v->leden, i);
		attr_t at = s->attr[i == v->leden.cur ? ST_SEL : ST_NORMAL];

		screen_put_pad(w, y, 0, cols, "", at);
		screen_put(w, y, 1, 14, r->rol, at);
		screen_put(w, y, 16, 32, r->naam, at);
		screen_put(w, y, 49, 16, r->username, at);
		screen_put(w, y, 66, cols - 67, r->extern_lid ? "extern" : "", at);
	}
}

static void draw_te_plannen(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 0;
	char buf[400], d[32], t[32], dl[DATUM_BUFLEN];
	struct datum nu = today();

	snprintf(buf, sizeof buf, "Te plannen voor de %s · %d hulpvra%s, oudste eerst",
		 v->cur.commissie[0] ? v->cur.commissie : "afspraken", v->plan.n,
		 v->plan.n == 1 ? "ag" : "gen");
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	if (v->afspraak)
		snprintf(buf, sizeof buf, "%s · Enter: de hulpvraag, daar plant A de afspraak",
			 eigen_afspraken(v, a) ? "Jouw afspraken" : "Afspraken van de coördinator");
	else if (v->cur.id)
		snprintf(buf, sizeof buf, "Plannen op %s %s (%d van %d, deadline %s%s) · Enter: plannen",
			 kort(v->cur.datum, d, sizeof d), tijden(v->cur.start, v->cur.eind, t, sizeof t), v->cur.gepland,
			 v->cur.capaciteit, datum_format(v->cur.deadline, dl), v->override ? " verstreken" : "");
	else
		snprintf(buf, sizeof buf, "Geen vergadering van de %s met plaats en een open deadline", v->cur.commissie);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[v->cur.id || v->afspraak ? ST_DIM : ST_ERROR]);
	y = kopjes(w, y, kol_plan, NKOL(kol_plan), s);
	if (!v->loaded || v->plan.n == 0) {
		draw_empty(v, a, w, y, "Niets te plannen voor deze commissie.");
		return;
	}
	fit(&v->plan, w);
	for (int i = v->plan.top; i < v->plan.n && y < getmaxy(w); i++, y++) {
		const struct agenda_teplannen_rij *r = lijst_row(&v->plan, i);
		attr_t at = s->attr[i == v->plan.cur ? ST_SEL : ST_NORMAL];

		screen_put_pad(w, y, 0, cols, "", at);
		snprintf(buf, sizeof buf, "%ld", r->nummer);
		screen_put_right(w, y, 1, 7, buf, at);
		screen_put(w, y, 9, 10, datum_format(r->datum, d), at);
		screen_put(w, y, 20, 9, r->initialen, at);
		screen_put(w, y, 30, 24, r->aanvraagtype, at);
		if (datum_valid(r->vanaf) && datum_cmp(r->vanaf, nu) > 0) /* flagged: a late verlenging */
			snprintf(buf, sizeof buf, "na zomer (vanaf %s) · %s", datum_format(r->vanaf, d), r->status);
		else
			snprintf(buf, sizeof buf, "%s", r->status);
		screen_put(w, y, 55, cols - 56, buf, at);
	}
}

static void draw_nieuw(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 0, cx = -1, cy = -1;
	char buf[300];

	screen_put(w, y++, 1, cols - 2, v->edit_id ? "Vergadering wijzigen" : "Nieuwe vergadering", s->attr[ST_HEAD]);
	screen_put(w, y++, 1, cols - 2, "* verplicht · deadline leeg: de werkdagen van de commissie ervoor · F2: bewaren",
		   s->attr[ST_DIM]);
	for (int i = 0; i < NV_COUNT && y < getmaxy(w); i++, y++) {
		int focus = i == v->nfocus, x;

		snprintf(buf, sizeof buf, "%s%s", nvelden[i].label, nvelden[i].required ? " *" : "");
		screen_put(w, y, 2, 24, buf, s->attr[focus ? ST_HEAD : ST_NORMAL]);
		x = field_draw(&v->nf[i], w, y, 27, cols - 29, s->attr[focus ? ST_SEL : ST_FIELD]);
		if (focus) {
			cy = y;
			cx = x;
		}
		if (i == v->nerr_veld && v->nerr[0] && y + 1 < getmaxy(w)) /* beside the field: right under it */
			screen_put(w, ++y, 27, cols - 29, v->nerr, s->attr[ST_ERROR]);
	}
	if (i_commissies_hint(v, buf, sizeof buf) && y + 1 < getmaxy(w))
		screen_put(w, y + 1, 2, cols - 4, buf, s->attr[ST_DIM]);
	if (cy >= 0)
		app_cursor(a, cy, cx);
}

/* The month of the selected meeting as a grid, Monday first (as calcurse
 * does): per day its number and the commissies that meet; the selected
 * meeting's day in reverse video, today marked with '*'.  Colour is never
 * the only sign: a cancelled meeting is written with '✗'. */
static void draw_maand(struct agenda *v, struct app *a, WINDOW *w)
{
	static const char *const maanden[] = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
					       "augustus", "september", "oktober", "november", "december" };
	static const char *const dagen[] = { "ma", "di", "wo", "do", "vr", "za", "zo" };
	const struct screen *s = &a->scr;
	const struct agenda_vergadering_rij *sel = v->verg.n ? lijst_current(&v->verg) : NULL;
	struct datum nu = today(), d = sel ? sel->datum : nu, eerste;
	int cols = getmaxx(w), cw = (cols - 2) / 7, y = 0, start;
	char buf[160];

	if (cw > 16)
		cw = 16;
	eerste = datum_make(d.y, d.m, 1);
	snprintf(buf, sizeof buf, "Agenda · %s %d", maanden[d.m - 1], d.y);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	screen_put(w, y++, 1, cols - 2, "PgUp/PgDn: maand · ↑/↓: vergadering · Enter: de zaken · m: lijst",
		   s->attr[ST_DIM]);
	for (int k = 0; k < 7; k++)
		screen_put(w, y, 1 + k * cw, cw - 1, dagen[k], s->attr[ST_HEAD]);
	screen_rule(w, ++y, 0, cols, s->attr[ST_NORMAL]);
	y++;
	start = datum_weekday(eerste) - 1; /* cells before the 1st */
	/* lines per week: the day and up to two meetings, fewer when six
	 * weeks must fit in 80x24 */
	int weken = (start + datum_days_in_month(d.y, d.m) + 6) / 7, per = (getmaxy(w) - y) / weken;
	per = per > 3 ? 3 : per < 2 ? 2 : per;
	for (int dag = 1; dag <= datum_days_in_month(d.y, d.m); dag++) {
		int cell = start + dag - 1, row = y + (cell / 7) * per, x = 1 + (cell % 7) * cw, line = 1;
		struct datum cd = datum_make(d.y, d.m, dag);
		int is_sel = sel && datum_cmp(cd, sel->datum) == 0;

		if (row >= getmaxy(w))
			break;
		snprintf(buf, sizeof buf, "%2d%s", dag, datum_cmp(cd, nu) == 0 ? "*" : "");
		screen_put(w, row, x, cw - 1, buf, s->attr[is_sel ? ST_SEL : ST_NORMAL]);
		for (int i = 0; i < v->verg.n && line < per && row + line < getmaxy(w); i++) {
			const struct agenda_vergadering_rij *r = lijst_row(&v->verg, i);

			if (datum_cmp(r->datum, cd) != 0)
				continue;
			snprintf(buf, sizeof buf, "%s%s", r->geannuleerd ? "✗" : "", r->commissie);
			screen_put(w, row + line++, x, cw - 1, buf,
				   s->attr[r == sel ? ST_SEL : r->geannuleerd ? ST_DIM : ST_NORMAL]);
		}
	}
}

/* Kans!overleggen whose gespreksverslag is overdue (004 §3.4). */
static void draw_verslagen(struct agenda *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), y = 0;
	char buf[300], d[32];
	struct datum nu = today();

	snprintf(buf, sizeof buf, "Gespreksverslag Kans!overleg te laat · %d", v->versl.n);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	screen_put(w, y++, 1, cols - 2, "Binnen één week na het overleg (004 §3.4) · Enter: de hulpvraag",
		   s->attr[ST_DIM]);
	y = kopjes(w, y, kol_versl, NKOL(kol_versl), s);
	if (!v->loaded || v->versl.n == 0) {
		draw_empty(v, a, w, y, "Geen gespreksverslag te laat.");
		return;
	}
	fit(&v->versl, w);
	for (int i = v->versl.top; i < v->versl.n && y < getmaxy(w); i++, y++) {
		const struct agenda_verslag_rij *r = lijst_row(&v->versl, i);
		attr_t at = s->attr[i == v->versl.cur ? ST_SEL : ST_NORMAL];

		screen_put_pad(w, y, 0, cols, "", at);
		snprintf(buf, sizeof buf, "%ld", r->nummer);
		screen_put_right(w, y, 1, 7, buf, at);
		screen_put(w, y, 9, 9, r->initialen, at);
		screen_put(w, y, 19, 13, kort(r->datum, d, sizeof d), at);
		snprintf(buf, sizeof buf, "%ld dg", datum_diff(r->datum, nu) - 7);
		screen_put_right(w, y, 33, 7, buf, at);
		screen_put(w, y, 43, cols - 44, r->coordinator, at);
	}
}

static void ag_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct agenda *v = A(p);

	if (v->mode == M_VERSLAGEN)
		draw_verslagen(v, a, w);
	else if (v->mode == M_MAAND)
		draw_maand(v, a, w);
	else if (v->mode == M_NIEUW)
		draw_nieuw(v, a, w);
	else if (v->mode == M_ZAKEN)
		draw_zaken(v, a, w);
	else if (v->mode == M_LEDEN)
		draw_leden(v, a, w);
	else if (v->mode == M_TE_PLANNEN)
		draw_te_plannen(v, a, w);
	else
		draw_vergaderingen(v, a, w);
}

/* ---- loading ---------------------------------------------------------- */

/* The planning target for the commissie of r (see the file comment). */
static void choose_target(struct agenda *v, const struct agenda_vergadering_rij *r)
{
	struct datum nu = today();
	struct agenda_plek sel = plek_of(r);
	struct agenda_vergadering_rij best;
	int found = 0;

	memset(&best, 0, sizeof best);
	v->override = 0;
	if (agenda_plan_check(&sel, nu, 0) == AGENDA_OK) {
		best = *r;
		found = 1;
	}
	for (int i = 0; !found && i < v->verg.n; i++) {
		const struct agenda_vergadering_rij *x = lijst_row(&v->verg, i);
		struct agenda_plek pl = plek_of(x);

		if (!strcmp(x->commissie, r->commissie) && agenda_voorstel(&pl, 1, nu) == 0) {
			best = *x;
			found = 1;
		}
	}
	if (!found && agenda_plan_check(&sel, nu, 1) == AGENDA_OK) {
		best = *r;
		v->override = 1;
		found = 1;
	}
	if (!found)
		snprintf(best.commissie, sizeof best.commissie, "%s", r->commissie);
	v->cur = best;
}

static int load_all(struct agenda *v, struct app *a, struct err *e)
{
	struct agenda_vergadering_rij *vr = NULL;
	int n = 0;
	struct datum nu = today();
	long keep = lijst_current_id(&v->verg);

	/* the commissies first: an appointment's row has no deadline */
	if (!v->ncom && db_agenda_commissies(a->db, a->session.organisatie_id, v->com, MAX_COMMISSIES, &v->ncom, e) < 0)
		return -1;
	/* "mijn week": today and the six days after, the meetings one sits in */
	if (db_agenda_vergaderingen(a->db, a->session.organisatie_id, v->week ? nu : datum_add_days(nu, -42),
				    datum_add_days(nu, v->week ? 6 : 366), NULL, v->week ? a->session.username : NULL, &vr,
				    &n, e) < 0)
		return -1;
	lijst_set(&v->verg, vr, n, 0, 0, keep);
	if (v->first_load) {
		/* start on the first meeting from today on */
		for (int i = 0; i < v->verg.n; i++)
			if (datum_cmp(((struct agenda_vergadering_rij *)lijst_row(&v->verg, i))->datum, nu) >= 0) {
				v->verg.cur = i;
				break;
			}
		lijst_clamp(&v->verg);
		v->first_load = 0;
	}
	if (v->mode == M_ZAKEN && v->cur.id) {
		struct agenda_punt_rij *pr = NULL;
		int at = lijst_find(&v->verg, v->cur.id);

		if (at >= 0)
			v->cur = *(struct agenda_vergadering_rij *)lijst_row(&v->verg, at);
		if (db_agenda_punten(a->db, v->cur.id, &pr, &n, e) < 0)
			return -1;
		lijst_set(&v->zaken, pr, n, 0, 0, lijst_current_id(&v->zaken));
	} else if (v->mode == M_LEDEN && v->cur.id) {
		struct agenda_lid_rij *lr = NULL;
		int at = lijst_find(&v->verg, v->cur.id);

		if (at >= 0)
			v->cur = *(struct agenda_vergadering_rij *)lijst_row(&v->verg, at);
		if (db_agenda_leden(a->db, v->cur.id, &lr, &n, e) < 0)
			return -1;
		lijst_set(&v->leden, lr, n, 0, 0, lijst_current_id(&v->leden));
	} else if (v->mode == M_VERSLAGEN) {
		struct agenda_verslag_rij *vr2 = NULL;

		if (db_agenda_verslagen_te_laat(a->db, a->session.organisatie_id, &vr2, &n, e) < 0)
			return -1;
		lijst_set(&v->versl, vr2, n, 0, 0, lijst_current_id(&v->versl));
	} else if (v->mode == M_TE_PLANNEN) {
		struct agenda_teplannen_rij *tr = NULL;
		int at = v->cur.id ? lijst_find(&v->verg, v->cur.id) : -1;

		if (at >= 0) /* the target as it is now (full by now: choose again) */
			choose_target(v, lijst_row(&v->verg, at));
		if (refdata(v, a, e) < 0)
			return -1;
		for (int i = 0; v->afspraak && !v->cur.commissie[0] && i < v->ncom; i++)
			if (v->com[i].afspraak) /* c: the first afspraak commissie */
				snprintf(v->cur.commissie, sizeof v->cur.commissie, "%s", v->com[i].code);
		if (v->afspraak && !v->cur.commissie[0])
			return err_set(e, "Geen commissie voor afspraken van de coördinator (een agendaregel met "
					  "afspraak = true in de flow, balie-forms(5))");
		if (db_agenda_te_plannen(a->db, v->cur.commissie, &tr, &n, e) < 0)
			return -1;
		if (eigen_afspraken(v, a)) { /* a coördinator plans her own appointments only */
			int k = 0;
			for (int i = 0; i < n; i++)
				if (tr[i].coordinator_id == a->session.account_id)
					tr[k++] = tr[i];
			n = k;
		}
		const struct agenda_commissie *c = find_commissie(v, v->cur.commissie);
		for (int i = 0; i < n; i++)
			if (tr[i].verlenging) /* 001 stap 13: late ones after the summer */
				tr[i].vanaf = agenda_verlenging_vanaf(tr[i].datum, tr[i].deadline, &v->vak,
								      c ? c->regio : 0);
		lijst_set(&v->plan, tr, n, 0, 0, lijst_current_id(&v->plan));
	}
	v->loaded = 1;
	return 0;
}

static int reload(struct agenda *v, struct app *a, int clear)
{
	struct err e;

	err_clear(&e);
	if (load_all(v, a, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — r: opnieuw", e.msg);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->body_msg[0] = '\0';
	if (clear)
		app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int job_load(struct pane *p, struct app *a)
{
	return reload(A(p), a, 1);
}

/* After another session's change: fresh rows, the message line stays (it
 * may say what the person's own last write did). */
static int job_refresh(struct pane *p, struct app *a)
{
	return reload(A(p), a, 0);
}

/* ---- writes ----------------------------------------------------------- */

/* Shows what became of a write; the dialog stays open with its text unless
 * it was saved (or the row is gone). */
static int write_done(struct agenda *v, struct app *a, struct outcome *o, const char *wat)
{
	char note[700];

	outcome_settle(a, o, wat);
	if (o->kind == OUTCOME_SAVED || o->kind == OUTCOME_GONE) {
		dialog_close(&v->base.dlg);
		if (o->kind == OUTCOME_SAVED)
			app_message(a, 0, "%s", o->err.msg);
	} else {
		dialog_note(&v->base.dlg, "%s", outcome_note(o, note, sizeof note));
	}
	return reload(v, a, 0);
}

static int job_plan(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct agenda_capaciteit cap = { v->cur.zaken, v->cur.minuten_per_zaak };
	char *reden = v->override ? dialog_text(&p->dlg) : NULL;
	char *subject = NULL, *body = NULL;
	int van, tot;
	struct outcome o;

	outcome_clear(&o);
	agenda_slot(&cap, v->cur.start, v->cur.eind, v->cur.gepland, &van, &tot);
	if (agenda_mail_gepland(v->dlg_nummer, v->cur.commissie, v->cur.datum, van, tot, v->cur.locatie, v->cur.link,
				&subject, &body) < 0)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		db_agenda_plannen(a->db, v->dlg_id, v->dlg_version, v->cur.id, reden, subject, body, v->key, &o);
	free(reden);
	free(subject);
	free(body);
	return write_done(v, a, &o, "het plannen");
}

static int besluit_next(struct agenda *v, struct app *a, int r);

/* The CT found the pupil toelaatbaar (one outcome, not in a besluitenlijst
 * run): the database set up the TLV beschikking with the meeting's date and
 * its deskundigen as advisers (agendapunt_toelaatbaar, migration 023); the
 * hulpvraag opens on it (001 stap 12–14; the financieel medewerker
 * completes it, 004 §4.1). */
static int open_tlv(struct agenda *v, struct app *a, int r)
{
	int at = lijst_find(&v->zaken, v->dlg_id);
	long h = at >= 0 ? ((const struct agenda_punt_rij *)lijst_row(&v->zaken, at))->hulpvraag_id : 0;
	char ds[DATUM_BUFLEN];

	if (!h)
		return r;
	app_push(a, pane_hulpvraag_new_tlv(a, h));
	app_message(a, 0, "Toelaatbaar: TLV-beschikking klaargezet (advies CT %s)",
		    datum_format(v->cur.datum, ds));
	return r | R_PAINT | R_BARS;
}
static int job_lid_zetten(struct pane *p, struct app *a);
static int job_lid_weg(struct pane *p, struct app *a);

/* Is agendapunt id, in the freshly loaded cases, closed without an outcome
 * (vervallen, or taken off by someone else)? */
static int lapsed(struct agenda *v, long id)
{
	int at = lijst_find(&v->zaken, id);
	const struct agenda_punt_rij *r = at >= 0 ? lijst_row(&v->zaken, at) : NULL;

	return r && !r->open && !r->uitkomst[0];
}

static int job_uitkomst(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	char *note = dialog_text(&p->dlg), *subject = NULL, *body = NULL;
	struct outcome o;

	outcome_clear(&o);
	if (!note || agenda_mail_uitkomst(v->dlg_nummer, v->cur.commissie, v->cur.datum, v->uitkomst, note, &subject,
					  &body) < 0)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		db_agenda_uitkomst(a->db, v->dlg_id, v->dlg_version, v->uitkomst, note, subject, body, &o);
	free(note);
	free(subject);
	free(body);
	int r = write_done(v, a, &o, "de uitkomst");
	if (o.kind == OUTCOME_REFUSED && v->besluit && lapsed(v, v->dlg_id)) {
		/* its status moved on outside the agenda meanwhile: the list goes on */
		dialog_close(&p->dlg);
		app_message(a, 1, "Hulpvraag %ld is vervallen (status buiten de agenda gewijzigd); de volgende",
			    v->dlg_nummer);
		return besluit_next(v, a, r | R_BARS);
	}
	if (o.kind != OUTCOME_SAVED)
		return r;
	v->besloten++;
	if (!v->besluit && !strcmp(v->uitkomst, "toegekend") && !strcmp(v->cur.commissie, "CT"))
		return open_tlv(v, a, r);
	return besluit_next(v, a, r);
}

/* A versioned write of the dialog's row with the reason typed in it. */
typedef enum outcome_kind (*reden_write)(struct db *db, long id, int version, const char *reden, struct outcome *o);

static int write_reden(struct pane *p, struct app *a, reden_write fn, const char *wat)
{
	struct agenda *v = A(p);
	char *reden = dialog_text(&p->dlg);
	struct outcome o;

	outcome_clear(&o);
	if (!reden)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		fn(a->db, v->dlg_id, v->dlg_version, reden, &o);
	free(reden);
	return write_done(v, a, &o, wat);
}

/* What becomes of the open cases pts[0..n) of cancelled meeting weg (of
 * commissie, on date d), into z (its mails allocated, zaken_free):
 * doorschuiven, on to the coming meetings of the commissie with room,
 * oldest first (core's Plan alles) with the mail of the new date; the rest,
 * or all, back to te plannen with the mail that the bespreking lapses. */
static int annulering_zaken(struct agenda *v, const struct agenda_punt_rij *pts, int n, long weg,
			    const char *commissie, struct datum d, struct agenda_annulering_zaak *z)
{
	struct agenda_plek *pl = calloc((size_t)v->verg.n + 1, sizeof *pl);
	struct agenda_vergadering_rij *vm = calloc((size_t)v->verg.n + 1, sizeof *vm);
	int *out = calloc((size_t)n + 1, sizeof *out), nvm = 0, rc = 0;

	for (int i = 0; pl && vm && out && v->doorschuiven && i < v->verg.n; i++) {
		const struct agenda_vergadering_rij *r = lijst_row(&v->verg, i);

		if (!strcmp(r->commissie, commissie) && r->id != weg) {
			vm[nvm] = *r;
			pl[nvm++] = plek_of(r);
		}
	}
	for (int i = 0; out && i < n; i++)
		out[i] = -1;
	if (pl && vm && out && v->doorschuiven)
		agenda_plan_alles(pl, (size_t)nvm, (size_t)n, NULL, today(), out);
	for (int i = 0; pl && vm && out && i < n; i++) {
		const struct agenda_vergadering_rij *m = out[i] >= 0 ? &vm[out[i]] : NULL;
		char *subject = NULL, *body = NULL;

		z[i].hulpvraag_id = pts[i].hulpvraag_id;
		z[i].naar = m ? m->id : 0;
		if (m) {
			struct agenda_capaciteit cap = { m->zaken, m->minuten_per_zaak };
			int van, tot, volgorde = m->gepland;

			for (int k = 0; k < i; k++)
				volgorde += out[k] == out[i];
			agenda_slot(&cap, m->start, m->eind, volgorde, &van, &tot);
			rc |= agenda_mail_gepland(pts[i].nummer, m->commissie, m->datum, van, tot, m->locatie, m->link,
						  &subject, &body);
		} else {
			rc |= agenda_mail_vervalt(pts[i].nummer, commissie, d, &subject, &body);
		}
		z[i].subject = subject;
		z[i].body = body;
	}
	if (!pl || !vm || !out)
		rc = -1;
	free(pl);
	free(vm);
	free(out);
	return rc;
}

static void zaken_free(struct agenda_annulering_zaak *z, int n)
{
	for (int i = 0; z && i < n; i++) {
		free((char *)z[i].subject);
		free((char *)z[i].body);
	}
	free(z);
}

/* Cancels the meeting of the dialog with the reason typed and, in the same
 * transaction, sends its cases on or back to te plannen (each with a mail). */
static int job_annuleer(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct agenda_punt_rij *pts = NULL;
	struct agenda_annulering_zaak *z = NULL;
	int n = 0, at = lijst_find(&v->verg, v->dlg_id);
	char commissie[48] = "";
	struct datum d = { 0 };
	struct outcome o;
	struct err e;

	if (at >= 0) {
		const struct agenda_vergadering_rij *r = lijst_row(&v->verg, at);

		snprintf(commissie, sizeof commissie, "%s", r->commissie);
		d = r->datum;
	}
	/* its open cases as they are before the cancellation closes them */
	if (db_agenda_punten(a->db, v->dlg_id, &pts, &n, &e) < 0) {
		dialog_note(&p->dlg, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	while (n > 0 && !pts[n - 1].open) /* open ones come first */
		n--;
	outcome_clear(&o);
	if (!(z = calloc((size_t)n + 1, sizeof *z)) || annulering_zaken(v, pts, n, v->dlg_id, commissie, d, z) < 0)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		db_agenda_annuleren(a->db, v->dlg_id, v->dlg_version, v->reden, z, n, &o);
	zaken_free(z, n);
	free(pts);
	if (o.kind != OUTCOME_SAVED || n == 0)
		return write_done(v, a, &o, "de annulering");
	dialog_close(&p->dlg);
	app_message(a, 0, "Vergadering geannuleerd; %ld van %d zaken verplaatst, %ld te plannen; %d mail%s", o.nummer,
		    n, n - o.nummer, o.mail, o.mail == 1 ? "" : "s");
	return reload(v, a, 0);
}

/* The typed text of field i (UTF-8) into buf. */
static const char *ntext(struct agenda *v, int i, char *buf, size_t len)
{
	if (field_utf8(&v->nf[i], buf, len) < 0)
		buf[0] = '\0';
	return buf;
}

static int nfout(struct agenda *v, int veld, const char *msg)
{
	v->nerr_veld = veld;
	v->nfocus = veld;
	snprintf(v->nerr, sizeof v->nerr, "%s", msg);
	return R_PAINT | R_BARS;
}

static const struct agenda_commissie *find_commissie(const struct agenda *v, const char *code)
{
	for (int i = 0; i < v->ncom; i++)
		if (!strcasecmp(v->com[i].code, code))
			return &v->com[i];
	return NULL;
}

/* Checks every field (core/agenda) and saves the meeting, or each meeting
 * of the series; a refusal stays beside its field and nothing typed is
 * lost. */
static int job_nieuw(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	char t[NV_COUNT][FIELD_MAX * 4 + 1], wk[8];
	struct agenda_invoer in;
	struct agenda_vergadering m;
	enum agenda_veld veld;
	const struct agenda_commissie *c;
	struct err e;
	struct datum *dates = NULL;
	struct agenda_overgeslagen *skip = NULL;
	size_t n = 1, nskip = 0, saved = 0;
	static const int veld_of[] = { [AV_GEEN] = NV_DATUM, [AV_DATUM] = NV_DATUM, [AV_START] = NV_START,
				       [AV_EIND] = NV_EIND, [AV_ZAKEN] = NV_ZAKEN, [AV_MINUTEN] = NV_MINUTEN,
				       [AV_DEADLINE] = NV_DEADLINE };

	for (int i = 0; i < NV_COUNT; i++)
		ntext(v, i, t[i], sizeof t[i]);
	v->nerr[0] = '\0';
	app_message_clear(a);
	if (!t[NV_COMMISSIE][0])
		return nfout(v, NV_COMMISSIE, "Commissie ontbreekt");
	if (!(c = find_commissie(v, t[NV_COMMISSIE])))
		return nfout(v, NV_COMMISSIE, "Deze organisatie heeft geen commissie met die code");
	if (v->edit_id && strcasecmp(c->code, v->cur.commissie))
		return nfout(v, NV_COMMISSIE, "De commissie van een vergadering verandert niet");
	in = (struct agenda_invoer){ t[NV_DATUM], t[NV_START], t[NV_EIND], t[NV_ZAKEN], t[NV_MINUTEN], t[NV_DEADLINE] };
	if (agenda_invoer_check(&in, &a->kal, c->deadline_werkdagen, &m, &veld, &e) < 0)
		return nfout(v, veld_of[veld], e.msg);
	if (v->edit_id) {
		struct outcome o;
		char note[700];

		if (t[NV_TOT][0] || t[NV_WEKEN][0])
			return nfout(v, NV_TOT, "Een reeks maak je met n (nieuw), niet bij wijzigen");
		db_agenda_vergadering_wijzigen(a->db, v->edit_id, v->edit_version, &m, t[NV_PLAATS], t[NV_LINK], &o);
		if (o.kind != OUTCOME_SAVED) /* the form stays with what was typed */
			return nfout(v, o.kind == OUTCOME_REFUSED ? v->nfocus : NV_DATUM, outcome_note(&o, note, sizeof note));
		app_message(a, 0, "Vergadering bewaard");
		v->mode = M_VERGADERINGEN;
		return reload(v, a, 0);
	}
	if (t[NV_TOT][0]) {
		struct agenda_reeks r = { .soort = AGENDA_WEKELIJKS, .interval = t[NV_WEKEN][0] ? atoi(t[NV_WEKEN]) : 2,
					  .van = m.datum, .regio = c->regio };

		if (t[NV_DEADLINE][0])
			return nfout(v, NV_DEADLINE, "Bij een reeks geldt de deadline per vergadering: laat dit leeg");
		if (datum_parse(t[NV_TOT], &r.tot, &e) < 0)
			return nfout(v, NV_TOT, e.msg);
		if (agenda_reeks_data(&r, &a->kal, v->vak.n ? &v->vak : NULL, &dates, &n, &skip, &nskip, &e) < 0)
			return nfout(v, r.interval < 1 || r.interval > 8 ? NV_WEKEN : NV_TOT, e.msg);
		if (n == 0) {
			free(dates);
			free(skip);
			return nfout(v, NV_TOT, "Geen enkele datum over: alle vallen in een weekend, op een feestdag of in "
						"een schoolvakantie");
		}
	} else if (t[NV_WEKEN][0]) {
		return nfout(v, NV_TOT, "Een reeks heeft een einddatum nodig");
	}
	for (size_t i = 0; i < n; i++) {
		struct outcome o;
		char key[OUTCOME_KEY_LEN];

		if (dates) {
			m.datum = dates[i];
			m.deadline = agenda_deadline(&a->kal, m.datum, c->deadline_werkdagen);
		}
		/* one key per meeting of the series: F2 again after a failure
		 * makes none twice */
		memcpy(key, v->nkey, sizeof key);
		snprintf(wk, sizeof wk, "%04zx", i & 0xffff);
		memcpy(key + OUTCOME_KEY_LEN - 5, wk, 4);
		db_agenda_vergadering_maken(a->db, a->session.organisatie_id, c->code, &m, t[NV_PLAATS], t[NV_LINK], key,
					    &o);
		if (o.kind != OUTCOME_SAVED) {
			char d[DATUM_BUFLEN];

			free(dates);
			free(skip);
			app_message(a, 1, "%zu bewaard; %s: %s", saved, datum_format(m.datum, d), o.err.msg);
			return R_PAINT | R_BARS;
		}
		saved++;
	}
	if (nskip)
		app_message(a, 0, "%zu vergadering%s bewaard; %zu overgeslagen (eerste: %s)", saved, saved == 1 ? "" : "en",
			    nskip, skip[0].reden);
	else
		app_message(a, 0, "%zu vergadering%s bewaard", saved, saved == 1 ? "" : "en");
	free(dates);
	free(skip);
	v->mode = M_VERGADERINGEN;
	return reload(v, a, 0);
}

/* The organisatie's commissies and the schoolvakanties, read once: the
 * form and the verlengingen rule of te plannen need them.  0 / -1 (the
 * commissies could not be read); without the holiday files the message
 * line says so and a series skips only feestdagen. */
/* Te plannen of appointments for a coördinator who may plan only her own
 * (her other roles have no afspraak-plannen; the database says the same). */
static int eigen_afspraken(const struct agenda *v, const struct app *a)
{
	return v->afspraak &&
	       !recht_mag(a->session.roles & ~FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR), RECHT_AFSPRAAK_PLANNEN);
}

static int refdata(struct agenda *v, struct app *a, struct err *e)
{
	char dir[4096];
	struct err ve;

	if (!v->ncom &&
	    db_agenda_commissies(a->db, a->session.organisatie_id, v->com, MAX_COMMISSIES, &v->ncom, e) < 0)
		return -1;
	if (!v->vak.n &&
	    agenda_vakanties_load_dir(&v->vak, paths_data(dir, sizeof dir, "forms/schoolvakanties"), &ve) < 0)
		app_message(a, 1, "Schoolvakanties niet gelezen (%s): alleen feestdagen tellen mee", ve.msg);
	return 0;
}

static int job_commissies(struct pane *p, struct app *a)
{
	struct err e;

	app_message_clear(a);
	if (refdata(A(p), a, &e) < 0)
		app_message(a, 1, "%s", e.msg);
	return R_PAINT | R_BARS;
}

static int job_ontplan(struct pane *p, struct app *a)
{
	return write_reden(p, a, db_agenda_ontplannen, "het van de agenda halen");
}

static int job_verplaats(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	const struct agenda_vergadering_rij *m = &v->naar;
	struct agenda_capaciteit cap = { m->zaken, m->minuten_per_zaak };
	char *reden = p->dlg.tag == DT_VERPLAATS_REDEN ? dialog_text(&p->dlg) : NULL;
	char *subject = NULL, *body = NULL;
	int van, tot;
	struct outcome o;

	outcome_clear(&o);
	agenda_slot(&cap, m->start, m->eind, m->gepland, &van, &tot);
	if (agenda_mail_gepland(v->dlg_nummer, m->commissie, m->datum, van, tot, m->locatie, m->link, &subject,
				&body) < 0)
		outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
	else
		db_agenda_verplaatsen(a->db, v->dlg_id, v->dlg_version, m->id, reden, subject, body, v->key, &o);
	free(reden);
	free(subject);
	free(body);
	return write_done(v, a, &o, "het verplaatsen");
}

static int job_volgorde(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct outcome o;

	db_agenda_volgorde(a->db, v->dlg_id, v->dlg_version, v->richting, &o);
	if (o.kind != OUTCOME_SAVED)
		outcome_show(a, &o, "de volgorde");
	else
		app_message_clear(a);
	return reload(v, a, 0);
}

static void voorstel_release(struct agenda *v)
{
	free(v->vs);
	free(v->vm);
	v->vs = NULL;
	v->vm = NULL;
	v->nvs = v->nvm = 0;
}

/* Applies the reviewed proposal: each case as a planning of its own (the
 * same checks, status change and mail), then one summary. */
static int job_plan_alles(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	int count[OUTCOME_KINDS] = { 0 };
	char tally[300];

	for (int i = 0; i < v->nvs; i++) {
		const struct voorstel *x = &v->vs[i];
		const struct agenda_vergadering_rij *m = &v->vm[x->m];
		struct agenda_capaciteit cap = { m->zaken, m->minuten_per_zaak };
		char *subject = NULL, *body = NULL;
		int van, tot, volgorde = m->gepland;
		struct outcome o;

		/* its slot: after those already on it and those placed before it */
		for (int k = 0; k < i; k++)
			volgorde += v->vs[k].m == x->m;
		agenda_slot(&cap, m->start, m->eind, volgorde, &van, &tot);
		outcome_clear(&o);
		if (agenda_mail_gepland(x->nummer, m->commissie, m->datum, van, tot, m->locatie, m->link, &subject,
					&body) < 0)
			outcome_set(&o, OUTCOME_ERROR, "geen geheugen");
		else
			db_agenda_plannen(a->db, x->h, x->version, m->id, NULL, subject, body, x->key, &o);
		free(subject);
		free(body);
		count[o.kind]++;
	}
	outcome_tally(count, tally, sizeof tally);
	app_message(a, count[OUTCOME_SAVED] != v->nvs, "%d gepland%s%s", count[OUTCOME_SAVED], tally[0] ? ", " : "",
		    tally);
	voorstel_release(v);
	dialog_close(&p->dlg);
	return reload(v, a, 0);
}

/* 1 when the open dialog's text is empty (blanks only); then it says
 * `note` and stays open with what was typed. */
static int leeg(struct dialog *d, const char *note)
{
	char *text = dialog_text(d);
	int empty = !text || !text[strspn(text, " \t\n")];

	free(text);
	if (empty && note)
		dialog_note(d, "%s", note);
	return empty;
}

static int ag_dialog_ok(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	const struct dialog_item *it;

	switch (p->dlg.tag) {
	case DT_PLAN:
		if (v->override && leeg(&p->dlg, "De deadline is verstreken: een reden is verplicht."))
			return R_PAINT;
		return app_start(a, p, job_plan, "Bezig met plannen…");
	case DT_UITKOMST_PICK: {
		char title[160], prompt[300];

		it = dialog_selected(&p->dlg);
		if (!it)
			return R_PAINT;
		if (it->id < 0 || it->id >= FLOW_UITKOMSTEN)
			return R_PAINT;
		snprintf(v->uitkomst, sizeof v->uitkomst, "%s", flow_uitkomst_naam[it->id]);
		snprintf(title, sizeof title, "Uitkomst %s · hulpvraag %ld", v->uitkomst, v->dlg_nummer);
		snprintf(prompt, sizeof prompt, "Toelichting (%s; de aanvrager krijgt die in de mail). F2: bewaren",
			 strcmp(v->uitkomst, "aangehouden") ? "mag leeg blijven" : "verplicht: waarom aangehouden");
		dialog_open_text(&p->dlg, DT_UITKOMST_NOTE, title, prompt, "");
		return R_PAINT | R_BARS;
	}
	case DT_UITKOMST_NOTE:
		if (!strcmp(v->uitkomst, "aangehouden") && leeg(&p->dlg, "Zeg bij aanhouden waarom: de school krijgt de reden."))
			return R_PAINT;
		return app_start(a, p, job_uitkomst, "Bezig met bewaren…");
	case DT_PLAN_ALLES:
		return app_start(a, p, job_plan_alles, "Bezig met plannen…");
	case DT_ONTPLAN:
		if (leeg(&p->dlg, "Een reden is verplicht."))
			return R_PAINT;
		return app_start(a, p, job_ontplan, "Bezig met bewaren…");
	case DT_VERPLAATS_PICK: {
		char prompt[300], d[32];

		it = dialog_selected(&p->dlg);
		if (!it || it->ref < 0 || it->ref >= v->verg.n)
			return R_PAINT;
		v->naar = *(const struct agenda_vergadering_rij *)lijst_row(&v->verg, (int)it->ref);
		outcome_key_new(v->key);
		if (!it->flag) /* the deadline has passed: a reason */
			return app_start(a, p, job_verplaats, "Bezig met verplaatsen…");
		snprintf(prompt, sizeof prompt, "De aanleverdeadline van de %s van %s is verstreken. Reden om toch te "
			 "plannen (verplicht, wordt bewaard):", v->naar.commissie, kort(v->naar.datum, d, sizeof d));
		dialog_open_line(&p->dlg, DT_VERPLAATS_REDEN, "Verplaatsen", prompt, "", 0);
		return R_PAINT | R_BARS;
	}
	case DT_VERPLAATS_REDEN:
		if (leeg(&p->dlg, "De deadline is verstreken: een reden is verplicht."))
			return R_PAINT;
		return app_start(a, p, job_verplaats, "Bezig met verplaatsen…");
	case DT_ANNULEER:
		dialog_open_line(&p->dlg, DT_ANNULEER_REDEN, "Vergadering annuleren",
				 "Reden (verplicht; staat bij de vergadering):", "", 0);
		return R_PAINT | R_BARS;
	case DT_ANNULEER_REDEN: {
		static const struct dialog_item keuze[2] = {
			{ "naar de volgende vergadering met plaats", "de scholen krijgen de nieuwe datum", 1, 0, 0 },
			{ "terug naar te plannen", "de scholen horen dat de bespreking vervalt", 0, 0, 0 },
		};
		char *text;

		if (leeg(&p->dlg, "Een reden is verplicht."))
			return R_PAINT;
		text = dialog_text(&p->dlg);
		snprintf(v->reden, sizeof v->reden, "%s", text ? text : "");
		free(text);
		v->doorschuiven = 0;
		if (v->dlg_gepland == 0)
			return app_start(a, p, job_annuleer, "Bezig met annuleren…");
		dialog_open_pick(&p->dlg, DT_ANNULEER_KEUZE, "Vergadering annuleren", "Wat gebeurt er met haar zaken?",
				 keuze, 2);
		return R_PAINT | R_BARS;
	}
	case DT_LID_PICK: {
		static const char *const rollen[] = { "voorzitter", "secretaris", "deskundige", "orthopedagoog", "lid" };
		struct dialog_item items[5];
		char prompt[300];

		it = dialog_selected(&p->dlg);
		if (!it)
			return R_PAINT;
		v->lid_account = it->id;
		memset(items, 0, sizeof items);
		for (int i = 0; i < 5; i++) {
			snprintf(items[i].label, sizeof items[i].label, "%s", rollen[i]);
			items[i].id = i;
		}
		snprintf(prompt, sizeof prompt, "Welke rol heeft %s in deze vergadering?", it->label);
		dialog_open_pick(&p->dlg, DT_LID_ROL, "Lid erbij", prompt, items, 5);
		return R_PAINT | R_BARS;
	}
	case DT_LID_ROL:
		it = dialog_selected(&p->dlg);
		if (!it)
			return R_PAINT;
		snprintf(v->lid_rol, sizeof v->lid_rol, "%.23s", it->label);
		return app_start(a, p, job_lid_zetten, "Bezig met bewaren…");
	case DT_LID_WEG:
		return app_start(a, p, job_lid_weg, "Bezig met bewaren…");
	case DT_ANNULEER_KEUZE:
		it = dialog_selected(&p->dlg);
		v->doorschuiven = it && it->id == 1;
		return app_start(a, p, job_annuleer, "Bezig met annuleren…");
	}
	return R_PAINT;
}

/* ---- actions ---------------------------------------------------------- */

static int to_mode(struct agenda *v, struct app *a, enum mode m)
{
	v->mode = m;
	v->loaded = 0;
	return app_start(a, &v->base, job_load, "Bezig met laden…");
}

static int open_plan_dialog(struct agenda *v, struct app *a)
{
	const struct agenda_teplannen_rij *h = lijst_current(&v->plan);
	char title[160], prompt[600], d[32], t[32];

	if (!v->cur.id) {
		app_message(a, 1, "Geen vergadering van de %s met plaats: maak er een of kies een andere", v->cur.commissie);
		return R_BARS;
	}
	if (datum_valid(h->vanaf) && datum_cmp(v->cur.datum, h->vanaf) < 0) {
		app_message(a, 1, "Verlenging na de deadline: pas na de zomervakantie, vanaf %s (kies een latere "
			    "vergadering: Esc, t)", datum_format(h->vanaf, d));
		return R_BARS;
	}
	v->dlg_id = h->hulpvraag_id;
	v->dlg_version = h->version;
	v->dlg_nummer = h->nummer;
	outcome_key_new(v->key);
	snprintf(title, sizeof title, "Plannen · hulpvraag %ld", h->nummer);
	if (v->override) {
		snprintf(prompt, sizeof prompt,
			 "Op de %s van %s %s: de aanleverdeadline is verstreken. Reden om toch te plannen (verplicht, "
			 "wordt bewaard). F2: plannen",
			 v->cur.commissie, kort(v->cur.datum, d, sizeof d), tijden(v->cur.start, v->cur.eind, t, sizeof t));
		dialog_open_text(&v->base.dlg, DT_PLAN, title, prompt, "");
	} else {
		snprintf(prompt, sizeof prompt,
			 "Hulpvraag %ld (%s) plannen op de %s van %s %s? Nog %d van %d plaatsen. De aanvrager krijgt een "
			 "mail met datum, tijd en plaats.",
			 h->nummer, h->status, v->cur.commissie, kort(v->cur.datum, d, sizeof d),
			 tijden(v->cur.start, v->cur.eind, t, sizeof t), v->cur.capaciteit - v->cur.gepland,
			 v->cur.capaciteit);
		dialog_open_confirm(&v->base.dlg, DT_PLAN, title, prompt, "Plannen");
	}
	return R_PAINT | R_BARS;
}

static int ag_open(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct lijst *l = active(v);

	if (l->n == 0)
		return R_NONE;
	switch (v->mode) {
	case M_VERGADERINGEN:
	case M_MAAND:
		v->cur = *(const struct agenda_vergadering_rij *)lijst_current(&v->verg);
		lijst_set(&v->zaken, NULL, 0, 0, 0, 0);
		return to_mode(v, a, M_ZAKEN);
	case M_ZAKEN:
		app_push(a, pane_hulpvraag_new(a, ((const struct agenda_punt_rij *)lijst_current(&v->zaken))->hulpvraag_id));
		return R_PAINT | R_BARS;
	case M_TE_PLANNEN:
		if (v->afspraak) { /* the appointment is planned from the hulpvraag (A) */
			app_push(a, pane_hulpvraag_new(a, ((const struct agenda_teplannen_rij *)lijst_current(&v->plan))
							      ->hulpvraag_id));
			return R_PAINT | R_BARS;
		}
		return open_plan_dialog(v, a);
	case M_VERSLAGEN:
		app_push(a, pane_hulpvraag_new(a, ((const struct agenda_verslag_rij *)lijst_current(&v->versl))->hulpvraag_id));
		return R_PAINT | R_BARS;
	case M_NIEUW:
	case M_LEDEN:
		break;
	}
	return R_NONE;
}

static int ag_te_plannen(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	struct agenda_vergadering_rij r;

	if (v->mode == M_TE_PLANNEN)
		return R_DONE;
	if (v->mode == M_ZAKEN)
		r = v->cur;
	else if (v->verg.n)
		r = *(const struct agenda_vergadering_rij *)lijst_current(&v->verg);
	else
		return R_NONE;
	choose_target(v, &r);
	const struct agenda_commissie *c = find_commissie(v, r.commissie);
	v->afspraak = c && c->afspraak; /* its cases are planned one by one as appointments */
	lijst_set(&v->plan, NULL, 0, 0, 0, 0);
	return to_mode(v, a, M_TE_PLANNEN);
}

/* c: te plannen of the coördinators' own appointments (telefonisch consult,
 * categorie 2 en 3); Enter opens the hulpvraag, where A plans one. */
static int ag_afspraken(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_VERGADERINGEN && v->mode != M_MAAND && v->mode != M_ZAKEN)
		return R_NONE;
	memset(&v->cur, 0, sizeof v->cur);
	v->override = 0;
	v->afspraak = 1;
	lijst_set(&v->plan, NULL, 0, 0, 0, 0);
	return to_mode(v, a, M_TE_PLANNEN);
}

/* The outcome pick list for case r. */
static int open_uitkomst(struct agenda *v, const struct agenda_punt_rij *r)
{
	struct dialog_item items[3];
	char title[160], prompt[160];

	memset(items, 0, sizeof items);
	for (int i = 0; i < FLOW_UITKOMSTEN; i++) {
		snprintf(items[i].label, sizeof items[i].label, "%s", flow_uitkomst_naam[i]);
		items[i].id = i;
	}
	snprintf(items[0].extra, sizeof items[0].extra, "toegekend of afgegeven");
	snprintf(items[2].extra, sizeof items[2].extra, "terug naar te plannen, met reden");
	v->dlg_id = r->id;
	v->dlg_version = r->version;
	v->dlg_nummer = r->nummer;
	snprintf(title, sizeof title, "%s · hulpvraag %ld (%s)", v->besluit ? "Besluitenlijst" : "Uitkomst", r->nummer,
		 r->initialen);
	snprintf(prompt, sizeof prompt, "Wat besloot de commissie?%s", v->besluit ? " (Esc: de lijst stoppen)" : "");
	dialog_open_pick(&v->base.dlg, DT_UITKOMST_PICK, title, prompt, items, 3);
	return R_PAINT | R_BARS;
}

static int ag_uitkomst(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_punt_rij *r;

	if (v->mode != M_ZAKEN || v->zaken.n == 0) {
		app_message(a, 1, "Kies eerst een zaak van een vergadering (Enter op de vergadering)");
		return R_BARS;
	}
	r = lijst_current(&v->zaken);
	if (!r->open) {
		app_message(a, 1, "Hulpvraag %ld heeft hier al een uitkomst of is van de agenda gehaald", r->nummer);
		return R_BARS;
	}
	v->besluit = 0;
	return open_uitkomst(v, r);
}

/* The open case under the cursor (with the dialog's ids set), or NULL
 * with the message said. */
static const struct agenda_punt_rij *open_case(struct agenda *v, struct app *a)
{
	const struct agenda_punt_rij *r;

	if (v->mode != M_ZAKEN || v->zaken.n == 0)
		return NULL;
	r = lijst_current(&v->zaken);
	if (!r->open) {
		app_message(a, 1, "Hulpvraag %ld staat hier niet meer open op de agenda", r->nummer);
		return NULL;
	}
	v->dlg_id = r->id;
	v->dlg_version = r->version;
	v->dlg_nummer = r->nummer;
	return r;
}

static int ag_ontplannen(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_punt_rij *r = open_case(v, a);
	char prompt[300];

	if (!r)
		return R_BARS;
	snprintf(prompt, sizeof prompt, "Hulpvraag %ld (%s) van de %s halen? Ze staat daarna weer bij te plannen. "
		 "Reden (verplicht):", r->nummer, r->initialen, v->cur.commissie);
	dialog_open_line(&p->dlg, DT_ONTPLAN, "Van de agenda", prompt, "", 0);
	return R_PAINT | R_BARS;
}

static int ag_volgorde(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (!open_case(v, a))
		return R_BARS;
	v->richting = id == ACT_AG_EERDER ? -1 : 1;
	return app_start(a, p, job_volgorde, "Bezig met bewaren…");
}

/* The meetings of the same commissie a case can move to: coming, not
 * cancelled, with room; flag: the deadline has passed (a reason needed). */
static int ag_verplaatsen(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	struct dialog_item *items;
	struct datum nu = today();
	char title[160], d[32], t[32];
	int n = 0;

	if (!open_case(v, a))
		return R_BARS;
	items = calloc((size_t)v->verg.n + 1, sizeof *items);
	if (!items)
		return R_BARS;
	for (int i = 0; i < v->verg.n; i++) {
		const struct agenda_vergadering_rij *m = lijst_row(&v->verg, i);
		struct agenda_plek pl = plek_of(m);

		if (strcmp(m->commissie, v->cur.commissie) || m->id == v->cur.id ||
		    agenda_plan_check(&pl, nu, 1) != AGENDA_OK)
			continue;
		snprintf(items[n].label, sizeof items[n].label, "%s %s", kort(m->datum, d, sizeof d),
			 tijden(m->start, m->eind, t, sizeof t));
		items[n].flag = agenda_plan_check(&pl, nu, 0) == AGENDA_DEADLINE;
		snprintf(items[n].extra, sizeof items[n].extra, "%d/%d%s", m->gepland, m->capaciteit,
			 items[n].flag ? " · deadline verstreken" : "");
		items[n].ref = i;
		items[n++].id = m->id;
	}
	if (n == 0) {
		free(items);
		app_message(a, 1, "Geen andere vergadering van de %s met plaats", v->cur.commissie);
		return R_BARS;
	}
	snprintf(title, sizeof title, "Verplaatsen · hulpvraag %ld", v->dlg_nummer);
	dialog_open_pick(&p->dlg, DT_VERPLAATS_PICK, title, "Naar welke vergadering? (typ om te zoeken)", items, n);
	free(items);
	return R_PAINT | R_BARS;
}

/* The first open case in order, or NULL. */
static const struct agenda_punt_rij *next_open(struct agenda *v)
{
	for (int i = 0; i < v->zaken.n; i++) {
		const struct agenda_punt_rij *r = lijst_row(&v->zaken, i);

		if (r->open) {
			v->zaken.cur = i;
			lijst_clamp(&v->zaken);
			return r;
		}
	}
	return NULL;
}

/* The besluitenlijst: the outcome of every open case in order, one after
 * the other, at the end of the meeting. */
static int ag_besluitenlijst(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_punt_rij *r;

	if (v->mode != M_ZAKEN)
		return R_NONE;
	if (!(r = next_open(v))) {
		app_message(a, 1, "Geen open zaken op deze vergadering");
		return R_BARS;
	}
	v->besluit = 1;
	v->besloten = 0;
	return open_uitkomst(v, r);
}

/* After an outcome in a besluitenlijst: the next open case, or the end. */
static int besluit_next(struct agenda *v, struct app *a, int r)
{
	const struct agenda_punt_rij *next;

	if (!v->besluit)
		return r;
	if ((next = next_open(v)) != NULL)
		return open_uitkomst(v, next) | r;
	v->besluit = 0;
	app_message(a, 0, "Besluitenlijst klaar: %d uitkomst%s vastgelegd", v->besloten, v->besloten == 1 ? "" : "en");
	return r | R_BARS;
}

static int ag_dialog_cancel(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);

	if (v->besluit) {
		v->besluit = 0;
		app_message(a, 0, "Besluitenlijst gestopt: %d uitkomst%s vastgelegd", v->besloten,
			    v->besloten == 1 ? "" : "en");
	}
	return R_PAINT | R_BARS;
}

static int ag_annuleren(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_vergadering_rij *r;
	char prompt[400], d[32];

	if (v->mode != M_VERGADERINGEN || v->verg.n == 0)
		return R_NONE;
	r = lijst_current(&v->verg);
	if (r->geannuleerd) {
		app_message(a, 1, "Deze vergadering is al geannuleerd");
		return R_BARS;
	}
	v->dlg_id = r->id;
	v->dlg_version = r->version;
	v->dlg_gepland = r->gepland;
	snprintf(prompt, sizeof prompt, "De %s van %s annuleren? Ze heeft %d zaken.", r->commissie,
		 kort(r->datum, d, sizeof d), r->gepland);
	dialog_open_confirm(&p->dlg, DT_ANNULEER, "Vergadering annuleren", prompt, "Annuleren");
	return R_PAINT | R_BARS;
}

/* "Plan alles": proposes (core/agenda) and shows the proposal per meeting
 * for review; nothing is planned before the person says so. */
static int ag_plan_alles(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	struct agenda_plek *pl;
	int *out, placed = 0;
	char prompt[600], d[32];
	size_t used = 0;

	if (v->mode != M_TE_PLANNEN || v->plan.n == 0)
		return R_NONE;
	if (v->afspraak) {
		app_message(a, 1, "Afspraken van de coördinator plan je een voor een: Enter, dan A in de hulpvraag");
		return R_BARS;
	}
	voorstel_release(v);
	v->vm = calloc((size_t)v->verg.n + 1, sizeof *v->vm);
	pl = calloc((size_t)v->verg.n + 1, sizeof *pl);
	v->vs = calloc((size_t)v->plan.n, sizeof *v->vs);
	out = calloc((size_t)v->plan.n, sizeof *out);
	if (!v->vm || !pl || !v->vs || !out) {
		free(pl);
		free(out);
		voorstel_release(v);
		app_message(a, 1, "geen geheugen");
		return R_BARS;
	}
	for (int i = 0; i < v->verg.n; i++) {
		const struct agenda_vergadering_rij *r = lijst_row(&v->verg, i);

		if (!strcmp(r->commissie, v->cur.commissie)) {
			v->vm[v->nvm] = *r;
			pl[v->nvm++] = plek_of(r);
		}
	}
	struct datum *vanaf = calloc((size_t)v->plan.n, sizeof *vanaf);
	for (int i = 0; vanaf && i < v->plan.n; i++)
		vanaf[i] = ((const struct agenda_teplannen_rij *)lijst_row(&v->plan, i))->vanaf;
	agenda_plan_alles(pl, (size_t)v->nvm, (size_t)v->plan.n, vanaf, today(), out);
	free(vanaf);
	for (int i = 0; i < v->plan.n; i++) {
		const struct agenda_teplannen_rij *h = lijst_row(&v->plan, i);

		if (out[i] < 0)
			continue;
		v->vs[v->nvs] = (struct voorstel){ h->hulpvraag_id, h->version, h->nummer, out[i], "" };
		outcome_key_new(v->vs[v->nvs++].key);
	}
	placed = v->nvs;
	used = (size_t)snprintf(prompt, sizeof prompt, "Voorstel voor de %s, oudste eerst:", v->cur.commissie);
	for (int m = 0; m < v->nvm && used < sizeof prompt; m++) {
		int k = 0;

		for (int i = 0; i < v->nvs; i++)
			k += v->vs[i].m == m;
		if (k)
			used += (size_t)snprintf(prompt + used, sizeof prompt - used, " %s: %d;",
						 kort(v->vm[m].datum, d, sizeof d), k);
	}
	if (used < sizeof prompt)
		snprintf(prompt + used, sizeof prompt - used, " %d van de %d passen nu nergens. Elke aanvrager krijgt "
			 "een mail.", v->plan.n - placed, v->plan.n);
	free(pl);
	free(out);
	if (placed == 0) {
		voorstel_release(v);
		app_message(a, 1, "Geen vergadering van de %s met plaats en een open deadline", v->cur.commissie);
		return R_BARS;
	}
	dialog_open_confirm(&p->dlg, DT_PLAN_ALLES, "Plan alles", prompt, "Plannen");
	return R_PAINT | R_BARS;
}

static int ag_nieuw(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_VERGADERINGEN)
		return R_NONE;
	for (int i = 0; i < NV_COUNT; i++)
		field_init(&v->nf[i], nvelden[i].max, nvelden[i].flags);
	v->nfocus = 0;
	v->nerr[0] = '\0';
	v->nerr_veld = NV_COUNT;
	v->edit_id = 0;
	outcome_key_new(v->nkey);
	v->mode = M_NIEUW;
	return app_start(a, p, job_commissies, "Bezig met laden…");
}

/* The form filled with the selected meeting; F2 saves it with its version
 * (someone else first: said under the field, nothing typed is lost). */
static int ag_wijzigen(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_vergadering_rij *r;
	char buf[64], d[DATUM_BUFLEN];

	if (v->mode != M_VERGADERINGEN || v->verg.n == 0)
		return R_NONE;
	r = lijst_current(&v->verg);
	if (r->geannuleerd) {
		app_message(a, 1, "Een geannuleerde vergadering wijzig je niet");
		return R_BARS;
	}
	ag_nieuw(p, a, id);
	v->cur = *r;
	v->edit_id = r->id;
	v->edit_version = r->version;
	field_set(&v->nf[NV_COMMISSIE], r->commissie);
	field_set(&v->nf[NV_DATUM], datum_format(r->datum, d));
	field_set(&v->nf[NV_START], agenda_tijd_format(r->start, buf));
	field_set(&v->nf[NV_EIND], agenda_tijd_format(r->eind, buf));
	field_set(&v->nf[NV_PLAATS], r->locatie);
	field_set(&v->nf[NV_LINK], r->link);
	snprintf(buf, sizeof buf, "%d", r->zaken);
	field_set(&v->nf[NV_ZAKEN], r->zaken ? buf : "");
	snprintf(buf, sizeof buf, "%d", r->minuten_per_zaak);
	field_set(&v->nf[NV_MINUTEN], r->minuten_per_zaak ? buf : "");
	field_set(&v->nf[NV_DEADLINE], datum_format(r->deadline, d));
	v->nfocus = NV_DATUM;
	return app_start(a, p, job_commissies, "Bezig met laden…");
}

static int ag_nieuw_veld(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_NIEUW)
		return R_NONE;
	v->nfocus = (v->nfocus + (id == ACT_FIELD_NEXT ? 1 : NV_COUNT - 1)) % NV_COUNT;
	return R_PAINT;
}

static int ag_bewaren(struct pane *p, struct app *a, enum action_id id)
{
	if (A(p)->mode != M_NIEUW)
		return R_NONE;
	return app_start(a, p, job_nieuw, "Bezig met bewaren…");
}

/* Typed text goes to the focused field of the form. */
static int ag_key(struct pane *p, struct app *a, int key)
{
	struct agenda *v = A(p);

	if (v->mode != M_NIEUW || !field_key(&v->nf[v->nfocus], key))
		return R_NONE;
	return R_PAINT;
}

static enum action_ctx ag_context(const struct pane *p)
{
	return ((const struct agenda *)p)->mode == M_NIEUW ? CTX_VERGADERING : CTX_AGENDA;
}

/* Esc: from the cases or te plannen back to the meetings; then home. */
static int ag_close(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode == M_VERGADERINGEN)
		return app_action_pop(p, a, id);
	if (v->mode == M_MAAND) {
		v->mode = M_VERGADERINGEN;
		return R_PAINT | R_BARS;
	}
	v->mode = M_VERGADERINGEN;
	return app_start(a, p, job_load, "Bezig met laden…");
}

/* In the month grid PgUp/PgDn go to the first meeting of the month before
 * or after; the other keys move through the meetings as in the list. */
static int maand_nav(struct agenda *v, enum action_id id)
{
	const struct agenda_vergadering_rij *cur = lijst_current(&v->verg);
	int y = cur->datum.y, m = cur->datum.m + (id == ACT_PAGE_DOWN ? 1 : -1);

	if (m < 1 || m > 12) {
		y += m < 1 ? -1 : 1;
		m = m < 1 ? 12 : 1;
	}
	for (int i = 0; i < v->verg.n; i++) {
		const struct agenda_vergadering_rij *r = lijst_row(&v->verg, i);

		if (r->datum.y == y && r->datum.m == m) {
			v->verg.cur = i;
			lijst_clamp(&v->verg);
			return R_PAINT;
		}
	}
	return R_DONE; /* no meetings held in that month */
}

static int ag_cursor(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode == M_NIEUW)
		return R_NONE;
	if (v->mode == M_MAAND && v->verg.n && (id == ACT_PAGE_UP || id == ACT_PAGE_DOWN))
		return maand_nav(v, id);
	return app_list_nav(active(v), id);
}

static int ag_verslagen(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_VERGADERINGEN && v->mode != M_MAAND)
		return R_NONE;
	lijst_set(&v->versl, NULL, 0, 0, 0, 0);
	return to_mode(v, a, M_VERSLAGEN);
}

/* W: the meetings list as "mijn week" (the coördinator's, an external
 * member's: the meetings one sits in, today and the next six days), and
 * back to all. */
static int ag_week(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_VERGADERINGEN)
		return R_NONE;
	v->week = !v->week;
	v->first_load = 1; /* the cursor on the first from today on */
	return to_mode(v, a, M_VERGADERINGEN);
}

static int ag_maand(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_VERGADERINGEN && v->mode != M_MAAND)
		return R_NONE;
	v->mode = v->mode == M_MAAND ? M_VERGADERINGEN : M_MAAND;
	return R_PAINT | R_BARS;
}

/* ---- members ------------------------------------------------------------ */

static int ag_leden(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode == M_VERGADERINGEN && v->verg.n > 0)
		v->cur = *(const struct agenda_vergadering_rij *)lijst_current(&v->verg);
	else if (v->mode != M_ZAKEN || !v->cur.id)
		return R_NONE;
	lijst_set(&v->leden, NULL, 0, 0, 0, 0);
	return to_mode(v, a, M_LEDEN);
}

/* The accounts that may join, as a pick list. */
static int job_kandidaten(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct agenda_lid_rij *k = NULL;
	struct dialog_item *items;
	int n = 0;
	struct err e;

	if (db_agenda_kandidaten(a->db, a->session.organisatie_id, v->cur.id, &k, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	if (n == 0) {
		free(k);
		app_message(a, 1, "Iedereen die lid kan worden is al lid");
		return R_PAINT | R_BARS;
	}
	if (!(items = calloc((size_t)n, sizeof *items))) {
		free(k);
		app_message(a, 1, "geen geheugen");
		return R_PAINT | R_BARS;
	}
	for (int i = 0; i < n; i++) {
		snprintf(items[i].label, sizeof items[i].label, "%s", k[i].naam);
		snprintf(items[i].extra, sizeof items[i].extra, "%s", k[i].rol);
		items[i].id = k[i].account_id;
	}
	app_message_clear(a);
	dialog_open_pick(&p->dlg, DT_LID_PICK, "Lid erbij", "Wie komt erbij? (ook een externe deskundige)", items, n);
	free(items);
	free(k);
	return R_PAINT | R_BARS;
}

static int job_lid_zetten(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct outcome o;

	db_agenda_lid_zetten(a->db, v->cur.id, v->lid_account, v->lid_rol, &o);
	int r = write_done(v, a, &o, "het lid");
	if (o.kind == OUTCOME_SAVED && o.nu[0]) /* sits in another meeting at the same time */
		app_message(a, 1, "Let op: %s; toch vastgelegd", o.nu);
	return r;
}

static int job_lid_weg(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	struct outcome o;

	db_agenda_lid_weg(a->db, v->cur.id, v->lid_account, &o);
	return write_done(v, a, &o, "het lid");
}

static int ag_lid_erbij(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode != M_LEDEN || !v->cur.id)
		return R_NONE;
	if (v->cur.geannuleerd) {
		app_message(a, 1, "Deze vergadering is geannuleerd");
		return R_BARS;
	}
	return app_start(a, p, job_kandidaten, "Bezig met laden…");
}

static int ag_lid_weg(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);
	const struct agenda_lid_rij *r;
	char prompt[300];

	if (v->mode != M_LEDEN || v->leden.n == 0)
		return R_NONE;
	r = lijst_current(&v->leden);
	v->lid_account = r->account_id;
	snprintf(prompt, sizeof prompt, "%s (%s) van deze vergadering halen? %s", r->naam, r->rol,
		 r->extern_lid ? "De toegang tot haar zaken via deze vergadering stopt meteen." : "");
	dialog_open_confirm(&p->dlg, DT_LID_WEG, "Lid eraf", prompt, "Eraf");
	return R_PAINT | R_BARS;
}

/* The papers of a meeting: before it its agenda, from its day on the
 * besluitenlijst; PDF and text in the person's export folder. */
static int job_afdrukken(struct pane *p, struct app *a)
{
	struct agenda *v = A(p);
	enum agenda_stuk_soort soort =
		datum_cmp(v->druk.datum, today()) < 0 ? AGENDA_STUK_BESLUITEN : AGENDA_STUK_AGENDA;
	char path[4200];
	struct err e;

	if (agenda_papier_maak(a, &v->druk, soort, bijlagen_home(), path, sizeof path, &e) < 0) {
		app_message(a, 1, "Niet afgedrukt: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	app_message(a, 0, "%s: %s (en .txt)", soort == AGENDA_STUK_AGENDA ? "Agenda" : "Besluitenlijst", path);
	return R_PAINT | R_BARS;
}

static int ag_afdrukken(struct pane *p, struct app *a, enum action_id id)
{
	struct agenda *v = A(p);

	if (v->mode == M_ZAKEN && v->cur.id) {
		v->druk = v->cur;
	} else if (v->mode == M_VERGADERINGEN && v->verg.n > 0) {
		v->druk = *(const struct agenda_vergadering_rij *)lijst_current(&v->verg);
	} else {
		app_message(a, 1, "Kies eerst een vergadering");
		return R_BARS;
	}
	return app_start(a, p, job_afdrukken, "Bezig met afdrukken…");
}

static int ag_ready(const struct pane *p)
{
	return ((const struct agenda *)p)->loaded;
}

static const struct pane_action ag_actions[] = {
	{ ACT_CLOSE, ag_close, 0 },
	{ ACT_AG_OPEN, ag_open, PA_READY },
	{ ACT_AG_TEPLANNEN, ag_te_plannen, PA_READY },
	{ ACT_AG_UITKOMST, ag_uitkomst, PA_READY },
	{ ACT_AG_BESLUITENLIJST, ag_besluitenlijst, PA_READY },
	{ ACT_AG_AFDRUKKEN, ag_afdrukken, PA_READY },
	{ ACT_AG_LEDEN, ag_leden, PA_READY },
	{ ACT_AG_WEEK, ag_week, PA_READY },
	{ ACT_AG_AFSPRAKEN, ag_afspraken, PA_READY },
	{ ACT_AG_LID_ERBIJ, ag_lid_erbij, PA_READY },
	{ ACT_AG_LID_WEG, ag_lid_weg, PA_READY },
	{ ACT_AG_ONTPLANNEN, ag_ontplannen, PA_READY },
	{ ACT_AG_VERPLAATSEN, ag_verplaatsen, PA_READY },
	{ ACT_AG_EERDER, ag_volgorde, PA_READY },
	{ ACT_AG_LATER, ag_volgorde, PA_READY },
	{ ACT_AG_ANNULEREN, ag_annuleren, PA_READY },
	{ ACT_AG_NIEUW, ag_nieuw, PA_READY },
	{ ACT_AG_WIJZIGEN, ag_wijzigen, PA_READY },
	{ ACT_AG_PLAN_ALLES, ag_plan_alles, PA_READY },
	{ ACT_AG_MAAND, ag_maand, PA_READY },
	{ ACT_AG_VERSLAGEN, ag_verslagen, PA_READY },
	{ ACT_AG_BEWAREN, ag_bewaren, 0 },
	{ ACT_FIELD_NEXT, ag_nieuw_veld, 0 },
	{ ACT_FIELD_PREV, ag_nieuw_veld, 0 },
};

/* Another session planned, decided or changed a hulpvraag: reload once. */
static int ag_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	if (ev->organisatie_id != a->session.organisatie_id || p->job || dialog_active(&p->dlg))
		return R_NONE;
	p->job = job_refresh;
	return R_WORK;
}

static void ag_free(struct pane *p)
{
	struct agenda *v = A(p);

	lijst_release(&v->verg);
	lijst_release(&v->zaken);
	lijst_release(&v->plan);
	lijst_release(&v->versl);
	lijst_release(&v->leden);
	agenda_vakanties_release(&v->vak);
	voorstel_release(v);
	free(v);
}

static const struct pane_ops ag_ops = {
	.name = "agenda",
	.title = "Agenda",
	.ctx = CTX_AGENDA,
	.context = ag_context,
	.key = ag_key,
	.draw = ag_draw,
	.actions = ag_actions,
	.nactions = sizeof ag_actions / sizeof ag_actions[0],
	.cursor = ag_cursor,
	.ready = ag_ready,
	.dialog_ok = ag_dialog_ok,
	.dialog_cancel = ag_dialog_cancel,
	.load = job_load,
	.free = ag_free,
	.changed = ag_changed,
};

struct pane *pane_agenda_new(struct app *a)
{
	struct agenda *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &ag_ops;
	v->first_load = 1;
	lijst_init(&v->verg, sizeof(struct agenda_vergadering_rij), verg_id, 0, 0, NULL);
	lijst_init(&v->zaken, sizeof(struct agenda_punt_rij), punt_id, 0, 0, NULL);
	lijst_init(&v->plan, sizeof(struct agenda_teplannen_rij), plan_id, 0, 0, NULL);
	lijst_init(&v->versl, sizeof(struct agenda_verslag_rij), versl_id, 0, 0, NULL);
	lijst_init(&v->leden, sizeof(struct agenda_lid_rij), lid_id, 0, 0, NULL);
	agenda_vakanties_init(&v->vak);
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
