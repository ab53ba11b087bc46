/* bijlage_tekst.c — text out of a bijlage with pdftotext, docx2txt or
 * antiword; see bijlage_tekst.h. */
#include "tui/bijlage_tekst.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bijlage.h"
#include "core/spawn.h"

/* data into a new private file under $TMPDIR (or /tmp) ending in suffix
 * (docx2txt wants ".docx"); path gets its name.  0 / -1 with e. */
static int temp_file(const unsigned char *data, size_t len, const char *suffix, char *path, size_t plen,
		     struct err *e)
{
	const char *dir = getenv("TMPDIR");
	size_t done = 0;
	int fd;

	snprintf(path, plen, "%s/balie-bijlage-XXXXXX%s", dir && *dir ? dir : "/tmp", suffix);
	fd = mkstemps(path, (int)strlen(suffix)); /* O_EXCL, mode 0600 */
	if (fd < 0)
		return err_set(e, "tijdelijk bestand maken mislukt: %s", strerror(errno));
	fchmod(fd, 0600);
	while (done < len) {
		ssize_t k = write(fd, data + done, len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			close(fd);
			unlink(path);
			return err_set(e, "tijdelijk bestand schrijven mislukt: %s", strerror(errno));
		}
		done += (size_t)k;
	}
	if (close(fd) < 0) {
		unlink(path);
		return err_set(e, "tijdelijk bestand schrijven mislukt: %s", strerror(errno));
	}
	return 0;
}

const struct bijlage_grenzen bijlage_tekst_grenzen = {
	.timeout_ms = 20000,
	.cpu_s = 10,
	.mem_bytes = 512LL * 1024 * 1024,
	.max = (size_t)BIJLAGE_TEKST_MAX,
};

int bijlage_tekst_omzetten(char *const argv[], const struct bijlage_grenzen *g, char **out, size_t *n,
			   int *afgekapt, struct err *e)
{
	struct spawn_opts o = {
		.timeout_ms = g->timeout_ms,
		.cpu_s = g->cpu_s,
		.mem_bytes = g->mem_bytes,
		.fsize_bytes = 64LL * 1024 * 1024, /* it writes to a pipe; no file may fill the disk */
		.nofile = 256,
		.out = SPAWN_IO_CAPTURE,
		.out_cap = g->max,
		.err = SPAWN_IO_CAPTURE, /* its last words tell a memory failure */
		.flags = SPAWN_DIE_WITH_PARENT,
	};
	struct spawn_result r;
	char why[160];

	*out = NULL;
	*n = 0;
	*afgekapt = 0;
	spawn_run(argv, &o, &r);
	switch (r.end) {
	case SPAWN_TOO_BIG: /* the cap: show what there is */
		*afgekapt = 1;
		/* fall through */
	case SPAWN_EXITED:
		if (r.end == SPAWN_TOO_BIG || r.status == 0) {
			*out = r.out;
			*n = r.out_len;
			return 0;
		}
		break;
	case SPAWN_TIMED_OUT:
	case SPAWN_CPU_LIMIT:
	case SPAWN_MEM_LIMIT:
		spawn_result_release(&r);
		return err_set(e, "Het document kon niet worden omgezet: het omzetten %s; exporteer de bijlage (e) om hem te "
				  "openen",
			       spawn_reason(&o, &r, why, sizeof why));
	case SPAWN_NOT_STARTED:
		if (r.errnum == ENOENT)
			return err_set(e, "%s is niet geïnstalleerd (make deps installeert het)", argv[0]);
		return err_set(e, "%s starten mislukt: %s", argv[0], strerror(r.errnum));
	case SPAWN_SIGNALED:
		break;
	}
	spawn_result_release(&r);
	return err_set(e, "%s kon de tekst niet lezen (beschadigd of beveiligd bestand?)", argv[0]);
}

int bijlage_tekst(const unsigned char *data, size_t len, const char *mime, char **out, int *afgekapt,
		  struct err *e)
{
	return bijlage_tekst_met(data, len, mime, &bijlage_tekst_grenzen, out, afgekapt, e);
}

int bijlage_tekst_met(const unsigned char *data, size_t len, const char *mime, const struct bijlage_grenzen *g,
		      char **out, int *afgekapt, struct err *e)
{
	char path[4096];
	char *argv[8];
	size_t n = 0;
	int rc;

	*out = NULL;
	*afgekapt = 0;
	switch (bijlage_soort(mime)) {
	case BS_TEKST:
		if (len > g->max) {
			len = g->max;
			*afgekapt = 1;
		}
		*out = malloc(len + 1);
		if (!*out)
			return err_set(e, "geen geheugen");
		memcpy(*out, data, len);
		(*out)[len] = '\0';
		n = len;
		rc = 0;
		break;
	case BS_PDF:
	case BS_DOCX:
	case BS_DOC: {
		enum bijlage_soort s = bijlage_soort(mime);
		if (temp_file(data, len, s == BS_PDF ? ".pdf" : s == BS_DOCX ? ".docx" : ".doc", path, sizeof path, e) < 0)
			return -1;
		if (s == BS_PDF) {
			char *v[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-q", path, "-", NULL };
			memcpy(argv, v, sizeof v);
		} else if (s == BS_DOCX) {
			char *v[] = { "docx2txt", path, "-", NULL };
			memcpy(argv, v, sizeof v);
		} else {
			char *v[] = { "antiword", "-m", "UTF-8.txt", path, NULL };
			memcpy(argv, v, sizeof v);
		}
		rc = bijlage_tekst_omzetten(argv, g, out, &n, afgekapt, e);
		unlink(path);
		break;
	}
	default:
		return err_set(e, "van dit type (%s) kan balie geen tekst tonen; exporteer de bijlage (e) om hem te "
				  "openen",
			       bijlage_soort_naam(mime));
	}
	if (rc < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((*out)[i] == '\0' || (*out)[i] == '\f')
			(*out)[i] = (*out)[i] == '\f' ? '\n' : ' '; /* page breaks become blank lines */
	return 0;
}
