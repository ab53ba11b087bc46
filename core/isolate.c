/* isolate.c — see isolate.h; the child is core/spawn's spawn_call. */
#include "core/isolate.h"

#include "core/spawn.h"

int isolate_run(isolate_fn fn, void *arg, void *out, size_t outlen)
{
	struct spawn_result r;
	int rc;

	if (spawn_call(fn, arg, out, outlen, NULL, &rc, &r) == 0)
		return rc;
	if (r.end == SPAWN_NOT_STARTED) /* no fork or pipe: same answer, more memory */
		return fn(arg, out, outlen);
	return -1;
}
