/* kort.h — a text that does not fit, shortened so it stays told apart
 * from the texts beside it.
 *
 * Lists cut what does not fit at the end ("categorie 2 e…"), so two
 * statuses or titles that share a long beginning read the same ("TLV>
 * afgegeven, school bekend" and "… onbekend" both "afgegeven, s…").  When
 * the part that tells a text apart from one of its peers lies beyond what
 * fits, kort_onderscheid keeps a little of the beginning and shows from the
 * word where they part: "afge…onbekend", "…bespreken coördinator…".
 * Pure: no I/O; widths by wcwidth (the caller has set an UTF-8 locale).
 */
#ifndef BALIE_KORT_H
#define BALIE_KORT_H

#include <stddef.h>

/* The columns s takes on a terminal. */
int kort_breedte(const char *s);

/* s shortened for width columns among peers[0..npeers-1] (s itself may be
 * among them): into out (len bytes).  When s fits, or when cutting it at
 * the end keeps the part that tells it apart, out is s unchanged (the
 * caller's drawing cuts it with "…" as ever).  Otherwise out is "head…tail"
 * or "…tail": tail from the start of the word where s parts from the peer
 * it shares most with; out may still be wider than width (drawing then
 * cuts its end).  Returns out. */
char *kort_onderscheid(const char *s, const char *const *peers, int npeers, int width, char *out, size_t len);

#endif
