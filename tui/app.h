/* app.h — the state of one interactive session and the pane contract.
 *
 * struct app is passed explicitly to everything (no globals): the options,
 * the database connection, the logged-in session, the stack of panes, the
 * message line and the dirty flags the loop drains once per turn.
 *
 * A pane is one full screen body (login, home, lock, help, …): a const table
 * of functions plus its own data (a struct that starts with struct pane).
 * Only the pane on top of the stack is drawn, so a lock or help pane in
 * front hides what is under it.
 *
 * Handlers never draw: key/action/work functions change state and return
 * reaction flags; the loop repaints what is dirty, wnoutrefresh()es each
 * window and calls doupdate() once.  Blocking database work is never done
 * inside a key handler: the handler sets a job (app_start) and the loop
 * first paints (so "Bezig met …" is on screen) and then runs it.
 *
 * A key goes: the pane's open dialog (p->dlg) → the pane's raw key() →
 * the action the keymap binds in the pane's context, which app_run_action
 * checks against the rulebook (core/recht via the action row) and then
 * hands to: the dialog (OK/cancel → ops->dialog_ok/dialog_cancel) → the
 * pane's action() hook → its action table → ops->cursor → "vernieuwen" by
 * ops->load → the global actions.
 *
 * Adding things (the financial queue, the commission agenda, …):
 *   - an action: a row in action_table (tui/action.c; with
 *     ACTION_RECHT(RECHT_…) when it is a business action), a binding in
 *     keymaps/default.keys, and a row { ACT_…, fn, flags } in the pane's
 *     struct pane_action table; fn opens a dialog or calls app_start(a, p,
 *     job, "Bezig met …"), the job does the database work;
 *   - a pane: a struct starting with struct pane, a const struct pane_ops
 *     with ctx, draw, actions, load (and cursor for a list), and its rows in
 *     a core/lijst when it is a list;
 *   - a hulpvraag tab: a name in enum tab and a row in tabs[]
 *     (tui/pane_hulpvraag.c): name, short name, count, draw, rows, actions.
 */
#ifndef BALIE_TUI_APP_H
#define BALIE_TUI_APP_H

#include <stddef.h>
#include <stdint.h>

#include "core/lijst.h"
#include "core/werkdag.h"
#include "db/auth.h"
#include "tui/authc.h"
#include "db/notify.h"
#include "tui/action.h"
#include "tui/cmdline.h"
#include "tui/dialog.h"
#include "tui/screen.h"
#include "tui/tui.h"

struct app;
struct pane;

/* What a handler wants the loop to do.  R_NONE means "not mine": the next
 * handler in the chain (pane key → pane action → global action) may try. */
enum reaction {
	R_NONE = 0,
	R_DONE = 1 << 0,  /* handled, nothing visible changed */
	R_PAINT = 1 << 1, /* repaint the pane */
	R_BARS = 1 << 2,  /* repaint title, message, status and key bars */
	R_WORK = 1 << 3,  /* call the pane's work() after the next paint */
	R_QUIT = 1 << 4,  /* leave the loop */
};

/* Slow work: a pane sets p->job and returns R_WORK; after the next paint
 * the loop makes sure there is a connection (app_work) and calls it once. */
typedef int (*pane_job_fn)(struct pane *p, struct app *a);

enum pane_action_flags {
	PA_READY = 1 << 0, /* only once the pane holds its data (pane_ops.ready) */
	PA_DIALOG = 1 << 1, /* also while the pane's dialog is open (an action the
			     * dialog does not know: leaving the intake) */
};

/* One row of a pane's action table: what action id does on this pane.
 * run gets the id, so one function may serve a family (the cursor keys). */
struct pane_action {
	enum action_id id;
	int (*run)(struct pane *p, struct app *a, enum action_id id);
	unsigned flags; /* enum pane_action_flags */
};

struct pane_ops {
	const char *name;  /* "login", for debugging */
	const char *title; /* Dutch, for the title bar: "Aanmelden" */
	/* The action context: ctx, or context() when the pane changes it with
	 * its state.  While the pane's dialog is open it is CTX_DIALOG. */
	enum action_ctx ctx;
	enum action_ctx (*context)(const struct pane *p);
	/* The actions of the pane, looked up by id after action() (below)
	 * passed; an id not in the table goes on to the global actions. */
	const struct pane_action *actions;
	size_t nactions;
	/* Optional: the cursor keys (ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	 * ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM) when the table has no row for
	 * them — the list of the pane (app_list_nav) or its own scrolling. */
	int (*cursor)(struct pane *p, struct app *a, enum action_id id);
	/* Or, for a plain list: offsetof() its struct lijst in the pane's
	 * struct (0: none) — the cursor keys then move it (app_list_nav). */
	size_t list;
	/* Optional: 1 when the pane holds its data (for PA_READY rows). */
	int (*ready)(const struct pane *p);
	/* The pane's dialog (p->dlg) was confirmed: act on p->dlg.tag.
	 * dialog_cancel is optional (default: the dialog just closes). */
	int (*dialog_ok)(struct pane *p, struct app *a);
	int (*dialog_cancel)(struct pane *p, struct app *a);
	/* Optional: the job that (re)loads what the pane shows.  With it the
	 * pane gets "vernieuwen" and the reconnect behaviour for free (see
	 * app_pane_reconnected). */
	pane_job_fn load;
	/* Draws the body; w is erased and sized already.  Sets the input
	 * cursor with app_cursor() when it has one. */
	void (*draw)(struct pane *p, struct app *a, WINDOW *w);
	/* Raw key first (text fields); R_NONE lets the action table try.
	 * Not called while the pane's dialog is open. */
	int (*key)(struct pane *p, struct app *a, int key);
	/* Optional, before the table: an action the pane decides by its state
	 * (a focused sub-list, a tab); R_NONE passes it on to the table. */
	int (*action)(struct pane *p, struct app *a, enum action_id id);
	/* Slow work asked for with R_WORK when no p->job is set (panes that
	 * keep their own list of pending work). */
	int (*work)(struct pane *p, struct app *a);
	/* The body was resized (optional: most panes just redraw). */
	void (*resize)(struct pane *p, struct app *a, int rows, int cols);
	/* Frees p and everything it owns (wipes secrets). */
	void (*free)(struct pane *p);
	/* Optional: another session committed a change (LISTEN/NOTIFY, see
	 * db/notify.h).  Called for every pane on the stack, once per event;
	 * must not touch the database: note what is stale and return R_WORK to
	 * reload in work().  Many events in one loop turn still give one
	 * work() call.  A pane below the top gets its work() when it is on top
	 * again. */
	int (*changed)(struct pane *p, struct app *a, const struct notify_event *ev);
	/* Optional: the connection was lost and is back (LISTEN included).
	 * Called for every pane on the stack; must not touch the database:
	 * note what to reload and return R_WORK (as changed()).  What the
	 * person was typing stays: a pane with an open dialog keeps it.
	 * Without it, app_pane_reconnected() runs ops->load. */
	int (*reconnected)(struct pane *p, struct app *a);
	/* Optional: 1 while the pane holds changes that are not saved (F10
	 * then refuses to quit; see app_global_action). */
	int (*unsaved)(const struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	int work_waiting;  /* changed() asked for work while not on top */
	struct dialog dlg; /* the pane's open dialog (DIALOG_NONE: none): the loop
			      gives it the keys, draws it last and frees it */
	pane_job_fn job;   /* slow work to run after the next paint */
	int offline_note;  /* the dialog says a job found no connection */
};

enum app_dirty {
	D_LAYOUT = 1 << 0, /* windows must be rebuilt (resize, Ctrl-L) */
	D_BODY = 1 << 1,
	D_BARS = 1 << 2,
};

#define APP_MAX_PANES 8
#define APP_MAX_UNREAD 99 /* shown as ">99" beyond */
#define APP_RECONNECT_MAX_S 30

struct app {
	const struct tui_options *opt;
	struct screen scr;
	struct db *db;               /* NULL while not connected */
	struct session session;      /* valid when logged_in */
	int logged_in;
	int locked;                  /* a lock pane is on the stack */

	struct pane *stack[APP_MAX_PANES];
	int depth;
	int pops;                    /* panes to pop after this dispatch */
	struct pane *reset_to;       /* replace the whole stack after this dispatch */
	enum action_id queued;       /* action to run on the new top (help → Enter) */

	struct werkdag_kalender kal; /* werkdagen incl. decree days: read once per session */
	char msg[512];               /* the message line */
	const char *notice;          /* startup notice, shown while msg is empty, until the first key */
	int msg_error;
	int msg_progress;            /* msg says what is being done ("Bezig met laden…"): app_progress */
	unsigned dirty;              /* enum app_dirty */
	int work_pending;

	int cur_on, cur_y, cur_x;    /* input cursor in the body window */

	/* A lost connection (see app_conn_tick): the banner is shown while
	 * conn_lost; the next attempt is at reconnect_ms, after a back-off of
	 * reconnect_delay_s (1, 2, 4 … 30 s); reconnecting is set one loop turn
	 * before an attempt so "opnieuw verbinden…" is on screen during it. */
	int conn_lost;
	int reconnecting;
	struct db *connecting;       /* an attempt in progress (db_connect_start) */
	int64_t connect_deadline_ms; /* … given up at this moment */
	int connect_ready;           /* poll() said its socket is ready */
	int reconnect_delay_s;
	int64_t reconnect_ms;
	int banner_secs;             /* the countdown as last painted */

	/* Hulpvragen of this organisatie changed by other sessions since the
	 * werkvoorraad last showed fresh rows (distinct ids; the status bar
	 * shows the count). */
	long unread_ids[APP_MAX_UNREAD];
	int unread;
	int64_t last_key_ms;         /* for the idle lock */
	struct authc authc;          /* a login waiting for its code (tui/aanmelden) */
	int64_t session_checked_ms;  /* last look at the session's validity (tui.c) */
	int64_t session_active_ms;   /* last key reported to the database */
	int quit;
	int exit_status;
	struct cmdline cmd;          /* the `:` command line (tui/cmdline.h) */
};

/* Milliseconds on the monotonic clock. */
int64_t app_now_ms(void);

/* The pane in front (never NULL while the loop runs). */
struct pane *app_top(struct app *a);
enum action_ctx app_context(struct app *a);

/* Frees p: its dialog, then ops->free. */
void app_pane_free(struct pane *p);

/* Sets p->job, says what in the message line (app_progress: "Bezig met
 * laden…", cleared by the job when it has nothing else to say) and
 * returns the reactions that paint it and then run the job. */
int app_start(struct app *a, struct pane *p, pane_job_fn job, const char *what);

/* Runs the top pane's pending work: p->job (after app_connect; a failure
 * is said in the dialog and the message line), else ops->work. */
int app_work(struct app *a, struct pane *p);

/* The connection is back: ops->reconnected, else app_pane_reload. */
int app_pane_reconnected(struct pane *p, struct app *a);
/* The shared reconnect behaviour: nothing while a job is pending; an open
 * dialog stays with its text (the save checks versions) and says the
 * connection is back; else ops->load runs. */
int app_pane_reload(struct pane *p, struct app *a);

/* The cursor keys (ACT_UP … ACT_BOTTOM) on a list held in core/lijst:
 * R_PAINT, or R_NONE for another action.  Fetching more pages is the
 * pane's (lijst_move says when). */
int app_list_nav(struct lijst *l, enum action_id id);

/* `/`, n and N on a list: the next row from `from` in direction dir for
 * which match() holds (lijst_search) becomes the cursor; going round says
 * "bovenaan hervat" / "onderaan hervat", none says "Niet gevonden in
 * <waar>: <query>" (waar: "de geladen rijen", "de help"). */
void app_list_search(struct app *a, struct lijst *l, int from, int dir,
		     int (*match)(const void *row, const void *arg), const void *arg, const char *waar,
		     const char *query);

/* The action that closes the pane (a pane_action run function). */
int app_action_pop(struct pane *p, struct app *a, enum action_id id);

/* Pushes p on top (takes ownership). */
void app_push(struct app *a, struct pane *p);
/* Pops the top pane after the current handler returns. */
void app_pop(struct app *a);
/* Replaces every pane by p after the current handler returns. */
void app_reset(struct app *a, struct pane *p);
/* Applies pending pops/resets; called by the loop. */
void app_settle(struct app *a);

/* Sets the message line (printf style).  error: shown as an error. */
void app_message(struct app *a, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_message_clear(struct app *a);
/* Sets the message line to what is being done now ("Bezig met laden…");
 * msg_progress stays set until the next app_message, so the work can clear
 * it when done without comparing texts. */
void app_progress(struct app *a, const char *text);
/* Clears the message line only when it says what was being done: a load
 * (also one a live update started) ends its own "Bezig met laden…" but
 * leaves the outcome of what the person just did on screen. */
void app_progress_done(struct app *a);

/* Places the input cursor (body coordinates) for this paint. */
void app_cursor(struct app *a, int y, int x);

/* Session life cycle. */
void app_login(struct app *a, const struct session *s); /* → home pane */
void app_logout(struct app *a, const char *why);         /* → login pane, why shown there */
void app_lock(struct app *a);                            /* pushes the lock pane */

/* Makes sure there is a working connection: reconnects when it was lost
 * and restores the acting account.  0 / -1 with e set (Dutch). */
int app_connect(struct app *a, struct err *e);
int app_connected(struct app *a);
/* A connection as the auth role (balie.conf auth_conninfo) for one login,
 * unlock or password check; the caller frees it at once. */
struct db *app_auth_connect(struct app *a, struct err *e);

/* The connection of a logged-in session broke (NOTIFY socket at EOF, a
 * query failed): shows the banner and starts reconnecting with back-off.
 * Idempotent. */
void app_conn_lost(struct app *a);
/* Makes the next reconnect attempt happen now (the reload key). */
void app_reconnect_now(struct app *a);
/* Once per loop turn, after painting: notices a lost connection, makes a
 * due attempt (blocking at most as long as a connect to a refusing server)
 * and, when the connection is back — by this attempt or by a pane's own
 * app_connect() — hides the banner and calls pane_ops.reconnected.
 * Returns the poll() timeout it needs in ms (-1: none). */
int app_conn_tick(struct app *a);
/* The banner text ("" when connected) and the connection state word for
 * the status bar. */
const char *app_banner(struct app *a, char *buf, size_t len);
/* While a reconnect attempt runs: its socket and the poll() events to wait
 * for (-1 when none); the loop calls app_conn_ready() when it is ready. */
int app_conn_fd(struct app *a, short *events);
void app_conn_ready(struct app *a);
const char *app_conn_state(struct app *a);

/* The werkvoorraad showed fresh rows: the unread count starts again. */
void app_werkvoorraad_seen(struct app *a);

/* The global actions (quit, help, redraw, lock): what happens when the pane
 * does not handle an action itself. */
int app_global_action(struct app *a, enum action_id id);

/* Runs an action on the top pane, then globally. */
int app_run_action(struct app *a, enum action_id id);

/* Hands one NOTIFY event to every pane on the stack (pane_ops.changed);
 * returns the reactions of the top pane. */
int app_changed(struct app *a, const struct notify_event *ev);

#endif
