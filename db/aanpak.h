/* aanpak.h — the aanpak of a hulpvraag and its arrangement beschikking in
 * the database (migration 015): read it with the organisatie's aanpak
 * types and tariffs, save it with the version check (a create with an
 * idempotency key).  The database fills the tariff itself and refuses an
 * amount other than the tariff without a reason, and "financieel verwerkt"
 * without number, period and amount. */
#ifndef BALIE_DB_AANPAK_H
#define BALIE_DB_AANPAK_H

#include "core/beschikking.h"
#include "db/conn.h"
#include "db/outcome.h"

#define AANPAK_MAX_TARIEVEN 64

struct aanpak {
	long id;       /* 0: none yet */
	int version;
	long hulpvraag_id;
	struct aanpak_invoer in;            /* dates dd-mm-jjjj, amount as "€ 8.500,00" */
	int arrangement;                    /* its aanvraagtype ends in "financieel verwerkt" */
	int verwerkt;                       /* the hulpvraag is in such a status */
	char gewijzigd[160];
	char geblokkeerd[600];              /* the hulpvraag is in a status that blocks its beschikking
					     * (beschikking.conf geblokkeerd, 031): that status and its reason */
	/* a schoolbudget (PO2806, seed 000): what the newest form of the
	 * hulpvraag asks (bedrag incl. btw, cents; 0 none) and what PPO decided
	 * (besluit_ppo, toegekend_bedrag: fields only the back office fills) */
	int64_t aangevraagd, toegekend;
	char besluit[64];
	/* the organisatie's lists */
	char types[BESCHIKKING_MAX_SOORTEN][BESCHIKKING_KORT];
	int ntypes;
	char categorieen[BESCHIKKING_MAX_SOORTEN][BESCHIKKING_KORT]; /* of its tariffs, and "conversie" */
	int ncategorieen;
	struct beschikking_tarief tarieven[AANPAK_MAX_TARIEVEN];    /* categorie points into tcat */
	char tcat[AANPAK_MAX_TARIEVEN][104];
	int ntarieven;
	/* the organisatie's budgets with what the other aanpakken hold (021) */
	struct aanpak_budget {
		int schooljaar;
		char soort[BESCHIKKING_KORT];
		int64_t budget, vastgelegd; /* cents; vastgelegd without this aanpak */
	} budgetten[AANPAK_MAX_TARIEVEN];
	int nbudgetten;
};

/* Behandelaars of the aanpak (021; tlv 0: the organisatie's external
 * accounts) or of the TLV beschikking (031, tlv 1: its school and external
 * accounts, 004 §4.6), and who is one (access to the hulpvraag until tot,
 * the end of the aanpak or the TLV). */
#define AANPAK_MAX_BEHANDELAARS 32
struct aanpak_behandelaar {
	long account_id;
	char naam[128];
	int is;        /* behandelaar now */
	char tot[11];  /* dd-mm-jjjj */
};
int db_aanpak_behandelaars(struct db *db, long hulpvraag_id, int tlv, struct aanpak_behandelaar *out, int *n,
			   struct err *e);
/* Makes account a behandelaar (aan 1: access and a mail without the
 * pupil's name) or not (0).  SAVED (o->err says what), REFUSED, … */
enum outcome_kind db_aanpak_behandelaar(struct db *db, long hulpvraag_id, int tlv, long account_id, int aan,
					struct outcome *o);

/* The budget of the draft's type in the school year of its start, or NULL. */
const struct aanpak_budget *aanpak_budget_van(const struct aanpak *a, const struct aanpak_invoer *in);

/* Reads the aanpak of hulpvraag_id as the acting account.  0 (a->id 0 when
 * there is none), -1 with e. */
int db_aanpak_read(struct db *db, long hulpvraag_id, struct aanpak *a, struct err *e);

/* Saves in (core checked it as a draft) on hulpvraag_id: a create when id
 * is 0 (key: made when the tab opened the draft), else the versioned
 * update.  One transaction with its audit row (which keeps an amount that
 * differs from the tariff).  SAVED, CONFLICT, REFUSED (a duplicate number,
 * the database's rules), GONE, UNKNOWN or ERROR. */
enum outcome_kind db_aanpak_save(struct db *db, long hulpvraag_id, long id, int version, const struct aanpak_invoer *in,
				 const char *key, struct outcome *o);

#endif
