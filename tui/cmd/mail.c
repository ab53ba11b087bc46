/* mail.c — `balie mail`: delivers the outbox through mail_command (the
 * sendmail(8) interface), once for cron or as a daemon woken by NOTIFY; and
 * the admin's overview of what waits or failed.
 *
 * Claiming and marking rows is db/outbox.c (see the delivery contract in
 * db/outbox.h); building the message is core/mail.c.  This file runs the
 * command through core/spawn: an argument vector (no shell), the message on
 * its stdin, its stdout and stderr captured for laatste_fout, a short
 * environment allowlist, its process group stopped when it takes longer
 * than OUTBOX_SEND_TIMEOUT_SECONDS so the claim never outlives its lease.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/mail.h"
#include "core/spawn.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/mailin.h"
#include "db/outbox.h"
#include "tui/cmd/cmd.h"
#include "tui/cmd/common.h"

/* Longest sleep of the daemon: a periodic wake-up even when no NOTIFY
 * came (retries, expired claims of a crashed worker). */
#define WAKE_SECONDS 60
/* Aanname (033_bewaartermijn.sql): a handled post row's raw message is
 * kept this many days. */
#define POST_BEWAARDAGEN 30

static volatile sig_atomic_t stopping;
static int wake_pipe[2] = {-1, -1};

static void on_stop(int sig)
{
	int saved = errno;
	stopping = 1;
	if (wake_pipe[1] >= 0) {
		ssize_t ignored = write(wake_pipe[1], "x", 1);
		(void)ignored;
	}
	errno = saved;
}

static int usage(void)
{
	fprintf(stderr, "gebruik: balie mail --once | --daemon | --status | --retry ID\n");
	return 2;
}

/* ---------------------------------------------------------------- running mail_command */

/* What mail_command may see of balie's environment: never PGPASSWORD or
 * the rest of libpq's PG… variables.  USER and LOGNAME for msmtp and
 * sendmail, MAIL_CONFIG for Postfix, BALIE_MAIL_CAPTURE… for the tests'
 * and the demo's capture-sendmail. */
static const char *const mail_env[] = { "PATH", "HOME", "LANG", "LC_*", "TZ", "TMPDIR", "USER", "LOGNAME",
					"MAIL_CONFIG", "BALIE_MAIL_CAPTURE*", NULL };

/* The output as one line of plain text: control characters become spaces,
 * runs of spaces one, none at the ends. */
static void tidy(char *s, size_t len)
{
	char *w = s;
	int space = 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		if (c == ' ' && space)
			continue;
		space = c == ' ';
		*w++ = (char)c;
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

/* Runs argv with msg on its stdin.  Returns the exit status (0 = accepted)
 * or -1 when it could not run, was killed or took too long; why (one line)
 * gets the reason with what the command printed (its first 399 bytes). */
static int run_command(char **argv, const char *msg, int timeout_s, char *why, size_t whylen)
{
	struct spawn_opts o = {
		.env = mail_env,
		.timeout_ms = timeout_s * 1000,
		.in = msg,
		.in_len = strlen(msg),
		.out = SPAWN_IO_CAPTURE,
		.err = SPAWN_IO_STDOUT,
		.out_cap = 399,
		/* the rest of the output is read and dropped; a crash of balie
		 * takes the command with it, as before */
		.flags = SPAWN_CAP_DRAIN | SPAWN_DIE_WITH_PARENT,
	};
	struct spawn_result r;
	int rc = -1;

	spawn_run(argv, &o, &r);
	char *output = r.out ? r.out : "";
	tidy(output, r.out_len);
	switch (r.end) {
	case SPAWN_EXITED:
		rc = r.status;
		if (rc != 0)
			snprintf(why, whylen, "mail_command stopte met status %d%s%s", rc, output[0] ? ": " : "",
				 output);
		break;
	case SPAWN_SIGNALED:
		snprintf(why, whylen, "mail_command afgebroken door signaal %d%s%s", r.signal, output[0] ? ": " : "",
			 output);
		break;
	case SPAWN_TIMED_OUT:
		snprintf(why, whylen, "mail_command reageerde niet binnen %d s en is afgebroken", timeout_s);
		break;
	case SPAWN_NOT_STARTED:
		snprintf(why, whylen, "kan '%s' niet starten: %s", argv[0], strerror(r.errnum));
		break;
	default:
		snprintf(why, whylen, "mail_command: onbekende afloop");
		break;
	}
	spawn_result_release(&r);
	return rc;
}

/* ---------------------------------------------------------------- delivering */

struct worker {
	struct db *db;
	const char *conninfo; /* NULL: balie.conf's (cmd_connect) */
	char **argv;
	const char *from;
	char token[128];
	int verbose; /* log every sent mail (daemon) */
	long sent, failed;
};

/* The worker's connection: balie.conf's, or the one it was given (balie
 * demo --mail).  NULL after printing why. */
static struct db *worker_connect(const struct worker *w)
{
	struct db *db = NULL;
	struct err e;

	if (!w->conninfo)
		return cmd_connect();
	err_clear(&e);
	if (db_connect(&db, w->conninfo, &e) < 0) {
		cmd_fail(&e);
		return NULL;
	}
	return db;
}

static void make_token(char *buf, size_t len)
{
	char host[64] = "?";
	unsigned int r = 0;
	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		r = (unsigned int)time(NULL) ^ (unsigned int)getpid();
	snprintf(buf, len, "%s:%ld:%08x", host, (long)getpid(), r);
}

static void say_wait(char *buf, size_t len, long secs)
{
	if (secs < 0)
		snprintf(buf, len, "opgegeven na %d pogingen", MAIL_MAX_POGINGEN);
	else if (secs < 3600)
		snprintf(buf, len, "volgende poging over %ld min.", (secs + 59) / 60);
	else
		snprintf(buf, len, "volgende poging over %ld uur", (secs + 1799) / 3600);
}

/* Marks a sent mail; when the connection broke, reconnects a few times
 * first (inside the lease), so a lost connection rarely means a resend. */
static int mark_sent(struct worker *w, long id, struct err *e)
{
	for (int attempt = 0;; attempt++) {
		int rc = outbox_mark_sent(w->db, id, w->token, e);
		if (rc == 1)
			fprintf(stderr,
				"balie mail: mail %ld: de claim was al verlopen; mogelijk dubbel verzonden\n",
				id);
		if (rc >= 0)
			return 0;
		if (db_ok(w->db) || attempt == 3 || stopping)
			return -1;
		sleep(1u << attempt);
		db_free(&w->db);
		w->db = worker_connect(w);
		if (!w->db)
			return err_set(e,
				       "mail %ld is verzonden, maar niet als verzonden gemarkeerd "
				       "(database onbereikbaar); na de lease volgt mogelijk een tweede keer",
				       id);
	}
}

/* Delivers the next due mail: 1 when one was handled (sent or failed), 0
 * when nothing is due, -1 on a database error (e says it). */
static int deliver_one(struct worker *w, struct err *e)
{
	struct outbox_mail m;
	char *text = NULL, why[512] = "", fout[600];
	struct err refused;
	int got = outbox_claim(w->db, w->token, OUTBOX_LEASE_SECONDS, MAIL_MAX_POGINGEN, &m, e);
	if (got <= 0)
		return got;

	/* a token per delivery: only its hash is kept, so it cannot be read
	 * back for a second attempt */
	char token[33];
	if (outbox_antwoord_token(w->db, m.id, token, e) < 0) {
		outbox_mail_release(&m);
		return -1;
	}
	struct mail msg = {
	    .outbox_id = m.id,
	    .organisatie = m.organisatie,
	    .from = w->from,
	    .to = m.aan,
	    .subject = m.onderwerp,
	    .body = m.tekst,
	    .date = time(NULL),
	    .antwoord_token = token,
	};
	err_clear(&refused);
	int rc = 1;
	if (mail_build(&msg, &text, &refused) < 0) {
		/* Never sendable: give it up now, with the reason. */
		snprintf(fout, sizeof fout, "geweigerd: %s", refused.msg);
		fprintf(stderr, "balie mail: mail %ld (%s) %s\n", m.id, m.organisatie, fout);
		w->failed++;
		if (outbox_mark_failed(w->db, m.id, w->token, fout, -1, e) < 0)
			rc = -1;
		goto out;
	}
	int status = run_command(w->argv, text, OUTBOX_SEND_TIMEOUT_SECONDS, why, sizeof why);
	if (status == 0) {
		if (mark_sent(w, m.id, e) < 0) {
			rc = -1;
			goto out;
		}
		w->sent++;
		if (w->verbose)
			printf("mail %ld (%s) verzonden\n", m.id, m.organisatie);
		goto out;
	}
	long wait = mail_backoff(m.pogingen);
	char when[64];
	say_wait(when, sizeof when, wait);
	snprintf(fout, sizeof fout, "%s", why);
	fprintf(stderr, "balie mail: mail %ld (%s) niet verzonden (poging %d): %s; %s\n", m.id, m.organisatie,
		m.pogingen, why, when);
	w->failed++;
	if (outbox_mark_failed(w->db, m.id, w->token, fout, wait, e) < 0)
		rc = -1;
out:
	fflush(stdout);
	free(text);
	outbox_mail_release(&m);
	return rc;
}

/* Delivers until nothing is due (or a stop was asked).  0 / -1 with e. */
static int deliver_due(struct worker *w, struct err *e)
{
	while (!stopping) {
		int rc = deliver_one(w, e);
		if (rc <= 0)
			return rc;
	}
	return 0;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* The mail worker is the background process every installation runs, so
 * it also seals new audit rows onto the hash chain (019_audit.sql): a short
 * transaction of its own, off the writers' commits.  A failure is logged and
 * retried next pass; verify seals as well. */
static void seal_audit(struct worker *w)
{
	struct err e;
	int n;

	err_clear(&e);
	if (audit_verzegel(w->db, &n, &e) < 0)
		fprintf(stderr, "balie mail: auditlog verzegelen mislukt: %s\n", e.msg);
	/* and it wipes the raw messages of post rows handled a month ago */
	long gewist = 0;
	err_clear(&e);
	if (post_opschonen(w->db, POST_BEWAARDAGEN, &gewist, &e) < 0)
		fprintf(stderr, "balie mail: post opschonen mislukt: %s\n", e.msg);
	else if (gewist > 0)
		fprintf(stderr, "balie mail: %ld afgehandeld(e) bericht(en) uit de post gewist (bewaartermijn)\n", gewist);
}

/* Waits up to secs for the socket or a stop; 1 when the socket is readable. */
static int wait_for(int sock, long secs)
{
	struct pollfd p[2] = {{wake_pipe[0], POLLIN, 0}, {sock, POLLIN, 0}};
	int n = poll(p, sock >= 0 ? 2 : 1, (int)(secs * 1000));
	if (n > 0 && (p[0].revents & POLLIN)) {
		char buf[16];
		ssize_t ignored = read(wake_pipe[0], buf, sizeof buf);
		(void)ignored;
	}
	return n > 0 && sock >= 0 && (p[1].revents & (POLLIN | POLLERR | POLLHUP));
}

static int run_once(struct worker *w)
{
	struct err e;
	err_clear(&e);
	w->db = worker_connect(w);
	if (!w->db)
		return 2;
	int rc = deliver_due(w, &e);
	if (rc == 0)
		seal_audit(w);
	db_free(&w->db);
	if (rc < 0)
		return cmd_fail(&e);
	if (w->failed)
		fprintf(stderr, "balie mail: %ld verzonden, %ld mislukt\n", w->sent, w->failed);
	return w->failed ? 1 : 0;
}

static int run_daemon(struct worker *w)
{
	struct err e;
	long backoff = 1;

	if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		fprintf(stderr, "balie: kan geen pijp maken: %s\n", strerror(errno));
		return 2;
	}
	w->verbose = 1;
	printf("balie mail: gestart (wacht op kanaal %s, werker %s)\n", OUTBOX_CHANNEL, w->token);
	fflush(stdout);
	while (!stopping) {
		err_clear(&e);
		if (!db_ok(w->db)) {
			db_free(&w->db);
			w->db = worker_connect(w);
			if (!w->db || outbox_listen(w->db, &e) < 0) {
				if (w->db)
					cmd_fail(&e);
				db_free(&w->db);
				fprintf(stderr, "balie mail: opnieuw verbinden over %ld s\n", backoff);
				wait_for(-1, backoff);
				backoff = backoff < 60 ? backoff * 2 : 60;
				continue;
			}
			backoff = 1;
		}
		/* LISTEN is active before this pass, so nothing inserted during
		 * it goes unnoticed. */
		long due = -1;
		if (deliver_due(w, &e) < 0 || (!stopping && outbox_next_due(w->db, &due, &e) < 0)) {
			/* Not only a lost connection: wait, or a lasting error
			 * (say a missing grant) would spin. */
			cmd_fail(&e);
			fprintf(stderr, "balie mail: opnieuw over %ld s\n", backoff);
			wait_for(-1, backoff);
			backoff = backoff < 60 ? backoff * 2 : 60;
			continue;
		}
		backoff = 1;
		seal_audit(w);
		if (stopping)
			break;
		/* Notifications that came in with query results are already
		 * read from the socket: look before sleeping. */
		int woke = outbox_drain(w->db, &e);
		if (woke != 0) {
			if (woke < 0)
				cmd_fail(&e);
			continue;
		}
		long secs = due < 0 || due > WAKE_SECONDS ? WAKE_SECONDS : due < 1 ? 1 : due;
		if (wait_for(outbox_socket(w->db), secs) && outbox_drain(w->db, &e) < 0)
			cmd_fail(&e);
	}
	db_free(&w->db);
	printf("balie mail: gestopt (%ld verzonden, %ld mislukt)\n", w->sent, w->failed);
	fflush(stdout);
	close(wake_pipe[0]);
	close(wake_pipe[1]);
	wake_pipe[0] = wake_pipe[1] = -1;
	return 0;
}

/* ---------------------------------------------------------------- --status, --retry */

static int show_status(void)
{
	struct err e;
	struct outbox_counts c;
	struct outbox_status_row *rows = NULL;
	int n = 0;
	err_clear(&e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	int rc = outbox_status(db, 200, &c, &rows, &n, &e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(&e);
	printf(
	    "Uitgaande mail: %ld wachtend, %ld bezig, %ld opgegeven; %ld verzonden in de laatste 24 uur.\n",
	    c.wacht, c.bezig, c.opgegeven, c.verzonden_24u);
	if (n > 0) {
		printf("\n%6s  %-6s  %-9s  %8s  %-16s  %s\n", "ID", "SWV", "TOESTAND", "POGINGEN",
		       "VOLGENDE POGING", "LAATSTE FOUT");
		for (int i = 0; i < n; i++)
			printf("%6ld  %-6s  %-9s  %8d  %-16s  %s\n", rows[i].id, rows[i].organisatie,
			       rows[i].toestand, rows[i].pogingen, rows[i].volgende_poging,
			       rows[i].laatste_fout);
		if (c.wacht + c.bezig + c.opgegeven > n)
			printf("(de eerste %d getoond)\n", n);
	}
	if (c.opgegeven > 0)
		printf("\nOpgegeven mail opnieuw proberen: balie mail --retry ID\n");
	free(rows);
	return c.opgegeven > 0 ? 1 : 0;
}

static int retry(const char *arg)
{
	struct err e;
	long long id_in;
	if (validate_int(arg, 1, 999999999999LL, &id_in, "Mailnummer", &e) < 0) {
		fprintf(stderr, "balie: '%s' is geen mailnummer: %s\n", arg, e.msg);
		return 2;
	}
	long id = (long)id_in;
	err_clear(&e);
	struct db *db = cmd_connect();
	if (!db)
		return 2;
	int rc = outbox_retry(db, id, &e);
	db_free(&db);
	if (rc < 0)
		return cmd_fail(&e);
	if (rc == 1) {
		fprintf(stderr, "balie: mail %ld is geen opgegeven mail (zie balie mail --status)\n", id);
		return 1;
	}
	printf("Mail %ld staat weer klaar; de volgende ronde van balie mail verstuurt hem.\n", id);
	return 0;
}

/* ---------------------------------------------------------------- the verb */

int cmd_mail_once(const char *conninfo, const char *mail_command, const char *mail_from, long *sent)
{
	struct worker w;
	struct err e;
	char addr[256];

	memset(&w, 0, sizeof w);
	err_clear(&e);
	*sent = 0;
	if (mail_parse_from(mail_from, addr, sizeof addr, NULL, &e) < 0 ||
	    mail_split_argv(mail_command, &w.argv, &e) < 0)
		return cmd_fail(&e);
	w.conninfo = conninfo;
	w.from = mail_from;
	make_token(w.token, sizeof w.token);
	install_signals();
	int rc = run_once(&w);
	mail_argv_free(&w.argv);
	*sent = w.sent;
	return rc;
}

int cmd_mail(int argc, char **argv)
{
	struct err e;
	if (argc == 2 && !strcmp(argv[1], "--status"))
		return show_status();
	if (argc == 3 && !strcmp(argv[1], "--retry"))
		return retry(argv[2]);
	if (argc != 2 || (strcmp(argv[1], "--once") && strcmp(argv[1], "--daemon")))
		return usage();

	const struct config *cfg = main_config();
	struct worker w;
	char addr[256];
	memset(&w, 0, sizeof w);
	err_clear(&e);
	/* Configuration mistakes stop here, before any row is claimed. */
	if (mail_parse_from(cfg->mail_from, addr, sizeof addr, NULL, &e) < 0 ||
	    mail_split_argv(cfg->mail_command, &w.argv, &e) < 0)
		return cmd_fail(&e);
	w.from = cfg->mail_from;
	make_token(w.token, sizeof w.token);
	install_signals();
	int rc = !strcmp(argv[1], "--once") ? run_once(&w) : run_daemon(&w);
	mail_argv_free(&w.argv);
	return rc;
}
