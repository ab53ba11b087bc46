/* action.c — the action table and key lookup; see action.h. */
#include "tui/action.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <wctype.h>

/* Table order is the order of the key bar and of the help screen. */
const struct action action_table[] = {
	{ ACT_QUIT, "afsluiten", "Afsluiten", "Sluit balie af",
	  CTX_GLOBAL, { 'q', TK(KEY_F(10)) }, ACTION_BAR },

	{ ACT_LOGIN, "aanmelden", "Aanmelden", "Meldt je aan met de ingevulde gegevens",
	  CTX_LOGIN, { TK_ENTER }, ACTION_BAR },
	{ ACT_FIELD_NEXT, "volgend-veld", "Volgend veld", "Naar het volgende veld",
	  CTX_LOGIN, { TK_TAB, TK(KEY_DOWN) }, ACTION_BAR },
	{ ACT_FIELD_PREV, "vorig-veld", "Vorig veld", "Naar het vorige veld",
	  CTX_LOGIN, { TK(KEY_BTAB), TK(KEY_UP) }, 0 },
	{ ACT_CLEAR, "veld-wissen", "Wissen",
	  "Wist het veld (leeg codeveld: terug)",
	  CTX_LOGIN, { TK_ESC }, ACTION_BAR },

	{ ACT_RETRY, "opnieuw-verbinden", "Opnieuw proberen",
	  "Maakt opnieuw verbinding met de database",
	  CTX_OFFLINE, { 'R', 'r', TK(KEY_F(5)) }, ACTION_BAR },

	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de aantallen opnieuw op",
	  CTX_HOME, { 'r', TK(KEY_F(5)) }, ACTION_BAR },
	{ ACT_LOCK, "vergrendelen", "Vergrendelen",
	  "Scherm op slot; terug met je wachtwoord",
	  CTX_HOME, { 'L' }, ACTION_BAR },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HOME, { TK(KEY_UP) }, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HOME, { TK(KEY_DOWN) }, 0 },

	{ ACT_UNLOCK, "ontgrendelen", "Ontgrendelen", "Controleert je wachtwoord en ontgrendelt",
	  CTX_LOCK, { TK_ENTER }, ACTION_BAR },
	{ ACT_CLEAR, "veld-wissen", "Wissen", "Wist het wachtwoordveld",
	  CTX_LOCK, { TK_ESC }, ACTION_BAR },

	{ ACT_CLOSE, "help-sluiten", "Sluiten", "Sluit de help",
	  CTX_HELP, { TK_ESC, 'q', '?', TK(KEY_F(1)) }, ACTION_BAR },
	{ ACT_RUN, "actie-uitvoeren", "Uitvoeren", "Voert de gekozen actie uit",
	  CTX_HELP, { TK_ENTER }, ACTION_BAR },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HELP, { TK(KEY_UP), 'k' }, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HELP, { TK(KEY_DOWN), 'j' }, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_HELP, { TK(KEY_PPAGE) }, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_HELP, { TK(KEY_NPAGE), ' ' }, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste regel",
	  CTX_HELP, { TK(KEY_HOME), 'g' }, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste regel",
	  CTX_HELP, { TK(KEY_END), 'G' }, 0 },

	/* --- werkvoorraad (pane_queue.c): CTX_QUEUE rows go here --- */

	/* --- hulpvraag (pane_hulpvraag.c): CTX_HULPVRAAG rows go here --- */

	/* --- dialogs (tui/dialog.c): CTX_DIALOG rows go here --- */

	{ ACT_HELP, "help", "Help", "Toont de toetsen van dit scherm",
	  CTX_GLOBAL, { '?', TK(KEY_F(1)) }, ACTION_BAR },
	{ ACT_REDRAW, "scherm-herschrijven", "Herschrijven", "Tekent het scherm opnieuw",
	  CTX_GLOBAL, { TK_CTRL('l') }, 0 },
};

const size_t action_count = sizeof action_table / sizeof action_table[0];

static const struct {
	const char *name;
	int text_input;
} ctx_info[CTX_COUNT] = {
	[CTX_GLOBAL] = { "Overal", 0 },
	[CTX_LOGIN] = { "Aanmelden", 1 },
	[CTX_OFFLINE] = { "Geen verbinding", 0 },
	[CTX_HOME] = { "Overzicht", 0 },
	[CTX_LOCK] = { "Vergrendeld", 1 },
	[CTX_HELP] = { "Help", 0 },
	[CTX_QUEUE] = { "Werkvoorraad", 0 },
	[CTX_HULPVRAAG] = { "Hulpvraag", 0 },
	[CTX_DIALOG] = { "Dialoog", 1 },
};

const char *action_ctx_name(enum action_ctx ctx)
{
	return ctx < CTX_COUNT ? ctx_info[ctx].name : "";
}

int action_ctx_text_input(enum action_ctx ctx)
{
	return ctx < CTX_COUNT && ctx_info[ctx].text_input;
}

static int typed(int key)
{
	return key < TK_FN && key >= ' ' && key != 127 && iswprint((wint_t)key);
}

static const struct action *find_in(enum action_ctx ctx, int key)
{
	for (size_t i = 0; i < action_count; i++) {
		const struct action *a = &action_table[i];

		if (a->ctx != ctx)
			continue;
		for (int k = 0; k < ACTION_MAX_KEYS && a->keys[k]; k++)
			if (a->keys[k] == key)
				return a;
	}
	return NULL;
}

const struct action *action_for_key(enum action_ctx ctx, int key)
{
	const struct action *a;

	if (action_ctx_text_input(ctx) && typed(key))
		return NULL;
	a = find_in(ctx, key);
	return a ? a : find_in(CTX_GLOBAL, key);
}

int action_in_ctx(const struct action *a, enum action_ctx ctx)
{
	return a->ctx == ctx || a->ctx == CTX_GLOBAL;
}

int action_keys(const struct action *a, enum action_ctx ctx, int *keys, int max)
{
	int n = 0;

	if (!action_in_ctx(a, ctx))
		return 0;
	for (int k = 0; k < ACTION_MAX_KEYS && a->keys[k] && n < max; k++)
		if (action_for_key(ctx, a->keys[k]) == a)
			keys[n++] = a->keys[k];
	return n;
}

const char *action_key_name(int key, char *buf, size_t len)
{
	static const struct {
		int key;
		const char *name;
	} named[] = {
		{ TK_ENTER, "Enter" },      { TK_TAB, "Tab" },
		{ TK_ESC, "Esc" },          { TK_BACKSPACE, "Backspace" },
		{ ' ', "Spatie" },          { TK(KEY_BTAB), "Shift-Tab" },
		{ TK(KEY_UP), "↑" },        { TK(KEY_DOWN), "↓" },
		{ TK(KEY_LEFT), "←" },      { TK(KEY_RIGHT), "→" },
		{ TK(KEY_PPAGE), "PgUp" },  { TK(KEY_NPAGE), "PgDn" },
		{ TK(KEY_HOME), "Home" },   { TK(KEY_END), "End" },
		{ TK(KEY_DC), "Delete" },
	};

	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(buf, len, "%s", named[i].name);
			return buf;
		}
	if (key >= TK(KEY_F(1)) && key <= TK(KEY_F(24)))
		snprintf(buf, len, "F%d", key - TK(KEY_F(0)));
	else if (key > 0 && key < ' ')
		snprintf(buf, len, "Ctrl-%c", key + '@');
	else if (key < TK_FN) {
		char mb[8];
		int n = wctomb(mb, (wchar_t)key);

		snprintf(buf, len, "%.*s", n > 0 ? n : 1, n > 0 ? mb : "?");
	} else {
		const char *kn = keyname(key & ~TK_FN);

		snprintf(buf, len, "%s", kn ? kn : "?");
	}
	return buf;
}
