/* demobeschikking.h — TLV beschikkingen for the demo database.
 *
 * Every hulpvraag in an "afgegeven" status (beschikking_status of its
 * organisatie) gets a complete TLV beschikking with two equal
 * deskundigenadviezen — except every fifth in nummer order, which stays
 * without (a TLV issued before balie: the financial queue shows it), and at
 * most one per dossier (so no pupil has two overlapping TLVs).  Numbers are
 * "<year of the hulpvraag>-<nnn>", soorten rotate over the profile's list,
 * the advices a week after the hulpvraag's date, the period from the 1st
 * of the second month after it, for two years.  Deterministic; runs inside the demo build's transaction
 * after demodata (all names are fictional).  Also the tariffs of PO3008
 * for 2024-2025 (004 §4.2) and 2025-2026 (aanname), and an aanpak with its
 * amount for every arrangement (see demobeschikking.c). */
#ifndef BALIE_DB_DEMOBESCHIKKING_H
#define BALIE_DB_DEMOBESCHIKKING_H

#include "core/err.h"
#include "db/conn.h"

/* *made (may be NULL) gets the number of beschikkingen added. 0 / -1. */
int demobeschikking_load(struct db *db, long *made, struct err *e);

#endif
