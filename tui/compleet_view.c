/* compleet_view.c — a completeness checklist on screen; see compleet_view.h. */
#include "tui/compleet_view.h"

#include <stdio.h>
#include <stdlib.h>

int compleet_view_draw(WINDOW *w, const struct screen *s, int y, int x, int width, int maxrows,
		       const struct compleet_hv *h)
{
	const struct compleet_uitslag *u = &h->uitslag;
	char buf[COMPLEET_TEXT_MAX + 64];
	int used = 0;

	if (maxrows <= 0)
		return 0;
	if (u->n == 0) {
		screen_put(w, y, x, width, "Geen compleetheidsregels voor dit aanvraagtype in deze status.",
			   s->attr[ST_DIM]);
		return 1;
	}
	snprintf(buf, sizeof buf, "Compleet: %zu van %zu%s", u->nok, u->n,
		 u->nok == u->n ? " — compleet" : h->aanvulling[0] ? " — a: aanvulling vragen" : "");
	screen_put(w, y + used++, x, width, buf, s->attr[ST_HEAD]);
	for (size_t i = 0; i < u->n && used < maxrows; i++) {
		const struct compleet_punt *p = &u->punten[i];

		screen_put(w, y + used, x, 2, p->ok ? "✓" : "✗", s->attr[p->ok ? ST_OK : ST_ERROR]);
		used += screen_wrap(w, y + used, x + 2, width - 2, maxrows - used, p->omschrijving,
				    s->attr[ST_NORMAL]);
		if (!p->ok && used < maxrows)
			used += screen_wrap(w, y + used, x + 4, width - 4, maxrows - used, p->melding,
					    s->attr[ST_DIM]);
	}
	return used;
}

const char *compleet_view_count(const struct compleet_hv *h, char *buf, size_t len)
{
	if (h->uitslag.n == 0)
		snprintf(buf, len, "—");
	else
		snprintf(buf, len, "%zu/%zu", h->uitslag.nok, h->uitslag.n);
	return buf;
}

char *compleet_view_reden(const struct compleet_hv *h)
{
	size_t need = compleet_aanvulling_tekst(&h->uitslag, NULL, 0) + 1;
	char *buf = malloc(need);

	if (buf)
		compleet_aanvulling_tekst(&h->uitslag, buf, need);
	return buf;
}
