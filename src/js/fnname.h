/* Function.prototype.name: the names the compiler gives functions
 * (src/compile/fnname.c) turned back into JavaScript's, and the getter
 * that reads them. */
#ifndef LYOCELL_JS_FNNAME_H
#define LYOCELL_JS_FNNAME_H

#include <mujs.h>

/* Give every function of a compilation (a js_Function of mujs 1.3.2) and
 * of its inner functions the JavaScript name its mujs name spells. */
void	fnname_fix(js_State *, void *F);
/* Name the function the Function constructor compiled "anonymous". */
void	fnname_anonymous(void *F);
/* Push the name of the function at idx, as its name property reads. */
void	fnname_push(js_State *, int idx);
/* Define Function.prototype.name, a getter, in a new state. */
void	fnname_define(js_State *);

#endif
