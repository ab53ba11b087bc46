/* form_fuzz.c — libFuzzer target for the .form parser (core/form.c): any
 * bytes must give either a valid definition or Dutch file:line errors, never
 * a crash, leak or hang.  A valid definition is then exercised: every field
 * validates a few typed texts, the canonical results must check out and
 * format back, and visibility / what-is-missing run over the values. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/form.h"

static void count(const struct err *e, void *ctx)
{
	size_t *n = ctx;

	/* every error must name the file and a line */
	if (!e->file[0] || e->line <= 0 || !e->msg[0])
		__builtin_trap();
	(*n)++;
}

static const char *const typed[] = {
	"01-08-2026", "31-02-2026", "ja", "nee", "1", "8.500,00", "8.500,0O", "-5", "ib@school.nl",
	"06-12345678", "1234 AB", "14SS", "14S", "tekst\nmet regels", "Tevreden", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_def *d = NULL;
	struct err e;
	size_t nerr = 0;

	int rc = form_parse((const char *)data, size, "fuzz.form", &d, count, &nerr, &e);
	if ((rc == 0) != (nerr == 0) || (rc == 0) != (d != NULL))
		__builtin_trap();
	if (!d)
		return 0;
	const char **values = calloc(d->nfields ? d->nfields : 1, sizeof *values);
	char **owned = calloc(d->nfields ? d->nfields : 1, sizeof *owned);
	if (!values || !owned)
		__builtin_trap();
	for (size_t i = 0; i < d->nfields; i++) {
		const struct form_field *f = &d->fields[i];
		if (form_field_index(d, f->key) != (int)i)
			__builtin_trap();
		for (size_t k = 0; k < sizeof typed / sizeof *typed; k++) {
			char *canon = NULL, shown[FORM_MAX_VALUE + 1];
			if (form_validate(d, i, typed[k], &canon, &e) != 0) {
				if (canon || !e.msg[0])
					__builtin_trap();
				continue;
			}
			if (!canon)
				continue;
			/* a canonical value formats to text that validates to itself */
			char *again = NULL;
			form_format(d, i, canon, shown, sizeof shown);
			if (form_validate(d, i, shown, &again, &e) != 0 || !again || strcmp(again, canon))
				__builtin_trap();
			free(again);
			if (!owned[i]) {
				owned[i] = canon;
				values[i] = canon;
			} else {
				free(canon);
			}
		}
	}
	struct form_problem p[8];
	size_t n = form_problems(d, values, p, 8);
	for (size_t k = 0; k < n && k < 8; k++)
		if (p[k].field >= d->nfields || !p[k].msg[0])
			__builtin_trap();
	for (size_t i = 0; i < d->nfields; i++) {
		if (form_required(d, values, i) && !form_visible(d, values, i))
			__builtin_trap();
	}
	for (size_t i = 0; i < d->nfields; i++)
		free(owned[i]);
	free(owned);
	free(values);
	form_free(&d);
	return 0;
}
