/* One table of interned strings shared by every JavaScript state of the
 * process (src/js/intern.c takes the place of mujs's js_intern).
 *
 * The strings belong to the table and live until the process ends.  Not
 * thread-safe: one thread per process runs JavaScript. */
#ifndef LYOCELL_INTERN_H
#define LYOCELL_INTERN_H

#include <stddef.h>

/* How many distinct strings the process has interned. */
size_t	intern_count(void);

#endif
