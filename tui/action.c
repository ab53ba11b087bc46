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
	{ ACT_Q_WERKVOORRAAD, "werkvoorraad", "Werkvoorraad",
	  "Opent de werkvoorraad (Enter: op de gekozen statuscategorie)",
	  CTX_HOME, { 'w' }, ACTION_BAR },
	{ ACT_Q_OPEN, "werkvoorraad-openen", "Openen",
	  "Links: toont de hulpvragen van de gekozen status; rechts: opent de hulpvraag",
	  CTX_HOME, { TK_ENTER }, 0 },
	{ ACT_Q_OPEN, "werkvoorraad-openen", "Openen",
	  "Links: toont de hulpvragen van de gekozen status; rechts: opent de hulpvraag",
	  CTX_QUEUE, { TK_ENTER }, ACTION_BAR },
	{ ACT_Q_BACK, "terug", "Terug",
	  "Wist het filter, gaat naar de statusboom of terug naar het overzicht (sluit nooit af)",
	  CTX_QUEUE, { TK_ESC }, ACTION_BAR },
	{ ACT_Q_FOCUS, "paneel-wisselen", "Boom/lijst", "Wisselt tussen de statusboom en de lijst",
	  CTX_QUEUE, { TK_TAB, TK(KEY_BTAB) }, ACTION_BAR },
	{ ACT_Q_FILTER, "filteren", "Filter",
	  "Filtert: woorden (naam, nummer, school, BRIN), veld:waarde, !uitsluiten",
	  CTX_QUEUE, { '\\', TK(KEY_F(4)) }, ACTION_BAR },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in de geladen rijen",
	  CTX_QUEUE, { '/' }, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer van de zoekopdracht",
	  CTX_QUEUE, { 'n' }, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer van de zoekopdracht",
	  CTX_QUEUE, { 'N' }, 0 },
	{ ACT_Q_SORT, "sorteren", "Sorteren", "Sorteert op de volgende kolom",
	  CTX_QUEUE, { 's' }, ACTION_BAR },
	{ ACT_Q_SORT_REVERSE, "sortering-omkeren", "Omkeren", "Keert de sorteervolgorde om",
	  CTX_QUEUE, { 'S' }, 0 },
	{ ACT_Q_MARK, "markeren", "Markeren", "Markeert de hulpvraag (of haalt de markering weg)",
	  CTX_QUEUE, { ' ' }, ACTION_BAR },
	{ ACT_Q_MARK_ALL, "alles-markeren", "Alles markeren", "Markeert alle geladen rijen van de lijst",
	  CTX_QUEUE, { 'a' }, 0 },
	{ ACT_Q_UNMARK, "markeringen-wissen", "Markeringen wissen", "Haalt alle markeringen weg",
	  CTX_QUEUE, { 'u' }, 0 },
	{ ACT_Q_BULK, "bulkactie", "Bulk",
	  "Coördinator, label of status van de gemarkeerde hulpvragen (anders de huidige) wijzigen",
	  CTX_QUEUE, { 'b', TK(KEY_F(6)) }, ACTION_BAR },
	{ ACT_Q_FILTER_SAVE, "filter-bewaren", "Filter bewaren",
	  "Bewaart filter en sortering onder een naam in de statusboom",
	  CTX_QUEUE, { 'B' }, 0 },
	{ ACT_Q_FILTER_DELETE, "filter-verwijderen", "Filter verwijderen",
	  "Verwijdert het gekozen bewaarde filter (vraagt eerst)",
	  CTX_QUEUE, { 'D' }, ACTION_DESTRUCTIVE },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt aantallen en rijen opnieuw op",
	  CTX_QUEUE, { 'r', TK(KEY_F(5)) }, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_QUEUE, { TK(KEY_UP), 'k' }, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_QUEUE, { TK(KEY_DOWN), 'j' }, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_QUEUE, { TK(KEY_PPAGE) }, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_QUEUE, { TK(KEY_NPAGE) }, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste hulpvraag",
	  CTX_QUEUE, { TK(KEY_HOME), 'g' }, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste hulpvraag",
	  CTX_QUEUE, { TK(KEY_END), 'G' }, 0 },

	/* --- hulpvraag (pane_hulpvraag.c): CTX_HULPVRAAG rows go here --- */
	{ ACT_HV_OPEN, "hulpvraag-openen", "Hulpvraag openen",
	  "Opent een hulpvraag op nummer (bijvoorbeeld tijdens een telefoongesprek)",
	  CTX_HOME, { 'o' }, ACTION_BAR },
	{ ACT_HV_INTAKE, "nieuwe-hulpvraag", "Nieuwe hulpvraag",
	  "Voert een hulpvraag in die per telefoon of mail binnenkwam",
	  CTX_HOME, { 'n' }, ACTION_BAR },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_HULPVRAAG, { TK_ESC }, ACTION_BAR },
	{ ACT_HV_STATUS, "status-wijzigen", "Status",
	  "Wijzigt de status (alleen de overgangen die jouw rol mag maken), met reden",
	  CTX_HULPVRAAG, { 's' }, ACTION_BAR },
	{ ACT_HV_COORDINATOR, "coordinator-kiezen", "Coördinator",
	  "Kiest de coördinator van deze hulpvraag",
	  CTX_HULPVRAAG, { 'c' }, ACTION_BAR },
	{ ACT_HV_OMSCHRIJVING, "omschrijving-bewerken", "Omschrijving",
	  "Bewerkt de omschrijving van de hulpvraag",
	  CTX_HULPVRAAG, { 'e' }, ACTION_BAR },
	{ ACT_HV_NOTITIE, "notitie-bewerken", "Notitie",
	  "Bewerkt je eigen notitie bij deze hulpvraag (alleen jij ziet die)",
	  CTX_HULPVRAAG, { 'm' }, ACTION_BAR },
	{ ACT_HV_LABEL_ADD, "label-toevoegen", "Label+",
	  "Voegt een label toe (een bestaand of een nieuw)",
	  CTX_HULPVRAAG, { 'l' }, ACTION_BAR },
	{ ACT_HV_LABEL_REMOVE, "label-verwijderen", "Label-",
	  "Haalt een label van deze hulpvraag af (vraagt eerst)",
	  CTX_HULPVRAAG, { 'x' }, ACTION_DESTRUCTIVE },
	{ ACT_HV_TAB_NEXT, "volgend-tabblad", "Tabblad",
	  "Naar het volgende tabblad (Hulpvraag, Statushistorie, Bijlagen, Mijn notities)",
	  CTX_HULPVRAAG, { TK_TAB, TK(KEY_RIGHT) }, ACTION_BAR },
	{ ACT_HV_TAB_PREV, "vorig-tabblad", "Vorig tabblad", "Naar het vorige tabblad",
	  CTX_HULPVRAAG, { TK(KEY_BTAB), TK(KEY_LEFT) }, 0 },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de hulpvraag opnieuw op",
	  CTX_HULPVRAAG, { 'r', TK(KEY_F(5)) }, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HULPVRAAG, { TK(KEY_UP), 'k' }, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HULPVRAAG, { TK(KEY_DOWN), 'j' }, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_HULPVRAAG, { TK(KEY_PPAGE) }, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_HULPVRAAG, { TK(KEY_NPAGE), ' ' }, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar het begin van het tabblad",
	  CTX_HULPVRAAG, { TK(KEY_HOME), 'g' }, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar het einde van het tabblad",
	  CTX_HULPVRAAG, { TK(KEY_END), 'G' }, 0 },

	/* --- dialogs (tui/dialog.c): CTX_DIALOG rows go here --- */
	{ ACT_DLG_OK, "dialoog-ok", "OK",
	  "Bevestigt de dialoog (in een tekst met meerdere regels: F2 of Ctrl-D; Enter is daar een nieuwe regel)",
	  CTX_DIALOG, { TK(KEY_F(2)), TK_ENTER, TK_CTRL('d') }, ACTION_BAR },
	{ ACT_DLG_CANCEL, "dialoog-annuleren", "Annuleren", "Sluit de dialoog zonder iets te doen",
	  CTX_DIALOG, { TK_ESC }, ACTION_BAR },

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
