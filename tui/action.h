/* action.h — the action table of the interactive program.
 *
 * Every thing a person can do with a key is one row: a stable kebab-case
 * name, a Dutch label and help line, the context it belongs to, its default
 * keys and flags.  The key bar at the bottom, the `?` help screen and (in a
 * later issue) the keymap files and balie-keymap(5) are generated from this
 * table, so they cannot drift apart.
 *
 * Invariants: a key is bound at most once per context; an action of the
 * global context works everywhere unless the current context binds the same
 * key to something else (the context wins).
 *
 * Keys are ints ("tkeys"): a Unicode code point for a typed character, or
 * TK(KEY_xxx) for a curses function key, so the two ranges never collide.
 */
#ifndef BALIE_TUI_ACTION_H
#define BALIE_TUI_ACTION_H

#include <stddef.h>
#include <stdio.h>

#include "core/keymap.h"
#include "core/recht.h"

#define TK_FN 0x1000000                /* above every Unicode code point */
#define TK(k) (TK_FN | (k))            /* a curses KEY_* code as a tkey */
#define TK_CTRL(c) ((c) & 0x1f)        /* TK_CTRL('l') */
#define TK_ESC 27
#define TK_ENTER '\n'                  /* \r and KEY_ENTER are folded into this */
#define TK_TAB '\t'
#define TK_BACKSPACE 127               /* KEY_BACKSPACE and ^H are folded into this */

/* Where an action applies.  The screen in front (a pane) says which
 * context it is in; CTX_GLOBAL actions apply in every context. */
enum action_ctx {
	CTX_GLOBAL,
	CTX_LOGIN,   /* login form (text input) */
	CTX_OFFLINE, /* login screen while the database cannot be reached */
	CTX_HOME,    /* home screen */
	CTX_LOCK,    /* idle lock (text input) */
	CTX_HELP,    /* the help screen */
	CTX_QUEUE,   /* the werkvoorraad: status tree + hulpvraag list (pane_queue.c) */
	CTX_HULPVRAAG, /* one hulpvraag (pane_hulpvraag.c) */
	CTX_DIALOG,  /* a modal dialog with text input (reden, filter, …) */
	CTX_BIJLAGEN, /* the bijlagen of a hulpvraag (pane_bijlagen.c) */
	CTX_BESTAND, /* the file picker (pane_bestand.c) */
	CTX_VIEWER,  /* the text of one bijlage (pane_viewer.c) */
	CTX_CONTROLE, /* the "te controleren" list (pane_controle.c) */
	CTX_FORMULIER, /* filling in a form (pane_formulier.c; text input) */
	CTX_TOTP,    /* setting up tweestapsverificatie (pane_totp.c; text input) */
	CTX_VERWERKEN, /* the financial queue "Te verwerken" (pane_verwerken.c) */
	CTX_AGENDA,  /* the commission agenda (pane_agenda.c) */
	CTX_VERGADERING, /* a new meeting or series (pane_agenda.c; text input) */
	CTX_DOSSIER, /* one dossier kept up (pane_dossier.c) */
	CTX_LOOPTIJD, /* "Verloopt binnenkort" and "Te evalueren" (pane_looptijd.c) */
	CTX_KENGETALLEN, /* the kengetallen of a school year (pane_kengetal.c) */
	CTX_POST,    /* the post list of balie mail-in (pane_post.c) */
	CTX_COUNT
};

enum action_id {
	ACT_NONE = 0,
	ACT_QUIT,
	ACT_HELP,
	ACT_REDRAW,
	ACT_FIELD_NEXT,
	ACT_FIELD_PREV,
	ACT_LOGIN,
	ACT_CLEAR,
	ACT_RETRY,
	ACT_RELOAD,
	ACT_LOCK,
	ACT_UNLOCK,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_CLOSE,
	ACT_RUN,
	/* --- werkvoorraad (pane_queue.c) --- */
	ACT_Q_WERKVOORRAAD, /* home: open the werkvoorraad */
	ACT_Q_OPEN,         /* tree: show the node; list: open the hulpvraag */
	ACT_Q_BACK,
	ACT_Q_FOCUS,
	ACT_Q_FILTER,
	ACT_Q_SEARCH,
	ACT_Q_HIT_NEXT,
	ACT_Q_HIT_PREV,
	ACT_Q_SORT,
	ACT_Q_SORT_REVERSE,
	ACT_Q_MARK,
	ACT_Q_MARK_ALL,
	ACT_Q_UNMARK,
	ACT_Q_BULK,
	ACT_Q_FILTER_SAVE,
	ACT_Q_FILTER_DELETE,
	/* --- hulpvraag (pane_hulpvraag.c) --- */
	ACT_HV_STATUS,
	ACT_HV_COORDINATOR,
	ACT_HV_LABEL_ADD,
	ACT_HV_LABEL_REMOVE,
	ACT_HV_OMSCHRIJVING,
	ACT_HV_NOTITIE,
	ACT_HV_TAB_NEXT,
	ACT_HV_TAB_PREV,
	ACT_HV_OPEN,   /* home: open a hulpvraag by nummer */
	ACT_HV_INTAKE, /* home: new hulpvraag by hand */
	/* --- bijlagen (pane_bijlagen.c, pane_bestand.c, pane_viewer.c) --- */
	ACT_HV_BIJLAGEN, /* hulpvraag: the interactive bijlagen list */
	ACT_BL_ADD,
	ACT_BL_VIEW,
	ACT_BL_EXPORT,
	ACT_BL_REMOVE,
	ACT_BS_CHOOSE,   /* picker: descend into a map or choose the file */
	ACT_BS_PARENT,
	/* --- completeness (pane_controle.c, the hulpvraag's Compleetheid tab) --- */
	ACT_HV_AANVULLING, /* hulpvraag and te controleren: ask the aanvrager for what is missing */
	ACT_TC_LIJST,      /* home: open the te-controleren list */
	ACT_TC_OPEN,       /* te controleren: open the hulpvraag */
	ACT_HV_FORM_OPEN, /* hulpvraag, tab Formulieren: open the chosen form */
	ACT_HV_FORM_ADD,  /* hulpvraag: add a form from the organisation's list */
	ACT_FORM_SAVE,    /* form pane: save (a draft when incomplete) */
	ACT_FORM_CHOOSE,  /* form pane: pick list / text editor of the current field */
	ACT_TOTP_INSTELLEN, /* home: set up tweestapsverificatie (pane_totp.c) */
	ACT_TOTP_VERDER,    /* totp pane: check the password / the code */
	ACT_HV_TLV_VELD,  /* hulpvraag, tab TLV: edit the chosen field of the TLV beschikking */
	ACT_HV_TLV_BEWAREN, /* hulpvraag, tab TLV: save the TLV beschikking */
	ACT_HV_BRIEF,     /* hulpvraag, tab TLV: the beschikking letter as PDF bijlage */
	ACT_TV_LIJST,     /* home: open "Te verwerken" */
	/* --- agenda (pane_agenda.c) --- */
	ACT_AG_AGENDA,    /* home: open the agenda */
	ACT_AG_OPEN,      /* meetings: its cases; te plannen: plan the hulpvraag; cases: open the hulpvraag */
	ACT_AG_TEPLANNEN, /* the hulpvragen ready for the selected meeting's commissie */
	ACT_AG_UITKOMST,  /* cases: record the outcome of the selected agendapunt */
	ACT_AG_BESLUITENLIJST, /* cases: the outcome of every open case, one after the other */
	ACT_AG_ONTPLANNEN, /* cases: take the case off the meeting (with a reason) */
	ACT_AG_VERPLAATSEN, /* cases: move the case to another meeting of the commissie */
	ACT_AG_EERDER,     /* cases: one place earlier */
	ACT_AG_LATER,      /* cases: one place later */
	ACT_AG_ANNULEREN, /* meetings: cancel the selected meeting */
	ACT_AG_NIEUW,     /* meetings: a new meeting (or series) */
	ACT_AG_WIJZIGEN,  /* meetings: edit the selected meeting */
	ACT_AG_MAAND,     /* meetings: the month grid, and back to the list */
	ACT_AG_VERSLAGEN, /* meetings: the Kans!overleggen whose gespreksverslag is overdue */
	ACT_AG_PLAN_ALLES, /* te plannen: propose a filling of the coming meetings, apply after review */
	ACT_AG_BEWAREN,   /* new meeting: check the fields and save */
	ACT_AG_AFDRUKKEN, /* meetings/cases: the agenda (or, after it, the besluitenlijst) as PDF and text */
	ACT_AG_LEDEN,     /* meetings/cases: the members of the meeting */
	ACT_AG_LID_ERBIJ, /* members: put an account on the meeting with a role */
	ACT_AG_LID_WEG,   /* members: take the member off the meeting */
	ACT_AG_WEEK,      /* meetings: "mijn week" (own meetings, 7 days), and back to all */
	/* --- dossier (pane_dossier.c, the hulpvraag's tab Dossier) --- */
	ACT_HV_DOSSIER,   /* hulpvraag: open the dossier */
	ACT_DS_EDIT,      /* dossier: change the line under the cursor (or open its hulpvraag) */
	ACT_DS_ADRES,
	ACT_DS_RELATIE,
	ACT_DS_SCHOOL,
	ACT_INTAKE_STOP,  /* intake: leave it with one key, from any question */
	/* --- dialogs (tui/dialog.c) --- */
	ACT_DLG_OK,
	ACT_DLG_CANCEL,
	ACT_CMDLINE, /* overal: the `:` command line (tui/cmdline.c) */
	ACT_BACK,    /* overal (q): one level back; on the home screen: quit, after a question */
	ACT_HOME_ZONDER_REACTIE, /* home: the werkvoorraad filtered on telaat:ja */
	ACT_HOME_MIJN,           /* home: Mijn werkvoorraad */
	ACT_Q_SORT_PICK,         /* werkvoorraad: pick the sort column (htop's F6) */
	ACT_HV_TERUG,            /* hulpvraag, te verwerken: undo the last status change (issue 10 §4) */
	ACT_TV_VERWERKEN,        /* te verwerken: bulk "financieel verwerkt" of the marked rows */
	ACT_LT_VERLOOPT,         /* home: open "Verloopt binnenkort" */
	ACT_LT_EVALUEREN,        /* home: open "Te evalueren" */
	ACT_LT_OP_EVALUEREN,     /* te evalueren: the marked rows (or the chosen one) to the evaluation status */
	ACT_HV_BEZWAAR,          /* hulpvraag, tab TLV: register a bezwaar, or record its outcome */
	ACT_HV_BEHANDELAAR,      /* hulpvraag, tab Aanpak: choose a behandelaar (or take one off) */
	ACT_KG_OPEN,             /* home: the kengetallen (pane_kengetal.c) */
	ACT_KG_VORIG_JAAR,       /* kengetallen: the school year before */
	ACT_KG_VOLGEND_JAAR,     /* kengetallen: the school year after */
	ACT_KG_EXPORT,           /* kengetallen: the year as CSV or XLSX file on the server */
	ACT_KG_PROGNOSE,         /* home, kengetallen: the forecast of the budgets (same pane) */
	ACT_PO_LIJST,            /* home: open the post list (pane_post.c) */
	ACT_PO_LEZEN,            /* post: read the message (audited), then maybe afgehandeld */
	ACT_PO_AFHANDELEN,       /* post: mark the message afgehandeld */
	ACT_PO_HULPVRAAG,        /* post: open the hulpvraag the message's token named */
	ACT_HV_INTAKE_GROEP,     /* home: new hulpvraag for a group or a school */
	ACT_PO_TOEVOEGEN,        /* post: file the message on a hulpvraag after all */
	ACT_DS_RELATIE_WEG,      /* dossier: take the ouder/verzorger/voogd under the cursor out */
	ACT_HV_AFSPRAAK,         /* hulpvraag: the coördinator's own appointment (plan, move, cancel) */
	ACT_AG_AFSPRAKEN,        /* agenda: te plannen of the coördinators' own appointments */
	ACT_HV_REGIEROL,         /* hulpvraag: choose its regierolhouder (003, PO2811) */
	ACT_COUNT_ /* keep last */
};

enum action_flags {
	ACTION_BAR = 1 << 0,         /* shown in the key bar */
	ACTION_DESTRUCTIVE = 1 << 1, /* asks first; never one key from a harmless action */
};

#define ACTION_MAX_KEYS 4

struct action {
	enum action_id id;
	const char *name;  /* stable, kebab-case: "vernieuwen" */
	const char *label; /* short Dutch label for the key bar: "Vernieuwen" */
	const char *help;  /* one Dutch line for the help screen */
	enum action_ctx ctx;
	unsigned flags;
	/* The business action of the rulebook (core/recht.h) this row does, as
	 * ACTION_RECHT(RECHT_…); 0 for what every logged-in role may (moving,
	 * closing, help).  A row the session's roles may not do is not in the
	 * key bar or the help, and its keys say "Dat mag jouw rol niet". */
	int recht;
};

#define ACTION_RECHT(r) ((int)(r) + 1)

extern const struct action action_table[];
extern const size_t action_count;

/* The actions the key bar of a context shows first (in this order). */
struct action_bar_rank {
	enum action_ctx ctx;
	enum action_id id;
};
extern const struct action_bar_rank action_bar_first[];
extern const size_t action_bar_nfirst;

/* The bindings in force: keymaps/default.keys (+ a variant such as
 * vi.keys) + the user's file, resolved against the action table: every
 * (context, key) once, the last statement winning. */
struct keybind_entry {
	enum action_ctx ctx;
	int key; /* tkey */
	const struct action *act;
};

struct keybind {
	struct keymap map;      /* the statements as read */
	struct keybind_entry *e; /* resolved, in statement order */
	size_t n;
};

/* Loads datadir/keymaps/default.keys, then datadir/keymaps/VARIANT.keys
 * (variant "" or "default": none), then user_file when it exists.  Every
 * error goes to report as "file:line: message"; bad lines are skipped and
 * the rest holds.  Returns the number of errors.  Free with
 * keybind_free_map(). */
int keybind_load(struct keybind *kb, const char *datadir, const char *variant, const char *user_file,
		 keymap_report_fn report, void *arg);
void keybind_free_map(struct keybind *kb);
void keybind_release(struct keybind *kb);

/* Prints the active bindings as a keymap file (balie --dump-keys). */
void keybind_dump(const struct keybind *kb, FILE *f);

/* Prints every action as "context<TAB>name<TAB>help" (balie --list-actions,
 * used to check balie-keymap(5)). */
void action_list(FILE *f);

/* The action a key runs in ctx (the context's own binding first, then the
 * global one); NULL when the key is not bound.  In a text-input context a
 * printable key is never an action: it is typed. */
const struct action *action_for_key(const struct keybind *kb, enum action_ctx ctx, int key);

/* True when a session with roles (a FLOW_ROLE_BIT set) may run the row. */
int action_allowed(const struct action *a, unsigned roles);

/* The row of action id in ctx (the context's own row first, then the
 * global one); NULL when id is not an action there. */
const struct action *action_row(enum action_ctx ctx, enum action_id id);

/* True when the action applies in ctx (its own context or global). */
int action_in_ctx(const struct action *a, enum action_ctx ctx);

/* The keys that really run a in ctx (not shadowed, not eaten by text
 * input), at most max, in keymap order.  Returns how many. */
int action_keys(const struct keybind *kb, const struct action *a, enum action_ctx ctx, int *keys, int max);

/* Context names in keymap files ("werkvoorraad") and back; -1 unknown. */
const char *action_ctx_key(enum action_ctx ctx);
int action_ctx_from_key(const char *key);

/* The row of action `name` in ctx, or NULL. */
const struct action *action_by_name(enum action_ctx ctx, const char *name);

/* A tkey as written in keymap files ("Ctrl-L", "PgDn"); returns buf. */
const char *action_keymap_name(int key, char *buf, size_t len);

/* Dutch context name ("Overzicht") and whether it takes typed text. */
const char *action_ctx_name(enum action_ctx ctx);
int action_ctx_text_input(enum action_ctx ctx);

/* Human key name: "q", "F5", "Enter", "Tab", "Shift-Tab", "Esc", "Ctrl-L",
 * "↑".  Writes into buf; returns buf. */
const char *action_key_name(int key, char *buf, size_t len);

#endif
