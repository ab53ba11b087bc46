/* mailin.c — one incoming mail read with GMime; see mailin.h. */
#include "core/mailin.h"

#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "core/bijlage.h"

/* GMime nests multiparts as deep as a message says; a crafted message of
 * thousands of levels must not take the stack. */
#define MAX_DIEPTE 32

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int mailin_token_uit_adres(const char *adres, char *out)
{
	const char *p;

	if (!adres)
		return 0;
	for (p = strchr(adres, '+'); p; p = strchr(p + 1, '+')) {
		int i;
		for (i = 0; i < MAILIN_TOKEN_LEN && is_hex(p[1 + i]); i++)
			;
		if (i == MAILIN_TOKEN_LEN && p[1 + i] == '@') {
			for (i = 0; i < MAILIN_TOKEN_LEN; i++)
				out[i] = (char)(p[1 + i] >= 'A' && p[1 + i] <= 'F' ? p[1 + i] - 'A' + 'a' : p[1 + i]);
			out[MAILIN_TOKEN_LEN] = '\0';
			return 1;
		}
	}
	return 0;
}

/* Copies the valid UTF-8 characters of in[0..n) that keep() allows into a
 * new string. */
static char *schoon(const char *in, size_t n, int keep_newlines)
{
	char *out = malloc(n + 1);
	size_t o = 0, i = 0;

	if (!out)
		return NULL;
	while (i < n) {
		ucs4_t c;
		int l = u8_mbtouc(&c, (const uint8_t *)in + i, n - i);
		if (c == 0xfffd && !(l == 3 && !memcmp(in + i, "\xef\xbf\xbd", 3))) {
			i += l > 0 ? (size_t)l : 1; /* invalid byte: dropped */
			continue;
		}
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
			if (keep_newlines && (c == '\n' || c == '\t'))
				out[o++] = (char)c;
			i += (size_t)l;
			continue;
		}
		memcpy(out + o, in + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
	}
	out[o] = '\0';
	return out;
}

char *mailin_tekst_schoon(const char *in)
{
	return schoon(in ? in : "", in ? strlen(in) : 0, 1);
}

void mailin_naam_schoon(const char *in, const char *fallback, char *out, size_t len)
{
	const char *base = in ? in : "";
	char *s, *p;
	size_t n;

	for (const char *q = base; *q; q++)
		if (*q == '/' || *q == '\\')
			base = q + 1;
	s = schoon(base, strlen(base), 0);
	p = s ? s : NULL;
	while (p && (*p == '.' || *p == ' '))
		p++;
	if (!p || !*p) {
		snprintf(out, len, "%s", fallback);
		free(s);
		return;
	}
	/* at most BIJLAGE_NAAM_MAX bytes, cut before a continuation byte */
	n = strlen(p);
	if (n > BIJLAGE_NAAM_MAX)
		n = BIJLAGE_NAAM_MAX;
	if (n >= len)
		n = len - 1;
	while (n > 0 && ((unsigned char)p[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, p, n);
	out[n] = '\0';
	free(s);
}

static void gmime_once(void)
{
	static int done;
	if (!done) {
		g_mime_init();
		done = 1;
	}
}

/* The decoded bytes of part's content; NULL when it has none. */
static GByteArray *inhoud(GMimeObject *o)
{
	GMimeStream *ms = g_mime_stream_mem_new();
	GByteArray *ba;

	if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
		if (inner)
			g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, ms);
	} else {
		GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(o));
		if (w)
			g_mime_data_wrapper_write_to_stream(w, ms);
	}
	ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(ms));
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(ms), FALSE);
	g_object_unref(ms);
	return ba;
}

static void bijlage(struct mailin *m, GMimeObject *o, const char *naam)
{
	char fallback[64], schone[256];
	GByteArray *ba;

	m->totaal_bijlagen++;
	if (m->totaal_bijlagen > MAILIN_MAX_BIJLAGEN)
		return; /* counted, never decoded: a mail bomb costs nothing more */
	if (GMIME_IS_MESSAGE_PART(o))
		snprintf(fallback, sizeof fallback, "doorgestuurd-bericht-%d.eml", m->totaal_bijlagen);
	else
		snprintf(fallback, sizeof fallback, "bijlage-%d", m->totaal_bijlagen);
	mailin_naam_schoon(naam, fallback, schone, sizeof schone);
	ba = inhoud(o);
	if (!ba)
		return;
	if ((long)ba->len > m->grootste) {
		m->grootste = (long)ba->len;
		snprintf(m->grootste_naam, sizeof m->grootste_naam, "%s", schone);
	}
	if ((long)ba->len > BIJLAGE_MAX) { /* the reason says so; the raw message keeps it */
		g_byte_array_free(ba, TRUE);
		return;
	}
	struct mailin_bijlage *b = &m->bijlagen[m->nbijlagen];
	snprintf(b->naam, sizeof b->naam, "%s", schone);
	b->len = ba->len;
	b->data = (unsigned char *)g_byte_array_free(ba, FALSE);
	m->nbijlagen++;
}

static void loop(struct mailin *m, GMimeObject *o, int diepte)
{
	if (!o || diepte > MAX_DIEPTE)
		return;
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = GMIME_MULTIPART(o);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++)
			loop(m, g_mime_multipart_get_part(mp, i), diepte + 1);
		return;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		bijlage(m, o, NULL);
		return;
	}
	if (!GMIME_IS_PART(o))
		return;
	GMimePart *part = GMIME_PART(o);
	const char *naam = g_mime_part_get_filename(part);
	GMimeContentDisposition *d = g_mime_object_get_content_disposition(o);
	int als_bijlage = naam || (d && g_mime_content_disposition_is_attachment(d));
	GMimeContentType *ct = g_mime_object_get_content_type(o);

	if (!als_bijlage && ct && g_mime_content_type_is_type(ct, "text", "*")) {
		if (!*m->tekst && g_mime_content_type_is_type(ct, "text", "plain") && GMIME_IS_TEXT_PART(o)) {
			char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(o));
			if (t) {
				char *s = mailin_tekst_schoon(t);
				g_free(t);
				if (s) {
					free(m->tekst);
					m->tekst = s;
				}
			}
		}
		return; /* text/html beside the plain text: the same words */
	}
	bijlage(m, o, naam);
}

/* The token in the value of every header of list named like one of
 * names. */
static void zoek_token(struct mailin *m, GMimeHeaderList *list)
{
	static const char *const names[] = { "Delivered-To", "X-Original-To", "To", "Cc", "Envelope-To", NULL };
	int n = g_mime_header_list_get_count(list);

	for (int k = 0; names[k] && !*m->token; k++)
		for (int i = 0; i < n && !*m->token; i++) {
			GMimeHeader *h = g_mime_header_list_get_header_at(list, i);
			if (!strcasecmp(g_mime_header_get_name(h), names[k]))
				mailin_token_uit_adres(g_mime_header_get_value(h), m->token);
		}
}

int mailin_parse(const void *raw, size_t len, const char *extra_ontvanger, struct mailin *m, struct err *e)
{
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *msg;
	InternetAddressList *from;
	const char *s;

	memset(m, 0, sizeof *m);
	m->onderwerp = strdup("");
	m->tekst = strdup("");
	m->bijlagen = calloc(MAILIN_MAX_BIJLAGEN, sizeof *m->bijlagen);
	if (!m->onderwerp || !m->tekst || !m->bijlagen) {
		mailin_release(m);
		return err_set(e, "geen geheugen voor het bericht");
	}
	gmime_once();
	stream = g_mime_stream_mem_new_with_buffer(raw, len);
	parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	if (!msg) {
		mailin_release(m);
		return err_set(e, "geen leesbaar e-mailbericht");
	}
	if (extra_ontvanger)
		mailin_token_uit_adres(extra_ontvanger, m->token);
	if (!*m->token)
		zoek_token(m, g_mime_object_get_header_list(GMIME_OBJECT(msg)));

	from = g_mime_message_get_from(msg);
	for (int i = 0; from && i < internet_address_list_length(from); i++) {
		InternetAddress *a = internet_address_list_get_address(from, i);
		if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
			const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
			char *c = schoon(addr ? addr : "", addr ? strlen(addr) : 0, 0);
			if (c) {
				snprintf(m->afzender, sizeof m->afzender, "%s", c);
				for (char *p = m->afzender; *p; p++)
					if (*p >= 'A' && *p <= 'Z')
						*p = (char)(*p - 'A' + 'a');
				free(c);
			}
			break;
		}
	}
	s = g_mime_message_get_subject(msg);
	if (s) {
		char *c = schoon(s, strlen(s), 0);
		if (c) {
			free(m->onderwerp);
			m->onderwerp = c;
		}
	}
	s = g_mime_object_get_header(GMIME_OBJECT(msg), "Auto-Submitted");
	if (s && strncasecmp(s, "no", 2) != 0)
		m->automatisch = 1;
	s = g_mime_object_get_header(GMIME_OBJECT(msg), "Return-Path");
	if ((s && strstr(s, "<>")) || !*m->afzender || !strncmp(m->afzender, "mailer-daemon@", 14))
		m->automatisch = 1;

	loop(m, g_mime_message_get_mime_part(msg), 0);
	g_object_unref(msg);
	return 0;
}

void mailin_release(struct mailin *m)
{
	if (m->bijlagen)
		for (int i = 0; i < m->nbijlagen; i++)
			g_free(m->bijlagen[i].data);
	free(m->bijlagen);
	free(m->onderwerp);
	free(m->tekst);
	memset(m, 0, sizeof *m);
}

const char *mailin_reden(const struct mailin *m, char *buf, size_t len)
{
	if (!*m->token)
		return "geen antwoordcode in het adres (geen antwoord op een mail van balie)";
	return mailin_reden_inhoud(m, buf, len);
}

const char *mailin_reden_inhoud(const struct mailin *m, char *buf, size_t len)
{
	if (m->totaal_bijlagen > MAILIN_MAX_BIJLAGEN) {
		snprintf(buf, len, "%d bijlagen; meer dan %d in één bericht wordt niet vanzelf toegevoegd",
			 m->totaal_bijlagen, MAILIN_MAX_BIJLAGEN);
		return buf;
	}
	if (m->grootste > BIJLAGE_MAX) {
		char g[32];
		snprintf(buf, len, "bijlage \"%s\" is %s, meer dan 10 MB", m->grootste_naam,
			 bijlage_grootte_tekst(g, sizeof g, m->grootste));
		return buf;
	}
	return NULL;
}
