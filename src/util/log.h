/* Log lines as k6 writes them (logrus text format).
 *
 * On a terminal: "INFO[0003] message  key=value"; elsewhere:
 * time="2026-11-26T01:51:56Z" level=info msg="message" key=value.  The
 * bracketed number is whole seconds since log_init.  Deep code does not
 * log; the engine and the JS modules do. */
#ifndef LYOCELL_LOG_H
#define LYOCELL_LOG_H

#include <stdio.h>

enum log_level {
	LOG_DEBUG,
	LOG_INFO,
	LOG_WARN,
	LOG_ERROR,
};

void	log_init(int verbose, int color);
/* --log-output (stderr, stdout, none, file=PATH) and --log-format (text,
 * json, raw); NULL keeps the default.  0, or -1 with an owned *cause. */
int	log_configure(const char *output, const char *format, char **cause);
/* Where lines go (stderr by default); the caller keeps f open. */
void	log_set_output(FILE *f);
int	log_enabled(enum log_level);
/* fields is a preformatted " key=value ..." suffix, or NULL. */
void	log_msg(enum log_level, const char *fields, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Open path for appending log lines (--log-output file=, --console-output):
 * a FILE the log keeps, or NULL with an owned *cause. */
FILE	*log_open(const char *path, char **cause);
/* Lines that files from log_open did not take, by this process and the
 * workers forked after the open; *path and *err (an errno) are set when
 * there are any. */
unsigned long	log_lost(const char **path, int *err);
/* The live display (the coordinator's): log_screen_init before the
 * workers fork; log_screen_draw writes text (lines lines, each ending in
 * a newline) over the display already drawn on fd, and log lines for the
 * terminal then go above it; log_screen_end leaves it where it is. */
int	log_screen_init(void);
void	log_screen_draw(int fd, const char *text, int lines);
void	log_screen_end(void);
void	log_write(FILE *f, enum log_level, const char *fields, const char *msg);
/* A script's error at level error, with k6's hint="script exception";
 * an exception's text (one ending in a newline, as k6's engine writes
 * it) also gets source=stacktrace.  1 for an exception, else 0. */
int	log_script_error(const char *text);
/* From now on, write every occurrence of secret (a k6/secrets value) in
 * this process's log lines as ***SECRET_REDACTED***, as k6 does; blank
 * secrets are not redacted. */
void	log_redact(const char *secret);

#endif
