/* k6/http. */
#include "config.h"

#include <mujs.h>

#include "engine/engine.h"
#include "js/modules.h"

static void
http_unsupported(js_State *J)
{
	js_error(J, "not supported yet: k6/http requests");
}

void
http_module_open(js_State *J)
{
	static const char *const fns[] = {
		"get", "post", "put", "patch", "del", "head", "options", "request",
		"batch", NULL
	};
	int i;

	js_newobject(J);
	for (i = 0; fns[i] != NULL; i++) {
		js_newcfunction(J, http_unsupported, fns[i], 0);
		js_setproperty(J, -2, fns[i]);
	}
}

void
http_vu_free(struct vu *vu)
{
}

void
http_interrupt(struct vu *vu)
{
}

void
http_iteration_start(struct vu *vu)
{
}
