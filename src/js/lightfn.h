/* The compiler's state-machine bodies run as mujs's lightweight
 * functions; see lightfn.c. */
#ifndef LYOCELL_JS_LIGHTFN_H
#define LYOCELL_JS_LIGHTFN_H

/* Make lightweight every body of the compiled function F (a js_Function,
 * borrowed; NULL is a no-op) and of its inner functions that can be. */
void	lightfn_promote(void *);

#endif
