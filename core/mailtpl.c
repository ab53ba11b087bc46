/* mailtpl.c — mail templates: parse, check, render; see mailtpl.h. */
#include "core/mailtpl.h"
#include "core/bestand.h"
#include "core/utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/naam.h"

static const char *const var_names[MAILTPL_VAR_COUNT] = {
	[MAILTPL_STATUS] = "status",
	[MAILTPL_REDEN] = "reden",
	[MAILTPL_ACTIE] = "actie",
	[MAILTPL_NUMMER] = "hulpvraagnummer",
	[MAILTPL_SCHOOL] = "school",
	[MAILTPL_CONTACT] = "contact",
	[MAILTPL_ORGANISATIE] = "organisatie",
	[MAILTPL_AANVRAAGTYPE] = "aanvraagtype",
	[MAILTPL_AANVRAGER] = "aanvrager",
};

/* What may appear where (bit per enum mailtpl_var). */
#define BIT(v) (1u << (v))
#define ALL_VARS ((1u << MAILTPL_VAR_COUNT) - 1u)
#define SUBJECT_VARS (BIT(MAILTPL_NUMMER) | BIT(MAILTPL_STATUS) | BIT(MAILTPL_AANVRAAGTYPE) | BIT(MAILTPL_ORGANISATIE))
#define ACTIE_VARS (ALL_VARS & ~(BIT(MAILTPL_ACTIE) | BIT(MAILTPL_REDEN)))

struct actie {
	char *pattern;
	char *text;
};

struct body_line {
	char *text;
	int cond; /* '?' line: dropped when a placeholder on it is empty */
};

struct mailtpl {
	char *subject;
	struct actie *acties;
	size_t nacties;
	struct body_line *lines;
	size_t nlines;
};

const char *mailtpl_var_name(enum mailtpl_var v)
{
	return (unsigned)v < MAILTPL_VAR_COUNT ? var_names[v] : "";
}

/* ------------------------------------------------------------- helpers -- */

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static const char *trim_left(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

static const char *trim_right(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end;
}

/* ------------------------------------------------------------ tokenizer -- */

enum tok { TOK_END, TOK_TEXT, TOK_VAR, TOK_ERR };

/* The next piece of s: literal text (*p .. *p + *n, braces unescaped one
 * at a time) or a placeholder (*var).  On TOK_ERR msg says why. */
static enum tok next_tok(const char **s, const char **p, size_t *n, int *var, char *msg, size_t mlen)
{
	const char *c = *s;

	if (!*c)
		return TOK_END;
	if ((c[0] == '{' && c[1] == '{') || (c[0] == '}' && c[1] == '}')) {
		*p = c;
		*n = 1;
		*s = c + 2;
		return TOK_TEXT;
	}
	if (c[0] == '}') {
		snprintf(msg, mlen, "losse '}' (schrijf '}}' voor een accolade)");
		return TOK_ERR;
	}
	if (c[0] == '{') {
		const char *close = strchr(c + 1, '}');
		size_t len;

		if (!close) {
			snprintf(msg, mlen, "'{' zonder '}' (schrijf '{{' voor een accolade)");
			return TOK_ERR;
		}
		len = (size_t)(close - c - 1);
		for (int v = 0; v < MAILTPL_VAR_COUNT; v++)
			if (strlen(var_names[v]) == len && !memcmp(var_names[v], c + 1, len)) {
				*var = v;
				*s = close + 1;
				return TOK_VAR;
			}
		snprintf(msg, mlen, "onbekende plaatsaanduiding {%.*s} (bekend: {status} {reden} {actie} "
			 "{hulpvraagnummer} {school} {contact} {organisatie} {aanvraagtype})",
			 len > 40 ? 40 : (int)len, c + 1);
		return TOK_ERR;
	}
	*p = c;
	while (*c && *c != '{' && *c != '}')
		c++;
	*n = (size_t)(c - *p);
	*s = c;
	return TOK_TEXT;
}

/* Checks every placeholder of text against allowed; 0 / -1 with e. */
static int check_text(const char *text, unsigned allowed, const char *where, const char *file, int line,
		      struct err *e)
{
	const char *s = text, *p;
	size_t n;
	int var;
	char msg[300];
	enum tok t;

	while ((t = next_tok(&s, &p, &n, &var, msg, sizeof msg)) != TOK_END) {
		if (t == TOK_ERR)
			return err_set_at(e, file, line, "%s", msg);
		if (t == TOK_VAR && !(allowed & BIT(var))) {
			if (allowed == SUBJECT_VARS)
				return err_set_at(e, file, line,
						  "{%s} mag niet in het onderwerp (alleen {hulpvraagnummer}, {status}, "
						  "{aanvraagtype} en {organisatie}: een onderwerp zegt niets over de leerling)",
						  var_names[var]);
			return err_set_at(e, file, line, "{%s} mag niet in %s", var_names[var], where);
		}
	}
	return 0;
}

/* -------------------------------------------------------------- parsing -- */

void mailtpl_free(struct mailtpl **tp)
{
	struct mailtpl *t;

	if (!tp || !*tp)
		return;
	t = *tp;
	free(t->subject);
	for (size_t i = 0; i < t->nacties; i++) {
		free(t->acties[i].pattern);
		free(t->acties[i].text);
	}
	free(t->acties);
	for (size_t i = 0; i < t->nlines; i++)
		free(t->lines[i].text);
	free(t->lines);
	free(t);
	*tp = NULL;
}

static int header_line(struct mailtpl *t, const char *s, const char *end, const char *file, int line,
		       struct err *e)
{
	const char *colon = memchr(s, ':', (size_t)(end - s));
	const char *key_end, *v;

	if (!colon)
		return err_set_at(e, file, line, "kopregel zonder ':' (verwacht 'Onderwerp: …' of 'Actie: … = …'; "
					       "een lege regel beëindigt de kop)");
	key_end = trim_right(s, colon);
	v = trim_left(colon + 1, end);
	end = trim_right(v, end);
	if ((size_t)(key_end - s) == 9 && !memcmp(s, "Onderwerp", 9)) {
		if (t->subject)
			return err_set_at(e, file, line, "'Onderwerp' staat er twee keer");
		if (v == end)
			return err_set_at(e, file, line, "'Onderwerp' is leeg");
		t->subject = dupn(v, (size_t)(end - v));
		if (!t->subject)
			return err_set_at(e, file, line, "geen geheugen");
		return check_text(t->subject, SUBJECT_VARS, "het onderwerp", file, line, e);
	}
	if ((size_t)(key_end - s) == 5 && !memcmp(s, "Actie", 5)) {
		const char *eq = memchr(v, '=', (size_t)(end - v));
		const char *pe, *tx;
		struct actie *na;

		if (!eq)
			return err_set_at(e, file, line, "'Actie' verwacht 'statusdeel = tekst'");
		pe = trim_right(v, eq);
		tx = trim_left(eq + 1, end);
		if (pe == v)
			return err_set_at(e, file, line, "'Actie' zonder statusdeel voor '='");
		if (tx == end)
			return err_set_at(e, file, line, "'Actie' zonder tekst na '='");
		na = realloc(t->acties, (t->nacties + 1) * sizeof *na);
		if (!na)
			return err_set_at(e, file, line, "geen geheugen");
		t->acties = na;
		na[t->nacties].pattern = dupn(v, (size_t)(pe - v));
		na[t->nacties].text = dupn(tx, (size_t)(end - tx));
		t->nacties++;
		if (!na[t->nacties - 1].pattern || !na[t->nacties - 1].text)
			return err_set_at(e, file, line, "geen geheugen");
		if (strchr(na[t->nacties - 1].pattern, '{') || strchr(na[t->nacties - 1].pattern, '}'))
			return err_set_at(e, file, line, "het statusdeel van 'Actie' mag geen plaatsaanduiding bevatten");
		return check_text(na[t->nacties - 1].text, ACTIE_VARS, "een Actie-tekst", file, line, e);
	}
	return err_set_at(e, file, line, "onbekende kop '%.*s' (bekend: Onderwerp, Actie)",
			  (int)((key_end - s) > 40 ? 40 : (key_end - s)), s);
}

static int body_line(struct mailtpl *t, const char *s, const char *end, const char *file, int line,
		     struct err *e)
{
	struct body_line *nl;
	int cond = 0;

	if (end > s && end[-1] == '\r')
		end--; /* a CRLF file: the body is rewrapped by the mailer anyway */
	if (memchr(s, '\r', (size_t)(end - s)))
		return err_set_at(e, file, line, "losse CR in de tekst");
	if (end > s && *s == '?') {
		if (end - s >= 2 && s[1] == '?')
			s++; /* "??" → a literal '?' */
		else {
			cond = 1;
			s++;
		}
	}
	nl = realloc(t->lines, (t->nlines + 1) * sizeof *nl);
	if (!nl)
		return err_set_at(e, file, line, "geen geheugen");
	t->lines = nl;
	nl[t->nlines].cond = cond;
	nl[t->nlines].text = dupn(s, (size_t)(end - s));
	if (!nl[t->nlines].text)
		return err_set_at(e, file, line, "geen geheugen");
	t->nlines++;
	return check_text(nl[t->nlines - 1].text, ALL_VARS, "de tekst", file, line, e);
}

int mailtpl_parse(const char *data, size_t len, const char *file, struct mailtpl **out, struct err *e)
{
	struct mailtpl *t;
	size_t i = 0;
	int line = 0, in_header = 1, body_seen = 0;

	*out = NULL;
	if (!file)
		file = "mail";
	if (len > MAILTPL_MAX_FILE)
		return err_set_at(e, file, 1, "bestand is groter dan %u bytes", MAILTPL_MAX_FILE);
	for (size_t k = 0; k < len;) {
		size_t n;

		if (data[k] == '\0') {
			int l = 1;
			for (size_t j = 0; j < k; j++)
				l += data[j] == '\n';
			return err_set_at(e, file, l, "NUL-byte in het bestand (een sjabloon is tekst)");
		}
		n = utf8_decode((const unsigned char *)data + k, len - k, NULL);
		if (!n) {
			int l = 1;
			for (size_t j = 0; j < k; j++)
				l += data[j] == '\n';
			return err_set_at(e, file, l, "geen geldige UTF-8 (bewaar het bestand als UTF-8)");
		}
		k += n;
	}
	t = calloc(1, sizeof *t);
	if (!t)
		return err_set(e, "geen geheugen");
	while (i < len) {
		const char *s = data + i, *nl = memchr(s, '\n', len - i);
		const char *end = nl ? nl : data + len;

		line++;
		i = (size_t)(end - data) + (nl ? 1 : 0);
		if ((size_t)(end - s) > MAILTPL_MAX_LINE) {
			err_set_at(e, file, line, "regel is langer dan %u bytes", MAILTPL_MAX_LINE);
			goto fail;
		}
		if (in_header) {
			if (memchr(s, '\r', (size_t)(end - s))) {
				err_set_at(e, file, line, "CR in de kop: kopregels mogen geen CR of LF bevatten "
							  "(bewaar het bestand met LF-regeleinden)");
				goto fail;
			}
			if (trim_left(s, end) == end) {
				in_header = 0;
				continue;
			}
			if (*s == '#')
				continue;
			if (header_line(t, s, end, file, line, e) < 0)
				goto fail;
			continue;
		}
		if (body_line(t, s, end, file, line, e) < 0)
			goto fail;
		if (trim_left(s, end) != end)
			body_seen = 1;
	}
	if (!t->subject) {
		err_set_at(e, file, line > 0 ? line : 1, "'Onderwerp: …' ontbreekt in de kop");
		goto fail;
	}
	if (!body_seen) {
		err_set_at(e, file, line > 0 ? line : 1, "de tekst van de mail ontbreekt (na de kop een lege regel, "
							"dan de tekst)");
		goto fail;
	}
	/* trailing empty lines say nothing */
	while (t->nlines && !t->lines[t->nlines - 1].text[0]) {
		free(t->lines[--t->nlines].text);
	}
	*out = t;
	return 0;
fail:
	mailtpl_free(&t);
	return -1;
}

int mailtpl_load(const char *path, struct mailtpl **out, struct err *e)
{
	FILE *f;
	char *buf;
	size_t n;
	int rc;

	*out = NULL;
	f = bestand_open(path, MAILTPL_MAX_FILE, e);
	if (!f)
		return -1;
	buf = malloc(MAILTPL_MAX_FILE + 1);
	if (!buf) {
		fclose(f);
		return err_set(e, "geen geheugen");
	}
	n = fread(buf, 1, MAILTPL_MAX_FILE + 1, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return err_set(e, "%s: kan het sjabloon niet lezen", path);
	}
	fclose(f);
	rc = mailtpl_parse(buf, n, path, out, e);
	free(buf);
	return rc;
}

/* ------------------------------------------------------------ rendering -- */

/* ASCII-case-insensitive substring. */
static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return 1;
	for (; *hay; hay++) {
		size_t i;

		for (i = 0; i < n && hay[i]; i++) {
			unsigned char a = (unsigned char)hay[i], b = (unsigned char)needle[i];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

const char *mailtpl_actie(const struct mailtpl *t, const char *status)
{
	if (!t || !status)
		return "";
	for (size_t i = 0; i < t->nacties; i++)
		if (contains_ci(status, t->acties[i].pattern))
			return t->acties[i].text;
	return "";
}

struct buf {
	char *p;
	size_t n, cap;
	int oom;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *np;

		while (cap < b->n + n + 1)
			cap *= 2;
		np = realloc(b->p, cap);
		if (!np) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static const char *value(const struct mailtpl *t, const struct mailtpl_vars *vars, int var)
{
	const char *v = vars->v[var];

	if (var == MAILTPL_ACTIE && !v)
		return mailtpl_actie(t, vars->v[MAILTPL_STATUS]);
	return v ? v : "";
}

/* Appends text with its placeholders filled in; returns 1 when any
 * placeholder was empty.  depth: an Actie text is expanded inside the body
 * (its own placeholders are filled too, never {actie} itself). */
static int expand(const struct mailtpl *t, const struct mailtpl_vars *vars, const char *text, struct buf *b,
		  int depth)
{
	const char *s = text, *p;
	size_t n;
	int var, empty = 0;
	char msg[300];
	enum tok tk;

	while ((tk = next_tok(&s, &p, &n, &var, msg, sizeof msg)) != TOK_END) {
		if (tk == TOK_ERR)
			break; /* cannot happen: checked at load */
		if (tk == TOK_TEXT) {
			put(b, p, n);
			continue;
		}
		const char *v = value(t, vars, var);
		if (!*v)
			empty = 1;
		if (var == MAILTPL_ACTIE && !vars->v[MAILTPL_ACTIE] && depth == 0)
			expand(t, vars, v, b, 1);
		else
			put(b, v, strlen(v));
	}
	return empty;
}

int mailtpl_render(const struct mailtpl *t, const struct mailtpl_vars *vars, char **subject, char **body,
		   struct err *e)
{
	struct buf sb = { 0 }, bb = { 0 };
	struct mailtpl_vars none;

	*subject = NULL;
	*body = NULL;
	if (!vars) {
		memset(&none, 0, sizeof none);
		vars = &none;
	}
	expand(t, vars, t->subject, &sb, 1);
	for (size_t i = 0; i < t->nlines; i++) {
		struct buf lb = { 0 };
		int empty = expand(t, vars, t->lines[i].text, &lb, 0);

		if (lb.oom) {
			free(lb.p);
			bb.oom = 1;
			break;
		}
		if (!(t->lines[i].cond && empty)) {
			put(&bb, lb.p ? lb.p : "", lb.n);
			put(&bb, "\n", 1);
		}
		free(lb.p);
	}
	if (sb.oom || bb.oom) {
		free(sb.p);
		free(bb.p);
		return err_set(e, "geen geheugen");
	}
	if (!sb.p || !sb.p[0] || strpbrk(sb.p, "\r\n")) {
		free(sb.p);
		free(bb.p);
		return err_set(e, "het onderwerp van de mail is leeg of bevat een regelovergang");
	}
	if (!bb.p) {
		put(&bb, "", 0);
		if (bb.oom) {
			free(sb.p);
			return err_set(e, "geen geheugen");
		}
	}
	*subject = sb.p;
	*body = bb.p;
	return 0;
}

/* ------------------------------------------------------------- finding -- */

size_t mailtpl_slug(char *buf, size_t len, const char *name)
{
	char folded[512];
	size_t need = 0;
	int dash = 0;

	naam_fold(folded, sizeof folded, name ? name : "");
	for (const char *s = folded; *s; s++) {
		char c = *s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && need > 0) {
				if (need + 1 < len)
					buf[need] = '-';
				need++;
			}
			dash = 0;
			if (need + 1 < len)
				buf[need] = c;
			need++;
		} else {
			dash = 1;
		}
	}
	if (len)
		buf[need < len ? need : len - 1] = '\0';
	return need;
}

static int plain_name(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int mailtpl_find(const char *datadir, const char *profiel, const char *aanvraagtype, char *buf, size_t len,
		 struct err *e)
{
	char slug[200];
	int n;

	if (!plain_name(profiel))
		return err_set(e, "profielnaam '%s' is geen gewone mapnaam", profiel ? profiel : "");
	if (aanvraagtype && mailtpl_slug(slug, sizeof slug, aanvraagtype) < sizeof slug && slug[0]) {
		n = snprintf(buf, len, "%s/forms/%s/mail/status-%s.mail", datadir, profiel, slug);
		if (n > 0 && (size_t)n < len && exists(buf))
			return 0;
	}
	n = snprintf(buf, len, "%s/forms/%s/mail/status.mail", datadir, profiel);
	if (n > 0 && (size_t)n < len && exists(buf))
		return 0;
	n = snprintf(buf, len, "%s/forms/generiek/mail/status.mail", datadir);
	if (n > 0 && (size_t)n < len && exists(buf))
		return 0;
	return err_set(e, "geen mailsjabloon gevonden: %s/forms/%s/mail/status.mail ontbreekt", datadir, profiel);
}
