/* app.c — the pane stack, the message line and the session life cycle;
 * see app.h. */
#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/auth.h"
#include "db/conn.h"
#include "db/migrate.h"
#include "db/notify.h"
#include "tui/pane_help.h"
#include "tui/pane_hulpvraag.h"
#include "tui/pane_home.h"
#include "tui/pane_lock.h"
#include "tui/pane_verwerken.h"
#include "tui/pane_looptijd.h"
#include "tui/pane_kengetal.h"
#include "tui/pane_post.h"
#include "tui/pane_login.h"

int64_t app_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct pane *app_top(struct app *a)
{
	return a->depth > 0 ? a->stack[a->depth - 1] : NULL;
}

enum action_ctx app_context(struct app *a)
{
	struct pane *p = app_top(a);

	if (!p)
		return CTX_GLOBAL;
	if (dialog_active(&p->dlg))
		return CTX_DIALOG;
	return p->ops->context ? p->ops->context(p) : p->ops->ctx;
}

static void changed(struct app *a)
{
	a->dirty |= D_BODY | D_BARS;
}

void app_pane_free(struct pane *p)
{
	if (!p)
		return;
	dialog_close(&p->dlg);
	if (p->ops->free)
		p->ops->free(p);
}

int app_start(struct app *a, struct pane *p, pane_job_fn job, const char *what)
{
	p->job = job;
	if (what)
		app_progress(a, what);
	return R_PAINT | R_BARS | R_WORK;
}

int app_work(struct app *a, struct pane *p)
{
	pane_job_fn job = p->job;
	struct err e;

	p->job = NULL;
	if (!job)
		return p->ops->work ? p->ops->work(p, a) : R_NONE;
	err_clear(&e);
	if (app_connect(a, &e) < 0) {
		if (dialog_active(&p->dlg)) {
			dialog_note(&p->dlg, "Geen verbinding: %s", e.msg);
			p->offline_note = 1;
		}
		app_message(a, 1, "Geen verbinding met de database: %s", e.msg);
		return R_PAINT | R_BARS;
	}
	p->offline_note = 0;
	return job(p, a);
}

void app_list_search(struct app *a, struct lijst *l, int from, int dir,
		     int (*match)(const void *row, const void *arg), const void *arg, const char *waar,
		     const char *query)
{
	int wrapped, i = lijst_search(l, from, dir, match, arg, &wrapped);

	if (i < 0) {
		app_message(a, 1, "Niet gevonden in %s: %s", waar, query);
		return;
	}
	if (wrapped)
		app_message(a, 0, dir > 0 ? "bovenaan hervat" : "onderaan hervat");
	l->cur = i;
	lijst_clamp(l);
}

int app_list_nav(struct lijst *l, enum action_id id)
{
	static const struct {
		enum action_id id;
		enum lijst_nav how;
	} keys[] = {
		{ ACT_UP, LIJST_UP },		{ ACT_DOWN, LIJST_DOWN }, { ACT_PAGE_UP, LIJST_PAGE_UP },
		{ ACT_PAGE_DOWN, LIJST_PAGE_DOWN }, { ACT_TOP, LIJST_TOP },	  { ACT_BOTTOM, LIJST_BOTTOM },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].id == id) {
			lijst_nav(l, keys[i].how);
			return R_PAINT;
		}
	return R_NONE;
}

int app_action_pop(struct pane *p, struct app *a, enum action_id id)
{
	(void)p;
	(void)id;
	app_pop(a);
	return R_PAINT | R_BARS;
}

int app_pane_reconnected(struct pane *p, struct app *a)
{
	return p->ops->reconnected ? p->ops->reconnected(p, a) : app_pane_reload(p, a);
}

int app_pane_reload(struct pane *p, struct app *a)
{
	(void)a;
	if (!p->ops->load || p->job)
		return R_NONE;
	if (dialog_active(&p->dlg)) {
		if (p->offline_note) { /* "Geen verbinding: …" from a save that found none */
			p->offline_note = 0;
			dialog_note(&p->dlg, "Verbinding hersteld: je tekst staat er nog.");
		}
		return R_PAINT;
	}
	p->job = p->ops->load;
	return R_WORK;
}

void app_push(struct app *a, struct pane *p)
{
	if (!p) {
		app_message(a, 1, "Onvoldoende geheugen voor dit scherm");
		return;
	}
	if (a->depth == APP_MAX_PANES) {
		app_pane_free(p);
		return;
	}
	a->stack[a->depth++] = p;
	changed(a);
}

void app_pop(struct app *a)
{
	a->pops++;
}

void app_reset(struct app *a, struct pane *p)
{
	if (!p) {
		app_message(a, 1, "Onvoldoende geheugen voor dit scherm");
		return;
	}
	app_pane_free(a->reset_to);
	a->reset_to = p;
}

void app_settle(struct app *a)
{
	if (a->reset_to) {
		while (a->depth > 0)
			app_pane_free(a->stack[--a->depth]);
		a->stack[a->depth++] = a->reset_to;
		a->reset_to = NULL;
		a->pops = 0;
		changed(a);
	}
	for (; a->pops > 0; a->pops--) {
		if (a->depth <= 1)
			break; /* the bottom pane stays */
		app_pane_free(a->stack[--a->depth]);
		changed(a);
	}
	a->pops = 0;
	/* a pane that heard of a change while covered reloads now */
	if (a->depth > 0 && a->stack[a->depth - 1]->work_waiting) {
		a->stack[a->depth - 1]->work_waiting = 0;
		a->work_pending = 1;
	}
}

void app_message(struct app *a, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
	a->msg_progress = 0;
	a->dirty |= D_BARS;
}

void app_progress(struct app *a, const char *text)
{
	app_message(a, 0, "%s", text);
	a->msg_progress = 1;
}

void app_progress_done(struct app *a)
{
	if (a->msg_progress)
		app_message_clear(a);
}

void app_message_clear(struct app *a)
{
	if (a->msg[0]) {
		a->msg[0] = '\0';
		a->dirty |= D_BARS;
	}
	a->msg_error = 0;
	a->msg_progress = 0;
}

void app_cursor(struct app *a, int y, int x)
{
	a->cur_on = 1;
	a->cur_y = y;
	a->cur_x = x;
}

void app_login(struct app *a, const struct session *s)
{
	a->session = *s;
	a->logged_in = 1;
	a->locked = 0;
	a->conn_lost = 0;
	a->unread = 0;
	a->last_key_ms = app_now_ms();
	a->session_checked_ms = a->session_active_ms = a->last_key_ms;
	/* from here on every transaction presents the session's token; the
	 * database resolves it (027_sessie.sql) */
	if (a->db)
		db_set_session(a->db, s->token, s->account_id);
	/* live updates from here on (the login connection is the session's) */
	if (a->db) {
		struct err e;

		err_clear(&e);
		if (notify_listen(a->db, &e) < 0)
			app_message(a, 1, "Live bijwerken werkt niet (%s); r vernieuwt met de hand", e.msg);
	}
	app_reset(a, pane_home_new(a));
}

void app_logout(struct app *a, const char *why)
{
	if (a->db && app_connected(a))
		auth_session_end(a->db);
	explicit_bzero(&a->session, sizeof a->session);
	a->logged_in = 0;
	a->locked = 0;
	a->conn_lost = 0;
	a->unread = 0;
	if (a->db)
		db_set_session(a->db, NULL, 0);
	app_reset(a, pane_login_new(a, why));
}

void app_lock(struct app *a)
{
	if (!a->logged_in || a->locked)
		return;
	a->locked = 1;
	app_message_clear(a);
	app_push(a, pane_lock_new(a));
}

struct db *app_auth_connect(struct app *a, struct err *e)
{
	struct db *db = NULL;
	const char *ci = a->opt->auth_conninfo && *a->opt->auth_conninfo ? a->opt->auth_conninfo
									  : a->opt->conninfo;

	if (db_connect(&db, ci ? ci : "", e) < 0)
		return NULL;
	return db;
}

int app_connected(struct app *a)
{
	return a->db && db_ok(a->db);
}

/* A fresh connection becomes the session's: schema checked, acting
 * account set, LISTEN again.  Frees db on failure. */
static int adopt(struct app *a, struct db *db, struct err *e)
{
	/* An older or newer schema than this binary knows: say so now, not
	 * with a confusing error halfway through someone's work. */
	if (migrate_require_current(db, e) < 0) {
		db_free(&db);
		return -1;
	}
	/* a reconnect keeps the session: the person proved who they are to
	 * this process, not to the lost connection */
	if (a->logged_in)
		db_set_session(db, a->session.token, a->session.account_id);
	/* LISTEN belongs to the lost session: listen again */
	if (a->logged_in && notify_listen(db, e) < 0) {
		db_free(&db);
		return -1;
	}
	a->db = db;
	return 0;
}

int app_connect(struct app *a, struct err *e)
{
	struct db *db = NULL;

	if (app_connected(a))
		return 0;
	db_free(&a->db);
	db_free(&a->connecting); /* this one blocks; the loop's attempt is moot */
	a->dirty |= D_BARS;
	if (db_connect(&db, a->opt->conninfo ? a->opt->conninfo : "", e) < 0)
		return -1;
	return adopt(a, db, e);
}

/* ---- a lost connection ------------------------------------------------ */

void app_conn_lost(struct app *a)
{
	if (a->conn_lost)
		return;
	a->conn_lost = 1;
	a->reconnecting = 0;
	a->reconnect_delay_s = 1;
	a->reconnect_ms = app_now_ms() + 1000;
	a->banner_secs = -1;
	a->dirty |= D_BARS;
}

void app_reconnect_now(struct app *a)
{
	if (!a->conn_lost)
		return;
	a->reconnect_ms = app_now_ms();
	a->dirty |= D_BARS;
}

/* Back: the banner goes, LISTEN is active again (app_connect), and every
 * pane reloads what it shows — a covered pane once it is on top again. */
static void conn_back(struct app *a, int by_tick)
{
	a->conn_lost = 0;
	a->reconnecting = 0;
	a->dirty |= D_BARS | D_BODY;
	/* a pane that reconnected itself has said what its work did */
	if (by_tick)
		app_message(a, 0, "Verbinding met de database hersteld");
	for (int i = 0; i < a->depth; i++) {
		struct pane *p = a->stack[i];
		int r;

		/* the top pane that reconnected in its work() is fresh already */
		if (!by_tick && i == a->depth - 1)
			continue;
		r = app_pane_reconnected(p, a);
		if (!(r & R_WORK))
			continue;
		if (i == a->depth - 1)
			a->work_pending = 1;
		else
			p->work_waiting = 1;
	}
}

static int banner_seconds(struct app *a, int64_t now)
{
	int64_t left = a->reconnect_ms - now;

	return left <= 0 ? 0 : (int)((left + 999) / 1000);
}

/* The attempt did not get there: wait longer before the next one. */
static int attempt_failed(struct app *a)
{
	a->connecting = NULL;
	a->reconnecting = 0;
	a->reconnect_delay_s *= 2;
	if (a->reconnect_delay_s > APP_RECONNECT_MAX_S)
		a->reconnect_delay_s = APP_RECONNECT_MAX_S;
	a->reconnect_ms = app_now_ms() + (int64_t)a->reconnect_delay_s * 1000;
	a->dirty |= D_BARS;
	return 0;
}

int app_conn_tick(struct app *a)
{
	int64_t now = app_now_ms(), left;
	struct err e;
	int secs;

	if (!a->logged_in) {
		a->conn_lost = 0;
		return -1;
	}
	if (!a->conn_lost) {
		if (!app_connected(a))
			app_conn_lost(a);
		else
			return -1;
	}
	if (app_connected(a)) {
		/* a pane's own app_connect() got there first */
		conn_back(a, 0);
		return -1;
	}
	if (now < a->reconnect_ms) {
		secs = banner_seconds(a, now);
		if (secs != a->banner_secs)
			a->dirty |= D_BARS;
		/* wake when the countdown changes */
		left = a->reconnect_ms - now - (int64_t)(secs - 1) * 1000;
		return left < 1 ? 1 : (int)left;
	}
	if (!a->connecting) {
		const char *env = getenv("PGCONNECT_TIMEOUT");
		long limit = env && atol(env) > 0 ? atol(env) : 10;

		/* the attempt runs beside the keys: the socket joins the loop's
		 * poll(), so a server that does not answer never freezes the
		 * screen (connect_timeout is ours to keep on this path) */
		err_clear(&e);
		a->reconnecting = 1;
		a->dirty |= D_BARS;
		a->connect_ready = 0;
		a->connect_deadline_ms = now + limit * 1000;
		db_free(&a->db);
		if (db_connect_start(&a->connecting, a->opt->conninfo ? a->opt->conninfo : "", &e) < 0)
			return attempt_failed(a);
		return 0;
	}
	if (a->connect_ready) {
		int rc;

		a->connect_ready = 0;
		err_clear(&e);
		rc = db_connect_continue(&a->connecting, &e);
		if (rc == 1) {
			struct db *db = a->connecting;

			a->connecting = NULL;
			if (adopt(a, db, &e) < 0)
				return attempt_failed(a);
			conn_back(a, 1);
			return -1;
		}
		if (rc < 0)
			return attempt_failed(a);
	}
	if (now >= a->connect_deadline_ms) {
		db_free(&a->connecting);
		return attempt_failed(a);
	}
	return (int)(a->connect_deadline_ms - now);
}

int app_conn_fd(struct app *a, short *events)
{
	int fd;

	if (!a->connecting)
		return -1;
	return db_connect_wait(a->connecting, &fd, events);
}

void app_conn_ready(struct app *a)
{
	a->connect_ready = 1;
}

const char *app_conn_state(struct app *a)
{
	if (a->conn_lost)
		return a->reconnecting ? "opnieuw verbinden…" : "verbinding verbroken";
	if (app_connected(a))
		return "verbonden";
	return a->logged_in ? "verbinding verbroken" : "niet verbonden";
}

const char *app_banner(struct app *a, char *buf, size_t len)
{
	char key[32], now[64] = "";
	int k;

	buf[0] = '\0';
	if (!a->conn_lost)
		return buf;
	if (a->reconnecting) {
		snprintf(buf, len, " Verbinding met de database verbroken — opnieuw verbinden…");
		return buf;
	}
	/* the key that runs "vernieuwen" here; in a dialog keys are typed text */
	for (size_t i = 0; i < action_count; i++)
		if (action_table[i].id == ACT_RELOAD &&
		    action_keys(a->opt->keys, &action_table[i], app_context(a), &k, 1) == 1) {
			snprintf(now, sizeof now, " (%s = nu)", action_key_name(k, key, sizeof key));
			break;
		}
	a->banner_secs = banner_seconds(a, app_now_ms());
	snprintf(buf, len, " Verbinding met de database verbroken — opnieuw verbinden over %d s%s", a->banner_secs,
		 now);
	return buf;
}

/* ---- unread changes ---------------------------------------------------- */

void app_werkvoorraad_seen(struct app *a)
{
	if (a->unread)
		a->dirty |= D_BARS;
	a->unread = 0;
}

/* Another session changed hulpvraag ev->id of this organisatie: one more
 * unread change, once per hulpvraag. */
static void note_unread(struct app *a, const struct notify_event *ev)
{
	if (ev->own || !a->logged_in || ev->organisatie_id != a->session.organisatie_id)
		return;
	for (int i = 0; i < a->unread && i < APP_MAX_UNREAD; i++)
		if (a->unread_ids[i] == ev->id)
			return;
	if (a->unread < APP_MAX_UNREAD)
		a->unread_ids[a->unread] = ev->id;
	if (a->unread <= APP_MAX_UNREAD)
		a->unread++;
	a->dirty |= D_BARS;
}

int app_global_action(struct app *a, enum action_id id)
{
	switch (id) {
	case ACT_QUIT:
		/* F10 quits at once, but never over work that is not saved */
		for (int i = 0; i < a->depth; i++) {
			struct pane *p = a->stack[i];

			if ((p->dlg.kind == DIALOG_TEXT && p->dlg.changed) || (p->ops->unsaved && p->ops->unsaved(p))) {
				app_message(a, 1, "Niet afgesloten: er zijn wijzigingen die niet bewaard zijn "
						  "(bewaar ze, of Esc en kies Niet bewaren)");
				return R_BARS;
			}
		}
		return R_QUIT;
	case ACT_BACK: {
		/* q: what Esc does here (one level back); where Esc means
		 * nothing, close the pane; on the bottom pane, quit (the home
		 * screen asks first in its own action table) */
		const struct action *esc = action_for_key(a->opt->keys, app_context(a), TK_ESC);

		if (esc && esc->id != ACT_BACK && esc->id != ACT_QUIT)
			return app_run_action(a, esc->id);
		if (a->depth > 1 && !a->locked) {
			app_pop(a);
			return R_PAINT | R_BARS;
		}
		return app_global_action(a, ACT_QUIT);
	}
	case ACT_CMDLINE:
		return cmdline_open(a);
	case ACT_HV_OPEN:
		/* o on every screen: as the command line's :nummer, asked first */
		if (!a->logged_in || a->locked)
			return R_NONE;
		if (a->depth >= APP_MAX_PANES) {
			app_message(a, 1, "Te veel schermen open: ga eerst een paar terug (Esc)");
			return R_BARS;
		}
		app_push(a, pane_hulpvraag_open_nummer(a));
		return R_PAINT | R_BARS;
	case ACT_HELP:
		app_push(a, pane_help_new(a, app_context(a)));
		return R_PAINT | R_BARS;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		a->dirty |= D_LAYOUT;
		return R_PAINT | R_BARS;
	case ACT_LOCK:
		app_lock(a);
		return R_PAINT | R_BARS;
	case ACT_TV_LIJST: /* from the home screen, whose own table leaves it here */
		app_push(a, pane_verwerken_new(a));
		return R_PAINT | R_BARS;
	case ACT_LT_VERLOOPT: /* the same */
	case ACT_LT_EVALUEREN:
		app_push(a, pane_looptijd_new(a, id == ACT_LT_VERLOOPT ? LT_VERLOOPT : LT_EVALUEREN));
		return R_PAINT | R_BARS;
	case ACT_KG_OPEN: /* from the home screen, as "te-verwerken" */
	case ACT_KG_PROGNOSE:
		app_push(a, pane_kengetal_new(a, id == ACT_KG_PROGNOSE));
		return R_PAINT | R_BARS;
	case ACT_HV_INTAKE_GROEP: /* the home screen's intake for a group or school */
		app_push(a, pane_intake_new_groep(a, "groep"));
		return R_PAINT | R_BARS;
	case ACT_PO_LIJST: /* the same for the post list */
		app_push(a, pane_post_new(a));
		return R_PAINT | R_BARS;
	default:
		return R_NONE;
	}
}

int app_changed(struct app *a, const struct notify_event *ev)
{
	int top = R_NONE;

	note_unread(a, ev);
	for (int i = 0; i < a->depth; i++) {
		struct pane *p = a->stack[i];
		int r;

		if (!p->ops->changed)
			continue;
		r = p->ops->changed(p, a, ev);
		if (i == a->depth - 1)
			top = r;
		else if (r & R_WORK)
			p->work_waiting = 1;
	}
	return top;
}

/* An action on pane p: its open dialog first, then its own hook, then its
 * table, then — for a pane with a load job — "vernieuwen". */
static int pane_action(struct pane *p, struct app *a, enum action_id id)
{
	int r;

	if (dialog_active(&p->dlg)) {
		switch (dialog_action(&p->dlg, id)) {
		case DIALOG_OK:
			return p->ops->dialog_ok ? p->ops->dialog_ok(p, a) : R_PAINT | R_BARS;
		case DIALOG_CANCEL:
			return p->ops->dialog_cancel ? p->ops->dialog_cancel(p, a) : R_PAINT | R_BARS;
		case DIALOG_CONTINUE:
			return R_PAINT;
		case DIALOG_NOT_MINE:
			break;
		}
		for (size_t i = 0; i < p->ops->nactions; i++)
			if (p->ops->actions[i].id == id && (p->ops->actions[i].flags & PA_DIALOG))
				return p->ops->actions[i].run(p, a, id);
		return R_NONE;
	}
	if (p->ops->action && (r = p->ops->action(p, a, id)) != R_NONE)
		return r;
	for (size_t i = 0; i < p->ops->nactions; i++) {
		const struct pane_action *pa = &p->ops->actions[i];

		if (pa->id != id)
			continue;
		if ((pa->flags & PA_READY) && p->ops->ready && !p->ops->ready(p))
			return R_NONE;
		return pa->run(p, a, id);
	}
	if (id == ACT_UP || id == ACT_DOWN || id == ACT_PAGE_UP || id == ACT_PAGE_DOWN || id == ACT_TOP ||
	    id == ACT_BOTTOM) {
		if (p->ops->cursor)
			return p->ops->cursor(p, a, id);
		if (p->ops->list)
			return app_list_nav((struct lijst *)((char *)p + p->ops->list), id);
	}
	if (id == ACT_RELOAD && p->ops->load)
		return app_start(a, p, p->ops->load, "Bezig met laden…");
	return R_NONE;
}

int app_run_action(struct app *a, enum action_id id)
{
	struct pane *p = app_top(a);
	int r = R_NONE;

	/* the rulebook first: a key the role may not use does nothing but
	 * say so (the key bar and help do not offer it) */
	const struct action *row = action_row(app_context(a), id);
	if (row && !action_allowed(row, a->session.roles)) {
		app_message(a, 1, "Dat mag jouw rol niet: %s", recht_tabel[row->recht - 1].label);
		return R_BARS;
	}
	/* while the connection is down, "vernieuwen" means: try now */
	if (id == ACT_RELOAD && a->conn_lost) {
		app_reconnect_now(a);
		return R_BARS;
	}
	if (p)
		r = pane_action(p, a, id);
	if (r == R_NONE)
		r = app_global_action(a, id);
	return r;
}
