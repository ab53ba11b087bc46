/* veldrijen.c — fields as rows in a tab; see veldrijen.h. */
#include "tui/veldrijen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int veldrijen_draw(WINDOW *p, const struct screen *s, int y, int width, const struct veld *v, int n, int cur,
		   int *cur_row, int bewerkbaar)
{
	static char shown[4096]; /* one row of pupil data at a time: too big for a draw's stack */
	int y0 = y;

	for (int i = 0; i < n; i++) {
		int sel = i == cur;
		if (v[i].kop) {
			y++;
			screen_put(p, y++, 1, width - 2, v[i].kop, s->attr[ST_HEAD]);
		}
		if (sel)
			*cur_row = y;
		if (v[i].waarde[0])
			snprintf(shown, sizeof shown, "%s", v[i].waarde);
		else if (v[i].voorstel && v[i].voorstel[0])
			snprintf(shown, sizeof shown, "— (voorstel: %s)", v[i].voorstel);
		else
			snprintf(shown, sizeof shown, "—");
		for (char *c = shown; *c; c++)
			if (*c == '\n')
				*c = ' '; /* one row per field; the editor shows it whole */
		screen_put_pad(p, y, 0, width, "", s->attr[sel ? ST_SEL : ST_NORMAL]);
		screen_put(p, y, 1, VELDRIJEN_LABEL_W, v[i].label, s->attr[sel ? ST_SEL : ST_DIM]);
		screen_put(p, y, VELDRIJEN_LABEL_W + 2, width - VELDRIJEN_LABEL_W - 3, shown,
			   s->attr[sel ? ST_SEL : ST_NORMAL]);
		y++;
		if (v[i].fout && v[i].fout[0]) {
			char msg[600];
			snprintf(msg, sizeof msg, "✗ %s", v[i].fout);
			y += screen_wrap(p, y, VELDRIJEN_LABEL_W + 2, width - VELDRIJEN_LABEL_W - 3, 3, msg, s->attr[ST_ERROR]);
		}
	}
	if (bewerkbaar) {
		y++;
		screen_put(p, y++, 1, width - 2, "↑/↓ veld · Enter of v: bewerken · F2 of w: bewaren", s->attr[ST_DIM]);
	}
	return y - y0;
}

long veldrijen_rows(int n)
{
	return (long)n * 6 + 2; /* a heading (2), the row, an error of at most 3; the keys */
}

void veldrijen_open(struct dialog *d, int tag, const char *titel, const struct veld *v)
{
	struct dialog_item *items;
	int n = 0;

	switch (v->soort) {
	case VELD_KEUZE:
		while (v->keuzes && v->keuzes[n])
			n++;
		items = calloc(n ? (size_t)n : 1, sizeof *items);
		if (!items)
			return;
		for (int i = 0; i < n; i++)
			snprintf(items[i].label, sizeof items[i].label, "%s", v->keuzes[i]);
		dialog_open_pick(d, tag, titel, v->prompt ? v->prompt : "Kies (typ om te zoeken):", items, n);
		free(items);
		return;
	case VELD_TEKST:
		dialog_open_text(d, tag, titel, v->prompt ? v->prompt : "F2 zet de tekst in het concept, Esc annuleert:",
				 v->waarde);
		return;
	case VELD_REGEL:
		dialog_open_line(d, tag, titel, v->prompt ? v->prompt : v->label,
				 !v->waarde[0] && v->voorstel ? v->voorstel : v->waarde, 0);
		return;
	}
}

int veldrijen_neem(struct dialog *d, const struct veld *v)
{
	if (v->soort == VELD_KEUZE) {
		const struct dialog_item *it = dialog_selected(d);
		if (!it) {
			dialog_note(d, "Niets gekozen: pas het zoekfilter aan");
			return -1;
		}
		snprintf(v->waarde, v->len, "%s", it->label);
		return 0;
	}
	char *text = dialog_text(d);
	if (!text)
		return -1;
	if (strlen(text) >= v->len) {
		dialog_note(d, "Te lang: ten hoogste %zu tekens", v->len - 1);
		free(text);
		return -1;
	}
	/* surrounding spaces are never meant */
	char *s = text, *e = text + strlen(text);
	while (*s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	snprintf(v->waarde, v->len, "%s", s);
	free(text);
	return 0;
}

enum veldrijen_doel veldrijen_actie(enum action_id id, int *cur, int n)
{
	switch (id) {
	case ACT_UP:
		if (*cur > 0)
			(*cur)--;
		return VR_VERPLAATST;
	case ACT_DOWN:
		if (*cur + 1 < n)
			(*cur)++;
		return VR_VERPLAATST;
	case ACT_HV_FORM_OPEN: /* Enter on the tab */
	case ACT_HV_TLV_VELD:
		return VR_BEWERKEN;
	case ACT_HV_TLV_BEWAREN:
		return VR_BEWAREN;
	default:
		return VR_NIETS;
	}
}
