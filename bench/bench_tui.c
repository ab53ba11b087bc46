/* bench_tui.c — a real balie session on an off-screen terminal; see
 * bench_tui.h. */
#include "bench/bench_tui.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/auth.h"
#include "db/conn.h"
#include "tui/tui.h"

int bench_tui_open(struct bench_tui *t, const char *conninfo, const char *datadir, int rows, int cols,
		   struct err *e)
{
	char num[16];

	memset(t, 0, sizeof *t);
	/* as tui.c's locale_setup: UTF-8 is what balie draws with */
	setlocale(LC_ALL, "");
	setlocale(LC_CTYPE, "C.UTF-8");
	/* ncurses takes the size from LINES/COLUMNS when the output is no tty */
	snprintf(num, sizeof num, "%d", rows);
	setenv("LINES", num, 1);
	snprintf(num, sizeof num, "%d", cols);
	setenv("COLUMNS", num, 1);
	setenv("TERM", "xterm-256color", 1);
	unsetenv("NO_COLOR");
	if (keybind_load(&t->keys, datadir, NULL, NULL, NULL, NULL) != 0)
		return err_set(e, "keymaps in %s/keymaps niet te laden", datadir);
	t->outfd = memfd_create("bench-terminal", MFD_CLOEXEC);
	if (t->outfd < 0 || !(t->out = fdopen(t->outfd, "w")) || !(t->in = fopen("/dev/null", "r")))
		return err_set(e, "geen off-screen terminal (memfd)");
	t->sp = newterm("xterm-256color", t->out, t->in);
	if (!t->sp)
		return err_set(e, "newterm xterm-256color mislukt");
	set_term(t->sp);
	/* the same modes as tui_run (most fail harmlessly without a tty) */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	t->opt.conninfo = conninfo;
	t->opt.keys = &t->keys;
	t->a.opt = &t->opt;
	screen_init(&t->a.scr);
	t->a.last_key_ms = app_now_ms();
	t->a.dirty = D_LAYOUT;
	return 0;
}

void bench_tui_run(struct bench_tui *t)
{
	struct app *a = &t->a;

	for (int turn = 0; turn < 64; turn++) {
		app_settle(a);
		if (a->queued) {
			enum action_id id = a->queued;

			a->queued = ACT_NONE;
			tui_bench_apply(a, app_run_action(a, id));
			continue;
		}
		if (a->dirty)
			tui_bench_paint(a);
		if (a->work_pending) {
			struct pane *p = app_top(a);

			a->work_pending = 0;
			if (p)
				tui_bench_apply(a, app_work(a, p));
			continue;
		}
		break;
	}
}

int bench_tui_login(struct bench_tui *t, const char *user, const char *password, struct err *e)
{
	struct session s;

	if (app_connect(&t->a, e) < 0)
		return -1;
	/* the auth role logs in, as in balie (BENCH_AUTH_CONNINFO; else the
	 * session's own conninfo, e.g. a superuser's) */
	struct db *adb = NULL;
	const char *aci = getenv("BENCH_AUTH_CONNINFO");
	if (db_connect(&adb, aci && *aci ? aci : t->opt.conninfo, e) < 0)
		return -1;
	enum auth_result r = auth_password(adb, user, password, "", &s, e);
	db_free(&adb);
	if (r != AUTH_OK)
		return e->msg[0] ? -1 : err_set(e, "aanmelden als %s mislukt", user);
	app_login(&t->a, &s);
	explicit_bzero(&s, sizeof s);
	bench_tui_run(t);
	return 0;
}

void bench_tui_action(struct bench_tui *t, enum action_id id)
{
	tui_bench_apply(&t->a, app_run_action(&t->a, id));
	bench_tui_run(t);
}

void bench_tui_push(struct bench_tui *t, struct pane *p)
{
	app_push(&t->a, p);
	tui_bench_apply(&t->a, R_PAINT | R_BARS | R_WORK);
	bench_tui_run(t);
}

long bench_tui_bytes(struct bench_tui *t)
{
	struct stat st;

	fflush(t->out);
	if (fstat(t->outfd, &st) < 0)
		return -1;
	/* start again at 0 so the memfd does not grow over thousands of paints */
	if (ftruncate(t->outfd, 0) < 0 || lseek(t->outfd, 0, SEEK_SET) < 0)
		return -1;
	return (long)st.st_size;
}

void bench_tui_close(struct bench_tui *t)
{
	struct app *a = &t->a;

	app_settle(a);
	while (a->depth > 0)
		app_pane_free(a->stack[--a->depth]);
	screen_free(&a->scr);
	endwin();
	delscreen(t->sp);
	db_free(&a->db);
	keybind_release(&t->keys);
	fclose(t->out);
	fclose(t->in);
}
