/* queue.h — the werkvoorraad: the status tree with its counts, pages of
 * hulpvragen in a node (filtered, sorted, keyset-paginated), saved filters
 * and the bulk actions on marked rows.
 *
 * Every read runs in its own short transaction with the acting account set
 * (db_begin), so row-level security decides what is visible; an account of
 * another organisatie simply gets nothing.  Counts come from the maintained
 * tables hulpvraag_telling and hulpvraag_telling_coord, never from COUNT(*)
 * over hulpvraag.
 *
 * Pagination is keyset only: a page continues after (or before) the sort
 * value and id of a row already seen, so deep pages cost what the first page
 * costs.  The indexes that make that true are in migrations 005 and 008
 * (sort by leerling: hulpvraag.sorteernaam).  A page is one round trip: the
 * ids come from hulpvraag's index, names and labels are joined for those
 * rows only (queue_rijen, migration 008).
 *
 * Bulk changes are one transaction per hulpvraag with an optimistic version
 * check; one failure never undoes the others, and each failure says why.
 */
#ifndef BALIE_DB_QUEUE_H
#define BALIE_DB_QUEUE_H

#include "core/datum.h"
#include "core/err.h"
#include "core/filter.h"
#include "core/flow.h"
#include "core/werkdag.h"
#include "db/conn.h"
#include "db/outcome.h"

enum queue_node_kind {
	QN_MINE,     /* Mijn werkvoorraad: open hulpvragen with me as coördinator */
	QN_ALL,      /* Alle */
	QN_CATEGORY, /* a status category */
	QN_STATUS,   /* one status in a category */
	QN_SAVED,    /* a saved filter (stored, or a default of the role) */
};

struct queue_node {
	enum queue_node_kind kind;
	int depth;            /* 0, or 1 for a status under its category */
	char label[128];      /* as shown in the tree */
	char categorie[FLOW_NAME_BUF];   /* QN_CATEGORY, QN_STATUS */
	char status[FLOW_NAME_BUF];      /* QN_STATUS */
	long count;           /* -1: not counted (saved filters) */
	long filter_id;       /* QN_SAVED: >0 stored, 0 a default of the role */
	char filter[512];     /* QN_SAVED: filter text (core/filter.h) */
	char sort[24];        /* QN_SAVED: "datum", "-werkdagen" */
};

/* The tree of organisatie org for the acting account: Mijn werkvoorraad
 * (coördinators only), Alle, each status category with its statuses (counts
 * > 0), then the role's default filters and the account's saved filters.
 * roles: the session's roles, a FLOW_ROLE_BIT set (struct session.roles).
 * *out is malloc'ed (caller frees), *n its length.  0 / -1. */
int queue_tree(struct db *db, long org, unsigned roles, struct queue_node **out, int *n,
	       struct err *e);
/* Its one statement ($1 organisatie id, $2 'true' for a coördinator), for
 * make bench's raw floor. */
const char *queue_tree_sql(void);

enum queue_sort {
	QS_NUMMER,
	QS_DATUM,
	QS_LEERLING,
	QS_SCHOOL,
	QS_TYPE,
	QS_COORDINATOR,
	QS_LABELS,
	QS_WERKDAGEN,
	QS_STATUS,
	QS_COUNT
};

/* "datum" ↔ QS_DATUM ("-datum": descending).  -1 when unknown. */
int queue_sort_parse(const char *s, enum queue_sort *sort, int *desc);
const char *queue_sort_name(enum queue_sort s);

/* What to show: a node, a filter and a sort. */
struct queue_query {
	long organisatie_id;
	long account_id;               /* "ik" in coördinator:ik, Mijn werkvoorraad */
	enum queue_node_kind kind;     /* QN_SAVED is not a kind here: use its filter */
	char categorie[FLOW_NAME_BUF];
	char status[FLOW_NAME_BUF];
	struct filter filter;
	enum queue_sort sort;
	int desc;
	struct datum today;
	const struct werkdag_kalender *kalender; /* NULL: only the days of the wet */
};

#define QUEUE_KEY_MAX 200

struct queue_row {
	long id;
	int version;
	long nummer;
	char datum[DATUM_BUFLEN];   /* dd-mm-jjjj */
	char leerling[160];         /* "Berg, Jan van der", or the groep / school */
	char school[128];
	char brin[8];               /* "14SS01" */
	char aanvraagtype[FLOW_NAME_BUF];
	char status[FLOW_NAME_BUF];
	char coordinator[128];      /* "" = none */
	char labels[160];           /* "urgent, thuiszitter" */
	long werkdagen;             /* werkdagen in the current status */
	int telaat;                 /* new, no reaction for > 5 werkdagen (004 §7.5) */
	char key[QUEUE_KEY_MAX];    /* the sort value, for the next page */
};

enum queue_dir {
	QUEUE_FIRST,   /* from the start (from is ignored) */
	QUEUE_AFTER,   /* rows after *from */
	QUEUE_FROM,    /* *from itself (by its key) and after: a reload in place */
	QUEUE_BEFORE,  /* rows before *from, returned in sort order */
	QUEUE_LAST,    /* the last page, in sort order */
};

/* At most limit rows of q in sort order, positioned by dir/from (keyset).
 * *out is malloc'ed (caller frees; never NULL on success), *n its length.
 * *more (may be NULL) says whether more rows follow in the direction read.
 * 0 / -1. */
int queue_fetch(struct db *db, const struct queue_query *q, enum queue_dir dir,
		const struct queue_row *from, int limit, struct queue_row **out, int *n, int *more,
		struct err *e);

/* How many hulpvragen q holds, counted up to cap: *n is the count, or
 * cap + 1 when there are more.  For a filter (a saved one in the tree, one
 * typed on a list), which no maintained table counts: a bounded scan
 * (LIMIT cap + 1) over hulpvraag's index, in its own short transaction,
 * RLS applying.  0 / -1. */
#define QUEUE_COUNT_CAP 10000
int queue_count(struct db *db, const struct queue_query *q, long cap, long *n, struct err *e);

/* The page statement queue_fetch runs for the same arguments, for callers
 * that measure it bare (make bench): sql and params stay valid until
 * queue_page_stmt_free().  0 / -1 (filter too complex, no memory). */
struct queue_stmt {
	const char *sql;
	int np;
	const char *const *params;
	void *priv;
};
int queue_page_stmt(const struct queue_query *q, enum queue_dir dir, const struct queue_row *from, int limit,
		    struct queue_stmt *st, struct err *e);
void queue_page_stmt_free(struct queue_stmt *st);

/* Saved filters of the acting account.  naam unique per account. */
int queue_filter_save(struct db *db, long org, const char *naam, const char *filter,
		      const char *sort, long *id, struct err *e);
int queue_filter_delete(struct db *db, long id, struct err *e);

/* Choices for the bulk actions. */
struct queue_choice {
	long id;          /* account or label id; 0 for a status */
	char naam[128];
};
/* Coördinatoren of org (accounts with that role), by name. */
int queue_coordinators(struct db *db, long org, struct queue_choice **out, int *n, struct err *e);
/* Labels of org, by name. */
int queue_labels(struct db *db, long org, struct queue_choice **out, int *n, struct err *e);

/* One marked hulpvraag, with the version the person saw. */
struct queue_item {
	long id;
	int version;
	long nummer;
};

/* The outcome for one item of a bulk action. */
struct queue_result {
	long id;
	long nummer;
	struct outcome o; /* SAVED (o.version the new version), REFUSED, CONFLICT (o.door/op/nu), … */
};

/* Statuses every item may move to for the acting account's roles (the
 * intersection of the flow transitions of all items), by name. */
int queue_status_targets(struct db *db, long org, const struct queue_item *items, int n,
			 struct queue_choice **out, int *nout, struct err *e);

enum queue_bulk_op {
	QUEUE_BULK_COORDINATOR,   /* arg id: the coördinator (0 = none) */
	QUEUE_BULK_LABEL_ADD,     /* arg naam: the label */
	QUEUE_BULK_LABEL_REMOVE,  /* arg id: the label */
	QUEUE_BULK_STATUS,        /* arg naam: the status, reden, datadir (mail templates) */
};

struct queue_bulk_args {
	long id;
	const char *naam;
	const char *reden;
	const char *datadir;
};

/* A bulk action is a loop over the single-hulpvraag functions
 * (hulpvraag_set_coordinator, hulpvraag_label_add / _remove,
 * hulpvraag_set_status): the same checks, the same audit, one transaction
 * and one outcome per item (res[i], n of them), only when the item's
 * version is still the one given.  The rulebook (core/recht) is asked
 * first: a role without RECHT_BULK or the repeated action gets every item
 * REFUSED.  After a lost connection the rest is not tried.  Returns the
 * number SAVED, or -1 when nothing could be tried (e says why). */
int queue_bulk(struct db *db, long org, enum queue_bulk_op op, const struct queue_bulk_args *arg,
	       const struct queue_item *items, int n, struct queue_result *res, struct err *e);

#endif
