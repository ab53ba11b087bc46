/* main.c — balie's entry point: global options, then a verb from the table
 * in tui/cmd/ (`balie admin …`, `balie demo`, …) or the interactive program. */
#include <locale.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/totpzegel.h"
#include "db/auth.h"
#include "tui/action.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"
#include "tui/cmd/safe_output.h"
#include "tui/config.h"
#include "tui/paths.h"
#include "tui/tui.h"

#ifndef BALIE_VERSION
#define BALIE_VERSION "0.1"
#endif

/* Global options shared by the TUI and the verbs (tui/cmd/common.c reads
 * them through main_config()). */
static struct config cfg;
static const char *config_path;
static const char *org_override;
static struct keybind keys;
static char keys_notice[600];

const struct keybind *main_keys(void)
{
	return &keys;
}

const char *main_keys_notice(void)
{
	return keys_notice[0] ? keys_notice : NULL;
}

/* A keymap error: on stderr now, and the first one also in the TUI's
 * message line (stderr is hidden once curses owns the screen). */
static void keys_report(const struct err *e, void *arg)
{
	char buf[600];
	err_format(e, buf, sizeof buf);
	fprintf(stderr, "balie: %s\n", buf);
	if (!keys_notice[0])
		snprintf(keys_notice, sizeof keys_notice, "Toetsen: %.500s — die regel is overgeslagen", buf);
}

/* ~/.config/balie/keys (or $XDG_CONFIG_HOME/balie/keys). */
static void user_keys_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(buf, len, "%s/balie/keys", xdg);
	else
		snprintf(buf, len, "%s/.config/balie/keys", home ? home : "");
}

const struct config *main_config(void)
{
	return &cfg;
}

/* Pupil data lives in this process's memory: no core file may carry it to
 * disk, and no other process of the same Unix user may attach with ptrace
 * or read /proc/PID/mem (a non-dumpable process's /proc entries belong to
 * root).  Done first, before anything is read. */
static void harden_process(void)
{
	struct rlimit none = { 0, 0 };

	(void)setrlimit(RLIMIT_CORE, &none);
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int main(int argc, char **argv)
{
	struct err e;
	int dump = 0, dump_keys = 0, list_actions = 0;
	int i = 1;

	harden_process();
	setlocale(LC_ALL, "");
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_path = argv[++i];
		} else if (!strcmp(argv[i], "--organisatie") && i + 1 < argc) {
			org_override = argv[++i];
		} else if (!strcmp(argv[i], "--dump-config")) {
			dump = 1;
		} else if (!strcmp(argv[i], "--dump-keys")) {
			dump_keys = 1;
		} else if (!strcmp(argv[i], "--list-actions")) {
			list_actions = 1;
		} else if (!strcmp(argv[i], "--version")) {
			printf("balie %s\n", BALIE_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_usage(0);
			return 0;
		} else {
			fprintf(stderr, "balie: onbekende optie '%s'\n", argv[i]);
			cmd_usage(1);
			return 2;
		}
	}
	err_clear(&e);
	if (config_load(&cfg, config_path, &e) < 0) {
		char buf[1024];
		fprintf(stderr, "balie: %s\n", err_format(&e, buf, sizeof buf));
		return 2;
	}
	if (org_override)
		snprintf(cfg.organisatie, sizeof cfg.organisatie, "%s", org_override);
	if (cfg.data_dir[0])
		paths_set_datadir(cfg.data_dir);
	if (dump) {
		config_dump(&cfg, stdout);
		return 0;
	}
	if (list_actions) {
		action_list(stdout);
		return 0;
	}
	char user_keys[1024];
	user_keys_path(user_keys, sizeof user_keys);
	int key_errors = keybind_load(&keys, paths_datadir(), cfg.keymap, user_keys, keys_report, NULL);
	if (dump_keys) {
		keybind_dump(&keys, stdout);
		keybind_free_map(&keys);
		return key_errors ? 1 : 0;
	}
	if (keys.n == 0) {
		fprintf(stderr, "balie: geen toetsen geladen uit %s/keymaps/default.keys: installatie onvolledig?\n",
			paths_datadir());
		keybind_free_map(&keys);
		return 2;
	}
	if (i < argc) {
		int used = 0;
		const struct cmd *c = cmd_find(argc - i, argv + i, &used);
		if (!c) {
			fprintf(stderr, "balie: onbekende opdracht '%s'\n", argv[i]);
			cmd_usage(1);
			return 2;
		}
		/* Names and data-file lines in what a verb prints reach a
		 * terminal without control characters; `demo` hands the
		 * terminal to curses, which needs the real stream. */
		if (c->run != cmd_demo)
			safe_output_install();
		/* The verb sees its own last word as argv[0]. */
		int rc = c->run(argc - i - used + 1, argv + i + used - 1);
		keybind_free_map(&keys);
		return rc;
	}
	struct tui_options o = {
		.conninfo = cfg.conninfo,
		.auth_conninfo = cfg.auth_conninfo,
		.auth_socket = cfg.auth_socket,
		.org_code = cfg.organisatie,
		.idle_lock_minutes = cfg.idle_lock_minutes,
		.verloopt_maanden = cfg.verloopt_maanden,
		.banner = NULL,
		.keys = &keys,
		.startup_notice = main_keys_notice(),
		.report = { cfg.report_conninfo, cfg.report_fallback, cfg.report_max_lag_s },
	};
	config_hash_params(&cfg, &o.hash_params);
	/* With a helper the staff's program must not hold the auth role's
	 * credential at all (issue 12 §1): a configuration that gives it both
	 * is a mistake of the set-up, said before anything is shown. */
	if (cfg.auth_socket[0] && (cfg.auth_conninfo[0] || cfg.totp_sleutel[0])) {
		fprintf(stderr, "balie: %s: auth_socket staat aan, dan horen auth_conninfo en totp_sleutel alleen in de "
				"configuratie van de aanmeldhelper (balie-admin(8))\n", cfg.path[0] ? cfg.path : "balie.conf");
		keybind_free_map(&keys);
		return 2;
	}
	/* Without a helper this process logs in itself (a test set-up,
	 * balie-admin(8)): it then needs the TOTP key as the helper would. */
	if (!cfg.auth_socket[0] && cfg.totp_sleutel[0]) {
		unsigned char key[TOTPZEGEL_KEY_LEN];
		struct err e;

		if (totpzegel_key_read(cfg.totp_sleutel, key, &e) < 0) {
			fprintf(stderr, "balie: %s\n", e.msg);
			keybind_free_map(&keys);
			return 2;
		}
		auth_set_totp_key(key);
		explicit_bzero(key, sizeof key);
	}
	int rc = tui_run(&o);
	keybind_free_map(&keys);
	return rc;
}
