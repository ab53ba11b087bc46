/* behandelaar.h — the behandelaars of a beschikking, shared by the Aanpak
 * tab (021: external deskundigen, access while the aanpak runs) and the TLV
 * tab (031, 004 §4.6 "het veld Behandelaar van de TLV": the receiving
 * school's account, access until the TLV's einddatum): the line that names
 * them, the pick list (h) in the owner's dialog, and the choice saved.
 * Each choice is its own short transaction in the database (audited, a mail
 * without the pupil's name). */
#ifndef BALIE_TUI_BEHANDELAAR_H
#define BALIE_TUI_BEHANDELAAR_H

#include <curses.h>

#include "db/aanpak.h"

struct app;
struct pane;

/* The dialog tag of the pick list in its owner's dialog. */
enum { BEHANDELAAR_DT = 103 };

struct behandelaars {
	int tlv;                                    /* 1: of the TLV beschikking; 0: of the aanpak */
	struct aanpak_behandelaar beh[AANPAK_MAX_BEHANDELAARS]; /* who can be, and who is */
	int n;
};

/* Reads who can be and who is behandelaar of hulpvraag_id (none on error). */
void behandelaars_load(struct behandelaars *b, struct app *a, long hulpvraag_id, int tlv);

/* "Behandelaar: Naam (t/m 31-07-2027), …" at row y when there is one;
 * returns the rows used. */
int behandelaars_draw(const struct behandelaars *b, struct app *a, WINDOW *p, int y, int width);

/* h: opens the pick list in owner's dialog (saved: the beschikking exists,
 * else a message what to do first).  Returns reaction flags. */
int behandelaars_kies(struct behandelaars *b, struct app *a, struct pane *owner, int saved);

/* The pick list was confirmed (a job of the owner): makes the chosen
 * account a behandelaar, or no longer one, and reads the list again. */
int behandelaars_bewaar(struct behandelaars *b, struct app *a, struct pane *owner, long hulpvraag_id);

#endif
