/* mujs numbers a function's instructions in 16 bits: one whose code
 * grows past 65,535 slots (about 280 try statements nested with catch
 * and finally) fails to compile with "jump address integer overflow",
 * a SyntaxError that names neither file nor line.  The function being
 * compiled is still on the engine's list of functions (J->gcfun, newest
 * first; mujs links each as it starts one), the only one that long but
 * for a nested function that fitted having no jump past the limit: the
 * newest such is taken, and the error made again with its file and
 * line (the source's, through the compiler's map), as the compiler's
 * own load errors read.  Only a failed load
 * pays for this. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "compile/posmap.h"
#include "js/codelimit.h"
#include "js/errmsg.h"
#include "js/mujs-layout.h"
#include "util/xmalloc.h"

#define CODE_MAX	65535

static const struct mj_function *
too_long(js_State *J)
{
	const struct mj_state *S = (const void *)J;
	const struct mj_function *F;

	for (F = S->gcfun; F != NULL; F = F->gcnext)
		if (F->codelen > CODE_MAX)
			return F;
	return NULL;
}

int
codelimit_load(js_State *J, const char *name, const char *source)
{
	const struct mj_function *F;
	const char *msg;
	const struct posmap *map;
	char *m;
	int line;

	if (js_ploadstring(J, name, source) == 0)
		return 0;
	if (!js_isobject(J, -1) || !js_hasproperty(J, -1, "message"))
		return 1;
	msg = js_isstring(J, -1) ? js_tostring(J, -1) : "";
	if (strcmp(msg, "jump address integer overflow") != 0 ||
	    (F = too_long(J)) == NULL) {
		js_pop(J, 1);
		return 1;
	}
	/* its line in the output, turned back into the source's */
	line = F->line;
	if ((map = errmsg_map(F->filename)) != NULL && line >= 1 &&
	    (size_t)line <= map->nlines)
		line = (int)map->lines[line - 1];
	m = xasprintf("%s:%d: a function longer than the engine's 65,535 "
	    "instructions (jump address integer overflow)", F->filename, line);
	js_pop(J, 2);
	js_newsyntaxerror(J, m);
	free(m);
	return 1;
}
