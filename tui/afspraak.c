/* afspraak.c — the coördinator's own appointment from the hulpvraag; see
 * afspraak.h. */
#include "tui/afspraak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/agenda.h"
#include "core/recht.h"
#include "db/hulpvraag.h"
#include "tui/app.h"
#include "tui/dialog.h"

static struct datum vandaag(void)
{
	return datum_today(time(NULL));
}

/* "di 15-12-2026 10:00–10:30" into buf. */
static const char *wanneer(const struct afspraak_tijd *t, char *buf, size_t len)
{
	char ds[DATUM_BUFLEN], x[6], y[6];

	snprintf(buf, len, "%s %s %s–%s", datum_weekday_name(datum_weekday(t->datum)), datum_format(t->datum, ds),
		 agenda_tijd_format(t->van, x), agenda_tijd_format(t->tot, y));
	return buf;
}

static void vraag_wanneer(struct afspraken *f, struct pane *owner, const struct hulpvraag *h)
{
	char prompt[600], begin[AFSPRAAK_TIJD_BUFLEN];
	struct afspraak_tijd t = f->stap == AFSPRAAK_VERPLAATSEN ? f->open.t : afspraak_voorstel(vandaag());

	snprintf(prompt, sizeof prompt,
		 "%s met %s over hulpvraag %ld.  Datum en tijd (dd-mm-jjjj uu:mm-uu:mm); de status gaat naar de "
		 "stap die de flow noemt en de aanvrager krijgt een mail met datum en tijd:",
		 f->stap == AFSPRAAK_VERPLAATSEN ? "Nieuwe tijd voor de afspraak" : "Afspraak",
		 h->coordinator[0] ? h->coordinator : "de coördinator", h->nummer);
	dialog_open_line(&owner->dlg, AFSPRAAK_DT_WANNEER,
			 f->stap == AFSPRAAK_VERPLAATSEN ? "Afspraak verplaatsen" : "Afspraak met de coördinator", prompt,
			 afspraak_tijd_format(&t, begin), 0);
}

int afspraken_vraag(struct afspraken *f, struct app *a, struct pane *owner, const struct hulpvraag *h)
{
	struct err e;
	char prompt[600], w[48];

	if (!recht_mag(a->session.roles, RECHT_AFSPRAAK_PLANNEN)) {
		app_message(a, 1, "Een afspraak met de coördinator plannen mag jouw rol niet");
		return R_BARS;
	}
	if (db_afspraak_van(a->db, h->id, &f->open, &e) < 0) {
		app_message(a, 1, "Niet gelezen: %s", e.msg);
		return R_BARS;
	}
	app_message_clear(a);
	if (!f->open.id) {
		f->stap = AFSPRAAK_PLANNEN;
		outcome_key_new(f->key);
		vraag_wanneer(f, owner, h);
		return R_PAINT | R_BARS;
	}
	struct dialog_item it[2];
	memset(it, 0, sizeof it);
	it[0].id = AFSPRAAK_VERPLAATSEN;
	snprintf(it[0].label, sizeof it[0].label, "Verplaatsen");
	snprintf(it[0].extra, sizeof it[0].extra, "andere datum of tijd; de aanvrager krijgt een mail");
	it[1].id = AFSPRAAK_ANNULEREN;
	snprintf(it[1].label, sizeof it[1].label, "Annuleren");
	snprintf(it[1].extra, sizeof it[1].extra, "met reden; de hulpvraag wacht op een nieuwe afspraak");
	snprintf(prompt, sizeof prompt, "Hulpvraag %ld heeft een afspraak: %s %s%s%s met %s.", h->nummer,
		 f->open.commissie, wanneer(&f->open.t, w, sizeof w), f->open.locatie[0] ? ", " : "", f->open.locatie,
		 f->open.coordinator[0] ? f->open.coordinator : "de coördinator");
	dialog_open_pick(&owner->dlg, AFSPRAAK_DT_KEUZE, "Afspraak", prompt, it, 2);
	return R_PAINT | R_BARS;
}

int afspraken_dialog_ok(struct afspraken *f, struct app *a, struct pane *owner, const struct hulpvraag *h,
			int *bewaren)
{
	const struct dialog_item *it;
	char *text = NULL, prompt[400];
	struct err e;

	*bewaren = 0;
	switch (owner->dlg.tag) {
	case AFSPRAAK_DT_KEUZE:
		if (!(it = dialog_selected(&owner->dlg)))
			return R_PAINT;
		f->stap = (enum afspraak_stap)it->id;
		if (f->stap == AFSPRAAK_VERPLAATSEN) {
			vraag_wanneer(f, owner, h);
		} else {
			snprintf(prompt, sizeof prompt, "Waarom gaat de afspraak niet door? (verplicht; blijft bewaard, "
							"de aanvrager krijgt alleen bericht dat ze vervalt)");
			dialog_open_line(&owner->dlg, AFSPRAAK_DT_REDEN, "Afspraak annuleren", prompt, "", 0);
		}
		return R_PAINT | R_BARS;
	case AFSPRAAK_DT_WANNEER:
		text = dialog_text(&owner->dlg);
		if (!text)
			return R_PAINT;
		if (afspraak_tijd_parse(text, vandaag(), &f->t, &e) < 0) {
			dialog_note(&owner->dlg, "%s", e.msg);
			free(text);
			return R_PAINT;
		}
		free(text);
		dialog_open_line(&owner->dlg, AFSPRAAK_DT_WAAR, "Waar",
				 "Plaats of telefoonnummer (leeg: de coördinator belt).  Enter: bewaren",
				 f->stap == AFSPRAAK_VERPLAATSEN ? f->open.locatie : "telefonisch", 0);
		return R_PAINT | R_BARS;
	case AFSPRAAK_DT_WAAR:
	case AFSPRAAK_DT_REDEN:
		text = dialog_text(&owner->dlg);
		if (!text)
			return R_PAINT;
		if (owner->dlg.tag == AFSPRAAK_DT_REDEN && !text[strspn(text, " ")]) {
			dialog_note(&owner->dlg, "Een reden is verplicht.");
			free(text);
			return R_PAINT;
		}
		snprintf(owner->dlg.tag == AFSPRAAK_DT_WAAR ? f->waar : f->reden,
			 owner->dlg.tag == AFSPRAAK_DT_WAAR ? sizeof f->waar : sizeof f->reden, "%s", text);
		free(text);
		*bewaren = 1;
		return R_NONE;
	}
	return R_PAINT;
}

enum outcome_kind afspraken_bewaar(struct afspraken *f, struct app *a, const struct hulpvraag *h, struct outcome *o)
{
	char *subject = NULL, *body = NULL, warn[300] = "";
	int rc;

	outcome_clear(o);
	rc = f->stap == AFSPRAAK_ANNULEREN ? afspraak_mail_vervalt(h->nummer, &f->open.t, &subject, &body)
					   : afspraak_mail_gepland(h->nummer, &f->t, f->waar,
								   f->stap == AFSPRAAK_VERPLAATSEN, &subject, &body);
	if (rc < 0)
		return outcome_set(o, OUTCOME_ERROR, "geen geheugen");
	switch (f->stap) {
	case AFSPRAAK_PLANNEN:
		db_afspraak_plannen(a->db, h->id, h->version, &f->t, f->waar, subject, body, f->key, o, warn, sizeof warn);
		break;
	case AFSPRAAK_VERPLAATSEN:
		db_afspraak_verplaatsen(a->db, f->open.id, f->open.version, &f->t, f->waar, subject, body, o, warn,
					sizeof warn);
		break;
	case AFSPRAAK_ANNULEREN:
		db_afspraak_annuleren(a->db, f->open.id, f->open.version, f->reden, subject, body, o);
		break;
	}
	free(subject);
	free(body);
	if (o->kind == OUTCOME_SAVED && warn[0]) { /* first: the message line is cut at its end */
		char was[sizeof o->err.msg];

		memcpy(was, o->err.msg, sizeof was);
		outcome_set(o, OUTCOME_SAVED, "%s — %.300s", warn, was);
	}
	return o->kind;
}
