/* pane_totp.c — setting up tweestapsverificatie; see pane_totp.h. */
#include "tui/pane_totp.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/qr.h"
#include "core/totp.h"
#include "db/auth.h"
#include "tui/aanmelden.h"
#include "tui/field.h"

enum step {
	STEP_WACHTWOORD, /* the password first */
	STEP_CODE,       /* the new secret shown; a code from the app */
};

struct totp_pane {
	struct pane base;
	enum step step;
	struct field input; /* the password, then the code */
	int check;          /* work pending: check what was typed */
	unsigned char secret[TOTP_SECRET_LEN];
	char b32[TOTP_BASE32_LEN];
	struct qr_text qr;
};

#define FIELD_COLS 24
#define TEXT_COLS 34 /* the column beside the QR code */

static struct totp_pane *T(struct pane *p)
{
	return (struct totp_pane *)p;
}

static enum action_ctx totp_context(const struct pane *p)
{
	(void)p;
	return CTX_TOTP;
}

/* "ABCD EFGH IJKL …": a secret a person types over without losing place. */
static void grouped(const char *b32, char *out, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; b32[i] && o + 2 < len; i++) {
		if (i && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = b32[i];
	}
	out[o] = '\0';
}

static void draw_password(struct totp_pane *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int cols = getmaxx(w), block = 14 + FIELD_COLS + 8, x = (cols - block) / 2, y = 2;
	int cx;

	if (x < 1)
		x = 1;
	screen_put(w, y, x, block, "Tweestapsverificatie instellen", s->attr[ST_HEAD]);
	y += 2;
	y += screen_wrap(w, y, x, block, 4,
			 "Na het instellen vraagt balie bij elke aanmelding ook de code uit een "
			 "authenticator-app op je telefoon. Voer eerst je wachtwoord in.",
			 s->attr[ST_NORMAL]);
	y++;
	screen_put(w, y, x, 14, "Gebruiker", s->attr[ST_NORMAL]);
	screen_put(w, y, x + 14, block - 14, a->session.username, s->attr[ST_DIM]);
	y += 2;
	screen_put(w, y, x, 14, "Wachtwoord", s->attr[ST_HEAD]);
	cx = field_draw(&v->input, w, y, x + 14, FIELD_COLS, s->attr[ST_SEL]);
	app_cursor(a, y, cx);
}

static void draw_code(struct totp_pane *v, struct app *a, WINDOW *w)
{
	const struct screen *s = &a->scr;
	int rows = getmaxy(w), cols = getmaxx(w);
	int qr_fits = v->qr.lines <= rows && v->qr.width + 2 + TEXT_COLS <= cols;
	int x = qr_fits ? v->qr.width + 2 : 2, y = 0, width = cols - x - 1, cx;
	char text[160];

	if (qr_fits)
		for (int i = 0; i < v->qr.lines; i++)
			screen_put(w, i, 0, v->qr.width, v->qr.line[i], s->attr[ST_NORMAL]);
	screen_put(w, y++, x, width, "Tweestapsverificatie instellen", s->attr[ST_HEAD]);
	y++;
	y += screen_wrap(w, y, x, width, 4,
			 qr_fits ? "Scan de QR-code met je authenticator-app, of typ het geheim hieronder over."
				 : "Het venster is te klein voor de QR-code: typ het geheim hieronder over in je "
				   "authenticator-app (of maak het venster groter).",
			 s->attr[ST_NORMAL]);
	y++;
	screen_put(w, y++, x, width, "Geheim", s->attr[ST_DIM]);
	grouped(v->b32, text, sizeof text);
	y += screen_wrap(w, y, x, width, 3, text, s->attr[ST_HEAD]);
	screen_put(w, y++, x, width, "Uitgever", s->attr[ST_DIM]);
	screen_put(w, y++, x, width, a->session.organisatie_naam, s->attr[ST_NORMAL]);
	screen_put(w, y++, x, width, "Account", s->attr[ST_DIM]);
	screen_put(w, y++, x, width, a->session.username, s->attr[ST_NORMAL]);
	y++;
	y += screen_wrap(w, y, x, width, 3,
			 "Typ de code die de app nu toont. Pas daarna staat tweestapsverificatie aan.",
			 s->attr[ST_NORMAL]);
	screen_put(w, y, x, 6, "Code", s->attr[ST_HEAD]);
	cx = field_draw(&v->input, w, y, x + 6, 8, s->attr[ST_SEL]);
	app_cursor(a, y, cx);
}

static void totp_draw(struct pane *p, struct app *a, WINDOW *w)
{
	struct totp_pane *v = T(p);

	if (v->step == STEP_WACHTWOORD)
		draw_password(v, a, w);
	else
		draw_code(v, a, w);
}

static int totp_key(struct pane *p, struct app *a, int key)
{
	(void)a;
	return field_key(&T(p)->input, key) ? R_PAINT : R_NONE;
}

static int totp_action(struct pane *p, struct app *a, enum action_id id)
{
	struct totp_pane *v = T(p);

	switch (id) {
	case ACT_TOTP_VERDER:
		if (v->input.len == 0) {
			app_message(a, 1, v->step == STEP_WACHTWOORD ? "Vul je wachtwoord in" : "Vul de code uit de app in");
			return R_BARS;
		}
		v->check = 1;
		app_message(a, 0, "Bezig met controleren…");
		return R_BARS | R_WORK;
	case ACT_CLOSE:
		app_message(a, 0, "Tweestapsverificatie niet gewijzigd");
		app_pop(a);
		return R_PAINT | R_BARS;
	default:
		return R_NONE;
	}
}

/* A fresh secret and its QR code, after the password was right. */
static int make_secret(struct totp_pane *v, struct app *a, struct err *e)
{
	char uri[512];

	if (totp_secret_new(v->secret, e) < 0 ||
	    totp_base32_encode(v->secret, sizeof v->secret, v->b32, sizeof v->b32, e) < 0 ||
	    totp_uri(uri, sizeof uri, a->session.organisatie_naam, a->session.username, v->b32, e) < 0)
		return -1;
	qr_text_free(&v->qr);
	return qr_text_make(uri, &v->qr, e);
}

static int check_password(struct totp_pane *v, struct app *a)
{
	char pass[FIELD_MAX * 4 + 1];
	struct err e;
	enum auth_result r;

	err_clear(&e);
	if (field_utf8(&v->input, pass, sizeof pass) < 0) {
		field_clear(&v->input);
		app_message(a, 1, "Wachtwoord is te lang");
		return R_PAINT | R_BARS;
	}
	field_clear(&v->input);
	r = aanmelden_opnieuw(a, pass, "totp-wachtwoord", &e);
	sodium_memzero(pass, sizeof pass);
	if (r == AUTH_BLOCKED) {
		app_logout(a, auth_message(r));
		return R_PAINT | R_BARS;
	}
	if (r != AUTH_OK) {
		app_message(a, 1, "%s", r == AUTH_ERROR && e.msg[0] ? e.msg : "Wachtwoord onjuist.");
		return R_PAINT | R_BARS;
	}
	if (make_secret(v, a, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	v->step = STEP_CODE;
	field_init(&v->input, 6, 0);
	app_message_clear(a);
	return R_PAINT | R_BARS;
}

static int check_code(struct totp_pane *v, struct app *a)
{
	char code[32];
	long long step = 0;
	struct err e;

	err_clear(&e);
	field_utf8(&v->input, code, sizeof code);
	if (totp_check(v->secret, sizeof v->secret, code, time(NULL), TOTP_NO_STEP, &step, &e) < 0) {
		field_clear(&v->input);
		app_message(a, 1, "Die code klopt niet bij dit geheim; typ de code die de app nu toont");
		return R_PAINT | R_BARS;
	}
	/* the auth helper checks the code again, seals the secret with a key
	 * this process never has, and stores it (issue 12 §2) */
	enum auth_result r = aanmelden_totp_instellen(a, v->b32, code, &e);
	explicit_bzero(code, sizeof code);
	if (r != AUTH_OK) {
		field_clear(&v->input);
		app_message(a, 1, "Niet ingesteld: %s", e.msg[0] ? e.msg : auth_message(r));
		return R_PAINT | R_BARS;
	}
	app_message(a, 0, "Tweestapsverificatie staat aan; vanaf nu vraagt balie ook de code");
	app_pop(a);
	return R_PAINT | R_BARS;
}

static int totp_work(struct pane *p, struct app *a)
{
	struct totp_pane *v = T(p);
	struct err e;

	if (!v->check)
		return R_NONE;
	v->check = 0;
	if (app_connect(a, &e) < 0) {
		app_message(a, 1, "%s", e.msg);
		return R_PAINT | R_BARS;
	}
	return v->step == STEP_WACHTWOORD ? check_password(v, a) : check_code(v, a);
}

static void totp_free(struct pane *p)
{
	struct totp_pane *v = T(p);

	qr_text_free(&v->qr);
	sodium_memzero(v, sizeof *v);
	free(v);
}

static const struct pane_ops totp_ops = {
	.name = "totp",
	.title = "Tweestapsverificatie",
	.context = totp_context,
	.draw = totp_draw,
	.key = totp_key,
	.action = totp_action,
	.work = totp_work,
	.free = totp_free,
};

struct pane *pane_totp_new(struct app *a)
{
	struct totp_pane *v = calloc(1, sizeof *v);

	(void)a;
	if (!v)
		return NULL;
	v->base.ops = &totp_ops;
	field_init(&v->input, FIELD_MAX, FIELD_MASKED);
	return &v->base;
}
