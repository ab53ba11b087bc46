/* duo.c — DUO's file of school locations; see duo.h. */
#include "core/duo.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "core/validate.h"

int duo_regel(const char *in, char *out, size_t len, struct err *e)
{
	size_t n = strcspn(in, "\r\n"), o = 0;

	if (!strncmp(in, "\xef\xbb\xbf", 3)) {
		in += 3;
		n -= n >= 3 ? 3 : n;
	}
	char probe[DUO_MAX_REGEL];
	if (n >= sizeof probe || n >= len)
		return err_set(e, "regel te lang (meer dan %d tekens)", DUO_MAX_REGEL - 1);
	memcpy(probe, in, n);
	probe[n] = '\0';
	if (utf8_length(probe) != (size_t)-1) {
		memcpy(out, probe, n + 1);
		return 0;
	}
	/* Latin-1: each byte is its code point */
	for (size_t i = 0; i < n; i++) {
		char enc[5];
		size_t k = utf8_encode((unsigned char)probe[i], enc);
		if (o + k >= len)
			return err_set(e, "regel te lang (meer dan %zu tekens)", len - 1);
		memcpy(out + o, enc, k);
		o += k;
	}
	out[o] = '\0';
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int duo_velden(char *line, char sep, char **veld, int max, struct err *e)
{
	int n = 0;
	char *r = line, *w = line;

	for (;;) {
		char *start = w;
		if (n == max)
			return err_set(e, "meer dan %d kolommen", max);
		while (*r == ' ')
			r++;
		if (*r == '"') {
			r++;
			for (;;) {
				if (!*r)
					return err_set(e, "aanhalingsteken niet gesloten");
				if (*r == '"' && r[1] == '"') {
					*w++ = '"';
					r += 2;
				} else if (*r == '"') {
					r++;
					break;
				} else {
					*w++ = *r++;
				}
			}
			while (*r && *r != sep)
				r++; /* after the closing quote: spaces only */
		} else {
			while (*r && *r != sep)
				*w++ = *r++;
		}
		int last = !*r;
		r++;
		*w++ = '\0';
		veld[n++] = trim(start);
		if (last)
			return n;
	}
}

int duo_kop_lees(char *line, struct duo_kop *k, struct err *e)
{
	static const char *const naam[] = {"BRIN NUMMER",          "VESTIGINGSNUMMER", "VESTIGINGSNAAM",
					   "BEVOEGD GEZAG NUMMER", "PLAATSNAAM",       "GEMEENTENAAM"};
	int *plek[] = {&k->brin, &k->vestiging, &k->naam, &k->bg, &k->plaats, &k->gemeente};
	char *veld[DUO_MAX_VELDEN], mis[200] = "";

	k->sep = strchr(line, ';') ? ';' : ',';
	int n = duo_velden(line, k->sep, veld, DUO_MAX_VELDEN, e);
	if (n < 0)
		return -1;
	for (size_t i = 0; i < sizeof naam / sizeof *naam; i++) {
		*plek[i] = -1;
		for (int j = 0; j < n; j++)
			if (!strcasecmp(veld[j], naam[i]))
				*plek[i] = j;
		if (*plek[i] < 0)
			snprintf(mis + strlen(mis), sizeof mis - strlen(mis), "%s%s", *mis ? ", " : "", naam[i]);
	}
	if (*mis)
		return err_set(e, "geen DUO-bestand van schoolvestigingen: kolom %s ontbreekt", mis);
	return 0;
}

static int cijfers(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

int duo_rij(char **veld, int n, const struct duo_kop *k, struct duo_school *s, struct err *e)
{
	int hoogste = k->brin;
	const int plek[] = {k->vestiging, k->naam, k->bg, k->plaats, k->gemeente};
	char brin[VALIDATE_BRIN_LEN];

	for (size_t i = 0; i < sizeof plek / sizeof *plek; i++)
		if (plek[i] > hoogste)
			hoogste = plek[i];
	if (n <= hoogste)
		return err_set(e, "%d kolommen, de kop heeft er meer (minstens %d)", n, hoogste + 1);
	if (validate_brin(veld[k->brin], brin, e) < 0 || strlen(brin) != 4)
		return err_set(e, "BRIN NUMMER '%s' moet 2 cijfers en 2 letters zijn", veld[k->brin]);
	memcpy(s->brin, brin, 5);
	const char *v = veld[k->vestiging];
	if (strlen(v) == 6 && !strncasecmp(v, s->brin, 4) && cijfers(v + 4, 2))
		memcpy(s->vest, v + 4, 3);
	else if (cijfers(v, 2))
		memcpy(s->vest, v, 3);
	else
		return err_set(e, "VESTIGINGSNUMMER '%s' moet %s gevolgd door 2 cijfers zijn (bijv. %s00)", v, s->brin,
			       s->brin);
	s->naam = veld[k->naam];
	s->bg = veld[k->bg];
	s->plaats = veld[k->plaats];
	s->gemeente = veld[k->gemeente];
	if (!*s->naam || strlen(s->naam) > 200 || utf8_has_unsafe(s->naam, 0))
		return err_set(e, "VESTIGINGSNAAM leeg, te lang of met een stuurteken");
	if (!cijfers(s->bg, 5))
		return err_set(e, "BEVOEGD GEZAG NUMMER '%s' moet 5 cijfers zijn", s->bg);
	if (!*s->plaats || !*s->gemeente || utf8_has_unsafe(s->plaats, 0) || utf8_has_unsafe(s->gemeente, 0))
		return err_set(e, "PLAATSNAAM of GEMEENTENAAM leeg of met een stuurteken");
	return 0;
}
