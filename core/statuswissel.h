/* statuswissel.h — which status changes a person may make, decided over the
 * transitions of the published flow (the flow_transitie rows from the
 * hulpvraag's current status), and whether a reden is needed.
 *
 * The same rows feed the menu and the check before writing, so the menu
 * never offers what the check (or the database trigger, which reads the
 * same rows) would refuse.  Pure: the caller reads the rows.
 */
#ifndef BALIE_STATUSWISSEL_H
#define BALIE_STATUSWISSEL_H

#include <stddef.h>

#include "core/err.h"

/* One flow_transitie row from the current status. */
struct statuswissel_rij {
	const char *naar;    /* target status */
	const char *rol;     /* role name as in flow files: "coordinator", "automatisch" */
	int reden_verplicht;
};

/* One choice for the menu: a target status a person with these roles may
 * set; reden 1 when any of the rows that allow it asks for a reden. */
struct statuswissel_keuze {
	const char *naar; /* borrowed from the rows */
	int reden;
};

enum statuswissel_uitkomst {
	SW_OK = 0,
	SW_NIET_TOEGESTAAN, /* no row allows it for these roles (or naar == current) */
	SW_REDEN_NODIG      /* allowed, but a reden is required and reden is blank */
};

/* The distinct targets rows allow for roles (a FLOW_ROLE_BIT set; the role
 * automatisch never counts for a person), in row order, into out[0..max-1].
 * Returns the number of choices (may exceed max, as snprintf). */
size_t statuswissel_keuzes(const struct statuswissel_rij *rows, size_t n, unsigned roles,
			   struct statuswissel_keuze *out, size_t max);

/* May a person with roles move to naar with this reden?  e gets a Dutch
 * sentence for SW_NIET_TOEGESTAAN / SW_REDEN_NODIG. */
enum statuswissel_uitkomst statuswissel_beslis(const struct statuswissel_rij *rows, size_t n, unsigned roles,
					       const char *van, const char *naar, const char *reden,
					       struct err *e);

/* The target of the first automatic row (rol "automatisch": a rule the
 * program applies by itself, e.g. a new bijlage), borrowed from rows;
 * NULL when there is none. */
const char *statuswissel_automatisch(const struct statuswissel_rij *rows, size_t n);

/* 1 when reden holds nothing but white space (or is NULL). */
int statuswissel_reden_leeg(const char *reden);

/* The role bits of a comma-separated role list ("secretariaat, admin");
 * unknown names are ignored. */
unsigned statuswissel_rollen(const char *list);

#endif
