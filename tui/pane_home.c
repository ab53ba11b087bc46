/* pane_home.c — the home screen; see pane_home.h.
 *
 * The counts come from db/home.h (row-level security decides what the
 * account sees); this pane only lays them out.  Loading is work done after a
 * paint, so "Bezig met laden…" is on screen while the query runs.
 */
#include "tui/pane_home.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/home.h"
#include "tui/pane_agenda.h"
#include "tui/pane_controle.h"
#include "tui/pane_hulpvraag.h"
#include "tui/pane_queue.h"
#include "tui/pane_totp.h"

struct home {
	struct pane base;
	struct home_count *rows; /* owned */
	int n;
	long total;
	int loaded;   /* rows hold a successful load */
	int top;      /* first table row shown */
	int sel;      /* the chosen category: Enter opens the werkvoorraad on it */
	int shown;    /* table rows that fitted in the last paint */
	char when[16];
	struct home_werk werk; /* the work of the day (db/home.h) */
	int werk_loaded;
};

/* The rows of "Te doen" (issue 13 §2): per role the counts that mean work,
 * each with the key that opens its list (ACT_NONE: none yet). */
struct werk_rij {
	unsigned roles;   /* FLOW_ROLE_BIT set: shown to these roles */
	enum action_id id;
	const char *label;
	size_t count;     /* offsetof() the count in struct home_werk */
};

static const struct werk_rij werk_rijen[] = {
	{ FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN), ACT_HOME_ZONDER_REACTIE,
	  "Nieuw zonder reactie (> 5 werkdagen)", offsetof(struct home_werk, zonder_reactie) },
	{ FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN) | FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR),
	  ACT_TC_LIJST, "Te controleren", offsetof(struct home_werk, te_controleren) },
	{ FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR), ACT_HOME_MIJN, "Mijn werkvoorraad",
	  offsetof(struct home_werk, mijn_open) },
	{ FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL), ACT_TV_LIJST, "Te verwerken (beschikkingen)",
	  offsetof(struct home_werk, te_verwerken) },
	/* the aanvragende school: its own hulpvragen (the werkvoorraad shows
	 * them as "Mijn aanvragen") and how many wait for its aanvulling */
	{ FLOW_ROLE_BIT(FLOW_ROLE_AANVRAGER), ACT_Q_WERKVOORRAAD, "Mijn aanvragen (open)",
	  offsetof(struct home_werk, mijn_aanvragen) },
	{ FLOW_ROLE_BIT(FLOW_ROLE_AANVRAGER), ACT_NONE, "Aanvulling gevraagd (bijlage toevoegen)",
	  offsetof(struct home_werk, aanvulling) },
	/* the regierolhouder (003 §4 stap 1): the hulpvragen it is involved in
	 * (the werkvoorraad shows only those, as "Mijn hulpvragen") */
	{ FLOW_ROLE_BIT(FLOW_ROLE_REGIEROLHOUDER), ACT_Q_WERKVOORRAAD, "Mijn hulpvragen (open)",
	  offsetof(struct home_werk, betrokken) },
	/* the agenda's te-plannen set, every commissie (the agenda opens on
	 * its meetings; p there shows the set of the chosen one) */
	{ FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN), ACT_AG_AGENDA,
	  "Te plannen (agenda)", offsetof(struct home_werk, te_plannen) },
	/* mail balie mail-in could not file by itself (issue 14 §4) */
	{ FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT), ACT_PO_LIJST, "Post (mail niet vanzelf toegevoegd)",
	  offsetof(struct home_werk, post) },
};

#define TABLE_COLS 52
#define COUNT_COLS 10

static struct home *H(struct pane *p)
{
	return (struct home *)p;
}

/* 1234567 → "1.234.567" (Dutch digit grouping). */
static void fmt_count(char *buf, size_t len, long v)
{
	char raw[32];
	int n, o = 0;

	n = snprintf(raw, sizeof raw, "%ld", v < 0 ? -v : v);
	if (v < 0 && (size_t)o + 1 < len)
		buf[o++] = '-';
	for (int i = 0; i < n && (size_t)o + 1 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0 && (size_t)o + 2 < len)
			buf[o++] = '.';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

static void info_line(WINDOW *w, const struct screen *s, int y, const char *label,
		      const char *value)
{
	screen_put(w, y, 2, 14, label, s->attr[ST_NORMAL]);
	screen_put(w, y, 16, getmaxx(w) - 18, value, s->attr[ST_HEAD]);
}

/* "Te doen": the rows of werk_rijen for the session's roles; returns the
 * next free row. */
static int draw_werk(struct home *h, struct app *a, WINDOW *w, int y, int tw)
{
	const struct screen *s = &a->scr;
	int any = 0;

	if (!h->werk_loaded)
		return y;
	for (size_t i = 0; i < sizeof werk_rijen / sizeof werk_rijen[0]; i++) {
		const struct werk_rij *r = &werk_rijen[i];
		const struct action *act = r->id ? action_row(CTX_HOME, r->id) : NULL;
		long n = *(const long *)((const char *)&h->werk + r->count);
		char key[32] = "", num[32], buf[160];
		int k;

		if (!(a->session.roles & r->roles) || (act && !action_allowed(act, a->session.roles)))
			continue;
		if (!any++)
			screen_put(w, y++, 2, tw, "Te doen", s->attr[ST_HEAD]);
		if (act && action_keys(a->opt->keys, act, CTX_HOME, &k, 1) == 1)
			action_key_name(k, key, sizeof key);
		screen_put(w, y, 2, 3, key, s->attr[ST_BAR_KEY]);
		if (r->id == ACT_HOME_MIJN && (h->werk.mijn_te_laat > 0 || h->werk.mijn_nieuw > 0)) {
			/* how many are late, and what is new since they last looked */
			char laat[32], nieuw[32];

			fmt_count(laat, sizeof laat, h->werk.mijn_te_laat);
			fmt_count(nieuw, sizeof nieuw, h->werk.mijn_nieuw);
			snprintf(buf, sizeof buf, "%s (%s%s%s%s%s)", r->label,
				 h->werk.mijn_te_laat > 0 ? laat : "", h->werk.mijn_te_laat > 0 ? " te laat" : "",
				 h->werk.mijn_te_laat > 0 && h->werk.mijn_nieuw > 0 ? ", " : "",
				 h->werk.mijn_nieuw > 0 ? nieuw : "", h->werk.mijn_nieuw > 0 ? " nieuw" : "");
		} else {
			snprintf(buf, sizeof buf, "%s", r->label);
		}
		fmt_count(num, sizeof num, n);
		/* the label may use what the count leaves of its column */
		screen_put(w, y, 5, tw - 4 - screen_width(num), buf, s->attr[ST_NORMAL]);
		screen_put_right(w, y, 2 + tw - COUNT_COLS, COUNT_COLS, num,
				 s->attr[n > 0 && r->id == ACT_HOME_ZONDER_REACTIE ? ST_ERROR : ST_HEAD]);
		y++;
	}
	return any ? y + 1 : y;
}

static void home_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct home *h = H(p);
	const struct screen *s = &a->scr;
	const struct session *ss = &a->session;
	int rows = getmaxy(w), cols = getmaxx(w);
	int tw = cols - 4 < TABLE_COLS ? cols - 4 : TABLE_COLS;
	int cat = tw - COUNT_COLS;
	char buf[256], num[32];
	int y = 1, avail;

	snprintf(buf, sizeof buf, "Welkom, %s", ss->naam[0] ? ss->naam : ss->username);
	screen_put(w, y, 2, cols - 4, buf, s->attr[ST_HEAD]);
	y += 2;
	info_line(w, s, y++, "Gebruiker", ss->username);
	info_line(w, s, y++, strchr(ss->rollen, ',') ? "Rollen" : "Rol", ss->rollen);
	snprintf(buf, sizeof buf, "%s  %s", ss->organisatie_code, ss->organisatie_naam);
	info_line(w, s, y++, "Organisatie", buf);
	y++;
	y = draw_werk(h, a, w, y, tw);

	screen_put(w, y, 2, cat, "Hulpvragen per statuscategorie", s->attr[ST_HEAD]);
	if (h->when[0]) {
		snprintf(buf, sizeof buf, "bijgewerkt %s", h->when);
		screen_put_right(w, y, 2 + tw - 20, 20, buf, s->attr[ST_DIM]);
	}
	y++;
	if (!h->loaded) {
		screen_put(w, y + 1, 2, tw, h->when[0] ? "De aantallen konden niet worden geladen."
						       : "Bezig met laden…",
			   s->attr[ST_DIM]);
		return;
	}
	screen_put(w, y, 2, cat, "Categorie", s->attr[ST_HEAD]);
	screen_put_right(w, y, 2 + cat, COUNT_COLS, "Aantal", s->attr[ST_HEAD]);
	y++;
	screen_rule(w, y++, 2, tw, s->attr[ST_NORMAL]);

	/* rows left for the table body: keep two for the rule and the total */
	avail = rows - y - 2;
	if (avail < 1)
		avail = 1;
	if (h->n == 0) {
		screen_put(w, y++, 2, cat, "Geen hulpvragen", s->attr[ST_DIM]);
		h->shown = 0;
	} else {
		if (h->sel >= h->n)
			h->sel = h->n - 1;
		if (h->sel < h->top)
			h->top = h->sel;
		if (h->sel >= h->top + avail)
			h->top = h->sel - avail + 1;
		if (h->top > h->n - avail)
			h->top = h->n - avail > 0 ? h->n - avail : 0;
		h->shown = 0;
		for (int i = h->top; i < h->n && h->shown < avail; i++, h->shown++) {
			const char *label = h->rows[i].categorie;
			int more_above = h->top > 0 && i == h->top;
			int more_below = i + 1 < h->n && h->shown + 1 == avail;

			if (more_above || more_below) {
				snprintf(buf, sizeof buf, "%s %s", more_above ? "↑" : "↓", label);
				label = buf;
			}
			attr_t at = s->attr[i == h->sel ? ST_SEL : ST_NORMAL];

			/* the whole row in the cursor's attribute: without colour
			 * reverse video is what shows the cursor */
			screen_put_pad(w, y, 2, tw, "", at);
			screen_put_pad(w, y, 2, cat, label, at);
			fmt_count(num, sizeof num, h->rows[i].aantal);
			screen_put_right(w, y, 2 + cat, COUNT_COLS, num, at);
			y++;
		}
	}
	screen_rule(w, y++, 2, tw, s->attr[ST_NORMAL]);
	screen_put(w, y, 2, cat, "Totaal", s->attr[ST_HEAD]);
	fmt_count(num, sizeof num, h->total);
	screen_put_right(w, y, 2 + cat, COUNT_COLS, num, s->attr[ST_HEAD]);
}

static int home_move(struct pane *p, struct app *a, enum action_id id)
{
	struct home *h = H(p);

	if (id == ACT_UP && h->sel > 0)
		h->sel--;
	if (id == ACT_DOWN && h->sel + 1 < h->n)
		h->sel++;
	return R_PAINT;
}

/* w: the whole werkvoorraad; Enter: on the chosen category. */
static int home_werkvoorraad(struct pane *p, struct app *a, enum action_id id)
{
	struct home *h = H(p);

	app_push(a, pane_queue_new(a, id == ACT_Q_OPEN && h->loaded && h->sel < h->n ? h->rows[h->sel].categorie
										: NULL));
	return R_PAINT | R_BARS | R_WORK;
}

static int home_controle(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_controle_new(a));
	return R_PAINT | R_BARS;
}

static int home_open(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_hulpvraag_open_nummer(a));
	return R_PAINT | R_BARS;
}

static int home_intake(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_intake_new(a));
	return R_PAINT | R_BARS;
}

static int home_totp(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_totp_new(a));
	return R_PAINT | R_BARS;
}

/* The commission agenda (issue 11): the only hook it needs here. */
static int home_agenda(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_agenda_new(a));
	return R_PAINT | R_BARS;
}

enum { HOME_DT_AFSLUITEN = 1 };

/* q on the home screen: quit, after a question (Enter: Afsluiten). */
static int home_quit(struct pane *p, struct app *a, enum action_id id)
{
	dialog_open_confirm(&p->dlg, HOME_DT_AFSLUITEN, "Afsluiten", "balie afsluiten?", "Afsluiten");
	p->dlg.ok_focus = 1; /* nothing is lost by quitting from here */
	return R_PAINT | R_BARS;
}

static int home_dialog_ok(struct pane *p, struct app *a)
{
	int tag = p->dlg.tag;

	dialog_close(&p->dlg);
	return tag == HOME_DT_AFSLUITEN ? app_global_action(a, ACT_QUIT) : R_PAINT | R_BARS;
}

/* z: the werkvoorraad on telaat:ja, through the command line's filter verb
 * (the same filter dialog and "Filter: …" line as \ in the werkvoorraad). */
static int home_zonder_reactie(struct pane *p, struct app *a, enum action_id id)
{
	return cmdline_run(a, "filter telaat:ja");
}

static int job_load(struct pane *p, struct app *a);

/* The coördinator looks at Mijn werkvoorraad now: noted first (one short
 * transaction), so "nieuw" counts from here; then the werkvoorraad opens
 * and back here the counts are read again. */
static int job_mijn(struct pane *p, struct app *a)
{
	struct err e;

	err_clear(&e);
	if (home_werkvoorraad_bekeken(a->db, a->session.organisatie_id, &e) < 0)
		app_message(a, 1, "Niet bewaard wanneer je je werkvoorraad zag: %s", e.msg);
	else
		app_message_clear(a);
	p->job = job_load;
	p->work_waiting = 1;
	app_push(a, pane_queue_new(a, NULL));
	return R_PAINT | R_BARS | R_WORK;
}

/* m: the werkvoorraad opens on Mijn werkvoorraad for a coördinator. */
static int home_mijn(struct pane *p, struct app *a, enum action_id id)
{
	return app_start(a, p, job_mijn, "Bezig met openen…");
}

static const struct pane_action home_actions[] = {
	{ ACT_HOME_ZONDER_REACTIE, home_zonder_reactie, 0 },
	{ ACT_HOME_MIJN, home_mijn, 0 },
	{ ACT_BACK, home_quit, 0 },
	{ ACT_Q_OPEN, home_werkvoorraad, 0 },
	{ ACT_Q_WERKVOORRAAD, home_werkvoorraad, 0 },
	{ ACT_TC_LIJST, home_controle, 0 },
	{ ACT_HV_OPEN, home_open, 0 },
	{ ACT_HV_INTAKE, home_intake, 0 },
	{ ACT_TOTP_INSTELLEN, home_totp, 0 },
	{ ACT_AG_AGENDA, home_agenda, 0 },
};

/* The counts (the load job: also "vernieuwen" and after a reconnect). */
static int job_load(struct pane *p, struct app *a)
{
	struct home *h = H(p);
	struct home_count *rows = NULL;
	struct err e;
	int n = 0;
	time_t now = time(NULL);
	struct tm tm;

	err_clear(&e);
	localtime_r(&now, &tm);
	strftime(h->when, sizeof h->when, "%H:%M:%S", &tm);
	if (home_counts(a->db, a->session.organisatie_id, &rows, &n, &e) < 0) {
		app_message(a, 1, "%s — r probeert het opnieuw", e.msg[0] ? e.msg : "Laden mislukt");
		return R_PAINT | R_BARS;
	}
	{
		/* the work of the day: counts from maintained tables */
		char iso[DATUM_BUFLEN];
		struct datum cut = werkdag_overdue_cutoff(&a->kal, datum_today(now), WERKDAG_REACTIE_NORM);

		h->werk_loaded = home_werk(a->db, a->session.organisatie_id, a->session.account_id,
					   datum_format_iso(cut, iso), &h->werk, &e) == 0;
	}
	free(h->rows);
	h->rows = rows;
	h->n = n;
	h->total = 0;
	for (int i = 0; i < n; i++)
		h->total += rows[i].aantal;
	h->loaded = 1;
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* Another session changed a hulpvraag of this organisatie: recount. */
static int home_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	if (ev->organisatie_id != a->session.organisatie_id)
		return R_NONE;
	p->job = job_load;
	return R_WORK;
}

static void home_free(struct pane *p)
{
	struct home *h = H(p);

	free(h->rows);
	free(h);
}

static const struct pane_ops home_ops = {
	.name = "home",
	.title = "Overzicht",
	.ctx = CTX_HOME,
	.draw = home_draw,
	.actions = home_actions,
	.nactions = sizeof home_actions / sizeof home_actions[0],
	.cursor = home_move,
	.load = job_load,
	.free = home_free,
	.changed = home_changed,
	.dialog_ok = home_dialog_ok,
};

struct pane *pane_home_new(struct app *a)
{
	struct home *h = calloc(1, sizeof *h);

	if (!h)
		return NULL;
	h->base.ops = &home_ops;
	h->base.job = job_load;
	a->work_pending = 1; /* load the counts after the first paint */
	return &h->base;
}
