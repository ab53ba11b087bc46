/* main.c — balie's entry point: global options, then a verb from the table
 * in tui/cmd/ (`balie admin …`, `balie demo`, …) or the interactive program. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/cmd/cmd.h"
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

const struct config *main_config(void)
{
	return &cfg;
}

const char *main_config_path(void)
{
	return config_path;
}

int main(int argc, char **argv)
{
	struct err e;
	int dump = 0;
	int i = 1;

	setlocale(LC_ALL, "");
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_path = argv[++i];
		} else if (!strcmp(argv[i], "--organisatie") && i + 1 < argc) {
			org_override = argv[++i];
		} else if (!strcmp(argv[i], "--dump-config")) {
			dump = 1;
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
	if (i < argc) {
		int used = 0;
		const struct cmd *c = cmd_find(argc - i, argv + i, &used);
		if (!c) {
			fprintf(stderr, "balie: onbekende opdracht '%s'\n", argv[i]);
			cmd_usage(1);
			return 2;
		}
		/* The verb sees its own last word as argv[0]. */
		return c->run(argc - i - used + 1, argv + i + used - 1);
	}
	struct tui_options o = {
		.conninfo = cfg.conninfo,
		.org_code = cfg.organisatie,
		.idle_lock_minutes = cfg.idle_lock_minutes,
		.banner = NULL,
	};
	config_hash_params(&cfg, &o.hash_params);
	return tui_run(&o);
}
