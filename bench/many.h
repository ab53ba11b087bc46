/* many.h — the many-users part of `make bench` (issue 15), driven by
 * bench/many.sh with pgbench:
 *
 *   bench scripts DIR ORG ACCOUNT   pgbench scripts in DIR made from balie's
 *                                   own statement texts (db/conn.c's
 *                                   account statement, db/hulpvraag.c's
 *                                   status read and write, db/queue.c's page)
 *                                   and their bare floors
 *   bench listen-many CONNINFO N    (child) N idle sessions on LISTEN
 *                                   balie_changes until stdin closes
 *   bench listen-count CONNINFO DATADIR  (child) a real session with the
 *                                   werkvoorraad open; on stdin's close prints
 *                                   "<refreshes> <most in any 1 s>"
 */
#ifndef BALIE_BENCH_MANY_H
#define BALIE_BENCH_MANY_H

int many_scripts(const char *dir, long org, long account);
int many_listen(const char *conninfo, int n);
int many_listen_count(const char *conninfo, const char *datadir, const char *user, const char *password);

#endif
