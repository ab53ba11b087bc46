/* safe_output.c — see safe_output.h. */
#include "tui/cmd/safe_output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

struct guard {
	int fd;
	unsigned char pending[4];
	size_t npending;
};

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;
	char out[3 * 1024 + 16];
	size_t done = 0;

	while (done < size) {
		size_t chunk = size - done < 1024 ? size - done : 1024;
		size_t o = utf8_terminal_safe(buf + done, chunk, g->pending, &g->npending, out);

		if (write_all(g->fd, out, o) < 0)
			return done > 0 ? (ssize_t)done : -1;
		done += chunk;
	}
	return (ssize_t)size;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;

	/* a sequence the program never finished is shown as not-UTF-8 */
	if (g->npending > 0)
		(void)write_all(g->fd, replacement, 3);
	free(g);
	return 0;
}

static FILE *guarded(FILE *f, int fd, int line_buffered)
{
	cookie_io_functions_t io = { NULL, guard_write, NULL, guard_close };
	struct guard *g;
	FILE *nf;

	if (!isatty(fd))
		return f;
	g = calloc(1, sizeof *g);
	if (!g)
		return f;
	g->fd = fd;
	nf = fopencookie(g, "w", io);
	if (!nf) {
		free(g);
		return f;
	}
	fflush(f);
	setvbuf(nf, NULL, line_buffered ? _IOLBF : _IONBF, 0);
	return nf;
}

void safe_output_install(void)
{
	stdout = guarded(stdout, STDOUT_FILENO, 1);
	stderr = guarded(stderr, STDERR_FILENO, 0);
}
