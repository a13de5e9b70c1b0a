/* Loading a script whose function is too long for mujs: see codelimit.c. */
#ifndef LYOCELL_JS_CODELIMIT_H
#define LYOCELL_JS_CODELIMIT_H

#include <mujs.h>

/* js_ploadstring, but a function past the engine's 65,535 instructions
 * is named by its file and line in the error left on the stack. */
int	codelimit_load(js_State *, const char *name, const char *source);

#endif
