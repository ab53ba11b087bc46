/* keymap.c — parse and check keymap files; see keymap.h. */
#include "core/keymap.h"
#include "core/bestand.h"
#include "core/utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KEYMAP_MAX_FILE (1024 * 1024)

static const char *const named[KEYMAP_NAMED_COUNT] = {
	[KEYMAP_ENTER] = "Enter", [KEYMAP_ESC] = "Esc", [KEYMAP_TAB] = "Tab",
	[KEYMAP_BTAB] = "Shift-Tab", [KEYMAP_SPACE] = "Space", [KEYMAP_BACKSPACE] = "Backspace",
	[KEYMAP_DELETE] = "Delete", [KEYMAP_INSERT] = "Insert", [KEYMAP_HOME] = "Home",
	[KEYMAP_END] = "End", [KEYMAP_PGUP] = "PgUp", [KEYMAP_PGDN] = "PgDn",
	[KEYMAP_UP] = "Up", [KEYMAP_DOWN] = "Down", [KEYMAP_LEFT] = "Left", [KEYMAP_RIGHT] = "Right",
};

void keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof *km);
}

void keymap_release(struct keymap *km)
{
	free(km->b);
	keymap_init(km);
}

int keymap_key_equal(const struct keymap_key *a, const struct keymap_key *b)
{
	return a->kind == b->kind && a->code == b->code;
}

/* The code point of the one printable UTF-8 character that fills s
 * exactly; -1 otherwise. */
static int single_utf8(const char *s)
{
	uint32_t cp;
	size_t n = strlen(s);
	if (utf8_decode((const unsigned char *)s, n, &cp) != n || n == 0 || cp < 0x21 || (cp >= 0x7f && cp < 0xa0))
		return -1;
	return (int)cp;
}

int keymap_key_parse(const char *spec, struct keymap_key *k, struct err *e)
{
	for (int i = 0; i < KEYMAP_NAMED_COUNT; i++) {
		if (strcasecmp(spec, named[i]) == 0) {
			k->kind = KEYMAP_NAMED;
			k->code = i;
			return 0;
		}
	}
	if ((spec[0] == 'F' || spec[0] == 'f') && spec[1] >= '1' && spec[1] <= '9') {
		char *end;
		long n = strtol(spec + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12) {
			k->kind = KEYMAP_FN;
			k->code = (int)n;
			return 0;
		}
	}
	if (strncasecmp(spec, "Ctrl-", 5) == 0 && spec[5] && !spec[6]) {
		int c = spec[5] | 0x20;
		if (c < 'a' || c > 'z')
			return err_set(e, "onbekende toets '%s' (Ctrl- gaat alleen met een letter)", spec);
		if (c == 's' || c == 'q' || c == 'z' || c == 'c')
			return err_set(e, "%s is niet toegestaan: terminals en shells gebruiken Ctrl-S, Ctrl-Q, "
					  "Ctrl-Z en Ctrl-C zelf", spec);
		k->kind = KEYMAP_CTRL;
		k->code = c;
		return 0;
	}
	int cp = single_utf8(spec);
	if (cp < 0)
		return err_set(e, "onbekende toets '%s' (één teken, of een naam als Enter, F5, PgDn, Ctrl-L)", spec);
	k->kind = KEYMAP_CHAR;
	k->code = cp;
	return 0;
}

const char *keymap_key_name(const struct keymap_key *k, char *buf, size_t len)
{
	switch (k->kind) {
	case KEYMAP_NAMED:
		snprintf(buf, len, "%s", k->code >= 0 && k->code < KEYMAP_NAMED_COUNT ? named[k->code] : "?");
		break;
	case KEYMAP_FN:
		snprintf(buf, len, "F%d", k->code);
		break;
	case KEYMAP_CTRL:
		snprintf(buf, len, "Ctrl-%c", k->code - 'a' + 'A');
		break;
	case KEYMAP_CHAR: {
		char u[5];
		utf8_encode((uint32_t)k->code, u);
		snprintf(buf, len, "%s", u);
		break;
	}
	}
	return buf;
}

static int push(struct keymap *km, const struct keymap_binding *b)
{
	if (km->n == km->cap) {
		size_t cap = km->cap ? km->cap * 2 : 64;
		struct keymap_binding *nb = realloc(km->b, cap * sizeof *nb);
		if (!nb)
			return -1;
		km->b = nb;
		km->cap = cap;
	}
	km->b[km->n++] = *b;
	return 0;
}

/* Splits line into at most max whitespace-separated words (a '#' starts a
 * comment); returns the count, or max + 1 when there are more. */
static int split(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

struct reporter {
	keymap_report_fn fn;
	void *arg;
	struct err *first;
	int count;
};

static void report(struct reporter *r, const char *file, int line, const char *fmt, const char *a,
		   const char *b)
{
	struct err e;
	char msg[400];
	snprintf(msg, sizeof msg, fmt, a, b);
	err_set_at(&e, file, line, "%s", msg);
	if (r->count++ == 0 && r->first)
		*r->first = e;
	if (r->fn)
		r->fn(&e, r->arg);
}

static int known_ctx(const struct keymap_names *names, const char *ctx)
{
	for (const char *const *c = names->contexts; *c; c++)
		if (!strcmp(*c, ctx))
			return 1;
	return 0;
}

int keymap_parse(struct keymap *km, const char *text, size_t len, const char *file,
		 const struct keymap_names *names, keymap_report_fn report_fn, void *arg, struct err *e)
{
	struct reporter r = {report_fn, arg, e, 0};
	size_t pos = 0;
	int lineno = 0;
	char line[512];

	if (len > KEYMAP_MAX_FILE) {
		report(&r, file, 0, "bestand is te groot (meer dan %s bytes)%s", "1048576", "");
		return r.count;
	}
	while (pos < len) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		size_t n = end - pos;
		if (memchr(text + pos, '\0', n)) {
			report(&r, file, lineno, "ongeldig teken (NUL) in de regel%s%s", "", "");
		} else if (n >= sizeof line) {
			report(&r, file, lineno, "regel te lang (meer dan %s tekens)%s", "511", "");
		} else {
			memcpy(line, text + pos, n);
			line[n] = '\0';
			if (n && line[n - 1] == '\r')
				line[n - 1] = '\0';
			char *w[5];
			int nw = split(line, w, 4);
			if (nw == 0) {
				/* empty or comment */
			} else if (!strcmp(w[0], "bind") && nw == 4) {
				struct keymap_binding b = {0};
				struct err ke;
				if (strlen(w[1]) >= KEYMAP_NAME_MAX || strlen(w[3]) >= KEYMAP_NAME_MAX) {
					report(&r, file, lineno, "naam te lang%s%s", "", "");
				} else if (names && !known_ctx(names, w[1])) {
					report(&r, file, lineno, "onbekende context '%s'%s", w[1], "");
				} else if (keymap_key_parse(w[2], &b.key, &ke) < 0) {
					report(&r, file, lineno, "%s%s", ke.msg, "");
				} else if (names && !names->known_action(w[1], w[3], names->arg)) {
					report(&r, file, lineno, "onbekende actie '%s' in context '%s'", w[3], w[1]);
				} else {
					snprintf(b.ctx, sizeof b.ctx, "%s", w[1]);
					snprintf(b.action, sizeof b.action, "%s", w[3]);
					snprintf(b.file, sizeof b.file, "%s", file);
					b.line = lineno;
					if (push(km, &b) < 0)
						report(&r, file, lineno, "geen geheugen%s%s", "", "");
				}
			} else if (!strcmp(w[0], "unbind") && nw == 3) {
				struct keymap_binding b = {0};
				struct err ke;
				if (strlen(w[1]) >= KEYMAP_NAME_MAX) {
					report(&r, file, lineno, "naam te lang%s%s", "", "");
				} else if (names && !known_ctx(names, w[1])) {
					report(&r, file, lineno, "onbekende context '%s'%s", w[1], "");
				} else if (keymap_key_parse(w[2], &b.key, &ke) < 0) {
					report(&r, file, lineno, "%s%s", ke.msg, "");
				} else {
					snprintf(b.ctx, sizeof b.ctx, "%s", w[1]);
					snprintf(b.file, sizeof b.file, "%s", file);
					b.line = lineno;
					if (push(km, &b) < 0)
						report(&r, file, lineno, "geen geheugen%s%s", "", "");
				}
			} else if (!strcmp(w[0], "bind") || !strcmp(w[0], "unbind")) {
				report(&r, file, lineno, "verwacht: %s%s", !strcmp(w[0], "bind") ?
					"bind CONTEXT TOETS ACTIE" : "unbind CONTEXT TOETS", "");
			} else {
				report(&r, file, lineno, "onbekende opdracht '%s' (bind of unbind)%s", w[0], "");
			}
		}
		pos = end + 1;
	}
	return r.count;
}

int keymap_load(struct keymap *km, const char *path, const struct keymap_names *names,
		keymap_report_fn report_fn, void *arg, struct err *e)
{
	struct reporter r = {report_fn, arg, e, 0};
	struct err oe;
	FILE *f = bestand_open(path, KEYMAP_MAX_FILE, &oe);
	if (!f) {
		report(&r, path, 0, "%s%s", oe.msg, "");
		return 1;
	}
	char *buf = malloc(KEYMAP_MAX_FILE + 1);
	size_t n = buf ? fread(buf, 1, KEYMAP_MAX_FILE + 1, f) : 0;
	int bad = !buf || ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		report(&r, path, 0, "kan het bestand niet lezen%s%s", "", "");
		return 1;
	}
	int errors = keymap_parse(km, buf, n, path, names, report_fn, arg, e);
	free(buf);
	return errors;
}

const char *keymap_lookup(const struct keymap *km, const char *ctx, const struct keymap_key *key)
{
	for (size_t i = km->n; i-- > 0;) {
		const struct keymap_binding *b = &km->b[i];
		if (keymap_key_equal(&b->key, key) && !strcmp(b->ctx, ctx))
			return b->action[0] ? b->action : NULL;
	}
	return NULL;
}

int keymap_conflicts(const struct keymap *km, keymap_report_fn report_fn, void *arg)
{
	struct reporter r = {report_fn, arg, NULL, 0};
	for (size_t i = 0; i < km->n; i++) {
		const struct keymap_binding *a = &km->b[i];
		if (!a->action[0])
			continue;
		for (size_t j = i + 1; j < km->n; j++) {
			const struct keymap_binding *b = &km->b[j];
			if (!b->action[0] || strcmp(a->file, b->file) || strcmp(a->ctx, b->ctx) ||
			    !keymap_key_equal(&a->key, &b->key) || !strcmp(a->action, b->action))
				continue;
			char kn[32], msg[200];
			snprintf(msg, sizeof msg, "%s in '%s' is al gebonden aan '%s' (regel %d)",
				 keymap_key_name(&b->key, kn, sizeof kn), b->ctx, a->action, a->line);
			report(&r, b->file, b->line, "%s%s", msg, "");
		}
	}
	return r.count;
}
