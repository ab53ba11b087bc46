/* outcome.c — an outcome of a business write as the person sees it; see
 * outcome.h. */
#include "tui/outcome.h"

#include <stdio.h>
#include <string.h>

#include "tui/app.h"

/* wat with a capital first letter ("Statuswijziging"; the article dropped). */
static void capital(char *buf, size_t len, const char *wat)
{
	const char *w = wat;

	if (!strncmp(w, "de ", 3))
		w += 3;
	else if (!strncmp(w, "het ", 4))
		w += 4;
	snprintf(buf, len, "%s", w);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

int outcome_line(const struct outcome *o, const char *wat, char *buf, size_t len)
{
	char cap[128];

	capital(cap, sizeof cap, wat);
	switch (o->kind) {
	case OUTCOME_SAVED:
		if (o->resolved)
			snprintf(buf, len, "De verbinding viel weg tijdens het bewaren, maar %s is bewaard", wat);
		else
			snprintf(buf, len, "%s", o->err.msg);
		return 0;
	case OUTCOME_UNKNOWN:
		snprintf(buf, len, "Onbekend of %s is bewaard: de verbinding viel weg — balie gaat het na zodra de "
				   "verbinding terug is",
			 wat);
		return 1;
	case OUTCOME_REFUSED:
		snprintf(buf, len, "Geweigerd: %s", o->err.msg);
		return 1;
	case OUTCOME_ERROR:
		if (o->resolved) {
			snprintf(buf, len, "%s niet bewaard: de verbinding viel weg tijdens het bewaren — probeer het "
					   "opnieuw",
				 cap);
			return 1;
		}
		/* fall through */
	case OUTCOME_CONFLICT:
	case OUTCOME_GONE:
		snprintf(buf, len, "%s niet bewaard: %s", cap, o->err.msg);
		return 1;
	}
	return 1;
}

const char *outcome_note(const struct outcome *o, char *buf, size_t len)
{
	switch (o->kind) {
	case OUTCOME_UNKNOWN:
		snprintf(buf, len, "Onbekend of het is bewaard: balie gaat het na zodra de verbinding terug is.  Je "
				   "invoer staat er nog; nog eens bewaren is veilig.");
		break;
	case OUTCOME_CONFLICT:
		snprintf(buf, len, "%s.  Je invoer staat er nog: F2 probeert het opnieuw, Esc annuleert.", o->err.msg);
		break;
	case OUTCOME_ERROR:
		if (o->resolved) {
			snprintf(buf, len, "Niet bewaard: de verbinding viel weg tijdens het bewaren.  Je invoer staat er "
					   "nog: F2 probeert het opnieuw.");
			break;
		}
		/* fall through */
	default:
		snprintf(buf, len, "%s", o->err.msg);
	}
	return buf;
}

void outcome_tally(const int count[OUTCOME_KINDS], char *buf, size_t len)
{
	static const char *const word[OUTCOME_KINDS] = {
		[OUTCOME_SAVED] = "bewaard",
		[OUTCOME_CONFLICT] = "intussen gewijzigd",
		[OUTCOME_REFUSED] = "geweigerd",
		[OUTCOME_GONE] = "niet (meer) te zien",
		[OUTCOME_UNKNOWN] = "onbekend of bewaard",
		[OUTCOME_ERROR] = "fout",
	};
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	for (int k = OUTCOME_CONFLICT; k < OUTCOME_KINDS && used < len; k++)
		if (count[k] > 0)
			used += (size_t)snprintf(buf + used, len - used, "%s%d %s", used ? ", " : "", count[k], word[k]);
}

int outcome_show(struct app *a, const struct outcome *o, const char *wat)
{
	char line[600];
	int error = outcome_line(o, wat, line, sizeof line);

	app_message(a, error, "%s", line);
	return error;
}

int outcome_settle(struct app *a, struct outcome *o, const char *wat)
{
	struct err e;

	if (o->kind == OUTCOME_UNKNOWN) {
		err_clear(&e);
		if (app_connect(a, &e) < 0 || outcome_resolve(a->db, o, &e) < 0) {
			if (!app_connected(a))
				app_conn_lost(a);
			outcome_show(a, o, wat);
			return 0;
		}
	}
	outcome_show(a, o, wat);
	return 1;
}
