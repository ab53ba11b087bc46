/* beschikking.h — the rules of a beschikking (the SWV's formal decision):
 * a TLV with its two deskundigenadviezen, the amount of an arrangement from
 * the tariff of its school year, and the per-profile lists they draw on.
 *
 * Sources: seed 004 §4.1 (TLV, "Bij gelijke adviezen … afgegeven"), §4.2
 * (arrangement at most one year, 2024-2025 Midden € 8.500 / Hoog € 19.000,
 * the number typed by the financieel medewerker), §4.4 (EMB → SO hoog);
 * the law on TLVs (two separate advices, the first by an orthopedagoog or
 * psycholoog, the second depending on the pupil; a collective advice is not
 * valid).
 *
 * Everything is checked from what the person typed (strings), so the pane
 * can show each message beside its own field and keep the text as typed.
 * Nothing reads the clock: the caller passes today.  No I/O except
 * beschikking_conf_load, which reads one data file.
 */
#ifndef BALIE_BESCHIKKING_H
#define BALIE_BESCHIKKING_H

#include <stddef.h>
#include <stdint.h>

#include "core/datum.h"
#include "core/err.h"

#define BESCHIKKING_NUMMER_MAX 40  /* bytes of a beschikkingsnummer */
#define BESCHIKKING_KORT 200       /* bytes of a name, soort, school, discipline */
#define BESCHIKKING_TEKST 4000     /* bytes of an advice text or motivering */
#define BESCHIKKING_MAX_SOORTEN 16
/* The largest amount one beschikking may carry: € 1.000.000,00.  The seeds
 * name € 19.000 as the highest tariff; anything near a million is a typing
 * error (aanname). */
#define BESCHIKKING_BEDRAG_MAX ((int64_t)100000000)

/* The value of an advice that says "not admissible". */
#define BESCHIKKING_NIET_TOELAATBAAR "niet toelaatbaar"

/* The profile's lists (forms/<profile>/beschikking.conf). */
struct beschikking_conf {
	char soorten[BESCHIKKING_MAX_SOORTEN][BESCHIKKING_KORT]; /* TLV soorten, in order */
	size_t nsoorten;
	char emb_soort[BESCHIKKING_KORT];                  /* the only soort for an EMB pupil */
	char afgegeven[4][BESCHIKKING_KORT];               /* statuses that need a valid beschikking */
	size_t nafgegeven;
	char aanpak_types[BESCHIKKING_MAX_SOORTEN][BESCHIKKING_KORT]; /* "arrangement", "A&K", … */
	size_t ntypes;
	char verwerkt[4][BESCHIKKING_KORT];                /* statuses that need a processed arrangement */
	size_t nverwerkt;
	char geblokkeerd[4][BESCHIKKING_KORT];             /* statuses in which no beschikking may be drawn up
							    * ("Niet ontvankelijk financieën", seed 000) */
	size_t ngeblokkeerd;
};

/* Reads dir/beschikking.conf.  A profile without the file has no TLV
 * beschikkingen: c is empty and 0 is returned.  -1 with "file:line: …". */
int beschikking_conf_load(const char *dir, struct beschikking_conf *c, struct err *e);

/* An amount typed for a beschikking: validate_money's forms ("8.500",
 * "8500,00", "€ 8.500,00"), more than zero and at most
 * BESCHIKKING_BEDRAG_MAX.  0 / -1 with a Dutch message. */
int beschikking_bedrag(const char *in, int64_t *cents, struct err *e);

/* A start and end as typed: both dd-mm-jjjj, the end after the start; with
 * eerste the start on the 1st of a month (TLV); with max_jaar the end at
 * most one year after the start (an arrangement: 01-08-2025 → 31-07-2026 at
 * the latest).  The message names the field: *veld 0 start, 1 end. */
int beschikking_periode(const char *start, const char *eind, int eerste, int max_jaar, struct datum *s,
			struct datum *en, int *veld, struct err *e);

/* One row of a tariff table: the amount of categorie in the school year
 * that starts on 1 August of schooljaar. */
struct beschikking_tarief {
	int schooljaar;
	const char *categorie;
	int64_t cents;
};

/* The amount of categorie for a start on `start` (its school year by the
 * 1 August boundary).  -1 "Geen tarief voor Midden in schooljaar 2026-2027
 * (balie admin tarief)" when there is none. */
int beschikking_tarief_zoek(const struct beschikking_tarief *t, size_t n, const char *categorie,
			    struct datum start, int64_t *cents, struct err *e);

/* "2025-2026" for the school year that starts in 2025. */
const char *beschikking_schooljaar_naam(int schooljaar, char buf[12]);
/* Parses "2025-2026" (the second year must follow the first). 0 / -1. */
int beschikking_schooljaar_parse(const char *s, int *schooljaar, struct err *e);

/* ---------------------------------------------------------------- TLV */

/* One deskundigenadvies, as typed. */
struct tlv_advies {
	char naam[BESCHIKKING_KORT];
	char discipline[BESCHIKKING_KORT];
	char organisatie[BESCHIKKING_KORT];
	char datum[16];                  /* dd-mm-jjjj */
	char advies[BESCHIKKING_KORT];   /* a soort, or BESCHIKKING_NIET_TOELAATBAAR */
	char tekst[BESCHIKKING_TEKST];
};

/* The fields of a TLV beschikking, as typed. */
struct tlv_invoer {
	char nummer[BESCHIKKING_NUMMER_MAX + 8];
	char soort[BESCHIKKING_KORT];
	char start[16];
	char eind[16];
	char ontvangende_school[BESCHIKKING_KORT];
	char motivering[BESCHIKKING_TEKST];
	struct tlv_advies advies[2];
	/* a verlenging: the earlier TLV (its number and einddatum; linked by the
	 * database when it exists in balie, refused when of another pupil) */
	char vorige_nummer[BESCHIKKING_NUMMER_MAX + 8];
	char vorige_eind[16];
};

/* Field numbers, for the message beside each field. */
enum tlv_veld {
	TLV_NUMMER, TLV_SOORT, TLV_START, TLV_EIND, TLV_ONTVANGEND, TLV_MOTIVERING,
	TLV_ADVIES1, /* + enum tlv_advies_veld */
	TLV_ADVIES2 = TLV_ADVIES1 + 6,
	TLV_VORIGE_NUMMER = TLV_ADVIES2 + 6, /* a verlenging: the earlier TLV */
	TLV_VORIGE_EIND,
	TLV_VELDEN
};
enum tlv_advies_veld { ADV_NAAM, ADV_DISCIPLINE, ADV_ORGANISATIE, ADV_DATUM, ADV_ADVIES, ADV_TEKST };

/* What the rules need besides the fields. */
struct tlv_context {
	const struct beschikking_conf *conf;
	int emb;                          /* the aanvraag says EMB (field emb = ja) */
	const char *aanvragende_school;   /* name of the applying school, may be NULL */
	const char *const *betrokkenen;   /* names of people already involved in the dossier */
	size_t nbetrokkenen;
	struct datum today;
};

struct tlv_fouten {
	char veld[TLV_VELDEN][400]; /* "" when the field is fine */
	char algemeen[600];         /* a rule over several fields (unequal advices) */
	int n;                      /* messages set */
	int ongelijk;               /* both advices given and they differ: needs a new consultation */
};

/* The disciplines an expert may have: the first advice by an orthopedagoog
 * or psycholoog; the second by one of the others. NULL-terminated. */
extern const char *const tlv_disciplines_eerste[];
extern const char *const tlv_disciplines_tweede[];

/* Checks in. afgeven 0: a draft — what is filled must be right, empty is
 * allowed; afgeven 1: everything "afgegeven" needs (number, soort, period,
 * both advices complete and equal to the soort, motivering).  Returns the
 * number of messages in f. */
int tlv_check(const struct tlv_invoer *in, const struct tlv_context *c, int afgeven, struct tlv_fouten *f);

/* The first message of f ("Startdatum: …"), for a message line. */
const char *tlv_fouten_eerste(const struct tlv_fouten *f, char *buf, size_t len);

/* Dutch label of a field ("Startdatum", "Advies 2: discipline"). */
const char *tlv_veld_label(int veld, char *buf, size_t len);

/* A period of another active TLV of the same pupil. */
struct tlv_periode {
	const char *nummer;
	const char *soort;
	struct datum start, eind;
};

/* Index of the first of others that overlaps [start, eind] and is of the
 * same kind (the same soort group: SBO, SO, VSO, Leerrecht), or -1; with e
 * "Overlapt met TLV 2025-014 (01-08-2025 t/m 31-07-2027)". */
int tlv_overlap(const char *soort, struct datum start, struct datum eind, const struct tlv_periode *others,
		size_t n, struct err *e);

/* The kind of a soort for the overlap rule: "SBO", "SO", "VSO",
 * "Leerrecht", or the soort itself. */
const char *tlv_soort_groep(const char *soort, char *buf, size_t len);

/* ---------------------------------------------------------------- aanpak */

/* The aanpak of a hulpvraag and its arrangement beschikking, as typed (003
 * §3, 004 §3.5, §4.2): the coördinator draws it up, the financieel
 * medewerker types the number and processes it. */
struct aanpak_invoer {
	char type[BESCHIKKING_KORT];
	char categorie[BESCHIKKING_KORT];
	char start[16];
	char eind[16];
	char bedrag[48];                    /* as typed: "8.500", "€ 8.500,00" */
	char reden[BESCHIKKING_TEKST];      /* why the amount is not the tariff */
	char nummer[BESCHIKKING_NUMMER_MAX + 8];
	char omschrijving[BESCHIKKING_TEKST];
	int budget_akkoord;                 /* the person confirmed an amount over the budget (one save) */
};

enum aanpak_veld { AP_TYPE, AP_CATEGORIE, AP_START, AP_EIND, AP_BEDRAG, AP_REDEN, AP_NUMMER, AP_OMSCHRIJVING,
		   AP_VELDEN };

struct aanpak_fouten {
	char veld[AP_VELDEN][400];
	int n;
};

/* Dutch label of a field ("Startdatum"). */
const char *aanpak_veld_label(int veld);

/* Checks in.  tarief: the tariff of its categorie in the school year of its
 * start, -1 when there is none (or no start yet).  verwerken 0: a draft
 * (what is filled must be right; an arrangement at most one year; an
 * amount other than the tariff needs a reason); 1: what "financieel
 * verwerkt" needs besides (type, categorie, number, period, amount).
 * *bedrag (may be NULL) gets the amount in cents, 0 when none.  Returns
 * the number of messages in f. */
int aanpak_check(const struct aanpak_invoer *in, int64_t tarief, int verwerken, int64_t *bedrag,
		 struct aanpak_fouten *f);

/* A type with a fixed amount (a tariff under the type's own name: "budget
 * inclusief onderwijs", 000 "de hoogte … is reeds vastgesteld"): an amount
 * other than vast is wrong whatever the reason ("Budget inclusief onderwijs
 * heeft een vast bedrag: € 25.000,00" beside the amount), after
 * aanpak_check filled f.  Returns the messages it added (may be negative:
 * the reason's message is then moot). */
int aanpak_vast_check(const struct aanpak_invoer *in, int64_t vast, struct aanpak_fouten *f);

#endif
