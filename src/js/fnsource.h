/* Function.prototype.toString: a function's source text, as the user
 * wrote it, from the compiler's map of its file (compile/posmap.h fns). */
#ifndef LYOCELL_JS_FNSOURCE_H
#define LYOCELL_JS_FNSOURCE_H

#include <mujs.h>

/* Note the source text of every function of a compilation (a
 * js_Function of mujs 1.3.2 and its inner functions) that lives as long
 * as the process (the script cache's), from the map errmsg_posmap gave
 * its file; once per compilation, before js/fnname.c renames them. */
void	fnsource_mark(void *F);
/* Put Function.prototype.toString in a new state. */
void	fnsource_define(js_State *);

#endif
