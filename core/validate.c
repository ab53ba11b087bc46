/* validate.c — checks of typed BRIN, postcode, e-mail, phone, money and
 * numbers; see validate.h. */
#include "core/validate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ASCII classes: the C ones depend on the locale, these do not. */
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(int c) { return is_upper(c) || is_lower(c); }
static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int to_upper(int c) { return is_lower(c) ? c - 'a' + 'A' : c; }

/* Trims white space: *start and *len describe what is left of s. */
static void trim(const char *s, const char **start, size_t *len)
{
	size_t n;

	if (!s)
		s = "";
	while (is_space((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	*start = s;
	*len = n;
}

int validate_brin(const char *in, char *out, struct err *e)
{
	const char *s;
	size_t n, i;
	char buf[VALIDATE_BRIN_LEN];

	trim(in, &s, &n);
	if ((n != 4 && n != 6) || !is_digit(s[0]) || !is_digit(s[1]) ||
	    !is_alpha((unsigned char)s[2]) || !is_alpha((unsigned char)s[3]) ||
	    (n == 6 && (!is_digit(s[4]) || !is_digit(s[5]))))
		return err_set(e, "BRIN moet 2 cijfers en 2 letters zijn, voor een "
			       "vestiging gevolgd door 2 cijfers (bijv. 14SS of 14SS01)");
	for (i = 0; i < n; i++)
		buf[i] = (char)to_upper((unsigned char)s[i]);
	buf[n] = '\0';
	memcpy(out, buf, n + 1);
	return 0;
}

int validate_postcode(const char *in, char *out, struct err *e)
{
	const char *s, *l;
	size_t n;
	char a, b;

	trim(in, &s, &n);
	if (n < 6 || n > 7 || !is_digit(s[0]) || !is_digit(s[1]) ||
	    !is_digit(s[2]) || !is_digit(s[3]) || (n == 7 && s[4] != ' '))
		goto shape;
	l = s + n - 2;
	if (!is_alpha((unsigned char)l[0]) || !is_alpha((unsigned char)l[1]))
		goto shape;
	if (s[0] == '0')
		return err_set(e, "Postcode begint nooit met 0");
	a = (char)to_upper((unsigned char)l[0]);
	b = (char)to_upper((unsigned char)l[1]);
	if (a == 'S' && (b == 'A' || b == 'D' || b == 'S'))
		return err_set(e, "Postcode met de letters S%c bestaat niet", b);
	snprintf(out, VALIDATE_POSTCODE_LEN, "%.4s %c%c", s, a, b);
	return 0;
shape:
	return err_set(e, "Postcode moet 4 cijfers en 2 letters zijn (bijv. 1234 AB)");
}

static int email_local_char(int c)
{
	return is_alpha(c) || is_digit(c) || (c && strchr(".!#$%&'*+/=?^_`{|}~-", c));
}

int validate_huisnummer(const char *in, char *out, struct err *e)
{
	const char *s;
	size_t n, i = 0, j;
	char add[8];
	size_t nadd = 0;
	int letters = 1;

	trim(in, &s, &n);
	if (n == 0)
		return err_set(e, "Vul het huisnummer in");
	if (!is_digit((unsigned char)s[0]))
		return err_set(e, "Een huisnummer begint met een cijfer (\"12\", \"12a\", \"12-2\")");
	if (s[0] == '0')
		return err_set(e, "Een huisnummer begint niet met 0");
	while (i < n && is_digit((unsigned char)s[i]))
		i++;
	if (i > 5)
		return err_set(e, "Huisnummer is te lang (hoogstens 5 cijfers)");
	j = i;
	if (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == '/')) {
		j++;
		while (j < n && s[j] == ' ')
			j++;
		if (j == n)
			return err_set(e, "Na het huisnummer ontbreekt de toevoeging");
	}
	for (; j < n; j++) {
		unsigned char c = (unsigned char)s[j];
		if (!is_alpha(c) && !is_digit(c))
			return err_set(e, "Toevoeging mag alleen letters en cijfers bevatten (\"12a\", \"12-2\", \"12 bis\")");
		if (nadd >= 6)
			return err_set(e, "Toevoeging is te lang (hoogstens 6 tekens)");
		letters &= is_alpha(c);
		add[nadd++] = (char)c;
	}
	add[nadd] = '\0';
	if (nadd == 1 && letters)
		snprintf(out, VALIDATE_HUISNUMMER_LEN, "%.*s%c", (int)i, s, to_upper((unsigned char)add[0]));
	else if (nadd) {
		for (size_t k = 0; k < nadd; k++)
			if (is_upper((unsigned char)add[k]))
				add[k] = (char)(add[k] - 'A' + 'a');
		snprintf(out, VALIDATE_HUISNUMMER_LEN, "%.*s-%s", (int)i, s, add);
	} else
		snprintf(out, VALIDATE_HUISNUMMER_LEN, "%.*s", (int)i, s);
	return 0;
}

int validate_email(const char *in, struct err *e)
{
	const char *s, *at, *p, *label, *end;
	size_t n, tld_len = 0;
	int labels = 0, tld_alpha = 1;

	trim(in, &s, &n);
	end = s + n;
	if (n == 0)
		return err_set(e, "E-mailadres is leeg");
	if (n > 254)
		return err_set(e, "E-mailadres is te lang");
	for (p = s; p < end; p++)
		if (is_space((unsigned char)*p) || (unsigned char)*p < 0x20)
			return err_set(e, "E-mailadres mag geen spaties bevatten");
	at = memchr(s, '@', n);
	if (!at)
		return err_set(e, "E-mailadres mist de @ (bijv. naam@school.nl)");
	if (memchr(at + 1, '@', (size_t)(end - at - 1)))
		return err_set(e, "E-mailadres mag maar één @ bevatten");
	if (at == s)
		return err_set(e, "E-mailadres mist de naam vóór de @ (bijv. naam@school.nl)");
	if (at + 1 == end)
		return err_set(e, "E-mailadres mist het domein na de @ (bijv. naam@school.nl)");
	if (s[0] == '.' || at[-1] == '.')
		return err_set(e, "E-mailadres: de naam vóór de @ mag niet met een punt "
			       "beginnen of eindigen");
	for (p = s; p < at; p++) {
		if (!email_local_char((unsigned char)*p))
			return err_set(e, "E-mailadres bevat een teken dat niet mag: '%c'", *p);
		if (p[0] == '.' && p[1] == '.')
			return err_set(e, "E-mailadres mag geen twee punten na elkaar bevatten");
	}
	/* The domain: labels of letters, digits, hyphens (and UTF-8 letters of
	 * an internationalised name) separated by single dots. */
	for (label = p = at + 1;; p++) {
		if (p == end || *p == '.') {
			size_t len = (size_t)(p - label);

			if (len == 0)
				return err_set(e, "E-mailadres: domein na de @ klopt niet "
					       "(bijv. school.nl)");
			if (label[0] == '-' || p[-1] == '-')
				return err_set(e, "E-mailadres: een deel van het domein mag niet "
					       "met een streepje beginnen of eindigen");
			labels++;
			tld_len = len;
			tld_alpha = 1;
			for (const char *q = label; q < p; q++)
				if (!is_alpha((unsigned char)*q) && (unsigned char)*q < 0x80)
					tld_alpha = 0;
			if (p == end)
				break;
			label = p + 1;
			continue;
		}
		if (!is_alpha((unsigned char)*p) && !is_digit(*p) && *p != '-' &&
		    (unsigned char)*p < 0x80)
			return err_set(e, "E-mailadres: het domein bevat een teken dat niet mag: '%c'",
				       *p);
	}
	if (labels < 2)
		return err_set(e, "E-mailadres mist de punt in het domein (bijv. naam@school.nl)");
	if (tld_len < 2 || !tld_alpha)
		return err_set(e, "E-mailadres: het domein eindigt niet op een geldige "
			       "extensie (bijv. .nl)");
	return 0;
}

int validate_phone(const char *in, char *out, struct err *e)
{
	const char *s, *p;
	size_t n, nd = 0;
	char d[32], nat[VALIDATE_PHONE_LEN];
	const char *rest;
	int plus = 0;

	trim(in, &s, &n);
	if (n == 0)
		return err_set(e, "Telefoonnummer is leeg");
	for (p = s; p < s + n; p++) {
		if (is_digit(*p)) {
			if (nd + 1 >= sizeof d)
				goto shape;
			d[nd++] = *p;
		} else if (*p == '+' && p == s) {
			plus = 1;
		} else if (!strchr(" -.()/", *p)) {
			return err_set(e, "Telefoonnummer mag alleen cijfers, spaties, streepjes "
				       "en een + aan het begin bevatten");
		}
	}
	d[nd] = '\0';
	if (plus || strncmp(d, "00", 2) == 0) {
		rest = plus ? d : d + 2;
		if (strncmp(rest, "31", 2) != 0)
			return err_set(e, "Alleen Nederlandse telefoonnummers (+31) kunnen");
		rest += 2;
		if (rest[0] == '0') /* "+31 (0)6 …" */
			rest++;
		n = strlen(rest);
		if (n + 2 > sizeof nat)
			goto shape;
		nat[0] = '0';
		memcpy(nat + 1, rest, n + 1);
	} else {
		n = strlen(d);
		if (n + 1 > sizeof nat)
			goto shape;
		memcpy(nat, d, n + 1);
	}
	n = strlen(nat);
	if (nat[0] != '0' || nat[1] == '0')
		goto shape;
	if (strncmp(nat, "0800", 4) == 0 || strncmp(nat, "0900", 4) == 0 ||
	    strncmp(nat, "0906", 4) == 0 || strncmp(nat, "0909", 4) == 0) {
		if (n != 8 && n != 11)
			return err_set(e, "Telefoonnummer: na %.4s volgen 4 of 7 cijfers", nat);
	} else if (n != 10) {
		goto shape;
	}
	if (out)
		memcpy(out, nat, n + 1);
	return 0;
shape:
	return err_set(e, "Telefoonnummer moet 10 cijfers hebben (bijv. 06-12345678) "
		       "of met +31 beginnen");
}

#define MONEY_SHAPE "Bedrag moet een getal in euro zijn (bijv. 8.500,00)"

int validate_money(const char *in, int64_t *cents, struct err *e)
{
	const char *s, *p, *end;
	size_t n;
	uint64_t euros = 0, frac = 0;
	int group = -1; /* digits in the current thousands group; -1: no dot yet */
	int ndig = 0;

	trim(in, &s, &n);
	p = s;
	end = s + n;
	if (n == 0)
		return err_set(e, "Bedrag is leeg");
	if (*p == '-')
		return err_set(e, "Bedrag mag niet negatief zijn");
	if (end - p >= 3 && memcmp(p, "\xe2\x82\xac", 3) == 0) { /* € */
		p += 3;
	} else if (end - p >= 3 && (p[0] == 'E' || p[0] == 'e') &&
		   (p[1] == 'U' || p[1] == 'u') && (p[2] == 'R' || p[2] == 'r')) {
		p += 3;
	}
	while (p < end && is_space((unsigned char)*p))
		p++;
	if (p < end && *p == '-')
		return err_set(e, "Bedrag mag niet negatief zijn");
	if (p < end && *p == '+')
		p++;
	for (; p < end && (is_digit(*p) || *p == '.'); p++) {
		if (*p == '.') {
			/* A dot separates thousands: 1..3 digits before the first,
			 * exactly 3 between dots and after the last. */
			if (ndig == 0 || (group < 0 && ndig > 3) || (group >= 0 && group != 3))
				goto dot;
			group = 0;
			continue;
		}
		if (euros > (UINT64_MAX - 9) / 10)
			goto big;
		euros = euros * 10 + (uint64_t)(*p - '0');
		ndig++;
		if (group >= 0)
			group++;
	}
	if (ndig == 0)
		return err_set(e, MONEY_SHAPE);
	if (group >= 0 && group != 3)
		goto dot;
	if (p < end && *p == ',') {
		int fd = 0;

		p++;
		if (p < end && *p == '-') { /* "8.500,-" and "8.500,--" */
			p++;
			if (p < end && *p == '-')
				p++;
		} else {
			for (; p < end && is_digit(*p); p++, fd++)
				if (fd < 2)
					frac = frac * 10 + (uint64_t)(*p - '0');
			if (fd == 0)
				return err_set(e, MONEY_SHAPE);
			if (fd > 2)
				return err_set(e, "Bedrag heeft hoogstens 2 cijfers achter de komma");
			if (fd == 1)
				frac *= 10;
		}
	}
	if (p != end)
		return err_set(e, MONEY_SHAPE);
	if (euros > ((uint64_t)INT64_MAX - frac) / 100)
		goto big;
	*cents = (int64_t)(euros * 100 + frac);
	return 0;
dot:
	return err_set(e, "Bedrag: de punt scheidt duizendtallen (8.500); centen komen "
		       "na een komma (8,50)");
big:
	return err_set(e, "Bedrag is te groot");
}

const char *validate_money_format(int64_t cents, char *buf, size_t len)
{
	char digits[24], grouped[40];
	uint64_t abs = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	size_t nd, i, j = 0;

	nd = (size_t)snprintf(digits, sizeof digits, "%llu",
			      (unsigned long long)(abs / 100));
	for (i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(buf, len, "\xe2\x82\xac %s%s,%02u", cents < 0 ? "-" : "", grouped,
		 (unsigned)(abs % 100));
	return buf;
}

int validate_int(const char *in, long long min, long long max, long long *out,
		 const char *what, struct err *e)
{
	const char *s;
	char buf[32];
	size_t n, i;
	long long v;

	if (!what)
		what = "Getal";
	trim(in, &s, &n);
	if (n == 0)
		return err_set(e, "%s is leeg", what);
	for (i = 0; i < n; i++)
		if (!is_digit(s[i]) && !(i == 0 && (s[i] == '-' || s[i] == '+') && n > 1))
			return err_set(e, "%s moet een heel getal zijn", what);
	if (n >= sizeof buf)
		goto range;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	v = strtoll(buf, NULL, 10);
	if (errno == ERANGE || v < min || v > max)
		goto range;
	*out = v;
	return 0;
range:
	return err_set(e, "%s moet tussen %lld en %lld liggen", what, min, max);
}
