/* config.c — reading balie.conf; see config.h. */
#include "tui/config.h"

#include "core/bestand.h"
#include "core/wachtwoord.h"
#include "db/conn.h"

#include <libconfig.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_CONFIG "/etc/balie/balie.conf"

enum setting_type { SET_STRING, SET_INT };

struct setting {
	const char *name;
	enum setting_type type;
	size_t offset;
	size_t size;       /* strings: buffer size */
	int def, min, max; /* ints */
	const char *help;
};

#define STR(field, help) {#field, SET_STRING, offsetof(struct config, field), \
	sizeof(((struct config *)0)->field), 0, 0, 0, help}

static const struct setting settings[] = {
	{"conninfo", SET_STRING, offsetof(struct config, conninfo), sizeof(((struct config *)0)->conninfo),
	 0, 0, 0, "libpq-verbindingsgegevens; leeg = PG*-omgevingsvariabelen of pg_service.conf"},
	{"auth_conninfo", SET_STRING, offsetof(struct config, auth_conninfo), sizeof(((struct config *)0)->auth_conninfo),
	 0, 0, 0, "verbinding als de rol balie_auth voor inloggen en ontgrendelen; leeg = conninfo"},
	STR(auth_socket, "socket van de aanmeldhelper (balie authd); leeg = aanmelden in het programma zelf"),
	STR(totp_sleutel, "sleutelbestand voor de tweestapsverificatie, alleen leesbaar voor de aanmeldhelper "
			  "(balie authd --maak-sleutel PAD)"),
	STR(organisatie, "standaardorganisatie bij het inloggen, bijv. \"PO3008\""),
	{"idle_lock_minutes", SET_INT, offsetof(struct config, idle_lock_minutes), 0, 15, 0, 480,
	 "scherm vergrendelen na zoveel minuten zonder toetsaanslag; 0 = nooit"},
	STR(mail_command, "sendmail(8)-compatibel programma voor balie mail"),
	STR(mail_from, "afzender van balie mail: \"adres@domein.nl\" of \"Naam <adres@domein.nl>\""),
	STR(data_dir, "map met forms/ en keymaps/; leeg = ingebouwde locatie"),
	STR(keymap, "toetsenindeling: \"default\" of een variant in keymaps/, bijv. \"vi\""),
	{"argon2_opslimit", SET_INT, offsetof(struct config, argon2_opslimit), 0, 2, 1, 20,
	 "argon2id: aantal rondes voor wachtwoordhashes (wijzigen = opnieuw hashen bij de volgende login)"},
	{"argon2_memlimit_mb", SET_INT, offsetof(struct config, argon2_memlimit_mb), 0, 64, 8, 4096,
	 "argon2id: geheugen in MiB per wachtwoordhash (wijzigen = opnieuw hashen bij de volgende login)"},
	STR(uitwisselmap, "map met per account een uitwisselmap voor sftp (balie ssh-toegang); leeg = geen"),
	STR(report_conninfo, "libpq-verbindingsgegevens van een streaming replica waar kengetallen en exports uit lezen; "
			     "leeg = de gewone verbinding"),
	{"report_fallback", SET_INT, offsetof(struct config, report_fallback), 0, 0, 0, 1,
	 "1 = bij een onbereikbare of achterlopende replica uit de hoofddatabase lezen; 0 = weigeren met een melding"},
	{"report_max_lag_s", SET_INT, offsetof(struct config, report_max_lag_s), 0, 300, 0, 86400,
	 "seconden die de replica hoogstens mag achterlopen; 0 = niet controleren"},
	{"verloopt_maanden", SET_INT, offsetof(struct config, verloopt_maanden), 0, 3, 1, 24,
	 "lijst Verloopt binnenkort: TLV's en aanpakken die binnen zoveel maanden aflopen"},
	{NULL, 0, 0, 0, 0, 0, 0, NULL},
};

static void defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	for (const struct setting *s = settings; s->name; s++)
		if (s->type == SET_INT)
			*(int *)((char *)c + s->offset) = s->def;
	snprintf(c->mail_command, sizeof c->mail_command, "/usr/sbin/sendmail -t -i");
	snprintf(c->keymap, sizeof c->keymap, "default");
}

/* Only called on a conninfo that db_conninfo_check accepted. */
static int conninfo_has_password(const char *ci)
{
	int has = 0;
	struct err ignored;
	return db_conninfo_check(ci, &has, &ignored) < 0 || has;
}

static int holds_password(const struct config *c)
{
	int has = 0;
	struct err ignored;
	return db_conninfo_check(c->conninfo, &has, &ignored) < 0 || has;
}

static int report_holds_password(const struct config *c)
{
	int has = 0;
	struct err ignored;
	return db_conninfo_check(c->report_conninfo, &has, &ignored) < 0 || has;
}

/* A conninfo setting libpq accepts: 0, or -1 with e at its line. */
static int check_conninfo(config_t *cf, const char *path, const char *name, const char *value, int *has_password,
			  struct err *e)
{
	if (db_conninfo_check(value, has_password, e) == 0)
		return 0;
	char msg[sizeof e->msg];
	config_setting_t *ci = config_lookup(cf, name);
	snprintf(msg, sizeof msg, "%s", e->msg);
	if (strcmp(name, "conninfo"))
		return err_set_at(e, path, ci ? config_setting_source_line(ci) : 0, "%s: %s", name, msg);
	return err_set_at(e, path, ci ? config_setting_source_line(ci) : 0, "%s", msg);
}

int config_load(struct config *c, const char *path, struct err *e)
{
	struct stat st;
	config_t cf;
	int rc = -1;

	defaults(c);
	if (!path)
		path = getenv("BALIE_CONFIG");
	if (!path || !*path) {
		if (stat(DEFAULT_CONFIG, &st) != 0)
			return 0; /* no file: PG* environment */
		path = DEFAULT_CONFIG;
	}
	if (stat(path, &st) != 0)
		return err_set(e, "configuratiebestand '%s' niet gevonden", path);
	snprintf(c->path, sizeof c->path, "%s", path);

	/* a FIFO or device would hang libconfig's fopen, and a 100 MB file
	 * took minutes to parse: refused before libconfig sees a byte */
	size_t len;
	char *text = bestand_lees(path, BESTAND_MAX_CONFIG, &len, e);
	if (!text)
		return -1;
	if (strlen(text) != len) {
		free(text);
		return err_set(e, "%s bevat een nul-byte; is dit wel een configuratiebestand?", path);
	}
	config_init(&cf);
	int parsed = config_read_string(&cf, text);
	free(text);
	if (parsed != CONFIG_TRUE) {
		err_set_at(e, path, config_error_line(&cf), "%s", config_error_text(&cf));
		goto out;
	}
	config_setting_t *root = config_root_setting(&cf);
	for (int i = 0; i < config_setting_length(root); i++) {
		config_setting_t *item = config_setting_get_elem(root, i);
		const char *name = config_setting_name(item);
		const struct setting *s;
		for (s = settings; s->name; s++)
			if (!strcmp(s->name, name))
				break;
		int line = config_setting_source_line(item);
		if (!s->name) {
			err_set_at(e, path, line, "onbekende instelling '%s'", name);
			goto out;
		}
		char *field = (char *)c + s->offset;
		if (s->type == SET_STRING) {
			const char *v = config_setting_get_string(item);
			if (!v) {
				err_set_at(e, path, line, "'%s' moet tekst tussen aanhalingstekens zijn", name);
				goto out;
			}
			if (strlen(v) >= s->size) {
				err_set_at(e, path, line, "'%s' is te lang (max. %zu tekens)", name, s->size - 1);
				goto out;
			}
			memcpy(field, v, strlen(v) + 1);
		} else {
			if (config_setting_type(item) != CONFIG_TYPE_INT) {
				err_set_at(e, path, line, "'%s' moet een geheel getal zijn", name);
				goto out;
			}
			int v = config_setting_get_int(item);
			if (v < s->min || v > s->max) {
				err_set_at(e, path, line, "'%s' moet tussen %d en %d liggen", name, s->min, s->max);
				goto out;
			}
			*(int *)field = v;
		}
	}
	int has_password = 0, report_password = 0, auth_password = 0;
	if (check_conninfo(&cf, path, "conninfo", c->conninfo, &has_password, e) < 0 ||
	    check_conninfo(&cf, path, "auth_conninfo", c->auth_conninfo, &auth_password, e) < 0 ||
	    check_conninfo(&cf, path, "report_conninfo", c->report_conninfo, &report_password, e) < 0)
		goto out;
	has_password |= report_password | auth_password;
	/* Staff must not read the database password (balie-admin(8)).  Group-
	 * readable is refused too: staff may share the group. */
	if (has_password && (st.st_mode & (S_IRGRP | S_IROTH))) {
		err_set(e, "%s bevat een wachtwoord maar is leesbaar voor anderen: chmod 600 %s", path, path);
		goto out;
	}
	rc = 0;
out:
	config_destroy(&cf);
	return rc;
}

void config_hash_params(const struct config *c, struct wachtwoord_params *p)
{
	p->opslimit = (unsigned long long)c->argon2_opslimit;
	p->memlimit = (size_t)c->argon2_memlimit_mb * 1024u * 1024u;
}

void config_dump(const struct config *c, FILE *f)
{
	fprintf(f, "# balie.conf%s%s\n", c->path[0] ? " — gelezen uit " : " — standaardwaarden", c->path);
	for (const struct setting *s = settings; s->name; s++) {
		const char *field = (const char *)c + s->offset;
		fprintf(f, "\n# %s\n", s->help);
		if (s->type == SET_INT) {
			fprintf(f, "%s = %d;\n", s->name, *(const int *)field);
		} else if ((!strcmp(s->name, "conninfo") && holds_password(c)) ||
			   (!strcmp(s->name, "auth_conninfo") && conninfo_has_password(field)) ||
			   (!strcmp(s->name, "report_conninfo") && report_holds_password(c))) {
			fprintf(f, "%s = \"(bevat een wachtwoord; niet getoond)\";\n", s->name);
		} else {
			fprintf(f, "%s = \"%s\";\n", s->name, field);
		}
	}
}
