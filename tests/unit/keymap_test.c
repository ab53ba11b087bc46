/* keymap_test.c — the keymap file format: keys, statements, errors with
 * file:line, overrides, conflicts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/keymap.h"

static const char *const contexts[] = {"overal", "werkvoorraad", "hulpvraag", NULL};

static int known(const char *ctx, const char *action, void *arg)
{
	static const char *const ok[] = {"overal/afsluiten", "overal/help", "werkvoorraad/openen",
					 "werkvoorraad/markeren", "hulpvraag/status-wijzigen", NULL};
	char full[128];
	snprintf(full, sizeof full, "%s/%s", ctx, action);
	for (const char *const *o = ok; *o; o++)
		if (!strcmp(*o, full) || (!strncmp(*o, "overal/", 7) && !strcmp(*o + 7, action)))
			return 1;
	return 0;
}

static const struct keymap_names names = {contexts, known, NULL};

static char reported[2048];
static void collect(const struct err *e, void *arg)
{
	char buf[600];
	strncat(reported, err_format(e, buf, sizeof buf), sizeof reported - strlen(reported) - 2);
	strcat(reported, "\n");
}

static int parse(struct keymap *km, const char *text, const char *file)
{
	struct err e;
	reported[0] = '\0';
	return keymap_parse(km, text, strlen(text), file, &names, collect, NULL, &e);
}

static void key_names_round_trip(void **state)
{
	const char *specs[] = {"q", "/", "é", "Enter", "Esc", "Tab", "Shift-Tab", "Space", "PgDn", "PgUp",
			       "Home", "End", "Up", "Down", "F1", "F10", "F12", "Ctrl-L", "Backspace", NULL};
	for (const char **s = specs; *s; s++) {
		struct keymap_key k;
		struct err e;
		char buf[32];
		assert_int_equal(keymap_key_parse(*s, &k, &e), 0);
		assert_string_equal(keymap_key_name(&k, buf, sizeof buf), *s);
	}
	struct keymap_key a, b;
	struct err e;
	assert_int_equal(keymap_key_parse("pgdn", &a, &e), 0);
	assert_int_equal(keymap_key_parse("PgDn", &b, &e), 0);
	assert_true(keymap_key_equal(&a, &b));
}

static void bad_keys_refused(void **state)
{
	struct keymap_key k;
	struct err e;
	assert_int_equal(keymap_key_parse("Ctrl-S", &k, &e), -1);
	assert_non_null(strstr(e.msg, "niet toegestaan"));
	assert_int_equal(keymap_key_parse("Ctrl-Q", &k, &e), -1);
	assert_int_equal(keymap_key_parse("Ctrl-c", &k, &e), -1);
	assert_int_equal(keymap_key_parse("Ctrl-1", &k, &e), -1);
	assert_int_equal(keymap_key_parse("F13", &k, &e), -1);
	assert_int_equal(keymap_key_parse("qq", &k, &e), -1);
	assert_non_null(strstr(e.msg, "onbekende toets"));
	assert_int_equal(keymap_key_parse("\x01", &k, &e), -1);
	assert_int_equal(keymap_key_parse("\xc3", &k, &e), -1);
}

static void bind_and_lookup(void **state)
{
	struct keymap km;
	struct keymap_key k;
	struct err e;
	keymap_init(&km);
	assert_int_equal(parse(&km,
			       "# standaard\n"
			       "bind overal q afsluiten   # afsluiten\n"
			       "bind werkvoorraad Enter openen\n"
			       "\n"
			       "bind werkvoorraad Space markeren\n",
			       "default.keys"),
			 0);
	assert_int_equal(km.n, 3);
	keymap_key_parse("Enter", &k, &e);
	assert_string_equal(keymap_lookup(&km, "werkvoorraad", &k), "openen");
	assert_null(keymap_lookup(&km, "hulpvraag", &k));
	keymap_release(&km);
}

static void user_file_overrides_single_binding(void **state)
{
	struct keymap km;
	struct keymap_key k;
	struct err e;
	keymap_init(&km);
	assert_int_equal(parse(&km, "bind werkvoorraad Enter openen\nbind werkvoorraad Space markeren\n",
			       "default.keys"),
			 0);
	assert_int_equal(parse(&km, "unbind werkvoorraad Space\nbind werkvoorraad x markeren\n", "~/.config/balie/keys"),
			 0);
	keymap_key_parse("Space", &k, &e);
	assert_null(keymap_lookup(&km, "werkvoorraad", &k));
	keymap_key_parse("x", &k, &e);
	assert_string_equal(keymap_lookup(&km, "werkvoorraad", &k), "markeren");
	keymap_key_parse("Enter", &k, &e);
	assert_string_equal(keymap_lookup(&km, "werkvoorraad", &k), "openen");
	/* Overriding another file's binding is not a conflict. */
	assert_int_equal(parse(&km, "bind werkvoorraad Enter markeren\n", "user"), 0);
	assert_int_equal(keymap_conflicts(&km, collect, NULL), 0);
	keymap_release(&km);
}

static void errors_name_file_and_line_and_keep_the_rest(void **state)
{
	struct keymap km;
	keymap_init(&km);
	int n = parse(&km,
		      "bind overal q afsluiten\n"
		      "bind nergens q afsluiten\n"
		      "bind werkvoorraad Ctrl-S openen\n"
		      "bind werkvoorraad o verwijderen\n"
		      "bind werkvoorraad o\n"
		      "toets werkvoorraad o openen\n"
		      "bind hulpvraag s status-wijzigen\n",
		      "mijn.keys");
	assert_int_equal(n, 5);
	assert_non_null(strstr(reported, "mijn.keys:2: onbekende context 'nergens'"));
	assert_non_null(strstr(reported, "mijn.keys:3: Ctrl-S is niet toegestaan"));
	assert_non_null(strstr(reported, "mijn.keys:4: onbekende actie 'verwijderen'"));
	assert_non_null(strstr(reported, "mijn.keys:5: verwacht: bind CONTEXT TOETS ACTIE"));
	assert_non_null(strstr(reported, "mijn.keys:6: onbekende opdracht 'toets'"));
	assert_int_equal(km.n, 2); /* lines 1 and 7 kept */
	keymap_release(&km);
}

static void conflicts_within_one_file(void **state)
{
	struct keymap km;
	keymap_init(&km);
	assert_int_equal(parse(&km, "bind werkvoorraad o openen\nbind werkvoorraad o markeren\n", "default.keys"), 0);
	reported[0] = '\0';
	assert_int_equal(keymap_conflicts(&km, collect, NULL), 1);
	assert_non_null(strstr(reported, "default.keys:2: o in 'werkvoorraad' is al gebonden aan 'openen' (regel 1)"));
	keymap_release(&km);
}

static void garbage_does_not_crash(void **state)
{
	struct keymap km;
	char big[3000];
	keymap_init(&km);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_true(parse(&km, big, "lang.keys") >= 1);
	assert_non_null(strstr(reported, "lang.keys:1: regel te lang"));
	const char bin[] = "bind\0overal q afsluiten\n\xff\xfe\n";
	struct err e;
	assert_true(keymap_parse(&km, bin, sizeof bin - 1, "bin.keys", &names, NULL, NULL, &e) >= 1);
	assert_int_equal(km.n, 0);
	keymap_release(&km);
}

static void unreadable_file_is_one_error(void **state)
{
	struct keymap km;
	struct err e;
	keymap_init(&km);
	assert_int_equal(keymap_load(&km, "/nonexistent/keys", &names, NULL, NULL, &e), 1);
	assert_non_null(strstr(e.msg, "bestand bestaat niet"));
	keymap_release(&km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_names_round_trip),
		cmocka_unit_test(bad_keys_refused),
		cmocka_unit_test(bind_and_lookup),
		cmocka_unit_test(user_file_overrides_single_binding),
		cmocka_unit_test(errors_name_file_and_line_and_keep_the_rest),
		cmocka_unit_test(conflicts_within_one_file),
		cmocka_unit_test(garbage_does_not_crash),
		cmocka_unit_test(unreadable_file_is_one_error),
	};
	return cmocka_run_group_tests_name("keymap", tests, NULL, NULL);
}
