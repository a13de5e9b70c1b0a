/* GJSON paths, the selector syntax of k6's res.json(selector), evaluated
 * over JavaScript values (what JSON.parse made) on a mujs stack.
 *
 * gjson_get borrows path; it allocates nothing the caller must free, and
 * frees its own scratch memory even when mujs throws through it. */
#ifndef LYOCELL_GJSON_H
#define LYOCELL_GJSON_H

#include <mujs.h>

/* Replace the value on top of the stack by what path selects in it, or
 * by undefined when nothing matches.  An object or array result is a
 * new one, sharing nothing with the input.  Throws only what mujs
 * throws (a stack overflow for absurdly nested paths). */
void	gjson_get(js_State *, const char *path);

#endif
