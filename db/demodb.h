/* demodb.h — building the demo database of `balie demo` inside a private
 * cluster (db/cluster.h): fresh database, migrations, the demo profiles'
 * flows, and the generated data (db/demodata.h) in one transaction. */
#ifndef BALIE_DB_DEMODB_H
#define BALIE_DB_DEMODB_H

#include <stddef.h>

#include "core/err.h"

#define DEMODB_NAME "balie_demo"

struct demodb_opts {
	const char *cluster_dir; /* the private cluster (running) */
	const char *forms_dir;   /* folder holding the profile folders (forms/) */
	long hulpvragen;         /* PO3008 size (--scale) */
	const unsigned char *totp_key; /* seals the account totp's secret (core/totpzegel.h) */
	void (*progress)(const char *stage, long done, long total, void *arg);
	void *progress_arg;
};

/* Drops and recreates DEMODB_NAME, migrates it, publishes the profiles
 * po3008 and po2507 and loads the demo data.  An interruption at any point
 * leaves something the next build simply drops. */
int demodb_build(const struct demodb_opts *o, struct err *e);

/* Brings an existing demo database up to this binary: migrations, then the
 * demo profiles republished (a no-op when unchanged).  *applied (may be
 * NULL) gets the number of migrations run. */
int demodb_upgrade(const struct demodb_opts *o, int *applied, struct err *e);

/* The base32 TOTP secret of the demo account `totp`, opened with key, into
 * buf ("" when unavailable). */
void demodb_totp_secret(const char *cluster_dir, const unsigned char *key, char *buf, size_t len);

#endif
