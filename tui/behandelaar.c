/* behandelaar.c — the behandelaars of a beschikking; see behandelaar.h. */
#include "tui/behandelaar.h"

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/outcome.h"

void behandelaars_load(struct behandelaars *b, struct app *a, long hulpvraag_id, int tlv)
{
	struct err e;

	b->tlv = tlv;
	if (db_aanpak_behandelaars(a->db, hulpvraag_id, tlv, b->beh, &b->n, &e) < 0)
		b->n = 0;
}

int behandelaars_draw(const struct behandelaars *b, struct app *a, WINDOW *p, int y, int width)
{
	char buf[700] = "";

	for (int i = 0; i < b->n; i++)
		if (b->beh[i].is)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s (t/m %s)",
				 buf[0] ? ", " : "Behandelaar: ", b->beh[i].naam, b->beh[i].tot);
	return buf[0] ? screen_wrap(p, y, 1, width - 2, 2, buf, a->scr.attr[ST_DIM]) : 0;
}

int behandelaars_kies(struct behandelaars *b, struct app *a, struct pane *owner, int saved)
{
	struct dialog_item it[AANPAK_MAX_BEHANDELAARS];

	if (!saved) {
		app_message(a, 1, b->tlv ? "Eerst de TLV-beschikking met een einddatum bewaren (F2); dan kies je de behandelaar"
					 : "Eerst de aanpak bewaren (F2); dan kies je de behandelaar");
		return R_BARS;
	}
	if (!b->n) {
		app_message(a, 1, b->tlv ? "Geen school- of externe accounts in deze organisatie"
					 : "Geen externe deskundigen met een account in deze organisatie");
		return R_BARS;
	}
	memset(it, 0, sizeof it);
	for (int i = 0; i < b->n; i++) {
		it[i].id = b->beh[i].account_id;
		it[i].flag = b->beh[i].is;
		snprintf(it[i].label, sizeof it[i].label, "%s", b->beh[i].naam);
		if (b->beh[i].is)
			snprintf(it[i].extra, sizeof it[i].extra, "behandelaar t/m %s: kiezen haalt weg", b->beh[i].tot);
	}
	dialog_open_pick(&owner->dlg, BEHANDELAAR_DT, b->tlv ? "Behandelaar van de TLV" : "Behandelaar",
			 b->tlv ? "Wie krijgt toegang tot de hulpvraag tot de einddatum van de TLV? (bijvoorbeeld de "
				  "intern begeleider van de ontvangende school; een mail zonder de naam van de leerling)"
				: "Wie behandelt? (toegang tot de hulpvraag zolang de aanpak loopt, en een mail zonder de "
				  "naam van de leerling)",
			 it, b->n);
	return R_PAINT | R_BARS;
}

int behandelaars_bewaar(struct behandelaars *b, struct app *a, struct pane *owner, long hulpvraag_id)
{
	const struct dialog_item *it = dialog_selected(&owner->dlg);
	struct outcome o;

	if (!it)
		return R_NONE;
	db_aanpak_behandelaar(a->db, hulpvraag_id, b->tlv, it->id, !it->flag, &o);
	dialog_close(&owner->dlg);
	outcome_show(a, &o, "de behandelaar");
	behandelaars_load(b, a, hulpvraag_id, b->tlv);
	return R_PAINT | R_BARS;
}
