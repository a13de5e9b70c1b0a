/* Number.prototype.toFixed, toExponential and toPrecision as the
 * language defines them; see numfmt.c. */
#ifndef LYOCELL_JS_NUMFMT_H
#define LYOCELL_JS_NUMFMT_H

#include <mujs.h>

/* The program's own for mujs's built-in method name, or fn. */
js_CFunction numfmt_builtin(const char *name, js_CFunction fn);

#endif
