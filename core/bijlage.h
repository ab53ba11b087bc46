/* bijlage.h — the rules of a bijlage (a file on a hulpvraag) that need no
 * database: the categories, the 10 MB limit with the seed's advice, what a
 * stored name may be, the SHA-256 and the type detected from the content
 * (never from the name), and which text extractor fits a type.
 *
 * Type detection uses libmagic (Debian's file(1) library) over the bytes in
 * memory: computation only, it reads nothing but its compiled magic data.
 */
#ifndef BALIE_BIJLAGE_H
#define BALIE_BIJLAGE_H

#include <stddef.h>

#include "core/err.h"

/* "Een losse bijlage heeft een maximale bestandsgrootte van 10 MB" (004). */
#define BIJLAGE_MAX (10L * 1024 * 1024)
#define BIJLAGE_NAAM_MAX 255 /* bytes of UTF-8 */

/* The categories in the order a pick list shows them; NULL-terminated. */
extern const char *const bijlage_categorieen[];

/* The category as stored ("OPP", "onderzoeksverslag", …) for in, matched
 * without regard to case; NULL when in is none of them. */
const char *bijlage_categorie(const char *in);

/* The category a file name suggests (issue 14 §3: "OPP ondertekend.pdf"
 * → OPP): the first rule whose word starts a word of the name, case
 * ignored — OPP / ontwikkelingsperspectief, onderzoek / verslag /
 * rapport, toets / LVS / cito, plan, zienswijze, beschikking,
 * handtekening / ondertekend / getekend; "overig" when none (aanname: the
 * words schools use in the seeds' examples).  Borrowed, never NULL. */
const char *bijlage_categorie_voorstel(const char *naam);

/* 0 when size bytes may be stored; -1 with the seed's advice (scan at a
 * lower resolution) in Dutch when it is over BIJLAGE_MAX. */
int bijlage_check_grootte(long size, struct err *e);

/* 0 when naam may be a bijlage's name: 1..BIJLAGE_NAAM_MAX bytes of valid
 * UTF-8 without a slash, backslash or control character; -1 with e. */
int bijlage_check_naam(const char *naam, struct err *e);

/* The last path component of path ("/home/x/OPP.pdf" → "OPP.pdf"),
 * borrowed from path. */
const char *bijlage_basename(const char *path);

/* Lower-case hex SHA-256 of buf into out (65 bytes with the NUL). */
void bijlage_sha256_hex(const void *buf, size_t len, char out[65]);

/* The MIME type of the content ("application/pdf", "text/plain", …) into
 * out; 0 / -1 with e when libmagic cannot be used. */
int bijlage_mime(const void *buf, size_t len, char *out, size_t outlen, struct err *e);

/* How the viewer gets text out of a type. */
enum bijlage_soort {
	BS_ONBEKEND = 0, /* no text to show (an image, a zip …) */
	BS_TEKST,        /* text/...: shown as it is */
	BS_PDF,          /* pdftotext (poppler-utils) */
	BS_DOCX,         /* docx2txt */
	BS_DOC,          /* antiword (Word 97–2003) */
};

enum bijlage_soort bijlage_soort(const char *mime);

/* A short Dutch name of the type for lists: "PDF", "Word", "Word (oud)",
 * "tekst", else the MIME type itself (borrowed, or mime). */
const char *bijlage_soort_naam(const char *mime);

/* "512 B", "14 kB", "2,3 MB" into buf; returns buf. */
const char *bijlage_grootte_tekst(char *buf, size_t len, long bytes);

#endif
