/* totp.c — RFC 6238 one-time passwords over liboath; see totp.h. */
#include "core/totp.h"

#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ensure_init(struct err *e)
{
	/* Both are safe to call more than once. */
	if (sodium_init() < 0)
		return err_set(e, "libsodium kon niet starten");
	if (oath_init() != OATH_OK)
		return err_set(e, "liboath kon niet starten");
	return 0;
}

int totp_init(struct err *e)
{
	return ensure_init(e);
}

int totp_secret_new(unsigned char *secret, struct err *e)
{
	if (ensure_init(e) < 0)
		return -1;
	randombytes_buf(secret, TOTP_SECRET_LEN);
	return 0;
}

int totp_base32_encode(const unsigned char *secret, size_t len, char *out,
		       size_t outlen, struct err *e)
{
	char *b32 = NULL;
	size_t n = 0;
	int rc;

	if (ensure_init(e) < 0)
		return -1;
	rc = oath_base32_encode((const char *)secret, len, &b32, &n);
	if (rc != OATH_OK)
		return err_set(e, "base32 coderen mislukt: %s", oath_strerror(rc));
	while (n > 0 && b32[n - 1] == '=')
		n--;
	if (n + 1 > outlen) {
		free(b32);
		return err_set(e, "base32: buffer te klein");
	}
	memcpy(out, b32, n);
	out[n] = '\0';
	free(b32);
	return 0;
}

int totp_base32_decode(const char *b32, unsigned char *secret, size_t cap,
		       size_t *len, struct err *e)
{
	char clean[256], *bin = NULL;
	size_t n = 0, outn = 0;
	int rc;

	if (ensure_init(e) < 0)
		return -1;
	for (; *b32; b32++) {
		char c = *b32;

		if (c == ' ' || c == '-' || c == '=')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (n + 1 >= sizeof clean)
			return err_set(e, "Geheim is te lang");
		clean[n++] = c;
	}
	clean[n] = '\0';
	if (n == 0)
		return err_set(e, "Geheim is leeg");
	rc = oath_base32_decode(clean, n, &bin, &outn);
	if (rc != OATH_OK)
		return err_set(e, "Geheim is geen geldige base32-tekst");
	if (outn > cap) {
		free(bin);
		return err_set(e, "Geheim is te lang");
	}
	memcpy(secret, bin, outn);
	*len = outn;
	sodium_memzero(bin, outn);
	free(bin);
	return 0;
}

long long totp_step(time_t now)
{
	long long t = (long long)now;

	return t >= 0 ? t / TOTP_STEP : -((-t + TOTP_STEP - 1) / TOTP_STEP);
}

/* The code of time step `step`. */
static int code_at(const unsigned char *secret, size_t len, long long step,
		   char *out, struct err *e)
{
	int rc = oath_totp_generate((const char *)secret, len,
				    (time_t)(step * TOTP_STEP), TOTP_STEP,
				    OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS, out);

	if (rc != OATH_OK)
		return err_set(e, "TOTP-code maken mislukt: %s", oath_strerror(rc));
	return 0;
}

int totp_code(const unsigned char *secret, size_t len, time_t now, char *out,
	      struct err *e)
{
	if (ensure_init(e) < 0)
		return -1;
	if (now < 0)
		return err_set(e, "tijd vóór 1970");
	return code_at(secret, len, totp_step(now), out, e);
}

int totp_check(const unsigned char *secret, size_t len, const char *code,
	       time_t now, long long last_step, long long *matched_step,
	       struct err *e)
{
	char typed[TOTP_DIGITS + 1], want[TOTP_DIGITS + 1];
	long long step, s;
	int n = 0, reused = 0, found = 0;

	if (ensure_init(e) < 0)
		return -1;
	for (; code && *code; code++) {
		if (*code == ' ')
			continue;
		if (*code < '0' || *code > '9' || n == TOTP_DIGITS)
			return err_set(e, "Code moet %d cijfers zijn", TOTP_DIGITS);
		typed[n++] = *code;
	}
	if (n != TOTP_DIGITS)
		return err_set(e, "Code moet %d cijfers zijn", TOTP_DIGITS);
	typed[n] = '\0';
	if (now < 0)
		return err_set(e, "tijd vóór 1970");
	step = totp_step(now);
	/* Check every step of the window, whatever matched, so the time taken
	 * does not depend on where (or whether) the code matched. */
	for (s = step - TOTP_WINDOW; s <= step + TOTP_WINDOW; s++) {
		if (s < 0)
			continue;
		if (code_at(secret, len, s, want, e) < 0)
			return -1;
		if (sodium_memcmp(typed, want, TOTP_DIGITS) == 0) {
			if (s > last_step && !found) {
				found = 1;
				*matched_step = s;
			} else if (s <= last_step) {
				reused = 1;
			}
		}
	}
	sodium_memzero(want, sizeof want);
	if (found)
		return 0;
	if (reused)
		return err_set(e, "Deze code is al gebruikt; wacht op de volgende");
	return err_set(e, "Code klopt niet (staat de klok van uw telefoon goed?)");
}

/* Percent-encodes s (RFC 3986: unreserved characters stay) into the sink. */
static size_t pct(char *buf, size_t len, size_t at, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			   (c >= '0' && c <= '9') || c == '-' || c == '.' ||
			   c == '_' || c == '~';

		if (keep) {
			if (at + 1 < len)
				buf[at] = (char)c;
			at++;
		} else {
			if (at + 3 < len) {
				buf[at] = '%';
				buf[at + 1] = hex[c >> 4];
				buf[at + 2] = hex[c & 15];
			}
			at += 3;
		}
	}
	return at;
}

static size_t lit(char *buf, size_t len, size_t at, const char *s)
{
	for (; *s; s++, at++)
		if (at + 1 < len)
			buf[at] = *s;
	return at;
}

/* the URI leaves these to the Key URI Format's defaults */
_Static_assert(TOTP_DIGITS == 6 && TOTP_STEP == 30, "otpauth URI needs digits and period");

int totp_uri(char *buf, size_t len, const char *issuer, const char *account,
	     const char *base32, struct err *e)
{
	size_t at = 0;

	if (len == 0)
		return err_set(e, "buffer te klein voor de otpauth-URI");
	/* the label is the account alone: the issuer parameter names the
	 * organisation (what current apps show), and the issuer not spelled
	 * twice keeps the QR code small */
	at = lit(buf, len, at, "otpauth://totp/");
	at = pct(buf, len, at, account);
	at = lit(buf, len, at, "?secret=");
	at = pct(buf, len, at, base32);
	at = lit(buf, len, at, "&issuer=");
	at = pct(buf, len, at, issuer);
	/* algorithm SHA1, 6 digits and 30 s are the Key URI Format's defaults:
	 * not spelled out, the URI stays short enough for a QR code of
	 * version 5, which fits an 80x24 terminal (core/qr.h) */
	if (at + 1 > len) {
		buf[0] = '\0';
		return err_set(e, "buffer te klein voor de otpauth-URI");
	}
	buf[at] = '\0';
	return 0;
}
