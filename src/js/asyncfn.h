/* The driver of the compiled async functions; see asyncfn.c. */
#ifndef LYOCELL_JS_ASYNCFN_H
#define LYOCELL_JS_ASYNCFN_H

#include <mujs.h>

struct promise;

/* rt.as on the object at the top of the stack (rt). */
void	asyncfn_install(js_State *, struct promise *);
/* Resume the context at index c with the mode and value at m and a (an
 * await's job, run by the drain); it never throws. */
void	asyncfn_run(js_State *, struct promise *, int, int, int);

/* Add to the frames of the error at index e (js/error.h) those of the
 * async functions waiting on the running one that the drain resumed. */
void	asyncfn_trace(js_State *, int e);

#endif
