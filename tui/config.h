/* config.h — balie.conf (libconfig syntax), read once at start.
 *
 * Settings are rows of a table (name, type, default, bounds, help); the same
 * table prints `balie --dump-config` and is documented in balie.conf(5).
 * Lookup order of the file: --config FILE, $BALIE_CONFIG,
 * /etc/balie/balie.conf.  No file at all is fine: libpq then uses the PG*
 * environment or pg_service.conf.
 */
#ifndef BALIE_CONFIG_H
#define BALIE_CONFIG_H

#include <stdio.h>

#include "core/err.h"

struct config {
	char conninfo[1024];     /* libpq conninfo; "" = PG* environment */
	char auth_conninfo[1024]; /* the auth role balie_auth's; "" = conninfo */
	char auth_socket[256];   /* the auth helper's socket (balie authd); "" = log in in-process */
	char totp_sleutel[512];  /* file with the key TOTP secrets are sealed with (core/totpzegel.h);
	                            read by the auth helper and `balie admin` only */
	char organisatie[16];    /* default organisatie code, e.g. "PO3008" */
	int idle_lock_minutes;   /* lock the screen after idleness; 0 = never */
	char mail_command[512];  /* sendmail(8)-compatible, e.g. "/usr/sbin/sendmail -t -i" */
	char mail_from[256];     /* From of balie mail: "adres@domein.nl" or "Naam <adres@domein.nl>" */
	char data_dir[512];      /* forms/ and keymaps/ live here; "" = built-in */
	char keymap[32];         /* "default" or a variant in keymaps/ such as "vi" */
	int argon2_opslimit;     /* argon2id passes for password hashes */
	int argon2_memlimit_mb;  /* argon2id memory in MiB; changing either rehashes at next login */
	char uitwisselmap[512];  /* root of the per-account exchange folders (balie ssh-toegang); "" = none */
	int verloopt_maanden;    /* "Verloopt binnenkort": TLVs and aanpakken ending within this many months */
	char path[512];          /* the file read, "" when none */
	/* the report connection (db/report.h): a streaming replica for the
	 * kengetallen and the exports */
	char report_conninfo[1024];
	int report_fallback;
	int report_max_lag_s;
};

/* Fills c with defaults, then reads path (NULL = the lookup order above).
 * Refuses a file that holds a password and can be read by group or others.
 * Errors name file:line. */
int config_load(struct config *c, const char *path, struct err *e);

/* The argon2id cost of c as libsodium parameters. */
struct wachtwoord_params;
void config_hash_params(const struct config *c, struct wachtwoord_params *p);

/* Prints every setting with its value and help (balie --dump-config). */
void config_dump(const struct config *c, FILE *f);

#endif
