/* JSON.parse of any depth that fits in memory; see jsonparse.c. */
#ifndef LYOCELL_JS_JSONPARSE_H
#define LYOCELL_JS_JSONPARSE_H

#include <mujs.h>

/* mujs's JSON.parse, which jsonparse_builtin runs first (set by
 * builtins_own). */
extern js_CFunction	jsonparse_mujs;

/* JSON.parse(text, reviver). */
void	jsonparse_builtin(js_State *);

#endif
