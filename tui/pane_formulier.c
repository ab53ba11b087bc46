/* pane_formulier.c — the Formulieren tab and the form pane; see
 * pane_formulier.h.
 *
 * Form pane layout (80x24 is enough): two header rows (form name,
 * hulpvraag, concept/compleet; the version it was filled against), a rule,
 * then the fields — label left (a * when required now), value right, a
 * Dutch error under a field that has one — scrolled so the current field
 * stays in view, and at the bottom the help text ("?") of the current
 * field.  Single-line values are typed in place; ja/nee, choices and
 * accounts are picked from a list (Enter, Space or F4), long texts open a
 * text editor that wraps and scrolls (tui/dialog.h).  What a value may be
 * is core/form's decision; the pane only keeps the draft: canonical values,
 * and for a field whose text was refused the text itself and the error.
 */
#include "tui/pane_formulier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/field.h"
#include "tui/outcome.h"
#include "tui/paths.h"

/* ------------------------------------------------------------ the tab -- */

void formtab_load(struct formtab *t, struct app *a, long hulpvraag_id)
{
	struct formulier_item *items = NULL;
	int n = 0;
	struct err e;

	t->stale = 0;
	if (formulier_list(a->db, hulpvraag_id, &items, &n, &e) < 0) {
		snprintf(t->err, sizeof t->err, "Formulieren niet geladen: %s", e.msg);
		return;
	}
	free(t->items);
	t->items = items;
	t->n = n;
	t->err[0] = '\0';
	t->loaded = 1;
	if (t->sel >= n)
		t->sel = n > 0 ? n - 1 : 0;
}

void formtab_release(struct formtab *t)
{
	free(t->items);
	memset(t, 0, sizeof *t);
}

int formtab_row(const struct formtab *t)
{
	return t->n > 0 ? t->sel + 1 : -1;
}

int formtab_draw(struct formtab *t, struct app *a, WINDOW *p, int width)
{
	const struct screen *s = &a->scr;
	int y = 0, wn = width - 46;

	if (t->err[0]) {
		screen_put(p, y++, 1, width - 2, t->err, s->attr[ST_ERROR]);
		return y;
	}
	if (t->n == 0) {
		screen_put(p, y++, 1, width - 2,
			   t->loaded ? "Nog geen formulieren.  f: formulier toevoegen" : "Bezig met laden…",
			   s->attr[ST_DIM]);
		return y;
	}
	screen_put(p, y, 1, wn, "Formulier", s->attr[ST_HEAD]);
	screen_put(p, y, width - 45, 18, "Door", s->attr[ST_HEAD]);
	screen_put(p, y, width - 26, 16, "Gewijzigd", s->attr[ST_HEAD]);
	screen_put(p, y, width - 9, 8, "Compleet", s->attr[ST_HEAD]);
	y++;
	for (int i = 0; i < t->n; i++) {
		const struct formulier_item *it = &t->items[i];
		attr_t at = s->attr[i == t->sel ? ST_SEL : ST_NORMAL];
		screen_put_pad(p, y, 0, width, "", at);
		screen_put(p, y, 1, wn, it->naam, at);
		screen_put(p, y, width - 45, 18, it->door[0] ? it->door : "—", at);
		screen_put(p, y, width - 26, 16, it->op, at);
		screen_put(p, y, width - 9, 8, it->compleet ? "✓ ja" : "✗ nee", at);
		y++;
	}
	y++;
	screen_put(p, y++, 1, width - 2, "Enter: formulier openen · f: formulier toevoegen", s->attr[ST_DIM]);
	return y;
}

static struct pane *formulier_pane(struct app *a, struct formtab *tab, struct pane *owner, long hulpvraag_id,
				   long org, long id);

int formtab_action(struct formtab *t, struct app *a, struct pane *owner, enum action_id id, long hulpvraag_id,
		   long organisatie_id)
{
	struct pane *p;

	switch (id) {
	case ACT_UP:
		if (t->sel > 0)
			t->sel--;
		return R_PAINT;
	case ACT_DOWN:
		if (t->sel + 1 < t->n)
			t->sel++;
		return R_PAINT;
	case ACT_HV_FORM_OPEN:
		if (t->n == 0) {
			app_message(a, 0, "Nog geen formulieren: f voegt er een toe");
			return R_BARS;
		}
		p = formulier_pane(a, t, owner, hulpvraag_id, organisatie_id, t->items[t->sel].id);
		break;
	case ACT_HV_FORM_ADD:
		p = formulier_pane(a, t, owner, hulpvraag_id, organisatie_id, 0);
		break;
	default:
		return R_NONE;
	}
	if (!p)
		return R_NONE;
	app_push(a, p);
	return R_PAINT | R_BARS;
}

/* ----------------------------------------------------------- the pane -- */

enum tag { T_CHOOSE_FORM = 1, T_PICK, T_TEXT, T_LEAVE };

#define HEAD_ROWS 3 /* name, version line, rule */
#define HELP_ROWS 3 /* rule + two rows of help */
#define LABEL_W 30

struct fpane {
	struct pane base;
	struct formtab *tab;  /* of the hulpvraag pane under this one */
	struct pane *owner;
	long hulpvraag_id, org, id;
	struct formulier *f;  /* NULL until loaded */
	char **values;        /* the draft: canonical values, f->def->nfields */
	char **typed;         /* text that was refused (shown, not saved) */
	char **errors;        /* the error next to a field */
	char **names;         /* account names */
	int cur, top;
	struct field edit;    /* the current single-line field */
	int dirty;            /* changes not saved */
	int esc_armed;        /* unused: leaving asks (T_LEAVE) */
	int close_after_save; /* "Bewaren" of the leave question: back once saved */
	long pick;            /* definition chosen to add */
	char body_msg[600];
	char key[OUTCOME_KEY_LEN]; /* idempotency key of the add (made when the pane opens) */
	struct outcome pending;    /* an add or save whose COMMIT was cut off */
	int buiten;                /* not the SWV's back office: fields marked intern are read-only */
};

static struct fpane *F(struct pane *p)
{
	return (struct fpane *)p;
}

static const struct form_def *def(const struct fpane *v)
{
	return v->f ? v->f->def : NULL;
}

static const char *const *vals(const struct fpane *v)
{
	return (const char *const *)v->values;
}

static int inline_type(const struct form_field *f)
{
	switch (f->type) {
	case FORM_TEKST:
		return !f->multiline;
	case FORM_JANEE:
	case FORM_KEUZE:
	case FORM_MEERKEUZE:
	case FORM_ACCOUNT:
		return 0;
	default:
		return 1;
	}
}

static void set_str(char **slot, const char *s)
{
	free(*slot);
	*slot = s ? strdup(s) : NULL;
}

/* Puts field cur's current text into the edit field. */
static void enter_field(struct fpane *v)
{
	const struct form_field *f = &def(v)->fields[v->cur];
	char buf[FORM_MAX_VALUE + 1];
	int max = f->type == FORM_TEKST && f->maxlen < FIELD_MAX ? (int)f->maxlen : FIELD_MAX;

	field_init(&v->edit, max, 0);
	if (!inline_type(f))
		return;
	if (v->typed[v->cur])
		field_set(&v->edit, v->typed[v->cur]);
	else
		field_set(&v->edit, form_format(def(v), (size_t)v->cur, v->values[v->cur], buf, sizeof buf));
}

/* The rule errors of every field with a value (a date after another one
 * may become wrong when that one changes); refused texts keep theirs. */
static void recheck(struct fpane *v)
{
	struct err e;

	for (size_t i = 0; i < def(v)->nfields; i++) {
		if (v->typed[i])
			continue;
		set_str(&v->errors[i], form_check_field(def(v), vals(v), i, &e) < 0 ? e.msg : NULL);
	}
}

/* Sets field i to canonical value canon (NULL: none). */
static void set_value(struct fpane *v, size_t i, const char *canon)
{
	const char *old = v->values[i];

	if ((old && canon && !strcmp(old, canon)) || (!old && !canon))
		return;
	set_str(&v->values[i], canon);
	v->dirty = 1;
	v->esc_armed = 0;
}

/* Leaving the current field: check what was typed in it. */
static void leave_field(struct fpane *v)
{
	const struct form_field *f;
	char text[FIELD_MAX * 4 + 1], *canon = NULL;
	struct err e;

	if (!v->f)
		return;
	f = &def(v)->fields[v->cur];
	if (inline_type(f) && field_utf8(&v->edit, text, sizeof text) == 0) {
		if (form_validate(def(v), (size_t)v->cur, text, &canon, &e) < 0) {
			set_str(&v->typed[v->cur], text);
			set_str(&v->errors[v->cur], e.msg);
			set_value(v, (size_t)v->cur, NULL);
		} else {
			set_str(&v->typed[v->cur], NULL);
			set_value(v, (size_t)v->cur, canon);
			free(canon);
		}
	}
	recheck(v);
}

/* The next shown field from cur in direction dir; cur when none. */
static int next_shown(const struct fpane *v, int from, int dir)
{
	int n = (int)def(v)->nfields;

	for (int i = from + dir; i >= 0 && i < n; i += dir)
		if (form_visible(def(v), vals(v), (size_t)i))
			return i;
	return from;
}

static int go_field(struct fpane *v, struct app *a, int dir)
{
	leave_field(v);
	int to = next_shown(v, v->cur, dir);
	if (to == v->cur && !form_visible(def(v), vals(v), (size_t)v->cur))
		to = next_shown(v, -1, 1);
	v->cur = to;
	enter_field(v);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* The field is the SWV's and this account is not (fp_key refuses edits). */
static int locked(const struct fpane *v, const struct form_field *f)
{
	return f->intern && v->buiten;
}

/* --------------------------------------------------------------- drawing */

/* Display text of field i: its value, the refused text, or a dash. */
static void value_text(const struct fpane *v, size_t i, char *buf, size_t len)
{
	const struct form_field *f = &def(v)->fields[i];

	if (v->typed[i]) {
		snprintf(buf, len, "%s", v->typed[i]);
		return;
	}
	if (!v->values[i]) {
		snprintf(buf, len, "—");
		return;
	}
	if (f->type == FORM_ACCOUNT) {
		snprintf(buf, len, "%s", v->names[i] && v->names[i][0] ? v->names[i] : v->values[i]);
		return;
	}
	form_format(def(v), i, v->values[i], buf, len);
	if (f->type == FORM_MEERKEUZE)
		for (char *c = buf; *c; c++)
			if (*c == '\n')
				*c = ';';
}

/* Draws the fields into pad p; fills rows[i] with each field's first row
 * (-1 hidden); returns the rows used. */
/* The text of one field as drawn: pupil data, so wiped when a form pane is
 * freed (static: 20 KB is too much for the stack of a draw). */
static char field_text[FORM_MAX_VALUE + 1];

static int draw_fields(struct fpane *v, struct app *a, WINDOW *p, int width, int *rows)
{
	const struct screen *s = &a->scr;
	char *buf = field_text;
	const size_t buflen = sizeof field_text;
	int y = 0, vw = width - LABEL_W - 3;

	for (size_t i = 0; i < def(v)->nfields; i++) {
		const struct form_field *f = &def(v)->fields[i];
		char label[300];
		int cur = (int)i == v->cur;

		rows[i] = -1;
		if (!form_visible(def(v), vals(v), i))
			continue;
		rows[i] = y;
		snprintf(label, sizeof label, "%s%s%s", f->label, form_required(def(v), vals(v), i) ? " *" : "",
			 f->intern ? " (SWV)" : "");
		int lr = screen_wrap(p, y, 1, LABEL_W, 3, label, s->attr[cur ? ST_HEAD : ST_NORMAL]);
		value_text(v, i, buf, buflen);
		int maxr = f->multiline ? (cur ? 6 : 3) : 2;
		attr_t va = s->attr[v->typed[i] ? ST_ERROR : cur ? ST_SEL : ST_FIELD];
		int vr;
		if (cur && inline_type(f) && !locked(v, f)) {
			vr = 1; /* the edit field is drawn on the window itself */
		} else {
			vr = screen_wrap(p, y, LABEL_W + 2, vw, maxr, buf, va);
			if (vr == 0)
				vr = 1;
		}
		y += lr > vr ? lr : vr;
		if (v->errors[i]) {
			snprintf(label, sizeof label, "⚠ %s", v->errors[i]);
			y += screen_wrap(p, y, LABEL_W + 2, vw, 2, label, s->attr[ST_ERROR]);
		}
	}
	return y;
}

static void help_text(const struct fpane *v, char *buf, size_t len)
{
	const struct form_field *f = &def(v)->fields[v->cur];
	static const char *const hint[FORM_TYPE_COUNT] = {
		[FORM_TEKST] = "tekst",
		[FORM_DATUM] = "datum als dd-mm-jjjj",
		[FORM_JANEE] = "ja of nee: Enter of Spatie kiest, j/n typt",
		[FORM_KEUZE] = "een keuze: Enter of Spatie opent de lijst",
		[FORM_MEERKEUZE] = "meerdere keuzes: Enter zet er één aan of uit",
		[FORM_BEDRAG] = "bedrag in euro, bijv. 8.500,00 of 8500",
		[FORM_GETAL] = "een geheel getal",
		[FORM_EMAIL] = "e-mailadres",
		[FORM_TELEFOON] = "telefoonnummer",
		[FORM_POSTCODE] = "postcode, bijv. 1234 AB",
		[FORM_BRIN] = "BRIN, bijv. 14SS of 14SS01",
		[FORM_ACCOUNT] = "een account: Enter opent de lijst",
	};
	const char *h = f->type == FORM_TEKST && f->multiline ? "lange tekst: Enter opent de editor (F2 klaar)"
							      : hint[f->type];

	if (f->intern && v->buiten)
		h = "vult het samenwerkingsverband in";
	snprintf(buf, len, "%s%s(%s%s)", f->help, f->help[0] ? "  " : "", h,
		 f->notify ? "; krijgt bij bewaren een mail" : "");
}


static void fp_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct fpane *v = F(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char buf[1200];

	if (!v->f) {
		screen_put(w, rows / 2 - 1, 2, cols - 4,
			   v->body_msg[0] ? v->body_msg : "Bezig met laden…",
			   s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	const char *state = v->f->compleet ? "compleet" : "concept";
	snprintf(buf, sizeof buf, "%s · hulpvraag %ld", v->f->naam, v->f->nummer);
	screen_put(w, 0, 1, cols - 24, buf, s->attr[ST_HEAD]);
	snprintf(buf, sizeof buf, "%s%s", v->dirty ? "niet bewaard · " : "", state);
	screen_put_right(w, 0, cols - 24, 23, buf, s->attr[v->dirty ? ST_ERROR : v->f->compleet ? ST_OK : ST_DIM]);
	if (v->f->definitie_versie != v->f->nieuwste_versie)
		snprintf(buf, sizeof buf, "Ingevuld met versie %d van dit formulier (nieuwste: %d) · * = verplicht",
			 v->f->definitie_versie, v->f->nieuwste_versie);
	else
		snprintf(buf, sizeof buf, "* = verplicht · laatst bewaard %s%s%s", v->f->gewijzigd_op,
			 v->f->gewijzigd_door[0] ? " door " : "", v->f->gewijzigd_door);
	screen_put(w, 1, 1, cols - 2, buf, s->attr[ST_DIM]);
	screen_rule(w, 2, 0, cols, s->attr[ST_NORMAL]);

	int view = rows - HEAD_ROWS - HELP_ROWS;
	int *frow = calloc(def(v)->nfields + 1, sizeof *frow);
	WINDOW *pad = newpad((int)def(v)->nfields * 10 + 10, cols);
	if (pad && frow) {
		int total = draw_fields(v, a, pad, cols, frow);
		int cy = frow[v->cur] < 0 ? 0 : frow[v->cur];
		if (cy < v->top)
			v->top = cy;
		if (cy + 3 > v->top + view)
			v->top = cy + 3 - view;
		if (v->top > total - view)
			v->top = total - view;
		if (v->top < 0)
			v->top = 0;
		int last = total - v->top < view ? total - v->top : view;
		if (last > 0)
			copywin(pad, w, v->top, 0, HEAD_ROWS, 0, HEAD_ROWS + last - 1, cols - 1, FALSE);
		if (v->top > 0)
			screen_put(w, HEAD_ROWS - 1, cols - 12, 11, " ↑ meer ", s->attr[ST_DIM]);
		if (v->top + view < total)
			screen_put(w, rows - HELP_ROWS, cols - 12, 11, " ↓ meer ", s->attr[ST_DIM]);
		const struct form_field *f = &def(v)->fields[v->cur];
		if (inline_type(f) && !locked(v, f) && frow[v->cur] >= 0 && cy - v->top < view && !dialog_active(&v->base.dlg)) {
			int x = field_draw(&v->edit, w, HEAD_ROWS + cy - v->top, LABEL_W + 2, cols - LABEL_W - 4,
					   s->attr[ST_SEL]);
			app_cursor(a, HEAD_ROWS + cy - v->top, x);
		}
	}
	if (pad)
		delwin(pad);
	free(frow);
	screen_rule(w, rows - HELP_ROWS, 0, cols - 13, s->attr[ST_DIM]);
	help_text(v, buf, sizeof buf);
	screen_wrap(w, rows - HELP_ROWS + 1, 1, cols - 2, HELP_ROWS - 1, buf, s->attr[ST_DIM]);
}

/* ---------------------------------------------------------------- input */

static int job_available(struct pane *p, struct app *a);
static int job_add(struct pane *p, struct app *a);
static int job_load(struct pane *p, struct app *a);
static int job_save(struct pane *p, struct app *a);
static int job_accounts(struct pane *p, struct app *a);

static int start(struct fpane *v, struct app *a, pane_job_fn job, const char *what)
{
	return app_start(a, &v->base, job, what);
}

/* Opens the list or editor of the current field. */
static int choose(struct fpane *v, struct app *a)
{
	const struct form_field *f = &def(v)->fields[v->cur];
	struct dialog_item *items;
	char prompt[400];
	int n = 0;

	if (inline_type(f))
		return R_NONE;
	if (locked(v, f)) {
		app_message(a, 1, "%s vult het samenwerkingsverband in", f->label);
		return R_BARS;
	}
	if (f->type == FORM_ACCOUNT)
		return start(v, a, job_accounts, "Bezig met ophalen van de accounts…");
	if (f->type == FORM_TEKST) {
		snprintf(prompt, sizeof prompt, "%s (F2: klaar, Esc: annuleren)", f->help[0] ? f->help : f->label);
		dialog_open_text(&v->base.dlg, T_TEXT, f->label, prompt, v->values[v->cur] ? v->values[v->cur] : "");
		return R_PAINT | R_BARS;
	}
	static const char *const jn[2] = { "ja", "nee" };
	size_t count = f->type == FORM_JANEE ? 2 : f->nchoices;
	if (!(items = calloc(count + 1, sizeof *items)))
		return R_NONE;
	for (size_t i = 0; i < count; i++) {
		const char *c = f->type == FORM_JANEE ? jn[i] : f->choices[i];
		snprintf(items[n].label, sizeof items[n].label, "%s", c);
		if (f->type == FORM_MEERKEUZE) {
			int on = 0;
			for (const char *p = v->values[v->cur]; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "")
				on |= !strncmp(p, c, strlen(c)) && (p[strlen(c)] == '\n' || !p[strlen(c)]);
			snprintf(items[n].extra, sizeof items[n].extra, "%s", on ? "✓ gekozen" : "");
		}
		items[n].id = (long)i + 1;
		n++;
	}
	snprintf(items[n].label, sizeof items[n].label, "(leeg laten)");
	items[n].id = 0;
	n++;
	snprintf(prompt, sizeof prompt, "%s", f->type == FORM_MEERKEUZE ? "Enter zet de keuze aan of uit:" : "Kies:");
	dialog_open_pick(&v->base.dlg, T_PICK, f->label, prompt, items, n);
	for (int i = 0; i < v->base.dlg.nshown; i++)
		if (v->values[v->cur] && !strcmp(v->base.dlg.items[v->base.dlg.shown[i]].label, v->values[v->cur]))
			v->base.dlg.sel = i;
	free(items);
	return R_PAINT | R_BARS;
}

/* A choice was picked in the list of the current field. */
static void picked(struct fpane *v, const struct dialog_item *it)
{
	const struct form_field *f = &def(v)->fields[v->cur];
	char *canon = NULL, *joined;
	struct err e;

	if (!it)
		return;
	if (f->type == FORM_ACCOUNT) {
		char id[24];
		snprintf(id, sizeof id, "%ld", it->id);
		set_value(v, (size_t)v->cur, it->id ? id : NULL);
		set_str(&v->names[v->cur], it->id ? it->label : NULL);
	} else if (it->id == 0) {
		set_value(v, (size_t)v->cur, NULL);
	} else if (f->type == FORM_MEERKEUZE) {
		/* toggle: the list without it, or with it added */
		const char *cur = v->values[v->cur] ? v->values[v->cur] : "";
		size_t n = strlen(it->label);
		int on = 0;
		for (const char *p = cur; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "")
			on |= !strncmp(p, it->label, n) && (p[n] == '\n' || !p[n]);
		if (on) {
			char *copy = strdup(cur), *out = calloc(strlen(cur) + 2, 1), *save = NULL;
			for (char *t = copy ? strtok_r(copy, "\n", &save) : NULL; t && out; t = strtok_r(NULL, "\n", &save))
				if (strcmp(t, it->label))
					strcat(strcat(out, *out ? "\n" : ""), t);
			free(copy);
			joined = out;
		} else if (asprintf(&joined, "%s%s%s", cur, *cur ? "\n" : "", it->label) < 0) {
			joined = NULL;
		}
		if (joined && form_validate(def(v), (size_t)v->cur, joined, &canon, &e) == 0)
			set_value(v, (size_t)v->cur, canon);
		free(canon);
		free(joined);
	} else {
		set_value(v, (size_t)v->cur, it->label);
	}
	set_str(&v->typed[v->cur], NULL);
	recheck(v);
}

static int fp_key(struct pane *p, struct app *a, int key)
{
	struct fpane *v = F(p);
	const struct form_field *f;

	if (!v->f)
		return R_NONE;
	f = &def(v)->fields[v->cur];
	if (locked(v, f)) {
		if (key == TK_ENTER)
			return go_field(v, a, 1);
		if (key == ' ' || (key >= 32 && key < 0x110000 && key != 127) || key == 127 || key == 8) {
			app_message(a, 1, "%s vult het samenwerkingsverband in", f->label);
			return R_BARS;
		}
		return R_NONE;
	}
	if (key == TK_ENTER)
		return inline_type(f) ? go_field(v, a, 1) : choose(v, a);
	if (inline_type(f)) {
		if (field_key(&v->edit, key)) {
			v->dirty = 1;
			v->esc_armed = 0;
			return R_PAINT | R_BARS;
		}
		return R_NONE;
	}
	if (f->type == FORM_JANEE && (key == 'j' || key == 'J' || key == 'n' || key == 'N')) {
		set_value(v, (size_t)v->cur, key == 'j' || key == 'J' ? "ja" : "nee");
		recheck(v);
		return R_PAINT | R_BARS;
	}
	if (key == ' ')
		return choose(v, a);
	return R_NONE;
}

/* Esc in the list of forms to add (no form yet): back to the hulpvraag. */
static int fp_dialog_cancel(struct pane *p, struct app *a)
{
	if (!F(p)->f)
		app_pop(a); /* no form chosen to add */
	return R_PAINT | R_BARS;
}

static int fp_dialog_ok(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);

	switch (p->dlg.tag) {
	case T_CHOOSE_FORM: {
		const struct dialog_item *it = dialog_selected(&p->dlg);
		if (!it)
			return R_PAINT;
		v->pick = it->id;
		dialog_close(&p->dlg);
		return start(v, a, job_add, "Bezig met toevoegen…");
	}
	case T_LEAVE:
		if (dialog_choice(&p->dlg) == DIALOG_NIET_BEWAREN) {
			dialog_close(&p->dlg);
			app_pop(a);
			return R_PAINT | R_BARS;
		}
		dialog_close(&p->dlg);
		if (!v->f)
			return R_PAINT | R_BARS;
		leave_field(v);
		v->close_after_save = 1;
		return start(v, a, job_save, "Bezig met bewaren…");
	case T_PICK:
		picked(v, dialog_selected(&p->dlg));
		dialog_close(&p->dlg);
		return R_PAINT | R_BARS;
	case T_TEXT: {
		char *text = dialog_text(&p->dlg), *canon = NULL;
		struct err e;
		if (!text)
			return R_PAINT;
		if (form_validate(def(v), (size_t)v->cur, text, &canon, &e) < 0) {
			dialog_note(&p->dlg, "%s", e.msg);
			free(text);
			return R_PAINT;
		}
		set_value(v, (size_t)v->cur, canon);
		set_str(&v->errors[v->cur], NULL);
		free(canon);
		free(text);
		dialog_close(&p->dlg);
		recheck(v);
		return R_PAINT | R_BARS;
	}
	}
	return R_PAINT;
}

static int fp_unsaved(const struct pane *p)
{
	return F((struct pane *)p)->dirty;
}

static int fp_action(struct pane *p, struct app *a, enum action_id id)
{
	struct fpane *v = F(p);

	if (id == ACT_CLOSE) {
		if (v->f)
			leave_field(v);
		if (v->dirty) {
			/* one key never drops what was typed: ask, Bewaren first */
			dialog_open_save(&p->dlg, T_LEAVE, "Formulier verlaten",
					 "Het formulier heeft wijzigingen die niet bewaard zijn.");
			return R_PAINT | R_BARS;
		}
		app_pop(a);
		return R_PAINT | R_BARS;
	}
	if (!v->f)
		return R_NONE;
	switch (id) {
	case ACT_FIELD_NEXT:
		return go_field(v, a, 1);
	case ACT_FIELD_PREV:
		return go_field(v, a, -1);
	case ACT_FORM_CHOOSE:
		return choose(v, a);
	case ACT_FORM_SAVE:
		leave_field(v);
		return start(v, a, job_save, "Bezig met bewaren…");
	default:
		return R_NONE;
	}
}

/* ----------------------------------------------------------------- work */

/* Frees a string of pupil data after wiping it. */
static void wipe_free(char *s)
{
	if (s)
		explicit_bzero(s, strlen(s));
	free(s);
}

static void release_draft(struct fpane *v)
{
	for (size_t i = 0; v->f && i < def(v)->nfields; i++) {
		wipe_free(v->values[i]);
		wipe_free(v->typed[i]);
		free(v->errors[i]);
		free(v->names[i]);
	}
	free(v->values);
	free(v->typed);
	free(v->errors);
	free(v->names);
	v->values = v->typed = v->errors = v->names = NULL;
	formulier_free(&v->f);
}

/* The owner's list is out of date: it reloads when it is on top again. */
static void owner_stale(struct fpane *v)
{
	v->tab->stale = 1;
	v->owner->work_waiting = 1;
}

static int load(struct fpane *v, struct app *a)
{
	struct formulier *f = NULL;
	struct err e;
	enum hv_result r = formulier_load(a->db, v->id, &f, &e);
	size_t n;

	if (r != HV_OK) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — Esc: terug", e.msg);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	release_draft(v);
	v->f = f;
	n = f->def->nfields + 1;
	v->values = calloc(n, sizeof *v->values);
	v->typed = calloc(n, sizeof *v->typed);
	v->errors = calloc(n, sizeof *v->errors);
	v->names = calloc(n, sizeof *v->names);
	if (!v->values || !v->typed || !v->errors || !v->names) {
		release_draft(v);
		snprintf(v->body_msg, sizeof v->body_msg, "onvoldoende geheugen — Esc: terug");
		return R_PAINT | R_BARS;
	}
	for (size_t i = 0; i < f->def->nfields; i++) {
		set_str(&v->values[i], f->values[i]);
		set_str(&v->names[i], f->names[i]);
	}
	v->cur = form_visible(f->def, vals(v), 0) ? 0 : next_shown(v, 0, 1);
	v->dirty = 0;
	recheck(v);
	enter_field(v);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* Fields whose typed text was refused (not saved). */
static int refused_fields(const struct fpane *v)
{
	int refused = 0;

	for (size_t i = 0; i < def(v)->nfields; i++)
		refused += v->typed[i] != NULL;
	return refused;
}

/* After a save: what is still missing, in the message line. */
static void say_saved(struct fpane *v, struct app *a, const char *msg)
{
	struct form_problem pr[4];
	size_t n = form_problems(def(v), vals(v), pr, 4);
	char buf[600];
	size_t used = (size_t)snprintf(buf, sizeof buf, "%s", msg);
	int refused = refused_fields(v);

	for (size_t i = 0; i < n && i < 4 && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? "; " : ": ", pr[i].msg);
	if (refused && used < sizeof buf)
		snprintf(buf + used, sizeof buf - used, " (%d %s met een fout niet bewaard)", refused,
			 refused == 1 ? "veld" : "velden");
	app_message(a, n > 0 || refused, "%s", buf);
}

/* What became of a save (tui/outcome says it); UNKNOWN is found out now or
 * after the reconnect. */
static int saved(struct fpane *v, struct app *a, struct outcome *o, int done)
{
	char line[600];

	if (!outcome_settle(a, o, "het formulier")) {
		v->pending = *o;
		return R_PAINT | R_BARS;
	}
	outcome_clear(&v->pending);
	outcome_line(o, "het formulier", line, sizeof line);
	switch (o->kind) {
	case OUTCOME_SAVED:
		v->f->version = o->version;
		v->f->compleet = o->resolved ? form_complete(def(v), vals(v)) : done;
		v->dirty = 0;
		v->esc_armed = 0;
		owner_stale(v);
		say_saved(v, a, line);
		if (v->close_after_save && !refused_fields(v))
			app_pop(a); /* saved as asked when leaving: go */
		v->close_after_save = 0;
		return R_PAINT | R_BARS;
	case OUTCOME_CONFLICT: {
		v->close_after_save = 0; /* stay: the person decides again */
		/* keep the typed values; take the new version so F2 saves them */
		struct formulier *fresh = NULL;
		struct err le;
		if (formulier_load(a->db, v->id, &fresh, &le) == HV_OK) {
			v->f->version = fresh->version;
			formulier_free(&fresh);
			app_message(a, 1, "%s. F2 bewaart jouw invoer over die wijziging heen", line);
		}
		return R_PAINT | R_BARS;
	}
	default:
		v->close_after_save = 0;
		return R_PAINT | R_BARS; /* the typed values stay: F2 tries again */
	}
}

static int save(struct fpane *v, struct app *a)
{
	struct outcome o;
	int done = 0;

	formulier_save(a->db, v->id, v->f->version, vals(v), paths_datadir(), NULL, &done, &o);
	return saved(v, a, &o, done);
}

/* What became of the add: the form opens, or the pane goes. */
static int added(struct fpane *v, struct app *a, struct outcome *o)
{
	int r;

	if (!outcome_settle(a, o, "het formulier")) {
		v->pending = *o;
		return R_PAINT | R_BARS;
	}
	outcome_clear(&v->pending);
	if (o->kind != OUTCOME_SAVED) {
		app_pop(a);
		return R_PAINT | R_BARS;
	}
	v->id = o->id;
	owner_stale(v);
	r = load(v, a);
	app_message(a, 0, "Formulier toegevoegd: vul het in en bewaar met F2");
	return r;
}

static int job_available(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);
	struct formulier_item *it = NULL;
	struct dialog_item *items;
	struct err e;
	int n = 0;

	if (formulier_available(a->db, v->org, &it, &n, &e) < 0 || n == 0) {
		app_message(a, 1, "%s", n == 0 && !it ? e.msg : "Deze organisatie heeft geen formulieren");
		free(it);
		app_pop(a);
		return R_PAINT | R_BARS;
	}
	items = calloc((size_t)n, sizeof *items);
	for (int i = 0; items && i < n; i++) {
		items[i].id = it[i].id;
		snprintf(items[i].label, sizeof items[i].label, "%s", it[i].naam);
		snprintf(items[i].extra, sizeof items[i].extra, "versie %d", it[i].versie);
	}
	if (items)
		dialog_open_pick(&p->dlg, T_CHOOSE_FORM, "Formulier toevoegen",
				 "Welk formulier voeg je toe aan deze hulpvraag? (typ om te zoeken)", items, n);
	free(items);
	free(it);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int job_add(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);
	struct outcome o;
	long id = 0;

	formulier_add(a->db, v->hulpvraag_id, v->pick, v->key, &id, &o);
	return added(v, a, &o);
}

static int job_settle(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);
	struct outcome o = v->pending;

	return v->f ? saved(v, a, &o, 0) : added(v, a, &o);
}

static int job_load(struct pane *p, struct app *a)
{
	return load(F(p), a);
}

static int job_save(struct pane *p, struct app *a)
{
	return save(F(p), a);
}

static int job_accounts(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);
	const struct form_field *f = &def(v)->fields[v->cur];
	struct hv_item *it = NULL;
	struct err e;
	int n = 0;

	if (formulier_accounts(a->db, v->f->organisatie_id, f->roles, &it, &n, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	if (dialog_open_pick_items(&p->dlg, T_PICK, f->label,
				   f->notify ? "Kies een account (krijgt bij bewaren een mail):" : "Kies een account:", it, n,
				   "(niemand)", 0) == 0)
		for (int i = 0; i < p->dlg.nshown; i++)
			if (v->values[v->cur] && p->dlg.items[p->dlg.shown[i]].id == atol(v->values[v->cur]))
				p->dlg.sel = i;
	free(it);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

/* Back after a lost connection: a draft stays as it is (F2 saves it with
 * the version check); a pane that had nothing yet loads again. */
static int fp_reconnected(struct pane *p, struct app *a)
{
	struct fpane *v = F(p);

	if (p->job)
		return R_PAINT;
	if (v->pending.kind == OUTCOME_UNKNOWN) {
		p->job = job_settle;
		return R_WORK;
	}
	if (v->f)
		return R_PAINT;
	p->job = v->id ? job_load : job_available;
	return R_WORK;
}

static void fp_free(struct pane *p)
{
	struct fpane *v = F(p);

	release_draft(v);
	free(v);
	explicit_bzero(field_text, sizeof field_text);
}

static const struct pane_ops fp_ops = {
	.name = "formulier",
	.title = "Formulier",
	.ctx = CTX_FORMULIER,
	.draw = fp_draw,
	.key = fp_key,
	.action = fp_action,
	.dialog_ok = fp_dialog_ok,
	.dialog_cancel = fp_dialog_cancel,
	.free = fp_free,
	.reconnected = fp_reconnected,
	.unsaved = fp_unsaved,
};

/* id 0: first choose a form to add. */
static struct pane *formulier_pane(struct app *a, struct formtab *tab, struct pane *owner, long hulpvraag_id,
				   long org, long id)
{
	struct fpane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &fp_ops;
	v->tab = tab;
	v->owner = owner;
	v->hulpvraag_id = hulpvraag_id;
	v->org = org;
	v->id = id;
	/* "in te vullen door PPO" (intern, migration 031): the database refuses
	 * anyone else; the pane says so before anything is typed */
	v->buiten = !(a->session.roles & (FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL) |
					   FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR) | FLOW_ROLE_BIT(FLOW_ROLE_ADMIN)));
	v->base.job = id ? job_load : job_available;
	if (!id)
		outcome_key_new(v->key); /* the add sent twice makes one form */
	a->work_pending = 1;
	return &v->base;
}
