/* pane_totp.h — setting up tweestapsverificatie yourself (issue 12 §3).
 *
 * From the home screen (T): the password first (a wrong one counts as a
 * failed login), then a new secret as a QR code drawn in the terminal
 * (core/qr) and as grouped text, issuer = the organisation's name; the
 * secret is stored only after one valid code from the app, by the auth
 * helper, which checks that code again and seals the secret with a key
 * this process never has (aanmelden_totp_instellen, auth_totp_set), so a
 * person who scanned nothing cannot lock themselves out.  Re-enrolment replaces the old secret the
 * same way. */
#ifndef BALIE_TUI_PANE_TOTP_H
#define BALIE_TUI_PANE_TOTP_H

#include "tui/app.h"

struct pane *pane_totp_new(struct app *a);

#endif
