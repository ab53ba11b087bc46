/* action.c — the action table and key lookup; see action.h. */
#include "tui/action.h"

#include <curses.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>

#include "tui/field.h"

/* Table order is the order of the key bar and of the help screen.  The keys
 * are not here: they are data, in keymaps/default.keys (balie-keymap(5)). */
/* A row without ACTION_RECHT(…) leaves recht 0: every role may. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const struct action action_table[] = {
	{ ACT_QUIT, "afsluiten", "Afsluiten", "Sluit balie af",
	  CTX_GLOBAL, ACTION_BAR },

	{ ACT_LOGIN, "aanmelden", "Aanmelden", "Meldt je aan met de ingevulde gegevens",
	  CTX_LOGIN, ACTION_BAR },
	{ ACT_FIELD_NEXT, "volgend-veld", "Volgend veld", "Naar het volgende veld",
	  CTX_LOGIN, ACTION_BAR },
	{ ACT_FIELD_PREV, "vorig-veld", "Vorig veld", "Naar het vorige veld",
	  CTX_LOGIN, 0 },
	{ ACT_CLEAR, "veld-wissen", "Wissen",
	  "Wist het veld (leeg codeveld: terug)",
	  CTX_LOGIN, ACTION_BAR },

	{ ACT_RETRY, "opnieuw-verbinden", "Opnieuw proberen",
	  "Maakt opnieuw verbinding met de database",
	  CTX_OFFLINE, ACTION_BAR },

	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de aantallen opnieuw op",
	  CTX_HOME, ACTION_BAR },
	{ ACT_LOCK, "vergrendelen", "Vergrendelen",
	  "Scherm op slot; terug met je wachtwoord",
	  CTX_HOME, ACTION_BAR },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HOME, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HOME, 0 },

	{ ACT_UNLOCK, "ontgrendelen", "Ontgrendelen", "Controleert je wachtwoord en ontgrendelt",
	  CTX_LOCK, ACTION_BAR },
	{ ACT_CLEAR, "veld-wissen", "Wissen", "Wist het wachtwoordveld",
	  CTX_LOCK, ACTION_BAR },

	{ ACT_CLOSE, "help-sluiten", "Sluiten", "Sluit de help",
	  CTX_HELP, ACTION_BAR },
	{ ACT_RUN, "actie-uitvoeren", "Uitvoeren", "Voert de gekozen actie uit",
	  CTX_HELP, ACTION_BAR },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HELP, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HELP, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_HELP, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_HELP, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste regel",
	  CTX_HELP, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste regel",
	  CTX_HELP, 0 },

	/* --- werkvoorraad (pane_queue.c): CTX_QUEUE rows go here --- */
	{ ACT_Q_WERKVOORRAAD, "werkvoorraad", "Werkvoorraad",
	  "Opent de werkvoorraad (Enter: op de gekozen statuscategorie)",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_WERKVOORRAAD) },
	{ ACT_Q_OPEN, "werkvoorraad-openen", "Openen",
	  "Links: toont de hulpvragen van de gekozen status; rechts: opent de hulpvraag",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_WERKVOORRAAD) },
	{ ACT_Q_OPEN, "werkvoorraad-openen", "Openen",
	  "Links: toont de hulpvragen van de gekozen status; rechts: opent de hulpvraag",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_BACK, "terug", "Terug",
	  "Wist het filter, gaat naar de statusboom of terug naar het overzicht (sluit nooit af)",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_FOCUS, "paneel-wisselen", "Boom/lijst", "Wisselt tussen de statusboom en de lijst",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_FILTER, "filteren", "Filter",
	  "Filtert: woorden (naam, nummer, school, BRIN), veld:waarde, !uitsluiten",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in de geladen rijen",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer van de zoekopdracht",
	  CTX_QUEUE, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer van de zoekopdracht",
	  CTX_QUEUE, 0 },
	{ ACT_Q_SORT, "sorteren", "Sorteren", "Sorteert op de volgende kolom",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_SORT_REVERSE, "sortering-omkeren", "Omkeren", "Keert de sorteervolgorde om",
	  CTX_QUEUE, 0 },
	{ ACT_Q_MARK, "markeren", "Markeren", "Markeert de hulpvraag (of haalt de markering weg)",
	  CTX_QUEUE, ACTION_BAR },
	{ ACT_Q_MARK_ALL, "alles-markeren", "Alles markeren", "Markeert alle geladen rijen van de lijst",
	  CTX_QUEUE, 0 },
	{ ACT_Q_UNMARK, "markeringen-wissen", "Markeringen wissen", "Haalt alle markeringen weg",
	  CTX_QUEUE, 0 },
	{ ACT_Q_BULK, "bulkactie", "Bulk",
	  "Coördinator, label of status van de gemarkeerde hulpvragen (anders de huidige) wijzigen",
	  CTX_QUEUE, ACTION_BAR, ACTION_RECHT(RECHT_BULK) },
	{ ACT_Q_FILTER_SAVE, "filter-bewaren", "Filter bewaren",
	  "Bewaart filter en sortering onder een naam in de statusboom",
	  CTX_QUEUE, 0 },
	{ ACT_Q_FILTER_DELETE, "filter-verwijderen", "Filter verwijderen",
	  "Verwijdert het gekozen bewaarde filter (vraagt eerst)",
	  CTX_QUEUE, ACTION_DESTRUCTIVE },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt aantallen en rijen opnieuw op",
	  CTX_QUEUE, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_QUEUE, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_QUEUE, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_QUEUE, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_QUEUE, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste hulpvraag",
	  CTX_QUEUE, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste hulpvraag",
	  CTX_QUEUE, 0 },

	/* --- hulpvraag (pane_hulpvraag.c): CTX_HULPVRAAG rows go here --- */
	{ ACT_HV_OPEN, "hulpvraag-openen", "Hulpvraag",
	  "Opent een hulpvraag op nummer (bijvoorbeeld tijdens een telefoongesprek)",
	  CTX_HOME, ACTION_BAR },
	{ ACT_HV_INTAKE, "nieuwe-hulpvraag", "Nieuw",
	  "Voert een hulpvraag in die per telefoon of mail binnenkwam",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_INTAKE) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_HULPVRAAG, ACTION_BAR },
	{ ACT_HV_STATUS, "status-wijzigen", "Status",
	  "Wijzigt de status (alleen de overgangen die jouw rol mag maken), met reden",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_STATUS_WIJZIGEN) },
	{ ACT_HV_TERUG, "status-terugdraaien", "Terugdraaien",
	  "Draait de laatste statuswijziging terug: je eigen binnen 10 minuten, daarna alleen een beheerder",
	  CTX_HULPVRAAG, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_STATUS_TERUGDRAAIEN) },
	{ ACT_HV_COORDINATOR, "coordinator-kiezen", "Coördinator",
	  "Kiest de coördinator van deze hulpvraag",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_COORDINATOR_WIJZIGEN) },
	{ ACT_HV_OMSCHRIJVING, "omschrijving-bewerken", "Omschrijving",
	  "Bewerkt de omschrijving van de hulpvraag",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_OMSCHRIJVING_BEWERKEN) },
	{ ACT_HV_NOTITIE, "notitie-bewerken", "Notitie",
	  "Bewerkt je eigen notitie bij deze hulpvraag (alleen jij ziet die)",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_NOTITIE) },
	{ ACT_HV_LABEL_ADD, "label-toevoegen", "Label+",
	  "Voegt een label toe (een bestaand of een nieuw)",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_LABEL_KOPPELEN) },
	{ ACT_HV_LABEL_REMOVE, "label-verwijderen", "Label-",
	  "Haalt een label van deze hulpvraag af (vraagt eerst)",
	  CTX_HULPVRAAG, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_LABEL_KOPPELEN) },
	{ ACT_HV_TAB_NEXT, "volgend-tabblad", "Tabblad",
	  "Naar het volgende tabblad (Hulpvraag, Statushistorie, Bijlagen, Mijn notities, Formulieren, Dossier, Compleetheid)",
	  CTX_HULPVRAAG, ACTION_BAR },
	{ ACT_HV_TAB_PREV, "vorig-tabblad", "Vorig tabblad", "Naar het vorige tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de hulpvraag opnieuw op",
	  CTX_HULPVRAAG, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_HULPVRAAG, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_HULPVRAAG, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_HULPVRAAG, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_HULPVRAAG, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar het begin van het tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar het einde van het tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_HV_FORM_OPEN, "formulier-openen", "Openen",
	  "Opent het gekozen formulier (tabblad Formulieren) om het in te vullen",
	  CTX_HULPVRAAG, 0 },
	{ ACT_HV_FORM_ADD, "formulier-toevoegen", "Formulier+",
	  "Voegt een formulier toe uit de lijst van de organisatie",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_FORMULIER_TOEVOEGEN) },
	{ ACT_HV_TLV_VELD, "tlv-veld-bewerken", "TLV",
	  "Tabblad TLV of Aanpak: bewerkt het gekozen veld van de beschikking (nummer, soort of categorie, data, adviezen, bedrag)",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_BESCHIKKING_BEWERKEN) },
	{ ACT_HV_TLV_BEWAREN, "tlv-bewaren", "TLV bewaren",
	  "Tabblad TLV of Aanpak: bewaart de beschikking (balie controleert eerst elk veld)",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_BESCHIKKING_BEWERKEN) },
	/* --- the financial queue (pane_verwerken.c): CTX_VERWERKEN rows --- */
	{ ACT_TV_LIJST, "te-verwerken", "Te verwerken",
	  "Opent wat de financieel medewerker moet doen: TLV-aanvragen, afgegeven TLV's zonder beschikking, arrangementen, met bedragen",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_TE_VERWERKEN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_VERWERKEN, ACTION_BAR },
	{ ACT_TC_OPEN, "openen", "Openen", "Opent de gekozen hulpvraag",
	  CTX_VERWERKEN, ACTION_BAR },
	{ ACT_Q_MARK, "markeren", "Markeren", "Markeert de rij (of haalt de markering weg); het totaal van de gemarkeerde staat bovenaan",
	  CTX_VERWERKEN, ACTION_BAR },
	{ ACT_Q_MARK_ALL, "alles-markeren", "Alles markeren", "Markeert alle rijen (nog eens: geen)",
	  CTX_VERWERKEN, 0 },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de lijst opnieuw op",
	  CTX_VERWERKEN, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_VERWERKEN, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_VERWERKEN, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_VERWERKEN, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_VERWERKEN, 0 },
	{ ACT_TV_VERWERKEN, "financieel-verwerken", "Verwerken",
	  "Zet de gemarkeerde rijen (of de gekozen) op financieel verwerkt: alleen die door de controle komen; "
	  "eerst zegt balie naar welke status, hoeveel rijen en hoeveel mails, en welke overgeslagen worden en waarom",
	  CTX_VERWERKEN, ACTION_BAR, ACTION_RECHT(RECHT_TE_VERWERKEN) },
	{ ACT_HV_TERUG, "status-terugdraaien", "Terugdraaien",
	  "Draait de laatste statuswijziging van de gekozen hulpvraag terug: je eigen binnen 10 minuten, daarna alleen een beheerder",
	  CTX_VERWERKEN, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_STATUS_TERUGDRAAIEN) },
	/* --- the lists by end date (pane_looptijd.c): CTX_LOOPTIJD rows --- */
	{ ACT_LT_VERLOOPT, "verloopt-binnenkort", "Verloopt binnenkort",
	  "Opent de afgegeven TLV's en de aanpakken die binnen enkele maanden aflopen (verloopt_maanden in balie.conf)",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_VERLOOPT_BINNENKORT) },
	{ ACT_LT_EVALUEREN, "te-evalueren", "Te evalueren",
	  "Opent de arrangementen die binnen twee maanden aflopen en nog niet op evalueren staan (004 §3.6)",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_TE_EVALUEREN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_LOOPTIJD, ACTION_BAR },
	{ ACT_TC_OPEN, "openen", "Openen", "Opent de gekozen hulpvraag",
	  CTX_LOOPTIJD, ACTION_BAR },
	{ ACT_Q_MARK, "markeren", "Markeren", "Markeert de rij (of haalt de markering weg)",
	  CTX_LOOPTIJD, ACTION_BAR },
	{ ACT_Q_MARK_ALL, "alles-markeren", "Alles markeren", "Markeert alle rijen (nog eens: geen)",
	  CTX_LOOPTIJD, 0 },
	{ ACT_LT_OP_EVALUEREN, "op-evalueren-zetten", "Evalueren",
	  "Te evalueren: zet de gemarkeerde rijen (of de gekozen) op de evaluatiestatus, na een vraag met het aantal",
	  CTX_LOOPTIJD, ACTION_BAR, ACTION_RECHT(RECHT_TE_EVALUEREN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de lijst opnieuw op",
	  CTX_LOOPTIJD, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_LOOPTIJD, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_LOOPTIJD, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_LOOPTIJD, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_LOOPTIJD, 0 },
	{ ACT_HV_BEHANDELAAR, "behandelaar", "Behandelaar",
	  "Tabblad Aanpak of TLV: kiest een behandelaar (toegang tot de hulpvraag zolang de aanpak loopt, of tot de "
	  "einddatum van de TLV; een mail zonder de naam van de leerling), of haalt er een weg",
	  CTX_HULPVRAAG, 0, ACTION_RECHT(RECHT_AANPAK_BEWERKEN) },
	{ ACT_HV_AFSPRAAK, "afspraak-plannen", "Afspraak",
	  "Plant een afspraak met de coördinator (telefonisch consult, bespreking categorie 2 en 3) met datum en tijd: "
	  "de status gaat mee, de aanvrager krijgt een mail; met een afspraak: verplaatsen of annuleren",
	  CTX_HULPVRAAG, 0, ACTION_RECHT(RECHT_AFSPRAAK_PLANNEN) },
	{ ACT_HV_REGIEROL, "regierolhouder-kiezen", "Regierol",
	  "Kiest de regierolhouder van deze hulpvraag (Team Schoolondersteuning): die ziet alleen de hulpvragen "
	  "waarbij zij betrokken is en krijgt een mail zonder de naam van de leerling",
	  CTX_HULPVRAAG, 0, ACTION_RECHT(RECHT_REGIEROL_TOEWIJZEN) },
	{ ACT_HV_BEZWAAR, "bezwaar", "Bezwaar",
	  "Tabblad TLV: registreert een bezwaar tegen de afgegeven TLV (datum van ontvangst), of legt de uitkomst vast; "
	  "gegrond geeft een nieuwe versie van de beschikking",
	  CTX_HULPVRAAG, 0, ACTION_RECHT(RECHT_BEZWAAR) },
	/* --- the kengetallen (pane_kengetal.c): CTX_KENGETALLEN rows --- */
	{ ACT_KG_OPEN, "kengetallen", "Kengetallen",
	  "Opent de kengetallen van het schooljaar: TLV's en arrangementen per soort, schoolbestuur en school, met doorlooptijden",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_KENGETALLEN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_KENGETALLEN, ACTION_BAR },
	{ ACT_KG_VORIG_JAAR, "vorig-schooljaar", "Vorig jaar", "De kengetallen van het schooljaar ervoor",
	  CTX_KENGETALLEN, ACTION_BAR },
	{ ACT_KG_VOLGEND_JAAR, "volgend-schooljaar", "Volgend jaar", "De kengetallen van het schooljaar erna",
	  CTX_KENGETALLEN, ACTION_BAR },
	{ ACT_KG_EXPORT, "kengetallen-exporteren", "Exporteren",
	  "Schrijft de kengetallen van dit schooljaar naar een bestand (.csv, of .xlsx voor Excel) in je uitwisselmap",
	  CTX_KENGETALLEN, ACTION_BAR, ACTION_RECHT(RECHT_KENGETALLEN) },
	{ ACT_KG_PROGNOSE, "prognose", "Prognose",
	  "De prognose van de budgetten van dit schooljaar: per maand vastgelegd en verwacht (nog niet verwerkt) "
	  "tegen het budget; nog eens: terug naar de kengetallen",
	  CTX_KENGETALLEN, ACTION_BAR, ACTION_RECHT(RECHT_KENGETALLEN) },
	{ ACT_KG_PROGNOSE, "prognose", "Prognose",
	  "Opent de prognose van de budgetten van het schooljaar: per maand vastgelegd en verwacht tegen het budget",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_KENGETALLEN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de kengetallen opnieuw op",
	  CTX_KENGETALLEN, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_KENGETALLEN, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_KENGETALLEN, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_KENGETALLEN, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_KENGETALLEN, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste regel",
	  CTX_KENGETALLEN, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste regel",
	  CTX_KENGETALLEN, 0 },
	{ ACT_HV_BRIEF, "beschikking-brief", "Brief",
	  "Tabblad TLV of Aanpak: maakt de beschikkingsbrief (PDF) en bewaart hem als bijlage; een eerdere blijft, als vervangen",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_BESCHIKKING_BEWERKEN) },

	/* --- formulier (pane_formulier.c): CTX_FORMULIER rows go here --- */
	{ ACT_FORM_SAVE, "formulier-bewaren", "Bewaren",
	  "Bewaart het formulier; onvolledig blijft het een concept en balie zegt wat er nog ontbreekt",
	  CTX_FORMULIER, ACTION_BAR, ACTION_RECHT(RECHT_FORMULIER_BEWERKEN) },
	{ ACT_FIELD_NEXT, "volgend-veld", "Volgend veld", "Naar het volgende veld (controleert het veld dat je verlaat)",
	  CTX_FORMULIER, ACTION_BAR },
	{ ACT_FIELD_PREV, "vorig-veld", "Vorig veld", "Naar het vorige veld",
	  CTX_FORMULIER, 0 },
	{ ACT_FORM_CHOOSE, "keuzelijst", "Kiezen",
	  "Opent de keuzelijst (ja/nee, keuze, account) of de teksteditor (lange tekst) van het veld",
	  CTX_FORMULIER, ACTION_BAR },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar de hulpvraag (vraagt eerst bij wijzigingen die niet bewaard zijn)",
	  CTX_FORMULIER, ACTION_BAR },

	/* --- bijlagen (pane_bijlagen.c, pane_bestand.c, pane_viewer.c) --- */
	{ ACT_HV_BIJLAGEN, "bijlagen", "Bijlagen",
	  "Opent de bijlagen: toevoegen, lezen, exporteren, verwijderen",
	  CTX_HULPVRAAG, ACTION_BAR },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar de hulpvraag",
	  CTX_BIJLAGEN, ACTION_BAR },
	{ ACT_BL_VIEW, "bijlage-lezen", "Lezen",
	  "Toont de tekst van de bijlage (PDF, Word, tekst) in balie; wordt gelogd",
	  CTX_BIJLAGEN, ACTION_BAR },
	{ ACT_BL_ADD, "bijlage-toevoegen", "Toevoegen",
	  "Voegt een bestand van de server toe (kiezen in je mappen, dan de categorie)",
	  CTX_BIJLAGEN, ACTION_BAR, ACTION_RECHT(RECHT_BIJLAGE_TOEVOEGEN) },
	{ ACT_BL_EXPORT, "bijlage-exporteren", "Exporteren",
	  "Schrijft de bijlage naar een bestand op de server (overschrijft nooit); wordt gelogd",
	  CTX_BIJLAGEN, ACTION_BAR, ACTION_RECHT(RECHT_BIJLAGE_EXPORTEREN) },
	{ ACT_BL_REMOVE, "bijlage-verwijderen", "Verwijderen",
	  "Markeert de bijlage als verwijderd (vraagt eerst; blijft bewaard)",
	  CTX_BIJLAGEN, ACTION_BAR | ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_BIJLAGE_VERWIJDEREN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de bijlagen opnieuw op",
	  CTX_BIJLAGEN, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_BIJLAGEN, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_BIJLAGEN, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_BIJLAGEN, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_BIJLAGEN, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste bijlage",
	  CTX_BIJLAGEN, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste bijlage",
	  CTX_BIJLAGEN, 0 },

	{ ACT_BS_CHOOSE, "kiezen", "Kiezen", "Opent de map, of kiest het bestand als bijlage",
	  CTX_BESTAND, ACTION_BAR },
	{ ACT_BS_PARENT, "map-omhoog", "Map omhoog", "Naar de map erboven",
	  CTX_BESTAND, ACTION_BAR },
	{ ACT_CLOSE, "annuleren", "Annuleren", "Terug zonder een bestand te kiezen",
	  CTX_BESTAND, ACTION_BAR },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_BESTAND, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_BESTAND, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_BESTAND, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_BESTAND, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar het eerste bestand",
	  CTX_BESTAND, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar het laatste bestand",
	  CTX_BESTAND, 0 },

	{ ACT_CLOSE, "terug", "Terug", "Sluit de bijlage",
	  CTX_VIEWER, ACTION_BAR },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt een woord in de tekst (hoofdletters tellen niet)",
	  CTX_VIEWER, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer",
	  CTX_VIEWER, ACTION_BAR },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer",
	  CTX_VIEWER, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_VIEWER, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_VIEWER, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_VIEWER, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_VIEWER, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar het begin van de tekst",
	  CTX_VIEWER, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar het einde van de tekst",
	  CTX_VIEWER, 0 },
	/* --- completeness (pane_controle.c): CTX_CONTROLE rows go here --- */
	{ ACT_TC_LIJST, "te-controleren", "Te controleren",
	  "Opent de hulpvragen die op compleetheid gecontroleerd moeten worden, oudste eerst",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_TE_CONTROLEREN) },
	{ ACT_HV_AANVULLING, "aanvulling-vragen", "Aanvulling",
	  "Vraagt de aanvrager om wat ontbreekt: de aanvulling-status van de flow, met de ontbrekende punten als reden (bewerkbaar)",
	  CTX_HULPVRAAG, ACTION_BAR, ACTION_RECHT(RECHT_AANVULLING_VRAGEN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_CONTROLE, ACTION_BAR },
	{ ACT_TC_OPEN, "openen", "Openen", "Opent de gekozen hulpvraag (met het tabblad Compleetheid)",
	  CTX_CONTROLE, ACTION_BAR },
	{ ACT_HV_AANVULLING, "aanvulling-vragen", "Aanvulling",
	  "Vraagt de aanvrager van de gekozen hulpvraag om wat ontbreekt (reden bewerkbaar)",
	  CTX_CONTROLE, ACTION_BAR, ACTION_RECHT(RECHT_AANVULLING_VRAGEN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de lijst opnieuw op",
	  CTX_CONTROLE, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_CONTROLE, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_CONTROLE, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_CONTROLE, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag (haalt zo nodig de volgende bladzijde op)",
	  CTX_CONTROLE, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de oudste hulpvraag",
	  CTX_CONTROLE, 0 },

	/* --- dossier (pane_dossier.c): CTX_DOSSIER rows go here --- */
	{ ACT_HV_DOSSIER, "dossier-openen", "Dossier",
	  "Opent het dossier van de leerling: basisgegevens, adressen, ouders, schoolgegevens, hulpvragen",
	  CTX_HULPVRAAG, 0 },
	{ ACT_DS_EDIT, "dossier-wijzigen", "Wijzigen",
	  "Wijzigt de gekozen regel (een adres wordt een nieuw adres), of opent de gekozen hulpvraag",
	  CTX_DOSSIER, ACTION_BAR },
	{ ACT_DS_ADRES, "adres-toevoegen", "Adres+",
	  "Voegt een adres toe met de datum vanaf; het vorige adres van die soort blijft in de geschiedenis",
	  CTX_DOSSIER, ACTION_BAR, ACTION_RECHT(RECHT_DOSSIER_BEWERKEN) },
	{ ACT_DS_RELATIE, "relatie-toevoegen", "Ouder+",
	  "Voegt een ouder, verzorger of voogd toe (met gezag en e-mail)",
	  CTX_DOSSIER, ACTION_BAR, ACTION_RECHT(RECHT_DOSSIER_BEWERKEN) },
	{ ACT_DS_SCHOOL, "school-toevoegen", "School+",
	  "Voegt schoolgegevens toe: school, periode, leerjaar, contactpersoon (periodes overlappen niet)",
	  CTX_DOSSIER, ACTION_BAR, ACTION_RECHT(RECHT_DOSSIER_BEWERKEN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar de hulpvraag",
	  CTX_DOSSIER, ACTION_BAR },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt het dossier opnieuw op",
	  CTX_DOSSIER, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_DOSSIER, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_DOSSIER, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_DOSSIER, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_DOSSIER, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste regel",
	  CTX_DOSSIER, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste regel",
	  CTX_DOSSIER, 0 },
	{ ACT_INTAKE_STOP, "intake-verlaten", "Stoppen",
	  "Verlaat de nieuwe hulpvraag in één keer, bij welke vraag ook (er wordt niets aangemaakt)",
	  CTX_DIALOG, 0 },

	/* --- dialogs (tui/dialog.c): CTX_DIALOG rows go here --- */
	/* --- agenda (pane_agenda.c) --- */
	{ ACT_AG_AGENDA, "agenda", "Agenda",
	  "Opent de agenda van de commissies (CT, AC, Kans!overleg …)",
	  CTX_HOME, ACTION_BAR, ACTION_RECHT(RECHT_AGENDA_ZIEN) },
	{ ACT_CLOSE, "terug", "Terug", "Terug: van de zaken of te plannen naar de vergaderingen, dan naar het overzicht",
	  CTX_AGENDA, ACTION_BAR },
	{ ACT_AG_OPEN, "openen", "Openen",
	  "Vergadering: toont haar zaken; te plannen: plant de hulpvraag; zaak: opent de hulpvraag",
	  CTX_AGENDA, ACTION_BAR },
	{ ACT_AG_TEPLANNEN, "te-plannen", "Te plannen",
	  "De hulpvragen die klaar zijn voor de commissie van deze vergadering, oudste eerst",
	  CTX_AGENDA, ACTION_BAR, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_UITKOMST, "uitkomst-vastleggen", "Uitkomst",
	  "Legt de uitkomst van de zaak vast: toegekend, afgewezen of aangehouden (met toelichting)",
	  CTX_AGENDA, ACTION_BAR, ACTION_RECHT(RECHT_UITKOMST_VASTLEGGEN) },
	{ ACT_AG_BESLUITENLIJST, "besluitenlijst", "Besluitenlijst",
	  "Zaken: de uitkomst van elke open zaak, de een na de ander (aan het eind van de vergadering)",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_UITKOMST_VASTLEGGEN) },
	{ ACT_AG_VERPLAATSEN, "verplaatsen", "Verplaatsen",
	  "Zaken: naar een andere vergadering van de commissie (de school krijgt de nieuwe datum)",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_EERDER, "eerder", "Eerder", "Zaken: de zaak een plaats naar voren (tijdvakken schuiven mee)",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_LATER, "later", "Later", "Zaken: de zaak een plaats naar achteren",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_ONTPLANNEN, "van-de-agenda", "Van de agenda",
	  "Zaken: haalt de zaak van de vergadering (met een reden); ze staat weer bij te plannen",
	  CTX_AGENDA, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_ANNULEREN, "vergadering-annuleren", "Annuleren",
	  "Annuleert de vergadering (vraagt eerst); haar zaken naar de volgende vergadering of terug naar te plannen",
	  CTX_AGENDA, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_AG_MAAND, "maand", "Maand",
	  "Vergaderingen: de maand als rooster (de vergaderingen per dag), en terug naar de lijst",
	  CTX_AGENDA, ACTION_BAR },
	{ ACT_AG_VERSLAGEN, "verslagen-te-laat", "Verslagen",
	  "Vergaderingen: de Kans!overleggen waarvan het gespreksverslag na een week nog ontbreekt (004 §3.4)",
	  CTX_AGENDA, 0 },
	{ ACT_AG_PLAN_ALLES, "plan-alles", "Plan alles",
	  "Te plannen: stelt een vulling van de komende vergaderingen voor (oudste eerst); plant na je akkoord",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_PLANNEN) },
	{ ACT_AG_NIEUW, "vergadering-nieuw", "Nieuw",
	  "Een nieuwe vergadering, of een reeks (om de zoveel weken tot een einddatum)",
	  CTX_AGENDA, ACTION_BAR, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_AG_WIJZIGEN, "vergadering-wijzigen", "Wijzigen",
	  "Wijzigt datum, tijden, plaats, capaciteit of deadline van de vergadering (met versiecontrole)",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de agenda opnieuw op",
	  CTX_AGENDA, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_AGENDA, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_AGENDA, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_AGENDA, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_AGENDA, 0 },
	{ ACT_TOP, "begin", "Begin", "Naar de eerste regel",
	  CTX_AGENDA, 0 },
	{ ACT_BOTTOM, "einde", "Einde", "Naar de laatste regel",
	  CTX_AGENDA, 0 },
	{ ACT_AG_BEWAREN, "vergadering-bewaren", "Bewaren",
	  "Controleert de velden en bewaart de vergadering (of de reeks); een fout staat bij het veld",
	  CTX_VERGADERING, ACTION_BAR, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_AG_AFDRUKKEN, "afdrukken", "Afdrukken",
	  "Vergadering: de agenda voor de leden (na de vergadering de besluitenlijst) als PDF en tekst in je exportmap",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_AGENDA_ZIEN) },
	{ ACT_AG_LEDEN, "leden", "Leden",
	  "Vergadering: haar leden met hun rol (voorzitter, secretaris, deskundige, orthopedagoog, lid)",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_AGENDA_ZIEN) },
	{ ACT_AG_LID_ERBIJ, "lid-erbij", "Lid erbij",
	  "Leden: een account (ook een externe deskundige) met een rol erbij; zit het tegelijk elders, dan een waarschuwing",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_AG_AFSPRAKEN, "afspraken", "Afspraken",
	  "Te plannen voor de afspraken van de coördinator (telefonisch consult, categorie 2 en 3); Enter opent de "
	  "hulpvraag, daar plant A de afspraak",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_AFSPRAAK_PLANNEN) },
	{ ACT_AG_WEEK, "mijn-week", "Mijn week",
	  "Vergaderingen: alleen die waarin je zelf zit, vandaag en de zes dagen erna; nog eens: alle",
	  CTX_AGENDA, 0, ACTION_RECHT(RECHT_AGENDA_ZIEN) },
	{ ACT_AG_LID_WEG, "lid-eraf", "Lid eraf",
	  "Leden: haalt het lid van de vergadering; zijn toegang tot haar zaken via deze vergadering stopt meteen",
	  CTX_AGENDA, ACTION_DESTRUCTIVE, ACTION_RECHT(RECHT_VERGADERING_BEHEREN) },
	{ ACT_FIELD_NEXT, "volgend-veld", "Volgend veld", "Naar het volgende veld",
	  CTX_VERGADERING, ACTION_BAR },
	{ ACT_FIELD_PREV, "vorig-veld", "Vorig veld", "Naar het vorige veld",
	  CTX_VERGADERING, 0 },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar de vergaderingen zonder te bewaren",
	  CTX_VERGADERING, ACTION_BAR },

	{ ACT_DLG_OK, "dialoog-ok", "OK",
	  "Bevestigt de dialoog (in een tekst met meerdere regels: F2 of Ctrl-D; Enter is daar een nieuwe regel)",
	  CTX_DIALOG, ACTION_BAR },
	{ ACT_DLG_CANCEL, "dialoog-annuleren", "Annuleren", "Sluit de dialoog zonder iets te doen",
	  CTX_DIALOG, ACTION_BAR },

	{ ACT_HELP, "help", "Help", "Toont de toetsen van dit scherm",
	  CTX_GLOBAL, ACTION_BAR },
	{ ACT_REDRAW, "scherm-herschrijven", "Herschrijven", "Tekent het scherm opnieuw",
	  CTX_GLOBAL, 0 },

	/* --- tweestapsverificatie (pane_totp.c) --- */
	{ ACT_TOTP_INSTELLEN, "tweestapsverificatie", "Tweestapsverificatie",
	  "Tweestapsverificatie (opnieuw) instellen: wachtwoord, QR-code, een code uit de app",
	  CTX_HOME, 0 },
	{ ACT_TOTP_VERDER, "verder", "Verder", "Controleert het wachtwoord of de code",
	  CTX_TOTP, ACTION_BAR },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het overzicht zonder iets te wijzigen",
	  CTX_TOTP, ACTION_BAR },
	/* --- keys that never lose work (issue 13 §1) --- */
	{ ACT_CMDLINE, "opdrachtregel", "Opdracht",
	  "Opent de opdrachtregel: :88 opent hulpvraag 88, :w werkvoorraad, :t te controleren, :filter …, :help (Tab vult aan)",
	  CTX_GLOBAL, 0 },
	{ ACT_BACK, "terug-of-afsluiten", "Terug",
	  "Eén scherm terug (zoals Esc); op het overzicht: balie afsluiten, na een vraag",
	  CTX_GLOBAL, 0 },
	{ ACT_BACK, "terug-of-afsluiten", "Afsluiten",
	  "Sluit balie af, na een vraag (op andere schermen: één scherm terug)",
	  CTX_HOME, ACTION_BAR },
	{ ACT_BACK, "terug-of-afsluiten", "Afsluiten",
	  "Sluit balie af (er is geen scherm om naar terug te gaan)",
	  CTX_OFFLINE, ACTION_BAR },
	{ ACT_HOME_ZONDER_REACTIE, "zonder-reactie", "Zonder reactie",
	  "Opent de werkvoorraad met de nieuwe hulpvragen zonder reactie na meer dan 5 werkdagen (filter telaat:ja)",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_WERKVOORRAAD) },
	{ ACT_HV_OPEN, "hulpvraag-openen", "Hulpvraag",
	  "Opent een hulpvraag op nummer, vanaf elk scherm (ook :nummer)",
	  CTX_GLOBAL, 0 },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in toetsen, acties en omschrijvingen",
	  CTX_HELP, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer",
	  CTX_HELP, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer",
	  CTX_HELP, 0 },
	{ ACT_Q_SORT_PICK, "sorteren-op", "Sorteren op",
	  "Kiest de kolom waarop de lijst sorteert uit een lijst (dezelfde kolom nog eens: omgekeerd)",
	  CTX_QUEUE, 0 },
	{ ACT_HOME_MIJN, "mijn-werkvoorraad", "Mijn werkvoorraad",
	  "Opent je eigen werkvoorraad (de open hulpvragen waarvan jij de coördinator bent)",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_WERKVOORRAAD) },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in de hulpvragen van deze bladzijde",
	  CTX_CONTROLE, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer",
	  CTX_CONTROLE, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer",
	  CTX_CONTROLE, 0 },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in de namen van deze map",
	  CTX_BESTAND, ACTION_BAR },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer",
	  CTX_BESTAND, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer",
	  CTX_BESTAND, 0 },
	{ ACT_Q_SEARCH, "zoeken", "Zoeken", "Zoekt terwijl je typt in de tekst van het tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_Q_HIT_NEXT, "volgende-treffer", "Volgende", "Naar de volgende treffer op het tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_Q_HIT_PREV, "vorige-treffer", "Vorige", "Naar de vorige treffer op het tabblad",
	  CTX_HULPVRAAG, 0 },
	{ ACT_HV_INTAKE_GROEP, "nieuwe-hulpvraag-groep", "Groep/school",
	  "Voert een nieuwe hulpvraag in voor een groep (klas en school) of een school (schoolbudget)",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_INTAKE) },
	{ ACT_DS_RELATIE_WEG, "relatie-verwijderen", "Relatie weg",
	  "Haalt de gekozen ouder, verzorger of voogd uit het dossier (na een vraag; de geschiedenis blijft bewaard)",
	  CTX_DOSSIER, 0, ACTION_RECHT(RECHT_DOSSIER_BEWERKEN) },
	/* --- the post list (pane_post.c): CTX_POST rows --- */
	{ ACT_PO_LIJST, "post", "Post",
	  "Opent de post: mail die balie niet zelf bij een hulpvraag kon voegen, met de reden",
	  CTX_HOME, 0, ACTION_RECHT(RECHT_POST) },
	{ ACT_CLOSE, "terug", "Terug", "Terug naar het vorige scherm",
	  CTX_POST, ACTION_BAR },
	{ ACT_PO_LEZEN, "bericht-lezen", "Lezen",
	  "Toont het gekozen bericht (van, reden, tekst); daarna kun je het afgehandeld noemen",
	  CTX_POST, ACTION_BAR, ACTION_RECHT(RECHT_POST) },
	{ ACT_PO_AFHANDELEN, "afhandelen", "Afhandelen",
	  "Noemt het gekozen bericht afgehandeld: het blijft bewaard en verdwijnt uit de post",
	  CTX_POST, ACTION_BAR, ACTION_RECHT(RECHT_POST) },
	{ ACT_PO_HULPVRAAG, "hulpvraag-van-bericht", "Hulpvraag",
	  "Opent de hulpvraag die de antwoordcode van het bericht noemt (als die er is)",
	  CTX_POST, ACTION_BAR },
	{ ACT_PO_TOEVOEGEN, "bericht-toevoegen", "Toevoegen",
	  "Voegt het bericht alsnog toe aan een hulpvraag (nummer): tekst als bericht, bijlagen als bijlagen",
	  CTX_POST, ACTION_BAR, ACTION_RECHT(RECHT_BIJLAGE_TOEVOEGEN) },
	{ ACT_RELOAD, "vernieuwen", "Vernieuwen", "Haalt de post opnieuw op",
	  CTX_POST, 0 },
	{ ACT_UP, "omhoog", "Omhoog", "Eén regel omhoog",
	  CTX_POST, 0 },
	{ ACT_DOWN, "omlaag", "Omlaag", "Eén regel omlaag",
	  CTX_POST, 0 },
	{ ACT_PAGE_UP, "pagina-omhoog", "Pagina omhoog", "Eén scherm omhoog",
	  CTX_POST, 0 },
	{ ACT_PAGE_DOWN, "pagina-omlaag", "Pagina omlaag", "Eén scherm omlaag",
	  CTX_POST, 0 },
};

#pragma GCC diagnostic pop

const size_t action_count = sizeof action_table / sizeof action_table[0];

static const struct {
	const char *name; /* Dutch, for people */
	int text_input;
	const char *key;  /* as written in keymap files */
} ctx_info[CTX_COUNT] = {
	[CTX_GLOBAL] = { "Overal", 0, "overal" },
	[CTX_LOGIN] = { "Aanmelden", 1, "aanmelden" },
	[CTX_OFFLINE] = { "Geen verbinding", 0, "geen-verbinding" },
	[CTX_HOME] = { "Overzicht", 0, "overzicht" },
	[CTX_LOCK] = { "Vergrendeld", 1, "vergrendeld" },
	[CTX_HELP] = { "Help", 0, "help" },
	[CTX_QUEUE] = { "Werkvoorraad", 0, "werkvoorraad" },
	[CTX_HULPVRAAG] = { "Hulpvraag", 0, "hulpvraag" },
	[CTX_DIALOG] = { "Dialoog", 1, "dialoog" },
	[CTX_BIJLAGEN] = { "Bijlagen", 0, "bijlagen" },
	[CTX_BESTAND] = { "Bestand kiezen", 0, "bestand-kiezen" },
	[CTX_VIEWER] = { "Bijlage lezen", 0, "bijlage-lezen" },
	[CTX_CONTROLE] = { "Te controleren", 0, "te-controleren" },
	[CTX_FORMULIER] = { "Formulier", 1, "formulier" },
	[CTX_TOTP] = { "Tweestapsverificatie", 1, "tweestapsverificatie" },
	[CTX_VERWERKEN] = { "Te verwerken", 0, "te-verwerken" },
	[CTX_AGENDA] = { "Agenda", 0, "agenda" },
	[CTX_VERGADERING] = { "Nieuwe vergadering", 1, "vergadering" },
	[CTX_DOSSIER] = { "Dossier", 0, "dossier" },
	[CTX_LOOPTIJD] = { "Looptijd", 0, "looptijd" },
	[CTX_KENGETALLEN] = { "Kengetallen", 0, "kengetallen" },
	[CTX_POST] = { "Post", 0, "post" },
};

const char *action_ctx_name(enum action_ctx ctx)
{
	return ctx < CTX_COUNT ? ctx_info[ctx].name : "";
}

int action_ctx_text_input(enum action_ctx ctx)
{
	return ctx < CTX_COUNT && ctx_info[ctx].text_input;
}

const char *action_ctx_key(enum action_ctx ctx)
{
	return ctx < CTX_COUNT ? ctx_info[ctx].key : "";
}

int action_ctx_from_key(const char *key)
{
	for (int c = 0; c < CTX_COUNT; c++)
		if (!strcmp(ctx_info[c].key, key))
			return c;
	return -1;
}

const struct action *action_by_name(enum action_ctx ctx, const char *name)
{
	for (size_t i = 0; i < action_count; i++)
		if (action_table[i].ctx == ctx && !strcmp(action_table[i].name, name))
			return &action_table[i];
	return NULL;
}

/* ------------------------------------------------------------- keys -- */

/* The curses/typed key of a keymap key. */
static int tkey_of(const struct keymap_key *k)
{
	static const int named[KEYMAP_NAMED_COUNT] = {
		[KEYMAP_ENTER] = TK_ENTER,          [KEYMAP_ESC] = TK_ESC,
		[KEYMAP_TAB] = TK_TAB,              [KEYMAP_BTAB] = TK(KEY_BTAB),
		[KEYMAP_SPACE] = ' ',               [KEYMAP_BACKSPACE] = TK_BACKSPACE,
		[KEYMAP_DELETE] = TK(KEY_DC),       [KEYMAP_INSERT] = TK(KEY_IC),
		[KEYMAP_HOME] = TK(KEY_HOME),       [KEYMAP_END] = TK(KEY_END),
		[KEYMAP_PGUP] = TK(KEY_PPAGE),      [KEYMAP_PGDN] = TK(KEY_NPAGE),
		[KEYMAP_UP] = TK(KEY_UP),           [KEYMAP_DOWN] = TK(KEY_DOWN),
		[KEYMAP_LEFT] = TK(KEY_LEFT),       [KEYMAP_RIGHT] = TK(KEY_RIGHT),
	};
	switch (k->kind) {
	case KEYMAP_CHAR:
		return k->code;
	case KEYMAP_NAMED:
		return named[k->code];
	case KEYMAP_CTRL:
		return TK_CTRL(k->code);
	case KEYMAP_FN:
		return TK(KEY_F(k->code));
	}
	return 0;
}

/* Is action name known in the context called ctx?  (keymap_names callback) */
static int known_action(const char *ctx, const char *name, void *arg)
{
	int c = action_ctx_from_key(ctx);
	return c >= 0 && action_by_name((enum action_ctx)c, name) != NULL;
}

static const char *const *ctx_keys(void)
{
	static const char *keys[CTX_COUNT + 1];
	for (int c = 0; c < CTX_COUNT; c++)
		keys[c] = ctx_info[c].key;
	keys[CTX_COUNT] = NULL;
	return keys;
}

void keybind_release(struct keybind *kb)
{
	free(kb->e);
	memset(kb, 0, sizeof *kb);
}

/* Rebuilds kb->e from kb->map: every (context, key) once, last statement
 * wins, unbind removes. */
static int keybind_resolve(struct keybind *kb)
{
	free(kb->e);
	kb->e = calloc(kb->map.n ? kb->map.n : 1, sizeof *kb->e);
	kb->n = 0;
	if (!kb->e)
		return -1;
	for (size_t i = 0; i < kb->map.n; i++) {
		const struct keymap_binding *b = &kb->map.b[i];
		int ctx = action_ctx_from_key(b->ctx);
		int key = tkey_of(&b->key);
		const char *name = keymap_lookup(&kb->map, b->ctx, &b->key);
		int seen = 0;
		for (size_t j = 0; j < kb->n; j++)
			seen |= kb->e[j].ctx == (enum action_ctx)ctx && kb->e[j].key == key;
		if (seen || !name || ctx < 0)
			continue;
		const struct action *act = action_by_name((enum action_ctx)ctx, name);
		if (!act)
			continue;
		kb->e[kb->n].ctx = (enum action_ctx)ctx;
		kb->e[kb->n].key = key;
		kb->e[kb->n].act = act;
		kb->n++;
	}
	return 0;
}

int keybind_load(struct keybind *kb, const char *datadir, const char *variant, const char *user_file,
		 keymap_report_fn report, void *arg)
{
	char path[4096];
	struct err e;
	struct keymap_names names = {ctx_keys(), known_action, NULL};
	int errors = 0;

	memset(kb, 0, sizeof *kb);
	keymap_init(&kb->map);
	snprintf(path, sizeof path, "%s/keymaps/default.keys", datadir);
	errors += keymap_load(&kb->map, path, &names, report, arg, &e);
	errors += keymap_conflicts(&kb->map, report, arg);
	if (variant && *variant && strcmp(variant, "default") != 0) {
		snprintf(path, sizeof path, "%s/keymaps/%s.keys", datadir, variant);
		errors += keymap_load(&kb->map, path, &names, report, arg, &e);
	}
	/* The user's own file changes single bindings; its bad lines are
	 * reported and skipped, the rest (and every default) still holds. */
	if (user_file && access(user_file, F_OK) == 0)
		errors += keymap_load(&kb->map, user_file, &names, report, arg, &e);
	if (keybind_resolve(kb) < 0)
		errors++;
	return errors;
}

void keybind_free_map(struct keybind *kb)
{
	keymap_release(&kb->map);
	keybind_release(kb);
}

void keybind_dump(const struct keybind *kb, FILE *f)
{
	char kn[32];
	fprintf(f, "# actieve toetsen van balie (balie --dump-keys); zie balie-keymap(5)\n");
	for (int c = 0; c < CTX_COUNT; c++) {
		int header = 0;
		for (size_t i = 0; i < action_count; i++) {
			const struct action *a = &action_table[i];
			if ((int)a->ctx != c)
				continue;
			for (size_t j = 0; j < kb->n; j++) {
				if (kb->e[j].act != a)
					continue;
				if (!header++)
					fprintf(f, "\n# %s\n", ctx_info[c].name);
				fprintf(f, "bind %-15s %-10s %s\n", ctx_info[c].key,
					action_keymap_name(kb->e[j].key, kn, sizeof kn), a->name);
			}
		}
	}
}

void action_list(FILE *f)
{
	for (size_t i = 0; i < action_count; i++) {
		const struct action *a = &action_table[i];
		fprintf(f, "%s\t%s\t%s\n", ctx_info[a->ctx].key, a->name, a->help);
	}
}

static const struct action *find_in(const struct keybind *kb, enum action_ctx ctx, int key)
{
	for (size_t i = 0; i < kb->n; i++)
		if (kb->e[i].ctx == ctx && kb->e[i].key == key)
			return kb->e[i].act;
	return NULL;
}

const struct action *action_for_key(const struct keybind *kb, enum action_ctx ctx, int key)
{
	const struct action *a;

	if (action_ctx_text_input(ctx) && field_is_text_key(key))
		return NULL;
	a = find_in(kb, ctx, key);
	return a ? a : find_in(kb, CTX_GLOBAL, key);
}

int action_allowed(const struct action *a, unsigned roles)
{
	return a->recht == 0 || recht_mag(roles, (enum recht_actie)(a->recht - 1));
}

const struct action *action_row(enum action_ctx ctx, enum action_id id)
{
	const struct action *global = NULL;

	for (size_t i = 0; i < action_count; i++) {
		if (action_table[i].id != id)
			continue;
		if (action_table[i].ctx == ctx)
			return &action_table[i];
		if (action_table[i].ctx == CTX_GLOBAL)
			global = &action_table[i];
	}
	return global;
}

int action_in_ctx(const struct action *a, enum action_ctx ctx)
{
	return a->ctx == ctx || a->ctx == CTX_GLOBAL;
}

int action_keys(const struct keybind *kb, const struct action *a, enum action_ctx ctx, int *keys, int max)
{
	int n = 0;

	if (!action_in_ctx(a, ctx))
		return 0;
	/* Typed keys first: the key bar shows a letter rather than an F-key
	 * (F-keys get eaten by some terminals), the help lists both. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < kb->n && n < max; i++) {
			int k = kb->e[i].key;
			if ((k < TK_FN && k > ' ') != (pass == 0))
				continue;
			if (kb->e[i].act == a && action_for_key(kb, ctx, k) == a)
				keys[n++] = k;
		}
	return n;
}

/* The keymap-file name of a tkey ("Ctrl-L", "PgDn", "q"). */
const char *action_keymap_name(int key, char *buf, size_t len)
{
	static const struct {
		int key;
		enum keymap_named n;
	} named[] = {
		{TK_ENTER, KEYMAP_ENTER}, {TK_ESC, KEYMAP_ESC}, {TK_TAB, KEYMAP_TAB},
		{TK(KEY_BTAB), KEYMAP_BTAB}, {' ', KEYMAP_SPACE}, {TK_BACKSPACE, KEYMAP_BACKSPACE},
		{TK(KEY_DC), KEYMAP_DELETE}, {TK(KEY_IC), KEYMAP_INSERT}, {TK(KEY_HOME), KEYMAP_HOME},
		{TK(KEY_END), KEYMAP_END}, {TK(KEY_PPAGE), KEYMAP_PGUP}, {TK(KEY_NPAGE), KEYMAP_PGDN},
		{TK(KEY_UP), KEYMAP_UP}, {TK(KEY_DOWN), KEYMAP_DOWN}, {TK(KEY_LEFT), KEYMAP_LEFT},
		{TK(KEY_RIGHT), KEYMAP_RIGHT},
	};
	struct keymap_key k = {KEYMAP_CHAR, key};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			k.kind = KEYMAP_NAMED;
			k.code = (int)named[i].n;
		}
	if (key >= TK(KEY_F(1)) && key <= TK(KEY_F(12))) {
		k.kind = KEYMAP_FN;
		k.code = key - TK(KEY_F(0));
	} else if (key > 0 && key < ' ' && key != TK_ENTER && key != TK_TAB && key != TK_ESC) {
		k.kind = KEYMAP_CTRL;
		k.code = key + 'a' - 1;
	}
	return keymap_key_name(&k, buf, len);
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

/* The key bar shows these first, in this order, so that at 80 columns the
 * keys people need most in a context are never cut off (issue 13); the
 * rest follow in table order while they fit. */
const struct action_bar_rank action_bar_first[] = {
	{ CTX_HOME, ACT_HV_INTAKE },
	{ CTX_HOME, ACT_TC_LIJST },
	{ CTX_HOME, ACT_HELP },
	{ CTX_HOME, ACT_Q_WERKVOORRAAD },
	{ CTX_HOME, ACT_HV_OPEN },
	{ CTX_HOME, ACT_BACK },
	{ CTX_HULPVRAAG, ACT_HV_AANVULLING },
	{ CTX_HULPVRAAG, ACT_HV_BIJLAGEN },
	{ CTX_HULPVRAAG, ACT_HV_LABEL_ADD },
	{ CTX_HULPVRAAG, ACT_HV_FORM_ADD },
	{ CTX_HULPVRAAG, ACT_HELP },
	{ CTX_HULPVRAAG, ACT_HV_STATUS },
	{ CTX_QUEUE, ACT_Q_OPEN },
	{ CTX_QUEUE, ACT_Q_FILTER },
	{ CTX_QUEUE, ACT_Q_SEARCH },
	{ CTX_QUEUE, ACT_Q_SORT },
	{ CTX_QUEUE, ACT_HELP },
	{ CTX_FORMULIER, ACT_FORM_SAVE },
	{ CTX_FORMULIER, ACT_FORM_CHOOSE },
	{ CTX_FORMULIER, ACT_CLOSE },
	{ CTX_FORMULIER, ACT_HELP },
	{ CTX_OFFLINE, ACT_BACK },
	{ CTX_OFFLINE, ACT_RETRY },
};
const size_t action_bar_nfirst = sizeof action_bar_first / sizeof action_bar_first[0];
