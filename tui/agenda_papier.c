/* agenda_papier.c — a meeting's agenda / besluitenlijst as files; see
 * agenda_papier.h. */
#include "tui/agenda_papier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/brief.h"
#include "db/audit.h"
#include "tui/app.h"
#include "tui/pane_bijlagen.h"

/* The stuk of meeting m from its cases and members (arrays allocated into
 * *zs / *ls; the strings point into pts / leden). */
static int stuk_van(struct app *a, const struct agenda_vergadering_rij *m, const struct agenda_punt_rij *pts, int n,
		    const struct agenda_lid_rij *leden, int nl, struct agenda_stuk *s, struct agenda_stuk_zaak **zs,
		    struct agenda_stuk_lid **ls)
{
	struct agenda_capaciteit cap = { m->zaken, m->minuten_per_zaak };

	*zs = calloc((size_t)n + 1, sizeof **zs);
	*ls = calloc((size_t)nl + 1, sizeof **ls);
	if (!*zs || !*ls)
		return -1;
	for (int i = 0; i < n; i++) {
		struct agenda_stuk_zaak *z = &(*zs)[i];

		z->nummer = pts[i].nummer;
		z->initialen = pts[i].initialen;
		z->aanvraagtype = pts[i].aanvraagtype;
		z->open = pts[i].open;
		z->uitkomst = pts[i].uitkomst;
		z->notitie = pts[i].notitie;
		if (z->open)
			agenda_slot(&cap, m->start, m->eind, pts[i].volgorde, &z->van, &z->tot);
	}
	for (int i = 0; i < nl; i++) {
		(*ls)[i].naam = leden[i].naam;
		(*ls)[i].rol = leden[i].rol;
	}
	*s = (struct agenda_stuk){ a->session.organisatie_naam, m->commissie, m->datum, m->start, m->eind, m->locatie,
				   m->link, m->geannuleerd, *ls, (size_t)nl, *zs, (size_t)n };
	return 0;
}

int agenda_papier_maak(struct app *a, const struct agenda_vergadering_rij *m, enum agenda_stuk_soort soort,
		       const char *dir, char *path, size_t len, struct err *e)
{
	struct agenda_punt_rij *pts = NULL;
	struct agenda_lid_rij *leden = NULL;
	struct agenda_stuk_zaak *zs = NULL;
	struct agenda_stuk_lid *ls = NULL;
	struct agenda_stuk s;
	char naam[160], txt[4200], *tekst = NULL, *src = NULL;
	unsigned char *pdf = NULL;
	size_t pdflen = 0;
	int n = 0, nl = 0, rc = -1;

	err_clear(e);
	if (db_agenda_punten(a->db, m->id, &pts, &n, e) < 0 || db_agenda_leden(a->db, m->id, &leden, &nl, e) < 0)
		goto out;
	if (stuk_van(a, m, pts, n, leden, nl, &s, &zs, &ls) < 0 || agenda_stuk_tekst(&s, soort, &tekst) < 0 ||
	    agenda_stuk_troff(&s, soort, &src) < 0) {
		err_set(e, "geen geheugen");
		goto out;
	}
	if (brief_pdf(src, &pdf, &pdflen, e) < 0)
		goto out;
	agenda_stuk_naam(&s, soort, naam, sizeof naam);
	snprintf(path, len, "%s/%s.pdf", dir, naam);
	snprintf(txt, sizeof txt, "%s/%s.txt", dir, naam);
	if (bijlagen_schrijf(path, pdf, pdflen, e) < 0)
		goto out;
	if (bijlagen_schrijf(txt, (const unsigned char *)tekst, strlen(tekst), e) < 0) {
		unlink(path);
		goto out;
	}
	/* printing pupil data (initials, numbers) is audited: which meeting, never content */
	if (audit_write(a->db, a->session.account_id, a->session.organisatie_id, "afdrukken", "vergadering", m->id,
			soort == AGENDA_STUK_AGENDA ? "agenda pdf en tekst" : "besluitenlijst pdf en tekst", e) < 0) {
		unlink(path);
		unlink(txt);
		goto out;
	}
	rc = 0;
out:
	free(pts);
	free(leden);
	free(zs);
	free(ls);
	free(tekst);
	free(src);
	free(pdf);
	return rc;
}
