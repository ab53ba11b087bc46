/* flow_fuzz.c — libFuzzer target for the *.flow parser (core/flow.c): any
 * bytes must give either a valid flow or Dutch file:line errors, never a
 * crash, leak or hang; a valid flow is then asked every question. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/err.h"
#include "core/flow.h"

static void count(const struct err *e, void *ctx)
{
	size_t *n = ctx;

	/* every error must name the file and a line */
	if (!e->file[0] || e->line <= 0 || !e->msg[0])
		__builtin_trap();
	(*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct flow_type *t = NULL;
	struct flow_stats st;
	struct err e;
	size_t nerr = 0;

	memset(&st, 0, sizeof st);
	int rc = flow_type_parse((const char *)data, size, "fuzz.flow", &t, &st, count, &nerr, &e);
	if ((rc == 0) != (nerr == 0) || (rc == 0) != (t != NULL))
		__builtin_trap();
	if (!t)
		return 0;
	for (size_t i = 0; i < t->nstatuses; i++) {
		const char *s = t->statuses[i].name;
		struct flow_choice c[8];

		for (int r = 0; r < FLOW_ROLE_COUNT; r++) {
			size_t n = flow_allowed(t, s, (enum flow_role)r, c, 8);
			for (size_t k = 0; k < n && k < 8; k++) {
				int reason;
				if (!flow_may(t, s, c[k].to, (enum flow_role)r, &reason))
					__builtin_trap();
			}
		}
		const char *to = flow_on_bijlage(t, s);
		if (to && flow_status_index(t, to) < 0)
			__builtin_trap();
	}
	flow_type_free(&t);
	return 0;
}
