/* Durations as k6 writes them: Go duration strings ("1h2m3.5s", "250ms",
 * "1.5s", "-2s"), an optional day prefix ("2d3h"), or a bare number of
 * milliseconds. */
#ifndef LYOCELL_DURATION_H
#define LYOCELL_DURATION_H

#include <stddef.h>

/* Parse s into milliseconds; 0 on success, -1 if s is not a duration. */
int	duration_parse(const char *s, double *ms);
/* Format like Go's time.Duration.String ("1m30s", "500ms", "0s") into
 * out; returns out. */
char	*duration_format(double ms, char *out, size_t size);

#endif
