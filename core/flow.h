/* flow.h — aanvraagtypes and their status workflows, read from *.flow files.
 *
 * A profile folder (forms/po3008/, …) holds one organisation's aanvraagtypes:
 * an optional profiel.conf (organisatie code and name) and one *.flow file per
 * aanvraagtype (libconfig syntax, documented in balie-forms(5)).  Each flow
 * names the fixed titles that select it, its statuses (final ones marked),
 * the transitions between them with the roles that may make them, and the
 * automatic rules (a new bijlage in an "aanvulling nodig"/"incompleet" status
 * moves the hulpvraag to its "aangevuld" status).
 *
 * Invariants of a loaded struct flow_type (the loader refuses anything else):
 *   - status names are unique (compared case-insensitively) and non-empty;
 *   - every transition and rule names existing statuses (stored as indices);
 *   - every status is reachable from `first`; a status without a way out is
 *     marked final; from every status a final status can be reached;
 *   - role sets are non-empty bitmasks over enum flow_role.
 * A loaded struct flow_profile has unique aanvraagtype names, unique fixed
 * titles (case-insensitively, whitespace collapsed) and at most one
 * `standaard` type.  Loaded structures are read-only; free them with
 * flow_profile_free() / flow_type_free().
 *
 * Errors are reported as "file:line: message" (Dutch) through struct err;
 * the check functions report every error they find through a callback and
 * return -1 if there was at least one.
 */
#ifndef BALIE_FLOW_H
#define BALIE_FLOW_H

#include <stddef.h>

#include "core/compleet.h"
#include "core/err.h"

/* The flow file format version this code reads (`versie = 1;`). */
#define FLOW_VERSION 1

/* Largest flow or profiel.conf file accepted, in bytes. */
#define FLOW_MAX_FILE (2u * 1024u * 1024u)

/* Longest status name, title, aanvraagtype name or category, in bytes. */
#define FLOW_MAX_NAME 200
/* A buffer for any of them with its NUL: every status, title, aanvraagtype
 * or category buffer is this size, so what a .flow may hold always fits. */
#define FLOW_NAME_BUF (FLOW_MAX_NAME + 1)

/* Roles that may appear in `door` of a transition.  The first four work in
 * the back office; aanvrager (the aanvragende school or instelling), ouder,
 * extern and regierolhouder work outside it; automatisch is balie itself
 * (automatic rules). */
enum flow_role {
	FLOW_ROLE_SECRETARIAAT,
	FLOW_ROLE_FINANCIEEL,
	FLOW_ROLE_COORDINATOR,
	FLOW_ROLE_ADMIN,
	FLOW_ROLE_AANVRAGER,
	FLOW_ROLE_OUDER,
	FLOW_ROLE_EXTERN,
	FLOW_ROLE_AUTOMATISCH,
	FLOW_ROLE_BESTUUR, /* the schoolbestuur's financial contact (004 §3.5): reads its schools' beschikkingen */
	FLOW_ROLE_REGIEROLHOUDER, /* 003 (PO2811, VO2805): CJG, SMW, TJG, BPO SWV; sees only the hulpvragen
				   * it is involved in (hulpvraag_toegang), writes through balie's functions */
	FLOW_ROLE_COUNT
};

struct flow_role_info {
	const char *name;  /* as written in flow files and stored in the db: "coordinator" */
	const char *label; /* Dutch label for people: "coördinator" */
	int backoffice;    /* 1 for the roles of back-office accounts */
};

/* The known roles, indexed by enum flow_role (shared with db/ and tui/). */
extern const struct flow_role_info flow_roles[FLOW_ROLE_COUNT];

/* Role by name ("secretariaat", …); -1 when unknown. */
int flow_role_from_name(const char *name);

/* Role bitmask helpers: a role set is (1u << role) | … */
#define FLOW_ROLE_BIT(r) (1u << (unsigned)(r))

enum flow_coordinator {
	FLOW_COORD_HANDMATIG,   /* someone picks the coördinator */
	FLOW_COORD_SCHOLENKRING /* the coördinator of the school's scholenkring */
};

struct flow_status {
	char *name;      /* exactly as the organisation words it: "TLV>aanvraag" */
	char *betekenis; /* meaning for people, "" when the file gives none */
	int final;       /* `eind = true`: the hulpvraag leaves the work queues */
	int hidden;      /* `verborgen = true`: not visible to the SWV (000 "Voorlopige Aanmelding") */
	int controleren; /* `controleren = true`: an intake status, on the "te controleren" list */
	int aanvulling;  /* `aanvulling = true`: where "aanvulling vragen" moves to (one per type) */
	int line;        /* line of the status in its file */
};

struct flow_transition {
	int from, to;   /* indices into flow_type.statuses */
	unsigned roles; /* FLOW_ROLE_BIT set */
	int reason;     /* 1 when the person must give a reden */
	int line;
};

/* Automatic rule "bijlage toegevoegd": in status `from`, a new bijlage moves
 * the hulpvraag to `to` (made by the role automatisch, no reden). */
struct flow_rule {
	int from, to;
	int line;
};

/* The commission agenda (`agenda` in a .flow, balie-forms(5)): on which
 * commissie the hulpvragen in the `klaar` statuses are planned, the status
 * planning makes (`gepland`, -1: it stays) and the status each outcome
 * makes (-1: it stays).  Every one of these changes is a transition of the
 * flow the secretariaat (planning) or the secretariaat or coördinator
 * (outcomes) may make, so the database's trigger accepts it.  An afspraak
 * commissie is planned by the coördinator, the financieel medewerker or the
 * secretariaat: one of them must have the planning transition. */
enum flow_uitkomst { FLOW_TOEGEKEND, FLOW_AFGEWEZEN, FLOW_AANGEHOUDEN, FLOW_UITKOMSTEN };
extern const char *const flow_uitkomst_naam[FLOW_UITKOMSTEN]; /* "toegekend", "afgewezen", "aangehouden" */

struct flow_agenda {
	char *commissie;  /* "CT", "Kans!overleg" */
	int *klaar;       /* status indices ready to be planned */
	size_t nklaar;
	int gepland;
	int uitkomst[FLOW_UITKOMSTEN];
	int afspraak;     /* `afspraak = true`: the coördinator's own appointments (one case each,
			   * planned by who has afspraak-plannen, migration 029) */
	int line;
};
#define FLOW_MAX_TEXT 2000 /* toelichting, standaardtekst */

struct flow_type {
	char *file;     /* path the type was read from (for messages) */
	char *name;     /* aanvraagtype: "Aanvraag TLV" */
	char *category; /* statuscategorie: "TLV" */
	char **titles;  /* fixed titles (may be none) */
	int *title_lines; /* line of each title */
	size_t ntitles;
	int line_name;  /* line of `naam` */
	int first;      /* index of the first status */
	enum flow_coordinator coordinator;
	int is_default; /* `standaard = true`: used for titles that match no fixed title */
	/* issue 14: what the aanvrager is expected to send (`toelichting`)
	 * and the questions the omschrijving starts with (`standaardtekst`),
	 * 004 §2.4 …; NULL when the file has none */
	char *toelichting;
	char *standaardtekst;
	struct flow_status *statuses;
	size_t nstatuses;
	struct flow_transition *transitions;
	size_t ntransitions;
	struct flow_rule *on_bijlage;
	size_t non_bijlage;
	/* the `compleet` checklist (core/compleet.h); empty when the file has none */
	struct compleet_rules compleet;
	int aanvulling; /* index of the status marked aanvulling, -1 when none */
	struct flow_agenda *agenda; /* the commissies it is planned on (may be none) */
	size_t nagenda;
};

struct flow_profile {
	char *dir;  /* the profile folder as given */
	char *code; /* organisatie code from profiel.conf ("PO3008"), else the folder name */
	char *name; /* organisation name from profiel.conf, "" when none */
	struct flow_type **types; /* sorted by name */
	size_t ntypes;
};

/* Counts for `balie admin forms check`; filled even when there are errors
 * (types/statuses/transitions then count what could be read). */
struct flow_stats {
	size_t files, types, titles, statuses, transitions, rules, errors;
	size_t compleet; /* checklist items */
};

/* Called once per error found (e is only valid during the call). */
typedef void (*flow_report_fn)(const struct err *e, void *ctx);

/* Parses and validates one flow from memory.  `file` names it in messages.
 * NUL bytes, invalid UTF-8, @include directives and files larger than
 * FLOW_MAX_FILE are refused (a flow is text, and libconfig must never open
 * another file).  Every error goes to report (may be
 * NULL); the first one is also copied to *e.  On success *out owns a new
 * struct flow_type (free with flow_type_free) and 0 is returned; on error
 * *out is NULL and -1 is returned.  st (may be NULL) gets counts added. */
int flow_type_parse(const char *data, size_t len, const char *file,
		    struct flow_type **out, struct flow_stats *st,
		    flow_report_fn report, void *ctx, struct err *e);

/* Same, reading the file at path. */
int flow_type_load(const char *path, struct flow_type **out,
		   struct flow_stats *st, flow_report_fn report, void *ctx,
		   struct err *e);

/* Frees *t and sets it to NULL (safe on NULL and *t == NULL). */
void flow_type_free(struct flow_type **t);

/* Loads a whole profile folder: profiel.conf (optional) and every *.flow file
 * in dir and its subfolders, then checks the profile as a whole (unique names
 * and titles, one standaard at most, at least one aanvraagtype).  Reporting
 * as for flow_type_parse.  On success *out owns a new struct flow_profile
 * (free with flow_profile_free); on any error *out is NULL.  st (may be NULL)
 * is zeroed and filled in both cases. */
int flow_profile_load(const char *dir, struct flow_profile **out,
		      struct flow_stats *st, flow_report_fn report, void *ctx,
		      struct err *e);

/* Frees *p and sets it to NULL (safe on NULL and *p == NULL). */
void flow_profile_free(struct flow_profile **p);

/* Returns 1 when dir is a profile folder (holds profiel.conf or a *.flow
 * file directly), else 0. */
int flow_is_profile_dir(const char *dir);

/* --- questions the rest of balie asks --------------------------------- */

/* Index of the status named exactly `status` in t, or -1. */
int flow_status_index(const struct flow_type *t, const char *status);

/* The aanvraagtype named `name` (exact), or NULL. */
const struct flow_type *flow_profile_type(const struct flow_profile *p,
					  const char *name);

struct flow_start {
	const struct flow_type *type; /* NULL when nothing matched and no standaard */
	const char *status;           /* the first status of type, NULL with type */
	int by_scholenkring;          /* 1: assign the coördinator of the scholenkring */
};

/* What a new hulpvraag with this title becomes.  Titles are compared
 * case-insensitively (ASCII) with surrounding and repeated whitespace
 * ignored.  Returns 1 when a fixed title matched, 0 when not (then *out
 * holds the standaard aanvraagtype, if the profile has one, with
 * by_scholenkring = 0: an unknown title is never assigned automatically). */
int flow_profile_start(const struct flow_profile *p, const char *title,
		       struct flow_start *out);

struct flow_choice {
	const char *to; /* target status (owned by the flow_type) */
	int reason;     /* 1 when a reden is required */
};

/* The transitions `role` may make from status `from` in t, in file order,
 * written to out[0..max-1].  For FLOW_ROLE_AUTOMATISCH the targets of the
 * automatic rules are included.  Returns the number of allowed transitions
 * (which may exceed max, as with snprintf); 0 when from is unknown. */
size_t flow_allowed(const struct flow_type *t, const char *from,
		    enum flow_role role, struct flow_choice *out, size_t max);

/* 1 when role may move a hulpvraag of type t from `from` to `to` (then
 * *reason, if not NULL, says whether a reden is required), else 0. */
int flow_may(const struct flow_type *t, const char *from, const char *to,
	     enum flow_role role, int *reason);

/* The status "aanvulling vragen" moves a hulpvraag of type t in status
 * `from` to: the status marked `aanvulling`, when `from` is marked
 * `controleren`; else NULL. */
const char *flow_aanvulling(const struct flow_type *t, const char *from);

/* The status a new bijlage moves a hulpvraag in status `from` to, or NULL
 * when no automatic rule applies. */
const char *flow_on_bijlage(const struct flow_type *t, const char *from);

#endif
