/* bench_tui.h — one real balie session on an off-screen terminal, for the
 * benchmark: the real struct app, panes, painting (tui.c's bench hooks) and
 * database code, with ncurses writing into a memfd instead of a terminal so
 * the bytes one paint sends can be counted.
 *
 * The driver does what tui.c's loop does in one turn, minus poll(): settle
 * the pane stack, run a queued action, paint what is dirty, run pending
 * work, until nothing is left to do.
 */
#ifndef BALIE_BENCH_TUI_H
#define BALIE_BENCH_TUI_H

#include <stdio.h>

#include "core/err.h"
#include "tui/action.h"
#include "tui/app.h"

struct bench_tui {
	SCREEN *sp;
	FILE *out, *in;
	int outfd;            /* memfd ncurses writes into */
	struct keybind keys;
	struct tui_options opt;
	struct app a;
};

/* Off-screen terminal of rows x cols (TERM xterm-256color) and an app that
 * is not connected yet.  datadir: where keymaps/ and forms/ are.  0 / -1. */
int bench_tui_open(struct bench_tui *t, const char *conninfo, const char *datadir, int rows, int cols,
		   struct err *e);

/* Connects and logs in through the real code (auth_password, app_login:
 * LISTEN, home pane), then runs until idle.  0 / -1. */
int bench_tui_login(struct bench_tui *t, const char *user, const char *password, struct err *e);

/* One loop turn after another until nothing is dirty, queued or pending. */
void bench_tui_run(struct bench_tui *t);

/* Runs action id on the top pane as a key would, then bench_tui_run. */
void bench_tui_action(struct bench_tui *t, enum action_id id);

/* Pushes pane p (takes ownership) as a handler would and runs. */
void bench_tui_push(struct bench_tui *t, struct pane *p);

/* Bytes ncurses wrote to the terminal since the last call (and forgets
 * them). */
long bench_tui_bytes(struct bench_tui *t);

void bench_tui_close(struct bench_tui *t);

#endif
