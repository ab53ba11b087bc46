/* safe_output.h — what a verb prints cannot steer the terminal.
 *
 * Names, titles, file names and data-file lines come from people and from
 * files; printed raw, an ESC sequence in an account name could retitle the
 * window, rewrite what `admin user list` showed or hide a line, and a bidi
 * override (U+202E) turns a name round.  When standard output or standard
 * error is a terminal, safe_output_install() puts a filter in front of it
 * that shows every control character (except newline and tab), every C1
 * control, every invisible bidi/line-breaking format character and every
 * byte that is not UTF-8 as U+FFFD.  Output to a file or pipe stays
 * byte-for-byte (an export, `--env` for eval, the man page block).
 *
 * Not for a verb that hands the terminal to curses afterwards (`balie
 * demo`): ncurses needs the real stream.
 */
#ifndef BALIE_CMD_SAFE_OUTPUT_H
#define BALIE_CMD_SAFE_OUTPUT_H

#include <stddef.h>

/* Filters stdout and stderr where they are terminals.  Call once, before
 * the verb prints anything. */
void safe_output_install(void);

#endif
