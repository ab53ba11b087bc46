/* cfgcheck.c — reading libconfig data files safely; see cfgcheck.h. */
#include "core/cfgcheck.h"
#include "core/bestand.h"
#include "core/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

__attribute__((format(printf, 3, 4)))
static void bad(const struct cfgcheck *c, int line, const char *fmt, ...)
{
	char msg[sizeof ((struct err *)0)->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->bad)
		c->bad(c->ctx, line, msg);
}

static int syntax_check(const struct cfgcheck *c, const char *s, size_t len);

/* Finds a string that is still open at the end of the text.  libconfig 1.5
 * leaks its string buffer on that input, so it never gets to see it.
 * Follows libconfig's lexer: "…" with \ escapes (newlines allowed inside),
 * comments #…, //… and / *…* /. */
static int check_strings(const struct cfgcheck *c, const char *s, size_t len)
{
	enum { CODE, STR, LINE_COMMENT, BLOCK_COMMENT } st = CODE;
	int line = 1, start = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = s[i];

		if (ch == '\n')
			line++;
		switch (st) {
		case CODE:
			if (ch == '"') {
				st = STR;
				start = line;
			} else if (ch == '#') {
				st = LINE_COMMENT;
			} else if (ch == '/' && i + 1 < len && s[i + 1] == '/') {
				st = LINE_COMMENT;
				i++;
			} else if (ch == '/' && i + 1 < len && s[i + 1] == '*') {
				st = BLOCK_COMMENT;
				start = line;
				i++;
			}
			break;
		case STR:
			if (ch == '\\' && i + 1 < len) {
				if (s[i + 1] == '\n')
					line++;
				i++;
			} else if (ch == '"') {
				st = CODE;
			}
			break;
		case LINE_COMMENT:
			if (ch == '\n')
				st = CODE;
			break;
		case BLOCK_COMMENT:
			if (ch == '*' && i + 1 < len && s[i + 1] == '/') {
				st = CODE;
				i++;
			}
			break;
		}
	}
	if (st == STR) {
		bad(c, start, "tekst zonder afsluitend aanhalingsteken (\") vanaf deze regel");
		return -1;
	}
	if (st == BLOCK_COMMENT) {
		bad(c, start, "commentaar /* zonder afsluitende */ vanaf deze regel");
		return -1;
	}
	return 0;
}

/* Checks the raw bytes before libconfig sees them: size, NUL bytes, UTF-8,
 * and @include (libconfig 1.5 would open any path it names). */
int cfgcheck_prescan(const struct cfgcheck *c, const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	int line = 1;
	int bol = 1;

	if (len > c->max) {
		bad(c, 1, "bestand is te groot (%zu bytes, hoogstens %zu)", len, c->max);
		return -1;
	}
	for (size_t i = 0; i < len;) {
		if (bol) {
			size_t j = i;

			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (len - j >= 8 && memcmp(s + j, "@include", 8) == 0) {
				bad(c, line, "@include is niet toegestaan in %s", c->kind);
				return -1;
			}
			bol = 0;
		}
		if (s[i] == 0) {
			bad(c, line, "bestand bevat een NUL-byte (geen tekstbestand?)");
			return -1;
		}
		size_t n = utf8_decode(s + i, len - i, NULL);
		if (n == 0) {
			bad(c, line, "ongeldige UTF-8 (byte 0x%02x)", s[i]);
			return -1;
		}
		if (s[i] == '\n') {
			line++;
			bol = 1;
		}
		i += n;
	}
	if (check_strings(c, data, len) != 0)
		return -1;
	return syntax_check(c, data, len);
}

/* --- syntax check -------------------------------------------------------
 * libconfig 1.5 leaks the value of a string token when a syntax error
 * follows it (and on a few other error paths), so the text is checked here
 * first with a small recursive-descent parser of the same grammar.  It is
 * stricter where that is simpler (arrays must hold one kind of value,
 * numbers must start with a digit), so libconfig only ever sees text it
 * accepts; as a bonus the messages are Dutch and name the right line. */

enum tok {
	T_EOF, T_BAD, T_NAME, T_BOOL, T_INT, T_INT64, T_FLOAT, T_STRING,
	T_EQ, T_SEMI, T_COMMA, T_LBRACK, T_RBRACK, T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE
};

struct lex {
	const char *s;
	size_t len, pos;
	int line;
	enum tok tok;    /* current token */
	size_t start, n; /* its text */
	int tline;       /* its line */
};

static int is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int is_name_char(int ch)
{
	return is_alpha(ch) || is_digit(ch) || ch == '-' || ch == '_' || ch == '*';
}

static int lex_peek(const struct lex *l, size_t off)
{
	return l->pos + off < l->len ? (unsigned char)l->s[l->pos + off] : -1;
}

static void lex_next(struct lex *l)
{
	int ch;

	for (;;) { /* whitespace and comments (already known to be closed) */
		ch = lex_peek(l, 0);
		if (ch == '\n') {
			l->line++;
			l->pos++;
		} else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
			l->pos++;
		} else if (ch == '#' || (ch == '/' && lex_peek(l, 1) == '/')) {
			while (l->pos < l->len && l->s[l->pos] != '\n')
				l->pos++;
		} else if (ch == '/' && lex_peek(l, 1) == '*') {
			l->pos += 2;
			while (l->pos < l->len && !(l->s[l->pos] == '*' && lex_peek(l, 1) == '/')) {
				if (l->s[l->pos] == '\n')
					l->line++;
				l->pos++;
			}
			l->pos += 2;
		} else {
			break;
		}
	}
	l->start = l->pos;
	l->tline = l->line;
	l->n = 1;
	if (ch < 0) {
		l->tok = T_EOF;
		l->n = 0;
		return;
	}
	switch (ch) {
	case '=': case ':': l->tok = T_EQ; l->pos++; return;
	case ';': l->tok = T_SEMI; l->pos++; return;
	case ',': l->tok = T_COMMA; l->pos++; return;
	case '[': l->tok = T_LBRACK; l->pos++; return;
	case ']': l->tok = T_RBRACK; l->pos++; return;
	case '(': l->tok = T_LPAREN; l->pos++; return;
	case ')': l->tok = T_RPAREN; l->pos++; return;
	case '{': l->tok = T_LBRACE; l->pos++; return;
	case '}': l->tok = T_RBRACE; l->pos++; return;
	default: break;
	}
	if (ch == '"') {
		l->pos++;
		while (l->pos < l->len && l->s[l->pos] != '"') {
			if (l->s[l->pos] == '\\')
				l->pos++;
			if (l->pos < l->len && l->s[l->pos] == '\n')
				l->line++;
			l->pos++;
		}
		l->pos++;
		l->tok = T_STRING;
		l->n = l->pos - l->start;
		return;
	}
	if (is_alpha(ch) || ch == '*') {
		while (l->pos < l->len && is_name_char((unsigned char)l->s[l->pos]))
			l->pos++;
		l->n = l->pos - l->start;
		l->tok = ((l->n == 4 && strncasecmp(l->s + l->start, "true", 4) == 0) ||
			  (l->n == 5 && strncasecmp(l->s + l->start, "false", 5) == 0)) ? T_BOOL : T_NAME;
		return;
	}
	if (is_digit(ch) || ((ch == '-' || ch == '+') && is_digit(lex_peek(l, 1)))) {
		int flt = 0;

		if (ch == '-' || ch == '+')
			l->pos++;
		if (lex_peek(l, 0) == '0' && (lex_peek(l, 1) == 'x' || lex_peek(l, 1) == 'X')) {
			l->pos += 2;
			if (!isxdigit(lex_peek(l, 0)))
				goto bad;
			while (isxdigit(lex_peek(l, 0)))
				l->pos++;
		} else {
			while (is_digit(lex_peek(l, 0)))
				l->pos++;
			if (lex_peek(l, 0) == '.') {
				flt = 1;
				l->pos++;
				while (is_digit(lex_peek(l, 0)))
					l->pos++;
			}
			if (lex_peek(l, 0) == 'e' || lex_peek(l, 0) == 'E') {
				flt = 1;
				l->pos++;
				if (lex_peek(l, 0) == '-' || lex_peek(l, 0) == '+')
					l->pos++;
				if (!is_digit(lex_peek(l, 0)))
					goto bad;
				while (is_digit(lex_peek(l, 0)))
					l->pos++;
			}
		}
		l->tok = flt ? T_FLOAT : T_INT;
		if (!flt && lex_peek(l, 0) == 'L') {
			l->pos++;
			if (lex_peek(l, 0) == 'L')
				l->pos++;
			l->tok = T_INT64;
		}
		if (is_name_char(lex_peek(l, 0)) || lex_peek(l, 0) == '.')
			goto bad;
		l->n = l->pos - l->start;
		return;
	}
bad:
	l->tok = T_BAD;
	l->pos = l->start + 1;
	l->n = 1;
}

/* The current token for a message: 'naam', '}', einde van het bestand. */
static const char *tok_text(const struct lex *l, char *buf, size_t size)
{
	size_t n = l->n;

	if (l->tok == T_EOF)
		return "het einde van het bestand";
	if (n > 24) {
		snprintf(buf, size, "'%.*s...'", 20, l->s + l->start);
		return buf;
	}
	if (l->tok == T_BAD && ((unsigned char)l->s[l->start] < 0x20 || (unsigned char)l->s[l->start] >= 0x7f)) {
		snprintf(buf, size, "teken 0x%02x", (unsigned char)l->s[l->start]);
		return buf;
	}
	snprintf(buf, size, "'%.*s'", (int)n, l->s + l->start);
	return buf;
}

static int syn_err(const struct cfgcheck *c, const struct lex *l, const char *expected)
{
	char buf[64];

	bad(c, l->tline, "syntaxfout: %s verwacht, maar %s gevonden", expected, tok_text(l, buf, sizeof buf));
	return -1;
}

static int syn_settings(const struct cfgcheck *c, struct lex *l, enum tok end, int depth);

static int is_scalar(enum tok t)
{
	return t == T_BOOL || t == T_INT || t == T_INT64 || t == T_FLOAT || t == T_STRING;
}

static int syn_value(const struct cfgcheck *c, struct lex *l, int depth)
{
	if (depth > 32) {
		bad(c, l->tline, "te diep genest (meer dan 32 niveaus)");
		return -1;
	}
	if (is_scalar(l->tok)) {
		enum tok t = l->tok;
		lex_next(l);
		while (t == T_STRING && l->tok == T_STRING) /* "a" "b" is one text */
			lex_next(l);
		return 0;
	}
	if (l->tok == T_LBRACK) {
		enum tok kind = T_EOF;
		lex_next(l);
		if (l->tok == T_RBRACK) {
			lex_next(l);
			return 0;
		}
		for (;;) {
			if (!is_scalar(l->tok))
				return syn_err(c, l, "een waarde (tekst, getal, true of false)");
			if (kind != T_EOF && l->tok != kind) {
				bad(c, l->tline, "syntaxfout: alle waarden in een rij [ ] moeten van hetzelfde soort zijn");
				return -1;
			}
			kind = l->tok;
			lex_next(l);
			while (kind == T_STRING && l->tok == T_STRING)
				lex_next(l);
			if (l->tok == T_RBRACK)
				break;
			if (l->tok != T_COMMA)
				return syn_err(c, l, "',' of ']'");
			lex_next(l);
		}
		lex_next(l);
		return 0;
	}
	if (l->tok == T_LPAREN) {
		lex_next(l);
		if (l->tok == T_RPAREN) {
			lex_next(l);
			return 0;
		}
		for (;;) {
			if (syn_value(c, l, depth + 1) != 0)
				return -1;
			if (l->tok == T_RPAREN)
				break;
			if (l->tok != T_COMMA)
				return syn_err(c, l, "',' of ')'");
			lex_next(l);
		}
		lex_next(l);
		return 0;
	}
	if (l->tok == T_LBRACE) {
		lex_next(l);
		if (syn_settings(c, l, T_RBRACE, depth + 1) != 0)
			return -1;
		lex_next(l);
		return 0;
	}
	return syn_err(c, l, "een waarde");
}

/* name = value; … until `end` (T_RBRACE or T_EOF); names unique per group. */
static int syn_settings(const struct cfgcheck *c, struct lex *l, enum tok end, int depth)
{
	size_t seen_cap = 16, nseen = 0;
	size_t *seen = malloc(seen_cap * sizeof *seen * 2);
	int rc = -1;

	if (!seen) {
		bad(c, l->tline, "onvoldoende geheugen");
		return -1;
	}
	while (l->tok != end) {
		if (l->tok != T_NAME) {
			syn_err(c, l, end == T_EOF ? "een naam (zoals naam = …;)" : "een naam of '}'");
			goto out;
		}
		for (size_t i = 0; i < nseen; i++)
			if (seen[2 * i + 1] == l->n && memcmp(l->s + seen[2 * i], l->s + l->start, l->n) == 0) {
				bad(c, l->tline, "'%.*s' staat twee keer in dezelfde groep", (int)(l->n > 60 ? 60 : l->n),
				    l->s + l->start);
				goto out;
			}
		if (nseen == seen_cap) {
			size_t *ns = realloc(seen, seen_cap * 2 * sizeof *seen * 2);
			if (!ns) {
				bad(c, l->tline, "onvoldoende geheugen");
				goto out;
			}
			seen = ns;
			seen_cap *= 2;
		}
		seen[2 * nseen] = l->start;
		seen[2 * nseen + 1] = l->n;
		nseen++;
		lex_next(l);
		if (l->tok != T_EQ) {
			syn_err(c, l, "'='");
			goto out;
		}
		lex_next(l);
		if (syn_value(c, l, depth) != 0)
			goto out;
		if (l->tok == T_SEMI || l->tok == T_COMMA)
			lex_next(l);
	}
	rc = 0;
out:
	free(seen);
	return rc;
}

static int syntax_check(const struct cfgcheck *c, const char *s, size_t len)
{
	struct lex l = { s, len, 0, 1, T_EOF, 0, 0, 1 };

	lex_next(&l);
	return syn_settings(c, &l, T_EOF, 0);
}

/* Parses data (len bytes, prescanned) into cfg; reports a syntax error. */
int cfgcheck_parse(const struct cfgcheck *c, config_t *cfg, const char *data, size_t len)
{
	char *buf = malloc(len + 1);

	if (!buf) {
		bad(c, 1, "onvoldoende geheugen");
		return -1;
	}
	memcpy(buf, data, len);
	buf[len] = 0;
	int ok = config_read_string(cfg, buf);
	free(buf);
	if (ok != CONFIG_TRUE) {
		const char *t = config_error_text(cfg);
		bad(c, config_error_line(cfg) > 0 ? config_error_line(cfg) : 1, "syntaxfout: %s",
		    t ? (strcmp(t, "syntax error") == 0 ? "ongeldige libconfig-syntaxis" : t) : "onbekend");
		return -1;
	}
	return 0;
}

/* Reads a whole file into a new buffer (caller frees). */
int cfgcheck_read_file(const struct cfgcheck *c, const char *path, char **out, size_t *outlen)
{
	struct stat sb;
	struct err oe;
	/* the size limit is c->max, checked below with its own message */
	FILE *f = bestand_open(path, BESTAND_MAX_LIJST, &oe);
	char *buf = NULL;
	size_t n = 0;

	*out = NULL;
	*outlen = 0;
	if (!f) {
		bad(c, 1, "%s", oe.msg);
		return -1;
	}
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		bad(c, 1, "geen gewoon bestand");
		fclose(f);
		return -1;
	}
	if ((unsigned long long)sb.st_size > c->max) {
		bad(c, 1, "bestand is te groot (%lld bytes, hoogstens %zu)",
		    (long long)sb.st_size, c->max);
		fclose(f);
		return -1;
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (!buf) {
		bad(c, 1, "onvoldoende geheugen");
		fclose(f);
		return -1;
	}
	n = fread(buf, 1, (size_t)sb.st_size + 1, f);
	if (ferror(f) || n > (size_t)sb.st_size) {
		bad(c, 1, "kan bestand niet lezen%s", ferror(f) ? "" : " (het groeide tijdens het lezen)");
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	*out = buf;
	*outlen = n;
	return 0;
}

