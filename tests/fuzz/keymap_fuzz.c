/* keymap_fuzz.c — libFuzzer target for the keymap parser (core/keymap.c). */
#include <stdint.h>
#include <string.h>

#include "core/keymap.h"

static const char *const contexts[] = {"overal", "werkvoorraad", "hulpvraag", NULL};

static int known(const char *ctx, const char *action, void *arg)
{
	return strlen(action) < 20 && action[0] != 'x';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	struct err e;
	struct keymap_names names = {contexts, known, NULL};
	keymap_init(&km);
	keymap_parse(&km, (const char *)data, size, "fuzz.keys", &names, NULL, NULL, &e);
	keymap_conflicts(&km, NULL, NULL);
	struct keymap_key k = {KEYMAP_CHAR, 'q'};
	keymap_lookup(&km, "overal", &k);
	keymap_release(&km);
	return 0;
}
