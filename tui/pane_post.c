/* pane_post.c — the post list; see pane_post.h.
 *
 * Layout: a heading with the count, column heads, the rows (ontvangen,
 * van, onderwerp, reden) in the list window of core/lijst.  Reading a
 * message fetches its text with the audit row (db/mailin post_tekst) in a
 * job and shows it in a confirmation whose action is "Afgehandeld"; x
 * asks the same without reading.  Handling is a versioned write. */
#include "tui/pane_post.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "db/mailin.h"
#include "tui/app.h"
#include "tui/outcome.h"
#include "tui/pane_hulpvraag.h"
#include "tui/paths.h"

#define HEAD_ROWS 3 /* heading, column heads, rule */
#define POST_MAX 500 /* rows held; the oldest first, so the work is at the top */
#define W_OP 16

enum { DT_LEZEN = 1, DT_AFHANDELEN, DT_TOEVOEGEN };

struct post {
	struct pane base;
	struct lijst list; /* struct post_rij */
	int loaded, meer;
	long nummer;       /* DT_TOEVOEGEN: the hulpvraag typed */
	char body_msg[600];
};

static struct post *P(struct pane *p)
{
	return (struct post *)p;
}

static long row_id(const void *row)
{
	return ((const struct post_rij *)row)->id;
}

static void po_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct post *v = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[700];
	int y = 0;

	snprintf(buf, sizeof buf, "Post: %d%s %s balie niet zelf kon toevoegen, oudste eerst", v->list.n,
		 v->meer ? "+" : "", v->list.n == 1 ? "bericht dat" : "berichten die");
	screen_put(w, y++, 1, cols - 2, v->loaded ? buf : "Post", s->attr[ST_HEAD]);
	/* what is left after the moment goes to van, onderwerp and reden */
	int x = 1, rest = cols - x - W_OP - 3 - 1;
	int wvan = rest / 4, wond = rest / 3, wred = rest - wvan - wond;
	int xv = x + W_OP + 1, xo = xv + wvan + 1, xr = xo + wond + 1;
	screen_put(w, y, x, W_OP, "Ontvangen", s->attr[ST_HEAD]);
	screen_put(w, y, xv, wvan, "Van", s->attr[ST_HEAD]);
	screen_put(w, y, xo, wond, "Onderwerp", s->attr[ST_HEAD]);
	screen_put(w, y, xr, wred, "Reden", s->attr[ST_HEAD]);
	y++;
	screen_rule(w, y++, 0, cols, s->attr[ST_NORMAL]);
	lijst_set_view(&v->list, rows - HEAD_ROWS > 1 ? rows - HEAD_ROWS : 1);
	if (!v->loaded || v->list.n == 0) {
		const char *m = v->body_msg[0] ? v->body_msg : !v->loaded ? "Bezig met laden…" : "Geen post.";
		screen_put(w, y + 1, 2, cols - 4, m, s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	for (int i = v->list.top; i < v->list.n && y < rows; i++, y++) {
		const struct post_rij *r = lijst_row(&v->list, i);
		attr_t at = s->attr[i == v->list.cur ? ST_SEL : ST_NORMAL];
		screen_put_pad(w, y, 0, cols, "", at);
		screen_put(w, y, x, W_OP, r->ontvangen, at);
		screen_put(w, y, xv, wvan, r->afzender, at);
		screen_put(w, y, xo, wond, r->onderwerp[0] ? r->onderwerp : "(geen onderwerp)", at);
		screen_put(w, y, xr, wred, r->reden, at);
	}
}

static int job_load(struct pane *p, struct app *a)
{
	struct post *v = P(p);
	struct post_rij *rows = NULL;
	int n = 0;
	struct err e;
	long keep = lijst_current_id(&v->list);

	app_progress_done(a);
	if (post_lijst(a->db, a->session.organisatie_id, 0, POST_MAX, &rows, &n, &v->meer, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "Niet geladen: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->body_msg[0] = '\0';
	lijst_set(&v->list, rows, n, 0, 0, keep);
	v->loaded = 1;
	if (v->meer)
		app_message(a, 0, "De oudste %d berichten; handel die eerst af", POST_MAX);
	return R_PAINT | R_BARS;
}

/* The message's text, read with its audit row, in the confirmation whose
 * action is "Afgehandeld". */
static int job_lezen(struct pane *p, struct app *a)
{
	struct post *v = P(p);
	const struct post_rij *r = lijst_current(&v->list);
	char *tekst = NULL, prompt[2048], hv[48] = "";
	struct err e;

	if (!r)
		return R_PAINT;
	if (post_tekst(a->db, r->id, &tekst, &e) < 0) {
		app_message(a, 1, "Niet gelezen: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	app_progress_done(a);
	if (r->hulpvraag_nummer)
		snprintf(hv, sizeof hv, " · hulpvraag %ld (h in de lijst opent hem)", r->hulpvraag_nummer);
	snprintf(prompt, sizeof prompt, "Van %s, %s%s. Reden: %s.\n\n%s", r->afzender, r->ontvangen, hv, r->reden,
		 tekst[0] ? tekst : "(geen tekst)");
	free(tekst);
	/* the dialog holds 600 bytes: cut before a character, and say so */
	if (strlen(prompt) >= sizeof p->dlg.prompt) {
		size_t n = sizeof p->dlg.prompt - 5;
		while (n > 0 && ((unsigned char)prompt[n] & 0xc0) == 0x80)
			n--;
		memcpy(prompt + n, "…", sizeof "…");
	}
	dialog_open_confirm(&p->dlg, DT_LEZEN, r->onderwerp[0] ? r->onderwerp : "(geen onderwerp)", prompt,
			    "Afgehandeld");
	return R_PAINT | R_BARS;
}

static int job_afhandelen(struct pane *p, struct app *a)
{
	struct post *v = P(p);
	const struct post_rij *r = lijst_current(&v->list);
	struct outcome o;

	if (!r)
		return R_PAINT;
	outcome_clear(&o);
	post_afhandelen(a->db, r->id, r->version, &o);
	outcome_settle(a, &o, "de afhandeling");
	return job_load(p, a) | R_PAINT | R_BARS;
}

static int job_toevoegen(struct pane *p, struct app *a)
{
	struct post *v = P(p);
	const struct post_rij *r = lijst_current(&v->list);
	struct mailin_uitkomst u;
	struct outcome o;
	char note[700];

	if (!r)
		return R_PAINT;
	post_toevoegen(a->db, r->id, r->version, v->nummer, paths_datadir(), &u, &o);
	if (o.kind == OUTCOME_REFUSED || o.kind == OUTCOME_GONE) {
		/* the dialog stays with what was typed and says why */
		dialog_note(&p->dlg, "%s", outcome_note(&o, note, sizeof note));
		return R_PAINT | R_BARS;
	}
	dialog_close(&p->dlg);
	outcome_settle(a, &o, "het toevoegen");
	return job_load(p, a) | R_PAINT | R_BARS;
}

/* t: file the message on a hulpvraag after all (the one its token named
 * is offered): a person decides what balie would not. */
static int po_toevoegen(struct pane *p, struct app *a, enum action_id id)
{
	const struct post_rij *r = lijst_current(&P(p)->list);
	char nr[24] = "";

	(void)id;
	if (r->hulpvraag_nummer)
		snprintf(nr, sizeof nr, "%ld", r->hulpvraag_nummer);
	dialog_open_line(&p->dlg, DT_TOEVOEGEN, "Toevoegen aan een hulpvraag",
			 "Aan welke hulpvraag (nummer)?  De tekst wordt een bericht bij de hulpvraag, de bijlagen "
			 "worden bijlagen; daarna is het bericht afgehandeld.",
			 nr, 0);
	return R_PAINT | R_BARS;
}

static int po_lezen(struct pane *p, struct app *a, enum action_id id)
{
	(void)id;
	return app_start(a, p, job_lezen, "Bezig met lezen…");
}

static int po_afhandelen(struct pane *p, struct app *a, enum action_id id)
{
	const struct post_rij *r = lijst_current(&P(p)->list);
	char buf[600];

	(void)id;
	snprintf(buf, sizeof buf, "Het bericht van %s (%s) is afgehandeld?  Het blijft bewaard en verdwijnt uit de post.",
		 r->afzender, r->ontvangen);
	dialog_open_confirm(&p->dlg, DT_AFHANDELEN, "Post afhandelen", buf, "1 bericht afgehandeld");
	return R_PAINT | R_BARS;
}

static int po_hulpvraag(struct pane *p, struct app *a, enum action_id id)
{
	const struct post_rij *r = lijst_current(&P(p)->list);

	(void)id;
	if (!r->hulpvraag_id) {
		app_message(a, 1, "Dit bericht noemt geen hulpvraag (geen of een onbekende antwoordcode)");
		return R_BARS;
	}
	app_push(a, pane_hulpvraag_new(a, r->hulpvraag_id));
	return R_PAINT | R_BARS | R_WORK;
}

static int po_dialog_ok(struct pane *p, struct app *a)
{
	if (p->dlg.tag == DT_TOEVOEGEN) {
		char *t = dialog_text(&p->dlg);
		long long nr;
		struct err e;
		int bad = !t || validate_int(t, 1, 999999999999LL, &nr, "Nummer", &e) < 0;
		if (bad)
			dialog_note(&p->dlg, "%s", t ? e.msg : "geen geheugen");
		free(t);
		if (bad)
			return R_PAINT;
		P(p)->nummer = (long)nr;
		return app_start(a, p, job_toevoegen, "Bezig met toevoegen…");
	}
	dialog_close(&p->dlg);
	return app_start(a, p, job_afhandelen, "Bezig met afhandelen…");
}

static int po_ready(const struct pane *p)
{
	return ((const struct post *)p)->list.n > 0;
}

static const struct pane_action po_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_PO_LEZEN, po_lezen, PA_READY },
	{ ACT_PO_AFHANDELEN, po_afhandelen, PA_READY },
	{ ACT_PO_HULPVRAAG, po_hulpvraag, PA_READY },
	{ ACT_PO_TOEVOEGEN, po_toevoegen, PA_READY },
};

static void po_free(struct pane *p)
{
	lijst_release(&P(p)->list);
	free(p);
}

static const struct pane_ops po_ops = {
	.name = "post",
	.title = "Post",
	.ctx = CTX_POST,
	.draw = po_draw,
	.actions = po_actions,
	.nactions = sizeof po_actions / sizeof po_actions[0],
	.list = offsetof(struct post, list),
	.ready = po_ready,
	.dialog_ok = po_dialog_ok,
	.load = job_load,
	.free = po_free,
};

struct pane *pane_post_new(struct app *a)
{
	struct post *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &po_ops;
	lijst_init(&v->list, sizeof(struct post_rij), row_id, 0, 0, NULL);
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
