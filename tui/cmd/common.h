/* common.h — what the verbs share: the loaded configuration and a
 * connection made from it. */
#ifndef BALIE_CMD_COMMON_H
#define BALIE_CMD_COMMON_H

#include <stddef.h>

#include "core/err.h"
#include "db/conn.h"
#include "tui/config.h"

/* The configuration main() loaded (defaults when there was no file). */
const struct config *main_config(void);

/* The key bindings main() loaded, and a one-line notice about errors in
 * them for the TUI's message line (NULL when none). */
const struct keybind *main_keys(void);
const char *main_keys_notice(void);

/* Connects with the configured conninfo (or the PG* environment), prints a
 * Dutch error to stderr on failure.  NULL on failure. */
struct db *cmd_connect(void);

/* The account a verb acts for: `als` (--als GEBRUIKER) or else the login
 * name of the Unix user running balie (staff log in over SSH with their own
 * account), in organisatie org (NULL: balie.conf's, else the account's
 * first).  Only back-office accounts.  Prints a Dutch error and returns -1
 * when there is none; 0 with s filled and the acting account set. */
struct session;
int cmd_acting_session(struct db *db, const char *als, const char *org, struct session *s);

/* The value after option name ("--naam X"), NULL when absent; whether a
 * flag is present.  Shared by the admin verbs. */
const char *cmd_opt(int argc, char **argv, const char *name);
int cmd_flag(int argc, char **argv, const char *name);

/* "door <Unix user>" (under sudo: "door <SUDO_USER> (via sudo)"), the
 * operator an admin verb records in its audit row. */
void cmd_operator(char *buf, size_t len);

/* Prints "balie: <message>" (with file:line when set) to stderr; returns 2. */
int cmd_fail(const struct err *e);

#endif
