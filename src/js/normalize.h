/* String.prototype.normalize (NFC, NFD, NFKC, NFKD) with utf8proc; see
 * normalize.c. */
#ifndef LYOCELL_JS_NORMALIZE_H
#define LYOCELL_JS_NORMALIZE_H

#include <mujs.h>

/* The method itself: this, then the form. */
void	normalize_string(js_State *);

#endif
