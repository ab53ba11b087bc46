/* aanmelden.h — logging in, unlocking and the password again, for the
 * panes: through the auth helper (`balie authd`, balie.conf auth_socket)
 * when one is configured — then this process never holds the auth
 * role's credential — else in-process on a short connection as balie_auth
 * (auth_conninfo; a test set-up).  Same results as db/auth.h. */
#ifndef BALIE_TUI_AANMELDEN_H
#define BALIE_TUI_AANMELDEN_H

#include "db/auth.h"

struct app;

/* Step 1 of a login; on AUTH_NEED_TOTP call aanmelden_code next (the
 * helper's connection stays open until then, or aanmelden_stop). */
enum auth_result aanmelden_wachtwoord(struct app *a, const char *user, const char *pass, const char *org,
				      struct session *s, struct err *e);
enum auth_result aanmelden_code(struct app *a, const char *user, const char *code, const char *org,
				struct session *s, struct err *e);
/* Forgets a login that waits for its code. */
void aanmelden_stop(struct app *a);

/* The idle lock: AUTH_NEED_TOTP asks for the code (call again with both). */
enum auth_result aanmelden_ontgrendel(struct app *a, const char *pass, const char *code, struct err *e);

/* The password again before something that needs it; actie names the
 * audit row. */
enum auth_result aanmelden_opnieuw(struct app *a, const char *pass, const char *actie, struct err *e);

/* One's own TOTP set-up: code proves the person has the new base32
 * secret; the helper seals and stores it (auth_totp_set). */
enum auth_result aanmelden_totp_instellen(struct app *a, const char *base32, const char *code, struct err *e);

#endif
