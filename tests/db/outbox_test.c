/* outbox_test.c — delivering the outbox: claims that exclude each other,
 * leases taken over after a crash, back-off and giving up, the balie_mail
 * role, NOTIFY on insert; and the real binary (`balie mail`) against
 * tests/capture-sendmail: two workers on 100 mails deliver each once, a
 * failing sendmail is retried later, header injection is refused, a
 * non-ASCII subject is encoded, --status never shows the text, and the
 * daemon wakes on NOTIFY and stops cleanly on SIGTERM. */
#include "tests/db/harness.h"

#include <dirent.h>
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/mail.h"
#include "db/outbox.h"

#define DBNAME "t_outbox"
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"

struct world {
	struct db *su;
	char dir[64]; /* temp folder: balie.conf, capture/ */
	char capture[96];
	char conf[96];
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	w->su = harness_migrated_db(DBNAME);
	harness_fixture(w->su, HASH);
	snprintf(w->dir, sizeof w->dir, "/tmp/balie-mailtest.XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	snprintf(w->capture, sizeof w->capture, "%s/capture", w->dir);
	snprintf(w->conf, sizeof w->conf, "%s/balie.conf", w->dir);
	const char *src = getenv("BALIE_SRCDIR");
	char text[2048];
	snprintf(text, sizeof text,
		 "conninfo = \"host='%s' dbname='%s' user='balie_mail'\";\n"
		 "mail_command = \"%s/tests/capture-sendmail -t -i\";\n"
		 "mail_from = \"SWV Test <noreply@swv-test.nl>\";\n",
		 harness_cluster(), DBNAME, src ? src : ".");
	write_file(w->conf, text);
	*state = w;
	return 0;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static int teardown(void **state)
{
	struct world *w = *state;
	db_free(&w->su);
	remove_tree(w->dir);
	free(w);
	return 0;
}

static struct db *mail_db(void)
{
	char ci[512];
	struct db *db = NULL;
	struct err e;
	err_clear(&e);
	if (db_connect(&db, harness_conninfo(ci, sizeof ci, DBNAME, "balie_mail"), &e) < 0)
		fail_msg("verbinden als balie_mail: %s", e.msg);
	return db;
}

/* n rows for PO1111 (ouder1@…, subject "Besluit 1" …). */
static void insert_rows(struct db *su, int n)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
		 "SELECT o.id, 'ouder' || g || '@example.nl', 'Besluit ' || g, 'Geheime tekst ' || g "
		 "  FROM organisatie o, generate_series(1, %d) g WHERE o.code = 'PO1111'",
		 n);
	harness_exec(su, sql);
}

/* Starts the real binary: balie --config conf ARGS…, with the capture
 * folder (and a failing sendmail when fail is set) in its environment;
 * stdout to out_path when given. */
static pid_t spawn(struct world *w, const char *fail, const char *out_path, const char *a1, const char *a2)
{
	const char *bin = getenv("BALIE_BIN");
	if (!bin)
		fail_msg("BALIE_BIN is niet gezet: draai via tests/run-db.sh");
	fflush(stdout); /* or the child writes our buffered output again */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setpgid(0, 0); /* a group of its own: a test may kill it with its sendmail */
		setenv("BALIE_MAIL_CAPTURE", w->capture, 1);
		if (fail)
			setenv("BALIE_MAIL_CAPTURE_FAIL", fail, 1);
		else
			unsetenv("BALIE_MAIL_CAPTURE_FAIL");
		if (out_path && !freopen(out_path, "w", stdout))
			_exit(126);
		execl(bin, bin, "--config", w->conf, "mail", a1, a2, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int wait_exit(pid_t pid)
{
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int run_balie(struct world *w, const char *fail, const char *out_path, const char *a1, const char *a2)
{
	return wait_exit(spawn(w, fail, out_path, a1, a2));
}

/* Files in the capture folder ending in suffix. */
static int count_files(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name), s = strlen(suffix);
		if (de->d_name[0] != '.' && l > s && strstr(de->d_name, suffix))
			n++;
	}
	closedir(d);
	return n;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *buf = calloc(1, 65536);
	size_t n = fread(buf, 1, 65535, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int wait_for_file(const char *path, int seconds)
{
	for (int i = 0; i < seconds * 20; i++) {
		if (access(path, F_OK) == 0)
			return 1;
		poll(NULL, 0, 50);
	}
	return 0;
}

static long first_id(struct db *su)
{
	return harness_long(su, "SELECT min(id) FROM outbox");
}

/* ---------------------------------------------------------------- the API */

static void claims_exclude_each_other(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 3);
	struct db *a = mail_db(), *b = mail_db();
	struct outbox_mail m1, m2, m3, m4;
	struct err e;
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m1, &e), 1);
	assert_int_equal(outbox_claim(b, "B", 600, MAIL_MAX_POGINGEN, &m2, &e), 1);
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m3, &e), 1);
	assert_int_equal(outbox_claim(b, "B", 600, MAIL_MAX_POGINGEN, &m4, &e), 0);
	assert_true(m1.id != m2.id && m2.id != m3.id && m1.id != m3.id);
	assert_int_equal(m1.pogingen, 1);
	assert_string_equal(m1.organisatie, "PO1111");
	assert_non_null(strstr(m1.onderwerp, "Besluit"));
	/* A failure recorded with someone else's token changes nothing. */
	assert_int_equal(outbox_mark_failed(b, m1.id, "B", "x", 60, &e), 1);
	assert_int_equal(outbox_mark_sent(a, m1.id, "A", &e), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE verzonden_op IS NOT NULL "
					     "AND claim_door IS NULL"),
			 1);
	outbox_mail_release(&m1);
	outbox_mail_release(&m2);
	outbox_mail_release(&m3);
	db_free(&a);
	db_free(&b);
}

static void expired_claim_is_taken_over(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 1);
	struct db *a = mail_db(), *b = mail_db();
	struct outbox_mail m, n;
	struct err e;
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 1);
	/* Within the lease nobody else gets it. */
	assert_int_equal(outbox_claim(b, "B", 600, MAIL_MAX_POGINGEN, &n, &e), 0);
	/* A "crashes": its lease runs out. */
	harness_exec(w->su, "UPDATE outbox SET claim_tot = now() - interval '1 second'");
	assert_int_equal(outbox_claim(b, "B", 600, MAIL_MAX_POGINGEN, &n, &e), 1);
	assert_int_equal(n.id, m.id);
	assert_int_equal(n.pogingen, 2);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE laatste_fout LIKE "
					     "'vorige poging onderbroken%'"),
			 1);
	/* A comes back: marked sent (the mail went out), but it is told. */
	assert_int_equal(outbox_mark_sent(a, m.id, "A", &e), 1);
	assert_int_equal(outbox_mark_failed(b, n.id, "B", "x", 60, &e), 1);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE verzonden_op IS NOT NULL"),
			 1);
	outbox_mail_release(&n);
	/* A crash loop ends: an expired claim after the last attempt gives up. */
	insert_rows(w->su, 1);
	harness_exec(w->su, "UPDATE outbox SET pogingen = 6, claim_door = 'X', "
			    "claim_tot = now() - interval '1 second' WHERE verzonden_op IS NULL");
	assert_int_equal(outbox_claim(b, "B", 600, MAIL_MAX_POGINGEN, &n, &e), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE opgegeven_op IS NOT NULL "
					     "AND laatste_fout LIKE 'opgegeven:%'"),
			 1);
	outbox_mail_release(&m);
	outbox_mail_release(&n);
	db_free(&a);
	db_free(&b);
}

static void failure_backs_off_then_gives_up(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 1);
	struct db *a = mail_db();
	struct outbox_mail m;
	struct err e;
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 1);
	assert_int_equal(
	    outbox_mark_failed(a, m.id, "A", "mail_command stopte met status 75", mail_backoff(1), &e), 0);
	outbox_mail_release(&m);
	assert_int_equal(
	    harness_long(w->su, "SELECT count(*) FROM outbox WHERE pogingen = 1 AND verzonden_op IS NULL "
				"AND claim_door IS NULL AND volgende_poging > now() + interval '50 seconds'"),
	    1);
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 0);
	long due = 0;
	assert_int_equal(outbox_next_due(a, &due, &e), 0);
	assert_in_range(due, 50, 61);

	harness_exec(w->su, "UPDATE outbox SET volgende_poging = now()");
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 1);
	assert_int_equal(outbox_mark_failed(a, m.id, "A", "geweigerd", -1, &e), 0);
	outbox_mail_release(&m);
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 0);
	assert_int_equal(outbox_next_due(a, &due, &e), 0);
	assert_int_equal(due, -1);

	struct outbox_counts c;
	struct outbox_status_row *rows = NULL;
	int n = 0;
	assert_int_equal(outbox_status(a, 10, &c, &rows, &n, &e), 0);
	assert_int_equal(c.opgegeven, 1);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].toestand, "opgegeven");
	assert_string_equal(rows[0].organisatie, "PO1111");
	assert_int_equal(rows[0].pogingen, 2);
	free(rows);

	/* The admin puts it back. */
	assert_int_equal(outbox_retry(a, m.id + 999, &e), 1);
	assert_int_equal(outbox_retry(a, first_id(w->su), &e), 0);
	assert_int_equal(outbox_claim(a, "A", 600, MAIL_MAX_POGINGEN, &m, &e), 1);
	assert_int_equal(m.pogingen, 1);
	outbox_mail_release(&m);
	db_free(&a);
}

static void mail_role_sees_every_outbox_row_and_nothing_else(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 2);
	harness_exec(w->su,
		     "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
		     "SELECT id, 'b@example.nl', 'Besluit', 'x' FROM organisatie WHERE code = 'PO2222'");
	struct db *m = mail_db();
	struct err e;
	assert_int_equal(harness_long(m, "SELECT count(*) FROM outbox"), 3);
	assert_int_equal(harness_try(m, "SELECT count(*) FROM hulpvraag", &e), -1);
	assert_int_equal(harness_try(m, "SELECT count(*) FROM dossier", &e), -1);
	assert_int_equal(harness_try(m, "SELECT naam FROM organisatie", &e), -1);
	assert_int_equal(harness_try(m, "DELETE FROM outbox", &e), -1);
	assert_int_equal(harness_try(m, "UPDATE outbox SET tekst = 'x'", &e), -1);
	db_free(&m);
	/* Staff sessions still see only their own organisatie's mail. */
	struct db *app = harness_app_db(DBNAME);
	assert_int_equal(harness_long(app, "SELECT count(*) FROM outbox"), 0);
	db_set_account(app, harness_account(w->su, "sec_b"));
	assert_int_equal(harness_long(app, "SELECT count(*) FROM outbox"), 1);
	db_free(&app);
}

static void insert_notifies_with_id_only(void **state)
{
	struct world *w = *state;
	struct db *m = mail_db();
	struct err e;
	assert_int_equal(outbox_listen(m, &e), 0);
	insert_rows(w->su, 1);
	harness_exec(w->su, "SELECT wijzigingen_melden()"); /* the notifier's step (014) */
	int got = 0;
	for (int i = 0; i < 100 && got == 0; i++) {
		struct pollfd p = {outbox_socket(m), POLLIN, 0};
		poll(&p, 1, 50);
		got = outbox_drain(m, &e);
		assert_true(got >= 0);
	}
	assert_int_equal(got, 1);
	db_free(&m);
}

/* ---------------------------------------------------------------- the binary */

static void two_workers_deliver_each_mail_once(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 100);
	pid_t p1 = spawn(w, NULL, NULL, "--once", NULL);
	pid_t p2 = spawn(w, NULL, NULL, "--once", NULL);
	assert_int_equal(wait_exit(p1), 0);
	assert_int_equal(wait_exit(p2), 0);
	assert_int_equal(count_files(w->capture, ".eml"), 100);
	assert_int_equal(count_files(w->capture, ".dup."), 0);
	assert_int_equal(harness_long(w->su, "SELECT count(*) FROM outbox WHERE verzonden_op IS NOT NULL "
					     "AND pogingen = 1 AND claim_door IS NULL"),
			 100);
	/* Who did what (for the log; both usually share the work). */
	char path[160];
	snprintf(path, sizeof path, "%s/log", w->capture);
	char *log = read_file(path);
	assert_non_null(log);
	char pid1[32], pid2[32];
	snprintf(pid1, sizeof pid1, " %d\n", (int)p1);
	snprintf(pid2, sizeof pid2, " %d\n", (int)p2);
	int n1 = 0, n2 = 0;
	for (const char *p = log; (p = strstr(p, pid1)) != NULL; p++)
		n1++;
	for (const char *p = log; (p = strstr(p, pid2)) != NULL; p++)
		n2++;
	printf("# werker 1 verstuurde %d, werker 2 %d\n", n1, n2);
	assert_int_equal(n1 + n2, 100);
	free(log);
}

static void worker_killed_mid_send_is_taken_over_after_the_lease(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 1);
	setenv("BALIE_MAIL_CAPTURE_DELAY", "30", 1);
	pid_t pid = spawn(w, NULL, NULL, "--once", NULL);
	unsetenv("BALIE_MAIL_CAPTURE_DELAY");
	/* Wait until it has claimed the mail and is sending it. */
	int claimed = 0;
	for (int i = 0; i < 200 && !claimed; i++) {
		claimed = harness_long(w->su, "SELECT count(*) FROM outbox WHERE claim_tot > now()") == 1;
		if (!claimed)
			poll(NULL, 0, 50);
	}
	assert_true(claimed);
	kill(-pid, SIGKILL); /* balie and its sendmail: a crash, power gone */
	wait_exit(pid);
	/* Within the lease nobody takes it over. */
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
	assert_int_equal(count_files(w->capture, ".eml"), 0);
	/* After the lease the next worker sends it, once. */
	harness_exec(w->su, "UPDATE outbox SET claim_tot = now() - interval '1 second'");
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
	assert_int_equal(count_files(w->capture, ".eml"), 1);
	assert_int_equal(harness_long(w->su,
				      "SELECT count(*) FROM outbox WHERE verzonden_op IS NOT NULL "
				      "AND pogingen = 2 AND laatste_fout LIKE 'vorige poging onderbroken%'"),
			 1);
}

static void failing_sendmail_is_retried_later(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 1);
	assert_int_equal(run_balie(w, "75", NULL, "--once", NULL), 1);
	assert_int_equal(count_files(w->capture, ".eml"), 0);
	assert_int_equal(
	    harness_long(w->su,
			 "SELECT count(*) FROM outbox WHERE verzonden_op IS NULL AND pogingen = 1 "
			 "AND volgende_poging > now() + interval '50 seconds' "
			 "AND laatste_fout LIKE 'mail_command stopte met status 75: capture-sendmail%'"),
	    1);
	/* Not due yet: a second run sends nothing. */
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
	assert_int_equal(count_files(w->capture, ".eml"), 0);
	/* Due again: sent, with the count of attempts. */
	harness_exec(w->su, "UPDATE outbox SET volgende_poging = now()");
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
	assert_int_equal(count_files(w->capture, ".eml"), 1);
	assert_int_equal(harness_long(w->su, "SELECT pogingen FROM outbox WHERE verzonden_op IS NOT NULL"),
			 2);
}

static void header_injection_is_refused(void **state)
{
	struct world *w = *state;
	/* The schema refuses these rows already; take its checks away to see
	 * that balie mail refuses them too. */
	harness_exec(w->su, "ALTER TABLE outbox DROP CONSTRAINT outbox_onderwerp_check, "
			    "DROP CONSTRAINT outbox_aan_check");
	harness_exec(w->su, "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
			    "SELECT id, 'ouder@example.nl', E'Besluit\\r\\nBcc: iedereen@example.org', 'x' "
			    "  FROM organisatie WHERE code = 'PO1111'");
	harness_exec(w->su, "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
			    "SELECT id, E'ouder@example.nl\\nBcc: iedereen@example.org', 'Besluit', 'x' "
			    "  FROM organisatie WHERE code = 'PO1111'");
	insert_rows(w->su, 1);
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 1);
	assert_int_equal(count_files(w->capture, ".eml"), 1);
	assert_int_equal(
	    harness_long(w->su,
			 "SELECT count(*) FROM outbox WHERE opgegeven_op IS NOT NULL "
			 "AND verzonden_op IS NULL AND laatste_fout LIKE 'geweigerd: kopregel%regeleinde%'"),
	    2);
	/* Given up at once: not tried again. */
	harness_exec(w->su, "UPDATE outbox SET volgende_poging = now() - interval '1 day'");
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
}

static void non_ascii_subject_is_encoded(void **state)
{
	struct world *w = *state;
	const char *subject = "Besluit geëvalueerd — coördinator";
	harness_exec(
	    w->su,
	    "INSERT INTO outbox (organisatie_id, aan, onderwerp, tekst) "
	    "SELECT id, 'ouder@example.nl', 'Besluit geëvalueerd — coördinator', "
	    "       E'Beste ouder,\\n\\nDe aanvraag is geëvalueerd.\\n\\nMet vriendelijke groet,\\nSWV Alfa' "
	    "  FROM organisatie WHERE code = 'PO1111'");
	long id = first_id(w->su);
	assert_int_equal(run_balie(w, NULL, NULL, "--once", NULL), 0);
	char path[200];
	snprintf(path, sizeof path, "%s/outbox-%ld.PO1111@swv-test.nl.eml", w->capture, id);
	char *msg = read_file(path);
	assert_non_null(msg);
	char *enc = mail_encode_header("Subject", subject);
	char want[512];
	snprintf(want, sizeof want, "\nSubject: %s\n", enc);
	assert_non_null(strstr(msg, want));
	assert_true(strncmp(enc, "=?UTF-8?B?", 10) == 0);
	free(enc);
	snprintf(want, sizeof want, "\nMessage-ID: <outbox-%ld.PO1111@swv-test.nl>\n", id);
	assert_non_null(strstr(msg, want));
	assert_true(strncmp(msg, "From: SWV Test <noreply@swv-test.nl>\nTo: ouder@example.nl\n", 56) == 0);
	assert_non_null(strstr(msg, "\nContent-Type: text/plain; charset=UTF-8\n"));
	assert_non_null(strstr(msg, "\nContent-Transfer-Encoding: quoted-printable\n"));
	assert_non_null(strstr(msg, "\nDate: "));
	assert_non_null(strstr(msg, "\n\nBeste ouder,\n\nDe aanvraag is ge=C3=ABvalueerd.\n"));
	/* The sample in the log. */
	for (char *line = strtok(msg, "\n"); line; line = strtok(NULL, "\n"))
		printf("# | %s\n", line);
	free(msg);
}

static void status_lists_rows_without_their_text(void **state)
{
	struct world *w = *state;
	insert_rows(w->su, 2);
	assert_int_equal(run_balie(w, "75", NULL, "--once", NULL), 1);
	harness_exec(w->su, "UPDATE outbox SET opgegeven_op = now(), laatste_fout = 'geweigerd: test' "
			    "WHERE id = (SELECT min(id) FROM outbox)");
	char out[160];
	snprintf(out, sizeof out, "%s/status.txt", w->dir);
	assert_int_equal(run_balie(w, NULL, out, "--status", NULL), 1);
	char *text = read_file(out);
	assert_non_null(text);
	for (const char *l = text; *l;) {
		size_t k = strcspn(l, "\n");
		printf("# %.*s\n", (int)k, l);
		l += k + (l[k] == '\n');
	}
	assert_non_null(strstr(text, "1 wachtend, 0 bezig, 1 opgegeven"));
	assert_non_null(strstr(text, "PO1111"));
	assert_non_null(strstr(text, "opgegeven"));
	assert_non_null(strstr(text, "status 75"));
	assert_null(strstr(text, "Geheime tekst"));
	assert_null(strstr(text, "ouder1@example.nl"));
	assert_null(strstr(text, "Besluit"));
	free(text);
	/* --retry puts the given-up one back. */
	char id[32];
	snprintf(id, sizeof id, "%ld", first_id(w->su));
	assert_int_equal(run_balie(w, NULL, "/dev/null", "--retry", id), 0);
	assert_int_equal(run_balie(w, NULL, "/dev/null", "--retry", id), 1);
	assert_int_equal(run_balie(w, NULL, "/dev/null", "--status", NULL), 0);
}

static void daemon_wakes_on_notify_and_stops_on_sigterm(void **state)
{
	struct world *w = *state;
	char out[160], path[200];
	snprintf(out, sizeof out, "%s/daemon.txt", w->dir);
	insert_rows(w->su, 1);
	long id = first_id(w->su);
	pid_t pid = spawn(w, NULL, out, "--daemon", NULL);
	snprintf(path, sizeof path, "%s/outbox-%ld.PO1111@swv-test.nl.eml", w->capture, id);
	assert_true(wait_for_file(path, 10));
	/* Now idle until the next wake-up (60 s): only NOTIFY can bring this
	 * one out within a few seconds. */
	poll(NULL, 0, 300);
	insert_rows(w->su, 1);
	harness_exec(w->su, "SELECT wijzigingen_melden()"); /* the notifier's step (014) */
	snprintf(path, sizeof path, "%s/outbox-%ld.PO1111@swv-test.nl.eml", w->capture, id + 1);
	assert_true(wait_for_file(path, 5));
	kill(pid, SIGTERM);
	int st = -1;
	for (int i = 0; i < 200; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
		poll(NULL, 0, 50);
	}
	if (st == -1) {
		kill(pid, SIGKILL);
		wait_exit(pid);
		fail_msg("balie mail --daemon stopte niet binnen 10 s na SIGTERM");
	}
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	char *text = read_file(out);
	assert_non_null(text);
	assert_non_null(strstr(text, "gestopt (2 verzonden, 0 mislukt)"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(claims_exclude_each_other, setup, teardown),
	    cmocka_unit_test_setup_teardown(expired_claim_is_taken_over, setup, teardown),
	    cmocka_unit_test_setup_teardown(failure_backs_off_then_gives_up, setup, teardown),
	    cmocka_unit_test_setup_teardown(mail_role_sees_every_outbox_row_and_nothing_else, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(insert_notifies_with_id_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(two_workers_deliver_each_mail_once, setup, teardown),
	    cmocka_unit_test_setup_teardown(worker_killed_mid_send_is_taken_over_after_the_lease, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(failing_sendmail_is_retried_later, setup, teardown),
	    cmocka_unit_test_setup_teardown(header_injection_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(non_ascii_subject_is_encoded, setup, teardown),
	    cmocka_unit_test_setup_teardown(status_lists_rows_without_their_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(daemon_wakes_on_notify_and_stops_on_sigterm, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
