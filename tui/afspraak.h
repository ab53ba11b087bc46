/* afspraak.h — A on a hulpvraag: the coördinator's own appointment (a
 * telefonisch consult, 004 §2.4–2.5; a categorie 2 en 3 bespreking, §4.2).
 * Without an open appointment it asks date and time on one line (a
 * proposal filled in) and then the place or telephone number, and plans it:
 * the status moves and the aanvrager gets a mail with date and time
 * (db/afspraak.h, one transaction).  With one it offers to move it (the
 * same two questions) or cancel it (with a reason).  The dialogs are the
 * owner's; the owner runs the write as a job and reloads. */
#ifndef BALIE_TUI_AFSPRAAK_H
#define BALIE_TUI_AFSPRAAK_H

#include "db/afspraak.h"

struct app;
struct pane;
struct hulpvraag;

enum afspraak_stap { AFSPRAAK_PLANNEN, AFSPRAAK_VERPLAATSEN, AFSPRAAK_ANNULEREN };

struct afspraken {
	struct afspraak_rij open;  /* the open appointment as read when A was pressed (id 0: none) */
	enum afspraak_stap stap;
	struct afspraak_tijd t;    /* as typed */
	char waar[128];
	char reden[300];
	char key[OUTCOME_KEY_LEN]; /* of the next plan */
};

/* The owner's dialog tags (beyond the owner's and the tabs'). */
enum { AFSPRAAK_DT_KEUZE = 140, AFSPRAAK_DT_WANNEER, AFSPRAAK_DT_WAAR, AFSPRAAK_DT_REDEN };

/* A (a job of the owner: it reads the open appointment): opens the first
 * question.  Returns reactions. */
int afspraken_vraag(struct afspraken *f, struct app *a, struct pane *owner, const struct hulpvraag *h);

/* The owner's dialog AFSPRAAK_DT_* was confirmed: the next question, or a
 * note when what was typed is refused (it stays).  *bewaren becomes 1
 * when all is asked: the owner then runs afspraken_bewaar as a job. */
int afspraken_dialog_ok(struct afspraken *f, struct app *a, struct pane *owner, const struct hulpvraag *h,
			int *bewaren);

/* Writes what was asked (plan, move or cancel) into o, with the mail;
 * the double-booking warning opens o's sentence.  The owner
 * shows o and reloads. */
enum outcome_kind afspraken_bewaar(struct afspraken *f, struct app *a, const struct hulpvraag *h, struct outcome *o);

#endif
