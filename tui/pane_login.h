/* pane_login.h — the login screen: organisatie, gebruikersnaam, wachtwoord and — for
 * accounts with TOTP — the code from the authenticator app.  Connects to the
 * database first; while it cannot, shows why and offers R (retry) and q. */
#ifndef BALIE_TUI_PANE_LOGIN_H
#define BALIE_TUI_PANE_LOGIN_H

#include "tui/app.h"

/* A new pane (push it with app_push/app_reset, which take ownership);
 * NULL when out of memory.  why (may be NULL) is shown under the fields:
 * the reason the person is back at the login screen. */
struct pane *pane_login_new(struct app *a, const char *why);

#endif
