/* aanmelden.c — see aanmelden.h. */
#include "tui/aanmelden.h"

#include <string.h>

#include "tui/app.h"
#include "tui/authc.h"

static int helper(const struct app *a)
{
	return a->opt->auth_socket && *a->opt->auth_socket;
}

enum auth_result aanmelden_wachtwoord(struct app *a, const char *user, const char *pass, const char *org,
				      struct session *s, struct err *e)
{
	enum auth_result r;

	aanmelden_stop(a);
	if (helper(a)) {
		const char *f[4] = { "PASSWORD", user, pass, org ? org : "" };

		if (authc_open(&a->authc, a->opt->auth_socket, e) < 0)
			return AUTH_ERROR;
		r = authc_call(&a->authc, 4, f, s, e);
		if (r != AUTH_NEED_TOTP)
			aanmelden_stop(a);
		return r;
	}
	struct db *adb = app_auth_connect(a, e);
	r = adb ? auth_password_p(adb, &a->opt->hash_params, user, pass, org, s, e) : AUTH_ERROR;
	db_free(&adb);
	return r;
}

enum auth_result aanmelden_code(struct app *a, const char *user, const char *code, const char *org,
				struct session *s, struct err *e)
{
	enum auth_result r;

	if (helper(a)) {
		const char *f[2] = { "CODE", code };

		if (!a->authc.open)
			return AUTH_FAILED; /* no password step first */
		r = authc_call(&a->authc, 2, f, s, e);
		if (r != AUTH_FAILED)
			aanmelden_stop(a);
		return r;
	}
	struct db *adb = app_auth_connect(a, e);
	r = adb ? auth_totp(adb, user, code, org, s, e) : AUTH_ERROR;
	db_free(&adb);
	return r;
}

void aanmelden_stop(struct app *a)
{
	authc_close(&a->authc);
}

enum auth_result aanmelden_ontgrendel(struct app *a, const char *pass, const char *code, struct err *e)
{
	if (helper(a)) {
		const char *f[4] = { "UNLOCK", a->session.token, pass, code ? code : "" };

		return authc_once(a->opt->auth_socket, 4, f, NULL, e);
	}
	struct db *adb = app_auth_connect(a, e);
	enum auth_result r = adb ? auth_unlock(adb, &a->opt->hash_params, &a->session, pass, code, e) : AUTH_ERROR;
	db_free(&adb);
	return r;
}

enum auth_result aanmelden_opnieuw(struct app *a, const char *pass, const char *actie, struct err *e)
{
	if (helper(a)) {
		const char *f[4] = { "REAUTH", a->session.token, pass, actie };

		return authc_once(a->opt->auth_socket, 4, f, NULL, e);
	}
	struct db *adb = app_auth_connect(a, e);
	enum auth_result r = adb ? auth_reauth(adb, &a->opt->hash_params, &a->session, pass, actie, e) : AUTH_ERROR;
	db_free(&adb);
	return r;
}

enum auth_result aanmelden_totp_instellen(struct app *a, const char *base32, const char *code, struct err *e)
{
	if (helper(a)) {
		const char *f[4] = { "TOTPSET", a->session.token, base32, code };

		return authc_once(a->opt->auth_socket, 4, f, NULL, e);
	}
	struct db *adb = app_auth_connect(a, e);
	enum auth_result r = adb ? auth_totp_set(adb, a->session.token, base32, code, e) : AUTH_ERROR;
	db_free(&adb);
	return r;
}
