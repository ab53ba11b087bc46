/* pane_login.c — the login screen; see pane_login.h.
 *
 * States: connecting (work pending) → offline (why, R / q) or the form.  The
 * form has two steps: username + password, then — only when auth_password()
 * says AUTH_NEED_TOTP — the authenticator code.  The password lives in a
 * masked field and in one short-lived UTF-8 buffer; both are wiped right
 * after auth_password() returns, whatever it returned.
 */
#include "tui/pane_login.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/auth.h"
#include "tui/aanmelden.h"
#include "tui/field.h"

enum login_state { LS_CONNECTING, LS_OFFLINE, LS_FORM };
enum login_job { JOB_NONE, JOB_CONNECT, JOB_PASSWORD, JOB_TOTP };
enum { F_USER, F_PASS, F_CODE, F_COUNT };

struct login {
	struct pane base;
	enum login_state state;
	enum login_job job;
	int totp;  /* password accepted, now the code */
	int focus; /* F_USER, F_PASS, F_CODE */
	struct field f[F_COUNT];
	char why[512];  /* why we are offline */
	char note[512]; /* the last refusal, shown under the fields */
	struct session sess; /* auth_password → auth_totp carry the pending login here */
};

static const char *const labels[F_COUNT] = {
	"Gebruikersnaam", "Wachtwoord", "Code uit je authenticator-app",
};

#define FIELD_COLS 32

static struct login *L(struct pane *p)
{
	return (struct login *)p;
}

static const char *org_code(struct app *a)
{
	const char *o = a->opt->org_code;

	return o && *o ? o : NULL;
}

static enum action_ctx login_context(const struct pane *p)
{
	return ((const struct login *)p)->state == LS_FORM ? CTX_LOGIN : CTX_OFFLINE;
}

static void draw_offline(struct login *l, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	int width = cols > 72 ? 72 : cols - 4;
	int x = (cols - width) / 2, y = rows / 2 - 4;

	if (y < 1)
		y = 1;
	if (l->state == LS_CONNECTING) {
		screen_put(w, rows / 2, x, width, "Verbinden met de database…", s->attr[ST_HEAD]);
		return;
	}
	screen_put(w, y, x, width, "Geen verbinding met de database", s->attr[ST_ERROR]);
	y += 2;
	y += screen_wrap(w, y, x, width, 6, l->why, s->attr[ST_NORMAL]);
	y++;
	screen_wrap(w, y, x, width, 2,
		    "Druk R om het opnieuw te proberen, of q om af te sluiten.",
		    s->attr[ST_NORMAL]);
}

static void login_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct login *l = L(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	int lw = 0, block, x, y, fx;

	if (l->state != LS_FORM) {
		draw_offline(l, a, w);
		return;
	}
	for (int i = 0; i < F_COUNT; i++) {
		int sw = screen_width(labels[i]);

		if (sw > lw)
			lw = sw;
	}
	block = lw + 2 + FIELD_COLS;
	x = cols > block ? (cols - block) / 2 : 0;
	fx = x + lw + 2;
	y = rows > 20 ? (rows - 14) / 2 : 1;

	screen_put(w, y, x, block, "Aanmelden bij balie", s->attr[ST_HEAD]);
	y += 2;
	screen_put(w, y, x, lw, "Organisatie", s->attr[ST_NORMAL]);
	if (org_code(a))
		screen_put(w, y, fx, FIELD_COLS, org_code(a), s->attr[ST_NORMAL]);
	else
		screen_put(w, y, fx, FIELD_COLS, "wordt na het aanmelden getoond", s->attr[ST_DIM]);
	y += 2;
	for (int i = 0; i < F_COUNT; i++) {
		if (i == F_CODE && !l->totp)
			break;
		screen_put(w, y, x, lw, labels[i], s->attr[l->focus == i ? ST_HEAD : ST_NORMAL]);
		if (l->totp && i != F_CODE) {
			/* step 2: username and password are done, shown read-only */
			if (i == F_USER)
				field_draw(&l->f[i], w, y, fx, FIELD_COLS, s->attr[ST_DIM]);
			else
				screen_put(w, y, fx, FIELD_COLS, "geaccepteerd", s->attr[ST_DIM]);
		} else {
			int cx = field_draw(&l->f[i], w, y, fx, FIELD_COLS,
					    s->attr[l->focus == i ? ST_SEL : ST_FIELD]);

			if (l->focus == i)
				app_cursor(a, y, cx);
		}
		y += 2;
	}
	if (l->note[0] && y < rows)
		y += screen_wrap(w, y, x, block, 3, l->note, s->attr[ST_ERROR]);
	if (a->opt->banner && *a->opt->banner && y + 1 < rows)
		screen_wrap(w, y + 1, x, block, rows - y - 1, a->opt->banner, s->attr[ST_DIM]);
}

static int login_key(struct pane *p, struct app *a, int key)
{
	struct login *l = L(p);

	if (l->state != LS_FORM)
		return R_NONE;
	if (field_key(&l->f[l->focus], key))
		return R_PAINT;
	return R_NONE;
}

/* Refusals can be long ("… vraag de beheerder …"): they go under the
 * fields, wrapped, not into the one-line message line. */
static void set_note(struct login *l, const char *text)
{
	snprintf(l->note, sizeof l->note, "%s", text ? text : "");
}

static void back_to_password(struct login *l)
{
	explicit_bzero(&l->sess, sizeof l->sess);
	l->totp = 0;
	field_clear(&l->f[F_CODE]);
	field_clear(&l->f[F_PASS]);
	l->focus = F_PASS;
}

static int login_action(struct pane *p, struct app *a, enum action_id id)
{
	struct login *l = L(p);

	switch (id) {
	case ACT_RETRY:
		l->state = LS_CONNECTING;
		l->job = JOB_CONNECT;
		return R_PAINT | R_BARS | R_WORK;
	case ACT_FIELD_NEXT:
	case ACT_FIELD_PREV:
		if (!l->totp)
			l->focus = l->focus == F_USER ? F_PASS : F_USER;
		return R_PAINT;
	case ACT_CLEAR:
		if (l->f[l->focus].len > 0) {
			field_clear(&l->f[l->focus]);
			return R_PAINT;
		}
		if (l->totp) {
			back_to_password(l);
			app_message_clear(a);
			return R_PAINT | R_BARS;
		}
		return R_NONE; /* nothing to clear: Esc may start Esc-digit */
	case ACT_LOGIN:
		if (l->totp) {
			if (l->f[F_CODE].len == 0) {
				app_message(a, 1, "Vul de code uit je authenticator-app in");
				return R_BARS;
			}
			l->job = JOB_TOTP;
		} else if (l->f[F_USER].len == 0) {
			l->focus = F_USER;
			app_message(a, 1, "Vul je gebruikersnaam in");
			return R_PAINT | R_BARS;
		} else if (l->f[F_PASS].len == 0) {
			l->focus = F_PASS;
			app_message(a, 1, "Vul je wachtwoord in");
			return R_PAINT | R_BARS;
		} else {
			l->job = JOB_PASSWORD;
		}
		set_note(l, "");
		app_message(a, 0, "Bezig met aanmelden…");
		return R_PAINT | R_BARS | R_WORK;
	default:
		return R_NONE;
	}
}

static void went_offline(struct login *l, struct app *a, const struct err *e)
{
	l->state = LS_OFFLINE;
	snprintf(l->why, sizeof l->why, "%s", e->msg[0] ? e->msg : "Onbekende fout");
	app_message_clear(a);
}

static int do_password(struct login *l, struct app *a, struct err *e)
{
	char user[FIELD_MAX * 4 + 1], pass[FIELD_MAX * 4 + 1];
	struct session *s = &l->sess;
	enum auth_result r;

	if (field_utf8(&l->f[F_USER], user, sizeof user) < 0 ||
	    field_utf8(&l->f[F_PASS], pass, sizeof pass) < 0) {
		field_clear(&l->f[F_PASS]);
		app_message(a, 1, "Gebruikersnaam of wachtwoord is te lang");
		return R_PAINT | R_BARS;
	}
	explicit_bzero(s, sizeof *s);
	r = aanmelden_wachtwoord(a, user, pass, org_code(a), s, e);
	explicit_bzero(pass, sizeof pass);
	field_clear(&l->f[F_PASS]);
	switch (r) {
	case AUTH_OK:
		app_message_clear(a);
		app_login(a, s);
		break;
	case AUTH_NEED_TOTP: /* s now holds the pending login for auth_totp */
		l->totp = 1;
		l->focus = F_CODE;
		set_note(l, "");
		app_message(a, 0, "%s", auth_message(r));
		break;
	case AUTH_ERROR:
		set_note(l, e->msg[0] ? e->msg : auth_message(r));
		break;
	default:
		l->focus = F_PASS;
		set_note(l, auth_message(r));
		break;
	}
	if (r != AUTH_NEED_TOTP)
		explicit_bzero(s, sizeof *s);
	return R_PAINT | R_BARS;
}

static int do_totp(struct login *l, struct app *a, struct err *e)
{
	char user[FIELD_MAX * 4 + 1], code[FIELD_MAX * 4 + 1];
	enum auth_result r;

	field_utf8(&l->f[F_USER], user, sizeof user);
	field_utf8(&l->f[F_CODE], code, sizeof code);
	r = aanmelden_code(a, user, code, org_code(a), &l->sess, e);
	explicit_bzero(code, sizeof code);
	field_clear(&l->f[F_CODE]);
	switch (r) {
	case AUTH_OK:
		app_message_clear(a);
		app_login(a, &l->sess);
		explicit_bzero(&l->sess, sizeof l->sess);
		break;
	case AUTH_ERROR:
		set_note(l, e->msg[0] ? e->msg : auth_message(r));
		break;
	case AUTH_FAILED: /* a wrong code: the pending login stays, try again */
		set_note(l, auth_message(r));
		break;
	default: /* blocked, no organisatie: start over */
		back_to_password(l);
		set_note(l, auth_message(r));
		break;
	}
	return R_PAINT | R_BARS;
}

static int login_work(struct pane *p, struct app *a)
{
	struct login *l = L(p);
	enum login_job job = l->job;
	struct err e;

	l->job = JOB_NONE;
	err_clear(&e);
	if (job == JOB_NONE)
		return R_NONE;
	app_message_clear(a);
	if (app_connect(a, &e) < 0) {
		back_to_password(l); /* wipes password, code and a pending login */
		went_offline(l, a, &e);
		return R_PAINT | R_BARS;
	}
	if (l->state != LS_FORM) {
		l->state = LS_FORM;
		app_message_clear(a);
	}
	if (job == JOB_PASSWORD)
		return do_password(l, a, &e);
	if (job == JOB_TOTP)
		return do_totp(l, a, &e);
	return R_PAINT | R_BARS;
}

static void login_free(struct pane *p)
{
	struct login *l = L(p);

	explicit_bzero(l, sizeof *l);
	free(l);
}

static const struct pane_ops login_ops = {
	.name = "login",
	.title = "Aanmelden",
	.context = login_context,
	.draw = login_draw,
	.key = login_key,
	.action = login_action,
	.work = login_work,
	.free = login_free,
};

struct pane *pane_login_new(struct app *a, const char *why)
{
	struct login *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	set_note(l, why);
	l->base.ops = &login_ops;
	field_init(&l->f[F_USER], 63, 0);
	field_init(&l->f[F_PASS], FIELD_MAX, FIELD_MASKED);
	field_init(&l->f[F_CODE], 8, FIELD_DIGITS);
	l->focus = F_USER;
	if (app_connected(a)) {
		l->state = LS_FORM;
	} else {
		l->state = LS_CONNECTING;
		l->job = JOB_CONNECT;
		a->work_pending = 1;
	}
	return &l->base;
}
