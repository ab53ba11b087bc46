/* terug.c — ask before undoing a status change; see terug.h. */
#include "tui/terug.h"

#include <stdio.h>

#include "tui/dialog.h"

int terug_vraag(struct app *a, struct pane *owner, int tag, long id, struct terug_info *tp)
{
	struct terug_info t;
	struct err e;
	char prompt[1400];

	if (db_terug_info(a->db, id, &t, &e) < 0) {
		app_message(a, 1, "Niet gelezen: %s", e.msg);
		return R_BARS;
	}
	if (!t.er_is) {
		app_message(a, 0, "Er is geen statuswijziging om terug te draaien");
		return R_BARS;
	}
	if (!t.mag) {
		app_message(a, 1, "Terugdraaien kan niet: %s", t.waarom);
		return R_BARS;
	}
	*tp = t;
	app_message_clear(a);
	snprintf(prompt, sizeof prompt,
		 "De laatste wijziging, \"%s\" → \"%s\" (%s, %s), terugdraaien?  De status wordt weer \"%s\"; "
		 "de historie houdt beide.",
		 t.van, t.naar, t.door, t.op, t.van);
	dialog_open_confirm(&owner->dlg, tag, "Statuswijziging terugdraaien", prompt, "Terugdraaien");
	return R_PAINT | R_BARS;
}
