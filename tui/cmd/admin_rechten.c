/* admin_rechten.c — `balie admin rechten [--man]`: the rulebook (core/recht)
 * as the binary knows it and as the database enforces it after `balie admin
 * migrate`.  --man prints the troff lines of the section WIE MAG WAT in
 * balie(1); the docs test (tests/run-docs.sh) checks that the man page
 * carries exactly these lines, so the documented table is the enforced one. */
#include "tui/cmd/cmd.h"

#include <stdio.h>
#include <string.h>

#include "core/recht.h"

/* "secretariaat, financieel medewerker, …" for a role set. */
static void role_list(unsigned roles, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int r = 0; r < FLOW_ROLE_COUNT; r++)
		if (roles & FLOW_ROLE_BIT(r)) {
			int n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", flow_roles[r].label);
			if (n < 0 || (size_t)n >= len - used)
				return;
			used += (size_t)n;
		}
}

int cmd_admin_rechten(int argc, char **argv)
{
	int man = argc == 2 && !strcmp(argv[1], "--man");
	char roles[256];

	if (argc > 2 || (argc == 2 && !man)) {
		fprintf(stderr, "gebruik: balie admin rechten [--man]\n");
		return 2;
	}
	for (int a = 0; a < RECHT_COUNT; a++) {
		role_list(recht_tabel[a].rollen, roles, sizeof roles);
		if (!man) {
			printf("%-24s %s\n%-24s   (%s)\n", recht_tabel[a].naam, roles, "", recht_tabel[a].bron);
			continue;
		}
		printf(".TP\n.B ");
		for (const char *c = recht_tabel[a].naam; *c; c++)
			if (*c == '-')
				fputs("\\-", stdout);
			else
				putchar(*c);
		printf("\n%s: %s.\n", recht_tabel[a].label, roles);
	}
	return 0;
}
