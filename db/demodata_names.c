/* demodata_names.c — word lists for the demo data; see demodata_names.h.
 *
 * The names are common given names and surnames of the Netherlands and of
 * the largest groups of other origin in the Helmond-Peelland and Nijmegen
 * regions; combined at random they name nobody in particular.  Street names
 * are the generic ones every Brabant or Gelderland village has.
 */
#include "db/demodata_names.h"

#include <stddef.h>

int demodata_count(const char *const *list)
{
	int n = 0;
	while (list[n])
		n++;
	return n;
}

/* ---------------------------------------------------------------- Dutch */

static const char *const nl_jongens[] = {
	"Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Bram", "Thijs", "Jesse", "Luuk",
	"Noah", "Liam", "Mees", "Ties", "Stijn", "Ruben", "Tim", "Max", "Jens", "Teun",
	"Gijs", "Sven", "Niek", "Joep", "Siem", "Hugo", "Julian", "Lars", "Jayden", "Owen",
	"Tygo", "Dex", "Koen", "Floris", "Morris", "Olivier", "Boaz", "Jurre", "Guus", "Rens",
	"Daniël", "Michaël", "Raphaël", "Noël", "Joris", "Wout", "Pepijn", "Stan", "Mats", "Vince",
	NULL
};

static const char *const nl_meisjes[] = {
	"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Evi", "Anna",
	"Lotte", "Saar", "Fenna", "Lieke", "Isa", "Noor", "Fleur", "Liv", "Yara", "Roos",
	"Femke", "Lisa", "Jasmijn", "Sanne", "Eva", "Floor", "Maud", "Elin", "Nova", "Hailey",
	"Chloë", "Anaïs", "Joëlle", "Noëlle", "Inès", "Lynn", "Amy", "Iris", "Lana", "Vera",
	"Suus", "Merel", "Puck", "Ilse", "Loïs", "Mirthe", "Demi", "Kiki", "Luna", "Esmée",
	NULL
};

static const char *const nl_ouders_m[] = {
	"Jeroen", "Bas", "Mark", "Dennis", "Rob", "Martijn", "Sander", "Tom", "Niels", "Erik",
	"Joost", "Patrick", "Roel", "Maarten", "Wouter", "Frank", "Bart", "Stefan", "Rick", "Koen",
	NULL
};

static const char *const nl_ouders_v[] = {
	"Linda", "Marieke", "Sandra", "Esther", "Anouk", "Kim", "Iris", "Maaike", "Ellen", "Judith",
	"Nicole", "Femke", "Petra", "Wendy", "Inge", "Marloes", "Mirjam", "Charlotte", "Eline", "Hanneke",
	NULL
};

/* Brabant has many surnames without a particle. */
static const struct demodata_achternaam nl_zonder[] = {
	{"", "Jansen", NULL}, {"", "Janssen", NULL}, {"", "Bakker", NULL}, {"", "Verhoeven", NULL},
	{"", "Smits", NULL}, {"", "Hendriks", NULL}, {"", "Peters", NULL}, {"", "Willems", NULL},
	{"", "Hermans", NULL}, {"", "Aarts", NULL}, {"", "Vermeulen", NULL}, {"", "Donkers", NULL},
	{"", "Verbakel", NULL}, {"", "Swinkels", NULL}, {"", "Coolen", NULL}, {"", "Raaijmakers", NULL},
	{"", "Kuijpers", NULL}, {"", "Martens", NULL}, {"", "Vlemmix", NULL}, {"", "Vogels", NULL},
	{"", "Manders", NULL}, {"", "Dirks", NULL}, {"", "Thijssen", NULL}, {"", "Vos", NULL},
	{"", "Mulder", NULL}, {"", "Visser", NULL}, {"", "Meulendijks", NULL}, {"", "Biemans", NULL},
	{"", "Sanders", NULL}, {"", "Rooijakkers", NULL}, {"", "Verbeek", NULL}, {"", "Bosch", NULL},
	{"", "Schepers", NULL}, {"", "Kerkhofs", NULL}, {"", "Gevers", NULL}, {"", "Maas", NULL},
	{"", "Timmermans", NULL}, {"", "Claassen", NULL}, {"", "Driessen", NULL}, {"", "Brouwer", NULL},
	{"", "Koolen", NULL}, {"", "Verschuren", NULL}, {"", "Hoogendijk", NULL}, {"", "Bekkers", NULL},
	{"", "Smulders", NULL}, {"", "Spierings", NULL}, {"", "Wijnen", NULL}, {"", "Habraken", NULL},
	{NULL, NULL, NULL}
};

static const struct demodata_achternaam nl_met_tv[] = {
	{"van der", "Berg", NULL}, {"de", "Vries", NULL}, {"van", "Dijk", NULL},
	{"van den", "Broek", NULL}, {"ter", "Horst", NULL}, {"van de", "Ven", NULL},
	{"den", "Hartog", NULL}, {"van", "Leeuwen", NULL}, {"de", "Jong", NULL},
	{"van", "Beek", NULL}, {"ten", "Brink", NULL}, {"in 't", "Veld", NULL},
	{"van 't", "Hof", NULL}, {"van", "Gerwen", NULL}, {"van", "Asten", NULL},
	{"van de", "Laar", NULL}, {"van den", "Heuvel", NULL}, {"van der", "Heijden", NULL},
	{"van", "Lieshout", NULL}, {"van", "Bree", NULL}, {"de", "Groot", NULL},
	{"van", "Rooij", NULL}, {"van der", "Linden", NULL}, {"de", "Wit", NULL},
	{"van", "Vlerken", NULL}, {"van", "Kessel", NULL}, {"van den", "Eijnden", NULL},
	{"van der", "Zanden", NULL}, {"de", "Bruijn", NULL}, {"van", "Dongen", NULL},
	{"van de", "Kerkhof", NULL}, {"van", "Mierlo", NULL}, {"ter", "Haar", NULL},
	{"van", "Hout", NULL}, {"de", "Haas", NULL}, {"van", "Deursen", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Turkish */

static const char *const tr_jongens[] = {
	"Emre", "Yusuf", "Mehmet", "Eymen", "Ömer", "Mert", "Kerem", "Burak", "Alperen", "Efe",
	"Yiğit", "Emir", "Arda", "Adam", NULL
};
static const char *const tr_meisjes[] = {
	"Elif", "Zeynep", "Ecrin", "Büşra", "Ayşe", "Defne", "Azra", "Esra", "Hira", "Nisa",
	"Meryem", "Melis", "Sara", NULL
};
static const char *const tr_ouders_m[] = { "Hakan", "Murat", "Ahmet", "Serkan", "Mustafa", "Kemal", NULL };
static const char *const tr_ouders_v[] = { "Fatma", "Emine", "Gül", "Hatice", "Özlem", "Derya", NULL };
static const struct demodata_achternaam tr_namen[] = {
	{"", "Yılmaz", NULL}, {"", "Çelik", NULL}, {"", "Kaya", NULL}, {"", "Demir", NULL},
	{"", "Şahin", NULL}, {"", "Öztürk", NULL}, {"", "Aydın", NULL}, {"", "Arslan", NULL},
	{"", "Doğan", NULL}, {"", "Koç", NULL}, {"", "Kılıç", NULL}, {"", "Yıldız", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Moroccan */

static const char *const ma_jongens[] = {
	"Mohamed", "Ayoub", "Adam", "Rayan", "Soufiane", "Bilal", "Ilias", "Zakaria", "Amir", "Yassin",
	"Anas", "Imran", NULL
};
static const char *const ma_meisjes[] = {
	"Hasna", "Yasmina", "Nour", "Imane", "Amira", "Salma", "Lina", "Douae", "Aya", "Malak",
	"Hiba", "Ikram", NULL
};
static const char *const ma_ouders_m[] = { "Abdelkader", "Hassan", "Mustapha", "Karim", "Rachid", "Driss", NULL };
static const char *const ma_ouders_v[] = { "Fatima", "Naima", "Khadija", "Samira", "Latifa", "Hanan", NULL };
static const struct demodata_achternaam ma_namen[] = {
	{"", "El-Makrini", NULL}, {"", "El Amrani", NULL}, {"", "Bouzid", NULL}, {"", "Benali", NULL},
	{"", "Ait Taleb", NULL}, {"", "El Idrissi", NULL}, {"", "Azzouzi", NULL}, {"", "Boukhari", NULL},
	{"", "El Ouazzani", NULL}, {"", "Ben Haddou", NULL}, {"", "Chaouch", NULL}, {"", "Ouali", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Surinamese */

static const char *const sr_jongens[] = {
	"Rajesh", "Ravi", "Jayden", "Shaquille", "Dylan", "Sunil", "Jamal", "Quincy", "Deveraj", NULL
};
static const char *const sr_meisjes[] = {
	"Shanti", "Priya", "Naomi", "Djamila", "Shania", "Anjali", "Romaisa", "Kimberley", "Sharmila", NULL
};
static const char *const sr_ouders_m[] = { "Ramesh", "Glenn", "Rudi", "Anand", "Errol", NULL };
static const char *const sr_ouders_v[] = { "Sita", "Marcia", "Anita", "Gail", "Reshma", NULL };
static const struct demodata_achternaam sr_namen[] = {
	{"", "Sewdien", NULL}, {"", "Ramdin", NULL}, {"", "Biharie", NULL}, {"", "Kartosen", NULL},
	{"", "Pinas", NULL}, {"", "Tjon A Fat", NULL}, {"", "Jie-A-Joen", NULL}, {"", "Ramautar", NULL},
	{"", "Wijngaarde", NULL}, {"", "Sitaldin", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Polish */

static const char *const pl_jongens[] = {
	"Jakub", "Kacper", "Szymon", "Filip", "Antoni", "Mikołaj", "Wojciech", "Oskar", NULL
};
static const char *const pl_meisjes[] = {
	"Zofia", "Maja", "Oliwia", "Łucja", "Hanna", "Alicja", "Wiktoria", "Julia", NULL
};
static const char *const pl_ouders_m[] = { "Paweł", "Tomasz", "Marcin", "Krzysztof", NULL };
static const char *const pl_ouders_v[] = { "Agnieszka", "Katarzyna", "Magdalena", "Joanna", NULL };
static const struct demodata_achternaam pl_namen[] = {
	{"", "Kowalski", "Kowalska"}, {"", "Nowak", NULL}, {"", "Wiśniewski", "Wiśniewska"},
	{"", "Wójcik", NULL}, {"", "Lewandowski", "Lewandowska"}, {"", "Zieliński", "Zielińska"},
	{"", "Kamiński", "Kamińska"}, {"", "Szymański", "Szymańska"},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Cape Verdean / Portuguese */

static const char *const cv_jongens[] = { "Pedro", "Nelson", "Jailson", "Kevin", "Tiago", "Rúben", "João", NULL };
static const char *const cv_meisjes[] = { "Ana", "Carla", "Ivanilda", "Leandra", "Beatriz", "Inês", "Luana", NULL };
static const char *const cv_ouders_m[] = { "António", "Manuel", "Carlos", "Domingos", NULL };
static const char *const cv_ouders_v[] = { "Maria", "Fátima", "Celeste", "Lúcia", NULL };
static const struct demodata_achternaam cv_namen[] = {
	{"", "Fortes Monteiro", NULL}, {"", "Lopes Tavares", NULL}, {"", "Gomes Semedo", NULL},
	{"", "Barros Varela", NULL}, {"", "Rodrigues Pires", NULL}, {"", "Gonçalves", NULL},
	{"", "da Silva", NULL}, {"", "dos Santos", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Syrian / Arabic */

static const char *const sy_jongens[] = { "Omar", "Hamza", "Ahmad", "Karam", "Jad", "Yazan", NULL };
static const char *const sy_meisjes[] = { "Lana", "Sham", "Rahaf", "Joudi", "Maya", "Rama", NULL };
static const char *const sy_ouders_m[] = { "Mahmoud", "Khaled", "Samer", "Bassam", NULL };
static const char *const sy_ouders_v[] = { "Rania", "Hala", "Dima", "Nour", NULL };
static const struct demodata_achternaam sy_namen[] = {
	{"", "Al-Hassan", NULL}, {"", "Alkhatib", NULL}, {"", "Haddad", NULL}, {"", "Al Masri", NULL},
	{"", "Darwish", NULL}, {"", "Ibrahim", NULL},
	{NULL, NULL, NULL}
};

/* ---------------------------------------------------------------- Eritrean */

static const char *const er_jongens[] = { "Filmon", "Yonas", "Natan", "Robel", NULL };
static const char *const er_meisjes[] = { "Selam", "Hermela", "Luwam", "Saba", NULL };
static const char *const er_ouders_m[] = { "Tesfay", "Mehari", "Dawit", NULL };
static const char *const er_ouders_v[] = { "Helen", "Senait", "Mebrat", NULL };
static const struct demodata_achternaam er_namen[] = {
	{"", "Tesfamariam", NULL}, {"", "Ghebremedhin", NULL}, {"", "Haile", NULL}, {"", "Kidane", NULL},
	{NULL, NULL, NULL}
};

const struct demodata_herkomst demodata_herkomsten[] = {
	{ 760, nl_jongens, nl_meisjes, nl_zonder, nl_met_tv, 330, nl_ouders_m, nl_ouders_v },
	{  75, tr_jongens, tr_meisjes, tr_namen, NULL, 0, tr_ouders_m, tr_ouders_v },
	{  55, ma_jongens, ma_meisjes, ma_namen, NULL, 0, ma_ouders_m, ma_ouders_v },
	{  30, pl_jongens, pl_meisjes, pl_namen, NULL, 0, pl_ouders_m, pl_ouders_v },
	{  25, sr_jongens, sr_meisjes, sr_namen, NULL, 0, sr_ouders_m, sr_ouders_v },
	{  20, cv_jongens, cv_meisjes, cv_namen, NULL, 0, cv_ouders_m, cv_ouders_v },
	{  25, sy_jongens, sy_meisjes, sy_namen, NULL, 0, sy_ouders_m, sy_ouders_v },
	{  10, er_jongens, er_meisjes, er_namen, NULL, 0, er_ouders_m, er_ouders_v },
	{   0, NULL, NULL, NULL, NULL, 0, NULL, NULL }
};

/* ---------------------------------------------------------------- places */

/* Helmond-Peelland: the municipalities of the four scholenkringen. */
const struct demodata_plaats demodata_plaatsen_po3008[] = {
	{"Helmond", "Helmond", 5701, 5709, 92, "0492"},
	{"Geldrop", "Geldrop-Mierlo", 5661, 5667, 29, "040"},
	{"Mierlo", "Geldrop-Mierlo", 5731, 5731, 11, "0492"},
	{"Heeze", "Heeze-Leende", 5591, 5591, 10, "040"},
	{"Leende", "Heeze-Leende", 5595, 5595, 4, "040"},
	{"Sterksel", "Heeze-Leende", 6029, 6029, 1, "040"},
	{"Nuenen", "Nuenen, Gerwen en Nederwetten", 5671, 5674, 23, "040"},
	{"Beek en Donk", "Laarbeek", 5741, 5741, 9, "0492"},
	{"Aarle-Rixtel", "Laarbeek", 5735, 5735, 6, "0492"},
	{"Lieshout", "Laarbeek", 5737, 5737, 5, "0499"},
	{"Mariahout", "Laarbeek", 5738, 5738, 2, "0499"},
	{"Gemert", "Gemert-Bakel", 5421, 5422, 17, "0492"},
	{"Bakel", "Gemert-Bakel", 5761, 5761, 6, "0492"},
	{"De Mortel", "Gemert-Bakel", 5425, 5425, 1, "0492"},
	{"Handel", "Gemert-Bakel", 5423, 5423, 1, "0492"},
	{"Milheeze", "Gemert-Bakel", 5763, 5763, 1, "0492"},
	{"De Rips", "Gemert-Bakel", 5765, 5765, 1, "0493"},
	{"Boekel", "Boekel", 5427, 5427, 8, "0492"},
	{"Venhorst", "Boekel", 5428, 5428, 1, "0492"},
	{"Asten", "Asten", 5721, 5721, 13, "0493"},
	{"Heusden", "Asten", 5725, 5725, 2, "0493"},
	{"Ommel", "Asten", 5724, 5724, 1, "0493"},
	{"Someren", "Someren", 5711, 5711, 15, "0493"},
	{"Lierop", "Someren", 5715, 5715, 3, "0492"},
	{"Deurne", "Deurne", 5751, 5754, 22, "0493"},
	{"Liessel", "Deurne", 5757, 5757, 3, "0493"},
	{"Vlierden", "Deurne", 5756, 5756, 2, "0493"},
	{"Helenaveen", "Deurne", 5759, 5759, 1, "0493"},
	{"Neerkant", "Deurne", 5758, 5758, 1, "077"},
	{NULL, NULL, 0, 0, 0, NULL}
};

/* Stromenland: Nijmegen and the Rijk van Nijmegen around it. */
const struct demodata_plaats demodata_plaatsen_po2507[] = {
	{"Nijmegen", "Nijmegen", 6511, 6546, 180, "024"},
	{"Lent", "Nijmegen", 6663, 6663, 10, "024"},
	{"Wijchen", "Wijchen", 6601, 6604, 30, "024"},
	{"Beuningen", "Beuningen", 6641, 6642, 18, "024"},
	{"Ewijk", "Beuningen", 6644, 6644, 4, "024"},
	{"Groesbeek", "Berg en Dal", 6561, 6562, 18, "024"},
	{"Ooij", "Berg en Dal", 6576, 6576, 3, "024"},
	{"Malden", "Heumen", 6581, 6581, 11, "024"},
	{"Heumen", "Heumen", 6582, 6582, 2, "024"},
	{"Druten", "Druten", 6651, 6651, 12, "0487"},
	{"Afferden", "Druten", 6654, 6654, 2, "0487"},
	{NULL, NULL, 0, 0, 0, NULL}
};

/* Seed 004 §7.1 names the kringen by their municipalities. */
const struct demodata_kring demodata_kringen_po3008[] = {
	{"Geldrop-Mierlo, Heeze, Nuenen", {"Geldrop-Mierlo", "Heeze-Leende", "Nuenen, Gerwen en Nederwetten", NULL}},
	{"Laarbeek, Gemert-Bakel, Boekel", {"Laarbeek", "Gemert-Bakel", "Boekel", NULL}},
	{"Helmond", {"Helmond", NULL}},
	{"Asten, Someren, Deurne", {"Asten", "Someren", "Deurne", NULL}},
	{NULL, {NULL}}
};

const struct demodata_kring demodata_kringen_po2507[] = {
	{"Nijmegen", {"Nijmegen", NULL}},
	{"Rijk van Nijmegen", {"Wijchen", "Beuningen", "Berg en Dal", "Heumen", "Druten", NULL}},
	{NULL, {NULL}}
};

/* ---------------------------------------------------------------- besturen */

const struct demodata_bestuur demodata_besturen_po3008[] = {
	{"Stichting Primair Onderwijs Peelland", "spopeelland.example", 'b'},
	{"Stichting Katholiek Onderwijs Helmond", "skoh.example", 'b'},
	{"Stichting Openbaar Primair Onderwijs De Peelrand", "opopeelrand.example", 'o'},
	{"Vereniging Protestants-Christelijk Onderwijs Helmond", "pcohelmond.example", 'b'},
	{"Stichting Onderwijsgroep Dommeldal", "dommeldal.example", 'b'},
	{"Stichting Basisonderwijs Gemert-Bakel", "bogemertbakel.example", 'b'},
	{"Stichting Kindcentra Laarbeek", "kclaarbeek.example", 'b'},
	{"Stichting Scholengroep De Zuidoostkempen", "zuidoostkempen.example", 'b'},
	{"Stichting Speciaal Onderwijs Peel en Kempen", "sopeelkempen.example", 's'},
	{"Stichting Peuteropvang Peelland", "peuterspeelland.example", 'v'},
	{NULL, NULL, 0}
};

const struct demodata_bestuur demodata_besturen_po2507[] = {
	{"Stichting Katholiek Primair Onderwijs Rijk van Nijmegen", "kpornijmegen.example", 'b'},
	{"Stichting Openbaar Onderwijs aan de Waal", "ooaandewaal.example", 'o'},
	{"Stichting Speciaal Onderwijs Gelderse Poort", "sogeldersepoort.example", 's'},
	{"Stichting Kinderopvang Rijk van Nijmegen", "kinderopvangrvn.example", 'v'},
	{NULL, NULL, 0}
};

/* ---------------------------------------------------------------- streets, schools, texts */

const char *const demodata_straten[] = {
	"Kerkstraat", "Molenstraat", "Dorpsstraat", "Julianastraat", "Wilhelminalaan", "Beatrixlaan",
	"Prins Bernhardstraat", "Heistraat", "Hoofdstraat", "Markt", "Schoolstraat", "Kapelstraat",
	"Eikenlaan", "Berkenlaan", "Lindenlaan", "Beukenlaan", "Populierenlaan", "Vlierstraat",
	"Heuvelstraat", "Veldstraat", "Akkerstraat", "Broekstraat", "Meerstraat", "Zandstraat",
	"Torenstraat", "Sint Jozefstraat", "Vincent van Goghstraat", "Burgemeester van Houtlaan",
	"Pastoor Jansenstraat", "Merelstraat", "Lijsterstraat", "Zwaluwstraat", "Koolmeesstraat",
	"Esdoornlaan", "Kastanjelaan", "Hazelaarstraat", "Rembrandtlaan", "Vermeerstraat",
	"Klaproosstraat", "Korenbloemstraat", "Zonnebloemstraat", "Irisstraat", "Tulpstraat",
	"Bernhardplein", "Stationsstraat", "Nieuwstraat", "Oude Kerkstraat", "Kloosterstraat",
	"Dommelstraat", "Aa-dijk", "Peelweg", "Kempenlaan", "Brabantlaan", "Waalkade",
	NULL
};

const char *const demodata_schoolnamen[] = {
	"De Regenboog", "De Vlinder", "Het Klavertje", "De Zonnewijzer", "Sint Jozef", "De Wilgenhoek",
	"Het Baken", "De Bolster", "De Vonder", "Den Bogerd", "De Toermalijn", "De Horizon",
	"Sint Lambertus", "Het Kompas", "De Windroos", "De Kameleon", "De Eerste Rang", "Het Palet",
	"De Klimboom", "Sint Willibrordus", "De Hasselbraam", "Het Startpunt", "De Fonkelsteen",
	"De Bundertjes", "Sint Trudo", "De Lochtenberg", "De Wervel", "Het Tweespan", "De Schakel",
	"Mariaschool", "De Peelparel", "Het Mozaïek", "De Akkers", "De Pijlstaart", "De Tweesprong",
	"De Duizendpoot", "Het Avontuur", "De Kastanjelaar", "De Boomgaard", "Sint Odulphus",
	"De Heibloem", "De Molenwiek", "Het Rondeel", "De Vuurvogel", "De Springplank", "Het Anker",
	"De Kleine Wereld", "De Zandloper", "Sint Servatius", "De Eik", "De Kersentuin", "Het Speelhuis",
	"De Sterrenwacht", "Hagevelden", "De Triangel", "De Wegwijzer", "Sint Joris", "De Kievit",
	"Het Talent", "De Dijk", "De Ontdekking", "Het Ravelijn", "De Lindehof", "De Piramide",
	"Antoniusschool", "De Dorpsakker", "De Nieuwe Hoven", "Het Zonnelied", "De Zevensprong",
	"De Wissel",
	NULL
};

const char *const demodata_sbo_namen[] = {
	"De Korenaar", "Het Mozaïek", "De Sprankel", "Antonius Abt", "De Wingerd", NULL
};

const char *const demodata_so_namen[] = {
	"De Peelrand", "Het Kasteel", "De Zonnewende", "De Lichtboei", "Mytylschool De Ruimte", NULL
};

const char *const demodata_vve_namen[] = {
	"Peuteropvang De Blokkendoos", "Peuteropvang 't Kabouterhuis", "Kinderopvang Dikkie Dik", NULL
};

const char *const demodata_locaties[] = {
	"Noord", "Zuid", "Oost", "West", "Centrum", "Dorp", NULL
};

const char *const demodata_groepsdieren[] = {
	"Kameleon", "Giraf", "Dolfijn", "Uil", "Vos", "Egel", "Zeepaardje", "Panda", "Kikker",
	"Schildpad", "Pinguïn", "Vlinder", "Eekhoorn", "Olifant", NULL
};

/* What an IB'er writes; deliberately without any name or identifying detail
 * (titles and texts never carry the pupil's name, seed 000). */
const char *const demodata_omschrijvingen[] = {
	"Leerling laat al langere tijd ernstig gedragsproblemen zien; de school loopt vast in de ondersteuning.",
	"Ondanks twee groepsplanperiodes met extra instructie blijft de leerling achter op technisch lezen.",
	"Ouders en school zoeken samen naar een passende plek; het OPP is bijgevoegd.",
	"Leerling heeft een eigen leerlijn rekenen; de ondersteuningsbehoefte overstijgt de basisondersteuning.",
	"Na een periode van verzuim wil de school graag meedenken over een afgestemd rooster.",
	"Verzoek om observatie in de groep en advies aan de leerkracht.",
	"Vermoeden van een taalontwikkelingsstoornis; onderzoek is aangevraagd.",
	"De leerling is snel overprikkeld; we zoeken handelingsadvies voor de groep.",
	"Verlenging van het lopende arrangement; evaluatie en nieuwe doelen zijn bijgevoegd.",
	"School vraagt een consultatief gesprek aan met ouders, IB en coördinator.",
	"Zienswijze ouders volgt na het gesprek van volgende week.",
	"Leerling komt uit het buitenland en spreekt nog weinig Nederlands.",
	"",
	"",
	NULL
};
