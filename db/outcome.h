/* outcome.h — what became of one business write, in one vocabulary.
 *
 * Every write a person makes (status change, coördinator, omschrijving,
 * labels, notitie, intake, bijlage add/remove, formulier add/save,
 * aanvulling vragen — and bulk, which is a loop over the same single-row
 * functions) answers with a struct outcome.  Callers decide on the kind,
 * never on the wording of the Dutch sentence in err.msg; tui/outcome.c is
 * the one place that turns an outcome into what the person sees.
 *
 *   SAVED     committed; id/version/nummer hold the row's new state
 *   CONFLICT  the version differs: door/op/nu say who changed it, when, and
 *             what it is now (nothing was written)
 *   REFUSED   a rule said no (the flow, the database: SQLSTATE P0001 or
 *             42501, core's checks of what was typed); err says why
 *   GONE      the row does not exist (any more) or is not visible
 *   UNKNOWN   the connection broke during or after COMMIT: nobody knows yet.
 *             probe says how to find out after reconnecting
 *             (outcome_resolve); never shown as success
 *   ERROR     anything else (nothing was written); err says what
 *
 * Creates carry an idempotency key (outcome_key_new, made when the create
 * form opens; stored in a UNIQUE column, migration 012): sending the same
 * create again returns the first row instead of inserting a second, so a
 * repeated F2 after UNKNOWN is always safe.
 */
#ifndef BALIE_DB_OUTCOME_H
#define BALIE_DB_OUTCOME_H

#include "core/err.h"
#include "db/conn.h"

enum outcome_kind {
	OUTCOME_SAVED = 0,
	OUTCOME_CONFLICT,
	OUTCOME_REFUSED,
	OUTCOME_GONE,
	OUTCOME_UNKNOWN,
	OUTCOME_ERROR
};
#define OUTCOME_KINDS (OUTCOME_ERROR + 1)

/* How to find out, after a reconnect, whether an UNKNOWN write got in. */
enum outcome_probe {
	PROBE_NONE = 0,
	PROBE_HULPVRAAG,   /* versioned write of hulpvraag probe_id from probe_version */
	PROBE_NOTITIE,     /* the acting account's notitie probe_id from probe_version; 0: created
			    * with probe_key; negative: removed at version -probe_version */
	PROBE_FORMULIER,   /* versioned save of formulier probe_id */
	PROBE_BIJLAGE_WEG, /* removal of bijlage probe_id */
	PROBE_KEY_HULPVRAAG, /* create with key probe_key: intake */
	PROBE_KEY_BIJLAGE,
	PROBE_KEY_FORMULIER,
	PROBE_KEY_TLV,     /* create with key probe_key: a TLV beschikking */
	PROBE_TLV,         /* versioned write of tlv_beschikking probe_id from probe_version */
	PROBE_KEY_AANPAK,  /* create with key probe_key: an aanpak */
	PROBE_AANPAK,      /* versioned write of aanpak probe_id from probe_version */
};

#define OUTCOME_KEY_LEN 33 /* 32 hex digits and NUL */

struct outcome {
	enum outcome_kind kind;
	struct err err;     /* the Dutch sentence: what happened, or why not */
	/* CONFLICT: who changed it last, when, and what it is now */
	char door[128];
	char op[20];
	char nu[204];
	/* SAVED: the row's new state (what applies) */
	long id;
	int version;
	long nummer;
	int repeated;       /* SAVED by an earlier send of the same key */
	int mail;           /* SAVED status change: a mail to the aanvrager was queued */
	int resolved;       /* was UNKNOWN; outcome_resolve found out what became of it */
	/* UNKNOWN: what outcome_resolve asks */
	enum outcome_probe probe;
	long probe_id;
	int probe_version;
	char probe_key[OUTCOME_KEY_LEN];
};

/* Empties o (kind SAVED, no texts). */
void outcome_clear(struct outcome *o);

/* Sets kind and sentence (printf style); returns kind. */
enum outcome_kind outcome_set(struct outcome *o, enum outcome_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The kind for a failed statement of kind f whose err is already in o->err:
 * P0001 / 42501 → REFUSED (with the database's message), a lost connection
 * → UNKNOWN when at_commit (the statement was its own transaction, or the
 * COMMIT) else ERROR ("niets gewijzigd"), anything else ERROR.  Rolls
 * back.  Returns the kind. */
enum outcome_kind outcome_failed(struct db *db, enum db_failure f, int at_commit, struct outcome *o);

/* COMMIT of a business write: SAVED; UNKNOWN when the connection broke
 * while it was in flight (wat — "de wijziging" — in the sentence);
 * ERROR otherwise (rolled back).  The probe is the caller's to set. */
enum outcome_kind outcome_commit(struct db *db, const char *wat, struct outcome *o);

/* The tables of versioned writes. */
enum outcome_table { OT_HULPVRAAG, OT_NOTITIE, OT_FORMULIER, OT_BIJLAGE, OT_TLV, OT_AANPAK, OT_VERGADERING,
		     OT_DOSSIER, OT_ADRES, OT_RELATIE, OT_SCHOOLGEGEVENS,
		     OT_MAIL_IN };

/* Inside the caller's transaction: UPDATE <table> SET <set>, version =
 * version + 1 WHERE id = $1 AND version = $2 [AND <where>] RETURNING
 * version, with extra params from $3 on (at most 4).  SAVED with
 * o->version; zero rows: a follow-up read tells CONFLICT (door/op/nu
 * filled) from GONE; a failure as outcome_failed.  On anything but SAVED
 * the transaction is rolled back. */
enum outcome_kind db_versioned_update(struct db *db, enum outcome_table t, long id, int version, const char *set,
				      const char *where, int nextra, const char *const *extra, struct outcome *o);

/* Inside the caller's transaction, before a create with key: did an
 * earlier send of it get in?  probe is the PROBE_KEY_* of the table.
 * SAVED (o->repeated; o->id, version, nummer, nu = its status for a
 * hulpvraag), GONE when not (go ahead and insert), or a failure (rolled
 * back). */
enum outcome_kind db_created_before(struct db *db, enum outcome_probe probe, const char *key, struct outcome *o);

/* A fresh idempotency key (random, 128 bits, hex) into key. */
void outcome_key_new(char key[OUTCOME_KEY_LEN]);

/* After UNKNOWN and a reconnect: runs o->probe.  Then o is SAVED (it did
 * get in; id/version/nummer filled), ERROR (it did not: try again) or
 * CONFLICT (someone else changed the row meanwhile, so it cannot be told;
 * reload), each with a sentence that says so.  0, or -1 when the probe
 * itself failed (o stays UNKNOWN, e says why). */
int outcome_resolve(struct db *db, struct outcome *o, struct err *e);

#endif
