/* paths.h — where balie finds its data files (forms/, keymaps/).
 *
 * Order: the `data dir` of balie.conf (set with paths_set_datadir), then the
 * folder that holds the running binary when it contains forms/ (a source
 * checkout: ./balie), then the installed BALIE_SHAREDIR.
 */
#ifndef BALIE_PATHS_H
#define BALIE_PATHS_H

#include <stddef.h>

/* Overrides the data dir (from balie.conf).  The string is copied. */
void paths_set_datadir(const char *dir);

/* The data dir in use (never NULL). */
const char *paths_datadir(void);

/* Writes "<datadir>/<rel>" into buf; returns buf. */
const char *paths_data(char *buf, size_t len, const char *rel);

#endif
