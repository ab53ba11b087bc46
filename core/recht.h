/* recht.h — the rulebook: every business action × the roles that may do it.
 *
 * One table, used three ways:
 *   - the screens ask recht_mag() before they offer a key, a pick list entry
 *     or a help line, so a role never sees what it may not do;
 *   - `balie admin migrate` publishes the table into the database (table
 *     balie.recht, see db/recht.c and migration 013_rulebook.sql), where the
 *     policies, triggers and SECURITY DEFINER functions check the same rows
 *     with balie.mag(actie, organisatie) — so a careless or malicious query
 *     by the application role cannot do what the table forbids;
 *   - balie(1) carries the table, and the docs test checks it against this
 *     one (tests/docs).
 *
 * A status change is one action here (RECHT_STATUS_WIJZIGEN, every role);
 * which target a role may choose is then decided by the flow's transitions
 * (core/statuswissel, and the database trigger over flow_transitie).
 *
 * Roles are a bit set (FLOW_ROLE_BIT of enum flow_role), never a string.
 * Pure: no I/O.
 */
#ifndef BALIE_RECHT_H
#define BALIE_RECHT_H

#include "core/flow.h"

enum recht_actie {
	RECHT_STATUS_WIJZIGEN,       /* then the flow decides the target */
	RECHT_COORDINATOR_WIJZIGEN,
	RECHT_OMSCHRIJVING_BEWERKEN, /* omschrijving and titel */
	RECHT_LABELS_ZIEN,           /* the SWV's internal label list */
	RECHT_LABEL_KOPPELEN,        /* add / remove a label on a hulpvraag */
	RECHT_LABEL_AANMAKEN,        /* a new label in the organisatie's list */
	RECHT_NOTITIE,
	RECHT_INTAKE,
	RECHT_BIJLAGE_TOEVOEGEN,
	RECHT_BIJLAGE_VERWIJDEREN,
	RECHT_BIJLAGE_EXPORTEREN,
	RECHT_FORMULIER_TOEVOEGEN,
	RECHT_FORMULIER_BEWERKEN,
	RECHT_FORMULIER_VERWIJDEREN,
	RECHT_AANVULLING_VRAGEN,
	RECHT_BULK,
	RECHT_WERKVOORRAAD,          /* the status tree and queue: of what the account sees */
	RECHT_TE_CONTROLEREN,        /* the completeness list */
	RECHT_BESCHIKKING_BEWERKEN,  /* a TLV beschikking: number, soort, period, advices */
	RECHT_AANPAK_BEWERKEN,       /* the aanpak and its arrangement beschikking: period, amount, number */
	RECHT_TE_VERWERKEN,          /* the financial queue: a read of hulpvragen the account sees */
	RECHT_AGENDA_ZIEN,           /* the commission agenda: of the meetings the account sees */
	RECHT_VERGADERING_BEHEREN,   /* create, edit, cancel a meeting and its members */
	RECHT_PLANNEN,               /* a hulpvraag on a meeting (and off again) */
	RECHT_UITKOMST_VASTLEGGEN,   /* the outcome of an agendapunt */
	RECHT_DOSSIER_BEWERKEN,      /* basisgegevens, adressen, relaties, schoolgegevens */
	RECHT_VOORLOPIG_ZIEN,        /* read a voorlopige aanmelding (hidden from the SWV otherwise) */
	RECHT_STATUS_TERUGDRAAIEN,   /* undo one's own last status change within 10 minutes */
	RECHT_STATUS_TERUGDRAAIEN_ALTIJD, /* undo any last status change, at any time */
	RECHT_VERLOOPT_BINNENKORT,   /* the list of TLVs and aanpakken ending soon: a read */
	RECHT_TE_EVALUEREN,          /* the list of arrangements to evaluate, and setting them to evalueren */
	RECHT_BEZWAAR,               /* register a bezwaar against an issued TLV and record its outcome */
	RECHT_KENGETALLEN,           /* the kengetallen pane and the exports of kengetallen and TLVs */
	RECHT_POST,                  /* receive mail (balie mail-in) and handle the post list */
	RECHT_AFSPRAAK_PLANNEN,      /* the coördinator's own appointment for a hulpvraag: plan, move, cancel */
	RECHT_REGIEROL_TOEWIJZEN,    /* choose the regierolhouder of a hulpvraag (003, PO2811) */
	RECHT_COUNT
};

struct recht {
	const char *naam;  /* stable key, as in the database and balie(1): "coordinator-wijzigen" */
	const char *label; /* Dutch, for people: "coördinator wijzigen" */
	unsigned rollen;   /* FLOW_ROLE_BIT set of the roles that may */
	const char *bron;  /* where the seeds say so, or "aanname: …" */
};

/* The table, indexed by enum recht_actie. */
extern const struct recht recht_tabel[RECHT_COUNT];

/* 1 when any role in rollen (a FLOW_ROLE_BIT set) may do actie. */
int recht_mag(unsigned rollen, enum recht_actie actie);

/* Action by its naam; -1 when unknown. */
int recht_from_naam(const char *naam);

/* The back-office roles (secretariaat, financieel, coordinator, admin). */
unsigned recht_backoffice(void);

#endif
