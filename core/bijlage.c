/* bijlage.c — bijlage rules without a database; see bijlage.h. */
#include "core/bijlage.h"

#include <dlfcn.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/isolate.h"
#include "core/utf8.h"

const char *const bijlage_categorieen[] = {
	"OPP", "onderzoeksverslag", "toetsgegevens", "plan", "ondertekening", "zienswijze", "beschikking",
	"overig", NULL,
};

const char *bijlage_categorie(const char *in)
{
	for (int i = 0; in && bijlage_categorieen[i]; i++)
		if (!strcasecmp(in, bijlage_categorieen[i]))
			return bijlage_categorieen[i];
	return NULL;
}

int bijlage_check_grootte(long size, struct err *e)
{
	if (size <= BIJLAGE_MAX)
		return 0;
	/* the wording of seed 004 ("Maximale bestandsgrootte bijlagen") */
	long tenths = (size * 10 + 512 * 1024) / (1024 * 1024);
	return err_set(e,
		       "het bestand is %ld,%ld MB; een losse bijlage heeft een maximale bestandsgrootte van 10 MB. "
		       "Het is vermoedelijk een scan met iedere pagina als afbeelding: zet het (PDF-)document om naar "
		       "een lagere resolutie van max. 300 dpi, dat is goed leesbaar en neemt minder ruimte in beslag",
		       tenths / 10, tenths % 10);
}

int bijlage_check_naam(const char *naam, struct err *e)
{
	size_t n = naam ? strlen(naam) : 0;

	if (n == 0)
		return err_set(e, "de bijlage heeft geen naam");
	if (n > BIJLAGE_NAAM_MAX)
		return err_set(e, "de naam van de bijlage is te lang (hoogstens %d tekens)", BIJLAGE_NAAM_MAX);
	if (utf8_length(naam) == (size_t)-1)
		return err_set(e, "de naam van de bijlage is geen geldige UTF-8-tekst");
	for (const unsigned char *p = (const unsigned char *)naam; *p; p++)
		if (*p == '/' || *p == '\\' || *p < 0x20 || *p == 0x7f)
			return err_set(e, "de naam van de bijlage mag geen / of \\ of stuurteken bevatten");
	return 0;
}

const char *bijlage_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

void bijlage_sha256_hex(const void *buf, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, buf, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* libmagic runs in a short-lived child (core/isolate.h) and is loaded
 * there with dlopen: its database (/usr/lib/file/magic.mgc, megabytes
 * once mapped and searched) and the library with its own dependencies never
 * count in the session's memory, which stays under 12 MiB (issue 4 §7). */
struct mime_job {
	const void *buf;
	size_t len;
};

#define MIME_ERR_PREFIX "!"

static int mime_job(void *arg, void *out, size_t outlen)
{
	const struct mime_job *j = arg;
	void *lib = dlopen("libmagic.so.1", RTLD_NOW | RTLD_LOCAL);
	magic_t (*open_)(int);
	int (*load)(magic_t, const char *);
	const char *(*buffer)(magic_t, const void *, size_t);
	const char *(*error)(magic_t);
	magic_t m;
	const char *t;

	if (!lib) {
		snprintf(out, outlen, MIME_ERR_PREFIX "libmagic ontbreekt (Debian-pakket libmagic1)");
		return -1;
	}
	*(void **)&open_ = dlsym(lib, "magic_open");
	*(void **)&load = dlsym(lib, "magic_load");
	*(void **)&buffer = dlsym(lib, "magic_buffer");
	*(void **)&error = dlsym(lib, "magic_error");
	if (!open_ || !load || !buffer || !error || !(m = open_(MAGIC_MIME_TYPE | MAGIC_ERROR))) {
		snprintf(out, outlen, MIME_ERR_PREFIX "libmagic start niet");
		return -1;
	}
	if (load(m, NULL) != 0) {
		snprintf(out, outlen, MIME_ERR_PREFIX "%s", error(m) ? error(m) : "geen magic-bestand");
		return -1;
	}
	t = buffer(m, j->buf, j->len);
	snprintf(out, outlen, "%s", t ? t : "application/octet-stream");
	return 0; /* the child exits: nothing to close */
}

int bijlage_mime(const void *buf, size_t len, char *out, size_t outlen, struct err *e)
{
	struct mime_job j = { buf, len };
	char answer[256];

	if (isolate_run(mime_job, &j, answer, sizeof answer) != 0) {
		return err_set(e, "bestandstype bepalen: %s",
			       answer[0] == MIME_ERR_PREFIX[0] ? answer + 1 : "het hulpproces stopte onverwacht");
	}
	snprintf(out, outlen, "%s", answer);
	return 0;
}

enum bijlage_soort bijlage_soort(const char *mime)
{
	if (!mime)
		return BS_ONBEKEND;
	if (!strcmp(mime, "application/pdf"))
		return BS_PDF;
	if (!strcmp(mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
		return BS_DOCX;
	if (!strcmp(mime, "application/msword"))
		return BS_DOC;
	if (!strncmp(mime, "text/", 5))
		return BS_TEKST;
	return BS_ONBEKEND;
}

const char *bijlage_soort_naam(const char *mime)
{
	switch (bijlage_soort(mime)) {
	case BS_PDF:
		return "PDF";
	case BS_DOCX:
		return "Word";
	case BS_DOC:
		return "Word (oud)";
	case BS_TEKST:
		return "tekst";
	case BS_ONBEKEND:
		break;
	}
	if (mime && !strncmp(mime, "image/", 6))
		return "afbeelding";
	return mime ? mime : "";
}

const char *bijlage_grootte_tekst(char *buf, size_t len, long b)
{
	if (b < 1024)
		snprintf(buf, len, "%ld B", b);
	else if (b < 1024 * 1024)
		snprintf(buf, len, "%ld kB", (b + 512) / 1024);
	else
		snprintf(buf, len, "%ld,%ld MB", b / (1024 * 1024), (b % (1024 * 1024)) * 10 / (1024 * 1024));
	return buf;
}

const char *bijlage_categorie_voorstel(const char *naam)
{
	/* in this order: "OPP ondertekend" is an OPP, a signed one */
	static const struct {
		const char *woord, *categorie;
	} regels[] = {
		{ "opp", "OPP" }, { "ontwikkelingsperspectief", "OPP" },
		{ "onderzoek", "onderzoeksverslag" }, { "verslag", "onderzoeksverslag" },
		{ "rapport", "onderzoeksverslag" }, { "psycholog", "onderzoeksverslag" },
		{ "toets", "toetsgegevens" }, { "lvs", "toetsgegevens" }, { "cito", "toetsgegevens" },
		{ "plan", "plan" }, { "handelingsplan", "plan" }, { "groepsplan", "plan" },
		{ "zienswijze", "zienswijze" }, { "beschikking", "beschikking" },
		{ "handtekening", "ondertekening" }, { "ondertekend", "ondertekening" },
		{ "ondertekening", "ondertekening" }, { "getekend", "ondertekening" },
	};

	for (size_t r = 0; naam && r < sizeof regels / sizeof regels[0]; r++) {
		size_t n = strlen(regels[r].woord);
		for (const char *p = naam; *p; p++) {
			/* the start of a word: the name's start or after a non-letter */
			int begin = p == naam || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'));
			if (begin && strncasecmp(p, regels[r].woord, n) == 0)
				return regels[r].categorie;
		}
	}
	return "overig";
}
