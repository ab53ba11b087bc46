/* form.c — reads .form definitions and checks form values; see form.h. */
#include "core/form.h"
#include "core/cfgcheck.h"
#include "core/datum.h"
#include "core/flow.h"
#include "core/utf8.h"
#include "core/validate.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const type_names[FORM_TYPE_COUNT] = {
	[FORM_TEKST] = "tekst",       [FORM_DATUM] = "datum",     [FORM_JANEE] = "janee",
	[FORM_KEUZE] = "keuze",       [FORM_MEERKEUZE] = "meerkeuze", [FORM_BEDRAG] = "bedrag",
	[FORM_GETAL] = "getal",       [FORM_EMAIL] = "email",     [FORM_TELEFOON] = "telefoon",
	[FORM_POSTCODE] = "postcode", [FORM_BRIN] = "brin",       [FORM_ACCOUNT] = "account",
};

const char *form_type_name(enum form_type t)
{
	return (unsigned)t < FORM_TYPE_COUNT ? type_names[t] : NULL;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

/* ------------------------------------------------------------ reporting -- */

struct ctx {
	const char *file;
	form_report_fn report;
	void *rctx;
	struct err *e;
	size_t nerr;
};

__attribute__((format(printf, 3, 4)))
static void bad(struct ctx *c, int line, const char *fmt, ...)
{
	struct err tmp;
	char msg[sizeof tmp.msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set_at(&tmp, c->file, line > 0 ? line : 1, "%s", msg);
	if (c->nerr == 0 && c->e)
		*c->e = tmp;
	c->nerr++;
	if (c->report)
		c->report(&tmp, c->rctx);
}

static void report_line(void *c, int line, const char *msg)
{
	bad(c, line, "%s", msg);
}

#define CFGCHECK(c) (&(struct cfgcheck){ "een formulierbestand", FORM_MAX_FILE, report_line, (c) })

/* ------------------------------------------------------- setting helpers -- */

static int line_of(const config_setting_t *s, int fallback)
{
	int l = s ? (int)config_setting_source_line(s) : 0;
	return l > 0 ? l : fallback;
}

/* Member `name` of g when it has type `type` (any when type < 0); NULL when
 * missing (reported when required) or of another type (reported, *failed). */
static config_setting_t *member(struct ctx *c, const config_setting_t *g, const char *name, int type,
				const char *want, int required, int *failed)
{
	config_setting_t *s = config_setting_get_member(g, name);

	if (!s) {
		if (required) {
			bad(c, line_of(g, 1), "'%s' ontbreekt", name);
			*failed = 1;
		}
		return NULL;
	}
	if (type >= 0 && config_setting_type(s) != type &&
	    !(type == CONFIG_TYPE_INT && config_setting_type(s) == CONFIG_TYPE_INT64)) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet %s zijn", name, want);
		*failed = 1;
		return NULL;
	}
	return s;
}

static const char *str_member(struct ctx *c, const config_setting_t *g, const char *name, int required,
			      int *failed)
{
	config_setting_t *s = member(c, g, name, CONFIG_TYPE_STRING, "een tekst tussen aanhalingstekens",
				     required, failed);
	return s ? config_setting_get_string(s) : NULL;
}

static int bool_member(struct ctx *c, const config_setting_t *g, const char *name, int *failed)
{
	config_setting_t *s = member(c, g, name, CONFIG_TYPE_BOOL, "true of false", 0, failed);
	return s ? config_setting_get_bool(s) != 0 : 0;
}

/* Plain text for a name, label or help: valid UTF-8 is already known; no
 * control characters (newlines allowed when multi), not empty, at most max
 * bytes. */
static int check_plain(struct ctx *c, int line, const char *what, const char *s, size_t max, int multi)
{
	size_t n = strlen(s);

	if (n == 0) {
		bad(c, line, "%s is leeg", what);
		return -1;
	}
	if (n > max) {
		bad(c, line, "%s is te lang (%zu bytes, hoogstens %zu)", what, n, max);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && !(multi && ch == '\n')) || ch == 0x7f) {
			bad(c, line, "%s bevat een stuurteken", what);
			return -1;
		}
	}
	return 0;
}

static int valid_key(const char *k)
{
	size_t n = strlen(k);

	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return 0;
	return 1;
}

/* --------------------------------------------------------------- freeing -- */

static void field_release(struct form_field *f)
{
	free(f->key);
	free(f->label);
	free(f->help);
	for (size_t i = 0; i < f->nchoices; i++)
		free(f->choices[i]);
	free(f->choices);
	free(f->visible_if.is);
	free(f->required_if.is);
	free(f->requires.is);
	free(f->requires_msg);
}

void form_free(struct form_def **dp)
{
	struct form_def *d;

	if (!dp || !*dp)
		return;
	d = *dp;
	for (size_t i = 0; i < d->nfields; i++)
		field_release(&d->fields[i]);
	free(d->fields);
	free(d->file);
	free(d->code);
	free(d->name);
	free(d->description);
	free(d);
	*dp = NULL;
}

int form_field_index(const struct form_def *d, const char *key)
{
	for (size_t i = 0; d && key && i < d->nfields; i++)
		if (strcmp(d->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* ---------------------------------------------------------------- fields -- */

static const char *const field_members[] = {
	"sleutel", "label", "type", "help", "verplicht", "meerregelig", "max", "min", "keuzes", "rol",
	"informeer", "zichtbaar_als", "verplicht_als", "eerste_van_de_maand", "na", "binnen_jaar_na", "intern",
	"vestiging", "vereist", NULL
};

static int known(const char *const list[], const char *name)
{
	for (size_t k = 0; list[k]; k++)
		if (strcmp(list[k], name) == 0)
			return 1;
	return 0;
}

/* Reports members of g not in list. */
static int unknown_members(struct ctx *c, const config_setting_t *g, const char *const list[], const char *where)
{
	int rc = 0;

	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		if (name && !known(list, name)) {
			bad(c, line_of(m, line_of(g, 1)), "onbekende instelling '%s' in %s", name, where);
			rc = -1;
		}
	}
	return rc;
}

/* The index of an earlier field named by member `name` of g (a key), -1
 * when absent; -2 (reported) when it names no earlier field. */
static int earlier_field(struct ctx *c, const struct form_def *d, size_t self, const config_setting_t *g,
			 const char *name, int *failed)
{
	const char *key = str_member(c, g, name, 0, failed);
	config_setting_t *s = config_setting_get_member(g, name);

	if (!key)
		return -1;
	for (size_t i = 0; i < self; i++)
		if (strcmp(d->fields[i].key, key) == 0)
			return (int)i;
	bad(c, line_of(s, 1), "'%s' noemt veld '%.64s', dat niet eerder in het formulier staat", name, key);
	*failed = 1;
	return -2;
}

/* The canonical value `is` can be for field f (ja/nee, a choice). */
static int cond_value_ok(const struct form_field *f, const char *is)
{
	switch (f->type) {
	case FORM_JANEE:
		return !strcmp(is, "ja") || !strcmp(is, "nee");
	case FORM_KEUZE:
	case FORM_MEERKEUZE:
		for (size_t i = 0; i < f->nchoices; i++)
			if (!strcmp(f->choices[i], is))
				return 1;
		return 0;
	default:
		return strlen(is) > 0 && strlen(is) <= 200;
	}
}

static void parse_cond(struct ctx *c, struct form_def *d, size_t self, const config_setting_t *g,
		       const char *name, struct form_cond *out, int *failed)
{
	static const char *const cond_members[] = { "veld", "is", NULL };
	static const char *const req_members[] = { "veld", "is", "melding", NULL };
	int req = !strcmp(name, "vereist");
	config_setting_t *s = member(c, g, name, CONFIG_TYPE_GROUP, "een groep { veld = \"…\"; is = \"…\"; }", 0,
				     failed);
	char where[80];

	out->field = -1;
	if (!s)
		return;
	snprintf(where, sizeof where, "%s", name);
	if (unknown_members(c, s, req ? req_members : cond_members, where) != 0)
		*failed = 1;
	if (!config_setting_get_member(s, "veld")) {
		bad(c, line_of(s, 1), "'%s' mist 'veld'", name);
		*failed = 1;
		return;
	}
	int idx = earlier_field(c, d, self, s, "veld", failed);
	const char *is = str_member(c, s, "is", 0, failed);
	if (idx < 0)
		return;
	if (is && !cond_value_ok(&d->fields[idx], is)) {
		bad(c, line_of(config_setting_get_member(s, "is"), 1), "'%.40s' is geen mogelijke waarde van veld '%s'",
		    is, d->fields[idx].key);
		*failed = 1;
		return;
	}
	if (req) {
		const char *m = str_member(c, s, "melding", 0, failed);
		struct form_field *f = &d->fields[self];
		if (!is) {
			bad(c, line_of(s, 1), "'vereist' mist 'is'");
			*failed = 1;
			return;
		}
		if (m && check_plain(c, line_of(s, 1), "melding", m, 400, 0))
			m = NULL;
		if (!(f->requires_msg = dup(m))) {
			bad(c, line_of(s, 1), "onvoldoende geheugen");
			*failed = 1;
			return;
		}
	}
	out->field = idx;
	if (is && !(out->is = dup(is))) {
		bad(c, line_of(s, 1), "onvoldoende geheugen");
		*failed = 1;
	}
}

static void parse_choices(struct ctx *c, struct form_field *f, const config_setting_t *g, int *failed)
{
	config_setting_t *s = config_setting_get_member(g, "keuzes");
	int n;

	if (f->type != FORM_KEUZE && f->type != FORM_MEERKEUZE) {
		if (s) {
			bad(c, line_of(s, 1), "'keuzes' hoort alleen bij type keuze of meerkeuze");
			*failed = 1;
		}
		return;
	}
	if (!s) {
		bad(c, line_of(g, 1), "veld '%s' van type %s mist 'keuzes'", f->key, type_names[f->type]);
		*failed = 1;
		return;
	}
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY && config_setting_type(s) != CONFIG_TYPE_LIST) {
		bad(c, line_of(s, 1), "'keuzes' moet een rij teksten [ \"…\", … ] zijn");
		*failed = 1;
		return;
	}
	n = config_setting_length(s);
	if (n < 1 || n > FORM_MAX_CHOICES) {
		bad(c, line_of(s, 1), "'keuzes' moet 1 tot %d teksten hebben, niet %d", FORM_MAX_CHOICES, n);
		*failed = 1;
		return;
	}
	if (!(f->choices = calloc((size_t)n, sizeof *f->choices))) {
		bad(c, line_of(s, 1), "onvoldoende geheugen");
		*failed = 1;
		return;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *el = config_setting_get_elem(s, (unsigned)i);
		const char *t = config_setting_get_string(el);
		int l = line_of(el, line_of(s, 1));
		if (!t) {
			bad(c, l, "'keuzes' mag alleen teksten bevatten");
			*failed = 1;
			return;
		}
		if (check_plain(c, l, "een keuze", t, 200, 0) != 0) {
			*failed = 1;
			return;
		}
		for (size_t j = 0; j < f->nchoices; j++)
			if (!strcmp(f->choices[j], t)) {
				bad(c, l, "keuze '%s' staat twee keer in veld '%s'", t, f->key);
				*failed = 1;
				return;
			}
		if (!(f->choices[f->nchoices] = dup(t))) {
			bad(c, l, "onvoldoende geheugen");
			*failed = 1;
			return;
		}
		f->nchoices++;
	}
}

static void parse_roles(struct ctx *c, struct form_field *f, const config_setting_t *g, int *failed)
{
	config_setting_t *s = config_setting_get_member(g, "rol");
	int n;

	if (f->type != FORM_ACCOUNT) {
		if (s || config_setting_get_member(g, "informeer")) {
			bad(c, line_of(s ? s : config_setting_get_member(g, "informeer"), 1),
			    "'rol' en 'informeer' horen alleen bij type account");
			*failed = 1;
		}
		return;
	}
	f->notify = bool_member(c, g, "informeer", failed);
	if (!s) {
		bad(c, line_of(g, 1), "veld '%s' van type account mist 'rol'", f->key);
		*failed = 1;
		return;
	}
	n = config_setting_type(s) == CONFIG_TYPE_STRING ? 1 : config_setting_length(s);
	if (config_setting_type(s) != CONFIG_TYPE_STRING && config_setting_type(s) != CONFIG_TYPE_ARRAY) {
		bad(c, line_of(s, 1), "'rol' moet een tekst of een rij teksten zijn");
		*failed = 1;
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *name = config_setting_type(s) == CONFIG_TYPE_STRING
					   ? config_setting_get_string(s)
					   : config_setting_get_string_elem(s, i);
		int r = flow_role_from_name(name);
		if (r < 0 || r == FLOW_ROLE_AUTOMATISCH) {
			bad(c, line_of(s, 1), "onbekende rol '%.40s' (bekend: secretariaat, financieel, coordinator, "
					      "admin, aanvrager, ouder, extern, regierolhouder)", name ? name : "");
			*failed = 1;
			return;
		}
		f->roles |= FLOW_ROLE_BIT(r);
	}
	if (!f->roles) {
		bad(c, line_of(s, 1), "'rol' is leeg");
		*failed = 1;
	}
}

static long long int_member(struct ctx *c, const config_setting_t *g, const char *name, long long dflt,
			    long long lo, long long hi, int *failed)
{
	config_setting_t *s = member(c, g, name, CONFIG_TYPE_INT, "een geheel getal", 0, failed);
	long long v;

	if (!s)
		return dflt;
	v = config_setting_get_int64(s);
	if (v < lo || v > hi) {
		bad(c, line_of(s, 1), "'%s' moet tussen %lld en %lld liggen", name, lo, hi);
		*failed = 1;
		return dflt;
	}
	return v;
}

static void parse_field(struct ctx *c, struct form_def *d, const config_setting_t *g)
{
	struct form_field *f = &d->fields[d->nfields];
	int failed = 0, line = line_of(g, 1);
	const char *key, *label, *type, *help;

	memset(f, 0, sizeof *f);
	f->line = line;
	f->after = f->within_year = -1;
	f->visible_if.field = f->required_if.field = -1;
	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		bad(c, line, "elk veld moet een groep { sleutel = …; label = …; type = …; } zijn");
		return;
	}
	unknown_members(c, g, field_members, "een veld");
	key = str_member(c, g, "sleutel", 1, &failed);
	label = str_member(c, g, "label", 1, &failed);
	type = str_member(c, g, "type", 1, &failed);
	help = str_member(c, g, "help", 0, &failed);
	if (key && !valid_key(key)) {
		bad(c, line_of(config_setting_get_member(g, "sleutel"), line),
		    "sleutel '%.64s' mag alleen a-z, 0-9 en _ bevatten (1 tot 64 tekens)", key);
		key = NULL;
	}
	if (key && form_field_index(d, key) >= 0) {
		bad(c, line_of(config_setting_get_member(g, "sleutel"), line), "sleutel '%s' staat twee keer in het formulier",
		    key);
		key = NULL;
	}
	if (label && check_plain(c, line_of(config_setting_get_member(g, "label"), line), "label", label, 200, 0))
		label = NULL;
	if (help && check_plain(c, line_of(config_setting_get_member(g, "help"), line), "help", help, 4000, 1))
		help = NULL;
	f->type = FORM_TYPE_COUNT;
	for (int t = 0; type && t < FORM_TYPE_COUNT; t++)
		if (!strcmp(type, type_names[t]))
			f->type = (enum form_type)t;
	if (type && f->type == FORM_TYPE_COUNT)
		bad(c, line_of(config_setting_get_member(g, "type"), line),
		    "onbekend veldtype '%.40s' (bekend: tekst, datum, janee, keuze, meerkeuze, bedrag, getal, email, "
		    "telefoon, postcode, brin, account)", type);
	if (!key || !label || f->type == FORM_TYPE_COUNT) {
		if (!failed && c->nerr == 0)
			bad(c, line, "veld is onvolledig");
		return;
	}
	if (!(f->key = dup(key)) || !(f->label = dup(label)) || !(f->help = dup(help))) {
		bad(c, line, "onvoldoende geheugen");
		field_release(f);
		return;
	}
	d->nfields++; /* from here on the field owns what it allocates */
	f->required = bool_member(c, g, "verplicht", &failed);
	f->multiline = bool_member(c, g, "meerregelig", &failed);
	if (f->type != FORM_TEKST && config_setting_get_member(g, "meerregelig")) {
		bad(c, line, "'meerregelig' hoort alleen bij type tekst");
	}
	if (f->type == FORM_TEKST) {
		f->maxlen = (long)int_member(c, g, "max", f->multiline ? 4000 : 200, 1, FORM_MAX_VALUE / 4, &failed);
		if (config_setting_get_member(g, "min"))
			bad(c, line, "'min' hoort alleen bij type getal");
	} else if (f->type == FORM_GETAL) {
		f->min = int_member(c, g, "min", 0, -999999999999LL, 999999999999LL, &failed);
		f->max = int_member(c, g, "max", 999999999, -999999999999LL, 999999999999LL, &failed);
		if (f->min > f->max)
			bad(c, line, "'min' is groter dan 'max'");
	} else if (config_setting_get_member(g, "max") || config_setting_get_member(g, "min")) {
		bad(c, line, "'min' en 'max' horen alleen bij type tekst (max) of getal");
	}
	parse_choices(c, f, g, &failed);
	parse_roles(c, f, g, &failed);
	parse_cond(c, d, d->nfields - 1, g, "zichtbaar_als", &f->visible_if, &failed);
	parse_cond(c, d, d->nfields - 1, g, "verplicht_als", &f->required_if, &failed);
	if (f->type == FORM_DATUM) {
		f->first_of_month = bool_member(c, g, "eerste_van_de_maand", &failed);
		f->after = earlier_field(c, d, d->nfields - 1, g, "na", &failed);
		f->within_year = earlier_field(c, d, d->nfields - 1, g, "binnen_jaar_na", &failed);
		if ((f->after >= 0 && d->fields[f->after].type != FORM_DATUM) ||
		    (f->within_year >= 0 && d->fields[f->within_year].type != FORM_DATUM))
			bad(c, line, "'na' en 'binnen_jaar_na' moeten een datumveld noemen");
		if (f->after < -1 || f->within_year < -1)
			f->after = f->within_year = -1;
	} else if (config_setting_get_member(g, "eerste_van_de_maand") || config_setting_get_member(g, "na") ||
		   config_setting_get_member(g, "binnen_jaar_na")) {
		bad(c, line, "'eerste_van_de_maand', 'na' en 'binnen_jaar_na' horen alleen bij type datum");
	}
	f->intern = bool_member(c, g, "intern", &failed);
	f->vestiging = bool_member(c, g, "vestiging", &failed);
	if (f->type != FORM_BRIN && config_setting_get_member(g, "vestiging"))
		bad(c, line, "'vestiging' hoort alleen bij type brin");
	f->requires.field = -1;
	if (f->type == FORM_JANEE)
		parse_cond(c, d, d->nfields - 1, g, "vereist", &f->requires, &failed);
	else if (config_setting_get_member(g, "vereist"))
		bad(c, line, "'vereist' hoort alleen bij type janee");
}

static const char *const root_members[] = { "versie", "naam", "omschrijving", "velden", NULL };

static void parse_root(struct ctx *c, struct form_def *d, const config_setting_t *root)
{
	int failed = 0;
	config_setting_t *v = member(c, root, "versie", CONFIG_TYPE_INT, "een geheel getal", 1, &failed);
	const char *naam, *oms;
	config_setting_t *velden;

	unknown_members(c, root, root_members, "het formulier");
	if (v && config_setting_get_int(v) != FORM_VERSION)
		bad(c, line_of(v, 1), "versie %d wordt niet ondersteund (alleen versie %d)", config_setting_get_int(v),
		    FORM_VERSION);
	naam = str_member(c, root, "naam", 1, &failed);
	if (naam && check_plain(c, line_of(config_setting_get_member(root, "naam"), 1), "naam", naam, 200, 0) == 0)
		d->name = dup(naam);
	oms = str_member(c, root, "omschrijving", 0, &failed);
	if (oms && check_plain(c, line_of(config_setting_get_member(root, "omschrijving"), 1), "omschrijving", oms,
			       4000, 1) == 0)
		d->description = dup(oms);
	if (!d->description)
		d->description = dup("");
	velden = member(c, root, "velden", CONFIG_TYPE_LIST, "een lijst ( { … }, { … } )", 1, &failed);
	if (!velden)
		return;
	int n = config_setting_length(velden);
	if (n < 1 || n > FORM_MAX_FIELDS) {
		bad(c, line_of(velden, 1), "een formulier heeft 1 tot %d velden, niet %d", FORM_MAX_FIELDS, n);
		return;
	}
	if (!(d->fields = calloc((size_t)n, sizeof *d->fields))) {
		bad(c, 1, "onvoldoende geheugen");
		return;
	}
	for (int i = 0; i < n; i++)
		parse_field(c, d, config_setting_get_elem(velden, (unsigned)i));
}

/* "forms/po3008/aanvraag-tlv.form" → "aanvraag-tlv"; "" when file is NULL
 * or does not end in .form. */
static char *code_of(const char *file)
{
	const char *base, *dot;

	if (!file)
		return dup("");
	base = strrchr(file, '/');
	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	if (!dot || strcmp(dot, ".form") != 0)
		return dup("");
	return strndup(base, (size_t)(dot - base));
}

static int valid_code(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

int form_parse(const char *data, size_t len, const char *file, struct form_def **out, form_report_fn report,
	       void *rctx, struct err *e)
{
	struct ctx c = { file ? file : "(formulier)", report, rctx, e, 0 };
	struct form_def *d;
	config_t cfg;

	err_clear(e);
	*out = NULL;
	if (!data)
		data = "", len = 0;
	if (cfgcheck_prescan(CFGCHECK(&c), data, len) != 0)
		return -1;
	if (!(d = calloc(1, sizeof *d)) || !(d->file = dup(c.file)) || !(d->code = code_of(file))) {
		form_free(&d);
		bad(&c, 1, "onvoldoende geheugen");
		return -1;
	}
	if (d->code[0] && !valid_code(d->code))
		bad(&c, 1, "bestandsnaam '%.64s.form' mag alleen a-z, 0-9 en - bevatten", d->code);
	config_init(&cfg);
	if (cfgcheck_parse(CFGCHECK(&c), &cfg, data, len) == 0)
		parse_root(&c, d, config_root_setting(&cfg));
	config_destroy(&cfg);
	if (c.nerr == 0 && (!d->name || !d->description))
		bad(&c, 1, "onvoldoende geheugen");
	if (c.nerr) {
		form_free(&d);
		return -1;
	}
	*out = d;
	return 0;
}

int form_load_source(const char *path, struct form_def **out, char **source, size_t *len,
		     form_report_fn report, void *rctx, struct err *e)
{
	struct ctx c = { path, report, rctx, e, 0 };
	char *buf;
	size_t n;

	err_clear(e);
	*out = NULL;
	if (source)
		*source = NULL;
	if (cfgcheck_read_file(CFGCHECK(&c), path, &buf, &n) != 0)
		return -1;
	buf[n] = 0; /* cfgcheck_read_file allocates one byte more */
	int rc = form_parse(buf, n, path, out, report, rctx, e);
	if (rc == 0 && source) {
		*source = buf;
		*len = n;
	} else {
		free(buf);
	}
	return rc;
}

int form_load(const char *path, struct form_def **out, form_report_fn report, void *rctx, struct err *e)
{
	return form_load_source(path, out, NULL, NULL, report, rctx, e);
}

static int is_form_file(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' && n > 5 && strcmp(de->d_name + n - 5, ".form") == 0;
}

int form_list_dir(const char *dir, char ***paths, size_t *n, struct err *e)
{
	struct dirent **list = NULL;
	int count = scandir(dir, &list, is_form_file, alphasort);

	*paths = NULL;
	*n = 0;
	if (count < 0)
		return err_set(e, "kan map '%s' niet lezen: %s", dir, strerror(errno));
	*paths = calloc((size_t)count + 1, sizeof **paths);
	for (int i = 0; i < count; i++) {
		if (*paths && asprintf(&(*paths)[*n], "%s/%s", dir, list[i]->d_name) >= 0)
			(*n)++;
		free(list[i]);
	}
	free(list);
	if (!*paths || *n != (size_t)count) {
		form_list_free(paths, *n);
		*n = 0;
		return err_set(e, "onvoldoende geheugen");
	}
	return 0;
}

void form_list_free(char ***paths, size_t n)
{
	if (!paths || !*paths)
		return;
	for (size_t i = 0; i < n; i++)
		free((*paths)[i]);
	free(*paths);
	*paths = NULL;
}

/* ---------------------------------------------------------------- values -- */

static int is_ws(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A copy of s without leading/trailing white space. */
static char *trimmed(const char *s)
{
	size_t n;

	while (is_ws((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

static int text_value(const struct form_field *f, const char *s, struct err *e)
{
	size_t n = utf8_length(s);

	if (n == (size_t)-1)
		return err_set(e, "Tekst bevat ongeldige tekens");
	if ((long)n > f->maxlen)
		return err_set(e, "Hoogstens %ld tekens (nu %zu)", f->maxlen, n);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' && !f->multiline)
			return err_set(e, "Eén regel tekst, zonder regeleinde");
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return err_set(e, "Tekst bevat een stuurteken");
	}
	return 0;
}

/* Index of the choice matching s (its text, case-insensitively, or its
 * number 1..n); -1 when none. */
static int choice_index(const struct form_field *f, const char *s)
{
	char *end;
	long n;

	for (size_t i = 0; i < f->nchoices; i++)
		if (!strcasecmp(f->choices[i], s))
			return (int)i;
	n = strtol(s, &end, 10);
	if (*s >= '0' && *s <= '9' && !*end && n >= 1 && (size_t)n <= f->nchoices)
		return (int)n - 1;
	return -1;
}

/* Meerkeuze: lines (or ';'-separated parts) that each name a choice; the
 * canonical value lists them in definition order, each once. */
static int multi_value(const struct form_field *f, const char *s, char **canon, struct err *e)
{
	unsigned char picked[FORM_MAX_CHOICES] = { 0 };
	char *copy = strdup(s), *save = NULL;
	size_t len = 0;

	if (!copy)
		return err_set(e, "Onvoldoende geheugen");
	for (char *part = strtok_r(copy, "\n;", &save); part; part = strtok_r(NULL, "\n;", &save)) {
		char *t = trimmed(part);
		int k;
		if (!t) {
			free(copy);
			return err_set(e, "Onvoldoende geheugen");
		}
		k = t[0] ? choice_index(f, t) : -2;
		if (k == -1) {
			err_set(e, "'%.60s' is geen keuze van dit veld", t);
			free(t);
			free(copy);
			return -1;
		}
		free(t);
		if (k >= 0)
			picked[k] = 1;
	}
	free(copy);
	for (size_t i = 0; i < f->nchoices; i++)
		len += picked[i] ? strlen(f->choices[i]) + 1 : 0;
	if (len == 0) {
		*canon = NULL;
		return 0;
	}
	if (!(*canon = malloc(len)))
		return err_set(e, "Onvoldoende geheugen");
	(*canon)[0] = 0;
	for (size_t i = 0; i < f->nchoices; i++)
		if (picked[i]) {
			if ((*canon)[0])
				strcat(*canon, "\n");
			strcat(*canon, f->choices[i]);
		}
	return 0;
}

static int account_value(const char *s, long long *id, struct err *e)
{
	char *end;

	if (!(*s >= '1' && *s <= '9'))
		return err_set(e, "Kies een account uit de lijst");
	*id = strtoll(s, &end, 10);
	if (*end || *id <= 0 || strlen(s) > 18)
		return err_set(e, "Kies een account uit de lijst");
	return 0;
}

int form_validate(const struct form_def *d, size_t i, const char *typed, char **canon, struct err *e)
{
	const struct form_field *f;
	char buf[64], *t;
	int rc = 0;
	struct err local;

	if (!e)
		e = &local; /* the message decides success below */
	err_clear(e);
	*canon = NULL;
	if (!d || i >= d->nfields)
		return err_set(e, "Onbekend veld");
	f = &d->fields[i];
	if (!typed)
		typed = "";
	if (strlen(typed) > FORM_MAX_VALUE)
		return err_set(e, "Te lang (hoogstens %d bytes)", FORM_MAX_VALUE);
	if (!(t = trimmed(typed)))
		return err_set(e, "Onvoldoende geheugen");
	if (!t[0]) {
		free(t);
		return 0;
	}
	switch (f->type) {
	case FORM_TEKST:
		if (text_value(f, t, e) == 0) {
			*canon = t;
			t = NULL;
		}
		break;
	case FORM_DATUM: {
		struct datum dt;
		if (datum_parse(t, &dt, e) < 0)
			break;
		if (f->first_of_month && dt.d != 1) {
			err_set(e, "Moet de 1e van de maand zijn (bijv. 01-%02d-%04d)", dt.m, dt.y);
			break;
		}
		*canon = strdup(datum_format_iso(dt, buf));
		break;
	}
	case FORM_JANEE:
		if (!strcasecmp(t, "ja") || !strcasecmp(t, "j"))
			*canon = strdup("ja");
		else if (!strcasecmp(t, "nee") || !strcasecmp(t, "n"))
			*canon = strdup("nee");
		else
			err_set(e, "Kies ja of nee");
		break;
	case FORM_KEUZE: {
		int k = choice_index(f, t);
		if (k < 0)
			err_set(e, "'%.60s' is geen keuze van dit veld", t);
		else
			*canon = strdup(f->choices[k]);
		break;
	}
	case FORM_MEERKEUZE:
		multi_value(f, t, canon, e);
		break;
	case FORM_BEDRAG: {
		int64_t cents;
		if (validate_money(t, &cents, e) == 0) {
			snprintf(buf, sizeof buf, "%" PRId64, cents);
			*canon = strdup(buf);
		}
		break;
	}
	case FORM_GETAL: {
		long long v;
		if (validate_int(t, f->min, f->max, &v, f->label, e) == 0) {
			snprintf(buf, sizeof buf, "%lld", v);
			*canon = strdup(buf);
		}
		break;
	}
	case FORM_EMAIL:
		if (validate_email(t, e) == 0) {
			*canon = t;
			t = NULL;
		}
		break;
	case FORM_TELEFOON:
		if (validate_phone(t, buf, e) == 0)
			*canon = strdup(buf);
		break;
	case FORM_POSTCODE:
		if (validate_postcode(t, buf, e) == 0)
			*canon = strdup(buf);
		break;
	case FORM_BRIN:
		if (validate_brin(t, buf, e) == 0) {
			if (d->fields[i].vestiging && strlen(buf) != 6)
				err_set(e, "Vul de 6-positie BRIN van de vestiging in (4 tekens + 2 cijfers, bijv. %s01)",
					buf);
			else
				*canon = strdup(buf);
		}
		break;
	case FORM_ACCOUNT: {
		long long id = 0;
		if (account_value(t, &id, e) == 0) {
			snprintf(buf, sizeof buf, "%lld", id);
			*canon = strdup(buf);
		}
		break;
	}
	default:
		err_set(e, "Onbekend veldtype");
		break;
	}
	free(t);
	if (e->msg[0])
		rc = -1;
	else if (!*canon)
		rc = err_set(e, "Onvoldoende geheugen");
	if (rc) {
		free(*canon);
		*canon = NULL;
	}
	return rc;
}

/* Copies s into buf, cut on a UTF-8 boundary. */
static const char *copy_cut(const char *s, char *buf, size_t len)
{
	size_t n = strlen(s);

	if (len == 0)
		return buf;
	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = 0;
	return buf;
}

const char *form_format(const struct form_def *d, size_t i, const char *canon, char *buf, size_t len)
{
	char tmp[VALIDATE_MONEY_LEN];
	struct datum dt;
	struct err e;

	if (!canon)
		return copy_cut("", buf, len);
	if (d && i < d->nfields) {
		switch (d->fields[i].type) {
		case FORM_DATUM:
			if (datum_parse_iso(canon, &dt, &e) == 0)
				return copy_cut(datum_format(dt, tmp), buf, len);
			break;
		case FORM_BEDRAG: {
			char *end;
			long long v = strtoll(canon, &end, 10);
			if (*canon >= '0' && *canon <= '9' && !*end)
				return copy_cut(validate_money_format(v, tmp, sizeof tmp), buf, len);
			break;
		}
		default:
			break;
		}
	}
	return copy_cut(canon, buf, len);
}

/* 1 when the stored value holds for cond (see form_cond). */
static int cond_holds(const struct form_def *d, const char *const *values, const struct form_cond *c)
{
	const char *v;

	if (c->field < 0)
		return 1;
	if (!form_visible(d, values, (size_t)c->field))
		return 0;
	v = values ? values[c->field] : NULL;
	if (!v || !v[0])
		return 0;
	if (!c->is)
		return 1;
	if (d->fields[c->field].type == FORM_MEERKEUZE) {
		size_t n = strlen(c->is);
		for (const char *p = v; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
			if (!strncmp(p, c->is, n) && (p[n] == '\n' || p[n] == 0))
				return 1;
		return 0;
	}
	return strcmp(v, c->is) == 0;
}

int form_visible(const struct form_def *d, const char *const *values, size_t i)
{
	/* conditions only name earlier fields, so this recursion ends */
	return d && i < d->nfields && cond_holds(d, values, &d->fields[i].visible_if);
}

int form_required(const struct form_def *d, const char *const *values, size_t i)
{
	if (!form_visible(d, values, i))
		return 0;
	if (d->fields[i].required)
		return 1;
	return d->fields[i].required_if.field >= 0 && cond_holds(d, values, &d->fields[i].required_if);
}

/* The date in canonical field j, or 0 when it has no valid one. */
static int date_of(const struct form_def *d, const char *const *values, int j, struct datum *out)
{
	struct err e;

	return j >= 0 && values && values[j] && form_visible(d, values, (size_t)j) &&
	       datum_parse_iso(values[j], out, &e) == 0;
}

int form_check_value(const struct form_def *d, size_t i, const char *canon, struct err *e)
{
	char shown[FORM_MAX_VALUE + 1];
	char *again = NULL;

	err_clear(e);
	if (!d || i >= d->nfields)
		return err_set(e, "Onbekend veld");
	if (!canon || !canon[0])
		return err_set(e, "Geen waarde");
	if (strlen(canon) > FORM_MAX_VALUE)
		return err_set(e, "Te lang (hoogstens %d bytes)", FORM_MAX_VALUE);
	/* canonical when typing its display form gives it back */
	form_format(d, i, canon, shown, sizeof shown);
	if (form_validate(d, i, shown, &again, e) < 0)
		return -1;
	int same = again && !strcmp(again, canon);
	free(again);
	return same ? 0 : err_set(e, "Ongeldige waarde");
}

int form_check_field(const struct form_def *d, const char *const *values, size_t i, struct err *e)
{
	const struct form_field *f;
	const char *v;

	err_clear(e);
	if (!d || i >= d->nfields)
		return err_set(e, "Onbekend veld");
	f = &d->fields[i];
	v = values ? values[i] : NULL;
	if (!v || !v[0])
		return 0;
	if (form_check_value(d, i, v, e) < 0)
		return -1;
	if (f->type == FORM_DATUM) {
		struct datum self, other;
		char buf[DATUM_BUFLEN];
		datum_parse_iso(v, &self, e);
		if (date_of(d, values, f->after, &other) && datum_cmp(self, other) <= 0)
			return err_set(e, "Moet na %s (%s) liggen", d->fields[f->after].label, datum_format(other, buf));
		if (date_of(d, values, f->within_year, &other)) {
			struct datum limit = other;
			limit.y++;
			if (limit.m == 2 && limit.d == 29 && !datum_is_leap(limit.y))
				limit.d = 28;
			if (datum_cmp(self, limit) > 0)
				return err_set(e, "Hoogstens een jaar na %s (uiterlijk %s)",
					       d->fields[f->within_year].label, datum_format(limit, buf));
		}
	}
	if (f->type == FORM_JANEE && f->requires.field >= 0 && !strcmp(v, "ja") &&
	    !cond_holds(d, values, &f->requires)) {
		if (f->requires_msg && f->requires_msg[0])
			return err_set(e, "%s", f->requires_msg);
		return err_set(e, "Bij 'ja' moet %s '%s' zijn", d->fields[f->requires.field].label, f->requires.is);
	}
	return 0;
}

size_t form_problems(const struct form_def *d, const char *const *values, struct form_problem *out, size_t max)
{
	size_t n = 0;
	struct err e;

	for (size_t i = 0; d && i < d->nfields; i++) {
		const char *v = values ? values[i] : NULL;
		char msg[sizeof e.msg + 256];
		if (!form_visible(d, values, i))
			continue;
		if (!v || !v[0]) {
			if (!form_required(d, values, i))
				continue;
			snprintf(msg, sizeof msg, "%s ontbreekt", d->fields[i].label);
		} else if (form_check_field(d, values, i, &e) < 0) {
			snprintf(msg, sizeof msg, "%s: %s", d->fields[i].label, e.msg);
		} else {
			continue;
		}
		if (n < max) {
			out[n].field = i;
			copy_cut(msg, out[n].msg, sizeof out[n].msg);
		}
		n++;
	}
	return n;
}

int form_complete(const struct form_def *d, const char *const *values)
{
	return form_problems(d, values, NULL, 0) == 0;
}
