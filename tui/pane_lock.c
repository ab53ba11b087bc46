/* pane_lock.c — the idle lock; see pane_lock.h.
 *
 * While this pane is in front nothing under it is drawn, so no pupil data
 * stays on an unattended screen.  Unlocking checks the password of the
 * logged-in account with auth_unlock() (a wrong one counts as a failed
 * login; after AUTH_MAX_FAILURES the account is blocked and the session
 * ends).  An account with tweestapsverificatie also types a fresh code
 * (issue 12 §3): a second field appears once the password was right.
 */
#include "tui/pane_lock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/auth.h"
#include "tui/aanmelden.h"
#include "tui/field.h"

struct lock {
	struct pane base;
	struct field pass;
	struct field code;
	int need_code; /* the password was right; the account has TOTP */
	int check;     /* work pending: check the password (and code) */
};

#define FIELD_COLS 32

static struct lock *K(struct pane *p)
{
	return (struct lock *)p;
}

static enum action_ctx lock_context(const struct pane *p)
{
	(void)p;
	return CTX_LOCK;
}

static void lock_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct lock *k = K(p);
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	int block = 14 + FIELD_COLS, x = (cols - block) / 2, y = rows / 2 - 4;
	int cx;

	screen_put(w, y, x, block, "Scherm vergrendeld", s->attr[ST_HEAD]);
	y += 2;
	screen_wrap(w, y, x, block, 2,
		    "Voer je wachtwoord in om verder te werken.", s->attr[ST_NORMAL]);
	y += 2;
	screen_put(w, y, x, 14, "Gebruiker", s->attr[ST_NORMAL]);
	screen_put(w, y, x + 14, FIELD_COLS, a->session.username, s->attr[ST_DIM]);
	y += 2;
	screen_put(w, y, x, 14, "Wachtwoord", s->attr[k->need_code ? ST_NORMAL : ST_HEAD]);
	cx = field_draw(&k->pass, w, y, x + 14, FIELD_COLS, s->attr[k->need_code ? ST_DIM : ST_SEL]);
	if (k->need_code) {
		y += 2;
		screen_put(w, y, x, 14, "Code", s->attr[ST_HEAD]);
		cx = field_draw(&k->code, w, y, x + 14, 8, s->attr[ST_SEL]);
	}
	app_cursor(a, y, cx);
}

static int lock_key(struct pane *p, struct app *a, int key)
{
	struct lock *k = K(p);

	(void)a;
	return field_key(k->need_code ? &k->code : &k->pass, key) ? R_PAINT : R_NONE;
}

static int lock_action(struct pane *p, struct app *a, enum action_id id)
{
	struct lock *k = K(p);

	switch (id) {
	case ACT_UNLOCK:
		if (k->pass.len == 0) {
			app_message(a, 1, "Vul je wachtwoord in");
			return R_BARS;
		}
		if (k->need_code && k->code.len == 0) {
			app_message(a, 1, "Vul de code uit je authenticator-app in");
			return R_BARS;
		}
		k->check = 1;
		app_message(a, 0, "Bezig met controleren…");
		return R_BARS | R_WORK;
	case ACT_CLEAR:
		if (k->need_code) { /* back to the password */
			field_clear(&k->code);
			field_clear(&k->pass);
			k->need_code = 0;
			return R_PAINT;
		}
		if (k->pass.len == 0)
			return R_NONE;
		field_clear(&k->pass);
		return R_PAINT;
	case ACT_LOCK:
		return R_DONE; /* locked already */
	default:
		return R_NONE;
	}
}

static int lock_work(struct pane *p, struct app *a)
{
	struct lock *k = K(p);
	char pass[FIELD_MAX * 4 + 1], code[32] = "";
	struct err e;
	enum auth_result r;

	if (!k->check)
		return R_NONE;
	k->check = 0;
	err_clear(&e);
	if (field_utf8(&k->pass, pass, sizeof pass) < 0) {
		field_clear(&k->pass);
		app_message(a, 1, "Wachtwoord is te lang");
		return R_PAINT | R_BARS;
	}
	if (k->need_code && field_utf8(&k->code, code, sizeof code) < 0)
		code[0] = '\0';
	field_clear(&k->code);
	if (app_connect(a, &e) < 0) {
		explicit_bzero(pass, sizeof pass);
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	r = aanmelden_ontgrendel(a, pass, code, &e);
	explicit_bzero(pass, sizeof pass);
	explicit_bzero(code, sizeof code);
	/* the password stays in its (masked) field only while the code is
	 * asked: unlocking needs both in one check */
	if (r != AUTH_NEED_TOTP && r != AUTH_OK) {
		field_clear(&k->pass);
		k->need_code = 0;
	}
	switch (r) {
	case AUTH_NEED_TOTP:
		k->need_code = 1;
		app_message(a, 0, "%s", auth_message(r));
		break;
	case AUTH_OK:
		field_clear(&k->pass);
		a->locked = 0;
		a->last_key_ms = app_now_ms();
		app_message_clear(a);
		app_pop(a);
		break;
	case AUTH_BLOCKED:
	case AUTH_NO_ORG:
		app_logout(a, auth_message(r));
		break;
	case AUTH_ERROR:
		app_message(a, 1, "%s", e.msg[0] ? e.msg : auth_message(r));
		break;
	default:
		app_message(a, 1, "%s", auth_message(r));
		break;
	}
	return R_PAINT | R_BARS;
}

static void lock_free(struct pane *p)
{
	struct lock *k = K(p);

	explicit_bzero(k, sizeof *k);
	free(k);
}

static const struct pane_ops lock_ops = {
	.name = "lock",
	.title = "Vergrendeld",
	.context = lock_context,
	.draw = lock_draw,
	.key = lock_key,
	.action = lock_action,
	.work = lock_work,
	.free = lock_free,
};

struct pane *pane_lock_new(struct app *a)
{
	struct lock *k = calloc(1, sizeof *k);

	(void)a;
	if (!k)
		return NULL;
	k->base.ops = &lock_ops;
	field_init(&k->pass, FIELD_MAX, FIELD_MASKED);
	field_init(&k->code, 6, 0);
	return &k->base;
}
