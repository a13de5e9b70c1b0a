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

/* The program's own for mujs's built-in method name (made from fn), or
 * fn: Object.prototype.toString with Symbol.toStringTag, and
 * String.prototype.trim, Array.prototype.splice and
 * Date.UTC without mujs's bugs. */
js_CFunction builtins_own(const char *name, js_CFunction fn);


/* Define String.prototype.substr and the globals escape and unescape. */
void	builtins_define(js_State *);

#endif
