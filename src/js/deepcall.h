/* Calls nested deeper than mujs's value stack; see deepcall.c. */
#ifndef LYOCELL_JS_DEEPCALL_H
#define LYOCELL_JS_DEEPCALL_H

#include <mujs.h>

/* Before the state is freed: its windows' array goes. */
void	deepcall_free(js_State *);

#endif
