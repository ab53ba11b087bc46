/* brief.c — beschikking letters; see brief.h. */
#include "core/brief.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/spawn.h"

char *brief_escape(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	/* worst case: every byte a backslash (\e, 2) or a line start (\&, 2 more) */
	char *out = malloc(n * 4 + 3), *o = out;
	int bol = 1;

	if (!out)
		return NULL;
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (bol) {
			/* every line of a value starts with a zero-width \& so "."
			 * and "'" are never a request, and leading spaces stay */
			*o++ = '\\';
			*o++ = '&';
			bol = 0;
		}
		if (c == '\n') {
			*o++ = '\n';
			bol = 1;
		} else if (c == '\\') {
			*o++ = '\\';
			*o++ = 'e';
		} else if (c < 0x20 || c == 0x7f) {
			if (c == '\t')
				*o++ = ' ';
			/* other control characters never reach the typesetter */
		} else {
			*o++ = (char)c;
		}
	}
	*o = '\0';
	return out;
}

int brief_render(const char *tpl, const struct brief_veld *v, size_t n, char **out, struct err *e)
{
	size_t cap = strlen(tpl) + 1024, len = 0;
	char *buf = malloc(cap);
	int line = 1;

	*out = NULL;
	if (!buf)
		return err_set(e, "onvoldoende geheugen");
	for (const char *p = tpl; *p;) {
		const char *add = p;
		size_t addlen = 1;
		char *esc = NULL;
		if (p[0] == '{' && p[1] == '{') {
			const char *end = strstr(p + 2, "}}");
			const char *nl = strchr(p + 2, '\n');
			if (!end || (nl && nl < end)) {
				free(buf);
				return err_set(e, "regel %d: {{ zonder }}", line);
			}
			size_t i, kl = (size_t)(end - p - 2);
			for (i = 0; i < n && !(strlen(v[i].naam) == kl && !strncmp(v[i].naam, p + 2, kl)); i++)
				;
			if (i == n) {
				free(buf);
				return err_set(e, "regel %d: onbekend veld {{%.*s}}", line, (int)kl, p + 2);
			}
			if (!(esc = brief_escape(v[i].waarde))) {
				free(buf);
				return err_set(e, "onvoldoende geheugen");
			}
			add = esc;
			addlen = strlen(esc);
			p = end + 2;
		} else {
			line += *p == '\n';
			p++;
		}
		if (len + addlen + 1 > cap) {
			cap = (len + addlen + 1) * 2;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(esc);
				free(buf);
				return err_set(e, "onvoldoende geheugen");
			}
			buf = nb;
		}
		memcpy(buf + len, add, addlen);
		len += addlen;
		free(esc);
	}
	buf[len] = '\0';
	*out = buf;
	return 0;
}

int brief_template_read(const char *path, char **out, struct err *e)
{
	FILE *f = fopen(path, "r");
	char *buf;
	size_t n;

	*out = NULL;
	if (!f)
		return err_set(e, "%s: %s", path, errno == ENOENT ? "sjabloon bestaat niet" : strerror(errno));
	buf = malloc(64 * 1024 + 1);
	if (!buf) {
		fclose(f);
		return err_set(e, "onvoldoende geheugen");
	}
	n = fread(buf, 1, 64 * 1024 + 1, f);
	fclose(f);
	if (n > 64 * 1024) {
		free(buf);
		return err_set(e, "%s: sjabloon groter dan 64 KiB", path);
	}
	buf[n] = '\0';
	*out = buf;
	return 0;
}

int brief_pdf(const char *src, unsigned char **pdf, size_t *len, struct err *e)
{
	char *const argv[] = { "groff", "-k", "-t", "-ms", "-Tpdf", NULL };
	struct spawn_opts o = {
		.timeout_ms = 20000,
		.cpu_s = 10,
		.mem_bytes = 256LL * 1024 * 1024,
		.out = SPAWN_IO_CAPTURE,
		.err = SPAWN_IO_CAPTURE,
		.out_cap = 8 * 1024 * 1024,
		.in = src,
		.in_len = strlen(src),
	};
	struct spawn_result r;
	char why[256];

	*pdf = NULL;
	*len = 0;
	if (spawn_run(argv, &o, &r) < 0 || r.out_len < 5 || memcmp(r.out, "%PDF-", 5) != 0) {
		err_set(e, "PDF maken lukte niet: groff %s%s%s",
			r.end == SPAWN_NOT_STARTED ? "is niet geïnstalleerd (make deps)" : spawn_reason(&o, &r, why, sizeof why),
			r.err_tail[0] ? ": " : "", r.err_tail);
		spawn_result_release(&r);
		return -1;
	}
	*pdf = (unsigned char *)r.out; /* ownership moves to the caller */
	*len = r.out_len;
	r.out = NULL;
	spawn_result_release(&r);
	return 0;
}
