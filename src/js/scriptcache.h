/* Compiled scripts shared by every JavaScript state of the process
 * (src/js/scriptcache.c takes the place of mujs's parser and compiler
 * entry points for the scripts every VU loads).
 *
 * The compiled functions belong to the cache and live until the process
 * ends.  Not thread-safe: one thread per process runs JavaScript. */
#ifndef LYOCELL_SCRIPTCACHE_H
#define LYOCELL_SCRIPTCACHE_H

#include <stddef.h>

/* The start of the name a Function constructor text is compiled under
 * when mujs cannot parse it ("[Function 1]"): the user's code. */
#define SCRIPTCACHE_FUNCTION	"[Function "

/* How many scripts the process has compiled for all its states. */
size_t	scriptcache_count(void);
/* Whether a compiled function (a js_Function) is a script's or
 * function body's the cache holds. */
int	scriptcache_shared(const void *);

#endif
