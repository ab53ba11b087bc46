/* cmdline.c — the `:` command line; see cmdline.h. */
#include "tui/cmdline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "tui/app.h"
#include "tui/pane_controle.h"
#include "tui/pane_hulpvraag.h"
#include "tui/pane_looptijd.h"
#include "tui/pane_post.h"
#include "tui/pane_queue.h"

/* A pane opened by a verb goes on the stack like one opened by its key; a
 * full stack says so instead of silently dropping the new screen. */
static int push(struct app *a, struct pane *p, int reactions)
{
	if (a->depth >= APP_MAX_PANES) {
		app_pane_free(p);
		app_message(a, 1, "Te veel schermen open: ga eerst een paar terug (Esc)");
		return R_BARS;
	}
	app_push(a, p);
	return reactions;
}

/* The rulebook asks as for the key of the same action on the home screen. */
static int allowed(struct app *a, enum action_id id)
{
	const struct action *row = action_row(CTX_HOME, id);

	if (row && !action_allowed(row, a->session.roles)) {
		app_message(a, 1, "Dat mag jouw rol niet: %s", recht_tabel[row->recht - 1].label);
		return 0;
	}
	return 1;
}

static int v_werkvoorraad(struct app *a, const char *arg)
{
	(void)arg;
	if (!allowed(a, ACT_Q_WERKVOORRAAD))
		return R_BARS;
	return push(a, pane_queue_new(a, NULL), R_PAINT | R_BARS | R_WORK);
}

static int v_controle(struct app *a, const char *arg)
{
	(void)arg;
	if (!allowed(a, ACT_TC_LIJST))
		return R_BARS;
	return push(a, pane_controle_new(a), R_PAINT | R_BARS);
}

/* :nieuw — a leerling; :nieuw groep, :nieuw school — a group or school */
static int v_nieuw(struct app *a, const char *arg)
{
	if (!allowed(a, ACT_HV_INTAKE))
		return R_BARS;
	if (!strcmp(arg, "groep") || !strcmp(arg, "school"))
		return push(a, pane_intake_new_groep(a, arg), R_PAINT | R_BARS);
	if (*arg) {
		app_message(a, 1, "Na :nieuw komt niets, groep of school");
		return R_BARS;
	}
	return push(a, pane_intake_new(a), R_PAINT | R_BARS);
}

/* The filter of the werkvoorraad, through its own filter dialog (so the
 * same check and the same "Filter: …" line); from another screen the
 * werkvoorraad opens first. */
static int v_filter(struct app *a, const char *arg)
{
	struct pane *p;
	int r = R_PAINT | R_BARS;

	if (app_context(a) != CTX_QUEUE) {
		r = v_werkvoorraad(a, "");
		if (app_context(a) != CTX_QUEUE)
			return r;
	}
	p = app_top(a);
	r |= app_run_action(a, ACT_Q_FILTER);
	if (!dialog_active(&p->dlg))
		return r;
	field_set(&p->dlg.line, arg);
	return r | app_run_action(a, ACT_DLG_OK);
}

/* :dossier 88 — the pupil's dossier of hulpvraag 88: the hulpvraag on its
 * tab Dossier (where d opens the dossier to keep it up). */
static int v_dossier(struct app *a, const char *arg)
{
	long long n;
	struct err e;

	if (!*arg) {
		app_message(a, 1, "Geef het nummer van de hulpvraag, bijvoorbeeld :dossier 88");
		return R_BARS;
	}
	if (validate_int(arg, 1, 999999999999LL, &n, "Nummer", &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_BARS;
	}
	return push(a, pane_hulpvraag_open_dossier_n(a, (long)n), R_PAINT | R_BARS | R_WORK);
}

/* :verloopt and :evalueren — the lists by end date, as b and e on the home screen */
static int v_verloopt(struct app *a, const char *arg)
{
	(void)arg;
	if (!allowed(a, ACT_LT_VERLOOPT))
		return R_BARS;
	return push(a, pane_looptijd_new(a, LT_VERLOOPT), R_PAINT | R_BARS | R_WORK);
}

static int v_evalueren(struct app *a, const char *arg)
{
	(void)arg;
	if (!allowed(a, ACT_LT_EVALUEREN))
		return R_BARS;
	return push(a, pane_looptijd_new(a, LT_EVALUEREN), R_PAINT | R_BARS | R_WORK);
}

static int v_post(struct app *a, const char *arg)
{
	(void)arg;
	if (!allowed(a, ACT_PO_LIJST))
		return R_BARS;
	return push(a, pane_post_new(a), R_PAINT | R_BARS);
}

static int v_help(struct app *a, const char *arg)
{
	(void)arg;
	return app_global_action(a, ACT_HELP);
}

static int v_vergrendelen(struct app *a, const char *arg)
{
	(void)arg;
	return app_global_action(a, ACT_LOCK);
}

static int v_afsluiten(struct app *a, const char *arg)
{
	(void)arg;
	return app_run_action(a, ACT_QUIT);
}

const struct cmdline_verb cmdline_verbs[] = {
	{ "werkvoorraad", "w", "", "Opent de werkvoorraad", v_werkvoorraad },
	{ "te-controleren", "t", "", "Opent de hulpvragen die op compleetheid gecontroleerd moeten worden",
	  v_controle },
	{ "filter", "f", "TEKST", "Filtert de werkvoorraad (opent die zo nodig), zoals \\ of F4", v_filter },
	{ "nieuw", "n", "[groep|school]", "Voert een nieuwe hulpvraag in (voor een leerling, groep of school)", v_nieuw },
	{ "dossier", "d", "NUMMER", "Opent het dossier van de leerling van hulpvraag NUMMER", v_dossier },
	{ "post", "p", "", "Opent de post: mail die balie niet zelf bij een hulpvraag kon voegen", v_post },
	{ "help", "h", "", "Toont de toetsen van dit scherm", v_help },
	{ "vergrendelen", NULL, "", "Scherm op slot", v_vergrendelen },
	{ "afsluiten", "q", "", "Sluit balie af", v_afsluiten },
	{ "verloopt", NULL, "", "Opent de TLV's en aanpakken die binnenkort aflopen", v_verloopt },
	{ "evalueren", NULL, "", "Opent de arrangementen die geëvalueerd moeten worden", v_evalueren },
};
const size_t cmdline_nverbs = sizeof cmdline_verbs / sizeof cmdline_verbs[0];

int cmdline_active(const struct cmdline *c)
{
	return c->active;
}

int cmdline_open(struct app *a)
{
	a->cmd.active = 1;
	field_init(&a->cmd.line, FIELD_MAX, 0);
	return R_BARS;
}

static void close_line(struct app *a)
{
	field_clear(&a->cmd.line);
	a->cmd.active = 0;
}

int cmdline_complete(char *text, size_t len, char *list, size_t len2)
{
	size_t plen = strlen(text), used = 0;
	const char *first = NULL;
	size_t common = 0;
	int n = 0;

	if (list && len2)
		list[0] = '\0';
	if (strchr(text, ' '))
		return 0; /* the verb is complete: what follows is its argument */
	for (size_t i = 0; i < cmdline_nverbs; i++) {
		const char *v = cmdline_verbs[i].name;

		if (strncmp(v, text, plen) != 0)
			continue;
		if (!first) {
			first = v;
			common = strlen(v);
		} else {
			size_t k = 0;
			while (k < common && v[k] == first[k])
				k++;
			common = k;
		}
		if (list && used + 1 < len2)
			used += (size_t)snprintf(list + used, len2 - used, "%s%s", n ? ", " : "", v);
		n++;
	}
	if (n == 1)
		snprintf(text, len, "%s ", first);
	else if (n > 1 && common > plen)
		snprintf(text, len, "%.*s", (int)common, first);
	return n;
}

/* Runs the typed line: a number opens that hulpvraag, else a verb (its
 * name or alias) with the rest as argument. */
static int run_line(struct app *a, char *text)
{
	char *s = text, *arg;
	long long n;
	struct err e;

	while (*s == ' ' || *s == ':')
		s++;
	for (char *end = s + strlen(s); end > s && end[-1] == ' ';)
		*--end = '\0';
	if (!*s)
		return R_BARS;
	if (*s >= '0' && *s <= '9') {
		if (validate_int(s, 1, 999999999999LL, &n, "Nummer", &e) < 0) {
			app_message(a, 1, "%s", e.msg);
			return R_BARS;
		}
		return push(a, pane_hulpvraag_open_nummer_n(a, (long)n), R_PAINT | R_BARS | R_WORK);
	}
	arg = strchr(s, ' ');
	if (arg) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	} else {
		arg = s + strlen(s);
	}
	for (size_t i = 0; i < cmdline_nverbs; i++) {
		const struct cmdline_verb *v = &cmdline_verbs[i];

		if (!strcmp(s, v->name) || (v->alias && !strcmp(s, v->alias)))
			return v->run(a, arg);
	}
	app_message(a, 1, "Onbekende opdracht ':%s' — Tab vult aan, :help toont de toetsen", s);
	return R_BARS;
}

int cmdline_run(struct app *a, const char *line)
{
	char text[FIELD_MAX * 4 + 1];

	snprintf(text, sizeof text, "%s", line);
	return run_line(a, text);
}

int cmdline_key(struct app *a, int key)
{
	char text[FIELD_MAX * 4 + 1], list[400];
	int r;

	switch (key) {
	case TK_ESC:
		close_line(a);
		return R_BARS;
	case TK_ENTER:
		if (field_utf8(&a->cmd.line, text, sizeof text) < 0)
			text[0] = '\0';
		close_line(a);
		r = run_line(a, text);
		return r | R_BARS;
	case TK_TAB:
		if (field_utf8(&a->cmd.line, text, sizeof text) < 0)
			return R_BARS;
		r = cmdline_complete(text, sizeof text, list, sizeof list);
		field_set(&a->cmd.line, text);
		if (r == 0)
			app_message(a, 1, "Geen opdracht begint zo");
		else if (r > 1)
			app_message(a, 0, "%s", list);
		return R_BARS;
	case TK_BACKSPACE:
		if (a->cmd.line.len == 0) {
			close_line(a);
			return R_BARS;
		}
		break;
	}
	field_key(&a->cmd.line, key);
	return R_BARS;
}

void cmdline_draw(struct app *a, WINDOW *w)
{
	int cols = getmaxx(w);

	int fw = a->msg[0] ? cols / 2 : cols - 2;

	screen_put(w, 0, 0, 2, ":", a->scr.attr[ST_HEAD]);
	a->cmd.cx = field_draw(&a->cmd.line, w, 0, 1, fw, a->scr.attr[ST_NORMAL]);
	/* completions and errors beside the line, not over it */
	if (a->msg[0])
		screen_put(w, 0, fw + 2, cols - fw - 3, a->msg, a->scr.attr[a->msg_error ? ST_ERROR : ST_DIM]);
}
