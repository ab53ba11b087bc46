/* beschikking.c — the rules of a beschikking; see beschikking.h. */
#include "core/beschikking.h"

#include <ctype.h>
#include <errno.h>
#include <libconfig.h>
#include <stdio.h>
#include <string.h>

#include "core/validate.h"

const char *const tlv_disciplines_eerste[] = { "orthopedagoog", "psycholoog", NULL };
/* 004 §4.1 and the law: "afhankelijk van de leerling" a kinder- of
 * jeugdpsycholoog, pedagoog, kinderpsychiater, maatschappelijk werker or
 * arts. */
const char *const tlv_disciplines_tweede[] = { "kinderpsycholoog", "jeugdpsycholoog", "pedagoog", "orthopedagoog",
					       "psycholoog", "kinderpsychiater", "maatschappelijk werker", "arts",
					       NULL };

/* Lower-case ASCII, runs of white space as one space, trimmed: names and
 * schools are compared this way ("J. de Vries" = "j.  de vries"). */
static void fold(const char *s, char *out, size_t len)
{
	size_t j = 0;
	int space = 0;

	if (!len)
		return;
	for (; s && *s && j + 1 < len; s++) {
		unsigned char ch = (unsigned char)*s;
		if (isspace(ch)) {
			space = j > 0;
			continue;
		}
		if (space && j + 2 < len)
			out[j++] = ' ';
		space = 0;
		out[j++] = (char)tolower(ch);
	}
	out[j] = '\0';
}

static int same(const char *a, const char *b)
{
	char fa[BESCHIKKING_KORT * 2], fb[BESCHIKKING_KORT * 2];
	fold(a, fa, sizeof fa);
	fold(b, fb, sizeof fb);
	return fa[0] && strcmp(fa, fb) == 0;
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (same(*list, s))
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- the profile's lists */

static int read_strings(config_setting_t *root, const char *name, char (*out)[BESCHIKKING_KORT], size_t max,
			size_t *n, const char *path, struct err *e)
{
	config_setting_t *l = config_setting_get_member(root, name);
	*n = 0;
	if (!l)
		return 0;
	if (!config_setting_is_array(l) && !config_setting_is_list(l))
		return err_set_at(e, path, config_setting_source_line(l), "%s moet een lijst [ … ] zijn", name);
	for (int i = 0; i < config_setting_length(l); i++) {
		const char *s = config_setting_get_string_elem(l, i);
		if (!s || !*s || strlen(s) >= BESCHIKKING_KORT)
			return err_set_at(e, path, config_setting_source_line(l), "%s: element %d moet tekst zijn", name,
					  i + 1);
		if (*n >= max)
			return err_set_at(e, path, config_setting_source_line(l), "%s: meer dan %zu elementen", name, max);
		snprintf(out[(*n)++], BESCHIKKING_KORT, "%s", s);
	}
	return 0;
}

int beschikking_conf_load(const char *dir, struct beschikking_conf *c, struct err *e)
{
	char path[4096];
	config_t cfg;
	config_setting_t *root, *s;
	FILE *fp;
	const char *emb = NULL;
	int rc = -1;

	memset(c, 0, sizeof *c);
	snprintf(path, sizeof path, "%s/beschikking.conf", dir);
	fp = fopen(path, "r");
	if (!fp) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, "%s: %s", path, strerror(errno));
	}
	config_init(&cfg);
	if (config_read(&cfg, fp) != CONFIG_TRUE) {
		err_set_at(e, path, config_error_line(&cfg), "%s", config_error_text(&cfg));
		goto out;
	}
	root = config_root_setting(&cfg);
	for (int i = 0; (s = config_setting_get_elem(root, (unsigned)i)) != NULL; i++) {
		const char *n = config_setting_name(s);
		if (strcmp(n, "tlv_soorten") && strcmp(n, "emb_soort") && strcmp(n, "afgegeven") &&
		    strcmp(n, "aanpak_types") && strcmp(n, "verwerkt") && strcmp(n, "geblokkeerd")) {
			err_set_at(e, path, config_setting_source_line(s),
				   "onbekende instelling '%s' (verwacht tlv_soorten, emb_soort, afgegeven, aanpak_types, "
				   "verwerkt, geblokkeerd)",
				   n);
			goto out;
		}
	}
	if (read_strings(root, "tlv_soorten", c->soorten, BESCHIKKING_MAX_SOORTEN, &c->nsoorten, path, e) < 0 ||
	    read_strings(root, "afgegeven", c->afgegeven, 4, &c->nafgegeven, path, e) < 0 ||
	    read_strings(root, "aanpak_types", c->aanpak_types, BESCHIKKING_MAX_SOORTEN, &c->ntypes, path, e) < 0 ||
	    read_strings(root, "verwerkt", c->verwerkt, 4, &c->nverwerkt, path, e) < 0 ||
	    read_strings(root, "geblokkeerd", c->geblokkeerd, 4, &c->ngeblokkeerd, path, e) < 0)
		goto out;
	if (config_lookup_string(&cfg, "emb_soort", &emb) == CONFIG_TRUE) {
		size_t i;
		for (i = 0; i < c->nsoorten && strcmp(c->soorten[i], emb); i++)
			;
		if (i == c->nsoorten) {
			err_set_at(e, path, config_setting_source_line(config_lookup(&cfg, "emb_soort")),
				   "emb_soort '%s' staat niet in tlv_soorten", emb);
			goto out;
		}
		snprintf(c->emb_soort, sizeof c->emb_soort, "%s", emb);
	}
	rc = 0;
out:
	if (rc < 0)
		memset(c, 0, sizeof *c);
	config_destroy(&cfg);
	fclose(fp);
	return rc;
}

/* ---------------------------------------------------------------- money, periods, tariffs */

int beschikking_bedrag(const char *in, int64_t *cents, struct err *e)
{
	int64_t v;
	char max[VALIDATE_MONEY_LEN];

	if (validate_money(in, &v, e) < 0)
		return -1;
	if (v == 0)
		return err_set(e, "Bedrag moet meer dan € 0,00 zijn");
	if (v > BESCHIKKING_BEDRAG_MAX)
		return err_set(e, "Bedrag is te hoog: een beschikking is ten hoogste %s",
			       validate_money_format(BESCHIKKING_BEDRAG_MAX, max, sizeof max));
	*cents = v;
	return 0;
}

int beschikking_periode(const char *start, const char *eind, int eerste, int max_jaar, struct datum *s,
			struct datum *en, int *veld, struct err *e)
{
	struct datum a, b;
	struct err sub;

	*veld = 0;
	if (blank(start))
		return err_set(e, "Startdatum is verplicht");
	if (datum_parse(start, &a, &sub) < 0)
		return err_set(e, "%s", sub.msg);
	if (eerste && a.d != 1)
		return err_set(e, "Startdatum moet de 1e van de maand zijn (bijvoorbeeld 01-%02d-%04d)", a.m, a.y);
	*veld = 1;
	if (blank(eind))
		return err_set(e, "Einddatum is verplicht");
	if (datum_parse(eind, &b, &sub) < 0)
		return err_set(e, "%s", sub.msg);
	if (datum_cmp(b, a) <= 0)
		return err_set(e, "Einddatum moet na de startdatum liggen");
	if (max_jaar) {
		/* one year or shorter: the end at most the day before the same
		 * date a year later (29-02 → 28-02 of the next year) */
		struct datum lim = datum_make(a.y + 1, a.m, a.d);
		char buf[DATUM_BUFLEN];
		if (!datum_valid(lim))
			lim = datum_make(a.y + 1, a.m, a.d - 1);
		lim = datum_add_days(lim, -1);
		if (datum_cmp(b, lim) > 0)
			return err_set(e, "Een arrangement duurt ten hoogste een jaar: einddatum uiterlijk %s",
				       datum_format(lim, buf));
	}
	if (s)
		*s = a;
	if (en)
		*en = b;
	return 0;
}

const char *beschikking_schooljaar_naam(int schooljaar, char buf[12])
{
	snprintf(buf, 12, "%04d-%04d", schooljaar % 10000, (schooljaar + 1) % 10000);
	return buf;
}

int beschikking_schooljaar_parse(const char *s, int *schooljaar, struct err *e)
{
	int a, b, n = 0;
	if (!s || sscanf(s, "%4d-%4d%n", &a, &b, &n) != 2 || s[n] || strlen(s) != 9 || a < 1900 || a > 9998)
		return err_set(e, "Schooljaar moet jjjj-jjjj zijn, bijvoorbeeld 2025-2026");
	if (b != a + 1)
		return err_set(e, "Schooljaar %s bestaat niet: het tweede jaar volgt op het eerste (%d-%d)", s, a,
			       a + 1);
	*schooljaar = a;
	return 0;
}

int beschikking_tarief_zoek(const struct beschikking_tarief *t, size_t n, const char *categorie,
			    struct datum start, int64_t *cents, struct err *e)
{
	int jaar = datum_schooljaar(start);
	char naam[12];

	for (size_t i = 0; i < n; i++)
		if (t[i].schooljaar == jaar && same(t[i].categorie, categorie)) {
			*cents = t[i].cents;
			return 0;
		}
	return err_set(e, "Geen tarief voor %s in schooljaar %s (balie admin tarief)", categorie,
		       beschikking_schooljaar_naam(jaar, naam));
}

/* ---------------------------------------------------------------- TLV */

/* What is wrong with a typed beschikkingsnummer (NULL: nothing).  The
 * database's CHECK says the same (migration 015). */
static const char *nummer_fout(const char *s)
{
	if (strlen(s) > BESCHIKKING_NUMMER_MAX)
		return "Beschikkingsnummer is te lang (ten hoogste 40 tekens)";
	if (!isalnum((unsigned char)*s))
		return "Beschikkingsnummer begint met een letter of cijfer";
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("-/._ ", *p))
			return "Beschikkingsnummer: alleen letters, cijfers en - / . _";
	return NULL;
}

static const char *const advies_labels[] = { "naam", "discipline", "organisatie", "datum", "advies", "tekst" };
static const char *const tlv_labels[] = { "Beschikkingsnummer", "Soort", "Startdatum", "Einddatum",
					  "Ontvangende school", "Motivering" };

const char *tlv_veld_label(int veld, char *buf, size_t len)
{
	if (veld >= 0 && veld < TLV_ADVIES1)
		snprintf(buf, len, "%s", tlv_labels[veld]);
	else if (veld == TLV_VORIGE_NUMMER || veld == TLV_VORIGE_EIND)
		snprintf(buf, len, "%s", veld == TLV_VORIGE_NUMMER ? "Verlenging van TLV" : "Einddatum vorige TLV");
	else if (veld >= TLV_ADVIES1 && veld < TLV_VORIGE_NUMMER)
		snprintf(buf, len, "Advies %d: %s", (veld - TLV_ADVIES1) / 6 + 1, advies_labels[(veld - TLV_ADVIES1) % 6]);
	else
		snprintf(buf, len, "?");
	return buf;
}

static void fout(struct tlv_fouten *f, int veld, const char *fmt, const char *arg)
{
	char a[BESCHIKKING_KORT];
	size_t n = arg ? strnlen(arg, sizeof a - 1) : 0;

	if (f->veld[veld][0])
		return; /* the first message of a field is the one to fix first */
	/* bounded, so every message fits its field */
	memcpy(a, arg ? arg : "", n);
	a[n] = '\0';
	snprintf(f->veld[veld], sizeof f->veld[veld], fmt, a);
	f->n++;
}

static int is_soort(const struct beschikking_conf *c, const char *s)
{
	for (size_t i = 0; c && i < c->nsoorten; i++)
		if (same(c->soorten[i], s))
			return 1;
	return 0;
}

static void check_advies(const struct tlv_advies *a, int which, const struct tlv_context *c,
			 const struct tlv_invoer *in, int afgeven, struct tlv_fouten *f)
{
	int base = which == 0 ? TLV_ADVIES1 : TLV_ADVIES2;
	struct datum d;
	struct err sub;

	if (blank(a->naam)) {
		if (afgeven)
			fout(f, base + ADV_NAAM, "Naam van de %s deskundige is verplicht", which == 0 ? "eerste" : "tweede");
	} else {
		for (size_t i = 0; i < c->nbetrokkenen; i++)
			if (same(a->naam, c->betrokkenen[i]))
				fout(f, base + ADV_NAAM,
				     "%s is al bij dit dossier betrokken; een deskundige moet onafhankelijk zijn", a->naam);
	}
	if (blank(a->discipline)) {
		if (afgeven)
			fout(f, base + ADV_DISCIPLINE, "Discipline is verplicht", NULL);
	} else if (which == 0 && !in_list(tlv_disciplines_eerste, a->discipline)) {
		fout(f, base + ADV_DISCIPLINE, "Het eerste advies is van een orthopedagoog of psycholoog, niet %s",
		     a->discipline);
	} else if (which == 1 && !in_list(tlv_disciplines_tweede, a->discipline)) {
		fout(f, base + ADV_DISCIPLINE,
		     "Tweede deskundige: kinder-/jeugdpsycholoog, (ortho)pedagoog, psycholoog, kinderpsychiater, "
		     "maatschappelijk werker of arts, niet %s",
		     a->discipline);
	}
	if (blank(a->organisatie)) {
		if (afgeven)
			fout(f, base + ADV_ORGANISATIE, "Organisatie van de deskundige is verplicht", NULL);
	} else if (c->aanvragende_school && same(a->organisatie, c->aanvragende_school)) {
		fout(f, base + ADV_ORGANISATIE, "Een deskundige van de aanvragende school (%s) mag niet adviseren",
		     c->aanvragende_school);
	} else if (!blank(in->ontvangende_school) && same(a->organisatie, in->ontvangende_school)) {
		fout(f, base + ADV_ORGANISATIE, "Een deskundige van de ontvangende school (%s) mag niet adviseren",
		     in->ontvangende_school);
	}
	if (blank(a->datum)) {
		if (afgeven)
			fout(f, base + ADV_DATUM, "Datum van het advies is verplicht", NULL);
	} else if (datum_parse(a->datum, &d, &sub) < 0) {
		fout(f, base + ADV_DATUM, "%s", sub.msg);
	} else if (datum_valid(c->today) && datum_cmp(d, c->today) > 0) {
		fout(f, base + ADV_DATUM, "Datum van het advies ligt in de toekomst", NULL);
	}
	if (blank(a->advies)) {
		if (afgeven)
			fout(f, base + ADV_ADVIES, "Advies is verplicht: een soort TLV of \"niet toelaatbaar\"", NULL);
	} else if (!same(a->advies, BESCHIKKING_NIET_TOELAATBAAR) && !is_soort(c->conf, a->advies)) {
		fout(f, base + ADV_ADVIES, "Onbekend advies '%s': kies een soort TLV of \"niet toelaatbaar\"", a->advies);
	}
	if (afgeven && blank(a->tekst))
		fout(f, base + ADV_TEKST, "De tekst van het advies is verplicht", NULL);
}

int tlv_check(const struct tlv_invoer *in, const struct tlv_context *c, int afgeven, struct tlv_fouten *f)
{
	struct err sub;
	int veld;

	memset(f, 0, sizeof *f);
	/* number: typed by the financieel medewerker (004 §4.2); a short code */
	if (blank(in->nummer)) {
		if (afgeven)
			fout(f, TLV_NUMMER, "Beschikkingsnummer is verplicht", NULL);
	} else if (nummer_fout(in->nummer)) {
		fout(f, TLV_NUMMER, "%s", nummer_fout(in->nummer));
	}
	if (blank(in->soort)) {
		if (afgeven)
			fout(f, TLV_SOORT, "Soort is verplicht", NULL);
	} else if (!is_soort(c->conf, in->soort)) {
		fout(f, TLV_SOORT, "Onbekende soort '%s'", in->soort);
	} else if (c->emb && c->conf && c->conf->emb_soort[0] && !same(in->soort, c->conf->emb_soort)) {
		/* 004 §4.4: "verplicht met een beschikking TLV SO Hoog" */
		fout(f, TLV_SOORT, "Een EMB-leerling krijgt alleen %s", c->conf->emb_soort);
	}
	if (!blank(in->start) || !blank(in->eind) || afgeven) {
		if (beschikking_periode(in->start, in->eind, 1, 0, NULL, NULL, &veld, &sub) < 0 &&
		    (afgeven || !blank(veld ? in->eind : in->start)))
			fout(f, veld ? TLV_EIND : TLV_START, "%s", sub.msg);
	}
	if (afgeven && blank(in->motivering))
		fout(f, TLV_MOTIVERING, "Motivering is verplicht bij afgeven", NULL);
	/* a verlenging: the earlier TLV's number as numbers are, its einddatum
	 * a date, both or neither */
	if (!blank(in->vorige_nummer) && nummer_fout(in->vorige_nummer))
		fout(f, TLV_VORIGE_NUMMER, "%s", nummer_fout(in->vorige_nummer));
	if (!blank(in->vorige_eind)) {
		struct datum d;
		if (datum_parse(in->vorige_eind, &d, &sub) < 0)
			fout(f, TLV_VORIGE_EIND, "%s", sub.msg);
		else if (blank(in->vorige_nummer))
			fout(f, TLV_VORIGE_NUMMER, "Het nummer van de vorige TLV ontbreekt", NULL);
	}
	check_advies(&in->advies[0], 0, c, in, afgeven, f);
	check_advies(&in->advies[1], 1, c, in, afgeven, f);
	if (!blank(in->advies[0].naam) && same(in->advies[0].naam, in->advies[1].naam))
		fout(f, TLV_ADVIES2 + ADV_NAAM, "Twee adviezen van twee verschillende deskundigen (nu twee keer %s)",
		     in->advies[1].naam);
	/* "Bij gelijke adviezen … afgegeven" (004 §4.1) */
	if (!blank(in->advies[0].advies) && !blank(in->advies[1].advies) &&
	    !same(in->advies[0].advies, in->advies[1].advies)) {
		f->ongelijk = 1;
		if (afgeven) {
			snprintf(f->algemeen, sizeof f->algemeen,
				 "De adviezen verschillen (%s / %s): afgeven kan niet, eerst een nieuw multidisciplinair "
				 "overleg",
				 in->advies[0].advies, in->advies[1].advies);
			f->n++;
		}
	} else if (afgeven && !blank(in->advies[0].advies) && !blank(in->soort) &&
		   same(in->advies[0].advies, BESCHIKKING_NIET_TOELAATBAAR)) {
		snprintf(f->algemeen, sizeof f->algemeen, "Beide adviezen zeggen niet toelaatbaar: afgeven kan niet");
		f->n++;
	} else if (afgeven && !blank(in->advies[0].advies) && !blank(in->soort) && !same(in->advies[0].advies, in->soort)) {
		snprintf(f->algemeen, sizeof f->algemeen, "De adviezen (%s) wijken af van de soort van de beschikking (%s)",
			 in->advies[0].advies, in->soort);
		f->n++;
	}
	return f->n;
}

const char *tlv_fouten_eerste(const struct tlv_fouten *f, char *buf, size_t len)
{
	char label[64];
	for (int i = 0; i < TLV_VELDEN; i++)
		if (f->veld[i][0]) {
			snprintf(buf, len, "%.60s: %.400s", tlv_veld_label(i, label, sizeof label), f->veld[i]);
			return buf;
		}
	snprintf(buf, len, "%s", f->algemeen);
	return buf;
}

const char *tlv_soort_groep(const char *soort, char *buf, size_t len)
{
	char f[BESCHIKKING_KORT * 2];
	const char *groep = NULL;
	fold(soort, f, sizeof f);
	/* the order matters: "vso" contains "so" */
	if (strstr(f, "leerrecht"))
		groep = "Leerrecht";
	else if (strstr(f, "vso"))
		groep = "VSO";
	else if (strstr(f, "sbo"))
		groep = "SBO";
	else if (strstr(f, "so"))
		groep = "SO";
	snprintf(buf, len, "%s", groep ? groep : (soort ? soort : ""));
	return buf;
}

int tlv_overlap(const char *soort, struct datum start, struct datum eind, const struct tlv_periode *others,
		size_t n, struct err *e)
{
	char g[BESCHIKKING_KORT], h[BESCHIKKING_KORT], a[DATUM_BUFLEN], b[DATUM_BUFLEN];
	tlv_soort_groep(soort, g, sizeof g);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(g, tlv_soort_groep(others[i].soort, h, sizeof h)) != 0)
			continue;
		if (datum_cmp(start, others[i].eind) <= 0 && datum_cmp(others[i].start, eind) <= 0) {
			err_set(e, "Overlapt met TLV %s (%s t/m %s) van dezelfde leerling", others[i].nummer,
				datum_format(others[i].start, a), datum_format(others[i].eind, b));
			return (int)i;
		}
	}
	return -1;
}

/* ---------------------------------------------------------------- aanpak */

static const char *const aanpak_labels[AP_VELDEN] = { "Type", "Categorie", "Startdatum", "Einddatum", "Bedrag",
						      "Reden bedrag", "Beschikkingsnummer", "Omschrijving" };

const char *aanpak_veld_label(int veld)
{
	return veld >= 0 && veld < AP_VELDEN ? aanpak_labels[veld] : "?";
}

static void ap_fout(struct aanpak_fouten *f, int veld, const char *msg)
{
	size_t n = strnlen(msg, sizeof f->veld[veld] - 1);

	if (f->veld[veld][0])
		return;
	memcpy(f->veld[veld], msg, n); /* every message fits; cut rather than overflow */
	f->veld[veld][n] = '\0';
	f->n++;
}

int aanpak_check(const struct aanpak_invoer *in, int64_t tarief, int verwerken, int64_t *bedrag,
		 struct aanpak_fouten *f)
{
	struct err sub;
	int veld;
	int64_t cents = 0;
	char msg[400], t[VALIDATE_MONEY_LEN];

	memset(f, 0, sizeof *f);
	if (bedrag)
		*bedrag = 0;
	if (verwerken && blank(in->type))
		ap_fout(f, AP_TYPE, "Type is verplicht");
	if (verwerken && blank(in->categorie))
		ap_fout(f, AP_CATEGORIE, "Categorie is verplicht");
	/* 004 §4.2: "voor een periode van 1 jaar of korter" */
	if ((!blank(in->start) || !blank(in->eind) || verwerken) &&
	    beschikking_periode(in->start, in->eind, 0, 1, NULL, NULL, &veld, &sub) < 0 &&
	    (verwerken || !blank(veld ? in->eind : in->start)))
		ap_fout(f, veld ? AP_EIND : AP_START, sub.msg);
	if (blank(in->bedrag)) {
		if (verwerken)
			ap_fout(f, AP_BEDRAG, "Bedrag is verplicht");
	} else if (beschikking_bedrag(in->bedrag, &cents, &sub) < 0) {
		ap_fout(f, AP_BEDRAG, sub.msg);
	} else if (tarief > 0 && cents != tarief && blank(in->reden)) {
		snprintf(msg, sizeof msg, "Het bedrag wijkt af van het tarief (%s): geef een reden",
			 validate_money_format(tarief, t, sizeof t));
		ap_fout(f, AP_REDEN, msg);
	}
	if (blank(in->nummer)) {
		if (verwerken)
			ap_fout(f, AP_NUMMER, "Beschikkingsnummer is verplicht (de financieel medewerker vult het in)");
	} else if (nummer_fout(in->nummer)) {
		ap_fout(f, AP_NUMMER, nummer_fout(in->nummer));
	}
	if (bedrag)
		*bedrag = cents;
	return f->n;
}

int aanpak_vast_check(const struct aanpak_invoer *in, int64_t vast, struct aanpak_fouten *f)
{
	int64_t cents;
	char msg[400], v[VALIDATE_MONEY_LEN];
	int n = f->n;

	if (vast <= 0 || blank(in->bedrag) || beschikking_bedrag(in->bedrag, &cents, NULL) < 0 || cents == vast)
		return 0;
	/* no reason makes another amount right: the reason's message goes */
	if (f->veld[AP_REDEN][0]) {
		f->veld[AP_REDEN][0] = '\0';
		f->n--;
	}
	snprintf(msg, sizeof msg, "%s heeft een vast bedrag: %s", blank(in->type) ? "Dit type" : in->type,
		 validate_money_format(vast, v, sizeof v));
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	ap_fout(f, AP_BEDRAG, msg);
	return f->n - n;
}
