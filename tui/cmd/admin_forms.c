/* admin_forms.c — `balie admin forms check|load DIR`: validates, or
 * validates and publishes, the organisation profiles in forms/. */
#include "tui/cmd/cmd.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/beschikking.h"
#include "core/agenda.h"
#include "core/compleet.h"
#include "core/err.h"
#include "core/flow.h"
#include "core/form.h"
#include "db/beschikking.h"
#include "db/flowstore.h"
#include "db/formstore.h"
#include "tui/cmd/common.h"

/* Prints one error as "file:line: message" on stderr. */
static void print_err(const struct err *e, void *ctx)
{
	char buf[1024];

	(void)ctx;
	fprintf(stderr, "%s\n", err_format(e, buf, sizeof buf));
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The last path component of dir, trailing slashes ignored. */
static void label_of(const char *dir, char *buf, size_t size)
{
	size_t n = strlen(dir), start;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	start = n;
	while (start > 0 && dir[start - 1] != '/')
		start--;
	snprintf(buf, size, "%.*s", (int)(n - start), dir + start);
}

static void print_line(const char *line, void *ctx)
{
	(void)ctx;
	printf("%s\n", line);
	fflush(stdout);
}

/* The forms of one profile folder, loaded to check what the completeness
 * rules of its flows name. */
struct form_set {
	struct form_def **defs;
	size_t n;
};

static void form_set_free(struct form_set *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		form_free(&fs->defs[i]);
	free(fs->defs);
	fs->defs = NULL;
	fs->n = 0;
}

/* compleet_lookup_fn: a form code (veld NULL) or one of its field keys. */
static int form_known(const char *code, const char *veld, void *ctx)
{
	const struct form_set *fs = ctx;

	for (size_t i = 0; i < fs->n; i++)
		if (fs->defs[i] && !strcmp(fs->defs[i]->code, code))
			return !veld || form_field_index(fs->defs[i], veld) >= 0;
	return 0;
}

/* Checks the *.form files of a profile folder into fs (a file with errors
 * stays NULL there).  Returns the number of files with errors (each
 * printed). */
static size_t check_forms(const char *dir, struct form_set *fs)
{
	char **paths = NULL;
	size_t n = 0, errors = 0;
	struct err e;

	memset(fs, 0, sizeof *fs);
	if (form_list_dir(dir, &paths, &n, &e) < 0) {
		print_err(&e, NULL);
		return 1;
	}
	fs->defs = calloc(n ? n : 1, sizeof *fs->defs);
	if (!fs->defs) {
		form_list_free(&paths, n);
		fprintf(stderr, "balie: geen geheugen\n");
		return 1;
	}
	fs->n = n;
	for (size_t i = 0; i < n; i++)
		if (form_load(paths[i], &fs->defs[i], print_err, NULL, &e) < 0)
			errors++;
	form_list_free(&paths, n);
	return errors;
}

/* Every form and field a completeness rule names must exist in the
 * profile's forms (a typo there would make a rule that can never pass). */
static size_t check_refs(const struct flow_profile *p, struct form_set *fs)
{
	size_t errors = 0;

	for (size_t i = 0; p && i < p->ntypes; i++)
		errors += compleet_check_refs(&p->types[i]->compleet, p->types[i]->file, form_known, fs, print_err,
					      NULL);
	return errors;
}

/* What `load` needs while walking the tree (NULL db: only check). */
struct load_ctx {
	struct db *db;
	const char *org_code; /* --organisatie, or NULL */
	const char *who;
};

/* Checks one profile folder and prints the Dutch summary line; with a
 * load_ctx, publishes it when it has no errors.  Returns the number of
 * errors. */
static size_t check_profile(const char *dir, const struct load_ctx *lc)
{
	struct flow_profile *p = NULL;
	struct flow_stats st;
	struct err e;
	char label[256];

	struct form_set fs;
	size_t forms;

	label_of(dir, label, sizeof label);
	flow_profile_load(dir, &p, &st, print_err, NULL, &e);
	st.errors += check_forms(dir, &fs);
	st.errors += check_refs(p, &fs);
	/* the TLV soorten and "afgegeven" statuses (beschikking.conf) */
	struct beschikking_conf bc;
	if (beschikking_conf_load(dir, &bc, &e) < 0) {
		print_err(&e, NULL);
		st.errors++;
	}
	forms = fs.n;
	form_set_free(&fs);
	printf("%s: %zu %s, %zu %s, %zu %s, ", label,
	       st.types, plural(st.types, "aanvraagtype", "aanvraagtypes"),
	       st.statuses, plural(st.statuses, "status", "statussen"),
	       forms, plural(forms, "formulier", "formulieren"));
	if (st.errors == 0)
		printf("geen fouten\n");
	else
		printf("%zu %s\n", st.errors, plural(st.errors, "fout", "fouten"));
	fflush(stdout);
	if (lc && lc->db && st.errors == 0 && p) {
		int versie = 0, nieuw = 0;
		if (flowstore_publish(lc->db, p, lc->org_code, lc->who, &versie, &nieuw, &e) < 0) {
			print_err(&e, NULL);
			st.errors++;
		} else if (nieuw) {
			printf("%s: gepubliceerd als versie %d voor %s\n", label, versie,
			       lc->org_code ? lc->org_code : p->code);
		} else {
			printf("%s: ongewijzigd, versie %d blijft actief\n", label, versie);
		}
		size_t ferr = 0;
		if (st.errors == 0 &&
		    formstore_publish_dir(lc->db, lc->org_code ? lc->org_code : p->code, dir, lc->who, print_line, NULL,
					  &ferr, &e) < 0) {
			print_err(&e, NULL);
			st.errors++;
		}
		st.errors += ferr;
		if (st.errors == 0 &&
		    db_beschikking_publish(lc->db, lc->org_code ? lc->org_code : p->code, &bc, &e) < 0) {
			print_err(&e, NULL);
			st.errors++;
		}
	}
	flow_profile_free(&p);
	return st.errors;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Checks dir when it is a profile, else every profile below it (sorted,
 * symlinked folders not followed).  *found counts the profiles seen. */
static size_t check_tree(const char *dir, int depth, size_t *found, const struct load_ctx *lc)
{
	char **subs = NULL;
	size_t nsubs = 0, cap = 0, errors = 0;
	DIR *d;
	struct dirent *de;

	if (flow_is_profile_dir(dir)) {
		(*found)++;
		return check_profile(dir, lc);
	}
	if (depth > 4 || !(d = opendir(dir)))
		return 0;
	while ((de = readdir(d))) {
		char path[4096];
		struct stat sb;

		if (de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path)
			continue;
		if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		if (nsubs == cap) {
			size_t nc = cap ? cap * 2 : 16;
			char **ns = realloc(subs, nc * sizeof *ns);
			if (!ns)
				break;
			subs = ns;
			cap = nc;
		}
		if (!(subs[nsubs] = strdup(path)))
			break;
		nsubs++;
	}
	closedir(d);
	if (nsubs)
		qsort(subs, nsubs, sizeof *subs, cmp_str);
	for (size_t i = 0; i < nsubs; i++) {
		errors += check_tree(subs[i], depth + 1, found, lc);
		free(subs[i]);
	}
	free(subs);
	return errors;
}

/* The schoolvakanties of DIR/schoolvakanties (one file per school year,
 * core/agenda), when that folder is there.  Returns the errors (0 or 1). */
static size_t check_schoolvakanties(const char *dir)
{
	char path[4096];
	struct stat sb;
	struct agenda_vakanties vs;
	struct err e;
	char msg[1024];
	size_t errors = 0;

	if ((size_t)snprintf(path, sizeof path, "%s/schoolvakanties", dir) >= sizeof path ||
	    stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return 0;
	agenda_vakanties_init(&vs);
	if (agenda_vakanties_load_dir(&vs, path, &e) < 0) {
		fprintf(stderr, "%s\n", err_format(&e, msg, sizeof msg));
		errors = 1;
	} else {
		printf("schoolvakanties: %zu vakanties, geen fouten\n", vs.n);
	}
	agenda_vakanties_release(&vs);
	return errors;
}

static int usage(void)
{
	fprintf(stderr, "gebruik: balie admin forms check MAP\n"
			"         balie admin forms load MAP [--organisatie CODE]\n");
	return 2;
}

int cmd_admin_forms(int argc, char **argv)
{
	struct stat sb;
	size_t found = 0, errors;

	struct load_ctx lc = {NULL, NULL, "balie admin forms load"};
	int load = argc >= 2 && strcmp(argv[1], "load") == 0;

	if (load && argc == 5 && strcmp(argv[3], "--organisatie") == 0)
		lc.org_code = argv[4];
	else if (argc != 3)
		return usage();
	if (!load && strcmp(argv[1], "check") != 0)
		return usage();
	if (stat(argv[2], &sb) != 0) {
		fprintf(stderr, "balie: kan '%s' niet openen: %s\n", argv[2], strerror(errno));
		return 2;
	}
	if (!S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "balie: '%s' is geen map\n", argv[2]);
		return 2;
	}
	if (load && !(lc.db = cmd_connect()))
		return 2;
	errors = check_tree(argv[2], 0, &found, load ? &lc : NULL);
	errors += check_schoolvakanties(argv[2]);
	db_free(&lc.db);
	if (found == 0) {
		fprintf(stderr, "balie: geen profielmap (met profiel.conf of *.flow) gevonden in '%s'\n", argv[2]);
		return 2;
	}
	return errors ? 1 : 0;
}
