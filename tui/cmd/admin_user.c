/* admin_user.c — `balie admin user add|passwd|block|unblock|totp-reset|list`.
 * Passwords are read from the terminal without echo, or as one line from
 * standard input when that is not a terminal (scripts).  Each change is
 * audited with the operator's Unix user name. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/totp.h"
#include "core/totpzegel.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "core/wachtwoord.h"
#include "db/account.h"
#include "db/beheer.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

/* Reads one line; without echo when stdin is a terminal. */
static int read_secret(const char *prompt, char *buf, size_t len)
{
	struct termios old, quiet;
	int tty = isatty(0);
	if (tty) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(0, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	char *ok = fgets(buf, (int)len, stdin);
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	if (!ok)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* Asks for a new password (twice on a terminal), checks the policy and
 * hashes it into hash. */
static int new_password(const char *username, char hash[WACHTWOORD_HASH_LEN], struct err *e)
{
	char pw[WACHTWOORD_MAX_BYTES + 2], again[WACHTWOORD_MAX_BYTES + 2];
	int rc = -1;
	if (read_secret("Nieuw wachtwoord (minstens 12 tekens): ", pw, sizeof pw) < 0) {
		err_set(e, "geen wachtwoord gelezen");
		goto out;
	}
	if (isatty(0)) {
		if (read_secret("Nogmaals: ", again, sizeof again) < 0 || strcmp(pw, again) != 0) {
			err_set(e, "de wachtwoorden zijn niet gelijk");
			goto out;
		}
	}
	struct wachtwoord_params params;
	config_hash_params(main_config(), &params);
	if (wachtwoord_policy(pw, username, NULL, e) < 0 || wachtwoord_hash(pw, &params, hash, e) < 0)
		goto out;
	rc = 0;
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(again, sizeof again);
	return rc;
}

/* A dienstaccount's hash: of 32 random bytes nobody ever sees, so no
 * password logs it in (034_dienst.sql also refuses it the screens). */
static int random_password(char hash[WACHTWOORD_HASH_LEN], struct err *e)
{
	unsigned char raw[32];
	char hex[65];
	struct wachtwoord_params params;
	int rc;

	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
	config_hash_params(main_config(), &params);
	rc = wachtwoord_hash(hex, &params, hash, e);
	sodium_memzero(raw, sizeof raw);
	sodium_memzero(hex, sizeof hex);
	return rc;
}

/* A new TOTP secret: prints it and the otpauth URI for the person's app.
 * issuer: the organisation's name, which the app shows above the code (the
 * same issuer as the person's own set-up, tui/pane_totp.c). */
static int new_totp(const char *issuer, const char *username, char b32[TOTP_BASE32_LEN], struct err *e)
{
	unsigned char secret[TOTP_SECRET_LEN];
	char uri[512];
	if (totp_secret_new(secret, e) < 0 || totp_base32_encode(secret, sizeof secret, b32, TOTP_BASE32_LEN, e) < 0 ||
	    totp_uri(uri, sizeof uri, issuer, username, b32, e) < 0)
		return -1;
	sodium_memzero(secret, sizeof secret);
	printf("TOTP-geheim voor %s: %s\n", username, b32);
	printf("Voor de authenticator-app (QR-code): %s\n", uri);
	return 0;
}

/* The key new TOTP secrets are sealed with (balie.conf totp_sleutel): an
 * administrator sets one only where that key can be read (as root, or as
 * the auth helper's user). */
static int totp_key(unsigned char key[TOTPZEGEL_KEY_LEN], struct err *e)
{
	if (totpzegel_key_read(main_config()->totp_sleutel, key, e) < 0) {
		char why[sizeof e->msg];

		snprintf(why, sizeof why, "%s", e->msg);
		return err_set(e, "nieuw TOTP-geheim niet opgeslagen: %s (draai dit als root of als de gebruiker van "
				  "balie authd)", why);
	}
	return 0;
}

/* The role as typed into the stored spelling: "coördinator" (as the seeds
 * and the screens write it) is the role coordinator.  -1 with e for a role
 * that does not exist, before anything is asked or connected. */
static int rol_arg(const char *in, char *out, size_t len, struct err *e)
{
	static const char *const rollen[] = {"secretariaat", "financieel", "coordinator", "admin",
					     "aanvrager",    "ouder",      "extern",      "regierolhouder"};
	const char *r = !strcmp(in, "coördinator") || !strcmp(in, "Coördinator") ? "coordinator" : in;
	for (size_t i = 0; i < sizeof rollen / sizeof *rollen; i++)
		if (!strcmp(r, rollen[i])) {
			snprintf(out, len, "%s", r);
			return 0;
		}
	return err_set(e, "onbekende rol '%s' (secretariaat, financieel, coördinator, admin, aanvrager, ouder, extern, "
			  "regierolhouder)",
		       in);
}

static int usage(void)
{
	fprintf(stderr,
		"gebruik: balie admin user add GEBRUIKER --naam NAAM --organisatie CODE --rol ROL [--email ADRES] [--totp]\n"
		"         balie admin user add GEBRUIKER --dienst --naam NAAM --organisatie CODE --rol ROL\n"
		"         balie admin user passwd GEBRUIKER\n"
		"         balie admin user block|unblock GEBRUIKER\n"
		"         balie admin user totp-reset GEBRUIKER [--uit]\n"
		"         balie admin user list [--organisatie CODE]\n"
		"         balie admin user edit GEBRUIKER [--naam NAAM] [--email ADRES|-]\n"
		"         balie admin user rol add GEBRUIKER --organisatie CODE --rol ROL\n"
		"         balie admin user rol remove GEBRUIKER --organisatie CODE [--rol ROL]\n");
	return 2;
}

/* `user add`: every argument is checked, and the organisatie and the
 * username looked up, before the password is asked: a typo must not cost
 * the administrator two prompts. */
static int user_add(struct db *db, int argc, char **argv, const char *user, const char *who, struct err *e)
{
	char hash[WACHTWOORD_HASH_LEN], b32[TOTP_BASE32_LEN] = "", rol[16], orgnaam[200];
	const char *naam = cmd_opt(argc, argv, "--naam"), *org = cmd_opt(argc, argv, "--organisatie");
	const char *mail = cmd_opt(argc, argv, "--email");
	int rc = -1;

	if (!naam || !org || !cmd_opt(argc, argv, "--rol"))
		return usage();
	/* a name is shown on every screen and in every list */
	if (utf8_has_unsafe(naam, 0) || (mail && utf8_has_unsafe(mail, 0))) {
		fprintf(stderr, "balie: naam of e-mailadres bevat een stuurteken (zoals Esc, een regeleinde of "
				"een richtingsteken); dat kan niet\n");
		return 2;
	}
	if (rol_arg(cmd_opt(argc, argv, "--rol"), rol, sizeof rol, e) < 0 || (mail && validate_email(mail, e) < 0) ||
	    account_org_naam(db, org, orgnaam, sizeof orgnaam, e) < 0)
		return cmd_fail(e);
	int bestaat = account_exists(db, user, e);
	if (bestaat != 0)
		return bestaat < 0 ? cmd_fail(e) : (err_set(e, "gebruikersnaam '%s' is al in gebruik", user), cmd_fail(e));
	int with_totp = cmd_flag(argc, argv, "--totp"), dienst = cmd_flag(argc, argv, "--dienst");
	unsigned char key[TOTPZEGEL_KEY_LEN];
	if (dienst && (with_totp || mail)) {
		err_set(e, "een dienstaccount heeft geen wachtwoord, code of e-mailadres: laat --totp en --email weg");
		return cmd_fail(e);
	}
	if ((!with_totp || totp_key(key, e) == 0) &&
	    (dienst ? random_password(hash, e) : new_password(user, hash, e)) == 0 &&
	    (!with_totp || new_totp(orgnaam, user, b32, e) == 0)) {
		struct account_new a = {user, naam, mail ? mail : "", hash, b32, with_totp ? key : NULL, org, rol,
					dienst};
		rc = account_create(db, &a, who, e);
		if (rc == 0 && dienst)
			printf("Dienstaccount %s aangemaakt (%s in %s): het meldt zich aan als de Unix-gebruiker %s.\n",
			       user, rol, org, user);
		else if (rc == 0)
			printf("Account %s aangemaakt (%s in %s).\n", user, rol, org);
	}
	sodium_memzero(hash, sizeof hash);
	sodium_memzero(b32, sizeof b32);
	sodium_memzero(key, sizeof key);
	return rc < 0 ? cmd_fail(e) : 0;
}

/* `user edit`: name and e-mail address; "--email -" removes the address. */
static int user_edit(int argc, char **argv, const char *user, const char *who, struct err *e)
{
	const char *naam = cmd_opt(argc, argv, "--naam"), *mail = cmd_opt(argc, argv, "--email");
	char uit[200];

	if (!naam && !mail)
		return usage();
	if ((naam && (utf8_has_unsafe(naam, 0) || !*naam)) || (mail && utf8_has_unsafe(mail, 0))) {
		fprintf(stderr, "balie: naam leeg of met een stuurteken; dat kan niet\n");
		return 2;
	}
	if (mail && !strcmp(mail, "-"))
		mail = "";
	if (mail && *mail && validate_email(mail, e) < 0)
		return cmd_fail(e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	const char *p[4] = {user, naam, mail, who};
	int rc = beheer_actie(db, BA_ACCOUNT_BEWERKEN, p, uit, sizeof uit, e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(e);
	printf("%s\n", uit);
	return 0;
}

/* `user rol add|remove GEBRUIKER --organisatie CODE [--rol ROL]`: one
 * username for more organisaties (003: PO2811 and VO2805), a second role;
 * remove without --rol takes every role in that organisatie. */
static int user_rol(int argc, char **argv, struct err *e)
{
	char who[128], rol[16], uit[200];
	const char *org = cmd_opt(argc, argv, "--organisatie"), *r = cmd_opt(argc, argv, "--rol");
	if (argc < 4 || argv[3][0] == '-' || !org || (strcmp(argv[2], "add") && strcmp(argv[2], "remove")))
		return usage();
	int add = !strcmp(argv[2], "add");
	if ((add && !r) || (r && rol_arg(r, rol, sizeof rol, e) < 0))
		return r ? cmd_fail(e) : usage();
	cmd_operator(who, sizeof who);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	const char *p[4] = {argv[3], org, r ? rol : NULL, who};
	int rc = beheer_actie(db, add ? BA_ROL_ERBIJ : BA_ROL_ERAF, p, uit, sizeof uit, e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(e);
	printf("%s\n", uit);
	return 0;
}

int cmd_admin_user(int argc, char **argv)
{
	struct err e;
	char who[128], hash[WACHTWOORD_HASH_LEN], b32[TOTP_BASE32_LEN] = "", orgnaam[200];
	int rc = -1;

	if (argc < 2)
		return usage();
	const char *sub = argv[1];
	const char *user = argc > 2 && argv[2][0] != '-' ? argv[2] : NULL;
	if (strcmp(sub, "list") != 0 && !user)
		return usage();
	err_clear(&e);
	cmd_operator(who, sizeof who);
	/* these ask no password: checked and done without the password set-up */
	if (!strcmp(sub, "edit"))
		return user_edit(argc, argv, user, who, &e);
	if (!strcmp(sub, "rol"))
		return user_rol(argc, argv, &e);
	if (wachtwoord_init(&e) < 0 || totp_init(&e) < 0)
		return cmd_fail(&e);

	struct db *db = cmd_connect();
	if (!db)
		return 2;
	if (!strcmp(sub, "add")) {
		rc = user_add(db, argc, argv, user, who, &e);
		db_free(&db);
		return rc;
	} else if (!strcmp(sub, "passwd")) {
		/* Do not ask for a password for an account that is not there. */
		if (account_exists(db, user, &e) != 1)
			err_set(&e, "account '%s' bestaat niet", user);
		else if (new_password(user, hash, &e) == 0 && (rc = account_set_password(db, user, hash, who, &e)) == 0)
			printf("Wachtwoord van %s gewijzigd.\n", user);
	} else if (!strcmp(sub, "unblock") && account_exists(db, user, &e) == 0) {
		/* a name without an account is "blocked" after five tries too,
		 * so that the answer never tells which names exist */
		int cleared = 0;
		if ((rc = account_unblock_unknown(db, user, who, &cleared, &e)) == 0)
			printf(cleared ? "Geen account '%s'; de mislukte pogingen op die naam zijn gewist.\n"
				       : "Geen account '%s' en geen mislukte pogingen op die naam.\n",
			       user);
	} else if (!strcmp(sub, "block") || !strcmp(sub, "unblock")) {
		int block = !strcmp(sub, "block");
		if ((rc = account_set_blocked(db, user, block, who, &e)) == 0)
			printf("Account %s %s.\n", user, block ? "geblokkeerd" : "gedeblokkeerd");
	} else if (!strcmp(sub, "totp-reset")) {
		int off = cmd_flag(argc, argv, "--uit");
		unsigned char key[TOTPZEGEL_KEY_LEN];
		/* the issuer is the name of the organisatie the account works in */
		if ((off || (totp_key(key, &e) == 0 && account_eigen_org_naam(db, user, orgnaam, sizeof orgnaam, &e) == 0 &&
			     new_totp(orgnaam, user, b32, &e) == 0)) &&
		    (rc = account_set_totp(db, user, off ? "" : b32, off ? NULL : key, who, &e)) == 0)
			printf(off ? "Tweestapsverificatie van %s uitgezet.\n" : "Nieuw TOTP-geheim voor %s opgeslagen.\n",
			       user);
		sodium_memzero(key, sizeof key);
	} else if (!strcmp(sub, "list")) {
		rc = account_list(db, cmd_opt(argc, argv, "--organisatie"), stdout, &e);
	} else {
		db_free(&db);
		return usage();
	}
	db_free(&db);
	sodium_memzero(hash, sizeof hash);
	return rc < 0 ? cmd_fail(&e) : 0;
}
