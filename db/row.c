/* row.c — see row.h. */
#include "db/row.h"

#include <stdio.h>

const char *db_num(char *buf, size_t len, long v)
{
	snprintf(buf, len, "%ld", v);
	return buf;
}

void db_copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src ? src : "");
}
