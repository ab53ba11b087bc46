/* duo.h — DUO's open data file of school locations ("Adressen van alle
 * schoolvestigingen in het basisonderwijs", 03-alle-vestigingen-bo.csv, and
 * its siblings for sbo/(v)so and vo): a CSV with DUO's own column names in
 * a header line, separated by ';' (',' is accepted too), fields possibly in
 * double quotes.  balie reads the columns it needs by name, wherever they
 * stand: BRIN NUMMER, VESTIGINGSNUMMER (the six-position BRIN of the
 * vestiging, "12AB00" for the hoofdvestiging), VESTIGINGSNAAM,
 * BEVOEGD GEZAG NUMMER, PLAATSNAAM and GEMEENTENAAM.  Pure: no I/O. */
#ifndef BALIE_DUO_H
#define BALIE_DUO_H

#include <stddef.h>

#include "core/err.h"

#define DUO_MAX_VELDEN 80
/* Longest line read (a DUO row is about 600 bytes). */
#define DUO_MAX_REGEL 8192

struct duo_kop {
	char sep;
	int brin, vestiging, naam, bg, plaats, gemeente;
};

/* One school location, pointing into the split line. */
struct duo_school {
	char brin[5], vest[3]; /* "12AB", "00" */
	const char *naam, *bg, *plaats, *gemeente;
};

/* A line that is not UTF-8 is taken as Windows-1252/Latin-1 (DUO's older
 * files) and converted into out (size len); a UTF-8 line is copied.  The
 * line end (\r\n or \n) and a UTF-8 byte order mark are dropped.  0 / -1
 * when it does not fit. */
int duo_regel(const char *in, char *out, size_t len, struct err *e);

/* Splits line in place on sep with CSV quoting ("a;""b""" → a;"b);
 * fields are trimmed of spaces.  Returns the number of fields, -1 with e
 * for an open quote or more than max fields. */
int duo_velden(char *line, char sep, char **veld, int max, struct err *e);

/* Reads the header line (not yet split): the separator and where each
 * needed column stands.  -1 with e naming the missing columns. */
int duo_kop_lees(char *line, struct duo_kop *k, struct err *e);

/* Checks one split row: BRIN (2 digits, 2 letters), vestigingsnummer (the
 * six positions of the BRIN plus 2 digits, or only the 2 digits), a name
 * without control characters, a bevoegd-gezagnummer of 5 digits, plaats
 * and gemeente present.  -1 with one Dutch message in e. */
int duo_rij(char **veld, int n, const struct duo_kop *k, struct duo_school *s, struct err *e);

#endif
