/* Functions that make closures run as mujs's lightweight functions when
 * the closures never name their variables; see lightfn.c. */
#ifndef LYOCELL_JS_LIGHTFN_H
#define LYOCELL_JS_LIGHTFN_H

/* Make lightweight the compiled function F (a js_Function, borrowed;
 * NULL is a no-op) and those of its inner functions that can be. */
void	lightfn_promote(void *);

#endif
