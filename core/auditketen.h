/* auditketen.h — one link of the audit log's hash chain (019_audit.sql).
 *
 * hash(n) = hex(sha256(hash(n-1) || "|" || kanon(n))), hash(0) = 64 zeros,
 * where kanon is the row's canonical text (audit_kanon() in the database).
 * The database seals rows with the same rule; `balie admin audit verify`
 * recomputes every link here, with libsodium, so a changed row or a changed
 * sealing function in the database is found by code it cannot touch.
 */
#ifndef BALIE_AUDITKETEN_H
#define BALIE_AUDITKETEN_H

#include <stddef.h>

#define AUDITKETEN_HEX 65 /* 64 hex digits and NUL */
#define AUDITKETEN_BEGIN "0000000000000000000000000000000000000000000000000000000000000000"

/* out = the link after prev (hex, AUDITKETEN_BEGIN for the first row) over
 * kanon (len bytes).  0, or -1 when libsodium cannot start. */
int auditketen_link(const char *prev, const char *kanon, size_t len, char out[AUDITKETEN_HEX]);

#endif
