/* pane_hulpvraag.h — one hulpvraag on screen: the dossier header, the
 * fields, labels, bijlagen, statushistorie and the user's own notes, with
 * the actions on it (change status, coördinator, labels, omschrijving,
 * notes).  The queue pane opens it with Enter on a row; the home screen
 * with `o` (ask the nummer).  Esc goes back one level.
 */
#ifndef BALIE_TUI_PANE_HULPVRAAG_H
#define BALIE_TUI_PANE_HULPVRAAG_H

struct app;
struct pane;

/* A new pane for hulpvraag id; it loads itself in its first work() (it
 * sets a->work_pending; push it with app_push, which takes ownership, and
 * return R_PAINT | R_BARS).  NULL when out of memory. */
struct pane *pane_hulpvraag_new(struct app *a, long hulpvraag_id);

/* The same, opened on the tab Compleetheid (from the te-controleren list). */
struct pane *pane_hulpvraag_new_compleet(struct app *a, long hulpvraag_id);

/* The same, opened on the tab TLV (after the CT's "toelaatbaar"). */
struct pane *pane_hulpvraag_new_tlv(struct app *a, long hulpvraag_id);

/* The same pane, first asking the nummer of the hulpvraag in a dialog
 * (home screen `o`, useful on the phone); Esc there goes back. */
struct pane *pane_hulpvraag_open_nummer(struct app *a);
/* The same with the nummer given (the `:88` command line): it looks the
 * nummer up at once; when there is no such hulpvraag the dialog stays open
 * with the nummer and says so. */
struct pane *pane_hulpvraag_open_nummer_n(struct app *a, long nummer);
/* The same, opened on the tab Dossier (`:dossier 88`). */
struct pane *pane_hulpvraag_open_dossier_n(struct app *a, long nummer);

/* The intake of a new hulpvraag by hand (telephone, mail): find or create
 * the dossier, pick title, school, coördinator (tui/pane_intake.c).  NULL
 * when out of memory. */
struct pane *pane_intake_new(struct app *a);
/* The same intake for a hulpvraag about a group ("8D Kameleon") or a
 * school (schoolbudget): niveau "groep" or "school" is the default of its
 * first question; the group's or school's dossier is found or made. */
struct pane *pane_intake_new_groep(struct app *a, const char *niveau);

#endif
