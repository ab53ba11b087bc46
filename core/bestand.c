/* bestand.c — see bestand.h. */
#include "core/bestand.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "1,5 MB" or "900 kB": a limit a person understands. */
static void size_text(long n, char *buf, size_t len)
{
	if (n >= 1024L * 1024)
		snprintf(buf, len, "%.1f MB", (double)n / (1024.0 * 1024.0));
	else
		snprintf(buf, len, "%ld kB", (n + 1023) / 1024);
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
}

int bestand_open_fd(const char *path, long max, long *size, struct err *e)
{
	struct stat st;
	int fd, flags;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return err_set_at(e, path, 0, "%s",
				  errno == ENOENT   ? "bestand bestaat niet"
				  : errno == EACCES ? "geen leesrechten"
						    : strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set_at(e, path, 0, "geen gewoon bestand (een FIFO, map of apparaat?)");
	}
	if (st.st_size > max) {
		char got[32], lim[32];

		close(fd);
		size_text((long)st.st_size, got, sizeof got);
		size_text(max, lim, sizeof lim);
		return err_set_at(e, path, 0, "te groot (%s; hoogstens %s)", got, lim);
	}
	/* a regular file: reads may block again as usual */
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	if (size)
		*size = (long)st.st_size;
	return fd;
}

FILE *bestand_open(const char *path, long max, struct err *e)
{
	int fd = bestand_open_fd(path, max, NULL, e);
	FILE *f;

	if (fd < 0)
		return NULL;
	f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		err_set_at(e, path, 0, "%s", strerror(errno));
	}
	return f;
}

char *bestand_lees_fd(int fd, long size, const char *path, size_t *len, struct err *e)
{
	size_t got = 0;
	char *buf = malloc((size_t)size + 1);

	if (!buf) {
		close(fd);
		err_set_at(e, path, 0, "geen geheugen om het te lezen");
		return NULL;
	}
	while (got < (size_t)size) {
		ssize_t k = read(fd, buf + got, (size_t)size - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	if (got != (size_t)size) {
		free(buf);
		err_set_at(e, path, 0, "kan het niet helemaal lezen");
		return NULL;
	}
	buf[got] = '\0';
	if (len)
		*len = got;
	return buf;
}

char *bestand_lees(const char *path, long max, size_t *len, struct err *e)
{
	long size;
	int fd = bestand_open_fd(path, max, &size, e);

	return fd < 0 ? NULL : bestand_lees_fd(fd, size, path, len, e);
}

int bestand_binnen(const char *root, const char *pad)
{
	size_t n = strlen(root);

	if (!n || root[0] != '/' || pad[0] != '/')
		return 0;
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1) /* root "/" holds everything */
		return 1;
	return strncmp(root, pad, n) == 0 && (pad[n] == '\0' || pad[n] == '/');
}
