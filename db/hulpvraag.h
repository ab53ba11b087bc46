/* hulpvraag.h — one hulpvraag: read it whole, change its status, edit it.
 *
 * Every write is one short transaction with an optimistic version check
 * (UPDATE … WHERE id = $1 AND version = $2): no row lock and no open
 * transaction while a person types.  A status change writes, in one
 * transaction, the hulpvraag, a statushistorie row, an outbox row (the mail
 * to the aanvrager, unless they opted out or have no address), an audit row;
 * the NOTIFY follows from the trigger of migration 004.  It takes two round
 * trips: one read, one write (status_wijzigen of migration 008).  The database
 * refuses a transition the acting account's role may not make (trigger of
 * migration 003), whatever the program asks.
 *
 * Every write answers with a struct outcome (db/outcome.h).  Implemented in
 * db/hulpvraag.c (the hulpvraag slice); the bulk actions of the werkvoorraad
 * (db/queue.c queue_bulk) call these same functions once per marked row.
 */
#ifndef BALIE_DB_HULPVRAAG_H
#define BALIE_DB_HULPVRAAG_H

#include <stddef.h>

#include "core/err.h"
#include "core/flow.h"
#include "db/conn.h"
#include "db/outcome.h"

/* The result of a read (hulpvraag_load, formulier_load).  Writes answer
 * with a struct outcome (db/outcome.h). */
enum hv_result {
	HV_OK = 0,
	HV_NOT_FOUND,       /* gone, or not visible to the acting account */
	HV_ERROR            /* anything else; e says what */
};

/* Moves hulpvraag id (as read with `version`) to status `to` with `reden`
 * (may be "" when the flow does not require one), acting as db_account(db).
 * datadir: where forms/<profiel>/ with the mail templates lives.  SAVED
 * with *new_version (may be NULL) and o->version; REFUSED when the flow does
 * not let this role make the change or a reden is required (core decides,
 * the trigger checks again: P0001); CONFLICT, GONE; UNKNOWN when the
 * connection broke during the write (probe set).  o->err always holds a
 * Dutch sentence (on SAVED what happened: "Status gewijzigd; mail aan de
 * aanvrager klaargezet", o->mail says whether a mail was queued). */
/* The two statements of a status change, as sent (0 the read: $1 id; 1
 * the write: $1 id, $2 version, $3 naar, $4 reden, $5 aan, $6 onderwerp,
 * $7 tekst), for `make bench` to drive the very same texts with pgbench. */
const char *hulpvraag_status_sql(int write);

enum outcome_kind hulpvraag_set_status(struct db *db, long id, int version, const char *to, const char *reden,
				       const char *datadir, int *new_version, struct outcome *o);

/* Inside the caller's open transaction (db_begin): when the flow has an
 * automatic rule (flow_transitie rol 'automatisch', the `automatisch`
 * group of a .flow file) from hulpvraag id's current status, makes that
 * change exactly as hulpvraag_set_status does — same write
 * (status_wijzigen), statushistorie (door NULL: automatisch), mail with
 * `reden` to the aanvrager, audit, NOTIFY at COMMIT — and copies the new
 * status into naar (o->mail: a mail was queued).  No rule: SAVED and naar
 * "".  Any other kind: the caller rolls back. */
/* What hulpvraag_status_automatisch would do now, read only (its own short
 * transaction): the status the flow's automatic rule moves hulpvraag id to
 * into naar ("" when there is none) and its current status into nu.  For
 * the question SWV staff get when they add a bijlage on the school's
 * behalf (issue 13 §5).  0 / -1 with e. */
int hulpvraag_automatisch_naar(struct db *db, long id, char *naar, size_t naarlen, char *nu, size_t nulen,
			       struct err *e);

enum outcome_kind hulpvraag_status_automatisch(struct db *db, long id, const char *reden, const char *datadir,
					       char *naar, size_t naarlen, struct outcome *o);

/* ------------------------------------------------------------------ reading
 * A hulpvraag read whole for the hulpvraag screen (one short transaction;
 * row-level security decides what is visible).  Text fields are
 * NUL-terminated UTF-8; dates are "dd-mm-jjjj" ("" when absent), moments
 * "dd-mm-jjjj hh:mm" (Europe/Amsterdam).  Owned arrays are freed by
 * hulpvraag_free(). */

struct hv_label {
	long id;
	char naam[48];
};

struct hv_bijlage {
	long id;
	char naam[256];
	long grootte;       /* bytes */
	char categorie[24];
	char op[20];        /* "dd-mm-jjjj hh:mm" */
	char door[128];     /* account naam, "" when unknown */
};

struct hv_historie {
	char van[FLOW_NAME_BUF];      /* "" for the first status */
	char naar[FLOW_NAME_BUF];
	char door[128];     /* account naam; "automatisch" when NULL */
	char op[20];
	char *reden;        /* owned, "" when none */
};

struct hulpvraag {
	long id;
	int version;
	long organisatie_id;
	char organisatie[128];
	char profiel[64];
	long nummer;
	char titel[FLOW_NAME_BUF];
	char *omschrijving;        /* owned */
	char datum[11];
	char status[FLOW_NAME_BUF];
	char status_categorie[FLOW_NAME_BUF];
	char status_sinds[11];     /* date the current status was set */
	char status_sinds_iso[11]; /* same, "jjjj-mm-dd" (for werkdagen) */
	int eindstatus;
	long aanvraagtype_id;
	char aanvraagtype[FLOW_NAME_BUF];
	long coordinator_id;       /* 0 = none */
	char coordinator[128];
	char coordinator_email[256];
	char aanvrager_naam[128];
	char aanvrager_email[256];
	int geen_mail;
	char eerste_reactie[20];   /* "" = the SWV has not reacted yet */
	char gewijzigd_door[128];  /* who made the last change ("" unknown) */
	char gewijzigd_op[20];
	/* dossier */
	long dossier_id;
	char niveau[12];           /* leerling, groep, school */
	char roepnaam[128], tussenvoegsel[64], achternaam[128];
	char groepsnaam[128];
	char geboortedatum[11];
	char geboortedatum_iso[11];
	/* school (of the hulpvraag, else the dossier's current schoolgegevens) */
	long school_id;
	char school[204];
	char brin[8];
	char contactpersoon[128];  /* from the current schoolgegevens */
	char contact_email[256];
	char contact_telefoon[32];
	/* lists */
	struct hv_label *labels;
	int nlabels;
	struct hv_bijlage *bijlagen;
	int nbijlagen;
	struct hv_historie *historie; /* newest first */
	int nhistorie;
	/* the acting account's own note ("mijn notities") */
	long notitie_id;           /* 0 = none yet */
	int notitie_version;
	char *notitie;             /* owned, "" when none */
};

/* Reads hulpvraag id.  On HV_OK *out owns a new struct (hulpvraag_free);
 * HV_NOT_FOUND when it does not exist or is not visible; HV_ERROR with e. */
enum hv_result hulpvraag_load(struct db *db, long id, struct hulpvraag **out, struct err *e);

/* The id of the hulpvraag with this nummer in organisatie org (0 when
 * there is none visible). 0 / -1. */
int hulpvraag_by_nummer(struct db *db, long org, long nummer, long *id, struct err *e);

/* Frees *h and sets it to NULL (safe on NULL). */
void hulpvraag_free(struct hulpvraag **h);

/* What changed between two reads of the same hulpvraag, for the person
 * whose save lost the race: "Intussen gewijzigd door Sanne Verbeek
 * (14:02): status A → B; coördinator X → Y; omschrijving".  Writes into
 * buf (snprintf style). */
void hulpvraag_diff(const struct hulpvraag *old, const struct hulpvraag *cur, char *buf, size_t len);

/* ------------------------------------------------------------ status menu */

struct hv_keuze {
	char naar[FLOW_NAME_BUF];
	int reden; /* 1: a reden is required */
};

/* The statuses the acting account may set on h now: the flow_transitie
 * rows of h's aanvraagtype from h's status, for the account's roles in h's
 * organisatie (core/statuswissel decides).  *out is malloc'ed (free()),
 * *n its length (0: nothing allowed). 0 / -1. */
int hulpvraag_keuzes(struct db *db, const struct hulpvraag *h, struct hv_keuze **out, int *n, struct err *e);

/* Test seam: fn (may be NULL) is called before each of the two round trips
 * of hulpvraag_set_status (1 the read, 2 the write: one statement, its own
 * transaction, that writes hulpvraag, statushistorie, outbox and audit), so
 * a test can change the world or kill the backend in between. */
void hulpvraag_set_test_hook(void (*fn)(int step, void *arg), void *arg);

/* ---------------------------------------------------------------- editing
 * Each is one short transaction with the version check
 * (db_versioned_update); SAVED with *new_version (may be NULL) and
 * o->version; CONFLICT: nothing was written, o->door/op/nu say who changed
 * it, when and what it is now (reload, show hulpvraag_diff, keep the typed
 * text); REFUSED with the rule's reason; GONE; UNKNOWN with its probe. */

/* Coördinator: coordinator_id must have the role coordinator in h's
 * organisatie (0 = none). */
enum outcome_kind hulpvraag_set_coordinator(struct db *db, long id, int version, long coordinator_id,
					    int *new_version, struct outcome *o);

/* Omschrijving (multi-line). */
enum outcome_kind hulpvraag_set_omschrijving(struct db *db, long id, int version, const char *text,
					     int *new_version, struct outcome *o);

/* Adds the label named naam (created in the organisatie when new; trimmed,
 * 1..40 characters) / removes label label_id. */
enum outcome_kind hulpvraag_label_add(struct db *db, long id, int version, const char *naam, int *new_version,
				      struct outcome *o);
enum outcome_kind hulpvraag_label_remove(struct db *db, long id, int version, long label_id, int *new_version,
					 struct outcome *o);

/* The acting account's note on hulpvraag id: notitie_id 0 = none yet
 * (created with idempotency key `key`, may be NULL), else updated when its
 * version still is notitie_version; an empty text removes it.  *new_id /
 * *new_version get the note's new state (0/0 after removal). */
enum outcome_kind hulpvraag_notitie_save(struct db *db, long id, long notitie_id, int notitie_version,
					 const char *text, const char *key, long *new_id, int *new_version,
					 struct outcome *o);

/* --------------------------------------------------------------- pickers */

struct hv_item {
	long id;
	char naam[204];
	char extra[204]; /* second column: BRIN and plaats, geboortedatum, … */
	long ref;        /* coordinator of a school's scholenkring, aanvraagtype of a title */
	int flag;        /* title: coordinator by scholenkring */
};

/* A pick list from sql (np text params), read in one short transaction:
 * columns id, naam, extra, ref, flag (boolean).  *out malloc'ed (free()),
 * *n its length. 0 / -1.  For other db/ modules' pickers. */
int hv_items(struct db *db, const char *sql, int np, const char *const *p, struct hv_item **out, int *n,
	     struct err *e);

/* Accounts with the role coordinator in organisatie org, not blocked,
 * by naam. *out malloc'ed (free()). 0 / -1. */
int hulpvraag_coordinators(struct db *db, long org, struct hv_item **out, int *n, struct err *e);

/* The labels of organisatie org, by naam. */
int hulpvraag_labels(struct db *db, long org, struct hv_item **out, int *n, struct err *e);

/* ----------------------------------------------------------------- intake */

/* The fixed titles of org's newest flow version: naam = titel, extra =
 * aanvraagtype naam, ref = aanvraagtype id, flag = coordinator by
 * scholenkring. */
int intake_titels(struct db *db, long org, struct hv_item **out, int *n, struct err *e);

/* The schools of org: naam, extra = "BRIN  plaats" (then "  gesloten" for
 * a closed school, which comes last, and "  was 12AB" for its former
 * BRINs), ref = the coordinator of its scholenkring (0 none). */
int intake_scholen(struct db *db, long org, struct hv_item **out, int *n, struct err *e);

/* Leerling dossiers of org whose achternaam starts with achternaam (folded,
 * may be "") and, when geboortedatum_iso is not NULL/"", born that day; at
 * most 50.  naam = "Achternaam, Roepnaam tussenvoegsel", extra =
 * geboortedatum dd-mm-jjjj. */
int intake_dossiers(struct db *db, long org, const char *achternaam, const char *geboortedatum_iso,
		    struct hv_item **out, int *n, struct err *e);

struct hv_nieuw {
	long organisatie_id;
	long dossier_id;           /* 0: create a leerling dossier from the fields below */
	const char *roepnaam;
	const char *achternaam_getypt; /* "van der Berg": split with naam_split */
	const char *geboortedatum;     /* "dd-mm-jjjj" */
	const char *titel;         /* a fixed title of the newest flow version */
	const char *omschrijving;
	long school_id;
	long coordinator_id;       /* used when the type has no scholenkring rule (0 none) */
	const char *aanvrager_naam;
	const char *aanvrager_email; /* "" allowed; else must be a valid address */
	const char *idempotentie;  /* outcome_key_new when the intake opened (NULL: none) */
	/* issue 14: what the aanvraagtype's completeness rules need, asked at
	 * intake; NULL or "" = skipped (the checklist then says it is missing).
	 * geslacht and the woonadres also for an existing dossier that lacks
	 * them; ouder and leerjaar for a new one. */
	const char *geslacht;      /* "m", "v", "x" */
	const char *straat, *huisnummer, *postcode, *plaats; /* a woonadres from today */
	const char *ouder_naam, *ouder_email;
	const char *leerjaar;      /* in the new dossier's schoolgegevens */
	/* issue 14 §1: the dossier's niveau (NULL or "leerling": as above).
	 * "groep" (groepsnaam = class and school, core's
	 * dossier_groepsnaam_check) or "school" (the schoolbudget, 000):
	 * the dossier of that group or school at school_id is used when it
	 * exists, else made; roepnaam, achternaam, geboortedatum and the
	 * leerling questions do not apply */
	const char *niveau;
	const char *groepsnaam;
};

/* Creates the hulpvraag (and the dossier when dossier_id is 0) in one
 * transaction: aanvraagtype and first status from the title, coördinator
 * from the school's scholenkring when the flow says so, a statushistorie
 * row (van NULL), an audit row.  REFUSED for a title with the pupil's name
 * (and what was typed wrong).  SAVED with *id / *nummer (o->id, o->nummer).
 * With n->idempotentie, a create that already got in under the same key is
 * returned instead (SAVED, o->repeated): never a second dossier or
 * hulpvraag.  UNKNOWN (COMMIT cut off) probes by that key. */
enum outcome_kind intake_create(struct db *db, const struct hv_nieuw *n, long *id, long *nummer, struct outcome *o);

#endif
