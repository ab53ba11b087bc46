/* flow.c — reads, validates and answers questions about *.flow files; see flow.h. */
#include "core/flow.h"
#include "core/cfgcheck.h"
#include "core/utf8.h"

#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

const struct flow_role_info flow_roles[FLOW_ROLE_COUNT] = {
	[FLOW_ROLE_SECRETARIAAT] = { "secretariaat", "secretariaat", 1 },
	[FLOW_ROLE_FINANCIEEL] = { "financieel", "financieel medewerker", 1 },
	[FLOW_ROLE_COORDINATOR] = { "coordinator", "coördinator", 1 },
	[FLOW_ROLE_ADMIN] = { "admin", "applicatiebeheer", 1 },
	[FLOW_ROLE_AANVRAGER] = { "aanvrager", "aanvrager (school of instelling)", 0 },
	[FLOW_ROLE_OUDER] = { "ouder", "ouder/verzorger", 0 },
	[FLOW_ROLE_EXTERN] = { "extern", "externe deelnemer", 0 },
	[FLOW_ROLE_AUTOMATISCH] = { "automatisch", "automatisch (balie)", 0 },
	[FLOW_ROLE_BESTUUR] = { "bestuur", "financieel contact schoolbestuur", 0 },
	[FLOW_ROLE_REGIEROLHOUDER] = { "regierolhouder", "regierolhouder", 0 },
};

int flow_role_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < FLOW_ROLE_COUNT; i++)
		if (strcmp(flow_roles[i].name, name) == 0)
			return i;
	return -1;
}

/* ---------------------------------------------------------------- text -- */

static int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Case-insensitive (ASCII) equality; multibyte UTF-8 compares exactly. */
static int same_name(const char *a, const char *b)
{
	while (*a && *b) {
		if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
	return *a == *b;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Title equality: same_name, ignoring surrounding whitespace and treating
 * every run of whitespace as one space. */
static int same_title(const char *a, const char *b)
{
	for (;;) {
		while (is_space((unsigned char)*a))
			a++;
		while (is_space((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		while (*a && !is_space((unsigned char)*a) && *b && !is_space((unsigned char)*b)) {
			if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
				return 0;
			a++;
			b++;
		}
		/* both words must end here */
		if ((*a && !is_space((unsigned char)*a)) || (*b && !is_space((unsigned char)*b)))
			return 0;
	}
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* ------------------------------------------------------------ reporting -- */

struct ctx {
	const char *file;
	flow_report_fn report;
	void *rctx;
	struct err *e;
	size_t nerr;
};

__attribute__((format(printf, 3, 4)))
static void bad(struct ctx *c, int line, const char *fmt, ...)
{
	char msg[sizeof ((struct err *)0)->msg];
	struct err tmp;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* line 0: the error is about a folder, not a line in a file */
	err_set_at(&tmp, c->file, line >= 0 ? line : 1, "%s", msg);
	if (c->nerr == 0 && c->e)
		*c->e = tmp;
	c->nerr++;
	if (c->report)
		c->report(&tmp, c->rctx);
}

/* A short, printable excerpt of s for messages (long names are cut). */
static const char *shown(const char *s, char *buf, size_t len)
{
	size_t n = strlen(s);

	if (n < len) {
		memcpy(buf, s, n + 1);
		return buf;
	}
	/* cut on a UTF-8 boundary */
	n = len > 4 ? len - 4 : 0;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* -------------------------------------------------------------- reading -- */

/* The libconfig pre-check and reading live in core/cfgcheck; these adapt
 * its reports to this file's error counting. */
static void report_line(void *c, int line, const char *msg)
{
	bad(c, line, "%s", msg);
}

#define CFGCHECK(c) (&(struct cfgcheck){ "een flow-bestand", FLOW_MAX_FILE, report_line, (c) })

static int prescan(struct ctx *c, const char *data, size_t len)
{
	return cfgcheck_prescan(CFGCHECK(c), data, len);
}

static int parse_config(struct ctx *c, config_t *cfg, const char *data, size_t len)
{
	return cfgcheck_parse(CFGCHECK(c), cfg, data, len);
}

static int read_file(struct ctx *c, const char *path, char **out, size_t *outlen)
{
	return cfgcheck_read_file(CFGCHECK(c), path, out, outlen);
}

/* ------------------------------------------------------- setting helpers -- */

static int line_of(const config_setting_t *s, int fallback)
{
	int l = s ? (int)config_setting_source_line(s) : 0;

	return l > 0 ? l : fallback;
}

static const char *type_word(const config_setting_t *s)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "een geheel getal";
	case CONFIG_TYPE_FLOAT:
		return "een kommagetal";
	case CONFIG_TYPE_STRING:
		return "een tekst";
	case CONFIG_TYPE_BOOL:
		return "een ja/nee-waarde";
	case CONFIG_TYPE_GROUP:
		return "een groep { }";
	case CONFIG_TYPE_ARRAY:
		return "een rij [ ]";
	case CONFIG_TYPE_LIST:
		return "een lijst ( )";
	default:
		return "een onbekend type";
	}
}

/* Checks a name-like text: non-empty, no control characters, no
 * surrounding spaces, at most max bytes. */
static int check_text(struct ctx *c, int line, const char *what, const char *s, size_t max)
{
	char buf[64];
	size_t n = strlen(s);

	if (n == 0) {
		bad(c, line, "%s is leeg", what);
		return -1;
	}
	if (n > max) {
		bad(c, line, "%s is te lang (%zu bytes, hoogstens %zu): '%s'", what, n, max,
		    shown(s, buf, sizeof buf));
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f) {
			bad(c, line, "%s bevat een stuurteken: '%s'", what, shown(s, buf, sizeof buf));
			return -1;
		}
	}
	if (is_space((unsigned char)s[0]) || is_space((unsigned char)s[n - 1])) {
		bad(c, line, "%s begint of eindigt met een spatie: '%s'", what, shown(s, buf, sizeof buf));
		return -1;
	}
	return 0;
}

/* The string member `name` of group g.  Missing: NULL, reported when
 * required.  Wrong type: reported, *failed set. */
static const char *get_string(struct ctx *c, const config_setting_t *g, const char *name,
			      int required, int *failed)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	if (!s) {
		if (required) {
			bad(c, line_of(g, 1), "'%s' ontbreekt", name);
			*failed = 1;
		}
		return NULL;
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet een tekst zijn, niet %s", name, type_word(s));
		*failed = 1;
		return NULL;
	}
	return config_setting_get_string(s);
}

/* Boolean member; returns 0/1, default 0; reports a wrong type. */
static int get_bool(struct ctx *c, const config_setting_t *g, const char *name, int *failed)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	if (!s)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet true of false zijn, niet %s", name, type_word(s));
		*failed = 1;
		return 0;
	}
	return config_setting_get_bool(s) ? 1 : 0;
}

/* Reports members of g whose name is not in known[] (NULL-terminated). */
static int check_members(struct ctx *c, const config_setting_t *g, const char *const known[],
			 const char *where)
{
	int rc = 0;
	int n = config_setting_length(g);

	for (int i = 0; i < n; i++) {
		const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		int found = 0;

		if (!name)
			continue;
		for (size_t k = 0; known[k]; k++)
			if (strcmp(known[k], name) == 0)
				found = 1;
		if (!found) {
			char list[256] = "";
			size_t used = 0;
			for (size_t k = 0; known[k]; k++) {
				int w = snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "", known[k]);
				if (w < 0 || (size_t)w >= sizeof list - used)
					break;
				used += (size_t)w;
			}
			bad(c, line_of(m, line_of(g, 1)), "onbekende instelling '%s' in %s (bekend: %s)",
			    name, where, list);
			rc = -1;
		}
	}
	return rc;
}

/* A member that is one string or a rij/lijst of strings.  Fills items[] with
 * pointers into the config and lines[] with their lines; *n gets the count.
 * Returns -1 (reported) on a wrong type.  Missing: *n = 0, returns 1. */
static int get_string_list(struct ctx *c, const config_setting_t *g, const char *name,
			   const char ***items, int **lines, size_t *n)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	int count;

	*items = NULL;
	*lines = NULL;
	*n = 0;
	if (!s)
		return 1;
	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		*items = malloc(sizeof **items);
		*lines = malloc(sizeof **lines);
		if (!*items || !*lines)
			goto nomem;
		(*items)[0] = config_setting_get_string(s);
		(*lines)[0] = line_of(s, line_of(g, 1));
		*n = 1;
		return 0;
	}
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY && config_setting_type(s) != CONFIG_TYPE_LIST) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet een tekst of een rij teksten [ \"…\", … ] zijn, niet %s",
		    name, type_word(s));
		return -1;
	}
	count = config_setting_length(s);
	*items = calloc((size_t)count + 1, sizeof **items);
	*lines = calloc((size_t)count + 1, sizeof **lines);
	if (!*items || !*lines)
		goto nomem;
	for (int i = 0; i < count; i++) {
		const config_setting_t *el = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(el) != CONFIG_TYPE_STRING) {
			bad(c, line_of(el, line_of(s, 1)), "'%s' mag alleen teksten bevatten, element %d is %s",
			    name, i + 1, type_word(el));
			free(*items);
			free(*lines);
			*items = NULL;
			*lines = NULL;
			return -1;
		}
		(*items)[i] = config_setting_get_string(el);
		(*lines)[i] = line_of(el, line_of(s, 1));
	}
	*n = (size_t)count;
	return 0;
nomem:
	free(*items);
	free(*lines);
	*items = NULL;
	*lines = NULL;
	bad(c, line_of(s, 1), "onvoldoende geheugen");
	return -1;
}

/* --------------------------------------------------------------- freeing -- */

void flow_type_free(struct flow_type **tp)
{
	struct flow_type *t;

	if (!tp || !*tp)
		return;
	t = *tp;
	free(t->file);
	free(t->name);
	free(t->category);
	free(t->toelichting);
	free(t->standaardtekst);
	for (size_t i = 0; i < t->ntitles; i++)
		free(t->titles[i]);
	free(t->titles);
	free(t->title_lines);
	for (size_t i = 0; i < t->nstatuses; i++) {
		free(t->statuses[i].name);
		free(t->statuses[i].betekenis);
	}
	free(t->statuses);
	free(t->transitions);
	free(t->on_bijlage);
	for (size_t i = 0; i < t->nagenda; i++) {
		free(t->agenda[i].commissie);
		free(t->agenda[i].klaar);
	}
	free(t->agenda);
	compleet_rules_release(&t->compleet);
	free(t);
	*tp = NULL;
}

void flow_profile_free(struct flow_profile **pp)
{
	struct flow_profile *p;

	if (!pp || !*pp)
		return;
	p = *pp;
	for (size_t i = 0; i < p->ntypes; i++)
		flow_type_free(&p->types[i]);
	free(p->types);
	free(p->dir);
	free(p->code);
	free(p->name);
	free(p);
	*pp = NULL;
}

/* --------------------------------------------------------- one flow file -- */

static const char *const top_keys_v1[] = {
	"versie", "naam", "titels", "categorie", "eerste_status", "coordinator",
	"standaard", "statussen", "overgangen", "automatisch", "compleet", "agenda", "toelichting", "standaardtekst",
	NULL
};
static const char *const agenda_keys[] = { "commissie", "klaar", "gepland", "toegekend", "afgewezen",
					   "aangehouden", "afspraak", NULL };
const char *const flow_uitkomst_naam[FLOW_UITKOMSTEN] = { "toegekend", "afgewezen", "aangehouden" };
static const char *const status_keys[] = { "naam", "betekenis", "eind", "verborgen", "controleren",
					   "aanvulling", NULL };
static const char *const transition_keys[] = { "van", "naar", "door", "reden", NULL };
static const char *const auto_keys[] = { "bijlage_toegevoegd", NULL };
static const char *const rule_keys[] = { "van", "naar", NULL };

/* An optional text of several lines (toelichting, standaardtekst: 004
 * §2.4 …): at most FLOW_MAX_TEXT bytes, no control characters but line
 * breaks.  *out stays NULL when absent.  0 / -1. */
static int optional_text(struct ctx *c, const config_setting_t *root, const char *name, char **out)
{
	const config_setting_t *m = config_setting_get_member(root, name);
	const char *s;
	char buf[64];

	*out = NULL;
	if (!m)
		return 0;
	if (!(s = config_setting_get_string(m))) {
		bad(c, line_of(m, 1), "'%s' moet een tekst zijn", name);
		return -1;
	}
	if (!*s || strlen(s) > FLOW_MAX_TEXT) {
		bad(c, line_of(m, 1), "'%s' is leeg of te lang (hoogstens %d bytes)", name, FLOW_MAX_TEXT);
		return -1;
	}
	for (const char *x = s; *x; x++)
		if (((unsigned char)*x < 0x20 && *x != '\n') || *x == 0x7f) {
			bad(c, line_of(m, 1), "'%s' bevat een stuurteken: '%s'", name, shown(s, buf, sizeof buf));
			return -1;
		}
	return (*out = xstrdup(s)) ? 0 : -1;
}

static int find_status(const struct flow_type *t, const char *name)
{
	for (size_t i = 0; i < t->nstatuses; i++)
		if (strcmp(t->statuses[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Looks a status up for a transition or rule; reports an unknown one and
 * hints at a case difference. */
static int lookup_status(struct ctx *c, const struct flow_type *t, const char *name, int line,
			 const char *where)
{
	char buf[96];
	int i = find_status(t, name);

	if (i >= 0)
		return i;
	for (size_t k = 0; k < t->nstatuses; k++)
		if (same_name(t->statuses[k].name, name)) {
			bad(c, line, "onbekende status '%s' in %s (bedoelt u '%s'? hoofdletters tellen mee)",
			    shown(name, buf, sizeof buf), where, t->statuses[k].name);
			return -1;
		}
	bad(c, line, "onbekende status '%s' in %s", shown(name, buf, sizeof buf), where);
	return -1;
}

static int parse_statuses(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "statussen");
	int rc = 0;
	int n;

	if (!list) {
		bad(c, 1, "'statussen' ontbreekt");
		return -1;
	}
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		bad(c, line_of(list, 1), "'statussen' moet een lijst ( { naam = \"…\"; }, … ) zijn, niet %s",
		    type_word(list));
		return -1;
	}
	n = config_setting_length(list);
	if (n == 0) {
		bad(c, line_of(list, 1), "'statussen' is leeg");
		return -1;
	}
	t->statuses = calloc((size_t)n, sizeof *t->statuses);
	if (!t->statuses) {
		bad(c, line_of(list, 1), "onvoldoende geheugen");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		int line = line_of(g, line_of(list, 1));
		int failed = 0;
		const char *name, *bet;
		char buf[96];

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, line, "status %d moet een groep { naam = \"…\"; } zijn, niet %s", i + 1, type_word(g));
			rc = -1;
			continue;
		}
		if (check_members(c, g, status_keys, "een status") != 0)
			rc = -1;
		name = get_string(c, g, "naam", 1, &failed);
		bet = get_string(c, g, "betekenis", 0, &failed);
		int fin = get_bool(c, g, "eind", &failed);
		int hid = get_bool(c, g, "verborgen", &failed);
		int ctl = get_bool(c, g, "controleren", &failed);
		int aanv = get_bool(c, g, "aanvulling", &failed);
		if (failed || !name) {
			rc = -1;
			continue;
		}
		if (check_text(c, line, "statusnaam", name, FLOW_MAX_NAME) != 0) {
			rc = -1;
			continue;
		}
		if (bet && strlen(bet) > 4000) {
			bad(c, line, "betekenis van status '%s' is te lang (hoogstens 4000 bytes)",
			    shown(name, buf, sizeof buf));
			rc = -1;
			continue;
		}
		int dup = -1;
		for (size_t k = 0; k < t->nstatuses; k++)
			if (same_name(t->statuses[k].name, name))
				dup = (int)k;
		if (dup >= 0) {
			bad(c, line, "dubbele status '%s' (ook op regel %d)", shown(name, buf, sizeof buf),
			    t->statuses[dup].line);
			rc = -1;
			continue;
		}
		struct flow_status *st = &t->statuses[t->nstatuses];
		st->name = xstrdup(name);
		st->betekenis = xstrdup(bet ? bet : "");
		st->final = fin;
		st->hidden = hid;
		st->controleren = ctl;
		st->aanvulling = aanv;
		st->line = line;
		t->nstatuses++;
		if (!st->name || !st->betekenis) {
			bad(c, line, "onvoldoende geheugen");
			return -1;
		}
	}
	return rc;
}

static int add_transition(struct ctx *c, struct flow_type *t, size_t *cap, int from, int to,
			  unsigned roles, int reason, int line)
{
	for (size_t k = 0; k < t->ntransitions; k++) {
		const struct flow_transition *o = &t->transitions[k];
		if (o->from == from && o->to == to) {
			bad(c, line, "dubbele overgang van '%s' naar '%s' (ook op regel %d)",
			    t->statuses[from].name, t->statuses[to].name, o->line);
			return -1;
		}
	}
	if (t->ntransitions == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		struct flow_transition *nt = realloc(t->transitions, nc * sizeof *nt);
		if (!nt) {
			bad(c, line, "onvoldoende geheugen");
			return -1;
		}
		t->transitions = nt;
		*cap = nc;
	}
	t->transitions[t->ntransitions++] = (struct flow_transition){ from, to, roles, reason, line };
	return 0;
}

static int parse_transitions(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "overgangen");
	size_t cap = 0;
	int rc = 0;
	int n;

	if (!list) {
		bad(c, 1, "'overgangen' ontbreekt");
		return -1;
	}
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		bad(c, line_of(list, 1),
		    "'overgangen' moet een lijst ( { van = \"…\"; naar = \"…\"; door = [ … ]; }, … ) zijn, niet %s",
		    type_word(list));
		return -1;
	}
	n = config_setting_length(list);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		int line = line_of(g, line_of(list, 1));
		const char **van = NULL, **naar = NULL, **door = NULL;
		int *lvan = NULL, *lnaar = NULL, *ldoor = NULL;
		size_t nvan = 0, nnaar = 0, ndoor = 0;
		unsigned roles = 0;
		int failed = 0;
		int r1, r2, r3;

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, line, "overgang %d moet een groep { van = …; naar = …; door = …; } zijn, niet %s",
			    i + 1, type_word(g));
			rc = -1;
			continue;
		}
		if (check_members(c, g, transition_keys, "een overgang") != 0)
			failed = 1;
		r1 = get_string_list(c, g, "van", &van, &lvan, &nvan);
		r2 = get_string_list(c, g, "naar", &naar, &lnaar, &nnaar);
		r3 = get_string_list(c, g, "door", &door, &ldoor, &ndoor);
		int reason = get_bool(c, g, "reden", &failed);
		if (r1 < 0 || r2 < 0 || r3 < 0)
			failed = 1;
		if (r1 == 1 || (r1 == 0 && nvan == 0)) {
			bad(c, line, "'van' ontbreekt of is leeg in overgang");
			failed = 1;
		}
		if (r2 == 1 || (r2 == 0 && nnaar == 0)) {
			bad(c, line, "'naar' ontbreekt of is leeg in overgang");
			failed = 1;
		}
		if (r3 == 1 || (r3 == 0 && ndoor == 0)) {
			bad(c, line, "'door' ontbreekt of is leeg in overgang (wie mag deze overgang maken?)");
			failed = 1;
		}
		for (size_t k = 0; k < ndoor; k++) {
			int role = flow_role_from_name(door[k]);
			if (role < 0) {
				char buf[64];
				bad(c, ldoor[k], "onbekende rol '%s' (bekend: secretariaat, financieel, coordinator, "
				    "admin, aanvrager, ouder, extern, regierolhouder, automatisch)", shown(door[k], buf, sizeof buf));
				failed = 1;
			} else if (roles & FLOW_ROLE_BIT(role)) {
				bad(c, ldoor[k], "rol '%s' staat twee keer in 'door'", door[k]);
				failed = 1;
			} else {
				roles |= FLOW_ROLE_BIT(role);
			}
		}
		int *from = calloc(nvan + 1, sizeof *from);
		int *to = calloc(nnaar + 1, sizeof *to);
		if (!from || !to) {
			bad(c, line, "onvoldoende geheugen");
			failed = 1;
		}
		for (size_t k = 0; from && k < nvan; k++)
			if ((from[k] = lookup_status(c, t, van[k], lvan[k], "overgang (van)")) < 0)
				failed = 1;
		for (size_t k = 0; to && k < nnaar; k++)
			if ((to[k] = lookup_status(c, t, naar[k], lnaar[k], "overgang (naar)")) < 0)
				failed = 1;
		if (!failed) {
			for (size_t a = 0; a < nvan; a++)
				for (size_t b = 0; b < nnaar; b++) {
					if (from[a] == to[b]) {
						bad(c, lnaar[b], "overgang van '%s' naar zichzelf",
						    t->statuses[from[a]].name);
						failed = 1;
						continue;
					}
					if (add_transition(c, t, &cap, from[a], to[b], roles, reason, line) != 0)
						failed = 1;
				}
		}
		free(from);
		free(to);
		free(van);
		free(naar);
		free(door);
		free(lvan);
		free(lnaar);
		free(ldoor);
		if (failed)
			rc = -1;
	}
	return rc;
}

static int parse_auto(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *a = config_setting_get_member(root, "automatisch");
	const config_setting_t *list;
	int rc = 0;
	int n;

	if (!a)
		return 0;
	if (config_setting_type(a) != CONFIG_TYPE_GROUP) {
		bad(c, line_of(a, 1), "'automatisch' moet een groep { bijlage_toegevoegd = ( … ); } zijn, niet %s",
		    type_word(a));
		return -1;
	}
	if (check_members(c, a, auto_keys, "'automatisch'") != 0)
		rc = -1;
	list = config_setting_get_member(a, "bijlage_toegevoegd");
	if (!list)
		return rc;
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		bad(c, line_of(list, 1),
		    "'bijlage_toegevoegd' moet een lijst ( { van = \"…\"; naar = \"…\"; }, … ) zijn, niet %s",
		    type_word(list));
		return -1;
	}
	n = config_setting_length(list);
	t->on_bijlage = calloc((size_t)n + 1, sizeof *t->on_bijlage);
	if (!t->on_bijlage) {
		bad(c, line_of(list, 1), "onvoldoende geheugen");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		int line = line_of(g, line_of(list, 1));
		int failed = 0;
		const char *van, *naar;
		int from = -1, to = -1;

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, line, "regel %d van 'bijlage_toegevoegd' moet een groep { van = …; naar = …; } zijn, niet %s",
			    i + 1, type_word(g));
			rc = -1;
			continue;
		}
		if (check_members(c, g, rule_keys, "een automatische regel") != 0)
			failed = 1;
		van = get_string(c, g, "van", 1, &failed);
		naar = get_string(c, g, "naar", 1, &failed);
		if (van && (from = lookup_status(c, t, van, line, "automatische regel (van)")) < 0)
			failed = 1;
		if (naar && (to = lookup_status(c, t, naar, line, "automatische regel (naar)")) < 0)
			failed = 1;
		if (!failed && from == to) {
			bad(c, line, "automatische regel van '%s' naar zichzelf", t->statuses[from].name);
			failed = 1;
		}
		for (size_t k = 0; !failed && k < t->non_bijlage; k++)
			if (t->on_bijlage[k].from == from) {
				bad(c, line, "twee regels 'bijlage_toegevoegd' voor status '%s' (ook op regel %d)",
				    t->statuses[from].name, t->on_bijlage[k].line);
				failed = 1;
			}
		if (failed) {
			rc = -1;
			continue;
		}
		t->on_bijlage[t->non_bijlage++] = (struct flow_rule){ from, to, line };
	}
	return rc;
}

/* ---------------------------------------------------------------- agenda -- */

/* 1 when the flow has a transition from → to that one of roles may make. */
static int has_transition(const struct flow_type *t, int from, int to, unsigned roles)
{
	for (size_t i = 0; i < t->ntransitions; i++)
		if (t->transitions[i].from == from && t->transitions[i].to == to && (t->transitions[i].roles & roles))
			return 1;
	return 0;
}

/* A status member of an agenda group: its index, -1 when absent; failed
 * set when it names no status. */
static int agenda_status(struct ctx *c, const struct flow_type *t, const config_setting_t *g, const char *name,
			 int line, int *failed)
{
	const char *s = get_string(c, g, name, 0, failed);
	char where[64];
	int i;

	if (!s)
		return -1;
	snprintf(where, sizeof where, "agenda (%s)", name);
	if ((i = lookup_status(c, t, s, line_of(config_setting_get_member(g, name), line), where)) < 0)
		*failed = 1;
	return i;
}

static int parse_agenda_item(struct ctx *c, struct flow_type *t, const config_setting_t *g, int line,
			     struct flow_agenda *a)
{
	const unsigned besluit = FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT) | FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR);
	unsigned plan = FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT);
	const char **items = NULL;
	int *lines = NULL, failed = 0;
	size_t n = 0;
	const char *com;

	a->line = line;
	a->gepland = -1;
	if (check_members(c, g, agenda_keys, "'agenda'") != 0)
		failed = 1;
	com = get_string(c, g, "commissie", 1, &failed);
	if (com && (check_text(c, line, "commissie", com, 40) != 0 || !(a->commissie = xstrdup(com))))
		failed = 1;
	if (get_string_list(c, g, "klaar", &items, &lines, &n) != 0 || n == 0) {
		if (!failed && n == 0)
			bad(c, line, "'klaar' ontbreekt: de statussen die klaar zijn om te plannen");
		failed = 1;
	}
	if (n && !(a->klaar = calloc(n, sizeof *a->klaar)))
		failed = 1;
	for (size_t k = 0; a->klaar && k < n; k++) {
		int i = lookup_status(c, t, items[k], lines[k], "agenda (klaar)");

		if (i < 0)
			failed = 1;
		else
			a->klaar[a->nklaar++] = i;
	}
	free(items);
	free(lines);
	a->afspraak = get_bool(c, g, "afspraak", &failed);
	if (a->afspraak) /* the rulebook's afspraak-plannen */
		plan = besluit | FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL);
	a->gepland = agenda_status(c, t, g, "gepland", line, &failed);
	for (int u = 0; u < FLOW_UITKOMSTEN; u++)
		a->uitkomst[u] = agenda_status(c, t, g, flow_uitkomst_naam[u], line, &failed);
	if (failed)
		return -1;
	/* planning and each outcome must be a transition the database accepts */
	for (size_t k = 0; a->gepland >= 0 && k < a->nklaar; k++)
		if (a->klaar[k] != a->gepland && !has_transition(t, a->klaar[k], a->gepland, plan)) {
			bad(c, line, "agenda %s: geen overgang van '%s' naar '%s' voor %s", a->commissie,
			    t->statuses[a->klaar[k]].name, t->statuses[a->gepland].name,
			    a->afspraak ? "secretariaat, financieel medewerker of coördinator" : "het secretariaat");
			failed = 1;
		}
	for (int u = 0; u < FLOW_UITKOMSTEN; u++) {
		int to = a->uitkomst[u];

		if (to < 0)
			continue;
		if (a->gepland >= 0) {
			if (to != a->gepland && !has_transition(t, a->gepland, to, besluit)) {
				bad(c, line, "agenda %s: geen overgang van '%s' naar '%s' (%s) voor secretariaat of coördinator",
				    a->commissie, t->statuses[a->gepland].name, t->statuses[to].name,
				    flow_uitkomst_naam[u]);
				failed = 1;
			}
			continue;
		}
		for (size_t k = 0; k < a->nklaar; k++)
			if (a->klaar[k] != to && !has_transition(t, a->klaar[k], to, besluit)) {
				bad(c, line, "agenda %s: geen overgang van '%s' naar '%s' (%s) voor secretariaat of coördinator",
				    a->commissie, t->statuses[a->klaar[k]].name, t->statuses[to].name,
				    flow_uitkomst_naam[u]);
				failed = 1;
			}
	}
	return failed ? -1 : 0;
}

static int parse_agenda(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "agenda");
	int rc = 0, n;

	if (!list)
		return 0;
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		bad(c, line_of(list, 1), "'agenda' moet een lijst ( { commissie = \"…\"; klaar = …; }, … ) zijn, niet %s",
		    type_word(list));
		return -1;
	}
	n = config_setting_length(list);
	t->agenda = calloc((size_t)n + 1, sizeof *t->agenda);
	if (!t->agenda) {
		bad(c, line_of(list, 1), "onvoldoende geheugen");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		int line = line_of(g, line_of(list, 1));
		struct flow_agenda *a = &t->agenda[t->nagenda++];

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, line, "regel %d van 'agenda' moet een groep { commissie = …; klaar = …; } zijn, niet %s",
			    i + 1, type_word(g));
			rc = -1;
			continue;
		}
		if (parse_agenda_item(c, t, g, line, a) != 0)
			rc = -1;
		for (size_t k = 0; a->commissie && k + 1 < t->nagenda; k++)
			if (t->agenda[k].commissie && !strcmp(t->agenda[k].commissie, a->commissie)) {
				bad(c, line, "commissie '%s' staat twee keer in 'agenda' (ook op regel %d)", a->commissie,
				    t->agenda[k].line);
				rc = -1;
			}
	}
	return rc;
}

/* ------------------------------------------------- completeness (compleet) -- */

/* The `controleren` / `aanvulling` status markers: at most one aanvulling
 * status, and when there is one, "aanvulling vragen" must be a transition a
 * back-office role may make from every controleren status (else the action
 * would be refused by the database). */
static int parse_markers(struct ctx *c, struct flow_type *t)
{
	int rc = 0;
	unsigned backoffice = 0;

	for (int r = 0; r < FLOW_ROLE_COUNT; r++)
		if (flow_roles[r].backoffice)
			backoffice |= FLOW_ROLE_BIT(r);
	for (size_t i = 0; i < t->nstatuses; i++) {
		if (!t->statuses[i].aanvulling)
			continue;
		if (t->aanvulling >= 0) {
			bad(c, t->statuses[i].line, "twee statussen met aanvulling = true ('%s' op regel %d en '%s')",
			    t->statuses[t->aanvulling].name, t->statuses[t->aanvulling].line, t->statuses[i].name);
			rc = -1;
		} else {
			t->aanvulling = (int)i;
		}
	}
	/* controleren without an aanvulling status is allowed (a type whose
	 * flow has no "aanvulling nodig"): it is checked, never sent back. */
	for (size_t i = 0; t->aanvulling >= 0 && i < t->nstatuses; i++) {
		if (!t->statuses[i].controleren)
			continue;
		if ((int)i == t->aanvulling) {
			bad(c, t->statuses[i].line, "status '%s' kan niet zowel controleren als aanvulling zijn",
			    t->statuses[i].name);
			rc = -1;
			continue;
		}
		int found = 0;
		for (size_t k = 0; k < t->ntransitions; k++)
			if (t->transitions[k].from == (int)i && t->transitions[k].to == t->aanvulling &&
			    (t->transitions[k].roles & backoffice))
				found = 1;
		if (!found) {
			bad(c, t->statuses[i].line, "status '%s' staat op controleren, maar geen overgang naar '%s' "
			    "(aanvulling) door een rol van het SWV", t->statuses[i].name,
			    t->statuses[t->aanvulling].name);
			rc = -1;
		}
	}
	return rc;
}

static const char *const item_keys[] = { "omschrijving", "melding", "alleen_in", "of", "bijlage", "formulier", "veld",
					 "waarde", "eerste_van_de_maand", "basisgegeven", "schoolgegevens",
					 "actueel", "maanden", "max_bijlagen", "bestandsnamen",
					 "titel_zonder_naam", NULL };
static const char *const cond_keys[] = { "bijlage", "formulier", "veld", "waarde", "eerste_van_de_maand",
					 "basisgegeven", "schoolgegevens", "actueel", "maanden", "max_bijlagen",
					 "bestandsnamen", "titel_zonder_naam", NULL };

/* Integer member; *present says whether it was there. */
static int get_int(struct ctx *c, const config_setting_t *g, const char *name, int *present, int *failed)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	*present = s != NULL;
	if (!s)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_INT) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet een geheel getal zijn, niet %s", name, type_word(s));
		*failed = 1;
		return 0;
	}
	return config_setting_get_int(s);
}

/* A `true` flag member that names a rule kind: present and true, else 0
 * (false is refused: leave the rule out instead). */
static int get_flag(struct ctx *c, const config_setting_t *g, const char *name, int *failed)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	if (!s)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL || !config_setting_get_bool(s)) {
		bad(c, line_of(s, line_of(g, 1)), "'%s' moet true zijn (laat de regel anders weg)", name);
		*failed = 1;
		return 0;
	}
	return 1;
}

static char *dup_opt(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* One condition from group g (an item or an element of `of`). */
static int parse_cond(struct ctx *c, const config_setting_t *g, struct compleet_cond *out)
{
	int failed = 0, has_maanden = 0, has_max = 0, line = line_of(g, 1);
	const char *bijlage = get_string(c, g, "bijlage", 0, &failed);
	const char *formulier = get_string(c, g, "formulier", 0, &failed);
	const char *veld = get_string(c, g, "veld", 0, &failed);
	const char *waarde = get_string(c, g, "waarde", 0, &failed);
	const char *basis = get_string(c, g, "basisgegeven", 0, &failed);
	const char *actueel = get_string(c, g, "actueel", 0, &failed);
	int eerste = get_bool(c, g, "eerste_van_de_maand", &failed);
	int school = get_flag(c, g, "schoolgegevens", &failed);
	int namen = get_flag(c, g, "bestandsnamen", &failed);
	int titel = get_flag(c, g, "titel_zonder_naam", &failed);
	int maanden = get_int(c, g, "maanden", &has_maanden, &failed);
	int max = get_int(c, g, "max_bijlagen", &has_max, &failed);
	struct err e;

	if (failed)
		return -1;
	memset(out, 0, sizeof *out);
	out->line = line;
	int kinds = !!bijlage + !!formulier + !!basis + school + !!actueel + has_max + namen + titel;
	if (kinds != 1) {
		bad(c, line, kinds == 0 ? "regel zonder controle: geef bijlage, formulier, basisgegeven, "
					  "schoolgegevens, actueel, max_bijlagen, bestandsnamen of titel_zonder_naam"
					: "een regel controleert één ding: gebruik 'of = ( … )' voor alternatieven");
		return -1;
	}
	if (veld && !formulier) {
		bad(c, line, "'veld' hoort bij een 'formulier'");
		return -1;
	}
	if ((waarde || eerste) && !veld) {
		bad(c, line, "'waarde' en 'eerste_van_de_maand' horen bij een 'veld'");
		return -1;
	}
	if (actueel && !has_maanden) {
		bad(c, line, "'actueel' heeft 'maanden' nodig (bijvoorbeeld maanden = 24;)");
		return -1;
	}
	if (has_maanden && !actueel) {
		bad(c, line, "'maanden' hoort bij 'actueel'");
		return -1;
	}
	if (bijlage) {
		out->kind = COMPLEET_BIJLAGE;
		out->arg = xstrdup(bijlage);
	} else if (formulier) {
		out->kind = veld ? COMPLEET_VELD : COMPLEET_FORMULIER;
		out->arg = xstrdup(formulier);
		out->veld = dup_opt(veld);
		out->waarde = dup_opt(waarde);
		out->eerste = eerste;
	} else if (basis) {
		out->kind = COMPLEET_BASISGEGEVEN;
		out->arg = xstrdup(basis);
	} else if (school) {
		out->kind = COMPLEET_SCHOOLGEGEVENS;
	} else if (actueel) {
		out->kind = COMPLEET_ACTUEEL;
		out->arg = xstrdup(actueel);
		out->getal = maanden;
	} else if (has_max) {
		out->kind = COMPLEET_MAX_BIJLAGEN;
		out->getal = max;
	} else if (namen) {
		out->kind = COMPLEET_BESTANDSNAMEN;
	} else {
		out->kind = COMPLEET_TITEL;
	}
	if (compleet_cond_check(out, &e) != 0) {
		bad(c, line, "%s", e.msg);
		return -1;
	}
	return 0;
}

/* `alleen_in = [ "status", … ]`: statuses of this flow the item counts in
 * (the voortgang forms of 001 belong to "… afgerond", not to the intake). */
static int parse_alleen_in(struct ctx *c, const struct flow_type *t, const config_setting_t *g,
			   struct compleet_item *it)
{
	const char **items;
	int *lines;
	size_t n;
	int rc = get_string_list(c, g, "alleen_in", &items, &lines, &n);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = 0;
	if (n == 0) {
		bad(c, line_of(g, 1), "'alleen_in' is leeg");
		rc = -1;
	}
	it->alleen_in = calloc(n + 1, sizeof *it->alleen_in);
	for (size_t k = 0; rc == 0 && k < n; k++) {
		if (!it->alleen_in || lookup_status(c, t, items[k], lines[k], "'alleen_in'") < 0) {
			rc = -1;
			break;
		}
		it->alleen_in[it->nalleen_in++] = xstrdup(items[k]);
	}
	free(items);
	free(lines);
	return rc;
}

static int parse_item(struct ctx *c, const struct flow_type *t, const config_setting_t *g,
		      struct compleet_item *it)
{
	int failed = 0, line = line_of(g, 1);
	const config_setting_t *of = config_setting_get_member(g, "of");

	it->line = line;
	if (check_members(c, g, item_keys, "een compleet-regel") != 0)
		failed = 1;
	const char *oms = get_string(c, g, "omschrijving", 1, &failed);
	const char *mel = get_string(c, g, "melding", 1, &failed);
	if (oms && check_text(c, line_of(config_setting_get_member(g, "omschrijving"), line), "omschrijving", oms,
			      FLOW_MAX_NAME) != 0)
		failed = 1;
	if (mel && (strlen(mel) == 0 || strlen(mel) > 400)) {
		bad(c, line_of(config_setting_get_member(g, "melding"), line),
		    "'melding' moet een tekst van 1 tot 400 bytes zijn");
		failed = 1;
	}
	if (failed)
		return -1;
	it->omschrijving = xstrdup(oms);
	it->melding = xstrdup(mel);
	if (parse_alleen_in(c, t, g, it) != 0)
		return -1;
	if (!of) {
		it->alt = calloc(1, sizeof *it->alt);
		if (!it->alt || !it->omschrijving || !it->melding) {
			bad(c, line, "onvoldoende geheugen");
			return -1;
		}
		it->nalt = 1; /* counted first: a half-read condition is freed too */
		return parse_cond(c, g, &it->alt[0]);
	}
	for (size_t k = 0; cond_keys[k]; k++)
		if (config_setting_get_member(g, cond_keys[k])) {
			bad(c, line, "een regel met 'of' heeft de controles binnen 'of = ( … )', niet '%s' ernaast",
			    cond_keys[k]);
			return -1;
		}
	if (config_setting_type(of) != CONFIG_TYPE_LIST || config_setting_length(of) < 2) {
		bad(c, line_of(of, line), "'of' moet een lijst ( { … }, { … } ) met ten minste twee alternatieven zijn");
		return -1;
	}
	int n = config_setting_length(of);
	it->alt = calloc((size_t)n, sizeof *it->alt);
	if (!it->alt) {
		bad(c, line, "onvoldoende geheugen");
		return -1;
	}
	int rc = 0;
	for (int k = 0; k < n; k++) {
		const config_setting_t *a = config_setting_get_elem(of, (unsigned)k);
		if (config_setting_type(a) != CONFIG_TYPE_GROUP) {
			bad(c, line_of(a, line), "alternatief %d moet een groep { … } zijn, niet %s", k + 1, type_word(a));
			rc = -1;
			continue;
		}
		if (check_members(c, a, cond_keys, "een alternatief") != 0) {
			rc = -1;
			continue;
		}
		if (parse_cond(c, a, &it->alt[it->nalt++]) != 0)
			rc = -1;
	}
	return rc;
}

static int parse_compleet(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "compleet");
	int rc = 0;

	if (!list)
		return 0;
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		bad(c, line_of(list, 1), "'compleet' moet een lijst ( { omschrijving = \"…\"; melding = \"…\"; … }, … ) "
		    "zijn, niet %s", type_word(list));
		return -1;
	}
	int n = config_setting_length(list);
	t->compleet.items = calloc((size_t)n + 1, sizeof *t->compleet.items);
	if (!t->compleet.items) {
		bad(c, line_of(list, 1), "onvoldoende geheugen");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, line_of(g, line_of(list, 1)), "compleet-regel %d moet een groep { … } zijn, niet %s", i + 1,
			    type_word(g));
			rc = -1;
			continue;
		}
		/* counted before parsing so a half-read item is freed too */
		if (parse_item(c, t, g, &t->compleet.items[t->compleet.nitems++]) != 0)
			rc = -1;
	}
	return rc;
}

/* Graph checks: reachability from the first status, dead ends, and a way to
 * a final status from everywhere.  Transitions and rules are both edges. */
static int check_graph(struct ctx *c, struct flow_type *t, int statussen_line)
{
	size_t n = t->nstatuses;
	char *reach = calloc(n, 1), *done = calloc(n, 1);
	int *queue = calloc(n, sizeof *queue);
	size_t *outdeg = calloc(n, sizeof *outdeg);
	size_t nfinal = 0;
	int rc = 0;

	if (!reach || !done || !queue || !outdeg) {
		bad(c, statussen_line, "onvoldoende geheugen");
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < t->ntransitions; i++)
		outdeg[t->transitions[i].from]++;
	for (size_t i = 0; i < t->non_bijlage; i++)
		outdeg[t->on_bijlage[i].from]++;

	/* forward: what the first status reaches */
	size_t head = 0, tail = 0;
	reach[t->first] = 1;
	queue[tail++] = t->first;
	while (head < tail) {
		int s = queue[head++];
		for (size_t i = 0; i < t->ntransitions; i++)
			if (t->transitions[i].from == s && !reach[t->transitions[i].to]) {
				reach[t->transitions[i].to] = 1;
				queue[tail++] = t->transitions[i].to;
			}
		for (size_t i = 0; i < t->non_bijlage; i++)
			if (t->on_bijlage[i].from == s && !reach[t->on_bijlage[i].to]) {
				reach[t->on_bijlage[i].to] = 1;
				queue[tail++] = t->on_bijlage[i].to;
			}
	}
	/* backward: what reaches a final status */
	head = tail = 0;
	for (size_t i = 0; i < n; i++)
		if (t->statuses[i].final) {
			done[i] = 1;
			queue[tail++] = (int)i;
			nfinal++;
		}
	while (head < tail) {
		int s = queue[head++];
		for (size_t i = 0; i < t->ntransitions; i++)
			if (t->transitions[i].to == s && !done[t->transitions[i].from]) {
				done[t->transitions[i].from] = 1;
				queue[tail++] = t->transitions[i].from;
			}
		for (size_t i = 0; i < t->non_bijlage; i++)
			if (t->on_bijlage[i].to == s && !done[t->on_bijlage[i].from]) {
				done[t->on_bijlage[i].from] = 1;
				queue[tail++] = t->on_bijlage[i].from;
			}
	}
	if (nfinal == 0) {
		bad(c, statussen_line, "geen eindstatus: markeer ten minste één status met eind = true");
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct flow_status *s = &t->statuses[i];
		if (!reach[i]) {
			bad(c, s->line, "status '%s' is onbereikbaar: geen overgang leidt ernaartoe vanaf de eerste status '%s'",
			    s->name, t->statuses[t->first].name);
			rc = -1;
		} else if (!s->final && outdeg[i] == 0) {
			bad(c, s->line, "status '%s' loopt dood: er gaat geen overgang uit en hij is geen eindstatus (eind = true)",
			    s->name);
			rc = -1;
		} else if (!done[i]) {
			bad(c, s->line, "vanuit status '%s' is geen eindstatus te bereiken", s->name);
			rc = -1;
		}
	}
out:
	free(reach);
	free(done);
	free(queue);
	free(outdeg);
	return rc;
}

static int parse_titles(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const char **items;
	int *lines;
	size_t n;
	int rc = get_string_list(c, root, "titels", &items, &lines, &n);

	if (rc < 0)
		return -1;
	rc = 0;
	t->titles = calloc(n + 1, sizeof *t->titles);
	t->title_lines = calloc(n + 1, sizeof *t->title_lines);
	if (!t->titles || !t->title_lines) {
		bad(c, 1, "onvoldoende geheugen");
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int dup = -1;
		char buf[96];

		if (check_text(c, lines[i], "titel", items[i], FLOW_MAX_NAME) != 0) {
			rc = -1;
			continue;
		}
		for (size_t k = 0; k < t->ntitles; k++)
			if (same_title(t->titles[k], items[i]))
				dup = (int)k;
		if (dup >= 0) {
			bad(c, lines[i], "dubbele titel '%s' (ook op regel %d)", shown(items[i], buf, sizeof buf),
			    t->title_lines[dup]);
			rc = -1;
			continue;
		}
		t->titles[t->ntitles] = xstrdup(items[i]);
		t->title_lines[t->ntitles] = lines[i];
		if (!t->titles[t->ntitles]) {
			bad(c, lines[i], "onvoldoende geheugen");
			rc = -1;
			goto out;
		}
		t->ntitles++;
	}
out:
	free(items);
	free(lines);
	return rc;
}

static int parse_root(struct ctx *c, struct flow_type *t, const config_setting_t *root)
{
	const config_setting_t *v = config_setting_get_member(root, "versie");
	int failed = 0;
	const char *s;

	if (!v) {
		bad(c, 1, "'versie' ontbreekt (schrijf bovenaan: versie = %d;)", FLOW_VERSION);
		return -1;
	}
	if (config_setting_type(v) != CONFIG_TYPE_INT) {
		bad(c, line_of(v, 1), "'versie' moet een geheel getal zijn, niet %s", type_word(v));
		return -1;
	}
	if (config_setting_get_int(v) != FLOW_VERSION) {
		bad(c, line_of(v, 1), "versie %d wordt niet ondersteund (deze balie leest versie %d)",
		    config_setting_get_int(v), FLOW_VERSION);
		return -1;
	}
	if (check_members(c, root, top_keys_v1, "een flow-bestand (versie 1)") != 0)
		failed = 1;

	s = get_string(c, root, "naam", 1, &failed);
	if (s) {
		t->line_name = line_of(config_setting_get_member(root, "naam"), 1);
		if (check_text(c, t->line_name, "naam van het aanvraagtype", s, FLOW_MAX_NAME) != 0)
			failed = 1;
		else if (!(t->name = xstrdup(s)))
			failed = 1;
	}
	s = get_string(c, root, "categorie", 1, &failed);
	if (s) {
		if (check_text(c, line_of(config_setting_get_member(root, "categorie"), 1), "categorie", s,
			       FLOW_MAX_NAME) != 0)
			failed = 1;
		else if (!(t->category = xstrdup(s)))
			failed = 1;
	}
	s = get_string(c, root, "coordinator", 0, &failed);
	if (s) {
		if (strcmp(s, "scholenkring") == 0)
			t->coordinator = FLOW_COORD_SCHOLENKRING;
		else if (strcmp(s, "handmatig") == 0)
			t->coordinator = FLOW_COORD_HANDMATIG;
		else {
			char buf[64];
			bad(c, line_of(config_setting_get_member(root, "coordinator"), 1),
			    "'coordinator' moet \"scholenkring\" of \"handmatig\" zijn, niet '%s'",
			    shown(s, buf, sizeof buf));
			failed = 1;
		}
	}
	t->is_default = get_bool(c, root, "standaard", &failed);
	if (optional_text(c, root, "toelichting", &t->toelichting) != 0 ||
	    optional_text(c, root, "standaardtekst", &t->standaardtekst) != 0)
		failed = 1;
	if (parse_titles(c, t, root) != 0)
		failed = 1;

	int sfail = parse_statuses(c, t, root) != 0;
	const char *first = get_string(c, root, "eerste_status", 1, &failed);
	t->first = -1;
	if (first && t->nstatuses > 0) {
		int l = line_of(config_setting_get_member(root, "eerste_status"), 1);
		t->first = lookup_status(c, t, first, l, "'eerste_status'");
	}
	int tfail = 0;
	if (t->nstatuses > 0) {
		tfail |= parse_transitions(c, t, root) != 0;
		tfail |= parse_auto(c, t, root) != 0;
		tfail |= parse_markers(c, t) != 0;
		if (!tfail)
			tfail |= parse_agenda(c, t, root) != 0;
	}
	if (parse_compleet(c, t, root) != 0)
		failed = 1;
	/* the graph is only meaningful when statuses and edges all parsed */
	if (!sfail && !tfail && t->first >= 0) {
		int l = line_of(config_setting_get_member(root, "statussen"), 1);
		if (check_graph(c, t, l) != 0)
			failed = 1;
	}
	if (sfail || tfail || t->first < 0)
		failed = 1;
	return failed ? -1 : 0;
}

static int parse_buffer(struct ctx *c, const char *data, size_t len, const char *file,
			struct flow_type **out, struct flow_stats *st)
{
	config_t cfg;
	struct flow_type *t;
	size_t before = c->nerr;

	*out = NULL;
	if (st)
		st->files++;
	if (prescan(c, data, len) != 0)
		return -1;
	t = calloc(1, sizeof *t);
	if (!t) {
		bad(c, 1, "onvoldoende geheugen");
		return -1;
	}
	t->first = -1;
	t->aanvulling = -1;
	t->file = xstrdup(file);
	config_init(&cfg);
	if (parse_config(c, &cfg, data, len) == 0)
		parse_root(c, t, config_root_setting(&cfg));
	config_destroy(&cfg);
	if (!t->file && c->nerr == before)
		bad(c, 1, "onvoldoende geheugen");
	if (st) {
		st->types += t->name ? 1 : 0;
		st->titles += t->ntitles;
		st->statuses += t->nstatuses;
		st->transitions += t->ntransitions;
		st->rules += t->non_bijlage;
		st->compleet += t->compleet.nitems;
	}
	if (c->nerr != before) {
		flow_type_free(&t);
		return -1;
	}
	*out = t;
	return 0;
}

int flow_type_parse(const char *data, size_t len, const char *file, struct flow_type **out,
		    struct flow_stats *st, flow_report_fn report, void *rctx, struct err *e)
{
	struct ctx c = { file ? file : "(flow)", report, rctx, e, 0 };
	struct flow_type *dummy;

	err_clear(e);
	if (!out)
		out = &dummy;
	int rc = parse_buffer(&c, data ? data : "", data ? len : 0, c.file, out, st);
	if (out == &dummy)
		flow_type_free(&dummy);
	if (st)
		st->errors += c.nerr;
	return rc;
}

int flow_type_load(const char *path, struct flow_type **out, struct flow_stats *st,
		   flow_report_fn report, void *rctx, struct err *e)
{
	struct ctx c = { path, report, rctx, e, 0 };
	char *buf;
	size_t len;
	int rc;

	err_clear(e);
	*out = NULL;
	if (read_file(&c, path, &buf, &len) != 0) {
		if (st) {
			st->files++;
			st->errors += c.nerr;
		}
		return -1;
	}
	rc = parse_buffer(&c, buf, len, path, out, st);
	free(buf);
	if (st)
		st->errors += c.nerr;
	return rc;
}

/* --------------------------------------------------------------- profile -- */

struct pathlist {
	char **v;
	size_t n, cap;
};

static int pathlist_add(struct pathlist *l, const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *p;

	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 32;
		char **nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = nc;
	}
	p = malloc(len);
	if (!p)
		return -1;
	snprintf(p, len, "%s%s%s", dir, (dir[0] && dir[strlen(dir) - 1] == '/') ? "" : "/", name);
	l->v[l->n++] = p;
	return 0;
}

static void pathlist_free(struct pathlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && strcmp(s + n - m, suf) == 0;
}

static int is_dir_nolink(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int file_exists(const char *dir, const char *name)
{
	char path[4096];
	struct stat sb;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return 0;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

int flow_is_profile_dir(const char *dir)
{
	DIR *d;
	struct dirent *de;
	int found = 0;

	if (file_exists(dir, "profiel.conf"))
		return 1;
	d = opendir(dir);
	if (!d)
		return 0;
	while (!found && (de = readdir(d)))
		if (de->d_name[0] != '.' && has_suffix(de->d_name, ".flow"))
			found = 1;
	closedir(d);
	return found;
}

/* Collects *.flow under dir (sorted), descending into subfolders that are
 * not profiles of their own; symlinked folders are not followed. */
static int collect_flows(struct ctx *c, const char *dir, struct pathlist *out, int depth)
{
	struct pathlist subdirs = { 0 };
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (!d) {
		bad(c, 0, "kan map niet openen: %s", strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (has_suffix(de->d_name, ".flow")) {
			if (pathlist_add(out, dir, de->d_name) != 0)
				rc = -1;
			continue;
		}
		char path[4096];
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path)
			continue;
		if (is_dir_nolink(path) && pathlist_add(&subdirs, dir, de->d_name) != 0)
			rc = -1;
	}
	closedir(d);
	if (subdirs.n)
		qsort(subdirs.v, subdirs.n, sizeof *subdirs.v, cmp_str);
	for (size_t i = 0; i < subdirs.n && depth < 8; i++) {
		if (file_exists(subdirs.v[i], "profiel.conf"))
			continue; /* a profile of its own */
		if (collect_flows(c, subdirs.v[i], out, depth + 1) != 0)
			rc = -1;
	}
	pathlist_free(&subdirs);
	if (rc != 0)
		bad(c, 0, "onvoldoende geheugen");
	return rc;
}

static const char *const profile_keys[] = { "organisatie", "naam", "bron", NULL };

static int load_profile_conf(struct ctx *c, struct flow_profile *p)
{
	char path[4096];
	struct ctx fc = *c;
	char *buf = NULL;
	size_t len;
	config_t cfg;
	int failed = 0;

	if ((size_t)snprintf(path, sizeof path, "%s/profiel.conf", p->dir) >= sizeof path)
		return 0;
	if (!file_exists(p->dir, "profiel.conf"))
		return 0;
	fc.file = path;
	fc.e = c->nerr ? NULL : c->e;
	fc.nerr = 0;
	if (read_file(&fc, path, &buf, &len) != 0 || prescan(&fc, buf, len) != 0) {
		free(buf);
		c->nerr += fc.nerr;
		return -1;
	}
	config_init(&cfg);
	if (parse_config(&fc, &cfg, buf, len) == 0) {
		const config_setting_t *root = config_root_setting(&cfg);
		const char *code, *name;

		if (check_members(&fc, root, profile_keys, "profiel.conf") != 0)
			failed = 1;
		code = get_string(&fc, root, "organisatie", 1, &failed);
		name = get_string(&fc, root, "naam", 0, &failed);
		get_string(&fc, root, "bron", 0, &failed);
		if (code && check_text(&fc, line_of(config_setting_get_member(root, "organisatie"), 1),
				       "organisatie", code, 32) == 0) {
			free(p->code);
			p->code = xstrdup(code);
		}
		if (name && check_text(&fc, line_of(config_setting_get_member(root, "naam"), 1), "naam", name,
				       FLOW_MAX_NAME) == 0) {
			free(p->name);
			p->name = xstrdup(name);
		}
	}
	config_destroy(&cfg);
	free(buf);
	c->nerr += fc.nerr;
	return (failed || fc.nerr) ? -1 : 0;
}

static int cmp_type(const void *a, const void *b)
{
	const struct flow_type *x = *(const struct flow_type *const *)a;
	const struct flow_type *y = *(const struct flow_type *const *)b;

	return strcmp(x->name, y->name);
}

/* The last path component of dir (trailing slashes ignored) into buf. */
static const char *base_name(const char *dir, char *buf, size_t size)
{
	size_t n = strlen(dir);
	size_t start, len;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	start = n;
	while (start > 0 && dir[start - 1] != '/')
		start--;
	len = n - start;
	if (len >= size)
		len = size - 1;
	memcpy(buf, dir + start, len);
	buf[len] = 0;
	return buf;
}

int flow_profile_load(const char *dir, struct flow_profile **out, struct flow_stats *st,
		      flow_report_fn report, void *rctx, struct err *e)
{
	struct ctx c = { dir, report, rctx, e, 0 };
	struct flow_stats local;
	struct pathlist files = { 0 };
	struct flow_profile *p;
	char base[256];

	err_clear(e);
	*out = NULL;
	if (!st)
		st = &local;
	memset(st, 0, sizeof *st);
	p = calloc(1, sizeof *p);
	if (!p || !(p->dir = xstrdup(dir)) || !(p->code = xstrdup(base_name(dir, base, sizeof base))) ||
	    !(p->name = xstrdup(""))) {
		flow_profile_free(&p);
		bad(&c, 0, "onvoldoende geheugen");
		st->errors = c.nerr;
		return -1;
	}
	load_profile_conf(&c, p);
	if (collect_flows(&c, dir, &files, 0) == 0) {
		if (files.n)
			qsort(files.v, files.n, sizeof *files.v, cmp_str);
		if (files.n == 0)
			bad(&c, 0, "map bevat geen *.flow-bestanden");
		p->types = calloc(files.n + 1, sizeof *p->types);
		if (!p->types && files.n)
			bad(&c, 0, "onvoldoende geheugen");
		for (size_t i = 0; p->types && i < files.n; i++) {
			struct ctx fc = { files.v[i], report, rctx, c.nerr ? NULL : e, 0 };
			char *buf;
			size_t len;
			struct flow_type *t = NULL;

			if (read_file(&fc, files.v[i], &buf, &len) == 0) {
				parse_buffer(&fc, buf, len, files.v[i], &t, st);
				free(buf);
			} else {
				st->files++;
			}
			c.nerr += fc.nerr;
			if (t)
				p->types[p->ntypes++] = t;
		}
	}
	pathlist_free(&files);

	/* profile-wide checks */
	const struct flow_type *deflt = NULL;
	for (size_t i = 0; i < p->ntypes; i++) {
		struct flow_type *t = p->types[i];
		struct ctx tc = { t->file, report, rctx, c.nerr ? NULL : e, 0 };

		for (size_t k = 0; k < i; k++)
			if (same_name(p->types[k]->name, t->name))
				bad(&tc, t->line_name, "dubbel aanvraagtype '%s' (ook in %s:%d)", t->name,
				    p->types[k]->file, p->types[k]->line_name);
		for (size_t a = 0; a < t->ntitles; a++)
			for (size_t k = 0; k < i; k++)
				for (size_t b = 0; b < p->types[k]->ntitles; b++)
					if (same_title(t->titles[a], p->types[k]->titles[b]))
						bad(&tc, t->title_lines[a],
						    "dubbele titel '%s' (ook in %s:%d, aanvraagtype '%s')",
						    t->titles[a], p->types[k]->file, p->types[k]->title_lines[b],
						    p->types[k]->name);
		if (t->is_default) {
			if (deflt)
				bad(&tc, t->line_name, "twee aanvraagtypes met standaard = true (ook '%s' in %s)",
				    deflt->name, deflt->file);
			else
				deflt = t;
		}
		c.nerr += tc.nerr;
	}
	st->errors = c.nerr;
	if (c.nerr) {
		flow_profile_free(&p);
		return -1;
	}
	if (p->ntypes)
		qsort(p->types, p->ntypes, sizeof *p->types, cmp_type);
	*out = p;
	return 0;
}

/* ------------------------------------------------------------- questions -- */

int flow_status_index(const struct flow_type *t, const char *status)
{
	if (!t || !status)
		return -1;
	return find_status(t, status);
}

const struct flow_type *flow_profile_type(const struct flow_profile *p, const char *name)
{
	if (!p || !name)
		return NULL;
	for (size_t i = 0; i < p->ntypes; i++)
		if (strcmp(p->types[i]->name, name) == 0)
			return p->types[i];
	return NULL;
}

int flow_profile_start(const struct flow_profile *p, const char *title, struct flow_start *out)
{
	memset(out, 0, sizeof *out);
	if (!p)
		return 0;
	for (size_t i = 0; title && i < p->ntypes; i++) {
		const struct flow_type *t = p->types[i];
		for (size_t k = 0; k < t->ntitles; k++)
			if (same_title(t->titles[k], title)) {
				out->type = t;
				out->status = t->statuses[t->first].name;
				out->by_scholenkring = t->coordinator == FLOW_COORD_SCHOLENKRING;
				return 1;
			}
	}
	for (size_t i = 0; i < p->ntypes; i++)
		if (p->types[i]->is_default) {
			out->type = p->types[i];
			out->status = p->types[i]->statuses[p->types[i]->first].name;
			break;
		}
	return 0;
}

size_t flow_allowed(const struct flow_type *t, const char *from, enum flow_role role,
		    struct flow_choice *out, size_t max)
{
	size_t n = 0;
	int f;

	if (!t || (unsigned)role >= FLOW_ROLE_COUNT || (f = find_status(t, from)) < 0)
		return 0;
	for (size_t i = 0; i < t->ntransitions; i++) {
		const struct flow_transition *tr = &t->transitions[i];
		if (tr->from != f || !(tr->roles & FLOW_ROLE_BIT(role)))
			continue;
		if (out && n < max)
			out[n] = (struct flow_choice){ t->statuses[tr->to].name, tr->reason };
		n++;
	}
	if (role == FLOW_ROLE_AUTOMATISCH) {
		for (size_t i = 0; i < t->non_bijlage; i++) {
			const struct flow_rule *r = &t->on_bijlage[i];
			int seen = 0;
			if (r->from != f)
				continue;
			for (size_t k = 0; k < t->ntransitions; k++)
				if (t->transitions[k].from == f && t->transitions[k].to == r->to &&
				    (t->transitions[k].roles & FLOW_ROLE_BIT(FLOW_ROLE_AUTOMATISCH)))
					seen = 1;
			if (seen)
				continue;
			if (out && n < max)
				out[n] = (struct flow_choice){ t->statuses[r->to].name, 0 };
			n++;
		}
	}
	return n;
}

int flow_may(const struct flow_type *t, const char *from, const char *to, enum flow_role role,
	     int *reason)
{
	int f, d;

	if (reason)
		*reason = 0;
	if (!t || (unsigned)role >= FLOW_ROLE_COUNT || (f = find_status(t, from)) < 0 ||
	    (d = find_status(t, to)) < 0)
		return 0;
	for (size_t i = 0; i < t->ntransitions; i++) {
		const struct flow_transition *tr = &t->transitions[i];
		if (tr->from == f && tr->to == d && (tr->roles & FLOW_ROLE_BIT(role))) {
			if (reason)
				*reason = tr->reason;
			return 1;
		}
	}
	if (role == FLOW_ROLE_AUTOMATISCH)
		for (size_t i = 0; i < t->non_bijlage; i++)
			if (t->on_bijlage[i].from == f && t->on_bijlage[i].to == d)
				return 1;
	return 0;
}

const char *flow_aanvulling(const struct flow_type *t, const char *from)
{
	int i = flow_status_index(t, from);

	if (i < 0 || t->aanvulling < 0 || !t->statuses[i].controleren)
		return NULL;
	return t->statuses[t->aanvulling].name;
}

const char *flow_on_bijlage(const struct flow_type *t, const char *from)
{
	int f;

	if (!t || (f = find_status(t, from)) < 0)
		return NULL;
	for (size_t i = 0; i < t->non_bijlage; i++)
		if (t->on_bijlage[i].from == f)
			return t->statuses[t->on_bijlage[i].to].name;
	return NULL;
}
