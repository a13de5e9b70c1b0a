/* The driver of the compiled async functions; see asyncfn.c. */
#ifndef LYOCELL_JS_ASYNCFN_H
#define LYOCELL_JS_ASYNCFN_H

#include <mujs.h>

struct promise;

/* rt.as and rt.step on the object at the top of the stack (rt). */
void	asyncfn_install(js_State *, struct promise *);

#endif
