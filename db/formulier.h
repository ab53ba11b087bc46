/* formulier.h — the forms attached to a hulpvraag: list, add, read, save.
 *
 * A formulier points at the formulier_definitie version it was added with
 * (migration 009) and is always read and checked against that version's
 * stored source, so it still renders after a newer version is loaded.  What
 * a value may be, what is required and whether the form is complete is
 * core/form's business; this layer stores it.
 *
 * Every call is one short transaction with the acting account set (row-level
 * security decides what is visible); a save has the optimistic version check
 * (UPDATE … WHERE id = $1 AND version = $2) and writes, all or nothing, the
 * formulier row, all its values (replaced), the outbox mails of `informeer`
 * account fields, and an audit row; the NOTIFY on balie_changes follows from
 * the trigger of migration 009 (ids only).
 */
#ifndef BALIE_DB_FORMULIER_H
#define BALIE_DB_FORMULIER_H

#include <stddef.h>

#include "core/err.h"
#include "core/form.h"
#include "db/conn.h"
#include "db/hulpvraag.h"
#include "db/outcome.h"

/* One line of the "Formulieren" tab. */
struct formulier_item {
	long id;            /* formulier id (or definitie id in formulier_available) */
	char naam[204];     /* "Aanvraag TLV / verlenging TLV" */
	char code[68];
	int versie;         /* definition version */
	char door[128];     /* who saved it last ("" unknown) */
	char op[20];        /* "dd-mm-jjjj hh:mm" */
	int compleet;
};

/* The forms of hulpvraag id, oldest first.  *out malloc'ed (free()), *n its
 * length. 0 / -1. */
int formulier_list(struct db *db, long hulpvraag_id, struct formulier_item **out, int *n, struct err *e);

/* The active form definitions of organisatie org, by naam (id = definitie
 * id). 0 / -1. */
int formulier_available(struct db *db, long org, struct formulier_item **out, int *n, struct err *e);

/* Adds an empty form of definition definitie_id (must be active and of the
 * hulpvraag's organisatie) to hulpvraag_id with idempotency key key (may be
 * NULL; a form an earlier send with that key added is returned instead,
 * o->repeated); *id gets the new formulier.  Audited.  SAVED, GONE
 * (hulpvraag or definition not visible), UNKNOWN (probe by key), ERROR. */
enum outcome_kind formulier_add(struct db *db, long hulpvraag_id, long definitie_id, const char *key, long *id,
				struct outcome *o);

/* A form read whole.  values and names have def->nfields entries; a NULL
 * value means none.  names[i] is the account's naam for an account field
 * with a value ("" when unknown), NULL otherwise. */
struct formulier {
	long id, hulpvraag_id, organisatie_id;
	int version;
	long nummer;              /* hulpvraagnummer */
	char naam[204];           /* definition naam */
	int definitie_versie;     /* the version it was filled against */
	int nieuwste_versie;      /* the newest version of its code */
	int compleet;
	char gewijzigd_door[128];
	char gewijzigd_op[20];
	struct form_def *def;     /* parsed from the stored source of its version */
	char **values;
	char **names;
};

/* Reads formulier id (audited as a view).  HV_OK with *out (formulier_free),
 * HV_NOT_FOUND, HV_ERROR (also when the stored source does not parse). */
enum hv_result formulier_load(struct db *db, long id, struct formulier **out, struct err *e);

/* Frees *f and sets it to NULL (safe on NULL). */
void formulier_free(struct formulier **f);

/* Saves values (def->nfields of the form's own definition, NULL = none;
 * every value canonical, core/form form_check_value) as read with
 * `version`.  A form may be saved incomplete (a draft); *compleet (may be
 * NULL) says what core decided.  An `informeer` account field whose account
 * changed gets a mail (outbox row) rendered from the profile's
 * mail/formulier.mail (or forms/generiek/mail/formulier.mail) under datadir.
 * SAVED with *new_version; CONFLICT (nothing written; o->door/op say who
 * changed it and when), GONE, UNKNOWN (connection lost during COMMIT),
 * REFUSED (a value that is not canonical: o->err names the field), ERROR.
 * On SAVED o->err gets a sentence for the person ("Formulier bewaard" /
 * "Concept bewaard; nog 2 punten open"). */
enum outcome_kind formulier_save(struct db *db, long id, int version, const char *const *values,
				 const char *datadir, int *new_version, int *compleet, struct outcome *o);

/* Accounts of organisatie org with one of the roles in the FLOW_ROLE_BIT
 * set roles, not blocked, by naam (extra = e-mail address): the list an
 * account field picks from. 0 / -1. */
int formulier_accounts(struct db *db, long org, unsigned roles, struct hv_item **out, int *n, struct err *e);

#endif
