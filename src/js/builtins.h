/* Built-ins that sit inside mujs's own objects: Error's cause option
 * (js_newcconstructor takes the place of libmujs.so's for its error
 * constructors), Math's hyperbolic functions and Symbol.toStringTag in
 * Object.prototype.toString; see builtins.c. */
#ifndef LYOCELL_JS_BUILTINS_H
#define LYOCELL_JS_BUILTINS_H

#include <mujs.h>

/* Add sinh, cosh, tanh, asinh, acosh and atanh to the Math object at the
 * top of the stack. */
void	builtins_math(js_State *);

/* Object.prototype.toString that gives "[object TAG]" for an object
 * whose Symbol.toStringTag is the string TAG, else runs mujs's own,
 * real. */
js_CFunction builtins_object_tostring(js_CFunction real);

/* String.prototype.trim, with JavaScript's whitespace. */
js_CFunction builtins_string_trim(void);

#endif
