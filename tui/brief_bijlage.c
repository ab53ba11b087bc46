/* brief_bijlage.c — a beschikking letter as bijlage; see brief_bijlage.h. */
#include "tui/brief_bijlage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/datum.h"
#include "core/naam.h"
#include "db/bijlage.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/outcome.h"
#include "tui/paths.h"

#define BRIEF_MAX_VELDEN 40

int brief_bijlage_maak(struct app *a, const struct hulpvraag *h, const char *sjabloon, const char *soort,
		       const char *nummer, const struct brief_veld *eigen, size_t neigen)
{
	char rel[200], path[4096], leerling[400], vandaag[DATUM_BUFLEN], naam[160], key[OUTCOME_KEY_LEN];
	char *tpl = NULL, *src = NULL;
	unsigned char *pdf = NULL;
	size_t len = 0, n = 0;
	struct err e;
	struct outcome o;
	struct bijlage_toegevoegd added;
	struct brief_veld v[BRIEF_MAX_VELDEN];

	struct naam nm = { h->roepnaam, h->tussenvoegsel, h->achternaam };
	naam_format_full(leerling, sizeof leerling, &nm);
	datum_format(datum_today(time(NULL)), vandaag);
	const struct brief_veld gemeen[] = {
		{ "organisatie", h->organisatie }, { "datum", vandaag },  { "leerling", leerling },
		{ "geboortedatum", h->geboortedatum }, { "school", h->school }, { "brin", h->brin },
	};
	for (size_t i = 0; i < sizeof gemeen / sizeof *gemeen; i++)
		v[n++] = gemeen[i];
	for (size_t i = 0; i < neigen && n < BRIEF_MAX_VELDEN; i++)
		v[n++] = eigen[i];
	snprintf(rel, sizeof rel, "forms/%s/%s", h->profiel, sjabloon);
	paths_data(path, sizeof path, rel);
	if (brief_template_read(path, &tpl, &e) < 0 || brief_render(tpl, v, n, &src, &e) < 0 ||
	    brief_pdf(src, &pdf, &len, &e) < 0) {
		app_message(a, 1, "Brief niet gemaakt: %s", e.msg);
		goto out;
	}
	/* the name says what it is, never whose (names of bijlagen are seen
	 * by everyone who sees the hulpvraag) */
	snprintf(naam, sizeof naam, "Beschikking %s %s.pdf", soort, nummer);
	for (char *c = naam; *c; c++)
		if (*c == '/')
			*c = '-';
	outcome_key_new(key); /* one press, one letter: a repeat after a lost COMMIT finds it */
	/* the SWV's own letter, not a document of the school: the status stays
	 * (no "documenten aangevuld" for it) */
	struct bijlage_nieuw nb = { h->id, naam, "beschikking", pdf, len, key, 1 };
	if (bijlage_add(a->db, &nb, paths_datadir(), &added, &o) == OUTCOME_SAVED)
		app_message(a, 0, "Brief bewaard als bijlage \"%s\" (b: bijlagen; een eerdere brief is vervangen)", naam);
	else
		outcome_show(a, &o, "de brief");
out:
	free(tpl);
	free(src);
	free(pdf);
	return R_PAINT | R_BARS;
}
