/* agenda.h — the commission agenda in the database (migration 016): the
 * meetings the acting account sees, the cases on one meeting, the
 * hulpvragen ready to be planned on a commissie, and the writes — a new
 * meeting, planning a hulpvraag (which moves it along its flow and mails the
 * aanvrager in the same transaction), the outcome of an agendapunt.
 *
 * Reads are one statement each (no transaction left open).  Writes answer
 * with a struct outcome (db/outcome.h); creates carry an idempotency key.
 * Row-level security decides what is visible; the rulebook actions
 * (vergadering-beheren, plannen, uitkomst-vastleggen) are checked by the
 * policies and SECURITY DEFINER functions of the migration.  Pupils appear
 * here only as initials.
 */
#ifndef BALIE_DB_AGENDA_H
#define BALIE_DB_AGENDA_H

#include "core/agenda.h"
#include "core/flow.h"
#include "db/conn.h"
#include "db/outcome.h"

struct agenda_vergadering_rij {
	long id;
	int version;
	char commissie[48];
	struct datum datum, deadline;
	int start, eind;          /* minutes */
	char locatie[128];
	char link[256];
	int geannuleerd;
	int gepland, capaciteit;  /* open cases on it, cases that fit */
	int minuten_per_zaak, zaken;
};

struct agenda_punt_rij {
	long id;
	int version;
	long hulpvraag_id;
	int hulpvraag_version;
	long nummer;
	int volgorde;
	int open;
	char initialen[16];       /* "J.d.V." — never the full name in an overview */
	char status[FLOW_NAME_BUF];
	char aanvraagtype[FLOW_NAME_BUF];
	char uitkomst[16];        /* "" while open */
	char notitie[256];
};

struct agenda_teplannen_rij {
	long hulpvraag_id;
	int version;
	long nummer;
	struct datum datum;       /* received */
	char initialen[16];
	char status[FLOW_NAME_BUF];
	char aanvraagtype[FLOW_NAME_BUF];
	int verlenging;           /* aanvraagtype "Verlenging …" or the form's field verlenging = ja */
	struct datum deadline;    /* the verlengingen deadline of its school year ({0}: none) */
	struct datum vanaf;       /* filled by the caller: the earliest meeting ({0}: any) */
	long coordinator_id;      /* its coördinator (0: none) */
};

struct agenda_commissie {
	char code[48];
	int deadline_werkdagen;
	unsigned regio; /* the organisatie's schoolvakantie regio (enum agenda_regio), 0: none */
	int afspraak;   /* the coördinators' own appointments (migration 029), not meetings */
};

/* The commissies of organisatie org (at most max) into out, by code; *n
 * gets the count. 0 / -1. */
int db_agenda_commissies(struct db *db, long org, struct agenda_commissie *out, int max, int *n, struct err *e);

/* The meetings of organisatie org the acting account sees from van to tot
 * (both included), of commissie (NULL: all) and with member lid (a
 * username; NULL: any), by date.  *out malloc'ed (free()). 0 / -1. */
int db_agenda_vergaderingen(struct db *db, long org, struct datum van, struct datum tot, const char *commissie,
			    const char *lid, struct agenda_vergadering_rij **out, int *n, struct err *e);

/* One meeting by id into *out (out->id 0 when not visible). 0 / -1. */
int db_agenda_vergadering(struct db *db, long id, struct agenda_vergadering_rij *out, struct err *e);

/* The agendapunten of meeting v, open ones first in their order, then the
 * decided ones.  *out malloc'ed (free()). 0 / -1. */
int db_agenda_punten(struct db *db, long v, struct agenda_punt_rij **out, int *n, struct err *e);

struct agenda_lid_rij {
	long account_id;
	char username[64];
	char naam[128];
	char rol[24];             /* voorzitter, secretaris, deskundige, orthopedagoog, lid */
	int extern_lid;           /* not back-office staff of the organisatie (an external deskundige) */
};

/* The members of meeting v the acting account sees (the back office: all;
 * a member: its own row), voorzitter first.  *out malloc'ed. 0 / -1. */
int db_agenda_leden(struct db *db, long v, struct agenda_lid_rij **out, int *n, struct err *e);

/* The accounts that may become a member of meeting v: back-office staff
 * and externals of organisatie org, not blocked, not yet on it (rol: their
 * roles, "secretariaat, admin"), by name.  *out malloc'ed. 0 / -1. */
int db_agenda_kandidaten(struct db *db, long org, long v, struct agenda_lid_rij **out, int *n, struct err *e);

/* Puts account on meeting v with rol (or gives it that role).  SAVED;
 * o->nu the warning when it sits in another meeting at the same time
 * ("" when not). */
enum outcome_kind db_agenda_lid_zetten(struct db *db, long v, long account, const char *rol, struct outcome *o);

/* Takes account off meeting v; its access through the meeting ends. */
enum outcome_kind db_agenda_lid_weg(struct db *db, long v, long account, struct outcome *o);

/* "Te plannen" on commissie: the hulpvragen whose status the flow marks as
 * ready for it (flow_agenda.van) and that are on no open meeting, oldest
 * first (at most 500).  *out malloc'ed (free()). 0 / -1. */
int db_agenda_te_plannen(struct db *db, const char *commissie, struct agenda_teplannen_rij **out, int *n,
			 struct err *e);

/* The bespreekdatum of hulpvraag h: the date and time of its open meeting
 * and the commissie into buf ("bespreking CT 08-09-2026 13:00"; a
 * coördinator's appointment: "afspraak CPO 10-12-2026 14:00"), "" when
 * none. 0 / -1. */
int db_agenda_bespreekdatum(struct db *db, long h, char *buf, size_t len, struct err *e);

/* A Kans!overleg whose gespreksverslag is overdue (004 §3.4: "binnen één
 * week"): a decided case of a meeting more than 7 days ago without a
 * complete form gespreksverslag-kans-overleg. */
struct agenda_verslag_rij {
	long hulpvraag_id;
	long nummer;
	char initialen[16];
	struct datum datum;        /* the meeting */
	char coordinator[128];
};

/* The overdue gespreksverslagen of organisatie org, oldest meeting first
 * (at most 500).  *out malloc'ed (free()). 0 / -1. */
int db_agenda_verslagen_te_laat(struct db *db, long org, struct agenda_verslag_rij **out, int *n, struct err *e);

/* Plans hulpvraag h (version the person saw) on meeting v; override: the
 * reason to plan after the deadline (NULL/""), subject/body: the mail to
 * the aanvrager (NULL: none), key: the idempotency key.  SAVED: o->id the
 * agendapunt, o->version the hulpvraag's version, o->nu its status. */
enum outcome_kind db_agenda_plannen(struct db *db, long h, int version, long v, const char *override,
				    const char *subject, const char *body, const char *key, struct outcome *o);

/* The outcome ("toegekend", "afgewezen", "aangehouden") of agendapunt p at
 * version, with a note (required for aangehouden) and the mail. */
enum outcome_kind db_agenda_uitkomst(struct db *db, long p, int version, const char *uitkomst,
				     const char *notitie, const char *subject, const char *body, struct outcome *o);

/* Agendapunt p (at version) off its meeting, with a reason; the hulpvraag
 * is te plannen again. */
enum outcome_kind db_agenda_ontplannen(struct db *db, long p, int version, const char *reden, struct outcome *o);

/* Agendapunt p (at version) one place earlier (richting -1) or later (+1). */
enum outcome_kind db_agenda_volgorde(struct db *db, long p, int version, int richting, struct outcome *o);

/* Agendapunt p (at version) to meeting v, one transaction, with every check
 * of planning and the mail with the new date (subject/body, key as
 * db_agenda_plannen).  SAVED: o->id the new agendapunt. */
enum outcome_kind db_agenda_verplaatsen(struct db *db, long p, int version, long v, const char *override,
					const char *subject, const char *body, const char *key, struct outcome *o);

/* A new meeting of commissie (code) in organisatie org.  SAVED: o->id. */
enum outcome_kind db_agenda_vergadering_maken(struct db *db, long org, const char *commissie,
					      const struct agenda_vergadering *v, const char *locatie,
					      const char *link, const char *key, struct outcome *o);

/* Saves meeting id as the person saw it at version: date, times, place,
 * link, capacity, deadline.  CONFLICT (door/op filled) when someone else
 * saved it first; REFUSED when its cases no longer fit. */
enum outcome_kind db_agenda_vergadering_wijzigen(struct db *db, long id, int version, const struct agenda_vergadering *v,
						 const char *locatie, const char *link, struct outcome *o);

/* What happens to one case of a cancelled meeting: on to meeting naar (0:
 * back to te plannen) with the mail subject/body (the new date, or that the
 * bespreking lapses; NULL: no mail). */
struct agenda_annulering_zaak {
	long hulpvraag_id;
	long naar;
	const char *subject, *body;
};

/* Cancels meeting id at version with a reason and, in the same
 * transaction, does z[0..n) for its open cases (read before the cancel):
 * any refusal (the other meeting filled up meanwhile) undoes it all.
 * SAVED: o->nummer how many moved, o->mail how many mails were queued. */
enum outcome_kind db_agenda_annuleren(struct db *db, long id, int version, const char *reden,
				      const struct agenda_annulering_zaak *z, int n, struct outcome *o);

#endif
