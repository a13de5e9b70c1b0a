/* Error objects with k6's own properties; see error.c. */
#ifndef LYOCELL_JS_ERROR_H
#define LYOCELL_JS_ERROR_H

#include <mujs.h>

/* Where an error keeps mujs's frames ("\n\tat NAME (FILE:LINE)"...): a
 * key scripts do not see (js/runtime/10-symbol.js). */
#define ERROR_FRAMES	"@@ly:st"

/* Push a new error of prototype proto (a js_Object) with the message
 * (none when NULL) and the frames of the call stack but its skip
 * innermost: stack (deferred), message, the frames. */
void	error_new(js_State *, void *proto, const char *message, int skip);

/* Make the deferred stack of the error obj (a js_Object) from its
 * frames: for js/lazyprop.c, which defers it. */
void	error_make_stack(js_State *, void *obj);

/* Error["@@ly:es"] (js/builtins.c): the JavaScript that makes its own
 * errors (class constructors, AggregateError) gives them this shape. */
void	error_adopt(js_State *);

#endif
