/* paths.c — data file locations; see paths.h. */
#include "tui/paths.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BALIE_SHAREDIR
#define BALIE_SHAREDIR "/usr/local/share/balie"
#endif

static char datadir[PATH_MAX];

void paths_set_datadir(const char *dir)
{
	snprintf(datadir, sizeof datadir, "%s", dir ? dir : "");
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *paths_datadir(void)
{
	if (datadir[0])
		return datadir;
	/* A source checkout: forms/ beside the binary. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			char probe[PATH_MAX + 8];
			snprintf(probe, sizeof probe, "%s/forms", exe);
			if (is_dir(probe)) {
				snprintf(datadir, sizeof datadir, "%s", exe);
				return datadir;
			}
		}
	}
	snprintf(datadir, sizeof datadir, "%s", BALIE_SHAREDIR);
	return datadir;
}

const char *paths_data(char *buf, size_t len, const char *rel)
{
	snprintf(buf, len, "%s/%s", paths_datadir(), rel);
	return buf;
}
