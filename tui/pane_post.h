/* pane_post.h — "Post", the messages `balie mail-in` could not file by
 * itself (issue 14 §4): no or an unknown or expired reply token, another
 * sender than the aanvrager, a closed hulpvraag, an attachment over 10 MB,
 * too many attachments.  Oldest first, with the reason; Enter reads one
 * (audited) and can mark it afgehandeld, x marks it without reading, h
 * opens the hulpvraag its token named.  A list on core/lijst; for the
 * roles the rulebook gives "post" (P on the home screen, :post). */
#ifndef BALIE_TUI_PANE_POST_H
#define BALIE_TUI_PANE_POST_H

struct app;
struct pane;

struct pane *pane_post_new(struct app *a);

#endif
