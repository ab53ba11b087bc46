/* filter.c — parsing the werkvoorraad filter language; see filter.h. */
#include "core/filter.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	enum filter_field field;
} fields[] = {
	{ "school", FILTER_SCHOOL },
	{ "label", FILTER_LABEL },
	{ "coördinator", FILTER_COORDINATOR },
	{ "coordinator", FILTER_COORDINATOR },
	{ "coord", FILTER_COORDINATOR },
	{ "type", FILTER_TYPE },
	{ "aanvraagtype", FILTER_TYPE },
	{ "status", FILTER_STATUS },
	{ "nummer", FILTER_NUMMER },
	{ "werkdagen", FILTER_WERKDAGEN },
	{ "telaat", FILTER_TELAAT },
};

const char *filter_field_name(enum filter_field f)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].field == f)
			return fields[i].name;
	return "";
}

static int field_by_name(const char *s, size_t len, enum filter_field *out)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strlen(fields[i].name) == len && strncasecmp(fields[i].name, s, len) == 0) {
			*out = fields[i].field;
			return 0;
		}
	return -1;
}

/* A whole non-negative decimal number, at most 15 digits. */
static int parse_number(const char *s, long *out)
{
	size_t n = strlen(s);

	if (n == 0 || n > 15)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	*out = strtol(s, NULL, 10);
	return 0;
}

/* Reads one token from *p into tok (quotes removed, a leading '!' kept
 * out into *neg).  *key_len gets the length of "veld" when the token is
 * veld:waarde written outside quotes, else 0.  Returns 1 for a token, 0 at
 * the end, -1 on error. */
static int next_token(const char **p, char *tok, size_t len, int *neg, size_t *key_len,
		      struct err *e)
{
	const char *s = *p;
	size_t o = 0;
	int quoted = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return 0;
	*neg = 0;
	*key_len = 0;
	if (*s == '!') {
		*neg = 1;
		s++;
	}
	while (*s && (quoted || (*s != ' ' && *s != '\t'))) {
		if (*s == '"') {
			quoted = !quoted;
			s++;
			continue;
		}
		if (!quoted && *s == ':' && *key_len == 0 && o > 0)
			*key_len = o;
		if (o + 1 >= len)
			return err_set(e, "Filterwoord te lang (hoogstens %d tekens)", FILTER_VALUE_MAX - 1);
		tok[o++] = *s++;
	}
	tok[o] = '\0';
	if (quoted)
		return err_set(e, "Aanhalingsteken niet gesloten");
	*p = s;
	return 1;
}

static int term_value(struct filter_term *t, const char *v, struct err *e)
{
	const char *name = filter_field_name(t->field);

	if (!*v && t->field != FILTER_TEXT)
		return err_set(e, "Geef een waarde na %s: (bijvoorbeeld %s:%s)", name, name,
			       t->field == FILTER_WERKDAGEN ? ">10" : t->field == FILTER_TELAAT ? "ja" : "…");
	snprintf(t->value, sizeof t->value, "%s", v);
	switch (t->field) {
	case FILTER_NUMMER:
		t->cmp = FILTER_CMP_EQ;
		if (parse_number(v, &t->number) < 0)
			return err_set(e, "nummer: moet een getal zijn, niet '%s'", v);
		break;
	case FILTER_WERKDAGEN:
		t->cmp = FILTER_CMP_EQ;
		if (*v == '>' || *v == '<') {
			t->cmp = *v == '>' ? FILTER_CMP_GT : FILTER_CMP_LT;
			v++;
		}
		if (parse_number(v, &t->number) < 0 || t->number > 10000)
			return err_set(e, "werkdagen: schrijf bijvoorbeeld werkdagen:>10, werkdagen:<3 of werkdagen:4");
		break;
	case FILTER_TELAAT:
		t->cmp = FILTER_CMP_EQ;
		if (!strcasecmp(v, "ja"))
			t->number = 1;
		else if (!strcasecmp(v, "nee"))
			t->number = 0;
		else
			return err_set(e, "telaat: kies ja of nee");
		break;
	case FILTER_COORDINATOR:
		t->cmp = FILTER_CMP_MATCH;
		if (!strcasecmp(v, "ik") || !strcasecmp(v, "mij"))
			t->who = FILTER_WHO_ME;
		else if (!strcasecmp(v, "geen"))
			t->who = FILTER_WHO_NONE;
		break;
	default:
		t->cmp = FILTER_CMP_MATCH;
		break;
	}
	return 0;
}

int filter_parse(const char *text, struct filter *f, struct err *e)
{
	const char *p = text ? text : "";
	char tok[FILTER_VALUE_MAX + 64];
	int neg, r;
	size_t key_len;

	memset(f, 0, sizeof *f);
	while ((r = next_token(&p, tok, sizeof tok, &neg, &key_len, e)) > 0) {
		struct filter_term *t;
		const char *value = tok;

		if (!tok[0] && !neg)
			continue; /* "" */
		if (f->n == FILTER_MAX_TERMS) {
			memset(f, 0, sizeof *f);
			return err_set(e, "Te veel filterwoorden (hoogstens %d)", FILTER_MAX_TERMS);
		}
		t = &f->term[f->n];
		t->field = FILTER_TEXT;
		t->negate = neg;
		if (key_len) {
			if (field_by_name(tok, key_len, &t->field) < 0) {
				tok[key_len] = '\0';
				err_set(e, "Onbekend veld '%s' — kies uit school, label, coördinator, type, "
					   "status, nummer, werkdagen, telaat", tok);
				memset(f, 0, sizeof *f);
				return -1;
			}
			value = tok + key_len + 1;
		}
		if (strlen(value) >= FILTER_VALUE_MAX) {
			memset(f, 0, sizeof *f);
			return err_set(e, "Filterwoord te lang (hoogstens %d tekens)", FILTER_VALUE_MAX - 1);
		}
		if (t->field == FILTER_TEXT && !*value) {
			memset(f, 0, sizeof *f);
			return err_set(e, "Zet na ! het woord dat je wilt uitsluiten");
		}
		if (term_value(t, value, e) < 0) {
			memset(f, 0, sizeof *f);
			return -1;
		}
		f->n++;
	}
	if (r < 0) {
		memset(f, 0, sizeof *f);
		return -1;
	}
	return 0;
}

size_t filter_format(const struct filter *f, char *buf, size_t len)
{
	size_t o = 0;
	int full = 0; /* a term did not fit: write no later ones */

	if (len)
		buf[0] = '\0';
	for (int i = 0; i < f->n; i++) {
		const struct filter_term *t = &f->term[i];
		char one[FILTER_VALUE_MAX + 64];
		const char *q = strpbrk(t->value, " \t:") ? "\"" : "";
		int n;

		if (t->field == FILTER_TEXT)
			n = snprintf(one, sizeof one, "%s%s%s%s%s", i ? " " : "", t->negate ? "!" : "", q,
				     t->value, q);
		else
			n = snprintf(one, sizeof one, "%s%s%s:%s%s%s", i ? " " : "", t->negate ? "!" : "",
				     filter_field_name(t->field), q, t->value, q);
		if (n < 0)
			continue;
		if (!full && o + (size_t)n < len)
			memcpy(buf + o, one, (size_t)n + 1);
		else
			full = 1; /* never half a term */
		o += (size_t)n;
	}
	return o;
}
