/* k6/secrets' sources (--secret-source), as k6 has them: file=PATH (lines
 * of key=value) and mock=key=value,...; each may say name=NAME and
 * default; one source alone is the default.  secrets_configure runs in the
 * coordinator before the workers fork, which inherit the sources.  A value
 * a VU gets is redacted from that process's log lines (util/log.h). */
#ifndef LYOCELL_SECRETS_H
#define LYOCELL_SECRETS_H

#include <stddef.h>

/* Read the --secret-source values specs[0..n).  0, or -1 with an owned
 * *cause naming the value at fault. */
int	secrets_configure(const char *const *specs, size_t n, char **cause);
struct cli;
/* secrets_configure with the --secret-source values; an error is logged
 * and gives 255 as in k6, else 0. */
int	secret_sources(const struct cli *);

#endif
