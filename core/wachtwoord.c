/* wachtwoord.c — password policy and argon2id hashing; see wachtwoord.h. */
#include "core/wachtwoord.h"
#include "core/bestand.h"

#include "core/isolate.h"
#include "core/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

_Static_assert(WACHTWOORD_HASH_LEN == crypto_pwhash_STRBYTES,
	       "WACHTWOORD_HASH_LEN must match libsodium");

/* A hash of a password nobody knows, made with the default parameters
 * (OPSLIMIT_INTERACTIVE, MEMLIMIT_INTERACTIVE); verifying against it costs
 * what verifying a real default hash costs. */
static const char dummy_hash[WACHTWOORD_HASH_LEN] =
	"$argon2id$v=19$m=65536,t=2,p=1$j33aO+WGd1IFnWgx5seENg$"
	"pR8a/hhmf8imxaRuaTgZYiFhK4x2kNRkftDUHQXRSJM";

static int ensure_sodium(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int wachtwoord_init(struct err *e)
{
	if (ensure_sodium() < 0)
		return err_set(e, "libsodium kon niet starten");
	return 0;
}

void wachtwoord_params_default(struct wachtwoord_params *p)
{
	p->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	p->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

static struct wachtwoord_params params_or_default(const struct wachtwoord_params *p)
{
	struct wachtwoord_params d;

	if (p)
		return *p;
	wachtwoord_params_default(&d);
	return d;
}

int wachtwoord_params_check(const struct wachtwoord_params *p, struct err *e)
{
	if (p->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
	    p->opslimit > crypto_pwhash_OPSLIMIT_MAX)
		return err_set(e, "opslimit moet tussen %llu en %llu liggen",
			       (unsigned long long)crypto_pwhash_OPSLIMIT_MIN,
			       (unsigned long long)crypto_pwhash_OPSLIMIT_MAX);
	if (p->memlimit < crypto_pwhash_MEMLIMIT_MIN ||
	    p->memlimit > crypto_pwhash_MEMLIMIT_MAX)
		return err_set(e, "memlimit moet tussen %zu en %zu bytes liggen",
			       (size_t)crypto_pwhash_MEMLIMIT_MIN,
			       (size_t)crypto_pwhash_MEMLIMIT_MAX);
	return 0;
}

size_t wachtwoord_length(const char *s)
{
	char nfc[WACHTWOORD_MAX_BYTES * 3 + 1];

	/* "ë" typed as e + U+0308 is one character, as balie-admin(8) says */
	if (strlen(s) > WACHTWOORD_MAX_BYTES || utf8_nfc(s, nfc, sizeof nfc) < 0)
		return utf8_length(s);
	return utf8_length(nfc);
}

/* Words that people in an SWV reach for and the general lists miss. */
static const char *const context_words[] = {
	"wachtwoord", "welkom", "balie", "kindkans", "passendonderwijs", "samenwerkingsverband",
	"swv", "leerling", "school", "qwerty", "qwertyuiop", "azerty", "geheim", NULL,
};

/* Lower-cases ASCII into out (size len) and strips leading and trailing
 * digits, punctuation and spaces: "Welkom2026!" -> "welkom". */
static void core_word(const char *pw, char *out, size_t len)
{
	size_t n = 0;
	const char *b = pw, *e = pw + strlen(pw);
	while (b < e && (isdigit((unsigned char)*b) || ispunct((unsigned char)*b) || *b == ' '))
		b++;
	while (e > b && (isdigit((unsigned char)e[-1]) || ispunct((unsigned char)e[-1]) || e[-1] == ' '))
		e--;
	for (; b < e && n + 1 < len; b++)
		out[n++] = (char)tolower((unsigned char)*b);
	out[n] = '\0';
}

/* pw (lower-cased) is one unit repeated, e.g. "aaaaaaaaaaaa", "abcabcabcabc",
 * or the unit equals word: "welkomwelkom". */
static int repeats(const char *pw, const char *word)
{
	size_t n = strlen(pw);
	for (size_t u = 1; u <= n / 2; u++) {
		if (n % u)
			continue;
		size_t i = u;
		while (i < n && strncasecmp(pw + i, pw, u) == 0)
			i += u;
		if (i == n && (!word || (strlen(word) == u && strncasecmp(pw, word, u) == 0)))
			return 1;
	}
	return 0;
}

/* A run of neighbouring characters: "123456789012", "abcdefghijkl",
 * "987654321098" (digits wrap around). */
static int sequential(const char *pw)
{
	size_t n = strlen(pw);
	if (n < 2)
		return 0;
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t i = 1;
		for (; i < n; i++) {
			int a = tolower((unsigned char)pw[i - 1]), b = tolower((unsigned char)pw[i]);
			int ok = b - a == dir || (isdigit(a) && isdigit(b) && (b - '0') == ((a - '0') + dir + 10) % 10);
			if (!ok)
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

int wachtwoord_is_common(const char *pw, const char *list_path, int *common,
			 struct err *e)
{
	FILE *fp;
	struct err oe;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	char core[WACHTWOORD_MAX_BYTES + 1];

	if (!list_path)
		list_path = WACHTWOORD_LIST_DEFAULT;
	*common = 0;
	/* Guessable by shape, whatever the list says. */
	core_word(pw, core, sizeof core);
	if (repeats(pw, NULL) || sequential(pw) || (strlen(core) >= 3 && (repeats(core, NULL) || sequential(core))))
		*common = 1;
	for (const char *const *w = context_words; !*common && *w; w++)
		if (strcmp(core, *w) == 0 || repeats(core, *w))
			*common = 1;
	fp = bestand_open(list_path, BESTAND_MAX_LIJST, &oe);
	if (!fp)
		return err_set(e, "Lijst met veelgebruikte wachtwoorden %s niet te lezen: %s", list_path, oe.msg);
	/* The list's entries are mostly short; at 12+ characters people
	 * extend them ("password1234", "monkeymonkey"), so the core word and
	 * repetitions of an entry count too. */
	while (!*common && (len = getline(&line, &cap, fp)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || strncmp(line, "#!comment:", 10) == 0)
			continue;
		if (strcasecmp(line, pw) == 0 || (len >= 4 && (strcasecmp(line, core) == 0 || repeats(core, line))))
			*common = 1;
	}
	free(line);
	if (ferror(fp)) {
		fclose(fp);
		return err_set(e, "Lijst met veelgebruikte wachtwoorden %s niet te lezen",
			       list_path);
	}
	fclose(fp);
	return 0;
}

int wachtwoord_policy(const char *pw, const char *username,
		      const char *list_path, struct err *e)
{
	size_t n;
	int common;

	if (!pw || !pw[0])
		return err_set(e, "Wachtwoord is leeg");
	if (strlen(pw) > WACHTWOORD_MAX_BYTES)
		return err_set(e, "Wachtwoord is te lang (hoogstens %d bytes)",
			       WACHTWOORD_MAX_BYTES);
	n = wachtwoord_length(pw);
	if (n == (size_t)-1)
		return err_set(e, "Wachtwoord bevat ongeldige tekens (geen UTF-8)");
	if (utf8_has_unsafe(pw, 0))
		return err_set(e, "Wachtwoord bevat een stuurteken (zoals Esc, een regeleinde of een "
				  "richtingsteken); die kunnen niet");
	if (n < WACHTWOORD_MIN_LEN)
		return err_set(e, "Wachtwoord moet minstens %d tekens lang zijn (nu %zu)",
			       WACHTWOORD_MIN_LEN, n);
	if (username && username[0] && strcasecmp(pw, username) == 0)
		return err_set(e, "Wachtwoord mag niet gelijk zijn aan de gebruikersnaam");
	if (wachtwoord_is_common(pw, list_path, &common, e) < 0)
		return -1;
	if (common)
		return err_set(e, "Dit wachtwoord wordt veel gebruikt; kies een ander");
	return 0;
}

/* The argon2id work runs in a child process (core/isolate.h): its 64 MiB
 * never count in the session's memory. */
struct pwjob {
	const char *pw;
	const char *hash;
	struct wachtwoord_params q;
};

static int hash_job(void *arg, void *out, size_t outlen)
{
	const struct pwjob *j = arg;

	(void)outlen;
	return crypto_pwhash_str(out, j->pw, strlen(j->pw), j->q.opslimit, j->q.memlimit) == 0 ? 0 : -1;
}

static int verify_job(void *arg, void *out, size_t outlen)
{
	const struct pwjob *j = arg;

	(void)out;
	(void)outlen;
	return crypto_pwhash_str_verify(j->hash, j->pw, strlen(j->pw)) == 0 ? 1 : 0;
}

/* The password as hashed: in NFC, so "ë" typed precomposed on one terminal
 * and decomposed on another is the same password.  pw itself when it does
 * not fit or is not UTF-8 (the policy refused that already). */
static const char *pw_nfc(const char *pw, char *buf, size_t len)
{
	return utf8_nfc(pw, buf, len) == 0 ? buf : pw;
}

int wachtwoord_hash(const char *pw, const struct wachtwoord_params *p,
		    char *out, struct err *e)
{
	char nfc[WACHTWOORD_MAX_BYTES * 3 + 1];
	struct pwjob j = { pw_nfc(pw, nfc, sizeof nfc), NULL, params_or_default(p) };

	if (ensure_sodium() < 0)
		return err_set(e, "libsodium kon niet starten");
	if (wachtwoord_params_check(&j.q, e) < 0)
		return -1;
	if (isolate_run(hash_job, &j, out, WACHTWOORD_HASH_LEN) != 0)
		return err_set(e, "Wachtwoord versleutelen mislukt (te weinig geheugen?)");
	return 0;
}

int wachtwoord_verify(const char *hash, const char *pw)
{
	char nfc[WACHTWOORD_MAX_BYTES * 3 + 1];
	struct pwjob j = { pw, hash, { 0 } };

	if (ensure_sodium() < 0 || !hash || !pw)
		return 0;
	j.pw = pw_nfc(pw, nfc, sizeof nfc);
	if (strnlen(hash, WACHTWOORD_HASH_LEN) >= WACHTWOORD_HASH_LEN)
		return 0;
	return isolate_run(verify_job, &j, NULL, 0) == 1;
}

int wachtwoord_needs_rehash(const char *hash, const struct wachtwoord_params *p)
{
	struct wachtwoord_params q = params_or_default(p);

	if (ensure_sodium() < 0 || !hash ||
	    strnlen(hash, WACHTWOORD_HASH_LEN) >= WACHTWOORD_HASH_LEN)
		return 1;
	/* 0 current, 1 other parameters, -1 not an argon2id hash. */
	return crypto_pwhash_str_needs_rehash(hash, q.opslimit, q.memlimit) != 0;
}

void wachtwoord_verify_dummy(const char *pw, const struct wachtwoord_params *p)
{
	struct wachtwoord_params q = params_or_default(p), d;
	char scratch[WACHTWOORD_HASH_LEN];

	if (ensure_sodium() < 0 || !pw)
		return;
	wachtwoord_params_default(&d);
	if (q.opslimit == d.opslimit && q.memlimit == d.memlimit) {
		struct pwjob j = { pw, dummy_hash, q };

		(void)isolate_run(verify_job, &j, NULL, 0);
		return;
	}
	/* Other parameters: hashing with them costs what verifying costs. */
	if (wachtwoord_params_check(&q, NULL) == 0) {
		struct pwjob j = { pw, NULL, q };

		(void)isolate_run(hash_job, &j, scratch, sizeof scratch);
	}
	sodium_memzero(scratch, sizeof scratch);
}
