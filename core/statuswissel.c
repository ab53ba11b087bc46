/* statuswissel.c — allowed status changes; see statuswissel.h. */
#include "core/statuswissel.h"

#include <string.h>

#include "core/flow.h"

static int person_may(const struct statuswissel_rij *r, unsigned roles)
{
	int role = flow_role_from_name(r->rol ? r->rol : "");

	return role >= 0 && role != FLOW_ROLE_AUTOMATISCH && (roles & FLOW_ROLE_BIT(role));
}

size_t statuswissel_keuzes(const struct statuswissel_rij *rows, size_t n, unsigned roles,
			   struct statuswissel_keuze *out, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j;
		int seen = 0;

		if (!rows[i].naar || !person_may(&rows[i], roles))
			continue;
		/* an earlier row for the same target already made the choice */
		for (j = 0; j < i && !seen; j++)
			seen = rows[j].naar && !strcmp(rows[j].naar, rows[i].naar) && person_may(&rows[j], roles);
		if (seen)
			continue;
		if (k < max) {
			out[k].naar = rows[i].naar;
			out[k].reden = 0;
			for (j = i; j < n; j++)
				if (rows[j].naar && !strcmp(rows[j].naar, rows[i].naar) && person_may(&rows[j], roles))
					out[k].reden |= rows[j].reden_verplicht != 0;
		}
		k++;
	}
	return k;
}

int statuswissel_reden_leeg(const char *reden)
{
	if (!reden)
		return 1;
	for (; *reden; reden++)
		if (!strchr(" \t\r\n", *reden))
			return 0;
	return 1;
}

enum statuswissel_uitkomst statuswissel_beslis(const struct statuswissel_rij *rows, size_t n, unsigned roles,
					       const char *van, const char *naar, const char *reden,
					       struct err *e)
{
	int allowed = 0, need = 0;

	for (size_t i = 0; i < n; i++)
		if (rows[i].naar && naar && !strcmp(rows[i].naar, naar) && person_may(&rows[i], roles)) {
			allowed = 1;
			need |= rows[i].reden_verplicht != 0;
		}
	if (!allowed || (van && naar && !strcmp(van, naar))) {
		err_set(e, "Van \"%s\" naar \"%s\" mag jouw rol de status niet zetten", van ? van : "",
			naar ? naar : "");
		return SW_NIET_TOEGESTAAN;
	}
	if (need && statuswissel_reden_leeg(reden)) {
		err_set(e, "Voor de status \"%s\" is een reden verplicht", naar);
		return SW_REDEN_NODIG;
	}
	return SW_OK;
}

unsigned statuswissel_rollen(const char *list)
{
	unsigned bits = 0;
	char name[32];

	while (list && *list) {
		size_t n;
		int r;

		while (*list == ' ' || *list == ',')
			list++;
		n = strcspn(list, ", ");
		if (n && n < sizeof name) {
			memcpy(name, list, n);
			name[n] = '\0';
			r = flow_role_from_name(name);
			if (r >= 0)
				bits |= FLOW_ROLE_BIT(r);
		}
		list += n;
	}
	return bits;
}

const char *statuswissel_automatisch(const struct statuswissel_rij *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].naar && flow_role_from_name(rows[i].rol ? rows[i].rol : "") == FLOW_ROLE_AUTOMATISCH)
			return rows[i].naar;
	return NULL;
}
