/* isolate.c — see isolate.h. */
#include "core/isolate.h"

#include <errno.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int isolate_run(isolate_fn fn, void *arg, void *out, size_t outlen)
{
	int fd[2], rc = -1, status;
	pid_t pid;

	if (pipe(fd) < 0)
		return fn(arg, out, outlen);
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return fn(arg, out, outlen);
	}
	if (pid == 0) {
		int r;

		close(fd[0]);
		r = fn(arg, out, outlen);
		_exit(write_all(fd[1], &r, sizeof r) == 0 && write_all(fd[1], out, outlen) == 0 ? 0 : 1);
	}
	close(fd[1]);
	if (read_all(fd[0], &rc, sizeof rc) < 0 || read_all(fd[0], out, outlen) < 0) {
		rc = -1;
		memset(out, 0, outlen);
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return rc;
}
