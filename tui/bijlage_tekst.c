/* bijlage_tekst.c — text out of a bijlage with pdftotext, docx2txt or
 * antiword; see bijlage_tekst.h. */
#include "tui/bijlage_tekst.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/bijlage.h"

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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

/* Runs argv (argv[0] looked up in PATH) with stdin and stderr on /dev/null
 * and collects stdout, at most cap bytes, within timeout_ms.  0 with *out
 * (malloc'ed, NUL-terminated) / -1 with e. */
static int run_tool(char *const argv[], long cap, int timeout_ms, char **out, size_t *outlen, int *afgekapt,
		    struct err *e)
{
	int pfd[2], status = 0;
	pid_t pid;
	size_t len = 0, size = 65536;
	char *buf = malloc(size + 1);
	long long deadline = now_ms() + timeout_ms;
	int timed_out = 0;

	*out = NULL;
	*outlen = 0;
	*afgekapt = 0;
	if (!buf)
		return err_set(e, "geen geheugen");
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		free(buf);
		return err_set(e, "%s starten mislukt: %s", argv[0], strerror(errno));
	}
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		free(buf);
		return err_set(e, "%s starten mislukt: %s", argv[0], strerror(errno));
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 2);
		}
		dup2(pfd[1], 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		long long left = deadline - now_ms();
		struct pollfd p = { pfd[0], POLLIN, 0 };
		int r;

		if (left <= 0) {
			timed_out = 1;
			break;
		}
		r = poll(&p, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			timed_out = r == 0;
			break;
		}
		if (len == size && (long)size < cap) {
			size_t ns = size * 2 > (size_t)cap ? (size_t)cap : size * 2;
			char *nb = realloc(buf, ns + 1);
			if (!nb)
				break;
			buf = nb;
			size = ns;
		}
		if (len == size) { /* the cap: show what there is */
			*afgekapt = 1;
			break;
		}
		ssize_t k = read(pfd[0], buf + len, size - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		len += (size_t)k;
	}
	close(pfd[0]);
	if (timed_out || *afgekapt)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out) {
		free(buf);
		return err_set(e, "%s deed er langer dan %d seconden over; exporteer de bijlage om hem te lezen",
			       argv[0], timeout_ms / 1000);
	}
	if (!*afgekapt && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		free(buf);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			return err_set(e, "%s is niet geïnstalleerd (make deps installeert het)", argv[0]);
		return err_set(e, "%s kon de tekst niet lezen (beschadigd of beveiligd bestand?)", argv[0]);
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int bijlage_tekst(const unsigned char *data, size_t len, const char *mime, char **out, int *afgekapt,
		  struct err *e)
{
	char path[4096];
	char *argv[8];
	size_t n = 0;
	int rc;

	*out = NULL;
	*afgekapt = 0;
	switch (bijlage_soort(mime)) {
	case BS_TEKST:
		if (len > (size_t)BIJLAGE_TEKST_MAX) {
			len = (size_t)BIJLAGE_TEKST_MAX;
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
		rc = run_tool(argv, BIJLAGE_TEKST_MAX, BIJLAGE_TEKST_TIMEOUT_MS, out, &n, afgekapt, e);
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
