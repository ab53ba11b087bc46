/* table.c — the table of non-interactive verbs; see cmd.h. */
#include "tui/cmd/cmd.h"

#include <stdio.h>
#include <string.h>

const struct cmd cmd_table[] = {
	{"demo", "[--reset | --env | --prepare | --stop] [--scale AANTAL]",
	 "privé-demodatabase starten (eerste keer: aanmaken en vullen) en balie openen", cmd_demo},
	{"admin migrate", "", "databaseschema bijwerken naar de versie van deze balie", cmd_admin_migrate},
	{"admin user", "add|passwd|block|unblock|totp-reset|list …", "accounts beheren", cmd_admin_user},
	{"admin sessions", "list [GEBRUIKER] | end GEBRUIKER", "open sessies zien en beëindigen", cmd_admin_sessions},
	{"admin forms", "check|load MAP", "aanvraagtypes en statussen (*.flow) controleren of publiceren",
	 cmd_admin_forms},
	{"admin rechten", "[--man]", "wie mag wat: elke actie met de rollen die haar mogen (zoals de database het afdwingt)",
	 cmd_admin_rechten},
	{"admin audit", "verify | export --van D --tot D | kind NUMMER",
	 "auditlog: keten controleren, periode als CSV, wie zag dit kind", cmd_admin_audit},
	{"admin feestdagen", "JAAR", "feestdagen (geen werkdagen) van een jaar tonen", cmd_admin_feestdagen},
	{"admin school", "list|show|add|edit|brin|close|merge|medewerker|import ORG …",
	 "scholen: toevoegen, wijzigen, nieuwe BRIN, sluiten, samenvoegen, IB'ers, DUO-bestand inlezen", cmd_admin_school},
	{"admin bestuur", "list|add|edit|close ORG …", "schoolbesturen beheren", cmd_admin_bestuur},
	{"admin scholenkring", "list|add|edit|coordinator|close ORG …",
	 "scholenkringen en hun coördinator beheren", cmd_admin_scholenkring},
	{"admin overdracht", "ORG BRIN --van GEBRUIKER --naar GEBRUIKER [--per DATUM] [--proef]",
	 "personeelswissel: de open hulpvragen van een school naar de nieuwe IB'er", cmd_admin_overdracht},
	{"admin cluster", "create|start|stop|remove|env MAP",
	 "privé-PostgreSQL-cluster in een map beheren (demo en tests)", cmd_admin_cluster},
	{"bijlage", "add NUMMER BESTAND --categorie C [--als GEBRUIKER] [--organisatie CODE]",
	 "een bestand op de server (scp) als bijlage aan een hulpvraag toevoegen", cmd_bijlage},
	{"check", "--all | NUMMER [--als GEBRUIKER] [--organisatie CODE]",
	 "compleetheid van een hulpvraag, of van alle te controleren hulpvragen, tonen (exit 1: niet compleet)",
	 cmd_check},
	{"export agenda", "[--commissie CODE] [--lid GEBRUIKER] --van DD-MM-JJJJ --tot DD-MM-JJJJ --ics [--als GEBRUIKER] [--organisatie CODE]",
	 "de vergaderingen als iCalendar (.ics) op standaarduitvoer, zonder leerlinggegevens", cmd_export},
	{"export kengetallen", "--jaar JJJJ-JJJJ [--csv | --xlsx] [--als GEBRUIKER] [--organisatie CODE]",
	 "kengetallen van een schooljaar (per bestuur, school en soort; xlsx ook doorlooptijden) op standaarduitvoer",
	 cmd_export_kengetallen},
	{"export tlv", "--van DD-MM-JJJJ --tot DD-MM-JJJJ [--csv | --xlsx] [--als GEBRUIKER] [--organisatie CODE]",
	 "de afgegeven TLV's van een periode met wat DUO nodig heeft (leerling, geboortedatum, BRIN, soort, data, nummer)",
	 cmd_export_tlv},
	{"mail", "--once | --daemon | --status | --retry ID",
	 "uitgaande mail (outbox) bezorgen via mail_command, of tonen wat wacht of mislukte", cmd_mail},
	{"authd", "[--socket PAD]", "de aanmeldhelper: controleert wachtwoord en code en geeft een sessie (eigen Unix-gebruiker)",
	 cmd_authd},
	{"notify", "--daemon | --once",
	 "wijzigingen gebundeld aan de open schermen melden en de tellingen bijwerken (één per database)", cmd_notify},
	{"admin tarief", "list [ORGANISATIE] | set ORGANISATIE SCHOOLJAAR CATEGORIE BEDRAG | remove …",
	 "tarieven van arrangementen per schooljaar en categorie (bedragen in euro)", cmd_admin_tarief},
	{"admin budget", "list [ORGANISATIE] | set ORGANISATIE SCHOOLJAAR SOORT BEDRAG | prognose …",
	 "budgetten per schooljaar en soort aanpak, en de prognose per maand", cmd_admin_budget},
	{"ssh-toegang", "[--account NAAM]",
	 "ForceCommand van sshd: balie zelf, of sftp afgeschermd in de eigen uitwisselmap; scp en opdrachten uit",
	 cmd_ssh_toegang},
	{"admin commissie", "list [ORGANISATIE] | set ORGANISATIE CODE NAAM [--deadline WERKDAGEN] [--toegang DAGEN] | remove …",
	 "de commissies van een organisatie (CT, AC, Kans!overleg …) met aanleverdeadline en toegangsduur", cmd_admin_commissie},
	{"admin regio", "ORGANISATIE [noord|midden|zuid|geen]",
	 "de schoolvakantieregio van een organisatie (reeksen vergaderingen slaan haar vakanties over)", cmd_admin_regio},
	{"admin verlengdeadline", "list [ORGANISATIE] | set ORGANISATIE SCHOOLJAAR DD-MM-JJJJ | remove …",
	 "de jaarlijkse deadline voor TLV-verlengingen per schooljaar (001 stap 13)", cmd_admin_verlengdeadline},
	{"mail-in", "[--als GEBRUIKER] [--organisatie CODE] [--ontvanger ADRES] < BERICHT",
	 "één binnenkomende mail opbergen: antwoord van de aanvrager bij de hulpvraag, anders in de post", cmd_mailin},
	{NULL, NULL, NULL, NULL},
};

/* Number of space-separated words in s. */
static int word_count(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* Do argv[0..words-1] spell name? */
static int matches(const char *name, int argc, char **argv, int words)
{
	if (words > argc)
		return 0;
	const char *p = name;
	for (int i = 0; i < words; i++) {
		size_t n = strlen(argv[i]);
		if (strncmp(p, argv[i], n) != 0 || (p[n] != ' ' && p[n] != '\0'))
			return 0;
		p += n + (p[n] == ' ');
	}
	return *p == '\0';
}

const struct cmd *cmd_find(int argc, char **argv, int *used)
{
	const struct cmd *best = NULL;
	int best_words = 0;
	for (const struct cmd *c = cmd_table; c->name; c++) {
		int w = word_count(c->name);
		if (w > best_words && matches(c->name, argc, argv, w)) {
			best = c;
			best_words = w;
		}
	}
	if (used)
		*used = best_words;
	return best;
}

void cmd_usage(int to_stderr)
{
	FILE *f = to_stderr ? stderr : stdout;
	fprintf(f, "gebruik: balie [--config BESTAND] [--organisatie CODE]\n");
	for (const struct cmd *c = cmd_table; c->name; c++)
		fprintf(f, "       balie %s %s\n           %s\n", c->name, c->args, c->help);
	fprintf(f, "Zie balie(1) en balie-admin(8).\n");
}
