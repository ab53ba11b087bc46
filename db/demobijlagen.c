/* demobijlagen.c — demo bijlagen; see demobijlagen.h. */
#include "db/demobijlagen.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage.h"
#include "core/datum.h"
#include "core/utf8.h"
#include "db/row.h"

/* PDF string: Latin-1 (WinAnsiEncoding) with ( ) \ escaped. */
static size_t pdf_string(char *out, size_t cap, const char *s)
{
	size_t o = 0, n = strlen(s);

	for (size_t i = 0; i < n && o + 4 < cap;) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!k) {
			k = 1;
			cp = '?';
		}
		i += k;
		if (cp == '(' || cp == ')' || cp == '\\')
			out[o++] = '\\';
		out[o++] = cp < 256 ? (char)cp : '?';
	}
	out[o] = '\0';
	return o;
}

size_t demobijlagen_pdf(char *out, size_t cap, const char *const *lines)
{
	char content[8192], esc[512];
	size_t c = 0, o = 0, off[6];
	int n;

	c += (size_t)snprintf(content + c, sizeof content - c, "BT /F1 11 Tf 56 780 Td 15 TL\n");
	for (int i = 0; lines[i] && c < sizeof content - 600; i++) {
		pdf_string(esc, sizeof esc, lines[i]);
		c += (size_t)snprintf(content + c, sizeof content - c, "(%s) Tj T*\n", esc);
	}
	c += (size_t)snprintf(content + c, sizeof content - c, "ET\n");
	if (c >= sizeof content)
		return 0;
#define PUT(...)                                                       \
	do {                                                           \
		n = snprintf(out + o, o < cap ? cap - o : 0, __VA_ARGS__); \
		if (n < 0 || o + (size_t)n >= cap)                     \
			return 0;                                      \
		o += (size_t)n;                                        \
	} while (0)
	PUT("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n");
	off[1] = o;
	PUT("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = o;
	PUT("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = o;
	PUT("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
	    "/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
	off[4] = o;
	PUT("4 0 obj\n<< /Length %zu >>\nstream\n%sendstream\nendobj\n", c, content);
	off[5] = o;
	PUT("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
	size_t xref = o;
	PUT("xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		PUT("%010zu 00000 n \n", off[i]);
	PUT("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
#undef PUT
	return o;
}

static const char *const opp[] = {
	"Ontwikkelingsperspectiefplan (OPP)",
	"",
	"Schooljaar 2026-2027 - versie ter ondertekening",
	"",
	"1. Beginsituatie",
	"De leerling functioneert op de meeste vakgebieden ruim een jaar onder het niveau van de groep.",
	"Werkhouding: snel afgeleid, heeft veel begeleiding nodig bij het plannen van taken.",
	"",
	"2. Onderwijsbehoeften",
	"- een kleine groep met een vaste leerkracht en voorspelbare structuur",
	"- korte instructies, herhaling en visuele ondersteuning",
	"- ondersteuning bij de sociaal-emotionele ontwikkeling",
	"",
	"3. Uitstroomperspectief",
	"Praktijkonderwijs / VMBO basisberoepsgerichte leerweg.",
	"",
	"4. Handelingsdeel",
	"Doelen per vakgebied, evaluatie na twaalf weken met ouders en intern begeleider.",
	"",
	"Ondertekening: ouders/verzorgers, directeur, intern begeleider.",
	NULL,
};

static const char *const onderzoek[] = {
	"Psychologisch onderzoeksverslag",
	"",
	"Aanleiding: vragen van school en ouders over leerbaarheid en gedrag.",
	"",
	"Afgenomen: intelligentieonderzoek (WISC-V), vragenlijsten ouders en leerkracht,",
	"observatie in de klas.",
	"",
	"Resultaten",
	"Het totaal-IQ ligt in het zwakke gebied; verwerkingssnelheid is een relatieve zwakte.",
	"Er zijn aanwijzingen voor werkgeheugenproblemen.",
	"",
	"Conclusie en advies",
	"De leerling heeft meer nodig dan de basisschool met extra ondersteuning kan bieden.",
	"Geadviseerd wordt een toelaatbaarheidsverklaring (TLV) voor speciaal basisonderwijs (SBO).",
	"",
	"Orthopedagoog-generalist, BIG-geregistreerd",
	NULL,
};

static const char toets[] =
	"Toetsoverzicht leerlingvolgsysteem\n"
	"\n"
	"Vakgebied          Midden groep 5   Eind groep 5   Midden groep 6\n"
	"Begrijpend lezen   V                V              V\n"
	"Rekenen-Wiskunde   IV               V              V\n"
	"Spelling           IV               IV             V\n"
	"Technisch lezen    III              IV             IV\n"
	"\n"
	"Didactische leeftijdsequivalenten (DLE) liggen 10 tot 15 maanden achter.\n";

/* The bijlagen of one kind on the TLV hulpvragen of PO3008: $1 sha256, $2
 * mime, $3 grootte, $4 categorie, $5 names (text[], one per hulpvraag by
 * id), $6 a day spread for the upload date; who: the school account of the
 * hulpvraag or the secretariaat.  `extra` narrows the hulpvragen. */
#define INSERT_KIND(extra)                                                                                      \
	"INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie, geupload_door, " \
	"                     geupload_op) "                                                                      \
	"SELECT h.id, h.organisatie_id, ($5::text[])[1 + (h.id % array_length($5::text[], 1))], $3::bigint, $1, $2, " \
	"       $4, coalesce(h.aanvrager_id, (SELECT id FROM account WHERE username = 'secretariaat')), "        \
	"       ((h.datum - ((h.id * 37) % $6::int)::int) + time '09:15' + make_interval(mins => (h.id % 400)::int)) "  \
	"         AT TIME ZONE '" DATUM_TZ "' "                                                                        \
	"  FROM hulpvraag h JOIN aanvraagtype t ON t.id = h.aanvraagtype_id "                                     \
	"  JOIN organisatie o ON o.id = h.organisatie_id "                                                        \
	" WHERE o.code = 'PO3008' AND t.categorie = 'TLV' AND h.status <> 'TLV>voorlopige aanvraag' " extra

/* One document: stored once, then on the hulpvragen that sql picks. */
static int kind(struct db *db, const void *data, size_t len, const char *mime, const char *cat, const char *names,
		const char *spread, const char *sql, struct err *e)
{
	char sha[65], size[24];
	char *hex = malloc(2 * len + 3);
	int rc;

	if (!hex)
		return err_set(e, "geen geheugen");
	strcpy(hex, "\\x");
	for (size_t i = 0; i < len; i++)
		sprintf(hex + 2 + 2 * i, "%02x", ((const unsigned char *)data)[i]);
	bijlage_sha256_hex(data, len, sha);
	snprintf(size, sizeof size, "%zu", len);
	const char *pi[2] = { sha, hex };
	rc = db_run(db,
		 "INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) "
		 "SELECT id, $1, $2::bytea FROM organisatie WHERE code = 'PO3008' ON CONFLICT DO NOTHING",
		 2, pi, e);
	free(hex);
	if (rc < 0)
		return -1;
	const char *p[6] = { sha, mime, size, cat, names, spread };
	return db_run(db, sql, 6, p, e);
}

int demobijlagen_load(struct db *db, struct err *e)
{
	char pdf1[8192], pdf2[8192];
	size_t n1 = demobijlagen_pdf(pdf1, sizeof pdf1, opp);
	size_t n2 = demobijlagen_pdf(pdf2, sizeof pdf2, onderzoek);

	if (!n1 || !n2)
		return err_set(e, "demobijlagen: PDF te groot");
	/* bulk: no per-row triggers (NOTIFY, foreign keys: consistent by
	 * construction); restored at COMMIT by SET LOCAL */
	if (db_run(db, "SET LOCAL session_replication_role = replica", 0, NULL, e) < 0)
		return -1;
	/* the OPP: not where "aanvulling nodig" says it is missing */
	if (kind(db, pdf1, n1, "application/pdf", "OPP",
		 "{OPP.pdf,\"OPP groep 6 definitief.pdf\",scan20230106.pdf,OPPondertekening.pdf,document1.pdf}", "60",
		 INSERT_KIND("AND h.status <> 'TLV>aanvraag aanvulling nodig'"), e) < 0)
		return -1;
	/* the research report: some older than two years (seed 001) */
	if (kind(db, pdf2, n2, "application/pdf", "onderzoeksverslag",
		 "{\"Onderzoeksverslag psycholoog.pdf\",scan20240312.pdf,verslag.pdf,\"Psychologisch onderzoek.pdf\"}",
		 "1100", INSERT_KIND(""), e) < 0)
		return -1;
	if (kind(db, toets, sizeof toets - 1, "text/plain", "toetsgegevens",
		 "{\"Toetsoverzicht LVS.txt\",toetsen.txt}", "30", INSERT_KIND("AND h.id % 3 = 0"), e) < 0)
		return -1;
	return db_run(db, "SET LOCAL session_replication_role = origin", 0, NULL, e);
}
