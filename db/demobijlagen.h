/* demobijlagen.h — demo bijlagen for `balie demo`: a few real documents
 * (small PDFs made here, a text file) on every TLV hulpvraag of PO3008, so
 * the list, the viewer and the completeness checks have something to show.
 *
 * Each distinct document is stored once (bijlage_inhoud is keyed by
 * organisatie and SHA-256, migration 010); the bijlage rows are made with
 * one set-based INSERT per kind, so `demo --prepare` stays fast.  Names are
 * partly meaningless on purpose ("scan20230106.pdf", "document1.pdf"), as
 * seed 000 warns against; hulpvragen in "TLV>aanvraag aanvulling nodig"
 * miss their OPP (the reden of that status says so).
 */
#ifndef BALIE_DB_DEMOBIJLAGEN_H
#define BALIE_DB_DEMOBIJLAGEN_H

#include <stddef.h>

#include "core/err.h"
#include "db/conn.h"

/* Inside the caller's transaction, as a superuser, after demodata_load.
 * 0 / -1 with e. */
int demobijlagen_load(struct db *db, struct err *e);

/* A one-page PDF (Helvetica, A4) with lines of UTF-8 text (Latin-1
 * characters kept, others become '?') into out; returns its length, or 0
 * when cap is too small.  Real enough for pdftotext and libmagic. */
size_t demobijlagen_pdf(char *out, size_t cap, const char *const *lines);

#endif
