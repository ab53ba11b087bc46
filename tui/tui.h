/* tui.h — the interactive program: login screen, then the home screen.
 *
 * tui_run() owns the terminal from initscr() to endwin(); everything it draws
 * is Dutch; all curses calls happen on this one thread.
 */
#ifndef BALIE_TUI_H
#define BALIE_TUI_H

#include "core/wachtwoord.h"
#include "db/report.h"

struct keybind;

struct tui_options {
	const char *conninfo;   /* libpq conninfo ("" = PG* environment) */
	const char *auth_conninfo; /* the auth role's (login, unlock); "" = conninfo */
	const char *auth_socket;   /* the auth helper's socket (balie authd); set: it logs in, not we */
	const char *org_code;   /* organisatie to log into ("" = the account's first) */
	int idle_lock_minutes;  /* lock the screen after this much idleness (0 = never) */
	const char *banner;     /* optional line shown on the login screen (demo hints) */
	struct wachtwoord_params hash_params; /* argon2id cost from balie.conf */
	const struct keybind *keys;           /* key bindings (keymaps/ + the user's file) */
	const char *startup_notice;           /* shown once in the message line (keymap errors), or NULL */
	int verloopt_maanden;                 /* "Verloopt binnenkort": months ahead (balie.conf; 0 = 3) */
	struct report_opties report;          /* the report replica of the kengetallen (db/report.h) */
};

/* Runs the interactive session; returns the process exit status. */
int tui_run(const struct tui_options *o);

/* Bench hooks (bench/bench_tui.c only; see the end of tui.c): one paint of
 * what is dirty, the loop's handling of a reaction, one NOTIFY drain. */
struct app;
void tui_bench_paint(struct app *a);
void tui_bench_apply(struct app *a, int r);
void tui_bench_live(struct app *a);

#endif
