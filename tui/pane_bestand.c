/* pane_bestand.c — the file picker for a new bijlage; see pane_bijlagen.h.
 *
 * Browses the server's directories from the user's home: ".." first, then
 * maps, then files, each group by name, with sizes; hidden entries (".x")
 * are left out.  A file over the 10 MB limit is refused with the seed's
 * advice before anything is read.  Reading a directory is local and quick,
 * so it happens in the handler (no database work here). */
#include "tui/pane_bijlagen.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bestand.h"
#include "core/bijlage.h"
#include "tui/app.h"
#include "tui/zoek.h"

struct entry {
	char *name;
	int dir;
	long long size;
};

struct bspane {
	struct pane base;
	struct pane *owner;
	void (*chosen)(struct pane *owner, struct app *a, const char *path);
	char dir[4096];
	struct lijst list;  /* struct entry rows, the cursor */
	char msg[4300];     /* why the map shows nothing */
	struct zoek zoek;   /* `/` in the names (tui/zoek.h) */
};

static struct bspane *P(struct pane *p)
{
	return (struct bspane *)p;
}

/* An entry's id: its name, hashed (FNV-1a), so the cursor finds a map
 * again by name. */
static long name_id(const char *name)
{
	unsigned long h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return (long)(h & 0x7fffffff) + 1;
}

static long entry_id(const void *row)
{
	return name_id(((const struct entry *)row)->name);
}

static void entries_free(struct bspane *v)
{
	for (int i = 0; i < v->list.n; i++)
		free(((struct entry *)lijst_row(&v->list, i))->name);
	lijst_set(&v->list, NULL, 0, 0, 0, 0);
}

static int cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (!strcmp(a->name, ".."))
		return -1;
	if (!strcmp(b->name, ".."))
		return 1;
	if (a->dir != b->dir)
		return b->dir - a->dir;
	return strcoll(a->name, b->name);
}

/* Reads v->dir; select: the name to put the cursor on (NULL: the top). */
static void read_dir(struct bspane *v, const char *select)
{
	DIR *d;
	struct dirent *de;
	struct entry *e;
	int cap = 64, n = 0;

	entries_free(v);
	v->msg[0] = '\0';
	d = opendir(v->dir);
	if (!d) {
		snprintf(v->msg, sizeof v->msg, "Kan de map %s niet openen: %s", v->dir, strerror(errno));
		return;
	}
	e = calloc((size_t)cap, sizeof *e);
	while (e && (de = readdir(d))) {
		struct stat st;
		char path[8192];

		if (!strcmp(de->d_name, ".") || (de->d_name[0] == '.' && strcmp(de->d_name, "..")))
			continue;
		if (!strcmp(de->d_name, "..") && !strcmp(v->dir, "/"))
			continue;
		/* over SSH the exchange folder is the top: no way up from it */
		if (!strcmp(de->d_name, "..") && *bijlagen_uitwisselmap() && !strcmp(v->dir, bijlagen_uitwisselmap()))
			continue;
		snprintf(path, sizeof path, "%s/%s", v->dir, de->d_name);
		if (stat(path, &st) < 0 || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
			continue;
		/* a symlink that leads out of the exchange folder is not shown */
		char real[PATH_MAX];
		if (strcmp(de->d_name, "..") && !bijlagen_binnen(path, real, sizeof real))
			continue;
		if (n == cap) {
			struct entry *ne = realloc(e, (size_t)cap * 2 * sizeof *ne);
			if (!ne)
				break;
			e = ne;
			cap *= 2;
		}
		e[n].name = strdup(de->d_name);
		e[n].dir = S_ISDIR(st.st_mode);
		e[n].size = (long long)st.st_size;
		if (e[n].name)
			n++;
	}
	closedir(d);
	if (n)
		qsort(e, (size_t)n, sizeof *e, cmp);
	lijst_set(&v->list, e, n, 0, 0, select ? name_id(select) : 0);
	if (n == 0)
		snprintf(v->msg, sizeof v->msg, "Deze map is leeg.  Backspace: map omhoog");
}

/* What a row says for `/`: its name. */
static void row_tekst(const void *row, const void *arg, char *buf, size_t len)
{
	(void)arg;
	snprintf(buf, len, "%s", ((const struct entry *)row)->name);
}

static void bs_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct bspane *v = P(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	char size[32];
	int y = 0;

	screen_put(w, y++, 1, cols - 2, "Bestand kiezen als bijlage (hoogstens 10 MB)", s->attr[ST_HEAD]);
	screen_put(w, y++, 1, cols - 2, v->dir, s->attr[ST_DIM]);
	y++;
	if (v->msg[0] && v->list.n == 0) {
		screen_put(w, y, 2, cols - 4, v->msg, s->attr[ST_DIM]);
		return;
	}
	if (zoek_draw(&v->zoek, a, w, rows - 1, 1, cols - 2))
		rows--; /* the last row is the search's */
	lijst_set_view(&v->list, rows - y);
	for (int i = v->list.top; i < v->list.n && y < rows; i++, y++) {
		const struct entry *e = lijst_row(&v->list, i);
		int too_big = !e->dir && e->size > BIJLAGE_MAX;
		attr_t at = s->attr[i == v->list.cur ? ST_SEL : too_big ? ST_DIM : ST_NORMAL];

		if (i != v->list.cur && zoek_list_hit(&v->zoek, e, row_tekst, NULL))
			at |= A_BOLD | A_UNDERLINE; /* a hit of the search */
		char name[4200];

		snprintf(name, sizeof name, "%s%s", e->name, e->dir ? "/" : "");
		if (i == v->list.cur)
			screen_put_pad(w, y, 0, cols, ">", at);
		screen_put(w, y, 2, cols - 24, name, at);
		if (e->dir)
			screen_put_right(w, y, cols - 21, 10, strcmp(e->name, "..") ? "map" : "omhoog", at);
		else
			screen_put_right(w, y, cols - 21, 10, bijlage_grootte_tekst(size, sizeof size, (long)e->size), at);
		if (too_big)
			screen_put(w, y, cols - 10, 9, "te groot", at);
	}
}

/* The parent of v->dir, with the cursor on the map we came from. */
static void go_up(struct bspane *v)
{
	char from[4096];
	char *slash = strrchr(v->dir, '/');

	if (!slash || !strcmp(v->dir, "/"))
		return;
	if (*bijlagen_uitwisselmap() && !strcmp(v->dir, bijlagen_uitwisselmap()))
		return; /* the exchange folder is the top */
	snprintf(from, sizeof from, "%s", slash + 1);
	if (slash == v->dir)
		v->dir[1] = '\0';
	else
		*slash = '\0';
	read_dir(v, from);
}

static int bs_cancel(struct pane *p, struct app *a, enum action_id id)
{
	app_pop(a);
	app_message(a, 0, "Geen bestand gekozen");
	return R_PAINT | R_BARS;
}

static int bs_parent(struct pane *p, struct app *a, enum action_id id)
{
	go_up(P(p));
	return R_PAINT;
}

/* Enter: into a map, or this file as the bijlage (size and access checked). */
static int bs_choose(struct pane *p, struct app *a, enum action_id id)
{
	struct bspane *v = P(p);
	const struct entry *en = lijst_current(&v->list);
	char path[8192], size[32];
	struct err e;

	if (!en)
		return R_DONE;
	if (!strcmp(en->name, "..")) {
		go_up(v);
		return R_PAINT;
	}
	snprintf(path, sizeof path, "%s%s%s", v->dir, strcmp(v->dir, "/") ? "/" : "", en->name);
	{
		/* checked again now (the folder may have changed since it was
		 * read), and from here on the resolved path: what is read is
		 * what was checked */
		char real[PATH_MAX];
		if (!bijlagen_binnen(path, real, sizeof real)) {
			app_message(a, 1, "%s ligt buiten je uitwisselmap: niet te kiezen", en->name);
			return R_BARS;
		}
		if (*bijlagen_uitwisselmap())
			snprintf(path, sizeof path, "%s", real);
	}
	if (en->dir) {
		if (strlen(path) >= sizeof v->dir) {
			app_message(a, 1, "Pad te lang");
			return R_BARS;
		}
		snprintf(v->dir, sizeof v->dir, "%s", path);
		read_dir(v, NULL);
		return R_PAINT;
	}
	err_clear(&e);
	if (bijlage_check_grootte((long)en->size, &e) < 0) {
		/* the seed's advice, short enough for the message line */
		app_message(a, 1, "%s is te groot (max. 10 MB): zet de scan om naar max. 300 dpi",
			    bijlage_grootte_tekst(size, sizeof size, (long)en->size));
		return R_BARS;
	}
	if (access(path, R_OK) != 0) {
		app_message(a, 1, "Kan %s niet lezen: %s", en->name, strerror(errno));
		return R_BARS;
	}
	app_pop(a);
	v->chosen(v->owner, a, path);
	return R_PAINT | R_BARS;
}

static int bs_search(struct pane *p, struct app *a, enum action_id id)
{
	struct bspane *v = P(p);

	return zoek_list_action(&v->zoek, a, &v->list, id, row_tekst, NULL, "deze map");
}

static int bs_key(struct pane *p, struct app *a, int key)
{
	struct bspane *v = P(p);

	return zoek_list_key(&v->zoek, a, &v->list, key, row_tekst, NULL, "deze map");
}

static enum action_ctx bs_context(const struct pane *p)
{
	return zoek_typing(&((const struct bspane *)p)->zoek) ? CTX_DIALOG : CTX_BESTAND;
}

static const struct pane_action bs_actions[] = {
	{ ACT_CLOSE, bs_cancel, 0 },
	{ ACT_Q_SEARCH, bs_search, 0 },
	{ ACT_Q_HIT_NEXT, bs_search, 0 },
	{ ACT_Q_HIT_PREV, bs_search, 0 },
	{ ACT_BS_PARENT, bs_parent, 0 },
	{ ACT_BS_CHOOSE, bs_choose, 0 },
};

static void bs_free(struct pane *p)
{
	struct bspane *v = P(p);

	entries_free(v);
	lijst_release(&v->list);
	zoek_release(&v->zoek);
	free(v);
}

static const struct pane_ops bs_ops = {
	.name = "bestand",
	.title = "Bestand kiezen",
	.ctx = CTX_BESTAND,
	.context = bs_context,
	.key = bs_key,
	.draw = bs_draw,
	.actions = bs_actions,
	.nactions = sizeof bs_actions / sizeof bs_actions[0],
	.list = offsetof(struct bspane, list),
	.free = bs_free,
};

struct pane *pane_bestand_new(struct app *a, struct pane *owner,
			      void (*chosen)(struct pane *owner, struct app *a, const char *path))
{
	struct bspane *v = calloc(1, sizeof *v);
	(void)a;
	if (!v)
		return NULL;
	v->base.ops = &bs_ops;
	lijst_init(&v->list, sizeof(struct entry), entry_id, 0, 0, NULL);
	zoek_init(&v->zoek);
	v->owner = owner;
	v->chosen = chosen;
	snprintf(v->dir, sizeof v->dir, "%s", *bijlagen_uitwisselmap() ? bijlagen_uitwisselmap() : bijlagen_home());
	/* no trailing slash (except "/" itself) */
	for (size_t l = strlen(v->dir); l > 1 && v->dir[l - 1] == '/'; l--)
		v->dir[l - 1] = '\0';
	read_dir(v, NULL);
	return &v->base;
}
