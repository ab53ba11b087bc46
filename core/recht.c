/* recht.c — the rulebook; see recht.h.
 *
 * Where a seed says who does something, bron names it; where the seeds are
 * silent the row says "aanname" and why, so the next reader can tell an
 * invention from a rule.  Changing a row here changes the screens, the
 * database (republished by `balie admin migrate`) and balie(1) together.
 */
#include "core/recht.h"

#include <string.h>

#define SEC FLOW_ROLE_BIT(FLOW_ROLE_SECRETARIAAT)
#define FIN FLOW_ROLE_BIT(FLOW_ROLE_FINANCIEEL)
#define COO FLOW_ROLE_BIT(FLOW_ROLE_COORDINATOR)
#define ADM FLOW_ROLE_BIT(FLOW_ROLE_ADMIN)
#define AAN FLOW_ROLE_BIT(FLOW_ROLE_AANVRAGER)
#define OUD FLOW_ROLE_BIT(FLOW_ROLE_OUDER)
#define EXT FLOW_ROLE_BIT(FLOW_ROLE_EXTERN)
#define BACKOFFICE (SEC | FIN | COO | ADM)
#define BST FLOW_ROLE_BIT(FLOW_ROLE_BESTUUR)
#define REG FLOW_ROLE_BIT(FLOW_ROLE_REGIEROLHOUDER)

const struct recht recht_tabel[RECHT_COUNT] = {
	[RECHT_STATUS_WIJZIGEN] = { "status-wijzigen", "status wijzigen", BACKOFFICE | AAN | OUD | EXT | REG,
				    "004 §7.2, 003 §4 stap 4 (de regierolhouder past de status aan); de flow "
				    "(door = …) beslist welke status" },
	[RECHT_COORDINATOR_WIJZIGEN] = { "coordinator-wijzigen", "coördinator wijzigen", SEC | COO | ADM,
					 "004 §7.1 (scholenkring); aanname: de financieel medewerker niet" },
	[RECHT_OMSCHRIJVING_BEWERKEN] = { "omschrijving-bewerken", "omschrijving of titel bewerken",
					  SEC | COO | ADM,
					  "aanname: de tekst van de school bewerkt alleen wie de hulpvraag behandelt" },
	[RECHT_LABELS_ZIEN] = { "labels-zien", "labels van het SWV zien", BACKOFFICE,
				"004 §7.3 (prioritering door het SWV); aanname: intern" },
	[RECHT_LABEL_KOPPELEN] = { "label-koppelen", "label toevoegen of verwijderen", BACKOFFICE,
				   "004 §7.3" },
	[RECHT_LABEL_AANMAKEN] = { "label-aanmaken", "label aanmaken", SEC | COO | ADM,
				   "004 §7.3; aanname: niet de financieel medewerker" },
	[RECHT_NOTITIE] = { "notitie", "eigen notitie maken", BACKOFFICE | AAN,
			    "001 §3 (tab Mijn notities): alleen voor de schrijver" },
	[RECHT_INTAKE] = { "intake", "hulpvraag invoeren (intake)", SEC | COO | ADM,
			   "004 §2.1, §4.1 (het secretariaat neemt aanvragen in); aanname: ook coördinator en admin" },
	[RECHT_BIJLAGE_TOEVOEGEN] = { "bijlage-toevoegen", "bijlage toevoegen", BACKOFFICE | AAN | REG,
				      "000 stap 1–2, 001 stap 9 (de school voegt bijlagen toe), 003 §5 (NB: de "
				      "regierolhouder kan bij de hulpvraag een bijlage toevoegen)" },
	[RECHT_BIJLAGE_VERWIJDEREN] = { "bijlage-verwijderen", "bijlage verwijderen", SEC | COO | ADM,
					"aanname: na indienen beheert het SWV het dossier" },
	[RECHT_BIJLAGE_EXPORTEREN] = { "bijlage-exporteren", "bijlage bekijken of exporteren",
				       BACKOFFICE | AAN | OUD | EXT | REG,
				       "004 §7.5: wie de hulpvraag ziet, ziet zijn documenten (overlegronde: "
				       "documentatie delen met een selecte groep); 003 §5: \"Iedereen die bij deze "
				       "hulpvraag is betrokken kan de bijlagen inzien\"" },
	[RECHT_FORMULIER_TOEVOEGEN] = { "formulier-toevoegen", "formulier toevoegen", BACKOFFICE | AAN,
					"004 §7.5 (formulieren in Kindkans), 000 (aanvraagformulieren van de school)" },
	[RECHT_FORMULIER_BEWERKEN] = { "formulier-bewerken", "formulier bewerken", BACKOFFICE | AAN,
				       "000 stap 3 (wijzigen en nogmaals verzenden)" },
	[RECHT_FORMULIER_VERWIJDEREN] = { "formulier-verwijderen", "formulier verwijderen", SEC | COO | ADM,
					  "aanname: zoals bijlage verwijderen" },
	[RECHT_AANVULLING_VRAGEN] = { "aanvulling-vragen", "aanvulling vragen", SEC | FIN | COO | ADM,
				      "004 §4.1 (de financieel medewerker controleert de TLV-aanvraag), 001 stap 12" },
	[RECHT_BULK] = { "bulk", "bulkwijziging in de werkvoorraad", BACKOFFICE,
			 "004 §4.3 (financieel verwerkt in één keer); een lus over dezelfde acties" },
	[RECHT_WERKVOORRAAD] = { "werkvoorraad", "werkvoorraad: de lijst van de hulpvragen die je ziet",
				 BACKOFFICE | AAN | OUD | EXT | REG,
				 "004 §7.5 (interne rollen zien alle hulpvragen van de organisatie, externe alleen "
				 "de hulpvragen waaraan ze gekoppeld zijn), 003 §4 stap 1 (de regierolhouder ziet "
				 "alle hulpvragen waarbij haar betrokkenheid gevraagd is); de database kiest de rijen" },
	[RECHT_TE_CONTROLEREN] = { "te-controleren", "lijst te controleren", BACKOFFICE,
				   "004 §4.1; aanname: ieder intern" },
	[RECHT_BESCHIKKING_BEWERKEN] = { "beschikking-bewerken", "TLV-beschikking invoeren of bewerken", FIN | ADM,
					 "004 §4.1 (de financieel medewerker zet afgegeven bij gelijke adviezen), §4.2 "
					 "(het nummer vult de financieel medewerker in); aanname: ook applicatiebeheer" },
	[RECHT_AANPAK_BEWERKEN] = { "aanpak-bewerken", "aanpak en arrangementsbeschikking bewerken", FIN | COO | ADM,
				    "004 §4.2 (de coördinator maakt de beschikking op in de aanpak, de financieel "
				    "medewerker vult het nummer in en verwerkt haar); aanname: ook applicatiebeheer" },
	[RECHT_TE_VERWERKEN] = { "te-verwerken", "lijst te verwerken (financieel)", FIN | ADM,
				 "004 §4.1–4.3 (het werk van de financieel medewerker); aanname: ook applicatiebeheer" },
	[RECHT_AGENDA_ZIEN] = { "agenda-zien", "de agenda van de commissies zien", BACKOFFICE | EXT,
				"001 §2, §5 stap 12 (CT, AC); 004 §7.5 (externen zien de hulpvragen van hun "
				"vergadering); de database kiest de vergaderingen" },
	[RECHT_VERGADERING_BEHEREN] = { "vergadering-beheren", "vergadering aanmaken, wijzigen of annuleren",
					SEC | ADM,
					"004 §3.1 (vaste ingeplande momenten, door het secretariaat); "
					"aanname: ook applicatiebeheer" },
	[RECHT_PLANNEN] = { "plannen", "hulpvraag op de agenda plannen", SEC,
			    "001 §5 stap 12 (de administratie agendeert), 004 §3.1 en §4.2 (het secretariaat plant)" },
	[RECHT_UITKOMST_VASTLEGGEN] = { "uitkomst-vastleggen", "uitkomst van een agendapunt vastleggen", SEC | COO,
					"001 §5 stap 12 (besluit of aanhouden); aanname: het secretariaat notuleert, "
					"de coördinator zit het Kans!overleg voor (004 §3.4)" },
	[RECHT_DOSSIER_BEWERKEN] = { "dossier-bewerken", "dossier bijhouden (basisgegevens, adressen, relaties, schoolgegevens)",
				     SEC | COO | ADM,
				     "001 §3 stap 2 (tabbladen Basisgegevens en Schoolgegevens), 000 stap 3; aanname: "
				     "wie intake doet, zonder de financieel medewerker; de school via haar aanvraag" },
	[RECHT_VOORLOPIG_ZIEN] = { "voorlopig-zien", "voorlopige aanmelding inzien (niet bewerken)", ADM,
				   "000: \"niet meer zichtbaar voor PPO Rotterdam (met uitzondering van de "
				   "kindkans-applicatiebeheerders)\"" },
	[RECHT_STATUS_TERUGDRAAIEN] = { "status-terugdraaien", "eigen statuswijziging binnen 10 minuten terugdraaien",
					BACKOFFICE,
					"aanname (issue 10 §4: een vergissing herstelt wie haar maakte, binnen 10 "
					"minuten); de seeds zeggen niets" },
	[RECHT_STATUS_TERUGDRAAIEN_ALTIJD] = { "status-terugdraaien-altijd",
					       "elke laatste statuswijziging terugdraaien, ook later", ADM,
					       "aanname (issue 10 §4: na 10 minuten alleen een beheerder)" },
	[RECHT_VERLOOPT_BINNENKORT] = { "verloopt-binnenkort", "lijst verloopt binnenkort (TLV's en aanpakken)",
					BACKOFFICE,
					"aanname (issue 10 §4; 004 §4.1 \"in archief\" bij verlopen): ieder intern; "
					"de database kiest de rijen" },
	[RECHT_TE_EVALUEREN] = { "te-evalueren", "lijst te evalueren en op evalueren zetten", SEC | COO | ADM,
				 "004 §3.6 (het secretariaat zet twee maanden voor afloop op evalueren); aanname: "
				 "coördinator en applicatiebeheer ook; de flow beslist de status" },
	[RECHT_BEZWAAR] = { "bezwaar", "bezwaar tegen een TLV registreren en afhandelen", SEC | FIN | ADM,
			    "aanname (issue 10 §1; de seeds noemen geen bezwaar): wie de post en de "
			    "beschikkingen doet" },
	[RECHT_KENGETALLEN] = { "kengetallen", "kengetallen zien en exporteren", FIN | ADM | BST,
				"004 §3.5 en §4.2 (tabblad kengetallen: de financiële contactpersoon van het "
				"schoolbestuur ziet de scholen van het eigen bestuur; de database kiest de rijen), "
				"002 (\"bewaakt het de beschikbare budgetten\"); aanname: de financieel medewerker "
				"en applicatiebeheer zien alle scholen" },
	[RECHT_POST] = { "post", "post behandelen (mail van scholen die balie niet zelf kon toevoegen)", SEC,
			 "aanname: issue 14 §4 (een lijst \"post\" voor het secretariaat, dat ook de aanvragen "
			 "inneemt, 004 §2.1); balie mail-in werkt als zo'n account" },
	[RECHT_AFSPRAAK_PLANNEN] = { "afspraak-plannen",
				     "afspraak met de coördinator plannen, verplaatsen of annuleren", SEC | FIN | COO,
				     "004 §2.4–2.5 (de coördinator plant een telefonisch consult), §4.2 (de financieel "
				     "medewerker plant de aanvraag in bij de coördinator); aanname: het secretariaat "
				     "plant namens de coördinator, en een coördinator alleen voor zijn eigen hulpvragen "
				     "(de database controleert dat)" },
	[RECHT_REGIEROL_TOEWIJZEN] = { "regierol-toewijzen", "regierolhouder van een hulpvraag kiezen", SEC | COO | ADM,
				       "003 §2 stap 1 (na het schakelteam wordt de regierolhouder op de hulpvraag "
				       "gezet); aanname: in balie doet het back office dat, niet de school" },
};

int recht_mag(unsigned rollen, enum recht_actie actie)
{
	if ((unsigned)actie >= RECHT_COUNT)
		return 0;
	return (rollen & recht_tabel[actie].rollen) != 0;
}

int recht_from_naam(const char *naam)
{
	if (!naam)
		return -1;
	for (int i = 0; i < RECHT_COUNT; i++)
		if (!strcmp(recht_tabel[i].naam, naam))
			return i;
	return -1;
}

unsigned recht_backoffice(void)
{
	return BACKOFFICE;
}
