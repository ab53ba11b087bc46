/* cmd.h — the non-interactive verbs of balie (`balie admin …`, `balie demo`,
 * `balie check`, `balie mail`).  Each verb lives in its own file in tui/cmd/
 * and is one row of the table in tui/cmd/table.c.
 *
 * A verb function gets the arguments after its own name (argv[0] is the verb
 * name itself, as for main) and returns the process exit status:
 * 0 success, 1 "the answer is no" (e.g. check found errors), 2 usage or
 * runtime error.  Verbs print Dutch messages; errors go to stderr as
 * "balie: …" or "file:line: message".
 */
#ifndef BALIE_CMD_H
#define BALIE_CMD_H

struct cmd {
	const char *name;     /* "admin forms", "demo", … (words separated by one space) */
	const char *args;     /* argument synopsis for the usage text */
	const char *help;     /* one Dutch line */
	int (*run)(int argc, char **argv);
};

/* NULL-terminated table of every verb (tui/cmd/table.c). */
extern const struct cmd cmd_table[];

/* Finds the longest verb matching argv[0..]; sets *used to the number of
 * words it consumed.  NULL when nothing matches. */
const struct cmd *cmd_find(int argc, char **argv, int *used);

/* Prints the usage of every verb to stdout/stderr. */
void cmd_usage(int to_stderr);

int cmd_admin_forms(int argc, char **argv);      /* admin forms check|load DIR */
int cmd_admin_feestdagen(int argc, char **argv); /* admin feestdagen JAAR */
int cmd_admin_migrate(int argc, char **argv);    /* admin migrate */
int cmd_admin_rechten(int argc, char **argv);    /* admin rechten [--man] */
int cmd_admin_audit(int argc, char **argv);      /* admin audit verify|export|kind */
int cmd_admin_tarief(int argc, char **argv);     /* admin tarief list|set|remove … */
int cmd_admin_sessions(int argc, char **argv);   /* admin sessions list|end */
int cmd_admin_budget(int argc, char **argv);     /* admin budget list|set|prognose … */
int cmd_admin_commissie(int argc, char **argv);  /* admin commissie list|set|remove … */
int cmd_admin_regio(int argc, char **argv);      /* admin regio ORGANISATIE [REGIO] */
int cmd_admin_verlengdeadline(int argc, char **argv); /* admin verlengdeadline list|set|remove … */
int cmd_admin_user(int argc, char **argv);       /* admin user add|passwd|… */
int cmd_admin_school(int argc, char **argv);     /* admin school list|show|add|edit|brin|close|merge|medewerker|import */
int cmd_admin_bestuur(int argc, char **argv);    /* admin bestuur list|add|edit|close */
int cmd_admin_scholenkring(int argc, char **argv); /* admin scholenkring list|add|edit|coordinator|close */
int cmd_admin_overdracht(int argc, char **argv); /* admin overdracht ORG BRIN --van G --naar G [--proef] */
int cmd_admin_cluster(int argc, char **argv);    /* admin cluster create|start|stop|remove DIR */
int cmd_demo(int argc, char **argv);             /* demo [--reset|--env] */
int cmd_mail(int argc, char **argv);             /* mail --once|--daemon|--status|--retry ID */
int cmd_bijlage(int argc, char **argv);          /* bijlage add NUMMER BESTAND --categorie C */
int cmd_export(int argc, char **argv);           /* export agenda --van D --tot D --ics [--commissie C] */
int cmd_export_kengetallen(int argc, char **argv); /* export kengetallen --jaar J [--csv|--xlsx] */
int cmd_export_tlv(int argc, char **argv);       /* export tlv --van D --tot D [--csv|--xlsx] */
int cmd_check(int argc, char **argv);            /* check --all|NUMMER [--als G] [--organisatie C] */
int cmd_authd(int argc, char **argv);            /* authd --socket PAD | --maak-sleutel PAD */
struct wachtwoord_params;
/* The helper's loop on path, as balie_auth on conninfo, with the TOTP key
 * of key_path (it refuses to start without; it seals any secret still in
 * the clear first); watch (or NULL): stop a minute after that path is
 * gone (a demo's cluster). */
int cmd_authd_serve(const char *path, const char *conninfo, const struct wachtwoord_params *params,
		    const char *key_path, const char *watch);
int cmd_notify(int argc, char **argv);           /* notify --daemon|--once */

/* `balie notify --daemon` with its own conninfo (NULL: balie.conf's) until
 * SIGTERM; give_up_s > 0: also ends after that long without a connection
 * (the demo's cluster was stopped).  Returns the exit status. */
int cmd_notify_daemon(const char *conninfo, int give_up_s);
int cmd_ssh_toegang(int argc, char **argv);      /* ssh-toegang [--account NAAM]: the ForceCommand */
int cmd_mailin(int argc, char **argv);           /* mail-in [--als G] [--organisatie C] < bericht */

/* `balie mail --once` with its own connection and settings instead of
 * balie.conf's (balie demo --mail); *sent gets the number delivered.
 * Returns the exit status of `balie mail --once`. */
int cmd_mail_once(const char *conninfo, const char *mail_command, const char *mail_from, long *sent);

#endif
