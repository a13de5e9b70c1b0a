/* Properties listed in JavaScript's order: integer keys ascending, then
 * the other names in the order they were added (for-in, Object.keys,
 * JSON.stringify, check()...).  proporder.c takes the place of the mujs
 * functions that make and list properties; nothing to call for that. */
#ifndef LYOCELL_JS_PROPORDER_H
#define LYOCELL_JS_PROPORDER_H

#include <mujs.h>

/* Object.getOwnPropertyNames in that order, as a C function. */
void	proporder_names(js_State *);
/* The name of the one own enumerable property of the plain object at
 * idx (what an iterator of its own keys would hand out), or NULL when it
 * has none, several, or hidden ones, or is another kind of object.  The
 * name is interned: it lives as long as the process. */
const char *	proporder_sole_key(js_State *, int idx);

/* For js/lazyprop.c, on mujs objects and properties: the number the next
 * property of obj would get (0: user data, or none left), taking it,
 * and giving property prop number seq. */
unsigned proporder_peek(void *obj);
void	 proporder_take(void *obj);
void	 proporder_setseq(void *prop, unsigned seq);
/* A userdata that shows fields through its has hook (a Response,
 * __ENV) makes them own properties (for Object.freeze and its kin). */
void	 proporder_own(js_State *, void *obj);

#endif
