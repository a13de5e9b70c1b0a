/* console.log's rendering of values, as k6 renders them; see
 * consolefmt.c. */
#ifndef LYOCELL_JS_CONSOLEFMT_H
#define LYOCELL_JS_CONSOLEFMT_H

#include <mujs.h>

struct buf;

/* Append the rendering of the value at idx to b.  Never throws. */
void	console_format(js_State *, int idx, struct buf *b);

#endif
