/* validate.h — checks and normalises what people type: BRIN, postcode,
 * e-mail, phone, money in cents, whole numbers.
 *
 * Every function takes the text as typed (leading and trailing white space
 * is ignored), returns 0 when it is acceptable and -1 otherwise, with a
 * Dutch message in e that tells the person what to type instead.  Outputs
 * are written only on success; nothing allocates.
 */
#ifndef BALIE_VALIDATE_H
#define BALIE_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* Room for a normalised BRIN ("14SS" or with vestiging "14SS01") + NUL. */
#define VALIDATE_BRIN_LEN 7
/* Room for "1234 AB" + NUL. */
#define VALIDATE_POSTCODE_LEN 8
/* Room for a normalised phone number ("0612345678", "+31612345678") + NUL. */
#define VALIDATE_PHONE_LEN 16
/* Room for any formatted amount ("€ -92.233.720.368.547.758,08") + NUL. */
#define VALIDATE_MONEY_LEN 40

/* BRIN: 2 digits + 2 letters ("14SS"), a vestiging adds 2 digits
 * ("14SS01").  Lower case is accepted; out (VALIDATE_BRIN_LEN) gets upper
 * case. */
int validate_brin(const char *in, char *out, struct err *e);

/* Dutch postcode: 4 digits, the first not 0, an optional space, 2 letters
 * other than SA, SD and SS.  out (VALIDATE_POSTCODE_LEN) gets "1234 AB". */
int validate_postcode(const char *in, char *out, struct err *e);

/* Room for a normalised house number with addition ("12345-abcdef") + NUL. */
#define VALIDATE_HUISNUMMER_LEN 16

/* House number with an optional addition (toevoeging), as typed: "12",
 * "12a", "12 A", "12-2", "12 bis", "12-hs".  The number is 1..99999
 * without a leading 0; the addition at most 6 letters or digits.  out
 * (VALIDATE_HUISNUMMER_LEN) gets the number, a single letter joined in
 * upper case ("12A"), any other addition after a hyphen in lower case
 * ("12-2", "12-bis"). */
int validate_huisnummer(const char *in, char *out, struct err *e);

/* E-mail address local@domain.tld: one @, no spaces, a local part of the
 * usual characters, a domain of at least two labels (letters, digits,
 * hyphens; UTF-8 allowed) whose last is at least two letters. */
int validate_email(const char *in, struct err *e);

/* Dutch phone number, written with or without spaces, hyphens, dots and
 * parentheses: 10 digits starting with 0 ("06-12345678", "010 123 4567"),
 * or +31 / 0031 followed by 9 digits ("+31 6 12345678", "+31 (0)6 …"),
 * or an 0800/0900/0906/0909 number of 4 or 7 more digits.  out
 * (VALIDATE_PHONE_LEN, may be NULL) gets the digits only in the national
 * form "0612345678". */
int validate_phone(const char *in, char *out, struct err *e);

/* An amount in euro, Dutch style: "8500", "8.500", "8.500,00", "8500,5",
 * "€ 8.500,00", "8.500,-".  Thousands dots must sit every three digits;
 * at most two digits after the comma.  Negative amounts are refused ("Bedrag
 * mag niet negatief zijn"), as are amounts beyond INT64_MAX cents.  *cents
 * gets the amount in cents (8.500,5 → 850050). */
int validate_money(const char *in, int64_t *cents, struct err *e);

/* Writes cents as "€ 8.500,00" ("€ -12,50" when negative) into buf
 * (len bytes, VALIDATE_MONEY_LEN is always enough); returns buf. */
const char *validate_money_format(int64_t cents, char *buf, size_t len);

/* A whole number in min..max: optional sign, digits only.  what names the
 * field in the message ("Aantal moet tussen 1 en 8 liggen"); NULL means
 * "Getal". */
int validate_int(const char *in, long long min, long long max, long long *out,
		 const char *what, struct err *e);

#endif
