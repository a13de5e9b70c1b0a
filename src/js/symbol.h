/* Symbols in the engine: mujs is ES5, and a symbol is a string
 * "@@sym:DESC:N" to it (src/js/runtime/10-symbol.js).  symbol.c tells
 * them from strings where the language does: typeof, String(), toString,
 * the operators that convert to a string or a number, Object(). */
#ifndef LYOCELL_JS_SYMBOL_H
#define LYOCELL_JS_SYMBOL_H

#include <mujs.h>
#include <string.h>

/* Is the string s a symbol's key? */
static inline int
symbol_key(const char *s)
{
	return s[0] == '@' && s[1] == '@' && strncmp(s + 2, "sym:", 4) == 0;
}

/* Is the value at idx a symbol? */
int	symbol_at(js_State *, int);

/* Take the place of mujs's String and Object constructors (name; fun
 * and con as js_newcconstructor gets them), or leave them. */
void	symbol_constructor(const char *name, js_CFunction *fun,
	    js_CFunction *con);

/* The program's own for mujs's built-in method name, or fn:
 * String.prototype.toString. */
js_CFunction symbol_builtin(const char *name, js_CFunction fn);

/* Define __ly_str, the ToString of template literals. */
void	symbol_define(js_State *);

#endif
