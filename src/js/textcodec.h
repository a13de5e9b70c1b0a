/* TextEncoder and TextDecoder, UTF-8; see textcodec.c. */
#ifndef LYOCELL_JS_TEXTCODEC_H
#define LYOCELL_JS_TEXTCODEC_H

#include <mujs.h>

/* Define the globals TextEncoder and TextDecoder (the runtime library's
 * lazy globals call this when one is first read). */
void	textcodec_load(js_State *);

#endif
