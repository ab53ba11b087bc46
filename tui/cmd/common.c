/* common.c — helpers shared by the verbs; see common.h. */
#include "tui/cmd/common.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/auth.h"
#include "tui/authc.h"

int cmd_fail(const struct err *e)
{
	char buf[1024];
	fprintf(stderr, "balie: %s\n", err_format(e, buf, sizeof buf));
	return 2;
}

struct db *cmd_connect(void)
{
	struct db *db = NULL;
	struct err e;
	err_clear(&e);
	if (db_connect(&db, main_config()->conninfo, &e) < 0) {
		cmd_fail(&e);
		return NULL;
	}
	return db;
}

int cmd_acting_session(struct db *db, const char *als, const char *org, struct session *s)
{
	char who[64];
	struct err e;

	err_clear(&e);
	/* A person's own open session (BALIE_TOKEN, e.g. from a script they
	 * run): the verb acts in it instead of opening one. */
	const char *tok = getenv("BALIE_TOKEN");
	if (tok && *tok) {
		db_set_session(db, tok, 0);
		if (auth_session_info(db, s, &e) < 0) {
			db_set_session(db, NULL, 0);
			fprintf(stderr, "balie: BALIE_TOKEN: %s\n", e.msg);
			return -1;
		}
		db_set_session(db, tok, s->account_id);
		if (!s->internal) {
			fprintf(stderr, "balie: %s heeft geen back-officerol in %s\n", s->username, s->organisatie_code);
			return -1;
		}
		return 0;
	}
	if (als && *als) {
		snprintf(who, sizeof who, "%s", als);
	} else {
		const struct passwd *pw = getpwuid(getuid());
		if (!pw) {
			fprintf(stderr, "balie: kan de Unix-gebruiker niet bepalen; geef --als GEBRUIKER\n");
			return -1;
		}
		snprintf(who, sizeof who, "%s", pw->pw_name);
	}
	if (!org || !*org)
		org = main_config()->organisatie[0] ? main_config()->organisatie : NULL;
	/* the auth helper (or, without one, the auth role in-process) opens
	 * the session; db then presents its token */
	enum auth_result r;
	if (main_config()->auth_socket[0]) {
		const char *f[3] = { "CLI", who, org ? org : "" };
		r = authc_once(main_config()->auth_socket, 3, f, s, &e);
	} else {
		struct db *adb = NULL;
		const char *aci = main_config()->auth_conninfo[0] ? main_config()->auth_conninfo : main_config()->conninfo;
		r = db_connect(&adb, aci, &e) < 0 ? AUTH_ERROR : auth_session_for(adb, who, org, s, &e);
		db_free(&adb);
	}
	if (r == AUTH_OK)
		db_set_session(db, s->token, s->account_id);
	switch (r) {
	case AUTH_OK:
		if (!s->internal) {
			fprintf(stderr, "balie: %s heeft geen back-officerol in %s\n", who, s->organisatie_code);
			return -1;
		}
		return 0;
	case AUTH_FAILED:
		fprintf(stderr, "balie: onbekende gebruiker \"%s\"%s\n", who,
			als && *als ? "" : " (de Unix-gebruiker; geef --als GEBRUIKER)");
		return -1;
	case AUTH_BLOCKED:
		fprintf(stderr, "balie: account \"%s\" is geblokkeerd\n", who);
		return -1;
	case AUTH_NO_ORG:
		fprintf(stderr, "balie: \"%s\" heeft geen rol in %s\n", who, org ? org : "een organisatie");
		return -1;
	default:
		cmd_fail(&e);
		return -1;
	}
}

const char *cmd_opt(int argc, char **argv, const char *name)
{
	for (int i = 0; i + 1 < argc; i++)
		if (!strcmp(argv[i], name))
			return argv[i + 1];
	return NULL;
}

int cmd_flag(int argc, char **argv, const char *name)
{
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

void cmd_operator(char *buf, size_t len)
{
	/* Under sudo the real person is SUDO_USER, not root. */
	const char *sudo = getenv("SUDO_USER");
	struct passwd *pw = getpwuid(getuid());
	if (sudo && *sudo)
		snprintf(buf, len, "door %s (via sudo)", sudo);
	else
		snprintf(buf, len, "door %s", pw ? pw->pw_name : "?");
}
