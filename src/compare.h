/* lyocell compare: two --summary-export files, every metric's change,
 * and the limits a change must stay within (the table itself is built by
 * src/js/coordinator/compare.js).
 *
 * compare_run borrows its strings; it writes the table to out and
 * returns an exit code: 0, 99 when a change breaks a limit, or 104/255
 * with *cause set to an owned message. */
#ifndef LYOCELL_COMPARE_H
#define LYOCELL_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#define COMPARE_JSON	0x01u	/* machine-readable output */
#define COMPARE_COLOR	0x02u	/* regressions in red */

int	compare_run(FILE *out, const char *baseline, const char *current,
	    const char *const *limits, size_t nlimits, unsigned flags, char **cause);

#endif
