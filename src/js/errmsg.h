/* The engine's runtime errors in the words of k6's engine, and `in`
 * without getters; see errmsg.c. */
#ifndef LYOCELL_JS_ERRMSG_H
#define LYOCELL_JS_ERRMSG_H

#include <mujs.h>

/* Finds, once per process, where `in` asks for a property: call on a
 * fresh state before it runs a script. */
void	errmsg_probe(js_State *);

/* Marks the member reads of a compiled function (a js_Function) that
 * share a line with reads of other names; once per compilation. */
void	errmsg_mark(void *);

/* The compiler's map of the file loaded under a name (compile/posmap.h),
 * borrowed: compilations of it get their columns.  Before loading it. */
struct posmap;
void	errmsg_posmap(const char *filename, const struct posmap *);
/* The map of the file loaded under a name, or NULL. */
const struct posmap *errmsg_map(const char *filename);

/* Whether the value at idx is a function the compiler made of an async
 * function (its body returns __ly.async(...)), as k6's engine tells an
 * async function: check() and group() refuse them. */
int	errmsg_is_async(js_State *, int idx);

/* The line slot (a line or a position of the file's map) where the
 * lowered async body F (a js_Function) waits to resume at state n, as a
 * frame names it; 0 if it has no such await. */
int	errmsg_await_line(const void *F, int n);

/* Gives the frames of the call stack their lines where they run a marked
 * instruction: before anything records the stack. */
void	errmsg_trace_fix(js_State *);

#endif
