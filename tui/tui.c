/* tui.c — the interactive program: locale, terminal, signals and the one
 * event loop; see tui.h.
 *
 * One loop turn: apply pane changes → repaint what is dirty (each window
 * wnoutrefresh()ed, one doupdate()) → run pending slow work → poll() on the
 * terminal, the signal self-pipe and the LISTEN socket, with a timeout for
 * the idle lock and the reconnect back-off (app_conn_tick) → dispatch keys,
 * signals and NOTIFY events.  Signal handlers only write one byte into the
 * self-pipe; everything else, and every curses call, happens here on the
 * main thread.
 */
#include "tui/tui.h"
#include "tui/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "db/auth.h"
#include "db/conn.h"
#include "db/notify.h"
#include "tui/app.h"
#include "tui/pane_login.h"

/* ---- locale ----------------------------------------------------------- */

static int codeset_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* balie needs a UTF-8 locale: names with diacritics ("coördinator"), the
 * widths of wide characters and the line drawing all depend on it.
 *
 * Decision: we do not refuse at once.  Over SSH the client's LANG (say
 * nl_NL.UTF-8) is often not installed on the server, so setlocale(LC_ALL,
 * "") falls back to "C" although the terminal itself speaks UTF-8; refusing
 * would lock people out over a server setting they cannot change.  So we
 * switch only LC_CTYPE to C.UTF-8 (built into glibc >= 2.35, present on every
 * Debian) — dates and numbers are formatted by balie itself, not by the
 * locale — and refuse with exit status 2 only when even that fails.  A
 * terminal that really is not UTF-8 then shows garbled accents, which is
 * rarer today than a missing locale. */
static int locale_setup(void)
{
	setlocale(LC_ALL, "");
	if (codeset_utf8())
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") && codeset_utf8())
		return 0;
	if (setlocale(LC_CTYPE, "C.utf8") && codeset_utf8())
		return 0;
	fprintf(stderr, "balie: balie heeft een UTF-8-locale nodig, bijvoorbeeld LANG=C.UTF-8\n");
	return -1;
}

/* ---- signals ---------------------------------------------------------- */

static int sig_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;

	if (write(sig_pipe[1], &b, 1) < 0) {
		/* pipe full: a byte is already waiting, that is enough */
	}
	errno = saved;
}

static const int caught[] = { SIGWINCH, SIGTERM, SIGHUP, SIGINT };
#define NCAUGHT (int)(sizeof caught / sizeof caught[0])

static int signals_setup(struct sigaction *old)
{
	struct sigaction sa;

	if (pipe2(sig_pipe, O_NONBLOCK | O_CLOEXEC) < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	/* installed before newterm(): ncurses then leaves SIGWINCH to us */
	for (int i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &sa, &old[i]);
	return 0;
}

static void signals_restore(const struct sigaction *old)
{
	for (int i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old[i], NULL);
	for (int i = 0; i < 2; i++)
		if (sig_pipe[i] >= 0) {
			close(sig_pipe[i]);
			sig_pipe[i] = -1;
		}
}

/* ---- painting --------------------------------------------------------- */

static void paint_title(struct app *a)
{
	WINDOW *w = a->scr.title;
	struct pane *p = app_top(a);
	char buf[256];

	werase(w);
	if (app_banner(a, buf, sizeof buf)[0])
		screen_put_pad(w, 0, 0, a->scr.cols, buf, a->scr.attr[ST_BANNER]);
	else {
		snprintf(buf, sizeof buf, " balie — %s", p ? p->ops->title : "");
		screen_put(w, 0, 0, a->scr.cols, buf, a->scr.attr[ST_TITLE]);
	}
	wnoutrefresh(w);
}

static void paint_msg(struct app *a)
{
	WINDOW *w = a->scr.msg;

	werase(w);
	if (cmdline_active(&a->cmd)) {
		cmdline_draw(a, w);
		wnoutrefresh(w);
		return;
	}
	/* The startup notice (keymap errors) stands until the first key. */
	if (!a->msg[0] && a->notice)
		screen_put(w, 0, 1, a->scr.cols - 2, a->notice, a->scr.attr[ST_ERROR]);
	else
		screen_put(w, 0, 1, a->scr.cols - 2, a->msg,
			   a->scr.attr[a->msg_error ? ST_ERROR : ST_NORMAL]);
	wnoutrefresh(w);
}

static void paint_status(struct app *a)
{
	WINDOW *w = a->scr.status;
	const struct session *s = &a->session;
	char left[512], state[128];
	int rw, cols = a->scr.cols;

	werase(w);
	/* right: unread changes (see app.h), then the connection state */
	if (a->logged_in && a->unread > 0)
		snprintf(state, sizeof state, "%s%d gewijzigd │ %s%s ",
			 a->unread > APP_MAX_UNREAD ? ">" : "", a->unread > APP_MAX_UNREAD ? APP_MAX_UNREAD : a->unread,
			 a->locked ? "vergrendeld, " : "", app_conn_state(a));
	else
		snprintf(state, sizeof state, "%s%s ", a->locked ? "vergrendeld, " : "", app_conn_state(a));
	rw = screen_width(state);
	if (a->logged_in)
		snprintf(left, sizeof left, " %s (%s) │ %s │ %s %s", s->naam, s->username,
			 s->rollen, s->organisatie_code, s->organisatie_naam);
	else
		snprintf(left, sizeof left, " niet aangemeld");
	screen_put_pad(w, 0, 0, cols, "", a->scr.attr[ST_BAR]);
	screen_put(w, 0, 0, cols - rw - 2, left, a->scr.attr[ST_BAR]);
	screen_put(w, 0, cols - rw, rw, state, a->scr.attr[ST_BAR]);
	wnoutrefresh(w);
}

/* The key bar, generated from the action table for the current context. */
static void paint_keys(struct app *a)
{
	WINDOW *w = a->scr.keys;
	enum action_ctx ctx = app_context(a);
	int x = 1, cols = a->scr.cols;
	enum action_id seen[32];
	const char *labels[32];
	int nseen = 0, nlabels = 0;

	werase(w);
	/* first the context's most useful keys (action_bar_first), then the
	 * rest of the table in order, each while it fits */
	for (size_t k = 0; k < action_bar_nfirst + action_count; k++) {
		const struct action *act;
		char name[32];
		int key, dup = 0, need;

		if (k < action_bar_nfirst) {
			if (action_bar_first[k].ctx != ctx || !(act = action_row(ctx, action_bar_first[k].id)))
				continue;
		} else {
			act = &action_table[k - action_bar_nfirst];
			if (!(act->flags & ACTION_BAR))
				continue;
		}
		if (!action_in_ctx(act, ctx) || !action_allowed(act, a->session.roles))
			continue;
		if (action_keys(a->opt->keys, act, ctx, &key, 1) < 1)
			continue;
		for (int j = 0; j < nseen; j++)
			dup |= seen[j] == act->id;
		/* one label once: "q Afsluiten" on the home screen makes "F10
		 * Afsluiten" say nothing new */
		for (int j = 0; j < nlabels; j++)
			dup |= !strcmp(labels[j], act->label);
		if (dup)
			continue;
		if (nseen < 32)
			seen[nseen++] = act->id;
		if (nlabels < 32)
			labels[nlabels++] = act->label;
		action_key_name(key, name, sizeof name);
		need = screen_width(name) + 1 + screen_width(act->label);
		if (x + need > cols - 1)
			continue; /* a shorter one further on may still fit */
		x += screen_put(w, 0, x, cols - x, name, a->scr.attr[ST_BAR_KEY]);
		x += 1;
		x += screen_put(w, 0, x, cols - x, act->label, a->scr.attr[ST_NORMAL]);
		x += 2;
	}
	wnoutrefresh(w);
}

static void paint(struct app *a)
{
	struct pane *p = app_top(a);

	if (a->dirty & D_LAYOUT) {
		screen_layout(&a->scr);
		/* stdscr lies under everything: clear it and mark it refreshed,
		 * or the next get_wch() would refresh it over our windows */
		werase(stdscr);
		wnoutrefresh(stdscr);
		a->dirty |= D_BODY | D_BARS;
	}
	if (a->scr.too_small) {
		screen_too_small(&a->scr);
		wnoutrefresh(stdscr);
		curs_set(0);
		doupdate();
		a->dirty = 0;
		return;
	}
	if (a->dirty & D_BARS) {
		paint_title(a);
		paint_msg(a);
		paint_status(a);
		paint_keys(a);
	}
	if (a->dirty & D_BODY) {
		werase(a->scr.body);
		a->cur_on = 0;
		if (p && p->ops->draw)
			p->ops->draw(p, a, a->scr.body);
		if (p)
			dialog_draw(&p->dlg, a, a->scr.body); /* over the pane, nothing when closed */
	}
	/* the body goes last so the hardware cursor ends up in its field */
	if (a->cur_on)
		wmove(a->scr.body, a->cur_y, a->cur_x);
	curs_set(a->cur_on || cmdline_active(&a->cmd) ? 1 : 0);
	wnoutrefresh(a->scr.body);
	if (cmdline_active(&a->cmd)) {
		/* the command line has the cursor: its window goes last */
		wmove(a->scr.msg, 0, a->cmd.cx);
		wnoutrefresh(a->scr.msg);
	}
	doupdate();
	a->dirty = 0;
}

/* ---- input ------------------------------------------------------------ */

static void apply(struct app *a, int r)
{
	if (r & R_QUIT)
		a->quit = 1;
	if (r & (R_PAINT | R_BARS))
		a->dirty |= D_BODY | D_BARS; /* the key bar follows the pane's state */
	if (r & R_WORK)
		a->work_pending = 1;
}

/* Reads one key from curses and folds its spellings; 0 when none. */
static int read_key(int *key)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			*key = TK_ENTER;
		else if (wc == KEY_BACKSPACE)
			*key = TK_BACKSPACE;
		else
			*key = TK((int)wc);
		return 1;
	}
	if (wc == '\r')
		wc = '\n';
	else if (wc == 8)
		wc = TK_BACKSPACE;
	*key = (int)wc;
	return 1;
}

/* Esc followed by a digit stands for F1 … F10 (over SSH many terminals have
 * no usable F-keys).  So that this works on every screen — also where Esc
 * itself means something (terug, annuleren) — an Esc is held back until
 * the next key or ESC_HOLD_MS: a digit makes it an F-key, anything else
 * (or the time running out) runs the Esc first and then that key.  One
 * place, so no pane can get it wrong. */
#define ESC_HOLD_MS 600

struct input {
	int64_t esc_ms; /* an Esc held back at this moment (0: none) */
};

static void dispatch_one(struct app *a, int key)
{
	struct pane *p = app_top(a);
	const struct action *act;
	int r = R_NONE;

	if (a->scr.too_small) {
		/* nothing is visible: typing blind could do harm; only quit works */
		if (key == TK(KEY_F(10)))
			a->quit = 1;
		return;
	}
	app_message_clear(a);
	/* the command line (:) takes every key while it is open */
	if (cmdline_active(&a->cmd)) {
		apply(a, cmdline_key(a, key));
		return;
	}
	/* an open dialog takes the keys it edits with; the rest are actions */
	if (p && dialog_active(&p->dlg)) {
		if (dialog_key(&p->dlg, key))
			r = R_PAINT;
	} else if (p && p->ops->key) {
		r = p->ops->key(p, a, key);
	}
	if (r == R_NONE) {
		act = action_for_key(a->opt->keys, app_context(a), key);
		if (act)
			r = app_run_action(a, act->id);
	}
	if (r == R_NONE && key == TK_CTRL('c')) {
		/* on the home screen q quits (after a question), elsewhere F10 */
		enum action_ctx ctx = app_context(a);
		const struct action *quit = action_row(ctx, ctx == CTX_HOME ? ACT_BACK : ACT_QUIT);
		int qk;
		char name[32];

		if (quit && action_keys(a->opt->keys, quit, app_context(a), &qk, 1) == 1)
			app_message(a, 0, "Afsluiten doe je met %s",
				    action_key_name(qk, name, sizeof name));
	}
	apply(a, r);
}

/* A held-back Esc whose time ran out is an Esc after all. */
static void esc_flush(struct app *a, struct input *in, int64_t now)
{
	if (in->esc_ms && now - in->esc_ms >= ESC_HOLD_MS) {
		in->esc_ms = 0;
		dispatch_one(a, TK_ESC);
	}
}

/* Milliseconds until a held-back Esc must run (-1: none held). */
static int esc_timeout(const struct input *in)
{
	int64_t left;

	if (!in->esc_ms)
		return -1;
	left = in->esc_ms + ESC_HOLD_MS - app_now_ms();
	return left < 0 ? 0 : (int)left;
}

static void dispatch_key(struct app *a, struct input *in, int key)
{
	int64_t now = app_now_ms();

	if (key == TK(KEY_RESIZE)) {
		a->dirty |= D_LAYOUT;
		return;
	}
	a->last_key_ms = now;
	a->notice = NULL;
	if (in->esc_ms) {
		int64_t held = in->esc_ms;

		in->esc_ms = 0;
		if (now - held < ESC_HOLD_MS && key >= '0' && key <= '9') {
			dispatch_one(a, TK(KEY_F(key == '0' ? 10 : key - '0')));
			return;
		}
		dispatch_one(a, TK_ESC);
		if (a->quit)
			return;
	}
	if (key == TK_ESC) {
		in->esc_ms = now;
		return;
	}
	dispatch_one(a, key);
}

/* ---- live updates ----------------------------------------------------- */

/* Is this process's session still valid?  The database decides (ended
 * by a block, a new password, an admin, or its 12 hours); when it is not,
 * the pupil data leaves the screen and the login says why.  Also tells
 * the database a key was pressed since the last check (live updates do
 * not count as activity). */
static void session_check(struct app *a)
{
	char why[160];
	struct err e;

	if (!a->logged_in || !app_connected(a))
		return;
	err_clear(&e);
	a->session_checked_ms = app_now_ms();
	if (a->last_key_ms > a->session_active_ms) {
		a->session_active_ms = a->last_key_ms;
		auth_session_active(a->db);
	}
	if (auth_session_reason(a->db, why, sizeof why, &e) < 0 || !why[0])
		return;
	char msg[220];
	snprintf(msg, sizeof msg, "Je sessie is beëindigd (%s). Log opnieuw in.", why);
	app_logout(a, msg);
}

static void on_event(const struct notify_event *ev, void *arg)
{
	struct app *a = arg;

	if (!strcmp(ev->table, "sessie")) {
		session_check(a);
		a->dirty |= D_LAYOUT | D_BODY | D_BARS;
		return;
	}
	apply(a, app_changed(a, ev));
}

/* Hands what arrived on LISTEN to the panes.  Also called before every
 * poll(): libpq may have read notifications while a query of work() ran,
 * and those no longer make the socket readable.  Many events in one turn
 * mark the panes stale many times but give one work() call. */
static void live(struct app *a)
{
	struct err e;

	if (!a->logged_in || !app_connected(a))
		return;
	err_clear(&e);
	if (notify_drain(a->db, on_event, a, &e) < 0)
		app_conn_lost(a); /* the server went away: banner, reconnect */
}

/* ---- the loop --------------------------------------------------------- */

static void on_resize(struct app *a)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	a->dirty |= D_LAYOUT;
}

/* Handles the bytes in the self-pipe; returns 1 when the size changed. */
static int drain_signals(struct app *a)
{
	unsigned char buf[64];
	ssize_t n;
	int resized = 0;

	while ((n = read(sig_pipe[0], buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == SIGWINCH) {
				resized = 1;
			} else {
				a->quit = 1;
				a->exit_status = 128 + buf[i];
			}
		}
	if (resized)
		on_resize(a);
	return resized;
}

/* How often the session is checked against the database (its lifetime,
 * activity); ended sessions are heard at once on balie_sessie. */
#define SESSION_CHECK_MS 60000

static int poll_timeout(struct app *a)
{
	int64_t idle = (int64_t)a->opt->idle_lock_minutes * 60000;
	int64_t left, check;

	if (a->dirty || a->work_pending)
		return 0;
	if (!a->logged_in)
		return -1;
	check = a->session_checked_ms + SESSION_CHECK_MS - app_now_ms();
	if (check < 0)
		check = 0;
	if (a->locked || idle <= 0)
		return check > 60000 ? 60000 : (int)check;
	left = a->last_key_ms + idle - app_now_ms();
	if (left < 0)
		return 0;
	if (left > check)
		left = check;
	return left > 60000 ? 60000 : (int)left;
}

static void idle_check(struct app *a)
{
	if (a->logged_in && app_now_ms() - a->session_checked_ms >= SESSION_CHECK_MS)
		session_check(a);
	int64_t idle = (int64_t)a->opt->idle_lock_minutes * 60000;

	if (a->logged_in && !a->locked && idle > 0 && app_now_ms() - a->last_key_ms >= idle)
		app_lock(a);
}

static void loop(struct app *a)
{
	struct input in = { 0 };
	int empty_reads = 0;
	int more = 0; /* keys may wait in curses' own buffer: read before polling */

	while (!a->quit) {
		struct pollfd pfd[4];
		int key, got = 0, nfd = 2, timeout, live_at = -1, conn_at = -1;

		app_settle(a);
		if (a->queued) {
			enum action_id id = a->queued;

			a->queued = ACT_NONE;
			apply(a, app_run_action(a, id));
			continue;
		}
		if (a->dirty)
			paint(a);
		if (a->work_pending) {
			struct pane *p = app_top(a);

			a->work_pending = 0;
			if (p)
				apply(a, app_work(a, p));
			continue;
		}
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[1].fd = sig_pipe[0];
		pfd[1].events = POLLIN;
		live(a);
		if (a->logged_in && (pfd[nfd].fd = notify_socket(a->db)) >= 0) {
			pfd[nfd].events = POLLIN;
			pfd[nfd].revents = 0;
			live_at = nfd++;
		}
		timeout = app_conn_tick(a); /* a lost connection: back-off, banner */
		if (a->dirty || a->work_pending)
			continue;
		/* a reconnect attempt in progress waits beside the keys */
		if ((pfd[nfd].fd = app_conn_fd(a, &pfd[nfd].events)) >= 0) {
			pfd[nfd].revents = 0;
			conn_at = nfd++;
		}
		if (timeout < 0 || (poll_timeout(a) >= 0 && poll_timeout(a) < timeout))
			timeout = poll_timeout(a);
		if (esc_timeout(&in) >= 0 && (timeout < 0 || esc_timeout(&in) < timeout))
			timeout = esc_timeout(&in);
		if (poll(pfd, nfd, more ? 0 : timeout) < 0) {
			if (errno == EINTR)
				continue;
			a->exit_status = 1;
			break;
		}
		if ((pfd[1].revents & POLLIN) && drain_signals(a))
			continue; /* repaint at the new size before reading keys */
		if (live_at >= 0 && pfd[live_at].revents)
			live(a);
		if (conn_at >= 0 && pfd[conn_at].revents)
			app_conn_ready(a);
		if ((pfd[0].revents & POLLIN) || more) {
			more = 0;
			while (!a->quit && read_key(&key)) {
				got = 1;
				dispatch_key(a, &in, key);
				if (a->reset_to || a->pops || a->work_pending || a->queued) {
					/* let the new pane (or the work) come first; the
					 * next turn reads on without waiting for poll() */
					more = 1;
					break;
				}
			}
			/* readable but never a key: the terminal went away */
			if (pfd[0].revents & POLLIN)
				empty_reads = got ? 0 : empty_reads + 1;
			if (empty_reads > 50) {
				a->exit_status = 1;
				break;
			}
		}
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			a->exit_status = 129;
			break;
		}
		esc_flush(a, &in, app_now_ms());
		idle_check(a);
	}
}

static char kal_notice[600];

int tui_run(const struct tui_options *o)
{
	struct sigaction old[NCAUGHT];
	struct app a;
	SCREEN *sp;

	if (locale_setup() < 0)
		return 2;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "balie: geen terminal; start balie in een terminal (bij ssh: ssh -t)\n");
		return 2;
	}
	memset(&a, 0, sizeof a);
	a.opt = o;
	/* Decree days (forms/feestdagen.conf), for every pane's werkdagen; a
	 * missing or broken file leaves the days of the wet, still correct for
	 * most years, and says so once. */
	{
		char path[4096];
		struct err ke;
		werkdag_kalender_init(&a.kal);
		if (werkdag_kalender_load(&a.kal, paths_data(path, sizeof path, "forms/feestdagen.conf"), &ke) < 0)
			snprintf(kal_notice, sizeof kal_notice, "%s", ke.msg);
	}
	if (signals_setup(old) < 0) {
		fprintf(stderr, "balie: kan geen signaalpijp maken: %s\n", strerror(errno));
		return 2;
	}
	sp = newterm(NULL, stdout, stdin);
	if (!sp) {
		const char *t = getenv("TERM");

		signals_restore(old);
		fprintf(stderr, "balie: terminaltype '%s' is onbekend; probeer TERM=xterm-256color\n",
			t ? t : "");
		return 2;
	}
	set_term(sp);
	raw(); /* Ctrl-C, Ctrl-Z, Ctrl-S/Q are keys, not signals or flow control */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	screen_init(&a.scr);

	a.last_key_ms = app_now_ms();
	a.dirty = D_LAYOUT;
	app_push(&a, pane_login_new(&a, NULL));
	a.notice = o->startup_notice ? o->startup_notice : (kal_notice[0] ? kal_notice : NULL);
	if (a.depth == 0) {
		endwin();
		delscreen(sp);
		signals_restore(old);
		fprintf(stderr, "balie: onvoldoende geheugen\n");
		return 2;
	}
	loop(&a);

	app_settle(&a);
	while (a.depth > 0) {
		app_pane_free(a.stack[--a.depth]);
	}
	screen_free(&a.scr);
	endwin();
	delscreen(sp);
	signals_restore(old);
	db_free(&a.db);
	db_free(&a.connecting);
	werkdag_kalender_release(&a.kal);
	explicit_bzero(&a.session, sizeof a.session);
	return a.exit_status;
}

/* ---- bench hooks -------------------------------------------------------
 * For bench/bench_tui.c only, which drives the real panes on an off-screen
 * ncurses screen (newterm on a memfd) to measure them: the loop's own
 * paint, reaction handling and NOTIFY drain, without a terminal, signals
 * or poll().  balie itself never calls these. */
void tui_bench_paint(struct app *a)
{
	paint(a);
}

void tui_bench_apply(struct app *a, int r)
{
	apply(a, r);
}

void tui_bench_live(struct app *a)
{
	live(a);
}
