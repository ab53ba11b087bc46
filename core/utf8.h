/* utf8.h — the one UTF-8 decoder and encoder of core/.
 *
 * Strict: overlong forms, surrogates (U+D800…U+DFFF) and code points above
 * U+10FFFF are invalid, as RFC 3629 says.  Every parser that checks or walks
 * UTF-8 (flows, mail templates, keymaps, names, passwords) uses these, so
 * they all agree on what valid text is.
 */
#ifndef BALIE_UTF8_H
#define BALIE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1…4) of the valid sequence at s, n bytes available, and its code
 * point in *cp (cp may be NULL); 0 when the bytes at s are not valid UTF-8
 * (or n is 0). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (NUL-terminated); returns the byte length, 0 for an
 * invalid code point. */
size_t utf8_encode(uint32_t cp, char out[5]);

/* Code points in the NUL-terminated s, or (size_t)-1 when s is not valid
 * UTF-8. */
size_t utf8_length(const char *s);

/* s in Unicode Normalization Form C into out (len bytes, NUL-terminated):
 * "e" + U+0301 from a terminal that sends decomposed characters becomes
 * "é", so typed text matches names stored precomposed (search, filters,
 * what is saved).  libunistring does the work: Unicode's tables are not
 * ours to keep.  0, or -1 when s is not valid UTF-8 or the result does not
 * fit (out is then ""). */
int utf8_nfc(const char *s, char *out, size_t len);

/* Is cp unsafe to hand to a terminal?  C0 controls (except tab and
 * newline), DEL, C1 controls, and the invisible bidi and line-breaking
 * format characters (U+061C, U+200E/F, U+2028/9, U+202A…U+202E,
 * U+2066…U+2069) that reorder or hide what a person reads: "U+202E" makes
 * "fdp.exe" look like "exe.pdf".  Screens show them as U+FFFD, the CLI
 * replaces them, and names refuse them. */
int utf8_cp_unsafe(uint32_t cp);

/* Does the NUL-terminated s hold an unsafe code point (or invalid UTF-8)?
 * allow_newline: a multi-line text may hold '\n'.  Tab never counts. */
int utf8_has_unsafe(const char *s, int allow_newline);

/* The terminal-safe form of a byte stream (what the CLI prints to a
 * terminal): appends in[0..n) to out (room for 3 * n + 16 bytes) with every
 * unsafe code point (utf8_cp_unsafe) and every byte that is not UTF-8
 * replaced by U+FFFD.  A sequence cut by the end of in is kept in *pending
 * (4 bytes, *npending long) and finished by the next call.  Returns the
 * bytes written. */
size_t utf8_terminal_safe(const char *in, size_t n, unsigned char pending[4], size_t *npending, char *out);

#endif
