/* pane_bijlagen.c — the bijlagen of a hulpvraag; see pane_bijlagen.h.
 *
 * Columns at 80x24: naam, categorie, type, grootte, datum; the line under
 * the list gives the chosen bijlage in full (name, uploader, moment).  From
 * 100 columns on, "door" is a column too.  Database work only in work();
 * the file picker and the viewer are panes of their own on top. */
#include "tui/pane_bijlagen.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bestand.h"
#include "core/bijlage.h"
#include "db/bijlage.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"
#include "tui/paths.h"

enum tag { DT_CATEGORIE = 1, DT_EXPORT, DT_REMOVE, DT_STATUS_VRAAG };

struct blpane {
	struct pane base;
	long hv_id, nummer;
	struct lijst list;     /* struct bijlage rows and the cursor */
	long select_id;        /* after a reload: put the cursor here */
	char path[4096];       /* the file chosen to add, or the export target */
	char categorie[256];
	char body_msg[600];
	int loaded;
	/* the idempotency key of the add: the same file and category keep it
	 * until it is saved, so adding again after a cut-off COMMIT never
	 * makes a second bijlage */
	char key[OUTCOME_KEY_LEN];
	char key_for[4096 + 260];
	struct outcome pending;  /* an add or removal whose COMMIT was cut off */
	const char *pending_wat;
	/* SWV staff adding on the school's behalf: the status the flow's
	 * automatic rule would make, and whether they chose to leave it */
	char auto_naar[FLOW_NAME_BUF], auto_nu[FLOW_NAME_BUF];
	int status_laten;
};

static struct blpane *P(struct pane *p)
{
	return (struct blpane *)p;
}

static long bijlage_id(const void *row)
{
	return ((const struct bijlage *)row)->id;
}

static void bl_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct blpane *v = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	int wide = cols >= 100;
	int cw = 18, tw = 11, gw = 9, dw = 11, ow = wide ? 20 : 0;
	int nw = cols - 2 - cw - tw - gw - dw - ow;
	char buf[800], size[32];
	int y = 0;

	snprintf(buf, sizeof buf, "Bijlagen van hulpvraag %ld (%d)", v->nummer, v->list.n);
	screen_put(w, y++, 1, cols - 2, buf, s->attr[ST_HEAD]);
	y++;
	if (!v->loaded || v->list.n == 0) {
		screen_put(w, y + 1, 2, cols - 4,
			   v->body_msg[0] ? v->body_msg
			   : v->loaded    ? "Nog geen bijlagen.  a: een bestand van de server toevoegen"
					  : "Bezig met laden…",
			   s->attr[v->body_msg[0] ? ST_ERROR : ST_DIM]);
		return;
	}
	int x = 1;
	screen_put(w, y, x, nw - 1, "Naam", s->attr[ST_HEAD]);
	x += nw;
	screen_put(w, y, x, cw - 1, "Categorie", s->attr[ST_HEAD]);
	x += cw;
	screen_put(w, y, x, tw - 1, "Type", s->attr[ST_HEAD]);
	x += tw;
	screen_put_right(w, y, x, gw - 1, "Grootte", s->attr[ST_HEAD]);
	x += gw;
	screen_put(w, y, x, dw - 1, "Datum", s->attr[ST_HEAD]);
	x += dw;
	if (wide)
		screen_put(w, y, x, ow - 1, "Door", s->attr[ST_HEAD]);
	y++;
	lijst_set_view(&v->list, rows - y - 2);
	for (int i = v->list.top; i < v->list.n && y < rows - 2; i++, y++) {
		const struct bijlage *b = lijst_row(&v->list, i);
		int sel = i == v->list.cur;
		attr_t at = s->attr[sel ? ST_SEL : ST_NORMAL];
		char datum[11];

		snprintf(datum, sizeof datum, "%.10s", b->op);
		if (sel)
			screen_put_pad(w, y, 0, cols, ">", at);
		x = 1;
		screen_put(w, y, x, nw - 1, b->naam, at);
		x += nw;
		screen_put(w, y, x, cw - 1, b->categorie, at);
		x += cw;
		screen_put(w, y, x, tw - 1, bijlage_soort_naam(b->mime), at);
		x += tw;
		screen_put_right(w, y, x, gw - 1, bijlage_grootte_tekst(size, sizeof size, b->grootte), at);
		x += gw;
		screen_put(w, y, x, dw - 1, datum, at);
		x += dw;
		if (wide)
			screen_put(w, y, x, ow - 1, b->door[0] ? b->door : "—", at);
	}
	if (v->list.top + v->list.view < v->list.n)
		screen_put_right(w, rows - 3, 0, cols - 1, "↓ meer", s->attr[ST_DIM]);
	{
		const struct bijlage *b = lijst_current(&v->list);
		screen_rule(w, rows - 2, 0, cols, s->attr[ST_NORMAL]);
		snprintf(buf, sizeof buf, "%s · %s · %s · %s · %s door %s", b->naam, b->categorie, b->mime,
			 bijlage_grootte_tekst(size, sizeof size, b->grootte), b->op, b->door[0] ? b->door : "onbekend");
		screen_put(w, rows - 1, 1, cols - 2, buf, s->attr[ST_DIM]);
	}
}

static int job_load(struct pane *p, struct app *a);
static int job_add(struct pane *p, struct app *a);
static int job_vraag(struct pane *p, struct app *a);
static int job_export(struct pane *p, struct app *a);
static int job_remove(struct pane *p, struct app *a);
static int job_settle(struct pane *p, struct app *a);

const char *bijlagen_home(void)
{
	const char *h = getenv("HOME");
	const char *u = getenv("BALIE_UITWISSELMAP"); /* set by balie ssh-toegang */
	const struct passwd *pw;
	struct stat st;

	/* over SSH the exchange folder: what sftp put is there, and an
	 * export can be fetched with sftp get (issue 14 §3) */
	if (u && *u && stat(u, &st) == 0 && S_ISDIR(st.st_mode))
		return u;
	if (h && *h)
		return h;
	pw = getpwuid(getuid());
	return pw ? pw->pw_dir : "/";
}

const char *bijlagen_uitwisselmap(void)
{
	static char root[PATH_MAX];
	static int done;
	const char *u = getenv("BALIE_UITWISSELMAP");

	if (!done) {
		done = 1;
		if (!u || !*u || !realpath(u, root))
			root[0] = '\0';
	}
	return root;
}

int bijlagen_binnen(const char *path, char *real, size_t len)
{
	const char *root = bijlagen_uitwisselmap();
	char buf[PATH_MAX], dir[PATH_MAX];

	if (!*root) { /* no exchange folder: the person's own server account */
		snprintf(real, len, "%s", path);
		return 1;
	}
	if (realpath(path, buf)) {
		snprintf(real, len, "%s", buf);
	} else {
		/* not there yet (an export): its map resolved, then its name */
		const char *slash = strrchr(path, '/');
		if (errno != ENOENT || !slash || !slash[1] || !strcmp(slash + 1, "..") || !strcmp(slash + 1, "."))
			return 0;
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
		if (!realpath(dir, buf))
			return 0;
		snprintf(real, len, "%s%s%s", buf, strcmp(buf, "/") ? "/" : "", slash + 1);
	}
	return bestand_binnen(root, real);
}

/* The picker chose a file: now the category. */
static void chosen(struct pane *owner, struct app *a, const char *path)
{
	struct blpane *v = P(owner);
	struct dialog_item items[16];
	char prompt[600];
	int n = 0;

	memset(items, 0, sizeof items);
	snprintf(v->path, sizeof v->path, "%s", path);
	for (; bijlage_categorieen[n] && n < 16; n++)
		snprintf(items[n].label, sizeof items[n].label, "%s", bijlage_categorieen[n]);
	snprintf(prompt, sizeof prompt, "Categorie van %s:", bijlage_basename(path));
	dialog_open_pick(&v->base.dlg, DT_CATEGORIE, "Bijlage toevoegen", prompt, items, n);
	/* the name suggests one ("OPP ondertekend.pdf" → OPP): chosen already */
	for (int i = 0; i < v->base.dlg.nshown; i++)
		if (!strcmp(v->base.dlg.items[v->base.dlg.shown[i]].label, bijlage_categorie_voorstel(bijlage_basename(path))))
			v->base.dlg.sel = i;
	app_message_clear(a);
}

/* "~/x" → "$HOME/x"; a relative name is taken from the home directory. */
static void expand(char *out, size_t len, const char *in)
{
	if (in[0] == '~' && (in[1] == '/' || !in[1]))
		snprintf(out, len, "%s%s", bijlagen_home(), in + 1);
	else if (in[0] != '/')
		snprintf(out, len, "%s/%s", bijlagen_home(), in);
	else
		snprintf(out, len, "%s", in);
}

static int bl_dialog_ok(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	const struct dialog_item *it;
	char *text;
	struct stat st;

	switch (v->base.dlg.tag) {
	case DT_CATEGORIE:
		it = dialog_selected(&v->base.dlg);
		if (!it)
			return R_PAINT;
		snprintf(v->categorie, sizeof v->categorie, "%s", it->label);
		dialog_close(&v->base.dlg);
		{
			char want[sizeof v->key_for];
			snprintf(want, sizeof want, "%s\n%s", v->path, v->categorie);
			if (!v->key[0] || strcmp(want, v->key_for)) {
				outcome_key_new(v->key);
				snprintf(v->key_for, sizeof v->key_for, "%s", want);
			}
		}
		v->status_laten = 0;
		/* the aanvrager's bijlage moves the status as the seeds say;
		 * SWV staff adding on the school's behalf are asked first */
		if (a->session.internal)
			return app_start(a, p, job_vraag, "Bezig met nagaan wat de status wordt…");
		return app_start(a, p, job_add, "Bezig met toevoegen…");
	case DT_STATUS_VRAAG:
		it = dialog_selected(&v->base.dlg);
		if (!it)
			return R_PAINT;
		v->status_laten = it->id == 0;
		dialog_close(&v->base.dlg);
		return app_start(a, p, job_add, "Bezig met toevoegen…");
	case DT_EXPORT:
		text = dialog_text(&v->base.dlg);
		if (!text || !*text) {
			free(text);
			dialog_note(&v->base.dlg, "Geef een bestandsnaam.");
			return R_PAINT;
		}
		expand(v->path, sizeof v->path, text);
		free(text);
		{
			/* over SSH an export stays in the exchange folder, where
			 * sftp can fetch it: no "..", no symlink out */
			char real[sizeof v->path];
			if (!bijlagen_binnen(v->path, real, sizeof real)) {
				dialog_note(&v->base.dlg, "Alleen in je uitwisselmap %s (daar haal je het op met sftp); "
							  "kies een naam daarin.", bijlagen_uitwisselmap());
				return R_PAINT;
			}
			snprintf(v->path, sizeof v->path, "%s", real);
		}
		if (lstat(v->path, &st) == 0) {
			dialog_note(&v->base.dlg, "%s bestaat al; balie overschrijft nooit een bestand. Kies een andere naam.",
				    v->path);
			return R_PAINT;
		}
		return app_start(a, p, job_export, "Bezig met exporteren…");
	case DT_REMOVE:
		dialog_close(&v->base.dlg);
		return app_start(a, p, job_remove, "Bezig met verwijderen…");
	}
	return R_PAINT;
}

static int bl_add(struct pane *p, struct app *a, enum action_id id)
{
	app_push(a, pane_bestand_new(a, p, chosen));
	return R_PAINT | R_BARS;
}

/* The chosen bijlage, or NULL (and a message) when the list is empty. */
static const struct bijlage *current(struct blpane *v, struct app *a)
{
	if (v->list.n > 0)
		return lijst_current(&v->list);
	app_message(a, 0, "Er zijn (nog) geen bijlagen; a voegt er een toe");
	return NULL;
}

static int bl_view(struct pane *p, struct app *a, enum action_id id)
{
	const struct bijlage *b = current(P(p), a);

	if (!b)
		return R_BARS;
	app_push(a, pane_viewer_new(a, b->id));
	return R_PAINT | R_BARS;
}

static int bl_export(struct pane *p, struct app *a, enum action_id id)
{
	const struct bijlage *b = current(P(p), a);
	char buf[600];

	if (!b)
		return R_BARS;
	snprintf(buf, sizeof buf, "%s/%s", bijlagen_home(), b->naam);
	dialog_open_line(&p->dlg, DT_EXPORT, "Bijlage exporteren",
			 "Naar welk bestand op de server?  Een bestaand bestand wordt nooit overschreven.", buf, 0);
	return R_PAINT | R_BARS;
}

static int bl_remove(struct pane *p, struct app *a, enum action_id id)
{
	struct blpane *v = P(p);
	const struct bijlage *b = current(v, a);
	char buf[600];

	if (!b)
		return R_BARS;
	snprintf(buf, sizeof buf,
		 "Bijlage \"%s\" (%s) van hulpvraag %ld verwijderen?  Hij blijft bewaard en wordt "
		 "gemarkeerd als verwijderd.",
		 b->naam, b->categorie, v->nummer);
	dialog_open_confirm(&p->dlg, DT_REMOVE, "Bijlage verwijderen", buf, "1 bijlage verwijderen");
	return R_PAINT | R_BARS;
}

static const struct pane_action bl_actions[] = {
	{ ACT_CLOSE, app_action_pop, 0 },
	{ ACT_BL_ADD, bl_add, 0 },
	{ ACT_BL_VIEW, bl_view, 0 },
	{ ACT_BL_EXPORT, bl_export, 0 },
	{ ACT_BL_REMOVE, bl_remove, 0 },
};

static int load(struct blpane *v, struct app *a, struct err *e)
{
	struct bijlage *list = NULL;
	int n = 0;

	if (bijlage_list(a->db, v->hv_id, &list, &n, e) < 0)
		return -1;
	lijst_set(&v->list, list, n, 0, 0, v->select_id ? v->select_id : lijst_current_id(&v->list));
	v->select_id = 0;
	v->loaded = 1;
	v->body_msg[0] = '\0';
	return 0;
}

int bijlagen_schrijf(const char *path, const unsigned char *data, size_t len, struct err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	size_t done = 0;

	if (fd < 0)
		return err_set(e, errno == EEXIST ? "%s bestaat al; balie overschrijft nooit een bestand"
						  : "kan %s niet schrijven: %s",
			       path, strerror(errno));
	while (done < len) {
		ssize_t k = write(fd, data + done, len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			err_set(e, "schrijven naar %s mislukt: %s", path, strerror(errno));
			close(fd);
			unlink(path);
			return -1;
		}
		done += (size_t)k;
	}
	if (close(fd) < 0) {
		err_set(e, "schrijven naar %s mislukt: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

static int job_load(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	struct err e;

	if (load(v, a, &e) < 0) {
		snprintf(v->body_msg, sizeof v->body_msg, "%s — Esc: terug, r: opnieuw", e.msg);
		app_message(a, 1, "%s", e.msg);
	} else {
		app_progress_done(a);
	}
	return R_PAINT | R_BARS;
}

/* What became of an add or a removal, for the person (tui/outcome); an
 * UNKNOWN one is found out now or after the reconnect; then the list is
 * read again. */
static int settled(struct blpane *v, struct app *a, struct outcome *o, const char *wat)
{
	struct err le;
	char line[600];

	if (!outcome_settle(a, o, wat)) {
		v->pending = *o;
		v->pending_wat = wat;
		return R_PAINT | R_BARS;
	}
	outcome_clear(&v->pending);
	if (o->kind == OUTCOME_SAVED && o->repeated && o->id)
		v->select_id = o->id;
	if (load(v, a, &le) < 0) {
		outcome_line(o, wat, line, sizeof line);
		app_message(a, 1, "%s; opnieuw laden mislukt: %s", line, le.msg);
	}
	return R_PAINT | R_BARS;
}

/* SWV staff: would the flow move the status now?  Then ask (Ja first, the
 * seeds' automatic change; Nee leaves the status and sends no mail);
 * otherwise add at once. */
static int job_vraag(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	struct dialog_item items[2];
	char prompt[700];
	struct err e;

	err_clear(&e);
	if (hulpvraag_automatisch_naar(a->db, v->hv_id, v->auto_naar, sizeof v->auto_naar, v->auto_nu,
				       sizeof v->auto_nu, &e) < 0) {
		app_message(a, 1, "Niet toegevoegd: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	if (!v->auto_naar[0])
		return job_add(p, a);
	memset(items, 0, sizeof items);
	snprintf(items[0].label, sizeof items[0].label, "Ja: \"%s\" (met mail aan de aanvrager)",
		 v->auto_naar);
	items[0].id = 1;
	snprintf(items[1].label, sizeof items[1].label, "Nee: de status blijft \"%s\"", v->auto_nu);
	items[1].id = 0;
	snprintf(prompt, sizeof prompt,
		 "Je voegt een document toe namens de school. Zet balie de status op \"%s\", zoals wanneer de "
		 "school het zelf toevoegt?",
		 v->auto_naar);
	dialog_open_pick(&v->base.dlg, DT_STATUS_VRAAG, "Documenten aangevuld?", prompt, items, 2);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int job_add(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	struct bijlage_toegevoegd out;
	struct outcome o;

	outcome_clear(&o);
	bijlage_add_file_laten(a->db, v->hv_id, v->path, v->categorie, v->key, v->status_laten, paths_datadir(), &out,
			       &o);
	if (o.kind == OUTCOME_SAVED) {
		v->key[0] = '\0';
		v->select_id = out.id;
	}
	return settled(v, a, &o, "de bijlage");
}

static int job_settle(struct pane *p, struct app *a)
{
	struct outcome o = P(p)->pending;

	return settled(P(p), a, &o, P(p)->pending_wat);
}

static int job_export(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	struct bijlage meta;
	unsigned char *data = NULL;
	size_t len = 0;
	struct err e;

	err_clear(&e);
	if (v->list.n == 0 || bijlage_fetch(a->db, lijst_current_id(&v->list), BIJLAGE_EXPORTEREN, &meta, &data, &len, &e) < 0 ||
	    bijlagen_schrijf(v->path, data, len, &e) < 0) {
		free(data);
		if (dialog_active(&p->dlg))
			dialog_note(&p->dlg, "%s", e.msg);
		app_message(a, 1, "Niet geëxporteerd: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	free(data);
	dialog_close(&p->dlg);
	const char *u = getenv("BALIE_UITWISSELMAP"), *conn = getenv("SSH_CONNECTION"), *user = getenv("USER");
	size_t ul = u ? strlen(u) : 0;
	char server[64] = "";
	/* SSH_CONNECTION: client ip, client port, server ip, server port */
	if (conn && sscanf(conn, "%*s %*s %63s", server) != 1)
		server[0] = '\0';
	if (ul && !strncmp(v->path, u, ul) && v->path[ul] == '/' && !strchr(v->path + ul + 1, '/'))
		app_message(a, 0, "Geëxporteerd; ophalen: sftp %s%s%s, dan get \"%s\"",
			    user ? user : "", user ? "@" : "", server[0] ? server : "server", v->path + ul + 1);
	else
		app_message(a, 0, "Geëxporteerd naar %s", v->path);
	return R_PAINT | R_BARS;
}

static int job_remove(struct pane *p, struct app *a)
{
	struct blpane *v = P(p);
	const struct bijlage *b = lijst_current(&v->list);
	struct outcome o;

	if (!b)
		return R_PAINT;
	outcome_clear(&o);
	bijlage_remove(a->db, b->id, b->version, &o);
	return settled(v, a, &o, "het verwijderen");
}

/* Another session added or removed a bijlage of this hulpvraag (or
 * changed it): reload, unless the person is in a dialog. */
static int bl_changed(struct pane *p, struct app *a, const struct notify_event *ev)
{
	struct blpane *v = P(p);

	if (ev->own || ev->id != v->hv_id || strcmp(ev->table, "hulpvraag") || dialog_active(&p->dlg) || p->job)
		return R_NONE;
	p->job = job_load; /* the cursor stays on its bijlage (by id) */
	return R_WORK;
}

/* Back after a lost connection: an add or removal whose COMMIT was cut off
 * is found out first; otherwise the shared behaviour (reload). */
static int bl_reconnected(struct pane *p, struct app *a)
{
	if (!p->job && !dialog_active(&p->dlg) && P(p)->pending.kind == OUTCOME_UNKNOWN) {
		p->job = job_settle;
		return R_WORK;
	}
	return app_pane_reload(p, a);
}

static void bl_free(struct pane *p)
{
	struct blpane *v = P(p);

	lijst_release(&v->list);
	free(v);
}

static const struct pane_ops bl_ops = {
	.name = "bijlagen",
	.title = "Bijlagen",
	.ctx = CTX_BIJLAGEN,
	.draw = bl_draw,
	.actions = bl_actions,
	.nactions = sizeof bl_actions / sizeof bl_actions[0],
	.list = offsetof(struct blpane, list),
	.dialog_ok = bl_dialog_ok,
	.load = job_load,
	.free = bl_free,
	.changed = bl_changed,
	.reconnected = bl_reconnected,
};

struct pane *pane_bijlagen_new(struct app *a, long hulpvraag_id, long nummer)
{
	struct blpane *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->base.ops = &bl_ops;
	lijst_init(&v->list, sizeof(struct bijlage), bijlage_id, 0, 0, NULL);
	v->hv_id = hulpvraag_id;
	v->nummer = nummer;
	v->base.job = job_load;
	a->work_pending = 1;
	return &v->base;
}
