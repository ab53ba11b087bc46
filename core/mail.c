/* mail.c — building outgoing mail and the retry schedule; see mail.h. */
#include "core/mail.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"

/* ---------------------------------------------------------------- buffer */

struct buf {
	char *s;
	size_t len, cap;
	int oom;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (b->len + n + 1 > cap)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_fmt(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_fmt(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The string, or NULL (and nothing leaked) when memory ran out. */
static char *buf_finish(struct buf *b)
{
	if (b->oom || !b->s) {
		free(b->s);
		return b->oom ? NULL : strdup("");
	}
	return b->s;
}

/* ---------------------------------------------------------------- schedule */

long mail_backoff(int pogingen)
{
	static const long wait[] = {60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600};
	if (pogingen >= MAIL_MAX_POGINGEN)
		return -1;
	if (pogingen < 1)
		return 0;
	int i = pogingen - 1;
	int last = (int)(sizeof wait / sizeof wait[0]) - 1;
	return wait[i < last ? i : last];
}

/* ---------------------------------------------------------------- headers */

int mail_header_check(const char *name, const char *value, struct err *e)
{
	if (!value)
		return err_set(e, "kopregel %s ontbreekt", name);
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*p == '\r' || *p == '\n')
			return err_set(e, "kopregel %s bevat een regeleinde: geweigerd (header-injectie)",
				       name);
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return err_set(e, "kopregel %s bevat een stuurteken: geweigerd", name);
	}
	return 0;
}

static int plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return 0;
	/* Text that looks like an encoded-word would be decoded by readers. */
	return strstr(s, "=?") == NULL;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void buf_base64(struct buf *b, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		char q[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63], i + 1 < n ? b64[(v >> 6) & 63] : '=',
			     i + 2 < n ? b64[v & 63] : '='};
		buf_add(b, q, 4);
	}
}

/* Appends value as encoded-words; the current line already holds `used`
 * characters.  Each word holds whole UTF-8 characters only. */
static void buf_encoded_words(struct buf *b, const char *value, size_t used)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t n = strlen(value), i = 0;
	int first = 1;
	while (i < n || first) {
		/* "=?UTF-8?B?" + "?=" = 12; a line at most 76 characters. */
		size_t room = 76 - used - 12;
		size_t bytes = room / 4 * 3;
		if (bytes < 3)
			bytes = 3;
		size_t take = n - i < bytes ? n - i : bytes;
		/* Do not end inside a UTF-8 sequence. */
		while (take > 0 && i + take < n && (s[i + take] & 0xc0) == 0x80)
			take--;
		if (take == 0 && i < n) /* a broken sequence: take what fits */
			take = n - i < bytes ? n - i : bytes;
		if (!first)
			buf_str(b, "\n ");
		buf_str(b, "=?UTF-8?B?");
		buf_base64(b, s + i, take);
		buf_str(b, "?=");
		i += take;
		used = 1; /* continuation lines start with one space */
		first = 0;
	}
}

char *mail_encode_header(const char *name, const char *value)
{
	struct buf b = {0};
	if (plain_ascii(value))
		buf_str(&b, value);
	else
		buf_encoded_words(&b, value, strlen(name) + 2);
	return buf_finish(&b);
}

/* RFC 5322 specials and what else needs a quoted display name. */
static int needs_quotes(const char *s)
{
	return strpbrk(s, "()<>[]:;@\\,.\"") != NULL;
}

static int ascii_only(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p > 0x7e)
			return 0;
	return 1;
}

int mail_parse_from(const char *from, char *addr, size_t addrlen, char **display, struct err *e)
{
	struct err why;
	if (display)
		*display = NULL;
	if (!from || !*from)
		return err_set(e,
			       "mail_from is niet ingesteld in balie.conf (bijv. \"SWV <noreply@swv.nl>\")");
	if (mail_header_check("From", from, e) < 0)
		return -1;
	const char *lt = strchr(from, '<');
	const char *a = from, *a_end = from + strlen(from);
	const char *name = "", *name_end = "";
	if (lt) {
		const char *gt = strchr(lt, '>');
		if (!gt || gt[1] != '\0')
			return err_set(e,
				       "mail_from: schrijf \"Naam <adres@domein.nl>\" of alleen het adres");
		a = lt + 1;
		a_end = gt;
		name = from;
		name_end = lt;
		while (name < name_end && (*name == ' ' || *name == '\t'))
			name++;
		while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t'))
			name_end--;
	}
	size_t alen = (size_t)(a_end - a);
	if (alen == 0 || alen >= addrlen)
		return err_set(e, "mail_from: geen geldig adres");
	memcpy(addr, a, alen);
	addr[alen] = '\0';
	err_clear(&why);
	if (validate_email(addr, &why) < 0 || !ascii_only(addr) || strchr(addr, ' '))
		return err_set(e, "mail_from: %s", why.msg[0] ? why.msg : "adres met niet-ASCII-tekens");
	if (!display)
		return 0;

	struct buf b = {0};
	char *n = strndup(name, (size_t)(name_end - name));
	if (!n)
		return err_set(e, "geen geheugen");
	if (*n == '\0') {
		buf_str(&b, "");
	} else if (!plain_ascii(n)) {
		buf_encoded_words(&b, n, 6); /* "From: " */
	} else if (needs_quotes(n)) {
		buf_str(&b, "\"");
		for (const char *p = n; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_str(&b, "\\");
			buf_add(&b, p, 1);
		}
		buf_str(&b, "\"");
	} else {
		buf_str(&b, n);
	}
	free(n);
	*display = buf_finish(&b);
	if (!*display)
		return err_set(e, "geen geheugen");
	return 0;
}

int mail_check_to(const char *to, struct err *e)
{
	struct err why;
	if (mail_header_check("To", to, e) < 0)
		return -1;
	err_clear(&why);
	if (validate_email(to, &why) < 0)
		return err_set(e, "ontvanger '%s' geweigerd: %s", to, why.msg);
	if (!ascii_only(to))
		return err_set(
		    e, "ontvanger '%s' geweigerd: adres met niet-ASCII-tekens wordt niet ondersteund", to);
	/* One address only: sendmail -t would take a list as several
	 * recipients.  (validate_email trims, so spaces are checked here.) */
	if (strpbrk(to, " \t,;<>()\""))
		return err_set(e, "ontvanger '%s' geweigerd: precies één adres verwacht", to);
	return 0;
}

/* ---------------------------------------------------------------- date, id */

const char *mail_date(time_t t, char *buf, size_t len)
{
	static const char *const day[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", day[tm.tm_wday % 7], tm.tm_mday,
		 mon[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60,
		 off % 60);
	return buf;
}

const char *mail_message_id(long outbox_id, const char *organisatie, const char *domain, char *buf,
			    size_t len)
{
	char code[32];
	size_t n = 0;
	for (const char *p = organisatie ? organisatie : ""; *p && n + 1 < sizeof code; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-')
			code[n++] = *p;
	code[n] = '\0';
	snprintf(buf, len, "<outbox-%ld%s%s@%s>", outbox_id, n ? "." : "", code,
		 domain && *domain ? domain : "balie.invalid");
	return buf;
}

/* ---------------------------------------------------------------- body */

char *mail_qp_encode(const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {0};
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	size_t col = 0;

	while (*p) {
		unsigned char c = *p;
		if (c == '\r' || c == '\n') {
			buf_str(&b, "\n");
			col = 0;
			p += (c == '\r' && p[1] == '\n') ? 2 : 1;
			continue;
		}
		char tok[4];
		size_t tl;
		int at_eol = p[1] == '\0' || p[1] == '\n' || p[1] == '\r';
		/* "From " at a line start gets mangled by mbox tools. */
		int from_line = col == 0 && c == 'F' && strncmp((const char *)p, "From ", 5) == 0;
		if ((c >= 33 && c <= 126 && c != '=' && !from_line) || ((c == ' ' || c == '\t') && !at_eol)) {
			tok[0] = (char)c;
			tl = 1;
		} else {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 15];
			tl = 3;
		}
		/* Soft break: the line, with its "=", stays within 76. */
		if (col + tl > 75 && !(at_eol && col + tl <= 76)) {
			buf_str(&b, "=\n");
			col = 0;
		}
		buf_add(&b, tok, tl);
		col += tl;
		p++;
	}
	if (b.len == 0 || b.s[b.len - 1] != '\n')
		buf_str(&b, "\n");
	return buf_finish(&b);
}

/* ---------------------------------------------------------------- message */

int mail_build(const struct mail *m, char **out, struct err *e)
{
	char from_addr[256], date[64], msgid[384];
	char *display = NULL, *subject = NULL, *body = NULL;
	int rc = -1;
	struct buf b = {0};

	*out = NULL;
	if (mail_parse_from(m->from, from_addr, sizeof from_addr, &display, e) < 0)
		goto out;
	if (mail_check_to(m->to, e) < 0 || mail_header_check("Subject", m->subject, e) < 0)
		goto out;
	if (strlen(m->subject) > 900) {
		err_set(e, "onderwerp is te lang (%zu bytes, max. 900)", strlen(m->subject));
		goto out;
	}
	subject = mail_encode_header("Subject", m->subject);
	body = mail_qp_encode(m->body);
	if (!subject || !body) {
		err_set(e, "geen geheugen");
		goto out;
	}
	mail_message_id(m->outbox_id, m->organisatie, strchr(from_addr, '@') + 1, msgid, sizeof msgid);
	if (*display) {
		buf_str(&b, "From: ");
		buf_str(&b, display);
		buf_fmt(&b, " <%s>\n", from_addr);
	} else {
		buf_fmt(&b, "From: %s\n", from_addr);
	}
	buf_fmt(&b, "To: %s\n", m->to);
	if (m->antwoord_token && *m->antwoord_token) {
		const char *at = strchr(from_addr, '@');
		if (strlen(m->antwoord_token) != 32 || strspn(m->antwoord_token, "0123456789abcdef") != 32) {
			err_set(e, "antwoordcode is geen 32 hexadecimale cijfers");
			goto out;
		}
		buf_fmt(&b, "Reply-To: %.*s+%s%s\n", (int)(at - from_addr), from_addr, m->antwoord_token, at);
	}
	buf_str(&b, "Subject: ");
	buf_str(&b, subject);
	buf_str(&b, "\n");
	buf_fmt(&b, "Date: %s\n", mail_date(m->date, date, sizeof date));
	buf_fmt(&b, "Message-ID: %s\n", msgid);
	buf_str(&b, "MIME-Version: 1.0\n"
		    "Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: quoted-printable\n"
		    "Auto-Submitted: auto-generated\n"
		    "\n");
	buf_str(&b, body);
	*out = buf_finish(&b);
	b.s = NULL;
	if (!*out) {
		err_set(e, "geen geheugen");
		goto out;
	}
	rc = 0;
out:
	free(b.s);
	free(display);
	free(subject);
	free(body);
	return rc;
}

/* ---------------------------------------------------------------- argv */

int mail_split_argv(const char *cmd, char ***argv, struct err *e)
{
	size_t n = 0, cap = 4;
	char **v = calloc(cap + 1, sizeof *v);
	*argv = NULL;
	if (!v)
		return err_set(e, "geen geheugen");
	const char *p = cmd ? cmd : "";
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, " \t");
		if (n == cap) {
			char **w = realloc(v, (cap * 2 + 1) * sizeof *v);
			if (!w)
				goto oom;
			v = w;
			cap *= 2;
		}
		v[n] = strndup(p, len);
		if (!v[n])
			goto oom;
		v[++n] = NULL;
		p += len;
	}
	if (n == 0) {
		free(v);
		return err_set(e,
			       "mail_command is leeg: zet bijv. \"/usr/sbin/sendmail -t -i\" in balie.conf");
	}
	*argv = v;
	return 0;
oom:
	mail_argv_free(&v);
	return err_set(e, "geen geheugen");
}

void mail_argv_free(char ***argv)
{
	if (!argv || !*argv)
		return;
	for (char **p = *argv; *p; p++)
		free(*p);
	free(*argv);
	*argv = NULL;
}
