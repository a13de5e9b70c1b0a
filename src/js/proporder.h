/* Properties listed in JavaScript's order: integer keys ascending, then
 * the other names in the order they were added (for-in, Object.keys,
 * JSON.stringify, check()...).  proporder.c takes the place of the mujs
 * functions that make and list properties; nothing to call for that. */
#ifndef LYOCELL_JS_PROPORDER_H
#define LYOCELL_JS_PROPORDER_H

#include <mujs.h>

/* Object.getOwnPropertyNames in that order, as a C function. */
void	proporder_names(js_State *);

/* For js/lazyprop.c, on mujs objects and properties: the number the next
 * property of obj would get (0: user data, or none left), taking it,
 * and giving property prop number seq. */
unsigned proporder_peek(void *obj);
void	 proporder_take(void *obj);
void	 proporder_setseq(void *prop, unsigned seq);

#endif
