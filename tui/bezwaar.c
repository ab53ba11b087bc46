/* bezwaar.c — the bezwaren on the tab TLV; see bezwaar.h. */
#include "tui/bezwaar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/recht.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"

static const char *const uitkomsten[] = { "gegrond", "ongegrond", "deels gegrond" };

static const struct bezwaar *open_bezwaar(const struct bezwaren *b)
{
	for (int i = 0; i < b->n; i++)
		if (!b->z[i].uitkomst[0])
			return &b->z[i];
	return NULL;
}

void bezwaren_load(struct bezwaren *b, struct app *a, long hv)
{
	struct err e;

	if (db_bezwaren(a->db, hv, b->z, &b->n, &b->vervangen, &e) < 0)
		b->n = b->vervangen = 0;
	if (!b->key[0])
		outcome_key_new(b->key);
}

int bezwaren_draw(const struct bezwaren *b, struct app *a, WINDOW *p, int y, int width)
{
	const struct screen *s = &a->scr;
	char buf[300];
	int y0 = y;

	for (int i = 0; i < b->n; i++) {
		const struct bezwaar *z = &b->z[i];
		if (z->uitkomst[0])
			snprintf(buf, sizeof buf, "Bezwaar van %s%s: %s (%s)", z->ontvangen, z->te_laat ? " (te laat)" : "",
				 z->uitkomst, z->besloten);
		else
			snprintf(buf, sizeof buf, "Bezwaar van %s%s: open (B: uitkomst)", z->ontvangen,
				 z->te_laat ? " (te laat)" : "");
		screen_put(p, y++, 1, width - 2, buf, s->attr[z->uitkomst[0] ? ST_DIM : ST_ERROR]);
	}
	if (b->vervangen) {
		snprintf(buf, sizeof buf, "%d eerdere %s na bezwaar vervangen (bewaard)", b->vervangen,
			 b->vervangen == 1 ? "versie" : "versies");
		screen_put(p, y++, 1, width - 2, buf, s->attr[ST_DIM]);
	}
	return y - y0;
}

int bezwaren_vraag(struct bezwaren *b, struct app *a, struct pane *owner)
{
	if (!recht_mag(a->session.roles, RECHT_BEZWAAR)) {
		app_message(a, 1, "Een bezwaar registreren mag jouw rol niet");
		return R_BARS;
	}
	if (open_bezwaar(b)) {
		struct dialog_item it[3];
		memset(it, 0, sizeof it);
		for (int i = 0; i < 3; i++) {
			it[i].id = i;
			snprintf(it[i].label, sizeof it[i].label, "%s", uitkomsten[i]);
		}
		dialog_open_pick(&owner->dlg, BEZWAAR_DT_UITKOMST, "Uitkomst van het bezwaar",
				 "Gegrond of deels gegrond: de beschikking krijgt een nieuwe versie, de vorige blijft bewaard.",
				 it, 3);
		return R_PAINT | R_BARS;
	}
	char vandaag[DATUM_BUFLEN];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(vandaag, sizeof vandaag, "%d-%m-%Y", &tm);
	dialog_open_line(&owner->dlg, BEZWAAR_DT_DATUM, "Bezwaar registreren",
			 "Datum van ontvangst (dd-mm-jjjj; na 6 weken na de afgifte is het te laat, maar het wordt "
			 "geregistreerd):",
			 vandaag, 0);
	return R_PAINT | R_BARS;
}

int bezwaren_bewaar(struct bezwaren *b, struct app *a, struct pane *owner, long hv)
{
	struct outcome o;
	char note[700];

	if (owner->dlg.tag == BEZWAAR_DT_DATUM) {
		char *text = dialog_text(&owner->dlg);
		db_bezwaar_registreren(a->db, hv, text ? text : "", b->key, &o);
		free(text);
		if (o.kind == OUTCOME_SAVED)
			outcome_key_new(b->key); /* the next one is another bezwaar */
	} else {
		const struct bezwaar *z = open_bezwaar(b);
		const struct dialog_item *it = dialog_selected(&owner->dlg);
		if (!z || !it)
			return R_NONE;
		db_bezwaar_beslissen(a->db, z->id, z->version, uitkomsten[it->id], &o);
	}
	if (o.kind == OUTCOME_REFUSED) { /* the reason beside what was typed; it stays */
		dialog_note(&owner->dlg, "%s", outcome_note(&o, note, sizeof note));
		return R_PAINT | R_BARS;
	}
	dialog_close(&owner->dlg);
	outcome_show(a, &o, "het bezwaar");
	bezwaren_load(b, a, hv);
	return R_PAINT | R_BARS;
}
