/* Built-ins that sit inside mujs's own objects: Error's cause option
 * (js_newcconstructor takes the place of libmujs.so's for its error
 * constructors) and Math's hyperbolic functions; see builtins.c. */
#ifndef LYOCELL_JS_BUILTINS_H
#define LYOCELL_JS_BUILTINS_H

#include <mujs.h>

/* Add sinh, cosh, tanh, asinh, acosh and atanh to the Math object at the
 * top of the stack. */
void	builtins_math(js_State *);

#endif
