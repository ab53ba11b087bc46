/* mailin.c — `balie mail-in [--als GEBRUIKER] [--organisatie CODE]
 * [--ontvanger ADRES]`: receives one message on standard input (an MTA's
 * pipe, fetchmail's or getmail's delivery) as a back-office account that
 * may handle the post (balie.conf / --als).  A reply to a balie mail from
 * the hulpvraag's aanvrager is filed on that hulpvraag (text as a note,
 * attachments as bijlagen, the flow's automatic status); anything else
 * goes to the post list with its reason and the sender gets a short
 * answer.  See db/mailin.h.
 *
 * Exit status, as an MTA reads it: 0 received (filed or in the post list,
 * also a message received before), 1 refused (bigger than
 * MAILIN_MAX_BERICHT: the MTA bounces it to the sender), 2 usage or
 * configuration, 75 (EX_TEMPFAIL) the database could not take it now: the
 * MTA tries again later, and the message's key keeps it from being filed
 * twice.  The log line names ids and numbers, never a name or a subject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mailin.h"
#include "core/recht.h"
#include "db/auth.h"
#include "db/mailin.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"
#include "tui/paths.h"

#define EX_TEMPFAIL 75

static int usage(void)
{
	fprintf(stderr, "gebruik: balie mail-in [--als GEBRUIKER] [--organisatie CODE] [--ontvanger ADRES] < bericht\n");
	return 2;
}

/* Standard input whole, at most max bytes: 0 with *buf (malloc'd) and
 * *len, 1 when it is bigger, -1 on a read error. */
static int lees_stdin(long max, unsigned char **buf, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	unsigned char *b = malloc(cap);

	if (!b)
		return -1;
	for (;;) {
		if (n == cap) {
			if ((long)cap > max) {
				free(b);
				return 1;
			}
			unsigned char *nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				return -1;
			}
			b = nb;
			cap *= 2;
		}
		ssize_t r = read(0, b + n, cap - n);
		if (r < 0) {
			free(b);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if ((long)n > max) {
		free(b);
		return 1;
	}
	*buf = b;
	*len = n;
	return 0;
}

int cmd_mailin(int argc, char **argv)
{
	const char *als = NULL, *org = NULL, *ontvanger = NULL;
	struct mailin_uitkomst u;
	unsigned char *raw = NULL;
	struct mailin m;
	struct session s;
	struct outcome o;
	struct err e;
	struct db *db;
	size_t len = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--als") && i + 1 < argc)
			als = argv[++i];
		else if (!strcmp(argv[i], "--organisatie") && i + 1 < argc)
			org = argv[++i];
		else if (!strcmp(argv[i], "--ontvanger") && i + 1 < argc)
			ontvanger = argv[++i];
		else
			return usage();
	}
	switch (lees_stdin(MAILIN_MAX_BERICHT, &raw, &len)) {
	case 1:
		fprintf(stderr, "balie: bericht groter dan %ld MB: geweigerd\n", MAILIN_MAX_BERICHT / (1024 * 1024));
		return 1;
	case -1:
		fprintf(stderr, "balie: kan het bericht niet lezen van standaardinvoer\n");
		return EX_TEMPFAIL;
	}
	err_clear(&e);
	if (mailin_parse(raw, len, ontvanger, &m, &e) < 0) {
		/* no message at all: kept whole in the post list, never answered */
		memset(&m, 0, sizeof m);
		m.onderwerp = strdup("");
		m.tekst = strdup("");
		m.automatisch = 1;
		if (!m.onderwerp || !m.tekst) {
			mailin_release(&m);
			free(raw);
			return EX_TEMPFAIL;
		}
	}
	db = cmd_connect();
	if (!db) {
		rc = EX_TEMPFAIL;
		goto out;
	}
	if (cmd_acting_session(db, als, org, &s) < 0) {
		rc = 2;
		goto out;
	}
	if (!recht_mag(s.roles, RECHT_POST)) {
		fprintf(stderr, "balie: %s mag geen post ontvangen in %s (rulebook: post)\n", s.username, s.organisatie_code);
		rc = 2;
		goto out;
	}
	if (mailin_ontvang(db, s.organisatie_id, &m, raw, len, paths_datadir(), &u, &o) != OUTCOME_SAVED) {
		fprintf(stderr, "balie: bericht niet ontvangen (%s); de mailserver probeert het later opnieuw\n",
			o.kind == OUTCOME_UNKNOWN ? "verbinding verbroken" : "databasefout");
		rc = EX_TEMPFAIL;
		goto out;
	}
	if (o.repeated)
		printf("bericht %ld was al ontvangen\n", u.id);
	else if (u.hulpvraag_id && !u.reden[0])
		printf("bericht %ld toegevoegd aan hulpvraag %ld: %d bijlage(n)%s%s\n", u.id, u.nummer, u.bijlagen,
		       u.status[0] ? "; status automatisch → " : "", u.status);
	else
		printf("bericht %ld in de post%s\n", u.id, u.antwoord ? "; afzender krijgt antwoord" : "");
	rc = fflush(stdout) == 0 ? 0 : EX_TEMPFAIL;
out:
	mailin_release(&m);
	free(raw);
	db_free(&db);
	return rc;
}
